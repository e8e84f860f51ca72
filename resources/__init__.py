"""Finds bundled resources (fonts, translations, presets, icons) from this file's location, so the same
code works from a checkout and from a frozen (PyInstaller) build."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any


def root() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parent


def path(*parts: str) -> Path:
    return root().joinpath(*parts)


def manual() -> Path:
    """The clerk's manual (Markdown with its screenshots beside it): docs/manual in a checkout,
    resources/manual in the frozen build (build.spec copies it there)."""
    frozen = getattr(sys, "_MEIPASS", None)
    folder = (
        Path(frozen) / "resources" / "manual"
        if frozen
        else Path(__file__).resolve().parents[1] / "docs" / "manual"
    )
    return folder / "huong-dan-su-dung.md"


def font(name: str) -> Path:
    return path("fonts", name)


def load_preset(name: str) -> Any:
    """A JSON preset from resources/presets (rule tables, picklists)."""
    return json.loads(path("presets", f"{name}.json").read_text(encoding="utf-8"))
