"""Small pieces of wording every report shares: dates, months, money, who made it, HTML escaping."""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import QDate, QLocale

from .. import i18n
from ..domain.model import Role
from ..domain.money import format_rupiah
from ..domain.standing import Period
from ..i18n import _
from ..services.report import Maker

_INDONESIAN = QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia)
_ENGLISH = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)


def _locale() -> QLocale:
    return _ENGLISH if i18n.language() == "en" else _INDONESIAN


def long_date(day: dt.date) -> str:
    """``27 Juli 2024`` (a letter's date has no weekday)."""
    return _locale().toString(QDate(day.year, day.month, day.day), "d MMMM yyyy")


def month_name(period: Period) -> str:
    """``Juli 2024``."""
    return _locale().toString(QDate(period.start.year, period.start.month, 1), "MMMM yyyy")


def short_month(year: int, month: int) -> str:
    """``Jul`` (and the year under January on a chart's axis is the caller's business)."""
    return _locale().toString(QDate(year, month, 1), "MMM")


def rupiah(amount: int) -> str:
    return format_rupiah(amount)


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def maker_words(maker: Maker, made_on: dt.date) -> str:
    """The footer's ``Dibuat oleh Bu Wati, 27 Juli 2024``."""
    date = long_date(made_on)
    if maker.role is Role.MENTOR:
        return _("Dibuat oleh pendamping {name}, {date}", name=maker.name, date=date)
    if maker.role is Role.BENEFICIARY:
        return _("Dibuat oleh {name}, {date}", name=maker.name, date=date)
    return _("Dibuat oleh petugas kios, {date}", date=date)


def month_so_far(period: Period, made_on: dt.date) -> str:
    """``Juli 2024``, or ``Juli 2024 (sampai 27 Juli)`` while the month is not over."""
    if made_on < period.end:
        return _(
            "{month} (sampai {date})",
            month=month_name(period),
            date=_locale().toString(QDate(made_on.year, made_on.month, made_on.day), "d MMMM"),
        )
    return month_name(period)
