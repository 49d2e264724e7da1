"""Names in languages without a statistical pipeline on PyPI (issue #22, part B)."""

from europenews.analyze.names.lexicon import NameLexicon, load_name_lexicon
from europenews.analyze.names.recognise import NameSpan, find_names

__all__ = ["NameLexicon", "NameSpan", "find_names", "load_name_lexicon"]
