"""A real installation, created in one action by the first-start wizard and by `main.py init`: the
encrypted database with its first administrator (every role of a one-person office), the own unit,
its upper level and its level (commune, province or district). Never a demo database: the demo
password opens nothing here, and it is refused as a real password.

Also the suggestions both front ends make from the unit's name and province, so that the window and
the command line propose the same header lines."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from exports import atomic, keyring
from models import auth, setup
from models.db import unit_of_work
from models.errors import ValidationError
from models.i18n import QT_TRANSLATE_NOOP
from models.services import organisation as org
from models.text import clean, upper_vi

log = logging.getLogger(__name__)

CONTEXT = "installation"
DEFAULT_ADMIN_LOGIN = "quantri"
# Since 1/7/2025 a commune sits directly under the provincial committee; districts were abolished.
PROVINCE_ERA = date(2025, 7, 1)
DISTRICT_ERA = date(2015, 1, 1)  # a plausible start for a district's older data; edited in the wizard


@dataclass(frozen=True)
class Suggestion:
    """What the wizard and `init` propose for a unit (every field can be changed)."""

    committee_name: str
    symbol: str
    place_name: str
    province: str
    has_upper: bool
    upper_name: str
    upper_symbol: str
    upper_header_line: str
    upper_board: str
    upper_valid_from: date


def _rest_of(name: str, words: tuple[str, ...]) -> str:
    """ "Đảng bộ xã Mường Lèo" → "xã Mường Lèo"; "Đảng bộ tỉnh Sơn La" → "tỉnh Sơn La"."""
    name = clean(name)
    for prefix in words:
        if name.casefold().startswith(prefix.casefold()):
            return name[len(prefix) :].strip()
    return name


def _place_of(rest: str) -> str:
    """ "xã Mường Lèo" → "Mường Lèo" (the kind of unit is the first word)."""
    first, _space, place = rest.partition(" ")
    kinds = ("xã", "phường", "thị trấn", "tỉnh", "huyện", "thành phố", "thị xã")
    if first.casefold() in kinds and place:
        return place
    for kind in kinds:
        if rest.casefold().startswith(kind + " "):
            return rest[len(kind) + 1 :]
    return rest


def suggest(level: str, name: str, province: str = "") -> Suggestion:
    """The committee, symbol, place and upper level usually written for a unit of `level` named
    `name` ("Đảng bộ xã Mường Lèo", "Đảng bộ tỉnh Sơn La", "Đảng bộ huyện Sốp Cộp")."""
    rest = _rest_of(name, ("Đảng bộ ",))
    place = _place_of(rest)
    if level == setup.PROVINCE:
        province = clean(province) or place
        return Suggestion(
            committee_name=f"Tỉnh ủy {place}",
            symbol="TU",
            place_name=place,
            province=province,
            has_upper=False,  # a province sends its data to nobody (or to the central level, configured)
            upper_name="Ban Chấp hành Trung ương",
            upper_symbol="TW",
            upper_header_line="BAN CHẤP HÀNH TRUNG ƯƠNG",
            upper_board="Ban Tổ chức Trung ương",
            upper_valid_from=PROVINCE_ERA,
        )
    province = clean(province)
    upper_name = f"Tỉnh ủy {province}" if province else ""
    return Suggestion(
        committee_name=f"Huyện ủy {place}" if level == setup.DISTRICT else f"Đảng ủy {rest}",
        symbol="HU" if level == setup.DISTRICT else "ĐU",
        place_name=place,
        province=province,
        has_upper=True,
        upper_name=upper_name,
        upper_symbol="TU" if province else "",
        upper_header_line=upper_vi(f"Đảng bộ tỉnh {province}") if province else "",
        upper_board="Ban Tổ chức Tỉnh ủy" if province else "",
        upper_valid_from=DISTRICT_ERA if level == setup.DISTRICT else PROVINCE_ERA,
    )


def upper_details(upper_name: str) -> tuple[str, str, str]:
    """(symbol, header line, organisation board) usually written for an upper committee:
    "Tỉnh ủy Sơn La" → TU, "ĐẢNG BỘ TỈNH SƠN LA", "Ban Tổ chức Tỉnh ủy"; "Huyện ủy Sốp Cộp" → HU, …;
    the central committee → TW. Empty strings for a name the rule does not know."""
    name = clean(upper_name)
    for kind, symbol, board in (
        ("Tỉnh ủy", "TU", "Ban Tổ chức Tỉnh ủy"),
        ("Huyện ủy", "HU", "Ban Tổ chức Huyện ủy"),
    ):
        if name.casefold().startswith(kind.casefold() + " "):
            place = name[len(kind) + 1 :]
            return symbol, upper_vi(f"Đảng bộ {kind.split(' ')[0].lower()} {place}"), board
    if "trung ương" in name.casefold():
        return "TW", "BAN CHẤP HÀNH TRUNG ƯƠNG", "Ban Tổ chức Trung ương"
    return "", "", ""


def check_admin_password(password: str, login: str) -> None:
    """The length rule of models.auth, and never the public demo password."""
    auth.check_new_password(password, login)
    if password.strip() == keyring.DEMO_PASSWORD:
        raise ValidationError(
            "password",
            QT_TRANSLATE_NOOP(
                "installation",
                "Đây là mật khẩu của dữ liệu mẫu, ai cũng biết. Hãy chọn mật khẩu khác cho dữ liệu thật.",
            ),
            context=CONTEXT,
        )


def create_installation(
    path: Path,
    level: str,
    unit: org.UnitSetup,
    admin_login: str,
    admin_name: str,
    password: str,
    **options: Any,
) -> tuple[keyring.Unlocked, str]:
    """Create the encrypted database at `path` (which must not exist) with its first administrator
    logged in, the unit and the level, in one go: on any refusal nothing is left behind. Returns the
    open session and the recovery code (show it once; it is stored nowhere)."""
    check_admin_password(password, admin_login)
    if level not in setup.LEVELS:
        raise ValidationError(
            "level",
            QT_TRANSLATE_NOOP("installation", "Hãy chọn cấp của đơn vị: xã, tỉnh hoặc huyện."),
            context=CONTEXT,
        )
    org.validate_unit(unit)  # before the file exists: a refusal leaves nothing behind
    try:
        Path(path).absolute().parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise atomic.write_error(exc, Path(path)) from exc
    unlocked, code = keyring.create_encrypted_database(
        path, admin_login, password, full_name=clean(admin_name) or "Quản trị viên", **options
    )
    try:
        with unit_of_work(unlocked.db, unlocked.actor) as session:
            setup.set_up_installation(session, level, unit)
    except BaseException:
        unlocked.db.close()
        for suffix in ("", "-wal", "-shm", "-journal", ".lock", keyring.SUFFIX):
            Path(str(Path(path).absolute()) + suffix).unlink(missing_ok=True)
        raise
    log.info("installation created (level=%s)", level)
    return unlocked, code
