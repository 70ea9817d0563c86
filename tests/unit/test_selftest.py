"""``wirausaha --selftest`` (issue 11 §5), run as the operator or CI runs it: a fresh process with
no screen and no QT_QPA_PLATFORM (it forces offscreen itself), on a copy of a kiosk file or on a
fresh demo; the kiosk file itself is only read, and a damaged one fails in one line.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PAGES = 22  # picker … consent: every page and dialog the self-test draws (gui/selftest.py)


def _wirausaha(*args: str | Path, home: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    env["WIRAUSAHA_HOME"] = str(home)
    command = [sys.executable, "-m", "wirausaha_desktop", *map(str, args)]
    return subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT, timeout=240)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _demo(tmp_path: Path) -> Path:
    demo = tmp_path / "kiosk" / "kiosk.sqlite"
    demo.parent.mkdir()
    made = _wirausaha("--data", demo, "demo", "--no-gui", home=tmp_path / "home")
    assert made.returncode == 0, made.stderr
    return demo


def test_a_copy_of_the_kiosk_file_passes_and_the_file_is_only_read(tmp_path: Path) -> None:
    demo = _demo(tmp_path)
    before = (_digest(demo), demo.stat().st_mtime_ns)

    done = _wirausaha("--data", demo, "--selftest", "--shots", tmp_path / "shots", home=tmp_path / "home")

    assert done.returncode == 0, done.stderr
    (line,) = done.stdout.splitlines()
    assert line.startswith(f"Uji mandiri lulus: {PAGES} halaman digambar, file kios utuh")
    assert (_digest(demo), demo.stat().st_mtime_ns) == before
    # SQLite's read-only opening may leave its (empty) WAL index files beside it, as `wirausaha check` does
    beside = {"kiosk.sqlite-wal": 0} | {p.name: p.stat().st_size for p in demo.parent.iterdir()}
    assert set(beside) <= {"kiosk.sqlite", "kiosk.sqlite-wal", "kiosk.sqlite-shm"}
    assert beside["kiosk.sqlite-wal"] == 0
    shots = sorted(p.name for p in (tmp_path / "shots").iterdir())
    assert len(shots) == PAGES and shots[0] == "01-picker.png" and shots[-1] == "22-consent.png"
    assert all((tmp_path / "shots" / name).stat().st_size > 5000 for name in shots)


def test_without_a_kiosk_file_it_tests_a_demo_in_a_temporary_folder_and_times_each_step(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()

    done = _wirausaha("--selftest", "--time", home=home)

    assert done.returncode == 0, done.stderr
    timing, line = done.stdout.splitlines()
    assert line.startswith("Uji mandiri lulus")
    times = json.loads(timing)
    assert times["started_at"] < times["picker_painted_at"]
    steps = {k: v for k, v in times.items() if k not in ("started_at", "picker_painted_at", "total_ms")}
    assert {"open", "picker", "pin", "book", "standing", "operator", "caseload", "recovery", "check"} <= set(steps)
    assert all(0 < ms < times["total_ms"] for ms in steps.values())
    assert list(home.iterdir()) == []  # the demo was built in the temporary folder, not beside the real kiosk


def test_a_damaged_kiosk_file_fails_in_one_line_and_is_left_as_it_was(tmp_path: Path) -> None:
    demo = _demo(tmp_path)
    data = demo.read_bytes()
    demo.write_bytes(data[: len(data) // 2])
    before = _digest(demo)

    done = _wirausaha("--data", demo, "--selftest", home=tmp_path / "home")

    assert done.returncode == 1
    assert done.stdout == ""
    (line,) = done.stderr.splitlines()
    assert line.startswith("Uji mandiri gagal pada langkah 'membuka file kios':")
    assert "rusak" in line
    assert _digest(demo) == before


def test_a_missing_kiosk_file_named_with_data_fails_rather_than_test_a_demo(tmp_path: Path) -> None:
    missing = tmp_path / "tidak-ada.sqlite"

    done = _wirausaha("--data", missing, "--selftest", home=tmp_path / "home")

    assert done.returncode == 1
    (line,) = done.stderr.splitlines()
    assert "membuka file kios" in line and str(missing) in line
    assert not missing.exists()
