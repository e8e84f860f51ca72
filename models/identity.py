"""Identity-number checks (DOMAIN.md §3.1). They only warn: the clerk copies what is on the paper."""

from __future__ import annotations

import re
from datetime import date

from models.i18n import QT_TRANSLATE_NOOP, translate

CTX = "identity"

# Province codes of birth registration for the provinces this app is used in most; any 001–096 is valid.
PROVINCE_CODES = {"011": "Điện Biên", "012": "Lai Châu", "014": "Sơn La", "001": "Hà Nội", "015": "Yên Bái"}
_LIFE_HISTORY = re.compile(r"^\d{6}[A-ZĐ]{1,3}$")


def _w(text: str, **params: object) -> str:
    return translate(CTX, text).format(**params)


def cccd_warnings(cccd: str | None, sex: str, date_of_birth: date | None) -> list[str]:
    """Warnings for a 12-digit citizen ID: length, province code, and the century/sex and year digits."""
    if not cccd:
        return []
    if not cccd.isdigit() or len(cccd) != 12:
        return [
            _w(QT_TRANSLATE_NOOP("identity", "Số CCCD phải có đúng 12 chữ số (đang có {n})."), n=len(cccd))
        ]
    warnings: list[str] = []
    province = int(cccd[:3])
    if not 1 <= province <= 96:
        warnings.append(
            _w(
                QT_TRANSLATE_NOOP("identity", "Ba số đầu của CCCD ({code}) không phải mã tỉnh."),
                code=cccd[:3],
            )
        )
    gender_digit = int(cccd[3])
    century_index, female = divmod(gender_digit, 2)
    century = 1900 + 100 * century_index
    if sex in ("M", "F") and female != (sex == "F"):
        warnings.append(
            _w(
                QT_TRANSLATE_NOOP("identity", "Số thứ tư của CCCD ({digit}) không khớp giới tính đã nhập."),
                digit=gender_digit,
            )
        )
    if date_of_birth is not None:
        year = century + int(cccd[4:6])
        if year != date_of_birth.year:
            warnings.append(
                _w(
                    QT_TRANSLATE_NOOP("identity", "CCCD cho năm sinh {year}, khác năm sinh đã nhập ({dob})."),
                    year=year,
                    dob=date_of_birth.year,
                )
            )
    return warnings


def card_warnings(card_no: str | None, digits: int = 8) -> list[str]:
    """Party card numbers since 2003 have 8 digits; the 2025 chip card format is unknown, so warn only."""
    if not card_no:
        return []
    if not (card_no.isdigit() and len(card_no) == digits):
        return [
            _w(
                QT_TRANSLATE_NOOP(
                    "identity", "Số thẻ đảng viên thường có {digits} chữ số; hãy kiểm tra lại “{value}”."
                ),
                digits=digits,
                value=card_no,
            )
        ]
    return []


def life_history_warnings(number: str | None) -> list[str]:
    """The life-history number is 6 digits followed by 1–3 letters (e.g. 123456SL)."""
    if not number:
        return []
    if not _LIFE_HISTORY.match(number.upper()):
        return [
            _w(
                QT_TRANSLATE_NOOP(
                    "identity",
                    "Số lý lịch thường gồm 6 chữ số và 1–3 chữ cái (ví dụ 012345SL); đang là “{value}”.",
                ),
                value=number,
            )
        ]
    return []
