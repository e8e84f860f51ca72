"""Small pieces shared by the Party-work pages (admission, rating, inspection, petitions, training,
dues): Vietnamese number formats, combo boxes over label tables, an editable grid model with a combo
delegate, and cell and year choosers."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHeaderView,
    QLabel,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from models.db import read_session
from models.services import organisation as org
from ui.context import AppContext
from ui.i18n import translate
from ui.table import header_text_width

Index = QModelIndex | QPersistentModelIndex
GREY = QColor(140, 140, 140)
RED = QColor(176, 0, 32)
WARN_STYLE = "color: #b00020; font-weight: bold;"


def vi_int(value: int | None) -> str:
    """1209 → "1.209"; None → ""."""
    return "" if value is None else f"{value:,}".replace(",", ".")


def vi_pct(value: float | None, places: int = 1) -> str:
    """123.33 → "123,3%"; None → "–"."""
    if value is None:
        return "–"
    return f"{value:,.{places}f}".replace(",", " ").replace(".", ",").replace(" ", ".") + "%"


def ratio_text(done: int, target: int) -> str:
    """ "111/90 = 123,3%" (the plan achievement as the seeds write it)."""
    if not target:
        return f"{done}/– "
    return f"{done}/{target} = {vi_pct(100.0 * done / target)}"


def label_combo(context: str, labels: dict[str, str], current: str | None = None) -> QComboBox:
    combo = QComboBox()
    for key, text in labels.items():
        combo.addItem(translate(context, text), key)
    if current is not None:
        combo.setCurrentIndex(max(0, combo.findData(current)))
    return combo


def combo_key(combo: QComboBox) -> str | None:
    value = combo.currentData()
    return value if isinstance(value, str) else None


def cell_combo(ctx: AppContext, *, with_all: str | None = None) -> QComboBox:
    """Active cells (optionally preceded by an "all cells" entry whose data is None)."""
    combo = QComboBox()
    combo.setMinimumContentsLength(22)
    if with_all is not None:
        combo.addItem(with_all, None)
    with read_session(ctx.db, ctx.actor) as session:
        for cell in org.list_cells(session, include_closed=False):
            combo.addItem(cell.name, cell.id)
    return combo


def year_spin(year: int) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(1990, 2100)
    spin.setValue(year)
    spin.setMinimumWidth(80)
    return spin


def warning_label() -> QLabel:
    label = QLabel()
    label.setStyleSheet(WARN_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label


def fit_to_width(view: QTableView, *stretch: int) -> None:
    """Columns `stretch` share the room left (long free text, elided with its tooltip); every other
    column is as wide as its contents, so a table fits the page at 1366×768 without a horizontal scroll
    bar hiding its last columns."""
    header = view.horizontalHeader()
    header.setStretchLastSection(False)
    # a shared column never gets narrower than its title
    header.setMinimumSectionSize(max([60, *(header_text_width(header, column) for column in stretch)]))
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    for column in stretch:
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)


def month_choices(last: date, count: int = 24) -> list[str]:
    """ "2026-03" keys from `last`'s month backwards."""
    out = []
    year, month = last.year, last.month
    for _ in range(count):
        out.append(f"{year:04d}-{month:02d}")
        month -= 1
        if month == 0:
            year, month = year - 1, 12
    return out


def month_label(key: str) -> str:
    return translate("work_ui", "Tháng {month}/{year}").format(month=int(key[5:]), year=key[:4])


class GridColumn:
    """One column of an editable grid: how to show a row, whether it can be edited, how to apply an
    edit (returns the new row or raises ValueError with a message), and optional combo choices."""

    def __init__(
        self,
        header: str,
        text: Callable[[Any], str],
        *,
        edit: Callable[[Any, str], Any] | None = None,
        choices: Callable[[Any], Sequence[tuple[str, str]]] | None = None,
        editable: Callable[[Any], bool] | None = None,
        align_right: bool = False,
        edit_value: Callable[[Any], str] | None = None,
        width: int = 0,
    ) -> None:
        self.header = header
        self.text = text
        self.edit = edit
        self.choices = choices
        self.editable = editable
        self.align_right = align_right
        self.edit_value = edit_value
        self.width = width


class GridModel(QAbstractTableModel):
    """Rows (frozen dataclasses) edited in place; `dimmed(row)` greys a row, `flagged(row)` reddens it.
    Edits replace the row and mark it dirty; `dirty_rows()` is what to save."""

    def __init__(
        self,
        columns: Sequence[GridColumn],
        row_id: Callable[[Any], str],
        *,
        dimmed: Callable[[Any], bool] | None = None,
        flagged: Callable[[Any], bool] | None = None,
        tooltip: Callable[[Any], str] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self._row_id = row_id
        self._dimmed = dimmed
        self._flagged = flagged
        self._tooltip = tooltip
        self._rows: list[Any] = []
        self._dirty: set[str] = set()
        self.last_error = ""

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._dirty.clear()
        self.endResetModel()

    def rows(self) -> list[Any]:
        return list(self._rows)

    def row_at(self, row: int) -> Any:
        return self._rows[row]

    def replace(self, row: int, value: Any) -> None:
        self._rows[row] = value
        self._dirty.add(self._row_id(value))
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.columns) - 1))

    def dirty_rows(self) -> list[Any]:
        return [r for r in self._rows if self._row_id(r) in self._dirty]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.columns)

    def _can_edit(self, index: Index) -> bool:
        column = self.columns[index.column()]
        if column.edit is None:
            return False
        return column.editable is None or column.editable(self._rows[index.row()])

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if not 0 <= index.column() < len(self.columns):
            return None
        row = self._rows[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == Qt.ItemDataRole.EditRole:
            return column.edit_value(row) if column.edit_value else column.text(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row) if self._tooltip else column.text(row)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = Qt.AlignmentFlag.AlignRight if column.align_right else Qt.AlignmentFlag.AlignLeft
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            if self._dimmed is not None and self._dimmed(row):
                return QBrush(GREY)
            if self._flagged is not None and self._flagged(row):
                return QBrush(RED)
        if role == Qt.ItemDataRole.BackgroundRole and self._can_edit(index):
            return QBrush(QColor(255, 253, 231))
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or not self._can_edit(index):
            return False
        column = self.columns[index.column()]
        assert column.edit is not None
        try:
            new = column.edit(self._rows[index.row()], "" if value is None else str(value))
        except ValueError as exc:
            self.last_error = str(exc)
            return False
        self.last_error = ""
        self.replace(index.row(), new)
        return True

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.columns[section].header if 0 <= section < len(self.columns) else None
        return str(section + 1)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
        return base | Qt.ItemFlag.ItemIsEditable if self._can_edit(index) else base


class ComboDelegate(QStyledItemDelegate):
    """Edits columns that declare `choices` with a combo box (keys stored, labels shown)."""

    def __init__(self, model: GridModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._model = model

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        column = self._model.columns[index.column()]
        if column.choices is None:
            return super().createEditor(parent, option, index)
        combo = QComboBox(parent)
        for key, text in column.choices(self._model.row_at(index.row())):
            combo.addItem(text, key)
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))
            return
        super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData() or "", Qt.ItemDataRole.EditRole)
            return
        super().setModelData(editor, model, index)
