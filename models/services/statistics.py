"""Period datasets for the report indicators: who was a member on a date (folded from events), what
moved in a period, and the organisation, meeting, rating, inspection, petition, training, badge and
dues facts. Each fact carries the record id and a label so every number can be explained."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.dates import add_months, month_key
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
from models.rules import rule
from models.security import Permission, require
from models.services.common import own_unit_id
from models.services.membership import MemberState, fold_events


@dataclass(frozen=True)
class MemberFact:
    """A member as of a date."""

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


@dataclass(frozen=True)
class DuesFact:
    """One member's dues row for a month."""

    id: str
    member_id: str
    cell_id: str
    month: str  # YYYY-MM
    due: int
    paid: int


@dataclass(frozen=True)
class PlanFact:
    id: str
    cell_id: str | None
    target: int


@dataclass(frozen=True)
class EventFact:
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


class Facts:
    """Member histories of one unit loaded once, folded at any date on demand."""

    def __init__(self, session: Session, unit_ids: Sequence[str] | None = None) -> None:
        """Facts of the given units (default: this installation's own unit). At the upper level,
        several communes' ids give their union, for consolidated figures."""
        require(session, Permission.VIEW_REGISTER)
        self.session = session
        self.unit_ids = tuple(unit_ids) if unit_ids else (own_unit_id(session),)
        self.probation = int(rule(session, "probation.months", date.today()))  # noqa: DTZ011 - a calendar date
        # Plain rows (attribute access, no ORM identity map): a province holds 100,000 members.
        members = Member.__table__
        self.members: dict[str, Any] = {
            m.id: m
            for m in session.execute(
                select(members).where(members.c.owner_unit_id.in_(self.unit_ids), ~members.c.deleted)
            )
        }
        events = MemberEvent.__table__
        self.events: dict[str, list[Any]] = defaultdict(list)
        for ev in session.execute(
            select(events)
            .where(events.c.owner_unit_id.in_(self.unit_ids), ~events.c.deleted)
            .order_by(events.c.event_date, events.c.seq)
        ):
            self.events[ev.member_id].append(ev)
        self._states: dict[date, dict[str, MemberState]] = {}
        self._cell_names: dict[str, str] | None = None

    def name(self, member_id: str) -> str:
        m = self.members.get(member_id)
        if m is None:  # a member of another unit (e.g. named by a record of this one)
            row = self.session.execute(
                select(Member.family_name, Member.middle_name, Member.given_name).where(
                    Member.id == member_id
                )
            ).first()
            return " ".join(p for p in row if p) if row else ""
        return " ".join(p for p in (m.family_name, m.middle_name, m.given_name) if p)

    def cell_name(self, cell_id: str | None) -> str:
        """The name of a cell of the units (closed ones too), "" when unknown."""
        if self._cell_names is None:
            rows = self.session.execute(
                select(Cell.id, Cell.name).where(Cell.owner_unit_id.in_(self.unit_ids))
            )
            self._cell_names = {str(cid): str(name) for cid, name in rows}
        return self._cell_names.get(cell_id or "", "")

    def member_label(self, member_id: str, cell_id: str | None = None) -> str:
        """ "Lò Văn An — Chi bộ bản Na Hát": the member and the cell (given, else the current one)."""
        if cell_id is None and member_id in self.members:
            cell_id = self.members[member_id].cell_id
        cell = self.cell_name(cell_id)
        return f"{self.name(member_id)} — {cell}" if cell else self.name(member_id)

    def states(self, on: date) -> dict[str, MemberState]:
        if on not in self._states:
            self._states[on] = {
                mid: fold_events(evs, self.probation, as_of=on) for mid, evs in self.events.items()
            }
        return self._states[on]

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

    def members_on(self, on: date) -> list[MemberFact]:
        """Everyone in the register on `on` (counted members and temporary members received)."""
        out = []
        for mid, state in self.states(on).items():
            if state.membership is None or state.ended:
                continue
            m = self.members[mid]
            out.append(
                MemberFact(
                    mid,
                    self.name(mid),
                    self.cell_on(mid, on),
                    m.sex,
                    m.date_of_birth,
                    m.ethnicity,
                    m.religion,
                    m.youth_union_date is not None and m.youth_union_date <= on,
                    m.occupation,
                    m.general_education,
                    m.professional_qualification,
                    m.political_theory,
                    state.membership,
                    state.activity,
                    state.counted,
                    state.temp_in,
                )
            )
        return out

    def events_between(self, start: date, end: date, kinds: tuple[str, ...] | None = None) -> list[EventFact]:
        out = []
        for mid, evs in self.events.items():
            m = self.members[mid]
            for ev in evs:
                if start <= ev.event_date <= end and (kinds is None or ev.kind in kinds):
                    out.append(
                        EventFact(
                            ev.id,
                            mid,
                            self.name(mid),
                            ev.kind,
                            ev.event_date,
                            ev.decision_date,
                            ev.temporary,
                            ev.cell_id,
                            m.sex,
                            m.ethnicity,
                            m.youth_union_date is not None and m.youth_union_date <= ev.event_date,
                            json.loads(ev.detail) if ev.detail else {},
                        )
                    )
        out.sort(key=lambda e: (e.event_date, e.member_name))
        return out

    # ------------------------------------------------------------ other records

    def term_start(self) -> date | None:
        """The earliest current-term start of the units (for "congress held in the term")."""
        starts = [
            u.term_start
            for u in self.session.scalars(select(Unit).where(Unit.id.in_(self.unit_ids)))
            if u.term_start
        ]
        return min(starts) if starts else None

    def cells_on(self, on: date) -> list[Cell]:
        return [
            c
            for c in self.session.scalars(
                select(Cell)
                .where(Cell.owner_unit_id.in_(self.unit_ids), ~Cell.deleted)
                .order_by(Cell.sort_key)
            )
            if (c.valid_from is None or c.valid_from <= on) and (c.valid_to is None or c.valid_to >= on)
        ]

    def villages_on(self, on: date) -> list[Village]:
        return [
            v
            for v in self.session.scalars(
                select(Village)
                .where(Village.owner_unit_id.in_(self.unit_ids), ~Village.deleted)
                .order_by(Village.sort_key)
            )
            if (v.valid_from is None or v.valid_from <= on) and (v.valid_to is None or v.valid_to >= on)
        ]

    def village_cells_on(self, on: date) -> dict[str, set[str]]:
        """village id → ids of the cells covering it on `on`."""
        out: dict[str, set[str]] = defaultdict(set)
        for link in self.session.scalars(
            select(CellVillage).where(CellVillage.owner_unit_id.in_(self.unit_ids), ~CellVillage.deleted)
        ):
            if (link.valid_from is None or link.valid_from <= on) and (
                link.valid_to is None or link.valid_to > on
            ):
                out[link.village_id].add(link.cell_id)
        return out

    def positions_on(self, on: date) -> list[CellPosition]:
        return [
            p
            for p in self.session.scalars(
                select(CellPosition).where(
                    CellPosition.owner_unit_id.in_(self.unit_ids), ~CellPosition.deleted
                )
            )
            if p.start_date <= on and (p.end_date is None or p.end_date > on)
        ]

    def meetings_between(self, start: date, end: date) -> list[tuple[Meeting, str, int, int]]:
        """Held meetings in the months of the period: (meeting, cell name, present, expected)."""
        months = _months(start, end)
        present = (
            select(MeetingAttendance.meeting_id, func.count().label("n"))
            .where(MeetingAttendance.status == "present")
            .group_by(MeetingAttendance.meeting_id)
            .subquery()
        )
        expected = (
            select(MeetingAttendance.meeting_id, func.count().label("n"))
            .where(MeetingAttendance.status.in_(("present", "absent_excused", "absent_unexcused")))
            .group_by(MeetingAttendance.meeting_id)
            .subquery()
        )
        rows = self.session.execute(
            select(Meeting, Cell.name, present.c.n, expected.c.n)
            .join(Cell, Cell.id == Meeting.cell_id)
            .outerjoin(present, present.c.meeting_id == Meeting.id)
            .outerjoin(expected, expected.c.meeting_id == Meeting.id)
            .where(
                Meeting.owner_unit_id.in_(self.unit_ids),
                ~Meeting.deleted,
                Meeting.status == "held",
                Meeting.month.in_(months),
            )
            .order_by(Meeting.month, Cell.sort_key)
        ).all()
        return [(m, name, int(p or 0), int(e or 0)) for m, name, p, e in rows]

    def dues_totals(self, start: date, end: date) -> tuple[int, int, int | None]:
        """(due, collected, retained) over the months; retained is None while a month's retention
        share is not entered in the rule table."""
        by_month = self.session.execute(
            select(DuesPayment.month, func.sum(DuesPayment.amount_due), func.sum(DuesPayment.amount_paid))
            .where(
                DuesPayment.owner_unit_id.in_(self.unit_ids),
                ~DuesPayment.deleted,
                DuesPayment.month.in_(_months(start, end)),
            )
            .group_by(DuesPayment.month)
        ).all()
        retained: int | None = 0
        for month, _due, paid in by_month:
            share = rule(self.session, "dues.retention_pct", date(int(month[:4]), int(month[5:]), 1))
            if share is None or retained is None:
                retained = None
                continue
            retained += round(int(paid or 0) * float(share) / 100)
        return sum(int(r[1] or 0) for r in by_month), sum(int(r[2] or 0) for r in by_month), retained

    def plan(self, year: int) -> int:
        return sum(p.target for p in self.plans(year))

    def plans(self, year: int) -> list[PlanFact]:
        """The year's admission plan: the commune-wide rows, else the cells' rows (which then add up)."""
        rows = [
            PlanFact(r.id, r.cell_id, int(r.target or 0))
            for r in self.session.execute(
                select(AdmissionPlan.id, AdmissionPlan.cell_id, AdmissionPlan.target).where(
                    AdmissionPlan.owner_unit_id.in_(self.unit_ids),
                    AdmissionPlan.year == year,
                    ~AdmissionPlan.deleted,
                )
            )
        ]
        commune = [p for p in rows if p.cell_id is None]
        return commune or rows

    def ratings(self, year: int, subject: str) -> list[tuple[Rating, str]]:
        rounds = list(
            self.session.scalars(
                select(RatingRound.id).where(
                    RatingRound.owner_unit_id.in_(self.unit_ids),
                    RatingRound.year == year,
                    RatingRound.subject == subject,
                    ~RatingRound.deleted,
                )
            )
        )
        return [
            (r, r.member_id or r.cell_id)
            for r in self.session.scalars(select(Rating).where(Rating.round_id.in_(rounds), ~Rating.deleted))
        ]

    def inspections_between(self, start: date, end: date) -> list[Inspection]:
        return list(
            self.session.scalars(
                select(Inspection).where(
                    Inspection.owner_unit_id.in_(self.unit_ids),
                    ~Inspection.deleted,
                    Inspection.start_date >= start,
                    Inspection.start_date <= end,
                )
            )
        )

    def disciplines_between(self, start: date, end: date) -> list[Discipline]:
        return list(
            self.session.scalars(
                select(Discipline).where(
                    Discipline.owner_unit_id.in_(self.unit_ids),
                    ~Discipline.deleted,
                    Discipline.decision_date >= start,
                    Discipline.decision_date <= end,
                )
            )
        )

    def petitions_until(self, end: date) -> list[Petition]:
        return list(
            self.session.scalars(
                select(Petition).where(
                    Petition.owner_unit_id.in_(self.unit_ids),
                    ~Petition.deleted,
                    Petition.received_date <= end,
                )
            )
        )

    def courses_between(self, start: date, end: date) -> list[tuple[Course, int]]:
        courses = list(
            self.session.scalars(
                select(Course).where(
                    Course.owner_unit_id.in_(self.unit_ids),
                    ~Course.deleted,
                    Course.start_date >= start,
                    Course.start_date <= end,
                )
            )
        )
        counts = dict(
            self.session.execute(
                select(CourseAttendee.course_id, func.count())
                .where(CourseAttendee.course_id.in_([c.id for c in courses]), ~CourseAttendee.deleted)
                .group_by(CourseAttendee.course_id)
            ).all()
        )
        return [(c, int(counts.get(c.id, 0))) for c in courses]

    def attendees_between(self, start: date, end: date) -> list[AttendeeFact]:
        """Attendees of the courses started in the period, with the course and the person's name."""
        rows = self.session.execute(
            select(
                CourseAttendee.id,
                Course.id,
                Course.name,
                Course.kind,
                Course.level,
                CourseAttendee.member_id,
                Candidate.family_name,
                Candidate.middle_name,
                Candidate.given_name,
            )
            .join(Course, Course.id == CourseAttendee.course_id)
            .outerjoin(Candidate, Candidate.id == CourseAttendee.candidate_id)
            .where(
                Course.owner_unit_id.in_(self.unit_ids),
                ~Course.deleted,
                ~CourseAttendee.deleted,
                Course.start_date >= start,
                Course.start_date <= end,
            )
            .order_by(Course.start_date, Course.name)
        ).all()
        out = []
        for aid, cid, name, kind, level, member_id, family, middle, given in rows:
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
        return [
            DuesFact(r[0], r[1], r[2], r[3], int(r[4] or 0), int(r[5] or 0))
            for r in self.session.execute(
                select(
                    DuesPayment.id,
                    DuesPayment.member_id,
                    DuesPayment.cell_id,
                    DuesPayment.month,
                    DuesPayment.amount_due,
                    DuesPayment.amount_paid,
                )
                .where(
                    DuesPayment.owner_unit_id.in_(self.unit_ids),
                    ~DuesPayment.deleted,
                    DuesPayment.month.in_(_months(start, end)),
                )
                .order_by(DuesPayment.month)
            )
        ]

    def retention_pct(self, month: str) -> float | None:
        """The share of collected dues the commune keeps for a month (None while not entered)."""
        share = rule(self.session, "dues.retention_pct", date(int(month[:4]), int(month[5:]), 1))
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
