"""Leases: which process owns a queue of work on the store, until when.

A lease is one row of ``leases``: a name (``analysis``: analysing and clustering the stored
articles), its holder (a process) and when it lapses. A holder renews its lease while it works;
anyone may take a lapsed one. Every function takes a ``Connection``; the caller owns the
transaction, and each acquisition or renewal is one statement, so two processes asking at the
same moment cannot both get the lease.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, delete, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from europenews.store.articles import utc_now
from europenews.store.schema import leases

ANALYSIS = "analysis"


@dataclass(frozen=True, slots=True)
class Lease:
    name: str
    holder: str
    expires_at: float  # seconds since the epoch


def acquire_lease(conn: Connection, name: str, holder: str, now: float, ttl: float) -> bool:
    """Take (or renew) the lease for ``ttl`` seconds from ``now`` unless another holder has it
    and it has not lapsed; True when ``holder`` holds it afterwards."""
    insert = pg_insert if conn.dialect.name == "postgresql" else sqlite_insert
    stmt = insert(leases).values(name=name, holder=holder, expires_at=now + ttl,
                                 acquired_at=utc_now())
    stmt = stmt.on_conflict_do_update(
        index_elements=[leases.c.name],
        set_={"holder": stmt.excluded.holder, "expires_at": stmt.excluded.expires_at,
              "acquired_at": stmt.excluded.acquired_at},
        where=(leases.c.holder == holder) | (leases.c.expires_at < now),
    )
    conn.execute(stmt)
    current = get_lease(conn, name)
    return current is not None and current.holder == holder


def take_over_lease(conn: Connection, name: str, holder: str, previous: str, now: float,
                    ttl: float) -> bool:
    """Take the lease from ``previous`` (a holder known to be gone, such as a killed process)
    whatever its expiry; False when someone else holds it by now."""
    changed = conn.execute(
        update(leases).where(leases.c.name == name, leases.c.holder == previous)
        .values(holder=holder, expires_at=now + ttl, acquired_at=utc_now())
    ).rowcount
    return bool(changed)


def release_lease(conn: Connection, name: str, holder: str) -> None:
    """Give the lease up (only if ``holder`` still holds it)."""
    conn.execute(delete(leases).where(leases.c.name == name, leases.c.holder == holder))


def get_lease(conn: Connection, name: str) -> Lease | None:
    row = conn.execute(select(leases).where(leases.c.name == name)).first()
    return None if row is None else Lease(row.name, row.holder, float(row.expires_at))


__all__ = ["ANALYSIS", "Lease", "acquire_lease", "get_lease", "release_lease",
           "take_over_lease"]
