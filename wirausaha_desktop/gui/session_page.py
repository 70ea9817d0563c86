"""The coaching session (issue 8 §5): last time's goals and what her data shows, then notes,
a message for her, new goals from templates, and the next session's date.

Saving goes through the operation bus (``kiosk.coaching.record_session``); a refusal is shown in
words and everything typed stays, so that nothing of the conversation is lost.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ..domain.goals import SPEND_ON_CATEGORIES, Goal, GoalKind, GoalProgress, PayEvery
from ..domain.model import Actor, Profile
from ..domain.money import parse_amount
from ..domain.problems import Problem
from ..domain.tips import Tip
from ..i18n import _
from ..messages import describe
from ..services.coaching import MESSAGE_LIMIT, GoalDraft
from ..services.kiosk import Kiosk
from ..tip_words import tip_sentence, tip_title
from . import fmt, goal_words, icons, theme
from .date_field import DateInput
from .operations import OperationBus
from .widgets import big_button, combo, label, name_widget, status_panel, vertical_scroll

MAX_GOALS = 3  # a 20-minute session agrees a few goals, not a list
GOAL_DAYS = 30


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _combo(object_name: str, accessible: str) -> QComboBox:
    box = combo(object_name, accessible)
    box.setStyleSheet("QComboBox { min-height: 44px; } QComboBox QAbstractItemView::item { min-height: 48px; }")
    return box


class DateField(QWidget):
    """A date typed or stepped a week at a time with two big buttons (no tiny spin arrows)."""

    def __init__(self, object_name: str, accessible: str, day: dt.date, earliest: dt.date) -> None:
        super().__init__()
        self.edit = name_widget(DateInput(_qdate(earliest)), object_name, accessible)  # a tap opens the calendar
        self.edit.setLocale(fmt.locale())
        self.edit.setDisplayFormat("d MMM yyyy")  # "1 Januari 2027" was cut at 1024 px
        self.edit.setMinimumDate(_qdate(earliest))
        self.edit.setDate(_qdate(day))
        self.edit.setMinimumWidth(150)
        earlier = big_button(
            "−7", f"{object_name}Earlier", None, _("{what}: satu minggu lebih awal", what=accessible), 48
        )
        later = big_button(
            "+7", f"{object_name}Later", None, _("{what}: satu minggu lebih lambat", what=accessible), 48
        )
        for button, days in ((earlier, -7), (later, 7)):
            button.setFixedWidth(58)
            button.setToolTip(button.accessibleName())
            button.clicked.connect(lambda _checked=False, step=days: self.edit.setDate(self.edit.date().addDays(step)))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(earlier)
        row.addWidget(self.edit, 1)
        row.addWidget(later)

    def day(self) -> dt.date:
        value = self.edit.date()
        return dt.date(value.year(), value.month(), value.day())


class GoalDraftRow(QFrame):
    """One goal being agreed: its template, its target and its due date; removable."""

    remove_requested = Signal(object)

    def __init__(self, number: int, today: dt.date) -> None:
        super().__init__()
        self.setObjectName(f"goalDraft_{number}")
        self.setProperty("role", "panel")
        self.kind = _combo(f"goalKind_{number}", _("Target {n}: jenis", n=number))
        for kind in GoalKind:
            self.kind.addItem(goal_words.kind_name(kind), kind.value)
        self.target = name_widget(QLineEdit(), f"goalTarget_{number}", _("Target {n}: angka", n=number))
        self.per = _combo(f"goalPer_{number}", _("Target {n}: tiap minggu atau bulan", n=number))
        for per in PayEvery:
            self.per.addItem(goal_words.per_name(per), per.value)
        self.category = _combo(f"goalCategory_{number}", _("Target {n}: belanja untuk", n=number))
        for category in SPEND_ON_CATEGORIES:
            self.category.addItem(category, category)
        self.text = name_widget(QLineEdit(), f"goalText_{number}", _("Target {n}: dengan kata-kata", n=number))
        self.text.setPlaceholderText(_("Tulis targetnya"))
        self.text.setMaxLength(120)
        self.due = DateField(f"goalDue_{number}", _("Target {n}: sampai tanggal", n=number),
                             today + dt.timedelta(days=GOAL_DAYS - 1), today)  # fmt: skip
        self.remove = big_button(_("Hapus"), f"removeGoal_{number}", icons.glyph("✕", theme.MUTED),
                                 _("Hapus target {n}", n=number), 48)  # fmt: skip
        self.remove.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        for widget in (self.kind, self.target, self.per, self.category, self.text):
            widget.setMinimumWidth(60)
            widget.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.remove.clicked.connect(lambda: self.remove_requested.emit(self))
        grid = QGridLayout(self)
        grid.setContentsMargins(8, 6, 8, 6)
        grid.setVerticalSpacing(4)
        grid.addWidget(self.kind, 0, 0)
        grid.addWidget(self.remove, 0, 1)
        details = QHBoxLayout()
        for widget in (self.target, self.per, self.category, self.text):
            details.addWidget(widget, 1)
        grid.addLayout(details, 1, 0, 1, 2)
        grid.addWidget(self.due, 2, 0, 1, 2)
        self.kind.currentIndexChanged.connect(lambda _index: self._show_fields())
        self._show_fields()

    def goal_kind(self) -> GoalKind:
        return GoalKind(self.kind.currentData())

    def set_kind(self, kind: GoalKind) -> None:
        self.kind.setCurrentIndex(self.kind.findData(kind.value))

    def _show_fields(self) -> None:
        kind = self.goal_kind()
        self.target.setVisible(kind not in (GoalKind.NO_TOP_UPS, GoalKind.FREE_TEXT))
        self.target.setPlaceholderText(_("Berapa hari?") if kind is GoalKind.RECORD_DAYS else _("Berapa rupiah?"))
        self.per.setVisible(kind is GoalKind.OWNER_PAY)
        self.category.setVisible(kind is GoalKind.SPEND_ON)
        self.text.setVisible(kind is GoalKind.FREE_TEXT)

    def draft(self) -> GoalDraft | Problem:
        """The goal as typed, or the problem with what was typed (the service checks the rest)."""
        kind, typed = self.goal_kind(), self.target.text().strip()
        target: int | None = None
        if self.target.isVisibleTo(self):
            if not typed:
                return Problem.of("goal_target_needed")
            if kind is GoalKind.RECORD_DAYS:
                if not typed.isdigit():
                    return Problem.of("goal_target_needed")
                target = int(typed)
            else:
                amount = parse_amount(typed)
                if isinstance(amount, Problem):
                    return amount
                target = amount
        per = PayEvery(self.per.currentData()) if kind is GoalKind.OWNER_PAY else None
        category = self.category.currentData() if kind is GoalKind.SPEND_ON else None
        text = self.text.text() if kind is GoalKind.FREE_TEXT else ""
        return GoalDraft(kind=kind, due=self.due.day(), target=target, per=per, category=category, text=text)


def tip_line(tip: Tip) -> QWidget:
    """One tip her data triggers: its heading and its sentence with her numbers, as she would read it."""
    words = QVBoxLayout()
    words.setSpacing(0)
    heading = label(tip_title(tip), wrap=True)
    heading.setStyleSheet("font-weight: bold;")
    words.addWidget(heading)
    words.addWidget(label(tip_sentence(tip), wrap=True))
    row = status_panel(f"sessionTip_{tip.code}", icons.glyph("i", theme.MOVE), words)
    row.setAccessibleName(f"{tip_title(tip)}. {tip_sentence(tip)}")
    return row


def goal_line(goal: Goal, progress: GoalProgress) -> QWidget:
    """Last session's goal: an icon and a word for what the data shows, the goal, its numbers."""
    word = goal_words.status_word(progress.status)
    numbers = goal_words.progress_text(progress)
    what = label(goal_words.goal_text(goal), wrap=True)
    shows = label(f"{word}: {numbers}" if numbers and numbers != word else word, wrap=True)
    shows.setObjectName("goalShows")
    shows.setStyleSheet("font-weight: bold;")
    words = QVBoxLayout()
    words.setSpacing(0)
    words.addWidget(shows)
    words.addWidget(what)
    icon = icons.glyph(goal_words.STATUS_GLYPHS[progress.status], goal_words.STATUS_COLOURS[progress.status])
    row = status_panel(f"previousGoal_{goal.id}", icon, words)
    row.setAccessibleName(f"{word}. {numbers}. {goal_words.goal_text(goal)}")
    return row


class SessionPage(QWidget):
    back_requested = Signal()  # back to her book, without saving (what was typed stays)
    readiness_requested = Signal()  # the graduation readiness checklist (what was typed stays)
    saved = Signal(str)  # profile id

    def __init__(self, kiosk: Kiosk, operations: OperationBus) -> None:
        super().__init__()
        name_widget(self, "sessionPage", _("Sesi pendampingan"))
        self._kiosk = kiosk
        self._operations = operations
        self._actor: Actor | None = None
        self._profile: Profile | None = None
        self._today = dt.date.today()
        self._numbers = 0
        self.title = label("", "title", wrap=True)
        self.title.setStyleSheet("font-size: 17pt;")
        self.back = big_button(_("Kembali ke buku"), "backFromSession", None, _("Kembali ke buku, sesi belum disimpan"))
        self.back.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.back.clicked.connect(self.back_requested.emit)
        self.open_readiness = big_button(_("Kesiapan lulus"), "openReadiness", icons.glyph("✓", theme.BUSINESS),
                                         _("Buka daftar kesiapan lulus"), 48)  # fmt: skip
        self.open_readiness.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.open_readiness.clicked.connect(self.readiness_requested.emit)
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.open_readiness)
        header.addWidget(self.back)

        # left: what was agreed last time, and what her data shows now
        self.previous_box = QWidget()
        self.previous = QVBoxLayout(self.previous_box)
        self.previous.setContentsMargins(0, 0, 0, 0)
        previous_scroll = vertical_scroll(self.previous_box)
        left = QVBoxLayout()
        left.addWidget(label(_("Target sesi lalu"), "hint"))
        left.addWidget(previous_scroll, 1)

        # middle: the conversation
        self.notes = name_widget(QPlainTextEdit(), "sessionNotes", _("Catatan sesi (untuk pendamping)"))
        self.notes.setPlaceholderText(_("Catatan sesi (untuk pendamping)"))
        self.message = name_widget(QLineEdit(), "sessionMessage", _("Pesan untuk ibu"))
        self.message.setMaxLength(MESSAGE_LIMIT)
        self.signed = label("", "hint", wrap=True)
        self.next_session = DateField("nextSessionDate", _("Sesi berikut"), self._today, self._today)
        self.save_button = big_button(_("Simpan sesi"), "saveSession", icons.glyph("✓", theme.MONEY_IN),
                                      _("Simpan sesi pendampingan"))  # fmt: skip
        self.save_button.clicked.connect(self.save)
        self.problem = label("", "error", wrap=True)
        self.problem.setObjectName("sessionMessageLine")
        middle = QVBoxLayout()
        middle.addWidget(label(_("Catatan sesi"), "hint"))
        middle.addWidget(self.notes, 1)
        middle.addWidget(label(_("Pesan untuk ibu (tampil di layarnya)"), "hint"))
        middle.addWidget(self.message)
        middle.addWidget(self.signed)
        middle.addWidget(label(_("Sesi berikut"), "hint"))
        middle.addWidget(self.next_session)
        middle.addWidget(self.problem)
        middle.addWidget(self.save_button)

        # right: the goals agreed today
        self.add_goal = big_button(_("Tambah target"), "addGoal", icons.glyph("+", theme.MONEY_IN),
                                   _("Tambah target baru"), 48)  # fmt: skip
        self.add_goal.clicked.connect(self.add_goal_row)
        self.goal_box = QWidget()
        self.goal_rows_layout = QVBoxLayout(self.goal_box)
        self.goal_rows_layout.setContentsMargins(0, 0, 0, 0)
        self.goal_rows_layout.addStretch(1)
        self.goal_rows: list[GoalDraftRow] = []
        right = QVBoxLayout()
        right.addWidget(label(_("Target baru (paling banyak {count})", count=MAX_GOALS), "hint"))
        right.addWidget(vertical_scroll(self.goal_box), 1)
        right.addWidget(self.add_goal)

        body = QHBoxLayout()
        body.addLayout(left, 3)
        body.addLayout(middle, 3)
        body.addLayout(right, 4)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addLayout(header)
        layout.addLayout(body, 1)

    # -- opening ------------------------------------------------------------------------------
    def start(self, actor: Actor, profile: Profile, mentor_name: str, today: dt.date,
              previous: list[tuple[Goal, GoalProgress]], last_notes: str,
              tips: Sequence[Tip] = ()) -> None:  # fmt: skip
        """A session for her book; the same book again (back from her book) keeps what was typed.

        ``tips`` are every tip her data triggers today, most important first: she sees one at a time
        on her own screen, her mentor sees them all here (issue 8 §7).
        """
        same = self._profile is not None and self._profile.id == profile.id and self._actor == actor
        self._actor, self._profile, self._today = actor, profile, today
        self.title.setText(_("Sesi dengan {name}, {date}", name=profile.name, date=fmt.long_date(today)))
        self.signed.setText(_("Ditandatangani: {mentor}", mentor=mentor_name))
        self._show_previous(previous, last_notes, tips)
        if not same:
            self.clear_typed()

    def clear_typed(self) -> None:
        self.notes.clear()
        self.message.clear()
        self.problem.clear()
        self.next_session.edit.setMinimumDate(_qdate(self._today))
        self.next_session.edit.setDate(_qdate(self._today + dt.timedelta(days=GOAL_DAYS)))
        for row in list(self.goal_rows):
            self.remove_goal_row(row)

    def close_session(self) -> None:
        """Selesai: nothing of the session stays on screen."""
        self._actor = self._profile = None
        self.clear_typed()
        self._show_previous([], "")
        self.title.clear()

    def _show_previous(
        self, previous: list[tuple[Goal, GoalProgress]], last_notes: str, tips: Sequence[Tip] = ()
    ) -> None:
        while (item := self.previous.takeAt(0)) is not None:
            widget = item.widget()
            if widget is not None:
                widget.deleteLater()
        if not previous:
            self.previous.addWidget(label(_("Belum ada target dari sesi lalu."), "hint", wrap=True))
        for goal, progress in previous:
            self.previous.addWidget(goal_line(goal, progress))
        if last_notes:
            notes = label(_("Catatan sesi lalu: {notes}", notes=last_notes), "hint", wrap=True)
            notes.setObjectName("lastNotes")
            self.previous.addWidget(notes)
        if tips:
            self.previous.addWidget(label(_("Saran dari data ({count})", count=len(tips)), "hint"))
        for tip in tips:
            self.previous.addWidget(tip_line(tip))
        self.previous.addStretch(1)

    # -- goals --------------------------------------------------------------------------------
    def add_goal_row(self) -> GoalDraftRow | None:
        if len(self.goal_rows) >= MAX_GOALS:
            return None
        self._numbers += 1
        row = GoalDraftRow(self._numbers, self._today)
        row.remove_requested.connect(self.remove_goal_row)
        self.goal_rows.append(row)
        self.goal_rows_layout.insertWidget(len(self.goal_rows) - 1, row)
        self.add_goal.setEnabled(len(self.goal_rows) < MAX_GOALS)
        return row

    def remove_goal_row(self, row: GoalDraftRow) -> None:
        if row in self.goal_rows:
            self.goal_rows.remove(row)
            self.goal_rows_layout.removeWidget(row)
            row.deleteLater()
        self.add_goal.setEnabled(len(self.goal_rows) < MAX_GOALS)

    # -- saving -------------------------------------------------------------------------------
    def save(self) -> None:
        actor, profile = self._actor, self._profile
        if actor is None or profile is None:
            return
        drafts: list[GoalDraft] = []
        for row in self.goal_rows:
            draft = row.draft()
            if isinstance(draft, Problem):
                self.show_problem(draft)
                return
            drafts.append(draft)
        notes, message, next_day = self.notes.toPlainText(), self.message.text(), self.next_session.day()
        coaching = self._kiosk.coaching
        self._operations.run(
            lambda: coaching.record_session(actor, profile.id, notes, message, drafts, next_day),
            self.show_problem,
            lambda _changes: self._saved(profile.id),
        )

    def show_problem(self, problem: Problem) -> None:
        self.problem.setText(describe(problem))

    def _saved(self, profile_id: str) -> None:
        self._profile = None  # the next session starts empty
        self.saved.emit(profile_id)
