"""The ``europenews`` script itself: commands imported when asked for, the exit without the
interpreter's teardown."""

from __future__ import annotations

import subprocess
import sys

import click

from europenews.cli.main import COMMAND_MODULES, cli


def _python(code: str, *args: str) -> subprocess.CompletedProcess[str]:
    # The child imports the sources this test runs on (PYTHONPATH is inherited).
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                          timeout=120)


def test_each_name_loads_the_command_of_that_name() -> None:
    ctx = click.Context(cli)
    for name in COMMAND_MODULES:
        command = cli.get_command(ctx, name)
        assert command is not None and command.name == name
    assert cli.get_command(ctx, "no-such-command") is None


def test_a_command_imports_no_other_command() -> None:
    done = _python("import sys; from europenews.cli.main import cli, COMMAND_MODULES\n"
                   "cli.get_command(None, 'search')\n"
                   "print(sorted(m for m in COMMAND_MODULES.values()"
                   " if 'europenews.cli.' + m in sys.modules))")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "['search']"


MAIN = ("import atexit, sys\n"
        "atexit.register(lambda: print('handler ran', file=sys.stderr))\n"
        "from europenews.cli.main import main\n"
        "sys.argv[0] = 'europenews'\n"
        "main()\n")


def test_exit_status_output_and_exit_handlers_are_kept() -> None:
    done = _python(MAIN, "--version")
    assert done.returncode == 0
    assert "version" in done.stdout
    assert "handler ran" in done.stderr
    usage = _python(MAIN, "no-such-command")
    assert usage.returncode == 2
    assert "No such command" in usage.stderr and "handler ran" in usage.stderr


def test_a_running_thread_gets_the_ordinary_exit() -> None:
    # A thread that is no daemon is waited for, as Python does, and what it prints is seen.
    code = ("import sys, threading, time\n"
            "from europenews.cli import main as m\n"
            "def late():\n"
            "    time.sleep(0.3); print('thread done', flush=True)\n"
            "threading.Thread(target=late).start()\n"
            "sys.argv[:] = ['europenews', '--version']\n"
            "m.main()\n")
    done = _python(code)
    assert done.returncode == 0
    assert "thread done" in done.stdout
