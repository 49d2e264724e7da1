"""Events: violent and disaster events an article reports, with their casualty figures.

Front door: ``find_events(doc, lexicon)`` returns the events with a casualty figure, the main
one first; place, actor and source come from ``doc._.places`` and ``doc._.entities`` when those
components ran before.

Modules: ``finder`` (triggers, grouping sentences, merging figures), ``casualties`` (figures
read off the parse), ``victims`` (who the figures count), ``numbers`` (number words),
``figures`` (each count's evidence and confidence), ``evidence`` (the features a confidence
reads), ``confidence`` (the learned model), ``dates`` (when an event happened),
``titleonly`` (the title's figures, for a text that reports none; the component parses the
title), ``lexicon`` (the word lists, the model's weights and the title rates).
"""

from __future__ import annotations

from europenews.analyze.events.finder import find_events
from europenews.analyze.events.lexicon import EventLexicon, load_event_lexicon

__all__ = ["EventLexicon", "find_events", "load_event_lexicon"]
