"""What every read query shares: rows out as plain dicts, newest first with unknown dates last."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection


def row_dict(row: Any) -> dict[str, Any]:
    """A result row as a JSON-ready dict (column name → value)."""
    return dict(row._mapping)


def newest_first(conn: Connection, column: Any) -> Any:
    """``column DESC`` with unknown (NULL) dates last on both backends. SQLite already sorts
    NULLs last in DESC, and a bare DESC lets it walk the column's index and stop early."""
    return column.desc() if conn.dialect.name == "sqlite" else column.desc().nulls_last()
