"""Không nhất trí: answer a correction request from the upper level with a reason (it travels up with
the next package). One transaction per answer."""

from __future__ import annotations

from PySide6.QtWidgets import QPlainTextEdit, QWidget

from models.db import unit_of_work
from models.services import sync as ss
from ui.context import AppContext
from ui.dialogs.base import FormDialog
from ui.i18n import translate


class DisputeDialog(FormDialog[str]):
    def __init__(self, ctx: AppContext, correction: ss.CorrectionView, parent: QWidget | None = None) -> None:
        super().__init__(ctx, translate("sync_dispute", "Không nhất trí với đề nghị sửa"), parent)
        self.correction = correction
        self.set_intro(
            translate(
                "sync_dispute", "Cấp trên đề nghị: {message}\nHãy ghi lý do không nhất trí để gửi cấp trên."
            ).format(message=correction.message)
        )
        self.reason = QPlainTextEdit()
        self.reason.setTabChangesFocus(True)
        self.reason.setMinimumHeight(100)
        self.add_field(translate("sync_dispute", "Lý do:"), "response", self.reason)
        self.save_button.setText(translate("sync_dispute", "Gửi ý kiến"))

    def submit(self) -> str:
        text = self.reason.toPlainText()
        with unit_of_work(self.ctx.db, self.ctx.actor) as session:
            ss.answer_correction(session, self.correction.id, accept=False, response=text)
        return text

    @classmethod
    def ask(cls, ctx: AppContext, correction: ss.CorrectionView, parent: QWidget | None = None) -> str | None:
        return cls(ctx, correction, parent).run()
