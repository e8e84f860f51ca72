"""Saving documents: PDF and XLSX written atomically and verified before they replace anything."""

from __future__ import annotations

import logging
import zipfile
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from exports import atomic
from exports.xlsx import Sheet, Value
from forms.document import Document, Table
from models import audit
from models.db import Database, unit_of_work
from models.errors import StorageError
from models.security import Actor

log = logging.getLogger(__name__)


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


# Amount columns written as numbers (Excel shows them with the machine's thousands separator).
_MONEY_COLUMNS = {"dues_sheet": (3, 4, 5)}


def _as_numbers(rows: Sequence[Sequence[str]], columns: Sequence[int]) -> list[list[Value]]:
    """ "74.000" → 74000 in the given columns; empty cells stay empty."""
    out: list[list[Value]] = []
    for row in rows:
        cells: list[Value] = list(row)
        for i in columns:
            digits = str(row[i]).replace(".", "")
            if digits.isdigit():
                cells[i] = int(digits)
        out.append(cells)
    return out


def _serials(rows: Sequence[Sequence[Value]]) -> list[list[Value]]:
    """The row number ("TT") as a number."""
    out: list[list[Value]] = []
    for row in rows:
        cells = list(row)
        if cells and isinstance(cells[0], str) and cells[0].isdigit():
            cells[0] = int(cells[0])
        out.append(cells)
    return out


def _content_widths(columns: Sequence[str], rows: Sequence[Sequence[Value]]) -> list[float]:
    """Excel column widths from the longest value (a date 11, wrapped text at most 40)."""
    widths = []
    for i, title in enumerate(columns):
        longest = max((len(w) for w in title.split()), default=4)
        for row in rows[:500]:
            value = row[i] if i < len(row) else None
            if isinstance(value, date):
                longest = max(longest, 10)
            elif value is not None:
                longest = max(longest, max((len(p) for p in str(value).split("\n")), default=0))
        widths.append(float(min(40, max(5, longest + 2))))
    return widths


def document_sheets(document: Document, title: str) -> list[Sheet]:
    """The tables of a document as worksheets, with the header lines above each: one value per cell
    where the form gives a spreadsheet version, row numbers and amounts as numbers, totals as SUM
    formulas."""
    heading = [
        document.header.upper_line,
        document.header.issuer_line,
        f"{document.title} – {document.subject}".strip(" –"),
    ]
    tables = [b for b in document.blocks if isinstance(b, Table)]
    money = _MONEY_COLUMNS.get(str(document.metadata.get("kind", "")), ())
    sheets = []
    for i, table in enumerate(tables, start=1):
        name = table.caption.rstrip(":") if table.caption else (title if len(tables) == 1 else f"{title} {i}")
        if table.sheet_columns:
            columns = list(table.sheet_columns)
            rows: list[list[Value]] = [list(r) for r in table.sheet_rows]
        else:
            columns = [c.replace("\n", " ") for c in table.columns]
            rows = _serials(_as_numbers(table.rows, money) if money else table.rows)
        if table.widths and not table.sheet_columns:
            widths = [max(6.0, min(45.0, w * 9)) for w in table.widths]
        else:
            widths = _content_widths(columns, rows)
        totals = tuple(r for r, row in enumerate(rows) if len(row) > 1 and row[1] in ("Cộng", "Tổng cộng"))
        sheets.append(
            Sheet(
                name,
                columns,
                rows,
                widths,
                heading,
                document.landscape,
                dict.fromkeys(money, "#,##0"),
                total_rows=totals if money else (),
            )
        )
    return sheets


# ---------------------------------------------------------------- audit of what goes out


def document_identity(document: Document) -> tuple[str, str]:
    """(record kind, record id) of a document for the audit log, from its metadata; never a name."""
    meta = document.metadata
    if "meeting_id" in meta:
        return ("minutes_extract" if "item" in meta else "minutes"), meta["meeting_id"]
    if "cell_id" in meta and "month" in meta:
        return "blank_minutes", meta["cell_id"]
    if "period" in meta:
        return "report", meta["period"]
    if "kind" in meta:
        return meta["kind"], meta.get("month", "")
    if "scope" in meta:
        return "register", ""
    return "document", ""


def document_rows(document: Document) -> int:
    """How many table rows a document carries (members on a register, lines of a report)."""
    return sum(len(block.rows) for block in document.blocks if isinstance(block, Table))


def log_output(
    db: Database,
    actor: Actor,
    action: str,
    entity: str,
    record_id: str = "",
    *,
    count: int | None = None,
    target: Path | None = None,
) -> None:
    """Record that something was printed, written to a file, imported, backed up or restored, in its
    own short transaction once the output has succeeded (the file is written and verified)."""
    file_format = target.suffix if target is not None else ""
    if db.read_only:  # a damaged file opened to view and print: it cannot take the entry
        log.warning("%s of %s (%s rows) from a read-only database: not audited", action, entity, count)
        return
    try:
        with unit_of_work(db, actor) as session:
            audit.record_output(session, action, entity, record_id, count=count, file_format=file_format)
    except StorageError as exc:
        if exc.kind != "full":
            raise
        # The database's disk is full: the output (written elsewhere) stands, like one from a
        # read-only file; the next write on this database reports the full disk.
        log.warning("%s of %s (%s rows) on a full disk: not audited", action, entity, count)


def log_document(
    db: Database,
    actor: Actor,
    action: str,
    document: Document,
    target: Path | None = None,
    *,
    count: int | None = None,
) -> None:
    """`log_output` for a document: its kind and id from its metadata, its table rows as the count."""
    entity, record_id = document_identity(document)
    log_output(
        db,
        actor,
        action,
        entity,
        record_id,
        count=document_rows(document) if count is None else count,
        target=target,
    )
