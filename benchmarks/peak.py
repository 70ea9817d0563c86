"""``python benchmarks/peak.py [--stdout] COMMAND...``: run COMMAND from a small parent; print its peak RSS.

On Linux a child's ``ru_maxrss`` starts from its parent's at the moment it was forked (``exec``
records the old memory's high-water mark), so a child of the benchmark runner, which by then has
drawn every chart, reported the runner's ~311 MB instead of its own. This script is started fresh
(~10 MB), starts COMMAND, passes its own stdin on, sends COMMAND's output to /dev/null (or, with
``--stdout``, on to its own; stderr is kept), and then prints one line:
``PEAK {"maxrss_kb": ..., "seconds": ..., "returncode": ...}``.
Run as a script, so that nothing but the standard library loads first.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time


def main() -> None:
    command = sys.argv[1:]
    keep = command[:1] == ["--stdout"]
    command = command[1:] if keep else command
    sys.stdout.flush()
    with open(os.devnull, "w") as devnull:
        started = time.perf_counter()
        process = subprocess.Popen(command, stdin=sys.stdin, stdout=None if keep else devnull)
        _pid, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
    report = {"maxrss_kb": usage.ru_maxrss, "seconds": seconds, "returncode": os.waitstatus_to_exitcode(status)}
    print(f"PEAK {json.dumps(report)}", flush=True)
    sys.exit(report["returncode"])


if __name__ == "__main__":
    main()
