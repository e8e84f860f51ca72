"""Tamper-evident audit chain: each entry's hash covers its content and the previous entry's hash.

Values never appear in clear: an entry names the changed fields and carries keyed digests of the
before/after values (the key lives inside the encrypted database)."""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import txcache
from models.entities import AppMeta, AuditEntry
from models.security import actor_of

GENESIS = "0" * 64
_KEY_NAME = "audit_key"
_KEY_DEPS = frozenset({AppMeta})
# The head is followed in memory; a flush of AuditEntry rows written elsewhere would drop it, but
# the entries this module adds are flushed by the caller: only a foreign writer invalidates it.
_HEAD_DEPS: frozenset[type] = frozenset()


def _canonical(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=_default)


def _default(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, bytes):
        return hashlib.sha256(value).hexdigest()
    return str(value)


def _audit_key(session: Session) -> bytes:
    def load() -> bytes:
        row = session.get(AppMeta, _KEY_NAME)
        if row is None:
            row = AppMeta(key=_KEY_NAME, value=secrets.token_hex(32))
            session.add(row)
            session.flush()
        return bytes.fromhex(row.value)

    return txcache.cached(session, "audit.key", None, _KEY_DEPS, load)


def _digest(key: bytes, values: Mapping[str, Any] | None) -> str:
    if values is None:
        return ""
    return hmac.new(key, _canonical(dict(values)).encode(), hashlib.sha256).hexdigest()


def entry_hash(entry: AuditEntry) -> str:
    at = entry.at.astimezone(UTC).replace(tzinfo=None).isoformat(timespec="microseconds")
    payload = _canonical(
        [
            entry.id,
            at,
            entry.actor,
            entry.action,
            entry.entity,
            entry.record_id,
            entry.fields,
            entry.before_digest,
            entry.after_digest,
            entry.prev_hash,
        ]
    )
    return hashlib.sha256(payload.encode()).hexdigest()


def head(session: Session) -> tuple[int, str]:
    """(id, hash) of the latest entry, or (0, GENESIS); entries appended in this transaction and not
    yet flushed are written first."""
    session.flush()
    row = session.execute(
        select(AuditEntry.id, AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1)
    ).first()
    return (row[0], row[1]) if row else (0, GENESIS)


def hash_of(session: Session, entry_id: int) -> str | None:
    """The stored hash of one entry, or None if there is no such entry."""
    session.flush()
    return session.scalar(select(AuditEntry.hash).where(AuditEntry.id == entry_id))


def record(
    session: Session,
    action: str,
    entity: str,
    record_id: str = "",
    *,
    before: Mapping[str, Any] | None = None,
    after: Mapping[str, Any] | None = None,
    fields: list[str] | None = None,
) -> AuditEntry:
    """Append one entry in the caller's transaction. `fields` defaults to the keys whose values differ
    between `before` and `after`.

    The entry is added to the session, not flushed: it is written with the caller's next flush or at
    commit, many entries in one statement. The chain's head is read once per transaction and then
    followed in memory (the transaction holds the database's only write lock, so no other writer
    can append meanwhile); every id and link is the one a flush per entry would have written."""
    actor = actor_of(session)
    if fields is None:
        keys = set(before or {}) | set(after or {})
        fields = sorted(k for k in keys if (before or {}).get(k) != (after or {}).get(k))
    key = _audit_key(session)
    last = txcache.peek(session, "audit.head", None)
    last_id, last_hash = last if last is not None else head(session)
    entry = AuditEntry(
        id=last_id + 1,
        at=datetime.now(UTC),
        actor=actor.login,
        action=action,
        entity=entity,
        record_id=record_id,
        fields=_canonical(fields),
        before_digest=_digest(key, before),
        after_digest=_digest(key, after),
        prev_hash=last_hash,
    )
    entry.hash = entry_hash(entry)
    session.add(entry)
    txcache.put(session, "audit.head", None, _HEAD_DEPS, (entry.id, entry.hash))
    return entry


# What leaves the database as a file, on paper or as a whole copy (issue 3: print / export / import).
OUTPUT_ACTIONS = frozenset({"print", "export", "import", "backup", "restore"})


def record_output(
    session: Session,
    action: str,
    entity: str,
    record_id: str = "",
    *,
    count: int | None = None,
    file_format: str = "",
) -> AuditEntry:
    """Append the entry for a document printed or written, a data import, a backup or a restore.

    `entity` names the kind of record that went out ("register", "minutes", "report", "database"),
    `record_id` which one (a meeting id, a period key; never a name), `count` how many rows or records
    it carried. Only these counts and the format are stored: no personal value, no file path. Unlike
    the other services this asks for no permission: the reads behind the output were checked."""
    if action not in OUTPUT_ACTIONS:
        msg = f"unknown output action {action!r}"
        raise ValueError(msg)
    fields = []
    if count is not None:
        fields.append(f"count={count}")
    if file_format:
        fields.append(f"format={file_format.lower().lstrip('.')}")
    return record(session, action, entity[:40], record_id[:36], fields=fields)


@dataclass(frozen=True)
class ChainReport:
    entries: int
    first_broken_id: int | None
    reason: str

    @property
    def ok(self) -> bool:
        return self.first_broken_id is None


def verify(session: Session, anchor: tuple[int, str] | None = None) -> ChainReport:
    """Walk the chain; report the first entry whose link or content does not check out.

    `anchor` is a (id, hash) recorded outside the database (the key file at close, a sync manifest,
    a printed footer): the chain must still contain exactly that entry, which catches deleting or
    re-hashing the newest entries, the one change a hash chain alone cannot see."""
    session.flush()
    prev_hash = GENESIS
    expected_id = 1
    count = 0
    for entry in session.scalars(select(AuditEntry).order_by(AuditEntry.id)).yield_per(2000):
        count += 1
        if entry.id != expected_id:
            return ChainReport(count, entry.id, "gap")
        if entry.prev_hash != prev_hash:
            return ChainReport(count, entry.id, "link")
        if entry_hash(entry) != entry.hash:
            return ChainReport(count, entry.id, "content")
        if anchor is not None and entry.id == anchor[0] and entry.hash != anchor[1]:
            return ChainReport(count, entry.id, "anchor")
        prev_hash = entry.hash
        expected_id += 1  # noqa: SIM113 - the ids are checked against it, not enumerated
    if anchor is not None and anchor[0] > count:
        return ChainReport(count, count + 1, "truncated")
    return ChainReport(count, None, "")
