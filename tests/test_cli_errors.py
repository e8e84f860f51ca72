"""Command lines that used to end in a Python traceback (issue 13): each now prints a Vietnamese
message saying what is wrong and what to do, and exits 1 (refused) or 2 (wrong usage). Also the data
folder that cannot be created, is read-only or sits on a full disk — for a command and for the window,
which shows a message box before anything else."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import main
from exports import member_import as mi

ROOT = Path(__file__).resolve().parent.parent


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main.main(list(argv))
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err + captured.out
    return code, captured.err


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv("DUX_DATA_DIR", str(folder))
    return folder


def test_dues_sheet_month_of_year_zero(capsys: pytest.CaptureFixture[str], data_dir: Path) -> None:
    code, text = _run(
        capsys,
        "dues-sheet",
        str(data_dir / "x.db"),
        "--cell",
        "na hat",
        "--month",
        "0000-01",
        "--out",
        "a.pdf",
    )
    assert code == main.EXIT_USAGE
    assert "Tháng “0000-01” không đúng. Hãy ghi --month NĂM-THÁNG" in text


@pytest.mark.parametrize("month", ["2026-13", "9999-12", "2026-1", "abc"])
def test_minutes_bad_months(capsys: pytest.CaptureFixture[str], data_dir: Path, month: str) -> None:
    code, text = _run(capsys, "minutes", str(data_dir / "x.db"), "--list", "--month", month)
    assert code == main.EXIT_USAGE
    assert f"Tháng “{month}” không đúng" in text


@pytest.mark.parametrize("period", ["0000-Q1", "9999-Y", "0001-Y"])
def test_report_period_out_of_range(capsys: pytest.CaptureFixture[str], data_dir: Path, period: str) -> None:
    code, text = _run(capsys, "report", str(data_dir / "x.db"), "--period", period, "--out", "r.pdf")
    assert code == main.EXIT_REFUSED
    assert f"Kỳ báo cáo “{period}” không đúng dạng" in text


@pytest.mark.parametrize("members", ["0", "-5"])
def test_demo_needs_members(capsys: pytest.CaptureFixture[str], data_dir: Path, members: str) -> None:
    target = data_dir.parent / "demo.db"
    code, text = _run(capsys, "demo", str(target), "--members", members)
    assert code == main.EXIT_USAGE
    assert f"Số đảng viên của xã mẫu phải từ 10 đến 200.000 (đã ghi --members {members})" in text
    assert not target.exists()


def test_demo_into_missing_folder(capsys: pytest.CaptureFixture[str], data_dir: Path) -> None:
    folder = data_dir.parent / "chua-co"
    code, text = _run(capsys, "demo", str(folder / "demo.db"))
    assert code == main.EXIT_REFUSED
    assert f"Không có thư mục {folder}. Hãy tạo thư mục trước" in text
    assert not folder.exists()


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        (errno.ENOENT, "Không tìm thấy /x/goi.ack. Hãy kiểm tra lại đường dẫn."),
        (errno.ENOSPC, "Ổ đĩa đã đầy, không ghi được /x/goi.ack. Hãy xóa bớt tệp rồi làm lại."),
        (errno.EROFS, "Không ghi được /x/goi.ack: ổ đĩa chỉ cho đọc."),
    ],
)
def test_file_errors_are_named(number: int, expected: str) -> None:
    """Any file a command cannot read or write (after its own checks): the path and what to do."""
    assert main.os_error_text(OSError(number, os.strerror(number), "/x/goi.ack")) == expected


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8-sig", "utf-16-be", "utf-8"])
def test_mapping_file_encodings(tmp_path: Path, encoding: str) -> None:
    """Notepad's "Unicode" (UTF-16 with its mark) and UTF-8 with a mark read like plain UTF-8."""
    path = tmp_path / "map.json"
    text = json.dumps({"columns": {"Họ và tên": "full_name"}}, ensure_ascii=False)
    data = text.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    path.write_bytes(data)
    assert mi.Mapping.from_file(path).columns == {"Họ và tên": "full_name"}


def test_mapping_file_not_text(capsys: pytest.CaptureFixture[str], data_dir: Path) -> None:
    path = data_dir.parent / "map.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\x80\x81\xfe{}")
    code, text = _run(capsys, "import-members", str(data_dir / "x.db"), "x.xlsx", "--mapping", str(path))
    assert code == main.EXIT_REFUSED
    assert "Tệp ánh xạ cột không phải văn bản UTF-8 hoặc UTF-16" in text


def test_data_folder_not_creatable(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("DUX_DATA_DIR", str(blocker / "data"))
    code, text = _run(capsys, "verify-audit", str(tmp_path / "x.db"))
    assert code == main.EXIT_REFUSED
    assert (
        f"Không tạo được thư mục dữ liệu {blocker / 'data'}. Hãy kiểm tra đường dẫn (biến DUX_DATA_DIR)"
        in text
    )


def _failing_fsync(number: int) -> object:
    def fsync(fd: int) -> None:
        del fd
        raise OSError(number, os.strerror(number))

    return fsync


def test_data_folder_read_only(
    capsys: pytest.CaptureFixture[str], data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data_dir.mkdir()
    monkeypatch.setattr(os, "fsync", _failing_fsync(errno.EROFS))  # the tests may run as root
    code, text = _run(capsys, "verify-audit", str(data_dir / "x.db"))
    assert code == main.EXIT_REFUSED
    assert f"Không ghi được vào thư mục dữ liệu {data_dir} (chỉ đọc hoặc không có quyền)" in text


def test_data_folder_on_full_disk(
    capsys: pytest.CaptureFixture[str], data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data_dir.mkdir()
    monkeypatch.setattr(os, "fsync", _failing_fsync(errno.ENOSPC))
    code, text = _run(capsys, "demo", str(data_dir / "demo.db"))
    assert code == main.EXIT_REFUSED
    assert f"Ổ đĩa chứa thư mục dữ liệu {data_dir} đã đầy" in text
    assert not (data_dir / "demo.db").exists()


def test_window_start_shows_a_message_box(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before any window: a message box with the same text, then exit 1 — no traceback, no window."""
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: shown.append(text))
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("DUX_DATA_DIR", str(blocker / "data"))
    code, _text = _run(capsys)
    assert code == main.EXIT_REFUSED
    assert len(shown) == 1
    assert shown[0].startswith(f"Không tạo được thư mục dữ liệu {blocker / 'data'}.")


def test_cli_subprocess_exit_status(tmp_path: Path) -> None:
    """The real process: message on stderr, status 1, nothing on stdout."""
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    env = dict(os.environ, DUX_DATA_DIR=str(blocker / "data"), QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "verify-audit", str(tmp_path / "x.db")],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=60,
        check=False,
    )
    assert result.returncode == main.EXIT_REFUSED
    assert "Không tạo được thư mục dữ liệu" in result.stderr
    assert "Traceback" not in result.stderr
