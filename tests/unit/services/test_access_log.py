"""Every look at her book by someone else is logged, and only she reads the log."""

from __future__ import annotations

import pytest

from tests.helpers import category_id
from wirausaha_desktop.domain.model import AccessAction, Actor, Profile
from wirausaha_desktop.domain.problems import Problem, Refused
from wirausaha_desktop.domain.standing import Period
from wirausaha_desktop.services.clock import FixedClock
from wirausaha_desktop.services.kiosk import Kiosk


def test_her_own_use_is_not_logged_but_the_operators_summary_is(
    kiosk: Kiosk, sari: Profile, sari_actor: Actor, clock: FixedClock
) -> None:
    kiosk.book.record_entry(sari_actor, sari.id, category_id(kiosk, "Penjualan"), 15_000, clock.today())
    month = Period.parse_month("2024-07")
    assert month is not None
    kiosk.book.summary(sari_actor, sari.id, month)
    assert kiosk.access_log(sari_actor, sari.id) == []
    kiosk.book.summary(Actor.operator(), sari.id, month)
    (record,) = kiosk.access_log(sari_actor, sari.id)
    assert (record.who, record.action, record.channel) == ("Petugas kios", AccessAction.SUMMARY, "app")
    row = kiosk.conn.execute("SELECT * FROM access_log").fetchone()
    assert "15000" not in repr(row) and "15.000" not in repr(row)  # nothing of the book's content


def test_only_she_reads_her_access_log(kiosk: Kiosk, sari: Profile, operator: Actor) -> None:
    other, _ = kiosk.profiles.create(operator, "Rina", "Jajan pasar", "2222", "paper")
    for someone in (operator, Actor.beneficiary(other.id)):
        with pytest.raises(Refused):
            kiosk.access_log(someone, sari.id)


def test_a_look_that_cannot_be_logged_does_not_happen(
    kiosk: Kiosk, sari: Profile, monkeypatch: pytest.MonkeyPatch
) -> None:
    from wirausaha_desktop.storage import people
    from wirausaha_desktop.storage.database import StorageFailed

    def read_only(*_args: object) -> None:
        raise StorageFailed(Problem.of("kiosk_read_only"))

    monkeypatch.setattr(people, "insert_access", read_only)
    month = Period.parse_month("2024-07")
    assert month is not None
    with pytest.raises(Refused) as refused:
        kiosk.book.summary(Actor.operator(), sari.id, month)
    assert refused.value.problem.code == "access_log_unwritable"
