"""Graduation readiness (issue 8 §8): what her data shows over the last three complete months,
what the mentor judges (yes / no / not yet known), and the mentor's decision with a note.

It shows readiness; it never decides: the sentence at the top says so. The decision is saved
through the operation bus (``kiosk.readiness.record_decision``), as a session in her history.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ..domain.model import Actor, Profile
from ..domain.problems import Problem
from ..domain.readiness import JUDGED_ITEMS, ItemState, Readiness, ReadinessItem
from ..i18n import _
from ..messages import describe
from ..services.kiosk import Kiosk
from . import fmt, icons, theme
from .operations import OperationBus
from .widgets import big_button, label, name_widget, status_panel, vertical_scroll

STATE_GLYPHS = {ItemState.MET: "✓", ItemState.NOT_MET: "✕", ItemState.UNKNOWN: "?"}
STATE_COLOURS = {
    ItemState.MET: theme.STATUS_COLOURS["green"],
    ItemState.NOT_MET: theme.STATUS_COLOURS["red"],
    ItemState.UNKNOWN: theme.STATUS_COLOURS["grey"],
}
ANSWERS: tuple[tuple[str, bool | None], ...] = (("yes", True), ("no", False), ("unknown", None))


def state_word(state: ItemState) -> str:
    return {
        ItemState.MET: _("Terpenuhi"),
        ItemState.NOT_MET: _("Belum terpenuhi"),
        ItemState.UNKNOWN: _("Belum cukup catatan"),
    }[state]


def item_name(code: str) -> str:
    return {
        "covers_costs": _("Penjualan menutup biaya, tiga bulan"),
        "pay_within_profit": _("Ambil untuk pribadi tidak melebihi untung"),
        "recording": _("Mencatat paling sedikit 80 % hari buka"),
        "no_top_ups": _("Tanpa tambah modal, tiga bulan"),
        "packaging": _("Kemasan"),
        "marketing_channel": _("Saluran pemasaran"),
        "permits": _("Izin usaha (NIB / PIRT)"),
        "savings": _("Tabungan"),
    }[code]


def answer_word(answer: bool | None) -> str:
    return _("Ya") if answer is True else _("Tidak") if answer is False else _("Belum tahu")


def data_line(item: ReadinessItem) -> QFrame:
    """One data item: icon, colour and word for its state, and each of the three months."""
    word = state_word(item.state)
    title = label(item_name(item.code), wrap=True)
    title.setStyleSheet("font-weight: bold;")
    shows = label(word)
    shows.setObjectName("readinessState")
    shows.setStyleSheet(f"color: {STATE_COLOURS[item.state]}; font-weight: bold;")
    months = " · ".join(
        f"{fmt.month_name(m.period.start.year, m.period.start.month)}: {state_word(m.state).lower()}"
        for m in item.months
    )
    if item.value is not None:
        months = _("{months} (tercatat {share} %)", months=months, share=round(item.value * 100))
    detail = label(months, "hint", wrap=True)
    words = QVBoxLayout()
    words.setSpacing(0)
    top = QHBoxLayout()
    top.addWidget(title, 1)
    top.addWidget(shows, 0, Qt.AlignmentFlag.AlignTop)
    words.addLayout(top)
    words.addWidget(detail)
    icon = icons.glyph(STATE_GLYPHS[item.state], STATE_COLOURS[item.state])
    row = status_panel(f"readinessItem_{item.code}", icon, words, size=34)
    row.setAccessibleName(f"{item_name(item.code)}: {word}. {months}")
    return row


class JudgedRow(QFrame):
    """One item the mentor judges: three big toggle buttons, ya / tidak / belum tahu."""

    def __init__(self, code: str) -> None:
        super().__init__()
        self.code = code
        self.setObjectName(f"judged_{code}")
        self.setProperty("role", "panel")
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: dict[bool | None, QPushButton] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 3, 6, 3)
        name = label(item_name(code), wrap=True)
        name.setStyleSheet("font-weight: bold;")
        layout.addWidget(name, 1)
        for key, answer in ANSWERS:
            spoken = _("{item}: {answer}", item=item_name(code), answer=answer_word(answer))
            button = big_button(answer_word(answer), f"judged_{code}_{key}", None, spoken, 48)
            button.setCheckable(True)
            button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            button.setMinimumWidth(96)
            button.setStyleSheet(f"QPushButton:checked {{ background: {theme.BUSINESS}; color: white; }}")
            self.group.addButton(button)
            self.buttons[answer] = button
            layout.addWidget(button)
        self.set_answer(None)

    def answer(self) -> bool | None:
        return next(a for a, b in self.buttons.items() if b.isChecked())

    def set_answer(self, answer: bool | None) -> None:
        self.buttons[answer].setChecked(True)


class ReadinessPage(QWidget):
    back_requested = Signal()  # back to the session
    saved = Signal(str)  # profile id

    def __init__(self, kiosk: Kiosk, operations: OperationBus) -> None:
        super().__init__()
        name_widget(self, "readinessPage", _("Kesiapan lulus"))
        self._kiosk = kiosk
        self._operations = operations
        self._actor: Actor | None = None
        self._profile: Profile | None = None
        self.title = label("", "title", wrap=True)
        self.title.setStyleSheet("font-size: 17pt;")
        self.back = big_button(_("Kembali ke sesi"), "backFromReadiness", icons.glyph("←", theme.MUTED),
                               _("Kembali ke sesi pendampingan"))  # fmt: skip
        self.back.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.back.clicked.connect(self.back_requested.emit)
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.back)
        self.never_decides = label(
            _(
                "Daftar ini membantu percakapan. Lampu dan daftar ini tidak pernah memutuskan bantuan "
                "atau kelulusan; keputusan ada pada pendamping bersama ibu."
            ),
            wrap=True,
        )
        self.never_decides.setObjectName("readinessNeverDecides")
        self.never_decides.setStyleSheet("font-weight: bold;")

        # left: what her data shows
        self.data_box = QWidget()
        self.data_layout = QVBoxLayout(self.data_box)
        self.data_layout.setContentsMargins(0, 0, 0, 0)
        self.months = label("", "hint", wrap=True)
        left = QVBoxLayout()
        left.addWidget(self.months)
        left.addWidget(vertical_scroll(self.data_box), 1)

        # right: what the mentor judges, and her decision
        self.judged = {code: JudgedRow(code) for code in JUDGED_ITEMS}
        self.note = name_widget(QPlainTextEdit(), "decisionNote", _("Catatan keputusan"))
        self.note.setPlaceholderText(_("Keputusan dan alasannya, disepakati bersama ibu"))
        self.note.setFixedHeight(60)
        self.problem = label("", "error", wrap=True)
        self.problem.setObjectName("readinessMessageLine")
        self.done = label("", "hint", wrap=True)
        self.done.setObjectName("readinessSavedLine")
        self.save_button = big_button(_("Simpan keputusan"), "saveDecision", icons.glyph("✓", theme.MONEY_IN),
                                      _("Simpan keputusan pendamping"))  # fmt: skip
        self.save_button.clicked.connect(self.save)
        self._say("", "")
        right = QVBoxLayout()
        right.addWidget(label(_("Dinilai pendamping"), "hint"))
        for row in self.judged.values():
            right.addWidget(row)
        right.addStretch(1)
        right.addWidget(self.note)
        right.addWidget(self.problem)
        right.addWidget(self.done)
        right.addWidget(self.save_button)

        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addLayout(header)
        layout.addWidget(self.never_decides)
        layout.addLayout(body, 1)

    # -- showing ------------------------------------------------------------------------------
    def show_readiness(self, actor: Actor, profile: Profile, shown: Readiness) -> None:
        same = self._profile is not None and self._profile.id == profile.id and self._actor == actor
        self._actor, self._profile = actor, profile
        self.title.setText(_("Kesiapan lulus: {name}", name=profile.name))
        if shown.months:
            first, last = shown.months[0].start, shown.months[-1].start
            self.months.setText(
                _(
                    "Dari catatan {first} sampai {last}",
                    first=fmt.month_name(first.year, first.month),
                    last=fmt.month_name(last.year, last.month),
                )
            )
        while (item := self.data_layout.takeAt(0)) is not None:
            widget = item.widget()
            if widget is not None:
                widget.deleteLater()
        for line in shown.items:
            if line.code not in JUDGED_ITEMS:
                self.data_layout.addWidget(data_line(line))
        self.data_layout.addStretch(1)
        if not same:
            self.clear_typed()

    def clear_typed(self) -> None:
        for row in self.judged.values():
            row.set_answer(None)
        self.note.clear()
        self._say("", "")

    def close_page(self) -> None:
        self._actor = self._profile = None
        self.clear_typed()
        self.title.clear()

    def judged_answers(self) -> dict[str, bool | None]:
        return {code: row.answer() for code, row in self.judged.items()}

    # -- saving -------------------------------------------------------------------------------
    def save(self) -> None:
        actor, profile = self._actor, self._profile
        if actor is None or profile is None:
            return
        note = self.note.toPlainText()
        judged, readiness = self.judged_answers(), self._kiosk.readiness
        self._say("", "")
        self._operations.run(
            lambda: readiness.record_decision(actor, profile.id, judged, note),
            self.show_problem,
            lambda _changes: self._saved(profile.id),
        )

    def _say(self, problem: str, done: str) -> None:
        """One line under the note at most (empty lines take no room at 1024 × 600)."""
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))
        self.done.setText(done)
        self.done.setVisible(bool(done))

    def show_problem(self, problem: Problem) -> None:
        self._say(describe(problem), "")

    def _saved(self, profile_id: str) -> None:
        self.note.clear()
        self._say("", _("Keputusan tersimpan di riwayat sesi."))
        self.saved.emit(profile_id)
