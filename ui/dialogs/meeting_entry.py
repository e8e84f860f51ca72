"""The fast entry form for a cell meeting (DOMAIN.md §3.5), designed for typing up a paper record after
the meeting: everyone on the cell's roster starts "Có mặt" and the clerk marks the exceptions; exempted
and away members are listed apart and not counted; speakers are picked from the members present; votes
show at once whether they carry; "Sao chép từ tháng trước" copies last month's structure.

One `unit_of_work` per save (`save_meeting`); the rule warnings (duration, attendance, unexcused
absences) come back in the result for the page to show after the save."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from models.dates import format_date, today
from models.db import read_session, unit_of_work
from models.errors import ValidationError
from models.i18n import QT_TRANSLATE_NOOP
from models.rules import rule
from models.services import meetings as mt
from models.services import organisation as org
from ui.context import AppContext
from ui.dialogs.base import FormDialog
from ui.errors import show_info
from ui.i18n import translate
from ui.widgets import DateEdit, FlowLayout, IntEdit, collect, fit_to_screen

Index = QModelIndex | QPersistentModelIndex
COUNTED_STATUSES = ("present", "absent_excused", "absent_unexcused")
ABSENT_BRUSH = QColor(253, 236, 200)
UNEXCUSED_BRUSH = QColor(248, 215, 218)


def label(mapping: dict[str, str], key: str) -> str:
    return translate("meetings", mapping.get(key, key))


def month_text(month: str) -> str:
    """ "2026-03" → "03/2026"."""
    return f"{month[5:]}/{month[:4]}" if len(month) == 7 else month


def month_from_text(text: str) -> str:
    """ "3/2026", "03/2026", "2026-03" → "2026-03"; anything else is returned as typed (the service
    explains the format)."""
    raw = text.strip().replace(".", "/").replace("-", "/")
    parts = [p for p in raw.split("/") if p]
    if len(parts) == 2 and all(p.isdigit() for p in parts):
        first, second = parts
        if len(first) == 4:
            first, second = second, first
        if len(second) == 4 and 1 <= int(first) <= 12:
            return f"{second}-{int(first):02d}"
    return text.strip()


def time_from_text(text: str) -> str:
    """ "19h30", "19.30", "1930", "7:5" → "19:30", "07:05"; anything else as typed."""
    raw = text.strip().lower().replace("h", ":").replace(".", ":").rstrip(":")
    if raw.isdigit() and len(raw) in (3, 4):
        raw = f"{raw[:-2]}:{raw[-2:]}"
    elif raw.isdigit() and len(raw) <= 2:
        raw = f"{raw}:00"
    parts = raw.split(":")
    if len(parts) == 2 and all(p.isdigit() for p in parts) and parts[0] and parts[1]:
        return f"{int(parts[0]):02d}:{int(parts[1]):02d}"
    return text.strip()


def default_held_date(month: str) -> date | None:
    """The usual date (the 3rd), when it is not in the future."""
    try:
        day = date(int(month[:4]), int(month[5:]), 3)
    except ValueError:
        return None
    return day if day <= today() else None


# ---------------------------------------------------------------- attendance


class AttendanceModel(QAbstractTableModel):
    """The counted members (not exempted or away) with their attendance; status and reason editable."""

    COLUMNS = (
        QT_TRANSLATE_NOOP("meetings_ui", "TT"),
        QT_TRANSLATE_NOOP("meetings_ui", "Họ và tên"),
        QT_TRANSLATE_NOOP("meetings_ui", "Đảng viên"),
        QT_TRANSLATE_NOOP("meetings_ui", "Tình trạng"),
        QT_TRANSLATE_NOOP("meetings_ui", "Lý do vắng"),
    )
    STATUS_COLUMN, REASON_COLUMN = 3, 4
    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: list[mt.RosterEntry] = []
        self._status: dict[str, tuple[str, str]] = {}

    def set_entries(self, entries: list[mt.RosterEntry], status: dict[str, tuple[str, str]]) -> None:
        self.beginResetModel()
        self._entries = [e for e in entries if e.activity not in ("exempted", "away")]
        self._status = {
            e.member_id: status.get(e.member_id, ("present", ""))
            for e in self._entries
            if status.get(e.member_id, ("present", ""))[0] in COUNTED_STATUSES
        }
        self.endResetModel()
        self.changed.emit()

    def entries(self) -> list[mt.RosterEntry]:
        return list(self._entries)

    def status_of(self, member_id: str) -> tuple[str, str]:
        return self._status.get(member_id, ("present", ""))

    def set_status(self, member_id: str, status: str, reason: str = "") -> None:
        for row, entry in enumerate(self._entries):
            if entry.member_id == member_id:
                self._status[member_id] = (status, reason if status == "absent_excused" else "")
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))
                self.changed.emit()
                return
        raise KeyError(member_id)

    def all_present(self) -> None:
        self.beginResetModel()
        self._status = {e.member_id: ("present", "") for e in self._entries}
        self.endResetModel()
        self.changed.emit()

    def exceptions(self) -> dict[str, tuple[str, str]]:
        """Only the members who were not present (the service defaults everyone else to present)."""
        return {mid: value for mid, value in self._status.items() if value[0] != "present"}

    def present(self) -> list[mt.RosterEntry]:
        return [e for e in self._entries if self.status_of(e.member_id)[0] == "present"]

    def counts(self) -> tuple[int, int, int, int]:
        """(expected, present, excused, unexcused)."""
        statuses = [self.status_of(e.member_id)[0] for e in self._entries]
        return (
            len(statuses),
            statuses.count("present"),
            statuses.count("absent_excused"),
            statuses.count("absent_unexcused"),
        )

    # -- Qt API

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        if not 0 <= index.column() < len(self.COLUMNS):
            return None
        entry = self._entries[index.row()]
        status, reason = self.status_of(entry.member_id)
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == 0:
                return str(index.row() + 1)
            if column == 1:
                return entry.name
            if column == 2:
                return (
                    translate("meetings_ui", "Chính thức")
                    if entry.membership == "official"
                    else translate("meetings_ui", "Dự bị")
                )
            if column == self.STATUS_COLUMN:
                return label(mt.ATTENDANCE, status)
            return reason
        if role == Qt.ItemDataRole.EditRole:
            if column == self.STATUS_COLUMN:
                return status
            if column == self.REASON_COLUMN:
                return reason
            return self.data(index, Qt.ItemDataRole.DisplayRole)
        if role == Qt.ItemDataRole.BackgroundRole and status != "present":
            return QBrush(UNEXCUSED_BRUSH if status == "absent_unexcused" else ABSENT_BRUSH)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        if not 0 <= index.row() < len(self._entries):
            return False
        entry = self._entries[index.row()]
        status, reason = self.status_of(entry.member_id)
        if index.column() == self.STATUS_COLUMN and value in COUNTED_STATUSES:
            status = str(value)
        elif index.column() == self.REASON_COLUMN and isinstance(value, str):
            reason = value.strip()
            if reason and status == "present":
                status = "absent_excused"  # typing a reason marks the absence
        else:
            return False
        self._status[entry.member_id] = (status, reason if status == "absent_excused" else "")
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), len(self.COLUMNS) - 1))
        self.changed.emit()
        return True

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
        if index.column() in (self.STATUS_COLUMN, self.REASON_COLUMN):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.COLUMNS)
        ):
            return translate("meetings_ui", self.COLUMNS[section])
        return None


class StatusDelegate(QStyledItemDelegate):
    """A combo box of the three counted statuses for the Tình trạng column."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        combo = QComboBox(parent)
        for key in COUNTED_STATUSES:
            combo.addItem(label(mt.ATTENDANCE, key), key)
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


# ---------------------------------------------------------------- small row widgets


def name_combo(names: list[tuple[str, str | None]], current: str = "") -> QComboBox:
    """An editable combo of (name, member id); a name typed freely is kept as text."""
    combo = QComboBox()
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    set_names(combo, names, current)
    return combo


def set_names(combo: QComboBox, names: list[tuple[str, str | None]], current: str | None = None) -> None:
    text = combo.currentText() if current is None else current
    combo.blockSignals(True)
    combo.clear()
    for name, member_id in names:
        combo.addItem(name, member_id)
    combo.setCurrentIndex(-1)
    combo.setEditText(text)
    index = combo.findText(text)
    if text and index >= 0:
        combo.setCurrentIndex(index)
    combo.blockSignals(False)


def picked(combo: QComboBox) -> tuple[str, str | None]:
    """(name, member id or None when typed freely)."""
    text = combo.currentText().strip()
    index = combo.findText(text)
    member_id = combo.itemData(index) if index >= 0 else None
    return text, member_id if isinstance(member_id, str) else None


def select_member(combo: QComboBox, member_id: str | None, name: str = "") -> None:
    index = combo.findData(member_id) if member_id else -1
    if index >= 0:
        combo.setCurrentIndex(index)
    else:
        combo.setCurrentIndex(-1)
        combo.setEditText(name)


def remove_button(on_click: Callable[[], None]) -> QPushButton:
    button = QPushButton(translate("meetings_ui", "Xóa"))
    button.setAutoDefault(False)
    button.setToolTip(translate("meetings_ui", "Xóa dòng này"))
    button.clicked.connect(lambda _c=False: on_click())
    return button


class SpeechRow(QWidget):
    def __init__(self, names: list[tuple[str, str | None]], speech: mt.Speech | None, owner: AgendaItemBox):
        super().__init__()
        self.speaker = name_combo(names)
        self.speaker.setMinimumWidth(190)
        self.speaker.setPlaceholderText(translate("meetings_ui", "Người phát biểu"))
        self.text = QLineEdit(speech.text if speech else "")
        self.text.setPlaceholderText(translate("meetings_ui", "Ý kiến phát biểu"))
        if speech is not None:
            select_member(self.speaker, speech.member_id, speech.speaker)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.speaker)
        layout.addWidget(self.text, 1)
        layout.addWidget(remove_button(lambda: owner.remove_speech(self)))

    def value(self) -> mt.Speech | None:
        name, member_id = picked(self.speaker)
        text = self.text.text().strip()
        if not name and not text:
            return None
        return mt.Speech(name, text, member_id)


class AgendaItemBox(QGroupBox):
    """One agenda item: title, presenter, content, the speakers and what they said, the conclusion."""

    def __init__(
        self, names: list[tuple[str, str | None]], item: mt.AgendaInput | None, owner: MeetingDialog
    ) -> None:
        super().__init__()
        self.owner = owner
        self._names = names
        self.title_edit = QLineEdit(item.title if item else "")
        self.title_edit.setPlaceholderText(
            translate("meetings_ui", "ví dụ: Đánh giá kết quả thu hoạch vụ mùa")
        )
        self.presenter = name_combo(names, item.presenter if item else "")
        self.content = QPlainTextEdit(item.content if item else "")
        self.content.setPlaceholderText(translate("meetings_ui", "Nội dung trình bày"))
        self.content.setFixedHeight(54)
        self.conclusion = QPlainTextEdit(item.conclusion if item else "")
        self.conclusion.setPlaceholderText(translate("meetings_ui", "Kết luận của chủ trì về nội dung này"))
        self.conclusion.setFixedHeight(44)
        self.speeches: list[SpeechRow] = []
        self._speech_box = QVBoxLayout()
        self._speech_box.setSpacing(2)
        add_speech = QPushButton(translate("meetings_ui", "Thêm người phát biểu"))
        add_speech.setAutoDefault(False)
        add_speech.clicked.connect(lambda _c=False: self.add_speech())
        self._personnel = (item.personnel_kind, item.personnel_ref) if item else ("", "")
        form = QFormLayout(self)
        top = QHBoxLayout()
        top.addWidget(self.title_edit, 1)
        top.addWidget(remove_button(lambda: owner.remove_item(self)))
        form.addRow(translate("meetings_ui", "Nội dung:"), top)
        form.addRow(translate("meetings_ui", "Người trình bày:"), self.presenter)
        form.addRow(translate("meetings_ui", "Trình bày:"), self.content)
        speeches = QVBoxLayout()
        speeches.addLayout(self._speech_box)
        row = QHBoxLayout()
        row.addWidget(add_speech)
        row.addStretch(1)
        speeches.addLayout(row)
        form.addRow(translate("meetings_ui", "Thảo luận:"), speeches)
        form.addRow(translate("meetings_ui", "Kết luận:"), self.conclusion)
        for speech in item.speeches if item else ():
            self.add_speech(speech)

    def add_speech(self, speech: mt.Speech | None = None) -> SpeechRow:
        row = SpeechRow(self._names, speech, self)
        self.speeches.append(row)
        self._speech_box.addWidget(row)
        if speech is None:
            row.speaker.setFocus()
        return row

    def remove_speech(self, row: SpeechRow) -> None:
        drop(self.speeches, row)

    def set_names(self, names: list[tuple[str, str | None]]) -> None:
        self._names = names
        set_names(self.presenter, names)
        for row in self.speeches:
            set_names(row.speaker, names)

    def value(self) -> mt.AgendaInput:
        speeches = tuple(s for s in (row.value() for row in self.speeches) if s is not None)
        return mt.AgendaInput(
            self.title_edit.text(),
            picked(self.presenter)[0],
            self.content.toPlainText(),
            speeches,
            self.conclusion.toPlainText(),
            *self._personnel,
        )

    def is_empty(self) -> bool:
        v = self.value()
        return not (v.title.strip() or v.content.strip() or v.speeches or v.conclusion.strip())


class TaskRow(QWidget):
    def __init__(self, names: list[tuple[str, str | None]], task: mt.TaskInput | None, owner: MeetingDialog):
        super().__init__()
        self.text = QLineEdit(task.text if task else "")
        self.text.setPlaceholderText(translate("meetings_ui", "Nhiệm vụ"))
        self.assignee = name_combo(names, task.assignee if task else "")
        self.assignee.setMinimumWidth(190)
        self.assignee.setPlaceholderText(translate("meetings_ui", "Người thực hiện"))
        self.due = DateEdit(task.due_date if task else None)
        self.due.setPlaceholderText(translate("meetings_ui", "thời hạn"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.assignee)
        layout.addWidget(self.due)
        layout.addWidget(remove_button(lambda: owner.remove_task(self)))

    def due_date(self) -> date | None:
        return self.due.date("tasks")


class VoteRow(QWidget):
    changed = Signal()

    def __init__(self, vote: mt.VoteInput | None, owner: MeetingDialog) -> None:
        super().__init__()
        self.subject = QLineEdit(vote.subject if vote else "")
        self.subject.setPlaceholderText(translate("meetings_ui", "Nội dung biểu quyết"))
        self.votes_for, self.votes_against, self.votes_abstain = QSpinBox(), QSpinBox(), QSpinBox()
        for box, value in (
            (self.votes_for, vote.votes_for if vote else 0),
            (self.votes_against, vote.votes_against if vote else 0),
            (self.votes_abstain, vote.votes_abstain if vote else 0),
        ):
            box.setRange(0, 9999)
            box.setValue(value)
            box.valueChanged.connect(lambda _v: self.changed.emit())
        self.method = QComboBox()
        for key, text in mt.VOTE_METHODS.items():
            self.method.addItem(translate("meetings", text), key)
        self.method.setCurrentIndex(max(0, self.method.findData(vote.method if vote else "hands")))
        self.rule = QComboBox()
        for key, vote_rule in mt.VOTE_RULES.items():
            self.rule.addItem(translate("meetings", vote_rule.label), key)
        self.rule.setCurrentIndex(max(0, self.rule.findData(vote.rule if vote else "resolution")))
        self.rule.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.result = QLabel()
        self.result.setMinimumWidth(150)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 4)
        grid.addWidget(self.subject, 0, 0)
        grid.addWidget(self.rule, 0, 1)
        grid.addWidget(remove_button(lambda: owner.remove_vote(self)), 0, 2, Qt.AlignmentFlag.AlignRight)
        grid.setColumnStretch(0, 1)
        # The counts, the method and the outcome wrap onto more lines in a narrow window, so the
        # delete button above always stays in sight.
        counts = FlowLayout(spacing=10)
        for text, box in (
            (translate("meetings_ui", "Tán thành:"), self.votes_for),
            (translate("meetings_ui", "Không tán thành:"), self.votes_against),
            (translate("meetings_ui", "Không biểu quyết:"), self.votes_abstain),
        ):
            pair = QWidget()
            pair_layout = QHBoxLayout(pair)
            pair_layout.setContentsMargins(0, 0, 0, 0)
            pair_layout.addWidget(QLabel(text))
            pair_layout.addWidget(box)
            counts.addWidget(pair)
        counts.addWidget(self.method)
        counts.addWidget(self.result)
        grid.addLayout(counts, 1, 0, 1, 3)

    def value(self) -> mt.VoteInput:
        return mt.VoteInput(
            self.subject.text(),
            self.votes_for.value(),
            self.votes_against.value(),
            self.votes_abstain.value(),
            str(self.method.currentData()),
            str(self.rule.currentData()),
        )

    def show_outcome(self, official_total: int, official_present: int) -> None:
        v = self.value()
        outcome = mt.vote_outcome(v.rule, v.votes_for, official_total, official_present)
        if outcome.passed:
            text, colour = translate("meetings_ui", "Thông qua (cần {n}/{of})"), "#1b5e20"
        else:
            text, colour = translate("meetings_ui", "Không thông qua (cần {n}/{of})"), "#b00020"
        self.result.setText(text.format(n=outcome.required, of=outcome.basis_count))
        self.result.setStyleSheet(f"color: {colour}; font-weight: bold;")


class GuestRow(QWidget):
    def __init__(self, guest: mt.Guest | None, owner: MeetingDialog) -> None:
        super().__init__()
        self.name = QLineEdit(guest.name if guest else "")
        self.name.setPlaceholderText(translate("meetings_ui", "Họ và tên khách mời"))
        self.role = QLineEdit(guest.role if guest else "")
        self.role.setPlaceholderText(translate("meetings_ui", "Chức vụ"))
        self.assigned = QCheckBox(translate("meetings_ui", "Cấp ủy viên phụ trách"))
        self.assigned.setChecked(bool(guest and guest.assigned))
        # two lines, so that the name and the position (e.g. "Phó Bí thư Đảng ủy") are readable
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 4)
        layout.addWidget(self.name, 0, 0)
        layout.addWidget(self.role, 0, 1, 1, 2)
        layout.addWidget(self.assigned, 1, 0, 1, 2)
        layout.addWidget(remove_button(lambda: owner.remove_guest(self)), 1, 2)
        layout.setColumnStretch(0, 3)
        layout.setColumnStretch(1, 2)

    def value(self) -> mt.Guest:
        return mt.Guest(self.name.text(), self.role.text(), self.assigned.isChecked())


def row_group(title: str, add_text: str, on_add: Callable[[], object]) -> tuple[QGroupBox, QVBoxLayout]:
    """A titled group holding rows (returned layout) above an "add" button."""
    group = QGroupBox(title)
    layout = QVBoxLayout(group)
    rows = QVBoxLayout()
    layout.addLayout(rows)
    add = QPushButton(add_text)
    add.setAutoDefault(False)
    add.clicked.connect(lambda _c=False: on_add())
    bar = QHBoxLayout()
    bar.addWidget(add)
    bar.addStretch(1)
    layout.addLayout(bar)
    return group, rows


def drop(rows: list[Any], widget: QWidget) -> None:
    """Remove a row widget from its list and from the form."""
    rows.remove(widget)
    widget.setParent(None)
    widget.deleteLater()


def scroll(inner: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # rows wrap instead
    area.setWidget(inner)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    return area


# ---------------------------------------------------------------- the dialog


class MeetingDialog(FormDialog[mt.SavedMeeting]):
    """New meeting for (cell, month), or an existing one by id."""

    TAB_GENERAL, TAB_ATTENDANCE, TAB_AGENDA, TAB_RESOLUTION = range(4)

    def __init__(
        self,
        ctx: AppContext,
        cell_id: str,
        month: str,
        meeting_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        with read_session(ctx.db, ctx.actor) as session:
            cells = {c.id: c for c in org.list_cells(session)}
            view = mt.get_meeting(session, meeting_id) if meeting_id else None
            self._thresholds: dict[str, int] = rule(session, "meeting.quality_thresholds", today())
            assigned = [
                a.member_name
                for a in org.list_assignments(session, current_only=True)
                if a.cell_id == cell_id
            ]
        cell = cells[view.cell_id if view else cell_id]
        title = (
            translate("meetings_ui", "Sửa biên bản sinh hoạt")
            if view
            else translate("meetings_ui", "Ghi biên bản sinh hoạt")
        )
        super().__init__(ctx, f"{title} — {cell.name}", parent)
        fit_to_screen(self, 1100, 700)
        self.cell_id = cell.id
        self.cell_name = cell.name
        self.meeting_id = meeting_id
        self._revision = view.revision if view else None
        self._assigned_names = assigned
        self.warnings: tuple[str, ...] = ()
        self.agenda_items: list[AgendaItemBox] = []
        self.tasks: list[TaskRow] = []
        self.votes: list[VoteRow] = []
        self.guests: list[GuestRow] = []
        self._roster: list[mt.RosterEntry] = []
        self._roster_date: date | None = None
        self._field_tab: dict[str, int] = {}
        cmd = (
            view.to_input()
            if view
            else mt.MeetingInput(
                cell_id=cell.id,
                kind="regular",
                month=month,
                held_date=default_held_date(month),
                planned_date=default_held_date(month),
            )
        )
        self.attendance = AttendanceModel(self)
        self._build_general()
        self._build_attendance()
        self._build_agenda()
        self._build_resolution()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.general_tab, translate("meetings_ui", "Thông tin chung"))
        self.tabs.addTab(self.attendance_tab, translate("meetings_ui", "Điểm danh"))
        self.tabs.addTab(self.agenda_tab, translate("meetings_ui", "Nội dung, thảo luận"))
        self.tabs.addTab(self.resolution_tab, translate("meetings_ui", "Nhiệm vụ, biểu quyết"))
        stretch = self.layout_.takeAt(2)  # FormDialog's stretch: the tabs take the room instead
        del stretch
        self.layout_.insertWidget(2, self.tabs, 1)
        self.copy_button = self.buttons.addButton(
            translate("meetings_ui", "Sao chép từ tháng trước"), self.buttons.ButtonRole.ActionRole
        )
        self.copy_button.setToolTip(
            translate(
                "meetings_ui",
                "Lấy địa điểm, giờ, chủ trì, thư ký và các nội dung của buổi sinh hoạt gần nhất",
            )
        )
        self.copy_button.setAutoDefault(False)
        self.copy_button.clicked.connect(self.copy_previous)
        self.copy_button.setVisible(view is None)
        self.attendance.changed.connect(self._attendance_changed)
        self.populate(cmd, keep_dates=False)

    # -- building

    def _wrap(self, field: str, widget: QWidget, tab: int) -> QWidget:
        self._field_tab[field] = tab
        return self.errors.wrap(field, widget)

    def _build_general(self) -> None:
        self.general_tab = QWidget()
        t = self.TAB_GENERAL
        self.kind = QComboBox()
        for key, text in mt.KINDS.items():
            self.kind.addItem(translate("meetings", text), key)
        self.month = QLineEdit()
        self.month.setPlaceholderText(translate("meetings_ui", "tháng/năm, ví dụ 03/2026"))
        self.month.setMaximumWidth(160)
        self.held_date = DateEdit()
        self.held_date.editingFinished.connect(self.reload_roster)
        self.planned_date = DateEdit()
        self.start_time = QLineEdit()
        self.end_time = QLineEdit()
        for edit in (self.start_time, self.end_time):
            edit.setPlaceholderText(translate("meetings_ui", "giờ:phút"))
            edit.setMaximumWidth(100)
            edit.editingFinished.connect(lambda e=edit: e.setText(time_from_text(e.text())))
            edit.editingFinished.connect(self._update_duration)
        self.duration = QLabel()
        self.place = QLineEdit()
        self.place.setPlaceholderText(translate("meetings_ui", "ví dụ: nhà văn hóa bản Na Hát"))
        self.chair = name_combo([])
        self.secretary = name_combo([])
        self.thematic_topic = QLineEdit()
        self.thematic_presenter = QLineEdit()
        self.combined = QCheckBox(
            translate("meetings_ui", "Sinh hoạt chuyên đề kết hợp trong buổi sinh hoạt định kỳ")
        )
        self.kind.currentIndexChanged.connect(lambda _i: self._update_thematic())
        self.combined.toggled.connect(lambda _on: self._update_thematic())
        self.quality_score = IntEdit()
        self.quality_score.setPlaceholderText(translate("meetings_ui", "0–100"))
        self.quality_score.textChanged.connect(lambda _t: self._update_rating())
        self.quality_rating = QComboBox()
        self.quality_rating.addItem(translate("meetings_ui", "— chưa đánh giá —"), "")
        for key, text in mt.QUALITY.items():
            self.quality_rating.addItem(translate("meetings", text), key)
        self.prep_committee_met = QCheckBox(
            translate("meetings_ui", "Chi ủy (bí thư) đã họp chuẩn bị nội dung")
        )
        self.prep_members_notified = QCheckBox(translate("meetings_ui", "Đảng viên được thông báo trước"))
        self.read_back = QCheckBox(
            translate("meetings_ui", "Biên bản đã đọc lại cho chi bộ nghe và thông qua")
        )
        self.conclusion = QPlainTextEdit()
        self.conclusion.setPlaceholderText(translate("meetings_ui", "Kết luận chung của đồng chí chủ trì"))
        self.conclusion.setFixedHeight(70)
        self.note = QLineEdit()

        left = QFormLayout()
        left.addRow(translate("meetings_ui", "Loại:"), self._wrap("kind", self.kind, t))
        left.addRow(translate("meetings_ui", "Tháng sinh hoạt:"), self._wrap("month", self.month, t))
        dates = QHBoxLayout()
        dates.addWidget(self._wrap("held_date", self.held_date, t))
        dates.addWidget(QLabel(translate("meetings_ui", "Dự kiến:")))
        dates.addWidget(self.planned_date)
        dates.addStretch(1)
        left.addRow(translate("meetings_ui", "Ngày họp:"), dates)
        times = QHBoxLayout()
        times.addWidget(self._wrap("start_time", self.start_time, t))
        times.addWidget(QLabel(translate("meetings_ui", "đến")))
        times.addWidget(self._wrap("end_time", self.end_time, t))
        times.addWidget(self.duration)
        times.addStretch(1)
        left.addRow(translate("meetings_ui", "Bắt đầu:"), times)
        left.addRow(translate("meetings_ui", "Địa điểm:"), self._wrap("place", self.place, t))
        left.addRow(translate("meetings_ui", "Chủ trì:"), self._wrap("chair_name", self.chair, t))
        left.addRow(translate("meetings_ui", "Thư ký:"), self._wrap("secretary_name", self.secretary, t))
        left.addRow(self.combined)
        left.addRow(
            translate("meetings_ui", "Chuyên đề:"), self._wrap("thematic_topic", self.thematic_topic, t)
        )
        left.addRow(translate("meetings_ui", "Người trình bày chuyên đề:"), self.thematic_presenter)

        right = QVBoxLayout()
        guests, self._guest_box = row_group(
            translate("meetings_ui", "Khách mời"), translate("meetings_ui", "Thêm khách mời"), self.add_guest
        )
        if self._assigned_names:
            add_assigned = QPushButton(
                translate("meetings_ui", "Thêm cấp ủy viên phụ trách ({name})").format(
                    name=self._assigned_names[0]
                )
            )
            add_assigned.setAutoDefault(False)
            add_assigned.clicked.connect(
                lambda _c=False: self.add_guest(
                    mt.Guest(self._assigned_names[0], translate("meetings_ui", "Đảng ủy viên"), True)
                )
            )
            group_layout = guests.layout()
            assert group_layout is not None
            group_layout.addWidget(add_assigned)
        right.addWidget(guests)
        quality = QGroupBox(translate("meetings_ui", "Chất lượng, chuẩn bị"))
        quality_form = QFormLayout(quality)
        score = QHBoxLayout()
        score.addWidget(self._wrap("quality_score", self.quality_score, t))
        score.addWidget(QLabel(translate("meetings_ui", "Xếp loại:")))
        score.addWidget(self._wrap("quality_rating", self.quality_rating, t))
        score.addStretch(1)
        quality_form.addRow(translate("meetings_ui", "Điểm tự đánh giá:"), score)
        quality_form.addRow(self.prep_committee_met)
        quality_form.addRow(self.prep_members_notified)
        quality_form.addRow(self.read_back)
        right.addWidget(quality)
        right.addWidget(QLabel(translate("meetings_ui", "Kết luận của chủ trì:")))
        right.addWidget(self.conclusion)
        notes = QFormLayout()
        notes.addRow(translate("meetings_ui", "Ghi chú:"), self.note)
        right.addLayout(notes)
        right.addStretch(1)
        layout = QHBoxLayout(self.general_tab)
        layout.addLayout(left, 1)
        layout.addSpacing(12)
        layout.addLayout(right, 1)

    def _build_attendance(self) -> None:
        self.attendance_tab = QWidget()
        self.attendance_view = QTableView()
        self.attendance_view.setModel(self.attendance)
        self.attendance_view.setItemDelegateForColumn(AttendanceModel.STATUS_COLUMN, StatusDelegate(self))
        self.attendance_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.attendance_view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.attendance_view.verticalHeader().hide()
        self.attendance_view.verticalHeader().setDefaultSectionSize(
            self.attendance_view.fontMetrics().height() + 10
        )
        header = self.attendance_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.attendance_summary = QLabel()
        self.attendance_summary.setWordWrap(True)
        self.not_counted = QLabel()
        self.not_counted.setWordWrap(True)
        self.not_counted.setStyleSheet("color: #555;")
        all_present = QPushButton(translate("meetings_ui", "Tất cả có mặt"))
        all_present.setAutoDefault(False)
        all_present.clicked.connect(lambda _c=False: self.attendance.all_present())
        hint = QLabel(
            translate(
                "meetings_ui",
                "Mặc định mọi đảng viên có mặt; chỉ đánh dấu người vắng (nhấp đúp vào cột Tình trạng, "
                "hoặc gõ lý do vào cột Lý do vắng).",
            )
        )
        hint.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(hint, 1)
        top.addWidget(all_present)
        layout = QVBoxLayout(self.attendance_tab)
        layout.addLayout(top)
        layout.addWidget(self._wrap("attendance", self.attendance_view, self.TAB_ATTENDANCE), 1)
        layout.addWidget(self.attendance_summary)
        layout.addWidget(self.not_counted)

    def _build_agenda(self) -> None:
        self.agenda_tab = QWidget()
        inner = QWidget()
        self._agenda_box = QVBoxLayout(inner)
        self._agenda_box.addStretch(1)
        add_item = QPushButton(translate("meetings_ui", "Thêm nội dung"))
        add_item.setAutoDefault(False)
        add_item.clicked.connect(lambda _c=False: self.add_item())
        top = QHBoxLayout()
        top.addWidget(
            QLabel(
                translate(
                    "meetings_ui", "Các nội dung sinh hoạt; người phát biểu chọn trong số đảng viên có mặt."
                )
            )
        )
        top.addStretch(1)
        top.addWidget(add_item)
        layout = QVBoxLayout(self.agenda_tab)
        layout.addLayout(top)
        self._agenda_scroll = scroll(inner)
        layout.addWidget(self._wrap("agenda", self._agenda_scroll, self.TAB_AGENDA), 1)

    def _build_resolution(self) -> None:
        self.resolution_tab = QWidget()
        inner = QWidget()
        outer = QVBoxLayout(inner)
        tasks, self._task_box = row_group(
            translate("meetings_ui", "Nhiệm vụ tháng tới"),
            translate("meetings_ui", "Thêm nhiệm vụ"),
            self.add_task,
        )
        votes, self._vote_box = row_group(
            translate("meetings_ui", "Biểu quyết"), translate("meetings_ui", "Thêm biểu quyết"), self.add_vote
        )
        outer.addWidget(self._wrap("tasks", tasks, self.TAB_RESOLUTION))
        outer.addWidget(self._wrap("votes", votes, self.TAB_RESOLUTION))
        outer.addStretch(1)
        layout = QVBoxLayout(self.resolution_tab)
        layout.addWidget(scroll(inner))

    # -- rows

    def names(self) -> list[tuple[str, str | None]]:
        """Speakers, presenters and assignees are picked from the members present."""
        return [(e.name, e.member_id) for e in self.attendance.present()]

    def roster_names(self) -> list[tuple[str, str | None]]:
        return [(e.name, e.member_id) for e in self._roster if e.activity not in ("exempted", "away")]

    def add_item(self, item: mt.AgendaInput | None = None) -> AgendaItemBox:
        box = AgendaItemBox(self.names(), item, self)
        box.setTitle(translate("meetings_ui", "Nội dung {n}").format(n=len(self.agenda_items) + 1))
        self.agenda_items.append(box)
        self._agenda_box.insertWidget(self._agenda_box.count() - 1, box)
        if item is None:
            box.title_edit.setFocus()
        return box

    def remove_item(self, box: AgendaItemBox) -> None:
        drop(self.agenda_items, box)
        for n, other in enumerate(self.agenda_items, start=1):
            other.setTitle(translate("meetings_ui", "Nội dung {n}").format(n=n))

    def add_task(self, task: mt.TaskInput | None = None) -> TaskRow:
        row = TaskRow(self.names(), task, self)
        self.tasks.append(row)
        self._task_box.addWidget(row)
        return row

    def remove_task(self, row: TaskRow) -> None:
        drop(self.tasks, row)

    def add_vote(self, vote: mt.VoteInput | None = None) -> VoteRow:
        row = VoteRow(vote, self)
        if vote is None:
            row.votes_for.setValue(self.official_counts()[1])
        row.changed.connect(self._update_votes)
        self.votes.append(row)
        self._vote_box.addWidget(row)
        self._update_votes()
        return row

    def remove_vote(self, row: VoteRow) -> None:
        drop(self.votes, row)

    def add_guest(self, guest: mt.Guest | None = None) -> GuestRow:
        row = GuestRow(guest, self)
        self.guests.append(row)
        self._guest_box.addWidget(row)
        return row

    def remove_guest(self, row: GuestRow) -> None:
        drop(self.guests, row)

    # -- filling

    def populate(self, cmd: mt.MeetingInput, *, keep_dates: bool) -> None:
        self.kind.setCurrentIndex(max(0, self.kind.findData(cmd.kind)))
        if not keep_dates:
            self.month.setText(month_text(cmd.month))
            self.held_date.set_date(cmd.held_date)
            self.planned_date.set_date(cmd.planned_date)
        self.start_time.setText(cmd.start_time)
        self.end_time.setText(cmd.end_time)
        self.place.setText(cmd.place)
        self.thematic_topic.setText(cmd.thematic_topic)
        self.thematic_presenter.setText(cmd.thematic_presenter)
        self.combined.setChecked(cmd.combined_thematic)
        self.quality_score.setText("" if cmd.quality_score is None else str(cmd.quality_score))
        self.quality_rating.setCurrentIndex(max(0, self.quality_rating.findData(cmd.quality_rating)))
        self.prep_committee_met.setChecked(cmd.prep_committee_met)
        self.prep_members_notified.setChecked(cmd.prep_members_notified)
        self.read_back.setChecked(cmd.read_back)
        self.conclusion.setPlainText(cmd.conclusion)
        self.note.setText(cmd.note)
        for row in list(self.guests):
            self.remove_guest(row)
        for guest in cmd.guests:
            self.add_guest(guest)
        self.reload_roster(cmd.attendance, force=True)
        select_member(self.chair, cmd.chair_member_id, cmd.chair_name)
        select_member(self.secretary, cmd.secretary_member_id, cmd.secretary_name)
        for box in list(self.agenda_items):
            self.remove_item(box)
        for item in cmd.agenda:
            self.add_item(item)
        if not self.agenda_items:
            self.add_item()
        for task_row in list(self.tasks):
            self.remove_task(task_row)
        for task in cmd.tasks:
            self.add_task(task)
        for vote_row in list(self.votes):
            self.remove_vote(vote_row)
        for vote in cmd.votes:
            self.add_vote(vote)
        self._update_thematic()
        self._update_duration()
        self._update_rating()

    def roster_date(self) -> date:
        try:
            held = self.held_date.date("held_date")
            planned = self.planned_date.date("planned_date")
        except ValidationError:
            held = planned = None
        if held or planned:
            return held or planned  # type: ignore[return-value]
        month = month_from_text(self.month.text())
        try:
            return date(int(month[:4]), int(month[5:]), 1)
        except ValueError:
            return today()

    def reload_roster(self, status: dict[str, tuple[str, str]] | None = None, *, force: bool = False) -> None:
        """The members of the cell on the meeting day; the marks already made are kept."""
        on = self.roster_date()
        if on == self._roster_date and not force:
            return
        keep = status if status is not None else self.attendance.exceptions()
        with read_session(self.ctx.db, self.ctx.actor) as session:
            self._roster = mt.roster(session, self.cell_id, on)
        self._roster_date = on
        self.attendance.set_entries(self._roster, keep)
        roster_names = self.roster_names()
        set_names(self.chair, roster_names)
        set_names(self.secretary, roster_names)
        apart = [e for e in self._roster if e.activity in ("exempted", "away")]
        if apart:
            self.not_counted.setText(
                translate(
                    "meetings_ui", "Miễn sinh hoạt, đi làm ăn xa (không tính vào số phải dự): {names}."
                ).format(names="; ".join(f"{e.name} ({label(mt.ATTENDANCE, e.activity)})" for e in apart))
            )
        else:
            self.not_counted.setText(
                translate("meetings_ui", "Không có đảng viên miễn sinh hoạt hoặc đi làm ăn xa.")
            )
        self.attendance_view.resizeColumnsToContents()

    def official_counts(self) -> tuple[int, int]:
        """(official members of the cell, official members present)."""
        official = [e for e in self._roster if e.membership == "official"]
        present = {e.member_id for e in self.attendance.present()}
        return len(official), sum(1 for e in official if e.member_id in present)

    def _attendance_changed(self) -> None:
        expected, present, excused, unexcused = self.attendance.counts()
        rate = f"{present / expected * 100:.1f}".replace(".", ",") if expected else "–"
        text = translate(
            "meetings_ui",
            "Phải dự: {expected} • Có mặt: {present} ({rate}%) • Vắng có lý do: {excused} • "
            "Vắng không lý do: {unexcused}",
        ).format(expected=expected, present=present, rate=rate, excused=excused, unexcused=unexcused)
        self.attendance_summary.setText(text)
        names = self.names()
        for box in self.agenda_items:
            box.set_names(names)
        for row in self.tasks:
            set_names(row.assignee, names)
        self._update_votes()

    def _update_votes(self) -> None:
        total, present = self.official_counts()
        for row in self.votes:
            row.show_outcome(total, present)

    def _update_thematic(self) -> None:
        on = self.kind.currentData() == "thematic" or self.combined.isChecked()
        self.thematic_topic.setEnabled(on)
        self.thematic_presenter.setEnabled(on)
        self.combined.setEnabled(self.kind.currentData() == "regular")

    def _update_duration(self) -> None:
        minutes = mt.duration_minutes(
            time_from_text(self.start_time.text()), time_from_text(self.end_time.text())
        )
        self.duration.setText(
            translate("meetings_ui", "({n} phút)").format(n=minutes) if minutes is not None else ""
        )

    def _update_rating(self) -> None:
        try:
            score = self.quality_score.value("quality_score")
        except ValidationError:
            score = None
        self.quality_rating.setEnabled(score is None)
        if score is None:
            return
        t = self._thresholds
        key = (
            "tot"
            if score >= t["tot"]
            else "kha"
            if score >= t["kha"]
            else "trung_binh"
            if score >= t["trung_binh"]
            else "kem"
        )
        self.quality_rating.setCurrentIndex(self.quality_rating.findData(key))

    # -- actions

    def copy_previous(self) -> None:
        month = month_from_text(self.month.text())
        try:
            held = self.held_date.date("held_date")
        except ValidationError:
            held = None
        with read_session(self.ctx.db, self.ctx.actor) as session:
            previous = mt.last_meeting(session, self.cell_id, month)
            cmd = mt.copy_structure(session, previous, month, held) if previous else None
        if cmd is None:
            show_info(
                self,
                translate("meetings_ui", "Sao chép từ tháng trước"),
                translate("meetings_ui", "Chi bộ chưa có buổi sinh hoạt nào trước tháng {month}.").format(
                    month=month_text(month)
                ),
            )
            return
        self.populate(cmd, keep_dates=True)

    def command(self) -> mt.MeetingInput:
        errors: dict[str, str] = {}
        held = collect(errors, "held_date", lambda: self.held_date.date("held_date"))
        planned = collect(errors, "held_date", lambda: self.planned_date.date("planned_date"))
        score = collect(errors, "quality_score", lambda: self.quality_score.value("quality_score"))
        tasks = []
        for row in self.tasks:
            due = collect(errors, "tasks", row.due_date)
            if row.text.text().strip():
                tasks.append(mt.TaskInput(row.text.text(), picked(row.assignee)[0], due))
        if errors:
            raise ValidationError.many(errors)
        if held is not None and self._roster_date != held:
            self.reload_roster()
        chair, chair_id = picked(self.chair)
        secretary, secretary_id = picked(self.secretary)
        return mt.MeetingInput(
            cell_id=self.cell_id,
            kind=str(self.kind.currentData()),
            month=month_from_text(self.month.text()),
            held_date=held,
            planned_date=planned or held,
            start_time=time_from_text(self.start_time.text()),
            end_time=time_from_text(self.end_time.text()),
            place=self.place.text(),
            chair_member_id=chair_id,
            chair_name=chair,
            secretary_member_id=secretary_id,
            secretary_name=secretary,
            guests=tuple(g.value() for g in self.guests),
            attendance=self.attendance.exceptions() if held is not None else {},
            agenda=tuple(box.value() for box in self.agenda_items if not box.is_empty()),
            tasks=tuple(tasks),
            votes=tuple(row.value() for row in self.votes),
            thematic_topic=self.thematic_topic.text() if self.thematic_topic.isEnabled() else "",
            thematic_presenter=self.thematic_presenter.text() if self.thematic_presenter.isEnabled() else "",
            combined_thematic=self.combined.isChecked() and self.kind.currentData() == "regular",
            conclusion=self.conclusion.toPlainText(),
            quality_score=score,
            quality_rating=str(self.quality_rating.currentData() or ""),
            prep_committee_met=self.prep_committee_met.isChecked(),
            prep_members_notified=self.prep_members_notified.isChecked(),
            read_back=self.read_back.isChecked(),
            note=self.note.text(),
        )

    def submit(self) -> mt.SavedMeeting:
        cmd = self.command()
        with unit_of_work(self.ctx.db, self.ctx.actor) as session:
            saved = mt.save_meeting(session, cmd, self.meeting_id, self._revision)
        self.warnings = saved.warnings
        return saved

    def save(self) -> None:
        """Save as FormDialog does; when errors are shown, bring forward the tab of the first one."""
        super().save()
        tabs = [tab for field, tab in self._field_tab.items() if self.errors.text(field)]
        if tabs:
            self.tabs.setCurrentIndex(min(tabs))

    @classmethod
    def ask(
        cls,
        ctx: AppContext,
        cell_id: str,
        month: str,
        meeting_id: str | None = None,
        parent: QWidget | None = None,
    ) -> mt.SavedMeeting | None:
        """Returns what was saved (its warnings to show), or None when cancelled."""
        return cls(ctx, cell_id, month, meeting_id, parent).run()


def warnings_text(saved: mt.SavedMeeting) -> str:
    number = f"{saved.number:02d}" if saved.number is not None else ""
    lines = [
        translate("meetings_ui", "Đã lưu biên bản số {n}.").format(n=number)
        if number
        else translate("meetings_ui", "Đã lưu buổi sinh hoạt dự kiến.")
    ]
    if saved.warnings:
        lines.append("")
        lines.append(translate("meetings_ui", "Lưu ý theo quy định:"))
        lines.extend(f"- {w}" for w in saved.warnings)
    return "\n".join(lines)


def describe(view: mt.MeetingView) -> str:
    return f"{label(mt.KINDS, view.kind)} {format_date(view.held_date or view.planned_date)}"
