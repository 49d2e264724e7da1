"""``eval geo``: reading TR-News XML, re-anchoring offsets, scoring."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from europenews.errors import InputError
from europenews.evaluate.geo import evaluate_geo, read_tr_news, score
from europenews.model import Mention, Place

TEXT = "Storms hit Lyon on Monday. French officials said Lyon was calm."
XML = """<?xml version="1.0" encoding="utf-8"?>
<articles>
  <article docid="a1">
    <title>t</title>
    <text><![CDATA[{text}]]></text>
    <toponyms>
      <toponym><phrase>Lyon</phrase><start>11</start><end>15</end>
        <gaztag geonameid="2996944"><name>Lyon</name><lat>45.75</lat><lon>4.85</lon></gaztag>
      </toponym>
      <toponym><phrase>French</phrase><start>29</start><end>35</end>
        <gaztag geonameid="3017382"><name>France</name><lat>46</lat><lon>2</lon></gaztag>
      </toponym>
      <toponym><phrase>Lyon</phrase><start>49</start><end>53</end>
        <gaztag geonameid="2996944"><name>Lyon</name><lat>45.75</lat><lon>4.85</lon></gaztag>
      </toponym>
      <toponym><phrase>Monday</phrase><start>19</start><end>25</end></toponym>
    </toponyms>
  </article>
</articles>
"""


@pytest.fixture
def tr_file(tmp_path: Path) -> Path:
    path = tmp_path / "tr.xml"
    path.write_text(XML.format(text=TEXT), encoding="utf-8")
    return path


def test_geo_read_tr_news_reanchors_drifted_offsets(tr_file):
    [article] = read_tr_news(tr_file)
    assert [TEXT[t.start : t.end] for t in article.toponyms] == ["Lyon", "French", "Lyon", "Monday"]
    assert article.toponyms[3].lat is None


def test_geo_read_tr_news_reads_the_outlet(tmp_path, tr_file):
    assert read_tr_news(tr_file)[0].source is None
    with_domain = XML.replace("<title>t</title>", "<title>t</title><domain> lyon.fr </domain>")
    path = tmp_path / "domain.xml"
    path.write_text(with_domain.format(text=TEXT), encoding="utf-8")
    assert read_tr_news(path)[0].source == "lyon.fr"


def test_geo_read_tr_news_rejects_other_files(tmp_path):
    bad = tmp_path / "bad.xml"
    bad.write_text("not xml", encoding="utf-8")
    with pytest.raises(InputError):
        read_tr_news(bad)


def test_geo_score_counts_missed_toponyms_as_wrong(tr_file):
    gold = read_tr_news(tr_file)
    lyon = Place("Lyon", "FR", 45.75, 4.85, 2996944, (Mention(11, 15, "Lyon"),), "city")
    far = Place("Paris", "FR", 48.85, 2.35, 1, (Mention(29, 35, "French"),), "city")
    result = score(gold, [[lyon, far]])
    assert result["recognition"]["p"] == 1.0
    assert result["recognition"]["r"] == 0.5  # 2 of 4 gold toponyms
    assert result["a161"] == pytest.approx(1 / 3, abs=1e-3)  # Lyon right; Paris too far; 1 missed
    assert result["a161_recognised"] == 0.5
    assert result["median_error_km"] > 161 / 2
    assert not math.isnan(result["mean_error_km"])


@pytest.mark.slow
def test_geo_evaluate_geo_end_to_end(tr_file):
    from europenews.config import Settings

    result = evaluate_geo(tr_file, Settings(), limit=1)
    assert result["articles"] == 1
    assert result["a161"] >= 2 / 3  # both Lyons; the demonym too if recognised
