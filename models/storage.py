"""Environment facts about where a database lives: the single-instance lock and removable or network
drive detection. Everything here is about the platform, not about file formats."""

from __future__ import annotations

import contextlib
import ctypes
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
        """Unlock explicitly, then close: on Windows a byte-range lock left to the close is released
        only when the system gets round to it, so a restore that takes the lock again at once could be
        refused as "open in another window"."""
        if self._handle is not None:
            with contextlib.suppress(OSError):
                if sys.platform == "win32":
                    import msvcrt

                    self._handle.seek(0)
                    msvcrt.locking(self._handle.fileno(), msvcrt.LK_UNLCK, 1)
                else:
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
# STORAGE_BUS_TYPE values of a disk the clerk can pull out: 1394, USB, SD, MMC. USB hard disks and
# many sticks report DRIVE_FIXED, so a "fixed" drive is asked for its bus (the Linux branch does the same).
_REMOVABLE_BUSES = {4: "1394", 7: "usb", 12: "sd", 13: "mmc"}
IOCTL_STORAGE_QUERY_PROPERTY = 0x2D1400


class _StoragePropertyQuery(ctypes.Structure):
    _fields_ = (
        ("PropertyId", ctypes.c_int),
        ("QueryType", ctypes.c_int),
        ("AdditionalParameters", ctypes.c_ubyte * 1),
    )


class _StorageDeviceDescriptor(ctypes.Structure):
    _fields_ = (
        ("Version", ctypes.c_uint32),
        ("Size", ctypes.c_uint32),
        ("DeviceType", ctypes.c_ubyte),
        ("DeviceTypeModifier", ctypes.c_ubyte),
        ("RemovableMedia", ctypes.c_ubyte),
        ("CommandQueueing", ctypes.c_ubyte),
        ("VendorIdOffset", ctypes.c_uint32),
        ("ProductIdOffset", ctypes.c_uint32),
        ("ProductRevisionOffset", ctypes.c_uint32),
        ("SerialNumberOffset", ctypes.c_uint32),
        ("BusType", ctypes.c_int),
        ("RawPropertiesLength", ctypes.c_uint32),
    )


def bus_type_of(descriptor: bytes) -> int | None:
    """BusType of a STORAGE_DEVICE_DESCRIPTOR as DeviceIoControl returned it (None when too short)."""
    if len(descriptor) < ctypes.sizeof(_StorageDeviceDescriptor):
        return None
    return int(_StorageDeviceDescriptor.from_buffer_copy(descriptor).BusType)


def _windows_root(path: Path) -> str:
    root = path.anchor or str(path)[:3]
    return root if root.endswith(("\\", "/")) else root + "\\"


def _windows_drive_type(root: str) -> int:
    return int(ctypes.windll.kernel32.GetDriveTypeW(ctypes.c_wchar_p(root)))  # type: ignore[attr-defined,unused-ignore]


def _windows_bus_type(root: str) -> int | None:
    """The bus of the disk holding drive `root` ("E:\\"), by IOCTL_STORAGE_QUERY_PROPERTY; None when the
    volume cannot be asked (a UNC path, a subst drive, no permission)."""
    if len(root) < 2 or root[1] != ":":
        return None
    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined,unused-ignore]
    kernel32.CreateFileW.restype = ctypes.c_void_p
    share, open_existing = 0x1 | 0x2, 3
    handle = kernel32.CreateFileW(f"\\\\.\\{root[:2]}", 0, share, None, open_existing, 0, None)
    if handle in (None, ctypes.c_void_p(-1).value):
        return None
    try:
        query = _StoragePropertyQuery(0, 0)  # StorageDeviceProperty, PropertyStandardQuery
        buffer = ctypes.create_string_buffer(1024)
        returned = ctypes.c_uint32(0)
        ok = kernel32.DeviceIoControl(
            ctypes.c_void_p(handle), IOCTL_STORAGE_QUERY_PROPERTY, ctypes.byref(query), ctypes.sizeof(query),
            buffer, ctypes.sizeof(buffer), ctypes.byref(returned), None,
        )  # fmt: skip
        return bus_type_of(buffer.raw[: returned.value]) if ok else None
    finally:
        kernel32.CloseHandle(ctypes.c_void_p(handle))


def _windows_drive_kind(path: Path) -> str:
    root = _windows_root(path)
    kind = _WINDOWS_DRIVE_TYPES.get(_windows_drive_type(root), "unknown")
    if kind == "fixed":
        try:
            bus = _windows_bus_type(root)
        except (OSError, AttributeError, ValueError):  # guarded: the answer without it is still "fixed"
            bus = None
        if bus in _REMOVABLE_BUSES:
            return "removable"
    return kind


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


def _linux_mount(path: Path) -> Mount | None:
    try:
        mounts = read_mounts(PROC_MOUNTINFO.read_text(encoding="utf-8", errors="surrogateescape"))
    except OSError:
        return None
    device = _device_number(path)
    text = str(path)
    holding = [m for m in mounts if _under(text, m.mount_point)]
    if not holding:
        return None
    # The file's own device picks among the mounts above it (a bind mount shows the device it came
    # from); then the longest mount point, and of equal ones the last mounted, which covers the others.
    same = [m for m in holding if m.device == device] or holding
    return max(reversed(same), key=lambda m: len(m.mount_point))


def file_system(path: Path) -> str | None:
    """The file system holding `path`, lower case ("vfat", "exfat", "ext4" on Linux; "fat32", "fat",
    "exfat", "ntfs" on Windows), or None when the platform does not tell."""
    target = _existing(path.absolute())
    platform: str = sys.platform
    if platform == "win32":
        buffer = ctypes.create_unicode_buffer(64)
        ok = ctypes.windll.kernel32.GetVolumeInformationW(  # type: ignore[attr-defined,unused-ignore]
            ctypes.c_wchar_p(_windows_root(target)), None, 0, None, None, None, buffer, len(buffer)
        )
        return buffer.value.lower() if ok else None
    if platform.startswith("linux"):
        mount = _linux_mount(target)
        return mount.fs_type.lower() if mount is not None else None
    return None


def _linux_drive_kind(path: Path) -> str:
    mount = _linux_mount(path)
    if mount is None:
        return "unknown"
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
