"""Inspection, supervision and discipline (DOMAIN.md §3.7). These records are sensitive: only the
inspection role sees or edits them, and every read is written to the audit chain (personal-data law),
so callers read them inside `unit_of_work`, not a read-only session."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models import audit
from models.dates import format_date
from models.entities import Cell, CellPosition, Member
from models.entities_work import Discipline, Inspection
from models.errors import RuleViolation, ValidationError
from models.i18n import QT_TRANSLATE_NOOP
from models.security import Permission, require
from models.services import membership as ms
from models.services.common import get_live, not_in_future, own_unit_id, snapshot
from models.services.meetings import roster, vote_outcome
from models.text import clean, clean_multiline, fold

CTX = "inspection"
FORMS = {
    "khien_trach": QT_TRANSLATE_NOOP("inspection", "Khiển trách"),
    "canh_cao": QT_TRANSLATE_NOOP("inspection", "Cảnh cáo"),
    "cach_chuc": QT_TRANSLATE_NOOP("inspection", "Cách chức"),
    "khai_tru": QT_TRANSLATE_NOOP("inspection", "Khai trừ"),
    "giai_tan": QT_TRANSLATE_NOOP("inspection", "Giải tán"),
}
ACTIVITIES = {
    "inspection": QT_TRANSLATE_NOOP("inspection", "Kiểm tra"),
    "supervision": QT_TRANSLATE_NOOP("inspection", "Giám sát"),
}
MODES = {
    "regular": QT_TRANSLATE_NOOP("inspection", "Thường xuyên"),
    "thematic": QT_TRANSLATE_NOOP("inspection", "Chuyên đề"),
}


def _err(field: str, text: str, **params: Any) -> ValidationError:
    return ValidationError(field, text, context=CTX, **params)


@dataclass(frozen=True)
class InspectionInput:
    activity: str
    mode: str
    start_date: date
    subject_member_id: str | None = None
    subject_cell_id: str | None = None
    carried_by: str = ""
    content: str = ""
    end_date: date | None = None
    conclusion: str = ""
    violation_found: bool = False


def save_inspection(session: Session, cmd: InspectionInput, inspection_id: str | None = None) -> str:
    require(session, Permission.EDIT_SENSITIVE)
    if cmd.activity not in ACTIVITIES or cmd.mode not in MODES:
        raise _err(
            "activity",
            QT_TRANSLATE_NOOP("inspection", "Hãy chọn kiểm tra hay giám sát, thường xuyên hay chuyên đề."),
        )
    if (cmd.subject_member_id is None) == (cmd.subject_cell_id is None):
        raise _err(
            "subject",
            QT_TRANSLATE_NOOP("inspection", "Hãy chọn một đối tượng: một đảng viên hoặc một tổ chức đảng."),
        )
    if cmd.end_date is not None and cmd.end_date < cmd.start_date:
        raise _err("end_date", QT_TRANSLATE_NOOP("inspection", "Ngày kết thúc trước ngày bắt đầu."))
    not_in_future("end_date", cmd.end_date)  # the conclusion is a decision: it has happened
    if inspection_id is None:
        row = Inspection(owner_unit_id=own_unit_id(session))
        session.add(row)
        before = None
    else:
        row = get_live(session, Inspection, inspection_id, QT_TRANSLATE_NOOP("inspection", "cuộc kiểm tra"))
        before = snapshot(row)
    row.activity, row.mode, row.start_date, row.end_date = (
        cmd.activity,
        cmd.mode,
        cmd.start_date,
        cmd.end_date,
    )
    row.subject_member_id, row.subject_cell_id = cmd.subject_member_id, cmd.subject_cell_id
    row.carried_by, row.content = clean(cmd.carried_by), clean_multiline(cmd.content)
    row.conclusion, row.violation_found = clean_multiline(cmd.conclusion), cmd.violation_found
    session.flush()
    audit.record(
        session,
        "create" if before is None else "update",
        "inspection",
        row.id,
        before=before,
        after=snapshot(row),
    )
    return row.id


@dataclass(frozen=True)
class InspectionView:
    id: str
    activity: str
    mode: str
    subject_name: str
    subject_kind: str  # member / organisation
    carried_by: str
    content: str
    start_date: date
    end_date: date | None
    conclusion: str
    violation_found: bool


def _subject_name(session: Session, member_id: str | None, cell_id: str | None) -> str:
    if member_id:
        row = session.execute(
            select(Member.family_name, Member.middle_name, Member.given_name).where(Member.id == member_id)
        ).first()
        return " ".join(p for p in row if p) if row else ""
    return session.scalar(select(Cell.name).where(Cell.id == cell_id)) or ""


def list_inspections(session: Session, *, year: int | None = None) -> list[InspectionView]:
    """Inspections and supervisions (a sensitive read, recorded in the audit chain)."""
    require(session, Permission.VIEW_SENSITIVE)
    query = (
        select(Inspection)
        .where(~Inspection.deleted, Inspection.owner_unit_id == own_unit_id(session))
        .order_by(Inspection.start_date.desc())
    )
    if year is not None:
        query = query.where(func.strftime("%Y", Inspection.start_date) == f"{year:04d}")
    rows = list(session.scalars(query))
    audit.record(session, "read", "inspection", "", fields=[f"count={len(rows)}"])
    return [
        InspectionView(
            r.id,
            r.activity,
            r.mode,
            _subject_name(session, r.subject_member_id, r.subject_cell_id),
            "member" if r.subject_member_id else "organisation",
            r.carried_by,
            r.content,
            r.start_date,
            r.end_date,
            r.conclusion,
            r.violation_found,
        )
        for r in rows
    ]


# ---------------------------------------------------------------- discipline


@dataclass(frozen=True)
class DisciplineInput:
    form: str
    decision_date: date
    votes_for: int
    votes_against: int = 0
    subject_member_id: str | None = None
    subject_cell_id: str | None = None
    decision_no: str = ""
    deciding_body: str = ""
    reason: str = ""
    inspection_id: str | None = None
    official_count: int | None = None  # for an organisation: the voting body's official members


def allowed_forms(session: Session, member_id: str) -> list[str]:
    """Forms allowed for a member: probationary members only reprimand or warning; removal from post
    only for members holding one; expulsion only for official members."""
    require(session, Permission.VIEW_SENSITIVE)
    member = get_live(session, Member, member_id, QT_TRANSLATE_NOOP("inspection", "đảng viên"))
    if member.status in ms.ENDED:
        return []
    state = ms.member_state(session, member_id)
    if state.membership == "probationary":
        return ["khien_trach", "canh_cao"]
    holds_post = session.scalar(
        select(func.count(CellPosition.id)).where(
            CellPosition.member_id == member_id, CellPosition.end_date.is_(None), ~CellPosition.deleted
        )
    )
    return ["khien_trach", "canh_cao", *(["cach_chuc"] if holds_post else []), "khai_tru"]


def official_members_of_cell(session: Session, cell_id: str, on: date) -> int:
    return sum(1 for entry in roster(session, cell_id, on) if entry.membership == "official")


def _refuse_duplicate(session: Session, cmd: DisciplineInput) -> None:
    """One decision per violation and form: the same subject, form and violation (the same decision
    date and reason, or the same inspection) recorded again is refused, naming the decision that
    already exists — a repeated entry would otherwise be counted again in the report."""
    subject = (
        Discipline.subject_member_id == cmd.subject_member_id
        if cmd.subject_member_id is not None
        else Discipline.subject_cell_id == cmd.subject_cell_id
    )
    reason = fold(clean_multiline(cmd.reason))
    for row in session.scalars(
        select(Discipline).where(
            subject,
            Discipline.form == cmd.form,
            ~Discipline.deleted,
            Discipline.owner_unit_id == own_unit_id(session),
        )
    ):
        same_violation = (row.decision_date == cmd.decision_date and fold(row.reason) == reason) or (
            cmd.inspection_id is not None and row.inspection_id == cmd.inspection_id
        )
        if same_violation:
            raise RuleViolation(
                QT_TRANSLATE_NOOP(
                    "inspection",
                    "Đã có quyết định kỷ luật “{form}” đối với {subject} ngày {date} (số {number}, lý do: {reason}). Mỗi vi phạm chỉ ghi một quyết định cho một hình thức; nếu là vi phạm khác, hãy ghi rõ lý do và ngày của vi phạm đó.",
                ),
                context=CTX,
                form=FORMS[cmd.form],
                subject=_subject_name(session, row.subject_member_id, row.subject_cell_id),
                date=format_date(row.decision_date),
                number=row.decision_no or "—",
                reason=row.reason or "—",
            )


def discipline(session: Session, cmd: DisciplineInput) -> str:
    """Record a disciplinary decision. Votes are checked against the OFFICIAL-member count of the
    member's cell: more than half for reprimand, warning or removal; at least two thirds for
    expulsion. Expulsion ends membership (member services); removal ends the member's posts."""
    require(session, Permission.EDIT_SENSITIVE)
    if cmd.form not in FORMS:
        raise _err("form", QT_TRANSLATE_NOOP("inspection", "Hãy chọn hình thức kỷ luật."))
    if (cmd.subject_member_id is None) == (cmd.subject_cell_id is None):
        raise _err(
            "subject",
            QT_TRANSLATE_NOOP("inspection", "Hãy chọn một đối tượng: một đảng viên hoặc một tổ chức đảng."),
        )
    if min(cmd.votes_for, cmd.votes_against) < 0:
        raise _err("votes_for", QT_TRANSLATE_NOOP("inspection", "Số phiếu không được âm."))
    not_in_future("decision_date", cmd.decision_date)
    _refuse_duplicate(session, cmd)
    if cmd.subject_member_id is not None:
        member = get_live(
            session, Member, cmd.subject_member_id, QT_TRANSLATE_NOOP("inspection", "đảng viên")
        )
        allowed = allowed_forms(session, member.id)
        if cmd.form not in allowed:
            raise RuleViolation(
                QT_TRANSLATE_NOOP(
                    "inspection",
                    "Không áp dụng hình thức “{form}” cho đảng viên này. Được phép: {allowed}. (Đảng viên dự bị chỉ khiển trách, cảnh cáo; cách chức chỉ khi đang giữ chức vụ.)",
                ),
                context=CTX,
                form=FORMS[cmd.form],
                allowed=", ".join(FORMS[f] for f in allowed) or "—",
            )
        assert member.cell_id is not None
        official = official_members_of_cell(session, member.cell_id, cmd.decision_date)
    else:
        if cmd.form not in ("khien_trach", "canh_cao", "giai_tan"):
            raise RuleViolation(
                QT_TRANSLATE_NOOP("inspection", "Tổ chức đảng chỉ bị khiển trách, cảnh cáo hoặc giải tán."),
                context=CTX,
            )
        if not cmd.official_count:
            raise _err(
                "official_count",
                QT_TRANSLATE_NOOP("inspection", "Hãy nhập số đảng viên chính thức của cấp ủy biểu quyết."),
            )
        official = cmd.official_count
    if cmd.votes_for + cmd.votes_against > official:
        raise _err(
            "votes_for",
            QT_TRANSLATE_NOOP("inspection", "Tổng số phiếu vượt số đảng viên chính thức ({official})."),
            official=official,
        )
    outcome = vote_outcome(
        "expulsion" if cmd.form == "khai_tru" else "discipline", cmd.votes_for, official, official
    )
    if not outcome.passed:
        raise RuleViolation(
            QT_TRANSLATE_NOOP(
                "inspection",
                "Chưa đủ phiếu: cần ít nhất {required}/{official} đảng viên chính thức tán thành (có {votes}).",
            ),
            context=CTX,
            required=outcome.required,
            official=official,
            votes=cmd.votes_for,
        )
    row = Discipline(
        owner_unit_id=own_unit_id(session),
        subject_member_id=cmd.subject_member_id,
        subject_cell_id=cmd.subject_cell_id,
        form=cmd.form,
        decision_date=cmd.decision_date,
        decision_no=clean(cmd.decision_no),
        deciding_body=clean(cmd.deciding_body),
        reason=clean_multiline(cmd.reason),
        votes_for=cmd.votes_for,
        votes_against=cmd.votes_against,
        official_count=official,
        inspection_id=cmd.inspection_id,
    )
    session.add(row)
    session.flush()
    if cmd.subject_member_id is not None and cmd.form == "khai_tru":
        ms.expel(
            session,
            ms.EventInput(
                cmd.subject_member_id,
                cmd.decision_date,
                decision_no=cmd.decision_no,
                issuing_body=cmd.deciding_body,
                reason=cmd.reason,
            ),
        )
    if cmd.subject_member_id is not None and cmd.form == "cach_chuc":
        for pos in session.scalars(
            select(CellPosition).where(
                CellPosition.member_id == cmd.subject_member_id, CellPosition.end_date.is_(None)
            )
        ):
            pos.end_date = cmd.decision_date
    audit.record(session, "create", "discipline", row.id, after=snapshot(row))
    return row.id


@dataclass(frozen=True)
class DisciplineView:
    id: str
    subject_name: str
    subject_kind: str
    form: str
    decision_date: date
    decision_no: str
    deciding_body: str
    reason: str
    votes_for: int
    official_count: int


def list_disciplines(session: Session, *, year: int | None = None) -> list[DisciplineView]:
    """Disciplinary decisions (a sensitive read, recorded in the audit chain)."""
    require(session, Permission.VIEW_SENSITIVE)
    query = (
        select(Discipline)
        .where(~Discipline.deleted, Discipline.owner_unit_id == own_unit_id(session))
        .order_by(Discipline.decision_date.desc())
    )
    if year is not None:
        query = query.where(func.strftime("%Y", Discipline.decision_date) == f"{year:04d}")
    rows = list(session.scalars(query))
    audit.record(session, "read", "discipline", "", fields=[f"count={len(rows)}"])
    return [
        DisciplineView(
            r.id,
            _subject_name(session, r.subject_member_id, r.subject_cell_id),
            "member" if r.subject_member_id else "organisation",
            r.form,
            r.decision_date,
            r.decision_no,
            r.deciding_body,
            r.reason,
            r.votes_for,
            r.official_count,
        )
        for r in rows
    ]
