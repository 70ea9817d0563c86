"""Peak memory of ``wirausaha import-csv`` on a 1,000,000-row file: ≤ 300 MB (issue 7, "Bad input").

The import has to stream: a file that size held as one string, a list of records and a list of
rows peaked at ~845 MB. This runs the real command in a fresh process, twice: on a file written
the way a spreadsheet would (no ``id`` column, so every id is derived and the repeat counter is at
its largest) and on one with ids (as ``export-csv`` writes). The floor is a fresh interpreter that
only imports the CLI and the services. Each child's own peak comes from ``os.wait4`` in a small,
fresh parent (``benchmarks/peak.py``): a child of this process would start from this process's
peak (Linux carries the parent's high-water mark over ``exec``), ~311 MB inside a full run.

    .venv/bin/python -m benchmarks.csv_memory            # this benchmark alone (~2-3 min)
    .venv/bin/python -m benchmarks csv_memory            # through the runner (table + results JSON)

Not part of ``make test``.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import TextIO

from wirausaha_desktop.domain.exchange import COLUMNS, LEDGER_NAMES, write_csv
from wirausaha_desktop.domain.model import MOVE_NAMES, Direction

from . import data
from .common import ROOT, Result, at_most, child_env, fresh_path, info, session_dir

PEAK = Path(__file__).resolve().parent / "peak.py"
NAME = "csv_memory"
ROWS = 1_000_000
BUDGET_MB = 300.0
FLOOR_CODE = "import wirausaha_desktop.cli, wirausaha_desktop.services.kiosk, wirausaha_desktop.services.exchange"


def write_big_csv(path: Path, rows: int, with_ids: bool) -> int:
    """About ``rows`` rows of a busy warung's 3 years (moves included), written day by day so that
    this process never holds the file either; returns how many rows were written."""
    the_clock = data.clock()
    days = data.days_back(the_clock.today())
    story = data.Story(31, data.sales_per_day_for(rows, len(days)))
    written = 0
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write(write_csv([list(COLUMNS) if with_ids else list(COLUMNS[1:])]))
        for day in days:
            lines = []
            for record_id, iso, ledger, direction, amount, category, move, note in story.day(day):
                if move is not None:
                    cells = [iso, LEDGER_NAMES[ledger], "pindah", MOVE_NAMES[move], str(amount), note]
                else:
                    kind = "masuk" if direction is Direction.IN else "keluar"
                    cells = [iso, LEDGER_NAMES[ledger], kind, category or "", f"{amount:,}".replace(",", "."), note]
                lines.append([record_id, *cells] if with_ids else cells)
            written += len(lines)
            out.write(write_csv(lines))
    return written


def measured(command: list[str], stdin: str = "") -> tuple[float, float, str]:
    """(peak RSS in MB, wall seconds, stderr) of one child process, measured by ``peak.py``."""
    log = session_dir() / "child-stderr.txt"
    with log.open("w+", encoding="utf-8") as err:
        done = subprocess.run(
            [sys.executable, str(PEAK), *command], input=stdin, stdout=subprocess.PIPE, stderr=err, text=True,
            env=child_env(), cwd=ROOT, check=False,
        )  # fmt: skip
        err.seek(0)
        errors = _tail(err)
    lines = [line.removeprefix("PEAK ") for line in done.stdout.splitlines() if line.startswith("PEAK {")]
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"{' '.join(command)}: peak.py exited {done.returncode}:\n{errors}")
    report = json.loads(lines[-1])
    if report["returncode"] != 0:
        raise RuntimeError(f"{' '.join(command)} exited {report['returncode']}:\n{errors}")
    return report["maxrss_kb"] / 1024, float(report["seconds"]), errors  # ru_maxrss is in KiB on Linux


def _tail(stream: TextIO) -> str:
    return stream.read()[-3000:]


def wirausaha(*args: str) -> list[str]:
    return [sys.executable, "-m", "wirausaha_desktop", *args]


def run() -> list[Result]:
    floor, _seconds, _err = measured([sys.executable, "-c", FLOOR_CODE])
    results: list[Result] = []
    for with_ids in (False, True):
        label = "with ids (an export)" if with_ids else "without ids (a spreadsheet)"
        csv_path = fresh_path(f"big-{'ids' if with_ids else 'no-ids'}.csv")
        rows = write_big_csv(csv_path, ROWS, with_ids)
        kiosk = fresh_path(f"memory-{'ids' if with_ids else 'no-ids'}.sqlite")
        measured(wirausaha("--data", str(kiosk), "profile", "add", "Sari"), stdin=data.PIN + "\n")
        importing = wirausaha("--data", str(kiosk), "import-csv", "--profile", "Sari", str(csv_path))
        peak, seconds, _err = measured(importing)
        size = csv_path.stat().st_size / 1e6
        note = f"{rows:,} rows, {size:.0f} MB file; whole process, start-up included"
        floor_name = "fresh interpreter importing the CLI and services"
        results += [
            at_most(NAME, f"peak RSS: import-csv, {label}", peak, BUDGET_MB, "MB", floor, floor_name, note),
            info(NAME, f"  rate: import-csv, {label}", rows / seconds, "rows/s", note=f"{seconds:.1f} s wall"),
        ]
        csv_path.unlink()
        for leftover in (kiosk, Path(f"{kiosk}-wal"), Path(f"{kiosk}-shm")):
            leftover.unlink(missing_ok=True)
    return results


if __name__ == "__main__":
    from .__main__ import table

    found = run()
    print(table(found))
    sys.exit(1 if any(r.passed is False for r in found) else 0)
