"""The mentor's figures over the rolling 30 days: her mentor only, the UMK from the kiosk settings."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pytest

from tests.helpers import category_id
from wirausaha_desktop.domain.model import Actor, MoveKind, Profile, Role
from wirausaha_desktop.domain.problems import Refused
from wirausaha_desktop.services.clock import FixedClock
from wirausaha_desktop.services.kiosk import Kiosk


@pytest.fixture
def wati(kiosk: Kiosk, sari: Profile, operator: Actor) -> Actor:
    mentor, _ = kiosk.mentors.create(operator, "Bu Wati", "5555")
    kiosk.mentors.assign(operator, mentor.id, sari.id)
    return Actor(Role.MENTOR, mentor.id)


def test_pay_against_spending_and_the_umk_over_the_last_30_days(
    kiosk: Kiosk, sari: Profile, sari_actor: Actor, wati: Actor, operator: Actor, clock: FixedClock
) -> None:
    today = clock.today()
    food = category_id(kiosk, "Makan / belanja dapur")
    kiosk.book.move_money(sari_actor, sari.id, MoveKind.OWNER_PAY, 600_000, today - dt.timedelta(days=29))
    kiosk.book.move_money(sari_actor, sari.id, MoveKind.OWNER_PAY, 999_000, today - dt.timedelta(days=30))  # outside
    kiosk.book.record_entry(sari_actor, sari.id, food, 900_000, today)
    figures = kiosk.mentor_figures.figures(wati, sari.id)
    assert (figures.owner_pay, figures.household_spending, figures.days) == (600_000, 900_000, 30)
    assert figures.pay_of_spending == Fraction(2, 3)
    assert (figures.umk_for_period, figures.pay_of_umk) == (None, None)  # not set yet
    kiosk.settings.set(operator, "umk_monthly", "2500000")
    figures = kiosk.mentor_figures.figures(wati, sari.id)
    assert (figures.umk_monthly, figures.umk_for_period, figures.pay_of_umk) == (2_500_000, 2_500_000, Fraction(6, 25))


def test_only_her_mentor_sees_the_figures(kiosk: Kiosk, sari: Profile, sari_actor: Actor, operator: Actor) -> None:
    other, _ = kiosk.mentors.create(operator, "Bu Ani", "6666")
    for actor in (sari_actor, operator, Actor(Role.MENTOR, other.id)):
        with pytest.raises(Refused) as refused:
            kiosk.mentor_figures.figures(actor, sari.id)
        assert refused.value.problem.code == "not_allowed"


def test_setting_the_umk_needs_the_operator(kiosk: Kiosk, sari_actor: Actor) -> None:
    with pytest.raises(Refused):
        kiosk.settings.set(sari_actor, "umk_monthly", "1")
    assert kiosk.mentor_figures.umk() is None
