from __future__ import annotations

from datetime import date

import pytest

from models.dates import add_months, format_date, full_months_between, long_date_vi, parse_date
from models.errors import ValidationError


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3/2/2026", date(2026, 2, 3)),
        ("03/02/2026", date(2026, 2, 3)),
        ("3.2.26", date(2026, 2, 3)),
        ("3-2-1975", date(1975, 2, 3)),
        ("5/9/45", date(1945, 9, 5)),
        ("2026-02-03", date(2026, 2, 3)),
        ("1990", date(1990, 1, 1)),
        ("7/2025", date(2025, 7, 1)),
    ],
)
def test_parse_dates_as_clerks_type_them(text: str, expected: date) -> None:
    assert parse_date(text) == expected


def test_bad_dates_get_vietnamese_field_messages() -> None:
    with pytest.raises(ValidationError) as exc:
        parse_date("31/2/2026", field="ceremony_date")
    assert exc.value.errors == {
        "ceremony_date": "Ngày “31/2/2026” không có trong lịch. Hãy kiểm tra lại ngày và tháng."
    }
    with pytest.raises(ValidationError, match="không đúng dạng"):
        parse_date("hôm qua")


def test_month_arithmetic() -> None:
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert full_months_between(date(2002, 4, 12), date(2020, 4, 11)) == 17 * 12 + 11
    assert full_months_between(date(2002, 4, 12), date(2020, 4, 12)) == 18 * 12
    assert format_date(date(2026, 2, 3)) == "03/02/2026"


def test_document_date_line_leading_zero_rule() -> None:
    assert long_date_vi("Mường Lèo", date(2026, 2, 3)) == "Mường Lèo, ngày 03 tháng 02 năm 2026"
    assert long_date_vi("Mường Lèo", date(2026, 4, 15)) == "Mường Lèo, ngày 15 tháng 4 năm 2026"
    assert long_date_vi("Mường Lèo", date(2026, 1, 9)) == "Mường Lèo, ngày 09 tháng 01 năm 2026"
