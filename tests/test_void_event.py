"""Voiding a mistyped event: a tombstone with its reason, the history folded again without it, an
audit entry; refused when what remains is not a valid history."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import select

from forms.periods import Period
from forms.quarterly import build_report
from models.audit import verify
from models.db import Database, read_session, unit_of_work
from models.entities import AuditEntry, MemberEvent
from models.errors import RuleViolation, ValidationError
from models.security import SYSTEM_ACTOR
from models.services import membership as ms
from models.services import register as rg
from tests.builders import admit, profile, village_and_cell


@pytest.fixture
def member(db: Database) -> str:
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        cell = village_and_cell(s)
        mid = admit(s, cell, profile(), ceremony=date(2020, 3, 5))
        ms.recognise_official(s, ms.EventInput(mid, date(2021, 3, 10)))
    return mid


def _event(db: Database, member_id: str, kind: str) -> str:
    with read_session(db, SYSTEM_ACTOR) as s:
        return next(e.id for e in ms.history(s, member_id) if e.kind == kind)


def test_a_mistyped_death_is_voided_and_the_member_is_active_again(db: Database, member: str) -> None:
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        ms.record_death(s, ms.EventInput(member, date(2026, 6, 1)))
    event_id = _event(db, member, "died")
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        ms.void_event(s, event_id, "Nhập nhầm người")
    with read_session(db, SYSTEM_ACTOR) as s:
        detail = ms.get_member(s, member)
        assert (detail.status, detail.counted, detail.end_date) == ("official", True, None)
        assert [e.kind for e in ms.history(s, member)] == ["admitted", "recognised"]
        voided = ms.voided_events(s, member)
        assert [(e.kind, e.detail["voided"]["reason"]) for e in voided] == [("died", "Nhập nhầm người")]
        row = s.get(MemberEvent, event_id)
        assert row is not None and row.deleted  # the tombstone travels like any change
        assert json.loads(row.detail)["voided"]["reason"] == "Nhập nhầm người"
        entry = s.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
        assert entry is not None and (entry.action, entry.record_id) == ("member.event_voided", member)
        assert "void_reason" in json.loads(entry.fields) and "status" in json.loads(entry.fields)
        assert verify(s).ok


def test_void_refused_without_reason_or_when_the_rest_is_invalid(db: Database, member: str) -> None:
    admitted = _event(db, member, "admitted")
    with (
        pytest.raises(ValidationError, match="Hãy ghi lý do hủy sự kiện"),
        unit_of_work(db, SYSTEM_ACTOR) as s,
    ):
        ms.void_event(s, admitted, "  ")
    with pytest.raises(RuleViolation) as exc, unit_of_work(db, SYSTEM_ACTOR) as s:
        ms.void_event(s, admitted, "Nhập nhầm")
    assert exc.value.text() == (
        "Không thể hủy sự kiện “Kết nạp” ngày 05/03/2020: lịch sử còn lại không hợp lệ. "
        "Ngày 05/03/2021: người này chưa là đảng viên của đảng bộ."
    )
    with read_session(db, SYSTEM_ACTOR) as s:
        assert [e.kind for e in ms.history(s, member)] == ["admitted", "recognised"]
        assert ms.voided_events(s, member) == []


def test_voiding_a_card_restores_the_previous_card(db: Database, member: str) -> None:
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        ms.issue_card(s, ms.EventInput(member, date(2022, 1, 5)), "11111111")
        ms.issue_card(s, ms.EventInput(member, date(2024, 1, 5)), "22222222")
    with read_session(db, SYSTEM_ACTOR) as s:
        second = next(e.id for e in ms.history(s, member) if e.detail.get("card_no") == "22222222")
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        ms.void_event(s, second, "Số thẻ gõ sai")
    with read_session(db, SYSTEM_ACTOR) as s:
        detail = ms.get_member(s, member)
        assert (detail.profile.party_card_no, detail.profile.card_issue_date) == (
            "11111111",
            date(2022, 1, 5),
        )


def test_a_voided_event_leaves_the_report_and_the_attention_lists(db: Database, member: str) -> None:
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        ms.record_death(s, ms.EventInput(member, date(2026, 2, 10)))
    died = _event(db, member, "died")
    q1 = Period.parse("2026-Q1")
    with read_session(db, SYSTEM_ACTOR) as s:
        before = build_report(s, q1).figures()
    assert (before["move.died"], before["members.total"]) == (1, 0)
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        ms.void_event(s, died, "Nhầm người")
    with read_session(db, SYSTEM_ACTOR) as s:
        after = build_report(s, q1).figures()
    assert (after["move.died"], after["members.total"]) == (0, 1)


def test_a_voided_badge_is_due_again(db: Database) -> None:
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        cell = village_and_cell(s)
        old = admit(s, cell, profile(born=date(1950, 1, 1)), ceremony=date(1990, 3, 5))
        ms.recognise_official(s, ms.EventInput(old, date(1991, 3, 5)))
        ms.award_badge(s, ms.EventInput(old, date(2020, 5, 19)), 30)
    badge = _event(db, old, "badge_awarded")
    with read_session(db, SYSTEM_ACTOR) as s:
        assert [b.years for b in rg.badges_due(s, date(2021, 1, 1)) if b.member_id == old] == []
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        ms.void_event(s, badge, "Trao nhầm người")
    with read_session(db, SYSTEM_ACTOR) as s:
        assert [b.years for b in rg.badges_due(s, date(2021, 1, 1)) if b.member_id == old] == [30]
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        ms.award_badge(s, ms.EventInput(old, date(2021, 2, 3)), 30)  # no longer a duplicate
