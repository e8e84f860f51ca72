"""The admission pipeline (phát triển đảng viên, DOMAIN.md §3.4): candidate → Party-awareness class →
sympathiser with helpers → life-history verification → cell resolution → committee decision (within
60 working days) → ceremony (within 30 working days of the decision) → probationary member, created
through the member services with the candidate's data. Yearly plans and their achievement."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models import audit
from models.dates import format_date, full_months_between, today
from models.entities import Cell, Member, MemberEvent
from models.entities_work import AdmissionPlan, Candidate
from models.errors import RuleViolation, ValidationError
from models.i18n import QT_TRANSLATE_NOOP, translate
from models.picklists import is_minority
from models.rules import rule
from models.security import Permission, require
from models.services import membership as ms
from models.services.common import get_live, own_unit_id, snapshot
from models.services.meetings import vote_outcome
from models.text import clean, fold, name_sort_key

CTX = "admission"
STAGES = {
    "candidate": QT_TRANSLATE_NOOP("admission", "Quần chúng ưu tú"),
    "class_done": QT_TRANSLATE_NOOP("admission", "Đã học lớp nhận thức về Đảng"),
    "sympathiser": QT_TRANSLATE_NOOP("admission", "Đảng viên giúp đỡ"),
    "verified": QT_TRANSLATE_NOOP("admission", "Đã thẩm tra lý lịch"),
    "cell_resolved": QT_TRANSLATE_NOOP("admission", "Chi bộ đã xét"),
    "decided": QT_TRANSLATE_NOOP("admission", "Đã có quyết định kết nạp"),
    "admitted": QT_TRANSLATE_NOOP("admission", "Đã kết nạp"),
    "dropped": QT_TRANSLATE_NOOP("admission", "Dừng xét"),
}
ORDER = ["candidate", "class_done", "sympathiser", "verified", "cell_resolved", "decided", "admitted"]


def _err(field: str, text: str, **params: Any) -> ValidationError:
    return ValidationError(field, text, context=CTX, **params)


def _rule(text: str, **params: Any) -> RuleViolation:
    return RuleViolation(text, context=CTX, **params)


def add_working_days(session: Session, start: date, days: int) -> date:
    """`start` plus `days` working days (Monday–Friday, without the configured public holidays)."""
    holidays = set(rule(session, "calendar.holidays", start))
    current, left = start, days
    while left > 0:
        current += timedelta(days=1)
        if current.weekday() < 5 and current.strftime("%d-%m") not in holidays:
            left -= 1
    return current


@dataclass(frozen=True)
class CandidateInput:
    family_name: str
    middle_name: str
    given_name: str
    sex: str
    date_of_birth: date
    cell_id: str
    ethnicity: str = "Kinh"
    religion: str = "Không"
    cccd: str | None = None
    phone: str = ""
    general_education: str = ""
    occupation: str = "other"
    home_town: str = ""
    permanent_address: str = ""
    youth_union_member: bool = False
    proposed_date: date | None = None
    notes: str = ""


def _profile(c: Candidate) -> ms.Profile:
    return ms.Profile(
        family_name=c.family_name,
        middle_name=c.middle_name,
        given_name=c.given_name,
        sex=c.sex,
        date_of_birth=c.date_of_birth,
        ethnicity=c.ethnicity,
        religion=c.religion,
        cccd=c.cccd,
        phone=c.phone,
        general_education=c.general_education,
        occupation=c.occupation,
        home_town=c.home_town,
        permanent_address=c.permanent_address,
    )


def _apply_input(c: Candidate, cmd: CandidateInput) -> None:
    c.family_name, c.middle_name, c.given_name = (
        clean(cmd.family_name),
        clean(cmd.middle_name),
        clean(cmd.given_name),
    )
    c.sex, c.date_of_birth, c.cell_id = cmd.sex, cmd.date_of_birth, cmd.cell_id
    c.ethnicity, c.religion = clean(cmd.ethnicity) or "Kinh", clean(cmd.religion) or "Không"
    c.cccd = clean(cmd.cccd).replace(" ", "") or None
    c.phone, c.general_education, c.occupation = (
        clean(cmd.phone),
        clean(cmd.general_education),
        cmd.occupation,
    )
    c.home_town, c.permanent_address = clean(cmd.home_town), clean(cmd.permanent_address)
    c.youth_union_member, c.proposed_date, c.notes = (
        cmd.youth_union_member,
        cmd.proposed_date,
        cmd.notes.strip(),
    )
    c.sort_key = name_sort_key(c.family_name, c.middle_name, c.given_name)
    c.search_key = fold(f"{c.family_name} {c.middle_name} {c.given_name}")


def _validate(session: Session, cmd: CandidateInput, exclude: str | None = None) -> list[str]:
    profile = ms.Profile(
        clean(cmd.family_name),
        clean(cmd.middle_name),
        clean(cmd.given_name),
        cmd.sex,
        cmd.date_of_birth,
        cccd=clean(cmd.cccd).replace(" ", "") or None,
        occupation=cmd.occupation,
        general_education=clean(cmd.general_education),
    )
    warnings = ms.validate_profile(session, profile)
    cell = get_live(session, Cell, cmd.cell_id, QT_TRANSLATE_NOOP("admission", "chi bộ"))
    if cell.status != "active":
        raise _err(
            "cell_id",
            QT_TRANSLATE_NOOP("admission", "Chi bộ đã sáp nhập hoặc giải thể; hãy chọn chi bộ khác."),
        )
    if profile.cccd:
        clash = session.scalar(
            select(Candidate.id).where(
                Candidate.cccd == profile.cccd,
                ~Candidate.deleted,
                Candidate.stage != "dropped",
                Candidate.id != (exclude or ""),
            )
        )
        if clash:
            raise _err(
                "cccd",
                QT_TRANSLATE_NOOP("admission", "Số CCCD này đã có trong danh sách quần chúng đang xét."),
            )
    return warnings


def add_candidate(session: Session, cmd: CandidateInput) -> tuple[str, list[str]]:
    require(session, Permission.EDIT_REGISTER)
    warnings = _validate(session, cmd)
    c = Candidate(owner_unit_id=own_unit_id(session), stage="candidate")
    _apply_input(c, cmd)
    session.add(c)
    session.flush()
    audit.record(session, "create", "candidate", c.id, after=snapshot(c))
    return c.id, warnings


def update_candidate(session: Session, candidate_id: str, cmd: CandidateInput) -> list[str]:
    require(session, Permission.EDIT_REGISTER)
    c = _live(session, candidate_id)
    if c.stage in ("admitted", "dropped"):
        raise _rule(QT_TRANSLATE_NOOP("admission", "Hồ sơ đã kết thúc; sửa trong hồ sơ đảng viên."))
    warnings = _validate(session, cmd, candidate_id)
    before = snapshot(c)
    _apply_input(c, cmd)
    audit.record(session, "update", "candidate", c.id, before=before, after=snapshot(c))
    return warnings


def _live(session: Session, candidate_id: str) -> Candidate:
    return get_live(session, Candidate, candidate_id, QT_TRANSLATE_NOOP("admission", "quần chúng"))


def _advance(session: Session, c: Candidate, to: str, on: date) -> None:
    if c.stage in ("admitted", "dropped"):
        raise _rule(QT_TRANSLATE_NOOP("admission", "Hồ sơ đã kết thúc."))
    if ORDER.index(c.stage) + 1 < ORDER.index(to):
        raise _rule(
            QT_TRANSLATE_NOOP("admission", "Chưa qua bước “{needed}”. Hãy hoàn thành các bước theo thứ tự."),
            needed=STAGES[ORDER[ORDER.index(to) - 1]],
        )
    if on > today():
        raise _err("date", QT_TRANSLATE_NOOP("admission", "Ngày {date} ở tương lai."), date=format_date(on))


def _step(session: Session, candidate_id: str, to: str, on: date, **fields: Any) -> None:
    require(session, Permission.EDIT_REGISTER)
    c = _live(session, candidate_id)
    _advance(session, c, to, on)
    before = snapshot(c)
    for name, value in fields.items():
        setattr(c, name, value)
    c.stage = to if ORDER.index(to) > ORDER.index(c.stage) else c.stage
    audit.record(session, f"candidate.{to}", "candidate", c.id, before=before, after=snapshot(c))


def record_class(session: Session, candidate_id: str, start: date, end: date, certificate_no: str) -> None:
    """Completion of the Party-awareness class, with its certificate."""
    require(session, Permission.EDIT_REGISTER)
    if end < start:
        raise _err("class_end", QT_TRANSLATE_NOOP("admission", "Ngày kết thúc lớp trước ngày khai giảng."))
    if not clean(certificate_no):
        raise _err(
            "certificate_no",
            QT_TRANSLATE_NOOP("admission", "Hãy nhập số giấy chứng nhận học lớp nhận thức về Đảng."),
        )
    _step(
        session,
        candidate_id,
        "class_done",
        end,
        class_start=start,
        class_end=end,
        certificate_no=clean(certificate_no),
    )


def assign_helpers(session: Session, candidate_id: str, helper_ids: list[str], on: date) -> None:
    """One or two official members assigned to help the candidate (sympathiser stage)."""
    require(session, Permission.EDIT_REGISTER)
    if not 1 <= len(helper_ids) <= 2:
        raise _err("helpers", QT_TRANSLATE_NOOP("admission", "Hãy phân công một hoặc hai đảng viên giúp đỡ."))
    for helper in helper_ids:
        member = get_live(session, Member, helper, QT_TRANSLATE_NOOP("admission", "đảng viên"))
        if member.status != "official":
            raise _err(
                "helpers", QT_TRANSLATE_NOOP("admission", "Người giúp đỡ phải là đảng viên chính thức.")
            )
    _step(session, candidate_id, "sympathiser", on, helpers=json.dumps(helper_ids), helpers_assigned=on)


def record_verification(session: Session, candidate_id: str, on: date) -> None:
    _step(session, candidate_id, "verified", on, verified_date=on)


def record_cell_resolution(
    session: Session, candidate_id: str, on: date, resolution_no: str, votes_for: int, official_count: int
) -> None:
    """The cell's resolution proposing admission; needs two thirds of the cell's official members."""
    require(session, Permission.EDIT_REGISTER)
    outcome = vote_outcome("admission", votes_for, official_count, official_count)
    if not outcome.passed:
        raise _rule(
            QT_TRANSLATE_NOOP(
                "admission",
                "Nghị quyết chưa đạt: cần ít nhất {required}/{total} đảng viên chính thức tán thành (mới có {votes}).",
            ),
            required=outcome.required,
            total=official_count,
            votes=votes_for,
        )
    c = _live(session, candidate_id)
    months = full_months_between(c.date_of_birth, on)
    if months < int(rule(session, "admission.min_age_years", on)) * 12:
        raise _rule(QT_TRANSLATE_NOOP("admission", "Quần chúng chưa đủ 18 tuổi vào ngày chi bộ xét."))
    _step(
        session,
        candidate_id,
        "cell_resolved",
        on,
        cell_resolution_date=on,
        cell_resolution_no=clean(resolution_no),
        cell_votes_for=votes_for,
        cell_official_count=official_count,
    )


def record_decision(session: Session, candidate_id: str, on: date, decision_no: str) -> None:
    require(session, Permission.EDIT_REGISTER)
    c = _live(session, candidate_id)
    if c.cell_resolution_date and on < c.cell_resolution_date:
        raise _err("decision_date", QT_TRANSLATE_NOOP("admission", "Ngày quyết định trước ngày chi bộ xét."))
    if not clean(decision_no):
        raise _err("decision_no", QT_TRANSLATE_NOOP("admission", "Hãy nhập số quyết định kết nạp."))
    _step(session, candidate_id, "decided", on, decision_date=on, decision_no=clean(decision_no))


def record_ceremony(
    session: Session,
    candidate_id: str,
    on: date,
    introducers: tuple[str, str] = ("", ""),
    over_age_note: str = "",
    youth_union_date: date | None = None,
) -> ms.AdmitResult:
    """The admission ceremony: the candidate becomes a probationary member (through the member
    services, so every admission rule applies). `youth_union_date` is the candidate's real date of
    joining the Youth Union, carried over as given: it is never guessed from other dates, so a Youth
    Union member whose date is not known yet gets a warning and an empty date to fill in later."""
    require(session, Permission.EDIT_REGISTER)
    c = _live(session, candidate_id)
    _advance(session, c, "admitted", on)
    assert c.cell_resolution_date is not None
    assert c.decision_date is not None
    if youth_union_date is not None and not c.date_of_birth < youth_union_date <= on:
        raise _err(
            "youth_union_date",
            QT_TRANSLATE_NOOP("admission", "Ngày vào Đoàn phải sau ngày sinh và không sau ngày kết nạp."),
        )
    result = ms.admit(
        session,
        ms.Admit(
            profile=replace(_profile(c), youth_union_date=youth_union_date),
            cell_id=c.cell_id,
            consideration_date=c.cell_resolution_date,
            decision_date=c.decision_date,
            decision_no=c.decision_no,
            ceremony_date=on,
            introducers=introducers,
            over_age_note=over_age_note,
        ),
    )
    if c.youth_union_member and youth_union_date is None:
        result = replace(
            result,
            warnings=(
                *result.warnings,
                translate(
                    CTX,
                    QT_TRANSLATE_NOOP(
                        "admission",
                        "Quần chúng là đoàn viên nhưng chưa có ngày vào Đoàn; hãy bổ sung trong hồ sơ đảng viên.",
                    ),
                ),
            ),
        )
    before = snapshot(c)
    c.stage, c.ceremony_date, c.member_id = "admitted", on, result.member_id
    audit.record(session, "candidate.admitted", "candidate", c.id, before=before, after=snapshot(c))
    return result


def drop_candidate(session: Session, candidate_id: str, on: date, reason: str) -> None:
    require(session, Permission.EDIT_REGISTER)
    if not clean(reason):
        raise _err("reason", QT_TRANSLATE_NOOP("admission", "Hãy ghi lý do dừng xét."))
    c = _live(session, candidate_id)
    if c.stage == "admitted":
        raise _rule(QT_TRANSLATE_NOOP("admission", "Đã kết nạp; không thể dừng xét."))
    before = snapshot(c)
    c.stage, c.dropped_date, c.dropped_reason = "dropped", on, clean(reason)
    audit.record(session, "candidate.dropped", "candidate", c.id, before=before, after=snapshot(c))


@dataclass(frozen=True)
class CandidateView:
    id: str
    name: str
    sex: str
    date_of_birth: date
    ethnicity: str
    cell_id: str
    cell_name: str
    stage: str
    youth_union_member: bool
    class_end: date | None
    certificate_no: str
    helper_ids: tuple[str, ...]
    cell_resolution_date: date | None
    decision_date: date | None
    decision_due: date | None
    ceremony_due: date | None
    ceremony_date: date | None
    member_id: str | None
    late: bool
    revision: int


def _view(session: Session, c: Candidate, cell_name: str, on: date) -> CandidateView:
    decision_due = ceremony_due = None
    late = False
    if c.cell_resolution_date:
        decision_due = add_working_days(
            session, c.cell_resolution_date, int(rule(session, "admission.decision_working_days", on))
        )
        late = (
            late
            or (c.decision_date is None and on > decision_due)
            or (c.decision_date is not None and c.decision_date > decision_due)
        )
    if c.decision_date:
        ceremony_due = add_working_days(
            session, c.decision_date, int(rule(session, "admission.ceremony_working_days", on))
        )
        late = (
            late
            or (c.ceremony_date is None and on > ceremony_due)
            or (c.ceremony_date is not None and c.ceremony_date > ceremony_due)
        )
    if c.stage == "dropped":
        late = False
    return CandidateView(
        c.id,
        " ".join(p for p in (c.family_name, c.middle_name, c.given_name) if p),
        c.sex,
        c.date_of_birth,
        c.ethnicity,
        c.cell_id,
        cell_name,
        c.stage,
        c.youth_union_member,
        c.class_end,
        c.certificate_no,
        tuple(json.loads(c.helpers or "[]")),
        c.cell_resolution_date,
        c.decision_date,
        decision_due,
        ceremony_due,
        c.ceremony_date,
        c.member_id,
        late,
        c.revision,
    )


def list_candidates(
    session: Session, *, stage: str | None = None, cell_id: str | None = None, on: date | None = None
) -> list[CandidateView]:
    require(session, Permission.VIEW_REGISTER)
    on = on or today()
    query = (
        select(Candidate, Cell.name)
        .join(Cell, Cell.id == Candidate.cell_id)
        .where(~Candidate.deleted, Candidate.owner_unit_id == own_unit_id(session))
        .order_by(Candidate.sort_key)
    )
    if stage is not None:
        query = query.where(Candidate.stage == stage)
    if cell_id is not None:
        query = query.where(Candidate.cell_id == cell_id)
    return [_view(session, c, cell_name, on) for c, cell_name in session.execute(query)]


def get_candidate(session: Session, candidate_id: str, on: date | None = None) -> CandidateView:
    require(session, Permission.VIEW_REGISTER)
    c = _live(session, candidate_id)
    cell_name = session.scalar(select(Cell.name).where(Cell.id == c.cell_id)) or ""
    return _view(session, c, cell_name, on or today())


# ---------------------------------------------------------------- plans


def set_plan(
    session: Session,
    year: int,
    cell_id: str | None,
    target: int,
    women: int = 0,
    minority: int = 0,
    youth: int = 0,
) -> None:
    require(session, Permission.EDIT_REGISTER)
    if min(target, women, minority, youth) < 0 or max(women, minority, youth) > target:
        raise _err(
            "target",
            QT_TRANSLATE_NOOP(
                "admission", "Chỉ tiêu không hợp lệ: các chỉ tiêu thành phần không vượt chỉ tiêu chung."
            ),
        )
    unit_id = own_unit_id(session)
    plan = session.scalars(
        select(AdmissionPlan).where(
            AdmissionPlan.owner_unit_id == unit_id,
            AdmissionPlan.year == year,
            (AdmissionPlan.cell_id == cell_id) if cell_id else AdmissionPlan.cell_id.is_(None),
        )
    ).first()
    before = snapshot(plan) if plan else None
    if plan is None:
        plan = AdmissionPlan(owner_unit_id=unit_id, year=year, cell_id=cell_id)
        session.add(plan)
    plan.target, plan.target_women, plan.target_minority, plan.target_youth = target, women, minority, youth
    session.flush()
    audit.record(
        session,
        "update" if before else "create",
        "admission_plan",
        plan.id,
        before=before,
        after=snapshot(plan),
    )


@dataclass(frozen=True)
class PlanAchievement:
    year: int
    cell_id: str | None
    target: int
    admitted: int
    women: int
    minority: int
    youth: int
    target_women: int
    target_minority: int
    target_youth: int

    @property
    def percent(self) -> float | None:
        return 100.0 * self.admitted / self.target if self.target else None


def achievement(session: Session, year: int, cell_id: str | None = None) -> PlanAchievement:
    """Admissions in `year` (by ceremony date, first admissions and re-admissions) against the plan;
    the commune's plan is its own row, or the sum of the cells' plans when it has none."""
    require(session, Permission.VIEW_REGISTER)
    unit_id = own_unit_id(session)
    plans = list(
        session.scalars(
            select(AdmissionPlan).where(
                AdmissionPlan.owner_unit_id == unit_id, AdmissionPlan.year == year, ~AdmissionPlan.deleted
            )
        )
    )
    if cell_id is not None:
        chosen = [p for p in plans if p.cell_id == cell_id]
    else:
        chosen = [p for p in plans if p.cell_id is None] or [p for p in plans if p.cell_id is not None]
    query = (
        select(Member.sex, Member.ethnicity, Member.youth_union_date)
        .join(MemberEvent, MemberEvent.member_id == Member.id)
        .where(
            MemberEvent.kind.in_(("admitted", "readmitted")),
            ~MemberEvent.deleted,
            func.strftime("%Y", MemberEvent.event_date) == f"{year:04d}",
            Member.owner_unit_id == unit_id,
        )
    )
    if cell_id is not None:
        query = query.where(MemberEvent.cell_id == cell_id)
    rows = session.execute(query).all()
    return PlanAchievement(
        year,
        cell_id,
        sum(p.target for p in chosen),
        len(rows),
        sum(1 for r in rows if r[0] == "F"),
        sum(1 for r in rows if is_minority(r[1])),
        sum(1 for r in rows if r[2] is not None),
        sum(p.target_women for p in chosen),
        sum(p.target_minority for p in chosen),
        sum(p.target_youth for p in chosen),
    )
