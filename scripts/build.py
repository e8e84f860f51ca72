"""`make build`: compile the translations, build the one-folder bundle with PyInstaller, run the
frozen program's self-test headless (failing on a non-zero exit or unexpected stderr, as qutebrowser's
release script does), and report the bundle size."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NAME = "SoTayDangUy"
VERSION = (0, 1, 0, 0)
ALLOWED_STDERR = ("propagateSizeHints", "QStandardPaths", "XDG_RUNTIME_DIR")


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


def frozen_self_test(exe: Path) -> None:
    with tempfile.TemporaryDirectory() as data:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "DUX_DATA_DIR": data}
        result = subprocess.run(
            [str(exe), "self-test"], capture_output=True, text=True, env=env, timeout=600, check=False
        )
    unexpected = [
        line
        for line in result.stderr.splitlines()
        if line.strip() and not any(a in line for a in ALLOWED_STDERR)
    ]
    print(result.stdout.strip())
    if result.returncode != 0 or unexpected:
        print("\n".join(unexpected), file=sys.stderr)
        sys.exit(f"frozen self-test failed (exit {result.returncode})")


def size_mb(folder: Path) -> float:
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()) / 1_000_000


def main() -> None:
    compile_translations()
    version_file()
    exe = build()
    frozen_self_test(exe)
    print(f"bundle: {exe.parent} — {size_mb(exe.parent):.0f} MB unpacked (target ≤ 200 MB)")


if __name__ == "__main__":
    main()
