"""*Target saya* on her screen: her goals with progress, her mentor's signed message, one tip."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QProgressBar, QToolButton
from pytestqt.qtbot import QtBot

from tests.helpers import category_id
from wirausaha_desktop import i18n
from wirausaha_desktop.domain.goals import Goal, GoalKind, GoalProgress, GoalStatus, PayEvery, Unit
from wirausaha_desktop.domain.model import Actor, Profile, Role
from wirausaha_desktop.domain.standing import Period
from wirausaha_desktop.goal_words import goal_fraction, goal_progress_text, goal_status_word, goal_title
from wirausaha_desktop.gui.my_goals import FitLabel, MyGoalsPanel
from wirausaha_desktop.services.clock import FixedClock
from wirausaha_desktop.services.coaching import GoalDraft
from wirausaha_desktop.services.kiosk import Kiosk

DAY = dt.timedelta(days=1)
START, DUE = dt.date(2024, 7, 1), dt.date(2024, 7, 30)


@pytest.fixture
def make_panel(qtbot: QtBot) -> Callable[[int], MyGoalsPanel]:
    def make(width: int = 1000) -> MyGoalsPanel:
        panel = MyGoalsPanel()
        qtbot.addWidget(panel)
        panel.resize(width, 110)
        panel.show()
        return panel

    return make


def _her_screen(kiosk: Kiosk, sari: Profile, sari_actor: Actor, operator: Actor, clock: FixedClock) -> Actor:
    """Bu Wati agreed two goals with Sari a week ago; Sari recorded on five days since, one a rice buy."""
    mentor, _ = kiosk.mentors.create(operator, "Bu Wati", "5555")
    kiosk.mentors.assign(operator, mentor.id, sari.id)
    wati = Actor(Role.MENTOR, mentor.id)
    today = clock.today()
    clock.advance(-7 * DAY)
    kiosk.coaching.record_session(
        wati,
        sari.id,
        "catatan pendamping",
        "Semangat, Bu Sari! Catat setiap hari ya.",
        [
            GoalDraft(GoalKind.RECORD_DAYS, today + 17 * DAY, target=25, text="Catat 25 dari 30 hari"),
            GoalDraft(GoalKind.SALES_AT_LEAST, today + 17 * DAY, target=1_000_000, text="Jual Rp1 juta bulan ini"),
        ],
        next_session=today + 18 * DAY,
    )
    clock.advance(7 * DAY)
    for back in range(5):
        kiosk.book.record_entry(sari_actor, sari.id, category_id(kiosk, "Penjualan"), 60_000, today - back * DAY)
    other = category_id(kiosk, "Pengeluaran lain usaha")
    kiosk.book.record_entry(sari_actor, sari.id, other, 50_000, today, "Beli beras 5kg")
    return wati


def _labels(panel: MyGoalsPanel, name: str) -> list[str]:
    """The visible words of each goal shown, in her goals' order."""
    found = [chip.findChild(QLabel, name) for chip in panel.goal_chips() if chip.isVisibleTo(panel)]
    return [w.full_text() if isinstance(w, FitLabel) else w.text() for w in found if w and w.isVisibleTo(panel)]


def test_she_sees_her_goals_the_signed_message_and_one_tip(
    qtbot: QtBot,
    make_panel: Callable[[int], MyGoalsPanel],
    kiosk: Kiosk,
    sari: Profile,
    sari_actor: Actor,
    operator: Actor,
    clock: FixedClock,
) -> None:
    _her_screen(kiosk, sari, sari_actor, operator, clock)
    panel = make_panel(1340)
    panel.show_for(
        kiosk.coaching.current_goals(sari_actor, sari.id),
        kiosk.coaching.last_message(sari_actor, sari.id),
        kiosk.tips.first_tip(sari_actor, sari.id),
    )
    assert panel.objectName() == "myGoals" and panel.accessibleName() == "Target saya"
    assert panel.isVisible()
    assert _labels(panel, "goalTitle") == ["Catat 25 dari 30 hari", "Jual Rp1 juta bulan ini"]
    assert _labels(panel, "goalProgress") == ["5 dari 25 hari", "Rp300.000 dari Rp1.000.000"]
    bars = [chip.findChild(QProgressBar, "goalBar") for chip in panel.goal_chips()]
    assert [(b.value(), b.maximum()) for b in bars if b] == [(5, 25), (300_000, 1_000_000)]
    message = panel.findChild(QLabel, "mentorMessageText")
    assert isinstance(message, FitLabel) and message.full_text() == "Semangat, Bu Sari! Catat setiap hari ya."
    tip = panel.findChild(QLabel, "tipOfTheDayText")
    assert isinstance(tip, FitLabel)
    assert tip.full_text() == (
        "Ada belanja rumah di Buku Usaha (beras, Rp50.000). Catat di Buku Pribadi supaya uang usaha terlihat jelas."
    )
    assert panel.height() <= 112  # a strip that leaves her book room at 1024×600
    for label in panel.findChildren(QLabel):
        if label.isVisibleTo(panel) and label.text():
            assert label.font().pointSizeF() >= 15, label.objectName()

    toggle = panel.findChild(QToolButton, "showMyGoals")
    assert toggle is not None and toggle.height() >= 48
    qtbot.mouseClick(toggle, Qt.MouseButton.LeftButton)
    assert panel.is_open()
    heading = panel.findChild(QLabel, "mentorMessageHeading")
    assert heading is not None and heading.text() == "Pesan dari Bu Wati, 20 Jul:"
    assert _labels(panel, "goalStatus") == ["Belum", "Belum"]
    assert message.text() == "Semangat, Bu Sari! Catat setiap hari ya."  # whole, not cut short


def test_closed_it_shows_the_goals_that_fit_and_open_all_of_them(make_panel: Callable[[int], MyGoalsPanel]) -> None:
    panel = make_panel(1000)
    goals = [(_goal(str(i), GoalKind.RECORD_DAYS, 20), _progress(str(i), 3, 20, Unit.DAYS)) for i in range(5)]
    panel.show_for(goals, None, None)
    shown = [c for c in panel.goal_chips() if c.isVisibleTo(panel)]
    assert 1 <= len(shown) <= 3
    assert panel.findChild(QLabel, "noGoals").isHidden()  # type: ignore[union-attr]
    assert not panel.findChild(QLabel, "mentorMessageText").isVisibleTo(panel)  # type: ignore[union-attr]
    panel.toggle.setChecked(True)
    assert all(c.isVisibleTo(panel) for c in panel.goal_chips())


def test_nothing_to_show_hides_it_and_clear_leaves_nothing_of_her_book(
    make_panel: Callable[[int], MyGoalsPanel],
    kiosk: Kiosk,
    sari: Profile,
    sari_actor: Actor,
    operator: Actor,
    clock: FixedClock,
) -> None:
    panel = make_panel(1000)
    panel.show_for([], None, None)
    assert panel.isHidden()
    _her_screen(kiosk, sari, sari_actor, operator, clock)
    panel.show_for(
        kiosk.coaching.current_goals(sari_actor, sari.id),
        kiosk.coaching.last_message(sari_actor, sari.id),
        kiosk.tips.first_tip(sari_actor, sari.id),
    )
    panel.toggle.setChecked(True)
    assert panel.isVisible()
    panel.clear()
    assert panel.isHidden() and not panel.is_open()
    assert panel.goal_chips() == []
    texts = [label.text() for label in panel.findChildren(QLabel)]
    texts += [label.full_text() for label in panel.findChildren(FitLabel)]
    assert not any("Bu Wati" in t or "Sari" in t or "beras" in t or "Catat 25" in t for t in texts)


def test_a_message_without_goals_still_shows_and_says_there_are_none(
    make_panel: Callable[[int], MyGoalsPanel],
) -> None:
    from wirausaha_desktop.services.coaching import MentorMessage

    panel = make_panel(1000)
    panel.show_for([], MentorMessage("Sampai jumpa minggu depan.", "Bu Wati", dt.date(2024, 12, 3)), None)
    assert panel.isVisible()
    assert panel.findChild(QLabel, "noGoals").isVisibleTo(panel)  # type: ignore[union-attr]
    assert panel.findChild(QLabel, "mentorMessageHeading").text() == "Bu Wati, 3 Des:"  # type: ignore[union-attr]
    assert not panel.findChild(QLabel, "tipOfTheDayText").isVisibleTo(panel)  # type: ignore[union-attr]


def test_hidden_amounts_hide_them_in_goals_and_tips(make_panel: Callable[[int], MyGoalsPanel]) -> None:
    panel = make_panel(1340)
    panel.show_for(
        [(_goal("s", GoalKind.SALES_AT_LEAST, 500_000), _progress("s", 1, 500_000, Unit.RUPIAH))], None, None
    )
    panel.set_amounts_hidden(True)
    assert _labels(panel, "goalProgress") == ["Rp••••• dari Rp•••••"]


def test_english_words(make_panel: Callable[[int], MyGoalsPanel]) -> None:
    i18n.set_language("en")
    panel = make_panel(1000)
    panel.show_for([(_goal("d", GoalKind.RECORD_DAYS, 25), _progress("d", 12, 25, Unit.DAYS))], None, None)
    assert _labels(panel, "goalProgress") == ["12 of 25 days"]
    assert panel.accessibleName() == "My goals"


# --- the words, for every unit and status --------------------------------------------------------


def _goal(goal_id: str, kind: GoalKind, target: int | None, per: PayEvery | None = None, text: str = "") -> Goal:
    return Goal(id=goal_id, kind=kind, target=target, per=per, text=text, set_on=START, due=DUE)


def _progress(
    goal_id: str,
    done: int | None,
    needed: int | None,
    unit: Unit | None,
    status: GoalStatus = GoalStatus.NOT_YET,
    kind: GoalKind = GoalKind.RECORD_DAYS,
) -> GoalProgress:
    return GoalProgress(goal_id, kind, status, done, needed, unit, Period(START, DUE), DUE)


@pytest.mark.parametrize(
    ("done", "needed", "unit", "words"),
    [
        (12, 25, Unit.DAYS, "12 dari 25 hari"),
        (25, 25, Unit.DAYS, "25 dari 25 hari"),
        (27, 25, Unit.DAYS, "27 hari, target 25 hari"),
        (300_000, 1_000_000, Unit.RUPIAH, "Rp300.000 dari Rp1.000.000"),
        (2, 4, Unit.WEEKS, "2 dari 4 minggu"),
        (1, 3, Unit.MONTHS, "1 dari 3 bulan"),
        (0, 0, Unit.TOP_UPS, "Belum ada tambah modal"),
        (2, 0, Unit.TOP_UPS, "Tambah modal 2 kali"),
        (None, None, None, "Belum"),
    ],
)
def test_progress_in_words(done: int | None, needed: int | None, unit: Unit | None, words: str) -> None:
    assert goal_progress_text(_progress("g", done, needed, unit)) == words


def test_status_words_titles_and_bars() -> None:
    assert [goal_status_word(s) for s in (GoalStatus.MET, GoalStatus.NOT_YET, GoalStatus.MISSED)] == [
        "Tercapai",
        "Belum",
        "Tidak tercapai",
    ]
    assert goal_title(_goal("t", GoalKind.RECORD_DAYS, 25, text="  Catat 25 dari 30 hari ")) == "Catat 25 dari 30 hari"
    fixed_pay = goal_title(_goal("t", GoalKind.OWNER_PAY, 300_000, PayEvery.WEEK))
    assert fixed_pay == "Ambil untuk pribadi Rp300.000 per minggu, tetap"
    for kind in GoalKind:
        assert goal_title(_goal("t", kind, 100_000, PayEvery.MONTH))  # every kind has a title
    assert goal_fraction(_progress("b", 30, 25, Unit.DAYS)) == (25, 25)
    assert goal_fraction(_progress("b", 0, 0, Unit.TOP_UPS)) is None
    assert goal_fraction(_progress("b", None, None, None)) is None
