"""``europenews serve``: options, and a real run of the installed script."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner

from europenews.cli.main import cli


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_serve_help_lists_contract_options():
    result = CliRunner().invoke(cli, ["serve", "--help"])
    assert result.exit_code == 0
    for option in ("--host", "--port", "--db", "--admin"):
        assert option in result.output


def test_serve_rejects_bad_port():
    result = CliRunner().invoke(cli, ["serve", "--port", "99999"])
    assert result.exit_code != 0 and "port" in result.output.lower()


def test_serve_bad_database_is_one_error_line(tmp_path: Path):
    result = CliRunner().invoke(cli, ["serve", "--db", f"sqlite:///{tmp_path}/no/such/x.db"])
    assert result.exit_code == 1
    assert result.output.startswith("error: ") and "Traceback" not in result.output


@pytest.mark.slow
def test_serve_runs_the_site(tmp_path: Path):
    script = shutil.which("europenews", path=str(Path(sys.executable).parent))
    assert script is not None
    port = _free_port()
    env = {**os.environ, "EUROPENEWS_DB": f"sqlite:///{tmp_path / 'serve.db'}"}
    proc = subprocess.Popen([script, "serve", "--port", str(port)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/", timeout=5)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise
                time.sleep(0.3)
        assert r.status_code == 200 and "EuropeNews" in r.text
        assert httpx.get(f"http://127.0.0.1:{port}/api/stories").json()["items"] == []
    finally:
        proc.terminate()
        proc.wait(timeout=20)
