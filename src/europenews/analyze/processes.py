"""Analysis in worker processes on this machine, so that every core works.

Each worker process builds the pipeline once (the pool's initializer) and analyses chunks of
articles with ``nlp.pipe``. Only plain picklable objects cross between processes, as on Dask:
``Article`` lists go out, ``Analysis`` objects (or the reason an article failed) come back, in
input order. The workers never touch the store: the parent's one writer does.

- Workers are forked by a *fork server* (``multiprocessing``'s forkserver), never by this
  process: the parent may already run threads (``run``'s fetch workers and writer), and a
  forked child of a threaded process can deadlock. The fork server builds the pipeline once
  (``analyze.preload``) before it forks, so the workers start with the model loaded and
  share its memory; the parent itself never loads the model.
- The fork server starts at once and loads the model in the background while the parent
  reads its sources.
- A worker watches the process that started it and exits when that one is gone, so a process
  killed with SIGKILL leaves no worker behind (and the fork server then ends too).
- A worker analyses inside spaCy's memory zone (``pipeline.memory_zone``), ended and begun
  again every :data:`ZONE_CHUNKS` chunks: the strings and lexemes of the words those chunks
  read are then freed, the known cause of a spaCy process growing over a long run. Its first
  chunk goes outside any zone, so that spaCy's tokenizer, which caches nothing in a zone,
  keeps the commonest words' splits for the worker's life. A worker
  is also replaced after :data:`TASKS_PER_WORKER` chunks, for whatever else it collects,
  and hands its heap's free pages back to the system after each chunk
  (:func:`release_freed_memory`): long texts' arrays would otherwise keep its RSS at the
  peak of its largest chunk.
- One bad article fails alone: a chunk that raises is redone one article at a time in the
  worker, and a worker that dies (a crash, the out-of-memory killer) is replaced and its
  chunk redone one article at a time, the one that kills it again being recorded as failed.
"""

from __future__ import annotations

import ctypes
import importlib.util
import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from europenews.config import Settings
from europenews.errors import ConfigError, EuropeNewsError
from europenews.model import Analysis, Article

# Articles per task: ``nlp.pipe`` batches of 8 cost about 7 % more than batches of 32 here,
# but the last tasks of a run must end close together (the cores finish together). So a task
# takes up to CHUNK articles, fewer as the known end of the stream nears (MIN_CHUNK at least).
CHUNK = 32
MIN_CHUNK = 4
# Chunks a worker analyses before it is replaced (about 3,200 articles). A new worker is a
# fork of the fork server, which holds the loaded model: no model load, only the first
# chunk's caches to fill again. What a worker collects over a long run (issue 19 item 4:
# 250 -> 324 MB over 10,000 articles each at 1,250 chunks) is then bounded by 3,200 articles.
TASKS_PER_WORKER = 100
# Chunks analysed in one memory zone. A new zone starts without the lexemes, tokenisations
# and rule-table entries of the words outside the model's own vocabulary, and making them
# again costs CPU: ending a zone after every chunk cost about a fifth more CPU per article
# than no zone; after this many chunks (about 1,600 articles) it is a small share, and what a
# zone holds at its end stays bounded.
ZONE_CHUNKS = 50
PARENT_CHECK_S = 0.5
# Worker deaths in a row (no article analysed in between) after which the workers are taken
# to be unable to run at all, rather than killed by one article after another.
MAX_DEATHS_IN_ROW = 3

_nlp: Any = None  # the worker's pipeline, built once by _start_worker
_zone: ExitStack | None = None  # the worker's open memory zone
_zone_chunks = 0  # chunks analysed in it
_first_done = False  # whether the worker's first chunk (analysed outside any zone) is done
_malloc_trim: Any = None  # glibc's malloc_trim once looked up (False: none)


@dataclass(frozen=True, slots=True)
class Failed:
    """Why the analysis of one article failed (exceptions may not survive pickling)."""

    reason: str


Result = Analysis | Failed


def available_cores() -> int:
    """The cores this process may run on (its CPU affinity, not the machine's count)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def resolve_workers(requested: int) -> int:
    """How many analysis processes to run: ``requested``, or every core when it is 0."""
    return requested if requested > 0 else available_cores()


def _gone(pid: int) -> bool:
    """True when process ``pid`` has ended (a zombie waiting to be reaped has ended too)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] == "Z"
    except (OSError, IndexError):
        return False


def _watch_client(client: int) -> None:
    # The worker's own parent is the fork server, which lives as long as any worker holds
    # its "alive" pipe: the workers themselves keep it alive. So each watches the process
    # that asked for it, and ends when that one has.
    while not _gone(client):
        time.sleep(PARENT_CHECK_S)
    os._exit(0)


def _start_worker(settings: Settings, client: int) -> None:
    global _nlp
    threading.Thread(target=_watch_client, args=(client,), name="client-watch",
                     daemon=True).start()
    from europenews.analyze import preload

    if preload.nlp is not None and preload.settings == settings:
        _nlp = preload.nlp  # built once by the fork server, before it forked this worker
        return
    from europenews.analyze.pipeline import build_pipeline

    _nlp = build_pipeline(settings)


def _context(settings: Settings) -> multiprocessing.context.BaseContext:
    """The fork server context; the fork server (one per process, started with the first
    pool) preloads the pipeline of ``settings``."""
    from europenews.analyze import preload

    ctx = multiprocessing.get_context("forkserver")
    # Read by the fork server when it starts (it inherits the environment); a later pool
    # with other settings builds its pipeline in each worker instead.
    os.environ[preload.SETTINGS_ENV] = preload.encode(settings)
    ctx.set_forkserver_preload(["europenews.analyze.preload"])
    return ctx


def _ready() -> int:
    return os.getpid()


def _describe(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"


def analyze_chunk(articles: list[Article]) -> list[Result]:
    """Task run in a worker: the chunk's analyses in order; after a failure, the chunk is
    redone one article at a time so that only the culprit fails."""
    global _zone, _zone_chunks, _first_done
    from europenews.analyze.pipeline import memory_zone

    if not _first_done:
        # spaCy's tokenizer caches no word inside a memory zone, so a worker that only ever
        # works in zones splits every word of every text with its affix rules again (about
        # 0.5 s of CPU per 200 articles against 0.13 s from a warm cache). The first chunk
        # outside a zone leaves the commonest words cached for the worker's life, at the
        # cost of keeping that one chunk's words (a few thousand strings).
        _first_done = True
        try:
            return _analyze_chunk(articles)
        finally:
            release_freed_memory()
    if _zone is None:
        _zone = ExitStack()
        _zone.enter_context(memory_zone(_nlp))
        _zone_chunks = 0
    try:
        # Only plain Analysis values leave: no Doc made in the zone outlives it.
        return _analyze_chunk(articles)
    finally:
        _zone_chunks += 1
        if _zone_chunks >= ZONE_CHUNKS:
            _zone.close()
            _zone = None
        release_freed_memory()


def release_freed_memory() -> None:
    """Hand the heap's free pages back to the system (glibc's ``malloc_trim``; nothing
    elsewhere).

    A chunk of long texts makes arrays of hundreds of MB in the model's layers; once freed,
    glibc keeps most of that heap mapped, so an idle worker showed the peak of its largest
    chunk so far (717-782 MB after 20,000 items, issue 19). Trimmed after each chunk it
    stays at what it holds (about 250-270 MB); a trim costs about 3 ms.
    """
    global _malloc_trim
    if _malloc_trim is None:
        _malloc_trim = _find_malloc_trim()
    if _malloc_trim:
        _malloc_trim(0)


def _find_malloc_trim() -> Any:
    """glibc's ``malloc_trim``, or False where the C library has none (musl, macOS)."""
    try:
        return ctypes.CDLL(None).malloc_trim
    except (AttributeError, OSError):
        return False


def _analyze_chunk(articles: list[Article]) -> list[Result]:
    from europenews.analyze.pipeline import analyze_article, analyze_articles

    try:
        return list(analyze_articles(_nlp, articles, batch_size=len(articles) or 1))
    except Exception:  # any component bug: find the culprit below
        pass
    out: list[Result] = []
    for article in articles:
        try:
            out.append(analyze_article(_nlp, article))
        except Exception as exc:  # recorded on the article by the parent
            out.append(Failed(_describe(exc)))
    return out


class ProcessBackend:
    """Analysis on ``workers`` local processes; :meth:`results` yields in input order."""

    name = "processes"

    def __init__(self, settings: Settings, workers: int, chunk: int = CHUNK,
                 tasks_per_worker: int = TASKS_PER_WORKER) -> None:
        self.settings = settings
        self.workers = max(1, workers)
        self.chunk = max(1, chunk)
        self.tasks_per_worker = tasks_per_worker
        self._deaths_in_row = 0
        _check_model(settings.model)  # here, not as a worker's traceback
        # The first process start waits for the fork server to load the model: a thread
        # waits for it, so that the caller reads its sources meanwhile.
        self._pools: Future[ProcessPoolExecutor] = Future()
        threading.Thread(target=self._launch, name="analysis-start", daemon=True).start()

    def _launch(self) -> None:
        try:
            self._pools.set_result(self._new_pool())
        except BaseException as exc:  # handed to the first caller of results()
            self._pools.set_exception(exc)

    @property
    def _pool(self) -> ProcessPoolExecutor:
        return self._pools.result()

    def _new_pool(self) -> ProcessPoolExecutor:
        from europenews.analyze import preload

        pool = ProcessPoolExecutor(
            max_workers=self.workers, mp_context=_context(self.settings),
            initializer=_start_worker, initargs=(self.settings, os.getpid()),
            max_tasks_per_child=self.tasks_per_worker,
        )
        # One task per worker starts every process now: the model loads meanwhile.
        for _ in range(self.workers):
            pool.submit(_ready)
        os.environ.pop(preload.SETTINGS_ENV, None)  # the fork server has read it
        return pool

    def _restart(self) -> None:
        self._deaths_in_row += 1
        self._pool.shutdown(wait=False, cancel_futures=True)
        if self._deaths_in_row > MAX_DEATHS_IN_ROW:  # not one article: the workers cannot run
            raise ConfigError("analysis: the worker processes keep dying (their error is "
                              "above; --workers 1 analyses in this process)")
        self._pools = Future()
        self._pools.set_result(self._new_pool())

    def _chunk_size(self, left: int | None) -> int:
        if left is None:
            return self.chunk
        # Two tasks per worker over what is left: every worker gets a share to the end.
        return max(min(MIN_CHUNK, self.chunk), min(self.chunk, left // (2 * self.workers)))

    def results(self, articles: Iterable[Article],
                expected: int | None = None) -> Iterator[tuple[Article, Result]]:
        """Each article with its analysis (or why it failed), in input order. At most two
        chunks per worker are in flight, so a long stream is read as it is consumed;
        ``expected`` (how many articles the stream holds, if known) makes the last chunks
        smaller, so the workers finish together."""
        pending: deque[tuple[list[Article], Future[list[Result]]]] = deque()
        stream = iter(articles)
        sent = 0
        while True:
            while len(pending) < 2 * self.workers:
                left = None if expected is None else max(0, expected - sent)
                chunk = _take(stream, self._chunk_size(left))
                sent += len(chunk)
                if not chunk:
                    break
                pending.append((chunk, self._pool.submit(analyze_chunk, chunk)))
            if not pending:
                return
            chunk, future = pending.popleft()
            try:
                done = future.result()
                self._deaths_in_row = 0
            except BrokenProcessPool:
                # A worker died: the futures in flight are lost with it. Redo this chunk one
                # article at a time, then send the others again.
                self._restart()
                done = [self._alone(article) for article in chunk]
                pending = deque((c, self._pool.submit(analyze_chunk, c)) for c, _ in pending)
            yield from zip(chunk, done, strict=True)

    def _alone(self, article: Article) -> Result:
        try:
            [result] = self._pool.submit(analyze_chunk, [article]).result()
            self._deaths_in_row = 0
            return result
        except BrokenProcessPool as exc:
            self._restart()
            return Failed(f"the analysis process died ({exc})")

    def analyze(self, articles: Iterable[Article]) -> Iterator[Analysis]:
        """The :class:`~europenews.analyze.backends.AnalysisBackend` protocol: analyses in
        input order; the first failure raises."""
        for _article, result in self.results(articles):
            if isinstance(result, Failed):
                raise EuropeNewsError(f"analysis failed: {result.reason}")
            yield result

    def close(self) -> None:
        """End the workers (a chunk being analysed is finished first)."""
        try:
            pool = self._pools.result()
        except Exception:  # never started: nothing to end
            return
        pool.shutdown(wait=True, cancel_futures=True)


def _check_model(model: str) -> None:
    """The model must be an installed package or a folder (as ``spacy.load`` takes it)."""
    try:
        found = Path(model).exists() or importlib.util.find_spec(model) is not None
    except (ImportError, ValueError):
        found = False
    if not found:
        raise ConfigError(f"spaCy model {model!r}: not installed")


def _take(stream: Iterator[Article], n: int) -> list[Article]:
    out: list[Article] = []
    for article in stream:
        out.append(article)
        if len(out) == n:
            break
    return out
