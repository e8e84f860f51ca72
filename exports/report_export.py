"""The periodic report as XLSX: one sheet per table, numbers as numbers (never formulas), Vietnamese
number formats, A4 print set-up."""

from __future__ import annotations

from collections.abc import Sequence

from exports.xlsx import Sheet
from forms.document import Document
from forms.indicators import CATALOGUE
from forms.quarterly import Report


def report_sheets(report: Report, document: Document) -> list[Sheet]:
    heading = [
        document.header.upper_line,
        document.header.issuer_line,
        f"{document.title} {document.subject}",
    ]
    sheets = []
    for table in report.tables:
        rows: list[Sequence[str | int | float | None]] = []
        for (tt, label, _unit, _, _), key in zip(table.rows, table.keys, strict=True):
            value = report.values[key].value
            share = None
            row_def = next(
                r for s in report.form.sections if s.title == table.title for r in s.rows if r.key == key
            )
            if row_def.share_of and value is not None:
                base = report.values[row_def.share_of].value
                share = round(100 * float(value) / float(base), 1) if base else None
            rows.append((int(tt), label.strip(), CATALOGUE[key].unit, value, share))
        sheets.append(
            Sheet(
                table.title.split(". ", 1)[-1],
                table.columns,
                rows,
                widths=(6, 60, 12, 14, 12),
                heading=heading,
                landscape=False,
                number_format={0: "0", 3: "#,##0.##", 4: "0.0"},
            )
        )
    return sheets
