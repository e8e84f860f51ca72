"""Dialogs of the inspection page: an inspection or supervision, and a disciplinary decision whose
allowed forms follow the member's status and whose vote is counted against official members."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QPlainTextEdit, QWidget

from models.dates import today
from models.db import unit_of_work
from models.errors import ValidationError
from models.services import inspection as ins
from models.services import membership as ms
from models.services.meetings import vote_outcome
from ui.context import AppContext
from ui.dialogs.base import FormDialog
from ui.dialogs.work_admission import need_date
from ui.dialogs.work_common import cell_combo, combo_key, label_combo
from ui.i18n import translate
from ui.widgets import DateEdit, IntEdit, MemberPicker, collect


class InspectionDialog(FormDialog[str]):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, translate("inspection_ui", "Thêm cuộc kiểm tra, giám sát"), parent)
        self.activity = label_combo("inspection", ins.ACTIVITIES)
        self.mode = label_combo("inspection", ins.MODES)
        self.subject_kind = QComboBox()
        self.subject_kind.addItem(translate("inspection_ui", "Tổ chức đảng"), "cell")
        self.subject_kind.addItem(translate("inspection_ui", "Đảng viên"), "member")
        self.cell = cell_combo(ctx)
        self.member = MemberPicker(ctx)
        self.member.setEnabled(False)
        self.subject_kind.currentIndexChanged.connect(self._kind_changed)
        self.carried_by = QLineEdit(translate("inspection_ui", "Ủy ban Kiểm tra Đảng ủy"))
        self.content = QLineEdit()
        self.start = DateEdit(today())
        self.end = DateEdit()
        self.conclusion = QPlainTextEdit()
        self.conclusion.setMaximumHeight(70)
        self.violation = QCheckBox(translate("inspection_ui", "Có vi phạm"))
        self.add_field(translate("inspection_ui", "Hoạt động:"), "activity", self.activity)
        self.add_field(translate("inspection_ui", "Hình thức:"), "mode", self.mode)
        self.add_field(translate("inspection_ui", "Đối tượng:"), "subject", self.subject_kind)
        self.add_field(translate("inspection_ui", "Tổ chức đảng:"), "cell", self.cell)
        self.add_field(translate("inspection_ui", "Đảng viên:"), "member", self.member)
        self.add_field(translate("inspection_ui", "Chủ thể tiến hành:"), "carried_by", self.carried_by)
        self.add_field(translate("inspection_ui", "Nội dung:"), "content", self.content)
        self.add_field(translate("inspection_ui", "Từ ngày:"), "start_date", self.start)
        self.add_field(translate("inspection_ui", "Đến ngày:"), "end_date", self.end)
        self.add_field(translate("inspection_ui", "Kết luận:"), "conclusion", self.conclusion)
        self.add_field("", "violation", self.violation)

    def _kind_changed(self, _index: int) -> None:
        member = combo_key(self.subject_kind) == "member"
        self.member.setEnabled(member)
        self.cell.setEnabled(not member)

    def submit(self) -> str:
        errors: dict[str, str] = {}
        start = need_date(errors, "start_date", self.start)
        end = collect(errors, "end_date", lambda: self.end.date("end_date"))
        member = combo_key(self.subject_kind) == "member"
        if member and self.member.member_id() is None:
            errors["member"] = translate("inspection_ui", "Hãy chọn đảng viên.")
        if errors:
            raise ValidationError.many(errors)
        cmd = ins.InspectionInput(
            activity=combo_key(self.activity) or "",
            mode=combo_key(self.mode) or "",
            start_date=start,
            end_date=end,
            subject_member_id=self.member.member_id() if member else None,
            subject_cell_id=None if member else combo_key(self.cell),
            carried_by=self.carried_by.text(),
            content=self.content.text(),
            conclusion=self.conclusion.toPlainText(),
            violation_found=self.violation.isChecked(),
        )
        with unit_of_work(self.ctx.db, self.ctx.actor) as session:
            return ins.save_inspection(session, cmd)

    @classmethod
    def ask(cls, ctx: AppContext, parent: QWidget | None = None) -> str | None:
        return cls(ctx, parent).run()


class DisciplineDialog(FormDialog[str]):
    """Discipline of a member: the forms offered are those allowed for the member; the votes needed
    are shown against the cell's official members (more than half; two thirds for expulsion)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, translate("inspection_ui", "Thi hành kỷ luật đảng viên"), parent)
        self.member = MemberPicker(ctx)
        self.form_combo = QComboBox()
        self.on = DateEdit(today())
        self.official = 0
        self.official_label = QLabel()
        self.official_label.setWordWrap(True)
        self.votes_for = IntEdit()
        self.votes_against = IntEdit(0)
        self.number = QLineEdit()
        self.body = QLineEdit(translate("inspection_ui", "Chi bộ"))
        self.reason = QPlainTextEdit()
        self.reason.setMaximumHeight(60)
        self.add_field(translate("inspection_ui", "Đảng viên:"), "subject", self.member)
        self.add_field(translate("inspection_ui", "Hình thức kỷ luật:"), "form", self.form_combo)
        self.add_field(translate("inspection_ui", "Ngày quyết định:"), "decision_date", self.on)
        self.add_field("", "official_count", self.official_label)
        self.add_field(translate("inspection_ui", "Số phiếu tán thành:"), "votes_for", self.votes_for)
        self.add_field(translate("inspection_ui", "Không tán thành:"), "votes_against", self.votes_against)
        self.add_field(translate("inspection_ui", "Số quyết định:"), "decision_no", self.number)
        self.add_field(translate("inspection_ui", "Cấp quyết định:"), "deciding_body", self.body)
        self.add_field(translate("inspection_ui", "Lý do:"), "reason", self.reason)
        self.member.selection_changed.connect(self.member_changed)
        self.form_combo.currentIndexChanged.connect(lambda _i: self.show_required())

    def member_changed(self) -> None:
        member_id = self.member.member_id()
        self.form_combo.clear()
        self.official = 0
        if member_id is not None:
            with unit_of_work(self.ctx.db, self.ctx.actor) as session:
                forms = ins.allowed_forms(session, member_id)
                cell_id = ms.get_member(session, member_id).cell_id
                self.official = ins.official_members_of_cell(session, cell_id, today()) if cell_id else 0
            for key in forms:
                self.form_combo.addItem(translate("inspection", ins.FORMS[key]), key)
        self.show_required()

    def show_required(self) -> None:
        form = combo_key(self.form_combo)
        if form is None:
            self.official_label.setText("")
            return
        rule_key = "expulsion" if form == "khai_tru" else "discipline"
        need = vote_outcome(rule_key, 0, self.official, self.official).required
        share = (
            translate("inspection_ui", "hai phần ba")
            if form == "khai_tru"
            else translate("inspection_ui", "quá nửa")
        )
        self.official_label.setText(
            translate(
                "inspection_ui",
                "Chi bộ có {official} đảng viên chính thức; cần {share}: ít nhất {need} phiếu tán thành.",
            ).format(official=self.official, share=share, need=need)
        )

    def submit(self) -> str:
        errors: dict[str, str] = {}
        on = need_date(errors, "decision_date", self.on)
        votes_for = collect(errors, "votes_for", lambda: self.votes_for.value("votes_for"))
        votes_against = collect(errors, "votes_against", lambda: self.votes_against.value("votes_against"))
        if self.member.member_id() is None:
            errors["subject"] = translate("inspection_ui", "Hãy chọn đảng viên.")
        if votes_for is None and "votes_for" not in errors:
            errors["votes_for"] = translate("inspection_ui", "Hãy nhập số phiếu tán thành.")
        if errors:
            raise ValidationError.many(errors)
        cmd = ins.DisciplineInput(
            form=combo_key(self.form_combo) or "",
            decision_date=on,
            votes_for=votes_for,
            votes_against=votes_against or 0,
            subject_member_id=self.member.member_id(),
            decision_no=self.number.text(),
            deciding_body=self.body.text(),
            reason=self.reason.toPlainText(),
        )
        with unit_of_work(self.ctx.db, self.ctx.actor) as session:
            return ins.discipline(session, cmd)

    @classmethod
    def ask(cls, ctx: AppContext, parent: QWidget | None = None) -> str | None:
        return cls(ctx, parent).run()
