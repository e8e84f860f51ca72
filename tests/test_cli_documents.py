"""The document commands of the headless CLI, called as `main.main([...])` on an encrypted commune:
`minutes --list / ID --out / --blank`, `register --out .pdf|.xlsx` and `import-members`. Output is read
back (pypdf, openpyxl); a refused input exits 1 (2 for wrong usage) with the database unchanged."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import unicodedata
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

import main
from exports import keyring
from exports import member_import as mi
from models.db import read_session, unit_of_work
from models.security import SYSTEM_ACTOR, Role
from models.services import meetings as mt
from models.services import membership as ms
from models.services import organisation as org
from tests import builders
from tests.builders import MEMBER_LIST_HEADERS
from tests.conftest import UNIT

PASSWORD = "mật khẩu dài của văn phòng"
LOGIN = "vanthu"


@dataclass(frozen=True)
class Commune:
    path: Path
    na_hat: str  # cell ids
    huoi_le: str
    meetings: dict[str, str]  # "na-hat-02" -> meeting id


def _build(path: Path) -> Commune:
    """Two cells with members and three held meetings (Na Hát in February and March, Huổi Lè in
    February), made through the services in an encrypted database."""
    admin, _recovery = keyring.create_encrypted_database(path, LOGIN, PASSWORD, check_drive=False)
    with admin:
        keyring.update_account(
            admin, admin.actor.user_id, "Văn thư", frozenset({Role.ADMIN, Role.CLERK, Role.APPROVER})
        )
        with unit_of_work(admin.db, SYSTEM_ACTOR) as s:
            org.setup_unit(s, UNIT)
            na_hat = builders.village_and_cell(s)
            huoi_le = builders.village_and_cell(s, "Bản Huổi Lè", "Chi bộ bản Huổi Lè")
            people: dict[str, str] = {}
            for cell, (family, middle, given, sex) in [
                (na_hat, ("Lò", "Văn", "Thanh", "M")),
                (na_hat, ("Cầm", "Thị", "Hoa", "F")),
                (na_hat, ("Tòng", "Văn", "Đức", "M")),
                (huoi_le, ("Giàng", "A", "Páo", "M")),
                (huoi_le, ("Quàng", "Thị", "Ánh", "F")),
            ]:
                mid = builders.admit(s, cell, builders.profile(family, middle, given, sex=sex))
                ms.recognise_official(s, ms.EventInput(mid, date(2021, 3, 5)))
                people[given] = mid

            def held(cell: str, month: str, day: int, chair: str, secretary: str, **extra: object) -> str:
                return mt.save_meeting(
                    s,
                    mt.MeetingInput(
                        cell_id=cell,
                        kind=str(extra.pop("kind", "regular")),
                        month=month,
                        held_date=date(int(month[:4]), int(month[5:]), day),
                        start_time="19:30",
                        end_time="21:30",
                        place="nhà văn hóa bản",
                        chair_member_id=people[chair],
                        secretary_member_id=people[secretary],
                        thematic_topic=str(extra.pop("topic", "")),
                        attendance=extra.pop("attendance", {}),  # type: ignore[arg-type]
                    ),
                ).id

            meetings = {
                "na-hat-02": held(
                    na_hat,
                    "2026-02",
                    3,
                    "Thanh",
                    "Hoa",
                    attendance={people["Đức"]: ("absent_excused", "Đi viện")},
                ),
                "na-hat-03": held(na_hat, "2026-03", 5, "Thanh", "Hoa"),
                "huoi-le-02": held(
                    huoi_le, "2026-02", 10, "Páo", "Ánh", kind="thematic", topic="Học tập và làm theo Bác"
                ),
            }
    return Commune(path, na_hat, huoi_le, meetings)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Commune:
    return _build(tmp_path_factory.mktemp("commune") / "xa.db")


@pytest.fixture
def commune(built: Commune, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Commune:
    """A private copy of the commune for one test, opened by the CLI as the clerk."""
    folder = tmp_path / "db"
    folder.mkdir()
    for file in built.path.parent.iterdir():
        if file.name.startswith(built.path.name) and not file.name.endswith(".lock"):
            shutil.copy2(file, folder / file.name)
    monkeypatch.setenv("DUX_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv(keyring.ENV_USER, LOGIN)
    monkeypatch.setenv(keyring.ENV_PASSWORD, PASSWORD)
    monkeypatch.setattr(main, "setup_logging", lambda verbose=False: tmp_path / "app.log")
    return Commune(folder / built.path.name, built.na_hat, built.huoi_le, built.meetings)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main.main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def pdf_text(path: Path) -> str:
    text = "\n".join(page.extract_text() for page in PdfReader(path).pages)
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text))


def register_digest(path: Path) -> str:
    """Members and their events, to prove a refused command changed nothing."""
    with (
        keyring.unlock(path, LOGIN, PASSWORD, check_drive=False) as unlocked,
        unlocked.db.engine.connect() as conn,
    ):
        members = conn.exec_driver_sql(
            "SELECT id, family_name, middle_name, given_name, status, revision FROM members ORDER BY id"
        ).fetchall()
        events = conn.exec_driver_sql("SELECT id, member_id, kind FROM member_events ORDER BY id").fetchall()
    return hashlib.sha256(repr((members, events)).encode()).hexdigest()


def member_names(path: Path) -> list[str]:
    with (
        keyring.unlock(path, LOGIN, PASSWORD, check_drive=False) as unlocked,
        read_session(unlocked.db, unlocked.actor) as session,
    ):
        return sorted(c.name for c in ms.member_choices(session, limit=1000))


# ---------------------------------------------------------------- minutes --list


def test_minutes_list_prints_one_tab_separated_line_per_meeting(
    commune: Commune, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "minutes", str(commune.path), "--list")
    assert code == 0, err
    lines = [line.split("\t") for line in out.splitlines()]
    assert all(len(fields) == 4 for fields in lines), out
    by_id = {fields[0]: fields[1:] for fields in lines}
    assert by_id == {
        commune.meetings["na-hat-02"]: ["Chi bộ bản Na Hát", "03/02/2026", "Sinh hoạt định kỳ"],
        commune.meetings["na-hat-03"]: ["Chi bộ bản Na Hát", "05/03/2026", "Sinh hoạt định kỳ"],
        commune.meetings["huoi-le-02"]: ["Chi bộ bản Huổi Lè", "10/02/2026", "Sinh hoạt chuyên đề"],
    }
    months = [fields[2][3:] for fields in lines]
    assert months == sorted(months, key=lambda m: (m[3:], m[:2]))  # oldest month first

    # --cell is matched ignoring case and diacritics.
    code, out, _ = run(capsys, "minutes", str(commune.path), "--list", "--cell", "na hat")
    assert code == 0
    assert [line.split("\t")[0] for line in out.splitlines()] == [
        commune.meetings["na-hat-02"],
        commune.meetings["na-hat-03"],
    ]
    code, out, _ = run(capsys, "minutes", str(commune.path), "--list", "--cell", "HUỔI LÈ")
    assert [line.split("\t")[0] for line in out.splitlines()] == [commune.meetings["huoi-le-02"]]

    # --month, alone and with --cell.
    code, out, _ = run(capsys, "minutes", str(commune.path), "--list", "--month", "2026-02")
    assert code == 0
    assert sorted(line.split("\t")[0] for line in out.splitlines()) == sorted(
        [commune.meetings["na-hat-02"], commune.meetings["huoi-le-02"]]
    )
    code, out, _ = run(
        capsys, "minutes", str(commune.path), "--list", "--cell", "na hat", "--month", "2026-03"
    )
    assert [line.split("\t")[0] for line in out.splitlines()] == [commune.meetings["na-hat-03"]]
    code, out, _ = run(capsys, "minutes", str(commune.path), "--list", "--month", "2025-12")
    assert (code, out) == (0, "")  # a well-formed month without meetings: nothing, no error


@pytest.mark.parametrize("month", ["2025-3", "2025-13", "2025-00", "03/2026", "2026-3-1", "tháng 3"])
def test_a_malformed_month_is_wrong_usage(
    commune: Commune, capsys: pytest.CaptureFixture[str], tmp_path: Path, month: str
) -> None:
    code, out, err = run(capsys, "minutes", str(commune.path), "--list", "--month", month)
    assert code == 2
    assert out == ""
    assert f"Tháng “{month}” không đúng" in err
    assert "--month NĂM-THÁNG, ví dụ --month 2026-03" in err
    target = tmp_path / "trong.pdf"
    code, _, err = run(
        capsys,
        "minutes",
        str(commune.path),
        "--blank",
        "--cell",
        "na hat",
        "--month",
        month,
        "--out",
        str(target),
    )
    assert code == 2
    assert "không đúng" in err
    assert not target.exists()


def test_an_unknown_cell_is_refused(commune: Commune, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "minutes", str(commune.path), "--list", "--cell", "Bản Không Có")
    assert code == 1
    assert out == ""
    assert err.strip()  # the service's Vietnamese message


# ---------------------------------------------------------------- minutes PDFs


def test_minutes_of_a_meeting(commune: Commune, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    first, second = tmp_path / "bb-02.pdf", tmp_path / "bb-03.pdf"
    code, out, err = run(
        capsys, "minutes", str(commune.path), commune.meetings["na-hat-02"], "--out", str(first)
    )
    assert code == 0, err
    assert str(first) in out
    text = pdf_text(first)
    for expected in (
        "CHI BỘ BẢN NA HÁT",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "Số 01-BB/CB",
        "Mường Lèo, ngày 03 tháng 02 năm 2026",
        "BIÊN BẢN",
        "đồng chí Tòng Văn Đức (Đi viện)",
    ):
        assert expected in text, expected
    assert "Số: " not in text
    # The cell's next meeting has the next number.
    assert (
        run(capsys, "minutes", str(commune.path), commune.meetings["na-hat-03"], "--out", str(second))[0] == 0
    )
    assert "Số 02-BB/CB" in pdf_text(second)
    assert "ngày 05 tháng 3 năm 2026" in pdf_text(second)


def test_minutes_need_an_output_file_and_a_meeting(
    commune: Commune, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(capsys, "minutes", str(commune.path), commune.meetings["na-hat-02"])
    assert code == 2
    assert "--out" in err
    code, _, err = run(capsys, "minutes", str(commune.path), "--out", str(tmp_path / "x.pdf"))
    assert code == 2
    assert "--list" in err
    code, _, err = run(capsys, "minutes", str(commune.path), "--blank", "--out", str(tmp_path / "x.pdf"))
    assert code == 2
    assert "--cell" in err
    assert not (tmp_path / "x.pdf").exists()


def test_blank_minutes_for_a_cell_and_month(
    commune: Commune, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "trong.pdf"
    code, _, err = run(
        capsys,
        "minutes",
        str(commune.path),
        "--blank",
        "--cell",
        "chi bo ban na hat",
        "--month",
        "2026-03",
        "--out",
        str(target),
    )
    assert code == 0, err
    text = pdf_text(target)
    for expected in ("CHI BỘ BẢN NA HÁT", "Số ......-BB/CB", "Sinh hoạt chi bộ định kỳ tháng 3 năm 2026"):
        assert expected in text, expected
    for name in ("Lò Văn Thanh", "Cầm Thị Hoa", "Tòng Văn Đức"):
        assert name in text
    assert "Giàng A Páo" not in text  # another cell's member


# ---------------------------------------------------------------- register


def test_register_pdf_and_xlsx(commune: Commune, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    pdf, xlsx, one_cell = tmp_path / "so.pdf", tmp_path / "so.xlsx", tmp_path / "na-hat.xlsx"
    code, out, err = run(capsys, "register", str(commune.path), "--out", str(pdf))
    assert code == 0, err
    assert "(5 đảng viên)" in out
    text = pdf_text(pdf)
    assert "SỔ DANH SÁCH ĐẢNG VIÊN" in text
    for name in ("Lò Văn Thanh", "Cầm Thị Hoa", "Giàng A Páo", "Quàng Thị Ánh"):
        assert name in text

    assert run(capsys, "register", str(commune.path), "--out", str(xlsx))[0] == 0
    values = [
        str(v) for row in openpyxl.load_workbook(xlsx).active.iter_rows(values_only=True) for v in row if v
    ]
    assert "Tòng Văn Đức" in values
    assert "Giàng A Páo" in values

    code, out, _ = run(capsys, "register", str(commune.path), "--out", str(one_cell), "--cell", "huoi le")
    assert code == 0
    assert "(2 đảng viên)" in out
    values = [
        str(v)
        for row in openpyxl.load_workbook(one_cell).active.iter_rows(values_only=True)
        for v in row
        if v
    ]
    assert "Giàng A Páo" in values
    assert "Lò Văn Thanh" not in values

    code, _, err = run(capsys, "register", str(commune.path), "--out", str(tmp_path / "so.docx"))
    assert code == 2
    assert ".pdf hoặc .xlsx" in err
    assert not (tmp_path / "so.docx").exists()


# ---------------------------------------------------------------- import-members


def _workbook(path: Path, rows: list[list[object]]) -> tuple[Path, Path]:
    wb = openpyxl.Workbook()
    sheet = wb.active
    assert sheet is not None
    sheet.append(MEMBER_LIST_HEADERS)
    for row in rows:
        sheet.append(row)
    wb.save(path)
    mapping = path.with_suffix(".json")
    mapping.write_text(mi.suggest_mapping(MEMBER_LIST_HEADERS).to_json(), encoding="utf-8")
    return path, mapping


GOOD_ROWS: list[list[object]] = [
    [1, "Lường Văn Hải", "Nam", "12/04/1980", "Thái", "Na Hát", "05/03/2005", "05/03/2006"],
    [2, "Vì Thị Mai", "Nữ", "1/6/1995", "Thái", "chi bo ban huoi le", "19/5/2015", "19/05/2016"],
]


def test_import_members_dry_run_then_for_real(
    commune: Commune, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    book, mapping = _workbook(tmp_path / "ds.xlsx", GOOD_ROWS)
    before = register_digest(commune.path)
    code, out, err = run(
        capsys, "import-members", str(commune.path), str(book), "--mapping", str(mapping), "--dry-run"
    )
    assert code == 0, err
    assert "2 dòng: 2 hợp lệ, 0 có lỗi." in out
    assert "Chạy thử (--dry-run): chưa nhập gì." in out
    assert register_digest(commune.path) == before

    code, out, err = run(capsys, "import-members", str(commune.path), str(book), "--mapping", str(mapping))
    assert code == 0, err
    assert "Đã nhập 2 đảng viên." in out
    names = member_names(commune.path)
    assert "Lường Văn Hải" in names
    assert "Vì Thị Mai" in names


def test_import_members_refuses_a_file_with_bad_rows(
    commune: Commune, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = [*GOOD_ROWS, [3, "Lò Thị 2", "Nữ", "31/02/1990", "Thái", "Na Hát", "1/1/2020", ""]]
    book, mapping = _workbook(tmp_path / "loi.xlsx", bad)
    before = register_digest(commune.path)
    code, out, err = run(
        capsys, "import-members", str(commune.path), str(book), "--mapping", str(mapping), "--dry-run"
    )
    assert code == 1
    assert "3 dòng: 2 hợp lệ, 1 có lỗi." in out
    assert "Dòng 4" in out and "LỖI" in out
    code, out, err = run(capsys, "import-members", str(commune.path), str(book), "--mapping", str(mapping))
    assert code == 1
    assert "Không nhập gì vì có dòng lỗi" in err
    assert register_digest(commune.path) == before


def test_import_members_refuses_a_formula_and_a_bad_mapping(
    commune: Commune, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    book, mapping = _workbook(tmp_path / "ct.xlsx", [[1, '=HYPERLINK("http://x")', "Nam", "1/1/1980"]])
    before = register_digest(commune.path)
    code, out, err = run(capsys, "import-members", str(commune.path), str(book), "--mapping", str(mapping))
    assert code == 1
    assert "công thức" in err.lower()
    assert "Đã nhập" not in out
    bad_mapping = tmp_path / "sai.json"
    bad_mapping.write_text(json.dumps({"columns": {"Họ và tên": "khong_co"}}), encoding="utf-8")
    good_book, _ = _workbook(tmp_path / "ds.xlsx", GOOD_ROWS)
    code, _, err = run(
        capsys, "import-members", str(commune.path), str(good_book), "--mapping", str(bad_mapping)
    )
    assert code == 1
    assert "trường không biết: khong_co" in err
    assert register_digest(commune.path) == before


# ---------------------------------------------------------------- report: drafts and finalising


def _pages(path: Path) -> list[str]:
    return [
        re.sub(r"\s+", " ", unicodedata.normalize("NFC", p.extract_text())) for p in PdfReader(path).pages
    ]


def test_a_report_not_finalised_is_a_visible_draft(
    commune: Commune, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "nhap.pdf"
    code, out, _ = run(capsys, "report", str(commune.path), "--period", "2026-Q1", "--out", str(target))
    assert code == 0, out
    assert "DỰ THẢO" in out
    pages = _pages(target)
    assert len(pages) > 1
    assert all("DỰ THẢO" in page for page in pages)
    text = " ".join(pages)
    assert "Số ......-BC/ĐU" in text  # a blank to fill, not a number
    assert "Chưa có nội dung" not in text
    assert "........................................" in text  # room for the signer's name
    shown = re.search(r"ngày (\d\d) tháng (\d+) năm (\d{4})", text)
    assert shown is not None
    assert date(int(shown[3]), int(shown[2]), int(shown[1])) <= date.today()


def test_the_command_line_finalises_a_report_from_a_file(
    commune: Commune, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    narrative = tmp_path / "noi-dung.json"
    narrative.write_text(
        json.dumps(
            {
                "results": ["Các chi bộ sinh hoạt đều đặn.", "Kết nạp 2 đảng viên mới."],
                "shortcomings": "Một số đảng viên đi làm ăn xa chưa báo cáo.",
                "tasks": "Chuẩn bị đại hội chi bộ.",
                "signer": "Lò Văn Thanh",
                "number": 7,
            },
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    unsigned = tmp_path / "chua-ky.json"
    unsigned.write_text(json.dumps({"results": "Có nội dung."}), encoding="utf-8")
    code, _, error = run(
        capsys, "report", str(commune.path), "--period", "2026-Q1", "--narrative", str(unsigned), "--finalise"
    )
    assert code == 1
    assert "người ký" in error
    target = tmp_path / "bc.pdf"
    code, out, error = run(
        capsys,
        "report",
        str(commune.path),
        "--period",
        "2026-Q1",
        "--narrative",
        str(narrative),
        "--finalise",
        "--out",
        str(target),
    )
    assert code == 0, error
    assert "Đã chốt báo cáo" in out
    pages = _pages(target)
    text = " ".join(pages)
    assert not any("DỰ THẢO" in page for page in pages)
    for expected in (
        "Số 07-BC/ĐU",
        "Các chi bộ sinh hoạt đều đặn.",
        "Kết nạp 2 đảng viên mới.",
        "Chuẩn bị đại hội chi bộ.",
        "T/M ĐẢNG ỦY",
        "BÍ THƯ",
        "Lò Văn Thanh",
    ):
        assert expected in text, expected
    today = date.today()
    month = f"{today.month:02d}" if today.month <= 2 else str(today.month)
    assert f"ngày {today.day:02d} tháng {month} năm {today.year}" in text  # the day it was signed
    # Finalised: the text cannot change any more, from the command line as from the window.
    code, _, error = run(
        capsys, "report", str(commune.path), "--period", "2026-Q1", "--narrative", str(narrative)
    )
    assert code == 1
    assert "đã chốt" in error


def test_a_signing_date_in_the_future_is_refused(
    commune: Commune, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    later = date.today().replace(year=date.today().year + 1)
    code, _, error = run(
        capsys,
        "report",
        str(commune.path),
        "--period",
        "2026-Y",
        "--date",
        later.strftime("%d/%m/%Y"),
        "--out",
        str(tmp_path / "x.pdf"),
    )
    assert code == 1
    assert "chưa đến" in error


def test_a_plain_hyphen_finds_a_cell_named_with_an_en_dash(
    commune: Commune, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    with (
        keyring.unlock(commune.path, LOGIN, PASSWORD, check_drive=False) as unlocked,
        unit_of_work(unlocked.db, SYSTEM_ACTOR) as s,
    ):
        builders.village_and_cell(s, "Bản Nà Dạ – Pá Công", "Chi bộ bản Nà Dạ – Pá Công")
    for typed in ("na da - pa cong", "Nà Dạ-Pá Công", "bản nà dạ – pá công"):
        code, _out, error = run(
            capsys, "register", str(commune.path), "--cell", typed, "--out", str(tmp_path / "so.pdf")
        )
        assert code == 0, (typed, error)
    code, _, error = run(
        capsys, "register", str(commune.path), "--cell", "na da - pa", "--out", str(tmp_path / "x.pdf")
    )
    assert code == 1
    assert "na da - pa" in error  # the name as typed


def test_resolution_and_letters_from_the_command_line(
    commune: Commune, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "nq.pdf"
    code, _, error = run(
        capsys,
        "minutes",
        str(commune.path),
        commune.meetings["na-hat-03"],
        "--resolution",
        "--out",
        str(target),
    )
    assert code == 0, error
    text = pdf_text(target)
    for expected in ("NGHỊ QUYẾT", "-NQ/CB", "Về nhiệm vụ tháng 4 năm 2026", "QUYẾT NGHỊ", "T/M CHI BỘ"):
        assert expected in text, expected
    source = tmp_path / "cv.json"
    source.write_text(
        json.dumps(
            {
                "kind": "cong-van",
                "subject": "Rà soát đảng viên đi làm ăn xa",
                "body": ["Đề nghị các chi bộ báo cáo danh sách trước ngày 15/6/2026."],
                "to": "Kính gửi: Các chi bộ trực thuộc",
                "signer": "Vì Văn Nam",
                "number": 3,
                "on": "04/05/2026",
            },
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    code, _out, error = run(
        capsys, "letter", str(commune.path), "--from", str(source), "--out", str(tmp_path / "cv.pdf")
    )
    assert code == 0, error
    text = pdf_text(tmp_path / "cv.pdf")
    for expected in (
        "Số 03-CV/ĐU",
        "V/v rà soát đảng viên đi làm ăn xa",
        "ngày 04 tháng 5 năm 2026",
        "Vì Văn Nam",
    ):
        assert expected in text, expected
    assert "DỰ THẢO" not in text
    source.write_text(json.dumps({"kind": "thư", "subject": "x"}), encoding="utf-8")
    code, _, error = run(
        capsys, "letter", str(commune.path), "--from", str(source), "--out", str(tmp_path / "x.pdf")
    )
    assert code == 2
    assert "cong-van" in error


def test_rating_results_without_a_round_are_refused(
    commune: Commune, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, error = run(
        capsys, "rating-results", str(commune.path), "--year", "2025", "--out", str(tmp_path / "x.pdf")
    )
    assert code == 1
    assert "Chưa có đợt xếp loại năm 2025" in error


def test_badge_list_from_the_command_line(
    commune: Commune, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "huy-hieu.xlsx"
    code, _, error = run(capsys, "badge-list", str(commune.path), "--on", "10/03/2026", "--out", str(target))
    assert code == 0, error
    ws = openpyxl.load_workbook(target).worksheets[0]
    assert ws["A3"].value.startswith("DANH SÁCH – Đảng viên đề nghị tặng Huy hiệu Đảng đợt 19/05/2026")
    code, _, error = run(capsys, "badge-list", str(commune.path), "--out", str(tmp_path / "hh.pdf"))
    assert code == 0, error
    assert "Huy hiệu Đảng" in pdf_text(tmp_path / "hh.pdf")


def test_admission_paper_needs_one_person(
    commune: Commune, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, error = run(
        capsys, "admission-paper", str(commune.path), "--paper", "decision", "--out", str(tmp_path / "qd.pdf")
    )
    assert code == 2
    assert "--candidate" in error


def test_an_extract_from_the_command_line(
    commune: Commune, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from dataclasses import replace

    meeting_id = commune.meetings["na-hat-03"]
    code, _, error = run(
        capsys, "minutes", str(commune.path), meeting_id, "--extract", "1", "--out", str(tmp_path / "x.pdf")
    )
    assert code == 1
    assert "không có nội dung số 1" in error
    with (
        keyring.unlock(commune.path, LOGIN, PASSWORD, check_drive=False) as unlocked,
        unit_of_work(unlocked.db, SYSTEM_ACTOR) as s,
    ):
        view = mt.get_meeting(s, meeting_id)
        agenda = (mt.AgendaInput("Xét đề nghị kết nạp quần chúng Vì Thị Mai", "Lò Văn Thanh"),)
        mt.save_meeting(s, replace(view.to_input(), agenda=agenda), meeting_id, view.revision)
    target = tmp_path / "trich.pdf"
    code, _, error = run(
        capsys, "minutes", str(commune.path), meeting_id, "--extract", "1", "--out", str(target)
    )
    assert code == 0, error
    text = pdf_text(target)
    assert "TRÍCH BIÊN BẢN" in text and "Xét đề nghị kết nạp quần chúng Vì Thị Mai" in text
