"""The audit chain: random tampering (edit, delete, reorder, re-hash of any entry) is detected, and
logins, user changes and key changes are recorded."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from sqlalchemy import text

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
