"""Screenshots of the main window and of every Organisation tab at 1366×768, for looking at layout,
clipping and Vietnamese text. Run under a display, e.g.:

    Xvfb :99 -screen 0 1366x768x24 &  DISPLAY=:99 .venv/bin/python scripts/screenshots.py

Creates a demo commune in a temporary folder and writes PNGs to docs/screenshots/."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument("--members", type=int, default=1200)
    parser.add_argument("--lang", default="vi")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="dux-shots-") as folder:
        os.environ["DUX_DATA_DIR"] = str(Path(folder) / "data")
        from PySide6.QtWidgets import QApplication, QWidget

        from models.demo import DemoOptions, generate_demo
        from models.setup import open_app_database
        from ui.app import default_actor, make_application
        from ui.context import AppContext
        from ui.main_window import MainWindow

        app = make_application(args.lang)
        path = Path(folder) / "demo.db"
        generate_demo(path, DemoOptions(members=args.members, seed=1))
        db = open_app_database(path, check_drive=False)
        try:
            window = MainWindow(AppContext(db, default_actor()))
            window.setGeometry(0, 0, 1366, 768)
            window.showMaximized()

            def settle() -> None:
                for _ in range(5):
                    app.processEvents()

            def shoot(widget: QWidget, name: str) -> None:
                settle()
                target = out / f"{name}.png"
                widget.grab().save(str(target))
                print(target)

            window.show_area("overview")
            shoot(window, "main-window-overview")
            window.show_area("organisation")
            tabs = window.organisation.tabs
            names = ("unit", "villages", "cells", "positions", "assignments")
            for index, name in enumerate(names):
                tabs.setCurrentIndex(index)
                shoot(window, f"organisation-{name}")
            from ui.dialogs.organisation import CellDialog, PositionDialog

            tabs.setCurrentIndex(2)
            cell = window.organisation.cells_tab.model.row_at(0)
            dialog = CellDialog(AppContext(db, default_actor()), cell, window)
            dialog.show()
            shoot(dialog, "dialog-cell")
            dialog.close()
            position = PositionDialog(AppContext(db, default_actor()), cell.id, window)
            position.show()
            shoot(position, "dialog-position")
            position.close()
            window.close()
            QApplication.processEvents()
        finally:
            db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
