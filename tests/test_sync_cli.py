"""The receiving side's command line (issue 14 §7–9): `import` of the USB folder itself, oldest first,
with a machine-readable summary line and exit codes for imported / nothing new / refused; `enrol
--issue` requires the role, a mistaken enrolment can be corrected, a key replacement is loud and needs
`--replace`; `ack --file` given a folder or a missing path; `consolidate` writes numbers as numbers and
is audited through the same operation as the window."""

from __future__ import annotations

import os
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

import main
from exports import keyring
from exports import sync as sx
from forms.consolidated import SUMMARY_KEYS
from forms.periods import Period
from forms.quarterly import build_report
from models.db import Database, read_session, unit_of_work
from models.entities import AuditEntry
from models.errors import RuleViolation
from models.security import SYSTEM_ACTOR
from models.services import organisation as org
from models.services import sync as ss
from tests.test_sync import PROVINCE, _unit, fill_commune

LOGIN, PASSWORD = "quantri", "mật khẩu dài"


@pytest.fixture
def province_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An encrypted receiving database, as the command line opens it (credentials from the environment)."""
    monkeypatch.setenv("DUX_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv(keyring.ENV_USER, LOGIN)
    monkeypatch.setenv(keyring.ENV_PASSWORD, PASSWORD)
    monkeypatch.setattr(main, "setup_logging", lambda verbose=False: tmp_path / "app.log")
    path = tmp_path / "tinh.db"
    admin, _ = keyring.create_encrypted_database(path, LOGIN, PASSWORD, check_drive=False)
    with admin, unit_of_work(admin.db, SYSTEM_ACTOR) as s:
        org.setup_unit(s, PROVINCE)
    return path


@pytest.fixture
def commune(db: Database) -> Database:
    return fill_commune(db)


def _province(path: Path) -> keyring.Unlocked:
    return keyring.unlock(path, LOGIN, PASSWORD, check_drive=False)


def _enrol_both(commune: Database, province_path: Path) -> None:
    with (
        _province(province_path) as p,
        unit_of_work(p.db, SYSTEM_ACTOR) as ps,
        unit_of_work(commune, SYSTEM_ACTOR) as cs,
    ):
        ss.enrol(cs, ss.own_bundle(ps, "upper"))
        ss.enrol(ps, ss.own_bundle(cs, "commune"))


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str], str]:
    code = main.main(args)
    captured = capsys.readouterr()
    return code, captured.out.splitlines(), captured.err


def _audit_actions(path: Path) -> list[tuple[str, str, str]]:
    with _province(path) as p, read_session(p.db, SYSTEM_ACTOR) as s:
        rows = s.execute(
            select(AuditEntry.action, AuditEntry.entity, AuditEntry.record_id).order_by(AuditEntry.id)
        )
        return [(a, e, r) for a, e, r in rows]


def test_import_of_the_usb_folder_oldest_first_with_summary_and_exit_codes(
    commune: Database, province_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _enrol_both(commune, province_path)
    stick = tmp_path / "usb"
    stick.mkdir()
    first = sx.export_package(commune, SYSTEM_ACTOR, stick).path
    with unit_of_work(commune, SYSTEM_ACTOR) as s:
        org.add_village(s, org.VillageInput("Bản Mới"))
    second = sx.export_package(commune, SYSTEM_ACTOR, stick).path
    os.utime(second, (1_000_000, 1_000_000))  # older on disk than #1: the name decides the order
    (stick / "DUXACK-1234ABCD-000001-20261101.duxpkg").write_bytes(b"an acknowledgment for a commune")
    (stick / "DANGKY-1234ABCD.duxkey").write_bytes(b"{}")

    code, lines, err = _run(["import", str(province_path), str(stick)], capsys)
    assert (code, err) == (0, "")
    assert lines[0].startswith("Đã nhập gói số 1 của Đảng bộ xã Mường Lèo:")
    assert lines[1].startswith("Đã nhập gói số 2 của Đảng bộ xã Mường Lèo: 1 bản ghi.")
    assert lines[-1].startswith("SUMMARY applied=2 replayed=0 held=0 refused=0 previewed=0 records=")

    code, lines, _err = _run(["import", str(province_path), str(stick)], capsys)
    assert code == main.EXIT_NOTHING_NEW == 3
    assert lines[-1] == "SUMMARY applied=0 replayed=2 held=0 refused=0 previewed=0 records=0"

    garbage = stick / "DUX-00000000-000009-20261102.duxpkg"
    garbage.write_bytes(b"not a package at all")
    code, lines, err = _run(["import", str(province_path), str(garbage), str(first)], capsys)
    assert code == main.EXIT_REFUSED
    assert f"Tệp {garbage.name} không phải gói dữ liệu của chương trình." in err
    assert lines[-1] == "SUMMARY applied=0 replayed=1 held=0 refused=1 previewed=0 records=0"
    assert "Traceback" not in err

    empty = tmp_path / "empty"
    empty.mkdir()
    code, lines, err = _run(["import", str(province_path), str(empty)], capsys)
    assert code == main.EXIT_NOTHING_NEW and "Không có gói dữ liệu nào (.duxpkg)" in err

    code, lines, _err = _run(["import", "--help"], capsys)
    help_text = " ".join(lines)
    assert code == 0 and "SUMMARY" in help_text and "3 không có gì mới" in help_text
    assert ("sync.refused", "sync_package") in {(a, e) for a, e, _ in _audit_actions(province_path)}


def test_enrol_requires_the_role_corrects_a_mistake_and_replaces_keys_only_when_told(
    commune: Database, province_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    issued = tmp_path / "issued"
    issued.mkdir()
    code, _lines, err = _run(["enrol", str(province_path), "--issue", str(issued)], capsys)
    assert code == main.EXIT_USAGE and "--issue cần --role" in err
    assert list(issued.iterdir()) == []

    # The province issues its file with the wrong role; the commune accepts it, and cannot send.
    code, lines, _err = _run(
        ["enrol", str(province_path), "--issue", str(issued), "--role", "commune"], capsys
    )
    assert code == 0
    (wrong,) = issued.iterdir()
    assert sx.enrol_from_file(commune, SYSTEM_ACTOR, wrong).role == "commune"
    with pytest.raises(RuleViolation, match="Chưa đăng ký cấp trên"):
        sx.export_package(commune, SYSTEM_ACTOR, tmp_path)
    # The corrected file (same keys, the right role) takes effect.
    wrong.unlink()
    code, lines, _err = _run(["enrol", str(province_path), "--issue", str(issued), "--role", "upper"], capsys)
    (right,) = issued.iterdir()
    peer = sx.enrol_from_file(commune, SYSTEM_ACTOR, right)
    assert peer.role == "upper"
    with read_session(commune, SYSTEM_ACTOR) as s:
        assert [p.role for p in ss.peers(s)] == ["upper"]
    assert sx.export_package(commune, SYSTEM_ACTOR, tmp_path).sequence == 1

    # The commune's enrolment at the province, then its keys replaced (a new laptop): loud.
    (tmp_path / "c1").mkdir()
    (tmp_path / "c2").mkdir()
    path, fingerprint = sx.write_enrolment(commune, SYSTEM_ACTOR, tmp_path / "c1", "commune")
    code, _lines, _err = _run(
        ["enrol", str(province_path), "--accept", str(path), "--fingerprint", fingerprint], capsys
    )
    assert code == 0
    new_fingerprint = sx.replace_keys(commune, SYSTEM_ACTOR)
    new_path, issued_fingerprint = sx.write_enrolment(commune, SYSTEM_ACTOR, tmp_path / "c2", "commune")
    assert issued_fingerprint == new_fingerprint
    accept = ["enrol", str(province_path), "--accept", str(new_path), "--fingerprint", new_fingerprint]
    code, _lines, err = _run(accept, capsys)
    assert code == main.EXIT_REFUSED
    assert f"Mã đối chiếu đang dùng: {fingerprint}" in err
    assert f"Mã đối chiếu trong tệp: {new_fingerprint}" in err
    assert "gói của đơn vị thật bị từ chối" in err and "--replace" in err
    with _province(province_path) as p, read_session(p.db, SYSTEM_ACTOR) as s:
        assert [ss.readable_fingerprint(x.fingerprint) for x in ss.peers(s)] == [fingerprint]
    code, lines, err = _run([*accept, "--replace"], capsys)
    assert (code, err) == (0, "")
    assert lines == ["Đơn vị: Đảng bộ xã Mường Lèo; mã đối chiếu: " + new_fingerprint,
                     "Đã thay khóa của Đảng bộ xã Mường Lèo (đã ghi nhật ký).", "Đã đăng ký Đảng bộ xã Mường Lèo."]  # fmt: skip
    with _province(province_path) as p, read_session(p.db, SYSTEM_ACTOR) as s:
        assert [ss.readable_fingerprint(x.fingerprint) for x in ss.peers(s)] == [new_fingerprint]
        fields = s.scalars(
            select(AuditEntry.fields).where(AuditEntry.action == "sync.enrol").order_by(AuditEntry.id)
        ).all()
    assert "keys_replaced" in fields[-1]


def test_ack_file_given_a_folder_or_a_missing_path_is_a_clear_refusal(
    province_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from models.security import Role
    from models.services.users import UserInput

    with _province(province_path) as p:  # reading acknowledgments is the sending cycle (an approver may)
        keyring.add_user(
            p, UserInput("pheduyet", "Người phê duyệt", frozenset({Role.APPROVER})), "mật khẩu thứ hai"
        )
    monkeypatch.setenv(keyring.ENV_USER, "pheduyet")
    monkeypatch.setenv(keyring.ENV_PASSWORD, "mật khẩu thứ hai")
    code, _lines, err = _run(["ack", str(province_path), "--file", str(tmp_path)], capsys)
    assert code == main.EXIT_REFUSED
    assert err.strip() == (
        f"“{tmp_path.name}” không phải một tệp bình thường (thư mục, thiết bị hoặc đường ống). Không mở; hãy "
        "chọn đúng tệp gói."
    )
    code, _lines, err = _run(["ack", str(province_path), "--file", str(tmp_path / "none.duxpkg")], capsys)
    assert code == main.EXIT_REFUSED
    assert err.strip() == "Không tìm thấy tệp none.duxpkg. Hãy kiểm tra lại USB và đường dẫn."


def test_consolidated_xlsx_holds_numbers_and_is_audited(
    commune: Database, province_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _enrol_both(commune, province_path)
    package = sx.export_package(commune, SYSTEM_ACTOR, tmp_path).path
    assert _run(["import", str(province_path), str(package)], capsys)[0] == 0
    target = tmp_path / "tong-hop.xlsx"
    code, lines, _err = _run(
        ["consolidate", str(province_path), "--period", "2026-Q3", "--out", str(target)], capsys
    )
    assert code == 0 and lines == [f"Đã ghi {target} (1 đơn vị)"]
    with read_session(commune, SYSTEM_ACTOR) as s:
        own = build_report(s, Period.parse("2026-Q3")).figures()
    book = openpyxl.load_workbook(target)
    sheet = book["Theo đơn vị"]
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    header_at = next(i for i, row in enumerate(rows) if row[:2] == ["TT", "Đơn vị"])
    commune_row, total_row = rows[header_at + 1], rows[header_at + 2]
    assert commune_row[1] == "Đảng bộ xã Mường Lèo" and total_row[1] == "Tổng cộng"
    expected = [own[k] for k in SUMMARY_KEYS]
    assert commune_row[2:] == expected == total_row[2:]
    assert all(isinstance(v, int | float) for v in commune_row[2:] if v is not None)
    assert isinstance(commune_row[2], int) and commune_row[2] == 5
    # The total's own tables hold numbers too.
    numbers = [
        c.value
        for ws in book.worksheets[1:]
        for row in ws.iter_rows()
        for c in row
        if isinstance(c.value, int | float)
    ]
    assert numbers and 5 in numbers
    assert ("export", "consolidated_report", "2026-Q3") in _audit_actions(province_path)
    assert _unit(commune)
