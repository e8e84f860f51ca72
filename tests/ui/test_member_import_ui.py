"""The Excel import wizard driven through its real widgets: mapping (remembered), preview with per-row
errors, import of the chosen rows only, and refused files that leave the database unchanged."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import openpyxl
import pytest
from pytestqt.qtbot import QtBot

from models.db import read_session
from models.services import register as rg
from ui.context import AppContext
from ui.dialogs.import_members import ImportMembersDialog
from ui.settings import Settings

if TYPE_CHECKING:
    from tests.ui.conftest import Org

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

HEADERS = ["Họ và tên", "Giới tính", "Ngày sinh", "Dân tộc", "Chi bộ", "Ngày vào Đảng", "Ghi chú riêng"]


def workbook(path: Path, rows: list[list[Any]], headers: list[str] = HEADERS) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(headers)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def total(ctx: AppContext) -> int:
    with read_session(ctx.db, ctx.actor) as session:
        return rg.counts(session, rg.RegisterFilter()).total


@pytest.fixture
def dialog(qtbot: QtBot, ctx: AppContext, organisation: Org, tmp_path: Path) -> ImportMembersDialog:
    d = ImportMembersDialog(ctx, Settings(tmp_path / "settings.ini"))
    qtbot.addWidget(d)
    d.show()
    return d


def test_preview_then_import_only_the_chosen_rows(
    qtbot: QtBot, ctx: AppContext, dialog: ImportMembersDialog, tmp_path: Path, qtmodeltester: Any
) -> None:
    path = workbook(
        tmp_path / "ds.xlsx",
        [
            ["Lường Văn Hải", "Nam", "12/3/1980", "Thái", "Na Hát", "19/5/2005", "x"],
            ["Cà Thị Mai", "Nữ", "2/9/1990", "H'Mông", "Chi bộ bản Huổi Lè", "3/2/2015", ""],
            ["Quàng Văn Sơn", "Nam", "31/2/1985", "Thái", "Na Hát", "7/11/2010", ""],  # no such date
            ["Lò Thị Hoa", "Nữ", "1/1/1992", "Thái", "Na Hát", "2/9/2018", ""],
        ],
    )
    before = total(ctx)
    assert dialog.load_file(path)
    assert dialog.combos["Họ và tên"].currentData() == "full_name"
    assert dialog.combos["Ghi chú riêng"].currentData() == "skip"
    assert dialog.show_preview()
    assert dialog.pages.currentIndex() == 1
    qtmodeltester.check(dialog.preview_model)
    assert dialog.summary.text().startswith("4 dòng: 3 hợp lệ")
    model = dialog.preview_model
    result = [model.data(model.index(r, 5)) for r in range(model.rowCount())]
    assert result[2].startswith("Lỗi: ")
    assert total(ctx) == before  # nothing written by the preview
    # Untick Lò Thị Hoa; the invalid row cannot be ticked.
    from PySide6.QtCore import Qt

    assert not model.setData(model.index(2, 0), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert model.setData(model.index(3, 0), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    assert dialog.next_button.text() == "Nhập 2 dòng đã chọn"
    assert dialog.confirm_import()
    assert len(dialog.created) == 2
    assert total(ctx) == before + 2
    with read_session(ctx.db, ctx.actor) as session:
        ids = rg.member_ids(session, rg.RegisterFilter(text="ca thi mai"))
        row = rg.member_rows(session, ids)[ids[0]]
    assert row.ethnicity == "Mông"
    assert row.date_of_birth == date(1990, 9, 2)


def test_mapping_is_remembered(qtbot: QtBot, ctx: AppContext, organisation: Org, tmp_path: Path) -> None:
    settings = Settings(tmp_path / "settings.ini")
    headers = ["Tên đầy đủ", "Giới tính", "Ngày sinh", "Chi bộ", "Ngày vào Đảng"]
    path = workbook(tmp_path / "a.xlsx", [["Lò Văn Bình", "Nam", "1/2/1980", "Na Hát", "3/2/2010"]], headers)
    first = ImportMembersDialog(ctx, settings)
    qtbot.addWidget(first)
    assert first.load_file(path)
    assert first.combos["Tên đầy đủ"].currentData() == "skip"  # not a header it knows
    first.set_field("Tên đầy đủ", "full_name")
    assert first.show_preview()
    assert first.summary.text().startswith("1 dòng: 1 hợp lệ")
    second = ImportMembersDialog(ctx, settings)
    qtbot.addWidget(second)
    assert second.load_file(path)
    assert second.combos["Tên đầy đủ"].currentData() == "full_name"


def test_refused_files_leave_the_database_unchanged(
    ctx: AppContext, dialog: ImportMembersDialog, tmp_path: Path
) -> None:
    before = total(ctx)
    formula = workbook(
        tmp_path / "f.xlsx", [["Lò Văn A", "Nam", "1/1/1980", "Thái", "Na Hát", "=TODAY()", ""]]
    )
    assert not dialog.load_file(formula)
    assert "công thức" in dialog.refusal.text()
    assert not dialog.next_button.isEnabled()
    legacy = workbook(
        tmp_path / "t.xlsx", [["Lß V¨n Thanh", "Nam", "1/1/1980", "Th¸i", "Na Hát", "1/1/2010", ""]]
    )
    assert not dialog.load_file(legacy)
    assert "bảng mã cũ" in dialog.refusal.text()
    junk = tmp_path / "x.xlsx"
    junk.write_bytes(b"PK\x03\x04 not really a workbook")
    assert not dialog.load_file(junk)
    assert dialog.refusal.text()
    assert total(ctx) == before
