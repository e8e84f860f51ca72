"""Small widgets shared by the dialogs: typed date and number fields, error labels beside fields,
and a member picker that searches as you type."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
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
