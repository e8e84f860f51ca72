from __future__ import annotations

from models.db import Database, read_session
from models.migrate import HEAD, current_revision
from models.security import SYSTEM_ACTOR
from models.services import organisation as org


def test_new_database_is_at_head_in_wal(db: Database) -> None:
    assert current_revision(db) == HEAD
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2
    with read_session(db, SYSTEM_ACTOR) as session:
        assert org.own_unit(session).place_name == "Mường Lèo"
