"""Starting Qt: the application object, style, crash dialog, and the window on the kiosk file.

``run`` holds the kiosk file for as long as the app runs (one app per file), opens it, and shows
the picker; a damaged file shows the *File kios rusak* page instead, and any other file that
cannot be used is explained in one message (the file is never written). A kiosk in kiosk mode
(``services.kiosk_mode``) gets the whole display and closes only with the operator's PIN
(``gui.kiosk_mode``); otherwise the window is maximised.
"""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from .. import i18n
from ..domain.problems import Problem, Refused
from ..i18n import _
from ..messages import describe
from ..paths import resource
from ..services.clock import Clock, SystemClock
from ..services.errors import is_damage, problem_for
from ..services.kiosk import RESTORABLE, Kiosk
from . import theme
from .dialogs import Ask
from .window import KioskWindow

log = logging.getLogger("wirausaha")
DESKTOP_FILE = "wirausaha"  # packaging/kiosk/wirausaha.desktop: docks and Wayland match the window to it
RECOVER_AFTER_DIALOG_MS = 100
"""A question closed for the recovery page: its modal loop and the code after it run first."""
ICON_AFTER_MS = 250
"""The icon is drawn in four sizes for the window manager (~3 ms): after the picker's first paint."""


def application() -> QApplication:
    app = QApplication.instance() or theme.new_application(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("Wirausaha Desktop")
    app.setDesktopFileName(DESKTOP_FILE)
    theme.apply(app)
    return app


def build_window(kiosk: Kiosk) -> KioskWindow:
    application()
    i18n.set_language(kiosk.settings.get("language") or "id")
    window = KioskWindow(kiosk)
    fit_to_screen(window)
    return window


def fit_to_screen(window: QWidget) -> None:
    """The whole available screen, set by hand: with no window manager "maximised" does nothing, and a
    window of any other size either hides its bottom row (PIN pad, *Petugas*) or leaves a border."""
    window.setGeometry(window.screen().availableGeometry())


def crash_error_text(kind: type[BaseException], error: BaseException) -> str:
    return _("Maaf, aplikasi mengalami kesalahan. Catatan yang sudah muncul di daftar sudah tersimpan; "
             "yang sedang diketik mungkin belum.\nBeri tahu petugas kios. Keterangan untuk petugas: {error}",
             error=f"{kind.__name__}: {error}")  # fmt: skip


def crash_dialog(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
    """A disk or file error that reached the top is said in words; a bug is logged and shown as one."""
    problem = problem_for(error) if isinstance(error, Exception) else None
    if problem is not None:
        trace = "".join(traceback.format_exception(kind, error, tb))
        log.warning("a refusal no page caught: %s\n%s", problem.code, trace)
        if QApplication.instance() is not None:
            Ask.warn(None, _("Ada masalah"), describe(problem))
        return
    log.error("unexpected error\n%s", "".join(traceback.format_exception(kind, error, tb)))
    if QApplication.instance() is not None:
        Ask.error(None, _("Maaf, ada kesalahan"), crash_error_text(kind, error))


def start_window(path: Path, clock: Clock | None = None) -> QMainWindow | None:
    """The window for ``path``: the kiosk's, the recovery page's for a damaged file, or None after a message.

    The file's page check waits until the picker is painted (``Kiosk.open(check_pages=False)``);
    if it finds damage, ``recover`` puts the same recovery page in the window's place."""
    application()
    try:
        kiosk = Kiosk.open(path, clock, check_pages=False)
    except Refused as refused:  # storage.database.UnusableFile: the file is exactly as it was
        log.error("cannot open the kiosk file %s: %s", path, refused.problem.code)
        if refused.problem.code in RESTORABLE:
            return recovery_window(path, clock, refused.problem)
        Ask.warn(None, _("File kios tidak bisa dibuka"), describe(refused.problem))
        return None
    except Exception as error:
        problem = problem_for(error)
        if problem is None:
            raise
        log.error("cannot open the kiosk file %s: %s", path, error)
        Ask.warn(None, _("File kios tidak bisa dibuka"), describe(problem))
        return None
    try:
        return build_window(kiosk)
    except Exception as error:  # a damaged page under the picker's own rows, met before the check
        if not is_damage(error):
            raise
        problem = kiosk.check_pages() or Problem.of("kiosk_damaged", path=str(path))
        kiosk.close()
        log.exception("the kiosk file %s is damaged under the picker: %s", path, problem.code)
        return recovery_window(path, clock, problem)


def recovery_window(path: Path, clock: Clock | None, problem: Problem) -> QMainWindow:
    from .recovery_page import RecoveryWindow

    recovery = RecoveryWindow(path, clock or SystemClock(), problem, build_window)
    fit_to_screen(recovery)
    return recovery


class Shown:
    """The window on screen now: the kiosk's, or the recovery page that took its place."""

    def __init__(self, window: QMainWindow, path: Path, clock: Clock | None) -> None:
        self.window, self._path, self._clock = window, path, clock
        if isinstance(window, KioskWindow):
            window.pages_damaged.connect(self.recover)

    def recover(self, problem: Problem) -> None:
        """The page check after the first paint found damage: the recovery page, as if found at opening.

        Not during a restore (it replaces the file, and opens the new one checked whole). An open
        question is closed first, and the page comes once its code has returned."""
        window = self.window
        if not isinstance(window, KioskWindow) or window.restore_flow.busy:
            return
        if window.close_dialogs():
            QTimer.singleShot(RECOVER_AFTER_DIALOG_MS, lambda: self.recover(problem))
            return
        log.error("the kiosk file %s is damaged (found after opening): %s", self._path, problem.code)
        recovery = recovery_window(self._path, self._clock, problem)
        recovery.showMaximized()
        window.close_for_recovery()
        self.window = recovery


def kiosk_window_of(window: QMainWindow | None) -> KioskWindow | None:
    """The window on an open kiosk: ``window`` itself, or the one a restore opened."""
    if isinstance(window, KioskWindow):
        return window
    return getattr(window, "kiosk_window", None)


def show(window: QMainWindow) -> None:
    """Full screen in kiosk mode (the setting of the open kiosk), otherwise maximised.

    The recovery page of a damaged file is maximised: its file has no settings to read."""
    from ..services.kiosk_mode import KioskModeService

    if isinstance(window, KioskWindow) and KioskModeService(window.kiosk.settings).is_on():
        from .kiosk_mode import KioskMode

        log.info("kiosk mode: full screen, closing needs the operator's PIN")
        KioskMode.install(window).enter()
    else:
        window.showMaximized()
    QTimer.singleShot(ICON_AFTER_MS, wear_icon)


def app_icon() -> Path:
    """Also packaging/kiosk/wirausaha.svg, the desktop entry's."""
    return resource("icons", "wirausaha.svg")


def wear_icon() -> None:
    """The app's icon on every window (``setWindowIcon`` on the application), for docks and task bars."""
    app = QApplication.instance()
    if isinstance(app, QApplication):
        app.setWindowIcon(QIcon(str(app_icon())))


def run(path: Path, clock: Clock | None = None) -> int:
    """Hold the file, show the window (``show``) and run the event loop; returns the exit code."""
    from ..services.instance import InstanceLock

    app = application()
    sys.excepthook = crash_dialog
    try:
        lock = InstanceLock.acquire(path)
    except Refused as refused:
        log.error("another app has %s open", path)
        Ask.warn(None, _("Aplikasi sudah terbuka"), describe(refused.problem))
        return 1
    shown: Shown | None = None
    try:
        window = start_window(path, clock)
        if window is None:
            return 1
        shown = Shown(window, path, clock)
        show(window)
        return int(app.exec())
    finally:
        opened = kiosk_window_of(shown.window if shown is not None else None)
        if opened is not None:
            opened.kiosk.close()
        lock.release()
