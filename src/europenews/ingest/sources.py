"""What ``europenews ingest SOURCE...`` accepts: files, folders, OPML files, and URLs."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from europenews.errors import InputError
from europenews.ingest.files import JSONL_SUFFIXES, SUPPORTED_SUFFIXES, is_url

OPML_SUFFIXES = {".opml"}
# Files picked up inside a folder (files without a suffix only when named explicitly).
FOLDER_SUFFIXES = (SUPPORTED_SUFFIXES - {""}) | OPML_SUFFIXES


@dataclass(frozen=True, slots=True)
class SourceSpec:
    """One source to read: ``kind`` is ``url`` (page, feed or OPML, sniffed when fetched),
    ``file`` (an article file) or ``opml`` (a local OPML feed list)."""

    kind: str
    location: str
    origin: str  # the SOURCE argument it came from (a folder for files found inside it)


def _file_spec(path: Path, origin: str) -> SourceSpec:
    kind = "opml" if path.suffix.lower() in OPML_SUFFIXES else "file"
    return SourceSpec(kind, str(path), origin)


def expand_sources(args: list[str] | tuple[str, ...]) -> list[SourceSpec | InputError]:
    """Each argument as sources in order: a folder gives its article files (recursively,
    sorted), a URL itself; a missing path or an unknown scheme is an InputError in place."""
    out: list[SourceSpec | InputError] = []
    for arg in args:
        if is_url(arg):
            out.append(SourceSpec("url", arg.strip(), arg))
            continue
        if "://" in arg:
            out.append(InputError(f"{arg}: only http and https URLs are supported"))
            continue
        path = Path(arg)
        if path.is_dir():
            found = sorted(
                p for p in path.rglob("*")
                if p.is_file() and not p.name.startswith(".")
                and p.suffix.lower() in FOLDER_SUFFIXES
            )
            out.extend(_file_spec(p, arg) for p in found)
        elif path.exists():
            out.append(_file_spec(path, arg))
        else:
            out.append(InputError(f"{arg}: no such file or folder"))
    return out


def expected_items(specs: list[SourceSpec | InputError]) -> int | None:
    """How many items reading ``specs`` will meet, when that is known before reading: every
    source a local article file (a ``.jsonl`` file counts its non-blank lines, any other file
    one article). None when a URL or an OPML list is among them (their size shows only once
    fetched)."""
    total = 0
    for spec in specs:
        if isinstance(spec, InputError):
            continue
        if spec.kind != "file":
            return None
        path = Path(spec.location)
        if path.suffix.lower() not in JSONL_SUFFIXES:
            total += 1
            continue
        try:
            with path.open("rb") as handle:
                total += sum(1 for line in handle if line.strip())
        except OSError:
            continue  # reading it will report the problem
    return total
