"""The ``europenews`` command line: a click group (``cli.main``) and one module per command
(``alerts``, ``analyze``, ``brief``, ``cluster``, ``eval``, ``export``, ``ingest``,
``reanalyze``, ``run``, ``search``, ``serve``), each parsing its options, calling the library
and rendering the result.

Each command module adds itself to ``cli.main.cli`` (``@cli.command()``) when it is imported,
and the group imports a command's module when the command is first asked for
(``cli.main.COMMAND_MODULES``): ``europenews ingest`` then imports what ingest needs, not the
web server's and every other command's libraries, and starts its analysis workers that much
sooner (issue 19). :func:`cli.main.load_commands` imports them all.
"""
