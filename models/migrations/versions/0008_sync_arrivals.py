"""sync arrivals

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02 18:00:00

The history of every package presented for import at the receiving unit (applied, replayed, held or
refused) with its reason, shown on the receiving page (issue 14 §8).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_arrivals",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("file_name", sa.String(length=255), nullable=False),
        sa.Column("file_hash", sa.String(length=64), nullable=False),
        sa.Column("package_id", sa.String(length=36), nullable=False),
        sa.Column("sender_unit_id", sa.String(length=36), nullable=False),
        sa.Column("sender_name", sa.String(length=200), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=True),
        sa.Column("outcome", sa.String(length=10), nullable=False),
        sa.Column("reason", sa.String(length=40), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("records", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_arrivals")),
    )
    with op.batch_alter_table("sync_arrivals", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sync_arrivals_received_at"), ["received_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_sync_arrivals_sender_unit_id"), ["sender_unit_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("sync_arrivals", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sync_arrivals_sender_unit_id"))
        batch_op.drop_index(batch_op.f("ix_sync_arrivals_received_at"))
    op.drop_table("sync_arrivals")
