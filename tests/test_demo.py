"""The demo commune generator: deterministic, exact size, WAL, and a history that shows every status the
reports need (DOMAIN.md §3.2, §3.3)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from models import demo
from models.db import Database, read_session
from models.demo_work import pipeline_admissions
from models.identity import cccd_warnings
from models.security import SYSTEM_ACTOR
from models.services import membership as ms
from models.services import organisation as org
from models.setup import open_app_database

MEMBERS = 150
OPTIONS = demo.DemoOptions(members=MEMBERS, seed=3, check_drive=False)
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    summary = demo.generate_demo(path, OPTIONS)
    assert summary.members == MEMBERS
    return path


@pytest.fixture
def demo_db(demo_path: Path) -> Iterator[Database]:
    db = open_app_database(demo_path, check_drive=False)
    yield db
    db.close()


SECRET_TABLES = {"app_meta", "audit_log", "users"}  # keys, database id, the audit chain (real times)


def _generate_elsewhere(path: Path, hash_seed: str) -> subprocess.Popen[bytes]:
    """What `python main.py demo PATH --members N --seed 7` runs (one year of meetings instead of three,
    to keep the suite fast), in a fresh process with its own string-hash seed."""
    script = (
        "import sys; from pathlib import Path; from exports.demo_db import create_demo_database; "
        f"s = create_demo_database(Path(sys.argv[1]), members={MEMBERS}, seed=7, check_drive=False, "
        "meeting_years=1); print(s.members)"
    )
    env = {**os.environ, "PYTHONHASHSEED": hash_seed, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, "-c", script, str(path)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )


def _decrypted(path: Path) -> tuple[str, dict[str, list[tuple[Any, ...]]]]:
    """Journal mode and every row of every table but the secret ones (sorted), read through the demo
    administrator's key."""
    from sqlalchemy import text

    from exports import keyring

    unlocked = keyring.unlock(path, keyring.DEMO_LOGIN, keyring.DEMO_PASSWORD, check_drive=False)
    try:
        with unlocked.db.engine.connect() as conn:
            mode = conn.execute(text("PRAGMA journal_mode")).scalar_one()
            names = conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'table'")).scalars().all()
            tables = {
                name: sorted((tuple(r) for r in conn.exec_driver_sql(f'SELECT * FROM "{name}"')), key=repr)
                for name in names
                if name not in SECRET_TABLES
            }
    finally:
        unlocked.close()
    return str(mode), tables


def test_same_seed_gives_identical_databases(tmp_path: Path) -> None:
    """The demo command's generator run twice at the same time in separate processes with different
    hash seeds (so no set or dict order can leak in): both encrypted databases are in WAL mode, hold
    exactly N members — some of them admitted through the admission pipeline — and every table is
    identical row by row, ids and created/updated times included (only the keys, the database id and
    the audit chain differ)."""
    paths = [tmp_path / "c1.db", tmp_path / "c2.db"]
    runs = [_generate_elsewhere(paths[0], "1"), _generate_elsewhere(paths[1], "4242")]
    for run in runs:
        output, _ = run.communicate(timeout=900)
        assert run.returncode == 0, output.decode("utf-8", "replace")
        assert output.decode().split()[-1] == str(MEMBERS)  # the summary the command prints
    (mode_1, first), (mode_2, second) = _decrypted(paths[0]), _decrypted(paths[1])
    assert (mode_1, mode_2) == ("wal", "wal")
    assert len(first["members"]) == len(second["members"]) == MEMBERS
    admitted = [row for row in first["candidates"] if "admitted" in row]
    assert len(admitted) == pipeline_admissions(MEMBERS) > 0
    assert first.keys() == second.keys()
    for table in sorted(first):
        assert len(first[table]) == len(second[table]), table
        for row_1, row_2 in zip(first[table], second[table], strict=True):
            assert row_1 == row_2, table
    assert first["meetings"]
    assert first["dues_payments"]


def test_other_seed_gives_other_members() -> None:
    first = demo.Planner(OPTIONS, demo.DEMO_TODAY).plan()
    other = demo.Planner(demo.DemoOptions(members=MEMBERS, seed=4), demo.DEMO_TODAY).plan()
    assert [p.name for p in first] != [p.name for p in other]


def test_member_count_is_exact_and_journal_is_wal(demo_path: Path) -> None:
    with sqlite3.connect(f"file:{demo_path}?mode=ro", uri=True) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("SELECT count(*) FROM members").fetchone()[0] == MEMBERS


def test_unit_and_dated_upper_levels(demo_db: Database) -> None:
    with read_session(demo_db, SYSTEM_ACTOR) as s:
        unit = org.own_unit(s)
        assert (unit.name, unit.symbol) == ("Đảng bộ xã Mường Lèo", "ĐU")
        before = org.current_upper_level(s, date(2025, 6, 30))
        after = org.current_upper_level(s, date(2025, 7, 1))
        assert before is not None
        assert after is not None
        assert (before.name, before.header_line) == ("Huyện ủy Sốp Cộp", "ĐẢNG BỘ HUYỆN SỐP CỘP")
        assert (after.name, after.header_line) == ("Tỉnh ủy Sơn La", "ĐẢNG BỘ TỈNH SƠN LA")


def test_cells_villages_and_posts(demo_db: Database) -> None:
    with read_session(demo_db, SYSTEM_ACTOR) as s:
        cells = org.list_cells(s)
        villages = org.list_villages(s, include_closed=False)
        positions = org.list_positions(s)
        assignments = org.list_assignments(s)
    assert 38 <= len(cells) <= 45
    assert {c.kind for c in cells} >= {"village", "school", "health", "police", "military", "agency"}
    assert all(c.member_count > 0 for c in cells), [c.name for c in cells if not c.member_count]
    assert any(len(c.village_ids) == 2 for c in cells)  # grouped cells (chi bộ ghép)
    assert any(c.has_committee for c in cells)
    assert any(c.secretary_is_village_head for c in cells)
    empty = {v.name for v in villages if v.member_count == 0 and not v.cell_names}
    assert empty == {"Bản Huổi Lạ", "Bản Pá Sang", "Bản Co Sáy"}
    roles = {p.role for p in positions}
    assert roles >= {"secretary", "commune_secretary", "commune_deputy_secretary", "standing_member"}
    assert {a.cell_id for a in assignments} == {c.id for c in cells}


def test_every_status_appears_and_some_are_overdue(demo_db: Database, demo_path: Path) -> None:
    anchor = demo.demo_anchor(OPTIONS)
    with sqlite3.connect(f"file:{demo_path}?mode=ro", uri=True) as conn:
        statuses = {r[0] for r in conn.execute("SELECT DISTINCT status FROM members")}
    with read_session(demo_db, SYSTEM_ACTOR) as s:
        overdue = [r for r in ms.recognitions_due(s, anchor) if r.days_overdue > 30]
    assert statuses >= {
        "probationary",
        "official",
        "exempted",
        "away",
        "transferred_out",
        "deceased",
        "struck_off",
        "left",
        "expelled",
    }
    assert overdue


def test_people_are_believable(demo_path: Path) -> None:
    anchor = demo.demo_anchor(OPTIONS)
    with sqlite3.connect(f"file:{demo_path}?mode=ro", uri=True) as conn:
        rows = conn.execute(
            "SELECT sex, date_of_birth, ethnicity, cccd, party_card_no, counted, occupation FROM members"
        ).fetchall()
        readmitted = conn.execute("SELECT count(*) FROM member_events WHERE kind = 'readmitted'").fetchone()[
            0
        ]
        temporary_in = conn.execute(
            "SELECT count(*) FROM member_events WHERE kind = 'transfer_in' AND temporary"
        ).fetchone()[0]
    women = sum(1 for r in rows if r[0] == "F")
    assert 0.25 <= women / len(rows) <= 0.45
    ethnic = [r[2] for r in rows]
    assert ethnic.count("Thái") > len(rows) / 2
    assert {"Mông", "Kinh"} <= set(ethnic)
    for sex, born, _, cccd, card, counted, occupation in rows:
        age = (anchor - date.fromisoformat(born)).days // 365
        if counted:
            assert 18 <= age <= 90
        if cccd:
            assert cccd_warnings(cccd, sex, date.fromisoformat(born)) == []
        if card:
            assert len(card) == 8
            assert card.isdigit()
        assert occupation in ms.OCCUPATIONS
    assert sum(1 for r in rows if r[3]) > 0.8 * len(rows)
    assert sum(1 for r in rows if r[4]) > 0.7 * len(rows)
    assert readmitted >= 1
    assert temporary_in >= 1


def test_failed_run_leaves_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*_: object) -> demo.DemoSummary:
        raise OSError("disk gone")

    monkeypatch.setattr(demo, "_write", boom)
    target = tmp_path / "broken.db"
    with pytest.raises(OSError, match="disk gone"):
        demo.generate_demo(target, OPTIONS)
    assert list(tmp_path.iterdir()) == []


def test_demo_date_cannot_be_in_the_future() -> None:
    with pytest.raises(ValueError, match="after today"):
        demo.demo_anchor(demo.DemoOptions(today=date(2999, 1, 1)))
