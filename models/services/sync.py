"""Sync state and record exchange with the upper level (or, at the upper level, with communes).

This module holds keys, peers and sequence counters in the database and moves records in and out as
plain dictionaries; sealing packages into files is exports/sync_package.py. The sending unit owns its
records: an import accepts only records owned by the sending unit, and applies a record only when its
revision is newer than the one held (idempotent at the record level).

What a package carries is chosen by the database's change number (stamped by the session hook in
models/sync_schema.py), never by a clock: everything changed after the change number the last
acknowledged package reached. A full package is a snapshot: at the receiving end it replaces the
sender's data (records absent from it are retracted), and after a restore (a new incarnation) records
are compared by content, so a revision number reused after the restore cannot hide an edit."""

from __future__ import annotations

import hashlib
import json
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from operator import itemgetter
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sqlalchemy import bindparam, insert, select, text, update
from sqlalchemy.orm import Session

import resources
from models import audit
from models.dates import format_date
from models.entities import Member, RuleValue, Unit
from models.entities_sync import Correction, SyncChannel, SyncHeld, SyncKey, SyncPackageLog, SyncPeer
from models.errors import NotFound, RuleViolation
from models.i18n import QT_TRANSLATE_NOOP
from models.security import Permission, require
from models.services.common import meta, own_unit_id, set_meta
from models.sync_schema import BY_NAME, KINDS, Kind, current_change, from_json_record, to_json_value
from models.text import clean, fold

CTX = "sync"
INCARNATION_KEY = "incarnation_id"
RETIRED_KEY = "retired_incarnations"  # app_meta: this database's incarnations left behind by restores
_RAW = serialization.Encoding.Raw
_PUB = serialization.PublicFormat.Raw
_PRIV = serialization.PrivateFormat.Raw


def _now() -> datetime:
    return datetime.now(UTC)


def fingerprint(sign_public: bytes, kem_public: bytes) -> str:
    return hashlib.sha256(b"dux-enrol-v1" + sign_public + kem_public).hexdigest()


def key_id(sign_public: bytes) -> bytes:
    """The 32-byte identifier of a signing key, written in clear at the start of every package."""
    return hashlib.sha256(b"dux-key-v1" + sign_public).digest()


def readable_fingerprint(fp_hex: str) -> str:
    """Twelve groups of five digits to compare by phone or on paper (like a safety number)."""
    number = int(fp_hex[:50], 16)
    digits = f"{number % 10**60:060d}"
    return " ".join(digits[i : i + 5] for i in range(0, 60, 5))


# ---------------------------------------------------------------- keys


@dataclass(frozen=True)
class OwnKeys:
    sign_private: bytes
    sign_public: bytes
    kem_private: bytes
    kem_public: bytes

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.sign_public, self.kem_public)


def _generate() -> SyncKey:
    sign = Ed25519PrivateKey.generate()
    kem = X25519PrivateKey.generate()
    return SyncKey(
        sign_private=sign.private_bytes(_RAW, _PRIV, serialization.NoEncryption()),
        sign_public=sign.public_key().public_bytes(_RAW, _PUB),
        kem_private=kem.private_bytes(_RAW, _PRIV, serialization.NoEncryption()),
        kem_public=kem.public_key().public_bytes(_RAW, _PUB),
        created_at=_now(),
        active=True,
    )


def _active_keys(session: Session) -> OwnKeys:
    row = session.scalars(select(SyncKey).where(SyncKey.active)).first()
    if row is None:
        row = _generate()
        session.add(row)
        session.flush()
        audit.record(session, "sync.keys", "sync_key", row.id, fields=["generated"])
    return OwnKeys(row.sign_private, row.sign_public, row.kem_private, row.kem_public)


def _all_keys(session: Session) -> list[OwnKeys]:
    active = _active_keys(session)  # generated on first use
    rows = session.scalars(select(SyncKey).where(~SyncKey.active).order_by(SyncKey.created_at.desc()))
    return [active, *(OwnKeys(r.sign_private, r.sign_public, r.kem_private, r.kem_public) for r in rows)]


def own_keys(session: Session) -> OwnKeys:
    """The active keys with their private halves, generated on first use (first run). Key material is
    the administrator's; the sending and receiving cycles get it through keys_for_export/import."""
    require(session, Permission.ADMIN_SETTINGS)
    return _active_keys(session)


def all_own_keys(session: Session) -> list[OwnKeys]:
    """Active first, then replaced keys (to read packages sealed before a replacement)."""
    require(session, Permission.ADMIN_SETTINGS)
    return _all_keys(session)


def keys_for_export(session: Session) -> list[OwnKeys]:
    """The sending unit's cycle (seal data packages, open the acknowledgments that answer them):
    active keys first, then replaced ones."""
    require(session, Permission.EXPORT)
    return _all_keys(session)


def keys_for_import(session: Session) -> list[OwnKeys]:
    """The receiving unit's cycle (open data packages, seal acknowledgments): active keys first, then
    replaced ones."""
    require(session, Permission.IMPORT)
    return _all_keys(session)


def replace_own_keys(session: Session) -> OwnKeys:
    """New keys (e.g. after a laptop was lost); the old ones stay inactive for old packages. The new
    enrolment file must be taken to the peer."""
    require(session, Permission.ADMIN_SETTINGS)
    for row in session.scalars(select(SyncKey).where(SyncKey.active)):
        row.active = False
    row = _generate()
    session.add(row)
    # The upper level refuses anything the old key signs from now on, so a package sealed with it may
    # never arrive: the next package re-baselines in full, which needs no predecessor.
    for link in session.scalars(select(SyncChannel)):
        link.needs_full = True
    session.flush()
    audit.record(session, "sync.keys", "sync_key", row.id, fields=["replaced"])
    return OwnKeys(row.sign_private, row.sign_public, row.kem_private, row.kem_public)


def incarnation(session: Session) -> str:
    """This database's incarnation id (rotated by a restore); created on first use. Not personal data,
    needed by both exchange cycles, so any reader may ask."""
    require(session, Permission.VIEW_REGISTER)
    value = meta(session, INCARNATION_KEY)
    if value is None:
        value = str(uuid.uuid4())
        set_meta(session, INCARNATION_KEY, value)
    return value


# ---------------------------------------------------------------- peers


@dataclass(frozen=True)
class EnrolBundle:
    unit_id: str
    name: str
    role: str  # upper / commune: the role of the unit that issued the bundle
    sign_public: bytes
    kem_public: bytes

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.sign_public, self.kem_public)


def own_bundle(session: Session, role: str) -> EnrolBundle:
    """Our public keys for an enrolment file (key management, like enrol and revoke)."""
    require(session, Permission.ADMIN_SETTINGS)
    keys = _active_keys(session)
    unit = session.get(Unit, own_unit_id(session))
    assert unit is not None
    return EnrolBundle(unit.id, unit.name, role, keys.sign_public, keys.kem_public)


@dataclass(frozen=True)
class PeerView:
    id: str
    unit_id: str
    name: str
    role: str
    fingerprint: str
    enrolled_at: datetime
    revoked: bool


class KeyReplacement(RuleViolation):
    """An enrolment file for an already-enrolled unit carries different keys: shown with both
    fingerprints and the risk, applied only on explicit confirmation (`enrol(..., replace=True)`)."""

    def __init__(self, name: str, old: str, new: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "sync",
                "{name} đã được đăng ký với khóa khác.\nMã đối chiếu đang dùng: {old}\nMã đối chiếu trong tệp: {new}\n"
                "Chỉ thay khi đơn vị đó thực sự đã thay khóa (mất máy, nghi lộ khóa) và đã xác nhận qua điện thoại. "
                "Nếu tệp do người khác làm giả, từ khi thay, gói của họ sẽ được nhận còn gói của đơn vị thật bị từ chối.",
            ),
            context=CTX,
            name=name,
            old=old,
            new=new,
        )
        self.old_fingerprint = old
        self.new_fingerprint = new


def enrol(session: Session, bundle: EnrolBundle, *, replace: bool = False) -> PeerView:
    """Register a peer from its enrolment file (after the fingerprint was compared by phone or paper).
    A bundle for an enrolled unit with different keys raises `KeyReplacement` unless `replace`; the
    replacement is audited with both key ids. The same keys again correct the enrolment's role and
    name (a file first issued with the wrong role)."""
    require(session, Permission.ADMIN_SETTINGS)
    if (
        bundle.role not in ("upper", "commune")
        or len(bundle.sign_public) != 32
        or len(bundle.kem_public) != 32
    ):
        raise RuleViolation(QT_TRANSLATE_NOOP("sync", "Tệp đăng ký không hợp lệ."), context=CTX)
    if bundle.unit_id == own_unit_id(session):
        raise RuleViolation(
            QT_TRANSLATE_NOOP("sync", "Đây là tệp đăng ký của chính đơn vị mình."), context=CTX
        )
    fp = key_id(bundle.sign_public).hex()
    existing = session.scalars(select(SyncPeer).where(SyncPeer.sign_fingerprint == fp)).first()
    if existing is not None:
        if existing.revoked_at is not None:
            raise RuleViolation(
                QT_TRANSLATE_NOOP("sync", "Khóa này đã bị thu hồi; không đăng ký lại được."), context=CTX
            )
        corrected = {"role": bundle.role, "name": clean(bundle.name)}
        changed = [k for k, v in corrected.items() if getattr(existing, k) != v]
        if changed and existing.unit_id == bundle.unit_id:
            existing.role, existing.name = corrected["role"], corrected["name"]
            session.flush()
            audit.record(session, "sync.enrol", "sync_peer", existing.id, fields=["corrected", *changed])
        return _peer_view(existing)
    current = session.scalars(
        select(SyncPeer).where(
            SyncPeer.unit_id == bundle.unit_id, SyncPeer.replaced_by.is_(None), SyncPeer.revoked_at.is_(None)
        )
    ).first()
    if current is not None and not replace:
        raise KeyReplacement(
            current.name,
            readable_fingerprint(fingerprint(current.sign_public, current.kem_public)),
            readable_fingerprint(bundle.fingerprint),
        )
    peer = SyncPeer(
        unit_id=bundle.unit_id,
        name=clean(bundle.name),
        role=bundle.role,
        sign_public=bundle.sign_public,
        kem_public=bundle.kem_public,
        sign_fingerprint=fp,
        enrolled_at=_now(),
    )
    session.add(peer)
    session.flush()
    for old in session.scalars(
        select(SyncPeer).where(
            SyncPeer.unit_id == bundle.unit_id, SyncPeer.id != peer.id, SyncPeer.replaced_by.is_(None)
        )
    ):
        old.replaced_by = peer.id
    if session.get(SyncChannel, bundle.unit_id) is None:
        session.add(SyncChannel(peer_unit_id=bundle.unit_id))
    session.flush()
    fields = ["enrolled"]
    if current is not None:
        fields = ["keys_replaced", f"old={current.sign_fingerprint[:16]}", f"new={fp[:16]}"]
    audit.record(session, "sync.enrol", "sync_peer", peer.id, fields=fields)
    return _peer_view(peer)


def revoke(session: Session, peer_id: str) -> None:
    require(session, Permission.ADMIN_SETTINGS)
    peer = session.get(SyncPeer, peer_id)
    if peer is None:
        raise NotFound(QT_TRANSLATE_NOOP("sync", "Không tìm thấy đơn vị đã đăng ký."), context=CTX)
    peer.revoked_at = _now()
    audit.record(session, "sync.revoke", "sync_peer", peer.id, fields=["revoked"])


def _peer_view(p: SyncPeer) -> PeerView:
    return PeerView(
        p.id,
        p.unit_id,
        p.name,
        p.role,
        fingerprint(p.sign_public, p.kem_public),
        p.enrolled_at,
        p.revoked_at is not None,
    )


def peers(session: Session, role: str | None = None) -> list[PeerView]:
    require(session, Permission.VIEW_REGISTER)
    query = select(SyncPeer).where(SyncPeer.replaced_by.is_(None)).order_by(SyncPeer.name)
    if role is not None:
        query = query.where(SyncPeer.role == role)
    return [_peer_view(p) for p in session.scalars(query)]


@dataclass(frozen=True)
class PeerKeys:
    unit_id: str
    name: str
    sign_public: bytes
    kem_public: bytes
    revoked: bool
    replaced: bool


def peer_by_key_id(session: Session, kid: bytes) -> PeerKeys | None:
    """The enrolled peer that owns a signing key id (public keys only), for both cycles."""
    require(session, Permission.VIEW_REGISTER)
    row = session.scalars(select(SyncPeer).where(SyncPeer.sign_fingerprint == kid.hex())).first()
    if row is None:
        return None
    return PeerKeys(
        row.unit_id,
        row.name,
        row.sign_public,
        row.kem_public,
        row.revoked_at is not None,
        row.replaced_by is not None,
    )


def upper_peer(session: Session) -> PeerKeys:
    require(session, Permission.EXPORT)
    row = session.scalars(
        select(SyncPeer).where(
            SyncPeer.role == "upper", SyncPeer.revoked_at.is_(None), SyncPeer.replaced_by.is_(None)
        )
    ).first()
    if row is None:
        raise RuleViolation(
            QT_TRANSLATE_NOOP(
                "sync", "Chưa đăng ký cấp trên. Hãy nhập tệp đăng ký do cấp trên cấp (Đồng bộ → Đăng ký)."
            ),
            context=CTX,
        )
    return PeerKeys(row.unit_id, row.name, row.sign_public, row.kem_public, False, False)


def peer_keys(session: Session, unit_id: str) -> PeerKeys:
    """A lower unit's keys, to seal its acknowledgment."""
    require(session, Permission.IMPORT)
    row = session.scalars(
        select(SyncPeer).where(
            SyncPeer.unit_id == unit_id, SyncPeer.revoked_at.is_(None), SyncPeer.replaced_by.is_(None)
        )
    ).first()
    if row is None:
        raise RuleViolation(
            QT_TRANSLATE_NOOP("sync", "Đơn vị này chưa đăng ký hoặc đã bị thu hồi khóa."), context=CTX
        )
    return PeerKeys(row.unit_id, row.name, row.sign_public, row.kem_public, False, False)


def cycle_permission(kind: str | None, direction: str | None) -> Permission:
    """Data going up and acknowledgments coming back are the sending unit's cycle (EXPORT); data coming
    in and acknowledgments going down are the receiving unit's (IMPORT)."""
    return Permission.EXPORT if (kind, direction) in (("data", "out"), ("ack", "in")) else Permission.IMPORT


def _peer_role(session: Session, peer_unit_id: str | None) -> str | None:
    return session.scalar(select(SyncPeer.role).where(SyncPeer.unit_id == peer_unit_id).limit(1))


def channel(session: Session, peer_unit_id: str) -> SyncChannel:
    """The sequence counters with one peer: with the upper level it belongs to the sending cycle
    (EXPORT), with a lower unit to the receiving cycle (IMPORT)."""
    upper = _peer_role(session, peer_unit_id) == "upper"
    require(session, Permission.EXPORT if upper else Permission.IMPORT)
    row = session.get(SyncChannel, peer_unit_id)
    if row is None:
        row = SyncChannel(peer_unit_id=peer_unit_id)
        session.add(row)
        session.flush()
    return row


def incoming_state(session: Session, peer_unit_id: str) -> tuple[int, str, str]:
    """(last applied sequence, its file hash, the sender incarnation we follow) — without creating."""
    require(session, Permission.IMPORT)
    row = session.get(SyncChannel, peer_unit_id)
    return (row.in_sequence, row.in_hash, row.incarnation) if row else (0, "", "")


def left_incarnations(session: Session, peer_unit_id: str) -> set[str]:
    """At the receiving side: the sender's incarnations left behind by its restores."""
    require(session, Permission.IMPORT)
    row = session.get(SyncChannel, peer_unit_id)
    return set(row.retired.split()) if row else set()


def leave_incarnations(session: Session, peer_unit_id: str, incarnations: list[str]) -> None:
    """At the receiving side: never follow these incarnations of the sender again (a late package
    of one of them predates the snapshot that replaced it)."""
    row = channel(session, peer_unit_id)
    known = row.retired.split()
    for value in incarnations:
        if value and value != row.incarnation and value not in known and len(value) <= 64:
            known.append(value)
    row.retired = " ".join(known[-200:])


# ---------------------------------------------------------------- records out


def change_number(session: Session) -> int:
    """The database's change counter now: a package collected now carries every change up to it."""
    require(session, Permission.EXPORT)
    return current_change(session)


def retired_incarnations(session: Session) -> list[str]:
    """This database's incarnations left behind by restores (sent with every package, so the upper
    level refuses a package of one of them that turns up late)."""
    require(session, Permission.VIEW_REGISTER)
    return (meta(session, RETIRED_KEY) or "").split()


def retire_incarnation(session: Session, incarnation_id: str) -> None:
    """Remember an incarnation this database has left (its channel noticed the restore)."""
    require(session, Permission.EXPORT)
    known = retired_incarnations(session)
    if incarnation_id and incarnation_id not in known:
        set_meta(session, RETIRED_KEY, " ".join([*known, incarnation_id][-50:]))


def collect(session: Session, since: int | None) -> list[dict[str, Any]]:
    """Own records written after change number `since` (all when None), in dependency order, as
    JSON-ready dicts."""
    require(session, Permission.EXPORT)
    unit_id = own_unit_id(session)
    out: list[dict[str, Any]] = []
    for kind in KINDS:
        model = kind.model
        query = select(model).where(model.owner_unit_id == unit_id).order_by(model.id)
        if since is not None:
            query = query.where(model.change_seq > since)
        for row in session.scalars(query):
            out.append(
                {"kind": kind.name, "fields": {f: to_json_value(getattr(row, f)) for f in kind.fields}}
            )
    return out


# ---------------------------------------------------------------- records in


@dataclass
class KindPreview:
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    deleted: int = 0
    rejected: int = 0
    retracted: int = 0  # held here, absent from a full package: removed (counted as deleted too)
    reasons: list[str] = field(default_factory=list)


@dataclass
class Preview:
    sender_unit_id: str
    kinds: dict[str, KindPreview] = field(default_factory=dict)
    to_apply: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    # A full package replaces the sender's data: the records held here that it no longer has.
    retract: list[tuple[str, str]] = field(default_factory=list)  # (kind name, record id)
    by_content: bool = False  # after the sender's restore: records compared by content, not revision

    @property
    def rejected(self) -> int:
        return sum(k.rejected for k in self.kinds.values())

    @property
    def retracted(self) -> int:
        return len(self.retract)

    def counts(self) -> dict[str, dict[str, int]]:
        return {
            name: {
                "new": k.new,
                "changed": k.changed,
                "unchanged": k.unchanged,
                "deleted": k.deleted + k.retracted,
                "rejected": k.rejected,
            }
            for name, k in self.kinds.items()
        }


_CHUNK = 500  # ids per IN list when looking up the records already held


def _held(session: Session, kind: Kind, ids: list[str]) -> dict[str, tuple[str, int, bool]]:
    """(owner, revision, tombstone) of the records of `kind` already held among `ids`: one query per
    chunk of ids instead of one per record (a Core SELECT; the ids are bound parameters)."""
    columns = kind.table.c
    found: dict[str, tuple[str, int, bool]] = {}
    connection = session.connection()
    query = select(columns.id, columns.owner_unit_id, columns.revision, columns.deleted)
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        for record_id, owner, revision, deleted in connection.execute(query.where(columns.id.in_(chunk))):
            found[record_id] = (owner, revision, bool(deleted))
    return found


@dataclass(frozen=True)
class Checked:
    """The records of one package checked on their own — declared kind, exactly the declared fields,
    their types, owned by the sender, each id once: everything that does not depend on the database,
    so a package previewed and then applied is parsed and checked once."""

    sender_unit_id: str
    buckets: tuple[str, ...]  # kind names in order of first appearance ("?" for an unknown kind)
    rejections: tuple[tuple[str, str], ...]  # (bucket, reason)
    valid: dict[str, list[dict[str, Any]]]  # kind name -> the records that passed, in package order


def check(sender_unit_id: str, records: list[Any]) -> Checked:
    """Check every record in plain Python (no database): see `Checked`."""
    buckets: dict[str, None] = {}
    rejections: list[tuple[str, str]] = []
    valid: dict[str, list[dict[str, Any]]] = {}
    seen: set[tuple[str, str]] = set()
    for item in records:
        name = item.get("kind") if isinstance(item, dict) else None
        kind = BY_NAME.get(name) if isinstance(name, str) else None
        bucket = name if isinstance(name, str) and kind else "?"
        buckets.setdefault(bucket, None)
        fields = item.get("fields") if isinstance(item, dict) else None
        if kind is None or not isinstance(fields, dict):
            rejections.append((bucket, "loại bản ghi không hợp lệ"))
            continue
        try:
            if fields.keys() != kind.field_set:
                raise ValueError("fields")
            values = from_json_record(kind, fields)
            if not isinstance(values["id"], str) or values["revision"] is None or values["deleted"] is None:
                raise ValueError("key")
        except (ValueError, TypeError):
            rejections.append((bucket, f"{kind.name}: sai định dạng"))
            continue
        if values["owner_unit_id"] != sender_unit_id:
            rejections.append((bucket, f"{kind.name}: không thuộc đơn vị gửi"))
            continue
        key = (kind.name, values["id"])
        if key in seen:
            rejections.append((bucket, f"{kind.name}: một mã xuất hiện hai lần trong gói"))
            continue
        seen.add(key)
        valid.setdefault(kind.name, []).append(values)
    return Checked(sender_unit_id, tuple(buckets), tuple(rejections), valid)


def _held_values(session: Session, kind: Kind, ids: list[str]) -> dict[str, dict[str, Any]]:
    """Every travelling field of the records of `kind` held among `ids` (to compare by content)."""
    table = kind.table
    columns = [table.c[kind.columns[f]].label(f) for f in kind.fields]
    found: dict[str, dict[str, Any]] = {}
    connection = session.connection()
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        for row in connection.execute(select(*columns).where(table.c.id.in_(chunk))):
            values = dict(row._mapping)
            found[values["id"]] = values
    return found


def _same(held: dict[str, Any], values: dict[str, Any]) -> bool:
    return all(held.get(name) == value for name, value in values.items())


def classify(session: Session, checked: Checked, *, full: bool = False, replace: bool = False) -> Preview:
    """Sort checked records against what is held into new / changed / unchanged / deleted / rejected,
    without writing: a record id held for another unit is rejected; a revision not newer than the one
    held is unchanged (idempotent by id and revision). A `full` package is a snapshot: the sender's
    records held here and absent from it are retracted. With `replace` (the first package after the
    sender restored a backup) a record is changed whenever its content differs, whatever its
    revision: revisions numbered again after the restore cannot hide an edit."""
    require(session, Permission.IMPORT)
    preview = Preview(checked.sender_unit_id, by_content=replace)
    for name in checked.buckets:
        preview.kinds[name] = KindPreview()
    for name, reason in checked.rejections:
        preview.kinds[name].rejected += 1
        preview.kinds[name].reasons.append(reason)
    sender = checked.sender_unit_id
    to_apply = preview.to_apply
    for name, records in checked.valid.items():
        ids = [values["id"] for values in records]
        held = _held(session, BY_NAME[name], ids).get
        contents = _held_values(session, BY_NAME[name], ids) if replace else {}
        bucket = preview.kinds[name]
        new = changed = unchanged = deleted = foreign = 0
        for values in records:
            existing = held(values["id"])
            if existing is None:
                new += 1
            elif existing[0] != sender:
                foreign += 1
                continue
            elif _same(contents[values["id"]], values) if replace else values["revision"] <= existing[1]:
                unchanged += 1
                continue
            elif values["deleted"] and not existing[2]:
                deleted += 1
            else:
                changed += 1
            to_apply.append((name, values))
        bucket.new += new
        bucket.changed += changed
        bucket.unchanged += unchanged
        bucket.deleted += deleted
        bucket.rejected += foreign
        bucket.reasons.extend([f"{name}: trùng mã với bản ghi của đơn vị khác"] * foreign)
    if full:
        for kind in KINDS:
            sent = {values["id"] for values in checked.valid.get(kind.name, [])}
            table = kind.table
            gone = [
                record_id
                for record_id in session.connection()
                .execute(select(table.c.id).where(table.c.owner_unit_id == sender))
                .scalars()
                if record_id not in sent
            ]
            if gone:
                preview.kinds.setdefault(kind.name, KindPreview()).retracted += len(gone)
                preview.retract.extend((kind.name, record_id) for record_id in gone)
    return preview


def stage(session: Session, sender_unit_id: str, records: list[Any]) -> Preview:
    """Validate incoming records and sort them into new / changed / unchanged / deleted / rejected,
    without writing (`check`, then `classify`). Only records owned by the sender are accepted; a
    record id that appears twice in one package is rejected."""
    require(session, Permission.IMPORT)
    return classify(session, check(sender_unit_id, records))


_BATCH = 2_000  # rows per executemany


@dataclass(frozen=True)
class _Write:
    """A Core INSERT or UPDATE of one kind, compiled once for the database's dialect, with the bind
    processors of its columns' own types (the UTC datetimes, dates and flags are stored exactly as the
    ORM stores them); rows then go to the driver's executemany as plain tuples."""

    sql: str
    fields: tuple[str, ...]  # the record field behind each placeholder, in order
    processed: tuple[tuple[int, Callable[[Any], Any]], ...]  # (placeholder, its type's processor)

    def rows(self, records: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
        get = itemgetter(*self.fields)
        out = []
        for values in records:
            row = list(get(values))
            for position, process in self.processed:
                row[position] = process(row[position])
            out.append(tuple(row))
        return out


_WRITES: dict[tuple[str, str, str], _Write] = {}


def _write(session: Session, kind: Kind, verb: str) -> _Write:
    dialect = session.get_bind().dialect
    cache_key = (kind.name, verb, dialect.name)
    if cache_key not in _WRITES:
        table = kind.table
        binds = {f: bindparam(f, type_=table.c[c].type) for f, c in kind.columns.items() if f != "id"}
        record_id = bindparam("id", type_=table.c.id.type)
        if verb == "insert":
            statement: Any = insert(table).values({kind.columns["id"]: record_id, **_by_column(kind, binds)})
        else:
            statement = update(table).where(table.c.id == record_id).values(_by_column(kind, binds))
        compiled = statement.compile(dialect=dialect)
        order = tuple(compiled.positiontup or ())
        if sorted(order) != sorted(kind.fields):
            msg = f"unexpected parameters for {kind.name}"  # a programming error, not bad input
            raise RuntimeError(msg)
        processed = []
        for position, name in enumerate(order):
            bind_type = binds[name].type if name in binds else record_id.type
            process = bind_type.dialect_impl(dialect).bind_processor(dialect)
            if process is not None:
                processed.append((position, process))
        _WRITES[cache_key] = _Write(str(compiled), order, tuple(processed))
    return _WRITES[cache_key]


def _by_column(kind: Kind, binds: dict[str, Any]) -> dict[str, Any]:
    return {kind.columns[f]: bind for f, bind in binds.items()}


def apply(session: Session, preview: Preview) -> int:
    """Write the staged records in the caller's transaction (foreign keys checked at commit). The held
    revisions are read again here, so a record is written only when it is new or newer than the one
    held; rows go in with one executemany per kind and batch (updates of a kind before its inserts, as
    the ORM's flush does), not object by object."""
    require(session, Permission.IMPORT)
    session.flush()
    session.execute(text("PRAGMA defer_foreign_keys = ON"))
    by_kind: dict[str, list[dict[str, Any]]] = {}
    for name, values in preview.to_apply:
        by_kind.setdefault(name, []).append(values)
    connection = session.connection()
    applied = 0
    # Retractions first (dependants before what they refer to), so a record sent again under its
    # natural key (a meeting and a member) never meets a stale copy of itself.
    retract: dict[str, list[str]] = {}
    for name, record_id in preview.retract:
        retract.setdefault(name, []).append(record_id)
    for kind in reversed(KINDS):
        gone = retract.get(kind.name, [])
        for start in range(0, len(gone), _CHUNK):
            table = kind.table
            connection.execute(
                table.delete().where(
                    table.c.id.in_(gone[start : start + _CHUNK]),
                    table.c.owner_unit_id == preview.sender_unit_id,
                )
            )
        applied += len(gone)
    for kind in KINDS:  # dependency order
        incoming = by_kind.get(kind.name)
        if not incoming:
            continue
        held = _held(session, kind, [v["id"] for v in incoming])
        current = {record_id: revision for record_id, (_, revision, _) in held.items()}
        inserts: dict[str, dict[str, Any]] = {}
        updates: dict[str, dict[str, Any]] = {}
        for values in incoming:
            record_id = values["id"]
            if record_id in current and values["revision"] <= current[record_id] and not preview.by_content:
                continue
            if record_id in inserts or record_id in updates:
                continue
            (updates if record_id in held else inserts)[record_id] = values
            current[record_id] = values["revision"]
            applied += 1
        for verb, chosen in (("update", updates), ("insert", inserts)):
            if not chosen:
                continue
            write = _write(session, kind, verb)
            records = list(chosen.values())
            for start in range(0, len(records), _BATCH):
                connection.exec_driver_sql(write.sql, write.rows(records[start : start + _BATCH]))
    return applied


def log_package(
    session: Session, *, package_id: str, direction: str, kind: str, peer_unit_id: str, incarnation_id: str, sequence: int,
    file_hash: str, created_at: datetime, records: int, summary: dict[str, Any], change_seq: int = 0,
) -> None:  # fmt: skip
    require(session, cycle_permission(kind, direction))
    session.add(
        SyncPackageLog(
            package_id=package_id,
            direction=direction,
            kind=kind,
            peer_unit_id=peer_unit_id,
            incarnation=incarnation_id,
            sequence=sequence,
            file_hash=file_hash,
            created_at=created_at,
            received_at=_now() if direction == "in" else None,
            records=records,
            summary=json.dumps(summary, ensure_ascii=False),
            change_seq=change_seq,
        )
    )
    session.flush()


def seen_package(session: Session, package_id: str) -> bool:
    require(session, Permission.VIEW_REGISTER)
    return (
        session.scalar(select(SyncPackageLog.id).where(SyncPackageLog.package_id == package_id)) is not None
    )


def package_log(
    session: Session, peer_unit_id: str | None = None, direction: str | None = None
) -> list[SyncPackageLog]:
    require(session, Permission.VIEW_REGISTER)
    query = select(SyncPackageLog).order_by(SyncPackageLog.created_at)
    if peer_unit_id is not None:
        query = query.where(SyncPackageLog.peer_unit_id == peer_unit_id)
    if direction is not None:
        query = query.where(SyncPackageLog.direction == direction)
    return list(session.scalars(query))


def hold(session: Session, peer_unit_id: str, incarnation_id: str, sequence: int, package: bytes) -> bool:
    """Keep a package whose predecessor is missing; False if it was already held."""
    require(session, Permission.IMPORT)
    exists = session.scalar(
        select(SyncHeld.id).where(
            SyncHeld.peer_unit_id == peer_unit_id,
            SyncHeld.incarnation == incarnation_id,
            SyncHeld.sequence == sequence,
        )
    )
    if exists:
        return False
    session.add(
        SyncHeld(
            peer_unit_id=peer_unit_id,
            incarnation=incarnation_id,
            sequence=sequence,
            package=package,
            held_at=_now(),
        )
    )
    session.flush()
    return True


def held_next(
    session: Session, peer_unit_id: str, incarnation_id: str, sequence: int
) -> tuple[int, bytes] | None:
    require(session, Permission.IMPORT)
    row = session.scalars(
        select(SyncHeld).where(
            SyncHeld.peer_unit_id == peer_unit_id,
            SyncHeld.incarnation == incarnation_id,
            SyncHeld.sequence == sequence,
        )
    ).first()
    return (row.id, row.package) if row else None


def drop_held(session: Session, held_id: int) -> None:
    require(session, Permission.IMPORT)
    row = session.get(SyncHeld, held_id)
    if row is not None:
        session.delete(row)


def held_first(
    session: Session, peer_unit_id: str, incarnation_id: str, after: int
) -> tuple[int, int, bytes] | None:
    """The held package of that incarnation with the lowest sequence above `after`: (id, sequence,
    the sealed file)."""
    require(session, Permission.IMPORT)
    row = session.scalars(
        select(SyncHeld)
        .where(
            SyncHeld.peer_unit_id == peer_unit_id,
            SyncHeld.incarnation == incarnation_id,
            SyncHeld.sequence > after,
        )
        .order_by(SyncHeld.sequence)
        .limit(1)
    ).first()
    return (row.id, row.sequence, row.package) if row else None


def drop_held_covered(session: Session, peer_unit_id: str, incarnation_id: str, upto: int) -> None:
    """Drop the held packages that can no longer apply: of another incarnation than the one followed,
    or not newer than what was applied (a newer cumulative package covered them)."""
    require(session, Permission.IMPORT)
    for row in session.scalars(select(SyncHeld).where(SyncHeld.peer_unit_id == peer_unit_id)):
        if row.incarnation != incarnation_id or row.sequence <= upto:
            session.delete(row)


def held_for(session: Session, peer_unit_id: str) -> list[int]:
    require(session, Permission.IMPORT)
    return list(
        session.scalars(
            select(SyncHeld.sequence).where(SyncHeld.peer_unit_id == peer_unit_id).order_by(SyncHeld.sequence)
        )
    )


# ---------------------------------------------------------------- corrections


@dataclass(frozen=True)
class CorrectionView:
    id: str
    from_unit_id: str
    record_kind: str
    record_id: str
    field: str
    message: str
    status: str
    response: str
    direction: str
    created_at: datetime


def request_correction(
    session: Session, unit_id: str, record_kind: str, record_id: str, field_name: str, message: str
) -> str:
    """At the upper level: queue a correction request for a commune's record (sent with the next ack)."""
    require(session, Permission.IMPORT)
    if record_kind not in BY_NAME or not clean(message):
        raise RuleViolation(
            QT_TRANSLATE_NOOP("sync", "Hãy chọn bản ghi và ghi nội dung đề nghị sửa."), context=CTX
        )
    row = Correction(
        from_unit_id=unit_id,
        record_kind=record_kind,
        record_id=record_id,
        field=clean(field_name),
        message=clean(message),
        status="open",
        direction="out",
        created_at=_now(),
    )
    session.add(row)
    session.flush()
    return row.id


def receive_corrections(session: Session, from_unit_id: str, items: list[dict[str, Any]]) -> int:
    """At the commune, from an acknowledgment: part of the sending cycle."""
    require(session, Permission.EXPORT)
    added = 0
    for item in items:
        cid = str(item.get("id", ""))
        if not cid or session.get(Correction, cid) is not None:
            continue
        session.add(
            Correction(
                id=cid,
                from_unit_id=from_unit_id,
                record_kind=str(item.get("record_kind", ""))[:40],
                record_id=str(item.get("record_id", ""))[:36],
                field=str(item.get("field", ""))[:60],
                message=clean(str(item.get("message", "")))[:2000],
                status="open",
                direction="in",
                created_at=_now(),
            )
        )
        added += 1
    session.flush()
    return added


def outgoing_corrections(session: Session, unit_id: str) -> list[dict[str, Any]]:
    require(session, Permission.IMPORT)
    rows = session.scalars(
        select(Correction).where(
            Correction.direction == "out", Correction.from_unit_id == unit_id, Correction.status == "open"
        )
    )
    return [
        {
            "id": r.id,
            "record_kind": r.record_kind,
            "record_id": r.record_id,
            "field": r.field,
            "message": r.message,
        }
        for r in rows
    ]


def mark_corrections_sent(session: Session, ids: list[str]) -> None:
    require(session, Permission.IMPORT)
    for cid in ids:
        row = session.get(Correction, cid)
        if row is not None:
            row.status = "sent"


# ---------------------------------------------------------------- reference data going down

RULE_KIND = "rule_values"  # record_kind of an inbox line announcing a rule received from the upper level


@dataclass(frozen=True)
class RuleRow:
    key: str
    valid_from: date
    value: Any  # parsed JSON
    note: str


def reference_rules(session: Session) -> list[RuleRow]:
    """At the upper level: the rule table (dated presets) sent down with every acknowledgment."""
    require(session, Permission.IMPORT)
    rows = session.scalars(select(RuleValue).order_by(RuleValue.key, RuleValue.valid_from))
    return [RuleRow(r.key, r.valid_from, json.loads(r.value), r.note) for r in rows]


def receive_rules(session: Session, from_unit_id: str, rows: list[RuleRow]) -> list[RuleRow]:
    """At the commune, from an acknowledgment: add the rule values that start after the newest one held
    for their key (older or equal dates never overwrite local history), each announced in the inbox.
    Keys this version does not know are ignored. Returns what was applied."""
    require(session, Permission.EXPORT)
    known = {k for k in resources.load_preset("rules") if not k.startswith("_")}
    newest: dict[str, date] = {}
    for key, valid_from in session.execute(select(RuleValue.key, RuleValue.valid_from)):
        newest[key] = max(valid_from, newest.get(key, valid_from))
    applied: list[RuleRow] = []
    for row in sorted(rows, key=lambda r: (r.key, r.valid_from)):
        if row.key not in known or (row.key in newest and row.valid_from <= newest[row.key]):
            continue
        value = json.dumps(row.value, ensure_ascii=False, sort_keys=True)
        session.add(
            RuleValue(key=row.key, valid_from=row.valid_from, value=value, note=clean(row.note)[:500])
        )
        newest[row.key] = row.valid_from
        session.add(
            Correction(
                from_unit_id=from_unit_id,
                record_kind=RULE_KIND,
                record_id="",
                field=row.key[:60],
                message=f"{format_date(row.valid_from)}: {value[:1500]}"
                + (f" ({clean(row.note)[:400]})" if clean(row.note) else ""),
                status="applied",
                direction="in",
                created_at=_now(),
            )
        )
        applied.append(row)
    session.flush()
    if applied:
        audit.record(session, "sync.rules", "rule", from_unit_id, fields=sorted({r.key for r in applied}))
    return applied


def inbox(session: Session) -> list[CorrectionView]:
    require(session, Permission.VIEW_REGISTER)
    rows = session.scalars(
        select(Correction).where(Correction.direction == "in").order_by(Correction.created_at.desc())
    )
    return [
        CorrectionView(
            r.id,
            r.from_unit_id,
            r.record_kind,
            r.record_id,
            r.field,
            r.message,
            r.status,
            r.response,
            r.direction,
            r.created_at,
        )
        for r in rows
    ]


def answer_correction(session: Session, correction_id: str, accept: bool, response: str = "") -> None:
    """Accept (the clerk then edits the record, which travels up with the next package) or dispute."""
    require(session, Permission.EDIT_REGISTER)
    row = session.get(Correction, correction_id)
    if row is None or row.direction != "in":
        raise NotFound(QT_TRANSLATE_NOOP("sync", "Không tìm thấy đề nghị sửa."), context=CTX)
    if row.record_kind == RULE_KIND:
        raise RuleViolation(
            QT_TRANSLATE_NOOP("sync", "Quy định do cấp trên gửi xuống đã được áp dụng; không cần trả lời."),
            context=CTX,
        )
    if not accept and not clean(response):
        raise RuleViolation(
            QT_TRANSLATE_NOOP("sync", "Khi không nhất trí, hãy ghi lý do để gửi cấp trên."), context=CTX
        )
    row.status, row.response = ("accepted" if accept else "disputed"), clean(response)
    audit.record(session, "sync.correction", "correction", row.id, fields=["status"])


# ---------------------------------------------------------------- cross-unit search (upper level)


@dataclass(frozen=True)
class FoundMember:
    id: str
    unit_id: str
    unit_name: str
    name: str
    date_of_birth: str
    status: str
    cccd: str


def search_all_units(session: Session, text_query: str, limit: int = 200) -> list[FoundMember]:
    """Members of every unit held here (e.g. to check a transfer between communes)."""
    require(session, Permission.VIEW_REGISTER)
    units = dict(session.execute(select(Unit.id, Unit.name)).all())
    query = select(Member).where(~Member.deleted).order_by(Member.sort_key).limit(limit)
    words = fold(text_query).split()
    digits = "".join(ch for ch in text_query if ch.isdigit())
    if digits and len(digits) >= 6:
        query = query.where(Member.cccd.contains(digits))
    for word in words:
        if not word.isdigit():
            query = query.where(Member.search_key.contains(word, autoescape=True))
    return [
        FoundMember(
            m.id,
            m.owner_unit_id,
            units.get(m.owner_unit_id, ""),
            " ".join(p for p in (m.family_name, m.middle_name, m.given_name) if p),
            m.date_of_birth.isoformat(),
            m.status,
            m.cccd or "",
        )
        for m in session.scalars(query)
    ]


def summary_counts(records: list[dict[str, Any]]) -> dict[str, int]:
    return dict(Counter(str(r.get("kind")) for r in records))
