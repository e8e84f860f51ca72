"""Dates as Vietnamese clerks write them, and whole-month arithmetic used by the Party rules."""

from __future__ import annotations

import calendar
import re
from datetime import UTC, date, datetime

from models.errors import ValidationError
from models.i18n import QT_TRANSLATE_NOOP

_DMY = re.compile(r"^\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{2}|\d{4})\s*$")
_ISO = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})\s*$")
_YEAR = re.compile(r"^\s*(\d{4})\s*$")
_MONTH = re.compile(r"^\s*(\d{1,2})\s*[/.\-]\s*(\d{4})\s*$")


def utcnow() -> datetime:
    return datetime.now(UTC)


def today() -> date:
    return datetime.now(UTC).astimezone().date()


def parse_date(text: str, *, field: str = "date", century_pivot: int = 30) -> date:
    """Parse "3/2/2026", "03.02.26", "2026-02-03" or "2026" (1 January). Two-digit years up to the
    pivot are 20xx, later ones 19xx."""
    raw = text or ""
    m = _DMY.match(raw)
    if m:
        day, month, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if len(m.group(3)) == 2:
            year += 2000 if year <= century_pivot else 1900
    elif m := _ISO.match(raw):
        year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3))
    elif m := _YEAR.match(raw):
        year, month, day = int(m.group(1)), 1, 1
    elif m := _MONTH.match(raw):
        year, month, day = int(m.group(2)), int(m.group(1)), 1
    else:
        raise ValidationError(
            field,
            QT_TRANSLATE_NOOP(
                "dates", "Ngày “{text}” không đúng dạng. Hãy gõ ngày/tháng/năm, ví dụ 03/02/2026."
            ),
            context="dates",
            text=raw.strip(),
        )
    try:
        return date(year, month, day)
    except ValueError:
        raise ValidationError(
            field,
            QT_TRANSLATE_NOOP("dates", "Ngày “{text}” không có trong lịch. Hãy kiểm tra lại ngày và tháng."),
            context="dates",
            text=raw.strip(),
        ) from None


def format_date(value: date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def add_months(value: date, months: int) -> date:
    total = value.year * 12 + (value.month - 1) + months
    year, month = divmod(total, 12)
    month += 1
    day = min(value.day, calendar.monthrange(year, month)[1])
    return date(year, month, day)


def full_months_between(start: date, end: date) -> int:
    """Whole months from start to end (negative when end is earlier)."""
    if end < start:
        return -full_months_between(end, start)
    months = (end.year - start.year) * 12 + (end.month - start.month)
    if add_months(start, months) > end:
        months -= 1
    return months


def full_years_between(start: date, end: date) -> int:
    return full_months_between(start, end) // 12


def month_key(value: date) -> str:
    return f"{value.year:04d}-{value.month:02d}"


def long_date_vi(place: str, value: date) -> str:
    """The Party document date line: "Mường Lèo, ngày 03 tháng 02 năm 2026" (leading zero for days
    1–9 and months 1–2)."""
    day = f"{value.day:02d}"
    month = f"{value.month:02d}" if value.month <= 2 else str(value.month)
    return f"{place}, ngày {day} tháng {month} năm {value.year}"
