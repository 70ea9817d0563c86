"""Start time of the one-folder build against the venv it was made from (docs/performance.md).

    .venv/bin/python packaging/measure_start.py [--build dist/wirausaha] [--repeats 7]

All in fresh processes, alternated, offscreen, on the same demo kiosk; each time runs from the
moment this process starts the child (``perf_counter``: CLOCK_MONOTONIC, shared by processes):

- ``floor``: an empty QMainWindow with a QTableView painted (``benchmarks/child.py empty_window``);
- ``venv run``: the app as ``wirausaha --data FILE run`` until the picker's last card painted
  (``benchmarks/child.py picker``, the launch benchmark);
- ``venv selftest`` and ``package selftest``: ``--selftest --time`` until the picker's last card
  painted, in the dev venv and in the build; the self-test first checks and copies the kiosk file
  (its ``open`` step, shown apart), which ``run`` does not do.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHILD = ROOT / "benchmarks" / "child.py"


def _env(home: Path) -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", WIRAUSAHA_HOME=str(home))
    env["PYTHONPYCACHEPREFIX"] = str(home / "pycache")  # compiled bytecode, as an installed app has
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _timed(command: list[str], env: dict[str, str]) -> tuple[float, dict[str, float]]:
    spawned = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT, timeout=300)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command[:3])} failed: {done.stderr[-2000:]}")
    report = json.loads(next(line for line in done.stdout.splitlines() if line.startswith("{")))
    painted = float(report.get("painted", report.get("picker_painted_at", 0.0)))
    return (painted - spawned) * 1000, report


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--build", type=Path, default=ROOT / "dist" / "wirausaha")
    parser.add_argument("--repeats", type=int, default=7)
    args = parser.parse_args()
    package = args.build / ("wirausaha.exe" if sys.platform == "win32" else "wirausaha")
    with tempfile.TemporaryDirectory(prefix="wirausaha-start-") as folder:
        home = Path(folder)
        env = _env(home)
        demo = home / "demo.sqlite"
        subprocess.run([str(package), "--data", str(demo), "demo", "--no-gui"], env=env, check=True,
                       capture_output=True)  # fmt: skip
        kinds = {
            "floor": [sys.executable, str(CHILD), "empty_window"],
            "venv run": [sys.executable, str(CHILD), "picker", str(demo)],
            "venv selftest": [sys.executable, "-m", "wirausaha_desktop", "--data", str(demo), "--selftest", "--time"],
            "package selftest": [str(package), "--data", str(demo), "--selftest", "--time"],
        }
        for command in kinds.values():  # warm the disk cache, fontconfig and the bytecode
            _timed(command, env)
        times: dict[str, list[float]] = {name: [] for name in kinds}
        opens: dict[str, list[float]] = {"venv selftest": [], "package selftest": []}
        for _ in range(args.repeats):
            for name, command in kinds.items():
                ms, report = _timed(command, env)
                times[name].append(ms)
                if name in opens:
                    opens[name].append(float(report["open"]))
    floor = statistics.median(times["floor"])
    print(f"median of {args.repeats}, launch → picker painted (offscreen)")
    for name, values in times.items():
        line = f"{name:17} {statistics.median(values):7.0f} ms  {statistics.median(values) / floor:4.2f}× floor"
        if name in opens:
            line += f"  (of which the self-test's check + copy: {statistics.median(opens[name]):.0f} ms)"
        print(line)


if __name__ == "__main__":
    main()
