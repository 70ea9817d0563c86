"""Problems are values: a code plus named parameters.

Validation functions return them instead of raising mid-way; the GUI and the CLI turn a code into
words (``wirausaha_desktop.messages``). Services that refuse an action raise ``Refused`` carrying
one problem, before anything is written.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any


@dataclass(frozen=True)
class Problem:
    code: str
    params: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))

    @classmethod
    def of(cls, code: str, **params: Any) -> Problem:
        return cls(code, MappingProxyType(dict(params)))

    def __repr__(self) -> str:  # readable in test failures
        return f"Problem({self.code!r}, {dict(self.params)!r})"


class Refused(Exception):
    """An action was refused for a reason the user can understand; nothing was written."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.code)
        self.problem = problem
