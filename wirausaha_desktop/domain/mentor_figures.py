"""The mentor's figures beside her book (issue 8 §4): owner's pay against household spending and
against the local minimum wage (UMK, a kiosk setting, per month).

Pure and exact: money is whole Rupiah, a share is a ``Fraction``; the UMK is scaled to the period's
length as UMK × days / 30 with integer arithmetic (rounded down).
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from .standing import Summary

UMK_DAYS = 30
"""The UMK is a monthly wage; a period of ``UMK_DAYS`` days gets exactly one UMK."""


@dataclass(frozen=True)
class MentorFigures:
    owner_pay: int  # G: what the business paid her
    household_spending: int  # her personal book's spending
    pay_of_spending: Fraction | None  # G / household spending; None when she spent nothing
    days: int  # the period's length
    umk_monthly: int | None
    umk_for_period: int | None  # UMK × days / 30, rounded down; None without a UMK
    pay_of_umk: Fraction | None  # G / the period's UMK; None without a UMK (or a UMK of 0)


def mentor_figures(summary: Summary, umk_monthly: int | None) -> MentorFigures:
    pay, spending = summary.business.owner_pay, summary.personal.spending
    days = (summary.period.end - summary.period.start).days + 1
    umk_for_period = None if umk_monthly is None else umk_monthly * days // UMK_DAYS
    return MentorFigures(
        owner_pay=pay,
        household_spending=spending,
        pay_of_spending=Fraction(pay, spending) if spending else None,
        days=days,
        umk_monthly=umk_monthly,
        umk_for_period=umk_for_period,
        pay_of_umk=Fraction(pay, umk_for_period) if umk_for_period else None,
    )


def percent(share: Fraction) -> int:
    """A share as a whole percent, rounded half up (2/3 → 67)."""
    return (share.numerator * 200 + share.denominator) // (share.denominator * 2)
