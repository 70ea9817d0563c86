"""What loads before the first picker is painted (issue 11 §7): only what the picker needs.

Each module here was measured on the way to the picker and moved behind its first use: matplotlib
(~0.85 s) and numpy wait for the standing page, sqlite-utils for admin jobs, OpenSSL's hashlib and
hmac for the first PIN, uuid for the first new row, QtSvg and importlib.resources for the first
picture file, the book's modules for the warm-up after the first paint."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from wirausaha_desktop import cli

LATER = (
    "matplotlib", "numpy", "sqlite_utils", "hashlib", "hmac", "uuid", "PySide6.QtSvg", "importlib.resources",
    "wirausaha_desktop.gui.book_page", "wirausaha_desktop.gui.pin_page", "wirausaha_desktop.domain.standing",
    "wirausaha_desktop.gui.background",
)  # fmt: skip

SCRIPT = """
import json, os, sys
from wirausaha_desktop.gui import launch
shown = launch.show

def show_and_report(window):
    shown(window)
    from PySide6.QtWidgets import QApplication
    QApplication.processEvents()
    cards = len(window.picker.picker.cards())
    print(json.dumps({"cards": cards, "loaded": [m for m in json.loads(sys.argv[2]) if m in sys.modules]}))
    sys.stdout.flush()
    os._exit(0)

launch.show = show_and_report
from wirausaha_desktop.cli import main
main(["--data", sys.argv[1], "run"])
"""


def test_the_picker_paints_before_what_it_does_not_need_is_loaded(tmp_path: Path) -> None:
    kiosk = tmp_path / "kiosk.sqlite"
    assert cli.main(["--data", str(kiosk), "demo", "--no-gui"]) == 0
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "WIRAUSAHA_HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(kiosk), json.dumps(LATER)],
        capture_output=True, text=True, timeout=60, env=env, check=True,
    )  # fmt: skip
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["cards"] == 4  # the demo's four stories: it really is the picker
    assert report["loaded"] == []
