"""The tables: organisation (unit, upper level, villages, cells, positions, assignments), members and
their dated events, the audit chain, rule values and installation metadata.

Relationships are `lazy="raise"`: every load is explicit, so an accidental query per row fails in the
tests instead of slowing the member list at 100,000 rows."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import (
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, Synced, UtcDateTime, new_id


class AppMeta(Base):
    """Installation facts: own unit id, demo flag, incarnation id (rotated on restore)."""

    __tablename__ = "app_meta"
    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Unit(Synced, Base):
    """A Party organisation that owns records: the installation's own commune, or (at the upper level)
    each reporting commune."""

    __tablename__ = "units"
    name: Mapped[str]  # "Đảng bộ xã Mường Lèo"
    committee_name: Mapped[str]  # "Đảng ủy xã Mường Lèo" (issuing body of documents)
    symbol: Mapped[str] = mapped_column(String(20))  # body symbol for documents, e.g. "ĐU"
    place_name: Mapped[str]  # for the date line, e.g. "Mường Lèo"
    province: Mapped[str] = mapped_column(default="")
    term_start: Mapped[date | None]
    term_end: Mapped[date | None]
    is_own: Mapped[bool] = mapped_column(default=False)


class UpperLevel(Synced, Base):
    """The directly superior committee, dated: a district before 1/7/2025, the province after."""

    __tablename__ = "upper_levels"
    unit_id: Mapped[str] = mapped_column(ForeignKey("units.id"), index=True)
    name: Mapped[str]  # "Tỉnh ủy Sơn La"
    symbol: Mapped[str] = mapped_column(String(20))  # "TU"
    header_line: Mapped[str]  # "ĐẢNG BỘ TỈNH SƠN LA"
    organisation_board: Mapped[str] = mapped_column(default="")  # "Ban Tổ chức Tỉnh ủy"
    valid_from: Mapped[date]
    valid_to: Mapped[date | None]


class Village(Synced, Base):
    __tablename__ = "villages"
    __table_args__ = (CheckConstraint("kind IN ('ban','tieu_khu','to_dan_pho','thon')", name="kind"),)
    name: Mapped[str]
    kind: Mapped[str] = mapped_column(String(20), default="ban")
    households: Mapped[int | None]
    population: Mapped[int | None]
    valid_from: Mapped[date | None]
    valid_to: Mapped[date | None]
    successor_id: Mapped[str | None] = mapped_column(ForeignKey("villages.id"))
    sort_key: Mapped[str] = mapped_column(String(400), default="", index=True)
    search_key: Mapped[str] = mapped_column(default="")


class Cell(Synced, Base):
    __tablename__ = "cells"
    __table_args__ = (
        CheckConstraint(
            "kind IN ('village','school','health','police','military','agency','enterprise','cooperative','other')",
            name="kind",
        ),
        CheckConstraint("status IN ('active','merged','dissolved')", name="status"),
    )
    name: Mapped[str]  # "Chi bộ bản Na Hát"
    kind: Mapped[str] = mapped_column(String(20))
    symbol: Mapped[str] = mapped_column(String(20), default="CB")
    has_committee: Mapped[bool] = mapped_column(default=False)
    status: Mapped[str] = mapped_column(String(20), default="active")
    valid_from: Mapped[date | None]
    valid_to: Mapped[date | None]
    successor_id: Mapped[str | None] = mapped_column(ForeignKey("cells.id"))
    term_start: Mapped[date | None]
    term_end: Mapped[date | None]
    congress_date: Mapped[date | None]
    sort_key: Mapped[str] = mapped_column(String(400), default="", index=True)
    search_key: Mapped[str] = mapped_column(default="")

    villages: Mapped[list[CellVillage]] = relationship(lazy="raise", back_populates="cell")


class CellVillage(Synced, Base):
    """A village covered by a cell, dated (a cell may group several small villages)."""

    __tablename__ = "cell_villages"
    cell_id: Mapped[str] = mapped_column(ForeignKey("cells.id"), index=True)
    village_id: Mapped[str] = mapped_column(ForeignKey("villages.id"), index=True)
    valid_from: Mapped[date | None]
    valid_to: Mapped[date | None]
    cell: Mapped[Cell] = relationship(lazy="raise", back_populates="villages")


class Member(Synced, Base):
    """A Party member's identity and profile. `status`, `counted` and the key dates are derived from
    the member's events by `models.services.membership.rederive`, never edited by hand."""

    __tablename__ = "members"
    __table_args__ = (
        CheckConstraint("sex IN ('M','F')", name="sex"),
        Index("ix_members_cell_status", "cell_id", "status"),
        # Search-as-you-type: the list's query (filters, folded search, name order) and its counts are
        # answered from this index alone, without visiting 100,000 table rows (migration 0007).
        Index(
            "ix_members_search",
            "owner_unit_id",
            "sort_key",
            "id",
            "search_key",
            "status",
            "counted",
            "deleted",
            "cell_id",
            "sex",
        ),
    )
    family_name: Mapped[str] = mapped_column(String(60))
    middle_name: Mapped[str] = mapped_column(String(60), default="")
    given_name: Mapped[str] = mapped_column(String(60))
    birth_name: Mapped[str] = mapped_column(default="")
    aliases: Mapped[str] = mapped_column(default="")
    sex: Mapped[str] = mapped_column(String(1))
    date_of_birth: Mapped[date]
    place_of_birth: Mapped[str] = mapped_column(default="")
    home_town: Mapped[str] = mapped_column(default="")  # as written in the life history
    home_town_current: Mapped[str] = mapped_column(default="")  # current administrative name
    permanent_address: Mapped[str] = mapped_column(default="")
    temporary_address: Mapped[str] = mapped_column(default="")
    ethnicity: Mapped[str] = mapped_column(String(40), default="Kinh")
    religion: Mapped[str] = mapped_column(String(60), default="Không")
    cccd: Mapped[str | None] = mapped_column(String(20), index=True)
    party_card_no: Mapped[str | None] = mapped_column(String(30))
    card_issue_date: Mapped[date | None]
    card_type: Mapped[str] = mapped_column(String(40), default="")
    life_history_no: Mapped[str | None] = mapped_column(String(30))
    phone: Mapped[str] = mapped_column(String(30), default="")
    general_education: Mapped[str] = mapped_column(String(20), default="")  # "12/12"
    professional_qualification: Mapped[str] = mapped_column(default="")
    academic_degree: Mapped[str] = mapped_column(String(60), default="")
    political_theory: Mapped[str] = mapped_column(String(20), default="")  # so_cap, trung_cap, ...
    state_management: Mapped[str] = mapped_column(String(60), default="")
    foreign_language: Mapped[str] = mapped_column(String(60), default="")
    it_level: Mapped[str] = mapped_column(String(60), default="")
    minority_language: Mapped[str] = mapped_column(String(60), default="")
    occupation: Mapped[str] = mapped_column(String(30), default="other")
    position: Mapped[str] = mapped_column(default="")
    youth_union_date: Mapped[date | None]
    army_service: Mapped[str] = mapped_column(String(20), default="")  # "", army, police, retired
    photo: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    cell_id: Mapped[str | None] = mapped_column(ForeignKey("cells.id"), index=True)

    # Derived from events.
    status: Mapped[str] = mapped_column(String(20), default="probationary", index=True)
    counted: Mapped[bool] = mapped_column(default=True)
    admission_decision_date: Mapped[date | None]
    admission_date: Mapped[date | None]  # ceremony = "ngày vào Đảng"
    official_date: Mapped[date | None]
    end_date: Mapped[date | None]

    sort_key: Mapped[str] = mapped_column(String(400), default="", index=True)
    search_key: Mapped[str] = mapped_column(default="", index=True)

    events: Mapped[list[MemberEvent]] = relationship(lazy="raise", back_populates="member")


class MemberEvent(Synced, Base):
    """A dated fact in a member's history; the member's status is the fold of these."""

    __tablename__ = "member_events"
    __table_args__ = (Index("ix_member_events_member_date", "member_id", "event_date", "seq"),)
    member_id: Mapped[str] = mapped_column(ForeignKey("members.id"))
    kind: Mapped[str] = mapped_column(String(30), index=True)
    event_date: Mapped[date] = mapped_column(Date)
    seq: Mapped[int] = mapped_column(Integer, default=0)  # order of events on the same day
    decision_no: Mapped[str] = mapped_column(String(60), default="")
    decision_date: Mapped[date | None]
    issuing_body: Mapped[str] = mapped_column(default="")
    cell_id: Mapped[str | None] = mapped_column(ForeignKey("cells.id"))
    other_organisation: Mapped[str] = mapped_column(default="")
    letter_no: Mapped[str] = mapped_column(String(60), default="")
    temporary: Mapped[bool] = mapped_column(default=False)
    dues_paid_through: Mapped[str] = mapped_column(String(7), default="")  # YYYY-MM
    reason: Mapped[str] = mapped_column(default="")
    detail: Mapped[str] = mapped_column(Text, default="")  # JSON for kind-specific data
    note: Mapped[str] = mapped_column(Text, default="")
    member: Mapped[Member] = relationship(lazy="raise", back_populates="events")


class CellPosition(Synced, Base):
    """A post held by a member: in a cell (cell_id set) or in the commune committee (cell_id NULL)."""

    __tablename__ = "cell_positions"
    __table_args__ = (
        CheckConstraint(
            "role IN ('secretary','deputy_secretary','committee_member','commune_secretary','commune_deputy_secretary','standing_member','commune_committee_member')",
            name="role",
        ),
    )
    cell_id: Mapped[str | None] = mapped_column(ForeignKey("cells.id"), index=True)
    member_id: Mapped[str] = mapped_column(ForeignKey("members.id"), index=True)
    role: Mapped[str] = mapped_column(String(40))
    start_date: Mapped[date]
    end_date: Mapped[date | None]
    is_village_head: Mapped[bool] = mapped_column(default=False)
    is_council_chair: Mapped[bool] = mapped_column(default=False)
    is_committee_chair: Mapped[bool] = mapped_column(default=False)
    is_non_local: Mapped[bool] = mapped_column(default=False)
    note: Mapped[str] = mapped_column(default="")


class CellAssignment(Synced, Base):
    """A commune committee member assigned to follow a cell (cấp ủy viên phụ trách chi bộ)."""

    __tablename__ = "cell_assignments"
    cell_id: Mapped[str] = mapped_column(ForeignKey("cells.id"), index=True)
    member_id: Mapped[str] = mapped_column(ForeignKey("members.id"), index=True)
    start_date: Mapped[date]
    end_date: Mapped[date | None]


class RuleValue(Base):
    """A configurable rule (DOMAIN.md §7) with the date from which it applies."""

    __tablename__ = "rule_values"
    __table_args__ = (UniqueConstraint("key", "valid_from"),)
    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    key: Mapped[str] = mapped_column(String(80), index=True)
    valid_from: Mapped[date]
    value: Mapped[str] = mapped_column(Text)  # JSON
    note: Mapped[str] = mapped_column(default="")


class AuditEntry(Base):
    """One link of the tamper-evident audit chain. Values are never stored in clear: only the names
    of the changed fields and digests of the before/after values."""

    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime())
    actor: Mapped[str] = mapped_column(String(80))
    action: Mapped[str] = mapped_column(String(40))
    entity: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[str] = mapped_column(String(36), default="")
    fields: Mapped[str] = mapped_column(Text, default="")  # JSON list of field names
    before_digest: Mapped[str] = mapped_column(String(64), default="")
    after_digest: Mapped[str] = mapped_column(String(64), default="")
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class User(Base):
    """An account of this installation. Roles are a comma-separated list of `models.security.Role`
    values. Passwords are not stored here: each user's password wraps the database key in the key
    file next to the database (see `models.auth`, `exports.keyring`)."""

    __tablename__ = "users"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    login: Mapped[str] = mapped_column(String(60), unique=True)  # NFC, casefolded
    full_name: Mapped[str] = mapped_column(String(200), default="")
    roles: Mapped[str] = mapped_column(String(200), default="")
    active: Mapped[bool] = mapped_column(default=True)
    must_change_password: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=lambda: datetime.now(UTC))
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=lambda: datetime.now(UTC))

    def touch(self) -> None:
        self.updated_at = datetime.now(UTC)
