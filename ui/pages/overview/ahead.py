"""The overview counted ahead: started as soon as the data file is open, before the window (or
even the page's own widgets) exists; the page takes the answers when it first refreshes.

When the data file kept the page as it is now (``models.first_page``), that is the answer, at once.
Else one job on a worker counts the figures, then the charts and the to-do
(``models.overview``) from them, and hands each over as soon as it is counted:
the page shows the figures first and the rest once it comes. The counting is
mostly SQLite's, which runs on the other core beside the window's own work (its
modules imported, its widgets built). This module is light on purpose:
importing it imports no widget.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Signal

from models import figures, first_page, overview, settings
from models.figures import Scope
from ui.jobs import run_in_background

Answer = tuple[bool, Any]  # (counted, what was counted or the error)


class _Figures(QObject):
    """Lives on the window's thread: the figures, counted on the worker, are delivered there."""

    counted = Signal(object)


class Ahead:
    """The first page being counted before the page exists; its answers are kept until the page asks.

    ``figures``: the ``figures.Figures``; ``rest``: the ``overview.Overview`` counted from them.
    """

    def __init__(self, scope: Scope, kept: overview.Overview | None = None):
        self.scope = scope
        self.answers: dict[str, Answer] = {}
        self.callbacks: dict[str, tuple[Callable[[Any], None], Callable[[Any], None]]] = {}
        self.owner: Any = None
        if kept is not None:  # nothing changed since it was counted: no job at all
            self.answers = {"figures": (True, kept.figures), "rest": (True, kept)}
            return
        self._figures = _Figures()
        self._figures.counted.connect(lambda counted: self._answered("figures", (True, counted)))
        run_in_background(self._count, lambda rest: self._answered("rest", (True, rest)), self._failed)

    def _count(self, _job) -> overview.Overview:
        counted = figures.compute(self.scope)
        self._figures.counted.emit(counted)  # shown while the rest is counted here
        return overview.compute(self.scope, counted)

    def _failed(self, error: Exception) -> None:
        self._answered("figures" if "figures" not in self.answers else "rest", (False, error))

    def _answered(self, part: str, answer: Answer) -> None:
        self.answers[part] = answer
        self._deliver(part)

    def then(self, part: str, finished: Callable[[Any], None], failed: Callable[[Exception], None],
             owner: Any = None) -> None:
        """Give ``part``'s answer to these functions, now or when it comes — unless ``owner`` is gone by then.

        A failure of the figures is the failure of the rest too: ``rest`` is then never answered.
        """
        self.callbacks[part] = (finished, failed)
        self.owner = owner
        self._deliver(part)

    def _deliver(self, part: str) -> None:
        answer, callbacks = self.answers.get(part), self.callbacks.get(part)
        if answer is None or callbacks is None:
            return
        if self.owner is not None and not shiboken6.isValid(self.owner):
            return  # the page was deleted meanwhile (a window closed at once)
        counted, value = answer
        callbacks[0 if counted else 1](value)


_ahead: list[Ahead] = []


def opening_scope() -> Scope:
    """What the page counts when it opens: the current campaign, all villages, all dates."""
    current = settings.current_campaign()
    return Scope(campaign=current.id if current else None)


def count_ahead() -> None:
    """Start counting the page it opens on, unless the file kept it as it is now (``models.first_page``)."""
    scope = opening_scope()
    _ahead[:] = [Ahead(scope, first_page.remembered(scope))]


def take(scope: Scope) -> Ahead | None:
    """The page counted ahead, if it is that of ``scope``; taken once."""
    ahead = _ahead.pop() if _ahead else None
    return ahead if ahead is not None and ahead.scope == scope else None
