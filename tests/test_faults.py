"""Fault injection on every write path of backups and restore, a full disk under the services, and
damaged database files at start: always a Vietnamese StorageError, nothing half-written, the previous
good file intact, never an unhandled exception."""

from __future__ import annotations

import contextlib
import errno
import os
import random
import signal
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from exports import atomic
from exports import backup as bk
from models import dbfile
from models.db import Database, open_database, read_session, unit_of_work
from models.errors import StorageError
from models.security import SYSTEM_ACTOR
from models.services import organisation as org
from models.setup import open_app_database
from tests import builders
from tests.conftest import UNIT

T0 = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)
POSIX_FILE_LIMIT = pytest.mark.skipif(
    sys.platform == "win32",
    reason="RLIMIT_FSIZE and SIGXFSZ are POSIX; tests/test_atomic_write.py fails writers part-way everywhere",
)


@pytest.fixture(autouse=True)
def _restore_opener() -> Iterator[None]:
    yield
    atomic.set_opener(None)


@contextlib.contextmanager
def file_size_limit(limit: int) -> Iterator[None]:
    """Files this process writes cannot grow past `limit` bytes: writes fail like on a full stick."""
    import resource  # POSIX only: imported here so that the module collects on Windows

    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    old_handler = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, old_handler)


def _populate(db: Database, n: int = 30) -> None:
    with unit_of_work(db, SYSTEM_ACTOR) as session:
        cell = builders.village_and_cell(session)
        for i in range(n):
            org.add_village(session, org.VillageInput(name=f"Bản Số {i}", households=i))
        builders.admit(session, cell)


def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def _digests(path: Path) -> dict[str, str]:
    return {t: d.digest for t, d in dbfile.table_digests(path, None).items()}


# ---------------------------------------------------------------- the database on a full disk


def test_full_disk_refuses_the_save_and_keeps_what_was_saved(db: Database) -> None:
    _populate(db, 3)
    with db.engine.connect() as conn:
        raw = conn.connection.driver_connection
        assert raw is not None
        pages = raw.execute("PRAGMA page_count").fetchone()[0]
        raw.execute(f"PRAGMA max_page_count = {pages}")
    before = _digests(db.path)
    with pytest.raises(StorageError) as exc, unit_of_work(db, SYSTEM_ACTOR) as session:
        for i in range(400):  # one user action that needs more pages than the disk has
            org.add_village(session, org.VillageInput(name=f"Bản Đầy {i}", population=i))
    assert exc.value.kind == "full"
    assert exc.value.text().startswith("Ổ đĩa đã đầy nên không lưu được.")
    assert _digests(db.path) == before  # nothing half-written
    with read_session(db, SYSTEM_ACTOR) as session:
        assert not [v for v in org.list_villages(session) if v.name.startswith("Bản Đầy")]
    with db.engine.connect() as conn:
        raw = conn.connection.driver_connection
        assert raw is not None
        raw.execute("PRAGMA max_page_count = 1073741823")  # space freed: the clerk retries
    with unit_of_work(db, SYSTEM_ACTOR) as session:
        org.add_village(session, org.VillageInput(name="Bản Đầy 0"))


# ---------------------------------------------------------------- backups


@POSIX_FILE_LIMIT
def test_backup_on_a_full_stick_leaves_nothing_and_keeps_older_backups(db: Database, tmp_path: Path) -> None:
    _populate(db)
    usb = tmp_path / "usb"
    good = bk.backup_database(db, usb, now=T0)
    good_bytes = good.path.read_bytes()
    for limit in (0, 1000, 4096, good.path.stat().st_size // 2, good.path.stat().st_size - 1):
        with pytest.raises(StorageError) as exc, file_size_limit(limit):
            bk.backup_database(db, usb, now=T0 + timedelta(hours=1))
        assert exc.value.kind in ("full", "io")
        assert exc.value.text()[:3] in ("Ổ đ", "Lỗi", "Khô")
        assert _names(usb) == [good.path.name]
        assert good.path.read_bytes() == good_bytes


def test_a_backup_that_fails_its_check_does_not_count(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _populate(db)
    good = bk.backup_database(db, now=T0)
    real = dbfile.vacuum_into

    def torn(database: Database, target: Path) -> None:
        real(database, target)
        data = bytearray(target.read_bytes())
        for offset in range(4096, len(data), 509):
            data[offset] ^= 0xFF
        target.write_bytes(bytes(data))

    monkeypatch.setattr(dbfile, "vacuum_into", torn)
    with pytest.raises(StorageError) as exc:
        bk.backup_database(db, now=T0 + timedelta(hours=1))
    assert exc.value.kind == "corrupt"
    assert _names(tmp_path / "sao-luu") == [good.path.name]
    assert bk.last_good_backup(db.path, None) == good


@pytest.mark.parametrize("limit", [0, 1, 7, 20])
def test_keyring_copy_failing_removes_the_incomplete_backup(db: Database, tmp_path: Path, limit: int) -> None:
    (tmp_path / "test.db.keys").write_bytes(b"k" * 40)
    good = bk.backup_database(db, now=T0)
    atomic.set_opener(atomic.failing_after(limit, errno.EIO))
    with pytest.raises(StorageError) as exc:
        bk.backup_database(db, now=T0 + timedelta(hours=1))
    assert exc.value.kind == "io"
    assert _names(tmp_path / "sao-luu") == sorted([good.path.name, good.path.name + ".keys"])


# ---------------------------------------------------------------- restore


def test_restore_failing_part_way_keeps_the_current_database(db: Database, tmp_path: Path) -> None:
    _populate(db)
    info = bk.backup_database(db, now=T0)
    with unit_of_work(db, SYSTEM_ACTOR) as session:
        org.add_village(session, org.VillageInput(name="Bản Sau Sao Lưu"))
    db.close()
    current = _digests(db.path)
    size = info.path.stat().st_size
    for limit in (0, 100, 4096, size // 2, size - 1):
        atomic.set_opener(atomic.failing_after(limit, errno.ENOSPC))
        with pytest.raises(StorageError) as exc:
            bk.restore_backup(info.path, db.path, key=None, keep=None)
        assert exc.value.kind == "full"
        assert _digests(db.path) == current
        assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    atomic.set_opener(None)
    bk.restore_backup(info.path, db.path, key=None)
    assert _digests(db.path) != current


@POSIX_FILE_LIMIT
def test_restore_is_refused_when_the_safety_backup_cannot_be_made(db: Database, tmp_path: Path) -> None:
    _populate(db)
    info = bk.backup_database(db, now=T0)
    db.close()
    current = _digests(db.path)
    with pytest.raises(StorageError), file_size_limit(4096):
        bk.restore_backup(info.path, db.path, key=None)
    assert _digests(db.path) == current


# ---------------------------------------------------------------- damaged database at start


def _flip(path: Path, rng: random.Random, count: int, start: int) -> None:
    data = bytearray(path.read_bytes())
    for _ in range(count):
        offset = rng.randrange(start, len(data))
        data[offset] ^= 1 << rng.randrange(8)
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("encrypted", [False, True])
def test_random_byte_flips_are_detected_at_start_and_never_crash(tmp_path: Path, encrypted: bool) -> None:
    """Plain SQLite has no page checksums, so a flip inside a stored value can go unseen (it still
    never crashes); SQLCipher authenticates every page, so with a key every flip is caught."""
    key = os.urandom(32) if encrypted else None
    db = open_app_database(tmp_path / "source.db", key=key, create=True, check_drive=False)
    with unit_of_work(db, SYSTEM_ACTOR) as session:
        org.setup_unit(session, UNIT)
    _populate(db, 60)
    pristine = bk.backup_database(db, now=T0).path.read_bytes()  # compacted: no free pages
    db.close()
    rng = random.Random(7)
    detected = 0
    kinds: list[str] = []
    trials = 30
    for trial in range(trials):
        path = tmp_path / f"damaged-{trial}.db"
        path.write_bytes(pristine)
        _flip(path, rng, rng.choice([1, 3, 20, 200]), start=rng.choice([0, 100, 4096]))
        try:
            db = open_app_database(path, key=key, check_drive=False)
        except StorageError as exc:
            kinds.append(exc.kind)
            detected += 1
            damaged = dbfile.open_damaged(path, key)  # read-only where it can, never raises
            if damaged is not None:
                assert damaged.read_only
                damaged.close()
        else:
            db.close()
    assert set(kinds) <= {"corrupt", "not_a_database", "foreign", "io"}
    assert detected == trials if encrypted else detected >= trials // 3


def test_damaged_start_offers_the_last_good_backup(db: Database, tmp_path: Path) -> None:
    _populate(db)
    older = bk.backup_database(db, now=T0)
    newer = bk.backup_database(db, now=T0 + timedelta(days=1))
    _flip(newer.path, random.Random(1), 300, 4096)  # the newest backup is damaged too
    db.close()
    _flip(db.path, random.Random(2), 300, 4096)
    with pytest.raises(StorageError) as exc:
        open_database(db.path, check_drive=False)
    assert exc.value.kind == "corrupt"
    assert [i.path for i in bk.list_backups(bk.default_folder(db.path))] == [newer.path, older.path]
    assert bk.last_good_backup(db.path, None) == older
    bk.restore_backup(older.path, db.path, key=None)
    open_database(db.path, check_drive=False).close()


# ---------------------------------------------------------------- documents: no audit entry for a failed write


@pytest.mark.parametrize("suffix", [".pdf", ".xlsx"])
def test_a_register_that_fails_part_way_keeps_the_old_file_and_is_not_audited(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], suffix: str
) -> None:
    import main
    from exports import keyring
    from models import audit
    from models.entities import AuditEntry
    from tests.test_audit_chain import PASSWORD, small_commune

    monkeypatch.setenv("DUX_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv(keyring.ENV_USER, "quantri")
    monkeypatch.setenv(keyring.ENV_PASSWORD, PASSWORD)
    monkeypatch.setattr(main, "setup_logging", lambda verbose=False: tmp_path / "app.log")
    path = tmp_path / "xa.db"
    small_commune(path)
    out = tmp_path / "ra"
    out.mkdir()
    target = out / f"so-danh-sach{suffix}"

    def exports_logged() -> int:
        with (
            keyring.unlock(path, "quantri", PASSWORD, check_drive=False) as unlocked,
            read_session(unlocked.db, unlocked.actor) as session,
        ):
            assert audit.verify(session).ok
            return len(session.scalars(select(AuditEntry).where(AuditEntry.action == "export")).all())

    assert main.main(["register", str(path), "--out", str(target)]) == 0
    good = target.read_bytes()
    assert exports_logged() == 1
    failing = atomic.failing_after(len(good) // 2)
    # Only the document's writes fail (the key file is still written when the database closes).
    atomic.set_opener(lambda p: failing(p) if "so-danh-sach" in p.name else atomic._default_open(p))
    capsys.readouterr()
    assert main.main(["register", str(path), "--out", str(target)]) == 1
    assert "Không đủ chỗ trống để ghi tệp" in capsys.readouterr().err
    atomic.set_opener(None)
    assert target.read_bytes() == good  # the previous good file intact
    assert _names(out) == [target.name]  # nothing half-written left beside it
    assert exports_logged() == 1  # a file that was not written is not recorded as exported
