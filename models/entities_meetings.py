"""Cell meetings (DOMAIN.md §3.5): the meeting, attendance, agenda with speeches, tasks and votes."""

from __future__ import annotations

from datetime import date

from sqlalchemy import CheckConstraint, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, Synced


class Meeting(Synced, Base):
    __tablename__ = "meetings"
    __table_args__ = (
        CheckConstraint("kind IN ('regular','thematic','extraordinary','congress')", name="kind"),
        CheckConstraint("status IN ('planned','held','cancelled')", name="status"),
        Index("ix_meetings_cell_month", "cell_id", "month"),
        UniqueConstraint("cell_id", "term_key", "number"),
    )
    cell_id: Mapped[str] = mapped_column(ForeignKey("cells.id"))
    kind: Mapped[str] = mapped_column(String(20), default="regular")
    combined_thematic: Mapped[bool] = mapped_column(default=False)  # thematic and regular in one session
    status: Mapped[str] = mapped_column(String(20), default="planned")
    month: Mapped[str] = mapped_column(String(7))  # "YYYY-MM" the meeting belongs to
    planned_date: Mapped[date | None]
    held_date: Mapped[date | None]
    start_time: Mapped[str] = mapped_column(String(5), default="")  # "19:30"
    end_time: Mapped[str] = mapped_column(String(5), default="")
    place: Mapped[str] = mapped_column(default="")
    chair_name: Mapped[str] = mapped_column(default="")
    chair_member_id: Mapped[str | None] = mapped_column(ForeignKey("members.id"))
    secretary_name: Mapped[str] = mapped_column(default="")
    secretary_member_id: Mapped[str | None] = mapped_column(ForeignKey("members.id"))
    guests: Mapped[str] = mapped_column(Text, default="")  # JSON list of {name, role, assigned}
    assigned_member_attended: Mapped[bool] = mapped_column(default=False)
    thematic_topic: Mapped[str] = mapped_column(Text, default="")
    thematic_presenter: Mapped[str] = mapped_column(default="")
    conclusion: Mapped[str] = mapped_column(Text, default="")
    quality_rating: Mapped[str] = mapped_column(String(20), default="")  # tot, kha, trung_binh, kem
    quality_score: Mapped[int | None] = mapped_column(Integer)
    prep_committee_met: Mapped[bool] = mapped_column(default=False)
    prep_members_notified: Mapped[bool] = mapped_column(default=False)
    read_back: Mapped[bool] = mapped_column(default=True)
    term_key: Mapped[str] = mapped_column(String(10), default="")  # the cell term start, numbering scope
    number: Mapped[int | None] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(Text, default="")


class MeetingAttendance(Synced, Base):
    __tablename__ = "meeting_attendance"
    __table_args__ = (
        CheckConstraint(
            "status IN ('present','absent_excused','absent_unexcused','exempted','away')", name="status"
        ),
        UniqueConstraint("meeting_id", "member_id"),
    )
    meeting_id: Mapped[str] = mapped_column(ForeignKey("meetings.id"), index=True)
    member_id: Mapped[str] = mapped_column(ForeignKey("members.id"), index=True)
    status: Mapped[str] = mapped_column(String(20), default="present")
    membership: Mapped[str] = mapped_column(String(20), default="official")  # at the meeting date
    reason: Mapped[str] = mapped_column(default="")


class AgendaItem(Synced, Base):
    __tablename__ = "meeting_agenda"
    meeting_id: Mapped[str] = mapped_column(ForeignKey("meetings.id"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(Text)
    presenter: Mapped[str] = mapped_column(default="")
    content: Mapped[str] = mapped_column(Text, default="")
    conclusion: Mapped[str] = mapped_column(Text, default="")
    speeches: Mapped[str] = mapped_column(Text, default="")  # JSON list of {speaker, member_id, text}
    personnel_kind: Mapped[str] = mapped_column(String(30), default="")  # e.g. propose_admission
    personnel_ref: Mapped[str] = mapped_column(String(36), default="")  # linked pipeline record


class MeetingTask(Synced, Base):
    __tablename__ = "meeting_tasks"
    meeting_id: Mapped[str] = mapped_column(ForeignKey("meetings.id"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    assignee: Mapped[str] = mapped_column(default="")
    due_date: Mapped[date | None]


class MeetingVote(Synced, Base):
    __tablename__ = "meeting_votes"
    __table_args__ = (CheckConstraint("method IN ('hands','ballot')", name="method"),)
    meeting_id: Mapped[str] = mapped_column(ForeignKey("meetings.id"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    subject: Mapped[str] = mapped_column(Text)
    rule: Mapped[str] = mapped_column(String(30), default="resolution")
    votes_for: Mapped[int] = mapped_column(Integer, default=0)
    votes_against: Mapped[int] = mapped_column(Integer, default=0)
    votes_abstain: Mapped[int] = mapped_column(Integer, default=0)
    method: Mapped[str] = mapped_column(String(10), default="hands")
