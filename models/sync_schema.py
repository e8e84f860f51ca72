"""What travels to the upper level, declared in one place: every record table that carries the
`Synced` columns travels, in dependency order, with all its columns except those listed here. A new
record kind travels by adding its table (and its module to models.schema), not by new sync code.

The sync contract lives here too, in one session hook (`stamp_changes`, installed on every session
by models.db): each flush that inserts or changes a travelling row gives it the next revision and the
database's next change number (a counter, never the wall clock), and a hard delete of a travelling
row is refused (a deletion is a tombstone). What a package carries is chosen by that change number."""

from __future__ import annotations

import base64
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Table, inspect
from sqlalchemy.orm import Session

from models import schema
from models.base import Base, Synced, UtcDateTime, now

# Columns that stay at the commune (photos are large and not needed upstairs).
EXCLUDED_FIELDS: dict[str, frozenset[str]] = {"members": frozenset({"photo"})}
# Local bookkeeping of every travelling table (the sender's change number means nothing upstairs).
LOCAL_FIELDS: frozenset[str] = frozenset({"change_seq"})
CHANGE_KEY = "change_seq"  # app_meta key of the database's change counter
# Tables that never travel even though they carry the columns.
LOCAL_ONLY: frozenset[str] = frozenset()
_ = schema  # every entity module is imported, so the metadata is complete


@dataclass(frozen=True)
class Kind:
    name: str  # table name
    model: type[Any]
    fields: tuple[str, ...]
    types: dict[str, str]  # field -> "str" | "int" | "bool" | "date" | "datetime" | "bytes"
    table: Table
    columns: dict[str, str]  # field (mapped attribute) -> key of its column in `table`
    field_set: frozenset[str]  # the fields, to compare an incoming record's keys in one step


def _type_name(python_type: type) -> str:
    return {str: "str", int: "int", bool: "bool", date: "date", datetime: "datetime", bytes: "bytes"}.get(
        python_type, "str"
    )


def _kinds() -> list[Kind]:
    kinds = []
    for table in Base.metadata.sorted_tables:  # dependency order: referenced tables first
        mapper = next((m for m in Base.registry.mappers if m.local_table is table), None)
        if mapper is None or not issubclass(mapper.class_, Synced) or table.name in LOCAL_ONLY:
            continue
        excluded = EXCLUDED_FIELDS.get(table.name, frozenset()) | LOCAL_FIELDS
        columns = [c for c in inspect(mapper.class_).columns if c.key not in excluded]
        types = {}
        for column in columns:
            if isinstance(column.type, UtcDateTime):
                types[column.key] = "datetime"
                continue
            try:
                types[column.key] = _type_name(column.type.python_type)
            except NotImplementedError:
                types[column.key] = "str"
        keys = {c.key: mapper.columns[c.key].key for c in columns}
        fields = tuple(c.key for c in columns)
        kinds.append(Kind(table.name, mapper.class_, fields, types, table, keys, frozenset(fields)))
    return kinds


KINDS: tuple[Kind, ...] = tuple(_kinds())
BY_NAME: dict[str, Kind] = {k.name: k for k in KINDS}


def to_json_value(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    return value


def from_json_value(kind: Kind, field: str, value: Any) -> Any:
    """Convert and type-check one incoming value; raises ValueError on a wrong type."""
    expected = kind.types[field]
    if value is None:
        return None
    if expected == "str":
        if not isinstance(value, str) or len(value) > 100_000:
            raise ValueError(field)
        return value
    if expected == "bool":
        if not isinstance(value, bool):
            raise ValueError(field)
        return value
    if expected == "int":
        if not isinstance(value, int) or isinstance(value, bool) or abs(value) > 10**15:
            raise ValueError(field)
        return value
    if expected == "date":
        return date.fromisoformat(value)
    if expected == "datetime":
        parsed = datetime.fromisoformat(value)
        if parsed.tzinfo is None:
            raise ValueError(field)
        return parsed
    if expected == "bytes":
        return base64.b64decode(value, validate=True)
    raise ValueError(field)


def from_json_record(kind: Kind, fields: dict[str, Any]) -> dict[str, Any]:
    """`from_json_value` for every field of one record (its keys already checked), with the common
    cases checked inline: the same rules, without a call per field, because an import converts a few
    million values."""
    values: dict[str, Any] = {}
    for name, expected in kind.types.items():
        value = fields[name]
        kind_of = type(value)
        if value is None or (
            (kind_of is str and expected == "str" and len(value) <= 100_000)
            or (kind_of is bool and expected == "bool")
            or (kind_of is int and expected == "int" and -(10**15) <= value <= 10**15)
        ):
            values[name] = value
        elif kind_of is str and expected == "datetime":
            parsed = datetime.fromisoformat(value)
            if parsed.tzinfo is None:
                raise ValueError(name)
            values[name] = parsed
        elif kind_of is str and expected == "date":
            values[name] = date.fromisoformat(value)
        else:
            values[name] = from_json_value(kind, name, value)
    return values


# ---------------------------------------------------------------- the session hook


class TravellingDeleteError(RuntimeError):
    """A programming error: a travelling row was deleted instead of being given a tombstone (the
    upper level would keep it for ever)."""


def current_change(session: Session) -> int:
    """The database's change counter: every travelling row written so far has a change number at most
    this (0 before the first write)."""
    value = (
        session.connection()
        .exec_driver_sql("SELECT value FROM app_meta WHERE key = ?", (CHANGE_KEY,))
        .scalar()
    )
    return int(value) if value else 0


_NEXT_CHANGE = (
    "INSERT INTO app_meta(key, value) VALUES (?, '1') "
    "ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1 RETURNING value"
)


def _next_change(session: Session) -> int:
    """Advance the counter by one and return it (one statement; raw SQL, as it runs on every flush)."""
    return int(session.connection().exec_driver_sql(_NEXT_CHANGE, (CHANGE_KEY,)).scalar_one())


def stamp_changes(session: Session, _context: Any, _instances: Any) -> None:
    """`before_flush`: stamp every travelling row this flush inserts or changes (revision, update
    time, change number) and refuse a hard delete of one. Rows written by the import (Core
    statements, the sender's own stamps) do not pass here."""
    gone = [obj for obj in session.deleted if isinstance(obj, Synced)]
    if gone:
        msg = f"hard delete of travelling rows ({type(gone[0]).__name__}); set a tombstone instead"
        raise TravellingDeleteError(msg)
    new = [obj for obj in session.new if isinstance(obj, Synced)]
    changed = [
        obj
        for obj in session.dirty
        if isinstance(obj, Synced) and session.is_modified(obj, include_collections=False)
    ]
    if not new and not changed:
        return
    number = _next_change(session)
    stamp = now()
    for obj in new:
        obj.revision = obj.revision or 1
        obj.change_seq = number
    for obj in changed:
        obj.revision = (obj.revision or 0) + 1
        obj.updated_at = stamp
        obj.change_seq = number
