"""A database on a removable or network drive is refused where the platform tells (issue 2, safe
storage): the Vietnamese message, no file created, `check_drive=False` to bypass. The Linux probe is
run on a fake /proc/self/mountinfo and /sys tree; the Windows one on a fake GetDriveTypeW."""

from __future__ import annotations

import ctypes
import os
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from exports import keyring
from models import auth, storage
from models.errors import StorageError
from models.setup import open_app_database

ROOT_LINE = "22 1 {dev} / / rw,relatime shared:1 - ext4 /dev/vda rw"
OTHER = "4095:4095"  # a device number no real file system here has
PCI = "devices/pci0000:00/0000:00:1d.0"


def database_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


# ---------------------------------------------------------------- refusal at open


@pytest.mark.parametrize(
    ("kind", "words"),
    [("removable", "USB hoặc ổ đĩa tháo rời"), ("network", "ổ đĩa mạng")],
)
def test_a_database_on_an_unsafe_drive_is_refused_and_not_created(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str, words: str
) -> None:
    asked: list[Path] = []

    def probe(path: Path) -> str:
        asked.append(path)
        return kind

    monkeypatch.setattr(storage, "drive_kind", probe)
    folder = tmp_path / "ổ"
    folder.mkdir()
    with pytest.raises(StorageError) as exc:
        open_app_database(folder / "xa.db", create=True)
    assert exc.value.kind == kind
    assert words in exc.value.text()
    assert "chép" in exc.value.text()  # and what to do: copy it to the computer's own disk
    assert asked == [folder]  # a new file: its folder was asked
    assert database_files(folder) == []


def test_an_existing_database_on_an_unsafe_drive_is_refused_and_left_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "xa.db"
    open_app_database(path, create=True, check_drive=False).close()
    before = {name: (tmp_path / name).read_bytes() for name in database_files(tmp_path)}
    monkeypatch.setattr(storage, "drive_kind", lambda _path: "removable")
    with pytest.raises(StorageError) as exc:
        open_app_database(path)
    assert exc.value.kind == "removable"
    assert {name: (tmp_path / name).read_bytes() for name in database_files(tmp_path)} == before


def test_the_encrypted_database_of_a_new_installation_is_refused_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(auth, "CURRENT_KDF", auth.KdfParams(64, 1, 1))
    monkeypatch.setattr(storage, "drive_kind", lambda _path: "network")
    with pytest.raises(StorageError) as exc:
        keyring.create_encrypted_database(tmp_path / "xa.db", "quantri", "mật khẩu dài 2026")
    assert exc.value.kind == "network"
    assert database_files(tmp_path) == []  # neither the database nor its key file


def test_check_drive_false_bypasses_the_probe(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def probe(_path: Path) -> str:
        raise AssertionError("the drive must not be asked")

    monkeypatch.setattr(storage, "drive_kind", probe)
    open_app_database(tmp_path / "xa.db", create=True, check_drive=False).close()
    assert "xa.db" in database_files(tmp_path)


@pytest.mark.parametrize("kind", ["fixed", "unknown"])
def test_a_fixed_or_unknown_drive_is_accepted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    monkeypatch.setattr(storage, "drive_kind", lambda _path: kind)
    open_app_database(tmp_path / "xa.db", create=True).close()
    assert "xa.db" in database_files(tmp_path)


# ---------------------------------------------------------------- Linux: mountinfo and sysfs


class FakeLinux:
    """A fake /proc/self/mountinfo and /sys tree; `disk()` adds a block device."""

    def __init__(self, root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        self.sys = root / "sys"
        self.mountinfo = root / "mountinfo"
        (self.sys / "dev" / "block").mkdir(parents=True)
        (self.sys / "class" / "block").mkdir(parents=True)
        monkeypatch.setattr(storage, "PROC_MOUNTINFO", self.mountinfo)
        monkeypatch.setattr(storage, "SYS_DEV_BLOCK", self.sys / "dev" / "block")
        monkeypatch.setattr(storage, "SYS_CLASS_BLOCK", self.sys / "class" / "block")
        monkeypatch.setattr(sys, "platform", "linux")

    def mounts(self, *lines: str) -> None:
        self.mountinfo.write_text("\n".join(lines) + "\n", encoding="utf-8")

    def disk(
        self, name: str, number: str, *, bus: str, removable: str = "0", partition: str = "", card: str = ""
    ) -> Path:
        """A disk under `bus` (a sysfs device path); with `partition`, that partition gets `number`."""
        disk = self.sys / bus / "block" / name
        disk.mkdir(parents=True)
        (disk / "removable").write_text(removable + "\n", encoding="ascii")
        if card:
            (disk / "device").mkdir()
            (disk / "device" / "type").write_text(card + "\n", encoding="ascii")
        entry = disk
        if partition:
            entry = disk / partition
            entry.mkdir()
            (entry / "partition").write_text("1\n", encoding="ascii")
        (self.sys / "dev" / "block" / number).symlink_to(entry)
        (self.sys / "class" / "block" / entry.name).symlink_to(entry)
        return disk


def esc(path: Path | str) -> str:
    """A mount point as mountinfo writes it."""
    return str(path).replace("\\", "\\134").replace(" ", "\\040")


def real_device(path: Path) -> str:
    st_dev = path.stat().st_dev
    return f"{os.major(st_dev)}:{os.minor(st_dev)}"


@pytest.fixture
def linux(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> FakeLinux:
    if sys.platform == "win32":
        pytest.skip("the fake /sys tree needs symlinks and os.major: the Linux probe is tested on POSIX")
    return FakeLinux(tmp_path / "fake", monkeypatch)


@pytest.fixture
def home(tmp_path: Path) -> Path:
    folder = tmp_path / "Tài liệu"
    folder.mkdir()
    return folder


def test_linux_usb_stick_mounted_under_its_folder(linux: FakeLinux, home: Path) -> None:
    """A USB stick (removable=1) as udisks mounts it, with a space in the label."""
    dev = real_device(home)
    linux.disk("vda", OTHER, bus=f"{PCI}/virtio1")
    linux.disk(
        "sdb", dev, bus=f"{PCI}/usb2/2-1/2-1:1.0/host6/target6:0:0/6:0:0:0", removable="1", partition="sdb1"
    )
    linux.mounts(
        ROOT_LINE.format(dev=OTHER),
        f"40 22 {dev} / {esc(home)} rw,nosuid shared:60 - vfat /dev/sdb1 rw,uid=1000",
    )
    assert storage.drive_kind(home / "xa.db") == "removable"


def test_linux_usb_hard_disk_that_says_not_removable(linux: FakeLinux, home: Path) -> None:
    dev = real_device(home)
    linux.disk("sdc", dev, bus=f"{PCI}/usb3/3-2/3-2:1.0/host7/target7:0:0/7:0:0:0", partition="sdc1")
    linux.mounts(ROOT_LINE.format(dev=OTHER), f"41 22 {dev} / {esc(home)} rw shared:61 - ext4 /dev/sdc1 rw")
    assert storage.drive_kind(home / "xa.db") == "removable"


def test_linux_sd_card_in_the_laptop_slot(linux: FakeLinux, home: Path) -> None:
    dev = real_device(home)
    linux.disk("mmcblk0", dev, bus=f"{PCI}/mmc_host/mmc0/mmc0:aaaa", card="SD", partition="mmcblk0p1")
    linux.mounts(
        ROOT_LINE.format(dev=OTHER), f"42 22 {dev} / {esc(home)} rw shared:62 - exfat /dev/mmcblk0p1 rw"
    )
    assert storage.drive_kind(home / "xa.db") == "removable"


def test_linux_internal_disks_are_fixed(linux: FakeLinux, home: Path) -> None:
    """An NVMe partition, and the eMMC of a cheap laptop (also mmcblk, but type MMC)."""
    dev = real_device(home)
    linux.disk("nvme0n1", dev, bus=f"{PCI}/nvme/nvme0", partition="nvme0n1p2")
    linux.mounts(ROOT_LINE.format(dev=dev))
    assert storage.drive_kind(home / "xa.db") == "fixed"
    (linux.sys / "dev" / "block" / dev).unlink()
    linux.disk("mmcblk1", dev, bus=f"{PCI}/mmc_host/mmc1/mmc1:0001", card="MMC", partition="mmcblk1p2")
    assert storage.drive_kind(home / "xa.db") == "fixed"


def test_linux_bind_mount_of_a_usb_folder_is_removable(linux: FakeLinux, home: Path) -> None:
    """The USB folder bound into the home folder: the file's own device decides, not the mount above."""
    dev = real_device(home)
    linux.disk("vda", OTHER, bus=f"{PCI}/virtio1")
    linux.disk(
        "sdb", dev, bus=f"{PCI}/usb2/2-1/2-1:1.0/host6/target6:0:0/6:0:0:0", removable="1", partition="sdb1"
    )
    linux.mounts(
        ROOT_LINE.format(dev=OTHER),
        f"40 22 {dev} / /media/usb rw shared:60 - vfat /dev/sdb1 rw",
        f"41 22 {dev} /hoso {esc(home)} rw shared:60 - vfat /dev/sdb1 rw",
    )
    assert storage.drive_kind(home / "xa.db") == "removable"


def test_linux_encrypted_volume_on_a_usb_disk(linux: FakeLinux, home: Path) -> None:
    """/dev/mapper/luks-…: the device mapper's slave is the USB partition."""
    dev = real_device(home)
    usb = linux.disk("sdb", "8:17", bus=f"{PCI}/usb2/2-1/2-1:1.0/host6/target6:0:0/6:0:0:0", partition="sdb1")
    mapper = linux.disk("dm-0", dev, bus="devices/virtual")
    (mapper / "slaves").mkdir()
    (mapper / "slaves" / "sdb1").symlink_to(usb / "sdb1")
    linux.mounts(ROOT_LINE.format(dev=OTHER), f"43 22 {dev} / {esc(home)} rw - ext4 /dev/mapper/luks-1 rw")
    assert storage.drive_kind(home / "xa.db") == "removable"


def test_linux_the_last_mount_on_a_mount_point_is_the_one_that_counts(linux: FakeLinux, home: Path) -> None:
    dev = real_device(home)
    linux.disk("sdb", dev, bus=f"{PCI}/usb2/2-1/2-1:1.0/host6/target6:0:0/6:0:0:0", removable="1")
    linux.mounts(
        ROOT_LINE.format(dev=OTHER),
        f"50 22 0:99 / {esc(home)} rw - tmpfs tmpfs rw",
        f"51 50 {dev} / {esc(home)} rw - vfat /dev/sdb rw",
    )
    assert storage.drive_kind(home / "xa.db") == "removable"


@pytest.mark.parametrize(
    ("fs_type", "source"),
    [
        ("nfs4", "server:/hoso"),
        ("cifs", "//may-chu/hoso"),
        ("fuse.sshfs", "user@may-chu:/hoso"),
        ("fuse.gvfsd-fuse", "gvfsd-fuse"),  # a share opened from the desktop's file manager
    ],
)
def test_linux_network_shares(linux: FakeLinux, home: Path, fs_type: str, source: str) -> None:
    linux.mounts(
        ROOT_LINE.format(dev=OTHER),
        f"60 22 {real_device(home)} / {esc(home)} rw - {fs_type} {source} rw",
    )
    assert storage.drive_kind(home / "chưa có" / "xa.db") == "network"  # the nearest existing folder


def test_linux_unreadable_mountinfo_tells_nothing(linux: FakeLinux, home: Path) -> None:
    assert storage.drive_kind(home / "xa.db") == "unknown"  # no mountinfo written


def test_linux_refusal_end_to_end(linux: FakeLinux, home: Path) -> None:
    """The probe on the fake USB stick refuses open_app_database with the message, nothing created."""
    dev = real_device(home)
    linux.disk(
        "sdb", dev, bus=f"{PCI}/usb2/2-1/2-1:1.0/host6/target6:0:0/6:0:0:0", removable="1", partition="sdb1"
    )
    linux.mounts(ROOT_LINE.format(dev=OTHER), f"40 22 {dev} / {esc(home)} rw - vfat /dev/sdb1 rw")
    with pytest.raises(StorageError) as exc:
        open_app_database(home / "xa.db", create=True)
    assert exc.value.kind == "removable"
    assert database_files(home) == []


# ---------------------------------------------------------------- Windows: GetDriveTypeW


@pytest.mark.parametrize(
    ("code", "kind"),
    [
        (2, "removable"),
        (3, "fixed"),
        (4, "network"),
        (5, "removable"),
        (6, "fixed"),
        (0, "unknown"),
        (1, "unknown"),
    ],
)
def test_windows_drive_types(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int, kind: str) -> None:
    roots: list[str] = []

    def get_drive_type(root: ctypes.c_wchar_p) -> int:
        roots.append(str(root.value))
        return code

    fake = SimpleNamespace(kernel32=SimpleNamespace(GetDriveTypeW=get_drive_type))
    monkeypatch.setattr(ctypes, "windll", fake, raising=False)
    monkeypatch.setattr(sys, "platform", "win32")
    assert storage.drive_kind(tmp_path / "xa.db") == kind
    assert len(roots) == 1  # asked once, with the drive root
