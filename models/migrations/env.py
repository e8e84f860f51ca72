"""Alembic environment: always run from code (models.migrate) with the application's connection."""

from __future__ import annotations

from alembic import context

from models import schema  # noqa: F401 - registers every table on Base.metadata
from models.base import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - only `alembic revision --autogenerate` from a developer shell
    from sqlalchemy import create_engine

    connection = create_engine(config.get_main_option("sqlalchemy.url") or "sqlite://").connect()

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
