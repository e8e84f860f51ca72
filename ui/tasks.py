"""Long work off the GUI thread (DESIGN.md §3).

A job is a Qt-free function `job(progress, cancel) -> result`: it calls `progress(done, total)` now and
then and checks `cancel()`, raising when it returns True (inside its own `unit_of_work`, so the
transaction rolls back). `TaskRunner` runs jobs one at a time on a single-thread pool (one writer), and
shows a progress dialog only when the job takes longer than ~500 ms."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QEventLoop, QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from models.errors import DomainError
from ui.i18n import translate

log = logging.getLogger(__name__)

R = TypeVar("R")
Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]
Job = Callable[[Progress, Cancel], R]

DIALOG_DELAY_MS = 500


class Cancelled(Exception):
    """Raised by a job (or reported by the runner) when the user pressed Cancel."""


class _Signals(QObject):
    progress = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)


class _Box:
    __slots__ = ("value",)

    def __init__(self, value: object) -> None:
        self.value = value


class _Runnable(QRunnable):
    def __init__(self, job: Job[Any], signals: _Signals, cancel: threading.Event) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._job = job
        self._signals = signals
        self._cancel = cancel

    def run(self) -> None:
        started = time.perf_counter()
        try:
            result = self._job(
                lambda done, total: self._signals.progress.emit(done, total), self._cancel.is_set
            )
        except BaseException as exc:  # noqa: BLE001 - reported to the GUI thread, which decides
            self._signals.failed.emit(exc)
        else:
            # Boxed: PySide mis-counts references to bare Python singletons (True, None) sent
            # through a queued Signal(object), which crashed the interpreter at exit.
            self._signals.succeeded.emit(_Box(result))
        log.info("job finished in %.0f ms", (time.perf_counter() - started) * 1000)


class Task(QObject, Generic[R]):
    """One running job: `done` fires on the GUI thread with the result, `error` with the exception,
    `cancelled` when the user cancelled it."""

    done = Signal(object)
    error = Signal(object)
    cancelled = Signal()
    finished = Signal()

    def __init__(self, parent_widget: QWidget | None, label: str, pool: QThreadPool) -> None:
        super().__init__(None)
        self.cancel_flag = threading.Event()
        self.result: R | None = None
        self.exception: BaseException | None = None
        self.is_finished = False
        self._signals = _Signals()
        self._dialog: QProgressDialog | None = None
        self._parent_widget = parent_widget
        self._label = label
        self._pool = pool
        self._last_progress = (0, 0)
        self._signals.progress.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)
        self._signals.succeeded.connect(self._on_succeeded, Qt.ConnectionType.QueuedConnection)
        self._signals.failed.connect(self._on_failed, Qt.ConnectionType.QueuedConnection)

    def start(self, job: Job[R]) -> None:
        QTimer.singleShot(DIALOG_DELAY_MS, self._show_dialog)
        self._pool.start(_Runnable(job, self._signals, self.cancel_flag))

    def cancel(self) -> None:
        self.cancel_flag.set()
        if self._dialog is not None:
            self._dialog.setLabelText(translate("tasks", "Đang hủy…"))

    @property
    def dialog(self) -> QProgressDialog | None:
        return self._dialog

    def _show_dialog(self) -> None:
        if self.is_finished or self._dialog is not None:
            return
        dialog = QProgressDialog(self._label, translate("tasks", "Hủy"), 0, 0, self._parent_widget)
        dialog.setWindowTitle(translate("tasks", "Đang xử lý"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(self.cancel)
        done, total = self._last_progress
        if total > 0:
            dialog.setRange(0, total)
            dialog.setValue(done)
        dialog.show()
        self._dialog = dialog

    def _on_progress(self, done: int, total: int) -> None:
        self._last_progress = (done, total)
        if self._dialog is not None and total > 0:
            self._dialog.setRange(0, total)
            self._dialog.setValue(min(done, total))

    def _finish(self) -> None:
        self.is_finished = True
        if self._dialog is not None:
            self._dialog.canceled.disconnect(self.cancel)
            self._dialog.close()
            self._dialog.deleteLater()
            self._dialog = None
        self.finished.emit()

    def _on_succeeded(self, box: object) -> None:
        assert isinstance(box, _Box)
        result = box.value
        self.result = result  # type: ignore[assignment]
        self._finish()
        if self.cancel_flag.is_set():
            self.cancelled.emit()
        else:
            self.done.emit(result)

    def _on_failed(self, exc: object) -> None:
        assert isinstance(exc, BaseException)
        self.exception = exc
        self._finish()
        if self.cancel_flag.is_set() or isinstance(exc, Cancelled):
            self.cancelled.emit()
        else:
            if not isinstance(exc, DomainError):
                log.error("job failed", exc_info=(type(exc), exc, exc.__traceback__))
            self.error.emit(exc)


class TaskRunner(QObject):
    """Runs jobs one at a time (a single writer) on its own thread pool."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._running: set[Task[Any]] = set()

    def run(self, parent_widget: QWidget | None, label: str, job: Job[R]) -> Task[R]:
        task: Task[R] = Task(parent_widget, label, self.pool)
        self._running.add(task)
        task.finished.connect(lambda: self._running.discard(task))
        task.start(job)
        return task

    def run_and_wait(self, parent_widget: QWidget | None, label: str, job: Job[R]) -> R:
        """Run `job` off the GUI thread while the GUI stays alive; return its result or raise its
        exception (`Cancelled` when the user cancelled)."""
        task = self.run(parent_widget, label, job)
        if not task.is_finished:
            loop = QEventLoop()
            task.finished.connect(loop.quit)
            loop.exec()
        if task.cancel_flag.is_set():
            raise Cancelled
        if task.exception is not None:
            raise task.exception
        return task.result  # type: ignore[return-value]

    def wait(self, msecs: int = 30_000) -> bool:
        return self.pool.waitForDone(msecs)
