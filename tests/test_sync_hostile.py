"""More hostile packages (issue 8): an older sequence under a new package id, a replay on its own, an
oversized entry, a compression bomb, an oversized file, a too-new header format, and truncation at
every chunk boundary caught by the chunk-final flag at the decrypt level. Each is refused with its own
reason and Vietnamese message, and the receiving database is byte-for-byte unchanged."""

from __future__ import annotations

import hashlib
import json
import random
import struct
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from exports import sync as sx
from exports import sync_package as sp
from exports.sync_package import SyncRefused
from models.db import Database, read_session, unit_of_work
from models.security import SYSTEM_ACTOR
from models.services import organisation as org
from models.services import sync as ss
from tests.test_sync import _enrol, _refusal, _seal_as, _unit, db_digest, fill_commune, make_province


@pytest.fixture
def province(tmp_path: Path) -> Iterator[Database]:
    db = make_province(tmp_path / "province.db")
    yield db
    db.close()


@pytest.fixture
def commune(db: Database) -> Database:
    return fill_commune(db)


def _incarnation(db: Database) -> str:
    with read_session(db, SYSTEM_ACTOR) as s:
        return ss.incarnation(s)


def _manifest(commune: Database, province: Database, **changes: Any) -> dict[str, Any]:
    manifest: dict[str, Any] = {
        "format_version": 1,
        "schema_version": "0001",
        "kind": "data",
        "package_id": str(uuid.uuid4()),
        "sender_unit_id": _unit(commune),
        "recipient_unit_id": _unit(province),
        "sequence": 1,
        "previous_hash": "",
        "incarnation": _incarnation(commune),
        "full": False,
        "created_utc": "2026-11-01T00:00:00+00:00",
        "entries": {},
    }
    manifest.update(changes)
    return manifest


def _with_records(commune: Database, province: Database, records: bytes, **changes: Any) -> bytes:
    manifest = _manifest(commune, province, **changes)
    return _seal_as(
        commune,
        province,
        manifest_changes=manifest,
        entries={"manifest.json": sp.canonical(manifest), "records.jsonl": records},
    )


def test_each_hostile_package_has_its_own_reason_and_message(
    commune: Database, province: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _enrol(commune, province)
    stick = tmp_path / "usb"
    stick.mkdir()
    first = sx.export_package(commune, SYSTEM_ACTOR, stick)
    sx.import_files(province, SYSTEM_ACTOR, [first.path])
    with unit_of_work(commune, SYSTEM_ACTOR) as s:
        org.add_village(s, org.VillageInput("Bản Hai"))
    second = sx.export_package(commune, SYSTEM_ACTOR, stick)
    sx.import_files(province, SYSTEM_ACTOR, [second.path])
    found: dict[str, SyncRefused] = {}

    # An older sequence under a fresh package id (so it is not a mere replay), validly signed.
    older = _refusal(province, _with_records(commune, province, b"", sequence=1), tmp_path, "cu.duxpkg")
    found["older"] = older
    assert "(số 1) cũ hơn gói đã nhập (số 2)" in older.text()

    # The first package again, on its own, after a later one: "đã nhập", nothing changes.
    before = db_digest(province)
    replay = sx.import_files(province, SYSTEM_ACTOR, [first.path])
    assert db_digest(province) == before
    assert isinstance(replay[0], sx.ImportResult) and replay[0].status == "replayed"
    assert replay[0].message == f"Gói {first.path.name} đã nhập trước đây; không có gì thay đổi."

    # An entry larger than MAX_ENTRY (the cap is lowered so the test stays small).
    monkeypatch.setattr(sp, "MAX_ENTRY", 50_000)
    rng = random.Random(3)
    big = "".join(f"{rng.getrandbits(64):016x}\n" for _ in range(4000)).encode()
    found["entry_too_large"] = _refusal(province, _with_records(commune, province, big, sequence=3), tmp_path)
    assert f"“records.jsonl” quá lớn ({len(big)} byte)" in found["entry_too_large"].text()
    monkeypatch.setattr(sp, "MAX_ENTRY", 1024 * 1024 * 1024)

    # A compression bomb: 4 MB of newlines in a few kilobytes, far above MAX_RATIO.
    bomb = b"\n" * 4_000_000
    found["compression_bomb"] = _refusal(
        province, _with_records(commune, province, bomb, sequence=3), tmp_path
    )
    assert "nén bất thường" in found["compression_bomb"].text()

    # A file larger than MAX_FILE is refused before its signature is even checked.
    with read_session(province, SYSTEM_ACTOR) as s:
        _last, last_hash, _inc = ss.incoming_state(s, _unit(commune))
    good = _with_records(commune, province, b"", sequence=3, previous_hash=last_hash)
    monkeypatch.setattr(sp, "MAX_FILE", len(good) - 1)
    found["too_large"] = _refusal(province, good, tmp_path)
    monkeypatch.setattr(sp, "MAX_FILE", 512 * 1024 * 1024)

    # A header format from a newer version of the program.
    monkeypatch.setattr(sp, "FORMAT_VERSION", 2)
    newer = _with_records(commune, province, b"", sequence=3)
    monkeypatch.setattr(sp, "FORMAT_VERSION", 1)
    found["too_new"] = _refusal(province, newer, tmp_path)
    assert "(định dạng 2)" in found["too_new"].text()

    assert {reason: error.reason for reason, error in found.items()} == {r: r for r in found}
    texts = {reason: error.text() for reason, error in found.items()}
    assert len(set(texts.values())) == len(texts), texts
    assert all("Không nhập" in t or "Hãy cài phiên bản mới" in t for t in texts.values()), texts
    # The same package, with the caps back to normal, is accepted: the refusals were the caps.
    result = sx.import_files(province, SYSTEM_ACTOR, [_write(tmp_path, "ok.duxpkg", good)])
    assert isinstance(result[0], sx.ImportResult) and result[0].status == "applied"


def _write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def _seal_cut(
    entries: dict[str, bytes], header: dict[str, Any], sign_private: bytes, sign_public: bytes, recipient: bytes, keep: int
) -> tuple[bytes, int]:  # fmt: skip
    """What a truncating attacker holding the sender's key could make: the ciphertext of a longer
    stream cut after `keep` chunks, with a header that states `keep` chunks, correctly re-signed. Only
    the final-chunk flag inside each chunk's associated data can tell. Returns (package, total chunks)."""
    ephemeral = X25519PrivateKey.generate()
    ephemeral_public = ephemeral.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    salt = bytes(range(32))
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(recipient))
    aead = ChaCha20Poly1305(sp._key(shared, salt, ephemeral_public, recipient))
    plaintext = sp._container(entries)
    chunks = [plaintext[i : i + sp.CHUNK] for i in range(0, len(plaintext), sp.CHUNK)]
    full_header = {
        **header,
        "format": sp.FORMAT_VERSION,
        "ephemeral": ephemeral_public.hex(),
        "salt": salt.hex(),
        "recipient_key": hashlib.sha256(recipient).hexdigest(),
        "chunks": min(keep, len(chunks)),
    }
    header_bytes = sp.canonical(full_header)
    prefix = sp.MAGIC + ss.key_id(sign_public) + struct.pack(">I", len(header_bytes))
    digest = hashlib.sha256(prefix + header_bytes).digest()
    body = b"".join(
        aead.encrypt(struct.pack(">4xQ", i), chunk, sp._aad(digest, i, i == len(chunks) - 1))
        for i, chunk in enumerate(chunks[:keep])
    )
    unsigned = prefix + header_bytes + body
    return unsigned + Ed25519PrivateKey.from_private_bytes(sign_private).sign(unsigned), len(chunks)


def test_truncation_at_every_chunk_boundary_is_caught_by_the_final_flag(
    commune: Database, province: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _enrol(commune, province)
    monkeypatch.setattr(sp, "CHUNK", 4096)
    with read_session(commune, SYSTEM_ACTOR) as s:
        sender = ss.own_keys(s)
    with read_session(province, SYSTEM_ACTOR) as s:
        recipient = ss.own_keys(s)
    rng = random.Random(5)
    records = "".join(f"{rng.getrandbits(128):032x}\n" for _ in range(1200)).encode()
    manifest = _manifest(commune, province, full=True, sequence=1)
    entries = {"manifest.json": sp.canonical(manifest), "records.jsonl": records}
    header = {
        k: manifest[k]
        for k in ("package_id", "sender_unit_id", "recipient_unit_id", "sequence", "incarnation", "kind")
    }

    def open_directly(data: bytes) -> sp.Opened:
        return sp.open_sealed(
            data,
            "cat.duxpkg",
            lambda _kid: sender.sign_public,
            [(recipient.kem_private, recipient.kem_public)],
        )

    whole, total = _seal_cut(
        entries, header, sender.sign_private, sender.sign_public, recipient.kem_public, 10**6
    )
    assert total >= 5
    # The helper is faithful: uncut, its package opens and holds exactly the entries.
    assert open_directly(whole).entries == entries
    for keep in range(1, total):
        cut, _ = _seal_cut(
            entries, header, sender.sign_private, sender.sign_public, recipient.kem_public, keep
        )
        with pytest.raises(SyncRefused) as exc:
            open_directly(cut)
        # "damaged" comes from the AEAD tag of the last chunk kept (its flag says "not final"); without
        # the flag the chunks would decrypt and the container check would answer "bad_entry" instead.
        assert exc.value.reason == "damaged", keep
        refused = _refusal(province, cut, tmp_path, f"cat-{keep}.duxpkg")
        assert refused.reason == "damaged" and "bị hỏng khi giải mã" in refused.text()
    # And the signature-stripped view: the genuine package's bytes cut at a boundary, signature check
    # bypassed, are refused too (the chunk count in the header no longer matches).
    monkeypatch.setattr(sp, "verify", lambda *_args: None)
    header_len = int.from_bytes(whole[40:44], "big")
    body_start = sp.PREFIX + header_len
    for keep in range(1, total):
        cut = whole[: body_start + keep * (sp.CHUNK + 16)] + whole[-sp.SIGNATURE :]
        with pytest.raises(SyncRefused) as exc:
            open_directly(cut)
        assert exc.value.reason == "damaged", keep
    assert json.loads(whole[sp.PREFIX : body_start])["chunks"] == total
