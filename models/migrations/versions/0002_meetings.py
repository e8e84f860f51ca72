"""meetings

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 21:45:53.257519
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table(
        "meetings",
        sa.Column("cell_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("combined_thematic", sa.Boolean(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("planned_date", sa.Date(), nullable=True),
        sa.Column("held_date", sa.Date(), nullable=True),
        sa.Column("start_time", sa.String(length=5), nullable=False),
        sa.Column("end_time", sa.String(length=5), nullable=False),
        sa.Column("place", sa.String(length=200), nullable=False),
        sa.Column("chair_name", sa.String(length=200), nullable=False),
        sa.Column("chair_member_id", sa.String(length=36), nullable=True),
        sa.Column("secretary_name", sa.String(length=200), nullable=False),
        sa.Column("secretary_member_id", sa.String(length=36), nullable=True),
        sa.Column("guests", sa.Text(), nullable=False),
        sa.Column("assigned_member_attended", sa.Boolean(), nullable=False),
        sa.Column("thematic_topic", sa.Text(), nullable=False),
        sa.Column("thematic_presenter", sa.String(length=200), nullable=False),
        sa.Column("conclusion", sa.Text(), nullable=False),
        sa.Column("quality_rating", sa.String(length=20), nullable=False),
        sa.Column("quality_score", sa.Integer(), nullable=True),
        sa.Column("prep_committee_met", sa.Boolean(), nullable=False),
        sa.Column("prep_members_notified", sa.Boolean(), nullable=False),
        sa.Column("read_back", sa.Boolean(), nullable=False),
        sa.Column("term_key", sa.String(length=10), nullable=False),
        sa.Column("number", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("owner_unit_id", sa.String(length=36), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.CheckConstraint(
            "kind IN ('regular','thematic','extraordinary','congress')", name=op.f("ck_meetings_kind")
        ),
        sa.CheckConstraint("status IN ('planned','held','cancelled')", name=op.f("ck_meetings_status")),
        sa.ForeignKeyConstraint(["cell_id"], ["cells.id"], name=op.f("fk_meetings_cell_id_cells")),
        sa.ForeignKeyConstraint(
            ["chair_member_id"], ["members.id"], name=op.f("fk_meetings_chair_member_id_members")
        ),
        sa.ForeignKeyConstraint(
            ["secretary_member_id"], ["members.id"], name=op.f("fk_meetings_secretary_member_id_members")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meetings")),
        sa.UniqueConstraint(
            "cell_id", "term_key", "number", name=op.f("uq_meetings_cell_id_term_key_number")
        ),
    )
    with op.batch_alter_table("meetings", schema=None) as batch_op:
        batch_op.create_index("ix_meetings_cell_month", ["cell_id", "month"], unique=False)
        batch_op.create_index(batch_op.f("ix_meetings_owner_unit_id"), ["owner_unit_id"], unique=False)

    op.create_table(
        "meeting_agenda",
        sa.Column("meeting_id", sa.String(length=36), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("presenter", sa.String(length=200), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("conclusion", sa.Text(), nullable=False),
        sa.Column("speeches", sa.Text(), nullable=False),
        sa.Column("personnel_kind", sa.String(length=30), nullable=False),
        sa.Column("personnel_ref", sa.String(length=36), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("owner_unit_id", sa.String(length=36), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"], ["meetings.id"], name=op.f("fk_meeting_agenda_meeting_id_meetings")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting_agenda")),
    )
    with op.batch_alter_table("meeting_agenda", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_meeting_agenda_meeting_id"), ["meeting_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_meeting_agenda_owner_unit_id"), ["owner_unit_id"], unique=False)

    op.create_table(
        "meeting_attendance",
        sa.Column("meeting_id", sa.String(length=36), nullable=False),
        sa.Column("member_id", sa.String(length=36), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("membership", sa.String(length=20), nullable=False),
        sa.Column("reason", sa.String(length=200), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("owner_unit_id", sa.String(length=36), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.CheckConstraint(
            "status IN ('present','absent_excused','absent_unexcused','exempted','away')",
            name=op.f("ck_meeting_attendance_status"),
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"], ["meetings.id"], name=op.f("fk_meeting_attendance_meeting_id_meetings")
        ),
        sa.ForeignKeyConstraint(
            ["member_id"], ["members.id"], name=op.f("fk_meeting_attendance_member_id_members")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting_attendance")),
        sa.UniqueConstraint(
            "meeting_id", "member_id", name=op.f("uq_meeting_attendance_meeting_id_member_id")
        ),
    )
    with op.batch_alter_table("meeting_attendance", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_meeting_attendance_meeting_id"), ["meeting_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_meeting_attendance_member_id"), ["member_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_meeting_attendance_owner_unit_id"), ["owner_unit_id"], unique=False
        )

    op.create_table(
        "meeting_tasks",
        sa.Column("meeting_id", sa.String(length=36), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("assignee", sa.String(length=200), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("owner_unit_id", sa.String(length=36), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"], ["meetings.id"], name=op.f("fk_meeting_tasks_meeting_id_meetings")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting_tasks")),
    )
    with op.batch_alter_table("meeting_tasks", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_meeting_tasks_meeting_id"), ["meeting_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_meeting_tasks_owner_unit_id"), ["owner_unit_id"], unique=False)

    op.create_table(
        "meeting_votes",
        sa.Column("meeting_id", sa.String(length=36), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("subject", sa.Text(), nullable=False),
        sa.Column("rule", sa.String(length=30), nullable=False),
        sa.Column("votes_for", sa.Integer(), nullable=False),
        sa.Column("votes_against", sa.Integer(), nullable=False),
        sa.Column("votes_abstain", sa.Integer(), nullable=False),
        sa.Column("method", sa.String(length=10), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("owner_unit_id", sa.String(length=36), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.CheckConstraint("method IN ('hands','ballot')", name=op.f("ck_meeting_votes_method")),
        sa.ForeignKeyConstraint(
            ["meeting_id"], ["meetings.id"], name=op.f("fk_meeting_votes_meeting_id_meetings")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting_votes")),
    )
    with op.batch_alter_table("meeting_votes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_meeting_votes_meeting_id"), ["meeting_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_meeting_votes_owner_unit_id"), ["owner_unit_id"], unique=False)


def downgrade() -> None:

    with op.batch_alter_table("meeting_votes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_meeting_votes_owner_unit_id"))
        batch_op.drop_index(batch_op.f("ix_meeting_votes_meeting_id"))

    op.drop_table("meeting_votes")
    with op.batch_alter_table("meeting_tasks", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_meeting_tasks_owner_unit_id"))
        batch_op.drop_index(batch_op.f("ix_meeting_tasks_meeting_id"))

    op.drop_table("meeting_tasks")
    with op.batch_alter_table("meeting_attendance", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_meeting_attendance_owner_unit_id"))
        batch_op.drop_index(batch_op.f("ix_meeting_attendance_member_id"))
        batch_op.drop_index(batch_op.f("ix_meeting_attendance_meeting_id"))

    op.drop_table("meeting_attendance")
    with op.batch_alter_table("meeting_agenda", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_meeting_agenda_owner_unit_id"))
        batch_op.drop_index(batch_op.f("ix_meeting_agenda_meeting_id"))

    op.drop_table("meeting_agenda")
    with op.batch_alter_table("meetings", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_meetings_owner_unit_id"))
        batch_op.drop_index("ix_meetings_cell_month")

    op.drop_table("meetings")
