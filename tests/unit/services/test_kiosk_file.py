"""The kiosk file's life: every way it can arrive broken is refused in words and never written to.

Real failures where the machine allows them: ``chattr +i`` (read-only even for root), a tiny
``tmpfs`` that fills up for real; each test skips where the tool is not available.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import category_id
from wirausaha_desktop.domain.model import Actor, Profile
from wirausaha_desktop.domain.problems import Refused
from wirausaha_desktop.services.clock import FixedClock
from wirausaha_desktop.services.instance import InstanceLock
from wirausaha_desktop.services.kiosk import Kiosk, check_file
from wirausaha_desktop.storage.database import APPLICATION_ID, UnusableFile
from wirausaha_desktop.storage.migrations import LATEST_VERSION

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file in the folder with its bytes: 'never written to' means this does not change."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def refused_code(path: Path, clock: FixedClock) -> str:
    with pytest.raises(UnusableFile) as refused:
        Kiosk.open(path, clock).close()
    return refused.value.problem.code


def make_kiosk(path: Path, clock: FixedClock) -> Profile:
    kiosk = Kiosk.open(path, clock)
    try:
        profile, _ = kiosk.profiles.create(Actor.operator(), "Sari", "Warung kopi", "1234", "paper")
        actor = Actor.beneficiary(profile.id)
        for amount in range(1000, 200_000, 1000):
            kiosk.book.record_entry(actor, profile.id, category_id(kiosk, "Penjualan"), amount, clock.today())
    finally:
        kiosk.close()
    return profile


def test_a_missing_file_becomes_a_new_kiosk_built_whole_under_a_temporary_name(
    tmp_path: Path, clock: FixedClock
) -> None:
    path = tmp_path / "kiosk.sqlite"
    Kiosk.open(path, clock).close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kiosk.sqlite"]  # no .new, no -wal left over
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert conn.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
    conn.close()
    assert check_file(path) is None


def _foreign(path: Path, wal: bool) -> None:
    conn = sqlite3.connect(path)
    if wal:
        conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE notes (x)")
    conn.execute("INSERT INTO notes VALUES ('belanja')")
    conn.commit()
    conn.close()


def _newer(path: Path) -> None:
    shutil.copy(FIXTURES / f"kiosk-v{LATEST_VERSION}.sqlite", path)
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    conn.close()


def _garbage_page(path: Path) -> None:
    shutil.copy(FIXTURES / f"kiosk-v{LATEST_VERSION}.sqlite", path)
    data = bytearray(path.read_bytes())
    page = 4096
    middle = (len(data) // page // 2) * page
    data[middle : middle + page] = os.urandom(page)
    path.write_bytes(bytes(data))


def _truncated(path: Path) -> None:
    shutil.copy(FIXTURES / f"kiosk-v{LATEST_VERSION}.sqlite", path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


@pytest.mark.parametrize(
    ("make", "code"),
    [
        (lambda p: p.write_bytes(b""), "kiosk_empty"),
        (lambda p: p.write_text("ini daftar belanja, bukan kios\n" * 50), "kiosk_not_sqlite"),
        (lambda p: _foreign(p, wal=False), "kiosk_foreign"),
        (lambda p: _foreign(p, wal=True), "kiosk_foreign"),
        (_newer, "kiosk_newer"),
        (_garbage_page, "kiosk_damaged"),
        (_truncated, "kiosk_damaged"),
        (lambda p: p.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200), "kiosk_damaged"),
    ],
    ids=["empty", "text", "foreign", "foreign-wal", "newer", "garbage-page", "truncated", "header-only"],
)
def test_a_file_that_is_not_a_usable_kiosk_is_refused_and_left_byte_for_byte(
    tmp_path: Path, clock: FixedClock, make: object, code: str
) -> None:
    path = tmp_path / "kiosk.sqlite"
    make(path)  # type: ignore[operator]
    before = snapshot(tmp_path)
    assert refused_code(path, clock) == code
    assert check_file(path) is not None
    assert snapshot(tmp_path) == before  # not even a journal-mode switch, no -wal or -shm made


def test_check_reads_an_old_file_without_migrating_it(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    shutil.copy(FIXTURES / "kiosk-v1.sqlite", path)
    before = snapshot(tmp_path)
    assert check_file(path) is None
    assert snapshot(tmp_path) == before


def test_a_second_app_on_the_same_file_is_refused_and_a_crashed_one_leaves_no_stale_lock(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.sqlite"
    first = InstanceLock.acquire(path)
    with pytest.raises(Refused) as refused:
        InstanceLock.acquire(path)
    assert refused.value.problem.code == "app_already_open"
    first.release()
    InstanceLock.acquire(path).release()
    # A process that dies holding the lock (SIGKILL) releases it with its life.
    holder = subprocess.Popen(
        [
            "python3",
            "-c",
            "import fcntl, sys, time; f = open(sys.argv[1], 'a'); fcntl.flock(f, fcntl.LOCK_EX);"
            " print('held', flush=True); time.sleep(60)",
            str(path) + ".lock",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        with pytest.raises(Refused):
            InstanceLock.acquire(path)
        holder.kill()
        holder.wait()
        InstanceLock.acquire(path).release()
    finally:
        holder.kill()
        holder.wait()
        if holder.stdout:
            holder.stdout.close()


# -- read-only and full disks, for real ------------------------------------------------------------


@contextlib.contextmanager
def immutable(*paths: Path) -> Iterator[None]:
    """``chattr +i``: not writable even for root (tests run as root, where chmod stops nothing)."""
    done: list[Path] = []
    try:
        for path in paths:
            if subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode != 0:
                pytest.skip("chattr +i is not available here")
            done.append(path)
        yield
    finally:
        for path in done:
            subprocess.run(["chattr", "-i", str(path)], capture_output=True)


def test_a_read_only_file_opens_to_look_at_and_every_write_is_refused_in_words(
    tmp_path: Path, clock: FixedClock
) -> None:
    path = tmp_path / "kiosk.sqlite"
    sari = make_kiosk(path, clock)
    actor = Actor.beneficiary(sari.id)
    before = snapshot(tmp_path)
    with immutable(path):
        kiosk = Kiosk.open(path, clock)
        try:
            assert kiosk.read_only
            assert kiosk.book.balances(actor, sari.id).business > 0
            with pytest.raises(Refused) as refused:
                kiosk.book.record_entry(actor, sari.id, category_id(kiosk, "Penjualan"), 5_000, clock.today())
            assert refused.value.problem.code == "kiosk_read_only"
        finally:
            kiosk.close()
        assert snapshot(tmp_path) == before


def test_wrong_pins_on_a_read_only_file_still_lock_the_profile(tmp_path: Path, clock: FixedClock) -> None:
    """The bypass: 60 wrong PINs were not counted and the right one then opened the book."""
    path = tmp_path / "kiosk.sqlite"
    sari = make_kiosk(path, clock)
    with immutable(path):
        kiosk = Kiosk.open(path, clock)
        try:
            first = kiosk.profiles.unlock(sari.id, "9999")
            assert isinstance(first, type(first)) and getattr(first, "code", "") == "pin_locked_unsaved"
            for _ in range(60):
                assert getattr(kiosk.profiles.unlock(sari.id, "0000"), "code", "") == "pin_locked_unsaved"
            assert getattr(kiosk.profiles.unlock(sari.id, "1234"), "code", "") == "pin_locked_unsaved"
            lock = kiosk.profiles.lock_of(sari.id)
            assert lock is not None and lock.reason is not None
        finally:
            kiosk.close()


def test_a_read_only_folder_opens_the_file_to_look_at(tmp_path: Path, clock: FixedClock) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    path = folder / "kiosk.sqlite"
    sari = make_kiosk(path, clock)
    with immutable(folder):
        kiosk = Kiosk.open(path, clock)
        try:
            assert kiosk.read_only
            assert kiosk.profiles.list()[0].name == "Sari"
            assert isinstance(kiosk.profiles.unlock(sari.id, "1234"), Actor)
        finally:
            kiosk.close()
        with pytest.raises(UnusableFile) as refused:
            Kiosk.open(folder / "baru.sqlite", clock)
        assert refused.value.problem.code == "kiosk_folder_read_only"


@contextlib.contextmanager
def small_disk(where: Path, size: str = "1m") -> Iterator[Path]:
    where.mkdir()
    if subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)], capture_output=True
    ).returncode:
        pytest.skip("cannot mount a small tmpfs here")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], capture_output=True)


def _fill(folder: Path) -> None:
    handle = os.open(folder / "filler", os.O_WRONLY | os.O_CREAT)
    try:
        with contextlib.suppress(OSError):
            while True:
                os.write(handle, b"\0" * 4096)
    finally:
        os.close(handle)


def test_a_full_disk_refuses_in_words_and_the_book_stays_whole(tmp_path: Path, clock: FixedClock) -> None:
    with small_disk(tmp_path / "disk", "8m") as disk:
        path = disk / "kiosk.sqlite"
        sari = make_kiosk(path, clock)
        actor = Actor.beneficiary(sari.id)
        kiosk = Kiosk.open(path, clock)
        try:
            before = kiosk.book.balances(actor, sari.id)
            _fill(disk)
            rows = "\n".join(f"{uuid.uuid4()},2024-07-01,usaha,masuk,Penjualan,1000,{'x' * 150}" for _ in range(3000))
            with pytest.raises(Refused) as refused:
                kiosk.exchange.import_csv(
                    Actor.operator(), sari.id, "id,tanggal,buku,jenis,kategori,jumlah,catatan\n" + rows
                )
            assert refused.value.problem.code == "disk_full"
            (disk / "filler").unlink()
            assert kiosk.book.balances(actor, sari.id) == before
            assert kiosk.integrity_problems() == []
            kiosk.book.record_entry(actor, sari.id, category_id(kiosk, "Penjualan"), 1_000, clock.today())
        finally:
            kiosk.close()
