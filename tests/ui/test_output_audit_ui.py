"""Issue 3: every document the clerk prints or saves from the app leaves one audit entry (what kind of
record, how many rows, the format; no name, no path), and only once the output has succeeded."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from forms.minutes import blank_minutes
from forms.periods import Period
from models.db import read_session, unit_of_work
from models.entities import AuditEntry
from models.security import SYSTEM_ACTOR
from tests.ui.conftest import Org
from ui.context import AppContext
from ui.pages import members as members_page
from ui.pages import reports as reports_page
from ui.pdf_preview import PdfPreview
from ui.settings import Settings

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")
OUTPUT = ("print", "export", "import", "backup", "restore")


def outputs(ctx: AppContext) -> list[tuple[str, str, str, list[str]]]:
    with read_session(ctx.db, ctx.actor) as session:
        rows = session.scalars(
            select(AuditEntry).where(AuditEntry.action.in_(OUTPUT)).order_by(AuditEntry.id)
        )
        return [(e.action, e.entity, e.actor, json.loads(e.fields)) for e in rows]


class Page(QWidget):
    """Stands for the page that opens a preview: pages carry the app context as `ctx`."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx


def test_member_list_and_register_saves_are_audited(
    qtbot: QtBot, ctx: AppContext, organisation: Org, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(members_page, "show_info", lambda *_a: None)
    page = members_page.MembersPage(ctx, Settings(tmp_path / "settings.ini"))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.row_count() == 2)
    monkeypatch.setattr(members_page, "ask_save_path", lambda *_a: str(tmp_path / "ds.xlsx"))
    assert page.export_excel() == tmp_path / "ds.xlsx"
    monkeypatch.setattr(members_page, "ask_save_path", lambda *_a: str(tmp_path / "so.pdf"))
    assert page.print_register() == tmp_path / "so.pdf"
    login = ctx.actor.login
    assert outputs(ctx) == [
        ("export", "member_list", login, ["count=2", "format=xlsx"]),
        ("export", "register", login, ["count=2", "format=pdf"]),
    ]


def test_report_saves_are_audited(ctx: AppContext, organisation: Org, tmp_path: Path) -> None:
    state = reports_page.load_state(ctx, Period.parse("2026-Q1"))
    reports_page.write_report(ctx, state, tmp_path / "bc.pdf")
    reports_page.write_report(ctx, state, tmp_path / "bc.xlsx")
    assert [(a, e, f[-1]) for a, e, _who, f in outputs(ctx)] == [
        ("export", "report", "format=pdf"),
        ("export", "report", "format=xlsx"),
    ]


def test_preview_print_and_save_are_audited_with_the_opening_page_context(
    qtbot: QtBot, ctx: AppContext, organisation: Org, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with read_session(ctx.db, ctx.actor) as session:
        document = blank_minutes(session, organisation.cell_a, "2026-03")
    parent = Page(ctx)
    qtbot.addWidget(parent)
    dialog = PdfPreview(document, "bien-ban-trong.pdf", parent)  # owned (and closed) by its parent

    def to_file() -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp_path / "may-in.pdf"))
        printer.setResolution(100)
        return printer

    monkeypatch.setattr(dialog, "make_printer", to_file)
    monkeypatch.setattr(QPrintDialog, "exec", lambda _self: QDialog.DialogCode.Accepted)
    dialog.print_button.click()
    assert (tmp_path / "may-in.pdf").stat().st_size > 1000
    dialog.save_to(tmp_path / "bb.pdf")
    entries = outputs(ctx)
    assert [(a, e) for a, e, _who, _f in entries] == [("print", "blank_minutes"), ("export", "blank_minutes")]
    assert entries[1][3][-1] == "format=pdf"

    monkeypatch.setattr(QPrintDialog, "exec", lambda _self: QDialog.DialogCode.Rejected)
    dialog.print_button.click()  # cancelled: nothing printed, nothing recorded
    assert len(outputs(ctx)) == 2


def test_a_preview_without_a_context_records_nothing_and_still_saves(
    qtbot: QtBot, ctx: AppContext, organisation: Org, tmp_path: Path
) -> None:
    with unit_of_work(ctx.db, SYSTEM_ACTOR) as session:
        document = blank_minutes(session, organisation.cell_a, "2026-03")
    dialog = PdfPreview(document, "bien-ban-trong.pdf")
    qtbot.addWidget(dialog)
    assert dialog.save_to(tmp_path / "bb.pdf").exists()
    assert outputs(ctx) == []
