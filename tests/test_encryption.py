"""The database file at rest: no member name or CCCD readable, SQLCipher required, and encrypting an
existing plain database in place with a verified copy first."""

from __future__ import annotations

import sqlite3
import sys
from datetime import date
from pathlib import Path

import pytest

from exports import keyring
from models import auth
from models.db import Database, open_database, read_session, unit_of_work
from models.entities import Member
from models.errors import StorageError
from models.security import SYSTEM_ACTOR
from models.services import organisation as org
from tests.conftest import UNIT

PEOPLE = [
    ("Lò", "Văn", "Pấng", "014090001234"),
    ("Quàng", "Thị", "Ún", "014190005678"),
    ("Cầm", "Văn", "Thoong", "014085009012"),
]


@pytest.fixture(autouse=True)
def cheap_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(auth, "CURRENT_KDF", auth.KdfParams(64, 1, 1))


def _add_people(db: Database) -> None:
    with unit_of_work(db, SYSTEM_ACTOR) as session:
        if not org.is_set_up(session):
            org.setup_unit(session, UNIT)
        unit_id = org.own_unit(session).id
        for family, middle, given, cccd in PEOPLE:
            session.add(
                Member(
                    owner_unit_id=unit_id,
                    family_name=family,
                    middle_name=middle,
                    given_name=given,
                    sex="M",
                    date_of_birth=date(1980, 1, 1),
                    cccd=cccd,
                    notes=f"Ghi chú về {family} {middle} {given}",
                )
            )


def _needles() -> list[bytes]:
    found: list[bytes] = []
    for family, middle, given, cccd in PEOPLE:
        # Whole names and numbers only: a 3-byte given name turns up in random ciphertext by chance.
        for text in (f"{family} {middle} {given}", f"{middle} {given}", cccd):
            found += [text.encode("utf-8"), text.encode("utf-16-le")]
    return found


def _leaks(*paths: Path) -> list[str]:
    leaks = []
    for path in paths:
        if path.exists():
            raw = path.read_bytes()
            leaks += [f"{path.name}: {n!r}" for n in _needles() if n in raw]
    return leaks


def test_raw_scan_of_the_encrypted_file_and_wal_finds_no_member(tmp_path: Path) -> None:
    path = tmp_path / "xa.db"
    unlocked, _ = keyring.create_encrypted_database(path, "quantri", "mật khẩu dài", check_drive=False)
    try:
        _add_people(unlocked.db)
        wal = Path(str(path) + "-wal")
        assert wal.exists() and wal.stat().st_size > 0  # scanned while the WAL holds the new pages
        assert _leaks(path, wal, keyring.keyring_path(path)) == []
        assert not keyring.is_plain_sqlite(path)
    finally:
        unlocked.close()
    assert _leaks(*tmp_path.iterdir()) == []
    # The control: the same data in a plain file is found by the same scan.
    plain = open_database(tmp_path / "plain.db", create=True, check_drive=False)
    from models import migrate

    migrate.upgrade(plain)
    _add_people(plain)
    plain.close()
    assert _leaks(tmp_path / "plain.db")


def test_ordinary_sqlite_cannot_read_it(tmp_path: Path) -> None:
    path = tmp_path / "xa.db"
    unlocked, _ = keyring.create_encrypted_database(path, "quantri", "mật khẩu dài", check_drive=False)
    unlocked.close()
    conn = sqlite3.connect(path)
    with pytest.raises(sqlite3.DatabaseError):
        conn.execute("SELECT count(*) FROM sqlite_schema").fetchall()
    conn.close()


def test_unkeyed_connection_is_refused(tmp_path: Path) -> None:
    db = open_database(tmp_path / "plain.db", create=True, check_drive=False)
    try:
        with pytest.raises(StorageError) as exc:
            auth.assert_encrypted(db)
        assert exc.value.kind == "no_cipher"
    finally:
        db.close()


def test_without_sqlcipher_the_app_refuses_to_start(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "xa.db"
    monkeypatch.setitem(sys.modules, "sqlcipher3", None)
    monkeypatch.setitem(sys.modules, "sqlcipher3.dbapi2", None)
    with pytest.raises(StorageError) as exc:
        keyring.create_encrypted_database(path, "quantri", "mật khẩu dài", check_drive=False)
    assert exc.value.kind == "no_cipher"
    assert "SQLCipher" in exc.value.text()
    assert not path.exists()
    assert not keyring.keyring_path(path).exists()


def test_plain_database_is_not_opened_by_login(db: Database) -> None:
    path = db.path
    db.close()
    with pytest.raises(auth.NotEncrypted):
        keyring.unlock(path, "quantri", "mật khẩu dài", check_drive=False)


def test_encrypt_an_existing_plain_database(db: Database) -> None:
    path = db.path
    _add_people(db)
    with read_session(db, SYSTEM_ACTOR) as session:
        tables = [
            r[0]
            for r in session.connection().exec_driver_sql(
                "SELECT name FROM sqlite_schema WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        before: dict[str, int] = {
            t: int(session.connection().exec_driver_sql(f'SELECT count(*) FROM "{t}"').scalar() or 0)
            for t in tables
        }
    db.close()
    assert _leaks(path)

    result = keyring.encrypt_plain_database(path, "quantri", "mật khẩu dài")
    assert result.rows == sum(before.values())
    assert not keyring.is_plain_sqlite(path)
    leftovers = sorted(p.name for p in path.parent.iterdir() if p.name.startswith("."))
    assert leftovers == []
    assert _leaks(*path.parent.iterdir()) == []

    with keyring.unlock(path, "quantri", "mật khẩu dài", check_drive=False) as unlocked:
        with read_session(unlocked.db, unlocked.actor) as session:
            conn = session.connection()
            for table, count in before.items():
                assert int(conn.exec_driver_sql(f'SELECT count(*) FROM "{table}"').scalar() or 0) >= count
            names = {m.given_name for m in session.query(Member)}
        assert names == {p[2] for p in PEOPLE}
        assert keyring.verify_audit(unlocked).ok
    with keyring.recover(path, result.recovery_code, "quantri", "mật khẩu khác", check_drive=False):
        pass


def test_encrypting_twice_is_refused(db: Database) -> None:
    path = db.path
    db.close()
    keyring.encrypt_plain_database(path, "quantri", "mật khẩu dài")
    from models.errors import Conflict

    with pytest.raises(Conflict):
        keyring.encrypt_plain_database(path, "quantri", "mật khẩu dài")
