"""training withdrew

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02 18:45:00

A trainee's result may also be "withdrew" (bỏ học) besides passed and failed (issue 21 §4): the CHECK
constraint of course_attendees.result is widened. SQLite cannot alter a constraint, so the table is
copied (batch mode); the rows are kept as they are.
"""

from __future__ import annotations

from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("course_attendees", schema=None, recreate="always") as batch_op:
        batch_op.drop_constraint(op.f("ck_course_attendees_result"), type_="check")
        batch_op.create_check_constraint(
            op.f("ck_course_attendees_result"), "result IN ('attending','passed','failed','withdrew')"
        )


def downgrade() -> None:
    op.execute("UPDATE course_attendees SET result = 'failed' WHERE result = 'withdrew'")
    with op.batch_alter_table("course_attendees", schema=None, recreate="always") as batch_op:
        batch_op.drop_constraint(op.f("ck_course_attendees_result"), type_="check")
        batch_op.create_check_constraint(
            op.f("ck_course_attendees_result"), "result IN ('attending','passed','failed')"
        )
