"""The one lock file must install on Linux and on Windows: every requirement of every locked package
(read from the installed distributions' metadata, markers evaluated for each system) is pinned there.
`make windows-check` does the same against PyPI's Windows wheels (network); this test is offline."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LOCK = ROOT / "requirements.lock"


def _check(lock: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "lock.py"), "check", "--lock", str(lock)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        timeout=60,
    )


def test_the_lock_is_complete_for_linux_and_windows() -> None:
    done = _check(LOCK)
    assert done.returncode == 0, done.stderr
    assert "complete for Linux and Windows" in done.stdout


def test_the_windows_only_packages_are_pinned_with_their_marker() -> None:
    lines = LOCK.read_text(encoding="utf-8").splitlines()
    for name in ("pefile", "pywin32-ctypes", "colorama"):
        assert any(line.startswith(f"{name}==") and 'sys_platform == "win32"' in line for line in lines), name


def test_a_lock_without_a_windows_requirement_fails(tmp_path: Path) -> None:
    text = LOCK.read_text(encoding="utf-8")
    broken = tmp_path / "no-pefile.lock"
    broken.write_text(
        "\n".join(x for x in text.splitlines() if not x.startswith("pefile==")), encoding="utf-8"
    )
    done = _check(broken)
    assert done.returncode == 1
    assert "windows: pefile>=" in done.stderr
    assert "required by pyinstaller" in done.stderr
    assert "linux:" not in done.stderr  # Linux does not need it


def test_a_marker_that_excludes_windows_is_a_gap(tmp_path: Path) -> None:
    text = LOCK.read_text(encoding="utf-8").replace('colorama==0.4.6 ; sys_platform == "win32"', "")
    wrong = tmp_path / "wrong-marker.lock"
    wrong.write_text(text + 'colorama==0.4.6 ; sys_platform == "linux"\n', encoding="utf-8")
    done = _check(wrong)
    assert done.returncode == 1
    assert "windows: colorama>=0.4" in done.stderr


def test_a_package_both_systems_need_is_checked_on_both(tmp_path: Path) -> None:
    text = LOCK.read_text(encoding="utf-8")
    broken = tmp_path / "no-setuptools.lock"
    broken.write_text(
        "\n".join(x for x in text.splitlines() if not x.startswith("setuptools==")), encoding="utf-8"
    )
    done = _check(broken)
    assert done.returncode == 1
    assert "linux: setuptools>=42.0.0 (required by pyinstaller==" in done.stderr
    assert "windows: setuptools>=42.0.0 (required by pyinstaller==" in done.stderr
