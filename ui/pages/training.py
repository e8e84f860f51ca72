"""The training page (DOMAIN.md §3.9): courses with attendees and completion, and the year's counts
by kind and theory level ("20 lớp, 1.115 học viên")."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from models.dates import format_date, today
from models.db import read_session
from models.services import training as tr
from ui.context import AppContext
from ui.dialogs.work_common import fit_to_width, vi_int, year_spin
from ui.dialogs.work_training import LEVELS, CompleteDialog, CourseDialog, EnrolDialog
from ui.errors import show_info
from ui.i18n import translate
from ui.pages.base import Page
from ui.pages.organisation import make_table
from ui.table import Column, RowTableModel


def course_model() -> RowTableModel[tr.CourseView]:
    return RowTableModel(
        [
            Column(translate("training_ui", "Tên lớp"), lambda c: c.name),
            Column(translate("training_ui", "Loại"), lambda c: translate("training", tr.KINDS[c.kind])),
            Column(
                translate("training_ui", "Trình độ"),
                lambda c: translate("training_ui", LEVELS.get(c.level, "")),
            ),
            Column(translate("training_ui", "Đơn vị tổ chức"), lambda c: c.organiser),
            Column(
                translate("training_ui", "Khai giảng"),
                lambda c: format_date(c.start_date),
                lambda c: c.start_date,
            ),
            Column(translate("training_ui", "Bế giảng"), lambda c: format_date(c.end_date)),
            Column(
                translate("training_ui", "Học viên"),
                lambda c: vi_int(c.attendees),
                lambda c: c.attendees,
                True,
            ),
            Column(
                translate("training_ui", "Đạt"),
                lambda c: vi_int(c.passed) if c.completed else "",
                lambda c: c.passed,
                True,
            ),
            Column(
                translate("training_ui", "Tình trạng"),
                lambda c: (
                    translate("training_ui", "Đã kết thúc")
                    if c.completed
                    else translate("training_ui", "Đang học")
                ),
            ),
        ],
        row_id=lambda c: c.id,
        dimmed=lambda c: c.completed,
    )


class TrainingPage(Page):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.model = course_model()
        self.view = make_table(self.model)
        fit_to_width(self.view, 0)
        self.year = year_spin(today().year)
        self.counts = QLabel()
        self.counts.setWordWrap(True)
        self.counts.setStyleSheet("font-weight: bold;")
        add = QPushButton(translate("training_ui", "Thêm lớp…"))
        enrol = QPushButton(translate("training_ui", "Thêm học viên…"))
        complete = QPushButton(translate("training_ui", "Kết thúc lớp…"))
        for b in (add, enrol, complete):
            b.setAutoDefault(False)
        add.clicked.connect(self.add)
        enrol.clicked.connect(self.enrol)
        complete.clicked.connect(self.complete)
        top = QHBoxLayout()
        for b in (add, enrol, complete):
            top.addWidget(b)
        top.addStretch(1)
        top.addWidget(QLabel(translate("training_ui", "Thống kê năm:")))
        top.addWidget(self.year)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.counts)
        layout.addWidget(self.view, 1)
        self.year.valueChanged.connect(lambda _v: self.refresh())

    def title(self) -> str:
        return translate("training_ui", "Đào tạo, bồi dưỡng")

    def refresh(self) -> None:
        year = self.year.value()
        with read_session(self.ctx.db, self.ctx.actor) as session:
            courses = tr.list_courses(session)
            counts = tr.period_counts(session, date(year, 1, 1), date(year, 12, 31))
        kinds = ", ".join(
            f"{translate('training', tr.KINDS[k])}: {vi_int(n)}"
            for k, n in counts.by_kind.items()
            if k in tr.KINDS
        )
        levels = ", ".join(
            f"{translate('training_ui', LEVELS.get(k, k))}: {vi_int(n)}" for k, n in counts.by_level.items()
        )
        self.counts.setText(
            translate(
                "training_ui", "Năm {year}: {courses} lớp, {trainees} học viên. Theo loại lớp — {kinds}."
            ).format(
                year=year,
                courses=vi_int(counts.courses),
                trainees=vi_int(counts.trainees),
                kinds=kinds or "–",
            )
            + (
                " " + translate("training_ui", "Lý luận chính trị — {levels}.").format(levels=levels)
                if levels
                else ""
            )
        )
        self.model.set_rows(courses)

    def selected(self) -> tr.CourseView | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def add(self) -> None:
        if CourseDialog.ask(self.ctx, self) is not None:
            self.changed.emit()

    def _open_course(self) -> tr.CourseView | None:
        course = self.selected()
        if course is None or course.completed:
            show_info(
                self,
                translate("training_ui", "Lớp học"),
                translate("training_ui", "Hãy chọn một lớp đang học."),
            )
            return None
        return course

    def enrol(self) -> None:
        course = self._open_course()
        if course is not None and EnrolDialog.ask(self.ctx, course, self) is not None:
            self.changed.emit()

    def complete(self) -> None:
        course = self._open_course()
        if course is not None and CompleteDialog.ask(self.ctx, course, self) is not None:
            self.changed.emit()
