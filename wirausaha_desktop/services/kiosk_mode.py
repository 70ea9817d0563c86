"""Kiosk mode (issue 11 §6): a kiosk setting, off by default; the operator switches it.

In kiosk mode the window covers the whole display (no window manager needed), Escape and F11 do
not leave full screen, and the window closes only after the operator's PIN (``gui.kiosk_mode``).
Restarting after a crash is the supervisor's job (``wirausaha kiosk-run``), kiosk mode or not.
The setting is read when the app starts: switching it takes effect at the next start.
"""

from __future__ import annotations

from ..domain.model import Actor
from .settings import SettingsService

SETTING = "kiosk_mode"
ON, OFF = "on", "off"


class KioskModeService:
    def __init__(self, settings: SettingsService) -> None:
        self._settings = settings

    def is_on(self) -> bool:
        return self._settings.get(SETTING) == ON

    def switch(self, actor: Actor, on: bool) -> None:
        """Only the operator (``Refused(not_allowed)`` for anyone else); a read-only file refuses in words."""
        self._settings.set(actor, SETTING, ON if on else OFF)
