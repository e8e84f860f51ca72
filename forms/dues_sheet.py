"""The monthly Party-dues collection sheet of a cell (danh sách thu đảng phí, DOMAIN.md §3.10) as a
`Document` with the Party header: members, category, amount due, paid, channel, signature lines."""

from __future__ import annotations

from datetime import date
from typing import Any

from forms.document import Document, Header, Paragraph, SignatureBlock, Table, vi_int
from models.i18n import translate
from models.services import dues
from models.services import organisation as org


def _month_words(month: str) -> str:
    mon, year = int(month[5:]), month[:4]
    return f"tháng {mon:02d} năm {year}" if mon <= 2 else f"tháng {mon} năm {year}"


def _money(value: int | None) -> str:
    return "" if value is None else vi_int(value)


def dues_sheet(session: Any, cell_id: str, month: str, on: date | None = None) -> Document:
    """The collection sheet for `cell_id` and `month` ("2026-03"): what is recorded, or what the rate
    table says is due; a column for each member's signature."""
    unit = org.own_unit(session)
    cell = next(c for c in org.list_cells(session) if c.id == cell_id)
    rows = dues.sheet(session, cell_id, month)
    table_rows: list[tuple[str, ...]] = []
    for n, row in enumerate(rows, start=1):
        channel = translate("dues", dues.CHANNELS[row.channel]) if row.channel in dues.CHANNELS else ""
        table_rows.append(
            (
                str(n),
                row.name,
                translate("dues", dues.CATEGORIES.get(row.category, row.category)),
                _money(row.base_amount),
                _money(row.amount_due),
                _money(row.amount_paid) if row.recorded else "",
                channel,
                "",
            )
        )
    due = sum(r.amount_due or 0 for r in rows)
    paid = sum(r.amount_paid for r in rows if r.recorded)
    table_rows.append(("", "Cộng", "", "", vi_int(due), vi_int(paid), "", ""))
    table = Table(
        columns=(
            "TT",
            "Họ và tên",
            "Đối tượng",
            "Mức căn cứ (đ)",
            "Phải nộp (đ)",
            "Đã nộp (đ)",
            "Hình thức nộp",
            "Ký nhận",
        ),
        rows=tuple(table_rows),
        widths=(0.5, 3.2, 1.8, 1.3, 1.2, 1.2, 1.8, 1.2),
        align=("center", "left", "left", "right", "right", "right", "left", "left"),
        font_size=11,
        row_height=10,  # room to sign in the Ký nhận column
    )
    counted = sum(1 for r in rows if r.recorded and r.amount_paid >= (r.amount_due or 0))
    unknown = [r.name for r in rows if r.amount_due is None]
    summary = (
        f"Chi bộ có {len(rows)} đảng viên phải nộp đảng phí {_month_words(month)}; "
        f"đã nộp đủ: {counted} đồng chí. Tổng số phải nộp: {vi_int(due)} đồng; "
        f"đã thu: {vi_int(paid)} đồng."
    )
    if unknown:  # never a total that silently leaves members out
        summary += (
            f" Tổng số phải nộp chưa gồm {len(unknown)} đồng chí chưa có mức căn cứ hoặc mức đảng phí "
            f"({', '.join(unknown)}); ghi số phải nộp của các đồng chí này vào danh sách."
        )
    blocks: tuple[Paragraph | Table, ...] = (
        Paragraph(summary),
        table,
        Paragraph(
            "Hình thức nộp: tiền mặt tại chi bộ hoặc qua Cổng dịch vụ công quốc gia. "
            "Đảng viên nộp qua Cổng dịch vụ công không phải ký nhận.",
            "note",
        ),
    )
    header = Header.build(unit.name, cell.name, "", unit.place_name, on)  # lists carry no number
    return Document(
        header=header,
        title="DANH SÁCH THU ĐẢNG PHÍ",
        subject=f"{_month_words(month).capitalize()}",
        blocks=blocks,
        signatures=(
            SignatureBlock("", "NGƯỜI THU", ""),
            SignatureBlock("T/M CHI BỘ", "BÍ THƯ", cell.secretary_name),
        ),
        landscape=True,
        metadata={"kind": "dues_sheet", "cell": cell.name, "month": month},
    )
