"""Analysis: a spaCy pipeline that reads entities, places, quotes and events off an article.

Capabilities, each a subpackage with a pure ``find_*`` front door: ``entities/``,
``places/``, ``quotes/``, ``events/``. Shared pieces: ``components`` (every spaCy
registration: the five components, their lexicons, the tokenizer), ``pipeline`` (build the
pipeline, analyse articles), ``extensions``/``docdata`` (what the components leave on a Doc),
``export`` (Doc → ``Analysis``), ``backends``/``distributed`` (where analysis runs),
``lexicons`` (where word lists are read from), ``tokenizer``.
"""
