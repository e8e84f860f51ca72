"""report snapshots

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22 22:14:21.315613
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table(
        "report_snapshots",
        sa.Column("period", sa.String(length=10), nullable=False),
        sa.Column("form_key", sa.String(length=60), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("narrative", sa.Text(), nullable=False),
        sa.Column("figures", sa.Text(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=True),
        sa.Column("signer", sa.String(length=200), nullable=False),
        sa.Column("finalised_at", sa.DateTime(), nullable=True),
        sa.Column("finalised_by", sa.String(length=80), nullable=False),
        sa.Column("audit_hash", sa.String(length=64), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("owner_unit_id", sa.String(length=36), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.CheckConstraint("status IN ('draft','reviewed','final')", name=op.f("ck_report_snapshots_status")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_report_snapshots")),
        sa.UniqueConstraint(
            "owner_unit_id",
            "period",
            "form_key",
            name=op.f("uq_report_snapshots_owner_unit_id_period_form_key"),
        ),
    )
    with op.batch_alter_table("report_snapshots", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_report_snapshots_owner_unit_id"), ["owner_unit_id"], unique=False
        )


def downgrade() -> None:

    with op.batch_alter_table("report_snapshots", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_report_snapshots_owner_unit_id"))

    op.drop_table("report_snapshots")
