"""Bad input everywhere a user types: random Unicode (NFD, zero-width, bidi controls, control
characters), extreme dates and numbers, wrong-length ids, through the real services. Each call either
stores clean NFC text or is refused with a field-level Vietnamese message; nothing else escapes."""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import fields
from datetime import date, timedelta
from pathlib import Path
from typing import Any, TypeVar

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from models.db import Database, unit_of_work
from models.errors import Conflict, DomainError, RuleViolation, ValidationError
from models.security import SYSTEM_ACTOR
from models.services import inspection as ins
from models.services import meetings as mt
from models.services import membership as ms
from models.services import organisation as org
from models.services import petitions as pt
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
_T = TypeVar("_T")
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


# ---------------------------------------------------------------- meetings, petitions, discipline

FEW = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
multiline_text = st.one_of(
    hostile_text,
    st.lists(hostile_text, max_size=3).map("\n".join),
    st.lists(hostile_text, max_size=3).map("\r\n".join),
)
maybe_dates = st.one_of(st.none(), extreme_dates)
counts = st.integers(-(10**6), 10**6)
recent_dates = st.dates(date(2020, 6, 1), date(2026, 11, 1))
WORDS = [
    unicodedata.normalize(form, w)
    for w in ("Lò Văn Thanh", "ốm", "Đường bê tông", "Nghị quyết")
    for form in ("NFC", "NFD")
]
NFD_REASON = unicodedata.normalize("NFD", " ốm\u2066 ")
# A required text that is really there, wrapped in hostile characters (zero-width, bidi, NFD, controls).
messy_text = st.tuples(st.sampled_from(WORDS), hostile_text, hostile_text).map(
    lambda t: t[1][:4] + t[0] + t[2][:4]
)


def _mostly(good: st.SearchStrategy[_T], bad: st.SearchStrategy[_T]) -> st.SearchStrategy[_T]:
    """Plausible input nine times in ten, so that most examples get past the first check and reach
    storage with their hostile text; the tenth is the wrong value itself."""
    return st.sampled_from([False] * 9 + [True]).flatmap(lambda wrong: bad if wrong else good)


some_dates = _mostly(recent_dates, extreme_dates)
some_counts = _mostly(st.integers(0, 4), st.one_of(st.integers(-3, 8), counts))
required_text = _mostly(messy_text, name_text)
required_multiline = _mostly(messy_text, multiline_text)


def _readable(exc: DomainError) -> None:
    """A refusal that is not about one field (a Party rule, a conflict) still reads as a message."""
    text = exc.text()
    assert text and text.strip() and "{" not in text, text


@pytest.fixture
def meeting_cell(app_db: tuple[Database, str]) -> tuple[Database, str, list[str]]:
    """The cell with four official members and one probationary member."""
    db, cell = app_db
    with unit_of_work(db, SYSTEM_ACTOR) as session:
        members = [
            builders.admit(session, cell, builders.profile(given=given), ceremony=date(2019, 3, 5))
            for given in ("Thanh", "Hùng", "Lan", "Ánh")
        ]
        for member_id in members:
            ms.recognise_official(session, ms.EventInput(member_id, date(2020, 3, 5)))
        members.append(
            builders.admit(session, cell, builders.profile(given="Mai"), ceremony=date(2026, 1, 5))
        )
    return db, cell, members


def _stored_meeting_texts(view: mt.MeetingView) -> list[str]:
    texts = [
        view.month,
        view.start_time,
        view.end_time,
        view.place,
        view.chair_name,
        view.secretary_name,
        view.thematic_topic,
        view.thematic_presenter,
        view.conclusion,
        view.note,
    ]
    texts += [t for g in view.guests for t in (g.name, g.role)]
    texts += [a.reason for a in view.attendance]
    for item in view.agenda:
        texts += [item.title, item.presenter, item.content, item.conclusion]
        texts += [t for sp in item.speeches for t in (sp.speaker, sp.text)]
    texts += [t for task in view.tasks for t in (task.text, task.assignee)]
    texts += [v.subject for v in view.votes]
    return texts


def _meeting_strategies(members: list[str]) -> dict[str, st.SearchStrategy[Any]]:
    speeches = st.builds(mt.Speech, name_text, multiline_text, st.one_of(st.none(), st.sampled_from(members)))
    agenda = st.builds(
        mt.AgendaInput,
        required_text,
        name_text,
        multiline_text,
        st.lists(speeches, max_size=3).map(tuple),
        multiline_text,
    )
    statuses = st.sampled_from(list(mt.ATTENDANCE))
    attendance = _mostly(
        st.lists(st.tuples(statuses, messy_text), min_size=5, max_size=5),
        st.lists(
            st.tuples(st.one_of(statuses, st.sampled_from(["", "vắng"])), hostile_text),
            min_size=5,
            max_size=5,
        ),
    ).map(lambda pairs: dict(zip(members, pairs, strict=True)))
    methods, rules = st.sampled_from(list(mt.VOTE_METHODS)), st.sampled_from(list(mt.VOTE_RULES))
    ballots = st.integers(0, 4)
    votes = _mostly(
        st.builds(mt.VoteInput, hostile_text, ballots, ballots, ballots, methods, rules),
        st.builds(
            mt.VoteInput,
            hostile_text,
            counts,
            counts,
            counts,
            st.one_of(methods, st.sampled_from(["", "giơ tay"])),
            st.one_of(rules, st.sampled_from(["", "x"])),
        ),
    )
    person = st.one_of(st.none(), st.sampled_from(members))
    bad_months = st.sampled_from(["2026-13", "2026-00", "02/2026", "", "2026-2", "２０２６-０２"])
    bad_start = st.sampled_from(["24:00", "7:5", "-1:30", "", "١٩:٣٠"])
    return {
        "kind": _mostly(st.sampled_from(list(mt.KINDS)), st.sampled_from(["", "định kỳ"])),
        "month": _mostly(st.sampled_from(["2026-02", " 2025-12 "]), st.one_of(bad_months, hostile_text)),
        "held": _mostly(st.dates(date(2026, 1, 6), date(2026, 11, 1)), st.one_of(st.none(), extreme_dates)),
        "planned": maybe_dates,
        "times": _mostly(
            st.tuples(st.sampled_from(["19:30", "07:05"]), st.sampled_from(["21:30", "00:15"])),
            st.tuples(
                st.one_of(bad_start, hostile_text), st.one_of(st.sampled_from(["12:60", "21h"]), hostile_text)
            ),
        ),
        "place": name_text,
        "chair": _mostly(st.tuples(messy_text, person), st.tuples(name_text, person)),
        "secretary": _mostly(st.tuples(messy_text, person), st.tuples(name_text, person)),
        "guests": st.lists(st.builds(mt.Guest, name_text, name_text, st.booleans()), max_size=2).map(tuple),
        "attendance": attendance,
        "items": st.lists(agenda, max_size=3).map(tuple),
        "tasks": st.lists(st.builds(mt.TaskInput, multiline_text, name_text, maybe_dates), max_size=2).map(
            tuple
        ),
        "vote_list": st.lists(votes, max_size=2).map(tuple),
        "texts": st.tuples(required_multiline, name_text, multiline_text, multiline_text),
        "score": _mostly(st.one_of(st.none(), st.integers(0, 100)), st.integers(-1000, 1000)),
    }


def test_meetings_take_any_minutes(meeting_cell: tuple[Database, str, list[str]]) -> None:
    """Attendance reasons, speakers and what they said, agenda, tasks and votes typed with NFD,
    zero-width and bidi characters; impossible times and months, extreme dates and vote counts. A
    meeting is stored clean (NFC, no invisible characters, trimmed, a held meeting numbered with every
    member of the cell on its attendance list and a chair and a secretary named) or refused."""
    db, cell, members = meeting_cell
    outcomes: Counter[str] = Counter()

    typed: dict[str, Any] = {
        "kind": "regular",
        "month": "2026-02",
        "held": date(2026, 2, 3),
        "planned": None,
        "times": ("19:30", "21:30"),
        "place": NFD_VIETNAMESE,
        "chair": ("\u200bLò Văn Thanh\u202e", None),
        "secretary": ("", members[1]),
        "guests": (mt.Guest(NFD_VIETNAMESE, "Đảng ủy viên\u200d", assigned=True),),
        "attendance": dict.fromkeys(members, ("absent_excused", NFD_REASON)),
        "items": (
            mt.AgendaInput(
                NFD_VIETNAMESE, "", "a\r\n\u200bb", (mt.Speech(NFD_VIETNAMESE, "ý\u200c kiến", members[2]),)
            ),
        ),
        "tasks": (mt.TaskInput("việc\u200b", NFD_VIETNAMESE, date.max),),
        "vote_list": (mt.VoteInput("nghị quyết\u202a", 3, 0, 0),),
        "texts": ("", "", NFD_VIETNAMESE, "\u200f"),
        "score": 100,
    }
    invisible_chair = {**typed, "chair": ("\u200b\u202e ", None)}  # must be refused, not stored empty
    planned = {**typed, "held": None, "planned": date(2026, 12, 3), "times": ("\u200b19:30\u2066", "")}

    @FEW
    @given(**_meeting_strategies(members))
    @example(**typed)
    @example(**invisible_chair)
    @example(**planned)
    def check(
        kind: str,
        month: str,
        held: date | None,
        planned: date | None,
        times: tuple[str, str],
        place: str,
        chair: tuple[str, str | None],
        secretary: tuple[str, str | None],
        guests: tuple[mt.Guest, ...],
        attendance: dict[str, tuple[str, str]],
        items: tuple[mt.AgendaInput, ...],
        tasks: tuple[mt.TaskInput, ...],
        vote_list: tuple[mt.VoteInput, ...],
        texts: tuple[str, str, str, str],
        score: int | None,
    ) -> None:
        cmd = mt.MeetingInput(
            cell_id=cell,
            kind=kind,
            month=month,
            held_date=held,
            planned_date=planned,
            start_time=times[0],
            end_time=times[1],
            place=place,
            chair_name=chair[0],
            chair_member_id=chair[1],
            secretary_name=secretary[0],
            secretary_member_id=secretary[1],
            guests=guests,
            attendance=attendance,
            agenda=items,
            tasks=tasks,
            votes=vote_list,
            thematic_topic=texts[0],
            thematic_presenter=texts[1],
            conclusion=texts[2],
            note=texts[3],
            quality_score=score,
        )
        try:
            with unit_of_work(db, SYSTEM_ACTOR) as session:
                saved = mt.save_meeting(session, cmd)
                view = mt.get_meeting(session, saved.id)
                for value in _stored_meeting_texts(view):
                    _clean_stored(value)
                if view.status == "held":
                    assert view.number is not None
                    assert {a.member_id for a in view.attendance} == set(members)
                    assert view.chair_name and view.secretary_name
                outcomes["stored"] += 1
                raise _RollBack
        except ValidationError as exc:
            outcomes["refused"] += 1
            _field_level(exc, {f.name for f in fields(mt.MeetingInput)})
        except (RuleViolation, Conflict) as exc:
            outcomes["refused"] += 1
            _readable(exc)
        except _RollBack:
            pass

    check()
    assert outcomes["stored"] and outcomes["refused"], outcomes  # both paths were exercised


def test_petitions_take_any_letter(meeting_cell: tuple[Database, str, list[str]]) -> None:
    """Registering and closing petitions with hostile text, extreme dates, unknown kinds and
    statuses: stored clean with a summary and a sender (or marked anonymous), or refused."""
    db, cell, members = meeting_cell
    outcomes: Counter[str] = Counter()

    @FEW
    @given(
        received=some_dates,
        kind=_mostly(st.sampled_from(list(pt.KINDS)), st.sampled_from(["", "đơn"])),
        summary=required_multiline,
        sender=required_text,
        anonymous=st.booleans(),
        subject=st.sampled_from([(None, None), (members[0], None), (None, cell)]),
        subject_text=name_text,
        handler=name_text,
        deadline=_mostly(st.none(), extreme_dates),
        status=_mostly(
            st.sampled_from(["resolved", "filed", "transferred"]), st.sampled_from(["pending", ""])
        ),
        closed=_mostly(st.integers(0, 90), extreme_dates),  # days after the letter came, or any date
        result=required_multiline,
        transferred_to=required_text,
    )
    @example(
        received=date(2026, 3, 2),
        kind="to_cao",
        summary=unicodedata.normalize("NFD", "Tố cáo\r\nđảng viên\u200b"),
        sender="",
        anonymous=True,
        subject=(members[0], None),
        subject_text=NFD_VIETNAMESE,
        handler="\u2067Văn phòng",
        deadline=date(2026, 4, 1),
        status="resolved",
        closed=date(2026, 3, 20),
        result=NFD_VIETNAMESE,
        transferred_to="",
    )
    def check(
        received: date,
        kind: str,
        summary: str,
        sender: str,
        anonymous: bool,
        subject: tuple[str | None, str | None],
        subject_text: str,
        handler: str,
        deadline: date | None,
        status: str,
        closed: int | date,
        result: str,
        transferred_to: str,
    ) -> None:
        cmd = pt.PetitionInput(
            received_date=received,
            kind=kind,
            summary=summary,
            sender=sender,
            anonymous=anonymous,
            subject_member_id=subject[0],
            subject_cell_id=subject[1],
            subject_text=subject_text,
            handler=handler,
            deadline=deadline,
        )
        try:
            with unit_of_work(db, SYSTEM_ACTOR) as session:
                petition_id = pt.register_petition(session, cmd)
                on = (
                    closed
                    if isinstance(closed, date)
                    else min(received, date(9999, 1, 1)) + timedelta(closed)
                )
                pt.close_petition(session, petition_id, status, on, result, transferred_to)
                stored = next(p for p in pt.list_petitions(session) if p.id == petition_id)
                for value in (
                    stored.sender,
                    stored.subject_text,
                    stored.summary,
                    stored.handler,
                    stored.result,
                ):
                    _clean_stored(value)
                assert stored.summary and (stored.anonymous or stored.sender)
                assert stored.status == status
                outcomes["stored"] += 1
                raise _RollBack
        except ValidationError as exc:
            outcomes["refused"] += 1
            allowed = {f.name for f in fields(pt.PetitionInput)} | {"status", "closed_date", "result"}
            _field_level(exc, allowed | {"transferred_to"})
        except (RuleViolation, Conflict) as exc:
            outcomes["refused"] += 1
            _readable(exc)
        except _RollBack:
            pass

    check()
    assert outcomes["stored"] and outcomes["refused"], outcomes


def test_discipline_takes_any_decision(meeting_cell: tuple[Database, str, list[str]]) -> None:
    """Disciplinary decisions with any form, vote counts (negative, huge), extreme dates and hostile
    text, on official and probationary members and on the cell: stored clean with votes within the
    official members, or refused."""
    db, cell, members = meeting_cell
    outcomes: Counter[str] = Counter()
    subjects = [(m, None) for m in members] + [(None, cell), (None, None), (members[0], cell)]

    @FEW
    @given(
        form=_mostly(
            st.sampled_from(["khien_trach", "canh_cao", "khai_tru"]),
            st.sampled_from([*ins.FORMS, "", "đình chỉ"]),
        ),
        decided=some_dates,
        votes=_mostly(st.tuples(st.integers(3, 4), st.just(0)), st.tuples(some_counts, some_counts)),
        subject=_mostly(st.sampled_from(subjects[:-2]), st.sampled_from(subjects[-2:])),
        texts=st.tuples(name_text, name_text, multiline_text),
        official_count=_mostly(st.integers(3, 6), st.one_of(st.none(), st.integers(-5, 10**6))),
    )
    @example(
        form="khai_tru",
        decided=date(2026, 5, 4),
        votes=(3, 1),
        subject=(members[0], None),
        texts=("\u202b12-QĐ/ĐU", NFD_VIETNAMESE, "vi phạm\r\n\u200bđiều lệ"),
        official_count=None,
    )
    def check(
        form: str,
        decided: date,
        votes: tuple[int, int],
        subject: tuple[str | None, str | None],
        texts: tuple[str, str, str],
        official_count: int | None,
    ) -> None:
        cmd = ins.DisciplineInput(
            form=form,
            decision_date=decided,
            votes_for=votes[0],
            votes_against=votes[1],
            subject_member_id=subject[0],
            subject_cell_id=subject[1],
            decision_no=texts[0],
            deciding_body=texts[1],
            reason=texts[2],
            official_count=official_count,
        )
        try:
            with unit_of_work(db, SYSTEM_ACTOR) as session:
                discipline_id = ins.discipline(session, cmd)
                stored = next(d for d in ins.list_disciplines(session) if d.id == discipline_id)
                for value in (stored.decision_no, stored.deciding_body, stored.reason):
                    _clean_stored(value)
                assert stored.form == form
                assert 0 <= stored.votes_for <= stored.official_count
                outcomes["stored"] += 1
                raise _RollBack
        except ValidationError as exc:
            outcomes["refused"] += 1
            _field_level(exc, {f.name for f in fields(ins.DisciplineInput)} | {"subject"})
        except (RuleViolation, Conflict) as exc:
            outcomes["refused"] += 1
            _readable(exc)
        except _RollBack:
            pass

    check()
    assert outcomes["stored"] and outcomes["refused"], outcomes
