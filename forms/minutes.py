"""Cell meeting minutes (biên bản sinh hoạt chi bộ), blank minutes to fill by hand, and extracts
(trích biên bản) of one agenda item, as `Document`s (DOMAIN.md §3.5, §4)."""

from __future__ import annotations

import math
import re
from datetime import date
from typing import Any

from forms.document import Document, Header, Paragraph, SignatureBlock, Table, doc_number, vi_percent
from models.dates import format_date, today
from models.i18n import translate
from models.rules import rule
from models.services import meetings as mt
from models.services import organisation as org
from models.text import fold

CTX = "minutes"
DOTS = "." * 110


def _time_words(hhmm: str) -> str:
    """ "19:30" → "19 giờ 30 phút"; "08:00" → "08 giờ 00 phút"."""
    if ":" not in hhmm:
        return "... giờ ... phút"
    hours, minutes = hhmm.split(":")
    return f"{hours} giờ {minutes} phút"


def _day_words(value: date) -> str:
    day = f"{value.day:02d}"
    month = f"{value.month:02d}" if value.month <= 2 else str(value.month)
    return f"ngày {day} tháng {month} năm {value.year}"


def _month_words(month: str) -> str:
    year, mon = int(month[:4]), int(month[5:])
    shown = f"{mon:02d}" if mon <= 2 else str(mon)
    return f"tháng {shown} năm {year}"


def subject_line(meeting: mt.MeetingView) -> str:
    when = _month_words(meeting.month)
    topic = f" “{meeting.thematic_topic.strip()}”" if meeting.thematic_topic.strip() else ""
    if meeting.kind == "thematic":
        return f"Sinh hoạt chuyên đề{topic} {when}"
    if meeting.kind == "extraordinary":
        return f"Sinh hoạt chi bộ bất thường {when}"
    if meeting.kind == "congress":
        return f"Đại hội {meeting.cell_name}"
    suffix = f" (kết hợp sinh hoạt chuyên đề{topic})" if meeting.combined_thematic else ""
    return f"Sinh hoạt chi bộ định kỳ {when}{suffix}"


def _header(session: Any, cell_name: str, cell_symbol: str, number: int | None, on: date | None) -> Header:
    unit = org.own_unit(session)
    return Header.build(unit.name, cell_name, doc_number(number, "BB", cell_symbol), unit.place_name, on)


def _signatures(session: Any, on: date, secretary: str, chair: str) -> tuple[SignatureBlock, SignatureBlock]:
    layout: dict[str, str] = rule(session, "minutes.signatures", on)
    blocks = {
        "secretary": SignatureBlock("", layout.get("secretary_label", "THƯ KÝ"), secretary),
        "chair": SignatureBlock("", layout.get("chair_label", "CHỦ TRÌ"), chair),
    }
    return blocks[layout.get("left", "secretary")], blocks[layout.get("right", "chair")]


def _names(items: list[mt.AttendanceView], with_reason: bool = False) -> str:
    parts = []
    for a in items:
        parts.append(f"đồng chí {a.name}" + (f" ({a.reason})" if with_reason and a.reason else ""))
    return ", ".join(parts)


def _participants(meeting: mt.MeetingView) -> list[Paragraph]:
    s = meeting.summary
    attendance = list(meeting.attendance)
    blocks = [
        Paragraph(f"- Chủ trì: đồng chí {meeting.chair_name}.", indent=False),
        Paragraph(f"- Thư ký: đồng chí {meeting.secretary_name}.", indent=False),
    ]
    for guest in meeting.guests:
        role = f" – {guest.role}" if guest.role else ""
        extra = ", cấp ủy viên phụ trách chi bộ" if guest.assigned else ""
        blocks.append(Paragraph(f"- Khách mời: đồng chí {guest.name}{role}{extra}.", indent=False))
    blocks.append(
        Paragraph(
            f"- Tổng số đảng viên của chi bộ: {s.total} đồng chí (chính thức: {s.official}, dự bị: {s.probationary}); "
            f"miễn sinh hoạt: {s.exempted}; đi làm ăn xa: {s.away}.",
            indent=False,
        )
    )
    rate = vi_percent(s.rate * 100, 1) if s.expected else "–"
    blocks.append(
        Paragraph(
            f"- Số đảng viên phải dự: {s.expected} đồng chí. Có mặt: {s.present} đồng chí ({rate}); "
            f"vắng có lý do: {s.absent_excused}; vắng không lý do: {s.absent_unexcused}.",
            indent=False,
        )
    )
    excused = [a for a in attendance if a.status == "absent_excused"]
    unexcused = [a for a in attendance if a.status == "absent_unexcused"]
    exempted = [a for a in attendance if a.status in ("exempted", "away")]
    if excused:
        blocks.append(Paragraph(f"- Vắng có lý do: {_names(excused, with_reason=True)}.", indent=False))
    if unexcused:
        blocks.append(Paragraph(f"- Vắng không lý do: {_names(unexcused)}.", indent=False))
    if exempted:
        blocks.append(
            Paragraph(
                f"- Miễn sinh hoạt, đi làm ăn xa (không tính vào số phải dự): {_names(exempted)}.",
                indent=False,
            )
        )
    return blocks


def _agenda_item(number: int, item: mt.AgendaView) -> list[Paragraph]:
    blocks = [Paragraph(f"{number}. {item.title}", "bold", indent=False)]
    if item.presenter or item.content:
        lead = f"Đồng chí {item.presenter} trình bày" if item.presenter else "Nội dung"
        text = f"{lead}: {item.content}" if item.content else f"{lead}."
        blocks.append(Paragraph(text))
    if item.speeches:
        blocks.append(Paragraph("Ý kiến thảo luận:", "italic"))
        blocks.extend(Paragraph(f"- Đồng chí {sp.speaker}: {sp.text}", indent=False) for sp in item.speeches)
    if item.conclusion:
        blocks.append(Paragraph(f"Kết luận: {item.conclusion}"))
    return blocks


def _votes(meeting: mt.MeetingView, votes: tuple[mt.VoteView, ...] | None = None) -> list[Paragraph | Table]:
    votes = meeting.votes if votes is None else votes
    if not votes:
        return []
    rows = []
    for i, v in enumerate(votes, start=1):
        outcome = "Thông qua" if v.outcome.passed else "Không thông qua"
        basis = v.outcome.basis_count
        of_whom = "phiếu" if basis == meeting.summary.official else "đảng viên chính thức có mặt"
        needed = f"cần {v.outcome.required}/{basis} {of_whom}" if basis else "không có đảng viên chính thức"
        rows.append(
            (
                str(i),
                v.subject,
                str(v.votes_for),
                str(v.votes_against),
                str(v.votes_abstain),
                translate("meetings", mt.VOTE_METHODS[v.method]),
                f"{outcome} ({needed})",
            )
        )
    return [
        Table(
            (
                "TT",
                "Nội dung biểu quyết",
                "Tán thành",
                "Không tán thành",
                "Không biểu quyết",
                "Hình thức",
                "Kết quả",
            ),
            tuple(rows),
            widths=(0.6, 4.0, 1.3, 1.5, 1.5, 1.8, 2.4),
            align=("center", "left", "center", "center", "center", "left", "left"),
            font_size=11,
            # Who votes, so that "cần 6/10" reads right beside 12 present: the official members.
            caption=f"Kết quả biểu quyết ({meeting.summary.official} đảng viên chính thức có quyền biểu quyết):",
        )
    ]


def minutes_document(session: Any, meeting_id: str) -> Document:
    """The minutes of a held meeting."""
    m = mt.get_meeting(session, meeting_id)
    held = m.held_date or m.planned_date or today()
    header = _header(session, m.cell_name, m.cell_symbol, m.number, m.held_date)
    blocks: list[Paragraph | Table] = [
        Paragraph("I. THỜI GIAN, ĐỊA ĐIỂM", "heading", indent=False),
        Paragraph(
            f"Vào hồi {_time_words(m.start_time)}, {_day_words(held)}, tại {m.place or '...'}, "
            f"{m.cell_name} tiến hành {subject_line(m)[0].lower() + subject_line(m)[1:]}."
        ),
        Paragraph("II. THÀNH PHẦN", "heading", indent=False),
        *_participants(m),
        Paragraph("III. NỘI DUNG", "heading", indent=False),
    ]
    if m.kind == "thematic" or m.combined_thematic:
        presenter = f", do đồng chí {m.thematic_presenter} trình bày" if m.thematic_presenter else ""
        blocks.append(Paragraph(f"Chuyên đề: {m.thematic_topic}{presenter}.", "bold"))
    for i, item in enumerate(m.agenda, start=1):
        blocks.extend(_agenda_item(i, item))
    blocks.append(Paragraph("IV. KẾT LUẬN CỦA CHỦ TRÌ", "heading", indent=False))
    blocks.append(Paragraph(m.conclusion or "Đồng chí chủ trì kết luận các nội dung đã thảo luận."))
    if m.tasks:
        blocks.append(Paragraph("Nhiệm vụ tháng tới:", "italic"))
        for i, task in enumerate(m.tasks, start=1):
            who = f" – Người thực hiện: {task.assignee}" if task.assignee else ""
            due = f"; thời hạn: {format_date(task.due_date)}" if task.due_date else ""
            blocks.append(Paragraph(f"{i}. {task.text}{who}{due}.", indent=False))
    blocks.extend(_votes(m))
    if m.quality_rating:
        label = translate("meetings", mt.QUALITY[m.quality_rating])
        score = f" ({m.quality_score} điểm)" if m.quality_score is not None else ""
        blocks.append(Paragraph(f"Chi bộ tự đánh giá chất lượng buổi sinh hoạt: {label}{score}."))
    if m.prep_committee_met or m.prep_members_notified:
        prep = []
        if m.prep_committee_met:
            prep.append("chi ủy (bí thư) đã họp chuẩn bị nội dung")
        if m.prep_members_notified:
            prep.append("đảng viên đã được thông báo trước")
        blocks.append(Paragraph("Công tác chuẩn bị: " + "; ".join(prep) + ".", "note", indent=False))
    closing = f"Buổi sinh hoạt kết thúc hồi {_time_words(m.end_time)} cùng ngày."
    if m.read_back:
        closing += " Biên bản đã được đọc lại cho chi bộ nghe và các đồng chí dự họp nhất trí thông qua."
    blocks.append(Paragraph(closing))
    return Document(
        header=header,
        title="BIÊN BẢN",
        subject=subject_line(m),
        blocks=tuple(blocks),
        signatures=_signatures(session, held, m.secretary_name, m.chair_name),
        metadata={"meeting_id": m.id},
    )


BLANK_KINDS = ("regular", "thematic", "ballot")
DAY_BLANK = "ngày .......... tháng .......... năm ............"
TIME_BLANK = ".......... giờ .......... phút"


def _lines(count: int) -> list[Paragraph]:
    """`count` lines to write on, each running to the right margin (the renderer fills the dots)."""
    return [Paragraph("....", "fill", indent=False) for _ in range(count)]


def _label(text: str) -> Paragraph:
    return Paragraph(text, "italic", indent=False)


def _blank_votes() -> Table:
    return Table(
        ("TT", "Nội dung biểu quyết", "Tán thành", "Không tán thành", "Không biểu quyết", "Kết quả"),
        tuple((str(i), "", "", "", "", "") for i in range(1, 4)),
        widths=(0.6, 4.6, 1.3, 1.5, 1.5, 1.6),
        align=("center", "left", "center", "center", "center", "left"),
        font_size=11,
        caption="Kết quả biểu quyết:",
        row_height=11,
    )


def blank_minutes(session: Any, cell_id: str, month: str, kind: str = "regular") -> Document:
    """Minutes to fill by hand, pre-filled with the cell's members (as of the 1st of the month), with
    room in proportion for every part the minutes must record (DOMAIN.md §3.5): time and place,
    chair, secretary, guests, attendance, the agenda with presenters, speakers and conclusions (for
    a thematic meeting: the topic, its presenter, the discussion and the conclusion), votes, tasks
    for next month, the chair's conclusion, the quality rating, the closing time, and the signers'
    names. `kind` "ballot" is the ballot-count minutes (biên bản kiểm phiếu)."""
    if kind == "ballot":
        return ballot_count_minutes(session, cell_id, month)
    cells = {c.id: c for c in org.list_cells(session)}
    cell = cells[cell_id]
    first = date(int(month[:4]), int(month[5:]), 1)
    roster = mt.roster(session, cell_id, first)
    header = _header(session, cell.name, cell.symbol, None, None)
    rows = tuple(
        (
            str(i),
            r.name,
            "Chính thức" if r.membership == "official" else "Dự bị",
            {"exempted": "Miễn SH", "away": "Đi làm ăn xa"}.get(r.activity, ""),
            "",
            "",
        )
        for i, r in enumerate(roster, start=1)
    )
    official = sum(1 for r in roster if r.membership == "official")
    blocks: list[Paragraph | Table] = [
        Paragraph("I. THỜI GIAN, ĐỊA ĐIỂM", "heading", indent=False),
        Paragraph(f"Vào hồi {TIME_BLANK}, {DAY_BLANK},", "fill", indent=False),
        Paragraph("tại ....", "fill", indent=False),
        Paragraph(
            f"{cell.name} tiến hành sinh hoạt {'chuyên đề' if kind == 'thematic' else 'chi bộ định kỳ'} "
            f"{_month_words(month)}.",
            indent=False,
        ),
        Paragraph("II. THÀNH PHẦN", "heading", indent=False),
        Paragraph("- Chủ trì: đồng chí ....", "fill", indent=False),
        Paragraph("- Thư ký: đồng chí ....", "fill", indent=False),
        Paragraph("- Khách mời (họ tên, chức vụ): ....", "fill", indent=False),
        *_lines(1),
        Paragraph(
            f"- Tổng số đảng viên: {len(roster)} đồng chí (chính thức: {official}, "
            f"dự bị: {len(roster) - official}); miễn sinh hoạt, đi làm ăn xa: ..........",
            "fill",
            indent=False,
        ),
        Paragraph(
            "- Phải dự: .......... đồng chí. Có mặt: .......... ; vắng có lý do: .......... ; "
            "vắng không lý do: ..........",
            "fill",
            indent=False,
        ),
        Table(
            ("TT", "Họ và tên", "Đảng viên", "Ghi chú", "Có mặt", "Vắng (lý do)"),
            rows,
            widths=(0.6, 4.2, 1.6, 1.6, 1.1, 2.3),
            align=("center", "left", "center", "center", "center", "left"),
            caption="Danh sách đảng viên (đánh dấu khi điểm danh):",
        ),
        Paragraph("III. NỘI DUNG", "heading", indent=False),
    ]
    if kind == "thematic":
        blocks += [
            Paragraph("Chuyên đề: ....", "fill", indent=False),
            *_lines(1),
            Paragraph("Đồng chí trình bày chuyên đề: ....", "fill", indent=False),
            _label("Những nội dung chính của chuyên đề:"),
            *_lines(8),
            _label("Ý kiến thảo luận, liên hệ của đảng viên (họ tên người phát biểu, nội dung):"),
            *_lines(12),
            _label("Việc làm cụ thể chi bộ, đảng viên đăng ký thực hiện:"),
            *_lines(5),
        ]
    else:
        for number, title in (
            (1, "Đánh giá kết quả thực hiện nhiệm vụ tháng trước (người trình bày, nội dung):"),
            (2, "Phổ biến, quán triệt văn bản, thông tin thời sự:"),
            (3, "Nội dung khác (kết nạp, chuyển chính thức, đảng phí, …):"),
        ):
            blocks += [
                Paragraph(f"{number}. {title}", "bold", indent=False),
                *_lines(6 if number == 1 else 4),
            ]
        blocks += [
            _label("Ý kiến thảo luận (họ tên người phát biểu, nội dung):"),
            *_lines(10),
            _label("Nhiệm vụ tháng tới (nội dung, người thực hiện, thời hạn):"),
            *_lines(6),
        ]
    blocks += [
        _blank_votes(),
        Paragraph("IV. KẾT LUẬN CỦA CHỦ TRÌ", "heading", indent=False),
        *_lines(7),
        Paragraph(
            "Chi bộ tự đánh giá chất lượng buổi sinh hoạt: Tốt □   Khá □   Trung bình □   Kém □   "
            "(điểm: ..........)",
            indent=False,
        ),
        Paragraph(
            f"Buổi sinh hoạt kết thúc hồi {TIME_BLANK} cùng ngày. Biên bản đã được đọc lại cho chi bộ "
            "nghe và thông qua.",
            indent=False,
        ),
    ]
    dots = "." * 36
    subject = "Sinh hoạt chuyên đề" if kind == "thematic" else "Sinh hoạt chi bộ định kỳ"
    return Document(
        header=header,
        title="BIÊN BẢN",
        subject=f"{subject} {_month_words(month)}",
        blocks=tuple(blocks),
        signatures=_signatures(session, first, dots, dots),
        metadata={"cell_id": cell_id, "month": month, "blank": kind},
    )


def ballot_count_minutes(session: Any, cell_id: str, month: str) -> Document:
    """Biên bản kiểm phiếu to fill by hand: the counting board, what was voted on, ballots issued,
    returned, valid and invalid, the count per candidate or question, signed by the board."""
    cells = {c.id: c for c in org.list_cells(session)}
    cell = cells[cell_id]
    first = date(int(month[:4]), int(month[5:]), 1)
    roster = mt.roster(session, cell_id, first)
    official = sum(1 for r in roster if r.membership == "official")
    blocks: list[Paragraph | Table] = [
        Paragraph(f"Vào hồi {TIME_BLANK}, {DAY_BLANK},", "fill", indent=False),
        Paragraph("tại ....", "fill", indent=False),
        Paragraph(f"{cell.name} tiến hành kiểm phiếu.", indent=False),
        Paragraph("I. BAN KIỂM PHIẾU", "heading", indent=False),
        Paragraph("1. Trưởng ban: đồng chí ....", "fill", indent=False),
        Paragraph("2. Thành viên: đồng chí ....", "fill", indent=False),
        Paragraph("3. Thành viên: đồng chí ....", "fill", indent=False),
        Paragraph("II. NỘI DUNG BỎ PHIẾU", "heading", indent=False),
        *_lines(3),
        Paragraph("III. KẾT QUẢ KIỂM PHIẾU", "heading", indent=False),
        Paragraph(
            f"- Tổng số đảng viên của chi bộ: {len(roster)} đồng chí; đảng viên chính thức: {official} đồng chí.",
            indent=False,
        ),
        Paragraph("- Số đảng viên có mặt: .........., trong đó chính thức: ..........", "fill", indent=False),
        Paragraph("- Số phiếu phát ra: ..........  - Số phiếu thu vào: ..........", "fill", indent=False),
        Paragraph("- Số phiếu hợp lệ: ..........  - Số phiếu không hợp lệ: ..........", "fill", indent=False),
        Table(
            (
                "TT",
                "Họ và tên (hoặc nội dung)",
                "Số phiếu đồng ý",
                "Tỷ lệ so với đảng viên chính thức",
                "Số phiếu không đồng ý",
                "Ghi chú",
            ),
            tuple((str(i), "", "", "", "", "") for i in range(1, 7)),
            widths=(0.6, 4.0, 1.5, 1.9, 1.5, 1.5),
            align=("center", "left", "center", "center", "center", "left"),
            font_size=11,
            caption="Kết quả cụ thể:",
            row_height=11,
        ),
        Paragraph("Những vấn đề khác (phiếu không hợp lệ, khiếu nại về kiểm phiếu):", "italic", indent=False),
        *_lines(3),
        Paragraph(
            f"Biên bản kiểm phiếu lập xong hồi {TIME_BLANK} cùng ngày và được công bố trước chi bộ.",
            indent=False,
        ),
    ]
    dots = "." * 36
    return Document(
        header=_header(session, cell.name, cell.symbol, None, None),
        title="BIÊN BẢN KIỂM PHIẾU",
        subject="Về việc: " + "." * 60,
        blocks=tuple(blocks),
        signatures=(
            SignatureBlock("", "CÁC THÀNH VIÊN BAN KIỂM PHIẾU", dots),
            SignatureBlock("", "TRƯỞNG BAN KIỂM PHIẾU", dots),
        ),
        metadata={"cell_id": cell_id, "month": month, "blank": "ballot"},
    )


_WORD = re.compile(r"\w+")


def vote_concerns_item(vote: mt.VoteView, item: mt.AgendaView) -> bool:
    """Whether a vote was taken on this agenda item. Votes carry no link to an item, only their
    subject, so the subject is matched against the item, ignoring case and diacritics: one contains
    the other, the subject is quoted in the item's content or conclusion, or at least two thirds
    (and at least two) of the subject's words are in the title."""
    subject, title = fold(vote.subject), fold(item.title)
    if not subject or not title:
        return False
    if subject in title or title in subject:
        return True
    if subject in fold(item.content) or subject in fold(item.conclusion):
        return True
    words = set(_WORD.findall(subject))
    shared = words & set(_WORD.findall(title))
    return len(shared) >= max(2, math.ceil(len(words) * 2 / 3))


def _cell_signer(session: Any, m: mt.MeetingView, on: date) -> tuple[str, str]:
    """(label, name) signing on behalf of the cell: its secretary on the meeting date; otherwise the
    chair, titled by the position held then (deputy secretary) or as the chair."""
    held: dict[str, list[org.PositionView]] = {}
    for pos in org.list_positions(session, cell_id=m.cell_id, current_only=False):
        if pos.start_date <= on and (pos.end_date is None or pos.end_date >= on):
            held.setdefault(pos.role, []).append(pos)
    secretaries = sorted(held.get("secretary", []), key=lambda p: p.start_date)
    if secretaries:
        return "BÍ THƯ", secretaries[-1].member_name
    deputies = {p.member_id for p in held.get("deputy_secretary", [])}
    if m.chair_member_id is not None and m.chair_member_id in deputies:
        return "PHÓ BÍ THƯ", m.chair_name
    return "CHỦ TRÌ", m.chair_name


def extract_document(session: Any, meeting_id: str, item_seq: int) -> Document:
    """Trích biên bản: one agenda item of a held meeting (e.g. for an admission file), with only the
    votes taken on that item, signed on behalf of the cell by its secretary at the meeting date."""
    m = mt.get_meeting(session, meeting_id)
    items = {a.seq: a for a in m.agenda}
    item = items[item_seq]
    held = m.held_date or m.planned_date or today()
    s = m.summary
    votes = tuple(v for v in m.votes if vote_concerns_item(v, item))
    label, signer = _cell_signer(session, m, held)
    blocks: list[Paragraph | Table] = [
        Paragraph(
            f"Vào hồi {_time_words(m.start_time)}, {_day_words(held)}, tại {m.place or '...'}, {m.cell_name} "
            f"tiến hành {subject_line(m)[0].lower() + subject_line(m)[1:]}."
        ),
        Paragraph(f"Chủ trì: đồng chí {m.chair_name}. Thư ký: đồng chí {m.secretary_name}.", indent=False),
        Paragraph(
            f"Tổng số đảng viên: {s.total} (chính thức: {s.official}, dự bị: {s.probationary}); "
            f"phải dự: {s.expected}; có mặt: {s.present}; vắng: {s.absent_excused + s.absent_unexcused}.",
            indent=False,
        ),
        Paragraph("Trích nội dung:", "heading", indent=False),
        *_agenda_item(1, item),
        *_votes(m, votes),
    ]
    return Document(
        header=_header(session, m.cell_name, m.cell_symbol, m.number, m.held_date),
        title="TRÍCH BIÊN BẢN",
        subject=f"{subject_line(m)} (nội dung: {item.title})",
        blocks=tuple(blocks),
        signatures=(None, SignatureBlock("T/M CHI BỘ", label, signer)),
        recipients=("- Đảng ủy xã (để báo cáo),", "- Lưu chi bộ."),
        metadata={"meeting_id": m.id, "item": str(item_seq)},
    )
