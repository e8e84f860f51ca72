"""Enrolment by files on the stick (issue 8 §3): our own file with its fingerprint in groups of digits
to read out by phone or compare on paper, and the other side's file, accepted only after the user
confirms that the fingerprint shown matches the one the other side reads out."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from exports import sync as sx
from models.errors import DomainError
from models.services import sync as ss
from ui.context import AppContext
from ui.errors import confirm, show_error
from ui.i18n import translate


def fingerprint_label(fingerprint: str) -> QLabel:
    """The twelve groups of five digits, large and monospaced, three lines of four groups."""
    groups = fingerprint.split()
    lines = [" ".join(groups[i : i + 4]) for i in range(0, len(groups), 4)]
    label = QLabel("\n".join(lines))
    label.setObjectName("fingerprint")
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setPointSizeF(max(font.pointSizeF(), 10) * 1.5)
    font.setBold(True)
    label.setFont(font)
    label.setStyleSheet("padding: 8px; background: #f4f6fa; border: 1px solid #c9d1e0;")
    label.setTextInteractionFlags(
        label.textInteractionFlags() | label.textInteractionFlags().TextSelectableByMouse
    )
    return label


def role_text(role: str) -> str:
    return (
        translate("sync_enrol", "cấp trên (nơi nhận dữ liệu)")
        if role == "upper"
        else translate("sync_enrol", "đơn vị cấp dưới (nơi gửi dữ liệu)")
    )


class FingerprintDialog(QDialog):
    """Shows our enrolment file's place and fingerprint after it was written."""

    def __init__(self, path: Path, fingerprint: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("sync_enrol", "Tệp đăng ký của đơn vị mình"))
        intro = QLabel(
            translate(
                "sync_enrol",
                "Đã ghi tệp đăng ký:\n{path}\n\nMang tệp này đến đơn vị kia. Khi họ nhận tệp, hãy đọc cho họ "
                "(qua điện thoại hoặc trên giấy có đóng dấu) mã đối chiếu dưới đây để họ so sánh:",
            ).format(path=path)
        )
        intro.setWordWrap(True)
        buttons = QDialogButtonBox()
        buttons.addButton(translate("sync_enrol", "Đóng"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(fingerprint_label(fingerprint))
        layout.addWidget(buttons)

    @classmethod
    def ask(cls, path: Path, fingerprint: str, parent: QWidget | None = None) -> None:
        cls(path, fingerprint, parent).exec()


class AcceptEnrolmentDialog(QDialog):
    """The other side's file: its unit, role and fingerprint; enrolled only after the user ticks that
    the fingerprint matches."""

    def __init__(
        self,
        ctx: AppContext,
        path: Path,
        bundle: ss.EnrolBundle,
        fingerprint: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.path = path
        self.result_value: ss.PeerView | None = None
        self.setWindowTitle(translate("sync_enrol", "Nhận tệp đăng ký"))
        self.setMinimumWidth(560)
        who = QLabel(
            translate("sync_enrol", "Đơn vị: {name}\nVai trò: {role}").format(
                name=bundle.name, role=role_text(bundle.role)
            )
        )
        font = QFont(who.font())
        font.setBold(True)
        who.setFont(font)
        ask = QLabel(
            translate(
                "sync_enrol",
                "Gọi điện cho đơn vị này (số điện thoại lấy từ sổ sách, không lấy từ USB) và nhờ họ đọc mã "
                "đối chiếu của họ. Chỉ đăng ký khi mọi nhóm số đều khớp:",
            )
        )
        ask.setWordWrap(True)
        self.matches = QCheckBox(
            translate("sync_enrol", "Tôi đã đối chiếu: mã đơn vị kia đọc khớp hoàn toàn")
        )
        self.buttons = QDialogButtonBox()
        self.enrol_button = self.buttons.addButton(
            translate("sync_enrol", "Đăng ký"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.enrol_button.setEnabled(False)
        self.buttons.addButton(translate("sync_enrol", "Hủy"), QDialogButtonBox.ButtonRole.RejectRole)
        self.matches.toggled.connect(self.enrol_button.setEnabled)
        self.buttons.accepted.connect(self.enrol)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(who)
        layout.addWidget(ask)
        layout.addWidget(fingerprint_label(fingerprint))
        layout.addWidget(self.matches)
        layout.addWidget(self.buttons)

    def enrol(self) -> None:
        if not self.matches.isChecked():
            return
        try:
            self.result_value = sx.enrol_from_file(self.ctx.db, self.ctx.actor, self.path)
        except ss.KeyReplacement as change:
            # Different keys for an enrolled unit: both fingerprints and the risk, an explicit choice.
            if not self.confirm_replacement(change):
                return
            try:
                self.result_value = sx.enrol_from_file(self.ctx.db, self.ctx.actor, self.path, replace=True)
            except DomainError as exc:
                show_error(self, exc)
                return
        except DomainError as exc:
            show_error(self, exc)
            return
        self.accept()

    def confirm_replacement(self, change: ss.KeyReplacement) -> bool:
        """The loud question before an enrolled unit's keys are replaced (tests replace this)."""
        return confirm(
            self,
            translate("sync_enrol", "Thay khóa của đơn vị đã đăng ký?"),
            change.text(),
            translate("sync_enrol", "Thay khóa"),
        )

    @classmethod
    def ask(cls, ctx: AppContext, path: Path, parent: QWidget | None = None) -> ss.PeerView | None:
        try:
            bundle, fingerprint = sx.read_enrolment(path)
        except DomainError as exc:
            show_error(parent, exc)
            return None
        dialog = cls(ctx, path, bundle, fingerprint, parent)
        dialog.exec()
        return dialog.result_value
