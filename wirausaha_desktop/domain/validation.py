"""Checks on what a person enters, as pure functions that return problems (or None)."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from .money import MAX_ENTRY_AMOUNT
from .problems import Problem

NOTE_LIMIT = 200
REASON_LIMIT = 200
EARLIEST_DATE = dt.date(2000, 1, 1)

_LINE_BREAKS = frozenset("\t\n\r")
"""Control characters a paste brings into a name field; they mean a space."""
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
"""Embeddings, overrides and isolates: they make text show in another order than it is stored."""


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


def clean_name(text: str) -> str | Problem:
    """A name (profile nickname, business type) as it is kept: NFC, one space between words; or
    ``name_bad_character`` if it holds a character of Unicode category Cc or Cf (controls,
    zero-width characters such as U+200B and U+FEFF, bidirectional marks, embeddings, overrides
    and isolates). Those look like nothing, or reorder what is shown, so two names that look the
    same could differ and a name could show another name than it holds. Tabs and line breaks
    count as spaces. Emptiness and length are the caller's checks (their limits differ)."""
    for char in text:
        if unicodedata.category(char) in ("Cc", "Cf") and char not in _LINE_BREAKS:
            return Problem.of("name_bad_character", character=f"U+{ord(char):04X}")
    return " ".join(unicodedata.normalize("NFC", text).split())


def note_problem(note: str) -> Problem | None:
    if len(note) > NOTE_LIMIT:
        return Problem.of("note_too_long", limit=NOTE_LIMIT)
    return bidi_problem(note)


def bidi_problem(note: str) -> Problem | None:
    """A note may hold any printable text, but not a bidirectional embedding, override or isolate:
    it would show as something other than what it holds (a "Trojan Source" note)."""
    found = _BIDI_CONTROLS.search(note)
    return Problem.of("note_bad_character", character=f"U+{ord(found[0]):04X}") if found else None


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
