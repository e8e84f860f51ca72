"""Issue 16: files that belong together commit together, the app's leftovers go at the next start, an
existing file is never initialised, reading survives a full disk, errors are classified by code and
every message names the right cause. (The kills at every step are in tests/test_crash_harness.py.)"""

from __future__ import annotations

import errno
import json
import logging
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

import main
from exports import atomic, damaged, fileset, keyring
from exports import backup as bk
from exports import member_import as mi
from models import auth
from models.db import classify, open_database, read_session, unit_of_work
from models.errors import StorageError
from models.security import SYSTEM_ACTOR, Role
from models.services import organisation as org
from models.setup import open_app_database
from tests import builders
from tests.builders import MEMBER_LIST_HEADERS
from tests.conftest import UNIT

ROOT = Path(__file__).resolve().parents[1]
LOGIN = "vanthu"
PASSWORD = "mật khẩu dài 2026"


@pytest.fixture(autouse=True)
def cheap_kdf(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(auth, "CURRENT_KDF", auth.KdfParams(64, 1, 1))
    monkeypatch.setenv("DUX_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv(keyring.ENV_USER, LOGIN)
    monkeypatch.setenv(keyring.ENV_PASSWORD, PASSWORD)
    monkeypatch.setattr(main, "setup_logging", lambda verbose=False: tmp_path / "app.log")


def _commune(path: Path, *, demo: bool = False) -> Path:
    login, password = (keyring.DEMO_LOGIN, keyring.DEMO_PASSWORD) if demo else (LOGIN, PASSWORD)
    admin, _code = keyring.create_encrypted_database(path, login, password, check_drive=False, demo=demo)
    with admin:
        keyring.update_account(admin, admin.actor.user_id, "Văn thư", frozenset({Role.ADMIN, Role.CLERK}))
        with unit_of_work(admin.db, SYSTEM_ACTOR) as session:
            org.setup_unit(session, UNIT)
            cell = builders.village_and_cell(session)
            builders.admit(session, cell, builders.profile("Quàng", "Văn", "Chiến"))
    return path


@pytest.fixture
def commune(tmp_path: Path) -> Path:
    folder = tmp_path / "xa"
    folder.mkdir()
    return _commune(folder / "xa.db")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main.main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


# ---------------------------------------------------------------- one commit point


def test_an_interrupted_restore_is_completed_at_the_next_start(commune: Path) -> None:
    """The journal names the staged database and key file: a kill after it (simulated by leaving the
    moves undone) is finished by the next login, and the pair opens with an intact audit chain."""
    key = keyring.key_for(commune, LOGIN, PASSWORD)
    with keyring.unlock(commune, LOGIN, PASSWORD, check_drive=False) as unlocked:
        backup = bk.backup_database(unlocked.db, reason="manual")
        with unit_of_work(unlocked.db, unlocked.actor) as session:
            org.add_village(session, org.VillageInput(name="Bản Mới"))
    staged = fileset.staged_name(commune, "restore")
    staged_keys = fileset.staged_name(keyring.keyring_path(commune), "restore")
    shutil.copy2(backup.path, staged)
    shutil.copy2(bk.keys_path(backup.path), staged_keys)
    moves = [[staged.name, commune.name], [staged_keys.name, keyring.keyring_path(commune).name]]
    body = {"format": fileset.JOURNAL_FORMAT, "moves": moves, "remove": []}
    fileset.journal_path(commune).write_text(json.dumps(body), encoding="utf-8")
    # As if the process died after moving the database but before the key file:
    staged.replace(commune)
    with keyring.unlock(commune, LOGIN, PASSWORD, check_drive=False) as unlocked:
        assert keyring.verify_audit(unlocked).ok
        with read_session(unlocked.db, unlocked.actor) as session:
            assert "Bản Mới" not in {v.name for v in org.list_villages(session)}
    assert not fileset.journal_path(commune).exists() and not staged_keys.exists()
    assert key is not None


def test_a_backup_key_file_without_its_backup_is_removed_by_the_next_backup(
    commune: Path, tmp_path: Path
) -> None:
    stick = tmp_path / "usb"
    stick.mkdir()
    orphan = stick / "xa-20260101-101010Z-manual.db.keys"  # killed between the key copy and the rename
    orphan.write_bytes(keyring.keyring_path(commune).read_bytes())
    killed_copy = stick / ".xa-20260101-101010Z-manual.db.0a1b2c3d.tmp"
    killed_copy.write_bytes(b"\0" * 4096)
    (stick / (killed_copy.name + "-journal")).write_bytes(b"\0" * 512)
    foreign = [stick / "xa-ghi-chu.txt", stick / ".xa.db.tmp", stick / "khac-20260101-101010Z-manual.db.keys"]
    for path in foreign:
        path.write_text("của người dùng", encoding="utf-8")
    with keyring.unlock(commune, LOGIN, PASSWORD, check_drive=False) as unlocked:
        info = bk.backup_database(unlocked.db, stick, reason="manual")
    assert sorted(p.name for p in stick.iterdir()) == sorted(
        [info.path.name, info.path.name + ".keys", *(p.name for p in foreign)]
    )
    assert keyring.key_for(info.path, LOGIN, PASSWORD, tidy=False) is not None


def test_the_next_start_removes_the_apps_leftovers_and_nothing_else(commune: Path, tmp_path: Path) -> None:
    folder = commune.parent
    ours = [
        folder / ".xa.db.keys.1a2b3c4d.tmp",
        folder / ".xa.db.restore-1a2b3c4d.tmp",
        folder / ".xa.db.restore-1a2b3c4d.tmp-journal",
        folder / ".xa.db.encrypt-00ff00ff.tmp",
        folder / ".xa.db.encrypting",
        folder / "..xa.db.restore-1a2b3c4d.tmp.5e6f7a8b.tmp",
        folder / "..xa.db.commit.5e6f7a8b.tmp",
        folder / "sao-luu" / ".xa-20260101-101010Z-daily.db.9f9f9f9f.tmp",
    ]
    theirs = [
        folder / "xa.db.ghi-chu",
        folder / ".xa.db.tmp",
        folder / ".khac.db.1a2b3c4d.tmp",
        folder / "a.tmp",
    ]
    (folder / "sao-luu").mkdir(exist_ok=True)
    for path in ours + theirs:
        path.write_bytes(b"x" * 100)
    private = fileset.private_temp_dir()
    dead = private / "openpyxl.999999999.abc.xml"
    alive = private / f"openpyxl.{os.getpid()}.abc.xml"
    dead.write_text("Quàng Văn Chiến", encoding="utf-8")
    alive.write_text("đang ghi", encoding="utf-8")
    assert fileset.tidy(commune) == (len(ours) + 1, 100 * len(ours) + len("Quàng Văn Chiến".encode()))
    assert not any(p.exists() for p in ours) and not dead.exists()
    assert all(p.exists() for p in theirs) and alive.exists()
    assert private.stat().st_mode & 0o777 == 0o700


def test_housekeeping_leaves_a_database_another_window_has_open(commune: Path) -> None:
    leftover = commune.with_name(".xa.db.keys.1a2b3c4d.tmp")
    with keyring.unlock(commune, LOGIN, PASSWORD, check_drive=False):
        leftover.write_bytes(b"x")
        assert fileset.tidy(commune) == (0, 0)
        assert leftover.exists()  # it could be that window's key file being written


def test_a_killed_export_leaves_no_package_the_database_does_not_know(tmp_path: Path) -> None:
    """Staged packages on the stick: the one the database recorded is published by the next export,
    one it never recorded is removed; the sequence is never issued twice."""
    from exports import sync as sx
    from models.services import sync as ss
    from tests.test_sync import PROVINCE

    commune = _commune(tmp_path / "xa.db")
    province = open_app_database(tmp_path / "tinh.db", create=True, check_drive=False)
    stick = tmp_path / "usb"
    stick.mkdir()
    try:
        with unit_of_work(province, SYSTEM_ACTOR) as session:
            org.setup_unit(session, PROVINCE)
        with keyring.unlock(commune, LOGIN, PASSWORD, check_drive=False) as unlocked:
            with unit_of_work(province, SYSTEM_ACTOR) as p, unit_of_work(unlocked.db, SYSTEM_ACTOR) as c:
                ss.enrol(c, ss.own_bundle(p, "upper"))
                ss.enrol(p, ss.own_bundle(c, "commune"))
            first = sx.export_package(unlocked.db, SYSTEM_ACTOR, stick)
            # A kill after the commit, before the rename: the package is recorded but still staged.
            staged = stick / f".{first.path.name}{sx.STAGED_SUFFIX}"
            first.path.replace(staged)
            # And a kill before a commit: staged bytes the database never recorded.
            unknown = stick / f".DUX-XXXX-000002-20260101.dux{sx.STAGED_SUFFIX}"
            unknown.write_bytes(b"never recorded")
            second = sx.export_package(unlocked.db, SYSTEM_ACTOR, stick)
        assert first.path.exists() and not staged.exists() and not unknown.exists()
        assert (first.sequence, second.sequence) == (1, 2)
        results = sx.import_files(province, SYSTEM_ACTOR, [first.path, second.path])
        assert all(not isinstance(r, Exception) for r in results), results
    finally:
        province.close()


# ---------------------------------------------------------------- damaged is never new


@pytest.mark.parametrize("damage", ["zero bytes", "truncated"])
def test_an_existing_file_without_its_schema_is_damaged_never_initialised(commune: Path, damage: str) -> None:
    data = commune.read_bytes()
    commune.write_bytes(b"" if damage == "zero bytes" else data[:4096])
    before = commune.read_bytes()
    with pytest.raises(StorageError) as exc:
        keyring.unlock(commune, LOGIN, PASSWORD, check_drive=False)
    assert damaged.is_damage(exc.value)  # the start offers restore (or read-only), never "new"
    assert "phục hồi" in exc.value.text()
    assert commune.read_bytes() == before  # nothing was written into it
    assert damaged.open_read_only(commune, LOGIN, PASSWORD) is None  # beyond read-only use: restore


def test_a_damaged_first_page_is_damage_not_a_wrong_key(commune: Path) -> None:
    data = bytearray(commune.read_bytes())
    data[100:140] = bytes(40)  # inside page 1, after SQLCipher's salt
    commune.write_bytes(bytes(data))
    with pytest.raises(StorageError) as exc:
        keyring.unlock(commune, LOGIN, PASSWORD, check_drive=False)
    assert exc.value.kind == "corrupt"
    assert "khóa giải mã không đúng" not in exc.value.text()


def test_an_unknown_schema_revision_is_not_called_newer(tmp_path: Path) -> None:
    path = tmp_path / "la.db"
    open_app_database(path, create=True, check_drive=False).close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num='abc123'")
    with pytest.raises(StorageError) as exc:
        open_app_database(path, check_drive=False)
    assert exc.value.kind == "unknown_revision"
    assert "mới hơn" not in exc.value.text() and "abc123" in exc.value.text()


# ---------------------------------------------------------------- errors by code


def test_a_bug_whose_message_says_malformed_reaches_the_crash_path(commune: Path) -> None:
    with keyring.unlock(commune, LOGIN, PASSWORD, check_drive=False) as unlocked:
        with (
            pytest.raises(ValueError, match="malformed"),
            unit_of_work(unlocked.db, unlocked.actor) as session,
        ):
            org.add_village(session, org.VillageInput(name="Bản Lỗi"))
            msg = "malformed input in a service"
            raise ValueError(msg)
        with read_session(unlocked.db, unlocked.actor) as session:  # and it rolled back
            assert "Bản Lỗi" not in {v.name for v in org.list_villages(session)}
    assert classify(ValueError("database disk image is malformed")) is None
    assert classify(RuntimeError("database or disk is full")) is None
    assert classify(OSError(errno.ENOSPC, "x")) is not None


def test_sqlite_errors_are_classified_by_their_result_code(tmp_path: Path) -> None:
    from sqlcipher3 import dbapi2

    path = tmp_path / "la.db"
    path.write_bytes(b"not a database at all" * 300)
    conn = dbapi2.connect(str(path))
    with pytest.raises(dbapi2.DatabaseError) as exc:
        conn.execute("SELECT * FROM sqlite_schema").fetchall()
    conn.close()
    assert exc.value.sqlite_errorcode == 26
    mapped = classify(exc.value)
    assert mapped is not None and mapped.kind == "not_a_database"


# ---------------------------------------------------------------- messages


def test_sqlcipher_log_lines_stay_off_the_terminal(commune: Path, capfd: pytest.CaptureFixture[str]) -> None:
    capfd.readouterr()
    with pytest.raises(StorageError):
        open_database(commune, key=b"\x01" * 32, check_drive=False)
    assert "ERROR CORE" not in capfd.readouterr().err


def test_a_demo_database_without_its_key_file_asks_for_the_key_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _commune(tmp_path / "mau.db", demo=True)
    keyring.keyring_path(path).unlink()
    monkeypatch.delenv(keyring.ENV_PASSWORD)
    with pytest.raises(StorageError) as exc:
        keyring.credentials_from_env(path)
    assert exc.value.kind == "keyring_missing"
    assert "DUX_PASSWORD" not in exc.value.text() and ".keys" in exc.value.text()


def test_restore_to_a_new_path_uses_the_backups_key_file(
    commune: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "backup", str(commune), "--to", str(tmp_path / "usb"))
    assert code == 0, err
    backup = next((tmp_path / "usb").glob("*.db"))
    target = tmp_path / "may-moi" / "xa.db"
    target.parent.mkdir()
    code, out, err = run(capsys, "restore", str(backup), "--to", str(target), "--yes")
    assert code == 0, err
    assert "Chưa có cơ sở dữ liệu ở" in out and "sẽ trở lại" not in out
    assert "Đã phục hồi" in out
    code, out, err = run(capsys, "verify-audit", str(target))
    assert code == 0, err


def test_backup_into_a_folder_that_refuses_files_names_that_folder(
    commune: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "chi-doc"
    folder.mkdir()

    def refuse(path: Path) -> None:
        raise PermissionError(errno.EACCES, "read-only", str(path))

    monkeypatch.setattr(bk, "_reserve", refuse)
    with (
        keyring.unlock(commune, LOGIN, PASSWORD, check_drive=False) as unlocked,
        pytest.raises(StorageError) as exc,
    ):
        bk.backup_database(unlocked.db, folder)
    assert exc.value.kind == "read_only"
    assert str(folder) in exc.value.text()
    assert "Không mở được tệp cơ sở dữ liệu" not in exc.value.text()
    assert list(folder.iterdir()) == []


def test_a_missing_output_folder_is_not_blamed_on_the_usb(tmp_path: Path) -> None:
    with pytest.raises(StorageError) as exc:
        atomic.write_bytes(tmp_path / "khong-co" / "ds.xlsx", b"data")
    assert "USB đã bị rút ra" not in exc.value.text()
    assert "khong-co" in exc.value.text()


def test_only_valid_with_no_valid_row_takes_no_backup_and_fails(
    commune: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = tmp_path / "loi.xlsx"
    wb = openpyxl.Workbook()
    sheet = wb.active
    assert sheet is not None
    sheet.append(MEMBER_LIST_HEADERS)
    sheet.append([1, "Lò Thị 2", "Nữ", "31/02/1990", "Thái", "Na Hát", "1/1/2020", ""])
    wb.save(book)
    mapping = tmp_path / "loi.json"
    mapping.write_text(mi.suggest_mapping(MEMBER_LIST_HEADERS).to_json(), encoding="utf-8")
    code, _out, err = run(
        capsys, "import-members", str(commune), str(book), "--mapping", str(mapping), "--only-valid"
    )
    assert code == 1
    assert "Không có dòng hợp lệ nào" in err
    assert bk.list_backups(bk.default_folder(commune)) == []


def test_logging_on_a_full_or_read_only_disk_never_reaches_the_user(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    handler = main._QuietFileHandler(tmp_path / "app.log", delay=True, encoding="utf-8")

    def full() -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(handler, "_open", full)
    logger = logging.getLogger("test.full_disk")
    logger.addHandler(handler)
    try:
        capfd.readouterr()
        logger.warning("a line the full disk cannot take")
    finally:
        logger.removeHandler(handler)
    assert "Logging error" not in capfd.readouterr().err


# ---------------------------------------------------------------- a real full disk


def _tmpfs_available() -> bool:
    if not sys.platform.startswith("linux") or shutil.which("unshare") is None:
        return False
    probe = subprocess.run(
        ["unshare", "-rm", "sh", "-c", "mount -t tmpfs -o size=1m tmpfs /mnt 2>/dev/null || exit 3"],
        capture_output=True,
        check=False,
    )
    return probe.returncode == 0


@pytest.mark.skipif(not _tmpfs_available(), reason="needs a user namespace to mount a small tmpfs")
def test_reading_commands_work_on_a_full_disk_and_a_write_says_which_disk(tmp_path: Path) -> None:
    """The commune on a tmpfs filled to the last byte (mounted in a user namespace): verify-audit and
    register succeed, a backup there is refused with the disk-full message naming its file, and no
    -journal, -shm stub or temporary file is left."""
    (tmp_path / "src").mkdir()
    db = _commune(tmp_path / "src" / "xa.db")
    script = f"""
set -e
M={tmp_path}/full
mkdir -p $M
mount -t tmpfs -o size=2m tmpfs $M
cp {db} {db}.keys $M/
dd if=/dev/zero of=$M/filler bs=4k 2>/dev/null || true
export DUX_DATA_DIR=$M/data DUX_USER={LOGIN} DUX_PASSWORD='{PASSWORD}'
cd {ROOT}
set +e
{sys.executable} main.py verify-audit $M/xa.db; echo "rc=$?"
{sys.executable} main.py register $M/xa.db --out {tmp_path}/ds.pdf; echo "rc=$?"
{sys.executable} main.py backup $M/xa.db; echo "rc=$?"
ls -a $M $M/sao-luu 2>/dev/null
"""
    done = subprocess.run(
        ["unshare", "-rm", "bash", "-c", script],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        timeout=120,
    )
    out, err = done.stdout, done.stderr
    assert out.count("rc=0") == 2, (out, err)
    assert "chuỗi nguyên vẹn" in out and "Đã ghi" in out
    assert "Không đủ chỗ trống trong thư mục" in err and "sao-luu để ghi bản sao lưu xa-" in err, err
    assert "rc=1" in out
    assert "Traceback" not in err and "Logging error" not in err and "ERROR CORE" not in err
    listing = out.split("rc=1", 1)[1]
    assert "-journal" not in listing and "-shm" not in listing and ".tmp" not in listing


def test_the_next_write_of_a_file_removes_what_a_killed_write_of_it_left(tmp_path: Path) -> None:
    killed = tmp_path / ".ds.xlsx.1a2b3c4d.tmp"  # a register export killed before its rename
    killed.write_text("Quàng Văn Chiến", encoding="utf-8")
    others = [tmp_path / ".ds.pdf.1a2b3c4d.tmp", tmp_path / ".ds.xlsx.tmp", tmp_path / "ds.xlsx.1a2b3c4d.tmp"]
    for path in others:
        path.write_text("của người dùng", encoding="utf-8")
    atomic.write_bytes(tmp_path / "ds.xlsx", b"data")
    assert not killed.exists() and all(p.exists() for p in others)
