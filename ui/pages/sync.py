"""Trao đổi dữ liệu (issue 8): the commune's side (send to the upper level, import its acknowledgment,
answer correction requests), the receiving side (import packages with a preview, completeness board,
cross-commune member search, consolidated report, acknowledgments) and enrolment. The role is read
from who is enrolled: an upper peer shows the sending tab, commune peers the receiving tab; both may
show."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from exports import sync as sx
from exports.atomic import unplug_advice
from exports.report_export import export_consolidated
from forms.consolidated import BoardRow, completeness
from forms.periods import Period
from models.dates import format_date, today
from models.db import read_session, unit_of_work
from models.errors import DomainError
from models.security import Permission
from models.services import sync as ss
from models.services import sync_history as sh
from ui.context import AppContext
from ui.dialogs.sync_dispute import DisputeDialog
from ui.dialogs.sync_enrol import AcceptEnrolmentDialog, FingerprintDialog
from ui.dialogs.sync_export import ExportDialog
from ui.dialogs.sync_import import ImportPreviewDialog, kind_label
from ui.errors import confirm, show_error, show_info
from ui.i18n import translate
from ui.pages.base import Page
from ui.pages.reports import PERIOD_CODES, period_choices
from ui.tasks import Cancel, Cancelled, Progress, TaskRunner
from ui.widgets import FlowLayout

BOARD_COLOURS = {
    "finalised": QColor(200, 230, 201),
    "received": QColor(227, 242, 253),
    "late": QColor(255, 224, 178),
    "missing_late": QColor(255, 205, 210),
    "missing": QColor(238, 238, 238),
    "refused": QColor(239, 154, 154),
}


def board_periods(on: date | None = None, count: int = 4) -> list[Period]:
    """The last `count` quarters up to the current one."""
    day = on or today()
    period = Period(day.year, f"Q{(day.month - 1) // 3 + 1}")
    out = [period]
    while len(out) < count:
        out.insert(0, out[0].previous())
    return out


def board_text(status: str, late: bool) -> tuple[str, QColor]:
    if status == "finalised":
        text = translate("sync_page", "Đã chốt")
        colour = BOARD_COLOURS["late" if late else "finalised"]
    elif status == "received":
        text = translate("sync_page", "Đã nhận")
        colour = BOARD_COLOURS["late" if late else "received"]
    else:
        text = translate("sync_page", "Chưa nhận")
        colour = BOARD_COLOURS["missing_late" if late else "missing"]
    if late:
        text += translate("sync_page", " (muộn)")
    return text, colour


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def _when(value: datetime | None) -> str:
    return format_date(value.astimezone().date()) if value else ""


@dataclass
class SyncState:
    upper: list[ss.PeerView] = field(default_factory=list)
    communes: list[ss.PeerView] = field(default_factory=list)
    all_peers: list[ss.PeerView] = field(default_factory=list)
    last_sent: str = ""
    last_ack: str = ""
    inbox: list[ss.CorrectionView] = field(default_factory=list)
    board: list[BoardRow] = field(default_factory=list)
    periods: list[Period] = field(default_factory=list)
    own_name: str = ""
    arrivals: list[sh.Arrival] = field(default_factory=list)
    refused: dict[str, sh.Arrival] = field(default_factory=dict)  # communes whose latest package was refused


def load_sync_state(ctx: AppContext, periods: list[Period]) -> SyncState:
    from models.services import organisation as org

    state = SyncState(periods=periods)
    with read_session(ctx.db, ctx.actor) as session:
        state.own_name = org.own_unit(session).name
        state.all_peers = ss.peers(session)
        state.upper = [p for p in state.all_peers if p.role == "upper" and not p.revoked]
        state.communes = [p for p in state.all_peers if p.role == "commune" and not p.revoked]
        if state.upper:
            upper = state.upper[0].unit_id
            sent = [p for p in ss.package_log(session, upper, "out") if p.kind == "data"]
            acks = [p for p in ss.package_log(session, upper, "in") if p.kind == "ack"]
            if sent:
                state.last_sent = translate("sync_page", "gói số {n}, ngày {date}").format(
                    n=sent[-1].sequence, date=_when(sent[-1].created_at)
                )
            if acks:
                state.last_ack = translate("sync_page", "ngày {date}").format(date=_when(acks[-1].created_at))
            state.inbox = ss.inbox(session)
        if state.communes:
            state.board = completeness(session, periods)
            state.arrivals = sh.arrivals(session)
            state.refused = {
                unit: a for unit, a in sh.latest_by_sender(session).items() if a.outcome == "refused"
            }
    return state


def outcome_text(outcome: str) -> str:
    return {
        "applied": translate("sync_page", "Đã nhập"),
        "replayed": translate("sync_page", "Đã nhập trước đây"),
        "held": translate("sync_page", "Giữ lại chờ gói thiếu"),
        "refused": translate("sync_page", "Bị từ chối"),
    }.get(outcome, outcome)


def _table(headers: list[str], stretch: int) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setWordWrap(True)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


def _set_row(table: QTableWidget, row: int, values: list[str], data: str = "") -> None:
    for column, text in enumerate(values):
        item = QTableWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, data)
        table.setItem(row, column, item)


class SyncPage(Page):
    def __init__(self, ctx: AppContext, runner: TaskRunner | None = None) -> None:
        super().__init__()
        self.ctx = ctx
        self.runner = runner or TaskRunner(self)
        self.state = SyncState()
        self.role = QLabel()
        self.role.setWordWrap(True)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_commune(), translate("sync_page", "Gửi cấp trên"))
        self.tabs.addTab(self._build_receiving(), translate("sync_page", "Nhận từ cấp dưới"))
        self.tabs.addTab(self._build_enrolment(), translate("sync_page", "Đăng ký trao đổi"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.role)
        layout.addWidget(self.tabs, 1)

    # ------------------------------------------------------------ building

    def _build_commune(self) -> QWidget:
        page = QWidget()
        self.upper_status = QLabel()
        self.upper_status.setWordWrap(True)
        self.export_button = QPushButton(translate("sync_page", "Gửi cấp trên (ghi vào USB)…"))
        self.export_button.clicked.connect(self.open_export)
        self.ack_import_button = QPushButton(translate("sync_page", "Nhập xác nhận của cấp trên…"))
        self.ack_import_button.clicked.connect(self._choose_ack)
        buttons = QHBoxLayout()
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.ack_import_button)
        buttons.addStretch(1)
        inbox_box = QGroupBox(translate("sync_page", "Đề nghị sửa của cấp trên"))
        self.inbox = _table(
            [
                translate("sync_page", "Ngày"),
                translate("sync_page", "Loại hồ sơ"),
                translate("sync_page", "Trường"),
                translate("sync_page", "Nội dung đề nghị"),
                translate("sync_page", "Tình trạng"),
                translate("sync_page", "Ý kiến trả lời"),
            ],
            3,
        )
        self.accept_button = QPushButton(translate("sync_page", "Nhất trí sửa"))
        self.accept_button.clicked.connect(self.accept_selected)
        self.dispute_button = QPushButton(translate("sync_page", "Không nhất trí…"))
        self.dispute_button.clicked.connect(self.dispute_selected)
        inbox_buttons = QHBoxLayout()
        inbox_buttons.addWidget(self.accept_button)
        inbox_buttons.addWidget(self.dispute_button)
        inbox_buttons.addStretch(1)
        hint = QLabel(
            translate(
                "sync_page",
                "Nhất trí: sửa hồ sơ trong sổ, bản sửa sẽ lên cấp trên với gói sau. Không nhất trí: ghi lý do.",
            )
        )
        hint.setWordWrap(True)
        inbox_layout = QVBoxLayout(inbox_box)
        inbox_layout.addWidget(self.inbox, 1)
        inbox_layout.addLayout(inbox_buttons)
        inbox_layout.addWidget(hint)
        layout = QVBoxLayout(page)
        layout.addWidget(self.upper_status)
        layout.addLayout(buttons)
        layout.addWidget(inbox_box, 1)
        return page

    def _build_receiving(self) -> QWidget:
        page = QWidget()
        self.import_button = QPushButton(translate("sync_page", "Nhập gói của cấp dưới…"))
        self.import_button.clicked.connect(self._choose_packages)
        self.ack_button = QPushButton(translate("sync_page", "Ghi xác nhận cho các đơn vị…"))
        self.ack_button.clicked.connect(self._choose_ack_folder)
        self.report_kind = QComboBox()
        for code, text in period_choices():
            self.report_kind.addItem(text, code)
        now = today()
        self.report_kind.setCurrentIndex((now.month - 1) // 3)
        self.report_year = QSpinBox()
        self.report_year.setRange(2000, 2100)
        self.report_year.setValue(now.year)
        self.consolidated_pdf = QPushButton(translate("sync_page", "Báo cáo tổng hợp PDF…"))
        self.consolidated_pdf.clicked.connect(lambda: self._choose_consolidated("pdf"))
        self.consolidated_xlsx = QPushButton(translate("sync_page", "Excel…"))
        self.consolidated_xlsx.clicked.connect(lambda: self._choose_consolidated("xlsx"))
        top = QHBoxLayout()
        top.addWidget(self.import_button)
        top.addWidget(self.ack_button)
        top.addStretch(1)
        top.addWidget(QLabel(translate("sync_page", "Tổng hợp:")))
        top.addWidget(self.report_kind)
        top.addWidget(self.report_year)
        top.addWidget(self.consolidated_pdf)
        top.addWidget(self.consolidated_xlsx)
        board_box = QGroupBox(translate("sync_page", "Bảng theo dõi gửi báo cáo"))
        self.board_note = QLabel()
        self.board_note.setWordWrap(True)
        self.board = QTableWidget(0, 1)
        self.board.verticalHeader().hide()
        self.board.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        legend = QHBoxLayout()
        for key, text in (
            ("finalised", translate("sync_page", "Đã chốt")),
            ("received", translate("sync_page", "Đã nhận")),
            ("late", translate("sync_page", "Gửi muộn")),
            ("missing", translate("sync_page", "Chưa nhận, chưa đến hạn")),
            ("missing_late", translate("sync_page", "Quá hạn chưa nhận")),
        ):
            swatch = QLabel(text)
            swatch.setStyleSheet(f"background: {BOARD_COLOURS[key].name()}; padding: 2px 6px;")
            legend.addWidget(swatch)
        legend.addStretch(1)
        board_layout = QVBoxLayout(board_box)
        board_layout.addWidget(self.board_note)
        board_layout.addWidget(self.board, 1)
        board_layout.addLayout(legend)
        arrivals_box = QGroupBox(translate("sync_page", "Các gói đã nhận"))
        self.arrivals = _table(
            [
                translate("sync_page", "Ngày nhận"),
                translate("sync_page", "Tệp"),
                translate("sync_page", "Đơn vị gửi"),
                translate("sync_page", "Số gói"),
                translate("sync_page", "Kết quả"),
                translate("sync_page", "Lý do"),
            ],
            5,
        )
        QVBoxLayout(arrivals_box).addWidget(self.arrivals)
        search_box = QGroupBox(translate("sync_page", "Tìm đảng viên trong mọi đơn vị"))
        self.search = QLineEdit()
        self.search.setPlaceholderText(translate("sync_page", "Họ tên (không cần dấu) hoặc số CCCD…"))
        self.search.setClearButtonEnabled(True)
        self.search.returnPressed.connect(self.run_search)
        search_button = QPushButton(translate("sync_page", "Tìm"))
        search_button.clicked.connect(self.run_search)
        row = QHBoxLayout()
        row.addWidget(self.search, 1)
        row.addWidget(search_button)
        self.found = _table(
            [
                translate("sync_page", "Họ và tên"),
                translate("sync_page", "Ngày sinh"),
                translate("sync_page", "Đơn vị"),
                translate("sync_page", "Tình trạng"),
                translate("sync_page", "Số CCCD"),
            ],
            2,
        )
        search_layout = QVBoxLayout(search_box)
        search_layout.addLayout(row)
        search_layout.addWidget(self.found, 1)
        layout = QVBoxLayout(page)
        layout.addLayout(top)
        layout.addWidget(board_box, 3)
        layout.addWidget(arrivals_box, 2)
        layout.addWidget(search_box, 2)
        return page

    def _build_enrolment(self) -> QWidget:
        page = QWidget()
        intro = QLabel(
            translate(
                "sync_page",
                "Hai đơn vị trao đổi tệp đăng ký qua USB rồi đối chiếu mã qua điện thoại hoặc trên giấy. "
                "Đơn vị cấp xã nhận tệp của cấp trên; cấp trên nhận tệp của từng xã.",
            )
        )
        intro.setWordWrap(True)
        self.own_role = QComboBox()
        self.own_role.addItem(translate("sync_page", "Đơn vị mình gửi dữ liệu lên (cấp xã)"), "commune")
        self.own_role.addItem(translate("sync_page", "Đơn vị mình nhận dữ liệu (cấp trên)"), "upper")
        issue = QPushButton(translate("sync_page", "Cấp tệp đăng ký của đơn vị mình…"))
        issue.clicked.connect(self._choose_issue_folder)
        accept = QPushButton(translate("sync_page", "Nhận tệp đăng ký của đơn vị kia…"))
        accept.clicked.connect(self._choose_enrolment_file)
        self.revoke_button = QPushButton(translate("sync_page", "Thu hồi khóa…"))
        self.revoke_button.clicked.connect(self.revoke_selected)
        self.replace_button = QPushButton(translate("sync_page", "Thay khóa…"))
        self.replace_button.setToolTip(
            translate("sync_page", "Tạo khóa mới cho đơn vị mình (khi mất máy hoặc nghi lộ khóa).")
        )
        self.replace_button.clicked.connect(self.replace_keys)
        self.replace_button.setVisible(self.ctx.actor.can(Permission.ADMIN_SETTINGS))
        buttons = FlowLayout()  # wraps in a narrow window instead of cutting the buttons' texts
        buttons.addWidget(self.own_role)
        buttons.addWidget(issue)
        buttons.addWidget(accept)
        buttons.addWidget(self.replace_button)
        buttons.addWidget(self.revoke_button)
        self.peers = _table(
            [
                translate("sync_page", "Đơn vị"),
                translate("sync_page", "Vai trò"),
                translate("sync_page", "Mã đối chiếu"),
                translate("sync_page", "Ngày đăng ký"),
                translate("sync_page", "Tình trạng"),
            ],
            2,
        )
        layout = QVBoxLayout(page)
        layout.addWidget(intro)
        layout.addLayout(buttons)
        layout.addWidget(self.peers, 1)
        return page

    # ------------------------------------------------------------ page API

    def title(self) -> str:
        return translate("sync_page", "Trao đổi dữ liệu")

    def refresh(self) -> None:
        try:
            state = load_sync_state(self.ctx, board_periods())
        except DomainError as exc:
            show_error(self, exc)
            return
        self.show_state(state)

    def show_state(self, state: SyncState) -> None:
        self.state = state
        commune, receiving = bool(state.upper), bool(state.communes)
        self.tabs.setTabVisible(0, commune)
        self.tabs.setTabVisible(1, receiving)
        if commune and receiving:
            role = translate(
                "sync_page", "{own} gửi dữ liệu lên {upper} và nhận dữ liệu của {n} đơn vị cấp dưới."
            )
        elif commune:
            role = translate("sync_page", "{own} gửi dữ liệu lên {upper}.")
        elif receiving:
            role = translate("sync_page", "{own} nhận dữ liệu của {n} đơn vị cấp dưới.")
        else:
            role = translate(
                "sync_page",
                "{own} chưa đăng ký trao đổi dữ liệu với đơn vị nào. Hãy làm ở thẻ “Đăng ký trao đổi”.",
            )
            self.tabs.setCurrentIndex(2)
        self.role.setText(
            role.format(
                own=state.own_name, upper=state.upper[0].name if state.upper else "", n=len(state.communes)
            )
        )
        if commune:
            self.upper_status.setText(
                translate(
                    "sync_page", "Cấp trên: {upper}. Gói gửi gần nhất: {sent}. Xác nhận gần nhất: {ack}."
                ).format(
                    upper=state.upper[0].name,
                    sent=state.last_sent or translate("sync_page", "chưa gửi"),
                    ack=state.last_ack or translate("sync_page", "chưa có"),
                )
            )
            self._fill_inbox(state.inbox)
        if receiving:
            self._fill_board(state)
            self._fill_arrivals(state.arrivals)
        self._fill_peers(state.all_peers)
        if self.tabs.currentIndex() == 2 and (commune or receiving) and not self.tabs.isTabVisible(2):
            self.tabs.setCurrentIndex(0 if commune else 1)

    def _fill_inbox(self, items: list[ss.CorrectionView]) -> None:
        statuses = {
            "open": translate("sync_page", "Chờ trả lời"),
            "accepted": translate("sync_page", "Đã nhất trí"),
            "disputed": translate("sync_page", "Không nhất trí"),
            "applied": translate("sync_page", "Đã áp dụng"),
        }
        self.inbox.setRowCount(len(items))
        for row, c in enumerate(items):
            _set_row(
                self.inbox,
                row,
                [
                    _when(c.created_at),
                    kind_label(c.record_kind),
                    c.field,
                    c.message,
                    statuses.get(c.status, c.status),
                    c.response,
                ],
                c.id,
            )
            if c.status == "open":
                for column in range(self.inbox.columnCount()):
                    cell = self.inbox.item(row, column)
                    if cell is not None:
                        cell.setBackground(QBrush(QColor(255, 243, 205)))
        self.inbox.resizeRowsToContents()

    def _fill_board(self, state: SyncState) -> None:
        periods = state.periods
        self.board.clear()
        self.board.setColumnCount(1 + len(periods))
        self.board.setHorizontalHeaderLabels(
            [translate("sync_page", "Đơn vị"), *(_upper_first(p.label) for p in periods)]
        )
        header = self.board.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, 1 + len(periods)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            self.board.setColumnWidth(column, 150)
        self.board.setRowCount(len(state.board))
        counts = {"received": [0] * len(periods), "finalised": [0] * len(periods), "late": [0] * len(periods)}
        for row, board_row in enumerate(state.board):
            name_item = QTableWidgetItem(board_row.commune.name)
            refusal = state.refused.get(board_row.commune.unit_id)
            if refusal is not None:  # the latest package was refused: shown, with the reason
                name_item.setText(
                    translate("sync_page", "{name} — gói gần nhất bị từ chối").format(
                        name=board_row.commune.name
                    )
                )
                name_item.setBackground(QBrush(BOARD_COLOURS["refused"]))
                name_item.setToolTip(refusal.message)
                name_item.setData(Qt.ItemDataRole.UserRole, "refused")
            self.board.setItem(row, 0, name_item)
            for column, cell in enumerate(board_row.cells):
                text, colour = board_text(cell.status, cell.late)
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                item.setBackground(QBrush(colour))
                item.setData(Qt.ItemDataRole.UserRole, cell.status)
                tip = []
                if cell.created_at:
                    tip.append(
                        translate("sync_page", "Gói tạo ngày {date}").format(date=_when(cell.created_at))
                    )
                if cell.received_at:
                    tip.append(
                        translate("sync_page", "Nhận ngày {date}").format(date=_when(cell.received_at))
                    )
                item.setToolTip("\n".join(tip))
                self.board.setItem(row, column + 1, item)
                if cell.status != "missing":
                    counts["received"][column] += 1
                if cell.status == "finalised":
                    counts["finalised"][column] += 1
                if cell.late:
                    counts["late"][column] += 1
        expected = len(state.board)
        last = len(periods) - 1
        self.board_note.setText(
            translate(
                "sync_page",
                "Dự kiến {expected} đơn vị. {period}: đã nhận {received}, đã chốt {finalised}, muộn {late}.",
            ).format(
                expected=expected,
                period=_upper_first(periods[last].label) if periods else "",
                received=counts["received"][last] if periods else 0,
                finalised=counts["finalised"][last] if periods else 0,
                late=counts["late"][last] if periods else 0,
            )
        )

    def _fill_arrivals(self, arrivals: list[sh.Arrival]) -> None:
        self.arrivals.setRowCount(len(arrivals))
        for row, a in enumerate(arrivals):
            _set_row(
                self.arrivals,
                row,
                [
                    _when(a.received_at),
                    a.file_name,
                    a.sender_name or translate("sync_page", "(không rõ)"),
                    "" if a.sequence is None else str(a.sequence),
                    outcome_text(a.outcome),
                    "" if a.outcome == "applied" else a.message,
                ],
                a.outcome,
            )
            reason = self.arrivals.item(row, 5)
            if reason is not None:
                reason.setToolTip(a.message)  # the whole message, when the cell cuts it
            if a.outcome == "refused":
                for column in range(self.arrivals.columnCount()):
                    cell = self.arrivals.item(row, column)
                    if cell is not None:
                        cell.setBackground(QBrush(BOARD_COLOURS["refused"]))
        self.arrivals.resizeRowsToContents()

    def _fill_peers(self, peers: list[ss.PeerView]) -> None:
        self.peers.setRowCount(len(peers))
        for row, p in enumerate(peers):
            _set_row(
                self.peers,
                row,
                [
                    p.name,
                    translate("sync_page", "Cấp trên")
                    if p.role == "upper"
                    else translate("sync_page", "Cấp dưới"),
                    ss.readable_fingerprint(p.fingerprint),
                    _when(p.enrolled_at),
                    translate("sync_page", "Đã thu hồi")
                    if p.revoked
                    else translate("sync_page", "Đang dùng"),
                ],
                p.id,
            )

    # ------------------------------------------------------------ commune side

    def open_export(self) -> None:
        upper = self.state.upper[0].name if self.state.upper else ""
        if ExportDialog.ask(self.ctx, self.runner, upper, self) is not None:
            self.changed.emit()

    def _choose_ack(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            translate("sync_page", "Chọn tệp xác nhận của cấp trên"),
            "",
            translate("sync_page", "Gói xác nhận (DUXACK-*{ext})").format(ext=sx.EXTENSION),
        )
        if name:
            self.import_ack(Path(name))

    def import_ack(self, path: Path) -> str | None:
        def job(_progress: Progress, _cancel: Cancel) -> str:
            return sx.import_ack(self.ctx.db, self.ctx.actor, path)

        try:
            message = self.runner.run_and_wait(self, translate("sync_page", "Đang nhập xác nhận…"), job)
        except Cancelled:
            return None
        except DomainError as exc:
            show_error(self, exc)
            return None
        self.changed.emit()
        self.refresh()
        show_info(self, translate("sync_page", "Đã nhập xác nhận"), message)
        return message

    def _selected(self, table: QTableWidget) -> str | None:
        row = table.currentRow()
        item = table.item(row, 0) if row >= 0 else None
        value = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return value if isinstance(value, str) and value else None

    def _correction(self) -> ss.CorrectionView | None:
        cid = self._selected(self.inbox)
        return next((c for c in self.state.inbox if c.id == cid), None)

    def accept_selected(self) -> bool:
        correction = self._correction()
        if correction is None:
            return False
        try:
            with unit_of_work(self.ctx.db, self.ctx.actor) as session:
                ss.answer_correction(session, correction.id, accept=True)
        except DomainError as exc:
            show_error(self, exc)
            return False
        self.changed.emit()
        self.refresh()
        return True

    def dispute_selected(self) -> bool:
        correction = self._correction()
        if correction is None or DisputeDialog.ask(self.ctx, correction, self) is None:
            return False
        self.changed.emit()
        self.refresh()
        return True

    # ------------------------------------------------------------ receiving side

    def _choose_packages(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self,
            translate("sync_page", "Chọn các gói dữ liệu của cấp dưới"),
            "",
            translate("sync_page", "Gói dữ liệu (*{ext})").format(ext=sx.EXTENSION),
        )
        if names:
            self.import_packages([Path(n) for n in names])

    def import_packages(self, paths: list[Path]) -> ImportPreviewDialog | None:
        dialog = ImportPreviewDialog.ask(self.ctx, self.runner, paths, self)
        if dialog is None:
            return None
        self.changed.emit()
        self.refresh()
        show_info(self, translate("sync_page", "Kết quả nhập"), dialog.report())
        return dialog

    def _choose_ack_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, translate("sync_page", "Chọn thư mục trên USB"))
        if folder:
            self.write_acks(Path(folder))

    def write_acks(self, folder: Path) -> list[Path]:
        communes = list(self.state.communes)

        def job(_progress: Progress, _cancel: Cancel) -> list[tuple[str, Path]]:
            return [(c.name, sx.write_ack(self.ctx.db, self.ctx.actor, c.unit_id, folder)) for c in communes]

        try:
            written = self.runner.run_and_wait(self, translate("sync_page", "Đang ghi xác nhận…"), job)
        except Cancelled:
            return []
        except DomainError as exc:
            show_error(self, exc)
            return []
        self.changed.emit()
        show_info(
            self,
            translate("sync_page", "Đã ghi xác nhận"),
            "\n".join(
                translate("sync_page", "{name} → {path}").format(name=name, path=path.name)
                for name, path in written
            )
            + "\n"
            + unplug_advice(),
        )
        return [p for _n, p in written]

    def report_period(self) -> Period:
        return Period(self.report_year.value(), PERIOD_CODES[self.report_kind.currentIndex()])

    def _choose_consolidated(self, suffix: str) -> None:
        period = self.report_period()
        name, _ = QFileDialog.getSaveFileName(
            self,
            translate("sync_page", "Lưu báo cáo tổng hợp"),
            str(Path.home() / f"TongHop-{period.key}.{suffix}"),
            f"*.{suffix}",
        )
        if name:
            path = self.export_consolidated(Path(name), period)
            if path is not None:
                show_info(
                    self,
                    translate("sync_page", "Đã lưu"),
                    translate("sync_page", "Đã lưu báo cáo tổng hợp vào {path}").format(path=path),
                )

    def export_consolidated(self, target: Path, period: Period) -> Path | None:
        def job(_progress: Progress, _cancel: Cancel) -> Path:
            return export_consolidated(self.ctx.db, self.ctx.actor, period, target)

        try:
            return self.runner.run_and_wait(self, translate("sync_page", "Đang tổng hợp số liệu…"), job)
        except Cancelled:
            return None
        except DomainError as exc:
            show_error(self, exc)
            return None

    def run_search(self) -> None:
        text = self.search.text().strip()
        if not text:
            self.found.setRowCount(0)
            return
        with read_session(self.ctx.db, self.ctx.actor) as session:
            found = ss.search_all_units(session, text)
        statuses = {
            "official": translate("sync_page", "Chính thức"),
            "probationary": translate("sync_page", "Dự bị"),
            "exempted": translate("sync_page", "Miễn sinh hoạt"),
            "away": translate("sync_page", "Vắng mặt"),
            "transferred_out": translate("sync_page", "Đã chuyển đi"),
            "deceased": translate("sync_page", "Đã từ trần"),
        }
        self.found.setRowCount(len(found))
        for row, m in enumerate(found):
            born = m.date_of_birth
            shown = f"{born[8:10]}/{born[5:7]}/{born[:4]}" if len(born) == 10 else born
            _set_row(
                self.found, row, [m.name, shown, m.unit_name, statuses.get(m.status, m.status), m.cccd], m.id
            )

    # ------------------------------------------------------------ enrolment

    def _choose_issue_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, translate("sync_page", "Chọn thư mục để ghi tệp đăng ký")
        )
        if folder:
            self.issue_enrolment(Path(folder), str(self.own_role.currentData()))

    def issue_enrolment(self, folder: Path, role: str) -> tuple[Path, str] | None:
        try:
            path, fingerprint = sx.write_enrolment(self.ctx.db, self.ctx.actor, folder, role)
        except DomainError as exc:
            show_error(self, exc)
            return None
        FingerprintDialog.ask(path, fingerprint, self)
        return path, fingerprint

    def _choose_enrolment_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            translate("sync_page", "Chọn tệp đăng ký của đơn vị kia"),
            "",
            translate("sync_page", "Tệp đăng ký (*{ext})").format(ext=sx.ENROL_EXTENSION),
        )
        if name and AcceptEnrolmentDialog.ask(self.ctx, Path(name), self) is not None:
            self.changed.emit()
            self.refresh()

    def revoke_selected(self) -> bool:
        peer_id = self._selected(self.peers)
        peer = next((p for p in self.state.all_peers if p.id == peer_id), None)
        if peer is None or peer.revoked:
            return False
        if not confirm(
            self,
            translate("sync_page", "Thu hồi khóa"),
            translate(
                "sync_page",
                "Thu hồi khóa của {name}? Gói do khóa này ký sẽ bị từ chối; muốn trao đổi lại phải đăng ký tệp mới.",
            ).format(name=peer.name),
            translate("sync_page", "Thu hồi"),
        ):
            return False
        try:
            with unit_of_work(self.ctx.db, self.ctx.actor) as session:
                ss.revoke(session, peer.id)
        except DomainError as exc:
            show_error(self, exc)
            return False
        self.changed.emit()
        self.refresh()
        return True

    def replace_keys(self) -> str | None:
        """New keys for this unit (a lost laptop, a suspected leak): after confirmation, replace them and
        write the new enrolment file at once, since the other side must enrol it again. Returns the
        new fingerprint."""
        if not confirm(
            self,
            translate("sync_page", "Thay khóa"),
            translate(
                "sync_page",
                "Thay khóa trao đổi của đơn vị mình? Chỉ làm khi máy bị mất hoặc nghi lộ khóa.\n\n"
                "Sau khi thay: mang tệp đăng ký mới đến đơn vị kia để họ đăng ký lại; gói ký bằng khóa cũ "
                "sẽ bị từ chối; gói gửi tiếp theo là gói đầy đủ.",
            ),
            translate("sync_page", "Thay khóa"),
        ):
            return None
        try:
            fingerprint = sx.replace_keys(self.ctx.db, self.ctx.actor)
        except DomainError as exc:
            show_error(self, exc)
            return None
        self.changed.emit()
        self.refresh()
        show_info(
            self,
            translate("sync_page", "Đã thay khóa"),
            translate(
                "sync_page",
                "Đã tạo khóa mới. Mã đối chiếu mới:\n{fingerprint}\n\n"
                "Hãy cấp tệp đăng ký mới (nút “Cấp tệp đăng ký của đơn vị mình…”) và mang đến đơn vị kia.",
            ).format(fingerprint=fingerprint),
        )
        return fingerprint
