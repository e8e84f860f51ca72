"""The register list: filters, Vietnamese sorting in the database, counts, attention lists."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from sqlalchemy import event
from sqlalchemy.orm import Session

from models.db import Database, read_session, unit_of_work
from models.security import SYSTEM_ACTOR
from models.services import membership as ms
from models.services import register as rg
from tests.builders import admit, profile, village_and_cell


@pytest.fixture
def commune(db: Database) -> dict[str, str]:
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        a = village_and_cell(s)
        b = village_and_cell(s, "Bản Huổi Hẹ", "Chi bộ bản Huổi Hẹ")
        ids = {
            "thanh": admit(
                s,
                a,
                profile("Lò", "Văn", "Thanh", born=date(1980, 1, 1), cccd="014080000001"),
                ceremony=date(2005, 3, 5),
            ),
            "anh": admit(
                s,
                a,
                profile("Quàng", "Thị", "Ánh", sex="F", born=date(1995, 6, 1)),
                ceremony=date(2025, 6, 1),
            ),
            "dang": admit(
                s,
                b,
                profile("Đặng", "Văn", "Đức", born=date(1950, 1, 1), ethnicity="Kinh"),
                ceremony=date(1975, 5, 19),
                consideration=date(1975, 5, 1),
            ),
            "dung": admit(
                s,
                b,
                profile("Giàng", "A", "Dung", born=date(1990, 2, 2), ethnicity="Mông"),
                ceremony=date(2015, 3, 5),
            ),
            "gone": admit(s, b, profile("Vì", "Văn", "Em", born=date(1970, 2, 2)), ceremony=date(2000, 3, 5)),
        }
        for key in ("thanh", "dang", "dung", "gone"):
            ms.recognise_official(s, ms.EventInput(ids[key], date(2016, 3, 5)))
        ms.issue_card(s, ms.EventInput(ids["thanh"], date(2006, 1, 1)), "12345678")
        ms.start_away(s, ms.EventInput(ids["dung"], date(2025, 1, 1), until=date(2025, 12, 31)))
        ms.transfer_out(
            s, ms.EventInput(ids["gone"], date(2025, 1, 1), other_organisation="Đảng bộ phường Chiềng Lề")
        )
        ids["cell_a"], ids["cell_b"] = a, b
    return ids


def test_default_list_is_the_current_register_sorted_by_given_name(
    db: Database, commune: dict[str, str]
) -> None:
    with read_session(db, SYSTEM_ACTOR) as s:
        ids = rg.member_ids(s, rg.RegisterFilter())
        rows = rg.member_rows(s, ids)
    assert [rows[i].name for i in ids] == ["Quàng Thị Ánh", "Giàng A Dung", "Đặng Văn Đức", "Lò Văn Thanh"]


def test_filters_and_counts(db: Database, commune: dict[str, str]) -> None:
    with read_session(db, SYSTEM_ACTOR) as s:
        assert rg.member_ids(s, rg.RegisterFilter(text="duc")) == [commune["dang"]]
        assert rg.member_ids(s, rg.RegisterFilter(text="lo van")) == [commune["thanh"]]
        assert rg.member_ids(s, rg.RegisterFilter(sex="F")) == [commune["anh"]]
        assert rg.member_ids(s, rg.RegisterFilter(ethnicity="Mông")) == [commune["dung"]]
        assert set(rg.member_ids(s, rg.RegisterFilter(cell_id=commune["cell_b"]))) == {
            commune["dang"],
            commune["dung"],
        }
        assert rg.member_ids(s, rg.RegisterFilter(age_band=">=61", on=date(2026, 1, 1))) == [commune["dang"]]
        assert rg.member_ids(s, rg.RegisterFilter(age_band="<=30", on=date(2026, 1, 1))) == [commune["anh"]]
        assert rg.member_ids(s, rg.RegisterFilter(statuses=("transferred_out",))) == [commune["gone"]]
        counts = rg.counts(s, rg.RegisterFilter())
    assert (counts.total, counts.probationary, counts.official, counts.women, counts.away) == (4, 1, 2, 1, 1)


def test_sort_by_allow_listed_columns_only(db: Database, commune: dict[str, str]) -> None:
    with read_session(db, SYSTEM_ACTOR) as s:
        by_birth = rg.member_ids(s, rg.RegisterFilter(), sort="date_of_birth")
        assert by_birth[0] == commune["dang"]
        assert (
            rg.member_ids(s, rg.RegisterFilter(), sort="date_of_birth", descending=True)[0] == commune["anh"]
        )
        with pytest.raises(KeyError):
            rg.member_ids(s, rg.RegisterFilter(), sort="id; DROP TABLE members")


def test_attention_lists(db: Database, commune: dict[str, str]) -> None:
    with read_session(db, SYSTEM_ACTOR) as s:
        expired = rg.expired_leaves(s, date(2026, 1, 15))
        assert [(e.member_id, e.until) for e in expired] == [(commune["dung"], date(2025, 12, 31))]
        badges = rg.badges_due(s, date(2025, 4, 1))
        # Admitted 1975: 50 years of Party age on 01/05/2025, before the 19/5/2025 award day.
        assert [(b.member_id, b.years, b.award_day, b.early) for b in badges] == [
            (commune["dang"], 50, date(2025, 5, 19), False)
        ]
        assert rg.next_award_day(s, date(2026, 2, 4)) == date(2026, 5, 19)
        completeness = rg.completeness(s)
    assert (completeness.total, completeness.missing_cccd, completeness.missing_card) == (4, 3, 3)
    assert completeness.cccd_pct == pytest.approx(25.0)


def test_badge_already_awarded_is_not_listed(db: Database, commune: dict[str, str]) -> None:
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        ms.award_badge(s, ms.EventInput(commune["dang"], date(2025, 5, 19)), 50)
    with read_session(db, SYSTEM_ACTOR) as s:
        assert rg.badges_due(s, date(2025, 4, 1)) == []
        # The next level (55 years, 01/05/2030) is not in the early-award window of the 19/5/2025 award day.
        early = rg.badges_due(s, date(2029, 4, 1))
        assert [(b.years, b.early) for b in early] == [(55, True)]


def _plans(db: Database, call: Callable[[Session], object]) -> list[str]:
    """The query plans SQLite chose for every SELECT `call` sent (captured as sent, then explained)."""
    sent: list[tuple[str, Any]] = []

    def capture(
        _conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any, _many: bool
    ) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            sent.append((statement, parameters))

    event.listen(db.engine, "before_cursor_execute", capture)
    try:
        with read_session(db, SYSTEM_ACTOR) as session:
            call(session)
    finally:
        event.remove(db.engine, "before_cursor_execute", capture)
    plans = []
    with db.engine.connect() as conn:
        for statement, parameters in sent:
            if "FROM members" in statement:
                rows = conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters).fetchall()
                plans.append(" | ".join(str(r[-1]) for r in rows))
    return plans


def test_search_as_you_type_reads_one_covering_index(db: Database, commune: dict[str, str]) -> None:
    """With 100,000 members a keystroke must not visit every table row (0.9 s measured without the
    index, under 0.1 s with it): the list's ids and its counts come from ix_members_search alone."""
    flt = rg.RegisterFilter(text="lo van")
    plans = _plans(db, lambda s: (rg.member_ids(s, flt), rg.counts(s, flt)))
    assert len(plans) == 2
    for plan in plans:
        assert "COVERING INDEX ix_members_search" in plan, plan
