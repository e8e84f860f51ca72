"""Layouts that fit (issue 13, issue 22): the program on a real X display with a window manager, at
1366×768, at 1920×1080 with 125 % scaling and at 1366×768 with 125 % scaling (about 1093×614 left,
the hardest case), with the bundled Tinos and with a Debian desktop's DejaVu Sans. Every page and tab
of the maximised main window and the dialogs a clerk opens (tests/layout_child.py) are checked by
tests/layout_check.py: no label, button, check box, combo box, group title, tab, column title or
visible cell shows less than its text (a cell may elide with "…" when its tooltip has the whole
text), and no window is larger than the screen."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.xdisplay import ROOT, x_display

SCREENS = [
    pytest.param(1366, 768, "1", "-", id="1366x768-tinos"),
    pytest.param(1920, 1080, "1.25", "-", id="1920x1080-125pct-tinos"),
    pytest.param(1366, 768, "1.25", "DejaVu Sans", id="1366x768-125pct-dejavu"),
]


@pytest.mark.parametrize(("width", "height", "scale", "family"), SCREENS)
def test_every_text_fits(
    xvfb_demo_db: Path, tmp_path: Path, width: int, height: int, scale: str, family: str
) -> None:
    with x_display(width, height) as env:
        env = {**env, "QT_SCALE_FACTOR": scale, "DUX_DATA_DIR": str(tmp_path / "data")}
        result = subprocess.run(
            [sys.executable, str(ROOT / "tests" / "layout_child.py"), str(xvfb_demo_db), family],
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=env,
            timeout=300,
            check=False,
            cwd=ROOT,
        )
    lines = result.stdout.splitlines()
    assert result.returncode == 0 and "DONE" in lines, result.stderr[-3000:]
    problems = [line for line in lines if line.startswith(("CLIPPED", "WINDOW", "ERROR"))]
    assert problems == []
    screens = {line[7:] for line in lines if line.startswith("SCREEN ")}
    walked = {"login-wrong-password", "page-overview", "page-members-tab1", "page-meetings", "page-reports"}
    walked |= {"meeting-entry-after", "sync-export-after", "backup", "member-profile", "minutes-preview"}
    assert walked <= screens, sorted(walked - screens)
