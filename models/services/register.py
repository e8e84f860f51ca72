"""The member register as a list: database-side filtering and sorting over id lists (so 100,000 rows
stay smooth), batch row fetches for a lazy table model, counts, and the attention lists a clerk checks
every week (official recognition, badges, expired exemptions, missing identity numbers)."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, case, func, or_, select
from sqlalchemy.orm import Session

from models.dates import add_months, format_date, today
from models.entities import Cell, Member, MemberEvent
from models.rules import rule, rule_book
from models.security import Permission, require
from models.services.common import own_unit_id
from models.services.membership import fold_events
from models.text import fold

ACTIVE_STATUSES = ("probationary", "official", "exempted", "away")
ENDED_STATUSES = ("transferred_out", "struck_off", "left", "expelled", "deceased")
AGE_BANDS = {"<=30": (0, 30), "31-40": (31, 40), "41-50": (41, 50), "51-60": (51, 60), ">=61": (61, 200)}


@dataclass(frozen=True)
class RegisterFilter:
    text: str = ""
    cell_id: str | None = None
    statuses: tuple[str, ...] = ()  # empty: members currently in the register (not ended)
    sex: str | None = None
    ethnicity: str | None = None
    age_band: str | None = None
    occupation: str | None = None
    theory: str | None = None
    include_uncounted: bool = False  # temporary members received from elsewhere
    on: date | None = None  # the day ages are counted on (default today)


# Allow-listed sort columns: the UI passes a key, never SQL.
SORT_COLUMNS: dict[str, Any] = {
    "name": Member.sort_key,
    "sex": Member.sex,
    "date_of_birth": Member.date_of_birth,
    "ethnicity": Member.ethnicity,
    "cell": Cell.sort_key,
    "status": Member.status,
    "admission_date": Member.admission_date,
    "official_date": Member.official_date,
    "card": Member.party_card_no,
}


def _conditions(session: Session, flt: RegisterFilter) -> list[ColumnElement[bool]]:
    conds: list[ColumnElement[bool]] = [~Member.deleted, Member.owner_unit_id == own_unit_id(session)]
    if flt.statuses:
        conds.append(Member.status.in_(flt.statuses))
    else:
        conds.append(Member.status.in_(ACTIVE_STATUSES))
        if not flt.include_uncounted:
            conds.append(Member.counted.is_(True))
    for word in fold(flt.text).split():
        conds.append(Member.search_key.contains(word, autoescape=True))
    if flt.cell_id:
        conds.append(Member.cell_id == flt.cell_id)
    if flt.sex:
        conds.append(Member.sex == flt.sex)
    if flt.ethnicity:
        conds.append(Member.ethnicity == flt.ethnicity)
    if flt.occupation:
        conds.append(Member.occupation == flt.occupation)
    if flt.theory is not None:
        conds.append(Member.political_theory == flt.theory)
    if flt.age_band:
        low, high = AGE_BANDS[flt.age_band]
        on = flt.on or today()
        # Age in full years between low and high: born after (on - high - 1 years) and not after (on - low years).
        youngest_birth = add_months(on, -12 * low)
        oldest_birth = add_months(on, -12 * (high + 1)) + timedelta(days=1)
        conds.append(and_(Member.date_of_birth <= youngest_birth, Member.date_of_birth >= oldest_birth))
    return conds


def _query(session: Session, flt: RegisterFilter, columns: list[Any]) -> Select[Any]:
    return select(*columns).outerjoin(Cell, Cell.id == Member.cell_id).where(*_conditions(session, flt))


def member_ids(
    session: Session, flt: RegisterFilter, sort: str = "name", descending: bool = False
) -> list[str]:
    """Ids of the members matching `flt`, sorted in the database by an allow-listed column."""
    require(session, Permission.VIEW_REGISTER)
    column = SORT_COLUMNS[sort]
    order = column.desc() if descending else column.asc()
    query = _query(session, flt, [Member.id]).order_by(order.nulls_last(), Member.sort_key, Member.id)
    return list(session.scalars(query))


@dataclass(frozen=True)
class MemberRow:
    id: str
    name: str
    sex: str
    date_of_birth: date
    ethnicity: str
    cell_name: str
    status: str
    admission_date: date | None
    official_date: date | None
    party_card_no: str
    cccd: str
    counted: bool


def member_rows(session: Session, ids: list[str]) -> dict[str, MemberRow]:
    """The display rows of `ids` (a page of the table), fetched in one query."""
    require(session, Permission.VIEW_REGISTER)
    out: dict[str, MemberRow] = {}
    for start in range(0, len(ids), 900):
        chunk = ids[start : start + 900]
        for row in session.execute(
            select(
                Member.id,
                Member.family_name,
                Member.middle_name,
                Member.given_name,
                Member.sex,
                Member.date_of_birth,
                Member.ethnicity,
                Cell.name,
                Member.status,
                Member.admission_date,
                Member.official_date,
                Member.party_card_no,
                Member.cccd,
                Member.counted,
            )
            .outerjoin(Cell, Cell.id == Member.cell_id)
            .where(Member.id.in_(chunk))
        ):
            out[row[0]] = MemberRow(
                row[0],
                " ".join(p for p in row[1:4] if p),
                row[4],
                row[5],
                row[6],
                row[7] or "",
                row[8],
                row[9],
                row[10],
                row[11] or "",
                row[12] or "",
                bool(row[13]),
            )
    return out


@dataclass(frozen=True)
class RegisterCounts:
    total: int
    probationary: int
    official: int
    women: int
    exempted: int
    away: int


def counts(session: Session, flt: RegisterFilter) -> RegisterCounts:
    require(session, Permission.VIEW_REGISTER)
    row = session.execute(
        _query(
            session,
            flt,
            [
                func.count(Member.id),
                func.sum(case((Member.status == "probationary", 1), else_=0)),
                func.sum(case((Member.status == "official", 1), else_=0)),
                func.sum(case((Member.sex == "F", 1), else_=0)),
                func.sum(case((Member.status == "exempted", 1), else_=0)),
                func.sum(case((Member.status == "away", 1), else_=0)),
            ],
        )
    ).one()
    return RegisterCounts(*(int(v or 0) for v in row))


def distinct_values(session: Session, column: str) -> list[str]:
    """Values present in the register for a filter picklist (ethnicity, occupation, theory)."""
    require(session, Permission.VIEW_REGISTER)
    col = {"ethnicity": Member.ethnicity, "occupation": Member.occupation, "theory": Member.political_theory}[
        column
    ]
    return [
        v
        for v in session.scalars(select(col).where(~Member.deleted).distinct().order_by(col))
        if v is not None
    ]


# ---------------------------------------------------------------- register notes


def standing_notes(history: Sequence[Any], *, counted: bool, status: str) -> list[str]:
    """The register's notes column (Vietnamese document text): every event that explains a member's
    standing — exemption, working away, temporary transfers out and in, and the return from each —
    one line per period with its dates; "Tạm thời" first for a temporary member still here.
    `history` is the member's events oldest first (membership.history)."""
    head = ["Tạm thời"] if not counted and status not in ENDED_STATUSES else []
    periods: list[list[str]] = []  # each: [what and since, how it ended or was planned, reason]
    open_: dict[str, list[str]] = {}
    for ev in history:
        when = format_date(ev.event_date)
        if ev.kind in ("exemption_start", "away_start"):
            label = "Miễn công tác và sinh hoạt" if ev.kind == "exemption_start" else "Đi làm ăn xa"
            planned = ev.detail.get("until")
            period = [
                f"{label} từ {when}",
                f"dự kiến đến {format_date(date.fromisoformat(planned))}" if planned else "",
                f"({ev.reason})" if ev.reason else "",
            ]
            open_[ev.kind] = period
            periods.append(period)
        elif ev.kind in ("exemption_end", "away_end"):
            period = open_.pop("exemption_start" if ev.kind == "exemption_end" else "away_start", [])
            if period:
                period[1] = f"đến {when}"
        elif ev.kind == "transfer_out" and ev.temporary:
            open_["temp_out"] = [
                f"Chuyển sinh hoạt tạm thời đến {ev.other_organisation or '?'} từ {when}",
                "",
                "",
            ]
            periods.append(open_["temp_out"])
        elif ev.kind == "transfer_in" and ev.temporary:
            open_["temp_in"] = [
                f"Sinh hoạt tạm thời, chuyển đến từ {ev.other_organisation or '?'} {when}",
                "",
                "",
            ]
            periods.append(open_["temp_in"])
        elif ev.kind == "temp_transfer_end":
            if "temp_out" in open_:
                open_.pop("temp_out")[1] = f"trở về sinh hoạt tại đảng bộ {when}"
            elif "temp_in" in open_:
                open_.pop("temp_in")[1] = f"đã trở về đơn vị cũ {when}"
    return head + [
        ", ".join(part for part in period[:2] if part) + (f" {period[2]}" if period[2] else "")
        for period in periods
    ]


# ---------------------------------------------------------------- attention lists


def next_award_day(session: Session, on: date) -> date:
    """The next badge presentation day (3/2, 19/5, 2/9, 7/11 by default) on or after `on`."""
    days: list[str] = rule(session, "badge.award_days", on)
    candidates = []
    for year in (on.year, on.year + 1):
        for text in days:
            day, month = (int(x) for x in text.split("-"))
            candidates.append(date(year, month, day))
    return min(d for d in candidates if d >= on)


@dataclass(frozen=True)
class BadgeDue:
    member_id: str
    name: str
    cell_name: str
    years: int
    eligible_on: date
    award_day: date
    early: bool  # eligible only under the early-award rule (serious illness)


def badges_due(session: Session, on: date | None = None) -> list[BadgeDue]:
    """Members reaching a badge level by the next award day, and those within the early-award window
    (12 months for 30–65 years, 24 months for 70–90), who have not received that badge yet."""
    require(session, Permission.VIEW_REGISTER)
    on = on or today()
    award_day = next_award_day(session, on)
    levels: list[int] = rule(session, "badge.years", on)
    early_rule: dict[str, int] = rule(session, "badge.early_months", on)
    latest_start = add_months(award_day, -12 * min(levels) + 24)
    candidates = session.execute(
        select(Member.id, Member.family_name, Member.middle_name, Member.given_name, Cell.name)
        .outerjoin(Cell, Cell.id == Member.cell_id)
        .where(
            ~Member.deleted,
            Member.counted,
            Member.status.in_(ACTIVE_STATUSES),
            Member.admission_decision_date <= latest_start,
            Member.owner_unit_id == own_unit_id(session),
        )
    ).all()
    events = _events_by_member(session, [c[0] for c in candidates])
    rules = rule_book(session)
    out: list[BadgeDue] = []
    for mid, family, middle, given, cell_name in candidates:
        state = fold_events(events[mid], rules)
        if state.first_decision is None:
            continue
        awarded = {
            json.loads(e.detail or "{}").get("years") for e in events[mid] if e.kind == "badge_awarded"
        }
        delay = timedelta(days=state.interrupted_days)
        name = " ".join(p for p in (family, middle, given) if p)
        eligible = {years: add_months(state.first_decision, 12 * years) + delay for years in levels}
        reached = [years for years in levels if eligible[years] <= award_day]
        if reached and max(reached) not in awarded:
            top = max(reached)
            out.append(BadgeDue(mid, name, cell_name or "", top, eligible[top], award_day, False))
            continue
        upcoming = [years for years in levels if eligible[years] > award_day and years not in awarded]
        if upcoming:
            years = min(upcoming)
            early_months = early_rule["70-90"] if years >= 70 else early_rule["30-65"]
            if add_months(eligible[years], -early_months) <= award_day:
                out.append(BadgeDue(mid, name, cell_name or "", years, eligible[years], award_day, True))
    out.sort(key=lambda b: (b.early, b.eligible_on))
    return out


def _events_by_member(session: Session, ids: list[str]) -> dict[str, list[MemberEvent]]:
    events: dict[str, list[MemberEvent]] = defaultdict(list)
    for start in range(0, len(ids), 900):
        for ev in session.scalars(
            select(MemberEvent).where(
                MemberEvent.member_id.in_(ids[start : start + 900]), ~MemberEvent.deleted
            )
        ):
            events[ev.member_id].append(ev)
    return events


@dataclass(frozen=True)
class ExpiredLeave:
    member_id: str
    name: str
    cell_name: str
    status: str  # exempted / away
    since: date
    until: date


def expired_leaves(session: Session, on: date | None = None) -> list[ExpiredLeave]:
    """Members exempted or away whose planned end date has passed (time to end it or extend it)."""
    require(session, Permission.VIEW_REGISTER)
    on = on or today()
    rows = session.execute(
        select(Member.id, Member.family_name, Member.middle_name, Member.given_name, Cell.name, Member.status)
        .outerjoin(Cell, Cell.id == Member.cell_id)
        .where(
            ~Member.deleted,
            Member.status.in_(("exempted", "away")),
            Member.owner_unit_id == own_unit_id(session),
        )
    ).all()
    events = _events_by_member(session, [r[0] for r in rows])
    out: list[ExpiredLeave] = []
    for mid, family, middle, given, cell_name, status in rows:
        kind = "exemption_start" if status == "exempted" else "away_start"
        starts = sorted((e for e in events[mid] if e.kind == kind), key=lambda e: (e.event_date, e.seq))
        if not starts:
            continue
        until_text = json.loads(starts[-1].detail or "{}").get("until")
        if until_text and date.fromisoformat(until_text) < on:
            name = " ".join(p for p in (family, middle, given) if p)
            out.append(
                ExpiredLeave(
                    mid, name, cell_name or "", status, starts[-1].event_date, date.fromisoformat(until_text)
                )
            )
    out.sort(key=lambda e: e.until)
    return out


@dataclass(frozen=True)
class Completeness:
    total: int
    missing_cccd: int
    missing_card: int

    @property
    def cccd_pct(self) -> float:
        return 100.0 * (self.total - self.missing_cccd) / self.total if self.total else 100.0

    @property
    def card_pct(self) -> float:
        return 100.0 * (self.total - self.missing_card) / self.total if self.total else 100.0


def completeness(session: Session) -> Completeness:
    """How many counted members lack a CCCD or a Party card number (the province tracks it)."""
    require(session, Permission.VIEW_REGISTER)
    row = session.execute(
        select(
            func.count(Member.id),
            func.sum(case((or_(Member.cccd.is_(None), Member.cccd == ""), 1), else_=0)),
            func.sum(case((or_(Member.party_card_no.is_(None), Member.party_card_no == ""), 1), else_=0)),
        ).where(
            ~Member.deleted,
            Member.counted,
            Member.status.in_(ACTIVE_STATUSES),
            Member.owner_unit_id == own_unit_id(session),
        )
    ).one()
    return Completeness(int(row[0] or 0), int(row[1] or 0), int(row[2] or 0))


def missing_identity(session: Session, limit: int = 500) -> list[str]:
    """Ids of counted members without a CCCD or a card number, in name order."""
    require(session, Permission.VIEW_REGISTER)
    return list(
        session.scalars(
            select(Member.id)
            .where(
                ~Member.deleted,
                Member.counted,
                Member.status.in_(ACTIVE_STATUSES),
                or_(
                    Member.cccd.is_(None),
                    Member.cccd == "",
                    Member.party_card_no.is_(None),
                    Member.party_card_no == "",
                ),
            )
            .order_by(Member.sort_key)
            .limit(limit)
        )
    )
