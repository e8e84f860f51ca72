"""Voiding a mistyped event from the member's history in the profile window."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import pytest
from pytestqt.qtbot import QtBot

from models.db import read_session, unit_of_work
from models.security import SYSTEM_ACTOR
from models.services import membership as ms
from ui.context import AppContext
from ui.dialogs import member_profile
from ui.dialogs.member_profile import MemberProfileDialog

if TYPE_CHECKING:
    from tests.ui.conftest import Org

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def _cells(dialog: MemberProfileDialog, column: int) -> list[str]:
    table = dialog.history
    return [item.text() for row in range(table.rowCount()) if (item := table.item(row, column))]


def test_the_clerk_voids_a_mistyped_exemption_from_the_history(
    qtbot: QtBot, ctx: AppContext, organisation: Org, monkeypatch: pytest.MonkeyPatch
) -> None:
    with unit_of_work(ctx.db, SYSTEM_ACTOR) as s:
        ms.start_exemption(s, ms.EventInput(organisation.member_a, date(2026, 4, 1), reason="Tuổi cao"))
    dialog = MemberProfileDialog(ctx, organisation.member_a)
    qtbot.addWidget(dialog)
    assert "Trạng thái: Miễn sinh hoạt" in dialog.summary.text()
    assert _cells(dialog, 1) == ["Miễn công tác và sinh hoạt", "Kết nạp"]

    # Nothing chosen: the window says what to do.
    dialog.history.setCurrentCell(-1, -1)
    assert not dialog.void_selected()
    assert dialog.refusal.text() == "Hãy chọn một sự kiện (chưa hủy) trong lịch sử."

    asked: list[str] = []

    def reason(_parent: object, event: str) -> str:
        asked.append(event)
        return "Nhầm người"

    monkeypatch.setattr(member_profile, "ask_void_reason", reason)
    dialog.history.setCurrentCell(0, 0)
    assert dialog.void_selected()
    assert asked == ["Miễn công tác và sinh hoạt"]
    assert "Trạng thái: Dự bị" in dialog.summary.text()
    assert _cells(dialog, 1) == ["Kết nạp", "Đã hủy: Miễn công tác và sinh hoạt"]
    assert _cells(dialog, 3)[-1] == "Lý do hủy: Nhầm người"
    actions = [item.text() for r in range(dialog.audit.rowCount()) if (item := dialog.audit.item(r, 2))]
    assert actions[0] == "Hủy sự kiện nhập nhầm"

    # The admission cannot go: the window shows why, and the history is unchanged.
    dialog.history.setCurrentCell(0, 0)
    assert not dialog.void_selected()
    assert dialog.refusal.text().startswith("Không thể hủy sự kiện duy nhất")
    with read_session(ctx.db, SYSTEM_ACTOR) as s:
        assert [e.kind for e in ms.history(s, organisation.member_a)] == ["admitted"]
