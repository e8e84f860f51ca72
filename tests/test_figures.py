"""Figures as a hand count gives them: "no religion" in all its spellings, Youth Union age, the old
10-year school grades, recognition on time in working days, percentages rounded half up."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from forms.document import vi_decimal
from forms.indicators import education_band, percent, ratio_half_up
from forms.periods import Period
from forms.quarterly import build_report
from models.db import Database, read_session, unit_of_work
from models.security import SYSTEM_ACTOR
from models.services import membership as ms
from models.services.statistics import add_working_days, has_religion, holiday_dates, youth_union_member
from tests.builders import admit, profile, village_and_cell

FIXED = ("01-01", "30-04", "01-05", "02-09", "03-09")


@pytest.mark.parametrize(
    ("text", "religious"),
    [
        ("không có", False), ("Không", False), ("không", False), ("KHÔNG CÓ", False), ("Không có.", False),
        ("khong co", False), ("Không theo tôn giáo", False), ("", False), ("-", False),
        ("Phật giáo", True), ("Công giáo", True), ("Tin lành", True),
    ],
)  # fmt: skip
def test_no_religion_in_every_spelling(text: str, religious: bool) -> None:
    assert has_religion(text) is religious


def test_old_ten_year_grades_on_the_twelve_year_scale() -> None:
    assert [ms.school_grade(g) for g in ("7/10", "10/10", "8/10", "4/10", "9/12", "12", "")] == [
        9, 12, 10, 4, 9, 12, 0,
    ]  # fmt: skip
    assert [education_band(g) for g in ("7/10", "10/10", "8/10", "4/10", "5/10")] == [
        "thcs", "thpt", "thpt", "tieu_hoc", "thcs",
    ]  # fmt: skip


def test_youth_union_age_ends_at_thirty() -> None:
    born, joined = date(1995, 6, 30), date(2010, 3, 26)
    assert youth_union_member(joined, born, date(2026, 6, 29), 30)  # 30 years old
    assert not youth_union_member(joined, born, date(2026, 6, 30), 30)  # 31 from this day
    assert not youth_union_member(date(2027, 1, 1), born, date(2026, 6, 1), 30)  # not yet joined
    assert not youth_union_member(None, born, date(2020, 1, 1), 30)


def test_working_days_skip_weekends_fixed_and_dated_holidays() -> None:
    # Probation ends Friday 30/01/2026; Tết 2026 (16–20/02) falls inside the 30 working days.
    assert add_working_days(date(2026, 1, 30), 30, FIXED, holiday_dates()) == date(2026, 3, 20)
    assert add_working_days(date(2026, 1, 30), 30, FIXED, frozenset()) == date(2026, 3, 13)
    # 30/04 and 01/05/2026 are Thursday and Friday.
    assert add_working_days(date(2026, 4, 28), 3, FIXED, holiday_dates()) == date(2026, 5, 5)


def test_percentages_round_half_up_as_printed() -> None:
    assert percent(1, 16) == 6.3 and vi_decimal(percent(1, 16), 1) == "6,3"
    assert (percent(1, 8), percent(2, 3), percent(1, 3), percent(3, 40)) == (12.5, 66.7, 33.3, 7.5)
    assert ratio_half_up(101, 2) == 50.5 and ratio_half_up(1, 40, 2) == 0.03
    assert percent(0, 0) == 0.0


def test_figures_of_a_small_commune_match_the_hand_count(db: Database) -> None:
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        cell = village_and_cell(s)
        # Vàng: religion "không có", Youth Union since 2012, 29 on 31/03/2026: a youth member.
        vang = replace(profile("Lò", "Thị", "Vàng", sex="F", born=date(1996, 5, 1)), religion="không có")
        admit(s, cell, replace(vang, youth_union_date=date(2012, 3, 26)), ceremony=date(2019, 3, 5))
        # Sáu: 56, Youth Union date from 1986: not a youth member; Catholic; old grade 10/10.
        sau = replace(profile("Quàng", "Văn", "Sáu", born=date(1970, 1, 1), education="10/10"))
        admit(
            s,
            cell,
            replace(sau, youth_union_date=date(1986, 3, 26), religion="Công giáo"),
            ceremony=date(1995, 3, 5),
        )
        # Bảy: "Không" religion, old grade 7/10 (lower secondary); exactly 31 on 31/03/2026.
        bay = replace(
            profile("Cầm", "Văn", "Bảy", born=date(1995, 3, 31), education="7/10"), religion="Không"
        )
        bay_id = admit(s, cell, replace(bay, youth_union_date=date(2011, 1, 1)), ceremony=date(2025, 1, 30))
        ontime = admit(
            s, cell, profile("Lường", "Văn", "Tám", born=date(1990, 1, 1)), ceremony=date(2025, 1, 30)
        )
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        # Both completed probation on 30/01/2026. Tám's decision on 20/03/2026 is the 30th working
        # day (Tết 16–20/02 not counted): on time. Bảy's on 23/03/2026: late. By calendar days both
        # would have been late (30 days after 30/01 is 01/03).
        ms.recognise_official(s, ms.EventInput(ontime, date(2026, 3, 20)))
        ms.recognise_official(s, ms.EventInput(bay_id, date(2026, 3, 23)))
    with read_session(db, SYSTEM_ACTOR) as s:
        report = build_report(s, Period.parse("2026-Q1"))
        v = report.figures()
        assert (v["members.total"], v["members.religion"], v["members.youth"]) == (4, 1, 1)
        assert (v["members.education.thpt"], v["members.education.thcs"]) == (3, 1)
        assert (v["move.recognised_on_time"], v["move.recognised_late"]) == (1, 1)
        assert report.values["members.youth"].note == "đã vào Đoàn và chưa quá 30 tuổi ngày 31/03/2026"
        labels = [label for _, label in report.values["members.youth"].records]
        assert len(labels) == 1 and labels[0].startswith("Lò Thị Vàng")
