"""One way to choose and confirm files (issue 13): dialogs open in Documents, then where the same
kind of file went last time; a saved file is confirmed with its path and an "Mở thư mục" button."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from tests.test_i18n import QTBASE_VI, catalogue
from ui import files

ROOT = Path(__file__).resolve().parents[2]


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


def test_file_dialog_words_and_dates_in_vietnamese() -> None:
    """ "Folder" in the file list's type column comes from qtbase_vi.ts; file dates follow LC_TIME,
    which the window sets to Vietnamese (checked in a fresh process: Qt reads it at start)."""
    messages = catalogue(QTBASE_VI)
    assert messages[("QAbstractFileIconProvider", "Folder")].text == "Thư mục"
    assert messages[("QFileDialog", "Folder")].text == "Thư mục"
    code = (
        "from ui.files import use_vietnamese_dates; use_vietnamese_dates('vi');"
        "from PySide6.QtCore import QLocale, QDateTime, QDate, QTime;"
        "print(QLocale.system().toString(QDateTime(QDate(2026, 2, 3), QTime(9, 5)), QLocale.FormatType.ShortFormat))"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_TIME")} | {"LANG": "en_US.UTF-8"}
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=ROOT,
        check=True,
        timeout=60,
    )
    assert result.stdout.strip().startswith("3/2/"), result.stdout  # day first, not "2/3/26 9:05 AM"
    assert "AM" not in result.stdout
