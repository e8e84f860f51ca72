"""Shared fixtures: real SQLite files in tmp_path, built through the real services."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from models.db import Database, unit_of_work
from models.security import SYSTEM_ACTOR
from models.services import organisation as org
from models.setup import open_app_database

UNIT = org.UnitSetup(
    name="Đảng bộ xã Mường Lèo",
    committee_name="Đảng ủy xã Mường Lèo",
    symbol="ĐU",
    place_name="Mường Lèo",
    province="Sơn La",
    upper_name="Tỉnh ủy Sơn La",
    upper_symbol="TU",
    upper_header_line="ĐẢNG BỘ TỈNH SƠN LA",
    upper_board="Ban Tổ chức Tỉnh ủy",
    upper_valid_from=date(2025, 7, 1),
    term_start=date(2025, 9, 1),
    term_end=date(2030, 8, 31),
)


@pytest.fixture
def empty_db(tmp_path: Path) -> Iterator[Database]:
    db = open_app_database(tmp_path / "test.db", create=True, check_drive=False)
    yield db
    db.close()


@pytest.fixture
def db(empty_db: Database) -> Database:
    """A migrated database with the own unit set up (no villages, cells or members)."""
    with unit_of_work(empty_db, SYSTEM_ACTOR) as session:
        org.setup_unit(session, UNIT)
    return empty_db


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--kills", type=int, default=50, help="kills in the crash harness (make soak: 1000)")


_REPORT: list[str] = []


def report_line(text: str) -> None:
    """Record a line for the end of the run: counts the acceptance criteria ask to see (kills of the
    crash harness, the role matrix) are printed by `pytest_terminal_summary`, even with `pytest -q`."""
    _REPORT.append(text)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if _REPORT:
        terminalreporter.write_sep("-", "counts")
        for line in _REPORT:
            terminalreporter.write_line(line)


def shots_dir(fallback: Path) -> Path:
    """Where tests save screenshots: DUX_SHOTS (scripts/screenshots.py points it at docs/screenshots)
    or a scratch folder, so that a plain test run leaves the working tree untouched."""
    env = os.environ.get("DUX_SHOTS")
    return Path(env) if env else fallback
