"""*Target saya*: her goals with their progress, her mentor's last message and one tip (issue 8 §6, §7).

A strip for her book page, about 100 px high at 1024×600: up to three goals as icon + title + bar +
"12 dari 25 hari", then the mentor's message and the tip on one line each. The *Target saya* button
(``showMyGoals``) opens it to the whole text: every goal with its status word, the whole message,
the whole tip. Open, it lies over the page like a sheet (its closed strip keeps its place in the
layout), so that her two books are never squeezed on a 600-px screen; a tap on its button or
Escape closes it. It shows only what it is given (``show_for``); ``clear`` leaves nothing of her book.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QIcon, QKeyEvent, QMouseEvent, QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QGraphicsDropShadowEffect,
    QHBoxLayout,
    QLabel,
    QLayout,
    QProgressBar,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..domain.goals import Goal, GoalProgress, GoalStatus
from ..domain.tips import Tip
from ..goal_words import (
    GOAL_STATUS_ICONS,
    goal_fraction,
    goal_progress_text,
    goal_sentence,
    goal_status_word,
    goal_title,
    mentor_message_heading,
)
from ..i18n import _
from ..services.coaching import MentorMessage
from ..tip_words import tip_sentence, tip_title
from . import fmt, icons, theme
from .widgets import name_widget

COMPACT_GOALS = 3
"""At most this many goals in the closed strip; the rest when she opens it."""
ICON_SIDE = 30
STATUS_COLOURS = {
    GoalStatus.MET: theme.STATUS_COLOURS["green"],
    GoalStatus.NOT_YET: theme.BUSINESS,
    GoalStatus.MISSED: theme.STATUS_COLOURS["red"],
    GoalStatus.NOT_MEASURABLE: theme.STATUS_COLOURS["grey"],
}
TIP_COLOUR = theme.MOVE

_STYLE = f"""
QFrame#myGoals {{ background: {theme.CARD}; border: 1px solid #d6d1c4; border-radius: 12px; }}
QFrame#myGoals QLabel {{ font-size: 15pt; border: none; background: transparent; }}
QFrame#myGoals QLabel[role="heading"] {{ font-weight: bold; }}
QFrame#myGoals QLabel[role="hint"] {{ color: {theme.MUTED}; }}
QFrame#myGoals QToolButton#showMyGoals {{ font-size: 15pt; font-weight: bold; }}
QFrame#mentorMessage {{ background: #eef5fb; border: none; border-radius: 8px; }}
QFrame#tipOfTheDay {{ background: #fff4e5; border: none; border-radius: 8px; }}
QFrame#myGoals QProgressBar {{ border: 1px solid #b9b4a8; border-radius: 5px; background: #eeeae0; }}
"""


_NO_LIMIT = 16_777_215  # QWIDGETSIZE_MAX


class FitLabel(QLabel):
    """A label that shows its whole text wrapped, or one line cut with "…" where space is short."""

    def __init__(self, role: str | None = None) -> None:
        super().__init__()
        if role:
            self.setProperty("role", role)
        self._full = ""
        self._one_line = True
        self.setMinimumWidth(40)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def full_text(self) -> str:
        return self._full

    def set_full_text(self, text: str) -> None:
        self._full = text
        self.setAccessibleName(text)
        self._fit()

    def set_one_line(self, one_line: bool) -> None:
        self._one_line = one_line
        self.setWordWrap(not one_line)
        policy = QSizePolicy.Policy.Ignored if one_line else QSizePolicy.Policy.Expanding
        self.setSizePolicy(policy, QSizePolicy.Policy.Preferred if one_line else QSizePolicy.Policy.Maximum)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setMaximumHeight(_NO_LIMIT)
        self._fit()

    def _fit(self) -> None:
        if self._one_line:
            self.setText(self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, max(self.width(), 40)))
        else:
            self.setText(self._full)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._one_line:
            self._fit()
        else:  # wrapped: as tall as its lines at this width (a wrapped QLabel's hint guesses a narrow one)
            needed = self.heightForWidth(self.width())
            if needed > 0 and needed != self.maximumHeight():
                self.setMaximumHeight(needed)


class GoalChip(QFrame):
    """One goal: its status icon, its title, a bar and its numbers (and the status word when open)."""

    def __init__(self, goal: Goal, progress: GoalProgress, hidden: bool) -> None:
        super().__init__()
        self.setObjectName("goalChip")
        self.goal, self.progress = goal, progress
        money = _money(hidden)
        status = progress.status
        self.setAccessibleName(goal_sentence(goal, progress, money))
        self.icon = QLabel()
        self.icon.setPixmap(icons.glyph(GOAL_STATUS_ICONS[status], STATUS_COLOURS[status]).pixmap(ICON_SIDE, ICON_SIDE))
        self.icon.setFixedSize(ICON_SIDE + 2, ICON_SIDE + 2)
        self.title = FitLabel("heading")
        self.title.setObjectName("goalTitle")
        self.title.set_full_text(goal_title(goal, money))
        self.status = QLabel(goal_status_word(status))
        self.status.setObjectName("goalStatus")
        self.status.setStyleSheet(f"color: {STATUS_COLOURS[status]}; font-weight: bold;")
        self.numbers = QLabel(goal_progress_text(progress, money))
        self.numbers.setObjectName("goalProgress")
        self.bar = QProgressBar()
        self.bar.setObjectName("goalBar")
        self.bar.setTextVisible(False)
        self.bar.setFixedSize(72, 14)
        self.bar.setStyleSheet(f"QProgressBar::chunk {{ background: {STATUS_COLOURS[status]}; border-radius: 4px; }}")
        fraction = goal_fraction(progress)
        if fraction is None:
            self.bar.hide()
        else:
            self.bar.setRange(0, fraction[1])
            self.bar.setValue(fraction[0])
        same = self.numbers.text() == self.status.text()  # free text: the word is all there is

        lower = QHBoxLayout()
        lower.setContentsMargins(0, 0, 0, 0)
        lower.setSpacing(8)
        lower.addWidget(self.bar, 0, Qt.AlignmentFlag.AlignVCenter)
        lower.addWidget(self.numbers)
        lower.addWidget(self.status)
        lower.addStretch(1)
        self._same = same
        text = QVBoxLayout()
        text.setContentsMargins(0, 0, 0, 0)
        text.setSpacing(0)
        text.addWidget(self.title)
        text.addLayout(lower)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(8)
        row.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(text, 1)
        text.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.set_open(False)

    def set_open(self, open_: bool) -> None:
        """Closed: one line of title, the numbers; open: the whole title and the status word too."""
        self.title.set_one_line(not open_)
        self.status.setVisible(open_)
        self.numbers.setVisible(not (open_ and self._same))


class MyGoalsPanel(QFrame):
    """Her goals, her mentor's last message and at most one tip, for her own book page."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        name_widget(self, "myGoals", _("Target saya"))
        self.setStyleSheet(_STYLE)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)
        self._goals: list[tuple[Goal, GoalProgress]] = []
        self._message: MentorMessage | None = None
        self._tip: Tip | None = None
        self._hidden = False
        self._compact = False
        self._chips: list[GoalChip] = []
        self._placeholder: QWidget | None = None  # holds the strip's place while it lies open over the page
        self._host: QWidget | None = None
        self._host_layout: QLayout | None = None

        self.toggle = name_widget(QToolButton(), "showMyGoals", _("Target saya"))
        self.toggle.setCheckable(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.toggle.setMinimumHeight(theme.MIN_TARGET)
        self.toggle.setCursor(Qt.CursorShape.PointingHandCursor)
        self.toggle.toggled.connect(self._set_open)

        self.goals_box = QWidget()
        self.goals_box.setObjectName("myGoalsList")
        self.goals_layout = QBoxLayout(QBoxLayout.Direction.LeftToRight, self.goals_box)
        self.goals_layout.setContentsMargins(0, 0, 0, 0)
        self.goals_layout.setSpacing(16)
        self.goals_layout.addStretch(1)  # goals packed at the start, the spare room after them
        self.goals_box.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.no_goals = QLabel(_("Belum ada target. Buat bersama pendamping."))
        self.no_goals.setObjectName("noGoals")
        self.no_goals.setProperty("role", "hint")

        top = QHBoxLayout()
        top.setSpacing(12)
        top.addWidget(self.toggle, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.goals_box, 1)
        top.addWidget(self.no_goals, 1)

        self.message_panel, self.message_heading, self.message_text, self._message_row = self._note_panel(
            "mentorMessage", icons.person(theme.BUSINESS)
        )
        self.tip_panel, self.tip_heading, self.tip_text, self._tip_row = self._note_panel(
            "tipOfTheDay", icons.glyph("i", TIP_COLOUR)
        )
        self.notes = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.notes.setSpacing(10)
        self.notes.addWidget(self.message_panel, 1)
        self.notes.addWidget(self.tip_panel, 1)

        layout = self._outer = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addLayout(self.notes)
        self.clear()

    def _note_panel(self, object_name: str, icon: QIcon) -> tuple[QFrame, QLabel, FitLabel, QBoxLayout]:
        frame = QFrame()
        frame.setObjectName(object_name)
        mark = QLabel()
        mark.setPixmap(icon.pixmap(24, 24))
        mark.setFixedSize(26, 26)
        heading = QLabel()
        heading.setProperty("role", "heading")
        heading.setObjectName(f"{object_name}Heading")
        text = FitLabel()
        text.setObjectName(f"{object_name}Text")
        words = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        words.setSpacing(6)
        words.addWidget(heading)
        words.addWidget(text, 1)
        row = QHBoxLayout(frame)
        row.setContentsMargins(8, 2, 8, 2)
        row.setSpacing(6)
        row.addWidget(mark, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(words, 1)
        return frame, heading, text, words

    # -- what she is shown ---------------------------------------------------------------------
    def show_for(
        self, goals: Sequence[tuple[Goal, GoalProgress]], message: MentorMessage | None, tip: Tip | None
    ) -> None:
        """Her current goals with their progress, her mentor's last message and the one tip (or None)."""
        self._goals, self._message, self._tip = list(goals), message, tip
        self._render()

    def clear(self) -> None:
        """Nothing of her book left on screen (after the lock)."""
        self._goals, self._message, self._tip = [], None, None
        self.toggle.setChecked(False)
        self._render()

    def set_amounts_hidden(self, hidden: bool) -> None:
        """Follow the book page's eye button: amounts as dots while someone looks over her shoulder."""
        self._hidden = hidden
        self._render()

    def set_compact(self, compact: bool) -> None:
        """On a short screen (1024×600) the closed strip is one row: her goals; the message and the
        tip are one tap away, so that her two books keep their room."""
        if compact != self._compact:
            self._compact = compact
            self._render()

    def is_open(self) -> bool:
        return self.toggle.isChecked()

    def goal_chips(self) -> list[GoalChip]:
        return list(self._chips)

    # -- drawing -------------------------------------------------------------------------------
    def _render(self) -> None:
        for chip in self._chips:
            self.goals_layout.removeWidget(chip)
            chip.setParent(None)  # gone from her screen now, not at the next turn of the event loop
            chip.deleteLater()
        self._chips = [GoalChip(goal, progress, self._hidden) for goal, progress in self._goals]
        for chip in self._chips:
            self.goals_layout.insertWidget(self.goals_layout.count() - 1, chip)
        met = sum(1 for _goal, p in self._goals if p.status is GoalStatus.MET)
        self.toggle.setText(_("Target saya\n{met} dari {count} tercapai", met=met, count=len(self._goals)))
        self.goals_box.setVisible(bool(self._chips))
        self.no_goals.setVisible(not self._chips)

        message = self._message
        self.message_panel.setVisible(message is not None)
        if message is not None:
            self.message_text.set_full_text(message.text)
        else:
            self.message_heading.clear()
            self.message_text.set_full_text("")
        tip = self._tip
        self.tip_panel.setVisible(tip is not None)
        if tip is not None:
            self.tip_text.set_full_text(tip_sentence(tip, _money(self._hidden)))
        else:
            self.tip_heading.clear()
            self.tip_text.set_full_text("")
        self.setVisible(bool(self._goals) or message is not None or tip is not None)
        self._set_open(self.toggle.isChecked())

    def _show_notes(self, open_: bool) -> None:
        shown = open_ or not self._compact or not self._goals
        self.message_panel.setVisible(shown and self._message is not None)
        self.tip_panel.setVisible(shown and self._tip is not None)

    def _set_open(self, open_: bool) -> None:
        closed_height = self.height()  # before the words open up
        self._words_open(open_)
        if open_:
            self._float(closed_height)
        else:
            self._dock()

    # -- open as a sheet over the page ---------------------------------------------------------
    def _float(self, closed_height: int) -> None:
        """Leave a placeholder of the closed strip's height in the layout and lie over the page."""
        if self._placeholder is not None:
            self._place()
            return
        host = self.parentWidget()
        layout = host.layout() if host is not None else None
        if host is None or layout is None or layout.indexOf(self) < 0:
            return  # not inside a page (a test's bare panel): it simply grows
        placeholder = QWidget(host)
        placeholder.setObjectName("myGoalsPlace")
        placeholder.setFixedHeight(closed_height)
        placeholder.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        layout.replaceWidget(self, placeholder)
        placeholder.show()
        self._placeholder, self._host, self._host_layout = placeholder, host, layout
        host.installEventFilter(self)
        shadow = QGraphicsDropShadowEffect(self)
        shadow.setBlurRadius(24)
        shadow.setOffset(0, 6)
        self.setGraphicsEffect(shadow)
        layout.activate()
        self._place()
        self.raise_()
        self.show()
        self.toggle.setFocus()

    def _place(self) -> None:
        placeholder, host = self._placeholder, self._host
        if placeholder is None or host is None:
            return
        top = placeholder.geometry().top()
        margin = self._host_layout.contentsMargins().bottom() if self._host_layout is not None else 0
        room = max(placeholder.height(), host.height() - top - margin)
        width = placeholder.width()
        wanted = self.heightForWidth(width) if self.hasHeightForWidth() else self.sizeHint().height()
        self.setGeometry(placeholder.x(), top, width, min(max(wanted, placeholder.height()), room))

    def _dock(self) -> None:
        placeholder, layout, host = self._placeholder, self._host_layout, self._host
        if placeholder is None or layout is None or host is None:
            return
        self._placeholder = self._host = self._host_layout = None
        host.removeEventFilter(self)
        self.setGraphicsEffect(None)  # type: ignore[arg-type]
        layout.replaceWidget(placeholder, self)
        placeholder.setParent(None)
        placeholder.deleteLater()
        layout.activate()

    def is_floating(self) -> bool:
        return self._placeholder is not None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._host and event.type() in (QEvent.Type.Resize, QEvent.Type.LayoutRequest):
            self._place()
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.is_open():
            self.toggle.setChecked(False)
            event.accept()
            return
        super().keyPressEvent(event)

    def _words_open(self, open_: bool) -> None:
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if open_ else Qt.ArrowType.RightArrow)
        self.toggle.setAccessibleName(_("Tutup target saya") if open_ else _("Buka target saya"))
        vertical, horizontal = QBoxLayout.Direction.TopToBottom, QBoxLayout.Direction.LeftToRight
        self.goals_layout.setDirection(vertical if open_ else horizontal)
        self.goals_layout.setSpacing(6 if open_ else 16)
        self.notes.setDirection(vertical if open_ else horizontal)
        for words, text in ((self._message_row, self.message_text), (self._tip_row, self.tip_text)):
            words.setDirection(vertical if open_ else horizontal)
            text.set_one_line(not open_)
        for chip in self._chips:
            chip.set_open(open_)
        self._show_notes(open_)
        self._word_headings(open_)
        self._fit_chips()

    def _word_headings(self, open_: bool) -> None:
        """Open: "Pesan dari Bu Wati, 3 Des:" and the tip's title; closed, where every letter counts,
        the mentor's name and the date beside her icon, and the tip's words alone."""
        message, tip = self._message, self._tip
        if message is None:
            self.message_heading.clear()
        elif open_:
            self.message_heading.setText(mentor_message_heading(message.mentor, fmt.day_month(message.held_on)))
        else:
            self.message_heading.setText(
                _("{mentor}, {date}:", mentor=message.mentor or _("Pendamping"), date=fmt.day_month(message.held_on))
            )
        self.tip_heading.setText(_("{title}:", title=tip_title(tip)) if tip is not None else "")
        self.tip_heading.setVisible(open_ and tip is not None)

    def _fit_chips(self) -> None:
        """Closed, as many goals as fit side by side (at most ``COMPACT_GOALS``, at least one);
        open, all of them, one under the other."""
        if self.is_open():
            for chip in self._chips:
                chip.setVisible(True)
            return
        margins = self._outer.contentsMargins()
        room = self.width() - margins.left() - margins.right() - self.toggle.sizeHint().width() - 12
        used, spacing = 0, self.goals_layout.spacing()
        for index, chip in enumerate(self._chips):
            need = chip.minimumSizeHint().width() + (spacing if index else 0)
            fits = index < COMPACT_GOALS and (index == 0 or used + need <= room)
            chip.setVisible(fits)
            used += need if fits else 0

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_chips()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """A touch anywhere on the closed strip opens it: the words cut short are one tap away."""
        if event.button() is Qt.MouseButton.LeftButton and not self.is_open():
            self.toggle.setChecked(True)
            event.accept()
            return
        super().mousePressEvent(event)


def _money(hidden: bool) -> Callable[[int], str]:
    return lambda amount: fmt.money(amount, hidden)
