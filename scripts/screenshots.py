"""Render every page of the kiosk to PNG, offscreen, in both languages and at both kiosk sizes.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py [--out screenshots] [--only book] [--today]

Builds the demo kiosk in a temporary folder (never the user's data), drives the real window the
way a person would, and saves ``<out>/<lang>-<width>x<height>-<page>.png``. Open them and look.

The demo's "today" is fixed (``CLOCK_NOW``, late in a month) so that pictures compare from one run
to the next; ``--today`` builds it for the real date and time instead (default ``--out
screenshots/today``): the calendar turns, and the pages must still tell each story. ``make
screenshots`` renders both, and then the real app under Xvfb (scripts/xvfb_screens.py).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from wirausaha_desktop import i18n
from wirausaha_desktop.app import create_window
from wirausaha_desktop.domain.model import Direction, Ledger
from wirausaha_desktop.gui.window import KioskWindow
from wirausaha_desktop.services.clock import FixedClock
from wirausaha_desktop.services.demo import build_demo_kiosk

SIZES = ((1024, 600), (1366, 768))
CLOCK_NOW = dt.datetime(2026, 11, 27, 4, 0, tzinfo=dt.UTC)


def settle(ms: int = 60) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()
    QCoreApplication.processEvents()


def save(widget: QWidget, out: Path, name: str) -> None:
    settle()
    path = out / f"{name}.png"
    widget.grab().save(str(path))
    print(path)


def unlock(window: KioskWindow, name: str, pin: str) -> None:
    window.picker.picker.card_for(name).click()
    window.pin.pin_input.setText(pin)
    window.pin.unlock_button.click()
    settle()


def seed_access_log(demo: Path, now: dt.datetime) -> None:
    """Sari's access log: the operator read her summary from the command line, reset her PIN in the app."""
    from wirausaha_desktop.domain.model import Actor
    from wirausaha_desktop.domain.standing import Period
    from wirausaha_desktop.services.kiosk import Kiosk

    last_month = now.date().replace(day=1) - dt.timedelta(days=1)
    for channel, hours in (("cli", -30), ("app", -2)):
        kiosk = Kiosk.open(demo, FixedClock(now + dt.timedelta(hours=hours)), channel=channel)
        sari = kiosk.profiles.find("Sari")
        if channel == "cli":
            kiosk.book.summary(Actor.operator(), sari.id, Period.month(last_month.year, last_month.month))
        else:
            kiosk.profiles.lift_lock(Actor.operator(), sari.id)
            kiosk.profiles.reset_pin(Actor.operator(), sari.id, "1111")
        kiosk.close()


def seed_mentor(demo: Path, now: dt.datetime) -> None:
    """Bu Wati (PIN 5555) following the four stories, unless the demo kiosk already has her."""
    from wirausaha_desktop.domain.model import Actor
    from wirausaha_desktop.services.kiosk import Kiosk

    kiosk = Kiosk.open(demo, FixedClock(now))
    if not kiosk.mentors.list():
        wati, _changes = kiosk.mentors.create(Actor.operator(), "Bu Wati", "5555")
        for profile in kiosk.profiles.list():
            kiosk.mentors.assign(Actor.operator(), wati.id, profile.id)
    kiosk.close()


def unlock_mentor(window: KioskWindow) -> None:
    window.picker.mentor_tab.click()
    window.picker.picker.card_for("Bu Wati").click()
    window.pin.pin_input.setText("5555")
    window.pin.unlock_button.click()
    settle()


def lift_locks(window: KioskWindow) -> None:
    from wirausaha_desktop.domain.model import Actor

    for profile in window.kiosk.profiles.list():
        if window.kiosk.profiles.lock_of(profile.id) is not None:
            window.kiosk.profiles.lift_lock(Actor.operator(), profile.id)


def unlock_operator(window: KioskWindow) -> None:
    window.picker.operator_menu.click()
    window.pin.pin_input.setText("0000")
    window.pin.unlock_button.click()
    settle()


def render_recovery(
    out: Path, prefix: str, language: str, size: tuple[int, int], demo: Path, clock: FixedClock
) -> None:
    """The *File kios rusak* page on a damaged copy of the demo kiosk, with its backups listed."""
    from wirausaha_desktop.gui.launch import start_window
    from wirausaha_desktop.gui.recovery_page import RecoveryWindow
    from wirausaha_desktop.services.kiosk import Kiosk

    folder = Path(tempfile.mkdtemp(dir=demo.parent))
    damaged = folder / "kiosk.sqlite"
    shutil.copy(demo, damaged)
    kiosk = Kiosk.open(damaged, clock)
    kiosk.backups.run_due()
    kiosk.close()
    broken = folder / "backups" / "daily" / f"kiosk-{clock.today() - dt.timedelta(days=7):%Y-%m-%d}.sqlite"
    broken.write_bytes(b"SQLite format 3\x00" + bytes(4000))
    week_ago = (dt.datetime.now() - dt.timedelta(days=7)).timestamp()
    os.utime(broken, (week_ago, week_ago))
    data = damaged.read_bytes()
    damaged.write_bytes(data[: len(data) // 2])
    i18n.set_language(language)
    window = start_window(damaged, clock)
    assert isinstance(window, RecoveryWindow)
    window.resize(*size)
    window.show()
    while window.page.model.rowCount() == 0:
        settle(20)
    save(window, out, f"{prefix}-recovery")
    window.page.restore_button.click()
    for _try in range(5):
        window.pin.pin_input.setText("9999")
        window.pin.unlock_button.click()
    save(window, out, f"{prefix}-recovery-pin-locked")
    window.close()
    settle()


def render(
    out: Path, language: str, size: tuple[int, int], only: str | None, demo: Path, fresh: Path, now: dt.datetime
) -> None:
    prefix = f"{language}-{size[0]}x{size[1]}"
    clock = FixedClock(now)
    shots: list[tuple[str, Callable[[KioskWindow], QWidget]]] = []

    def page(name: str) -> Callable[[Callable[[KioskWindow], QWidget]], None]:
        def register(action: Callable[[KioskWindow], QWidget]) -> None:
            shots.append((name, action))

        return register

    @page("picker")
    def _picker(window: KioskWindow) -> QWidget:
        window.show_picker()
        return window

    @page("pin-wrong")
    def _pin(window: KioskWindow) -> QWidget:
        window.show_picker()
        window.picker.picker.card_for("Rina").click()
        window.pin.pin_input.setText("9999")
        window.pin.unlock_button.click()
        return window

    @page("book")
    def _book(window: KioskWindow) -> QWidget:
        window.show_picker()
        unlock(window, "Sari", "1111")
        return window

    @page("book-hidden-voided")
    def _hidden(window: KioskWindow) -> QWidget:
        window.show_picker()
        unlock(window, "Rina", "2222")
        window.book.personal.show_voided.setChecked(True)
        window.book.eye_button.setChecked(True)
        return window

    @page("entry-dialog")
    def _entry(window: KioskWindow) -> QWidget:
        window.show_picker()
        unlock(window, "Sari", "1111")
        dialog = window.book.open_entry_dialog(Ledger.BUSINESS, Direction.OUT)
        assert dialog is not None
        dialog.amount_input.setText("1,5jt")
        dialog.category_input.buttons()[0].click()
        return dialog

    @page("entry-dialog-invalid")
    def _invalid(window: KioskWindow) -> QWidget:
        window.show_picker()
        unlock(window, "Sari", "1111")
        dialog = window.book.open_entry_dialog(Ledger.PERSONAL, Direction.OUT)
        assert dialog is not None
        dialog.amount_input.setText("15,5")
        return dialog

    @page("move-dialog")
    def _move(window: KioskWindow) -> QWidget:
        window.show_picker()
        unlock(window, "Dewi", "3333")
        dialog = window.book.open_move_dialog("owner_pay")
        assert dialog is not None
        dialog.amount_input.setText("300rb")
        return dialog

    def standing(name: str, pin: str, tab: int) -> Callable[[KioskWindow], QWidget]:
        def show(window: KioskWindow) -> QWidget:
            window.show_picker()
            unlock(window, name, pin)
            window.book.standing_button.click()
            page = window.standing
            assert page is not None
            page.explain(("recording", "no_top_ups", "pay_within_profit", "recording")[tab % 4])
            page.tabs.setCurrentIndex(tab)  # after the tap: a tapped light shows its own chart
            while page.charts_pending():
                settle(20)
            settle(300)
            return window

        return show

    # one story per chart, so that every chart is looked at with a story it tells
    for story, (name, pin) in enumerate((("Sari", "1111"), ("Rina", "2222"), ("Dewi", "3333"), ("Ani", "4444"))):
        page(f"standing-{name.lower()}")(standing(name, pin, story))
    page("standing-sari-spending")(standing("Sari", "1111", 3))
    page("standing-ani-calendar")(standing("Ani", "4444", 4))

    @page("operator")
    def _operator(window: KioskWindow) -> QWidget:
        window.show_picker()
        unlock_operator(window)
        window.operator_page.back_up_now()
        while window.backups.running:
            settle(20)
        return window

    @page("operator-locks")
    def _locks(window: KioskWindow) -> QWidget:
        window.show_picker()
        for _try in range(5):
            window.picker.picker.card_for("Ani").click()
            window.pin.pin_input.setText("9999")
            window.pin.unlock_button.click()
        window.show_picker()
        unlock_operator(window)
        window.operator_page.locks.click()
        window.locks.findChild(QWidget, "resetPin_1").click()  # type: ignore[union-attr]
        return window

    @page("operator-csv")
    def _csv(window: KioskWindow) -> QWidget:
        window.show_picker()
        unlock_operator(window)
        window.operator_page.csv.click()
        window.csv_page.choose("Sari")
        window.csv_page.message.say(window.csv_page.places_line.text() or "Buku Sari", failed=False)
        return window

    @page("operator-delete")
    def _delete(window: KioskWindow) -> QWidget:
        window.show_picker()
        unlock_operator(window)
        window.operator_page.delete_book.click()
        window.delete_page.choose("Ani")
        window.delete_page.message.say(window.delete_page.details.text(), failed=True)  # a refusal's colour
        return window

    @page("operator-restore")
    def _restore(window: KioskWindow) -> QWidget:
        window.kiosk.backups.run_due()
        window.show_picker()
        unlock_operator(window)
        window.operator_page.restore.click()
        page = window.restore_page
        assert page is not None
        while page.model.rowCount() == 0:
            settle(20)
        return window

    @page("picker-warnings")
    def _warnings(window: KioskWindow) -> QWidget:
        from wirausaha_desktop.domain.problems import Problem
        from wirausaha_desktop.gui.backup_schedule import warning_text
        from wirausaha_desktop.gui.picker import read_only_text

        window.show_picker()
        window.picker.read_only_banner.say(read_only_text())
        window.picker.backup_warning.say(warning_text(Problem.of("disk_full")))
        return window

    @page("book-read-only")
    def _book_read_only(window: KioskWindow) -> QWidget:
        from wirausaha_desktop.gui.book_words import read_only_short_text

        window.show_picker()
        unlock(window, "Sari", "1111")
        window.book.read_only_banner.say(read_only_short_text())
        return window

    @page("access-log")
    def _access_log(window: KioskWindow) -> QWidget:
        window.show_picker()
        unlock(window, "Sari", "1111")
        dialog = window.book.show_access_log()
        assert dialog is not None
        dialog.setProperty("keep_size", True)
        return dialog

    @page("access-log-empty")
    def _access_log_empty(window: KioskWindow) -> QWidget:
        window.show_picker()
        unlock(window, "Dewi", "3333")
        dialog = window.book.show_access_log()
        assert dialog is not None
        dialog.setProperty("keep_size", True)
        return dialog

    @page("mentor-picker")
    def _mentor_picker(window: KioskWindow) -> QWidget:
        window.show_picker()
        window.picker.mentor_tab.click()
        return window

    @page("caseload")
    def _caseload(window: KioskWindow) -> QWidget:
        window.show_picker()
        unlock_mentor(window)
        return window

    @page("mentor-book")
    def _mentor_book(window: KioskWindow) -> QWidget:
        window.show_picker()
        unlock_mentor(window)
        window.mentor.caseload.select_name("Dewi")
        window.mentor.caseload.open_book.click()
        return window

    @page("session")
    def _session(window: KioskWindow) -> QWidget:
        from wirausaha_desktop.domain.goals import GoalKind

        window.show_picker()
        unlock_mentor(window)
        window.mentor.caseload.select_name("Dewi")
        window.mentor.caseload.open_book.click()
        window.book.start_session.click()
        session = window.mentor.session
        session.notes.setPlainText("Ambil untuk pribadi lebih besar dari untung. Sepakat ambil tetap per minggu.")
        session.message.setText("Semangat, Bu Dewi! Catat tiap hari ya.")
        for kind, target in ((GoalKind.OWNER_PAY, "300rb"), (GoalKind.RECORD_DAYS, "25")):
            row = session.add_goal_row()
            assert row is not None
            row.set_kind(kind)
            row.target.setText(target)
        return window

    @page("readiness")
    def _readiness(window: KioskWindow) -> QWidget:
        window.show_picker()
        unlock_mentor(window)
        window.mentor.caseload.select_name("Sari")
        window.mentor.caseload.open_book.click()
        window.book.start_session.click()
        window.mentor.open_readiness()
        return window

    for name, action in shots:
        if only and only not in name:
            continue
        window = create_window(demo, clock)
        window.set_language(language)
        window.resize(*size)
        window.show()
        settle()
        target = action(window)
        if target is not window and not target.property("keep_size"):
            target.resize(min(size[0] - 24, 980), min(size[1] - 24, 560))
        save(target, out, f"{prefix}-{name}")
        lift_locks(window)  # a shot that locked a profile must not lock the next shots out
        window.close()
        window.kiosk.close()
        settle()

    if not only or "recovery" in only:
        render_recovery(out, prefix, language, size, demo, clock)

    if not only or "setup" in only:
        fresh.unlink(missing_ok=True)
        window = create_window(fresh, clock)
        window.set_language(language)
        window.resize(*size)
        window.show()
        save(window, out, f"{prefix}-setup")
        window.setup.pin.setText("2468")
        window.setup.again.setText("2468")
        window.setup.create_button.click()
        window.new_profile.name.setText("Sari")
        window.new_profile.business.setText("Warung kopi")
        save(window, out, f"{prefix}-new-profile")
        window.new_profile.pin.setText("1234")
        window.new_profile.again.setText("1234")
        window.new_profile.next.click()
        save(window, out, f"{prefix}-consent")
        window.close()
        window.kiosk.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, help="folder for the PNGs (default screenshots, or screenshots/today)")
    parser.add_argument("--only", help="render only pages whose name contains this")
    parser.add_argument("--language", choices=("id", "en"))
    parser.add_argument("--today", action="store_true", help="build the demo for the real date, not CLOCK_NOW")
    args = parser.parse_args()
    now = dt.datetime.now(dt.UTC).replace(microsecond=0) if args.today else CLOCK_NOW
    out: Path = args.out or (Path("screenshots") / "today" if args.today else Path("screenshots"))
    out.mkdir(parents=True, exist_ok=True)
    QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        os.environ["WIRAUSAHA_HOME"] = folder
        demo = Path(folder) / "demo.sqlite"
        build_demo_kiosk(demo, FixedClock(now))
        seed_access_log(demo, now)
        seed_mentor(demo, now)
        for language in (args.language,) if args.language else ("id", "en"):
            for size in SIZES:
                render(out, language, size, args.only, demo, Path(folder) / "fresh.sqlite", now)
    i18n.set_language("id")


if __name__ == "__main__":
    main()
