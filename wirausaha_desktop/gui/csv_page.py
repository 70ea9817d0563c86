"""``csvPage``: the operator copies a book out to CSV, or adds a CSV file's rows to a book (issue 10 §5).

Export: her name → the kiosk's chooser (export folder or flashdisk) → written whole, logged in
her access log, and a line naming the file. Import: her name → a CSV file found at those places →
a preview before anything is written (rows, new and already there, money in and out of each book,
the first problems by line and column) → *Impor N catatan* → the same all-or-nothing service call
as ``wirausaha import-csv`` (logged in her access log), then a verified backup, as the CLI does.
Long work shows a progress bar fed by the services' progress callbacks.
"""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import QEventLoop, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ..domain.model import Actor, Ledger, Profile
from ..domain.problems import Problem
from ..i18n import _
from ..messages import describe
from ..services.changes import Changes
from ..services.csv_preview import CsvPreview, CsvPreviewService
from ..services.exchange import ImportResult
from ..services.kiosk import Kiosk
from ..services.places import PlacesService, proposed_name
from . import fmt, icons, theme
from .backup_schedule import BackupReport, BackupSchedule, failure_text
from .dialogs import answer_button
from .export_chooser import Choose, saved_words
from .operations import OperationBus
from .person_list import PersonList
from .widgets import MessageLine, big_button, label, panel, progress_bar, vertical_scroll

PROGRESS_STEPS = 1000


def preview_summary(preview: CsvPreview) -> str:
    count = fmt.whole_number
    return _("{rows} baris dibaca: {new} catatan baru, {already} sudah ada di bukunya.", rows=count(preview.rows),
             new=count(preview.new), already=count(preview.already))  # fmt: skip


def preview_verdict(preview: CsvPreview, name: str) -> str:
    """What the preview means for the import, in one sentence."""
    if preview.problem_count:
        return _("Tidak ada yang diimpor: perbaiki file ini lalu coba lagi. Impor selalu semua baris atau tidak "
                 "sama sekali.")  # fmt: skip
    if not preview.new:
        return _("Semua catatan di file ini sudah ada di buku {name}. Tidak ada yang perlu diimpor.", name=name)
    return _("Belum ada yang ditulis. Periksa jumlahnya, lalu tekan Impor.")


class CsvPage(QWidget):
    back_requested = Signal()

    def __init__(
        self, kiosk: Kiosk, operations: OperationBus, backups: BackupSchedule, places: PlacesService | None = None
    ) -> None:
        super().__init__()
        self.setObjectName("csvPage")
        self._kiosk = kiosk
        self._operations = operations
        self._backups = backups
        self.places = places or PlacesService(kiosk.settings)
        self._operator: Actor | None = None
        self._pending: tuple[Profile, Path, str] | None = None  # previewed: her, the file, its shown name
        self.last_import: ImportResult | None = None

        self.title = label(_("Buku dan file CSV"), "title")
        self.hint = label(
            _("Pilih nama pemilik buku. CSV: ekspor menyalin catatannya; impor menambah catatan, ditunjukkan "
              "dulu sebelum ada yang ditulis. File buku: seluruh bukunya, untuk dibawa ke kios lain."),
            "hint",
            wrap=True,
        )  # fmt: skip
        people_scroll = self.person_list = PersonList("csv")
        self.person_list.changed.connect(lambda: self._refresh_buttons())
        self.group, self.people = self.person_list.group, self.person_list.people

        self.export_button = big_button(
            _("Ekspor buku ke CSV"), "csvExport", icons.arrow(theme.BUSINESS, True),
            _("Ekspor buku orang yang dipilih ke file CSV"), height=72,
        )  # fmt: skip
        self.import_button = big_button(
            _("Impor CSV ke buku"), "csvImport", icons.arrow(theme.MONEY_IN, False),
            _("Impor catatan dari file CSV ke buku orang yang dipilih"), height=72,
        )  # fmt: skip
        self.book_export_button = big_button(
            _("Simpan file buku"), "bookExport", icons.arrow(theme.MOVE, True),
            _("Pindahkan buku: simpan seluruh buku orang yang dipilih ke satu file buku"), height=72,
        )  # fmt: skip
        self.book_import_button = big_button(
            _("Masukkan file buku"), "bookImport", icons.arrow(theme.MOVE, False),
            _("Pindahkan buku: masukkan file buku dari kios lain ke kios ini"), height=72,
        )  # fmt: skip
        buttons = (self.export_button, self.import_button, self.book_export_button, self.book_import_button)
        for button in buttons:
            button.setStyleSheet("QPushButton { font-size: 15pt; min-height: 72px; }")
        self.export_button.clicked.connect(self.export_book)
        self.import_button.clicked.connect(self.choose_import)
        self.book_export_button.clicked.connect(self.export_book_file)
        self.book_import_button.clicked.connect(self.import_book_file)
        self.action_row = QWidget()
        self.action_row.setObjectName("csvActions")
        action_grid = QGridLayout(self.action_row)
        action_grid.setContentsMargins(0, 0, 0, 0)
        action_grid.setSpacing(14)
        for index, button in enumerate(buttons):
            action_grid.addWidget(button, index // 2, index % 2)

        self.preview_panel = self._build_preview()
        self.progress = progress_bar("csvProgress", _("Kemajuan pekerjaan"), PROGRESS_STEPS)
        self.message = MessageLine("csvMessage")
        self.places_line = label("", "hint", wrap=True)
        self.places_line.setObjectName("csvPlaces")
        self.back = big_button(_("Kembali"), "csvBack", None, _("Kembali ke menu petugas"))
        self.back.clicked.connect(self.back_requested.emit)

        work = QVBoxLayout()
        work.setSpacing(10)
        work.addWidget(self.action_row)
        work.addWidget(self.preview_panel, 1)
        work.addWidget(self.progress)
        work.addWidget(self.message)
        work.addStretch(0)
        work.addWidget(self.places_line)
        middle = QHBoxLayout()
        middle.setSpacing(20)
        people_column = QVBoxLayout()
        who = label(_("Buku siapa?"))
        who.setStyleSheet("font-size: 15pt; font-weight: bold;")
        people_column.addWidget(who)
        people_column.addWidget(people_scroll, 1)
        middle.addLayout(people_column, 2)
        middle.addLayout(work, 5)
        column = QVBoxLayout(self)
        column.setContentsMargins(24, 12, 24, 12)
        column.setSpacing(8)
        column.addWidget(self.title)
        column.addWidget(self.hint)
        column.addLayout(middle, 1)
        column.addWidget(self.back)

    def _build_preview(self) -> QFrame:
        box = panel()
        box.setObjectName("csvPreview")
        self.preview_title = label("", wrap=True)
        self.preview_title.setObjectName("csvPreviewTitle")
        self.preview_title.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.preview_rows = label("", wrap=True)
        self.preview_rows.setObjectName("csvPreviewRows")
        self.preview_rows.setStyleSheet("font-size: 14pt;")
        grid = QGridLayout()
        grid.setHorizontalSpacing(18)
        grid.setVerticalSpacing(4)
        for col, text in enumerate((_("Masuk"), _("Keluar")), 1):
            head = label(text)
            head.setStyleSheet("font-size: 13pt; font-weight: bold;")
            head.setAlignment(Qt.AlignmentFlag.AlignRight)
            grid.addWidget(head, 0, col)
        self.totals: dict[tuple[Ledger, str], QLabel] = {}
        for row, (ledger, name, colour) in enumerate(
            ((Ledger.BUSINESS, _("Buku Usaha"), theme.BUSINESS), (Ledger.PERSONAL, _("Buku Pribadi"), theme.PERSONAL)),
            1,
        ):
            book = label(name)
            book.setStyleSheet(f"font-size: 14pt; font-weight: bold; color: {colour};")
            grid.addWidget(book, row, 0)
            for col, way in enumerate(("in", "out"), 1):
                amount = label("")
                amount.setObjectName(f"csvTotal_{ledger.value}_{way}")
                amount.setAlignment(Qt.AlignmentFlag.AlignRight)
                amount.setStyleSheet(f"font-size: 14pt; color: {theme.MONEY_IN if way == 'in' else theme.MONEY_OUT};")
                grid.addWidget(amount, row, col)
                self.totals[(ledger, way)] = amount
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(2, 2)
        self.problems = label("", "error", wrap=True)
        self.problems.setObjectName("csvPreviewProblems")
        self.problems.setStyleSheet("font-size: 13pt;")
        self.problems.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.problems.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        problems_box = QWidget()  # a layout around the label: its wrapped height follows its text
        problems_layout = QVBoxLayout(problems_box)
        problems_layout.setContentsMargins(0, 0, 0, 0)
        problems_layout.addWidget(self.problems)
        problems_layout.addStretch(1)
        problems_scroll = vertical_scroll(problems_box, transparent=True)
        problems_scroll.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._problems_scroll = problems_scroll
        self.verdict = label("", wrap=True)
        self.verdict.setObjectName("csvPreviewVerdict")
        self.verdict.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.cancel_import = answer_button(_("Batal"), "csvPreviewCancel", _("Batal, tidak ada yang diimpor"))
        self.confirm_import = answer_button(_("Impor"), "csvImportConfirm", primary=True)
        self.cancel_import.clicked.connect(self.cancel_preview)
        self.confirm_import.clicked.connect(self.import_previewed)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_import)
        buttons.addWidget(self.confirm_import)
        inner = QVBoxLayout(box)
        inner.setContentsMargins(16, 10, 16, 10)
        inner.setSpacing(6)
        inner.addWidget(self.preview_title)
        inner.addWidget(self.preview_rows)
        inner.addLayout(grid)
        inner.addWidget(problems_scroll, 1)
        inner.addWidget(self.verdict)
        inner.addLayout(buttons)
        box.hide()
        return box

    # -- the page ------------------------------------------------------------------------------
    def open_for(self, operator: Actor) -> None:
        self._operator = operator
        self._say("", failed=False)
        self.cancel_preview()
        self.refresh()

    def refresh(self) -> None:
        profiles = self._kiosk.profiles.list()
        self.person_list.set_profiles(profiles)
        if not profiles:
            self._say(_("Belum ada profil."), failed=False)
        self._refresh_places()
        self._refresh_buttons()

    def _refresh_places(self) -> None:
        folder = self.places.export_folder()
        if folder is None:
            text = _("Folder ekspor belum diatur (wirausaha export-folder FOLDER). File bisa disimpan di flashdisk.")
        else:
            text = _("Folder ekspor: {path}. File juga bisa disimpan di flashdisk.", path=str(folder))
        self.places_line.setText(text)

    def _refresh_buttons(self) -> None:
        chosen = self.chosen() is not None and self._pending is None
        self.export_button.setEnabled(chosen)
        self.import_button.setEnabled(chosen)
        self.book_export_button.setEnabled(chosen)
        self.book_import_button.setEnabled(self._pending is None)  # she is in the file, not on this kiosk yet

    def chosen(self) -> Profile | None:
        return self.person_list.chosen()

    def choose(self, name: str) -> None:
        """Check her name's button (tests and tools)."""
        self.person_list.choose(name)
        self._refresh_buttons()

    # -- export --------------------------------------------------------------------------------
    def export_book(self) -> None:
        profile, operator = self.chosen(), self._operator
        if profile is None or operator is None:
            return
        self._say("", failed=False)
        today = self._kiosk.clock.today()
        proposed = proposed_name(profile.name, "buku", today.isoformat(), suffix=".csv")
        target = Choose.save_target(self, self.places, proposed, ".csv")
        if target is None:
            return
        exchange, places = self._kiosk.exchange, self.places

        def write() -> Path:  # the look is logged only when a place and a name were chosen
            return places.write_text(target, exchange.export_csv(operator, profile.id))

        if self._operations.query(write, self._refused) is None:
            return
        self._say(_("Buku {name} diekspor. {saved}", name=profile.name, saved=saved_words(target)), failed=False)

    # -- Pindahkan buku (the whole book, to or from another kiosk) -------------------------------
    def export_book_file(self) -> None:
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

    def import_book_file(self) -> None:
        operator = self._operator
        if operator is None:
            return
        self._say("", failed=False)
        from . import book_transfer

        chosen = self.chosen()
        self._working(True)
        try:
            changed = book_transfer.import_book(self, self._kiosk, self._operations, self.places, operator,
                                                self._progress, self._say)  # fmt: skip
        finally:
            self._working(False)
        if changed:
            self.refresh()
            if chosen is not None:
                self.choose(chosen.name)

    # -- import --------------------------------------------------------------------------------
    def choose_import(self) -> None:
        profile = self.chosen()
        if profile is None or self._operator is None:
            return
        self._say("", failed=False)
        found = Choose.file_to_open(self, self.places, (".csv",))
        if found is None:
            return
        path = self._operations.query(lambda: self.places.readable(found), self._refused)
        if path is not None:
            self.preview(profile, path, found.shown)

    def preview(self, profile: Profile, path: Path, shown: str) -> CsvPreview | None:
        """Read ``path`` and show what importing it into her book would do; nothing is written."""
        operator = self._operator
        if operator is None:
            return None
        service = CsvPreviewService.of(self._kiosk)
        self._working(True)
        try:
            preview = self._operations.query(
                lambda: service.preview_file(operator, profile.id, path, self._progress), self._refused
            )
        finally:
            self._working(False)
        if preview is None:
            return None
        self._pending = (profile, path, shown)
        self.preview_title.setText(_("Impor ke buku {name}: {file}", name=profile.name, file=shown))
        self.preview_rows.setText(preview_summary(preview))
        for ledger in Ledger:
            totals = preview.book(ledger)
            self.totals[(ledger, "in")].setText(fmt.money(totals.money_in))
            self.totals[(ledger, "out")].setText(fmt.money(totals.money_out))
        lines = [describe(problem) for problem in preview.problems]
        if preview.problem_count > len(preview.problems):
            lines.append(_("…dan {count} masalah lain.", count=preview.problem_count - len(preview.problems)))
        self.problems.setText("\n".join(lines))
        self._problems_scroll.verticalScrollBar().setValue(0)  # empty, it keeps the verdict at the bottom
        self.verdict.setText(preview_verdict(preview, profile.name))
        self.verdict.setStyleSheet(
            f"font-size: 14pt; font-weight: bold; color: {'#a33a00' if preview.problem_count else theme.INK};"
        )
        new = fmt.whole_number(preview.new)
        self.confirm_import.setText(_("Impor {count} catatan", count=new))
        self.confirm_import.setAccessibleName(_("Impor {count} catatan ke buku {name}", count=new, name=profile.name))
        self.confirm_import.setVisible(preview.importable)
        self.cancel_import.setText(_("Batal") if preview.importable else _("Tutup"))
        for widget in (self.action_row, self.hint, self.places_line):  # the room goes to the preview
            widget.hide()
        self.message.hide()
        self.preview_panel.show()
        self._refresh_buttons()
        return preview

    def cancel_preview(self) -> None:
        self._pending = None
        self.preview_panel.hide()
        for widget in (self.action_row, self.hint, self.places_line):
            widget.show()
        self.message.setVisible(bool(self.message.text()))
        self._refresh_buttons()

    def import_previewed(self) -> None:
        pending, operator = self._pending, self._operator
        if pending is None or operator is None:
            return
        profile, path, shown = pending
        exchange = self._kiosk.exchange
        results: list[ImportResult] = []

        def run() -> Changes:
            result = exchange.import_csv_file(operator, profile.id, path, self._progress)
            results.append(result)
            return result.changes

        self._working(True)
        try:
            changes = self._operations.run(run, self._refused)
        finally:
            self._working(False)
        self.cancel_preview()
        if changes is None:
            return
        result = self.last_import = results[0]
        self._say(_("{added} catatan dari {file} diimpor ke buku {name}, {skipped} sudah ada.",
                    added=fmt.whole_number(result.added), file=shown, name=profile.name,
                    skipped=fmt.whole_number(result.skipped)), failed=False)  # fmt: skip
        if result.added:  # a verified copy with the new rows, as the CLI makes after an import
            self._backups.run(then=self._backed_up)

    def _backed_up(self, report: BackupReport) -> None:
        if not shiboken6.isValid(self) or report.problem is None:
            return
        self._say(self.message.text() + "\n" + failure_text(report.problem), failed=True)

    # -- shared --------------------------------------------------------------------------------
    def _working(self, busy: bool) -> None:
        self.progress.setValue(0)
        self.progress.setVisible(busy)
        for widget in (self.export_button, self.import_button, self.book_export_button, self.book_import_button,
                       self.confirm_import, self.cancel_import, self.back):  # fmt: skip
            widget.setEnabled(not busy)
        if not busy:
            self._refresh_buttons()
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)

    def _progress(self, _stage: str, done: int, total: int) -> None:
        self.progress.setValue(min(PROGRESS_STEPS, done * PROGRESS_STEPS // max(total, 1)))
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)

    def _refused(self, problem: Problem) -> None:
        self._say(describe(problem), failed=True)

    def _say(self, text: str, failed: bool) -> None:
        self.message.say(text, failed, shown=self._pending is None)  # none under a preview
