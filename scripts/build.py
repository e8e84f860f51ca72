"""`make build`: compile the translations, build the one-folder bundle with PyInstaller, sign the
executable when a certificate is configured, run the frozen program's self-test headless (failing on a
non-zero exit or unexpected stderr, as qutebrowser's release script does) and once more on the native
platform where a display exists, and report the bundle size.

Everything this script prints is ASCII: a build captured by a Windows console or CI log in a legacy
code page must not fail after it succeeded.

Code signing (Windows; see the README): set DUX_SIGN_CERT to a .pfx file (and DUX_SIGN_PASSWORD to its
password) or DUX_SIGN_THUMBPRINT to a certificate in the user's store; DUX_SIGN_TIMESTAMP overrides the
RFC 3161 timestamp server; DUX_SIGNTOOL the path of signtool.exe (on Linux, osslsigncode). Without
DUX_SIGN_CERT or DUX_SIGN_THUMBPRINT the step is skipped.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NAME = "SoTayDangUy"
VERSION = (0, 1, 0, 0)
ALLOWED_STDERR = ("propagateSizeHints", "QStandardPaths", "XDG_RUNTIME_DIR")
TIMESTAMP_URL = "http://timestamp.digicert.com"


def lrelease() -> Path:
    import PySide6

    folder = Path(PySide6.__file__).resolve().parent
    for candidate in (folder / "lrelease", folder / "lrelease.exe", folder / "Qt" / "bin" / "lrelease"):
        if candidate.is_file():
            return candidate
    sys.exit("lrelease not found in the PySide6 installation")


def compile_translations() -> None:
    out = ROOT / "build" / "i18n"
    out.mkdir(parents=True, exist_ok=True)
    for ts in sorted((ROOT / "resources" / "i18n").glob("*.ts")):
        subprocess.run([str(lrelease()), "-silent", str(ts), "-qm", str(out / f"{ts.stem}.qm")], check=True)


def version_file() -> None:
    major, minor, patch, build = VERSION
    text = f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers=({major}, {minor}, {patch}, {build}), prodvers=({major}, {minor}, {patch}, {build}),
    mask=0x3f, flags=0x0, OS=0x40004, fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[StringFileInfo([StringTable('042a04b0', [
      StringStruct('CompanyName', 'Văn phòng Đảng ủy xã'),
      StringStruct('FileDescription', 'Sổ tay Văn phòng Đảng ủy xã'),
      StringStruct('FileVersion', '{major}.{minor}.{patch}'),
      StringStruct('ProductName', 'Sổ tay Văn phòng Đảng ủy xã'),
      StringStruct('ProductVersion', '{major}.{minor}.{patch}')])]),
    VarFileInfo([VarStruct('Translation', [0x042a, 1200])])]
)
"""
    path = ROOT / "build" / "version_info.txt"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def build() -> Path:
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
         "--distpath", str(ROOT / "dist"), "--workpath", str(ROOT / "build" / "pyinstaller"), str(ROOT / "build.spec")],
        check=True,
        cwd=ROOT,
    )  # fmt: skip
    exe = ROOT / "dist" / NAME / (NAME + (".exe" if sys.platform == "win32" else ""))
    if not exe.is_file():
        sys.exit(f"no executable at {exe}")
    return exe


def sign_command(files: list[Path], env: Mapping[str, str], windows: bool) -> list[str] | None:
    """The signing command for `files`, or None when no certificate is configured."""
    cert, thumbprint = env.get("DUX_SIGN_CERT"), env.get("DUX_SIGN_THUMBPRINT")
    if not cert and not thumbprint:
        return None
    stamp = env.get("DUX_SIGN_TIMESTAMP", TIMESTAMP_URL)
    password = env.get("DUX_SIGN_PASSWORD")
    if windows:
        command = [
            env.get("DUX_SIGNTOOL", "signtool.exe"),
            "sign",
            "/fd",
            "SHA256",
            "/tr",
            stamp,
            "/td",
            "SHA256",
        ]
        command += ["/f", cert] if cert else ["/sha1", thumbprint or ""]
        command += ["/p", password] if cert and password else []
        return [*command, *map(str, files)]
    if not cert:
        sys.exit(
            "DUX_SIGN_THUMBPRINT names a Windows certificate store; on Linux set DUX_SIGN_CERT to a .pfx"
        )
    command = [env.get("DUX_SIGNTOOL", "osslsigncode"), "sign", "-pkcs12", cert, "-h", "sha256", "-ts", stamp]
    command += ["-pass", password] if password else []
    return command  # osslsigncode signs one file at a time: -in/-out are added per file


def sign(exe: Path) -> None:
    """Sign the program (SmartScreen's "unknown publisher" and antivirus false positives come from an
    unsigned executable); skipped when no certificate is configured."""
    windows = sys.platform == "win32"
    command = sign_command([exe], os.environ, windows)
    if command is None:
        print("signing: skipped (no DUX_SIGN_CERT or DUX_SIGN_THUMBPRINT)")
        return
    if shutil.which(command[0]) is None and not Path(command[0]).is_file():
        sys.exit(f"signing: {command[0]} not found (set DUX_SIGNTOOL)")
    if windows:
        subprocess.run(command, check=True)
    else:
        signed = exe.with_name(exe.name + ".signed")
        subprocess.run([*command, "-in", str(exe), "-out", str(signed)], check=True)
        signed.replace(exe)
    print(f"signing: {exe.name} signed")


def native_platform(env: Mapping[str, str], platform: str) -> str | None:
    """The Qt platform plugin to prove in a second self-test, when this machine has a display."""
    if platform == "win32":
        return "windows"
    if platform.startswith("linux") and env.get("DISPLAY"):
        return "xcb"
    return None


def frozen_self_test(exe: Path, qt_platform: str = "offscreen") -> None:
    with tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as data:
        env = {**os.environ, "QT_QPA_PLATFORM": qt_platform, "DUX_DATA_DIR": data}
        result = subprocess.run(
            [str(exe), "self-test"],
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="backslashreplace",
            env=env,
            timeout=600,
            check=False,
        )
    unexpected = [
        line
        for line in result.stderr.splitlines()
        if line.strip() and not any(a in line for a in ALLOWED_STDERR)
    ]
    print(ascii_only(result.stdout.strip()))
    if result.returncode != 0 or unexpected:
        print(ascii_only("\n".join(unexpected)), file=sys.stderr)
        sys.exit(f"frozen self-test on {qt_platform} failed (exit {result.returncode})")


def ascii_only(text: str) -> str:
    return text.encode("ascii", "backslashreplace").decode("ascii")


def size_mb(folder: Path) -> float:
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()) / 1_000_000


def main() -> None:
    compile_translations()
    version_file()
    exe = build()
    sign(exe)
    frozen_self_test(exe)
    native = native_platform(os.environ, sys.platform)
    if native is None:
        print("self-test on a native platform: skipped (no display)")
    else:
        frozen_self_test(exe, native)
    print(ascii_only(f"bundle: {exe.parent} - {size_mb(exe.parent):.0f} MB unpacked (target <= 200 MB)"))


if __name__ == "__main__":
    main()
