"""The readiness checklist: data items over three months, the mentor's items, and no verdict."""

from __future__ import annotations

import datetime as dt

import pytest

from wirausaha_desktop.domain.model import Balances, Direction, Ledger, MoveKind
from wirausaha_desktop.domain.readiness import (
    DATA_ITEMS,
    JUDGED_ITEMS,
    ItemSource,
    ItemState,
    Readiness,
    readiness,
)
from wirausaha_desktop.domain.standing import Period, Status, Summary, summarise

MET, NOT_MET, UNKNOWN = ItemState.MET, ItemState.NOT_MET, ItemState.UNKNOWN
TODAY = dt.date(2024, 8, 5)
BUSINESS, IN, OUT = Ledger.BUSINESS, Direction.IN, Direction.OUT


def month(
    number: int,
    sales: int = 1_100_000,
    operating: int = 1_000_000,
    owner_pay: int = 50_000,
    top_ups: tuple[int, ...] = (),
    recorded: int = 25,
    closed: int = 0,
) -> Summary:
    """A month of 2024 whose days 1..``recorded`` have entries and the next ``closed`` are closed."""
    period = Period.month(2024, number)
    flows = {
        (BUSINESS, IN, "sales"): (sales, 10),
        (BUSINESS, OUT, "operating"): (operating, 10),
        (BUSINESS, OUT, MoveKind.OWNER_PAY.value): (owner_pay, 1),
        (BUSINESS, IN, MoveKind.TOP_UP.value): (sum(top_ups), len(top_ups)),
    }
    days = [period.start + dt.timedelta(days=i) for i in range(recorded + closed)]
    return summarise(
        "Sari", period, TODAY, Balances(500_000, 0), flows,
        frozenset(days[:recorded]), frozenset(days[recorded:]), operating_30_days=operating,
    )  # fmt: skip


GOOD = (month(5, recorded=25), month(6, recorded=24), month(7, recorded=25))  # 74 of 92 days: 80.4 %
ALL_YES = dict.fromkeys(JUDGED_ITEMS, True)


def states(result: Readiness) -> dict[str, ItemState]:
    return {item.code: item.state for item in result.items}


def test_three_good_months_and_the_mentor_agreeing_meet_every_item() -> None:
    result = readiness(GOOD, ALL_YES)
    assert [i.code for i in result.items] == [*DATA_ITEMS, *JUDGED_ITEMS]
    assert set(states(result).values()) == {MET}
    assert (result.items_met, result.items_not_met, result.items_unknown, result.items_total) == (8, 0, 0, 8)
    assert result.months == (Period.month(2024, 5), Period.month(2024, 6), Period.month(2024, 7))
    assert result.item("recording").value == 0.8043
    assert [i.source for i in result.items] == [ItemSource.DATA] * 4 + [ItemSource.MENTOR] * 4


def test_it_never_gives_a_verdict() -> None:
    result = readiness(GOOD, ALL_YES)
    names = {*vars(result), *(n for n in dir(result) if not n.startswith("_"))}
    assert not {n for n in names if "ready" in n or "graduat" in n or "decision" in n}


def test_one_month_short_of_covering_costs_fails_the_item() -> None:
    yellow = month(6, sales=1_099_999)  # S/E just under 1.10
    result = readiness((GOOD[0], yellow, GOOD[2]), ALL_YES)
    item = result.item("covers_costs")
    assert item.state is NOT_MET
    assert [m.status for m in item.months] == [Status.GREEN, Status.YELLOW, Status.GREEN]
    assert [m.state for m in item.months] == [MET, NOT_MET, MET]
    assert (result.items_met, result.items_not_met) == (7, 1)


@pytest.mark.parametrize(
    ("owner_pay", "state"),
    [
        (80_000, MET),  # green: G ≤ 0.8 P
        (100_000, MET),  # yellow: exactly P, still within profit
        (100_001, NOT_MET),  # one Rupiah over the profit
    ],
)
def test_pay_within_profit(owner_pay: int, state: ItemState) -> None:
    result = readiness((GOOD[0], month(6, owner_pay=owner_pay), GOOD[2]), ALL_YES)
    assert result.item("pay_within_profit").state is state


@pytest.mark.parametrize(
    ("recorded", "closed", "state"),
    [
        (24, 0, MET),  # 74 / 92 ≥ 0.80
        (23, 0, NOT_MET),  # 73 / 92 < 0.80 (0.7935)
        (20, 8, MET),  # closed days lower the days to record: 70 / 84 = 0.8333
        (0, 30, MET),  # a month closed (and recorded 0 of 0 open days): the pool still counts
    ],
)
def test_recording_is_pooled_over_the_three_months(recorded: int, closed: int, state: ItemState) -> None:
    result = readiness((GOOD[0], month(6, recorded=recorded, closed=closed), GOOD[2]), ALL_YES)
    assert result.item("recording").state is state


def test_recording_exactly_80_percent_is_met() -> None:
    exact = (month(4, recorded=20, closed=5), month(5, recorded=20, closed=6), month(6, recorded=24))  # 64 / 80
    assert readiness(exact, {}).item("recording").state is MET
    short = (month(4, recorded=20, closed=5), month(5, recorded=20, closed=6), month(6, recorded=23))  # 63 / 80
    assert readiness(short, {}).item("recording").state is NOT_MET
    assert readiness(short, {}).item("recording").value == 0.7875


@pytest.mark.parametrize(
    ("top_ups", "state"),
    [
        ((), MET),
        ((1,), NOT_MET),  # one small top-up (yellow) is still a top-up
        ((300_000, 200_000), NOT_MET),
    ],
)
def test_no_top_ups_for_three_months(top_ups: tuple[int, ...], state: ItemState) -> None:
    result = readiness((GOOD[0], GOOD[1], month(7, top_ups=top_ups)), ALL_YES)
    assert result.item("no_top_ups").state is state


def test_grey_data_is_unknown_but_a_top_up_is_a_fact() -> None:
    thin = month(6, recorded=9)  # D < 10: covers, top-ups and pay are grey
    result = readiness((GOOD[0], thin, GOOD[2]), ALL_YES)
    assert states(result)["covers_costs"] is UNKNOWN
    assert states(result)["pay_within_profit"] is UNKNOWN
    assert states(result)["no_top_ups"] is UNKNOWN
    thin_with_top_up = month(6, recorded=9, top_ups=(100_000,))
    assert readiness((GOOD[0], thin_with_top_up, GOOD[2]), {}).item("no_top_ups").state is NOT_MET


def test_a_failed_month_outweighs_a_grey_one() -> None:
    result = readiness((month(5, recorded=9), month(6, sales=900_000), GOOD[2]), {})
    assert result.item("covers_costs").state is NOT_MET


def test_a_young_book_leaves_data_items_unknown_unless_one_failed() -> None:
    result = readiness((GOOD[1], GOOD[2]), ALL_YES)
    assert len(result.months) == 2
    assert [states(result)[code] for code in DATA_ITEMS] == [UNKNOWN] * 4
    failed = readiness((GOOD[1], month(7, top_ups=(5,))), {})
    assert failed.item("no_top_ups").state is NOT_MET
    assert readiness((), {}).items_unknown == 8


def test_only_the_latest_three_months_count_in_any_order() -> None:
    old_bad = month(3, sales=100)
    result = readiness((GOOD[2], old_bad, GOOD[0], GOOD[1]), ALL_YES)
    assert result.months == (Period.month(2024, 5), Period.month(2024, 6), Period.month(2024, 7))
    assert result.items_met == 8


@pytest.mark.parametrize(("value", "state"), [(True, MET), (False, NOT_MET), (None, UNKNOWN)])
def test_judged_items_take_the_mentor_s_record(value: bool | None, state: ItemState) -> None:
    result = readiness(GOOD, {"permits": value})
    assert result.item("permits").state is state
    assert result.item("permits").source is ItemSource.MENTOR
    assert result.item("savings").state is UNKNOWN  # not recorded yet


def test_an_unknown_judged_code_is_a_bug() -> None:
    with pytest.raises(ValueError, match="ready"):
        readiness(GOOD, {"ready": True})
