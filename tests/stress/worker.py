"""The kill test's child: random actions on one kiosk file, forever, until the parent SIGKILLs it.

    python -m tests.stress.worker KIOSK ACKFILE SEED [FOCUS]

FOCUS (one of ``ACTIONS``) makes the worker do only that action, so that the parent can aim kills
at the quick actions too (a save takes a few milliseconds, a backup of a large file far longer,
and kills land in proportion to time).

It runs as the app would (the instance lock held, ``SystemClock``) and, after each action has
returned (so is committed), appends one JSON line to ACKFILE and fsyncs it. The parent reads that
file after each kill and checks that the file holds everything acknowledged. Records (``a``):

- ``start`` (the process began, before the lock and ``Kiosk.open``), ``ready`` (the kiosk is open);
- ``begin`` with ``what``: an action started (not synced; used to say where a kill landed);
- ``save``, ``move``, ``import``: the ids of the entries written (a move: its two halves);
- ``void``: the ids cancelled (a move: both halves);
- ``backup``: the copies ``run_due`` wrote;
- ``restore-begin``: a restore is about to replace the file. Before it, the ids the copy holds
  (and which of them are cancelled) are written to a side file ``ACKFILE.<token>.json``, and the
  line names the kiosk file's inode, so that the parent can tell, after a kill mid-restore, whether
  the rename happened; ``restored``: ``restore_file`` returned. Half of the runs focused on
  restores first restore before opening the file (``begin`` ``restore at start``), as
  ``wirausaha restore`` does right after a crash: the file may still have a hot ``-wal``.

A line cut by the kill is never taken as an acknowledgement: the parent reads only whole JSON lines,
and a new worker starts its records on a fresh line.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from wirausaha_desktop.domain.exchange import COLUMNS, LEDGER_NAMES
from wirausaha_desktop.domain.model import MOVE_NAMES, Actor, Category, Direction, MoveKind
from wirausaha_desktop.services.backup import BackupCopy, BackupService
from wirausaha_desktop.services.clock import SystemClock
from wirausaha_desktop.services.instance import InstanceLock
from wirausaha_desktop.services.kiosk import Kiosk
from wirausaha_desktop.services.restore import restore_file
from wirausaha_desktop.storage.database import open_copy

ACTIONS = ("save", "move", "void", "import", "backup", "restore")
WEIGHTS = (30, 20, 10, 22, 12, 6)
COLD_RESTORE_SHARE = 0.5
"""Runs focused on restores that first restore before opening the file, as the CLI does."""
IMPORT_ROWS = (50, 500)
MAX_SECONDS = 300.0
"""A worker whose parent died (or forgot it) stops by itself."""


class AckLog:
    """Append-only records, one JSON object a line; acknowledgements are fsynced before returning."""

    def __init__(self, path: Path) -> None:
        self._fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        size = os.fstat(self._fd).st_size
        if size:
            with path.open("rb") as handle:
                handle.seek(size - 1)
                last = handle.read(1)
            if last != b"\n":  # the previous worker was killed mid-line: that line stays torn, alone
                self._write(b"\n")

    def _write(self, data: bytes) -> None:
        view = memoryview(data)
        while view:
            view = view[os.write(self._fd, view) :]

    def note(self, record: dict[str, Any]) -> None:
        self._write((json.dumps(record, separators=(",", ":")) + "\n").encode())

    def ack(self, record: dict[str, Any]) -> None:
        self.note(record)
        os.fsync(self._fd)


def side_file(ack_file: Path, token: str) -> Path:
    return ack_file.with_name(f"{ack_file.name}.{token}.json")


class Worker:
    def __init__(
        self, kiosk_file: Path, acks: AckLog, ack_file: Path, rng: random.Random, focus: str | None = None
    ) -> None:
        self.weights = [
            weight if focus is None else int(action == focus)  # a focused run does only that
            for action, weight in zip(ACTIONS, WEIGHTS, strict=True)
        ]
        self.file = kiosk_file
        self.acks = acks
        self.ack_file = ack_file
        self.rng = rng
        self.kiosk = Kiosk.open(kiosk_file)
        self.profile_id = str(self.kiosk.conn.execute("SELECT id FROM profiles ORDER BY created_at").fetchone()[0])
        self.actor = Actor.beneficiary(self.profile_id)
        self.categories: list[Category] = self.kiosk.book.categories()

    def day(self) -> dt.date:
        return dt.date.today() - dt.timedelta(days=self.rng.randint(0, 120))

    def amount(self) -> int:
        return self.rng.randint(1, 400) * 500

    def step(self) -> None:
        action = self.rng.choices(ACTIONS, self.weights)[0]
        self.acks.note({"a": "begin", "what": action})
        runs: dict[str, Callable[[], None]] = {
            "save": self.save,
            "move": self.move,
            "void": self.void,
            "import": self.import_csv,
            "backup": self.backup,
            "restore": self.restore,
        }
        runs[action]()

    def save(self) -> None:
        category = self.rng.choice(self.categories)
        changes = self.kiosk.book.record_entry(
            self.actor, self.profile_id, category.id, self.amount(), self.day(), "stress"
        )
        self.acks.ack({"a": "save", "ids": list(changes.added)})

    def move(self) -> None:
        kind = self.rng.choice((MoveKind.OWNER_PAY, MoveKind.TOP_UP))
        changes = self.kiosk.book.move_money(self.actor, self.profile_id, kind, self.amount(), self.day())
        assert len(changes.added) == 2, changes
        self.acks.ack({"a": "move", "ids": list(changes.added)})

    def void(self) -> None:
        row = self.kiosk.conn.execute(
            "SELECT id FROM entries WHERE voided_at IS NULL ORDER BY random() LIMIT 1"
        ).fetchone()
        if row is None:
            self.acks.ack({"a": "void", "ids": []})
            return
        changes = self.kiosk.book.void(self.actor, str(row[0]), "uji matikan paksa")
        self.acks.ack({"a": "void", "ids": list(changes.voided)})

    def csv_text(self, rows: int) -> str:
        lines = [",".join(COLUMNS)]
        moves = ((MoveKind.OWNER_PAY, "usaha"), (MoveKind.TOP_UP, "pribadi"))
        for n in range(rows):
            row_id, day, amount = str(uuid.uuid4()), self.day().isoformat(), str(self.amount())
            if self.rng.random() < 0.15:
                kind, ledger = self.rng.choice(moves)
                lines.append(f"{row_id},{day},{ledger},pindah,{MOVE_NAMES[kind]},{amount},impor {n}")
                continue
            category = self.rng.choice(self.categories)
            word = "masuk" if category.direction is Direction.IN else "keluar"
            name = '"' + category.name.replace('"', '""') + '"'
            lines.append(f"{row_id},{day},{LEDGER_NAMES[category.ledger]},{word},{name},{amount},impor {n}")
        return "\n".join(lines) + "\n"

    def import_csv(self) -> None:
        rows = self.rng.randint(*IMPORT_ROWS)
        actor = self.actor if self.rng.random() < 0.5 else Actor.operator()
        result = self.kiosk.exchange.import_csv(actor, self.profile_id, self.csv_text(rows))
        assert result.added == rows and result.skipped == 0, result
        self.acks.ack({"a": "import", "rows": rows, "ids": list(result.changes.added)})

    def backup(self) -> None:
        result = self.kiosk.backups.run_due()
        self.acks.ack({"a": "backup", "written": [str(p) for p in result.written]})

    def restore(self) -> None:
        """From the newest verified copy: close, ``restore_file``, open again (the GUI's way)."""
        good = [c for c in self.kiosk.backups.copies() if c.verified]
        if not good:
            self.acks.ack({"a": "restore-none"})
            return
        self.kiosk.close()
        restore_newest(self.file, self.ack_file, self.acks, good[0])
        self.kiosk = Kiosk.open(self.file)

    def close(self) -> None:
        self.kiosk.close()


def restore_newest(kiosk_file: Path, ack_file: Path, acks: AckLog, copy: BackupCopy) -> None:
    """``restore_file`` from ``copy``, the ids it holds written first (see the module docstring)."""
    conn = open_copy(copy.path)
    try:
        rows = conn.execute("SELECT id, voided_at IS NOT NULL FROM entries").fetchall()
    finally:
        conn.close()
    token = uuid.uuid4().hex
    side = side_file(ack_file, token)
    staging = side.with_name(side.name + ".tmp")
    with staging.open("w", encoding="utf-8") as handle:
        json.dump({"ids": [r[0] for r in rows], "voided": [r[0] for r in rows if r[1]]}, handle)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(staging, side)
    info = kiosk_file.stat()
    acks.ack(
        {
            "a": "restore-begin",
            "token": token,
            "copy": str(copy.path),
            "kind": copy.kind,
            "ino": info.st_ino,
            "dev": info.st_dev,
        }
    )
    restore_file(kiosk_file, copy.path, SystemClock())
    acks.ack({"a": "restored", "token": token, "entries": len(rows)})


def restore_at_start(kiosk_file: Path, ack_file: Path, acks: AckLog) -> None:
    """``wirausaha restore`` right after a crash: the file is not opened first (its -wal may be hot)."""
    acks.note({"a": "begin", "what": "restore at start"})
    good = [c for c in BackupService(kiosk_file, SystemClock()).copies() if c.verified]
    if not good:
        acks.ack({"a": "restore-none"})
        return
    restore_newest(kiosk_file, ack_file, acks, good[0])


def main(argv: list[str]) -> int:
    kiosk_file, ack_file, seed = Path(argv[0]), Path(argv[1]), int(argv[2])
    focus = argv[3] if len(argv) > 3 else None
    if focus is not None and focus not in ACTIONS:
        raise SystemExit(f"FOCUS must be one of {', '.join(ACTIONS)}")
    acks = AckLog(ack_file)
    acks.note({"a": "start", "seed": seed, "focus": focus, "pid": os.getpid()})
    parent, started = os.getppid(), time.monotonic()
    lock = InstanceLock.acquire(kiosk_file)
    rng = random.Random(seed)
    if focus == "restore" and rng.random() < COLD_RESTORE_SHARE:
        restore_at_start(kiosk_file, ack_file, acks)
    worker = Worker(kiosk_file, acks, ack_file, rng, focus)
    acks.note({"a": "ready"})
    print("ready", flush=True)
    try:
        while os.getppid() == parent and time.monotonic() - started < MAX_SECONDS:
            worker.step()
    finally:
        worker.close()
        lock.release()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
