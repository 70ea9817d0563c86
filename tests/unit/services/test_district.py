"""The district summary: active books, the share of each light, medians; small counts suppressed."""

from __future__ import annotations

import csv
import datetime as dt
import io
import statistics

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.helpers import category_id
from wirausaha_desktop.domain import district
from wirausaha_desktop.domain.district import BookMonth, DistrictRow, district_rows, median, percent, suppressed
from wirausaha_desktop.domain.model import Actor
from wirausaha_desktop.domain.problems import Refused
from wirausaha_desktop.domain.standing import INDICATOR_KEYS, Period, Status
from wirausaha_desktop.services.clock import FixedClock
from wirausaha_desktop.services.district import DistrictService
from wirausaha_desktop.services.kiosk import Kiosk

OPERATOR = Actor.operator()
JULY = Period.month(2024, 7)
statuses = st.sampled_from(list(Status))
book_months = st.builds(
    BookMonth,
    lights=st.fixed_dictionaries({key: statuses for key in INDICATOR_KEYS}),
    sales=st.integers(0, 50_000_000),
    profit=st.integers(-10_000_000, 10_000_000),
)


# -- the rules (domain) ------------------------------------------------------------------------------


@given(st.lists(st.integers(-(10**10), 10**10), min_size=1, max_size=40))
def test_the_median_is_the_middle_value_rounded_down_to_a_rupiah(values: list[int]) -> None:
    found = median(values)
    assert found == int(statistics.median(values) // 1)
    assert sum(v < found for v in values) <= len(values) // 2
    assert sum(v > found for v in values) <= len(values) // 2


@given(st.integers(0, 1000), st.integers(1, 1000))
def test_percent_has_one_decimal_and_is_exact(count: int, extra: int) -> None:
    total = count + extra
    text = percent(count, total)
    whole, tenth = text.split(".")
    assert len(tenth) == 1
    assert abs(int(whole) * 10 + int(tenth) - count * 1000 / total) <= 0.5


def _published(rows: list[DistrictRow]) -> list[int]:
    return [row.count for row in rows if row.count is not None]


@given(st.lists(book_months, max_size=40))
def test_no_count_below_five_is_ever_written_and_no_suppressed_count_can_be_worked_out(books: list[BookMonth]) -> None:
    rows = district_rows("2024-07", books)
    assert all(count >= district.SMALLEST_SHOWN for count in _published(rows))
    active = len(books)
    for key in INDICATOR_KEYS:
        light = [row for row in rows if row.light == key]
        assert [row.status for row in light] == [s.value for s in district.STATUSES]
        hidden = [row for row in light if row.count is None]
        assert len(hidden) != 1  # one empty cell would be the total minus the others
        if hidden:
            truth = {s.value: sum(1 for b in books if b.lights[key] is s) for s in district.STATUSES}
            assert all(row.note for row in hidden) and all(row.percent is None for row in hidden)
            if active >= district.SMALLEST_SHOWN:
                assert sum(truth[row.status] for row in light if row.count is None) == active - sum(
                    row.count for row in light if row.count is not None
                )


@given(st.lists(book_months, min_size=5, max_size=40))
def test_with_five_active_books_or_more_the_shown_counts_are_the_true_counts(books: list[BookMonth]) -> None:
    rows = district_rows("2024-07", books)
    assert rows[0] == DistrictRow("2024-07", district.ACTIVE, count=len(books))
    for row in rows:
        if row.measure == district.LIGHT and row.count is not None:
            assert row.count == sum(1 for b in books if b.lights[row.light].value == row.status)
            assert row.percent == percent(row.count, len(books))
    assert rows[-2].value == median([b.sales for b in books])
    assert rows[-1].value == median([b.profit for b in books])


@given(st.lists(book_months, max_size=4))
def test_under_five_active_books_everything_is_suppressed_medians_too(books: list[BookMonth]) -> None:
    rows = district_rows("2024-07", books)
    assert all(row.count is None and row.value is None and row.percent is None for row in rows)
    assert {row.note for row in rows} == {district.SUPPRESSED_SMALL}


def test_one_small_count_takes_the_next_smallest_with_it() -> None:
    counts = {Status.GREEN: 12, Status.YELLOW: 7, Status.RED: 3, Status.GREY: 9}
    assert suppressed(counts) == {Status.RED: district.SUPPRESSED_SMALL, Status.YELLOW: district.SUPPRESSED_TO_PROTECT}
    assert suppressed({Status.GREEN: 12, Status.YELLOW: 0, Status.RED: 3, Status.GREY: 9}) == {
        Status.YELLOW: district.SUPPRESSED_SMALL,
        Status.RED: district.SUPPRESSED_SMALL,
    }
    assert suppressed({Status.GREEN: 5, Status.YELLOW: 6, Status.RED: 7, Status.GREY: 8}) == {}


# -- gathering the books (service) ----------------------------------------------------------------------


def _book(kiosk: Kiosk, name: str, days: int, sale: int, consent: str | None = "paper", month: int = 7) -> str:
    profile, _ = kiosk.profiles.create(OPERATOR, name, "Warung", "1234", consent)
    owner = Actor.beneficiary(profile.id)
    sales, stock = category_id(kiosk, "Penjualan"), category_id(kiosk, "Bahan baku")
    for day in range(1, days + 1):
        kiosk.book.record_entry(owner, profile.id, sales, sale, dt.date(2024, month, day))
        kiosk.book.record_entry(owner, profile.id, stock, sale // 2, dt.date(2024, month, day))
    return profile.id


@pytest.fixture
def district_kiosk(kiosk: Kiosk) -> Kiosk:
    """Six active, consented books in July; and three that do not count."""
    for n, days in enumerate((25, 25, 25, 22, 20, 12)):
        _book(kiosk, f"Ibu {n}", days, 100_000 + n * 10_000)
    _book(kiosk, "Tanpa persetujuan", 20, 900_000, consent=None)
    _book(kiosk, "Bulan lalu", 20, 900_000, month=6)
    voided = _book(kiosk, "Hanya batal", 0, 1)
    owner = Actor.beneficiary(voided)
    change = kiosk.book.record_entry(owner, voided, category_id(kiosk, "Penjualan"), 5_000, dt.date(2024, 7, 3))
    kiosk.book.void(owner, change.added[0], "salah")
    return kiosk


def test_active_books_are_consented_books_with_a_live_entry_in_the_month(district_kiosk: Kiosk) -> None:
    service = DistrictService(district_kiosk.conn, district_kiosk.clock)
    books = service.book_months(JULY)
    assert len(books) == 6
    assert sorted(b.sales for b in books) == sorted(days * (100_000 + n * 10_000) for n, days in
                                                    enumerate((25, 25, 25, 22, 20, 12)))  # fmt: skip


def test_each_books_lights_match_its_own_month_summary(district_kiosk: Kiosk) -> None:
    service = DistrictService(district_kiosk.conn, district_kiosk.clock)
    expected = []
    for profile in district_kiosk.profiles.list():
        if profile.consent_at is None or profile.name in ("Bulan lalu", "Hanya batal"):
            continue
        summary = district_kiosk.book.summary(OPERATOR, profile.id, JULY)
        lights = {i.key: i.status for i in summary.indicators}
        expected.append((summary.business.sales, summary.business.profit, sorted(lights.items())))
    found = [(b.sales, b.profit, sorted(b.lights.items())) for b in service.book_months(JULY)]
    assert sorted(found) == sorted(expected)


def test_the_csv_has_no_name_and_no_id_and_suppresses_small_counts(district_kiosk: Kiosk) -> None:
    service = DistrictService(district_kiosk.conn, district_kiosk.clock)
    text = service.as_csv(service.rows(OPERATOR, JULY))
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0]) == list(district.COLUMNS)
    assert rows[0]["ukuran"] == "buku_aktif" and rows[0]["jumlah"] == "6"
    for profile in district_kiosk.profiles.list():
        assert profile.name not in text and profile.id not in text
    assert all(not r["jumlah"] or int(r["jumlah"]) >= 5 for r in rows)
    assert any(r["catatan"] == district.SUPPRESSED_SMALL for r in rows)
    medians = {r["ukuran"]: r["nilai"] for r in rows if r["ukuran"].startswith("median")}
    assert medians["median_penjualan"] == str(median([b.sales for b in service.book_months(JULY)]))


def test_a_month_with_few_active_books_shows_nothing_but_the_notes(kiosk: Kiosk, clock: FixedClock) -> None:
    for n in range(3):
        _book(kiosk, f"Ibu {n}", 10, 50_000)
    rows = DistrictService(kiosk.conn, clock).rows(OPERATOR, JULY)
    assert all(r.count is None and r.value is None for r in rows)


def test_only_the_operator_makes_the_district_summary(district_kiosk: Kiosk) -> None:
    someone = district_kiosk.profiles.list()[0]
    with pytest.raises(Refused):
        DistrictService(district_kiosk.conn, district_kiosk.clock).rows(Actor.beneficiary(someone.id), JULY)
