"""Open a database ready for use (open, migrate to the current schema, seed rule presets), and what
kind of installation it is (its level, demo or real)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from models import audit, migrate, rules
from models.db import Database, open_database, unit_of_work
from models.entities import Unit
from models.errors import ValidationError
from models.i18n import QT_TRANSLATE_NOOP
from models.security import SYSTEM_ACTOR
from models.services import organisation as org
from models.services.common import OWN_UNIT_KEY, meta, set_meta
from models.text import fold


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


# ---------------------------------------------------------------- what kind of installation this is

# The level of the installation's own unit: a commune sends its data up; a province (or, for data
# before 1/7/2025, a district) receives and consolidates its communes' packages.
COMMUNE, PROVINCE, DISTRICT = "commune", "province", "district"
LEVELS: dict[str, str] = {
    COMMUNE: QT_TRANSLATE_NOOP("setup", "cấp xã"),
    PROVINCE: QT_TRANSLATE_NOOP("setup", "cấp tỉnh"),
    DISTRICT: QT_TRANSLATE_NOOP("setup", "cấp huyện"),
}
META_LEVEL = "unit_level"
META_DEMO = "demo"


def role_of_level(level: str) -> str:
    """The sync role of a level: "commune" sends, "upper" receives."""
    return COMMUNE if level == COMMUNE else "upper"


@dataclass(frozen=True)
class Installation:
    level: str  # COMMUNE, PROVINCE or DISTRICT
    demo: bool  # the demo commune (marked on screen at all times)

    @property
    def role(self) -> str:
        return role_of_level(self.level)


def installation(session: Session) -> Installation:
    """The level recorded at set-up. A database set up before the level was recorded is read from its
    own unit's name ("Đảng bộ tỉnh …" is a province, "Đảng bộ huyện …" a district), else a commune."""
    level = meta(session, META_LEVEL)
    if level not in LEVELS:
        level = COMMUNE
        unit_id = meta(session, OWN_UNIT_KEY)
        unit = session.get(Unit, unit_id) if unit_id else None
        name = fold(unit.name) if unit is not None else ""
        if name.startswith(("dang bo tinh", "tinh uy")):
            level = PROVINCE
        elif name.startswith(("dang bo huyen", "huyen uy")):
            level = DISTRICT
    return Installation(level=level, demo=meta(session, META_DEMO) == "1")


def set_up_installation(session: Session, level: str, unit: org.UnitSetup) -> str:
    """The first-start set-up of a real installation: its own unit, its upper level (none for a
    province that sends to nobody) and its level. Returns the unit's id."""
    if level not in LEVELS:
        raise ValidationError(
            "level",
            QT_TRANSLATE_NOOP("setup", "Hãy chọn cấp của đơn vị: xã, tỉnh hoặc huyện."),
            context="setup",
        )
    unit_id = org.setup_unit(session, unit)
    set_meta(session, META_LEVEL, level)
    audit.record(session, "create", "installation", unit_id, after={"level": level})
    return unit_id
