"""What an action changed, so that each screen redraws only what it shows (Anki's OpChanges)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..domain.model import Ledger


@dataclass(frozen=True)
class Changes:
    profile_id: str | None = None
    ledgers: frozenset[Ledger] = frozenset()
    added: tuple[str, ...] = ()
    voided: tuple[str, ...] = ()
    closed_days: tuple[dt.date, ...] = ()
    profiles: bool = False

    @property
    def touches_figures(self) -> bool:
        return bool(self.added or self.voided or self.closed_days)
