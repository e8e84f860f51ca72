"""Login, key slots, lockout, password changes, recovery and the headless credentials."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from exports import keyring
from models import auth
from models.db import read_session
from models.entities import AuditEntry
from models.errors import RuleViolation, StorageError, ValidationError
from models.security import Role
from models.services import users as users_service

PASSWORD = "mật khẩu dài"


class Clock:
    def __init__(self) -> None:
        self.t = 1_800_000_000.0

    def __call__(self) -> float:
        return self.t


@pytest.fixture(autouse=True)
def cheap_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests derive many keys: keep each under a millisecond (the real cost is tested below)."""
    monkeypatch.setattr(auth, "CURRENT_KDF", auth.KdfParams(64, 1, 1))


@pytest.fixture
def created(tmp_path: Path) -> tuple[Path, str]:
    path = tmp_path / "xa.db"
    unlocked, code = keyring.create_encrypted_database(
        path, "quantri", PASSWORD, full_name="Lò Văn Quản", check_drive=False
    )
    unlocked.close()
    return path, code


def _login(path: Path, login: str = "quantri", password: str = PASSWORD, **kw: object) -> keyring.Unlocked:
    return keyring.unlock(path, login, password, check_drive=False, **kw)  # type: ignore[arg-type]


def _actions(unlocked: keyring.Unlocked) -> list[str]:
    with read_session(unlocked.db, unlocked.actor) as session:
        return [e.action for e in session.query(AuditEntry).order_by(AuditEntry.id)]


def test_default_cost_meets_owasp_minimum() -> None:
    real = auth.KdfParams(64 * 1024, 2, 1)
    assert not real.weaker_than(auth.OWASP_MINIMUM)


def test_first_administrator_logs_in(created: tuple[Path, str]) -> None:
    path, code = created
    assert len(code) == 29
    with _login(path) as unlocked:
        # a one-person office: the first administrator holds every role (changeable later)
        assert unlocked.actor.roles == frozenset({Role.ADMIN, Role.CLERK, Role.APPROVER, Role.INSPECTION})
        assert unlocked.actor.login == "quantri"
        assert not unlocked.must_change_password
        assert _actions(unlocked)[-1] == "login"


def test_login_is_case_and_normalisation_insensitive(created: tuple[Path, str]) -> None:
    path, _ = created
    nfd = unicodedata.normalize("NFD", PASSWORD)
    assert nfd != PASSWORD
    _login(path, " QuanTri ", nfd).close()


def test_key_file_names_no_login_and_no_full_name(created: tuple[Path, str]) -> None:
    path, _ = created
    raw = keyring.keyring_path(path).read_bytes()
    for needle in ("quantri", "Quản", "Lò Văn", "Lo Van"):
        assert needle.encode() not in raw
    data = json.loads(raw)
    assert data["format"] == "dux-keyring"
    assert len(data["slots"]) == 1


def test_wrong_password_delays_then_locks_until_admin_unlock(created: tuple[Path, str]) -> None:
    path, _ = created
    clock = Clock()
    with _login(path) as admin:
        clerk_id = keyring.add_user(
            admin, users_service.UserInput("vanthu", "Cầm Thị Lan", frozenset({Role.CLERK})), "bắt đầu 2026"
        )
    for attempt in range(1, auth.LOCK_AFTER + 1):
        with pytest.raises(auth.WrongCredentials) as wrong:
            _login(path, "vanthu", "sai mật khẩu", clock=clock)
        assert wrong.value.left_before_lock == auth.LOCK_AFTER - attempt
        delay = auth.delay_after(attempt)
        if delay and attempt < auth.LOCK_AFTER:
            # Even the right password waits.
            with pytest.raises(auth.LoginDelayed) as waited:
                _login(path, "vanthu", "bắt đầu 2026", clock=clock)
            assert waited.value.seconds == delay
            assert str(delay) in waited.value.text()
        clock.t += delay + 1
    with pytest.raises(auth.LoginLocked):
        _login(path, "vanthu", "bắt đầu 2026", clock=clock)
    with _login(path, clock=clock) as admin:
        assert keyring.slot_states(admin)[clerk_id].locked
        keyring.unlock_account(admin, clerk_id)
        assert "unlock" in _actions(admin)
    with _login(path, "vanthu", "bắt đầu 2026", clock=clock) as clerk:
        assert clerk.must_change_password
        actions = _actions(clerk)
    assert actions.count("login_failed") == auth.LOCK_AFTER


def test_delays_grow_and_are_capped() -> None:
    delays = [auth.delay_after(n) for n in range(1, 15)]
    assert delays[:2] == [0, 0]
    assert delays == sorted(delays)
    assert max(delays) == auth.MAX_DELAY_S


def test_unknown_login_is_refused_like_a_wrong_password_and_not_kept(created: tuple[Path, str]) -> None:
    path, _ = created
    with pytest.raises(auth.WrongCredentials):
        _login(path, "MatKhauGoNham", PASSWORD)
    raw = keyring.keyring_path(path).read_bytes()
    assert b"MatKhauGoNham".lower() not in raw.lower()
    with _login(path) as unlocked:
        assert _actions(unlocked)[-2:] == ["login_failed", "login"]


def test_password_change_rewraps_only_that_slot(created: tuple[Path, str]) -> None:
    path, _ = created
    before = json.loads(keyring.keyring_path(path).read_bytes())
    db_bytes = path.read_bytes()[:4096]
    with _login(path) as unlocked:
        keyring.change_own_password(unlocked, PASSWORD, "mật khẩu mới hơn")
        with pytest.raises(auth.WrongCredentials):
            keyring.change_own_password(unlocked, "không phải", "mật khẩu thứ ba")
        assert "password_changed" in _actions(unlocked)
    after = json.loads(keyring.keyring_path(path).read_bytes())
    assert after["db_id"] == before["db_id"]
    assert after["slots"] != before["slots"]
    assert path.read_bytes()[:4096] == db_bytes  # the database page 1 (salt) is unchanged
    with pytest.raises(auth.WrongCredentials):
        _login(path)
    _login(path, password="mật khẩu mới hơn").close()


def test_new_password_policy(created: tuple[Path, str]) -> None:
    path, _ = created
    with _login(path) as unlocked:
        with pytest.raises(ValidationError):
            keyring.change_own_password(unlocked, PASSWORD, "ngắn")
        with pytest.raises(ValidationError):
            keyring.change_own_password(unlocked, PASSWORD, "QUANTRI ")


def test_reset_and_deactivate(created: tuple[Path, str]) -> None:
    path, _ = created
    with _login(path) as admin:
        uid = keyring.add_user(
            admin,
            users_service.UserInput("kiemtra", "Quàng Văn Kiểm", frozenset({Role.INSPECTION})),
            "lần đầu 2026",
        )
        keyring.reset_password(admin, uid, "đặt lại 2026")
    with pytest.raises(auth.WrongCredentials):
        _login(path, "kiemtra", "lần đầu 2026")
    with _login(path, "kiemtra", "đặt lại 2026") as user:
        assert user.must_change_password
        assert user.actor.roles == frozenset({Role.INSPECTION})
        keyring.change_own_password(user, "đặt lại 2026", "của riêng tôi")
        assert vars(user)["must_change_password"] is False
    with _login(path) as admin:
        keyring.set_active(admin, uid, False)
        with pytest.raises(RuleViolation):
            keyring.set_active(admin, admin.actor.user_id, False)
    with pytest.raises(auth.WrongCredentials):
        _login(path, "kiemtra", "của riêng tôi")
    with _login(path) as admin:
        keyring.set_active(admin, uid, True, password="quay lại 2026")
    _login(path, "kiemtra", "quay lại 2026").close()


def test_last_administrator_keeps_the_role(created: tuple[Path, str]) -> None:
    path, _ = created
    with _login(path) as admin, pytest.raises(RuleViolation):
        from models.db import unit_of_work

        with unit_of_work(admin.db, admin.actor) as session:
            users_service.update_user(session, admin.actor.user_id, "Lò Văn Quản", frozenset({Role.CLERK}))


def test_rehash_on_login_when_cost_rises(created: tuple[Path, str], monkeypatch: pytest.MonkeyPatch) -> None:
    path, _ = created
    monkeypatch.setattr(auth, "CURRENT_KDF", auth.KdfParams(128, 2, 1))
    with _login(path) as unlocked:
        assert "rehash" in _actions(unlocked)
    slot = next(iter(json.loads(keyring.keyring_path(path).read_bytes())["slots"].values()))
    assert slot["kdf"] == {"m": 128, "t": 2, "p": 1}
    _login(path).close()


def test_slot_moved_to_another_user_does_not_open(created: tuple[Path, str]) -> None:
    path, _ = created
    kp = keyring.keyring_path(path)
    data = json.loads(kp.read_bytes())
    slot = next(iter(data["slots"].values()))
    slot["user_id"] = "00000000-0000-0000-0000-000000000000"
    kp.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(auth.WrongCredentials):
        _login(path)
    slot["kdf"]["m"] = 8  # lowering the stored cost does not help either
    kp.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(auth.WrongCredentials):
        _login(path)


def test_recovery_code_rebuilds_a_lost_key_file(created: tuple[Path, str]) -> None:
    path, code = created
    keyring.keyring_path(path).unlink()
    with pytest.raises(StorageError) as missing:
        _login(path)
    assert missing.value.kind == "keyring_missing"
    with pytest.raises(auth.WrongRecoveryCode):
        keyring.recover(path, auth.new_recovery_code(), "quantri", "mới sau khôi phục", check_drive=False)
    typed = code.lower().replace("-", " ")
    with keyring.recover(path, typed, "quantri", "mới sau khôi phục", check_drive=False) as unlocked:
        assert "recovery_used" in _actions(unlocked)
    _login(path, password="mới sau khôi phục").close()


def test_bad_recovery_code_text_is_a_field_error() -> None:
    with pytest.raises(ValidationError) as exc:
        auth.parse_recovery_code("12345")
    assert exc.value.field == "recovery_code"
    code = auth.new_recovery_code()
    assert auth.parse_recovery_code(code.replace("0", "O").lower()) == code.replace("-", "")


@pytest.mark.parametrize(
    "content", [b"", b"not json", b"{}", b'{"format":"dux-keyring","version":1,"slots":[]}', b"\xff\xfe"]
)
def test_damaged_key_file_is_a_clear_error(created: tuple[Path, str], content: bytes) -> None:
    path, _ = created
    keyring.keyring_path(path).write_bytes(content)
    with pytest.raises(StorageError) as exc:
        _login(path)
    assert exc.value.kind == "keyring"
    assert "mã khôi phục" in exc.value.text()


def test_headless_credentials(
    created: tuple[Path, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, _ = created
    monkeypatch.delenv(keyring.ENV_PASSWORD, raising=False)
    monkeypatch.delenv(keyring.ENV_USER, raising=False)
    with pytest.raises(StorageError) as exc:
        keyring.credentials_from_env(path)
    assert "DUX_PASSWORD" in exc.value.text()
    monkeypatch.setenv(keyring.ENV_USER, "quantri")
    monkeypatch.setenv(keyring.ENV_PASSWORD, PASSWORD)
    keyring.unlock_from_env(path, check_drive=False).close()

    demo_path = tmp_path / "demo.db"
    demo, _ = keyring.create_encrypted_database(
        demo_path, keyring.DEMO_LOGIN, keyring.DEMO_PASSWORD, demo=True, check_drive=False
    )
    assert demo.demo
    demo.close()
    monkeypatch.delenv(keyring.ENV_PASSWORD)
    monkeypatch.delenv(keyring.ENV_USER)
    assert keyring.credentials_from_env(demo_path) == ("admin", "demo2026")
    with keyring.unlock_from_env(demo_path, check_drive=False) as unlocked:
        assert unlocked.demo
        assert Role.ADMIN in unlocked.actor.roles


def test_create_refuses_an_existing_file(created: tuple[Path, str]) -> None:
    path, _ = created
    from models.errors import Conflict

    with pytest.raises(Conflict):
        keyring.create_encrypted_database(path, "quantri", PASSWORD, check_drive=False)


def test_real_cost_takes_under_a_second() -> None:
    import time

    started = time.perf_counter()
    auth.derive_kek(PASSWORD, b"0" * 16, auth.KdfParams(64 * 1024, 2, 1))
    assert time.perf_counter() - started < 1.0
