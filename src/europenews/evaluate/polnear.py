"""Read PolNeAR-format folders (``../shared/data/quotes/README.md``): texts and gold attributions.

Gold for an article is the ``.ann`` file of the first annotator listed in ``metadata.tsv``.
Offsets are code-point indices into the ``.txt`` decoded as plain UTF-8 (never stripped).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from europenews.errors import InputError

Spans = tuple[tuple[int, int], ...]

RECORD = re.compile(r"^[TE#]\d+\t")


@dataclass(frozen=True, slots=True)
class GoldAttribution:
    """One gold attribution relation: content fragments, source and cue spans (may be empty)."""

    content: Spans
    source: Spans
    cue: Spans


@dataclass(frozen=True, slots=True)
class GoldDoc:
    name: str
    text: str
    attributions: tuple[GoldAttribution, ...]


def resolve_compartment(path: Path) -> tuple[Path, Path | None]:
    """The compartment folder (holding ``text/``) and the metadata file for a user-given path.

    Accepts the quotes data folder, the ``polnear`` folder (both → ``dev``, the README's held-out
    compartment for checking) or a compartment folder itself.
    """
    path = path.resolve()
    for candidate in (path, path / "polnear"):
        if (candidate / "dev" / "text").is_dir():
            return candidate / "dev", _metadata(candidate)
    if (path / "text").is_dir() and (path / "attributions").is_dir():
        return path, _metadata(path.parent)
    raise InputError(f"{path}: not a PolNeAR folder (no text/ and attributions/ inside)")


def _metadata(folder: Path) -> Path | None:
    meta = folder / "metadata.tsv"
    return meta if meta.is_file() else None


def first_annotators(meta: Path | None) -> dict[str, str]:
    """filename → first listed annotator, from ``metadata.tsv``."""
    if meta is None:
        return {}
    try:
        with meta.open(encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh, delimiter="\t"))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise InputError(f"{meta}: cannot read metadata ({exc})") from exc
    return {r["filename"]: r["annotators"].split("|")[0] for r in rows if r.get("annotators")}


def _spans(field: str) -> Spans:
    parts = field.split(" ", 1)[1] if " " in field else ""
    out = []
    for frag in parts.split(";"):
        start, end = frag.split()
        out.append((int(start), int(end)))
    return tuple(out)


def parse_ann(text: str) -> tuple[GoldAttribution, ...]:
    """Attribution relations of one brat ``.ann`` file (records may span physical lines)."""
    spans: dict[str, tuple[str, Spans]] = {}
    relations: list[dict[str, list[str]]] = []
    for line in text.split("\n"):
        if not RECORD.match(line):
            continue  # continuation of a covered text that held a newline
        rid, _, rest = line.partition("\t")
        if rid.startswith("T"):
            field = rest.split("\t", 1)[0]
            spans[rid] = (field.split(" ", 1)[0], _spans(field))
        elif rid.startswith("E"):
            roles: dict[str, list[str]] = {}
            for arg in rest.split("\t", 1)[0].split():
                role, _, ref = arg.partition(":")
                roles.setdefault(re.sub(r"\d+$", "", role), []).append(ref)
            relations.append(roles)

    def collect(refs: list[str]) -> Spans:
        return tuple(s for ref in refs if ref in spans for s in spans[ref][1])

    return tuple(
        GoldAttribution(
            content=tuple(sorted(collect(r.get("Content", [])))),
            source=collect(r.get("Source", [])),
            cue=collect(r.get("Cue", [])),
        )
        for r in relations
    )


def read_polnear(path: Path, limit: int | None = None) -> list[GoldDoc]:
    """The gold documents of a PolNeAR compartment, sorted by file name."""
    folder, meta = resolve_compartment(path)
    annotators = first_annotators(meta)
    docs: list[GoldDoc] = []
    for txt in sorted((folder / "text").glob("*.txt")):
        if limit is not None and len(docs) >= limit:
            break
        name = txt.stem
        ann = _gold_file(folder / "attributions", name, annotators.get(name))
        try:
            text = txt.read_bytes().decode("utf-8")
            gold = parse_ann(ann.read_bytes().decode("utf-8"))
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            raise InputError(f"{txt}: cannot read PolNeAR document ({exc})") from exc
        docs.append(GoldDoc(name, text, gold))
    return docs


def _gold_file(folder: Path, name: str, annotator: str | None) -> Path:
    if annotator is not None and (folder / f"{name}_{annotator}.ann").is_file():
        return folder / f"{name}_{annotator}.ann"
    found = sorted(folder.glob(f"{name}_*.ann"))
    if not found:
        raise InputError(f"{folder}: no annotation file for {name}")
    return found[0]
