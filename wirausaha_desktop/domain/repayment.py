"""How much she could safely repay a month, from her own books (the KUR letter, issue 10 §3).

The rule, stated on the letter in the same words:

1. For each of the last three calendar months, the money the business had left
   (``free_cash``) = sales − operating costs (interest and fees included) − *Ambil untuk pribadi*
   − the loan principal she already repays.
2. A safe instalment is at most **30 %** of the average of those three months, and **never more
   than the lowest month** left; rounded **down** to whole Rp1.000.
3. None when any month left nothing (or lost money), and not worked out at all when any month
   has fewer than 10 recorded days (the lights' own "belum cukup catatan").

Why (``../shared/background/anchors-2026-12.md``): OJK's *Sikapi Uangmu* rule of thumb is total
instalments at most 30 % of income [OJK1]. Banks judge repayment capacity from the business's cash
flow [KUR7]; taking the 30 % of what is left *after* her household's pay and her existing
instalments, rather than of sales or of income, is deliberately more cautious, because a stall's
month is uneven and a missed KUR instalment shows in SLIK [SLK1]. The lowest-month cap keeps one
good month (Lebaran, a catering order) from lifting the figure above what a slow month can carry.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction

from .standing import Period

SAFE_SHARE = Fraction(3, 10)
ROUND_TO = 1_000
MONTHS = 3
MIN_RECORDED_DAYS = 10


@dataclass(frozen=True)
class MonthCash:
    """One month's business figures as the letter shows them."""

    period: Period
    sales: int
    operating: int
    owner_pay: int
    loan_repayments: int
    recorded_days: int

    @property
    def profit(self) -> int:
        return self.sales - self.operating

    @property
    def free_cash(self) -> int:
        """What the business had left after her pay and the principal she already repays."""
        return self.profit - self.owner_pay - self.loan_repayments


class Verdict(StrEnum):
    SAFE = "safe"  # an amount above zero
    NO_ROOM = "no_room"  # some month left nothing: no new instalment is safe now
    NOT_ENOUGH_RECORDS = "not_enough_records"  # a month with too few recorded days to judge


@dataclass(frozen=True)
class SafeRepayment:
    verdict: Verdict
    amount: int  # Rupiah per month; 0 unless SAFE
    average_free_cash: int  # rounded down
    lowest_free_cash: int
    short_months: tuple[Period, ...]  # months with fewer than MIN_RECORDED_DAYS recorded days


def safe_repayment(months: Sequence[MonthCash], min_recorded_days: int = MIN_RECORDED_DAYS) -> SafeRepayment:
    """The rule above, in integers (30 % of an average is worked as a fraction, then floored)."""
    if not months:
        raise ValueError("at least one month")
    free = [m.free_cash for m in months]
    total, lowest = sum(free), min(free)
    average = total // len(months)
    short = tuple(m.period for m in months if m.recorded_days < min_recorded_days)
    if short:
        return SafeRepayment(Verdict.NOT_ENOUGH_RECORDS, 0, average, lowest, short)
    if lowest <= 0:
        return SafeRepayment(Verdict.NO_ROOM, 0, average, lowest, ())
    share = SAFE_SHARE * Fraction(total, len(months))
    amount = min(share.numerator // share.denominator, lowest) // ROUND_TO * ROUND_TO
    if amount <= 0:
        return SafeRepayment(Verdict.NO_ROOM, 0, average, lowest, ())
    return SafeRepayment(Verdict.SAFE, amount, average, lowest, ())
