"""An amount far above her usual: the entry dialog asks "Benar Rp…?" before it saves.

A slip of the finger (one zero too many, 150.000 for 15.000) is the mistake that hurts her books
most and is the easiest to catch: compare the amount with what she usually records for the same
thing. Plain functions, so that the rule is tested without a screen.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

LOOKBACK_DAYS = 90
"""Her usual is what she recorded for the same category (or move) over the last 90 days."""
TIMES_USUAL = 5
"""More than five times her median for that category is "far above her usual"."""
MIN_HISTORY = 3
"""With fewer entries than this, her median says too little: only the fixed bar applies."""
NEVER_ASK_UP_TO = 100_000
"""Small sums are never questioned, however small her usual (a Rp2.000 habit, then Rp20.000)."""
ALWAYS_ASK_ABOVE = 10_000_000
"""Above Rp10 juta she is always asked, whatever her history."""


class Why(StrEnum):
    FAR_ABOVE_USUAL = "far_above_usual"
    VERY_LARGE = "very_large"


@dataclass(frozen=True)
class SecondLook:
    """Why the amount deserves a second look, and her usual for the same thing (None: no history)."""

    why: Why
    usual: int | None


def usual_amount(history: Sequence[int]) -> int | None:
    """Her median for the same category, or None when there are too few entries to say."""
    if len(history) < MIN_HISTORY:
        return None
    return int(statistics.median(history))


def second_look(amount: int, history: Sequence[int]) -> SecondLook | None:
    """None when ``amount`` looks like her usual; otherwise why she should look again."""
    usual = usual_amount(history)
    if amount > ALWAYS_ASK_ABOVE:
        return SecondLook(Why.VERY_LARGE, usual)
    if usual is None or amount <= NEVER_ASK_UP_TO:
        return None
    if amount > TIMES_USUAL * usual:
        return SecondLook(Why.FAR_ABOVE_USUAL, usual)
    return None
