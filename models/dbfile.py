"""Whole-file operations on a database for backups and restore: a consistent copy (`VACUUM INTO`, same
encryption), checking a copy, per-table digests to compare two files, rotating the incarnation id, and
opening a damaged file read-only. Everything goes through the raw driver connection: these run outside
SQLAlchemy's transactions (VACUUM cannot run inside one). Table names come from `sqlite_schema` and are
quoted; no value is ever put into SQL text."""

from __future__ import annotations

import contextlib
import hashlib
import logging
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from models.db import Database, _connect_raw, open_database, storage_error, storage_errors
from models.errors import StorageError
from models.i18n import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

INCARNATION_KEY = "incarnation_id"
# Rows that identify the installation rather than the data: left out of digests.
_META_IGNORED = (INCARNATION_KEY,)


def vacuum_into(db: Database, target: Path) -> None:
    """Write a consistent, compacted copy of `db` to `target` (a new file), encrypted with the same key."""
    with storage_errors(), db.engine.connect() as conn:
        raw: Any = conn.connection.driver_connection
        raw.execute("VACUUM INTO ?", (str(target),))


@contextlib.contextmanager
def raw_file(path: Path, key: bytes | None, *, read_only: bool = True) -> Iterator[Any]:
    """A short-lived driver connection to a database file (not the app's engine)."""
    if not path.exists():
        raise storage_error("cant_open")
    with storage_errors():
        conn = _connect_raw(path, key, read_only=read_only)
    try:
        with storage_errors():
            yield conn
    finally:
        conn.close()


def check_file(path: Path, key: bytes | None) -> None:
    """Refuse a copy that does not open with `key`, fails `quick_check` or is not one of ours."""
    try:
        with raw_file(path, key) as conn:
            result = conn.execute("PRAGMA quick_check").fetchone()[0]
            if result != "ok":
                raise storage_error("corrupt")
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_schema WHERE type='table'")}
    except UnicodeDecodeError:
        raise storage_error("corrupt") from None
    if "alembic_version" not in tables or "app_meta" not in tables:
        raise StorageError(
            QT_TRANSLATE_NOOP(
                "storage",
                "Tệp {name} không phải bản sao lưu của chương trình. Hãy chọn đúng tệp sao lưu.",
            ),
            kind="foreign",
            name=path.name,
        )


@dataclass(frozen=True)
class TableDigest:
    """Row count and a digest of every row of one table; `rows` maps a row's identity to its digest."""

    count: int
    digest: str
    rows: dict[str, str]


def quote_identifier(name: str) -> str:
    """An SQL identifier (a table or column name, which cannot be a bound parameter) in double quotes,
    embedded quotes doubled: whatever the name holds, it stays one identifier."""
    return '"' + name.replace('"', '""') + '"'


def _table_digest(conn: Any, table: str) -> TableDigest:
    columns = [r[1] for r in conn.execute("SELECT * FROM pragma_table_info(?)", (table,))]
    keys = [r[1] for r in sorted(conn.execute("SELECT * FROM pragma_table_info(?)", (table,))) if r[5]]
    key_index = [columns.index(k) for k in keys] if keys else None
    rows: dict[str, str] = {}
    whole = hashlib.sha256()
    query = "SELECT " + ", ".join(quote_identifier(c) for c in columns) + " FROM " + quote_identifier(table)  # noqa: S608 - identifiers from sqlite_schema, quoted
    for number, row in enumerate(conn.execute(query)):
        if table == "app_meta" and row[0] in _META_IGNORED:
            continue
        encoded = repr(tuple(row)).encode("utf-8", "surrogatepass")
        row_digest = hashlib.sha256(encoded).hexdigest()
        identity = repr(tuple(row[i] for i in key_index)) if key_index else f"#{row_digest}:{number}"
        rows[identity] = row_digest
    for identity in sorted(rows):
        whole.update(identity.encode("utf-8", "surrogatepass") + b"\0" + rows[identity].encode() + b"\n")
    return TableDigest(count=len(rows), digest=whole.hexdigest(), rows=rows)


def table_digests(path: Path, key: bytes | None) -> dict[str, TableDigest]:
    """Per-table digests of a database file (read-only; works while the app has it open in WAL mode)."""
    with raw_file(path, key) as conn:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_schema WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        return {table: _table_digest(conn, table) for table in tables}


def incarnation(path: Path, key: bytes | None) -> str | None:
    with raw_file(path, key) as conn:
        row = conn.execute("SELECT value FROM app_meta WHERE key = ?", (INCARNATION_KEY,)).fetchone()
        return str(row[0]) if row else None


def rotate_incarnation(path: Path, key: bytes | None) -> str:
    """Give the database a new incarnation id (after a restore: the sync layer must re-baseline).
    Leaves the file in rollback-journal mode with no -wal file beside it."""
    new_id = uuid.uuid4().hex
    with raw_file(path, key, read_only=False) as conn:
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("BEGIN IMMEDIATE")
        try:
            conn.execute(
                "INSERT INTO app_meta(key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (INCARNATION_KEY, new_id),
            )
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("PRAGMA journal_mode=DELETE")
    return new_id


def open_damaged(path: Path, key: bytes | None) -> Database | None:
    """Open a database that failed its check read-only, so the clerk can still look things up and
    print; None when even the schema cannot be read."""
    try:
        db = open_database(path, key=key, read_only=True, quick_check=False, check_drive=False)
    except (StorageError, UnicodeDecodeError):
        return None
    try:
        with db.engine.connect() as conn:
            conn.exec_driver_sql("SELECT count(*) FROM app_meta").scalar()
    except Exception:  # noqa: BLE001 - any failure here means the file is beyond read-only use
        log.warning("damaged database is not readable")
        db.close()
        return None
    return db
