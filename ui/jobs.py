"""Slow work off the window's thread: one way, used by every list, figure, export and backup.

``run_in_background(work, finished, failed)`` runs ``work(job)`` on Qt's
thread pool with a database connection of its own (SQLite connections belong
to their thread) and calls ``finished(result)`` or ``failed(error)`` back on
the window's thread. ``work`` may report ``job.progress(done, total)`` and
look at ``job.cancelled()``; ``job.cancel()`` asks it to stop.

A job is kept alive here until its answer has been delivered, so nobody has to
hold on to it; a caller that starts a newer job before an older one answered
simply ignores the older answer (a generation number, see the list model).
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QWidget

from models import records as r

_running: set[BackgroundJob] = set()


class _Signals(QObject):
    """Lives on the window's thread: what the worker emits is delivered there."""

    finished = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int)


class BackgroundJob(QRunnable):
    def __init__(self, work: Callable[[BackgroundJob], Any]):
        super().__init__()
        self.setAutoDelete(False)  # kept in _running until the answer is delivered
        self.work = work
        self.signals = _Signals()
        self._stop = threading.Event()

    def run(self) -> None:
        try:
            with r.database.connection_context():
                result = self.work(self)
        except Exception as error:  # given to the caller, who says it; never a crash of the thread
            self._answer(self.signals.failed, error)
        else:
            self._answer(self.signals.finished, result)

    @staticmethod
    def _answer(signal, value: Any) -> None:
        with contextlib.suppress(RuntimeError):  # the window is gone (the program ends): nobody to answer
            signal.emit(value)

    def progress(self, done: int, total: int) -> None:
        self.signals.progressed.emit(done, total)

    def cancel(self) -> None:
        self._stop.set()

    def cancelled(self) -> bool:
        return self._stop.is_set()


class _Delivery(QObject):
    """Calls the caller's functions on the window's thread.

    It is a child of the caller's ``owner`` (a page, a dialog, a table model)
    when one is given: once the owner is gone, so is the delivery, and an answer
    that comes later reaches nobody instead of a deleted widget.
    """

    def __init__(self, job: BackgroundJob, finished: Callable[[Any], None] | None,
                 failed: Callable[[Exception], None] | None, progressed: Callable[[int, int], None] | None,
                 owner: QObject | None):
        super().__init__(owner if owner is not None else job.signals)
        self._finished, self._failed, self._progressed = finished, failed, progressed
        job.signals.finished.connect(self._on_finished)
        job.signals.failed.connect(self._on_failed)
        job.signals.progressed.connect(self._on_progressed)

    @Slot(int, int)
    def _on_progressed(self, done: int, total: int) -> None:
        if self._progressed is not None:
            self._progressed(done, total)

    @Slot(object)
    def _on_finished(self, result: Any) -> None:
        if self._finished is not None:
            self._finished(result)

    @Slot(object)
    def _on_failed(self, error: Exception) -> None:
        if self._failed is not None:
            self._failed(error)


class _Release(QObject):
    """Lets a job go once it has answered, whether or not anybody received the answer."""

    def __init__(self, job: BackgroundJob):
        super().__init__(job.signals)
        self.job = job
        job.signals.finished.connect(self._on_answered)
        job.signals.failed.connect(self._on_answered)

    @Slot(object)
    def _on_answered(self, _value: Any) -> None:
        _running.discard(self.job)


def run_in_background(work: Callable[[BackgroundJob], Any], finished: Callable[[Any], None] | None = None,
                      failed: Callable[[Exception], None] | None = None,
                      progressed: Callable[[int, int], None] | None = None, *,
                      owner: QObject | None = None) -> BackgroundJob:
    """Start ``work(job)`` on a worker thread; its result or error comes back to these functions.

    ``owner``: the widget or model the answer is for; once it is deleted, the answer is dropped.
    """
    job = BackgroundJob(work)
    job.delivery = _Delivery(job, finished, failed, progressed, owner)
    job.release = _Release(job)
    _running.add(job)
    QThreadPool.globalInstance().start(job)
    return job


def finish_all() -> None:
    """Ask every job still running to stop, and wait until they have (the program is ending)."""
    for job in list(_running):
        job.cancel()
    QThreadPool.globalInstance().waitForDone()


def run_here(work: Callable[[BackgroundJob], Any], finished: Callable[[Any], None],
             failed: Callable[[Exception], None], *, owner: QObject | None = None) -> None:
    """The same work on this thread, answered the same way (tests, a first show that must wait)."""
    job = BackgroundJob(work)
    try:
        result = work(job)
    except Exception as error:
        failed(error)
    else:
        finished(result)


def wait_for(parent: QWidget | None, text: str, work: Callable[[BackgroundJob], Any]) -> Any:
    """``work(job)`` on a worker while a modal progress window keeps the program drawn (the data file
    is held meanwhile, so nothing else may be done); its result, or its error raised here."""
    from PySide6.QtCore import QEventLoop, Qt
    from PySide6.QtWidgets import QProgressDialog

    answer: dict[str, Any] = {}
    loop = QEventLoop()
    progress = QProgressDialog(text, "", 0, 0, parent)
    progress.setCancelButton(None)  # the work is one transaction: it finishes or changes nothing
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(400)

    def finished(result: Any) -> None:
        answer["result"] = result
        loop.quit()

    def failed(error: Exception) -> None:
        answer["error"] = error
        loop.quit()

    run_in_background(work, finished, failed)
    loop.exec()
    progress.close()
    progress.deleteLater()
    if "error" in answer:
        raise answer["error"]
    return answer["result"]
