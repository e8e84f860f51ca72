"""UI fixtures: a per-test data folder (settings, logs, translation cache), the app context, and an
organisation built through the real services."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from models.db import Database, unit_of_work
from models.security import SYSTEM_ACTOR
from models.services import organisation as org
from tests import builders
from tests.builders import office_actor as default_actor
from ui.context import AppContext


@pytest.fixture(scope="session")
def xvfb_demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One small demo commune for the tests that run the program on a real display."""
    from tests.xdisplay import make_small_demo

    return make_small_demo(tmp_path_factory.mktemp("xvfb-demo") / "xa.db")


@pytest.fixture(autouse=True)
def data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "userdata"
    monkeypatch.setenv("DUX_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def ctx(db: Database) -> AppContext:
    return AppContext(db, default_actor())


@dataclass(frozen=True)
class Org:
    village_a: str
    village_b: str
    cell_a: str
    cell_b: str
    member_a: str
    member_b: str


@pytest.fixture
def organisation(db: Database) -> Org:
    with unit_of_work(db, SYSTEM_ACTOR) as session:
        village_a = org.add_village(session, org.VillageInput(name="Bản Na Hát"))
        village_b = org.add_village(session, org.VillageInput(name="Bản Huổi Lè"))
        cell_a = org.add_cell(session, org.CellInput("Chi bộ bản Na Hát", "village", (village_a,)))
        cell_b = org.add_cell(session, org.CellInput("Chi bộ bản Huổi Lè", "village", (village_b,)))
        member_a = builders.admit(session, cell_a)
        member_b = builders.admit(session, cell_b, builders.profile("Cầm", "Thị", "Lan", sex="F"))
    return Org(village_a, village_b, cell_a, cell_b, member_a, member_b)
