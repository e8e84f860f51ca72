"""Dialogs of the training page: a course, attendees from the register, completing a course."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from models.dates import today
from models.db import unit_of_work
from models.errors import ValidationError
from models.services import training as tr
from ui.context import AppContext
from ui.dialogs.base import FormDialog
from ui.dialogs.work_admission import need_date
from ui.dialogs.work_common import cell_combo, combo_key, label_combo
from ui.i18n import translate
from ui.widgets import DateEdit, MemberPicker, collect

LEVELS = {"so_cap": "Sơ cấp", "trung_cap": "Trung cấp", "cao_cap": "Cao cấp", "cu_nhan": "Cử nhân"}


class CourseDialog(FormDialog[str]):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, translate("training_ui", "Thêm lớp học"), parent)
        self.name = QLineEdit()
        self.kind = label_combo("training", tr.KINDS)
        self.level = QComboBox()
        self.level.addItem("—", "")
        for key, text in LEVELS.items():
            self.level.addItem(translate("training_ui", text), key)
        self.start = DateEdit(today())
        self.end = DateEdit()
        self.organiser = QLineEdit(translate("training_ui", "Trung tâm Chính trị"))
        self.add_field(translate("training_ui", "Tên lớp:"), "name", self.name)
        self.add_field(translate("training_ui", "Loại lớp:"), "kind", self.kind)
        self.add_field(translate("training_ui", "Trình độ lý luận:"), "level", self.level)
        self.add_field(translate("training_ui", "Khai giảng:"), "start_date", self.start)
        self.add_field(translate("training_ui", "Bế giảng:"), "end_date", self.end)
        self.add_field(translate("training_ui", "Đơn vị tổ chức:"), "organiser", self.organiser)

    def submit(self) -> str:
        errors: dict[str, str] = {}
        start = need_date(errors, "start_date", self.start)
        end = collect(errors, "end_date", lambda: self.end.date("end_date"))
        if errors:
            raise ValidationError.many(errors)
        cmd = tr.CourseInput(
            self.name.text(),
            combo_key(self.kind) or "",
            start,
            end,
            combo_key(self.level) or "",
            self.organiser.text(),
        )
        with unit_of_work(self.ctx.db, self.ctx.actor) as session:
            return tr.add_course(session, cmd)

    @classmethod
    def ask(cls, ctx: AppContext, parent: QWidget | None = None) -> str | None:
        return cls(ctx, parent).run()


class EnrolDialog(FormDialog[int]):
    """One member picked by name, or every member of a cell."""

    def __init__(self, ctx: AppContext, course: tr.CourseView, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx, translate("training_ui", "Thêm học viên: {name}").format(name=course.name), parent
        )
        self.course = course
        self.member = MemberPicker(ctx)
        self.cell = cell_combo(ctx, with_all=translate("training_ui", "— Không —"))
        self.add_field(translate("training_ui", "Đảng viên:"), "member", self.member)
        self.add_field(translate("training_ui", "Hoặc cả chi bộ:"), "cell", self.cell)

    def submit(self) -> int:
        from models.services import membership as ms

        cell_id = combo_key(self.cell)
        member_id = self.member.member_id()
        if cell_id is None and member_id is None:
            raise ValidationError(
                "member", translate("training_ui", "Hãy chọn một đảng viên hoặc một chi bộ.")
            )
        with unit_of_work(self.ctx.db, self.ctx.actor) as session:
            ids = [member_id] if member_id else []
            if cell_id is not None:
                ids += [c.id for c in ms.member_choices(session, "", cell_id, limit=10_000)]
            return tr.enrol(session, self.course.id, list(dict.fromkeys(ids)))

    @classmethod
    def ask(cls, ctx: AppContext, course: tr.CourseView, parent: QWidget | None = None) -> int | None:
        return cls(ctx, course, parent).run()


class CompleteDialog(FormDialog[int]):
    def __init__(self, ctx: AppContext, course: tr.CourseView, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx, translate("training_ui", "Kết thúc lớp: {name}").format(name=course.name), parent
        )
        self.set_intro(
            translate(
                "training_ui",
                "Mọi học viên được ghi là đạt. Với lớp lý luận chính trị, trình độ lý luận của đảng viên "
                "được nâng lên nếu cao hơn trình độ đang có.",
            )
        )
        self.course = course
        self.end = DateEdit(today())
        self.add_field(translate("training_ui", "Ngày bế giảng:"), "end_date", self.end)

    def submit(self) -> int:
        errors: dict[str, str] = {}
        end = need_date(errors, "end_date", self.end)
        if errors:
            raise ValidationError.many(errors)
        with unit_of_work(self.ctx.db, self.ctx.actor) as session:
            return tr.complete_course(session, self.course.id, end, {})

    @classmethod
    def ask(cls, ctx: AppContext, course: tr.CourseView, parent: QWidget | None = None) -> int | None:
        return cls(ctx, course, parent).run()
