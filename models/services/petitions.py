"""Petitions (đơn thư khiếu nại, tố cáo, kiến nghị, phản ánh; DOMAIN.md §3.8). Sensitive: only the
inspection role handles them, and reads are recorded in the audit chain."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import audit
from models.dates import format_date
from models.entities_work import Petition
from models.errors import RuleViolation, ValidationError
from models.i18n import QT_TRANSLATE_NOOP
from models.security import Permission, require
from models.services.common import get_live, not_in_future, own_unit_id, snapshot
from models.text import clean, clean_multiline

CTX = "petitions"
KINDS = {
    "khieu_nai": QT_TRANSLATE_NOOP("petitions", "Khiếu nại"),
    "to_cao": QT_TRANSLATE_NOOP("petitions", "Tố cáo"),
    "kien_nghi": QT_TRANSLATE_NOOP("petitions", "Kiến nghị"),
    "phan_anh": QT_TRANSLATE_NOOP("petitions", "Phản ánh"),
}
STATUSES = {
    "pending": QT_TRANSLATE_NOOP("petitions", "Đang giải quyết"),
    "resolved": QT_TRANSLATE_NOOP("petitions", "Đã giải quyết"),
    "filed": QT_TRANSLATE_NOOP("petitions", "Lưu đơn"),
    "transferred": QT_TRANSLATE_NOOP("petitions", "Chuyển cơ quan có thẩm quyền"),
}


def _err(field: str, text: str, **params: Any) -> ValidationError:
    return ValidationError(field, text, context=CTX, **params)


@dataclass(frozen=True)
class PetitionInput:
    received_date: date
    kind: str
    summary: str
    sender: str = ""  # empty and anonymous=True for an unsigned letter
    anonymous: bool = False
    subject_member_id: str | None = None
    subject_cell_id: str | None = None
    subject_text: str = ""
    handler: str = ""
    deadline: date | None = None


def register_petition(session: Session, cmd: PetitionInput) -> str:
    require(session, Permission.EDIT_SENSITIVE)
    errors: dict[str, str] = {}
    if cmd.kind not in KINDS:
        errors["kind"] = _err("kind", QT_TRANSLATE_NOOP("petitions", "Hãy chọn loại đơn.")).text()
    if not clean_multiline(cmd.summary):
        errors["summary"] = _err(
            "summary", QT_TRANSLATE_NOOP("petitions", "Hãy tóm tắt nội dung đơn.")
        ).text()
    if not cmd.anonymous and not clean(cmd.sender):
        errors["sender"] = _err(
            "sender", QT_TRANSLATE_NOOP("petitions", "Hãy ghi người gửi, hoặc đánh dấu đơn không ký tên.")
        ).text()
    if cmd.deadline is not None and cmd.deadline < cmd.received_date:
        errors["deadline"] = _err(
            "deadline", QT_TRANSLATE_NOOP("petitions", "Hạn giải quyết trước ngày nhận đơn.")
        ).text()
    try:
        not_in_future("received_date", cmd.received_date)
    except ValidationError as exc:
        errors["received_date"] = exc.text()
    if errors:
        raise ValidationError.many(errors)
    row = Petition(
        owner_unit_id=own_unit_id(session),
        received_date=cmd.received_date,
        kind=cmd.kind,
        sender="" if cmd.anonymous else clean(cmd.sender),
        anonymous=cmd.anonymous,
        subject_member_id=cmd.subject_member_id,
        subject_cell_id=cmd.subject_cell_id,
        subject_text=clean(cmd.subject_text),
        summary=clean_multiline(cmd.summary),
        handler=clean(cmd.handler),
        deadline=cmd.deadline,
        status="pending",
    )
    session.add(row)
    session.flush()
    audit.record(session, "create", "petition", row.id, after=snapshot(row))
    return row.id


def close_petition(
    session: Session, petition_id: str, status: str, on: date, result: str = "", transferred_to: str = ""
) -> None:
    """Resolve (with the result), file without action (lưu), or transfer to the competent body."""
    require(session, Permission.EDIT_SENSITIVE)
    row = get_live(session, Petition, petition_id, QT_TRANSLATE_NOOP("petitions", "đơn thư"))
    if status not in ("resolved", "filed", "transferred"):
        raise _err(
            "status", QT_TRANSLATE_NOOP("petitions", "Hãy chọn: đã giải quyết, lưu đơn hoặc chuyển đi.")
        )
    if row.status != "pending":
        raise RuleViolation(QT_TRANSLATE_NOOP("petitions", "Đơn đã được xử lý trước đó."), context=CTX)
    if on < row.received_date:
        raise _err(
            "closed_date",
            QT_TRANSLATE_NOOP("petitions", "Ngày xử lý trước ngày nhận đơn ({date})."),
            date=format_date(row.received_date),
        )
    not_in_future("closed_date", on)
    if status == "resolved" and not clean_multiline(result):
        raise _err("result", QT_TRANSLATE_NOOP("petitions", "Hãy ghi kết quả giải quyết."))
    if status == "transferred" and not clean(transferred_to):
        raise _err("transferred_to", QT_TRANSLATE_NOOP("petitions", "Hãy ghi cơ quan nhận đơn chuyển."))
    before = snapshot(row)
    row.status, row.closed_date, row.result, row.transferred_to = (
        status,
        on,
        clean_multiline(result),
        clean(transferred_to),
    )
    audit.record(session, f"petition.{status}", "petition", row.id, before=before, after=snapshot(row))


@dataclass(frozen=True)
class PetitionCounts:
    """The period's flow of letters, which balances by construction:
    opening + received = resolved + filed + transferred + pending (the closing count)."""

    received: int
    resolved: int
    filed: int
    transferred: int
    pending: int  # at the end of the period, whenever received (the closing count)
    opening: int = 0  # still being handled at the start of the period

    @property
    def balances(self) -> bool:
        return self.opening + self.received == self.resolved + self.filed + self.transferred + self.pending


def period_counts(session: Session, start: date, end: date) -> PetitionCounts:
    """The period's movements: opening = received before the period and not closed before it;
    received in the period; resolved, filed and transferred = CLOSED in the period whenever received
    (a letter received in Q2 and resolved in Q3 counts in Q3); pending = received by the end and not
    closed by then. See `PetitionCounts` for the balance."""
    require(session, Permission.VIEW_SENSITIVE)
    rows = session.execute(
        select(Petition.received_date, Petition.status, Petition.closed_date).where(
            ~Petition.deleted, Petition.owner_unit_id == own_unit_id(session), Petition.received_date <= end
        )
    ).all()

    def closed_as(status: str) -> int:
        return sum(1 for r in rows if r[1] == status and r[2] is not None and start <= r[2] <= end)

    opening = sum(1 for r in rows if r[0] < start and (r[2] is None or r[2] >= start))
    pending = sum(1 for r in rows if r[2] is None or r[2] > end)
    return PetitionCounts(
        sum(1 for r in rows if r[0] >= start),
        closed_as("resolved"),
        closed_as("filed"),
        closed_as("transferred"),
        pending,
        opening,
    )


@dataclass(frozen=True)
class PetitionView:
    id: str
    received_date: date
    kind: str
    sender: str
    anonymous: bool
    subject_text: str
    summary: str
    handler: str
    deadline: date | None
    status: str
    closed_date: date | None
    result: str
    overdue: bool


def list_petitions(
    session: Session, *, status: str | None = None, on: date | None = None
) -> list[PetitionView]:
    """Petitions (a sensitive read, recorded in the audit chain)."""
    require(session, Permission.VIEW_SENSITIVE)
    query = (
        select(Petition)
        .where(~Petition.deleted, Petition.owner_unit_id == own_unit_id(session))
        .order_by(Petition.received_date.desc())
    )
    if status is not None:
        query = query.where(Petition.status == status)
    rows = list(session.scalars(query))
    audit.record(session, "read", "petition", "", fields=[f"count={len(rows)}"])
    today_ = on or date.today()  # noqa: DTZ011 - calendar date
    return [
        PetitionView(
            r.id,
            r.received_date,
            r.kind,
            r.sender,
            r.anonymous,
            r.subject_text,
            r.summary,
            r.handler,
            r.deadline,
            r.status,
            r.closed_date,
            r.result,
            r.status == "pending" and r.deadline is not None and r.deadline < today_,
        )
        for r in rows
    ]
