"""The district summary: a month's anonymous figures over a kiosk's active books (DESIGN §8, §9).

Plain functions over one small value per active book (its lights, sales and profit): no name and
no id goes in, none comes out. Any count below ``SMALLEST_SHOWN`` is suppressed (zero included),
and so are the medians when fewer books than that are active, so that no family can be singled
out. Within one light, when only one of its four counts is suppressed it could be worked out from
the others and the number of active books, so the next smallest count is suppressed too.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

from .standing import INDICATOR_KEYS, Status

SMALLEST_SHOWN = 5
SUPPRESSED_SMALL = "disembunyikan: kurang dari 5 buku"
SUPPRESSED_TO_PROTECT = "disembunyikan: agar angka kecil lain tidak bisa dihitung"
STATUSES = (Status.GREEN, Status.YELLOW, Status.RED, Status.GREY)
COLUMNS = ("bulan", "ukuran", "lampu", "status", "jumlah", "persen", "nilai", "catatan")
ACTIVE, LIGHT, MEDIAN_SALES, MEDIAN_PROFIT = "buku_aktif", "lampu", "median_penjualan", "median_untung"


@dataclass(frozen=True)
class BookMonth:
    """One active book's month, stripped of who she is."""

    lights: Mapping[str, Status]  # each key of DESIGN §3 → its status for the month
    sales: int
    profit: int


@dataclass(frozen=True)
class DistrictRow:
    """One line of the CSV; ``None`` is an empty cell."""

    month: str
    measure: str
    light: str = ""
    status: str = ""
    count: int | None = None
    percent: str | None = None  # of the active books, one decimal, "." as the mark
    value: int | None = None  # a median, whole Rupiah
    note: str = ""

    def cells(self) -> tuple[str, ...]:
        def text(value: object) -> str:
            return "" if value is None else str(value)

        return (self.month, self.measure, self.light, self.status, text(self.count), text(self.percent),
                text(self.value), self.note)  # fmt: skip


def median(values: Sequence[int]) -> int:
    """The middle value; of an even count, the mean of the two middle ones rounded down to a Rupiah."""
    if not values:
        raise ValueError("median of nothing")
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) // 2


def percent(count: int, total: int) -> str:
    """``count`` of ``total`` in percent with one decimal, half rounded up (exact: no float)."""
    tenths = Fraction(count * 1000, total)
    whole = int(tenths + Fraction(1, 2))
    return f"{whole // 10}.{whole % 10}"


def suppressed(counts: Mapping[Status, int]) -> dict[Status, str]:
    """The counts of one light to leave empty, each with its note: every count below
    ``SMALLEST_SHOWN``; and when that leaves exactly one suppressed, the smallest shown one too
    (else the total minus the others gives it back)."""
    hidden = {status: SUPPRESSED_SMALL for status, count in counts.items() if count < SMALLEST_SHOWN}
    if len(hidden) == 1:
        shown = sorted(
            (count, STATUSES.index(status), status) for status, count in counts.items() if status not in hidden
        )
        if shown:
            hidden[shown[0][2]] = SUPPRESSED_TO_PROTECT
    return hidden


def district_rows(month: str, books: Sequence[BookMonth]) -> list[DistrictRow]:
    """The summary of one month, in the order of ``docs/contracts.md``: active books, each light ×
    status (count and share of the active books), then median sales and median profit."""
    active = len(books)
    few = active < SMALLEST_SHOWN
    rows = [DistrictRow(month, ACTIVE, count=None if few else active, note=SUPPRESSED_SMALL if few else "")]
    for key in INDICATOR_KEYS:
        counts = {status: sum(1 for book in books if book.lights.get(key) is status) for status in STATUSES}
        hidden = {status: SUPPRESSED_SMALL for status in STATUSES} if few else suppressed(counts)
        for status in STATUSES:
            if status in hidden:
                rows.append(DistrictRow(month, LIGHT, key, status.value, note=hidden[status]))
            else:
                rows.append(
                    DistrictRow(month, LIGHT, key, status.value, counts[status], percent(counts[status], active))
                )
    for measure, values in ((MEDIAN_SALES, [b.sales for b in books]), (MEDIAN_PROFIT, [b.profit for b in books])):
        if few:
            rows.append(DistrictRow(month, measure, note=SUPPRESSED_SMALL))
        else:
            rows.append(DistrictRow(month, measure, value=median(values)))
    return rows
