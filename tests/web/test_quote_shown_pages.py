"""Pages print shown quotes; the less certain ones sit in a collapsed, plainly marked block,
and the API and ``/quotes?shown=all`` return them with ``shown: false``."""

from __future__ import annotations

import httpx

from europenews.config import Settings
from europenews.store.engine import open_store
from tests.store.test_quote_shown import _store
from tests.web.conftest import LiveServer


def test_pages_fold_less_certain_attributions_away(tmp_path):
    url = f"sqlite:///{tmp_path / 'pages.db'}"
    engine = open_store(url)
    with engine.begin() as conn:
        varga = _store(conn)
    engine.dispose()
    with LiveServer(Settings(db=url)) as server, httpx.Client(base_url=server.url) as client:
        story = client.get("/stories/s1").text.partition("Quotes by speaker")[2]
        shown, _, folded = story.partition("less certain attribution")  # (the brief has the
        # sentence itself above: it is no quote there)
        assert "the ferry will run again" in shown and "harbour gate" not in shown
        assert "harbour gate" in folded and "<details" in shown[-400:]
        person = client.get(f"/entities/{varga}").text
        assert person.index("ferry will run") < person.index("1 less certain attribution")
        assert person.index("1 less certain attribution") < person.index("harbour gate")
        assert "harbour gate" not in client.get("/quotes?speaker=Varga").text
        assert "harbour gate" in client.get("/quotes?speaker=Varga&shown=all").text
        api = client.get("/api/quotes", params={"speaker": "Varga", "shown": "all"}).json()
        assert sorted(q["shown"] for q in api["items"]) == [False, True]
        article = client.get("/articles/a1").text  # its highlights: shown quotes only
        assert article.count("quote-indirect") == 1
