"""Official documents as data (Hướng dẫn 36-HD/VPTW format, DOMAIN.md §4).

A form function takes a session and a record or period and returns a frozen `Document`; renderers in
exports/ turn it into PDF or XLSX. Nothing here knows about reportlab or Qt."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from models.dates import long_date_vi
from models.text import upper_vi

MOTTO = "ĐẢNG CỘNG SẢN VIỆT NAM"


def doc_number(number: int | None, type_symbol: str, body_symbol: str) -> str:
    """ "Số 05-BB/CB": the word Số, the number from 01, hyphen, type symbol, slash, body symbol; no colon.
    A blank number (for forms filled by hand) keeps the dots."""
    shown = f"{number:02d}" if number is not None else "......"
    return f"Số {shown}-{type_symbol}/{body_symbol}"


def vi_int(value: int) -> str:
    """1209 → "1.209"."""
    return f"{value:,}".replace(",", ".")


def vi_decimal(value: float, places: int = 2) -> str:
    """95.781 → "95,78"."""
    text = f"{value:,.{places}f}"
    return text.replace(",", "\u2009").replace(".", ",").replace("\u2009", ".")


def vi_percent(value: float, places: int = 2) -> str:
    return vi_decimal(value, places) + "%"


@dataclass(frozen=True)
class Header:
    upper_line: str  # "ĐẢNG BỘ TỈNH SƠN LA" (regular)
    issuer_line: str  # "CHI BỘ BẢN NA HÁT" (bold)
    number: str  # "Số 05-BB/CB"
    place_date: str  # "Mường Lèo, ngày 03 tháng 02 năm 2026" (italic)
    motto: str = MOTTO

    @classmethod
    def build(
        cls, upper: str, issuer: str, number: str, place: str, on: date | None, *, blank_date: bool = False
    ) -> Header:
        if on is None or blank_date:
            place_date = f"{place}, ngày ....... tháng ....... năm 20......"
        else:
            place_date = long_date_vi(place, on)
        return cls(upper_vi(upper), upper_vi(issuer), number, place_date)


@dataclass(frozen=True)
class Paragraph:
    text: str
    style: str = "body"  # body, heading, bold, italic, note, center, fill (a dotted line to fill by hand)
    indent: bool = True


@dataclass(frozen=True)
class Table:
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...] = ()  # relative widths; empty = equal
    align: tuple[str, ...] = ()  # "left" / "center" / "right" per column
    font_size: float = 12
    caption: str = ""
    header_rows: int = 1
    numbered: bool = False  # a row "(1) (2) …" under the column headers, repeated with them
    row_height: float = 0  # least height of a body row in mm (e.g. room to sign), 0 = as the text needs
    fit: bool = False  # column widths from the content (most rows in two lines), not from `widths`
    # The table as a spreadsheet, one value per cell (dates as dates, numbers as numbers), when it
    # differs from the printed one; empty = the printed columns and rows.
    sheet_columns: tuple[str, ...] = ()
    sheet_rows: tuple[tuple[str | int | float | date | None, ...], ...] = ()


@dataclass(frozen=True)
class SignatureBlock:
    on_behalf: str  # "T/M CHI BỘ" or "" (minutes signatures have none)
    title: str  # "BÍ THƯ", "THƯ KÝ", "CHỦ TRÌ"
    name: str  # full name, printed bold below the space for the signature


@dataclass(frozen=True)
class Document:
    header: Header
    title: str  # "BIÊN BẢN"
    subject: str  # "Sinh hoạt chi bộ định kỳ tháng 3 năm 2026"
    blocks: tuple[Paragraph | Table, ...]
    signatures: tuple[SignatureBlock | None, SignatureBlock | None] = (None, None)  # (left, right)
    recipients: tuple[str, ...] = ()  # "- Ban Tổ chức Tỉnh ủy (b/c)", "- Lưu VP."
    landscape: bool = False
    footer: str = ""  # e.g. the audit chain hash on reports (printed once, at the foot of the last page)
    draft: bool = False  # not finalised: "DỰ THẢO" on every page
    metadata: dict[str, str] = field(default_factory=dict)

    def all_text(self) -> list[str]:
        """Every string the document prints (for font coverage checks and NFC checks)."""
        texts = [
            self.header.upper_line,
            self.header.issuer_line,
            self.header.number,
            self.header.place_date,
            self.header.motto,
            self.title,
            self.subject,
            self.footer,
            *self.recipients,
        ]
        for block in self.blocks:
            if isinstance(block, Paragraph):
                texts.append(block.text)
            else:
                texts.extend([block.caption, *block.columns, *(cell for row in block.rows for cell in row)])
        for sig in self.signatures:
            if sig is not None:
                texts.extend([sig.on_behalf, sig.title, sig.name])
        return [t for t in texts if t]
