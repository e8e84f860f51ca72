"""XLSX writing (openpyxl, write-only mode): every value is written as a plain value, strings as text —
a cell starting with "=", "+", "-" or "@" is never a formula — dates as real Excel dates shown
dd/mm/yyyy, with Vietnamese headers, A4 print set-up and frozen header rows. openpyxl is imported only
when a workbook is written (start-up stays lean)."""

from __future__ import annotations

import io
import os
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

FONT_NAME = "Times New Roman"
DATE_FORMAT = "dd/mm/yyyy"  # a real Excel date, shown the Vietnamese way
_INVALID_SHEET_CHARS = str.maketrans(dict.fromkeys("[]:*?/\\", " "))
Value = str | int | float | date | None


@dataclass(frozen=True)
class Sheet:
    title: str  # at most 31 characters in Excel
    columns: Sequence[str]
    rows: Iterable[Sequence[Value]]
    widths: Sequence[float] = ()
    heading: Sequence[str] = ()  # lines above the table (e.g. unit and report title)
    landscape: bool = True
    number_format: dict[int, str] = field(default_factory=dict)  # column index -> Excel number format
    cell_format: dict[tuple[int, int], str] = field(default_factory=dict)  # (row, column) -> format, wins
    # Rows (indexes into `rows`) whose numeric cells are the sums of the rows above: written as SUM
    # formulas built here (never from data), so a total stays right when a figure is edited.
    total_rows: tuple[int, ...] = ()


class _Cells:
    """Cell factories for one worksheet, with the styles built once."""

    def __init__(self, ws: Any) -> None:
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Alignment, Border, Font, Side

        thin = Side(style="thin")
        self.ws = ws
        self.cell_type = WriteOnlyCell
        self.border = Border(left=thin, right=thin, top=thin, bottom=thin)
        self.font = Font(name=FONT_NAME, size=11)
        self.bold = Font(name=FONT_NAME, size=11, bold=True)
        self.wrap = Alignment(wrap_text=True, vertical="top")
        self.nowrap = Alignment(wrap_text=False, vertical="top")

    def text(self, value: str, *, bold: bool = False, border: bool = True, wrap: bool = True) -> Any:
        cell = self.cell_type(self.ws, value=unicodedata.normalize("NFC", value))
        cell.data_type = "s"  # always text, even "=1+1" or "@SUM(...)"
        cell.font = self.bold if bold else self.font
        cell.alignment = self.wrap if wrap else self.nowrap
        if border:
            cell.border = self.border
        return cell

    def value(self, value: Value, number_format: str | None) -> Any:
        if value is None:
            value = ""
        if isinstance(value, str):
            return self.text(value)
        cell = self.cell_type(self.ws, value=value)
        cell.font = self.font
        cell.border = self.border
        if isinstance(value, date):  # a date serial with a date format, sortable and filterable in Excel
            cell.number_format = number_format or DATE_FORMAT
            cell.alignment = self.nowrap
        else:
            cell.number_format = number_format or ("#,##0" if isinstance(value, int) else "#,##0.00")
        return cell

    def total(self, column: int, first_row: int, last_row: int, number_format: str | None) -> Any:
        """A SUM over the rows above, written by us (the only formula a workbook of ours holds)."""
        letter = _column_letter(column + 1)
        cell = self.cell_type(self.ws, value=f"=SUM({letter}{first_row}:{letter}{last_row})")
        cell.font = self.bold
        cell.border = self.border
        cell.number_format = number_format or "#,##0"
        return cell


LINE_HEIGHT = 15.0  # points per line of 11 pt text
CHAR_WIDTH = 1.15  # Excel column width units per character of 11 pt Times New Roman (generous)


def _height(row: Sequence[Value], widths: Sequence[float]) -> float:
    """The height of a row whose cells wrap within their column widths."""
    lines = 1
    for i, value in enumerate(row):
        if value is None or isinstance(value, (int, float, date)):
            continue
        width = widths[i] if i < len(widths) else 10.0
        per_line = max(1, int(width / CHAR_WIDTH))
        count = sum(max(1, -(-len(part) // per_line)) for part in str(value).split("\n"))
        lines = max(lines, count)
    return LINE_HEIGHT * lines + 3


def sheet_title(text: str) -> str:
    return unicodedata.normalize("NFC", text).translate(_INVALID_SHEET_CHARS).strip()[:31] or "Sheet"


def _private_sheet_file(suffix: str = "") -> str:
    """openpyxl's write-only sheets are streamed to a temporary file before they are zipped: it holds
    the rows in clear (names, dates), so it goes to the app's private folder (0700), named by this
    process so that a killed export's file is removed at the next start (exports.fileset), never to
    the system temp folder."""
    import secrets

    from openpyxl.worksheet import _writer

    from exports.fileset import private_temp_dir

    path = private_temp_dir() / f"openpyxl.{os.getpid()}.{secrets.token_hex(8)}{suffix or '.xml'}"
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600))
    _writer.ALL_TEMP_FILES.append(str(path))
    return str(path)


def _use_private_temp() -> None:
    from openpyxl.worksheet import _writer

    _writer.create_temporary_file = _private_sheet_file


def workbook_bytes(sheets: Sequence[Sheet]) -> bytes:
    """Build the workbook in memory (the caller writes it atomically)."""
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

    _use_private_temp()

    wb = Workbook(write_only=True)
    for spec in sheets:
        ws = wb.create_sheet(sheet_title(spec.title))
        cells = _Cells(ws)
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
        ws.oddFooter.center.text = "Trang &P / &N"  # page numbers on every printed page
        ws.oddFooter.center.size = 10
        rows = [list(row) for row in spec.rows]
        widths = list(spec.widths)
        # Row heights that fit the wrapped text (set before the rows are streamed out).
        ws.row_dimensions[header_row].height = _height(spec.columns, widths)
        for r, row in enumerate(rows):
            ws.row_dimensions[header_row + 1 + r].height = _height(row, widths)
        for line in spec.heading:
            ws.append([cells.text(line, bold=True, border=False, wrap=False)])
        ws.append([cells.text(c, bold=True) for c in spec.columns])
        first = header_row + 1
        for r, row in enumerate(rows):
            out = []
            for i, v in enumerate(row):
                fmt = spec.cell_format.get((r, i)) or spec.number_format.get(i)
                if r in spec.total_rows and i in spec.number_format and r > 0 and v not in ("", None):
                    out.append(cells.total(i, first, first + r - 1, fmt))
                else:
                    out.append(cells.value(v, fmt))
            ws.append(out)
    from exports.fileset import crash_point

    crash_point("xlsx:rows")  # the crash harness: every row is in openpyxl's sheet files now
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _column_letter(index: int) -> str:
    letters = ""
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters
