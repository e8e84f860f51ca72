"""Refusals name the right record of the history, and what matters most is refused first."""

from __future__ import annotations

from datetime import date

import pytest

from models.db import Database, read_session, unit_of_work
from models.errors import RuleViolation
from models.security import SYSTEM_ACTOR
from models.services import membership as ms
from tests.builders import admit, profile, village_and_cell


@pytest.fixture
def cell(db: Database) -> str:
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        return village_and_cell(s)


def _official(db: Database, cell: str, born: date = date(1985, 4, 12)) -> str:
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        mid = admit(s, cell, profile(born=born), ceremony=date(2010, 3, 5))
        ms.recognise_official(s, ms.EventInput(mid, date(2011, 3, 5)))
    return mid


def _transfer(db: Database, mid: str, on: date) -> None:
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        ms.transfer_out(s, ms.EventInput(mid, on, other_organisation="Đảng bộ xã Chiềng Sơn"))


def test_death_after_the_recorded_transfer_names_the_transfer(db: Database, cell: str) -> None:
    mid = _official(db, cell)
    _transfer(db, mid, date(2026, 3, 1))
    with pytest.raises(RuleViolation) as exc, unit_of_work(db, SYSTEM_ACTOR) as s:
        ms.record_death(s, ms.EventInput(mid, date(2026, 5, 1)))
    assert exc.value.text() == (
        "Ngày 01/05/2026: đảng viên đã ở trạng thái “Đã chuyển đi” từ ngày 01/03/2026, không thể từ trần."
    )


def test_death_dated_before_a_recorded_transfer_names_both_records(db: Database, cell: str) -> None:
    mid = _official(db, cell)
    _transfer(db, mid, date(2026, 5, 1))
    with pytest.raises(RuleViolation) as exc, unit_of_work(db, SYSTEM_ACTOR) as s:
        ms.record_death(s, ms.EventInput(mid, date(2026, 3, 1)))
    assert exc.value.text() == (
        "Không thể ghi “Từ trần” ngày 01/03/2026: lịch sử đã có “Chuyển đi” ngày 01/05/2026, không còn "
        "hợp lệ sau sự kiện mới (Ngày 01/05/2026: đảng viên đã ở trạng thái “Đã từ trần” từ ngày "
        "01/03/2026, không thể chuyển đi). Hãy kiểm tra ngày của hai sự kiện; nếu sự kiện đã có là nhập "
        "nhầm, hãy hủy nó trước."
    )
    with read_session(db, SYSTEM_ACTOR) as s:
        assert ms.get_member(s, mid).status == "transferred_out"


def test_readmitting_a_dead_person_is_refused_for_death_before_age(db: Database, cell: str) -> None:
    mid = _official(db, cell, born=date(1951, 1, 1))  # 75 on the re-admission day: over 60 as well
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        ms.record_death(s, ms.EventInput(mid, date(2024, 10, 2)))
    cmd = ms.Admit(
        profile(born=date(1951, 1, 1)),
        cell,
        date(2026, 6, 1),
        date(2026, 6, 10),
        "5-QĐ/ĐU",
        date(2026, 6, 15),
    )
    with pytest.raises(RuleViolation) as exc, unit_of_work(db, SYSTEM_ACTOR) as s:
        ms.readmit(s, mid, cmd)
    assert exc.value.text() == (
        "Ngày 15/06/2026: đảng viên đã ở trạng thái “Đã từ trần” từ ngày 02/10/2024, không thể kết nạp lại."
    )
    with (
        pytest.raises(RuleViolation, match="từ ngày 02/10/2024, không thể khôi phục đảng tịch"),
        unit_of_work(db, SYSTEM_ACTOR) as s,
    ):
        ms.restore(s, ms.EventInput(mid, date(2025, 1, 1)))
