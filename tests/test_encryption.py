"""The database file at rest: no member name or CCCD readable, SQLCipher required, and encrypting an
existing plain database in place with a verified copy first."""

from __future__ import annotations

import os
import sqlite3
import sys
import unicodedata
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
from tests.leakscan import Scanner, demo_people

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


# ---------------------------------------------------------------- the demo at rest, after a crash mid-import

DEMO_MEMBERS = 120
IMPORT_ROWS = 300
KILL_AT_ROW = 40
IMPORT_FAMILIES = ("Lò", "Quàng", "Cầm", "Lường", "Tòng", "Điêu", "Vì", "Hà", "Sầm", "Mè")
IMPORT_MIDDLES = ("Văn", "Đức", "Công")
IMPORT_GIVEN = (
    "Pấng", "Ún", "Thoong", "Khiêm", "Xiêng", "Phăn", "Hặc", "Ỏn", "Pọm", "Chăm", "Doãn", "Ươn", "Khánh",
    "Thưởng", "Nguyện", "Kiểm", "Chượng", "Hươn", "Lả", "Pâng",
)  # fmt: skip


def _import_file(path: Path, cell: str, taken_names: set[str], taken_ids: set[str]) -> list[tuple[str, str]]:
    """An Excel member list of IMPORT_ROWS new people (names and CCCDs not in the demo)."""
    import openpyxl

    people: list[tuple[str, str]] = []
    number = 700_000
    for family in IMPORT_FAMILIES:
        for middle in IMPORT_MIDDLES:
            for given in IMPORT_GIVEN:
                name = f"{family} {middle} {given}"
                number += 1
                cccd = f"0140{85}{number:06d}"
                if name not in taken_names and cccd not in taken_ids and len(people) < IMPORT_ROWS:
                    people.append((name, cccd))
    assert len(people) == IMPORT_ROWS
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["STT", "Họ và tên", "Giới tính", "Ngày sinh", "Dân tộc", "Số CCCD", "Chi bộ", "Ngày vào Đảng"])
    for n, (name, cccd) in enumerate(people, start=1):
        ws.append([n, name, "Nam", "12/04/1985", "Thái", cccd, cell, "05/03/2010"])
    wb.save(path)
    return people


def _import_and_kill(db_path: Path, workbook: Path, tmpdir: Path, data_dir: Path) -> list[str]:
    """Run tests/import_child.py with TMPDIR=`tmpdir`; SIGKILL it once KILL_AT_ROW rows of the import
    transaction are written. Returns its output."""
    import select
    import signal
    import subprocess
    import time

    root = Path(__file__).resolve().parents[1]
    env = {
        **os.environ,
        "TMPDIR": str(tmpdir),
        "DUX_DATA_DIR": str(data_dir),
        "PYTHONPATH": str(root),
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    child = subprocess.Popen(
        [sys.executable, str(root / "tests" / "import_child.py"), str(db_path), str(workbook)],
        cwd=root,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    assert child.stdout is not None
    fd, buffer = child.stdout.fileno(), b""
    lines: list[str] = []
    deadline = time.monotonic() + 300
    try:
        while f"ROW {KILL_AT_ROW}" not in lines:
            assert time.monotonic() < deadline, lines
            if not select.select([fd], [], [], 1.0)[0]:
                continue
            chunk = os.read(fd, 65536)
            assert chunk, f"the import ended before the kill: {(buffer + chunk).decode(errors='replace')}"
            buffer += chunk
            *done, buffer = buffer.split(b"\n")
            lines += [line.decode() for line in done]
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.kill()
        child.wait(30)
        child.stdout.close()
    return lines


@pytest.mark.skipif(sys.platform == "win32", reason="select() on a pipe and SIGKILL are POSIX")
def test_raw_scan_after_a_crash_during_import_finds_no_demo_person(tmp_path: Path) -> None:
    """The acceptance scan: an encrypted demo commune, a backup of it, then an Excel import killed
    with SIGKILL in the middle of its transaction. The database file, its WAL and shared-memory file,
    the key file, every backup (the one taken before and the one the import took) and the temp folder
    the import ran with hold no demo person's or imported person's whole name (NFC or NFD, UTF-8 or
    UTF-16-LE) and no CCCD. The database then opens, passes integrity_check, and holds none of the
    interrupted import's rows."""
    from exports import backup
    from exports.demo_db import create_demo_database

    folder = tmp_path / "data"
    folder.mkdir()
    path = folder / "xa.db"
    create_demo_database(path, members=DEMO_MEMBERS, seed=11, check_drive=False, meeting_years=1)
    names, cccds, cells = demo_people(path)
    assert len(names) > DEMO_MEMBERS * 0.9 and len(cccds) > DEMO_MEMBERS * 0.7
    with keyring.unlock(path, keyring.DEMO_LOGIN, keyring.DEMO_PASSWORD, check_drive=False) as unlocked:
        backup.backup_database(unlocked.db, reason="manual")
    (tmp_path / "in").mkdir()
    workbook = tmp_path / "in" / "danh-sach.xlsx"
    imported = _import_file(workbook, cells[0], set(names), set(cccds))
    tmpdir = tmp_path / "tmp"
    tmpdir.mkdir()

    lines = _import_and_kill(path, workbook, tmpdir, tmp_path / "logs")
    assert f"PREVIEW {IMPORT_ROWS} 0" in lines  # every row was valid and went into the transaction

    scanner = Scanner([*names, *cccds, *(n for n, _ in imported), *(c for _, c in imported)])
    backups = backup.default_folder(path)
    copies = [p for p in backups.iterdir() if p.suffix == ".db"]
    assert len(copies) >= 2, copies  # the manual backup and the one the import took first
    wal = Path(str(path) + "-wal")
    assert wal.exists() and wal.stat().st_size > 0  # scanned as the crash left it
    scanned = [path, wal, Path(str(path) + "-shm"), keyring.keyring_path(path), backups, tmpdir]
    assert scanner.scan(*scanned) == []

    # The control: the same scanner finds the names and numbers stored in clear (NFD, UTF-16 too).
    control = tmp_path / "control.db"
    with sqlite3.connect(control) as conn:
        conn.execute("CREATE TABLE people (name TEXT, cccd TEXT)")
        conn.execute("INSERT INTO people VALUES (?, ?)", (unicodedata.normalize("NFD", names[0]), cccds[0]))
        conn.execute("INSERT INTO people VALUES (?, ?)", (imported[0][0], imported[0][1]))
    (tmp_path / "control.txt").write_bytes(names[-1].encode("utf-16-le"))
    found = scanner.scan(control, tmp_path / "control.txt")
    assert len(found) >= 5, found

    with keyring.unlock(path, keyring.DEMO_LOGIN, keyring.DEMO_PASSWORD, check_drive=False) as unlocked:
        with unlocked.db.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
            assert conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
        with read_session(unlocked.db, unlocked.actor) as session:
            now = {
                " ".join(p for p in (m.family_name, m.middle_name, m.given_name) if p)
                for m in session.query(Member)
            }
    assert len(now) == len([n for n in names if n in now]) > 0
    assert not now & {n for n, _ in imported}  # the interrupted import left nothing behind
