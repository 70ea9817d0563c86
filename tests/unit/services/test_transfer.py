"""Moving a book between kiosks: export → import round trips, merges by id, and refusals that write nothing."""

from __future__ import annotations

import datetime as dt
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import category_id
from wirausaha_desktop.domain.goals import GoalKind
from wirausaha_desktop.domain.model import AccessAction, Actor, Ledger, MoveKind, Profile, Role
from wirausaha_desktop.domain.problems import Refused
from wirausaha_desktop.services.clock import FixedClock
from wirausaha_desktop.services.coaching import GoalDraft
from wirausaha_desktop.services.kiosk import Kiosk
from wirausaha_desktop.services.transfer import FORMAT_VERSION, TransferService, checksum
from wirausaha_desktop.storage import transfer as store
from wirausaha_desktop.storage.database import integrity_problems

OPERATOR = Actor.operator()
BOOK_TABLES = ("entries", "closed_days", "coaching_sessions", "goals", "access_log")


def dump(conn: sqlite3.Connection) -> dict[str, list[tuple]]:
    """Every row of every table of a kiosk (the file's whole content, in a stable order)."""
    tables = [row[0] for row in conn.execute("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")]
    return {t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in tables}


def book_dump(conn: sqlite3.Connection, profile_id: str) -> dict[str, list[tuple]]:
    """Her book's rows at one kiosk, as the file would carry them."""
    found: dict[str, list[tuple]] = {}
    for table in BOOK_TABLES:
        names = ", ".join(store.SPECS[table].names)
        rows = conn.execute(f"SELECT {names} FROM {table} WHERE profile_id = ?", (profile_id,)).fetchall()
        found[table] = sorted(rows, key=repr)
    return found


def transfer(kiosk: Kiosk) -> TransferService:
    return TransferService.of(kiosk)


@pytest.fixture
def second(tmp_path: Path, clock: FixedClock) -> Iterator[Kiosk]:
    """Another kiosk, in its own folder (its own backups), with its own operator and mentor."""
    opened = Kiosk.open(tmp_path / "kios-dua" / "kiosk.sqlite", clock)
    opened.profiles.create_operator("9999")
    yield opened
    opened.close()


@pytest.fixture
def full_book(kiosk: Kiosk, sari: Profile, sari_actor: Actor, clock: FixedClock) -> Profile:
    """Sari's book with every kind of row: entries, a move, a void, a closed day, a session with
    goals (by a mentor of this kiosk), and access-log lines."""
    today = clock.today()
    sales = category_id(kiosk, "Penjualan")
    stock = category_id(kiosk, "Kulakan / belanja dagangan")
    for days_ago in range(12):
        day = today - dt.timedelta(days=days_ago)
        kiosk.book.record_entry(sari_actor, sari.id, sales, 150_000 + days_ago * 1_000, day, f"hari {days_ago}")
        kiosk.book.record_entry(sari_actor, sari.id, stock, 90_000, day)
    kiosk.book.move_money(sari_actor, sari.id, MoveKind.OWNER_PAY, 50_000, today)
    wrong = kiosk.book.record_entry(sari_actor, sari.id, sales, 999_000, today).added[0]
    kiosk.book.void(sari_actor, wrong, "salah ketik")
    kiosk.book.mark_closed_day(sari_actor, sari.id, today - dt.timedelta(days=20))
    mentor, _ = kiosk.mentors.create(OPERATOR, "Bu Rina", "4321")
    kiosk.mentors.assign(OPERATOR, mentor.id, sari.id)
    rina = kiosk.profiles.unlock_mentor(mentor.id, "4321")
    assert isinstance(rina, Actor)
    kiosk.coaching.record_session(
        rina,
        sari.id,
        "Catatan pendamping",
        "Terus catat setiap hari, Bu!",
        [
            GoalDraft(GoalKind.RECORD_DAYS, today + dt.timedelta(days=14), target=10),
            GoalDraft(GoalKind.NO_TOP_UPS, today + dt.timedelta(days=14)),
        ],
        today + dt.timedelta(days=14),
    )
    kiosk.profiles.reset_pin(OPERATOR, sari.id, "2468")
    return sari


def export(kiosk: Kiosk, profile: Profile, target: Path) -> Path:
    transfer(kiosk).export_book(OPERATOR, profile.id, target)
    return target


# -- the round trip ---------------------------------------------------------------------------------


def test_a_book_moved_to_a_fresh_kiosk_holds_every_row_and_she_unlocks_with_her_pin(
    kiosk: Kiosk, full_book: Profile, second: Kiosk, tmp_path: Path
) -> None:
    file = export(kiosk, full_book, tmp_path / "sari.wbuku")
    result = transfer(second).import_book(OPERATOR, file)

    assert result.new_profile and result.name == "Sari"
    assert result.records == 12 * 2 + 1 + 1  # a move counts once; the voided entry travels too
    assert result.backup is not None and result.backup.exists()
    here, there = book_dump(kiosk.conn, full_book.id), book_dump(second.conn, full_book.id)
    assert there["entries"] == here["entries"]
    assert there["closed_days"] == here["closed_days"]
    assert there["coaching_sessions"] == here["coaching_sessions"]
    assert there["goals"] == here["goals"]
    assert set(here["access_log"]) < set(there["access_log"])  # plus the import's own line
    assert second.profiles.unlock(full_book.id, "2468") == Actor.beneficiary(full_book.id)
    moved = second.profiles.get(full_book.id)
    assert (moved.name, moved.business, moved.consent_method) == ("Sari", "Warung kopi", "paper")
    assert integrity_problems(second.conn) == []
    summary_here = kiosk.book.summary(Actor.beneficiary(full_book.id), full_book.id, _july())
    summary_there = second.book.summary(Actor.beneficiary(full_book.id), full_book.id, _july())
    assert summary_there.to_json() == summary_here.to_json()  # same figures, same lights


def test_her_access_log_travels_and_says_who_exported_and_imported(
    kiosk: Kiosk, full_book: Profile, second: Kiosk, tmp_path: Path
) -> None:
    transfer(second).import_book(OPERATOR, export(kiosk, full_book, tmp_path / "sari.wbuku"))

    actions = [record.action for record in second.access_log(Actor.beneficiary(full_book.id), full_book.id)]
    assert AccessAction.EXPORT_BOOK in actions and AccessAction.IMPORT_BOOK in actions
    assert AccessAction.SESSION in actions and AccessAction.PIN_RESET in actions


def test_her_mentor_is_kept_by_name_only_and_cannot_sign_in_at_the_new_kiosk(
    kiosk: Kiosk, full_book: Profile, second: Kiosk, tmp_path: Path
) -> None:
    transfer(second).import_book(OPERATOR, export(kiosk, full_book, tmp_path / "sari.wbuku"))

    message = second.coaching.last_message(Actor.beneficiary(full_book.id), full_book.id)
    assert message is not None and message.mentor == "Bu Rina"
    mentor_id = second.conn.execute("SELECT mentor_id FROM coaching_sessions").fetchone()[0]
    assert second.mentors.list() == []  # not a mentor of this kiosk: not listed, not assignable
    assert not isinstance(second.profiles.unlock_mentor(mentor_id, "4321"), Actor)
    created, _ = second.mentors.create(OPERATOR, "Bu Rina", "1357")  # her name is free for a mentor here
    assert created.id != mentor_id
    second.mentors.assign(OPERATOR, created.id, full_book.id)  # assignments do not travel: the operator assigns
    earlier = second.coaching.sessions(Actor(Role.MENTOR, created.id), full_book.id)
    assert [s.notes for s in earlier] == ["Catatan pendamping"]  # her new mentor reads the earlier sessions


def test_importing_twice_is_importing_once(kiosk: Kiosk, full_book: Profile, second: Kiosk, tmp_path: Path) -> None:
    file = export(kiosk, full_book, tmp_path / "sari.wbuku")
    transfer(second).import_book(OPERATOR, file)
    before = dump(second.conn)

    again = transfer(second).import_book(OPERATOR, file)

    assert again.unchanged and again.backup is None
    assert dump(second.conn) == before  # not even a line in her access log


def test_a_book_that_went_away_and_came_back_merges_new_rows_and_voids(
    kiosk: Kiosk, full_book: Profile, second: Kiosk, tmp_path: Path, clock: FixedClock
) -> None:
    sari = Actor.beneficiary(full_book.id)
    transfer(second).import_book(OPERATOR, export(kiosk, full_book, tmp_path / "pergi.wbuku"))
    here_before = book_dump(kiosk.conn, full_book.id)
    clock.advance(dt.timedelta(days=1))
    # At the second kiosk: new entries, a move, a void of an entry made at the first, a closed day.
    sales = category_id(second, "Penjualan")
    second.book.record_entry(sari, full_book.id, sales, 210_000, clock.today(), "di kios dua")
    second.book.move_money(sari, full_book.id, MoveKind.TOP_UP, 20_000, clock.today())
    old = next(e for e in second.book.recent_entries(sari, full_book.id, Ledger.BUSINESS) if e.note == "hari 3")
    second.book.void(sari, old.id, "dobel")
    second.book.mark_closed_day(sari, full_book.id, clock.today() - dt.timedelta(days=25))
    # Meanwhile at the first kiosk she recorded one more entry (that one must survive the merge).
    kiosk.book.record_entry(sari, full_book.id, sales, 5_000, clock.today(), "di kios satu")

    result = transfer(kiosk).import_book(OPERATOR, export(second, full_book, tmp_path / "pulang.wbuku"))

    assert not result.new_profile and result.records == 2 and result.voided == 1
    merged = book_dump(kiosk.conn, full_book.id)
    ids = [row[0] for row in merged["entries"]]
    assert len(ids) == len(set(ids)) == len(here_before["entries"]) + 1 + 3  # theirs 1 + move 2; ours 1
    voided = {row[0]: row[12] for row in merged["entries"]}
    assert voided[old.id] is not None
    assert len(merged["closed_days"]) == 2
    assert set(here_before["access_log"]) < set(merged["access_log"])
    assert integrity_problems(kiosk.conn) == []  # kept balances and day totals follow the inserts and the void
    here, there = kiosk.book.balances(sari, full_book.id), second.book.balances(sari, full_book.id)
    assert (here.business, here.personal) == (there.business + 5_000, there.personal)  # her entry made here


def test_the_same_book_back_and_forth_converges(
    kiosk: Kiosk, full_book: Profile, second: Kiosk, tmp_path: Path
) -> None:
    transfer(second).import_book(OPERATOR, export(kiosk, full_book, tmp_path / "a.wbuku"))
    transfer(kiosk).import_book(OPERATOR, export(second, full_book, tmp_path / "b.wbuku"))
    transfer(second).import_book(OPERATOR, export(kiosk, full_book, tmp_path / "c.wbuku"))

    here, there = book_dump(kiosk.conn, full_book.id), book_dump(second.conn, full_book.id)
    for table in ("entries", "closed_days", "coaching_sessions", "goals"):
        assert here[table] == there[table]


# -- files refused, with nothing written -------------------------------------------------------------


def _refused_leaving_kiosk_as_it_was(second: Kiosk, file: Path, code: str) -> None:
    before = dump(second.conn)
    backups = sorted(p.name for p in (second.path.parent / "backups").rglob("*")) if second.path else []
    with pytest.raises(Refused) as refused:
        transfer(second).import_book(OPERATOR, file)
    assert refused.value.problem.code == code
    assert dump(second.conn) == before
    after = sorted(p.name for p in (second.path.parent / "backups").rglob("*")) if second.path else []
    assert after == backups  # refused before the safety copy: nothing at all was written


def test_a_changed_amount_is_refused(kiosk: Kiosk, full_book: Profile, second: Kiosk, tmp_path: Path) -> None:
    file = export(kiosk, full_book, tmp_path / "sari.wbuku")
    with sqlite3.connect(file) as conn:
        conn.execute("UPDATE entries SET amount = amount + 1000 WHERE id = (SELECT min(id) FROM entries)")
    _refused_leaving_kiosk_as_it_was(second, file, "book_tampered")


def test_a_removed_row_is_refused(kiosk: Kiosk, full_book: Profile, second: Kiosk, tmp_path: Path) -> None:
    file = export(kiosk, full_book, tmp_path / "sari.wbuku")
    with sqlite3.connect(file) as conn:
        conn.execute("DELETE FROM access_log WHERE id = (SELECT min(id) FROM access_log)")
    _refused_leaving_kiosk_as_it_was(second, file, "book_tampered")


def test_a_file_from_a_newer_format_or_schema_is_refused(
    kiosk: Kiosk, full_book: Profile, second: Kiosk, tmp_path: Path
) -> None:
    for key, value in (("format_version", FORMAT_VERSION + 1), ("schema_version", 99)):
        file = export(kiosk, full_book, tmp_path / f"{key}.wbuku")
        with sqlite3.connect(file) as conn:
            conn.execute("UPDATE manifest SET value = ? WHERE key = ?", (str(value), key))
        _refused_leaving_kiosk_as_it_was(second, file, "book_newer")


@pytest.mark.parametrize(
    ("make", "code"),
    [
        (lambda p: p.write_text("tanggal,buku,jenis\n2024-07-01,usaha,masuk\n", encoding="utf-8"), "book_not_book"),
        (lambda p: p.write_bytes(b""), "book_not_book"),
        (
            lambda p: sqlite3.connect(p).execute("CREATE TABLE manifest (key, value)").connection.commit(),
            "book_not_book",
        ),
        (lambda p: sqlite3.connect(p).execute("CREATE TABLE notes (x)").connection.commit(), "book_not_book"),
        (lambda p: p.mkdir(), "file_unreadable"),
    ],
    ids=["csv text", "empty", "random sqlite with a manifest", "random sqlite", "a folder"],
)
def test_a_file_that_is_not_a_book_file_is_refused(second: Kiosk, tmp_path: Path, make, code: str) -> None:  # type: ignore[no-untyped-def]
    file = tmp_path / "bukan-buku"
    make(file)
    _refused_leaving_kiosk_as_it_was(second, file, code)


def test_the_kiosk_file_itself_is_refused(kiosk: Kiosk, full_book: Profile, second: Kiosk) -> None:
    assert kiosk.path is not None
    kiosk.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    _refused_leaving_kiosk_as_it_was(second, kiosk.path, "book_is_kiosk")
    assert second.path is not None
    _refused_leaving_kiosk_as_it_was(second, second.path, "book_is_kiosk")


def test_a_made_up_file_with_a_right_checksum_is_still_checked(
    kiosk: Kiosk, full_book: Profile, second: Kiosk, tmp_path: Path
) -> None:
    """The checksum catches a change after export; a file made up whole is checked row by row."""
    file = export(kiosk, full_book, tmp_path / "sari.wbuku")
    with sqlite3.connect(file) as conn:
        conn.execute("DELETE FROM entries WHERE id = (SELECT min(id) FROM entries WHERE move_id IS NOT NULL)")
    _reseal(file)
    _refused_leaving_kiosk_as_it_was(second, file, "book_invalid")


def test_a_bad_amount_in_a_resealed_file_rolls_the_whole_import_back(
    kiosk: Kiosk, full_book: Profile, second: Kiosk, tmp_path: Path
) -> None:
    file = export(kiosk, full_book, tmp_path / "sari.wbuku")
    with sqlite3.connect(file) as conn:
        conn.execute("UPDATE entries SET amount = -5 WHERE id = (SELECT max(id) FROM entries WHERE move_id IS NULL)")
    _reseal(file)
    before = book_dump(second.conn, full_book.id)
    with pytest.raises(Refused) as refused:
        transfer(second).import_book(OPERATOR, file)
    assert refused.value.problem.code == "data_refused"  # the kiosk's own CHECK, inside the one transaction
    assert book_dump(second.conn, full_book.id) == before
    assert second.profiles.list() == []


def _reseal(file: Path) -> None:
    """Recompute a file's checksum, as someone making up a book file would."""
    book = store.open_book_file(file)
    assert not isinstance(book, type(None)) and hasattr(book, "tables")
    tables = book.tables()  # type: ignore[union-attr]
    manifest = dict(book.manifest)  # type: ignore[union-attr]
    book.close()  # type: ignore[union-attr]
    assert isinstance(tables, dict)
    with sqlite3.connect(file) as conn:
        conn.execute("UPDATE manifest SET value = ? WHERE key = 'checksum'", (checksum(manifest, tables),))


# -- clashes ----------------------------------------------------------------------------------------


def test_another_profile_with_her_name_is_a_question_and_the_answer_is_another_name(
    kiosk: Kiosk, full_book: Profile, second: Kiosk, tmp_path: Path
) -> None:
    other, _ = second.profiles.create(OPERATOR, "sari ", "Jahit", "1111", "paper")
    file = export(kiosk, full_book, tmp_path / "sari.wbuku")
    assert transfer(second).preview(OPERATOR, file).state == "clash"
    _refused_leaving_kiosk_as_it_was(second, file, "book_name_clash")

    with pytest.raises(Refused) as taken:
        transfer(second).import_book(OPERATOR, file, name="SARI")
    assert taken.value.problem.code == "name_taken"

    result = transfer(second).import_book(OPERATOR, file, name="Sari Melati")
    assert result.new_profile and result.profile_id == full_book.id != other.id
    assert {p.name for p in second.profiles.list()} == {"sari", "Sari Melati"}
    assert transfer(second).preview(OPERATOR, file).state == "known"
    assert transfer(second).import_book(OPERATOR, file).unchanged  # merged by id from then on


def test_an_entry_id_of_another_profile_is_refused(
    kiosk: Kiosk, full_book: Profile, second: Kiosk, tmp_path: Path
) -> None:
    file = export(kiosk, full_book, tmp_path / "sari.wbuku")
    dewi, _ = second.profiles.create(OPERATOR, "Dewi", "Jahit", "1111", "paper")
    taken = store.open_book_file(file)
    assert not isinstance(taken, type(None)) and hasattr(taken, "tables")
    row = next(r for r in taken.tables()["entries"] if r["move_id"] is None)  # type: ignore[index, union-attr]
    taken.close()  # type: ignore[union-attr]
    second.conn.execute(
        "INSERT INTO entries (id, profile_id, ledger, direction, amount, date, category_id, note, created_at,"
        " created_by) VALUES (?, ?, ?, ?, ?, ?, ?, '', ?, 'x')",
        (
            row["id"],
            dewi.id,
            row["ledger"],
            row["direction"],
            row["amount"],
            row["date"],
            row["category_id"],
            row["created_at"],
        ),
    )
    _refused_leaving_kiosk_as_it_was(second, file, "book_id_elsewhere")


def test_an_entry_changed_under_the_same_id_is_a_conflict(
    kiosk: Kiosk, full_book: Profile, second: Kiosk, tmp_path: Path
) -> None:
    file = export(kiosk, full_book, tmp_path / "sari.wbuku")
    transfer(second).import_book(OPERATOR, file)
    second.conn.execute("UPDATE entries SET note = 'diubah' WHERE profile_id = ? AND note = 'hari 1'", (full_book.id,))
    _refused_leaving_kiosk_as_it_was(second, file, "book_conflict")


def test_a_category_this_kiosk_lacks_comes_with_the_book(
    kiosk: Kiosk, sari: Profile, sari_actor: Actor, second: Kiosk, tmp_path: Path, clock: FixedClock
) -> None:
    kiosk.conn.execute(
        "INSERT INTO categories (id, name, name_key, ledger, kind, sort_order, builtin)"
        " VALUES ('c0ffee00-0000-4000-8000-000000000001', 'Es batu', 'es batu', 'business', 'operating', 50, 0)"
    )
    kiosk.book._categories = None
    kiosk.book.record_entry(sari_actor, sari.id, "c0ffee00-0000-4000-8000-000000000001", 8_000, clock.today())

    transfer(second).import_book(OPERATOR, export(kiosk, sari, tmp_path / "sari.wbuku"))

    assert "Es batu" in {c.name for c in second.book.categories(Ledger.BUSINESS)}
    second.conn.execute("UPDATE categories SET kind = 'equipment' WHERE name = 'Es batu'")
    third = tmp_path / "sari2.wbuku"
    _refused_leaving_kiosk_as_it_was(second, export(kiosk, sari, third), "book_category_clash")


# -- who, progress and the start path ---------------------------------------------------------------


def test_only_the_operator_moves_a_book(kiosk: Kiosk, full_book: Profile, tmp_path: Path) -> None:
    for actor in (Actor.beneficiary(full_book.id),):
        with pytest.raises(Refused) as refused:
            transfer(kiosk).export_book(actor, full_book.id, tmp_path / "x.wbuku")
        assert refused.value.problem.code == "not_allowed"
    assert not (tmp_path / "x.wbuku").exists()


def test_export_and_import_report_progress_up_to_the_total(
    kiosk: Kiosk, full_book: Profile, second: Kiosk, tmp_path: Path
) -> None:
    seen: list[tuple[int, int]] = []
    file = tmp_path / "sari.wbuku"
    transfer(kiosk).export_book(OPERATOR, full_book.id, file, lambda done, total: seen.append((done, total)))
    assert seen and seen[-1][0] == seen[-1][1] and all(d <= t for d, t in seen)
    seen.clear()
    transfer(second).import_book(OPERATOR, file, progress=lambda done, total: seen.append((done, total)))
    assert seen[-1][0] == seen[-1][1] > 0 and [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_an_export_that_cannot_be_written_leaves_no_file(kiosk: Kiosk, full_book: Profile, tmp_path: Path) -> None:
    target = tmp_path / "tidak-ada" / "sari.wbuku"
    with pytest.raises(Refused) as refused:
        transfer(kiosk).export_book(OPERATOR, full_book.id, target)
    assert refused.value.problem.code == "file_unwritable"
    assert not target.parent.exists()


def test_the_app_and_the_window_do_not_load_sqlite_utils() -> None:
    script = (
        "import sys\n"
        "import wirausaha_desktop.app, wirausaha_desktop.gui.launch, wirausaha_desktop.cli\n"
        "import wirausaha_desktop.cli_books, wirausaha_desktop.services.transfer, wirausaha_desktop.services.district\n"
        "print('sqlite_utils' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True)
    assert result.stdout.strip().splitlines()[-1] == "False"


def _july():  # type: ignore[no-untyped-def]
    from wirausaha_desktop.domain.standing import Period

    return Period.month(2024, 7)
