"""Reading sources: files, folders, pages, RSS/Atom feeds, OPML lists and JSON lines become
``Article`` objects. Nothing here stores, analyses or clusters (that is ``europenews.stages``).

What it offers: ``files`` (``read_file``, ``read_stdin``: text, HTML, JSON, JSONL),
``jsonl`` (the one JSON-lines reader), ``html`` (main-text extraction), ``page``
(``read_url``, ``article_from_body``), ``feeds`` (``parse_feed``), ``opml`` (``parse_opml``),
``fetch`` (``Fetcher``: HTTP with limits, robots.txt, politeness, the private-address guard),
``fingerprint`` (canonical URLs and article ids) and ``sources`` (``expand_sources``: what
``europenews ingest SOURCE...`` accepts). Every problem is an ``InputError`` or a
``FetchError`` naming the file, line or URL.
"""
