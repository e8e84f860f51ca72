"""The sealed package file: one self-describing file per trip.

    0      magic  b"DUXSYNC1"
    8      key id of the sender's signing key (32 bytes, sha256 of the public key)
    40     header length (4 bytes, big endian), then the header (canonical JSON, at most 16 KiB)
    ...    ciphertext: ChaCha20-Poly1305 chunks of 1 MiB plaintext, nonce = chunk index, associated
           data = sha256(prefix and header) + index + last-chunk flag, so reordering, truncation at a
           chunk boundary and appended chunks are all detected
    -64    Ed25519 signature over everything before it

The symmetric key is fresh for every package: HKDF-SHA256 over an X25519 exchange between an
ephemeral key (in the header) and the recipient's key, with a random salt. Only the recipient can
read a package, not even the sender. The signature is checked (with the key named by the key id,
looked up among enrolled peers) before the header is parsed or anything is decrypted. Inside, a
small framed container holds allow-listed, zlib-compressed entries with size and ratio caps; the
manifest repeats sender, recipient, package id and sequence, which must match the header."""

from __future__ import annotations

import hashlib
import json
import os
import struct
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from models.errors import DomainError
from models.i18n import QT_TRANSLATE_NOOP
from models.services.sync import key_id

MAGIC = b"DUXSYNC1"
FORMAT_VERSION = 1
CHUNK = 1 << 20
MAX_HEADER = 16 * 1024
MAX_FILE = 512 * 1024 * 1024
MAX_ENTRY = 1024 * 1024 * 1024
MAX_RATIO = 400
ALLOWED_ENTRIES = ("manifest.json", "records.jsonl", "ack.json")
SIGNATURE = 64
PREFIX = len(MAGIC) + 32 + 4

MESSAGES = {
    "not_a_package": QT_TRANSLATE_NOOP("sync", "Tệp {name} không phải gói dữ liệu của chương trình."),
    "too_large": QT_TRANSLATE_NOOP("sync", "Tệp {name} quá lớn để là một gói dữ liệu. Không nhập."),
    "unknown_sender": QT_TRANSLATE_NOOP(
        "sync",
        "Gói {name} được ký bằng khóa chưa đăng ký. Hãy đăng ký đơn vị gửi trước (đối chiếu mã khóa qua điện thoại).",
    ),
    "revoked_sender": QT_TRANSLATE_NOOP(
        "sync", "Gói {name} được ký bằng khóa đã bị thu hồi. Không nhập; hãy liên hệ đơn vị gửi."
    ),
    "replaced_sender": QT_TRANSLATE_NOOP(
        "sync",
        "Gói {name} được ký bằng khóa cũ mà đơn vị gửi đã thay. Không nhập; hãy xin đơn vị gửi xuất lại gói bằng khóa mới.",
    ),
    "bad_signature": QT_TRANSLATE_NOOP(
        "sync",
        "Gói {name} bị sửa đổi hoặc hỏng (chữ ký không khớp). Không nhập; hãy xin đơn vị gửi chép lại gói.",
    ),
    "wrong_recipient": QT_TRANSLATE_NOOP(
        "sync", "Gói {name} được gửi cho đơn vị khác, không phải đơn vị này. Không nhập."
    ),
    "relabelled": QT_TRANSLATE_NOOP(
        "sync", "Gói {name} ghi tên đơn vị gửi không khớp với khóa đã ký. Không nhập."
    ),
    "damaged": QT_TRANSLATE_NOOP(
        "sync", "Gói {name} bị hỏng khi giải mã. Không nhập; hãy xin đơn vị gửi chép lại gói."
    ),
    "bad_entry": QT_TRANSLATE_NOOP("sync", "Gói {name} có nội dung bất thường ({detail}). Không nhập."),
    "entry_too_large": QT_TRANSLATE_NOOP(
        "sync", "Gói {name} chứa phần dữ liệu “{entry}” quá lớn ({size} byte). Không nhập."
    ),
    "compression_bomb": QT_TRANSLATE_NOOP(
        "sync",
        "Gói {name} chứa phần dữ liệu “{entry}” nén bất thường (giải nén lớn gấp {ratio} lần). Không nhập; có thể là tệp độc hại.",
    ),
    "too_new": QT_TRANSLATE_NOOP(
        "sync",
        "Gói {name} được tạo bởi phiên bản chương trình mới hơn (định dạng {version}). Hãy cài phiên bản mới rồi nhập lại.",
    ),
}


class SyncRefused(DomainError):
    """A package refused with a clear message; nothing was changed."""

    context = "sync"

    def __init__(self, reason: str, name: str, **params: Any) -> None:
        super().__init__(MESSAGES.get(reason, reason), context="sync", name=name, **params)
        self.reason = reason


@dataclass(frozen=True)
class Opened:
    key_id: bytes
    header: dict[str, Any]
    entries: dict[str, bytes]
    file_hash: str


def canonical(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def _key(shared: bytes, salt: bytes, ephemeral: bytes, recipient: bytes) -> bytes:
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=b"dux-sync-v1|" + ephemeral + recipient)
    return hkdf.derive(shared)


def _aad(header_digest: bytes, index: int, last: bool) -> bytes:
    return header_digest + struct.pack(">I?", index, last)


def _container(entries: dict[str, bytes]) -> bytes:
    parts = [b"DUXP", struct.pack(">H", len(entries))]
    for name, data in entries.items():
        packed = zlib.compress(data, 6)
        raw_name = name.encode("ascii")
        parts += [
            struct.pack(">B", len(raw_name)),
            raw_name,
            struct.pack(">QQ", len(data), len(packed)),
            packed,
        ]
    return b"".join(parts)


def _uncontainer(blob: bytes, name: str) -> dict[str, bytes]:
    def bad(detail: str) -> SyncRefused:
        return SyncRefused("bad_entry", name, detail=detail)

    if blob[:4] != b"DUXP" or len(blob) < 6:
        raise bad("container")
    (count,) = struct.unpack(">H", blob[4:6])
    if count > len(ALLOWED_ENTRIES):
        raise bad("count")
    pos, out = 6, {}
    for _ in range(count):
        if pos + 1 > len(blob):
            raise bad("truncated")
        (name_len,) = struct.unpack(">B", blob[pos : pos + 1])
        entry = blob[pos + 1 : pos + 1 + name_len].decode("ascii", errors="replace")
        pos += 1 + name_len
        if entry not in ALLOWED_ENTRIES or entry in out:
            raise bad(f"entry {entry[:40]!r}")
        if pos + 16 > len(blob):
            raise bad("truncated")
        raw_len, packed_len = struct.unpack(">QQ", blob[pos : pos + 16])
        pos += 16
        if raw_len > MAX_ENTRY:
            raise SyncRefused("entry_too_large", name, entry=entry, size=raw_len)
        if raw_len > 1_000_000 and raw_len > MAX_RATIO * max(packed_len, 1):
            ratio = raw_len // max(packed_len, 1)
            raise SyncRefused("compression_bomb", name, entry=entry, ratio=ratio)
        if packed_len > len(blob) - pos:
            raise bad(f"size {entry}")
        inflater = zlib.decompressobj()
        try:
            data = inflater.decompress(blob[pos : pos + packed_len], raw_len + 1)
        except zlib.error:
            raise bad(f"compression {entry}") from None
        if len(data) != raw_len or not inflater.eof or inflater.unconsumed_tail:
            raise bad(f"length {entry}")
        out[entry] = data
        pos += packed_len
    if pos != len(blob):
        raise bad("trailing data")
    return out


def seal(
    entries: dict[str, bytes],
    header: dict[str, Any],
    sign_private: bytes,
    sign_public: bytes,
    recipient_kem_public: bytes,
) -> bytes:
    """Encrypt `entries` to the recipient and sign the whole file with the sender's key."""
    ephemeral = X25519PrivateKey.generate()
    ephemeral_public = ephemeral.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    salt = os.urandom(32)
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(recipient_kem_public))
    aead = ChaCha20Poly1305(_key(shared, salt, ephemeral_public, recipient_kem_public))
    plaintext = _container(entries)
    chunks = [plaintext[i : i + CHUNK] for i in range(0, len(plaintext), CHUNK)] or [b""]
    full_header = {
        **header,
        "format": FORMAT_VERSION,
        "ephemeral": ephemeral_public.hex(),
        "salt": salt.hex(),
        "recipient_key": hashlib.sha256(recipient_kem_public).hexdigest(),
        "chunks": len(chunks),
    }
    header_bytes = canonical(full_header)
    prefix = MAGIC + key_id(sign_public) + struct.pack(">I", len(header_bytes))
    digest = hashlib.sha256(prefix + header_bytes).digest()
    body = b"".join(
        aead.encrypt(struct.pack(">4xQ", i), chunk, _aad(digest, i, i == len(chunks) - 1))
        for i, chunk in enumerate(chunks)
    )
    unsigned = prefix + header_bytes + body
    signature = Ed25519PrivateKey.from_private_bytes(sign_private).sign(unsigned)
    return unsigned + signature


def key_id_of(data: bytes, name: str) -> bytes:
    """The sender's key id, read from its fixed place (before any parsing)."""
    if len(data) < PREFIX + SIGNATURE or data[:8] != MAGIC:
        raise SyncRefused("not_a_package", name)
    return data[8:40]


def verify(data: bytes, name: str, sign_public: bytes) -> None:
    try:
        Ed25519PublicKey.from_public_bytes(sign_public).verify(data[-SIGNATURE:], data[:-SIGNATURE])
    except InvalidSignature:
        raise SyncRefused("bad_signature", name) from None


def open_sealed(
    data: bytes,
    name: str,
    sender_public: Callable[[bytes], bytes],
    kem_privates: Sequence[tuple[bytes, bytes]],
) -> Opened:
    """Verify, then decrypt. `sender_public(key_id)` returns the enrolled signing key (or raises);
    `kem_privates` are this installation's (private, public) encryption keys, newest first."""
    if len(data) > MAX_FILE:
        raise SyncRefused("too_large", name)
    kid = key_id_of(data, name)
    verify(data, name, sender_public(kid))
    # From here the bytes are exactly what the enrolled sender signed.
    (header_len,) = struct.unpack(">I", data[40:44])
    if header_len > MAX_HEADER or PREFIX + header_len > len(data) - SIGNATURE:
        raise SyncRefused("bad_entry", name, detail="header")
    header_bytes = data[PREFIX : PREFIX + header_len]
    try:
        header = json.loads(header_bytes)
        if not isinstance(header, dict):
            raise TypeError
        if int(header.get("format", 0)) > FORMAT_VERSION:
            raise SyncRefused("too_new", name, version=header.get("format"))
        ephemeral = bytes.fromhex(header["ephemeral"])
        salt = bytes.fromhex(header["salt"])
        chunks = int(header["chunks"])
        recipient_key = str(header["recipient_key"])
    except SyncRefused:
        raise
    except (ValueError, KeyError, TypeError):
        raise SyncRefused("bad_entry", name, detail="header") from None
    kem = next(
        ((priv, pub) for priv, pub in kem_privates if hashlib.sha256(pub).hexdigest() == recipient_key), None
    )
    if kem is None:
        raise SyncRefused("wrong_recipient", name)
    shared = X25519PrivateKey.from_private_bytes(kem[0]).exchange(
        X25519PublicKey.from_public_bytes(ephemeral)
    )
    aead = ChaCha20Poly1305(_key(shared, salt, ephemeral, kem[1]))
    digest = hashlib.sha256(data[:PREFIX] + header_bytes).digest()
    body = data[PREFIX + header_len : -SIGNATURE]
    plain, pos = [], 0
    for i in range(chunks):
        size = min(CHUNK + 16, len(body) - pos)
        if size < 16:
            raise SyncRefused("damaged", name)
        try:
            plain.append(
                aead.decrypt(struct.pack(">4xQ", i), body[pos : pos + size], _aad(digest, i, i == chunks - 1))
            )
        except InvalidTag:
            raise SyncRefused("damaged", name) from None
        pos += size
    if pos != len(body):
        raise SyncRefused("damaged", name)
    entries = _uncontainer(b"".join(plain), name)
    return Opened(kid, header, entries, hashlib.sha256(data).hexdigest())
