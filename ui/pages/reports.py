"""Báo cáo: the periodic report (DOMAIN.md §5, issue 7). Choose the period; every number of the tables
opens the records behind it; the consistency problems are listed; the clerk writes the narrative with
the previous period's text beside it; draft → reviewed → finalised (frozen figures, drift banner);
PDF and XLSX saved atomically, preview and print in the app (ui/pdf_preview.PdfPreview).

The table is laid out from the form's own columns: every figure cell of any section opens the records
of the indicator it shows."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from exports.documents import log_document, save_pdf, save_xlsx
from exports.report_export import report_sheets
from forms.document import Document
from forms.indicators import CATALOGUE
from forms.periods import Period
from forms.quarterly import (
    DEFAULT_QUARTERLY,
    FormDefinition,
    Narrative,
    Report,
    ReportCell,
    ReportTable,
    current_report,
    cutoff_date,
    finalise_report,
    format_value,
    narrative_of,
    printable_report,
)
from models import audit
from models.dates import format_date, today
from models.db import read_session, unit_of_work
from models.errors import DomainError
from models.security import Permission
from models.services import reports
from ui.context import AppContext
from ui.dialogs.report_explain import ExplainDialog
from ui.errors import confirm, show_error, show_info
from ui.files import save_path, show_saved
from ui.i18n import translate
from ui.pages.base import Page
from ui.pdf_preview import PdfPreview
from ui.tasks import Cancel, Cancelled, Progress, TaskRunner

KEY_ROLE = Qt.ItemDataRole.UserRole + 1
SHARE_ROLE = Qt.ItemDataRole.UserRole + 2
LINK = QColor(20, 70, 160)
BANNER_STYLE = "background: #fff3cd; color: #664d03; border: 1px solid #e0c36a; padding: 6px;"
PROBLEM_STYLE = "color: #b00020;"
PERIOD_CODES = ("Q1", "Q2", "Q3", "Q4", "H1", "9M", "Y")


def period_choices() -> list[tuple[str, str]]:
    return [
        ("Q1", translate("reports_page", "Quý I")),
        ("Q2", translate("reports_page", "Quý II")),
        ("Q3", translate("reports_page", "Quý III")),
        ("Q4", translate("reports_page", "Quý IV")),
        ("H1", translate("reports_page", "6 tháng đầu năm")),
        ("9M", translate("reports_page", "9 tháng")),
        ("Y", translate("reports_page", "Cả năm")),
    ]


@dataclass(frozen=True)
class ReportState:
    """Everything the page shows for one period, computed off the GUI thread."""

    report: Report
    snapshot: reports.SnapshotView | None
    drift: reports.Drift | None
    previous: Narrative
    cutoff: str


def load_state(ctx: AppContext, period: Period, form: FormDefinition = DEFAULT_QUARTERLY) -> ReportState:
    with read_session(ctx.db, ctx.actor) as session:
        report, snapshot, drift = current_report(session, period, form)
        previous = narrative_of(reports.get(session, period.previous().key, form.key))
        cutoff = format_date(cutoff_date(session, period))
    return ReportState(report, snapshot, drift, previous, cutoff)


def build_document(ctx: AppContext, state: ReportState) -> Document:
    """The report in the Party document format, with the audit chain head in the footer."""
    snapshot = state.snapshot
    with read_session(ctx.db, ctx.actor) as session:
        head = audit.head(session)
        return printable_report(
            session, state.report, snapshot, footer=f"Nhật ký kiểm toán #{head[0]}: {head[1][:16]}"
        )


def write_report(ctx: AppContext, state: ReportState, target: Path) -> Path:
    """The report as PDF or XLSX (by the target's suffix), written atomically and verified."""
    document = build_document(ctx, state)
    if target.suffix.lower() == ".xlsx":
        written = save_xlsx(report_sheets(state.report, document), target)
    else:
        written = save_pdf(document, target)
    log_document(ctx.db, ctx.actor, "export", document, written)
    return written


class NarrativeEditor(QWidget):
    """The three text parts, each with the previous period's text beside it (read-only)."""

    def __init__(self) -> None:
        super().__init__()
        grid = QGridLayout(self)
        grid.setContentsMargins(4, 4, 4, 4)
        self.current_heading = QLabel()
        self.previous_heading = QLabel()
        for label in (self.current_heading, self.previous_heading):
            font = QFont(label.font())
            font.setBold(True)
            label.setFont(font)
        grid.addWidget(self.current_heading, 0, 1)
        grid.addWidget(self.previous_heading, 0, 2)
        self.edits: dict[str, QPlainTextEdit] = {}
        self.previous: dict[str, QPlainTextEdit] = {}
        for row, (key, text) in enumerate(
            (
                ("results", translate("reports_page", "I. Kết quả đạt được")),
                ("shortcomings", translate("reports_page", "II. Hạn chế, khuyết điểm")),
                ("tasks", translate("reports_page", "III. Nhiệm vụ kỳ tới")),
            ),
            start=1,
        ):
            label = QLabel(text)
            label.setWordWrap(True)
            label.setFixedWidth(130)
            label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            edit = QPlainTextEdit()
            edit.setObjectName(f"narrative_{key}")
            edit.setTabChangesFocus(True)
            previous = QPlainTextEdit()
            previous.setReadOnly(True)
            previous.setStyleSheet("background: #f4f4f4; color: #444;")
            previous.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            grid.addWidget(label, row, 0)
            grid.addWidget(edit, row, 1)
            grid.addWidget(previous, row, 2)
            grid.setRowStretch(row, 1)
            self.edits[key] = edit
            self.previous[key] = previous
        signer_row = QHBoxLayout()
        signer_row.addWidget(QLabel(translate("reports_page", "Người ký (T/M Đảng ủy, Bí thư):")))
        self.signer = QLineEdit()
        self.signer.setMaximumWidth(320)
        signer_row.addWidget(self.signer)
        signer_row.addStretch(1)
        grid.addLayout(signer_row, 4, 1, 1, 2)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(2, 2)

    def set_texts(self, current: Narrative, previous: Narrative, previous_label: str, signer: str) -> None:
        for key in self.edits:
            self.edits[key].setPlainText(getattr(current, key))
            prior = getattr(previous, key)
            self.previous[key].setPlainText(prior)
            self.previous[key].setPlaceholderText(translate("reports_page", "(Kỳ trước chưa có nội dung.)"))
        self.signer.setText(signer)
        self.current_heading.setText(translate("reports_page", "Kỳ này"))
        self.previous_heading.setText(
            translate("reports_page", "Kỳ trước ({period}) — để tham khảo").format(period=previous_label)
        )

    def narrative(self) -> Narrative:
        return Narrative(*(self.edits[k].toPlainText() for k in ("results", "shortcomings", "tasks")))

    def set_read_only(self, read_only: bool) -> None:
        for edit in self.edits.values():
            edit.setReadOnly(read_only)
        self.signer.setReadOnly(read_only)


class ReportsPage(Page):
    def __init__(self, ctx: AppContext, runner: TaskRunner | None = None) -> None:
        super().__init__()
        self.ctx = ctx
        self.runner = runner or TaskRunner(self)
        self.form = DEFAULT_QUARTERLY
        self.state: ReportState | None = None
        self._loaded_narrative = Narrative()
        self._loaded_signer = ""

        now = today()
        self.period_kind = QComboBox()
        for code, text in period_choices():
            self.period_kind.addItem(text, code)
        self.period_kind.setCurrentIndex((now.month - 1) // 3)
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(now.year)
        self.show_button = QPushButton(translate("reports_page", "Xem số liệu"))
        self.show_button.clicked.connect(self.load)
        self.status = QLabel()
        self.status.setObjectName("report_status")
        self.status.setWordWrap(True)  # a long status takes two lines in a narrow window
        top = QHBoxLayout()
        top.addWidget(QLabel(translate("reports_page", "Kỳ báo cáo:")))
        top.addWidget(self.period_kind)
        top.addWidget(QLabel(translate("reports_page", "năm")))
        top.addWidget(self.year)
        top.addWidget(self.show_button)
        top.addSpacing(16)
        top.addWidget(self.status, 1)

        self.banner = QLabel()
        self.banner.setObjectName("drift_banner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(BANNER_STYLE)
        self.banner.hide()

        # Sections declare their own columns: the grid is as wide as the widest section; each section
        # starts with its title row and its own column-heading row.
        self.table = QTableWidget(0, 0)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().hide()
        self.table.cellClicked.connect(self._cell_clicked)
        self.table.cellActivated.connect(self._cell_clicked)
        self.table.setToolTip(translate("reports_page", "Bấm vào một con số để xem các hồ sơ được tính."))

        self.narrative = NarrativeEditor()
        self.problems = QListWidget()
        self.problems.setWordWrap(True)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.table, translate("reports_page", "Số liệu"))
        self.tabs.addTab(self.narrative, translate("reports_page", "Nội dung báo cáo"))
        self.tabs.addTab(self.problems, translate("reports_page", "Kiểm tra số liệu"))

        self.save_button = QPushButton(translate("reports_page", "Lưu nội dung"))
        self.save_button.setShortcut("Ctrl+S")
        self.save_button.clicked.connect(self.save_narrative)
        self.review_button = QPushButton(translate("reports_page", "Đã rà soát"))
        self.review_button.clicked.connect(self.mark_reviewed)
        self.finalise_button = QPushButton(translate("reports_page", "Chốt báo cáo"))
        self.finalise_button.clicked.connect(self.finalise)
        self.pdf_button = QPushButton(translate("reports_page", "Lưu PDF…"))
        self.pdf_button.clicked.connect(lambda: self.save_file("pdf"))
        self.xlsx_button = QPushButton(translate("reports_page", "Lưu Excel…"))
        self.xlsx_button.clicked.connect(lambda: self.save_file("xlsx"))
        self.preview_button = QPushButton(translate("reports_page", "Xem trước và in"))
        self.preview_button.clicked.connect(self.preview)
        actions = QHBoxLayout()
        for button in (self.save_button, self.review_button, self.finalise_button):
            actions.addWidget(button)
        actions.addStretch(1)
        for button in (self.preview_button, self.pdf_button, self.xlsx_button):
            actions.addWidget(button)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(actions)
        self.period_kind.currentIndexChanged.connect(lambda _i: self.load())
        self.year.valueChanged.connect(lambda _v: self.load())

    # ------------------------------------------------------------ page API

    def title(self) -> str:
        return translate("reports_page", "Báo cáo")

    def refresh(self) -> None:
        if self.state is not None:
            self.load()

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        if self.state is None:
            self.load()

    def period(self) -> Period:
        return Period(self.year.value(), str(self.period_kind.currentData()))

    def set_period(self, period: Period) -> None:
        self.period_kind.blockSignals(True)
        self.year.blockSignals(True)
        self.period_kind.setCurrentIndex(PERIOD_CODES.index(period.code))
        self.year.setValue(period.year)
        self.period_kind.blockSignals(False)
        self.year.blockSignals(False)
        self.load()

    # ------------------------------------------------------------ loading

    def load(self) -> None:
        period = self.period()

        def job(_progress: Progress, _cancel: Cancel) -> ReportState:
            return load_state(self.ctx, period, self.form)

        try:
            state = self.runner.run_and_wait(
                self, translate("reports_page", "Đang tính số liệu báo cáo…"), job
            )
        except Cancelled:
            return
        except DomainError as exc:
            show_error(self, exc)
            return
        self.show_state(state)

    def show_state(self, state: ReportState) -> None:
        self.state = state
        report, snapshot = state.report, state.snapshot
        self._fill_table(report, state.drift)
        self.problems.clear()
        for problem in report.problems:
            self.problems.addItem(problem)
        if not report.problems:
            self.problems.addItem(
                translate("reports_page", "Số liệu khớp: biến động cân đối và khớp với sổ đảng viên.")
            )
        self.tabs.setTabText(
            2,
            translate("reports_page", "Kiểm tra số liệu ({n} vấn đề)").format(n=len(report.problems))
            if report.problems
            else translate("reports_page", "Kiểm tra số liệu"),
        )
        self.problems.setStyleSheet(PROBLEM_STYLE if report.problems else "")
        narrative = narrative_of(snapshot)
        signer = snapshot.signer if snapshot else ""
        self._loaded_narrative, self._loaded_signer = narrative, signer
        self.narrative.set_texts(narrative, state.previous, report.period.previous().label, signer)
        final = snapshot is not None and snapshot.status == "final"
        self.narrative.set_read_only(final)
        self.save_button.setEnabled(not final)
        approver = self.ctx.actor.can(Permission.FINALISE)
        self.review_button.setEnabled(approver and snapshot is not None and snapshot.status == "draft")
        self.finalise_button.setEnabled(approver and not final)
        self.status.setText(self._status_text(state))
        drift = state.drift
        if final and drift is not None and drift.flagged:
            self.banner.setText(
                translate(
                    "reports_page",
                    "Số liệu đã thay đổi sau khi chốt: {figures} chỉ tiêu nay khác số đã chốt, {edits} lần sửa "
                    "hồ sơ sau khi chốt. Báo cáo vẫn giữ và in số đã chốt; chỉ tiêu thay đổi được tô vàng.",
                ).format(figures=len(drift.changed_figures), edits=drift.changed_records)
            )
            self.banner.show()
        else:
            self.banner.hide()

    def _status_text(self, state: ReportState) -> str:
        snapshot = state.snapshot
        period = state.report.period.label
        if snapshot is None:
            status = translate("reports_page", "chưa có bản nháp")
        elif snapshot.status == "final":
            when = format_date(snapshot.finalised_at.date()) if snapshot.finalised_at else ""
            status = translate("reports_page", "đã chốt ngày {date}, số {number}").format(
                date=when, number=snapshot.number or ""
            )
        elif snapshot.status == "reviewed":
            status = translate("reports_page", "đã rà soát, chờ chốt")
        else:
            status = translate("reports_page", "bản nháp")
        return translate("reports_page", "Báo cáo {period}: {status}. Hạn gửi: {cutoff}.").format(
            period=period, status=status, cutoff=state.cutoff
        )

    def _fill_table(self, report: Report, drift: reports.Drift | None) -> None:
        changed = drift.changed_figures if drift is not None else {}
        self.table.clearSpans()
        self.table.clearContents()
        width = max((len(t.columns) for t in report.tables), default=0)
        self.table.setColumnCount(width)
        self.table.setRowCount(sum(2 + len(t.rows) for t in report.tables))
        bold = QFont(self.table.font())
        bold.setBold(True)
        row = 0
        for table in report.tables:
            title = QTableWidgetItem(table.title)
            title.setFont(bold)
            title.setBackground(QBrush(QColor(232, 236, 244)))
            self.table.setItem(row, 0, title)
            self.table.setSpan(row, 0, 1, width)
            row += 1
            for column, text in enumerate(table.columns):
                item = QTableWidgetItem(text)
                item.setFont(bold)
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                item.setBackground(QBrush(QColor(245, 246, 250)))
                self.table.setItem(row, column, item)
            self._span_last(table, row, width)
            row += 1
            for cells in table.cells:
                for column, cell in enumerate(cells):
                    self.table.setItem(row, column, self._cell_item(table, column, cell, changed))
                self._span_last(table, row, width)
                row += 1
        header = self.table.horizontalHeader()
        label_column = next(
            (i for t in report.tables for i, role in enumerate(t.roles) if role == "label"), 0
        )
        for column in range(width):
            mode = QHeaderView.ResizeMode.Stretch if column == label_column else QHeaderView.ResizeMode.Fixed
            header.setSectionResizeMode(column, mode)
            if column != label_column:
                self.table.setColumnWidth(column, 40 if column == 0 else 92)
        self.table.resizeRowsToContents()

    def _span_last(self, table: ReportTable, row: int, width: int) -> None:
        """A section narrower than the grid: its last column takes the remaining width."""
        if len(table.columns) < width:
            self.table.setSpan(row, len(table.columns) - 1, 1, width - len(table.columns) + 1)

    def _cell_item(
        self,
        table: ReportTable,
        column: int,
        cell: ReportCell,
        changed: dict[str, tuple[int | float | None, int | float | None]],
    ) -> QTableWidgetItem:
        item = QTableWidgetItem(cell.text)
        role = table.roles[column]
        if role in ("index", "unit"):
            item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        elif role == "value":
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != "value" or cell.key is None:
            return item
        link = QFont(self.table.font())
        link.setUnderline(True)
        item.setData(KEY_ROLE, cell.key)
        item.setData(SHARE_ROLE, cell.share_of is not None)
        item.setForeground(QBrush(LINK))
        item.setFont(link)
        item.setToolTip(translate("reports_page", "Bấm để xem các hồ sơ được tính vào số này"))
        if cell.key in changed and cell.share_of is None:
            now = changed[cell.key][1]
            item.setBackground(QBrush(QColor(255, 236, 153)))
            item.setToolTip(
                translate("reports_page", "Đã chốt: {frozen}; hiện nay: {now}").format(
                    frozen=cell.text,
                    now=format_value(now, CATALOGUE[cell.key].unit),
                )
            )
        return item

    def find_key(self, key: str) -> tuple[int, int]:
        """(row, column) of the first figure showing indicator `key` itself (not a share), or (-1, -1)."""
        for row in range(self.table.rowCount()):
            for column in range(self.table.columnCount()):
                item = self.table.item(row, column)
                if item is not None and item.data(KEY_ROLE) == key and not item.data(SHARE_ROLE):
                    return row, column
        return -1, -1

    def row_of(self, key: str) -> int:
        """The table row showing indicator `key` (first occurrence), -1 when absent."""
        return self.find_key(key)[0]

    def value_text(self, key: str) -> str:
        row, column = self.find_key(key)
        item = self.table.item(row, column) if row >= 0 else None
        return item.text() if item is not None else ""

    def _cell_clicked(self, row: int, column: int) -> None:
        item = self.table.item(row, column)
        key = item.data(KEY_ROLE) if item is not None else None
        if isinstance(key, str):
            self.explain(key)

    def explain(self, key: str) -> None:
        if self.state is None or key not in self.state.report.values:
            return
        label = CATALOGUE[key].label
        for table in self.state.report.tables:
            for cells in table.cells:
                if any(c.key == key for c in cells):
                    label = next(
                        (c.text.strip() for i, c in enumerate(cells) if table.roles[i] == "label"), label
                    )
                    break
            else:
                continue
            break
        ExplainDialog.ask(label, self.value_text(key), self.state.report.values[key], self)

    # ------------------------------------------------------------ writing

    def _narrative_changed(self) -> bool:
        return (
            self.narrative.narrative() != self._loaded_narrative
            or self.narrative.signer.text().strip() != self._loaded_signer
        )

    def _save(self) -> None:
        period = self.period()
        text = self.narrative.narrative()
        with unit_of_work(self.ctx.db, self.ctx.actor) as session:
            reports.save_narrative(
                session,
                period.key,
                self.form.key,
                text.results,
                text.shortcomings,
                text.tasks,
                self.narrative.signer.text(),
            )

    def save_narrative(self) -> bool:
        try:
            self._save()
        except DomainError as exc:
            show_error(self, exc)
            return False
        self.load()
        self.changed.emit()
        return True

    def mark_reviewed(self) -> bool:
        period = self.period()
        try:
            if self._narrative_changed() or self.state is None or self.state.snapshot is None:
                self._save()
            with unit_of_work(self.ctx.db, self.ctx.actor) as session:
                reports.mark_reviewed(session, period.key, self.form.key)
        except DomainError as exc:
            show_error(self, exc)
            return False
        self.load()
        self.changed.emit()
        return True

    def finalise(self) -> bool:
        period = self.period()
        if not confirm(
            self,
            translate("reports_page", "Chốt báo cáo"),
            translate(
                "reports_page",
                "Chốt báo cáo {period}? Sau khi chốt, số liệu được giữ nguyên như hôm nay; nội dung không sửa được nữa.",
            ).format(period=period.label),
            translate("reports_page", "Chốt báo cáo"),
        ):
            return False
        try:
            with unit_of_work(self.ctx.db, self.ctx.actor) as session:
                finalise_report(session, period, self.form)
        except DomainError as exc:
            show_error(self, exc)
            if self.state is not None and self.state.report.problems:
                self.tabs.setCurrentWidget(self.problems)
            return False
        self.load()
        self.changed.emit()
        show_info(
            self,
            translate("reports_page", "Đã chốt báo cáo"),
            translate("reports_page", "Đã chốt báo cáo {period}. Số liệu đã được lưu cố định.").format(
                period=period.label
            ),
        )
        return True

    def default_name(self, suffix: str) -> str:
        return f"BaoCao-{self.period().key}.{suffix}"

    def save_file(self, suffix: str) -> Path | None:
        filters = {
            "pdf": translate("reports_page", "Tệp PDF (*.pdf)"),
            "xlsx": translate("reports_page", "Tệp Excel (*.xlsx)"),
        }
        chosen = save_path(
            self,
            "report",
            translate("reports_page", "Lưu báo cáo"),
            self.default_name(suffix),
            filters[suffix],
        )
        if chosen is None:
            return None
        target = chosen
        if target.suffix.lower() != f".{suffix}":
            target = target.with_name(target.name + f".{suffix}")
        path = self.save_to(target)
        if path is not None:
            show_saved(self, path, translate("reports_page", "Đã lưu báo cáo vào tệp:"))
        return path

    def save_to(self, target: Path) -> Path | None:
        """Write the shown report to `target` (.pdf or .xlsx) off the GUI thread."""
        if self.state is None:
            self.load()
        state = self.state
        if state is None:
            return None

        def job(_progress: Progress, _cancel: Cancel) -> Path:
            return write_report(self.ctx, state, target)

        try:
            return self.runner.run_and_wait(self, translate("reports_page", "Đang ghi báo cáo…"), job)
        except Cancelled:
            return None
        except DomainError as exc:
            show_error(self, exc)
            return None

    def preview_document(self) -> Document | None:
        """The document the preview shows (the frozen figures of a finalised report)."""
        if self.state is None:
            self.load()
        state = self.state
        if state is None:
            return None
        try:
            return build_document(self.ctx, state)
        except DomainError as exc:
            show_error(self, exc)
            return None

    def preview(self) -> Path | None:
        """Show the report in the in-app preview (zoom, print, save as); returns where it was saved."""
        document = self.preview_document()
        if document is None:
            return None
        return PdfPreview.ask(document, self.default_name("pdf"), self)
