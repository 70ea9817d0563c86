"""Errors a person can meet, as problems: for the GUI's last line of defence and the CLI.

The GUI may not import ``sqlite3`` or ``storage`` (import-linter); it asks here whether an error
that reached the top is one the file or the disk caused (then it has words and a thing to do) or
a bug (then it is logged and shown as one).
"""

from __future__ import annotations

import sqlite3

from ..domain.problems import Problem, Refused
from ..storage.database import problem_of


def problem_for(error: BaseException) -> Problem | None:
    """The plain problem behind ``error``, or None when it is a bug."""
    if isinstance(error, Refused):
        return error.problem
    if isinstance(error, sqlite3.Error | OSError):
        return problem_of(error)
    return None


def is_damage(error: BaseException) -> bool:
    """SQLite met a damaged page while reading (``kiosk_damaged_now``): the file, not a bug."""
    return isinstance(error, sqlite3.DatabaseError) and problem_of(error).code == "kiosk_damaged_now"
