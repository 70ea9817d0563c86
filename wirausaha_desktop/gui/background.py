"""Slow jobs (backups, restores, listing copies) on a worker thread; the answer comes back on the GUI thread.

The worker never touches a widget. It emits one signal on a ``Background`` object that lives on
the GUI thread, so Qt delivers it queued, in the GUI thread's event loop. ``Background`` objects
belong to the application, not to the page that asked: a job may finish after its page is gone,
and then its answer is dropped instead of reaching a deleted widget.
"""

from __future__ import annotations

import logging
import threading
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot

log = logging.getLogger("wirausaha")

Then = Callable[[Any, "BaseException | None"], None]


@dataclass(frozen=True)
class _Outcome:
    then: Then
    result: Any
    error: BaseException | None


class Background(QObject):
    _finished = Signal(object)  # _Outcome, emitted from the worker thread

    def __init__(self, owner: QObject) -> None:
        super().__init__(QCoreApplication.instance())  # outlives its owner: see the module docstring
        self._owner = weakref.ref(owner)
        self._running = 0
        self._finished.connect(self._deliver)

    @property
    def busy(self) -> bool:
        return self._running > 0

    def run(self, name: str, job: Callable[[], Any], then: Then) -> None:
        """Run ``job()`` on a new thread; later ``then(result, None)`` or ``then(None, error)`` here."""
        self._running += 1
        finished = self._finished

        def work() -> None:
            try:
                outcome = _Outcome(then, job(), None)
            except BaseException as error:  # handed to the GUI thread, which decides what it means
                outcome = _Outcome(then, None, error)
            try:
                finished.emit(outcome)
            except RuntimeError:  # the application is shutting down: nobody is left to tell
                log.info("background job %s finished after the application", name)

        threading.Thread(target=work, name=name, daemon=True).start()

    @Slot(object)
    def _deliver(self, outcome: _Outcome) -> None:
        self._running -= 1
        owner = self._owner()
        if owner is None or not shiboken6.isValid(owner):
            return
        outcome.then(outcome.result, outcome.error)
