"""What a page or dialog needs to reach the data: the open database and who is acting. Passed down
explicitly from the main window (no global registry)."""

from __future__ import annotations

from dataclasses import dataclass

from exports.keyring import Unlocked
from models.db import Database
from models.security import Actor


@dataclass(frozen=True)
class AppContext:
    db: Database
    actor: Actor
    unlocked: Unlocked | None = None  # the login session (accounts, password change); None in tests
