"""Party-work figures that must balance and belong to their period (issue 21): dues counted over
finished months only and computed from the recorded base as of the month, one dues rounding
(half up), discipline duplicates and future decision dates refused, training results per trainee."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from models.dates import today
from models.db import Database, read_session, unit_of_work
from models.errors import RuleViolation, ValidationError
from models.security import SYSTEM_ACTOR
from models.services import dues
from models.services import inspection as ins
from models.services import membership as ms
from models.services import petitions as pt
from models.services import training as tr
from tests.builders import admit, profile, village_and_cell


@pytest.fixture
def cell(db: Database) -> str:
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        return village_and_cell(s)


def _official(db: Database, cell: str, given: str, *, occupation: str = "") -> str:
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        p = profile(given=given, born=date(1960, 1, 1))
        if occupation:
            p = replace(p, occupation=occupation)
        mid = admit(s, cell, p, ceremony=date(2000, 3, 5))
        ms.recognise_official(s, ms.EventInput(mid, date(2001, 3, 5)))
        return mid


# ---------------------------------------------------------------- dues


def test_dues_rounding_is_half_up_to_the_dong() -> None:
    # 0.5% of a pension of 8,500,100 is 42,500.5 and of 8,500,300 is 42,501.5: both halves go up
    assert dues.percent_of(8_500_100, 0.5) == 42_501
    assert dues.percent_of(8_500_300, 0.5) == 42_502
    assert dues.percent_of(8_500_099, 0.5) == 42_500  # 42,500.495 stays down
    assert dues.percent_of(7_000, 90) == 6_300


def test_unpaid_list_counts_only_finished_months(db: Database, cell: str) -> None:
    two = _official(db, cell, "Hai")  # unpaid October and November
    three = _official(db, cell, "Ba")  # unpaid September, October and November
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        dues.set_rate(s, "other", date(2026, 2, 3), fixed=10_000)
        dues.set_rate(s, "other", date(2010, 1, 1), fixed=3_000)
        for m in range(1, 10):
            month = f"2026-{m:02d}"
            due = dues.amount_due(s, "other", month, None) or 0
            paid = {two: dues.DuesEntry(due)}
            if m < 9:
                paid[three] = dues.DuesEntry(due)
            dues.record_month(s, cell, month, paid)
    with read_session(db, SYSTEM_ACTOR) as s:
        on_2_december = dues.unpaid_members(s, 2026, "2026-12", on=date(2026, 12, 2))
        on_2_january = dues.unpaid_members(s, 2026, "2026-12", on=date(2027, 1, 2))
        assert dues.finished_months(2026, "2026-12", date(2026, 12, 2))[-1] == "2026-11"
    # December is in progress on 2 December: the member with two unpaid months is not listed
    assert {u.member_id: u.months for u in on_2_december} == {three: ("2026-09", "2026-10", "2026-11")}
    # once December is over and still unpaid, it counts
    assert {u.member_id: u.months for u in on_2_january} == {
        three: ("2026-09", "2026-10", "2026-11", "2026-12"),
        two: ("2026-10", "2026-11", "2026-12"),
    }


def test_sheet_of_an_unrecorded_month_uses_the_recorded_base_and_totals_everyone(
    db: Database, cell: str
) -> None:
    from forms.dues_sheet import dues_sheet

    pensioner = _official(db, cell, "Hưu", occupation="retired")
    farmer = _official(db, cell, "Nông")
    newcomer = _official(db, cell, "Mới", occupation="retired")  # no base ever recorded
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        dues.set_rate(s, "other", date(2026, 2, 3), fixed=10_000)
        # March recorded with the pension as base; April left unrecorded
        dues.record_month(
            s,
            cell,
            "2026-03",
            {pensioner: dues.DuesEntry(42_501, base_amount=8_500_100), farmer: dues.DuesEntry(10_000)},
        )
    with read_session(db, SYSTEM_ACTOR) as s:
        march = {r.member_id: r for r in dues.sheet(s, cell, "2026-03")}
        may = {r.member_id: r for r in dues.sheet(s, cell, "2026-05")}
        document = dues_sheet(s, cell, "2026-05")
    assert (march[pensioner].amount_due, march[pensioner].recorded) == (42_501, True)  # half up
    # May: no row of April, yet the pension of March is the base in force
    assert (may[pensioner].category, may[pensioner].base_amount, may[pensioner].amount_due) == (
        "pensioner",
        8_500_100,
        42_501,
    )
    assert (may[farmer].amount_due, may[newcomer].amount_due) == (10_000, None)
    from forms.document import Paragraph

    text = document.blocks[0]
    assert isinstance(text, Paragraph)
    assert "Tổng số phải nộp: 52.501 đồng" in text.text
    assert (
        "Tổng số phải nộp chưa gồm 1 đồng chí chưa có mức căn cứ hoặc mức đảng phí (Lò Văn Mới)" in text.text
    )


# ---------------------------------------------------------------- discipline and dates


def _cell_of_officials(db: Database, cell: str, n: int) -> list[str]:
    return [_official(db, cell, f"Nguoi{chr(65 + i)}") for i in range(n)]


def test_the_same_discipline_recorded_again_is_refused_naming_the_first(db: Database, cell: str) -> None:
    ids = _cell_of_officials(db, cell, 3)
    cmd = ins.DisciplineInput(
        "khien_trach",
        date(2025, 10, 1),
        3,
        subject_member_id=ids[0],
        decision_no="05-QĐ/CB",
        deciding_body="Chi bộ",
        reason="Vi phạm quy định về sinh hoạt chi bộ",
    )
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        ins.discipline(s, cmd)
    for again in (cmd, replace(cmd, decision_no="", reason="  vi phạm quy định về SINH HOẠT chi bộ ")):
        with pytest.raises(RuleViolation) as exc, unit_of_work(db, SYSTEM_ACTOR) as s:
            ins.discipline(s, again)
        assert exc.value.text() == (
            "Đã có quyết định kỷ luật “Khiển trách” đối với Lò Văn NguoiA ngày 01/10/2025 "
            "(số 05-QĐ/CB, lý do: Vi phạm quy định về sinh hoạt chi bộ). Mỗi vi phạm chỉ ghi một quyết định "
            "cho một hình thức; nếu là vi phạm khác, hãy ghi rõ lý do và ngày của vi phạm đó."
        )
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        # another violation (another date and reason) is a new decision; the report counts two
        ins.discipline(s, replace(cmd, decision_date=date(2025, 11, 3), reason="Vi phạm về đảng phí"))
        assert [d.decision_date for d in ins.list_disciplines(s, year=2025)] == [
            date(2025, 11, 3),
            date(2025, 10, 1),
        ]


def test_decision_dates_in_the_future_are_refused(db: Database, cell: str) -> None:
    ids = _cell_of_officials(db, cell, 3)
    future = today() + timedelta(days=1)
    message = f"Ngày {future:%d/%m/%Y} ở tương lai. Hãy nhập ngày đã xảy ra."
    with pytest.raises(ValidationError) as exc, unit_of_work(db, SYSTEM_ACTOR) as s:
        ins.discipline(s, ins.DisciplineInput("khien_trach", date(2030, 1, 1), 3, subject_member_id=ids[0]))
    assert exc.value.text() == "Ngày 01/01/2030 ở tương lai. Hãy nhập ngày đã xảy ra."
    with pytest.raises(ValidationError) as exc, unit_of_work(db, SYSTEM_ACTOR) as s:
        ins.save_inspection(
            s,
            ins.InspectionInput(
                "inspection", "regular", date(2025, 1, 1), subject_cell_id=cell, end_date=future
            ),
        )
    assert exc.value.text() == message
    with pytest.raises(ValidationError) as exc, unit_of_work(db, SYSTEM_ACTOR) as s:
        pt.register_petition(s, pt.PetitionInput(future, "kien_nghi", "Đề nghị", sender="Hà Văn X"))
    assert exc.value.errors == {"received_date": message}
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        pid = pt.register_petition(
            s, pt.PetitionInput(date(2025, 1, 2), "kien_nghi", "Đề nghị", sender="Hà Văn X")
        )
        course = tr.add_course(s, tr.CourseInput("Bồi dưỡng", "other", date(2025, 3, 1)))
    with pytest.raises(ValidationError) as exc, unit_of_work(db, SYSTEM_ACTOR) as s:
        pt.close_petition(s, pid, "filed", future)
    assert exc.value.text() == message
    with pytest.raises(ValidationError) as exc, unit_of_work(db, SYSTEM_ACTOR) as s:
        tr.complete_course(s, course, future, {})
    assert exc.value.text() == message
