"""Where a capability's word lists are read from: a folder a pipeline config names, or the
folder the package ships for a language (``<capability>/lexicons/<language>/``).

The lexicon loaders of ``entities/``, ``quotes/``, ``places/`` and ``events/`` read their files
through here, so a missing language or an unreadable file fails the same way: a
``ConfigError`` that names the lexicon, when the pipeline is built.
"""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from europenews.errors import ConfigError


def lexicon_folder(package: str, what: str, path: str | Path | None, language: str) -> Traversable:
    """The folder holding a lexicon's files: ``path`` when given, else the packaged folder
    ``lexicons/<language>`` of ``package``. ``what`` names the lexicon in errors."""
    if path is not None:
        folder: Traversable = Path(path)
        if not folder.is_dir():
            raise ConfigError(f"{what}: {path}: not a folder")
        return folder
    folder = resources.files(package).joinpath("lexicons", language)
    if not folder.is_dir():
        raise ConfigError(
            f"{what}: no packaged lexicon for language {language!r} (give a path to one)"
        )
    return folder


def read_text(folder: Traversable, name: str, what: str) -> str:
    """The text of the file ``name`` in a lexicon folder."""
    try:
        return folder.joinpath(name).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{what}: {name}: cannot be read ({exc})") from exc


def read_bytes(folder: Traversable, name: str, what: str) -> bytes:
    """The bytes of the file ``name`` in a lexicon folder."""
    try:
        return folder.joinpath(name).read_bytes()
    except OSError as exc:
        raise ConfigError(f"{what}: {name}: cannot be read ({exc})") from exc
