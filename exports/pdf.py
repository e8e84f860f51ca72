"""PDF rendering of `forms.document.Document` in the Party's document format (Hướng dẫn 36-HD/VPTW).

A4, margins top 25 / bottom 25 / left 35 / right 15 mm; the bundled Tinos font (metric-compatible with
Times New Roman, full Vietnamese coverage) is the only font embedded; page numbers from page 2, centred
in the top margin. Header in two columns: upper body (regular) and issuing body (bold) over an asterisk
and the number on the left; "ĐẢNG CỘNG SẢN VIỆT NAM" 15 pt bold with a rule of the same length beneath,
then the italic place-and-date line on the right."""

from __future__ import annotations

import io
import unicodedata
from typing import Any
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Flowable, KeepTogether, SimpleDocTemplate, Spacer, TableStyle
from reportlab.platypus import Paragraph as RLParagraph
from reportlab.platypus import Table as RLTable

import resources
from forms.document import Document, Header, Paragraph, SignatureBlock, Table

FONT = "Tinos"
FONT_FILES = {
    FONT: "Tinos-Regular.ttf",
    f"{FONT}-Bold": "Tinos-Bold.ttf",
    f"{FONT}-Italic": "Tinos-Italic.ttf",
    f"{FONT}-BoldItalic": "Tinos-BoldItalic.ttf",
}
PORTRAIT_MARGINS = {"top": 25 * mm, "bottom": 25 * mm, "left": 35 * mm, "right": 15 * mm}
LANDSCAPE_MARGINS = {"top": 20 * mm, "bottom": 15 * mm, "left": 20 * mm, "right": 15 * mm}
BODY_SIZE = 14
FRAME_PADDING = 6  # reportlab's default Frame padding (pt) on each side
_registered: list[bool] = []


def register_fonts() -> None:
    if _registered:
        return
    for name, filename in FONT_FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(resources.font(filename))))
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=f"{FONT}-Bold", italic=f"{FONT}-Italic", boldItalic=f"{FONT}-BoldItalic"
    )
    # Every canvas starts with this font; the default (Helvetica) would be referenced, unembedded.
    rl_config.canvas_basefontname = FONT
    _registered.append(True)


def _style(
    name: str, size: float = BODY_SIZE, *, font: str = FONT, align: int = TA_JUSTIFY, **kw: Any
) -> ParagraphStyle:
    kw.setdefault("leading", size * 1.3)
    return ParagraphStyle(name, fontName=font, fontSize=size, alignment=align, **kw)


def _styles() -> dict[str, ParagraphStyle]:
    return {
        "upper": _style("upper", 14, align=TA_CENTER, leading=17),
        "issuer": _style("issuer", 14, font=f"{FONT}-Bold", align=TA_CENTER, leading=17),
        "star": _style("star", 14, align=TA_CENTER, leading=15),
        "number": _style("number", 14, align=TA_CENTER, leading=17),
        "place": _style("place", 14, font=f"{FONT}-Italic", align=TA_CENTER, leading=17),
        "title": _style("title", 16, font=f"{FONT}-Bold", align=TA_CENTER, spaceBefore=12),
        "subject": _style("subject", 14, font=f"{FONT}-Bold", align=TA_CENTER, spaceAfter=10),
        "body": _style("body", firstLineIndent=10 * mm, spaceAfter=4),
        "body_flat": _style("body_flat", spaceAfter=4),
        "heading": _style("heading", font=f"{FONT}-Bold", spaceBefore=6, spaceAfter=3),
        "bold": _style("bold", font=f"{FONT}-Bold", firstLineIndent=10 * mm, spaceAfter=4),
        "italic": _style("italic", font=f"{FONT}-Italic", firstLineIndent=10 * mm, spaceAfter=4),
        "center": _style("center", align=TA_CENTER, spaceAfter=4),
        "note": _style("note", 12, font=f"{FONT}-Italic", spaceAfter=3),
        "fill": _style("fill", align=TA_LEFT, spaceAfter=2),
        "cell": _style("cell", 12, align=TA_LEFT),
        "cell_head": _style("cell_head", 12, font=f"{FONT}-Bold", align=TA_CENTER),
        "sig": _style("sig", 14, font=f"{FONT}-Bold", align=TA_CENTER, leading=17),
        "recipients_head": _style(
            "recipients_head", 12, font=f"{FONT}-BoldItalic", align=TA_LEFT, leading=14
        ),
        "recipients": _style("recipients", 11, align=TA_LEFT, leading=13),
    }


def _p(text: str, style: ParagraphStyle) -> RLParagraph:
    return RLParagraph(escape(unicodedata.normalize("NFC", text)).replace("\n", "<br/>"), style)


class _Motto(Flowable):  # type: ignore[misc]  # reportlab ships no type information
    """The motto in 15 pt bold, centred, with a solid rule of the same length beneath it."""

    def __init__(self, text: str, size: float = 15) -> None:
        super().__init__()
        self.text = text
        self.size = size
        self.width_avail = 0.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 - reportlab API
        del availHeight
        self.width_avail = availWidth
        return availWidth, self.size * 1.55

    def draw(self) -> None:
        canvas = self.canv
        font = f"{FONT}-Bold"
        text_width = pdfmetrics.stringWidth(self.text, font, self.size)
        x = (self.width_avail - text_width) / 2
        y = self.size * 0.45
        canvas.setFont(font, self.size)
        canvas.drawString(x, y, self.text)
        canvas.setLineWidth(0.8)
        canvas.line(x, y - 3.2, x + text_width, y - 3.2)


def _header(header: Header, width: float, st: dict[str, ParagraphStyle]) -> RLTable:
    left = [
        _p(header.upper_line, st["upper"]),
        _p(header.issuer_line, st["issuer"]),
        _p("*", st["star"]),
    ]
    if header.number:  # registers and lists carry no number
        left.append(_p(header.number, st["number"]))
    right = [_Motto(header.motto), Spacer(1, 4), _p(header.place_date, st["place"])]
    table = RLTable([[left, right]], colWidths=[width * 0.44, width * 0.56])
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table


def _table(block: Table, width: float, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    size = block.font_size
    cell = ParagraphStyle("c", parent=st["cell"], fontSize=size, leading=size * 1.2)
    head = ParagraphStyle("h", parent=st["cell_head"], fontSize=size, leading=size * 1.2)
    aligns = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT}
    n = len(block.columns)
    weights = block.widths or tuple(1.0 for _ in range(n))
    total = sum(weights)
    col_widths = [width * w / total for w in weights]
    col_styles = [
        ParagraphStyle(
            f"c{i}", parent=cell, alignment=aligns[block.align[i] if i < len(block.align) else "left"]
        )
        for i in range(n)
    ]
    data: list[list[Any]] = [[_p(c, head) for c in block.columns]]
    data += [[_p(value, col_styles[i]) for i, value in enumerate(row)] for row in block.rows]
    table = RLTable(data, colWidths=col_widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT),
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    flow: list[Flowable] = []
    if block.caption:
        flow.append(_p(block.caption, st["heading"]))
    flow += [table, Spacer(1, 6)]
    return flow


def _signature_cell(sig: SignatureBlock | None, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    if sig is None:
        return []
    cell: list[Flowable] = []
    if sig.on_behalf:
        cell.append(_p(sig.on_behalf, st["sig"]))
    cell.append(_p(sig.title, st["sig"]))
    cell.append(Spacer(1, 24 * mm))
    cell.append(_p(sig.name or " ", st["sig"]))
    return cell


def _closing(doc: Document, width: float, st: dict[str, ParagraphStyle]) -> Flowable:
    left_sig, right_sig = doc.signatures
    left: list[Flowable] = _signature_cell(left_sig, st)
    if doc.recipients and left_sig is None:
        underlined = RLParagraph("<u>Nơi nhận:</u>", st["recipients_head"])
        left = [underlined, *(_p(line, st["recipients"]) for line in doc.recipients)]
    table = RLTable([[left, _signature_cell(right_sig, st)]], colWidths=[width * 0.5, width * 0.5])
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return KeepTogether([Spacer(1, 8), table])


def render_pdf(doc: Document) -> bytes:
    """The document as PDF bytes (NFC text, Tinos only)."""
    register_fonts()
    pagesize = landscape(A4) if doc.landscape else A4
    margins = LANDSCAPE_MARGINS if doc.landscape else PORTRAIT_MARGINS
    buffer = io.BytesIO()
    # SimpleDocTemplate's frame pads its content by 6 pt on every side: take that off the margins so the
    # text block sits exactly at the margins and the full-width tables (header, votes) fit inside it.
    template = SimpleDocTemplate(
        buffer,
        pagesize=pagesize,
        leftMargin=margins["left"] - FRAME_PADDING,
        rightMargin=margins["right"] - FRAME_PADDING,
        topMargin=margins["top"] - FRAME_PADDING,
        bottomMargin=margins["bottom"] - FRAME_PADDING,
        title=unicodedata.normalize("NFC", f"{doc.title} {doc.subject}".strip()),
        author=unicodedata.normalize("NFC", doc.header.issuer_line),
        creator="Sổ tay Văn phòng Đảng ủy xã",
        initialFontName=FONT,  # otherwise reportlab references Helvetica on every page
        initialFontSize=BODY_SIZE,
    )
    width = pagesize[0] - margins["left"] - margins["right"]
    st = _styles()
    story: list[Flowable] = [_header(doc.header, width, st), Spacer(1, 10)]
    if doc.title:
        story.append(_p(doc.title, st["title"]))
    if doc.subject:
        story.append(_p(doc.subject, st["subject"]))
    for block in doc.blocks:
        if isinstance(block, Paragraph):
            style = st["body" if block.indent else "body_flat"] if block.style == "body" else st[block.style]
            story.append(_p(block.text, style))
        else:
            story.extend(_table(block, width, st))
    if any(doc.signatures) or doc.recipients:
        story.append(_closing(doc, width, st))

    footer = unicodedata.normalize("NFC", doc.footer)

    def first_page(canvas: Any, _doc: Any) -> None:
        if footer:
            canvas.setFont(FONT, 7)
            canvas.drawString(margins["left"], 10 * mm, footer)

    def later_pages(canvas: Any, rl_doc: Any) -> None:
        canvas.setFont(FONT, 13)
        canvas.drawCentredString(
            margins["left"] + width / 2, pagesize[1] - margins["top"] / 2 - 4, str(rl_doc.page)
        )
        first_page(canvas, rl_doc)

    template.build(story, onFirstPage=first_page, onLaterPages=later_pages)
    return buffer.getvalue()
