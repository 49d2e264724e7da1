"""Doc extensions, registered once, read through getters.

``None`` means "the component did not run"; ``[]`` means "it ran and found nothing".

Each extension keeps a plain value (``analyze/docdata.py``) in ``doc.user_data`` under the
key an attribute extension of that name would use, so it travels with ``doc.to_bytes()``,
``DocBin(store_user_data=True)`` and multi-process ``nlp.pipe``; the getter turns it back into
model objects on every read (a new list each time: change it and set it again to keep a change).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from spacy.tokens import Doc

from europenews.analyze import docdata

# Each name is owned by one component (see analyze/components.py).
DOC_EXTENSIONS = (
    "entities",  # list[model.Entity]                  europenews_entities
    "entity_of_token",  # dict[int, str]: token.i → entity id, europenews_entities
    "places",  # list[model.Place]                      europenews_places
    "place_doubts",  # list[int]: starts of doubtful place mentions, europenews_places
    "quotes",  # list[model.Quote]                      europenews_quotes
    "events",  # list[model.Event]                      europenews_events
    "outlet",  # str: the article's source or URL      the caller (pipeline.analyze_articles)
    "title",  # str: the article's title                the caller (pipeline.make_doc)
)


def _key(name: str) -> tuple[str, str, None, None]:
    return ("._.", name, None, None)


def _list_of(
    encode: Callable[[Any], Any], decode: Callable[[Any], Any]
) -> tuple[Callable[[Iterable[Any]], list[Any]], Callable[[Iterable[Any]], list[Any]]]:
    return (lambda items: [encode(x) for x in items]), (lambda raw: [decode(x) for x in raw])


CODECS: dict[str, tuple[Callable[[Any], Any], Callable[[Any], Any]]] = {
    "entities": _list_of(docdata.encode_entity, docdata.decode_entity),
    "entity_of_token": (docdata.encode_token_map, docdata.decode_token_map),
    "places": _list_of(docdata.encode_place, docdata.decode_place),
    "place_doubts": (list, list),
    "quotes": _list_of(docdata.encode_quote, docdata.decode_quote),
    "events": _list_of(docdata.encode_event, docdata.decode_event),
    "outlet": (str, str),
    "title": (str, str),
}


def _getter(name: str) -> Callable[[Doc], Any]:
    key, decode = _key(name), CODECS[name][1]

    def get(doc: Doc) -> Any:
        data: dict[Any, Any] = doc.user_data  # its stub says str keys; spaCy's own are tuples
        raw = data.get(key)
        return None if raw is None else decode(raw)

    return get


def _setter(name: str) -> Callable[[Doc, Any], None]:
    key, encode = _key(name), CODECS[name][0]

    def set_(doc: Doc, value: Any) -> None:
        data: dict[Any, Any] = doc.user_data
        data[key] = None if value is None else encode(value)

    return set_


def register_extensions() -> None:
    """Register our Doc extensions if they are not there yet (extensions are process-global)."""
    for name in DOC_EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, getter=_getter(name), setter=_setter(name))
