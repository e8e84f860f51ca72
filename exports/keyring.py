"""The key file next to an encrypted database (`<db>.keys`), and every way of opening one.

Format (JSON, UTF-8, written atomically with a read-back check):

    {"format": "dux-keyring", "version": 1, "db_id": "<uuid>", "demo": false,
     "lookup_salt": "<b64>",
     "slots": {"<HMAC(lookup_salt, login)>": {"user_id": ..., "kdf": {"m":..,"t":..,"p":..},
               "salt": b64, "nonce": b64, "wrapped": b64, "failures": 0, "not_before": 0.0,
               "locked": false}},
     "pending": [{"action": "login_failed", "user_id": "...", "at": "<iso>"}],
     "anchor": {"id": 123, "hash": "<hex>"}}

A slot holds the database key wrapped by that user's password (models.auth). The file names no
login and holds no secret that helps more than guessing a password against Argon2id. Failure
counters live here because they must work before the database is open; `pending` keeps failed
logins until the audit log can take them; `anchor` is the audit chain head at the last close, so
truncating or re-hashing the newest entries is caught too.

Losing this file loses no data: the recovery code printed at setup opens the database and rebuilds
the file (`recover`)."""

from __future__ import annotations

import base64
import json
import logging
import os
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from exports import atomic, fileset
from exports.atomic import write_bytes, write_error
from models import audit, auth
from models.db import Database, read_session, storage_error, unit_of_work
from models.dbfile import quote_identifier
from models.errors import Conflict, NotFound, StorageError
from models.i18n import QT_TRANSLATE_NOOP
from models.security import SYSTEM_ACTOR, Actor, Role
from models.services import common
from models.services import users as users_service
from models.setup import open_app_database
from models.storage import InstanceLock

log = logging.getLogger(__name__)

SUFFIX = ".keys"
FORMAT = "dux-keyring"
VERSION = 1
MAX_BYTES = 1_000_000
MAX_PENDING = 500
DEMO_LOGIN = "admin"
DEMO_PASSWORD = "demo2026"  # noqa: S105 - shown in the README; accepted only for a database marked as demo
ENV_USER = "DUX_USER"
ENV_PASSWORD = "DUX_PASSWORD"  # noqa: S105 - the variable name
META_DB_ID = "db_id"
META_DEMO = "demo"
PLAIN_HEADER = b"SQLite format 3\x00"

Clock = Callable[[], float]


def _now() -> float:
    return datetime.now(UTC).timestamp()


def keyring_path(db_path: Path | str) -> Path:
    path = Path(db_path).absolute()
    return path.with_name(path.name + SUFFIX)


def is_plain_sqlite(path: Path) -> bool:
    """True for an unencrypted SQLite file (its header is readable)."""
    try:
        with path.open("rb") as handle:
            return handle.read(16) == PLAIN_HEADER
    except FileNotFoundError:
        return False


# ---------------------------------------------------------------- the file


@dataclass
class Slot:
    user_id: str
    kdf: auth.KdfParams
    salt: bytes
    nonce: bytes
    wrapped: bytes
    failures: int = 0
    not_before: float = 0.0
    locked: bool = False


@dataclass
class Keyring:
    db_id: str
    lookup_salt: bytes
    demo: bool = False
    slots: dict[str, Slot] = field(default_factory=dict)
    pending: list[dict[str, str]] = field(default_factory=list)
    anchor: tuple[int, str] | None = None

    def lookup(self, login: str) -> str:
        return auth.login_lookup(self.lookup_salt, login)

    def slot_of_user(self, user_id: str) -> tuple[str, Slot] | None:
        for name, slot in self.slots.items():
            if slot.user_id == user_id:
                return name, slot
        return None

    def remove_user(self, user_id: str) -> None:
        self.slots = {k: s for k, s in self.slots.items() if s.user_id != user_id}

    def add_event(self, action: str, user_id: str, at: float) -> None:
        self.pending.append(
            {"action": action, "user_id": user_id, "at": datetime.fromtimestamp(at, UTC).isoformat()}
        )
        del self.pending[:-MAX_PENDING]


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: Any) -> bytes:
    if not isinstance(text, str):
        msg = "expected base64 text"
        raise TypeError(msg)
    return base64.b64decode(text.encode("ascii"), validate=True)


def to_bytes(ring: Keyring) -> bytes:
    data = {
        "format": FORMAT,
        "version": VERSION,
        "db_id": ring.db_id,
        "demo": ring.demo,
        "lookup_salt": _b64(ring.lookup_salt),
        "slots": {
            name: {
                "user_id": s.user_id,
                "kdf": s.kdf.to_json(),
                "salt": _b64(s.salt),
                "nonce": _b64(s.nonce),
                "wrapped": _b64(s.wrapped),
                "failures": s.failures,
                "not_before": s.not_before,
                "locked": s.locked,
            }
            for name, s in sorted(ring.slots.items())
        },
        "pending": ring.pending,
        "anchor": {"id": ring.anchor[0], "hash": ring.anchor[1]} if ring.anchor else None,
    }
    return json.dumps(data, ensure_ascii=True, indent=1, sort_keys=True).encode("ascii")


def _bad_keyring() -> StorageError:
    return StorageError(
        QT_TRANSLATE_NOOP(
            "keyring",
            "Tệp khóa (.keys) bên cạnh cơ sở dữ liệu bị hỏng hoặc không đúng định dạng. Hãy dùng mã khôi phục để mở lại cơ sở dữ liệu.",
        ),
        kind="keyring",
    )


def _missing_keyring() -> StorageError:
    return StorageError(
        QT_TRANSLATE_NOOP(
            "keyring",
            "Không thấy tệp khóa (.keys) bên cạnh cơ sở dữ liệu. Hãy chép tệp .keys cùng với tệp dữ liệu, hoặc dùng mã khôi phục.",
        ),
        kind="keyring_missing",
    )


def from_bytes(raw: bytes) -> Keyring:
    """Parse and validate; anything unexpected is a damaged file (never a crash)."""
    try:
        data = json.loads(raw.decode("utf-8"))
        if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("version") != VERSION:
            raise _bad_keyring()
        slots: dict[str, Slot] = {}
        raw_slots = data["slots"]
        if not isinstance(raw_slots, dict):
            raise _bad_keyring()
        for name, s in raw_slots.items():
            if not isinstance(s, dict) or not isinstance(s["user_id"], str):
                raise _bad_keyring()
            slots[str(name)] = Slot(
                user_id=s["user_id"],
                kdf=auth.KdfParams.from_json(s["kdf"]),
                salt=_unb64(s["salt"]),
                nonce=_unb64(s["nonce"]),
                wrapped=_unb64(s["wrapped"]),
                failures=int(s.get("failures", 0)),
                not_before=float(s.get("not_before", 0.0)),
                locked=bool(s.get("locked", False)),
            )
        pending = [
            {str(k): str(v) for k, v in e.items()} for e in data.get("pending") or [] if isinstance(e, dict)
        ]
        anchor_data = data.get("anchor")
        anchor = (int(anchor_data["id"]), str(anchor_data["hash"])) if isinstance(anchor_data, dict) else None
        return Keyring(
            db_id=str(data["db_id"]),
            lookup_salt=_unb64(data["lookup_salt"]),
            demo=bool(data.get("demo", False)),
            slots=slots,
            pending=pending[-MAX_PENDING:],
            anchor=anchor,
        )
    except StorageError:
        raise
    except (ValueError, TypeError, KeyError, UnicodeDecodeError) as exc:
        raise _bad_keyring() from exc


def read_keyring(db_path: Path | str) -> Keyring:
    path = keyring_path(db_path)
    try:
        if path.stat().st_size > MAX_BYTES:
            raise _bad_keyring()
        raw = path.read_bytes()
    except FileNotFoundError:
        raise _missing_keyring() from None
    return from_bytes(raw)


def write_keyring(db_path: Path | str, ring: Keyring, *, target: Path | None = None) -> None:
    """Temp file in the same folder, fsync, read back and compare, rename (exports.atomic). `target`
    writes it under another name (a staged key file that commits with its database)."""
    data = to_bytes(ring)

    def verify(tmp: Path) -> None:
        if tmp.read_bytes() != data or from_bytes(tmp.read_bytes()).db_id != ring.db_id:
            raise OSError(5, "key file read-back differs")

    write_bytes(target or keyring_path(db_path), data, verify=verify)


def new_slot(db_id: str, user_id: str, key: bytes, password: str) -> Slot:
    params = auth.current_kdf()
    salt = os.urandom(auth.SALT_BYTES)
    kek = auth.derive_kek(password, salt, params)
    nonce, wrapped = auth.wrap_key(kek, key, auth.slot_aad(db_id, user_id, params))
    return Slot(user_id=user_id, kdf=params, salt=salt, nonce=nonce, wrapped=wrapped)


def open_slot(ring: Keyring, slot: Slot, password: str) -> bytes | None:
    kek = auth.derive_kek(password, slot.salt, slot.kdf)
    return auth.unwrap_key(kek, slot.nonce, slot.wrapped, auth.slot_aad(ring.db_id, slot.user_id, slot.kdf))


# ---------------------------------------------------------------- an open, logged-in database


@dataclass
class Unlocked:
    """An open encrypted database and the user who unlocked it."""

    db: Database
    actor: Actor
    must_change_password: bool = False
    demo: bool = False

    @property
    def path(self) -> Path:
        return self.db.path

    def close(self) -> None:
        """Record the audit chain head in the key file, then close the database."""
        try:
            if not self.db.read_only:
                save_anchor(self)
        finally:
            self.db.close()

    def __enter__(self) -> Unlocked:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def save_anchor(unlocked: Unlocked) -> None:
    """Move the anchor to the current head, unless the old anchor is no longer in the chain: then it
    stays as evidence for the verifier."""
    ring = read_keyring(unlocked.path)
    with read_session(unlocked.db, unlocked.actor) as session:
        head = audit.head(session)
        if ring.anchor is not None and audit.hash_of(session, ring.anchor[0]) != ring.anchor[1]:
            log.warning("audit anchor no longer matches the chain; left in place")
            return
    if head[0] and ring.anchor != head:
        ring.anchor = head
        try:
            write_keyring(unlocked.path, ring)
        except StorageError as exc:
            if exc.kind != "full":
                raise
            # Nothing was written either (the disk is full): the old anchor is still in the chain.
            log.warning("audit anchor not saved: disk full")


def verify_audit(unlocked: Unlocked) -> audit.ChainReport:
    """Walk the chain and check it still contains the head recorded at the last close."""
    ring = read_keyring(unlocked.path)
    with read_session(unlocked.db, unlocked.actor) as session:
        return audit.verify(session, anchor=ring.anchor)


def _open(path: Path, key: bytes, options: dict[str, Any], *, key_checked: bool = False) -> Database:
    """`key_checked`: the key was unwrapped (AES-GCM, authenticated) from this database's key file, so
    a page that does not decrypt is damage, not a wrong key."""
    try:
        db = open_app_database(path, key=key, **options)
    except ImportError as exc:  # sqlcipher3 missing: never fall back to plaintext
        raise auth.cipher_missing() from exc
    except StorageError as exc:
        if key_checked and exc.kind == "not_a_database":
            raise storage_error("corrupt") from exc
        raise
    try:
        auth.assert_encrypted(db)
    except BaseException:
        db.close()
        raise
    return db


def _refuse_plain(path: Path) -> None:
    if is_plain_sqlite(path):
        raise auth.NotEncrypted()


# ---------------------------------------------------------------- creating


def _remove_database_files(path: Path) -> None:
    for extra in ("", "-wal", "-shm", "-journal", SUFFIX):
        Path(str(path) + extra).unlink(missing_ok=True)


def _first_admin(
    db: Database, key: bytes, login: str, password: str, full_name: str, demo: bool, action: str
) -> tuple[Keyring, str]:
    """The first administrator's account and key slot, and the database's identity (one action)."""
    ring = Keyring(db_id=str(uuid.uuid4()), lookup_salt=os.urandom(16), demo=demo)
    with unit_of_work(db, SYSTEM_ACTOR) as session:
        user_id = users_service.create_user(
            session,
            users_service.UserInput(login, full_name, users_service.FIRST_ADMIN_ROLES),
            must_change_password=False,
        )
        common.set_meta(session, META_DB_ID, ring.db_id)
        if demo:
            common.set_meta(session, META_DEMO, "1")
        auth.record_key_change(session, action, user_id)
        ring.slots[ring.lookup(login)] = new_slot(ring.db_id, user_id, key, password)
    return ring, user_id


def create_encrypted_database(
    path: Path | str,
    admin_login: str,
    admin_password: str,
    *,
    full_name: str = "Quản trị viên",
    demo: bool = False,
    **options: Any,
) -> tuple[Unlocked, str]:
    """A new encrypted database with its first administrator. Returns the logged-in administrator's
    session and the recovery code (show it once; it is stored nowhere)."""
    path = Path(path).absolute()
    if path.exists() or keyring_path(path).exists():
        raise Conflict(
            QT_TRANSLATE_NOOP("keyring", "Tệp {name} đã có. Hãy chọn tên khác."),
            context="keyring",
            name=path.name,
        )
    auth.check_new_password(admin_password, admin_login)
    code = auth.new_recovery_code()
    key = auth.key_from_recovery_code(code)
    db = _open(path, key, {**options, "create": True})
    try:
        ring, user_id = _first_admin(db, key, admin_login, admin_password, full_name, demo, "key_created")
        write_keyring(path, ring)
        with read_session(db, SYSTEM_ACTOR) as session:
            user = auth.login_user(session, user_id)
        assert user is not None
    except BaseException:
        db.close()
        _remove_database_files(path)
        raise
    log.info("encrypted database created (demo=%s)", demo)
    return Unlocked(db, user.actor(), demo=demo), code


# ---------------------------------------------------------------- logging in


def _failure(path: Path, ring: Keyring, name: str | None, now: float) -> auth.WrongCredentials:
    slot = ring.slots.get(name) if name else None
    left = auth.LOCK_AFTER
    if slot is not None:
        slot.failures += 1
        slot.not_before = now + auth.delay_after(slot.failures)
        slot.locked = slot.failures >= auth.LOCK_AFTER
        left = max(auth.LOCK_AFTER - slot.failures, 0)
    # Never keep the typed login of an unknown account: people type passwords into that field.
    ring.add_event("login_failed", slot.user_id if slot else "", now)
    write_keyring(path, ring)
    log.info("login failed (known account: %s)", slot is not None)
    return auth.WrongCredentials(left)


def _check_gate(slot: Slot, now: float) -> None:
    if slot.locked:
        raise auth.LoginLocked()
    if slot.not_before > now:
        raise auth.LoginDelayed(max(1, int(slot.not_before - now + 0.999)))


def unlock(path: Path | str, login: str, password: str, *, clock: Clock = _now, **options: Any) -> Unlocked:
    """Log in: unwrap the database key with the password, open the database, check the account,
    audit the login (and failures kept since), rehash a slot whose cost is below today's."""
    path = Path(path).absolute()
    fileset.tidy(path)
    if not path.exists():
        raise StorageError(
            QT_TRANSLATE_NOOP("keyring", "Không có tệp cơ sở dữ liệu {name}. Hãy chọn đúng tệp."),
            kind="cant_open",
            name=path.name,
        )
    _refuse_plain(path)
    ring = read_keyring(path)
    now = clock()
    name = ring.lookup(login)
    slot = ring.slots.get(name)
    if slot is None:
        auth.derive_kek(password, os.urandom(auth.SALT_BYTES), auth.current_kdf())  # same time either way
        raise _failure(path, ring, None, now)
    _check_gate(slot, now)
    key = open_slot(ring, slot, password)
    if key is None:
        raise _failure(path, ring, name, now)
    db = _open(path, key, options, key_checked=True)
    try:
        with read_session(db, SYSTEM_ACTOR) as session:
            user = auth.login_user(session, slot.user_id)
            demo = common.meta(session, META_DEMO) == "1"
        if user is None or not user.active:
            with unit_of_work(db, SYSTEM_ACTOR) as session:
                auth.record_login(session, ok=False, user_id=slot.user_id)
            raise auth.AccountInactive()
        actor = user.actor()
        rehash = slot.kdf.weaker_than(auth.current_kdf())
        # The key file is rewritten only when something in it changes: a login that only reads (and a
        # login on a full disk) leaves it alone.
        changed = (
            bool(ring.pending) or rehash or (slot.failures, slot.not_before, slot.locked) != (0, 0.0, False)
        )
        try:
            with unit_of_work(db, actor) as session:
                for event in ring.pending:
                    at = datetime.fromisoformat(event.get("at", "")) if event.get("at") else None
                    auth.record_login(session, ok=False, user_id=event.get("user_id", ""), at=at)
                auth.record_login(session, ok=True, user_id=user.id)
                if rehash:
                    auth.record_key_change(session, "rehash", user.id)
                ring.pending = []
                if rehash:
                    ring.slots[name] = new_slot(ring.db_id, user.id, key, password)
                else:
                    slot.failures, slot.not_before, slot.locked = 0, 0.0, False
                if changed:
                    write_keyring(path, ring)
        except StorageError as exc:
            if exc.kind != "full":
                raise
            # A full disk: the login is let in to read (every write will be refused with its own
            # message); the failures kept in the key file are recorded at the next login.
            log.warning("login not recorded: disk full")
    except BaseException:
        db.close()
        raise
    log.info("login ok")
    return Unlocked(db, actor, must_change_password=user.must_change_password, demo=demo)


def key_for(path: Path | str, login: str, password: str, *, tidy: bool = True) -> bytes | None:
    """The database key unwrapped from the key file alone, without opening the database (to reach
    the backups of a damaged file). None for a wrong login or password; the lock-out gate applies."""
    if tidy:  # not for a backup file, which has no companions to complete
        fileset.tidy(Path(path))
    ring = read_keyring(path)
    slot = ring.slots.get(ring.lookup(login))
    if slot is None:
        return None
    _check_gate(slot, _now())
    return open_slot(ring, slot, password)


def credentials_from_env(path: Path | str) -> tuple[str, str]:
    """(login, password) for headless commands: DUX_USER (default admin) and DUX_PASSWORD; a database
    marked as demo falls back to the demo password so documented commands work unchanged."""
    login = os.environ.get(ENV_USER) or DEMO_LOGIN
    password = os.environ.get(ENV_PASSWORD)
    if password is None:
        fileset.complete_pending(Path(path).absolute())
        if Path(path).exists() and not keyring_path(path).exists():
            raise _missing_keyring()  # not a question of the password
        try:
            demo = read_keyring(path).demo
        except StorageError:
            demo = False
        if not demo:
            raise StorageError(
                QT_TRANSLATE_NOOP(
                    "keyring",
                    "Cơ sở dữ liệu được mã hóa. Hãy đặt mật khẩu vào biến môi trường DUX_PASSWORD (và tên đăng nhập vào DUX_USER) rồi chạy lại lệnh.",
                ),
                kind="no_password",
            )
        password = DEMO_PASSWORD
    return login, password


def unlock_from_env(path: Path | str, **options: Any) -> Unlocked:
    """The one way headless commands open a database."""
    login, password = credentials_from_env(path)
    return unlock(path, login, password, **options)


# ---------------------------------------------------------------- changing keys and accounts


def change_own_password(unlocked: Unlocked, old_password: str, new_password: str) -> None:
    ring = read_keyring(unlocked.path)
    found = ring.slot_of_user(unlocked.actor.user_id)
    if found is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("keyring", "Không thấy khóa của tài khoản này. Hãy nhờ quản trị viên đặt lại."),
            context="keyring",
        )
    name, slot = found
    if open_slot(ring, slot, old_password) is None:
        raise auth.WrongCredentials(auth.LOCK_AFTER - slot.failures)
    auth.check_new_password(new_password, unlocked.actor.login)
    assert unlocked.db.key is not None
    with unit_of_work(unlocked.db, unlocked.actor) as session:
        auth.note_own_password_changed(session)
        ring.slots[name] = new_slot(ring.db_id, slot.user_id, unlocked.db.key, new_password)
        write_keyring(unlocked.path, ring)
    unlocked.must_change_password = False


def add_user(unlocked: Unlocked, cmd: users_service.UserInput, password: str) -> str:
    """Create an account with a first password the user must change at the first login."""
    auth.check_new_password(password, cmd.login)
    assert unlocked.db.key is not None
    ring = read_keyring(unlocked.path)
    with unit_of_work(unlocked.db, unlocked.actor) as session:
        user_id = users_service.create_user(session, cmd, must_change_password=True)
        ring.slots[ring.lookup(cmd.login)] = new_slot(ring.db_id, user_id, unlocked.db.key, password)
        write_keyring(unlocked.path, ring)
    return user_id


def reset_password(unlocked: Unlocked, user_id: str, password: str) -> None:
    """Administrator: a new password (and unlock) for someone who forgot theirs."""
    assert unlocked.db.key is not None
    ring = read_keyring(unlocked.path)
    with unit_of_work(unlocked.db, unlocked.actor) as session:
        view = users_service.reset_password(session, user_id)
        auth.check_new_password(password, view.login)
        ring.remove_user(user_id)
        ring.slots[ring.lookup(view.login)] = new_slot(ring.db_id, user_id, unlocked.db.key, password)
        write_keyring(unlocked.path, ring)


def unlock_account(unlocked: Unlocked, user_id: str) -> None:
    """Administrator: clear the wrong-password counter and the lock."""
    ring = read_keyring(unlocked.path)
    with unit_of_work(unlocked.db, unlocked.actor) as session:
        users_service.record_unlock(session, user_id)
        found = ring.slot_of_user(user_id)
        if found is not None:
            found[1].failures, found[1].not_before, found[1].locked = 0, 0.0, False
            write_keyring(unlocked.path, ring)


def set_active(unlocked: Unlocked, user_id: str, active: bool, password: str | None = None) -> None:
    """Deactivate (the key slot is deleted) or reactivate with a new first password."""
    assert unlocked.db.key is not None
    ring = read_keyring(unlocked.path)
    with unit_of_work(unlocked.db, unlocked.actor) as session:
        users_service.set_active(session, user_id, active)
        ring.remove_user(user_id)
        if active:
            view = users_service.get_user(session, user_id)
            if password is None:
                msg = "reactivating an account needs a first password"
                raise ValueError(msg)
            auth.check_new_password(password, view.login)
            ring.slots[ring.lookup(view.login)] = new_slot(ring.db_id, user_id, unlocked.db.key, password)
        write_keyring(unlocked.path, ring)


@dataclass(frozen=True)
class SlotState:
    failures: int
    locked: bool
    has_key: bool


def slot_states(unlocked: Unlocked) -> dict[str, SlotState]:
    """Per user id: wrong-password counter, lock, and whether a key slot exists (for the users list)."""
    ring = read_keyring(unlocked.path)
    return {s.user_id: SlotState(s.failures, s.locked, True) for s in ring.slots.values()}


def list_accounts(unlocked: Unlocked) -> list[tuple[users_service.UserView, SlotState | None]]:
    """Every account with its key-slot state (administrators only)."""
    states = slot_states(unlocked)
    with read_session(unlocked.db, unlocked.actor) as session:
        views = users_service.list_users(session)
    return [(v, states.get(v.id)) for v in views]


def update_account(unlocked: Unlocked, user_id: str, full_name: str, roles: frozenset[Role]) -> None:
    with unit_of_work(unlocked.db, unlocked.actor) as session:
        users_service.update_user(session, user_id, full_name, roles)


def recover(path: Path | str, recovery_code: str, login: str, new_password: str, **options: Any) -> Unlocked:
    """Open with the recovery code, give `login` a new password (and unlock it), rebuilding the key
    file if it was lost."""
    path = Path(path).absolute()
    fileset.tidy(path)
    _refuse_plain(path)
    key = auth.key_from_recovery_code(recovery_code)
    try:
        db = _open(path, key, options)
    except StorageError as exc:
        if exc.kind == "not_a_database":
            raise auth.WrongRecoveryCode() from None
        raise
    try:
        with read_session(db, SYSTEM_ACTOR) as session:
            user_id = auth.user_id_for_login(session, login)
            user = auth.login_user(session, user_id) if user_id else None
            db_id = common.meta(session, META_DB_ID) or str(uuid.uuid4())
            demo = common.meta(session, META_DEMO) == "1"
        if user is None or not user.active:
            raise auth.AccountInactive()
        auth.check_new_password(new_password, user.login)
        try:
            ring = read_keyring(path)
        except StorageError:
            ring = Keyring(db_id=db_id, lookup_salt=os.urandom(16), demo=demo)
        actor = user.actor()
        with unit_of_work(db, actor) as session:
            auth.record_key_change(session, "recovery_used", user.id)
            auth.record_login(session, ok=True, user_id=user.id)
            ring.remove_user(user.id)
            ring.slots[ring.lookup(login)] = new_slot(ring.db_id, user.id, key, new_password)
            write_keyring(path, ring)
    except BaseException:
        db.close()
        raise
    return Unlocked(db, actor, demo=demo)


# ---------------------------------------------------------------- encrypting an existing plain database


@dataclass(frozen=True)
class EncryptionResult:
    recovery_code: str
    tables: int
    rows: int


def _row_counts(conn: Any, schema: str) -> dict[str, int]:
    """Rows per table of one attached schema. The file being encrypted may come from anywhere, so a
    table name is only ever used quoted (names cannot be bound parameters)."""
    names = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM pragma_table_list WHERE schema = ? AND type = 'table' AND name NOT LIKE 'sqlite_%'",
            (schema,),
        )
    ]
    prefix = quote_identifier(schema) + "."
    counts: dict[str, int] = {}
    for n in names:
        query = "SELECT count(*) FROM " + prefix + quote_identifier(n)  # noqa: S608 - quoted identifiers
        counts[n] = conn.execute(query).fetchone()[0]
    return counts


def encrypt_plain_database(
    path: Path | str, admin_login: str, admin_password: str, *, full_name: str = "Quản trị viên"
) -> EncryptionResult:
    """Encrypt an existing unencrypted database in place: export into an encrypted copy next to it
    (sqlcipher_export), verify the copy (integrity and every table's row count), add the first
    administrator and the key file, then swap the copy over the original with one rename."""
    path = Path(path).absolute()
    fileset.tidy(path)  # completes an interrupted encryption, removes a killed one's copy
    if not is_plain_sqlite(path):
        raise Conflict(
            QT_TRANSLATE_NOOP("keyring", "Tệp {name} không phải cơ sở dữ liệu chưa mã hóa."),
            context="keyring",
            name=path.name,
        )
    if keyring_path(path).exists():
        raise Conflict(
            QT_TRANSLATE_NOOP("keyring", "Đã có tệp khóa {name}. Hãy kiểm tra lại trước khi mã hóa."),
            context="keyring",
            name=keyring_path(path).name,
        )
    auth.check_new_password(admin_password, admin_login)
    code = auth.new_recovery_code()
    key = auth.key_from_recovery_code(code)
    tmp = fileset.staged_name(path, "encrypt")
    lock = InstanceLock(path)
    lock.acquire()
    try:
        return _encrypt_locked(path, tmp, key, code, admin_login, admin_password, full_name)
    finally:
        lock.release()


def _encrypt_locked(
    path: Path, tmp: Path, key: bytes, code: str, admin_login: str, admin_password: str, full_name: str
) -> EncryptionResult:
    from sqlcipher3 import dbapi2

    from models.db import key_pragma

    conn = dbapi2.connect(str(path), isolation_level=None)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        source = _row_counts(conn, "main")
        user_version = conn.execute("PRAGMA user_version").fetchone()[0]
        conn.execute("ATTACH DATABASE ? AS enc KEY ?", (str(tmp), f"x'{key.hex()}'"))  # a raw key, bound
        # The copy is a scratch file until its commit point: no fsync per table (it is fsynced once,
        # whole, before the journal names it).
        conn.execute("PRAGMA enc.synchronous = OFF")
        conn.execute("SELECT sqlcipher_export('enc')").fetchall()
        conn.execute(f"PRAGMA enc.user_version = {int(user_version)}")
        copied = _row_counts(conn, "enc")
        conn.execute("DETACH DATABASE enc")
    finally:
        conn.close()
    staged_keys = fileset.staged_name(keyring_path(path), "encrypt")
    try:
        fileset.crash_point("encrypt:copied")
        if copied != source:
            raise StorageError(
                QT_TRANSLATE_NOOP(
                    "keyring",
                    "Bản sao mã hóa không khớp với dữ liệu gốc nên chưa thay tệp. Tệp gốc vẫn nguyên.",
                ),
                kind="io",
            )
        check = dbapi2.connect(str(tmp), isolation_level=None)
        try:
            check.execute(key_pragma(key))
            if check.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                raise StorageError(
                    QT_TRANSLATE_NOOP(
                        "keyring", "Bản sao mã hóa bị lỗi nên chưa thay tệp. Tệp gốc vẫn nguyên."
                    ),
                    kind="io",
                )
        finally:
            check.close()
        if is_plain_sqlite(tmp):
            raise auth.cipher_missing()
        db = _open(tmp, key, {"check_drive": False, "single_instance": False})
        try:
            aside = db.facts.get("pre_migration_copy")
            if isinstance(aside, Path):
                aside.unlink(missing_ok=True)
            ring, _ = _first_admin(
                db, key, admin_login, admin_password, full_name, False, "database_encrypted"
            )
        finally:
            db.close()
        atomic.fsync_file(tmp)
        write_keyring(path, ring, target=staged_keys)
        fileset.crash_point("encrypt:staged")
        # The encrypted file and its key file replace the plain file together (one journal, completed
        # at the next start if this process dies half-way).
        stale = (Path(str(path) + "-wal"), Path(str(path) + "-shm"))
        try:
            fileset.commit(
                path, [(tmp, path), (staged_keys, keyring_path(path))], remove=stale, step="encrypt"
            )
        except OSError as exc:
            raise write_error(exc, path) from exc
    finally:
        if not fileset.journal_path(path).exists():
            _remove_database_files(tmp)
            staged_keys.unlink(missing_ok=True)
    log.info("database encrypted: %d tables, %d rows", len(source), sum(source.values()))
    return EncryptionResult(code, len(source), sum(source.values()))
