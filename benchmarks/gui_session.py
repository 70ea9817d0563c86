"""The real window in this process, on a private copy of the busy kiosk, unlocked as Sari."""

from __future__ import annotations

import time
from typing import Any

from . import data, qtprobe
from .common import copy_kiosk


def open_window(name: str) -> Any:
    """``app.create_window`` on a copy of the busy kiosk (20,000 entries), shown at 1366×768."""
    from wirausaha_desktop.app import create_window

    qtprobe.application()
    the_clock = data.clock()
    window = create_window(copy_kiosk(data.busy_kiosk(the_clock), f"{name}.sqlite"), the_clock)
    window.resize(1366, 768)
    window.show()
    qtprobe.settle(150)
    # The window runs the day's automatic backup on its own thread of events 5 s after it is built;
    # run it now so that it does not land inside a measurement (``backup_ms`` reports its cost).
    backups = getattr(window.kiosk, "backups", None)
    if backups is not None:
        start = time.perf_counter()
        backups.run_due()
        BACKUP_MS.append((time.perf_counter() - start) * 1000)
    return window


BACKUP_MS: list[float] = []


def to_pin_page(window: Any) -> None:
    window.show_picker()
    qtprobe.settle(30)
    window.picker.picker.card_for("Sari").click()
    window.pin.pin_input.setText(data.PIN)
    qtprobe.settle(30)


def unlock(window: Any) -> None:
    to_pin_page(window)
    window.pin.unlock_button.click()
    qtprobe.settle(100)
    assert window.book.profile is not None, "the book did not open"


def close(window: Any) -> None:
    window.close()
    window.kiosk.close()
    window.deleteLater()
    qtprobe.settle(50)
