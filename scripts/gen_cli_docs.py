"""Regenerate docs/cli.md from the real ``--help`` output of every command.

    .venv/bin/python scripts/gen_cli_docs.py          # rewrite docs/cli.md
    .venv/bin/python scripts/gen_cli_docs.py --check  # exit 1 if docs/cli.md is stale
"""

from __future__ import annotations

import sys
from pathlib import Path

import click
from click.testing import CliRunner

from europenews.cli.main import cli, load_commands

DOC = Path(__file__).resolve().parent.parent / "docs" / "cli.md"


def command_paths(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    paths = []
    for name in sorted(group.commands):
        command = group.commands[name]
        paths.append((*prefix, name))
        if isinstance(command, click.Group):
            paths.extend(command_paths(command, (*prefix, name)))
    return paths


def render() -> str:
    load_commands()  # the group imports a command's module only when asked for it
    runner = CliRunner()
    parts = [
        "# Command-line reference\n",
        "Generated from the real `--help` output by `scripts/gen_cli_docs.py`; do not edit.\n",
    ]
    for path in [(), *command_paths(cli)]:
        result = runner.invoke(cli, [*path, "--help"], prog_name="europenews", terminal_width=100)
        title = " ".join(("europenews", *path))
        parts.append(f"## `{title}`\n\n```\n{result.output.rstrip()}\n```\n")
    return "\n".join(parts)


def main() -> None:
    text = render()
    if "--check" in sys.argv:
        current = DOC.read_text(encoding="utf-8") if DOC.exists() else ""
        if current != text:
            print("docs/cli.md is stale: run scripts/gen_cli_docs.py", file=sys.stderr)
            raise SystemExit(1)
        return
    DOC.parent.mkdir(exist_ok=True)
    DOC.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
