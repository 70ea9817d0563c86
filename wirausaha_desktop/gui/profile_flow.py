"""A new profile from the operator's form, then her consent; or the consent a profile made on the
command line (``--consent-on-paper`` not given) still owes at her first unlock.

The window owns one ``ProfileFlow``; it keeps the details typed until she has agreed, so that the
profile is created only with her consent (DESIGN §8), in one write.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..domain.model import Actor, Profile
from ..domain.problems import Problem
from ..i18n import _
from ..messages import describe

if TYPE_CHECKING:
    from .window import KioskWindow


class ProfileFlow:
    def __init__(self, window: KioskWindow) -> None:
        self._window = window
        self._pending: tuple[str, str, str] | None = None  # name, business, PIN: not yet agreed
        self._consent_for: Profile | None = None  # an existing profile asked to agree at unlock

    def reset(self) -> None:
        """Back to the picker: nothing typed is kept."""
        self._pending = self._consent_for = None

    def details_given(self, name: str, business: str, pin: str) -> None:
        window = self._window
        if window.operator is None:
            window.show_picker()
            return
        wanted = " ".join(name.split())
        clash = next((p for p in window.kiosk.profiles.list() if p.name.casefold() == wanted.casefold()), None)
        if clash is not None:
            window.new_profile.show_problem(Problem.of("name_taken", name=clash.name))
            return
        self._pending = (name, business, pin)
        window.consent.for_person(wanted)
        window.stack.setCurrentWidget(window.consent)

    def ask_consent(self, profile: Profile) -> None:
        window = self._window
        self._consent_for = profile
        window.consent.for_person(profile.name)
        window.stack.setCurrentWidget(window.consent)

    def consent_given(self) -> None:
        window = self._window
        profiles = window.kiosk.profiles
        operator = window.operator
        if self._pending is not None and operator is not None:
            name, business, pin = self._pending

            def back_to_the_form(problem: Problem) -> None:
                window.new_profile.show_problem(problem)
                window.stack.setCurrentWidget(window.new_profile)

            created = window.operations.run(
                lambda: profiles.create(operator, name, business, pin, "screen")[1], back_to_the_form
            )
            if created is not None:
                window.show_picker()
                window.picker.announce(_("Profil {name} sudah dibuat. Sekarang dia bisa menyentuh kartunya dan "
                                         "memasukkan PIN-nya.", name=" ".join(name.split())))  # fmt: skip
            return
        if self._consent_for is not None:
            profile = self._consent_for
            actor = Actor.beneficiary(profile.id)
            refused: list[Problem] = []  # read-only file: she agreed on screen; it is asked again next time
            window.operations.run(lambda: profiles.record_consent(actor, profile.id), refused.append)
            self._consent_for = None
            window.open_book(actor, profiles.get(profile.id))
            if refused:
                window.book.message.setText(describe(refused[0]))
            return
        window.show_picker()
