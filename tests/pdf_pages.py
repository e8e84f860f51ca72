"""Reading a rendered PDF back page by page, with where each line sits, to check pagination and
margins the way an inspector would look at the printed pages."""

from __future__ import annotations

import io
import re
import unicodedata
from dataclasses import dataclass

from pypdf import PdfReader
from reportlab import rl_config
from reportlab.pdfbase import pdfmetrics

from exports.pdf import DRAFT_MARK, FONT, LANDSCAPE_MARGINS, PORTRAIT_MARGINS, keeps_with_next
from forms.document import Document, Paragraph, Table

MM = 72 / 25.4
DATE = re.compile(r"\b\d{1,2}/\d{1,2}/\d{4}\b")
NUMBER = re.compile(r"\b\d{1,3}(?:\.\d{3})+\b")


@dataclass(frozen=True)
class Line:
    text: str
    x: float
    y: float
    size: float


def pages(data: bytes) -> tuple[list[list[Line]], list[tuple[float, float]]]:
    """The text lines of each page with their position (points from the bottom left) and size."""
    reader = PdfReader(io.BytesIO(data))
    out: list[list[Line]] = []
    sizes: list[tuple[float, float]] = []
    for page in reader.pages:
        lines: list[Line] = []

        def visit(
            text: str, cm: list[float], tm: list[float], _font: object, size: float, lines: list[Line] = lines
        ) -> None:
            text = unicodedata.normalize("NFC", text).strip()
            if not text:
                return
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            lines.append(Line(text, x, y, size * abs(tm[0] or 1) * abs(cm[0] or 1)))

        page.extract_text(visitor_text=visit)
        out.append(lines)
        box = page.mediabox
        sizes.append((float(box.width), float(box.height)))
    return out, sizes


def keep_texts(doc: Document) -> set[str]:
    """Headings, captions and labels: what must never end a page."""
    texts = set()
    for block in doc.blocks:
        if isinstance(block, Table):
            if block.caption:
                texts.add(block.caption.strip())
        elif isinstance(block, Paragraph) and keeps_with_next(block):
            texts.add(block.text.strip())
    return texts


def closing_texts(doc: Document) -> set[str]:
    texts = {"Nơi nhận:", *(r.strip() for r in doc.recipients)}
    for sig in doc.signatures:
        if sig is not None:
            texts.update(t.strip() for t in (sig.on_behalf, sig.title, sig.name) if t.strip())
    return texts


def problems(doc: Document, data: bytes) -> list[str]:
    """Everything wrong with the pagination and the margins of `data`, the rendering of `doc`."""
    found: list[str] = []
    all_pages, sizes = pages(data)
    margins = LANDSCAPE_MARGINS if doc.landscape else PORTRAIT_MARGINS
    keeps = keep_texts(doc)
    closing = closing_texts(doc)
    furniture = {DRAFT_MARK, unicodedata.normalize("NFC", doc.footer).strip()}
    joined: list[str] = []
    for n, (lines, (width, height)) in enumerate(zip(all_pages, sizes, strict=True), start=1):
        body = [
            ln
            for ln in lines
            if ln.text not in furniture
            and not (n > 1 and ln.text == str(n) and ln.y > height - margins["top"])
        ]
        joined.extend(ln.text for ln in body)
        if not body:
            found.append(f"page {n}: empty")
            continue
        if n > 1 and all(ln.text in closing or any(ln.text in c for c in closing) for ln in body):
            found.append(f"page {n}: only the signature block")
        if n < len(all_pages):
            last = min(body, key=lambda ln: (ln.y, -ln.x))
            if any(k == last.text or (k.endswith(last.text) and len(last.text) > 3) for k in keeps):
                found.append(f"page {n}: ends with the heading “{last.text}”")
        for ln in body:
            if ln.x < margins["left"] - 1.5:
                found.append(f"page {n}: “{ln.text[:30]}” left of the margin ({ln.x / MM:.1f} mm)")
            if ln.y < margins["bottom"] - 1.5 or ln.y > height - margins["top"] + 1.5:
                found.append(f"page {n}: “{ln.text[:30]}” outside the top or bottom margin")
            # reportlab may shrink the spaces of a justified line by up to `spaceShrinkage`
            shrink = (
                ln.text.count(" ") * pdfmetrics.stringWidth(" ", FONT, ln.size) * rl_config.spaceShrinkage
            )
            right = ln.x + pdfmetrics.stringWidth(ln.text, FONT, ln.size) - shrink
            if right > width - margins["right"] + 1.5:
                found.append(f"page {n}: “{ln.text[:30]}” right of the margin")
    text = "\n".join(joined)
    source = "\n".join(doc.all_text())
    for token in {*DATE.findall(source), *NUMBER.findall(source)}:
        if token not in text:
            found.append(f"“{token}” split across lines")
    if doc.footer:
        footer = unicodedata.normalize("NFC", doc.footer).strip()
        where = [n for n, lines in enumerate(all_pages, start=1) for ln in lines if ln.text == footer]
        if where != [len(all_pages)]:
            found.append(f"audit code printed on pages {where}, not once on the last page")
    return found
