"""The periodic report as XLSX: one sheet per table of the form, laid out from the table's own columns
(no knowledge of any section), numbers as numbers (never formulas) with Vietnamese-readable formats —
whole numbers "#,##0", percentages and decimals "#,##0.0" — short unique sheet names, A4 print set-up."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from exports.documents import log_output, save_pdf, save_xlsx
from exports.xlsx import Sheet
from forms.consolidated import SUMMARY_KEYS, Consolidated, consolidate, consolidated_document
from forms.document import Document
from forms.indicators import CATALOGUE
from forms.periods import Period
from forms.quarterly import Report
from models.db import Database, read_session
from models.security import Actor

NUMBER_FORMATS = {"int": "#,##0", "decimal": "#,##0.0", "percent": "#,##0.0"}
SHEET_NAME_MAX = 31
_INVALID = re.compile(r"[\[\]:*?/\\]")


def short_sheet_name(title: str, limit: int = SHEET_NAME_MAX) -> str:
    """A clean worksheet name from a section title: no parenthesis, no characters Excel refuses, cut
    at a word boundary (never mid-word) within `limit` characters."""
    text = _INVALID.sub(" ", re.sub(r"\s*\([^)]*\)?", "", title))
    text = " ".join(text.split()).strip(" ,;.-–")
    if len(text) <= limit:
        return text
    words, out = text.split(" "), ""
    for word in words:
        candidate = f"{out} {word}".strip()
        if len(candidate) > limit:
            break
        out = candidate
    return (out or text[:limit]).rstrip(" ,;.-–")


def unique_sheet_names(names: Sequence[str]) -> list[str]:
    """Excel compares sheet names ignoring case: repeated names get " (2)", " (3)"…"""
    seen: set[str] = set()
    out = []
    for name in names:
        candidate, n = name, 1
        while candidate.casefold() in seen:
            n += 1
            suffix = f" ({n})"
            candidate = short_sheet_name(name, SHEET_NAME_MAX - len(suffix)) + suffix
        seen.add(candidate.casefold())
        out.append(candidate)
    return out


def report_sheets(report: Report, document: Document) -> list[Sheet]:
    heading = [
        document.header.upper_line,
        document.header.issuer_line,
        f"{document.title} {document.subject}",
    ]
    names = unique_sheet_names([short_sheet_name(t.sheet_name or t.title) or "Bảng" for t in report.tables])
    sheets = []
    for table, name in zip(report.tables, names, strict=True):
        rows: list[Sequence[str | int | float | None]] = [[cell.value for cell in row] for row in table.cells]
        formats = {
            (r, c): NUMBER_FORMATS[cell.kind]
            for r, row in enumerate(table.cells)
            for c, cell in enumerate(row)
            if cell.kind in NUMBER_FORMATS
        }
        sheets.append(
            Sheet(
                name,
                table.columns,
                rows,
                widths=[max(6.0, min(60.0, w * 12)) for w in table.widths],
                heading=[*heading, table.title],
                landscape=False,
                cell_format=formats,
            )
        )
    return sheets


# ---------------------------------------------------------------- the consolidated report


def consolidated_sheets(result: Consolidated, document: Document) -> list[Sheet]:
    """The consolidated report as XLSX: first each commune's main figures and the total, then the
    total's own tables — every figure a number with its format, never text."""
    heading = [
        document.header.upper_line,
        document.header.issuer_line,
        f"{document.title} {document.subject}",
    ]
    columns = ["TT", "Đơn vị", *(CATALOGUE[k].label for k in SUMMARY_KEYS)]
    lines = [(str(i), c.name, result.by_commune[c.unit_id]) for i, c in enumerate(result.communes, start=1)]
    lines.append(("", "Tổng cộng", result.total))
    rows: list[Sequence[str | int | float | None]] = []
    formats: dict[tuple[int, int], str] = {}
    for r, (number, name, report) in enumerate(lines):
        row: list[str | int | float | None] = [number, name]
        for c, key in enumerate(SUMMARY_KEYS, start=2):
            value = report.values[key].value
            row.append(value)
            if value is not None:
                formats[(r, c)] = NUMBER_FORMATS["percent" if CATALOGUE[key].unit == "%" else "int"]
                if isinstance(value, float) and not value.is_integer():
                    formats[(r, c)] = NUMBER_FORMATS["decimal"]
        rows.append(row)
    summary = Sheet(
        "Theo đơn vị",
        columns,
        rows,
        widths=[6.0, 30.0, *(14.0 for _ in SUMMARY_KEYS)],
        heading=[*heading, "Số liệu chủ yếu theo đơn vị"],
        landscape=True,
        cell_format=formats,
    )
    tables = report_sheets(result.total, document)
    names = unique_sheet_names([summary.title, *(s.title for s in tables)])
    return [summary, *(replace(sheet, title=name) for sheet, name in zip(tables, names[1:], strict=True))]


def export_consolidated(
    db: Database,
    actor: Actor,
    period: Period,
    target: Path,
    *,
    signer: str = "",
    title: str | None = None,
    number: int | None = None,
    on: date | None = None,
) -> Path:
    """The one operation behind the window's and the command line's consolidated export: compute,
    write (PDF, or XLSX with numbers as numbers), then audit the output. Without a number and a
    signer the document is a DỰ THẢO."""
    with read_session(db, actor) as session:
        result = consolidate(session, period)
        extra: dict[str, Any] = {} if title is None else {"title": title}
        document = consolidated_document(session, result, signer=signer, number=number, on=on, **extra)
    if target.suffix.lower() == ".pdf":
        path = save_pdf(document, target)
    else:
        path = save_xlsx(consolidated_sheets(result, document), target)
    log_output(
        db, actor, "export", "consolidated_report", period.key, count=len(result.communes), target=path
    )
    return path
