"""One way to choose and confirm files (issue 13): dialogs open in Documents, then where the same
kind of file went last time; a saved file is confirmed with its path and an "Mở thư mục" button."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from ui import files


def test_dialogs_start_in_documents_then_remember_the_folder_per_kind(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    del qtbot
    documents = tmp_path / "Documents"
    documents.mkdir()
    monkeypatch.setattr(files, "documents_dir", lambda: documents)
    asked: list[str] = []
    chosen = tmp_path / "USB" / "bao-cao.pdf"
    chosen.parent.mkdir()

    def dialog(_parent: Any, _title: str, start: str, _filters: str) -> tuple[str, str]:
        asked.append(start)
        return str(chosen), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    assert files.save_path(None, "report", "Lưu báo cáo", "BaoCao-2026-Q3.pdf", "*.pdf") == chosen
    assert asked == [str(documents / "BaoCao-2026-Q3.pdf")]
    files.save_path(None, "report", "Lưu báo cáo", "BaoCao-2026-Q4.pdf", "*.pdf")
    assert asked[-1] == str(chosen.parent / "BaoCao-2026-Q4.pdf")
    files.save_path(None, "minutes", "Lưu biên bản", "bien-ban.pdf", "*.pdf")
    assert asked[-1] == str(documents / "bien-ban.pdf"), "another kind keeps its own folder"


def test_saved_file_confirmation_opens_the_folder(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "dang-phi-2026-03.pdf"
    target.write_bytes(b"%PDF")
    opened: list[str] = []

    def open_url(url: QUrl) -> bool:
        opened.append(url.toLocalFile())
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", open_url)
    box = files.show_saved(None, target)
    qtbot.addWidget(box)
    assert box.isVisible()
    assert box.informativeText() == str(target)
    button = next(b for b in box.buttons() if b.text().replace("&", "") == "Mở thư mục")
    assert isinstance(button, QPushButton)
    button.click()
    assert opened == [str(tmp_path)]
    assert not box.isVisible()
    assert isinstance(box, QMessageBox)
