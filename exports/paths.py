"""Where the app keeps per-user data: the database, backups, logs, crash files."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_DIR_NAME = "SoTayDangUy"


def data_dir(*, create: bool = True) -> Path:
    """%LOCALAPPDATA%\\SoTayDangUy on Windows, $XDG_DATA_HOME/SoTayDangUy (~/.local/share) elsewhere.
    `DUX_DATA_DIR` overrides it (tests, portable use)."""
    override = os.environ.get("DUX_DATA_DIR")
    if override:
        base = Path(override)
    elif sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local")) / APP_DIR_NAME
    else:
        base = Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share")) / APP_DIR_NAME
    if create:
        base.mkdir(parents=True, exist_ok=True)
    return base


def default_database() -> Path:
    """The office's real database (created by the first-start wizard or `main.py init`)."""
    return data_dir() / "dang-uy-xa.db"


def demo_database() -> Path:
    """The demo commune, in its own file: never the real database, never opened by default."""
    return data_dir() / "xa-mau.db"


def logs_dir() -> Path:
    path = data_dir() / "logs"
    path.mkdir(parents=True, exist_ok=True)
    return path
