"""Launch → painted profile picker, against an empty PySide6 window with a table (DESIGN §7).

Both in fresh processes, alternated, each from the moment the parent starts the process (what a
person waits for) and, for context, from the child's first line (interpreter start-up excluded).
The app runs exactly as ``wirausaha --data FILE run`` on the demo kiosk (four profiles); the time
ends when the last profile card has painted and the event loop is back. Also checked: matplotlib
and sqlite-utils are not loaded by then.
"""

from __future__ import annotations

from . import data
from .common import Result, at_most_ratio, info, median, run_child

NAME = "launch"
REPEATS = 7
HEAVY = ("matplotlib", "sqlite_utils")


def run() -> list[Result]:
    demo = str(data.demo_kiosk(data.clock()))
    run_child("empty_window")  # warm the disk cache and fontconfig
    run_child("picker", demo)
    run_child("bare_picker", demo)
    floors, apps, bare = [], [], []
    for _ in range(REPEATS):
        floors.append(run_child("empty_window"))
        apps.append(run_child("picker", demo))
        bare.append(run_child("bare_picker", demo))

    def from_spawn(report: dict) -> float:
        return (float(report["painted"]) - float(report["spawned"])) * 1000

    def from_first_line(report: dict) -> float:
        return (float(report["painted"]) - float(report["t0"])) * 1000

    loaded = sorted({name for report in apps for name in report["loaded"]})  # type: ignore[attr-defined]
    heavy = [name for name in loaded if name in HEAVY]
    floor = "empty QMainWindow + QTableView painted"
    return [
        at_most_ratio(NAME, "launch → picker painted (from process start)", median([from_spawn(r) for r in apps]),
                      median([from_spawn(r) for r in floors]), 1.2, "ms", floor,
                      f"{apps[0]['cards']} profile cards; median of {REPEATS}"),
        info(NAME, "  reference: the same widgets in plain PySide6", median([from_spawn(r) for r in bare]), "ms",
             median([from_spawn(r) for r in floors]), floor, "child.py bare_picker: no app code, sqlite3 read-only"),
        info(NAME, "  the app against that reference", median([from_spawn(r) for r in apps]), "ms",
             median([from_spawn(r) for r in bare]), "bare_picker", "our modules, the file's checks, the real page"),
        info(NAME, "  same, from the child's first line", median([from_first_line(r) for r in apps]), "ms",
             median([from_first_line(r) for r in floors]), floor, "interpreter start-up excluded"),
        info(NAME, "  modules loaded at first paint", median([float(r["modules"]) for r in apps]), "modules",
             median([float(r["modules"]) for r in floors]), floor),
        Result(NAME, "matplotlib / sqlite_utils loaded at first paint", float(len(heavy)), None, "modules", "= 0",
               not heavy, note=f"loaded of note: {', '.join(loaded) or 'none'}"),
    ]  # fmt: skip
