"""`make bench`: one table of medians, each next to a floor measured in the same run on the same data,
and their ratio (lower is better; targets from issue 9 in the last column).

    make bench                                   # commune scale (a 2,000-member demo, 3 years of meetings)
    make bench BENCH_ARGS="--scale province"     # 100,000 members and a 75-commune consolidation

Benchmark databases are generated once into build/bench/ (generation is not timed) and reused."""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
BENCH = ROOT / "build" / "bench"


@dataclass
class Row:
    operation: str
    app_ms: float
    floor_name: str
    floor_ms: float | None
    target: str

    @property
    def ratio(self) -> str:
        if self.floor_ms is None or self.floor_ms <= 0:
            return "–"
        return f"{self.app_ms / self.floor_ms:.2f}×"


def median_ms(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def ensure_demo(path: Path, members: int, meeting_years: int) -> None:
    from exports.demo_db import create_demo_database

    if path.exists():
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    create_demo_database(path, members=members, seed=3, check_drive=False, meeting_years=meeting_years)
    print(
        f"(generated {path.name}: {members} members in {time.perf_counter() - started:.0f} s)",
        file=sys.stderr,
    )


def minimal_docx(paragraphs: int = 60) -> bytes:
    """A plain DOCX of about the minutes' length, made once for the LibreOffice comparison."""
    import io
    import zipfile

    text = (
        "Đồng chí Lò Văn Thanh trình bày báo cáo kết quả lãnh đạo thực hiện nhiệm vụ tháng trước của chi bộ."
    )
    body = "".join(f"<w:p><w:r><w:t>{i}. {text}</w:t></w:r></w:p>" for i in range(paragraphs))
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr(
            "[Content_Types].xml",
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
            "</Types>",
        )
        z.writestr(
            "_rels/.rels",
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            "</Relationships>",
        )
        z.writestr("word/document.xml", f"<w:document {ns}><w:body>{body}</w:body></w:document>")
    return buffer.getvalue()


def raw_connection(db: Any) -> Any:
    """The stdlib-level driver on the same file with the same key: the floor's connection."""
    from sqlcipher3 import dbapi2

    conn = dbapi2.connect(str(db.path))
    if db.key is not None:
        conn.execute(f"PRAGMA key = \"x'{db.key.hex()}'\"")
    return conn


def startup(path: Path, runs: int) -> Row:
    """Process start to an interactive main window (login included), against a bare PySide6 window
    plus `import sqlalchemy.orm` in the same kind of process."""
    app_code = (
        f"import time,sys;t=time.perf_counter();sys.path.insert(0,{str(ROOT)!r})\n"
        "from ui.app import make_application;from exports import keyring\n"
        "from ui.main_window import MainWindow;from ui.context import AppContext\n"
        f"app=make_application('vi');u=keyring.unlock({str(path)!r},'admin','demo2026',check_drive=False)\n"
        "w=MainWindow(AppContext(u.db,u.actor,u));w.resize(1366,768);w.show();app.processEvents()\n"
        "print((time.perf_counter()-t)*1000);w.close();u.close()"
    )
    floor_code = (
        "import time;t=time.perf_counter()\n"
        "from PySide6.QtWidgets import QApplication,QWidget;import sqlalchemy.orm\n"
        "app=QApplication([]);w=QWidget();w.resize(1366,768);w.show();app.processEvents()\n"
        "print((time.perf_counter()-t)*1000)"
    )

    def run(code: str) -> float:
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-c", code],
            check=True,
            capture_output=True,
            env={**os.environ, "DUX_DATA_DIR": tempfile.mkdtemp()},
        )
        return (time.perf_counter() - started) * 1000

    app = statistics.median(run(app_code) for _ in range(runs))
    floor = statistics.median(run(floor_code) for _ in range(runs))
    return Row("khởi động đến cửa sổ chính", app, "cửa sổ PySide6 trống + sqlalchemy.orm", floor, "≤ 1,3×")


def search(u: Any, runs: int) -> list[Row]:
    from models.db import read_session
    from models.services import register as rg

    words = ["lo van", "cam thi", "duc", "giang a"]
    conn = raw_connection(u.db)

    def app() -> None:
        with read_session(u.db, u.actor) as s:
            for w in words:
                ids = rg.member_ids(s, rg.RegisterFilter(text=w))
                rg.member_rows(s, ids[:40])

    def floor() -> None:
        for w in words:
            ids = [r[0] for r in conn.execute(
                "SELECT m.id FROM members m LEFT JOIN cells c ON c.id = m.cell_id WHERE NOT m.deleted AND m.status IN "
                "('probationary','official','exempted','away') AND m.counted AND m.search_key LIKE ? ORDER BY m.sort_key, m.id",
                (f"%{w}%",),
            )]  # fmt: skip
            marks = ",".join("?" * len(ids[:40]))
            conn.execute(f"SELECT * FROM members WHERE id IN ({marks})", ids[:40]).fetchall()  # noqa: S608

    app_ms = median_ms(app, runs) / len(words)
    floor_ms = median_ms(floor, runs) / len(words)
    conn.close()

    def open_page() -> None:
        with read_session(u.db, u.actor) as s:
            ids = rg.member_ids(s, rg.RegisterFilter())
            rg.member_rows(s, ids[:40])
            rg.counts(s, rg.RegisterFilter())

    return [
        Row("tìm kiếm (mỗi lần gõ)", app_ms, "cùng truy vấn SQL thô", floor_ms, "≤ 2× và ≤ 50 ms"),
        Row("mở danh sách đảng viên", median_ms(open_page, runs), "", None, ""),
    ]


def report(u: Any, runs: int) -> Row:
    from forms.periods import Period
    from forms.quarterly import build_report
    from models.db import read_session

    period = Period.parse("2026-Q3")
    conn = raw_connection(u.db)

    def app() -> None:
        with read_session(u.db, u.actor) as s:
            build_report(s, period)

    def floor() -> None:
        end = "2026-09-30"
        conn.execute(
            "SELECT member_id, kind, event_date, temporary FROM member_events WHERE NOT deleted AND event_date <= ? ORDER BY member_id, event_date, seq",
            (end,),
        ).fetchall()
        conn.execute(
            "SELECT sex, ethnicity, religion, date_of_birth, occupation, general_education, political_theory, youth_union_date FROM members WHERE NOT deleted"
        ).fetchall()
        conn.execute("SELECT kind, count(*) FROM cells WHERE status='active' GROUP BY kind").fetchall()
        conn.execute(
            "SELECT m.kind, m.quality_rating, count(*), sum(a.status='present') FROM meetings m JOIN meeting_attendance a ON a.meeting_id=m.id WHERE m.month BETWEEN '2026-07' AND '2026-09' GROUP BY m.kind, m.quality_rating"
        ).fetchall()
        conn.execute(
            "SELECT status, count(*) FROM petitions WHERE received_date <= ? GROUP BY status", (end,)
        ).fetchall()
        conn.execute(
            "SELECT sum(amount_due), sum(amount_paid) FROM dues_payments WHERE month BETWEEN '2026-07' AND '2026-09'"
        ).fetchall()

    row = Row(
        "báo cáo quý (xã)",
        median_ms(app, runs),
        "các tổng hợp bằng SQL thô",
        median_ms(floor, runs),
        "≤ 1,5×",
    )
    conn.close()
    return row


def minutes_pdf(u: Any, runs: int) -> Row:
    from exports.pdf import render_pdf
    from forms.minutes import minutes_document
    from models.db import read_session
    from models.services import meetings as mt

    with read_session(u.db, u.actor) as s:
        meeting_id = mt.list_meetings(s)[0].id

    def app() -> None:
        with read_session(u.db, u.actor) as s:
            render_pdf(minutes_document(s, meeting_id))

    app_ms = median_ms(app, runs)
    floor_ms = None
    office = shutil.which("libreoffice") or shutil.which("soffice")
    if office:
        with tempfile.TemporaryDirectory() as folder:
            docx = Path(folder) / "bien-ban.docx"
            docx.write_bytes(minimal_docx())

            def convert() -> None:
                subprocess.run(
                    [office, "--headless", "--convert-to", "pdf", "--outdir", folder, str(docx)],
                    check=True,
                    capture_output=True,
                )

            floor_ms = median_ms(convert, max(1, runs // 2))
    return Row(
        "biên bản PDF",
        app_ms,
        "LibreOffice chuyển DOCX → PDF" if office else "(LibreOffice chưa cài)",
        floor_ms,
        "≥ 10× nhanh hơn",
    )


def register_xlsx(u: Any, runs: int) -> Row:
    from openpyxl import Workbook

    from exports.xlsx import Sheet, workbook_bytes
    from forms.register import LIST_COLUMNS, member_list_rows
    from models.db import read_session
    from models.services import register as rg

    with read_session(u.db, u.actor) as s:
        ids = rg.member_ids(s, rg.RegisterFilter(statuses=(*rg.ACTIVE_STATUSES, *rg.ENDED_STATUSES)))
        rows = member_list_rows(s, ids)

    def app() -> None:
        with read_session(u.db, u.actor) as s:
            workbook_bytes([Sheet("Danh sách", LIST_COLUMNS, member_list_rows(s, ids))])

    def floor() -> None:
        wb = Workbook(write_only=True)
        ws = wb.create_sheet("Danh sách")
        ws.append(list(LIST_COLUMNS))
        for row in rows:
            ws.append(list(row))
        import io

        wb.save(io.BytesIO())

    return Row(
        f"xuất Excel danh sách ({len(ids):,} dòng)".replace(",", "."),
        median_ms(app, runs),
        "openpyxl ghi thẳng cùng các ô",
        median_ms(floor, runs),
        "≤ 1,3×",
    )


def sync_round_trip(u: Any, path: Path, runs: int) -> list[Row]:
    """Export the commune's package and import it at a fresh receiving database, against inserting
    the same rows with sqlite3.executemany in one transaction."""
    import json

    from exports import keyring
    from exports import sync as sx
    from models.db import unit_of_work
    from models.services import organisation as org
    from models.services import sync as ss

    folder = Path(tempfile.mkdtemp())
    province_path = folder / "tinh.db"
    province, _ = keyring.create_encrypted_database(province_path, "admin", "matkhau-2026", check_drive=False)
    from models.security import Role

    keyring.update_account(
        province, province.actor.user_id, "Tỉnh", frozenset({Role.ADMIN, Role.CLERK, Role.APPROVER})
    )
    province.close()
    province = keyring.unlock(province_path, "admin", "matkhau-2026", check_drive=False)
    with unit_of_work(province.db, province.actor) as s:
        org.setup_unit(
            s,
            org.UnitSetup(
                "Đảng bộ tỉnh Sơn La",
                "Tỉnh ủy Sơn La",
                "TU",
                "Sơn La",
                "Sơn La",
                "Ban Chấp hành Trung ương",
                "TW",
                "BAN CHẤP HÀNH TRUNG ƯƠNG",
            ),
        )
    with unit_of_work(province.db, province.actor) as p, unit_of_work(u.db, u.actor) as c:
        upper = ss.own_bundle(p, "upper")
        if not ss.peers(c, "upper"):
            ss.enrol(c, upper)
        ss.enrol(p, ss.own_bundle(c, "commune"))
    started = time.perf_counter()
    result = sx.export_package(u.db, u.actor, folder, full=True)
    export_ms = (time.perf_counter() - started) * 1000
    started = time.perf_counter()
    sx.import_files(province.db, province.actor, [result.path])
    import_ms = (time.perf_counter() - started) * 1000
    # The floor: the same records inserted raw into an empty copy of the schema.
    with unit_of_work(u.db, u.actor) as s:
        records = ss.collect(s, None)
    by_kind: dict[str, list[dict[str, Any]]] = {}
    for r in records:
        by_kind.setdefault(r["kind"], []).append(r["fields"])
    import sqlite3

    raw = sqlite3.connect(folder / "floor.db")
    for kind, rows in by_kind.items():
        cols = list(rows[0])
        raw.execute(f'CREATE TABLE "{kind}" ({", ".join(cols)})')
    started = time.perf_counter()
    with raw:
        for kind, rows in by_kind.items():
            cols = list(rows[0])
            raw.executemany(
                f'INSERT INTO "{kind}" VALUES ({",".join("?" * len(cols))})',  # noqa: S608
                [[json.dumps(v) if isinstance(v, dict | list) else v for v in row.values()] for row in rows],
            )
    floor_ms = (time.perf_counter() - started) * 1000
    raw.close()
    province.close()
    shutil.rmtree(folder, ignore_errors=True)
    return [
        Row(f"xuất gói USB ({result.records:,} bản ghi)".replace(",", "."), export_ms, "", None, ""),
        Row("nhập gói USB ở cấp trên", import_ms, "executemany cùng các dòng", floor_ms, "≤ 3×"),
    ]


def backup_row(u: Any, runs: int) -> Row:
    from exports.backup import backup_database

    folder = Path(tempfile.mkdtemp())

    def app() -> None:
        backup_database(u.db, folder, reason="bench", keep=2)

    def floor() -> None:
        shutil.copyfile(u.db.path, folder / "copy.db")

    row = Row("sao lưu (kiểm tra xong)", median_ms(app, runs), "chép tệp thô", median_ms(floor, runs), "")
    shutil.rmtree(folder, ignore_errors=True)
    return row


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", choices=["commune", "province"], default="commune")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    members = 2000 if args.scale == "commune" else 100_000
    years = 3 if args.scale == "commune" else 0
    path = BENCH / f"{args.scale}-{members}.db"
    ensure_demo(path, members, years)
    from exports import keyring

    rows: list[Row] = [startup(path, max(3, args.runs // 2))]
    u = keyring.unlock(path, "admin", "demo2026", check_drive=False)
    try:
        rows += search(u, args.runs)
        rows.append(report(u, max(3, args.runs // 2)))
        if years:
            rows.append(minutes_pdf(u, args.runs))
        rows.append(register_xlsx(u, max(3, args.runs // 2)))
        rows.append(backup_row(u, 3))
        rows += sync_round_trip(u, path, 1)
    finally:
        u.close()
    width = max(len(r.operation) for r in rows)
    print(
        f"Máy: {os.cpu_count()} lõi, Python {sys.version.split()[0]}, quy mô {args.scale} ({members:,} đảng viên)".replace(
            ",", "."
        )
    )
    print(f"{'thao tác':<{width}}  {'ứng dụng':>10}  {'mức sàn':>10}  {'tỷ lệ':>7}  mức sàn là / mục tiêu")
    for r in rows:
        floor = f"{r.floor_ms:.1f} ms" if r.floor_ms is not None else "–"
        print(
            f"{r.operation:<{width}}  {r.app_ms:>7.1f} ms  {floor:>10}  {r.ratio:>7}  {r.floor_name} {('— ' + r.target) if r.target else ''}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
