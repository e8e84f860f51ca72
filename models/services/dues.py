"""Party dues (đảng phí, DOMAIN.md §3.10): the monthly collection sheet per cell, rates from the dated
rule table (amounts the province sets are entered by the user and kept with their valid-from date),
paid-through month, members unpaid three months or more in a year, and the totals collected,
retained and remitted."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import audit
from models.dates import add_months, month_key, today
from models.entities import Cell, Member, RuleValue
from models.entities_work import DuesPayment
from models.errors import RuleViolation, ValidationError
from models.i18n import QT_TRANSLATE_NOOP
from models.rules import rule
from models.security import Permission, require
from models.services.common import get_live, own_unit_id, snapshot
from models.services.meetings import roster

CTX = "dues"
CATEGORIES = {
    "salaried": QT_TRANSLATE_NOOP("dues", "Hưởng lương"),
    "pensioner": QT_TRANSLATE_NOOP("dues", "Hưởng lương hưu"),
    "student": QT_TRANSLATE_NOOP("dues", "Học sinh, sinh viên"),
    "other": QT_TRANSLATE_NOOP("dues", "Nông dân và đảng viên khác"),
}
CHANNELS = {
    "cash": QT_TRANSLATE_NOOP("dues", "Nộp tiền mặt tại chi bộ"),
    "portal": QT_TRANSLATE_NOOP("dues", "Cổng dịch vụ công quốc gia"),
}
_SALARIED = {"party_state_staff", "commune_official", "public_service", "enterprise", "army", "police"}


def category_of(occupation: str) -> str:
    if occupation == "retired":
        return "pensioner"
    if occupation == "student":
        return "student"
    return "salaried" if occupation in _SALARIED else "other"


def _first(month: str) -> date:
    return date(int(month[:4]), int(month[5:]), 1)


def _check_month(month: str) -> None:
    if (
        len(month) != 7
        or month[4] != "-"
        or not (month[:4] + month[5:]).isdigit()
        or not 1 <= int(month[5:]) <= 12
        or not 1900 <= int(month[:4]) <= 2100
    ):
        raise ValidationError(
            "month", QT_TRANSLATE_NOOP("dues", "Tháng ghi dạng năm-tháng, ví dụ 2026-03."), context=CTX
        )


def percent_of(amount: int, percent: float | str | Decimal) -> int:
    """`percent`% of `amount` đồng, to the whole đồng, halves rounded UP (42,500.5 → 42,501 and
    42,501.5 → 42,502).

    The rule and its source: the dues rules (Quyết định 342-QĐ/TW of 28/12/2010 and Quy định 01-QĐ/TW
    of 3/2/2026, DOMAIN.md §3.10) set the dues and the retained share as a percentage of an amount in
    đồng and give no rounding of their own; the đồng has no smaller unit, so the amount is rounded to the
    whole đồng the way a clerk does by hand and the way the office rounds every figure (DOMAIN.md §5:
    "rounded half up, as clerks do by hand"). Python's `round()` rounds halves to even and is NOT used
    for money. Every dues amount and every retained share (the sheet, the totals, the report and its
    explanation) is computed here, so all of them agree."""
    exact = Decimal(amount) * Decimal(str(percent)) / Decimal(100)
    return int(exact.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def amount_due(session: Session, category: str, month: str, base_amount: int | None) -> int | None:
    """The dues for a month from the rate table; None when the rate is not set (the user enters it)."""
    rates: dict[str, dict[str, Any]] = rule(session, "dues.rates", _first(month))
    rate = rates.get(category, {})
    if "percent" in rate:
        return percent_of(base_amount, rate["percent"]) if base_amount else None
    fixed = rate.get("fixed")
    return int(fixed) if fixed is not None else None


def set_rate(
    session: Session,
    category: str,
    valid_from: date,
    *,
    fixed: int | None = None,
    percent: float | None = None,
) -> None:
    """Record a rate the province set (kept with its valid-from date; earlier months keep their rate)."""
    require(session, Permission.ADMIN_SETTINGS)
    if category not in CATEGORIES or (fixed is None) == (percent is None):
        raise ValidationError(
            "rate",
            QT_TRANSLATE_NOOP("dues", "Hãy nhập một mức: số tiền cố định hoặc phần trăm."),
            context=CTX,
        )
    if (fixed is not None and not 0 <= fixed <= 10_000_000) or (
        percent is not None and not 0 <= percent <= 10
    ):
        raise ValidationError(
            "rate", QT_TRANSLATE_NOOP("dues", "Mức đảng phí không hợp lý; hãy kiểm tra lại."), context=CTX
        )
    current: dict[str, dict[str, Any]] = dict(rule(session, "dues.rates", valid_from))
    current[category] = {"fixed": fixed} if fixed is not None else {"percent": percent}
    row = session.scalars(
        select(RuleValue).where(RuleValue.key == "dues.rates", RuleValue.valid_from == valid_from)
    ).first()
    if row is None:
        session.add(
            RuleValue(
                key="dues.rates",
                valid_from=valid_from,
                value=json.dumps(current),
                note="Nhập trong chương trình",
            )
        )
    else:
        row.value = json.dumps(current)
    session.flush()
    audit.record(session, "update", "rule", "dues.rates", fields=[category])


@dataclass(frozen=True)
class SheetRow:
    member_id: str
    name: str
    category: str
    base_amount: int | None
    amount_due: int | None
    amount_paid: int
    channel: str
    paid_date: date | None
    recorded: bool


def recorded_bases(session: Session, member_ids: list[str], month: str) -> dict[tuple[str, str], int]:
    """The base (insured salary or pension) in force for `month`: per (member, category), the base of
    the member's latest recorded month before `month` in that category — not only the month just before,
    so a month left unrecorded does not blank the amounts of the months after it."""
    require(session, Permission.VIEW_REGISTER)
    out: dict[tuple[str, str], int] = {}
    for chunk in (member_ids[i : i + 500] for i in range(0, len(member_ids), 500)):
        rows = session.execute(
            select(DuesPayment.member_id, DuesPayment.category, DuesPayment.base_amount)
            .where(
                DuesPayment.member_id.in_(chunk),
                DuesPayment.month < month,
                DuesPayment.base_amount.is_not(None),
                ~DuesPayment.deleted,
            )
            .order_by(DuesPayment.month)
        )
        for member_id, category, base in rows:
            out[(member_id, category)] = int(base or 0)
    return out


def sheet(session: Session, cell_id: str, month: str) -> list[SheetRow]:
    """The collection sheet: every member counted in the cell on the 1st of the month (exempted
    members included; dues are owed), with what is recorded or what the rates say is due (a percentage
    rate from the member's recorded base as of that month, see `recorded_bases`)."""
    require(session, Permission.VIEW_REGISTER)
    _check_month(month)
    members = roster(session, cell_id, _first(month))
    ids = [m.member_id for m in members]
    recorded = {
        p.member_id: p
        for p in session.scalars(
            select(DuesPayment).where(DuesPayment.member_id.in_(ids), DuesPayment.month == month)
        )
    }
    bases = recorded_bases(session, ids, month)
    occupations = dict(session.execute(select(Member.id, Member.occupation).where(Member.id.in_(ids))).all())
    rows = []
    for m in members:
        if (p := recorded.get(m.member_id)) is not None:
            rows.append(
                SheetRow(
                    m.member_id,
                    m.name,
                    p.category,
                    p.base_amount,
                    p.amount_due,
                    p.amount_paid,
                    p.channel,
                    p.paid_date,
                    True,
                )
            )
            continue
        category = category_of(occupations.get(m.member_id, "other"))
        base = bases.get((m.member_id, category))
        rows.append(
            SheetRow(
                m.member_id,
                m.name,
                category,
                base,
                amount_due(session, category, month, base),
                0,
                "",
                None,
                False,
            )
        )
    return rows


@dataclass(frozen=True)
class DuesEntry:
    amount_paid: int
    channel: str = "cash"
    amount_due: int | None = None  # None: from the rate table
    base_amount: int | None = None
    paid_date: date | None = None
    category: str | None = None


def record_month(session: Session, cell_id: str, month: str, entries: dict[str, DuesEntry]) -> int:
    """Save the month's collection for the cell in one transaction; returns the rows saved."""
    require(session, Permission.EDIT_REGISTER)
    _check_month(month)
    get_live(session, Cell, cell_id, QT_TRANSLATE_NOOP("dues", "chi bộ"))
    rows = {r.member_id: r for r in sheet(session, cell_id, month)}
    ids = list(entries)
    existing = {
        p.member_id: p
        for start in range(0, len(ids), 500)
        for p in session.scalars(
            select(DuesPayment).where(
                DuesPayment.member_id.in_(ids[start : start + 500]), DuesPayment.month == month
            )
        )
    }
    errors: dict[str, str] = {}
    written: list[tuple[DuesPayment, dict[str, Any] | None]] = []
    for member_id, entry in entries.items():
        row = rows.get(member_id)
        if row is None:
            errors[member_id] = ValidationError(
                "member", QT_TRANSLATE_NOOP("dues", "Không sinh hoạt ở chi bộ này trong tháng."), context=CTX
            ).text()
            continue
        category = entry.category or row.category
        base = entry.base_amount if entry.base_amount is not None else row.base_amount
        due = entry.amount_due if entry.amount_due is not None else amount_due(session, category, month, base)
        if due is None:
            errors[member_id] = ValidationError(
                "amount_due",
                QT_TRANSLATE_NOOP(
                    "dues",
                    "{name}: chưa có mức đảng phí cho nhóm này; hãy nhập số phải nộp (hoặc khai mức trong Cấu hình).",
                ),
                context=CTX,
                name=row.name,
            ).text()
            continue
        if entry.amount_paid < 0 or due < 0 or entry.amount_paid > 100 * max(due, 1) + 1_000_000:
            errors[member_id] = ValidationError(
                "amount_paid",
                QT_TRANSLATE_NOOP("dues", "{name}: số tiền không hợp lý."),
                context=CTX,
                name=row.name,
            ).text()
            continue
        if entry.channel not in CHANNELS and entry.amount_paid:
            errors[member_id] = ValidationError(
                "channel", QT_TRANSLATE_NOOP("dues", "Hãy chọn hình thức nộp."), context=CTX
            ).text()
            continue
        payment = existing.get(member_id)
        before = snapshot(payment) if payment else None
        if payment is None:
            payment = DuesPayment(
                owner_unit_id=own_unit_id(session), member_id=member_id, cell_id=cell_id, month=month
            )
            session.add(payment)
        payment.category, payment.base_amount, payment.amount_due = category, base, due
        payment.amount_paid, payment.channel = entry.amount_paid, entry.channel if entry.amount_paid else ""
        payment.paid_date = entry.paid_date if entry.amount_paid else None
        written.append((payment, before))
    if errors:
        raise ValidationError.many(errors)
    session.flush()  # the whole sheet in one flush; then one audit entry per row, in the sheet's order
    for payment, before in written:
        audit.record(
            session, "dues.record", "dues_payment", payment.id, before=before, after=snapshot(payment)
        )
    return len(entries)


def paid_through(session: Session, member_id: str) -> str | None:
    """The last month up to which every month is paid in full (from the first recorded month)."""
    return paid_through_many(session, [member_id]).get(member_id)


def paid_through_many(session: Session, member_ids: list[str]) -> dict[str, str | None]:
    """`paid_through` for many members in one query (the collection sheet shows it per row)."""
    require(session, Permission.VIEW_REGISTER)
    result: dict[str, str | None] = dict.fromkeys(member_ids)
    expected: dict[str, str] = {}
    stopped: set[str] = set()
    for chunk in (member_ids[i : i + 500] for i in range(0, len(member_ids), 500)):
        rows = session.execute(
            select(DuesPayment.member_id, DuesPayment.month, DuesPayment.amount_due, DuesPayment.amount_paid)
            .where(DuesPayment.member_id.in_(chunk), ~DuesPayment.deleted)
            .order_by(DuesPayment.member_id, DuesPayment.month)
        )
        for member_id, month, due, paid in rows:
            if member_id in stopped:
                continue
            if (member_id in expected and month != expected[member_id]) or paid < due:
                stopped.add(member_id)
                continue
            result[member_id] = month
            expected[member_id] = month_key(add_months(_first(month), 1))
    return result


@dataclass(frozen=True)
class Unpaid:
    member_id: str
    name: str
    cell_name: str
    months: tuple[str, ...]


def finished_months(year: int, up_to_month: str, on: date | None = None) -> list[str]:
    """The months of `year` up to `up_to_month` that are over on `on` (today): the month in progress
    is never counted as unpaid — dues for December may be paid until the end of December."""
    _check_month(up_to_month)
    current = month_key(on or today())
    last = min(up_to_month, month_key(add_months(_first(current), -1)))
    if not last.startswith(f"{year:04d}"):
        return [f"{year:04d}-{m:02d}" for m in range(1, 13)] if last > f"{year:04d}-12" else []
    return [f"{year:04d}-{m:02d}" for m in range(1, int(last[5:]) + 1)]


def unpaid_members(
    session: Session, year: int, up_to_month: str, min_months: int = 3, *, on: date | None = None
) -> list[Unpaid]:
    """Members with `min_months` or more FINISHED months of the year (to `up_to_month`, never the
    month in progress on `on`, default today) unpaid or short — a ground for striking off (DOMAIN.md
    §3.10). A month counts only if the member was in the register that month."""
    require(session, Permission.VIEW_REGISTER)
    months = finished_months(year, up_to_month, on)
    unit_id = own_unit_id(session)
    cells = session.execute(
        select(Cell.id, Cell.name).where(~Cell.deleted, Cell.owner_unit_id == unit_id)
    ).all()
    # (member, month) -> paid in full: plain columns, not a year of ORM rows (the page opened slowly)
    paid_in_full: dict[tuple[str, str], bool] = {
        (member_id, month): paid >= due
        for member_id, month, paid, due in session.execute(
            select(
                DuesPayment.member_id, DuesPayment.month, DuesPayment.amount_paid, DuesPayment.amount_due
            ).where(DuesPayment.month.in_(months), ~DuesPayment.deleted)
        )
    }
    # A member paid in full in more than len(months) - min_months of them cannot miss min_months:
    # their history need not be replayed month by month.
    full_months: dict[str, int] = defaultdict(int)
    for (member_id, _month), full in paid_in_full.items():
        full_months[member_id] += full
    settled = frozenset(m for m, n in full_months.items() if n > len(months) - min_months)
    missing: dict[str, list[str]] = defaultdict(list)
    names: dict[str, tuple[str, str]] = {}
    for cell_id, cell_name in cells:
        for month in months:
            for entry in roster(session, cell_id, _first(month), settled):
                names[entry.member_id] = (entry.name, cell_name)
                if not paid_in_full.get((entry.member_id, month), False):
                    missing[entry.member_id].append(month)
    out = [
        Unpaid(mid, names[mid][0], names[mid][1], tuple(ms))
        for mid, ms in missing.items()
        if len(ms) >= min_months
    ]
    out.sort(key=lambda u: (-len(u.months), u.name))
    return out


@dataclass(frozen=True)
class DuesTotals:
    due: int
    collected: int
    retained: int | None
    remitted: int | None
    retention_pct: float | None


def totals(session: Session, months: list[str], cell_id: str | None = None) -> DuesTotals:
    """Collected in the months, the share retained by the commune (rule table) and the remainder
    remitted upward; retention is None while the rate for the period is not entered."""
    require(session, Permission.VIEW_REGISTER)
    for month in months:
        _check_month(month)
    query = select(DuesPayment.month, DuesPayment.amount_due, DuesPayment.amount_paid).where(
        DuesPayment.month.in_(months), ~DuesPayment.deleted, DuesPayment.owner_unit_id == own_unit_id(session)
    )
    if cell_id is not None:
        query = query.where(DuesPayment.cell_id == cell_id)
    rows = session.execute(query).all()
    due = sum(r[1] for r in rows)
    collected = sum(r[2] for r in rows)
    retained: int | None = 0
    pct: float | None = None
    for month in sorted({r[0] for r in rows}):
        value = rule(session, "dues.retention_pct", _first(month))
        month_sum = sum(r[2] for r in rows if r[0] == month)
        if value is None:
            retained = None
            break
        pct = float(value)
        assert retained is not None
        retained += percent_of(month_sum, value)
    return DuesTotals(due, collected, retained, None if retained is None else collected - retained, pct)


def require_rates_known(session: Session, month: str) -> None:
    """Raise when a category's rate for the month is missing (used before printing sheets)."""
    rates: dict[str, dict[str, Any]] = rule(session, "dues.rates", _first(month))
    unknown = [CATEGORIES[c] for c, r in rates.items() if r.get("fixed") is None and "percent" not in r]
    if unknown:
        raise RuleViolation(
            QT_TRANSLATE_NOOP(
                "dues", "Chưa khai mức đảng phí cho: {groups}. Hãy nhập trong Cấu hình → Đảng phí."
            ),
            context=CTX,
            groups=", ".join(unknown),
        )
