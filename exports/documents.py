"""Saving documents: PDF and XLSX written atomically and verified before they replace anything."""

from __future__ import annotations

import zipfile
from collections.abc import Sequence
from pathlib import Path

from exports import atomic
from exports.xlsx import Sheet
from forms.document import Document, Table


def _verify_pdf(path: Path) -> None:
    data = path.read_bytes()
    if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-1024:]:
        msg = "written PDF is incomplete"
        raise OSError(5, msg)


def _verify_xlsx(path: Path) -> None:
    with zipfile.ZipFile(path) as archive:
        if archive.testzip() is not None or "xl/workbook.xml" not in archive.namelist():
            msg = "written workbook is damaged"
            raise OSError(5, msg)


def save_pdf(document: Document, target: Path) -> Path:
    from exports.pdf import render_pdf

    return atomic.write_bytes(target, render_pdf(document), _verify_pdf)


def save_xlsx(sheets: Sequence[Sheet], target: Path) -> Path:
    from exports.xlsx import workbook_bytes

    return atomic.write_bytes(target, workbook_bytes(sheets), _verify_xlsx)


def document_sheets(document: Document, title: str) -> list[Sheet]:
    """The tables of a document as worksheets, with the header lines above each."""
    heading = [
        document.header.upper_line,
        document.header.issuer_line,
        f"{document.title} – {document.subject}".strip(" –"),
    ]
    tables = [b for b in document.blocks if isinstance(b, Table)]
    sheets = []
    for i, table in enumerate(tables, start=1):
        name = table.caption.rstrip(":") if table.caption else (title if len(tables) == 1 else f"{title} {i}")
        widths = [max(6.0, min(45.0, w * 9)) for w in table.widths] if table.widths else []
        sheets.append(
            Sheet(
                name,
                [c.replace("\n", " ") for c in table.columns],
                table.rows,
                widths,
                heading,
                document.landscape,
            )
        )
    return sheets
