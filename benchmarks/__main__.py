"""``python -m benchmarks [NAME ...]``: run the quality-budget benchmarks (DESIGN §7), print the
table and write ``benchmarks/results/latest.json``.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m benchmarks            # all (~4-5 min on 2 cores)
    QT_QPA_PLATFORM=offscreen .venv/bin/python -m benchmarks save_entry # one

Exit code 1 when a budget fails. Running some benchmarks replaces only their rows in the JSON.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import json
import os
import sys
import time
import traceback
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from .common import Result, machine, session_dir

BENCHMARKS = (
    "launch",
    "unlock",
    "save_entry",
    "standing",
    "memory",
    "csv_import",
    "csv_memory",
    "big_kiosk",
    "caseload",
)
RESULTS = Path(__file__).resolve().parent / "results" / "latest.json"


def _number(value: float | None, unit: str = "") -> str:
    if value is None:
        return ""
    if unit == "rows/s" or abs(value) >= 1000:
        return f"{value:,.0f}"
    if abs(value) >= 100:
        return f"{value:.0f}"
    if abs(value) >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"


def table(results: list[Result]) -> str:
    header = ("benchmark", "what", "measured", "floor", "ratio", "budget", "verdict")
    rows = [header]
    for r in results:
        ratio = "" if r.ratio is None else f"{r.ratio:.2f}×"
        rows.append((r.benchmark, r.name, f"{_number(r.value, r.unit)} {r.unit}", _number(r.floor, r.unit), ratio,
                     r.budget, r.verdict))  # fmt: skip
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    lines = ["  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)).rstrip() for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def save(results: list[Result], ran: list[str], seconds: dict[str, float]) -> None:
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    previous: dict = {}
    if RESULTS.exists():
        try:
            previous = json.loads(RESULTS.read_text("utf-8"))
        except ValueError:
            previous = {}
    now = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
    runs = {name: value for name, value in previous.get("benchmarks", {}).items() if name not in ran}
    for name in ran:
        runs[name] = {
            "measured_at": now,
            "seconds": round(seconds.get(name, 0.0), 1),
            "rows": [r.as_json() for r in results if r.benchmark == name],
        }
    document = {
        "machine": machine(),
        "updated_at": now,
        "benchmarks": {name: runs[name] for name in BENCHMARKS if name in runs},
    }
    RESULTS.write_text(json.dumps(document, indent=1, ensure_ascii=False) + "\n", "utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.split("\n\n")[0])
    parser.add_argument("names", nargs="*", metavar="NAME", help="any of: " + ", ".join(BENCHMARKS))
    parser.add_argument("--no-save", action="store_true", help="do not write results/latest.json")
    args = parser.parse_args(argv)
    unknown = [name for name in args.names if name not in BENCHMARKS]
    if unknown:
        parser.error(f"unknown benchmark {', '.join(unknown)}; choose from {', '.join(BENCHMARKS)}")
    names = args.names or list(BENCHMARKS)
    session_dir()
    results: list[Result] = []
    seconds: dict[str, float] = {}
    broken: list[str] = []
    for name in names:
        print(f"… {name}", file=sys.stderr, flush=True)
        started = time.perf_counter()
        try:
            module = importlib.import_module(f".{name}", __package__)
            results += module.run()
        except Exception:
            traceback.print_exc()
            broken.append(name)
        seconds[name] = time.perf_counter() - started
        print(f"  {name}: {seconds[name]:.0f} s", file=sys.stderr, flush=True)
    print(table(results))
    failed = [r for r in results if r.passed is False]
    print(f"\n{len(results)} rows, {len(failed)} over budget, {len(broken)} broken ({', '.join(broken) or '-'}); "
          f"{sum(seconds.values()):.0f} s")  # fmt: skip
    if not args.no_save:
        save(results, [n for n in names if n not in broken], seconds)
        print(f"wrote {RESULTS.relative_to(Path.cwd()) if RESULTS.is_relative_to(Path.cwd()) else RESULTS}")
    sys.stdout.flush()
    sys.stderr.flush()
    return 1 if failed or broken else 0


if __name__ == "__main__":
    code = main()
    # Skip interpreter teardown: PySide6 6.12 can abort while collecting Qt wrappers at exit.
    import shutil

    shutil.rmtree(session_dir(), ignore_errors=True)
    os._exit(code)
