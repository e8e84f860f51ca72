"""Training (DOMAIN.md §3.9): political-theory courses, new-member courses, Party-awareness classes;
attendees from the register; completing a theory course raises the members' theory level."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import audit
from models.entities import Member
from models.entities_work import Candidate, Course, CourseAttendee
from models.errors import RuleViolation, ValidationError
from models.i18n import QT_TRANSLATE_NOOP
from models.security import Permission, require
from models.services.common import get_live, not_in_future, own_unit_id, snapshot
from models.text import clean, fold

CTX = "training"
KINDS = {
    "theory": QT_TRANSLATE_NOOP("training", "Lý luận chính trị"),
    "new_member": QT_TRANSLATE_NOOP("training", "Bồi dưỡng đảng viên mới"),
    "awareness": QT_TRANSLATE_NOOP("training", "Bồi dưỡng nhận thức về Đảng"),
    "other": QT_TRANSLATE_NOOP("training", "Khác"),
}
THEORY_RANK = {"": 0, "so_cap": 1, "trung_cap": 2, "cao_cap": 3, "cu_nhan": 4}
RESULTS = {
    "passed": QT_TRANSLATE_NOOP("training", "Đạt"),
    "failed": QT_TRANSLATE_NOOP("training", "Không đạt"),
    "withdrew": QT_TRANSLATE_NOOP("training", "Bỏ học"),
}


@dataclass(frozen=True)
class CourseInput:
    name: str
    kind: str
    start_date: date
    end_date: date | None = None
    level: str = ""
    organiser: str = ""


def add_course(session: Session, cmd: CourseInput) -> str:
    require(session, Permission.EDIT_REGISTER)
    errors: dict[str, str] = {}
    if not clean(cmd.name):
        errors["name"] = ValidationError(
            "name", QT_TRANSLATE_NOOP("training", "Hãy nhập tên lớp."), context=CTX
        ).text()
    if cmd.kind not in KINDS:
        errors["kind"] = ValidationError(
            "kind", QT_TRANSLATE_NOOP("training", "Hãy chọn loại lớp."), context=CTX
        ).text()
    if cmd.kind == "theory" and (cmd.level not in THEORY_RANK or not cmd.level):
        errors["level"] = ValidationError(
            "level",
            QT_TRANSLATE_NOOP(
                "training", "Lớp lý luận chính trị cần chọn trình độ (sơ cấp, trung cấp, cao cấp, cử nhân)."
            ),
            context=CTX,
        ).text()
    if cmd.end_date is not None and cmd.end_date < cmd.start_date:
        errors["end_date"] = ValidationError(
            "end_date", QT_TRANSLATE_NOOP("training", "Ngày kết thúc trước ngày khai giảng."), context=CTX
        ).text()
    if errors:
        raise ValidationError.many(errors)
    course = Course(
        owner_unit_id=own_unit_id(session),
        name=clean(cmd.name),
        kind=cmd.kind,
        level=cmd.level if cmd.kind == "theory" else "",
        organiser=clean(cmd.organiser),
        start_date=cmd.start_date,
        end_date=cmd.end_date,
    )
    session.add(course)
    session.flush()
    audit.record(session, "create", "course", course.id, after=snapshot(course))
    return course.id


def enrol(
    session: Session, course_id: str, member_ids: Sequence[str] = (), candidate_ids: Sequence[str] = ()
) -> int:
    """Add attendees (members from the register, or candidates for the awareness class)."""
    require(session, Permission.EDIT_REGISTER)
    course = get_live(session, Course, course_id, QT_TRANSLATE_NOOP("training", "lớp học"))
    if course.completed:
        raise RuleViolation(
            QT_TRANSLATE_NOOP("training", "Lớp đã kết thúc; không thêm học viên."), context=CTX
        )
    existing = {
        (a.member_id, a.candidate_id)
        for a in session.scalars(select(CourseAttendee).where(CourseAttendee.course_id == course_id))
    }
    added = 0
    for mid in member_ids:
        get_live(session, Member, mid, QT_TRANSLATE_NOOP("training", "đảng viên"))
        if (mid, None) not in existing:
            session.add(
                CourseAttendee(owner_unit_id=course.owner_unit_id, course_id=course_id, member_id=mid)
            )
            added += 1
    for cid in candidate_ids:
        if (None, cid) not in existing:
            session.add(
                CourseAttendee(owner_unit_id=course.owner_unit_id, course_id=course_id, candidate_id=cid)
            )
            added += 1
    session.flush()
    audit.record(session, "update", "course", course.id, fields=["attendees"])
    return added


def complete_course(
    session: Session, course_id: str, end_date: date, results: dict[str, tuple[str, str]]
) -> int:
    """Close the course with a result for EVERY attendee, keyed by attendee (member or candidate) id:
    ("passed" | "failed" | "withdrew", certificate). Nobody is presumed to have passed: an attendee
    without a result is refused by name. Only members who passed a theory course get that level (if
    higher than theirs); `theory_sources` then names the course as the source. Returns how many member
    profiles were raised."""
    require(session, Permission.EDIT_REGISTER)
    course = get_live(session, Course, course_id, QT_TRANSLATE_NOOP("training", "lớp học"))
    if course.completed:
        raise RuleViolation(QT_TRANSLATE_NOOP("training", "Lớp đã kết thúc trước đó."), context=CTX)
    if end_date < course.start_date:
        raise ValidationError(
            "end_date", QT_TRANSLATE_NOOP("training", "Ngày kết thúc trước ngày khai giảng."), context=CTX
        )
    not_in_future("end_date", end_date)  # the results are decided at the end of the course
    rows = attendees(session, course_id)
    missing = [a.name for a in rows if results.get(a.key, ("", ""))[0] not in RESULTS]
    if missing:
        raise ValidationError(
            "results",
            QT_TRANSLATE_NOOP(
                "training",
                "Hãy ghi kết quả (đạt, không đạt hoặc bỏ học) của từng học viên; còn thiếu: {names}.",
            ),
            context=CTX,
            names=", ".join(missing),
        )
    raised = 0
    for attendee in session.scalars(
        select(CourseAttendee).where(CourseAttendee.course_id == course_id, ~CourseAttendee.deleted)
    ):
        key = attendee.member_id or attendee.candidate_id or ""
        result, certificate = results[key]
        attendee.result, attendee.certificate_no = result, clean(certificate) if result == "passed" else ""
        if course.kind == "theory" and result == "passed" and attendee.member_id:
            member = session.get(Member, attendee.member_id)
            assert member is not None
            if THEORY_RANK.get(member.political_theory, 0) < THEORY_RANK[course.level]:
                before = snapshot(member)
                member.political_theory = course.level
                audit.record(
                    session, "member.theory", "member", member.id, before=before, after=snapshot(member)
                )
                raised += 1
    before = snapshot(course)
    course.completed, course.end_date = True, end_date
    audit.record(session, "update", "course", course.id, before=before, after=snapshot(course))
    return raised


@dataclass(frozen=True)
class TrainingCounts:
    courses: int
    trainees: int
    by_kind: dict[str, int]
    by_level: dict[str, int]


def period_counts(session: Session, start: date, end: date) -> TrainingCounts:
    """ "20 classes, 1,115 trainees": courses that started in the period and their attendees."""
    require(session, Permission.VIEW_REGISTER)
    courses = list(
        session.scalars(
            select(Course).where(
                ~Course.deleted,
                Course.owner_unit_id == own_unit_id(session),
                Course.start_date >= start,
                Course.start_date <= end,
            )
        )
    )
    ids = [c.id for c in courses]
    attendees = Counter(
        session.scalars(
            select(CourseAttendee.course_id).where(CourseAttendee.course_id.in_(ids), ~CourseAttendee.deleted)
        ).all()
    )
    by_kind: Counter[str] = Counter()
    by_level: Counter[str] = Counter()
    for c in courses:
        by_kind[c.kind] += attendees[c.id]
        if c.kind == "theory":
            by_level[c.level] += attendees[c.id]
    return TrainingCounts(len(courses), sum(attendees.values()), dict(by_kind), dict(by_level))


@dataclass(frozen=True)
class CourseView:
    id: str
    name: str
    kind: str
    level: str
    organiser: str
    start_date: date
    end_date: date | None
    completed: bool
    attendees: int
    passed: int
    failed: int = 0
    withdrew: int = 0


def list_courses(session: Session) -> list[CourseView]:
    require(session, Permission.VIEW_REGISTER)
    courses = list(
        session.scalars(
            select(Course)
            .where(~Course.deleted, Course.owner_unit_id == own_unit_id(session))
            .order_by(Course.start_date.desc())
        )
    )
    rows = session.execute(
        select(CourseAttendee.course_id, CourseAttendee.result).where(
            CourseAttendee.course_id.in_([c.id for c in courses])
        )
    ).all()
    total = Counter(r[0] for r in rows)
    passed = Counter(r[0] for r in rows if r[1] == "passed")
    failed = Counter(r[0] for r in rows if r[1] == "failed")
    withdrew = Counter(r[0] for r in rows if r[1] == "withdrew")
    return [
        CourseView(
            c.id,
            c.name,
            c.kind,
            c.level,
            c.organiser,
            c.start_date,
            c.end_date,
            c.completed,
            total[c.id],
            passed[c.id],
            failed[c.id],
            withdrew[c.id],
        )
        for c in courses
    ]


@dataclass(frozen=True)
class AttendeeView:
    key: str  # member or candidate id
    name: str
    is_member: bool
    result: str  # attending / passed / failed / withdrew
    certificate_no: str


def attendees(session: Session, course_id: str) -> list[AttendeeView]:
    """The trainees of a course with their results, in name order (candidates after members)."""
    require(session, Permission.VIEW_REGISTER)
    out: list[AttendeeView] = []
    for a in session.scalars(
        select(CourseAttendee).where(CourseAttendee.course_id == course_id, ~CourseAttendee.deleted)
    ):
        if a.member_id is not None:
            m = session.get(Member, a.member_id)
            name = " ".join(p for p in (m.family_name, m.middle_name, m.given_name) if p) if m else ""
        else:
            c = session.get(Candidate, a.candidate_id)
            name = " ".join(p for p in (c.family_name, c.middle_name, c.given_name) if p) if c else ""
        out.append(
            AttendeeView(
                a.member_id or a.candidate_id or "", name, a.member_id is not None, a.result, a.certificate_no
            )
        )
    out.sort(key=lambda v: (not v.is_member, fold(v.name.split()[-1] if v.name else ""), fold(v.name)))
    return out


@dataclass(frozen=True)
class TheorySource:
    level: str
    course_name: str
    end_date: date | None
    certificate_no: str


def theory_sources(session: Session, member_ids: Sequence[str]) -> dict[str, TheorySource]:
    """Where a member's political-theory level comes from: the latest theory course of that level the
    member PASSED (a failed or withdrawn course is never a source). Members whose level was entered in
    the profile, not earned in a recorded course, have no entry."""
    require(session, Permission.VIEW_REGISTER)
    out: dict[str, TheorySource] = {}
    for chunk in (list(member_ids)[i : i + 500] for i in range(0, len(member_ids), 500)):
        rows = session.execute(
            select(
                CourseAttendee.member_id,
                Member.political_theory,
                Course.level,
                Course.name,
                Course.end_date,
                CourseAttendee.certificate_no,
            )
            .join(Course, Course.id == CourseAttendee.course_id)
            .join(Member, Member.id == CourseAttendee.member_id)
            .where(
                CourseAttendee.member_id.in_(chunk),
                CourseAttendee.result == "passed",
                ~CourseAttendee.deleted,
                ~Course.deleted,
                Course.kind == "theory",
            )
            .order_by(Course.end_date)
        )
        for member_id, current, level, name, end, certificate in rows:
            if level == current and member_id is not None:
                out[member_id] = TheorySource(level, name, end, certificate)
    return out
