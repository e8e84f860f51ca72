"""Open a database ready for use: open, migrate to the current schema, seed rule presets."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from models import migrate, rules
from models.db import Database, open_database, unit_of_work
from models.security import SYSTEM_ACTOR


def open_app_database(
    path: Path | str, *, key: bytes | None = None, create: bool = False, **options: Any
) -> Database:
    """Open, upgrade (with a safety copy) and seed; closes the database again if any step fails."""
    db = open_database(path, key=key, create=create, **options)
    try:
        if not db.read_only:
            db.facts["pre_migration_copy"] = migrate.upgrade(db)
            with unit_of_work(db, SYSTEM_ACTOR) as session:
                rules.seed_rules(session)
    except BaseException:
        db.close()
        raise
    return db
