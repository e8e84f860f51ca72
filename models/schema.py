"""Imports every entity module so `Base.metadata` holds the whole schema (Alembic, tests)."""

from __future__ import annotations

from models import (
    entities,
    entities_arrivals,
    entities_meetings,
    entities_reports,
    entities_sync,
    entities_work,
)

MODULES = (entities, entities_meetings, entities_work, entities_reports, entities_sync, entities_arrivals)
