"""Work-around for a reference-counting bug of PySide6 6.12.0: `SignalInstance.emit()` returns `True`
without taking a reference to it, so every emit made from Python code takes one reference away from
`True`. Python 3.11's `True` is an ordinary object: after enough emits its count reaches zero and the
interpreter aborts ("Fatal Python error: bool_dealloc"), usually while the window closes, sometimes in
the middle of a session.

`SignalInstance.emit` is wrapped so that it gives the reference back, for the PySide6 versions known
to have the bug (measured by `emit_loses_references`, which tests/test_emit_refcount.py runs against
the installed version: a new PySide6 that still leaks fails there until it is listed). The measure is
not taken at import: an emit before the QApplication exists fixes Qt's system locale before the
window's start can set LC_TIME (ui/files.py). On Python 3.12+ `True` is immortal and nothing leaks.
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

import PySide6
from PySide6.QtCore import QObject, Signal, SignalInstance

_incref = ctypes.pythonapi.Py_IncRef
_incref.argtypes = [ctypes.py_object]
_incref.restype = None


class _Probe(QObject):
    ping = Signal()


def emit_loses_references(emits: int = 8) -> bool:
    """True when emitting a signal from Python takes references away from `True`."""
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(emits):
        probe.ping.emit()
    lost = before - sys.getrefcount(True)
    # Give back what the measure itself took.
    for _ in range(max(lost, 0)):
        _incref(True)
    probe.deleteLater()
    return lost >= emits


_original_emit: Any = SignalInstance.emit


def _emit(self: SignalInstance, *args: Any) -> Any:
    result = _original_emit(self, *args)
    if result is True:
        _incref(True)
    return result


AFFECTED = frozenset({"6.12.0"})


def affected() -> bool:
    """This PySide6 is one known to lose a reference on emit (and `True` is not immortal)."""
    return PySide6.__version__ in AFFECTED and sys.version_info < (3, 12)


def install() -> bool:
    """Wrap `SignalInstance.emit` when this PySide6 has the bug; returns whether it did."""
    if SignalInstance.emit is _emit:
        return True
    if not affected():
        return False
    SignalInstance.emit = _emit  # type: ignore[method-assign]
    return True


INSTALLED = install()
