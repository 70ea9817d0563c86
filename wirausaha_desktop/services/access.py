"""Who may do what. Every service call passes through one of these checks first.

- A beneficiary reads and writes her own book only.
- A mentor reads the books assigned to them (assignments arrive with mentor coaching; until then
  a mentor is assigned none).
- The operator creates profiles and runs the kiosk's admin jobs (import, export, summary from the
  command line) but records nothing in a book.
"""

from __future__ import annotations

import sqlite3

from ..domain.model import Actor, Role
from ..domain.problems import Problem, Refused
from ..storage import people


def _require_profile(conn: sqlite3.Connection, profile_id: str) -> None:
    if people.profile(conn, profile_id) is None:
        raise Refused(Problem.of("profile_unknown"))


def _assigned(conn: sqlite3.Connection, mentor_id: str | None, profile_id: str) -> bool:
    return False  # no assignments exist yet; see module docstring


def require_read(conn: sqlite3.Connection, actor: Actor, profile_id: str) -> None:
    _require_profile(conn, profile_id)
    if actor.role is Role.BENEFICIARY and actor.id == profile_id:
        return
    if actor.role is Role.OPERATOR:
        return
    if actor.role is Role.MENTOR and _assigned(conn, actor.id, profile_id):
        return
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
