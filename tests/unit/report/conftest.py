"""The hand-computed book of ``three_months`` as a fixture."""

from __future__ import annotations

import pytest

from tests.unit.report.three_months import Book, make_book
from wirausaha_desktop.domain.model import Actor, Profile
from wirausaha_desktop.services.clock import FixedClock
from wirausaha_desktop.services.kiosk import Kiosk


@pytest.fixture
def three_months(kiosk: Kiosk, sari: Profile, operator: Actor, clock: FixedClock) -> Book:
    return make_book(kiosk, sari, operator, clock)
