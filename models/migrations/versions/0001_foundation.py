"""foundation: organisation, members, events, audit, rules

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-22 21:32:52.028133
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table(
        "app_meta",
        sa.Column("key", sa.String(length=60), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_app_meta")),
    )
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(length=80), nullable=False),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("fields", sa.Text(), nullable=False),
        sa.Column("before_digest", sa.String(length=64), nullable=False),
        sa.Column("after_digest", sa.String(length=64), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
    )
    op.create_table(
        "cells",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("symbol", sa.String(length=20), nullable=False),
        sa.Column("has_committee", sa.Boolean(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=True),
        sa.Column("valid_to", sa.Date(), nullable=True),
        sa.Column("successor_id", sa.String(length=36), nullable=True),
        sa.Column("term_start", sa.Date(), nullable=True),
        sa.Column("term_end", sa.Date(), nullable=True),
        sa.Column("congress_date", sa.Date(), nullable=True),
        sa.Column("sort_key", sa.String(length=400), nullable=False),
        sa.Column("search_key", sa.String(length=200), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("owner_unit_id", sa.String(length=36), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.CheckConstraint(
            "kind IN ('village','school','health','police','military','agency','enterprise','cooperative','other')",
            name=op.f("ck_cells_kind"),
        ),
        sa.CheckConstraint("status IN ('active','merged','dissolved')", name=op.f("ck_cells_status")),
        sa.ForeignKeyConstraint(["successor_id"], ["cells.id"], name=op.f("fk_cells_successor_id_cells")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cells")),
    )
    with op.batch_alter_table("cells", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_cells_owner_unit_id"), ["owner_unit_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_cells_sort_key"), ["sort_key"], unique=False)

    op.create_table(
        "rule_values",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("key", sa.String(length=80), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("note", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rule_values")),
        sa.UniqueConstraint("key", "valid_from", name=op.f("uq_rule_values_key_valid_from")),
    )
    with op.batch_alter_table("rule_values", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_rule_values_key"), ["key"], unique=False)

    op.create_table(
        "units",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("committee_name", sa.String(length=200), nullable=False),
        sa.Column("symbol", sa.String(length=20), nullable=False),
        sa.Column("place_name", sa.String(length=200), nullable=False),
        sa.Column("province", sa.String(length=200), nullable=False),
        sa.Column("term_start", sa.Date(), nullable=True),
        sa.Column("term_end", sa.Date(), nullable=True),
        sa.Column("is_own", sa.Boolean(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("owner_unit_id", sa.String(length=36), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_units")),
    )
    with op.batch_alter_table("units", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_units_owner_unit_id"), ["owner_unit_id"], unique=False)

    op.create_table(
        "villages",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("households", sa.Integer(), nullable=True),
        sa.Column("population", sa.Integer(), nullable=True),
        sa.Column("valid_from", sa.Date(), nullable=True),
        sa.Column("valid_to", sa.Date(), nullable=True),
        sa.Column("successor_id", sa.String(length=36), nullable=True),
        sa.Column("sort_key", sa.String(length=400), nullable=False),
        sa.Column("search_key", sa.String(length=200), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("owner_unit_id", sa.String(length=36), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.CheckConstraint("kind IN ('ban','tieu_khu','to_dan_pho','thon')", name=op.f("ck_villages_kind")),
        sa.ForeignKeyConstraint(
            ["successor_id"], ["villages.id"], name=op.f("fk_villages_successor_id_villages")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_villages")),
    )
    with op.batch_alter_table("villages", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_villages_owner_unit_id"), ["owner_unit_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_villages_sort_key"), ["sort_key"], unique=False)

    op.create_table(
        "cell_villages",
        sa.Column("cell_id", sa.String(length=36), nullable=False),
        sa.Column("village_id", sa.String(length=36), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=True),
        sa.Column("valid_to", sa.Date(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("owner_unit_id", sa.String(length=36), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["cell_id"], ["cells.id"], name=op.f("fk_cell_villages_cell_id_cells")),
        sa.ForeignKeyConstraint(
            ["village_id"], ["villages.id"], name=op.f("fk_cell_villages_village_id_villages")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cell_villages")),
    )
    with op.batch_alter_table("cell_villages", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_cell_villages_cell_id"), ["cell_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_cell_villages_owner_unit_id"), ["owner_unit_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_cell_villages_village_id"), ["village_id"], unique=False)

    op.create_table(
        "members",
        sa.Column("family_name", sa.String(length=60), nullable=False),
        sa.Column("middle_name", sa.String(length=60), nullable=False),
        sa.Column("given_name", sa.String(length=60), nullable=False),
        sa.Column("birth_name", sa.String(length=200), nullable=False),
        sa.Column("aliases", sa.String(length=200), nullable=False),
        sa.Column("sex", sa.String(length=1), nullable=False),
        sa.Column("date_of_birth", sa.Date(), nullable=False),
        sa.Column("place_of_birth", sa.String(length=200), nullable=False),
        sa.Column("home_town", sa.String(length=200), nullable=False),
        sa.Column("home_town_current", sa.String(length=200), nullable=False),
        sa.Column("permanent_address", sa.String(length=200), nullable=False),
        sa.Column("temporary_address", sa.String(length=200), nullable=False),
        sa.Column("ethnicity", sa.String(length=40), nullable=False),
        sa.Column("religion", sa.String(length=60), nullable=False),
        sa.Column("cccd", sa.String(length=20), nullable=True),
        sa.Column("party_card_no", sa.String(length=30), nullable=True),
        sa.Column("card_issue_date", sa.Date(), nullable=True),
        sa.Column("card_type", sa.String(length=40), nullable=False),
        sa.Column("life_history_no", sa.String(length=30), nullable=True),
        sa.Column("phone", sa.String(length=30), nullable=False),
        sa.Column("general_education", sa.String(length=20), nullable=False),
        sa.Column("professional_qualification", sa.String(length=200), nullable=False),
        sa.Column("academic_degree", sa.String(length=60), nullable=False),
        sa.Column("political_theory", sa.String(length=20), nullable=False),
        sa.Column("state_management", sa.String(length=60), nullable=False),
        sa.Column("foreign_language", sa.String(length=60), nullable=False),
        sa.Column("it_level", sa.String(length=60), nullable=False),
        sa.Column("minority_language", sa.String(length=60), nullable=False),
        sa.Column("occupation", sa.String(length=30), nullable=False),
        sa.Column("position", sa.String(length=200), nullable=False),
        sa.Column("youth_union_date", sa.Date(), nullable=True),
        sa.Column("army_service", sa.String(length=20), nullable=False),
        sa.Column("photo", sa.LargeBinary(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("cell_id", sa.String(length=36), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("counted", sa.Boolean(), nullable=False),
        sa.Column("admission_decision_date", sa.Date(), nullable=True),
        sa.Column("admission_date", sa.Date(), nullable=True),
        sa.Column("official_date", sa.Date(), nullable=True),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("sort_key", sa.String(length=400), nullable=False),
        sa.Column("search_key", sa.String(length=200), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("owner_unit_id", sa.String(length=36), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.CheckConstraint("sex IN ('M','F')", name=op.f("ck_members_sex")),
        sa.ForeignKeyConstraint(["cell_id"], ["cells.id"], name=op.f("fk_members_cell_id_cells")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_members")),
    )
    with op.batch_alter_table("members", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_members_cccd"), ["cccd"], unique=False)
        batch_op.create_index(batch_op.f("ix_members_cell_id"), ["cell_id"], unique=False)
        batch_op.create_index("ix_members_cell_status", ["cell_id", "status"], unique=False)
        batch_op.create_index(batch_op.f("ix_members_owner_unit_id"), ["owner_unit_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_members_search_key"), ["search_key"], unique=False)
        batch_op.create_index(batch_op.f("ix_members_sort_key"), ["sort_key"], unique=False)
        batch_op.create_index(batch_op.f("ix_members_status"), ["status"], unique=False)

    op.create_table(
        "upper_levels",
        sa.Column("unit_id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("symbol", sa.String(length=20), nullable=False),
        sa.Column("header_line", sa.String(length=200), nullable=False),
        sa.Column("organisation_board", sa.String(length=200), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("valid_to", sa.Date(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("owner_unit_id", sa.String(length=36), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["unit_id"], ["units.id"], name=op.f("fk_upper_levels_unit_id_units")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_upper_levels")),
    )
    with op.batch_alter_table("upper_levels", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_upper_levels_owner_unit_id"), ["owner_unit_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_upper_levels_unit_id"), ["unit_id"], unique=False)

    op.create_table(
        "cell_assignments",
        sa.Column("cell_id", sa.String(length=36), nullable=False),
        sa.Column("member_id", sa.String(length=36), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("owner_unit_id", sa.String(length=36), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["cell_id"], ["cells.id"], name=op.f("fk_cell_assignments_cell_id_cells")),
        sa.ForeignKeyConstraint(
            ["member_id"], ["members.id"], name=op.f("fk_cell_assignments_member_id_members")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cell_assignments")),
    )
    with op.batch_alter_table("cell_assignments", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_cell_assignments_cell_id"), ["cell_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_cell_assignments_member_id"), ["member_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_cell_assignments_owner_unit_id"), ["owner_unit_id"], unique=False
        )

    op.create_table(
        "cell_positions",
        sa.Column("cell_id", sa.String(length=36), nullable=True),
        sa.Column("member_id", sa.String(length=36), nullable=False),
        sa.Column("role", sa.String(length=40), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("is_village_head", sa.Boolean(), nullable=False),
        sa.Column("is_council_chair", sa.Boolean(), nullable=False),
        sa.Column("is_committee_chair", sa.Boolean(), nullable=False),
        sa.Column("is_non_local", sa.Boolean(), nullable=False),
        sa.Column("note", sa.String(length=200), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("owner_unit_id", sa.String(length=36), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.CheckConstraint(
            "role IN ('secretary','deputy_secretary','committee_member','commune_secretary','commune_deputy_secretary','standing_member','commune_committee_member')",
            name=op.f("ck_cell_positions_role"),
        ),
        sa.ForeignKeyConstraint(["cell_id"], ["cells.id"], name=op.f("fk_cell_positions_cell_id_cells")),
        sa.ForeignKeyConstraint(
            ["member_id"], ["members.id"], name=op.f("fk_cell_positions_member_id_members")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cell_positions")),
    )
    with op.batch_alter_table("cell_positions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_cell_positions_cell_id"), ["cell_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_cell_positions_member_id"), ["member_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_cell_positions_owner_unit_id"), ["owner_unit_id"], unique=False)

    op.create_table(
        "member_events",
        sa.Column("member_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("event_date", sa.Date(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("decision_no", sa.String(length=60), nullable=False),
        sa.Column("decision_date", sa.Date(), nullable=True),
        sa.Column("issuing_body", sa.String(length=200), nullable=False),
        sa.Column("cell_id", sa.String(length=36), nullable=True),
        sa.Column("other_organisation", sa.String(length=200), nullable=False),
        sa.Column("letter_no", sa.String(length=60), nullable=False),
        sa.Column("temporary", sa.Boolean(), nullable=False),
        sa.Column("dues_paid_through", sa.String(length=7), nullable=False),
        sa.Column("reason", sa.String(length=200), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("owner_unit_id", sa.String(length=36), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["cell_id"], ["cells.id"], name=op.f("fk_member_events_cell_id_cells")),
        sa.ForeignKeyConstraint(
            ["member_id"], ["members.id"], name=op.f("fk_member_events_member_id_members")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_member_events")),
    )
    with op.batch_alter_table("member_events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_member_events_kind"), ["kind"], unique=False)
        batch_op.create_index(
            "ix_member_events_member_date", ["member_id", "event_date", "seq"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_member_events_owner_unit_id"), ["owner_unit_id"], unique=False)


def downgrade() -> None:

    with op.batch_alter_table("member_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_member_events_owner_unit_id"))
        batch_op.drop_index("ix_member_events_member_date")
        batch_op.drop_index(batch_op.f("ix_member_events_kind"))

    op.drop_table("member_events")
    with op.batch_alter_table("cell_positions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_cell_positions_owner_unit_id"))
        batch_op.drop_index(batch_op.f("ix_cell_positions_member_id"))
        batch_op.drop_index(batch_op.f("ix_cell_positions_cell_id"))

    op.drop_table("cell_positions")
    with op.batch_alter_table("cell_assignments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_cell_assignments_owner_unit_id"))
        batch_op.drop_index(batch_op.f("ix_cell_assignments_member_id"))
        batch_op.drop_index(batch_op.f("ix_cell_assignments_cell_id"))

    op.drop_table("cell_assignments")
    with op.batch_alter_table("upper_levels", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_upper_levels_unit_id"))
        batch_op.drop_index(batch_op.f("ix_upper_levels_owner_unit_id"))

    op.drop_table("upper_levels")
    with op.batch_alter_table("members", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_members_status"))
        batch_op.drop_index(batch_op.f("ix_members_sort_key"))
        batch_op.drop_index(batch_op.f("ix_members_search_key"))
        batch_op.drop_index(batch_op.f("ix_members_owner_unit_id"))
        batch_op.drop_index("ix_members_cell_status")
        batch_op.drop_index(batch_op.f("ix_members_cell_id"))
        batch_op.drop_index(batch_op.f("ix_members_cccd"))

    op.drop_table("members")
    with op.batch_alter_table("cell_villages", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_cell_villages_village_id"))
        batch_op.drop_index(batch_op.f("ix_cell_villages_owner_unit_id"))
        batch_op.drop_index(batch_op.f("ix_cell_villages_cell_id"))

    op.drop_table("cell_villages")
    with op.batch_alter_table("villages", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_villages_sort_key"))
        batch_op.drop_index(batch_op.f("ix_villages_owner_unit_id"))

    op.drop_table("villages")
    with op.batch_alter_table("units", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_units_owner_unit_id"))

    op.drop_table("units")
    with op.batch_alter_table("rule_values", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_rule_values_key"))

    op.drop_table("rule_values")
    with op.batch_alter_table("cells", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_cells_sort_key"))
        batch_op.drop_index(batch_op.f("ix_cells_owner_unit_id"))

    op.drop_table("cells")
    op.drop_table("audit_log")
    op.drop_table("app_meta")
