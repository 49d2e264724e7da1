"""The ``run`` process: a scheduler, fetch workers, one analysis thread, one store writer and
the web server.

Threads, all in one process:

- the scheduler thread starts due polls (``runner.scheduler``) on a small pool of fetch
  workers; each poll reads its source and hands every article to the writer;
- one analysis thread loads the spaCy pipeline once, then analyses and clusters whatever is
  pending in the store (``stages.ingest.process_pending``) while it holds the ``analysis``
  lease (``stages.lease``: one process at a time on a store). It is the only thread that
  clusters: story assignment is order-dependent and its state lives in memory;
- one writer thread (``stages.writer.WriteThread``) is the only one that writes the store: the
  others hand it their writes (an article, a source's state, an analysis, a story assignment)
  and wait; each is its own transaction;
- uvicorn serves the site (``web.app.create_app``, given the live status as a callable) from a
  socket bound before anything starts, so a busy port fails at once; the site only reads;
- an alerts thread sends pending alert hits (``alerts.deliver``) every half minute; hits are
  recorded by the analysis thread with each story assignment (``alerts.watch``);
- the main thread shows the status line and waits for SIGINT/SIGTERM, which set the ``stop``
  event that every stage checks between two articles.

Everything durable is in the store: an article is visible once its transaction commits, and
its stage (fetched → analysed → clustered) says what is left to do, so a restart after a
crash resumes where the store stands and the stores' unique keys drop what comes again.
"""

from __future__ import annotations

import logging
import socket
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.engine import Engine

from europenews.alerts.deliver import deliver_due
from europenews.alerts.watch import AlertWatcher
from europenews.configfile import RunConfig
from europenews.errors import ConfigError, EuropeNewsError, FetchError, InputError
from europenews.ingest.fetch import Fetcher
from europenews.ingest.opml import OpmlFeed
from europenews.runner.jobs import FolderScanner, read_opml
from europenews.runner.scheduler import Job, Scheduler, host_of
from europenews.runner.state import RunState
from europenews.stages.clustering import StoryClusterer, new_clusterer
from europenews.stages.collect import Collector, register_source
from europenews.stages.ingest import process_pending
from europenews.stages.lease import QueueLease
from europenews.stages.settings import IngestSettings
from europenews.stages.status import status_snapshot
from europenews.stages.summary import IngestSummary
from europenews.stages.writer import WriteThread
from europenews.store.alerts import sync_config_rules
from europenews.store.engine import open_store
from europenews.store.sources import list_sources, set_next_due

log = logging.getLogger("europenews.run")
FEED, FOLDER, OPML = "feed", "folder", "opml"
OPML_INTERVAL = 3600.0
STORE_CHECK_INTERVAL = 60.0  # how often the store is checked for feeds added meanwhile
DELIVERY_INTERVAL = 30.0  # how often pending alert hits are sent (webhook, e-mail)


def bind_socket(host: str, port: int) -> socket.socket:
    """A listening socket for the web server (port 0: any free port)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        raise ConfigError(f"{host}:{port}: cannot serve there ({exc.strerror or exc}); "
                          "choose another with --port or PORT") from exc
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


@dataclass
class Service:
    """One ``europenews run``: call :meth:`start`, then :meth:`wait`, then :meth:`shutdown`."""

    config: RunConfig
    once: bool = False  # poll every source once, drain the analysis queue, then stop
    serve: bool = True
    state: RunState = field(default_factory=RunState)
    stop: threading.Event = field(default_factory=threading.Event)
    finished: threading.Event = field(default_factory=threading.Event)
    engine: Engine | None = None
    url: str | None = None  # where the site is served, once started
    _work: threading.Event = field(default_factory=threading.Event)  # new articles stored
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _scheduler: Scheduler | None = None
    _scanners: dict[str, FolderScanner] = field(default_factory=dict)
    _fetchers: dict[str, Fetcher] = field(default_factory=dict)
    _threads: list[threading.Thread] = field(default_factory=list)
    _alerts: AlertWatcher = field(default_factory=AlertWatcher)  # after each story assignment
    _pool: ThreadPoolExecutor | None = None
    _server: Any = None
    _socket: socket.socket | None = None
    _fetch_idle: threading.Event = field(default_factory=threading.Event)
    _loading: threading.Event = field(default_factory=threading.Event)  # spaCy is loading
    _writer: WriteThread | None = None  # the only thread that writes the store

    # --- start ------------------------------------------------------------------------------

    def start(self) -> None:
        cfg = self.config
        sock = self._socket = bind_socket(cfg.host, cfg.port) if self.serve else None
        self.engine = open_store(cfg.settings.db)  # on failure, shutdown() closes the socket
        self._writer = WriteThread(self.engine).start()
        p = cfg.polling
        self._scheduler = Scheduler(max_backoff=p.max_backoff, jitter=p.jitter,
                                    concurrency=p.concurrency, per_host=p.per_host)
        self._register_sources()
        self._sync_alerts()
        if sock is not None:
            self._start_server(sock)
        self._pool = ThreadPoolExecutor(max_workers=p.concurrency, thread_name_prefix="fetch")
        self.state.set(phase="loading model")  # before the thread that ends this phase
        self._spawn(self._schedule_loop, "scheduler")
        self._spawn(self._analysis_loop, "analysis")
        self._spawn(self._delivery_loop, "alerts")

    def _spawn(self, target: Any, name: str) -> None:
        thread = threading.Thread(target=target, name=name, daemon=True)
        thread.start()
        self._threads.append(thread)

    @property
    def writer(self) -> WriteThread:
        assert self._writer is not None, "start() first"
        return self._writer

    def status(self) -> dict[str, Any]:
        """The status JSON: the store's figures with this job's live ones."""
        assert self.engine is not None
        return status_snapshot(self.engine, self.state.live())

    def _register_sources(self) -> None:
        cfg, sched = self.config, self._scheduler
        assert sched is not None
        for folder in cfg.folders:
            scanner = FolderScanner(folder.path, folder.required)
            if not folder.path.is_dir() and not folder.required:
                log.info("folder %s not found: skipped", folder.path)
                continue
            self._scanners[scanner.key] = scanner
            name = folder.name or folder.path.name or str(folder.path)
            self.state.add_source(scanner.key, name, "file")
            register_source(self.writer, scanner.key, "file", name)
            sched.add(scanner.key, FOLDER, folder.interval or cfg.polling.folder_interval, host="")
        for feed in cfg.feeds:
            self._add_feed(feed.url, feed.name, feed.interval)
        self._add_stored_feeds()
        for opml in cfg.opml:
            self.state.add_source(opml.location, opml.name, OPML)
            if "://" in opml.location:
                register_source(self.writer, opml.location, OPML, opml.name)
            sched.add(opml.location, OPML, opml.interval or OPML_INTERVAL)

    def _add_feed(self, url: str, name: str | None, interval: float | None) -> None:
        assert self._scheduler is not None
        register_source(self.writer, url, FEED, name)
        self.state.add_source(url, name, FEED)
        with self._lock:
            self._scheduler.add(url, FEED, interval or self.config.polling.interval)

    def _add_opml_feeds(self, feeds: list[OpmlFeed], interval: float | None) -> None:
        for feed in feeds:
            self._add_feed(feed.url, feed.title, interval)

    def _start_server(self, sock: socket.socket) -> None:
        from europenews.web.app import app_server, create_app

        app = create_app(self.config.settings, status=self.status)
        self._server = app_server(app, log_config=None, lifespan="on", log_level="warning")
        host, port = sock.getsockname()[:2]
        shown = f"[{host}]" if ":" in host else host
        self.url = f"http://{shown}:{port}"
        self._spawn(lambda: self._server.run(sockets=[sock]), "web")

    # --- fetching ---------------------------------------------------------------------------

    def _ingest_settings(self, interval: float, url: str | None = None) -> IngestSettings:
        cfg = self.config
        # A feed's configured language (``[[feeds]] language``) is its items' prior language.
        language = next((f.language for f in cfg.feeds if f.url == url and f.language), None)
        return IngestSettings(fetch=cfg.fetch, batch_size=min(cfg.settings.batch_size, 4),
                              poll_interval=interval, max_backoff=cfg.polling.max_backoff,
                              max_feed_items=cfg.polling.max_feed_items,
                              model=cfg.settings.model, language=language)

    def _fetcher(self, host: str) -> Fetcher:
        # One client per host: its politeness clock and robots.txt are kept between polls.
        with self._lock:
            if host not in self._fetchers:
                self._fetchers[host] = Fetcher(self.config.fetch, stop=self.stop)
            return self._fetchers[host]

    def _schedule_loop(self) -> None:
        sched, pool = self._scheduler, self._pool
        assert sched is not None and pool is not None
        first_round_logged = False
        next_store_check = time.monotonic() + STORE_CHECK_INTERVAL
        while not self.stop.is_set():
            with self._lock:
                jobs = sched.take_due()
                self.state.set(fetching=sched.running_count(), waiting=sched.due_count())
                idle = self.once and sched.running_count() == 0 and all(
                    j.polls > 0 for j in sched.jobs.values())
            for job in jobs:
                pool.submit(self._run_job, job)
            if idle:
                self._fetch_idle.set()
                self._work.set()
            if not first_round_logged and all(j.polls for j in sched.jobs.values()):
                first_round_logged = True
                self._log_first_round()
            if time.monotonic() >= next_store_check:  # feeds added by `ingest` or the admin API
                next_store_check = time.monotonic() + STORE_CHECK_INTERVAL
                self._add_stored_feeds()
            with self._lock:
                wait = sched.seconds_until_due()
            self.stop.wait(min(1.0, 1.0 if wait is None else max(wait, 0.05)))

    def _log_first_round(self) -> None:
        assert self.engine is not None
        with self.engine.connect() as conn:
            failing = [s for s in list_sources(conn) if s.url in self.state.sources
                       and s.last_error]
        if failing:
            log.warning("%d of %d sources failed on their first poll (e.g. %s); they are "
                        "retried with back-off, and the status page lists every error",
                        len(failing), len(self.state.sources), failing[0].last_error)
        else:
            log.info("every source answered its first poll")

    def _add_stored_feeds(self) -> None:
        assert self.engine is not None and self._scheduler is not None
        if self.once:
            return
        with self.engine.connect() as conn:
            stored = list_sources(conn, kind=FEED)
        for source in stored:
            if source.url not in self._scheduler.jobs:
                self._add_feed(source.url, source.title, None)

    def _run_job(self, job: Job) -> None:
        summary = IngestSummary()
        self.state.begin(summary)
        ok = False
        try:
            ok = self._poll(job, summary)
        except Exception as exc:  # a bug in one poll must not stop the others: log, count
            log.exception("%s: poll failed", job.key)
            summary.fail(job.key, f"internal error: {type(exc).__name__}: {exc}")
        finally:
            with self._lock:
                assert self._scheduler is not None
                done = self._scheduler.done(job.key, ok)
                if self.once:
                    done.due = float("inf")
            self.state.end(summary, polled=True, ok=ok)
            if summary.new:
                self._work.set()
            for where, reason in summary.failures[:5]:
                log.debug("%s: %s", where, reason)
            self._note_next_poll(job.key, done.due - self._scheduler.clock())
            # Quietly: the status page lists every error; the log only notes persistent ones.
            if not ok and done.failures in (3, 10, 30):
                log.warning("%s: failing (%d in a row): %s", job.key, done.failures,
                            summary.failures[-1][1] if summary.failures else "see status")

    def _note_next_poll(self, key: str, seconds: float) -> None:
        """The next poll time, in the live status and in the store's row, so ``/api/status``
        and ``/api/sources`` (which reads the store) give the same time."""
        when = self.state.set_next_poll(key, seconds)
        if not when:
            return
        try:
            self.writer.write(lambda conn: set_next_due(conn, key, when))
        except EuropeNewsError as exc:  # the writer has stopped: the job is shutting down
            log.debug("%s: next poll not stored: %s", key, exc)

    def _poll(self, job: Job, summary: IngestSummary) -> bool:
        assert self.engine is not None
        if job.kind in (FEED, FOLDER):
            settings = self._ingest_settings(job.interval, job.key)
            collector = Collector(self.engine, self.writer, settings, self._fetcher(job.host),
                                  summary=summary, stop=self.stop)
            if job.kind == FEED:
                return collector.poll(job.key)
            ok, feeds = self._scanners[job.key].scan(collector)
            self._add_opml_feeds(feeds, None)
            return ok
        try:
            feeds = read_opml(self._fetcher(host_of(job.key)), job.key)
        except (FetchError, InputError) as exc:
            summary.fail(job.key, str(exc))
            return False
        self._add_opml_feeds(feeds, None)
        return True

    # --- analysis ---------------------------------------------------------------------------

    def _analysis_loop(self) -> None:
        assert self.engine is not None
        nlp = None
        began = time.monotonic()
        # The story clusterer loads (and is restored from the store) while spaCy loads.
        clusterer_box: list[StoryClusterer] = []
        warm = threading.Thread(target=self._load_clusterer, args=(clusterer_box,),
                                name="clusterer", daemon=True)
        warm.start()
        self._loading.set()
        try:
            from europenews.analyze.backends import make_analyzer

            nlp = make_analyzer(self.config.settings)
            if dashboard := getattr(nlp, "dashboard_link", None):
                self.state.set(dask_dashboard=dashboard)
                log.info("analysis on Dask workers at %s (dashboard %s)",
                         self.config.settings.scheduler, dashboard)
            log.info("analysis pipeline ready (%s, %.1f s)", self.config.settings.model,
                     time.monotonic() - began)
        except (EuropeNewsError, OSError, ImportError, ValueError) as exc:
            # Articles keep arriving and stay "fetched"; the status shows why nothing is analysed.
            self.state.set(pipeline_error=f"{type(exc).__name__}: {exc}")
            log.error("analysis pipeline not available: %s", exc)
        finally:
            self._loading.clear()
        if self.stop.is_set():
            if nlp is not None and hasattr(nlp, "close"):
                nlp.close()
            return
        self.state.set(phase="running")
        settings = self._ingest_settings(self.config.polling.interval)
        warm.join()
        clusterer = clusterer_box[0] if clusterer_box else None
        self._work.set()  # whatever an earlier run left pending
        # Only the holder of the analysis lease processes (another run or an ingest may share
        # the store). Without a pipeline this job only clusters, and holds the lease for a
        # pass at a time, so an ingest with one can analyse meanwhile.
        lease = QueueLease(self.engine, self.writer, "run")
        try:
            while not self.stop.is_set():
                self._work.wait(2.0)
                self._work.clear()
                if self.stop.is_set():
                    break
                drained = self._fetch_idle.is_set()  # read before the pass: no race
                if lease.acquire():
                    clusterer = self._pass(nlp, settings, clusterer)
                    if nlp is None:
                        lease.release()
                else:
                    log.debug("the analysis queue is held by %s", lease.current_holder())
                if self.stop.is_set():  # the pass ended between two articles
                    break
                if self.once and drained:
                    self.finished.set()
                    break
        finally:
            lease.release()
            if nlp is not None and hasattr(nlp, "close"):
                nlp.close()  # worker processes or a Dask client end with the loop

    def _pass(self, nlp: Any, settings: IngestSettings,
              clusterer: StoryClusterer | None) -> StoryClusterer | None:
        """One pass of analysis and clustering over what is pending (the lease is held)."""
        assert self.engine is not None
        summary = IngestSummary()
        self.state.begin(summary)
        try:
            return process_pending(self.engine, nlp, settings, summary, None, clusterer,
                                   after_assign=self._alerts,
                                   writer=self.writer, stop=self.stop)
        except EuropeNewsError as exc:
            log.error("analysis: %s", exc)
            self.stop.wait(5.0)
            return clusterer
        finally:
            self.state.end(summary)

    def _load_clusterer(self, box: list[StoryClusterer]) -> None:
        assert self.engine is not None
        try:
            box.append(new_clusterer(self.engine, load_models=True))
        except (EuropeNewsError, OSError, ValueError) as exc:
            # process_pending tries again when there is something to cluster.
            log.warning("story clustering not ready: %s", exc)

    # --- alerts -----------------------------------------------------------------------------

    def _sync_alerts(self) -> None:
        """The configuration's [[alerts]] become the stored "config" rules (API rules stay)."""
        rules = [(r.name, r.to_json()) for r in self.config.alerts]
        self.writer.write(lambda conn: sync_config_rules(conn, rules))

    def _delivery_loop(self) -> None:
        """Send pending hits (webhook, e-mail) every DELIVERY_INTERVAL seconds until stopped."""
        assert self.engine is not None
        while not self.stop.wait(DELIVERY_INTERVAL):
            try:
                deliver_due(self.engine, self.writer.write, self.config.delivery)
            except EuropeNewsError as exc:
                log.error("alerts: %s", exc)

    # --- stop -------------------------------------------------------------------------------

    def wait(self) -> bool:
        """Block until stopped or (``once``) finished; True when it ended by itself."""
        # Short waits keep the main thread responsive to signals.
        while not (self.stop.is_set() or self.finished.is_set()):
            self.stop.wait(0.25)
        return self.finished.is_set()

    def shutdown(self, timeout: float = 30.0) -> None:
        """Stop polling, let workers finish the article in hand, stop the server."""
        self.state.set(phase="stopping")
        self.stop.set()
        self._work.set()
        if self._pool is not None:
            # Idle workers end at once; a busy one stops after the article in hand.
            self._pool.shutdown(wait=True, cancel_futures=True)
        if self._server is not None:
            self._server.begin_exit()  # reads still running after a grace period are ended
        loading = self._loading.is_set()
        for thread in self._threads:
            # A pipeline still loading holds nothing worth waiting for (daemon thread).
            thread.join(0.5 if loading and thread.name == "analysis" else timeout)
        if self._socket is not None:
            self._socket.close()
        if self._writer is not None:
            # Last: every thread that writes has ended; what they queued is written first.
            self._writer.close(timeout)
        with self._lock:
            for fetcher in self._fetchers.values():
                fetcher.close()
            self._fetchers.clear()
        if self.engine is not None:
            self.engine.dispose()
        self.state.set(phase="stopped")
