"""The register as PDF and XLSX: names and header lines read back exactly; no cell is a formula."""

from __future__ import annotations

import io
import re
import unicodedata
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import openpyxl
from pypdf import PdfReader

from exports.documents import document_sheets, save_pdf, save_xlsx
from exports.xlsx import Sheet
from forms.register import LIST_COLUMNS, member_list_rows, member_register
from models.db import Database, read_session, unit_of_work
from models.security import SYSTEM_ACTOR
from models.services import membership as ms
from models.services import register as rg
from tests.builders import admit, profile, village_and_cell


def _setup(db: Database) -> str:
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        cell = village_and_cell(s)
        a = admit(
            s,
            cell,
            profile("Lò", "Văn", "Thanh", cccd="014080000001", born=date(1980, 1, 1)),
            ceremony=date(2005, 3, 5),
        )
        ms.recognise_official(s, ms.EventInput(a, date(2006, 3, 5)))
        b = admit(
            s,
            cell,
            profile("Đặng", "Thị", "Ngọc Ánh", sex="F", born=date(1990, 1, 1)),
            ceremony=date(2015, 3, 5),
        )
        ms.recognise_official(s, ms.EventInput(b, date(2016, 3, 5)))
        ms.transfer_out(s, ms.EventInput(b, date(2025, 8, 1), other_organisation="Đảng bộ phường Tô Hiệu"))
        hostile = replace(
            profile("Giàng", "A", "Páo", born=date(1992, 1, 1)), home_town='=HYPERLINK("http://x";"y")'
        )
        admit(s, cell, hostile, ceremony=date(2025, 5, 1))
    return cell


def test_register_pdf_reads_back(db: Database, tmp_path: Path) -> None:
    _setup(db)
    with read_session(db, SYSTEM_ACTOR) as s:
        sheet = member_register(s)
    target = save_pdf(sheet.document, tmp_path / "so-danh-sach.pdf")
    reader = PdfReader(io.BytesIO(target.read_bytes()))
    text = re.sub(r"\s+", " ", unicodedata.normalize("NFC", " ".join(p.extract_text() for p in reader.pages)))
    for expected in (
        "ĐẢNG BỘ TỈNH SƠN LA",
        "ĐẢNG ỦY XÃ MƯỜNG LÈO",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "SỔ DANH SÁCH ĐẢNG VIÊN",
        "Lò Văn Thanh",
        "Đặng Thị Ngọc Ánh",
        "01/08/2025, Đảng bộ phường Tô Hiệu",
        "05/03/2005",
    ):
        assert expected in text, expected
    assert (
        len(reader.pages[0].mediabox) == 4
        and reader.pages[0].mediabox.width > reader.pages[0].mediabox.height
    )


def test_register_xlsx_reopens_with_same_rows_and_text_cells(db: Database, tmp_path: Path) -> None:
    _setup(db)
    with read_session(db, SYSTEM_ACTOR) as s:
        sheet = member_register(s)
        ids = rg.member_ids(s, rg.RegisterFilter())
        flat = member_list_rows(s, ids)
    target = save_xlsx(document_sheets(sheet.document, "Sổ danh sách"), tmp_path / "so.xlsx")
    wb = openpyxl.load_workbook(target)
    ws = wb.worksheets[0]
    values = [[c.value for c in row] for row in ws.iter_rows()]
    assert values[0][0] == "ĐẢNG BỘ TỈNH SƠN LA"
    assert values[1][0] == "ĐẢNG ỦY XÃ MƯỜNG LÈO"
    header = values[3]
    col = {name: header.index(name) for name in header}
    body = values[4:]
    names = [row[1] for row in body]
    assert names == [row[1] for row in sheet.rows]
    assert '=HYPERLINK("http://x";"y")' in [row[col["Quê quán"]] for row in body]
    # One value per cell: sex, ethnicity and religion apart; the row number a number; dates real dates.
    assert [row[0] for row in body] == [1, 2, 3]
    thanh = next(row for row in body if row[1] == "Lò Văn Thanh")
    assert (thanh[col["Giới tính"]], thanh[col["Chi bộ"]]) == ("Nam", "Chi bộ bản Na Hát")
    assert thanh[col["Ngày vào Đảng"]] == datetime(2005, 3, 5)
    assert thanh[col["Ngày chính thức"]] == datetime(2006, 3, 5)
    ngoc = next(row for row in body if row[1] == "Đặng Thị Ngọc Ánh")
    assert ngoc[col["Ngày chuyển đi"]] == datetime(2025, 8, 1)
    assert ngoc[col["Chuyển đi (nơi)"]] == "Đảng bộ phường Tô Hiệu"
    for row in ws.iter_rows():
        for cell in row:
            assert cell.data_type != "f"
    assert ws.page_setup.orientation == "landscape"
    assert "&P" in (ws.oddFooter.center.text or "")  # page numbers when printed
    assert all((ws.row_dimensions[r].height or 0) >= 15 for r in range(4, ws.max_row + 1))
    listing = save_xlsx([Sheet("Danh sách", LIST_COLUMNS, flat)], tmp_path / "ds.xlsx")
    rows = list(openpyxl.load_workbook(listing).worksheets[0].iter_rows(values_only=True))
    assert rows[0] == LIST_COLUMNS
    assert [r[1] for r in rows[1:]] == ["Giàng A Páo", "Lò Văn Thanh"]


def test_member_list_xlsx_holds_real_dates_and_no_formula(db: Database, tmp_path: Path) -> None:
    """Dates in the exported list are Excel dates shown dd/mm/yyyy (sortable, filterable), not text;
    an unknown date is an empty cell; a hostile text stays text."""
    _setup(db)
    with read_session(db, SYSTEM_ACTOR) as s:
        ids = rg.member_ids(s, rg.RegisterFilter())
        flat = member_list_rows(s, ids)
    listing = save_xlsx(
        [Sheet("Danh sách", LIST_COLUMNS, [*flat, ("3", "=1+1", "Nam", None, "@SUM(A1)")])],
        tmp_path / "ds.xlsx",
    )
    ws = openpyxl.load_workbook(listing).worksheets[0]
    header = [c.value for c in ws[1]]
    born, admitted, official = (
        header.index(name) + 1 for name in ("Ngày sinh", "Ngày vào Đảng", "Ngày chính thức")
    )
    thanh = next(row for row in ws.iter_rows(min_row=2) if row[1].value == "Lò Văn Thanh")
    for column, expected in (
        (born, date(1980, 1, 1)),
        (admitted, date(2005, 3, 5)),
        (official, date(2006, 3, 5)),
    ):
        cell = thanh[column - 1]
        assert cell.is_date, (column, cell.value)
        assert cell.data_type == "d" or isinstance(cell.value, datetime)
        assert cell.value.date() == expected  # openpyxl reads an Excel date back as a datetime
        assert cell.number_format == "dd/mm/yyyy"
    pao = next(row for row in ws.iter_rows(min_row=2) if row[1].value == "Giàng A Páo")
    assert pao[official - 1].value is None  # probationary: no official date, an empty cell, not "None"
    hostile = next(row for row in ws.iter_rows(min_row=2) if row[0].value == "3")
    assert hostile[1].value == "=1+1" and hostile[1].data_type == "s"
    assert hostile[4].value == "@SUM(A1)" and hostile[4].data_type == "s"
    for row in ws.iter_rows():
        for cell in row:
            assert cell.data_type != "f"
            assert not (isinstance(cell.value, str) and cell.value.startswith("=") and cell.data_type != "s")
