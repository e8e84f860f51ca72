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
from models.services import rating as rt
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


# ---------------------------------------------------------------- ratings


def test_a_back_entered_round_rates_the_roster_of_the_rated_year(db: Database) -> None:
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        a = village_and_cell(s)
        b = village_and_cell(s, "Bản Pá Củng", "Chi bộ bản Pá Củng")

        def member(given: str, cell: str, ceremony: date) -> str:
            mid = admit(s, cell, profile(given=given, born=date(1980, 1, 1)), ceremony=ceremony)
            if ceremony.year < 2022:
                ms.recognise_official(s, ms.EventInput(mid, date(ceremony.year + 1, ceremony.month, 5)))
            return mid

        stays = member("Ở", a, date(2018, 3, 5))
        moved = member("Chuyển", a, date(2019, 3, 5))  # to cell B in 2024
        left = member("Đi", a, date(2019, 4, 5))  # transferred out of the commune in 2024
        late = member("Sau", b, date(2023, 4, 1))  # admitted after the rated year
        new = member("Mới", b, date(2022, 9, 1))  # less than 6 months at the end of 2022
        dead = member("Mất", b, date(2015, 4, 5))  # died in 2022
        ms.move_to_cell(s, ms.EventInput(moved, date(2024, 3, 1), cell_id=b))
        ms.transfer_out(s, ms.EventInput(left, date(2024, 5, 1), other_organisation="Đảng bộ xã Chiềng Sơn"))
        ms.record_death(s, ms.EventInput(dead, date(2022, 6, 1)))
        # back-entered today: the review date is today, the roster is the one of 31/12/2022
        round_id = rt.open_round(s, 2022, "member", today())
    with read_session(db, SYSTEM_ACTOR) as s:
        rows = {r.key: (r.cell_id, r.excluded_reason) for r in rt.rating_rows(s, round_id)}
    assert rows == {stays: (a, ""), moved: (a, ""), left: (a, ""), new: (b, "new")}
    assert late not in rows and dead not in rows


def test_a_cell_over_its_quota_is_never_diluted_and_two_failed_years_are_noticed(db: Database) -> None:
    from forms.periods import Period
    from forms.quarterly import build_report

    with unit_of_work(db, SYSTEM_ACTOR) as s:
        a = village_and_cell(s)
        b = village_and_cell(s, "Bản Pá Củng", "Chi bộ bản Pá Củng")
    in_a = [_official(db, a, f"A{chr(65 + i)}") for i in range(5)]
    in_b = [_official(db, b, f"B{chr(65 + i)}") for i in range(20)]
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        previous = rt.open_round(s, 2024, "member", date(2024, 12, 15))
        rt.set_ratings(s, previous, {in_a[4]: rt.RatingEntry(score=40)})
        round_id = rt.open_round(s, 2025, "member", date(2025, 12, 15))
        # cell A: 4 excellent, 0 good → 4 over its quota; cell B: 20 good, 0 excellent. Over the
        # commune 4 excellent against 20 good would be within 20% — the excess must not vanish.
        entries = {m: rt.RatingEntry(score=95) for m in in_a[:4]}
        entries[in_a[4]] = rt.RatingEntry(score=40)  # failed in 2024 too
        entries.update({m: rt.RatingEntry(score=80) for m in in_b})
        warnings = rt.set_ratings(s, round_id, entries)
    expected_quota = (
        "Chi bộ bản Na Hát: 4 “hoàn thành xuất sắc”, vượt 20% số “hoàn thành tốt” (0 → tối đa 0)."
    )
    expected_failure = (
        "Lò Văn AE (Chi bộ bản Na Hát): “không hoàn thành nhiệm vụ” hai năm liền (2024 và 2025). Căn cứ: "
        "Điều 8 Điều lệ Đảng và Quy định thi hành Điều lệ Đảng (24-QĐ/TW, 2021): đảng viên 2 năm liền xếp "
        "loại “không hoàn thành nhiệm vụ” thì chi bộ xem xét, đề nghị xóa tên. Đây là thông báo để chi bộ "
        "xem xét, chương trình không tự xử lý."
    )
    assert warnings == [expected_quota]
    with read_session(db, SYSTEM_ACTOR) as s:
        assert rt.quota_warnings(s, round_id) == [expected_quota]  # the commune-level check too
        assert rt.quota_excess(s, round_id) == [(a, 4)]
        assert rt.notices(s, round_id) == [expected_quota, expected_failure]
        report = build_report(s, Period.parse("2025-Y"))
        figures = report.figures()
    assert (figures["rating.members.quota"], figures["rating.members.over_quota"]) == (4, 4)
    assert figures["rating.members.failed_two_years"] == 1
    table = next(t for t in report.tables if t.title.startswith("9."))
    rows = {r[1]: r[2:] for r in table.rows}
    assert rows["Số hoàn thành xuất sắc vượt tỷ lệ"] == ("4", "", "0", "")
    assert rows["Đảng viên hai năm liền không hoàn thành nhiệm vụ"] == ("1", "", "", "")


# ---------------------------------------------------------------- petitions


def test_petitions_balance_quarter_by_quarter(db: Database) -> None:
    from forms.periods import Period
    from forms.quarterly import build_report

    with unit_of_work(db, SYSTEM_ACTOR) as s:

        def letter(received: date, summary: str) -> str:
            return pt.register_petition(
                s, pt.PetitionInput(received, "kien_nghi", summary, sender="Hà Văn X")
            )

        old = letter(date(2024, 12, 20), "Từ năm trước")  # still pending at the start of 2025
        q2 = letter(date(2025, 5, 10), "Nhận quý II, giải quyết quý III")
        filed = letter(date(2025, 7, 2), "Nhận và lưu trong quý III")
        moved = letter(date(2025, 8, 3), "Chuyển đi trong quý IV")
        letter(date(2025, 9, 9), "Còn đang giải quyết")
        pt.close_petition(s, old, "resolved", date(2025, 4, 2), result="Đã trả lời")
        pt.close_petition(s, q2, "resolved", date(2025, 7, 15), result="Đã trả lời")
        pt.close_petition(s, filed, "filed", date(2025, 7, 20))
        pt.close_petition(s, moved, "transferred", date(2025, 10, 1), transferred_to="UBND xã")
    # (opening, received, resolved, filed, transferred, closing) by hand, quarter by quarter
    expected = {
        "2025-Q1": (1, 0, 0, 0, 0, 1),
        "2025-Q2": (1, 1, 1, 0, 0, 1),
        "2025-Q3": (1, 3, 1, 1, 0, 2),  # the Q2 letter resolved in Q3 is counted in Q3
        "2025-Q4": (2, 0, 0, 0, 1, 1),
    }
    keys = ("pet.opening", "pet.received", "pet.resolved", "pet.filed", "pet.transferred", "pet.pending")
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        for quarter, (opening, received, resolved, filed_, transferred, closing) in expected.items():
            assert opening + received == resolved + filed_ + transferred + closing  # the hand table balances
            period = Period.parse(quarter)
            counts = pt.period_counts(s, period.start, period.end)
            assert (
                counts.opening,
                counts.received,
                counts.resolved,
                counts.filed,
                counts.transferred,
                counts.pending,
            ) == (opening, received, resolved, filed_, transferred, closing), quarter
            assert counts.balances
            report = build_report(s, period)
            assert tuple(report.values[k].value for k in keys) == expected[quarter], quarter
            assert not [p for p in report.problems if p.startswith("Đơn thư")], quarter


def test_a_petition_counted_on_one_side_only_is_named_by_the_reconciliation(db: Database) -> None:
    from forms.indicators import Context, Evaluation, evaluate, petition_problems
    from forms.periods import Period
    from models.entities_work import Petition

    with unit_of_work(db, SYSTEM_ACTOR) as s:
        pid = pt.register_petition(
            s, pt.PetitionInput(date(2025, 7, 2), "kien_nghi", "Sửa đường", sender="Hà Văn X")
        )
        row = s.get(Petition, pid)
        assert row is not None
        row.closed_date = date(2025, 8, 1)  # a damaged record: a closing date, but still "pending"
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        ctx = Context(s, Period.parse("2025-Q3"))
        keys = ["pet.opening", "pet.received", "pet.resolved", "pet.filed", "pet.transferred", "pet.pending"]
        problems = petition_problems(ctx, Evaluation(evaluate(ctx, keys).values))
    assert problems == [
        "Đơn thư không cân đối: đầu kỳ 0 + nhận 1 = 1, nhưng đã giải quyết 0 + lưu 0 + chuyển 0 + cuối kỳ 0 = 0.",
        "Đơn nhận ngày 02/07/2025, đang giải quyết ngày 01/08/2025: Sửa đường: không khớp giữa số nhận và số "
        "đã xử lý trong kỳ.",
    ]


# ---------------------------------------------------------------- the whole year, by hand


def test_every_party_work_figure_of_a_designed_year_matches_the_hand_tables(db: Database) -> None:
    """A small commune with a designed history (admissions across years, ratings back-entered, letters
    spanning quarters, dues with a missing base month and a pensioner, a repeated discipline, a course
    with mixed results); every Party-work figure of the 2025 report equals the literal tables below."""
    from forms.periods import Period
    from forms.quarterly import build_report

    with unit_of_work(db, SYSTEM_ACTOR) as s:
        a = village_and_cell(s)
        b = village_and_cell(s, "Bản Pá Củng", "Chi bộ bản Pá Củng")

        def member(given: str, cell: str, ceremony: date, occupation: str = "other") -> str:
            p = replace(profile(given=given, born=date(1975, 1, 1)), occupation=occupation)
            mid = admit(s, cell, p, ceremony=ceremony)
            if ceremony.year < 2024:
                ms.recognise_official(s, ms.EventInput(mid, date(ceremony.year + 1, ceremony.month, 5)))
            return mid

        m1 = member("Một", a, date(2015, 3, 5))
        m2 = member("Hai", a, date(2018, 3, 5))
        m3 = member("Ba", b, date(2019, 3, 5))
        m4 = member("Bốn", b, date(2025, 9, 1))  # less than 6 months at the end of 2025
        m5 = member("Năm", a, date(2026, 3, 1))  # after the rated year
        m6 = member("Sáu", b, date(2010, 3, 5))  # transferred out in 2026, failed 2024 and 2025
        m7 = member("Bảy", b, date(2000, 3, 5), occupation="retired")  # a pensioner
        ms.transfer_out(s, ms.EventInput(m6, date(2026, 4, 1), other_organisation="Đảng bộ xã Chiềng Sơn"))

        # ratings back-entered today for 2024 and 2025
        r2024 = rt.open_round(s, 2024, "member", today())
        rt.set_ratings(s, r2024, {m6: rt.RatingEntry(score=40)})
        r2025 = rt.open_round(s, 2025, "member", today())
        scores = {m1: 95, m2: 80, m3: 60, m6: 40, m7: 80}
        rt.set_ratings(s, r2025, {m: rt.RatingEntry(score=sc) for m, sc in scores.items()})

        # petitions: one left over from 2024, four received in 2025
        def letter(received: date) -> str:
            return pt.register_petition(
                s, pt.PetitionInput(received, "kien_nghi", "Đề nghị", sender="Hà Văn X")
            )

        old, p1, p2, p3, _p4 = (
            letter(date(2024, 12, 20)),
            letter(date(2025, 5, 10)),
            letter(date(2025, 7, 2)),
            letter(date(2025, 8, 3)),
            letter(date(2025, 9, 9)),
        )
        pt.close_petition(s, old, "resolved", date(2025, 4, 2), result="Đã trả lời")
        pt.close_petition(s, p1, "resolved", date(2025, 7, 15), result="Đã trả lời")
        pt.close_petition(s, p2, "filed", date(2025, 7, 20))
        pt.close_petition(s, p3, "transferred", date(2025, 10, 1), transferred_to="UBND xã")

        # dues: farmers 3,000 đ (342-QĐ/TW, entered), the pension's base recorded in October only
        dues.set_rate(s, "other", date(2010, 1, 1), fixed=3_000)
        dues.record_month(s, a, "2025-10", {m1: dues.DuesEntry(3_004, amount_due=3_004)})
        dues.record_month(s, b, "2025-10", {m7: dues.DuesEntry(42_501, base_amount=8_500_100)})
        december = {r.member_id: r for r in dues.sheet(s, b, "2025-12")}  # November never recorded
        assert december[m7].amount_due == 42_501  # 0.5% of 8,500,100 = 42,500.5, half up
        dues.record_month(
            s,
            b,
            "2025-12",
            {m7: dues.DuesEntry(42_501), m3: dues.DuesEntry(3_000), m4: dues.DuesEntry(3_000)},
        )

        # discipline: one reprimand, entered twice; the second is refused
        reprimand = ins.DisciplineInput(
            "khien_trach", date(2025, 6, 10), 2, subject_member_id=m2, reason="Vi phạm sinh hoạt"
        )
        ins.discipline(s, reprimand)
        with pytest.raises(RuleViolation, match="Đã có quyết định kỷ luật “Khiển trách”"):
            ins.discipline(s, reprimand)

        # a theory course with mixed results
        course = tr.add_course(
            s, tr.CourseInput("Sơ cấp khóa 12", "theory", date(2025, 3, 1), level="so_cap")
        )
        tr.enrol(s, course, [m2, m3, m7])
        raised = tr.complete_course(
            s, course, date(2025, 5, 30), {m2: ("passed", "12/SC"), m3: ("failed", ""), m7: ("withdrew", "")}
        )
        assert raised == 1
        assert [ms.get_member(s, m).profile.political_theory for m in (m2, m3, m7)] == ["so_cap", "", ""]

    # the hand tables
    rating_rows = {m1: (a, ""), m2: (a, ""), m3: (b, ""), m4: (b, "new"), m6: (b, ""), m7: (b, "")}
    expected = {
        "rating.members.rated": 5,
        "rating.members.xuat_sac": 1,
        "rating.members.tot": 2,
        "rating.members.hoan_thanh": 1,
        "rating.members.khong_hoan_thanh": 1,
        "rating.members.excluded": 1,
        "rating.members.quota": 0,  # cell A: 20% of 1 good → 0; cell B: 20% of 1 good → 0
        "rating.members.over_quota": 1,  # cell A: 1 excellent over 0
        "rating.members.failed_two_years": 1,  # Sáu, 2024 and 2025
        "pet.opening": 1,
        "pet.received": 4,
        "pet.resolved": 2,
        "pet.filed": 1,
        "pet.transferred": 1,
        "pet.pending": 1,
        "disc.khien_trach": 1,
        "train.classes": 1,
        "train.trainees": 3,
        "train.level.so_cap": 3,
        "dues.due": 3_004 + 42_501 + 42_501 + 3_000 + 3_000,
        "dues.collected": 94_006,
        "dues.retained": 40_955 + 43_651,  # 90% of 45,505 = 40,954.5 → 40,955; of 48,501 = 43,650.9 → 43,651
        "dues.remitted": 94_006 - 84_606,
    }
    with read_session(db, SYSTEM_ACTOR) as s:
        rows = {r.key: (r.cell_id, r.excluded_reason) for r in rt.rating_rows(s, r2025)}
        assert m5 not in rows
        assert rows == rating_rows
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        report = build_report(s, Period.parse("2025-Y"))
    assert {k: report.values[k].value for k in expected} == expected
    opening, received = expected["pet.opening"], expected["pet.received"]
    closed = sum(expected[k] for k in ("pet.resolved", "pet.filed", "pet.transferred", "pet.pending"))
    assert opening + received == closed
    assert expected["dues.retained"] + expected["dues.remitted"] == expected["dues.collected"]
    assert report.problems == ()
    for key in ("dues.retained", "dues.remitted"):  # the explanation states the rounding and its source
        assert report.values[key].note.startswith(
            "Số tiền tính theo tỷ lệ phần trăm được làm tròn đến đồng, phần lẻ từ 0,5 đồng trở lên làm tròn lên"
        )
