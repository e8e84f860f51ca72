"""The inspection page (DOMAIN.md §3.7): inspections and supervisions, and disciplinary decisions with
the vote counted against official members. Sensitive: shown only to the inspection role, and every
read is written to the audit chain (so the lists are read inside `unit_of_work`)."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from models.dates import format_date
from models.db import unit_of_work
from models.services import inspection as ins
from ui.context import AppContext
from ui.dialogs.work_common import fit_to_width
from ui.dialogs.work_inspection import DisciplineDialog, InspectionDialog
from ui.i18n import translate
from ui.pages.base import Page
from ui.pages.organisation import make_table
from ui.table import Column, RowTableModel


def inspection_model() -> RowTableModel[ins.InspectionView]:
    return RowTableModel(
        [
            Column(
                translate("inspection_ui", "Hoạt động"),
                lambda r: translate("inspection", ins.ACTIVITIES[r.activity]),
            ),
            Column(
                translate("inspection_ui", "Hình thức"), lambda r: translate("inspection", ins.MODES[r.mode])
            ),
            Column(translate("inspection_ui", "Đối tượng"), lambda r: r.subject_name),
            Column(translate("inspection_ui", "Nội dung"), lambda r: r.content),
            Column(translate("inspection_ui", "Chủ thể"), lambda r: r.carried_by),
            Column(
                translate("inspection_ui", "Từ ngày"),
                lambda r: format_date(r.start_date),
                lambda r: r.start_date,
            ),
            Column(translate("inspection_ui", "Đến ngày"), lambda r: format_date(r.end_date)),
            Column(
                translate("inspection_ui", "Vi phạm"),
                lambda r: translate("inspection_ui", "Có") if r.violation_found else "",
            ),
            Column(translate("inspection_ui", "Kết luận"), lambda r: r.conclusion),
        ],
        row_id=lambda r: r.id,
    )


def discipline_model() -> RowTableModel[ins.DisciplineView]:
    return RowTableModel(
        [
            Column(translate("inspection_ui", "Đối tượng"), lambda r: r.subject_name),
            Column(
                translate("inspection_ui", "Hình thức"), lambda r: translate("inspection", ins.FORMS[r.form])
            ),
            Column(
                translate("inspection_ui", "Ngày"),
                lambda r: format_date(r.decision_date),
                lambda r: r.decision_date,
            ),
            Column(translate("inspection_ui", "Số quyết định"), lambda r: r.decision_no),
            Column(translate("inspection_ui", "Cấp quyết định"), lambda r: r.deciding_body),
            Column(
                translate("inspection_ui", "Tán thành / đảng viên chính thức"),
                lambda r: f"{r.votes_for}/{r.official_count}",
                align_right=True,
            ),
            Column(translate("inspection_ui", "Lý do"), lambda r: r.reason),
        ],
        row_id=lambda r: r.id,
    )


class InspectionPage(Page):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.inspections = inspection_model()
        self.disciplines = discipline_model()
        self.inspection_view = make_table(self.inspections)
        self.discipline_view = make_table(self.disciplines)
        fit_to_width(self.inspection_view, 3, 8)  # content and conclusion share the room left
        fit_to_width(self.discipline_view, 6)  # the reason
        add_inspection = QPushButton(translate("inspection_ui", "Thêm kiểm tra, giám sát…"))
        add_discipline = QPushButton(translate("inspection_ui", "Thi hành kỷ luật…"))
        for b in (add_inspection, add_discipline):
            b.setAutoDefault(False)
        add_inspection.clicked.connect(self.add_inspection)
        add_discipline.clicked.connect(self.add_discipline)
        note = QLabel(
            translate(
                "inspection_ui",
                "Dữ liệu mật: mỗi lần xem được ghi vào nhật ký. Đảng viên dự bị chỉ bị khiển trách, cảnh cáo; "
                "biểu quyết tính trên số đảng viên chính thức (quá nửa; khai trừ cần hai phần ba).",
            )
        )
        note.setWordWrap(True)
        first = QWidget()
        first_layout = QVBoxLayout(first)
        row = QHBoxLayout()
        row.addWidget(add_inspection)
        row.addStretch(1)
        first_layout.addLayout(row)
        first_layout.addWidget(self.inspection_view)
        second = QWidget()
        second_layout = QVBoxLayout(second)
        row2 = QHBoxLayout()
        row2.addWidget(add_discipline)
        row2.addStretch(1)
        second_layout.addLayout(row2)
        second_layout.addWidget(self.discipline_view)
        self.tabs = QTabWidget()
        self.tabs.addTab(first, translate("inspection_ui", "Kiểm tra, giám sát"))
        self.tabs.addTab(second, translate("inspection_ui", "Kỷ luật"))
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.tabs, 1)

    def title(self) -> str:
        return translate("inspection_ui", "Kiểm tra, kỷ luật")

    def refresh(self) -> None:
        with unit_of_work(self.ctx.db, self.ctx.actor) as session:
            inspections = ins.list_inspections(session)
            disciplines = ins.list_disciplines(session)
        self.inspections.set_rows(inspections)
        self.disciplines.set_rows(disciplines)

    def add_inspection(self) -> None:
        if InspectionDialog.ask(self.ctx, self) is not None:
            self.changed.emit()

    def add_discipline(self) -> None:
        if DisciplineDialog.ask(self.ctx, self) is not None:
            self.changed.emit()
