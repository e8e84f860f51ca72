"""Regenerate docs/samples: documents of a small demo commune rendered to PDF, and their pages to PNG
(pdftoppm -r 80) to look at. Usage: python scripts/doc_samples.py [OUT_DIR]"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from exports.pdf import render_pdf
from forms.document import Document
from forms.dues_sheet import dues_sheet
from forms.minutes import blank_minutes, extract_document, minutes_document
from forms.party_papers import Letter, letter_document, resolution_document
from forms.periods import Period
from forms.quarterly import build_report, printable_report
from forms.register import member_register
from models import demo
from models.db import read_session
from models.demo_meetings import add_demo_meetings
from models.security import SYSTEM_ACTOR
from models.services import meetings as mt
from models.setup import open_app_database


def documents(path: Path) -> Iterator[tuple[str, Document]]:
    options = demo.DemoOptions(members=120, seed=5, check_drive=False)
    demo.generate_demo(path, options)
    db = open_app_database(path, check_drive=False)
    today = demo.demo_anchor(options)
    add_demo_meetings(db, SYSTEM_ACTOR, seed=5, start=today - timedelta(days=120), end=today)
    with read_session(db, SYSTEM_ACTOR) as s:
        views = [mt.get_meeting(s, m.id) for m in mt.list_meetings(s)]
        held = [v for v in views if v.held_date is not None]
        regular = max(
            (v for v in held if v.kind == "regular" and not v.combined_thematic), key=lambda v: len(v.agenda)
        )
        thematic = next(v for v in held if v.kind == "thematic")
        combined = next((v for v in held if v.combined_thematic), regular)
        yield "minutes-regular", minutes_document(s, regular.id)
        yield "minutes-thematic", minutes_document(s, thematic.id)
        yield "minutes-combined", minutes_document(s, combined.id)
        item = max(regular.agenda, key=lambda a: len(a.speeches))
        yield "minutes-extract", extract_document(s, regular.id, item.seq)
        yield "resolution", resolution_document(s, regular.id)
        cell = regular.cell_id
        yield "minutes-blank", blank_minutes(s, cell, regular.month)
        yield "minutes-blank-thematic", blank_minutes(s, cell, regular.month, "thematic")
        yield "ballot-count-blank", blank_minutes(s, cell, regular.month, "ballot")
        yield "dues-sheet", dues_sheet(s, cell, regular.month, regular.held_date)
        yield "register-cell", member_register(s, cell_id=cell).document
        period = Period.parse(f"{today.year}-Q{(today.month - 1) // 3 + 1}")
        yield (
            "report-draft",
            printable_report(
                s, build_report(s, period), None, footer="Nhật ký kiểm toán #1234: 9f2c61d0a4b7e815"
            ),
        )
        yield (
            "cong-van",
            letter_document(
                s,
                Letter(
                    "cong-van",
                    "Chuẩn bị đại hội chi bộ nhiệm kỳ 2027-2030",
                    (
                        "Để chuẩn bị đại hội chi bộ, Ban Thường vụ Đảng ủy đề nghị các chi bộ rà soát danh sách đảng viên.",
                    ),
                    to="Kính gửi: Các chi bộ trực thuộc",
                    signer="Vì Văn Nam",
                    number=7,
                ),
            ),
        )
        yield (
            "giay-moi",
            letter_document(
                s, Letter("giay-moi", "Hội nghị sơ kết 6 tháng", (), guest="Đồng chí Bí thư các chi bộ")
            ),
        )
    db.close()


def main() -> int:
    out = (
        Path(sys.argv[1])
        if len(sys.argv) > 1
        else Path(__file__).resolve().parent.parent / "docs" / "samples"
    )
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for name, document in documents(Path(tmp) / "demo.db"):
            pdf = out / f"{name}.pdf"
            pdf.write_bytes(render_pdf(document))
            for old in out.glob(f"{name}-*.png"):
                old.unlink()
            subprocess.run(["pdftoppm", "-r", "80", "-png", str(pdf), str(out / name)], check=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
