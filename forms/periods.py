"""Report periods: quarters, 6 months, 9 months, year ("2026-Q3", "2026-H1", "2026-9M", "2026-Y")."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from models.errors import ValidationError
from models.i18n import QT_TRANSLATE_NOOP

MIN_YEAR, MAX_YEAR = 1900, 2100  # outside: a typing slip (and beyond what dates can hold)
_PATTERN = re.compile(r"^\s*(\d{4})-(Q[1-4]|H1|9M|Y|6M)\s*$", re.IGNORECASE)
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


@dataclass(frozen=True)
class Period:
    year: int
    code: str  # Q1..Q4, H1, 9M, Y

    @classmethod
    def parse(cls, text: str) -> Period:
        m = _PATTERN.match(text or "")
        if not m or not MIN_YEAR <= int(m.group(1)) <= MAX_YEAR:
            raise ValidationError(
                "period",
                QT_TRANSLATE_NOOP(
                    "periods",
                    "Kỳ báo cáo “{text}” không đúng dạng. Ví dụ: 2026-Q3 (quý), 2026-H1 (6 tháng), 2026-9M (9 tháng), 2026-Y (năm).",
                ),
                context="periods",
                text=text,
            )
        code = m.group(2).upper().replace("6M", "H1")
        return cls(int(m.group(1)), code)

    @property
    def key(self) -> str:
        return f"{self.year}-{self.code}"

    @property
    def start(self) -> date:
        if self.code.startswith("Q"):
            return date(self.year, 3 * int(self.code[1]) - 2, 1)
        return date(self.year, 1, 1)

    @property
    def end(self) -> date:
        last_month = {"H1": 6, "9M": 9, "Y": 12}.get(self.code) or 3 * int(self.code[1])
        return date(self.year, last_month, calendar.monthrange(self.year, last_month)[1])

    @property
    def label(self) -> str:
        if self.code.startswith("Q"):
            return f"quý {ROMAN[int(self.code[1])]} năm {self.year}"
        return {
            "H1": f"6 tháng đầu năm {self.year}",
            "9M": f"9 tháng năm {self.year}",
            "Y": f"năm {self.year}",
        }[self.code]

    @property
    def is_year(self) -> bool:
        return self.code == "Y"

    def previous(self) -> Period:
        if self.code.startswith("Q"):
            q = int(self.code[1])
            return Period(self.year, f"Q{q - 1}") if q > 1 else Period(self.year - 1, "Q4")
        return Period(self.year - 1, self.code)
