"""Goals agreed in a coaching session, and whether the book's data shows them met (issue 8 §5).

A goal is a template tied to the data (DESIGN §2: "catat 25 dari 30 hari", "tidak ada tambah
modal bulan ini", "gaji Ibu Rp300.000 per minggu") or free text. ``evaluate`` turns a goal and the
plain facts the service read (``GoalEvidence``) into a ``GoalProgress``: a status code and the two
numbers her screen words ("12 dari 25 hari"). No words here: the GUI turns codes into text.

The rules every kind follows, so that a goal never flips back and forth in front of her:

* The window is ``set_on`` .. ``due``, both days included.
* ``met`` as soon as the data makes it final: later entries can only add to what is done (days
  recorded, sales, spending, owner's pay), so reaching the target cannot be undone except by voiding.
  Kinds that more entries could still spoil (no top-ups, keep cash, a fixed pay) are ``met`` only once the window
  is over.
* ``missed`` only once the window is over, i.e. from the day after ``due``. On the due day itself a
  goal not yet met is ``not_yet``: the day is not over, she may still record today's sales. (This
  errs towards encouragement; the mentor sees the numbers either way.)
* ``not_measurable`` for free text, and for a goal whose fields cannot be measured (see
  ``goal_problems``, which the service runs before it stores a goal).
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from .categories import category_key
from .problems import Problem
from .standing import Period

ONE_DAY = dt.timedelta(days=1)

PACKAGING_CATEGORY = "Kemasan / label"
PROMOTION_CATEGORY = "Promosi / iklan"
SPEND_ON_CATEGORIES = (PACKAGING_CATEGORY, PROMOTION_CATEGORY)
"""The categories the *spend on* template offers: the programme's known weak spots (issue 8 §7)."""


class GoalKind(StrEnum):
    RECORD_DAYS = "record_days"  # record on at least N days of the window
    NO_TOP_UPS = "no_top_ups"  # no Tambah modal in the window
    OWNER_PAY = "owner_pay"  # pay yourself a fixed Rp X each week / each month (about X: not less, not much more)
    SALES_AT_LEAST = "sales_at_least"  # sales of at least Rp X in the window
    KEEP_CASH = "keep_cash"  # business balance at least Rp X at the end of the due day
    SPEND_ON = "spend_on"  # spend at least Rp X on one category (packaging, promotion)
    FREE_TEXT = "free_text"  # agreed in words; the data cannot check it

    @property
    def measurable(self) -> bool:
        return self is not GoalKind.FREE_TEXT


class PayEvery(StrEnum):
    """How often an owner-pay goal asks for the amount: Monday–Sunday weeks or calendar months."""

    WEEK = "week"
    MONTH = "month"


class GoalStatus(StrEnum):
    MET = "met"
    NOT_YET = "not_yet"
    MISSED = "missed"
    NOT_MEASURABLE = "not_measurable"


class Unit(StrEnum):
    """What ``done`` and ``needed`` count, so that the GUI can word them."""

    DAYS = "days"  # "12 dari 25 hari"
    RUPIAH = "rupiah"  # "Rp450.000 dari Rp1.000.000"
    TOP_UPS = "top_ups"  # a ceiling: done top-ups, at most ``needed`` (always 0)
    WEEKS = "weeks"  # weeks that reached the pay, of the weeks asked
    MONTHS = "months"  # months that reached the pay, of the months asked


_KIND_UNIT = {
    GoalKind.RECORD_DAYS: Unit.DAYS,
    GoalKind.NO_TOP_UPS: Unit.TOP_UPS,
    GoalKind.SALES_AT_LEAST: Unit.RUPIAH,
    GoalKind.KEEP_CASH: Unit.RUPIAH,
    GoalKind.SPEND_ON: Unit.RUPIAH,
}


@dataclass(frozen=True, kw_only=True)
class Goal:
    """One agreed goal. ``target`` is days for ``record_days`` and Rupiah for the amount kinds;
    ``per`` only for ``owner_pay``; ``category`` (a category id or name) only for ``spend_on``;
    ``text`` is what was agreed in words (kept for every kind, the only content of ``free_text``)."""

    id: str
    kind: GoalKind
    target: int | None = None
    per: PayEvery | None = None
    category: str | None = None
    text: str = ""
    set_on: dt.date
    due: dt.date

    @property
    def window(self) -> Period:
        return Period(self.set_on, self.due)


@dataclass(frozen=True)
class DatedAmount:
    """One amount on one day: a move, a day's sales, a day's net change (then it may be negative)."""

    day: dt.date
    amount: int


@dataclass(frozen=True)
class CategorySpend:
    """Business money out on one day in one category (non-voided entries, summed per day is fine)."""

    day: dt.date
    category_id: str
    category_name: str
    amount: int


@dataclass(frozen=True, kw_only=True)
class GoalEvidence:
    """The plain facts goals are measured against, for one profile, over non-voided entries.

    One value serves every goal of a profile: facts are dated and ``evaluate`` keeps only those in a
    goal's window, so the service may read the span ``facts_needed`` returns once. Every field
    covers ``since`` .. today; facts outside a goal's window are ignored.
    """

    since: dt.date
    """The first day the facts cover."""
    recorded: frozenset[dt.date] = frozenset()
    """Days with at least one entry in either ledger (D of DESIGN §3, day by day)."""
    closed: frozenset[dt.date] = frozenset()
    """Days marked *usaha tutup hari ini* (with or without entries: a recorded day stays open)."""
    owner_pay: tuple[DatedAmount, ...] = ()
    """Each *Ambil untuk pribadi* move (business → personal), with its date."""
    top_ups: tuple[DatedAmount, ...] = ()
    """Each *Tambah modal* move (personal → business); never *Modal awal*."""
    sales: tuple[DatedAmount, ...] = ()
    """Business money in of flow kind ``sales``, per day (or per entry)."""
    business_spending: tuple[CategorySpend, ...] = ()
    """Business money out of flow kind ``operating``, per day and category."""
    business_opening: int = 0
    """Business balance at the start of ``since``, before that day's entries."""
    business_changes: tuple[DatedAmount, ...] = ()
    """Net business change per day from ``since`` (signed: money in minus money out, moves included)."""

    def business_balance(self, day: dt.date) -> int:
        """Business balance at the end of ``day`` (``day`` on or after ``since``)."""
        return self.business_opening + sum(c.amount for c in self.business_changes if self.since <= c.day <= day)


PAY_TOLERANCE_PERCENT = 10
"""A fixed pay is kept when a week's (month's) pay is X up to X + 10 %: rounding to the notes she
has is fine, taking much more is not (the lesson is a steady salary, not "at least X")."""


def pay_limit(needed: int) -> int:
    """The most a week (month) of a fixed-pay goal may hold and still count as kept."""
    return needed + needed * PAY_TOLERANCE_PERCENT // 100


@dataclass(frozen=True)
class PartProgress:
    """One week or month of an owner-pay goal: what she paid herself in it and what was agreed."""

    period: Period
    done: int
    needed: int

    @property
    def too_much(self) -> bool:
        """She took more than the agreed pay (beyond the tolerance): this part can no longer be kept."""
        return self.done > pay_limit(self.needed)

    @property
    def met(self) -> bool:
        return self.needed <= self.done <= pay_limit(self.needed)


@dataclass(frozen=True)
class GoalProgress:
    """What the data shows for one goal on ``today``.

    ``done`` / ``needed`` are in ``unit`` (None for ``not_measurable``). ``measured_through`` is the
    last day whose data counted (the due day, or today if sooner; None before the window starts).
    ``parts`` lists each week or month of an owner-pay goal, oldest first.
    """

    goal_id: str
    kind: GoalKind
    status: GoalStatus
    done: int | None
    needed: int | None
    unit: Unit | None
    window: Period
    measured_through: dt.date | None
    parts: tuple[PartProgress, ...] = ()


def goal_problems(goal: Goal) -> tuple[Problem, ...]:
    """What stops a goal from being measured, as problems (code + params); empty when it can be.

    The service refuses to store a goal with problems, so ``evaluate`` meets them only in data
    written some other way and then says ``not_measurable``.
    """
    problems: list[Problem] = []
    window_days = (goal.due - goal.set_on).days + 1
    if goal.due < goal.set_on:
        problems.append(Problem.of("goal_due_before_start", set_on=goal.set_on.isoformat(), due=goal.due.isoformat()))
    if goal.kind is GoalKind.FREE_TEXT:
        if not goal.text.strip():
            problems.append(Problem.of("goal_text_needed"))
        return tuple(problems)
    if goal.kind is not GoalKind.NO_TOP_UPS and (goal.target is None or goal.target <= 0):
        problems.append(Problem.of("goal_target_needed", kind=goal.kind.value))
    if goal.kind is GoalKind.RECORD_DAYS and goal.target is not None and goal.target > window_days >= 1:
        problems.append(Problem.of("goal_days_over_window", days=goal.target, window_days=window_days))
    if goal.kind is GoalKind.OWNER_PAY:
        if goal.per is None:
            problems.append(Problem.of("goal_per_needed"))
        elif goal.due >= goal.set_on and not _pay_parts(goal):
            problems.append(Problem.of("goal_window_too_short", per=goal.per.value))
    if goal.kind is GoalKind.SPEND_ON and not (goal.category or "").strip():
        problems.append(Problem.of("goal_category_needed"))
    return tuple(problems)


def facts_needed(goals: Iterable[Goal], today: dt.date) -> Period | None:
    """The span of days the service must read into one ``GoalEvidence`` for these goals.

    An owner-pay goal counts pay made anywhere in its first week or month, which may begin before
    ``set_on``; so the span starts at that Monday or first of the month. None when no goal is
    measurable.
    """
    starts = []
    for goal in goals:
        if not goal.kind.measurable:
            continue
        start = goal.set_on
        for part in _pay_parts(goal) if goal.kind is GoalKind.OWNER_PAY else ():
            start = min(start, part.start)
        starts.append(start)
    if not starts:
        return None
    first = min(starts)
    return Period(first, max(first, today))


def _week_of(day: dt.date) -> Period:
    monday = day - dt.timedelta(days=day.weekday())
    return Period(monday, monday + dt.timedelta(days=6))


def _month_of(day: dt.date) -> Period:
    return Period.month(day.year, day.month)


def _pay_parts(goal: Goal) -> tuple[Period, ...]:
    """The weeks (Monday–Sunday, GLOSSARY) or calendar months an owner-pay goal asks about: each one
    that *ends* inside the window. A week or month still running at ``due`` is not asked for (it is
    not over by the agreed date); one that began before ``set_on`` is, and pay from its first day
    counts (she agreed "Rp300.000 a week" on a Wednesday and had paid herself on Monday)."""
    if goal.per is None or goal.due < goal.set_on:
        return ()
    part_of = _week_of if goal.per is PayEvery.WEEK else _month_of
    parts = []
    part = part_of(goal.set_on)
    while part.end <= goal.due:
        if part.end >= goal.set_on:
            parts.append(part)
        part = part_of(part.end + ONE_DAY)
    return tuple(parts)


def _sum_in(amounts: Iterable[DatedAmount], start: dt.date, end: dt.date) -> int:
    return sum(a.amount for a in amounts if start <= a.day <= end)


def evaluate(goal: Goal, evidence: GoalEvidence, today: dt.date) -> GoalProgress:
    """What the data shows for ``goal`` on ``today`` (the module docstring gives the rules).

    Per kind, ``done`` of ``needed``:

    * ``record_days``: recorded days in the window so far, of min(N, open days in the window). A
      closed day does not count against her record (DESIGN §3), so each closed day without entries
      lowers what is needed, never below what the window can hold. Days still to come count as open.
    * ``no_top_ups``: top-ups in the window so far, of at most 0. Met only once the window is over.
    * ``owner_pay``: weeks (or months) in which her pay was X (X up to X + 10 %, ``pay_limit``), of
      the weeks asked for (see ``_pay_parts``); each one is in ``parts``. Taking more can spoil a
      week, so it is met only once the window is over and every part was kept. A part that took too
      much says so (``PartProgress.too_much``) at once; the goal itself is missed, like every kind,
      only once the window is over.
    * ``sales_at_least`` / ``spend_on``: Rupiah in the window so far, of X. Met once reached.
    * ``keep_cash``: business balance at the end of the due day (today's balance before then), of X.
      Met only once the window is over: money can still go out on the due day.
    """
    window = goal.window
    over = today > goal.due
    started = today >= goal.set_on
    through = min(today, goal.due) if started else None
    if not goal.kind.measurable or goal_problems(goal):
        return GoalProgress(goal.id, goal.kind, GoalStatus.NOT_MEASURABLE, None, None, None, window, through)

    last = through or goal.set_on - ONE_DAY  # before the window starts, nothing counts
    parts: tuple[PartProgress, ...] = ()
    final_when_reached = True
    if goal.kind is GoalKind.RECORD_DAYS:
        assert goal.target is not None
        in_window = frozenset(day for day in evidence.recorded if goal.set_on <= day <= last)
        closed = frozenset(day for day in evidence.closed if goal.set_on <= day <= goal.due) - evidence.recorded
        open_days = (goal.due - goal.set_on).days + 1 - len(closed)
        done, needed = len(in_window), min(goal.target, open_days)
    elif goal.kind is GoalKind.NO_TOP_UPS:
        done = sum(1 for t in evidence.top_ups if goal.set_on <= t.day <= last)
        needed = 0
        return GoalProgress(
            goal.id, goal.kind, _status(done == 0 and over, over), done, needed, Unit.TOP_UPS, window, through
        )
    elif goal.kind is GoalKind.OWNER_PAY:
        assert goal.target is not None and goal.per is not None
        parts = tuple(
            PartProgress(part, _sum_in(evidence.owner_pay, part.start, min(part.end, today)), goal.target)
            for part in _pay_parts(goal)
        )
        done, needed = sum(1 for p in parts if p.met), len(parts)
        unit = Unit.WEEKS if goal.per is PayEvery.WEEK else Unit.MONTHS
        status = _status(done >= needed and over, over)
        return GoalProgress(goal.id, goal.kind, status, done, needed, unit, window, through, parts)
    elif goal.kind is GoalKind.SALES_AT_LEAST:
        assert goal.target is not None
        done, needed = _sum_in(evidence.sales, goal.set_on, last), goal.target
    elif goal.kind is GoalKind.SPEND_ON:
        assert goal.target is not None and goal.category is not None
        wanted = category_key(goal.category)
        done = sum(
            s.amount
            for s in evidence.business_spending
            if goal.set_on <= s.day <= last
            and (s.category_id == goal.category or category_key(s.category_name) == wanted)
        )
        needed = goal.target
    else:  # KEEP_CASH
        assert goal.target is not None
        done = evidence.business_balance(min(today, goal.due))
        needed = goal.target
        final_when_reached = False
    reached = done >= needed
    status = _status(reached and (final_when_reached or over), over)
    return GoalProgress(goal.id, goal.kind, status, done, needed, _KIND_UNIT[goal.kind], window, through, parts)


def _status(met: bool, over: bool) -> GoalStatus:
    if met:
        return GoalStatus.MET
    return GoalStatus.MISSED if over else GoalStatus.NOT_YET


def days_in_window(goal: Goal) -> int:
    """How many days the window holds (both ends included); the GUI's "dari 30 hari"."""
    return max((goal.due - goal.set_on).days + 1, 0)


def month_end(day: dt.date) -> dt.date:
    """The last day of ``day``'s month: the due date of a "this month" goal."""
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])
