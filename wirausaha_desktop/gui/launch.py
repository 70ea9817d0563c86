"""Starting Qt: the application object, style, crash dialog, and the window on an open kiosk."""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox

from .. import i18n
from ..i18n import _
from ..services.kiosk import Kiosk
from . import theme
from .window import KioskWindow

log = logging.getLogger("wirausaha")


def application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Wirausaha Desktop")
    theme.apply(app)
    return app


def build_window(kiosk: Kiosk) -> KioskWindow:
    application()
    i18n.set_language(kiosk.settings.get("language") or "id")
    window = KioskWindow(kiosk)
    window.resize(1366, 768)
    return window


def crash_dialog(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
    """A bug is logged with its traceback and shown; it is never swallowed silently."""
    log.error("unexpected error\n%s", "".join(traceback.format_exception(kind, error, tb)))
    if QApplication.instance() is not None:
        QMessageBox.critical(
            None,
            _("Maaf, ada kesalahan"),
            _("Maaf, aplikasi mengalami kesalahan. Catatan yang sudah tersimpan tetap aman.\n"
              "Beri tahu petugas kios. Keterangan untuk petugas: {error}", error=f"{kind.__name__}: {error}"),
        )  # fmt: skip


def run(open_kiosk: Callable[[], Kiosk]) -> int:
    """Show the window maximised and run the event loop; a file that cannot be used is explained."""
    app = application()
    sys.excepthook = crash_dialog
    try:
        kiosk = open_kiosk()
    except Exception as error:  # the composition root passes DatabaseError and OSError through
        log.error("cannot open the kiosk file: %s", error)
        QMessageBox.critical(
            None, _("File kios tidak bisa dibuka"), _("File kios tidak bisa dipakai: {detail}", detail=str(error))
        )
        return 1
    window = build_window(kiosk)
    window.showMaximized()
    code = int(app.exec())
    kiosk.close()
    return code
