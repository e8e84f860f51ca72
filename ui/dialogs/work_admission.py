"""Dialogs of the admission page: a new candidate, the next step of the pipeline, stopping, plans."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QWidget

from models.dates import format_date, today
from models.db import read_session, unit_of_work
from models.errors import ValidationError
from models.services import admission as ad
from models.services.meetings import roster, vote_outcome
from ui.context import AppContext
from ui.dialogs.base import FormDialog
from ui.dialogs.work_common import cell_combo, combo_key
from ui.errors import show_info
from ui.i18n import translate
from ui.widgets import DateEdit, IntEdit, MemberPicker, collect


def need_date(errors: dict[str, str], field: str, edit: DateEdit) -> date:
    value = collect(errors, field, lambda: edit.date(field))
    if value is None and field not in errors:
        errors[field] = translate("admission_ui", "Hãy nhập ngày, ví dụ 03/02/2026.")
    return value or today()


class CandidateDialog(FormDialog[str]):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, translate("admission_ui", "Thêm quần chúng ưu tú"), parent)
        self.family = QLineEdit()
        self.middle = QLineEdit()
        self.given = QLineEdit()
        self.sex = QComboBox()
        self.sex.addItem(translate("admission_ui", "Nam"), "M")
        self.sex.addItem(translate("admission_ui", "Nữ"), "F")
        self.born = DateEdit()
        self.ethnicity = QLineEdit("Thái")
        self.education = QLineEdit("12/12")
        self.cell = cell_combo(ctx)
        self.youth = QCheckBox(translate("admission_ui", "Đoàn viên Thanh niên"))
        self.proposed = DateEdit(today())
        self.add_field(translate("admission_ui", "Họ:"), "family_name", self.family)
        self.add_field(translate("admission_ui", "Tên đệm:"), "middle_name", self.middle)
        self.add_field(translate("admission_ui", "Tên:"), "given_name", self.given)
        self.add_field(translate("admission_ui", "Giới tính:"), "sex", self.sex)
        self.add_field(translate("admission_ui", "Ngày sinh:"), "date_of_birth", self.born)
        self.add_field(translate("admission_ui", "Dân tộc:"), "ethnicity", self.ethnicity)
        self.add_field(translate("admission_ui", "Giáo dục phổ thông:"), "general_education", self.education)
        self.add_field(translate("admission_ui", "Chi bộ đề nghị:"), "cell_id", self.cell)
        self.add_field("", "youth", self.youth)
        self.add_field(translate("admission_ui", "Ngày chi bộ giới thiệu:"), "proposed_date", self.proposed)
        self.warnings: list[str] = []

    def submit(self) -> str:
        errors: dict[str, str] = {}
        born = need_date(errors, "date_of_birth", self.born)
        proposed = collect(errors, "proposed_date", lambda: self.proposed.date("proposed_date"))
        if not self.given.text().strip():
            errors["given_name"] = translate("admission_ui", "Hãy nhập tên.")
        if errors:
            raise ValidationError.many(errors)
        cmd = ad.CandidateInput(
            family_name=self.family.text(),
            middle_name=self.middle.text(),
            given_name=self.given.text(),
            sex=combo_key(self.sex) or "M",
            date_of_birth=born,
            cell_id=combo_key(self.cell) or "",
            ethnicity=self.ethnicity.text(),
            general_education=self.education.text(),
            youth_union_member=self.youth.isChecked(),
            proposed_date=proposed,
        )
        with unit_of_work(self.ctx.db, self.ctx.actor) as session:
            new_id, self.warnings = ad.add_candidate(session, cmd)
        return new_id

    @classmethod
    def ask(cls, ctx: AppContext, parent: QWidget | None = None) -> str | None:
        return cls(ctx, parent).run()


NEXT = {
    "candidate": "class_done",
    "class_done": "sympathiser",
    "sympathiser": "verified",
    "verified": "cell_resolved",
    "cell_resolved": "decided",
    "decided": "admitted",
}


class StepDialog(FormDialog[str]):
    """The next step for a candidate; the fields depend on the step."""

    def __init__(self, ctx: AppContext, candidate: ad.CandidateView, parent: QWidget | None = None) -> None:
        self.step = NEXT[candidate.stage]
        super().__init__(
            ctx,
            translate("admission_ui", "{name}: {step}").format(
                name=candidate.name, step=translate("admission", ad.STAGES[self.step])
            ),
            parent,
        )
        self.candidate = candidate
        self.on = DateEdit(today())
        self.add_field(translate("admission_ui", "Ngày:"), "date", self.on)
        self.errors.alias("decision_date", "date")
        if self.step == "class_done":
            self.start = DateEdit()
            self.certificate = QLineEdit()
            self.add_field(translate("admission_ui", "Ngày khai giảng:"), "class_start", self.start)
            self.add_field(
                translate("admission_ui", "Số giấy chứng nhận:"), "certificate_no", self.certificate
            )
            self.errors.alias("class_end", "date")
        elif self.step == "sympathiser":
            self.helper1 = MemberPicker(ctx)
            self.helper1.set_cell(candidate.cell_id)
            self.helper2 = MemberPicker(ctx)
            self.helper2.set_cell(candidate.cell_id)
            self.add_field(translate("admission_ui", "Đảng viên giúp đỡ:"), "helpers", self.helper1)
            self.add_field(translate("admission_ui", "Người thứ hai (nếu có):"), "helper2", self.helper2)
        elif self.step == "cell_resolved":
            with read_session(ctx.db, ctx.actor) as session:
                official = sum(
                    1 for e in roster(session, candidate.cell_id, today()) if e.membership == "official"
                )
            self.number = QLineEdit()
            self.votes = IntEdit(official)
            self.official = IntEdit(official)
            self.required = QLabel()
            self.required.setWordWrap(True)
            self.add_field(translate("admission_ui", "Số nghị quyết:"), "resolution_no", self.number)
            self.add_field(
                translate("admission_ui", "Số đảng viên chính thức của chi bộ:"),
                "official_count",
                self.official,
            )
            self.add_field(translate("admission_ui", "Số tán thành:"), "votes_for", self.votes)
            self.add_field("", "required", self.required)
            self.official.textChanged.connect(lambda _t: self._show_required())
            self._show_required()
        elif self.step == "decided":
            self.number = QLineEdit()
            self.add_field(translate("admission_ui", "Số quyết định kết nạp:"), "decision_no", self.number)
            if candidate.decision_due:
                self.set_intro(
                    translate(
                        "admission_ui", "Hạn ra quyết định: {date} (60 ngày làm việc từ ngày chi bộ xét)."
                    ).format(date=format_date(candidate.decision_due))
                )
        elif self.step == "admitted":
            self.youth_date = DateEdit()
            self.youth_date.setPlaceholderText(translate("admission_ui", "để trống nếu chưa rõ"))
            if candidate.youth_union_member:
                self.add_field(
                    translate("admission_ui", "Ngày vào Đoàn:"), "youth_union_date", self.youth_date
                )
            if candidate.ceremony_due:
                self.set_intro(
                    translate(
                        "admission_ui",
                        "Hạn tổ chức kết nạp: {date} (30 ngày làm việc từ ngày có quyết định).",
                    ).format(date=format_date(candidate.ceremony_due))
                )

    def _show_required(self) -> None:
        try:
            total = self.official.value("official_count") or 0
        except ValidationError:
            total = 0
        need = vote_outcome("admission", 0, total, total).required
        self.required.setText(
            translate("admission_ui", "Cần ít nhất {need}/{total} đảng viên chính thức tán thành.").format(
                need=need, total=total
            )
        )

    def submit(self) -> str:
        errors: dict[str, str] = {}
        on = need_date(errors, "date", self.on)
        cid = self.candidate.id
        if self.step == "class_done":
            start = need_date(errors, "class_start", self.start)
        youth_date: date | None = None
        if self.step == "admitted" and self.candidate.youth_union_member:
            youth_date = collect(errors, "youth_union_date", lambda: self.youth_date.date("youth_union_date"))
        if self.step == "cell_resolved":
            votes = collect(errors, "votes_for", lambda: self.votes.value("votes_for")) or 0
            official = collect(errors, "official_count", lambda: self.official.value("official_count")) or 0
        if errors:
            raise ValidationError.many(errors)
        with unit_of_work(self.ctx.db, self.ctx.actor) as session:
            if self.step == "class_done":
                ad.record_class(session, cid, start, on, self.certificate.text())
            elif self.step == "sympathiser":
                helpers = [h for h in (self.helper1.member_id(), self.helper2.member_id()) if h]
                ad.assign_helpers(session, cid, list(dict.fromkeys(helpers)), on)
            elif self.step == "verified":
                ad.record_verification(session, cid, on)
            elif self.step == "cell_resolved":
                ad.record_cell_resolution(session, cid, on, self.number.text(), votes, official)
            elif self.step == "decided":
                ad.record_decision(session, cid, on, self.number.text())
            else:
                result = ad.record_ceremony(session, cid, on, youth_union_date=youth_date)
        if self.step == "admitted":
            if result.warnings:
                show_info(self, translate("admission_ui", "Đã kết nạp"), "\n".join(result.warnings))
            return result.member_id
        return cid

    @classmethod
    def ask(cls, ctx: AppContext, candidate: ad.CandidateView, parent: QWidget | None = None) -> str | None:
        return cls(ctx, candidate, parent).run()


class DropDialog(FormDialog[str]):
    def __init__(self, ctx: AppContext, candidate: ad.CandidateView, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx, translate("admission_ui", "Dừng xét: {name}").format(name=candidate.name), parent
        )
        self.candidate = candidate
        self.on = DateEdit(today())
        self.reason = QLineEdit()
        self.add_field(translate("admission_ui", "Ngày:"), "date", self.on)
        self.add_field(translate("admission_ui", "Lý do:"), "reason", self.reason)

    def submit(self) -> str:
        errors: dict[str, str] = {}
        on = need_date(errors, "date", self.on)
        if errors:
            raise ValidationError.many(errors)
        with unit_of_work(self.ctx.db, self.ctx.actor) as session:
            ad.drop_candidate(session, self.candidate.id, on, self.reason.text())
        return self.candidate.id

    @classmethod
    def ask(cls, ctx: AppContext, candidate: ad.CandidateView, parent: QWidget | None = None) -> str | None:
        return cls(ctx, candidate, parent).run()


class PlanDialog(FormDialog[int]):
    def __init__(self, ctx: AppContext, year: int, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx, translate("admission_ui", "Chỉ tiêu kết nạp năm {year}").format(year=year), parent
        )
        self.year = year
        self.cell = cell_combo(ctx, with_all=translate("admission_ui", "Toàn Đảng bộ xã"))
        self.target = IntEdit()
        self.women = IntEdit(0)
        self.minority = IntEdit(0)
        self.youth = IntEdit(0)
        self.add_field(translate("admission_ui", "Đơn vị:"), "cell_id", self.cell)
        self.add_field(translate("admission_ui", "Chỉ tiêu kết nạp:"), "target", self.target)
        self.add_field(translate("admission_ui", "Trong đó nữ:"), "women", self.women)
        self.add_field(translate("admission_ui", "Dân tộc thiểu số:"), "minority", self.minority)
        self.add_field(translate("admission_ui", "Đoàn viên thanh niên:"), "youth", self.youth)

    def submit(self) -> int:
        errors: dict[str, str] = {}
        values: dict[str, int | None] = {}
        for f, w in (
            ("target", self.target),
            ("women", self.women),
            ("minority", self.minority),
            ("youth", self.youth),
        ):
            try:
                values[f] = w.value(f)
            except ValidationError as exc:
                errors[f] = exc.text()
        if values["target"] is None and "target" not in errors:
            errors["target"] = translate("admission_ui", "Hãy nhập chỉ tiêu.")
        if errors:
            raise ValidationError.many(errors)
        with unit_of_work(self.ctx.db, self.ctx.actor) as session:
            ad.set_plan(
                session,
                self.year,
                combo_key(self.cell),
                values["target"] or 0,
                values["women"] or 0,
                values["minority"] or 0,
                values["youth"] or 0,
            )
        return values["target"] or 0

    @classmethod
    def ask(cls, ctx: AppContext, year: int, parent: QWidget | None = None) -> int | None:
        return cls(ctx, year, parent).run()
