"""Mentors follow only the books assigned to them, read-only, and every look is in her log."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest

from tests.helpers import category_id
from wirausaha_desktop.domain.model import AccessAction, Actor, Profile, Role
from wirausaha_desktop.domain.problems import Problem, Refused
from wirausaha_desktop.domain.standing import Period
from wirausaha_desktop.services.clock import FixedClock
from wirausaha_desktop.services.kiosk import Kiosk

JULY = Period.month(2024, 7)


@pytest.fixture
def wati(kiosk: Kiosk, operator: Actor) -> str:
    mentor, _ = kiosk.mentors.create(operator, "Bu Wati", "5555")
    return mentor.id


def test_only_the_operator_creates_and_assigns_mentors(kiosk: Kiosk, sari: Profile, sari_actor: Actor) -> None:
    with pytest.raises(Refused):
        kiosk.mentors.create(sari_actor, "Bu Wati", "5555")
    mentor, _ = kiosk.mentors.create(Actor.operator(), "  Bu   Wati ", "5555")
    assert mentor.name == "Bu Wati"
    with pytest.raises(Refused) as taken:
        kiosk.mentors.create(Actor.operator(), "bu wati", "6666")
    assert taken.value.problem.code == "mentor_name_taken"
    with pytest.raises(Refused):
        kiosk.mentors.assign(sari_actor, mentor.id, sari.id)


def test_a_mentor_reads_assigned_books_only_and_never_writes(
    kiosk: Kiosk, sari: Profile, wati: str, operator: Actor, clock: FixedClock
) -> None:
    rina, _ = kiosk.profiles.create(operator, "Rina", "Jajan pasar", "2222", "paper")
    mentor = kiosk.profiles.unlock_mentor(wati, "5555")
    assert mentor == Actor(Role.MENTOR, wati)
    with pytest.raises(Refused):
        kiosk.book.summary(mentor, sari.id, JULY)  # not assigned yet
    kiosk.mentors.assign(operator, wati, sari.id)
    kiosk.mentors.assign(operator, wati, sari.id)  # twice is once
    assert [p.name for p in kiosk.mentors.caseload_profiles(mentor)] == ["Sari"]
    kiosk.book.summary(mentor, sari.id, JULY)
    with pytest.raises(Refused):
        kiosk.book.summary(mentor, rina.id, JULY)
    with pytest.raises(Refused):
        kiosk.book.record_entry(mentor, sari.id, category_id(kiosk, "Penjualan"), 5_000, clock.today())
    (record,) = kiosk.access_log(Actor.beneficiary(sari.id), sari.id)
    assert (record.who, record.role, record.action) == ("Bu Wati", Role.MENTOR, AccessAction.SUMMARY)
    kiosk.mentors.unassign(operator, wati, sari.id)
    with pytest.raises(Refused):
        kiosk.book.summary(mentor, sari.id, JULY)
    with pytest.raises(Refused) as again:
        kiosk.mentors.unassign(operator, wati, sari.id)
    assert again.value.problem.code == "not_assigned"


def test_a_beneficiary_is_not_a_mentor(kiosk: Kiosk, sari: Profile, sari_actor: Actor, wati: str) -> None:
    with pytest.raises(Refused):
        kiosk.mentors.caseload_profiles(sari_actor)
    assert kiosk.profiles.unlock_mentor(sari.id, "1234") == Problem.of("mentor_unknown")


def test_a_mentors_pin_locks_like_hers(kiosk: Kiosk, wati: str) -> None:
    for _ in range(4):
        assert getattr(kiosk.profiles.unlock_mentor(wati, "0000"), "code", "") == "pin_wrong"
    locked = kiosk.profiles.unlock_mentor(wati, "0000")
    assert isinstance(locked, Problem) and locked.code == "pin_locked"
    assert kiosk.profiles.mentor_lock(wati) is not None
    assert isinstance(kiosk.profiles.unlock_mentor(wati, "5555"), Problem)  # locked, even with the right PIN


def test_the_operator_lifts_a_mentors_lock_out_and_sets_a_new_pin_from_the_command_line(tmp_path: Path) -> None:
    from wirausaha_desktop.cli import main

    data = tmp_path / "kiosk.sqlite"
    kiosk = Kiosk.open(data, FixedClock(dt.datetime(2026, 12, 1, 3, tzinfo=dt.UTC)))
    wati, _ = kiosk.mentors.create(Actor.operator(), "Bu Wati", "5555")
    for _try in range(5):
        kiosk.profiles.unlock_mentor(wati.id, "0000")
    assert isinstance(kiosk.profiles.unlock_mentor(wati.id, "5555"), Problem)  # locked out
    kiosk.close()

    out = io.StringIO()
    assert main(["--data", str(data), "mentor", "unlock", "bu wati"], stdout=out) == 0
    assert "Kunci PIN Bu Wati dibuka." in out.getvalue()
    assert main(["--data", str(data), "mentor", "reset-pin", "Bu Wati"], stdin=io.StringIO("7777\n"), stdout=out) == 0
    kiosk = Kiosk.open(data)
    try:
        assert kiosk.profiles.unlock_mentor(wati.id, "7777") == Actor(Role.MENTOR, wati.id)
        assert isinstance(kiosk.profiles.unlock_mentor(wati.id, "5555"), Problem)  # the old PIN is gone
    finally:
        kiosk.close()
    assert main(["--data", str(data), "mentor", "reset-pin", "Bu Wati"], stdin=io.StringIO("12\n"), stdout=out) == 1


def test_a_locked_or_forgotten_operator_pin_is_reset_from_the_command_line(tmp_path: Path) -> None:
    from wirausaha_desktop.cli import main

    data = tmp_path / "kiosk.sqlite"
    out = io.StringIO()
    Kiosk.open(data).close()
    assert main(["--data", str(data), "operator", "unlock"], stdout=out) == 1  # no operator PIN yet: nothing to reset
    kiosk = Kiosk.open(data, FixedClock(dt.datetime(2026, 12, 1, 3, tzinfo=dt.UTC)))
    kiosk.profiles.create_operator("2468")
    for _try in range(5):
        kiosk.profiles.unlock_operator("0000")
    assert isinstance(kiosk.profiles.unlock_operator("2468"), Problem)  # locked out
    kiosk.close()

    assert main(["--data", str(data), "operator", "unlock"], stdout=out) == 0
    assert "Kunci PIN petugas dibuka." in out.getvalue()
    kiosk = Kiosk.open(data)
    try:
        unlocked = kiosk.profiles.unlock_operator("2468")
        assert isinstance(unlocked, Actor) and unlocked.role is Role.OPERATOR
    finally:
        kiosk.close()
    assert main(["--data", str(data), "operator", "reset-pin"], stdin=io.StringIO("13579\n"), stdout=out) == 0
    assert "PIN petugas yang baru disimpan." in out.getvalue()
    kiosk = Kiosk.open(data)
    try:
        assert isinstance(kiosk.profiles.unlock_operator("13579"), Actor)
        assert isinstance(kiosk.profiles.unlock_operator("2468"), Problem)  # the forgotten PIN is gone
        with pytest.raises(Refused):
            kiosk.profiles.reset_operator(Actor.beneficiary("x"), "1111")  # only the operator's own channel
    finally:
        kiosk.close()
    assert main(["--data", str(data), "operator", "reset-pin"], stdin=io.StringIO("12\n"), stdout=out) == 1
