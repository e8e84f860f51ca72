"""Raw or English text a clerk used to see in the Vietnamese window (issue 13): "system" as who
changed a member, "1970-03-05 00:00:00" among the Excel import's example values."""

from __future__ import annotations

from datetime import date, datetime

from pytestqt.qtbot import QtBot

from exports import member_import as mi
from tests.ui.conftest import Org
from ui.context import AppContext
from ui.dialogs.member_profile import MemberProfileDialog


def test_the_programs_own_changes_are_named_in_vietnamese(
    qtbot: QtBot, ctx: AppContext, organisation: Org
) -> None:
    dialog = MemberProfileDialog(ctx, organisation.member_a)  # admitted by the test's system actor
    qtbot.addWidget(dialog)
    items = [dialog.audit.item(r, 1) for r in range(dialog.audit.rowCount())]
    actors = {item.text() for item in items if item is not None}
    assert len(items) >= 1
    assert actors == {"Chương trình (tự động)"}


def test_import_examples_show_dates_as_dd_mm_yyyy() -> None:
    assert mi.sample_text(datetime(1970, 3, 5)) == "05/03/1970"
    assert mi.sample_text(date(2026, 2, 3)) == "03/02/2026"
    assert mi.sample_text(1985.0) == "1985"
    assert mi.sample_text("  Lò Văn  Thanh ") == "Lò Văn Thanh"
