"""The first start's demo commune (issue 13): a determinate progress bar from 0 to the end, and the
audit chain of a demo written with batched audit entries walks clean."""

from __future__ import annotations

from pathlib import Path

from exports import keyring
from exports.demo_db import STEPS, create_demo_database
from models import audit
from models.db import read_session


def test_demo_reports_determinate_progress_and_a_sound_audit_chain(tmp_path: Path) -> None:
    steps: list[tuple[int, int]] = []
    path = tmp_path / "demo.db"
    create_demo_database(
        path, members=40, seed=2, check_drive=False, meeting_years=1, steps=lambda d, t: steps.append((d, t))
    )
    assert {total for _done, total in steps} == {STEPS}
    done = [d for d, _t in steps]
    assert done == sorted(done), "the bar never goes back"
    assert done[-1] == STEPS
    assert 40 in done, "the members written"
    assert any(40 < d < 70 for d in done), "the meetings, cell by cell"
    assert any(80 < d < STEPS for d in done), "the dues, month by month"
    unlocked = keyring.unlock(path, keyring.DEMO_LOGIN, keyring.DEMO_PASSWORD, check_drive=False)
    try:
        with read_session(unlocked.db, unlocked.actor) as session:
            report = audit.verify(session)
    finally:
        unlocked.close()
    assert report.ok, report.reason
    assert report.entries > 500
