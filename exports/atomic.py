"""Atomic file writing: every file the app writes goes to a temporary name in the target folder, is
flushed and fsynced, verified, then renamed over the final name. The previous good file is never
truncated first (KeePassXC lost databases on full disks that way); a failure at any point leaves the
final name untouched and removes the temporary file."""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from models.errors import StorageError
from models.i18n import QT_TRANSLATE_NOOP
from models.storage import fsync_dir

Verifier = Callable[[Path], None]  # raises if the written temporary file is not what it should be
# Tests replace this to simulate a device that fails part-way (see `failing_after`).
Opener = Callable[[Path], BinaryIO]


def _default_open(path: Path) -> BinaryIO:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    return os.fdopen(fd, "wb")


_opener: list[Opener] = [_default_open]


def set_opener(opener: Opener | None) -> None:
    """Install a file opener (tests: a writer that fails after N bytes); None restores the default."""
    _opener[0] = opener or _default_open


def temp_name(target: Path) -> Path:
    return target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")


def write_error(exc: OSError, target: Path) -> StorageError:
    if exc.errno == errno.ENOSPC:
        return StorageError(
            QT_TRANSLATE_NOOP(
                "files",
                "Không đủ chỗ trống để ghi tệp {name}. Hãy xóa bớt tệp hoặc chọn nơi lưu khác rồi thử lại.",
            ),
            kind="full",
            name=target.name,
        )
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return StorageError(
            QT_TRANSLATE_NOOP(
                "files",
                "Không ghi được vào {folder}: thư mục hoặc USB đang chỉ cho đọc (hoặc bị khóa chống ghi). Hãy chọn nơi khác.",
            ),
            kind="read_only",
            folder=str(target.parent),
        )
    if exc.errno in (errno.ENOENT, errno.ENOTDIR) and not target.parent.is_dir():
        return StorageError(
            QT_TRANSLATE_NOOP(
                "files",
                "Không có thư mục {folder} để ghi tệp {name}. Hãy chọn một thư mục có thật (hoặc cắm lại USB nếu thư mục nằm trên USB) rồi thử lại.",
            ),
            kind="cant_open",
            folder=str(target.parent),
            name=target.name,
        )
    return StorageError(
        QT_TRANSLATE_NOOP(
            "files",
            "Lỗi khi ghi tệp {name} (có thể USB đã bị rút ra). Tệp cũ vẫn còn nguyên; hãy cắm lại và thử lại.",
        ),
        kind="io",
        name=target.name,
    )


def write_bytes(target: Path, data: bytes, verify: Verifier | None = None) -> Path:
    """Write `data` to `target` atomically; `verify` checks the temporary file before the rename."""

    def fill(handle: BinaryIO) -> int:
        view = memoryview(data)
        for start in range(0, len(view), 1 << 20):
            handle.write(view[start : start + (1 << 20)])
        return len(data)

    return _write_atomically(Path(target), fill, verify)


def copy_file(source: Path, target: Path, verify: Verifier | None = None) -> Path:
    """Copy `source` to `target` atomically, streaming (backups can be large); same guarantees as
    `write_bytes`. A failure to read the source is reported like a failure to write."""

    def fill(handle: BinaryIO) -> int:
        total = 0
        with Path(source).open("rb") as src:
            while chunk := src.read(1 << 20):
                handle.write(chunk)
                total += len(chunk)
        return total

    return _write_atomically(Path(target), fill, verify)


def remove_stale_temps(target: Path) -> int:
    """Remove the temporary files an earlier, killed write of `target` left beside it (exactly
    `.NAME.xxxxxxxx.tmp`): the output folder is the user's, so nobody else tidies it. Returns how many."""
    pattern = re.compile(rf"^\.{re.escape(target.name)}\.[0-9a-f]{{8}}\.tmp$")
    removed = 0
    try:
        entries = [p for p in target.parent.iterdir() if pattern.match(p.name)]
    except OSError:
        return 0
    for entry in entries:
        with contextlib.suppress(OSError):
            entry.unlink()
            removed += 1
    return removed


def _write_atomically(target: Path, fill: Callable[[BinaryIO], int], verify: Verifier | None) -> Path:
    """Temporary name in the target folder, write, flush, fsync, check the size, verify, rename,
    fsync the folder; on any failure the temporary file goes and the final name is untouched."""
    remove_stale_temps(target)
    tmp = temp_name(target)
    try:
        with _opener[0](tmp) as handle:
            expected = fill(handle)
            handle.flush()
            os.fsync(handle.fileno())
        if tmp.stat().st_size != expected:
            raise OSError(errno.EIO, "short write")
        if verify is not None:
            verify(tmp)
        tmp.replace(target)
        fsync_dir(target.parent)
    except OSError as exc:
        _discard(tmp)
        raise write_error(exc, target) from exc
    except BaseException:
        _discard(tmp)
        raise
    return target


def write_staged(
    path: Path, data: bytes, verify: Verifier | None = None, *, final: Path | None = None
) -> Path:
    """Write `data` to the new file `path` (a staged name whose rename comes later, at a commit point
    the caller owns): flush, fsync, check the size, verify, fsync the folder. On any failure the file
    is removed; OSError is reported as a failure to write `final` (default `path`)."""
    try:
        with _opener[0](path) as handle:
            view = memoryview(data)
            for start in range(0, len(view), 1 << 20):
                handle.write(view[start : start + (1 << 20)])
            handle.flush()
            os.fsync(handle.fileno())
        if path.stat().st_size != len(data):
            raise OSError(errno.EIO, "short write")
        if verify is not None:
            verify(path)
        fsync_dir(path.parent)
    except OSError as exc:
        _discard(path)
        raise write_error(exc, final or path) from exc
    except BaseException:
        _discard(path)
        raise
    return path


def fsync_file(path: Path) -> None:
    """Flush a file another writer produced (e.g. SQLite's VACUUM INTO) to the device."""
    fd = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _discard(tmp: Path) -> None:
    with contextlib.suppress(OSError):
        tmp.unlink()


class _FailingWriter:
    """A file that accepts `limit` bytes and then fails like a full or pulled device."""

    def __init__(self, handle: BinaryIO, limit: int, err: int) -> None:
        self._handle, self._left, self._errno = handle, limit, err

    def write(self, data: bytes | memoryview) -> int:
        if len(data) > self._left:
            self._handle.write(bytes(data[: self._left]))
            self._left = 0
            raise OSError(self._errno, os.strerror(self._errno))
        self._left -= len(data)
        return self._handle.write(data)

    def __getattr__(self, name: str) -> object:
        return getattr(self._handle, name)

    def __enter__(self) -> _FailingWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self._handle.close()


def failing_after(limit: int, err: int = errno.ENOSPC) -> Opener:
    """An opener whose files fail after `limit` bytes (for fault tests)."""

    def opener(path: Path) -> BinaryIO:
        return _FailingWriter(_default_open(path), limit, err)  # type: ignore[return-value]

    return opener
