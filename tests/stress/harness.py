"""The kill test's parent: start the worker on one kiosk file, SIGKILL it at a random moment,
check the file, start it again; until enough kills or the deadline.

After every kill:

- the instance lock is free again (the dead worker's lock went with it);
- ``Kiosk.open`` succeeds and ``integrity_problems`` is empty (on a byte copy of the file with its
  ``-wal`` and ``-shm``: the next worker meets the file exactly as the kill left it);
- every acknowledged save, move and import id is in the file, every acknowledged void is still
  cancelled; an acknowledged restore resets what is expected to what its copy held (read by the
  worker from the copy before it restored), and a restore cut by the kill counts as done exactly
  when the kiosk file is no longer the inode it was (the rename happened);
- no half move: every ``move_id`` has two entries, one out and one in, in the two ledgers the kind
  says, with the same amount and the same cancelled state;
- every copy ``backups.copies()`` lists is verified, and none is a ``.partial`` / ``.restoring`` /
  ``.new`` leftover (such leftovers are counted).

``run`` returns a ``Report``; the tests in ``test_kill.py`` call it with the counts they want.
"""

from __future__ import annotations

import json
import os
import random
import select
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wirausaha_desktop.domain.model import Actor, Ledger, MoveKind
from wirausaha_desktop.services.backup import BackupService
from wirausaha_desktop.services.clock import SystemClock
from wirausaha_desktop.services.instance import InstanceLock
from wirausaha_desktop.services.kiosk import Kiosk
from wirausaha_desktop.storage.database import integrity_problems

from .worker import ACTIONS, side_file

ROOT = Path(__file__).resolve().parents[2]
ACKED = ("save", "move", "import", "void", "backup", "restore-none", "restored")
EARLY_SHARE = 0.12
"""Kills aimed at start-up (lock, ``Kiosk.open``): a random moment after spawn, not after "ready"."""
DELAY_MS = (20, 400)
RESTORE_DELAY_MS = (20, 2500)
"""A restore (list and verify the copies, keep the file aside, copy, verify, rename) takes a second or
more on a file of some MB: runs focused on restores wait longer, or no restore would ever finish."""
FOCUSES: tuple[str | None, ...] = (*ACTIONS, None)
"""Run after run, the worker focuses on each action in turn (see worker.py); None: all at their usual weights."""
READY_TIMEOUT = 20.0
LEFTOVER_SUFFIXES = (".partial", ".restoring", ".new")
SAFETY_KEPT = 2
"""Safety copies (one per restore) are never removed by the app, and ``copies()`` checks every one
each time it lists them; the parent, between runs, removes all but the newest few, so that a long
run's time goes to kills, not to re-checking old copies."""


class KillTestFailed(AssertionError):
    pass


@dataclass
class Report:
    seed: int
    kills: int = 0
    seconds: float = 0.0
    landed: Counter[str] = field(default_factory=Counter)  # where each kill landed
    acked: Counter[str] = field(default_factory=Counter)  # acknowledged actions, by kind
    checks: int = 0  # verifications (one after each kill)
    ids_checked: int = 0  # acknowledged ids looked up, over all verifications
    moves_checked: int = 0  # move groups checked whole, over all verifications
    restores_applied: int = 0  # acknowledged, plus cut restores whose rename had happened
    restores_cut_done: int = 0
    restores_cut_undone: int = 0
    torn_lines: int = 0
    leftovers: Counter[str] = field(default_factory=Counter)  # leftover files seen after kills (distinct)
    leftover_paths: set[Path] = field(default_factory=set)
    copies_seen: int = 0
    safety_pruned: int = 0
    copies_unchanged: int = 0  # checks where backups/ was exactly as at the last full check
    backups_checked_as: frozenset[tuple[str, int, int, int]] = frozenset()
    seconds_checking: float = 0.0  # of ``seconds``: opening and checking the file after kills
    entries_at_end: int = 0
    file_bytes_at_end: int = 0

    def text(self) -> str:
        def pairs(counter: Counter[str]) -> str:
            return ", ".join(f"{k} {v}" for k, v in counter.most_common()) or "none"

        return "\n".join(
            [
                f"kill test (seed {self.seed}): {self.kills} SIGKILLs in {self.seconds:.1f} s "
                f"({self.seconds_checking:.1f} s of it checking the file after kills)",
                f"  kills landed in: {pairs(self.landed)}",
                f"  acknowledged actions: {sum(self.acked.values())} ({pairs(self.acked)})",
                f"  checks after kills: {self.checks}; acknowledged ids looked up: {self.ids_checked}; "
                f"move pairs checked: {self.moves_checked}",
                f"  restores applied: {self.restores_applied} (cut by a kill after the rename: "
                f"{self.restores_cut_done}; before it: {self.restores_cut_undone})",
                f"  torn ack lines (ignored): {self.torn_lines}; leftovers seen after kills: {pairs(self.leftovers)}",
                f"  copies listed and verified (summed over checks): {self.copies_seen} "
                f"(backups/ unchanged since the last check, not listed again: {self.copies_unchanged} times); "
                f"old safety copies removed between runs: {self.safety_pruned}",
                f"  at the end: {self.entries_at_end} entries, {self.file_bytes_at_end} bytes",
            ]
        )


class Expected:
    """What the file must hold, replayed from the acknowledgements."""

    def __init__(self, kiosk_file: Path, ack_file: Path, report: Report) -> None:
        self.kiosk_file = kiosk_file
        self.ack_file = ack_file
        self.report = report
        self.present: set[str] = set()
        self.voided: set[str] = set()
        self.pending: dict[str, Any] | None = None  # a restore-begin without its restored
        self.offset = 0

    def read_new(self) -> str:
        """Take in the records since the last call; returns where the kill landed."""
        with self.ack_file.open("rb") as handle:
            handle.seek(self.offset)
            data = handle.read()
        self.offset += len(data)
        lines = data.split(b"\n")
        landed, started = "spawn", False
        for number, raw in enumerate(lines):
            if not raw.strip():
                continue
            try:
                record = json.loads(raw)
            except ValueError:
                if number != len(lines) - 1:  # only the last line, which the kill cut, may be torn
                    raise KillTestFailed(f"torn ack line in the middle of a run: {raw[:80]!r}") from None
                self.report.torn_lines += 1
                continue
            kind = record["a"]
            if kind == "start":
                started = True
                landed = "open"
            elif kind == "ready":
                landed = "idle"
            elif kind == "begin":
                landed = record["what"]
            elif kind in ACKED:
                self.report.acked[kind] += 1
                self.take(record)
                landed = "restore (reopen)" if kind == "restored" else "idle"
            elif kind == "restore-begin":
                self.pending = record
                landed = "restore (restore_file)"
            else:
                raise KillTestFailed(f"unknown record {record!r}")
        if self.pending is not None:
            self.resolve_cut_restore()
        return landed if started else "spawn"

    def take(self, record: dict[str, Any]) -> None:
        kind = record["a"]
        if kind in ("save", "move", "import"):
            self.present.update(record["ids"])
        elif kind == "void":
            self.voided.update(record["ids"])
        elif kind == "restored":
            if self.pending is None or self.pending["token"] != record["token"]:
                raise KillTestFailed(f"restored without its restore-begin: {record!r}")
            self.apply_restore(record["token"])

    def resolve_cut_restore(self) -> None:
        """The kill came between restore-begin and restored: the inode says whether the copy is in place."""
        assert self.pending is not None
        info = self.kiosk_file.stat()
        if (info.st_ino, info.st_dev) != (self.pending["ino"], self.pending["dev"]):
            self.report.restores_cut_done += 1
            self.apply_restore(self.pending["token"])
        else:
            self.report.restores_cut_undone += 1
            side_file(self.ack_file, self.pending["token"]).unlink()
            self.pending = None

    def apply_restore(self, token: str) -> None:
        side = side_file(self.ack_file, token)
        held = json.loads(side.read_text(encoding="utf-8"))
        self.present, self.voided = set(held["ids"]), set(held["voided"])
        self.report.restores_applied += 1
        self.pending = None
        side.unlink()


def make_kiosk(kiosk_file: Path) -> str:
    kiosk = Kiosk.open(kiosk_file)
    try:
        profile, _ = kiosk.profiles.create(Actor.operator(), "Sari", "Warung kopi", "1234", "paper")
    finally:
        kiosk.close()
    return profile.id


def verify(kiosk_file: Path, expected: Expected, report: Report) -> None:
    """Check the file as the kill left it. The book is checked on a byte copy of the file with its
    ``-wal`` and ``-shm``: opening the file itself would fold a hot ``-wal`` into it, and the next
    worker must find the file exactly as a crash leaves it (a restore at start meets that ``-wal``)."""
    lock = InstanceLock.acquire(kiosk_file)  # Refused if the dead worker's lock had stayed
    scratch = kiosk_file.parent / "after-kill"
    try:
        scratch.mkdir()
        image = scratch / kiosk_file.name
        for side in ("", "-wal", "-shm"):
            with suppress(FileNotFoundError):
                shutil.copyfile(kiosk_file.with_name(kiosk_file.name + side), image.with_name(image.name + side))
        try:
            kiosk = Kiosk.open(image)
        except Exception as error:
            raise KillTestFailed(f"Kiosk.open failed after a kill: {error!r}") from error
        try:
            _check_book(kiosk, expected, report)
        finally:
            kiosk.close()
        _check_copies(BackupService(kiosk_file, SystemClock()), report)
    finally:
        lock.release()
        shutil.rmtree(scratch, ignore_errors=True)
    for path in kiosk_file.parent.rglob(f"{kiosk_file.stem}*"):
        suffix = next((s for s in LEFTOVER_SUFFIXES if s in path.name), None)
        if suffix is not None and path not in report.leftover_paths:
            report.leftover_paths.add(path)
            report.leftovers[suffix] += 1
    report.checks += 1
    report.safety_pruned += prune_safety(kiosk_file.parent / "backups" / "safety")


def prune_safety(folder: Path) -> int:
    """Remove all but the newest ``SAFETY_KEPT`` safety copies (with their -wal and -shm)."""
    if not folder.is_dir():
        return 0
    mains = sorted(folder.glob("*.sqlite"), key=lambda path: path.stat().st_mtime_ns)
    old = mains[:-SAFETY_KEPT]
    for main in old:
        for side in (main, main.with_name(main.name + "-wal"), main.with_name(main.name + "-shm")):
            side.unlink(missing_ok=True)
    return len(old)


def _check_book(kiosk: Kiosk, expected: Expected, report: Report) -> None:
    problems = integrity_problems(kiosk.conn)
    if problems:
        raise KillTestFailed(f"integrity_check after a kill: {problems[:5]}")
    rows = kiosk.conn.execute(
        "SELECT id, voided_at IS NOT NULL, move_id, move_kind, ledger, direction, amount FROM entries"
    ).fetchall()
    ids = {row[0] for row in rows}
    voided = {row[0] for row in rows if row[1]}
    missing = expected.present - ids
    if missing:
        raise KillTestFailed(f"{len(missing)} acknowledged entries lost, e.g. {sorted(missing)[:3]}")
    revived = expected.voided - voided
    if revived:
        raise KillTestFailed(f"{len(revived)} acknowledged voids undone, e.g. {sorted(revived)[:3]}")
    report.ids_checked += len(expected.present) + len(expected.voided)
    moves: dict[str, list[tuple[Any, ...]]] = {}
    for row in rows:
        if row[2] is not None:
            moves.setdefault(row[2], []).append(row)
    for move_id, halves in moves.items():
        _check_move(move_id, halves)
    report.moves_checked += len(moves)


def _check_copies(service: BackupService, report: Report) -> None:
    backups = service.folder()
    assert backups is not None
    seen = _fingerprint(backups)
    if seen == report.backups_checked_as:  # not a byte changed since they were last all found good
        report.copies_unchanged += 1
        return
    copies = service.copies()
    for copy in copies:
        if not copy.verified or any(s in copy.path.name for s in LEFTOVER_SUFFIXES):
            raise KillTestFailed(f"a listed backup copy is not a good copy: {copy}")
    report.copies_seen += len(copies)
    report.backups_checked_as = seen


def _fingerprint(folder: Path) -> frozenset[tuple[str, int, int, int]]:
    """Every file under ``backups/`` by name, inode, size and change time: equal means the same copies."""
    found = set()
    for path in folder.rglob("*"):
        with suppress(FileNotFoundError):
            info = path.stat()
            found.add((str(path), info.st_ino, info.st_size, info.st_mtime_ns))
    return frozenset(found)


def _check_move(move_id: str, halves: list[tuple[Any, ...]]) -> None:
    if len(halves) != 2:
        raise KillTestFailed(f"half move {move_id}: {len(halves)} entries")
    out = next((h for h in halves if h[5] == "out"), None)
    into = next((h for h in halves if h[5] == "in"), None)
    if out is None or into is None:
        raise KillTestFailed(f"move {move_id} is not one out and one in: {halves}")
    kind = MoveKind(out[3])
    if (
        into[3] != out[3]
        or out[4] != kind.source.value
        or into[4] != kind.target.value
        or {out[4], into[4]} != {Ledger.BUSINESS.value, Ledger.PERSONAL.value}
        or out[6] != into[6]
        or out[1] != into[1]
    ):
        raise KillTestFailed(f"move {move_id} halves disagree: {halves}")


def _wait_ready(proc: subprocess.Popen[bytes], deadline: float) -> None:
    assert proc.stdout is not None
    while time.monotonic() < deadline:
        ready, _, _ = select.select([proc.stdout], [], [], 0.05)
        if ready:
            line = proc.stdout.readline()
            if line.strip() == b"ready":
                return
            if not line:  # the worker ended by itself
                return
    raise KillTestFailed("the worker did not get ready in time")


def run(folder: Path, kills: int, seconds: float, seed: int) -> Report:
    """SIGKILL the worker ``kills`` times (stopping at ``seconds``); raises KillTestFailed on a finding."""
    rng = random.Random(seed)
    kiosk_file, ack_file, log = folder / "kiosk.sqlite", folder / "acks.jsonl", folder / "worker-stderr.txt"
    report = Report(seed)
    started = time.monotonic()
    make_kiosk(kiosk_file)
    expected = Expected(kiosk_file, ack_file, report)
    ack_file.touch()
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    while report.kills < kills and time.monotonic() - started < seconds:
        seed_of_run = str(rng.randrange(2**32))
        command = [sys.executable, "-m", "tests.stress.worker", str(kiosk_file), str(ack_file), seed_of_run]
        focus = FOCUSES[report.kills % len(FOCUSES)]
        if focus is not None:
            command.append(focus)
        with (
            log.open("ab") as errors,
            subprocess.Popen(
                command,
                cwd=ROOT,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=errors,
            ) as proc,
        ):
            if rng.random() < EARLY_SHARE:
                time.sleep(rng.uniform(0.0, 0.3))
            else:
                _wait_ready(proc, time.monotonic() + READY_TIMEOUT)
                time.sleep(rng.uniform(*(RESTORE_DELAY_MS if focus == "restore" else DELAY_MS)) / 1000)
            if proc.poll() is None:
                proc.send_signal(signal.SIGKILL)
            if proc.wait() != -signal.SIGKILL:  # it raised: an action failed, or a check inside it
                tail = log.read_text(encoding="utf-8", errors="replace")[-3000:]
                raise KillTestFailed(f"the worker ended by itself (exit {proc.returncode}):\n{tail}")
        report.kills += 1
        checking = time.monotonic()
        report.landed[expected.read_new()] += 1
        verify(kiosk_file, expected, report)
        report.seconds_checking += time.monotonic() - checking
    report.seconds = time.monotonic() - started
    kiosk = Kiosk.open(kiosk_file)
    try:
        report.entries_at_end = int(kiosk.conn.execute("SELECT count(*) FROM entries").fetchone()[0])
    finally:
        kiosk.close()
    report.file_bytes_at_end = kiosk_file.stat().st_size
    return report
