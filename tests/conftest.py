"""Shared fixtures. Tests never touch the user's data: WIRAUSAHA_HOME points into tmp_path."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from wirausaha_desktop import i18n
from wirausaha_desktop.domain.model import Actor, Profile
from wirausaha_desktop.services.clock import FixedClock
from wirausaha_desktop.services.kiosk import Kiosk

TODAY = dt.date(2024, 7, 27)  # a Saturday


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("WIRAUSAHA_HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "xdg"))
    i18n.set_language("id")
    yield
    i18n.set_language("id")


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(dt.datetime(2024, 7, 27, 3, 0, tzinfo=dt.UTC))


@pytest.fixture
def kiosk_path(tmp_path: Path) -> Path:
    return tmp_path / "kiosk.sqlite"


@pytest.fixture
def kiosk(kiosk_path: Path, clock: FixedClock) -> Iterator[Kiosk]:
    opened = Kiosk.open(kiosk_path, clock)
    yield opened
    opened.close()


@pytest.fixture
def operator() -> Actor:
    return Actor.operator()


@pytest.fixture
def sari(kiosk: Kiosk, operator: Actor) -> Profile:
    profile, _ = kiosk.profiles.create(operator, "Sari", "Warung kopi", "1234", "paper")
    return profile


@pytest.fixture
def sari_actor(sari: Profile) -> Actor:
    return Actor.beneficiary(sari.id)
