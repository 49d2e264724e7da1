"""The ``europenews`` command line: a click group (``cli.main``) and one module per command
(``alerts``, ``analyze``, ``brief``, ``cluster``, ``eval``, ``export``, ``ingest``,
``reanalyze``, ``run``, ``search``, ``serve``), each parsing its options, calling the library
and rendering the result.

Importing this package registers every command on ``cli.main.cli`` (each module adds itself
with ``@cli.command()``), so the group never imports its commands and no module imports back.
"""

from __future__ import annotations

import sys

import click

try:
    from europenews.cli import (  # noqa: F401  (imported for the commands they register)
        alerts,
        analyze,
        brief,
        cluster,
        evaluate,
        export,
        ingest,
        reanalyze,
        run,
        search,
        serve,
    )
except KeyboardInterrupt:  # Ctrl-C while the command modules (spaCy, FastAPI) still import
    click.echo("error: interrupted", err=True)
    sys.exit(130)
