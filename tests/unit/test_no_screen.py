"""Without a screen, `wirausaha run` says so in one Indonesian sentence and exits 1 (issue 11 §8).

Qt's own abort ("could not connect to display … Reinstalling the application may fix this
problem") is English, a core dump, and no help at a Puskesos.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from wirausaha_desktop.app import missing_screen


@pytest.mark.parametrize(
    ("environ", "why"),
    [
        ({}, "DISPLAY kosong"),
        ({"DISPLAY": ":987"}, "DISPLAY=:987 tidak menjawab"),  # no X server on :987
        ({"DISPLAY": ":987", "QT_QPA_PLATFORM": "offscreen"}, None),
        ({"QT_QPA_PLATFORM": "minimal"}, None),
        ({"WAYLAND_DISPLAY": "wayland-0"}, None),
        ({"DISPLAY": "kantor:0"}, None),  # a remote display cannot be checked from here: Qt tries
    ],
)
def test_what_counts_as_no_screen(environ: dict[str, str], why: str | None) -> None:
    assert missing_screen(environ, "linux") == why


def test_other_systems_always_have_a_screen() -> None:
    assert missing_screen({}, "win32") is None


@pytest.mark.parametrize("command", [["run"], ["demo"], []])
def test_run_without_a_screen_says_so_and_exits_1(tmp_path: Path, command: list[str]) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["WIRAUSAHA_HOME"] = str(tmp_path)
    done = subprocess.run(
        [sys.executable, "-m", "wirausaha_desktop", "--data", str(tmp_path / "kiosk.sqlite"), *command],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1
    assert done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Aplikasi ini perlu layar")
    assert "wirausaha --help" in lines[0] and "Reinstalling" not in done.stderr
    assert not (tmp_path / "kiosk.sqlite").exists()  # nothing was created for a window never shown
