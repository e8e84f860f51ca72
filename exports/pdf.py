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
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import CondPageBreak, Flowable, SimpleDocTemplate, Spacer, TableStyle
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
# Landscape pages follow the same rule as portrait ones (DOMAIN.md §4): the binding edge keeps 35 mm.
LANDSCAPE_MARGINS = dict(PORTRAIT_MARGINS)
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
    # No widow and no orphan: a paragraph split over two pages leaves at least two lines on each.
    kw.setdefault("allowWidows", 0)
    kw.setdefault("allowOrphans", 0)
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
        # Party style (Hướng dẫn 36-HD/VPTW): "Nơi nhận:" 14 pt upright, underlined; the list 12 pt.
        "recipients_head": _style("recipients_head", 14, align=TA_LEFT, leading=17),
        "recipients": _style("recipients", 12, align=TA_LEFT, leading=14),
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
        return availWidth, self.size * 1.6

    def draw(self) -> None:
        canvas = self.canv
        font = f"{FONT}-Bold"
        text_width = pdfmetrics.stringWidth(self.text, font, self.size)
        x = (self.width_avail - text_width) / 2
        y = self.size * 0.5
        canvas.setFont(font, self.size)
        canvas.drawString(x, y, self.text)
        canvas.setLineWidth(0.8)
        # below the dots of Ộ and Ệ (Tinos Bold: 0.2 em under the baseline), never touching them
        rule_y = y - self.size * 0.3
        canvas.line(x, rule_y, x + text_width, rule_y)


_BODIES = ("BAN THƯỜNG VỤ ĐẢNG ỦY", "BAN CHẤP HÀNH ĐẢNG BỘ", "CHI BỘ", "ĐẢNG BỘ", "ĐẢNG ỦY", "ĐẢNG UỶ")
_PLACES = ("TỔ DÂN PHỐ", "THỊ TRẤN", "TIỂU KHU", "BẢN", "XÃ", "PHƯỜNG", "THÔN", "XÓM", "KHU", "TỈNH", "HUYỆN")
NBSP = "\u00a0"


def keep_names(line: str, style: ParagraphStyle, width: float) -> str:
    """A header line broken only between its parts: the body ("CHI BỘ"), the kind of place ("BẢN")
    and the place's name, which stays whole ("NÀ DẠ – PÁ CÔNG") unless it is wider than the column
    alone, when it may break after a dash."""
    text = " ".join(unicodedata.normalize("NFC", line).split())
    parts: list[str] = []
    for words in (_BODIES, _PLACES):
        for word in words:
            if text.startswith(word + " "):
                parts.append(word.replace(" ", NBSP))
                text = text[len(word) + 1 :]
                break
    if text:
        whole = text.replace(" ", NBSP)
        if pdfmetrics.stringWidth(text, style.fontName, style.fontSize) > width:
            whole = text.replace(" – ", f"{NBSP}– ")
        parts.append(whole)
    return " ".join(parts)


def _header(header: Header, width: float, st: dict[str, ParagraphStyle], summary: str = "") -> RLTable:
    left_width = width * 0.44
    left = [
        _p(keep_names(header.upper_line, st["upper"], left_width), st["upper"]),
        _p(keep_names(header.issuer_line, st["issuer"], left_width), st["issuer"]),
        _p("*", st["star"]),
    ]
    if header.number:  # registers and lists carry no number
        left.append(_p(header.number, st["number"]))
    if summary:  # a công văn's "V/v …" under its number, 12 pt italic
        left.append(_p(summary, _style("summary", 12, font=f"{FONT}-Italic", align=TA_CENTER, leading=14)))
    right = [_Motto(header.motto), Spacer(1, 4), _p(header.place_date, st["place"])]
    table = RLTable([[left, right]], colWidths=[left_width, width - left_width])
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


def fill_to_width(text: str, style: ParagraphStyle, width: float) -> str:
    """A line to fill by hand: its trailing dots run to the right margin (never short of the text
    block, never over it), whatever the words before them."""
    stripped = text.rstrip(".")
    if len(text) - len(stripped) < 3:
        return text
    font, size = style.fontName, style.fontSize
    used = 0.0
    if stripped.strip():  # where the words end on their last line, as the paragraph breaks them
        probe = _p(stripped.rstrip(), style)
        probe.wrap(width, 100_000)
        extra, _words = probe.blPara.lines[-1][:2]
        used = width - float(extra)
    dot = pdfmetrics.stringWidth(".", font, size)
    space = pdfmetrics.stringWidth(" ", font, size) if stripped.endswith(" ") else 0.0
    room = width - used - space - dot  # a dot's width spare for rounding
    count = int(room // dot)
    if count < 6:  # not enough room on this line: the dots fill a line of their own
        return stripped + "\n" + "." * int((width - dot) // dot)
    return stripped + "." * count


def _tokens_width(text: str, font: str, size: float) -> float:
    """The widest unbreakable run of `text` (a date, a number, a word) at this font and size."""
    words = unicodedata.normalize("NFC", text).split()
    return max((pdfmetrics.stringWidth(w, font, size) for w in words), default=0.0)


FIT_SAMPLE = 240  # rows looked at when fitting column widths to the content
FIT_STEP = 4.0  # points given at a time
FIT_LOOKAHEAD = 12  # steps looked ahead for a column whose next line break is further away
FIT_CELL_WEIGHT = 0.4  # a line saved in a cell that does not set its row's height


def _fit_widths(block: Table, minimum: list[float], width: float, padding: float) -> list[float] | None:
    """Column widths from the content: every column starts at its longest word, then the room left is
    handed out a few points at a time to the column where it saves the most lines over the rows (the
    rows are as high as their tallest cell). None when even the longest words do not fit."""
    n = len(block.columns)
    if sum(minimum) > width:
        return None
    step = max(1, len(block.rows) // FIT_SAMPLE)
    sample: list[tuple[str, ...]] = list(block.rows[::step][:FIT_SAMPLE])
    size = block.font_size
    # The header row counts as many rows: it is repeated on every page.
    header_weight = max(1, len(sample) // 8)
    sample = [*sample, block.columns]
    texts = [[(row[i] if i < len(row) else "").split("\n") for row in sample] for i in range(n)]
    weight = [1] * (len(sample) - 1) + [header_weight]
    cache: dict[tuple[int, float], list[int]] = {}

    def lines(i: int, w: float) -> list[int]:
        key = (i, w)
        if key not in cache:
            inner = w - padding
            cache[key] = [
                sum(max(1, len(simpleSplit(part, FONT, size, inner))) for part in parts) for parts in texts[i]
            ]
        return cache[key]

    widths = list(minimum)
    current = [lines(i, widths[i]) for i in range(n)]
    rows = range(len(sample))
    room = width - sum(widths)
    while room >= FIT_STEP:
        # The tallest cell of each row, how many cells are that tall, and the next height below.
        top = [max(col[r] for col in current) for r in rows]
        ties = [sum(1 for col in current if col[r] == top[r]) for r in rows]
        below = [max((col[r] for col in current if col[r] < top[r]), default=1) for r in rows]
        best, best_score, best_step, best_lines = -1, 0.0, 1, current[0]
        for i in range(n):
            for k in range(1, min(FIT_LOOKAHEAD, int(room // FIT_STEP)) + 1):
                trial = lines(i, widths[i] + k * FIT_STEP)
                saved = 0.0
                for r in rows:
                    if trial[r] < current[i][r]:
                        # lines saved in this cell count a little; a lower row counts fully
                        saved += weight[r] * (current[i][r] - trial[r]) * FIT_CELL_WEIGHT
                        if current[i][r] == top[r] and ties[r] == 1:
                            saved += weight[r] * (top[r] - max(trial[r], below[r]))
                score = saved / k
                if score > best_score:
                    best, best_score, best_step, best_lines = i, score, k, trial
        if best < 0:
            break
        widths[best] += best_step * FIT_STEP
        current[best] = best_lines
        room -= best_step * FIT_STEP
    # what is left goes to the columns with the longest text, in proportion
    weights = [sum(sum(len(p) for p in parts) for parts in texts[i]) + 1 for i in range(n)]
    total = sum(weights)
    return [w + room * weights[i] / total for i, w in enumerate(widths)]


def column_widths(block: Table, width: float) -> list[float]:
    """Column widths from the table's relative widths, widened where a date, a number or a word would
    not fit whole (reportlab would cut it: "27/10/2 | 009"); the other columns give the room back in
    proportion. Falls back to the relative widths when the minimums together exceed the width."""
    n = len(block.columns)
    weights = list(block.widths or tuple(1.0 for _ in range(n)))[:n]
    weights += [1.0] * (n - len(weights))
    padding = 4.5 if block.fit else 6.5  # a fitted table's cells are padded 2 pt a side, others 3 pt
    minimum = [
        max(
            _tokens_width(block.columns[i], f"{FONT}-Bold", block.font_size),
            max(
                (_tokens_width(row[i], FONT, block.font_size) for row in block.rows if i < len(row)),
                default=0,
            ),
        )
        + padding
        for i in range(n)
    ]
    if block.fit:
        fitted = _fit_widths(block, minimum, width, padding)
        if fitted is not None:
            return fitted
    fixed: dict[int, float] = {}
    for _ in range(n + 1):
        free = [i for i in range(n) if i not in fixed]
        room = width - sum(fixed.values())
        scale = room / sum(weights[i] for i in free) if free else 0.0
        widths = [fixed.get(i, weights[i] * scale) for i in range(n)]
        short = [i for i in free if widths[i] < minimum[i]]
        if not short:
            return widths
        if sum(minimum) > width:
            break
        for i in short:
            fixed[i] = minimum[i]
    total = sum(weights)
    return [width * w / total for w in weights]


# ---------------------------------------------------------------- pagination (one rule set, every document)
#
# 1. Headings, captions and labels keep with what follows: before each run of them the page is broken
#    unless the run and the start of the next block (two lines of a paragraph; a table's header and two
#    rows, or the whole of a short table) fit.
# 2. A table's header rows repeat on every page; a short table is never split.
# 3. No widow and no orphan lines (paragraph styles, above).
# 4. The closing (signatures, Nơi nhận) never stands alone: it travels with the end of the last block
#    (at least two lines of a paragraph or two rows of a table).
# 5. Dates and numbers are never cut: table columns are at least as wide as their longest token.

SHORT_TABLE_ROWS = 8  # a table with no more rows than this is kept on one page
TAIL_ROWS = 2  # rows of the last table that go with the signatures
TAIL_LINES = 2  # lines of the last paragraph that go with the signatures


def keeps_with_next(block: Paragraph | Table) -> bool:
    """A heading ("I. THỜI GIAN, ĐỊA ĐIỂM"), a label ending in a colon ("Ý kiến thảo luận:"), or a bold
    title line (an agenda item's "1. Đánh giá …") belongs with what follows it."""
    if isinstance(block, Table):
        return False
    text = block.text.strip()
    if block.style == "heading":
        return True
    if text.endswith(":") and len(text) <= 120:
        return True
    return block.style == "bold" and not block.indent and len(text) <= 200


class _ShortTable(RLTable):  # type: ignore[misc]  # reportlab ships no type information
    """A table that is never split (moved whole to the next page when it does not fit)."""

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803 - reportlab API
        del availWidth, availHeight
        return []


def _height(flowable: Flowable, width: float) -> float:
    _, h = flowable.wrap(width, 10_000)
    return float(h) + float(flowable.getSpaceBefore()) + float(flowable.getSpaceAfter())


def _start_height(flowable: Flowable, width: float) -> float:
    """The least of `flowable` that may begin a page's foot: two lines of a paragraph (all of it up to
    three lines, which cannot be split without a widow or an orphan), a table's header and two rows."""
    if isinstance(flowable, _EndGroup):
        return flowable.start_height(width)
    full = _height(flowable, width)
    if isinstance(flowable, _ShortTable):
        return full
    if isinstance(flowable, RLTable):
        heights = list(flowable._rowHeights)
        return float(sum(heights[: flowable.repeatRows + TAIL_ROWS]))
    if isinstance(flowable, RLParagraph):
        leading = float(flowable.style.leading)
        lines = len(flowable.blPara.lines)
        if lines > 3:
            return float(flowable.getSpaceBefore()) + leading * TAIL_LINES
    return full


def _tail_height(flowable: Flowable, width: float) -> float:
    """How much of the end of `flowable` must go with the closing; its whole height when it cannot be
    split."""
    full = _height(flowable, width)
    if isinstance(flowable, RLTable) and not isinstance(flowable, _ShortTable):
        heights = list(flowable._rowHeights)
        if len(heights) > flowable.repeatRows + TAIL_ROWS + 1:
            return float(sum(heights[-TAIL_ROWS:]))
    if isinstance(flowable, RLParagraph) and len(flowable.blPara.lines) > 3:
        return float(flowable.style.leading) * TAIL_LINES + float(flowable.getSpaceAfter())
    return full


class _KeepWithNext(CondPageBreak):  # type: ignore[misc]  # reportlab ships no type information
    """Breaks the page unless the headings after it and the start of the block they introduce fit."""

    def __init__(self, group: list[Flowable], follower: Flowable | None) -> None:
        super().__init__(0)
        self.group = group
        self.follower = follower

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 - reportlab API
        need = sum(_height(f, availWidth) for f in self.group)
        if self.follower is not None:
            need += _start_height(self.follower, availWidth)
        self.height = need
        return tuple(super().wrap(availWidth, availHeight))


class _EndGroup(Flowable):  # type: ignore[misc]  # reportlab ships no type information
    """The last block of the body and the closing, drawn together: when they do not fit, the block is
    split so that at least its tail goes over with the closing, or everything moves to the next page."""

    def __init__(self, body: Flowable, closing: Flowable, gap: float) -> None:
        super().__init__()
        self.body = body
        self.closing = closing
        self.gap = gap
        self._body_h = 0.0
        self._closing_h = 0.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 - reportlab API
        del availHeight
        self._body_h = _height(self.body, availWidth)
        self._closing_h = _height(self.closing, availWidth)
        self.width = availWidth
        self.height = self._body_h + self.gap + self._closing_h
        return availWidth, self.height

    def start_height(self, width: float) -> float:
        self.wrap(width, 10_000)
        tail = _tail_height(self.body, width)
        if tail >= self._body_h - 1:
            return float(self.height)
        return min(_start_height(self.body, width), float(self.height))

    def draw(self) -> None:
        _, body_h = self.body.wrap(self.width, 10_000)
        y = self.height - float(self.body.getSpaceBefore()) - body_h
        self.body.drawOn(self.canv, 0, y)
        self.closing.wrap(self.width, 10_000)
        self.closing.drawOn(self.canv, 0, 0)

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803 - reportlab API
        self.wrap(availWidth, availHeight)
        if self.height <= availHeight:
            return [self]
        tail = _tail_height(self.body, availWidth)
        limit = min(availHeight, self._body_h - tail)
        if tail < self._body_h - 1 and limit > 0:
            parts = list(self.body.split(availWidth, limit))
            if len(parts) >= 2:
                return [*parts[:-1], _EndGroup(parts[-1], self.closing, self.gap)]
        if not getattr(self, "_postponed", False):
            return []  # the block cannot leave its tail behind: all of it goes to the next page
        # Moved once already (reportlab marks it `_postponed`): even a fresh page cannot hold the block
        # and the closing together, so they part — the block as its own rules allow (a short table
        # may then split), the closing after it — rather than fail the whole document.
        body = self.body
        if isinstance(body, RLTable):
            # First try to keep at least the last row with the closing (the page before takes the rest).
            heights = [float(h) for h in body._rowHeights]
            if len(heights) > body.repeatRows + 1:
                limit = min(availHeight, self._body_h - heights[-1])
                parts = list(RLTable.split(body, availWidth, limit))
                if len(parts) >= 2:
                    return [*parts[:-1], _EndGroup(parts[-1], self.closing, self.gap)]
            parts = list(RLTable.split(body, availWidth, availHeight))
            if parts:
                return [*parts, Spacer(1, self.gap), self.closing]
        return [body, Spacer(1, self.gap), self.closing]


def _table(block: Table, width: float, st: dict[str, ParagraphStyle]) -> RLTable:
    size = block.font_size
    cell = ParagraphStyle("c", parent=st["cell"], fontSize=size, leading=size * (1.15 if block.fit else 1.2))
    head = ParagraphStyle("h", parent=st["cell_head"], fontSize=size, leading=size * 1.2)
    aligns = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT}
    n = len(block.columns)
    col_widths = column_widths(block, width)
    col_styles = [
        ParagraphStyle(
            f"c{i}", parent=cell, alignment=aligns[block.align[i] if i < len(block.align) else "left"]
        )
        for i in range(n)
    ]
    data: list[list[Any]] = [[_p(c, head) for c in block.columns]]
    header_rows = max(1, block.header_rows)
    if block.numbered:
        number_style = ParagraphStyle("n", parent=head, fontName=f"{FONT}-Italic")
        data.append([_p(f"({i})", number_style) for i in range(1, n + 1)])
        header_rows += 1
    data += [[_p(value, col_styles[i]) for i, value in enumerate(row)] for row in block.rows]
    kind = _ShortTable if len(block.rows) <= SHORT_TABLE_ROWS else RLTable
    table = kind(data, colWidths=col_widths, repeatRows=header_rows)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT),
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 2 if block.fit else 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2 if block.fit else 3),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5 if block.fit else 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5 if block.fit else 3),
            ]
        )
    )
    if block.row_height:
        extra = max(0.0, (block.row_height * mm - size * 1.2) / 2)
        table.setStyle(
            TableStyle(
                [
                    ("TOPPADDING", (0, header_rows), (-1, -1), extra),
                    ("BOTTOMPADDING", (0, header_rows), (-1, -1), extra),
                ]
            )
        )
    table.spaceAfter = 6
    return table


def paginate(body: list[tuple[Flowable, bool]], closing: Flowable | None) -> list[Flowable]:
    """The story with the pagination rules applied: `body` is each flowable with whether it keeps with
    the next one; `closing` the signatures and recipients."""
    if closing is not None and body:
        last, _ = body[-1]
        body = [*body[:-1], (_EndGroup(last, closing, 8), False)]
    elif closing is not None:
        body = [(closing, False)]
    story: list[Flowable] = []
    i = 0
    while i < len(body):
        if not body[i][1]:
            story.append(body[i][0])
            i += 1
            continue
        j = i
        while j < len(body) and body[j][1]:
            j += 1
        group = [f for f, _ in body[i:j]]
        story.append(_KeepWithNext(group, body[j][0] if j < len(body) else None))
        story.extend(group)
        i = j
    return story


def _signature_cell(
    sig: SignatureBlock | None, st: dict[str, ParagraphStyle], width: float = 0.0, lines: int = 0
) -> list[Flowable]:
    """A signature: on behalf of, title (padded to `lines` lines so that both names stand level), the
    space to sign, the name."""
    if sig is None:
        return []
    cell: list[Flowable] = []
    if sig.on_behalf:
        cell.append(_p(sig.on_behalf, st["sig"]))
    cell.append(_p(sig.title, st["sig"]))
    missing = lines - _sig_lines(sig, st, width) if width else 0
    if missing > 0:
        cell.append(Spacer(1, missing * st["sig"].leading))
    cell.append(Spacer(1, 24 * mm))
    cell.append(_p(sig.name or " ", st["sig"]))
    return cell


def _sig_lines(sig: SignatureBlock, st: dict[str, ParagraphStyle], width: float) -> int:
    count = 0
    for text in (sig.on_behalf, sig.title):
        if text:
            para = _p(text, st["sig"])
            para.wrap(width, 10_000)
            count += len(para.blPara.lines)
    return count


def _closing(doc: Document, width: float, st: dict[str, ParagraphStyle]) -> Flowable:
    left_sig, right_sig = doc.signatures
    half = width * 0.5
    level = max((_sig_lines(s, st, half) for s in doc.signatures if s is not None), default=0)
    left: list[Flowable] = _signature_cell(left_sig, st, half, level)
    if doc.recipients and left_sig is None:
        underlined = RLParagraph("<u>Nơi nhận:</u>", st["recipients_head"])
        left = [underlined, *(_p(line, st["recipients"]) for line in doc.recipients)]
    table = RLTable([[left, _signature_cell(right_sig, st, half, level)]], colWidths=[half, half])
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table


DRAFT_MARK = "DỰ THẢO"


def _draft_mark(canvas: Any, pagesize: tuple[float, float], margins: dict[str, float]) -> None:
    """ "DỰ THẢO" boxed in the top margin, right, on every page of a document not yet finalised."""
    size = 12
    text_width = pdfmetrics.stringWidth(DRAFT_MARK, f"{FONT}-Bold", size)
    x = pagesize[0] - margins["right"] - text_width - 4
    y = pagesize[1] - margins["top"] / 2 - 4
    canvas.saveState()
    canvas.setFont(f"{FONT}-Bold", size)
    canvas.drawString(x, y, DRAFT_MARK)
    canvas.setLineWidth(0.8)
    canvas.rect(x - 4, y - 4, text_width + 8, size + 5)
    canvas.restoreState()


class _LastPageCanvas(Canvas):  # type: ignore[misc]  # reportlab ships no type information
    """Holds the pages back until the end so that the audit code is printed once, small, at the foot
    of the last page only."""

    def __init__(self, footer: str, left: float, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._footer = footer
        self._left = left
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 - reportlab API
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        for i, state in enumerate(self._pages):
            self.__dict__.update(state)
            if self._footer and i == len(self._pages) - 1:
                self.setFont(FONT, 7)
                self.drawString(self._left, 12 * mm, self._footer)
            super().showPage()
        super().save()


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
    summary = doc.subject if not doc.title and doc.subject.startswith("V/v") else ""
    story: list[Flowable] = [_header(doc.header, width, st, summary), Spacer(1, 10)]
    if doc.title:
        story.append(_p(doc.title, st["title"]))
    if doc.subject and not summary:
        story.append(_p(doc.subject, st["subject"]))
    body: list[tuple[Flowable, bool]] = []
    for block in doc.blocks:
        if isinstance(block, Paragraph):
            style = st["body" if block.indent else "body_flat"] if block.style == "body" else st[block.style]
            text = fill_to_width(block.text, style, width) if block.style == "fill" else block.text
            body.append((_p(text, style), keeps_with_next(block)))
        else:
            if block.caption:
                body.append((_p(block.caption, st["heading"]), True))
            body.append((_table(block, width, st), False))
    closing = _closing(doc, width, st) if any(doc.signatures) or doc.recipients else None
    story += paginate(body, closing)

    footer = unicodedata.normalize("NFC", doc.footer)

    def first_page(canvas: Any, _doc: Any) -> None:
        if doc.draft:
            _draft_mark(canvas, pagesize, margins)

    def later_pages(canvas: Any, rl_doc: Any) -> None:
        canvas.setFont(FONT, 13)
        canvas.drawCentredString(
            margins["left"] + width / 2, pagesize[1] - margins["top"] / 2 - 4, str(rl_doc.page)
        )
        first_page(canvas, rl_doc)

    def canvas_maker(*args: Any, **kwargs: Any) -> Canvas:
        return _LastPageCanvas(footer, margins["left"], *args, **kwargs)

    template.build(story, onFirstPage=first_page, onLaterPages=later_pages, canvasmaker=canvas_maker)
    return buffer.getvalue()
