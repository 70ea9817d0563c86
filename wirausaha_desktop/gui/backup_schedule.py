"""Automatic backups while the app runs: 5 s after start, every hour, and on *Selesai* and auto-lock.

Every copy is written on a worker thread (``Background``), so a big file never freezes the screen;
the outcome comes back on the GUI thread as ``finished``. The last failure stays in ``problem``
until a later backup succeeds: the picker shows it to the operator as a banner.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from ..domain.problems import Problem
from ..i18n import _
from ..messages import describe

if TYPE_CHECKING:
    from ..services.backup import BackupResult, BackupService
    from .background import Background

log = logging.getLogger("wirausaha")
START_DELAY_MS = 5_000
EVERY_MS = 60 * 60 * 1000


@dataclass(frozen=True)
class BackupReport:
    written: tuple[Path, ...] = ()
    problem: Problem | None = None

    @property
    def skipped(self) -> bool:
        return self.problem is None and not self.written


Reported = Callable[[BackupReport], None]


def _reason(problem: Problem) -> tuple[str, str] | None:
    """Why a copy failed and what the operator can do, in words about backups (not about saving entries)."""
    reasons = {
        "disk_full": (_("disk penuh"), _("Kosongkan ruang disk, lalu coba lagi.")),
        "kiosk_read_only": (_("folder cadangan tidak bisa ditulis"), _("Periksa izin folder cadangan.")),
        "disk_error": (_("disk tidak bisa ditulis atau dibaca"), _("Periksa disknya.")),
        "kiosk_busy": (_("file kios sedang dipakai pekerjaan lain"), _("Coba lagi sebentar lagi.")),
    }
    return reasons.get(problem.code)


def failure_text(problem: Problem) -> str:
    """*Buat cadangan sekarang* failed: for the operator, who can act on it."""
    reason = _reason(problem)
    if reason is None:
        return describe(problem)
    return _("Cadangan gagal: {reason}. {advice}", reason=reason[0], advice=reason[1])


def warning_text(problem: Problem | None) -> str | None:
    """The picker's banner: what failed, that her entries are still saved, and whom to tell."""
    if problem is None:
        return None
    if problem.code == "kiosk_damaged_now":
        return _("Cadangan otomatis gagal: file kios rusak. Minta petugas menutup aplikasi dan memulihkan dari "
                 "cadangan.")  # fmt: skip
    reason = _reason(problem)
    if reason is None:
        return _("Cadangan otomatis gagal. {reason} Beri tahu petugas kios.", reason=describe(problem))
    return _("Cadangan otomatis gagal: {reason}. Catatan yang sudah tersimpan tetap ada di file kios, "
             "tetapi belum ada cadangan barunya. Beri tahu petugas kios.", reason=reason[0])  # fmt: skip


class BackupSchedule(QObject):
    finished = Signal(object)  # BackupReport

    def __init__(self, parent: QObject, service: Callable[[], BackupService]) -> None:
        super().__init__(parent)
        self._service = service
        self._background: Background | None = None  # made with the first copy: threading waits until then
        self.problem: Problem | None = None
        self.paused = False
        self._first = QTimer(self)
        self._first.setSingleShot(True)
        self._first.timeout.connect(lambda: self.run())
        self._hourly = QTimer(self)
        self._hourly.setInterval(EVERY_MS)
        self._hourly.timeout.connect(self.run_hourly)

    def start(self) -> None:
        self._first.start(START_DELAY_MS)
        self._hourly.start()

    def stop(self) -> None:
        self._first.stop()
        self._hourly.stop()

    @property
    def running(self) -> bool:
        return self._background is not None and self._background.busy

    def run_hourly(self) -> bool:
        """At most one copy an hour: the hourly timer, *Selesai* and auto-lock."""
        from ..services.backup import HOURLY

        return self.run(HOURLY)

    def run(self, at_most_every: dt.timedelta | None = None, then: Reported | None = None) -> bool:
        """Start a backup on a worker thread; False when paused (a restore is replacing the file)."""
        if self.paused:
            return False
        service = self._service()
        if self._background is None:
            from .background import Background

            self._background = Background(self)
        self._background.run(
            "backup", lambda: service.run_due(at_most_every), lambda result, error: self._done(result, error, then)
        )
        return True

    def _done(self, result: BackupResult | None, error: BaseException | None, then: Reported | None) -> None:
        from ..services.backup import BackupFailed

        if isinstance(error, BackupFailed):
            log.error("backup failed: %s", error)
            report = BackupReport(problem=error.problem)
        elif error is not None:
            raise error  # a bug: the crash dialog, never a silent loss of backups
        else:
            assert result is not None
            for path in result.written:
                log.info("backup written: %s", path)
            report = BackupReport(written=result.written)
        if not report.skipped:
            self.problem = report.problem
        self.finished.emit(report)
        if then is not None:
            then(report)
