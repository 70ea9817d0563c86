from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from wirausaha_desktop.domain.model import Actor, Profile, Role
from wirausaha_desktop.domain.problems import Problem, Refused
from wirausaha_desktop.services.clock import FixedClock
from wirausaha_desktop.services.kiosk import Kiosk


def test_pin_is_kept_only_as_a_salted_hash(kiosk: Kiosk, sari: Profile) -> None:
    salt, digest = kiosk.conn.execute("SELECT pin_salt, pin_hash FROM profiles").fetchone()
    assert b"1234" not in salt + digest and len(salt) == 16 and len(digest) == 32


def test_right_pin_unlocks_her_book_only(kiosk: Kiosk, sari: Profile) -> None:
    assert kiosk.profiles.unlock(sari.id, "1234") == Actor.beneficiary(sari.id)


def test_five_wrong_pins_lock_for_five_minutes_and_survive_a_restart(
    kiosk_path: Path, kiosk: Kiosk, sari: Profile, clock: FixedClock
) -> None:
    results = [kiosk.profiles.unlock(sari.id, "0000") for _ in range(4)]
    assert [r.params["tries_left"] for r in results if isinstance(r, Problem)] == [4, 3, 2, 1]
    locked = kiosk.profiles.unlock(sari.id, "0000")
    assert isinstance(locked, Problem) and locked.code == "pin_locked" and locked.params["seconds"] == 300
    kiosk.close()
    clock.advance(dt.timedelta(minutes=2))
    reopened = Kiosk.open(kiosk_path, clock)
    try:
        still = reopened.profiles.unlock(sari.id, "1234")  # even the right PIN waits
        assert isinstance(still, Problem) and still.code == "pin_locked" and still.params["seconds"] == 180
        lock = reopened.profiles.lock_of(sari.id)
        assert lock is not None and lock.seconds_left(clock.now()) == 180
        clock.advance(dt.timedelta(minutes=3, seconds=1))
        assert reopened.profiles.lock_of(sari.id) is None
        assert reopened.profiles.unlock(sari.id, "1234") == Actor.beneficiary(sari.id)
        wrong = reopened.profiles.unlock(sari.id, "9999")
        assert isinstance(wrong, Problem) and wrong.params["tries_left"] == 4  # the count started again
    finally:
        reopened.close()


@pytest.mark.parametrize(
    ("name", "business", "pin", "code"),
    [
        ("", "kopi", "1234", "name_empty"),
        ("   ", "kopi", "1234", "name_empty"),
        ("x" * 41, "kopi", "1234", "name_too_long"),
        ("Dewi", "x" * 61, "1234", "business_too_long"),
        ("Dewi", "kopi", "12", "pin_format"),
        ("Dewi", "kopi", "12ab", "pin_format"),
        ("Dewi", "kopi", "1234567", "pin_format"),
        ("Dewi", "kopi", "١٢٣٤", "pin_format"),
        (" sari ", "kopi", "1234", "name_taken"),
    ],
)
def test_bad_profiles_are_refused(
    kiosk: Kiosk, sari: Profile, operator: Actor, name: str, business: str, pin: str, code: str
) -> None:
    with pytest.raises(Refused) as refused:
        kiosk.profiles.create(operator, name, business, pin)
    assert refused.value.problem.code == code
    assert [p.name for p in kiosk.profiles.list()] == ["Sari"]


def test_only_the_operator_creates_profiles(kiosk: Kiosk, sari: Profile) -> None:
    for actor in (Actor.beneficiary(sari.id), Actor(Role.MENTOR, "m")):
        with pytest.raises(Refused):
            kiosk.profiles.create(actor, "Rina", "", "1234")


def test_consent_is_recorded_with_its_date(kiosk: Kiosk, operator: Actor, clock: FixedClock) -> None:
    rina, _ = kiosk.profiles.create(operator, "Rina", "Jajanan", "5678")
    assert rina.consent_at is None
    kiosk.profiles.record_consent(Actor.beneficiary(rina.id), rina.id)
    stored = kiosk.profiles.get(rina.id)
    assert stored.consent_method == "screen" and stored.consent_at is not None
    assert stored.consent_at.startswith(clock.now().date().isoformat())


def test_operator_pin_is_set_once_and_locks_like_hers(kiosk: Kiosk) -> None:
    assert not kiosk.profiles.has_operator()
    kiosk.profiles.create_operator("2468")
    with pytest.raises(Refused):
        kiosk.profiles.create_operator("1357")
    assert kiosk.profiles.unlock_operator("2468").role is Role.OPERATOR  # type: ignore[union-attr]
    for _ in range(5):
        kiosk.profiles.unlock_operator("0000")
    assert kiosk.profiles.operator_lock() is not None
    locked = kiosk.profiles.unlock_operator("2468")
    assert isinstance(locked, Problem) and locked.code == "pin_locked"


def _wrong(kiosk: Kiosk, profile_id: str, times: int) -> Problem:
    result: Actor | Problem = Problem.of("none")
    for _ in range(times):
        result = kiosk.profiles.unlock(profile_id, "0000")
    assert isinstance(result, Problem)
    return result


def test_lock_outs_escalate_5_then_15_minutes_then_an_hour_until_a_good_pin(
    kiosk: Kiosk, sari: Profile, clock: FixedClock
) -> None:
    for minutes in (5, 15, 60, 60):
        locked = _wrong(kiosk, sari.id, 5)
        assert (locked.code, locked.params["seconds"]) == ("pin_locked", minutes * 60)
        clock.advance(dt.timedelta(minutes=minutes, seconds=1))
    assert isinstance(kiosk.profiles.unlock(sari.id, "1234"), Actor)
    assert _wrong(kiosk, sari.id, 5).params["seconds"] == 300  # a good PIN starts her over


def test_a_wrong_pin_that_cannot_be_written_still_counts_and_locks_for_the_session(
    kiosk: Kiosk, sari: Profile, monkeypatch: pytest.MonkeyPatch
) -> None:
    from wirausaha_desktop.storage import people
    from wirausaha_desktop.storage.database import StorageFailed

    def full_disk(*_args: object) -> None:
        raise StorageFailed(Problem.of("disk_full"))

    monkeypatch.setattr(people, "set_profile_lock", full_disk)
    held = kiosk.profiles.unlock(sari.id, "0000")
    assert isinstance(held, Problem) and held.code == "pin_locked_unsaved" and held.params["why"] == "disk_full"
    assert kiosk.profiles.unlock(sari.id, "1234") == held  # the right PIN no longer opens it
    lock = kiosk.profiles.lock_of(sari.id)
    assert lock is not None and lock.reason == held


def test_the_operator_resets_a_forgotten_pin_and_lifts_a_lock_and_she_sees_it(
    kiosk: Kiosk, sari: Profile, clock: FixedClock
) -> None:
    operator = Actor.operator()
    _wrong(kiosk, sari.id, 5)
    assert kiosk.profiles.lock_of(sari.id) is not None
    kiosk.profiles.lift_lock(operator, sari.id)
    assert kiosk.profiles.lock_of(sari.id) is None
    with pytest.raises(Refused):
        kiosk.profiles.reset_pin(Actor.beneficiary(sari.id), sari.id, "5555")
    with pytest.raises(Refused):
        kiosk.profiles.reset_pin(operator, sari.id, "12")
    clock.advance(dt.timedelta(minutes=1))
    kiosk.profiles.reset_pin(operator, sari.id, "5555")
    assert isinstance(kiosk.profiles.unlock(sari.id, "1234"), Problem)
    assert isinstance(kiosk.profiles.unlock(sari.id, "5555"), Actor)
    log = kiosk.access_log(Actor.beneficiary(sari.id), sari.id)
    assert [(r.who, r.action.value) for r in log] == [("Petugas kios", "pin_reset"), ("Petugas kios", "pin_unlock")]
    stored = kiosk.conn.execute("SELECT * FROM access_log").fetchall()
    assert "5555" not in repr(stored)  # who and when, never the PIN
