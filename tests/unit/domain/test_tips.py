"""Each tip rule fires on the data it is about and stays quiet just beside it."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from types import MappingProxyType

import pytest

from wirausaha_desktop.domain.goals import DatedAmount
from wirausaha_desktop.domain.model import FlowKind
from wirausaha_desktop.domain.standing import Period
from wirausaha_desktop.domain.tips import (
    RULES,
    BusinessOut,
    TipEvidence,
    first_tip,
    normalise_words,
    tips_for,
    words_found,
)

TODAY = dt.date(2024, 7, 31)


def ago(days: int) -> dt.date:
    return TODAY - dt.timedelta(days=days)


CALM = TipEvidence(
    today=TODAY,
    period=Period(ago(29), TODAY),
    book_started=dt.date(2024, 1, 1),
    recorded_days=20,
    sales=3_000_000,
    operating=2_000_000,
    owner_pay=500_000,
    last_entry=TODAY,
    last_spent=MappingProxyType({"Kemasan / label": ago(10), "Promosi / iklan": ago(20)}),
)
"""A steady book: no rule fires on it."""


def codes(evidence: TipEvidence) -> list[str]:
    return [tip.code for tip in tips_for(evidence)]


def out(note: str, category: str = "Pengeluaran lain usaha", amount: int = 50_000) -> BusinessOut:
    return BusinessOut(ago(3), amount, category, FlowKind.OPERATING, note)


def test_a_calm_book_gets_no_tip() -> None:
    assert tips_for(CALM) == []
    assert first_tip(CALM) is None


def test_rules_are_data_with_stable_unique_codes() -> None:
    assert [r.code for r in RULES] == [
        "no_entries_7_days", "mixing", "pay_above_profit", "large_top_up", "cost_growing_fast", "packaging",
        "promotion",
    ]  # fmt: skip
    assert len({r.priority for r in RULES}) == len(RULES)


# --- pay_above_profit ----------------------------------------------------------------------------


def test_pay_above_profit_fires_one_rupiah_over() -> None:
    tips = tips_for(replace(CALM, owner_pay=1_000_001))
    assert [t.code for t in tips] == ["pay_above_profit"]
    assert dict(tips[0].params) == {"owner_pay": 1_000_001, "profit": 1_000_000, "over": 1}


def test_pay_above_profit_fires_on_a_loss() -> None:
    tip = first_tip(replace(CALM, sales=1_000_000, owner_pay=1))
    assert tip is not None and tip.code == "pay_above_profit" and tip.params["over"] == 1


@pytest.mark.parametrize(
    "quiet",
    [
        replace(CALM, owner_pay=1_000_000),  # exactly the profit
        replace(CALM, sales=1_000_000, owner_pay=0),  # a loss but no pay
        replace(CALM, owner_pay=5_000_000, recorded_days=9),  # too few days to judge
    ],
)
def test_pay_above_profit_quiet(quiet: TipEvidence) -> None:
    assert "pay_above_profit" not in codes(quiet)


# --- no_entries_7_days ---------------------------------------------------------------------------


def test_no_entries_for_7_days_fires() -> None:
    tips = tips_for(replace(CALM, last_entry=ago(7)))
    assert [t.code for t in tips] == ["no_entries_7_days"]
    assert dict(tips[0].params) == {"days": 7, "last_entry": "2024-07-24"}


@pytest.mark.parametrize(
    "quiet",
    [
        replace(CALM, last_entry=ago(6)),
        replace(CALM, last_entry=ago(9), closed=frozenset({ago(5), ago(4), ago(3)})),  # closed days are not silence
        replace(CALM, last_entry=None, book_started=ago(5)),  # a new book
    ],
)
def test_no_entries_quiet(quiet: TipEvidence) -> None:
    assert "no_entries_7_days" not in codes(quiet)


def test_never_recorded_counts_from_the_book_start() -> None:
    tip = first_tip(replace(CALM, last_entry=None, book_started=ago(6)))
    assert tip is not None and dict(tip.params) == {"days": 7, "last_entry": None}


# --- mixing --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("entry", "words"),
    [
        (out("Beli BERAS 5kg"), ("beras",)),
        (out("beras5kg"), ("beras",)),
        (out("Béras"), ("beras",)),
        (out("Bayar SPP & uang jajan", "Bahan baku"), ("spp", "uang jajan")),  # never stock, in any category
        (out("bulan ini", "Sekolah anak"), ("sekolah anak",)),  # a household category made in the business book
        (out("Susu anak"), ("susu", "susu anak")),
        (out("Rokok sebungkus", "Transport / bensin usaha"), ("rokok",)),
    ],
)
def test_mixing_fires_on_household_words(entry: BusinessOut, words: tuple[str, ...]) -> None:
    tips = tips_for(replace(CALM, business_out=(entry, out("plastik", "Kemasan / label"))))
    assert [t.code for t in tips] == ["mixing"]
    assert dict(tips[0].params) == {"reason": "household_words", "words": words, "entries": 1, "amount": 50_000}


@pytest.mark.parametrize(
    "entry",
    [
        out("Kain berasal dari Bandung"),  # "beras" inside another word
        out("Seberas", "Bahan baku"),
        out("Beli beras 5kg", "Bahan baku"),  # a food seller's raw material
        out("Kulakan rokok 2 slop", "Kulakan / belanja dagangan"),  # a warung's stock
        out("Sewa kantin sekolah", "Sewa tempat"),  # a snack seller's rent
        out("isi ulang", "Pulsa / paket data usaha"),  # the business phone credit, not "pulsa pribadi"
        out("token", "Listrik / gas / air usaha"),
    ],
)
def test_mixing_quiet(entry: BusinessOut) -> None:
    assert codes(replace(CALM, business_out=(entry,))) == []


def test_mixing_fires_on_a_large_other_spending_share() -> None:
    other = out("macam-macam", amount=600_001)
    tips = tips_for(replace(CALM, business_out=(other,)))
    assert [t.code for t in tips] == ["mixing"]
    assert dict(tips[0].params) == {
        "reason": "other_share", "amount": 600_001, "percent": 30, "category": "Pengeluaran lain usaha",
    }  # fmt: skip


@pytest.mark.parametrize(
    "quiet",
    [
        replace(CALM, business_out=(out("macam-macam", amount=600_000),)),  # exactly 30 %
        replace(CALM, business_out=(out("macam-macam", amount=900_000),), recorded_days=9),
    ],
)
def test_other_share_quiet(quiet: TipEvidence) -> None:
    assert codes(quiet) == []


def test_words_are_normalised_and_whole() -> None:
    assert normalise_words("  Beli BERAS-5kg, té!  ") == "beli beras 5 kg te"
    assert words_found("uang   JAJAN anak", ("uang jajan", "jajan anak", "jajan")) == (
        "uang jajan", "jajan anak", "jajan",
    )  # fmt: skip
    assert words_found("kopisusu", ("susu",)) == ()


# --- large_top_up --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("top_ups", "operating"),
    [
        ((DatedAmount(ago(3), 500_001),), 4_000_000),  # above the Rupiah threshold
        ((DatedAmount(ago(3), 10_000), DatedAmount(ago(2), 250_001)), 1_000_000),  # above a quarter of E
    ],
)
def test_large_top_up_fires(top_ups: tuple[DatedAmount, ...], operating: int) -> None:
    evidence = replace(CALM, top_ups=top_ups, operating=operating, sales=operating * 2)
    tips = tips_for(evidence)
    assert [t.code for t in tips] == ["large_top_up"]
    largest = max(top_ups, key=lambda t: t.amount)
    assert dict(tips[0].params) == {"amount": largest.amount, "day": largest.day.isoformat(), "operating": operating}


@pytest.mark.parametrize(
    ("top_ups", "operating"),
    [
        ((), 1_000_000),
        ((DatedAmount(ago(3), 500_000),), 4_000_000),  # exactly the Rupiah threshold
        ((DatedAmount(ago(3), 250_000), DatedAmount(ago(2), 250_000)), 1_000_000),  # exactly a quarter each
    ],
)
def test_large_top_up_quiet(top_ups: tuple[DatedAmount, ...], operating: int) -> None:
    assert codes(replace(CALM, top_ups=top_ups, operating=operating, sales=operating * 2)) == []


# --- cost_growing_fast ---------------------------------------------------------------------------


def growing(now: int, before: int, recorded_days: int = 20) -> TipEvidence:
    return replace(
        CALM,
        business_out=(out("tepung", "Bahan baku", now), out("gerobak baru", "Beli alat", 5_000_000)),
        previous_operating_by_category=MappingProxyType({"Bahan baku": before, "Sewa tempat": 300_000}),
        recorded_days=recorded_days,
    )


def test_cost_growing_fast_fires() -> None:
    tips = tips_for(growing(now=300_001, before=200_000))
    assert [t.code for t in tips] == ["cost_growing_fast"]
    assert dict(tips[0].params) == {
        "category": "Bahan baku", "before": 200_000, "now": 300_001, "increase": 100_001, "percent": 50,
    }  # fmt: skip


@pytest.mark.parametrize(
    ("now", "before", "recorded_days"),
    [
        (300_000, 200_000, 20),  # exactly +50 %
        (100_000, 10_000, 20),  # +900 % but only Rp90.000 more
        (500_000, 0, 20),  # a new cost is not growth
        (900_000, 200_000, 9),  # too few days
    ],
)
def test_cost_growing_fast_quiet(now: int, before: int, recorded_days: int) -> None:
    assert codes(growing(now, before, recorded_days)) == []


def test_equipment_is_not_a_cost_that_grows() -> None:
    evidence = replace(
        CALM,
        business_out=(BusinessOut(ago(1), 5_000_000, "Beli alat", FlowKind.EQUIPMENT),),
        previous_operating_by_category=MappingProxyType({"Beli alat": 100_000}),
    )
    assert codes(evidence) == []


# --- packaging and promotion ---------------------------------------------------------------------


def test_packaging_fires_after_60_days_while_selling() -> None:
    evidence = replace(CALM, last_spent=MappingProxyType({"kemasan / LABEL": ago(60), "Promosi / iklan": ago(1)}))
    tips = tips_for(evidence)
    assert [t.code for t in tips] == ["packaging"]
    assert dict(tips[0].params) == {"category": "Kemasan / label", "days": 60, "help": "pelatihan_kemasan_kemensos"}


def test_promotion_fires_when_never_spent_on_an_old_book() -> None:
    evidence = replace(CALM, last_spent=MappingProxyType({"Kemasan / label": ago(1)}), book_started=ago(61))
    tips = tips_for(evidence)
    assert [t.code for t in tips] == ["promotion"]
    assert tips[0].params["help"] == "pelatihan_pemasaran_digital" and tips[0].params["days"] == 61


@pytest.mark.parametrize(
    "quiet",
    [
        replace(CALM, last_spent=MappingProxyType({"Kemasan / label": ago(59), "Promosi / iklan": ago(59)})),
        replace(CALM, last_spent=MappingProxyType({}), book_started=ago(59)),  # a young book
        replace(CALM, last_spent=MappingProxyType({}), sales=0, operating=0, owner_pay=0),  # not selling
    ],
)
def test_packaging_and_promotion_quiet(quiet: TipEvidence) -> None:
    assert codes(quiet) == []


# --- order, one tip for her screen, rules as data -------------------------------------------------


def test_tips_are_ordered_by_priority_and_she_sees_the_first() -> None:
    busy = replace(
        CALM,
        owner_pay=2_000_000,
        last_entry=ago(8),
        top_ups=(DatedAmount(ago(9), 1_000_000),),
        business_out=(out("beras"),),
        last_spent=MappingProxyType({}),
    )
    assert codes(busy) == [
        "no_entries_7_days", "mixing", "pay_above_profit", "large_top_up", "packaging", "promotion",
    ]  # fmt: skip
    tip = first_tip(busy)
    assert tip is not None and tip.code == "no_entries_7_days"


def test_a_changed_rule_is_just_different_data() -> None:
    silence = next(r for r in RULES if r.code == "no_entries_7_days")
    stricter = replace(silence, params=MappingProxyType({"days": 3}))
    evidence = replace(CALM, last_entry=ago(3))
    assert tips_for(evidence) == []
    assert [t.code for t in tips_for(evidence, rules=(stricter,))] == ["no_entries_7_days"]
