"""Composition root: paths, open + migrate the kiosk file, then the window (``gui.launch``).

Only Qt, the standard library's sqlite3 and our own small modules load before the picker is
painted; matplotlib waits for the standing page and sqlite-utils for admin jobs.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from . import paths
from .services.clock import Clock
from .services.kiosk import Kiosk

if TYPE_CHECKING:
    from .gui.window import KioskWindow


def create_window(data_path: Path | str, clock: Clock | None = None) -> KioskWindow:
    """The top-level window on ``data_path``, without starting the event loop."""
    from .gui.launch import build_window

    return build_window(Kiosk.open(Path(data_path), clock))


def _log_to_file(data_path: Path) -> None:
    """``logs/wirausaha.log`` beside the kiosk file; stderr where that folder cannot be written.

    Never raises: a read-only data folder must still reach the app's own, friendly message."""
    fmt = "%(asctime)s %(levelname)s %(name)s: %(message)s"
    try:
        folder = data_path.parent / "logs"
        folder.mkdir(parents=True, exist_ok=True)
        logging.basicConfig(filename=folder / "wirausaha.log", level=logging.INFO, format=fmt)
    except OSError as error:
        logging.basicConfig(stream=sys.stderr, level=logging.INFO, format=fmt)
        logging.getLogger("wirausaha").warning("no log file beside %s (%s): logging to stderr", data_path, error)


def run(data_path: Path | None = None) -> int:
    """Start the kiosk app and its event loop; returns the exit code."""
    from .gui.launch import run as run_gui

    path = Path(data_path or paths.default_data_file())
    _log_to_file(path)
    return run_gui(path)
