"""The ``europenews run`` job: a scheduler, fetch workers, one analysis thread, one store
writer and the web server, in one process.

What it offers: ``runner.service.Service`` (the job: ``start``, ``wait``, ``shutdown``, and
``status()`` for the live status JSON), ``runner.state.RunState`` (the job's live counters),
``runner.scheduler.Scheduler`` (the polling timetable) and ``runner.display`` (logs and the
terminal status line). The stages it runs live in ``europenews.stages``.
"""
