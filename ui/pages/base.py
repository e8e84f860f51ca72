"""What every page of the sidebar offers the main window."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget


class Page(QWidget):
    """A sidebar area. It emits `changed` after it wrote something; the main window then calls
    `refresh()` on every page."""

    changed = Signal()

    def title(self) -> str:
        raise NotImplementedError

    def refresh(self) -> None:
        raise NotImplementedError
