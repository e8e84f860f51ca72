"""USB sync: round trip commune → province, hostile packages refused with the database unchanged,
no personal data in package bytes, writer faults, out-of-order and lost packages."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import random
import shutil
import sqlite3
import tempfile
import unicodedata
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from copy import deepcopy
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from exports import atomic, sync_package
from exports import sync as sx
from exports.sync_package import SyncRefused
from models.base import clock_source
from models.db import Database, read_session, unit_of_work
from models.dbfile import rotate_incarnation
from models.entities import Village
from models.entities_sync import SyncChannel
from models.errors import DomainError, RuleViolation, StorageError
from models.security import SYSTEM_ACTOR
from models.services import membership as ms
from models.services import organisation as org
from models.services import sync as ss
from models.setup import open_app_database
from models.sync_schema import KINDS, from_json_record, from_json_value
from tests.builders import admit, profile, village_and_cell

PROVINCE = org.UnitSetup(
    name="Đảng bộ tỉnh Sơn La",
    committee_name="Tỉnh ủy Sơn La",
    symbol="TU",
    place_name="Sơn La",
    province="Sơn La",
    upper_name="Ban Chấp hành Trung ương Đảng",
    upper_symbol="TW",
    upper_header_line="BAN CHẤP HÀNH TRUNG ƯƠNG",
)
NAMES = [
    ("Lò", "Văn", "Thanh"),
    ("Cầm", "Thị", "Hoa"),
    ("Giàng", "A", "Páo"),
    ("Quàng", "Thị", "Ánh"),
    ("Lường", "Văn", "Đức"),
]
CCCDS = ["014080001111", "014190002222", "014090003333", "014195004444", "014070005555"]


def make_province(path: Path) -> Database:
    db = open_app_database(path, create=True, check_drive=False)
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        org.setup_unit(s, PROVINCE)
    return db


def fill_commune(db: Database) -> Database:
    """One village and cell with five official members (names and CCCDs above)."""
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        cell = village_and_cell(s)
        for (f, m, g), cccd in zip(NAMES, CCCDS, strict=True):
            mid = admit(
                s,
                cell,
                profile(
                    f,
                    m,
                    g,
                    sex="F" if m == "Thị" else "M",
                    cccd=cccd,
                    born=date(1970, 1, 1) if cccd[3] in "01" else date(1995, 1, 1),
                ),
                ceremony=date(2015, 3, 5),
            )
            ms.recognise_official(s, ms.EventInput(mid, date(2016, 3, 5)))
    return db


@pytest.fixture
def province(tmp_path: Path) -> Iterator[Database]:
    db = make_province(tmp_path / "province.db")
    yield db
    db.close()


@pytest.fixture
def commune(db: Database) -> Database:
    return fill_commune(db)


def _enrol(commune: Database, province: Database, *, replace: bool = False) -> None:
    with unit_of_work(province, SYSTEM_ACTOR) as p, unit_of_work(commune, SYSTEM_ACTOR) as c:
        upper = ss.own_bundle(p, "upper")
        lower = ss.own_bundle(c, "commune")
        ss.enrol(c, upper, replace=replace)
        ss.enrol(p, lower, replace=replace)


# What an import may add even when it changes nothing: the history of what arrived, and the audit
# entry of a refusal (issue 14 §8).
ARRIVAL_TABLES = frozenset({"sync_arrivals", "audit_log"})


def db_digest(db: Database) -> str:
    """Every row of every table, for 'the database is unchanged' (but for the arrivals history)."""
    digest = hashlib.sha256()
    with db.engine.connect() as conn:
        tables = [
            r[0]
            for r in conn.exec_driver_sql("SELECT name FROM sqlite_schema WHERE type='table' ORDER BY name")
            if r[0] not in ARRIVAL_TABLES
        ]
        for table in tables:
            for row in conn.exec_driver_sql(f'SELECT * FROM "{table}" ORDER BY 1'):
                digest.update(repr(tuple(row)).encode())
    return digest.hexdigest()


def _rows(db: Database, owner: str) -> dict[str, list[tuple[Any, ...]]]:
    out: dict[str, list[tuple[Any, ...]]] = {}
    with db.engine.connect() as conn:
        for kind in KINDS:
            cols = ", ".join(f'"{f}"' for f in kind.fields)
            query = f'SELECT {cols} FROM "{kind.name}" WHERE owner_unit_id = ? ORDER BY id'
            out[kind.name] = [tuple(r) for r in conn.exec_driver_sql(query, (owner,)).fetchall()]
    return out


def _unit(db: Database) -> str:
    with read_session(db, SYSTEM_ACTOR) as s:
        return org.own_unit(s).id


def test_round_trip_is_record_for_record_equal(commune: Database, province: Database, tmp_path: Path) -> None:
    _enrol(commune, province)
    stick = tmp_path / "usb"
    stick.mkdir()
    result = sx.export_package(commune, SYSTEM_ACTOR, stick)
    assert result.sequence == 1 and result.full
    assert result.path.name.startswith("DUX-") and result.path.suffix == ".duxpkg"
    assert "Lò" not in result.path.name
    staged = sx.inspect_package(province, SYSTEM_ACTOR, result.path)
    assert staged.preview is not None and staged.preview.kinds["members"].new == 5
    outcome = sx.apply_package(province, SYSTEM_ACTOR, staged)
    assert [r.status for r in outcome] == ["applied"]
    unit = _unit(commune)
    assert _rows(province, unit) == _rows(commune, unit)
    # The same package again: "đã nhập", nothing changes.
    before = db_digest(province)
    again = sx.import_files(province, SYSTEM_ACTOR, [result.path])
    assert isinstance(again[0], sx.ImportResult) and again[0].status == "replayed"
    assert "đã nhập trước đây" in again[0].message
    assert db_digest(province) == before


def test_ack_makes_later_packages_incremental_and_corrections_reach_the_inbox(
    commune: Database, province: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _enrol(commune, province)
    first = sx.export_package(commune, SYSTEM_ACTOR, tmp_path)
    sx.import_files(province, SYSTEM_ACTOR, [first.path])
    unit = _unit(commune)
    with unit_of_work(province, SYSTEM_ACTOR) as s:
        member = ss.search_all_units(s, "pao")[0]
        ss.request_correction(
            s, unit, "members", member.id, "cccd", "Số CCCD không khớp với sổ của tỉnh, đề nghị kiểm tra."
        )
    ack = sx.write_ack(province, SYSTEM_ACTOR, unit, tmp_path)
    message = sx.import_ack(commune, SYSTEM_ACTOR, ack)
    assert message == "Cấp trên đã nhận đến gói số 1; 1 đề nghị sửa mới."
    with read_session(commune, SYSTEM_ACTOR) as s:
        inbox = ss.inbox(s)
    assert [(c.record_kind, c.field, c.status) for c in inbox] == [("members", "cccd", "open")]
    with unit_of_work(commune, SYSTEM_ACTOR) as s:
        ss.answer_correction(s, inbox[0].id, accept=True)
        village_and_cell(s, "Bản Mới", "Chi bộ bản Mới")
    second = sx.export_package(commune, SYSTEM_ACTOR, tmp_path)
    assert not second.full
    assert second.records == 3  # only what changed since the acknowledged point: village, cell, link
    sx.import_files(province, SYSTEM_ACTOR, [second.path])
    assert _rows(province, unit) == _rows(commune, unit)


def test_a_lost_middle_package_is_covered_by_the_next_and_turns_up_as_older(
    commune: Database, province: Database, tmp_path: Path
) -> None:
    """#2 is lost: #3 carries everything since the acknowledged #1, so it applies at once and says
    that it covers #2; when #2 turns up at last it is refused as older, and nothing changes."""
    _enrol(commune, province)
    p1 = sx.export_package(commune, SYSTEM_ACTOR, tmp_path)
    sx.import_files(province, SYSTEM_ACTOR, [p1.path])
    sx.import_ack(commune, SYSTEM_ACTOR, sx.write_ack(province, SYSTEM_ACTOR, _unit(commune), tmp_path))
    packages = []
    for name in ("Bản Hai", "Bản Ba"):
        with unit_of_work(commune, SYSTEM_ACTOR) as s:
            org.add_village(s, org.VillageInput(name))
        packages.append(sx.export_package(commune, SYSTEM_ACTOR, tmp_path))
    p2, p3 = packages
    assert not p3.full and p3.records == 2  # cumulative since #1: both villages
    done = sx.import_files(province, SYSTEM_ACTOR, [p3.path])
    assert isinstance(done[0], sx.ImportResult) and done[0].status == "applied"
    assert done[0].message == (
        "Đã nhập gói số 3 của Đảng bộ xã Mường Lèo: 2 bản ghi. Gói này đã bao gồm nội dung các gói số "
        "2–2 bị thiếu; không cần tìm lại chúng."
    )
    assert _rows(province, _unit(commune)) == _rows(commune, _unit(commune))
    before = db_digest(province)
    late = sx.import_files(province, SYSTEM_ACTOR, [p2.path])
    assert isinstance(late[0], SyncRefused) and late[0].reason == "older"
    assert db_digest(province) == before


def test_a_package_without_its_base_is_held_and_the_ack_asks_for_a_full_one(
    commune: Database, province: Database, tmp_path: Path
) -> None:
    """The province lost what #2 brought (its database was restored from a backup): #3 builds on #2,
    so it is held, the acknowledgment asks for a full package, the commune's next export is full
    without anyone asking, and it applies and clears the held one."""
    _enrol(commune, province)
    unit = _unit(commune)
    sx.import_files(province, SYSTEM_ACTOR, [sx.export_package(commune, SYSTEM_ACTOR, tmp_path).path])
    sx.import_ack(commune, SYSTEM_ACTOR, sx.write_ack(province, SYSTEM_ACTOR, unit, tmp_path))
    province.close()
    shutil.copyfile(province.path, tmp_path / "province-at-1.db")
    province_path = province.path
    again = open_app_database(province_path, check_drive=False)
    with unit_of_work(commune, SYSTEM_ACTOR) as s:
        org.add_village(s, org.VillageInput("Bản Hai"))
    sx.import_files(again, SYSTEM_ACTOR, [sx.export_package(commune, SYSTEM_ACTOR, tmp_path).path])
    sx.import_ack(commune, SYSTEM_ACTOR, sx.write_ack(again, SYSTEM_ACTOR, unit, tmp_path))
    again.close()
    shutil.copyfile(tmp_path / "province-at-1.db", province_path)  # the province's restore
    for suffix in ("-wal", "-shm"):
        Path(f"{province_path}{suffix}").unlink(missing_ok=True)
    rotate_incarnation(province_path, None)  # as exports.backup.restore_backup does
    restored = open_app_database(province_path, check_drive=False)
    try:
        with unit_of_work(commune, SYSTEM_ACTOR) as s:
            org.add_village(s, org.VillageInput("Bản Ba"))
        p3 = sx.export_package(commune, SYSTEM_ACTOR, tmp_path)
        assert not p3.full
        held = sx.import_files(restored, SYSTEM_ACTOR, [p3.path])
        assert isinstance(held[0], sx.ImportResult) and held[0].status == "held"
        assert "đến trước gói số 2" in held[0].message
        sx.import_ack(commune, SYSTEM_ACTOR, sx.write_ack(restored, SYSTEM_ACTOR, unit, tmp_path))
        p4 = sx.export_package(commune, SYSTEM_ACTOR, tmp_path)
        assert p4.full
        done = sx.import_files(restored, SYSTEM_ACTOR, [p4.path])
        assert [r.status for r in done if isinstance(r, sx.ImportResult)] == ["applied"]
        assert _rows(restored, unit) == _rows(commune, unit)
        with read_session(restored, SYSTEM_ACTOR) as s:
            assert ss.held_for(s, unit) == []
    finally:
        restored.close()


def _seal_as(commune: Database, province: Database, manifest_changes: dict[str, Any] | None = None, header_changes: dict[str, Any] | None = None,
             entries: dict[str, bytes] | None = None, recipient_kem: bytes | None = None, sign: tuple[bytes, bytes] | None = None) -> bytes:  # fmt: skip
    """A package built by hand with the commune's keys (to forge specific faults)."""
    with unit_of_work(commune, SYSTEM_ACTOR) as s:
        keys = ss.own_keys(s)
        unit = org.own_unit(s).id
    upper_unit = _unit(province)
    with unit_of_work(province, SYSTEM_ACTOR) as s:
        upper_keys = ss.own_keys(s)
    manifest = {
        "format_version": 1, "schema_version": "0001", "kind": "data", "package_id": "11111111-2222-3333-4444-555555555555",
        "sender_unit_id": unit, "recipient_unit_id": upper_unit, "sequence": 1, "previous_hash": "", "incarnation": "x",
        "full": True, "created_utc": "2026-11-01T00:00:00+00:00", "entries": {},
    }  # fmt: skip
    manifest.update(manifest_changes or {})
    header = {
        k: manifest[k]
        for k in ("package_id", "sender_unit_id", "recipient_unit_id", "sequence", "incarnation", "kind")
    }
    header.update(header_changes or {})
    content = (
        entries
        if entries is not None
        else {"manifest.json": sync_package.canonical(manifest), "records.jsonl": b""}
    )
    private, public = sign or (keys.sign_private, keys.sign_public)
    return sync_package.seal(content, header, private, public, recipient_kem or upper_keys.kem_public)


def _refusal(province: Database, data: bytes, tmp_path: Path, name: str = "goi.duxpkg") -> SyncRefused:
    path = tmp_path / name
    path.write_bytes(data)
    before = db_digest(province)
    result = sx.import_files(province, SYSTEM_ACTOR, [path])
    assert db_digest(province) == before, name
    assert isinstance(result[0], SyncRefused), result
    return result[0]


def test_hostile_packages_each_refused_with_its_own_message(
    commune: Database, province: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _enrol(commune, province)
    monkeypatch.setattr(sync_package, "CHUNK", 4096)  # several chunks, so chunk boundaries exist
    with unit_of_work(commune, SYSTEM_ACTOR) as s:
        rng = random.Random(1)
        for i in range(60):
            org.add_village(s, org.VillageInput(f"Bản thử {i} {rng.getrandbits(160):040x}"))
    good = sx.export_package(commune, SYSTEM_ACTOR, tmp_path).path.read_bytes()
    header_len = int.from_bytes(good[40:44], "big")
    body_start = sync_package.PREFIX + header_len
    reasons: dict[str, str] = {}
    # Bit flips in every region: magic, key id, header length, header, each chunk, signature.
    for label, offset in [("magic", 0), ("key id", 12), ("header length", 41), ("header", 60), ("chunk 0", body_start + 5),
                          ("chunk 1", body_start + 4096 + 16 + 7), ("last chunk", len(good) - 70), ("signature", len(good) - 3)]:  # fmt: skip
        flipped = bytearray(good)
        flipped[offset] ^= 0x01
        reasons[f"flip {label}"] = _refusal(province, bytes(flipped), tmp_path).reason
    chunk_count = json.loads(good[sync_package.PREFIX : body_start])["chunks"]
    assert chunk_count >= 3
    for i in range(1, chunk_count):
        cut = body_start + i * (4096 + 16)
        reasons[f"truncate at chunk {i}"] = _refusal(province, good[:cut], tmp_path).reason
        reasons[f"truncate at chunk {i} keeping signature"] = _refusal(
            province, good[:cut] + good[-64:], tmp_path
        ).reason
    reasons["appended bytes"] = _refusal(province, good + b"\x00" * 100, tmp_path).reason
    reasons["empty"] = _refusal(province, b"", tmp_path).reason
    assert set(reasons.values()) <= {"not_a_package", "bad_signature", "unknown_sender"}, reasons
    assert reasons["flip magic"] == "not_a_package"
    assert reasons["flip key id"] == "unknown_sender"
    assert reasons["flip chunk 1"] == "bad_signature"

    # Addressed to someone else.
    other = ss._generate()
    assert (
        _refusal(province, _seal_as(commune, province, recipient_kem=other.kem_public), tmp_path).reason
        == "wrong_recipient"
    )
    # Signed by a key nobody enrolled, or re-sealed by someone holding only public keys.
    assert (
        _refusal(
            province, _seal_as(commune, province, sign=(other.sign_private, other.sign_public)), tmp_path
        ).reason
        == "unknown_sender"
    )
    forged = bytearray(_seal_as(commune, province, sign=(other.sign_private, other.sign_public)))
    with unit_of_work(commune, SYSTEM_ACTOR) as s:
        forged[8:40] = ss.key_id(ss.own_keys(s).sign_public)  # claims the commune's key id
    assert _refusal(province, bytes(forged), tmp_path).reason == "bad_signature"
    # Relabelled: a validly signed package that claims another sender.
    assert (
        _refusal(
            province,
            _seal_as(commune, province, manifest_changes={"sender_unit_id": "another-unit"}),
            tmp_path,
        ).reason
        == "relabelled"
    )
    # Inside and outside disagree.
    mismatch = _refusal(province, _seal_as(commune, province, header_changes={"sequence": 7}), tmp_path)
    assert mismatch.reason == "mismatch" and "không khớp" in mismatch.text()
    # Too new.
    too_new = _refusal(
        province, _seal_as(commune, province, manifest_changes={"schema_version": "9999"}), tmp_path
    )
    assert too_new.reason == "schema_new" and "phiên bản chương trình mới hơn" in too_new.text()
    # Path traversal and oversized entries inside the container.
    for bad in (
        {"../../etc/passwd": b"x"},
        {"manifest.json": b"{}", "records.jsonl": b"", "ack.json": b"", "evil": b""},
    ):
        assert _refusal(province, _seal_as(commune, province, entries=bad), tmp_path).reason == "bad_entry"
    # Records of another unit, smuggled in a validly signed package.
    smuggled = json.dumps({"kind": "villages", "fields": {"id": "x"}}).encode()
    rejected = _refusal(
        province,
        _seal_as(
            commune,
            province,
            entries={
                "manifest.json": sync_package.canonical({**json.loads(_manifest(commune, province))}),
                "records.jsonl": smuggled,
            },
        ),
        tmp_path,
    )
    assert rejected.reason in {"rejected", "bad_entry"}
    # A revoked sender.
    with unit_of_work(province, SYSTEM_ACTOR) as s:
        ss.revoke(s, next(p.id for p in ss.peers(s)))
    assert _refusal(province, good, tmp_path).reason == "revoked_sender"
    messages = {_refusal(province, good, tmp_path).text(), too_new.text(), mismatch.text()}
    assert len(messages) == 3


def _manifest(commune: Database, province: Database) -> bytes:
    with unit_of_work(commune, SYSTEM_ACTOR) as s:
        unit = org.own_unit(s).id
    return sync_package.canonical(
        {
            "format_version": 1,
            "schema_version": "0001",
            "kind": "data",
            "package_id": "11111111-2222-3333-4444-555555555555",
            "sender_unit_id": unit,
            "recipient_unit_id": _unit(province),
            "sequence": 1,
            "previous_hash": "",
            "incarnation": "x",
            "full": True,
            "created_utc": "2026-11-01T00:00:00+00:00",
            "entries": {},
        }
    )


def test_package_bytes_hold_no_personal_data(commune: Database, province: Database, tmp_path: Path) -> None:
    _enrol(commune, province)
    data = sx.export_package(commune, SYSTEM_ACTOR, tmp_path).path.read_bytes()
    needles = []
    for f, m, g in NAMES:
        full = f"{f} {m} {g}"
        for text in (full, g, unicodedata.normalize("NFD", full)):
            needles += [text.encode("utf-8"), text.encode("utf-16-le"), text.encode("utf-16-be")]
    needles += [c.encode() for c in CCCDS] + [c.encode("utf-16-le") for c in CCCDS]
    assert [n for n in needles if n in data] == []
    # Not even the commune that wrote it can read its own package.
    path = tmp_path / "copy.duxpkg"
    path.write_bytes(data)
    with pytest.raises(SyncRefused) as exc:
        sx.inspect_package(commune, SYSTEM_ACTOR, path)
    assert exc.value.reason in {"unknown_sender", "wrong_recipient"}


def test_writer_faults_never_leave_a_file_under_the_final_name(
    commune: Database, province: Database, tmp_path: Path
) -> None:
    _enrol(commune, province)
    previous = sx.export_package(commune, SYSTEM_ACTOR, tmp_path)
    good_bytes = previous.path.read_bytes()
    size = len(good_bytes)
    try:
        # The next package has about the same size; cut well before its end.
        for limit in sorted(
            {0, 1, 100, size // 2, size - 500, *random.Random(7).sample(range(size - 500), 10)}
        ):
            atomic.set_opener(atomic.failing_after(limit))
            with pytest.raises(StorageError):
                sx.export_package(commune, SYSTEM_ACTOR, tmp_path)
            assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".duxpkg") == [previous.path.name]
            assert previous.path.read_bytes() == good_bytes
            assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    finally:
        atomic.set_opener(None)
    # The failed attempts consumed no sequence number.
    assert sx.export_package(commune, SYSTEM_ACTOR, tmp_path).sequence == 2


def test_stick_warnings_for_the_usb_worm(tmp_path: Path) -> None:
    (tmp_path / "autorun.inf").write_text("[autorun]", encoding="utf-8")
    (tmp_path / "Tài liệu.lnk").write_bytes(b"x")
    (tmp_path / ".hidden").mkdir()
    warnings = sx.stick_warnings(tmp_path)
    assert len(warnings) == 3
    assert any("autorun.inf" in w for w in warnings)


def test_enrolment_files_and_fingerprints(commune: Database, province: Database, tmp_path: Path) -> None:
    path, fingerprint = sx.write_enrolment(province, SYSTEM_ACTOR, tmp_path, "upper")
    bundle, read_back = sx.read_enrolment(path)
    assert read_back == fingerprint and len(fingerprint.split()) == 12
    peer = sx.enrol_from_file(commune, SYSTEM_ACTOR, path)
    assert peer.role == "upper" and peer.name == "Đảng bộ tỉnh Sơn La"
    bad = tmp_path / "bad.duxkey"
    bad.write_text("not json", encoding="utf-8")
    with pytest.raises(SyncRefused, match="không phải tệp đăng ký"):
        sx.read_enrolment(bad)
    del bundle


def ss_peers(db: Database) -> list[ss.PeerView]:
    with read_session(db, SYSTEM_ACTOR) as s:
        return ss.peers(s)


def test_restore_rotates_incarnation_and_requires_a_full_package(
    commune: Database, province: Database, tmp_path: Path
) -> None:
    _enrol(commune, province)
    p1 = sx.export_package(commune, SYSTEM_ACTOR, tmp_path)
    sx.import_files(province, SYSTEM_ACTOR, [p1.path])
    sx.import_ack(commune, SYSTEM_ACTOR, sx.write_ack(province, SYSTEM_ACTOR, _unit(commune), tmp_path))
    with unit_of_work(commune, SYSTEM_ACTOR) as s:  # what a restore does (exports/backup)
        from models.services.common import set_meta

        set_meta(s, ss.INCARNATION_KEY, "restored-incarnation")
    p2 = sx.export_package(commune, SYSTEM_ACTOR, tmp_path)
    assert p2.full
    result = sx.import_files(province, SYSTEM_ACTOR, [p2.path])
    assert isinstance(result[0], sx.ImportResult) and result[0].status == "applied"


def test_consolidated_indicators_equal_the_communes_own(
    commune: Database, province: Database, tmp_path: Path
) -> None:
    from forms.consolidated import completeness, consolidate
    from forms.periods import Period
    from forms.quarterly import build_report

    _enrol(commune, province)
    with unit_of_work(commune, SYSTEM_ACTOR) as s:
        org.add_village(s, org.VillageInput("Bản chưa có chi bộ"))
    sx.import_files(province, SYSTEM_ACTOR, [sx.export_package(commune, SYSTEM_ACTOR, tmp_path).path])
    period = Period.parse("2026-Q3")
    with read_session(commune, SYSTEM_ACTOR) as s:
        own = build_report(s, period).figures()
    with read_session(province, SYSTEM_ACTOR) as s:
        result = consolidate(s, period)
        board = completeness(s, [period, Period.parse("2026-Q4")])
        found = ss.search_all_units(s, "giang a pao")
    assert result.total.figures() == own
    assert result.by_commune[_unit(commune)].figures() == own
    assert own["members.total"] == 5 and own["org.villages_no_cell"] == 1
    assert [(c.status, c.late) for c in board[0].cells][1] == ("missing", False)
    assert board[0].cells[0].status == "received"
    assert [(m.name, m.unit_name, m.cccd) for m in found] == [
        ("Giàng A Páo", "Đảng bộ xã Mường Lèo", "014090003333")
    ]


def _rewind_channel(commune: Database, upper_unit: str) -> None:
    """What a database restored from a backup taken before the last export looks like to the sender:
    the same sequence number again (on the same day: the same file name on the stick)."""
    with unit_of_work(commune, SYSTEM_ACTOR) as s:
        link = s.get(SyncChannel, upper_unit)
        assert link is not None
        link.out_sequence, link.out_hash = 0, ""


def test_writer_faults_on_the_same_final_name_keep_the_previous_package(
    commune: Database, province: Database, tmp_path: Path
) -> None:
    _enrol(commune, province)
    stick = tmp_path / "usb"
    stick.mkdir()
    first = sx.export_package(commune, SYSTEM_ACTOR, stick)
    good = first.path.read_bytes()
    _rewind_channel(commune, _unit(province))
    size = len(good)
    limits = sorted(
        {
            0,
            1,
            8,
            40,
            44,
            100,
            size // 3,
            size // 2,
            size - 300,
            *random.Random(11).sample(range(size - 300), 15),
        }
    )
    try:
        for limit in limits:
            atomic.set_opener(atomic.failing_after(limit))
            with pytest.raises(StorageError) as exc:
                sx.export_package(commune, SYSTEM_ACTOR, stick)
            assert "USB" in exc.value.text() or "đầy" in exc.value.text() or "Không" in exc.value.text()
            assert [p.name for p in stick.iterdir()] == [first.path.name], limit
            assert first.path.read_bytes() == good, limit
    finally:
        atomic.set_opener(None)
    # The attempts aimed at that very name: the first that succeeds replaces it with a new, valid package.
    again = sx.export_package(commune, SYSTEM_ACTOR, stick)
    assert again.path == first.path and again.sequence == 1
    assert again.path.read_bytes() != good
    result = sx.import_files(province, SYSTEM_ACTOR, [again.path])
    assert isinstance(result[0], sx.ImportResult) and result[0].status == "applied"


def _peer_fingerprints(db: Database) -> list[str]:
    with read_session(db, SYSTEM_ACTOR) as s:
        return [ss.readable_fingerprint(p.fingerprint) for p in ss.peers(s)]


def test_key_replacement_re_enrolment_old_key_and_revoked_sender(
    commune: Database, province: Database, tmp_path: Path
) -> None:
    _enrol(commune, province)
    stick = tmp_path / "usb"
    stick.mkdir()
    sx.import_files(province, SYSTEM_ACTOR, [sx.export_package(commune, SYSTEM_ACTOR, stick).path])
    with read_session(commune, SYSTEM_ACTOR) as s:
        old = ss.own_keys(s)
    old_fingerprint = ss.readable_fingerprint(old.fingerprint)
    assert _peer_fingerprints(province) == [old_fingerprint]

    new_fingerprint = sx.replace_keys(commune, SYSTEM_ACTOR)
    assert new_fingerprint != old_fingerprint
    enrol_file, issued = sx.write_enrolment(commune, SYSTEM_ACTOR, tmp_path, "commune")
    assert issued == new_fingerprint and sx.read_enrolment(enrol_file)[1] == new_fingerprint

    # Until the upper level enrols the new file, the new key is unknown there.
    with unit_of_work(commune, SYSTEM_ACTOR) as s:
        org.add_village(s, org.VillageInput("Bản sau khi thay khóa"))
    waiting = sx.export_package(commune, SYSTEM_ACTOR, stick)
    assert waiting.full  # the next package after a replacement re-baselines
    unknown = _refusal(province, waiting.path.read_bytes(), tmp_path, "cho.duxpkg")
    assert unknown.reason == "unknown_sender" and "chưa đăng ký" in unknown.text()

    # Different keys for an enrolled unit: refused until confirmed, with both fingerprints shown.
    with pytest.raises(ss.KeyReplacement) as loud:
        sx.enrol_from_file(province, SYSTEM_ACTOR, enrol_file)
    assert (loud.value.old_fingerprint, loud.value.new_fingerprint) == (old_fingerprint, new_fingerprint)
    assert old_fingerprint in loud.value.text() and new_fingerprint in loud.value.text()
    peer = sx.enrol_from_file(province, SYSTEM_ACTOR, enrol_file, replace=True)
    assert ss.readable_fingerprint(peer.fingerprint) == new_fingerprint
    assert _peer_fingerprints(province) == [new_fingerprint]  # the replaced key is no longer listed
    done = sx.import_files(province, SYSTEM_ACTOR, [waiting.path])
    assert [r.status for r in done if isinstance(r, sx.ImportResult)] == ["applied"]
    with unit_of_work(commune, SYSTEM_ACTOR) as s:
        org.add_village(s, org.VillageInput("Bản thứ hai sau khi thay khóa"))
    nxt = sx.import_files(province, SYSTEM_ACTOR, [sx.export_package(commune, SYSTEM_ACTOR, stick).path])
    assert [r.status for r in nxt if isinstance(r, sx.ImportResult)] == ["applied"]
    assert _rows(province, _unit(commune)) == _rows(commune, _unit(commune))

    # Someone holding the old key (the lost laptop) seals a package after the replacement.
    with read_session(commune, SYSTEM_ACTOR) as s:
        incarnation = ss.incarnation(s)
    stolen = _seal_as(
        commune,
        province,
        manifest_changes={"sequence": 9, "incarnation": incarnation, "package_id": str(uuid.uuid4())},
        sign=(old.sign_private, old.sign_public),
    )
    replaced = _refusal(province, stolen, tmp_path, "khoa-cu.duxpkg")
    assert replaced.reason == "replaced_sender"
    assert "khóa cũ mà đơn vị gửi đã thay" in replaced.text()

    # The upper level replaces its own keys: a package the commune sealed to the old upper key still
    # opens there (the old key is kept for reading), and its acknowledgment carries the new key.
    sx.replace_keys(province, SYSTEM_ACTOR)
    with unit_of_work(commune, SYSTEM_ACTOR) as s:
        org.add_village(s, org.VillageInput("Bản gửi khóa cũ của tỉnh"))
    to_old = sx.import_files(province, SYSTEM_ACTOR, [sx.export_package(commune, SYSTEM_ACTOR, stick).path])
    assert [r.status for r in to_old if isinstance(r, sx.ImportResult)] == ["applied"]

    # A revoked sender is refused, and its key cannot be enrolled again.
    with unit_of_work(province, SYSTEM_ACTOR) as s:
        ss.revoke(s, next(p.id for p in ss.peers(s)))
    with unit_of_work(commune, SYSTEM_ACTOR) as s:
        org.add_village(s, org.VillageInput("Bản sau khi thu hồi"))
    revoked = _refusal(province, sx.export_package(commune, SYSTEM_ACTOR, stick).path.read_bytes(), tmp_path)
    assert revoked.reason == "revoked_sender" and "đã bị thu hồi" in revoked.text()
    with pytest.raises(RuleViolation, match="đã bị thu hồi"):
        sx.enrol_from_file(province, SYSTEM_ACTOR, enrol_file)


def test_cli_replace_keys_writes_the_new_enrolment_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import main
    from exports import keyring
    from tests.conftest import UNIT

    monkeypatch.setenv("DUX_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv(keyring.ENV_USER, "quantri")
    monkeypatch.setenv(keyring.ENV_PASSWORD, "mật khẩu dài")
    monkeypatch.setattr(main, "setup_logging", lambda verbose=False: tmp_path / "app.log")
    path = tmp_path / "xa.db"
    admin, _ = keyring.create_encrypted_database(path, "quantri", "mật khẩu dài", check_drive=False)
    with admin, unit_of_work(admin.db, SYSTEM_ACTOR) as s:
        org.setup_unit(s, UNIT)
    assert main.main(["enrol", "--help"]) == 0
    assert "--replace-keys" in capsys.readouterr().out
    assert main.main(["enrol", str(path), "--replace-keys"]) == 2
    assert "--issue" in capsys.readouterr().err
    printed = []
    for run in range(2):
        folder = tmp_path / f"usb{run}"
        folder.mkdir()
        assert (
            main.main(["enrol", str(path), "--replace-keys", "--issue", str(folder), "--role", "commune"])
            == 0
        )
        out = capsys.readouterr().out
        assert "Đã thay khóa" in out
        new = out.split("Mã đối chiếu mới: ")[1].splitlines()[0]
        (file,) = folder.iterdir()
        assert sx.read_enrolment(file)[1] == new
        printed.append(new)
    assert printed[0] != printed[1]


def test_ack_carries_newer_rule_rows_down_to_the_commune(
    commune: Database, province: Database, tmp_path: Path
) -> None:
    from models.entities import RuleValue
    from models.rules import rule

    _enrol(commune, province)
    sx.import_files(province, SYSTEM_ACTOR, [sx.export_package(commune, SYSTEM_ACTOR, tmp_path).path])
    with unit_of_work(commune, SYSTEM_ACTOR) as s:  # a value the commune set itself
        s.add(RuleValue(key="admission.min_age_years", valid_from=date(2026, 1, 1), value="18", note="xã"))
    with unit_of_work(province, SYSTEM_ACTOR) as s:
        s.add(RuleValue(key="probation.months", valid_from=date(2027, 1, 1), value="18", note="Quy định mới"))
        s.add(RuleValue(key="admission.min_age_years", valid_from=date(2025, 7, 1), value="16"))  # older
        s.add(RuleValue(key="khong.biet", valid_from=date(2027, 1, 1), value="1"))  # unknown here
    with read_session(commune, SYSTEM_ACTOR) as s:
        rules_before = len(list(s.scalars(select(RuleValue))))
    message = sx.import_ack(
        commune, SYSTEM_ACTOR, sx.write_ack(province, SYSTEM_ACTOR, _unit(commune), tmp_path)
    )
    assert message == (
        "Cấp trên đã nhận đến gói số 1; 0 đề nghị sửa mới. Áp dụng 1 quy định mới của cấp trên (xem hộp thư)."
    )
    with read_session(commune, SYSTEM_ACTOR) as s:
        assert rule(s, "probation.months", date(2027, 2, 1)) == 18
        assert rule(s, "probation.months", date(2026, 6, 1)) == 12  # history before it is untouched
        assert rule(s, "admission.min_age_years", date(2026, 6, 1)) == 18
        assert rule(s, "admission.min_age_years", date(2025, 8, 1)) == 18  # the older row was not taken
        assert len(list(s.scalars(select(RuleValue)))) == rules_before + 1
        inbox = ss.inbox(s)
    assert [(c.record_kind, c.field, c.status) for c in inbox] == [
        ("rule_values", "probation.months", "applied")
    ]
    assert inbox[0].message == "01/01/2027: 18 (Quy định mới)"
    with unit_of_work(commune, SYSTEM_ACTOR) as s, pytest.raises(RuleViolation, match="đã được áp dụng"):
        ss.answer_correction(s, inbox[0].id, accept=False, response="Không")
    again = sx.import_ack(
        commune, SYSTEM_ACTOR, sx.write_ack(province, SYSTEM_ACTOR, _unit(commune), tmp_path)
    )
    assert again == "Cấp trên đã nhận đến gói số 1; 0 đề nghị sửa mới."
    with read_session(commune, SYSTEM_ACTOR) as s:
        assert len(ss.inbox(s)) == 1


def test_import_backs_up_before_it_changes_anything(
    commune: Database, province: Database, tmp_path: Path
) -> None:
    from exports import backup

    _enrol(commune, province)
    folder = backup.default_folder(province.path)
    package = sx.export_package(commune, SYSTEM_ACTOR, tmp_path).path
    sx.import_files(province, SYSTEM_ACTOR, [package], dry_run=True)
    assert not folder.exists() or backup.list_backups(folder, province.path.stem) == []
    sx.import_files(province, SYSTEM_ACTOR, [package])
    made = backup.list_backups(folder, province.path.stem)
    assert [b.reason for b in made] == ["import"]
    # The backup holds the database as it was before the import: no member of the commune yet.
    with contextlib.closing(sqlite3.connect(f"file:{made[0].path}?mode=ro", uri=True)) as conn:
        counts = conn.execute("SELECT count(*) FROM members").fetchone()
    assert counts == (0,)
    assert _rows(province, _unit(commune))["members"] != []
    sx.import_files(province, SYSTEM_ACTOR, [package])  # "đã nhập": nothing to back up
    assert len(backup.list_backups(folder, province.path.stem)) == 1


# ---------------------------------------------------------------- property: any delivery order converges

OPS = (
    "edit",
    "event",
    "plan",
    "delete",
    "hold",
    "correct",
    "correct",
    "links",
    "export",
    "export",
    "lose",
    "deliver",
    "deliver",
    "duplicate",
    "ack",
    "ack_lost",
    "ack_again",
    "ack_keep",
    "ack_late",
    "backup",
    "restore",
    "clock",
    "rekey",
)
BASE_DAY = date(2026, 1, 5)
SKEWS = (timedelta(days=-30), timedelta(days=-3), timedelta(0), timedelta(0), timedelta(days=30))


@contextmanager
def skewed_clock(shift: timedelta) -> Iterator[None]:
    """Every clock the app reads at one side moved by `shift` (a laptop with a wrong date)."""

    class Skewed(datetime):
        @classmethod
        def now(cls, tz: Any = None) -> Skewed:
            moved = datetime.now(tz) + shift
            return cls.fromtimestamp(moved.timestamp(), moved.tzinfo)

    with pytest.MonkeyPatch.context() as patch, clock_source(lambda: datetime.now(UTC) + shift):
        patch.setattr(sx, "datetime", Skewed)
        patch.setattr(ss, "datetime", Skewed)
        yield


@pytest.fixture(scope="module")
def sync_templates(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An enrolled commune (five members, two villages) and province, copied afresh for every example."""
    from tests.conftest import UNIT

    folder = tmp_path_factory.mktemp("sync-templates")
    commune = open_app_database(folder / "commune.db", create=True, check_drive=False)
    with unit_of_work(commune, SYSTEM_ACTOR) as s:
        org.setup_unit(s, UNIT)
    fill_commune(commune)
    with unit_of_work(commune, SYSTEM_ACTOR) as s:
        org.add_village(s, org.VillageInput("Bản Phụ"))
    province = make_province(folder / "province.db")
    _enrol(commune, province)
    commune.close()
    province.close()
    return folder


def _profiles(db: Database) -> dict[str, ms.Profile]:
    with read_session(db, SYSTEM_ACTOR) as s:
        found = ss.search_all_units(s, "")
    out = {}
    for m in found:
        (f, mid, g), cccd = next((n, c) for n, c in zip(NAMES, CCCDS, strict=True) if c == m.cccd)
        out[m.id] = profile(f, mid, g, sex="F" if mid == "Thị" else "M", cccd=cccd,
                            born=date(1970, 1, 1) if cccd[3] in "01" else date(1995, 1, 1))  # fmt: skip
    return out


@dataclass
class _Commune:
    """What the test remembers of the commune's data (restored with a backup, like the file)."""

    profiles: dict[str, ms.Profile]
    away: set[str] = field(default_factory=set)
    planned: list[str] = field(default_factory=list)
    held: list[str] = field(default_factory=list)
    day: int = 0
    linked: bool = False  # the second village belongs to the cell


def _meeting_input(cell: str, members: list[str], n: int) -> Any:
    """A held meeting whose attendance, agenda, tasks and votes vary with `n` (lists grow and shrink)."""
    from models.services import meetings as mt

    rng = random.Random(n)
    statuses = ("present", "absent_excused", "absent_unexcused")
    attendance = {}
    for mid in members:
        status = rng.choice(statuses)
        attendance[mid] = (status, "Ốm" if status == "absent_excused" else "")
    return mt.MeetingInput(
        cell, "regular", "2026-10", held_date=date(2026, 10, 6), start_time="19:30", end_time="21:30",
        place="Nhà văn hóa", chair_name="Lò Văn Thanh", secretary_name="Cầm Thị Hoa", attendance=attendance,
        agenda=tuple(mt.AgendaInput(f"Nội dung {rng.randint(1, 99)}") for _ in range(rng.randint(0, 3))),
        tasks=tuple(mt.TaskInput(f"Việc {rng.randint(1, 99)}", "Tổ 1") for _ in range(rng.randint(0, 2))),
        votes=tuple(mt.VoteInput("Nghị quyết", rng.randint(0, 3)) for _ in range(rng.randint(0, 2))),
    )  # fmt: skip


class _Sides:
    """The two installations, each with its own clock; the commune's database can be restored."""

    def __init__(self, workdir: Path) -> None:
        self.workdir = workdir
        self.commune = open_app_database(workdir / "commune.db", check_drive=False)
        self.province = open_app_database(workdir / "province.db", check_drive=False)
        self.skew = {"commune": timedelta(0), "province": timedelta(0)}

    def at(self, side: str) -> contextlib.AbstractContextManager[None]:
        return skewed_clock(self.skew[side])

    def backup(self) -> None:
        self.commune.close()
        shutil.copyfile(self.workdir / "commune.db", self.workdir / "backup.db")
        self.commune = open_app_database(self.workdir / "commune.db", check_drive=False)

    def restore(self) -> None:
        self.commune.close()
        shutil.copyfile(self.workdir / "backup.db", self.workdir / "commune.db")
        for suffix in ("-wal", "-shm"):
            Path(f"{self.workdir / 'commune.db'}{suffix}").unlink(missing_ok=True)
        rotate_incarnation(self.workdir / "commune.db", None)  # as exports.backup.restore_backup does
        self.commune = open_app_database(self.workdir / "commune.db", check_drive=False)

    def close(self) -> None:
        self.commune.close()
        self.province.close()


def _import(sides: _Sides, paths: list[Path]) -> None:
    with sides.at("province"):
        sx.import_files(sides.province, SYSTEM_ACTOR, paths)


def _ack(sides: _Sides, unit: str, deliver: int) -> Path:
    """Write an acknowledgment and import it `deliver` times (0: lost, or kept to arrive late)."""
    with sides.at("province"):
        ack = sx.write_ack(sides.province, SYSTEM_ACTOR, unit, sides.workdir)
    for _ in range(deliver):
        _read_ack(sides, ack)
    return ack


def _read_ack(sides: _Sides, ack: Path) -> None:
    """Import an acknowledgment at the commune; a refused one (older, replaced key) changes nothing."""
    with contextlib.suppress(DomainError), sides.at("commune"):
        sx.import_ack(sides.commune, SYSTEM_ACTOR, ack)


def _converge(workdir: Path, steps: list[tuple[str, int]]) -> None:
    from forms.consolidated import consolidate
    from forms.periods import Period
    from forms.quarterly import build_report
    from models.services import meetings as mt

    sides = _Sides(workdir)
    try:
        unit = _unit(sides.commune)
        state = _Commune(_profiles(sides.commune))
        saved: _Commune | None = None
        members = sorted(state.profiles)
        with read_session(sides.commune, SYSTEM_ACTOR) as s:
            cell = org.list_cells(s)[0]
            spare = next(v.id for v in org.list_villages(s) if v.name == "Bản Phụ")
        pending: list[Path] = []  # written, not yet delivered (lost ones are simply dropped)
        delivered: list[Path] = []
        late_acks: list[Path] = []  # acknowledgments on their way back, arriving out of order
        for op, n in steps:
            event(op)  # --hypothesis-show-statistics lists how often each step ran
            rng = random.Random(n)
            commune = sides.commune
            with sides.at("commune"):
                if op == "edit":
                    mid = members[n % len(members)]
                    state.profiles[mid] = replace(
                        state.profiles[mid],
                        ethnicity=rng.choice(["Thái", "Kinh", "Mông"]),
                        phone=f"09{n:08d}",
                    )
                    with unit_of_work(commune, SYSTEM_ACTOR) as s:
                        ms.update_profile(s, mid, state.profiles[mid])
                elif op == "event":
                    mid = members[n % len(members)]
                    state.day += 1
                    with unit_of_work(commune, SYSTEM_ACTOR) as s:
                        dated = ms.EventInput(mid, date.fromordinal(BASE_DAY.toordinal() + state.day))
                        (ms.end_away if mid in state.away else ms.start_away)(s, dated)
                    state.away ^= {mid}
                elif op == "plan":
                    with unit_of_work(commune, SYSTEM_ACTOR) as s:
                        planned = mt.MeetingInput(
                            cell.id, "regular", "2026-12", planned_date=date(2026, 12, 1 + n % 28)
                        )
                        state.planned.append(mt.save_meeting(s, planned).id)
                elif op == "delete" and state.planned:
                    with unit_of_work(commune, SYSTEM_ACTOR) as s:
                        mt.delete_meeting(s, state.planned.pop(n % len(state.planned)))  # a tombstone travels
                elif op in ("hold", "correct") and not state.held:
                    with unit_of_work(commune, SYSTEM_ACTOR) as s:
                        state.held.append(mt.save_meeting(s, _meeting_input(cell.id, members, n)).id)
                elif op in ("hold", "correct"):  # the held meeting (perhaps already sent) corrected
                    with unit_of_work(commune, SYSTEM_ACTOR) as s:
                        mt.save_meeting(s, _meeting_input(cell.id, members, n), state.held[0])
                elif op == "links":
                    state.linked = not state.linked
                    villages = (*cell.village_ids, spare) if state.linked else cell.village_ids
                    with unit_of_work(commune, SYSTEM_ACTOR) as s:
                        org.update_cell(s, cell.id, org.CellInput(cell.name, cell.kind, villages))
                elif op == "export":
                    pending.append(sx.export_package(commune, SYSTEM_ACTOR, workdir).path)
                elif op == "backup" or (op == "restore" and saved is None):
                    sides.backup()
                    saved = deepcopy(state)
                elif op == "restore" and saved is not None:  # an older backup restored at the commune
                    sides.restore()
                    state = deepcopy(saved)
                elif op == "rekey":
                    keep = ("commune", "province")[n % 2]
                    with sides.at(keep):
                        sx.replace_keys(sides.commune if keep == "commune" else sides.province, SYSTEM_ACTOR)
                    # the new enrolment file carried over, its key change confirmed (issue 14 §7)
                    _enrol(sides.commune, sides.province, replace=True)
            if op == "lose" and pending:
                pending.pop(n % len(pending))
            elif op == "deliver" and pending:
                rng.shuffle(pending)
                batch, pending = pending[: 1 + n % len(pending)], pending[1 + n % len(pending) :]
                _import(sides, batch + batch[:1])  # out of order, one twice
                delivered += batch
            elif op == "duplicate" and delivered:
                before = db_digest(sides.province)
                _import(sides, [delivered[n % len(delivered)]])
                assert db_digest(sides.province) == before
            elif op in ("ack", "ack_lost", "ack_again"):
                _ack(sides, unit, {"ack": 1, "ack_lost": 0, "ack_again": 2}[op])
            elif op == "ack_keep":
                late_acks.append(_ack(sides, unit, 0))
            elif op == "ack_late" and late_acks:
                _read_ack(sides, late_acks.pop(n % len(late_acks)))
            elif op == "clock":
                sides.skew[("commune", "province")[n % 2]] = SKEWS[n % len(SKEWS)]
        # The channel drains: whatever is still on its way arrives (in any order, some twice), and
        # the ordinary trips go on — export, import, acknowledgment — with nobody looking for lost
        # packages or asking for anything by hand.
        for round_ in range(3):
            with sides.at("commune"):
                pending.append(sx.export_package(sides.commune, SYSTEM_ACTOR, workdir).path)
            random.Random(round_).shuffle(pending)
            _import(sides, pending + pending[::2])
            pending = []
            _ack(sides, unit, 1)
        assert _rows(sides.province, unit) == _rows(sides.commune, unit)
        period = Period(2026, "Q4")
        with read_session(sides.commune, SYSTEM_ACTOR) as s:
            own = build_report(s, period).figures()
        with read_session(sides.province, SYSTEM_ACTOR) as s:
            assert consolidate(s, period).by_commune[unit].figures() == own  # nothing double-counted
            assert ss.held_for(s, unit) == []
    finally:
        sides.close()


SYNC_EXAMPLES = int(os.environ.get("DUX_SYNC_EXAMPLES", "30"))  # CI: 30 (about 25 s of CPU)


@settings(max_examples=SYNC_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(steps=st.lists(st.tuples(st.sampled_from(OPS), st.integers(0, 10_000)), min_size=3, max_size=20))
@example(  # a held meeting corrected after it was sent, around a restore of an older backup
    steps=[("hold", 1), ("export", 0), ("deliver", 0), ("ack", 0), ("backup", 0), ("correct", 2),
           ("edit", 3), ("export", 0), ("deliver", 0), ("restore", 0), ("correct", 5), ("edit", 3),
           ("export", 0), ("lose", 0), ("export", 0), ("deliver", 0)]
)  # fmt: skip
@example(  # clocks 30 days off at either side, a lost middle package, a stale ack, keys replaced
    steps=[("clock", 0), ("edit", 1), ("export", 0), ("deliver", 0), ("ack", 0), ("clock", 9),
           ("links", 0), ("export", 0), ("export", 0), ("lose", 0), ("clock", 4), ("event", 2),
           ("export", 0), ("deliver", 5), ("ack_again", 0), ("ack_keep", 0), ("edit", 2), ("export", 0),
           ("deliver", 0), ("ack", 0), ("ack_late", 0), ("rekey", 0), ("plan", 1), ("export", 0),
           ("rekey", 1), ("delete", 0), ("ack_lost", 0), ("export", 0)]
)  # fmt: skip
def test_random_deliveries_end_equal(sync_templates: Path, steps: list[tuple[str, int]]) -> None:
    """Random member edits and lifecycle events, planned meetings and their deletion (tombstones),
    held meetings corrected after they were sent (attendance, agenda, tasks, votes growing and
    shrinking), a cell's villages changed, exports, lost packages, lost, repeated and stale
    acknowledgments, duplicate and out-of-order deliveries, an older backup restored at the commune,
    clocks 3 or 30 days wrong at either side, keys replaced at either side: once the channel drains,
    every travelling table holds at the province exactly the commune's rows, field for field, and the
    consolidated figures for the commune equal its own report. Fresh databases for every example."""
    with tempfile.TemporaryDirectory(dir=sync_templates) as scratch:
        workdir = Path(scratch)
        for name in ("commune.db", "province.db"):
            shutil.copyfile(sync_templates / name, workdir / name)
        _converge(workdir, steps)


def test_second_package_previews_new_changed_deleted_unchanged_and_applies_them(
    commune: Database, province: Database, tmp_path: Path
) -> None:
    _enrol(commune, province)
    with unit_of_work(commune, SYSTEM_ACTOR) as s:
        gone = org.add_village(s, org.VillageInput("Bản Sẽ Xóa"))
    sx.import_files(province, SYSTEM_ACTOR, [sx.export_package(commune, SYSTEM_ACTOR, tmp_path).path])
    with unit_of_work(commune, SYSTEM_ACTOR) as s:
        renamed = next(v for v in org.list_villages(s) if v.id != gone)
        org.update_village(s, renamed.id, org.VillageInput("Bản Đổi Tên"))
        row = s.get(Village, gone)
        assert row is not None
        row.deleted = True  # a tombstone, as a deletion travels (stamped by the session hook)
        org.add_village(s, org.VillageInput("Bản Mới Lập"))
    second = sx.export_package(commune, SYSTEM_ACTOR, tmp_path, full=True)
    staged = sx.inspect_package(province, SYSTEM_ACTOR, second.path)
    assert staged.preview is not None
    counts = staged.preview.counts()
    assert counts["villages"] == {"new": 1, "changed": 1, "unchanged": 0, "deleted": 1, "rejected": 0}
    assert counts["members"] == {"new": 0, "changed": 0, "unchanged": 5, "deleted": 0, "rejected": 0}
    [outcome] = sx.apply_package(province, SYSTEM_ACTOR, staged)
    assert outcome.status == "applied" and outcome.applied == len(staged.preview.to_apply)
    unit = _unit(commune)
    assert _rows(province, unit) == _rows(commune, unit)
    with read_session(province, SYSTEM_ACTOR) as s:
        names = {v.name for v in s.scalars(select(Village).where(~Village.deleted))}
    assert "Bản Đổi Tên" in names and "Bản Mới Lập" in names and "Bản Sẽ Xóa" not in names


def test_a_record_id_twice_in_one_package_is_refused_and_nothing_changes(
    commune: Database, province: Database, tmp_path: Path
) -> None:
    _enrol(commune, province)
    with read_session(commune, SYSTEM_ACTOR) as s:
        records = ss.collect(s, None)
    member = next(r for r in records if r["kind"] == "members")
    twice = {"kind": "members", "fields": {**member["fields"], "revision": member["fields"]["revision"] + 1}}
    payload = b"".join(sync_package.canonical(r) + b"\n" for r in [*records, twice])
    data = _seal_as(
        commune,
        province,
        entries={"manifest.json": _manifest(commune, province), "records.jsonl": payload},
    )
    error = _refusal(province, data, tmp_path)
    assert error.reason == "rejected"
    assert "có 1 bản ghi không hợp lệ" in error.text() and "hai lần trong gói" in error.text()


def test_a_batch_of_packages_backs_up_once_before_the_first_change(
    commune: Database, province: Database, tmp_path: Path
) -> None:
    from exports import backup

    _enrol(commune, province)
    first = sx.export_package(commune, SYSTEM_ACTOR, tmp_path).path
    with unit_of_work(commune, SYSTEM_ACTOR) as s:
        org.add_village(s, org.VillageInput("Bản Thứ Hai"))
    second = sx.export_package(commune, SYSTEM_ACTOR, tmp_path).path
    results = sx.import_files(province, SYSTEM_ACTOR, [first, second])
    assert [r.status for r in results if isinstance(r, sx.ImportResult)] == ["applied", "applied"]
    made = backup.list_backups(backup.default_folder(province.path), province.path.stem)
    assert [b.reason for b in made] == ["import"]
    with contextlib.closing(sqlite3.connect(f"file:{made[0].path}?mode=ro", uri=True)) as conn:
        assert conn.execute("SELECT count(*) FROM villages").fetchone() == (0,)
    assert _rows(province, _unit(commune)) == _rows(commune, _unit(commune))


def test_record_conversion_applies_the_same_rules_as_the_per_value_check() -> None:
    """The import converts records with inline fast paths; every kind of odd value is accepted or
    refused exactly as the reference per-value check does (no check weakened for speed)."""
    odd: list[Any] = [None, True, False, 0, -1, 10**15, 10**15 + 1, -(10**15) - 1, 1.5, "", "x" * 100_001]
    odd += ["2024-01-01", "2024-01-01T00:00:00", "2024-01-01T00:00:00+07:00", "bad", [], {}, "AAAA", "no!"]

    def outcome(convert: Any) -> tuple[str, Any]:
        try:
            return "ok", convert()
        except (ValueError, TypeError):
            return "refused", None

    for kind in KINDS:
        for name in kind.fields:
            for value in odd:
                fields: dict[str, Any] = {**dict.fromkeys(kind.fields), name: value}
                fast = outcome(lambda k=kind, f=fields: from_json_record(k, f))
                reference = outcome(
                    lambda k=kind, f=fields: {g: from_json_value(k, g, f[g]) for g in k.fields}
                )
                assert fast == reference, (kind.name, name, value)
