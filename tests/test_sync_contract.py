"""The sync contract (issue 14): what a commune changes reaches the upper level by construction. Each
test is one situation seen in use — a held meeting corrected after it was sent, clocks that are wrong,
a backup restored at the commune — with the exact outcome at the province."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from exports import backup
from exports import sync as sx
from forms.consolidated import consolidate
from forms.periods import Period
from forms.quarterly import build_report
from models.db import Database, read_session, unit_of_work
from models.entities import Village
from models.entities_meetings import AgendaItem, Meeting, MeetingAttendance, MeetingTask, MeetingVote
from models.security import SYSTEM_ACTOR
from models.services import meetings as mt
from models.services import membership as ms
from models.services import organisation as org
from models.services import sync as ss
from models.setup import open_app_database
from models.sync_schema import TravellingDeleteError
from tests.builders import admit, profile
from tests.conftest import UNIT
from tests.test_sync import _enrol, _rows, _unit, fill_commune, make_province, skewed_clock

PERIOD = Period(2026, "Q4")


def _figures(db: Database, unit: str | None = None) -> dict[str, Any]:
    with read_session(db, SYSTEM_ACTOR) as s:
        if unit is None:
            return build_report(s, PERIOD).figures()
        return consolidate(s, PERIOD).by_commune[unit].figures()


def _trip(commune: Database, province: Database, folder: Path) -> list[Any]:
    """One export, its import and the acknowledgment back."""
    package = sx.export_package(commune, SYSTEM_ACTOR, folder)
    results = sx.import_files(province, SYSTEM_ACTOR, [package.path])
    sx.import_ack(commune, SYSTEM_ACTOR, sx.write_ack(province, SYSTEM_ACTOR, _unit(commune), folder))
    return results


def _statuses(results: list[Any]) -> list[str]:
    return [r.status if isinstance(r, sx.ImportResult) else f"refused:{r.reason}" for r in results]


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[tuple[Database, Database]]:
    commune = open_app_database(tmp_path / "xa.db", create=True, check_drive=False)
    with unit_of_work(commune, SYSTEM_ACTOR) as s:
        org.setup_unit(s, UNIT)
    fill_commune(commune)
    province = make_province(tmp_path / "tinh.db")
    _enrol(commune, province)
    try:
        yield commune, province
    finally:
        commune.close()
        province.close()


def _held_meeting(cell: str, members: list[str], **changes: Any) -> mt.MeetingInput:
    base = mt.MeetingInput(
        cell,
        "regular",
        "2026-10",
        held_date=date(2026, 10, 6),
        start_time="19:30",
        end_time="21:30",
        place="Nhà văn hóa bản",
        chair_name="Lò Văn Thanh",
        secretary_name="Cầm Thị Hoa",
        attendance={members[0]: ("absent_excused", "Ốm")},
        agenda=(mt.AgendaInput("Kiểm điểm nghị quyết tháng 9"), mt.AgendaInput("Phát triển đảng viên")),
        tasks=(mt.TaskInput("Rà soát hộ nghèo", "Tổ 1"), mt.TaskInput("Sửa đường bản", "Tổ 2")),
        votes=(mt.VoteInput("Thông qua nghị quyết", 4),),
    )
    return replace(base, **changes)


def _children(db: Database, meeting_id: str) -> dict[str, list[tuple[Any, ...]]]:
    with read_session(db, SYSTEM_ACTOR) as s:
        return {
            "attendance": sorted(
                (a.member_id, a.status, a.deleted)
                for a in s.scalars(
                    select(MeetingAttendance).where(MeetingAttendance.meeting_id == meeting_id)
                )
            ),
            "agenda": sorted(
                (a.seq, a.title, a.deleted)
                for a in s.scalars(select(AgendaItem).where(AgendaItem.meeting_id == meeting_id))
            ),
            "tasks": sorted(
                (t.seq, t.text, t.deleted)
                for t in s.scalars(select(MeetingTask).where(MeetingTask.meeting_id == meeting_id))
            ),
            "votes": sorted(
                (v.seq, v.subject, v.votes_for, v.deleted)
                for v in s.scalars(select(MeetingVote).where(MeetingVote.meeting_id == meeting_id))
            ),
        }


def test_correcting_a_held_meeting_already_sent_travels_as_changes_of_the_same_rows(
    pair: tuple[Database, Database], tmp_path: Path
) -> None:
    """Seen: a correction of the attendance of a meeting already sent made the province's next import
    fail on UNIQUE meeting_attendance(meeting_id, member_id), and agenda items, tasks and votes would
    have been duplicated. Now the rows keep their ids: the correction arrives as changes, a dropped
    item as a tombstone, and the province's rows and figures equal the commune's."""
    commune, province = pair
    unit = _unit(commune)
    with read_session(commune, SYSTEM_ACTOR) as s:
        cell = org.list_cells(s)[0].id
        members = sorted(m.id for m in ss.search_all_units(s, ""))
    with unit_of_work(commune, SYSTEM_ACTOR) as s:
        meeting = mt.save_meeting(s, _held_meeting(cell, members)).id
    assert _statuses(_trip(commune, province, tmp_path)) == ["applied"]
    ids_before = _rows(commune, unit)["meeting_attendance"]

    with unit_of_work(commune, SYSTEM_ACTOR) as s:
        row = s.get(Meeting, meeting)
        assert row is not None
        revision = row.revision
        mt.save_meeting(
            s,
            _held_meeting(
                cell,
                members,
                attendance={members[0]: ("present", ""), members[1]: ("absent_unexcused", "")},
                agenda=(mt.AgendaInput("Kiểm điểm nghị quyết tháng 9 (sửa)"),),
                tasks=(mt.TaskInput("Rà soát hộ nghèo", "Tổ 3"),),
                votes=(mt.VoteInput("Thông qua nghị quyết", 3, 1), mt.VoteInput("Bầu tổ trưởng", 4)),
            ),
            meeting,
            revision,
        )
    package = sx.export_package(commune, SYSTEM_ACTOR, tmp_path)
    assert not package.full
    staged = sx.inspect_package(province, SYSTEM_ACTOR, package.path)
    assert staged.preview is not None
    counts = staged.preview.counts()
    assert counts["meeting_attendance"] == {
        "new": 0,
        "changed": 2,
        "unchanged": 0,
        "deleted": 0,
        "rejected": 0,
    }
    assert counts["meeting_agenda"] == {"new": 0, "changed": 1, "unchanged": 0, "deleted": 1, "rejected": 0}
    assert counts["meeting_tasks"] == {"new": 0, "changed": 1, "unchanged": 0, "deleted": 1, "rejected": 0}
    assert counts["meeting_votes"] == {"new": 1, "changed": 1, "unchanged": 0, "deleted": 0, "rejected": 0}
    assert _statuses(sx.apply_package(province, SYSTEM_ACTOR, staged)) == ["applied"]
    assert [r[0] for r in _rows(commune, unit)["meeting_attendance"]] == [r[0] for r in ids_before]
    assert _rows(province, unit) == _rows(commune, unit)
    assert _children(province, meeting) == _children(commune, meeting)
    assert _children(commune, meeting)["agenda"] == [
        (1, "Kiểm điểm nghị quyết tháng 9 (sửa)", False),
        (2, "Phát triển đảng viên", True),
    ]
    with read_session(province, SYSTEM_ACTOR) as s:
        view = mt.get_meeting(s, meeting)
    assert [a.title for a in view.agenda] == ["Kiểm điểm nghị quyết tháng 9 (sửa)"]
    assert [v.subject for v in view.votes] == ["Thông qua nghị quyết", "Bầu tổ trưởng"]
    assert _figures(province, unit) == _figures(commune)

    # An item added back in the dropped place brings the same row back; nothing is ever duplicated.
    with unit_of_work(commune, SYSTEM_ACTOR) as s:
        mt.save_meeting(s, _held_meeting(cell, members), meeting)
    assert _statuses(_trip(commune, province, tmp_path)) == ["applied"]
    assert _rows(province, unit) == _rows(commune, unit)
    assert len(_children(province, meeting)["agenda"]) == 2


def test_a_hard_delete_of_a_travelling_row_is_refused(pair: tuple[Database, Database]) -> None:
    commune, _ = pair
    with pytest.raises(TravellingDeleteError), unit_of_work(commune, SYSTEM_ACTOR) as s:
        s.delete(s.scalars(select(Village)).first())
        s.flush()
    with read_session(commune, SYSTEM_ACTOR) as s:
        assert len(org.list_villages(s)) == 1


def test_wrong_clocks_hide_nothing(pair: tuple[Database, Database], tmp_path: Path) -> None:
    """Seen: a laptop 3 days behind exported 0 records after an edit; one export made with the clock
    30 days ahead hid later edits until the clock passed that date. The change number decides."""
    commune, province = pair
    unit = _unit(commune)
    assert _statuses(_trip(commune, province, tmp_path)) == ["applied"]
    with skewed_clock(timedelta(days=-3)):
        with unit_of_work(commune, SYSTEM_ACTOR) as s:
            org.add_village(s, org.VillageInput("Bản Chậm Giờ"))
        behind = sx.export_package(commune, SYSTEM_ACTOR, tmp_path)
    assert (behind.full, behind.records) == (False, 1)
    assert _statuses(sx.import_files(province, SYSTEM_ACTOR, [behind.path])) == ["applied"]
    with skewed_clock(timedelta(days=30)):
        with unit_of_work(commune, SYSTEM_ACTOR) as s:
            org.add_village(s, org.VillageInput("Bản Nhanh Giờ"))
        ahead = sx.export_package(commune, SYSTEM_ACTOR, tmp_path)
        assert _statuses(sx.import_files(province, SYSTEM_ACTOR, [ahead.path])) == ["applied"]
        sx.import_ack(commune, SYSTEM_ACTOR, sx.write_ack(province, SYSTEM_ACTOR, unit, tmp_path))
    with unit_of_work(commune, SYSTEM_ACTOR) as s:  # the clock put right: later edits still travel
        org.add_village(s, org.VillageInput("Bản Đúng Giờ"))
    later = sx.export_package(commune, SYSTEM_ACTOR, tmp_path)
    assert (later.full, later.records) == (False, 1)
    assert _statuses(sx.import_files(province, SYSTEM_ACTOR, [later.path])) == ["applied"]
    assert _rows(province, unit) == _rows(commune, unit)


def test_restoring_an_older_backup_at_the_commune_re_baselines_the_province(
    pair: tuple[Database, Database], tmp_path: Path
) -> None:
    """Seen: after a restore at the commune the province kept records sent after the backup (a
    struck-off event, a newer revision, members the commune no longer has), the first edit after the
    restore reused a revision number and was dropped as unchanged, and a person entered again was
    counted twice. Now the next package is a full snapshot under a new incarnation that replaces the
    commune's data at the province, retractions shown in the preview."""
    commune, province = pair
    unit = _unit(commune)
    assert _statuses(_trip(commune, province, tmp_path)) == ["applied"]
    with read_session(commune, SYSTEM_ACTOR) as s:
        cell = org.list_cells(s)[0].id
        members = {m.cccd: m.id for m in ss.search_all_units(s, "")}
    saved = backup.backup_database(commune, tmp_path / "sao-luu", reason="manual")

    # After the backup: three members admitted, one struck off, one edited; all sent and applied.
    new_people = [("Vì", "Văn", "Sáng", "014080006661"), ("Hà", "Thị", "Lan", "014190006662")]
    new_people.append(("Lò", "Văn", "Kiên", "014080006663"))
    with unit_of_work(commune, SYSTEM_ACTOR) as s:
        for family, middle, given, cccd in new_people:
            admit(s, cell, profile(family, middle, given, cccd=cccd), ceremony=date(2026, 6, 1))
        ms.strike_off(s, ms.EventInput(members["014070005555"], date(2026, 9, 1), reason="Bỏ sinh hoạt"))
        ms.update_profile(
            s,
            members["014090003333"],
            replace(ms.get_member(s, members["014090003333"]).profile, phone="0912000001"),
        )
    assert _statuses(_trip(commune, province, tmp_path)) == ["applied"]
    with read_session(province, SYSTEM_ACTOR) as s:
        assert len(ss.search_all_units(s, "")) == 8

    commune.close()
    restored = backup.restore_backup(saved.path, commune.path, key=None, folder=tmp_path / "sao-luu")
    assert restored.incarnation_id
    commune = open_app_database(commune.path, check_drive=False)
    try:
        # The first edit after the restore: the same member, the same revision number as one sent.
        with unit_of_work(commune, SYSTEM_ACTOR) as s:
            ms.update_profile(
                s,
                members["014090003333"],
                replace(ms.get_member(s, members["014090003333"]).profile, phone="0912000002"),
            )
            admit(s, cell, profile("Vì", "Văn", "Sáng", cccd="014080006661"), ceremony=date(2026, 6, 1))
        package = sx.export_package(commune, SYSTEM_ACTOR, tmp_path)
        assert package.full
        staged = sx.inspect_package(province, SYSTEM_ACTOR, package.path)
        assert staged.preview is not None
        # Retracted: the three members sent after the backup (one is entered again under a new id),
        # their admission events, and the strike-off event.
        assert staged.message == (
            "Gói đầy đủ thay thế dữ liệu của đơn vị gửi: 7 bản ghi đang có ở đây mà đơn vị gửi không còn "
            "sẽ bị gỡ."
        )
        retracted = {k: v.retracted for k, v in staged.preview.kinds.items() if v.retracted}
        assert retracted == {"members": 3, "member_events": 4}
        assert staged.preview.kinds["members"].new == 1
        assert staged.preview.kinds["members"].changed == 2  # the edit after the restore; the struck-off one
        [result] = sx.apply_package(province, SYSTEM_ACTOR, staged)
        assert result.status == "applied"
        assert "gỡ 7 bản ghi không còn ở đơn vị gửi" in result.message
        assert _rows(province, unit) == _rows(commune, unit)
        with read_session(province, SYSTEM_ACTOR) as s:
            assert len(ss.search_all_units(s, "")) == 6
        assert _figures(province, unit) == _figures(commune)

        # After the snapshot, ordinary incremental packages again; the old incarnation is over.
        sx.import_ack(commune, SYSTEM_ACTOR, sx.write_ack(province, SYSTEM_ACTOR, unit, tmp_path))
        with unit_of_work(commune, SYSTEM_ACTOR) as s:
            org.add_village(s, org.VillageInput("Bản sau phục hồi"))
        nxt = sx.export_package(commune, SYSTEM_ACTOR, tmp_path)
        assert (nxt.full, nxt.records) == (False, 1)
        assert _statuses(sx.import_files(province, SYSTEM_ACTOR, [nxt.path])) == ["applied"]
        assert _rows(province, unit) == _rows(commune, unit)
    finally:
        commune.close()


def test_a_meeting_saved_before_stable_ids_is_corrected_in_place(pair: tuple[Database, Database]) -> None:
    """Rows written before this version have random ids: a correction finds them by member and by
    position, changes them in place, and never adds a second row for the same place."""
    commune, _ = pair
    with read_session(commune, SYSTEM_ACTOR) as s:
        cell = org.list_cells(s)[0].id
        members = sorted(m.id for m in ss.search_all_units(s, ""))
    with unit_of_work(commune, SYSTEM_ACTOR) as s:
        meeting = mt.save_meeting(s, _held_meeting(cell, members)).id
    with commune.engine.begin() as conn:  # what an older version left: random ids
        for table in ("meeting_attendance", "meeting_agenda", "meeting_tasks", "meeting_votes"):
            conn.exec_driver_sql(
                f"UPDATE {table} SET id = lower(hex(randomblob(16))) WHERE meeting_id = ?",
                (meeting,),
            )
    before = _rows(commune, _unit(commune))
    with unit_of_work(commune, SYSTEM_ACTOR) as s:
        mt.save_meeting(s, _held_meeting(cell, members, attendance={}), meeting)
    after = _rows(commune, _unit(commune))
    for table in ("meeting_attendance", "meeting_agenda", "meeting_tasks", "meeting_votes"):
        assert sorted(r[0] for r in after[table]) == sorted(r[0] for r in before[table]), table
    assert _children(commune, meeting)["attendance"][0][1:] == ("present", False)
