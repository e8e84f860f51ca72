"""Table models of the Members page.

`MemberTableModel` is a model over an id list (Anki's browser table): the ids come from
`register.member_ids` with the database doing the filtering and sorting, and the display rows are
fetched lazily, one page at a time, through `register.member_rows`, then cached. Opening a register
of 100,000 members therefore costs one id query, not 100,000 row objects."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from models.dates import format_date
from models.db import read_session
from models.entities import AuditEntry, Member
from models.i18n import QT_TRANSLATE_NOOP
from models.security import Permission, require
from models.services import membership as ms
from models.services import register as rg
from ui.context import AppContext
from ui.i18n import translate
from ui.table import ID_ROLE

Index = QModelIndex | QPersistentModelIndex
PAGE_SIZE = 200
CACHE_PAGES = 50  # at most 10,000 cached rows; older pages are dropped
ROW_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


def vi_number(value: int) -> str:
    """1209 → "1.209" (Vietnamese thousands separator)."""
    return f"{value:,}".replace(",", ".")


def sex_label(code: str) -> str:
    return translate("members_ui", "Nữ") if code == "F" else translate("members_ui", "Nam")


def status_label(code: str) -> str:
    return translate("membership", ms.STATUS_LABELS.get(code, code))


@dataclass(frozen=True)
class MemberColumn:
    header: str
    sort: str  # a key of register.SORT_COLUMNS
    text: Callable[[rg.MemberRow], str]


def member_columns() -> list[MemberColumn]:
    return [
        MemberColumn(translate("members_ui", "Họ và tên"), "name", lambda r: r.name),
        MemberColumn(translate("members_ui", "Giới tính"), "sex", lambda r: sex_label(r.sex)),
        MemberColumn(
            translate("members_ui", "Ngày sinh"), "date_of_birth", lambda r: format_date(r.date_of_birth)
        ),
        MemberColumn(translate("members_ui", "Dân tộc"), "ethnicity", lambda r: r.ethnicity),
        MemberColumn(translate("members_ui", "Chi bộ"), "cell", lambda r: r.cell_name),
        MemberColumn(translate("members_ui", "Trạng thái"), "status", lambda r: status_label(r.status)),
        MemberColumn(
            translate("members_ui", "Ngày vào Đảng"),
            "admission_date",
            lambda r: format_date(r.admission_date),
        ),
        MemberColumn(
            translate("members_ui", "Ngày chính thức"),
            "official_date",
            lambda r: format_date(r.official_date),
        ),
        MemberColumn(translate("members_ui", "Số thẻ"), "card", lambda r: r.party_card_no),
    ]


class MemberTableModel(QAbstractTableModel):
    """Rows are member ids; `data()` builds a row from a lazily fetched, cached page."""

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._columns = member_columns()
        self._ids: list[str] = []
        self._cache: dict[str, rg.MemberRow] = {}
        self._pages: list[int] = []  # loaded page numbers, oldest first
        self._filter = rg.RegisterFilter()
        self._sort_column = 0
        self._descending = False
        self.fetches = 0  # page fetches since the last reset (for tests and the benchmark)
        self._loaded = False  # no id query before the first filter is set

    # -- data in

    @property
    def filter(self) -> rg.RegisterFilter:
        return self._filter

    def set_filter(self, flt: rg.RegisterFilter) -> None:
        self._filter = flt
        self.reload()

    def reload(self) -> None:
        """Ask the database for the ids again (after a filter change or a write)."""
        with read_session(self._ctx.db, self._ctx.actor) as session:
            ids = rg.member_ids(session, self._filter, *self.sort_order())
        self.set_ids(ids)

    def sort_order(self) -> tuple[str, bool]:
        """The allow-listed sort key and direction the ids are in."""
        return self._columns[self._sort_column].sort, self._descending

    def set_ids(self, ids: list[str], flt: rg.RegisterFilter | None = None) -> None:
        """Show `ids` (queried elsewhere, e.g. off the GUI thread, for `flt` in `sort_order()`)."""
        if flt is not None:
            self._filter = flt
        self.beginResetModel()
        self._loaded = True
        self._ids = ids
        self._cache.clear()
        self._pages.clear()
        self.fetches = 0
        self.endResetModel()

    def ids(self) -> list[str]:
        return list(self._ids)

    def id_at(self, row: int) -> str:
        return self._ids[row]

    def row_of_id(self, member_id: str) -> int:
        try:
            return self._ids.index(member_id)
        except ValueError:
            return -1

    def row_at(self, row: int) -> rg.MemberRow:
        member_id = self._ids[row]
        cached = self._cache.get(member_id)
        if cached is not None:
            return cached
        self._fetch_page(row // PAGE_SIZE)
        return self._cache[member_id]

    def _fetch_page(self, page: int) -> None:
        chunk = self._ids[page * PAGE_SIZE : (page + 1) * PAGE_SIZE]
        with read_session(self._ctx.db, self._ctx.actor) as session:
            rows = rg.member_rows(session, chunk)
        self.fetches += 1
        if len(self._pages) >= CACHE_PAGES:
            old = self._pages.pop(0)
            for member_id in self._ids[old * PAGE_SIZE : (old + 1) * PAGE_SIZE]:
                self._cache.pop(member_id, None)
        self._pages.append(page)
        self._cache.update(rows)
        for member_id in chunk:  # a member deleted meanwhile still needs a row
            if member_id not in self._cache:
                self._cache[member_id] = rg.MemberRow(
                    member_id, "", "", date.min, "", "", "", None, None, "", "", False
                )

    # -- Qt API

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        if not 0 <= index.column() < len(self._columns):
            return None
        if role == ID_ROLE:
            return self._ids[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._columns[index.column()].text(self.row_at(index.row()))
        if role == Qt.ItemDataRole.ForegroundRole and not self.row_at(index.row()).counted:
            return QBrush(QColor(110, 110, 110))
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._columns[section].header
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        return ROW_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorting is a new id query with an allow-listed sort key; selections follow their ids."""
        if not 0 <= column < len(self._columns):
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if self._loaded and (column, descending) == (self._sort_column, self._descending):
            return
        self._sort_column, self._descending = column, descending
        if not self._loaded:
            return
        with read_session(self._ctx.db, self._ctx.actor) as session:
            ids = rg.member_ids(session, self._filter, self._columns[column].sort, self._descending)
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        keys = [
            (self._ids[i.row()] if 0 <= i.row() < len(self._ids) else None, i.column()) for i in persistent
        ]
        self._ids = ids
        self._cache.clear()
        self._pages.clear()
        positions = {member_id: n for n, member_id in enumerate(ids)}
        self.changePersistentIndexList(
            persistent,
            [
                self.index(positions[mid], col) if mid is not None and mid in positions else QModelIndex()
                for mid, col in keys
            ],
        )
        self.layoutChanged.emit()


# ---------------------------------------------------------------- the audit trail of one member


@dataclass(frozen=True)
class AuditLine:
    at: datetime
    actor: str
    action: str
    fields: str


AUDIT_ACTIONS = {
    "member.update": QT_TRANSLATE_NOOP("members_ui", "Sửa hồ sơ"),
    "member.photo": QT_TRANSLATE_NOOP("members_ui", "Đổi ảnh"),
    "member.admitted": QT_TRANSLATE_NOOP("members_ui", "Kết nạp"),
    "member.transfer_in": QT_TRANSLATE_NOOP("members_ui", "Chuyển đến"),
    "member.event_voided": QT_TRANSLATE_NOOP("members_ui", "Hủy sự kiện nhập nhầm"),
}


def audit_action_label(action: str) -> str:
    if action in AUDIT_ACTIONS:
        return translate("members_ui", AUDIT_ACTIONS[action])
    kind = action.removeprefix("member.")
    if kind in ms.EVENT_LABELS:
        return translate("membership", ms.EVENT_LABELS[kind])
    return action


def member_audit(session: Any, member_id: str, limit: int = 200) -> list[AuditLine]:
    """Who changed this member's record, when, and which fields (values are only kept as digests).
    A read the audit module does not offer per record yet; kept here until it does."""
    require(session, Permission.VIEW_REGISTER)
    entries: Sequence[AuditEntry] = (
        session.query(AuditEntry)
        .filter(AuditEntry.entity == "member", AuditEntry.record_id == member_id)
        .order_by(AuditEntry.id.desc())
        .limit(limit)
        .all()
    )
    return [AuditLine(e.at, e.actor, e.action, e.fields or "") for e in entries]


def member_photo(session: Any, member_id: str) -> bytes | None:
    """The stored 3×4 photo (a deferred column the member read model does not carry)."""
    require(session, Permission.VIEW_REGISTER)
    member = session.get(Member, member_id)
    photo = None if member is None or member.deleted else member.photo
    return bytes(photo) if photo else None
