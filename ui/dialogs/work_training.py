"""Dialogs of the training page: a course, attendees from the register, completing a course."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from models.dates import today
from models.db import read_session, unit_of_work
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
    """The end of a course: a result for each trainee (đạt, không đạt, bỏ học) and the certificate
    number of those who passed. Nobody is marked passed unless the clerk says so."""

    def __init__(self, ctx: AppContext, course: tr.CourseView, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx, translate("training_ui", "Kết thúc lớp: {name}").format(name=course.name), parent
        )
        self.set_intro(
            translate(
                "training_ui",
                "Ghi kết quả của từng học viên. Chỉ học viên đạt của lớp lý luận chính trị được nâng trình độ "
                "lý luận (nếu cao hơn trình độ đang có); không đạt hoặc bỏ học thì giữ nguyên.",
            )
        )
        self.setMinimumWidth(720)
        self.course = course
        self.end = DateEdit(today())
        self.add_field(translate("training_ui", "Ngày bế giảng:"), "end_date", self.end)
        with read_session(ctx.db, ctx.actor) as session:
            self.trainees = tr.attendees(session, course.id)
        self.table = QTableWidget(len(self.trainees), 3)
        self.table.setHorizontalHeaderLabels(
            [
                translate("training_ui", "Học viên"),
                translate("training_ui", "Kết quả"),
                translate("training_ui", "Số chứng chỉ"),
            ]
        )
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.results: list[QComboBox] = []
        self.certificates: list[QLineEdit] = []
        for row, trainee in enumerate(self.trainees):
            item = QTableWidgetItem(trainee.name)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.table.setItem(row, 0, item)
            combo = QComboBox()
            combo.addItem(translate("training_ui", "— chọn —"), "")
            for key, text in tr.RESULTS.items():
                combo.addItem(translate("training", text), key)
            self.table.setCellWidget(row, 1, combo)
            certificate = QLineEdit(trainee.certificate_no)
            self.table.setCellWidget(row, 2, certificate)
            self.results.append(combo)
            self.certificates.append(certificate)
        self.table.setMinimumHeight(260)
        self.add_field(translate("training_ui", "Kết quả học viên:"), "results", self.table)
        self.all_passed = QPushButton(translate("training_ui", "Ghi tất cả là đạt"))
        self.all_passed.clicked.connect(self.mark_all_passed)
        self.add_field("", "all_passed", self.all_passed)

    def mark_all_passed(self) -> None:
        for combo in self.results:
            if not combo.currentData():
                combo.setCurrentIndex(combo.findData("passed"))

    def submit(self) -> int:
        errors: dict[str, str] = {}
        end = need_date(errors, "end_date", self.end)
        if errors:
            raise ValidationError.many(errors)
        results = {
            t.key: (str(combo.currentData() or ""), cert.text())
            for t, combo, cert in zip(self.trainees, self.results, self.certificates, strict=True)
            if combo.currentData()
        }
        with unit_of_work(self.ctx.db, self.ctx.actor) as session:
            return tr.complete_course(session, self.course.id, end, results)

    @classmethod
    def ask(cls, ctx: AppContext, course: tr.CourseView, parent: QWidget | None = None) -> int | None:
        return cls(ctx, course, parent).run()
