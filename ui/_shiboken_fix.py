"""Work-around for a reference-counting bug of PySide6 6.12.0: `SignalInstance.emit()` returns `True`
without taking a reference to it, so every emit made from Python code takes one reference away from
`True`. Python 3.11's `True` is an ordinary object: after enough emits its count reaches zero and the
interpreter aborts ("Fatal Python error: bool_dealloc"), usually while the window closes, sometimes in
the middle of a session.

At import the bug is measured on a private signal; only when emit really loses a reference is
`SignalInstance.emit` wrapped so that it gives the reference back. A PySide6 without the bug is left
untouched, and on Python 3.12+ (immortal `True`) the measure finds nothing to mend.
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

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


def install() -> bool:
    """Wrap `SignalInstance.emit` when this PySide6 has the bug; returns whether it did."""
    if SignalInstance.emit is _emit:
        return True
    if not emit_loses_references():
        return False
    SignalInstance.emit = _emit  # type: ignore[method-assign]
    return True


INSTALLED = install()
