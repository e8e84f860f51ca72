"""The own unit and its upper level, villages, cells, cell positions and committee assignments.

Every function validates, writes in the caller's transaction and appends an audit entry. Read models
are frozen dataclasses; no ORM object leaves this module."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models import audit
from models.dates import format_date
from models.entities import (
    Cell,
    CellAssignment,
    CellPosition,
    CellVillage,
    Member,
    Unit,
    UpperLevel,
    Village,
)
from models.errors import RuleViolation, ValidationError
from models.i18n import QT_TRANSLATE_NOOP
from models.security import Permission, require
from models.services.common import (
    OWN_UNIT_KEY,
    check_revision,
    date_order,
    get_live,
    meta,
    own_unit_id,
    require_text,
    set_meta,
    snapshot,
)
from models.text import clean, collation_key, fold

CTX = "organisation"

VILLAGE_KINDS = {
    "ban": QT_TRANSLATE_NOOP("organisation", "Bản"),
    "tieu_khu": QT_TRANSLATE_NOOP("organisation", "Tiểu khu"),
    "to_dan_pho": QT_TRANSLATE_NOOP("organisation", "Tổ dân phố"),
    "thon": QT_TRANSLATE_NOOP("organisation", "Thôn"),
}
CELL_KINDS = {
    "village": QT_TRANSLATE_NOOP("organisation", "Chi bộ bản, tiểu khu"),
    "school": QT_TRANSLATE_NOOP("organisation", "Chi bộ trường học"),
    "health": QT_TRANSLATE_NOOP("organisation", "Chi bộ trạm y tế"),
    "police": QT_TRANSLATE_NOOP("organisation", "Chi bộ công an"),
    "military": QT_TRANSLATE_NOOP("organisation", "Chi bộ quân sự"),
    "agency": QT_TRANSLATE_NOOP("organisation", "Chi bộ cơ quan"),
    "enterprise": QT_TRANSLATE_NOOP("organisation", "Chi bộ doanh nghiệp"),
    "cooperative": QT_TRANSLATE_NOOP("organisation", "Chi bộ hợp tác xã"),
    "other": QT_TRANSLATE_NOOP("organisation", "Chi bộ khác"),
}
CELL_STATUSES = {
    "active": QT_TRANSLATE_NOOP("organisation", "Đang hoạt động"),
    "merged": QT_TRANSLATE_NOOP("organisation", "Đã sáp nhập"),
    "dissolved": QT_TRANSLATE_NOOP("organisation", "Đã giải thể"),
}
POSITION_ROLES = {
    "secretary": QT_TRANSLATE_NOOP("organisation", "Bí thư chi bộ"),
    "deputy_secretary": QT_TRANSLATE_NOOP("organisation", "Phó bí thư chi bộ"),
    "committee_member": QT_TRANSLATE_NOOP("organisation", "Chi ủy viên"),
    "commune_secretary": QT_TRANSLATE_NOOP("organisation", "Bí thư Đảng ủy"),
    "commune_deputy_secretary": QT_TRANSLATE_NOOP("organisation", "Phó Bí thư Đảng ủy"),
    "standing_member": QT_TRANSLATE_NOOP("organisation", "Ủy viên Ban Thường vụ"),
    "commune_committee_member": QT_TRANSLATE_NOOP("organisation", "Đảng ủy viên"),
}
CELL_ROLES = ("secretary", "deputy_secretary", "committee_member")
SINGLE_HOLDER_ROLES = ("secretary", "deputy_secretary", "commune_secretary")


# ---------------------------------------------------------------- unit and upper level


@dataclass(frozen=True)
class UnitSetup:
    name: str  # "Đảng bộ xã Mường Lèo"
    committee_name: str  # "Đảng ủy xã Mường Lèo"
    symbol: str  # "ĐU"
    place_name: str  # "Mường Lèo"
    province: str
    upper_name: str  # "Tỉnh ủy Sơn La"
    upper_symbol: str  # "TU"
    upper_header_line: str  # "ĐẢNG BỘ TỈNH SƠN LA"
    upper_board: str = ""  # "Ban Tổ chức Tỉnh ủy"
    upper_valid_from: date = date(2025, 7, 1)
    term_start: date | None = None
    term_end: date | None = None
    has_upper: bool = True  # False: a province that sends its data to nobody (no upper level row)


@dataclass(frozen=True)
class UnitView:
    id: str
    name: str
    committee_name: str
    symbol: str
    place_name: str
    province: str
    term_start: date | None
    term_end: date | None
    revision: int


@dataclass(frozen=True)
class UpperLevelView:
    id: str
    name: str
    symbol: str
    header_line: str
    organisation_board: str
    valid_from: date
    valid_to: date | None


def _validate_unit(cmd: UnitSetup) -> None:
    errors: dict[str, str] = {}
    for fname, label in (
        ("name", QT_TRANSLATE_NOOP("organisation", "tên đảng bộ")),
        ("committee_name", QT_TRANSLATE_NOOP("organisation", "tên đảng ủy")),
        ("symbol", QT_TRANSLATE_NOOP("organisation", "ký hiệu văn bản")),
        ("place_name", QT_TRANSLATE_NOOP("organisation", "địa danh ghi ngày tháng")),
        ("upper_name", QT_TRANSLATE_NOOP("organisation", "tên cấp ủy cấp trên")),
        ("upper_symbol", QT_TRANSLATE_NOOP("organisation", "ký hiệu cấp trên")),
        ("upper_header_line", QT_TRANSLATE_NOOP("organisation", "dòng tiêu đề cấp trên")),
    ):
        if fname.startswith("upper_") and not cmd.has_upper:
            continue
        try:
            require_text(fname, clean(getattr(cmd, fname)), label)
        except ValidationError as exc:
            errors.update(exc.errors)
    if cmd.term_start and cmd.term_end and cmd.term_end < cmd.term_start:
        errors["term_end"] = ValidationError(
            "term_end", QT_TRANSLATE_NOOP("organisation", "Nhiệm kỳ kết thúc trước khi bắt đầu."), context=CTX
        ).text()
    if errors:
        raise ValidationError.many(errors)


def validate_unit(cmd: UnitSetup) -> None:
    """The unit's fields, checked before anything is created (the first-start wizard)."""
    _validate_unit(cmd)


def setup_unit(session: Session, cmd: UnitSetup) -> str:
    """Create the installation's own unit with its current upper level (first-run wizard)."""
    require(session, Permission.ADMIN_SETTINGS)
    _validate_unit(cmd)
    if meta(session, OWN_UNIT_KEY) is not None:
        raise RuleViolation(
            QT_TRANSLATE_NOOP(
                "organisation", "Đơn vị đã được khai báo. Hãy sửa thông tin trong trang Tổ chức."
            ),
            context=CTX,
        )
    unit = Unit(
        name=clean(cmd.name),
        committee_name=clean(cmd.committee_name),
        symbol=clean(cmd.symbol),
        place_name=clean(cmd.place_name),
        province=clean(cmd.province),
        term_start=cmd.term_start,
        term_end=cmd.term_end,
        is_own=True,
        owner_unit_id="",
    )
    session.add(unit)
    session.flush()
    unit.owner_unit_id = unit.id
    set_meta(session, OWN_UNIT_KEY, unit.id)
    audit.record(session, "create", "unit", unit.id, after=snapshot(unit))
    if not cmd.has_upper:
        return unit.id
    upper = UpperLevel(
        unit_id=unit.id,
        owner_unit_id=unit.id,
        name=clean(cmd.upper_name),
        symbol=clean(cmd.upper_symbol),
        header_line=clean(cmd.upper_header_line).upper(),
        organisation_board=clean(cmd.upper_board),
        valid_from=cmd.upper_valid_from,
        valid_to=None,
    )
    session.add(upper)
    session.flush()
    audit.record(session, "create", "upper_level", upper.id, after=snapshot(upper))
    return unit.id


def update_unit(session: Session, cmd: UnitSetup, expected_revision: int | None = None) -> None:
    """Edit the unit's identity; a new upper level closes the old one the day before it starts."""
    require(session, Permission.ADMIN_SETTINGS)
    _validate_unit(cmd)
    unit = get_live(session, Unit, own_unit_id(session), QT_TRANSLATE_NOOP("organisation", "đơn vị"))
    check_revision(unit, expected_revision)
    before = snapshot(unit)
    unit.name, unit.committee_name = clean(cmd.name), clean(cmd.committee_name)
    unit.symbol, unit.place_name, unit.province = (
        clean(cmd.symbol),
        clean(cmd.place_name),
        clean(cmd.province),
    )
    unit.term_start, unit.term_end = cmd.term_start, cmd.term_end
    audit.record(session, "update", "unit", unit.id, before=before, after=snapshot(unit))
    if not cmd.has_upper:
        return
    current = current_upper_level(session, cmd.upper_valid_from)
    new_values = (clean(cmd.upper_name), clean(cmd.upper_symbol), clean(cmd.upper_header_line).upper())
    if current is not None and (current.name, current.symbol, current.header_line) == new_values:
        return
    for row in session.scalars(
        select(UpperLevel).where(
            UpperLevel.unit_id == unit.id, UpperLevel.valid_to.is_(None), ~UpperLevel.deleted
        )
    ):
        if row.valid_from >= cmd.upper_valid_from:
            row.deleted = True
        else:
            row.valid_to = date.fromordinal(cmd.upper_valid_from.toordinal() - 1)
    upper = UpperLevel(
        unit_id=unit.id,
        owner_unit_id=unit.id,
        name=new_values[0],
        symbol=new_values[1],
        header_line=new_values[2],
        organisation_board=clean(cmd.upper_board),
        valid_from=cmd.upper_valid_from,
        valid_to=None,
    )
    session.add(upper)
    session.flush()
    audit.record(session, "create", "upper_level", upper.id, after=snapshot(upper))


def add_upper_level(
    session: Session,
    name: str,
    symbol: str,
    header_line: str,
    valid_from: date,
    valid_to: date | None,
    board: str = "",
) -> str:
    """Record a historic upper level (e.g. the district committee before 1/7/2025)."""
    require(session, Permission.ADMIN_SETTINGS)
    unit_id = own_unit_id(session)
    date_order("valid_to", valid_from, valid_to)
    upper = UpperLevel(
        unit_id=unit_id,
        owner_unit_id=unit_id,
        name=clean(name),
        symbol=clean(symbol),
        header_line=clean(header_line).upper(),
        organisation_board=clean(board),
        valid_from=valid_from,
        valid_to=valid_to,
    )
    session.add(upper)
    session.flush()
    audit.record(session, "create", "upper_level", upper.id, after=snapshot(upper))
    return upper.id


def own_unit(session: Session) -> UnitView:
    require(session, Permission.VIEW_REGISTER)
    u = get_live(session, Unit, own_unit_id(session), QT_TRANSLATE_NOOP("organisation", "đơn vị"))
    return UnitView(
        u.id,
        u.name,
        u.committee_name,
        u.symbol,
        u.place_name,
        u.province,
        u.term_start,
        u.term_end,
        u.revision,
    )


def is_set_up(session: Session) -> bool:
    return meta(session, OWN_UNIT_KEY) is not None


def current_upper_level(session: Session, on: date) -> UpperLevelView | None:
    """The upper level in force on `on` (the header line of a document dated that day)."""
    unit_id = meta(session, OWN_UNIT_KEY)
    if unit_id is None:
        return None
    row = session.scalars(
        select(UpperLevel)
        .where(
            UpperLevel.unit_id == unit_id,
            ~UpperLevel.deleted,
            UpperLevel.valid_from <= on,
            (UpperLevel.valid_to.is_(None)) | (UpperLevel.valid_to >= on),
        )
        .order_by(UpperLevel.valid_from.desc())
    ).first()
    if row is None:
        return None
    return UpperLevelView(
        row.id, row.name, row.symbol, row.header_line, row.organisation_board, row.valid_from, row.valid_to
    )


def upper_levels(session: Session) -> list[UpperLevelView]:
    unit_id = own_unit_id(session)
    rows = session.scalars(
        select(UpperLevel)
        .where(UpperLevel.unit_id == unit_id, ~UpperLevel.deleted)
        .order_by(UpperLevel.valid_from)
    )
    return [
        UpperLevelView(r.id, r.name, r.symbol, r.header_line, r.organisation_board, r.valid_from, r.valid_to)
        for r in rows
    ]


# ---------------------------------------------------------------- villages


@dataclass(frozen=True)
class VillageInput:
    name: str
    kind: str = "ban"
    households: int | None = None
    population: int | None = None
    valid_from: date | None = None


@dataclass(frozen=True)
class VillageView:
    id: str
    name: str
    kind: str
    households: int | None
    population: int | None
    valid_from: date | None
    valid_to: date | None
    successor_id: str | None
    successor_name: str
    cell_names: tuple[str, ...]
    member_count: int
    revision: int

    @property
    def active(self) -> bool:
        return self.valid_to is None


def _validate_village(session: Session, cmd: VillageInput, exclude_id: str | None) -> str:
    name = clean(cmd.name)
    errors: dict[str, str] = {}
    if not name:
        errors["name"] = ValidationError(
            "name", QT_TRANSLATE_NOOP("organisation", "Hãy nhập tên bản (ví dụ: Bản Na Hát)."), context=CTX
        ).text()
    if cmd.kind not in VILLAGE_KINDS:
        errors["kind"] = ValidationError(
            "kind",
            QT_TRANSLATE_NOOP("organisation", "Hãy chọn loại: bản, tiểu khu, tổ dân phố hoặc thôn."),
            context=CTX,
        ).text()
    for fname in ("households", "population"):
        value = getattr(cmd, fname)
        if value is not None and not 0 <= value <= 1_000_000:
            errors[fname] = ValidationError(
                fname, QT_TRANSLATE_NOOP("organisation", "Số phải từ 0 đến 1.000.000."), context=CTX
            ).text()
    if name:
        unit_id = own_unit_id(session)
        clash = session.scalar(
            select(Village.id).where(
                Village.owner_unit_id == unit_id,
                Village.search_key == fold(name),
                Village.valid_to.is_(None),
                ~Village.deleted,
                Village.id != (exclude_id or ""),
            )
        )
        if clash:
            errors["name"] = ValidationError(
                "name",
                QT_TRANSLATE_NOOP(
                    "organisation", "Đã có bản “{name}” đang hoạt động. Hãy đặt tên khác hoặc sửa bản đó."
                ),
                context=CTX,
                name=name,
            ).text()
    if errors:
        raise ValidationError.many(errors)
    return name


def add_village(session: Session, cmd: VillageInput) -> str:
    require(session, Permission.EDIT_ORGANISATION)
    name = _validate_village(session, cmd, None)
    unit_id = own_unit_id(session)
    village = Village(
        owner_unit_id=unit_id,
        name=name,
        kind=cmd.kind,
        households=cmd.households,
        population=cmd.population,
        valid_from=cmd.valid_from,
        sort_key=collation_key(name),
        search_key=fold(name),
    )
    session.add(village)
    session.flush()
    audit.record(session, "create", "village", village.id, after=snapshot(village))
    return village.id


def update_village(
    session: Session, village_id: str, cmd: VillageInput, expected_revision: int | None = None
) -> None:
    require(session, Permission.EDIT_ORGANISATION)
    village = get_live(session, Village, village_id, QT_TRANSLATE_NOOP("organisation", "bản"))
    check_revision(village, expected_revision)
    name = _validate_village(session, cmd, village_id)
    before = snapshot(village)
    village.name, village.kind = name, cmd.kind
    village.households, village.population, village.valid_from = (
        cmd.households,
        cmd.population,
        cmd.valid_from,
    )
    village.sort_key, village.search_key = collation_key(name), fold(name)
    audit.record(session, "update", "village", village.id, before=before, after=snapshot(village))


def close_village(session: Session, village_id: str, valid_to: date, successor_id: str | None = None) -> None:
    """End a village (merged into `successor_id`, or dissolved); its cell links end the same day."""
    require(session, Permission.EDIT_ORGANISATION)
    village = get_live(session, Village, village_id, QT_TRANSLATE_NOOP("organisation", "bản"))
    if village.valid_to is not None:
        raise RuleViolation(QT_TRANSLATE_NOOP("organisation", "Bản này đã ngừng từ trước."), context=CTX)
    date_order("valid_to", village.valid_from, valid_to)
    if successor_id is not None:
        if successor_id == village_id:
            raise ValidationError(
                "successor_id",
                QT_TRANSLATE_NOOP("organisation", "Bản kế thừa phải là một bản khác."),
                context=CTX,
            )
        successor = get_live(session, Village, successor_id, QT_TRANSLATE_NOOP("organisation", "bản kế thừa"))
        if successor.valid_to is not None:
            raise ValidationError(
                "successor_id",
                QT_TRANSLATE_NOOP("organisation", "Bản kế thừa đã ngừng; hãy chọn một bản đang hoạt động."),
                context=CTX,
            )
    before = snapshot(village)
    village.valid_to, village.successor_id = valid_to, successor_id
    for link in session.scalars(
        select(CellVillage).where(
            CellVillage.village_id == village_id, CellVillage.valid_to.is_(None), ~CellVillage.deleted
        )
    ):
        link.valid_to = valid_to
    audit.record(session, "close", "village", village.id, before=before, after=snapshot(village))


def list_villages(session: Session, *, include_closed: bool = True) -> list[VillageView]:
    require(session, Permission.VIEW_REGISTER)
    unit_id = own_unit_id(session)
    query = (
        select(Village).where(Village.owner_unit_id == unit_id, ~Village.deleted).order_by(Village.sort_key)
    )
    if not include_closed:
        query = query.where(Village.valid_to.is_(None))
    villages = list(session.scalars(query))
    names = {v.id: v.name for v in villages}
    cells_by_village: dict[str, list[str]] = {}
    for village_id, cell_name in session.execute(
        select(CellVillage.village_id, Cell.name)
        .join(Cell, Cell.id == CellVillage.cell_id)
        .where(CellVillage.valid_to.is_(None), ~CellVillage.deleted, ~Cell.deleted)
        .order_by(Cell.sort_key)
    ):
        cells_by_village.setdefault(village_id, []).append(cell_name)
    members = dict(
        session.execute(
            select(CellVillage.village_id, func.count(Member.id))
            .join(Member, Member.cell_id == CellVillage.cell_id)
            .where(CellVillage.valid_to.is_(None), ~CellVillage.deleted, Member.counted, ~Member.deleted)
            .group_by(CellVillage.village_id)
        ).all()
    )
    return [
        VillageView(
            v.id,
            v.name,
            v.kind,
            v.households,
            v.population,
            v.valid_from,
            v.valid_to,
            v.successor_id,
            names.get(v.successor_id or "", ""),
            tuple(cells_by_village.get(v.id, [])),
            int(members.get(v.id, 0)),
            v.revision,
        )
        for v in villages
    ]


# ---------------------------------------------------------------- cells


@dataclass(frozen=True)
class CellInput:
    name: str
    kind: str
    village_ids: tuple[str, ...] = ()
    has_committee: bool = False
    valid_from: date | None = None
    term_start: date | None = None
    term_end: date | None = None
    congress_date: date | None = None
    symbol: str = "CB"


@dataclass(frozen=True)
class CellView:
    id: str
    name: str
    kind: str
    symbol: str
    has_committee: bool
    status: str
    valid_from: date | None
    valid_to: date | None
    successor_id: str | None
    successor_name: str
    term_start: date | None
    term_end: date | None
    congress_date: date | None
    village_ids: tuple[str, ...]
    village_names: tuple[str, ...]
    member_count: int
    secretary_name: str
    secretary_is_village_head: bool
    revision: int


def _validate_cell(session: Session, cmd: CellInput, exclude_id: str | None) -> str:
    name = clean(cmd.name)
    errors: dict[str, str] = {}
    if not name:
        errors["name"] = ValidationError(
            "name",
            QT_TRANSLATE_NOOP("organisation", "Hãy nhập tên chi bộ (ví dụ: Chi bộ bản Na Hát)."),
            context=CTX,
        ).text()
    if cmd.kind not in CELL_KINDS:
        errors["kind"] = ValidationError(
            "kind", QT_TRANSLATE_NOOP("organisation", "Hãy chọn loại chi bộ."), context=CTX
        ).text()
    if cmd.kind == "village" and not cmd.village_ids:
        errors["village_ids"] = ValidationError(
            "village_ids",
            QT_TRANSLATE_NOOP("organisation", "Chi bộ bản phải phụ trách ít nhất một bản. Hãy chọn bản."),
            context=CTX,
        ).text()
    if cmd.term_start and cmd.term_end and cmd.term_end < cmd.term_start:
        errors["term_end"] = ValidationError(
            "term_end", QT_TRANSLATE_NOOP("organisation", "Nhiệm kỳ kết thúc trước khi bắt đầu."), context=CTX
        ).text()
    for village_id in cmd.village_ids:
        village = session.get(Village, village_id)
        if village is None or village.deleted or village.valid_to is not None:
            errors["village_ids"] = ValidationError(
                "village_ids",
                QT_TRANSLATE_NOOP("organisation", "Có bản đã ngừng hoặc không còn; hãy chọn lại các bản."),
                context=CTX,
            ).text()
            break
    if name:
        clash = session.scalar(
            select(Cell.id).where(
                Cell.owner_unit_id == own_unit_id(session),
                Cell.search_key == fold(name),
                Cell.status == "active",
                ~Cell.deleted,
                Cell.id != (exclude_id or ""),
            )
        )
        if clash:
            errors["name"] = ValidationError(
                "name",
                QT_TRANSLATE_NOOP("organisation", "Đã có chi bộ “{name}” đang hoạt động. Hãy đặt tên khác."),
                context=CTX,
                name=name,
            ).text()
    if errors:
        raise ValidationError.many(errors)
    return name


def _set_cell_villages(session: Session, cell: Cell, village_ids: tuple[str, ...], on: date | None) -> None:
    current = {
        link.village_id: link
        for link in session.scalars(
            select(CellVillage).where(
                CellVillage.cell_id == cell.id, CellVillage.valid_to.is_(None), ~CellVillage.deleted
            )
        )
    }
    wanted = set(village_ids)
    for village_id, link in current.items():
        if village_id not in wanted:
            link.valid_to = on or date.today()  # noqa: DTZ011 - a calendar date, local by definition
    for village_id in dict.fromkeys(v for v in village_ids if v not in current):  # given order: reproducible
        session.add(
            CellVillage(
                owner_unit_id=cell.owner_unit_id,
                cell_id=cell.id,
                village_id=village_id,
                valid_from=on,
                valid_to=None,
            )
        )


def add_cell(session: Session, cmd: CellInput) -> str:
    require(session, Permission.EDIT_ORGANISATION)
    name = _validate_cell(session, cmd, None)
    cell = Cell(
        owner_unit_id=own_unit_id(session),
        name=name,
        kind=cmd.kind,
        symbol=clean(cmd.symbol) or "CB",
        has_committee=cmd.has_committee,
        status="active",
        valid_from=cmd.valid_from,
        term_start=cmd.term_start,
        term_end=cmd.term_end,
        congress_date=cmd.congress_date,
        sort_key=collation_key(name),
        search_key=fold(name),
    )
    session.add(cell)
    session.flush()
    _set_cell_villages(session, cell, cmd.village_ids, cmd.valid_from)
    session.flush()
    audit.record(session, "create", "cell", cell.id, after=snapshot(cell))
    return cell.id


def update_cell(session: Session, cell_id: str, cmd: CellInput, expected_revision: int | None = None) -> None:
    require(session, Permission.EDIT_ORGANISATION)
    cell = get_live(session, Cell, cell_id, QT_TRANSLATE_NOOP("organisation", "chi bộ"))
    check_revision(cell, expected_revision)
    name = _validate_cell(session, cmd, cell_id)
    before = snapshot(cell)
    cell.name, cell.kind, cell.symbol = name, cmd.kind, clean(cmd.symbol) or "CB"
    cell.has_committee, cell.valid_from = cmd.has_committee, cmd.valid_from
    cell.term_start, cell.term_end, cell.congress_date = cmd.term_start, cmd.term_end, cmd.congress_date
    cell.sort_key, cell.search_key = collation_key(name), fold(name)
    _set_cell_villages(session, cell, cmd.village_ids, None)
    session.flush()
    audit.record(session, "update", "cell", cell.id, before=before, after=snapshot(cell))


def close_cell(session: Session, cell_id: str, valid_to: date, successor_id: str | None = None) -> int:
    """Merge a cell into `successor_id` (its counted members move there) or dissolve it (only when it
    has no members left). Returns how many members moved."""
    require(session, Permission.EDIT_ORGANISATION)
    cell = get_live(session, Cell, cell_id, QT_TRANSLATE_NOOP("organisation", "chi bộ"))
    if cell.status != "active":
        raise RuleViolation(
            QT_TRANSLATE_NOOP("organisation", "Chi bộ này đã sáp nhập hoặc giải thể."), context=CTX
        )
    date_order("valid_to", cell.valid_from, valid_to)
    members = list(
        session.scalars(select(Member).where(Member.cell_id == cell_id, ~Member.deleted, Member.counted))
    )
    if successor_id is None and members:
        raise RuleViolation(
            QT_TRANSLATE_NOOP(
                "organisation",
                "Chi bộ còn {count} đảng viên. Hãy chọn chi bộ tiếp nhận (sáp nhập) thay vì giải thể.",
            ),
            context=CTX,
            count=len(members),
        )
    if successor_id is not None:
        successor = get_live(
            session, Cell, successor_id, QT_TRANSLATE_NOOP("organisation", "chi bộ tiếp nhận")
        )
        if successor.id == cell.id or successor.status != "active":
            raise ValidationError(
                "successor_id",
                QT_TRANSLATE_NOOP("organisation", "Chi bộ tiếp nhận phải là một chi bộ khác đang hoạt động."),
                context=CTX,
            )
    before = snapshot(cell)
    cell.status = "merged" if successor_id else "dissolved"
    cell.valid_to, cell.successor_id = valid_to, successor_id
    for member in members:
        member.cell_id = successor_id
    for link in session.scalars(
        select(CellVillage).where(
            CellVillage.cell_id == cell_id, CellVillage.valid_to.is_(None), ~CellVillage.deleted
        )
    ):
        link.valid_to = valid_to
        if successor_id is not None:
            session.add(
                CellVillage(
                    owner_unit_id=cell.owner_unit_id,
                    cell_id=successor_id,
                    village_id=link.village_id,
                    valid_from=valid_to,
                )
            )
    for pos in session.scalars(
        select(CellPosition).where(CellPosition.cell_id == cell_id, CellPosition.end_date.is_(None))
    ):
        pos.end_date = valid_to
    for assignment in session.scalars(
        select(CellAssignment).where(CellAssignment.cell_id == cell_id, CellAssignment.end_date.is_(None))
    ):
        assignment.end_date = valid_to
    session.flush()
    audit.record(session, "close", "cell", cell.id, before=before, after=snapshot(cell))
    return len(members)


def list_cells(session: Session, *, include_closed: bool = True) -> list[CellView]:
    require(session, Permission.VIEW_REGISTER)
    unit_id = own_unit_id(session)
    query = select(Cell).where(Cell.owner_unit_id == unit_id, ~Cell.deleted).order_by(Cell.sort_key)
    if not include_closed:
        query = query.where(Cell.status == "active")
    cells = list(session.scalars(query))
    names = {c.id: c.name for c in cells}
    villages: dict[str, list[tuple[str, str]]] = {}
    for cell_id, village_id, village_name in session.execute(
        select(CellVillage.cell_id, Village.id, Village.name)
        .join(Village, Village.id == CellVillage.village_id)
        .where(CellVillage.valid_to.is_(None), ~CellVillage.deleted)
        .order_by(Village.sort_key)
    ):
        villages.setdefault(cell_id, []).append((village_id, village_name))
    counts = dict(
        session.execute(
            select(Member.cell_id, func.count(Member.id))
            .where(Member.counted, ~Member.deleted)
            .group_by(Member.cell_id)
        ).all()
    )
    secretaries: dict[str, tuple[str, bool]] = {}
    for pos_cell_id, family, middle, given, head in session.execute(
        select(
            CellPosition.cell_id,
            Member.family_name,
            Member.middle_name,
            Member.given_name,
            CellPosition.is_village_head,
        )
        .join(Member, Member.id == CellPosition.member_id)
        .where(CellPosition.role == "secretary", CellPosition.end_date.is_(None), ~CellPosition.deleted)
    ):
        secretaries[pos_cell_id or ""] = (" ".join(p for p in (family, middle, given) if p), bool(head))
    return [
        CellView(
            c.id,
            c.name,
            c.kind,
            c.symbol,
            c.has_committee,
            c.status,
            c.valid_from,
            c.valid_to,
            c.successor_id,
            names.get(c.successor_id or "", ""),
            c.term_start,
            c.term_end,
            c.congress_date,
            tuple(v for v, _ in villages.get(c.id, [])),
            tuple(n for _, n in villages.get(c.id, [])),
            int(counts.get(c.id, 0)),
            secretaries.get(c.id, ("", False))[0],
            secretaries.get(c.id, ("", False))[1],
            c.revision,
        )
        for c in cells
    ]


# ---------------------------------------------------------------- positions and assignments


@dataclass(frozen=True)
class PositionInput:
    member_id: str
    role: str
    start_date: date
    cell_id: str | None = None  # None: a post in the commune committee
    is_village_head: bool = False
    is_council_chair: bool = False
    is_committee_chair: bool = False
    is_non_local: bool = False
    note: str = ""


@dataclass(frozen=True)
class PositionView:
    id: str
    cell_id: str | None
    cell_name: str
    member_id: str
    member_name: str
    role: str
    start_date: date
    end_date: date | None
    is_village_head: bool
    is_council_chair: bool
    is_committee_chair: bool
    is_non_local: bool
    flags: tuple[str, ...] = field(default=())


def _member_in_unit(session: Session, member_id: str) -> Member:
    member = get_live(session, Member, member_id, QT_TRANSLATE_NOOP("organisation", "đảng viên"))
    if not member.counted or member.status in {
        "transferred_out",
        "struck_off",
        "left",
        "expelled",
        "deceased",
    }:
        raise RuleViolation(
            QT_TRANSLATE_NOOP(
                "organisation", "Chỉ đảng viên đang sinh hoạt trong đảng bộ mới giữ được chức vụ."
            ),
            context=CTX,
        )
    return member


def assign_position(session: Session, cmd: PositionInput) -> str:
    require(session, Permission.EDIT_ORGANISATION)
    if cmd.role not in POSITION_ROLES:
        raise ValidationError("role", QT_TRANSLATE_NOOP("organisation", "Hãy chọn chức vụ."), context=CTX)
    if (cmd.cell_id is None) == (cmd.role in CELL_ROLES):
        raise ValidationError(
            "cell_id",
            QT_TRANSLATE_NOOP(
                "organisation", "Chức vụ chi bộ cần chọn chi bộ; chức vụ Đảng ủy thì không chọn chi bộ."
            ),
            context=CTX,
        )
    member = _member_in_unit(session, cmd.member_id)
    if cmd.cell_id is not None:
        cell = get_live(session, Cell, cmd.cell_id, QT_TRANSLATE_NOOP("organisation", "chi bộ"))
        if cell.status != "active":
            raise RuleViolation(
                QT_TRANSLATE_NOOP("organisation", "Chi bộ đã sáp nhập hoặc giải thể."), context=CTX
            )
        if member.cell_id != cell.id:
            raise RuleViolation(
                QT_TRANSLATE_NOOP("organisation", "Đảng viên này không sinh hoạt ở chi bộ {cell}."),
                context=CTX,
                cell=cell.name,
            )
    if cmd.is_village_head and cmd.role != "secretary":
        raise ValidationError(
            "is_village_head",
            QT_TRANSLATE_NOOP("organisation", "Chỉ theo dõi “kiêm trưởng bản” cho bí thư chi bộ."),
            context=CTX,
        )
    if cmd.role in SINGLE_HOLDER_ROLES:
        holder = session.scalars(
            select(CellPosition).where(
                CellPosition.role == cmd.role,
                CellPosition.end_date.is_(None),
                ~CellPosition.deleted,
                (CellPosition.cell_id == cmd.cell_id) if cmd.cell_id else CellPosition.cell_id.is_(None),
            )
        ).first()
        if holder is not None:
            if holder.start_date > cmd.start_date:
                raise RuleViolation(
                    QT_TRANSLATE_NOOP(
                        "organisation",
                        "Người đang giữ chức vụ này bắt đầu từ {date}; ngày bắt đầu mới phải sau đó.",
                    ),
                    context=CTX,
                    date=format_date(holder.start_date),
                )
            holder.end_date = cmd.start_date
    position = CellPosition(
        owner_unit_id=own_unit_id(session),
        cell_id=cmd.cell_id,
        member_id=cmd.member_id,
        role=cmd.role,
        start_date=cmd.start_date,
        is_village_head=cmd.is_village_head,
        is_council_chair=cmd.is_council_chair,
        is_committee_chair=cmd.is_committee_chair,
        is_non_local=cmd.is_non_local,
        note=clean(cmd.note),
    )
    session.add(position)
    session.flush()
    audit.record(session, "create", "cell_position", position.id, after=snapshot(position))
    return position.id


def end_position(session: Session, position_id: str, end_date: date) -> None:
    require(session, Permission.EDIT_ORGANISATION)
    position = get_live(session, CellPosition, position_id, QT_TRANSLATE_NOOP("organisation", "chức vụ"))
    date_order("end_date", position.start_date, end_date)
    before = snapshot(position)
    position.end_date = end_date
    audit.record(session, "update", "cell_position", position.id, before=before, after=snapshot(position))


def list_positions(
    session: Session, *, cell_id: str | None = None, current_only: bool = True
) -> list[PositionView]:
    require(session, Permission.VIEW_REGISTER)
    query = (
        select(CellPosition, Member.family_name, Member.middle_name, Member.given_name, Cell.name)
        .join(Member, Member.id == CellPosition.member_id)
        .outerjoin(Cell, Cell.id == CellPosition.cell_id)
        .where(~CellPosition.deleted, CellPosition.owner_unit_id == own_unit_id(session))
        .order_by(Cell.sort_key, CellPosition.role, Member.sort_key)
    )
    if cell_id is not None:
        query = query.where(CellPosition.cell_id == cell_id)
    if current_only:
        query = query.where(CellPosition.end_date.is_(None))
    out = []
    for pos, family, middle, given, cell_name in session.execute(query):
        out.append(
            PositionView(
                pos.id,
                pos.cell_id,
                cell_name or "",
                pos.member_id,
                " ".join(p for p in (family, middle, given) if p),
                pos.role,
                pos.start_date,
                pos.end_date,
                pos.is_village_head,
                pos.is_council_chair,
                pos.is_committee_chair,
                pos.is_non_local,
            )
        )
    return out


@dataclass(frozen=True)
class AssignmentView:
    id: str
    cell_id: str
    cell_name: str
    member_id: str
    member_name: str
    start_date: date
    end_date: date | None


def assign_committee_member(session: Session, cell_id: str, member_id: str, start_date: date) -> str:
    """A commune committee member follows `cell_id` from `start_date` (the previous assignee's term ends)."""
    require(session, Permission.EDIT_ORGANISATION)
    cell = get_live(session, Cell, cell_id, QT_TRANSLATE_NOOP("organisation", "chi bộ"))
    if cell.status != "active":
        raise RuleViolation(
            QT_TRANSLATE_NOOP("organisation", "Chi bộ đã sáp nhập hoặc giải thể."), context=CTX
        )
    _member_in_unit(session, member_id)
    is_committee = session.scalar(
        select(func.count(CellPosition.id)).where(
            CellPosition.member_id == member_id,
            CellPosition.cell_id.is_(None),
            CellPosition.end_date.is_(None),
            ~CellPosition.deleted,
        )
    )
    if not is_committee:
        raise RuleViolation(
            QT_TRANSLATE_NOOP(
                "organisation",
                "Chỉ đảng ủy viên mới được phân công phụ trách chi bộ. Hãy ghi chức vụ Đảng ủy trước.",
            ),
            context=CTX,
        )
    for old in session.scalars(
        select(CellAssignment).where(
            CellAssignment.cell_id == cell_id, CellAssignment.end_date.is_(None), ~CellAssignment.deleted
        )
    ):
        old.end_date = start_date
    assignment = CellAssignment(
        owner_unit_id=cell.owner_unit_id, cell_id=cell_id, member_id=member_id, start_date=start_date
    )
    session.add(assignment)
    session.flush()
    audit.record(session, "create", "cell_assignment", assignment.id, after=snapshot(assignment))
    return assignment.id


def list_assignments(session: Session, *, current_only: bool = True) -> list[AssignmentView]:
    require(session, Permission.VIEW_REGISTER)
    query = (
        select(CellAssignment, Cell.name, Member.family_name, Member.middle_name, Member.given_name)
        .join(Cell, Cell.id == CellAssignment.cell_id)
        .join(Member, Member.id == CellAssignment.member_id)
        .where(~CellAssignment.deleted, CellAssignment.owner_unit_id == own_unit_id(session))
        .order_by(Cell.sort_key)
    )
    if current_only:
        query = query.where(CellAssignment.end_date.is_(None))
    return [
        AssignmentView(
            a.id,
            a.cell_id,
            cell_name,
            a.member_id,
            " ".join(p for p in (f, m, g) if p),
            a.start_date,
            a.end_date,
        )
        for a, cell_name, f, m, g in session.execute(query)
    ]


def find_cell(session: Session, name: str) -> CellView:
    """The cell called `name`, ignoring case and diacritics ("chi bo ban na hat", "Na Hát", "ban na hat")."""
    key = fold(name)
    cells = list_cells(session)
    for candidate in (key, f"chi bo {key}", f"chi bo ban {key}"):
        matches = [c for c in cells if fold(c.name) == candidate]
        active = [c for c in matches if c.status == "active"]
        if matches:
            return (active or matches)[0]
    raise ValidationError(
        "cell",
        QT_TRANSLATE_NOOP(
            "organisation", "Không có chi bộ “{name}”. Hãy dùng tên như trong danh sách chi bộ."
        ),
        context=CTX,
        name=name,
    )
