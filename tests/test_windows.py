"""What a clerk on Windows would meet, simulated on Linux where the behaviour is ours: a command's
Vietnamese output on a redirected cp1252 console and in the windowed build (no streams at all), the
test suite's own import-time paths under `sys.platform == "win32"`, Windows' hidden system folders on
every USB stick, and a database folder named with `#` or `%`."""

from __future__ import annotations

import ast
import errno
import importlib.util
import io
import logging
import logging.handlers
import os
import struct
import subprocess
import sys
import types
from pathlib import Path, PureWindowsPath

import pytest

import main
from exports import atomic, backup
from exports import sync as sx
from models import storage
from models.db import Database, read_session, sqlite_uri, unit_of_work
from models.errors import StorageError
from models.security import SYSTEM_ACTOR
from models.services import organisation as org
from models.setup import open_app_database
from models.storage import InstanceLock
from tests.conftest import UNIT
from ui import app


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("DUX_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "data"


def _strict_cp1252() -> tuple[io.BytesIO, io.TextIOWrapper]:
    """A redirected stdout on a Western-European Windows: the ANSI code page, strict."""
    raw = io.BytesIO()
    return raw, io.TextIOWrapper(raw, encoding="cp1252", errors="strict")


def test_vietnamese_output_on_a_strict_cp1252_stdout(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    raw, stream = _strict_cp1252()
    with pytest.raises(UnicodeEncodeError):
        stream.write("Đảng ủy")  # what used to happen to the first line of Vietnamese
    stream.seek(0)
    monkeypatch.setattr(sys, "stdout", stream)
    assert main.main(["--help"]) == main.EXIT_OK
    stream.flush()
    text = raw.getvalue().decode("utf-8")
    assert "sao lưu" in text  # the Vietnamese help reached the pipe as UTF-8
    assert "self-test" in text


def test_a_refusal_on_a_strict_cp1252_stderr(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    raw, stream = _strict_cp1252()
    monkeypatch.setattr(sys, "stderr", stream)
    monkeypatch.delenv("DUX_PASSWORD", raising=False)
    assert main.main(["minutes", str(data_dir.parent / "khong-co.db"), "--list"]) == main.EXIT_REFUSED
    stream.flush()
    assert "Cơ sở dữ liệu" in raw.getvalue().decode("utf-8")


def test_the_windowed_build_without_streams(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """PyInstaller's windowed build (and pythonw) sets sys.stdout and sys.stderr to None."""
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    try:
        assert main.main(["--help"]) == main.EXIT_OK
        assert main.main(["khong-co-lenh-nay"]) == main.EXIT_USAGE
        main.out("Đã ghi xong.")
        main.err("Lỗi.")
    finally:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                stream.close()


# ---------------------------------------------------------------- the test suite collects on Windows

# Run in a fresh interpreter: everything from outside the project is imported first, as it would be on
# any system; then the interpreter is made to look like Windows where it matters at import time —
# sys.platform is "win32", the POSIX-only modules cannot be imported, the POSIX-only functions and
# signals are gone, Windows' own modules exist — and pytest collects the project's tests, importing
# every test module and every project module they reach under those conditions.
WINDOWS_COLLECT = r"""
import importlib.abc, importlib.machinery, os, signal, sys, types
import argparse, ast, asyncio, base64, bisect, calendar, concurrent.futures, contextvars, ctypes, ctypes.util
import email, faulthandler, fractions, glob, hashlib, hmac, html, inspect, io, json, logging.handlers
import multiprocessing, pkgutil, random, secrets, select, shutil, socket, sqlite3, struct, subprocess
import tempfile, threading, traceback, unicodedata, urllib.parse, uuid, xml.etree.ElementTree, zipfile, zlib
import zoneinfo
import alembic, alembic.command, argon2, cryptography, defusedxml, openpyxl, packaging, pypdf
import pytest, reportlab, sqlalchemy, sqlalchemy.orm, sqlcipher3
from PySide6 import QtCharts, QtCore, QtGui, QtPdf, QtPdfWidgets, QtPrintSupport, QtTest, QtWidgets

POSIX_ONLY = {"resource", "fcntl", "termios", "pty", "tty", "pwd", "grp", "syslog", "crypt", "nis", "spwd"}


class NotOnWindows(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.partition(".")[0] in POSIX_ONLY:
            raise ModuleNotFoundError(f"No module named {name!r} (simulated Windows)", name=name)
        return None


for name in POSIX_ONLY:
    sys.modules.pop(name, None)
sys.meta_path.insert(0, NotOnWindows())
for module, names in ((os, ("fork", "major", "minor", "makedev", "mkfifo")),
                      (signal, ("SIGKILL", "SIGXFSZ", "SIGALRM", "SIGUSR1", "SIGUSR2", "SIGHUP", "SIGQUIT"))):
    for attribute in names:
        if hasattr(module, attribute):
            delattr(module, attribute)
for name in ("msvcrt", "winreg", "_winapi", "winsound"):
    sys.modules.setdefault(name, types.ModuleType(name))
sys.platform = "win32"
try:
    import resource
except ImportError:
    pass
else:
    raise SystemExit("the simulation does not block POSIX-only modules")
# --capture=sys: pytest's fd capture on win32 reaches for io._WindowsConsoleIO, which Linux lacks
sys.exit(pytest.main(["--collect-only", "-q", "--capture=sys", "-p", "no:cacheprovider", *sys.argv[1:]]))
"""


def _collect_as_windows(*args: str) -> subprocess.CompletedProcess[str]:
    root = Path(__file__).resolve().parents[1]
    return subprocess.run(
        [sys.executable, "-c", WINDOWS_COLLECT, *args],
        cwd=root,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(root)},
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


def test_the_test_suite_collects_as_on_windows() -> None:
    done = _collect_as_windows("tests")
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    summary = done.stdout.strip().splitlines()[-1]
    assert " tests collected" in summary and "error" not in summary, summary
    assert int(summary.split()[0]) > 500  # every module, not an empty run


def test_the_simulation_catches_a_posix_import_at_module_top(tmp_path: Path) -> None:
    """The control: the mistake this guards against (test_faults.py had `import resource` at its top)."""
    module = tmp_path / "test_posix_top.py"
    module.write_text("import resource\n\n\ndef test_nothing() -> None:\n    pass\n", encoding="utf-8")
    done = _collect_as_windows(str(module), "--rootdir", str(tmp_path))
    assert done.returncode != 0
    assert "simulated Windows" in done.stdout + done.stderr


# ---------------------------------------------------------------- USB sticks as Windows leaves them


def _as_windows_attributes(monkeypatch: pytest.MonkeyPatch, attributes: dict[str, int]) -> None:
    """st_file_attributes as Windows reports them (Linux has none): by entry name."""
    monkeypatch.setattr(sx, "_file_attributes", lambda path: attributes.get(path.name, 0))


def test_windows_system_folders_on_a_stick_are_not_a_worm(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hidden, system = sx.FILE_ATTRIBUTE_HIDDEN, sx.FILE_ATTRIBUTE_SYSTEM
    for name in ("System Volume Information", "$RECYCLE.BIN", "Tài liệu", "Sao lưu"):
        (tmp_path / name).mkdir()
    _as_windows_attributes(
        monkeypatch, {"System Volume Information": hidden | system, "$RECYCLE.BIN": hidden | system}
    )
    assert sx.stick_warnings(tmp_path) == []


def test_a_hidden_folder_that_is_not_the_systems_is_still_flagged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hidden, system = sx.FILE_ATTRIBUTE_HIDDEN, sx.FILE_ATTRIBUTE_SYSTEM
    for name in ("System Volume Information", "Dữ liệu", "\u00a0"):
        (tmp_path / name).mkdir()
    (tmp_path / "Dữ liệu.lnk").write_bytes(b"L\0\0\0")  # the worm's shortcut to the hidden real folder
    _as_windows_attributes(monkeypatch, {"System Volume Information": hidden | system, "Dữ liệu": hidden})
    warnings = sx.stick_warnings(tmp_path)
    assert len(warnings) == 2
    assert any("thư mục ẩn “Dữ liệu”" in w for w in warnings)
    assert any("lối tắt “Dữ liệu.lnk”" in w for w in warnings)


def test_a_stick_read_on_linux_shows_no_attributes_but_the_names_tell(tmp_path: Path) -> None:
    for name in ("System Volume Information", "$RECYCLE.BIN", ".Trash-1000", ".fseventsd"):
        (tmp_path / name).mkdir()
    (tmp_path / ".an").mkdir()
    assert sx.stick_warnings(tmp_path) == [
        "USB có thư mục ẩn “.an”; có thể là virus giấu dữ liệu. Hãy quét virus."
    ]


def test_a_usb_disk_windows_calls_fixed_is_removable_by_its_bus(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(storage, "_windows_drive_type", lambda root: 3)  # DRIVE_FIXED
    for bus, kind in ((7, "removable"), (12, "removable"), (11, "fixed"), (17, "fixed"), (None, "fixed")):
        monkeypatch.setattr(storage, "_windows_bus_type", lambda root, bus=bus: bus)
        assert storage.drive_kind(tmp_path / "xa.db") == kind, bus  # 7 USB, 12 SD; 11 SATA, 17 NVMe
    monkeypatch.setattr(storage, "_windows_bus_type", lambda root: 7)
    with pytest.raises(StorageError) as exc:
        storage.refuse_unsafe_drive(tmp_path / "xa.db")
    assert exc.value.kind == "removable"


def test_the_storage_descriptor_layout() -> None:
    """STORAGE_DEVICE_DESCRIPTOR as DeviceIoControl fills it (winioctl.h): BusType after four offsets."""
    descriptor = struct.pack("<IIBBBBIIIIiI", 1, 40, 0, 0, 1, 0, 0, 0, 0, 0, 7, 0) + b"\0" * 8
    assert storage.bus_type_of(descriptor) == 7
    assert storage.bus_type_of(descriptor[:20]) is None


def test_a_file_too_large_for_fat32_is_refused_before_writing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "dang-uy-tinh-20260301.db"
    monkeypatch.setattr(atomic, "file_system", lambda path: "vfat")
    with pytest.raises(StorageError) as exc:
        atomic.check_fits(target, 4_400_000_000)
    assert exc.value.kind == "too_large"
    assert exc.value.text().startswith("Tệp dang-uy-tinh-20260301.db lớn khoảng 4,4 GB, vượt giới hạn 4 GB")
    assert "exFAT" in exc.value.text()
    atomic.check_fits(target, 4 * 1024**3 - 1)  # the largest file FAT32 holds
    monkeypatch.setattr(atomic, "file_system", lambda path: "exfat")
    atomic.check_fits(target, 4_400_000_000)
    assert list(tmp_path.iterdir()) == []


def test_a_backup_too_large_for_the_stick_is_refused_before_copying(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stick = tmp_path / "usb"
    stick.mkdir()
    monkeypatch.setattr(atomic, "file_system", lambda path: "fat32" if path == stick else "ext4")
    monkeypatch.setattr(atomic, "FAT_FILE_LIMIT", 1000)  # a small database stands for a 4.4 GB one
    with pytest.raises(StorageError) as exc:
        backup.backup_database(db, stick)
    assert exc.value.kind == "too_large"
    assert list(stick.iterdir()) == []


def test_a_file_system_that_refuses_the_size_mid_write_says_so(tmp_path: Path) -> None:
    assert atomic.write_error(OSError(errno.EFBIG, "File too large"), tmp_path / "a.db").kind == "too_large"


def test_windows_asks_for_safely_remove(monkeypatch: pytest.MonkeyPatch) -> None:
    assert atomic.unplug_advice() == "Đã ghi xong, có thể rút USB."  # Linux flushed the folder too
    monkeypatch.setattr(sys, "platform", "win32")
    assert "Safely Remove" in atomic.unplug_advice()
    assert "có thể rút USB" not in atomic.unplug_advice()


# ---------------------------------------------------------------- the database file and its lock


@pytest.mark.parametrize("folder", ["Sao lưu #2", "100% an toàn", "Lưu %41", "hỏi?đáp", "a&b=c"])
def test_a_database_in_a_folder_with_uri_characters(tmp_path: Path, folder: str) -> None:
    place = tmp_path / folder
    place.mkdir()
    path = place / "dang-uy-xa.db"
    db = open_app_database(path, create=True, check_drive=False)
    try:
        with unit_of_work(db, SYSTEM_ACTOR) as session:
            org.setup_unit(session, UNIT)
    finally:
        db.close()
    assert path.stat().st_size > 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [folder]  # no stray file beside the folder
    reopened = open_app_database(path, check_drive=False)
    try:
        with read_session(reopened, SYSTEM_ACTOR) as session:
            assert org.own_unit(session).name == UNIT.name
    finally:
        reopened.close()


def test_the_uri_keeps_a_windows_drive() -> None:
    uri = sqlite_uri(PureWindowsPath("C:/Users/Văn thư/Sao lưu #2/x.db"))
    assert uri == "file:///C:/Users/V%C4%83n%20th%C6%B0/Sao%20l%C6%B0u%20%232/x.db"


class _FakeMsvcrt(types.ModuleType):
    """msvcrt's byte-range lock, recorded: (call, position, length, handle closed?)."""

    LK_UNLCK, LK_NBLCK = 0, 2

    def __init__(self) -> None:
        super().__init__("msvcrt")
        self.calls: list[tuple[int, int, int]] = []

    def locking(self, fd: int, mode: int, length: int) -> None:
        self.calls.append((mode, os.lseek(fd, 0, os.SEEK_CUR), length))


def test_the_instance_lock_is_unlocked_explicitly_on_windows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = _FakeMsvcrt()
    monkeypatch.setitem(sys.modules, "msvcrt", fake)
    monkeypatch.setattr(sys, "platform", "win32")
    lock = InstanceLock(tmp_path / "xa.db")
    lock.acquire()
    assert lock._handle is not None
    lock._handle.seek(0, os.SEEK_END)
    lock._handle.write(b"x")  # the handle's position moved since the lock was taken
    lock.release()
    assert fake.calls == [(fake.LK_NBLCK, 0, 1), (fake.LK_UNLCK, 0, 1)]  # the same byte, then closed
    assert lock._handle is None


# ---------------------------------------------------------------- logs of two instances


def test_a_second_instance_writes_its_own_log(data_dir: Path) -> None:
    logs = data_dir / "logs"
    logs.mkdir(parents=True)
    window = InstanceLock(logs / "app.log")  # the window's instance holds app.log
    window.acquire()
    try:
        assert main.setup_logging() == logs / "app-2.log"
        logging.getLogger("test").info("from the command line")
        assert app.crash_log_path() == logs / "app-2.log"  # the crash dialog names this instance's file
        handler = logging.getLogger().handlers[0]
        assert isinstance(handler, logging.handlers.RotatingFileHandler)
        handler.doRollover()  # its own file: nobody else has it open, so the rename succeeds on Windows
        assert (logs / "app-2.log.1").read_text(encoding="utf-8").count("from the command line") == 1
    finally:
        window.release()
        for old in logging.getLogger().handlers:
            old.close()
        logging.getLogger().handlers.clear()
        main.release_log_slot()
    assert main.own_log_file(logs) == logs / "app.log"  # the window has gone: the first file again
    main.release_log_slot()


# ---------------------------------------------------------------- the build script


def _build_script() -> types.ModuleType:
    spec = importlib.util.spec_from_file_location(
        "dux_build", Path(__file__).resolve().parents[1] / "scripts" / "build.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_build_script_prints_ascii_only() -> None:
    source = Path(_build_script().__file__ or "").read_text(encoding="utf-8")
    tree = ast.parse(source)
    printed = [
        node.value
        for call in ast.walk(tree)
        if isinstance(call, ast.Call)
        and (
            (isinstance(call.func, ast.Name) and call.func.id == "print")
            or (isinstance(call.func, ast.Attribute) and call.func.attr == "exit")
        )
        for node in ast.walk(call)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    ]
    assert printed
    assert [text for text in printed if not text.isascii()] == []
    assert _build_script().ascii_only("bundle — ≤ 200 MB") == "bundle \\u2014 \\u2264 200 MB"


def test_signing_runs_only_with_a_certificate() -> None:
    build = _build_script()
    exe = Path("dist/SoTayDangUy/SoTayDangUy.exe")
    assert build.sign_command([exe], {}, True) is None
    command = build.sign_command([exe], {"DUX_SIGN_CERT": "tinh.pfx", "DUX_SIGN_PASSWORD": "p"}, True)
    assert command[:2] == ["signtool.exe", "sign"]
    assert command[command.index("/f") : command.index("/f") + 2] == ["/f", "tinh.pfx"]
    assert "/tr" in command and "SHA256" in command and command[-1] == str(exe)
    by_store = build.sign_command([exe], {"DUX_SIGN_THUMBPRINT": "AB12"}, True)
    assert "/sha1" in by_store and "/f" not in by_store
    linux = build.sign_command([exe], {"DUX_SIGN_CERT": "tinh.pfx"}, False)
    assert linux[:4] == ["osslsigncode", "sign", "-pkcs12", "tinh.pfx"]
    assert build.native_platform({}, "win32") == "windows"
    assert build.native_platform({"DISPLAY": ":1"}, "linux") == "xcb"
    assert build.native_platform({}, "linux") is None


# ---------------------------------------------------------------- the installer


INSTALLER = Path(__file__).resolve().parents[1] / "installer"


def test_the_program_holds_the_installers_mutex(monkeypatch: pytest.MonkeyPatch) -> None:
    created: list[tuple[object, bool, str]] = []

    def create_mutex(attributes: object, owned: bool, name: str) -> int:
        created.append((attributes, owned, name))
        return 42

    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(main, "_app_mutex", [])
    fake = types.SimpleNamespace(kernel32=types.SimpleNamespace(CreateMutexW=create_mutex))
    monkeypatch.setattr("ctypes.windll", fake, raising=False)
    main.hold_app_mutex()
    main.hold_app_mutex()  # once per process
    assert created == [(None, False, main.APP_MUTEX)]
    script = (INSTALLER / "SoTayDangUy.iss").read_text(encoding="utf-8-sig")
    assert f'#define AppMutexName "{main.APP_MUTEX}"' in script
    assert "AppMutex={#AppMutexName}" in script


def test_the_installer_is_vietnamese_first_and_refuses_clearly() -> None:
    for name in ("SoTayDangUy.iss", "Vietnamese.isl"):
        assert (INSTALLER / name).read_bytes().startswith(b"\xef\xbb\xbf"), name  # UTF-8 with BOM
    script = (INSTALLER / "SoTayDangUy.iss").read_text(encoding="utf-8-sig")
    languages = [line for line in script.splitlines() if line.startswith("Name: ") and "MessagesFile" in line]
    assert languages[0] == 'Name: "vi"; MessagesFile: "compiler:Default.isl,Vietnamese.isl"'
    assert "MinVersion=10.0.17763" in script
    assert "ArchitecturesAllowed=x64compatible" in script
    refusal = next(line for line in script.splitlines() if line.startswith("vi.OnlyOnTheseArchitectures="))
    assert "64-bit" in refusal and "32-bit" in refusal and "không cài được" in refusal
    assert 'Type: filesandordirs; Name: "{app}\\_internal"' in script
    run = script[script.index("[Run]") :]
    assert "Parameters" not in run  # the program starts with no arguments
    messages = (INSTALLER / "Vietnamese.isl").read_text(encoding="utf-8-sig")
    assert "LanguageID=$042A" in messages
    assert "ButtonInstall=&Cài đặt" in messages


# ---------------------------------------------------------------- text files name their encoding

PROJECT = Path(__file__).resolve().parents[1]
TEXT_IO_WITHOUT_MODE = {"read_text": 1, "write_text": 2}  # positional arguments up to the encoding


def _text_io_without_encoding(source: str) -> list[int]:
    """Lines of read_text/write_text/open calls in text mode that leave the encoding to the locale.
    Ruff's PLW1514 only sees calls on what it knows is a Path (`Path(x).read_text()`), not
    `(folder / name).write_text(...)`; this walks every call by name."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call) or any(k.arg in ("encoding", None) for k in node.keywords):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
        if name in TEXT_IO_WITHOUT_MODE and len(node.args) < TEXT_IO_WITHOUT_MODE[name]:
            lines.append(node.lineno)
        elif name == "open":
            if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id == "os":
                continue  # os.open: a file descriptor, no text layer
            position = 0 if isinstance(func, ast.Attribute) else 1  # Path.open(mode) / open(file, mode)
            given = [k.value for k in node.keywords if k.arg == "mode"] + node.args[position : position + 1]
            if not given or (
                isinstance(given[0], ast.Constant)
                and isinstance(given[0].value, str)
                and "b" not in given[0].value
            ):
                lines.append(node.lineno)
    return lines


def test_every_text_file_names_its_encoding() -> None:
    sources = [PROJECT / "main.py"] + [
        path
        for folder in ("ui", "exports", "models", "forms", "resources", "scripts", "tests")
        for path in sorted((PROJECT / folder).rglob("*.py"))
    ]
    found = [
        f"{path.relative_to(PROJECT)}:{line}"
        for path in sources
        for line in _text_io_without_encoding(path.read_text(encoding="utf-8"))
    ]
    assert found == []


def test_the_encoding_scan_sees_what_ruff_misses() -> None:
    source = (
        "(stick / 'autorun.inf').write_text('x')\n"
        "folder.joinpath('a').read_text()\n"
        "path.open('w')\n"
        "open(name)\n"
        "path.open('rb')\n"
        "buffer.open(QIODevice.OpenModeFlag.ReadOnly)\n"
        "path.write_text('x', encoding='utf-8')\n"
        "os.open(name, os.O_RDONLY)\n"
    )
    assert _text_io_without_encoding(source) == [1, 2, 3, 4]
