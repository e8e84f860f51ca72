"""The clerk's manual inside the app (Help → Hướng dẫn sử dụng, F1): the Markdown file of
docs/manual rendered by Qt, its chapters in a list on the left, screenshots scaled to the window."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QResizeEvent, QTextCursor, QTextDocument, QTextImageFormat
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

import resources
from ui.i18n import translate

_HEADING = re.compile(r"^(#{2,3})\s+(.*)$")


def slug(heading: str) -> str:
    """The anchor a Markdown heading gets on GitHub: lower case, punctuation dropped, spaces to
    hyphens, letters with diacritics kept (so the manual's own table of contents works here too)."""
    text = unicodedata.normalize("NFC", heading).strip().lower()
    text = "".join(ch for ch in text if ch.isalnum() or ch in " -_")
    return text.replace(" ", "-")


def chapters(markdown: str) -> list[tuple[int, str]]:
    """(level, title) of the ## and ### headings, in order."""
    found: list[tuple[int, str]] = []
    for line in markdown.splitlines():
        match = _HEADING.match(line)
        if match:
            found.append((len(match.group(1)), match.group(2).strip()))
    return found


class HelpDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, path: Path | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("help", "Hướng dẫn sử dụng"))
        self.path = path or resources.manual()
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._follow)
        self.contents = QListWidget()
        self.contents.setFixedWidth(270)
        self.contents.setWordWrap(True)
        self.contents.itemActivated.connect(self._jump)
        self.contents.itemClicked.connect(self._jump)
        self.missing = QLabel()
        self.missing.setWordWrap(True)
        self.missing.hide()
        row = QHBoxLayout()
        row.addWidget(self.contents)
        row.addWidget(self.browser, 1)
        buttons = QDialogButtonBox()
        close = buttons.addButton(translate("help", "Đóng"), QDialogButtonBox.ButtonRole.RejectRole)
        close.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.missing)
        layout.addLayout(row, 1)
        layout.addWidget(buttons)
        self.resize(1180, 700)
        self._titles: list[str] = []
        self._load()

    def _load(self) -> None:
        try:
            markdown = self.path.read_text(encoding="utf-8")
        except OSError:
            self.missing.setText(
                translate(
                    "help",
                    "Không tìm thấy tệp hướng dẫn ({path}). Hãy cài lại chương trình.",
                ).format(path=self.path)
            )
            self.missing.show()
            return
        document = self.browser.document()
        document.setBaseUrl(QUrl.fromLocalFile(str(self.path.parent) + "/"))
        document.setMarkdown(markdown)
        for level, title in chapters(markdown):
            if title.lower() == "mục lục":
                continue
            item = QListWidgetItem(("    " if level == 3 else "") + title)
            item.setData(Qt.ItemDataRole.UserRole, title)
            self.contents.addItem(item)
            self._titles.append(title)
        self._fit_images()
        self.browser.moveCursor(QTextCursor.MoveOperation.Start)
        self.browser.verticalScrollBar().setValue(0)

    def chapter_titles(self) -> list[str]:
        return list(self._titles)

    def _fit_images(self) -> None:
        """Scale every screenshot to the text width (never above its own size)."""
        document = self.browser.document()
        scrolled = self.browser.verticalScrollBar().value()
        width = max(200, self.browser.viewport().width() - 40)
        block = document.begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                fmt = fragment.charFormat()
                if fragment.isValid() and fmt.isImageFormat():
                    image = fmt.toImageFormat()
                    natural = document.resource(QTextDocument.ResourceType.ImageResource, QUrl(image.name()))
                    natural_width = getattr(natural, "width", lambda: width)()
                    target = QTextImageFormat(image)
                    target.setWidth(min(width, natural_width or width))
                    if image.height() > 0:
                        target.clearProperty(QTextImageFormat.Property.ImageHeight)
                    cursor = QTextCursor(document)
                    cursor.setPosition(fragment.position())
                    cursor.setPosition(fragment.position() + fragment.length(), cursor.MoveMode.KeepAnchor)
                    cursor.setCharFormat(target)
                it += 1
            block = block.next()
        self.browser.verticalScrollBar().setValue(scrolled)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_images()

    def show_chapter(self, title: str) -> bool:
        """Scroll so that the heading `title` is at the top; False when there is no such heading."""
        document = self.browser.document()
        block = document.begin()
        while block.isValid():
            if block.blockFormat().headingLevel() > 0 and block.text().strip() == title:
                top = document.documentLayout().blockBoundingRect(block).top()
                self.browser.verticalScrollBar().setValue(int(top))
                return True
            block = block.next()
        return False

    def _jump(self, item: QListWidgetItem) -> None:
        self.show_chapter(str(item.data(Qt.ItemDataRole.UserRole)))

    def _follow(self, url: QUrl) -> None:
        if url.hasFragment() and (not url.path() or url.path().endswith(self.path.name)):
            wanted = url.fragment(QUrl.ComponentFormattingOption.FullyDecoded)
            for title in self._titles:
                if slug(title) == wanted:
                    self.show_chapter(title)
                    return
            return
        if url.isLocalFile() or url.scheme() in ("http", "https"):
            QDesktopServices.openUrl(url)

    @classmethod
    def ask(cls, parent: QWidget | None = None) -> None:
        dialog = cls(parent)
        dialog.exec()
