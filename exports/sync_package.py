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

import errno
import hashlib
import json
import os
import stat
import struct
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from models.errors import DomainError, StorageError
from models.i18n import QT_TRANSLATE_NOOP, translate
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
    "not_a_file": QT_TRANSLATE_NOOP(
        "sync",
        "“{name}” không phải một tệp bình thường (thư mục, thiết bị hoặc đường ống). Không mở; hãy chọn đúng tệp gói.",
    ),
    "missing": QT_TRANSLATE_NOOP("sync", "Không tìm thấy tệp {name}. Hãy kiểm tra lại USB và đường dẫn."),
    "changed": QT_TRANSLATE_NOOP(
        "sync", "Tệp {name} thay đổi trong khi đang đọc. Không nhập; hãy chép lại tệp rồi nhập lại."
    ),
    "bad_header": QT_TRANSLATE_NOOP(
        "sync",
        "Gói {name} có phần đầu không hợp lệ (trường “{field}”: {problem}). Không nhập; hãy xin đơn vị gửi xuất lại gói.",
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


def _uncontainer(blob: bytes | bytearray, name: str) -> dict[str, bytes]:
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
    return bytes(data[8:40])


READ_BLOCK = 1 << 20
PROBLEMS = {
    "missing": QT_TRANSLATE_NOOP("sync", "thiếu"),
    "type": QT_TRANSLATE_NOOP("sync", "sai kiểu dữ liệu"),
    "range": QT_TRANSLATE_NOOP("sync", "ngoài giới hạn cho phép"),
    "format": QT_TRANSLATE_NOOP("sync", "sai định dạng"),
    "date": QT_TRANSLATE_NOOP("sync", "không phải ngày giờ có múi giờ"),
}


def bad_field(name: str, field: str, problem: str) -> SyncRefused:
    """A header or manifest field that is missing or malformed: its own refusal, naming the field."""
    return SyncRefused("bad_header", name, field=field, problem=translate("sync", PROBLEMS[problem]))


def read_file(
    path: Path, limit: int | None = None, *, check_prefix: Callable[[bytes], None] | None = None
) -> bytes:
    """Read a file from the stick, bounded: only a regular file is read (a folder, a device such as
    /dev/zero, a FIFO or a socket is refused without reading, whatever a link points to), its size is
    checked before the first byte is read, and never more than that size is read (a file that grows or
    shrinks meanwhile is refused). `check_prefix` sees the first PREFIX bytes (magic, key id) before
    the rest is read, so a file from no enrolled sender costs a few bytes, not its size."""
    name = path.name or str(path)
    limit = MAX_FILE if limit is None else limit
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        before = Path(path).stat()  # follows links: what would be opened
    except FileNotFoundError:
        raise SyncRefused("missing", name) from None
    except OSError as exc:
        raise _io_error(name, exc) from None
    if not stat.S_ISREG(before.st_mode):
        raise SyncRefused("not_a_file", name)
    if before.st_size > limit:
        raise SyncRefused("too_large", name)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise SyncRefused("missing", name) from None
    except OSError as exc:
        raise _io_error(name, exc) from None
    try:
        with os.fdopen(fd, "rb", buffering=0) as file:
            info = os.fstat(file.fileno())  # the file actually opened (it may have been swapped)
            if not stat.S_ISREG(info.st_mode):
                raise SyncRefused("not_a_file", name)
            size = info.st_size
            if size > limit:
                raise SyncRefused("too_large", name)
            if check_prefix is not None:
                check_prefix(_read_exactly(file, min(size, PREFIX), name))
                file.seek(0)
            data = _read_exactly(file, size, name)
            if file.read(1):
                raise SyncRefused("changed", name)
            return data
    except OSError as exc:
        raise _io_error(name, exc) from None


def _read_exactly(file: Any, size: int, name: str) -> bytes:
    """`size` bytes: one allocation in the usual case (a regular file answers a read in full)."""
    data: bytes = file.read(size) if size else b""
    if len(data) == size:
        return data
    parts, done = [data], len(data)
    while done < size:
        chunk = file.read(min(READ_BLOCK, size - done))
        if not chunk:
            raise SyncRefused("changed", name)
        parts.append(chunk)
        done += len(chunk)
    return b"".join(parts)


def _io_error(name: str, exc: OSError) -> DomainError:
    if exc.errno in (errno.EISDIR, errno.ENOTDIR):
        return SyncRefused("not_a_file", name)
    return StorageError(
        QT_TRANSLATE_NOOP("sync", "Không đọc được tệp {name} (USB bị rút hoặc hỏng)."),
        kind="io",
        name=name,
    )


def verify(data: bytes, name: str, sign_public: bytes) -> None:
    view = memoryview(data)
    try:
        Ed25519PublicKey.from_public_bytes(sign_public).verify(view[-SIGNATURE:], view[:-SIGNATURE])
    except InvalidSignature:
        raise SyncRefused("bad_signature", name) from None


_HEX = frozenset("0123456789abcdef")


def _hex_field(header: dict[str, Any], key: str, name: str, length: int) -> bytes:
    value = header.get(key)
    if value is None:
        raise bad_field(name, key, "missing")
    if not isinstance(value, str):
        raise bad_field(name, key, "type")
    if len(value) != 2 * length or not set(value) <= _HEX:
        raise bad_field(name, key, "format")
    return bytes.fromhex(value)


def _int_field(header: dict[str, Any], key: str, name: str, low: int, high: int) -> int:
    value = header.get(key)
    if value is None:
        raise bad_field(name, key, "missing")
    if not isinstance(value, int) or isinstance(value, bool):
        raise bad_field(name, key, "type")
    if not low <= value <= high:
        raise bad_field(name, key, "range")
    return value


def open_sealed(
    data: bytes,
    name: str,
    sender_public: Callable[[bytes], bytes],
    kem_privates: Sequence[tuple[bytes, bytes]],
) -> Opened:
    """Verify, then decrypt. `sender_public(key_id)` returns the enrolled signing key (or raises);
    `kem_privates` are this installation's (private, public) encryption keys, newest first. Every
    header field is checked for presence, type and range, each with its own refusal."""
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
    except (ValueError, RecursionError):
        raise SyncRefused("bad_entry", name, detail="header") from None
    if not isinstance(header, dict):
        raise SyncRefused("bad_entry", name, detail="header")
    version = header.get("format", 0)
    if not isinstance(version, int) or isinstance(version, bool) or version < 0:
        raise bad_field(name, "format", "type")
    if version > FORMAT_VERSION:
        raise SyncRefused("too_new", name, version=version)
    ephemeral = _hex_field(header, "ephemeral", name, 32)
    salt = _hex_field(header, "salt", name, 32)
    recipient_key = _hex_field(header, "recipient_key", name, 32).hex()
    body_len = len(data) - SIGNATURE - PREFIX - header_len
    chunks = _int_field(header, "chunks", name, 1, max(1, body_len // 16))
    kem = next(
        ((priv, pub) for priv, pub in kem_privates if hashlib.sha256(pub).hexdigest() == recipient_key), None
    )
    if kem is None:
        raise SyncRefused("wrong_recipient", name)
    try:
        shared = X25519PrivateKey.from_private_bytes(kem[0]).exchange(
            X25519PublicKey.from_public_bytes(ephemeral)
        )
    except ValueError:  # a low-order point: no shared secret
        raise bad_field(name, "ephemeral", "format") from None
    aead = ChaCha20Poly1305(_key(shared, salt, ephemeral, kem[1]))
    digest = hashlib.sha256(bytes(data[:PREFIX]) + header_bytes).digest()
    body = memoryview(data)[PREFIX + header_len : len(data) - SIGNATURE]
    plain, pos = bytearray(), 0
    for i in range(chunks):
        size = min(CHUNK + 16, len(body) - pos)
        if size < 16:
            raise SyncRefused("damaged", name)
        try:
            plain += aead.decrypt(
                struct.pack(">4xQ", i), body[pos : pos + size], _aad(digest, i, i == chunks - 1)
            )
        except InvalidTag:
            raise SyncRefused("damaged", name) from None
        pos += size
    if pos != len(body):
        raise SyncRefused("damaged", name)
    body.release()
    entries = _uncontainer(plain, name)
    return Opened(kid, header, entries, hashlib.sha256(data).hexdigest())
