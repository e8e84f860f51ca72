"""The Meetings page (DOMAIN.md §3.5): a calendar-like overview of the selected year — one row per active
cell, one column per month with the quarter's thematic meeting after every third month — coloured held,
planned or missing, the current month's missing meetings standing out; under it the meetings of the
selected cell. Double-click opens the meeting (or a new one for an empty month). Buttons preview the
minutes, blank minutes to fill by hand and an extract of one item (ui/pdf_preview.py)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from forms.document import Document
from forms.minutes import blank_minutes, extract_document, minutes_document
from forms.party_papers import resolution_document
from models.dates import format_date, month_key, today
from models.db import read_session, unit_of_work
from models.errors import DomainError
from models.services import meetings as mt
from models.text import fold
from ui.context import AppContext
from ui.dialogs.meeting_entry import MeetingDialog, warnings_text
from ui.dialogs.meeting_extract import ExtractDialog
from ui.errors import confirm, show_error, show_info
from ui.i18n import translate
from ui.pages.base import Page
from ui.pdf_preview import PdfPreview
from ui.table import Column, RowTableModel

Index = QModelIndex | QPersistentModelIndex

HELD = QColor(200, 230, 201)  # green
PLANNED = QColor(255, 236, 179)  # amber
MISSING = QColor(248, 215, 218)  # pale red: a past month without a meeting
OVERDUE = QColor(198, 40, 40)  # strong red: this month, not yet met
FUTURE = QColor(255, 255, 255)
THEMATIC_DUE = QColor(255, 243, 224)  # the current quarter still owes its thematic meeting
ROMAN = ("I", "II", "III", "IV")
NAME_WIDTH = 190  # the cell-name column (longer names elide, the tooltip has them); the months share the rest
QUARTER_WIDTH = 54


@dataclass(frozen=True)
class Slot:
    """One cell of the overview: a month (1–12) or a quarter's thematic column (quarter 1–4)."""

    month: int | None
    quarter: int


def slots() -> list[Slot]:
    out: list[Slot] = []
    for quarter in range(1, 5):
        out.extend(Slot(m, quarter) for m in range(3 * quarter - 2, 3 * quarter + 1))
        out.append(Slot(None, quarter))
    return out


@dataclass(frozen=True)
class OverviewRow:
    cell_id: str
    cell_name: str
    months: dict[int, mt.CellMonth]  # month 1–12 → state
    meetings: dict[int, tuple[mt.MeetingRow, ...]]  # month → the cell's meetings that month
    thematic: dict[int, bool]  # quarter → a thematic meeting held


class OverviewModel(QAbstractTableModel):
    """Cells × months of one year; `state(row, slot)` is held / planned / missing / overdue / future."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.year = today().year
        self.today = today()
        self._rows: list[OverviewRow] = []
        self._slots = slots()

    def set_rows(self, year: int, rows: list[OverviewRow], on: date | None = None) -> None:
        self.beginResetModel()
        self.year = year
        self.today = on or today()
        self._rows = rows
        self.endResetModel()

    def row_at(self, row: int) -> OverviewRow:
        return self._rows[row]

    def slot_at(self, column: int) -> Slot | None:
        return self._slots[column - 1] if 1 <= column <= len(self._slots) else None

    def column_of_month(self, month: int) -> int:
        return next(i for i, s in enumerate(self._slots, start=1) if s.month == month)

    def row_of_cell(self, cell_id: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.cell_id == cell_id), -1)

    def month_state(self, row: OverviewRow, month: int) -> str:
        current = (self.today.year, self.today.month)
        state = row.months[month].state if month in row.months else "missing"
        if state != "missing":
            return state
        if (self.year, month) > current:
            return "future"
        return "overdue" if (self.year, month) == current else "missing"

    def quarter_state(self, row: OverviewRow, quarter: int) -> str:
        if row.thematic.get(quarter):
            return "held"
        first = (self.year, 3 * quarter - 2)
        last = (self.year, 3 * quarter)
        current = (self.today.year, self.today.month)
        if current < first:
            return "future"
        return "missing" if current > last else "due"

    def state(self, index: Index) -> str:
        slot = self.slot_at(index.column())
        if slot is None:
            return ""
        row = self._rows[index.row()]
        return self.month_state(row, slot.month) if slot.month else self.quarter_state(row, slot.quarter)

    # -- Qt API

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._slots) + 1

    def _text(self, row: OverviewRow, slot: Slot, state: str) -> str:
        if slot.month is None:
            return {
                "held": translate("meetings_ui", "CĐ ✓"),
                "missing": translate("meetings_ui", "Thiếu"),
                "due": translate("meetings_ui", "Chưa"),
            }.get(state, "")
        if state == "held":
            numbers = [m.number for m in row.meetings.get(slot.month, ()) if m.number is not None]
            return f"✓ {numbers[0]:02d}" if numbers else "✓"
        if state == "planned":
            dates = [m.date for m in row.meetings.get(slot.month, ()) if m.date is not None]
            return dates[0].strftime("%d/%m") if dates else translate("meetings_ui", "Dự kiến")
        return {
            "missing": translate("meetings_ui", "Thiếu"),
            "overdue": translate("meetings_ui", "Chưa"),
        }.get(state, "")

    def _tooltip(self, row: OverviewRow, slot: Slot, state: str) -> str:
        if slot.month is None:
            return {
                "held": translate("meetings_ui", "Quý {q}: đã sinh hoạt chuyên đề"),
                "missing": translate("meetings_ui", "Quý {q}: không có buổi sinh hoạt chuyên đề"),
                "due": translate("meetings_ui", "Quý {q}: chưa sinh hoạt chuyên đề"),
            }.get(state, "").format(q=ROMAN[slot.quarter - 1])
        lines = [f"{row.cell_name} — {slot.month:02d}/{self.year}"]
        for m in row.meetings.get(slot.month, ()):
            number = f" — Số {m.number:02d}" if m.number is not None else ""
            status = (
                translate("meetings_ui", "đã họp")
                if m.status == "held"
                else translate("meetings_ui", "dự kiến")
            )
            lines.append(
                f"{translate('meetings', mt.KINDS[m.kind])}, {format_date(m.date)} ({status}){number}; "
                + translate("meetings_ui", "có mặt {p}/{e}").format(p=m.present, e=m.expected)
            )
        if state == "overdue":
            lines.append(translate("meetings_ui", "Tháng này chi bộ chưa sinh hoạt."))
        elif state == "missing":
            lines.append(translate("meetings_ui", "Không có biên bản sinh hoạt tháng này."))
        return "\n".join(lines)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if not 0 <= index.column() <= len(self._slots):
            return None
        row = self._rows[index.row()]
        if index.column() == 0:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                return row.cell_name
            return None
        slot = self._slots[index.column() - 1]
        state = self.state(index)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, slot, state)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, slot, state)
        if role == Qt.ItemDataRole.BackgroundRole:
            colour = {
                "held": HELD,
                "planned": PLANNED,
                "missing": MISSING,
                "overdue": OVERDUE,
                "due": THEMATIC_DUE,
            }.get(state, FUTURE)
            return QBrush(colour)
        if role == Qt.ItemDataRole.ForegroundRole and state == "overdue":
            return QBrush(QColor(255, 255, 255))
        if role == Qt.ItemDataRole.FontRole and (state == "overdue" or slot.month is None):
            font = QFont()
            font.setBold(state == "overdue")
            font.setItalic(slot.month is None)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section <= len(self._slots):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if section == 0:
                return translate("meetings_ui", "Chi bộ")
            slot = self._slots[section - 1]
            return (
                f"T{slot.month}"
                if slot.month
                else translate("meetings_ui", "Quý {q}").format(q=ROMAN[slot.quarter - 1])
            )
        if role == Qt.ItemDataRole.ToolTipRole and section > 0:
            slot = self._slots[section - 1]
            if slot.month:
                return translate("meetings_ui", "Tháng {m}/{y}").format(m=slot.month, y=self.year)
            return translate("meetings_ui", "Sinh hoạt chuyên đề quý {q}").format(q=ROMAN[slot.quarter - 1])
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


def load_overview(session: Any, year: int) -> list[OverviewRow]:
    per_month = {m: mt.month_overview(session, f"{year:04d}-{m:02d}") for m in range(1, 13)}
    meetings = mt.list_meetings(session, year=year)
    by_cell_month: dict[tuple[str, int], list[mt.MeetingRow]] = {}
    for row in sorted(meetings, key=lambda r: (r.date or date.min, r.number or 0)):
        by_cell_month.setdefault((row.cell_id, int(row.month[5:])), []).append(row)
    cells = [(c.cell_id, c.cell_name) for c in per_month[1]]
    out = []
    for cell_id, cell_name in cells:
        months = {m: next(c for c in per_month[m] if c.cell_id == cell_id) for m in range(1, 13)}
        out.append(
            OverviewRow(
                cell_id,
                cell_name,
                months,
                {m: tuple(by_cell_month.get((cell_id, m), ())) for m in range(1, 13)},
                {q: months[3 * q - 2].thematic_in_quarter for q in range(1, 5)},
            )
        )
    return out


def meeting_model() -> RowTableModel[mt.MeetingRow]:
    return RowTableModel(
        [
            Column(
                translate("meetings_ui", "Số"),
                lambda m: f"{m.number:02d}" if m.number is not None else "",
                lambda m: m.number or 0,
                True,
            ),
            Column(
                translate("meetings_ui", "Tháng"), lambda m: f"{m.month[5:]}/{m.month[:4]}", lambda m: m.month
            ),
            Column(
                translate("meetings_ui", "Ngày"), lambda m: format_date(m.date), lambda m: m.date or date.min
            ),
            Column(
                translate("meetings_ui", "Loại"),
                lambda m: translate("meetings", mt.KINDS.get(m.kind, m.kind)),
            ),
            Column(
                translate("meetings_ui", "Trạng thái"),
                lambda m: (
                    translate("meetings_ui", "Đã họp")
                    if m.status == "held"
                    else translate("meetings_ui", "Dự kiến")
                ),
            ),
            Column(
                translate("meetings_ui", "Có mặt"),
                lambda m: f"{m.present}/{m.expected}" if m.status == "held" else "",
                lambda m: (m.present / m.expected) if m.expected else 0.0,
                True,
            ),
            Column(
                translate("meetings_ui", "Chất lượng"),
                lambda m: translate("meetings", mt.QUALITY[m.quality_rating]) if m.quality_rating else "",
            ),
        ],
        row_id=lambda m: m.id,
        dimmed=lambda m: m.status != "held",
    )


def file_name(*parts: str) -> str:
    """An ASCII file name: "bien-ban-chi-bo-ban-na-hat-2026-03.pdf"."""
    words = fold(" ".join(parts)).replace("/", " ").replace("-", " ").split()
    safe = "-".join("".join(ch for ch in w if ch.isalnum()) for w in words)
    return f"{safe.strip('-')}.pdf"


class MeetingsPage(Page):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.year = QSpinBox()
        self.year.setRange(1990, 2100)
        self.year.setValue(today().year)
        self.year.setPrefix(translate("meetings_ui", "Năm "))
        self.year.valueChanged.connect(lambda _y: self.refresh())
        self.overview = OverviewModel(self)
        self.grid = QTableView()
        self.grid.setModel(self.overview)
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.grid.verticalHeader().hide()
        self.grid.verticalHeader().setDefaultSectionSize(self.grid.fontMetrics().height() + 8)
        self.grid.setWordWrap(False)
        header = self.grid.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        # Every cell's text fits its column (a narrow window scrolls sideways instead of cutting it).
        metrics = self.grid.fontMetrics()
        bold = QFont(self.grid.font())
        bold.setBold(True)
        # ("Dự kiến", a planned meeting without a date yet, is rare: it may elide, its tooltip says it)
        cell_texts = [translate("meetings_ui", t) for t in ("Thiếu", "CĐ ✓", "Chưa")]
        widest = max(
            QFontMetrics(bold).horizontalAdvance(translate("meetings_ui", "Chưa")),
            *(metrics.horizontalAdvance(text) for text in [*cell_texts, "✓ 00", "00/00", "T12"]),
        )
        header.setMinimumSectionSize(widest + 10)
        for column, slot in enumerate(self.overview_slots(), start=1):
            if slot.month is None:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
                header.resizeSection(column, max(QUARTER_WIDTH, widest + 10))
        header.setHighlightSections(False)
        self.grid.doubleClicked.connect(self.open_slot)
        self.grid.activated.connect(self.open_slot)
        self.grid.selectionModel().currentChanged.connect(lambda *_a: self._slot_changed())
        self.legend = QLabel(self._legend())
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.meetings = meeting_model()
        self.list = QTableView()
        self.list.setModel(self.meetings)
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setAlternatingRowColors(True)
        self.list.setSortingEnabled(True)
        self.list.sortByColumn(1, Qt.SortOrder.DescendingOrder)
        self.list.verticalHeader().hide()
        self.list.horizontalHeader().setStretchLastSection(True)
        self.list.activated.connect(lambda _i: self.edit_selected())
        self.list.selectionModel().selectionChanged.connect(lambda *_a: self.update_buttons())
        self.list_title = QLabel()
        self.list_title.setStyleSheet("font-weight: bold;")
        self.list_title.setWordWrap(True)  # a long cell name wraps instead of being cut by the buttons

        self.new_button = self._button(
            translate("meetings_ui", "Ghi biên bản…"), self.new_meeting, translate("meetings_ui", "Ctrl+N")
        )
        self.edit_button = self._button(translate("meetings_ui", "Sửa…"), self.edit_selected)
        self.preview_button = self._button(translate("meetings_ui", "Xem biên bản"), self.preview_selected)
        self.blank_button = self._button(
            translate("meetings_ui", "Biên bản trống"),
            self.preview_blank,
            translate("meetings_ui", "Biên bản in sẵn danh sách đảng viên để ghi tay"),
        )
        self.blank_kind = QComboBox()
        for kind, label in (
            ("regular", translate("meetings_ui", "định kỳ")),
            ("thematic", translate("meetings_ui", "chuyên đề")),
            ("ballot", translate("meetings_ui", "kiểm phiếu")),
        ):
            self.blank_kind.addItem(label, kind)
        self.blank_kind.setToolTip(translate("meetings_ui", "Loại biên bản trống"))
        self.extract_button = self._button(
            translate("meetings_ui", "Trích biên bản…"),
            self.preview_extract,
            translate("meetings_ui", "Trích một nội dung, ví dụ cho hồ sơ kết nạp"),
        )
        self.resolution_button = self._button(
            translate("meetings_ui", "Nghị quyết"),
            self.preview_resolution,
            translate("meetings_ui", "Nghị quyết của chi bộ từ biên bản buổi sinh hoạt"),
        )
        self.delete_button = self._button(translate("meetings_ui", "Xóa…"), self.delete_selected)
        bar = QHBoxLayout()
        bar.addWidget(self.year)
        for button in (self.new_button, self.blank_button):
            bar.addWidget(button)
        bar.addWidget(self.blank_kind)
        bar.addStretch(1)
        bar.addWidget(self.legend)
        list_bar = QHBoxLayout()
        list_bar.addWidget(self.list_title, 1)
        for button in (
            self.edit_button,
            self.preview_button,
            self.extract_button,
            self.resolution_button,
            self.delete_button,
        ):
            list_bar.addWidget(button)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addLayout(bar)
        top_layout.addWidget(self.grid)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addLayout(list_bar)
        bottom_layout.addWidget(self.list)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(top)
        self.splitter.addWidget(bottom)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        new = QShortcut(QKeySequence.StandardKey.New, self)
        new.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        new.activated.connect(self.new_meeting)
        self._selected_cell: str | None = None
        self.update_buttons()

    def overview_slots(self) -> list[Slot]:
        return slots()

    def _button(self, text: str, slot: Any, tip: str = "") -> QPushButton:
        button = QPushButton(text)
        button.setAutoDefault(False)
        if tip:
            button.setToolTip(tip)
        button.clicked.connect(lambda _c=False: slot())
        return button

    def _legend(self) -> str:
        def swatch(colour: QColor, text: str, fg: str = "#000") -> str:
            return f'<span style="background:{colour.name()}; color:{fg};">&nbsp;{text}&nbsp;</span>'

        return "&nbsp;".join(
            (
                swatch(HELD, translate("meetings_ui", "Đã họp")),
                swatch(PLANNED, translate("meetings_ui", "Dự kiến")),
                swatch(MISSING, translate("meetings_ui", "Không họp")),
                swatch(OVERDUE, translate("meetings_ui", "Tháng này chưa họp"), "#fff"),
            )
        )

    def title(self) -> str:
        return translate("meetings_ui", "Sinh hoạt chi bộ")

    # -- data

    def refresh(self) -> None:
        year = self.year.value()
        current = self.grid.currentIndex()
        with read_session(self.ctx.db, self.ctx.actor) as session:
            rows = load_overview(session, year)
        self.overview.set_rows(year, rows)
        self.grid.resizeColumnToContents(0)
        self.grid.setColumnWidth(0, min(self.grid.columnWidth(0), NAME_WIDTH))
        if current.isValid() and current.row() < self.overview.rowCount():
            self.grid.setCurrentIndex(self.overview.index(current.row(), current.column()))
        elif self.overview.rowCount():
            month = today().month if year == today().year else 1
            self.grid.setCurrentIndex(self.overview.index(0, self.overview.column_of_month(month)))
        self._slot_changed(force=True)

    def _slot_changed(self, *, force: bool = False) -> None:
        index = self.grid.currentIndex()
        cell_id = self.overview.row_at(index.row()).cell_id if index.isValid() else None
        if cell_id != self._selected_cell or force:
            self._selected_cell = cell_id
            self.load_list()
        self.update_buttons()

    def load_list(self) -> None:
        cell_id = self._selected_cell
        if cell_id is None:
            self.meetings.set_rows([])
            self.list_title.setText("")
            return
        with read_session(self.ctx.db, self.ctx.actor) as session:
            rows = mt.list_meetings(session, cell_id=cell_id, year=self.year.value())
        self.meetings.set_rows(rows)
        self.list.resizeColumnsToContents()
        name = self.overview.row_at(self.overview.row_of_cell(cell_id)).cell_name
        self.list_title.setText(
            translate("meetings_ui", "Các buổi sinh hoạt của {cell} năm {year}").format(
                cell=name, year=self.year.value()
            )
        )

    def current_slot(self) -> tuple[str, str] | None:
        """(cell id, "YYYY-MM") of the selected overview cell (a quarter column: its first month)."""
        index = self.grid.currentIndex()
        slot = self.overview.slot_at(index.column()) if index.isValid() else None
        if slot is None:
            return None
        month = slot.month or 3 * slot.quarter - 2
        return self.overview.row_at(index.row()).cell_id, f"{self.year.value():04d}-{month:02d}"

    def selected_meeting(self) -> mt.MeetingRow | None:
        rows = self.list.selectionModel().selectedRows()
        return self.meetings.row_at(rows[0].row()) if rows else None

    def update_buttons(self) -> None:
        meeting = self.selected_meeting()
        has_slot = self.current_slot() is not None
        self.new_button.setEnabled(has_slot)
        self.blank_button.setEnabled(has_slot)
        self.edit_button.setEnabled(meeting is not None)
        self.delete_button.setEnabled(meeting is not None)
        held = meeting is not None and meeting.status == "held"
        self.preview_button.setEnabled(held)
        self.extract_button.setEnabled(held)
        self.resolution_button.setEnabled(held and meeting is not None and meeting.kind != "congress")

    def select_meeting(self, meeting_id: str) -> None:
        row = self.meetings.row_of_id(meeting_id)
        if row >= 0:
            self.list.selectRow(row)

    # -- actions

    def after_save(self, saved: mt.SavedMeeting | None) -> None:
        if saved is None:
            return
        self.changed.emit()
        self.select_meeting(saved.id)
        if saved.warnings:
            show_info(self, translate("meetings_ui", "Đã lưu biên bản"), warnings_text(saved))

    def new_meeting(self) -> None:
        slot = self.current_slot()
        if slot is not None:
            self.after_save(MeetingDialog.ask(self.ctx, slot[0], slot[1], None, self))

    def open_slot(self, index: QModelIndex) -> None:
        """Double-click: open the month's meeting (held first), or start a new one."""
        slot = self.overview.slot_at(index.column())
        if slot is None:
            return
        row = self.overview.row_at(index.row())
        month = slot.month or 3 * slot.quarter - 2
        existing = sorted(
            row.meetings.get(month, ()), key=lambda m: (m.status != "held", m.kind != "regular")
        )
        if slot.month is None:
            thematic = [
                m
                for q_month in range(3 * slot.quarter - 2, 3 * slot.quarter + 1)
                for m in row.meetings.get(q_month, ())
                if m.kind == "thematic"
            ]
            existing = thematic
        month_text = f"{self.year.value():04d}-{month:02d}"
        if existing:
            self.after_save(MeetingDialog.ask(self.ctx, row.cell_id, month_text, existing[0].id, self))
        else:
            self.after_save(MeetingDialog.ask(self.ctx, row.cell_id, month_text, None, self))

    def edit_selected(self) -> None:
        meeting = self.selected_meeting()
        if meeting is not None:
            self.after_save(MeetingDialog.ask(self.ctx, meeting.cell_id, meeting.month, meeting.id, self))

    def _preview(self, build: Any, name: str) -> None:
        try:
            with read_session(self.ctx.db, self.ctx.actor) as session:
                document: Document = build(session)
        except DomainError as exc:
            show_error(self, exc)
            return
        PdfPreview.ask(document, name, self)

    def preview_selected(self) -> None:
        meeting = self.selected_meeting()
        if meeting is None or meeting.status != "held":
            return
        self._preview(
            lambda s: minutes_document(s, meeting.id),
            file_name("bien ban", meeting.cell_name, meeting.month, f"so {meeting.number or 0:02d}"),
        )

    def preview_blank(self) -> None:
        slot = self.current_slot()
        if slot is None:
            return
        cell_id, month = slot
        name = self.overview.row_at(self.overview.row_of_cell(cell_id)).cell_name
        kind = str(self.blank_kind.currentData())
        title = "bien ban kiem phieu trong" if kind == "ballot" else "bien ban trong"
        self._preview(lambda s: blank_minutes(s, cell_id, month, kind), file_name(title, name, month))

    def preview_resolution(self) -> None:
        meeting = self.selected_meeting()
        if meeting is None or meeting.status != "held":
            return
        self._preview(
            lambda s: resolution_document(s, meeting.id),
            file_name("nghi quyet", meeting.cell_name, meeting.month, f"so {meeting.number or 0:02d}"),
        )

    def preview_extract(self) -> None:
        meeting = self.selected_meeting()
        if meeting is None or meeting.status != "held":
            return
        seq = ExtractDialog.ask(self.ctx, meeting.id, self)
        if seq is None:
            return
        self._preview(
            lambda s: extract_document(s, meeting.id, seq),
            file_name("trich bien ban", meeting.cell_name, meeting.month, f"noi dung {seq}"),
        )

    def delete_selected(self) -> None:
        meeting = self.selected_meeting()
        if meeting is None:
            return
        if not confirm(
            self,
            translate("meetings_ui", "Xóa buổi sinh hoạt"),
            translate("meetings_ui", "Xóa buổi sinh hoạt ngày {date} của {cell}?").format(
                date=format_date(meeting.date), cell=meeting.cell_name
            ),
            translate("meetings_ui", "Xóa"),
        ):
            return
        try:
            with unit_of_work(self.ctx.db, self.ctx.actor) as session:
                mt.delete_meeting(session, meeting.id)
        except DomainError as exc:
            show_error(self, exc)
            return
        self.changed.emit()

    def select_slot(self, cell_id: str, month: str) -> None:
        """Select the overview cell of (cell, "YYYY-MM"), switching the year if needed."""
        year = int(month[:4])
        if self.year.value() != year:
            self.year.setValue(year)
        row = self.overview.row_of_cell(cell_id)
        if row >= 0:
            self.grid.setCurrentIndex(self.overview.index(row, self.overview.column_of_month(int(month[5:]))))


def this_month() -> str:
    return month_key(today())
