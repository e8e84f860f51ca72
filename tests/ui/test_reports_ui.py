"""The report page: a number shown, clicked, explained by its records; draft → reviewed → finalised;
a later edit raises the drift banner and leaves the frozen figures alone."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
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
from ui.pdf_preview import PdfPreview

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
    cell = page.table.item(*page.find_key("members.women"))
    assert cell is not None
    page.table.scrollToItem(cell)
    rect = page.table.visualItemRect(cell)
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # type: ignore[no-untyped-call]
    assert len(shown) == 1
    heading, records = shown[0]
    assert "Đảng viên nữ" in heading and heading.endswith(": 1")
    assert records == ["Cầm Thị Lan — Chi bộ bản Huổi Lè"]
    # The share beside it opens the same records.
    column = page.find_key("members.women")[1] + 1
    share = page.table.item(row, column)
    assert share is not None and share.text() == "50,0"
    rect = page.table.visualItemRect(share)
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # type: ignore[no-untyped-call]
    assert shown[-1][1] == records
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


def test_preview_shows_the_report_in_the_app(
    page: ReportsPage, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    previews: list[PdfPreview] = []

    def fake_exec(dialog: PdfPreview) -> int:
        previews.append(dialog)
        return 0

    monkeypatch.setattr(PdfPreview, "exec", fake_exec)
    opened: list[object] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url))
    assert page.preview() is None  # nothing saved from the preview
    assert not opened  # no system viewer
    assert len(previews) == 1
    dialog = previews[0]
    assert dialog.pdf_document.pageCount() >= 2
    assert dialog.document.title == "BÁO CÁO"
    assert dialog.document.subject == "Kết quả công tác xây dựng Đảng quý IV năm 2025"
    assert dialog.suggested_name == "BaoCao-2025-Q4.pdf"


def test_year_report_shows_the_rating_table_with_its_own_columns(page: ReportsPage) -> None:
    page.set_period(Period.parse("2025-Y"))
    assert page.state is not None
    titles = [t.title for t in page.state.report.tables]
    assert titles[-1].startswith("9. Đánh giá, xếp loại")
    texts = [
        page.table.item(r, c).text()  # type: ignore[union-attr]
        for r in range(page.table.rowCount())
        for c in range(page.table.columnCount())
        if page.table.item(r, c) is not None
    ]
    for heading in ("Mức xếp loại", "Đảng viên", "Tổ chức đảng"):
        assert heading in texts
    assert page.table.columnCount() == 6
