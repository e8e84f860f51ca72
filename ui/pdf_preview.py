"""The in-app PDF preview (QtPdf): the rendered document as the printer will get it, with zoom, Print
(QPrinter through the print dialog, whose Vietnamese labels come from the Qt catalogue loaded by
ui/i18n.py) and Save as (written atomically and verified by `exports.documents.save_pdf`). Both are
audited ("print" / "export") when the preview knows who acts: the `ctx` passed in, or else the opening
page's own `ctx`."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QSize
from PySide6.QtGui import QImage, QKeySequence, QPainter, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from exports.documents import log_document, save_pdf
from forms.document import Document
from models.errors import DomainError
from ui.context import AppContext
from ui.errors import show_error
from ui.files import save_path, show_saved
from ui.i18n import translate
from ui.widgets import fit_to_screen

log = logging.getLogger(__name__)

ZOOM_STEP = 1.25
ZOOM_MIN, ZOOM_MAX = 0.25, 4.0
PRINT_DPI = 300


class PdfPreview(QDialog):
    """Shows one `Document`; `pdf_document` is the loaded QPdfDocument (for tests)."""

    def __init__(
        self,
        document: Document,
        suggested_name: str,
        parent: QWidget | None = None,
        *,
        data: bytes = b"",
        ctx: AppContext | None = None,
    ) -> None:
        super().__init__(parent)
        self.document = document
        parent_ctx = getattr(parent, "ctx", None)
        self.ctx = ctx if ctx is not None else parent_ctx if isinstance(parent_ctx, AppContext) else None
        self.suggested_name = suggested_name
        if not data:
            from exports.pdf import render_pdf  # reportlab loads on the first preview, not at start-up

            data = render_pdf(document)
        self.data = data
        self.saved_to: Path | None = None
        self.setWindowTitle(
            translate("pdf_preview", "Xem trước: {name}").format(name=f"{document.title} {document.subject}")
        )
        fit_to_screen(self, 900, 760)
        self._bytes = QByteArray(self.data)
        self._buffer = QBuffer(self._bytes, self)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.pdf_document = QPdfDocument(self)
        self.pdf_document.load(self._buffer)
        self.view = QPdfView(self)
        self.view.setDocument(self.pdf_document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

        self.print_button = QPushButton(translate("pdf_preview", "In…"))
        self.print_button.setToolTip(translate("pdf_preview", "Ctrl+P"))
        self.save_button = QPushButton(translate("pdf_preview", "Lưu thành tệp PDF…"))
        self.save_button.setToolTip(translate("pdf_preview", "Ctrl+S"))
        self.zoom_out_button = QPushButton(translate("pdf_preview", "Thu nhỏ"))
        self.zoom_in_button = QPushButton(translate("pdf_preview", "Phóng to"))
        self.fit_button = QPushButton(translate("pdf_preview", "Vừa khổ rộng"))
        self.close_button = QPushButton(translate("pdf_preview", "Đóng"))
        self.pages_label = QLabel(
            translate("pdf_preview", "{n} trang").format(n=self.pdf_document.pageCount())
        )
        for button in (
            self.print_button,
            self.save_button,
            self.zoom_out_button,
            self.zoom_in_button,
            self.fit_button,
            self.close_button,
        ):
            button.setAutoDefault(False)
        self.print_button.clicked.connect(self.print_dialog)
        self.save_button.clicked.connect(self.save_as)
        self.zoom_in_button.clicked.connect(lambda: self.zoom_by(ZOOM_STEP))
        self.zoom_out_button.clicked.connect(lambda: self.zoom_by(1 / ZOOM_STEP))
        self.fit_button.clicked.connect(lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth))
        self.close_button.clicked.connect(self.accept)
        bar = QHBoxLayout()
        bar.addWidget(self.print_button)
        bar.addWidget(self.save_button)
        bar.addSpacing(16)
        bar.addWidget(self.zoom_out_button)
        bar.addWidget(self.zoom_in_button)
        bar.addWidget(self.fit_button)
        bar.addStretch(1)
        bar.addWidget(self.pages_label)
        bar.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        for keys, slot in (
            (QKeySequence.StandardKey.Print, self.print_dialog),
            (QKeySequence.StandardKey.Save, self.save_as),
            (QKeySequence.StandardKey.ZoomIn, lambda: self.zoom_by(ZOOM_STEP)),
            (QKeySequence.StandardKey.ZoomOut, lambda: self.zoom_by(1 / ZOOM_STEP)),
        ):
            QShortcut(QKeySequence(keys), self).activated.connect(slot)

    # -- zoom

    def zoom(self) -> float:
        return float(self.view.zoomFactor())

    def zoom_by(self, factor: float) -> None:
        if self.view.zoomMode() != QPdfView.ZoomMode.Custom:
            # Start from what the user sees: the fitted width as a factor of the page's natural size.
            page = self.pdf_document.pagePointSize(0)
            if page.width() > 0:
                dpi_scale = self.logicalDpiX() / 72
                width = self.view.viewport().width()
                self.view.setZoomFactor(width / (page.width() * dpi_scale))
            self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(min(max(self.zoom() * factor, ZOOM_MIN), ZOOM_MAX))

    # -- print

    def print_to(self, printer: QPrinter) -> int:
        """Print the pages the printer's range asks for (all by default); returns the pages printed."""
        count = self.pdf_document.pageCount()
        first, last = 1, count
        if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
            first, last = max(printer.fromPage(), 1), min(printer.toPage() or count, count)
        painter = QPainter()
        if not painter.begin(printer):
            return 0
        printed = 0
        try:
            for number in range(first, last + 1):
                if printed:
                    printer.newPage()
                target = printer.pageLayout().paintRectPixels(printer.resolution())
                full = printer.pageLayout().fullRectPixels(printer.resolution())
                size_pt = self.pdf_document.pagePointSize(number - 1)
                scale = min(PRINT_DPI, printer.resolution()) / 72
                image: QImage = self.pdf_document.render(
                    number - 1, QSize(round(size_pt.width() * scale), round(size_pt.height() * scale))
                )
                # The PDF carries its own margins: draw the page over the whole sheet, placed so the
                # sheet's corner is the page's corner even when the printer has unprintable edges.
                sheet = QRect(-target.x(), -target.y(), full.width(), full.height())
                painter.drawImage(sheet, image)
                printed += 1
        finally:
            painter.end()
        return printed

    def make_printer(self) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.suggested_name)
        printer.setFullPage(True)
        printer.setFromTo(1, self.pdf_document.pageCount())
        return printer

    def print_dialog(self) -> None:
        printer = self.make_printer()
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(translate("pdf_preview", "In văn bản"))
        dialog.setMinMax(1, self.pdf_document.pageCount())
        if dialog.exec() == QDialog.DialogCode.Accepted and self.print_to(printer):
            try:
                self.log("print")
            except DomainError as exc:
                show_error(self, exc)

    def log(self, action: str, target: Path | None = None) -> None:
        """Audit a print or a save (nothing to record without a context, e.g. a bare preview)."""
        if self.ctx is not None:
            log_document(self.ctx.db, self.ctx.actor, action, self.document, target)

    # -- save

    def ask_target(self) -> Path | None:
        path = save_path(
            self,
            "pdf",
            translate("pdf_preview", "Lưu thành tệp PDF"),
            self.suggested_name,
            translate("pdf_preview", "Tệp PDF (*.pdf)"),
        )
        if path is None:
            return None
        return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")

    def save_to(self, target: Path) -> Path:
        """Write the PDF atomically (raises StorageError with a message for the clerk)."""
        self.saved_to = save_pdf(self.document, target)
        self.log("export", self.saved_to)
        return self.saved_to

    def save_as(self) -> None:
        target = self.ask_target()
        if target is None:
            return
        try:
            saved = self.save_to(target)
        except DomainError as exc:
            show_error(self, exc)
            return
        show_saved(self, saved)

    @classmethod
    def ask(
        cls,
        document: Document,
        suggested_name: str,
        parent: QWidget | None = None,
        *,
        ctx: AppContext | None = None,
    ) -> Path | None:
        """Show the preview; returns where the user saved the PDF, if they did."""
        dialog = cls(document, suggested_name, parent, ctx=ctx)
        dialog.exec()
        dialog.deleteLater()  # the rendered PDF is not kept for the rest of the session
        return dialog.saved_to
