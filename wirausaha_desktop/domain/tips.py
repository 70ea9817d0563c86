"""Tips: short lessons triggered by her data, as rules that are data (issue 8 §7).

A rule is a code, its parameters (thresholds, keyword lists, the help it points to) and a pure
test over ``TipEvidence``; ``RULES`` is the whole list, so a kiosk or a test can pass a changed copy
without touching code. A fired rule gives a ``Tip``: the code and the numbers its message needs.
No words here: the GUI turns ``tip_<code>`` into plain Indonesian. She sees at most one tip on her
main screen (``first_tip``); the mentor sees all of them in the session (``tips_for``).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from functools import lru_cache
from types import MappingProxyType
from typing import Any

from .categories import category_key
from .goals import PACKAGING_CATEGORY, PROMOTION_CATEGORY, DatedAmount
from .model import FlowKind
from .standing import Period

Params = Mapping[str, Any]


def _frozen(mapping: Mapping[str, Any] | None = None) -> Params:
    return MappingProxyType(dict(mapping or {}))


@dataclass(frozen=True)
class BusinessOut:
    """One non-voided business-ledger money-out entry (moves excluded), as the mixing detector
    and the cost rules read it."""

    day: dt.date
    amount: int
    category_name: str
    kind: FlowKind  # operating, equipment or loan_repayment
    note: str = ""
    category_id: str | None = None


@dataclass(frozen=True, kw_only=True)
class TipEvidence:
    """The plain facts the tip rules read, for one profile on ``today``.

    ``period`` is the span the figures cover: the rolling last 30 days ending today (DESIGN §3, so
    that tips do not vanish when a month begins); ``previous_operating_by_category`` covers the
    same number of days just before it.
    """

    today: dt.date
    period: Period
    book_started: dt.date
    """The first day of her book (profile created): no rule looks further back, none nags a new book."""
    recorded_days: int
    """D of the period: days with at least one entry. Figure-based rules wait for enough of them."""
    sales: int
    """S of the period (business, flow kind ``sales``)."""
    operating: int
    """E of the period (business, flow kind ``operating``)."""
    owner_pay: int
    """G of the period: *Ambil untuk pribadi* moves."""
    top_ups: tuple[DatedAmount, ...] = ()
    """Each *Tambah modal* move in the period (never *Modal awal*)."""
    business_out: tuple[BusinessOut, ...] = ()
    """Every business money-out entry of the period, moves excluded."""
    previous_operating_by_category: Mapping[str, int] = field(default_factory=_frozen)
    """Operating spending per category name in the period just before ``period``."""
    last_entry: dt.date | None = None
    """The last day with an entry in either ledger, ever; None if she has recorded nothing."""
    closed: frozenset[dt.date] = frozenset()
    """Days marked closed since ``last_entry`` (they do not count as silent days)."""
    last_spent: Mapping[str, dt.date] = field(default_factory=_frozen)
    """Category name → the last day with business spending in it, ever (for packaging, promotion)."""

    @property
    def profit(self) -> int:
        return self.sales - self.operating

    def operating_by_category(self) -> dict[str, int]:
        totals: dict[str, int] = defaultdict(int)
        for out in self.business_out:
            if out.kind is FlowKind.OPERATING:
                totals[out.category_name] += out.amount
        return dict(totals)


@dataclass(frozen=True)
class Tip:
    """A fired rule: its code and the parameters its message needs (amounts, names, a help code)."""

    code: str
    params: Params
    priority: int


Check = Callable[[TipEvidence, Params], bool]
Details = Callable[[TipEvidence, Params], Params]


def _no_details(_evidence: TipEvidence, _params: Params) -> Params:
    return _frozen()


@dataclass(frozen=True)
class TipRule:
    """``applies`` decides; ``details`` (called only when it applies) gives the message's numbers.
    Smaller ``priority`` comes first."""

    code: str
    params: Params
    applies: Check
    priority: int
    details: Details = _no_details


# --- words: how the mixing detector reads a note -------------------------------------------------

_TOKEN = re.compile(r"[^\W\d_]+|\d+")


@lru_cache(maxsize=4096)  # the same notes and the same rule words are read at every refresh of her book
def normalise_words(text: str) -> str:
    """Lower case, accents dropped, letters and digits split into words with one space between:
    "Beli BERAS-5kg" → "beli beras 5 kg". Matching whole words of this form is what keeps "beras"
    from firing on "berasal"."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return " ".join(_TOKEN.findall(plain.casefold()))


def words_found(text: str, words: Iterable[str]) -> tuple[str, ...]:
    """The ``words`` (each one word or several) that occur in ``text`` as whole words."""
    padded = f" {normalise_words(text)} "
    return tuple(word for word in words if f" {normalise_words(word)} " in padded)


# --- the rules -----------------------------------------------------------------------------------


def _enough_days(evidence: TipEvidence, params: Params) -> bool:
    return evidence.recorded_days >= int(params.get("min_recorded_days", 0))


def _pay_above_profit(evidence: TipEvidence, params: Params) -> bool:
    return _enough_days(evidence, params) and evidence.owner_pay > max(evidence.profit, 0)


def _pay_above_profit_details(evidence: TipEvidence, _params: Params) -> Params:
    over = evidence.owner_pay - max(evidence.profit, 0)
    return _frozen({"owner_pay": evidence.owner_pay, "profit": evidence.profit, "over": over})


def _silent_days(evidence: TipEvidence) -> int:
    """Open days since the last entry, today included (closed days are not silence)."""
    last = evidence.last_entry or evidence.book_started - dt.timedelta(days=1)
    days = (evidence.today - last).days
    return sum(1 for i in range(1, days + 1) if last + dt.timedelta(days=i) not in evidence.closed)


def _no_entries(evidence: TipEvidence, params: Params) -> bool:
    return _silent_days(evidence) >= int(params["days"])


def _no_entries_details(evidence: TipEvidence, _params: Params) -> Params:
    last = evidence.last_entry.isoformat() if evidence.last_entry else None
    return _frozen({"days": _silent_days(evidence), "last_entry": last})


def _household_matches(evidence: TipEvidence, params: Params) -> list[tuple[BusinessOut, tuple[str, ...]]]:
    stock = {category_key(name) for name in params["stock_categories"]}
    matches = []
    for out in evidence.business_out:
        text = f"{out.note} {out.category_name}"
        found = words_found(text, params["words"])
        if category_key(out.category_name) not in stock:
            found += words_found(text, params["stock_words"])
        if found:
            matches.append((out, found))
    return matches


def _other_spending(evidence: TipEvidence, params: Params) -> int:
    other = category_key(params["other_category"])
    return sum(
        o.amount
        for o in evidence.business_out
        if o.kind is FlowKind.OPERATING and category_key(o.category_name) == other
    )


def _other_share_high(evidence: TipEvidence, params: Params) -> bool:
    other = _other_spending(evidence, params)
    return _enough_days(evidence, params) and other > 0 and other > params["other_share"] * evidence.operating


def _mixing(evidence: TipEvidence, params: Params) -> bool:
    return bool(_household_matches(evidence, params)) or _other_share_high(evidence, params)


def _mixing_details(evidence: TipEvidence, params: Params) -> Params:
    matches = _household_matches(evidence, params)
    if matches:
        words: list[str] = []
        for _out, found in matches:
            words.extend(w for w in found if w not in words)
        return _frozen(
            {
                "reason": "household_words",
                "words": tuple(words),
                "entries": len(matches),
                "amount": sum(out.amount for out, _found in matches),
            }
        )
    other = _other_spending(evidence, params)
    percent = other * 100 // evidence.operating if evidence.operating else 100
    return _frozen({"reason": "other_share", "amount": other, "percent": percent, "category": params["other_category"]})


def _largest_top_up(evidence: TipEvidence) -> DatedAmount | None:
    return max(evidence.top_ups, key=lambda t: (t.amount, t.day), default=None)


def _large_top_up(evidence: TipEvidence, params: Params) -> bool:
    largest = _largest_top_up(evidence)
    if largest is None:
        return False
    share: Fraction = params["share"]
    amount: int = params["amount"]
    return largest.amount > share * evidence.operating or largest.amount > amount


def _large_top_up_details(evidence: TipEvidence, _params: Params) -> Params:
    largest = _largest_top_up(evidence)
    assert largest is not None
    return _frozen({"amount": largest.amount, "day": largest.day.isoformat(), "operating": evidence.operating})


def _growing_costs(evidence: TipEvidence, params: Params) -> list[tuple[int, str, int, int]]:
    """(increase, category, before, now) for each category that grew past both thresholds; a cost
    new this period is not growth (there is nothing to compare with)."""
    grown = []
    for name, now in evidence.operating_by_category().items():
        before = evidence.previous_operating_by_category.get(name, 0)
        increase = now - before
        if before > 0 and increase > params["growth"] * before and increase >= params["min_increase"]:
            grown.append((increase, name, before, now))
    return sorted(grown, key=lambda g: (-g[0], g[1]))


def _cost_growing(evidence: TipEvidence, params: Params) -> bool:
    return _enough_days(evidence, params) and bool(_growing_costs(evidence, params))


def _cost_growing_details(evidence: TipEvidence, params: Params) -> Params:
    increase, name, before, now = _growing_costs(evidence, params)[0]
    return _frozen(
        {"category": name, "before": before, "now": now, "increase": increase, "percent": increase * 100 // before}
    )


def _days_without(evidence: TipEvidence, params: Params) -> int:
    """Days since she last spent in the category, or since her book began if she never did."""
    wanted = category_key(params["category"])
    days = [day for name, day in evidence.last_spent.items() if category_key(name) == wanted]
    since = max([*days, evidence.book_started])
    return (evidence.today - since).days


def _never_spends_on(evidence: TipEvidence, params: Params) -> bool:
    """Selling (sales in the period) but nothing on the category for ``days``."""
    return evidence.sales > 0 and _days_without(evidence, params) >= int(params["days"])


def _never_spends_details(evidence: TipEvidence, params: Params) -> Params:
    return _frozen({"category": params["category"], "days": _days_without(evidence, params), "help": params["help"]})


HOUSEHOLD_WORDS = (
    "spp",
    "sekolah anak",
    "uang sekolah",
    "biaya sekolah",
    "uang jajan",
    "jajan anak",
    "arisan",
    "kondangan",
    "pulsa pribadi",
    "listrik rumah",
    "token rumah",
    "kontrakan",
    "sewa rumah",
    "belanja dapur",
    "bpjs",
)
"""Words that in a business entry almost always mean household spending. Bare "sekolah" is not
one: a snack seller's "sewa kantin sekolah" is business rent."""

STOCK_WORDS = ("beras", "susu", "susu anak", "popok", "pampers", "rokok", "gula", "minyak goreng", "telur")
"""Household words that are also a warung's or a food seller's stock: they count only outside the
stock categories (a warung kelontong's "kulakan rokok" is business)."""

STOCK_CATEGORIES = ("Kulakan / belanja dagangan", "Bahan baku")

RULES: tuple[TipRule, ...] = (
    TipRule("no_entries_7_days", _frozen({"days": 7}), _no_entries, 10, _no_entries_details),
    TipRule(
        "mixing",
        _frozen(
            {
                "words": HOUSEHOLD_WORDS,
                "stock_words": STOCK_WORDS,
                "stock_categories": STOCK_CATEGORIES,
                "other_category": "Pengeluaran lain usaha",
                "other_share": Fraction(3, 10),
                "min_recorded_days": 10,
            }
        ),
        _mixing,
        20,
        _mixing_details,
    ),
    TipRule("pay_above_profit", _frozen({"min_recorded_days": 10}), _pay_above_profit, 30, _pay_above_profit_details),
    TipRule(
        "large_top_up",
        _frozen({"share": Fraction(1, 4), "amount": 500_000}),
        _large_top_up,
        40,
        _large_top_up_details,
    ),
    TipRule(
        "cost_growing_fast",
        _frozen({"growth": Fraction(1, 2), "min_increase": 100_000, "min_recorded_days": 10}),
        _cost_growing,
        50,
        _cost_growing_details,
    ),
    TipRule(
        "packaging",
        _frozen({"category": PACKAGING_CATEGORY, "days": 60, "help": "pelatihan_kemasan_kemensos"}),
        _never_spends_on,
        60,
        _never_spends_details,
    ),
    TipRule(
        "promotion",
        _frozen({"category": PROMOTION_CATEGORY, "days": 60, "help": "pelatihan_pemasaran_digital"}),
        _never_spends_on,
        70,
        _never_spends_details,
    ),
)
"""Every tip, in no particular order (``priority`` orders them). Codes are stable: messages and
any record of a tip shown refer to them."""


def tips_for(evidence: TipEvidence, rules: Sequence[TipRule] = RULES) -> list[Tip]:
    """Every rule that applies, most important first (smaller priority; ties keep ``rules`` order)."""
    fired = [
        Tip(rule.code, rule.details(evidence, rule.params), rule.priority)
        for rule in rules
        if rule.applies(evidence, rule.params)
    ]
    return sorted(fired, key=lambda tip: tip.priority)


def first_tip(evidence: TipEvidence, rules: Sequence[TipRule] = RULES) -> Tip | None:
    """The one tip for her main screen: one lesson at a time, the most important."""
    fired = tips_for(evidence, rules)
    return fired[0] if fired else None
