"""The Members page (DOMAIN.md §3.1–3.2, §3.11): the register as a lazily loaded table over an id list
with search-as-you-type and filters done by the database, the counts line, lifecycle actions on the
selected members, Excel import and export, the printed register, and the attention lists a clerk
checks every week."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMetaMethod, QModelIndex, QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from exports.documents import document_sheets, log_document, log_output, save_pdf, save_xlsx
from exports.xlsx import Sheet
from forms.register import LIST_COLUMNS, member_list_rows, member_register
from models.dates import format_date, today
from models.db import read_session
from models.errors import DomainError
from models.i18n import QT_TRANSLATE_NOOP
from models.services import membership as ms
from models.services import organisation as org
from models.services import register as rg
from ui.context import AppContext
from ui.dialogs.ethnicity_mapping import EthnicityMappingDialog
from ui.dialogs.import_members import ImportMembersDialog
from ui.dialogs.member_actions import ACTIONS, ActionDialog
from ui.dialogs.member_profile import MemberProfileDialog
from ui.errors import show_error, show_info
from ui.files import save_path, show_saved
from ui.i18n import translate
from ui.members_model import MemberTableModel, status_label, vi_number
from ui.pages.base import Page
from ui.settings import Settings
from ui.table import ID_ROLE, Column, RowTableModel, header_text_width
from ui.tasks import Cancelled, TaskRunner
from ui.widgets import FlowLayout, TitledBox

SEARCH_DELAY_MS = 150
COLUMN_WIDTHS = (220, 70, 95, 80, 190, 120, 110, 110, 100)
AGE_BAND_LABELS = {
    "<=30": QT_TRANSLATE_NOOP("members_ui", "Đến 30 tuổi"),
    "31-40": QT_TRANSLATE_NOOP("members_ui", "31–40 tuổi"),
    "41-50": QT_TRANSLATE_NOOP("members_ui", "41–50 tuổi"),
    "51-60": QT_TRANSLATE_NOOP("members_ui", "51–60 tuổi"),
    ">=61": QT_TRANSLATE_NOOP("members_ui", "Từ 61 tuổi"),
}
STATUS_CHOICES: dict[str, tuple[str, tuple[str, ...]]] = {
    "": (QT_TRANSLATE_NOOP("members_ui", "Đang sinh hoạt"), ()),
    **{s: (ms.STATUS_LABELS[s], (s,)) for s in rg.ACTIVE_STATUSES},
    "ended": (QT_TRANSLATE_NOOP("members_ui", "Đã ra khỏi danh sách"), rg.ENDED_STATUSES),
    **{s: (ms.STATUS_LABELS[s], (s,)) for s in rg.ENDED_STATUSES},
}


def ask_save_path(parent: QWidget | None, title: str, suggested: str, filters: str) -> str:
    """The save dialog (tests replace it), opened where the register was last saved or in Documents."""
    path = save_path(parent, "register", title, Path(suggested).name, filters)
    return "" if path is None else str(path)


def counts_text(c: rg.RegisterCounts) -> str:
    return translate("members_ui", "{total} đảng viên, {prob} dự bị, {women} nữ").format(
        total=vi_number(c.total), prob=vi_number(c.probationary), women=vi_number(c.women)
    )


# ---------------------------------------------------------------- attention lists


def recognition_model() -> RowTableModel[ms.RecognitionDue]:
    def overdue(r: ms.RecognitionDue) -> str:
        if r.days_overdue > 0:
            return translate("members_ui", "Quá {n} ngày").format(n=vi_number(r.days_overdue))
        if r.days_overdue == 0:
            return translate("members_ui", "Đến hạn hôm nay")
        return translate("members_ui", "Còn {n} ngày").format(n=vi_number(-r.days_overdue))

    return RowTableModel(
        [
            Column(translate("members_ui", "Họ và tên"), lambda r: r.name),
            Column(translate("members_ui", "Chi bộ"), lambda r: r.cell_name),
            Column(
                translate("members_ui", "Ngày vào Đảng"),
                lambda r: format_date(r.admission_date),
                lambda r: r.admission_date,
            ),
            Column(
                translate("members_ui", "Hết thời gian dự bị"),
                lambda r: format_date(r.due_date),
                lambda r: r.due_date,
            ),
            Column(translate("members_ui", "Tình trạng"), overdue, lambda r: -r.days_overdue),
        ],
        row_id=lambda r: r.member_id,
    )


def badge_model() -> RowTableModel[rg.BadgeDue]:
    return RowTableModel(
        [
            Column(translate("members_ui", "Họ và tên"), lambda b: b.name),
            Column(translate("members_ui", "Chi bộ"), lambda b: b.cell_name),
            Column(
                translate("members_ui", "Huy hiệu"),
                lambda b: translate("members_ui", "{n} năm").format(n=b.years),
                lambda b: b.years,
            ),
            Column(
                translate("members_ui", "Đủ tuổi Đảng"),
                lambda b: format_date(b.eligible_on),
                lambda b: b.eligible_on,
            ),
            Column(
                translate("members_ui", "Ghi chú"),
                lambda b: translate("members_ui", "Trao sớm (ốm nặng)") if b.early else "",
            ),
        ],
        row_id=lambda b: b.member_id,
    )


def leave_model() -> RowTableModel[rg.ExpiredLeave]:
    return RowTableModel(
        [
            Column(translate("members_ui", "Họ và tên"), lambda e: e.name),
            Column(translate("members_ui", "Chi bộ"), lambda e: e.cell_name),
            Column(translate("members_ui", "Trạng thái"), lambda e: status_label(e.status)),
            Column(translate("members_ui", "Từ ngày"), lambda e: format_date(e.since), lambda e: e.since),
            Column(translate("members_ui", "Dự kiến đến"), lambda e: format_date(e.until), lambda e: e.until),
        ],
        row_id=lambda e: e.member_id,
    )


def missing_model() -> RowTableModel[rg.MemberRow]:
    def missing(r: rg.MemberRow) -> str:
        parts = []
        if not r.cccd:
            parts.append(translate("members_ui", "CCCD"))
        if not r.party_card_no:
            parts.append(translate("members_ui", "số thẻ"))
        return translate("members_ui", "Thiếu {what}").format(what=", ".join(parts))

    return RowTableModel(
        [
            Column(translate("members_ui", "Họ và tên"), lambda r: r.name),
            Column(translate("members_ui", "Chi bộ"), lambda r: r.cell_name),
            Column(
                translate("members_ui", "Ngày sinh"),
                lambda r: format_date(r.date_of_birth),
                lambda r: r.date_of_birth,
            ),
            Column(translate("members_ui", "Còn thiếu"), missing),
        ],
        row_id=lambda r: r.id,
    )


def small_table(model: RowTableModel[Any]) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setSortingEnabled(True)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    view.setWordWrap(False)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class AttentionPanel(QWidget):
    """Four lists: recognitions due, badges due at the next award day, leaves past their planned end,
    and missing identity numbers with the completeness percentages."""

    def __init__(self, ctx: AppContext, open_member: Callable[[str], None]) -> None:
        super().__init__()
        self.ctx = ctx
        self.recognitions = recognition_model()
        self.badges = badge_model()
        self.leaves = leave_model()
        self.missing = missing_model()
        self.views: list[QTableView] = []
        self.recognition_box = TitledBox()
        self.badge_box = TitledBox()
        self.leave_box = TitledBox(
            translate("members_ui", "Miễn sinh hoạt, đi làm ăn xa đã quá ngày dự kiến")
        )
        self.missing_box = TitledBox()
        self.recognise_button = QPushButton(translate("members_ui", "Công nhận chính thức…"))
        self.recognise_button.setAutoDefault(False)
        self.recognise_button.clicked.connect(lambda _c=False: self.recognise_selected())
        self.changed: Callable[[], None] = lambda: None
        grid = QGridLayout(self)
        pairs: list[tuple[TitledBox, RowTableModel[Any]]] = [
            (self.recognition_box, self.recognitions),
            (self.badge_box, self.badges),
            (self.leave_box, self.leaves),
            (self.missing_box, self.missing),
        ]
        for n, (box, model) in enumerate(pairs):
            view = small_table(model)
            view.activated.connect(lambda index, v=view: open_member(str(v.model().data(index, ID_ROLE))))
            self.views.append(view)
            inner = box.body
            inner.addWidget(view)
            if box is self.recognition_box:
                inner.addWidget(self.recognise_button, 0, Qt.AlignmentFlag.AlignRight)
            grid.addWidget(box, n // 2, n % 2)

    def refresh(self) -> None:
        on = today()
        with read_session(self.ctx.db, self.ctx.actor) as session:
            recognitions = ms.recognitions_due(session, on, within_days=30)
            award_day = rg.next_award_day(session, on)
            badges = rg.badges_due(session, on)
            leaves = rg.expired_leaves(session, on)
            done = rg.completeness(session)
            missing_ids = rg.missing_identity(session)
            missing = rg.member_rows(session, missing_ids)
        self.recognitions.set_rows(recognitions)
        self.badges.set_rows(badges)
        self.leaves.set_rows(leaves)
        self.missing.set_rows([missing[i] for i in missing_ids if i in missing])
        for view in self.views:  # short lists (at most a few hundred rows): fit the columns
            view.resizeColumnsToContents()
            header = view.horizontalHeader()
            for section in range(header.count() - 1):  # the last column takes what is left
                cap = 150 if section == 0 else 108  # long cell names: the tooltip shows them whole
                cap = max(cap, header_text_width(header, section))  # a title is never cut
                header.resizeSection(section, min(header.sectionSize(section) + 8, cap))
        overdue = sum(1 for r in recognitions if r.days_overdue > 0)
        self.recognition_box.setTitle(
            translate(
                "members_ui", "Đến hạn công nhận chính thức (trong 30 ngày): {n}, quá hạn {late}"
            ).format(n=vi_number(len(recognitions)), late=vi_number(overdue))
        )
        self.badge_box.setTitle(
            translate("members_ui", "Huy hiệu Đảng đợt {day}: {n} đảng viên ({early} trao sớm)").format(
                day=format_date(award_day),
                n=vi_number(len(badges)),
                early=vi_number(sum(b.early for b in badges)),
            )
        )
        self.leave_box.setTitle(
            translate("members_ui", "Miễn sinh hoạt, đi làm ăn xa đã quá ngày dự kiến: {n}").format(
                n=vi_number(len(leaves))
            )
        )
        self.missing_box.setTitle(
            translate("members_ui", "Thiếu CCCD hoặc số thẻ — đủ CCCD {cccd}, đủ số thẻ {card}").format(
                cccd=percent(done.cccd_pct), card=percent(done.card_pct)
            )
        )

    def recognise_selected(self) -> None:
        view = self.views[0]
        ids = [str(self.recognitions.data(i, ID_ROLE)) for i in view.selectionModel().selectedRows()]
        if ids and ActionDialog.ask(self.ctx, "recognise", ids, self) is not None:
            self.changed()


def percent(value: float) -> str:
    """95.78 → "95,78%"."""
    return f"{value:.2f}".replace(".", ",") + "%"


# ---------------------------------------------------------------- searching off the GUI thread


@dataclass(frozen=True)
class _SearchResult:
    filter: rg.RegisterFilter
    sort: tuple[str, bool]
    ids: list[str]
    counts: rg.RegisterCounts


class _SearchSignals(QObject):
    done = Signal(int, object)


class _SearchJob(QRunnable):
    def __init__(
        self,
        ctx: AppContext,
        flt: rg.RegisterFilter,
        sort: tuple[str, bool],
        generation: int,
        signals: _SearchSignals,
    ) -> None:
        super().__init__()
        self._ctx, self._filter, self._sort = ctx, flt, sort
        self._generation, self._signals = generation, signals

    def run(self) -> None:
        result: object
        try:
            with read_session(self._ctx.db, self._ctx.actor) as session:
                ids = rg.member_ids(session, self._filter, *self._sort)
                counts = rg.counts(session, self._filter)
            result = _SearchResult(self._filter, self._sort, ids, counts)
        except Exception as exc:  # noqa: BLE001 - handed to the GUI thread, which reports it
            result = exc
        self._signals.done.emit(self._generation, result)


# ---------------------------------------------------------------- the page


class MembersPage(Page):
    def __init__(self, ctx: AppContext, settings: Settings | None = None) -> None:
        super().__init__()
        self.ctx = ctx
        self.settings = settings or Settings()
        self.runner = TaskRunner(self)
        self.model = MemberTableModel(ctx, self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.setSortingEnabled(True)
        self.view.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        vertical = self.view.verticalHeader()
        vertical.hide()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.view.fontMetrics().height() + 8)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        for column, width in enumerate(COLUMN_WIDTHS):
            header.resizeSection(column, width)

        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(translate("members_ui", "Tìm họ tên, không cần dấu (Ctrl+F)…"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(220)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.search_in_background)
        self.search_pool = QThreadPool(self)
        self.search_pool.setMaxThreadCount(1)
        self._search_signals = _SearchSignals()  # unparented: a late answer after the page is gone is dropped
        self._search_signals.done.connect(self._search_done, Qt.ConnectionType.QueuedConnection)
        self._generation = 0
        self.shown_generation = 0
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.counts = QLabel()
        self.counts.setObjectName("counts")

        self.cell = QComboBox()
        self.status = QComboBox()
        for key, (text, _statuses) in STATUS_CHOICES.items():
            context = "membership" if key in ms.STATUS_LABELS else "members_ui"
            self.status.addItem(translate(context, text), key)
        self.sex = QComboBox()
        self.sex.addItem(translate("members_ui", "Nam và nữ"), None)
        self.sex.addItem(translate("members_ui", "Nam"), "M")
        self.sex.addItem(translate("members_ui", "Nữ"), "F")
        self.ethnicity = QComboBox()
        self.age = QComboBox()
        self.age.addItem(translate("members_ui", "Mọi độ tuổi"), None)
        for key, text in AGE_BAND_LABELS.items():
            self.age.addItem(translate("members_ui", text), key)
        self.occupation = QComboBox()
        self.occupation.addItem(translate("members_ui", "Mọi nghề nghiệp"), None)
        for key, text in ms.OCCUPATIONS.items():
            self.occupation.addItem(translate("membership", text), key)
        self.occupation.setMaximumWidth(220)
        self.ethnicity.setMinimumWidth(120)
        self.cell.setMinimumWidth(150)
        self.theory = QComboBox()
        self.theory.addItem(translate("members_ui", "Mọi trình độ lý luận"), None)
        for key, text in ms.THEORY_LEVELS.items():
            self.theory.addItem(translate("membership", text), key)
        self.uncounted = QCheckBox(translate("members_ui", "Cả sinh hoạt tạm thời"))
        for combo in (
            self.cell,
            self.status,
            self.sex,
            self.ethnicity,
            self.age,
            self.occupation,
            self.theory,
        ):
            combo.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.uncounted.toggled.connect(lambda _on: self.apply_filter())

        self.admit_button = self._button(translate("members_ui", "Kết nạp…"), self.admit)
        self.admit_button.setToolTip(translate("members_ui", "Kết nạp đảng viên mới (Ctrl+N)"))
        self.transfer_in_button = self._button(translate("members_ui", "Chuyển đến…"), self.transfer_in)
        self.profile_button = self._button(translate("members_ui", "Hồ sơ…"), self.open_selected)
        self.actions_button = QToolButton()
        self.actions_button.setText(translate("members_ui", "Thao tác"))
        self.actions_button.setMinimumWidth(90)
        self.actions_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.actions_menu = QMenu(self.actions_button)
        for key, spec in ACTIONS.items():
            action = self.actions_menu.addAction(translate("members_ui", spec.title))
            action.setData(key)
            action.triggered.connect(lambda _c=False, k=key: self.run_action(k))
        self.actions_menu.addSeparator()
        self.actions_menu.addAction(translate("members_ui", "Chuẩn hóa tên dân tộc…")).triggered.connect(
            lambda _c=False: self.map_ethnicities()
        )
        self.actions_button.setMenu(self.actions_menu)
        self.import_button = self._button(translate("members_ui", "Nhập Excel…"), self.import_excel)
        self.export_button = self._button(translate("members_ui", "Xuất Excel…"), self.export_excel)
        self.print_button = self._button(translate("members_ui", "In sổ danh sách…"), self.print_register)

        # Both rows wrap: at 1366×768 with 125 % scaling they are wider than the window.
        self.search.setMinimumWidth(260)
        top = FlowLayout()
        top.addWidget(self.search)
        for widget in (
            self.admit_button,
            self.transfer_in_button,
            self.profile_button,
            self.actions_button,
            self.import_button,
            self.export_button,
            self.print_button,
        ):
            top.addWidget(widget)
        filters = FlowLayout()
        for combo in (
            self.cell,
            self.status,
            self.sex,
            self.ethnicity,
            self.age,
            self.occupation,
            self.theory,
        ):
            filters.addWidget(combo)
        filters.addWidget(self.uncounted)
        list_tab = QWidget()
        list_layout = QVBoxLayout(list_tab)
        list_layout.addLayout(top)
        list_layout.addLayout(filters)
        list_layout.addWidget(self.view, 1)
        list_layout.addWidget(self.counts)  # below the table: the row above is full in longer languages
        self.attention = AttentionPanel(ctx, self.open_member)
        self.attention.changed = self.after_change
        self.tabs = QTabWidget()
        self.tabs.addTab(list_tab, translate("members_ui", "Danh sách"))
        self.tabs.addTab(self.attention, translate("members_ui", "Cần chú ý"))
        self.tabs.currentChanged.connect(lambda _i: self._refresh_attention_if_shown())
        self._attention_dirty = True
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

        self.view.activated.connect(lambda _i: self.open_selected())
        self.view.selectionModel().selectionChanged.connect(lambda *_a: self.update_buttons())
        QShortcut(QKeySequence.StandardKey.Find, self, self.focus_search)
        QShortcut(QKeySequence.StandardKey.New, self, self.admit)
        self._filling = False
        self.refresh()

    def _button(self, text: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text)
        button.setAutoDefault(False)
        button.clicked.connect(lambda _c=False: slot())
        return button

    def title(self) -> str:
        return translate("members_ui", "Đảng viên")

    def closeEvent(self, event: QCloseEvent) -> None:
        self._timer.stop()
        self.search_pool.clear()
        self.search_pool.waitForDone()
        super().closeEvent(event)

    def focus_search(self) -> None:
        self.tabs.setCurrentIndex(0)
        self.search.setFocus()
        self.search.selectAll()

    # -- filters

    def _fill_combo(self, combo: QComboBox, first: str, items: list[tuple[str, str]]) -> None:
        current = combo.currentData()
        combo.clear()
        combo.addItem(first, None)
        for text, key in items:
            combo.addItem(text, key)
        combo.setCurrentIndex(max(0, combo.findData(current)))

    def _fill_filters(self) -> None:
        self._filling = True
        try:
            with read_session(self.ctx.db, self.ctx.actor) as session:
                cells = org.list_cells(session)
                ethnicities = rg.distinct_values(session, "ethnicity")
            self._fill_combo(
                self.cell,
                translate("members_ui", "Mọi chi bộ"),
                [(c.name if c.status == "active" else f"{c.name} (cũ)", c.id) for c in cells],
            )
            self._fill_combo(
                self.ethnicity, translate("members_ui", "Mọi dân tộc"), [(e, e) for e in ethnicities]
            )
        finally:
            self._filling = False

    def current_filter(self) -> rg.RegisterFilter:
        statuses = STATUS_CHOICES[str(self.status.currentData() or "")][1]
        return rg.RegisterFilter(
            text=self.search.text(),
            cell_id=self.cell.currentData(),
            statuses=statuses,
            sex=self.sex.currentData(),
            ethnicity=self.ethnicity.currentData(),
            age_band=self.age.currentData(),
            occupation=self.occupation.currentData(),
            theory=self.theory.currentData(),
            include_uncounted=self.uncounted.isChecked(),
        )

    def search_in_background(self) -> None:
        """A keystroke (after the debounce): the id and count queries run on a reader thread so
        typing never waits for the database; only the newest answer is shown."""
        self._generation += 1
        self.search_pool.clear()  # queries not started yet are outdated
        self.search_pool.start(
            _SearchJob(
                self.ctx,
                self.current_filter(),
                self.model.sort_order(),
                self._generation,
                self._search_signals,
            )
        )

    def _search_done(self, generation: int, result: object) -> None:
        if generation != self._generation:
            return  # a newer search is on its way
        if isinstance(result, DomainError):
            show_error(self, result)
            return
        if isinstance(result, Exception):
            raise result  # a bug: the crash handler reports it
        assert isinstance(result, _SearchResult)
        if result.sort != self.model.sort_order():
            self.search_in_background()  # sorted meanwhile: ask again
            return
        selected = self.selected_ids()
        self.shown_generation = generation
        self.model.set_ids(result.ids, result.filter)
        self.counts.setText(counts_text(result.counts))
        self.select_ids(selected)
        self.update_buttons()

    def search_pending(self) -> bool:
        return self._timer.isActive() or self.search_pool.activeThreadCount() > 0

    def apply_filter(self) -> None:
        if self._filling:
            return
        self._timer.stop()
        self._generation += 1  # any search still running is outdated
        selected = self.selected_ids()
        flt = self.current_filter()
        self.model.set_filter(flt)
        with read_session(self.ctx.db, self.ctx.actor) as session:
            self.counts.setText(counts_text(rg.counts(session, flt)))
        self.select_ids(selected)
        self.update_buttons()

    # -- selection

    def selected_ids(self) -> list[str]:
        return [self.model.id_at(i.row()) for i in self.view.selectionModel().selectedRows()]

    def select_ids(self, ids: list[str]) -> None:
        first = True
        for member_id in ids:
            row = self.model.row_of_id(member_id)
            if row < 0:
                continue
            if first:
                self.view.setCurrentIndex(self.model.index(row, 0))
                self.view.selectRow(row)
                first = False
            else:
                self.view.selectionModel().select(
                    self.model.index(row, 0),
                    self.view.selectionModel().SelectionFlag.Select
                    | self.view.selectionModel().SelectionFlag.Rows,
                )
        if not first:
            self.view.scrollTo(self.view.currentIndex())

    def update_buttons(self) -> None:
        ids = self.selected_ids()
        self.profile_button.setEnabled(len(ids) == 1)
        self.actions_button.setEnabled(bool(ids))
        for action in self.actions_menu.actions():
            spec = ACTIONS.get(str(action.data()))
            if spec is not None:  # a member action; the register-wide ones are always there
                action.setEnabled(bool(ids) and (spec.multi or len(ids) == 1))

    # -- refresh

    def refresh(self) -> None:
        self._fill_filters()
        self.apply_filter()
        self._attention_dirty = True
        self._refresh_attention_if_shown()

    def _refresh_attention_if_shown(self) -> None:
        if self._attention_dirty and self.tabs.currentWidget() is self.attention:
            self._attention_dirty = False
            self.attention.refresh()

    def after_change(self, member_id: str | None = None) -> None:
        self.changed.emit()
        if not self.isSignalConnected(QMetaMethod.fromSignal(self.changed)):
            self.refresh()  # not in a main window (tests): refresh ourselves
        if member_id is not None:
            self.select_ids([member_id])

    # -- actions

    def open_member(self, member_id: str) -> None:
        changed = MemberProfileDialog.ask(self.ctx, member_id, self)
        if changed is not None:
            self.after_change(changed)

    def open_selected(self) -> None:
        ids = self.selected_ids()
        if len(ids) == 1:
            self.open_member(ids[0])

    def admit(self) -> None:
        new_id = MemberProfileDialog.ask(self.ctx, None, self, mode="admit", cell_id=self.cell.currentData())
        if new_id is not None:
            self.after_change(new_id)

    def transfer_in(self) -> None:
        new_id = MemberProfileDialog.ask(
            self.ctx, None, self, mode="transfer_in", cell_id=self.cell.currentData()
        )
        if new_id is not None:
            self.after_change(new_id)

    def run_action(self, key: str) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        if not ACTIONS[key].multi:
            ids = ids[:1]
        if ActionDialog.ask(self.ctx, key, ids, self) is not None:
            self.after_change()
            self.select_ids(ids)

    def map_ethnicities(self) -> None:
        """Old free-text ethnicities mapped to the official 54 groups (one audited change)."""
        if EthnicityMappingDialog.ask(self.ctx, self):
            self.after_change()

    def import_excel(self) -> None:
        created = ImportMembersDialog.ask(self.ctx, self.settings, self)
        if created:
            self.after_change()
            show_info(
                self,
                translate("members_ui", "Đã nhập"),
                translate("members_ui", "Đã nhập {n} đảng viên.").format(n=vi_number(created)),
            )

    # -- export

    def _export(self, label: str, job: Callable[[], Path]) -> Path | None:
        try:
            return self.runner.run_and_wait(self, label, lambda _progress, _cancel: job())
        except Cancelled:
            return None
        except DomainError as exc:
            show_error(self, exc)
        except OSError as exc:
            show_info(
                self,
                translate("members_ui", "Không lưu được tệp"),
                translate("members_ui", "Không lưu được tệp: {reason}. Hãy chọn thư mục khác.").format(
                    reason=exc.strerror or type(exc).__name__
                ),
            )
        return None

    def export_excel(self) -> Path | None:
        """The current, filtered list as an XLSX (the same columns as on screen, plus CCCD)."""
        path = ask_save_path(
            self,
            translate("members_ui", "Xuất danh sách ra Excel"),
            translate("members_ui", "Danh sách đảng viên.xlsx"),
            translate("members_ui", "Bảng tính Excel (*.xlsx)"),
        )
        if not path:
            return None
        target = Path(path).with_suffix(".xlsx")
        ids = self.model.ids()
        heading = [self._unit_name(), translate("members_ui", "DANH SÁCH ĐẢNG VIÊN"), self.counts.text()]

        def job() -> Path:
            with read_session(self.ctx.db, self.ctx.actor) as session:
                rows = member_list_rows(session, ids)
            sheet = Sheet(
                translate("members_ui", "Danh sách đảng viên"),
                LIST_COLUMNS,
                rows,
                (5, 28, 8, 12, 10, 24, 16, 13, 13, 14, 15),
                heading,
            )
            written = save_xlsx([sheet], target)
            log_output(self.ctx.db, self.ctx.actor, "export", "member_list", count=len(rows), target=written)
            return written

        saved = self._export(translate("members_ui", "Đang xuất danh sách…"), job)
        if saved is not None:
            show_saved(
                self,
                saved,
                translate("members_ui", "Đã lưu {n} đảng viên vào tệp:").format(n=vi_number(len(ids))),
            )
        return saved

    def print_register(self) -> Path | None:
        """The 14-column register (sổ danh sách) of the chosen cell or the whole commune: PDF or XLSX."""
        path = ask_save_path(
            self,
            translate("members_ui", "In sổ danh sách đảng viên"),
            translate("members_ui", "Sổ danh sách đảng viên.pdf"),
            translate("members_ui", "Tệp PDF (*.pdf);;Bảng tính Excel (*.xlsx)"),
        )
        if not path:
            return None
        target = Path(path)
        if target.suffix.lower() not in (".pdf", ".xlsx"):
            target = target.with_suffix(".pdf")
        cell_id = self.cell.currentData()

        def job() -> Path:
            with read_session(self.ctx.db, self.ctx.actor) as session:
                sheet = member_register(session, cell_id=cell_id)
            if target.suffix.lower() == ".xlsx":
                written = save_xlsx(document_sheets(sheet.document, "Sổ danh sách"), target)
            else:
                written = save_pdf(sheet.document, target)
            log_document(
                self.ctx.db, self.ctx.actor, "export", sheet.document, written, count=len(sheet.rows)
            )
            return written

        saved = self._export(translate("members_ui", "Đang in sổ danh sách…"), job)
        if saved is not None:
            show_saved(self, saved, translate("members_ui", "Đã lưu sổ danh sách đảng viên vào tệp:"))
        return saved

    def _unit_name(self) -> str:
        with read_session(self.ctx.db, self.ctx.actor) as session:
            return org.own_unit(session).committee_name

    def row_count(self) -> int:
        return self.model.rowCount(QModelIndex())
