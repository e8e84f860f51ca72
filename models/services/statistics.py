"""Period datasets for the report indicators: who was a member on a date (folded from events), what
moved in a period, and the organisation, meeting, rating, inspection, petition, training, badge and
dues facts. Each fact carries the record id and a label so every number can be explained."""

from __future__ import annotations

import json
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any, NamedTuple

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

import resources
from models.dates import add_months, full_years_between, month_key
from models.entities import Cell, CellPosition, CellVillage, Member, MemberEvent, Unit, Village
from models.entities_meetings import Meeting, MeetingAttendance
from models.entities_work import (
    AdmissionPlan,
    Candidate,
    Course,
    CourseAttendee,
    Discipline,
    DuesPayment,
    Inspection,
    Petition,
    Rating,
    RatingRound,
)
from models.rules import rule_book
from models.security import Permission, require
from models.services.common import own_unit_id
from models.services.dues import percent_of
from models.services.membership import MemberState, fold_events
from models.text import fold

# "No religion" as clerks write it: "Không", "không có", "Không theo tôn giáo", "K", "-", … (folded).
_NO_RELIGION = frozenset(
    {"", "khong", "khong co", "khong ton giao", "khong theo ton giao", "khong theo dao", "khong dao",
     "k", "ko", "kh", "none", "0", "-", "--", "x"}
)  # fmt: skip


def has_religion(text: str | None) -> bool:
    """Whether a member's religion field names a religion: "none" in any of its spellings does not."""
    folded = " ".join(fold(text).replace(".", " ").replace(",", " ").split())
    return folded not in _NO_RELIGION


def youth_union_member(youth_union_date: date | None, date_of_birth: date, on: date, max_age: int) -> bool:
    """A Party member counts as a Youth Union member on `on` when admitted to the Ho Chi Minh
    Communist Youth Union by then and still of Youth Union age: the Union's members are aged 16 to 30
    (Điều lệ Đoàn), so one counts up to the day before the 31st birthday (`max_age` from the rule
    "youth_union.max_age_years"); a Youth Union date alone does not make a 56-year-old a member."""
    if youth_union_date is None or youth_union_date > on:
        return False
    return full_years_between(date_of_birth, on) <= max_age


@lru_cache(maxsize=1)
def holiday_dates() -> frozenset[date]:
    """The dated public holidays of resources/presets/holidays.json (Tết, Giỗ Tổ, days in lieu)."""
    table: dict[str, Any] = resources.load_preset("holidays")
    return frozenset(
        date.fromisoformat(day)
        for year, kinds in table.items()
        if not year.startswith("_")
        for days in kinds.values()
        for day in days
    )


def add_working_days(start: date, days: int, fixed: Iterable[str], dated: frozenset[date]) -> date:
    """`start` plus `days` working days: Monday to Friday, without the fixed holidays ("dd-mm") and
    the dated ones."""
    fixed_days = frozenset(fixed)
    current, left = start, days
    while left > 0:
        current += timedelta(days=1)
        if current.weekday() < 5 and current.strftime("%d-%m") not in fixed_days and current not in dated:
            left -= 1
    return current


class MemberFact(NamedTuple):
    """A member as of a date (a named tuple: thousands are made per report)."""

    id: str
    name: str
    cell_id: str | None
    sex: str
    date_of_birth: date
    ethnicity: str
    religion: str
    youth_union: bool
    occupation: str
    general_education: str
    professional: str
    theory: str
    membership: str  # probationary / official
    activity: str  # active / exempted / away
    counted: bool
    temp_in: bool


@dataclass(frozen=True)
class AttendeeFact:
    """One attendee of a course started in the period (a member or a candidate)."""

    id: str
    course_id: str
    course_name: str
    kind: str
    level: str
    person: str


class DuesFact(NamedTuple):
    """One member's dues row for a month."""

    id: str
    member_id: str
    cell_id: str
    month: str  # YYYY-MM
    due: int
    paid: int
    owner_unit_id: str = ""


@dataclass(frozen=True)
class PlanFact:
    id: str
    cell_id: str | None
    target: int


class EventFact(NamedTuple):
    id: str
    member_id: str
    member_name: str
    kind: str
    event_date: date
    decision_date: date | None
    temporary: bool
    cell_id: str | None
    sex: str
    ethnicity: str
    youth_union: bool
    detail: dict[str, object]


# The columns the report reads (plain rows: fewer columns, less conversion).
MEMBER_COLUMNS = (
    "id", "owner_unit_id", "family_name", "middle_name", "given_name", "cell_id", "sex", "date_of_birth",
    "ethnicity", "religion", "youth_union_date", "occupation", "general_education",
    "professional_qualification", "political_theory", "status", "counted", "admission_date",
    "official_date", "end_date",
)  # fmt: skip
EVENT_COLUMNS = (
    "id", "owner_unit_id", "member_id", "kind", "event_date", "seq", "decision_date", "temporary",
    "cell_id", "detail", "deleted",
)  # fmt: skip


class Facts:
    """Member histories of one or more units loaded once (a few set-based queries of plain rows, no ORM
    identity map: a province holds 100,000 members), folded at any date on demand. The other records
    are read once per kind and period and kept. `subset` gives the facts of some of the units without
    reading anything again, which is how a consolidated report computes each commune."""

    def __init__(self, session: Session, unit_ids: Sequence[str] | None = None) -> None:
        """Facts of the given units (default: this installation's own unit). At the upper level,
        several communes' ids give their union, for consolidated figures."""
        require(session, Permission.VIEW_REGISTER)
        self.session = session
        self.unit_ids = tuple(unit_ids) if unit_ids else (own_unit_id(session),)
        self._parent: Facts | None = None
        self._terms: dict[str, date | None] | None = None
        self._rules: dict[tuple[str, date], Any] = {}
        self.rules = rule_book(session)  # every rule row once; the fold reads each as of its event
        members = Member.__table__
        self.members: dict[str, Any] = {
            m.id: m
            for m in session.execute(
                select(*(members.c[c] for c in MEMBER_COLUMNS)).where(
                    members.c.owner_unit_id.in_(self.unit_ids), ~members.c.deleted
                )
            ).all()
        }
        events = MemberEvent.__table__
        self.events: dict[str, list[Any]] = defaultdict(list)
        for ev in session.execute(
            select(*(events.c[c] for c in EVENT_COLUMNS))
            .where(events.c.owner_unit_id.in_(self.unit_ids), ~events.c.deleted)
            .order_by(events.c.event_date, events.c.seq)
        ).all():
            self.events[ev.member_id].append(ev)
        # Read now (small) so that explanations built later never need the session.
        cells = Cell.__table__
        self._cells_all: dict[str, tuple[str, str]] = {
            str(cid): (str(name), str(owner))
            for cid, name, owner in session.execute(
                select(cells.c.id, cells.c.name, cells.c.owner_unit_id).where(
                    cells.c.owner_unit_id.in_(self.unit_ids)
                )
            ).all()
        }
        self._init_derived()

    def _init_derived(self) -> None:
        self._cell_names = {cid: name for cid, (name, owner) in self._cells_all.items()}
        self._states: dict[date, dict[str, MemberState]] = {}
        self._folds: dict[tuple[str, int], MemberState] = {}
        self._prefix: dict[int, int] = {}  # id(state) -> the number of events folded into it
        self._facts_on: dict[date, dict[str, MemberFact]] = {}
        self._names: dict[str, str] | None = None
        self._outsiders: dict[str, str] = {} if self._parent is None else self._parent._outsiders
        self._loaded: dict[tuple[Any, ...], list[Any]] = {}
        self._groups: dict[tuple[Any, ...], dict[str, list[Any]]] = {}
        self._dates: dict[str, list[date]] = {}
        self._event_facts: dict[str, EventFact] = {}
        self._flat: list[tuple[date, str, Any]] | None = None
        self._flat_dates: list[date] = []
        self._flat_by_unit: dict[str, list[tuple[date, str, Any]]] | None = None
        self._flat_kinds: dict[str, list[tuple[int, date, Any]]] | None = None

    def subset(self, unit_ids: Sequence[str]) -> Facts:
        """The facts of some of these units, filtered from what is already read (nothing is queried)."""
        units = set(unit_ids)
        sub = object.__new__(Facts)
        sub.session = self.session
        sub.unit_ids = tuple(unit_ids)
        sub._parent = self
        sub._terms = None
        sub._rules = self._rules
        sub.rules = self.rules
        sub.members = {m.id: m for m in self._part(("members",), self.members.values(), unit_ids)}
        sub.events = defaultdict(list)
        for ev in self._part(("events",), (ev for evs in self.events.values() for ev in evs), unit_ids):
            sub.events[ev.member_id].append(ev)
        for mid, evs in sub.events.items():
            if evs == self.events.get(mid):
                sub.events[mid] = self.events[mid]  # the same history: folded once, by the parent
        sub._cells_all = {cid: c for cid, c in self._cells_all.items() if c[1] in units}
        sub._init_derived()
        return sub

    def recognition_deadline(self, due: date) -> date:
        """The last day a recognition decision is on time for a member whose probation ended on `due`:
        the rule's working days later (weekends, fixed and dated public holidays not counted)."""
        days = int(self.rule("probation.recognition_working_days", due))
        return add_working_days(due, days, self.rule("calendar.holidays", due), holiday_dates())

    def youth_max_age(self, on: date) -> int:
        """The oldest age, in whole years, of a Youth Union member on `on` (see youth_union_member)."""
        return int(self.rule("youth_union.max_age_years", on))

    def rule(self, key: str, on: date) -> Any:
        """A rule's value in force on a day, from the report's rule book."""
        if (key, on) not in self._rules:
            self._rules[key, on] = self.rules.value(key, on)
        return self._rules[key, on]

    def _rows(self, key: tuple[Any, ...], load: Callable[[], list[Any]]) -> list[Any]:
        """Rows of one kind (each with owner_unit_id) read once for all the units; a subset filters
        its parent's rows."""
        if key not in self._loaded:
            if self._parent is None:
                self._loaded[key] = load()
            else:
                self._parent._rows(key, load)
                self._loaded[key] = self._parent._part(
                    ("rows", key), self._parent._loaded[key], self.unit_ids
                )
        return self._loaded[key]

    def _part(self, key: tuple[Any, ...], rows: Iterable[Any], unit_ids: Sequence[str]) -> list[Any]:
        """The rows (each with owner_unit_id) of some of these units, in their order; the rows are
        grouped by unit once, so that splitting among many communes reads each row once."""
        if len(unit_ids) != 1:
            units = set(unit_ids)
            return [r for r in rows if r.owner_unit_id in units]
        groups = self._groups.get(key)
        if groups is None:
            groups = self._groups[key] = defaultdict(list)
            for r in rows:
                groups[r.owner_unit_id].append(r)
        return list(groups.get(unit_ids[0], ()))

    def name(self, member_id: str) -> str:
        if self._names is None:
            self._names = {
                mid: " ".join(p for p in (m.family_name, m.middle_name, m.given_name) if p)
                for mid, m in self.members.items()
            }
        known = self._names.get(member_id)
        if known is not None:
            return known
        root = self._root()
        if root is not self and member_id in root.members:
            return root.name(member_id)
        # A member of another unit (e.g. named by a record of this one), or a deleted one.
        if member_id not in self._outsiders:
            self.remember_names([member_id])
        return self._outsiders.get(member_id, "")

    def remember_names(self, member_ids: Iterable[str | None]) -> None:
        """Read at once the names of members outside these units that records refer to, so that
        explaining those records later needs no query."""
        root = self._root()
        missing = {m for m in member_ids if m and m not in root.members and m not in self._outsiders}
        if not missing:
            return
        for mid in missing:
            self._outsiders[mid] = ""
        ids = sorted(missing)
        for chunk in range(0, len(ids), 500):
            for mid, family, middle, given in self.session.execute(
                select(Member.id, Member.family_name, Member.middle_name, Member.given_name).where(
                    Member.id.in_(ids[chunk : chunk + 500])
                )
            ):
                self._outsiders[mid] = " ".join(p for p in (family, middle, given) if p)

    def cell_name(self, cell_id: str | None) -> str:
        """The name of a cell of the units (closed ones too), "" when unknown."""
        return self._cell_names.get(cell_id or "", "")

    def member_label(self, member_id: str, cell_id: str | None = None) -> str:
        """ "Lò Văn An — Chi bộ bản Na Hát": the member and the cell (given, else the current one)."""
        if cell_id is None and member_id in self.members:
            cell_id = self.members[member_id].cell_id
        cell = self.cell_name(cell_id)
        return f"{self.name(member_id)} — {cell}" if cell else self.name(member_id)

    def _event_dates(self, member_id: str) -> list[date]:
        dates = self._dates.get(member_id)
        if dates is None:
            dates = self._dates[member_id] = [ev.event_date for ev in self.events[member_id]]
        return dates

    def states(self, on: date) -> dict[str, MemberState]:
        """Every member's state on `on` (fold_events up to that day). A member whose history has no
        event between two asked days keeps the same state object: it is folded once."""
        if on not in self._states:
            parent = self._parent
            shared = parent.states(on) if parent is not None else {}
            states = {}
            for mid, evs in self.events.items():
                if parent is not None and evs is parent.events.get(mid):
                    states[mid] = shared[mid]
                    continue
                states[mid] = self._fold(mid, evs, on)
            self._states[on] = states
        return self._states[on]

    def _fold(self, member_id: str, evs: list[Any], on: date) -> MemberState:
        """fold_events up to `on`, once per distinct prefix of the member's history."""
        upto = bisect_right(self._event_dates(member_id), on)
        state = self._folds.get((member_id, upto))
        if state is None:
            state = self._folds[member_id, upto] = fold_events(evs[:upto], self.rules, as_of=on)
            self._prefix[id(state)] = upto
        return state

    def cell_on(self, member_id: str, on: date) -> str | None:
        """The member's cell on a date (the last event naming a cell, else the current cell)."""
        cell = None
        for ev in self.events[member_id]:
            if ev.event_date > on:
                break
            if ev.cell_id:
                cell = ev.cell_id
        fallback: str | None = self.members[member_id].cell_id
        return cell or fallback

    def _cell_after(self, member_id: str, upto: int) -> str | None:
        """cell_on for the day the first `upto` events of the member's history reach."""
        evs = self.events[member_id]
        for k in range(upto - 1, -1, -1):
            if evs[k].cell_id:
                return str(evs[k].cell_id)
        fallback: str | None = self.members[member_id].cell_id
        return fallback

    def _member_facts(self, on: date) -> dict[str, MemberFact]:
        if on not in self._facts_on:
            parent = self._parent
            shared = parent._member_facts(on) if parent is not None else {}
            out: dict[str, MemberFact] = {}
            for mid, state in self.states(on).items():
                if state.membership is None or state.ended:
                    continue
                if parent is not None and self.events[mid] is parent.events.get(mid):
                    out[mid] = shared[mid]
                    continue
                m = self.members[mid]
                youth = youth_union_member(m.youth_union_date, m.date_of_birth, on, self.youth_max_age(on))
                again = self._same_fact(mid, state, youth)
                if again is not None:
                    out[mid] = again
                    continue
                out[mid] = MemberFact(
                    mid,
                    self.name(mid),
                    self._cell_after(mid, self._prefix[id(state)]),
                    m.sex,
                    m.date_of_birth,
                    m.ethnicity,
                    m.religion,
                    youth,
                    m.occupation,
                    m.general_education,
                    m.professional_qualification,
                    m.political_theory,
                    state.membership,
                    state.activity,
                    state.counted,
                    state.temp_in,
                )
            self._facts_on[on] = out
        return self._facts_on[on]

    def _same_fact(self, member_id: str, state: MemberState, youth: bool) -> MemberFact | None:
        """The member's fact on another day already computed, when the state (the same fold, so the
        same events and cell) and the youth-union flag are the same."""
        for day, facts in self._facts_on.items():
            fact = facts.get(member_id)
            if fact is not None and fact.youth_union == youth and self._states[day].get(member_id) is state:
                return fact
        return None

    def members_on(self, on: date) -> list[MemberFact]:
        """Everyone in the register on `on` (counted members and temporary members received)."""
        return list(self._member_facts(on).values())

    def _event_fact(self, ev: Any) -> EventFact:
        fact = self._event_facts.get(ev.id)
        if fact is None:
            m = self.members[ev.member_id]
            fact = self._event_facts[ev.id] = EventFact(
                ev.id,
                ev.member_id,
                self.name(ev.member_id),
                ev.kind,
                ev.event_date,
                ev.decision_date,
                ev.temporary,
                ev.cell_id,
                m.sex,
                m.ethnicity,
                youth_union_member(
                    m.youth_union_date, m.date_of_birth, ev.event_date, self.youth_max_age(ev.event_date)
                ),
                json.loads(ev.detail) if ev.detail else {},
            )
        return fact

    def _flat_events(self) -> list[tuple[date, str, Any]]:
        """Every event as (date, member name, row), sorted so; the dates apart for bisecting."""
        if self._flat is None:
            parent = self._parent
            if parent is not None and len(self.unit_ids) == 1:
                # The parent's order restricted to the unit is the order sorting would give here.
                if parent._flat_by_unit is None:
                    parent._flat_by_unit = defaultdict(list)
                    for item in parent._flat_events():
                        parent._flat_by_unit[item[2].owner_unit_id].append(item)
                self._flat = parent._flat_by_unit.get(self.unit_ids[0], [])
            else:
                self._flat = sorted(
                    ((ev.event_date, self.name(mid), ev) for mid, evs in self.events.items() for ev in evs),
                    key=lambda t: (t[0], t[1]),
                )
            self._flat_dates = [t[0] for t in self._flat]
        return self._flat

    def events_between(self, start: date, end: date, kinds: tuple[str, ...] | None = None) -> list[EventFact]:
        """The events dated in [start, end] (of the given kinds), by date then member name."""
        flat = self._flat_events()
        first = bisect_left(self._flat_dates, start)
        last = bisect_right(self._flat_dates, end)
        return [
            self._event_fact(ev) for _day, _name, ev in flat[first:last] if kinds is None or ev.kind in kinds
        ]

    def decided_between(self, start: date, end: date, kinds: tuple[str, ...]) -> list[EventFact]:
        """The events of these kinds dated up to `end` whose decision (else the event) is dated in
        [start, end], in the order of events_between."""
        if self._flat_kinds is None:
            self._flat_kinds = defaultdict(list)
            for index, (day, _name, ev) in enumerate(self._flat_events()):
                self._flat_kinds[ev.kind].append((index, day, ev))
        chosen = sorted(
            (index, ev)
            for kind in kinds
            for index, day, ev in self._flat_kinds.get(kind, ())
            if day <= end and start <= (ev.decision_date or ev.event_date) <= end
        )
        return [self._event_fact(ev) for _index, ev in chosen]

    # ------------------------------------------------------------ other records

    def term_start(self) -> date | None:
        """The earliest current-term start of the units (for "congress held in the term")."""
        root = self._root()
        if root._terms is None:
            root._terms = dict(
                self.session.execute(select(Unit.id, Unit.term_start).where(Unit.id.in_(root.unit_ids))).all()
            )
        starts = [start for unit, start in root._terms.items() if unit in self.unit_ids and start]
        return min(starts) if starts else None

    def _table(
        self,
        table: Any,
        where: Callable[[Any], tuple[Any, ...]] = lambda t: (),
        *,
        order: str = "",
        names: str = "",
    ) -> Callable[[], list[Any]]:
        """A loader of a table's live rows of the units (the conditions built only when it runs);
        `names` is a column naming members whose names explanations will need."""

        def load() -> list[Any]:
            query = select(table).where(
                table.c.owner_unit_id.in_(self._root_units()), ~table.c.deleted, *where(table)
            )
            rows = list(self.session.execute(query.order_by(table.c[order]) if order else query).all())
            if names:
                self.remember_names(getattr(r, names) for r in rows)
            return rows

        return load

    def _root(self) -> Facts:
        root = self
        while root._parent is not None:
            root = root._parent
        return root

    def _root_units(self) -> tuple[str, ...]:
        return self._root().unit_ids

    def cells_on(self, on: date) -> list[Any]:
        cells = Cell.__table__
        return [
            c
            for c in self._rows(("cells",), self._table(cells, order="sort_key"))
            if (c.valid_from is None or c.valid_from <= on) and (c.valid_to is None or c.valid_to >= on)
        ]

    def villages_on(self, on: date) -> list[Any]:
        villages = Village.__table__
        return [
            v
            for v in self._rows(("villages",), self._table(villages, order="sort_key"))
            if (v.valid_from is None or v.valid_from <= on) and (v.valid_to is None or v.valid_to >= on)
        ]

    def village_cells_on(self, on: date) -> dict[str, set[str]]:
        """village id → ids of the cells covering it on `on`."""
        out: dict[str, set[str]] = defaultdict(set)
        for link in self._rows(("village_cells",), self._table(CellVillage.__table__)):
            if (link.valid_from is None or link.valid_from <= on) and (
                link.valid_to is None or link.valid_to > on
            ):
                out[link.village_id].add(link.cell_id)
        return out

    def positions_on(self, on: date) -> list[Any]:
        return [
            p
            for p in self._rows(("positions",), self._table(CellPosition.__table__))
            if p.start_date <= on and (p.end_date is None or p.end_date > on)
        ]

    def meetings_between(self, start: date, end: date) -> list[tuple[Any, str, int, int]]:
        """Held meetings in the months of the period: (meeting, cell name, present, expected)."""
        months = tuple(_months(start, end))

        def load() -> list[Any]:
            meetings, cells = Meeting.__table__, Cell.__table__
            held = (
                select(meetings.c.id)
                .where(
                    meetings.c.owner_unit_id.in_(self._root_units()),
                    ~meetings.c.deleted,
                    meetings.c.status == "held",
                    meetings.c.month.in_(months),
                )
                .scalar_subquery()
            )
            attendance = MeetingAttendance.__table__
            counts = {
                mid: (int(p or 0), int(e or 0))
                for mid, p, e in self.session.execute(
                    select(
                        attendance.c.meeting_id,
                        func.sum(case((attendance.c.status == "present", 1), else_=0)),
                        func.sum(case((attendance.c.status.in_(EXPECTED), 1), else_=0)),
                    )
                    .where(attendance.c.meeting_id.in_(held), ~attendance.c.deleted)
                    .group_by(attendance.c.meeting_id)
                )
            }
            rows = self.session.execute(
                select(
                    meetings.c.id,
                    meetings.c.owner_unit_id,
                    meetings.c.cell_id,
                    meetings.c.month,
                    meetings.c.kind,
                    meetings.c.combined_thematic,
                    meetings.c.held_date,
                    meetings.c.quality_rating,
                    meetings.c.assigned_member_attended,
                    cells.c.name.label("cell_name"),
                )
                .join(cells, cells.c.id == meetings.c.cell_id)
                .where(meetings.c.id.in_(held))
                .order_by(meetings.c.month, cells.c.sort_key)
            ).all()
            return [_MeetingRow(m, *counts.get(m.id, (0, 0))) for m in rows]

        return [
            (r.meeting, r.meeting.cell_name, r.present, r.expected)
            for r in self._rows(("meetings", months), load)
        ]

    def dues_totals(self, start: date, end: date) -> tuple[int, int, int | None]:
        """(due, collected, retained) over the months; retained is None while a month's retention
        share is not entered in the rule table."""
        by_month: dict[str, list[int]] = {}
        for d in self.dues_rows(start, end):
            totals = by_month.setdefault(d.month, [0, 0])
            totals[0] += d.due
            totals[1] += d.paid
        retained: int | None = 0
        for month, (_due, paid) in by_month.items():
            share = self.retention_pct(month)
            if share is None or retained is None:
                retained = None
                continue
            retained += percent_of(paid, share)  # the one dues rounding (half up, dues.percent_of)
        return sum(t[0] for t in by_month.values()), sum(t[1] for t in by_month.values()), retained

    def plan(self, year: int) -> int:
        return sum(p.target for p in self.plans(year))

    def plans(self, year: int) -> list[PlanFact]:
        """The year's admission plan: the commune-wide rows, else the cells' rows (which then add up)."""
        plans = AdmissionPlan.__table__
        rows = [
            PlanFact(r.id, r.cell_id, int(r.target or 0))
            for r in self._rows(("plans", year), self._table(plans, lambda t: (t.c.year == year,)))
        ]
        commune = [p for p in rows if p.cell_id is None]
        return commune or rows

    def ratings(self, year: int, subject: str) -> list[tuple[Any, str]]:
        def load() -> list[Any]:
            rounds = RatingRound.__table__
            chosen = select(rounds.c.id).where(
                rounds.c.owner_unit_id.in_(self._root_units()),
                rounds.c.year == year,
                rounds.c.subject == subject,
                ~rounds.c.deleted,
            )
            ratings = Rating.__table__
            rows = list(
                self.session.execute(
                    select(ratings).where(
                        ratings.c.round_id.in_(chosen.scalar_subquery()), ~ratings.c.deleted
                    )
                )
            )
            self.remember_names(r.member_id for r in rows)
            return rows

        return [(r, r.member_id or r.cell_id) for r in self._rows(("ratings", year, subject), load)]

    def inspections_between(self, start: date, end: date) -> list[Any]:
        table = Inspection.__table__
        return self._rows(
            ("inspections", start, end),
            self._table(
                table, lambda t: (t.c.start_date >= start, t.c.start_date <= end), names="subject_member_id"
            ),
        )

    def disciplines_between(self, start: date, end: date) -> list[Any]:
        table = Discipline.__table__
        return self._rows(
            ("disciplines", start, end),
            self._table(
                table,
                lambda t: (t.c.decision_date >= start, t.c.decision_date <= end),
                names="subject_member_id",
            ),
        )

    def petitions_until(self, end: date) -> list[Any]:
        table = Petition.__table__
        return self._rows(("petitions", end), self._table(table, lambda t: (t.c.received_date <= end,)))

    def _courses(self, start: date, end: date) -> list[Any]:
        table = Course.__table__
        return self._rows(
            ("courses", start, end),
            self._table(table, lambda t: (t.c.start_date >= start, t.c.start_date <= end)),
        )

    def _attendee_rows(self, start: date, end: date) -> list[Any]:
        def load() -> list[Any]:
            attendee, course, candidate = (
                CourseAttendee.__table__.c,
                Course.__table__.c,
                Candidate.__table__.c,
            )
            rows = list(
                self.session.execute(
                    select(
                        attendee.id,
                        course.id.label("course_id"),
                        course.owner_unit_id,
                        course.name,
                        course.kind,
                        course.level,
                        attendee.member_id,
                        candidate.family_name,
                        candidate.middle_name,
                        candidate.given_name,
                    )
                    .select_from(CourseAttendee.__table__)
                    .join(Course.__table__, course.id == attendee.course_id)
                    .outerjoin(Candidate.__table__, candidate.id == attendee.candidate_id)
                    .where(
                        course.owner_unit_id.in_(self._root_units()),
                        ~course.deleted,
                        ~attendee.deleted,
                        course.start_date >= start,
                        course.start_date <= end,
                    )
                    .order_by(course.start_date, course.name)
                ).all()
            )
            self.remember_names(r.member_id for r in rows)
            return rows

        return self._rows(("attendees", start, end), load)

    def courses_between(self, start: date, end: date) -> list[tuple[Any, int]]:
        counts: dict[str, int] = defaultdict(int)
        for r in self._attendee_rows(start, end):
            counts[r.course_id] += 1
        return [(c, counts.get(c.id, 0)) for c in self._courses(start, end)]

    def attendees_between(self, start: date, end: date) -> list[AttendeeFact]:
        """Attendees of the courses started in the period, with the course and the person's name."""
        out = []
        for aid, cid, _owner, name, kind, level, member_id, family, middle, given in self._attendee_rows(
            start, end
        ):
            person = (
                self.member_label(member_id)
                if member_id
                else " ".join(p for p in (family, middle, given) if p) + " (quần chúng)"
            )
            out.append(AttendeeFact(aid, cid, name, kind, level or "", person))
        out.sort(key=lambda a: (a.course_name, a.person))
        return out

    def dues_rows(self, start: date, end: date) -> list[DuesFact]:
        """Every member's dues row for the months of the period (plain rows)."""
        months = tuple(_months(start, end))

        def load() -> list[Any]:
            dues = DuesPayment.__table__.c  # Core columns: plain rows, no ORM loading
            rows = [
                DuesFact._make(r)
                for r in self.session.execute(
                    select(
                        dues.id,
                        dues.member_id,
                        dues.cell_id,
                        dues.month,
                        func.coalesce(dues.amount_due, 0),
                        func.coalesce(dues.amount_paid, 0),
                        dues.owner_unit_id,
                    )
                    .where(dues.owner_unit_id.in_(self._root_units()), ~dues.deleted, dues.month.in_(months))
                    .order_by(dues.month)
                ).all()
            ]
            self.remember_names(r.member_id for r in rows)
            return rows

        dues: list[DuesFact] = self._rows(("dues", months), load)
        return dues

    def retention_pct(self, month: str) -> float | None:
        """The share of collected dues the commune keeps for a month (None while not entered)."""
        share = self.rule("dues.retention_pct", date(int(month[:4]), int(month[5:]), 1))
        return None if share is None else float(share)

    def dues_between(self, start: date, end: date) -> list[DuesPayment]:
        return list(
            self.session.scalars(
                select(DuesPayment).where(
                    DuesPayment.owner_unit_id.in_(self.unit_ids),
                    ~DuesPayment.deleted,
                    DuesPayment.month.in_(_months(start, end)),
                )
            )
        )


EXPECTED = ("present", "absent_excused", "absent_unexcused")


@dataclass(frozen=True)
class _MeetingRow:
    meeting: Any
    present: int
    expected: int

    @property
    def owner_unit_id(self) -> str:
        return str(self.meeting.owner_unit_id)


def _months(start: date, end: date) -> list[str]:
    months = []
    current = date(start.year, start.month, 1)
    while current <= end:
        months.append(month_key(current))
        current = add_months(current, 1)
    return months


def months_between(start: date, end: date) -> list[str]:
    return _months(start, end)


def day_before(value: date) -> date:
    return value - timedelta(days=1)
