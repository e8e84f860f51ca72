"""Minutes PDF: the text read back, the header format, only the bundled fonts, full glyph coverage."""

from __future__ import annotations

import io
import re
import unicodedata
from datetime import date
from typing import Any

import pytest
from pypdf import PdfReader

import resources
from exports.pdf import render_pdf
from forms.document import Document
from forms.minutes import blank_minutes, extract_document, minutes_document
from models.db import Database, read_session, unit_of_work
from models.security import SYSTEM_ACTOR
from models.services import meetings as mt
from models.services import membership as ms
from models.services import organisation as org
from tests.builders import admit, profile, village_and_cell


@pytest.fixture
def meeting(db: Database) -> tuple[str, str]:
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        cell = village_and_cell(s)
        people = {}
        for i, (family, middle, given) in enumerate(
            [
                ("Lò", "Văn", "Thanh"),
                ("Cầm", "Thị", "Hoa"),
                ("Lường", "Văn", "Hùng"),
                ("Quàng", "Thị", "Ánh"),
                ("Tòng", "Văn", "Đức"),
                ("Giàng", "A", "Páo"),
            ]
        ):
            mid = admit(
                s,
                cell,
                profile(
                    family, middle, given, sex="F" if middle == "Thị" else "M", born=date(1970 + i, 1, 1)
                ),
                ceremony=date(2015, 3, 5),
            )
            ms.recognise_official(s, ms.EventInput(mid, date(2016, 3, 5)))
            people[given] = mid
        ms.start_exemption(s, ms.EventInput(people["Páo"], date(2024, 1, 1), reason="Sức khỏe"))
        saved = mt.save_meeting(
            s,
            mt.MeetingInput(
                cell_id=cell,
                kind="regular",
                month="2026-02",
                held_date=date(2026, 2, 3),
                start_time="19:30",
                end_time="21:30",
                place="nhà văn hóa bản Na Hát",
                chair_member_id=people["Thanh"],
                secretary_member_id=people["Hoa"],
                guests=(mt.Guest("Vì Văn Nam", "Đảng ủy viên", assigned=True),),
                attendance={
                    people["Ánh"]: ("absent_excused", "Đi viện"),
                    people["Đức"]: ("absent_unexcused", ""),
                },
                agenda=(
                    mt.AgendaInput(
                        "Đánh giá kết quả thực hiện nhiệm vụ tháng 01/2026",
                        "Lò Văn Thanh",
                        "Chi bộ lãnh đạo bản hoàn thành thu hoạch ngô, không có cháy rừng.",
                        (
                            mt.Speech(
                                "Lường Văn Hùng",
                                "Đề nghị bổ sung nội dung vệ sinh chuồng trại.",
                                people["Hùng"],
                            ),
                            mt.Speech("Cầm Thị Hoa", "Nhất trí với báo cáo.", people["Hoa"]),
                        ),
                        "Chi bộ thống nhất đánh giá hoàn thành tốt nhiệm vụ tháng 01.",
                    ),
                    mt.AgendaInput(
                        "Xét đề nghị kết nạp quần chúng Vì Thị Mai vào Đảng",
                        "Lường Văn Hùng",
                        "Đồng chí Lường Văn Hùng báo cáo lý lịch và quá trình phấn đấu của quần chúng.",
                        (mt.Speech("Cầm Thị Hoa", "Quần chúng gương mẫu, đủ điều kiện.", people["Hoa"]),),
                        "Chi bộ đề nghị Đảng ủy xã xem xét kết nạp quần chúng Vì Thị Mai.",
                    ),
                ),
                tasks=(mt.TaskInput("Vận động nhân dân trồng rừng", "Lò Văn Thanh", date(2026, 2, 28)),),
                votes=(
                    mt.VoteInput("Thông qua nghị quyết tháng 02/2026", 4, 0, 0),
                    mt.VoteInput("Đề nghị kết nạp quần chúng Vì Thị Mai", 4, 0, 0, rule="admission"),
                ),
                conclusion="Chi bộ thống nhất các nhiệm vụ trọng tâm tháng 02/2026.",
                quality_score=92,
                prep_committee_met=True,
                prep_members_notified=True,
            ),
        )
    return cell, saved.id


def _secretaries(db: Database, cell: str, *holders: tuple[str, date]) -> None:
    """Record the cell's secretaries (given name, start date) through the positions service."""
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        by_name = {c.name.split()[-1]: c.id for c in ms.member_choices(s, cell_id=cell)}
        for given, start in holders:
            org.assign_position(s, org.PositionInput(by_name[given], "secretary", start, cell))


def _text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return unicodedata.normalize("NFC", "\n".join(page.extract_text() for page in reader.pages))


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_minutes_text_reads_back(db: Database, meeting: tuple[str, str]) -> None:
    with read_session(db, SYSTEM_ACTOR) as s:
        pdf = render_pdf(minutes_document(s, meeting[1]))
    text = _flat(_text(pdf))
    for expected in (
        "ĐẢNG BỘ XÃ MƯỜNG LÈO",
        "CHI BỘ BẢN NA HÁT",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "Số 01-BB/CB",
        "Mường Lèo, ngày 03 tháng 02 năm 2026",
        "BIÊN BẢN",
        "Sinh hoạt chi bộ định kỳ tháng 02 năm 2026",
        "Vào hồi 19 giờ 30 phút",
        "đồng chí Quàng Thị Ánh (Đi viện)",  # absentee with reason
        "Vắng không lý do: đồng chí Tòng Văn Đức",
        "đồng chí Giàng A Páo",  # exempted, listed apart
        "Đồng chí Lường Văn Hùng: Đề nghị bổ sung",  # speakers
        "Đồng chí Cầm Thị Hoa: Nhất trí",
        "Khách mời: đồng chí Vì Văn Nam",
        "Tốt (92 điểm)",
        "kết thúc hồi 21 giờ 30 phút",
        "THƯ KÝ",
        "CHỦ TRÌ",
    ):
        assert expected in text, expected
    assert "Số: 01" not in text  # Party documents never put a colon after Số
    assert re.search(r"Có mặt: 3 đồng chí \(60,0%\)", text)
    assert re.search(
        r"Thông qua nghị quyết tháng 02/2026 4 0 0 Biểu quyết giơ tay Thông qua \(cần 2/3 đảng viên chính thức có mặt\)",
        text,
    ), text
    # Who votes is said beside the table: the official members, not those present.
    assert re.search(r"Kết quả biểu quyết \(6 đảng viên chính thức có quyền biểu quyết\):", text), text[
        text.find("Kết quả biểu") :
    ][:200]


def test_fonts_embedded_and_coverage(db: Database, meeting: tuple[str, str]) -> None:
    from reportlab.pdfbase.ttfonts import TTFontFile

    _secretaries(db, meeting[0], ("Hùng", date(2020, 10, 1)))
    with read_session(db, SYSTEM_ACTOR) as s:
        doc = minutes_document(s, meeting[1])
        blank = blank_minutes(s, meeting[0], "2026-03")
        extract = extract_document(s, meeting[1], 2)
    for document in (doc, blank, extract):
        pdf = render_pdf(document)
        reader = PdfReader(io.BytesIO(pdf))
        fonts: set[str] = set()
        for page in reader.pages:
            resources_dict: Any = page["/Resources"]
            for font in resources_dict["/Font"].values():
                obj = font.get_object()
                fonts.add(str(obj["/BaseFont"]).split("+")[-1])
                assert "/FontDescriptor" in obj, obj["/BaseFont"]  # a standard font would have none
                assert "/FontFile2" in obj["/FontDescriptor"].get_object()  # embedded, not referenced
        assert fonts <= {"Tinos", "Tinos-Bold", "Tinos-Italic", "Tinos-BoldItalic"}, fonts
        _assert_covered(document, TTFontFile)


def _assert_covered(document: Document, font_file_cls: type) -> None:
    used = {
        ch for text in document.all_text() for ch in unicodedata.normalize("NFC", text) if not ch.isspace()
    }
    for filename in ("Tinos-Regular.ttf", "Tinos-Bold.ttf", "Tinos-Italic.ttf"):
        face = font_file_cls(str(resources.font(filename)))
        missing = sorted(ch for ch in used if ord(ch) not in face.charToGlyph)
        assert missing == [], (filename, missing)


def test_blank_minutes_list_members_and_extract(db: Database, meeting: tuple[str, str]) -> None:
    with read_session(db, SYSTEM_ACTOR) as s:
        blank = _flat(_text(render_pdf(blank_minutes(s, meeting[0], "2026-03"))))
        extract = _flat(_text(render_pdf(extract_document(s, meeting[1], 1))))
    assert "Số ......-BB/CB" in blank
    assert "Mường Lèo, ngày ....... tháng ....... năm" in blank
    for name in ("Lò Văn Thanh", "Cầm Thị Hoa", "Giàng A Páo"):
        assert name in blank
    assert "Miễn SH" in blank
    assert "TRÍCH BIÊN BẢN" in extract
    assert "Đánh giá kết quả thực hiện nhiệm vụ tháng 01/2026" in extract
    assert "Xét đề nghị kết nạp" not in extract  # the other item is not extracted


def test_extract_has_only_its_votes_and_the_cell_secretary_signs(
    db: Database, meeting: tuple[str, str]
) -> None:
    """The admission item's extract: its own vote only, the header of the meeting, signed for the cell
    by the secretary in office on the meeting day (not the chair, not today's secretary)."""
    cell, meeting_id = meeting
    _secretaries(db, cell, ("Hùng", date(2020, 10, 1)), ("Ánh", date(2026, 3, 1)))
    with read_session(db, SYSTEM_ACTOR) as s:
        admission = _flat(_text(render_pdf(extract_document(s, meeting_id, 2))))
        report = _flat(_text(render_pdf(extract_document(s, meeting_id, 1))))
    for expected in (
        "CHI BỘ BẢN NA HÁT",
        "Số 01-BB/CB",
        "Mường Lèo, ngày 03 tháng 02 năm 2026",
        "TRÍCH BIÊN BẢN",
        "Xét đề nghị kết nạp quần chúng Vì Thị Mai vào Đảng",
        "Đồng chí Cầm Thị Hoa: Quần chúng gương mẫu",
        "Kết quả biểu quyết",
        "Đề nghị kết nạp quần chúng Vì Thị Mai 4 0 0 Biểu quyết giơ tay",
        "T/M CHI BỘ",
        "BÍ THƯ",
        "Lường Văn Hùng",
    ):
        assert expected in admission, expected
    assert "Thông qua nghị quyết tháng 02/2026" not in admission  # another item's vote
    assert "Quàng Thị Ánh" not in admission  # secretary only from March, after the meeting
    assert "Đánh giá kết quả thực hiện" not in admission
    # The monthly report item had no vote of its own: no vote table at all.
    assert "Kết quả biểu quyết" not in report
    assert "Vì Thị Mai" not in report
    assert "Lường Văn Hùng" in report  # the signer is the cell's secretary on the day


def test_extract_without_a_recorded_secretary_is_signed_by_the_chair(
    db: Database, meeting: tuple[str, str]
) -> None:
    with read_session(db, SYSTEM_ACTOR) as s:
        document = extract_document(s, meeting[1], 2)
    signature = document.signatures[1]
    assert signature is not None
    assert (signature.on_behalf, signature.title, signature.name) == ("T/M CHI BỘ", "CHỦ TRÌ", "Lò Văn Thanh")


@pytest.mark.parametrize(
    ("subject", "title", "content", "related"),
    [
        ("Kết nạp quần chúng Vì Thị Mai vào Đảng", "Xét kết nạp quần chúng Vì Thị Mai vào Đảng", "", True),
        ("de nghi ket nap vi thi mai", "Xét đề nghị kết nạp Vì Thị Mai vào Đảng", "", True),
        (
            "Cử quần chúng đi học lớp nhận thức về Đảng",
            "Phát triển đảng viên",
            "đề nghị cử quần chúng đi học lớp nhận thức về Đảng.",
            True,
        ),
        (
            "Thông qua nghị quyết tháng 02/2026",
            "Đánh giá kết quả thực hiện nhiệm vụ tháng 01/2026",
            "",
            False,
        ),
        (
            "Nghị quyết sinh hoạt chi bộ tháng 3",
            "Phát triển đảng viên",
            "rà soát nguồn phát triển đảng",
            False,
        ),
    ],
)
def test_votes_are_matched_to_items_by_subject(subject: str, title: str, content: str, related: bool) -> None:
    from forms.minutes import vote_concerns_item

    outcome = mt.VoteOutcome(True, 1, 1)
    vote = mt.VoteView(subject, "resolution", 1, 0, 0, "hands", outcome)
    item = mt.AgendaView(1, title, "", content, (), "", "", "")
    assert vote_concerns_item(vote, item) is related


def test_pdf_text_is_nfc(db: Database, meeting: tuple[str, str]) -> None:
    with read_session(db, SYSTEM_ACTOR) as s:
        doc = minutes_document(s, meeting[1])
    assert all(unicodedata.is_normalized("NFC", t) for t in doc.all_text())


def _writing_lines(data: bytes) -> list[tuple[int, str, float, float]]:
    """(page, section heading above, start x, end x) of every line of dots to write on."""
    from reportlab.pdfbase import pdfmetrics

    from exports.pdf import FONT
    from tests.pdf_pages import pages

    out = []
    section = ""
    all_pages, _ = pages(data)
    for number, lines in enumerate(all_pages, start=1):
        for line in sorted(lines, key=lambda ln: -ln.y):
            if re.match(r"^[IVX]+\. ", line.text) or line.text.endswith(":"):
                section = line.text
            if line.text.endswith("." * 12):
                end = line.x + pdfmetrics.stringWidth(line.text, FONT, line.size)
                out.append((number, section, line.x, end))
    return out


@pytest.mark.parametrize("kind", ["regular", "thematic", "ballot"])
def test_blank_forms_leave_room_to_write_by_hand(db: Database, meeting: tuple[str, str], kind: str) -> None:
    """Measured on the rendered page: lines run the full width of the text block, every part of the
    minutes has lines in proportion, dates and names have room."""
    from reportlab.lib.pagesizes import A4

    from exports.pdf import PORTRAIT_MARGINS

    with read_session(db, SYSTEM_ACTOR) as s:
        document = blank_minutes(s, meeting[0], "2026-03", kind)
    data = render_pdf(document)
    lines = _writing_lines(data)
    right = A4[0] - PORTRAIT_MARGINS["right"]
    full = [ln for ln in lines if abs(ln[2] - PORTRAIT_MARGINS["left"]) < 2]
    assert full, lines
    for page, section, _start, end in full:  # (names under the signatures are centred lines of their own)
        assert right - 8 <= end <= right + 1.5, (page, section, end, right)  # to the margin, not 24 mm short
    per_section: dict[str, int] = {}
    for _page, section, _start, _end in lines:
        per_section[section] = per_section.get(section, 0) + 1
    text = _flat(_text(data))
    assert re.search(r"ngày \.{10} tháng \.{10} năm \.{12}", text)  # ≥ 12 mm for each part of a date
    if kind == "ballot":
        assert "BIÊN BẢN KIỂM PHIẾU" in text
        for part in ("Trưởng ban: đồng chí", "Số phiếu phát ra", "Số phiếu hợp lệ", "TRƯỞNG BAN KIỂM PHIẾU"):
            assert part in text, part
        assert per_section.get("II. NỘI DUNG BỎ PHIẾU", 0) >= 3
        return
    assert per_section.get("IV. KẾT LUẬN CỦA CHỦ TRÌ", 0) >= 6
    labels = (
        ("Ý kiến thảo luận, liên hệ của đảng viên (họ tên người phát biểu, nội dung):", 12)
        if kind == "thematic"
        else ("Ý kiến thảo luận (họ tên người phát biểu, nội dung):", 10)
    )
    assert per_section.get(labels[0], 0) >= labels[1], per_section
    if kind == "thematic":
        assert per_section.get("Những nội dung chính của chuyên đề:", 0) >= 8
    else:
        assert per_section.get("Nhiệm vụ tháng tới (nội dung, người thực hiện, thời hạn):", 0) >= 6
    assert sum(per_section.values()) >= 40
    for part in (
        "Chủ trì: đồng chí",
        "Thư ký: đồng chí",
        "Khách mời",
        "Kết quả biểu quyết:",
        "THƯ KÝ",
        "CHỦ TRÌ",
    ):
        assert part in text, part
    assert text.count("." * 30) >= 2  # the signers write their names on a line
