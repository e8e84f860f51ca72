"""What travels to the upper level, declared in one place: every record table that carries the
`Synced` columns travels, in dependency order, with all its columns except those listed here. A new
record kind travels by adding its table (and its module to models.schema), not by new sync code."""

from __future__ import annotations

import base64
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Table, inspect

from models import schema
from models.base import Base, Synced, UtcDateTime

# Columns that stay at the commune (photos are large and not needed upstairs).
EXCLUDED_FIELDS: dict[str, frozenset[str]] = {"members": frozenset({"photo"})}
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
        excluded = EXCLUDED_FIELDS.get(table.name, frozenset())
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
