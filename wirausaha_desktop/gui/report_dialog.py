"""Reports from the screen (issue 10 §1): choose the month (and, for her mentor, the report), then
*Simpan PDF* through the kiosk's own chooser or *Cetak* on the kiosk's printer.

She makes her *Rapor Usaha*; her mentor, reading her book, also the SAK EMKM statements and the
mentoring letter. The services decide who may make what (a refusal is shown in their words, here
in the dialog). Drawing the charts takes about a second, so a report is drawn on a worker thread
(a ``QThread``: Qt's text layout needs an event dispatcher there) while a busy line and bar show
and the buttons wait; the book's figures are read on the GUI thread first, so the worker never
touches the kiosk file.

Printing never shows Qt's own print dialog (English, and a whole printer setup at a kiosk): the
kiosk's printer is named in the app's question (*Ya, cetak*), and with no printer installed the
button says so and stays off.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from functools import partial
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, QThread, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from ..domain.model import Actor, Profile, Role
from ..domain.problems import Problem
from ..domain.standing import Period
from ..i18n import _
from ..messages import describe
from ..services.errors import problem_for
from ..services.kiosk import Kiosk
from ..services.places import PlacesService, proposed_name
from . import fmt, theme
from .dialogs import Ask, KioskDialog, answer_button
from .export_chooser import save_file, saved_words
from .operations import OperationBus
from .widgets import fit_over, name_widget

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

CHOICE_HEIGHT = 64
"""A report or a month to choose: well over the 48-px minimum."""
CHOICE_PT = 14


class ReportKind(Enum):
    RAPOR = "rapor"
    STATEMENTS = "statements"
    LETTER = "letter"


FILE_STEMS = {
    ReportKind.RAPOR: "rapor-usaha",
    ReportKind.STATEMENTS: "laporan-keuangan",
    ReportKind.LETTER: "surat-pendampingan",
}
"""The start of a proposed file name; a name, the same in both languages (like the CLI's examples)."""


def kind_name(kind: ReportKind) -> str:
    """The report's name in a sentence."""
    return {
        ReportKind.RAPOR: _("Rapor Usaha"),
        ReportKind.STATEMENTS: _("Laporan keuangan (SAK EMKM)"),
        ReportKind.LETTER: _("Surat keterangan pendampingan"),
    }[kind]


def kind_button_words(kind: ReportKind) -> str:
    """The report's name on its button, on two lines where it is long."""
    return {
        ReportKind.RAPOR: _("Rapor Usaha"),
        ReportKind.STATEMENTS: _("Laporan keuangan\n(SAK EMKM)"),
        ReportKind.LETTER: _("Surat keterangan\npendampingan"),
    }[kind]


def kinds_for(actor: Actor) -> tuple[ReportKind, ...]:
    """She makes her Rapor Usaha; her mentor all three (the services check again)."""
    return tuple(ReportKind) if actor.role is Role.MENTOR else (ReportKind.RAPOR,)


def month_button_words(index: int, period: Period) -> str:
    """``November 2026`` with *bulan ini* / *bulan lalu* under the two newest months."""
    name = fmt.month_name(period.start.year, period.start.month)
    if index == 0:
        return _("{month}\nbulan ini", month=name)
    if index == 1:
        return _("{month}\nbulan lalu", month=name)
    return name


def proposed_file(kind: ReportKind, profile: Profile, period: Period) -> str:
    """``rapor-usaha-sari-2026-11.pdf``."""
    return proposed_name(FILE_STEMS[kind], profile.name.lower(), period.label, suffix=".pdf")


def no_printer_words() -> str:
    return _("Belum ada printer. Simpan PDF ke flashdisk lalu cetak di tempat lain.")


# -- printers -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Printer:
    """A printer she can print on: its name as the kiosk shows it, and how to open it."""

    name: str
    open: Callable[[], QPrinter]


def _qt_printer(info: QPrinterInfo) -> QPrinter:
    from PySide6.QtPrintSupport import QPrinter

    return QPrinter(info, QPrinter.PrinterMode.HighResolution)


def installed_printers() -> list[Printer]:
    """The printers installed on this PC, the default one first (none on most kiosks)."""
    from PySide6.QtPrintSupport import QPrinterInfo

    default = QPrinterInfo.defaultPrinter().printerName()
    found = sorted(QPrinterInfo.availablePrinters(), key=lambda info: info.printerName() != default)
    return [Printer(info.description() or info.printerName(), partial(_qt_printer, info)) for info in found]


# -- the worker -----------------------------------------------------------------------------------
class _Work(QThread):
    """One report drawn (to PDF bytes or on a printer) away from the GUI thread."""

    def __init__(self, job: Callable[[], object]) -> None:
        super().__init__()
        self._job = job
        self.result: object = None
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            self.result = self._job()
        except BaseException as error:  # handed to the GUI thread: a refusal in words, a bug to the crash dialog
            self.error = error


_RUNNING: list[_Work] = []
"""Workers still referenced: a QThread must outlive its run, even when her dialog has closed."""


def wait_for_reports() -> None:
    """Let a report being drawn finish before the app quits (a running QThread must not be destroyed)."""
    for work in _RUNNING:
        work.wait()
    _RUNNING.clear()


def _keep(work: _Work) -> None:
    _RUNNING[:] = [w for w in _RUNNING if not w.isFinished()]
    app = QCoreApplication.instance()
    if app is not None and not app.property("waitsForReports"):
        app.aboutToQuit.connect(wait_for_reports)
        app.setProperty("waitsForReports", True)
    _RUNNING.append(work)


# -- the dialog -----------------------------------------------------------------------------------
def _choice_button(text: str, object_name: str, accessible: str) -> QPushButton:
    """A big choice; the chosen one has a thick green edge and bold words, and room for them."""
    button = name_widget(QPushButton(text), object_name, accessible)
    button.setCheckable(True)
    button.setAutoDefault(False)
    button.setMinimumHeight(CHOICE_HEIGHT)
    button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    button.setStyleSheet(
        f"QPushButton {{ font-size: {CHOICE_PT}pt; padding: 4px 8px; }}"
        f"QPushButton:checked {{ border: 3px solid {theme.MONEY_IN}; background: #e3f5ee; font-weight: bold; }}"
    )
    bold = QFont(button.font())
    bold.setPointSizeF(CHOICE_PT)
    bold.setBold(True)
    widest = max(QFontMetrics(bold).horizontalAdvance(line) for line in text.split("\n"))
    button.setMinimumWidth(widest + 28)  # bold when chosen: never cut
    return button


def _heading(text: str) -> QLabel:
    heading = QLabel(text)
    heading.setStyleSheet("font-size: 14pt; font-weight: bold;")
    return heading


class ReportDialog(KioskDialog):
    """``reportDialog``: which report (her mentor), which month, then *Simpan PDF* or *Cetak*."""

    work_done = Signal()  # a save or a print ended (done, refused, cancelled)

    def __init__(
        self,
        parent: QWidget,
        kiosk: Kiosk,
        actor: Actor,
        profile: Profile,
        operations: OperationBus | None = None,
        places: PlacesService | None = None,
        printers: Callable[[], list[Printer]] = installed_printers,
    ) -> None:
        mentor = actor.role is Role.MENTOR
        title = _("Laporan {name}", name=profile.name) if mentor else _("Rapor Usaha")
        text = (
            _("Pilih laporan dan bulannya, lalu simpan sebagai PDF atau cetak. Setiap laporan tercatat di buku "
              "{name} (Siapa yang melihat?).", name=profile.name)
            if mentor
            else _("Lampu usaha, uang kedua buku, dan gambar satu bulan. Pilih bulannya, lalu simpan sebagai PDF "
                   "atau cetak.")
        )  # fmt: skip
        super().__init__(parent, "reportDialog", title, text)
        self._kiosk, self._actor, self._profile = kiosk, actor, profile
        self._operations = operations or OperationBus(self)  # reads only: nothing to broadcast
        self._places = places or PlacesService(kiosk.settings)  # only the export folder or a flashdisk
        self._work: _Work | None = None
        self._then: Callable[[Any], None] | None = None

        self.kinds = kinds_for(actor)
        self.kind_group = QButtonGroup(self)
        self.kind_buttons: dict[ReportKind, QPushButton] = {}
        if len(self.kinds) > 1:
            row = QHBoxLayout()
            row.setSpacing(10)
            for index, kind in enumerate(self.kinds):
                button = _choice_button(kind_button_words(kind), f"reportKind_{kind.value}", kind_name(kind))
                self.kind_group.addButton(button, index)
                self.kind_buttons[kind] = button
                row.addWidget(button, 1)
            self.kind_buttons[ReportKind.RAPOR].setChecked(True)
            self.body.addWidget(_heading(_("Laporan apa?")))
            self.body.addLayout(row)
        self.kind_group.buttonClicked.connect(lambda _button: self._kind_changed())

        choice = self._operations.query(lambda: kiosk.report.offered_months(actor, profile.id), self._show_problem)
        self.months: tuple[Period, ...] = choice.months if choice else ()
        self.month_group = QButtonGroup(self)
        self.month_buttons: list[QPushButton] = []
        grid = QGridLayout()
        grid.setSpacing(10)
        for index, period in enumerate(self.months):
            words = month_button_words(index, period)
            button = _choice_button(words, f"reportMonth_{index}", words.replace("\n", ", "))
            self.month_group.addButton(button, index)
            self.month_buttons.append(button)
            grid.addWidget(button, 0, index)
            grid.setColumnStretch(index, 1)
        if choice is not None:
            self.month_buttons[self.months.index(choice.proposed)].setChecked(True)
        self.body.addWidget(_heading(_("Bulan apa?")))
        self.body.addLayout(grid)
        self.letter_hint = QLabel(_("Surat memakai angka tiga bulan, sampai bulan yang dipilih."))
        self.letter_hint.setObjectName("letterHint")
        self.letter_hint.setWordWrap(True)
        self.letter_hint.setStyleSheet(f"font-size: 13pt; color: {theme.MUTED};")
        self.letter_hint.hide()
        self.body.addWidget(self.letter_hint)

        self.busy = QProgressBar()
        self.busy.setObjectName("reportBusy")
        self.busy.setAccessibleName(_("Sedang membuat laporan"))
        self.busy.setRange(0, 0)  # no steps to count: it moves until the report is ready
        self.busy.setTextVisible(False)
        self.busy.setFixedHeight(14)
        self.busy.hide()
        self.message = QLabel()
        self.message.setObjectName("reportMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        self.no_printer = QLabel(no_printer_words())
        self.no_printer.setObjectName("noPrinterMessage")
        self.no_printer.setWordWrap(True)
        self.no_printer.setStyleSheet(f"font-size: 13pt; color: {theme.MUTED};")
        self.body.addWidget(self.busy)
        self.body.addWidget(self.message)
        self.body.addWidget(self.no_printer)

        self.close_button = self.add_button(answer_button(_("Tutup"), "reportClose"))
        self.print_button = self.add_button(answer_button(_("Cetak"), "reportPrint", _("Cetak laporan di printer")))
        self.save_button = self.add_button(
            answer_button(_("Simpan PDF"), "reportSave", _("Simpan laporan sebagai file PDF"), primary=True)
        )
        self.close_button.clicked.connect(self.reject)
        self.print_button.clicked.connect(self.print_report)
        self.save_button.clicked.connect(self.save_report)
        self._printers = printers
        self._set_printers(printers())
        self._refresh()
        self.save_button.setFocus()
        self.fit(900)

    # -- what is chosen --------------------------------------------------------------------------
    def kind(self) -> ReportKind:
        return self.kinds[max(self.kind_group.checkedId(), 0)] if len(self.kinds) > 1 else self.kinds[0]

    def period(self) -> Period | None:
        index = self.month_group.checkedId()
        return self.months[index] if index >= 0 else None

    def is_busy(self) -> bool:
        return self._work is not None

    def _kind_changed(self) -> None:
        self.letter_hint.setVisible(self.kind() is ReportKind.LETTER)
        self._say("", theme.INK)
        self.fit(self.width())

    def _set_printers(self, printers: list[Printer]) -> None:
        self._printer = printers[0] if printers else None
        self.no_printer.setVisible(self._printer is None)
        self.print_button.setToolTip(no_printer_words() if self._printer is None else "")
        self.print_button.setAccessibleDescription(no_printer_words() if self._printer is None else "")

    def _refresh(self) -> None:
        ready = not self.is_busy() and self.period() is not None
        self.save_button.setEnabled(ready)
        self.print_button.setEnabled(ready and self._printer is not None)
        for button in [*self.kind_buttons.values(), *self.month_buttons]:
            button.setEnabled(not self.is_busy())

    def _say(self, text: str, colour: str) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(f"font-size: 14pt; font-weight: bold; color: {colour};")
        self.message.setVisible(bool(text))

    def _show_problem(self, problem: Problem) -> None:
        self._say(describe(problem), theme.MONEY_OUT)

    def _what(self, kind: ReportKind, period: Period) -> str:
        month = fmt.month_name(period.start.year, period.start.month)
        return _("{report} {month}", report=kind_name(kind), month=month)

    # -- the report's figures (GUI thread) and its module -----------------------------------------
    def _gather(self, kind: ReportKind, period: Period) -> object | None:
        """The report's figures, or None after the service's refusal is shown."""
        reports, actor, profile_id = self._kiosk.report, self._actor, self._profile.id
        calls: dict[ReportKind, Callable[[], object]] = {
            ReportKind.RAPOR: lambda: reports.rapor(actor, profile_id, period),
            ReportKind.STATEMENTS: lambda: reports.statements(actor, profile_id, period),
            ReportKind.LETTER: lambda: reports.letter(actor, profile_id, period),
        }
        return self._operations.query(calls[kind], self._show_problem)

    @staticmethod
    def _module(kind: ReportKind) -> ModuleType:
        from ..report import letter, rapor, statements

        return {ReportKind.RAPOR: rapor, ReportKind.STATEMENTS: statements, ReportKind.LETTER: letter}[kind]

    # -- Simpan PDF -------------------------------------------------------------------------------
    def save_report(self) -> None:
        kind, period = self.kind(), self.period()
        if period is None or self.is_busy():
            return
        data = self._gather(kind, period)
        if data is None:
            return
        module = self._module(kind)
        self._start(lambda: module.pdf_bytes(data), partial(self._write, kind, period), self._what(kind, period))

    def _write(self, kind: ReportKind, period: Period, content: bytes) -> None:
        def produce(path: Path) -> None:
            path.write_bytes(content)

        name = proposed_file(kind, self._profile, period)
        saved = save_file(self, self._places, name, ".pdf", produce)
        if isinstance(saved, Problem):
            self._show_problem(saved)
        elif saved is None:
            self._say(_("Tidak disimpan."), theme.INK)
        else:
            self._say(saved_words(saved), theme.MONEY_IN)

    # -- Cetak ------------------------------------------------------------------------------------
    def print_report(self) -> None:
        kind, period = self.kind(), self.period()
        if period is None or self.is_busy():
            return
        self._set_printers(self._printers())  # unplugged since the dialog opened?
        printer = self._printer
        if printer is None:
            self._refresh()
            return
        what = self._what(kind, period)
        question = _("{what} dicetak di printer {printer}. Pastikan printer menyala dan ada kertasnya.",
                     what=what, printer=printer.name)  # fmt: skip
        if not Ask.confirm(self, _("Cetak laporan?"), question, yes=_("Ya, cetak"), no=_("Tidak")):
            return
        data = self._gather(kind, period)
        if data is None:
            return
        module, device = self._module(kind), printer.open()  # the job goes out when its painting ends
        self._start(lambda: module.print_to(data, device), partial(self._printed, printer), what)

    def _printed(self, printer: Printer, pages: int) -> None:
        self._say(_("Dikirim ke printer {printer}: {count} halaman.", printer=printer.name, count=pages),
                  theme.MONEY_IN)  # fmt: skip

    # -- the worker -------------------------------------------------------------------------------
    def _start(self, job: Callable[[], object], then: Callable[[Any], None], what: str) -> None:
        work = self._work = _Work(job)
        self._then = then
        work.finished.connect(self._work_ended)
        _keep(work)
        self.busy.show()
        self._say(_("Membuat {what}… tunggu sebentar.", what=what), theme.INK)
        self._refresh()
        work.start()

    def _work_ended(self) -> None:
        work, then = self._work, self._then
        if work is None or then is None:
            return
        self._work = self._then = None
        self.busy.hide()
        self._refresh()
        try:
            if work.error is None:
                self._say("", theme.INK)
                then(work.result)
            else:
                problem = problem_for(work.error)
                if problem is None:  # a bug: the crash dialog, never swallowed
                    sys.excepthook(type(work.error), work.error, work.error.__traceback__)
                else:
                    self._show_problem(problem)
        finally:
            self._refresh()
            self.work_done.emit()

    def done(self, result: int) -> None:
        """Closed while a report is drawn: the worker finishes alone and its result is dropped."""
        self._work = self._then = None
        super().done(result)


def open_report(
    parent: QWidget, kiosk: Kiosk, actor: Actor, profile: Profile, operations: OperationBus | None = None
) -> ReportDialog:
    """Show the dialog over ``parent``'s window (``open``: no modal loop); it deletes itself when closed."""
    dialog = ReportDialog(parent, kiosk, actor, profile, operations)
    fit_over(dialog, parent.window(), dialog.width(), dialog.height())
    dialog.finished.connect(lambda _result: dialog.deleteLater())
    dialog.open()
    return dialog
