"""The page check after the first paint (issue 11 §7): the app's start opens a recognised kiosk file
without SQLite's ``quick_check`` of every page, which then runs once, on a worker thread, or inside
the first write; a damaged file refuses that write with the usual words, and nothing is written."""

from __future__ import annotations

import os
import shutil
import sqlite3
import threading
from pathlib import Path

import pytest

from tests.helpers import category_id
from wirausaha_desktop.domain.model import Actor
from wirausaha_desktop.domain.problems import Refused
from wirausaha_desktop.services.clock import FixedClock
from wirausaha_desktop.services.kiosk import Kiosk
from wirausaha_desktop.storage import database
from wirausaha_desktop.storage.database import UnusableFile
from wirausaha_desktop.storage.migrations import LATEST_VERSION

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
PAGE = 4096


def busy_kiosk(path: Path, clock: FixedClock, entries: int = 400) -> None:
    kiosk = Kiosk.open(path, clock)
    try:
        profile, _ = kiosk.profiles.create(Actor.operator(), "Sari", "Warung kopi", "1234", "paper")
        sales = category_id(kiosk, "Penjualan")
        for amount in range(1, entries + 1):
            kiosk.book.record_entry(Actor.beneficiary(profile.id), profile.id, sales, amount * 500, clock.today())
    finally:
        kiosk.close()  # the last connection moves the WAL into the file


def garbage_at_the_end(path: Path) -> bytes:
    """Random bytes over the file's last pages (entries and their indexes, written last): the header,
    the schema and the profiles are intact, so only the page check can tell."""
    data = bytearray(path.read_bytes())
    assert not Path(f"{path}-wal").exists()
    data[-3 * PAGE :] = os.urandom(3 * PAGE)
    path.write_bytes(bytes(data))
    return bytes(data)


def test_a_damaged_page_is_found_after_opening_and_refuses_the_first_write(tmp_path: Path, clock: FixedClock) -> None:
    path = tmp_path / "kiosk.sqlite"
    busy_kiosk(path, clock)
    damaged = garbage_at_the_end(path)
    with pytest.raises(UnusableFile) as at_open:
        Kiosk.open(path, clock).close()  # checked at opening: refused, as before
    assert at_open.value.problem.code == "kiosk_damaged"

    kiosk = Kiosk.open(path, clock, check_pages=False)
    try:
        assert kiosk.pages_pending
        assert [p.name for p in kiosk.profiles.list()] == ["Sari"]  # the picker's rows are readable
        with pytest.raises(Refused) as write:
            kiosk.settings.set_language("en")
        assert write.value.problem.code == "kiosk_damaged"
        assert not kiosk.pages_pending
        assert kiosk.check_pages() is not None  # the same verdict, not a second check
        with pytest.raises(Refused):
            kiosk.settings.set_language("en")  # and every later write too
    finally:
        kiosk.close()
    assert path.read_bytes() == damaged


def test_a_whole_file_passes_the_check_once_whoever_runs_it(tmp_path: Path, clock: FixedClock) -> None:
    path = tmp_path / "kiosk.sqlite"
    busy_kiosk(path, clock, entries=50)
    kiosk = Kiosk.open(path, clock, check_pages=False)
    try:
        assert kiosk.pages_pending
        verdicts: list[object] = []
        worker = threading.Thread(target=lambda: verdicts.append(kiosk.check_pages()))
        worker.start()
        kiosk.settings.set_language("en")  # waits for the worker's check, or runs it itself
        worker.join()
        assert verdicts == [None]
        assert not kiosk.pages_pending
        assert kiosk.settings.get("language") == "en"
    finally:
        kiosk.close()


def test_opening_with_the_check_keeps_nothing_pending(tmp_path: Path, clock: FixedClock) -> None:
    path = tmp_path / "kiosk.sqlite"
    busy_kiosk(path, clock, entries=5)
    kiosk = Kiosk.open(path, clock)
    try:
        assert not kiosk.pages_pending
        assert kiosk.check_pages() is None
    finally:
        kiosk.close()


def test_a_file_that_needs_an_upgrade_is_checked_before_it_is_changed(tmp_path: Path, clock: FixedClock) -> None:
    path = tmp_path / "kiosk.sqlite"
    shutil.copy(FIXTURES / f"kiosk-v{LATEST_VERSION - 1}.sqlite", path)
    damaged = garbage_at_the_end(path)
    with pytest.raises(UnusableFile) as refused:
        Kiosk.open(path, clock, check_pages=False).close()
    assert refused.value.problem.code == "kiosk_damaged"
    assert path.read_bytes() == damaged
    assert not (tmp_path / "backups").exists()  # no safety copy, no upgrade


def test_the_report_says_when_the_pages_were_left_out(tmp_path: Path, clock: FixedClock) -> None:
    path = tmp_path / "kiosk.sqlite"
    busy_kiosk(path, clock, entries=5)
    assert database.inspect_file(path).pages_checked
    left_out = database.inspect_file(path, pages=False)
    assert left_out.problem is None and not left_out.pages_checked
    assert database.inspect_file(path, thorough=True, pages=False).pages_checked  # thorough always reads them


def test_a_writable_kiosk_is_never_checked_as_an_immutable_file(
    tmp_path: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SQLite on ``immutable``: if the file does change, "SQLite might return incorrect query results
    and/or SQLITE_CORRUPT errors". The CLI writes beside the app and a restore folds the WAL back,
    so the worker reads a writable kiosk as a plain read-only reader, which sees those changes."""
    path = tmp_path / "kiosk.sqlite"
    busy_kiosk(path, clock, entries=5)
    kiosk = Kiosk.open(path, clock, check_pages=False)  # its -wal is empty: immutable would be chosen
    opened: list[str] = []
    connect = sqlite3.connect

    def watched(database: str, *args: object, **kwargs: object) -> sqlite3.Connection:
        opened.append(database)
        return connect(database, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(sqlite3, "connect", watched)
    try:
        assert database.page_verdict(path) == (None, True)
        assert database.page_verdict(path, read_only=True) == (None, True)
    finally:
        monkeypatch.undo()
        kiosk.close()
    assert "immutable" not in opened[0] and opened[0].endswith("mode=ro")
    assert opened[1].endswith("immutable=1")  # a read-only kiosk nobody can write


def test_a_busy_check_is_no_verdict_and_the_next_write_asks_again(
    tmp_path: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "kiosk.sqlite"
    busy_kiosk(path, clock, entries=5)
    answers = iter([(None, False), (None, True)])
    calls: list[Path] = []

    def verdict(checked: Path, read_only: bool = False) -> tuple[object, bool]:
        calls.append(checked)
        return next(answers)

    monkeypatch.setattr(database, "page_verdict", verdict)
    kiosk = Kiosk.open(path, clock, check_pages=False)
    try:
        assert kiosk.check_pages() is None and kiosk.pages_pending  # busy: not passed for good
        kiosk.settings.set_language("en")  # so the write asks again, and passes
        assert not kiosk.pages_pending and len(calls) == 2
        kiosk.settings.set_language("id")
        assert len(calls) == 2  # once passed, never again
    finally:
        kiosk.close()


def test_a_file_not_in_wal_mode_is_checked_before_the_switch_writes_its_header(
    tmp_path: Path, clock: FixedClock
) -> None:
    path = tmp_path / "kiosk.sqlite"
    busy_kiosk(path, clock)
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    damaged = garbage_at_the_end(path)
    with pytest.raises(UnusableFile) as refused:
        Kiosk.open(path, clock, check_pages=False).close()
    assert refused.value.problem.code == "kiosk_damaged"
    assert path.read_bytes() == damaged
