"""Cell meetings: recording, attendance arithmetic, numbering, and the rules of Hướng dẫn 42-HD/BTCTW
(minimum duration, thematic meetings per quarter, attendance threshold, quality rubric), all read
from the rule table so a province can change them."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models import audit, txcache
from models.base import stable_id
from models.dates import format_date, month_key, today
from models.entities import Cell, Member, MemberEvent, RuleValue, Unit
from models.entities_meetings import AgendaItem, Meeting, MeetingAttendance, MeetingTask, MeetingVote
from models.errors import RuleViolation, ValidationError
from models.i18n import QT_TRANSLATE_NOOP, translate
from models.rules import rule, rule_book
from models.security import Permission, require
from models.services.common import check_revision, get_live, own_unit_id, snapshot
from models.services.membership import fold_events
from models.text import clean, clean_multiline

CTX = "meetings"

KINDS = {
    "regular": QT_TRANSLATE_NOOP("meetings", "Sinh hoạt định kỳ"),
    "thematic": QT_TRANSLATE_NOOP("meetings", "Sinh hoạt chuyên đề"),
    "extraordinary": QT_TRANSLATE_NOOP("meetings", "Sinh hoạt bất thường"),
    "congress": QT_TRANSLATE_NOOP("meetings", "Đại hội chi bộ"),
}
ATTENDANCE = {
    "present": QT_TRANSLATE_NOOP("meetings", "Có mặt"),
    "absent_excused": QT_TRANSLATE_NOOP("meetings", "Vắng có lý do"),
    "absent_unexcused": QT_TRANSLATE_NOOP("meetings", "Vắng không lý do"),
    "exempted": QT_TRANSLATE_NOOP("meetings", "Miễn sinh hoạt"),
    "away": QT_TRANSLATE_NOOP("meetings", "Đi làm ăn xa"),
}
QUALITY = {
    "tot": QT_TRANSLATE_NOOP("meetings", "Tốt"),
    "kha": QT_TRANSLATE_NOOP("meetings", "Khá"),
    "trung_binh": QT_TRANSLATE_NOOP("meetings", "Trung bình"),
    "kem": QT_TRANSLATE_NOOP("meetings", "Kém"),
}
VOTE_METHODS = {
    "hands": QT_TRANSLATE_NOOP("meetings", "Biểu quyết giơ tay"),
    "ballot": QT_TRANSLATE_NOOP("meetings", "Bỏ phiếu kín"),
}


@dataclass(frozen=True)
class VoteRule:
    label: str
    fraction: Fraction
    basis: str  # "present_official" or "all_official"
    strict: bool  # True: more than the fraction; False: at least the fraction


VOTE_RULES = {
    "resolution": VoteRule(
        QT_TRANSLATE_NOOP("meetings", "Thông qua nghị quyết"), Fraction(1, 2), "present_official", True
    ),
    "admission": VoteRule(
        QT_TRANSLATE_NOOP("meetings", "Đề nghị kết nạp đảng viên"), Fraction(2, 3), "all_official", False
    ),
    "recognition": VoteRule(
        QT_TRANSLATE_NOOP("meetings", "Đề nghị công nhận đảng viên chính thức"),
        Fraction(2, 3),
        "all_official",
        False,
    ),
    "discipline": VoteRule(
        QT_TRANSLATE_NOOP("meetings", "Kỷ luật khiển trách, cảnh cáo, cách chức"),
        Fraction(1, 2),
        "all_official",
        True,
    ),
    "expulsion": VoteRule(
        QT_TRANSLATE_NOOP("meetings", "Đề nghị khai trừ"), Fraction(2, 3), "all_official", False
    ),
}
ABSENT_COUNTED = ("present", "absent_excused", "absent_unexcused")


def _err(field_name: str, text: str, **params: Any) -> ValidationError:
    return ValidationError(field_name, text, context=CTX, **params)


# ---------------------------------------------------------------- commands


@dataclass(frozen=True)
class Speech:
    speaker: str
    text: str
    member_id: str | None = None


@dataclass(frozen=True)
class AgendaInput:
    title: str
    presenter: str = ""
    content: str = ""
    speeches: tuple[Speech, ...] = ()
    conclusion: str = ""
    personnel_kind: str = ""
    personnel_ref: str = ""


@dataclass(frozen=True)
class TaskInput:
    text: str
    assignee: str = ""
    due_date: date | None = None


@dataclass(frozen=True)
class VoteInput:
    subject: str
    votes_for: int
    votes_against: int = 0
    votes_abstain: int = 0
    method: str = "hands"
    rule: str = "resolution"


@dataclass(frozen=True)
class Guest:
    name: str
    role: str = ""
    assigned: bool = False  # the committee member assigned to follow this cell


@dataclass(frozen=True)
class MeetingInput:
    cell_id: str
    kind: str
    month: str  # "YYYY-MM"
    held_date: date | None = None  # None: planned only
    planned_date: date | None = None
    start_time: str = ""
    end_time: str = ""
    place: str = ""
    chair_member_id: str | None = None
    chair_name: str = ""
    secretary_member_id: str | None = None
    secretary_name: str = ""
    guests: tuple[Guest, ...] = ()
    attendance: dict[str, tuple[str, str]] = field(default_factory=dict)  # member_id -> (status, reason)
    agenda: tuple[AgendaInput, ...] = ()
    tasks: tuple[TaskInput, ...] = ()
    votes: tuple[VoteInput, ...] = ()
    thematic_topic: str = ""
    thematic_presenter: str = ""
    combined_thematic: bool = False
    conclusion: str = ""
    quality_score: int | None = None
    quality_rating: str = ""  # derived from the score when a score is given
    prep_committee_met: bool = False
    prep_members_notified: bool = False
    read_back: bool = True
    note: str = ""


@dataclass(frozen=True)
class SavedMeeting:
    id: str
    number: int | None
    warnings: tuple[str, ...]


# ---------------------------------------------------------------- roster and arithmetic


@dataclass(frozen=True)
class RosterEntry:
    member_id: str
    name: str
    sort_key: str
    membership: str  # probationary / official
    activity: str  # active / exempted / away


def roster(session: Session, cell_id: str, on: date, skip: frozenset[str] = frozenset()) -> list[RosterEntry]:
    """Members of the cell counted on `on`, with their membership and activity on that day; the
    members in `skip` are left out without replaying their history (a caller that already knows it
    does not need them).

    The cell's members and their events are read once per transaction (models.txcache): a dues
    month, a year of meetings or a rating round asks for the same cell on many dates."""
    return list(
        txcache.cached(
            session, "roster", (cell_id, on, skip), _ROSTER_DEPS, lambda: _roster(session, cell_id, on, skip)
        )
    )


_ROSTER_DEPS = frozenset({Member, MemberEvent, RuleValue})


def _cell_histories(
    session: Session, cell_id: str
) -> tuple[list[tuple[str, str, str, str, str]], dict[str, list[MemberEvent]]]:
    def load() -> tuple[list[tuple[str, str, str, str, str]], dict[str, list[MemberEvent]]]:
        members = [
            (row[0], row[1], row[2], row[3], row[4])
            for row in session.execute(
                select(
                    Member.id, Member.family_name, Member.middle_name, Member.given_name, Member.sort_key
                ).where(Member.cell_id == cell_id, ~Member.deleted)
            )
        ]
        events: dict[str, list[MemberEvent]] = defaultdict(list)
        ids = [m[0] for m in members]
        for start in range(0, len(ids), 500):
            for ev in session.scalars(
                select(MemberEvent).where(MemberEvent.member_id.in_(ids[start : start + 500]))
            ):
                events[ev.member_id].append(ev)
        return members, events

    return txcache.cached(session, "roster.cell", cell_id, _ROSTER_DEPS, load)


def _roster(session: Session, cell_id: str, on: date, skip: frozenset[str]) -> tuple[RosterEntry, ...]:
    members, events = _cell_histories(session, cell_id)
    rules = rule_book(session)
    out: list[RosterEntry] = []
    for mid, family, middle, given, sort_key in members:
        if mid in skip:
            continue
        state = fold_events(events.get(mid, []), rules, as_of=on)
        if not state.counted or state.ended:
            continue
        name = " ".join(p for p in (family, middle, given) if p)
        out.append(RosterEntry(mid, name, sort_key, state.membership or "probationary", state.activity))
    out.sort(key=lambda r: r.sort_key)
    return tuple(out)


@dataclass(frozen=True)
class AttendanceSummary:
    total: int
    official: int
    probationary: int
    exempted: int
    away: int
    expected: int  # total less exempted and away
    present: int
    absent_excused: int
    absent_unexcused: int

    @property
    def rate(self) -> float:
        """Share of the expected members present (exempted and away members are not counted)."""
        return self.present / self.expected if self.expected else 1.0


def summarise(statuses: list[tuple[str, str]]) -> AttendanceSummary:
    """From (membership, attendance status) pairs."""
    count: defaultdict[str, int] = defaultdict(int)
    for membership, status in statuses:
        count[membership] += 1
        count[status] += 1
    total = len(statuses)
    expected = total - count["exempted"] - count["away"]
    return AttendanceSummary(
        total,
        count["official"],
        count["probationary"],
        count["exempted"],
        count["away"],
        expected,
        count["present"],
        count["absent_excused"],
        count["absent_unexcused"],
    )


@dataclass(frozen=True)
class VoteOutcome:
    passed: bool
    required: int
    basis_count: int


def vote_outcome(rule_key: str, votes_for: int, official_total: int, official_present: int) -> VoteOutcome:
    """Whether a vote carries, computed against official members (all, or those present)."""
    vote_rule = VOTE_RULES[rule_key]
    basis = official_total if vote_rule.basis == "all_official" else official_present
    threshold = vote_rule.fraction * basis
    if vote_rule.strict:
        required = int(threshold) + 1
    else:
        required = int(threshold) if threshold == int(threshold) else int(threshold) + 1
    return VoteOutcome(votes_for >= required and basis > 0, required, basis)


def quality_from_score(session: Session, score: int, on: date) -> str:
    thresholds: dict[str, int] = rule(session, "meeting.quality_thresholds", on)
    if score >= thresholds["tot"]:
        return "tot"
    if score >= thresholds["kha"]:
        return "kha"
    if score >= thresholds["trung_binh"]:
        return "trung_binh"
    return "kem"


def _minutes(text: str) -> int | None:
    try:
        hours, minutes = text.split(":")
        value = int(hours) * 60 + int(minutes)
    except ValueError:
        return None
    return value if 0 <= int(hours) < 24 and 0 <= int(minutes) < 60 else None


def duration_minutes(start: str, end: str) -> int | None:
    begin, finish = _minutes(start), _minutes(end)
    if begin is None or finish is None:
        return None
    return finish - begin if finish >= begin else finish + 24 * 60 - begin


def meeting_checks(
    session: Session, kind: str, combined: bool, held: date, start: str, end: str, summary: AttendanceSummary
) -> list[str]:
    """Warnings from the configurable rules: duration, attendance threshold, unexcused absences."""
    warnings: list[str] = []
    minutes = duration_minutes(start, end)
    key = "meeting.min_minutes_combined" if combined else "meeting.min_minutes"
    minimum = int(rule(session, key, held))
    if minutes is not None and kind in ("regular", "thematic") and minutes < minimum:
        warnings.append(
            translate(
                CTX,
                QT_TRANSLATE_NOOP(
                    "meetings", "Buổi sinh hoạt kéo dài {minutes} phút, ít hơn {minimum} phút theo quy định."
                ),
            ).format(minutes=minutes, minimum=minimum)
        )
    threshold = float(rule(session, "meeting.attendance_threshold_pct", held))
    if summary.expected and summary.rate * 100 < threshold:
        warnings.append(
            translate(
                CTX, QT_TRANSLATE_NOOP("meetings", "Tỷ lệ dự họp {rate}% thấp hơn {threshold}%.")
            ).format(rate=f"{summary.rate * 100:.1f}".replace(".", ","), threshold=f"{threshold:g}")
        )
    if summary.absent_unexcused:
        warnings.append(
            translate(CTX, QT_TRANSLATE_NOOP("meetings", "Có {n} đảng viên vắng không lý do.")).format(
                n=summary.absent_unexcused
            )
        )
    return warnings


# ---------------------------------------------------------------- saving


def _term_key(session: Session, cell: Cell, held: date) -> str:
    if cell.term_start and cell.term_start <= held:
        return cell.term_start.isoformat()
    unit = session.get(Unit, cell.owner_unit_id)
    if unit is not None and unit.term_start and unit.term_start <= held:
        return unit.term_start.isoformat()
    return f"{held.year}-01-01"


def next_number(session: Session, cell_id: str, term_key: str) -> int:
    current = session.scalar(
        select(func.max(Meeting.number)).where(
            Meeting.cell_id == cell_id, Meeting.term_key == term_key, ~Meeting.deleted
        )
    )
    return int(current or 0) + 1


def _validate(session: Session, cmd: MeetingInput) -> tuple[Cell, str]:
    errors: dict[str, str] = {}

    def add(name: str, text: str, **params: Any) -> None:
        errors.setdefault(name, _err(name, text, **params).text())

    cell = get_live(session, Cell, cmd.cell_id, QT_TRANSLATE_NOOP("meetings", "chi bộ"))
    if cmd.kind not in KINDS:
        add("kind", QT_TRANSLATE_NOOP("meetings", "Hãy chọn loại buổi sinh hoạt."))
    month = clean(cmd.month)
    if (
        len(month) != 7
        or month[4] != "-"
        or not (month[:4] + month[5:]).isdigit()
        or not 1 <= int(month[5:]) <= 12
    ):
        add("month", QT_TRANSLATE_NOOP("meetings", "Tháng sinh hoạt ghi dạng tháng/năm, ví dụ 03/2026."))
    if cmd.held_date is None and cmd.planned_date is None:
        add("held_date", QT_TRANSLATE_NOOP("meetings", "Hãy nhập ngày sinh hoạt (hoặc ngày dự kiến)."))
    if cmd.held_date is not None:
        if cmd.held_date > today():
            add(
                "held_date",
                QT_TRANSLATE_NOOP("meetings", "Ngày sinh hoạt ở tương lai; hãy ghi là ngày dự kiến."),
            )
        for name, value in (("start_time", cmd.start_time), ("end_time", cmd.end_time)):
            if _minutes(value) is None:
                add(name, QT_TRANSLATE_NOOP("meetings", "Giờ ghi dạng giờ:phút, ví dụ 19:30."))
        if not (clean(cmd.chair_name) or cmd.chair_member_id):
            add("chair_name", QT_TRANSLATE_NOOP("meetings", "Hãy ghi người chủ trì."))
        if not (clean(cmd.secretary_name) or cmd.secretary_member_id):
            add("secretary_name", QT_TRANSLATE_NOOP("meetings", "Hãy ghi thư ký ghi biên bản."))
        if cmd.held_date is not None and cell.valid_from and cmd.held_date < cell.valid_from:
            add("held_date", QT_TRANSLATE_NOOP("meetings", "Ngày sinh hoạt trước ngày thành lập chi bộ."))
    if cmd.kind == "thematic" and not clean(cmd.thematic_topic):
        add("thematic_topic", QT_TRANSLATE_NOOP("meetings", "Hãy ghi chuyên đề sinh hoạt."))
    if cmd.quality_score is not None and not 0 <= cmd.quality_score <= 100:
        add("quality_score", QT_TRANSLATE_NOOP("meetings", "Điểm chất lượng từ 0 đến 100."))
    if cmd.quality_rating and cmd.quality_rating not in QUALITY:
        add("quality_rating", QT_TRANSLATE_NOOP("meetings", "Hãy chọn mức Tốt, Khá, Trung bình hoặc Kém."))
    for status, reason in cmd.attendance.values():
        if status not in ATTENDANCE:
            add("attendance", QT_TRANSLATE_NOOP("meetings", "Tình trạng dự họp không hợp lệ."))
        elif status == "absent_excused" and not clean(reason):
            add("attendance", QT_TRANSLATE_NOOP("meetings", "Hãy ghi lý do cho người vắng có lý do."))
    for i, vote in enumerate(cmd.votes, start=1):
        if vote.rule not in VOTE_RULES or vote.method not in VOTE_METHODS:
            add(
                "votes",
                QT_TRANSLATE_NOOP("meetings", "Biểu quyết số {n}: hãy chọn nội dung và hình thức."),
                n=i,
            )
        elif min(vote.votes_for, vote.votes_against, vote.votes_abstain) < 0:
            add("votes", QT_TRANSLATE_NOOP("meetings", "Biểu quyết số {n}: số phiếu không được âm."), n=i)
    for i, item in enumerate(cmd.agenda, start=1):
        if not clean(item.title):
            add("agenda", QT_TRANSLATE_NOOP("meetings", "Nội dung số {n} chưa có tiêu đề."), n=i)
    if errors:
        raise ValidationError.many(errors)
    if cell.status != "active" and (
        cmd.held_date is None or (cell.valid_to and cmd.held_date > cell.valid_to)
    ):
        raise RuleViolation(
            QT_TRANSLATE_NOOP("meetings", "Chi bộ {name} đã sáp nhập hoặc giải thể."),
            context=CTX,
            name=cell.name,
        )
    return cell, month


def _member_name(session: Session, member_id: str | None) -> str:
    if not member_id:
        return ""
    row = session.execute(
        select(Member.family_name, Member.middle_name, Member.given_name).where(Member.id == member_id)
    ).first()
    return " ".join(p for p in row if p) if row else ""


_CHILD_COLLECTIONS: dict[type[Any], tuple[str, str]] = {
    # model -> (name in the derived id, the column that places a row in its meeting)
    MeetingAttendance: ("attendance", "member_id"),
    AgendaItem: ("agenda", "seq"),
    MeetingTask: ("tasks", "seq"),
    MeetingVote: ("votes", "seq"),
}
ChildRow = MeetingAttendance | AgendaItem | MeetingTask | MeetingVote


class _Children:
    """A meeting's child rows, edited by difference: `put` updates the row in that place (bringing a
    tombstoned one back) or adds one under an id derived from the meeting and the place;
    `retire_the_rest` gives every row not put a tombstone. Unchanged rows are not written at all."""

    def __init__(self, session: Session, meeting: Meeting) -> None:
        self.session, self.meeting = session, meeting
        self.held: dict[tuple[type[Any], Any], ChildRow] = {}
        self.kept: set[tuple[type[Any], Any]] = set()
        for model, (_, place) in _CHILD_COLLECTIONS.items():
            for row in session.scalars(select(model).where(model.meeting_id == meeting.id)):
                self.held[(model, getattr(row, place))] = row

    def put(self, model: type[ChildRow], key: Any, **values: Any) -> None:
        row = self.held.get((model, key))
        if row is None:
            collection = _CHILD_COLLECTIONS[model][0]
            row = model(
                id=stable_id(self.meeting.id, collection, key),
                owner_unit_id=self.meeting.owner_unit_id,
                meeting_id=self.meeting.id,
            )
            self.session.add(row)
            self.held[(model, key)] = row
        for name, value in {**values, "deleted": False}.items():
            if getattr(row, name) != value:
                setattr(row, name, value)
        self.kept.add((model, key))

    def retire_the_rest(self) -> None:
        for place, row in self.held.items():
            if place not in self.kept and not row.deleted:
                row.deleted = True


def save_meeting(
    session: Session, cmd: MeetingInput, meeting_id: str | None = None, expected_revision: int | None = None
) -> SavedMeeting:
    """Create or replace a meeting with its attendance, agenda, tasks and votes (one transaction).
    A held meeting gets the next number "Số NN-BB/CB" in its cell and term; numbers never repeat."""
    require(session, Permission.EDIT_MEETINGS)
    cell, month = _validate(session, cmd)
    if meeting_id is None:
        meeting = Meeting(owner_unit_id=own_unit_id(session), cell_id=cell.id, month=month)
        session.add(meeting)
        before: dict[str, Any] | None = None
    else:
        meeting = get_live(session, Meeting, meeting_id, QT_TRANSLATE_NOOP("meetings", "buổi sinh hoạt"))
        check_revision(meeting, expected_revision)
        before = snapshot(meeting)
        if meeting.cell_id != cell.id and meeting.number is not None:
            raise RuleViolation(
                QT_TRANSLATE_NOOP("meetings", "Không chuyển biên bản đã đánh số sang chi bộ khác."),
                context=CTX,
            )
    meeting.cell_id, meeting.kind, meeting.month = cell.id, cmd.kind, month
    meeting.combined_thematic = cmd.combined_thematic
    meeting.planned_date, meeting.held_date = cmd.planned_date, cmd.held_date
    meeting.start_time, meeting.end_time, meeting.place = (
        clean(cmd.start_time),
        clean(cmd.end_time),
        clean(cmd.place),
    )
    meeting.chair_member_id, meeting.secretary_member_id = cmd.chair_member_id, cmd.secretary_member_id
    meeting.chair_name = clean(cmd.chair_name) or _member_name(session, cmd.chair_member_id)
    meeting.secretary_name = clean(cmd.secretary_name) or _member_name(session, cmd.secretary_member_id)
    guests = [
        {"name": clean(g.name), "role": clean(g.role), "assigned": g.assigned}
        for g in cmd.guests
        if clean(g.name)
    ]
    meeting.guests = json.dumps(guests, ensure_ascii=False)
    meeting.assigned_member_attended = any(g["assigned"] for g in guests)
    meeting.thematic_topic, meeting.thematic_presenter = (
        clean_multiline(cmd.thematic_topic),
        clean(cmd.thematic_presenter),
    )
    meeting.conclusion, meeting.note = clean_multiline(cmd.conclusion), clean_multiline(cmd.note)
    meeting.prep_committee_met, meeting.prep_members_notified = (
        cmd.prep_committee_met,
        cmd.prep_members_notified,
    )
    meeting.read_back = cmd.read_back
    meeting.quality_score = cmd.quality_score
    on = cmd.held_date or cmd.planned_date or today()
    meeting.quality_rating = (
        quality_from_score(session, cmd.quality_score, on)
        if cmd.quality_score is not None
        else cmd.quality_rating
    )
    meeting.status = "held" if cmd.held_date else "planned"
    session.flush()

    # The children are edited by difference under stable ids (attendance by member, the others by
    # position): a correction changes the rows already sent, a dropped row becomes a tombstone, and
    # the upper level never receives a second copy of a row.
    children = _Children(session, meeting)
    warnings: list[str] = []
    if cmd.held_date is not None:
        entries = roster(session, cell.id, cmd.held_date)
        known = {e.member_id for e in entries}
        unknown = set(cmd.attendance) - known
        if unknown:
            raise ValidationError(
                "attendance",
                QT_TRANSLATE_NOOP(
                    "meetings",
                    "Có {n} người trong danh sách điểm danh không sinh hoạt ở chi bộ vào ngày họp.",
                ),
                context=CTX,
                n=len(unknown),
            )
        pairs: list[tuple[str, str]] = []
        for entry in entries:
            status, reason = cmd.attendance.get(entry.member_id, ("present", ""))
            if entry.activity in ("exempted", "away") and status in ABSENT_COUNTED[1:]:
                status = entry.activity  # not counted against attendance
            elif entry.activity in ("exempted", "away") and entry.member_id not in cmd.attendance:
                status = entry.activity
            children.put(
                MeetingAttendance,
                entry.member_id,
                member_id=entry.member_id,
                status=status,
                membership=entry.membership,
                reason=clean(reason),
            )
            pairs.append((entry.membership, status))
        summary = summarise(pairs)
        warnings = meeting_checks(
            session, cmd.kind, cmd.combined_thematic, cmd.held_date, cmd.start_time, cmd.end_time, summary
        )
        if meeting.number is None:
            meeting.term_key = _term_key(session, cell, cmd.held_date)
            meeting.number = next_number(session, cell.id, meeting.term_key)
    for seq, item in enumerate(cmd.agenda, start=1):
        speeches = [
            {
                "speaker": clean(sp.speaker) or _member_name(session, sp.member_id),
                "member_id": sp.member_id or "",
                "text": clean_multiline(sp.text),
            }
            for sp in item.speeches
        ]
        children.put(
            AgendaItem,
            seq,
            seq=seq,
            title=clean(item.title),
            presenter=clean(item.presenter),
            content=clean_multiline(item.content),
            conclusion=clean_multiline(item.conclusion),
            speeches=json.dumps(speeches, ensure_ascii=False),
            personnel_kind=item.personnel_kind,
            personnel_ref=item.personnel_ref,
        )
    for seq, task in enumerate(cmd.tasks, start=1):
        children.put(
            MeetingTask,
            seq,
            seq=seq,
            text=clean_multiline(task.text),
            assignee=clean(task.assignee),
            due_date=task.due_date,
        )
    for seq, vote in enumerate(cmd.votes, start=1):
        children.put(
            MeetingVote,
            seq,
            seq=seq,
            subject=clean(vote.subject),
            rule=vote.rule,
            votes_for=vote.votes_for,
            votes_against=vote.votes_against,
            votes_abstain=vote.votes_abstain,
            method=vote.method,
        )
    children.retire_the_rest()
    session.flush()
    audit.record(
        session,
        "create" if before is None else "update",
        "meeting",
        meeting.id,
        before=before,
        after=snapshot(meeting),
    )
    return SavedMeeting(meeting.id, meeting.number, tuple(warnings))


def delete_meeting(session: Session, meeting_id: str) -> None:
    """Only a planned meeting, or the last numbered one of its term, can be deleted (no gaps)."""
    require(session, Permission.EDIT_MEETINGS)
    meeting = get_live(session, Meeting, meeting_id, QT_TRANSLATE_NOOP("meetings", "buổi sinh hoạt"))
    if (
        meeting.number is not None
        and meeting.number != next_number(session, meeting.cell_id, meeting.term_key) - 1
    ):
        raise RuleViolation(
            QT_TRANSLATE_NOOP(
                "meetings",
                "Chỉ xóa được biên bản có số cuối cùng của nhiệm kỳ, để số biên bản không bị cách quãng. Hãy sửa nội dung thay vì xóa.",
            ),
            context=CTX,
        )
    before = snapshot(meeting)
    meeting.deleted, meeting.number = True, None
    audit.record(session, "delete", "meeting", meeting.id, before=before, after=snapshot(meeting))


# ---------------------------------------------------------------- reads


@dataclass(frozen=True)
class AttendanceView:
    member_id: str
    name: str
    membership: str
    status: str
    reason: str


@dataclass(frozen=True)
class AgendaView:
    seq: int
    title: str
    presenter: str
    content: str
    speeches: tuple[Speech, ...]
    conclusion: str
    personnel_kind: str
    personnel_ref: str


@dataclass(frozen=True)
class VoteView:
    subject: str
    rule: str
    votes_for: int
    votes_against: int
    votes_abstain: int
    method: str
    outcome: VoteOutcome


@dataclass(frozen=True)
class MeetingView:
    id: str
    cell_id: str
    cell_name: str
    cell_symbol: str
    kind: str
    combined_thematic: bool
    status: str
    month: str
    planned_date: date | None
    held_date: date | None
    start_time: str
    end_time: str
    place: str
    chair_name: str
    chair_member_id: str | None
    secretary_name: str
    secretary_member_id: str | None
    guests: tuple[Guest, ...]
    attendance: tuple[AttendanceView, ...]
    summary: AttendanceSummary
    agenda: tuple[AgendaView, ...]
    tasks: tuple[TaskInput, ...]
    votes: tuple[VoteView, ...]
    thematic_topic: str
    thematic_presenter: str
    conclusion: str
    quality_rating: str
    quality_score: int | None
    prep_committee_met: bool
    prep_members_notified: bool
    read_back: bool
    number: int | None
    note: str
    revision: int
    warnings: tuple[str, ...]

    def to_input(self) -> MeetingInput:
        """The command that would save this meeting again (for editing and copying)."""
        return MeetingInput(
            cell_id=self.cell_id,
            kind=self.kind,
            month=self.month,
            held_date=self.held_date,
            planned_date=self.planned_date,
            start_time=self.start_time,
            end_time=self.end_time,
            place=self.place,
            chair_member_id=self.chair_member_id,
            chair_name=self.chair_name,
            secretary_member_id=self.secretary_member_id,
            secretary_name=self.secretary_name,
            guests=self.guests,
            attendance={
                a.member_id: (a.status, a.reason)
                for a in self.attendance
                if a.status not in ("exempted", "away")
            },
            agenda=tuple(
                AgendaInput(
                    a.title,
                    a.presenter,
                    a.content,
                    a.speeches,
                    a.conclusion,
                    a.personnel_kind,
                    a.personnel_ref,
                )
                for a in self.agenda
            ),
            tasks=self.tasks,
            votes=tuple(
                VoteInput(v.subject, v.votes_for, v.votes_against, v.votes_abstain, v.method, v.rule)
                for v in self.votes
            ),
            thematic_topic=self.thematic_topic,
            thematic_presenter=self.thematic_presenter,
            combined_thematic=self.combined_thematic,
            conclusion=self.conclusion,
            quality_score=self.quality_score,
            quality_rating=self.quality_rating,
            prep_committee_met=self.prep_committee_met,
            prep_members_notified=self.prep_members_notified,
            read_back=self.read_back,
            note=self.note,
        )


def get_meeting(session: Session, meeting_id: str) -> MeetingView:
    require(session, Permission.VIEW_REGISTER)
    m = get_live(session, Meeting, meeting_id, QT_TRANSLATE_NOOP("meetings", "buổi sinh hoạt"))
    cell = session.get(Cell, m.cell_id)
    assert cell is not None
    attendance = tuple(
        AttendanceView(a.member_id, " ".join(p for p in (f, mid, g) if p), a.membership, a.status, a.reason)
        for a, f, mid, g in session.execute(
            select(MeetingAttendance, Member.family_name, Member.middle_name, Member.given_name)
            .join(Member, Member.id == MeetingAttendance.member_id)
            .where(MeetingAttendance.meeting_id == m.id, ~MeetingAttendance.deleted)
            .order_by(Member.sort_key)
        )
    )
    summary = summarise([(a.membership, a.status) for a in attendance])
    official_present = sum(1 for a in attendance if a.membership == "official" and a.status == "present")
    agenda = tuple(
        AgendaView(
            a.seq,
            a.title,
            a.presenter,
            a.content,
            tuple(
                Speech(s["speaker"], s["text"], s.get("member_id") or None)
                for s in json.loads(a.speeches or "[]")
            ),
            a.conclusion,
            a.personnel_kind,
            a.personnel_ref,
        )
        for a in session.scalars(
            select(AgendaItem)
            .where(AgendaItem.meeting_id == m.id, ~AgendaItem.deleted)
            .order_by(AgendaItem.seq)
        )
    )
    tasks = tuple(
        TaskInput(t.text, t.assignee, t.due_date)
        for t in session.scalars(
            select(MeetingTask)
            .where(MeetingTask.meeting_id == m.id, ~MeetingTask.deleted)
            .order_by(MeetingTask.seq)
        )
    )
    votes = tuple(
        VoteView(
            v.subject,
            v.rule,
            v.votes_for,
            v.votes_against,
            v.votes_abstain,
            v.method,
            vote_outcome(v.rule, v.votes_for, summary.official, official_present),
        )
        for v in session.scalars(
            select(MeetingVote)
            .where(MeetingVote.meeting_id == m.id, ~MeetingVote.deleted)
            .order_by(MeetingVote.seq)
        )
    )
    guests = tuple(
        Guest(g["name"], g.get("role", ""), bool(g.get("assigned"))) for g in json.loads(m.guests or "[]")
    )
    warnings: tuple[str, ...] = ()
    if m.held_date is not None:
        warnings = tuple(
            meeting_checks(
                session, m.kind, m.combined_thematic, m.held_date, m.start_time, m.end_time, summary
            )
        )
    return MeetingView(
        m.id,
        cell.id,
        cell.name,
        cell.symbol,
        m.kind,
        m.combined_thematic,
        m.status,
        m.month,
        m.planned_date,
        m.held_date,
        m.start_time,
        m.end_time,
        m.place,
        m.chair_name,
        m.chair_member_id,
        m.secretary_name,
        m.secretary_member_id,
        guests,
        attendance,
        summary,
        agenda,
        tasks,
        votes,
        m.thematic_topic,
        m.thematic_presenter,
        m.conclusion,
        m.quality_rating,
        m.quality_score,
        m.prep_committee_met,
        m.prep_members_notified,
        m.read_back,
        m.number,
        m.note,
        m.revision,
        warnings,
    )


@dataclass(frozen=True)
class MeetingRow:
    id: str
    cell_id: str
    cell_name: str
    kind: str
    status: str
    month: str
    date: date | None
    number: int | None
    present: int
    expected: int
    quality_rating: str


def list_meetings(
    session: Session, *, cell_id: str | None = None, month: str | None = None, year: int | None = None
) -> list[MeetingRow]:
    require(session, Permission.VIEW_REGISTER)
    present = (
        select(MeetingAttendance.meeting_id, func.count().label("n"))
        .where(MeetingAttendance.status == "present", ~MeetingAttendance.deleted)
        .group_by(MeetingAttendance.meeting_id)
        .subquery()
    )
    expected = (
        select(MeetingAttendance.meeting_id, func.count().label("n"))
        .where(MeetingAttendance.status.in_(ABSENT_COUNTED), ~MeetingAttendance.deleted)
        .group_by(MeetingAttendance.meeting_id)
        .subquery()
    )
    query = (
        select(Meeting, Cell.name, present.c.n, expected.c.n)
        .join(Cell, Cell.id == Meeting.cell_id)
        .outerjoin(present, present.c.meeting_id == Meeting.id)
        .outerjoin(expected, expected.c.meeting_id == Meeting.id)
        .where(~Meeting.deleted, Meeting.owner_unit_id == own_unit_id(session))
        .order_by(Meeting.month.desc(), Cell.sort_key, Meeting.held_date)
    )
    if cell_id is not None:
        query = query.where(Meeting.cell_id == cell_id)
    if month is not None:
        query = query.where(Meeting.month == month)
    if year is not None:
        query = query.where(Meeting.month.like(f"{year:04d}-%"))
    return [
        MeetingRow(
            m.id,
            m.cell_id,
            cell_name,
            m.kind,
            m.status,
            m.month,
            m.held_date or m.planned_date,
            m.number,
            int(p or 0),
            int(e or 0),
            m.quality_rating,
        )
        for m, cell_name, p, e in session.execute(query)
    ]


@dataclass(frozen=True)
class CellMonth:
    cell_id: str
    cell_name: str
    state: str  # held / planned / missing
    regular_held: bool
    thematic_in_quarter: bool
    meetings: int


def month_overview(session: Session, month: str) -> list[CellMonth]:
    """Each active cell in `month`: held, planned or missing (a cell that has not met stands out),
    and whether the quarter already has a thematic meeting."""
    require(session, Permission.VIEW_REGISTER)
    year, mon = int(month[:4]), int(month[5:])
    q_start = (mon - 1) // 3 * 3 + 1
    quarter_months = [f"{year:04d}-{m:02d}" for m in range(q_start, q_start + 3)]
    cells = session.execute(
        select(Cell.id, Cell.name)
        .where(~Cell.deleted, Cell.owner_unit_id == own_unit_id(session), Cell.status == "active")
        .order_by(Cell.sort_key)
    ).all()
    rows = session.execute(
        select(Meeting.cell_id, Meeting.month, Meeting.kind, Meeting.status, Meeting.combined_thematic).where(
            ~Meeting.deleted, Meeting.month.in_(quarter_months)
        )
    ).all()
    out: list[CellMonth] = []
    for cell_id, cell_name in cells:
        mine = [r for r in rows if r[0] == cell_id]
        this_month = [r for r in mine if r[1] == month]
        held = [r for r in this_month if r[3] == "held"]
        regular = any(r[2] == "regular" for r in held)
        thematic = any(r[3] == "held" and (r[2] == "thematic" or r[4]) for r in mine)
        state = "held" if held else ("planned" if any(r[3] == "planned" for r in this_month) else "missing")
        out.append(CellMonth(cell_id, cell_name, state, regular, thematic, len(this_month)))
    return out


def thematic_shortfall(session: Session, cell_id: str, year: int, quarter: int) -> int:
    """How many thematic meetings the cell still owes for the quarter (rule: per quarter, configurable)."""
    require(session, Permission.VIEW_REGISTER)
    months = [f"{year:04d}-{m:02d}" for m in range(3 * quarter - 2, 3 * quarter + 1)]
    held = session.scalar(
        select(func.count(Meeting.id)).where(
            Meeting.cell_id == cell_id,
            ~Meeting.deleted,
            Meeting.status == "held",
            Meeting.month.in_(months),
            (Meeting.kind == "thematic") | Meeting.combined_thematic,
        )
    )
    required = int(rule(session, "meeting.thematic_per_quarter", date(year, 3 * quarter - 2, 1)))
    return max(required - int(held or 0), 0)


def last_meeting(session: Session, cell_id: str, before_month: str) -> str | None:
    """The id of the cell's latest held meeting before `before_month` (to copy its structure)."""
    require(session, Permission.VIEW_REGISTER)
    return session.scalar(
        select(Meeting.id)
        .where(
            Meeting.cell_id == cell_id,
            ~Meeting.deleted,
            Meeting.status == "held",
            Meeting.month < before_month,
        )
        .order_by(Meeting.month.desc(), Meeting.held_date.desc())
        .limit(1)
    )


def copy_structure(session: Session, meeting_id: str, month: str, held_date: date | None) -> MeetingInput:
    """A new meeting's input from a previous one: same place, times, chair, secretary and agenda titles;
    attendance starts fresh (everyone present); speeches, votes and conclusions are not copied."""
    previous = get_meeting(session, meeting_id)
    return MeetingInput(
        cell_id=previous.cell_id,
        kind=previous.kind,
        month=month,
        held_date=held_date,
        planned_date=held_date,
        start_time=previous.start_time,
        end_time=previous.end_time,
        place=previous.place,
        chair_member_id=previous.chair_member_id,
        chair_name=previous.chair_name,
        secretary_member_id=previous.secretary_member_id,
        secretary_name=previous.secretary_name,
        guests=previous.guests,
        agenda=tuple(AgendaInput(a.title, a.presenter) for a in previous.agenda),
        prep_committee_met=previous.prep_committee_met,
        prep_members_notified=previous.prep_members_notified,
    )


def month_of(value: date) -> str:
    return month_key(value)


def describe_date(value: date | None) -> str:
    return format_date(value)
