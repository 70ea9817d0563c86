"""``wirausaha --selftest [--data FILE]``: every page drawn offscreen on a copy of the kiosk file.

What a Puskesos operator (or CI, on the packaged build) runs to know that this install works: Qt
and its plugins, the fonts, the pictures, matplotlib's charts, SQLite and the PIN hashing. It

1. checks the kiosk file (only reads, as ``wirausaha check``) and copies it with the backup API
   into a temporary folder; with no kiosk file yet, it builds the demo kiosk there instead;
2. opens the copy in the real window on Qt's ``offscreen`` platform (forced: no screen needed)
   and goes through it as a person would: the picker, the PIN page, her book, the entry and move
   dialogs, who looked at her book, the standing page with every chart, the operator's menu, the
   lock-outs and the restore list, a mentor's caseload, her session and readiness pages, the
   *File kios rusak* page on a damaged copy and the first-start pages on an empty file;
3. checks the copy's integrity after all that, and exits 0 with one line; on the first failure it
   prints one line saying what failed and exits 1.

The copy is a throwaway: a PIN of her own and a mentor for the test are set on it, never on the
kiosk file, which is only read. Nothing is written outside the temporary folder unless ``--shots``
asks for the pictures. ``--time`` adds one JSON line with each step's time (``perf_counter``, the
monotonic clock a parent process shares: ``benchmarks``-style launch → painted picker).
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, TextIO

from .. import i18n, paths
from ..domain.model import Actor, Direction, Ledger, Role
from ..domain.problems import Refused
from ..i18n import _
from ..messages import describe

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from ..services.kiosk import Kiosk
    from .window import KioskWindow

TEST_PIN = "8642"  # set on the copy only: her PIN, the test mentor's, a new operator's
TEST_MENTOR = "Pendamping Uji"
STEP_SECONDS = 60.0  # the longest any one step may wait (the first chart imports matplotlib)
HARMLESS = (
    "This plugin does not support propagateSizeHints",  # offscreen: no window manager, on every window
    'Detected locale "C"',  # an empty environment (env -i): Qt switches to C.UTF-8 by itself
)
SIZE = (1024, 600)  # the smallest kiosk screen: every page must fit it
WATCHDOG_SECONDS = 300  # a modal dialog nobody answers would wait for ever: then say so and exit 1


class Failed(Exception):
    """One step did not do what it should; the message says what, in the screen's language."""


class SelfTest:
    def __init__(self, shots: Path | None = None) -> None:
        self.shots = shots
        self.step = _("persiapan")
        self.pages = 0
        self.times: dict[str, float] = {}
        self.errors: list[str] = []
        self._step_started = time.perf_counter()

    # -- the frame of each step ---------------------------------------------------------------
    @contextmanager
    def doing(self, key: str, step: str) -> Iterator[None]:
        """One step: ``key`` names it in ``--time``'s JSON, ``step`` in the failure line."""
        self.step, started = step, time.perf_counter()
        yield
        self.settle()
        self.raise_errors()
        self.times[key] = round((time.perf_counter() - started) * 1000, 1)

    def raise_errors(self) -> None:
        if self.errors:
            raise Failed(self.errors[0])

    def excepthook(self, kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        """An exception in a slot never reaches our frame: Qt hands it to sys.excepthook."""
        self.errors.append(f"{kind.__name__}: {error}")
        traceback.print_exception(kind, error, tb, file=sys.stderr)

    def qt_message(self, kind: Any, _context: Any, message: str) -> None:
        """Qt's own critical messages fail the step; its warnings are shown, but for HARMLESS ones."""
        from PySide6.QtCore import QtMsgType

        if kind in (QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
            self.errors.append(f"Qt: {message}")
        if kind != QtMsgType.QtDebugMsg and not message.startswith(HARMLESS):
            print(f"Qt: {message}", file=sys.stderr)

    def settle(self, ms: int = 30) -> None:
        from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer

        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()
        QCoreApplication.processEvents()

    def wait_for(self, done: Callable[[], bool], what: str) -> None:
        deadline = time.perf_counter() + STEP_SECONDS
        while not done():
            if time.perf_counter() > deadline:
                raise Failed(_("{what} tidak selesai dalam {seconds} detik", what=what, seconds=int(STEP_SECONDS)))
            self.settle(20)
            self.raise_errors()

    # -- looking at a page ----------------------------------------------------------------------
    def look(self, widget: QWidget, name: str) -> None:
        """Draw ``widget`` as it is on screen; a picture of one flat colour means nothing was drawn."""
        from PySide6.QtCore import Qt

        self.settle()
        image = widget.grab().toImage()
        if image.isNull() or image.width() < 100 or image.height() < 100:
            raise Failed(_("{page} tidak tergambar", page=self.step))
        small = image.scaled(96, 64, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.FastTransformation)
        colours = {small.pixel(x, y) for x in range(small.width()) for y in range(small.height())}
        if len(colours) < 3:
            raise Failed(_("{page} tergambar kosong", page=self.step))
        if self.shots is not None:
            self.shots.mkdir(parents=True, exist_ok=True)
            image.save(str(self.shots / f"{self.pages + 1:02d}-{name}.png"))
        self.pages += 1

    def expect(self, window: KioskWindow, page: QWidget | None) -> None:
        if page is None or window.current_page() is not page:
            raise Failed(_("{page} tidak terbuka", page=self.step))


def _profile_for_test(kiosk: Kiosk) -> tuple[str, str]:
    """(id, name) of a beneficiary on the copy with her PIN set to TEST_PIN and consent given."""
    operator = Actor.operator()
    found = kiosk.profiles.list()
    if not found:
        profile, _changes = kiosk.profiles.create(operator, "Ibu Uji", "Warung uji", TEST_PIN, "paper")
        return profile.id, profile.name
    profile = next((p for p in found if p.consent_at is not None), found[0])
    kiosk.profiles.reset_pin(operator, profile.id, TEST_PIN)
    if profile.consent_at is None:
        kiosk.profiles.record_consent(Actor.beneficiary(profile.id), profile.id, "paper")
    return profile.id, profile.name


def _mentor_for_test(kiosk: Kiosk, profile_id: str) -> str:
    """A mentor of her own on the copy (a real one's PIN is not known): the test mentor's name."""
    taken = {m.name.casefold() for m in kiosk.mentors.list()}
    name, n = TEST_MENTOR, 1
    while name.casefold() in taken:
        n += 1
        name = f"{TEST_MENTOR} {n}"
    mentor, _changes = kiosk.mentors.create(Actor.operator(), name, TEST_PIN)
    kiosk.mentors.assign(Actor.operator(), mentor.id, profile_id)
    return name


def _type_pin(window: KioskWindow, pin: str | None) -> None:
    """The PIN as she types it; None: the operator's PIN is not known on a copy, so the PIN page's
    own signal says it was right (the check itself is tested with her PIN and the mentor's)."""
    if pin is None:
        window.pin.unlocked.emit(Actor(Role.OPERATOR))
        return
    window.pin.pin_input.setText(pin)
    window.pin.unlock_button.click()


def _walk(test: SelfTest, window: KioskWindow) -> None:
    kiosk = window.kiosk
    with test.doing("prepare", _("menyiapkan salinan")):
        operator_pin = None
        if not kiosk.profiles.has_operator():
            kiosk.profiles.create_operator(TEST_PIN)
            operator_pin = TEST_PIN
        profile_id, name = _profile_for_test(kiosk)
        mentor = _mentor_for_test(kiosk, profile_id)
        kiosk.backups.run_due()  # the restore list has a copy to show
        window.show_picker()

    with test.doing("pin", _("halaman PIN")):
        window.picker.picker.card_for(name).click()
        test.expect(window, window.pin)
        window.pin.pin_input.setText(TEST_PIN)
        test.look(window, "pin")
    with test.doing("book", _("buku")):
        window.pin.unlock_button.click()
        test.expect(window, window.book)
        test.look(window, "book")
    with test.doing("entry", _("catatan uang keluar")):
        dialog = window.book.open_entry_dialog(Ledger.BUSINESS, Direction.OUT)
        if dialog is None:
            raise Failed(_("{page} tidak terbuka", page=test.step))
        dialog.amount_input.setText("1rb")
        dialog.category_input.buttons()[0].click()
        test.look(dialog, "entry")
        saved: list[object] = []
        dialog.saved.connect(saved.append)
        dialog.save_button.click()  # a write on the copy: saved, shown, and the file stays whole
        if not saved:
            raise Failed(_("{page}: catatan tidak tersimpan ({why})", page=test.step, why=dialog.problem_label.text()))
    with test.doing("move", _("pindahkan uang")):
        move = window.book.open_move_dialog("owner_pay")
        if move is None:
            raise Failed(_("{page} tidak terbuka", page=test.step))
        move.amount_input.setText("1rb")
        test.look(move, "move")
        move.reject()
    with test.doing("access_log", _("siapa yang melihat buku")):
        log = window.book.show_access_log()
        if log is None:
            raise Failed(_("{page} tidak terbuka", page=test.step))
        test.look(log, "access-log")
        log.close()
    with test.doing("standing", _("apakah usaha saya mandiri")):
        window.book.standing_button.click()
        standing = window.standing
        test.expect(window, standing)
        assert standing is not None
        for tab in range(standing.tabs.count()):
            standing.tabs.setCurrentIndex(tab)
            test.wait_for(lambda: not standing.charts_pending(), _("gambar {n}", n=tab + 1))
            test.look(window, f"standing-{tab + 1}")
    window.lock()

    with test.doing("operator", _("menu petugas")):
        window.picker.operator_menu.click()
        test.expect(window, window.pin)
        _type_pin(window, operator_pin)
        test.expect(window, window.operator_page)
        test.look(window, "operator")
    with test.doing("locks", _("profil terkunci")):
        window.operator_page.locks.click()
        test.expect(window, window.locks)
        test.look(window, "locks")
    with test.doing("restore", _("pulihkan cadangan")):
        window.show_picker()
        window.picker.operator_menu.click()
        _type_pin(window, operator_pin)
        window.operator_page.restore.click()
        page = window.restore_page
        test.expect(window, page)
        assert page is not None
        test.wait_for(lambda: page.model.rowCount() > 0, _("daftar cadangan"))
        test.look(window, "restore")
    window.lock()

    with test.doing("caseload", _("daftar dampingan")):
        window.picker.mentor_tab.click()
        window.picker.picker.card_for(mentor).click()
        test.expect(window, window.pin)
        _type_pin(window, TEST_PIN)
        test.expect(window, window.mentor.caseload)
        test.look(window, "caseload")
    with test.doing("mentor_book", _("buku dampingan")):
        window.mentor.caseload.select_name(name)
        window.mentor.caseload.open_book.click()
        test.expect(window, window.book)
        test.look(window, "mentor-book")
    with test.doing("session", _("sesi pendampingan")):
        window.book.start_session.click()
        test.expect(window, window.mentor.session)
        test.look(window, "session")
    with test.doing("readiness", _("kesiapan lulus")):
        window.mentor.open_readiness()
        test.expect(window, window.mentor.readiness)
        test.look(window, "readiness")
    window.lock()

    with test.doing("copy_integrity", _("keutuhan salinan")):
        if kiosk.integrity_problems():
            raise Failed(_("salinan file kios tidak utuh setelah uji"))


def _recovery(test: SelfTest, folder: Path, copy: Path) -> None:
    """The *File kios rusak* page on a damaged copy of the copy, with its backups listed."""
    from ..services.backup import BackupService
    from ..services.clock import SystemClock
    from ..services.kiosk import Kiosk
    from .launch import start_window
    from .recovery_page import RecoveryWindow

    with test.doing("recovery", _("file kios rusak")):
        damaged = folder / "rusak" / "kiosk.sqlite"
        damaged.parent.mkdir()
        BackupService(copy, SystemClock()).backup_to(damaged)
        other = Kiosk.open(damaged)
        try:
            other.backups.run_due()
        finally:
            other.close()
        data = damaged.read_bytes()
        damaged.write_bytes(data[: len(data) // 2])
        window = start_window(damaged)
        if not isinstance(window, RecoveryWindow):
            raise Failed(_("{page} tidak terbuka", page=test.step))
        window.resize(*SIZE)
        window.show()
        test.wait_for(lambda: window.page.model.rowCount() > 0, _("daftar cadangan"))
        test.look(window, "recovery")
        window.close()


def _first_start(test: SelfTest, folder: Path) -> None:
    """A new kiosk: the operator's PIN first, then her profile and her consent."""
    from ..app import create_window

    with test.doing("first_start", _("kios baru")):
        window = create_window(folder / "baru.sqlite")
        try:
            window.resize(*SIZE)
            window.show()
            window.show_start()
            test.expect(window, window.setup)
            test.look(window, "setup")
            window.setup.pin.setText(TEST_PIN)
            window.setup.again.setText(TEST_PIN)
            window.setup.create_button.click()
            test.expect(window, window.new_profile)
            window.new_profile.name.setText("Ibu Uji")
            window.new_profile.business.setText("Warung uji")
            test.look(window, "new-profile")
            window.new_profile.pin.setText(TEST_PIN)
            window.new_profile.again.setText(TEST_PIN)
            window.new_profile.next.click()
            test.expect(window, window.consent)
            test.look(window, "consent")
        finally:
            window.close()
            window.kiosk.close()


def _picker_painted(test: SelfTest, window: KioskWindow) -> None:
    """Show the window and wait until the last card of the picker has painted (the start-up mark).

    The card is looked up when the window first paints: the cards are laid out again at the first
    resize, and the ones built before may be gone by then."""
    from PySide6.QtCore import QEvent, QObject

    painted: list[float] = []

    class Probe(QObject):
        target: QObject | None = None

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() != QEvent.Type.Paint or painted:
                return False
            if watched is window and self.target is None:
                cards = window.picker.picker.cards()
                self.target = cards[-1] if cards else window
                if self.target is not window:
                    self.target.installEventFilter(self)
            if watched is self.target:
                painted.append(time.perf_counter())
            return False

    probe = Probe()
    window.installEventFilter(probe)
    window.resize(*SIZE)
    window.show()
    test.wait_for(lambda: bool(painted), _("daftar nama"))
    window.removeEventFilter(probe)
    test.times["picker_painted_at"] = painted[0]
    test.look(window, "picker")


def _copy_or_demo(data: Path | None, folder: Path) -> Path:
    """The copy the test works on; the kiosk file itself is only read."""
    from ..services.backup import BackupFailed, BackupService
    from ..services.clock import SystemClock
    from ..services.demo import build_demo_kiosk
    from ..services.kiosk import check_file

    copy = folder / "kiosk.sqlite"
    source = data or paths.default_data_file()
    if data is None and not source.exists():
        build_demo_kiosk(copy)
        return copy
    problem = check_file(source)
    if problem is not None:
        raise Failed(describe(problem))
    try:
        BackupService(source, SystemClock()).backup_to(copy)
    except BackupFailed as failed:
        raise Failed(describe(failed.problem)) from failed
    return copy


def run(data: Path | None = None, shots: Path | None = None, timing: bool = False, out: TextIO | None = None) -> int:
    """The whole self-test; 0 when every page drew and the file is whole, else 1 with one line."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before Qt starts: no screen needed, none used
    out = out or sys.stdout
    started = time.perf_counter()
    test = SelfTest(shots)
    folder = Path(tempfile.mkdtemp(prefix="wirausaha-selftest-"))
    previous_hook, sys.excepthook = sys.excepthook, test.excepthook
    quiet = logging.NullHandler()  # the damaged copy is logged as an error by design: not on the terminal
    logging.getLogger("wirausaha").addHandler(quiet)
    watchdog = _watchdog(test)
    try:
        _run_steps(test, data, folder)
    except (Failed, Refused, OSError, Exception) as error:  # one line, whatever failed
        print(_failure_line(test, error), file=sys.stderr)
        return 1
    finally:
        watchdog.cancel()
        sys.excepthook = previous_hook
        logging.getLogger("wirausaha").removeHandler(quiet)
        shutil.rmtree(folder, ignore_errors=True)
    total = time.perf_counter() - started
    if timing:
        print(json.dumps({"started_at": started, **test.times, "total_ms": round(total * 1000, 1)}), file=out)
    print(_("Uji mandiri lulus: {pages} halaman digambar, file kios utuh ({seconds} detik).",
            pages=test.pages, seconds=f"{total:.1f}"), file=out)  # fmt: skip
    return 0


def _run_steps(test: SelfTest, data: Path | None, folder: Path) -> None:
    from PySide6.QtCore import qInstallMessageHandler

    from ..services.kiosk import Kiosk, check_file
    from .launch import application, build_window

    qInstallMessageHandler(test.qt_message)
    application()
    with test.doing("open", _("membuka file kios")):
        copy = _copy_or_demo(data, folder)
        kiosk = Kiosk.open(copy)
    try:
        with test.doing("picker", _("daftar nama")):
            window = build_window(kiosk)
            _picker_painted(test, window)
        try:
            _walk(test, window)
        finally:
            window.close()
            test.settle()
    finally:
        kiosk.close()
    _recovery(test, folder, copy)
    _first_start(test, folder)
    with test.doing("check", _("memeriksa file kios")):
        problem = check_file(copy)
        if problem is not None:
            raise Failed(describe(problem))
    i18n.set_language(i18n.language())


def _failure_line(test: SelfTest, error: BaseException) -> str:
    if isinstance(error, Failed):
        why = str(error)
    elif isinstance(error, Refused):
        why = describe(error.problem)
    else:
        traceback.print_exception(error, file=sys.stderr)
        why = f"{type(error).__name__}: {error}"
    return " ".join(_("Uji mandiri gagal pada langkah '{step}': {why}", step=test.step, why=why).split())


class _Watchdog:
    def __init__(self, timer: Any) -> None:
        self._timer = timer

    def cancel(self) -> None:
        self._timer.cancel()


def _watchdog(test: SelfTest) -> _Watchdog:
    """A thread, not a Qt timer: a nested event loop of a dialog nobody answers must not stop it."""
    import threading

    def expired() -> None:
        print(_failure_line(test, Failed(_("waktu habis ({seconds} detik)", seconds=WATCHDOG_SECONDS))),
              file=sys.stderr, flush=True)  # fmt: skip
        os._exit(1)

    timer = threading.Timer(WATCHDOG_SECONDS, expired)
    timer.daemon = True
    timer.start()
    return _Watchdog(timer)
