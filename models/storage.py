"""Environment facts about where a database lives: the single-instance lock and removable or network
drive detection. Everything here is about the platform, not about file formats."""

from __future__ import annotations

import contextlib
import os
import re
import sys
from dataclasses import dataclass
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
    """ "removable", "network", "fixed" or "unknown" for the drive holding `path` (which need not
    exist yet: its nearest existing folder is asked)."""
    target = path.resolve()
    platform: str = sys.platform  # a plain str, so the type checker keeps every branch
    if platform == "win32":
        return _windows_drive_kind(target)
    if platform.startswith("linux"):
        return _linux_drive_kind(target)
    return "unknown"  # macOS and others: the platform does not tell


# GetDriveTypeW: 2 removable (USB stick, card), 3 fixed, 4 remote (mapped drive or \\server\share),
# 5 CD/DVD, 6 RAM disk; 0 and 1 (no such root) tell nothing.
_WINDOWS_DRIVE_TYPES = {2: "removable", 3: "fixed", 4: "network", 5: "removable", 6: "fixed"}


def _windows_drive_kind(path: Path) -> str:
    import ctypes

    root = path.anchor or str(path)[:3]
    if not root.endswith(("\\", "/")):
        root += "\\"
    kind = ctypes.windll.kernel32.GetDriveTypeW(ctypes.c_wchar_p(root))  # type: ignore[attr-defined,unused-ignore]
    return _WINDOWS_DRIVE_TYPES.get(int(kind), "unknown")


# Linux: the mount that holds the file comes from /proc/self/mountinfo (its file system type tells a
# network share), the device from the file's own st_dev through /sys/dev/block (so bind mounts,
# /dev/mapper and /dev/disk/by-* sources all lead to the real disk). Module attributes so that tests
# can point them at a fake tree.
PROC_MOUNTINFO = Path("/proc/self/mountinfo")
SYS_DEV_BLOCK = Path("/sys/dev/block")
SYS_CLASS_BLOCK = Path("/sys/class/block")
NETWORK_FUSE = ("sshfs", "gvfsd-fuse", "davfs", "rclone", "s3fs", "smbnetfs", "curlftpfs", "gcsfuse")


@dataclass(frozen=True)
class Mount:
    device: str  # "major:minor"
    mount_point: str
    fs_type: str
    source: str


def _unescape(field: str) -> str:
    """mountinfo writes space, tab, newline and backslash as octal escapes (\\040 ...)."""
    return re.sub(r"\\([0-7]{3})", lambda m: chr(int(m.group(1), 8)), field)


def read_mounts(text: str) -> list[Mount]:
    """The mounts of a /proc/self/mountinfo text, in mount order (a later one covers an earlier one
    on the same mount point)."""
    mounts = []
    for line in text.splitlines():
        fields = line.split(" ")
        if "-" not in fields[6:]:
            continue
        dash = fields.index("-", 6)
        if len(fields) < dash + 3:
            continue
        mounts.append(Mount(fields[2], _unescape(fields[4]), fields[dash + 1], _unescape(fields[dash + 2])))
    return mounts


def _under(path: str, mount_point: str) -> bool:
    return mount_point == "/" or path == mount_point or path.startswith(mount_point.rstrip("/") + "/")


def _existing(path: Path) -> Path:
    while not path.exists() and path.parent != path:
        path = path.parent
    return path


def _device_number(path: Path) -> str | None:
    """ "major:minor" of the file system holding `path`."""
    try:
        st_dev = _existing(path).stat().st_dev
    except OSError:
        return None
    return f"{os.major(st_dev)}:{os.minor(st_dev)}"


def _is_network(fs_type: str) -> bool:
    return fs_type in NETWORK_FS or (fs_type.startswith("fuse.") and fs_type[5:].startswith(NETWORK_FUSE))


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="ascii", errors="replace").strip()
    except OSError:
        return ""


def _block_kind(entry: Path, depth: int = 0) -> str | None:
    """ "removable" or "fixed" for a /sys block entry (a disk or a partition); None when absent."""
    try:
        real = entry.resolve(strict=True)
    except OSError:
        return None
    disk = real.parent if (real / "partition").exists() else real
    # A USB stick or a USB hard disk (which reports removable=0), a card in a reader, an SD card slot.
    if any(part.startswith("usb") for part in real.parts) or _read(disk / "removable") == "1":
        return "removable"
    if _read(disk / "device" / "type") == "SD":
        return "removable"
    # Device mapper (LUKS, LVM) and software RAID: the disks underneath decide.
    if depth < 8 and (disk / "slaves").is_dir():
        kinds = {_block_kind(slave, depth + 1) for slave in (disk / "slaves").iterdir()}
        if "removable" in kinds:
            return "removable"
    return "fixed"


def _linux_drive_kind(path: Path) -> str:
    try:
        mounts = read_mounts(PROC_MOUNTINFO.read_text(encoding="utf-8", errors="surrogateescape"))
    except OSError:
        return "unknown"
    device = _device_number(path)
    text = str(path)
    holding = [m for m in mounts if _under(text, m.mount_point)]
    if not holding:
        return "unknown"
    # The file's own device picks among the mounts above it (a bind mount shows the device it came
    # from); then the longest mount point, and of equal ones the last mounted, which covers the others.
    same = [m for m in holding if m.device == device] or holding
    mount = max(reversed(same), key=lambda m: len(m.mount_point))
    if _is_network(mount.fs_type):
        return "network"
    kind = _block_kind(SYS_DEV_BLOCK / mount.device)
    if kind is None and mount.source.startswith("/dev/"):
        kind = _block_kind(SYS_CLASS_BLOCK / Path(os.path.realpath(mount.source)).name)
    return kind or "fixed"


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
