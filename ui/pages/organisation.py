"""The Organisation page (DOMAIN.md §3.3): the unit and its upper levels, villages, cells, cell and
committee positions, and committee members assigned to cells. Every list is a `RowTableModel`; every
change goes through a dialog that writes one transaction, then the page emits `changed` and the main
window tells every page to refresh."""

from __future__ import annotations

from datetime import date
from typing import Any, Generic, TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from models.dates import format_date, today
from models.db import read_session
from models.services import organisation as org
from ui.context import AppContext
from ui.dialogs.organisation import (
    AssignmentDialog,
    CellDialog,
    CloseCellDialog,
    CloseVillageDialog,
    EndPositionDialog,
    PositionDialog,
    UpperLevelDialog,
    VillageDialog,
)
from ui.errors import show_info
from ui.i18n import translate
from ui.pages.base import Page
from ui.settings import ORGANISATION_TAB, SHOW_CLOSED, Settings
from ui.setup_wizard import UnitDialog
from ui.table import Column, RowTableModel, header_text_width

R = TypeVar("R")
MAX_COLUMN_WIDTH = 300
COLUMN_PADDING = 12


def label(mapping: dict[str, str], key: str) -> str:
    return translate("organisation", mapping.get(key, key))


def date_key(value: date | None) -> date:
    return value or date.min


def yes(value: bool) -> str:
    return translate("organisation_ui", "Có") if value else ""


def number(value: int | None) -> str:
    return "" if value is None else f"{value:,}".replace(",", ".")


# ---------------------------------------------------------------- table models


def village_model() -> RowTableModel[org.VillageView]:
    return RowTableModel(
        [
            Column(translate("organisation_ui", "Tên bản"), lambda v: v.name),
            Column(translate("organisation_ui", "Loại"), lambda v: label(org.VILLAGE_KINDS, v.kind)),
            Column(translate("organisation_ui", "Chi bộ phụ trách"), lambda v: ", ".join(v.cell_names)),
            Column(
                translate("organisation_ui", "Đảng viên"),
                lambda v: number(v.member_count),
                lambda v: v.member_count,
                True,
            ),
            Column(
                translate("organisation_ui", "Số hộ"),
                lambda v: number(v.households),
                lambda v: v.households or 0,
                True,
            ),
            Column(
                translate("organisation_ui", "Nhân khẩu"),
                lambda v: number(v.population),
                lambda v: v.population or 0,
                True,
            ),
            Column(
                translate("organisation_ui", "Từ ngày"),
                lambda v: format_date(v.valid_from),
                lambda v: date_key(v.valid_from),
            ),
            Column(
                translate("organisation_ui", "Ngừng từ"),
                lambda v: format_date(v.valid_to),
                lambda v: date_key(v.valid_to),
            ),
            Column(translate("organisation_ui", "Sáp nhập vào"), lambda v: v.successor_name),
        ],
        row_id=lambda v: v.id,
        dimmed=lambda v: not v.active,
    )


def cell_model() -> RowTableModel[org.CellView]:
    return RowTableModel(
        [
            Column(translate("organisation_ui", "Tên chi bộ"), lambda c: c.name),
            Column(translate("organisation_ui", "Loại"), lambda c: label(org.CELL_KINDS, c.kind)),
            Column(translate("organisation_ui", "Các bản"), lambda c: ", ".join(c.village_names)),
            Column(
                translate("organisation_ui", "Đảng viên"),
                lambda c: number(c.member_count),
                lambda c: c.member_count,
                True,
            ),
            Column(translate("organisation_ui", "Chi ủy"), lambda c: yes(c.has_committee)),
            Column(translate("organisation_ui", "Bí thư"), lambda c: c.secretary_name),
            Column(
                translate("organisation_ui", "Kiêm trưởng bản"),
                lambda c: yes(c.secretary_is_village_head),
                tooltip=translate(
                    "organisation_ui",
                    "Bí thư chi bộ kiêm trưởng bản, tiểu khu trưởng hoặc tổ trưởng tổ dân phố",
                ),
            ),
            Column(translate("organisation_ui", "Trạng thái"), lambda c: label(org.CELL_STATUSES, c.status)),
            Column(translate("organisation_ui", "Sáp nhập vào"), lambda c: c.successor_name),
        ],
        row_id=lambda c: c.id,
        dimmed=lambda c: c.status != "active",
    )


def position_flags(p: org.PositionView) -> str:
    flags = []
    if p.is_village_head:
        flags.append(translate("organisation_ui", "kiêm trưởng bản"))
    if p.is_council_chair:
        flags.append(translate("organisation_ui", "kiêm Chủ tịch HĐND"))
    if p.is_committee_chair:
        flags.append(translate("organisation_ui", "kiêm Chủ tịch UBND"))
    if p.is_non_local:
        flags.append(translate("organisation_ui", "không phải người địa phương"))
    return ", ".join(flags)


def position_model() -> RowTableModel[org.PositionView]:
    return RowTableModel(
        [
            Column(
                translate("organisation_ui", "Chi bộ / Đảng ủy"),
                lambda p: p.cell_name or translate("organisation_ui", "Đảng ủy"),
            ),
            Column(translate("organisation_ui", "Chức vụ"), lambda p: label(org.POSITION_ROLES, p.role)),
            Column(translate("organisation_ui", "Họ và tên"), lambda p: p.member_name),
            Column(
                translate("organisation_ui", "Từ ngày"),
                lambda p: format_date(p.start_date),
                lambda p: p.start_date,
            ),
            Column(
                translate("organisation_ui", "Đến ngày"),
                lambda p: format_date(p.end_date),
                lambda p: date_key(p.end_date),
            ),
            Column(translate("organisation_ui", "Kiêm nhiệm"), position_flags),
        ],
        row_id=lambda p: p.id,
        dimmed=lambda p: p.end_date is not None,
    )


def assignment_model() -> RowTableModel[org.AssignmentView]:
    return RowTableModel(
        [
            Column(translate("organisation_ui", "Chi bộ"), lambda a: a.cell_name),
            Column(translate("organisation_ui", "Đảng ủy viên phụ trách"), lambda a: a.member_name),
            Column(
                translate("organisation_ui", "Từ ngày"),
                lambda a: format_date(a.start_date),
                lambda a: a.start_date,
            ),
            Column(
                translate("organisation_ui", "Đến ngày"),
                lambda a: format_date(a.end_date),
                lambda a: date_key(a.end_date),
            ),
        ],
        row_id=lambda a: a.id,
        dimmed=lambda a: a.end_date is not None,
    )


def upper_level_model() -> RowTableModel[org.UpperLevelView]:
    return RowTableModel(
        [
            Column(translate("organisation_ui", "Cấp trên"), lambda u: u.name),
            Column(translate("organisation_ui", "Ký hiệu"), lambda u: u.symbol),
            Column(translate("organisation_ui", "Dòng tiêu đề văn bản"), lambda u: u.header_line),
            Column(translate("organisation_ui", "Ban Tổ chức"), lambda u: u.organisation_board),
            Column(
                translate("organisation_ui", "Từ ngày"),
                lambda u: format_date(u.valid_from),
                lambda u: u.valid_from,
            ),
            Column(
                translate("organisation_ui", "Đến ngày"),
                lambda u: format_date(u.valid_to),
                lambda u: date_key(u.valid_to),
            ),
        ],
        row_id=lambda u: u.id,
        dimmed=lambda u: u.valid_to is not None,
    )


def make_table(model: RowTableModel[Any]) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setSortingEnabled(True)
    view.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # Qt's default indicator is descending
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    view.setWordWrap(False)
    header = view.horizontalHeader()
    header.setStretchLastSection(True)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setHighlightSections(False)
    return view


def fit_columns(view: QTableView) -> None:
    """Columns as wide as their contents; when that is wider than the table, the widest other columns
    give way first (a common cap is lowered until everything fits), so no column hides behind a scroll
    bar at 1366×768 while narrow ones (counts, flags) stay whole."""
    view.resizeColumnsToContents()
    header = view.horizontalHeader()
    widths = [min(header.sectionSize(s) + COLUMN_PADDING, MAX_COLUMN_WIDTH) for s in range(header.count())]
    available = view.viewport().width() or view.width()
    if sum(widths) > available > 0 and len(widths) > 1:
        # the first column names the row (a cell, a village, a person): it keeps its width
        rest = available - widths[0]
        cap = max(widths[1:])
        while cap > 80 and sum(min(w, cap) for w in widths[1:]) > rest:
            cap -= 4
        widths = [widths[0], *(min(w, cap) for w in widths[1:])]
    for section, width in enumerate(widths):
        header.resizeSection(section, max(width, header_text_width(header, section)))


# ---------------------------------------------------------------- list tabs


class ListTab(QWidget, Generic[R]):
    """Buttons, a search box (Ctrl+F) and a table; `refresh()` reloads from the database."""

    changed = Signal()

    def __init__(self, ctx: AppContext, model: RowTableModel[R], show_closed_label: str) -> None:
        super().__init__()
        self.ctx = ctx
        self.model = model
        self.view = make_table(model)
        self.search = QLineEdit()
        self.search.setPlaceholderText(translate("organisation_ui", "Tìm (Ctrl+F)…"))
        self.search.setClearButtonEnabled(True)
        self.search.setMaximumWidth(280)
        self.search.textChanged.connect(self.model.set_filter)
        self.show_closed = QCheckBox(show_closed_label)
        self.show_closed.toggled.connect(lambda _on: self.refresh())
        self.buttons = QHBoxLayout()
        bar = QHBoxLayout()
        bar.addLayout(self.buttons)
        bar.addStretch(1)
        bar.addWidget(self.show_closed)
        bar.addWidget(self.search)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view)
        self.view.activated.connect(lambda _i: self.edit())
        self.view.selectionModel().selectionChanged.connect(lambda *_a: self.update_buttons())
        self._fitted = False

    def showEvent(self, event: QShowEvent) -> None:
        """Columns are fitted once the table has its real width (not while the page is built)."""
        super().showEvent(event)
        if not self._fitted and self.model.rowCount() > 0:
            fit_columns(self.view)
            self._fitted = True

    def add_button(
        self, text: str, slot: Any, *, needs_selection: bool = False, tip: str = ""
    ) -> QPushButton:
        button = QPushButton(text)
        button.setAutoDefault(False)
        if tip:
            button.setToolTip(tip)
        button.clicked.connect(lambda _c=False: slot())
        button.setProperty("needs_selection", needs_selection)
        self.buttons.addWidget(button)
        return button

    def update_buttons(self) -> None:
        has = self.selected() is not None
        for i in range(self.buttons.count()):
            item = self.buttons.itemAt(i)
            widget = item.widget() if item is not None else None
            if isinstance(widget, QPushButton) and widget.property("needs_selection"):
                widget.setEnabled(has)

    def load(self) -> list[R]:
        raise NotImplementedError

    def refresh(self) -> None:
        current = self.selected()
        current_id = (
            self.model.data(self.view.currentIndex(), Qt.ItemDataRole.UserRole + 1) if current else None
        )
        self.model.set_rows(self.load())
        if not self._fitted and self.model.rowCount() > 0 and self.view.isVisible():
            fit_columns(self.view)
            self._fitted = True
        if isinstance(current_id, str):
            self.select_id(current_id)
        self.update_buttons()

    def select_id(self, row_id: str) -> None:
        row = self.model.row_of_id(row_id)
        if row >= 0:
            self.view.selectRow(row)
            self.view.setCurrentIndex(self.model.index(row, 0))

    def selected(self) -> R | None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.row_at(rows[0].row())

    def after_change(self, new_id: str | None = None) -> None:
        self.changed.emit()
        if new_id is not None:
            self.select_id(new_id)

    def add(self) -> None:
        """Ctrl+N."""

    def edit(self) -> None:
        """Enter or double-click on a row."""


class VillagesTab(ListTab[org.VillageView]):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx, village_model(), translate("organisation_ui", "Hiện cả bản đã ngừng"))
        self.add_button(
            translate("organisation_ui", "Thêm bản…"), self.add, tip=translate("organisation_ui", "Ctrl+N")
        )
        self.add_button(translate("organisation_ui", "Sửa…"), self.edit, needs_selection=True)
        self.add_button(
            translate("organisation_ui", "Ngừng / sáp nhập…"), self.close_selected, needs_selection=True
        )

    def load(self) -> list[org.VillageView]:
        with read_session(self.ctx.db, self.ctx.actor) as session:
            return org.list_villages(session, include_closed=self.show_closed.isChecked())

    def add(self) -> None:
        new_id = VillageDialog.ask(self.ctx, None, self)
        if new_id is not None:
            self.after_change(new_id)

    def edit(self) -> None:
        village = self.selected()
        if village is not None and village.active and VillageDialog.ask(self.ctx, village, self):
            self.after_change(village.id)

    def close_selected(self) -> None:
        village = self.selected()
        if village is None:
            return
        if not village.active:
            show_info(
                self,
                translate("organisation_ui", "Ngừng bản"),
                translate("organisation_ui", "Bản này đã ngừng từ trước."),
            )
            return
        if CloseVillageDialog.ask(self.ctx, village, self):
            self.after_change()


class CellsTab(ListTab[org.CellView]):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__(
            ctx, cell_model(), translate("organisation_ui", "Hiện cả chi bộ đã sáp nhập, giải thể")
        )
        self.add_button(
            translate("organisation_ui", "Thêm chi bộ…"), self.add, tip=translate("organisation_ui", "Ctrl+N")
        )
        self.add_button(translate("organisation_ui", "Sửa…"), self.edit, needs_selection=True)
        self.add_button(
            translate("organisation_ui", "Sáp nhập / giải thể…"), self.close_selected, needs_selection=True
        )

    def load(self) -> list[org.CellView]:
        with read_session(self.ctx.db, self.ctx.actor) as session:
            return org.list_cells(session, include_closed=self.show_closed.isChecked())

    def add(self) -> None:
        new_id = CellDialog.ask(self.ctx, None, self)
        if new_id is not None:
            self.after_change(new_id)

    def edit(self) -> None:
        cell = self.selected()
        if cell is not None and cell.status == "active" and CellDialog.ask(self.ctx, cell, self):
            self.after_change(cell.id)

    def close_selected(self) -> None:
        cell = self.selected()
        if cell is None:
            return
        if cell.status != "active":
            show_info(
                self,
                translate("organisation_ui", "Sáp nhập chi bộ"),
                translate("organisation_ui", "Chi bộ này đã sáp nhập hoặc giải thể."),
            )
            return
        moved = CloseCellDialog.ask(self.ctx, cell, self)
        if moved is not None:
            self.after_change()
            if moved:
                show_info(
                    self,
                    translate("organisation_ui", "Đã sáp nhập"),
                    translate("organisation_ui", "Đã chuyển {n} đảng viên sang chi bộ tiếp nhận.").format(
                        n=number(moved)
                    ),
                )


class PositionsTab(ListTab[org.PositionView]):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx, position_model(), translate("organisation_ui", "Hiện cả chức vụ đã thôi"))
        self.add_button(
            translate("organisation_ui", "Giao chức vụ…"),
            self.add,
            tip=translate("organisation_ui", "Ctrl+N"),
        )
        self.add_button(
            translate("organisation_ui", "Thôi chức vụ…"), self.end_selected, needs_selection=True
        )

    def load(self) -> list[org.PositionView]:
        with read_session(self.ctx.db, self.ctx.actor) as session:
            return org.list_positions(session, current_only=not self.show_closed.isChecked())

    def add(self) -> None:
        new_id = PositionDialog.ask(self.ctx, None, self)
        if new_id is not None:
            self.after_change(new_id)

    def edit(self) -> None:
        self.end_selected()

    def end_selected(self) -> None:
        position = self.selected()
        if (
            position is not None
            and position.end_date is None
            and EndPositionDialog.ask(self.ctx, position, self)
        ):
            self.after_change()


class AssignmentsTab(ListTab[org.AssignmentView]):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__(
            ctx, assignment_model(), translate("organisation_ui", "Hiện cả phân công đã kết thúc")
        )
        self.add_button(
            translate("organisation_ui", "Phân công phụ trách…"),
            self.add,
            tip=translate("organisation_ui", "Ctrl+N"),
        )

    def load(self) -> list[org.AssignmentView]:
        with read_session(self.ctx.db, self.ctx.actor) as session:
            return org.list_assignments(session, current_only=not self.show_closed.isChecked())

    def add(self) -> None:
        current = self.selected()
        new_id = AssignmentDialog.ask(self.ctx, current.cell_id if current else None, self)
        if new_id is not None:
            self.after_change(new_id)

    def edit(self) -> None:
        self.add()


class UnitTab(QWidget):
    """The unit's identity and the history of its upper levels."""

    changed = Signal()

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.fields: dict[str, QLabel] = {}
        identity = QGroupBox(translate("organisation_ui", "Đơn vị"))
        form = QFormLayout(identity)
        for key, text in (
            ("name", translate("organisation_ui", "Tên đảng bộ:")),
            ("committee_name", translate("organisation_ui", "Tên đảng ủy:")),
            ("symbol", translate("organisation_ui", "Ký hiệu văn bản:")),
            ("place_name", translate("organisation_ui", "Địa danh ghi ngày tháng:")),
            ("province", translate("organisation_ui", "Tỉnh:")),
            ("term", translate("organisation_ui", "Nhiệm kỳ:")),
            ("upper", translate("organisation_ui", "Cấp trên hiện nay:")),
        ):
            value = QLabel()
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fields[key] = value
            form.addRow(text, value)
        edit = QPushButton(translate("organisation_ui", "Sửa thông tin đơn vị…"))
        edit.setAutoDefault(False)
        edit.clicked.connect(self.edit)
        form.addRow("", edit)
        self.upper_model = upper_level_model()
        self.upper_view = make_table(self.upper_model)
        uppers = QGroupBox(translate("organisation_ui", "Cấp trên qua các thời kỳ"))
        uppers_layout = QVBoxLayout(uppers)
        uppers_layout.addWidget(
            QLabel(
                translate(
                    "organisation_ui",
                    "Văn bản lấy dòng tiêu đề của cấp trên có hiệu lực vào ngày ký văn bản.",
                )
            )
        )
        uppers_layout.addWidget(self.upper_view)
        add_upper = QPushButton(translate("organisation_ui", "Thêm cấp trên trước đây…"))
        add_upper.setAutoDefault(False)
        add_upper.clicked.connect(self.add_upper)
        row = QHBoxLayout()
        row.addWidget(add_upper)
        row.addStretch(1)
        uppers_layout.addLayout(row)
        layout = QVBoxLayout(self)
        layout.addWidget(identity)
        layout.addWidget(uppers, 1)

    def refresh(self) -> None:
        with read_session(self.ctx.db, self.ctx.actor) as session:
            unit = org.own_unit(session)
            current = org.current_upper_level(session, today())
            uppers = org.upper_levels(session)
        self.fields["name"].setText(unit.name)
        self.fields["committee_name"].setText(unit.committee_name)
        self.fields["symbol"].setText(unit.symbol)
        self.fields["place_name"].setText(unit.place_name)
        self.fields["province"].setText(unit.province)
        term = ""
        if unit.term_start or unit.term_end:
            term = f"{format_date(unit.term_start)} – {format_date(unit.term_end)}"
        self.fields["term"].setText(term)
        self.fields["upper"].setText(f"{current.name} ({current.header_line})" if current else "")
        self.upper_model.set_rows(uppers)
        fit_columns(self.upper_view)

    def edit(self) -> None:
        if UnitDialog.ask(self.ctx, self):
            self.changed.emit()

    def add_upper(self) -> None:
        if UpperLevelDialog.ask(self.ctx, self):
            self.changed.emit()

    def add(self) -> None:
        self.add_upper()

    def focus_search(self) -> None:
        """This tab has no search box."""


class OrganisationPage(Page):
    """The tabs Đơn vị, Bản, Chi bộ, Chức vụ, Phân công phụ trách."""

    def __init__(self, ctx: AppContext, settings: Settings | None = None) -> None:
        super().__init__()
        self.ctx = ctx
        self.settings = settings
        self.unit_tab = UnitTab(ctx)
        self.villages_tab = VillagesTab(ctx)
        self.cells_tab = CellsTab(ctx)
        self.positions_tab = PositionsTab(ctx)
        self.assignments_tab = AssignmentsTab(ctx)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.unit_tab, translate("organisation_ui", "Đơn vị"))
        self.tabs.addTab(self.villages_tab, translate("organisation_ui", "Bản"))
        self.tabs.addTab(self.cells_tab, translate("organisation_ui", "Chi bộ"))
        self.tabs.addTab(self.positions_tab, translate("organisation_ui", "Chức vụ"))
        self.tabs.addTab(self.assignments_tab, translate("organisation_ui", "Phân công phụ trách"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        for tab in (
            self.unit_tab,
            self.villages_tab,
            self.cells_tab,
            self.positions_tab,
            self.assignments_tab,
        ):
            tab.changed.connect(self.changed)
        if settings is not None:
            show = settings.get(SHOW_CLOSED)
            for list_tab in self.list_tabs():
                list_tab.show_closed.setChecked(show)
            self.tabs.setCurrentIndex(settings.get(ORGANISATION_TAB))
            self.tabs.currentChanged.connect(lambda i: settings.set(ORGANISATION_TAB, i))
        new = QShortcut(QKeySequence.StandardKey.New, self)
        new.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        new.activated.connect(self.add_in_current_tab)
        find = QShortcut(QKeySequence.StandardKey.Find, self)
        find.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.activated.connect(self.focus_search)

    def list_tabs(self) -> list[ListTab[Any]]:
        return [self.villages_tab, self.cells_tab, self.positions_tab, self.assignments_tab]

    def title(self) -> str:
        return translate("organisation_ui", "Tổ chức")

    def refresh(self) -> None:
        self.unit_tab.refresh()
        for tab in self.list_tabs():
            tab.refresh()

    def add_in_current_tab(self) -> None:
        tab = self.tabs.currentWidget()
        if isinstance(tab, ListTab | UnitTab):
            tab.add()

    def focus_search(self) -> None:
        tab = self.tabs.currentWidget()
        if isinstance(tab, ListTab):
            tab.search.setFocus()
            tab.search.selectAll()
