"""Composition root: paths, open + migrate the kiosk file, then the window (``gui.launch``).

Only Qt, the standard library's sqlite3 and our own small modules load before the picker is
painted; matplotlib waits for the standing page and sqlite-utils for admin jobs.
"""

from __future__ import annotations

import logging
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
    folder = data_path.parent / "logs"
    folder.mkdir(parents=True, exist_ok=True)
    logging.basicConfig(
        filename=folder / "wirausaha.log",
        level=logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )


def run(data_path: Path | None = None) -> int:
    """Start the kiosk app and its event loop; returns the exit code."""
    from .gui.launch import run as run_gui

    path = Path(data_path or paths.default_data_file())
    _log_to_file(path)
    return run_gui(lambda: Kiosk.open(path))
