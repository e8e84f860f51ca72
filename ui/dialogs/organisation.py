"""Dialogs of the Organisation page: villages, cells, positions, committee assignments, upper levels.
Each write is one `unit_of_work`; each `ask(...)` returns the result or None when cancelled."""

from __future__ import annotations

from datetime import date
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.dates import today
from models.db import read_session, unit_of_work
from models.errors import ValidationError
from models.services import organisation as org
from ui.context import AppContext
from ui.dialogs.base import FormDialog
from ui.i18n import translate
from ui.widgets import DateEdit, IntEdit, MemberPicker, collect

T = TypeVar("T")


def kind_combo(labels: dict[str, str], current: str | None) -> QComboBox:
    combo = QComboBox()
    for key, label in labels.items():
        combo.addItem(translate("organisation", label), key)
    if current is not None:
        combo.setCurrentIndex(max(0, combo.findData(current)))
    return combo


def required_date(errors: dict[str, str], field: str, edit: DateEdit) -> date | None:
    value = collect(errors, field, lambda: edit.date(field))
    if value is None and field not in errors:
        errors[field] = translate("organisation_ui", "Hãy nhập ngày, ví dụ 03/02/2026.")
    return value  # type: ignore[no-any-return]


# ---------------------------------------------------------------- villages


class VillageDialog(FormDialog[str]):
    def __init__(
        self, ctx: AppContext, village: org.VillageView | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            ctx,
            translate("organisation_ui", "Thêm bản")
            if village is None
            else translate("organisation_ui", "Sửa bản"),
            parent,
        )
        self._village = village
        self.name = QLineEdit(village.name if village else "")
        self.name.setPlaceholderText(translate("organisation_ui", "ví dụ: Bản Na Hát"))
        self.kind = kind_combo(org.VILLAGE_KINDS, village.kind if village else "ban")
        self.households = IntEdit(village.households if village else None)
        self.population = IntEdit(village.population if village else None)
        self.valid_from = DateEdit(village.valid_from if village else None)
        self.add_field(translate("organisation_ui", "Tên:"), "name", self.name)
        self.add_field(translate("organisation_ui", "Loại:"), "kind", self.kind)
        self.add_field(translate("organisation_ui", "Số hộ:"), "households", self.households)
        self.add_field(translate("organisation_ui", "Số nhân khẩu:"), "population", self.population)
        self.add_field(translate("organisation_ui", "Thành lập từ ngày:"), "valid_from", self.valid_from)

    def submit(self) -> str:
        errors: dict[str, str] = {}
        households = collect(errors, "households", lambda: self.households.value("households"))
        population = collect(errors, "population", lambda: self.population.value("population"))
        valid_from = collect(errors, "valid_from", lambda: self.valid_from.date("valid_from"))
        if errors:
            raise ValidationError.many(errors)
        cmd = org.VillageInput(
            name=self.name.text(),
            kind=str(self.kind.currentData()),
            households=households,
            population=population,
            valid_from=valid_from,
        )
        with unit_of_work(self.ctx.db, self.ctx.actor) as session:
            if self._village is None:
                return org.add_village(session, cmd)
            org.update_village(session, self._village.id, cmd, self._village.revision)
            return self._village.id

    @classmethod
    def ask(
        cls, ctx: AppContext, village: org.VillageView | None = None, parent: QWidget | None = None
    ) -> str | None:
        return cls(ctx, village, parent).run()


class _SuccessorDialog(FormDialog[T]):
    """A record ends on a date, optionally merged into a successor chosen from `options` (id, name)."""

    def __init__(
        self,
        ctx: AppContext,
        title: str,
        intro: str,
        successor_label: str,
        options: list[tuple[str, str]],
        parent: QWidget | None,
    ) -> None:
        super().__init__(ctx, title, parent)
        self.set_intro(intro)
        self.valid_to = DateEdit(today())
        self.successor = QComboBox()
        self.successor.addItem(translate("organisation_ui", "— Không (giải thể) —"), None)
        for option_id, name in options:
            self.successor.addItem(name, option_id)
        self.add_field(translate("organisation_ui", "Từ ngày:"), "valid_to", self.valid_to)
        self.add_field(successor_label, "successor_id", self.successor)

    def chosen(self) -> tuple[date, str | None]:
        errors: dict[str, str] = {}
        valid_to = required_date(errors, "valid_to", self.valid_to)
        if errors or valid_to is None:
            raise ValidationError.many(errors)
        successor = self.successor.currentData()
        return valid_to, successor if isinstance(successor, str) else None


class CloseVillageDialog(_SuccessorDialog[str]):
    """A village ends: merged into another (its successor) or dissolved."""

    def __init__(self, ctx: AppContext, village: org.VillageView, parent: QWidget | None = None) -> None:
        with read_session(ctx.db, ctx.actor) as session:
            others = [
                (v.id, v.name) for v in org.list_villages(session, include_closed=False) if v.id != village.id
            ]
        super().__init__(
            ctx,
            translate("organisation_ui", "Ngừng bản / sáp nhập"),
            translate(
                "organisation_ui",
                "Bản “{name}” ngừng từ ngày dưới đây. Nếu sáp nhập, hãy chọn bản tiếp nhận.",
            ).format(name=village.name),
            translate("organisation_ui", "Sáp nhập vào bản:"),
            others,
            parent,
        )
        self._village = village

    def submit(self) -> str:
        valid_to, successor = self.chosen()
        with unit_of_work(self.ctx.db, self.ctx.actor) as session:
            org.close_village(session, self._village.id, valid_to, successor)
        return self._village.id

    @classmethod
    def ask(cls, ctx: AppContext, village: org.VillageView, parent: QWidget | None = None) -> str | None:
        return cls(ctx, village, parent).run()


# ---------------------------------------------------------------- cells


class VillageChecklist(QWidget):
    """Active villages as a checklist with a filter box (a cell may cover several villages)."""

    def __init__(self, villages: list[org.VillageView], checked: tuple[str, ...]) -> None:
        super().__init__()
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(translate("organisation_ui", "Lọc theo tên bản…"))
        self.filter.setClearButtonEnabled(True)
        self.list = QListWidget()
        self.list.setMinimumHeight(140)
        for village in villages:
            item = QListWidgetItem(village.name)
            item.setData(Qt.ItemDataRole.UserRole, village.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if village.id in checked else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter)
        layout.addWidget(self.list)
        self.filter.textChanged.connect(self._filter)

    def _filter(self, text: str) -> None:
        from models.text import fold

        words = fold(text).split()
        for row in range(self.list.count()):
            item = self.list.item(row)
            key = fold(item.text())
            item.setHidden(not all(w in key for w in words))

    def set_checked(self, village_id: str, checked: bool = True) -> None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == village_id:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def checked_ids(self) -> tuple[str, ...]:
        out: list[str] = []
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(str(item.data(Qt.ItemDataRole.UserRole)))
        return tuple(out)


class CellDialog(FormDialog[str]):
    def __init__(self, ctx: AppContext, cell: org.CellView | None, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx,
            translate("organisation_ui", "Thêm chi bộ")
            if cell is None
            else translate("organisation_ui", "Sửa chi bộ"),
            parent,
        )
        self._cell = cell
        with read_session(ctx.db, ctx.actor) as session:
            villages = org.list_villages(session, include_closed=False)
        self.name = QLineEdit(cell.name if cell else "")
        self.name.setPlaceholderText(translate("organisation_ui", "ví dụ: Chi bộ bản Na Hát"))
        self.kind = kind_combo(org.CELL_KINDS, cell.kind if cell else "village")
        self.villages = VillageChecklist(villages, cell.village_ids if cell else ())
        self.has_committee = QCheckBox(translate("organisation_ui", "Có chi ủy"))
        self.has_committee.setChecked(bool(cell and cell.has_committee))
        self.symbol = QLineEdit(cell.symbol if cell else "CB")
        self.symbol.setMaximumWidth(120)
        self.valid_from = DateEdit(cell.valid_from if cell else None)
        self.term_start = DateEdit(cell.term_start if cell else None)
        self.term_end = DateEdit(cell.term_end if cell else None)
        self.congress_date = DateEdit(cell.congress_date if cell else None)
        self.add_field(translate("organisation_ui", "Tên chi bộ:"), "name", self.name)
        self.add_field(translate("organisation_ui", "Loại:"), "kind", self.kind)
        self.add_field(translate("organisation_ui", "Các bản phụ trách:"), "village_ids", self.villages)
        self.add_field("", "has_committee", self.has_committee)
        self.add_field(translate("organisation_ui", "Ký hiệu văn bản:"), "symbol", self.symbol)
        self.add_field(translate("organisation_ui", "Thành lập từ ngày:"), "valid_from", self.valid_from)
        self.add_field(translate("organisation_ui", "Nhiệm kỳ từ ngày:"), "term_start", self.term_start)
        self.add_field(translate("organisation_ui", "đến ngày:"), "term_end", self.term_end)
        self.add_field(translate("organisation_ui", "Ngày đại hội:"), "congress_date", self.congress_date)

    def submit(self) -> str:
        errors: dict[str, str] = {}
        dates: dict[str, date | None] = {}
        for field, edit in (
            ("valid_from", self.valid_from),
            ("term_start", self.term_start),
            ("term_end", self.term_end),
            ("congress_date", self.congress_date),
        ):
            try:
                dates[field] = edit.date(field)
            except ValidationError as exc:
                errors[field] = exc.text()
        if errors:
            raise ValidationError.many(errors)
        cmd = org.CellInput(
            name=self.name.text(),
            kind=str(self.kind.currentData()),
            village_ids=self.villages.checked_ids(),
            has_committee=self.has_committee.isChecked(),
            symbol=self.symbol.text(),
            **dates,
        )
        with unit_of_work(self.ctx.db, self.ctx.actor) as session:
            if self._cell is None:
                return org.add_cell(session, cmd)
            org.update_cell(session, self._cell.id, cmd, self._cell.revision)
            return self._cell.id

    @classmethod
    def ask(
        cls, ctx: AppContext, cell: org.CellView | None = None, parent: QWidget | None = None
    ) -> str | None:
        return cls(ctx, cell, parent).run()


class CloseCellDialog(_SuccessorDialog[int]):
    """A cell is merged into another (its members move there) or dissolved (only when empty).
    The result is the number of members moved."""

    def __init__(self, ctx: AppContext, cell: org.CellView, parent: QWidget | None = None) -> None:
        with read_session(ctx.db, ctx.actor) as session:
            others = [
                (c.id, c.name) for c in org.list_cells(session, include_closed=False) if c.id != cell.id
            ]
        super().__init__(
            ctx,
            translate("organisation_ui", "Sáp nhập / giải thể chi bộ"),
            translate(
                "organisation_ui",
                "“{name}” có {count} đảng viên. Khi sáp nhập, đảng viên và các bản phụ trách được chuyển "
                "sang chi bộ tiếp nhận; chức vụ và phân công phụ trách của chi bộ cũ kết thúc.",
            ).format(name=cell.name, count=cell.member_count),
            translate("organisation_ui", "Sáp nhập vào chi bộ:"),
            others,
            parent,
        )
        self._cell = cell
        if cell.member_count and others:
            self.successor.setCurrentIndex(1)

    def submit(self) -> int:
        valid_to, successor = self.chosen()
        with unit_of_work(self.ctx.db, self.ctx.actor) as session:
            return org.close_cell(session, self._cell.id, valid_to, successor)

    @classmethod
    def ask(cls, ctx: AppContext, cell: org.CellView, parent: QWidget | None = None) -> int | None:
        return cls(ctx, cell, parent).run()


# ---------------------------------------------------------------- positions and assignments


class PositionDialog(FormDialog[str]):
    """Assign a post: in a cell (secretary, deputy, chi ủy member) or in the commune committee."""

    def __init__(self, ctx: AppContext, cell_id: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(ctx, translate("organisation_ui", "Giao chức vụ"), parent)
        self.setMinimumWidth(600)
        self.role = kind_combo(org.POSITION_ROLES, "secretary")
        self.cell = QComboBox()
        with read_session(ctx.db, ctx.actor) as session:
            cells = org.list_cells(session, include_closed=False)
        for cell in cells:
            self.cell.addItem(cell.name, cell.id)
        if cell_id is not None:
            self.cell.setCurrentIndex(max(0, self.cell.findData(cell_id)))
        self.member = MemberPicker(ctx)
        self.start_date = DateEdit(today())
        self.is_village_head = QCheckBox(
            translate("organisation_ui", "Bí thư kiêm trưởng bản (tiểu khu trưởng, tổ trưởng)")
        )
        self.is_council_chair = QCheckBox(translate("organisation_ui", "Bí thư kiêm Chủ tịch HĐND"))
        self.is_committee_chair = QCheckBox(translate("organisation_ui", "Kiêm Chủ tịch UBND"))
        self.is_non_local = QCheckBox(translate("organisation_ui", "Không phải người địa phương"))
        self.note = QLineEdit()
        flags = QWidget()
        flags_layout = QVBoxLayout(flags)
        flags_layout.setContentsMargins(0, 0, 0, 0)
        for box in (self.is_village_head, self.is_council_chair, self.is_committee_chair, self.is_non_local):
            flags_layout.addWidget(box)
        self.add_field(translate("organisation_ui", "Chức vụ:"), "role", self.role)
        self.add_field(translate("organisation_ui", "Chi bộ:"), "cell_id", self.cell)
        self.add_field(translate("organisation_ui", "Đảng viên:"), "member_id", self.member)
        self.add_field(translate("organisation_ui", "Từ ngày:"), "start_date", self.start_date)
        self.add_field(translate("organisation_ui", "Kiêm nhiệm:"), "is_village_head", flags)
        self.add_field(translate("organisation_ui", "Ghi chú:"), "note", self.note)
        self.role.currentIndexChanged.connect(self._role_changed)
        self.cell.currentIndexChanged.connect(self._role_changed)
        self._role_changed()

    def is_cell_role(self) -> bool:
        return str(self.role.currentData()) in org.CELL_ROLES

    def _role_changed(self) -> None:
        cell_role = self.is_cell_role()
        role = str(self.role.currentData())
        self.cell.setEnabled(cell_role)
        self.is_village_head.setVisible(role == "secretary")
        self.is_council_chair.setVisible(role == "commune_secretary")
        self.is_committee_chair.setVisible(not cell_role)
        self.is_non_local.setVisible(not cell_role)
        cell_id = self.cell.currentData() if cell_role else None
        self.member.set_cell(cell_id if isinstance(cell_id, str) else None)

    def submit(self) -> str:
        errors: dict[str, str] = {}
        start = required_date(errors, "start_date", self.start_date)
        member_id = self.member.member_id()
        if member_id is None:
            errors["member_id"] = translate(
                "organisation_ui", "Hãy tìm và chọn một đảng viên trong danh sách."
            )
        cell_role = self.is_cell_role()
        cell_id = self.cell.currentData() if cell_role else None
        if cell_role and not isinstance(cell_id, str):
            errors["cell_id"] = translate("organisation_ui", "Hãy chọn chi bộ.")
        if errors or start is None or member_id is None:
            raise ValidationError.many(errors)
        role = str(self.role.currentData())
        cmd = org.PositionInput(
            member_id=member_id,
            role=role,
            start_date=start,
            cell_id=cell_id if isinstance(cell_id, str) else None,
            is_village_head=self.is_village_head.isChecked() and role == "secretary",
            is_council_chair=self.is_council_chair.isChecked() and role == "commune_secretary",
            is_committee_chair=self.is_committee_chair.isChecked() and not cell_role,
            is_non_local=self.is_non_local.isChecked() and not cell_role,
            note=self.note.text(),
        )
        with unit_of_work(self.ctx.db, self.ctx.actor) as session:
            return org.assign_position(session, cmd)

    @classmethod
    def ask(cls, ctx: AppContext, cell_id: str | None = None, parent: QWidget | None = None) -> str | None:
        return cls(ctx, cell_id, parent).run()


class EndPositionDialog(FormDialog[str]):
    def __init__(self, ctx: AppContext, position: org.PositionView, parent: QWidget | None = None) -> None:
        super().__init__(ctx, translate("organisation_ui", "Thôi giữ chức vụ"), parent)
        self._position = position
        role = translate("organisation", org.POSITION_ROLES.get(position.role, position.role))
        where = position.cell_name or translate("organisation_ui", "Đảng ủy")
        self.set_intro(
            translate("organisation_ui", "{name} thôi giữ chức {role} ({where}).").format(
                name=position.member_name, role=role, where=where
            )
        )
        self.end_date = DateEdit(today())
        self.add_field(translate("organisation_ui", "Từ ngày:"), "end_date", self.end_date)

    def submit(self) -> str:
        errors: dict[str, str] = {}
        end = required_date(errors, "end_date", self.end_date)
        if errors or end is None:
            raise ValidationError.many(errors)
        with unit_of_work(self.ctx.db, self.ctx.actor) as session:
            org.end_position(session, self._position.id, end)
        return self._position.id

    @classmethod
    def ask(cls, ctx: AppContext, position: org.PositionView, parent: QWidget | None = None) -> str | None:
        return cls(ctx, position, parent).run()


class AssignmentDialog(FormDialog[str]):
    """A commune committee member follows a cell (the previous assignee's term ends that day)."""

    def __init__(self, ctx: AppContext, cell_id: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(ctx, translate("organisation_ui", "Phân công phụ trách chi bộ"), parent)
        self.setMinimumWidth(600)
        with read_session(ctx.db, ctx.actor) as session:
            cells = org.list_cells(session, include_closed=False)
            committee = {p.member_id for p in org.list_positions(session) if p.cell_id is None}
        self.cell = QComboBox()
        for cell in cells:
            self.cell.addItem(cell.name, cell.id)
        if cell_id is not None:
            self.cell.setCurrentIndex(max(0, self.cell.findData(cell_id)))
        self.member = MemberPicker(ctx)
        self.member.set_allowed(committee)
        self.start_date = DateEdit(today())
        self.set_intro(
            translate(
                "organisation_ui",
                "Chỉ đảng ủy viên (đã ghi ở thẻ Chức vụ) mới được phân công phụ trách chi bộ.",
            )
        )
        self.add_field(translate("organisation_ui", "Chi bộ:"), "cell_id", self.cell)
        self.add_field(translate("organisation_ui", "Đảng ủy viên:"), "member_id", self.member)
        self.add_field(translate("organisation_ui", "Từ ngày:"), "start_date", self.start_date)

    def submit(self) -> str:
        errors: dict[str, str] = {}
        start = required_date(errors, "start_date", self.start_date)
        member_id = self.member.member_id()
        cell_id = self.cell.currentData()
        if member_id is None:
            errors["member_id"] = translate("organisation_ui", "Hãy chọn một đảng ủy viên trong danh sách.")
        if not isinstance(cell_id, str):
            errors["cell_id"] = translate("organisation_ui", "Hãy chọn chi bộ.")
        if errors or start is None or member_id is None or not isinstance(cell_id, str):
            raise ValidationError.many(errors)
        with unit_of_work(self.ctx.db, self.ctx.actor) as session:
            return org.assign_committee_member(session, cell_id, member_id, start)

    @classmethod
    def ask(cls, ctx: AppContext, cell_id: str | None = None, parent: QWidget | None = None) -> str | None:
        return cls(ctx, cell_id, parent).run()


class UpperLevelDialog(FormDialog[str]):
    """A historic upper level, e.g. the district committee before 1/7/2025."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, translate("organisation_ui", "Thêm cấp trên trước đây"), parent)
        self.set_intro(
            translate(
                "organisation_ui",
                "Dùng cho văn bản của thời gian trước, ví dụ Huyện ủy Sốp Cộp (dòng tiêu đề "
                "“ĐẢNG BỘ HUYỆN SỐP CỘP”) đến 30/6/2025.",
            )
        )
        self.name = QLineEdit()
        self.symbol = QLineEdit("HU")
        self.symbol.setMaximumWidth(120)
        self.header_line = QLineEdit()
        self.board = QLineEdit()
        self.valid_from = DateEdit()
        self.valid_to = DateEdit(date(2025, 6, 30))
        self.add_field(translate("organisation_ui", "Cấp ủy cấp trên:"), "name", self.name)
        self.add_field(translate("organisation_ui", "Ký hiệu:"), "symbol", self.symbol)
        self.add_field(translate("organisation_ui", "Dòng tiêu đề văn bản:"), "header_line", self.header_line)
        self.add_field(translate("organisation_ui", "Ban Tổ chức:"), "board", self.board)
        self.add_field(translate("organisation_ui", "Từ ngày:"), "valid_from", self.valid_from)
        self.add_field(translate("organisation_ui", "Đến ngày:"), "valid_to", self.valid_to)

    def submit(self) -> str:
        errors: dict[str, str] = {}
        valid_from = required_date(errors, "valid_from", self.valid_from)
        valid_to = collect(errors, "valid_to", lambda: self.valid_to.date("valid_to"))
        for field, edit in (("name", self.name), ("header_line", self.header_line)):
            if not edit.text().strip():
                errors[field] = translate("organisation_ui", "Hãy nhập thông tin này.")
        if errors or valid_from is None:
            raise ValidationError.many(errors)
        with unit_of_work(self.ctx.db, self.ctx.actor) as session:
            return org.add_upper_level(
                session,
                self.name.text(),
                self.symbol.text(),
                self.header_line.text(),
                valid_from,
                valid_to,
                self.board.text(),
            )

    @classmethod
    def ask(cls, ctx: AppContext, parent: QWidget | None = None) -> str | None:
        return cls(ctx, parent).run()
