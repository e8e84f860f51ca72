"""The audit chain: random tampering (edit, delete, reorder, re-hash of any entry) is detected, and
logins, user changes and key changes are recorded."""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import select, text

from exports import keyring
from models import audit, auth
from models.db import Database, read_session, unit_of_work
from models.entities import AuditEntry
from models.security import SYSTEM_ACTOR, Role
from models.services import users as users_service

ENTRIES = 40
KINDS = ("edit", "delete", "reorder", "rehash")


@pytest.fixture(autouse=True)
def cheap_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(auth, "CURRENT_KDF", auth.KdfParams(64, 1, 1))


@pytest.fixture
def chain(db: Database) -> tuple[Database, tuple[int, str]]:
    with unit_of_work(db, SYSTEM_ACTOR) as session:
        for i in range(ENTRIES):
            audit.record(session, "update", "member", f"id-{i}", before={"x": i}, after={"x": i + 1})
    with read_session(db, SYSTEM_ACTOR) as session:
        anchor = audit.head(session)
        assert audit.verify(session, anchor=anchor).ok
    return db, anchor


def _tamper(session: object, kind: str, target: int, last: int, rng: random.Random) -> None:
    conn = session.connection()  # type: ignore[attr-defined]
    if kind == "edit":
        column = rng.choice(["actor", "action", "entity", "record_id", "fields", "after_digest", "at"])
        value = "2020-01-01 00:00:00.000000" if column == "at" else "x"
        conn.execute(text(f"UPDATE audit_log SET {column} = :v WHERE id = :id"), {"v": value, "id": target})
    elif kind == "delete":
        conn.execute(text("DELETE FROM audit_log WHERE id = :id"), {"id": target})
    elif kind == "reorder":
        other = rng.choice([i for i in range(1, last + 1) if i != target])
        conn.execute(text("UPDATE audit_log SET id = -1 WHERE id = :a"), {"a": target})
        conn.execute(text("UPDATE audit_log SET id = :a WHERE id = :b"), {"a": target, "b": other})
        conn.execute(text("UPDATE audit_log SET id = :b WHERE id = -1"), {"b": other})
    else:  # rehash: change the content and recompute this entry's own hash
        entry = session.get(AuditEntry, target)  # type: ignore[attr-defined]
        entry.record_id = "forged"
        entry.hash = audit.entry_hash(entry)
        session.flush()  # type: ignore[attr-defined]


TRIALS = 200


def test_random_tampering_is_detected(chain: tuple[Database, tuple[int, str]]) -> None:
    db, anchor = chain
    last = anchor[0]
    detected = dict.fromkeys(KINDS, 0)
    for seed in range(TRIALS):
        rng = random.Random(seed)
        kind = KINDS[seed % len(KINDS)]
        target = rng.choice([1, last, rng.randint(1, last)])  # the ends are the hard cases
        session = db.sessions()
        session.info["actor"] = SYSTEM_ACTOR
        try:
            _tamper(session, kind, target, last, rng)
            report = audit.verify(session, anchor=anchor)
            assert not report.ok, (kind, target)
            assert report.first_broken_id is not None
            assert report.first_broken_id <= target + 1, (kind, target, report)
            detected[kind] += 1
        finally:
            session.rollback()
            session.close()
    assert detected == {kind: TRIALS // len(KINDS) for kind in KINDS}
    with read_session(db, SYSTEM_ACTOR) as check:
        assert audit.verify(check, anchor=anchor).ok


def test_without_an_anchor_only_the_newest_entry_can_be_rewritten(
    chain: tuple[Database, tuple[int, str]],
) -> None:
    """Why the anchor exists: the chain alone cannot see a re-hash of its last entry."""
    db, anchor = chain
    session = db.sessions()
    session.info["actor"] = SYSTEM_ACTOR
    try:
        _tamper(session, "rehash", anchor[0], anchor[0], random.Random(0))
        assert audit.verify(session).ok
        assert audit.verify(session, anchor=anchor).first_broken_id == anchor[0]
    finally:
        session.rollback()
        session.close()


def test_logins_user_changes_and_key_changes_are_audited(tmp_path: Path) -> None:
    path = tmp_path / "xa.db"
    admin, _ = keyring.create_encrypted_database(path, "quantri", "mật khẩu dài", check_drive=False)
    with admin:
        uid = keyring.add_user(
            admin, users_service.UserInput("vanthu", "Cầm Thị Lan", frozenset({Role.CLERK})), "đầu tiên 2026"
        )
        with unit_of_work(admin.db, admin.actor) as session:
            users_service.update_user(session, uid, "Cầm Thị Lan", frozenset({Role.CLERK, Role.APPROVER}))
        keyring.reset_password(admin, uid, "đặt lại 2026")
    with pytest.raises(auth.WrongCredentials):
        keyring.unlock(path, "vanthu", "sai rồi nhé", check_drive=False)
    with keyring.unlock(path, "vanthu", "đặt lại 2026", check_drive=False) as clerk:
        keyring.change_own_password(clerk, "đặt lại 2026", "của tôi 2026")
        with read_session(clerk.db, clerk.actor) as session:
            rows = [(e.actor, e.action, e.entity) for e in session.query(AuditEntry).order_by(AuditEntry.id)]
            blob = " ".join(
                f"{e.fields} {e.before_digest} {e.after_digest}" for e in session.query(AuditEntry)
            )
        report = keyring.verify_audit(clerk)
    assert ("system", "key_created", "key_slot") in rows
    assert ("quantri", "create", "user") in rows
    assert ("quantri", "update", "user") in rows
    assert ("quantri", "password_reset", "key_slot") in rows
    assert ("vanthu", "login_failed", "user") in rows
    assert ("vanthu", "login", "user") in rows
    assert ("vanthu", "password_changed", "key_slot") in rows
    assert "Cầm" not in blob  # only field names and keyed digests
    assert report.ok
    assert report.entries == len(rows)


def test_anchor_in_the_key_file_catches_truncation(tmp_path: Path) -> None:
    path = tmp_path / "xa.db"
    admin, _ = keyring.create_encrypted_database(path, "quantri", "mật khẩu dài", check_drive=False)
    admin.close()  # the anchor is saved at close
    anchor = keyring.read_keyring(path).anchor
    assert anchor is not None
    with keyring.unlock(path, "quantri", "mật khẩu dài", check_drive=False) as unlocked:
        with unit_of_work(unlocked.db, unlocked.actor) as session:
            session.execute(text("DELETE FROM audit_log WHERE id = :id"), {"id": anchor[0]})
        report = keyring.verify_audit(unlocked)
        assert not report.ok
    assert keyring.read_keyring(path).anchor == anchor  # a broken chain does not move the anchor


def test_verify_audit_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import main

    monkeypatch.setenv("DUX_DATA_DIR", str(tmp_path / "data"))
    path = tmp_path / "xa.db"
    admin, _ = keyring.create_encrypted_database(path, "quantri", "mật khẩu dài", check_drive=False)
    admin.close()
    monkeypatch.setenv(keyring.ENV_USER, "quantri")
    monkeypatch.setenv(keyring.ENV_PASSWORD, "mật khẩu dài")
    monkeypatch.setattr(main, "setup_logging", lambda verbose=False: tmp_path / "app.log")
    assert main.main(["verify-audit", str(path)]) == 0
    assert "chuỗi nguyên vẹn" in capsys.readouterr().out
    unlocked = keyring.unlock(path, "quantri", "mật khẩu dài", check_drive=False)
    with unlocked, unit_of_work(unlocked.db, unlocked.actor) as session:
        session.execute(text("UPDATE audit_log SET action = 'x' WHERE id = 2"))
    assert main.main(["verify-audit", str(path)]) == 1
    assert "mục #2" in capsys.readouterr().out


# ---------------------------------------------------------------- printing, exporting, backup, restore

PASSWORD = "mật khẩu dài"
OUTPUT_ACTIONS = {"print", "export", "import", "backup", "restore"}


def small_commune(path: Path) -> tuple[str, str]:
    """An encrypted commune with one cell, three members and a held meeting; (cell id, meeting id)."""
    from datetime import date

    from models.services import meetings as mt
    from models.services import organisation as org
    from tests import builders
    from tests.conftest import UNIT

    admin, _ = keyring.create_encrypted_database(path, "quantri", PASSWORD, check_drive=False)
    with admin:
        keyring.update_account(
            admin, admin.actor.user_id, "Quản trị", frozenset({Role.ADMIN, Role.CLERK, Role.APPROVER})
        )
        with unit_of_work(admin.db, SYSTEM_ACTOR) as session:
            org.setup_unit(session, UNIT)
            cell = builders.village_and_cell(session)
            for given in ("An", "Bình", "Chiến"):
                builders.admit(session, cell, builders.profile(given=given, cccd=None))
            meeting = mt.save_meeting(
                session,
                mt.MeetingInput(
                    cell_id=cell,
                    kind="regular",
                    month="2026-02",
                    held_date=date(2026, 2, 3),
                    start_time="19:30",
                    end_time="21:30",
                    place="nhà văn hóa bản Na Hát",
                    chair_name="Lò Văn An",
                    secretary_name="Lò Văn Bình",
                ),
            )
    return cell, meeting.id


@dataclass(frozen=True)
class Logged:
    action: str
    entity: str
    record_id: str
    actor: str
    fields: list[str]


def _head(path: Path) -> int:
    with (
        keyring.unlock(path, "quantri", PASSWORD, check_drive=False) as unlocked,
        read_session(unlocked.db, unlocked.actor) as session,
    ):
        return audit.head(session)[0]


def _entries_after(path: Path, last: int) -> list[Logged]:
    with (
        keyring.unlock(path, "quantri", PASSWORD, check_drive=False) as unlocked,
        read_session(unlocked.db, unlocked.actor) as session,
    ):
        rows = session.scalars(select(AuditEntry).where(AuditEntry.id > last).order_by(AuditEntry.id))
        return [Logged(e.action, e.entity, e.record_id, e.actor, json.loads(e.fields)) for e in rows]


def test_every_document_command_backup_and_restore_is_audited_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 3: printing and exporting append an audit entry (who, what kind of record, how many
    rows, the format; no personal value, no file path), and the chain still verifies afterwards."""
    import main

    monkeypatch.setenv("DUX_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv(keyring.ENV_USER, "quantri")
    monkeypatch.setenv(keyring.ENV_PASSWORD, PASSWORD)
    monkeypatch.setattr(main, "setup_logging", lambda verbose=False: tmp_path / "app.log")
    path = tmp_path / "xa.db"
    _cell, meeting_id = small_commune(path)
    out = tmp_path / "ra"
    out.mkdir()
    backups = tmp_path / "usb"
    commands: list[tuple[list[str], str, str, str]] = [  # argv, action, entity, format
        (["minutes", str(path), meeting_id, "--out", str(out / "bb.pdf")], "export", "minutes", "pdf"),
        (
            [
                "minutes",
                str(path),
                "--blank",
                "--cell",
                "na hat",
                "--month",
                "2026-03",
                "--out",
                str(out / "t.pdf"),
            ],
            "export",
            "blank_minutes",
            "pdf",
        ),
        (["register", str(path), "--out", str(out / "sds.pdf")], "export", "register", "pdf"),
        (["register", str(path), "--out", str(out / "sds.xlsx")], "export", "register", "xlsx"),
        (
            ["report", str(path), "--period", "2026-Q1", "--out", str(out / "bc.pdf")],
            "export",
            "report",
            "pdf",
        ),
        (
            ["report", str(path), "--period", "2026-Q1", "--out", str(out / "bc.xlsx")],
            "export",
            "report",
            "xlsx",
        ),
        (
            ["dues-sheet", str(path), "--cell", "na hat", "--month", "2026-02", "--out", str(out / "dp.pdf")],
            "export",
            "dues_sheet",
            "pdf",
        ),
        (["backup", str(path), "--to", str(backups)], "backup", "database", "db"),
    ]
    for argv, action, entity, file_format in commands:
        last = _head(path)
        assert main.main(argv) == 0, (argv, capsys.readouterr())
        new = [e for e in _entries_after(path, last) if e.action in OUTPUT_ACTIONS]
        assert [(e.action, e.entity, e.actor) for e in new] == [(action, entity, "quantri")], argv
        fields = new[0].fields
        assert f"format={file_format}" in fields
        assert not any(str(out) in f or "Thanh" in f or "Lò" in f for f in fields)
    register_rows = [e for e in _entries_after(path, 0) if e.entity == "register"]
    assert register_rows[0].fields[0] == "count=3"  # three members went out
    minutes_entry = next(e for e in _entries_after(path, 0) if e.entity == "minutes")
    assert minutes_entry.record_id == meeting_id

    # Restore the backup: the restored database records the restore on top of its own chain.
    backup_file = next(backups.glob("*.db"))
    before = len(_entries_after(path, 0))
    assert main.main(["restore", str(backup_file), "--to", str(path), "--yes"]) == 0
    restored = _entries_after(path, 0)
    outputs = [(e.action, e.entity) for e in restored if e.action in OUTPUT_ACTIONS]
    # The backup was taken before its own entry: the restored chain has the exports, then the restore.
    assert outputs == [("export", entity) for _a, _b, entity, _c in commands[:-1]] + [("restore", "database")]
    assert len(restored) < before
    capsys.readouterr()
    assert main.main(["verify-audit", str(path)]) == 0
    assert "chuỗi nguyên vẹn" in capsys.readouterr().out


def test_record_output_refuses_an_unknown_action_and_stores_only_counts(db: Database) -> None:
    with unit_of_work(db, SYSTEM_ACTOR) as session:
        entry = audit.record_output(session, "print", "register", count=12, file_format=".PDF")
        with pytest.raises(ValueError, match="unknown output action"):
            audit.record_output(session, "photocopy", "register")
    assert (entry.action, entry.entity, json.loads(entry.fields)) == (
        "print",
        "register",
        ["count=12", "format=pdf"],
    )
    assert entry.before_digest == entry.after_digest == ""
    with read_session(db, SYSTEM_ACTOR) as session:
        assert audit.verify(session).ok
