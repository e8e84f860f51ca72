"""Periodic reports: the clerk's narrative, the review status and, once finalised, the frozen figures."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, Synced


class ReportSnapshot(Synced, Base):
    __tablename__ = "report_snapshots"
    __table_args__ = (
        UniqueConstraint("owner_unit_id", "period", "form_key"),
        CheckConstraint("status IN ('draft','reviewed','final')", name="status"),
    )
    period: Mapped[str] = mapped_column(String(10))  # "2026-Q3"
    form_key: Mapped[str] = mapped_column(String(60))
    status: Mapped[str] = mapped_column(String(10), default="draft")
    narrative: Mapped[str] = mapped_column(Text, default="{}")  # JSON: results, shortcomings, tasks
    figures: Mapped[str] = mapped_column(Text, default="{}")  # JSON, frozen at finalisation
    number: Mapped[int | None] = mapped_column(Integer)
    signer: Mapped[str] = mapped_column(default="")
    finalised_at: Mapped[datetime | None]
    finalised_by: Mapped[str] = mapped_column(String(80), default="")
    audit_hash: Mapped[str] = mapped_column(String(64), default="")
