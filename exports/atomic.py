"""Atomic file writing: every file the app writes goes to a temporary name in the target folder, is
flushed and fsynced, verified, then renamed over the final name. The previous good file is never
truncated first (KeePassXC lost databases on full disks that way); a failure at any point leaves the
final name untouched and removes the temporary file.

`replace` is the one rename every writer uses: on Windows a rename is refused while another program
holds the file (Excel or a PDF reader with the old file open, antivirus scanning the new one), so it
retries with a backoff before giving up with a message that names that cause."""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import stat
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from models.errors import StorageError
from models.i18n import QT_TRANSLATE_NOOP, translate
from models.storage import file_system, fsync_dir

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


# Windows error codes of a file another program holds: ERROR_ACCESS_DENIED (also a rename over a file
# open without FILE_SHARE_DELETE), ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION.
SHARING_WINERRORS = frozenset({5, 32, 33})
# Seconds between attempts (about 3 s in all): antivirus lets go of a new file within a second or two.
RETRY_DELAYS: tuple[float, ...] = (0.05, 0.1, 0.2, 0.4, 0.8, 1.6)


def is_sharing_violation(exc: BaseException) -> bool:
    """A Windows refusal because another program has the file open (never true on Linux)."""
    return isinstance(exc, PermissionError) and getattr(exc, "winerror", None) in SHARING_WINERRORS


def replace(source: Path, target: Path) -> None:
    """`source.replace(target)`, retried while Windows reports the file as held by another program;
    the last error is raised (`write_error` turns it into the message naming the cause)."""
    for delay in (*RETRY_DELAYS, None):
        try:
            Path(source).replace(target)
        except PermissionError as exc:
            if delay is None or not is_sharing_violation(exc):
                raise
            time.sleep(delay)
        else:
            return


# FAT32 (and FAT16) cannot hold a file of 4 GiB or more; most sticks come formatted FAT32.
FAT_FILE_LIMIT = 4 * 1024**3 - 1
FAT_SYSTEMS = frozenset({"vfat", "msdos", "umsdos", "fat", "fat12", "fat16", "fat32"})


def _too_large(target: Path, size: int | None) -> StorageError:
    return StorageError(
        QT_TRANSLATE_NOOP(
            "files",
            "Tệp {name} lớn khoảng {size} GB, vượt giới hạn 4 GB của một tệp trên USB hoặc thẻ nhớ định dạng FAT32. Hãy dùng USB định dạng exFAT hoặc NTFS (có thể định dạng lại một USB trống thành exFAT), rồi thử lại.",
        ),
        kind="too_large",
        name=target.name,
        size=f"{(size or FAT_FILE_LIMIT + 1) / 1e9:.1f}".replace(".", ","),
    )


def check_fits(target: Path, size: int) -> None:
    """Refuse before writing a file the target's file system cannot hold (a 4.4 GB province database
    backed up to a FAT32 stick would otherwise fail part-way as "disk full" or "USB pulled out")."""
    if size > FAT_FILE_LIMIT and file_system(Path(target).parent) in FAT_SYSTEMS:
        raise _too_large(Path(target), size)


def unplug_advice() -> str:
    """What to tell the clerk once a file is on the stick. Linux flushes the file and its folder to the
    device, so the stick may be pulled; Windows cannot flush the folder (fsync_dir does nothing there),
    so only "Safely Remove Hardware" guarantees the stick, as the manual says."""
    if sys.platform == "win32":
        return translate(
            "files",
            QT_TRANSLATE_NOOP(
                "files",
                "Đã ghi xong. Trước khi rút USB, hãy bấm biểu tượng USB ở góc phải thanh tác vụ và chọn tháo thiết bị an toàn (Safely Remove / Eject).",
            ),
        )
    return translate("files", QT_TRANSLATE_NOOP("files", "Đã ghi xong, có thể rút USB."))


def _read_only_file(path: Path) -> bool:
    try:
        return not path.stat().st_mode & stat.S_IWRITE
    except OSError:
        return False


def write_error(exc: OSError, target: Path) -> StorageError:
    if is_sharing_violation(exc) and not _read_only_file(target):
        return StorageError(
            QT_TRANSLATE_NOOP(
                "files",
                "Không thay được tệp {name}: tệp đang mở trong chương trình khác (ví dụ Excel, trình đọc PDF) hoặc đang được phần mềm diệt virus quét — hãy đóng nó rồi thử lại. Tệp cũ vẫn còn nguyên.",
            ),
            kind="in_use",
            name=target.name,
        )
    if exc.errno == errno.EFBIG or getattr(exc, "winerror", None) == 223:  # ERROR_FILE_TOO_LARGE
        return _too_large(target, None)
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

    check_fits(Path(target), len(data))
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

    with contextlib.suppress(OSError):  # an unreadable source is reported by the copy itself
        check_fits(Path(target), Path(source).stat().st_size)
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
        replace(tmp, target)
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
