"""A timeline of one ``europenews ingest``: when each process starts, works, waits and ends.

Runs ``europenews ingest IN.jsonl`` into a fresh SQLite store (the same command as the
issue-19 ratio of ``bench/ingest.py``) and samples every process of it (the parent, which is
the one writer; the fork server; the analysis workers) from /proc every ``--every`` seconds:
start, end, and CPU seconds per time slice. The parent also reports when it reached each step
(marks, written to stderr by hooks this script installs around the stage functions; the code
run is otherwise unchanged). Prints one JSON object, and with ``--table`` the per-slice CPU of
each process as text.

    PYTHONPATH=src .venv/bin/python bench/ingest_timeline.py IN.jsonl [--slice 1.0] [--table] \
        [--db KEEP.db]

``--db`` keeps the store there (to compare or export it), in place of a temporary one. The
marks include ``results last`` (the last analysis back) and the writer's ``last_seen``: the
tail the workers do not share is the span between them.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

# The parent's marks: each wrapped function reports its start and end (generators: their
# first and last item) as a JSON line on stderr.
HOOKS = r"""
import json, sys, time, functools
T0 = float(sys.argv.pop(1))
def mark(what):
    print(json.dumps({"mark": what, "t": round(time.time() - T0, 3),
                      "cpu": round(time.process_time(), 3)}), file=sys.stderr, flush=True)
mark("python started")
import atexit
atexit.register(lambda: mark("atexit done"))
def wrap(module, name, gen=False):
    fn = getattr(module, name)
    if gen:
        @functools.wraps(fn)
        def inner(*a, **k):
            first = True
            for item in fn(*a, **k):
                if first:
                    mark(name + " first"); first = False
                yield item
            mark(name + " last")
    else:
        @functools.wraps(fn)
        def inner(*a, **k):
            mark(name + " start")
            try:
                return fn(*a, **k)
            finally:
                mark(name + " end")
    setattr(module, name, inner)
from europenews.cli import main as climain
mark("cli imported")
import europenews.analyze.backends as backends
make = backends.make_analyzer
def make_then_wrap(*a, **k):
    # The stages are imported only once the analysis has started, as ``ingest`` does.
    mark("make_analyzer start")
    made = make(*a, **k)
    mark("make_analyzer end")
    import europenews.store.engine as engine
    import europenews.stages.ingest as ingest
    import europenews.stages.collect as collect
    import europenews.analyze.processes as processes
    mark("stages imported")
    wrap(engine, "open_store")
    wrap(ingest, "analyze_pending")
    wrap(ingest, "cluster_pending")
    wrap(ingest, "new_clusterer")
    wrap(collect.Collector, "finish_files")
    wrap(processes.ProcessBackend, "results", gen=True)
    wrap(processes.ProcessBackend, "close")
    return made
backends.make_analyzer = make_then_wrap
try:
    climain.main()
finally:
    mark("exit")
"""


def _stat(pid: int) -> tuple[float, str] | None:
    try:
        raw = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = raw.rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK"), fields[0]


def _children(pid: int) -> list[int]:
    out: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            kids = [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            continue
        for kid in kids:
            out += [kid, *_children(kid)]
    return out


def _role(pid: int, parent: int) -> str:
    if pid == parent:
        return "writer"
    try:
        cmd = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
        ppid = int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
    except (OSError, ValueError, IndexError):
        return "?"
    if "resource_tracker" in cmd:
        return "tracker"
    return "forksrv" if ppid == parent else "worker"


def run(source: Path, every: float, keep: Path | None = None) -> dict[str, object]:
    db = keep or Path(tempfile.mkdtemp(prefix="europenews-timeline-")) / "t.db"
    db.unlink(missing_ok=True)
    t0 = time.time()
    cmd = [sys.executable, "-c", HOOKS, str(t0), "ingest", str(source), "--db",
           f"sqlite:///{db}", "--summary-format", "json"]
    samples: dict[int, list[tuple[float, float]]] = {}
    roles: dict[int, str] = {}
    with tempfile.TemporaryFile("w+") as err:
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err, text=True)
        while proc.poll() is None:
            now = time.time() - t0
            for pid in [proc.pid, *_children(proc.pid)]:
                got = _stat(pid)
                if got is None:
                    continue
                if pid not in roles:
                    roles[pid] = _role(pid, proc.pid)
                samples.setdefault(pid, []).append((round(now, 3), got[0]))
            time.sleep(every)
        took = time.time() - t0
        err.seek(0)
        marks = [json.loads(line) for line in err if line.startswith('{"mark"')]
    procs = []
    for pid, series in samples.items():
        busy = [t for (t, c), (_, c0) in zip(series[1:], series, strict=False) if c > c0]
        procs.append({"pid": pid, "role": roles[pid], "seen": series[0][0],
                      "last_seen": series[-1][0], "cpu_s": series[-1][1],
                      "first_busy": busy[0] if busy else None,
                      "last_busy": busy[-1] if busy else None, "series": series})
    return {"wall_s": round(took, 2), "load": os.getloadavg(), "marks": marks,
            "tail": _tail(marks, procs), "processes": procs}


def _tail(marks: list[dict[str, Any]], procs: list[dict[str, Any]]) -> dict[str, float] | None:
    """From the last analysis back (the ``results last`` mark) to the writer gone: the wall
    seconds and the writer's CPU seconds of that span (sampled)."""
    last = [m["t"] for m in marks if m["mark"] == "results last"]
    writer = [p for p in procs if p["role"] == "writer"]
    if not last or not writer:
        return None
    series = writer[0]["series"]
    before = [c for t, c in series if t <= last[-1]] or [0.0]
    return {"last_analysis_s": last[-1], "writer_gone_s": writer[0]["last_seen"],
            "wall_s": round(writer[0]["last_seen"] - last[-1], 2),
            "writer_cpu_s": round(series[-1][1] - before[-1], 2)}


def table(result: dict[str, object], width: float) -> str:
    procs = result["processes"]
    assert isinstance(procs, list)
    end = float(str(result["wall_s"]))
    lines = ["slice(s) " + " ".join(f"{p['role'][:6]}{p['pid'] % 1000:>4}" for p in procs)]
    t = 0.0
    while t < end:
        row = []
        for p in procs:
            before = [c for s, c in p["series"] if s <= t] or [0.0]
            upto = [c for s, c in p["series"] if s <= t + width] or [0.0]
            row.append(f"{upto[-1] - before[-1]:>10.2f}")
        lines.append(f"{t:>7.1f}  " + " ".join(row))
        t += width
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path)
    parser.add_argument("--every", type=float, default=0.05)
    parser.add_argument("--slice", type=float, default=1.0)
    parser.add_argument("--table", action="store_true")
    parser.add_argument("--db", type=Path, default=None, help="keep the store here")
    args = parser.parse_args()
    result = run(args.source, args.every, args.db)
    if args.table:
        print(table(result, args.slice), file=sys.stderr)
    for p in result["processes"]:  # type: ignore[attr-defined]
        p.pop("series")
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
