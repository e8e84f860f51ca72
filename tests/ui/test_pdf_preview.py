"""The in-app PDF preview: pages load, zoom, Save as writes atomically, Print sends every page."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from forms.document import Document, Header, Paragraph, SignatureBlock
from models.errors import StorageError
from ui.pdf_preview import PdfPreview

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def document(paragraphs: int = 60) -> Document:
    return Document(
        header=Header.build(
            "Đảng bộ xã Mường Lèo", "Chi bộ bản Na Hát", "Số 05-BB/CB", "Mường Lèo", date(2026, 2, 3)
        ),
        title="BIÊN BẢN",
        subject="Sinh hoạt chi bộ định kỳ tháng 02 năm 2026",
        blocks=tuple(
            Paragraph(f"Đoạn {i}: đồng chí Lò Văn Hùng phát biểu ý kiến.") for i in range(paragraphs)
        ),
        signatures=(SignatureBlock("", "THƯ KÝ", "Lò Văn Bình"), SignatureBlock("", "CHỦ TRÌ", "Lò Văn An")),
    )


def test_preview_loads_zooms_and_saves(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    dialog = PdfPreview(document(), "bien-ban.pdf")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.pdf_document.pageCount() >= 2
    assert dialog.pages_label.text() == f"{dialog.pdf_document.pageCount()} trang"
    dialog.zoom_in_button.click()
    first = dialog.zoom()
    dialog.zoom_in_button.click()
    assert dialog.zoom() == pytest.approx(first * 1.25)
    dialog.zoom_out_button.click()
    assert dialog.zoom() == pytest.approx(first)

    target = tmp_path / "ra" / "bien-ban"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), "Tệp PDF (*.pdf)"))
    dialog.save_button.click()
    saved = target.with_name("bien-ban.pdf")  # the extension is added
    assert dialog.saved_to == saved
    assert saved.read_bytes().startswith(b"%PDF-")
    assert not [p for p in saved.parent.iterdir() if p != saved]  # no temporary file left behind


def test_save_to_a_missing_folder_is_a_storage_error(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = PdfPreview(document(3), "bien-ban.pdf")
    qtbot.addWidget(dialog)
    with pytest.raises(StorageError):
        dialog.save_to(tmp_path / "khong-co" / "bien-ban.pdf")


def test_print_every_page_and_a_range(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = PdfPreview(document(), "bien-ban.pdf")
    qtbot.addWidget(dialog)
    pages = dialog.pdf_document.pageCount()
    printer = dialog.make_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "in.pdf"))
    printer.setResolution(100)
    assert dialog.print_to(printer) == pages
    assert (tmp_path / "in.pdf").stat().st_size > 1000
    printer2 = dialog.make_printer()
    printer2.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer2.setOutputFileName(str(tmp_path / "in2.pdf"))
    printer2.setResolution(100)
    printer2.setPrintRange(QPrinter.PrintRange.PageRange)
    printer2.setFromTo(2, 2)
    assert dialog.print_to(printer2) == 1
