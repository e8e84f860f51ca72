"""Child process of the kill harness (tests/test_crash_harness.py).

Run as a script it is a *zygote*: it imports the app once, prints READY, then for every line
`run <db> <seed> [imports]` on stdin forks a worker (`imports`: half of its operations are imports), prints `PID <pid>`, waits for it and prints `DONE <status>`.
The worker performs random real operations through the services, each one user action in one
transaction, and writes `BEGIN <json>` before and `ACK` after every commit (`FAIL` when a service
refused it, which rolls back). One of them is the Excel member import exactly as the CLI and the
wizard run it (`exports.member_import`: a small generated workbook is read and previewed, then
`import_members` takes its verified backup and creates every row in one transaction, all or nothing).
The parent SIGKILLs workers at random moments and checks the database.

`fileset <op> <folder> <step>` runs one file-set operation (backup with its key, restore, encrypt-db,
the package export's commit, an Excel register) on a run folder and, with a step name, dies by its own
SIGKILL at that step (`DUX_CRASH_AT`, exports.fileset.crash_point); `-` runs it to the end.

Operations and the expected state are described by names (tokens unique per run), so the parent can
replay acknowledged operations without knowing the ids the services generate. The state is
`{"villages": {name: status}, "cells": {name: status}, "members": {given: cell}, "meetings": {place:
[cell, attendance rows]}}`. The worker prints `OPEN` once the database is open (the parent times the
kill from there)."""

from __future__ import annotations

import json
import os
import random
import sys
from datetime import date
from pathlib import Path
from typing import Any

if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import openpyxl
from sqlalchemy import func, select

from exports import backup as bk
from exports import keyring
from exports import member_import as mi
from exports import sync as sx
from exports.documents import document_sheets, save_xlsx
from forms.register import member_register
from models import audit
from models.db import Database, open_database, read_session, unit_of_work
from models.entities import Cell, Member, MemberEvent, Village
from models.entities_meetings import Meeting, MeetingAttendance
from models.errors import DomainError
from models.security import SYSTEM_ACTOR
from models.services import meetings as mt
from models.services import membership as ms
from models.services import organisation as org
from tests.builders import MEMBER_LIST_HEADERS

State = dict[str, dict[str, Any]]
LETTERS = "abcdeghiklmnopqrstuvxy"


def read_state(db: Database) -> State:
    """The harness's view of the database, by names."""
    with db.sessions() as session:
        cells = {c.id: c for c in session.scalars(select(Cell))}
        villages = {v.name: ("closed" if v.valid_to else "active") for v in session.scalars(select(Village))}
        members = {
            m.given_name: cells[m.cell_id].name if m.cell_id else ""
            for m in session.scalars(select(Member).where(~Member.deleted))
        }
        counts = dict(
            session.execute(
                select(MeetingAttendance.meeting_id, func.count()).group_by(MeetingAttendance.meeting_id)
            ).all()
        )
        meetings = {
            m.place: [cells[m.cell_id].name, counts.get(m.id, 0)] for m in session.scalars(select(Meeting))
        }
        state: State = {
            "villages": villages,
            "cells": {c.name: c.status for c in cells.values()},
            "members": members,
            "meetings": meetings,
        }
        session.rollback()
    return state


def invariants(db: Database) -> list[str]:
    """Facts that hold after every complete transaction; a half-applied one breaks at least one."""
    problems = []
    with db.sessions() as session:
        stranded = session.scalar(
            select(func.count())
            .select_from(Member)
            .join(Cell, Cell.id == Member.cell_id)
            .where(Cell.status != "active", Member.counted, ~Member.deleted)
        )
        if stranded:
            problems.append(f"{stranded} members left in closed cells")
        eventless = session.scalar(
            select(func.count())
            .select_from(Member)
            .where(~select(MemberEvent.id).where(MemberEvent.member_id == Member.id).exists())
        )
        if eventless:
            problems.append(f"{eventless} members without their admission event")
        empty = session.scalar(
            select(func.count())
            .select_from(Meeting)
            .where(~select(MeetingAttendance.id).where(MeetingAttendance.meeting_id == Meeting.id).exists())
        )
        if empty:
            problems.append(f"{empty} meetings without attendance")
        session.rollback()
    return problems


def audit_ok(db: Database) -> bool:
    with db.sessions() as session:
        report = audit.verify(session)
        session.rollback()
    return report.ok


def apply_op(state: State, op: dict[str, Any]) -> State:
    """The expected state after `op` (pure; mirrors the services' effect by names)."""
    new: State = {k: dict(v) for k, v in state.items()}
    kind = op["op"]
    if kind == "village":
        new["villages"][op["name"]] = "active"
    elif kind == "rename":
        del new["villages"][op["old"]]
        new["villages"][op["name"]] = "active"
    elif kind == "cell":
        new["villages"][op["village"]] = "active"
        new["cells"][op["name"]] = "active"
    elif kind in ("admit", "import"):
        for given in op["given"]:
            new["members"][given] = op["cell"]
    elif kind == "move":
        new["members"][op["given"]] = op["cell"]
    elif kind == "close":
        new["cells"][op["cell"]] = "merged"
        for given, cell in state["members"].items():
            if cell == op["cell"]:
                new["members"][given] = op["successor"]
    elif kind == "meeting":
        new["meetings"][op["place"]] = [op["cell"], op["rows"]]
    return new


# ---------------------------------------------------------------- the worker


def _say(line: str) -> None:
    os.write(1, (line + "\n").encode())


class Worker:
    def __init__(self, db: Database, rng: random.Random, imports: bool = False) -> None:
        self.db, self.rng, self.imports = db, rng, imports
        self.counter = rng.randrange(1 << 30)

    def token(self) -> str:
        self.counter += 1
        n, out = self.counter, ""
        while n:
            n, r = divmod(n, len(LETTERS))
            out += LETTERS[r]
        return out

    def ids(self) -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
        with self.db.sessions() as s:
            cells = {c.name: c.id for c in s.scalars(select(Cell).where(Cell.status == "active"))}
            villages = {v.name: v.id for v in s.scalars(select(Village).where(Village.valid_to.is_(None)))}
            members = {
                m.given_name: m.id
                for m in s.scalars(select(Member).where(~Member.deleted, Member.cell_id.in_(cells.values())))
            }
            s.rollback()
        return cells, villages, members

    def step(self) -> None:
        cells, villages, members = self.ids()
        rng = self.rng
        choices = ["village", "cell", "admit", "admit", "import", "import", "move", "meeting", "rename"]
        if len(cells) >= 3:
            choices.append("close")
        if self.imports:  # a run the parent means to kill in the middle of an import
            choices += ["import"] * len(choices)
        kind = rng.choice(choices)
        if kind in ("move",) and (len(cells) < 2 or not members):
            kind = "admit"
        if kind == "rename" and not villages:
            kind = "village"
        op: dict[str, Any] = {"op": kind}
        if kind == "village":
            op["name"] = f"Bản {self.token().capitalize()}"
        elif kind == "rename":
            op["old"] = rng.choice(sorted(villages))
            op["name"] = f"Bản {self.token().capitalize()}"
        elif kind == "cell":
            token = self.token().capitalize()
            op["village"], op["name"] = f"Bản {token}", f"Chi bộ bản {token}"
        elif kind in ("admit", "import"):
            op["cell"] = rng.choice(sorted(cells))
            op["given"] = [self.token().capitalize() for _ in range(rng.randint(1, 4) + (kind == "import"))]
        elif kind == "move":
            op["given"] = rng.choice(sorted(members))
            with self.db.sessions() as s:
                current = s.get(Member, members[op["given"]])
                assert current is not None
                here = current.cell_id
                s.rollback()
            op["cell"] = rng.choice(sorted(n for n, i in cells.items() if i != here))
        elif kind == "close":
            op["cell"], op["successor"] = rng.sample(sorted(cells), 2)
        elif kind == "meeting":
            op["cell"] = rng.choice(sorted(cells))
            op["place"] = f"Nhà văn hóa {self.token()}"
        if kind == "import":
            self.import_members(op)
            return
        _say("BEGIN " + json.dumps(op, ensure_ascii=False))
        try:
            with unit_of_work(self.db, SYSTEM_ACTOR) as session:
                self.run(session, op, cells, villages, members)
                if kind == "meeting" and op.get("rows", 0) == 0:
                    raise _Skip
        except (DomainError, _Skip):
            _say("FAIL")
            return
        _say("ACK " + json.dumps(op.get("rows", 0)))

    def import_members(self, op: dict[str, Any]) -> None:
        """A clerk's Excel import: the workbook is written and previewed first (nothing changes yet),
        then `import_members` backs up and creates every row in one transaction."""
        folder = self.db.path.parent / "imports"
        folder.mkdir(exist_ok=True)
        path = folder / f"ds-{op['given'][0]}.xlsx"
        wb = openpyxl.Workbook()
        ws = wb.active
        assert ws is not None
        ws.append(MEMBER_LIST_HEADERS)
        for n, given in enumerate(op["given"], start=1):
            ws.append(
                [n, f"Lò Văn {given}", "Nam", "12/04/1985", "Thái", op["cell"], "05/03/2010", "05/03/2011"]
            )
        wb.save(path)
        table = mi.read_table(path)
        with read_session(self.db, SYSTEM_ACTOR) as session:
            preview = mi.preview(session, table, mi.suggest_mapping(table.headers))
        op["rows"] = len(preview.valid)
        _say("BEGIN " + json.dumps(op, ensure_ascii=False))
        if preview.invalid:
            _say("FAIL")
            return
        try:
            mi.import_members(
                self.db, SYSTEM_ACTOR, preview.valid, backup_folder=self.db.path.parent / "sao-luu"
            )
        except DomainError:
            _say("FAIL")
            return
        finally:
            path.unlink()
        _say("ACK " + json.dumps(op["rows"]))

    def run(
        self,
        session: Any,
        op: dict[str, Any],
        cells: dict[str, str],
        villages: dict[str, str],
        members: dict[str, str],
    ) -> None:
        kind = op["op"]
        if kind == "village":
            org.add_village(session, org.VillageInput(name=op["name"]))
        elif kind == "rename":
            org.update_village(session, villages[op["old"]], org.VillageInput(name=op["name"]))
        elif kind == "cell":
            village_id = org.add_village(session, org.VillageInput(name=op["village"]))
            org.add_cell(session, org.CellInput(name=op["name"], kind="village", village_ids=(village_id,)))
        elif kind == "admit":  # several members in one transaction, like an import
            for given in op["given"]:
                ms.admit(
                    session,
                    ms.Admit(
                        profile=ms.Profile(
                            family_name="Lò",
                            middle_name="Văn",
                            given_name=given,
                            sex="M",
                            date_of_birth=date(1985, 4, 12),
                            ethnicity="Thái",
                            general_education="12/12",
                            occupation="farmer",
                        ),
                        cell_id=cells[op["cell"]],
                        consideration_date=date(2020, 3, 1),
                        decision_date=date(2020, 3, 1),
                        decision_no="123-QĐ/ĐU",
                        ceremony_date=date(2020, 3, 5),
                        introducers=("Lường Văn Hùng", "Cầm Thị Lan"),
                    ),
                )
        elif kind == "move":
            ms.move_to_cell(
                session, ms.EventInput(members[op["given"]], date(2025, 1, 2), cell_id=cells[op["cell"]])
            )
        elif kind == "close":
            org.close_cell(session, cells[op["cell"]], date(2025, 6, 30), cells[op["successor"]])
        elif kind == "meeting":
            cell_id = cells[op["cell"]]
            held = date(2026, 2, 3)
            roster = mt.roster(session, cell_id, held)
            op["rows"] = len(roster)
            if roster:
                mt.save_meeting(
                    session,
                    mt.MeetingInput(
                        cell_id=cell_id,
                        kind="regular",
                        month="2026-02",
                        held_date=held,
                        start_time="19:30",
                        end_time="21:30",
                        place=op["place"],
                        chair_name="Lò Văn An",
                        secretary_name="Lò Văn Bình",
                        attendance={r.member_id: ("present", "") for r in roster},
                    ),
                )


class _Skip(Exception):
    pass


def work(db_path: str, seed: int, imports: bool) -> None:
    rng = random.Random(seed)
    db = open_database(Path(db_path), check_drive=False)
    _say("OPEN")  # the parent's random delay before the kill starts here, so a busy machine still works
    worker = Worker(db, rng, imports)
    for _ in range(10_000):
        worker.step()
    db.close()


# ---------------------------------------------------------------- file sets (issue 16)

# The encrypted commune of the file-set runs: its administrator and password (a cheap key derivation
# in the harness, set by `cheap_kdf`, so that a run costs milliseconds, not Argon2's half second).
FILESET_LOGIN = "quantri"
FILESET_PASSWORD = "mật khẩu dài 2026"
FILESET_OPS = ("backup", "restore", "encrypt", "export", "register")


def cheap_kdf() -> None:
    from models import auth

    auth.CURRENT_KDF = auth.KdfParams(64, 1, 1)


def fileset_op(op: str, run: Path) -> None:
    """One operation on the files of a run folder (see tests/test_crash_harness.py `_pristine`),
    exactly as the commands run it. `DUX_CRASH_AT` (set by the zygote) names the step to die at."""
    cheap_kdf()
    db_path = run / "xa.db"
    if op == "encrypt":
        _say("OPEN")
        keyring.encrypt_plain_database(run / "plain.db", FILESET_LOGIN, FILESET_PASSWORD)
        return
    if op == "restore":
        key = keyring.key_for(db_path, FILESET_LOGIN, FILESET_PASSWORD)
        assert key is not None
        backup = bk.list_backups(bk.default_folder(db_path), "xa")[-1].path  # the oldest: a real change
        _say("OPEN")
        result = bk.restore_backup(backup, db_path, key=key)
        with keyring.unlock(db_path, FILESET_LOGIN, FILESET_PASSWORD, check_drive=False) as unlocked:
            bk.log_restore(unlocked.db, unlocked.actor, result)
        return
    with keyring.unlock(db_path, FILESET_LOGIN, FILESET_PASSWORD, check_drive=False) as unlocked:
        _say("OPEN")
        if op == "backup":
            info = bk.backup_database(unlocked.db, run / "usb", reason="manual")
            bk.log_backup(unlocked.db, unlocked.actor, info)
        elif op == "export":
            sx.export_package(unlocked.db, unlocked.actor, run / "stick")
        elif op == "register":
            with read_session(unlocked.db, unlocked.actor) as session:
                sheet = member_register(session)
            save_xlsx(document_sheets(sheet.document, "Sổ danh sách"), run / "out" / "ds.xlsx")
        else:
            msg = f"unknown file-set operation {op}"
            raise ValueError(msg)


def _fileset_child(op: str, run: str, step: str) -> None:
    import tempfile

    os.environ["DUX_DATA_DIR"] = str(Path(run) / "data")
    os.environ["TMPDIR"] = str(Path(run) / "systemp")  # the system temp folder, scanned afterwards
    tempfile.tempdir = None
    if step != "-":
        os.environ["DUX_CRASH_AT"] = step
    fileset_op(op, Path(run))


def zygote() -> None:
    _say("READY")
    for line in sys.stdin:
        parts = line.split()
        if not parts or parts[0] not in ("run", "fileset"):
            break
        pid = os.fork()
        if pid == 0:  # the worker
            code = 0
            try:
                if parts[0] == "fileset":
                    _fileset_child(parts[1], parts[2], parts[3])
                else:
                    work(parts[1], int(parts[2]), parts[3:] == ["imports"])
            except BaseException as exc:  # report; exit without atexit hooks
                _say(f"ERROR {type(exc).__name__}: {exc}")
                code = 1
            os._exit(code)
        _say(f"PID {pid}")
        _, status = os.waitpid(pid, 0)
        _say(f"DONE {status}")


if __name__ == "__main__":
    zygote()
