"""sync by construction: change numbers

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02 18:00:00

Every travelling table gets `change_seq`, the database's change number of the row's last write
(stamped by one session hook; packages carry what changed since the acknowledged number instead of
comparing clocks). The channel with the upper level remembers the acknowledged change number and the
sender incarnations left behind by a restore; each package written remembers the change number it
reached. Existing rows start at 0: the first package after the upgrade is a full one (no change number
acknowledged yet).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

TRAVELLING = (
    "cells", "courses", "rating_rounds", "report_snapshots", "units", "villages", "admission_plans",
    "cell_villages", "members", "upper_levels", "candidates", "cell_assignments", "cell_positions",
    "dues_payments", "inspections", "meetings", "member_events", "petitions", "ratings",
    "course_attendees", "disciplines", "meeting_agenda", "meeting_attendance", "meeting_tasks",
    "meeting_votes",
)  # fmt: skip


def upgrade() -> None:
    for table in TRAVELLING:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("change_seq", sa.Integer(), nullable=False, server_default="0"))
            batch_op.create_index(f"ix_{table}_change_seq", ["change_seq"], unique=False)
    with op.batch_alter_table("sync_channels", schema=None) as batch_op:
        batch_op.add_column(sa.Column("acked_change", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("retired", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("full_requested", sa.Boolean(), nullable=False, server_default="0"))
    with op.batch_alter_table("sync_packages", schema=None) as batch_op:
        batch_op.add_column(sa.Column("change_seq", sa.Integer(), nullable=False, server_default="0"))
    # Packages written before change numbers existed reached an unknown point: an acknowledgment of
    # one of them does not make the next package incremental.
    op.execute("UPDATE sync_packages SET change_seq = -1")


def downgrade() -> None:
    with op.batch_alter_table("sync_packages", schema=None) as batch_op:
        batch_op.drop_column("change_seq")
    with op.batch_alter_table("sync_channels", schema=None) as batch_op:
        batch_op.drop_column("full_requested")
        batch_op.drop_column("retired")
        batch_op.drop_column("acked_change")
    for table in TRAVELLING:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_index(f"ix_{table}_change_seq")
            batch_op.drop_column("change_seq")
