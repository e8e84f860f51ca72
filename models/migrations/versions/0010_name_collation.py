"""name collation by whole field

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02 19:00:00

Names sort by the whole given name (letters, then tones), then family name, then middle name: every
"Dung" before every "Dũng" (issue 15 §8). The stored keys of members and admission candidates (read
by the member list's covering index) are recomputed with models.text.name_sort_key; a data-only
revision, whose downgrade leaves the keys as they are (both orders are valid keys for the old code).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from models.text import name_sort_key

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

SELECT = {
    "members": sa.text("SELECT id, family_name, middle_name, given_name, sort_key FROM members"),
    "candidates": sa.text("SELECT id, family_name, middle_name, given_name, sort_key FROM candidates"),
}
UPDATE = {
    "members": sa.text("UPDATE members SET sort_key = :key WHERE id = :id"),
    "candidates": sa.text("UPDATE candidates SET sort_key = :key WHERE id = :id"),
}


def upgrade() -> None:
    conn = op.get_bind()
    for table, select in SELECT.items():
        changed = [
            {"id": row[0], "key": key}
            for row in conn.execute(select)
            if (key := name_sort_key(row[1], row[2], row[3])) != row[4]
        ]
        if changed:
            conn.execute(UPDATE[table], changed)


def downgrade() -> None:
    pass
