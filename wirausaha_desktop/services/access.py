"""Who may do what. Every service call passes through one of these checks first.

- A beneficiary reads and writes her own book only.
- A mentor reads the books assigned to her (the operator assigns them), never writes in one.
- The operator creates profiles and runs the kiosk's admin jobs (import, export, summary from the
  command line) but records nothing in a book.

Every look at a book by someone other than its owner is written to the access log, in the same
transaction as the read, so that a look that cannot be logged does not happen (``log_access``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from ..domain.ids import new_id
from ..domain.model import AccessAction, AccessRecord, Actor, Role
from ..domain.problems import Problem, Refused
from ..storage import mentors, people
from ..storage.database import StorageFailed, transaction


def _require_profile(conn: sqlite3.Connection, profile_id: str) -> None:
    if people.profile(conn, profile_id) is None:
        raise Refused(Problem.of("profile_unknown"))


def _assigned(conn: sqlite3.Connection, mentor_id: str | None, profile_id: str) -> bool:
    return mentor_id is not None and mentors.is_assigned(conn, mentor_id, profile_id)


def require_read(conn: sqlite3.Connection, actor: Actor, profile_id: str) -> None:
    _require_profile(conn, profile_id)
    if actor.role is Role.BENEFICIARY and actor.id == profile_id:
        return
    if actor.role is Role.OPERATOR:
        return
    if actor.role is Role.MENTOR and _assigned(conn, actor.id, profile_id):
        return
    raise Refused(Problem.of("not_allowed"))


def require_mentor_of(conn: sqlite3.Connection, actor: Actor, profile_id: str) -> None:
    """Only her assigned mentor: sessions, readiness and the mentor-only figures."""
    require_read(conn, actor, profile_id)
    if actor.role is not Role.MENTOR or not _assigned(conn, actor.id, profile_id):
        raise Refused(Problem.of("not_allowed"))


def require_write(conn: sqlite3.Connection, actor: Actor, profile_id: str) -> None:
    _require_profile(conn, profile_id)
    if actor.role is Role.BENEFICIARY and actor.id == profile_id:
        return
    raise Refused(Problem.of("not_allowed"))


def require_import(conn: sqlite3.Connection, actor: Actor, profile_id: str) -> None:
    """Bringing a book from another kiosk or a paper transcription: the operator's job, or hers."""
    _require_profile(conn, profile_id)
    if actor.role is Role.OPERATOR or (actor.role is Role.BENEFICIARY and actor.id == profile_id):
        return
    raise Refused(Problem.of("not_allowed"))


def require_operator(actor: Actor) -> None:
    if actor.role is not Role.OPERATOR:
        raise Refused(Problem.of("not_allowed"))


def is_owner(actor: Actor, profile_id: str) -> bool:
    return actor.role is Role.BENEFICIARY and actor.id == profile_id


def log_access(
    conn: sqlite3.Connection, actor: Actor, profile_id: str, action: AccessAction, at: str, channel: str
) -> None:
    """Record who did what with her book (never its content); the owner's own use is not logged.

    Call inside the transaction of the action itself."""
    if is_owner(actor, profile_id):
        return
    record = AccessRecord(at, actor.role, _name_of(conn, actor), action, channel)
    people.insert_access(conn, new_id(), profile_id, record, actor.id)


def _name_of(conn: sqlite3.Connection, actor: Actor) -> str:
    if actor.role is Role.OPERATOR:
        return "Petugas kios"
    if actor.role is Role.MENTOR and actor.id:
        return people.staff_name(conn, actor.id) or actor.role.value
    return actor.role.value


@contextmanager
def logged_look(
    conn: sqlite3.Connection, actor: Actor, profile_id: str, action: AccessAction, at: str, channel: str
) -> Iterator[None]:
    """Someone else's look at her book, and its line in her access log, in one transaction.

    When the log cannot be written (a read-only file, a full disk) the look is refused with a
    sentence that says so, rather than "nothing was saved"."""
    try:
        with transaction(conn):
            log_access(conn, actor, profile_id, action, at, channel)
            yield
    except StorageFailed as failed:
        raise Refused(Problem.of("access_log_unwritable", why=failed.problem.code)) from failed
