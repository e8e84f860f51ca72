"""Benchmark of the Members page on a large register (issue 4): the time to open the page (model ready
and first screen of rows built), the median time per search keystroke (id query, counts, the first
screen of rows), and the same SQL statements run raw with sqlite3 on the same file (the floor).

    .venv/bin/python scripts/bench_members.py [--db /tmp/bench_members/members100k.db] [--members 100000]

The database is generated once with the demo generator when the file does not exist. Optionally writes
screenshots of the list, a profile and the import preview at 1366×768 (--screenshots DIR)."""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TYPED = ("lo van thanh", "cam thi", "duc")
VISIBLE_ROWS = 30


def timed(fn: Callable[[], object]) -> float:
    started = time.perf_counter()
    fn()
    return (time.perf_counter() - started) * 1000


@contextmanager
def captured(engine: Any) -> Iterator[list[tuple[str, Any]]]:
    """The SQL statements (with parameters) the application sends while the block runs."""
    from sqlalchemy import event

    statements: list[tuple[str, Any]] = []

    def listener(_conn: Any, _cursor: Any, statement: str, parameters: Any, _ctx: Any, _many: bool) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            statements.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", listener)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", listener)


def raw_ms(engine: Any, statements: list[tuple[str, Any]]) -> float:
    """Run the captured statements on the same file through the application's own SQLite driver
    (DBAPI cursor, no ORM, the pool's warm connection): the floor."""
    conn = engine.raw_connection()
    try:
        cursor = conn.cursor()
        started = time.perf_counter()
        for statement, parameters in statements:
            cursor.execute(statement, parameters)
            cursor.fetchall()
        elapsed = (time.perf_counter() - started) * 1000
        cursor.close()
        return elapsed
    finally:
        conn.close()


def scale_database(source: Path, target: Path, members: int) -> None:
    """Fill `target` to about `members` members by cloning the demo's members and their events under new
    ids (used when generating the whole register with the demo generator takes too long)."""
    import shutil

    shutil.copyfile(source, target)
    conn = sqlite3.connect(target)
    try:
        have = conn.execute("SELECT count(*) FROM members").fetchone()[0]
        copies = max(1, -(-members // have))
        for table, ids in (("members", ("id",)), ("member_events", ("id", "member_id"))):
            columns = [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]
            last = conn.execute(f"SELECT max(rowid) FROM {table}").fetchone()[0]  # noqa: S608
            names = ", ".join(columns)
            for k in range(1, copies):
                values = ", ".join(
                    f"'z' || printf('%02d', {k}) || substr({c}, 4)" if c in ids else c for c in columns
                )
                conn.execute(
                    f"INSERT INTO {table} ({names}) SELECT {values} FROM {table} WHERE rowid <= ?",  # noqa: S608
                    (last,),
                )
        conn.commit()
        conn.execute("ANALYZE")
    finally:
        conn.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", default=str(Path(tempfile.gettempdir()) / "bench_members" / "members100k.db"))
    parser.add_argument("--members", type=int, default=100_000)
    parser.add_argument("--screenshots", default="")
    parser.add_argument("--scale-from", default="", help="clone this demo database up to --members")
    args = parser.parse_args()
    path = Path(args.db)
    data = Path(tempfile.mkdtemp(prefix="bench-members-"))
    os.environ["DUX_DATA_DIR"] = str(data)

    from models.demo import DemoOptions, generate_demo

    if not path.exists() and args.scale_from:
        scale_database(Path(args.scale_from), path, args.members)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        print(f"generating {args.members} members into {path} …", flush=True)
        started = time.perf_counter()
        generate_demo(path, DemoOptions(members=args.members, check_drive=False))
        print(f"generated in {time.perf_counter() - started:.0f} s", flush=True)

    from PySide6.QtCore import QModelIndex
    from PySide6.QtWidgets import QApplication

    from models.db import read_session
    from models.security import Actor, Role
    from models.services import register as rg
    from models.setup import open_app_database
    from ui.context import AppContext
    from ui.pages.members import MembersPage
    from ui.settings import Settings

    app = QApplication.instance() or QApplication(sys.argv)
    db = open_app_database(path, check_drive=False)
    ctx = AppContext(db, Actor(user_id="bench", login="bench", roles=frozenset({Role.ADMIN, Role.CLERK})))
    try:
        page_holder: list[MembersPage] = []

        def show_rows(page: MembersPage) -> None:
            model = page.model
            for row in range(min(VISIBLE_ROWS, model.rowCount(QModelIndex()))):
                for column in range(model.columnCount(QModelIndex())):
                    model.data(model.index(row, column))

        def open_page() -> None:
            page = MembersPage(ctx, Settings(data / "settings.ini"))
            page.resize(1366, 700)
            page.show()
            show_rows(page)
            app.processEvents()
            page_holder.append(page)

        with captured(db.engine) as open_sql:
            open_ms = timed(open_page)
        with captured(db.engine) as warm_sql:
            warm_ms = timed(open_page)  # Qt's fonts and styles are ready now, as in the running app
        warm_floor = raw_ms(db.engine, warm_sql)
        first = page_holder.pop(0)
        first.close()
        first.deleteLater()
        page = page_holder[0]
        rows = page.model.rowCount(QModelIndex())
        open_floor = raw_ms(db.engine, open_sql)

        def keystroke(text: str) -> Callable[[], None]:
            """Type, skip the 150 ms debounce, wait for the reader thread's answer, draw a screen."""

            def run() -> None:
                page.search.setText(text)
                page._timer.stop()
                page.search_in_background()
                while page.shown_generation != page._generation:
                    page.search_pool.waitForDone(5)
                    app.processEvents()
                show_rows(page)

            return run

        def gui_part(text: str) -> float:
            """What the GUI thread itself spends on one keystroke: the answer shown, a screen drawn."""
            from ui.pages.members import _SearchResult

            with read_session(db, ctx.actor) as session:
                flt = replace(page.current_filter(), text=text)
                ids = rg.member_ids(session, flt, *page.model.sort_order())
                result = _SearchResult(flt, page.model.sort_order(), ids, rg.counts(session, flt))
            page._generation += 1

            def show() -> None:
                page._search_done(page._generation, result)
                show_rows(page)

            return timed(show)

        key_ms: list[float] = []
        key_floor: list[float] = []
        gui_ms: list[float] = []
        for word in TYPED:
            for n in range(1, len(word) + 1):
                with captured(db.engine) as sql:
                    key_ms.append(timed(keystroke(word[:n])))
                key_floor.append(raw_ms(db.engine, sql))
                gui_ms.append(gui_part(word[:n]))
            page.search.clear()
            page.apply_filter()

        def sort_by_birth() -> None:
            page.model.sort(2)
            show_rows(page)

        with captured(db.engine) as sort_sql:
            sort_ms = timed(sort_by_birth)
        sort_floor = raw_ms(db.engine, sort_sql)

        def scroll_to_end() -> None:
            page.view.scrollToBottom()
            app.processEvents()

        scroll_ms = timed(scroll_to_end)

        median_key, median_floor = statistics.median(key_ms), statistics.median(key_floor)
        count = f"{rows:,}".replace(",", ".")
        print(f"\nMembers page benchmark: {path.name}, {count} members in the default view")
        print(f"{'measure':<40}{'UI (ms)':>10}{'raw SQL (ms)':>14}{'ratio':>8}")
        for label, ui, floor in (
            ("open page, first widget of the process", open_ms, open_floor),
            ("open page (model ready, 1st screen)", warm_ms, warm_floor),
            (f"search keystroke, median of {len(key_ms)}", median_key, median_floor),
            ("  of which on the GUI thread (median)", statistics.median(gui_ms), median_floor),
            ("search keystroke, worst", max(key_ms), max(key_floor)),
            ("sort by date of birth", sort_ms, sort_floor),
        ):
            print(f"{label:<40}{ui:>10.1f}{floor:>14.1f}{ui / floor if floor else 0:>8.1f}")
        print(f"{'scroll to the last row':<40}{scroll_ms:>10.1f}")
        if args.screenshots:
            screenshots(app, ctx, page, Path(args.screenshots), data)
        page.close()
        page.runner.wait()
        page.deleteLater()
        app.processEvents()
    finally:
        db.close()
    return 0


def screenshots(app: Any, ctx: Any, page: Any, out: Path, data: Path) -> None:
    """The list, a profile and the import preview at 1366×768."""
    import openpyxl
    from PySide6.QtCore import QModelIndex, Qt

    from ui.dialogs.import_members import ImportMembersDialog
    from ui.dialogs.member_profile import MemberProfileDialog
    from ui.settings import Settings

    out.mkdir(parents=True, exist_ok=True)

    def settle() -> None:
        for _ in range(5):
            app.processEvents()

    page.search.clear()
    page.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    page.view.scrollToTop()
    page.resize(1366 - 180, 768 - 60)  # the page area inside the main window
    settle()
    page.grab().save(str(out / "members-list.png"))
    page.tabs.setCurrentWidget(page.attention)
    settle()
    page.grab().save(str(out / "members-attention.png"))
    page.tabs.setCurrentIndex(0)
    member_id = page.model.id_at(min(5, page.model.rowCount(QModelIndex()) - 1))
    dialog = MemberProfileDialog(ctx, member_id)
    dialog.resize(1000, 700)
    dialog.show()
    settle()
    dialog.grab().save(str(out / "member-profile.png"))
    dialog.form.setCurrentIndex(dialog.form.count() - 1)
    settle()
    dialog.grab().save(str(out / "member-history.png"))
    dialog.close()
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["STT", "Họ và tên", "Giới tính", "Ngày sinh", "Dân tộc", "Chi bộ", "Ngày vào Đảng", "Số CCCD"])
    cells = [page.cell.itemText(i) for i in range(1, min(page.cell.count(), 4))]
    sample = [
        ("Lò Văn Hải", "Nam", "12/3/1980", "Thái", "2/9/2005", ""),
        ("Cà Thị Mai", "Nữ", "2/9/1990", "H'Mông", "3/2/2015", "014190000456"),
        ("Quàng Văn Sơn", "Nam", "31/2/1985", "Thái", "7/11/2010", ""),
        ("Lường Thị Hoa", "Nữ", "1/1/1992", "Khơ Mú", "19/5/2018", "014192001234"),
        ("Tòng Văn Pọm", "Nam", "5/6/2012", "Thái", "19/5/2024", ""),
    ]
    for n, (name, sex, born, ethnic, admitted, cccd) in enumerate(sample, start=1):
        ws.append([n, name, sex, born, ethnic, cells[n % len(cells)] if cells else "", admitted, cccd])
    source = data / "danh-sach.xlsx"
    wb.save(source)
    wizard = ImportMembersDialog(ctx, Settings(data / "settings.ini"))
    wizard.resize(1100, 620)
    wizard.show()
    wizard.load_file(source)
    settle()
    wizard.grab().save(str(out / "member-import-mapping.png"))
    wizard.show_preview()
    settle()
    wizard.grab().save(str(out / "member-import-preview.png"))
    wizard.close()
    wizard.runner.wait()
    for widget in (wizard, dialog):
        widget.deleteLater()
    settle()
    print(f"screenshots written to {out}")


if __name__ == "__main__":
    sys.exit(main())
