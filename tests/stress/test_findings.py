"""What the kill test found around restore, each reduced to one deterministic case.

A crash is a real SIGKILL of a child process at the exact moment named (the child patches the one
call at that moment to kill itself), so that the files left are those a power cut or a killed app
would leave.

1. A kiosk killed with entries still in its ``-wal`` is restored (the CLI restores without opening
   the file first): the file kept aside in ``backups/safety`` has its ``-wal`` beside it. The
   restore page lists that copy with those entries; restoring it must bring them back.
2. A crash while the file is being kept aside must not leave a half copy that ``copies()`` lists.
3. A crash after the old ``-wal`` is removed but before the rename must leave the old file whole.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from wirausaha_desktop.services.backup import BackupService
from wirausaha_desktop.services.clock import SystemClock
from wirausaha_desktop.services.kiosk import Kiosk
from wirausaha_desktop.services.restore import restore_file
from wirausaha_desktop.storage.database import wal_of

from .harness import ROOT, make_kiosk

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")

CRASH_WITH_ENTRIES_IN_WAL = """
import datetime as dt, os, signal, sys
from wirausaha_desktop.domain.model import Actor
from wirausaha_desktop.services.kiosk import Kiosk
kiosk, profile_id = Kiosk.open(sys.argv[1]), sys.argv[2]
category = kiosk.book.categories()[0]
for _ in range(int(sys.argv[3])):
    kiosk.book.record_entry(Actor.beneficiary(profile_id), profile_id, category.id, 1000, dt.date.today())
os.kill(os.getpid(), signal.SIGKILL)
"""

RESTORE_KILLED_AT = """
import os, shutil, signal, sys
from pathlib import Path
from wirausaha_desktop.services.clock import SystemClock
from wirausaha_desktop.services.restore import restore_file
kiosk, source, moment = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
def die():
    os.kill(os.getpid(), signal.SIGKILL)
if moment == "keeping-aside":  # half of the first file copied into backups/safety
    def copyfile(src, dst, *args, **kwargs):
        data = Path(src).read_bytes()
        Path(dst).write_bytes(data[: len(data) // 2])
        die()
    shutil.copyfile = copyfile
if moment == "before-rename":  # the copy staged and checked, the old -wal removed, not yet renamed
    replace = os.replace
    def guarded(src, dst):
        if Path(dst) == kiosk:
            die()
        return replace(src, dst)
    os.replace = guarded
restore_file(kiosk, source, SystemClock())
"""


def _child(script: str, *args: object) -> None:
    done = subprocess.run(
        [sys.executable, "-c", script, *map(str, args)], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert done.returncode == -signal.SIGKILL, done.stderr


def _crashed_kiosk(tmp_path: Path, entries: int) -> tuple[Path, Path]:
    """A kiosk with a daily copy (no entries), then killed with ``entries`` entries in its -wal."""
    kiosk_file = tmp_path / "kiosk.sqlite"
    profile_id = make_kiosk(kiosk_file)
    kiosk = Kiosk.open(kiosk_file)
    try:
        daily = kiosk.backups.run_due().written[0]
    finally:
        kiosk.close()
    _child(CRASH_WITH_ENTRIES_IN_WAL, kiosk_file, profile_id, entries)
    assert wal_of(kiosk_file).stat().st_size > 0
    return kiosk_file, daily


def _entries(kiosk_file: Path) -> int:
    kiosk = Kiosk.open(kiosk_file)
    try:
        assert kiosk.integrity_problems() == []
        return int(kiosk.conn.execute("SELECT count(*) FROM entries").fetchone()[0])
    finally:
        kiosk.close()


def test_restoring_a_kept_aside_copy_brings_back_what_its_wal_held(tmp_path: Path) -> None:
    kiosk_file, daily = _crashed_kiosk(tmp_path, entries=5)
    first = restore_file(kiosk_file, daily, SystemClock())  # `wirausaha restore`: the file is not opened first
    kept = first.kept_aside[0]
    assert wal_of(kept) in first.kept_aside
    listed = next(c for c in BackupService(kiosk_file, SystemClock()).copies() if c.path == kept)
    assert (listed.entries, listed.verified) == (5, True)  # what the restore page shows

    second = restore_file(kiosk_file, kept, SystemClock())  # "put the file back as it was"

    assert second.entries == 5
    assert _entries(kiosk_file) == 5


def test_a_crash_while_keeping_the_file_aside_leaves_no_half_copy_listed(tmp_path: Path) -> None:
    kiosk_file, daily = _crashed_kiosk(tmp_path, entries=5)

    _child(RESTORE_KILLED_AT, kiosk_file, daily, "keeping-aside")

    copies = BackupService(kiosk_file, SystemClock()).copies()
    assert [c.path.name for c in copies if not c.verified] == []
    assert _entries(kiosk_file) == 5  # the restore never happened: the old file, whole


def test_a_crash_between_removing_the_old_wal_and_the_rename_leaves_the_old_file_whole(tmp_path: Path) -> None:
    kiosk_file, daily = _crashed_kiosk(tmp_path, entries=5)

    _child(RESTORE_KILLED_AT, kiosk_file, daily, "before-rename")

    assert _entries(kiosk_file) == 5
