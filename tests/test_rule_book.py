"""Dated rules judged as of the event they judge: a rule row added later (the kind the upper level
sends down) leaves every earlier history valid and every earlier report unchanged."""

from __future__ import annotations

import json
from datetime import date

import pytest

from forms.periods import Period
from forms.quarterly import build_report
from models.db import Database, read_session, unit_of_work
from models.entities import RuleValue
from models.errors import RuleViolation
from models.rules import RuleBook
from models.security import SYSTEM_ACTOR
from models.services import membership as ms
from tests.builders import admit, profile, village_and_cell


def _eighteen_months_from_2026(db: Database) -> None:
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        s.add(RuleValue(key="probation.months", valid_from=date(2026, 1, 1), value=json.dumps(18), note=""))


def test_rule_book_answers_as_of_a_day_and_falls_back_to_the_preset() -> None:
    book = RuleBook({"probation.months": [(date(2026, 1, 1), 18), (date(1930, 1, 1), 12)]})
    assert book.probation_months(date(2025, 12, 31)) == 12
    assert book.probation_months(date(2026, 1, 1)) == 18
    assert book.probation_end(date(2016, 3, 5)) == date(2017, 3, 5)
    assert book.probation_end(date(2026, 2, 10)) == date(2027, 8, 10)
    assert book.value("admission.min_age_years", date(2026, 1, 1)) == 18  # from the preset
    with pytest.raises(KeyError):
        book.value("no.such.rule", date(2026, 1, 1))


def test_a_later_probation_rule_leaves_an_old_history_valid(db: Database) -> None:
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        cell = village_and_cell(s)
        old = admit(s, cell, profile(given="Thanh"), ceremony=date(2016, 3, 5))
        ms.recognise_official(s, ms.EventInput(old, date(2017, 3, 20), decision_no="12-QĐ/ĐU"))
        new = admit(s, cell, profile(given="Hoa", sex="F", born=date(1995, 2, 1)), ceremony=date(2026, 2, 10))
    q1, q3 = Period.parse("2026-Q1"), Period.parse("2026-Q3")
    with read_session(db, SYSTEM_ACTOR) as s:
        before = (build_report(s, q1).figures(), build_report(s, q3).figures())
    _eighteen_months_from_2026(db)

    # Issuing a card re-folds the whole history: the 2017 recognition stays valid (12 months then).
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        assert ms.issue_card(s, ms.EventInput(old, date(2026, 6, 1)), "12345678") == []
    with read_session(db, SYSTEM_ACTOR) as s:
        member = ms.get_member(s, old)
        assert (member.status, member.official_date) == ("official", date(2017, 3, 5))
        # The member admitted under the new rule waits 18 months, and the texts say so.
        due = ms.probation_due(s, new)
        assert due is not None and (due.months, due.due) == (18, date(2027, 8, 10))
        after = (build_report(s, q1).figures(), build_report(s, q3).figures())
    assert after == before
    assert before[1]["members.total"] == 2 and before[1]["members.probationary"] == 1


def test_recognition_refused_before_the_months_in_force_at_the_ceremony(db: Database) -> None:
    _eighteen_months_from_2026(db)
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        cell = village_and_cell(s)
        before_rule = admit(s, cell, profile(given="Thanh"), ceremony=date(2025, 11, 20))
        under_rule = admit(s, cell, profile(given="Hoa", sex="F"), ceremony=date(2026, 1, 15))
    # 12 months for a ceremony of 2025 (the rule changed after it): due 20/11/2026, today or earlier.
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        assert ms.recognise_official(s, ms.EventInput(before_rule, date(2026, 11, 25))) == date(2026, 11, 20)
    with pytest.raises(RuleViolation) as exc, unit_of_work(db, SYSTEM_ACTOR) as s:
        ms.recognise_official(s, ms.EventInput(under_rule, date(2026, 11, 25)))
    assert exc.value.text() == "Chưa đủ 18 tháng dự bị. Ngày đủ 18 tháng dự bị: 15/07/2027."
    with read_session(db, SYSTEM_ACTOR) as s:
        due = ms.recognitions_due(s, date(2026, 11, 25), within_days=0)
        assert [d.member_id for d in due] == []
        upcoming = ms.recognitions_due(s, date(2026, 11, 25), within_days=200)  # to 13/06/2027
        assert [(d.member_id, d.due_date) for d in upcoming] == []
        later = ms.recognitions_due(s, date(2026, 11, 25), within_days=250)  # to 02/08/2027
        assert [(d.member_id, d.due_date) for d in later] == [(under_rule, date(2027, 7, 15))]


def test_badge_needs_the_party_age_and_is_awarded_once(db: Database) -> None:
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        cell = village_and_cell(s)
        # Decision 01/03/2020 (the builder decides on the 1st of the ceremony's month).
        young = admit(s, cell, profile(given="Thanh"), ceremony=date(2020, 3, 5))
        # Decision 01/03/1976: 50 years on 01/03/2026; early by up to 12 months from 01/03/2025.
        old = admit(s, cell, profile(given="Hoa", sex="F", born=date(1950, 1, 1)), ceremony=date(1976, 3, 5))
        ms.recognise_official(s, ms.EventInput(old, date(1977, 3, 5)))
    with pytest.raises(RuleViolation) as exc, unit_of_work(db, SYSTEM_ACTOR) as s:
        ms.award_badge(s, ms.EventInput(young, date(2026, 5, 19)), 30)
    assert exc.value.text() == (
        "Ngày 19/05/2026 đảng viên mới có 6 năm tuổi Đảng, chưa đủ điều kiện nhận Huy hiệu 30 năm tuổi "
        "Đảng: đủ 30 năm vào ngày 01/03/2050; được xét tặng sớm (không quá 12 tháng) từ ngày 01/03/2049."
    )
    with pytest.raises(RuleViolation, match="từ ngày 01/03/2025"), unit_of_work(db, SYSTEM_ACTOR) as s:
        ms.award_badge(s, ms.EventInput(old, date(2025, 2, 3)), 50)
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        ms.award_badge(s, ms.EventInput(old, date(2025, 5, 19)), 50)  # early, inside the 12 months
    with pytest.raises(RuleViolation) as exc, unit_of_work(db, SYSTEM_ACTOR) as s:
        ms.award_badge(s, ms.EventInput(old, date(2026, 9, 2)), 50)
    assert exc.value.text() == "Đảng viên đã được trao Huy hiệu 50 năm tuổi Đảng ngày 19/05/2025."
    with read_session(db, SYSTEM_ACTOR) as s:
        assert [e.kind for e in ms.history(s, old)].count("badge_awarded") == 1
