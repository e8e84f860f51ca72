"""The admission page (phát triển đảng viên, DOMAIN.md §3.4): a pipeline board with a column per
stage and a card per candidate (deadlines, a red "trễ hạn" flag), the list, and the yearly plan with
its achievement ("111/90 = 123,3%") split into women, ethnic minorities and Youth Union members."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetrics, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from models.dates import format_date, today
from models.db import read_session
from models.services import admission as ad
from models.services import organisation as org
from ui.context import AppContext
from ui.dialogs.work_admission import NEXT, CandidateDialog, DropDialog, PlanDialog, StepDialog
from ui.dialogs.work_common import RED, fit_to_width, ratio_text, year_spin
from ui.errors import show_info
from ui.i18n import translate
from ui.pages.base import Page
from ui.pages.organisation import make_table
from ui.table import Column, RowTableModel

BOARD_STAGES = ["candidate", "class_done", "sympathiser", "verified", "cell_resolved", "decided"]
CARD_STYLE = (
    "QListWidget { background: #f3f4f6; border: none; }"
    "QListWidget::item { background: white; border: 1px solid #c9ccd1; border-radius: 4px;"
    " margin: 3px; padding: 4px; }"
    "QListWidget::item:selected { border: 2px solid #1f6feb; color: black; }"
)


CARD_INSET = (
    2 * (3 + 1 + 4) + 8
)  # the style sheet's margin, border and padding on both sides, and the text's own margins


class CardDelegate(QStyledItemDelegate):
    """Measures a card as the style sheet draws it: its text wraps in the width left inside the margin,
    border and padding (Qt measures wrapped items without them, and the cards' last line, the
    deadline, was cut off or elided)."""

    def __init__(self, view: QListWidget) -> None:
        super().__init__(view)
        self._view = view

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        width = max(60, self._view.viewport().width() - self._view.spacing() * 2)
        metrics = QFontMetrics(option.font)
        bounds = metrics.boundingRect(
            QRect(0, 0, max(20, width - CARD_INSET), 100_000), int(Qt.TextFlag.TextWordWrap), text
        )
        return QSize(width, bounds.height() + CARD_INSET)


def stage_label(stage: str) -> str:
    return translate("admission", ad.STAGES.get(stage, stage))


def deadline_text(c: ad.CandidateView) -> str:
    if c.stage == "cell_resolved" and c.decision_due:
        return translate("admission_ui", "Hạn quyết định: {date}").format(date=format_date(c.decision_due))
    if c.stage == "decided" and c.ceremony_due:
        return translate("admission_ui", "Hạn kết nạp: {date}").format(date=format_date(c.ceremony_due))
    return ""


def card_text(c: ad.CandidateView) -> str:
    lines = [c.name, c.cell_name]
    due = c.decision_due if c.stage == "cell_resolved" else c.ceremony_due if c.stage == "decided" else None
    deadline = translate("admission_ui", "Hạn: {date}").format(date=format_date(due)) if due else ""
    if deadline:
        lines.append(deadline)
    if c.late:
        lines.append(translate("admission_ui", "⚠ TRỄ HẠN"))
    return "\n".join(lines)


def current_deadline(c: ad.CandidateView) -> str:
    """The deadline of the step the candidate waits for (decision, then ceremony)."""
    if c.stage == "cell_resolved":
        return format_date(c.decision_due)
    return format_date(c.ceremony_due) if c.stage == "decided" else ""


def candidate_model() -> RowTableModel[ad.CandidateView]:
    return RowTableModel(
        [
            Column(translate("admission_ui", "Họ và tên"), lambda c: c.name),
            Column(
                translate("admission_ui", "Ngày sinh"),
                lambda c: format_date(c.date_of_birth),
                lambda c: c.date_of_birth,
            ),
            Column(translate("admission_ui", "Dân tộc"), lambda c: c.ethnicity),
            Column(translate("admission_ui", "Chi bộ"), lambda c: c.cell_name),
            Column(
                translate("admission_ui", "Bước"),
                lambda c: stage_label(c.stage),
                lambda c: ORDER_KEY.get(c.stage, 9),
            ),
            Column(
                translate("admission_ui", "Chi bộ xét"),
                lambda c: format_date(c.cell_resolution_date),
                lambda c: c.cell_resolution_date or MIN_DATE,
            ),
            Column(translate("admission_ui", "Hạn"), current_deadline),
            Column(translate("admission_ui", "Quyết định"), lambda c: format_date(c.decision_date)),
            Column(translate("admission_ui", "Kết nạp"), lambda c: format_date(c.ceremony_date)),
            Column(
                translate("admission_ui", "Trễ hạn"),
                lambda c: translate("admission_ui", "trễ hạn") if c.late else "",
            ),
        ],
        row_id=lambda c: c.id,
        dimmed=lambda c: c.stage in ("admitted", "dropped"),
    )


ORDER_KEY = {s: i for i, s in enumerate([*ad.ORDER, "dropped"])}
MIN_DATE = today().replace(year=1900)


class Board(QWidget):
    """A column per stage; double-click or Enter on a card opens the next step."""

    def __init__(self, open_card: Callable[[QListWidgetItem], None]) -> None:
        super().__init__()
        self.columns: dict[str, QListWidget] = {}
        self.titles: dict[str, QLabel] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        for stage in BOARD_STAGES:
            box = QVBoxLayout()
            title = QLabel()
            title.setWordWrap(True)
            title.setStyleSheet("font-weight: bold;")
            title.setMinimumHeight(title.fontMetrics().height() * 2 + 4)
            title.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            cards = QListWidget()
            cards.setStyleSheet(CARD_STYLE)
            cards.setWordWrap(True)
            cards.setTextElideMode(Qt.TextElideMode.ElideNone)
            cards.setMinimumWidth(150)
            cards.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            # wrapped cards are measured again when the column narrows (a smaller screen, 125 %),
            # otherwise their last line ("Hạn: …") was cut off
            cards.setResizeMode(QListView.ResizeMode.Adjust)
            cards.setItemDelegate(CardDelegate(cards))
            cards.itemActivated.connect(open_card)
            box.addWidget(title)
            box.addWidget(cards, 1)
            layout.addLayout(box, 1)
            self.columns[stage] = cards
            self.titles[stage] = title

    def show_candidates(self, rows: list[ad.CandidateView]) -> None:
        for stage, cards in self.columns.items():
            cards.clear()
            here = [c for c in rows if c.stage == stage]
            late = sum(1 for c in here if c.late)
            text = f"{stage_label(stage)} ({len(here)})"
            if late:
                text += " — " + translate("admission_ui", "{n} trễ hạn").format(n=late)
            self.titles[stage].setText(text)
            for c in sorted(here, key=lambda c: (not c.late, c.name)):
                item = QListWidgetItem(card_text(c))
                item.setData(Qt.ItemDataRole.UserRole, c.id)
                item.setToolTip(card_text(c))
                if c.late:
                    item.setForeground(QBrush(RED))
                    item.setBackground(QBrush(QColor(253, 236, 236)))
                cards.addItem(item)


def plan_model() -> RowTableModel[tuple[str, ad.PlanAchievement]]:
    def part(done: int, target: int) -> str:
        return f"{done}/{target}" if target else str(done)

    return RowTableModel(
        [
            Column(translate("admission_ui", "Đơn vị"), lambda r: r[0]),
            Column(
                translate("admission_ui", "Kết nạp / chỉ tiêu"),
                lambda r: ratio_text(r[1].admitted, r[1].target),
            ),
            Column(
                translate("admission_ui", "Nữ"),
                lambda r: part(r[1].women, r[1].target_women),
                align_right=True,
            ),
            Column(
                translate("admission_ui", "Dân tộc thiểu số"),
                lambda r: part(r[1].minority, r[1].target_minority),
                align_right=True,
            ),
            Column(
                translate("admission_ui", "Đoàn viên"),
                lambda r: part(r[1].youth, r[1].target_youth),
                align_right=True,
            ),
        ],
        row_id=lambda r: r[1].cell_id or "",
    )


class AdmissionPage(Page):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.rows: list[ad.CandidateView] = []
        self.board = Board(self._card_activated)
        self.model = candidate_model()
        self.view = make_table(self.model)
        fit_to_width(self.view, 3)
        self.view.activated.connect(lambda _i: self.next_step())
        self.add_button = QPushButton(translate("admission_ui", "Thêm quần chúng… (Ctrl+N)"))
        self.step_button = QPushButton(translate("admission_ui", "Bước tiếp theo…"))
        self.drop_button = QPushButton(translate("admission_ui", "Dừng xét…"))
        for b in (self.add_button, self.step_button, self.drop_button):
            b.setAutoDefault(False)
        self.add_button.clicked.connect(self.add)
        self.step_button.clicked.connect(self.next_step)
        self.drop_button.clicked.connect(self.drop)
        self.summary = QLabel()
        bar = QHBoxLayout()
        bar.addWidget(self.add_button)
        bar.addWidget(self.step_button)
        bar.addWidget(self.drop_button)
        bar.addStretch(1)
        bar.addWidget(self.summary)
        list_tab = QWidget()
        list_layout = QVBoxLayout(list_tab)
        list_layout.addWidget(self.view)
        # plans
        self.year = year_spin(today().year)
        self.plan_button = QPushButton(translate("admission_ui", "Đặt chỉ tiêu…"))
        self.plan_button.setAutoDefault(False)
        self.plan_button.clicked.connect(self.set_plan)
        self.headline = QLabel()
        self.headline.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.plans = plan_model()
        self.plan_view = make_table(self.plans)
        fit_to_width(self.plan_view, 0)
        plan_tab = QWidget()
        plan_layout = QVBoxLayout(plan_tab)
        plan_bar = QHBoxLayout()
        plan_bar.addWidget(QLabel(translate("admission_ui", "Năm:")))
        plan_bar.addWidget(self.year)
        plan_bar.addWidget(self.plan_button)
        plan_bar.addStretch(1)
        plan_layout.addLayout(plan_bar)
        headline_box = QGroupBox(translate("admission_ui", "Toàn Đảng bộ xã"))
        QVBoxLayout(headline_box).addWidget(self.headline)
        plan_layout.addWidget(headline_box)
        plan_layout.addWidget(self.plan_view, 1)
        self.year.valueChanged.connect(lambda _v: self.load_plans())
        self.tabs = QTabWidget()
        self.tabs.addTab(self.board, translate("admission_ui", "Bảng tiến độ"))
        self.tabs.addTab(list_tab, translate("admission_ui", "Danh sách"))
        self.tabs.addTab(plan_tab, translate("admission_ui", "Kế hoạch kết nạp"))
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.tabs, 1)
        new = QShortcut(QKeySequence.StandardKey.New, self)
        new.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        new.activated.connect(self.add)

    def title(self) -> str:
        return translate("admission_ui", "Phát triển đảng viên")

    def refresh(self) -> None:
        with read_session(self.ctx.db, self.ctx.actor) as session:
            self.rows = ad.list_candidates(session)
        self.board.show_candidates(self.rows)
        self.model.set_rows(self.rows)
        open_rows = [c for c in self.rows if c.stage not in ("admitted", "dropped")]
        late = sum(1 for c in open_rows if c.late)
        self.summary.setText(
            translate("admission_ui", "Đang xét: {n} quần chúng; trễ hạn: {late}").format(
                n=len(open_rows), late=late
            )
        )
        self.load_plans()

    def load_plans(self) -> None:
        year = self.year.value()
        with read_session(self.ctx.db, self.ctx.actor) as session:
            commune = ad.achievement(session, year)
            cells = [
                (c.name, ad.achievement(session, year, c.id))
                for c in org.list_cells(session, include_closed=False)
            ]
        self.headline.setText(
            translate(
                "admission_ui", "Kết nạp năm {year}: {ratio} — nữ {w}, dân tộc thiểu số {m}, đoàn viên {y}"
            ).format(
                year=year,
                ratio=ratio_text(commune.admitted, commune.target),
                w=commune.women,
                m=commune.minority,
                y=commune.youth,
            )
        )
        self.plans.set_rows(
            [
                (translate("admission_ui", "Toàn Đảng bộ xã"), commune),
                *[r for r in cells if r[1].target or r[1].admitted],
            ]
        )

    def selected(self) -> ad.CandidateView | None:
        if self.tabs.currentIndex() == 0:
            for cards in self.board.columns.values():
                item = cards.currentItem()
                if item is not None and item.isSelected():
                    return self._by_id(str(item.data(Qt.ItemDataRole.UserRole)))
            return None
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _by_id(self, cid: str) -> ad.CandidateView | None:
        return next((c for c in self.rows if c.id == cid), None)

    def _card_activated(self, item: QListWidgetItem) -> None:
        candidate = self._by_id(str(item.data(Qt.ItemDataRole.UserRole)))
        if candidate is not None:
            self.open_step(candidate)

    def add(self) -> None:
        if CandidateDialog.ask(self.ctx, self) is not None:
            self.changed.emit()

    def next_step(self) -> None:
        candidate = self.selected()
        if candidate is None:
            show_info(
                self,
                translate("admission_ui", "Bước tiếp theo"),
                translate("admission_ui", "Hãy chọn một quần chúng."),
            )
            return
        self.open_step(candidate)

    def open_step(self, candidate: ad.CandidateView) -> None:
        if candidate.stage not in NEXT:
            show_info(
                self,
                translate("admission_ui", "Bước tiếp theo"),
                translate("admission_ui", "Hồ sơ này đã kết thúc."),
            )
            return
        if StepDialog.ask(self.ctx, candidate, self) is not None:
            self.changed.emit()

    def drop(self) -> None:
        candidate = self.selected()
        if candidate is not None and DropDialog.ask(self.ctx, candidate, self) is not None:
            self.changed.emit()

    def set_plan(self) -> None:
        if PlanDialog.ask(self.ctx, self.year.value(), self) is not None:
            self.changed.emit()
