"""Slow work off the window's thread: answered on the window's thread, never to a deleted widget."""

from __future__ import annotations

import threading

import shiboken6
from PySide6.QtCore import QObject, QThreadPool

from ui import jobs


def test_the_answer_comes_back_on_the_windows_thread(qtbot, empty_db):
    answers = []
    jobs.run_in_background(lambda job: threading.get_ident(),
                           lambda worker: answers.append((worker, threading.get_ident())))
    qtbot.waitUntil(lambda: bool(answers))
    worker, here = answers[0]
    assert worker != here == threading.main_thread().ident
    qtbot.waitUntil(lambda: not jobs._running)


def test_an_error_comes_back_as_the_error(qtbot, empty_db):
    errors = []
    jobs.run_in_background(lambda job: 1 / 0, failed=errors.append)
    qtbot.waitUntil(lambda: bool(errors))
    assert isinstance(errors[0], ZeroDivisionError)


def test_an_answer_for_an_owner_deleted_meanwhile_reaches_nobody(qtbot, empty_db):
    owner = QObject()
    started, go = threading.Event(), threading.Event()
    answers = []

    def work(job):
        started.set()
        go.wait(10)
        return "late"

    job = jobs.run_in_background(work, answers.append, answers.append, owner=owner)
    started.wait(10)
    shiboken6.delete(owner)
    go.set()
    QThreadPool.globalInstance().waitForDone()
    qtbot.waitUntil(lambda: job not in jobs._running)  # let go of, all the same
    assert answers == []
