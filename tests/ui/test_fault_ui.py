"""Fault safety seen by the clerk (issue 3): when the disk fills up on Save, the form stays open with
everything typed, a Vietnamese message says what happened and what to do, nothing is half-saved, and
Save works again once there is room."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from models.db import read_session
from models.services import organisation as org
from ui.context import AppContext
from ui.dialogs.organisation import VillageDialog

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def villages(ctx: AppContext) -> list[org.VillageView]:
    with read_session(ctx.db, ctx.actor) as session:
        return org.list_villages(session)


class Disk:
    """While `full`, a service writes its rows and then SQLite reports the disk full (as it does when
    the transaction needs one more page); the real error mapping turns that into a StorageError."""

    def __init__(self, real: Callable[..., Any]) -> None:
        self.real, self.full = real, True

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        result = self.real(*args, **kwargs)
        if self.full:
            raise sqlite3.OperationalError("database or disk is full")
        return result


def test_disk_full_on_save_keeps_the_typed_village_and_says_so(
    qtbot: QtBot, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    boxes: list[tuple[QMessageBox.Icon, str, str]] = []

    def shown(box: QMessageBox) -> int:  # every message box is made by ui/errors.py
        boxes.append((box.icon(), box.windowTitle(), box.text()))
        return 0

    monkeypatch.setattr(QMessageBox, "exec", shown)
    disk = Disk(org.add_village)
    monkeypatch.setattr(org, "add_village", disk)
    dialog = VillageDialog(ctx, None)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.name.setText("Bản Phiêng Pẻn")
    dialog.kind.setCurrentIndex(dialog.kind.findData("tieu_khu"))
    QTest.keyClicks(dialog.households, "125")
    QTest.keyClicks(dialog.population, "1209")
    QTest.keyClicks(dialog.valid_from, "3/2/2026")
    dialog.save_button.click()

    assert dialog.isVisible()  # the form stays open
    assert (dialog.name.text(), dialog.kind.currentData()) == ("Bản Phiêng Pẻn", "tieu_khu")
    assert (dialog.households.text(), dialog.population.text(), dialog.valid_from.text()) == (
        "125",
        "1209",
        "3/2/2026",
    )
    [(icon, title, text)] = boxes
    assert icon == QMessageBox.Icon.Critical and title == "Lỗi lưu trữ dữ liệu"
    assert text.startswith("Ổ đĩa đã đầy nên không lưu được.")
    assert "những gì vừa nhập vẫn còn trên màn hình" in text
    assert villages(ctx) == []  # nothing half-saved

    disk.full = False  # room again: the clerk presses Save once more
    dialog.save_button.click()
    assert dialog.result_value is not None
    [village] = villages(ctx)
    assert (village.name, village.kind, village.households, village.population) == (
        "Bản Phiêng Pẻn",
        "tieu_khu",
        125,
        1209,
    )
    assert village.valid_from == date(2026, 2, 3)
