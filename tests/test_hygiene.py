"""Hygiene: no pickle/eval/exec/shell=True/mktemp in the application, SQL text never built from
strings, and no personal data in the log of a full workflow (DESIGN.md §4, §6)."""

from __future__ import annotations

import ast
import logging
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

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
