"""The CSV contract's pure half: formulas neutralised on export, bad cells refused, rows streamed."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wirausaha_desktop.domain import exchange
from wirausaha_desktop.domain.categories import default_categories
from wirausaha_desktop.domain.exchange import CsvRecord, neutralise, read_csv, read_records, restore
from wirausaha_desktop.domain.model import Entry, Ledger
from wirausaha_desktop.domain.problems import Problem

TODAY = dt.date(2024, 7, 27)
CATEGORIES = default_categories()
BY_ID = {c.id: c for c in CATEGORIES}
SALES = next(c for c in CATEGORIES if c.name == "Penjualan")
HEADER = "id,tanggal,buku,jenis,kategori,jumlah,catatan\n"
FORMULA_STARTS = "=+-@\t\r'"


def read(text: str) -> list[CsvRecord] | Problem:
    return read_csv(text, CATEGORIES, TODAY, "profile-1")


def hand_written(*notes: str) -> str:
    """A file a person made in a spreadsheet: no ids, each note in its own row, quoted as needed."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["tanggal", "buku", "jenis", "kategori", "jumlah", "catatan"])
    writer.writerows(["2024-07-01", "usaha", "masuk", "Penjualan", str(1000 + i), note] for i, note in enumerate(notes))
    return out.getvalue()


def export_of(records: list[CsvRecord]) -> str:
    """What the app exports for these records once stored (entries, ids kept)."""
    entries = [
        Entry(r.id, "profile-1", r.ledger, r.direction, r.amount, r.date, r.note, r.category_id) for r in records
    ]
    return exchange.write_csv(exchange.export_rows(entries, BY_ID))


# -- formulas --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("stored", "exported"),
    [
        ("=1+1", "'=1+1"),
        ("+62 812", "'+62 812"),
        ("-", "'-"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("'halo", "''halo"),
        ("'", "''"),
        ("halo", "halo"),
        ("1-2", "1-2"),
        ("", ""),
    ],
)
def test_a_cell_that_a_spreadsheet_would_run_gets_a_leading_quote(stored: str, exported: str) -> None:
    assert neutralise(stored) == exported
    assert restore(exported) == stored


@pytest.mark.parametrize("cell", ["'halo", "'", "'1", "' =x", "halo'"])
def test_a_hand_written_quote_before_anything_else_is_kept(cell: str) -> None:
    assert restore(cell) == cell


def test_export_writes_the_neutralised_cell_and_import_reads_it_back() -> None:
    records = read(hand_written("ok"))
    assert isinstance(records, list)
    record = records[0]._replace(note='=HYPERLINK("http://x","klik")')
    text = export_of([record])
    assert text.splitlines()[1].endswith(',"\'=HYPERLINK(""http://x"",""klik"")"')
    again = read(text)
    assert isinstance(again, list) and again[0].note == record.note


@given(st.text(st.characters(codec="utf-8"), max_size=30))
def test_restore_undoes_neutralise_for_any_text(text: str) -> None:
    assert restore(neutralise(text)) == text
    assert neutralise(text)[:1] not in set(FORMULA_STARTS) - {"'"}


_notes = st.text(
    st.one_of(st.sampled_from(list(FORMULA_STARTS + ' ",;\n\u00a0')), st.characters(codec="utf-8")), max_size=15
)


@settings(max_examples=300)
@given(st.lists(_notes, min_size=1, max_size=6))
def test_export_then_import_then_export_is_the_identity(notes: list[str]) -> None:
    """Whatever an import can store (a hand-written file of any printable text), its export reads
    back to the same notes and exports to the same text."""
    first = read(hand_written(*notes))
    if isinstance(first, Problem):  # a note too long or holding a bidirectional control
        assert first.code in ("note_bad_character", "note_too_long", "csv_malformed")
        return
    exported = export_of(first)
    again = read(exported)
    assert isinstance(again, list)
    assert [r._replace(line=0) for r in again] == [r._replace(line=0) for r in first]
    assert export_of(again) == exported


@given(
    st.lists(
        st.text(
            st.characters(codec="utf-8", exclude_characters="\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"),
            max_size=15,
        ),
        min_size=1,
        max_size=6,
    )
)
def test_notes_as_the_book_stores_them_survive_the_round_trip(notes: list[str]) -> None:
    records = read(hand_written(*["x"] * len(notes)))
    assert isinstance(records, list)
    stored = [r._replace(note=note.strip()) for r, note in zip(records, notes, strict=True)]  # BookService strips
    again = read(export_of(stored))
    assert isinstance(again, list) and [r.note for r in again] == [r.note for r in stored]


# -- bad cells -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "code"),
    [
        ("9" * 5000, "amount_too_large"),
        ("١٢٣", "amount_malformed"),
        ("²", "amount_malformed"),
        ("１０００", "amount_malformed"),
    ],
)
def test_an_amount_cell_is_refused_without_raising(amount: str, code: str) -> None:
    problem = read(HEADER + f",2024-07-01,usaha,masuk,Penjualan,{amount},\n")
    assert isinstance(problem, Problem)
    assert (problem.code, problem.params["line"], problem.params["column"]) == (code, 2, "jumlah")


def test_a_date_in_other_digits_is_refused() -> None:
    problem = read(HEADER + ",٢٠٢٤-٠٧-٠١,usaha,masuk,Penjualan,1000,\n")
    assert isinstance(problem, Problem) and (problem.code, problem.params["column"]) == ("date_malformed", "tanggal")


@pytest.mark.parametrize("char", ["\u202e", "\u2066", "\u202a"])
def test_a_note_with_a_bidirectional_control_is_refused_at_its_cell(char: str) -> None:
    problem = read(hand_written("kopi", f"harga {char}0001 ribu"))
    assert isinstance(problem, Problem)
    assert (problem.code, problem.params["line"], problem.params["column"]) == ("note_bad_character", 3, "catatan")


def test_zero_width_and_other_invisible_characters_are_allowed_in_notes() -> None:
    records = read(hand_written("kopi\u200bsusu", "a\u00adb"))
    assert isinstance(records, list) and [r.note for r in records] == ["kopi\u200bsusu", "a\u00adb"]


# -- streaming -------------------------------------------------------------------------------------


def test_rows_are_read_as_they_are_asked_for() -> None:
    consumed: list[int] = []

    def lines() -> Iterator[str]:
        yield HEADER
        for i in range(1_000_000):
            consumed.append(i)
            yield f",2024-07-01,usaha,masuk,Penjualan,{1000 + i},\n"

    stream = read_records(lines(), CATEGORIES, TODAY, "profile-1")
    first = [next(stream) for _ in range(3)]
    assert [r.line for r in first if isinstance(r, CsvRecord)] == [2, 3, 4]
    assert len(consumed) <= 4  # nothing read ahead of what was asked


def test_a_problem_is_the_last_thing_read() -> None:
    text = HEADER + ",2024-07-01,usaha,masuk,Penjualan,1000,\n,2024-07-01,usaha,masuk,Penjualan,x,\n" * 3
    items = list(read_records(io.StringIO(text, newline=""), CATEGORIES, TODAY, "profile-1"))
    assert [type(item).__name__ for item in items] == ["CsvRecord", "Problem"]
    assert isinstance(items[-1], Problem) and items[-1].params["line"] == 3


def test_an_empty_stream_and_a_lone_byte_order_mark_are_empty() -> None:
    for lines in ([], ["\ufeff"]):
        assert list(read_records(lines, CATEGORIES, TODAY, "p")) == [Problem.of("csv_empty")]


def test_identical_id_less_rows_get_distinct_stable_ids() -> None:
    text = hand_written("es teh", "es teh", "kopi").replace("1001", "1000")
    first, second = read(text), read(text)
    assert isinstance(first, list) and isinstance(second, list)
    assert first == second and len({r.id for r in first}) == 3
    content = "\x1f".join(["2024-07-01", "usaha", "masuk", "Penjualan", "1000", "es teh"])
    assert [r.id for r in first[:2]] == [exchange.derived_id("profile-1", content, n) for n in (1, 2)]


def test_the_readers_memory_of_cells_stays_bounded() -> None:
    """A file whose every amount differs must not grow the reader's memory with its length."""
    reader = exchange._CellReader(CATEGORIES, TODAY)
    for i in range(3 * exchange.CACHE_LIMIT):
        assert reader.amount(f"{(i + 1) * 1000:,}".replace(",", ".")) == (i + 1) * 1000
        assert len(reader._amounts) <= exchange.CACHE_LIMIT


def test_a_ledger_word_is_still_matched_ignoring_case() -> None:
    records = read(HEADER + ",2024-07-01,USAHA,Masuk,penjualan,1000,\n")
    assert isinstance(records, list) and records[0].ledger is Ledger.BUSINESS
