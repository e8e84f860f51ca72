"""The receiving side of issue 14: an import validates meaning per commune (owner, references,
vocabularies) and a refused commune blocks neither the others nor the consolidated report; reading
from the stick is bounded (regular files only, size before reading, peak memory measured); malformed
header and manifest fields each get their own refusal; every arrival is recorded and refusals are
audited; the consolidated XLSX holds numbers."""

from __future__ import annotations

import hashlib
import json
import os
import tracemalloc
import uuid
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from exports import sync as sx
from exports import sync_package as sp
from exports.sync_package import SyncRefused
from forms.consolidated import consolidate
from forms.periods import Period
from forms.quarterly import build_report
from models.db import Database, read_session, unit_of_work
from models.entities import AuditEntry, Member
from models.security import SYSTEM_ACTOR
from models.services import organisation as org
from models.services import sync as ss
from models.services import sync_history as sh
from models.setup import open_app_database
from models.sync_schema import BY_NAME
from tests.conftest import UNIT
from tests.test_sync import _enrol, _rows, _seal_as, _unit, db_digest, fill_commune, make_province

OTHER = replace(
    UNIT, name="Đảng bộ xã Chiềng Sơn", committee_name="Đảng ủy xã Chiềng Sơn", place_name="Chiềng Sơn"
)
PERIOD = Period.parse("2026-Q3")


@pytest.fixture
def province(tmp_path: Path) -> Iterator[Database]:
    db = make_province(tmp_path / "province.db")
    yield db
    db.close()


@pytest.fixture
def commune(db: Database) -> Database:
    return fill_commune(db)


@pytest.fixture
def other(tmp_path: Path) -> Iterator[Database]:
    """A second commune, enrolled at the same province."""
    db = open_app_database(tmp_path / "other.db", create=True, check_drive=False)
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        org.setup_unit(s, OTHER)
    yield fill_commune(db)
    db.close()


def _forged(
    sender: Database,
    province: Database,
    folder: Path,
    change: Callable[[list[dict[str, Any]]], None],
    *,
    full: bool = True,
) -> Path:
    """The sender's real full package, opened, its records changed by `change`, and sealed again
    with the sender's own keys (what a faulty or dishonest enrolled installation could send)."""
    real = sx.export_package(sender, SYSTEM_ACTOR, folder, full=full).path
    with read_session(sender, SYSTEM_ACTOR) as s:
        keys = ss.own_keys(s)
    with read_session(province, SYSTEM_ACTOR) as s:
        upper = ss.own_keys(s)
    opened = sp.open_sealed(
        real.read_bytes(), real.name, lambda _kid: keys.sign_public, [(upper.kem_private, upper.kem_public)]
    )
    real.unlink()
    manifest = json.loads(opened.entries["manifest.json"])
    records = [json.loads(line) for line in opened.entries["records.jsonl"].splitlines()]
    change(records)
    payload = b"".join(sp.canonical(r) + b"\n" for r in records)
    manifest["entries"] = {"records.jsonl": hashlib.sha256(payload).hexdigest()}
    data = sx.seal_with_manifest(
        manifest, {"records.jsonl": payload}, (keys.sign_private, keys.sign_public), upper.kem_public
    )
    path = folder / real.name
    path.write_bytes(data)
    return path


def _first(records: list[dict[str, Any]], kind: str) -> dict[str, Any]:
    return next(r for r in records if r["kind"] == kind)


def _members(db: Database, owner: str) -> list[str]:
    at = BY_NAME["members"].fields.index("id")
    return [row[at] for row in _rows(db, owner)["members"]]


def _own_figures(db: Database) -> dict[str, int | float | None]:
    with read_session(db, SYSTEM_ACTOR) as s:
        return build_report(s, PERIOD).figures()


def _arrivals(db: Database) -> list[sh.Arrival]:
    with read_session(db, SYSTEM_ACTOR) as s:
        return sh.arrivals(s)


def _audit(db: Database, action: str) -> list[tuple[str, str]]:
    """(entity, record id) of the audit entries of one action."""
    with read_session(db, SYSTEM_ACTOR) as s:
        return [
            (r[0], r[1])
            for r in s.execute(
                select(AuditEntry.entity, AuditEntry.record_id).where(AuditEntry.action == action)
            )
        ]


def test_a_record_on_another_communes_member_is_refused_and_blocks_nobody(
    commune: Database, other: Database, province: Database, tmp_path: Path
) -> None:
    _enrol(commune, province)
    _enrol(other, province)
    stick = tmp_path / "usb"
    stick.mkdir()
    first = sx.import_files(province, SYSTEM_ACTOR, [sx.export_package(commune, SYSTEM_ACTOR, stick).path])
    assert [r.status for r in first if isinstance(r, sx.ImportResult)] == ["applied"]
    victim = _members(province, _unit(commune))[0]
    event_id = str(uuid.uuid4())

    def hang_on_victim(records: list[dict[str, Any]]) -> None:
        event = json.loads(json.dumps(_first(records, "member_events")))
        event["fields"].update(id=event_id, member_id=victim)
        records.append(event)

    forged = _forged(other, province, stick, hang_on_victim)
    before = db_digest(province)
    result = sx.import_files(province, SYSTEM_ACTOR, [forged])
    assert db_digest(province) == before  # nothing of that package was applied
    (error,) = result
    assert isinstance(error, SyncRefused) and error.reason == "invalid"
    assert error.text() == (
        f"Gói {forged.name} của Đảng bộ xã Chiềng Sơn bị từ chối: bản ghi member_events {event_id}: "
        f"“member_id” trỏ tới bản ghi members {victim} của đơn vị khác, không phải của đơn vị gửi. "
        "Không nhập gì của gói này; các đơn vị khác không bị ảnh hưởng. Hãy báo đơn vị gửi sửa dữ liệu "
        "rồi xuất lại gói."
    )
    assert _members(province, _unit(other)) == []
    # The other commune's own, honest package still goes in; the consolidated report works and
    # each commune's figures are its own.
    honest = sx.import_files(province, SYSTEM_ACTOR, [sx.export_package(other, SYSTEM_ACTOR, stick).path])
    assert [r.status for r in honest if isinstance(r, sx.ImportResult)] == ["applied"]
    with read_session(province, SYSTEM_ACTOR) as s:
        result_all = consolidate(s, PERIOD)
    assert result_all.by_commune[_unit(commune)].figures() == _own_figures(commune)
    assert result_all.by_commune[_unit(other)].figures() == _own_figures(other)
    assert _rows(province, _unit(commune)) == _rows(commune, _unit(commune))
    # The arrival is in the history (with its reason) and the audit chain.
    (refused,) = (a for a in _arrivals(province) if a.file_name == forged.name)
    assert (refused.outcome, refused.reason, refused.sender_unit_id) == ("refused", "invalid", _unit(other))
    assert refused.message == error.text()
    with read_session(province, SYSTEM_ACTOR) as s:
        latest = sh.latest_by_sender(s)
    assert {unit: a.outcome for unit, a in latest.items()} == {
        _unit(commune): "applied",
        _unit(other): "applied",
    }
    assert _audit(province, "sync.refused") == [("sync_package", refused.package_id)]


def test_dangling_references_and_values_outside_their_vocabulary_are_refused(
    commune: Database, province: Database, tmp_path: Path
) -> None:
    _enrol(commune, province)
    stick = tmp_path / "usb"
    stick.mkdir()
    nowhere = str(uuid.uuid4())
    found: dict[str, str] = {}

    def member_in_no_cell(records: list[dict[str, Any]]) -> None:
        member = _first(records, "members")["fields"]
        member["cell_id"] = nowhere
        found["member"] = member["id"]

    def bad_event_kind(records: list[dict[str, Any]]) -> None:
        event = _first(records, "member_events")["fields"]
        event["kind"] = "thang_chuc"
        found["event"] = event["id"]

    def bad_sex(records: list[dict[str, Any]]) -> None:
        member = _first(records, "members")["fields"]
        member["sex"] = "X"
        found["sex"] = member["id"]

    def missing_required(records: list[dict[str, Any]]) -> None:
        cell = _first(records, "cells")["fields"]
        cell["name"] = None
        found["cell"] = cell["id"]

    def other_unit_record(records: list[dict[str, Any]]) -> None:
        unit = _first(records, "units")["fields"]
        unit["id"] = found["unit"] = str(uuid.uuid4())

    expected: dict[Callable[[list[dict[str, Any]]], None], Callable[[], str]] = {
        member_in_no_cell: lambda: (
            f"members {found['member']}: “cell_id” trỏ tới bản ghi cells {nowhere} không có trong gói cũng như "
            "trong dữ liệu đã nhận"
        ),
        bad_event_kind: lambda: (
            f"member_events {found['event']}: giá trị “thang_chuc” của “kind” không có trong danh mục"
        ),
        bad_sex: lambda: f"members {found['sex']}: giá trị “X” của “sex” không có trong danh mục",
        missing_required: lambda: f"cells {found['cell']}: thiếu giá trị bắt buộc “name”",
        other_unit_record: lambda: f"units {found['unit']}: bản ghi đơn vị không phải của chính đơn vị gửi",
    }
    before = db_digest(province)
    for change, message in expected.items():
        forged = _forged(commune, province, stick, change)
        (error,) = sx.import_files(province, SYSTEM_ACTOR, [forged])
        assert isinstance(error, SyncRefused) and error.reason == "invalid", change.__name__
        assert f"bị từ chối: bản ghi {message()}" in error.text(), (change.__name__, error.text())
        forged.unlink()
        assert db_digest(province) == before, change.__name__
    # The commune's unchanged package is accepted: the refusals were the records' meaning.
    good = sx.import_files(province, SYSTEM_ACTOR, [sx.export_package(commune, SYSTEM_ACTOR, stick).path])
    assert [r.status for r in good if isinstance(r, sx.ImportResult)] == ["applied"]
    assert [a.outcome for a in _arrivals(province)] == ["applied", *["refused"] * len(expected)]


def test_the_vocabularies_come_from_the_schema_and_the_services() -> None:
    from models.services import sync_validate as sv

    assert sv.vocabulary("members", "sex") == frozenset({"M", "F"})
    assert sv.vocabulary("meetings", "kind") == frozenset(
        {"regular", "thematic", "extraordinary", "congress"}
    )
    assert sv.vocabulary("meetings", "status") == frozenset({"planned", "held", "cancelled"})
    assert "admitted" in (sv.vocabulary("member_events", "kind") or ())
    assert sv.vocabulary("ratings", "level") == frozenset(
        {"", "xuat_sac", "tot", "hoan_thanh", "khong_hoan_thanh"}
    )
    assert sv.vocabulary("members", "family_name") is None


def test_malformed_manifest_fields_each_have_their_own_refusal(
    commune: Database, province: Database, tmp_path: Path
) -> None:
    _enrol(commune, province)
    with read_session(commune, SYSTEM_ACTOR) as s:
        incarnation = ss.incarnation(s)
    base = {"incarnation": incarnation, "package_id": str(uuid.uuid4())}
    cases: dict[str, tuple[dict[str, Any], str]] = {
        "package_id": ({"package_id": None}, "thiếu"),
        "incarnation": ({"incarnation": None}, "thiếu"),
        "sequence": ({"sequence": 2**70}, "ngoài giới hạn cho phép"),
        "created_utc": ({"created_utc": "hôm qua"}, "không phải ngày giờ có múi giờ"),
    }
    before = db_digest(province)
    texts = set()
    for field, (changes, problem) in cases.items():
        manifest = {**base, **{k: v for k, v in changes.items() if v is not None}}
        data = _without(commune, province, manifest, {k for k, v in changes.items() if v is None})
        path = tmp_path / f"{field}.duxpkg"
        path.write_bytes(data)
        (error,) = sx.import_files(province, SYSTEM_ACTOR, [path])
        assert isinstance(error, SyncRefused) and error.reason == "bad_header", (field, error)
        assert error.text() == (
            f"Gói {path.name} có phần đầu không hợp lệ (trường “{field}”: {problem}). Không nhập; hãy xin đơn "
            "vị gửi xuất lại gói."
        )
        texts.add(error.text())
    assert len(texts) == len(cases)
    assert db_digest(province) == before


def _without(commune: Database, province: Database, manifest: dict[str, Any], absent: set[str]) -> bytes:
    """A package whose manifest and header both lack the `absent` fields, correctly signed."""
    with read_session(commune, SYSTEM_ACTOR) as s:
        keys = ss.own_keys(s)
    with read_session(province, SYSTEM_ACTOR) as s:
        upper = ss.own_keys(s)
    full = {
        "format_version": 1, "schema_version": "0001", "kind": "data", "sender_unit_id": _unit(commune),
        "recipient_unit_id": _unit(province), "sequence": 1, "previous_hash": "", "full": True,
        "created_utc": "2026-11-01T00:00:00+00:00", "entries": {}, **manifest,
    }  # fmt: skip
    for key in absent:
        full.pop(key, None)
    routing = ("package_id", "sender_unit_id", "recipient_unit_id", "sequence", "incarnation", "kind")
    header = {k: full[k] for k in routing if k in full}
    entries = {"manifest.json": sp.canonical(full), "records.jsonl": b""}
    return sp.seal(entries, header, keys.sign_private, keys.sign_public, upper.kem_public)


def test_malformed_header_fields_are_refused_by_name(
    commune: Database, province: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    _enrol(commune, province)
    with read_session(commune, SYSTEM_ACTOR) as s:
        keys = ss.own_keys(s)
    with read_session(province, SYSTEM_ACTOR) as s:
        upper = ss.own_keys(s)
    good = sp.seal(
        {"manifest.json": b"{}"}, {"kind": "data"}, keys.sign_private, keys.sign_public, upper.kem_public
    )

    def reseal(**changes: Any) -> bytes:
        header_len = int.from_bytes(good[40:44], "big")
        header = json.loads(good[sp.PREFIX : sp.PREFIX + header_len])
        header.update(changes)
        raw = sp.canonical(header)
        unsigned = good[:40] + len(raw).to_bytes(4, "big") + raw + good[sp.PREFIX + header_len : -64]
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

        return unsigned + Ed25519PrivateKey.from_private_bytes(keys.sign_private).sign(unsigned)

    def refusal(data: bytes) -> SyncRefused:
        with pytest.raises(SyncRefused) as exc:
            sp.open_sealed(
                data, "g.duxpkg", lambda _k: keys.sign_public, [(upper.kem_private, upper.kem_public)]
            )
        return exc.value

    for field, value, problem in [
        ("ephemeral", "abcd", "sai định dạng"),
        ("salt", 7, "sai kiểu dữ liệu"),
        ("chunks", 2**70, "ngoài giới hạn cho phép"),
        ("chunks", None, "thiếu"),
        ("format", "1", "sai kiểu dữ liệu"),
    ]:
        error = refusal(reseal(**{field: value}))
        assert error.reason == "bad_header" and f"(trường “{field}”: {problem})" in error.text(), field
    assert refusal(reseal(ephemeral="00" * 32)).reason == "bad_header"  # a low-order point


# ---------------------------------------------------------------- bounded reading


def _peak(action: Callable[[], object]) -> tuple[int, object]:
    tracemalloc.start()
    try:
        try:
            outcome: object = action()
        except SyncRefused as exc:
            outcome = exc
        return tracemalloc.get_traced_memory()[1], outcome
    finally:
        tracemalloc.stop()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs and /dev/zero are POSIX")
def test_reading_the_stick_is_bounded_for_endless_and_oversized_inputs(
    commune: Database, province: Database, tmp_path: Path
) -> None:
    _enrol(commune, province)
    stick = tmp_path / "usb"
    stick.mkdir()
    fifo = stick / "DUX-00000000-000001-20261101.duxpkg"
    os.mkfifo(fifo)
    zero = stick / "zero.duxpkg"
    zero.symlink_to("/dev/zero")
    oversized = stick / "big.duxpkg"
    with oversized.open("wb") as f:  # sparse: no disk used
        f.truncate(sp.MAX_FILE + 1)
    with read_session(commune, SYSTEM_ACTOR) as s:
        real_key_id = ss.key_id(ss.own_keys(s).sign_public)
    unknown = stick / "unknown.duxpkg"  # just under the cap, from no enrolled sender
    with unknown.open("wb") as f:
        f.write(sp.MAGIC + b"\x07" * 32)
        f.truncate(sp.MAX_FILE - 1)
    folder = stick / "folder.duxpkg"
    folder.mkdir()
    cases = {
        fifo: "not_a_file",
        zero: "not_a_file",
        Path("/dev/zero"): "not_a_file",
        folder: "not_a_file",
        oversized: "too_large",
        unknown: "unknown_sender",
        stick / "missing.duxpkg": "missing",
    }
    before = db_digest(province)
    for path, reason in cases.items():
        peak, outcome = _peak(lambda p=path: sx.inspect_package(province, SYSTEM_ACTOR, p))  # type: ignore[misc]
        assert isinstance(outcome, SyncRefused) and outcome.reason == reason, (path, outcome)
        assert peak < 1_000_000, (path.name, peak)  # bytes; the inputs are 512 MB or endless
        assert "Traceback" not in outcome.text()
    # A file with the enrolled sender's real key id must be read whole to check its signature (the
    # signature covers the whole file): the read is one allocation of the file's size, no more.
    claimed = stick / "claimed.duxpkg"
    size = 8 * 1024 * 1024
    with claimed.open("wb") as f:
        f.write(sp.MAGIC + real_key_id + (100).to_bytes(4, "big"))
        f.truncate(size)
    peak, outcome = _peak(lambda: sx.inspect_package(province, SYSTEM_ACTOR, claimed))
    assert isinstance(outcome, SyncRefused) and outcome.reason == "bad_signature"
    assert peak < size * 1.1, peak
    assert db_digest(province) == before
    assert {a.reason for a in _arrivals(province)} == {*cases.values(), "bad_signature"}


def test_no_input_on_the_stick_produces_a_traceback(
    commune: Database, province: Database, tmp_path: Path
) -> None:
    """Deeply nested JSON, wrong types in every place of the acknowledgment and the enrolment file."""
    _enrol(commune, province)
    deep = b"[" * 200_000 + b"]" * 200_000
    manifest = {"incarnation": "x", "package_id": str(uuid.uuid4())}
    data = _seal_as(
        commune,
        province,
        manifest_changes=manifest,
        entries={"manifest.json": deep, "records.jsonl": b""},
    )
    path = tmp_path / "deep.duxpkg"
    path.write_bytes(data)
    (error,) = sx.import_files(province, SYSTEM_ACTOR, [path])
    assert isinstance(error, SyncRefused) and error.reason == "bad_entry"
    for content in (deep, b"[]", b'{"format": "dux-enrol-1", "unit_id": 1}', b"\xff\xfe"):
        enrol = tmp_path / "DANGKY.duxkey"
        enrol.write_bytes(content)
        with pytest.raises(SyncRefused, match="không phải tệp đăng ký hợp lệ"):
            sx.read_enrolment(enrol)
    with pytest.raises(SyncRefused, match="Không tìm thấy tệp"):
        sx.read_enrolment(tmp_path / "none.duxkey")
    with pytest.raises(SyncRefused, match="không phải một tệp bình thường"):
        sx.read_enrolment(tmp_path)


def test_malformed_acknowledgments_are_refused_without_a_traceback(
    commune: Database, province: Database, tmp_path: Path
) -> None:
    """An acknowledgment is signed by the enrolled upper level, and still checked field by field."""
    _enrol(commune, province)
    sx.import_files(province, SYSTEM_ACTOR, [sx.export_package(commune, SYSTEM_ACTOR, tmp_path).path])
    with read_session(province, SYSTEM_ACTOR) as s:
        keys = ss.own_keys(s)
    with read_session(commune, SYSTEM_ACTOR) as s:
        lower = ss.own_keys(s)
    bodies = [
        b'{"receipt": {"sequence": 1180591620717411303424}}',
        b'{"receipt": [1, 2]}',
        b'{"receipt": {"sequence": 1}, "corrections": {"id": "x"}}',
        b'{"receipt": {"sequence": 1}, "corrections": ["x"]}',
        b'{"receipt": {"sequence": 1, "hash": 5}}',
        b'{"receipt": {"sequence": 1}, "rules": "x"}',
        b"[" * 100_000 + b"]" * 100_000,
        b'"just a string"',
    ]
    before = db_digest(commune)
    for number, body in enumerate(bodies, start=1):
        manifest = {
            "format_version": 1, "schema_version": "0001", "kind": "ack", "package_id": str(uuid.uuid4()),
            "sender_unit_id": _unit(province), "recipient_unit_id": _unit(commune), "sequence": number,
            "previous_hash": "", "incarnation": "p", "full": True, "created_utc": "2026-11-01T00:00:00+00:00",
            "entries": {"ack.json": hashlib.sha256(body).hexdigest()},
        }  # fmt: skip
        data = sx.seal_with_manifest(
            manifest, {"ack.json": body}, (keys.sign_private, keys.sign_public), lower.kem_public
        )
        path = tmp_path / f"DUXACK-{number}.duxpkg"
        path.write_bytes(data)
        with pytest.raises(SyncRefused) as exc:
            sx.import_ack(commune, SYSTEM_ACTOR, path)
        assert exc.value.reason == "bad_entry", body[:60]
        detail = "rules" if b'"rules"' in body else "ack"
        assert exc.value.text() == f"Gói {path.name} có nội dung bất thường ({detail}). Không nhập.", body[
            :60
        ]
    assert db_digest(commune) == before


def test_an_invalid_package_is_refused_alone_and_the_one_it_covers_still_applies(
    commune: Database, province: Database, tmp_path: Path
) -> None:
    _enrol(commune, province)
    stick = tmp_path / "usb"
    stick.mkdir()
    sx.import_files(province, SYSTEM_ACTOR, [sx.export_package(commune, SYSTEM_ACTOR, stick).path])
    sx.import_ack(commune, SYSTEM_ACTOR, sx.write_ack(province, SYSTEM_ACTOR, _unit(commune), tmp_path))
    with unit_of_work(commune, SYSTEM_ACTOR) as s:  # from now on the packages are incremental
        org.add_village(s, org.VillageInput("Bản Thứ Hai"))
    second = sx.export_package(commune, SYSTEM_ACTOR, stick).path
    with unit_of_work(commune, SYSTEM_ACTOR) as s:
        org.add_village(s, org.VillageInput("Bản Thứ Ba"))
    nowhere = str(uuid.uuid4())

    def bad_cell(records: list[dict[str, Any]]) -> None:
        _first(records, "members")["fields"]["cell_id"] = nowhere

    with unit_of_work(commune, SYSTEM_ACTOR) as s:  # the member travels again in #3 (changed)
        member = s.scalars(select(Member).where(Member.owner_unit_id == _unit(commune))).first()
        assert member is not None
        member.notes = "sửa"
    third = _forged(commune, province, stick, bad_cell, full=False)
    # #3 is cumulative since the acknowledged #1 (it covers the missing #2), so it is judged at once:
    # refused alone, nothing of it applied.
    first_try = sx.import_files(province, SYSTEM_ACTOR, [third])
    assert [type(r).__name__ for r in first_try] == ["SyncRefused"]
    refusal = first_try[0]
    assert isinstance(refusal, sp.SyncRefused)
    assert "“cell_id” trỏ tới bản ghi cells " + nowhere in refusal.text()
    assert sx.summarise(first_try).refused == 1
    done = sx.import_files(province, SYSTEM_ACTOR, [second])
    assert [(r.name, r.status) for r in done if isinstance(r, sx.ImportResult)] == [(second.name, "applied")]
    with read_session(province, SYSTEM_ACTOR) as s:
        assert ss.incoming_state(s, _unit(commune))[0] == 2  # #2 applied after the refusal of #3
        assert ss.held_for(s, _unit(commune)) == []
    villages = {
        row[BY_NAME["villages"].fields.index("name")] for row in _rows(province, _unit(commune))["villages"]
    }
    assert "Bản Thứ Hai" in villages and "Bản Thứ Ba" not in villages
    assert [a.outcome for a in _arrivals(province)][:2] == ["applied", "refused"]


def test_two_records_for_one_thing_are_refused_by_name_not_with_a_traceback(
    commune: Database, province: Database, tmp_path: Path
) -> None:
    """A UNIQUE constraint (one admission plan per unit, year and cell; one attendance per member and
    meeting; …) broken by a package, within it or against a row already held under another id."""
    from models.entities import Cell
    from models.services import admission

    _enrol(commune, province)
    stick = tmp_path / "usb"
    stick.mkdir()
    with unit_of_work(commune, SYSTEM_ACTOR) as s:
        cell = s.scalars(select(Cell.id)).one()
        admission.set_plan(s, 2026, cell, 3)
    sx.import_files(province, SYSTEM_ACTOR, [sx.export_package(commune, SYSTEM_ACTOR, stick).path])
    held_plan = _first(_records_of(commune), "admission_plans")["fields"]["id"]
    new_id, twin_id = str(uuid.uuid4()), str(uuid.uuid4())

    def renumbered(records: list[dict[str, Any]]) -> None:  # the plan again, under a new id
        _first(records, "admission_plans")["fields"]["id"] = new_id

    def twice(records: list[dict[str, Any]]) -> None:  # the plan twice in one package
        twin = json.loads(json.dumps(_first(records, "admission_plans")))
        twin["fields"]["id"] = twin_id
        records.append(twin)

    # Acknowledged, so the next package is incremental: the renumbered plan then meets the plan held
    # here (a full package would replace the commune's data and retract the old id instead).
    sx.import_ack(commune, SYSTEM_ACTOR, sx.write_ack(province, SYSTEM_ACTOR, _unit(commune), tmp_path))
    with unit_of_work(commune, SYSTEM_ACTOR) as s:  # the plan changes, so it travels again
        admission.set_plan(s, 2026, cell, 4)
    before = db_digest(province)
    for change, (record, other) in {renumbered: (new_id, held_plan), twice: (twin_id, held_plan)}.items():
        forged = _forged(commune, province, stick, change, full=False)
        (error,) = sx.import_files(province, SYSTEM_ACTOR, [forged])
        assert isinstance(error, SyncRefused) and error.reason == "invalid", error
        assert (
            f"bản ghi admission_plans {record}: trùng (owner_unit_id, year, cell_id) với bản ghi {other} — hai "
            "bản ghi khác mã cho cùng một việc"
        ) in error.text()
        assert db_digest(province) == before
        forged.unlink()


def _records_of(db: Database) -> list[dict[str, Any]]:
    with read_session(db, SYSTEM_ACTOR) as s:
        return [json.loads(sp.canonical(r)) for r in ss.collect(s, None)]
