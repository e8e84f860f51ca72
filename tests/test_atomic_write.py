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
