"""A real X display for the tests that must not use Qt's offscreen platform: Xvfb with the openbox
window manager (a window manager places, decorates and closes windows as a clerk's desktop does).

`scripts/sysdeps.sh` (run by `make test`) installs both on Debian/Ubuntu. Only where Xvfb cannot
exist at all (not Linux) do the tests that need it skip; on Linux a missing Xvfb is a failure that
says what to install."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def require_xvfb() -> None:
    if not sys.platform.startswith("linux"):
        pytest.skip("Xvfb (a virtual X display) exists only on Linux/X11")
    missing = [name for name in ("Xvfb", "openbox") if shutil.which(name) is None]
    if missing:
        pytest.fail(
            f"{' and '.join(missing)} not installed: run `bash scripts/sysdeps.sh` as root "
            "(or `sudo apt-get install -y xvfb openbox`)"
        )


def _free_displays() -> Iterator[int]:
    for number in range(90, 400):
        if not Path(f"/tmp/.X{number}-lock").exists() and not Path(f"/tmp/.X11-unix/X{number}").exists():
            yield number


def _start_xvfb(width: int, height: int) -> tuple[int, subprocess.Popen[bytes]]:
    """Xvfb on the first free display number (another program may take a number at the same moment:
    then the next one)."""
    for attempt, number in enumerate(_free_displays()):
        xvfb = subprocess.Popen(
            ["Xvfb", f":{number}", "-screen", "0", f"{width}x{height}x24", "-nolisten", "tcp"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        socket = Path(f"/tmp/.X11-unix/X{number}")
        deadline = time.monotonic() + 15
        while not socket.exists() and xvfb.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        if socket.exists() and xvfb.poll() is None:
            return number, xvfb
        xvfb.terminate()
        xvfb.wait(timeout=10)
        if attempt >= 5:
            break
    pytest.fail("Xvfb did not start")


@contextlib.contextmanager
def x_display(width: int = 1366, height: int = 768) -> Iterator[dict[str, str]]:
    """Start Xvfb and openbox; yield the environment for a Qt child process on that display."""
    require_xvfb()
    number, xvfb = _start_xvfb(width, height)
    display = f":{number}"
    wm: subprocess.Popen[bytes] | None = None
    try:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "WAYLAND"))}
        env.update({"DISPLAY": display, "QT_QPA_PLATFORM": "xcb"})
        wm = subprocess.Popen(["openbox"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(0.3)
        yield env
    finally:
        for process in (wm, xvfb):
            if process is not None:
                process.terminate()
                with contextlib.suppress(subprocess.TimeoutExpired):
                    process.wait(timeout=10)


def make_small_demo(path: Path) -> Path:
    """A small demo commune for the tests on a real display; its key slot made with a low Argon2
    cost (the tests' usual setting) so that each login is quick."""
    from exports.demo_db import create_demo_database
    from models import auth

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(auth, "CURRENT_KDF", auth.KdfParams(64, 1, 1))
        create_demo_database(path, members=40, seed=3, check_drive=False, meeting_years=1)
    return path
