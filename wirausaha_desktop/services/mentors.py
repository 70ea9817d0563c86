"""Mentors (pendamping) and the books each one follows; the operator manages both.

A mentor unlocks with her own PIN (``ProfileService.unlock_mentor``: the same hashing and
fail-closed lock-out as a beneficiary's) and then reads only the books assigned to her, read-only;
``services/access.py`` checks that on every read, and each look goes into the owner's access log.
"""

from __future__ import annotations

import builtins
import sqlite3
from dataclasses import dataclass

from ..domain import validation
from ..domain.categories import category_key
from ..domain.ids import new_id
from ..domain.model import Actor, Profile, Role
from ..domain.problems import Problem, Refused
from ..storage import mentors, people
from ..storage.database import transaction
from . import access
from .changes import Changes
from .clock import Clock, stamp
from .pins import hash_pin, new_pin_hash, pin_problem

NAME_LIMIT = 40


@dataclass(frozen=True)
class Mentor:
    id: str
    name: str
    created_at: str
    profiles: tuple[str, ...]  # the profile ids assigned to her


class MentorService:
    def __init__(self, conn: sqlite3.Connection, clock: Clock) -> None:
        self._conn = conn
        self._clock = clock

    def create(self, actor: Actor, name: str, pin: str) -> tuple[Mentor, Changes]:
        access.require_operator(actor)
        cleaned = validation.clean_name(name)
        if isinstance(cleaned, Problem):
            raise Refused(cleaned)
        problem = self._name_problem(cleaned) or pin_problem(pin)
        if problem:
            raise Refused(problem)
        salt, digest = hash_pin(pin)
        mentor_id, now = new_id(), stamp(self._clock.now())
        with transaction(self._conn):
            people.insert_staff(self._conn, mentor_id, Role.MENTOR, cleaned, salt, digest, now)
        return Mentor(mentor_id, cleaned, now, ()), Changes(profiles=True)

    def lift_lock(self, actor: Actor, mentor_id: str) -> Changes:
        """The operator lifts a mentor's lock-out (she is standing there)."""
        access.require_operator(actor)
        self.get(mentor_id)
        with transaction(self._conn):
            people.reset_staff_pin(self._conn, mentor_id, None, None)
        return Changes(profiles=True)

    def reset_pin(self, actor: Actor, mentor_id: str, new_pin: str) -> Changes:
        """The operator sets a new PIN for a mentor who forgot hers (the lock-out goes with it)."""
        access.require_operator(actor)
        self.get(mentor_id)
        salt, digest = new_pin_hash(new_pin)
        with transaction(self._conn):
            people.reset_staff_pin(self._conn, mentor_id, salt, digest)
        return Changes(profiles=True)

    def _name_problem(self, name: str) -> Problem | None:
        if not name:
            return Problem.of("name_empty")
        if len(name) > NAME_LIMIT:
            return Problem.of("name_too_long", limit=NAME_LIMIT)
        if any(category_key(m.name) == category_key(name) for m in mentors.mentors(self._conn)):
            return Problem.of("mentor_name_taken", name=name)
        return None

    def list(self) -> list[Mentor]:
        """Names and assignments for the picker's *Pendamping* tab and the operator (no book content)."""
        return [
            Mentor(m.id, m.name, m.created_at, tuple(mentors.assigned_profiles(self._conn, m.id)))
            for m in mentors.mentors(self._conn)
        ]

    def get(self, mentor_id: str) -> Mentor:
        found = mentors.mentor(self._conn, mentor_id)
        if found is None:
            raise Refused(Problem.of("mentor_unknown"))
        return Mentor(found.id, found.name, found.created_at, tuple(mentors.assigned_profiles(self._conn, found.id)))

    def find(self, name: str) -> Mentor:
        found = next((m for m in self.list() if category_key(m.name) == category_key(name)), None)
        if found is None:
            raise Refused(Problem.of("mentor_name_unknown", name=" ".join(name.split())))
        return found

    def assign(self, actor: Actor, mentor_id: str, profile_id: str) -> Changes:
        access.require_operator(actor)
        self.get(mentor_id)
        self._profile(profile_id)
        with transaction(self._conn):
            mentors.assign(self._conn, mentor_id, profile_id, stamp(self._clock.now()))
        return Changes(profile_id=profile_id, profiles=True)

    def unassign(self, actor: Actor, mentor_id: str, profile_id: str) -> Changes:
        access.require_operator(actor)
        self.get(mentor_id)
        self._profile(profile_id)
        with transaction(self._conn):
            removed = mentors.unassign(self._conn, mentor_id, profile_id)
        if not removed:
            raise Refused(Problem.of("not_assigned"))
        return Changes(profile_id=profile_id, profiles=True)

    def caseload_profiles(self, actor: Actor) -> builtins.list[Profile]:
        """The books this mentor follows, and only those."""
        if actor.role is not Role.MENTOR or actor.id is None:
            raise Refused(Problem.of("not_allowed"))
        found = [people.profile(self._conn, pid) for pid in mentors.assigned_profiles(self._conn, actor.id)]
        return sorted((p for p in found if p is not None), key=lambda p: category_key(p.name))

    def _profile(self, profile_id: str) -> Profile:
        found = people.profile(self._conn, profile_id)
        if found is None:
            raise Refused(Problem.of("profile_unknown"))
        return found
