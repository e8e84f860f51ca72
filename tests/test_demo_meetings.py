"""Demo cell meetings: deterministic for a seed, numbered without gaps, realistic gaps and content."""

from __future__ import annotations

import shutil
from collections import defaultdict
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from models import demo
from models.db import Database, read_session
from models.demo_meetings import add_demo_meetings
from models.entities import Cell
from models.entities_meetings import Meeting
from models.security import SYSTEM_ACTOR
from models.services import meetings as mt
from models.setup import open_app_database

START, END = date(2025, 7, 1), date(2026, 6, 2)


@pytest.fixture(scope="module")
def commune(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo-meetings") / "demo.db"
    demo.generate_demo(path, demo.DemoOptions(members=150, seed=3, check_drive=False))
    return path


def _copy(source: Path, target: Path) -> Database:
    for suffix in ("", "-wal", "-shm"):
        if source.with_name(source.name + suffix).exists():
            shutil.copy(source.with_name(source.name + suffix), target.with_name(target.name + suffix))
    return open_app_database(target, check_drive=False)


def _signature(db: Database) -> list[tuple[object, ...]]:
    out: list[tuple[object, ...]] = []
    with read_session(db, SYSTEM_ACTOR) as s:
        for m in mt.list_meetings(s):
            view = mt.get_meeting(s, m.id)
            out.append(
                (
                    view.cell_name,
                    view.month,
                    view.kind,
                    view.status,
                    view.number,
                    view.held_date,
                    view.start_time,
                    view.end_time,
                    view.chair_name,
                    tuple((a.name, a.status, a.reason) for a in view.attendance),
                    tuple((a.title, a.speeches) for a in view.agenda),
                    view.tasks,
                    tuple((v.subject, v.votes_for) for v in view.votes),
                    view.quality_score,
                )
            )
    return sorted(out, key=repr)


def test_demo_meetings(commune: Path, tmp_path: Path) -> None:
    first = _copy(commune, tmp_path / "a.db")
    second = _copy(commune, tmp_path / "b.db")
    calls: list[tuple[int, int]] = []
    try:
        written = add_demo_meetings(
            first, SYSTEM_ACTOR, seed=7, start=START, end=END, progress=lambda d, t: calls.append((d, t))
        )
        again = add_demo_meetings(second, SYSTEM_ACTOR, seed=7, start=START, end=END)
        assert written == again > 0
        assert calls[-1][0] == calls[-1][1]
        signature = _signature(first)
        assert signature == _signature(second)  # deterministic for a seed
        assert len(signature) == written

        with read_session(first, SYSTEM_ACTOR) as s:
            cells = s.scalars(select(Cell).where(Cell.status == "active")).all()
            meetings = s.scalars(select(Meeting).where(~Meeting.deleted)).all()
            # Numbers run 01, 02, … per cell and term: no gaps, no duplicates.
            numbers: defaultdict[tuple[str, str], list[int]] = defaultdict(list)
            for m in meetings:
                if m.number is not None:
                    numbers[(m.cell_id, m.term_key)].append(m.number)
            assert numbers
            for values in numbers.values():
                assert sorted(values) == list(range(1, len(values) + 1))
            # Every active cell met; some cells missed a month; June 2026 after the 2nd is planned.
            months = [
                f"{y}-{m:02d}" for y in (2025, 2026) for m in range(1, 13) if (2025, 7) <= (y, m) <= (2026, 5)
            ]
            held = {(m.cell_id, m.month) for m in meetings if m.status == "held"}
            missing = [(c.id, month) for c in cells for month in months if (c.id, month) not in held]
            assert {m.cell_id for m in meetings} == {c.id for c in cells}
            assert 0 < len(missing) < len(cells) * len(months) * 0.15
            assert any(m.status == "planned" and m.month == "2026-06" for m in meetings)
            assert all(m.held_date is None or m.held_date <= END for m in meetings)
            # A quarter in which the cell met every month has its thematic meeting (separate or combined).
            for c in cells:
                if all((c.id, f"2025-{m}") in held for m in ("10", "11", "12")):
                    assert mt.thematic_shortfall(s, c.id, 2025, 4) == 0
        views = [row for row in signature if row[3] == "held"]
        statuses = [a[1] for row in views for a in row[9]]  # type: ignore[attr-defined]
        assert "absent_excused" in statuses
        assert "absent_unexcused" in statuses
        assert statuses.count("present") > 0.85 * len(statuses)
        speeches = [sp for row in views for _t, sps in row[10] for sp in sps]  # type: ignore[attr-defined]
        assert speeches
        texts = " ".join(sp.text for sp in speeches)
        assert "rừng" in texts
        assert all(1 <= len(row[10]) <= 3 for row in views)  # type: ignore[arg-type]
        assert all(sp.member_id for sp in speeches)  # speakers are members present
        kinds = {row[2] for row in views}
        assert kinds == {"regular", "thematic"} or "regular" in kinds
    finally:
        first.close()
        second.close()
