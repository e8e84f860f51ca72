"""The training page (DOMAIN.md §3.9): courses with attendees and completion, and the year's counts
by kind and theory level ("20 lớp, 1.115 học viên")."""

from __future__ import annotations

from dataclasses import dataclass
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
                translate("training_ui", "Không đạt"),
                lambda c: vi_int(c.failed) if c.completed else "",
                lambda c: c.failed,
                True,
            ),
            Column(
                translate("training_ui", "Bỏ học"),
                lambda c: vi_int(c.withdrew) if c.completed else "",
                lambda c: c.withdrew,
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


@dataclass(frozen=True)
class TraineeRow:
    trainee: tr.AttendeeView
    source: tr.TheorySource | None


def trainee_model() -> RowTableModel[TraineeRow]:
    """The selected course's trainees: their result and, for members, where their political-theory
    level in the register comes from (the course they passed, or the profile)."""

    def source(r: TraineeRow) -> str:
        if not r.trainee.is_member:
            return ""
        if r.source is None:
            return translate("training_ui", "Khai trong hồ sơ")
        return translate("training_ui", "{level}: {course}, bế giảng {date}").format(
            level=translate("training_ui", LEVELS.get(r.source.level, r.source.level)),
            course=r.source.course_name,
            date=format_date(r.source.end_date),
        )

    return RowTableModel(
        [
            Column(translate("training_ui", "Học viên"), lambda r: r.trainee.name),
            Column(
                translate("training_ui", "Kết quả"),
                lambda r: (
                    translate("training", tr.RESULTS[r.trainee.result])
                    if r.trainee.result in tr.RESULTS
                    else translate("training_ui", "Đang học")
                ),
            ),
            Column(translate("training_ui", "Số chứng chỉ"), lambda r: r.trainee.certificate_no),
            Column(translate("training_ui", "Nguồn trình độ lý luận trong sổ"), source),
        ],
        row_id=lambda r: r.trainee.key,
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
        layout.addWidget(self.view, 2)
        self.trainees_title = QLabel(translate("training_ui", "Học viên của lớp đang chọn"))
        self.trainees_title.setStyleSheet("font-weight: bold;")
        self.trainee_rows = trainee_model()
        self.trainees = make_table(self.trainee_rows)
        fit_to_width(self.trainees, 0)
        layout.addWidget(self.trainees_title)
        layout.addWidget(self.trainees, 1)
        self.year.valueChanged.connect(lambda _v: self.refresh())
        self.view.selectionModel().selectionChanged.connect(lambda *_a: self.load_trainees())

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
        self.load_trainees()

    def load_trainees(self) -> None:
        course = self.selected()
        if course is None:
            self.trainee_rows.set_rows([])
            self.trainees_title.setText(translate("training_ui", "Học viên của lớp đang chọn"))
            return
        with read_session(self.ctx.db, self.ctx.actor) as session:
            trainees = tr.attendees(session, course.id)
            sources = tr.theory_sources(session, [t.key for t in trainees if t.is_member])
        self.trainees_title.setText(
            translate("training_ui", "Học viên của lớp “{name}”: {count}").format(
                name=course.name, count=vi_int(len(trainees))
            )
        )
        self.trainee_rows.set_rows([TraineeRow(t, sources.get(t.key)) for t in trainees])

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
