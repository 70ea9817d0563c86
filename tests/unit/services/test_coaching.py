"""A session stores the lights of the moment and its goals; the next one sees what the data shows."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from tests.helpers import category_id
from wirausaha_desktop.domain.goals import GoalKind, GoalStatus, PayEvery
from wirausaha_desktop.domain.model import AccessAction, Actor, Profile, Role
from wirausaha_desktop.domain.problems import Refused
from wirausaha_desktop.services.clock import FixedClock
from wirausaha_desktop.services.coaching import GoalDraft
from wirausaha_desktop.services.kiosk import Kiosk


@pytest.fixture
def wati(kiosk: Kiosk, sari: Profile, operator: Actor) -> Actor:
    mentor, _ = kiosk.mentors.create(operator, "Bu Wati", "5555")
    kiosk.mentors.assign(operator, mentor.id, sari.id)
    return Actor(Role.MENTOR, mentor.id)


def test_a_session_with_two_goals_and_the_next_session_sees_which_the_data_shows_met(
    kiosk: Kiosk, sari: Profile, sari_actor: Actor, wati: Actor, clock: FixedClock
) -> None:
    today = clock.today()
    due = today + dt.timedelta(days=6)
    kiosk.coaching.record_session(
        wati,
        sari.id,
        "Penjualan naik, kemasan masih plastik polos.",
        "Semangat, Bu Sari! Catat setiap hari ya.",
        [
            GoalDraft(GoalKind.RECORD_DAYS, due, target=5, text="Catat 5 dari 7 hari"),
            GoalDraft(GoalKind.SALES_AT_LEAST, due, target=1_000_000, text="Jual Rp1 juta minggu ini"),
        ],
        next_session=today + dt.timedelta(days=7),
    )
    for day in range(6):  # she records the session day and the five after it: 6 of 7 days, Rp300.000
        if day:
            clock.advance(dt.timedelta(days=1))
        kiosk.book.record_entry(sari_actor, sari.id, category_id(kiosk, "Penjualan"), 50_000, clock.today())
    clock.advance(dt.timedelta(days=2))  # past the due date
    progress = {goal.kind: p for goal, p in kiosk.coaching.current_goals(wati, sari.id)}
    assert progress[GoalKind.RECORD_DAYS].status is GoalStatus.MET
    assert (progress[GoalKind.SALES_AT_LEAST].status, progress[GoalKind.SALES_AT_LEAST].done) == (
        GoalStatus.MISSED,
        300_000,
    )
    # Her screen: the same goals and the message, signed.
    assert len(kiosk.coaching.current_goals(sari_actor, sari.id)) == 2
    message = kiosk.coaching.last_message(sari_actor, sari.id)
    assert message is not None and (message.text, message.mentor) == (
        "Semangat, Bu Sari! Catat setiap hari ya.",
        "Bu Wati",
    )
    (session,) = kiosk.coaching.sessions(wati, sari.id)
    assert set(json.loads(session.snapshot)) == {
        "recording",
        "covers_costs",
        "no_top_ups",
        "pay_within_profit",
        "cash_runway",
    }
    log = kiosk.access_log(sari_actor, sari.id)
    assert [r.action for r in log] == [AccessAction.SESSION]
    (row,) = kiosk.caseload.rows(wati)
    assert (row.open_goals, row.goals_met, row.goals_overdue) == (2, 1, 1)
    assert row.next_session == today + dt.timedelta(days=7)


def test_only_her_assigned_mentor_records_or_reads_sessions(
    kiosk: Kiosk, sari: Profile, sari_actor: Actor, operator: Actor, clock: FixedClock
) -> None:
    other, _ = kiosk.mentors.create(operator, "Bu Siti", "6666")
    siti = Actor(Role.MENTOR, other.id)
    due = clock.today() + dt.timedelta(days=30)
    for someone in (siti, sari_actor, operator):
        with pytest.raises(Refused):
            kiosk.coaching.record_session(someone, sari.id, "", "", [GoalDraft(GoalKind.NO_TOP_UPS, due)], None)
    with pytest.raises(Refused):
        kiosk.coaching.sessions(siti, sari.id)
    with pytest.raises(Refused):
        kiosk.coaching.sessions(sari_actor, sari.id)  # the notes are the mentor's


def test_a_bad_goal_or_date_refuses_the_whole_session(
    kiosk: Kiosk, sari: Profile, wati: Actor, clock: FixedClock
) -> None:
    today = clock.today()
    cases = [
        ([GoalDraft(GoalKind.OWNER_PAY, today + dt.timedelta(days=30), target=300_000)], None, "goal_per_needed"),
        ([GoalDraft(GoalKind.RECORD_DAYS, today - dt.timedelta(days=1), target=5)], None, "goal_due_before_start"),
        ([GoalDraft(GoalKind.FREE_TEXT, today + dt.timedelta(days=30))], None, "goal_text_needed"),
        ([], today - dt.timedelta(days=1), "next_session_past"),
    ]
    for drafts, next_session, code in cases:
        with pytest.raises(Refused) as refused:
            kiosk.coaching.record_session(wati, sari.id, "", "", drafts, next_session)
        assert refused.value.problem.code == code
    assert kiosk.coaching.sessions(wati, sari.id) == []
    kiosk.coaching.record_session(
        wati,
        sari.id,
        "",
        "",
        [GoalDraft(GoalKind.OWNER_PAY, today + dt.timedelta(days=30), target=300_000, per=PayEvery.WEEK)],
        None,
    )
    assert len(kiosk.coaching.goals(wati, sari.id)) == 1
