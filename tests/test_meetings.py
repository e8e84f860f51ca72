"""Meeting rules: duration, thematic frequency, attendance arithmetic, numbering, vote thresholds."""

from __future__ import annotations

from datetime import date

import pytest

from models.db import Database, read_session, unit_of_work
from models.errors import RuleViolation, ValidationError
from models.security import SYSTEM_ACTOR
from models.services import meetings as mt
from models.services import membership as ms
from tests.builders import admit, profile, village_and_cell


@pytest.fixture
def cell_with_members(db: Database) -> tuple[str, list[str]]:
    """A cell with 8 official members, 2 probationary, 1 exempted and 1 away (12 in all)."""
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        cell = village_and_cell(s)
        ids = []
        names = [
            "An",
            "Bình",
            "Chiến",
            "Dũng",
            "Đông",
            "Hùng",
            "Khánh",
            "Lâm",
            "Minh",
            "Nam",
            "Phong",
            "Quang",
        ]
        for i, given in enumerate(names):
            ceremony = date(2025, 6, 1) if i in (8, 9) else date(2010, 3, 5)
            mid = admit(s, cell, profile(given=given, born=date(1970 + i, 1, 1)), ceremony=ceremony)
            if i < 8 or i >= 10:
                ms.recognise_official(s, ms.EventInput(mid, date(2011, 3, 5)))
            ids.append(mid)
        ms.start_exemption(s, ms.EventInput(ids[10], date(2024, 1, 1), reason="Tuổi cao"))
        ms.start_away(s, ms.EventInput(ids[11], date(2024, 5, 1), reason="Làm ăn xa"))
    return cell, ids


def _meeting(cell: str, **kw: object) -> mt.MeetingInput:
    base: dict[str, object] = {
        "cell_id": cell,
        "kind": "regular",
        "month": "2026-02",
        "held_date": date(2026, 2, 3),
        "start_time": "19:30",
        "end_time": "21:30",
        "place": "nhà văn hóa bản Na Hát",
        "chair_name": "Lò Văn An",
        "secretary_name": "Lò Văn Bình",
    }
    base.update(kw)
    return mt.MeetingInput(**base)  # type: ignore[arg-type]


def test_attendance_arithmetic_excludes_exempted_and_away(
    db: Database, cell_with_members: tuple[str, list[str]]
) -> None:
    cell, ids = cell_with_members
    attendance = {
        ids[2]: ("absent_excused", "Ốm"),
        ids[3]: ("absent_unexcused", ""),
        ids[10]: ("absent_unexcused", ""),
    }
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        saved = mt.save_meeting(s, _meeting(cell, attendance=attendance))
    with read_session(db, SYSTEM_ACTOR) as s:
        m = mt.get_meeting(s, saved.id)
    summary = m.summary
    assert (summary.total, summary.official, summary.probationary) == (12, 10, 2)
    assert (summary.exempted, summary.away, summary.expected) == (1, 1, 10)
    assert (summary.present, summary.absent_excused, summary.absent_unexcused) == (8, 1, 1)
    assert summary.rate == pytest.approx(0.8)
    # The exempted member marked absent is still listed as exempted, never against attendance.
    assert {a.member_id: a.status for a in m.attendance}[ids[10]] == "exempted"
    assert "Tỷ lệ dự họp 80,0% thấp hơn 85%." in saved.warnings
    assert "Có 1 đảng viên vắng không lý do." in saved.warnings


def test_duration_rule_90_and_120_minutes(db: Database, cell_with_members: tuple[str, list[str]]) -> None:
    cell, _ = cell_with_members
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        short = mt.save_meeting(s, _meeting(cell, end_time="20:50"))
        ok = mt.save_meeting(s, _meeting(cell, month="2026-01", held_date=date(2026, 1, 3), end_time="21:00"))
        combined = mt.save_meeting(
            s,
            _meeting(
                cell, month="2025-12", held_date=date(2025, 12, 3), end_time="21:15", combined_thematic=True
            ),
        )
    assert "Buổi sinh hoạt kéo dài 80 phút, ít hơn 90 phút theo quy định." in short.warnings
    assert not any("phút" in w for w in ok.warnings)
    assert "Buổi sinh hoạt kéo dài 105 phút, ít hơn 120 phút theo quy định." in combined.warnings
    assert mt.duration_minutes("23:30", "01:00") == 90


def test_thematic_frequency_per_quarter(db: Database, cell_with_members: tuple[str, list[str]]) -> None:
    cell, _ = cell_with_members
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        mt.save_meeting(s, _meeting(cell, month="2026-01", held_date=date(2026, 1, 3)))
        assert mt.thematic_shortfall(s, cell, 2026, 1) == 1
        mt.save_meeting(
            s,
            _meeting(
                cell,
                kind="thematic",
                month="2026-02",
                thematic_topic="Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
            ),
        )
        assert mt.thematic_shortfall(s, cell, 2026, 1) == 0
        assert mt.thematic_shortfall(s, cell, 2026, 2) == 1
    with pytest.raises(ValidationError) as exc, unit_of_work(db, SYSTEM_ACTOR) as s:
        mt.save_meeting(s, _meeting(cell, kind="thematic"))
    assert exc.value.errors == {"thematic_topic": "Hãy ghi chuyên đề sinh hoạt."}


def test_numbering_from_01_per_term_without_gaps(
    db: Database, cell_with_members: tuple[str, list[str]]
) -> None:
    cell, _ = cell_with_members
    numbers = []
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        for month in (9, 10, 11, 12):
            saved = mt.save_meeting(
                s, _meeting(cell, month=f"2025-{month:02d}", held_date=date(2025, month, 3))
            )
            numbers.append((saved.id, saved.number))
        planned = mt.save_meeting(
            s, _meeting(cell, month="2026-03", held_date=None, planned_date=date(2026, 3, 3))
        )
    assert [n for _, n in numbers] == [1, 2, 3, 4]  # term from 01/09/2025 (the unit's term)
    assert planned.number is None
    with (
        pytest.raises(RuleViolation, match="Chỉ xóa được biên bản có số cuối cùng"),
        unit_of_work(db, SYSTEM_ACTOR) as s,
    ):
        mt.delete_meeting(s, numbers[1][0])
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        mt.delete_meeting(s, numbers[3][0])
        again = mt.save_meeting(s, _meeting(cell, month="2026-01", held_date=date(2026, 1, 5)))
        # Editing keeps the number; the deleted last number is reused, so there is no gap.
        edited = mt.save_meeting(
            s, _meeting(cell, month="2025-10", held_date=date(2025, 10, 4)), meeting_id=numbers[1][0]
        )
    assert again.number == 4
    assert edited.number == 2
    # A meeting held before the term started numbers within its own (yearly) scope.
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        assert mt.save_meeting(s, _meeting(cell, month="2025-05", held_date=date(2025, 5, 3))).number == 1


@pytest.mark.parametrize(
    ("rule", "votes_for", "official_total", "official_present", "passed", "required"),
    [
        ("resolution", 5, 10, 9, True, 5),  # more than half of 9 present officials
        ("resolution", 4, 10, 8, False, 5),  # exactly half is not enough
        ("admission", 7, 10, 10, True, 7),  # two thirds of ALL official members: 6.67 → 7
        ("admission", 6, 10, 10, False, 7),
        ("admission", 6, 9, 7, True, 6),  # 2/3 of 9 = 6 exactly
        ("discipline", 6, 10, 7, True, 6),  # more than half of all official members, not those present
        ("discipline", 5, 10, 5, False, 6),
        ("expulsion", 8, 12, 12, True, 8),
        ("expulsion", 7, 12, 12, False, 8),
    ],
)
def test_vote_thresholds_against_official_members(
    rule: str, votes_for: int, official_total: int, official_present: int, passed: bool, required: int
) -> None:
    outcome = mt.vote_outcome(rule, votes_for, official_total, official_present)
    assert (outcome.passed, outcome.required) == (passed, required)


def test_quality_rating_from_configurable_score(
    db: Database, cell_with_members: tuple[str, list[str]]
) -> None:
    cell, _ = cell_with_members
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        ids = [
            mt.save_meeting(
                s, _meeting(cell, month=f"2025-{m:02d}", held_date=date(2025, m, 3), quality_score=score)
            ).id
            for m, score in ((9, 95), (10, 75), (11, 55), (12, 30))
        ]
    with read_session(db, SYSTEM_ACTOR) as s:
        assert [mt.get_meeting(s, i).quality_rating for i in ids] == ["tot", "kha", "trung_binh", "kem"]


def test_month_overview_shows_missing_cells(db: Database, cell_with_members: tuple[str, list[str]]) -> None:
    cell, _ = cell_with_members
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        other = village_and_cell(s, "Bản Huổi Hẹ", "Chi bộ bản Huổi Hẹ")
        mt.save_meeting(s, _meeting(cell))
    with read_session(db, SYSTEM_ACTOR) as s:
        overview = {c.cell_id: c.state for c in mt.month_overview(s, "2026-02")}
    assert overview == {cell: "held", other: "missing"}


def test_copy_structure_from_last_month(db: Database, cell_with_members: tuple[str, list[str]]) -> None:
    cell, ids = cell_with_members
    agenda = (
        mt.AgendaInput(
            "Đánh giá kết quả tháng 1", "Lò Văn An", speeches=(mt.Speech("Lò Văn Chiến", "Nhất trí."),)
        ),
    )
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        mt.save_meeting(
            s,
            _meeting(
                cell,
                month="2026-01",
                held_date=date(2026, 1, 3),
                agenda=agenda,
                attendance={ids[1]: ("absent_excused", "Ốm")},
            ),
        )
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        previous = mt.last_meeting(s, cell, "2026-02")
        assert previous is not None
        copied = mt.copy_structure(s, previous, "2026-02", date(2026, 2, 3))
        assert copied.place == "nhà văn hóa bản Na Hát" and copied.attendance == {}
        assert [a.title for a in copied.agenda] == ["Đánh giá kết quả tháng 1"]
        assert copied.agenda[0].speeches == ()
        saved = mt.save_meeting(s, copied)
        assert saved.number == 2


def test_invalid_meeting_input_is_refused_field_by_field(
    db: Database, cell_with_members: tuple[str, list[str]]
) -> None:
    cell, _ = cell_with_members
    with pytest.raises(ValidationError) as exc, unit_of_work(db, SYSTEM_ACTOR) as s:
        mt.save_meeting(s, _meeting(cell, start_time="7h30", chair_name="", month="2026-13"))
    assert set(exc.value.errors) == {"start_time", "chair_name", "month"}
    with read_session(db, SYSTEM_ACTOR) as s:
        assert mt.list_meetings(s) == []
