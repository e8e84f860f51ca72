"""Schema migrations, run from code with the application's own connection.

Order of work (DESIGN.md §2): read the revision without importing Alembic; refuse a database newer
than this app; copy the file aside (VACUUM INTO, verified); turn foreign keys off before BEGIN;
upgrade; `PRAGMA foreign_key_check`; commit."""

from __future__ import annotations

import logging
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from models.db import _MESSAGES, Database, _connect_raw, storage_errors
from models.errors import StorageError
from models.i18n import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

# Every revision this build knows, oldest first; a test checks it against the Alembic scripts.
KNOWN_REVISIONS: tuple[str, ...] = (
    "0001",
    "0002",
    "0003",
    "0004",
    "0005",
    "0006",
    "0007",
    "0008",
    "0009",
    "0010",
    "0011",
)
HEAD = KNOWN_REVISIONS[-1]
_EMPTY_MESSAGE = _MESSAGES["empty"]
MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def current_revision(db: Database) -> str | None:
    """The stored revision, or None for an empty database. Raises StorageError for a foreign file."""
    with storage_errors(), db.engine.connect() as conn:
        tables = {row[0] for row in conn.exec_driver_sql("SELECT name FROM sqlite_schema WHERE type='table'")}
        if "alembic_version" in tables:
            value = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
            conn.rollback()
            return str(value) if value is not None else None
        conn.rollback()
    if tables - {"sqlite_sequence"}:
        raise StorageError(
            QT_TRANSLATE_NOOP(
                "storage",
                "Tệp này là một cơ sở dữ liệu SQLite nhưng không phải của chương trình. Hãy chọn đúng tệp.",
            ),
            kind="foreign",
        )
    return None


def needs_upgrade(db: Database) -> bool:
    return current_revision(db) != HEAD


def _refuse_newer(revision: str) -> StorageError:
    if not (revision.isdigit() and len(revision) == len(HEAD) and revision > HEAD):
        return StorageError(
            QT_TRANSLATE_NOOP(
                "storage",
                "Cơ sở dữ liệu ghi một phiên bản lược đồ lạ ({revision}) mà chương trình không biết: tệp có thể bị sửa bằng công cụ khác hoặc bị hỏng. Chương trình không sửa tệp này; hãy phục hồi từ bản sao lưu (menu Tệp → Phục hồi) hoặc nhờ cán bộ kỹ thuật kiểm tra.",
            ),
            kind="unknown_revision",
            revision=revision,
        )
    return StorageError(
        QT_TRANSLATE_NOOP(
            "storage",
            "Cơ sở dữ liệu được tạo bởi phiên bản mới hơn của chương trình (lược đồ {revision}). Hãy cài phiên bản mới nhất rồi mở lại; chương trình không sửa tệp này.",
        ),
        kind="too_new",
        revision=revision,
    )


def copy_aside(db: Database, label: str) -> Path:
    """Write a consistent copy next to the database (same encryption) and verify it."""
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    target = db.path.with_name(f"{db.path.stem}.{label}-{stamp}{db.path.suffix or '.db'}")
    with storage_errors(), db.engine.connect() as conn:
        raw: Any = conn.connection.driver_connection  # VACUUM cannot run inside SQLAlchemy's BEGIN
        raw.execute("VACUUM INTO ?", (str(target),))
    check = _connect_raw(target, db.key, read_only=True)
    try:
        if check.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            target.unlink(missing_ok=True)
            raise StorageError(
                QT_TRANSLATE_NOOP(
                    "storage",
                    "Bản sao trước khi nâng cấp bị lỗi nên chưa nâng cấp. Hãy kiểm tra ổ đĩa rồi thử lại.",
                ),
                kind="io",
            )
    finally:
        check.close()
    return target


def upgrade(db: Database) -> Path | None:
    """Bring the database to HEAD. Returns the path of the safety copy, if one was made."""
    current = current_revision(db)
    if current == HEAD:
        return None
    if current is None and db.facts.get("existed"):
        # An existing file without our schema (zero bytes, cut short, emptied) is damaged, never new.
        raise StorageError(_EMPTY_MESSAGE, kind="corrupt", name=db.path.name)
    if current is not None and current not in KNOWN_REVISIONS:
        raise _refuse_newer(current)
    started = time.perf_counter()
    backup = copy_aside(db, f"pre-{HEAD}") if current is not None else None

    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with storage_errors(), db.engine.connect() as conn:
        conn.connection.driver_connection.execute("PRAGMA foreign_keys=OFF")  # type: ignore[union-attr]
        try:
            with conn.begin():
                config.attributes["connection"] = conn
                command.upgrade(config, HEAD)
                problems = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if problems:
                    msg = f"foreign key check failed after migration: {len(problems)} rows"
                    raise RuntimeError(msg)
        finally:
            conn.connection.driver_connection.execute("PRAGMA foreign_keys=ON")  # type: ignore[union-attr]
    log.info("migrated %s -> %s in %.0f ms", current, HEAD, (time.perf_counter() - started) * 1000)
    return backup
