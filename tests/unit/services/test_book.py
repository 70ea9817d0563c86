from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import TODAY
from tests.helpers import category_id, count_rows
from wirausaha_desktop.domain.model import Actor, Balances, Direction, Ledger, MoveKind, Profile
from wirausaha_desktop.domain.problems import Refused
from wirausaha_desktop.services.kiosk import Kiosk
from wirausaha_desktop.storage import books


def test_entries_land_in_the_ledger_of_their_category(kiosk: Kiosk, sari: Profile, sari_actor: Actor) -> None:
    sales = category_id(kiosk, "Penjualan")
    stock = category_id(kiosk, "Kulakan / belanja dagangan")
    food = category_id(kiosk, "Makan / belanja dapur")
    aid = category_id(kiosk, "Bantuan PKH")
    changes = kiosk.book.record_entry(sari_actor, sari.id, sales, 150_000, TODAY, " kopi ")
    assert changes.ledgers == {Ledger.BUSINESS} and len(changes.added) == 1
    kiosk.book.record_entry(sari_actor, sari.id, stock, 60_000, TODAY)
    kiosk.book.record_entry(sari_actor, sari.id, aid, 750_000, TODAY)
    kiosk.book.record_entry(sari_actor, sari.id, food, 45_000, TODAY)
    assert kiosk.book.balances(sari_actor, sari.id) == Balances(business=90_000, personal=705_000)
    newest = kiosk.book.recent_entries(sari_actor, sari.id, Ledger.BUSINESS)
    assert [e.amount for e in newest] == [60_000, 150_000]
    assert newest[1].note == "kopi"


def test_a_move_changes_both_balances(kiosk: Kiosk, sari: Profile, sari_actor: Actor) -> None:
    kiosk.book.move_money(sari_actor, sari.id, MoveKind.START_CAPITAL, 500_000, TODAY)
    kiosk.book.move_money(sari_actor, sari.id, MoveKind.OWNER_PAY, 200_000, TODAY, "uang sekolah")
    assert kiosk.book.balances(sari_actor, sari.id) == Balances(business=300_000, personal=-300_000)


def test_start_capital_is_declared_once(kiosk: Kiosk, sari: Profile, sari_actor: Actor) -> None:
    kiosk.book.move_money(sari_actor, sari.id, MoveKind.START_CAPITAL, 500_000, TODAY)
    with pytest.raises(Refused) as refused:
        kiosk.book.move_money(sari_actor, sari.id, MoveKind.START_CAPITAL, 100_000, TODAY)
    assert refused.value.problem.code == "start_capital_exists"


def test_start_capital_is_offered_until_it_is_recorded_and_again_once_it_is_voided(
    kiosk: Kiosk, sari: Profile, sari_actor: Actor
) -> None:
    assert not kiosk.book.has_start_capital(sari_actor, sari.id)
    kiosk.book.move_money(sari_actor, sari.id, MoveKind.OWNER_PAY, 50_000, TODAY)  # another move is not it
    assert not kiosk.book.has_start_capital(sari_actor, sari.id)
    changes = kiosk.book.move_money(sari_actor, sari.id, MoveKind.START_CAPITAL, 500_000, TODAY - dt.timedelta(days=40))
    assert kiosk.book.has_start_capital(sari_actor, sari.id)
    kiosk.book.void(sari_actor, changes.added[0], "salah ketik")
    assert not kiosk.book.has_start_capital(sari_actor, sari.id)
    kiosk.book.move_money(sari_actor, sari.id, MoveKind.START_CAPITAL, 400_000, TODAY)  # declared again, right
    assert kiosk.book.has_start_capital(sari_actor, sari.id)


def test_an_exception_in_the_middle_of_a_move_leaves_neither_half(
    kiosk: Kiosk, sari: Profile, sari_actor: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_insert = books.insert_entries

    def insert_first_half_then_fail(conn, rows):  # type: ignore[no-untyped-def]
        real_insert(conn, list(rows)[:1])
        raise OSError("power cut")

    monkeypatch.setattr(books, "insert_entries", insert_first_half_then_fail)
    with pytest.raises(OSError, match="power cut"):
        kiosk.book.move_money(sari_actor, sari.id, MoveKind.OWNER_PAY, 200_000, TODAY)
    assert count_rows(kiosk, "entries") == 0
    assert kiosk.book.balances(sari_actor, sari.id) == Balances(0, 0)


def test_voiding_a_move_voids_both_halves_and_keeps_them(kiosk: Kiosk, sari: Profile, sari_actor: Actor) -> None:
    changes = kiosk.book.move_money(sari_actor, sari.id, MoveKind.OWNER_PAY, 200_000, TODAY)
    voided = kiosk.book.void(sari_actor, changes.added[1], "salah ketik")
    assert set(voided.voided) == set(changes.added)
    assert kiosk.book.balances(sari_actor, sari.id) == Balances(0, 0)
    kept = kiosk.book.recent_entries(sari_actor, sari.id, Ledger.PERSONAL, include_voided=True)
    assert [(e.voided, e.void_reason) for e in kept] == [(True, "salah ketik")]
    assert kiosk.book.recent_entries(sari_actor, sari.id, Ledger.PERSONAL) == []
    with pytest.raises(Refused) as again:
        kiosk.book.void(sari_actor, changes.added[0], "lagi")
    assert again.value.problem.code == "entry_already_voided"


def test_void_needs_a_reason(kiosk: Kiosk, sari: Profile, sari_actor: Actor) -> None:
    added = kiosk.book.record_entry(sari_actor, sari.id, category_id(kiosk, "Penjualan"), 1_000, TODAY).added
    with pytest.raises(Refused) as refused:
        kiosk.book.void(sari_actor, added[0], "   ")
    assert refused.value.problem.code == "reason_empty"
    assert not kiosk.book.entry(sari_actor, added[0]).voided


@pytest.mark.parametrize(
    ("amount", "day", "note", "code"),
    [
        (0, TODAY, "", "amount_zero"),
        (-5, TODAY, "", "amount_negative"),
        (10_000_000_001, TODAY, "", "amount_too_large"),
        (1_000, TODAY + dt.timedelta(days=1), "", "date_in_future"),
        (1_000, dt.date(1999, 12, 31), "", "date_too_old"),
        (1_000, TODAY, "x" * 201, "note_too_long"),
    ],
)
def test_bad_input_is_refused_and_nothing_written(
    kiosk: Kiosk, sari: Profile, sari_actor: Actor, amount: int, day: dt.date, note: str, code: str
) -> None:
    with pytest.raises(Refused) as refused:
        kiosk.book.record_entry(sari_actor, sari.id, category_id(kiosk, "Penjualan"), amount, day, note)
    assert refused.value.problem.code == code
    assert count_rows(kiosk, "entries") == 0


def test_float_amounts_are_refused(kiosk: Kiosk, sari: Profile, sari_actor: Actor) -> None:
    with pytest.raises(Refused):
        kiosk.book.record_entry(sari_actor, sari.id, category_id(kiosk, "Penjualan"), 1500.0, TODAY)  # type: ignore[arg-type]


def test_one_beneficiary_never_sees_or_writes_another_book(kiosk: Kiosk, sari: Profile, operator: Actor) -> None:
    rina, _ = kiosk.profiles.create(operator, "Rina", "Jajanan", "5678")
    rina_actor = Actor.beneficiary(rina.id)
    sales = category_id(kiosk, "Penjualan")
    added = kiosk.book.record_entry(Actor.beneficiary(sari.id), sari.id, sales, 1_000, TODAY).added
    for attempt in (
        lambda: kiosk.book.balances(rina_actor, sari.id),
        lambda: kiosk.book.recent_entries(rina_actor, sari.id, Ledger.BUSINESS),
        lambda: kiosk.book.record_entry(rina_actor, sari.id, sales, 1_000, TODAY),
        lambda: kiosk.book.void(rina_actor, added[0], "bukan punya saya"),
        lambda: kiosk.book.entry(rina_actor, added[0]),
        lambda: kiosk.book.mark_closed_day(rina_actor, sari.id, TODAY),
    ):
        with pytest.raises(Refused) as refused:
            attempt()
        assert refused.value.problem.code == "not_allowed"


def test_the_operator_and_an_unassigned_mentor_record_nothing(kiosk: Kiosk, sari: Profile, operator: Actor) -> None:
    from wirausaha_desktop.domain.model import Role

    mentor = Actor(Role.MENTOR, "m-1")
    sales = category_id(kiosk, "Penjualan")
    for actor in (operator, mentor):
        with pytest.raises(Refused):
            kiosk.book.record_entry(actor, sari.id, sales, 1_000, TODAY)
    with pytest.raises(Refused):
        kiosk.book.balances(mentor, sari.id)


def test_closed_day_is_marked_and_undone(kiosk: Kiosk, sari: Profile, sari_actor: Actor) -> None:
    kiosk.book.mark_closed_day(sari_actor, sari.id, TODAY)
    assert kiosk.book.is_closed(sari_actor, sari.id, TODAY)
    kiosk.book.mark_closed_day(sari_actor, sari.id, TODAY)  # twice is harmless
    kiosk.book.unmark_closed_day(sari_actor, sari.id, TODAY)
    assert not kiosk.book.is_closed(sari_actor, sari.id, TODAY)


def test_her_usual_amounts_are_the_last_90_days_by_category(kiosk: Kiosk, sari: Profile, sari_actor: Actor) -> None:
    sales, stock = category_id(kiosk, "Penjualan"), category_id(kiosk, "Kulakan / belanja dagangan")
    for amount, days_ago in ((20_000, 0), (25_000, 89), (900_000, 90)):
        kiosk.book.record_entry(sari_actor, sari.id, sales, amount, TODAY - dt.timedelta(days=days_ago))
    kiosk.book.record_entry(sari_actor, sari.id, stock, 60_000, TODAY)
    voided = kiosk.book.record_entry(sari_actor, sari.id, sales, 1_000, TODAY)
    kiosk.book.void(sari_actor, voided.added[0], "Salah jumlah")
    kiosk.book.move_money(sari_actor, sari.id, MoveKind.OWNER_PAY, 50_000, TODAY)
    kiosk.book.move_money(sari_actor, sari.id, MoveKind.TOP_UP, 70_000, TODAY)

    usual_in = kiosk.book.usual_amounts(sari_actor, sari.id, Ledger.BUSINESS, Direction.IN)
    assert sorted(usual_in[sales]) == [20_000, 25_000]  # 90 days ago is outside; the voided one too
    assert kiosk.book.usual_amounts(sari_actor, sari.id, Ledger.BUSINESS, Direction.OUT)[stock] == [60_000]
    assert kiosk.book.usual_move_amounts(sari_actor, sari.id) == {"owner_pay": [50_000], "top_up": [70_000]}


def test_business_money_in_opens_on_sales(kiosk: Kiosk) -> None:
    assert kiosk.book.default_category(Ledger.BUSINESS, Direction.IN) == category_id(kiosk, "Penjualan")
    for ledger, direction in ((Ledger.BUSINESS, Direction.OUT), (Ledger.PERSONAL, Direction.IN)):
        assert kiosk.book.default_category(ledger, direction) is None


def test_a_closed_day_with_entries_is_known_as_recorded(kiosk: Kiosk, sari: Profile, sari_actor: Actor) -> None:
    kiosk.book.mark_closed_day(sari_actor, sari.id, TODAY)
    assert not kiosk.book.recorded_on(sari_actor, sari.id, TODAY)
    kiosk.book.record_entry(sari_actor, sari.id, category_id(kiosk, "Penjualan"), 5_000, TODAY)
    assert kiosk.book.recorded_on(sari_actor, sari.id, TODAY)
    assert kiosk.book.is_closed(sari_actor, sari.id, TODAY)
