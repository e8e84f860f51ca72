"""Kill harness: a child process performs random real operations through the services (villages,
cells, batch admissions, moves, merging cells — which moves every member —, meetings with attendance,
Excel member imports with their backup) and acknowledges each committed transaction; the parent
SIGKILLs it at random moments. After every kill the database must open (quick_check), pass
`integrity_check` and `foreign_key_check`, hold every acknowledged change, and show no half-applied
multi-row operation: an acknowledged import has all its rows, one killed in flight has none or all.

Files that belong together (issue 16) are killed deterministically: backup with its key file, restore,
encrypt-db, the package export's commit and an Excel register each run in a forked worker that dies by
its own SIGKILL at every step boundary in turn (`DUX_CRASH_AT`, exports.fileset.crash_point), and at
random moments (`--kills` above the default adds (kills - 50) / 2 such runs). After each kill the next
start must open the database with its key file, verify the audit chain, leave no package on the stick
the database does not know (the upper level imports every one in order), remove every temporary file
of the app, and the system temp folder must hold no member's name.

The counts are printed at the end of the run (`report_line`, shown by `make test` and `make soak`).

`pytest tests/test_crash_harness.py --kills=1000 -s` (make soak) runs the long version.

What SIGKILL proves: SQLite's transactions survive the process dying at any instruction. It does not
drop the operating system's page cache, so a power cut is covered by `synchronous=FULL` and the
fsyncs, not by this test."""

from __future__ import annotations

import json
import os
import random
import select
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import IO, Any

import pytest

from models.db import Database, open_database, read_session, unit_of_work
from models.errors import Conflict, StorageError
from models.security import SYSTEM_ACTOR, Role
from models.services import organisation as org
from models.setup import open_app_database
from tests import builders
from tests.conftest import UNIT, report_line
from tests.crash_child import State, apply_op, audit_ok, invariants, read_state

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="fork and SIGKILL are POSIX")

ROOT = Path(__file__).resolve().parents[1]
CHILD = Path(__file__).with_name("crash_child.py")
MAX_DELAY = 0.3  # seconds, uniformly random, after 0-3 finished operations, before the kill
IMPORT_DELAY = 0.5  # every third run: seconds after an import began (its backup takes a good part)


class Zygote:
    """The child script, imported once; forks one worker per run."""

    def __init__(self) -> None:
        env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONDONTWRITEBYTECODE="1")
        self.proc = subprocess.Popen(
            [sys.executable, str(CHILD)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            cwd=ROOT,
            env=env,
        )
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.stdin: IO[bytes] = self.proc.stdin
        self.fd = self.proc.stdout.fileno()
        self.buffer = b""
        assert self.line(30.0) == "READY"

    def line(self, timeout: float) -> str | None:
        deadline = time.monotonic() + timeout
        while b"\n" not in self.buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self.fd], [], [], left)[0]:
                return None
            chunk = os.read(self.fd, 65536)
            if not chunk:
                msg = "the harness child exited"
                raise RuntimeError(msg)
            self.buffer += chunk
        raw, self.buffer = self.buffer.split(b"\n", 1)
        return raw.decode()

    def run_and_kill(
        self, db_path: Path, seed: int, after_ops: int, delay: float, *, in_import: bool = False
    ) -> list[str]:
        """Start a worker and SIGKILL it `delay` seconds after it has finished `after_ops` operations
        (counting from the moment it opened the database), so that every run does some work however
        busy the machine is and the kill still lands at a random moment. `in_import`: an import-heavy
        worker, killed `delay` seconds after it began its first import (in the backup, the
        transaction, or just after the commit)."""
        self.stdin.write(f"run {db_path} {seed}{' imports' if in_import else ''}\n".encode())
        self.stdin.flush()
        lines: list[str] = []
        pid = None
        finished = 0
        deadline: float | None = None
        while deadline is None or time.monotonic() < deadline:
            line = self.line(max(0.0, deadline - time.monotonic()) if deadline is not None else 30.0)
            if line is None:
                if deadline is None:
                    pytest.fail(f"the worker did not start: {lines}")
                continue
            lines.append(line)
            if line.startswith("PID "):
                pid = int(line.split()[1])
            elif in_import:
                if deadline is None and line.startswith("BEGIN ") and json.loads(line[6:])["op"] == "import":
                    deadline = time.monotonic() + delay
            elif line == "OPEN" or line.startswith(("ACK", "FAIL")):
                finished += line != "OPEN"
                if finished == after_ops:
                    deadline = time.monotonic() + delay
            elif line.startswith("DONE"):
                return lines
        assert pid is not None
        os.kill(pid, signal.SIGKILL)
        while not lines[-1].startswith("DONE"):
            line = self.line(30.0)
            assert line is not None, "the worker did not die"
            lines.append(line)
        return lines

    def close(self) -> None:
        self.stdin.close()
        self.proc.wait(10)
        assert self.proc.stdout is not None
        self.proc.stdout.close()


@pytest.fixture
def zygote() -> Iterator[Zygote]:
    z = Zygote()
    yield z
    z.close()


def _seed_database(path: Path) -> None:
    db = open_app_database(path, create=True, check_drive=False)
    with unit_of_work(db, SYSTEM_ACTOR) as session:
        org.setup_unit(session, UNIT)
        for n, name in enumerate(("Na Hát", "Pá Bó", "Huổi Một")):
            cell = builders.village_and_cell(session, f"Bản {name}", f"Chi bộ bản {name}")
            for k in range(3):
                builders.admit(session, cell, builders.profile(given=f"Khởi{'abc'[n]}{'xyz'[k]}"))
    db.close()


def _parse(lines: list[str]) -> tuple[list[dict[str, Any]], dict[str, Any] | None]:
    acked: list[dict[str, Any]] = []
    pending: dict[str, Any] | None = None
    for line in lines:
        word, _, rest = line.partition(" ")
        if word == "ERROR":
            pytest.fail(f"worker failed: {rest}")
        if word == "BEGIN":
            pending = json.loads(rest)
        elif word == "ACK":
            assert pending is not None
            pending["rows"] = json.loads(rest)
            acked.append(pending)
            pending = None
        elif word == "FAIL":
            pending = None
    return acked, pending


def _expected_pending(state: State, op: dict[str, Any]) -> State:
    if op["op"] == "meeting":
        op = dict(op, rows=sum(1 for cell in state["members"].values() if cell == op["cell"]))
    return apply_op(state, op)


def _check(path: Path) -> tuple[Database | None, str]:
    try:
        db = open_database(path, check_drive=False)
    except StorageError as exc:
        return None, f"open: {exc.kind}"
    with db.engine.connect() as conn:
        integrity = conn.exec_driver_sql("PRAGMA integrity_check").scalar()
        fk = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if integrity != "ok" or fk:
        db.close()
        return None, f"integrity: {integrity}, foreign keys: {len(fk)}"
    problems = invariants(db)
    if problems:
        db.close()
        return None, "; ".join(problems)
    return db, ""


def test_sigkill_at_random_moments_loses_nothing_acknowledged(
    tmp_path: Path, zygote: Zygote, request: pytest.FixtureRequest
) -> None:
    kills: int = request.config.getoption("--kills")
    seed = int(os.environ.get("CRASH_SEED", "20260301"))
    rng = random.Random(seed)
    path = tmp_path / "crash.db"
    _seed_database(path)
    db = open_database(path, check_drive=False)
    state = read_state(db)
    db.close()
    corrupt = lost = acknowledged = in_flight = applied_in_flight = 0
    imports = {"acknowledged": 0, "killed": 0, "rows": 0}
    failures: list[str] = []
    started = time.monotonic()
    for run in range(kills):
        if run % 3 == 2:
            lines = zygote.run_and_kill(
                path, rng.randrange(1 << 31), 0, rng.uniform(0.0, IMPORT_DELAY), in_import=True
            )
        else:
            lines = zygote.run_and_kill(
                path, rng.randrange(1 << 31), rng.randint(0, 3), rng.uniform(0.0, MAX_DELAY)
            )
        acked, pending = _parse(lines)
        acknowledged += len(acked)
        expected = state
        for op in acked:
            expected = apply_op(expected, op)
        checked, problem = _check(path)
        if checked is None:
            corrupt += 1
            failures.append(f"run {run}: {problem}")
            break
        try:
            actual = read_state(checked)
            if (run + 1) % 10 == 0 or run == kills - 1:
                assert audit_ok(checked), f"run {run}: audit chain broken"
        finally:
            checked.close()
        if pending is not None:
            in_flight += 1
        for op in acked:
            if op["op"] == "import":
                imports["acknowledged"] += 1
                imports["rows"] += len(op["given"])
                missing = [g for g in op["given"] if g not in actual["members"]]
                if missing:
                    failures.append(f"run {run}: acknowledged import lost rows {missing}")
        if pending is not None and pending["op"] == "import":
            imports["killed"] += 1
            present = sum(1 for g in pending["given"] if g in actual["members"])
            if present not in (0, len(pending["given"])):
                failures.append(
                    f"run {run}: import killed mid-way left {present} of {len(pending['given'])} rows"
                )
        if failures:
            lost += 1
            break
        if actual == expected:
            pass
        elif pending is not None and actual == _expected_pending(expected, pending):
            applied_in_flight += 1
        else:
            lost += 1
            diff = {k: (expected[k], actual[k]) for k in actual if actual[k] != expected[k]}
            failures.append(f"run {run}: state differs (pending {pending}): {str(diff)[:2000]}")
            break
        state = actual
    elapsed = time.monotonic() - started
    summary = (
        f"kills: {kills}, corrupt: {corrupt}, lost: {lost}, acknowledged transactions: {acknowledged}, "
        f"killed mid-operation: {in_flight} (of which committed before the kill: {applied_in_flight}), "
        f"imports: {imports['acknowledged']} acknowledged ({imports['rows']} rows), "
        f"{imports['killed']} killed in flight, none half-applied; "
        f"members: {len(state['members'])}, cells: {len(state['cells'])}, {elapsed:.1f} s"
    )
    print("\n" + summary)
    report_line("crash harness: " + summary)
    assert failures == []
    assert (corrupt, lost) == (0, 0)
    assert acknowledged >= kills // 2  # the runs did real work (fewer on a busy machine)
    assert in_flight > kills // 5  # and many kills landed inside a transaction
    assert any(s != "active" for s in state["cells"].values())  # cells were merged
    assert state["meetings"]
    assert imports["acknowledged"] > 0  # imports ran to the end, too


def test_harness_model_matches_the_services(tmp_path: Path) -> None:
    """The expected-state model is only as good as its agreement with what the services do."""
    path = tmp_path / "model.db"
    _seed_database(path)
    db = open_database(path, check_drive=False)
    try:
        before = read_state(db)
        with unit_of_work(db, SYSTEM_ACTOR) as session:
            cells = {c.name: c.id for c in org.list_cells(session)}
            org.close_cell(session, cells["Chi bộ bản Pá Bó"], date(2025, 6, 30), cells["Chi bộ bản Na Hát"])
        after = read_state(db)
    finally:
        db.close()
    assert after == apply_op(
        before, {"op": "close", "cell": "Chi bộ bản Pá Bó", "successor": "Chi bộ bản Na Hát"}
    )


# ---------------------------------------------------------------- file sets (issue 16)

# Every step boundary of the operations whose files belong together: the child dies by its own SIGKILL
# exactly there (exports.fileset.crash_point). A restore makes a safety backup first, so it passes the
# backup's steps too. "-" runs the operation to the end.
FILESET_STEPS: dict[str, tuple[str, ...]] = {
    "backup": ("backup:copied", "backup:keys", "backup:renamed", "-"),
    "restore": (
        "backup:copied",
        "backup:keys",
        "backup:renamed",
        "restore:safety",
        "restore:staged",
        "restore:journal",
        "restore:move0",
        "restore:move1",
        "-",
    ),
    "encrypt": ("encrypt:copied", "encrypt:staged", "encrypt:journal", "encrypt:move0", "encrypt:move1", "-"),
    "export": ("export:recorded", "export:committed", "export:renamed", "-"),
    "register": ("xlsx:rows", "-"),
}
FILESET_GIVEN = ("Chiến", "Khánh", "Phúc", "Quý", "Xuân")
FILESET_FAMILY = "Quàng"  # rare enough that finding it in a temp file means a member's name leaked
# The app's own temporary names (exports.fileset, exports.atomic, exports.sync): none may outlive the
# next start.
LEFTOVER = (".tmp", ".part", ".commit", ".encrypting", "-journal")


def _fileset_pristine(folder: Path) -> Path:
    """An encrypted commune enrolled with its province, one backup of an earlier state, a plain
    database to encrypt; the province alongside (to import what the commune exported)."""
    from exports import backup as bk
    from exports import keyring
    from models.services import sync as ss
    from tests.crash_child import FILESET_LOGIN, FILESET_PASSWORD
    from tests.test_sync import PROVINCE

    folder.mkdir()
    for sub in ("usb", "stick", "out", "data", "systemp"):
        (folder / sub).mkdir()
    province = open_app_database(folder / "province.db", create=True, check_drive=False)
    with unit_of_work(province, SYSTEM_ACTOR) as session:
        org.setup_unit(session, PROVINCE)
    admin, _code = keyring.create_encrypted_database(
        folder / "xa.db", FILESET_LOGIN, FILESET_PASSWORD, check_drive=False
    )
    with admin:
        roles = frozenset({Role.ADMIN, Role.CLERK, Role.APPROVER, Role.INSPECTION})
        keyring.update_account(admin, admin.actor.user_id, "Quản trị", roles)
        with unit_of_work(admin.db, SYSTEM_ACTOR) as session:
            org.setup_unit(session, UNIT)
            cell = builders.village_and_cell(session)
            builders.admit(session, cell, builders.profile(FILESET_FAMILY, "Văn", FILESET_GIVEN[0]))
        with unit_of_work(province, SYSTEM_ACTOR) as p, unit_of_work(admin.db, SYSTEM_ACTOR) as c:
            ss.enrol(c, ss.own_bundle(p, "upper"))
            ss.enrol(p, ss.own_bundle(c, "commune"))
        bk.backup_database(admin.db, reason="manual")
        with unit_of_work(admin.db, SYSTEM_ACTOR) as session:
            for given in FILESET_GIVEN[1:]:
                builders.admit(session, cell, builders.profile(FILESET_FAMILY, "Thị", given, sex="F"))
    province.close()
    _seed_database(folder / "plain.db")
    return folder


def _fresh_run(pristine: Path, target: Path) -> Path:
    import shutil

    shutil.copytree(pristine, target)
    return target


def _leftovers(run: Path) -> list[str]:
    found = []
    for path in run.rglob("*"):
        name = path.name
        if path.is_file() and (name.endswith(LEFTOVER) or name.startswith("openpyxl.")):
            if name.endswith("-journal") and Path(str(path)[: -len("-journal")]).exists():
                continue  # a database's own hot journal is SQLite's, not a leftover
            found.append(str(path.relative_to(run)))
    return sorted(found)


def _personal_data_in(folder: Path) -> list[str]:
    needles = [n.encode() for n in (FILESET_FAMILY, *FILESET_GIVEN)]
    leaks = []
    for path in folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            if any(n in data for n in needles):
                leaks.append(str(path))
    return leaks


def _next_start_checks(op: str, run: Path) -> list[str]:
    """The next start after the kill, and everything that must then hold: the database and its key
    file open together, the audit chain verifies, the stick holds no package the database does not
    know (and the upper level accepts every package in order), no temporary file is left."""
    import hashlib

    from exports import backup as bk
    from exports import keyring
    from exports import sync as sx
    from models import auth
    from models.services import sync as ss
    from tests.crash_child import FILESET_LOGIN, FILESET_PASSWORD

    problems: list[str] = []
    db_path = run / ("plain.db" if op == "encrypt" else "xa.db")
    try:
        try:
            unlocked = keyring.unlock(db_path, FILESET_LOGIN, FILESET_PASSWORD, check_drive=False)
        except auth.NotEncrypted:
            if op != "encrypt":
                raise
            # Killed before its commit point: the plain file is as it was, and encrypt-db works again.
            keyring.encrypt_plain_database(db_path, FILESET_LOGIN, FILESET_PASSWORD)
            unlocked = keyring.unlock(db_path, FILESET_LOGIN, FILESET_PASSWORD, check_drive=False)
    except (StorageError, auth.LoginError, Conflict) as exc:
        return [f"the database and its key file do not open together: {type(exc).__name__} {exc}"]
    with unlocked:
        report = keyring.verify_audit(unlocked)
        if not report.ok:
            problems.append(f"audit chain broken at #{report.first_broken_id} ({report.reason})")
        if op == "register":  # the next export of the same file tidies its folder
            from exports.documents import document_sheets, save_xlsx
            from forms.register import member_register

            with read_session(unlocked.db, unlocked.actor) as session:
                sheet = member_register(session)
            save_xlsx(document_sheets(sheet.document, "Sổ danh sách"), run / "out" / "ds.xlsx")
        if op == "backup":  # the next backup to the same stick tidies it
            bk.backup_database(unlocked.db, run / "usb", reason="manual")
            for info in bk.list_backups(run / "usb", "xa"):
                key = keyring.key_for(info.path, FILESET_LOGIN, FILESET_PASSWORD, tidy=False)
                if key is None:
                    problems.append(f"backup {info.path.name} has no key file that opens it")
        if op == "export":  # the next export to the same stick reconciles it
            sx.export_package(unlocked.db, unlocked.actor, run / "stick")
            with unit_of_work(unlocked.db, SYSTEM_ACTOR) as session:
                recorded = {e.file_hash: e.sequence for e in ss.package_log(session, None, "out")}
            packages = sorted((run / "stick").glob("DUX-*"))
            for path in packages:
                if hashlib.sha256(path.read_bytes()).hexdigest() not in recorded:
                    problems.append(f"package {path.name} on the stick is unknown to the database")
            province = open_database(run / "province.db", check_drive=False)
            try:
                for result in sx.import_files(province, SYSTEM_ACTOR, packages):
                    if isinstance(result, Exception):
                        problems.append(f"the upper level refused a package: {result}")
            finally:
                province.close()
    left = _leftovers(run)
    if left:
        problems.append(f"temporary files left after the next start: {left}")
    leaks = _personal_data_in(run / "systemp")
    if leaks:
        problems.append(f"personal data in the system temp folder: {leaks}")
    return problems


def _run_fileset(zygote: Zygote, op: str, run: Path, step: str, delay: float | None = None) -> list[str]:
    """Run one file-set operation in a forked worker; it dies at `step`, or `delay` seconds after it
    opened the database (random-time kills), or finishes."""
    zygote.stdin.write(f"fileset {op} {run} {step}\n".encode())
    zygote.stdin.flush()
    lines: list[str] = []
    pid = None
    deadline: float | None = None
    while True:
        timeout = 60.0 if deadline is None else max(0.0, deadline - time.monotonic())
        line = zygote.line(timeout)
        if line is None:
            if deadline is None:
                pytest.fail(f"the worker hangs: {lines}")
            assert pid is not None
            os.kill(pid, signal.SIGKILL)
            deadline = None
            continue
        lines.append(line)
        if line.startswith("PID "):
            pid = int(line.split()[1])
        elif line == "OPEN" and delay is not None:
            deadline = time.monotonic() + delay
        elif line.startswith("DONE"):
            return lines


@pytest.fixture(scope="module")
def fileset_pristine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    from models import auth

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(auth, "CURRENT_KDF", auth.KdfParams(64, 1, 1))
        mp.setenv("DUX_DATA_DIR", str(tmp_path_factory.mktemp("parent-data")))
        yield _fileset_pristine(tmp_path_factory.mktemp("fileset") / "pristine")


@pytest.fixture(scope="module")
def fileset_zygote() -> Iterator[Zygote]:
    z = Zygote()
    yield z
    z.close()


def _fileset_runs(
    zygote: Zygote, pristine: Path, work: Path, plan: list[tuple[str, str, float | None]]
) -> tuple[dict[str, int], list[str]]:
    """Each planned run on a fresh copy of the pristine files, then the next start's checks."""
    import shutil

    from models import auth

    counts = {
        "runs": 0,
        "killed at a step": 0,
        "killed at random": 0,
        "finished": 0,
        "private sheet files": 0,
    }
    failures: list[str] = []
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(auth, "CURRENT_KDF", auth.KdfParams(64, 1, 1))
        for n, (op, step, delay) in enumerate(plan):
            run = _fresh_run(pristine, work / f"run{n}")
            lines = _run_fileset(zygote, op, run, step, delay)
            errors = [line for line in lines if line.startswith("ERROR")]
            status = int(lines[-1].split()[1])
            killed = os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
            counts["runs"] += 1
            when = step if delay is None else f"{delay:.2f} s"
            if errors:
                failures.append(f"{op} at {when}: the worker failed: {errors}")
                continue
            if step != "-" and not killed:
                failures.append(f"{op}: the step {step} was never reached")
                continue
            counts["killed at a step" if step != "-" else "killed at random" if killed else "finished"] += 1
            counts["private sheet files"] += len(list((run / "data" / "tmp").glob("openpyxl.*")))
            leaks = _personal_data_in(run / "systemp")
            if leaks:
                failures.append(f"{op} killed at {when}: personal data in the system temp folder: {leaks}")
            mp.setenv("DUX_DATA_DIR", str(run / "data"))
            failures += [f"{op} killed at {when}: {problem}" for problem in _next_start_checks(op, run)]
            shutil.rmtree(run)
    return counts, failures


@pytest.mark.parametrize("op", list(FILESET_STEPS))
def test_file_set_survives_a_kill_at_every_step(
    op: str, tmp_path: Path, fileset_zygote: Zygote, fileset_pristine: Path
) -> None:
    """Issue 16: a kill at each step boundary of backup (with its key), restore, encrypt-db, the
    export's commit and an Excel register; the next start repairs whatever lies in between."""
    plan: list[tuple[str, str, float | None]] = [(op, step, None) for step in FILESET_STEPS[op]]
    counts, failures = _fileset_runs(fileset_zygote, fileset_pristine, tmp_path, plan)
    summary = ", ".join(f"{k}: {v}" for k, v in counts.items()) + f", failures: {len(failures)}"
    report_line(f"crash harness, {op} at every step: " + summary)
    assert failures == []
    assert counts["killed at a step"] == len(FILESET_STEPS[op]) - 1
    assert counts["finished"] == 1
    if op == "register":  # the killed export's sheet file was in the private folder, not in the temp one
        assert counts["private sheet files"] == 1


def test_file_sets_killed_at_random_moments(
    tmp_path: Path, fileset_zygote: Zygote, fileset_pristine: Path, request: pytest.FixtureRequest
) -> None:
    """The same operations killed at random moments (make soak: a share of --kills)."""
    kills: int = request.config.getoption("--kills")
    runs = max(5, (kills - 50) // 2) if kills > 50 else 5
    rng = random.Random(int(os.environ.get("CRASH_SEED", "20260301")))
    plan: list[tuple[str, str, float | None]] = [
        (rng.choice(list(FILESET_STEPS)), "-", rng.uniform(0.0, 0.3)) for _ in range(runs)
    ]
    started = time.monotonic()
    counts, failures = _fileset_runs(fileset_zygote, fileset_pristine, tmp_path, plan)
    summary = ", ".join(f"{k}: {v}" for k, v in counts.items()) + f", failures: {len(failures)}"
    summary += f", {time.monotonic() - started:.1f} s"
    print("\nfile sets at random moments: " + summary)
    report_line("crash harness, file sets at random moments: " + summary)
    assert failures == []
