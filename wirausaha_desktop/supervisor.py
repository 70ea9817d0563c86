"""The supervisor behind ``wirausaha kiosk-run`` (issue 11 §6): the app as a child, started again after a crash.

The app (``wirausaha --data FILE run``) is started again when it ends abnormally: an exit code
other than 0 or 2, or a signal (a crash, the out-of-memory killer, a ``kill -9``), after 1 s, 2 s,
5 s, 10 s, 20 s, then 30 s. After five fast crashes in a row (each run shorter than a minute) it
gives up, with a line in its log: a kiosk file or a display that fails every time is not mended by
starting again. Exit 0 is the operator closing the app (with the PIN in kiosk mode): the supervisor
ends too; exit 2 (a wrong command line) never gets better, so it ends as well. SIGTERM, SIGINT or
SIGHUP to the supervisor end the app and then the supervisor, with exit 0.

Kept out of ``cli_kiosk`` so that building the CLI's parser on the app's start loads none of it.
"""

from __future__ import annotations

import contextlib
import logging
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType

BACKOFF = (1.0, 2.0, 5.0, 10.0, 20.0, 30.0)
"""Seconds before each restart of a run of crashes; the last one repeats."""
STEADY_SECONDS = 60.0
"""A run at least this long was not a fast crash: the back-off and the count start again."""
GIVE_UP_AFTER = 5
"""Fast crashes in a row after which the supervisor stops trying."""
CLOSED, GAVE_UP, USAGE = 0, 1, 2
"""The supervisor's exit codes: closed (or stopped); given up; the app refused its command line."""
LOG_NAME = "kiosk-run.log"
# Windows has no SIGHUP: there the supervisor stops on SIGTERM and Ctrl+C only.
_STOP_SIGNALS = tuple(
    sig for sig in (signal.SIGTERM, signal.SIGINT, getattr(signal, "SIGHUP", None)) if sig is not None
)


def app_command(data: Path) -> list[str]:
    """The app on ``data``: the frozen build runs itself, an installed package ``python -m``."""
    if getattr(sys, "frozen", False):
        return [sys.executable, "--data", str(data), "run"]
    return [sys.executable, "-m", "wirausaha_desktop", "--data", str(data), "run"]


def how_it_ended(code: int) -> str:
    if code < 0:
        try:
            return f"killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    return f"exit code {code}"


@dataclass
class Supervisor:
    """Runs ``command`` until it exits 0 (closed) or 2 (usage), or crashes fast too often."""

    command: Sequence[str]
    log: logging.Logger
    backoff: Sequence[float] = BACKOFF
    steady_seconds: float = STEADY_SECONDS
    give_up_after: int = GIVE_UP_AFTER
    clock: Callable[[], float] = time.monotonic
    starts: int = 0
    waits: list[float] = field(default_factory=list)  # the pauses before each restart, in order
    _stopping: bool = False  # a plain flag: set from a signal handler, where no lock may be taken
    _child: subprocess.Popen[bytes] | None = None

    def run(self) -> int:
        """The exit code: 0 closed or stopped, 2 the app's usage error, 1 given up."""
        crashes = 0  # in a row, since the last steady run
        while not self.stopping():
            started = self.clock()
            code = self._run_once()
            lasted = self.clock() - started
            if self.stopping():  # set by a signal while the app ran
                self.log.info("stopped: the app ended (%s)", how_it_ended(code))
                return CLOSED
            if code == CLOSED:
                self.log.info("the app was closed (exit code 0) after %.0f s: the supervisor ends too", lasted)
                return CLOSED
            if code == USAGE:
                self.log.error("the app refused its command line (exit code 2): not starting it again")
                return USAGE
            crashes = 1 if lasted >= self.steady_seconds else crashes + 1
            if lasted < self.steady_seconds and crashes >= self.give_up_after:
                self.log.error(
                    "gave up: the app ended abnormally %d times in a row, each within %.0f s (last: %s)",
                    crashes, self.steady_seconds, how_it_ended(code),
                )  # fmt: skip
                return GAVE_UP
            wait = self.backoff[min(crashes, len(self.backoff)) - 1]
            self.log.warning(
                "the app ended abnormally (%s) after %.1f s; starting it again in %g s (crash %d in a row)",
                how_it_ended(code), lasted, wait, crashes,
            )  # fmt: skip
            self.waits.append(wait)
            self._pause(wait)
        return CLOSED

    def stopping(self) -> bool:
        return self._stopping

    def _pause(self, seconds: float) -> None:
        """Sleep in short steps, so that a stop during the back-off ends it at once."""
        until = self.clock() + seconds
        while not self.stopping() and (left := until - self.clock()) > 0:
            time.sleep(min(left, 0.1))

    def _run_once(self) -> int:
        self.starts += 1
        child = subprocess.Popen(list(self.command))
        self._child = child
        self.log.info("started the app (pid %d, start %d): %s", child.pid, self.starts, " ".join(self.command))
        if self.stopping():  # a stop that came while it was being started
            child.terminate()
        while True:
            try:
                return child.wait()
            except InterruptedError:  # pragma: no cover - PEP 475 retries; kept for old platforms
                continue

    def stop(self, signum: int | None = None, _frame: FrameType | None = None) -> None:
        """End the app (SIGTERM) and then the supervisor; safe from a signal handler."""
        if signum is not None:
            self.log.info("received %s: ending the app", signal.Signals(signum).name)
        self._stopping = True
        child = self._child
        if child is not None and child.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                child.terminate()

    @contextlib.contextmanager
    def handling_signals(self) -> Iterator[Supervisor]:
        """SIGTERM, SIGINT and SIGHUP stop it (``stop``) while the block runs."""
        previous = {s: signal.signal(s, self.stop) for s in _STOP_SIGNALS}
        try:
            yield self
        finally:
            for s, handler in previous.items():
                signal.signal(s, handler)


def supervisor_log(data: Path) -> logging.Logger:
    """``logs/kiosk-run.log`` beside the kiosk file, and stderr; stderr alone where no folder can be made."""
    log = logging.getLogger("wirausaha.kiosk-run")
    log.setLevel(logging.INFO)
    log.propagate = False
    fmt = logging.Formatter("%(asctime)s %(levelname)s kiosk-run[%(process)d]: %(message)s")
    handlers: list[logging.Handler] = [logging.StreamHandler(sys.stderr)]
    try:
        folder = data.parent / "logs"
        folder.mkdir(parents=True, exist_ok=True)
        handlers.append(logging.FileHandler(folder / LOG_NAME, encoding="utf-8"))
    except OSError:
        pass
    for handler in log.handlers[:]:
        log.removeHandler(handler)
        handler.close()
    for handler in handlers:
        handler.setFormatter(fmt)
        log.addHandler(handler)
    return log
