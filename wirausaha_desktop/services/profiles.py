"""Profiles, PINs with a lock-out that survives a restart, consent, and the kiosk operator.

The lock-out fails closed: a wrong PIN that cannot be written to the file (read-only, disk full,
busy) still counts: the profile is then locked for as long as this app runs, and the message says
why, so that nobody can guess on a kiosk whose file does not record the tries.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

from ..domain import validation
from ..domain.ids import new_id
from ..domain.model import AccessAction, Actor, Profile, Role
from ..domain.problems import Problem, Refused
from ..storage import people
from ..storage.database import StorageFailed, transaction
from . import access
from .changes import Changes
from .clock import Clock, stamp
from .pins import hash_pin, new_pin_hash, pin_matches, pin_problem

MAX_WRONG_PINS = 5
LOCK_STEPS = (dt.timedelta(minutes=5), dt.timedelta(minutes=15), dt.timedelta(hours=1))
"""The first lock-out lasts 5 minutes, the next 15, then an hour each until a good PIN."""
LOCK_DURATION = LOCK_STEPS[0]
NAME_LIMIT = 40
SaveLock = Callable[[sqlite3.Connection, str, int, "str | None", int], None]
BUSINESS_LIMIT = 60


def lock_length(lockouts: int) -> dt.timedelta:
    """How long the ``lockouts``-th lock-out in a row lasts (1 = the first)."""
    return LOCK_STEPS[min(max(lockouts, 1), len(LOCK_STEPS)) - 1]


@dataclass(frozen=True)
class Lock:
    """A profile (or the operator) is locked until ``until`` (UTC)."""

    until: dt.datetime
    reason: Problem | None = None  # set when locked for this session only (see the module docstring)

    def problem(self, now: dt.datetime) -> Problem:
        return self.reason or Problem.of("pin_locked", seconds=self.seconds_left(now))

    def seconds_left(self, now: dt.datetime) -> int:
        return max(0, int((self.until - now).total_seconds() + 0.999))


class ProfileService:
    def __init__(self, conn: sqlite3.Connection, clock: Clock, channel: str = "app") -> None:
        self._conn = conn
        self._clock = clock
        self._channel = channel
        self._held: dict[str, Problem] = {}  # locked for this session: a wrong try could not be written

    # -- reading -------------------------------------------------------------------------
    def list(self) -> list[Profile]:
        """Nicknames and business types for the picker (no book content)."""
        return people.profiles(self._conn)

    def get(self, profile_id: str) -> Profile:
        found = people.profile(self._conn, profile_id)
        if found is None:
            raise Refused(Problem.of("profile_unknown"))
        return found

    def find(self, name: str) -> Profile:
        found = people.profile_by_name(self._conn, name)
        if found is None:
            raise Refused(Problem.of("profile_name_unknown", name=name.strip()))
        return found

    def lock_of(self, profile_id: str) -> Lock | None:
        if profile_id in self._held:
            return Lock(dt.datetime.max.replace(tzinfo=dt.UTC), self._held[profile_id])
        record = people.profile_pin(self._conn, profile_id)
        return self._active_lock(record.locked_until) if record else None

    def held_problem(self, record_id: str) -> Problem | None:
        """Why a profile (or the operator) is locked until the app restarts, if it is."""
        return self._held.get(record_id)

    # -- writing -------------------------------------------------------------------------
    def create(
        self, actor: Actor, name: str, business: str, pin: str, consent_method: str | None = None
    ) -> tuple[Profile, Changes]:
        access.require_operator(actor)
        cleaned_name, cleaned_business = validation.clean_name(name), validation.clean_name(business)
        for cleaned in (cleaned_name, cleaned_business):
            if isinstance(cleaned, Problem):
                raise Refused(cleaned)
        assert isinstance(cleaned_name, str) and isinstance(cleaned_business, str)
        name, business = cleaned_name, cleaned_business
        problem = self._profile_problem(name, business) or pin_problem(pin)
        if problem:
            raise Refused(problem)
        now = stamp(self._clock.now())
        profile = Profile(
            id=new_id(),
            name=name,
            business=business,
            created_at=now,
            consent_at=now if consent_method else None,
            consent_method=consent_method,
        )
        salt, digest = hash_pin(pin)
        with transaction(self._conn):
            people.insert_profile(self._conn, profile, salt, digest)
        return profile, Changes(profile_id=profile.id, profiles=True)

    def _profile_problem(self, name: str, business: str) -> Problem | None:
        if not name:
            return Problem.of("name_empty")
        if len(name) > NAME_LIMIT:
            return Problem.of("name_too_long", limit=NAME_LIMIT)
        if len(business) > BUSINESS_LIMIT:
            return Problem.of("business_too_long", limit=BUSINESS_LIMIT)
        if people.profile_by_name(self._conn, name) is not None:
            return Problem.of("name_taken", name=name)
        return None

    def record_consent(self, actor: Actor, profile_id: str, method: str = "screen") -> Changes:
        if not (actor.role is Role.OPERATOR or actor == Actor.beneficiary(profile_id)):
            raise Refused(Problem.of("not_allowed"))
        self.get(profile_id)
        with transaction(self._conn):
            people.set_consent(self._conn, profile_id, stamp(self._clock.now()), method)
        return Changes(profile_id=profile_id, profiles=True)

    def unlock(self, profile_id: str, pin: str) -> Actor | Problem:
        """Her PIN opens her book; five wrong PINs lock the profile for five minutes."""
        record = people.profile_pin(self._conn, profile_id)
        if record is None:
            return Problem.of("profile_unknown")
        result = self._check(record, pin, people.set_profile_lock)
        return Actor.beneficiary(profile_id) if result is None else result

    def reset_pin(self, actor: Actor, profile_id: str, new_pin: str) -> Changes:
        """The operator sets a new PIN for her (a forgotten one); recorded in her access log."""
        access.require_operator(actor)
        self.get(profile_id)
        salt, digest = new_pin_hash(new_pin)
        with transaction(self._conn):
            people.reset_profile_pin(self._conn, profile_id, salt, digest)
            access.log_access(
                self._conn, actor, profile_id, AccessAction.PIN_RESET, stamp(self._clock.now()), self._channel
            )
        self._held.pop(profile_id, None)
        return Changes(profile_id=profile_id, profiles=True)

    def lift_lock(self, actor: Actor, profile_id: str) -> Changes:
        """The operator lifts a lock-out (she is standing there); recorded in her access log."""
        access.require_operator(actor)
        self.get(profile_id)
        with transaction(self._conn):
            people.reset_profile_pin(self._conn, profile_id, None, None)
            access.log_access(
                self._conn, actor, profile_id, AccessAction.PIN_UNLOCK, stamp(self._clock.now()), self._channel
            )
        self._held.pop(profile_id, None)
        return Changes(profile_id=profile_id, profiles=True)

    # -- the kiosk operator ----------------------------------------------------------------
    def has_operator(self) -> bool:
        return bool(people.staff_pins(self._conn, Role.OPERATOR))

    def create_operator(self, pin: str) -> Changes:
        """Only a kiosk with no operator yet may set one (first start)."""
        if self.has_operator():
            raise Refused(Problem.of("operator_exists"))
        salt, digest = new_pin_hash(pin)
        with transaction(self._conn):
            people.insert_staff(self._conn, new_id(), Role.OPERATOR, "Operator", salt, digest, stamp(self._clock.now()))
        return Changes(profiles=True)

    def reset_operator(self, actor: Actor, new_pin: str | None = None) -> Changes:
        """From the command line (whoever may run it may already restore or export any book): the
        operator's lock-out lifted and, given ``new_pin``, her forgotten PIN replaced."""
        access.require_operator(actor)
        records = people.staff_pins(self._conn, Role.OPERATOR)
        if not records:
            raise Refused(Problem.of("operator_missing"))
        salt, digest = new_pin_hash(new_pin) if new_pin is not None else (None, None)
        with transaction(self._conn):
            people.reset_staff_pin(self._conn, records[0].id, salt, digest)
        self._held.pop(records[0].id, None)
        return Changes(profiles=True)

    def unlock_operator(self, pin: str) -> Actor | Problem:
        records = people.staff_pins(self._conn, Role.OPERATOR)
        if not records:
            return Problem.of("operator_missing")
        result = self._check(records[0], pin, people.set_staff_lock)
        return Actor(Role.OPERATOR, records[0].id) if result is None else result

    def unlock_mentor(self, mentor_id: str, pin: str) -> Actor | Problem:
        """A mentor's PIN: the same hashing and fail-closed lock-out as hers."""
        record = people.staff_pin(self._conn, mentor_id)
        if record is None:
            return Problem.of("mentor_unknown")
        result = self._check(record, pin, people.set_staff_lock)
        return Actor(Role.MENTOR, mentor_id) if result is None else result

    def mentor_lock(self, mentor_id: str) -> Lock | None:
        if mentor_id in self._held:
            return Lock(dt.datetime.max.replace(tzinfo=dt.UTC), self._held[mentor_id])
        record = people.staff_pin(self._conn, mentor_id)
        return self._active_lock(record.locked_until) if record else None

    def operator_lock(self) -> Lock | None:
        records = people.staff_pins(self._conn, Role.OPERATOR)
        if records and records[0].id in self._held:
            return Lock(dt.datetime.max.replace(tzinfo=dt.UTC), self._held[records[0].id])
        return self._active_lock(records[0].locked_until) if records else None

    # -- shared ----------------------------------------------------------------------------
    def _active_lock(self, locked_until: str | None) -> Lock | None:
        if not locked_until:
            return None
        until = dt.datetime.strptime(locked_until, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=dt.UTC)
        return Lock(until) if until > self._clock.now() else None

    def _check(self, record: people.PinRecord, pin: str, save_lock: SaveLock) -> Problem | None:
        held = self._held.get(record.id)
        if held is not None:
            return held
        now = self._clock.now()
        lock = self._active_lock(record.locked_until)
        if lock is not None:
            return Problem.of("pin_locked", seconds=lock.seconds_left(now))
        if pin_matches(pin, record.salt, record.hash):
            if record.failed or record.locked_until or record.lockouts:
                try:
                    with transaction(self._conn):
                        save_lock(self._conn, record.id, 0, None, 0)
                except StorageFailed:
                    pass  # a good PIN opens even when the counter cannot be cleared (read-only file)
            return None
        failed = record.failed + 1
        lockouts = record.lockouts + 1 if failed >= MAX_WRONG_PINS else record.lockouts
        length = lock_length(lockouts)
        try:
            with transaction(self._conn):
                if failed >= MAX_WRONG_PINS:
                    save_lock(self._conn, record.id, 0, stamp(now + length), lockouts)
                else:
                    save_lock(self._conn, record.id, failed, None, lockouts)
        except StorageFailed as failure:
            held = Problem.of("pin_locked_unsaved", why=failure.problem.code)
            self._held[record.id] = held
            return held
        if failed >= MAX_WRONG_PINS:
            return Problem.of("pin_locked", seconds=int(length.total_seconds()))
        return Problem.of("pin_wrong", tries_left=MAX_WRONG_PINS - failed)
