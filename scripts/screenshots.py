"""Screenshots of the real application at 1366×768, for the clerk's manual and for looking at layout,
clipping and text: every area of the main window, the login, the member profile, the meeting entry
form, the minutes preview and the backup dialog.

    make screenshots                      # Vietnamese → docs/manual/images, English → docs/screenshots/en
    .venv/bin/python scripts/screenshots.py --lang en --out /tmp/shots

It creates an encrypted demo commune in a temporary folder (the same generator as `main.py demo`),
logs in as the demo administrator and drives the real widgets. Runs under Xvfb (`make screenshots`
uses xvfb-run when it is installed) or with QT_QPA_PLATFORM=offscreen."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from models.db import Database
    from ui.context import AppContext

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SIZE = (1366, 768)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", default="")
    parser.add_argument("--members", type=int, default=600)
    parser.add_argument("--lang", default="vi", choices=["vi", "en"])
    parser.add_argument(
        "--dark",
        action="store_true",
        help="start from a dark system palette (as Windows 11 in dark mode gives): the program must stay light and readable",
    )
    args = parser.parse_args()
    default = ROOT / "docs" / ("manual/images" if args.lang == "vi" else "screenshots/en")
    out = Path(args.out) if args.out else default
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="dux-shots-", ignore_cleanup_errors=True) as folder:
        os.environ["DUX_DATA_DIR"] = str(Path(folder) / "data")
        if args.dark:
            dark_system_palette()
        return shoot_all(Path(folder), out, args.lang, args.members)


def dark_system_palette() -> None:
    """The application object as a dark desktop theme hands it over (ui.app.make_application then
    applies the program's own light palette)."""
    from PySide6.QtGui import QColor, QPalette
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    dark = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, QColor(32, 32, 32)),
        (QPalette.ColorRole.WindowText, QColor(255, 255, 255)),
        (QPalette.ColorRole.Base, QColor(25, 25, 25)),
        (QPalette.ColorRole.Text, QColor(255, 255, 255)),
        (QPalette.ColorRole.Button, QColor(45, 45, 45)),
        (QPalette.ColorRole.ButtonText, QColor(255, 255, 255)),
    ):
        dark.setColor(role, colour)
    app.setPalette(dark)
    _system.append(app)


_system: list[object] = []


def shoot_all(folder: Path, out: Path, lang: str, members: int) -> int:
    from PySide6.QtCore import QModelIndex
    from PySide6.QtWidgets import QApplication

    from exports import keyring
    from exports.demo_db import create_demo_database
    from models.db import read_session
    from models.services import meetings as mt
    from ui.app import make_application
    from ui.context import AppContext
    from ui.main_window import MainWindow
    from ui.settings import Settings

    app = make_application(lang)
    path = folder / "demo.db"
    print(f"creating a demo commune of {members} members …", flush=True)
    create_demo_database(path, members=members, seed=1, check_drive=False, meeting_years=2)
    unlocked = keyring.unlock(path, keyring.DEMO_LOGIN, keyring.DEMO_PASSWORD, check_drive=False)
    failures: list[str] = []
    written: list[Path] = []

    def settle() -> None:
        for _ in range(8):
            app.processEvents()

    def save(widget: QWidget, name: str) -> None:
        settle()
        target = out / f"{name}.png"
        if not widget.grab().save(str(target)):
            failures.append(f"{name}: could not write {target}")
            return
        written.append(target)
        print(target, flush=True)

    def attempt(name: str, action: Callable[[], None]) -> None:
        try:
            action()
        except Exception as exc:  # noqa: BLE001 - a failed shot is reported, the others go on
            failures.append(f"{name}: {type(exc).__name__}: {exc}")

    ctx = AppContext(unlocked.db, unlocked.actor, unlocked)
    settings = Settings(folder / "settings.ini")
    try:

        def login() -> None:
            from ui.login import LoginDialog

            dialog = LoginDialog(None, path, lambda u, p: None, hint="admin / demo2026")
            dialog.show()
            save(dialog, "login")
            dialog.close()

        attempt("login", login)
        window = MainWindow(ctx, settings)
        fit(window, *SIZE)
        window.show()

        def area(key: str) -> Callable[[], None]:
            def shot() -> None:
                window.show_area(key)
                save(window, f"area-{key}")

            return shot

        for key in window.pages:
            attempt(key, area(key))

        def organisation_tabs() -> None:
            window.show_area("organisation")
            tabs = window.organisation.tabs
            for index in range(tabs.count()):
                tabs.setCurrentIndex(index)
                save(window, f"organisation-tab-{index + 1}")
            tabs.setCurrentIndex(0)

        attempt("organisation", organisation_tabs)

        def members_page() -> None:
            from ui.dialogs.member_profile import MemberProfileDialog

            window.show_area("members")
            page = window.pages["members"]
            model = page.model  # type: ignore[attr-defined]
            member_id = model.id_at(min(5, model.rowCount(QModelIndex()) - 1))
            dialog = MemberProfileDialog(ctx, member_id, window)
            fit(dialog, 1000, 700)
            dialog.show()
            save(dialog, "member-profile")
            dialog.form.setCurrentIndex(dialog.form.count() - 1)
            save(dialog, "member-history")
            dialog.close()
            page.tabs.setCurrentWidget(page.attention)  # type: ignore[attr-defined]
            save(window, "members-attention")
            page.tabs.setCurrentIndex(0)  # type: ignore[attr-defined]

        attempt("members", members_page)

        def meeting() -> None:
            from forms.minutes import minutes_document
            from ui.dialogs.meeting_entry import MeetingDialog
            from ui.pdf_preview import PdfPreview

            with read_session(ctx.db, ctx.actor) as session:
                held = [m for m in mt.list_meetings(session) if m.status == "held"]
                chosen = max(held, key=lambda m: (m.date or date.min, m.present))
            dialog = MeetingDialog(ctx, chosen.cell_id, chosen.month, chosen.id, window)
            fit(dialog, 1100, 700)
            dialog.show()
            for index in range(dialog.tabs.count()):
                dialog.tabs.setCurrentIndex(index)
                save(dialog, f"meeting-entry-{index + 1}")
            dialog.close()
            with read_session(ctx.db, ctx.actor) as session:
                document = minutes_document(session, chosen.id)
            preview = PdfPreview(document, "bien-ban.pdf", window, ctx=ctx)
            fit(preview, 1000, 720)
            preview.show()
            save(preview, "minutes-preview")
            preview.close()

        attempt("meeting", meeting)

        def reports() -> None:
            window.show_area("reports")
            page = window.reports
            page.show_button.click()
            settle()
            save(window, "reports-figures")
            page.tabs.setCurrentIndex(1)
            save(window, "reports-narrative")
            page.tabs.setCurrentIndex(0)

        attempt("reports", reports)

        def sync_tabs() -> None:
            province = make_province(folder, ctx)
            window.refresh_all()
            window.show_area("sync")
            tabs = window.sync.tabs
            for index, name in enumerate(("sync-commune", "sync-receiving", "sync-enrolment")):
                if tabs.isTabVisible(index):
                    tabs.setCurrentIndex(index)
                    save(window, name)
            tabs.setCurrentIndex(0)
            upper = MainWindow(AppContext(province, ctx.actor), Settings(folder / "province.ini"))
            fit(upper, *SIZE)
            upper.show()
            upper.show_area("sync")
            upper.sync.tabs.setCurrentIndex(1)
            save(upper, "sync-province-board")
            upper.close()
            province.close()

        attempt("sync", sync_tabs)

        def backups() -> None:
            from ui.backup_dialog import BackupDialog

            dialog = BackupDialog(ctx.db, window)
            fit(dialog, 900, 560)
            dialog.show()
            dialog.backup_button.click()  # a backup, then a change: the restore preview shows its loss
            from models.db import unit_of_work
            from models.services import organisation as org

            with unit_of_work(ctx.db, ctx.actor) as session:
                org.add_village(session, org.VillageInput(name="Bản Huổi Mới"))
            dialog.refresh()
            dialog.backups.selectRow(0)
            save(dialog, "backup")
            dialog.close()

        attempt("backup", backups)
        window.close()
        QApplication.processEvents()
    finally:
        unlocked.close()
    print(f"{len(written)} screenshots in {out}")
    for failure in failures:
        print(f"FAILED {failure}", file=sys.stderr)
    return 1 if failures else 0


def fit(widget: QWidget, width: int, height: int) -> None:
    """The size a screenshot asks for, within the screen's free area (QT_SCALE_FACTOR=1.25 on
    1366×768 leaves about 1093×614): a window never larger than the clerk's screen."""
    area = widget.screen().availableGeometry()
    widget.resize(
        min(width, area.width()), min(height, area.height() - (0 if widget.parent() is None else 30))
    )


def make_province(folder: Path, ctx: AppContext) -> Database:
    """A receiving (provincial) installation enrolled with the demo commune, which has sent it one
    package: the commune's sync tab and the province's completeness board then show real data."""
    from exports import sync as sx
    from exports.demo_province import PROVINCE_UNIT
    from models.db import unit_of_work
    from models.security import SYSTEM_ACTOR
    from models.services import organisation as org
    from models.services import sync as ss
    from models.setup import open_app_database

    province = open_app_database(folder / "tinh.db", create=True, check_drive=False)
    with unit_of_work(province, SYSTEM_ACTOR) as s:
        org.setup_unit(s, PROVINCE_UNIT)
    with unit_of_work(province, SYSTEM_ACTOR) as p, unit_of_work(ctx.db, SYSTEM_ACTOR) as c:
        ss.enrol(c, ss.own_bundle(p, "upper"))
        ss.enrol(p, ss.own_bundle(c, "commune"))
    stick = folder / "usb"
    stick.mkdir(exist_ok=True)
    package = sx.export_package(ctx.db, ctx.actor, stick)
    sx.import_files(province, ctx.actor, [package.path])
    return province


if __name__ == "__main__":
    sys.exit(main())
