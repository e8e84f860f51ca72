"""sync state

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-22 22:21:24.672088
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table(
        "sync_channels",
        sa.Column("peer_unit_id", sa.String(length=36), nullable=False),
        sa.Column("incarnation", sa.String(length=36), nullable=False),
        sa.Column("out_sequence", sa.Integer(), nullable=False),
        sa.Column("out_hash", sa.String(length=64), nullable=False),
        sa.Column("acked_sequence", sa.Integer(), nullable=False),
        sa.Column("acked_watermark", sa.DateTime(), nullable=True),
        sa.Column("in_sequence", sa.Integer(), nullable=False),
        sa.Column("in_hash", sa.String(length=64), nullable=False),
        sa.Column("needs_full", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("peer_unit_id", name=op.f("pk_sync_channels")),
    )
    op.create_table(
        "sync_corrections",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("from_unit_id", sa.String(length=36), nullable=False),
        sa.Column("record_kind", sa.String(length=40), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("field", sa.String(length=60), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("response", sa.Text(), nullable=False),
        sa.Column("direction", sa.String(length=3), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_corrections")),
    )
    op.create_table(
        "sync_held",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("peer_unit_id", sa.String(length=36), nullable=False),
        sa.Column("incarnation", sa.String(length=36), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("package", sa.LargeBinary(), nullable=False),
        sa.Column("held_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_held")),
        sa.UniqueConstraint(
            "peer_unit_id",
            "incarnation",
            "sequence",
            name=op.f("uq_sync_held_peer_unit_id_incarnation_sequence"),
        ),
    )
    op.create_table(
        "sync_keys",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("sign_private", sa.LargeBinary(), nullable=False),
        sa.Column("sign_public", sa.LargeBinary(), nullable=False),
        sa.Column("kem_private", sa.LargeBinary(), nullable=False),
        sa.Column("kem_public", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_keys")),
    )
    op.create_table(
        "sync_packages",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("package_id", sa.String(length=36), nullable=False),
        sa.Column("direction", sa.String(length=3), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("peer_unit_id", sa.String(length=36), nullable=False),
        sa.Column("incarnation", sa.String(length=36), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("file_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=True),
        sa.Column("records", sa.Integer(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_packages")),
        sa.UniqueConstraint("package_id", name=op.f("uq_sync_packages_package_id")),
    )
    with op.batch_alter_table("sync_packages", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sync_packages_peer_unit_id"), ["peer_unit_id"], unique=False)

    op.create_table(
        "sync_peers",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("unit_id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=10), nullable=False),
        sa.Column("sign_public", sa.LargeBinary(), nullable=False),
        sa.Column("kem_public", sa.LargeBinary(), nullable=False),
        sa.Column("sign_fingerprint", sa.String(length=64), nullable=False),
        sa.Column("enrolled_at", sa.DateTime(), nullable=False),
        sa.Column("revoked_at", sa.DateTime(), nullable=True),
        sa.Column("replaced_by", sa.String(length=36), nullable=True),
        sa.ForeignKeyConstraint(
            ["replaced_by"], ["sync_peers.id"], name=op.f("fk_sync_peers_replaced_by_sync_peers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_peers")),
        sa.UniqueConstraint("sign_fingerprint", name=op.f("uq_sync_peers_sign_fingerprint")),
    )
    with op.batch_alter_table("sync_peers", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sync_peers_unit_id"), ["unit_id"], unique=False)


def downgrade() -> None:

    with op.batch_alter_table("sync_peers", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sync_peers_unit_id"))

    op.drop_table("sync_peers")
    with op.batch_alter_table("sync_packages", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sync_packages_peer_unit_id"))

    op.drop_table("sync_packages")
    op.drop_table("sync_keys")
    op.drop_table("sync_held")
    op.drop_table("sync_corrections")
    op.drop_table("sync_channels")
