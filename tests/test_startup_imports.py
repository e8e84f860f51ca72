"""Start-up stays light: opening the main window on a demo commune must not load the PDF writer
(reportlab), the workbook library (openpyxl) or the migration tool (Alembic). They load when a file is
written or a schema has to be migrated. Checked in a fresh process, since the test session itself has
imported them long ago."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from exports.demo_db import create_demo_database
from exports.keyring import DEMO_LOGIN, DEMO_PASSWORD

ROOT = Path(__file__).resolve().parents[1]
HEAVY = ("reportlab", "openpyxl", "alembic")

CHILD = """
import json, sys
sys.path.insert(0, {root!r})
import main  # noqa: F401 - the program's own entry module, as the launcher imports it
from exports import keyring
from ui.app import make_application
from ui.context import AppContext
from ui.main_window import MainWindow

app = make_application("vi")
unlocked = keyring.unlock({db!r}, {login!r}, {password!r}, check_drive=False)
window = MainWindow(AppContext(unlocked.db, unlocked.actor, unlocked))
window.resize(1366, 768)
window.show()
app.processEvents()
loaded = sorted({{name.split(".")[0] for name in sys.modules}})
print(json.dumps({{"title": window.windowTitle(), "pages": len(window.pages), "modules": loaded}}))
window.close()
unlocked.close()
"""


def test_main_window_opens_without_heavy_libraries(tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    create_demo_database(db, members=40, seed=1, check_drive=False, meeting_years=1)
    code = CHILD.format(root=str(ROOT), db=str(db), login=DEMO_LOGIN, password=DEMO_PASSWORD)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "DUX_DATA_DIR": str(tmp_path / "data")}
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["pages"] > 0 and report["title"]
    assert "sqlalchemy" in report["modules"]  # the window really read the database
    assert [name for name in HEAVY if name in report["modules"]] == []
