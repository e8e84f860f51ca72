"""A table model over a list of frozen read models (rows), with columns declared as data.

Sorting uses each column's sort key (Vietnamese collation for names), filtering uses the folded
search text (case and diacritics ignored, đ → d), so both work without touching the database."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHeaderView, QStyle, QTableView

from models.text import collation_key, fold

R = TypeVar("R")

ID_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column(Generic[R]):
    header: str
    text: Callable[[R], str]
    sort_key: Callable[[R], Any] | None = None
    align_right: bool = False
    tooltip: str = ""


def text_key(text: str) -> str:
    return collation_key(text)


class RowTableModel(QAbstractTableModel, Generic[R]):
    """Rows of type R, each with an `id`; `dimmed(row)` shows closed records in grey."""

    def __init__(
        self,
        columns: Sequence[Column[R]],
        *,
        row_id: Callable[[R], str],
        dimmed: Callable[[R], bool] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._row_id = row_id
        self._dimmed = dimmed
        self._all: list[R] = []
        self._rows: list[R] = []
        self._search: list[str] = []
        self._filter = ""
        self._sort: tuple[int, Qt.SortOrder] | None = None

    # -- data in

    def set_rows(self, rows: Sequence[R]) -> None:
        self.beginResetModel()
        self._all = list(rows)
        self._search = [fold(" ".join(c.text(r) for c in self._columns)) for r in self._all]
        self._apply()
        self.endResetModel()

    def set_filter(self, text: str) -> None:
        words = fold(text)
        if words == self._filter:
            return
        self.beginResetModel()
        self._filter = words
        self._apply()
        self.endResetModel()

    def _apply(self) -> None:
        words = self._filter.split()
        rows = [r for r, key in zip(self._all, self._search, strict=True) if all(w in key for w in words)]
        if self._sort is not None:
            column, order = self._sort
            col = self._columns[column]
            key: Callable[[R], Any] = col.sort_key or (lambda r: text_key(col.text(r)))
            rows.sort(key=key, reverse=order == Qt.SortOrder.DescendingOrder)
        self._rows = rows

    # -- lookups

    def row_at(self, row: int) -> R:
        return self._rows[row]

    def rows(self) -> list[R]:
        return list(self._rows)

    def row_of_id(self, row_id: str) -> int:
        for i, r in enumerate(self._rows):
            if self._row_id(r) == row_id:
                return i
        return -1

    # -- Qt API

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if not 0 <= index.column() < len(self._columns):
            return None
        row = self._rows[index.row()]
        column = self._columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return column.text(row)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = Qt.AlignmentFlag.AlignRight if column.align_right else Qt.AlignmentFlag.AlignLeft
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and self._dimmed is not None and self._dimmed(row):
            return QBrush(QColor(128, 128, 128))
        if role == ID_ROLE:
            return self._row_id(row)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._columns[section].header
        if role == Qt.ItemDataRole.ToolTipRole and self._columns[section].tooltip:
            return self._columns[section].tooltip
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._columns):
            return
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        keys = [(self._row_id(self._rows[i.row()]), i.column()) for i in persistent]
        self._sort = (column, order)
        self._apply()
        positions = {self._row_id(r): n for n, r in enumerate(self._rows)}
        self.changePersistentIndexList(
            persistent,
            [self.index(positions[rid], col) if rid in positions else QModelIndex() for rid, col in keys],
        )
        self.layoutChanged.emit()


def header_text_width(header: QHeaderView, section: int) -> int:
    """The width a header section needs to show its whole title (with the sort arrow): columns are
    never made narrower than this, whatever else gives way."""
    text = header.model().headerData(section, header.orientation(), Qt.ItemDataRole.DisplayRole)
    if not isinstance(text, str) or not text:
        return 0
    style = header.style()
    margin = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    arrow = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, None, header)
    widest = max(header.fontMetrics().horizontalAdvance(line) for line in text.split("\n"))
    return widest + 2 * margin + arrow + 6


def keep_header_texts(view: QTableView) -> None:
    """A table whose columns stretch: never narrower than all its column titles side by side (the
    window grows instead of cutting them)."""
    header = view.horizontalHeader()
    widths = [header_text_width(header, s) for s in range(header.count()) if not header.isSectionHidden(s)]
    if not widths:
        return
    stretched = header.sectionResizeMode(0) == QHeaderView.ResizeMode.Stretch
    needed = len(widths) * max(widths) if stretched else sum(widths)  # stretched columns are equal
    rows = view.verticalHeader()
    if not rows.isHidden():
        needed += rows.sizeHint().width()
    scroll_bar = view.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, view)
    view.setMinimumWidth(needed + 2 * view.frameWidth() + scroll_bar)
