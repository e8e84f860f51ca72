"""Login cryptography and policy, and the few database helpers used while a user logs in.

The database key never depends on a password. It is derived (HKDF-SHA256) from a random recovery code
of 125 bits that is shown once at setup; each user's password-derived key (Argon2id) wraps the database
key with AES-256-GCM. So a password change re-wraps one entry, the recovery code opens the database
even if the key file is lost, and nothing in the key file helps an attacker more than guessing a
password against Argon2id. The key file itself (format and I/O) lives in `exports.keyring`; this
module stays pure: bytes in, bytes out, plus queries on a session the caller opened."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlalchemy import select
from sqlalchemy.orm import Session

from models import audit
from models.db import Database
from models.entities import User
from models.errors import DomainError, StorageError, ValidationError
from models.i18n import QT_TRANSLATE_NOOP
from models.security import Actor, Role, actor_of

KEY_BYTES = 32
SALT_BYTES = 16
NONCE_BYTES = 12
CONTEXT = "auth"


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost: memory in KiB, passes, lanes. Stored with each key slot so it can rise later."""

    memory_kib: int
    iterations: int
    parallelism: int = 1

    def weaker_than(self, other: KdfParams) -> bool:
        return self.memory_kib < other.memory_kib or self.iterations < other.iterations

    def to_json(self) -> dict[str, int]:
        return {"m": self.memory_kib, "t": self.iterations, "p": self.parallelism}

    @classmethod
    def from_json(cls, data: Any) -> KdfParams:
        if not isinstance(data, dict):
            msg = "kdf parameters must be an object"
            raise TypeError(msg)
        ints = [v for v in (data.get("m"), data.get("t"), data.get("p")) if type(v) is int]
        if len(ints) != 3:
            msg = "kdf parameters must be integers"
            raise TypeError(msg)
        m, t, p = ints
        if not (8 <= m <= 4 * 1024 * 1024 and 1 <= t <= 64 and 1 <= p <= 16):
            msg = "kdf parameters out of range"
            raise ValueError(msg)
        return cls(m, t, p)


# OWASP's minimum for Argon2id is m=19 MiB, t=2, p=1. We use 64 MiB, t=2: about 0.15 s on one core of a
# 2020 laptop and under 1 s on a 2012 one. Raising it later re-wraps each slot at its next login.
OWASP_MINIMUM = KdfParams(19 * 1024, 2, 1)
CURRENT_KDF = KdfParams(64 * 1024, 2, 1)


def current_kdf() -> KdfParams:
    """The parameters new slots get (read at call time so tests and a future build can change them)."""
    return CURRENT_KDF


# ---------------------------------------------------------------- text normalisation


def normalise_login(login: str) -> str:
    """Logins compare case-insensitively after NFC (Vietnamese keyboards send NFC or NFD)."""
    return unicodedata.normalize("NFC", login).strip().casefold()


def password_bytes(password: str) -> bytes:
    """Passwords are hashed as NFC UTF-8: the same word typed with Unikey or the Windows keyboard
    (NFD) must give the same key."""
    return unicodedata.normalize("NFC", password).encode("utf-8")


MIN_PASSWORD = 8


def check_new_password(password: str, login: str) -> None:
    """Length over composition rules (NIST SP 800-63B); refuse the login itself."""
    if len(unicodedata.normalize("NFC", password)) < MIN_PASSWORD:
        raise ValidationError(
            "password",
            QT_TRANSLATE_NOOP("auth", "Mật khẩu cần ít nhất {n} ký tự. Hãy chọn một câu dễ nhớ, khó đoán."),
            context=CONTEXT,
            n=MIN_PASSWORD,
        )
    if normalise_login(password) == normalise_login(login):
        raise ValidationError(
            "password",
            QT_TRANSLATE_NOOP("auth", "Mật khẩu không được trùng tên đăng nhập. Hãy chọn mật khẩu khác."),
            context=CONTEXT,
        )


# ---------------------------------------------------------------- keys


def derive_kek(password: str, salt: bytes, params: KdfParams) -> bytes:
    """The key-encryption key for one slot: Argon2id(password, salt)."""
    return hash_secret_raw(
        password_bytes(password),
        salt,
        time_cost=params.iterations,
        memory_cost=params.memory_kib,
        parallelism=params.parallelism,
        hash_len=KEY_BYTES,
        type=Type.ID,
    )


def wrap_key(kek: bytes, key: bytes, aad: bytes) -> tuple[bytes, bytes]:
    """AES-256-GCM: returns (nonce, ciphertext with tag)."""
    nonce = secrets.token_bytes(NONCE_BYTES)
    return nonce, AESGCM(kek).encrypt(nonce, key, aad)


def unwrap_key(kek: bytes, nonce: bytes, wrapped: bytes, aad: bytes) -> bytes | None:
    """The database key, or None if the password (or any bound field) is wrong."""
    try:
        key = AESGCM(kek).decrypt(nonce, wrapped, aad)
    except (InvalidTag, ValueError):
        return None
    return key if len(key) == KEY_BYTES else None


def slot_aad(db_id: str, user_id: str, params: KdfParams) -> bytes:
    """What a wrapped key is bound to: swapping slots between users or databases, or lowering the
    stored cost, makes the unwrap fail."""
    return f"dux-keyslot-v1|{db_id}|{user_id}|{params.memory_kib}|{params.iterations}|{params.parallelism}".encode()


def login_lookup(salt: bytes, login: str) -> str:
    """The key file names slots by a keyed hash, so it lists no login names."""
    return hmac.new(salt, normalise_login(login).encode("utf-8"), hashlib.sha256).hexdigest()


# Crockford base32 without I, L, O, U: easy to read aloud and to type from paper.
_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_CONFUSABLE = str.maketrans({"O": "0", "I": "1", "L": "1"})
RECOVERY_GROUPS, RECOVERY_GROUP_LEN = 5, 5  # 25 symbols x 5 bits = 125 bits


def new_recovery_code() -> str:
    symbols = "".join(secrets.choice(_ALPHABET) for _ in range(RECOVERY_GROUPS * RECOVERY_GROUP_LEN))
    return "-".join(symbols[i : i + RECOVERY_GROUP_LEN] for i in range(0, len(symbols), RECOVERY_GROUP_LEN))


def parse_recovery_code(text: str) -> str:
    """Canonical form of a typed code (spaces, dashes, case and O/0, I/L/1 forgiven)."""
    cleaned = "".join(ch for ch in text.upper() if ch not in " -\t\n").translate(_CONFUSABLE)
    if len(cleaned) != RECOVERY_GROUPS * RECOVERY_GROUP_LEN or any(ch not in _ALPHABET for ch in cleaned):
        raise ValidationError(
            "recovery_code",
            QT_TRANSLATE_NOOP(
                "auth",
                "Mã khôi phục gồm {n} ký tự (chữ và số, chia nhóm bằng dấu gạch). Hãy nhập lại đúng như trên tờ giấy đã in.",
            ),
            context=CONTEXT,
            n=RECOVERY_GROUPS * RECOVERY_GROUP_LEN,
        )
    return cleaned


def key_from_recovery_code(code: str) -> bytes:
    """The database key. The code carries 125 random bits, so a fast KDF is enough."""
    return HKDF(
        algorithm=hashes.SHA256(), length=KEY_BYTES, salt=b"dux-database-key-v1", info=b"sqlcipher"
    ).derive(parse_recovery_code(code).encode("ascii"))


def assert_encrypted(db: Database) -> None:
    """Refuse to go on unless SQLCipher is loaded and this connection is keyed."""
    with db.engine.connect() as conn:
        version = conn.exec_driver_sql("PRAGMA cipher_version").scalar()
        conn.rollback()
    if not version or db.key is None:
        raise cipher_missing()


def cipher_missing() -> StorageError:
    return StorageError(
        QT_TRANSLATE_NOOP(
            "auth",
            "Không tìm thấy thư viện mã hóa SQLCipher nên chương trình dừng lại để không ghi dữ liệu ở dạng không mã hóa. Hãy cài lại chương trình từ bộ cài chính thức.",
        ),
        kind="no_cipher",
    )


# ---------------------------------------------------------------- lockout policy

FREE_ATTEMPTS = 3  # wrong passwords before the first delay
LOCK_AFTER = 10  # wrong passwords in a row that lock the account until an administrator unlocks it
MAX_DELAY_S = 300


def delay_after(failures: int) -> int:
    """Seconds to wait before the next try after `failures` wrong passwords in a row: 0, 0, 5, 10,
    20, 40, ... capped at five minutes."""
    if failures < FREE_ATTEMPTS:
        return 0
    return int(min(5 * 2 ** (failures - FREE_ATTEMPTS), MAX_DELAY_S))


class LoginError(DomainError):
    context = CONTEXT


class WrongCredentials(LoginError):
    def __init__(self, left_before_lock: int) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "auth",
                "Sai tên đăng nhập hoặc mật khẩu. Hãy kiểm tra bộ gõ tiếng Việt và phím Caps Lock rồi nhập lại.",
            )
        )
        self.left_before_lock = left_before_lock


class LoginDelayed(LoginError):
    def __init__(self, seconds: int) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP("auth", "Đã nhập sai nhiều lần. Hãy chờ {seconds} giây rồi thử lại."),
            seconds=seconds,
        )
        self.seconds = seconds


class LoginLocked(LoginError):
    def __init__(self) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "auth",
                "Tài khoản đã bị khóa vì nhập sai mật khẩu quá nhiều lần. Hãy nhờ quản trị viên mở khóa, hoặc dùng mã khôi phục.",
            )
        )


class AccountInactive(LoginError):
    def __init__(self) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "auth", "Tài khoản này đã ngừng sử dụng. Hãy liên hệ quản trị viên nếu cần dùng lại."
            )
        )


class WrongRecoveryCode(LoginError):
    def __init__(self) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "auth", "Mã khôi phục không đúng với cơ sở dữ liệu này. Hãy kiểm tra lại tờ giấy đã in."
            )
        )


class NotEncrypted(LoginError):
    def __init__(self) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "auth",
                "Cơ sở dữ liệu này chưa được mã hóa. Hãy mã hóa nó trước (quản trị viên: lệnh encrypt-db) rồi mở lại.",
            )
        )


# ---------------------------------------------------------------- login-time queries


@dataclass(frozen=True)
class LoginUser:
    id: str
    login: str
    roles: frozenset[Role]
    active: bool
    must_change_password: bool

    def actor(self) -> Actor:
        return Actor(user_id=self.id, login=self.login, roles=self.roles)


def parse_roles(text: str) -> frozenset[Role]:
    values = {Role(part) for part in text.split(",") if part}
    values.discard(Role.SYSTEM)
    return frozenset(values)


def format_roles(roles: frozenset[Role] | set[Role]) -> str:
    return ",".join(sorted(r.value for r in roles if r is not Role.SYSTEM))


def login_user(session: Session, user_id: str) -> LoginUser | None:
    """The account behind a key slot (used by the login itself, so no permission check)."""
    user = session.get(User, user_id)
    if user is None:
        return None
    return LoginUser(user.id, user.login, parse_roles(user.roles), user.active, user.must_change_password)


def user_id_for_login(session: Session, login: str) -> str | None:
    return session.scalar(select(User.id).where(User.login == normalise_login(login)))


def record_login(session: Session, *, ok: bool, user_id: str, at: datetime | None = None) -> None:
    """An audit entry for a login attempt (failures are kept in the key file until the database is
    open, then appended with their original time inside the digest)."""
    audit.record(
        session,
        "login" if ok else "login_failed",
        "user",
        user_id,
        after={"at": at.isoformat() if at else None},
        fields=[],
    )


def record_key_change(session: Session, action: str, user_id: str) -> None:
    """Password change, reset, re-hash, recovery or unlock of a key slot (never the secret itself)."""
    audit.record(session, action, "key_slot", user_id, fields=[])


def note_own_password_changed(session: Session) -> None:
    """The acting user changed their own password: clear the 'must change' flag and audit it."""
    actor = actor_of(session)
    user = session.get(User, actor.user_id)
    if user is None:
        return
    user.must_change_password = False
    user.touch()
    record_key_change(session, "password_changed", user.id)
