"""Goals against the data: each kind at its boundaries (exactly at the target, one short, due today)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wirausaha_desktop.domain.goals import (
    CategorySpend,
    DatedAmount,
    Goal,
    GoalEvidence,
    GoalKind,
    GoalStatus,
    PayEvery,
    Unit,
    evaluate,
    facts_needed,
    goal_problems,
    month_end,
)
from wirausaha_desktop.domain.standing import Period

MET, NOT_YET, MISSED, NOT_MEASURABLE = (
    GoalStatus.MET,
    GoalStatus.NOT_YET,
    GoalStatus.MISSED,
    GoalStatus.NOT_MEASURABLE,
)
JULY_1 = dt.date(2024, 7, 1)  # a Monday


def d(day: int, month: int = 7) -> dt.date:
    return dt.date(2024, month, day)


def days(*numbers: int) -> frozenset[dt.date]:
    return frozenset(d(n) for n in numbers)


def goal(kind: GoalKind, set_on: dt.date | None = None, due: dt.date | None = None, **fields: object) -> Goal:
    """A goal for 1–30 July 2024 unless told otherwise."""
    return Goal(id="g1", kind=kind, set_on=set_on or d(1), due=due or d(30), **fields)  # type: ignore[arg-type]


def evidence(**fields: object) -> GoalEvidence:
    return GoalEvidence(since=d(1, 6), **fields)  # type: ignore[arg-type]


def to_days(numbers: frozenset[int]) -> frozenset[dt.date]:
    return frozenset(JULY_1 + dt.timedelta(days=n) for n in numbers)


# --- record_days ---------------------------------------------------------------------------------

RECORD_25 = goal(GoalKind.RECORD_DAYS, target=25)


def test_record_days_progress_in_the_window() -> None:
    facts = evidence(recorded=days(*range(1, 13)) | {d(30, 6), d(31)})  # the edges lie outside the window
    progress = evaluate(RECORD_25, facts, d(12))
    assert (progress.status, progress.done, progress.needed, progress.unit) == (NOT_YET, 12, 25, Unit.DAYS)
    assert progress.window == Period(d(1), d(30))
    assert progress.measured_through == d(12)


def test_record_days_met_early_once_reached() -> None:
    assert evaluate(RECORD_25, evidence(recorded=days(*range(1, 26))), d(25)).status is MET
    assert evaluate(RECORD_25, evidence(recorded=days(*range(1, 25))), d(25)).status is NOT_YET


@pytest.mark.parametrize(
    ("recorded", "today", "status"),
    [
        (25, d(30), MET),  # exactly N on the due day
        (24, d(30), NOT_YET),  # one short on the due day: the day is not over
        (24, d(31), MISSED),  # one short the day after
        (25, d(31), MET),
        (0, d(15, 8), MISSED),
    ],
)
def test_record_days_at_and_after_due(recorded: int, today: dt.date, status: GoalStatus) -> None:
    progress = evaluate(RECORD_25, evidence(recorded=days(*range(1, recorded + 1))), today)
    assert (progress.status, progress.done, progress.needed) == (status, recorded, 25)
    assert progress.measured_through == d(30)


def test_closed_days_lower_what_is_needed() -> None:
    closed = days(*range(1, 11))  # ten days closed: twenty open days remain
    facts = evidence(recorded=days(*range(11, 31)), closed=closed)
    progress = evaluate(RECORD_25, facts, d(31))
    assert (progress.status, progress.done, progress.needed) == (MET, 20, 20)


def test_a_closed_day_with_entries_stays_open() -> None:
    closed = days(*range(1, 11))
    recorded = days(1, 2, *range(11, 30))  # the 1st and 2nd were marked closed but have entries
    progress = evaluate(RECORD_25, evidence(recorded=recorded, closed=closed), d(31))
    assert (progress.done, progress.needed, progress.status) == (21, 22, MISSED)


def test_few_closed_days_leave_n() -> None:
    progress = evaluate(RECORD_25, evidence(closed=days(1, 2, 3)), d(3))
    assert progress.needed == 25  # 27 open days still hold 25


def test_before_the_window_starts() -> None:
    progress = evaluate(RECORD_25, evidence(recorded=days(1) | {d(30, 6)}), d(30, 6))
    assert (progress.status, progress.done, progress.measured_through) == (NOT_YET, 0, None)


@given(
    recorded=st.frozensets(st.integers(min_value=-5, max_value=40)),
    closed=st.frozensets(st.integers(min_value=-5, max_value=40)),
    target=st.integers(min_value=1, max_value=30),
    offset=st.integers(min_value=-3, max_value=45),
)
def test_record_days_properties(recorded: frozenset[int], closed: frozenset[int], target: int, offset: int) -> None:
    today = JULY_1 + dt.timedelta(days=offset)
    facts = evidence(recorded=to_days(recorded), closed=to_days(closed))
    progress = evaluate(replace(RECORD_25, target=target), facts, today)
    assert progress.done is not None and progress.needed is not None
    assert 0 <= progress.needed <= target and progress.done <= 30
    assert (progress.status is MET) == (progress.done >= progress.needed)
    if today <= d(30):
        assert progress.status is not MISSED
    else:
        assert progress.status in (MET, MISSED)


# --- no_top_ups ----------------------------------------------------------------------------------

NO_TOP_UPS = goal(GoalKind.NO_TOP_UPS, due=d(31))


@pytest.mark.parametrize(
    ("top_ups", "today", "status", "done"),
    [
        ((), d(15), NOT_YET, 0),  # a top-up may still come
        ((), d(31), NOT_YET, 0),  # due today: not over yet
        ((), d(1, 8), MET, 0),
        ((DatedAmount(d(10), 50_000),), d(15), NOT_YET, 1),  # never "missed" before the window ends
        ((DatedAmount(d(10), 50_000), DatedAmount(d(31), 1)), d(1, 8), MISSED, 2),
        ((DatedAmount(d(30, 6), 50_000), DatedAmount(d(1, 8), 50_000)), d(2, 8), MET, 0),  # outside
    ],
)
def test_no_top_ups(top_ups: tuple[DatedAmount, ...], today: dt.date, status: GoalStatus, done: int) -> None:
    progress = evaluate(NO_TOP_UPS, evidence(top_ups=top_ups), today)
    assert (progress.status, progress.done, progress.needed, progress.unit) == (status, done, 0, Unit.TOP_UPS)


# --- owner_pay -----------------------------------------------------------------------------------

WEEKLY = goal(GoalKind.OWNER_PAY, set_on=d(3), due=d(28), target=300_000, per=PayEvery.WEEK)  # Wed → Sun


def pays(*pairs: tuple[int, int]) -> tuple[DatedAmount, ...]:
    return tuple(DatedAmount(d(day), amount) for day, amount in pairs)


def test_owner_pay_weekly_asks_each_monday_to_sunday_week_ending_in_the_window() -> None:
    progress = evaluate(WEEKLY, evidence(), d(3))
    assert [p.period for p in progress.parts] == [
        Period(d(1), d(7)), Period(d(8), d(14)), Period(d(15), d(21)), Period(d(22), d(28)),
    ]  # fmt: skip
    assert (progress.done, progress.needed, progress.unit) == (0, 4, Unit.WEEKS)


def test_owner_pay_weekly_met_when_every_week_reaches_the_amount() -> None:
    paid = pays((1, 300_000), (13, 100_000), (14, 200_000), (20, 300_000), (28, 300_000))  # the 1st is before set_on
    on_due_day = evaluate(WEEKLY, evidence(owner_pay=paid), d(28))
    assert (on_due_day.status, on_due_day.done) == (NOT_YET, 4)  # she could still take more today
    assert evaluate(WEEKLY, evidence(owner_pay=paid), d(29)).status is MET
    progress = evaluate(WEEKLY, evidence(owner_pay=paid), d(27))
    assert (progress.status, progress.done, progress.needed) == (NOT_YET, 3, 4)


def test_owner_pay_is_a_fixed_pay_not_at_least() -> None:
    """Dewi's case: agreeing Rp125.000 a week and taking Rp300.000 must never read as kept."""
    fixed = goal(GoalKind.OWNER_PAY, set_on=d(1), due=d(14), target=125_000, per=PayEvery.WEEK)
    paid = pays((3, 300_000), (10, 125_000))
    during = evaluate(fixed, evidence(owner_pay=paid), d(12))
    assert [(p.met, p.too_much) for p in during.parts] == [(False, True), (True, False)]
    assert (during.status, during.done, during.needed) == (NOT_YET, 1, 2)  # missed only once over
    assert evaluate(fixed, evidence(owner_pay=paid), d(15)).status is MISSED


@pytest.mark.parametrize(
    ("amount", "kept"),
    [(124_999, False), (125_000, True), (137_500, True), (137_501, False)],  # X .. X + 10 %
)
def test_owner_pay_allows_ten_percent_above_the_agreed_pay(amount: int, kept: bool) -> None:
    fixed = goal(GoalKind.OWNER_PAY, set_on=d(1), due=d(7), target=125_000, per=PayEvery.WEEK)
    progress = evaluate(fixed, evidence(owner_pay=pays((4, amount))), d(8))
    assert progress.parts[0].met is kept
    assert progress.status is (MET if kept else MISSED)


def test_owner_pay_weekly_one_rupiah_short_in_one_week_is_missed() -> None:
    paid = pays((6, 300_000), (14, 299_999), (20, 300_000), (27, 300_000))
    progress = evaluate(WEEKLY, evidence(owner_pay=paid), d(29))
    assert (progress.status, progress.done, progress.needed) == (MISSED, 3, 4)
    assert [p.met for p in progress.parts] == [True, False, True, True]
    assert progress.parts[1].done == 299_999 and progress.parts[1].needed == 300_000


def test_owner_pay_week_still_running_at_due_is_not_asked() -> None:
    wednesday_due = goal(GoalKind.OWNER_PAY, set_on=d(1), due=d(17), target=100, per=PayEvery.WEEK)
    paid = pays((2, 100), (9, 100))
    progress = evaluate(wednesday_due, evidence(owner_pay=paid), d(18))
    assert progress.needed == 2 and progress.status is MET  # the week of the 15th ends after the due date


def test_owner_pay_weekly_without_a_whole_week_is_not_measurable() -> None:
    tuesday_to_friday = goal(GoalKind.OWNER_PAY, set_on=d(2), due=d(5), target=100, per=PayEvery.WEEK)
    assert [p.code for p in goal_problems(tuesday_to_friday)] == ["goal_window_too_short"]
    assert evaluate(tuesday_to_friday, evidence(), d(3)).status is NOT_MEASURABLE


def test_owner_pay_monthly() -> None:
    monthly = goal(GoalKind.OWNER_PAY, set_on=d(15), due=d(31, 8), target=1_000_000, per=PayEvery.MONTH)
    paid = (DatedAmount(d(2), 1_000_000), DatedAmount(d(10, 8), 600_000), DatedAmount(d(31, 8), 399_999))
    progress = evaluate(monthly, evidence(owner_pay=paid), d(1, 9))
    assert [p.period for p in progress.parts] == [Period.month(2024, 7), Period.month(2024, 8)]
    assert (progress.status, progress.done, progress.needed, progress.unit) == (MISSED, 1, 2, Unit.MONTHS)
    paid_enough = (*paid, DatedAmount(d(20, 8), 1))
    assert evaluate(monthly, evidence(owner_pay=paid_enough), d(1, 9)).status is MET
    paid_too_much = (*paid_enough, DatedAmount(d(25, 8), 100_001))
    assert evaluate(monthly, evidence(owner_pay=paid_too_much), d(1, 9)).status is MISSED


# --- sales_at_least ------------------------------------------------------------------------------

SALES = goal(GoalKind.SALES_AT_LEAST, due=d(31), target=1_000_000)


@pytest.mark.parametrize(
    ("total", "today", "status"),
    [
        (1_000_000, d(20), MET),  # exactly the target, before due: final
        (999_999, d(20), NOT_YET),
        (999_999, d(31), NOT_YET),  # due today
        (1_000_000, d(31), MET),
        (999_999, d(1, 8), MISSED),  # one Rupiah short
    ],
)
def test_sales_at_least(total: int, today: dt.date, status: GoalStatus) -> None:
    sales = (DatedAmount(d(5), total - 1), DatedAmount(d(6), 1), DatedAmount(d(30, 6), 5_000_000))
    progress = evaluate(SALES, evidence(sales=sales), today)
    assert (progress.status, progress.done, progress.needed, progress.unit) == (status, total, 1_000_000, Unit.RUPIAH)


def test_sales_after_due_do_not_count() -> None:
    sales = (DatedAmount(d(5), 900_000), DatedAmount(d(1, 8), 500_000))
    progress = evaluate(SALES, evidence(sales=sales), d(2, 8))
    assert (progress.status, progress.done) == (MISSED, 900_000)


@given(st.lists(st.tuples(st.integers(0, 40), st.integers(1, 400_000)), max_size=20), st.integers(-2, 45))
def test_sales_properties(sales: list[tuple[int, int]], offset: int) -> None:
    today = JULY_1 + dt.timedelta(days=offset)
    facts = evidence(sales=tuple(DatedAmount(JULY_1 + dt.timedelta(days=n), a) for n, a in sales))
    progress = evaluate(SALES, facts, today)
    assert progress.done is not None
    assert (progress.status is MET) == (progress.done >= 1_000_000)
    assert progress.status is not MISSED or today > SALES.due


# --- keep_cash -----------------------------------------------------------------------------------

KEEP = goal(GoalKind.KEEP_CASH, due=d(31), target=500_000)


def cash(*changes: tuple[dt.date, int], opening: int = 100_000) -> GoalEvidence:
    return evidence(business_opening=opening, business_changes=tuple(DatedAmount(day, a) for day, a in changes))


@pytest.mark.parametrize(
    ("at_due", "today", "status", "done"),
    [
        (500_000, d(20), NOT_YET, 700_000),  # above the target now, but money may still go out
        (500_000, d(31), NOT_YET, 500_000),  # due today: not over
        (500_000, d(1, 8), MET, 500_000),  # exactly the target at the end of the due day
        (499_999, d(1, 8), MISSED, 499_999),  # one Rupiah short
    ],
)
def test_keep_cash_is_the_balance_at_the_end_of_the_due_day(
    at_due: int, today: dt.date, status: GoalStatus, done: int
) -> None:
    facts = cash((d(10), 600_000), (d(25), at_due - 700_000), (d(1, 8), -400_000))
    progress = evaluate(KEEP, facts, today)
    assert (progress.status, progress.done, progress.needed) == (status, done, 500_000)


def test_business_balance_counts_from_since() -> None:
    facts = cash((d(31, 5), 1_000), (d(1, 6), 5_000), (d(2, 6), -2_000))  # 31 May lies before since
    assert facts.business_balance(d(1, 6)) == 105_000
    assert facts.business_balance(d(2, 6)) == 103_000


# --- spend_on ------------------------------------------------------------------------------------


def spend(day: int, name: str, amount: int, category_id: str = "") -> CategorySpend:
    return CategorySpend(d(day), category_id or name, name, amount)


@pytest.mark.parametrize("category", [" kemasan /  LABEL ", "cat-kemasan"])
def test_spend_on_matches_by_name_key_or_id(category: str) -> None:
    on_packaging = goal(GoalKind.SPEND_ON, due=d(31), target=50_000, category=category)
    facts = evidence(
        business_spending=(
            spend(3, "Kemasan / label", 30_000, "cat-kemasan"),
            spend(4, "Promosi / iklan", 40_000),
            spend(30, "Kemasan / label", 19_999, "cat-kemasan"),
        )
    )
    progress = evaluate(on_packaging, facts, d(30))
    assert (progress.status, progress.done, progress.needed) == (NOT_YET, 49_999, 50_000)
    assert evaluate(on_packaging, facts, d(1, 8)).status is MISSED
    more = GoalEvidence(
        since=facts.since, business_spending=(*facts.business_spending, spend(31, "Kemasan / label", 1, "cat-kemasan"))
    )
    assert evaluate(on_packaging, more, d(31)).status is MET


# --- free text, problems, the span to read --------------------------------------------------------


def test_free_text_is_not_measurable() -> None:
    progress = evaluate(goal(GoalKind.FREE_TEXT, text="Coba jualan di grup WA RT"), evidence(), d(10))
    assert (progress.status, progress.done, progress.needed, progress.unit) == (NOT_MEASURABLE, None, None, None)
    assert goal_problems(goal(GoalKind.FREE_TEXT, text="  ")) == (goal_problems(goal(GoalKind.FREE_TEXT))[0],)


@pytest.mark.parametrize(
    ("bad", "code"),
    [
        (goal(GoalKind.RECORD_DAYS), "goal_target_needed"),
        (goal(GoalKind.SALES_AT_LEAST, target=0), "goal_target_needed"),
        (goal(GoalKind.RECORD_DAYS, target=31), "goal_days_over_window"),
        (goal(GoalKind.OWNER_PAY, target=100), "goal_per_needed"),
        (goal(GoalKind.SPEND_ON, target=100, category=" "), "goal_category_needed"),
        (goal(GoalKind.NO_TOP_UPS, set_on=d(5), due=d(4)), "goal_due_before_start"),
        (goal(GoalKind.FREE_TEXT), "goal_text_needed"),
    ],
)
def test_goal_problems(bad: Goal, code: str) -> None:
    assert [p.code for p in goal_problems(bad)] == [code]
    if bad.kind is not GoalKind.FREE_TEXT:
        assert evaluate(bad, evidence(), d(10)).status is NOT_MEASURABLE


def test_good_goals_have_no_problems() -> None:
    for good in (RECORD_25, NO_TOP_UPS, WEEKLY, SALES, KEEP, goal(GoalKind.RECORD_DAYS, target=30)):
        assert goal_problems(good) == ()
    problem = goal_problems(goal(GoalKind.RECORD_DAYS, target=31))[0]
    assert dict(problem.params) == {"days": 31, "window_days": 30}


def test_facts_needed_reaches_back_to_the_first_week() -> None:
    assert facts_needed([SALES, WEEKLY], d(10)) == Period(d(1), d(10))
    late = goal(GoalKind.OWNER_PAY, set_on=d(17), due=d(31), target=1, per=PayEvery.WEEK)  # a Wednesday
    assert facts_needed([late, replace(SALES, set_on=d(20))], d(25)) == Period(d(15), d(25))
    assert facts_needed([goal(GoalKind.FREE_TEXT, text="x")], d(10)) is None


def test_month_end() -> None:
    assert month_end(dt.date(2024, 2, 10)) == dt.date(2024, 2, 29)
