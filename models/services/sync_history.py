"""What arrived at the receiving unit: every package file presented for import, with its outcome
(applied, replayed, held, refused) and reason (issue 14 §8). A refusal also leaves an entry in the
audit chain. Read by the receiving page's history table and by its board (a commune whose latest
package was refused is shown as refused, with the reason)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models import audit
from models.entities_arrivals import SyncArrival
from models.security import Permission, require

OUTCOMES = ("applied", "replayed", "held", "refused")


@dataclass(frozen=True)
class Arrival:
    id: int
    received_at: datetime
    file_name: str
    file_hash: str
    package_id: str
    sender_unit_id: str
    sender_name: str
    sequence: int | None
    outcome: str
    reason: str
    message: str
    records: int


def record_arrival(
    session: Session, *, file_name: str, outcome: str, message: str, file_hash: str = "", package_id: str = "",
    sender_unit_id: str = "", sender_name: str = "", sequence: int | None = None, reason: str = "", records: int = 0,
) -> int:  # fmt: skip
    """Write one arrival in the caller's transaction; a refusal is audited too."""
    require(session, Permission.IMPORT)
    if outcome not in OUTCOMES:
        msg = f"unknown outcome {outcome!r}"  # a programming error
        raise ValueError(msg)
    row = SyncArrival(
        received_at=datetime.now(UTC),
        file_name=file_name[:255],
        file_hash=file_hash[:64],
        package_id=package_id[:36],
        sender_unit_id=sender_unit_id[:36],
        sender_name=sender_name[:200],
        sequence=sequence if sequence is not None and 0 <= sequence < 2**62 else None,
        outcome=outcome,
        reason=reason[:40],
        message=message[:4000],
        records=records,
    )
    session.add(row)
    session.flush()
    if outcome == "refused":
        audit.record(
            session,
            "sync.refused",
            "sync_package",
            package_id or file_hash or str(row.id),
            fields=[
                f"reason={reason or 'unknown'}",
                *([f"sender={sender_unit_id}"] if sender_unit_id else []),
            ],
        )
    return row.id


def _view(row: SyncArrival) -> Arrival:
    return Arrival(
        row.id,
        row.received_at,
        row.file_name,
        row.file_hash,
        row.package_id,
        row.sender_unit_id,
        row.sender_name,
        row.sequence,
        row.outcome,
        row.reason,
        row.message,
        row.records,
    )


def arrivals(session: Session, limit: int = 200) -> list[Arrival]:
    """The latest arrivals, newest first."""
    require(session, Permission.VIEW_REGISTER)
    query = select(SyncArrival).order_by(SyncArrival.id.desc()).limit(limit)
    return [_view(r) for r in session.scalars(query)]


def latest_by_sender(session: Session) -> dict[str, Arrival]:
    """Each known sender's latest arrival (the board shows a commune whose latest package was refused)."""
    require(session, Permission.VIEW_REGISTER)
    latest = (
        select(func.max(SyncArrival.id))
        .where(SyncArrival.sender_unit_id != "")
        .group_by(SyncArrival.sender_unit_id)
        .scalar_subquery()
    )
    rows = session.scalars(select(SyncArrival).where(SyncArrival.id.in_(latest)))
    return {r.sender_unit_id: _view(r) for r in rows}
