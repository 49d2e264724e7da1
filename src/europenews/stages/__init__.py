"""The stages that move articles along the store: sources → stored articles → analysed →
entities linked → clustered into stories, plus re-analysis of what is stored.

What it offers (``cli``, ``runner`` and tests call these; ``ingest`` only reads sources):

- ``stages.ingest``: ``ingest_sources`` (the ``ingest`` command as a library) and
  ``process_pending`` (analyse and cluster whatever waits in the store);
- ``stages.collect``: ``Collector``, which reads sources with ``ingest`` and stores their
  articles, keeping each source's state (validators, errors, next due time);
- ``stages.analysis``: ``analyze_pending``, ``reanalyze_stored``, ``store_analysis``;
- ``stages.clustering``: ``new_clusterer`` (the stored assignments replayed in order, so it
  continues exactly), ``cluster_ready`` (the stories of the analysed head of the queue, after
  each batch of analyses), ``cluster_pending``, ``repair_stories``;
- ``stages.lease``: ``QueueLease``, the one process at a time that analyses and clusters;
- ``stages.writer``: ``Writer``, how every stage writes: ``DirectWriter`` in one thread,
  ``WriteThread`` (one queue, one thread, one transaction per task) under ``run``;
- ``stages.backoff``: the one back-off policy for sources that fail;
- ``stages.status``: ``status_snapshot``, the status JSON (articles per stage, queues,
  sources), with a running job's live figures when there is one;
- ``stages.summary`` and ``stages.settings``: what a run reports and how it behaves.

Analyses and story assignments are stored a batch of articles per transaction, so a crash
loses at most the batch in hand (never a committed article) and a re-run resumes where the
store stands. A stop request is a ``threading.Event`` that the stages check between two
articles; the batch in hand is stored first. Analysis itself may run in worker processes
(``analyze.processes``); only this side writes.
"""
