"""The standing page's service on hand-made books, and on the demo kiosk's four stories."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import category_id
from wirausaha_desktop.domain.charts import DayMark, PeriodChoice
from wirausaha_desktop.domain.model import Actor, MoveKind, Profile, Role
from wirausaha_desktop.domain.problems import Refused
from wirausaha_desktop.domain.standing import Status
from wirausaha_desktop.services.clock import FixedClock
from wirausaha_desktop.services.demo import build_demo_kiosk
from wirausaha_desktop.services.kiosk import Kiosk
from wirausaha_desktop.services.standing import compare


@pytest.mark.parametrize(
    ("now", "before", "change"),
    [
        (Status.GREEN, Status.RED, 1),
        (Status.YELLOW, Status.GREEN, -1),
        (Status.RED, Status.RED, 0),
        (Status.GREY, Status.GREEN, None),
        (Status.GREEN, Status.GREY, None),
    ],
)
def test_trend_against_the_period_before(now: Status, before: Status, change: int | None) -> None:
    assert compare(now, before) == change


def test_lights_and_charts_for_a_hand_made_month(kiosk: Kiosk, sari: Profile, sari_actor: Actor) -> None:
    sales, stock = category_id(kiosk, "Penjualan"), category_id(kiosk, "Kulakan / belanja dagangan")
    for day in range(1, 21):  # 20 recorded days in July, none in June
        kiosk.book.record_entry(sari_actor, sari.id, sales, 50_000, dt.date(2024, 7, day))
    kiosk.book.record_entry(sari_actor, sari.id, stock, 400_000, dt.date(2024, 7, 2))
    kiosk.book.move_money(sari_actor, sari.id, MoveKind.OWNER_PAY, 100_000, dt.date(2024, 7, 6))
    kiosk.book.move_money(sari_actor, sari.id, MoveKind.TOP_UP, 20_000, dt.date(2024, 7, 7))
    kiosk.book.mark_closed_day(sari_actor, sari.id, dt.date(2024, 7, 21))
    lights = kiosk.standing.lights(sari_actor, sari.id, PeriodChoice.THIS_MONTH)
    assert lights.summary.period.label == "2024-07"
    assert lights.previous.period.label == "2024-06"
    # 20 of 26 open days (27 elapsed, one closed): 0.77 -> yellow; June had 30 open days and no entry:
    # red, so the arrow points up. June's other lights are grey (fewer than 10 recorded days): no arrow.
    assert lights.summary.indicator("recording").status is Status.YELLOW
    assert lights.trend("recording").change == 1
    assert lights.trend("covers_costs").change is None
    data = kiosk.standing.charts(sari_actor, sari.id, PeriodChoice.THIS_MONTH)
    assert len(data.months) == 6 and data.months[-1].sales == 1_000_000 and data.months[-1].owner_pay == 100_000
    assert data.balance[-1].balance == 1_000_000 - 400_000 - 100_000 + 20_000
    assert [(m.day.day, m.from_personal) for m in data.markers] == [(6, False), (7, True)]
    assert data.spending_by_category == (("Kulakan / belanja dagangan", 400_000),)
    assert dict(data.calendar.days)[dt.date(2024, 7, 21)] is DayMark.CLOSED
    assert data.calendar.streak == 0  # the 26th was not recorded (today, the 27th, is not over)


def test_nobody_else_sees_her_standing(kiosk: Kiosk, sari: Profile) -> None:
    for actor in (Actor(Role.MENTOR, "m"), Actor.beneficiary("someone-else")):
        with pytest.raises(Refused):
            kiosk.standing.lights(actor, sari.id, PeriodChoice.THIS_MONTH)
        with pytest.raises(Refused):
            kiosk.standing.charts(actor, sari.id, PeriodChoice.THIS_MONTH)


DEMO_NOW = dt.datetime(2026, 11, 27, 4, 0, tzinfo=dt.UTC)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Kiosk]:
    clock = FixedClock(DEMO_NOW)
    path = Path(tmp_path_factory.mktemp("demo")) / "demo.sqlite"
    build_demo_kiosk(path, clock)
    kiosk = Kiosk.open(path, clock)
    yield kiosk
    kiosk.close()


def statuses(kiosk: Kiosk, name: str, choice: PeriodChoice) -> dict[str, Status]:
    profile = kiosk.profiles.find(name)
    lights = kiosk.standing.lights(Actor.beneficiary(profile.id), profile.id, choice)
    return {i.key: i.status for i in lights.summary.indicators}


@pytest.mark.parametrize(
    "choice",
    [PeriodChoice.LAST_30_DAYS, PeriodChoice.THIS_MONTH, PeriodChoice.LAST_MONTH, PeriodChoice.LAST_3_MONTHS],
)
def test_each_demo_story_is_told_by_the_lights(demo: Kiosk, choice: PeriodChoice) -> None:
    assert set(statuses(demo, "Sari", choice).values()) == {Status.GREEN}
    assert statuses(demo, "Rina", choice)["no_top_ups"] is Status.RED
    assert statuses(demo, "Dewi", choice)["pay_within_profit"] is Status.RED
    assert statuses(demo, "Ani", choice)["recording"] in {Status.RED, Status.GREY}


STORIES = {
    "Sari": {
        key: Status.GREEN for key in ("recording", "covers_costs", "no_top_ups", "pay_within_profit", "cash_runway")
    },
    "Rina": {"no_top_ups": Status.RED},
    "Dewi": {"pay_within_profit": Status.RED},
    "Ani": {"recording": Status.RED},
}


@pytest.mark.parametrize(
    "today",
    [dt.date(2026, 12, 1), dt.date(2026, 12, 15), dt.date(2026, 12, 28), dt.date(2026, 12, 31), dt.date(2027, 3, 1)],
)
def test_the_default_tells_each_story_on_any_day_of_the_month(tmp_path: Path, today: dt.date) -> None:
    """Issue 9 §1: on the 1st the calendar month has one day in it and its lights go grey; the rolling
    30 days (the page's default) still tell each story, and Ani's missing days are red, not grey."""
    clock = FixedClock(dt.datetime.combine(today, dt.time(4, 0), dt.UTC))  # 11:00 WIB
    build_demo_kiosk(tmp_path / "demo.sqlite", clock)
    kiosk = Kiosk.open(tmp_path / "demo.sqlite", clock)
    try:
        for name, expected in STORIES.items():
            shown = statuses(kiosk, name, PeriodChoice.LAST_30_DAYS)
            assert {key: shown[key] for key in expected} == expected, (name, shown)
        if today.day == 1:  # what the calendar month alone would have shown
            assert statuses(kiosk, "Ani", PeriodChoice.THIS_MONTH)["recording"] is Status.GREY
    finally:
        kiosk.close()


def test_the_rolling_lights_compare_with_the_30_days_before(demo: Kiosk) -> None:
    profile = demo.profiles.find("Ani")
    lights = demo.standing.lights(Actor.beneficiary(profile.id), profile.id, PeriodChoice.LAST_30_DAYS)
    today = DEMO_NOW.date()
    assert (lights.summary.period.start, lights.summary.period.end) == (today - dt.timedelta(days=29), today)
    assert lights.previous.period.end == today - dt.timedelta(days=30)
    assert lights.previous.period.start == today - dt.timedelta(days=59)
    # she stopped 62 days ago: both windows are red, so the trend is "the same"
    assert lights.trend("recording").change == 0
    assert lights.trend("covers_costs").change is None  # grey now: nothing to compare


def test_rolling_charts_match_the_lights(demo: Kiosk) -> None:
    profile = demo.profiles.find("Dewi")
    actor = Actor.beneficiary(profile.id)
    lights = demo.standing.lights(actor, profile.id, PeriodChoice.LAST_30_DAYS)
    data = demo.standing.charts(actor, profile.id, PeriodChoice.LAST_30_DAYS)
    last = data.months[-1]
    assert (last.start, last.end) == (lights.summary.period.start, lights.summary.period.end)
    assert not last.whole_month
    b = lights.summary.business
    assert (last.sales, last.operating, last.owner_pay) == (b.sales, b.operating, b.owner_pay)
    assert len(data.calendar.days) == 30 and data.calendar.end == DEMO_NOW.date()
    assert data.balance[0].day == data.months[0].start and data.balance[-1].day == DEMO_NOW.date()
    assert sum(1 for m in data.markers if not m.from_personal) <= 12  # weekly pay over 6 x 30 days, summed
