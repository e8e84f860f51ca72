"""Dialog of the dues page: a dues rate the province set, kept with its valid-from date."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QWidget

from models.db import unit_of_work
from models.errors import ValidationError
from models.services import dues
from ui.context import AppContext
from ui.dialogs.base import FormDialog
from ui.dialogs.work_common import combo_key, label_combo
from ui.i18n import translate
from ui.widgets import DateEdit, collect


class RateDialog(FormDialog[str]):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, translate("dues_ui", "Mức đảng phí"), parent)
        self.set_intro(
            translate(
                "dues_ui",
                "Nhập mức do cấp có thẩm quyền quy định, kèm ngày bắt đầu áp dụng. Các tháng trước ngày "
                "đó giữ mức cũ. Nhập số tiền cố định (đồng/tháng) hoặc phần trăm (ví dụ 1 hoặc 0,5).",
            )
        )
        self.category = label_combo("dues", dues.CATEGORIES, "other")
        self.valid_from = DateEdit()
        self.fixed = QLineEdit()
        self.fixed.setPlaceholderText(translate("dues_ui", "ví dụ 10.000"))
        self.percent = QLineEdit()
        self.percent.setPlaceholderText(translate("dues_ui", "ví dụ 1"))
        self.add_field(translate("dues_ui", "Đối tượng:"), "category", self.category)
        self.add_field(translate("dues_ui", "Áp dụng từ ngày:"), "valid_from", self.valid_from)
        self.add_field(translate("dues_ui", "Số tiền (đồng/tháng):"), "rate", self.fixed)
        self.add_field(translate("dues_ui", "Hoặc phần trăm:"), "percent", self.percent)

    def submit(self) -> str:
        errors: dict[str, str] = {}
        valid_from = collect(errors, "valid_from", lambda: self.valid_from.date("valid_from"))
        if valid_from is None and "valid_from" not in errors:
            errors["valid_from"] = translate("dues_ui", "Hãy nhập ngày, ví dụ 03/02/2026.")
        fixed_text = self.fixed.text().strip().replace(".", "").replace(" ", "")
        percent_text = self.percent.text().strip().replace(",", ".")
        fixed: int | None = None
        percent: float | None = None
        if fixed_text:
            if not fixed_text.isdigit():
                errors["rate"] = translate("dues_ui", "Số tiền là số nguyên, ví dụ 10.000.")
            else:
                fixed = int(fixed_text)
        if percent_text:
            try:
                percent = float(percent_text)
            except ValueError:
                errors["percent"] = translate("dues_ui", "Phần trăm là một số, ví dụ 0,5.")
        if errors:
            raise ValidationError.many(errors)
        category = combo_key(self.category) or "other"
        with unit_of_work(self.ctx.db, self.ctx.actor) as session:
            dues.set_rate(session, category, valid_from, fixed=fixed, percent=percent)
        return category

    @classmethod
    def ask(cls, ctx: AppContext, parent: QWidget | None = None) -> str | None:
        return cls(ctx, parent).run()
