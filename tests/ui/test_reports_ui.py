"""The report page: a number shown, clicked, explained by its records; draft → reviewed → finalised;
a later edit raises the drift banner and leaves the frozen figures alone."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from forms.periods import Period
from models.db import Database, unit_of_work
from models.security import SYSTEM_ACTOR, Actor, Role
from tests import builders
from tests.ui.conftest import Org
from ui.context import AppContext
from ui.dialogs.report_explain import ExplainDialog
from ui.pages import reports as page_module
from ui.pages.reports import ReportsPage

PERIOD = Period.parse("2025-Q4")


@pytest.fixture
def page(qtbot: QtBot, ctx: AppContext, organisation: Org) -> ReportsPage:
    widget = ReportsPage(ctx)
    qtbot.addWidget(widget)
    widget.set_period(PERIOD)
    return widget


def test_page_shows_a_number_and_explains_it(
    page: ReportsPage, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert page.value_text("members.total") == "2"
    assert page.value_text("members.women") == "1"
    shown: list[tuple[str, list[str]]] = []

    def fake_exec(dialog: ExplainDialog) -> int:
        shown.append((dialog.heading.text(), dialog.shown_records()))
        return 0

    monkeypatch.setattr(ExplainDialog, "exec", fake_exec)
    page.show()
    row = page.row_of("members.women")
    cell = page.table.item(row, 3)
    assert cell is not None
    page.table.scrollToItem(cell)
    rect = page.table.visualItemRect(cell)
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # type: ignore[no-untyped-call]
    assert shown == [("Đảng viên nữ: 1", ["Cầm Thị Lan"])] or (
        shown and shown[0][1] == ["Cầm Thị Lan"] and shown[0][0].endswith(": 1")
    )
    assert "Kiểm tra số liệu" in page.tabs.tabText(2)


def test_finalise_path_freezes_figures_and_flags_later_edits(
    qtbot: QtBot, db: Database, organisation: Org, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    approver = Actor(user_id="u1", login="bithu", roles=frozenset({Role.CLERK, Role.APPROVER}))
    ctx = AppContext(db, approver)
    page = ReportsPage(ctx)
    qtbot.addWidget(page)
    page.set_period(PERIOD)
    errors: list[str] = []
    monkeypatch.setattr(page_module, "show_error", lambda _p, exc: errors.append(exc.text()))
    monkeypatch.setattr(page_module, "show_info", lambda *_a: None)
    monkeypatch.setattr(page_module, "confirm", lambda *_a: True)
    # Finalising a report that was never saved nor reviewed is refused, with the reason.
    assert not page.finalise()
    assert errors and "rà soát" in errors[-1]
    page.narrative.edits["results"].setPlainText("Các chi bộ sinh hoạt đều đặn.")
    page.narrative.signer.setText("Lò Văn Minh")
    assert page.save_narrative()
    assert "bản nháp" in page.status.text()
    assert page.mark_reviewed()
    assert "đã rà soát" in page.status.text()
    errors.clear()
    assert page.finalise(), errors
    assert "đã chốt" in page.status.text()
    assert page.narrative.edits["results"].isReadOnly()
    assert page.banner.isHidden()
    # A later edit: a member admitted inside the period. The report keeps its frozen figures.
    with unit_of_work(ctx.db, SYSTEM_ACTOR) as session:
        builders.admit(
            session, organisation.cell_a, builders.profile("Quàng", "Văn", "Pọm"), ceremony=date(2025, 11, 5)
        )
    page.load()
    assert page.value_text("members.total") == "2"
    assert not page.banner.isHidden()
    assert "Số liệu đã thay đổi sau khi chốt" in page.banner.text()
    # The outputs carry the frozen figures.
    pdf = page.save_to(tmp_path / "bc.pdf")
    xlsx = page.save_to(tmp_path / "bc.xlsx")
    assert pdf is not None and pdf.read_bytes().startswith(b"%PDF-")
    assert xlsx is not None and xlsx.stat().st_size > 1000


def test_previous_period_text_is_shown_for_reference(
    ctx: AppContext, organisation: Org, qtbot: QtBot
) -> None:
    from models.services import reports

    with unit_of_work(ctx.db, SYSTEM_ACTOR) as session:
        reports.save_narrative(session, "2025-Q3", "default-quarterly", "Kết quả quý III.", "", "", "")
    widget = ReportsPage(ctx)
    qtbot.addWidget(widget)
    widget.set_period(PERIOD)
    assert widget.narrative.previous["results"].toPlainText() == "Kết quả quý III."
    assert widget.narrative.previous["results"].isReadOnly()
