"""What ``run``'s fetch workers do with a source that is due, over ``stages.collect``.

A feed poll is :meth:`Collector.poll` (conditional GET, failure bookkeeping in the ``sources``
table); a folder scan reads the files that are new or changed since the last scan; an OPML
list gives feeds to add to the timetable. Writes go through the job's single writer, one
transaction per article, so a stop or a crash between two articles loses nothing stored; a
stop request is honoured between articles.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from europenews.errors import InputError
from europenews.ingest.fetch import FEED_TYPES, Fetcher
from europenews.ingest.files import read_bytes
from europenews.ingest.opml import OpmlFeed, parse_opml
from europenews.ingest.sources import SourceSpec, expand_sources
from europenews.stages.collect import Collector, record_scan


def read_opml(fetcher: Fetcher, location: str) -> list[OpmlFeed]:
    """The feeds listed in an OPML file or at an OPML URL."""
    if "://" in location:
        body = fetcher.fetch(location, accept=FEED_TYPES).body
    else:
        body = read_bytes(Path(location))
    return parse_opml(body, location)


@dataclass
class FolderScanner:
    """Reads a folder's article files that are new or changed since the previous scan
    (the store drops what it already has, so a restart that rescans everything is safe)."""

    path: Path
    required: bool = True
    seen: dict[str, tuple[float, int]] = field(default_factory=dict)

    @property
    def key(self) -> str:
        return str(self.path.resolve())

    def scan(self, collector: Collector) -> tuple[bool, list[OpmlFeed]]:
        """Store new files; returns (ok, feeds listed in OPML files found in the folder).
        A stop request ends the scan before the next file (not ok: it is not finished)."""
        if not self.path.is_dir():
            if self.required:
                collector.failed_unpolled(self.key, "file", f"{self.path}: folder not found")
            return not self.required, []
        feeds: list[OpmlFeed] = []
        for spec in expand_sources([str(self.path)]):
            if collector.stop.is_set():
                return False, feeds
            if isinstance(spec, InputError):
                collector.summary.fail(str(self.path), str(spec))
                continue
            if not self._changed(spec):
                continue
            if spec.kind == "opml":
                try:
                    feeds.extend(parse_opml(read_bytes(Path(spec.location)), spec.location))
                except InputError as exc:
                    collector.summary.fail(spec.location, str(exc))
            else:
                collector.collect_file(Path(spec.location), spec.origin)
                if collector.stop.is_set():  # the file may be read only in part: read it again
                    return False, feeds
            self._mark(spec)
        record_scan(collector.writer, self.key)
        return True, feeds

    def _stamp(self, spec: SourceSpec) -> tuple[float, int] | None:
        try:
            st = Path(spec.location).stat()
        except OSError:
            return None
        return (st.st_mtime, st.st_size)

    def _changed(self, spec: SourceSpec) -> bool:
        return self.seen.get(spec.location) != self._stamp(spec)

    def _mark(self, spec: SourceSpec) -> None:
        if (stamp := self._stamp(spec)) is not None:
            self.seen[spec.location] = stamp
