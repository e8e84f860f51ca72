"""Every service that writes a travelling table is in the next package (issue 14, "what to build" 1).

Nothing here trusts the services or the session hook: triggers in the test database log every row
of a travelling table that is inserted, changed (in a travelling field) or deleted, by the ORM or by
a Core statement alike. Every public service is wrapped; around each outermost call the log is
compared with what the export would collect since the change number before the call (`collect`, the
very function the export uses): each row written must be there with its current values, and no row
may disappear. The workload is the demo commune (its organisation, register, meetings and Party work
are written through the services) followed by a tour of the edits the demo does not make. The
writers are found by introspection (the services whose first permission is an editing one), and each
must have been seen writing, or be listed below with the reason it was not."""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from exports import sync as sx
from models.db import Database, read_session, unit_of_work
from models.demo import DemoOptions, demo_anchor, generate_demo
from models.demo_meetings import add_demo_meetings
from models.demo_work import add_demo_work
from models.security import SYSTEM_ACTOR, Permission
from models.services import admission as ad
from models.services import inspection as ins
from models.services import meetings as mt
from models.services import membership as ms
from models.services import organisation as org
from models.services import reports
from models.services import sync as ss
from models.setup import open_app_database
from models.sync_schema import BY_NAME, KINDS, current_change, to_json_value
from tests.builders import admit, profile
from tests.test_roles import run_as, service_functions, service_modules
from tests.test_sync import _enrol, _rows, _unit, make_province

EDITING = {
    Permission.EDIT_REGISTER,
    Permission.EDIT_ORGANISATION,
    Permission.EDIT_MEETINGS,
    Permission.EDIT_SENSITIVE,
    Permission.FINALISE,
}
# Editing services the workload does not call, with the reason. Keep it short and honest.
NOT_EXERCISED: dict[str, str] = {
    "sync.answer_correction": "changes a correction request, local state that never travels",
}


def _install_log(db: Database) -> None:
    with db.engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE test_write_log (tbl TEXT, id TEXT, op TEXT)")
        for kind in KINDS:
            table = kind.name
            changed = " OR ".join(
                f'old."{kind.columns[f]}" IS NOT new."{kind.columns[f]}"' for f in kind.fields
            )
            for op, when, row in (
                ("INSERT", "", "new"),
                ("UPDATE", f"WHEN {changed}", "new"),
                ("DELETE", "", "old"),
            ):
                conn.exec_driver_sql(
                    f'CREATE TRIGGER test_log_{op.lower()}_{table} AFTER {op} ON "{table}" {when} '
                    f"BEGIN INSERT INTO test_write_log VALUES ('{table}', {row}.id, '{op}'); END"
                )


_LOGGED: dict[int, bool] = {}


def _logged(session: Session) -> bool:
    engine = id(session.get_bind())
    if engine not in _LOGGED:
        query = "SELECT 1 FROM sqlite_schema WHERE name = 'test_write_log'"
        _LOGGED[engine] = session.connection().exec_driver_sql(query).first() is not None
    return _LOGGED[engine]


@dataclass
class Watch:
    depth: int = 0
    writes: Counter[str] = field(default_factory=Counter)  # service -> rows written
    calls: Counter[str] = field(default_factory=Counter)
    problems: list[str] = field(default_factory=list)

    def check(self, name: str, session: Session, before: int) -> None:
        connection = session.connection()
        written = connection.exec_driver_sql("SELECT DISTINCT tbl, id, op FROM test_write_log").fetchall()
        if not written:
            return
        actor = session.info["actor"]
        session.info["actor"] = SYSTEM_ACTOR
        try:
            collected = {(r["kind"], r["fields"]["id"]): r["fields"] for r in ss.collect(session, before)}
        finally:
            session.info["actor"] = actor
        for table, record_id, op in written:
            self.writes[name] += 1
            if op == "DELETE":
                self.problems.append(f"{name}: {table} row deleted instead of a tombstone")
                continue
            if (table, record_id) not in collected:
                self.problems.append(f"{name}: {op} of a {table} row is not in the next package")
                continue
            kind = BY_NAME[table]
            columns = [kind.table.c[kind.columns[f]].label(f) for f in kind.fields]
            row = connection.execute(select(*columns).where(kind.table.c.id == record_id)).one()
            stored = {f: to_json_value(v) for f, v in row._mapping.items()}
            if stored != collected[(table, record_id)]:
                self.problems.append(f"{name}: the package holds other values than the {table} row")

    def wrap(self, name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(fn)
        def wrapper(session: Any, *args: Any, **kwargs: Any) -> Any:
            if self.depth or not isinstance(session, Session) or not _logged(session):
                return fn(session, *args, **kwargs)
            session.flush()
            session.connection().exec_driver_sql("DELETE FROM test_write_log")
            before = current_change(session)
            self.depth += 1
            try:
                result = fn(session, *args, **kwargs)
            finally:
                self.depth -= 1
            self.calls[name] += 1
            session.flush()
            self.check(name, session, before)
            return result

        return wrapper


def _watch(monkeypatch: pytest.MonkeyPatch, readers: set[str]) -> Watch:
    """Wrap every public service but the readers (the sync module's record exchange writes through
    Core on purpose and is tested on its own)."""
    watch = Watch()
    by_name = dict(service_functions())
    for module in service_modules():
        short = module.__name__.rsplit(".", 1)[1]
        for name, fn in list(vars(module).items()):
            full = f"{short}.{name}"
            service = by_name.get(full)
            if service is not None and service is fn and short != "sync" and full not in readers:
                monkeypatch.setattr(module, name, watch.wrap(full, service))
    return watch


def _writers(db: Database, monkeypatch: pytest.MonkeyPatch) -> tuple[set[str], set[str]]:
    """(the editing services, the readers): by the first permission each asks for."""
    writers, readers = set(), set()
    for name, fn in service_functions():
        _, asked = run_as(db, SYSTEM_ACTOR, fn, monkeypatch)
        if asked and asked[0] in EDITING:
            writers.add(name)
        elif asked and asked[0] in (Permission.VIEW_REGISTER, Permission.VIEW_SENSITIVE):
            readers.add(name)
    return writers, readers


def test_every_service_write_is_in_the_next_package(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    writers, readers = _writers(db, monkeypatch)
    assert len(writers) >= 50
    watched = _watch(monkeypatch, readers)

    path = tmp_path / "xa.db"
    options = DemoOptions(members=20, seed=7, check_drive=False)

    def create(target: Path, _options: DemoOptions) -> Database:
        made = open_app_database(target, create=True, check_drive=False)
        _install_log(made)
        return made

    generate_demo(path, options, create=create)
    commune = open_app_database(path, check_drive=False)
    province = make_province(tmp_path / "tinh.db")
    try:
        today = demo_anchor(options)
        add_demo_meetings(commune, SYSTEM_ACTOR, seed=7, start=date(today.year, 11, 1), end=today)
        add_demo_work(commune, SYSTEM_ACTOR, seed=7, today=today)
        _tour(commune)
        assert watched.problems == []
        seen = {name for name, rows in watched.writes.items() if rows}
        missing = sorted(writers - seen - set(NOT_EXERCISED))
        assert missing == [], "editing services never seen writing: call them in _tour, or list them"
        assert sorted(set(NOT_EXERCISED) & seen) == [], "stale NOT_EXERCISED entries"

        # And the real thing: the package of everything reaches the province equal, record for record.
        _enrol(commune, province)
        package = sx.export_package(commune, SYSTEM_ACTOR, tmp_path)
        assert package.full
        [result] = sx.import_files(province, SYSTEM_ACTOR, [package.path])
        assert isinstance(result, sx.ImportResult) and result.status == "applied"
        unit = _unit(commune)
        assert _rows(province, unit) == _rows(commune, unit)
    finally:
        commune.close()
        province.close()


def _tour(db: Database) -> None:
    """The edits the demo does not make, each through its service, on members admitted here."""
    from forms.periods import Period
    from forms.quarterly import finalise_report

    with read_session(db, SYSTEM_ACTOR) as s:
        cells = org.list_cells(s, include_closed=False)
        village = org.list_villages(s, include_closed=False)[0]
    cell, other = cells[0].id, cells[1].id
    people: list[str] = []
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        for i in range(9):
            mid = admit(
                s,
                cell,
                profile("Lò", "Văn", "Tua " + "ABCDEGHIK"[i], cccd=f"01408000{i:04d}"),
                ceremony=date(2015, 3, 5),
            )
            if i:
                ms.recognise_official(s, ms.EventInput(mid, date(2016, 3, 5)))
            people.append(mid)
    newest = people[0]
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        ms.recognise_official(s, ms.EventInput(newest, date(2016, 3, 5)))
        ms.update_profile(s, people[1], replace(ms.get_member(s, people[1]).profile, phone="0912345678"))
        ms.set_photo(s, people[1], b"\x89PNG\r\n")
        ms.start_away(s, ms.EventInput(people[2], date(2026, 2, 1), reason="Làm ăn xa"))
        ms.end_away(s, ms.EventInput(people[2], date(2026, 5, 1)))
        ms.start_exemption(s, ms.EventInput(people[3], date(2026, 2, 1), reason="Tuổi cao"))
        ms.end_exemption(s, ms.EventInput(people[3], date(2026, 5, 1)))
        ms.transfer_out(
            s, ms.EventInput(people[4], date(2026, 2, 1), other_organisation="Đảng bộ xã Bên", temporary=True)
        )
        ms.end_temporary_transfer(s, ms.EventInput(people[4], date(2026, 5, 1)))
        ms.move_to_cell(s, ms.EventInput(people[5], date(2026, 3, 1), cell_id=other))
        ms.issue_card(s, ms.EventInput(people[6], date(2016, 4, 1)), "12345678")
        ms.strike_off(s, ms.EventInput(people[7], date(2026, 3, 1), reason="Bỏ sinh hoạt"))
        ms.restore(s, ms.EventInput(people[7], date(2026, 4, 1), decision_no="Hủy QĐ xóa tên"))
        ms.leave_party(s, ms.EventInput(people[8], date(2026, 4, 1)))
        ms.record_death(s, ms.EventInput(people[6], date(2026, 4, 2)))
        ms.expel(s, ms.EventInput(people[2], date(2026, 6, 2), decision_no="9-QĐ/ĐU"))
        ins.discipline(
            s,
            ins.DisciplineInput(
                "khai_tru", date(2026, 6, 1), 1, subject_member_id=people[5], reason="Vi phạm"
            ),
        )

    with unit_of_work(db, SYSTEM_ACTOR) as s:  # a mistyped event voided; an unofficial spelling mapped
        ms.start_away(s, ms.EventInput(people[1], date(2026, 7, 1), reason="Nhập nhầm"))
        mistyped = ms.history(s, people[1])[-1]
        assert mistyped.kind == "away_start"
        ms.void_event(s, mistyped.id, "Nhập nhầm người")
        ms.update_profile(s, people[3], replace(ms.get_member(s, people[3]).profile, ethnicity="Thai"))
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        from models.services import ethnicity

        assert ethnicity.map_values(s, {"Thai": "Thái"}) >= 1

    with unit_of_work(db, SYSTEM_ACTOR) as s:
        org.update_village(s, village.id, org.VillageInput(village.name, households=120))
        current = next(c for c in org.list_cells(s) if c.id == cell)
        org.update_cell(
            s, cell, org.CellInput(current.name, current.kind, current.village_ids, has_committee=True)
        )
        spare = org.add_cell(s, org.CellInput("Chi bộ Tua", "school"))
        org.close_cell(s, spare, date(2026, 6, 30))
        position = org.list_positions(s)[0]
        org.end_position(s, position.id, date(2026, 6, 30))

    with unit_of_work(db, SYSTEM_ACTOR) as s:
        helpers = [people[1], people[3]]
        cid, _ = ad.add_candidate(
            s, ad.CandidateInput("Lò", "Thị", "Mai", "F", date(2000, 5, 5), cell, cccd="014300001234")
        )
        ad.update_candidate(
            s, cid, ad.CandidateInput("Lò", "Thị", "Mai", "F", date(2000, 5, 5), cell, cccd="014300001235")
        )
        ad.record_class(s, cid, date(2025, 1, 6), date(2025, 1, 10), "123/GCN")
        ad.assign_helpers(s, cid, helpers[:2], date(2025, 1, 15))
        ad.record_verification(s, cid, date(2025, 3, 1))
        ad.record_cell_resolution(s, cid, date(2025, 3, 10), "05-NQ/CB", 2, 3)
        ad.record_decision(s, cid, date(2025, 6, 20), "88-QĐ/ĐU")
        ad.record_ceremony(s, cid, date(2025, 7, 1), introducers=("Lò Văn A", "Lò Văn B"))
        dropped, _ = ad.add_candidate(
            s, ad.CandidateInput("Hà", "Văn", "Dừng", "M", date(2001, 5, 5), cell, cccd="014200001236")
        )
        ad.drop_candidate(s, dropped, date(2026, 2, 1), "Chuyển đi nơi khác")

    with unit_of_work(db, SYSTEM_ACTOR) as s:
        planned = mt.save_meeting(
            s, mt.MeetingInput(cell, "regular", "2026-12", planned_date=date(2026, 12, 20))
        )
        mt.delete_meeting(s, planned.id)
        quarter = Period(2026, "Q3")
        reports.save_narrative(
            s, quarter.key, "default-quarterly", "Kết quả.", "Hạn chế.", "Nhiệm vụ.", "Lò Văn Thanh"
        )
        reports.mark_reviewed(s, quarter.key, "default-quarterly")
        finalise_report(s, quarter)
