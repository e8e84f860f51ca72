"""Papers from the data held (forms.party_papers): the cell's resolution of a regular meeting, the
transfer letter of a member transferred out, a công văn and a giấy mời; each rendered and read back
(header, number and symbol, date line, signer, content drawn from the records)."""

from __future__ import annotations

import io
import re
import unicodedata
from datetime import date

from pypdf import PdfReader

from exports.pdf import render_pdf
from forms.party_papers import Letter, letter_document, resolution_document, transfer_letter
from models.db import Database, read_session, unit_of_work
from models.security import SYSTEM_ACTOR
from models.services import membership as ms
from tests.test_minutes_pdf import meeting  # noqa: F401 - the fixture: a held meeting with tasks and votes


def _pages(data: bytes) -> list[str]:
    reader = PdfReader(io.BytesIO(data))
    return [re.sub(r"\s+", " ", unicodedata.normalize("NFC", p.extract_text())) for p in reader.pages]


def test_the_cell_resolution_of_a_regular_meeting(db: Database, meeting: tuple[str, str]) -> None:  # noqa: F811
    with read_session(db, SYSTEM_ACTOR) as s:
        document = resolution_document(s, meeting[1])
    text = " ".join(_pages(render_pdf(document)))
    for expected in (
        "CHI BỘ BẢN NA HÁT",
        "Số 01-NQ/CB",
        "Mường Lèo, ngày 03 tháng 02 năm 2026",
        "NGHỊ QUYẾT",
        "Về nhiệm vụ tháng 3 năm 2026",
        "CHI BỘ BẢN NA HÁT QUYẾT NGHỊ:",
        "Chi bộ thống nhất các nhiệm vụ trọng tâm tháng 02/2026.",
        "Vận động nhân dân trồng rừng. Người thực hiện: đồng chí Lò Văn Thanh. Thời hạn: 28/02/2026.",
        "Đề nghị kết nạp quần chúng Vì Thị Mai (tán thành 4/6)",
        "T/M CHI BỘ",
        "Lò Văn Thanh",
        "Nơi nhận:",
        "- Lưu chi bộ.",
    ):
        assert expected in text, expected
    assert "DỰ THẢO" not in text


def test_the_transfer_letter_of_a_member_transferred_out(db: Database, meeting: tuple[str, str]) -> None:  # noqa: F811
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        hung = next(c.id for c in ms.member_choices(s, "Lường Văn Hùng"))
        ms.transfer_out(
            s,
            ms.EventInput(
                hung,
                date(2026, 4, 10),
                other_organisation="Đảng bộ phường Tô Hiệu",
                letter_no="12",
                dues_paid_through="2026-03",
            ),
        )
    with read_session(db, SYSTEM_ACTOR) as s:
        document = transfer_letter(s, hung, signer="Vì Văn Nam")
    text = " ".join(_pages(render_pdf(document)))
    for expected in (
        "ĐẢNG ỦY XÃ MƯỜNG LÈO",
        "Số 12-GGT/ĐU",
        "Mường Lèo, ngày 10 tháng 4 năm 2026",
        "GIẤY GIỚI THIỆU SINH HOẠT ĐẢNG",
        "Đồng chí: Lường Văn Hùng",
        "Là đảng viên chính thức của Chi bộ bản Na Hát.",
        "Được chuyển sinh hoạt đảng chính thức đến: Đảng bộ phường Tô Hiệu.",
        "Đã đóng đảng phí đến hết tháng 03/2026.",
        "T/M ĐẢNG ỦY",
        "Vì Văn Nam",
    ):
        assert expected in text, expected


def test_a_letter_and_an_invitation(db: Database, meeting: tuple[str, str]) -> None:  # noqa: F811
    letter = Letter(
        "cong-van",
        "Chuẩn bị đại hội chi bộ nhiệm kỳ 2027-2030",
        (
            "Để chuẩn bị đại hội chi bộ, Ban Thường vụ Đảng ủy đề nghị các chi bộ rà soát danh sách đảng viên.",
        ),
        to="Kính gửi: Các chi bộ trực thuộc",
        recipients=("- Như trên,", "- Lưu VP."),
        signer="Vì Văn Nam",
        number=7,
        on=date(2026, 5, 4),
    )
    invitation = Letter(
        "giay-moi", "Hội nghị sơ kết 6 tháng đầu năm 2026", (), guest="Đồng chí Bí thư các chi bộ"
    )
    with read_session(db, SYSTEM_ACTOR) as s:
        cv = " ".join(_pages(render_pdf(letter_document(s, letter))))
        gm_pages = _pages(render_pdf(letter_document(s, invitation)))
    for expected in (
        "Số 07-CV/ĐU",
        "V/v chuẩn bị đại hội chi bộ nhiệm kỳ 2027-2030",  # lower case after V/v, under the number
        "Mường Lèo, ngày 04 tháng 5 năm 2026",
        "Kính gửi: Các chi bộ trực thuộc",
        "rà soát danh sách đảng viên",
        "T/M ĐẢNG ỦY",
        "Vì Văn Nam",
    ):
        assert expected in cv, expected
    assert "DỰ THẢO" not in cv
    gm = " ".join(gm_pages)
    for expected in (
        "GIẤY MỜI",
        "Số ......-GM/ĐU",
        "trân trọng kính mời",
        "Đồng chí Bí thư các chi bộ",
        "Tới dự: Hội nghị sơ kết 6 tháng đầu năm 2026",
        "Thời gian:",
        "Địa điểm:",
    ):
        assert expected in gm, expected
    assert all("DỰ THẢO" in page for page in gm_pages)  # no number, no signer: a draft


def test_the_rating_results_of_a_year(db: Database, meeting: tuple[str, str]) -> None:  # noqa: F811
    from models.services import rating as rt

    with unit_of_work(db, SYSTEM_ACTOR) as s:
        round_id = rt.open_round(s, 2025, "member", date(2025, 12, 15))
        people = {c.name: c.id for c in ms.member_choices(s, cell_id=meeting[0])}
        rt.set_ratings(
            s,
            round_id,
            {
                people["Lò Văn Thanh"]: rt.RatingEntry(score=93),
                people["Cầm Thị Hoa"]: rt.RatingEntry(score=81),
                people["Lường Văn Hùng"]: rt.RatingEntry(score=75),
                people["Tòng Văn Đức"]: rt.RatingEntry(score=55),
            },
        )
    from forms.party_papers import rating_results

    with read_session(db, SYSTEM_ACTOR) as s:
        names = rt.level_names(s, 2025)
        cell_doc = rating_results(s, 2025, meeting[0])
        commune_doc = rating_results(s, 2025)
    text = " ".join(_pages(render_pdf(cell_doc)))
    for expected in (
        "CHI BỘ BẢN NA HÁT",
        "DANH SÁCH",
        "Kết quả xếp loại chất lượng đảng viên năm 2025",
        "Lò Văn Thanh 93",
        f"Tòng Văn Đức 55 {names['hoan_thanh']}",
        f"- {names['tot']}: 2 (50,0%).",
        "T/M CHI BỘ",
    ):
        assert expected in text, expected
    commune = " ".join(_pages(render_pdf(commune_doc)))
    assert "ĐẢNG ỦY XÃ MƯỜNG LÈO" in commune and "T/M ĐẢNG ỦY" in commune
    assert "bản Na Hát" in commune  # the cell column on the commune-wide list


def test_the_badge_proposal_list(db: Database, meeting: tuple[str, str]) -> None:  # noqa: F811
    from forms.party_papers import badge_proposals
    from tests.builders import admit, profile

    with unit_of_work(db, SYSTEM_ACTOR) as s:
        veteran = admit(
            s, meeting[0], profile("Hà", "Văn", "Lả", born=date(1960, 6, 1)), ceremony=date(1996, 3, 5)
        )
        ms.recognise_official(s, ms.EventInput(veteran, date(1997, 3, 5)))
    with read_session(db, SYSTEM_ACTOR) as s:
        due = " ".join(_pages(render_pdf(badge_proposals(s, date(2026, 3, 10)))))
        early = " ".join(_pages(render_pdf(badge_proposals(s, date(2026, 1, 10)))))
    for expected in (
        "ĐẢNG ỦY XÃ MƯỜNG LÈO",
        "Đảng viên đề nghị tặng Huy hiệu Đảng đợt 19/05/2026",
        "Hà Văn Lả 01/06/1960 bản Na Hát",
        "1996 30 năm",
        "T/M ĐẢNG ỦY",
    ):
        assert expected in due, expected
    assert "xét trao sớm" in early and "Hà Văn Lả" in early  # eligible after 3/2: early award only


def test_admission_and_official_recognition_papers(db: Database, meeting: tuple[str, str]) -> None:  # noqa: F811
    from forms.party_papers import admission_paper, official_paper
    from models.services import admission as adm
    from tests.builders import admit, profile

    with unit_of_work(db, SYSTEM_ACTOR) as s:
        candidate, _warnings = adm.add_candidate(
            s, adm.CandidateInput("Vì", "Thị", "Mai", "F", date(2000, 5, 6), meeting[0], ethnicity="Thái")
        )
        probationary = admit(
            s, meeting[0], profile("Quàng", "Văn", "Tươi", born=date(1995, 2, 1)), ceremony=date(2025, 6, 1)
        )
    with read_session(db, SYSTEM_ACTOR) as s:
        papers = {
            "nq-kn": admission_paper(s, candidate, "resolution"),
            "qd-kn": admission_paper(s, candidate, "decision"),
            "nq-ct": official_paper(s, probationary, "resolution"),
            "qd-ct": official_paper(s, probationary, "decision"),
        }
    text = {k: " ".join(_pages(render_pdf(d))) for k, d in papers.items()}
    for expected in (
        "CHI BỘ BẢN NA HÁT",
        "-NQ/CB",
        "Đề nghị kết nạp đảng viên",
        "Quần chúng Vì Thị Mai, sinh ngày 06/05/2000, dân tộc Thái.",
        "CHI BỘ BẢN NA HÁT QUYẾT NGHỊ:",
        "T/M CHI BỘ",
    ):
        assert expected in text["nq-kn"], expected
    for expected in (
        "ĐẢNG ỦY XÃ MƯỜNG LÈO",
        "-QĐ/ĐU",
        "QUYẾT ĐỊNH",
        "Về việc kết nạp đảng viên",
        "Điều 1. Kết nạp quần chúng Vì Thị Mai",
        "T/M BAN THƯỜNG VỤ",
        "DỰ THẢO",
    ):
        assert expected in text["qd-kn"], expected
    assert "Đề nghị công nhận đảng viên chính thức" in text["nq-ct"]
    assert "Đồng chí Quàng Văn Tươi, sinh ngày 01/02/1995" in text["nq-ct"]
    assert "là đảng viên chính thức" in text["qd-ct"] and "DỰ THẢO" in text["qd-ct"]
