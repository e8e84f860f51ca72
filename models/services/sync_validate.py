"""What an incoming package's records mean, checked before anything is applied (issue 14 §5).

`sync.check` already made sure every record has its kind's fields with the right types, is owned by
the sender and appears once. Here, against the receiving database, every record must also make sense
as that commune's data:

* every required column has a value (a NULL would end in a NOT NULL failure inside the write);
* every coded field is in its vocabulary: the schema's own CHECK lists (statuses, kinds, sexes,
  meeting kinds, methods, …) and the vocabularies the services enforce (member statuses, event kinds,
  rating levels, meeting quality, dues categories);
* every reference (each foreign key of the table) resolves to a record in the same package or to one
  the sender already owns here: a record hanging off another unit's member, or off a cell that exists
  nowhere, is refused — it would otherwise be applied and break that other unit's figures, or end in
  a FOREIGN KEY failure at commit;
* the unit record a commune sends is its own.

The first problems found are returned, each naming the record kind, the record id and the reason
(never a person's name); the caller refuses the whole package when there is any."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import CheckConstraint, UniqueConstraint, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlcipher3 import dbapi2

from models.i18n import QT_TRANSLATE_NOOP, translate
from models.security import Permission, require
from models.services import sync as st
from models.services.dues import CATEGORIES
from models.services.meetings import QUALITY
from models.services.membership import EVENT_LABELS, OCCUPATIONS, STATUS_LABELS, THEORY_LEVELS
from models.services.rating import EXCLUSIONS, LEVELS
from models.sync_schema import BY_NAME, KINDS, Kind

CTX = "sync"
MAX_PROBLEMS = 20  # enough to act on; a hostile package could otherwise produce millions
_CHUNK = 500

REASONS = {
    "required": QT_TRANSLATE_NOOP("sync", "thiếu giá trị bắt buộc “{field}”"),
    "vocabulary": QT_TRANSLATE_NOOP("sync", "giá trị “{value}” của “{field}” không có trong danh mục"),
    "foreign": QT_TRANSLATE_NOOP(
        "sync", "“{field}” trỏ tới bản ghi {target} {ref} của đơn vị khác, không phải của đơn vị gửi"
    ),
    "dangling": QT_TRANSLATE_NOOP(
        "sync", "“{field}” trỏ tới bản ghi {target} {ref} không có trong gói cũng như trong dữ liệu đã nhận"
    ),
    "other_unit": QT_TRANSLATE_NOOP("sync", "bản ghi đơn vị không phải của chính đơn vị gửi"),
    "constraint": QT_TRANSLATE_NOOP("sync", "dữ liệu vi phạm ràng buộc của cơ sở dữ liệu"),
    "duplicate": QT_TRANSLATE_NOOP(
        "sync", "trùng ({fields}) với bản ghi {other} — hai bản ghi khác mã cho cùng một việc"
    ),
}

# Vocabularies the services enforce that the schema does not list as CHECK constraints.
SERVICE_VOCABULARIES: dict[str, dict[str, frozenset[str]]] = {
    "members": {
        "status": frozenset(STATUS_LABELS),
        "occupation": frozenset(OCCUPATIONS),
        "political_theory": frozenset(THEORY_LEVELS),
    },
    "meeting_attendance": {"membership": frozenset({"probationary", "official"})},
    "member_events": {"kind": frozenset(EVENT_LABELS)},
    "candidates": {"sex": frozenset({"M", "F"})},
    "ratings": {"level": frozenset({"", *LEVELS}), "excluded_reason": frozenset({"", *EXCLUSIONS})},
    "meetings": {"quality_rating": frozenset({"", *QUALITY})},
    "dues_payments": {"category": frozenset(CATEGORIES)},
}

# The driver's own IntegrityError reaches us unwrapped when rows go through `exec_driver_sql`.
_INTEGRITY_ERRORS: tuple[type[Exception], ...] = (
    IntegrityError,
    sqlite3.IntegrityError,
    dbapi2.IntegrityError,
)

_IN_LIST = re.compile(r"^\s*(\w+)\s+IN\s*\((.*)\)\s*$", re.IGNORECASE | re.DOTALL)
_QUOTED = re.compile(r"'((?:[^']|'')*)'")


@dataclass(frozen=True)
class Problem:
    kind: str  # table name (the record kind)
    record_id: str
    reason: str  # translated, without personal data

    def text(self) -> str:
        return f"{self.kind} {self.record_id}: {self.reason}"


@dataclass(frozen=True)
class _Reference:
    field: str
    target: str  # referenced table (a travelling kind)


@dataclass(frozen=True)
class _Rules:
    required: tuple[str, ...]
    vocabularies: tuple[tuple[str, frozenset[str]], ...]
    references: tuple[_Reference, ...]
    unique: tuple[tuple[str, ...], ...] = ()  # the fields of each UNIQUE constraint (not the key)


def _check_lists(kind: Kind) -> dict[str, frozenset[str]]:
    """`col IN ('a','b')` CHECK constraints of the kind's table, by field."""
    by_column = {column: field for field, column in kind.columns.items()}
    out: dict[str, frozenset[str]] = {}
    for constraint in kind.table.constraints:
        if not isinstance(constraint, CheckConstraint):
            continue
        match = _IN_LIST.match(str(constraint.sqltext))
        if match and match.group(1) in by_column:
            values = frozenset(v.replace("''", "'") for v in _QUOTED.findall(match.group(2)))
            out[by_column[match.group(1)]] = values
    return out


@cache
def rules(kind_name: str) -> _Rules:
    """What the records of one kind must satisfy, derived from the schema once."""
    kind = BY_NAME[kind_name]
    by_column = {column: field for field, column in kind.columns.items()}
    columns = kind.table.c
    required = tuple(
        field for field, column in kind.columns.items() if not columns[column].nullable and field != "id"
    )
    vocabularies = {**_check_lists(kind), **SERVICE_VOCABULARIES.get(kind.name, {})}
    references = []
    for fk in kind.table.foreign_keys:
        field = by_column.get(fk.parent.key)
        target = fk.column.table.name
        if field is not None and target in BY_NAME:
            references.append(_Reference(field, target))
    unique = tuple(
        tuple(by_column[c.key] for c in constraint.columns)
        for constraint in kind.table.constraints
        if isinstance(constraint, UniqueConstraint) and all(c.key in by_column for c in constraint.columns)
    )
    return _Rules(required, tuple(sorted(vocabularies.items())), tuple(references), unique)


def vocabulary(kind_name: str, field: str) -> frozenset[str] | None:
    """The allowed values of a coded field, or None when the field is free text."""
    return dict(rules(kind_name).vocabularies).get(field)


def _reason(code: str, **params: Any) -> str:
    return translate(CTX, REASONS[code]).format(**params)


def validate(session: Session, sender_unit_id: str, valid: dict[str, list[dict[str, Any]]]) -> list[Problem]:
    """The problems of the sender's records (`Checked.valid`: kind name → converted records), at most
    MAX_PROBLEMS of them; an empty list when the package may be applied."""
    require(session, Permission.IMPORT)
    problems: list[Problem] = []
    in_package = {name: {r["id"] for r in records} for name, records in valid.items()}
    pending: dict[str, dict[str, list[tuple[str, str, str]]]] = {}  # target → ref id → [(kind, id, field)]
    for kind in KINDS:
        records = valid.get(kind.name)
        if not records:
            continue
        kind_rules = rules(kind.name)
        required = kind_rules.required
        vocabularies = kind_rules.vocabularies
        references = [
            (ref.field, ref.target, in_package.get(ref.target, set())) for ref in kind_rules.references
        ]
        is_unit = kind.name == "units"
        for values in records:  # the common case (nothing wrong) costs a few lookups per record
            get = values.get
            record_id = values["id"]
            if is_unit and record_id != sender_unit_id:
                problems.append(Problem(kind.name, record_id, _reason("other_unit")))
            if None in map(get, required):
                problems.extend(
                    Problem(kind.name, record_id, _reason("required", field=field))
                    for field in required
                    if get(field) is None
                )
            for field, allowed in vocabularies:
                value = get(field)
                if value is not None and value not in allowed:
                    shown = str(value)[:40]
                    problems.append(
                        Problem(kind.name, record_id, _reason("vocabulary", field=field, value=shown))
                    )
            for field, target, packaged in references:
                target_id = get(field)
                if target_id is None or target_id in packaged:
                    continue
                pending.setdefault(target, {}).setdefault(str(target_id), []).append(
                    (kind.name, record_id, field)
                )
            if len(problems) >= MAX_PROBLEMS:
                return problems[:MAX_PROBLEMS]
    connection = session.connection()
    for target, refs in pending.items():
        table = BY_NAME[target].table
        owners: dict[str, str] = {}
        ids = list(refs)
        for start in range(0, len(ids), _CHUNK):
            query = select(table.c.id, table.c.owner_unit_id).where(
                table.c.id.in_(ids[start : start + _CHUNK])
            )
            owners.update((row_id, owner) for row_id, owner in connection.execute(query))
        for ref_id, users in refs.items():
            owner = owners.get(ref_id)
            if owner == sender_unit_id:
                continue
            code = "dangling" if owner is None else "foreign"
            for kind_name, record_id, field in users:
                problems.append(
                    Problem(kind_name, record_id, _reason(code, field=field, target=target, ref=ref_id[:36]))
                )
                if len(problems) >= MAX_PROBLEMS:
                    return problems
    return problems


def apply_or_problems(
    session: Session, preview: Any, valid: dict[str, list[dict[str, Any]]]
) -> int | list[Problem]:
    """`sync.apply` in a savepoint. A record that breaks a UNIQUE constraint (which `validate` does not
    look for, since it needs the rows already held) undoes the savepoint, and the records to blame are
    found and returned instead of the count of records applied — so the common case costs nothing."""
    try:
        with session.begin_nested():
            return st.apply(session, preview)
    except _INTEGRITY_ERRORS:
        found = _duplicates(session, valid, MAX_PROBLEMS)
        return found or [Problem("?", "", _reason("constraint"))]


def _duplicates(session: Session, valid: dict[str, list[dict[str, Any]]], limit: int) -> list[Problem]:
    """Records that would break a UNIQUE constraint (e.g. two attendance rows of one member at one
    meeting under different ids): within the package, or against a row already held under another id
    that the package does not carry. Rows are looked up by the constraint's first column only."""
    problems: list[Problem] = []
    connection = session.connection()
    for kind in KINDS:
        records = valid.get(kind.name)
        if not records or not rules(kind.name).unique:
            continue
        carried = {r["id"] for r in records}
        table = kind.table
        for fields in rules(kind.name).unique:
            keys: dict[tuple[Any, ...], str] = {}
            for values in records:
                key = tuple(values[f] for f in fields)
                if None in key:
                    continue  # NULLs never collide in SQL
                other = keys.setdefault(key, values["id"])
                if other != values["id"]:
                    problems.append(_duplicate(kind.name, values["id"], fields, other))
            columns = [table.c[kind.columns[f]] for f in fields]
            firsts = list({key[0] for key in keys})
            for start in range(0, len(firsts), _CHUNK):
                query = select(table.c.id, *columns).where(columns[0].in_(firsts[start : start + _CHUNK]))
                for row_id, *held in connection.execute(query):
                    mine = keys.get(tuple(held))
                    if mine is not None and mine != row_id and row_id not in carried:
                        problems.append(_duplicate(kind.name, mine, fields, row_id))
            if len(problems) >= limit:
                return problems[:limit]
    return problems


def _duplicate(kind_name: str, record_id: str, fields: tuple[str, ...], other: str) -> Problem:
    return Problem(kind_name, record_id, _reason("duplicate", fields=", ".join(fields), other=other))
