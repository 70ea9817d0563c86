"""Profiles, PINs with a lock-out that survives a restart, consent, and the kiosk operator."""

from __future__ import annotations

import datetime as dt
import sqlite3
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from ..domain.model import Actor, Profile, Role
from ..domain.problems import Problem, Refused
from ..storage import people
from ..storage.database import transaction
from . import access
from .changes import Changes
from .clock import Clock, stamp
from .pins import hash_pin, pin_matches, pin_problem

MAX_WRONG_PINS = 5
LOCK_DURATION = dt.timedelta(minutes=5)
NAME_LIMIT = 40
SaveLock = Callable[[sqlite3.Connection, str, int, "str | None"], None]
BUSINESS_LIMIT = 60


@dataclass(frozen=True)
class Lock:
    """A profile (or the operator) is locked until ``until`` (UTC)."""

    until: dt.datetime

    def seconds_left(self, now: dt.datetime) -> int:
        return max(0, int((self.until - now).total_seconds() + 0.999))


class ProfileService:
    def __init__(self, conn: sqlite3.Connection, clock: Clock) -> None:
        self._conn = conn
        self._clock = clock

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
        record = people.profile_pin(self._conn, profile_id)
        return self._active_lock(record.locked_until) if record else None

    # -- writing -------------------------------------------------------------------------
    def create(
        self, actor: Actor, name: str, business: str, pin: str, consent_method: str | None = None
    ) -> tuple[Profile, Changes]:
        access.require_operator(actor)
        name, business = " ".join(name.split()), " ".join(business.split())
        problem = self._profile_problem(name, business) or pin_problem(pin)
        if problem:
            raise Refused(problem)
        now = stamp(self._clock.now())
        profile = Profile(
            id=str(uuid.uuid4()),
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

    # -- the kiosk operator ----------------------------------------------------------------
    def has_operator(self) -> bool:
        return bool(people.staff_pins(self._conn, Role.OPERATOR))

    def create_operator(self, pin: str) -> Changes:
        """Only a kiosk with no operator yet may set one (first start)."""
        if self.has_operator():
            raise Refused(Problem.of("operator_exists"))
        problem = pin_problem(pin)
        if problem:
            raise Refused(problem)
        salt, digest = hash_pin(pin)
        with transaction(self._conn):
            people.insert_staff(
                self._conn, str(uuid.uuid4()), Role.OPERATOR, "Operator", salt, digest, stamp(self._clock.now())
            )
        return Changes(profiles=True)

    def unlock_operator(self, pin: str) -> Actor | Problem:
        records = people.staff_pins(self._conn, Role.OPERATOR)
        if not records:
            return Problem.of("operator_missing")
        result = self._check(records[0], pin, people.set_staff_lock)
        return Actor(Role.OPERATOR, records[0].id) if result is None else result

    def operator_lock(self) -> Lock | None:
        records = people.staff_pins(self._conn, Role.OPERATOR)
        return self._active_lock(records[0].locked_until) if records else None

    # -- shared ----------------------------------------------------------------------------
    def _active_lock(self, locked_until: str | None) -> Lock | None:
        if not locked_until:
            return None
        until = dt.datetime.strptime(locked_until, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=dt.UTC)
        return Lock(until) if until > self._clock.now() else None

    def _check(self, record: people.PinRecord, pin: str, save_lock: SaveLock) -> Problem | None:
        now = self._clock.now()
        lock = self._active_lock(record.locked_until)
        if lock is not None:
            return Problem.of("pin_locked", seconds=lock.seconds_left(now))
        if pin_matches(pin, record.salt, record.hash):
            if record.failed or record.locked_until:
                with transaction(self._conn):
                    save_lock(self._conn, record.id, 0, None)
            return None
        failed = record.failed + 1
        with transaction(self._conn):
            if failed >= MAX_WRONG_PINS:
                save_lock(self._conn, record.id, 0, stamp(now + LOCK_DURATION))
            else:
                save_lock(self._conn, record.id, failed, None)
        if failed >= MAX_WRONG_PINS:
            return Problem.of("pin_locked", seconds=int(LOCK_DURATION.total_seconds()))
        return Problem.of("pin_wrong", tries_left=MAX_WRONG_PINS - failed)
