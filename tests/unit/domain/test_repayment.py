"""The safe-instalment rule of the KUR letter (``domain.repayment``), by example and by property."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from wirausaha_desktop.domain.repayment import MonthCash, Verdict, safe_repayment
from wirausaha_desktop.domain.standing import Period


def _month(index: int, sales: int, operating: int, pay: int, principal: int = 0, days: int = 20) -> MonthCash:
    return MonthCash(Period.month(2024, index + 1), sales, operating, pay, principal, days)


def test_thirty_percent_of_the_average_left_rounded_down_to_thousands() -> None:
    months = [_month(0, 1_200_000, 420_000, 300_000), _month(1, 1_080_000, 420_000, 300_000, 100_000),
              _month(2, 960_000, 420_000, 300_000, 100_000)]  # fmt: skip
    result = safe_repayment(months)  # left 480.000, 260.000, 140.000: 30 % of 293.333 = 88.000
    assert (result.verdict, result.amount, result.average_free_cash, result.lowest_free_cash) == (
        Verdict.SAFE, 88_000, 293_333, 140_000)  # fmt: skip


def test_one_good_month_cannot_lift_it_above_the_slowest_month() -> None:
    months = [_month(0, 5_000_000, 500_000, 0), _month(1, 600_000, 500_000, 0), _month(2, 600_000, 500_000, 0)]
    assert safe_repayment(months).amount == 100_000  # 30 % of 1.566.666 is 470.000; the slow months left 100.000


def test_a_month_that_lost_money_leaves_no_room_and_too_few_records_leave_no_figure() -> None:
    assert (
        safe_repayment([_month(0, 900_000, 400_000, 100_000), _month(1, 300_000, 400_000, 0)]).verdict
        is Verdict.NO_ROOM
    )
    short = safe_repayment([_month(0, 900_000, 400_000, 0, days=9), _month(1, 900_000, 400_000, 0)])
    assert short.verdict is Verdict.NOT_ENOUGH_RECORDS and short.amount == 0
    assert short.short_months == (Period.month(2024, 1),)


amounts = st.integers(min_value=0, max_value=50_000_000)


@given(st.lists(st.tuples(amounts, amounts, amounts, amounts), min_size=1, max_size=6))
def test_never_more_than_thirty_percent_of_the_average_nor_the_lowest_month(
    rows: list[tuple[int, int, int, int]],
) -> None:
    months = [_month(i, *row) for i, row in enumerate(rows)]
    result = safe_repayment(months)
    left = [m.free_cash for m in months]
    assert result.amount % 1_000 == 0 and result.amount >= 0
    assert result.amount <= min(left) or result.amount == 0
    assert result.amount * 10 * len(left) <= 3 * sum(left) or result.amount == 0
    assert (result.verdict is Verdict.SAFE) == (result.amount > 0)
    if result.verdict is Verdict.SAFE:  # and it is the largest such multiple of Rp1.000
        assert result.amount + 1_000 > min(min(left), 3 * sum(left) // (10 * len(left)))
