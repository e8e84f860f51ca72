"""party work records

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22 22:10:12.547232
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table(
        "courses",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("level", sa.String(length=20), nullable=False),
        sa.Column("organiser", sa.String(length=200), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("completed", sa.Boolean(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("owner_unit_id", sa.String(length=36), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.CheckConstraint(
            "kind IN ('theory','new_member','awareness','other')", name=op.f("ck_courses_kind")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_courses")),
    )
    with op.batch_alter_table("courses", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_courses_owner_unit_id"), ["owner_unit_id"], unique=False)

    op.create_table(
        "rating_rounds",
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("subject", sa.String(length=20), nullable=False),
        sa.Column("review_date", sa.Date(), nullable=False),
        sa.Column("closed", sa.Boolean(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("owner_unit_id", sa.String(length=36), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.CheckConstraint("subject IN ('member','organisation')", name=op.f("ck_rating_rounds_subject")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rating_rounds")),
        sa.UniqueConstraint(
            "owner_unit_id", "year", "subject", name=op.f("uq_rating_rounds_owner_unit_id_year_subject")
        ),
    )
    with op.batch_alter_table("rating_rounds", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_rating_rounds_owner_unit_id"), ["owner_unit_id"], unique=False)

    op.create_table(
        "admission_plans",
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("cell_id", sa.String(length=36), nullable=True),
        sa.Column("target", sa.Integer(), nullable=False),
        sa.Column("target_women", sa.Integer(), nullable=False),
        sa.Column("target_minority", sa.Integer(), nullable=False),
        sa.Column("target_youth", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("owner_unit_id", sa.String(length=36), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["cell_id"], ["cells.id"], name=op.f("fk_admission_plans_cell_id_cells")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_admission_plans")),
        sa.UniqueConstraint(
            "owner_unit_id", "year", "cell_id", name=op.f("uq_admission_plans_owner_unit_id_year_cell_id")
        ),
    )
    with op.batch_alter_table("admission_plans", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_admission_plans_owner_unit_id"), ["owner_unit_id"], unique=False)

    op.create_table(
        "candidates",
        sa.Column("family_name", sa.String(length=60), nullable=False),
        sa.Column("middle_name", sa.String(length=60), nullable=False),
        sa.Column("given_name", sa.String(length=60), nullable=False),
        sa.Column("sex", sa.String(length=1), nullable=False),
        sa.Column("date_of_birth", sa.Date(), nullable=False),
        sa.Column("ethnicity", sa.String(length=40), nullable=False),
        sa.Column("religion", sa.String(length=60), nullable=False),
        sa.Column("cccd", sa.String(length=20), nullable=True),
        sa.Column("phone", sa.String(length=30), nullable=False),
        sa.Column("general_education", sa.String(length=20), nullable=False),
        sa.Column("occupation", sa.String(length=30), nullable=False),
        sa.Column("home_town", sa.String(length=200), nullable=False),
        sa.Column("permanent_address", sa.String(length=200), nullable=False),
        sa.Column("youth_union_member", sa.Boolean(), nullable=False),
        sa.Column("cell_id", sa.String(length=36), nullable=False),
        sa.Column("stage", sa.String(length=20), nullable=False),
        sa.Column("proposed_date", sa.Date(), nullable=True),
        sa.Column("class_start", sa.Date(), nullable=True),
        sa.Column("class_end", sa.Date(), nullable=True),
        sa.Column("certificate_no", sa.String(length=60), nullable=False),
        sa.Column("helpers", sa.Text(), nullable=False),
        sa.Column("helpers_assigned", sa.Date(), nullable=True),
        sa.Column("verified_date", sa.Date(), nullable=True),
        sa.Column("cell_resolution_date", sa.Date(), nullable=True),
        sa.Column("cell_resolution_no", sa.String(length=60), nullable=False),
        sa.Column("cell_votes_for", sa.Integer(), nullable=True),
        sa.Column("cell_official_count", sa.Integer(), nullable=True),
        sa.Column("decision_date", sa.Date(), nullable=True),
        sa.Column("decision_no", sa.String(length=60), nullable=False),
        sa.Column("ceremony_date", sa.Date(), nullable=True),
        sa.Column("member_id", sa.String(length=36), nullable=True),
        sa.Column("dropped_date", sa.Date(), nullable=True),
        sa.Column("dropped_reason", sa.String(length=200), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("sort_key", sa.String(length=400), nullable=False),
        sa.Column("search_key", sa.String(length=200), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("owner_unit_id", sa.String(length=36), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.CheckConstraint(
            "stage IN ('candidate','class_done','sympathiser','verified','cell_resolved','decided','admitted','dropped')",
            name=op.f("ck_candidates_stage"),
        ),
        sa.ForeignKeyConstraint(["cell_id"], ["cells.id"], name=op.f("fk_candidates_cell_id_cells")),
        sa.ForeignKeyConstraint(["member_id"], ["members.id"], name=op.f("fk_candidates_member_id_members")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_candidates")),
    )
    with op.batch_alter_table("candidates", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_candidates_cell_id"), ["cell_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_candidates_owner_unit_id"), ["owner_unit_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_candidates_sort_key"), ["sort_key"], unique=False)
        batch_op.create_index(batch_op.f("ix_candidates_stage"), ["stage"], unique=False)

    op.create_table(
        "dues_payments",
        sa.Column("member_id", sa.String(length=36), nullable=False),
        sa.Column("cell_id", sa.String(length=36), nullable=False),
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("category", sa.String(length=30), nullable=False),
        sa.Column("base_amount", sa.Integer(), nullable=True),
        sa.Column("amount_due", sa.Integer(), nullable=False),
        sa.Column("amount_paid", sa.Integer(), nullable=False),
        sa.Column("channel", sa.String(length=10), nullable=False),
        sa.Column("paid_date", sa.Date(), nullable=True),
        sa.Column("note", sa.String(length=200), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("owner_unit_id", sa.String(length=36), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.CheckConstraint("channel IN ('','cash','portal')", name=op.f("ck_dues_payments_channel")),
        sa.ForeignKeyConstraint(["cell_id"], ["cells.id"], name=op.f("fk_dues_payments_cell_id_cells")),
        sa.ForeignKeyConstraint(
            ["member_id"], ["members.id"], name=op.f("fk_dues_payments_member_id_members")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dues_payments")),
        sa.UniqueConstraint("member_id", "month", name=op.f("uq_dues_payments_member_id_month")),
    )
    with op.batch_alter_table("dues_payments", schema=None) as batch_op:
        batch_op.create_index("ix_dues_cell_month", ["cell_id", "month"], unique=False)
        batch_op.create_index(batch_op.f("ix_dues_payments_owner_unit_id"), ["owner_unit_id"], unique=False)

    op.create_table(
        "inspections",
        sa.Column("activity", sa.String(length=20), nullable=False),
        sa.Column("mode", sa.String(length=20), nullable=False),
        sa.Column("subject_member_id", sa.String(length=36), nullable=True),
        sa.Column("subject_cell_id", sa.String(length=36), nullable=True),
        sa.Column("carried_by", sa.String(length=200), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("conclusion", sa.Text(), nullable=False),
        sa.Column("violation_found", sa.Boolean(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("owner_unit_id", sa.String(length=36), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.CheckConstraint("activity IN ('inspection','supervision')", name=op.f("ck_inspections_activity")),
        sa.CheckConstraint("mode IN ('regular','thematic')", name=op.f("ck_inspections_mode")),
        sa.ForeignKeyConstraint(
            ["subject_cell_id"], ["cells.id"], name=op.f("fk_inspections_subject_cell_id_cells")
        ),
        sa.ForeignKeyConstraint(
            ["subject_member_id"], ["members.id"], name=op.f("fk_inspections_subject_member_id_members")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inspections")),
    )
    with op.batch_alter_table("inspections", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_inspections_owner_unit_id"), ["owner_unit_id"], unique=False)

    op.create_table(
        "petitions",
        sa.Column("received_date", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("sender", sa.String(length=200), nullable=False),
        sa.Column("anonymous", sa.Boolean(), nullable=False),
        sa.Column("subject_member_id", sa.String(length=36), nullable=True),
        sa.Column("subject_cell_id", sa.String(length=36), nullable=True),
        sa.Column("subject_text", sa.String(length=200), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("handler", sa.String(length=200), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("closed_date", sa.Date(), nullable=True),
        sa.Column("result", sa.Text(), nullable=False),
        sa.Column("transferred_to", sa.String(length=200), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("owner_unit_id", sa.String(length=36), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.CheckConstraint(
            "kind IN ('khieu_nai','to_cao','kien_nghi','phan_anh')", name=op.f("ck_petitions_kind")
        ),
        sa.CheckConstraint(
            "status IN ('pending','resolved','filed','transferred')", name=op.f("ck_petitions_status")
        ),
        sa.ForeignKeyConstraint(
            ["subject_cell_id"], ["cells.id"], name=op.f("fk_petitions_subject_cell_id_cells")
        ),
        sa.ForeignKeyConstraint(
            ["subject_member_id"], ["members.id"], name=op.f("fk_petitions_subject_member_id_members")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_petitions")),
    )
    with op.batch_alter_table("petitions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_petitions_owner_unit_id"), ["owner_unit_id"], unique=False)

    op.create_table(
        "ratings",
        sa.Column("round_id", sa.String(length=36), nullable=False),
        sa.Column("member_id", sa.String(length=36), nullable=True),
        sa.Column("cell_id", sa.String(length=36), nullable=False),
        sa.Column("score", sa.Integer(), nullable=True),
        sa.Column("level", sa.String(length=30), nullable=False),
        sa.Column("excluded_reason", sa.String(length=30), nullable=False),
        sa.Column("note", sa.String(length=200), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("owner_unit_id", sa.String(length=36), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["cell_id"], ["cells.id"], name=op.f("fk_ratings_cell_id_cells")),
        sa.ForeignKeyConstraint(["member_id"], ["members.id"], name=op.f("fk_ratings_member_id_members")),
        sa.ForeignKeyConstraint(
            ["round_id"], ["rating_rounds.id"], name=op.f("fk_ratings_round_id_rating_rounds")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ratings")),
        sa.UniqueConstraint(
            "round_id", "member_id", "cell_id", name=op.f("uq_ratings_round_id_member_id_cell_id")
        ),
    )
    with op.batch_alter_table("ratings", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_ratings_owner_unit_id"), ["owner_unit_id"], unique=False)
        batch_op.create_index("ix_ratings_round_cell", ["round_id", "cell_id"], unique=False)

    op.create_table(
        "course_attendees",
        sa.Column("course_id", sa.String(length=36), nullable=False),
        sa.Column("member_id", sa.String(length=36), nullable=True),
        sa.Column("candidate_id", sa.String(length=36), nullable=True),
        sa.Column("result", sa.String(length=20), nullable=False),
        sa.Column("certificate_no", sa.String(length=60), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("owner_unit_id", sa.String(length=36), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.CheckConstraint(
            "result IN ('attending','passed','failed')", name=op.f("ck_course_attendees_result")
        ),
        sa.ForeignKeyConstraint(
            ["candidate_id"], ["candidates.id"], name=op.f("fk_course_attendees_candidate_id_candidates")
        ),
        sa.ForeignKeyConstraint(
            ["course_id"], ["courses.id"], name=op.f("fk_course_attendees_course_id_courses")
        ),
        sa.ForeignKeyConstraint(
            ["member_id"], ["members.id"], name=op.f("fk_course_attendees_member_id_members")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_course_attendees")),
        sa.UniqueConstraint(
            "course_id",
            "member_id",
            "candidate_id",
            name=op.f("uq_course_attendees_course_id_member_id_candidate_id"),
        ),
    )
    with op.batch_alter_table("course_attendees", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_course_attendees_course_id"), ["course_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_course_attendees_owner_unit_id"), ["owner_unit_id"], unique=False
        )

    op.create_table(
        "disciplines",
        sa.Column("subject_member_id", sa.String(length=36), nullable=True),
        sa.Column("subject_cell_id", sa.String(length=36), nullable=True),
        sa.Column("form", sa.String(length=20), nullable=False),
        sa.Column("decision_date", sa.Date(), nullable=False),
        sa.Column("decision_no", sa.String(length=60), nullable=False),
        sa.Column("deciding_body", sa.String(length=200), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("votes_for", sa.Integer(), nullable=False),
        sa.Column("votes_against", sa.Integer(), nullable=False),
        sa.Column("official_count", sa.Integer(), nullable=False),
        sa.Column("inspection_id", sa.String(length=36), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("owner_unit_id", sa.String(length=36), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.CheckConstraint(
            "form IN ('khien_trach','canh_cao','cach_chuc','khai_tru','giai_tan')",
            name=op.f("ck_disciplines_form"),
        ),
        sa.ForeignKeyConstraint(
            ["inspection_id"], ["inspections.id"], name=op.f("fk_disciplines_inspection_id_inspections")
        ),
        sa.ForeignKeyConstraint(
            ["subject_cell_id"], ["cells.id"], name=op.f("fk_disciplines_subject_cell_id_cells")
        ),
        sa.ForeignKeyConstraint(
            ["subject_member_id"], ["members.id"], name=op.f("fk_disciplines_subject_member_id_members")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_disciplines")),
    )
    with op.batch_alter_table("disciplines", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_disciplines_owner_unit_id"), ["owner_unit_id"], unique=False)


def downgrade() -> None:

    with op.batch_alter_table("disciplines", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_disciplines_owner_unit_id"))

    op.drop_table("disciplines")
    with op.batch_alter_table("course_attendees", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_course_attendees_owner_unit_id"))
        batch_op.drop_index(batch_op.f("ix_course_attendees_course_id"))

    op.drop_table("course_attendees")
    with op.batch_alter_table("ratings", schema=None) as batch_op:
        batch_op.drop_index("ix_ratings_round_cell")
        batch_op.drop_index(batch_op.f("ix_ratings_owner_unit_id"))

    op.drop_table("ratings")
    with op.batch_alter_table("petitions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_petitions_owner_unit_id"))

    op.drop_table("petitions")
    with op.batch_alter_table("inspections", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_inspections_owner_unit_id"))

    op.drop_table("inspections")
    with op.batch_alter_table("dues_payments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_dues_payments_owner_unit_id"))
        batch_op.drop_index("ix_dues_cell_month")

    op.drop_table("dues_payments")
    with op.batch_alter_table("candidates", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_candidates_stage"))
        batch_op.drop_index(batch_op.f("ix_candidates_sort_key"))
        batch_op.drop_index(batch_op.f("ix_candidates_owner_unit_id"))
        batch_op.drop_index(batch_op.f("ix_candidates_cell_id"))

    op.drop_table("candidates")
    with op.batch_alter_table("admission_plans", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_admission_plans_owner_unit_id"))

    op.drop_table("admission_plans")
    with op.batch_alter_table("rating_rounds", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_rating_rounds_owner_unit_id"))

    op.drop_table("rating_rounds")
    with op.batch_alter_table("courses", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_courses_owner_unit_id"))

    op.drop_table("courses")
