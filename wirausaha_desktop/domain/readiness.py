"""The graduation readiness checklist (issue 8 §8): what the data shows, and what the mentor judged.

It shows readiness; **it never decides**. There is deliberately no "ready" value here: only each
item's state and how many items are met (``items_met`` of ``items_total``). The mentor records the
decision, with a note, elsewhere; the lights and this list inform that conversation and never
decide aid or graduation (DESIGN §3).

Data items are read from the monthly ``Summary`` values (DESIGN §3) of the last three complete
calendar months, which the service picks. An item is ``not_met`` as soon as one month shows it
failed, ``unknown`` when no month failed but one is missing or grey ("belum cukup catatan"), and
``met`` only when every one of the three months shows it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction

from .standing import Period, Status, Summary, Thresholds

MONTHS = 3


class ItemState(StrEnum):
    MET = "met"
    NOT_MET = "not_met"
    UNKNOWN = "unknown"  # grey data, a month missing, or the mentor has not judged it yet


class ItemSource(StrEnum):
    DATA = "data"  # computed from the book
    MENTOR = "mentor"  # recorded by the mentor (yes / no / not yet known)


DATA_ITEMS = ("covers_costs", "pay_within_profit", "recording", "no_top_ups")
"""Three months of costs covered; pay within profit; recording at least 80 %; no top-ups."""

JUDGED_ITEMS = ("packaging", "marketing_channel", "permits", "savings")
"""Packaging; a marketing channel; permits such as NIB or PIRT; savings. The mentor's judgement."""


@dataclass(frozen=True)
class MonthState:
    """One month of a data item: the indicator's status that month and what it means for the item."""

    period: Period
    status: Status
    state: ItemState


@dataclass(frozen=True)
class ReadinessItem:
    """One line of the checklist. ``months`` (data items only, oldest first) shows which month
    failed; ``value`` is the recording share over the three months (``recording`` only)."""

    code: str
    source: ItemSource
    state: ItemState
    months: tuple[MonthState, ...] = ()
    value: float | None = None


@dataclass(frozen=True)
class Readiness:
    """The checklist: data items first, then the mentor's, in the order of the two tuples above."""

    items: tuple[ReadinessItem, ...]
    months: tuple[Period, ...]  # the months the data items read, oldest first

    def item(self, code: str) -> ReadinessItem:
        return next(i for i in self.items if i.code == code)

    def _count(self, state: ItemState) -> int:
        return sum(1 for i in self.items if i.state is state)

    @property
    def items_met(self) -> int:
        return self._count(ItemState.MET)

    @property
    def items_not_met(self) -> int:
        return self._count(ItemState.NOT_MET)

    @property
    def items_unknown(self) -> int:
        return self._count(ItemState.UNKNOWN)

    @property
    def items_total(self) -> int:
        return len(self.items)


_PASSING = {
    # The brief asks for covers_costs green (S/E ≥ 1.10: costs covered with a margin).
    "covers_costs": frozenset({Status.GREEN}),
    # Yellow is 0.8 P < G ≤ P: tight, but still within profit, which is what the item says.
    "pay_within_profit": frozenset({Status.GREEN, Status.YELLOW}),
    # Only K = 0 is "no top-ups"; yellow means one small top-up.
    "no_top_ups": frozenset({Status.GREEN}),
    # Per month for context only: the recording item itself pools the three months.
    "recording": frozenset({Status.GREEN}),
}


def _month_state(code: str, summary: Summary) -> MonthState:
    indicator = summary.indicator(code)
    if indicator.status is Status.GREY:
        # A top-up is a fact even when too few days are recorded to judge the rest.
        failed = code == "no_top_ups" and summary.business.top_ups > 0
        return MonthState(summary.period, indicator.status, ItemState.NOT_MET if failed else ItemState.UNKNOWN)
    passing = indicator.status in _PASSING[code]
    return MonthState(summary.period, indicator.status, ItemState.MET if passing else ItemState.NOT_MET)


def _combine(states: Sequence[ItemState], complete: bool) -> ItemState:
    if ItemState.NOT_MET in states:
        return ItemState.NOT_MET
    if not complete or ItemState.UNKNOWN in states:
        return ItemState.UNKNOWN
    return ItemState.MET


def _recording_item(summaries: Sequence[Summary], thresholds: Thresholds) -> ReadinessItem:
    """Recording is pooled over the three months (sum of D over sum of O), not month by month:
    one slow month with a good quarter is still a habit."""
    recorded = sum(s.days.recorded for s in summaries)
    open_days = sum(s.days.open for s in summaries)
    value = round(recorded / open_days, 4) if open_days else None
    months = tuple(_month_state("recording", s) for s in summaries)  # each month's light, for context
    if len(summaries) < MONTHS or open_days < thresholds.recording_min_open_days:
        state = ItemState.UNKNOWN
    elif Fraction(recorded, open_days) >= thresholds.recording_green:
        state = ItemState.MET
    else:
        state = ItemState.NOT_MET
    return ReadinessItem("recording", ItemSource.DATA, state, months, value)


def _judged_state(value: bool | None) -> ItemState:
    return ItemState.UNKNOWN if value is None else ItemState.MET if value else ItemState.NOT_MET


def readiness(
    summaries: Sequence[Summary],
    judged: Mapping[str, bool | None],
    thresholds: Thresholds | None = None,
) -> Readiness:
    """The checklist from the monthly summaries of the last three complete calendar months and the
    mentor's recorded judgements (``JUDGED_ITEMS`` code → yes / no / None for not yet known; a
    missing code is not yet known).

    Pass the months the service picked; if more than three are given, the latest three count, and
    if fewer (a young book), the missing months leave an item ``unknown`` unless a given month
    already failed it. ``thresholds`` must be the ones the summaries were made with (the 80 % of
    the recording item is ``recording_green``).
    """
    unknown_codes = set(judged) - set(JUDGED_ITEMS)
    if unknown_codes:
        raise ValueError(f"not a judged readiness item: {sorted(unknown_codes)}")
    thresholds = thresholds or Thresholds()
    months = sorted(summaries, key=lambda s: s.period.start)[-MONTHS:]
    complete = len(months) == MONTHS
    items = []
    for code in DATA_ITEMS:
        if code == "recording":
            items.append(_recording_item(months, thresholds))
            continue
        states = tuple(_month_state(code, s) for s in months)
        items.append(ReadinessItem(code, ItemSource.DATA, _combine([m.state for m in states], complete), states))
    for code in JUDGED_ITEMS:
        items.append(ReadinessItem(code, ItemSource.MENTOR, _judged_state(judged.get(code))))
    return Readiness(tuple(items), tuple(s.period for s in months))
