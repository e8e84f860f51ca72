"""Small widgets shared by the dialogs: typed date and number fields, error labels beside fields,
a member picker that searches as you type, and the layout helpers that keep every text whole on a
small screen (1366×768 at 125 % leaves about 1093×576): a row of buttons or filters that wraps
(`FlowLayout`), windows sized to the screen's free area (`fit_to_screen`), dialogs that grow when a
message appears (`grow_to_contents`)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

from PySide6.QtCore import QPoint, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QLabel,
    QLayout,
    QLayoutItem,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.dates import format_date, parse_date
from models.db import read_session
from models.errors import ValidationError
from models.services import membership as ms
from ui.context import AppContext
from ui.i18n import translate

ERROR_STYLE = "color: #b00020;"


class FlowLayout(QLayout):
    """Widgets left to right, wrapping to a new line when the row is too narrow for them: a toolbar
    of buttons or filters that stays whole at any window width (Qt's flow layout example)."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        x, y, line = area.x(), area.y(), 0
        for item in self._items:
            widget = item.widget()
            if widget is not None and widget.isHidden():
                continue
            hint = item.sizeHint()
            if x + hint.width() > area.right() + 1 and line > 0:
                x, y, line = area.x(), y + line + self._spacing, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._spacing
            line = max(line, hint.height())
        return y + line - rect.y() + margins.bottom()


class TitledBox(QGroupBox):
    """A group box whose title wraps (a bold label inside the frame) instead of being cut off when the
    box is narrower than the title: for titles that carry figures. Add children to `body`."""

    def __init__(self, title: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel(title)
        self.heading.setObjectName("box_title")
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.body = QVBoxLayout(self)
        self.body.addWidget(self.heading)

    def setTitle(self, title: str) -> None:
        self.heading.setText(title)

    def title(self) -> str:
        return self.heading.text()


def flow_row(*widgets: QWidget, spacing: int = 6) -> QWidget:
    """A wrapping row of widgets (see FlowLayout)."""
    row = QWidget()
    layout = FlowLayout(row, spacing)
    for widget in widgets:
        layout.addWidget(widget)
    return row


def available_size(widget: QWidget | None = None) -> QSize:
    """The screen's free area (without task bars) for `widget`, less a title bar's height."""
    screen = widget.screen() if widget is not None else QGuiApplication.primaryScreen()
    area = screen.availableGeometry()
    return QSize(area.width() - 8, area.height() - 36)


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """Open at `width`×`height`, or at as much of it as the screen's free area allows; the window's
    minimum size never exceeds that area either (1366×768 at 125 % leaves about 1093×576)."""
    room = available_size(window)
    minimum = window.minimumSize()
    window.setMinimumSize(min(minimum.width(), room.width()), min(minimum.height(), room.height()))
    window.resize(min(width, room.width()), min(height, room.height()))


def grow_to_contents(window: QWidget) -> None:
    """A message appeared or grew (a wrapped label): make the window tall enough to show all of it,
    within the screen."""
    layout = window.layout()
    if layout is None:
        return
    layout.activate()
    width = window.width()
    needed = (
        layout.totalHeightForWidth(width)
        if layout.hasHeightForWidth()
        else layout.totalMinimumSize().height()
    )
    room = available_size(window)
    if needed > window.height():
        window.resize(width, min(needed, room.height()))


class DateEdit(QLineEdit):
    """A date typed the way clerks write it: "3/2/2026", "03.02.26", shown as dd/mm/yyyy."""

    def __init__(self, value: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(translate("widgets", "ngày/tháng/năm"))
        self.setMaximumWidth(160)
        self.set_date(value)
        self.editingFinished.connect(self._normalise)

    def set_date(self, value: date | None) -> None:
        self.setText(format_date(value))

    def date(self, field: str) -> date | None:
        """The typed date, None when empty; raises ValidationError(field) when it is not a date."""
        text = self.text().strip()
        return parse_date(text, field=field) if text else None

    def _normalise(self) -> None:
        try:
            value = self.date("date")
        except ValidationError:
            return
        if value is not None:
            self.set_date(value)


class IntEdit(QLineEdit):
    """An optional whole number ("1.209" and "1209" both accepted)."""

    def __init__(self, value: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMaximumWidth(120)
        self.setText("" if value is None else str(value))

    def value(self, field: str) -> int | None:
        text = self.text().strip().replace(".", "").replace(" ", "")
        if not text:
            return None
        if not text.isdigit():
            raise ValidationError(
                field, translate("widgets", "Hãy nhập một số nguyên, ví dụ 125."), context="widgets"
            )
        return int(text)


class FieldErrors:
    """Error labels placed under the fields of a form; `show(errors)` maps field name -> message."""

    def __init__(self) -> None:
        self._labels: dict[str, QLabel] = {}
        self._widgets: dict[str, QWidget] = {}

    def wrap(self, field: str, widget: QWidget) -> QWidget:
        """A container holding `widget` and, under it, its (hidden) error label."""
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(widget)
        label = QLabel()
        label.setObjectName(f"error_{field}")
        label.setStyleSheet(ERROR_STYLE)
        label.setWordWrap(True)
        label.hide()
        layout.addWidget(label)
        self._labels[field] = label
        self._widgets[field] = widget
        return box

    def add_row(self, form: QFormLayout, label: str, field: str, widget: QWidget) -> None:
        form.addRow(label, self.wrap(field, widget))

    def alias(self, field: str, target: str) -> None:
        """Show errors about `field` beside the field `target` (e.g. upper_valid_from on a date)."""
        self._labels[field] = self._labels[target]
        self._widgets[field] = self._widgets[target]

    def clear(self) -> None:
        for label in self._labels.values():
            label.clear()
            label.hide()

    def show(self, errors: dict[str, str]) -> list[str]:
        """Show what applies here; return the messages that have no field on this form."""
        self.clear()
        unplaced: list[str] = []
        first: QWidget | None = None
        for field, message in errors.items():
            label = self._labels.get(field)
            if label is None:
                unplaced.append(message)
                continue
            label.setText(message if not label.text() else label.text() + "\n" + message)
            label.show()
            if first is None:
                first = self._widgets[field]
        if first is not None:
            first.setFocus()
        return unplaced

    def text(self, field: str) -> str:
        label = self._labels.get(field)
        return label.text() if label is not None and not label.isHidden() else ""

    def fields(self) -> Iterable[str]:
        return self._labels.keys()


def collect(errors: dict[str, str], field: str, read: Callable[[], Any]) -> Any:
    """Read one typed field; a ValidationError is recorded in `errors` and None is returned."""
    try:
        return read()
    except ValidationError as exc:
        errors[field] = exc.text()
        return None


class MemberPicker(QWidget):
    """Search members by name (diacritics optional) and pick one; optionally limited to one cell or
    to a given set of member ids."""

    selection_changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._cell_id: str | None = None
        self._allowed: set[str] | None = None
        self.search = QLineEdit()
        self.search.setPlaceholderText(translate("widgets", "Gõ họ tên để tìm (không cần dấu)…"))
        self.search.setClearButtonEnabled(True)
        self.results = QListWidget()
        self.results.setMinimumHeight(120)
        self.results.setMaximumHeight(160)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.results)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(200)
        self._timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.results.currentItemChanged.connect(lambda *_a: self.selection_changed.emit())
        self.setFocusProxy(self.search)

    def set_cell(self, cell_id: str | None) -> None:
        self._cell_id = cell_id
        self.refresh()

    def set_allowed(self, member_ids: set[str] | None) -> None:
        self._allowed = member_ids
        self.refresh()

    def refresh(self) -> None:
        with read_session(self._ctx.db, self._ctx.actor) as session:
            choices = ms.member_choices(session, self.search.text(), self._cell_id, limit=200)
        if self._allowed is not None:
            choices = [c for c in choices if c.id in self._allowed]
        current = self.member_id()
        self.results.clear()
        for choice in choices[:50]:
            born = format_date(choice.date_of_birth)
            item = QListWidgetItem(f"{choice.name} — {born} — {choice.cell_name}")
            item.setData(Qt.ItemDataRole.UserRole, choice.id)
            self.results.addItem(item)
            if choice.id == current:
                self.results.setCurrentItem(item)
        if self.results.currentRow() < 0 and self.results.count() == 1:
            self.results.setCurrentRow(0)

    def member_id(self) -> str | None:
        if self.results.currentRow() < 0:
            return None
        value = self.results.currentItem().data(Qt.ItemDataRole.UserRole)
        return value if isinstance(value, str) else None

    def select(self, member_id: str) -> bool:
        for row in range(self.results.count()):
            item = self.results.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == member_id:
                self.results.setCurrentItem(item)
                return True
        return False
