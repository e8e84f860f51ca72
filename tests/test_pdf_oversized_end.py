"""A document whose last block and closing cannot share even a fresh page still prints, and
first, the closing after it) instead of failing the whole document (reportlab's LayoutError)."""

from __future__ import annotations

import io
from datetime import date

from pypdf import PdfReader

from exports.pdf import render_pdf
from forms.document import Document, Header, SignatureBlock, Table


def _document(rows: int, height: float = 40) -> Document:
    table = Table(
        columns=("Số TT", "Họ và tên", "Ghi chú"),
        rows=tuple((str(i), f"Lò Văn Tua {i}", "Ký nhận") for i in range(1, rows + 1)),
        row_height=height,  # tall rows: the header, the last rows and the closing overflow a page
    )
    return Document(
        header=Header.build(
            "Đảng bộ tỉnh Sơn La", "Đảng bộ xã Mường Lèo", "Số 1-DS/ĐU", "Mường Lèo", date(2026, 3, 2)
        ),
        title="DANH SÁCH",
        subject="ký nhận",
        blocks=(table,),
        signatures=(
            SignatureBlock("", "NGƯỜI LẬP", "Lò Thị Mai"),
            SignatureBlock("T/M ĐẢNG ỦY", "BÍ THƯ", "Cầm Văn Minh"),
        ),
        recipients=("- Ban Tổ chức Tỉnh ủy (b/c)", "- Lưu VP."),
        landscape=True,
    )


def test_a_closing_that_cannot_share_a_page_with_the_table_end_still_prints() -> None:
    for rows, height in ((11, 40), (14, 45), (20, 40)):
        data = render_pdf(_document(rows, height))
        pages = [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]
        text = "\n".join(pages)
        assert all(f"Lò Văn Tua {i}\n" in text + "\n" for i in range(1, rows + 1))
        assert "Cầm Văn Minh" in pages[-1]
        assert f"Lò Văn Tua {rows}" in pages[-1]  # never a page holding only the signatures
