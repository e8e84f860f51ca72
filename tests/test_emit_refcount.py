"""PySide6 6.12.0 loses a reference to True on every Python-side emit; ui/ mends it at import.

Without the mend, the interpreter aborts with "Fatal Python error: bool_dealloc" once the count of
True runs out: at exit after a long session, or in the middle of one."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHILD = textwrap.dedent(
    """
    import sys
    import ui  # the mend is installed by importing the package
    from PySide6.QtCore import QCoreApplication, QObject, Signal

    app = QCoreApplication([])

    class Source(QObject):
        changed = Signal()
        counted = Signal(int, str)

    source = Source()
    seen = []
    source.changed.connect(lambda: seen.append(1))
    source.counted.connect(lambda n, s: seen.append(n))
    before = sys.getrefcount(True)
    for _ in range(100_000):
        source.changed.emit()
        source.counted.emit(1, "x")
    after = sys.getrefcount(True)
    print(len(seen), after - before)
    """
)


def test_many_emits_keep_true_alive_and_the_process_exits_cleanly() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    done = subprocess.run(
        [sys.executable, "-c", CHILD],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "Fatal Python error" not in done.stderr
    slots, drift = (int(x) for x in done.stdout.split())
    assert slots == 200_000
    # The references of True are where they were (a few either way from the measuring itself).
    assert abs(drift) < 10


PROBE = textwrap.dedent(
    """
    from PySide6.QtCore import QCoreApplication
    from ui import _shiboken_fix as fix
    from PySide6.QtCore import SignalInstance

    app = QCoreApplication([])
    SignalInstance.emit = fix._original_emit  # measure the library as it is
    print(fix.emit_loses_references(), fix.affected())
    """
)


def test_the_mend_is_installed_exactly_where_emit_leaks() -> None:
    """The version list is checked against the installed PySide6: a new version that still leaks (or
    one listed that no longer does) fails here."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    done = subprocess.run(
        [sys.executable, "-c", PROBE],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    leaks, listed = done.stdout.split()
    assert leaks == listed
