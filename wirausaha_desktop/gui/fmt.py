"""Rupiah and dates on screen, through QLocale("id_ID") (``Rp15.000``, ``Sabtu, 27 Juli 2024``)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QLocale, QTime

from .. import i18n
from ..i18n import _

INDONESIAN = QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia)
ENGLISH = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
HIDDEN_AMOUNT = "Rp•••••"


def money(amount: int, hidden: bool = False) -> str:
    """``Rp15.000``; ``-Rp250.000``; dots when amounts are hidden from onlookers."""
    if hidden:
        return HIDDEN_AMOUNT
    if isinstance(amount, bool) or not isinstance(amount, int):
        raise TypeError("Rupiah amounts are int")
    text = INDONESIAN.toCurrencyString(abs(amount), "Rp", 0)
    return f"-{text}" if amount < 0 else text


def _locale() -> QLocale:
    return ENGLISH if i18n.language() == "en" else INDONESIAN


def locale() -> QLocale:
    """The screen's language for Qt's own widgets (date fields): Indonesian unless English is on."""
    return _locale()


def long_date(day: dt.date) -> str:
    return _locale().toString(QDate(day.year, day.month, day.day), "dddd, d MMMM yyyy")


def short_date(day: dt.date) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year:04d}"


def day_month(day: dt.date) -> str:
    """``27 Jul`` for tables, where the year is usually this one."""
    return _locale().toString(QDate(day.year, day.month, day.day), "d MMM")


def day_month_year(day: dt.date) -> str:
    """``5 Des 2026``: a date in a table column, in the screen's language."""
    return _locale().toString(QDate(day.year, day.month, day.day), "d MMM yyyy")


def month_name(year: int, month: int) -> str:
    return _locale().toString(QDate(year, month, 1), "MMMM yyyy")


def date_time(moment: dt.datetime) -> str:
    """``Sabtu, 27 Juli 2024, pukul 10.05`` in the kiosk's own time zone (``moment`` may be UTC)."""
    local = moment.astimezone() if moment.tzinfo is not None else moment
    time = _locale().toString(QTime(local.hour, local.minute), "HH.mm" if i18n.language() == "id" else "HH:mm")
    return _("{date}, pukul {time}", date=long_date(local.date()), time=time)


def whole_number(value: int) -> str:
    """``1.234``: counts of entries, grouped the Indonesian way."""
    return INDONESIAN.toString(value)
