"""*Hapus buku* on the operator's screen: her book deleted on request, as the consent promised.

She chooses her name; the page says what her book holds (entries, coaching sessions) and how many
backup copies of this kiosk still have it. She may take her book with her first (*Simpan file buku
dulu*, the same book file as *Pindahkan buku*). Then one question, the app's own, names what goes
and that it cannot be undone; the work is ``services.deletion``'s (one transaction, then the file
and every backup copy rebuilt without her). Backups wait while it runs. The page's foot lists the
books deleted on request: when and how much, never whose.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEventLoop, Signal
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QVBoxLayout,
    QWidget,
)

from ..domain.model import Actor, Profile
from ..domain.problems import Problem
from ..i18n import _
from ..messages import describe
from ..services.changes import Changes
from ..services.deletion import DeletionLine, DeletionPlan, DeletionResult
from ..services.kiosk import Kiosk
from ..services.places import PlacesService
from . import fmt, icons, theme
from .backup_schedule import BackupSchedule
from .dialogs import Ask
from .operations import OperationBus
from .person_list import PersonList
from .widgets import MessageLine, big_button, label, panel, progress_bar

PROGRESS_STEPS = 100
_STAGES = {"delete": (0, 20), "vacuum": (20, 50), "copies": (50, 100)}
"""Where each stage of the work sits on the bar (the copies take the longest on a big kiosk)."""
LOG_LINES = 3


def plan_words(plan: DeletionPlan) -> str:
    return _(
        "Buku {name} berisi {entries} catatan dan {sessions} sesi pendampingan. {copies} salinan cadangan di kios "
        "ini juga memuat bukunya.",
        **_counts(plan),
    )


def _counts(plan: DeletionPlan) -> dict[str, str]:
    """What the plan says is in her book, for the words above and below."""
    return {
        "name": plan.profile.name,
        "entries": fmt.whole_number(plan.entries),
        "sessions": fmt.whole_number(plan.sessions),
        "copies": fmt.whole_number(plan.copies),
    }


def question_words(plan: DeletionPlan) -> str:
    return _(
        "Buku {name} akan dihapus dari kios ini: {entries} catatan, {sessions} sesi pendampingan, profilnya, dan "
        "catatan siapa yang melihat bukunya. {copies} salinan cadangan di kios ini juga dibersihkan dari bukunya. "
        "File yang sudah disimpan di flashdisk atau di folder ekspor tidak ikut terhapus.\n\n"
        "Ini tidak bisa dibatalkan.",
        **_counts(plan),
    )


def result_words(result: DeletionResult) -> str:
    words = _(
        "Buku {name} sudah dihapus: {entries} catatan, {sessions} sesi pendampingan. {copies} salinan cadangan "
        "sudah dibersihkan dan diperiksa.",
        name=result.name,
        entries=fmt.whole_number(result.entries),
        sessions=fmt.whole_number(result.sessions),
        copies=fmt.whole_number(len(result.cleaned)),
    )
    if result.left:
        words += "\n" + _(
            "Salinan ini tidak bisa dibersihkan dan masih memuat bukunya: {files}. Hapus file itu bila tidak "
            "diperlukan lagi.",
            files=", ".join(path.name for path in result.left),
        )
    if not result.file_folded:
        words += "\n" + _(
            "Program lain masih membuka file kios; sisa bukunya di file -wal hilang setelah program itu ditutup."
        )
    return words


def log_words(line: DeletionLine) -> str:
    return _(
        "{when}: {entries} catatan, {sessions} sesi",
        when=fmt.date_time(line.at),
        entries=fmt.whole_number(line.entries),
        sessions=fmt.whole_number(line.sessions),
    )


class DeletePage(QWidget):
    """``deletePage``: choose her name, save her book file first if she wants it, then delete it."""

    back_requested = Signal()

    def __init__(
        self, kiosk: Kiosk, operations: OperationBus, backups: BackupSchedule, places: PlacesService | None = None
    ) -> None:
        super().__init__()
        self.setObjectName("deletePage")
        self._kiosk = kiosk
        self._operations = operations
        self._backups = backups
        self.places = places or PlacesService(kiosk.settings)
        self._operator: Actor | None = None
        self._plan: DeletionPlan | None = None
        self.last_result: DeletionResult | None = None

        self.title = label(_("Hapus buku"), "title")
        hint = label(
            _("Hanya bila pemilik buku memintanya sendiri. Semua catatannya, sesi pendampingannya dan profilnya "
              "dihapus dari kios ini dan dari salinan cadangannya. Tidak bisa dibatalkan."),
            "hint",
            wrap=True,
        )  # fmt: skip
        people_scroll = self.person_list = PersonList("delete")
        self.person_list.changed.connect(lambda: self._chosen_changed())
        self.group, self.people = self.person_list.group, self.person_list.people

        self.details = label(_("Pilih nama pemilik buku."), wrap=True)
        self.details.setObjectName("deleteDetails")
        self.details.setStyleSheet("font-size: 15pt;")
        box = panel()
        box.setObjectName("deletePanel")
        box_column = QVBoxLayout(box)
        box_column.setContentsMargins(16, 12, 16, 12)
        box_column.addWidget(self.details)
        self.save_first = big_button(
            _("Simpan file buku dulu"), "deleteSaveFirst", icons.arrow(theme.MOVE, True),
            _("Simpan seluruh buku orang yang dipilih ke satu file buku, untuk dia bawa, sebelum dihapus"), height=72,
        )  # fmt: skip
        self.delete_button = big_button(
            _("Hapus buku"), "deleteNow", icons.warning(), _("Hapus buku orang yang dipilih"), height=72
        )
        for button in (self.save_first, self.delete_button):
            button.setStyleSheet("QPushButton { font-size: 15pt; min-height: 72px; }")
        self.delete_button.setStyleSheet(
            f"QPushButton {{ font-size: 15pt; min-height: 72px; color: {theme.MONEY_OUT}; font-weight: bold; }}"
            "QPushButton:disabled { color: #8a8a8a; font-weight: normal; }"
        )
        self.save_first.clicked.connect(self.save_book_file)
        self.delete_button.clicked.connect(self.delete_chosen)
        actions = QHBoxLayout()
        actions.setSpacing(14)
        actions.addWidget(self.save_first)
        actions.addWidget(self.delete_button)

        self.progress = progress_bar("deleteProgress", _("Kemajuan penghapusan"), PROGRESS_STEPS)
        self.message = MessageLine("deleteMessage")
        self.log = label("", "hint", wrap=True)
        self.log.setObjectName("deletionLog")
        self.back = big_button(_("Kembali"), "deleteBack", None, _("Kembali ke menu petugas"))
        self.back.clicked.connect(self.back_requested.emit)

        work = QVBoxLayout()
        work.setSpacing(10)
        work.addWidget(box)
        work.addLayout(actions)
        work.addWidget(self.progress)
        work.addWidget(self.message)
        work.addStretch(1)
        work.addWidget(self.log)
        people_column = QVBoxLayout()
        who = label(_("Buku siapa?"))
        who.setStyleSheet("font-size: 15pt; font-weight: bold;")
        people_column.addWidget(who)
        people_column.addWidget(people_scroll, 1)
        middle = QHBoxLayout()
        middle.setSpacing(20)
        middle.addLayout(people_column, 2)
        middle.addLayout(work, 5)
        column = QVBoxLayout(self)
        column.setContentsMargins(24, 12, 24, 12)
        column.setSpacing(8)
        column.addWidget(self.title)
        column.addWidget(hint)
        column.addLayout(middle, 1)
        column.addWidget(self.back)

    # -- the page ------------------------------------------------------------------------------
    def open_for(self, operator: Actor) -> None:
        self._operator = operator
        self._say("", failed=False)
        self.refresh()

    def refresh(self) -> None:
        profiles = self._kiosk.profiles.list()
        self.person_list.set_profiles(profiles)
        self._chosen_changed()
        self._refresh_log()

    def chosen(self) -> Profile | None:
        return self.person_list.chosen()

    def choose(self, name: str) -> None:
        """Check her name's button (tests and tools)."""
        self.person_list.choose(name)
        self._chosen_changed()

    def _chosen_changed(self) -> None:
        profile, operator = self.chosen(), self._operator
        self._plan = None
        if profile is not None and operator is not None:
            self._plan = self._operations.query(lambda: self._kiosk.deletion.plan(operator, profile.id), self._refused)
        if self._plan is not None:
            self.details.setText(plan_words(self._plan))
            self.delete_button.setText(_("Hapus buku {name}", name=self._plan.profile.name))
        else:
            self.details.setText(
                _("Pilih nama pemilik buku.") if self.person_list.profiles() else _("Belum ada profil.")
            )
            self.delete_button.setText(_("Hapus buku"))
        self.save_first.setEnabled(self._plan is not None)
        self.delete_button.setEnabled(self._plan is not None)

    def _refresh_log(self) -> None:
        operator = self._operator
        lines = self._kiosk.deletion.log(operator) if operator is not None else []
        if not lines:
            self.log.setText(_("Belum ada buku yang dihapus atas permintaan pemiliknya."))
            return
        shown = [log_words(line) for line in lines[:LOG_LINES]]
        more = _("…dan {count} lagi.", count=len(lines) - LOG_LINES) if len(lines) > LOG_LINES else ""
        title = _("Buku yang sudah dihapus atas permintaan pemiliknya (tanpa nama):")
        self.log.setText("\n".join([title, *shown, *([more] if more else [])]))

    # -- her book file first ---------------------------------------------------------------------
    def save_book_file(self) -> None:
        profile, operator = self.chosen(), self._operator
        if profile is None or operator is None:
            return
        self._say("", failed=False)
        from . import book_transfer

        self._working(True)
        try:
            book_transfer.export_book(self, self._kiosk, self._operations, self.places, operator, profile,
                                      self._progress, self._say)  # fmt: skip
        finally:
            self._working(False)

    # -- the deletion ----------------------------------------------------------------------------
    def delete_chosen(self) -> None:
        plan, operator = self._plan, self._operator
        if plan is None or operator is None:
            return
        self._say("", failed=False)
        if self._backups.running:  # a copy being written now would still hold her book
            self._say(_("Cadangan sedang dibuat. Tunggu sebentar, lalu coba lagi."), failed=True)
            return
        name = plan.profile.name
        if not Ask.confirm(self, _("Hapus buku {name}?", name=name), question_words(plan),
                           yes=_("Ya, hapus buku {name}", name=name), no=_("Tidak")):  # fmt: skip
            return
        results: list[DeletionResult] = []

        def run() -> Changes:
            result = self._kiosk.deletion.delete(operator, plan.profile.id, self._progress)
            results.append(result)
            return result.changes

        self._working(True)
        self._backups.paused = True
        try:
            self._operations.run(run, self._refused)
        finally:
            self._backups.paused = False
            if shiboken6.isValid(self):
                self._working(False)
        if not results or not shiboken6.isValid(self):
            return
        self.last_result = results[0]
        self.refresh()
        self._say(result_words(results[0]), failed=bool(results[0].left))

    # -- shared --------------------------------------------------------------------------------
    def _working(self, busy: bool) -> None:
        self.progress.setValue(0)
        self.progress.setVisible(busy)
        for widget in (self.save_first, self.delete_button, self.back, self.people):
            widget.setEnabled(not busy)
        if not busy:
            self._chosen_changed()
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)

    def _progress(self, stage: str, done: int, total: int) -> None:
        start, end = _STAGES.get(stage, (0, PROGRESS_STEPS))
        self.progress.setValue(start + (end - start) * done // max(total, 1))
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)

    def _refused(self, problem: Problem) -> None:
        self._say(describe(problem), failed=True)

    def _say(self, text: str, failed: bool) -> None:
        self.message.say(text, failed)
