"""The mentor's figures: owner's pay against household spending and the UMK, at each boundary."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pytest

from wirausaha_desktop.domain.mentor_figures import mentor_figures, percent
from wirausaha_desktop.domain.model import Balances, Direction, FlowKind, Ledger, MoveKind
from wirausaha_desktop.domain.standing import Period, Summary, summarise

TODAY = dt.date(2024, 7, 31)


def summary(owner_pay: int = 0, spending: int = 0, days: int = 30) -> Summary:
    flows = {}
    if owner_pay:
        flows[(Ledger.BUSINESS, Direction.OUT, MoveKind.OWNER_PAY.value)] = (owner_pay, 1)
        flows[(Ledger.PERSONAL, Direction.IN, MoveKind.OWNER_PAY.value)] = (owner_pay, 1)
    if spending:
        flows[(Ledger.PERSONAL, Direction.OUT, FlowKind.SPENDING.value)] = (spending, 1)
    period = Period(TODAY - dt.timedelta(days=days - 1), TODAY)
    return summarise("Sari", period, TODAY, Balances(0, 0), flows, frozenset(), frozenset(), 0)


def test_pay_against_spending_and_the_umk_over_30_days() -> None:
    f = mentor_figures(summary(owner_pay=600_000, spending=900_000), 2_500_000)
    assert (f.owner_pay, f.household_spending, f.days) == (600_000, 900_000, 30)
    assert f.pay_of_spending == Fraction(2, 3)
    assert (f.umk_monthly, f.umk_for_period) == (2_500_000, 2_500_000)
    assert f.pay_of_umk == Fraction(6, 25)
    assert (percent(f.pay_of_spending), percent(f.pay_of_umk)) == (67, 24)


def test_no_household_spending_gives_no_share() -> None:
    f = mentor_figures(summary(owner_pay=600_000, spending=0), 2_500_000)
    assert f.household_spending == 0 and f.pay_of_spending is None


def test_no_pay_is_a_share_of_zero() -> None:
    f = mentor_figures(summary(owner_pay=0, spending=1), 2_500_000)
    assert f.pay_of_spending == 0 and f.pay_of_umk == 0


def test_without_a_umk_there_is_no_umk_figure() -> None:
    f = mentor_figures(summary(owner_pay=600_000, spending=900_000), None)
    assert (f.umk_monthly, f.umk_for_period, f.pay_of_umk) == (None, None, None)


def test_a_umk_of_zero_gives_no_share() -> None:
    f = mentor_figures(summary(owner_pay=600_000), 0)
    assert (f.umk_for_period, f.pay_of_umk) == (0, None)


@pytest.mark.parametrize(
    ("days", "umk", "scaled"),
    [(30, 3_000_000, 3_000_000), (31, 3_000_000, 3_100_000), (7, 3_000_000, 700_000), (1, 29, 0), (31, 1, 1)],
)
def test_the_umk_is_scaled_to_the_period_in_whole_rupiah(days: int, umk: int, scaled: int) -> None:
    f = mentor_figures(summary(owner_pay=1, days=days), umk)
    assert f.days == days and f.umk_for_period == scaled and isinstance(f.umk_for_period, int)


def test_pay_equal_to_the_umk_is_exactly_one() -> None:
    f = mentor_figures(summary(owner_pay=2_500_000, spending=2_500_000), 2_500_000)
    assert f.pay_of_umk == 1 and f.pay_of_spending == 1 and percent(Fraction(1)) == 100


@pytest.mark.parametrize(
    ("share", "whole"),
    [(Fraction(0), 0), (Fraction(1, 200), 1), (Fraction(1, 201), 0), (Fraction(2, 3), 67), (Fraction(3, 2), 150)],
)
def test_percent_rounds_half_up(share: Fraction, whole: int) -> None:
    assert percent(share) == whole
