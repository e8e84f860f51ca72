"""The meetings page prints the cell's resolution of a held meeting and every kind of blank minutes."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from models.db import Database, unit_of_work
from models.security import SYSTEM_ACTOR
from models.services import meetings as mt
from tests.ui.test_meetings_ui import _january, cell  # noqa: F401 - the fixture and the meeting builder
from ui.context import AppContext
from ui.pages.meetings import MeetingsPage
from ui.pdf_preview import PdfPreview


def test_resolution_and_blank_kinds(
    qtbot: QtBot,
    ctx: AppContext,
    db: Database,
    cell: tuple[str, dict[str, str]],  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    cell_id, ids = cell
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        mt.save_meeting(s, _january(cell_id, ids))
    shown: list[tuple[str, str, str]] = []

    def fake_preview(document: object, name: str, parent: object = None) -> Path | None:
        shown.append((getattr(document, "title", ""), getattr(document, "subject", ""), name))
        return None

    monkeypatch.setattr(PdfPreview, "ask", fake_preview)
    page = MeetingsPage(ctx)
    qtbot.addWidget(page)
    page.year.setValue(2026)
    page.refresh()
    page.grid.setCurrentIndex(page.overview.index(0, page.overview.column_of_month(1)))
    page.list.selectRow(0)
    assert page.resolution_button.isEnabled()
    page.resolution_button.click()
    for index in range(page.blank_kind.count()):
        page.blank_kind.setCurrentIndex(index)
        page.blank_button.click()
    assert [t for t, _s, _n in shown] == ["NGHỊ QUYẾT", "BIÊN BẢN", "BIÊN BẢN", "BIÊN BẢN KIỂM PHIẾU"]
    assert shown[1][1].startswith("Sinh hoạt chi bộ định kỳ") and shown[2][1].startswith(
        "Sinh hoạt chuyên đề"
    )
    assert shown[0][2].startswith("nghi-quyet-")
    assert shown[3][2].startswith("bien-ban-kiem-phieu-trong-")
