"""The desktop interface: the only package that imports PySide6."""

# Before any signal is emitted: mend PySide6 6.12.0's lost reference in SignalInstance.emit().
from ui import _shiboken_fix as _shiboken_fix
