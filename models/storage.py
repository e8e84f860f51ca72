"""Environment facts about where a database lives: the single-instance lock and removable or network
drive detection. Everything here is about the platform, not about file formats."""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path
from typing import IO

from models.errors import StorageError
from models.i18n import QT_TRANSLATE_NOOP

NETWORK_FS = {
    "nfs",
    "nfs4",
    "cifs",
    "smb3",
    "smbfs",
    "fuse.sshfs",
    "sshfs",
    "9p",
    "afs",
    "davfs",
    "fuse.davfs2",
}


class InstanceLock:
    """An exclusive OS lock on `<db>.lock`, held while the database is open: a second instance of the
    app on the same database is refused at once with a clear message."""

    def __init__(self, db_path: Path) -> None:
        self.path = db_path.with_name(db_path.name + ".lock")
        self._handle: IO[bytes] | None = None

    def acquire(self) -> None:
        handle = self.path.open("a+b")
        try:
            if sys.platform == "win32":
                import msvcrt

                handle.seek(0)
                msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.close()
            raise StorageError(
                QT_TRANSLATE_NOOP(
                    "storage",
                    "Cơ sở dữ liệu này đang được mở ở một cửa sổ khác của chương trình. Hãy dùng cửa sổ đang mở, hoặc đóng nó rồi mở lại.",
                ),
                kind="in_use",
            ) from None
        self._handle = handle

    def release(self) -> None:
        if self._handle is not None:
            with contextlib.suppress(OSError):
                if sys.platform != "win32":
                    import fcntl

                    fcntl.flock(self._handle.fileno(), fcntl.LOCK_UN)
            self._handle.close()
            self._handle = None


def drive_kind(path: Path) -> str:
    """ "removable", "network", "fixed" or "unknown" for the drive holding `path`."""
    target = path.resolve()
    platform: str = sys.platform  # a plain str, so the type checker keeps every branch
    if platform == "win32":
        return _windows_drive_kind(target)
    if platform.startswith("linux"):
        return _linux_drive_kind(target)
    return "unknown"  # macOS and others: the platform does not tell


def _windows_drive_kind(path: Path) -> str:  # pragma: no cover - Windows only
    import ctypes

    root = path.anchor or str(path)[:3]
    kind = ctypes.windll.kernel32.GetDriveTypeW(ctypes.c_wchar_p(root))  # type: ignore[attr-defined,unused-ignore]
    return {2: "removable", 3: "fixed", 4: "network", 5: "removable", 6: "fixed"}.get(int(kind), "unknown")


def _linux_drive_kind(path: Path) -> str:
    try:
        mounts = Path("/proc/mounts").read_text(encoding="utf-8").splitlines()
    except OSError:
        return "unknown"
    best: tuple[str, str, str] | None = None
    text = str(path)
    for line in mounts:
        parts = line.split()
        if len(parts) < 3:
            continue
        device, mount_point, fs_type = parts[0], parts[1].replace("\\040", " "), parts[2]
        if (text == mount_point or text.startswith(mount_point.rstrip("/") + "/")) and (
            best is None or len(mount_point) > len(best[1])
        ):
            best = (device, mount_point, fs_type)
    if best is None:
        return "unknown"
    device, _, fs_type = best
    if fs_type in NETWORK_FS or (fs_type.startswith("fuse.") and "ssh" in fs_type):
        return "network"
    if device.startswith("/dev/"):
        name = Path(device).name
        for candidate in (name, name.rstrip("0123456789"), name.split("p")[0] if "nvme" in name else name):
            removable = Path("/sys/block") / candidate / "removable"
            with contextlib.suppress(OSError):
                if removable.read_text(encoding="ascii").strip() == "1":
                    return "removable"
    return "fixed"


def refuse_unsafe_drive(path: Path) -> None:
    kind = drive_kind(path.parent if not path.exists() else path)
    if kind == "removable":
        raise StorageError(
            QT_TRANSLATE_NOOP(
                "storage",
                "Cơ sở dữ liệu nằm trên USB hoặc ổ đĩa tháo rời: rút ra lúc đang ghi sẽ làm hỏng dữ liệu. Hãy chép nó vào ổ đĩa của máy (ví dụ thư mục Tài liệu) rồi mở từ đó.",
            ),
            kind="removable",
        )
    if kind == "network":
        raise StorageError(
            QT_TRANSLATE_NOOP(
                "storage",
                "Cơ sở dữ liệu nằm trên ổ đĩa mạng, nơi SQLite không ghi an toàn. Hãy chép nó vào ổ đĩa của máy rồi mở từ đó.",
            ),
            kind="network",
        )


def fsync_dir(path: Path) -> None:
    """Make a rename durable (no-op where directories cannot be opened)."""
    if sys.platform == "win32":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
