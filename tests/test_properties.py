"""Bad input everywhere a user types: random Unicode (NFD, zero-width, bidi controls, control
characters), extreme dates and numbers, wrong-length ids, through the real services. Each call either
stores clean NFC text or is refused with a field-level Vietnamese message; nothing else escapes."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import fields
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models.db import Database, unit_of_work
from models.errors import Conflict, DomainError, RuleViolation, ValidationError
from models.security import SYSTEM_ACTOR
from models.services import membership as ms
from models.services import organisation as org
from models.setup import open_app_database
from tests import builders
from tests.conftest import UNIT

INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f"
NFD_VIETNAMESE = unicodedata.normalize("NFD", "Nguyễn Thị Hoà Đức Lường Quàng Ưng Ơn")
hostile_chars = st.sampled_from(
    list(INVISIBLE + NFD_VIETNAMESE + "\x00\x07\t\n\r \u00a0\u3000'\";--%_\\/<>=")
)
hostile_text = st.text(
    alphabet=st.one_of(
        hostile_chars, st.characters(codec="utf-8", categories=("L", "M", "N", "P", "S", "Z", "Cc", "Cf"))
    ),
    max_size=40,
)
name_text = st.one_of(hostile_text, st.just(NFD_VIETNAMESE), st.text(alphabet=hostile_chars, max_size=12))
extreme_dates = st.one_of(
    st.dates(), st.sampled_from([date.min, date.max, date(1900, 1, 1), date(2100, 12, 31)])
)
id_text = st.one_of(
    st.none(),
    st.text(alphabet="0123456789", max_size=20),
    st.text(alphabet="0123456789 O", max_size=14),
    hostile_text,
)
PROFILE_FIELDS = {f.name for f in fields(ms.Profile)}
ADMIT_FIELDS = {f.name for f in fields(ms.Admit)}
SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


class _RollBack(Exception):
    pass


@pytest.fixture
def app_db(tmp_path: Path) -> Iterator[tuple[Database, str]]:
    db = open_app_database(tmp_path / "prop.db", create=True, check_drive=False)
    with unit_of_work(db, SYSTEM_ACTOR) as session:
        org.setup_unit(session, UNIT)
        cell = builders.village_and_cell(session)
    yield db, cell
    db.close()


def _clean_stored(value: str) -> None:
    assert unicodedata.is_normalized("NFC", value), repr(value)
    assert not set(value) & set(INVISIBLE + "\x00\x07"), repr(value)
    assert value == value.strip()


def _field_level(exc: ValidationError, allowed: set[str]) -> None:
    assert exc.errors, "a validation error names its fields"
    for field_name, message in exc.errors.items():
        assert field_name.split(".")[-1] in allowed or field_name in allowed, field_name
        assert message and message.strip() and "{" not in message, message


def test_villages_take_any_text(app_db: tuple[Database, str]) -> None:
    db, _ = app_db

    @SETTINGS
    @given(
        name=name_text, households=st.one_of(st.none(), st.integers(-(10**12), 10**12)), valid=extreme_dates
    )
    def check(name: str, households: int | None, valid: date) -> None:
        cmd = org.VillageInput(name=name, households=households, valid_from=valid)
        try:
            with unit_of_work(db, SYSTEM_ACTOR) as session:
                village_id = org.add_village(session, cmd)
                stored = next(v for v in org.list_villages(session) if v.id == village_id)
                _clean_stored(stored.name)
                raise _RollBack  # every example starts from the same database
        except ValidationError as exc:
            _field_level(exc, {"name", "kind", "households", "population", "valid_from"})
        except (RuleViolation, Conflict, _RollBack):
            pass

    check()


def test_admission_takes_any_profile(app_db: tuple[Database, str]) -> None:
    db, cell = app_db

    @SETTINGS
    @given(
        family=name_text,
        middle=name_text,
        given_name=name_text,
        born=extreme_dates,
        ceremony=extreme_dates,
        cccd=id_text,
        card=id_text,
        sex=st.sampled_from(["M", "F", "", "X", "nam"]),
        notes=hostile_text,
    )
    def check(
        family: str,
        middle: str,
        given_name: str,
        born: date,
        ceremony: date,
        cccd: str | None,
        card: str | None,
        sex: str,
        notes: str,
    ) -> None:
        profile = ms.Profile(
            family_name=family,
            middle_name=middle,
            given_name=given_name,
            sex=sex,
            date_of_birth=born,
            cccd=cccd,
            party_card_no=card,
            notes=notes,
            ethnicity="Thái",
        )
        cmd = ms.Admit(
            profile=profile,
            cell_id=cell,
            consideration_date=ceremony,
            decision_date=ceremony,
            decision_no="12-QĐ/ĐU",
            ceremony_date=ceremony,
            introducers=(given_name, family),
        )
        try:
            with unit_of_work(db, SYSTEM_ACTOR) as session:
                member_id = ms.admit(session, cmd).member_id
                stored = ms.get_member(session, member_id).profile
                for value in (stored.family_name, stored.middle_name, stored.given_name, stored.notes):
                    _clean_stored(value)
                assert stored.family_name and stored.given_name
                if stored.cccd is not None:
                    assert stored.cccd.isdigit(), stored.cccd
                raise _RollBack
        except ValidationError as exc:
            _field_level(exc, PROFILE_FIELDS | ADMIT_FIELDS | {"introducers"})
        except (RuleViolation, Conflict, _RollBack):
            pass

    check()


def test_wrong_length_ids_are_refused_on_their_field(app_db: tuple[Database, str]) -> None:
    db, cell = app_db
    for cccd in ("01108500012O", "0110-8500-0123", "CCCD011085000"):
        with pytest.raises(ValidationError) as exc, unit_of_work(db, SYSTEM_ACTOR) as session:
            builders.admit(session, cell, builders.profile(cccd=cccd))
        assert "cccd" in exc.value.errors, (cccd, exc.value.errors)
    for n, cccd in enumerate(("1", "01108500012", "0110850001234")):  # wrong length: kept, with a warning
        with unit_of_work(db, SYSTEM_ACTOR) as session:
            result = ms.admit(
                session,
                ms.Admit(
                    profile=builders.profile(given=f"Thử{'abc'[n]}", cccd=cccd),
                    cell_id=cell,
                    consideration_date=date(2020, 3, 1),
                    decision_date=date(2020, 3, 1),
                    decision_no="1-QĐ/ĐU",
                    ceremony_date=date(2020, 3, 5),
                ),
            )
        assert any("CCCD" in w for w in result.warnings), (cccd, result.warnings)
    for member_id in ("", "x", "0" * 500, "'; DROP TABLE members; --"):
        with pytest.raises(DomainError) as exc2, unit_of_work(db, SYSTEM_ACTOR) as session:
            ms.move_to_cell(session, ms.EventInput(member_id, date(2025, 1, 2), cell_id=cell))
        assert type(exc2.value).__name__ in ("NotFound", "ValidationError", "RuleViolation"), exc2.value
