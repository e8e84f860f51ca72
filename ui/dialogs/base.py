"""A form dialog: fields with error labels beside them, Lưu (Enter) and Hủy (Esc). A subclass builds
its fields and implements `submit()`, which validates, writes in one transaction and returns the
result; validation errors are shown beside the fields and the dialog stays open."""

from __future__ import annotations

from typing import Generic, TypeVar

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from models.errors import DomainError, ValidationError
from ui.context import AppContext
from ui.errors import show_error
from ui.i18n import translate
from ui.widgets import FieldErrors

T = TypeVar("T")


class FormDialog(QDialog, Generic[T]):
    def __init__(self, ctx: AppContext, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.result_value: T | None = None
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        self.errors = FieldErrors()
        self.layout_ = QVBoxLayout(self)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.hide()
        self.layout_.addWidget(self.intro)
        self.form = QFormLayout()
        self.layout_.addLayout(self.form)
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(
            translate("dialogs", "Lưu"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setDefault(True)
        self.buttons.addButton(translate("dialogs", "Hủy"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.layout_.addStretch(1)
        self.layout_.addWidget(self.buttons)

    def set_intro(self, text: str) -> None:
        self.intro.setText(text)
        self.intro.show()

    def add_field(self, label: str, field: str, widget: QWidget) -> None:
        self.errors.add_row(self.form, label, field, widget)

    def submit(self) -> T:
        raise NotImplementedError

    def save(self) -> None:
        self.errors.clear()
        try:
            self.result_value = self.submit()
        except ValidationError as exc:
            if self.errors.show(exc.errors):
                show_error(self, exc)
            return
        except DomainError as exc:
            show_error(self, exc)
            return
        self.accept()

    def run(self) -> T | None:
        accepted = self.exec() == QDialog.DialogCode.Accepted
        self.deleteLater()  # not kept as a child of its parent for the rest of the session
        return self.result_value if accepted else None
