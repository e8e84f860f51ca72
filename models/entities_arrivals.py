"""The history of what arrived (issue 14 §8): one row per package file presented for import at the
receiving unit — applied, replayed, held or refused — with its outcome and reason. Local state, never
travels; ids, sequence numbers and reasons only (no names of persons)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, UtcDateTime


class SyncArrival(Base):
    __tablename__ = "sync_arrivals"
    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    received_at: Mapped[datetime] = mapped_column(UtcDateTime(), index=True)
    file_name: Mapped[str] = mapped_column(String(255))
    file_hash: Mapped[str] = mapped_column(String(64), default="")  # "" when the file could not be read
    package_id: Mapped[str] = mapped_column(String(36), default="")
    sender_unit_id: Mapped[str] = mapped_column(String(36), default="", index=True)  # "" when unknown
    sender_name: Mapped[str] = mapped_column(default="")
    sequence: Mapped[int | None] = mapped_column(Integer)
    outcome: Mapped[str] = mapped_column(String(10))  # applied / replayed / held / refused
    reason: Mapped[str] = mapped_column(String(40), default="")  # the refusal's code
    message: Mapped[str] = mapped_column(Text, default="")  # what the clerk was told (translated)
    records: Mapped[int] = mapped_column(Integer, default=0)
