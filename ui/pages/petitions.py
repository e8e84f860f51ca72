"""The petitions page (đơn thư, DOMAIN.md §3.8): the register, the period counts "nhận / đã giải quyết
/ lưu / đang giải quyết", and closing a petition. Sensitive: reads are recorded in the audit chain."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from models.dates import format_date, today
from models.db import unit_of_work
from models.services import petitions as pt
from ui.context import AppContext
from ui.dialogs.work_common import combo_key, fit_to_width, year_spin
from ui.dialogs.work_petitions import ClosePetitionDialog, PetitionDialog
from ui.errors import show_info
from ui.i18n import translate
from ui.pages.base import Page
from ui.pages.organisation import make_table
from ui.table import Column, RowTableModel


def petition_model() -> RowTableModel[pt.PetitionView]:
    return RowTableModel(
        [
            Column(
                translate("petitions_ui", "Ngày nhận"),
                lambda r: format_date(r.received_date),
                lambda r: r.received_date,
            ),
            Column(translate("petitions_ui", "Loại"), lambda r: translate("petitions", pt.KINDS[r.kind])),
            Column(
                translate("petitions_ui", "Người gửi"),
                lambda r: translate("petitions_ui", "(không ký tên)") if r.anonymous else r.sender,
            ),
            Column(translate("petitions_ui", "Nội dung"), lambda r: r.summary),
            Column(translate("petitions_ui", "Người xử lý"), lambda r: r.handler),
            Column(translate("petitions_ui", "Hạn"), lambda r: format_date(r.deadline)),
            Column(
                translate("petitions_ui", "Tình trạng"),
                lambda r: (
                    translate("petitions", pt.STATUSES[r.status])
                    + (" — " + translate("petitions_ui", "quá hạn") if r.overdue else "")
                ),
            ),
            Column(translate("petitions_ui", "Ngày xử lý"), lambda r: format_date(r.closed_date)),
        ],
        row_id=lambda r: r.id,
        dimmed=lambda r: r.status != "pending",
    )


PERIODS = {
    "year": "Cả năm",
    "q1": "Quý I",
    "q2": "Quý II",
    "q3": "Quý III",
    "q4": "Quý IV",
}


def period_bounds(year: int, key: str) -> tuple[date, date]:
    if key == "year":
        return date(year, 1, 1), date(year, 12, 31)
    quarter = int(key[1])
    start = date(year, 3 * quarter - 2, 1)
    end = date(year + 1, 1, 1) if quarter == 4 else date(year, 3 * quarter + 1, 1)
    return start, date.fromordinal(end.toordinal() - 1)


class PetitionsPage(Page):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.year = year_spin(today().year)
        self.period = QComboBox()
        for key, text in PERIODS.items():
            self.period.addItem(translate("petitions_ui", text), key)
        self.status = QComboBox()
        self.status.addItem(translate("petitions_ui", "Mọi tình trạng"), None)
        for key, text in pt.STATUSES.items():
            self.status.addItem(translate("petitions", text), key)
        self.counts = QLabel()
        self.counts.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.counts.setWordWrap(True)
        self.model = petition_model()
        self.view = make_table(self.model)
        fit_to_width(self.view, 3)  # the summary
        self.view.activated.connect(lambda _i: self.close_selected())
        add = QPushButton(translate("petitions_ui", "Vào sổ đơn…"))
        close = QPushButton(translate("petitions_ui", "Xử lý đơn…"))
        for b in (add, close):
            b.setAutoDefault(False)
        add.clicked.connect(self.add)
        close.clicked.connect(self.close_selected)
        top = QHBoxLayout()
        top.addWidget(add)
        top.addWidget(close)
        top.addStretch(1)
        top.addWidget(QLabel(translate("petitions_ui", "Năm:")))
        top.addWidget(self.year)
        top.addWidget(self.period)
        top.addWidget(self.status)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.counts)
        layout.addWidget(self.view, 1)
        self.year.valueChanged.connect(lambda _v: self.refresh())
        self.period.currentIndexChanged.connect(lambda _i: self.refresh())
        self.status.currentIndexChanged.connect(lambda _i: self.refresh())

    def title(self) -> str:
        return translate("petitions_ui", "Đơn thư")

    def refresh(self) -> None:
        start, end = period_bounds(self.year.value(), combo_key(self.period) or "year")
        with unit_of_work(self.ctx.db, self.ctx.actor) as session:
            counts = pt.period_counts(session, start, end)
            rows = pt.list_petitions(session, status=combo_key(self.status))
        text = translate(
            "petitions_ui",
            "Từ {start} đến {end}: đầu kỳ {opening} + nhận {received} = đã giải quyết {resolved} + lưu {filed} "
            "+ chuyển cơ quan khác {transferred} + đang giải quyết cuối kỳ {pending}",
        ).format(
            start=format_date(start),
            end=format_date(end),
            opening=counts.opening,
            received=counts.received,
            resolved=counts.resolved,
            filed=counts.filed,
            pending=counts.pending,
            transferred=counts.transferred,
        )
        if not counts.balances:
            text += translate(
                "petitions_ui", " — KHÔNG CÂN ĐỐI: hãy kiểm tra ngày và tình trạng xử lý của các đơn."
            )
        self.counts.setText(text)
        self.model.set_rows(rows)

    def selected(self) -> pt.PetitionView | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def add(self) -> None:
        if PetitionDialog.ask(self.ctx, self) is not None:
            self.changed.emit()

    def close_selected(self) -> None:
        petition = self.selected()
        if petition is None:
            return
        if petition.status != "pending":
            show_info(
                self,
                translate("petitions_ui", "Xử lý đơn"),
                translate("petitions_ui", "Đơn này đã được xử lý."),
            )
            return
        if ClosePetitionDialog.ask(self.ctx, petition, self) is not None:
            self.changed.emit()
