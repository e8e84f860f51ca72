"""A database that fails its start-up check: tell damage apart from other refusals, and open the
damaged file read-only (SQLite `mode=ro`) for the user who just logged in, so the clerk can still
look things up and print what can be read. Every write on such a database fails with the Vietnamese
StorageError of kind "read_only"; nothing is ever written to the damaged file (not even the login's
audit entry: it cannot be appended, and the file is kept as evidence for restore). For the same
reason the account's sensitive-record role is left out: those reads must be logged."""

from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path

from exports import keyring
from models import auth, dbfile
from models.db import read_session
from models.errors import StorageError
from models.security import ROLE_PERMISSIONS, SYSTEM_ACTOR, Actor, Permission
from models.services import common

log = logging.getLogger(__name__)

# What the start-up check reports for a damaged file once the key is known to be right: quick_check
# failed ("corrupt"), or SQLCipher could not authenticate a page, page 1 included ("not_a_database").
DAMAGE_KINDS = frozenset({"corrupt", "not_a_database"})


def is_damage(exc: StorageError) -> bool:
    """True when opening failed because the file is damaged (offer restore / read-only / quit)."""
    return exc.kind in DAMAGE_KINDS


def open_read_only(path: Path | str, login: str, password: str) -> keyring.Unlocked | None:
    """The damaged database opened read-only for `login`: the key unwrapped from the key file, the
    account read from the database itself (so its roles still apply). None when the password does
    not unwrap the key or the file cannot be read even read-only. An inactive account is refused
    (auth.AccountInactive), as at a normal login; a locked one too (auth.LoginLocked)."""
    path = Path(path).absolute()
    key = keyring.key_for(path, login, password)
    if key is None:
        return None
    ring = keyring.read_keyring(path)
    slot = ring.slots.get(ring.lookup(login))
    if slot is None:
        return None
    db = dbfile.open_damaged(path, key)
    if db is None:
        return None
    try:
        with read_session(db, SYSTEM_ACTOR) as session:
            user = auth.login_user(session, slot.user_id)
            demo = common.meta(session, keyring.META_DEMO) == "1"
    except Exception as exc:  # noqa: BLE001 - the file is known damaged: an unreadable account means it is beyond read-only use
        log.warning("damaged database: account not readable (%s)", type(exc).__name__)
        db.close()
        return None
    if user is None:
        db.close()
        return None
    if not user.active:
        db.close()
        raise auth.AccountInactive()
    log.warning("damaged database opened read-only")
    return keyring.Unlocked(db, read_only_actor(user.actor()), demo=demo)


def read_only_actor(actor: Actor) -> Actor:
    """The account's roles less those that see sensitive records: the law requires every read of
    inspection, discipline and petition records to be logged, and a read-only file cannot log it."""
    roles = frozenset(r for r in actor.roles if Permission.VIEW_SENSITIVE not in ROLE_PERMISSIONS[r])
    return replace(actor, roles=roles)
