"""The demo kiosk: four beneficiaries, 18 months, each story told by the indicators, and their mentor."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterator
from pathlib import Path

import pytest

from wirausaha_desktop.domain.goals import GoalKind, GoalStatus
from wirausaha_desktop.domain.model import AccessAction, Actor, Ledger, Role
from wirausaha_desktop.domain.standing import Period, Status, Summary
from wirausaha_desktop.services import demo
from wirausaha_desktop.services.clock import FixedClock
from wirausaha_desktop.services.demo import DemoRefused, build_demo_kiosk
from wirausaha_desktop.services.kiosk import Kiosk

NOW = dt.datetime(2026, 11, 29, 12, 0, tzinfo=dt.UTC)  # late in a month
EARLY = dt.datetime(2026, 12, 3, 12, 0, tzinfo=dt.UTC)  # three days into one
OPERATOR = Actor.operator()


def open_demo(path: Path, now: dt.datetime, seed: int = demo.DEMO_SEED) -> Kiosk:
    clock = FixedClock(now)
    build_demo_kiosk(path, clock=clock, seed=seed)
    return Kiosk.open(path, clock)


@pytest.fixture(scope="module")
def late(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Kiosk]:
    kiosk = open_demo(tmp_path_factory.mktemp("late") / "demo.sqlite", NOW)
    yield kiosk
    kiosk.close()


@pytest.fixture(scope="module")
def early(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Kiosk]:
    kiosk = open_demo(tmp_path_factory.mktemp("early") / "demo.sqlite", EARLY)
    yield kiosk
    kiosk.close()


def month(today: dt.date, back: int) -> Period:
    index = today.year * 12 + today.month - 1 - back
    return Period.month(index // 12, index % 12 + 1)


def summary(kiosk: Kiosk, name: str, period: Period) -> Summary:
    return kiosk.book.summary(OPERATOR, kiosk.profiles.find(name).id, period)


def status(kiosk: Kiosk, name: str, period: Period, key: str) -> Status:
    return summary(kiosk, name, period).indicator(key).status


def all_green(kiosk: Kiosk, name: str, period: Period) -> bool:
    return {i.status for i in summary(kiosk, name, period).indicators} == {Status.GREEN}


def exports(kiosk: Kiosk) -> dict[str, str]:
    return {p.name: kiosk.exchange.export_csv(OPERATOR, p.id) for p in kiosk.profiles.list()}


# -- what is in it ----------------------------------------------------------------------------------------


def test_four_beneficiaries_with_eighteen_months_of_book(late: Kiosk) -> None:
    today = NOW.date()
    profiles = {p.name: p.business for p in late.profiles.list()}
    assert profiles == {
        "Sari": "Warung kopi dan gorengan",
        "Rina": "Jajanan pasar",
        "Dewi": "Jahit pakaian",
        "Ani": "Jual pulsa dan kuota",
    }
    for name in ("Sari", "Rina", "Dewi"):
        rows = list(csv.DictReader(io.StringIO(exports(late)[name])))
        days = sorted({dt.date.fromisoformat(r["tanggal"]) for r in rows})
        assert days[0] == dt.date(2025, 6, 1) == demo.demo_start(today)
        assert today - days[-1] <= dt.timedelta(days=2)
        assert len({(d.year, d.month) for d in days}) == 18
    ani = [dt.date.fromisoformat(r["tanggal"]) for r in csv.DictReader(io.StringIO(exports(late)["Ani"]))]
    assert max(ani) == today - dt.timedelta(days=62)  # she stopped recording two months ago
    assert late.settings.get("demo") == "1"


def test_the_demo_pins_open_the_demo_books(late: Kiosk) -> None:
    assert late.profiles.unlock_operator(demo.DEMO_OPERATOR_PIN).role is Role.OPERATOR  # type: ignore[union-attr]
    sari = late.profiles.find("Sari")
    assert late.profiles.unlock(sari.id, "1111") == Actor.beneficiary(sari.id)
    assert sari.consent_at is not None


def test_amounts_are_rounded_like_real_prices_and_business_cash_never_runs_below_zero(late: Kiosk) -> None:
    today = NOW.date()
    for name, text in exports(late).items():
        amounts = [int(r["jumlah"]) for r in csv.DictReader(io.StringIO(text))]
        assert amounts and all(a % 500 == 0 for a in amounts), name
        assert all(summary(late, name, month(today, back)).business.closing >= 0 for back in range(18)), name


# -- the stories ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("back", [0, 1], ids=["this month", "last month"])
def test_each_story_comes_out_this_month_and_last(late: Kiosk, back: int) -> None:
    period = month(NOW.date(), back)
    assert all_green(late, "Sari", period)
    assert status(late, "Rina", period, "no_top_ups") is Status.RED
    assert status(late, "Dewi", period, "pay_within_profit") is Status.RED
    assert status(late, "Ani", period, "recording") is Status.RED


def test_the_stories_hold_in_most_months_not_just_the_last(late: Kiosk) -> None:
    full_months = [month(NOW.date(), back) for back in range(1, 17)]  # after the first, before this one
    assert len(full_months) == 16
    assert sum(all_green(late, "Sari", p) for p in full_months) >= 14
    assert sum(status(late, "Rina", p, "no_top_ups") is Status.RED for p in full_months) >= 14
    assert sum(status(late, "Rina", p, "covers_costs") is not Status.GREEN for p in full_months) >= 14
    assert sum(status(late, "Dewi", p, "pay_within_profit") is Status.RED for p in full_months) >= 14
    # Dewi's pay is not excused by a poor month: she takes more than the business earned
    dewi = [summary(late, "Dewi", p).business for p in full_months]
    assert sum(b.owner_pay > b.profit for b in dewi) >= 14
    # and Ani did record, well, before she stopped
    assert sum(status(late, "Ani", p, "recording") is Status.GREEN for p in full_months[2:]) >= 12


def test_three_days_into_a_month_the_lights_wait_for_records_and_last_month_tells_the_story(early: Kiosk) -> None:
    this, last = month(EARLY.date(), 0), month(EARLY.date(), 1)
    # Three days are too few to judge anyone: the month's lights are grey ("belum cukup catatan"),
    # never red or yellow; only the cash runway, which looks back 30 days, already has a verdict.
    for name in ("Sari", "Rina", "Dewi", "Ani"):
        lights = {i.key: i.status for i in summary(early, name, this).indicators}
        assert lights["recording"] is Status.GREY, name
        assert {lights[k] for k in ("covers_costs", "no_top_ups", "pay_within_profit")} == {Status.GREY}, name
    assert status(early, "Sari", this, "cash_runway") is Status.GREEN
    assert all_green(early, "Sari", last)
    assert status(early, "Rina", last, "no_top_ups") is Status.RED
    assert status(early, "Dewi", last, "pay_within_profit") is Status.RED
    assert status(early, "Ani", last, "recording") is Status.RED


# -- Bu Wati, their mentor ----------------------------------------------------------------------------------

FINAL = {GoalStatus.MET, GoalStatus.MISSED}


def wati(kiosk: Kiosk) -> Actor:
    mentor = kiosk.mentors.find("Bu Wati")
    actor = kiosk.profiles.unlock_mentor(mentor.id, "5555")
    assert actor == Actor(Role.MENTOR, mentor.id)
    return actor


def test_bu_wati_unlocks_with_5555_and_follows_the_four_stories(late: Kiosk) -> None:
    mentor = wati(late)
    rows = late.caseload.rows(mentor)
    assert sorted(r.name for r in rows) == ["Ani", "Dewi", "Rina", "Sari"]
    assert rows[-1].name == "Sari"  # all green: the one who needs her least
    assert all(r.next_session is not None and r.next_session > NOW.date() for r in rows)


@pytest.mark.parametrize("when", ["late", "early"])
def test_each_story_has_two_past_sessions_with_goals_and_a_next_date_to_come(
    when: str, request: pytest.FixtureRequest
) -> None:
    kiosk: Kiosk = request.getfixturevalue(when)
    today = kiosk.clock.today()
    first, second = demo.session_days(today)
    assert 30 <= (today - first).days <= 37 and 14 <= (today - second).days <= 16
    assert first.weekday() < 5 and second.weekday() < 5  # a mentor visits on weekdays
    mentor = wati(kiosk)
    for profile in kiosk.profiles.list():
        latest, earlier = kiosk.coaching.sessions(mentor, profile.id)  # newest first
        assert (earlier.held_on, latest.held_on) == (first, second), profile.name
        assert earlier.next_session == second and latest.next_session is not None and latest.next_session > today
        assert all(s.notes and s.message and s.mentor_id == mentor.id for s in (latest, earlier))
        assert {g.set_on for g, _ in kiosk.coaching.goals(mentor, profile.id)} == {first, second}, profile.name


@pytest.mark.parametrize("when", ["late", "early"])
def test_the_data_shows_one_of_rinas_latest_goals_met_and_the_other_missed(
    when: str, request: pytest.FixtureRequest
) -> None:
    kiosk: Kiosk = request.getfixturevalue(when)
    mentor = wati(kiosk)
    rina = kiosk.profiles.find("Rina").id
    shown = {goal.kind: progress.status for goal, progress in kiosk.coaching.current_goals(mentor, rina)}
    assert shown == {GoalKind.RECORD_DAYS: GoalStatus.MET, GoalKind.NO_TOP_UPS: GoalStatus.MISSED}
    # the others' latest goals are still running: only Rina's have a verdict
    for name in ("Sari", "Dewi", "Ani"):
        goals = kiosk.coaching.current_goals(mentor, kiosk.profiles.find(name).id)
        assert goals and not {p.status for _, p in goals} & FINAL, name
    # the goals fit the stories
    kinds = {
        name: {g.kind for g, _ in kiosk.coaching.current_goals(mentor, kiosk.profiles.find(name).id)}
        for name in ("Sari", "Dewi", "Ani")
    }
    assert GoalKind.KEEP_CASH in kinds["Sari"] and GoalKind.OWNER_PAY in kinds["Dewi"]
    assert kinds["Ani"] == {GoalKind.RECORD_DAYS}


def test_her_own_screen_shows_bu_watis_last_message_and_that_bu_wati_looked(late: Kiosk) -> None:
    mentor = wati(late)
    second = demo.session_days(NOW.date())[1]
    for profile in late.profiles.list():
        her = Actor.beneficiary(profile.id)
        message = late.coaching.last_message(her, profile.id)
        assert message is not None and message.mentor == "Bu Wati" and message.held_on == second
        assert message.text == late.coaching.sessions(mentor, profile.id)[0].message
        assert late.coaching.current_goals(her, profile.id)
        sessions = [r for r in late.access_log(her, profile.id) if r.action is AccessAction.SESSION]
        assert [r.who for r in sessions] == ["Bu Wati", "Bu Wati"], profile.name


# -- reproducible, and never over a real kiosk --------------------------------------------------------------


def test_the_same_seed_and_day_give_the_same_book(late: Kiosk, tmp_path: Path) -> None:
    again = open_demo(tmp_path / "again.sqlite", NOW)
    try:
        assert exports(again) == exports(late)
        closed = "SELECT p.name, c.date FROM closed_days c JOIN profiles p ON p.id = c.profile_id ORDER BY 1, 2"
        assert again.conn.execute(closed).fetchall() == late.conn.execute(closed).fetchall()
        assert again.conn.execute(closed).fetchall()  # the coffee stall and the tailor close some days
        sessions = (
            "SELECT p.name, s.held_on, s.started_at, s.notes, s.message, s.snapshot, s.next_session"
            " FROM coaching_sessions s JOIN profiles p ON p.id = s.profile_id ORDER BY 1, 2"
        )
        goals = (
            "SELECT p.name, g.kind, g.target, g.per, g.category, g.text, g.set_on, g.due"
            " FROM goals g JOIN profiles p ON p.id = g.profile_id ORDER BY 1, 7, 2"
        )
        for query in (sessions, goals):
            assert again.conn.execute(query).fetchall() == late.conn.execute(query).fetchall()
        assert len(again.conn.execute(sessions).fetchall()) == 8
    finally:
        again.close()
    other = open_demo(tmp_path / "other.sqlite", NOW, seed=demo.DEMO_SEED + 1)
    try:
        assert exports(other)["Sari"] != exports(late)["Sari"]
    finally:
        other.close()


def test_a_demo_kiosk_is_rebuilt_in_place(tmp_path: Path) -> None:
    path = tmp_path / "demo.sqlite"
    open_demo(path, NOW).close()
    rebuilt = open_demo(path, EARLY)
    try:
        sari = rebuilt.profiles.find("Sari")
        last_day = max(e.date for e in rebuilt.book.recent_entries(OPERATOR, sari.id, Ledger.BUSINESS))
        assert last_day == EARLY.date() and len(rebuilt.profiles.list()) == 4
    finally:
        rebuilt.close()
    assert sorted(p.name for p in tmp_path.iterdir() if ".building" in p.name) == []


def test_a_real_kiosk_is_never_overwritten_nor_touched(kiosk_path: Path, tmp_path: Path) -> None:
    real = Kiosk.open(kiosk_path)
    real.profiles.create(OPERATOR, "Sari", "Warung kopi", "1234")
    real.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    real.close()
    before = kiosk_path.read_bytes()
    with pytest.raises(DemoRefused):
        build_demo_kiosk(kiosk_path, clock=FixedClock(NOW))
    assert kiosk_path.read_bytes() == before
    reopened = Kiosk.open(kiosk_path)
    try:
        assert [p.name for p in reopened.profiles.list()] == ["Sari"]
    finally:
        reopened.close()

    notes = tmp_path / "notes.sqlite"
    notes.write_text("not a kiosk at all")
    with pytest.raises(DemoRefused):
        build_demo_kiosk(notes, clock=FixedClock(NOW))
    assert notes.read_text() == "not a kiosk at all"
    assert not list(tmp_path.glob("*.building*"))
