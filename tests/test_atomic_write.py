"""Atomic writes: a writer failing after N bytes, for many N, never leaves a file under the final
name and never destroys the previous good file."""

from __future__ import annotations

import errno
from collections.abc import Iterator
from pathlib import Path

import pytest

from exports import atomic
from models.errors import StorageError


@pytest.fixture(autouse=True)
def _restore_opener() -> Iterator[None]:
    yield
    atomic.set_opener(None)


def test_write_replaces_only_after_success(tmp_path: Path) -> None:
    target = tmp_path / "bao-cao.pdf"
    atomic.write_bytes(target, b"old good file")
    atomic.write_bytes(target, b"new content" * 1000)
    assert target.read_bytes() == b"new content" * 1000
    assert [p.name for p in tmp_path.iterdir()] == ["bao-cao.pdf"]


@pytest.mark.parametrize("err", [errno.ENOSPC, errno.EIO, errno.EROFS])
def test_failure_after_n_bytes_keeps_the_previous_file(tmp_path: Path, err: int) -> None:
    target = tmp_path / "goi.dux"
    atomic.write_bytes(target, b"previous package")
    data = bytes(range(256)) * 40  # 10 KiB
    for limit in [0, 1, 100, 4095, 4096, 5000, len(data) - 1]:
        atomic.set_opener(atomic.failing_after(limit, err))
        with pytest.raises(StorageError) as exc:
            atomic.write_bytes(target, data)
        assert exc.value.kind == {errno.ENOSPC: "full", errno.EIO: "io", errno.EROFS: "read_only"}[err]
        assert target.read_bytes() == b"previous package"
        assert sorted(p.name for p in tmp_path.iterdir()) == ["goi.dux"]


def test_failed_verification_removes_the_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "x.xlsx"

    def verify(path: Path) -> None:
        raise ValueError(path.name)

    with pytest.raises(ValueError, match=r"\.x\.xlsx\..*\.tmp"):
        atomic.write_bytes(target, b"data", verify)
    assert list(tmp_path.iterdir()) == []


def test_messages_are_vietnamese_and_actionable(tmp_path: Path) -> None:
    atomic.set_opener(atomic.failing_after(10, errno.ENOSPC))
    with pytest.raises(StorageError) as exc:
        atomic.write_bytes(tmp_path / "a.pdf", b"x" * 100)
    assert (
        exc.value.text()
        == "Không đủ chỗ trống để ghi tệp a.pdf. Hãy xóa bớt tệp hoặc chọn nơi lưu khác rồi thử lại."
    )


# ---------------------------------------------------------------- Windows sharing violations


def _sharing_violation(winerror: int) -> PermissionError:
    """What Windows raises when another program holds the file (simulated: Linux never sets winerror)."""
    exc = PermissionError(errno.EACCES, "The process cannot access the file")
    exc.winerror = winerror  # type: ignore[attr-defined]
    return exc


class _HeldFile:
    """Path.replace refused `times` times, then done for real: Excel closed, antivirus finished."""

    def __init__(self, times: int, winerror: int = 32) -> None:
        self.left, self.winerror, self.calls = times, winerror, 0
        self.real = Path.replace

    def __call__(self, source: Path, target: Path) -> Path:
        self.calls += 1
        if self.left != 0:
            self.left -= 1
            raise _sharing_violation(self.winerror)
        return self.real(source, target)

    def install(self, monkeypatch: pytest.MonkeyPatch) -> _HeldFile:
        def replace(source: Path, target: Path) -> Path:
            return self(source, target)

        monkeypatch.setattr(Path, "replace", replace)
        return self


@pytest.fixture
def sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    waited: list[float] = []
    monkeypatch.setattr("exports.atomic.time.sleep", waited.append)
    return waited


@pytest.mark.parametrize("winerror", [5, 32, 33])
def test_a_rename_refused_a_few_times_is_retried(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sleeps: list[float], winerror: int
) -> None:
    target = tmp_path / "danh-sach.xlsx"
    atomic.write_bytes(target, b"old")
    held = _HeldFile(3, winerror).install(monkeypatch)
    atomic.write_bytes(target, b"new")
    assert target.read_bytes() == b"new"
    assert held.calls == 4
    assert sleeps == list(atomic.RETRY_DELAYS[:3])  # a growing backoff
    assert [p.name for p in tmp_path.iterdir()] == ["danh-sach.xlsx"]


def test_a_file_held_open_names_the_cause(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sleeps: list[float]
) -> None:
    target = tmp_path / "bien-ban.pdf"
    atomic.write_bytes(target, b"old")
    held = _HeldFile(-1).install(monkeypatch)  # never let go (the PDF stays open in the reader)
    with pytest.raises(StorageError) as exc:
        atomic.write_bytes(target, b"new")
    assert exc.value.kind == "in_use"
    text = exc.value.text()
    assert "tệp đang mở trong chương trình khác" in text
    assert "hãy đóng nó rồi thử lại" in text
    assert "chỉ cho đọc" not in text
    assert held.calls == len(atomic.RETRY_DELAYS) + 1
    assert sum(sleeps) < 5
    monkeypatch.undo()
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["bien-ban.pdf"]


def test_a_read_only_target_is_still_called_read_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sleeps: list[float]
) -> None:
    target = tmp_path / "cu.pdf"
    atomic.write_bytes(target, b"old")
    target.chmod(0o444)  # Windows answers a rename over a read-only file with WinError 5 too
    _HeldFile(-1, 5).install(monkeypatch)
    with pytest.raises(StorageError) as exc:
        atomic.write_bytes(target, b"new")
    assert exc.value.kind == "read_only"


def test_a_linux_permission_error_is_not_retried(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sleeps: list[float]
) -> None:
    def refuse(source: Path, target: Path) -> Path:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(Path, "replace", refuse)
    with pytest.raises(StorageError) as exc:
        atomic.write_bytes(tmp_path / "a.pdf", b"x")
    assert exc.value.kind == "read_only"
    assert sleeps == []


def test_every_rename_in_the_product_goes_through_the_retrying_replace() -> None:
    root = Path(__file__).resolve().parents[1]
    offenders = []
    for folder in ("main.py", "ui", "exports", "models", "forms", "scripts"):
        for source in [root / folder] if folder.endswith(".py") else sorted((root / folder).rglob("*.py")):
            text = source.read_text(encoding="utf-8")
            for needle in (
                "os.replace(",
                "os.rename(",
                ".rename(",
                "shutil.move(",
                "tmp.replace(",
                ").replace(Path",
            ):
                if needle in text and source != root / "exports" / "atomic.py":
                    offenders.append(f"{source.relative_to(root)}: {needle}")
    assert offenders == []
