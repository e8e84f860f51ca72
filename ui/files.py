"""File dialogs and the confirmation after a saved file, one way everywhere (issue 13).

Dialogs start in the folder last used for the same kind of file (remembered per machine in the
settings file), else in the user's Documents folder — never the program's folder. After a file is
written, `show_saved` says where, with a button that opens the folder."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ui.i18n import translate
from ui.settings import Key, Settings


def use_vietnamese_dates(lang: str) -> None:
    """Before the QApplication exists: Qt's own file dialog (Linux; Windows shows its native one)
    writes file dates in the system locale's format, "12/2/26 6:38 PM" on an English desktop.
    LC_TIME alone changes that to day/month/year and nothing else (numbers keep the system's)."""
    if lang == "vi" and sys.platform != "win32":
        os.environ["LC_TIME"] = "vi_VN.UTF-8"


def documents_dir() -> Path:
    """The user's Documents folder (Windows: Tài liệu / Documents), else the home folder."""
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    path = Path(location) if location else Path.home()
    return path if path.is_dir() else Path.home()


def _key(kind: str) -> Key[str]:
    return Key(f"files/last_folder_{kind}", "")


def start_folder(kind: str) -> Path:
    """Where a dialog for `kind` ("report", "minutes", "dues", "register", "import", "photo", …)
    opens: the folder last used for it if it still exists, else Documents."""
    remembered = Settings().get(_key(kind))
    if remembered and Path(remembered).is_dir():
        return Path(remembered)
    return documents_dir()


def remember_folder(kind: str, path: Path) -> None:
    folder = path if path.is_dir() else path.parent
    Settings().set(_key(kind), str(folder))


def save_path(
    parent: QWidget | None, kind: str, title: str, suggested_name: str, filters: str
) -> Path | None:
    """The save dialog; the chosen path (its folder remembered for `kind`) or None."""
    name, _filter = QFileDialog.getSaveFileName(
        parent, title, str(start_folder(kind) / suggested_name), filters
    )
    if not name:
        return None
    path = Path(name)
    remember_folder(kind, path)
    return path


def open_path(parent: QWidget | None, kind: str, title: str, filters: str) -> Path | None:
    name, _filter = QFileDialog.getOpenFileName(parent, title, str(start_folder(kind)), filters)
    if not name:
        return None
    path = Path(name)
    remember_folder(kind, path)
    return path


def folder_path(parent: QWidget | None, kind: str, title: str) -> Path | None:
    name = QFileDialog.getExistingDirectory(parent, title, str(start_folder(kind)))
    if not name:
        return None
    path = Path(name)
    remember_folder(kind, path)
    return path


def open_folder(path: Path) -> bool:
    """Show the folder holding `path` in the system's file manager."""
    folder = path if path.is_dir() else path.parent
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


def show_saved(parent: QWidget | None, path: Path, text: str | None = None) -> QMessageBox:
    """Confirm a written file with its full path and an "Mở thư mục" button. Window-modal but not
    blocking (nothing waits on the answer); returned so that tests can press its buttons."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(translate("files", "Đã lưu tệp"))
    box.setText(text or translate("files", "Đã lưu tệp:"))
    box.setInformativeText(str(path))
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    opener = box.addButton(translate("files", "Mở thư mục"), QMessageBox.ButtonRole.ActionRole)
    close = box.addButton(translate("files", "Đóng"), QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(close)
    opener.clicked.connect(lambda: open_folder(path))  # the box closes itself on any button
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.show()
    return box
