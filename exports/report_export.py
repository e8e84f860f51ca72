"""The periodic report as XLSX: one sheet per table of the form, laid out from the table's own columns
(no knowledge of any section), numbers as numbers (never formulas) with Vietnamese-readable formats —
whole numbers "#,##0", percentages and decimals "#,##0.0" — short unique sheet names, A4 print set-up."""

from __future__ import annotations

import re
from collections.abc import Sequence

from exports.xlsx import Sheet
from forms.document import Document
from forms.quarterly import Report

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
