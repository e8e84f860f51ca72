"""`main.py init`: a real installation of either role, headless. Not a demo database; the demo
password opens nothing; refusals are Vietnamese messages with exit status 1 (2 for wrong usage)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

import main
from exports import keyring
from models import auth, setup
from models.db import read_session
from models.services import organisation as org
from models.services.users import FIRST_ADMIN_ROLES

PASSWORD = "hoa ban nở tháng ba"


@pytest.fixture(autouse=True)
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(auth, "CURRENT_KDF", auth.KdfParams(64, 1, 1))
    monkeypatch.setenv("DUX_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("DUX_PASSWORD", PASSWORD)
    monkeypatch.delenv("DUX_USER", raising=False)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main.main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_init_creates_a_real_commune(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = tmp_path / "xa.db"
    code, out, _err = run(
        capsys, "init", str(db), "--role", "commune", "--unit", "Đảng bộ xã Mường Lèo", "--province", "Sơn La"
    )
    assert code == 0
    assert "Đã tạo cơ sở dữ liệu thật (cấp xã) của Đảng bộ xã Mường Lèo" in out
    assert "Cấp trên: Tỉnh ủy Sơn La" in out
    [line] = [x for x in out.splitlines() if x.startswith("MÃ KHÔI PHỤC")]
    recovery = line.rsplit(" ", 1)[1]
    assert len(recovery) == 29 and out.count(recovery) == 1  # printed once
    assert not keyring.read_keyring(db).demo
    with keyring.unlock(db, "quantri", PASSWORD, check_drive=False) as unlocked:
        assert unlocked.actor.roles == FIRST_ADMIN_ROLES
        assert not unlocked.demo
        with read_session(unlocked.db, unlocked.actor) as session:
            assert setup.installation(session).level == setup.COMMUNE
            unit = org.own_unit(session)
            [upper] = org.upper_levels(session)
        assert (unit.committee_name, unit.place_name, unit.symbol) == (
            "Đảng ủy xã Mường Lèo",
            "Mường Lèo",
            "ĐU",
        )
        assert (upper.name, upper.symbol, upper.header_line) == (
            "Tỉnh ủy Sơn La",
            "TU",
            "ĐẢNG BỘ TỈNH SƠN LA",
        )
    # The recovery code printed opens it too.
    keyring.recover(db, recovery, "quantri", "một mật khẩu mới dài", check_drive=False).close()


def test_init_creates_a_real_province_and_the_demo_password_opens_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "tinh.db"
    code, out, _err = run(capsys, "init", str(db), "--role", "upper", "--unit", "Đảng bộ tỉnh Sơn La")
    assert code == 0
    assert "(cấp tỉnh)" in out
    assert "Cấp trên: không có" in out
    with (
        keyring.unlock(db, "quantri", PASSWORD, check_drive=False) as unlocked,
        read_session(unlocked.db, unlocked.actor) as session,
    ):
        assert setup.installation(session) == setup.Installation(setup.PROVINCE, demo=False)
        assert org.upper_levels(session) == []
        assert org.own_unit(session).committee_name == "Tỉnh ủy Sơn La"
    with pytest.raises(auth.WrongCredentials):
        keyring.unlock(db, keyring.DEMO_LOGIN, keyring.DEMO_PASSWORD, check_drive=False)
    with pytest.raises(auth.WrongCredentials):
        keyring.unlock(db, "quantri", keyring.DEMO_PASSWORD, check_drive=False)
    # A headless command without DUX_PASSWORD is refused (no demo fallback for a real database).
    monkeypatch.delenv("DUX_PASSWORD")
    code, _out, err = run(capsys, "verify-audit", str(db))
    assert code == 1
    assert "DUX_PASSWORD" in err
    monkeypatch.setenv("DUX_PASSWORD", keyring.DEMO_PASSWORD)
    code, _out, err = run(capsys, "verify-audit", str(db))
    assert code == 1
    assert "Sai tên đăng nhập hoặc mật khẩu" in err


def test_init_district_with_its_upper_level(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = tmp_path / "may-moi" / "huyen.db"  # a folder that does not exist yet is made
    code, _out, _err = run(
        capsys,
        "init",
        str(db),
        "--role",
        "upper",
        "--level",
        "district",
        "--unit",
        "Đảng bộ huyện Sốp Cộp",
        "--upper",
        "Tỉnh ủy Sơn La",
        "--upper-from",
        "1/1/2015",
        "--admin",
        "vanphong",
    )
    assert code == 0
    with (
        keyring.unlock(db, "vanphong", PASSWORD, check_drive=False) as unlocked,
        read_session(unlocked.db, unlocked.actor) as session,
    ):
        assert setup.installation(session).level == setup.DISTRICT
        assert org.own_unit(session).committee_name == "Huyện ủy Sốp Cộp"
        [upper] = org.upper_levels(session)
        assert (upper.symbol, upper.header_line) == ("TU", "ĐẢNG BỘ TỈNH SƠN LA")
        assert upper.valid_from.year == 2015


def test_init_refusals(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "xa.db"
    args = ("init", str(db), "--role", "commune", "--unit", "Đảng bộ xã Mường Lèo", "--province", "Sơn La")
    monkeypatch.setenv("DUX_PASSWORD", "ngắn")
    code, _out, err = run(capsys, *args)
    assert (code, "Mật khẩu cần ít nhất 8 ký tự" in err) == (1, True)
    assert not db.exists() and not keyring.keyring_path(db).exists()
    monkeypatch.setenv("DUX_PASSWORD", keyring.DEMO_PASSWORD)
    code, _out, err = run(capsys, *args)
    assert (code, "mật khẩu của dữ liệu mẫu" in err) == (1, True)
    assert not db.exists()
    # No DUX_PASSWORD and no terminal to type it on.
    monkeypatch.delenv("DUX_PASSWORD")
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    code, _out, err = run(capsys, *args)
    assert (code, "DUX_PASSWORD" in err) == (1, True)
    # Typed twice on a terminal, differently.
    monkeypatch.setattr("sys.stdin.isatty", lambda: True, raising=False)
    answers = iter(["hoa ban nở tháng ba", "hoa ban nở tháng tư"])
    monkeypatch.setattr("getpass.getpass", lambda _prompt: next(answers))
    code, _out, err = run(capsys, *args)
    assert (code, "không giống nhau" in err) == (1, True)
    assert not db.exists()
    answers = iter([PASSWORD, PASSWORD])
    code, out, _err = run(capsys, *args)
    assert code == 0 and "MÃ KHÔI PHỤC" in out
    # The file exists now.
    monkeypatch.setenv("DUX_PASSWORD", PASSWORD)
    code, _out, err = run(capsys, *args)
    assert (code, "đã có" in err) == (1, True)
    # Wrong usage: exit 2.
    assert run(capsys, "init", str(tmp_path / "b.db"), "--role", "tinh", "--unit", "X")[0] == 2
    assert run(capsys, "init", str(tmp_path / "b.db"), "--role", "commune")[0] == 2
    code, _out, err = run(
        capsys, "init", str(tmp_path / "c.db"), "--role", "commune", "--unit", "Đảng bộ xã A"
    )
    assert code == 2 and "--province" in err


def test_help_lists_init(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = run(capsys, "--help")
    assert code == 0
    assert "init" in out and "--demo" in out
    code, out, _err = run(capsys, "init", "--help")
    assert code == 0
    assert "--role" in out and "DUX_PASSWORD" in out
