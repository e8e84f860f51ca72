"""Report drafts, review and finalisation. Finalised figures are stored and never recomputed in place:
later edits to the underlying records are flagged as "changed after finalisation"."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models import audit
from models.entities import AuditEntry
from models.entities_reports import ReportSnapshot
from models.errors import RuleViolation
from models.i18n import QT_TRANSLATE_NOOP
from models.security import Permission, actor_of, require
from models.services.common import own_unit_id, snapshot
from models.text import clean, clean_multiline

CTX = "reports"
STATUS = {
    "draft": QT_TRANSLATE_NOOP("reports", "Bản nháp"),
    "reviewed": QT_TRANSLATE_NOOP("reports", "Đã rà soát"),
    "final": QT_TRANSLATE_NOOP("reports", "Đã chốt"),
}
TRACKED_ENTITIES = (
    "member",
    "cell",
    "village",
    "meeting",
    "candidate",
    "rating",
    "inspection",
    "discipline",
    "petition",
    "course",
    "dues_payment",
    "cell_position",
)


@dataclass(frozen=True)
class SnapshotView:
    id: str
    period: str
    form_key: str
    status: str
    narrative: dict[str, str]
    figures: dict[str, int | float | None]
    number: int | None
    signer: str
    finalised_at: datetime | None
    finalised_by: str
    audit_hash: str


def _find(session: Session, period: str, form_key: str) -> ReportSnapshot | None:
    return session.scalars(
        select(ReportSnapshot).where(
            ReportSnapshot.owner_unit_id == own_unit_id(session),
            ReportSnapshot.period == period,
            ReportSnapshot.form_key == form_key,
            ~ReportSnapshot.deleted,
        )
    ).first()


def _view(row: ReportSnapshot) -> SnapshotView:
    return SnapshotView(
        row.id,
        row.period,
        row.form_key,
        row.status,
        json.loads(row.narrative or "{}"),
        json.loads(row.figures or "{}"),
        row.number,
        row.signer,
        row.finalised_at,
        row.finalised_by,
        row.audit_hash,
    )


def get(session: Session, period: str, form_key: str) -> SnapshotView | None:
    require(session, Permission.VIEW_REGISTER)
    row = _find(session, period, form_key)
    return _view(row) if row else None


def save_narrative(
    session: Session,
    period: str,
    form_key: str,
    results: str,
    shortcomings: str,
    tasks: str,
    signer: str = "",
) -> str:
    """Save the clerk's text; a finalised report's text cannot change."""
    require(session, Permission.EDIT_REGISTER)
    row = _find(session, period, form_key)
    if row is not None and row.status == "final":
        raise RuleViolation(
            QT_TRANSLATE_NOOP("reports", "Báo cáo đã chốt; không sửa được nội dung."), context=CTX
        )
    before = snapshot(row) if row else None
    if row is None:
        row = ReportSnapshot(
            owner_unit_id=own_unit_id(session), period=period, form_key=form_key, status="draft"
        )
        session.add(row)
    else:
        row.status = "draft"  # an edited text needs a new review
    row.narrative = json.dumps(
        {
            "results": clean_multiline(results),
            "shortcomings": clean_multiline(shortcomings),
            "tasks": clean_multiline(tasks),
        },
        ensure_ascii=False,
    )
    row.signer = clean(signer)
    session.flush()
    audit.record(session, "report.draft", "report", row.id, before=before, after=snapshot(row))
    return row.id


def mark_reviewed(session: Session, period: str, form_key: str) -> None:
    require(session, Permission.FINALISE)
    row = _find(session, period, form_key)
    if row is None or row.status == "final":
        raise RuleViolation(QT_TRANSLATE_NOOP("reports", "Chỉ rà soát được bản nháp đã lưu."), context=CTX)
    row.status = "reviewed"
    audit.record(session, "report.review", "report", row.id, fields=["status"])


def finalise(
    session: Session,
    period: str,
    form_key: str,
    figures: dict[str, int | float | None],
    problems: list[str],
    number: int | None = None,
) -> SnapshotView:
    """Freeze the figures. Refused while the consistency check reports problems (listed), before the
    report was reviewed, without a signer's name or without any text. The number is the next of the
    year unless the office gives one (from its register of documents) not yet used this year."""
    require(session, Permission.FINALISE)
    if problems:
        raise RuleViolation(
            QT_TRANSLATE_NOOP(
                "reports",
                "Chưa chốt được báo cáo vì số liệu chưa khớp:\n{problems}\nHãy sửa các hồ sơ nêu trên rồi chốt lại.",
            ),
            context=CTX,
            problems="\n".join(f"- {p}" for p in problems[:20]),
        )
    row = _find(session, period, form_key)
    if row is None or row.status != "reviewed":
        raise RuleViolation(
            QT_TRANSLATE_NOOP("reports", "Báo cáo phải được lưu và rà soát trước khi chốt."), context=CTX
        )
    if not (row.signer or "").strip():
        raise RuleViolation(
            QT_TRANSLATE_NOOP(
                "reports", "Báo cáo chưa có họ tên người ký. Hãy ghi người ký (T/M Đảng ủy) rồi chốt lại."
            ),
            context=CTX,
        )
    text = json.loads(row.narrative or "{}")
    if not any(str(v).strip() for v in text.values()):
        raise RuleViolation(
            QT_TRANSLATE_NOOP(
                "reports",
                "Báo cáo chưa có nội dung (kết quả, hạn chế, nhiệm vụ). Hãy viết nội dung rồi chốt lại.",
            ),
            context=CTX,
        )
    year = period[:4]
    same_year = (
        ReportSnapshot.owner_unit_id == row.owner_unit_id,
        ReportSnapshot.period.like(f"{year}-%"),
        ReportSnapshot.id != row.id,
    )
    if number is not None:
        taken = session.scalar(
            select(func.count(ReportSnapshot.id)).where(*same_year, ReportSnapshot.number == number)
        )
        if number < 1 or taken:
            raise RuleViolation(
                QT_TRANSLATE_NOOP(
                    "reports",
                    "Số báo cáo {number} không dùng được (đã có hoặc không hợp lệ). Hãy chọn số khác.",
                ),
                context=CTX,
                number=number,
            )
        row.number = number
    else:
        last = session.scalar(select(func.max(ReportSnapshot.number)).where(*same_year))
        row.number = int(last or 0) + 1
    row.status = "final"
    row.figures = json.dumps(figures, ensure_ascii=False, sort_keys=True)
    row.finalised_at = datetime.now(UTC)
    row.finalised_by = actor_of(session).login
    entry = audit.record(session, "report.finalise", "report", row.id, fields=["figures"])
    row.audit_hash = entry.hash
    session.flush()
    return _view(row)


@dataclass(frozen=True)
class Drift:
    changed_figures: dict[str, tuple[int | float | None, int | float | None]]  # key → (frozen, now)
    changed_records: int  # audit entries on tracked records since finalisation

    @property
    def flagged(self) -> bool:
        return bool(self.changed_figures) or self.changed_records > 0


def drift(session: Session, view: SnapshotView, current: dict[str, int | float | None]) -> Drift:
    """What changed after finalisation: figures that would now differ, and edits since then."""
    require(session, Permission.VIEW_REGISTER)
    if view.finalised_at is None:
        return Drift({}, 0)
    changed = {k: (v, current.get(k)) for k, v in view.figures.items() if current.get(k) != v}
    edits = session.scalar(
        select(func.count(AuditEntry.id)).where(
            AuditEntry.at > view.finalised_at,
            AuditEntry.entity.in_(TRACKED_ENTITIES),
            AuditEntry.action != "read",
        )
    )
    return Drift(changed, int(edits or 0))


def find_for_unit(session: Session, unit_id: str, period: str, form_key: str) -> SnapshotView | None:
    """A commune's report snapshot as received at the upper level."""
    require(session, Permission.VIEW_REGISTER)
    row = session.scalars(
        select(ReportSnapshot).where(
            ReportSnapshot.owner_unit_id == unit_id,
            ReportSnapshot.period == period,
            ReportSnapshot.form_key == form_key,
            ~ReportSnapshot.deleted,
        )
    ).first()
    return _view(row) if row else None
