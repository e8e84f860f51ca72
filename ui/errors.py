"""Every message box of the application is made here: domain and storage errors, confirmations,
notices, and the crash dialog for bugs (which never shows personal data, only where the log is)."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from models.errors import (
    Conflict,
    DomainError,
    NotFound,
    PermissionDenied,
    RuleViolation,
    StorageError,
    ValidationError,
)
from ui.i18n import translate

log = logging.getLogger(__name__)


def _title(exc: DomainError) -> str:
    if isinstance(exc, StorageError):
        return translate("errors_ui", "Lỗi lưu trữ dữ liệu")
    if isinstance(exc, ValidationError):
        return translate("errors_ui", "Thông tin chưa hợp lệ")
    if isinstance(exc, RuleViolation):
        return translate("errors_ui", "Không đúng quy định")
    if isinstance(exc, PermissionDenied):
        return translate("errors_ui", "Không có quyền")
    if isinstance(exc, Conflict | NotFound):
        return translate("errors_ui", "Dữ liệu đã thay đổi")
    return translate("errors_ui", "Không thực hiện được")


def _box(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setTextFormat(box.textFormat().PlainText)
    return box


def show_error(parent: QWidget | None, exc: DomainError) -> None:
    """Tell the user what is wrong and what to do (the message already says both)."""
    log.info("refused: %s", type(exc).__name__)
    icon = QMessageBox.Icon.Critical if isinstance(exc, StorageError) else QMessageBox.Icon.Warning
    box = _box(parent, icon, _title(exc), exc.text())
    box.addButton(translate("errors_ui", "Đóng"), QMessageBox.ButtonRole.AcceptRole)
    box.exec()


def show_info(parent: QWidget | None, title: str, text: str) -> None:
    box = _box(parent, QMessageBox.Icon.Information, title, text)
    box.addButton(translate("errors_ui", "Đóng"), QMessageBox.ButtonRole.AcceptRole)
    box.exec()


def confirm(parent: QWidget | None, title: str, text: str, yes: str) -> bool:
    """A question whose affirmative button says what will happen (e.g. "Sáp nhập")."""
    box = _box(parent, QMessageBox.Icon.Question, title, text)
    yes_button = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    no_button = box.addButton(translate("errors_ui", "Hủy"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(no_button)
    box.setEscapeButton(no_button)
    box.exec()
    return box.clickedButton() is yes_button


def choose(parent: QWidget | None, title: str, text: str, options: list[tuple[str, str]]) -> str:
    """A question with several named answers, (key, button text) each, plus "Hủy"; the chosen key,
    or "" for Hủy or Escape."""
    box = _box(parent, QMessageBox.Icon.Question, title, text)
    buttons = {key: box.addButton(label, QMessageBox.ButtonRole.ActionRole) for key, label in options}
    cancel = box.addButton(translate("errors_ui", "Hủy"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    return next((key for key, button in buttons.items() if button is clicked), "")


def show_crash(parent: QWidget | None, log_path: Path) -> None:
    """The dialog for a bug: an apology, what to do, and where the log is (no personal data)."""
    box = _box(
        parent,
        QMessageBox.Icon.Critical,
        translate("errors_ui", "Chương trình gặp lỗi"),
        translate(
            "errors_ui",
            "Chương trình gặp một lỗi không lường trước. Những gì đã lưu trước đó vẫn an toàn; việc "
            "đang làm dở có thể chưa được lưu.\n\nHãy đóng hộp thoại này, kiểm tra lại việc vừa làm, "
            "và gửi tệp nhật ký sau cho người hỗ trợ kỹ thuật (tệp không chứa họ tên hay số giấy tờ "
            "của đảng viên):\n{path}",
        ).format(path=log_path),
    )
    box.addButton(translate("errors_ui", "Đóng"), QMessageBox.ButtonRole.AcceptRole)
    box.exec()


def show_previous_crash(parent: QWidget | None, crash_file: Path) -> None:
    """Shown at start when the previous run ended in a hard crash (faulthandler wrote a file)."""
    box = _box(
        parent,
        QMessageBox.Icon.Warning,
        translate("errors_ui", "Lần trước chương trình bị tắt đột ngột"),
        translate(
            "errors_ui",
            "Lần chạy trước, chương trình bị tắt đột ngột. Dữ liệu đã lưu vẫn an toàn. Nếu việc này "
            "lặp lại, hãy gửi tệp sau cho người hỗ trợ kỹ thuật:\n{path}",
        ).format(path=crash_file),
    )
    box.addButton(translate("errors_ui", "Đóng"), QMessageBox.ButtonRole.AcceptRole)
    box.exec()
