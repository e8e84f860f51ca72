"""Issue 17 acceptance: many minutes, extracts, reports, registers and dues sheets from several demo
communes, each rendered and read back: no page holds only the signatures, no page ends with a heading
or a caption, no date or number is cut across lines, and the text stays inside the margins."""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Iterator
from datetime import timedelta

import pytest
from pypdf import PdfReader

from exports.pdf import register_fonts, render_pdf
from forms.consolidated import consolidate, consolidated_document
from forms.document import Document
from forms.dues_sheet import dues_sheet
from forms.minutes import BLANK_KINDS, blank_minutes, extract_document, minutes_document
from forms.party_papers import Letter, letter_document, resolution_document
from forms.periods import Period
from forms.quarterly import Narrative, build_report, report_document
from forms.register import member_register
from models import demo
from models.db import Database, read_session
from models.demo_meetings import add_demo_meetings
from models.security import SYSTEM_ACTOR
from models.services import meetings as mt
from models.services import organisation as org
from models.setup import open_app_database
from tests.pdf_pages import problems

SEEDS = (3, 8)
MEMBERS = 40
PER_SEED_MINUTES = 36
LONG_TEXT = (
    "Chi bộ đã lãnh đạo nhân dân trong bản thực hiện tốt các chủ trương của Đảng, chính sách, pháp luật "
    "của Nhà nước; phát triển sản xuất nông nghiệp, chăn nuôi, trồng rừng, giữ gìn an ninh trật tự. "
)


@pytest.fixture(scope="module")
def communes(tmp_path_factory: pytest.TempPathFactory) -> Iterator[list[Database]]:
    register_fonts()
    opened = []
    for seed in SEEDS:
        path = tmp_path_factory.mktemp(f"pagination-{seed}") / "demo.db"
        options = demo.DemoOptions(members=MEMBERS, seed=seed, check_drive=False)
        demo.generate_demo(path, options)
        db = open_app_database(path, check_drive=False)
        today = demo.demo_anchor(options)
        add_demo_meetings(db, SYSTEM_ACTOR, seed=seed, start=today - timedelta(days=150), end=today)
        opened.append(db)
    yield opened
    for db in opened:
        db.close()


def _documents(db: Database) -> Iterator[Document]:
    with read_session(db, SYSTEM_ACTOR) as s:
        meetings = mt.list_meetings(s)
        held = [m for m in meetings if mt.get_meeting(s, m.id).held_date is not None]
        # Every kind present, then the rest in order: regular, thematic and combined minutes.
        by_kind: dict[str, list[str]] = {}
        for m in held:
            by_kind.setdefault(m.kind, []).append(m.id)
        chosen = [ids[0] for ids in by_kind.values()]
        chosen += [m.id for m in held if m.id not in chosen][: PER_SEED_MINUTES - len(chosen)]
        extracts = 0
        for n, meeting_id in enumerate(chosen):
            yield minutes_document(s, meeting_id)
            view = mt.get_meeting(s, meeting_id)
            if n % 3 == 0 and view.kind == "regular":
                yield resolution_document(s, meeting_id)
            if extracts < 18 and view.agenda:
                item = max(view.agenda, key=lambda a: len(a.speeches))
                yield extract_document(s, meeting_id, item.seq)
                extracts += 1
        cells = org.list_cells(s)
        anchor = max(m.date for m in held if m.date is not None)
        month = f"{anchor.year}-{anchor.month:02d}"
        for i, cell in enumerate(cells[:6]):
            yield blank_minutes(s, cell.id, month, BLANK_KINDS[i % 3])
            yield dues_sheet(s, cell.id, month, anchor)
            yield member_register(s, cell_id=cell.id, on=anchor).document
        yield member_register(s, on=anchor).document
        yield consolidated_document(
            s, consolidate(s, Period.parse(f"{anchor.year}-Y")), signer="Cầm Văn Minh"
        )
        yield letter_document(
            s, Letter("cong-van", "Rà soát đảng viên", (LONG_TEXT * 8,), signer="Vì Văn Nam")
        )
        period = Period.parse(f"{anchor.year}-Q{(anchor.month - 1) // 3 + 1}")
        report = build_report(s, period)
        for narrative in (Narrative(), Narrative(LONG_TEXT * 6, LONG_TEXT * 2, LONG_TEXT * 3)):
            yield report_document(
                s,
                report,
                narrative,
                number=3,
                signer="Lò Văn Thanh",
                on=anchor,
                footer="Nhật ký kiểm toán #12: 0123456789abcdef",
            )


def test_every_page_is_acceptable(communes: list[Database]) -> None:
    kinds: Counter[str] = Counter()
    breaks = 0
    found: list[str] = []
    for db in communes:
        for doc in _documents(db):
            kind = doc.metadata.get("kind") or ("extract" if "item" in doc.metadata else doc.title)
            kinds[kind] += 1
            data = render_pdf(doc)
            breaks += len(PdfReader(io.BytesIO(data)).pages) - 1
            found += [f"{doc.title} {doc.subject}: {p}" for p in problems(doc, data)]
    assert sum(kinds.values()) >= 150, kinds
    assert {"BIÊN BẢN", "extract", "BÁO CÁO", "SỔ DANH SÁCH ĐẢNG VIÊN", "dues_sheet"} <= set(kinds), kinds
    assert breaks >= 60  # the documents do run over pages: the rules were exercised
    assert not found, "\n".join(found[:40])
