"""The receiving role: every quarterly indicator per commune and for all communes together (computed
over the union of their records, so sums, percentages and averages are exact), the consolidated
report, and the completeness board (communes × periods: expected, received, finalised, late)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from forms.document import Document, Header, Paragraph, SignatureBlock, Table, doc_number
from forms.indicators import CATALOGUE
from forms.periods import Period
from forms.quarterly import (
    DEFAULT_QUARTERLY,
    FormDefinition,
    Report,
    build_report,
    collector_paused,
    cutoff_date,
    format_value,
)
from models.dates import today
from models.services import organisation as org
from models.services import reports
from models.services import sync as ss
from models.services.statistics import Facts

SUMMARY_KEYS = (
    "members.total",
    "members.probationary",
    "members.women",
    "members.minority",
    "move.admitted",
    "move.transfer_in",
    "move.transfer_out",
    "move.died",
    "org.cells",
    "meet.regular_held",
    "meet.regular_due",
    "pet.received",
)


@dataclass(frozen=True)
class Commune:
    unit_id: str
    name: str


def communes(session: Any) -> list[Commune]:
    """Enrolled communes (the expected senders)."""
    return [Commune(p.unit_id, p.name) for p in ss.peers(session, "commune") if not p.revoked]


@dataclass(frozen=True)
class Consolidated:
    period: Period
    total: Report
    by_commune: dict[str, Report]
    communes: tuple[Commune, ...]


def consolidate(session: Any, period: Period, form: FormDefinition = DEFAULT_QUARTERLY) -> Consolidated:
    """Every commune's report and the total. The communes' records are read once, together (a few
    set-based queries); each commune's figures are computed over its part of them."""
    units = communes(session)
    if not units:
        return Consolidated(period, build_report(session, period, form), {}, ())
    with collector_paused():
        facts = Facts(session, [c.unit_id for c in units])
        total = build_report(session, period, form, facts=facts)
        by_commune = {
            c.unit_id: build_report(session, period, form, facts=facts.subset([c.unit_id])) for c in units
        }
    return Consolidated(period, total, by_commune, tuple(units))


def consolidated_document(
    session: Any,
    result: Consolidated,
    *,
    signer: str = "",
    title: str = "PHÓ BÍ THƯ",
    on_behalf: str = "T/M BAN THƯỜNG VỤ",
    number: int | None = None,
    on: date | None = None,
) -> Document:
    """The consolidated report in the full document form: header with number and symbol, the date of
    signing (today by default, never later), the summary and every table, the signer's title, room for
    the signature and the name, Nơi nhận. Without a number and a signer it is a DỰ THẢO with blanks."""
    unit = org.own_unit(session)
    now = today()
    on = min(on or now, now)
    upper = org.current_upper_level(session, on)
    header = Header.build(
        upper.header_line if upper else unit.name,
        unit.committee_name,
        doc_number(number, "BC", unit.symbol),
        unit.place_name,
        on,
    )
    columns = ("TT", "Đơn vị", *(CATALOGUE[k].label for k in SUMMARY_KEYS))
    rows = []
    for i, c in enumerate(result.communes, start=1):
        report = result.by_commune[c.unit_id]
        rows.append(
            (str(i), c.name, *(format_value(report.values[k].value, CATALOGUE[k].unit) for k in SUMMARY_KEYS))
        )
    rows.append(
        (
            "",
            "Tổng cộng",
            *(format_value(result.total.values[k].value, CATALOGUE[k].unit) for k in SUMMARY_KEYS),
        )
    )
    blocks: list[Paragraph | Table] = [
        Paragraph(
            f"Tổng hợp số liệu của {len(result.communes)} đảng bộ xã, phường đã gửi dữ liệu.", indent=False
        ),
        Table(
            columns,
            tuple(rows),
            widths=(0.5, 3.0, *(1.0 for _ in SUMMARY_KEYS)),
            align=("center", "left", *("right" for _ in SUMMARY_KEYS)),
            font_size=8,
            caption="Số liệu chủ yếu theo đơn vị",
        ),
    ]
    for table in result.total.tables:
        blocks.append(
            Table(
                table.columns,
                table.rows,
                widths=table.widths,
                align=table.align,
                font_size=9,
                caption=table.title,
            )
        )
    return Document(
        header=header,
        title="BÁO CÁO TỔNG HỢP",
        subject=f"Số liệu công tác xây dựng Đảng {result.period.label}",
        blocks=tuple(blocks),
        signatures=(None, SignatureBlock(on_behalf, title, signer.strip() or "." * 40)),
        recipients=(
            *((f"- {upper.name} (b/c),",) if upper and upper.name else ()),
            f"- Thường trực {unit.committee_name},",
            "- Các đảng ủy xã, phường (để biết),",
            "- Lưu VP.",
        ),
        landscape=True,
        draft=number is None or not signer.strip(),
        metadata={"kind": "consolidated"},
    )


@dataclass(frozen=True)
class BoardCell:
    status: str  # missing / received / finalised
    late: bool
    created_at: datetime | None
    received_at: datetime | None


@dataclass(frozen=True)
class BoardRow:
    commune: Commune
    cells: tuple[BoardCell, ...]


def completeness(session: Any, periods: list[Period], now: datetime | None = None) -> list[BoardRow]:
    """For each commune and period: has a package covering the period arrived (signed creation time
    after the period end), is the commune's report for it finalised, and was it late against the
    cut-off date (by receipt time, or still missing after the cut-off)?"""
    now = now or datetime.now(UTC)
    rows = []
    for commune in communes(session):
        received = [p for p in ss.package_log(session, commune.unit_id, "in") if p.kind == "data"]
        cells = []
        for period in periods:
            end = datetime(period.end.year, period.end.month, period.end.day, 23, 59, 59, tzinfo=UTC)
            covering = sorted(
                (p for p in received if p.created_at >= end), key=lambda p: p.received_at or p.created_at
            )
            cutoff = cutoff_date(session, period)
            cutoff_dt = datetime(cutoff.year, cutoff.month, cutoff.day, 23, 59, 59, tzinfo=UTC)
            snapshot = reports.find_for_unit(session, commune.unit_id, period.key, DEFAULT_QUARTERLY.key)
            first = covering[0] if covering else None
            if first is None:
                cells.append(BoardCell("missing", now > cutoff_dt, None, None))
                continue
            status = "finalised" if snapshot is not None and snapshot.status == "final" else "received"
            late = (first.received_at or first.created_at) > cutoff_dt
            cells.append(BoardCell(status, late, first.created_at, first.received_at))
        rows.append(BoardRow(commune, tuple(cells)))
    return rows
