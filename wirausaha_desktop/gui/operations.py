"""One path for every change (Anki's ``CollectionOp`` → ``operation_did_execute``).

A page never calls a writing service itself: it hands the call to the window's ``OperationBus``.
``run`` calls it; a refusal (or a disk or file error that ``services.errors`` knows) becomes its
plain message, shown where the page says (a label, the dialog she is in, or a warning box); a bug
goes to ``sys.excepthook`` (the crash dialog) and is never swallowed. On success the returned
``Changes`` are broadcast exactly once on ``changed``; each page subscribed in its constructor
and redraws only what the change touched. ``query`` is the same for a read that may be refused
(Anki's ``QueryOp``): its message, no broadcast.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel, QWidget

from ..domain.problems import Problem
from ..i18n import _
from ..messages import describe
from ..services.changes import Changes
from ..services.errors import problem_for
from .dialogs import Ask

T = TypeVar("T")
ShowProblem = Callable[[Problem], None]


def shown_in(message: QLabel) -> ShowProblem:
    """Show a refusal as the text of ``message`` (a page's message line)."""
    return lambda problem: message.setText(describe(problem))


class OperationBus(QObject):
    """Owned by the window; ``changed(Changes)`` goes out once per write that succeeded."""

    changed = Signal(object)  # Changes
    refused = Signal(object)  # Problem: a call was refused (after it was shown)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._parent = parent

    def run(
        self,
        call: Callable[[], Changes],
        on_refused: ShowProblem | None = None,
        on_success: Callable[[Changes], None] | None = None,
    ) -> Changes | None:
        """Call a writing service: its ``Changes`` (after ``on_success`` and the broadcast), or None.

        None means nothing was written: a refusal was shown (by ``on_refused``, else in a warning
        box) or a bug was handed to ``sys.excepthook``. Nothing is broadcast then.
        """
        changes = self._attempt(call, on_refused)
        if changes is None:
            return None
        try:
            if on_success is not None:
                on_success(changes)
        finally:  # the file did change: every page must hear of it, even if on_success failed
            self.changed.emit(changes)
        return changes

    def query(self, call: Callable[[], T], on_refused: ShowProblem | None = None) -> T | None:
        """Call a service that reads (and may be refused, e.g. when a look cannot be logged); no broadcast."""
        return self._attempt(call, on_refused)

    def _attempt(self, call: Callable[[], T], on_refused: ShowProblem | None) -> T | None:
        try:
            return call()
        except Exception as error:
            problem = problem_for(error)
            if problem is None:  # a bug: logged and shown as one (gui.launch.crash_dialog)
                sys.excepthook(type(error), error, error.__traceback__)
                return None
            (on_refused or self._warn)(problem)
            self.refused.emit(problem)
            return None

    def _warn(self, problem: Problem) -> None:
        Ask.warn(self._parent, _("Ada masalah"), describe(problem))
