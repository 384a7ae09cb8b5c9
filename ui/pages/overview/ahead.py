"""The overview's figures counted ahead: started as soon as the data file is open, before the
window (or even the page's own widgets) exists; the page takes the answer when it first refreshes.

The counting is mostly SQLite's, which runs on the other core beside the
window's own work (its modules imported, its widgets built). This module is
light on purpose: importing it imports no widget.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6

from models import figures, settings
from models.figures import Scope
from ui.jobs import run_in_background


class Ahead:
    """Figures being counted before the page exists; their answer is kept until the page asks."""

    def __init__(self, scope: Scope):
        self.scope = scope
        self.answer: tuple[bool, Any] | None = None  # (counted, the figures or the error)
        self.callbacks: tuple[Callable[[Any], None], Callable[[Any], None]] | None = None
        run_in_background(lambda _job: figures.compute(scope), lambda counted: self._answered(True, counted),
                          lambda error: self._answered(False, error))

    def _answered(self, counted: bool, value: Any) -> None:
        self.answer = (counted, value)
        self._deliver()

    def then(self, finished: Callable[[figures.Figures], None], failed: Callable[[Exception], None],
             owner: Any = None) -> None:
        """Give the answer to these functions, now or when it comes — unless ``owner`` is gone by then."""
        self.callbacks = (finished, failed)
        self.owner = owner
        self._deliver()

    def _deliver(self) -> None:
        if self.answer is not None and self.callbacks is not None:
            owner = getattr(self, "owner", None)
            if owner is not None and not shiboken6.isValid(owner):
                return  # the page was deleted meanwhile (a window closed at once)
            counted, value = self.answer
            self.callbacks[0 if counted else 1](value)


_ahead: list[Ahead] = []


def opening_scope() -> Scope:
    """What the page counts when it opens: the current campaign, all villages, all dates."""
    current = settings.current_campaign()
    return Scope(campaign=current.id if current else None)


def count_ahead() -> None:
    """Start counting the figures the page opens on."""
    _ahead[:] = [Ahead(opening_scope())]


def take(scope: Scope) -> Ahead | None:
    """The figures counted ahead, if they are those of ``scope``; taken once."""
    ahead = _ahead.pop() if _ahead else None
    return ahead if ahead is not None and ahead.scope == scope else None
