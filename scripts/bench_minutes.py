"""Time to build one cell meeting minutes PDF (document from the database + reportlab rendering, median of
several runs) next to the time LibreOffice takes to convert an equivalent DOCX to PDF
(`libreoffice --headless --convert-to pdf`) — the tool a clerk would otherwise use. The DOCX is made once,
with the standard library only (zipfile), from the same text. When LibreOffice is not installed its
column is skipped.

    .venv/bin/python scripts/bench_minutes.py [--runs 15] [--lo-runs 3]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/></Relationships>'
)


def _run(text: str, *, bold: bool = False, italic: bool = False, size: int = 14) -> str:
    props = '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman"/>'
    props += ("<w:b/>" if bold else "") + ("<w:i/>" if italic else "") + f'<w:sz w:val="{size * 2}"/>'
    return f'<w:r><w:rPr>{props}</w:rPr><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def _para(text: str, *, align: str = "both", **run: object) -> str:
    return f'<w:p><w:pPr><w:jc w:val="{align}"/></w:pPr>{_run(text, **run)}</w:p>'  # type: ignore[arg-type]


def _table(columns: tuple[str, ...], rows: tuple[tuple[str, ...], ...]) -> str:
    border = "".join(
        f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
        for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    out = f'<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct"/><w:tblBorders>{border}</w:tblBorders></w:tblPr>'
    for i, row in enumerate((columns, *rows)):
        out += "<w:tr>" + "".join(
            f"<w:tc><w:p>{_run(cell, bold=i == 0, size=11)}</w:p></w:tc>" for cell in row
        )
        out += "</w:tr>"
    return out + "</w:tbl>"


def write_docx(document: object, target: Path) -> None:
    """A minimal DOCX with the same content as the PDF: header, title, paragraphs, tables, signatures
    (A4, margins 25/25/35/15 mm, Times New Roman)."""
    from forms.document import Document, Paragraph

    assert isinstance(document, Document)
    h = document.header
    body = [
        _para(h.upper_line, align="left"),
        _para(h.issuer_line, align="left", bold=True),
        _para(h.number, align="left"),
        _para(h.motto, align="right", bold=True, size=15),
        _para(h.place_date, align="right", italic=True),
        _para(document.title, align="center", bold=True, size=16),
        _para(document.subject, align="center", bold=True),
    ]
    for block in document.blocks:
        if isinstance(block, Paragraph):
            body.append(
                _para(
                    block.text,
                    bold=block.style in ("bold", "heading"),
                    italic=block.style in ("italic", "note"),
                )
            )
        else:
            if block.caption:
                body.append(_para(block.caption, bold=True))
            body.append(_table(block.columns, block.rows))
    for sig in document.signatures:
        if sig is not None:
            body.append(_para(sig.title, align="center", bold=True))
            body.append(_para(sig.name, align="center", bold=True))
    mm = 56.7  # twentieths of a point per millimetre
    section = (
        f'<w:sectPr><w:pgSz w:w="{round(210 * mm)}" w:h="{round(297 * mm)}"/>'
        f'<w:pgMar w:top="{round(25 * mm)}" w:right="{round(15 * mm)}" w:bottom="{round(25 * mm)}" '
        f'w:left="{round(35 * mm)}" w:header="720" w:footer="720" w:gutter="0"/></w:sectPr>'
    )
    xml = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W_NS}"><w:body>'
        + "".join(body)
        + section
        + "</w:body></w:document>"
    )
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", RELS)
        archive.writestr("word/document.xml", xml)


def build_database(folder: Path) -> tuple[object, str]:
    """A commune with one cell of 25 members and one typical meeting (3 items, speeches, tasks, votes)."""
    from models.db import unit_of_work
    from models.security import SYSTEM_ACTOR
    from models.services import meetings as mt
    from models.services import membership as ms
    from models.services import organisation as org
    from models.setup import open_app_database
    from tests.builders import admit, profile, village_and_cell
    from tests.conftest import UNIT

    db = open_app_database(folder / "bench.db", create=True, check_drive=False)
    given = "An Bình Chiến Dũng Đông Hùng Khánh Lâm Minh Nam Phong Quang Sơn Tâm Thắng Tiến Toàn Tuấn Văn "
    given += "Việt Xuân Yên Hải Hòa Hưng"
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        org.setup_unit(s, UNIT)
        cell = village_and_cell(s)
        ids = []
        for i, name in enumerate(given.split()):
            member = admit(
                s, cell, profile(given=name, born=date(1960 + i, 4, 12)), ceremony=date(2010, 3, 5)
            )
            ms.recognise_official(s, ms.EventInput(member, date(2011, 3, 5)))
            ids.append(member)
        speeches = tuple(
            mt.Speech(
                "", "Đề nghị chi bộ vận động bà con thu hoạch dứt điểm trước mưa, bảo quản ngô giống.", m
            )
            for m in ids[3:6]
        )
        item = mt.AgendaInput(
            "Thu hoạch vụ mùa và bảo vệ rừng",
            "Lò Văn An",
            "Tình hình thu hoạch lúa nương, ngô; tuần tra bảo vệ rừng trong mùa khô.",
            speeches,
            "Chi bộ thống nhất giao trưởng bản đôn đốc thu hoạch, duy trì tuần tra.",
        )
        saved = mt.save_meeting(
            s,
            mt.MeetingInput(
                cell_id=cell,
                kind="regular",
                month="2026-03",
                held_date=date(2026, 3, 3),
                start_time="19:30",
                end_time="21:30",
                place="nhà văn hóa bản Na Hát",
                chair_member_id=ids[0],
                secretary_member_id=ids[1],
                guests=(mt.Guest("Quàng Văn Thắng", "Đảng ủy viên", True),),
                attendance={ids[7]: ("absent_excused", "Ốm"), ids[8]: ("absent_unexcused", "")},
                agenda=(item, item, item),
                tasks=tuple(
                    mt.TaskInput(f"Nhiệm vụ {i}", "Lò Văn Bình", date(2026, 3, 31)) for i in range(3)
                ),
                votes=(mt.VoteInput("Nghị quyết tháng 3", 22, 0, 1),),
                quality_score=88,
            ),
        )
    return db, saved.id


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--lo-runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="dux-bench-minutes-") as tmp:
        folder = Path(tmp)
        os.environ.setdefault("DUX_DATA_DIR", str(folder / "data"))
        from exports.pdf import register_fonts, render_pdf
        from forms.minutes import minutes_document
        from models.db import Database, read_session
        from models.security import SYSTEM_ACTOR

        db, meeting_id = build_database(folder)
        assert isinstance(db, Database)
        register_fonts()
        build: list[float] = []
        render: list[float] = []
        pdf = b""
        for _ in range(args.runs + 1):  # the first run warms caches and is not counted
            started = time.perf_counter()
            with read_session(db, SYSTEM_ACTOR) as session:
                document = minutes_document(session, meeting_id)
            built = time.perf_counter()
            pdf = render_pdf(document)
            done = time.perf_counter()
            build.append(built - started)
            render.append(done - built)
        build, render = build[1:], render[1:]
        total = [a + b for a, b in zip(build, render, strict=True)]
        pages = pdf.count(b"/Type /Page\n") or pdf.count(b"/Type /Page")
        docx = folder / "bien-ban.docx"
        write_docx(document, docx)
        db.close()

        office = shutil.which("libreoffice") or shutil.which("soffice")
        lo: list[float] = []
        if office:
            profile = folder / "lo-profile"
            command = [
                office,
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(folder / "lo"),
                str(docx),
            ]
            subprocess.run(command, check=True, capture_output=True, timeout=300)  # first start: profile
            for _ in range(args.lo_runs):
                started = time.perf_counter()
                subprocess.run(command, check=True, capture_output=True, timeout=300)
                lo.append(time.perf_counter() - started)
            if not (folder / "lo" / "bien-ban.pdf").is_file():
                lo = []

        print(
            f"Biên bản sinh hoạt chi bộ: {pages} trang, {len(pdf) / 1024:.0f} KB; DOCX {docx.stat().st_size} B"
        )
        print(f"{'':34}{'median ms':>12}{'runs':>6}")
        print(f"{'document from the database':34}{median_ms(build):>12.1f}{len(build):>6}")
        print(f"{'reportlab rendering':34}{median_ms(render):>12.1f}{len(render):>6}")
        print(f"{'this app: one minutes PDF':34}{median_ms(total):>12.1f}{len(total):>6}")
        if lo:
            print(f"{'LibreOffice DOCX → PDF':34}{median_ms(lo):>12.1f}{len(lo):>6}")
            print(
                f"{'ratio LibreOffice / this app':34}{statistics.median(lo) / statistics.median(total):>11.0f}×"
            )
        else:
            print(f"{'LibreOffice DOCX → PDF':34}{'(not installed: skipped)':>18}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
