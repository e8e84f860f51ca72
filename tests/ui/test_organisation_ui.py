"""The Organisation page and its dialogs, driven through real widgets on a real database."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from models.db import read_session
from models.services import organisation as org
from tests.ui.conftest import Org
from ui.context import AppContext
from ui.dialogs.base import FormDialog
from ui.dialogs.organisation import (
    AssignmentDialog,
    CellDialog,
    CloseCellDialog,
    CloseVillageDialog,
    PositionDialog,
    VillageDialog,
)
from ui.pages.organisation import (
    OrganisationPage,
    assignment_model,
    cell_model,
    position_model,
    upper_level_model,
    village_model,
)
from ui.table import RowTableModel

# The offscreen platform warns that it cannot resize windows to their size hints; harmless.
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def result_of(dialog: FormDialog[Any]) -> object:
    return dialog.result_value


def villages(ctx: AppContext) -> list[org.VillageView]:
    with read_session(ctx.db, ctx.actor) as session:
        return org.list_villages(session)


def cells(ctx: AppContext) -> list[org.CellView]:
    with read_session(ctx.db, ctx.actor) as session:
        return org.list_cells(session)


def test_add_village(qtbot: QtBot, ctx: AppContext) -> None:
    dialog = VillageDialog(ctx, None)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.name.setText("Bản Phiêng Pẻn")  # keyClicks types ASCII only
    dialog.kind.setCurrentIndex(dialog.kind.findData("tieu_khu"))
    QTest.keyClicks(dialog.households, "125")
    QTest.keyClicks(dialog.valid_from, "3/2/2026")
    QTest.keyClick(dialog.name, Qt.Key.Key_Return)  # Enter saves
    assert dialog.result_value is not None
    [village] = villages(ctx)
    assert (village.name, village.kind, village.households) == ("Bản Phiêng Pẻn", "tieu_khu", 125)
    assert village.valid_from == date(2026, 2, 3)


def test_validation_error_beside_the_field_and_nothing_saved(qtbot: QtBot, ctx: AppContext) -> None:
    dialog = VillageDialog(ctx, None)
    qtbot.addWidget(dialog)
    dialog.show()
    QTest.keyClicks(dialog.households, "nhieu")
    QTest.keyClicks(dialog.valid_from, "31/2/2026")
    dialog.save_button.click()
    assert dialog.isVisible()
    assert dialog.errors.text("households") == "Hãy nhập một số nguyên, ví dụ 125."
    assert "không có trong lịch" in dialog.errors.text("valid_from")
    dialog.households.clear()
    dialog.valid_from.clear()
    dialog.save_button.click()  # now the service refuses the empty name
    assert dialog.errors.text("name") == "Hãy nhập tên bản (ví dụ: Bản Na Hát)."
    assert dialog.errors.text("households") == ""
    assert dialog.isVisible()
    assert villages(ctx) == []


def test_add_cell_covering_a_village(qtbot: QtBot, ctx: AppContext, organisation: Org) -> None:
    dialog = VillageDialog(ctx, None)
    qtbot.addWidget(dialog)
    dialog.name.setText("Bản Co Muông")
    dialog.save_button.click()
    village_id = dialog.result_value
    assert village_id is not None

    dialog2 = CellDialog(ctx, None)
    qtbot.addWidget(dialog2)
    dialog2.name.setText("Chi bộ bản Co Muông")
    dialog2.save_button.click()  # a village cell without a village is refused, beside the list
    assert "ít nhất một bản" in dialog2.errors.text("village_ids")
    assert result_of(dialog2) is None
    QTest.keyClicks(dialog2.villages.filter, "co muong")  # folded search: no diacritics needed
    visible = [
        dialog2.villages.list.item(i).text()
        for i in range(dialog2.villages.list.count())
        if not dialog2.villages.list.item(i).isHidden()
    ]
    assert visible == ["Bản Co Muông"]
    dialog2.villages.set_checked(village_id)
    dialog2.has_committee.setChecked(True)
    dialog2.save_button.click()
    assert dialog2.result_value is not None
    cell = next(c for c in cells(ctx) if c.id == dialog2.result_value)
    assert cell.village_names == ("Bản Co Muông",)
    assert cell.has_committee
    assert cell.kind == "village"


def test_merge_a_cell_into_another(qtbot: QtBot, ctx: AppContext, organisation: Org) -> None:
    [cell_a] = [c for c in cells(ctx) if c.id == organisation.cell_a]
    dialog = CloseCellDialog(ctx, cell_a)
    qtbot.addWidget(dialog)
    dialog.successor.setCurrentIndex(dialog.successor.findData(organisation.cell_b))
    dialog.valid_to.setText("1/7/2025")
    dialog.save_button.click()
    assert dialog.result_value == 1
    after = {c.id: c for c in cells(ctx)}
    assert after[organisation.cell_a].status == "merged"
    assert after[organisation.cell_a].successor_name == "Chi bộ bản Huổi Lè"
    assert after[organisation.cell_b].member_count == 2
    assert set(after[organisation.cell_b].village_names) == {"Bản Na Hát", "Bản Huổi Lè"}


def test_dissolving_a_cell_with_members_is_refused(
    qtbot: QtBot, ctx: AppContext, organisation: Org, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr("ui.dialogs.base.show_error", lambda _parent, exc: shown.append(exc.text()))
    [cell_a] = [c for c in cells(ctx) if c.id == organisation.cell_a]
    dialog = CloseCellDialog(ctx, cell_a)
    qtbot.addWidget(dialog)
    dialog.successor.setCurrentIndex(0)  # dissolve
    dialog.save_button.click()
    assert shown and "Hãy chọn chi bộ tiếp nhận" in shown[0]
    assert {c.id: c.status for c in cells(ctx)}[organisation.cell_a] == "active"


def test_close_village_into_successor(qtbot: QtBot, ctx: AppContext, organisation: Org) -> None:
    [village] = [v for v in villages(ctx) if v.id == organisation.village_a]
    dialog = CloseVillageDialog(ctx, village)
    qtbot.addWidget(dialog)
    dialog.successor.setCurrentIndex(dialog.successor.findData(organisation.village_b))
    dialog.valid_to.setText("30/6/2025")
    dialog.save_button.click()
    after = {v.id: v for v in villages(ctx)}
    assert after[organisation.village_a].valid_to == date(2025, 6, 30)
    assert after[organisation.village_a].successor_name == "Bản Huổi Lè"


def test_secretary_who_is_village_head_and_committee_assignment(
    qtbot: QtBot, ctx: AppContext, organisation: Org
) -> None:
    dialog = PositionDialog(ctx, organisation.cell_a)
    qtbot.addWidget(dialog)
    QTest.keyClicks(dialog.member.search, "thanh")
    dialog.member.refresh()
    assert dialog.member.member_id() == organisation.member_a
    dialog.is_village_head.setChecked(True)
    dialog.start_date.setText("1/9/2025")
    dialog.save_button.click()
    assert dialog.result_value is not None
    [cell_a] = [c for c in cells(ctx) if c.id == organisation.cell_a]
    assert cell_a.secretary_name == "Lò Văn Thanh"
    assert cell_a.secretary_is_village_head

    committee = PositionDialog(ctx)
    qtbot.addWidget(committee)
    committee.role.setCurrentIndex(committee.role.findData("commune_committee_member"))
    assert not committee.cell.isEnabled()
    committee.member.search.setText("lan")
    committee.member.refresh()
    assert committee.member.member_id() == organisation.member_b
    committee.save_button.click()
    assert committee.result_value is not None

    assign = AssignmentDialog(ctx, organisation.cell_a)
    qtbot.addWidget(assign)
    assign.member.refresh()
    assert assign.member.results.count() == 1  # only commune committee members are offered
    assign.member.results.setCurrentRow(0)
    assign.save_button.click()
    with read_session(ctx.db, ctx.actor) as session:
        [row] = org.list_assignments(session)
    assert (row.cell_name, row.member_name) == ("Chi bộ bản Na Hát", "Cầm Thị Lan")


def test_page_refreshes_after_a_change(
    qtbot: QtBot, ctx: AppContext, organisation: Org, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = OrganisationPage(ctx)
    qtbot.addWidget(page)
    page.refresh()
    page.changed.connect(page.refresh)  # the main window does this for every page
    assert page.villages_tab.model.rowCount() == 2

    def fake_ask(ctx_: AppContext, village: object = None, parent: object = None) -> str:
        dialog = VillageDialog(ctx_, None)
        dialog.name.setText("Bản Mới")
        dialog.save()
        assert dialog.result_value is not None
        return dialog.result_value

    monkeypatch.setattr(VillageDialog, "ask", staticmethod(fake_ask))
    page.tabs.setCurrentWidget(page.villages_tab)
    page.add_in_current_tab()  # what Ctrl+N does
    assert page.villages_tab.model.rowCount() == 3
    page.villages_tab.search.setText("moi")
    assert [v.name for v in page.villages_tab.model.rows()] == ["Bản Mới"]


def test_table_models_pass_the_model_tester(
    qtmodeltester: object, ctx: AppContext, organisation: Org
) -> None:
    with read_session(ctx.db, ctx.actor) as session:
        models_and_rows: list[tuple[RowTableModel[Any], Sequence[Any]]] = [
            (village_model(), org.list_villages(session)),
            (cell_model(), org.list_cells(session)),
            (position_model(), org.list_positions(session)),
            (assignment_model(), org.list_assignments(session)),
            (upper_level_model(), org.upper_levels(session)),
        ]
    for model, rows in models_and_rows:
        model.set_rows(rows)
        qtmodeltester.check(model)  # type: ignore[attr-defined]
        model.sort(0, Qt.SortOrder.DescendingOrder)
        model.set_filter("na hat")
        qtmodeltester.check(model)  # type: ignore[attr-defined]
