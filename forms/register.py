"""The member register (sổ danh sách đảng viên, 14 columns, DOMAIN.md §4) for a cell or the commune,
and the flat member list a clerk exports to Excel."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from forms.document import Document, Header, Paragraph, SignatureBlock, Table, vi_int
from models.dates import format_date, today
from models.i18n import translate
from models.services import membership as ms
from models.services import organisation as org
from models.services import register as rg

REGISTER_COLUMNS = (
    "TT",
    "Họ và tên đang dùng\nHọ và tên khai sinh",
    "Giới tính\nDân tộc\nTôn giáo",
    "Quê quán",
    "Học vấn, lý luận,\nchuyên môn, ngoại ngữ",
    "Nghề nghiệp,\nchức vụ",
    "Ngày vào Đảng\nNgày chính thức",
    "Số thẻ, số lý lịch,\nhuy hiệu",
    "Quân đội, công an,\nnghỉ hưu",
    "Chuyển đi\n(ngày, nơi)",
    "Chuyển đến\n(ngày, nơi)",
    "Ngày từ trần",
    "Ra khỏi Đảng\n(lý do, ngày, hình thức)",
    "Ghi chú",
)
REGISTER_WIDTHS = (0.5, 2.4, 1.2, 1.7, 1.8, 1.7, 1.3, 1.4, 1.0, 1.5, 1.5, 0.9, 1.6, 1.1)
REGISTER_FONT_SIZE = 10
CELL_COLUMN = "Chi bộ"
# The register as a spreadsheet: one value per cell, dates as dates.
SHEET_COLUMNS = (
    "TT",
    "Họ và tên đang dùng",
    "Họ và tên khai sinh",
    "Giới tính",
    "Dân tộc",
    "Tôn giáo",
    "Quê quán",
    "Học vấn phổ thông",
    "Lý luận chính trị",
    "Chuyên môn",
    "Ngoại ngữ",
    "Nghề nghiệp",
    "Chức vụ",
    "Ngày vào Đảng",
    "Ngày chính thức",
    "Số thẻ đảng viên",
    "Số lý lịch",
    "Huy hiệu (năm)",
    "Quân đội, công an, nghỉ hưu",
    "Ngày chuyển đi",
    "Chuyển đi (nơi)",
    "Ngày chuyển đến",
    "Chuyển đến (từ nơi)",
    "Ngày từ trần",
    "Ra khỏi Đảng: lý do",
    "Ra khỏi Đảng: ngày",
    "Ra khỏi Đảng: hình thức",
    "Ghi chú",
)
SheetValue = str | int | date | None
LIST_COLUMNS = (
    "TT",
    "Họ và tên",
    "Giới tính",
    "Ngày sinh",
    "Dân tộc",
    "Chi bộ",
    "Trạng thái",
    "Ngày vào Đảng",
    "Ngày chính thức",
    "Số thẻ đảng viên",
    "Số CCCD",
)
ARMY = {"army": "Quân đội", "police": "Công an", "retired": "Nghỉ hưu"}
ENDING = {"struck_off": "Xóa tên", "left": "Xin ra khỏi Đảng", "expelled": "Khai trừ"}


@dataclass(frozen=True)
class RegisterSheet:
    """Rows of the 14-column register plus the document around them."""

    document: Document
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    title: str


def _sex(code: str) -> str:
    return "Nữ" if code == "F" else "Nam"


def _register_row(
    index: int, detail: ms.MemberDetail, history: list[ms.EventView]
) -> tuple[tuple[str, ...], tuple[SheetValue, ...]]:
    """The printed row (14 columns, lines joined in a cell as the paper register has them) and the
    spreadsheet row (one value per cell)."""
    p = detail.profile
    name = detail.name + (f"\n({p.birth_name})" if p.birth_name and p.birth_name != detail.name else "")
    theory = (
        translate("membership", ms.THEORY_LEVELS.get(p.political_theory, "")) if p.political_theory else ""
    )
    education = "; ".join(
        x for x in (p.general_education, theory, p.professional_qualification, p.foreign_language) if x
    )
    occupation_label = translate("membership", ms.OCCUPATIONS.get(p.occupation, ms.OCCUPATIONS["other"]))
    occupation = occupation_label + (f"; {p.position}" if p.position else "")
    badges = [str(e.detail.get("years")) for e in history if e.kind == "badge_awarded"]
    numbers = "; ".join(
        x
        for x in (
            f"Thẻ {p.party_card_no}" if p.party_card_no else "",
            f"LL {p.life_history_no}" if p.life_history_no else "",
            f"HH {', '.join(badges)} năm" if badges else "",
        )
        if x
    )
    out_events = [e for e in history if e.kind == "transfer_out" and not e.temporary]
    in_events = [e for e in history if e.kind == "transfer_in"]
    death = next((e for e in history if e.kind == "died"), None)
    ending = next((e for e in reversed(history) if e.kind in ENDING), None)
    note = "\n".join(rg.standing_notes(history, counted=detail.counted, status=detail.status))
    printed = (
        str(index),
        name,
        ", ".join(x for x in (_sex(p.sex), p.ethnicity, p.religion) if x),
        p.home_town,
        education,
        occupation,
        f"{format_date(detail.admission_date)}\n{format_date(detail.official_date)}".strip(),
        numbers,
        ARMY.get(p.army_service, ""),
        "\n".join(f"{format_date(e.event_date)}, {e.other_organisation}" for e in out_events),
        "\n".join(f"{format_date(e.event_date)}, {e.other_organisation}" for e in in_events),
        format_date(death.event_date) if death else "",
        f"{ending.reason}, {format_date(ending.event_date)}, {ENDING[ending.kind]}".strip(", ")
        if ending
        else "",
        note,
    )
    last_out = out_events[-1] if out_events else None
    last_in = in_events[-1] if in_events else None
    sheet: tuple[SheetValue, ...] = (
        index,
        detail.name,
        p.birth_name if p.birth_name and p.birth_name != detail.name else "",
        _sex(p.sex),
        p.ethnicity,
        p.religion,
        p.home_town,
        p.general_education,
        theory,
        p.professional_qualification,
        p.foreign_language,
        occupation_label,
        p.position,
        detail.admission_date,
        detail.official_date,
        p.party_card_no,
        p.life_history_no,
        ", ".join(badges),
        ARMY.get(p.army_service, ""),
        last_out.event_date if last_out else None,
        last_out.other_organisation if last_out else "",
        last_in.event_date if last_in else None,
        last_in.other_organisation if last_in else "",
        death.event_date if death else None,
        ending.reason if ending else "",
        ending.event_date if ending else None,
        ENDING[ending.kind] if ending else "",
        note,
    )
    return printed, sheet


def member_register(
    session: Any, *, cell_id: str | None = None, include_ended: bool = True, on: date | None = None
) -> RegisterSheet:
    """The register of a cell (or the whole commune): current members first, then those who left."""
    on = on or today()
    unit = org.own_unit(session)
    upper = org.current_upper_level(session, on)
    cells = {c.id: c for c in org.list_cells(session)}
    flt = rg.RegisterFilter(cell_id=cell_id, include_uncounted=True)
    ids = rg.member_ids(session, flt)
    if include_ended:
        ids += rg.member_ids(session, rg.RegisterFilter(cell_id=cell_id, statuses=rg.ENDED_STATUSES))
    rows: list[tuple[str, ...]] = []
    sheet_rows: list[tuple[SheetValue, ...]] = []
    for index, member_id in enumerate(ids, start=1):
        detail = ms.get_member(session, member_id)
        printed, typed = _register_row(index, detail, ms.history(session, member_id))
        if cell_id is None:  # the commune-wide register says which cell each member belongs to
            short = detail.cell_name.removeprefix("Chi bộ ").removeprefix("chi bộ ")
            printed = (*printed[:2], short, *printed[2:])
            typed = (*typed[:3], detail.cell_name, *typed[3:])
        rows.append(printed)
        sheet_rows.append(typed)
    columns = REGISTER_COLUMNS if cell_id else (*REGISTER_COLUMNS[:2], CELL_COLUMN, *REGISTER_COLUMNS[2:])
    sheet_columns = SHEET_COLUMNS if cell_id else (*SHEET_COLUMNS[:3], CELL_COLUMN, *SHEET_COLUMNS[3:])
    scope = cells[cell_id].name if cell_id else unit.name
    if cell_id:
        header = Header.build(unit.name, cells[cell_id].name, "", unit.place_name, on)
    else:
        header = Header.build(
            upper.header_line if upper else unit.province,
            unit.committee_name,
            "",  # a register carries no document number
            unit.place_name,
            on,
        )
    table = Table(
        columns,
        tuple(rows),
        font_size=REGISTER_FONT_SIZE,
        align=("center",),
        numbered=True,
        fit=True,
        sheet_columns=sheet_columns,
        sheet_rows=tuple(sheet_rows),
    )
    counted = rg.counts(session, rg.RegisterFilter(cell_id=cell_id))
    summary = Paragraph(
        f"Tổng số đảng viên đang sinh hoạt: {vi_int(counted.total)} (chính thức: {vi_int(counted.total - counted.probationary)}, "
        f"dự bị: {vi_int(counted.probationary)}; nữ: {vi_int(counted.women)}).",
        "note",
        indent=False,
    )
    title = f"SỔ DANH SÁCH ĐẢNG VIÊN – {scope.upper()}"
    document = Document(
        header=header,
        title="SỔ DANH SÁCH ĐẢNG VIÊN",
        subject=scope,
        blocks=(summary, table),
        signatures=(
            SignatureBlock("", "NGƯỜI LẬP", "." * 30),
            SignatureBlock("T/M CHI BỘ" if cell_id else "T/M ĐẢNG ỦY", "BÍ THƯ", "." * 30),
        ),
        landscape=True,
        metadata={"scope": scope},
    )
    return RegisterSheet(document, columns, tuple(rows), title)


def member_list_rows(session: Any, ids: list[str]) -> tuple[tuple[str | date | None, ...], ...]:
    """The flat list (as on screen) for an Excel export of the current, filtered view; dates stay
    dates (None when unknown) so the workbook holds real Excel dates."""
    rows = rg.member_rows(session, ids)
    out = []
    for index, member_id in enumerate(ids, start=1):
        r = rows[member_id]
        out.append(
            (
                str(index),
                r.name,
                _sex(r.sex),
                r.date_of_birth,
                r.ethnicity,
                r.cell_name,
                translate("membership", ms.STATUS_LABELS.get(r.status, r.status)),
                r.admission_date,
                r.official_date,
                r.party_card_no,
                r.cccd,
            )
        )
    return tuple(out)
