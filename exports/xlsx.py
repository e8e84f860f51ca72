"""XLSX writing (openpyxl, write-only mode): every value is written as a plain value, strings as text —
a cell starting with "=", "+", "-" or "@" is never a formula — with Vietnamese headers, A4 print set-up
and frozen header rows."""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.worksheet.worksheet import Worksheet

FONT_NAME = "Times New Roman"
_THIN = Side(style="thin")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_INVALID_SHEET_CHARS = str.maketrans(dict.fromkeys("[]:*?/\\", " "))
Value = str | int | float | None


@dataclass(frozen=True)
class Sheet:
    title: str  # at most 31 characters in Excel
    columns: Sequence[str]
    rows: Iterable[Sequence[Value]]
    widths: Sequence[float] = ()
    heading: Sequence[str] = ()  # lines above the table (e.g. unit and report title)
    landscape: bool = True
    number_format: dict[int, str] = field(default_factory=dict)  # column index -> Excel number format


def _text_cell(
    ws: Worksheet, value: str, *, bold: bool = False, border: bool = True, wrap: bool = True
) -> WriteOnlyCell:
    cell = WriteOnlyCell(ws, value=unicodedata.normalize("NFC", value))
    cell.data_type = "s"  # always text, even "=1+1" or "@SUM(...)"
    cell.font = Font(name=FONT_NAME, size=11, bold=bold)
    cell.alignment = Alignment(wrap_text=wrap, vertical="top")
    if border:
        cell.border = _BORDER
    return cell


def _value_cell(ws: Worksheet, value: Value, number_format: str | None) -> WriteOnlyCell:
    if value is None:
        value = ""
    if isinstance(value, str):
        return _text_cell(ws, value)
    cell = WriteOnlyCell(ws, value=value)
    cell.font = Font(name=FONT_NAME, size=11)
    cell.border = _BORDER
    cell.number_format = number_format or ("#,##0" if isinstance(value, int) else "#,##0.00")
    return cell


def sheet_title(text: str) -> str:
    return unicodedata.normalize("NFC", text).translate(_INVALID_SHEET_CHARS).strip()[:31] or "Sheet"


def workbook_bytes(sheets: Sequence[Sheet]) -> bytes:
    """Build the workbook in memory (the caller writes it atomically)."""
    wb = Workbook(write_only=True)
    for spec in sheets:
        ws = wb.create_sheet(sheet_title(spec.title))
        for i, width in enumerate(spec.widths):
            ws.column_dimensions[_column_letter(i + 1)].width = width
        ws.page_setup.paperSize = Worksheet.PAPERSIZE_A4
        ws.page_setup.orientation = "landscape" if spec.landscape else "portrait"
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        header_row = len(spec.heading) + 1
        ws.freeze_panes = f"A{header_row + 1}"
        ws.print_title_rows = f"{header_row}:{header_row}"
        for line in spec.heading:
            ws.append([_text_cell(ws, line, bold=True, border=False, wrap=False)])
        ws.append([_text_cell(ws, c, bold=True) for c in spec.columns])
        for row in spec.rows:
            ws.append([_value_cell(ws, v, spec.number_format.get(i)) for i, v in enumerate(row)])
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _column_letter(index: int) -> str:
    letters = ""
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters
