"""Rules of the Party-work records: pipeline deadlines and hand-over, rating exclusions, thresholds and
quota, discipline forms and vote thresholds, petition counts, training, dues arithmetic."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from models.db import Database, read_session, unit_of_work
from models.errors import RuleViolation, ValidationError
from models.security import SYSTEM_ACTOR
from models.services import admission as ad
from models.services import dues
from models.services import inspection as ins
from models.services import membership as ms
from models.services import organisation as org
from models.services import petitions as pt
from models.services import rating as rt
from models.services import training as tr
from tests.builders import admit, profile, village_and_cell


@pytest.fixture
def cell(db: Database) -> str:
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        return village_and_cell(s)


def _officials(db: Database, cell: str, n: int) -> list[str]:
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        ids = []
        for i in range(n):
            mid = admit(
                s,
                cell,
                profile(given=f"Người{chr(65 + i)}".replace("Người", "Nguoi"), born=date(1960 + i, 1, 1)),
                ceremony=date(2000, 3, 5),
            )
            ms.recognise_official(s, ms.EventInput(mid, date(2001, 3, 5)))
            ids.append(mid)
        return ids


# ---------------------------------------------------------------- admission pipeline


def test_working_days_skip_weekends_and_holidays(db: Database) -> None:
    with read_session(db, SYSTEM_ACTOR) as s:
        assert ad.add_working_days(s, date(2026, 4, 24), 1) == date(2026, 4, 27)  # Friday → Monday
        assert ad.add_working_days(s, date(2026, 4, 29), 1) == date(2026, 5, 4)  # 30/4 and 1/5 are holidays
        assert ad.add_working_days(s, date(2026, 1, 5), 60) == date(2026, 3, 30)


def test_pipeline_hands_over_to_a_probationary_member_and_flags_lateness(db: Database, cell: str) -> None:
    helpers = _officials(db, cell, 3)
    cmd = ad.CandidateInput(
        "Lò",
        "Thị",
        "Mai",
        "F",
        date(2000, 5, 5),
        cell,
        ethnicity="Thái",
        cccd="014300001234",
        general_education="12/12",
        youth_union_member=True,
    )
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        cid, _ = ad.add_candidate(s, cmd)
        with pytest.raises(RuleViolation, match="Chưa qua bước"):
            ad.record_verification(s, cid, date(2025, 3, 1))
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        ad.record_class(s, cid, date(2025, 1, 6), date(2025, 1, 10), "123/GCN")
        ad.assign_helpers(s, cid, helpers[:2], date(2025, 1, 15))
        ad.record_verification(s, cid, date(2025, 3, 1))
        with pytest.raises(RuleViolation, match="cần ít nhất 2/3"):
            ad.record_cell_resolution(s, cid, date(2025, 3, 10), "05-NQ/CB", 1, 3)
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        ad.record_cell_resolution(s, cid, date(2025, 3, 10), "05-NQ/CB", 2, 3)
        view = ad.get_candidate(s, cid, on=date(2025, 3, 11))
        assert view.decision_due == date(2025, 6, 4)  # 60 working days, 30/4 and 1/5 skipped
        assert not view.late
        assert ad.get_candidate(s, cid, on=date(2025, 6, 5)).late
        ad.record_decision(s, cid, date(2025, 6, 20), "88-QĐ/ĐU")
        view = ad.get_candidate(s, cid, on=date(2025, 6, 21))
        assert view.late  # the decision came after its deadline
        assert view.ceremony_due == date(2025, 8, 1)
        with pytest.raises(ValidationError, match="Ngày vào Đoàn"):
            ad.record_ceremony(s, cid, date(2025, 7, 1), youth_union_date=date(1999, 3, 26))  # before birth
        result = ad.record_ceremony(
            s,
            cid,
            date(2025, 7, 1),
            introducers=("Lò Văn A", "Lò Văn B"),
            youth_union_date=date(2016, 3, 26),
        )
        assert result.warnings == ()
    with read_session(db, SYSTEM_ACTOR) as s:
        member = ms.get_member(s, result.member_id)
        assert member.profile.youth_union_date == date(2016, 3, 26)  # the real date, carried over
        assert (member.name, member.status, member.admission_date) == (
            "Lò Thị Mai",
            "probationary",
            date(2025, 7, 1),
        )
        assert member.admission_decision_date == date(2025, 6, 20)
        assert member.profile.cccd == "014300001234"
        assert ad.get_candidate(s, cid).stage == "admitted"
        done = ad.achievement(s, 2025)
        assert (done.admitted, done.women, done.minority, done.youth) == (1, 1, 1, 1)


def test_ceremony_invents_no_youth_union_date(db: Database, cell: str) -> None:
    """A Youth Union member whose date is not given is admitted with no date and a warning to fill it
    in — never a date made up from the class or proposal dates."""
    helpers = _officials(db, cell, 3)
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        cid, _ = ad.add_candidate(
            s,
            ad.CandidateInput(
                "Quàng",
                "Văn",
                "Sơn",
                "M",
                date(2001, 2, 2),
                cell,
                youth_union_member=True,
                proposed_date=date(2024, 9, 1),
            ),
        )
        ad.record_class(s, cid, date(2024, 10, 7), date(2024, 10, 11), "77/GCN")
        ad.assign_helpers(s, cid, helpers[:1], date(2024, 10, 20))
        ad.record_verification(s, cid, date(2024, 12, 1))
        ad.record_cell_resolution(s, cid, date(2024, 12, 10), "09-NQ/CB", 3, 3)
        ad.record_decision(s, cid, date(2025, 1, 10), "12-QĐ/ĐU")
        result = ad.record_ceremony(s, cid, date(2025, 1, 20))
    assert any("chưa có ngày vào Đoàn" in w for w in result.warnings)
    with read_session(db, SYSTEM_ACTOR) as s:
        assert ms.get_member(s, result.member_id).profile.youth_union_date is None
        assert ad.achievement(s, 2025).youth == 0  # counted as a Youth Union member once the date is known


def test_plan_achievement_percentage(db: Database, cell: str) -> None:
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        ad.set_plan(s, 2025, None, 2, women=1)
        for i in range(3):
            admit(
                s,
                cell,
                profile(given=f"Hoa{'abc'[i]}", sex="F", born=date(1990, 1, 1 + i)),
                ceremony=date(2025, 3, 5 + i),
            )
        with pytest.raises(ValidationError, match="không vượt chỉ tiêu chung"):
            ad.set_plan(s, 2025, cell, 1, women=2)
    with read_session(db, SYSTEM_ACTOR) as s:
        result = ad.achievement(s, 2025)
    assert (result.target, result.admitted, result.women) == (2, 3, 3)
    assert result.percent == pytest.approx(150.0)


# ---------------------------------------------------------------- rating


def test_rating_exclusions_thresholds_and_quota(db: Database, cell: str) -> None:
    ids = _officials(db, cell, 8)
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        ms.start_exemption(s, ms.EventInput(ids[7], date(2025, 1, 1)))
        newcomer = admit(s, cell, profile(given="Mới", born=date(2000, 1, 1)), ceremony=date(2025, 9, 1))
        round_id = rt.open_round(s, 2025, "member", date(2025, 12, 15))
    with read_session(db, SYSTEM_ACTOR) as s:
        rows = {r.key: r for r in rt.rating_rows(s, round_id)}
    assert rows[ids[7]].excluded_reason == "exempted"
    assert rows[newcomer].excluded_reason == "new"  # admitted less than 6 months before the review
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        scores = [95, 92, 85, 80, 75, 72, 40]
        warnings = rt.set_ratings(
            s, round_id, {mid: rt.RatingEntry(score=sc) for mid, sc in zip(ids, scores, strict=False)}
        )
        names = rt.level_names(s, 2025)
    with read_session(db, SYSTEM_ACTOR) as s:
        summary = rt.summary(s, round_id)
    assert summary.by_level == {"xuat_sac": 2, "tot": 4, "hoan_thanh": 0, "khong_hoan_thanh": 1}
    assert (summary.rated, summary.excluded, summary.unrated) == (7, 2, 0)
    assert summary.percent("tot") == pytest.approx(400 / 7)
    assert warnings == [
        "Chi bộ bản Na Hát: 2 “hoàn thành xuất sắc”, vượt 20% số “hoàn thành tốt” (4 → tối đa 0)."
    ]
    assert names["xuat_sac"] == "Hoàn thành xuất sắc nhiệm vụ"
    with pytest.raises(ValidationError, match="không xếp loại"), unit_of_work(db, SYSTEM_ACTOR) as s:
        rt.set_ratings(s, round_id, {ids[7]: rt.RatingEntry(score=90)})
    with read_session(db, SYSTEM_ACTOR) as s:
        assert rt.level_names(s, 2015)["tot"] == "Đủ tư cách, hoàn thành tốt nhiệm vụ"  # historic names kept


# ---------------------------------------------------------------- discipline


def test_discipline_forms_allowed_per_status(db: Database, cell: str) -> None:
    officials = _officials(db, cell, 2)
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        probationary = admit(s, cell, profile(given="Dự", born=date(1995, 1, 1)), ceremony=date(2025, 6, 1))
        org.assign_position(
            s,
            org.PositionInput(
                member_id=officials[0], role="secretary", cell_id=cell, start_date=date(2020, 1, 1)
            ),
        )
        assert ins.allowed_forms(s, probationary) == ["khien_trach", "canh_cao"]
        assert ins.allowed_forms(s, officials[0]) == ["khien_trach", "canh_cao", "cach_chuc", "khai_tru"]
        assert ins.allowed_forms(s, officials[1]) == ["khien_trach", "canh_cao", "khai_tru"]
    with pytest.raises(RuleViolation) as exc, unit_of_work(db, SYSTEM_ACTOR) as s:
        ins.discipline(
            s, ins.DisciplineInput("khai_tru", date(2025, 10, 1), 2, subject_member_id=probationary)
        )
    assert "Không áp dụng hình thức “Khai trừ”" in exc.value.text()
    with pytest.raises(RuleViolation, match="Cách chức"), unit_of_work(db, SYSTEM_ACTOR) as s:
        ins.discipline(
            s, ins.DisciplineInput("cach_chuc", date(2025, 10, 1), 2, subject_member_id=officials[1])
        )


def test_discipline_votes_count_against_official_members_and_expulsion_ends_membership(
    db: Database, cell: str
) -> None:
    ids = _officials(db, cell, 9)  # 9 official members in the cell
    with pytest.raises(RuleViolation) as exc, unit_of_work(db, SYSTEM_ACTOR) as s:
        # 4 of 9 official members is not more than half, even if only 5 attended
        ins.discipline(s, ins.DisciplineInput("canh_cao", date(2025, 10, 1), 4, subject_member_id=ids[0]))
    assert exc.value.text() == "Chưa đủ phiếu: cần ít nhất 5/9 đảng viên chính thức tán thành (có 4)."
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        ins.discipline(s, ins.DisciplineInput("canh_cao", date(2025, 10, 1), 5, subject_member_id=ids[0]))
    with pytest.raises(RuleViolation, match="cần ít nhất 6/9"), unit_of_work(db, SYSTEM_ACTOR) as s:
        ins.discipline(s, ins.DisciplineInput("khai_tru", date(2025, 11, 1), 5, subject_member_id=ids[1]))
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        ins.discipline(
            s,
            ins.DisciplineInput(
                "khai_tru", date(2025, 11, 1), 6, subject_member_id=ids[1], decision_no="12-QĐ/ĐU"
            ),
        )
        assert ms.get_member(s, ids[1]).status == "expelled"
        assert len(ins.list_disciplines(s, year=2025)) == 2


# ---------------------------------------------------------------- petitions


def test_petition_period_counts(db: Database) -> None:
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        a = pt.register_petition(
            s, pt.PetitionInput(date(2025, 7, 2), "kien_nghi", "Đề nghị sửa đường", sender="Hà Văn X")
        )
        b = pt.register_petition(
            s, pt.PetitionInput(date(2025, 8, 2), "to_cao", "Tố cáo sai phạm", anonymous=True)
        )
        c = pt.register_petition(
            s, pt.PetitionInput(date(2025, 9, 2), "phan_anh", "Phản ánh", sender="Lò Thị Y")
        )
        old = pt.register_petition(
            s, pt.PetitionInput(date(2025, 6, 20), "khieu_nai", "Khiếu nại", sender="Vì Văn Z")
        )
        pt.close_petition(s, a, "resolved", date(2025, 8, 1), result="Đã trả lời")
        pt.close_petition(s, b, "filed", date(2025, 8, 15))
        pt.close_petition(s, c, "resolved", date(2025, 10, 5), result="Đã xử lý")
        with pytest.raises(ValidationError) as exc:
            pt.register_petition(s, pt.PetitionInput(date(2025, 9, 2), "khieu_nai", ""))
        assert set(exc.value.errors) == {"summary", "sender"}
        del old
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        counts = pt.period_counts(s, date(2025, 7, 1), date(2025, 9, 30))
    assert (counts.received, counts.resolved, counts.filed, counts.pending) == (3, 1, 1, 2)


# ---------------------------------------------------------------- training


def test_completing_a_theory_course_raises_levels(db: Database, cell: str) -> None:
    ids = _officials(db, cell, 3)
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        course = tr.add_course(
            s, tr.CourseInput("Sơ cấp lý luận chính trị khóa 12", "theory", date(2025, 3, 1), level="so_cap")
        )
        assert tr.enrol(s, course, ids) == 3
        results = {ids[0]: ("passed", "12/SC"), ids[1]: ("passed", ""), ids[2]: ("failed", "")}
        raised = tr.complete_course(s, course, date(2025, 5, 30), results)
        assert raised == 2
        assert [ms.get_member(s, i).profile.political_theory for i in ids] == ["so_cap", "so_cap", ""]
        counts = tr.period_counts(s, date(2025, 1, 1), date(2025, 12, 31))
    assert (counts.courses, counts.trainees, counts.by_level) == (1, 3, {"so_cap": 3})


# ---------------------------------------------------------------- dues


def test_dues_rates_by_date_and_three_month_flag(db: Database, cell: str) -> None:
    ids = _officials(db, cell, 3)
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        sheet = dues.sheet(s, cell, "2026-03")
        assert [r.category for r in sheet] == ["other", "other", "other"]
        assert sheet[0].amount_due is None  # the rate for farmers must be entered by the user
        with pytest.raises(RuleViolation, match="Chưa khai mức đảng phí cho: Nông dân"):
            dues.require_rates_known(s, "2026-03")
        dues.set_rate(s, "other", date(2026, 2, 3), fixed=10_000)
        dues.set_rate(s, "other", date(2010, 1, 1), fixed=3_000)
        assert dues.amount_due(s, "other", "2026-03", None) == 10_000
        assert dues.amount_due(s, "other", "2025-12", None) == 3_000  # earlier months keep their rate
        assert dues.amount_due(s, "salaried", "2026-03", 6_000_000) == 60_000  # 1% of insured salary
        assert dues.amount_due(s, "pensioner", "2026-03", 4_000_000) == 20_000  # 0.5% of pension
        assert dues.amount_due(s, "student", "2026-03", None) == 5_000
        for month in ("2026-01", "2026-02", "2026-03", "2026-04"):
            paid = {ids[0]: dues.DuesEntry(dues.amount_due(s, "other", month, None) or 0)}
            if month == "2026-01":
                paid[ids[1]] = dues.DuesEntry(3_000)
            dues.record_month(s, cell, month, paid)
        unpaid = dues.unpaid_members(s, 2026, "2026-04")
        assert {u.member_id: len(u.months) for u in unpaid} == {ids[1]: 3, ids[2]: 4}
        assert dues.paid_through(s, ids[0]) == "2026-04"
        assert dues.paid_through(s, ids[1]) == "2026-01"
        assert dues.paid_through_many(s, ids) == {ids[0]: "2026-04", ids[1]: "2026-01", ids[2]: None}
        january = dues.totals(s, ["2026-01"])
        march = dues.totals(s, ["2026-03"])
    assert (january.due, january.collected, january.retained) == (6_000, 6_000, 5_400)  # 2010 rule: 90% kept
    assert (march.due, march.collected) == (10_000, 10_000)
    assert march.retained is None  # the share under the 2026 rule is not entered yet


def test_dues_retention_before_2026(db: Database, cell: str) -> None:
    ids = _officials(db, cell, 2)
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        dues.set_rate(s, "other", date(2010, 1, 1), fixed=2_000)
        dues.record_month(
            s,
            cell,
            "2025-11",
            {ids[0]: dues.DuesEntry(2_000), ids[1]: dues.DuesEntry(5_000, amount_due=5_000)},
        )
        totals = dues.totals(s, ["2025-11"])
    assert (totals.collected, totals.retained, totals.remitted, totals.retention_pct) == (
        7_000,
        6_300,
        700,
        90.0,
    )


def test_dues_sheet_xlsx_writes_amounts_as_numbers(db: Database, cell: str, tmp_path: Path) -> None:
    import openpyxl

    from exports.documents import document_sheets, save_xlsx
    from forms.dues_sheet import dues_sheet

    ids = _officials(db, cell, 2)
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        dues.set_rate(s, "other", date(2026, 2, 3), fixed=74_000)
        dues.record_month(s, cell, "2026-03", {ids[0]: dues.DuesEntry(74_000)})
    with read_session(db, SYSTEM_ACTOR) as s:
        document = dues_sheet(s, cell, "2026-03")
    target = save_xlsx(document_sheets(document, "Đảng phí"), tmp_path / "dang-phi.xlsx")
    sheet = openpyxl.load_workbook(target).active
    assert sheet is not None
    rows = [list(r) for r in sheet.iter_rows()]
    header = next(i for i, r in enumerate(rows) if r[0].value == "TT")
    due_col = [c.value for c in rows[header]].index("Phải nộp (đ)")
    paid_col = [c.value for c in rows[header]].index("Đã nộp (đ)")
    first, second, total = rows[header + 1], rows[header + 2], rows[header + 3]
    assert (first[due_col].value, first[paid_col].value) == (74_000, 74_000)
    assert first[due_col].data_type == "n" and first[due_col].number_format == "#,##0"
    assert (second[due_col].value, second[paid_col].value or "") == (74_000, "")  # not paid: empty, not 0
    # The total is a SUM over the rows above (stays right when an amount is edited), worth 148.000 / 74.000.
    letter = "ABCDEFGH"
    assert (total[1].value, total[due_col].value, total[paid_col].value) == (
        "Cộng",
        f"=SUM({letter[due_col]}{first[0].row}:{letter[due_col]}{second[0].row})",
        f"=SUM({letter[paid_col]}{first[0].row}:{letter[paid_col]}{second[0].row})",
    )
    assert total[due_col].data_type == "f"
