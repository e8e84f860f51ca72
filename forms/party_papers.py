"""Papers the office writes from the data it already holds, in the Party format (DOMAIN.md §4): the
cell's resolution (nghị quyết) of a regular meeting, the letter introducing a member transferred out
(giấy giới thiệu sinh hoạt đảng), and the committee's generic letter (công văn) and meeting invitation
(giấy mời), whose text the clerk gives."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from forms.document import Document, Header, Paragraph, SignatureBlock, Table, doc_number, vi_percent
from forms.minutes import _cell_signer, _day_words, _month_words
from models.dates import format_date, today
from models.i18n import translate
from models.services import admission as adm
from models.services import meetings as mt
from models.services import membership as ms
from models.services import organisation as org
from models.services import rating as rt
from models.services import register as rg

BLANK_NAME = "." * 36


def _next_month(month: str) -> str:
    year, mon = int(month[:4]), int(month[5:])
    return f"{year + mon // 12}-{mon % 12 + 1:02d}"


def resolution_document(session: Any, meeting_id: str) -> Document:
    """Nghị quyết chi bộ of a held regular meeting: the chair's conclusion as the assessment, the
    tasks for next month with who does them and by when, the votes, signed for the cell."""
    m = mt.get_meeting(session, meeting_id)
    unit = org.own_unit(session)
    held = m.held_date or m.planned_date or today()
    label, signer = _cell_signer(session, m, held)
    header = Header.build(
        unit.name, m.cell_name, doc_number(m.number, "NQ", m.cell_symbol), unit.place_name, held
    )
    following = _month_words(_next_month(m.month))
    s = m.summary
    blocks: list[Paragraph | Table] = [
        Paragraph("- Căn cứ Điều lệ Đảng Cộng sản Việt Nam;", indent=False),
        Paragraph(
            f"- Căn cứ kết quả sinh hoạt chi bộ {_day_words(held)} "
            f"({s.present}/{s.expected} đảng viên phải dự có mặt),",
            indent=False,
        ),
        Paragraph(f"{m.cell_name.upper()} QUYẾT NGHỊ:", "center"),
        Paragraph("1. Đánh giá kết quả tháng qua", "bold", indent=False),
        Paragraph(m.conclusion or "Chi bộ thống nhất đánh giá kết quả thực hiện nhiệm vụ tháng qua."),
        Paragraph(f"2. Nhiệm vụ trọng tâm {following}", "bold", indent=False),
    ]
    for i, task in enumerate(m.tasks, start=1):
        who = f" Người thực hiện: đồng chí {task.assignee}." if task.assignee else ""
        due = f" Thời hạn: {format_date(task.due_date)}." if task.due_date else ""
        blocks.append(Paragraph(f"{i}) {task.text.rstrip('.')}.{who}{due}"))
    if not m.tasks:
        blocks.append(Paragraph("Tiếp tục thực hiện các nhiệm vụ đã đề ra."))
    passed = [v for v in m.votes if v.outcome.passed]
    if passed:
        blocks.append(Paragraph("3. Các nội dung chi bộ đã biểu quyết thông qua", "bold", indent=False))
        blocks.extend(
            Paragraph(f"- {v.subject} (tán thành {v.votes_for}/{v.outcome.basis_count}).", indent=False)
            for v in passed
        )
    blocks += [
        Paragraph(f"{len(passed) + 3 if passed else 3}. Tổ chức thực hiện", "bold", indent=False),
        Paragraph(
            "Chi ủy (bí thư chi bộ) phân công, đôn đốc đảng viên thực hiện nghị quyết; các đồng chí đảng viên "
            "có trách nhiệm thực hiện và báo cáo kết quả tại kỳ sinh hoạt sau."
        ),
        Paragraph(f"Nghị quyết đã được chi bộ biểu quyết thông qua {_day_words(held)}."),
    ]
    return Document(
        header=header,
        title="NGHỊ QUYẾT",
        subject=f"Về nhiệm vụ {following}",
        blocks=tuple(blocks),
        signatures=(None, SignatureBlock("T/M CHI BỘ", label, signer)),
        recipients=("- Đảng ủy xã (b/c),", "- Đảng viên trong chi bộ,", "- Lưu chi bộ."),
        metadata={"meeting_id": m.id, "kind": "resolution"},
    )


def transfer_letter(session: Any, member_id: str, *, signer: str = "", number: int | None = None) -> Document:
    """Giấy giới thiệu sinh hoạt đảng for the member's latest transfer out: who, from which cell, to
    which Party organisation, and the month the dues are paid through; dated on the transfer."""
    detail = ms.get_member(session, member_id)
    event = next((e for e in reversed(ms.history(session, member_id)) if e.kind == "transfer_out"), None)
    if event is None:
        raise LookupError(member_id)
    unit = org.own_unit(session)
    upper = org.current_upper_level(session, event.event_date)
    shown_number = number
    if shown_number is None and event.letter_no.strip().isdigit():
        shown_number = int(event.letter_no.strip())
    header = Header.build(
        upper.header_line if upper else unit.province,
        unit.committee_name,
        doc_number(shown_number, "GGT", unit.symbol),
        unit.place_name,
        event.event_date,
    )
    p = detail.profile
    membership = "chính thức" if detail.official_date else "dự bị"
    paid = event.dues_paid_through or "...................."
    if len(paid) == 7 and paid[4] == "-":
        paid = f"{paid[5:]}/{paid[:4]}"
    kind = "tạm thời" if event.temporary else "chính thức"
    blocks = (
        Paragraph(f"Ban Thường vụ {unit.committee_name} trân trọng giới thiệu:", indent=False),
        Paragraph(f"Đồng chí: {detail.name}", "bold", indent=False),
        Paragraph(f"Sinh ngày: {format_date(p.date_of_birth)}", indent=False),
        Paragraph(f"Quê quán: {p.home_town or '....'}", "fill" if not p.home_town else "body", indent=False),
        Paragraph(
            f"Vào Đảng ngày: {format_date(detail.admission_date) or '......'}; "
            f"chính thức ngày: {format_date(detail.official_date) or '......'}",
            indent=False,
        ),
        Paragraph(f"Số thẻ đảng viên: {p.party_card_no or '......'}", indent=False),
        Paragraph(f"Là đảng viên {membership} của {detail.cell_name or unit.name}.", indent=False),
        Paragraph(f"Được chuyển sinh hoạt đảng {kind} đến: {event.other_organisation}.", indent=False),
        Paragraph(f"Đã đóng đảng phí đến hết tháng {paid}.", indent=False),
        Paragraph(
            f"Đề nghị {event.other_organisation} tiếp nhận, quản lý và giới thiệu đồng chí {detail.name} "
            "về sinh hoạt tại chi bộ."
        ),
        Paragraph("Giấy giới thiệu có giá trị 30 ngày kể từ ngày ký.", "italic"),
    )
    return Document(
        header=header,
        title="GIẤY GIỚI THIỆU SINH HOẠT ĐẢNG",
        subject="",
        blocks=blocks,
        signatures=(None, SignatureBlock("T/M ĐẢNG ỦY", "BÍ THƯ", signer.strip() or BLANK_NAME)),
        recipients=(f"- {event.other_organisation},", "- Lưu VP."),
        metadata={"kind": "transfer_letter", "month": event.event_date.isoformat()[:7]},
    )


@dataclass(frozen=True)
class Letter:
    """What the clerk writes: a công văn ("cong-van") or a giấy mời ("giay-moi")."""

    kind: str
    subject: str  # "V/v chuẩn bị đại hội chi bộ" / "Dự hội nghị sơ kết 6 tháng"
    body: tuple[str, ...]  # paragraphs
    recipients: tuple[str, ...] = ()
    to: str = ""  # "Kính gửi: Các chi bộ trực thuộc" (công văn)
    signer: str = ""
    signer_title: str = "BÍ THƯ"
    on_behalf: str = "T/M ĐẢNG ỦY"
    number: int | None = None
    on: date | None = None
    # giấy mời: whom, when, where
    guest: str = ""
    time: str = ""
    place: str = ""


LETTER_KINDS = {"cong-van": ("CV", ""), "giay-moi": ("GM", "GIẤY MỜI")}


def letter_document(session: Any, letter: Letter) -> Document:
    """A công văn (no title; the subject "V/v …" under the number) or a giấy mời, with the Party header.
    Without a number and a signer it is a DỰ THẢO."""
    unit = org.own_unit(session)
    now = today()
    on = min(letter.on or now, now)
    upper = org.current_upper_level(session, on)
    symbol, title = LETTER_KINDS[letter.kind]
    header = Header.build(
        upper.header_line if upper else unit.province,
        unit.committee_name,
        doc_number(letter.number, symbol, unit.symbol),
        unit.place_name,
        on,
    )
    blocks: list[Paragraph] = []
    subject = letter.subject.strip()
    if letter.kind == "cong-van":
        if subject and not subject.lower().startswith("v/v"):
            subject = f"V/v {subject[0].lower()}{subject[1:]}"
        if letter.to:
            blocks.append(Paragraph(letter.to, "center"))
    else:
        blocks.append(Paragraph(f"{unit.committee_name} trân trọng kính mời:", indent=False))
        blocks.append(
            Paragraph(f"{letter.guest or '....'}", "bold" if letter.guest else "fill", indent=False)
        )
        blocks.append(Paragraph(f"Tới dự: {subject}", indent=False))
        blocks.append(
            Paragraph(f"Thời gian: {letter.time or '....'}", "body" if letter.time else "fill", indent=False)
        )
        blocks.append(
            Paragraph(f"Địa điểm: {letter.place or '....'}", "body" if letter.place else "fill", indent=False)
        )
    blocks.extend(Paragraph(p) for p in letter.body if p.strip())
    if letter.kind == "giay-moi":
        blocks.append(Paragraph("Rất mong đồng chí đến dự đúng thời gian.", indent=True))
    final = letter.number is not None and bool(letter.signer.strip())
    return Document(
        header=header,
        title=title,
        subject=subject if letter.kind == "cong-van" else "",
        blocks=tuple(blocks),
        signatures=(
            None,
            SignatureBlock(letter.on_behalf, letter.signer_title, letter.signer.strip() or BLANK_NAME),
        ),
        recipients=letter.recipients or ("- Như trên,", "- Lưu VP."),
        draft=not final,
        metadata={"kind": letter.kind, "month": on.isoformat()[:7]},
    )


def rating_results(session: Any, year: int, cell_id: str | None = None, subject: str = "member") -> Document:
    """Kết quả xếp loại chất lượng of a year: every member (or cell) with score and level, the count and
    share of each level, the excellent-quota warning if any; for one cell or the whole commune."""
    round_id = rt.find_round(session, year, subject)
    if round_id is None:
        raise LookupError(year)
    unit = org.own_unit(session)
    cells = {c.id: c for c in org.list_cells(session)}
    names = rt.level_names(session, year)
    rows = rt.rating_rows(session, round_id, cell_id)
    table_rows = tuple(
        (
            str(i),
            r.name,
            *((r.cell_name.removeprefix("Chi bộ "),) if cell_id is None and subject == "member" else ()),
            "" if r.score is None else str(r.score),
            names.get(r.level, "") if not r.excluded_reason else "Không xếp loại",
            translate("rating", rt.EXCLUSIONS.get(r.excluded_reason, r.excluded_reason))
            if r.excluded_reason
            else "",
        )
        for i, r in enumerate(rows, start=1)
    )
    whole = cell_id is None and subject == "member"
    columns = (
        "TT",
        "Họ và tên" if subject == "member" else "Tổ chức đảng",
        *(("Chi bộ",) if whole else ()),
        "Điểm",
        "Mức xếp loại",
        "Ghi chú",
    )
    result = rt.summary(session, round_id, cell_id)
    lines: list[Paragraph | Table] = [
        Paragraph(
            f"Tổng số {'đảng viên' if subject == 'member' else 'tổ chức'} được xếp loại: {result.rated}; "
            f"không xếp loại: {result.excluded}.",
            indent=False,
        )
    ]
    lines += [
        Paragraph(
            f"- {names.get(level, level)}: {result.by_level.get(level, 0)} ({vi_percent(result.percent(level), 1)}).",
            indent=False,
        )
        for level in rt.LEVELS
    ]
    lines += [Paragraph(w, "note", indent=False) for w in rt.quota_warnings(session, round_id, cell_id)]
    issuer = cells[cell_id].name if cell_id else unit.committee_name
    header = Header.build(unit.name, issuer, "", unit.place_name, today())
    what = "đảng viên" if subject == "member" else "tổ chức cơ sở đảng"
    return Document(
        header=header,
        title="DANH SÁCH",
        subject=f"Kết quả xếp loại chất lượng {what} năm {year}",
        blocks=(
            *lines,
            Table(
                columns,
                table_rows,
                widths=(0.6, 3.6, *((2.6,) if whole else ()), 0.9, 2.6, 2.2),
                align=("center", "left", *(("left",) if whole else ()), "center", "left", "left"),
                font_size=12,
            ),
        ),
        signatures=(None, SignatureBlock("T/M CHI BỘ" if cell_id else "T/M ĐẢNG ỦY", "BÍ THƯ", BLANK_NAME)),
        metadata={"kind": "rating_results", "month": f"{year}-12"},
    )


def badge_proposals(session: Any, on: date | None = None) -> Document:
    """Danh sách đề nghị tặng Huy hiệu Đảng for the next presentation day: members reaching a badge
    level by then, and apart those who may receive it early (serious illness, the clerk decides)."""
    on = on or today()
    due = rg.badges_due(session, on)
    unit = org.own_unit(session)
    upper = org.current_upper_level(session, on)
    award_day = due[0].award_day if due else rg.next_award_day(session, on)

    def rows(items: list[rg.BadgeDue]) -> tuple[tuple[str, ...], ...]:
        out = []
        for i, b in enumerate(items, start=1):
            detail = ms.get_member(session, b.member_id)
            out.append(
                (
                    str(i),
                    b.name,
                    format_date(detail.profile.date_of_birth),
                    b.cell_name.removeprefix("Chi bộ "),
                    format_date(detail.admission_date),
                    f"{b.years} năm",
                    format_date(b.eligible_on),
                )
            )
        return tuple(out)

    columns = ("TT", "Họ và tên", "Ngày sinh", "Chi bộ", "Ngày vào Đảng", "Huy hiệu", "Đủ tuổi đảng ngày")
    widths = (0.6, 3.2, 1.6, 2.4, 1.6, 1.3, 1.7)
    align = ("center", "left", "center", "left", "center", "center", "center")
    regular = [b for b in due if not b.early]
    early = [b for b in due if b.early]
    blocks: list[Paragraph | Table] = [
        Paragraph(
            f"Đảng ủy đề nghị tặng Huy hiệu Đảng đợt {format_date(award_day)} cho {len(regular)} đồng chí "
            "đủ tuổi đảng theo quy định:",
            indent=False,
        ),
        Table(columns, rows(regular), widths=widths, align=align, font_size=11),
    ]
    if early:
        blocks += [
            Paragraph(
                f"Đảng viên có thể xét trao sớm (ốm nặng; cần hồ sơ xác nhận): {len(early)} đồng chí.",
                "italic",
            ),
            Table(columns, rows(early), widths=widths, align=align, font_size=11),
        ]
    return Document(
        header=Header.build(
            upper.header_line if upper else unit.province, unit.committee_name, "", unit.place_name, on
        ),
        title="DANH SÁCH",
        subject=f"Đảng viên đề nghị tặng Huy hiệu Đảng đợt {format_date(award_day)}",
        blocks=tuple(blocks),
        signatures=(None, SignatureBlock("T/M ĐẢNG ỦY", "BÍ THƯ", BLANK_NAME)),
        recipients=(
            f"- {upper.organisation_board if upper and upper.organisation_board else 'Ban Tổ chức cấp trên'} (b/c),",
            "- Lưu VP.",
        ),
        metadata={"kind": "badge_proposals", "month": award_day.isoformat()[:7]},
    )


# ---------------------------------------------------------------- admission and official recognition


@dataclass(frozen=True)
class _Person:
    name: str
    born: date
    ethnicity: str
    cell_id: str
    cell_name: str
    on: date | None  # the cell's meeting (resolution) date, if recorded
    admitted: date | None = None


def _cell_papers(session: Any, person: _Person, paper: str, official: bool) -> Document:
    unit = org.own_unit(session)
    cells = {c.id: c for c in org.list_cells(session)}
    cell = cells[person.cell_id]
    what = "công nhận đảng viên chính thức" if official else "kết nạp đảng viên"
    on = min(person.on or today(), today())
    who = f"{'đồng chí' if official else 'quần chúng'} {person.name}"
    facts = Paragraph(
        f"{'Đồng chí' if official else 'Quần chúng'} {person.name}, sinh ngày {format_date(person.born)}, "
        f"dân tộc {person.ethnicity or '......'}"
        + (f", kết nạp vào Đảng ngày {format_date(person.admitted)}" if official and person.admitted else "")
        + ".",
    )
    if paper == "resolution":
        blocks: tuple[Paragraph | Table, ...] = (
            Paragraph(
                "- Căn cứ Điều lệ Đảng Cộng sản Việt Nam và các quy định, hướng dẫn thi hành;", indent=False
            ),
            Paragraph(
                f"- Căn cứ kết quả sinh hoạt chi bộ {_day_words(on)}; số đảng viên chính thức của chi bộ: "
                "...... đồng chí; số tán thành: ...... đồng chí (đạt ......%),",
                "fill",
                indent=False,
            ),
            facts,
            Paragraph(f"{cell.name.upper()} QUYẾT NGHỊ:", "center"),
            Paragraph(
                f"Đề nghị Ban Thường vụ {unit.committee_name} xem xét, quyết định {what} đối với {who}."
            ),
        )
        return Document(
            header=Header.build(
                unit.name, cell.name, doc_number(None, "NQ", cell.symbol), unit.place_name, on
            ),
            title="NGHỊ QUYẾT",
            subject=f"Đề nghị {what}",
            blocks=blocks,
            signatures=(None, SignatureBlock("T/M CHI BỘ", "BÍ THƯ", cell.secretary_name or BLANK_NAME)),
            recipients=(f"- {unit.committee_name} (b/c),", "- Lưu chi bộ."),
            metadata={"kind": "admission_paper", "month": on.isoformat()[:7]},
        )
    upper = org.current_upper_level(session, on)
    article_1 = (
        f"Điều 1. Công nhận {who}, sinh ngày {format_date(person.born)}, là đảng viên chính thức "
        f"của Đảng Cộng sản Việt Nam kể từ ngày ......../......../............"
        if official
        else f"Điều 1. Kết nạp {who}, sinh ngày {format_date(person.born)}, vào Đảng Cộng sản Việt Nam. "
        "Thời gian dự bị 12 tháng kể từ ngày chi bộ tổ chức lễ kết nạp."
    )
    blocks = (
        Paragraph(f"BAN THƯỜNG VỤ {unit.committee_name.upper()}", "center"),
        Paragraph("- Căn cứ Điều lệ Đảng Cộng sản Việt Nam;", indent=False),
        Paragraph("- Căn cứ Quy định thi hành Điều lệ Đảng và các hướng dẫn của cấp trên;", indent=False),
        Paragraph(
            f"- Xét nghị quyết đề nghị của {cell.name} ngày {format_date(person.on) if person.on else '........'} "
            "và báo cáo thẩm định của Văn phòng Đảng ủy,",
            indent=False,
        ),
        Paragraph("QUYẾT ĐỊNH:", "center"),
        Paragraph(article_1),
        Paragraph(f"Điều 2. {cell.name} và {who} chịu trách nhiệm thi hành quyết định này."),
    )
    return Document(
        header=Header.build(
            upper.header_line if upper else unit.province,
            unit.committee_name,
            doc_number(None, "QĐ", unit.symbol),
            unit.place_name,
            today(),
        ),
        title="QUYẾT ĐỊNH",
        subject=f"Về việc {what}",
        blocks=blocks,
        signatures=(None, SignatureBlock("T/M BAN THƯỜNG VỤ", "BÍ THƯ", BLANK_NAME)),
        recipients=("- Như Điều 2,", "- Lưu VP, hồ sơ đảng viên."),
        draft=True,  # a draft for the standing committee to sign; the number is given then
        metadata={"kind": "admission_paper", "month": today().isoformat()[:7]},
    )


def admission_paper(session: Any, candidate_id: str, paper: str) -> Document:
    """For a candidate: the cell's resolution proposing admission ("resolution") or the draft decision
    of the standing committee ("decision")."""
    c = adm.get_candidate(session, candidate_id)
    person = _Person(c.name, c.date_of_birth, c.ethnicity, c.cell_id, c.cell_name, c.cell_resolution_date)
    return _cell_papers(session, person, paper, official=False)


def official_paper(session: Any, member_id: str, paper: str) -> Document:
    """For a probationary member: the cell's resolution proposing official recognition or the draft
    decision recognising them."""
    d = ms.get_member(session, member_id)
    if d.cell_id is None:
        raise LookupError(member_id)
    person = _Person(
        d.name, d.profile.date_of_birth, d.profile.ethnicity, d.cell_id, d.cell_name, None, d.admission_date
    )
    return _cell_papers(session, person, paper, official=True)
