"""The benchmark's province fixture must be the same data under other ids, or its figures mean nothing:
a cloned commune has its own unit, cells and members, references that stay inside the clone, and the
same quarterly figures as its source."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from exports.demo_province import remap_records
from forms.periods import Period
from forms.quarterly import build_report
from models.db import Database, read_session, unit_of_work
from models.demo_province import clone_unit, count_records
from models.entities import Cell, Member, MemberEvent
from models.security import SYSTEM_ACTOR
from models.services import membership as ms
from models.services.common import own_unit_id
from tests.builders import admit, profile, village_and_cell


def _commune(db: Database) -> str:
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        cell = village_and_cell(s)
        for i, name in enumerate(("An", "Bình", "Chiến")):
            member = admit(s, cell, profile(given=name, born=date(1980 + i, 1, 5)), ceremony=date(2015, 3, 5))
            ms.recognise_official(s, ms.EventInput(member, date(2016, 3, 5)))
        return own_unit_id(s)


def test_clone_is_the_same_commune_under_new_ids(db: Database) -> None:
    unit = _commune(db)
    with read_session(db, SYSTEM_ACTOR) as s:
        members_before, records_before = count_records(s)
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        clone = clone_unit(s, unit, "Đảng bộ xã bản sao")
    with read_session(db, SYSTEM_ACTOR) as s:
        members_after, records_after = count_records(s)
        assert (members_after, records_after) == (2 * members_before, 2 * records_before)
        source_ids = set(s.scalars(select(Member.id).where(Member.owner_unit_id == unit)))
        clone_ids = set(s.scalars(select(Member.id).where(Member.owner_unit_id == clone)))
        assert len(clone_ids) == len(source_ids) == 3
        assert not source_ids & clone_ids
        clone_cells = set(s.scalars(select(Cell.id).where(Cell.owner_unit_id == clone)))
        assert set(s.scalars(select(Member.cell_id).where(Member.owner_unit_id == clone))) <= clone_cells
        assert (
            set(s.scalars(select(MemberEvent.member_id).where(MemberEvent.owner_unit_id == clone)))
            == clone_ids
        )
        period = Period.parse("2025-Q4")
        source = build_report(s, period, unit_ids=[unit]).values["members.total"].value
        cloned = build_report(s, period, unit_ids=[clone]).values["members.total"].value
        assert source == cloned == 3


def test_replica_records_keep_their_references_under_new_ids() -> None:
    unit, cell, member = "u-1", "c-1", "m-1"
    records = [
        {"kind": "units", "fields": {"id": unit, "owner_unit_id": unit, "name": "Xã A"}},
        {"kind": "cells", "fields": {"id": cell, "owner_unit_id": unit, "successor_id": None}},
        {
            "kind": "members",
            "fields": {"id": member, "owner_unit_id": unit, "cell_id": cell, "note": "Lò Văn An"},
        },
    ]
    first, first_unit = remap_records(records, 5)
    again, again_unit = remap_records(records, 5)
    _other, other_unit = remap_records(records, 6)
    assert first == again and first_unit == again_unit  # a rerun builds the same fixture
    assert first_unit != unit and other_unit not in (unit, first_unit)
    unit_row, cell_row, member_row = (r["fields"] for r in first)
    assert unit_row["id"] == unit_row["owner_unit_id"] == first_unit
    assert member_row["cell_id"] == cell_row["id"] != cell
    assert member_row["owner_unit_id"] == first_unit
    assert member_row["note"] == "Lò Văn An" and cell_row["successor_id"] is None
