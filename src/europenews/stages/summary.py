"""What an ingest run reports: counts, failures with reasons, and a progress protocol."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Protocol

COUNTS = ("fetched", "new", "duplicates", "refused", "failed", "analysed", "clustered",
          "not_modified", "handed_over")


@dataclass
class IngestSummary:
    """Counts for one run; ``failures`` and ``refusals`` hold (where, reason) in the order
    they happened.

    A *failure* is something that could not be done and needs a look: a source that could
    not be read or fetched, an article page that could not be fetched, an article whose
    analysis failed. A *refusal* is an item of a source that was read but holds no article
    (a line without text, a line that is not JSON, a feed item without a link): it comes
    back the same on every re-run, so it is reported but is not a failure (``ingest`` exits
    0 for it).
    """

    fetched: int = 0  # articles read from files, pages and feed items
    new: int = 0
    duplicates: int = 0
    refused: int = 0
    failed: int = 0
    analysed: int = 0
    clustered: int = 0
    not_modified: int = 0  # feeds that answered 304 Not Modified
    handed_over: int = 0  # new articles analysed and clustered by the queue's holder (run)
    failures: list[tuple[str, str]] = field(default_factory=list)
    refusals: list[tuple[str, str]] = field(default_factory=list)

    def fail(self, where: str, reason: str) -> None:
        self.failed += 1
        self.failures.append((where, reason))

    def refuse(self, where: str, reason: str) -> None:
        self.refused += 1
        self.refusals.append((where, reason))

    def merge(self, other: IngestSummary) -> None:
        for name in COUNTS:
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.failures.extend(other.failures)
        self.refusals.extend(other.refusals)

    def as_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["failures"] = [{"source": w, "error": r} for w, r in self.failures]
        out["refusals"] = [{"source": w, "reason": r} for w, r in self.refusals]
        return out


class Progress(Protocol):
    """Where long runs report progress (the CLI draws rich bars; a library caller may ignore)."""

    def stage(self, name: str, total: int | None) -> None:
        """A new stage begins (``total`` None when unknown)."""

    def advance(self, n: int = 1) -> None:
        """``n`` more items of the current stage are done."""


class NullProgress:
    def stage(self, name: str, total: int | None) -> None:
        pass

    def advance(self, n: int = 1) -> None:
        pass
