"""The Party-dues page (DOMAIN.md §3.10): the monthly collection sheet of a cell, typed fast (Space
marks paid in full, the paid amount and channel are editable in place), totals collected, retained and
remitted, the members unpaid three months or more this year, and the sheet printed as a PDF."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from exports.documents import log_document, save_pdf
from forms.dues_sheet import dues_sheet
from models.dates import today
from models.db import read_session, unit_of_work
from models.errors import DomainError, ValidationError
from models.services import dues
from ui.context import AppContext
from ui.dialogs.work_common import (
    ComboDelegate,
    GridColumn,
    GridModel,
    cell_combo,
    combo_key,
    fit_to_width,
    month_choices,
    month_label,
    vi_int,
    vi_pct,
    warning_label,
)
from ui.dialogs.work_dues import RateDialog
from ui.errors import show_error, show_info
from ui.files import save_path, show_saved
from ui.i18n import translate
from ui.pages.base import Page
from ui.pages.organisation import make_table
from ui.table import Column, RowTableModel


@dataclass(frozen=True)
class DuesRow:
    member_id: str
    name: str
    category: str
    base_amount: int | None
    amount_due: int | None
    amount_paid: int
    channel: str
    recorded: bool
    paid_through: str | None = None  # "2026-03": the last month up to which every month is paid

    @property
    def paid_in_full(self) -> bool:
        return self.amount_due is not None and self.amount_paid >= self.amount_due and self.amount_paid > 0


def _parse_money(text: str) -> int:
    cleaned = text.strip().replace(".", "").replace(" ", "").replace("đ", "")
    if not cleaned:
        return 0
    if not cleaned.isdigit():
        raise ValueError(translate("dues_ui", "Số tiền là số nguyên, ví dụ 10.000."))
    return int(cleaned)


def _set_paid(row: DuesRow, text: str) -> DuesRow:
    amount = _parse_money(text)
    return replace(row, amount_paid=amount, channel=row.channel or ("cash" if amount else ""))


def _set_due(row: DuesRow, text: str) -> DuesRow:
    return replace(row, amount_due=_parse_money(text) if text.strip() else None)


def _set_base(row: DuesRow, text: str) -> DuesRow:
    return replace(row, base_amount=_parse_money(text) if text.strip() else None)


def _set_channel(row: DuesRow, key: str) -> DuesRow:
    return replace(row, channel=key if key in dues.CHANNELS else "")


def _paid_text(row: DuesRow) -> str:
    if row.paid_in_full:
        return translate("dues_ui", "Đã nộp")
    if row.amount_paid:
        return translate("dues_ui", "Nộp thiếu")
    return translate("dues_ui", "Chưa nộp") if row.recorded else ""


def channel_choices(_row: DuesRow) -> list[tuple[str, str]]:
    return [("", "—")] + [(k, translate("dues", v)) for k, v in dues.CHANNELS.items()]


def sheet_model() -> GridModel:
    return GridModel(
        [
            GridColumn(translate("dues_ui", "Họ và tên"), lambda r: r.name),
            GridColumn(
                translate("dues_ui", "Đối tượng"),
                lambda r: translate("dues", dues.CATEGORIES.get(r.category, "")),
            ),
            GridColumn(
                translate("dues_ui", "Mức căn cứ"),
                lambda r: vi_int(r.base_amount),
                edit=_set_base,
                editable=lambda r: r.category in ("salaried", "pensioner"),
                align_right=True,
            ),
            GridColumn(
                translate("dues_ui", "Phải nộp"),
                lambda r: vi_int(r.amount_due),
                edit=_set_due,
                align_right=True,
            ),
            GridColumn(
                translate("dues_ui", "Đã nộp (đ)"),
                lambda r: vi_int(r.amount_paid) if r.amount_paid or r.recorded else "",
                edit=_set_paid,
                edit_value=lambda r: str(r.amount_paid or ""),
                align_right=True,
            ),
            GridColumn(
                translate("dues_ui", "Hình thức"),
                lambda r: translate("dues", dues.CHANNELS[r.channel]) if r.channel in dues.CHANNELS else "",
                edit=_set_channel,
                choices=channel_choices,
                edit_value=lambda r: r.channel,
            ),
            GridColumn(translate("dues_ui", "Tình trạng"), _paid_text),
            GridColumn(translate("dues_ui", "Đã nộp đến"), lambda r: paid_through_text(r.paid_through)),
        ],
        lambda r: r.member_id,
        flagged=lambda r: r.recorded and not r.paid_in_full,
    )


def paid_through_text(month: str | None) -> str:
    """ "2026-03" → "03/2026" (the month format of the Party's forms); None → "chưa nộp"."""
    return f"{month[5:]}/{month[:4]}" if month else translate("dues_ui", "chưa nộp")


@dataclass(frozen=True)
class UnpaidRow:
    unpaid: dues.Unpaid
    paid_through: str | None


def unpaid_model() -> RowTableModel[UnpaidRow]:
    return RowTableModel(
        [
            Column(translate("dues_ui", "Họ và tên"), lambda u: u.unpaid.name),
            Column(translate("dues_ui", "Chi bộ"), lambda u: u.unpaid.cell_name),
            Column(
                translate("dues_ui", "Số tháng"),
                lambda u: str(len(u.unpaid.months)),
                lambda u: len(u.unpaid.months),
                True,
            ),
            Column(
                translate("dues_ui", "Các tháng chưa nộp"),
                lambda u: ", ".join(str(int(m[5:])) for m in u.unpaid.months),
            ),
            Column(
                translate("dues_ui", "Đã nộp đến"),
                lambda u: paid_through_text(u.paid_through),
                lambda u: u.paid_through or "",
            ),
        ],
        row_id=lambda u: u.unpaid.member_id,
    )


class DuesPage(Page):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.on = today()
        self.cell = cell_combo(ctx)
        self.month = QComboBox()
        for key in month_choices(self.on):
            self.month.addItem(month_label(key), key)
        self.month.setCurrentIndex(0)
        self.model = sheet_model()
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setItemDelegate(ComboDelegate(self.model, self.view))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 8)
        fit_to_width(self.view, 0)
        self.all_paid = QPushButton(translate("dues_ui", "Đánh dấu cả chi bộ đã nộp đủ"))
        self.mark_paid = QPushButton(translate("dues_ui", "Đã nộp đủ (Cách)"))
        self.save_button = QPushButton(translate("dues_ui", "Lưu (Ctrl+S)"))
        self.print_button = QPushButton(translate("dues_ui", "In danh sách thu (PDF)…"))
        self.rate_button = QPushButton(translate("dues_ui", "Mức đảng phí…"))
        for b in (self.all_paid, self.mark_paid, self.save_button, self.print_button, self.rate_button):
            b.setAutoDefault(False)
        self.all_paid.clicked.connect(self.mark_all_paid)
        self.mark_paid.clicked.connect(self.mark_selected_paid)
        self.save_button.clicked.connect(self.save)
        self.print_button.clicked.connect(self.print_sheet)
        self.rate_button.clicked.connect(self.edit_rates)
        self.totals = QLabel()
        self.totals.setWordWrap(True)
        self.rates_warning = warning_label()
        top = QHBoxLayout()
        top.addWidget(QLabel(translate("dues_ui", "Chi bộ:")))
        top.addWidget(self.cell)
        top.addWidget(QLabel(translate("dues_ui", "Tháng:")))
        top.addWidget(self.month)
        top.addStretch(1)
        top.addWidget(self.rate_button)
        top.addWidget(self.print_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.mark_paid)
        buttons.addWidget(self.all_paid)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        sheet_tab = QWidget()
        sheet_layout = QVBoxLayout(sheet_tab)
        sheet_layout.addLayout(buttons)
        sheet_layout.addWidget(self.view, 1)
        sheet_layout.addWidget(self.rates_warning)
        sheet_layout.addWidget(self.totals)
        self.unpaid = unpaid_model()
        self.unpaid_view = make_table(self.unpaid)
        unpaid_tab = QWidget()
        unpaid_layout = QVBoxLayout(unpaid_tab)
        self.unpaid_title = QLabel()
        self.unpaid_title.setStyleSheet("font-weight: bold;")
        unpaid_layout.addWidget(self.unpaid_title)
        note = QLabel(
            translate(
                "dues_ui",
                "Không nộp đảng phí 3 tháng trong năm mà không có lý do chính đáng là căn cứ xem xét xóa tên.",
            )
        )
        note.setWordWrap(True)
        unpaid_layout.addWidget(note)
        unpaid_layout.addWidget(self.unpaid_view)
        fit_to_width(self.unpaid_view, 0)
        # Two tabs rather than side by side: at 1366×768 each table gets the full width, no column cut.
        self.tabs = QTabWidget()
        self.tabs.addTab(sheet_tab, translate("dues_ui", "Sổ thu đảng phí trong tháng"))
        self.tabs.addTab(unpaid_tab, "")
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        self.cell.currentIndexChanged.connect(lambda _i: self.load_sheet())
        self.month.currentIndexChanged.connect(lambda _i: self.load_sheet())
        save = QShortcut(QKeySequence.StandardKey.Save, self)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.activated.connect(self.save)
        space = QShortcut(QKeySequence(Qt.Key.Key_Space), self.view)
        space.setContext(Qt.ShortcutContext.WidgetShortcut)
        space.activated.connect(self.mark_selected_paid)

    def title(self) -> str:
        return translate("dues_ui", "Đảng phí")

    def cell_id(self) -> str | None:
        return combo_key(self.cell)

    def month_key(self) -> str:
        return str(self.month.currentData())

    def refresh(self) -> None:
        self.load_sheet()

    def load_sheet(self) -> None:
        cell_id, month = self.cell_id(), self.month_key()
        if cell_id is None:
            self.model.set_rows([])
            return
        with read_session(self.ctx.db, self.ctx.actor) as session:
            sheet = dues.sheet(session, cell_id, month)
            year = int(month[:4])
            unpaid = dues.unpaid_members(session, year, month)
            counted = dues.finished_months(year, month)
            through = dues.paid_through_many(
                session, [r.member_id for r in sheet] + [u.member_id for u in unpaid]
            )
            rows = [
                DuesRow(
                    r.member_id,
                    r.name,
                    r.category,
                    r.base_amount,
                    r.amount_due,
                    r.amount_paid,
                    r.channel,
                    r.recorded,
                    through.get(r.member_id),
                )
                for r in sheet
            ]
            cell_totals = dues.totals(session, [month], cell_id)
            missing = ""
            try:
                dues.require_rates_known(session, month)
            except DomainError as exc:
                missing = exc.text()
        self.model.set_rows(rows)
        self.unpaid.set_rows([UnpaidRow(u, through.get(u.member_id)) for u in unpaid])
        self.unpaid_title.setText(
            translate(
                "dues_ui",
                "Chưa nộp từ 3 tháng trở lên trong năm {year}: {count} đảng viên (chỉ tính các tháng đã hết: {months})",
            ).format(
                year=year,
                count=vi_int(len(unpaid)),
                months=f"01–{counted[-1][5:]}/{year}"
                if counted
                else translate("dues_ui", "chưa có tháng nào"),
            )
        )
        self.tabs.setTabText(
            1, translate("dues_ui", "Chưa nộp từ 3 tháng trở lên ({count})").format(count=vi_int(len(unpaid)))
        )
        self.rates_warning.setText(missing)
        self.rates_warning.setVisible(bool(missing))
        self.show_totals(rows, cell_totals)

    def show_totals(self, rows: list[DuesRow], saved: dues.DuesTotals) -> None:
        paid = sum(1 for r in rows if r.paid_in_full)
        pct = vi_pct(100.0 * saved.collected / saved.due) if saved.due else "–"
        if saved.retained is None:
            split = translate(
                "dues_ui", "Giữ lại / nộp cấp trên: chưa khai tỷ lệ trích giữ lại cho thời kỳ này."
            )
        else:
            split = translate(
                "dues_ui", "Giữ lại ({pct}): {retained} đ — Nộp cấp trên: {remitted} đ."
            ).format(
                pct=vi_pct(saved.retention_pct, 0) if saved.retention_pct is not None else "–",
                retained=vi_int(saved.retained),
                remitted=vi_int(saved.remitted),
            )
        self.totals.setText(
            translate(
                "dues_ui",
                "Đã nộp đủ: {paid}/{count} đảng viên. Đã lưu: phải thu {due} đ, đã thu {collected} đ ({pct}). {split}",
            ).format(
                paid=paid,
                count=len(rows),
                due=vi_int(saved.due),
                collected=vi_int(saved.collected),
                pct=pct,
                split=split,
            )
        )

    def _mark(self, rows: list[int]) -> None:
        for i in rows:
            row = self.model.row_at(i)
            if row.amount_due is not None:
                self.model.replace(i, replace(row, amount_paid=row.amount_due, channel=row.channel or "cash"))

    def mark_selected_paid(self) -> None:
        self._mark(
            sorted({i.row() for i in self.view.selectionModel().selectedRows()})
            or [self.view.currentIndex().row()]
        )

    def mark_all_paid(self) -> None:
        self._mark([i for i in range(self.model.rowCount()) if self.model.row_at(i).amount_paid == 0])

    def save(self) -> bool:
        cell_id = self.cell_id()
        changed = self.model.dirty_rows()
        if cell_id is None or not changed:
            return False
        entries = {
            r.member_id: dues.DuesEntry(
                amount_paid=r.amount_paid,
                channel=r.channel or "cash",
                amount_due=r.amount_due,
                base_amount=r.base_amount,
                paid_date=today() if r.amount_paid else None,
                category=r.category,
            )
            for r in changed
        }
        try:
            with unit_of_work(self.ctx.db, self.ctx.actor) as session:
                dues.record_month(session, cell_id, self.month_key(), entries)
        except ValidationError as exc:
            show_error(self, exc)
            return False
        except DomainError as exc:
            show_error(self, exc)
            return False
        self.changed.emit()
        return True

    def print_sheet(self) -> None:
        cell_id = self.cell_id()
        if cell_id is None:
            return
        target = save_path(
            self,
            "dues",
            translate("dues_ui", "Lưu danh sách thu đảng phí"),
            f"dang-phi-{self.month_key()}.pdf",
            translate("dues_ui", "Tệp PDF (*.pdf)"),
        )
        if target is not None and (written := self.write_pdf(target)) is not None:
            show_saved(self, written)

    def write_pdf(self, target: Path) -> Path | None:
        cell_id = self.cell_id()
        if cell_id is None:
            return None
        try:
            with read_session(self.ctx.db, self.ctx.actor) as session:
                document = dues_sheet(session, cell_id, self.month_key())
            written = save_pdf(document, target)
            log_document(self.ctx.db, self.ctx.actor, "export", document, written)
        except DomainError as exc:
            show_error(self, exc)
            return None
        except OSError as exc:
            show_info(self, translate("dues_ui", "Không ghi được tệp"), str(exc))
            return None
        return written

    def edit_rates(self) -> None:
        if RateDialog.ask(self.ctx, self):
            self.changed.emit()
