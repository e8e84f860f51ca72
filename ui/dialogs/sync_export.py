"""Gửi cấp trên: write the next sealed package to a USB stick (issue 8 §5). Choose the folder (worm
warnings appear at once), optionally ask for a full package, write; "Đã ghi xong, có thể rút USB" is
shown only after the package was written under a temporary name, read back, verified and renamed.
A full or write-protected stick gives its own clear message and leaves no file under the final name."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from exports import sync as sx
from exports.atomic import unplug_advice
from models.errors import DomainError
from ui.context import AppContext
from ui.i18n import translate
from ui.tasks import Cancel, Cancelled, Progress, TaskRunner
from ui.widgets import grow_to_contents

WARNING_STYLE = "color: #8a4b00; background: #fff3cd; padding: 4px;"
ERROR_STYLE = "color: #b00020; background: #fde8ea; padding: 6px; font-weight: bold;"
DONE_STYLE = "color: #1b5e20; background: #e8f5e9; padding: 6px; font-weight: bold;"


def worm_text(warnings: list[str] | tuple[str, ...]) -> str:
    return "\n".join(f"⚠ {w}" for w in warnings)


class ExportDialog(QDialog):
    def __init__(
        self, ctx: AppContext, runner: TaskRunner, upper_name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.runner = runner
        self.result_value: sx.ExportResult | None = None
        self.setWindowTitle(translate("sync_export", "Gửi dữ liệu lên cấp trên"))
        self.setMinimumWidth(600)
        intro = QLabel(
            translate(
                "sync_export",
                "Gói dữ liệu gửi {upper} được ký và mã hóa: mất USB cũng không lộ thông tin. Gói gồm mọi thay "
                "đổi kể từ lần cấp trên xác nhận đã nhận, nên lỡ mất một gói cũng không mất dữ liệu.",
            ).format(upper=upper_name)
        )
        intro.setWordWrap(True)
        step1 = QLabel(translate("sync_export", "Bước 1. Cắm USB và chọn thư mục trên USB:"))
        self.folder = QLineEdit()
        self.folder.setPlaceholderText(translate("sync_export", "Ví dụ: E:\\"))
        browse = QPushButton(translate("sync_export", "Chọn…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        self.warnings = QLabel()
        self.warnings.setObjectName("worm_warnings")
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet(WARNING_STYLE)
        self.warnings.hide()
        step2 = QLabel(translate("sync_export", "Bước 2. Chọn cách gửi:"))
        self.full = QCheckBox(
            translate(
                "sync_export", "Gửi gói đầy đủ (toàn bộ dữ liệu; khi cấp trên đề nghị hoặc sau khi phục hồi)"
            )
        )
        step3 = QLabel(
            translate("sync_export", "Bước 3. Ghi vào USB, chờ thông báo ghi xong rồi mới rút USB.")
        )
        self.status = QLabel()
        self.status.setObjectName("export_status")
        self.status.setWordWrap(True)
        self.status.hide()
        self.buttons = QDialogButtonBox()
        self.write_button = self.buttons.addButton(
            translate("sync_export", "Ghi vào USB"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.write_button.setDefault(True)
        self.close_button = self.buttons.addButton(
            translate("sync_export", "Đóng"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.write_button.clicked.connect(self.write)
        self.buttons.rejected.connect(self._close)
        self.folder.textChanged.connect(self._folder_changed)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addSpacing(6)
        layout.addWidget(step1)
        layout.addLayout(row)
        layout.addWidget(self.warnings)
        layout.addWidget(step2)
        layout.addWidget(self.full)
        layout.addWidget(step3)
        layout.addWidget(self.status)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, translate("sync_export", "Chọn thư mục trên USB"))
        if folder:
            self.folder.setText(folder)

    def set_folder(self, folder: Path) -> None:
        self.folder.setText(str(folder))

    def _folder_changed(self, text: str) -> None:
        self.status.hide()
        warnings = sx.stick_warnings(Path(text)) if text.strip() and Path(text).is_dir() else []
        self.warnings.setText(worm_text(warnings))
        self.warnings.setVisible(bool(warnings))

    def _show_status(self, text: str, style: str) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(style)
        self.status.show()
        grow_to_contents(self)  # "Đã ghi xong, có thể rút USB." must be seen without enlarging

    def write(self) -> sx.ExportResult | None:
        text = self.folder.text().strip()
        if not text:
            self._show_status(translate("sync_export", "Hãy chọn thư mục trên USB trước."), ERROR_STYLE)
            return None
        folder = Path(text)
        full = self.full.isChecked()
        self.write_button.setEnabled(False)

        def job(_progress: Progress, _cancel: Cancel) -> sx.ExportResult:
            return sx.export_package(self.ctx.db, self.ctx.actor, folder, full=full)

        try:
            result = self.runner.run_and_wait(
                self, translate("sync_export", "Đang ghi gói dữ liệu vào USB…"), job
            )
        except Cancelled:
            self.write_button.setEnabled(True)
            return None
        except DomainError as exc:
            self.write_button.setEnabled(True)
            self._show_status(
                translate("sync_export", "Chưa ghi được: {reason}").format(reason=exc.text()), ERROR_STYLE
            )
            return None
        self.result_value = result
        if result.warnings:
            self.warnings.setText(worm_text(result.warnings))
            self.warnings.show()
        self._show_status(
            translate(
                "sync_export",
                "Đã ghi gói số {sequence} ({records} bản ghi{full}) vào {path}.",
            ).format(
                sequence=result.sequence,
                records=result.records,
                full=translate("sync_export", ", gói đầy đủ") if result.full else "",
                path=result.path,
            )
            + "\n"
            + unplug_advice(),
            DONE_STYLE,
        )
        self.write_button.hide()
        self.close_button.setDefault(True)
        return result

    def _close(self) -> None:
        if self.result_value is not None:
            self.accept()
        else:
            self.reject()

    @classmethod
    def ask(
        cls, ctx: AppContext, runner: TaskRunner, upper_name: str, parent: QWidget | None = None
    ) -> sx.ExportResult | None:
        dialog = cls(ctx, runner, upper_name, parent)
        dialog.exec()
        return dialog.result_value
