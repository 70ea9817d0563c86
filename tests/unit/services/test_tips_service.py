"""Tips fire from her real entries over the last 30 days; a quiet book gets none."""

from __future__ import annotations

import datetime as dt
from types import MappingProxyType

import pytest

from tests.helpers import category_id
from wirausaha_desktop import i18n
from wirausaha_desktop.domain.model import AccessAction, Actor, MoveKind, Profile, Role
from wirausaha_desktop.domain.problems import Refused
from wirausaha_desktop.domain.tips import RULES, Tip
from wirausaha_desktop.services.clock import FixedClock
from wirausaha_desktop.services.kiosk import Kiosk
from wirausaha_desktop.tip_words import tip_sentence, tip_title

DAY = dt.timedelta(days=1)


def _days_back(clock: FixedClock, count: int) -> list[dt.date]:
    """The ``count`` days ending today, oldest first."""
    today = clock.today()
    return [today - i * DAY for i in reversed(range(count))]


def _steady_book(kiosk: Kiosk, actor: Actor, profile_id: str, clock: FixedClock, days: int = 20) -> None:
    """Sales every day, stock bought every day, packaging and promotion now and then: nothing to say."""
    sales = category_id(kiosk, "Penjualan")
    stock = category_id(kiosk, "Kulakan / belanja dagangan")
    for day in _days_back(clock, days):
        kiosk.book.record_entry(actor, profile_id, sales, 150_000, day)
        kiosk.book.record_entry(actor, profile_id, stock, 90_000, day, "kopi dan gula")
    last = clock.today()
    kiosk.book.record_entry(actor, profile_id, category_id(kiosk, "Kemasan / label"), 20_000, last, "gelas plastik")
    kiosk.book.record_entry(actor, profile_id, category_id(kiosk, "Promosi / iklan"), 10_000, last, "spanduk")


def test_a_quiet_book_gets_no_tip(kiosk: Kiosk, sari: Profile, sari_actor: Actor, clock: FixedClock) -> None:
    assert kiosk.tips.first_tip(sari_actor, sari.id) is None  # a new, empty book: nothing to nag about
    _steady_book(kiosk, sari_actor, sari.id, clock)
    assert kiosk.tips.tips(sari_actor, sari.id) == []
    assert kiosk.tips.first_tip(sari_actor, sari.id) is None


def test_seven_silent_days_fire_and_closed_days_are_not_silence(
    kiosk: Kiosk, sari: Profile, sari_actor: Actor, clock: FixedClock
) -> None:
    kiosk.book.record_entry(sari_actor, sari.id, category_id(kiosk, "Penjualan"), 50_000, clock.today())
    last = clock.today()
    clock.advance(6 * DAY)
    assert kiosk.tips.first_tip(sari_actor, sari.id) is None  # six silent days: not yet
    clock.advance(DAY)
    tip = kiosk.tips.first_tip(sari_actor, sari.id)
    assert tip is not None and tip.code == "no_entries_7_days"
    assert dict(tip.params) == {"days": 7, "last_entry": last.isoformat()}
    kiosk.book.mark_closed_day(sari_actor, sari.id, clock.today() - DAY)
    assert kiosk.tips.first_tip(sari_actor, sari.id) is None  # she said the shop was shut that day


def test_household_shopping_in_the_business_book_is_the_mixing_tip(
    kiosk: Kiosk, sari: Profile, sari_actor: Actor, clock: FixedClock
) -> None:
    _steady_book(kiosk, sari_actor, sari.id, clock)
    other = category_id(kiosk, "Pengeluaran lain usaha")
    kiosk.book.record_entry(sari_actor, sari.id, other, 50_000, clock.today() - 2 * DAY, "Beli beras 5kg")
    tip = kiosk.tips.first_tip(sari_actor, sari.id)
    assert tip is not None and tip.code == "mixing"
    assert tip.params["reason"] == "household_words"
    assert (tip.params["words"], tip.params["amount"], tip.params["entries"]) == (("beras",), 50_000, 1)


def test_rice_bought_as_stock_is_not_mixing(kiosk: Kiosk, sari: Profile, sari_actor: Actor, clock: FixedClock) -> None:
    _steady_book(kiosk, sari_actor, sari.id, clock)
    stock = category_id(kiosk, "Kulakan / belanja dagangan")
    kiosk.book.record_entry(sari_actor, sari.id, stock, 50_000, clock.today(), "beras 5kg untuk dijual")
    assert kiosk.tips.first_tip(sari_actor, sari.id) is None


def test_owner_pay_above_profit_fires_with_its_numbers(
    kiosk: Kiosk, sari: Profile, sari_actor: Actor, clock: FixedClock
) -> None:
    _steady_book(kiosk, sari_actor, sari.id, clock, days=10)  # profit 10 × 60.000 − 30.000 = 570.000
    kiosk.book.move_money(sari_actor, sari.id, MoveKind.OWNER_PAY, 700_000, clock.today())
    (tip,) = kiosk.tips.tips(sari_actor, sari.id)
    assert tip.code == "pay_above_profit"
    assert dict(tip.params) == {"owner_pay": 700_000, "profit": 570_000, "over": 130_000}


def test_a_large_top_up_fires(kiosk: Kiosk, sari: Profile, sari_actor: Actor, clock: FixedClock) -> None:
    _steady_book(kiosk, sari_actor, sari.id, clock)
    kiosk.book.move_money(sari_actor, sari.id, MoveKind.TOP_UP, 600_000, clock.today() - DAY)
    kiosk.book.move_money(sari_actor, sari.id, MoveKind.START_CAPITAL, 2_000_000, clock.today() - 19 * DAY)
    codes = [t.code for t in kiosk.tips.tips(sari_actor, sari.id)]
    assert codes == ["large_top_up"]  # modal awal is never a top-up


def test_a_cost_growing_fast_against_the_30_days_before(
    kiosk: Kiosk, sari: Profile, sari_actor: Actor, clock: FixedClock
) -> None:
    _steady_book(kiosk, sari_actor, sari.id, clock)
    transport = category_id(kiosk, "Transport / bensin usaha")
    kiosk.book.record_entry(sari_actor, sari.id, transport, 100_000, clock.today() - 40 * DAY)
    kiosk.book.record_entry(sari_actor, sari.id, transport, 250_000, clock.today() - 3 * DAY)
    tip = kiosk.tips.first_tip(sari_actor, sari.id)
    assert tip is not None and tip.code == "cost_growing_fast"
    assert (tip.params["category"], tip.params["before"], tip.params["now"]) == (
        "Transport / bensin usaha",
        100_000,
        250_000,
    )


def test_no_packaging_for_two_months_points_to_the_programme_help(
    kiosk: Kiosk, sari: Profile, sari_actor: Actor, clock: FixedClock
) -> None:
    sales = category_id(kiosk, "Penjualan")
    kiosk.book.record_entry(sari_actor, sari.id, sales, 100_000, clock.today() - 70 * DAY)  # a book from paper
    kiosk.book.record_entry(sari_actor, sari.id, category_id(kiosk, "Promosi / iklan"), 10_000, clock.today())
    for day in _days_back(clock, 12):
        kiosk.book.record_entry(sari_actor, sari.id, sales, 100_000, day)
    tip = kiosk.tips.first_tip(sari_actor, sari.id)
    assert tip is not None and tip.code == "packaging"
    assert dict(tip.params) == {"category": "Kemasan / label", "days": 70, "help": "pelatihan_kemasan_kemensos"}


def test_her_mentor_sees_every_tip_and_the_look_is_in_her_log(
    kiosk: Kiosk, sari: Profile, sari_actor: Actor, operator: Actor, clock: FixedClock
) -> None:
    mentor, _ = kiosk.mentors.create(operator, "Bu Wati", "5555")
    kiosk.mentors.assign(operator, mentor.id, sari.id)
    wati = Actor(Role.MENTOR, mentor.id)
    _steady_book(kiosk, sari_actor, sari.id, clock, days=10)
    kiosk.book.move_money(sari_actor, sari.id, MoveKind.OWNER_PAY, 700_000, clock.today())
    kiosk.book.record_entry(
        sari_actor, sari.id, category_id(kiosk, "Pengeluaran lain usaha"), 40_000, clock.today(), "uang jajan anak"
    )
    assert [t.code for t in kiosk.tips.tips(wati, sari.id)] == ["mixing", "pay_above_profit"]
    first = kiosk.tips.first_tip(sari_actor, sari.id)
    assert first is not None and first.code == "mixing"  # she sees one: the most important
    assert [r.action for r in kiosk.access_log(sari_actor, sari.id)] == [AccessAction.SUMMARY]


def test_nobody_else_reads_her_tips(kiosk: Kiosk, sari: Profile, operator: Actor) -> None:
    other, _ = kiosk.mentors.create(operator, "Bu Siti", "6666")
    dewi, _ = kiosk.profiles.create(operator, "Dewi", "Jahit", "4321", "paper")
    for stranger in (Actor(Role.MENTOR, other.id), Actor.beneficiary(dewi.id)):
        with pytest.raises(Refused):
            kiosk.tips.first_tip(stranger, sari.id)
        with pytest.raises(Refused):
            kiosk.tips.tips(stranger, sari.id)


# --- what she reads ---------------------------------------------------------------------------------

SAMPLE_PARAMS: dict[str, dict[str, object]] = {
    "no_entries_7_days": {"days": 9, "last_entry": "2024-07-18"},
    "mixing": {"reason": "household_words", "words": ("beras",), "entries": 1, "amount": 50_000},
    "pay_above_profit": {"owner_pay": 700_000, "profit": 570_000, "over": 130_000},
    "large_top_up": {"amount": 600_000, "day": "2024-07-26", "operating": 1_800_000},
    "cost_growing_fast": {
        "category": "Transport",
        "before": 100_000,
        "now": 250_000,
        "increase": 150_000,
        "percent": 150,
    },
    "packaging": {"category": "Kemasan / label", "days": 70, "help": "pelatihan_kemasan_kemensos"},
    "promotion": {"category": "Promosi / iklan", "days": 65, "help": "pelatihan_pemasaran_digital"},
}


def test_every_tip_has_its_words_with_her_numbers() -> None:
    assert set(SAMPLE_PARAMS) == {rule.code for rule in RULES}
    words = {code: tip_sentence(Tip(code, MappingProxyType(p), 0)) for code, p in SAMPLE_PARAMS.items()}
    assert words["mixing"] == (
        "Ada belanja rumah di Buku Usaha (beras, Rp50.000). Catat di Buku Pribadi supaya uang usaha terlihat jelas."
    )
    assert "Rp700.000" in words["pay_above_profit"] and "Rp570.000" in words["pay_above_profit"]
    assert words["no_entries_7_days"].startswith("Sudah 9 hari")
    assert "pelatihan kemasan dari Kemensos" in words["packaging"]
    assert "pelatihan pemasaran digital" in words["promotion"]
    assert all(tip_title(Tip(code, MappingProxyType({}), 0)) for code in SAMPLE_PARAMS)
    other = {"reason": "other_share", "amount": 400_000, "percent": 45, "category": "Pengeluaran lain usaha"}
    assert tip_sentence(Tip("mixing", MappingProxyType(other), 20)).startswith("45% biaya usaha")
    with pytest.raises(KeyError):
        tip_sentence(Tip("no_such_tip", MappingProxyType({}), 0))


def test_tip_words_in_english_and_with_amounts_hidden() -> None:
    tip = Tip("mixing", MappingProxyType(SAMPLE_PARAMS["mixing"]), 20)
    assert "Rp•••" in tip_sentence(tip, lambda _amount: "Rp•••")
    i18n.set_language("en")
    assert tip_sentence(tip).startswith("There is household shopping in the Business Book (beras, Rp50.000).")
