"""Local sync state (never travels): this installation's keys, enrolled peers, sequence counters,
package receipts, packages held for a missing predecessor, and correction requests."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, UtcDateTime, UuidPk


class SyncKey(Base):
    """This installation's own Ed25519 (signing) and X25519 (encryption) keys; stored inside the
    (encrypted) database. A replaced key stays for reading old packages, marked inactive."""

    __tablename__ = "sync_keys"
    id: Mapped[UuidPk]
    sign_private: Mapped[bytes] = mapped_column(LargeBinary)
    sign_public: Mapped[bytes] = mapped_column(LargeBinary)
    kem_private: Mapped[bytes] = mapped_column(LargeBinary)
    kem_public: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    active: Mapped[bool] = mapped_column(default=True)


class SyncPeer(Base):
    """Another installation enrolled by file: the upper level (for a commune) or a commune (for the
    upper level)."""

    __tablename__ = "sync_peers"
    __table_args__ = (UniqueConstraint("sign_fingerprint"),)
    id: Mapped[UuidPk]
    unit_id: Mapped[str] = mapped_column(String(36), index=True)
    name: Mapped[str]
    role: Mapped[str] = mapped_column(String(10))  # upper / commune
    sign_public: Mapped[bytes] = mapped_column(LargeBinary)
    kem_public: Mapped[bytes] = mapped_column(LargeBinary)
    sign_fingerprint: Mapped[str] = mapped_column(String(64))
    enrolled_at: Mapped[datetime] = mapped_column(UtcDateTime())
    revoked_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    replaced_by: Mapped[str | None] = mapped_column(ForeignKey("sync_peers.id"))


class SyncChannel(Base):
    """Sequence bookkeeping with one peer unit, in both directions."""

    __tablename__ = "sync_channels"
    peer_unit_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    incarnation: Mapped[str] = mapped_column(String(36), default="")  # the sender's incarnation we follow
    out_sequence: Mapped[int] = mapped_column(Integer, default=0)  # last sequence we sent
    out_hash: Mapped[str] = mapped_column(String(64), default="")  # hash of the last package we sent
    acked_sequence: Mapped[int] = mapped_column(Integer, default=0)  # last of ours the peer acknowledged
    acked_watermark: Mapped[datetime | None] = mapped_column(UtcDateTime())  # created time of that package
    # The change number that package reached: the next package carries every row changed after it
    # (None: nothing of this incarnation acknowledged yet, so the next package is full).
    acked_change: Mapped[int | None] = mapped_column(Integer)
    in_sequence: Mapped[int] = mapped_column(Integer, default=0)  # last sequence applied from the peer
    in_hash: Mapped[str] = mapped_column(String(64), default="")
    needs_full: Mapped[bool] = mapped_column(default=False)
    # At the receiving side: the sender's incarnations left behind by its restores (space-separated);
    # a package of one of them is stale. At the sending side: unused.
    retired: Mapped[str] = mapped_column(Text, default="", server_default="")
    # At the receiving side: a package could not be placed (its base is missing here), so the next
    # acknowledgment asks the sender for a full package.
    full_requested: Mapped[bool] = mapped_column(default=False, server_default="0")


class SyncPackageLog(Base):
    """Every package written or applied (receipts), for replay detection and the completeness board."""

    __tablename__ = "sync_packages"
    __table_args__ = (UniqueConstraint("package_id"),)
    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    package_id: Mapped[str] = mapped_column(String(36))
    direction: Mapped[str] = mapped_column(String(3))  # out / in
    kind: Mapped[str] = mapped_column(String(10))  # data / ack
    peer_unit_id: Mapped[str] = mapped_column(String(36), index=True)
    incarnation: Mapped[str] = mapped_column(String(36), default="")
    sequence: Mapped[int] = mapped_column(Integer)
    file_hash: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())  # signed creation time
    received_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    records: Mapped[int] = mapped_column(Integer, default=0)
    summary: Mapped[str] = mapped_column(Text, default="{}")  # JSON counts per kind
    change_seq: Mapped[int] = mapped_column(Integer, default=0, server_default="0")  # reached (out, data)


class SyncHeld(Base):
    """A verified package that arrived before its predecessor; applied once the gap is filled."""

    __tablename__ = "sync_held"
    __table_args__ = (UniqueConstraint("peer_unit_id", "incarnation", "sequence"),)
    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    peer_unit_id: Mapped[str] = mapped_column(String(36))
    incarnation: Mapped[str] = mapped_column(String(36), default="")
    sequence: Mapped[int] = mapped_column(Integer)
    package: Mapped[bytes] = mapped_column(LargeBinary)  # the sealed file, as received
    held_at: Mapped[datetime] = mapped_column(UtcDateTime())


class Correction(Base):
    """A correction request or remark from the upper level about one record (the upper level never
    edits a commune's records; the commune accepts or disputes)."""

    __tablename__ = "sync_corrections"
    id: Mapped[UuidPk]
    from_unit_id: Mapped[str] = mapped_column(String(36))
    record_kind: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[str] = mapped_column(String(36))
    field: Mapped[str] = mapped_column(String(60), default="")
    message: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(10), default="open")  # open / accepted / disputed / sent
    response: Mapped[str] = mapped_column(Text, default="")
    direction: Mapped[str] = mapped_column(String(3), default="in")  # in: received; out: to send down
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
