"""Graduation readiness for her mentor: three complete months from her own entries; the decision
is the mentor's and is kept as a session in her history."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.helpers import category_id
from wirausaha_desktop.domain.model import AccessAction, Actor, MoveKind, Profile, Role
from wirausaha_desktop.domain.problems import Refused
from wirausaha_desktop.domain.readiness import ItemState
from wirausaha_desktop.services.clock import FixedClock
from wirausaha_desktop.services.kiosk import Kiosk
from wirausaha_desktop.services.readiness import last_complete_months

APRIL, JUNE = dt.date(2024, 4, 1), dt.date(2024, 6, 30)  # the clock says 27 July 2024


@pytest.fixture
def wati(kiosk: Kiosk, sari: Profile, operator: Actor) -> Actor:
    mentor, _ = kiosk.mentors.create(operator, "Bu Wati", "5555")
    kiosk.mentors.assign(operator, mentor.id, sari.id)
    return Actor(Role.MENTOR, mentor.id)


def three_good_months(kiosk: Kiosk, sari: Profile, sari_actor: Actor) -> None:
    """Every day of April–June: Rp100.000 sales, Rp50.000 materials; no top-ups, no pay."""
    sales, materials = category_id(kiosk, "Penjualan"), category_id(kiosk, "Bahan baku")
    day = APRIL
    while day <= JUNE:
        kiosk.book.record_entry(sari_actor, sari.id, sales, 100_000, day)
        kiosk.book.record_entry(sari_actor, sari.id, materials, 50_000, day)
        day += dt.timedelta(days=1)


def test_the_last_three_complete_months() -> None:
    labels = [p.label for p in last_complete_months(dt.date(2024, 2, 10))]
    assert labels == ["2023-11", "2023-12", "2024-01"]


def test_three_good_months_meet_every_data_item_and_judged_items_stay_the_mentors(
    kiosk: Kiosk, sari: Profile, sari_actor: Actor, wati: Actor
) -> None:
    three_good_months(kiosk, sari, sari_actor)
    shown = kiosk.readiness.readiness(wati, sari.id, {"packaging": True, "permits": False})
    assert [p.label for p in shown.months] == ["2024-04", "2024-05", "2024-06"]
    for code in ("covers_costs", "pay_within_profit", "recording", "no_top_ups"):
        assert shown.item(code).state is ItemState.MET, code
    assert shown.item("packaging").state is ItemState.MET
    assert shown.item("permits").state is ItemState.NOT_MET
    assert shown.item("savings").state is ItemState.UNKNOWN
    assert (shown.items_met, shown.items_total) == (5, 8)
    assert AccessAction.SUMMARY in [r.action for r in kiosk.access_log(sari_actor, sari.id)]


def test_a_top_up_and_a_month_below_costs_are_not_met(
    kiosk: Kiosk, sari: Profile, sari_actor: Actor, wati: Actor
) -> None:
    three_good_months(kiosk, sari, sari_actor)
    kiosk.book.move_money(sari_actor, sari.id, MoveKind.TOP_UP, 200_000, dt.date(2024, 5, 10))
    kiosk.book.record_entry(sari_actor, sari.id, category_id(kiosk, "Bahan baku"), 5_000_000, dt.date(2024, 6, 3))
    shown = kiosk.readiness.readiness(wati, sari.id, {})
    assert shown.item("no_top_ups").state is ItemState.NOT_MET
    assert shown.item("covers_costs").state is ItemState.NOT_MET
    assert [m.state for m in shown.item("covers_costs").months] == [ItemState.MET, ItemState.MET, ItemState.NOT_MET]
    assert shown.item("recording").state is ItemState.MET


def test_months_without_records_are_not_enough_records(kiosk: Kiosk, sari: Profile, wati: Actor) -> None:
    shown = kiosk.readiness.readiness(wati, sari.id, {})
    assert shown.item("recording").state is ItemState.NOT_MET  # open days with nothing recorded
    assert {i.state for i in shown.items if i.code != "recording"} == {ItemState.UNKNOWN}


def test_only_her_assigned_mentor(kiosk: Kiosk, sari: Profile, sari_actor: Actor, operator: Actor) -> None:
    other, _ = kiosk.mentors.create(operator, "Bu Siti", "6666")
    siti = Actor(Role.MENTOR, other.id)
    for actor in (siti, sari_actor, operator):
        with pytest.raises(Refused):
            kiosk.readiness.readiness(actor, sari.id, {})
        with pytest.raises(Refused):
            kiosk.readiness.record_decision(actor, sari.id, {}, "Belum lulus")
    assert kiosk.access_log(sari_actor, sari.id) == []


def test_a_decision_is_stored_as_a_session_in_her_history(
    kiosk: Kiosk, sari: Profile, wati: Actor, clock: FixedClock
) -> None:
    with pytest.raises(Refused) as refused:
        kiosk.readiness.record_decision(wati, sari.id, {"packaging": True}, "   ")
    assert refused.value.problem.code == "decision_note_needed"
    changes = kiosk.readiness.record_decision(
        wati, sari.id, {"packaging": True, "marketing_channel": False}, "Belum lulus: tunggu izin PIRT."
    )
    assert changes.profile_id == sari.id
    (session,) = kiosk.coaching.sessions(wati, sari.id)
    assert session.held_on == clock.today()
    assert session.message == "" and session.next_session is None
    assert "Kemasan: ya" in session.notes
    assert "Saluran pemasaran: tidak" in session.notes
    assert "Tabungan: belum tahu" in session.notes
    assert "Keputusan: Belum lulus: tunggu izin PIRT." in session.notes
    with pytest.raises(ValueError, match="not a judged readiness item"):
        kiosk.readiness.record_decision(wati, sari.id, {"covers_costs": True}, "x")
