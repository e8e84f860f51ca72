"""Party-work records (DOMAIN.md §3.4, §3.6–3.10): admission pipeline and plans, annual ratings,
inspections and discipline, petitions, training, dues."""

from __future__ import annotations

from datetime import date

from sqlalchemy import CheckConstraint, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, Synced


class Candidate(Synced, Base):
    """An outstanding candidate (quần chúng ưu tú) moving through the admission pipeline."""

    __tablename__ = "candidates"
    __table_args__ = (
        CheckConstraint(
            "stage IN ('candidate','class_done','sympathiser','verified','cell_resolved','decided','admitted','dropped')",
            name="stage",
        ),
    )
    family_name: Mapped[str] = mapped_column(String(60))
    middle_name: Mapped[str] = mapped_column(String(60), default="")
    given_name: Mapped[str] = mapped_column(String(60))
    sex: Mapped[str] = mapped_column(String(1))
    date_of_birth: Mapped[date]
    ethnicity: Mapped[str] = mapped_column(String(40), default="Kinh")
    religion: Mapped[str] = mapped_column(String(60), default="Không")
    cccd: Mapped[str | None] = mapped_column(String(20))
    phone: Mapped[str] = mapped_column(String(30), default="")
    general_education: Mapped[str] = mapped_column(String(20), default="")
    occupation: Mapped[str] = mapped_column(String(30), default="other")
    home_town: Mapped[str] = mapped_column(default="")
    permanent_address: Mapped[str] = mapped_column(default="")
    youth_union_member: Mapped[bool] = mapped_column(default=False)
    cell_id: Mapped[str] = mapped_column(ForeignKey("cells.id"), index=True)
    stage: Mapped[str] = mapped_column(String(20), default="candidate", index=True)
    proposed_date: Mapped[date | None]
    class_start: Mapped[date | None]
    class_end: Mapped[date | None]
    certificate_no: Mapped[str] = mapped_column(String(60), default="")
    helpers: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of member ids
    helpers_assigned: Mapped[date | None]
    verified_date: Mapped[date | None]
    cell_resolution_date: Mapped[date | None]
    cell_resolution_no: Mapped[str] = mapped_column(String(60), default="")
    cell_votes_for: Mapped[int | None] = mapped_column(Integer)
    cell_official_count: Mapped[int | None] = mapped_column(Integer)
    decision_date: Mapped[date | None]
    decision_no: Mapped[str] = mapped_column(String(60), default="")
    ceremony_date: Mapped[date | None]
    member_id: Mapped[str | None] = mapped_column(ForeignKey("members.id"))
    dropped_date: Mapped[date | None]
    dropped_reason: Mapped[str] = mapped_column(default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    sort_key: Mapped[str] = mapped_column(String(400), default="", index=True)
    search_key: Mapped[str] = mapped_column(default="")


class AdmissionPlan(Synced, Base):
    """The yearly admission target of a cell (cell_id set) or of the commune (cell_id NULL)."""

    __tablename__ = "admission_plans"
    __table_args__ = (UniqueConstraint("owner_unit_id", "year", "cell_id"),)
    year: Mapped[int] = mapped_column(Integer)
    cell_id: Mapped[str | None] = mapped_column(ForeignKey("cells.id"))
    target: Mapped[int] = mapped_column(Integer, default=0)
    target_women: Mapped[int] = mapped_column(Integer, default=0)
    target_minority: Mapped[int] = mapped_column(Integer, default=0)
    target_youth: Mapped[int] = mapped_column(Integer, default=0)


class RatingRound(Synced, Base):
    __tablename__ = "rating_rounds"
    __table_args__ = (
        UniqueConstraint("owner_unit_id", "year", "subject"),
        CheckConstraint("subject IN ('member','organisation')", name="subject"),
    )
    year: Mapped[int] = mapped_column(Integer)
    subject: Mapped[str] = mapped_column(String(20))
    review_date: Mapped[date]
    closed: Mapped[bool] = mapped_column(default=False)


class Rating(Synced, Base):
    """One member's (or one cell's) rating in a round."""

    __tablename__ = "ratings"
    __table_args__ = (
        UniqueConstraint("round_id", "member_id", "cell_id"),
        Index("ix_ratings_round_cell", "round_id", "cell_id"),
    )
    round_id: Mapped[str] = mapped_column(ForeignKey("rating_rounds.id"))
    member_id: Mapped[str | None] = mapped_column(ForeignKey("members.id"))
    cell_id: Mapped[str] = mapped_column(ForeignKey("cells.id"))
    score: Mapped[int | None] = mapped_column(Integer)
    level: Mapped[str] = mapped_column(String(30), default="")  # xuat_sac, tot, hoan_thanh, khong_hoan_thanh
    excluded_reason: Mapped[str] = mapped_column(String(30), default="")  # exempted, suspended, new
    note: Mapped[str] = mapped_column(default="")


class Inspection(Synced, Base):
    """An inspection (kiểm tra) or supervision (giám sát) of an organisation or a member. Sensitive."""

    __tablename__ = "inspections"
    __table_args__ = (
        CheckConstraint("activity IN ('inspection','supervision')", name="activity"),
        CheckConstraint("mode IN ('regular','thematic')", name="mode"),
    )
    activity: Mapped[str] = mapped_column(String(20))
    mode: Mapped[str] = mapped_column(String(20), default="regular")
    subject_member_id: Mapped[str | None] = mapped_column(ForeignKey("members.id"))
    subject_cell_id: Mapped[str | None] = mapped_column(ForeignKey("cells.id"))
    carried_by: Mapped[str] = mapped_column(default="")  # e.g. Ủy ban Kiểm tra Đảng ủy
    content: Mapped[str] = mapped_column(Text, default="")
    start_date: Mapped[date]
    end_date: Mapped[date | None]
    conclusion: Mapped[str] = mapped_column(Text, default="")
    violation_found: Mapped[bool] = mapped_column(default=False)


class Discipline(Synced, Base):
    """A disciplinary measure against a member or an organisation. Sensitive."""

    __tablename__ = "disciplines"
    __table_args__ = (
        CheckConstraint(
            "form IN ('khien_trach','canh_cao','cach_chuc','khai_tru','giai_tan')",
            name="form",
        ),
    )
    subject_member_id: Mapped[str | None] = mapped_column(ForeignKey("members.id"))
    subject_cell_id: Mapped[str | None] = mapped_column(ForeignKey("cells.id"))
    form: Mapped[str] = mapped_column(String(20))
    decision_date: Mapped[date]
    decision_no: Mapped[str] = mapped_column(String(60), default="")
    deciding_body: Mapped[str] = mapped_column(default="")
    reason: Mapped[str] = mapped_column(Text, default="")
    votes_for: Mapped[int] = mapped_column(Integer, default=0)
    votes_against: Mapped[int] = mapped_column(Integer, default=0)
    official_count: Mapped[int] = mapped_column(Integer, default=0)
    inspection_id: Mapped[str | None] = mapped_column(ForeignKey("inspections.id"))


class Petition(Synced, Base):
    """A complaint, denunciation, petition or feedback letter (đơn thư). Sensitive."""

    __tablename__ = "petitions"
    __table_args__ = (
        CheckConstraint("kind IN ('khieu_nai','to_cao','kien_nghi','phan_anh')", name="kind"),
        CheckConstraint("status IN ('pending','resolved','filed','transferred')", name="status"),
    )
    received_date: Mapped[date]
    kind: Mapped[str] = mapped_column(String(20))
    sender: Mapped[str] = mapped_column(default="")  # empty: anonymous
    anonymous: Mapped[bool] = mapped_column(default=False)
    subject_member_id: Mapped[str | None] = mapped_column(ForeignKey("members.id"))
    subject_cell_id: Mapped[str | None] = mapped_column(ForeignKey("cells.id"))
    subject_text: Mapped[str] = mapped_column(default="")
    summary: Mapped[str] = mapped_column(Text, default="")
    handler: Mapped[str] = mapped_column(default="")
    deadline: Mapped[date | None]
    status: Mapped[str] = mapped_column(String(20), default="pending")
    closed_date: Mapped[date | None]
    result: Mapped[str] = mapped_column(Text, default="")
    transferred_to: Mapped[str] = mapped_column(default="")


class Course(Synced, Base):
    """A training course: political theory, new-member course, Party-awareness class."""

    __tablename__ = "courses"
    __table_args__ = (CheckConstraint("kind IN ('theory','new_member','awareness','other')", name="kind"),)
    name: Mapped[str]
    kind: Mapped[str] = mapped_column(String(20))
    level: Mapped[str] = mapped_column(String(20), default="")  # theory level granted: so_cap, trung_cap, ...
    organiser: Mapped[str] = mapped_column(default="")
    start_date: Mapped[date]
    end_date: Mapped[date | None]
    completed: Mapped[bool] = mapped_column(default=False)


class CourseAttendee(Synced, Base):
    __tablename__ = "course_attendees"
    __table_args__ = (
        CheckConstraint("result IN ('attending','passed','failed','withdrew')", name="result"),
        UniqueConstraint("course_id", "member_id", "candidate_id"),
    )
    course_id: Mapped[str] = mapped_column(ForeignKey("courses.id"), index=True)
    member_id: Mapped[str | None] = mapped_column(ForeignKey("members.id"))
    candidate_id: Mapped[str | None] = mapped_column(ForeignKey("candidates.id"))
    result: Mapped[str] = mapped_column(String(20), default="attending")
    certificate_no: Mapped[str] = mapped_column(String(60), default="")


class DuesPayment(Synced, Base):
    """A member's dues for one month: amount due (from the rate table) and what was paid."""

    __tablename__ = "dues_payments"
    __table_args__ = (
        UniqueConstraint("member_id", "month"),
        CheckConstraint("channel IN ('','cash','portal')", name="channel"),
        Index("ix_dues_cell_month", "cell_id", "month"),
    )
    member_id: Mapped[str] = mapped_column(ForeignKey("members.id"))
    cell_id: Mapped[str] = mapped_column(ForeignKey("cells.id"))
    month: Mapped[str] = mapped_column(String(7))
    category: Mapped[str] = mapped_column(String(30), default="other")
    base_amount: Mapped[int | None] = mapped_column(
        Integer
    )  # insured salary or pension, when the rate is a percentage
    amount_due: Mapped[int] = mapped_column(Integer, default=0)
    amount_paid: Mapped[int] = mapped_column(Integer, default=0)
    channel: Mapped[str] = mapped_column(String(10), default="")
    paid_date: Mapped[date | None]
    note: Mapped[str] = mapped_column(default="")
