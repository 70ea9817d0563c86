"""*Hapus buku*: her whole book goes, from the file and from every backup copy of this kiosk; the
others are untouched; one line says that a book was deleted, never whose (DESIGN §8)."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from pathlib import Path

import pytest

from tests.helpers import category_id
from wirausaha_desktop.domain.goals import GoalKind
from wirausaha_desktop.domain.model import Actor, Category, FlowKind, Ledger, MoveKind, Profile, Role
from wirausaha_desktop.domain.problems import Refused
from wirausaha_desktop.domain.standing import Period
from wirausaha_desktop.services.clock import FixedClock
from wirausaha_desktop.services.coaching import GoalDraft
from wirausaha_desktop.services.demo import build_demo_kiosk
from wirausaha_desktop.services.kiosk import Kiosk, check_file
from wirausaha_desktop.storage import deletion as store
from wirausaha_desktop.storage import people
from wirausaha_desktop.storage.database import transaction, wal_of

NAME = "Zubaidah Kuesari"  # appears nowhere in the demo's four stories, so its bytes are hers alone
FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
OPERATOR = Actor.operator()


@pytest.fixture
def demo_clock() -> FixedClock:
    return FixedClock(dt.datetime(2026, 11, 20, 3, 0, tzinfo=dt.UTC))


@pytest.fixture
def demo(tmp_path: Path, demo_clock: FixedClock) -> Kiosk:
    path = tmp_path / "kiosk.sqlite"
    build_demo_kiosk(path, demo_clock)
    opened = Kiosk.open(path, demo_clock)
    yield opened
    opened.close()


def _wati(kiosk: Kiosk) -> Actor:
    return Actor(Role.MENTOR, kiosk.mentors.find("Bu Wati").id)


def _her_book(kiosk: Kiosk, clock: FixedClock) -> Profile:
    """Every kind of row she can have: entries (one cancelled), a move, a closed day, a category of her
    own from a CSV file, her mentor, a session with a goal, looks in her access log."""
    own = Category("7d1b0c4e-8f7e-4f57-9d55-3c1c5e0b9a21", "Kue Zubaidah", Ledger.BUSINESS, FlowKind.SALES, 50)
    with transaction(kiosk.conn):  # as a book file from another kiosk brings the categories her entries name
        people.insert_categories(kiosk.conn, [own])
    her, _ = kiosk.profiles.create(OPERATOR, NAME, "Kue basah", "8642", "screen")
    me, today = Actor.beneficiary(her.id), clock.today()
    kiosk.book.record_entry(me, her.id, category_id(kiosk, "Penjualan"), 85_000, today, "pesanan Zubaidah Kuesari")
    kiosk.book.record_entry(me, her.id, category_id(kiosk, "Bahan baku"), 30_000, today - dt.timedelta(days=1))
    wrong = kiosk.book.record_entry(me, her.id, category_id(kiosk, "Penjualan"), 9_000, today)
    kiosk.book.void(me, wrong.added[0], "Salah jumlah")
    kiosk.book.move_money(me, her.id, MoveKind.OWNER_PAY, 20_000, today)
    kiosk.book.mark_closed_day(me, her.id, today - dt.timedelta(days=2))
    kiosk.book.record_entry(me, her.id, own.id, 50_000, today)
    csv = f"tanggal;buku;jenis;kategori;jumlah;catatan\n{today.isoformat()};usaha;masuk;Penjualan;40.000;arisan\n"
    kiosk.exchange.import_csv(OPERATOR, her.id, csv)
    wati = _wati(kiosk)
    kiosk.mentors.assign(OPERATOR, wati.id or "", her.id)
    kiosk.caseload.rows(wati)  # her lights seen: a line in her access log
    kiosk.coaching.record_session(
        wati, her.id, "Zubaidah Kuesari mau buka lapak", "Semangat, Bu Zubaidah Kuesari!",
        [GoalDraft(GoalKind.RECORD_DAYS, today + dt.timedelta(days=6), target=5)], today + dt.timedelta(days=7),
    )  # fmt: skip
    return her


def _others(kiosk: Kiosk) -> dict[str, object]:
    period = Period.month(2026, 11)
    return {
        p.name: (kiosk.book.summary(OPERATOR, p.id, period), kiosk.coaching.sessions(_wati(kiosk), p.id))
        for p in kiosk.profiles.list()
        if p.name != NAME
    }


def _holding(root: Path, her: Profile) -> list[str]:
    """Every file under ``root`` (the kiosk, its -wal, every copy and side file) with her name or id in its bytes."""
    marks = (NAME.encode(), NAME.casefold().encode(), b"Kue Zubaidah", her.id.encode())
    return sorted(
        str(f.relative_to(root)) for f in root.rglob("*") if f.is_file() and any(m in f.read_bytes() for m in marks)
    )


def test_her_whole_book_goes_and_the_other_books_stay_as_they_were(demo: Kiosk, demo_clock: FixedClock) -> None:
    her = _her_book(demo, demo_clock)
    before = _others(demo)
    plan = demo.deletion.plan(OPERATOR, her.id)
    assert (plan.profile.name, plan.entries, plan.sessions, plan.copies) == (NAME, 6, 1, 0)
    assert sum(store.rows_of(demo.conn, her.id).values()) > 10

    result = demo.deletion.delete(OPERATOR, her.id)

    assert (result.name, result.entries, result.sessions, result.left) == (NAME, 6, 1, ())
    assert result.file_folded and result.changes.profiles
    assert store.rows_of(demo.conn, her.id) == dict.fromkeys((*store.HER_TABLES, "profiles"), 0)
    assert demo.conn.execute("SELECT count(*) FROM categories WHERE name = 'Kue Zubaidah'").fetchone()[0] == 0
    assert demo.integrity_problems() == []
    assert _others(demo) == before
    assert NAME not in [p.name for p in demo.profiles.list()]  # the picker's cards
    wati = _wati(demo)
    assert NAME not in [p.name for p in demo.mentors.caseload_profiles(wati)]
    assert NAME not in [row.name for row in demo.caseload.rows(wati)]
    assert [(line.entries, line.sessions, line.channel) for line in demo.deletion.log(OPERATOR)] == [(6, 1, "app")]
    line = demo.conn.execute("SELECT * FROM deletions").fetchall()
    assert len(line) == 1 and not any(str(value) in (NAME, her.id) for value in line[0])
    with pytest.raises(Refused) as again:
        demo.deletion.delete(OPERATOR, her.id)
    assert again.value.problem.code == "profile_unknown"
    assert demo.path is not None and check_file(demo.path) is None


def test_no_file_under_the_kiosk_folder_holds_her_book_afterwards_not_even_a_backup_or_a_wal(
    demo: Kiosk, demo_clock: FixedClock, tmp_path: Path
) -> None:
    her = _her_book(demo, demo_clock)
    demo.backups.run_due()  # daily, weekly and monthly: one file under three names
    demo.backups.safety_copy("sebelum-v7")
    demo_clock.advance(dt.timedelta(days=1))
    demo.backups.run_due()
    assert wal_of(demo.path or tmp_path).stat().st_size > 0
    kept = demo.backups.keep_aside("sebelum-pulihkan")  # byte for byte, with its -wal
    assert any(p.name.endswith("-wal") for p in kept)
    daily = sorted((tmp_path / "backups" / "daily").glob("*.sqlite"))
    weekly = sorted((tmp_path / "backups" / "weekly").glob("*.sqlite"))
    times = {p: p.stat().st_mtime_ns for p in tmp_path.joinpath("backups").rglob("*.sqlite")}
    assert len(_holding(tmp_path, her)) >= 6
    before = {copy.path: copy.profiles for copy in demo.backups.copies()}

    result = demo.deletion.delete(OPERATOR, her.id)

    assert len(result.cleaned) == len(before) and result.left == ()
    assert _holding(tmp_path, her) == []
    after = demo.backups.copies()
    assert all(copy.verified for copy in after)
    assert {copy.path: (copy.profiles or 0) + 1 for copy in after} == before
    assert daily[-1].stat().st_ino == weekly[-1].stat().st_ino  # still one file under both names
    assert {p: p.stat().st_mtime_ns for p in times} == times  # the restore page still dates each copy right
    assert not wal_of(kept[0]).exists()  # folded into its copy, which then opens on its own
    copy = Kiosk.open(kept[0], demo_clock)
    try:
        assert copy.integrity_problems() == [] and len(copy.profiles.list()) == 4
    finally:
        copy.close()


def test_only_the_operator_deletes_a_book(demo: Kiosk, demo_clock: FixedClock) -> None:
    her = _her_book(demo, demo_clock)
    for someone in (Actor.beneficiary(her.id), _wati(demo)):
        for call in (demo.deletion.plan, demo.deletion.delete):
            with pytest.raises(Refused) as refused:
                call(someone, her.id)
            assert refused.value.problem.code == "not_allowed"
    assert store.rows_of(demo.conn, her.id)["profiles"] == 1
    with pytest.raises(Refused):
        demo.deletion.log(_wati(demo))


def test_a_copy_that_cannot_be_cleaned_is_named_and_left_as_it_was(
    demo: Kiosk, demo_clock: FixedClock, tmp_path: Path
) -> None:
    her = _her_book(demo, demo_clock)
    demo.backups.run_due()
    damaged = tmp_path / "backups" / "safety" / "kiosk-20261120-030000-rusak.sqlite"
    damaged.parent.mkdir(parents=True, exist_ok=True)
    damaged.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    result = demo.deletion.delete(OPERATOR, her.id)
    assert result.left == (damaged,)
    assert len(result.cleaned) == 1
    assert damaged.read_bytes() == b"SQLite format 3\x00" + b"\xff" * 4000


@pytest.mark.parametrize("version", range(1, 8))
def test_a_copy_of_any_schema_version_is_cleaned(tmp_path: Path, version: int) -> None:
    """Safety copies are kept from before each upgrade: each schema's own file (tests/fixtures) is cleaned."""
    sari = "11111111-1111-4111-8111-111111111111"
    copy = tmp_path / "copy.sqlite"
    shutil.copy(FIXTURES / f"kiosk-v{version}.sqlite", copy)
    conn = store.open_for_cleaning(copy)
    try:
        assert store.book_size(conn, sari) == store.BookSize(3, 1 if version >= 5 else 0)
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("BEGIN IMMEDIATE")
        store.delete_book(conn, sari)
        conn.execute("COMMIT")
        store.vacuum(conn)
        assert set(store.rows_of(conn, sari).values()) == {0}
        assert store.integrity(conn) == []
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        conn.close()
    assert b"Sari" not in copy.read_bytes()


def test_a_kiosk_in_memory_deletes_without_copies(kiosk: Kiosk, sari: Profile) -> None:
    memory = Kiosk.open(":memory:", kiosk.clock)
    try:
        someone, _ = memory.profiles.create(OPERATOR, "Sari", "Warung", "1234", "screen")
        result = memory.deletion.delete(OPERATOR, someone.id)
        assert result.cleaned == () and memory.profiles.list() == []
    finally:
        memory.close()
    assert [p.name for p in kiosk.profiles.list()] == ["Sari"]  # another kiosk is another file


def test_the_deletion_line_survives_the_schema(tmp_path: Path, clock: FixedClock) -> None:
    """Migration 7 made the table; the v7 fixture opens with an empty log."""
    path = tmp_path / "v7.sqlite"
    shutil.copy(FIXTURES / "kiosk-v7.sqlite", path)
    kiosk = Kiosk.open(path, clock)
    try:
        assert kiosk.deletion.log(OPERATOR) == []
        with pytest.raises(sqlite3.IntegrityError):  # no name or id column to put one in, and only the operator
            kiosk.conn.execute(
                "INSERT INTO deletions (id, deleted_at, deleted_by, channel, entries, sessions)"
                " VALUES ('x', 'now', 'mentor', 'app', 1, 0)"
            )
    finally:
        kiosk.close()
