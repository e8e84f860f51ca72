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


def _free_display() -> int:
    for number in range(90, 400):
        if not Path(f"/tmp/.X{number}-lock").exists() and not Path(f"/tmp/.X11-unix/X{number}").exists():
            return number
    msg = "no free X display number"
    raise RuntimeError(msg)


@contextlib.contextmanager
def x_display(width: int = 1366, height: int = 768) -> Iterator[dict[str, str]]:
    """Start Xvfb and openbox; yield the environment for a Qt child process on that display."""
    require_xvfb()
    number = _free_display()
    display = f":{number}"
    xvfb = subprocess.Popen(
        ["Xvfb", display, "-screen", "0", f"{width}x{height}x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    wm: subprocess.Popen[bytes] | None = None
    try:
        socket = Path(f"/tmp/.X11-unix/X{number}")
        deadline = time.monotonic() + 15
        while not socket.exists():
            if xvfb.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"Xvfb did not start on {display}")
            time.sleep(0.05)
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
