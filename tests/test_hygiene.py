"""Hygiene: no pickle/eval/exec/shell=True/mktemp in the application, SQL text never built from
strings, and no personal data in the log of a full workflow (DESIGN.md §4, §6)."""

from __future__ import annotations

import ast
import logging
import os
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from tests.leakscan import demo_people

ROOT = Path(__file__).resolve().parents[1]
SCANNED = ("models", "forms", "exports", "ui")
BANNED_MODULES = {"pickle", "cPickle", "marshal", "shelve", "dill"}
BANNED_CALLS = {"eval", "exec", "compile", "__import__"}
BANNED_ATTRS = {("tempfile", "mktemp"), ("os", "system"), ("os", "popen")}


def sources() -> Iterator[Path]:
    for package in SCANNED:
        yield from sorted((ROOT / package).rglob("*.py"))
    yield ROOT / "main.py"


def _dynamic(node: ast.expr) -> bool:
    """A string built at run time: f-string, concatenation, % formatting or .format()."""
    if isinstance(node, ast.JoinedStr):
        return any(isinstance(v, ast.FormattedValue) for v in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add | ast.Mod):
        return True
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format"


def problems_in(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    where = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [
                f"{where}:{node.lineno} imports {a.name}" for a in node.names if a.name in BANNED_MODULES
            ]
        elif isinstance(node, ast.ImportFrom) and node.module in BANNED_MODULES:
            found.append(f"{where}:{node.lineno} imports {node.module}")
        elif isinstance(node, ast.ImportFrom) and node.module == "tempfile":
            found += [f"{where}:{node.lineno} imports mktemp" for a in node.names if a.name == "mktemp"]
        elif isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Name) and func.id in BANNED_CALLS:
                found.append(f"{where}:{node.lineno} calls {func.id}")
            if (
                isinstance(func, ast.Attribute)
                and isinstance(func.value, ast.Name)
                and (func.value.id, func.attr) in BANNED_ATTRS
            ):
                found.append(f"{where}:{node.lineno} calls {func.value.id}.{func.attr}")
            for kw in node.keywords:
                if kw.arg == "shell" and not (isinstance(kw.value, ast.Constant) and kw.value.value is False):
                    found.append(f"{where}:{node.lineno} passes shell=")
            name = (
                func.id
                if isinstance(func, ast.Name)
                else func.attr
                if isinstance(func, ast.Attribute)
                else ""
            )
            if name == "text" and node.args and _dynamic(node.args[0]):
                found.append(f"{where}:{node.lineno} builds SQL text() from a string expression")
    return found


@pytest.mark.parametrize("path", list(sources()), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_unsafe_constructs(path: Path) -> None:
    assert problems_in(path) == []


def test_the_scanner_catches_each_construct(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text(
        "import pickle\n"
        "import tempfile\n"
        "import subprocess\n"
        "from sqlalchemy import text\n"
        "eval('1')\n"
        "exec('x = 1')\n"
        "tempfile.mktemp()\n"
        "subprocess.run('ls', shell=True)\n"
        "name = 'members'\n"
        "text(f'SELECT * FROM {name}')\n"
        "text('SELECT * FROM ' + name)\n"
        "text('SELECT * FROM {}'.format(name))\n"
        "text('SELECT * FROM members WHERE id = :id')\n",
        encoding="utf-8",
    )
    found = problems_in(bad)
    assert len(found) == 8, found
    assert not any(":13 " in f for f in found)  # bound parameters are fine


# ---------------------------------------------------------------- personal data in logs

NAMES = [
    ("Quàng", "Thị", "Xuyếnhygiene", "038190001234"),
    ("Lường", "Văn", "Khươnghygiene", "014092004321"),
    ("Cầm", "Bá", "Thướchygiene", "011085000777"),
]


def test_log_of_a_full_workflow_holds_no_personal_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import main
    from exports import backup as bk
    from models.db import read_session, unit_of_work
    from models.errors import DomainError
    from models.security import SYSTEM_ACTOR
    from models.services import membership as ms
    from models.services import organisation as org
    from models.setup import open_app_database
    from tests import builders
    from tests.conftest import UNIT

    monkeypatch.setenv("DUX_DATA_DIR", str(tmp_path / "data"))
    root = logging.getLogger()
    saved = (root.handlers[:], root.level)
    log_file = main.setup_logging(verbose=True)  # the app's own logging, at DEBUG
    try:
        db_path = tmp_path / "data" / "xa.db"
        db = open_app_database(db_path, create=True, check_drive=False)
        with unit_of_work(db, SYSTEM_ACTOR) as session:
            org.setup_unit(session, UNIT)
            cell_a = builders.village_and_cell(session, "Bản Hygiene A", "Chi bộ Hygiene A")
            cell_b = builders.village_and_cell(session, "Bản Hygiene B", "Chi bộ Hygiene B")
        ids = []
        for family, middle, given, cccd in NAMES:
            with unit_of_work(db, SYSTEM_ACTOR) as session:
                ids.append(
                    builders.admit(session, cell_a, builders.profile(family, middle, given, cccd=cccd))
                )
        with unit_of_work(db, SYSTEM_ACTOR) as session:
            ms.move_to_cell(session, ms.EventInput(ids[0], date(2025, 1, 2), cell_id=cell_b))
            ms.update_profile(
                session, ids[1], builders.profile("Lường", "Văn", "Khươnghygiene", cccd="014092004321")
            )
        for family, middle, given, cccd in NAMES:  # refused input is logged too, if anything logs it
            with pytest.raises(DomainError), unit_of_work(db, SYSTEM_ACTOR) as session:
                builders.admit(session, cell_a, builders.profile(family, middle, given, cccd=cccd))
        with read_session(db, SYSTEM_ACTOR) as session:
            assert {ms.get_member(session, i).profile.cccd for i in ids} == {n[3] for n in NAMES}
        info = bk.backup_database(db, now=datetime(2026, 3, 1, tzinfo=UTC))
        db.close()
        bk.restore_preview(db_path, info.path, None)
        bk.restore_backup(info.path, db_path, key=None)
        logging.getLogger("test").warning("workflow finished")
    finally:
        for handler in root.handlers:
            handler.close()
        root.handlers[:], root.level = saved
    text = log_file.read_text(encoding="utf-8")
    assert "workflow finished" in text and "backup" in text  # the log was really written
    for family, middle, given, cccd in NAMES:
        for needle in (given, f"{family} {middle} {given}", cccd, given.lower()):
            assert needle not in text, needle


# ---------------------------------------------------------------- a full demo run, logged at DEBUG

DEMO_MEMBERS = 120
LIST_HEADERS = ["Họ và tên", "Giới tính", "Ngày sinh", "Dân tộc", "Số CCCD", "Chi bộ", "Ngày vào Đảng"]
LIST_FIELDS = ["full_name", "sex", "date_of_birth", "ethnicity", "cccd", "cell", "admission_date"]
CRASH_CHILD = """
import faulthandler, sys
from ui.app import install_crash_handlers
install_crash_handlers()
member = {"name": sys.argv[1], "cccd": sys.argv[2]}
faulthandler._sigsegv()
"""


def _people(db_path: Path) -> list[str]:
    """Every whole name (members and candidates) and CCCD of the demo database."""
    names, cccds, _cells = demo_people(db_path)
    return sorted(set(names) | set(cccds))


def _member_list(path: Path, cell: str) -> Path:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(LIST_HEADERS)
    ws.append(["Lò Văn Xiênghygiene", "Nam", "02/03/1984", "Thái", "014084123456", cell, "05/03/2010"])
    ws.append(["Quàng Thị Ỏnhygiene", "Nữ", "31/02/1990", "Thái", "014190654321", cell, "05/03/2012"])
    wb.save(path)
    return path


def test_log_of_a_full_demo_run_holds_no_demo_person(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The demo commune made and used through the headless commands with the log at DEBUG: the log
    files hold none of the demo's names or CCCDs (nor those of an imported list, with a refused row);
    an unhandled exception whose message and locals hold a member's name reaches the log as its type
    and stack frames only; and a hard crash's faulthandler file holds frames only."""
    import faulthandler
    import json
    import subprocess
    import sys

    import main
    from exports.demo_db import create_demo_database
    from tests.leakscan import Scanner

    data = tmp_path / "data"
    monkeypatch.setenv("DUX_DATA_DIR", str(data))
    root = logging.getLogger()
    saved = (root.handlers[:], root.level)
    log_file = main.setup_logging(verbose=True)  # the app's own log file, at DEBUG
    # Every main.main() call below would set up the same handler again (and leave the previous one
    # open); keep the one set up here instead.
    monkeypatch.setattr(main, "setup_logging", lambda verbose=False: log_file)
    db = data / "xa.db"
    try:
        summary = create_demo_database(db, members=DEMO_MEMBERS, seed=9, check_drive=False, meeting_years=1)
        assert summary.members == DEMO_MEMBERS
        out = tmp_path / "out"
        out.mkdir()
        cell = "Chi bộ bản Na Hát"
        listing = _member_list(tmp_path / "ds.xlsx", cell)
        mapping = tmp_path / "map.json"
        columns = dict(zip(LIST_HEADERS, LIST_FIELDS, strict=True))
        mapping.write_text(json.dumps({"columns": columns}, ensure_ascii=False), encoding="utf-8")
        commands = [
            ["register", str(db), "--out", str(out / "so.pdf")],
            ["register", str(db), "--out", str(out / "so.xlsx"), "--cell", "na hat"],
            ["report", str(db), "--period", "2026-Q3", "--out", str(out / "bc.pdf")],
            ["minutes", str(db), "--list"],
            ["import-members", str(db), str(listing), "--mapping", str(mapping), "--dry-run"],  # 1: a bad row
            ["import-members", str(db), str(listing), "--mapping", str(mapping)],  # refused: a bad row
            ["import-members", str(db), str(listing), "--mapping", str(mapping), "--only-valid"],
            ["backup", str(db), "--to", str(out / "backups")],
            ["verify-audit", str(db)],
        ]
        codes = [main.main(["--verbose", *command]) for command in commands]
        printed = capsys.readouterr()
        meeting = next(line.split("\t")[0] for line in printed.out.splitlines() if line.count("\t") == 3)
        codes.append(main.main(["--verbose", "minutes", str(db), meeting, "--out", str(out / "bb.pdf")]))
        assert codes == [0, 0, 0, 0, 1, 1, 0, 0, 0, 0], printed
        assert (out / "bb.pdf").stat().st_size > 0
        everyone = _people(db)
        assert "Lò Văn Xiênghygiene" in everyone  # the valid row was imported

        # An unhandled exception: type and frames in the log, not its message or local values.
        from ui import app

        shown: list[Path] = []
        monkeypatch.setattr(app, "show_crash", lambda _parent, path: shown.append(path))
        monkeypatch.setattr(app, "show_previous_crash", lambda _parent, path: shown.append(path))
        monkeypatch.setattr(sys, "excepthook", sys.excepthook)
        faults_on = faulthandler.is_enabled()  # pytest's own; the app's handler replaces it for a while
        app.install_crash_handlers()
        try:
            victim, number = next(p for p in everyone if not p.isdigit()), everyone[0]
            try:
                raise ValueError(f"không lưu được {victim} ({number})")
            except ValueError as exc:
                sys.excepthook(type(exc), exc, exc.__traceback__)
        finally:
            app.close_fault_file()
        assert shown == [log_file]
        # A hard crash of a child process: faulthandler writes crash.txt, shown at the next start.
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        crashed = subprocess.run(
            [sys.executable, "-c", CRASH_CHILD, victim, number],
            env=env,
            capture_output=True,
            timeout=120,
        )
        assert crashed.returncode != 0
        crash_file = app.fault_file_path()
        fatal = "Windows fatal exception" if sys.platform == "win32" else "Segmentation fault"
        assert fatal in crash_file.read_text(encoding="utf-8")
        app.install_crash_handlers()
        app.close_fault_file()
        if faults_on:
            faulthandler.enable(file=sys.__stderr__ or 2)
        assert shown[-1].name == "crash-previous.txt"
    finally:
        for handler in root.handlers:
            handler.close()
        root.handlers[:], root.level = saved
    text = log_file.read_text(encoding="utf-8")
    assert "unhandled builtins.ValueError" in text
    assert f"không lưu được {victim}" not in text  # the frame's source line, never the message
    assert "test_log_of_a_full_demo_run_holds_no_demo_person" in text  # the frame, without the message
    assert "demo" in text and "backup" in text and "DEBUG" in text  # the log was really written, at DEBUG
    logs = sorted(p for p in log_file.parent.iterdir() if p.is_file())
    assert {p.name for p in logs} >= {"app.log", "crash-previous.txt"}
    assert number.isdigit() and len(everyone) > DEMO_MEMBERS
    scanner = Scanner(everyone)
    assert scanner.scan(*logs) == []
    assert scanner.found_in(f"{text}{victim}\n{number}".encode()) == sorted({victim, number})  # the control
