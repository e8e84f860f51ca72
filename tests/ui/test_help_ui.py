"""The clerk's manual: reachable from the Help menu, complete on the topics the office needs, its
screenshots present, its chapters navigable, and every storage error explained."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

import resources
from models import db as dbmod
from ui.context import AppContext
from ui.help_dialog import HelpDialog, chapters, slug
from ui.main_window import MainWindow

MANUAL = resources.manual()
TEXT = MANUAL.read_text(encoding="utf-8")


def test_manual_is_in_docs_and_every_screenshot_exists() -> None:
    assert MANUAL.parent == Path(__file__).resolve().parents[2] / "docs" / "manual"
    images = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", TEXT)
    assert len(images) >= 15
    missing = [name for name in images if not (MANUAL.parent / name).is_file()]
    assert missing == []


@pytest.mark.parametrize(
    "topic",
    [
        "Lần đầu sử dụng",
        "Nhập liệu hằng ngày",
        "Sinh hoạt chi bộ và biên bản",
        "Báo cáo quý",
        "Gửi dữ liệu lên cấp trên bằng USB",
        "Sao lưu và phục hồi",
        "Khi chương trình báo lỗi",
    ],
)
def test_manual_covers_the_topics(topic: str) -> None:
    assert any(topic in title for _, title in chapters(TEXT))


def test_manual_states_the_safe_removal_rule() -> None:
    assert "Đã ghi xong, có thể rút USB" in TEXT


def test_every_storage_error_has_an_entry_in_the_manual() -> None:
    section = TEXT.split("### 10.1.")[1].split("### 10.2.")[0]
    for kind, message in dbmod._MESSAGES.items():
        opening = " ".join(message.split()[:4]).rstrip(".,").lower()
        assert opening in section.lower(), kind


def test_table_of_contents_links_are_valid_anchors() -> None:
    anchors = {slug(title) for _, title in chapters(TEXT)}
    links = re.findall(r"\]\(#([^)]+)\)", TEXT)
    assert links
    assert [link for link in links if link not in anchors] == []


def test_help_menu_opens_the_manual(qtbot: QtBot, ctx: AppContext, monkeypatch: pytest.MonkeyPatch) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    shown: list[HelpDialog] = []

    def fake_exec(self: HelpDialog) -> int:
        shown.append(self)
        return 0

    monkeypatch.setattr(HelpDialog, "exec", fake_exec)
    assert window.manual_action.text() == "Hướng dẫn sử dụng"
    window.manual_action.trigger()
    assert len(shown) == 1
    dialog = shown[0]
    qtbot.addWidget(dialog)
    assert "Đã ghi xong, có thể rút USB" in dialog.browser.toPlainText()
    titles = dialog.chapter_titles()
    assert titles[0].startswith("1. Lần đầu sử dụng")
    assert dialog.contents.count() == len(titles)


def test_chapters_scroll_into_view(qtbot: QtBot) -> None:
    dialog = HelpDialog()
    qtbot.addWidget(dialog)
    dialog.resize(1100, 700)
    dialog.show()
    qtbot.waitExposed(dialog)
    bar = dialog.browser.verticalScrollBar()
    assert bar.value() == 0
    last = dialog.chapter_titles()[-1]
    assert dialog.show_chapter(last)
    assert bar.value() > 0
    dialog.browser.anchorClicked.emit(
        dialog.browser.source().resolved(f"#{slug(dialog.chapter_titles()[0])}")
    )
    assert not dialog.show_chapter("Không có chương này")


def test_missing_manual_gives_a_clear_message(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = HelpDialog(path=tmp_path / "none.md")
    qtbot.addWidget(dialog)
    assert "Không tìm thấy tệp hướng dẫn" in dialog.missing.text()
