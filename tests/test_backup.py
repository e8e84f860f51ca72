"""Backups and restore: verified copies, generations, encryption, preview of what a restore loses,
round trip by per-table digests, incarnation rotation, damaged backups refused."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from exports import backup as bk
from exports import member_import as mi
from models import dbfile
from models.db import Database, open_database, read_session, unit_of_work
from models.entities import AuditEntry
from models.errors import StorageError
from models.security import SYSTEM_ACTOR
from models.services import organisation as org
from models.setup import open_app_database
from tests import builders
from tests.conftest import UNIT

T0 = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)


def _populate(db: Database, villages: int = 3) -> None:
    with unit_of_work(db, SYSTEM_ACTOR) as session:
        cell_id = builders.village_and_cell(session)
        for n in range(villages):
            org.add_village(session, org.VillageInput(name=f"Bản Thử {n}"))
        builders.admit(session, cell_id, builders.profile(given="Thanh", cccd="011085000123"))


def _digests(path: Path, key: bytes | None = None) -> dict[str, str]:
    return {t: d.digest for t, d in dbfile.table_digests(path, key).items()}


def test_backup_is_verified_named_and_listed(db: Database, tmp_path: Path) -> None:
    _populate(db)
    info = bk.backup_database(db, reason="manual", now=T0)
    assert info.path.parent == tmp_path / "sao-luu"
    assert info.path.name == "test-20260301-080000Z-manual.db"
    assert info.reason == "manual" and info.created == T0 and info.size > 0
    dbfile.check_file(info.path, None)
    assert _digests(info.path) == _digests(db.path)
    second = bk.backup_database(db, reason="close", now=T0)
    assert [i.path for i in bk.list_backups(tmp_path / "sao-luu")] == [second.path, info.path]
    assert not [p for p in (tmp_path / "sao-luu").iterdir() if p.name.endswith(".tmp")]


def test_generations_are_pruned_and_daily_backup_waits_a_day(db: Database, tmp_path: Path) -> None:
    for hour in range(5):
        bk.backup_database(db, reason="close", keep=3, now=T0 + timedelta(hours=hour))
    kept = bk.list_backups(tmp_path / "sao-luu", "test")
    assert [i.created.hour for i in kept] == [12, 11, 10]
    assert bk.backup_if_due(db, now=T0 + timedelta(hours=20)) is None
    made = bk.backup_if_due(db, now=T0 + timedelta(hours=29))
    assert made is not None and made.reason == "daily"


def test_backup_to_a_chosen_folder_copies_the_keyring(db: Database, tmp_path: Path) -> None:
    (tmp_path / "test.db.keys").write_bytes(b'{"wrapped": "..."}')
    usb = tmp_path / "usb" / "DangUy"
    info = bk.backup_database(db, usb, reason="manual", keep=None)
    assert info.path.parent == usb
    assert info.keys is not None and info.keys.read_bytes() == b'{"wrapped": "..."}'


def test_round_trip_restores_the_source_and_rotates_the_incarnation(db: Database, tmp_path: Path) -> None:
    _populate(db)
    source = _digests(db.path)
    info = bk.backup_database(db, now=T0)
    before_id = dbfile.incarnation(db.path, None)
    with unit_of_work(db, SYSTEM_ACTOR) as session:
        org.add_village(session, org.VillageInput(name="Bản Mới Sau Sao Lưu"))
        village = next(v for v in org.list_villages(session) if v.name == "Bản Thử 0")
        org.update_village(session, village.id, org.VillageInput(name="Bản Đổi Tên"))

    preview = bk.restore_preview(db.path, info.path, None)
    villages = next(t for t in preview.tables if t.table == "villages")
    assert (villages.added, villages.changed, villages.removed) == (1, 1, 0)
    assert villages.current == villages.in_backup + 1
    assert preview.lost >= 2 and not preview.identical
    assert "audit_log" in {t.table for t in preview.tables}

    db.close()
    result = bk.restore_backup(info.path, db.path, key=None)
    assert _digests(db.path) == source
    assert result.safety is not None and result.safety.exists()
    new_id = dbfile.incarnation(db.path, None)
    assert new_id == result.incarnation_id and new_id != before_id
    # the safety backup holds the edits made after the backup
    assert "Bản Mới Sau Sao Lưu" in str(dbfile.table_digests(result.safety, None)["villages"].rows) or (
        dbfile.table_digests(result.safety, None)["villages"].count == villages.current
    )
    reopened = open_app_database(db.path, check_drive=False)
    with unit_of_work(reopened, SYSTEM_ACTOR) as session:
        names = {v.name for v in org.list_villages(session)}
    reopened.close()
    assert "Bản Thử 0" in names and "Bản Mới Sau Sao Lưu" not in names
    assert bk.restore_preview(db.path, info.path, None).identical


def test_restore_refuses_a_damaged_backup_and_keeps_the_database(db: Database, tmp_path: Path) -> None:
    _populate(db, villages=40)
    info = bk.backup_database(db, now=T0)
    data = bytearray(info.path.read_bytes())
    for offset in range(4096 * 2, len(data), 997):  # flip bytes in every page after the header page
        data[offset] ^= 0x5A
    info.path.write_bytes(bytes(data))
    db.close()
    source = _digests(db.path)
    with pytest.raises(StorageError) as exc:
        bk.restore_preview(db.path, info.path, None)
    assert exc.value.kind in ("corrupt", "not_a_database")
    with pytest.raises(StorageError):
        bk.restore_backup(info.path, db.path, key=None)
    assert _digests(db.path) == source
    assert bk.last_good_backup(db.path, None) is None


def test_restore_refuses_while_the_app_has_the_database_open(db: Database) -> None:
    info = bk.backup_database(db, now=T0)
    with pytest.raises(StorageError) as exc:
        bk.restore_backup(info.path, db.path, key=None)
    assert exc.value.kind == "in_use"


def test_a_foreign_file_is_not_a_backup(tmp_path: Path) -> None:
    import sqlite3

    other = tmp_path / "other.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE t (x)")
    conn.close()
    with pytest.raises(StorageError) as exc:
        dbfile.check_file(other, None)
    assert exc.value.kind == "foreign" and "không phải bản sao lưu" in exc.value.text()


def test_encrypted_database_gives_encrypted_backups(tmp_path: Path) -> None:
    key = os.urandom(32)
    db = open_app_database(tmp_path / "enc.db", key=key, create=True, check_drive=False)
    try:
        with unit_of_work(db, SYSTEM_ACTOR) as session:
            org.setup_unit(session, UNIT)
            org.add_village(session, org.VillageInput(name="Bản Pá Bó"))
        info = bk.backup_database(db, now=T0)
    finally:
        db.close()
    raw = info.path.read_bytes()
    assert "Pá Bó".encode() not in raw and b"SQLite format 3" not in raw
    with pytest.raises(StorageError) as exc:
        dbfile.check_file(info.path, None)
    assert exc.value.kind == "not_a_database"
    with pytest.raises(StorageError):
        dbfile.check_file(info.path, os.urandom(32))
    dbfile.check_file(info.path, key)
    assert bk.last_good_backup(tmp_path / "enc.db", key) == info
    result = bk.restore_backup(info.path, tmp_path / "enc.db", key=key)
    assert result.safety is not None and b"SQLite format 3" not in result.safety.read_bytes()
    reopened = open_database(tmp_path / "enc.db", key=key, check_drive=False)
    reopened.close()


def test_restore_onto_a_corrupt_database_keeps_a_byte_copy(db: Database, tmp_path: Path) -> None:
    _populate(db, villages=30)
    info = bk.backup_database(db, now=T0)
    db.close()
    data = bytearray(db.path.read_bytes())
    data[0:16] = b"garbage garbage!"
    db.path.write_bytes(bytes(data))
    result = bk.restore_backup(info.path, db.path, key=None)
    assert result.safety is not None and result.safety.suffix == ".bak"
    assert result.safety.read_bytes() == bytes(data)
    dbfile.check_file(db.path, None)


# ---------------------------------------------------------------- before an import


def _member_list(path: Path) -> Path:
    import openpyxl

    wb = openpyxl.Workbook()
    sheet = wb.active
    assert sheet is not None
    sheet.append(["Họ và tên", "Giới tính", "Ngày sinh", "Chi bộ", "Ngày vào Đảng"])
    sheet.append(["Quàng Thị Ánh", "Nữ", "01/06/1995", "Na Hát", "01/06/2025"])
    sheet.append(["Giàng A Páo", "Nam", "07/07/1990", "Na Hát", "19/05/2015"])
    wb.save(path)
    return path


def _import_rows(db: Database, tmp_path: Path) -> list[mi.ImportRow]:
    table = mi.read_table(_member_list(tmp_path / "danh-sach.xlsx"))
    with read_session(db, SYSTEM_ACTOR) as session:
        preview = mi.preview(session, table, mi.suggest_mapping(table.headers))
    assert not preview.invalid
    return preview.valid


def test_an_import_first_takes_a_verified_backup_of_the_data_before_it(db: Database, tmp_path: Path) -> None:
    _populate(db)
    folder = bk.default_folder(db.path)
    bk.backup_database(db, reason="manual")
    before = _digests(db.path)
    result = mi.import_members(db, SYSTEM_ACTOR, _import_rows(db, tmp_path))

    assert len(result.created) == 2
    backups = bk.list_backups(folder, db.path.stem)
    assert [b.reason for b in backups] == ["import", "manual"]  # a new generation, the old one kept
    assert backups[0].path == result.backup.path
    dbfile.check_file(result.backup.path, db.key)  # quick_check passes
    assert _digests(result.backup.path)["members"] == before["members"]  # the data as it was
    preview = bk.restore_preview(db.path, result.backup.path, db.key)
    assert {t.table: t.added for t in preview.tables}["members"] == 2  # what restoring it would undo
    with read_session(db, SYSTEM_ACTOR) as session:
        entries = session.scalars(select(AuditEntry).where(AuditEntry.action == "import")).all()
        assert [(e.entity, e.fields) for e in entries] == [("member", '["count=2","format=xlsx"]')]


def test_no_import_when_the_backup_cannot_be_made(db: Database, tmp_path: Path) -> None:
    _populate(db)
    rows = _import_rows(db, tmp_path)
    before = _digests(db.path)
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the backup folder should be", encoding="utf-8")
    with pytest.raises(StorageError):
        mi.import_members(db, SYSTEM_ACTOR, rows, backup_folder=blocked)
    assert _digests(db.path) == before


def test_backups_in_the_same_second_keep_their_order(db: Database) -> None:
    when = datetime(2026, 3, 5, 8, 0, 0, tzinfo=UTC)
    first = bk.backup_database(db, reason="manual", now=when)
    second = bk.backup_database(db, reason="import", now=when)
    third = bk.backup_database(db, reason="close", now=when)
    newest_first = bk.list_backups(bk.default_folder(db.path), db.path.stem)
    assert [b.path for b in newest_first] == [third.path, second.path, first.path]
