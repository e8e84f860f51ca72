"""USB sync: writing sealed packages to a stick, reading and importing them at the other end, the
acknowledgment going back down, and enrolment files. See exports/sync_package.py for the file format
and models/services/sync.py for the state and the record exchange.

Import is: verify signature → decrypt → check manifest (recipient is us, sender enrolled and not
revoked, schema not newer than ours, sequence and previous hash) → stage → validate → preview → the
user confirms → apply in one transaction → record the receipt."""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import re
import shutil
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from exports import atomic, backup
from exports.fileset import crash_point
from exports.sync_package import (
    ALLOWED_ENTRIES,
    MAGIC,
    PREFIX,
    Opened,
    SyncRefused,
    bad_field,
    canonical,
    key_id_of,
    open_sealed,
    read_file,
    seal,
    verify,
)
from models import audit
from models.db import Database, read_session, unit_of_work
from models.errors import DomainError, PermissionDenied, StorageError
from models.i18n import QT_TRANSLATE_NOOP, translate
from models.migrate import HEAD, KNOWN_REVISIONS
from models.security import Actor, Permission, require
from models.services import organisation as org
from models.services import sync as st
from models.services import sync_history as sh
from models.services import sync_validate as sv
from models.services.common import own_unit_id
from models.storage import fsync_dir

log = logging.getLogger(__name__)

APP_VERSION = "0.1.0"
EXTENSION = ".duxpkg"
ENROL_EXTENSION = ".duxkey"
MAX_SEQUENCE = 10**9  # far beyond any real count of trips; larger is a malformed manifest
MAX_ACK = 64 * 1024 * 1024
MAX_ENROL = 10_000
MORE_PROBLEMS = QT_TRANSLATE_NOOP("sync", " (và {n} lỗi khác)")
MORE = {
    "replayed": QT_TRANSLATE_NOOP("sync", "Gói {name} đã nhập trước đây; không có gì thay đổi."),
    "older": QT_TRANSLATE_NOOP(
        "sync", "Gói {name} (số {sequence}) cũ hơn gói đã nhập (số {last}). Không nhập."
    ),
    "held": QT_TRANSLATE_NOOP(
        "sync",
        "Gói {name} (số {sequence}) đến trước gói số {missing}. Đã giữ lại; sẽ nhập khi có gói số {missing}.",
    ),
    "mismatch": QT_TRANSLATE_NOOP(
        "sync", "Gói {name}: thông tin bên trong không khớp với bên ngoài ({detail}). Không nhập."
    ),
    "chain": QT_TRANSLATE_NOOP(
        "sync",
        "Gói {name} không nối tiếp gói đã nhập (mã gói trước không khớp). Không nhập; hãy xin đơn vị gửi xuất gói đầy đủ.",
    ),
    "schema_new": QT_TRANSLATE_NOOP(
        "sync", "Gói {name} được tạo bởi phiên bản chương trình mới hơn. Hãy cài phiên bản mới rồi nhập lại."
    ),
    "not_full": QT_TRANSLATE_NOOP(
        "sync",
        "Gói {name} đến từ dữ liệu đã phục hồi của đơn vị gửi nhưng không phải gói đầy đủ. Hãy xin đơn vị gửi xuất gói đầy đủ.",
    ),
    "retired": QT_TRANSLATE_NOOP(
        "sync",
        "Gói {name} được lập từ dữ liệu của đơn vị gửi trước khi phục hồi bản sao lưu; gói đầy đủ lập sau khi phục hồi đã thay thế nó. Không nhập.",
    ),
    "rejected": QT_TRANSLATE_NOOP(
        "sync", "Gói {name} của {sender} có {n} bản ghi không hợp lệ ({detail}). Không nhập gì của gói này."
    ),
    "kind": QT_TRANSLATE_NOOP("sync", "Tệp {name} không phải loại gói cần nhập ở đây ({kind})."),
    "invalid": QT_TRANSLATE_NOOP(
        "sync",
        "Gói {name} của {sender} bị từ chối: bản ghi {kind} {record}: {problem}{more}. Không nhập gì của gói "
        "này; các đơn vị khác không bị ảnh hưởng. Hãy báo đơn vị gửi sửa dữ liệu rồi xuất lại gói.",
    ),
}


def refused(reason: str, name: str, **params: Any) -> SyncRefused:
    error = SyncRefused(reason, name, **params)
    if reason in MORE:
        error.message = MORE[reason]
    return error


def sender_code(unit_id: str) -> str:
    return hashlib.sha256(unit_id.encode()).hexdigest()[:8].upper()


def package_name(kind: str, unit_id: str, sequence: int, when: datetime) -> str:
    prefix = "DUX" if kind == "data" else "DUXACK"
    return f"{prefix}-{sender_code(unit_id)}-{sequence:06d}-{when:%Y%m%d}{EXTENSION}"


# ---------------------------------------------------------------- the stick


WORM_SIGNS = ("autorun.inf",)
# Folders the operating systems themselves put on a stick (Windows on every NTFS/FAT stick it sees,
# Linux and macOS desktops when a file is deleted or indexed): hidden, but never a worm's.
SYSTEM_FOLDERS = frozenset(
    {
        "system volume information",
        "$recycle.bin",
        "recycler",
        "recycled",
        ".trashes",
        ".fseventsd",
        ".spotlight-v100",
    }
)
FILE_ATTRIBUTE_HIDDEN, FILE_ATTRIBUTE_SYSTEM = 0x2, 0x4


def _file_attributes(path: Path) -> int:
    """Windows file attributes (0 elsewhere, where `st_file_attributes` does not exist)."""
    try:
        return int(getattr(path.stat(), "st_file_attributes", 0))
    except OSError:
        return 0


def _system_entry(path: Path) -> bool:
    """An entry of the operating system: hidden *and* system on Windows, or one of the known names
    (a stick read on Linux shows no attributes)."""
    lower = path.name.lower()
    if lower in SYSTEM_FOLDERS or lower.startswith(".trash-"):
        return True
    both = FILE_ATTRIBUTE_HIDDEN | FILE_ATTRIBUTE_SYSTEM
    return _file_attributes(path) & both == both


def stick_warnings(folder: Path) -> list[str]:
    """What looks like the common USB worm: autorun.inf, shortcut files, hidden folders. The app never
    opens or runs any of it. The operating system's own hidden folders are not warned about (Windows
    puts "System Volume Information" on every stick; a worm's hidden folder still comes with its
    shortcut files, which are)."""
    warnings: list[str] = []
    try:
        items = list(folder.iterdir())
    except OSError:
        return warnings
    for item in items:
        lower = item.name.lower()
        if lower in WORM_SIGNS:
            warnings.append(
                translate(
                    "sync",
                    QT_TRANSLATE_NOOP(
                        "sync",
                        "USB có tệp autorun.inf (thường do virus). Chương trình không mở nó; hãy quét virus cho USB.",
                    ),
                )
            )
        elif lower.endswith(".lnk"):
            warnings.append(
                translate(
                    "sync",
                    QT_TRANSLATE_NOOP(
                        "sync", "USB có tệp lối tắt “{name}” (virus USB hay tạo). Đừng mở nó; hãy quét virus."
                    ),
                ).format(name=item.name)
            )
        elif item.is_dir() and (item.name.startswith(".") or _hidden(item)) and not _system_entry(item):
            warnings.append(
                translate(
                    "sync",
                    QT_TRANSLATE_NOOP(
                        "sync", "USB có thư mục ẩn “{name}”; có thể là virus giấu dữ liệu. Hãy quét virus."
                    ),
                ).format(name=item.name)
            )
    return warnings


def _hidden(path: Path) -> bool:
    return bool(_file_attributes(path) & FILE_ATTRIBUTE_HIDDEN)


def _check_space(folder: Path, size: int) -> None:
    try:
        free = shutil.disk_usage(folder).free
    except OSError:
        raise StorageError(
            QT_TRANSLATE_NOOP("sync", "Không mở được thư mục {folder}. Hãy cắm USB và chọn lại."),
            kind="cant_open",
            folder=str(folder),
        ) from None
    if free < size * 2 + 1_000_000:
        raise StorageError(
            QT_TRANSLATE_NOOP(
                "sync",
                "USB không đủ chỗ trống (cần khoảng {need} MB, còn {free} MB). Hãy xóa bớt tệp cũ trên USB.",
            ),
            kind="full",
            need=size * 2 // 1_000_000 + 1,
            free=free // 1_000_000,
        )


def write_to_stick(folder: Path, name: str, data: bytes, check: Callable[[bytes], None]) -> Path:
    """Temp name, fsync, read back and verify, rename; never a file under the final name otherwise."""
    _check_space(folder, len(data))

    def verify_written(path: Path) -> None:
        written = path.read_bytes()
        if written != data:
            raise OSError(5, "read-back differs")
        check(written)

    return atomic.write_bytes(folder / name, data, verify_written)


# An export's commit point (issue 16): the package is written complete under a staged name on the stick
# (`.NAME.part`, never picked up by an import), its sequence and file hash are committed to the
# database, and only then is it renamed to its final name. `reconcile_stick`, run by the next export to
# the same folder, finishes a rename a kill interrupted (the database recorded that file) and removes a
# staged file the database never recorded (that sequence is free again). So a package under its final
# name is always one the database knows, and a sequence number is never issued twice.
STAGED_SUFFIX = ".part"


def _staged(folder: Path, name: str) -> Path:
    return folder / f".{name}{STAGED_SUFFIX}"


def stage_on_stick(folder: Path, name: str, data: bytes, check: Callable[[bytes], None]) -> Path:
    """Write, fsync, read back and verify the package under its staged name (see STAGED_SUFFIX)."""
    _check_space(folder, len(data))
    staged = _staged(folder, name)
    _discard_staged(staged)

    def verify_written(path: Path) -> None:
        written = path.read_bytes()
        if written != data:
            raise OSError(5, "read-back differs")
        check(written)

    return atomic.write_staged(staged, data, verify_written, final=folder / name)


def publish_staged(staged: Path) -> Path:
    """The rename after the commit: the staged package under its final name."""
    final = staged.with_name(staged.name[1 : -len(STAGED_SUFFIX)])
    try:
        atomic.replace(staged, final)
        fsync_dir(final.parent)
    except OSError as exc:
        raise atomic.write_error(exc, final) from exc
    return final


def _discard_staged(staged: Path) -> None:
    with contextlib.suppress(OSError):
        staged.unlink(missing_ok=True)


def reconcile_stick(session: Any, folder: Path, peer_unit_id: str) -> tuple[int, int]:
    """Staged packages an earlier export left in `folder`: published when the database recorded them,
    removed otherwise. Returns (published, removed)."""
    try:
        staged = [p for p in folder.iterdir() if p.name.startswith(".DUX") and p.name.endswith(STAGED_SUFFIX)]
    except OSError:
        return 0, 0
    if not staged:
        return 0, 0
    recorded = {e.file_hash for e in st.package_log(session, peer_unit_id, "out")}
    published = removed = 0
    for path in staged:
        try:
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError:
            continue
        if digest in recorded and not path.with_name(path.name[1 : -len(STAGED_SUFFIX)]).exists():
            publish_staged(path)
            published += 1
        else:
            _discard_staged(path)
            removed += 1
    if published or removed:
        log.info("stick reconciled: %d staged packages published, %d removed", published, removed)
    return published, removed


# ---------------------------------------------------------------- export (the commune)


@dataclass(frozen=True)
class ExportResult:
    path: Path
    sequence: int
    records: int
    full: bool
    warnings: tuple[str, ...]


def seal_data_package(
    records: list[Any],
    *,
    sender: tuple[str, str],
    recipient_unit_id: str,
    package_id: str,
    sequence: int,
    previous_hash: str,
    incarnation: str,
    full: bool,
    created: datetime,
    since_sequence: int = 0,
    retired: tuple[str, ...] = (),
    audit_head: tuple[int | None, str],
    sign_keys: tuple[bytes, bytes],
    recipient_kem_public: bytes,
) -> tuple[bytes, dict[str, Any]]:
    """The sealed bytes of a data package and its manifest: records as canonical JSON lines, the
    manifest (sender, recipient, sequence, chain, counts, entry digests, audit head) inside, the
    routing header outside, signed by the sender and encrypted to the recipient."""
    payload = b"".join(canonical(r) + b"\n" for r in records)
    manifest: dict[str, Any] = {
        "format_version": 1,
        "schema_version": HEAD,
        "app_version": APP_VERSION,
        "kind": "data",
        "package_id": package_id,
        "sender_unit_id": sender[0],
        "sender_name": sender[1],
        "recipient_unit_id": recipient_unit_id,
        "sequence": sequence,
        "previous_hash": previous_hash,
        "incarnation": incarnation,
        "full": full,
        # Cumulative since this package of ours the upper level acknowledged (0: full): it can stand
        # in for any lost package after that one.
        "since_sequence": 0 if full else since_sequence,
        "retired_incarnations": list(retired),
        # Creation times are for the completeness board only: what a package carries is chosen by
        # the change number, never by a clock.
        "created_utc": created.isoformat(),
        "created_local": created.astimezone().isoformat(),
        "counts": st.summary_counts(records),
        "entries": {"records.jsonl": hashlib.sha256(payload).hexdigest()},
        "audit_head": {"id": audit_head[0], "hash": audit_head[1]},
    }
    data = seal_with_manifest(manifest, {"records.jsonl": payload}, sign_keys, recipient_kem_public)
    return data, manifest


def seal_with_manifest(
    manifest: dict[str, Any],
    files: dict[str, bytes],
    sign_keys: tuple[bytes, bytes],
    recipient_kem_public: bytes,
) -> bytes:
    """Seal a package (data or acknowledgment): the manifest and its files inside, the routing fields
    repeated in the clear header (checked against the manifest on import)."""
    header = {
        k: manifest[k]
        for k in ("package_id", "sender_unit_id", "recipient_unit_id", "sequence", "incarnation", "kind")
    }
    header["created_utc"] = manifest["created_utc"]
    return seal(
        {"manifest.json": canonical(manifest), **files},
        header,
        sign_keys[0],
        sign_keys[1],
        recipient_kem_public,
    )


def export_package(db: Database, actor: Actor, folder: Path, *, full: bool = False) -> ExportResult:
    """Write the next data package for the upper level: every record written after the change number
    the upper level last acknowledged (a lost stick loses nothing; clocks play no part), or everything
    when `full` — asked for, after a restore (a new incarnation), after a key replacement, when the
    upper level's acknowledgment asked for it, or while nothing of this incarnation is acknowledged."""
    folder = Path(folder)
    warnings = stick_warnings(folder)
    staged: Path | None = None
    try:
        with unit_of_work(db, actor) as session:
            require(session, Permission.EXPORT)
            upper = st.upper_peer(session)
            reconcile_stick(session, folder, upper.unit_id)
            result, staged = _export_staged(session, folder, upper, full=full, warnings=warnings)
            crash_point("export:recorded")
    except BaseException:
        if staged is not None:
            _discard_staged(staged)
        raise
    crash_point("export:committed")
    assert staged is not None
    publish_staged(staged)
    crash_point("export:renamed")
    return result


def _export_staged(
    session: Any, folder: Path, upper: st.PeerKeys, *, full: bool, warnings: list[str]
) -> tuple[ExportResult, Path]:
    """Build and stage the next package and record it in the session (committed by the caller)."""
    keys = st.keys_for_export(session)[0]
    channel = st.channel(session, upper.unit_id)
    unit_id = own_unit_id(session)
    inc = st.incarnation(session)
    # A restored database has a new incarnation: what was acknowledged belongs to the old one, so
    # it re-baselines with full packages until the upper level acknowledges one of them.
    if channel.incarnation and channel.incarnation != inc:
        st.retire_incarnation(session, channel.incarnation)
        channel.acked_sequence, channel.acked_change, channel.acked_watermark = 0, None, None
    full = full or channel.needs_full or channel.acked_change is None
    reached = st.change_number(session)
    records = st.collect(session, None if full else channel.acked_change)
    created = datetime.now(UTC)
    sequence = channel.out_sequence + 1
    package_id = str(uuid.uuid4())
    head_id, head_hash = audit.head(session)
    data, manifest = seal_data_package(
        records,
        sender=(unit_id, org.own_unit(session).name),
        recipient_unit_id=upper.unit_id,
        package_id=package_id,
        sequence=sequence,
        previous_hash=channel.out_hash,
        incarnation=inc,
        full=full,
        created=created,
        since_sequence=channel.acked_sequence,
        retired=tuple(st.retired_incarnations(session)),
        audit_head=(head_id, head_hash),
        sign_keys=(keys.sign_private, keys.sign_public),
        recipient_kem_public=upper.kem_public,
    )
    name = package_name("data", unit_id, sequence, created)
    staged = stage_on_stick(folder, name, data, lambda b: verify(b, name, keys.sign_public))
    try:
        file_hash = hashlib.sha256(data).hexdigest()
        channel.out_sequence, channel.out_hash, channel.needs_full = sequence, file_hash, False
        channel.incarnation = inc  # at the sending side: our incarnation at the last export
        st.log_package(
            session, package_id=package_id, direction="out", kind="data", peer_unit_id=upper.unit_id, incarnation_id=inc,
            sequence=sequence, file_hash=file_hash, created_at=created, records=len(records), summary=manifest["counts"],
            change_seq=reached,
        )  # fmt: skip
        audit.record(
            session,
            "sync.export",
            "sync_package",
            package_id,
            fields=[f"records={len(records)}", f"sequence={sequence}"],
        )
    except BaseException:
        _discard_staged(staged)
        raise
    return ExportResult(folder / name, sequence, len(records), full, tuple(warnings)), staged


# ---------------------------------------------------------------- import (the upper level)


@dataclass
class Staged:
    path: Path
    data: bytes
    opened: Opened
    manifest: dict[str, Any]
    sender_unit_id: str
    sender_name: str
    preview: st.Preview | None = None
    checked: st.Checked | None = None  # the records parsed and checked (they depend only on the file)
    status: str = "ready"  # ready / replayed / held
    message: str = ""
    covers: tuple[int, int] | None = None  # missing packages (first, last) this cumulative one covers
    warnings: list[str] = field(default_factory=list)


def _sender(session: Any, kid: bytes, name: str) -> st.PeerKeys:
    """The enrolled, active peer that owns a signing key id, or the refusal saying why not."""
    peer = st.peer_by_key_id(session, kid)
    if peer is None:
        raise SyncRefused("unknown_sender", name)
    if peer.revoked:
        raise SyncRefused("revoked_sender", name)
    if peer.replaced:  # the sender replaced its keys (e.g. a lost laptop): the old key is void
        raise SyncRefused("replaced_sender", name)
    return peer


def _open(session: Any, data: bytes, name: str, own: list[st.OwnKeys]) -> tuple[Opened, st.PeerKeys]:
    found: dict[str, st.PeerKeys] = {}

    def sender_public(kid: bytes) -> bytes:
        found["peer"] = _sender(session, kid, name)
        return found["peer"].sign_public

    kems = [(k.kem_private, k.kem_public) for k in own]
    opened = open_sealed(data, name, sender_public, kems)
    return opened, found["peer"]


def read_package(session: Any, path: Path) -> bytes:
    """The bytes of a package on the stick, bounded (exports.sync_package.read_file): the sender's key
    id is looked up among the enrolled peers before more than its first bytes are read."""
    name = path.name

    def check_prefix(prefix: bytes) -> None:
        if len(prefix) < PREFIX or prefix[:8] != MAGIC:
            raise SyncRefused("not_a_package", name)
        _sender(session, prefix[8:40], name)

    return read_file(path, check_prefix=check_prefix)


_UUIDISH = re.compile(r"^[0-9A-Za-z-]{1,36}$")


def _check_manifest_fields(manifest: dict[str, Any], name: str) -> None:
    """Each field the import relies on: present, of its type, in its range — its own refusal each."""

    def text(key: str, *, required: bool = True, pattern: re.Pattern[str] | None = _UUIDISH) -> None:
        value = manifest.get(key)
        if value is None:
            if required:
                raise bad_field(name, key, "missing")
            return
        if not isinstance(value, str):
            raise bad_field(name, key, "type")
        if pattern is not None and not pattern.match(value):
            raise bad_field(name, key, "format")

    for key in ("package_id", "sender_unit_id", "recipient_unit_id", "incarnation"):
        text(key)
    text("kind", pattern=re.compile(r"^[a-z]{1,10}$"))
    text("schema_version", pattern=re.compile(r"^[0-9A-Za-z_]{1,32}$"))
    text("previous_hash", required=False, pattern=re.compile(r"^[0-9a-f]{0,64}$"))
    sequence = manifest.get("sequence")
    if sequence is None:
        raise bad_field(name, "sequence", "missing")
    if not isinstance(sequence, int) or isinstance(sequence, bool):
        raise bad_field(name, "sequence", "type")
    if not 1 <= sequence <= MAX_SEQUENCE:
        raise bad_field(name, "sequence", "range")
    if not isinstance(manifest.get("full", False), bool):
        raise bad_field(name, "full", "type")
    created = manifest.get("created_utc")
    if created is None:
        raise bad_field(name, "created_utc", "missing")
    if not isinstance(created, str) or len(created) > 40:
        raise bad_field(name, "created_utc", "type")
    try:
        when = datetime.fromisoformat(created)
    except ValueError:
        raise bad_field(name, "created_utc", "date") from None
    if when.tzinfo is None:
        raise bad_field(name, "created_utc", "date")
    if not isinstance(manifest.get("entries", {}), dict):
        raise bad_field(name, "entries", "type")


def _manifest(opened: Opened, name: str, sender: st.PeerKeys, own_unit: str, kind: str) -> dict[str, Any]:
    try:
        manifest = json.loads(opened.entries["manifest.json"])
        if not isinstance(manifest, dict):
            raise TypeError
    except (KeyError, ValueError, TypeError, RecursionError):
        raise refused("bad_entry", name, detail="manifest") from None
    _check_manifest_fields(manifest, name)
    header = opened.header
    for key in ("package_id", "sender_unit_id", "recipient_unit_id", "sequence", "incarnation", "kind"):
        if manifest.get(key) != header.get(key):
            raise refused("mismatch", name, detail=key)
    if header.get("sender_unit_id") != sender.unit_id:
        raise SyncRefused("relabelled", name)
    if header.get("recipient_unit_id") != own_unit:
        raise SyncRefused("wrong_recipient", name)
    if header.get("kind") != kind:
        raise refused("kind", name, kind=header.get("kind"))
    if str(manifest.get("schema_version")) not in KNOWN_REVISIONS:
        raise refused("schema_new", name)
    for entry, digest in dict(manifest.get("entries", {})).items():
        if (
            entry not in ALLOWED_ENTRIES
            or hashlib.sha256(opened.entries.get(entry, b"")).hexdigest() != digest
        ):
            raise refused("bad_entry", name, detail=f"hash {entry}")
    return manifest


def _context(error: DomainError, **context: Any) -> DomainError:
    """What is known of the package a refusal concerns (sender, sequence…), for the arrivals history."""
    known: dict[str, Any] = getattr(error, "arrival", {})
    error.arrival = {**context, **known}  # type: ignore[attr-defined]  # the innermost knows best
    return error


def inspect_package(db: Database, actor: Actor, path: Path, *, record: bool = True) -> Staged:
    """Verify, decrypt, check and stage a data package, without writing anything but, when `record`,
    the arrival of a refused file (history and audit chain)."""
    path = Path(path)
    try:
        with read_session(db, actor) as session:
            require(session, Permission.IMPORT)
            data = read_package(session, path)
            return _stage(session, data, path.name, path)
    except DomainError as exc:
        if record:
            note_refusal(db, actor, path, exc)
        raise


def note_refusal(db: Database, actor: Actor, path: Path, error: DomainError) -> None:
    """Record a refused package in the arrivals history and the audit chain, in its own transaction
    (whatever the refused import had begun was rolled back)."""
    if isinstance(error, PermissionDenied) or db.read_only:
        return
    context: dict[str, Any] = dict(getattr(error, "arrival", {}))
    reason = str(getattr(error, "reason", "") or getattr(error, "kind", "") or type(error).__name__)
    try:
        with unit_of_work(db, actor) as session:
            sh.record_arrival(
                session,
                file_name=Path(path).name,
                outcome="refused",
                message=error.text(),
                reason=reason,
                **context,
            )
    except DomainError:  # the history must never hide the refusal itself
        log.warning("refused package not recorded in the history")


def _stage(session: Any, data: bytes, name: str, path: Path, previous: Staged | None = None) -> Staged:
    """Everything that depends on the database is checked again; the records' own checks are reused
    from `previous` (the preview of the same file) when the file's hash is the same."""
    require(session, Permission.IMPORT)
    context: dict[str, Any] = {"file_hash": hashlib.sha256(data).hexdigest()}
    try:
        return _stage_checked(session, data, name, path, previous, context)
    except DomainError as exc:
        raise _context(exc, **context) from None


def _stage_checked(
    session: Any, data: bytes, name: str, path: Path, previous: Staged | None, context: dict[str, Any]
) -> Staged:
    opened, sender = _open(session, data, name, st.keys_for_import(session))
    context.update(sender_unit_id=sender.unit_id, sender_name=sender.name)
    manifest = _manifest(opened, name, sender, own_unit_id(session), "data")
    context.update(package_id=manifest["package_id"], sequence=manifest["sequence"])
    staged = Staged(path, data, opened, manifest, sender.unit_id, sender.name)
    if st.seen_package(session, manifest["package_id"]):
        staged.status = "replayed"
        staged.message = refused("replayed", name).text()
        return staged
    in_sequence, in_hash, incarnation = st.incoming_state(session, sender.unit_id)
    sequence = manifest["sequence"]
    new_incarnation = bool(incarnation) and manifest["incarnation"] != incarnation
    if new_incarnation and manifest["incarnation"] in st.left_incarnations(session, sender.unit_id):
        raise refused("retired", name)
    if new_incarnation and not manifest.get("full"):
        raise refused("not_full", name)
    if not new_incarnation:
        if sequence <= in_sequence:
            raise refused("older", name, sequence=sequence, last=in_sequence)
        base = manifest.get("since_sequence")
        cumulative = type(base) is int and 0 < base <= in_sequence
        if sequence > in_sequence + 1 and not manifest.get("full") and not cumulative:
            staged.status = "held"
            staged.message = refused("held", name, sequence=sequence, missing=in_sequence + 1).text()
            return staged
        if sequence > in_sequence + 1:
            # Cumulative since a package already applied here: it stands in for the missing ones.
            staged.covers = (in_sequence + 1, sequence - 1)
        if (
            sequence == in_sequence + 1
            and in_sequence
            and manifest.get("previous_hash") != in_hash
            and not manifest.get("full")
        ):
            raise refused("chain", name)
    reuse = previous.checked if previous is not None else None
    if (
        reuse is not None
        and previous is not None
        and previous.opened.file_hash == opened.file_hash
        and reuse.sender_unit_id == sender.unit_id
    ):
        staged.checked = reuse
    else:
        records = []
        for line in opened.entries.get("records.jsonl", b"").splitlines():
            try:
                records.append(json.loads(line))
            except (ValueError, RecursionError):
                raise refused("bad_entry", name, detail="records") from None
        staged.checked = st.check(sender.unit_id, records)
    full = bool(manifest.get("full"))
    staged.preview = st.classify(session, staged.checked, full=full, replace=full and new_incarnation)
    if staged.preview.rejected:
        reasons = sorted({r for k in staged.preview.kinds.values() for r in k.reasons})
        raise refused(
            "rejected", name, sender=sender.name, n=staged.preview.rejected, detail="; ".join(reasons[:3])
        )
    problems = sv.validate(session, sender.unit_id, staged.checked.valid)
    if problems:
        raise _invalid(name, sender.name, problems)
    if staged.preview.retracted:  # shown in the preview before anything is applied
        staged.message = translate(
            "sync",
            QT_TRANSLATE_NOOP(
                "sync",
                "Gói đầy đủ thay thế dữ liệu của đơn vị gửi: {n} bản ghi đang có ở đây mà đơn vị gửi không còn sẽ bị gỡ.",
            ),
        ).format(n=staged.preview.retracted)
    return staged


def _invalid(name: str, sender_name: str, problems: list[sv.Problem]) -> SyncRefused:
    """The refusal of a package whose records do not make sense: the first problem, and how many more."""
    first = problems[0]
    more = len(problems) - 1
    return refused(
        "invalid", name, sender=sender_name, kind=first.kind, record=first.record_id, problem=first.reason,
        more=translate("sync", MORE_PROBLEMS).format(n=more) if more else "",
    )  # fmt: skip


@dataclass(frozen=True)
class ImportResult:
    name: str
    status: str  # applied / replayed / held / refused (a held follower); preview for a dry run
    message: str
    applied: int = 0
    counts: dict[str, dict[str, int]] = field(default_factory=dict)


def _arrived(session: Any, staged: Staged, status: str, message: str, records: int = 0) -> None:
    sh.record_arrival(
        session, file_name=staged.path.name, outcome=status, message=message, file_hash=staged.opened.file_hash,
        package_id=staged.manifest["package_id"], sender_unit_id=staged.sender_unit_id, sender_name=staged.sender_name,
        sequence=staged.manifest["sequence"], records=records,
    )  # fmt: skip


def apply_package(
    db: Database, actor: Actor, staged: Staged, *, backup_first: bool = True
) -> list[ImportResult]:
    """Apply a staged package in one transaction (re-checked inside it), then any held packages that
    can now follow. Returns one result per package handled; each is recorded in the arrivals history
    (a refusal in its own transaction, after the import's was rolled back). `backup_first=False` only
    when the caller already took the import backup for this batch of packages (see import_files)."""
    try:
        return _apply_package(db, actor, staged, backup_first=backup_first)
    except DomainError as exc:
        note_refusal(db, actor, staged.path, exc)
        raise


def _apply_package(db: Database, actor: Actor, staged: Staged, *, backup_first: bool) -> list[ImportResult]:
    name = staged.path.name
    if staged.status == "replayed":
        with unit_of_work(db, actor) as session:
            _arrived(session, staged, "replayed", staged.message)
        return [ImportResult(name, "replayed", staged.message)]
    if staged.status == "ready" and backup_first:  # a held package only waits; changes back up first
        with read_session(db, actor) as session:
            require(session, Permission.IMPORT)
        backup.backup_before_import(db)
    results: list[ImportResult] = []
    with unit_of_work(db, actor) as session:
        # The database may have changed since the preview: checked again (the records' own checks reused).
        fresh = _stage(session, staged.data, name, staged.path, staged)
        if fresh.status == "replayed":
            _arrived(session, fresh, "replayed", fresh.message)
            return [ImportResult(name, "replayed", fresh.message)]
        if fresh.status == "held":
            st.hold(
                session,
                fresh.sender_unit_id,
                fresh.manifest["incarnation"],
                fresh.manifest["sequence"],
                fresh.data,
            )
            _arrived(session, fresh, "held", fresh.message)
            # Its base is missing here: the acknowledgment asks the sender for a full package, so
            # nobody has to look for the lost one.
            st.channel(session, fresh.sender_unit_id).full_requested = True
            return [ImportResult(name, "held", fresh.message)]
        results.append(_apply(session, fresh))
        # Held packages that can now follow, in order.
        while True:
            channel = st.channel(session, fresh.sender_unit_id)
            nxt = st.held_first(session, fresh.sender_unit_id, channel.incarnation, channel.in_sequence)
            if nxt is None:
                break
            held_id, sequence, data = nxt
            label = f"#{sequence}"
            try:  # a held package that turns out invalid is refused alone, never its predecessor
                with session.begin_nested():
                    follower = _stage(session, data, label, staged.path)
                    if follower.status == "ready":
                        st.drop_held(session, held_id)
                        results.append(_apply(session, follower))
            except SyncRefused as exc:
                st.drop_held(session, held_id)
                context = dict(getattr(exc, "arrival", {}))
                sh.record_arrival(
                    session,
                    file_name=label,
                    outcome="refused",
                    message=exc.text(),
                    reason=exc.reason,
                    **context,
                )
                results.append(ImportResult(label, "refused", exc.text()))
                break
            except DomainError:
                st.drop_held(session, held_id)  # can never apply now (e.g. a broken chain)
                continue
            if follower.status != "ready":
                break
    return results


def _apply(session: Any, staged: Staged) -> ImportResult:
    assert staged.preview is not None
    assert staged.checked is not None
    applied = sv.apply_or_problems(session, staged.preview, staged.checked.valid)
    if isinstance(applied, list):  # a constraint the rows already held decide (e.g. a duplicate key)
        raise _invalid(staged.path.name, staged.sender_name, applied)
    manifest = staged.manifest
    channel = st.channel(session, staged.sender_unit_id)
    if channel.incarnation and channel.incarnation != manifest["incarnation"]:
        # The sender restored a backup: its old incarnation (and any it names) can never apply again.
        st.leave_incarnations(session, staged.sender_unit_id, [channel.incarnation])
    retired = manifest.get("retired_incarnations")
    if isinstance(retired, list):
        st.leave_incarnations(session, staged.sender_unit_id, [r for r in retired if isinstance(r, str)])
    channel.in_sequence, channel.in_hash, channel.incarnation = (
        manifest["sequence"],
        staged.opened.file_hash,
        manifest["incarnation"],
    )
    if manifest.get("full"):
        channel.full_requested = False
    st.drop_held_covered(session, staged.sender_unit_id, channel.incarnation, channel.in_sequence)
    st.log_package(
        session, package_id=manifest["package_id"], direction="in", kind="data", peer_unit_id=staged.sender_unit_id,
        incarnation_id=manifest["incarnation"], sequence=manifest["sequence"], file_hash=staged.opened.file_hash,
        created_at=datetime.fromisoformat(manifest["created_utc"]), records=applied, summary=staged.preview.counts(),
    )  # fmt: skip
    audit.record(
        session, "sync.import", "sync_package", manifest["package_id"], fields=[f"applied={applied}"]
    )
    message = translate(
        "sync", QT_TRANSLATE_NOOP("sync", "Đã nhập gói số {sequence} của {sender}: {n} bản ghi.")
    ).format(sequence=manifest["sequence"], sender=staged.sender_name, n=applied)
    if staged.covers is not None:
        first, last = staged.covers
        message += " " + translate(
            "sync",
            QT_TRANSLATE_NOOP(
                "sync",
                "Gói này đã bao gồm nội dung các gói số {first}–{last} bị thiếu; không cần tìm lại chúng.",
            ),
        ).format(first=first, last=last)
    if staged.preview.retracted:
        message += " " + translate(
            "sync",
            QT_TRANSLATE_NOOP(
                "sync", "Gói đầy đủ thay thế dữ liệu cũ: gỡ {n} bản ghi không còn ở đơn vị gửi."
            ),
        ).format(n=staged.preview.retracted)
    _arrived(session, staged, "applied", message, applied)
    return ImportResult(staged.path.name, "applied", message, applied, staged.preview.counts())


def import_files(
    db: Database, actor: Actor, paths: list[Path], *, dry_run: bool = False
) -> list[ImportResult | DomainError]:
    """Headless import: each file in order; a refused file is reported and changes nothing. One
    verified backup is taken before the first package that changes records: it holds the database as
    it was before the batch (one backup per package would also push the older backups out)."""
    out: list[ImportResult | DomainError] = []
    backed_up = False
    for path in paths:
        try:
            staged = inspect_package(db, actor, path, record=not dry_run)
            if dry_run:
                status = staged.status if staged.status != "ready" else "preview"
                out.append(
                    ImportResult(
                        path.name,
                        status,
                        staged.message,
                        0,
                        staged.preview.counts() if staged.preview else {},
                    )
                )
            else:
                out.extend(apply_package(db, actor, staged, backup_first=not backed_up))
                backed_up = backed_up or staged.status == "ready"
        except DomainError as exc:
            out.append(exc)
    return out


_PACKAGE_NAME = re.compile(r"^DUX-[0-9A-F]{8}-(\d{6,})-(\d{8})", re.IGNORECASE)


def package_files(paths: list[Path]) -> list[Path]:
    """The packages to import from the given paths: a file as given; a folder (the USB stick itself)
    gives every data package directly in it (acknowledgment and enrolment files are left), oldest
    first — by the creation date and sequence in the name, then by modification time."""
    out: list[Path] = []
    for path in paths:
        if not path.is_dir():
            out.append(path)
            continue
        found = []
        try:
            items = list(path.iterdir())
        except OSError:
            out.append(path)  # refused with its own message when read
            continue
        for item in items:
            lower = item.name.lower()
            if not lower.endswith(EXTENSION) or lower.startswith("duxack-") or lower.startswith("."):
                continue
            match = _PACKAGE_NAME.match(item.name)
            try:
                mtime = item.lstat().st_mtime
            except OSError:
                mtime = 0.0
            key = (match.group(2), int(match.group(1))) if match else ("99999999", 0)
            found.append((key, mtime, item.name, item))
        out.extend(item for *_key, item in sorted(found, key=lambda f: f[:3]))
    return out


@dataclass(frozen=True)
class ImportSummary:
    """Counts of one batch, for the machine-readable summary line and the exit status."""

    applied: int
    replayed: int
    held: int
    refused: int
    previewed: int
    records: int

    @property
    def line(self) -> str:
        return (
            f"SUMMARY applied={self.applied} replayed={self.replayed} held={self.held} "
            f"refused={self.refused} previewed={self.previewed} records={self.records}"
        )


def summarise(results: list[ImportResult | DomainError]) -> ImportSummary:
    done = [r for r in results if isinstance(r, ImportResult)]
    return ImportSummary(
        applied=sum(r.status == "applied" for r in done),
        replayed=sum(r.status == "replayed" for r in done),
        held=sum(r.status == "held" for r in done),
        refused=len(results) - len(done) + sum(r.status == "refused" for r in done),
        previewed=sum(r.status == "preview" for r in done),
        records=sum(r.applied for r in done),
    )


# ---------------------------------------------------------------- acknowledgment (upper → commune)


def write_ack(db: Database, actor: Actor, commune_unit_id: str, folder: Path) -> Path:
    """Receipts, queued correction requests and remarks for one commune, sealed the same way."""
    with unit_of_work(db, actor) as session:
        require(session, Permission.IMPORT)
        peer = st.peer_keys(session, commune_unit_id)
        keys = st.keys_for_import(session)[0]
        channel = st.channel(session, commune_unit_id)
        corrections = st.outgoing_corrections(session, commune_unit_id)
        rules = [
            {"key": r.key, "valid_from": r.valid_from.isoformat(), "value": r.value, "note": r.note}
            for r in st.reference_rules(session)
        ]
        created = datetime.now(UTC)
        sequence = channel.out_sequence + 1
        package_id = str(uuid.uuid4())
        ack = {
            "receipt": {
                "sequence": channel.in_sequence,
                "hash": channel.in_hash,
                "incarnation": channel.incarnation,
                # A package could not be placed here: the next one should be full.
                "full": channel.full_requested,
            },
            "corrections": corrections,
            "rules": rules,
        }
        ack_bytes = canonical(ack)
        manifest: dict[str, Any] = {
            "format_version": 1, "schema_version": HEAD, "app_version": APP_VERSION, "kind": "ack", "package_id": package_id,
            "sender_unit_id": own_unit_id(session), "recipient_unit_id": commune_unit_id, "sequence": sequence,
            "previous_hash": channel.out_hash, "incarnation": st.incarnation(session), "full": True,
            "created_utc": created.isoformat(), "created_local": created.astimezone().isoformat(), "counts": {"corrections": len(corrections), "rules": len(rules)},
            "entries": {"ack.json": hashlib.sha256(ack_bytes).hexdigest()},
        }  # fmt: skip
        data = seal_with_manifest(
            manifest, {"ack.json": ack_bytes}, (keys.sign_private, keys.sign_public), peer.kem_public
        )
        name = package_name("ack", own_unit_id(session), sequence, created)
        path = write_to_stick(Path(folder), name, data, lambda b: verify(b, name, keys.sign_public))
        channel.out_sequence, channel.out_hash = sequence, hashlib.sha256(data).hexdigest()
        st.mark_corrections_sent(session, [c["id"] for c in corrections])
        st.log_package(
            session, package_id=package_id, direction="out", kind="ack", peer_unit_id=commune_unit_id, incarnation_id=manifest["incarnation"],
            sequence=sequence, file_hash=channel.out_hash, created_at=created, records=len(corrections), summary=manifest["counts"],
        )  # fmt: skip
    return path


def import_ack(db: Database, actor: Actor, path: Path) -> str:
    """At the commune: advance the acknowledged point and receive correction requests."""
    name = Path(path).name
    with unit_of_work(db, actor) as session:
        require(session, Permission.EXPORT)  # part of the commune's sending cycle
        data = read_file(Path(path), MAX_ACK)
        opened, sender = _open(session, data, name, st.keys_for_export(session))
        manifest = _manifest(opened, name, sender, own_unit_id(session), "ack")
        if st.seen_package(session, manifest["package_id"]):
            return refused("replayed", name).text()
        channel = st.channel(session, sender.unit_id)
        acks = sorted(
            (p for p in st.package_log(session, sender.unit_id, "in") if p.kind == "ack"), key=lambda p: p.id
        )
        # An upper level restored from a backup numbers its acknowledgments again (new incarnation).
        upper_restored = bool(acks) and acks[-1].incarnation != manifest["incarnation"]
        if manifest["sequence"] <= channel.in_sequence and not upper_restored:
            raise refused("older", name, sequence=manifest["sequence"], last=channel.in_sequence)
        try:
            ack = json.loads(opened.entries["ack.json"])
            receipt = ack["receipt"]
            acked = receipt["sequence"]
            corrections = ack.get("corrections", [])
            if (
                not isinstance(acked, int)
                or not 0 <= acked <= MAX_SEQUENCE
                or not isinstance(corrections, list)
                or not all(isinstance(c, dict) for c in corrections)
                or not isinstance(receipt.get("hash", ""), str)
                or not isinstance(receipt.get("incarnation", ""), str)
            ):
                raise TypeError
        except (KeyError, ValueError, TypeError, AttributeError, RecursionError):
            raise refused("bad_entry", name, detail="ack") from None
        rules = _rule_rows(ack.get("rules", []), name)
        ours = {
            p.sequence: p
            for p in st.package_log(session, sender.unit_id, "out")
            if p.kind == "data" and p.incarnation == st.incarnation(session)
        }
        if acked in ours and receipt.get("hash") == ours[acked].file_hash and acked > channel.acked_sequence:
            channel.acked_sequence, channel.acked_watermark = acked, ours[acked].created_at
            reached = ours[acked].change_seq
            channel.acked_change = reached if reached >= 0 else None  # < 0: sent before change numbers
        elif receipt.get("incarnation") and receipt.get("incarnation") != st.incarnation(session):
            channel.needs_full = True
        if receipt.get("full") is True:
            channel.needs_full = True
        received = st.receive_corrections(session, sender.unit_id, corrections)
        new_rules = st.receive_rules(session, sender.unit_id, rules)
        channel.in_sequence, channel.in_hash = manifest["sequence"], opened.file_hash
        st.log_package(
            session, package_id=manifest["package_id"], direction="in", kind="ack", peer_unit_id=sender.unit_id,
            incarnation_id=manifest["incarnation"], sequence=manifest["sequence"], file_hash=opened.file_hash,
            created_at=datetime.fromisoformat(manifest["created_utc"]), records=received + len(new_rules),
            summary={"corrections": received, "rules": len(new_rules)},
        )  # fmt: skip
    message = translate(
        "sync", QT_TRANSLATE_NOOP("sync", "Cấp trên đã nhận đến gói số {acked}; {n} đề nghị sửa mới.")
    ).format(acked=acked, n=received)
    if new_rules:
        message += " " + translate(
            "sync", QT_TRANSLATE_NOOP("sync", "Áp dụng {n} quy định mới của cấp trên (xem hộp thư).")
        ).format(n=len(new_rules))
    return message


def _rule_rows(items: Any, name: str) -> list[st.RuleRow]:
    """The rule rows of an acknowledgment, type-checked (a malformed row refuses the whole package)."""
    try:
        if not isinstance(items, list) or len(items) > 10_000:
            raise TypeError
        rows = []
        for item in items:
            key, note = item["key"], item.get("note", "")
            if not isinstance(key, str) or not 0 < len(key) <= 80 or not isinstance(note, str):
                raise TypeError
            if len(canonical(item["value"])) > 20_000:
                raise ValueError
            rows.append(st.RuleRow(key, date.fromisoformat(item["valid_from"]), item["value"], note))
    except (KeyError, ValueError, TypeError):
        raise refused("bad_entry", name, detail="rules") from None
    return rows


# ---------------------------------------------------------------- enrolment files


def write_enrolment(db: Database, actor: Actor, folder: Path, role: str) -> tuple[Path, str]:
    """This installation's public keys as a file to carry to the peer; returns (path, fingerprint to read out)."""
    with unit_of_work(db, actor) as session:
        bundle = st.own_bundle(session, role)
    content = canonical(
        {
            "format": "dux-enrol-1",
            "unit_id": bundle.unit_id,
            "name": bundle.name,
            "role": bundle.role,
            "sign_public": bundle.sign_public.hex(),
            "kem_public": bundle.kem_public.hex(),
        }
    )
    name = f"DANGKY-{sender_code(bundle.unit_id)}{ENROL_EXTENSION}"
    path = atomic.write_bytes(Path(folder) / name, content)
    return path, st.readable_fingerprint(bundle.fingerprint)


def read_enrolment(path: Path) -> tuple[st.EnrolBundle, str]:
    """Parse an enrolment file (small, JSON, never executed); returns the bundle and its fingerprint.
    Read bounded like a package: a folder, a device or a missing file gets its own message."""
    path = Path(path)
    name = path.name
    try:
        raw = read_file(path, MAX_ENROL)
    except SyncRefused as exc:
        if exc.reason in ("missing", "not_a_file"):
            raise
        raw = b""  # too large: not an enrolment file
    except StorageError:
        raise
    try:
        data = json.loads(raw)
        if not isinstance(data, dict) or data.get("format") != "dux-enrol-1":
            raise ValueError
        bundle = st.EnrolBundle(
            str(data["unit_id"]),
            str(data["name"])[:200],
            str(data["role"]),
            bytes.fromhex(data["sign_public"]),
            bytes.fromhex(data["kem_public"]),
        )
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError):
        raise SyncRefused(
            QT_TRANSLATE_NOOP("sync", "Tệp {name} không phải tệp đăng ký hợp lệ."), name
        ) from None
    return bundle, st.readable_fingerprint(bundle.fingerprint)


def replace_keys(db: Database, actor: Actor) -> str:
    """New keys for this installation (administrator); returns the new fingerprint to read out. The
    peer must enrol the new enrolment file; until then it cannot read or verify our packages."""
    with unit_of_work(db, actor) as session:
        keys = st.replace_own_keys(session)
    return st.readable_fingerprint(keys.fingerprint)


def enrol_from_file(db: Database, actor: Actor, path: Path, *, replace: bool = False) -> st.PeerView:
    """Enrol the peer of an enrolment file. A file carrying an already-enrolled unit with different keys
    raises `KeyReplacement` (both fingerprints, the risk) unless `replace` — the user's explicit
    confirmation (`--replace`, the window's confirmation dialog); the replacement is audited."""
    bundle, _ = read_enrolment(path)
    with unit_of_work(db, actor) as session:
        return st.enrol(session, bundle, replace=replace)


def package_key_id(data: bytes, name: str) -> bytes:
    return key_id_of(data, name)
