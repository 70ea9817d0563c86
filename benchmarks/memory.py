"""Peak memory (``ru_maxrss``) of the app after the standing page has drawn all its charts, on
Sari's 20,000-entry book, against an empty window plus one matplotlib chart: ≤ 1.3× (DESIGN §7:
the floor is ~140 MB). Both in fresh processes; the same runs as the standing page's cold ones.
"""

from __future__ import annotations

from . import standing
from .common import Result, at_most_ratio, median

NAME = "memory"


def run() -> list[Result]:
    app = median([float(r["maxrss_kb"]) / 1024 for r in standing.cold_runs()])
    floor = median([float(r["maxrss_kb"]) / 1024 for r in standing.floor_runs()])
    return [
        at_most_ratio(NAME, "peak RSS: standing page, all charts", app, floor, 1.3, "MB",
                      "empty window + one matplotlib chart", "20k-entry book open; fresh process"),
    ]  # fmt: skip
