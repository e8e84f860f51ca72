"""Benchmark fixtures (issue 9), built from real demo communes and real sealed packages, never used by
the application:

* `package_set`: a receiving database with N enrolled communes and their N full packages, waiting to be
  imported — the consolidation being measured (`fresh_receiving` + `receive_all`).
* `province_database`: a province-scale receiving database — 75 communes, ~100,000 member records,
  5 years of cell meetings — to measure the consolidated report, the completeness board and the
  cross-commune search.

How they are made, and the documented shortcuts:

1. A few distinct demo communes are generated through the real services
   (`exports.demo_db.create_demo_database`, different seeds: different people, histories and ids).
   Each is enrolled with the receiving database both ways and writes a real full package with
   `exports.sync.export_package`.
2. For a package set, the other communes are **replica packages**: the records a base would send
   (`models.services.sync.collect`) with every record id and the unit id replaced (uuid5 of the replica
   number and the old id, so reruns agree) and the unit renamed, sealed with
   `exports.sync_package.seal` by a freshly generated sender key pair that the receiving database
   enrols like any commune. Every package then goes through the real import.
3. For the province database, the base packages are imported through the real import path, and the
   other communes are **SQL clones** of the imported bases under fresh UUIDs
   (`models.demo_province.clone_unit`), each enrolled (fresh public keys) with a receipt in the package
   log, as an import would leave it. Importing 75 generated communes of this size through the ORM
   would take hours on a modest laptop; cloning takes minutes.

Identity and party card numbers repeat between a replica and its base; nothing at the receiving end
forbids it."""

from __future__ import annotations

import hashlib
import json
import shutil
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat, PublicFormat

from exports import keyring
from exports import sync as sx
from exports.demo_db import create_demo_database
from models.db import read_session, unit_of_work
from models.demo_province import analyze, clone_unit, count_records
from models.security import Role
from models.services import organisation as org
from models.services import sync as ss
from models.services.common import own_unit_id

PROVINCE_LOGIN = "admin"
PROVINCE_PASSWORD = "tinh-son-la-2026"  # noqa: S105 - a benchmark fixture's documented password
PROVINCE_ROLES = frozenset({Role.ADMIN, Role.CLERK, Role.APPROVER})
PROVINCE_UNIT = org.UnitSetup(
    "Đảng bộ tỉnh Sơn La",
    "Tỉnh ủy Sơn La",
    "TU",
    "Sơn La",
    "Sơn La",
    "Ban Chấp hành Trung ương",
    "TW",
    "BAN CHẤP HÀNH TRUNG ƯƠNG",
)
REPLICA_NAMESPACE = uuid.UUID("6f1d8c1e-6a43-4f0e-9c55-3b0f6f0d2b75")
EMPTY_NAME = "receiving-empty.db"
READY_MARK = "ready.json"
Progress = Callable[[str], None]


@dataclass(frozen=True)
class PackageSet:
    folder: Path
    empty: Path  # the enrolled receiving database before any package arrived
    packages: tuple[Path, ...]
    records: int  # records over all packages
    members: int  # member records over all packages


@dataclass(frozen=True)
class Province:
    path: Path  # the receiving database (PROVINCE_LOGIN / PROVINCE_PASSWORD)
    communes: int
    members: int  # member records over all communes
    records: int  # synced records over all communes


def _quiet(_message: str) -> None:
    return None


def _commune_name(index: int) -> str:
    return f"Đảng bộ xã mẫu số {index:02d}"


def remap_records(records: list[dict[str, Any]], replica: int) -> tuple[list[dict[str, Any]], str]:
    """A base commune's records under fresh ids: every record id (hence every reference to it, and the
    owning unit, which is itself a record) replaced by uuid5(replica, old id). Returns the records and
    the replica's unit id."""
    ids = {r["fields"]["id"] for r in records}
    units = {r["fields"]["owner_unit_id"] for r in records}
    mapping = {old: str(uuid.uuid5(REPLICA_NAMESPACE, f"{replica}:{old}")) for old in ids | units}

    def sub(value: Any) -> Any:
        if isinstance(value, str):
            return mapping.get(value, value)
        if isinstance(value, list):
            return [sub(v) for v in value]
        if isinstance(value, dict):
            return {mapping.get(k, k): sub(v) for k, v in value.items()}
        return value

    out = [{"kind": r["kind"], "fields": {k: sub(v) for k, v in r["fields"].items()}} for r in records]
    (unit,) = units
    return out, mapping[unit]


def _rename_unit(records: list[dict[str, Any]], unit_id: str, name: str) -> None:
    for r in records:
        if r["kind"] == "units" and r["fields"]["id"] == unit_id:
            r["fields"]["name"] = name


def seal_replica(
    records: list[dict[str, Any]],
    unit_id: str,
    name: str,
    recipient_unit_id: str,
    recipient_kem_public: bytes,
    folder: Path,
) -> tuple[Path, ss.EnrolBundle]:
    """A full first package from a new sender (fresh key pair), built like `exports.sync.export_package`
    builds one; returns the file and the sender's enrolment bundle."""
    sign = Ed25519PrivateKey.generate()
    sign_public = sign.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    kem_public = X25519PrivateKey.generate().public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    sign_private = sign.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
    created = datetime.now(UTC)
    data, _manifest = sx.seal_data_package(
        records,
        sender=(unit_id, name),
        recipient_unit_id=recipient_unit_id,
        package_id=str(uuid.uuid4()),
        sequence=1,
        previous_hash="",
        incarnation=str(uuid.uuid4()),
        full=True,
        created=created,
        audit_head=(None, ""),
        sign_keys=(sign_private, sign_public),
        recipient_kem_public=recipient_kem_public,
    )
    path = folder / sx.package_name("data", unit_id, 1, created)
    path.write_bytes(data)
    return path, ss.EnrolBundle(unit_id, name, "commune", sign_public, kem_public)


def _ready(folder: Path, shape: dict[str, Any]) -> dict[str, Any] | None:
    mark = folder / READY_MARK
    if not mark.is_file():
        return None
    ready: dict[str, Any] = json.loads(mark.read_text(encoding="utf-8"))
    return ready if ready.get("shape") == shape else None


def _bases(folder: Path, count: int, members: int, meeting_years: int, progress: Progress) -> list[Path]:
    paths = []
    for b in range(count):
        path = folder / f"base-{b + 1}.db"
        progress(f"base commune {b + 1}/{count}: {members} members, {meeting_years} years of meetings")
        create_demo_database(
            path, members=members, seed=101 + b, check_drive=False, meeting_years=meeting_years
        )
        paths.append(path)
    return paths


def _receiving(path: Path) -> keyring.Unlocked:
    province, _code = keyring.create_encrypted_database(
        path, PROVINCE_LOGIN, PROVINCE_PASSWORD, check_drive=False
    )
    keyring.update_account(province, province.actor.user_id, "Văn phòng Tỉnh ủy", PROVINCE_ROLES)
    province.close()
    province = keyring.unlock(path, PROVINCE_LOGIN, PROVINCE_PASSWORD, check_drive=False)
    with unit_of_work(province.db, province.actor) as p:
        org.setup_unit(p, PROVINCE_UNIT)
    return province


def _export_base(
    province: keyring.Unlocked, path: Path, name: str, out: Path
) -> tuple[Path, list[dict[str, Any]]]:
    """Enrol a base commune both ways and write its real full package; returns it and its records."""
    with unit_of_work(province.db, province.actor) as p:
        upper = ss.own_bundle(p, "upper")
    commune = keyring.unlock(path, keyring.DEMO_LOGIN, keyring.DEMO_PASSWORD, check_drive=False)
    try:
        with unit_of_work(commune.db, commune.actor) as c:
            ss.enrol(c, upper)
            own = ss.own_bundle(c, "commune")
        with unit_of_work(province.db, province.actor) as p:
            ss.enrol(p, ss.EnrolBundle(own.unit_id, name, "commune", own.sign_public, own.kem_public))
        result = sx.export_package(commune.db, commune.actor, out, full=True)
        with read_session(commune.db, commune.actor) as c:
            records = ss.collect(c, None)
    finally:
        commune.close()
    return result.path, records


def package_set(
    folder: Path,
    *,
    communes: int,
    members: int = 60,
    meeting_years: int = 0,
    bases: int = 1,
    progress: Progress = _quiet,
) -> PackageSet:
    """`communes` full packages (`bases` real ones, the rest replica packages) for an enrolled, empty
    receiving database; reused when `folder` holds a finished set of the same shape."""
    folder = Path(folder)
    shape = {"communes": communes, "members": members, "meeting_years": meeting_years, "bases": bases}
    ready = _ready(folder, shape)
    if ready is not None:
        return PackageSet(
            folder,
            folder / EMPTY_NAME,
            tuple(folder / "packages" / p for p in ready["packages"]),
            ready["records"],
            ready["members"],
        )
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "packages").mkdir(parents=True)
    base_paths = _bases(folder, min(bases, communes), members, meeting_years, progress)
    empty = folder / EMPTY_NAME
    province = _receiving(empty)
    packages: list[Path] = []
    base_records: list[list[dict[str, Any]]] = []
    try:
        with unit_of_work(province.db, province.actor) as p:
            upper = ss.own_bundle(p, "upper")
            province_unit = own_unit_id(p)
        for b, path in enumerate(base_paths):
            package, records = _export_base(province, path, _commune_name(b + 1), folder / "packages")
            packages.append(package)
            base_records.append(records)
        for n in range(len(base_paths), communes):
            records, unit_id = remap_records(base_records[n % len(base_records)], n + 1)
            name = _commune_name(n + 1)
            _rename_unit(records, unit_id, name)
            package, bundle = seal_replica(
                records, unit_id, name, province_unit, upper.kem_public, folder / "packages"
            )
            with unit_of_work(province.db, province.actor) as p:
                ss.enrol(p, bundle)
            packages.append(package)
    finally:
        province.close()
    chosen = [base_records[n % len(base_records)] for n in range(communes)]
    total = sum(len(r) for r in chosen)
    people = sum(1 for records in chosen for r in records if r["kind"] == "members")
    (folder / READY_MARK).write_text(
        json.dumps(
            {"shape": shape, "packages": [p.name for p in packages], "records": total, "members": people}
        ),
        encoding="utf-8",
    )
    return PackageSet(folder, empty, tuple(packages), total, people)


def fresh_receiving(packages: PackageSet, target: Path) -> keyring.Unlocked:
    """A copy of the enrolled, empty receiving database at `target`, unlocked."""
    target = Path(target)
    shutil.copyfile(packages.empty, target)
    shutil.copyfile(keyring.keyring_path(packages.empty), keyring.keyring_path(target))
    return keyring.unlock(target, PROVINCE_LOGIN, PROVINCE_PASSWORD, check_drive=False)


def receive_all(unlocked: keyring.Unlocked, packages: PackageSet) -> int:
    """Import every package through the real import path; returns the records applied. Raises on
    the first refused package (a fixture that does not import is a broken fixture)."""
    applied = 0
    for result in sx.import_files(unlocked.db, unlocked.actor, list(packages.packages)):
        if not isinstance(result, sx.ImportResult) or result.status != "applied":
            msg = f"package refused: {result}"
            raise RuntimeError(msg)
        applied += result.applied
    return applied


def province_database(
    folder: Path,
    *,
    communes: int = 75,
    members: int = 100_000,
    meeting_years: int = 5,
    bases: int = 2,
    progress: Progress = _quiet,
) -> Province:
    """The province-scale receiving database in `folder` (reused when finished with the same shape)."""
    folder = Path(folder)
    shape = {"communes": communes, "members": members, "meeting_years": meeting_years, "bases": bases}
    path = folder / "province.db"
    ready = _ready(folder, shape)
    if ready is not None and path.is_file():
        return Province(path, communes, ready["members"], ready["records"])
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "packages").mkdir(parents=True)
    per_commune = -(-members // communes)
    base_paths = _bases(folder, min(bases, communes), per_commune, meeting_years, progress)
    province = _receiving(path)
    try:
        base_units = []
        for b, base in enumerate(base_paths):
            package, sent = _export_base(province, base, _commune_name(b + 1), folder / "packages")
            progress(f"importing base package {b + 1} ({len(sent)} records) through the real import path")
            for result in sx.import_files(province.db, province.actor, [package]):
                if not isinstance(result, sx.ImportResult) or result.status != "applied":
                    msg = f"package refused: {result}"
                    raise RuntimeError(msg)
            base_units.append(sent[0]["fields"]["owner_unit_id"])
        for n in range(len(base_paths), communes):
            name = _commune_name(n + 1)
            with unit_of_work(province.db, province.actor) as p:
                unit_id = clone_unit(p, base_units[n % len(base_units)], name)
                sign = Ed25519PrivateKey.generate().public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
                kem = X25519PrivateKey.generate().public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
                ss.enrol(p, ss.EnrolBundle(unit_id, name, "commune", sign, kem))
                now = datetime.now(UTC)
                ss.log_package(
                    p, package_id=str(uuid.uuid4()), direction="in", kind="data", peer_unit_id=unit_id,
                    incarnation_id=str(uuid.uuid4()), sequence=1, file_hash=hashlib.sha256(unit_id.encode()).hexdigest(),
                    created_at=now, records=0, summary={},
                )  # fmt: skip
            if (n + 1) % 10 == 0:
                progress(f"cloned communes: {n + 1}/{communes}")
        analyze(province.db)
        with read_session(province.db, province.actor) as p:
            people, records = count_records(p)
    finally:
        province.close()
    (folder / READY_MARK).write_text(
        json.dumps({"shape": shape, "members": people, "records": records}), encoding="utf-8"
    )
    return Province(path, communes, people, records)
