"""Qt's own words in the screen's language: the locale for the whole app and Qt's stock strings.

Qt ships no Indonesian catalog, so the few stock strings a kiosk can show (a text field's
long-press menu, a scroll bar's menu, a spin box's steps, standard dialog buttons) come from
``_()`` here: an app-own translator answers Qt, and Indonesian is never left to Qt's English.
The locale (``QLocale.setDefault``) follows ``i18n.set_language`` so that Qt's month and day
names, numbers and dates are Indonesian too.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from .. import i18n
from ..i18n import _
from . import fmt


def _words() -> dict[str, str]:
    """Qt's English source string → the screen's words (the same for every Qt context that uses it)."""
    return {
        # QLineEdit, QWidgetTextControl (a long press or right click in a text field)
        "&Undo": _("&Urungkan"),
        "&Redo": _("&Ulangi"),
        "Cu&t": _("&Potong"),
        "&Copy": _("&Salin"),
        "Copy &Link Location": _("Salin alamat &tautan"),
        "&Paste": _("&Tempel"),
        "Delete": _("Hapus"),
        "Select All": _("Pilih semua"),
        # QAbstractSpinBox
        "&Step up": _("&Naik satu"),
        "Step &down": _("&Turun satu"),
        # QScrollBar's menu
        "Scroll here": _("Gulir ke sini"),
        "Left edge": _("Ujung kiri"),
        "Top": _("Paling atas"),
        "Right edge": _("Ujung kanan"),
        "Bottom": _("Paling bawah"),
        "Page left": _("Satu halaman ke kiri"),
        "Page up": _("Satu halaman ke atas"),
        "Page right": _("Satu halaman ke kanan"),
        "Page down": _("Satu halaman ke bawah"),
        "Scroll left": _("Gulir ke kiri"),
        "Scroll up": _("Gulir ke atas"),
        "Scroll right": _("Gulir ke kanan"),
        "Scroll down": _("Gulir ke bawah"),
        # QPlatformTheme: the standard buttons of any dialog button box
        "OK": _("Baik"),
        "Save": _("Simpan"),
        "Open": _("Buka"),
        "&Yes": _("&Ya"),
        "&No": _("&Tidak"),
        "Abort": _("Hentikan"),
        "Retry": _("Coba lagi"),
        "Ignore": _("Abaikan"),
        "Close": _("Tutup"),
        "Cancel": _("Batal"),
        "Discard": _("Buang"),
        "Help": _("Bantuan"),
        "Apply": _("Terapkan"),
        "Reset": _("Atur ulang"),
    }


class QtWords(QTranslator):
    """Answers Qt's ``tr()`` calls from ``_words``; None lets Qt keep its own text (English mode)."""

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str | None:
        if i18n.language() == "en":
            return None
        return _words().get(source)

    def isEmpty(self) -> bool:
        return False


def set_locale(language: str) -> None:
    """Qt's default locale for ``language`` (Indonesian unless English is on)."""
    QLocale.setDefault(fmt.ENGLISH if language == "en" else fmt.INDONESIAN)


_installed: dict[str, QTranslator] = {}


def install(app: QCoreApplication) -> None:
    """The app-wide locale now and after every language change, and the translator (once)."""
    set_locale(i18n.language())
    i18n.on_language_change(set_locale)
    if "words" not in _installed:
        _installed["words"] = QtWords(app)
        app.installTranslator(_installed["words"])
