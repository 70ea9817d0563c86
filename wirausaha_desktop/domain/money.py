"""Rupiah as ``int``: the one module that parses and formats amounts.

Input follows how people write money in Indonesia (``../shared/GLOSSARY.md`` §Formats):
``15000``, ``15.000``, ``15,000``, ``Rp 15.000``, ``15rb``, ``15 ribu``, ``1,5jt``, ``2 juta``.
Without a unit, ``.`` and ``,`` only group thousands; with a unit, ``,`` is the decimal mark
(``1,5jt``) and ``.`` is one too unless it groups thousands (``1.5jt`` but ``1.500rb``).
Floats never touch an amount: fractions are computed with integers.
"""

from __future__ import annotations

import re

from .problems import Problem

MAX_ENTRY_AMOUNT = 10_000_000_000
"""The largest amount one entry may hold (Rp10.000.000.000)."""

_UNITS = {"rb": 1_000, "ribu": 1_000, "k": 1_000, "jt": 1_000_000, "juta": 1_000_000}
TEXT_LIMIT = 40
"""The longest text read as an amount. Longer input is refused before any ``int()``: Python
refuses to convert more than 4,300 digits, and no amount up to the limit needs more than ~25 characters."""

# Only ASCII digits: ``\d`` and ``str.isdigit`` also accept "٣", "²" and "１", which ``int()``
# either reads as a number nobody meant or refuses with a ValueError.
_SHAPE = re.compile(r"^(?P<num>[0-9][0-9.,]*)\s*(?P<unit>ribu|rb|k|juta|jt)?\.?$")
_DIGITS = re.compile(r"[0-9]+")
_LONG_NUMBER = re.compile(r"(?:rp\.?)?[0-9.,\s]+(?:ribu|rb|k|juta|jt)?\.?")
_GROUPED = re.compile(r"^[0-9]{1,3}(?:([.,])[0-9]{3})(?:\1[0-9]{3})*$")
_SHORT_FRACTION = re.compile(r"^[0-9]+[.,][0-9]{1,2}$")
_DOT_GROUPED = re.compile(r"^[0-9]{1,3}(?:\.[0-9]{3})+$")
_WITH_DECIMAL_COMMA = re.compile(r"^(?P<int>[0-9]{1,3}(?:\.[0-9]{3})+|[0-9]+)(?:,(?P<frac>[0-9]+))?$")
_WITH_DECIMAL_DOT = re.compile(r"^(?P<int>[0-9]+)\.(?P<frac>[0-9]+)$")


def parse_amount(text: str) -> int | Problem:
    """Read an amount typed by a person; return whole Rupiah or the problem with it. Never raises."""
    s = text.replace("\u00a0", " ").strip().lower()
    if not s:
        return Problem.of("amount_empty")
    if len(s) > TEXT_LIMIT:
        return _too_long(s, text)
    s = s.replace("\u2212", "-")
    negative = s.startswith("-")
    s = s.lstrip("-").strip()
    if s.startswith("rp"):
        s = s[2:].lstrip(".").strip()
    if s.startswith("-"):
        negative = True
        s = s.lstrip("-").strip()
    if s.endswith(",-"):  # "Rp15.000,-" as written on price tags
        s = s[:-2].rstrip()
    match = _SHAPE.match(s)
    if match is None:
        if not any(ch.isdigit() for ch in s):
            return Problem.of("amount_not_number", text=text.strip())
        return Problem.of("amount_malformed", text=text.strip())
    num, unit = match["num"], match["unit"]
    value = _read_number(num, _UNITS[unit] if unit else 1)
    if isinstance(value, Problem):
        return Problem.of(value.code, text=text.strip())
    if negative:
        return Problem.of("amount_negative", text=text.strip())
    if value == 0:
        return Problem.of("amount_zero")
    if value > MAX_ENTRY_AMOUNT:
        return Problem.of("amount_too_large", limit=MAX_ENTRY_AMOUNT)
    return value


def _too_long(s: str, text: str) -> Problem:
    """A long run of digits is a number too large to be an amount; anything else long is not one
    (quoted short, so that the message stays one line)."""
    if _LONG_NUMBER.fullmatch(s):
        return Problem.of("amount_too_large", limit=MAX_ENTRY_AMOUNT)
    shown = " ".join(text.split())
    shown = shown if len(shown) <= TEXT_LIMIT else shown[: TEXT_LIMIT - 1] + "…"
    if not any(ch.isdigit() for ch in s):
        return Problem.of("amount_not_number", text=shown)
    return Problem.of("amount_malformed", text=shown)


def _read_number(num: str, multiplier: int) -> int | Problem:
    if _DIGITS.fullmatch(num):
        return int(num) * multiplier
    if multiplier == 1:
        if _GROUPED.match(num):
            return int(num.replace(".", "").replace(",", ""))
        if _SHORT_FRACTION.match(num):
            return Problem.of("amount_fraction")
        return Problem.of("amount_malformed")
    if "," not in num and _DOT_GROUPED.match(num):
        return int(num.replace(".", "")) * multiplier
    parts = _WITH_DECIMAL_COMMA.match(num) or _WITH_DECIMAL_DOT.match(num)
    if parts is None:
        return Problem.of("amount_malformed")
    whole = int(parts["int"].replace(".", ""))
    fraction = parts["frac"] or ""
    scaled = int(fraction or "0") * multiplier
    denominator: int = 10 ** len(fraction)
    if scaled % denominator:
        return Problem.of("amount_fraction")
    return whole * multiplier + scaled // denominator


def _require_int(amount: int) -> None:
    if isinstance(amount, bool) or not isinstance(amount, int):
        raise TypeError(f"Rupiah amounts are int, not {type(amount).__name__}")


def group_thousands(amount: int) -> str:
    """``1234567`` → ``1.234.567`` (no sign, no currency)."""
    _require_int(amount)
    return f"{abs(amount):,}".replace(",", ".")


def format_rupiah(amount: int) -> str:
    """``15000`` → ``Rp15.000``; ``-250000`` → ``-Rp250.000`` (PUEBI: no space after Rp)."""
    _require_int(amount)
    sign = "-" if amount < 0 else ""
    return f"{sign}Rp{group_thousands(amount)}"


def format_compact(amount: int, english: bool = False) -> str:
    """Short form for chart labels: ``15 rb``, ``2,5 jt``, ``1,2 M``; below a thousand, digits.

    ``english``: ``15k``, ``2.5m``, ``1.2bn`` for the English screen (the GUI passes its language;
    the domain knows no language)."""
    _require_int(amount)
    sign = "-" if amount < 0 else ""
    size = abs(amount)
    units = ((1_000_000_000, "bn"), (1_000_000, "m"), (1_000, "k")) if english else (
        (1_000_000_000, " M"), (1_000_000, " jt"), (1_000, " rb"))  # fmt: skip
    thousands, decimal = (",", ".") if english else (".", ",")
    for unit, word in units:
        if size >= unit:
            tenths = (size * 10 + unit // 2) // unit
            whole, tenth = divmod(tenths, 10)
            text = f"{whole:,}".replace(",", thousands) + (f"{decimal}{tenth}" if tenth else "")
            return f"{sign}{text}{word}"
    return f"{sign}{size}"
