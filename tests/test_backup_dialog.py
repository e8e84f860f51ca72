"""The backup dialog: back up now, list, preview what a restore loses, choose; screenshot at 1366×768."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from exports import backup as bk
from models.db import Database, read_session, unit_of_work
from models.entities import AuditEntry
from models.security import SYSTEM_ACTOR
from models.services import organisation as org
from tests.builders import office_actor
from tests.conftest import shots_dir
from ui import backup_dialog
from ui.backup_dialog import BackupDialog

ROOT = Path(__file__).resolve().parents[1]


def test_backup_preview_and_choose(
    qtbot: QtBot, db: Database, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    bk.backup_database(db, reason="daily", now=datetime(2026, 3, 1, 8, 0, tzinfo=UTC))
    with unit_of_work(db, SYSTEM_ACTOR) as session:
        for n in range(3):
            org.add_village(session, org.VillageInput(name=f"Bản Sau {n}"))
    dialog = BackupDialog(db)
    qtbot.addWidget(dialog)
    dialog.resize(1366, 768)
    dialog.show()
    assert dialog.backups.rowCount() == 1
    dialog.backup_button.click()
    assert dialog.backups.rowCount() == 2
    dialog.backups.selectRow(1)  # the older one
    cells = [[dialog.preview.item(r, c) for c in range(2)] for r in range(dialog.preview.rowCount())]
    texts = {a.text(): b.text() for a, b in cells if a is not None and b is not None}
    assert texts["Bản, tổ dân phố"] == "3"
    assert "sẽ mất" in dialog.preview_label.text()
    assert dialog.restore_button.isEnabled()
    shots = shots_dir(tmp_path)
    shots.mkdir(parents=True, exist_ok=True)
    assert dialog.grab().save(str(shots / "backup_dialog.png"))
    monkeypatch.setattr(backup_dialog, "confirm", lambda *a: True)
    dialog.restore_button.click()
    assert dialog.chosen == dialog.items[1].path


def _actions(db: Database) -> list[str]:
    with read_session(db, SYSTEM_ACTOR) as session:
        return list(session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))


def test_backup_on_request_is_audited(qtbot: QtBot, db: Database) -> None:
    before = len(_actions(db))
    dialog = BackupDialog(db, None, office_actor())
    qtbot.addWidget(dialog)
    dialog.backup_button.click()
    assert _actions(db)[before:] == ["backup"]
