"""Composition root: paths, open + migrate the kiosk file, then the window (``gui.launch``).

Only Qt, the standard library's sqlite3 and our own small modules load before the picker is
painted; matplotlib waits for the standing page and sqlite-utils for admin jobs.
"""

from __future__ import annotations

import logging
import os
import re
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from . import paths
from .domain.problems import Problem
from .messages import describe
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


_HEADLESS_PLATFORMS = ("offscreen", "minimal", "vnc", "eglfs", "linuxfb", "vkkhrdisplay")


def missing_screen(environ: Mapping[str, str] | None = None, platform: str | None = None) -> str | None:
    """Why no window can be shown here (Linux without a reachable X or Wayland display), or None.

    Checked before Qt starts: without a screen Qt aborts with its own English message ("Reinstalling
    the application may fix this problem"), which helps nobody at a Puskesos.
    """
    env = os.environ if environ is None else environ
    if (platform or sys.platform) != "linux":
        return None
    asked = env.get("QT_QPA_PLATFORM", "").split(":")[0]
    if asked in _HEADLESS_PLATFORMS:
        return None
    if env.get("WAYLAND_DISPLAY"):
        return None
    display = env.get("DISPLAY", "")
    if not display:
        return "DISPLAY kosong"
    local = re.fullmatch(r"(?:unix)?:(\d+)(?:\.\d+)?", display)
    if local and not Path(f"/tmp/.X11-unix/X{local[1]}").exists():
        return f"DISPLAY={display} tidak menjawab"
    return None


def run(data_path: Path | None = None) -> int:
    """Start the kiosk app and its event loop; returns the exit code (1, in words, without a screen)."""
    why = missing_screen()
    if why is not None:
        print(" ".join(describe(Problem.of("no_screen", why=why)).split()), file=sys.stderr)
        return 1
    from .gui.launch import run as run_gui

    path = Path(data_path or paths.default_data_file())
    _log_to_file(path)
    return run_gui(path)
