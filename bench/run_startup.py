"""How fast `europenews run` is useful from a cold start with the built-in configuration.

Starts `europenews run` on a fresh SQLite file in a temporary folder (run from the checkout,
so the bundled examples/ folder is read), polls /api/status and prints, as JSON, the seconds
until the site answers, until every feed is listed (failing, on a machine without
internet), until the example article is in a story, and from SIGINT to exit.

    .venv/bin/python bench/run_startup.py [--port 8790]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=8790)
    parser.add_argument("--timeout", type=float, default=240.0)
    args = parser.parse_args()
    script = Path(sys.executable).with_name("europenews")
    with tempfile.TemporaryDirectory() as tmp:
        db = f"sqlite:///{Path(tmp) / 'bench.db'}"
        began = time.monotonic()
        proc = subprocess.Popen([str(script), "run", "--db", db, "--port", str(args.port)],
                                cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        marks: dict[str, float] = {}
        try:
            while time.monotonic() - began < args.timeout:
                try:
                    url = f"http://127.0.0.1:{args.port}/api/status"
                    with urllib.request.urlopen(url, timeout=2) as response:
                        status = json.loads(response.read())
                except OSError:
                    time.sleep(0.2)
                    continue
                now = time.monotonic() - began
                marks.setdefault("site_up_s", now)
                if all(s["state"] != "pending" for s in status["sources"]):
                    marks.setdefault("every_source_listed_s", now)
                if status["articles"]["clustered"] >= 1:
                    marks.setdefault("example_in_a_story_s", now)
                    break
                time.sleep(0.2)
        finally:
            stopping = time.monotonic()
            proc.send_signal(signal.SIGINT)
            proc.wait(timeout=60)
            marks["sigint_to_exit_s"] = time.monotonic() - stopping
    print(json.dumps({
        **{k: round(v, 1) for k, v in marks.items()},
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python "
                   f"{platform.python_version()}",
        "load_average": [round(x, 1) for x in os.getloadavg()],
    }))


if __name__ == "__main__":
    main()
