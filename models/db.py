"""Opening the database: one function, one place for every pragma and every environment error.

The driver is `sqlcipher3` (SQLite with SQLCipher, bundling a current SQLite) through SQLAlchemy's
plain sqlite dialect. Without a key it writes an ordinary SQLite file; with a key the whole file is
encrypted. Environment failures become `StorageError` with a Vietnamese message; anything else is a bug
and propagates."""

from __future__ import annotations

import contextlib
import errno
import logging
import time
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from models.errors import StorageError
from models.i18n import QT_TRANSLATE_NOOP
from models.security import Actor
from models.storage import InstanceLock, refuse_unsafe_drive
from models.sync_schema import stamp_changes

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 5000

# SQLite primary result codes (https://sqlite.org/rescode.html).
SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY, SQLITE_IOERR = 5, 6, 8, 10
SQLITE_CORRUPT, SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_NOTADB = 11, 13, 14, 26

_MESSAGES: dict[str, str] = {
    "full": QT_TRANSLATE_NOOP(
        "storage",
        "Ổ đĩa đã đầy nên không lưu được. Hãy xóa bớt tệp không cần trên ổ đĩa chứa cơ sở dữ liệu (hoặc chép bớt sang ổ khác) rồi bấm Lưu lại; những gì vừa nhập vẫn còn trên màn hình.",
    ),
    "read_only": QT_TRANSLATE_NOOP(
        "storage",
        "Không ghi được vào cơ sở dữ liệu vì tệp hoặc thư mục chỉ cho đọc. Hãy chép tệp vào thư mục Tài liệu của bạn rồi mở lại.",
    ),
    "io": QT_TRANSLATE_NOOP(
        "storage",
        "Lỗi đọc/ghi ổ đĩa. Hãy lưu lại; nếu vẫn lỗi, hãy sao lưu ngay và kiểm tra ổ đĩa của máy.",
    ),
    "corrupt": QT_TRANSLATE_NOOP(
        "storage",
        "Cơ sở dữ liệu bị hỏng. Đừng ghi thêm; hãy phục hồi từ bản sao lưu gần nhất (menu Tệp → Phục hồi).",
    ),
    "not_a_database": QT_TRANSLATE_NOOP(
        "storage",
        "Tệp này không phải cơ sở dữ liệu của chương trình, hoặc khóa giải mã không đúng. Hãy chọn đúng tệp, hoặc đăng nhập lại.",
    ),
    "cant_open": QT_TRANSLATE_NOOP(
        "storage",
        "Không mở được tệp cơ sở dữ liệu. Hãy kiểm tra thư mục còn tồn tại và bạn có quyền ghi vào đó.",
    ),
    "empty": QT_TRANSLATE_NOOP(
        "storage",
        "Tệp cơ sở dữ liệu {name} trống hoặc bị cắt cụt: không còn dữ liệu nào đọc được. Chương trình không ghi đè tệp này; hãy phục hồi từ bản sao lưu gần nhất (menu Tệp → Phục hồi).",
    ),
    "busy": QT_TRANSLATE_NOOP(
        "storage",
        "Cơ sở dữ liệu đang bận với một việc khác. Hãy chờ một lát rồi thử lại.",
    ),
}

_CODE_KIND = {
    SQLITE_FULL: "full",
    SQLITE_READONLY: "read_only",
    SQLITE_IOERR: "io",
    SQLITE_CORRUPT: "corrupt",
    SQLITE_NOTADB: "not_a_database",
    SQLITE_CANTOPEN: "cant_open",
    SQLITE_BUSY: "busy",
    SQLITE_LOCKED: "busy",
}
# Only for a DB-API error that carries no result code (a driver older than 3.11's attributes).
_TEXT_KIND = [
    ("database or disk is full", "full"),
    ("readonly database", "read_only"),
    ("read-only", "read_only"),
    ("disk i/o error", "io"),
    ("malformed", "corrupt"),
    ("file is not a database", "not_a_database"),
    ("unable to open database", "cant_open"),
    ("database is locked", "busy"),
]


def _empty(path: Path) -> bool:
    try:
        return path.stat().st_size == 0
    except OSError:
        return False


def storage_error(kind: str) -> StorageError:
    return StorageError(_MESSAGES[kind], kind=kind)


def _is_dbapi_error(exc: BaseException) -> bool:
    """An error raised by the SQLite driver itself (sqlcipher3 or the standard sqlite3)."""
    import sqlite3

    if isinstance(exc, sqlite3.Error):
        return True
    try:
        from sqlcipher3 import dbapi2
    except ImportError:  # pragma: no cover - the app cannot open a database without it anyway
        return False
    return isinstance(exc, dbapi2.Error)


def classify(exc: BaseException) -> StorageError | None:
    """Map a driver or OS error to a StorageError by its code: SQLite's (extended) result code, the
    OS's errno. None means it is a bug: any other exception, whatever its message says."""
    orig: BaseException = exc.orig if isinstance(exc, DBAPIError) and exc.orig is not None else exc
    if _is_dbapi_error(orig):
        code = getattr(orig, "sqlite_errorcode", None)
        if isinstance(code, int):
            kind = _CODE_KIND.get(code & 0xFF)
            return storage_error(kind) if kind is not None else None
        text = str(orig).lower()
        for needle, kind in _TEXT_KIND:
            if needle in text:
                return storage_error(kind)
        return None
    if isinstance(orig, OSError):
        # Only the environment's failures; a broken pipe or a missing file is not the database's.
        if orig.errno == errno.ENOSPC:
            return storage_error("full")
        if orig.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            return storage_error("read_only")
        if orig.errno == errno.EIO:
            return storage_error("io")
    return None


@contextlib.contextmanager
def storage_errors() -> Iterator[None]:
    """Re-raise environment failures as StorageError."""
    try:
        yield
    except Exception as exc:
        mapped = classify(exc)
        if mapped is None:
            raise
        log.warning("storage error: %s", mapped.kind)
        raise mapped from exc


def key_pragma(key: bytes) -> str:
    return f"PRAGMA key = \"x'{key.hex()}'\""


def sqlite_uri(path: PurePath) -> str:
    """`file:` URI of `path` with every character SQLite's URI parser would read as syntax escaped: a
    folder named "Sao lưu #2" or "100%" must not open another file ("#" starts a fragment, "?" the
    query, "%" an escape). Always with an empty authority: file:///home/…, file:///C:/Users/…"""
    posix = (path if path.is_absolute() else Path(path).absolute()).as_posix()
    if not posix.startswith("/"):
        posix = "/" + posix  # a Windows drive: C:/Users/… (its colon stays, as SQLite expects)
    return "file://" + urllib.parse.quote(posix, safe="/:")


def _connect_raw(path: Path, key: bytes | None, read_only: bool) -> Any:
    from sqlcipher3 import dbapi2

    uri = f"{sqlite_uri(path)}?mode={'ro' if read_only else 'rwc'}"
    conn = dbapi2.connect(
        uri, uri=True, isolation_level=None, check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000
    )
    # SQLCipher logs its own "ERROR CORE ..." lines to stderr (a wrong key, a damaged page): the user
    # gets the Vietnamese message instead. The setting is process-wide; setting it is harmless.
    conn.execute("PRAGMA cipher_log_level = NONE")
    if key is not None:
        conn.execute(key_pragma(key))
    return conn


@contextlib.contextmanager
def _undecodable_is_corrupt() -> Iterator[None]:
    """Text the app wrote is always UTF-8: undecodable bytes while opening mean a damaged file."""
    try:
        yield
    except UnicodeDecodeError:
        raise storage_error("corrupt") from None


@dataclass
class Database:
    """An open database: the engine (one connection, so one writer), the session factory and the lock."""

    path: Path
    engine: Engine
    sessions: sessionmaker[Session]
    key: bytes | None = None
    read_only: bool = False
    lock: InstanceLock | None = None
    facts: dict[str, Any] = field(default_factory=dict)

    def close(self) -> None:
        self.engine.dispose()
        if self.lock is not None:
            self.lock.release()
            self.lock = None

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _configure(engine: Engine, read_only: bool, exclusive: bool = False) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        cur = dbapi_connection.cursor()
        try:
            if exclusive:  # the WAL index in memory, not in a -shm file (see open_database)
                cur.execute("PRAGMA locking_mode=EXCLUSIVE")
            if not read_only:
                cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=FULL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA trusted_schema=OFF")
            cur.execute("PRAGMA secure_delete=ON")
            cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        finally:
            cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        # The driver runs in autocommit mode (isolation_level=None); we issue BEGIN ourselves so that
        # SQLAlchemy's transaction is the database's transaction (SQLAlchemy's pysqlite recipe).
        # Writers take the write lock at BEGIN so two writers never deadlock on upgrade.
        conn.exec_driver_sql(
            "BEGIN" if read_only or conn.get_execution_options().get("read") else "BEGIN IMMEDIATE"
        )


def open_database(
    path: Path | str,
    *,
    key: bytes | None = None,
    create: bool = False,
    read_only: bool = False,
    check_drive: bool = True,
    single_instance: bool = True,
    quick_check: bool = True,
) -> Database:
    """Open (and with `create`, create) the database at `path`; does not migrate (see models.migrate)."""
    path = Path(path).absolute()
    existed = path.exists()
    if not create and not existed:
        raise storage_error("cant_open")
    if existed and not read_only and _empty(path):
        # SQLite would write a fresh header into it on the first pragma: an existing file is opened or
        # reported as damaged, never initialised (models.migrate refuses one without our schema).
        raise StorageError(_MESSAGES["empty"], kind="corrupt", name=path.name)
    if check_drive:
        refuse_unsafe_drive(path)
    lock = None
    if single_instance and not read_only:
        lock = InstanceLock(path)
        with storage_errors():
            lock.acquire()
    try:
        try:
            db = _open_engine(path, key, read_only, lock, existed, quick_check, exclusive=False)
        except StorageError as exc:
            if exc.kind != "io" or read_only or lock is None:
                raise
            # A full disk cannot take the WAL index (`-shm`) that every connection needs: with the
            # database's OS lock held (one instance) SQLite can keep that index in memory instead, so
            # reading still works; every write then fails with the disk-full message.
            db = _open_engine(path, key, read_only, lock, existed, quick_check, exclusive=True)
            log.warning("database opened with its WAL index in memory (the disk could not take it)")
            shm = path.with_name(path.name + "-shm")
            with contextlib.suppress(OSError):
                if shm.stat().st_size < 32768:  # a stub the failed attempt left; unused from now on
                    shm.unlink()
    except BaseException:
        if lock is not None:
            lock.release()
        raise
    return db


def _open_engine(
    path: Path,
    key: bytes | None,
    read_only: bool,
    lock: InstanceLock | None,
    existed: bool,
    quick_check: bool,
    *,
    exclusive: bool,
) -> Database:
    engine = create_engine(
        "sqlite://",
        creator=lambda: _connect_raw(path, key, read_only),
        poolclass=QueuePool,
        pool_size=1,
        max_overflow=0,
        pool_timeout=60,
    )
    _configure(engine, read_only, exclusive)
    sessions = sessionmaker(engine, expire_on_commit=False, autoflush=False)
    event.listen(sessions, "before_flush", stamp_changes)  # the sync contract, see sync_schema
    db = Database(
        path=path,
        engine=engine,
        sessions=sessions,
        key=key,
        read_only=read_only,
        lock=lock,
    )
    db.facts["existed"] = existed  # an existing file is opened or reported, never initialised
    db.facts["exclusive"] = exclusive
    started = time.perf_counter()
    try:
        with _undecodable_is_corrupt(), storage_errors(), engine.connect() as conn:
            if quick_check:
                try:
                    result = conn.exec_driver_sql("PRAGMA quick_check").scalar()
                except UnicodeDecodeError:
                    result = "undecodable"
                if result != "ok":
                    raise storage_error("corrupt")
            else:
                conn.exec_driver_sql("SELECT count(*) FROM sqlite_schema").scalar()
    except BaseException:
        engine.dispose()
        raise
    log.info("database opened in %.0f ms", (time.perf_counter() - started) * 1000)
    return db


@contextlib.contextmanager
def unit_of_work(db: Database, actor: Actor) -> Iterator[Session]:
    """One user action = one transaction: commit on success, roll back on any error."""
    session = db.sessions()
    session.info["actor"] = actor
    try:
        with storage_errors():
            yield session
            session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


@contextlib.contextmanager
def read_session(db: Database, actor: Actor) -> Iterator[Session]:
    """A read-only snapshot; nothing is committed."""
    session = db.sessions()
    session.info["actor"] = actor
    session.connection(execution_options={"read": True})
    try:
        with storage_errors():
            yield session
    finally:
        session.rollback()
        session.close()


def checkpoint(db: Database) -> None:
    """Fold the WAL into the main file (outside any transaction), e.g. before copying the file."""
    with storage_errors(), db.engine.connect() as conn:
        raw: Any = conn.connection.driver_connection
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
