"""What every GUI test needs: no dialog ever blocks, no loader thread outlives its test."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QMessageBox

from tests.models.factories import World


class Shown(list):
    """The message boxes a test caused, as (title, text); their kinds in ``kinds``."""

    def __init__(self):
        super().__init__()
        self.kinds: list[str] = []


@pytest.fixture(autouse=True)
def messages(monkeypatch) -> Shown:
    """Message boxes are recorded, never shown; a question is answered No unless a test agrees."""
    shown = Shown()

    def capture(kind):
        def show(_parent, title, text, *_args, **_kwargs):
            shown.append((title, text))
            shown.kinds.append(kind)
            return QMessageBox.StandardButton.No if kind == "question" else QMessageBox.StandardButton.Ok
        return show

    for kind in ("warning", "information", "critical", "question", "about"):
        monkeypatch.setattr(QMessageBox, kind, capture(kind))
    return shown


@pytest.fixture(autouse=True)
def _no_loader_left():
    yield
    QThreadPool.globalInstance().waitForDone()


@pytest.fixture
def world(empty_db) -> World:
    return World()
