"""Write tests/fixtures/schema_<previous>.db: a small demo commune (members with their histories, a
year of meetings and the Party-work records) made through the services at the current head, then taken
down to the previous released revision with that revision's own Alembic downgrade. The upgrade test
then proves that a database of the previous revision reaches head without losing a row.

    .venv/bin/python scripts/make_previous_schema_fixture.py

Run it once when a new revision is added (before editing the new revision's tables, the downgrade of
the new revision is what defines the previous schema)."""

from __future__ import annotations

import sqlite3
import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from models.db import checkpoint
from models.demo import DemoOptions, demo_anchor, generate_demo
from models.demo_meetings import add_demo_meetings
from models.demo_work import add_demo_work
from models.migrate import HEAD, KNOWN_REVISIONS, MIGRATIONS_DIR
from models.security import SYSTEM_ACTOR
from models.setup import open_app_database

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures"


def main() -> None:
    previous = KNOWN_REVISIONS[-2]
    target = FIXTURES / f"schema_{previous}.db"
    target.unlink(missing_ok=True)
    options = DemoOptions(members=60, seed=5, check_drive=False)
    generate_demo(target, options)
    db = open_app_database(target, check_drive=False)
    try:
        today = demo_anchor(options)
        add_demo_meetings(db, SYSTEM_ACTOR, seed=5, start=date(today.year, 9, 1), end=today)
        add_demo_work(db, SYSTEM_ACTOR, seed=5, today=today)
        checkpoint(db)
    finally:
        db.close()
    for suffix in ("-wal", "-shm", ".lock"):
        Path(str(target) + suffix).unlink(missing_ok=True)

    from alembic import command
    from alembic.config import Config

    with sqlite3.connect(target) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (HEAD,)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("sqlalchemy.url", f"sqlite:///{target}")
    command.downgrade(config, previous)
    with sqlite3.connect(target) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (previous,)
        conn.execute("VACUUM")
    for suffix in ("-wal", "-shm", ".lock"):
        Path(str(target) + suffix).unlink(missing_ok=True)
    print(target, target.stat().st_size)


if __name__ == "__main__":
    main()
