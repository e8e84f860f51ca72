"""The demo commune as a user meets it: an encrypted database marked as demo, whose administrator is
`admin` / `demo2026` (shown in the README and on the login screen), with the organisation, members and
their histories (models.demo), several years of cell meetings (models.demo_meetings) and the
Party-work records (models.demo_work).

Deterministic: one `DemoStamps` (seeded ids, counting clock) stays installed through all three phases,
so the same seed gives the same records, row for row. Exactly `members` member records: the generator
plans `members - pipeline_admissions(members)` and the admission pipeline of the Party-work phase admits
the rest as this year's new probationary members."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

from exports import keyring
from models.db import Database
from models.demo import DemoOptions, DemoStamps, DemoSummary, demo_anchor, generate_demo, summarise
from models.demo_meetings import add_demo_meetings
from models.demo_work import add_demo_work, pipeline_admissions
from models.errors import DomainError
from models.security import Role

DEMO_FULL_NAME = "Quản trị viên (dữ liệu mẫu)"
DEMO_ROLES = frozenset({Role.ADMIN, Role.CLERK, Role.APPROVER, Role.INSPECTION})
MEETING_YEARS = 3
STEPS = 100
Progress = Callable[[str, int, int], None]


def create_demo_database(
    path: Path,
    *,
    members: int = 1200,
    seed: int = 1,
    check_drive: bool = True,
    meeting_years: int = MEETING_YEARS,
    progress: Progress | None = None,
    steps: Callable[[int, int], None] | None = None,
) -> DemoSummary:
    """Create the demo at `path` (which must not exist); on failure nothing is left behind.
    `steps(done, STEPS)` reports the whole run's progress for a determinate bar: the members up to
    40, the meetings up to 70, the Party-work records up to STEPS."""

    def phase(low: int, high: int) -> Callable[[int, int], None]:
        def report(done: int, total: int) -> None:
            if steps is not None and total > 0:
                steps(low + (high - low) * min(done, total) // total, STEPS)

        return report

    def work_progress(label: str, done: int, total: int) -> None:
        if progress is not None:
            progress(label, done, total)
        # six Party-work steps, then the twelve months of dues (the longest)
        if label == "dues":
            phase(80, STEPS)(done, total)
        else:
            phase(70, 80)(done, total)

    admissions = pipeline_admissions(members)
    options = DemoOptions(members=members - admissions, seed=seed, check_drive=check_drive)
    today = demo_anchor(options)
    stamps = DemoStamps(seed, today)

    def create(target: Path, _options: DemoOptions) -> Database:
        unlocked, _code = keyring.create_encrypted_database(
            target,
            keyring.DEMO_LOGIN,
            keyring.DEMO_PASSWORD,
            full_name=DEMO_FULL_NAME,
            demo=True,
            check_drive=check_drive,
        )
        # The demo administrator does everything in a one-clerk office, so every page can be seen.
        keyring.update_account(unlocked, unlocked.actor.user_id, DEMO_FULL_NAME, DEMO_ROLES)
        return unlocked.db

    summary = generate_demo(Path(path), options, create=create, stamps=stamps, progress=phase(0, 40))
    try:
        unlocked = keyring.unlock(path, keyring.DEMO_LOGIN, keyring.DEMO_PASSWORD, check_drive=check_drive)
        try:
            with stamps.installed():
                start = date(today.year - meeting_years + 1, 1, 1)
                add_demo_meetings(
                    unlocked.db, unlocked.actor, seed=seed, start=start, end=today, progress=phase(40, 70)
                )
                add_demo_work(
                    unlocked.db,
                    unlocked.actor,
                    seed=seed,
                    today=today,
                    admissions=admissions,
                    progress=work_progress,
                )
            final = summarise(unlocked.db)
            if steps is not None:
                steps(STEPS, STEPS)
        finally:
            unlocked.close()
    except BaseException:
        for suffix in ("", "-wal", "-shm", "-journal", ".lock", keyring.SUFFIX):
            Path(str(path) + suffix).unlink(missing_ok=True)
        raise
    return replace(final, path=Path(path), seconds=summary.seconds)


def adopt_old_demo(default: Path, demo: Path) -> bool:
    """Earlier versions made the demo at the real database's place. Move such a demo (database, key
    file and journal files) to the demo's own file, so that the first start offers to create the real
    database. True when moved; a real database, or a demo file already there, is left alone."""
    if not default.exists() or demo.exists() or keyring.keyring_path(demo).exists():
        return False
    try:
        if not keyring.read_keyring(default).demo:
            return False
    except DomainError:
        return False
    for suffix in ("-wal", "-shm", keyring.SUFFIX, ""):  # the database itself last
        old = Path(str(default) + suffix)
        if old.exists():
            old.replace(Path(str(demo) + suffix))
    Path(str(default) + ".lock").unlink(missing_ok=True)
    return True
