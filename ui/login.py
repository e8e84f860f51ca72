"""Login, first password change and recovery-code dialogs. They collect what the user types and call
the unlock function they are given (`exports.keyring.unlock` in the app), showing its refusals
(wrong password, waiting time, lock) inside the dialog."""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QMarginsF, Qt, QTimer
from PySide6.QtGui import QFont, QKeyEvent, QPageLayout, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.auth import LoginDelayed, LoginError
from models.dates import format_date, today
from models.errors import DomainError

T = TypeVar("T")


class LoginDialog(QDialog):
    """Login name and password; Enter logs in, Esc cancels."""

    def __init__(
        self, parent: QWidget | None, db_path: Path, unlock: Callable[[str, str], object], hint: str = ""
    ) -> None:
        super().__init__(parent)
        self._unlock = unlock
        self.result_value: object | None = None
        self._wait = 0
        self.setWindowTitle(self.tr("Đăng nhập"))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Sổ tay Văn phòng Đảng ủy xã"))
        title.setStyleSheet("font-size: 15pt; font-weight: bold;")
        layout.addWidget(title)
        where = QLabel(self.tr("Cơ sở dữ liệu: {name}").format(name=db_path.name))
        where.setWordWrap(True)
        layout.addWidget(where)
        form = QFormLayout()
        self.login_edit = QLineEdit()
        self.login_edit.setObjectName("login")
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("password")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Tên đăng nhập:"), self.login_edit)
        form.addRow(self.tr("Mật khẩu:"), self.password_edit)
        layout.addLayout(form)
        if hint:
            hint_label = QLabel(hint)
            hint_label.setObjectName("hint")
            hint_label.setWordWrap(True)
            layout.addWidget(hint_label)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #a40000;")
        self.message.hide()
        layout.addWidget(self.message)
        buttons = QDialogButtonBox()
        self.ok_button = QPushButton(self.tr("Đăng nhập"))
        self.ok_button.setDefault(True)
        buttons.addButton(self.ok_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("Thoát"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._try)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._tick)
        self.login_edit.setFocus()

    def _show(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
        self.adjustSize()  # a message of several lines: the dialog grows instead of squeezing the fields

    def _try(self) -> None:
        login, password = self.login_edit.text().strip(), self.password_edit.text()
        if not login or not password:
            self._show(self.tr("Hãy nhập tên đăng nhập và mật khẩu."))
            return
        try:
            self.result_value = self._unlock(login, password)
        except LoginDelayed as exc:
            self._start_wait(exc.seconds)
            self._show(exc.text())
            return
        except DomainError as exc:
            self.password_edit.clear()
            self.password_edit.setFocus()
            self._show(exc.text())
            if isinstance(exc, LoginError) and hasattr(exc, "left_before_lock"):
                left = int(exc.left_before_lock)
                if 0 < left <= 3:
                    self._show(
                        exc.text()
                        + " "
                        + self.tr("Còn {n} lần thử trước khi tài khoản bị khóa.").format(n=left)
                    )
            return
        self.accept()

    def _start_wait(self, seconds: int) -> None:
        self._wait = seconds
        self.ok_button.setEnabled(False)
        self.ok_button.setText(self.tr("Chờ {n} giây").format(n=seconds))
        self._timer.start()

    def _tick(self) -> None:
        self._wait -= 1
        if self._wait > 0:
            self.ok_button.setText(self.tr("Chờ {n} giây").format(n=self._wait))
            return
        self._timer.stop()
        self.ok_button.setEnabled(True)
        self.ok_button.setText(self.tr("Đăng nhập"))
        self.message.hide()

    @classmethod
    def ask(
        cls, parent: QWidget | None, db_path: Path, unlock: Callable[[str, str], T], hint: str = ""
    ) -> T | None:
        """Show the dialog until `unlock(login, password)` succeeds (its result) or the user quits."""
        dialog = cls(parent, db_path, unlock, hint)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.result_value  # type: ignore[return-value]


class NewPasswordDialog(QDialog):
    """Choose a new password (first login after an administrator set one, or after recovery)."""

    def __init__(self, parent: QWidget | None, *, ask_old: bool, title: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(title or self.tr("Đổi mật khẩu"))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        hint = QLabel(
            self.tr(
                "Mật khẩu cần ít nhất 8 ký tự. Một câu ngắn dễ nhớ (có thể có dấu tiếng Việt) an toàn hơn một từ khó nhớ."
            )
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        form = QFormLayout()
        self.old_edit = QLineEdit()
        self.old_edit.setEchoMode(QLineEdit.EchoMode.Password)
        if ask_old:
            form.addRow(self.tr("Mật khẩu hiện tại:"), self.old_edit)
        self.new_edit = QLineEdit()
        self.new_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat_edit = QLineEdit()
        self.repeat_edit.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Mật khẩu mới:"), self.new_edit)
        form.addRow(self.tr("Nhập lại mật khẩu mới:"), self.repeat_edit)
        layout.addLayout(form)
        if hint:
            hint_label = QLabel(hint)
            hint_label.setObjectName("hint")
            hint_label.setWordWrap(True)
            layout.addWidget(hint_label)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #a40000;")
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Lưu"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Hủy"))
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _check(self) -> None:
        if self.new_edit.text() != self.repeat_edit.text():
            self.message.setText(self.tr("Hai lần nhập mật khẩu mới không giống nhau. Hãy nhập lại."))
            return
        if len(self.new_edit.text()) < 8:
            self.message.setText(self.tr("Mật khẩu cần ít nhất 8 ký tự."))
            return
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, *, ask_old: bool = True, title: str = "") -> tuple[str, str] | None:
        """(old password, new password), or None."""
        dialog = cls(parent, ask_old=ask_old, title=title)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.old_edit.text(), dialog.new_edit.text()


class RecoveryCodePanel(QWidget):
    """The recovery code shown once: what it is, the code in large print, a print button (to a printer;
    to a file only after a clear warning, in a place the clerk chooses) and the tick that confirms it
    was copied (`confirm_box`); nothing here is a default button."""

    def __init__(self, parent: QWidget | None, code: str) -> None:
        super().__init__(parent)
        self.code = code
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        text = QLabel(
            self.tr(
                "Hãy chép mã dưới đây ra giấy (hoặc in), cất vào tủ hồ sơ mật. Khi quên mật khẩu hoặc mất tệp khóa, chỉ mã này mở được dữ liệu. Chương trình không lưu mã và sẽ không hiện lại."
            )
        )
        text.setWordWrap(True)
        layout.addWidget(text)
        code_label = QLabel(code)
        code_label.setObjectName("code")
        code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        code_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        code_label.setStyleSheet("font-family: monospace; font-size: 16pt; padding: 12px;")
        layout.addWidget(code_label)
        self.print_button = QPushButton(self.tr("In mã khôi phục…"))
        self.print_button.setAutoDefault(False)
        self.print_button.clicked.connect(self.print_code)
        row = QHBoxLayout()
        row.addWidget(self.print_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.status = QLabel("")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.confirm_box = QCheckBox(self.tr("Tôi đã chép (hoặc in) mã khôi phục và cất vào nơi an toàn."))
        self.confirm_box.setObjectName("confirm")
        layout.addWidget(self.confirm_box)

    def sheet(self) -> QTextDocument:
        """The printed sheet: what the code is, the code in large print, the date, who keeps it."""
        document = QTextDocument(self)
        document.setDefaultFont(QFont("Tinos", 12))
        title = self.tr("MÃ KHÔI PHỤC DỮ LIỆU")
        purpose = self.tr(
            "Sổ tay Văn phòng Đảng ủy xã. Mã này mở được dữ liệu khi quên mật khẩu hoặc mất tệp khóa. Cất vào tủ hồ sơ mật; không chụp ảnh, không gửi qua mạng."
        )
        printed = self.tr("Ngày in: {date}").format(date=format_date(today()))
        keeper = self.tr("Người giữ mã (ký, ghi rõ họ tên):")
        lines = [
            f"<h2 align='center'>{html.escape(title)}</h2>",
            f"<p>{html.escape(purpose)}</p>",
            f"<p align='center' style='font-family: monospace; font-size: 20pt;'><b>{html.escape(self.code)}</b></p>",
            f"<p>{html.escape(printed)}</p>",
            f"<p>{html.escape(keeper)}</p>",
        ]
        document.setHtml("".join(lines))
        return document

    def make_printer(self) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.tr("Mã khôi phục"))
        printer.setPageMargins(QMarginsF(20, 20, 20, 20), QPageLayout.Unit.Millimeter)
        printer.setOutputFileName("")  # never a default file: a file is chosen by the clerk, below
        return printer

    def printers_available(self) -> bool:
        return bool(QPrinterInfo.availablePrinters())

    def choose_printer(self, printer: QPrinter) -> bool:
        """The system print dialog (tests replace this)."""
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("In mã khôi phục"))
        return dialog.exec() == QDialog.DialogCode.Accepted

    def choose_file(self) -> Path | None:
        """Writing the code to a file: a clear warning first, then a place the clerk chooses (tests
        replace this). None when the clerk declines."""
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Ghi mã khôi phục ra tệp"),
            self.tr(
                "Tệp PDF chứa mã khôi phục KHÔNG được mã hóa: ai có tệp là mở được toàn bộ dữ liệu. Chỉ ghi vào USB riêng để in ở máy khác, in xong thì xóa tệp ngay. Nếu được, hãy chép mã ra giấy bằng tay thay vì ghi tệp."
            ),
            QMessageBox.StandardButton.NoButton,
            self,
        )
        choose = box.addButton(self.tr("Chọn nơi ghi tệp…"), QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(self.tr("Không ghi tệp"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        box.exec()
        if box.clickedButton() is not choose:
            return None
        name, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Ghi mã khôi phục ra tệp"), "", self.tr("Tệp PDF (*.pdf)")
        )
        if not name:
            return None
        path = Path(name)
        return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")

    def print_code(self) -> bool:
        """To a printer; with no printer installed, or when "print to file" was chosen in the print
        dialog, to a file only after the warning and in the place the clerk chooses."""
        printer = self.make_printer()
        if self.printers_available():
            if not self.choose_printer(printer):
                return False
            to_file = printer.outputFormat() == QPrinter.OutputFormat.PdfFormat
        else:
            to_file = True
        if to_file:
            path = self.choose_file()
            if path is None:
                return False
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(path))
        self.sheet().print_(printer)
        if to_file:
            self.status.setText(
                self.tr("Đã ghi mã khôi phục ra tệp {path}. In xong hãy xóa tệp này.").format(
                    path=printer.outputFileName()
                )
            )
        else:
            self.status.setText(
                self.tr("Đã gửi mã khôi phục tới máy in. Hãy kiểm tra tờ in đọc rõ từng ký tự.")
            )
        return True


class RecoveryCodeDialog(QDialog):
    """Shows the recovery code once. It closes only by the deliberate confirmation: the tick, then
    the button (never the default button); Enter and Esc do not dismiss it."""

    def __init__(self, parent: QWidget | None, code: str) -> None:
        super().__init__(parent)
        self.code = code
        self.setWindowTitle(self.tr("Mã khôi phục"))
        self.setMinimumWidth(560)
        self.setWindowFlag(Qt.WindowType.WindowCloseButtonHint, False)
        layout = QVBoxLayout(self)
        self.panel = RecoveryCodePanel(self, code)
        layout.addWidget(self.panel)
        self.print_button = self.panel.print_button
        self.status = self.panel.status
        buttons = QHBoxLayout()  # not a QDialogButtonBox: it would make the button the default
        buttons.addStretch(1)
        self.done_button = QPushButton(self.tr("Xong, đóng lại"))
        self.done_button.setObjectName("done")
        self.done_button.setAutoDefault(False)
        self.done_button.setDefault(False)
        self.done_button.setEnabled(False)
        buttons.addWidget(self.done_button)
        # Qt's own signal to a Python slot: no Python-side emit (PySide6 6.12's SignalInstance.emit
        # returns True without a reference, so every Python emit brings a "bool_dealloc" closer).
        self.panel.confirm_box.toggled.connect(self._confirmed)
        self.done_button.clicked.connect(self.accept)
        layout.addLayout(buttons)

    def _confirmed(self, on: bool) -> None:
        self.done_button.setEnabled(on)

    def sheet(self) -> QTextDocument:
        return self.panel.sheet()

    def print_code(self) -> bool:
        return self.panel.print_code()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape):
            event.ignore()
            return
        super().keyPressEvent(event)

    def reject(self) -> None:
        """Esc and the window's close: the code would be lost, so only the confirmation closes."""
        if self.panel.confirm_box.isChecked():
            super().reject()

    @classmethod
    def ask(cls, parent: QWidget | None, code: str) -> bool:
        return cls(parent, code).exec() == QDialog.DialogCode.Accepted
