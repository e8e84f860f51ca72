"""The training page (DOMAIN.md §3.9): courses with attendees and completion, and the year's counts
by kind and theory level ("20 lớp, 1.115 học viên")."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from models.dates import format_date, today
from models.db import read_session
from models.services import training as tr
from ui.context import AppContext
from ui.dialogs.work_common import vi_int, year_spin
from ui.dialogs.work_training import LEVELS, CompleteDialog, CourseDialog, EnrolDialog
from ui.errors import show_info
from ui.i18n import translate
from ui.pages.base import Page
from ui.pages.organisation import fit_columns, make_table
from ui.table import Column, RowTableModel

CTX = "training_ui"


def course_model() -> RowTableModel[tr.CourseView]:
    return RowTableModel(
        [
            Column(translate(CTX, "Tên lớp"), lambda c: c.name),
            Column(translate(CTX, "Loại"), lambda c: translate("training", tr.KINDS[c.kind])),
            Column(translate(CTX, "Trình độ"), lambda c: translate(CTX, LEVELS.get(c.level, ""))),
            Column(translate(CTX, "Đơn vị tổ chức"), lambda c: c.organiser),
            Column(translate(CTX, "Khai giảng"), lambda c: format_date(c.start_date), lambda c: c.start_date),
            Column(translate(CTX, "Bế giảng"), lambda c: format_date(c.end_date)),
            Column(translate(CTX, "Học viên"), lambda c: vi_int(c.attendees), lambda c: c.attendees, True),
            Column(
                translate(CTX, "Đạt"),
                lambda c: vi_int(c.passed) if c.completed else "",
                lambda c: c.passed,
                True,
            ),
            Column(
                translate(CTX, "Tình trạng"),
                lambda c: translate(CTX, "Đã kết thúc") if c.completed else translate(CTX, "Đang học"),
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
        self.year = year_spin(today().year)
        self.counts = QLabel()
        self.counts.setWordWrap(True)
        self.counts.setStyleSheet("font-weight: bold;")
        add = QPushButton(translate(CTX, "Thêm lớp…"))
        enrol = QPushButton(translate(CTX, "Thêm học viên…"))
        complete = QPushButton(translate(CTX, "Kết thúc lớp…"))
        for b in (add, enrol, complete):
            b.setAutoDefault(False)
        add.clicked.connect(self.add)
        enrol.clicked.connect(self.enrol)
        complete.clicked.connect(self.complete)
        top = QHBoxLayout()
        for b in (add, enrol, complete):
            top.addWidget(b)
        top.addStretch(1)
        top.addWidget(QLabel(translate(CTX, "Thống kê năm:")))
        top.addWidget(self.year)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.counts)
        layout.addWidget(self.view, 1)
        self.year.valueChanged.connect(lambda _v: self.refresh())

    def title(self) -> str:
        return translate(CTX, "Đào tạo, bồi dưỡng")

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
            f"{translate(CTX, LEVELS.get(k, k))}: {vi_int(n)}" for k, n in counts.by_level.items()
        )
        self.counts.setText(
            translate(CTX, "Năm {year}: {courses} lớp, {trainees} học viên. Theo loại lớp — {kinds}.").format(
                year=year,
                courses=vi_int(counts.courses),
                trainees=vi_int(counts.trainees),
                kinds=kinds or "–",
            )
            + (" " + translate(CTX, "Lý luận chính trị — {levels}.").format(levels=levels) if levels else "")
        )
        self.model.set_rows(courses)
        fit_columns(self.view)

    def selected(self) -> tr.CourseView | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def add(self) -> None:
        if CourseDialog.ask(self.ctx, self) is not None:
            self.changed.emit()

    def _open_course(self) -> tr.CourseView | None:
        course = self.selected()
        if course is None or course.completed:
            show_info(self, translate(CTX, "Lớp học"), translate(CTX, "Hãy chọn một lớp đang học."))
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
