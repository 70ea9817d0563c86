from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from pathlib import Path

import pytest

from tests.helpers import category_id
from wirausaha_desktop.domain.model import Actor, Balances, Profile
from wirausaha_desktop.domain.problems import Refused
from wirausaha_desktop.services import backup as backup_module
from wirausaha_desktop.services.backup import HOURLY, KEEP, BackupFailed
from wirausaha_desktop.services.clock import FixedClock
from wirausaha_desktop.services.kiosk import Kiosk
from wirausaha_desktop.services.restore import check_copy, operator_pin_matches, restore_file
from wirausaha_desktop.storage.database import UnusableFile


def _sell(kiosk: Kiosk, sari: Profile, amount: int, clock: FixedClock) -> None:
    kiosk.book.record_entry(Actor.beneficiary(sari.id), sari.id, category_id(kiosk, "Penjualan"), amount, clock.today())


def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []


def test_every_hour_refreshes_todays_verified_copy_so_a_kiosk_left_open_loses_at_most_an_hour(
    kiosk: Kiosk, kiosk_path: Path, sari: Profile, sari_actor: Actor, clock: FixedClock
) -> None:
    first = kiosk.backups.run_due()
    assert [p.parent.name for p in first.written] == ["daily", "weekly", "monthly"]
    _sell(kiosk, sari, 15_000, clock)
    clock.advance(dt.timedelta(minutes=20))
    assert kiosk.backups.run_due(HOURLY).skipped  # Selesai twice in an hour: one copy is enough
    clock.advance(dt.timedelta(minutes=41))
    again = kiosk.backups.run_due(HOURLY)
    assert again.written == first.written  # today's copies, refreshed in place
    copy = Kiosk.open(again.written[0], clock)
    try:
        assert copy.book.balances(sari_actor, sari.id) == Balances(15_000, 0)
        assert copy.integrity_problems() == []
    finally:
        copy.close()


def test_copies_rotate_7_daily_8_weekly_12_monthly(kiosk: Kiosk, kiosk_path: Path, clock: FixedClock) -> None:
    for _ in range(400):
        kiosk.backups.run_due()
        clock.advance(dt.timedelta(days=1))
    backups = kiosk_path.parent / "backups"
    for kind, keep in KEEP.items():
        assert len(_names(backups / kind)) == keep, kind
    assert _names(backups / "daily")[-1] == f"kiosk-{(clock.today() - dt.timedelta(days=1)).isoformat()}.sqlite"
    for file in (backups / "monthly").iterdir():
        with sqlite3.connect(file) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        conn.close()


def test_clean_up_touches_only_this_files_own_copies(kiosk: Kiosk, kiosk_path: Path, clock: FixedClock) -> None:
    """The glob ``kiosk-*`` used to match the copies of ``kiosk-lama.sqlite`` in the same folder."""
    daily = kiosk_path.parent / "backups" / "daily"
    daily.mkdir(parents=True)
    others = [daily / f"kiosk-lama-2020-01-{day:02d}.sqlite" for day in range(1, 21)]
    for other in others:
        other.write_bytes(b"another kiosk's copy")
    (daily / "catatan-saya.txt").write_text("jangan dihapus")
    for _ in range(10):
        kiosk.backups.run_due()
        clock.advance(dt.timedelta(days=1))
    assert all(other.exists() for other in others)
    assert (daily / "catatan-saya.txt").exists()
    assert len([n for n in _names(daily) if n.startswith("kiosk-2")]) == KEEP["daily"]


def test_a_failed_backup_leaves_no_partial_file_and_says_why(
    kiosk: Kiosk, kiosk_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_check(conn: sqlite3.Connection, pragma: str) -> list[str]:
        return ["*** in database main ***"] if pragma == "integrity_check" else []

    from wirausaha_desktop.storage import database

    monkeypatch.setattr(database, "_check_rows", broken_check)
    with pytest.raises(BackupFailed) as failed:
        kiosk.backups.run_due()
    assert failed.value.problem.code == "backup_failed"
    assert kiosk.backups.last_failure is failed.value
    leftovers = [p for p in (kiosk_path.parent / "backups").rglob("*") if p.is_file()]
    assert leftovers == []


def test_a_partial_copy_left_by_a_power_cut_is_removed_by_the_next_backup(kiosk: Kiosk, kiosk_path: Path) -> None:
    daily = kiosk_path.parent / "backups" / "daily"
    daily.mkdir(parents=True)
    (daily / "kiosk-2024-07-26.sqlite.partial").write_bytes(b"half")
    (daily / "kiosk-lama-2024-07-26.sqlite.partial").write_bytes(b"not ours")
    safety = kiosk_path.parent / "backups" / "safety"
    safety.mkdir()
    (safety / "kiosk-20240726-101010-sebelum-pulih.sqlite-wal.partial").write_bytes(b"half")
    kiosk.backups.run_due()
    assert not (daily / "kiosk-2024-07-26.sqlite.partial").exists()
    assert list(safety.iterdir()) == []
    assert (daily / "kiosk-lama-2024-07-26.sqlite.partial").exists()


def test_restore_keeps_the_current_file_aside_puts_the_copy_back_and_drops_the_old_wal(
    tmp_path: Path, kiosk_path: Path, clock: FixedClock
) -> None:
    kiosk = Kiosk.open(kiosk_path, clock)
    kiosk.profiles.create_operator("2468")
    sari, _ = kiosk.profiles.create(Actor.operator(), "Sari", "Warung kopi", "1234", "paper")
    _sell(kiosk, sari, 10_000, clock)
    copy = kiosk.backups.run_due().written[0]
    _sell(kiosk, sari, 99_000, clock)  # after the copy: lives in the -wal while the app runs
    # The app is killed here: its -wal stays beside the file (a hand copy over it damaged the file).
    crashed = tmp_path / "crashed" / "kiosk.sqlite"
    crashed.parent.mkdir()
    for side in ("", "-wal", "-shm"):
        shutil.copyfile(f"{kiosk_path}{side}", f"{crashed}{side}")
    kiosk.close()
    current = {p.name: p.read_bytes() for p in crashed.parent.iterdir()}
    assert len(current["kiosk.sqlite-wal"]) > 0

    assert check_copy(copy) == (1, 1)
    assert operator_pin_matches(copy, "2468") is True
    assert operator_pin_matches(copy, "1111") is False
    result = restore_file(crashed, copy, clock)
    assert (result.entries, result.profiles) == (1, 1)
    kept = {p.name.split("-sebelum-pulih")[1]: p.read_bytes() for p in result.kept_aside}
    assert kept[".sqlite"] == current["kiosk.sqlite"]
    assert kept[".sqlite-wal"] == current["kiosk.sqlite-wal"]
    assert not crashed.with_name("kiosk.sqlite-wal").exists()
    restored = Kiosk.open(crashed, clock)
    try:
        assert restored.book.balances(Actor.beneficiary(sari.id), sari.id) == Balances(10_000, 0)
        assert restored.integrity_problems() == []
    finally:
        restored.close()
    assert [p.name for p in crashed.parent.iterdir() if ".restoring" in p.name] == []
    aside = Kiosk.open(result.kept_aside[0], clock)  # the file kept aside still holds both sales
    try:
        assert aside.book.balances(Actor.beneficiary(sari.id), sari.id) == Balances(109_000, 0)
    finally:
        aside.close()


def test_a_damaged_file_is_restored_from_the_newest_good_copy_and_kept_aside_as_it_was(
    kiosk_path: Path, clock: FixedClock
) -> None:
    kiosk = Kiosk.open(kiosk_path, clock)
    sari, _ = kiosk.profiles.create(Actor.operator(), "Sari", "Warung kopi", "1234", "paper")
    for amount in range(1_000, 300_000, 1_000):
        _sell(kiosk, sari, amount, clock)
    kiosk.backups.run_due()
    kiosk.close()
    data = bytearray(kiosk_path.read_bytes())
    data[len(data) // 2 : len(data) // 2 + 4096] = b"\xff" * 4096
    kiosk_path.write_bytes(bytes(data))
    with pytest.raises(UnusableFile):
        Kiosk.open(kiosk_path, clock)
    copies = backup_module.BackupService(kiosk_path, clock).copies()
    assert copies[0].verified and copies[0].entries == 299
    result = restore_file(kiosk_path, copies[0].path, clock)
    assert result.kept_aside[0].read_bytes() == bytes(data)
    Kiosk.open(kiosk_path, clock).close()


def test_a_damaged_or_foreign_copy_is_refused_and_nothing_changes(kiosk_path: Path, clock: FixedClock) -> None:
    Kiosk.open(kiosk_path, clock).close()
    before = kiosk_path.read_bytes()
    bad = kiosk_path.with_name("bad.sqlite")
    bad.write_text("bukan cadangan")
    with pytest.raises(Refused) as refused:
        restore_file(kiosk_path, bad, clock)
    assert refused.value.problem.code == "backup_unusable"
    with pytest.raises(Refused):
        restore_file(kiosk_path, kiosk_path, clock)
    assert kiosk_path.read_bytes() == before
    assert not (kiosk_path.parent / "backups").exists()


def test_an_older_copy_is_restored_and_upgraded_after_its_own_safety_copy(tmp_path: Path, clock: FixedClock) -> None:
    kiosk_path = tmp_path / "kiosk.sqlite"
    old = tmp_path / "from-usb.sqlite"
    shutil.copy(Path(__file__).resolve().parents[2] / "fixtures" / "kiosk-v1.sqlite", old)
    assert operator_pin_matches(old, "2468") is None  # version 1 had no operator
    result = restore_file(kiosk_path, old, clock)  # the PC died: no kiosk file yet
    assert result.kept_aside == ()
    kiosk = Kiosk.open(kiosk_path, clock)
    try:
        assert kiosk.profiles.list()[0].name == "Sari"
    finally:
        kiosk.close()
    assert len(list((tmp_path / "backups" / "safety").glob("kiosk-*-sebelum-v*.sqlite"))) == 1


def test_backup_to_a_chosen_file_is_verified(kiosk: Kiosk, sari: Profile, tmp_path: Path, clock: FixedClock) -> None:
    _sell(kiosk, sari, 5_000, clock)
    target = kiosk.backups.backup_to(tmp_path / "usb" / "cadangan.sqlite")
    assert check_copy(target) == (1, 1)
