"""Benchmark fixture only — never called by the application: clone one commune's records inside a
receiving database under fresh UUIDs, to reach province scale (75 communes, ~100,000 members, years of
meetings) in minutes instead of the hours that importing 75 generated communes would take.

Every table that travels to the upper level (`models.sync_schema.KINDS`, in dependency order) is copied
with plain SQL: the source unit's rows are inserted again with a new random UUID for every record id and
for the unit id; every column ending in `_id` is mapped through the same id table, so references (cell,
member, meeting, successor, subject…) point into the clone; a column that names something outside the
unit (a user, another unit) is left as it was. The clone's `units` row gets the new name. Values inside
free-text or JSON columns are copied verbatim. No service rule is checked: the source was written
through the services, and the clone is the same data under other ids."""

from __future__ import annotations

import uuid

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.db import Database
from models.entities import Member
from models.sync_schema import KINDS

# A random version-4 UUID in SQL, one per row (SQLite has no uuid function).
_UUID_SQL = (
    "lower(printf('%s-%s-4%s-%s%s-%s', hex(randomblob(4)), hex(randomblob(2)), substr(hex(randomblob(2)), 2),"
    " substr('89ab', 1 + abs(random()) % 4, 1), substr(hex(randomblob(2)), 2), hex(randomblob(6))))"
)


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def clone_unit(session: Session, source_unit_id: str, name: str) -> str:
    """Copy every synced record of `source_unit_id` under fresh ids, the unit renamed `name`; returns
    the clone's unit id. Runs in the caller's transaction."""
    conn = session.connection()
    new_unit = str(uuid.uuid4())
    conn.exec_driver_sql(
        "CREATE TEMP TABLE IF NOT EXISTS clone_ids (old TEXT PRIMARY KEY, new TEXT NOT NULL)"
    )
    conn.exec_driver_sql("DELETE FROM clone_ids")
    conn.exec_driver_sql("INSERT INTO clone_ids VALUES (?, ?)", (source_unit_id, new_unit))
    tables = [kind.model.__table__ for kind in KINDS]
    for table in tables:
        conn.exec_driver_sql(
            f"INSERT OR IGNORE INTO clone_ids SELECT id, {_UUID_SQL} FROM {_quote(table.name)} "  # noqa: S608 - names from the schema
            "WHERE owner_unit_id = ?",
            (source_unit_id,),
        )
    for table in tables:
        names = [c.name for c in table.columns]
        values = []
        for column in names:
            if column == "id" or column.endswith("_id"):
                mapped = f"(SELECT new FROM clone_ids WHERE old = src.{_quote(column)})"  # noqa: S608
                values.append(f"COALESCE({mapped}, src.{_quote(column)})")
            elif table.name == "units" and column == "name":
                values.append("?")
            else:
                values.append(f"src.{_quote(column)}")
        params: tuple[str, ...] = (name, source_unit_id) if table.name == "units" else (source_unit_id,)
        conn.exec_driver_sql(
            f"INSERT INTO {_quote(table.name)} ({', '.join(_quote(n) for n in names)}) "  # noqa: S608
            f"SELECT {', '.join(values)} FROM {_quote(table.name)} AS src WHERE src.owner_unit_id = ?",
            params,
        )
    conn.exec_driver_sql("DELETE FROM clone_ids")
    return new_unit


def count_records(session: Session) -> tuple[int, int]:
    """(member records, synced records) over every unit held in the database."""
    members = session.scalar(select(func.count()).select_from(Member)) or 0
    records = sum(session.scalar(select(func.count()).select_from(kind.model)) or 0 for kind in KINDS)
    return members, records


def analyze(db: Database) -> None:
    """Refresh the query planner's statistics after a bulk load."""
    with db.engine.connect() as conn:
        conn.exec_driver_sql("ANALYZE")
        conn.commit()
