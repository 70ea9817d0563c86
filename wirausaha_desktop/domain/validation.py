"""Checks on what a person enters, as pure functions that return problems (or None)."""

from __future__ import annotations

import datetime as dt

from .money import MAX_ENTRY_AMOUNT
from .problems import Problem

NOTE_LIMIT = 200
REASON_LIMIT = 200
EARLIEST_DATE = dt.date(2000, 1, 1)


def amount_problem(amount: int) -> Problem | None:
    if isinstance(amount, bool) or not isinstance(amount, int):
        return Problem.of("amount_not_number", text=str(amount))
    if amount <= 0:
        return Problem.of("amount_zero" if amount == 0 else "amount_negative", text=str(amount))
    if amount > MAX_ENTRY_AMOUNT:
        return Problem.of("amount_too_large", limit=MAX_ENTRY_AMOUNT)
    return None


def date_problem(day: dt.date, today: dt.date) -> Problem | None:
    if day > today:
        return Problem.of("date_in_future", date=day.isoformat())
    if day < EARLIEST_DATE:
        return Problem.of("date_too_old", date=day.isoformat())
    return None


def note_problem(note: str) -> Problem | None:
    return Problem.of("note_too_long", limit=NOTE_LIMIT) if len(note) > NOTE_LIMIT else None


def reason_problem(reason: str) -> Problem | None:
    if not reason.strip():
        return Problem.of("reason_empty")
    return Problem.of("reason_too_long", limit=REASON_LIMIT) if len(reason) > REASON_LIMIT else None


def parse_date(text: str) -> dt.date | Problem:
    """``2024-07-27`` or ``27/07/2024`` (how dates are written in CSV files and by hand)."""
    raw = text.strip()
    try:
        if "/" in raw:
            day, month, year = raw.split("/")
            if len(year) != 4:
                raise ValueError(raw)
            return dt.date(int(year), int(month), int(day))
        if len(raw) == 10:
            return dt.date.fromisoformat(raw)
    except ValueError:
        pass
    return Problem.of("date_malformed", text=raw)
