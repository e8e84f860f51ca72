"""Backups and restore (DESIGN.md §4).

A backup is a `VACUUM INTO` copy (encrypted with the database's own key) written under a temporary name
in the target folder, fsynced, opened with the same key and `quick_check`ed, and only then renamed to its
final name: a copy that fails the check never counts as a backup. The sidecar keyring `<db>.keys` (the
wrapped database key) is copied beside it before that rename, so a backup on a USB stick can be opened
on its own and a backup under its final name always has its key. A number of generations is kept per
folder.

Restore refuses a damaged backup, takes the database's single-instance lock (the app must have closed
it), makes a safety backup of the current file first, stages the copy next to the database, gives it a
new incarnation id (the sync layer re-baselines), checks it again and renames it and the backup's key
file into place as one commit (`exports.fileset`: a journal completed at the next start).

The UI and `main.py` call: `backup_database` (on close, before migration/restore, on request),
`backup_before_import` (every import: the Excel member list and sync packages), `backup_if_due`
(daily), `list_backups` / `last_good_backup` (the corrupted-start path), `restore_preview` and
`restore_backup`. A backup or restore the user asked for is audited with `log_backup` / `log_restore`
(automatic ones are not: they run at close, at start and before migrations, outside any user action)."""

from __future__ import annotations

import contextlib
import errno
import glob
import logging
import os
import re
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from exports import atomic, fileset
from models import audit, dbfile
from models.db import Database, open_database, unit_of_work
from models.errors import StorageError
from models.i18n import QT_TRANSLATE_NOOP
from models.security import Actor
from models.storage import InstanceLock, fsync_dir

log = logging.getLogger(__name__)

KEEP_DEFAULT = 10
BACKUP_FOLDER_NAME = "sao-luu"
SUFFIX = ".db"
# Why a backup was made; part of the file name, shown in the restore list.
REASONS: dict[str, str] = {
    "manual": QT_TRANSLATE_NOOP("backup", "sao lưu theo yêu cầu"),
    "close": QT_TRANSLATE_NOOP("backup", "khi đóng chương trình"),
    "daily": QT_TRANSLATE_NOOP("backup", "hằng ngày"),
    "migration": QT_TRANSLATE_NOOP("backup", "trước khi nâng cấp"),
    "import": QT_TRANSLATE_NOOP("backup", "trước khi nhập dữ liệu"),
    "restore": QT_TRANSLATE_NOOP("backup", "trước khi phục hồi"),
    "damaged": QT_TRANSLATE_NOOP("backup", "bản chép tệp bị hỏng"),
}
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})Z(?:-(?P<n>\d+))?-(?P<reason>[a-z]+)\.(db|bak)$")


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created: datetime  # aware, UTC
    reason: str
    size: int

    @property
    def keys(self) -> Path | None:
        sidecar = keys_path(self.path)
        return sidecar if sidecar.exists() else None


def keys_path(db_file: Path) -> Path:
    """The sidecar keyring next to a database or backup file."""
    return db_file.with_name(db_file.name + ".keys")


def default_folder(db_path: Path) -> Path:
    """Automatic backups live in `sao-luu/` beside the database."""
    return Path(db_path).absolute().parent / BACKUP_FOLDER_NAME


def _folder_error(folder: Path) -> StorageError:
    return StorageError(
        QT_TRANSLATE_NOOP(
            "backup",
            "Không tạo được thư mục sao lưu {folder}. Hãy kiểm tra USB đã cắm và không bị khóa chống ghi, hoặc chọn thư mục khác.",
        ),
        kind="cant_open",
        folder=str(folder),
    )


def _ensure_folder(folder: Path) -> Path:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _folder_error(folder) from exc
    return folder


def _target_name(folder: Path, stem: str, reason: str, now: datetime) -> Path:
    stamp = now.astimezone(UTC).strftime("%Y%m%d-%H%M%S")
    # Backups made within the same second (whatever their reason) are numbered, so "newest first"
    # never depends on the order the folder lists them in.
    taken = [
        _sequence(p)
        for p in folder.glob(f"{glob.escape(stem)}-{stamp}Z*")
        if (m := _NAME.match(p.name)) is not None and m["stem"] == stem
    ]
    if not taken:
        return folder / f"{stem}-{stamp}Z-{reason}{SUFFIX}"
    return folder / f"{stem}-{stamp}Z-{max(taken) + 1}-{reason}{SUFFIX}"


def _info(path: Path) -> BackupInfo | None:
    match = _NAME.match(path.name)
    if match is None:
        return None
    try:
        created = datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S").replace(tzinfo=UTC)
        size = path.stat().st_size
    except (ValueError, OSError):
        return None
    return BackupInfo(path=path, created=created, reason=match["reason"], size=size)


def list_backups(folder: Path, stem: str | None = None) -> list[BackupInfo]:
    """Backups in `folder` (of the database named `stem`, if given), newest first."""
    try:
        paths = list(Path(folder).iterdir())
    except OSError:
        return []
    found = []
    for path in paths:
        info = _info(path)
        if info is not None and (stem is None or _NAME.match(path.name)["stem"] == stem):  # type: ignore[index]
            found.append(info)
    found.sort(key=lambda i: (i.created, _sequence(i.path)), reverse=True)
    return found


def _sequence(path: Path) -> int:
    match = _NAME.match(path.name)
    return int(match["n"]) if match and match["n"] else 1


def last_good_backup(db_path: Path, key: bytes | None, folder: Path | None = None) -> BackupInfo | None:
    """The newest backup of `db_path` that opens with `key` and passes `quick_check`."""
    for info in list_backups(folder or default_folder(db_path), Path(db_path).stem):
        try:
            dbfile.check_file(info.path, key)
        except StorageError:
            log.warning("backup %s failed its check", info.path.name)
            continue
        return info
    return None


def _verified(tmp: Path, key: bytes | None) -> None:
    atomic.fsync_file(tmp)
    dbfile.check_file(tmp, key)


def _write_error(exc: OSError, target: Path) -> StorageError:
    """A backup that cannot be written: a full folder (often the USB stick) is named as such."""
    if exc.errno == errno.ENOSPC:
        return StorageError(
            QT_TRANSLATE_NOOP(
                "backup",
                "Không đủ chỗ trống trong thư mục {folder} để ghi bản sao lưu {name}. Hãy xóa bớt tệp ở đó (hoặc chọn USB, thư mục khác) rồi sao lưu lại; dữ liệu không bị ảnh hưởng.",
            ),
            kind="full",
            folder=str(target.parent),
            name=target.name,
        )
    return atomic.write_error(exc, target)


def _target_error(exc: StorageError, target: Path) -> StorageError:
    """A failure of SQLite writing the copy is about the backup's folder (a full or write-protected
    stick), never about the database: say so, naming that folder."""
    code = {"full": errno.ENOSPC, "read_only": errno.EROFS, "cant_open": errno.EACCES}.get(exc.kind)
    return _write_error(OSError(code, exc.kind), target) if code is not None else exc


def _reserve(tmp: Path) -> None:
    """Create the temporary copy's (empty) file ourselves, readable by this user only: a folder that
    cannot take it is reported as the folder's fault before SQLite is involved."""
    os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600))


def backup_database(
    db: Database,
    folder: Path | None = None,
    *,
    reason: str = "manual",
    keep: int | None = KEEP_DEFAULT,
    now: datetime | None = None,
) -> BackupInfo:
    """Make a verified backup of the open database in `folder` (default: `sao-luu/` beside it) and keep
    the newest `keep` generations there (None keeps all).

    The backup's key file is written first, beside the temporary copy; the copy's rename to its final
    name is the one commit point: a kill before it leaves no backup (a key file without its backup is
    removed by `fileset.tidy_backup_folder`), after it a backup with its key."""
    if reason not in REASONS:
        msg = f"unknown backup reason {reason!r}"
        raise ValueError(msg)
    started = time.perf_counter()
    folder = _ensure_folder(Path(folder) if folder is not None else default_folder(db.path))
    fileset.tidy_backup_folder(folder, db.path.stem)
    target = _target_name(folder, db.path.stem, reason, now or datetime.now(UTC))
    atomic.check_fits(target, db.path.stat().st_size)  # the copy is about the database's size
    tmp = atomic.temp_name(target)
    sidecar = keys_path(db.path)
    key_copy: Path | None = None
    try:
        _reserve(tmp)
        try:
            dbfile.vacuum_into(db, tmp)
        except StorageError as exc:
            raise _target_error(exc, target) from exc
        fileset.crash_point("backup:copied")
        _verified(tmp, db.key)
        if sidecar.exists():
            key_copy = keys_path(target)
            try:
                atomic.copy_file(sidecar, key_copy)
            except StorageError as exc:
                raise _target_error(exc, target) from exc
            fileset.crash_point("backup:keys")
        atomic.replace(tmp, target)
        fsync_dir(folder)
        fileset.crash_point("backup:renamed")
    except OSError as exc:
        _discard_copy(tmp, key_copy)
        raise _write_error(exc, target) from exc
    except BaseException:
        _discard_copy(tmp, key_copy)
        raise
    if keep is not None:
        prune(folder, db.path.stem, keep)
    info = _info(target)
    assert info is not None
    log.info(
        "backup (%s) written in %.0f ms, %d bytes", reason, (time.perf_counter() - started) * 1000, info.size
    )
    return info


def _discard_copy(tmp: Path, key_copy: Path | None) -> None:
    for path in (tmp, tmp.with_name(tmp.name + "-journal"), key_copy):
        if path is not None:
            _discard(path)


def backup_before_import(
    db: Database, folder: Path | None = None, *, keep: int | None = KEEP_DEFAULT
) -> BackupInfo:
    """The verified backup every import takes before it changes anything (reason "import"). Call it
    outside any open session (the database has one connection); if it raises, do not import."""
    return backup_database(db, folder, reason="import", keep=keep)


def log_backup(db: Database, actor: Actor, info: BackupInfo) -> None:
    """Audit a backup made on request (after it was written and verified)."""
    with unit_of_work(db, actor) as session:
        audit.record_output(session, "backup", "database", info.reason, file_format=SUFFIX)


def backup_if_due(
    db: Database,
    folder: Path | None = None,
    *,
    every: timedelta = timedelta(days=1),
    keep: int | None = KEEP_DEFAULT,
    now: datetime | None = None,
) -> BackupInfo | None:
    """The daily backup: made when the newest backup in `folder` is older than `every`."""
    now = now or datetime.now(UTC)
    existing = list_backups(Path(folder) if folder is not None else default_folder(db.path), db.path.stem)
    if existing and now - existing[0].created < every:
        return None
    return backup_database(db, folder, reason="daily", keep=keep, now=now)


def prune(folder: Path, stem: str, keep: int) -> list[Path]:
    """Delete all but the newest `keep` backups of `stem` in `folder`; returns what was removed."""
    removed = []
    for info in list_backups(folder, stem)[max(keep, 1) :]:
        for path in (keys_path(info.path), info.path):
            with contextlib.suppress(OSError):
                path.unlink(missing_ok=True)
        removed.append(info.path)
    return removed


def _discard(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink(missing_ok=True)


# ---------------------------------------------------------------- restore

TABLE_LABELS: dict[str, str] = {
    "members": QT_TRANSLATE_NOOP("backup", "Đảng viên"),
    "member_events": QT_TRANSLATE_NOOP("backup", "Quá trình đảng viên"),
    "cells": QT_TRANSLATE_NOOP("backup", "Chi bộ"),
    "villages": QT_TRANSLATE_NOOP("backup", "Bản, tổ dân phố"),
    "cell_villages": QT_TRANSLATE_NOOP("backup", "Chi bộ – bản"),
    "cell_positions": QT_TRANSLATE_NOOP("backup", "Chức vụ trong chi bộ"),
    "cell_assignments": QT_TRANSLATE_NOOP("backup", "Phân công phụ trách"),
    "meetings": QT_TRANSLATE_NOOP("backup", "Buổi sinh hoạt"),
    "meeting_attendance": QT_TRANSLATE_NOOP("backup", "Điểm danh"),
    "meeting_agenda": QT_TRANSLATE_NOOP("backup", "Nội dung sinh hoạt"),
    "meeting_votes": QT_TRANSLATE_NOOP("backup", "Biểu quyết"),
    "meeting_tasks": QT_TRANSLATE_NOOP("backup", "Nhiệm vụ sau họp"),
    "candidates": QT_TRANSLATE_NOOP("backup", "Quần chúng ưu tú"),
    "admission_plans": QT_TRANSLATE_NOOP("backup", "Kế hoạch kết nạp"),
    "ratings": QT_TRANSLATE_NOOP("backup", "Xếp loại"),
    "rating_rounds": QT_TRANSLATE_NOOP("backup", "Đợt xếp loại"),
    "inspections": QT_TRANSLATE_NOOP("backup", "Kiểm tra, giám sát"),
    "disciplines": QT_TRANSLATE_NOOP("backup", "Kỷ luật"),
    "petitions": QT_TRANSLATE_NOOP("backup", "Đơn thư"),
    "courses": QT_TRANSLATE_NOOP("backup", "Lớp bồi dưỡng"),
    "course_attendees": QT_TRANSLATE_NOOP("backup", "Học viên"),
    "dues_payments": QT_TRANSLATE_NOOP("backup", "Đảng phí"),
    "report_snapshots": QT_TRANSLATE_NOOP("backup", "Báo cáo đã chốt"),
    "users": QT_TRANSLATE_NOOP("backup", "Người dùng"),
    "audit_log": QT_TRANSLATE_NOOP("backup", "Nhật ký thao tác"),
    "units": QT_TRANSLATE_NOOP("backup", "Đơn vị"),
    "upper_levels": QT_TRANSLATE_NOOP("backup", "Cấp trên"),
    "rule_values": QT_TRANSLATE_NOOP("backup", "Quy định"),
    "app_meta": QT_TRANSLATE_NOOP("backup", "Thông tin cài đặt"),
}
_HIDDEN_TABLES = frozenset({"alembic_version"})


@dataclass(frozen=True)
class TableChange:
    """How one table differs between the current database and the backup."""

    table: str
    current: int  # rows now
    in_backup: int  # rows in the backup
    added: int  # rows made since the backup: lost by restoring
    changed: int  # rows edited since the backup: the edits are lost
    removed: int  # rows deleted since the backup: they come back

    @property
    def lost(self) -> int:
        return self.added + self.changed


@dataclass(frozen=True)
class RestorePreview:
    backup: BackupInfo | None
    tables: tuple[TableChange, ...]  # only tables that differ

    @property
    def lost(self) -> int:
        return sum(t.lost for t in self.tables)

    @property
    def identical(self) -> bool:
        return not self.tables


def restore_preview(db_path: Path, backup: Path, key: bytes | None) -> RestorePreview:
    """What restoring `backup` over `db_path` would lose (and bring back), per table. Refuses a backup
    that fails its check. Works while the app has the database open."""
    dbfile.check_file(backup, key)
    after = dbfile.table_digests(backup, key)
    before = dbfile.table_digests(Path(db_path), key) if Path(db_path).exists() else {}
    changes = []
    for table in sorted(set(before) | set(after)):
        if table in _HIDDEN_TABLES:
            continue
        now_rows = before[table].rows if table in before else {}
        old_rows = after[table].rows if table in after else {}
        if table in before and table in after and before[table].digest == after[table].digest:
            continue
        added = sum(1 for k in now_rows if k not in old_rows)
        changed = sum(1 for k, v in now_rows.items() if k in old_rows and old_rows[k] != v)
        removed = sum(1 for k in old_rows if k not in now_rows)
        if added or changed or removed:
            changes.append(TableChange(table, len(now_rows), len(old_rows), added, changed, removed))
    return RestorePreview(backup=_info(Path(backup)), tables=tuple(changes))


@dataclass(frozen=True)
class RestoreResult:
    safety: Path | None  # the backup of the database as it was just before the restore
    incarnation_id: str


def _safety_copy(db_path: Path, key: bytes | None, folder: Path, keep: int | None) -> Path:
    """Back up the current database before it is replaced; a file too damaged for VACUUM INTO is
    copied byte for byte (with its -wal) instead."""
    try:
        db = open_database(db_path, key=key, quick_check=False, check_drive=False, single_instance=False)
    except StorageError as exc:
        if exc.kind not in ("corrupt", "not_a_database", "io"):
            raise
        db = None
    if db is not None:
        try:
            return backup_database(db, folder, reason="restore", keep=keep).path
        except StorageError as exc:
            if exc.kind not in ("corrupt", "not_a_database", "io"):
                raise
        finally:
            db.close()
    _ensure_folder(folder)
    target = _target_name(folder, db_path.stem, "damaged", datetime.now(UTC)).with_suffix(".bak")
    atomic.copy_file(db_path, target)
    wal = db_path.with_name(db_path.name + "-wal")
    if wal.exists():
        atomic.copy_file(wal, target.with_name(target.name + "-wal"))
    if keys_path(db_path).exists():
        atomic.copy_file(keys_path(db_path), keys_path(target))
    return target


def restore_backup(
    backup: Path,
    db_path: Path,
    *,
    key: bytes | None,
    folder: Path | None = None,
    keep: int | None = KEEP_DEFAULT,
) -> RestoreResult:
    """Replace the (closed) database at `db_path` with `backup`. `key` opens the backup (and the
    current database). The current file is backed up first into `folder` (default `sao-luu/`)."""
    backup, db_path = Path(backup).absolute(), Path(db_path).absolute()
    dbfile.check_file(backup, key)
    folder = Path(folder) if folder is not None else default_folder(db_path)
    _ensure_folder(db_path.parent)
    fileset.tidy(db_path, folder)
    lock = InstanceLock(db_path)
    lock.acquire()
    try:
        safety = _safety_copy(db_path, key, folder, keep) if db_path.exists() else None
        fileset.crash_point("restore:safety")
        staged = fileset.staged_name(db_path, "restore")
        staged_keys = fileset.staged_name(keys_path(db_path), "restore")
        try:
            atomic.copy_file(backup, staged)
            incarnation_id = dbfile.rotate_incarnation(staged, key)
            _verified(staged, key)
            moves = [(staged, db_path)]
            if keys_path(backup).exists():
                atomic.copy_file(keys_path(backup), staged_keys)
                moves.append((staged_keys, keys_path(db_path)))
            fileset.crash_point("restore:staged")
            # The database and its key file change together (one journal); the old file's -wal,
            # -shm and -journal go with it (their content is in `safety`).
            stale = tuple(db_path.with_name(db_path.name + s) for s in ("-wal", "-shm", "-journal"))
            fileset.commit(db_path, moves, remove=stale, step="restore")
        except OSError as exc:
            raise atomic.write_error(exc, db_path) from exc
        finally:
            committing = fileset.journal_path(db_path).exists()  # then the next start completes it
            for leftover in () if committing else (staged, staged_keys):
                for side in ("", "-wal", "-shm", "-journal"):
                    _discard(leftover.with_name(leftover.name + side))
    finally:
        lock.release()
    log.info("restored a backup; new incarnation")
    return RestoreResult(safety=safety, incarnation_id=incarnation_id)


def log_restore(db: Database, actor: Actor, result: RestoreResult) -> None:
    """Audit a restore in the restored database (opened again after `restore_backup`); the record id
    is the new incarnation the sync layer re-baselines on."""
    with unit_of_work(db, actor) as session:
        audit.record_output(session, "restore", "database", result.incarnation_id, file_format=SUFFIX)
