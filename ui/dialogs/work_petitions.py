"""Dialogs of the petitions page: register a petition, and close it (resolved, filed, transferred)."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QLineEdit, QPlainTextEdit, QWidget

from models.dates import today
from models.db import unit_of_work
from models.errors import ValidationError
from models.services import petitions as pt
from ui.context import AppContext
from ui.dialogs.base import FormDialog
from ui.dialogs.work_admission import need_date
from ui.dialogs.work_common import combo_key, label_combo
from ui.i18n import translate
from ui.widgets import DateEdit, collect


class PetitionDialog(FormDialog[str]):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, translate("petitions_ui", "Vào sổ đơn thư"), parent)
        self.received = DateEdit(today())
        self.kind = label_combo("petitions", pt.KINDS)
        self.sender_edit = QLineEdit()
        self.anonymous = QCheckBox(translate("petitions_ui", "Đơn không ký tên (nặc danh)"))
        self.anonymous.toggled.connect(lambda on: self.sender_edit.setEnabled(not on))
        self.subject = QLineEdit()
        self.summary = QPlainTextEdit()
        self.summary.setMaximumHeight(80)
        self.handler = QLineEdit()
        self.deadline = DateEdit()
        self.add_field(translate("petitions_ui", "Ngày nhận:"), "received_date", self.received)
        self.add_field(translate("petitions_ui", "Loại đơn:"), "kind", self.kind)
        self.add_field(translate("petitions_ui", "Người gửi:"), "sender", self.sender_edit)
        self.add_field("", "anonymous", self.anonymous)
        self.add_field(translate("petitions_ui", "Người, tổ chức bị phản ánh:"), "subject_text", self.subject)
        self.add_field(translate("petitions_ui", "Tóm tắt nội dung:"), "summary", self.summary)
        self.add_field(translate("petitions_ui", "Người xử lý:"), "handler", self.handler)
        self.add_field(translate("petitions_ui", "Hạn giải quyết:"), "deadline", self.deadline)

    def submit(self) -> str:
        errors: dict[str, str] = {}
        received = need_date(errors, "received_date", self.received)
        deadline = collect(errors, "deadline", lambda: self.deadline.date("deadline"))
        if errors:
            raise ValidationError.many(errors)
        cmd = pt.PetitionInput(
            received_date=received,
            kind=combo_key(self.kind) or "",
            summary=self.summary.toPlainText(),
            sender=self.sender_edit.text(),
            anonymous=self.anonymous.isChecked(),
            subject_text=self.subject.text(),
            handler=self.handler.text(),
            deadline=deadline,
        )
        with unit_of_work(self.ctx.db, self.ctx.actor) as session:
            return pt.register_petition(session, cmd)

    @classmethod
    def ask(cls, ctx: AppContext, parent: QWidget | None = None) -> str | None:
        return cls(ctx, parent).run()


CLOSING = {k: v for k, v in pt.STATUSES.items() if k != "pending"}


class ClosePetitionDialog(FormDialog[str]):
    def __init__(self, ctx: AppContext, petition: pt.PetitionView, parent: QWidget | None = None) -> None:
        super().__init__(ctx, translate("petitions_ui", "Xử lý đơn"), parent)
        self.set_intro(petition.summary)
        self.petition = petition
        self.status = label_combo("petitions", CLOSING)
        self.on = DateEdit(today())
        self.result_text = QPlainTextEdit()
        self.result_text.setMaximumHeight(70)
        self.transferred_to = QLineEdit()
        self.add_field(translate("petitions_ui", "Kết quả xử lý:"), "status", self.status)
        self.add_field(translate("petitions_ui", "Ngày:"), "closed_date", self.on)
        self.add_field(translate("petitions_ui", "Kết quả giải quyết:"), "result", self.result_text)
        self.add_field(translate("petitions_ui", "Chuyển đến:"), "transferred_to", self.transferred_to)

    def submit(self) -> str:
        errors: dict[str, str] = {}
        on = need_date(errors, "closed_date", self.on)
        if errors:
            raise ValidationError.many(errors)
        with unit_of_work(self.ctx.db, self.ctx.actor) as session:
            pt.close_petition(
                session,
                self.petition.id,
                combo_key(self.status) or "",
                on,
                self.result_text.toPlainText(),
                self.transferred_to.text(),
            )
        return self.petition.id

    @classmethod
    def ask(cls, ctx: AppContext, petition: pt.PetitionView, parent: QWidget | None = None) -> str | None:
        return cls(ctx, petition, parent).run()
