"""What every benchmark shares: the result row, statistics, fresh child processes, temp folders.

Nothing here imports Qt or matplotlib: process-level numbers are measured in fresh children
(``benchmarks/child.py``) so that this process's module caches cannot flatter them.
"""

from __future__ import annotations

import atexit
import json
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHILD = Path(__file__).resolve().parent / "child.py"


@dataclass(frozen=True)
class Result:
    """One row of the table: a measured value beside the floor measured in the same run."""

    benchmark: str
    name: str
    value: float
    floor: float | None
    unit: str
    budget: str  # "≤ 1.2× floor", "≤ 150 ms", "info", …
    passed: bool | None  # None: context only, no budget
    floor_name: str = ""
    note: str = ""

    @property
    def ratio(self) -> float | None:
        if self.floor is None or self.floor == 0:
            return None
        return self.value / self.floor

    @property
    def verdict(self) -> str:
        return "info" if self.passed is None else "PASS" if self.passed else "FAIL"

    def as_json(self) -> dict[str, object]:
        data = asdict(self)
        data["ratio"] = None if self.ratio is None else round(self.ratio, 3)
        data["verdict"] = self.verdict
        for key in ("value", "floor"):
            if isinstance(data[key], float):
                data[key] = round(data[key], 3)
        return data


def at_most_ratio(
    bench: str, name: str, value: float, floor: float, limit: float, unit: str, floor_name: str, note: str = ""
) -> Result:
    """Budget ``value ≤ limit × floor``."""
    return Result(bench, name, value, floor, unit, f"≤ {limit:g}× floor", value <= limit * floor, floor_name, note)


def at_least_ratio(
    bench: str, name: str, value: float, floor: float, limit: float, unit: str, floor_name: str, note: str = ""
) -> Result:
    """Budget ``value ≥ limit × floor`` (rates)."""
    return Result(bench, name, value, floor, unit, f"≥ {limit:g}× floor", value >= limit * floor, floor_name, note)


def at_most(
    bench: str,
    name: str,
    value: float,
    limit: float,
    unit: str,
    floor: float | None = None,
    floor_name: str = "",
    note: str = "",
) -> Result:
    """An absolute budget ``value ≤ limit``; the floor is context."""
    return Result(bench, name, value, floor, unit, f"≤ {limit:g} {unit}", value <= limit, floor_name, note)


def at_least(
    bench: str,
    name: str,
    value: float,
    limit: float,
    unit: str,
    floor: float | None = None,
    floor_name: str = "",
    note: str = "",
) -> Result:
    return Result(bench, name, value, floor, unit, f"≥ {limit:,.0f} {unit}", value >= limit, floor_name, note)


def info(
    bench: str, name: str, value: float, unit: str, floor: float | None = None, floor_name: str = "", note: str = ""
) -> Result:
    return Result(bench, name, value, floor, unit, "info", None, floor_name, note)


# -- statistics ---------------------------------------------------------------------------------
def median(values: Sequence[float]) -> float:
    return float(statistics.median(values))


def p95(values: Sequence[float]) -> float:
    """Nearest-rank 95th percentile."""
    ordered = sorted(values)
    return float(ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)])


def repeat_ms(action: Callable[[], object], times: int, warmup: int = 1) -> list[float]:
    """Wall time of ``action`` in milliseconds, ``times`` times after ``warmup`` discarded runs."""
    for _ in range(warmup):
        action()
    samples = []
    for _ in range(times):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


# -- fresh child processes ----------------------------------------------------------------------
def child_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["WIRAUSAHA_HOME"] = str(session_dir())
    # Compiled bytecode, as an installed app has it (pip compiles on install; an editable install
    # writes it on first run), kept in the session folder so that the clone stays clean. Without
    # it every child compiled our ~100 modules from source (~100 ms), which no kiosk does.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(session_dir() / "pycache")
    env.pop("PYTHONPROFILEIMPORTTIME", None)
    env.update(extra or {})
    return env


def run_child(mode: str, *args: str, timeout: float = 180, fresh_parent: bool = False) -> dict[str, object]:
    """Run ``child.py MODE ARGS`` in a fresh interpreter; return its JSON report.

    ``spawned`` is this process's ``perf_counter`` just before the child was started: on Linux it
    is CLOCK_MONOTONIC, shared by all processes, so the child's absolute readings compare with it.
    ``fresh_parent`` starts it from ``peak.py`` instead, for a ``maxrss_kb`` of its own: a child of
    this process starts from this process's peak (Linux keeps the high-water mark over ``exec``).
    ``spawned`` then includes the small parent's start.
    """
    command = [sys.executable, str(CHILD), mode, *args]
    if fresh_parent:
        command = [sys.executable, str(CHILD.parent / "peak.py"), "--stdout", *command]
    spawned = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, env=child_env(), cwd=ROOT)
    if done.returncode != 0:
        raise RuntimeError(f"child {mode} failed ({done.returncode}):\n{done.stderr[-3000:]}")
    report_lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if not report_lines:
        raise RuntimeError(f"child {mode} printed no report:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")
    report: dict[str, object] = json.loads(report_lines[-1])
    report["spawned"] = spawned
    return report


# -- temp folders -------------------------------------------------------------------------------
_session: list[Path] = []


def session_dir() -> Path:
    """One temp folder per run (kiosk files, CSVs), removed at exit; also ``WIRAUSAHA_HOME``."""
    if not _session:
        folder = Path(tempfile.mkdtemp(prefix="wirausaha-bench-"))
        _session.append(folder)
        os.environ["WIRAUSAHA_HOME"] = str(folder)
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return _session[0]


def fresh_path(name: str) -> Path:
    """A path in the session folder that does not exist yet (nor its -wal/-shm)."""
    path = session_dir() / name
    for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        leftover.unlink(missing_ok=True)
    return path


def copy_kiosk(source: Path, name: str) -> Path:
    """A private copy of a checkpointed kiosk file, so that one benchmark's writes stay its own."""
    target = fresh_path(name)
    shutil.copyfile(source, target)
    return target


def machine() -> dict[str, object]:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import platform
    import sqlite3

    return {
        "nproc": len(os.sched_getaffinity(0)),
        "cpu": cpu,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "sqlite": sqlite3.sqlite_version,
    }


_child_cache: dict[tuple[str, ...], list[dict[str, object]]] = {}


def child_runs(mode: str, *args: str, times: int = 3) -> list[dict[str, object]]:
    """``times`` fresh-process runs of a mode, shared by the benchmarks of one run (the standing
    page's cold run also gives the memory benchmark its peak RSS). One more run before them warms
    the disk cache and fontconfig and is thrown away."""
    key = (mode, *args)
    if key not in _child_cache:
        run_child(mode, *args, fresh_parent=True)
        _child_cache[key] = [run_child(mode, *args, fresh_parent=True) for _ in range(times)]
    return _child_cache[key]
