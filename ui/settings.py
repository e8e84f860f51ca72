"""Per-machine UI state in an INI file beside the database folder; the commune's own configuration
lives in the database. Every key and its typed default is in the one table below."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar, cast

from PySide6.QtCore import QByteArray, QSettings

from exports.paths import data_dir

T = TypeVar("T")


@dataclass(frozen=True)
class Key(Generic[T]):
    name: str
    default: T


WINDOW_GEOMETRY = Key("window/geometry", QByteArray())
WINDOW_STATE = Key("window/state", QByteArray())
SIDEBAR_AREA = Key("window/area", "organisation")
ORGANISATION_TAB = Key("organisation/tab", 0)
SHOW_CLOSED = Key("organisation/show_closed", False)
LAST_DATABASE = Key("files/last_database", "")
FONT_POINT_SIZE = Key("ui/font_point_size", 11)

DEFAULTS: tuple[Key[bool] | Key[int] | Key[str] | Key[QByteArray], ...] = (
    WINDOW_GEOMETRY,
    WINDOW_STATE,
    SIDEBAR_AREA,
    ORGANISATION_TAB,
    SHOW_CLOSED,
    LAST_DATABASE,
    FONT_POINT_SIZE,
)


def settings_file() -> Path:
    return data_dir() / "settings.ini"


class Settings:
    """Typed access to the INI file; a missing or malformed value reads as its default."""

    def __init__(self, path: Path | None = None) -> None:
        self._qs = QSettings(str(path or settings_file()), QSettings.Format.IniFormat)

    def get(self, key: Key[T]) -> T:
        raw = self._qs.value(key.name, key.default)
        default = key.default
        value: object
        if isinstance(default, bool):
            value = raw.lower() in ("true", "1", "yes") if isinstance(raw, str) else bool(raw)
        elif isinstance(default, int):
            try:
                value = int(str(raw))
            except (TypeError, ValueError):
                value = default
        elif isinstance(default, QByteArray):
            value = raw if isinstance(raw, QByteArray) else default
        else:
            value = raw if isinstance(raw, str) else default
        return cast(T, value)

    def set(self, key: Key[T], value: T) -> None:
        self._qs.setValue(key.name, value)

    def sync(self) -> None:
        self._qs.sync()
