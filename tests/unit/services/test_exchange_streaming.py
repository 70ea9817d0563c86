"""A CSV import streams in chunks inside one transaction, and stays all-or-nothing: a bad row after
the first chunk, an id repeated across chunks, an id that clashes with any id already used. Also
formulas, and files read as they are imported."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest

from tests.conftest import TODAY
from tests.helpers import category_id, count_rows
from wirausaha_desktop.domain.model import Actor, Ledger, MoveKind, Profile
from wirausaha_desktop.domain.problems import Problem, Refused
from wirausaha_desktop.messages import describe
from wirausaha_desktop.services import exchange as exchange_service
from wirausaha_desktop.services.clock import FixedClock
from wirausaha_desktop.services.exchange import half_ids
from wirausaha_desktop.services.kiosk import Kiosk

HEADER = "id,tanggal,buku,jenis,kategori,jumlah,catatan"


def good_rows(count: int) -> list[str]:
    return [f",2024-07-{1 + i % 27:02d},usaha,masuk,Penjualan,{1000 + i},kopi {i}" for i in range(count)]


def csv_of(*rows: str) -> str:
    return "\n".join([HEADER, *rows]) + "\n"


def refusal(kiosk: Kiosk, profile: Profile, text: str) -> Problem:
    with pytest.raises(Refused) as refused:
        kiosk.exchange.import_csv(Actor.operator(), profile.id, text)
    return refused.value.problem


def where(problem: Problem) -> tuple[str, int, str]:
    return problem.code, problem.params["line"], problem.params["column"]


@pytest.fixture
def small_chunks(monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setattr(exchange_service, "CHUNK_ROWS", 3)
    return 3


# -- all or nothing, across chunks ----------------------------------------------------------------


@pytest.mark.parametrize("chunk_rows", [exchange_service.CHUNK_ROWS, 1000])
def test_a_bad_row_after_the_first_chunks_writes_nothing(
    kiosk: Kiosk, sari: Profile, monkeypatch: pytest.MonkeyPatch, chunk_rows: int
) -> None:
    monkeypatch.setattr(exchange_service, "CHUNK_ROWS", chunk_rows)
    problem = refusal(kiosk, sari, csv_of(*good_rows(12_000), ",2024-07-01,usaha,masuk,Penjualan,nol,"))
    assert where(problem) == ("amount_not_number", 12_002, "jumlah")
    assert count_rows(kiosk, "entries") == 0
    assert kiosk.exchange.import_csv(Actor.operator(), sari.id, csv_of(*good_rows(12_000))).added == 12_000


def test_a_bad_row_in_a_file_after_the_first_chunk_writes_nothing(kiosk: Kiosk, sari: Profile, tmp_path: Path) -> None:
    file = tmp_path / "big.csv"
    file.write_text(csv_of(*good_rows(12_000), ",2024-07-01,usaha,masuk,Penjualan,5000,", ",2024-07-01,toko,,,,"))
    with pytest.raises(Refused) as refused:
        kiosk.exchange.import_csv_file(Actor.operator(), sari.id, file)
    assert where(refused.value.problem) == ("csv_bad_ledger", 12_003, "buku")
    assert count_rows(kiosk, "entries") == 0


def test_the_first_problem_in_the_file_is_named_even_inside_an_unfinished_chunk(
    kiosk: Kiosk, sari: Profile, small_chunks: int
) -> None:
    row = "0b6a6a53-44ef-4e4e-9a53-4a7f0f6f1c11,2024-07-01,usaha,masuk,Penjualan,5000,"
    problem = refusal(kiosk, sari, csv_of(row, row, ",2024-07-01,usaha,masuk,Penjualan,x,"))
    assert where(problem) == ("csv_duplicate_id", 3, "id")  # line 3 comes before the bad amount on line 4


def test_an_id_repeated_in_a_later_chunk_is_refused_at_its_line(kiosk: Kiosk, sari: Profile, small_chunks: int) -> None:
    first = f"{uuid.uuid4()},2024-07-01,usaha,masuk,Penjualan,5000,"
    rows = [first, *good_rows(6), first.upper()]
    assert where(refusal(kiosk, sari, csv_of(*rows))) == ("csv_duplicate_id", 9, "id")
    move = f"{uuid.uuid4()},2024-07-01,usaha,pindah,Ambil untuk pribadi,5000,"
    assert where(refusal(kiosk, sari, csv_of(move, *good_rows(4), move))) == ("csv_duplicate_id", 7, "id")
    assert count_rows(kiosk, "entries") == 0


def test_a_second_start_capital_in_a_later_chunk_is_refused(kiosk: Kiosk, sari: Profile, small_chunks: int) -> None:
    capital = ",2024-07-01,pribadi,pindah,Modal awal,{},"
    problem = refusal(kiosk, sari, csv_of(capital.format(500_000), *good_rows(7), capital.format(100_000)))
    assert where(problem) == ("start_capital_exists", 10, "kategori")
    assert count_rows(kiosk, "entries") == 0


def test_identical_id_less_rows_in_different_chunks_are_each_kept_once(
    kiosk: Kiosk, sari: Profile, small_chunks: int
) -> None:
    same = ",2024-07-01,usaha,masuk,Penjualan,5000,es teh"
    text = csv_of(*[same] * 8)
    assert kiosk.exchange.import_csv(Actor.operator(), sari.id, text).added == 8
    again = kiosk.exchange.import_csv(Actor.operator(), sari.id, csv_of(*[same] * 10))
    assert (again.added, again.skipped) == (2, 8)


def test_a_reimport_skips_across_chunks_and_counts_every_row(kiosk: Kiosk, sari: Profile, small_chunks: int) -> None:
    text = csv_of(*good_rows(10), ",2024-07-02,usaha,pindah,Ambil untuk pribadi,1000,")
    first = kiosk.exchange.import_csv(Actor.operator(), sari.id, text)
    assert (first.added, first.skipped, len(first.changes.added)) == (11, 0, 12)
    exported = kiosk.exchange.export_csv(Actor.operator(), sari.id)
    for again_text in (text, exported):
        again = kiosk.exchange.import_csv(Actor.operator(), sari.id, again_text)
        assert (again.added, again.skipped, again.changes.added) == (0, 11, ())
    assert count_rows(kiosk, "entries") == 12


def test_a_repeated_row_that_her_book_already_holds_is_skipped_both_times(kiosk: Kiosk, sari: Profile) -> None:
    """It would write nothing either way; telling would mean remembering every skipped id."""
    row = f"{uuid.uuid4()},2024-07-01,usaha,masuk,Penjualan,5000,"
    kiosk.exchange.import_csv(Actor.operator(), sari.id, csv_of(row))
    again = kiosk.exchange.import_csv(Actor.operator(), sari.id, csv_of(row, row))
    assert (again.added, again.skipped) == (0, 2)


# -- an id already used for something else: refused with its line, never an IntegrityError -----------


@pytest.fixture
def her_move(kiosk: Kiosk, sari: Profile) -> str:
    """A move imported into her book; returns its id."""
    move_id = str(uuid.uuid4())
    kiosk.exchange.import_csv(Actor.operator(), sari.id, csv_of(f"{move_id},2024-07-01,pribadi,pindah,Tambah modal,1,"))
    return move_id


def test_an_entry_row_with_a_moves_id_or_half_id_is_refused(kiosk: Kiosk, sari: Profile, her_move: str) -> None:
    before = count_rows(kiosk, "entries")
    for taken in (her_move, *half_ids(her_move)):
        problem = refusal(kiosk, sari, csv_of(*good_rows(2), f"{taken},2024-07-01,usaha,masuk,Penjualan,5000,"))
        assert where(problem) == ("csv_id_taken", 4, "id")
        assert describe(problem) == "baris 4, kolom id: id ini sudah dipakai untuk catatan lain di buku ini."
    assert count_rows(kiosk, "entries") == before


def test_a_move_row_with_an_entrys_id_is_refused(kiosk: Kiosk, sari: Profile, sari_actor: Actor) -> None:
    entry_id = kiosk.book.record_entry(sari_actor, sari.id, category_id(kiosk, "Penjualan"), 5000, TODAY).added[0]
    problem = refusal(kiosk, sari, csv_of(f"{entry_id},2024-07-01,usaha,pindah,Ambil untuk pribadi,5000,"))
    assert where(problem) == ("csv_id_taken", 2, "id")


def test_a_move_whose_half_id_is_taken_is_refused(kiosk: Kiosk, sari: Profile) -> None:
    """Half ids are derived from the move's id, so a made-up file can name one on an entry row: in
    her book already, in someone else's, or earlier or later in the same file."""
    move_id = str(uuid.uuid4())
    out_id, in_id = half_ids(move_id)
    move_row = f"{move_id},2024-07-02,usaha,pindah,Ambil untuk pribadi,5000,"
    entry_row = "{},2024-07-01,usaha,masuk,Penjualan,5000,"
    for text, line in (
        (csv_of(entry_row.format(out_id), move_row), 3),
        (csv_of(move_row, entry_row.format(in_id)), 3),
    ):
        assert where(refusal(kiosk, sari, text)) == ("csv_id_taken", line, "id")
    kiosk.exchange.import_csv(Actor.operator(), sari.id, csv_of(entry_row.format(in_id)))
    assert where(refusal(kiosk, sari, csv_of(*good_rows(3), move_row))) == ("csv_id_taken", 5, "id")
    rina, _ = kiosk.profiles.create(Actor.operator(), "Rina", "Jajanan", "5678")
    assert where(refusal(kiosk, rina, csv_of(move_row))) == ("csv_id_elsewhere", 2, "id")
    assert count_rows(kiosk, "entries") == 1


def test_no_id_in_any_file_reaches_the_database_as_a_clash(kiosk: Kiosk, sari: Profile, her_move: str) -> None:
    """Every pairing of a file's id with the ids in use ends in a Refused problem (sqlite3's
    IntegrityError would fail the test), or in a skip for her own move itself."""
    rina, _ = kiosk.profiles.create(Actor.operator(), "Rina", "Jajanan", "5678")
    used = [her_move, *half_ids(her_move)]
    rows = [
        *(f"{taken},2024-07-01,usaha,masuk,Penjualan,5000," for taken in used),
        *(f"{taken},2024-07-01,usaha,pindah,Ambil untuk pribadi,5000," for taken in used),
    ]

    def outcome(profile: Profile, row: str) -> str:
        try:
            result = kiosk.exchange.import_csv(Actor.operator(), profile.id, csv_of(row))
        except Refused as refused:
            return refused.problem.code
        return f"added {result.added}, skipped {result.skipped}"

    assert [outcome(sari, row) for row in rows] == [*["csv_id_taken"] * 3, "added 0, skipped 1", *["csv_id_taken"] * 2]
    assert [outcome(rina, row) for row in rows] == ["csv_id_elsewhere"] * 6
    assert count_rows(kiosk, "entries") == 2


# -- formulas and bad characters through the service --------------------------------------------------


def test_a_formula_note_is_exported_neutralised_and_comes_back_as_it_was(
    kiosk: Kiosk, sari: Profile, sari_actor: Actor, tmp_path: Path, clock: FixedClock
) -> None:
    notes = ["=1+1", "+62 812 3456", "-", "@SUM(A1:A9)", "'halo", "''", '=HYPERLINK("http://x")']
    sales = category_id(kiosk, "Penjualan")
    for note in notes:
        kiosk.book.record_entry(sari_actor, sari.id, sales, 5000, TODAY, note)
    text = kiosk.exchange.export_csv(Actor.operator(), sari.id)
    cells = [line.split(",", 6)[6] for line in text.splitlines()[1:]]
    assert all(cell.lstrip('"').startswith("'") for cell in cells)  # no cell a spreadsheet would run
    assert kiosk.exchange.import_csv(Actor.operator(), sari.id, text).skipped == len(notes)
    other = Kiosk.open(tmp_path / "other.sqlite", clock)
    try:
        moved, _ = other.profiles.create(Actor.operator(), "Sari", "", "1234")
        other.exchange.import_csv(Actor.operator(), moved.id, text)
        kept = [e.note for e in other.book.recent_entries(Actor.operator(), moved.id, Ledger.BUSINESS)]
        assert sorted(kept) == sorted(notes)
        assert other.exchange.export_csv(Actor.operator(), moved.id) == text
    finally:
        other.close()


def test_a_hand_written_quote_is_kept_and_a_tab_after_one_survives_the_round_trip(kiosk: Kiosk, sari: Profile) -> None:
    text = csv_of(",2024-07-01,usaha,masuk,Penjualan,5000,'halo", ',2024-07-01,usaha,masuk,Penjualan,6000,"\'\tx"')
    kiosk.exchange.import_csv(Actor.operator(), sari.id, text)
    notes = {e.amount: e.note for e in kiosk.book.recent_entries(Actor.operator(), sari.id, Ledger.BUSINESS)}
    assert notes == {5000: "'halo", 6000: "\tx"}
    exported = kiosk.exchange.export_csv(Actor.operator(), sari.id)
    assert kiosk.exchange.import_csv(Actor.operator(), sari.id, exported).skipped == 2


def test_a_note_with_a_bidirectional_override_is_refused_by_import_and_by_the_book(
    kiosk: Kiosk, sari: Profile, sari_actor: Actor
) -> None:
    problem = refusal(kiosk, sari, csv_of(*good_rows(2), ",2024-07-01,usaha,masuk,Penjualan,5000,bayar \u202e0001"))
    assert where(problem) == ("note_bad_character", 4, "catatan")
    with pytest.raises(Refused) as refused:
        kiosk.book.record_entry(sari_actor, sari.id, category_id(kiosk, "Penjualan"), 5000, TODAY, "a\u2066b")
    assert refused.value.problem.code == "note_bad_character"
    with pytest.raises(Refused):
        kiosk.book.move_money(sari_actor, sari.id, MoveKind.TOP_UP, 5000, TODAY, "a\u202db")
    assert count_rows(kiosk, "entries") == 0


# -- files ------------------------------------------------------------------------------------------


def test_a_file_is_imported_with_progress_by_bytes(kiosk: Kiosk, sari: Profile, tmp_path: Path) -> None:
    file = tmp_path / "big.csv"
    file.write_bytes(b"\xef\xbb\xbf" + csv_of(*good_rows(12_000)).replace("\n", "\r\n").encode())
    calls: list[tuple[str, int, int]] = []
    result = kiosk.exchange.import_csv_file(Actor.operator(), sari.id, file, lambda *call: calls.append(call))
    assert result.added == 12_000
    size = file.stat().st_size
    read = [done for stage, done, _ in calls if stage == "read"]
    assert len(read) == 2 and read == sorted(read) and read[-1] <= size
    assert calls[-1] == ("write", size, size)


def test_a_file_that_stops_being_utf8_late_writes_nothing(kiosk: Kiosk, sari: Profile, tmp_path: Path) -> None:
    file = tmp_path / "mixed.csv"
    file.write_bytes(
        csv_of(*good_rows(12_000)).encode() + ",2024-07-01,usaha,masuk,Penjualan,5000,caf\xe9\n".encode("cp1252")
    )
    with pytest.raises(Refused) as refused:
        kiosk.exchange.import_csv_file(Actor.operator(), sari.id, file)
    assert refused.value.problem == Problem.of("file_not_utf8")
    assert count_rows(kiosk, "entries") == 0


def test_a_missing_file_or_a_folder_is_unreadable(kiosk: Kiosk, sari: Profile, tmp_path: Path) -> None:
    for path in (tmp_path / "none.csv", tmp_path):
        with pytest.raises(Refused) as refused:
            kiosk.exchange.import_csv_file(Actor.operator(), sari.id, path)
        assert refused.value.problem == Problem.of("file_unreadable", path=str(path))


def test_who_may_import_is_checked_before_the_file_is_opened(kiosk: Kiosk, sari: Profile, tmp_path: Path) -> None:
    rina, _ = kiosk.profiles.create(Actor.operator(), "Rina", "Jajanan", "5678")
    with pytest.raises(Refused) as refused:
        kiosk.exchange.import_csv_file(Actor.beneficiary(rina.id), sari.id, tmp_path / "none.csv")
    assert refused.value.problem.code == "not_allowed"
