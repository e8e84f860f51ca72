"""Excel import of member lists: clean files import exactly; bad rows, legacy encodings, formulas,
huge files and zip bombs end in a clear message with the database unchanged."""

from __future__ import annotations

import hashlib
import zipfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from exports import member_import as mi
from models.db import Database, read_session, unit_of_work
from models.security import SYSTEM_ACTOR
from models.services import membership as ms
from models.services import register as rg
from tests.builders import village_and_cell

HEADERS = [
    "STT",
    "Họ và tên",
    "Giới tính",
    "Ngày sinh",
    "Dân tộc",
    "Số CCCD",
    "Chi bộ",
    "Ngày vào Đảng",
    "Ngày chính thức",
]
GOOD = [
    [1, "Lò Văn Thanh", "Nam", "12/04/1980", "Thái", "014080001111", "Na Hát", "05/03/2005", "05/03/2006"],
    [2, "Quàng Thị Ánh", "Nữ", datetime(1995, 6, 1), "Thái", None, "Chi bộ bản Na Hát", "1/6/25", None],
    [
        3,
        "Giàng A Páo",
        "nam",
        "7/7/1990",
        "H'Mông",
        "014090002222",
        "chi bo ban na hat",
        "19/5/2015",
        "19/05/2016",
    ],
]


def _xlsx(path: Path, rows: list[list[Any]], headers: list[str] = HEADERS) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(headers)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def _digest(db: Database) -> str:
    with db.engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT id, family_name, given_name, status FROM members ORDER BY id"
        ).fetchall()
        events = conn.exec_driver_sql("SELECT count(*) FROM member_events").scalar()
    return hashlib.sha256(repr((rows, events)).encode()).hexdigest()


@pytest.fixture
def cell(db: Database) -> str:
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        return village_and_cell(s)


def _preview(db: Database, path: Path) -> mi.ImportPreview:
    table = mi.read_table(path)
    mapping = mi.suggest_mapping(table.headers)
    with read_session(db, SYSTEM_ACTOR) as s:
        return mi.preview(s, table, mapping)


def test_suggested_mapping_from_vietnamese_headers() -> None:
    mapping = mi.suggest_mapping(HEADERS)
    assert mapping.columns["Họ và tên"] == "full_name"
    assert mapping.columns["Ngày vào Đảng"] == "admission_date"
    assert mapping.columns["STT"] == "skip"
    assert mi.Mapping.from_json(mapping.to_json()) == mapping


def test_clean_file_imports_exactly(db: Database, cell: str, tmp_path: Path) -> None:
    preview = _preview(db, _xlsx(tmp_path / "ds.xlsx", GOOD))
    assert [r.errors for r in preview.rows] == [[], [], []]
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        created = mi.apply(s, preview.valid)
    with read_session(db, SYSTEM_ACTOR) as s:
        details = {ms.get_member(s, m).name: ms.get_member(s, m) for m in created}
        counts = rg.counts(s, rg.RegisterFilter())
    assert set(details) == {"Lò Văn Thanh", "Quàng Thị Ánh", "Giàng A Páo"}
    assert details["Giàng A Páo"].profile.ethnicity == "Mông"
    assert details["Lò Văn Thanh"].official_date == date(2006, 3, 5)
    assert details["Quàng Thị Ánh"].status == "probationary"
    assert details["Quàng Thị Ánh"].admission_date == date(2025, 6, 1)
    assert (counts.total, counts.probationary) == (3, 1)


def test_bad_rows_are_reported_and_only_chosen_rows_import(db: Database, cell: str, tmp_path: Path) -> None:
    rows: list[list[Any]] = [
        *GOOD,
        [4, "Vì Văn Em", "Nam", "31/02/1990", "Thái", None, "Na Hát", "1/1/2015", None],
        [5, "Hà Thị Hoa", "X", "1/1/1990", "Thái", None, "Na Hát", "1/1/2015", None],
        [6, "Cầm Văn Nam", "Nam", "1/1/2005", "Thái", None, "Bản Không Có", "1/1/2015", None],
        [7, "Lường Văn Hùng", "Nam", "1/1/2000", "Thái", "014080001111", "Na Hát", "1/3/2012", None],
    ]
    before = _digest(db)
    preview = _preview(db, _xlsx(tmp_path / "bad.xlsx", rows))
    assert _digest(db) == before  # a preview writes nothing
    errors = {r.row: r.errors for r in preview.invalid}
    assert "không có trong lịch" in errors[5][0]
    assert errors[6] == ["Giới tính phải là Nam hoặc Nữ."]
    assert "Không có chi bộ “Bản Không Có”" in errors[7][0]
    assert any("Chưa đủ 18 tuổi" in e for e in errors[8])
    assert any("Trùng số CCCD với dòng 2" in e for e in errors[8])
    # Applying a row with errors is refused and nothing is written.
    with pytest.raises(mi.ImportRefused, match="Dòng 5 còn lỗi"), unit_of_work(db, SYSTEM_ACTOR) as s:
        mi.apply(s, preview.rows)
    assert _digest(db) == before
    chosen = [r for r in preview.valid if r.row != 3]
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        mi.apply(s, chosen)
    with read_session(db, SYSTEM_ACTOR) as s:
        assert rg.counts(s, rg.RegisterFilter()).total == 2


def test_legacy_tcvn3_text_is_refused(db: Database, cell: str, tmp_path: Path) -> None:
    path = _xlsx(
        tmp_path / "tcvn3.xlsx",
        [[1, "Lß V¨n Thµnh", "Nam", "1/1/1980", "Th¸i", None, "Na H¸t", "1/1/2005", None]],
    )
    with pytest.raises(mi.ImportRefused) as exc:
        mi.read_table(path)
    assert "bảng mã cũ (TCVN3 hoặc VNI)" in exc.value.text()
    assert "Unikey" in exc.value.text()


def test_formula_cell_is_refused(tmp_path: Path) -> None:
    path = _xlsx(
        tmp_path / "f.xlsx",
        [[1, "Lò Văn Thanh", "Nam", "=DATE(1980,1,1)", "Thái", None, "Na Hát", "1/1/2005", None]],
    )
    with pytest.raises(mi.ImportRefused) as exc:
        mi.read_table(path)
    assert exc.value.text().startswith("Ô D2 chứa công thức.")


def test_hundred_thousand_rows_are_refused_cleanly(db: Database, cell: str, tmp_path: Path) -> None:
    path = _raw_xlsx(tmp_path / "big.xlsx", 100_000, declare_dimension=False)  # the row loop must stop it
    before = _digest(db)
    with pytest.raises(mi.ImportRefused) as exc:
        mi.read_table(path)
    assert "Tệp có hơn 20.000 dòng" in exc.value.text()
    assert _digest(db) == before
    declared = _raw_xlsx(tmp_path / "declared.xlsx", 100_000, declare_dimension=True)
    with pytest.raises(mi.ImportRefused, match=r"Tệp có hơn 20\.000 dòng"):
        mi.read_table(declared)


def _raw_xlsx(path: Path, rows: int, *, declare_dimension: bool) -> Path:
    """A minimal, valid XLSX written directly (openpyxl would take many seconds for 100,000 rows)."""
    cells = "".join(f'<c t="inlineStr"><is><t>{h}</t></is></c>' for h in HEADERS)
    body = "".join(
        f'<row r="{r}"><c t="inlineStr"><is><t>Lò Văn Thanh {r}</t></is></c><c t="inlineStr"><is><t>Nam</t></is></c></row>'
        for r in range(2, rows + 2)
    )
    dimension = f'<dimension ref="A1:I{rows + 1}"/>' if declare_dimension else ""
    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr(
            "[Content_Types].xml",
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            "</Types>",
        )
        z.writestr(
            "_rels/.rels",
            f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        )
        z.writestr(
            "xl/workbook.xml",
            f'<workbook {ns} xmlns:r="{rel}"><sheets><sheet name="DS" sheetId="1" r:id="rId1"/></sheets></workbook>',
        )
        z.writestr(
            "xl/_rels/workbook.xml.rels",
            f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
        )
        z.writestr(
            "xl/worksheets/sheet1.xml",
            f'<worksheet {ns}>{dimension}<sheetData><row r="1">{cells}</row>{body}</sheetData></worksheet>',
        )
    return path


def test_zip_bomb_and_foreign_files_are_refused(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/sharedStrings.xml", b"<sst>" + b" " * (200 * 1024 * 1024) + b"</sst>")
    with pytest.raises(mi.ImportRefused, match="bom nén"):
        mi.read_table(bomb)
    traversal = tmp_path / "evil.xlsx"
    with zipfile.ZipFile(traversal, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("../../autorun.inf", "x")
    with pytest.raises(mi.ImportRefused, match="thành phần lạ"):
        mi.read_table(traversal)
    text = tmp_path / "list.xlsx"
    text.write_text("Họ và tên;Ngày sinh", encoding="utf-8")
    with pytest.raises(mi.ImportRefused, match="không phải bảng tính Excel"):
        mi.read_table(text)


def test_bad_mapping_json_is_refused() -> None:
    with pytest.raises(mi.ImportRefused, match="không đúng dạng JSON"):
        mi.Mapping.from_json("{not json")
    with pytest.raises(mi.ImportRefused, match="trường không biết: password"):
        mi.Mapping.from_json('{"columns": {"A": "password"}}')
