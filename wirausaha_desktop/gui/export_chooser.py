"""The kiosk's own chooser for saving and opening files (issue 10 §4); the stock file dialog is gone.

It shows only the places of ``services.places``: the export folder the operator set and the
flashdisks plugged in now, as big buttons. Saving proposes a file name that can be edited only
as a name (no folder, no path: the name is checked as it is typed); opening lists the matching
files found there. Nothing else on the PC can be reached from here. A name that is already
there is replaced only after *Ya, ganti*. Where nothing can be saved, it says so in one sentence
with what to do.

``Choose`` is the one way in (tests replace its methods, as they do ``Ask``'s); ``save_file``
asks and then writes through ``PlacesService.write`` (temporary file, then rename).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ..domain.problems import Problem, Refused
from ..i18n import _
from ..messages import describe
from ..services.places import FoundFile, Place, PlaceKind, PlacesService, Target, name_problem, with_suffix
from . import fmt, theme
from .dialogs import Ask, KioskDialog, answer_button
from .widgets import name_widget, vertical_scroll

ROW_HEIGHT = 64
"""A place or a file to choose: well over the 48-px minimum."""


def place_icon(kind: PlaceKind) -> QIcon:
    """A folder for the export folder, a flashdisk for a drive (painted: no picture file needed)."""
    side = 64
    pixmap = QPixmap(side, side)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor(theme.INK), 3))
    if kind is PlaceKind.FOLDER:
        painter.setBrush(QColor("#f2c14e"))
        painter.drawRoundedRect(QRectF(6, 14, 24, 12), 3, 3)  # the tab
        painter.drawRoundedRect(QRectF(6, 20, 52, 34), 4, 4)
    else:
        painter.setBrush(QColor("#b9c2cc"))
        painter.drawRect(QRectF(24, 6, 16, 14))  # the plug
        painter.setBrush(QColor(theme.BUSINESS))
        painter.drawRoundedRect(QRectF(16, 18, 32, 40), 6, 6)
        painter.setPen(QPen(QColor("white"), 3))
        painter.drawLine(QPointF(26, 10), QPointF(26, 14))
        painter.drawLine(QPointF(38, 10), QPointF(38, 14))
    painter.end()
    return QIcon(pixmap)


def place_words(place: Place) -> str:
    """What a place is called on its button."""
    if place.kind is PlaceKind.FOLDER:
        return _("Folder ekspor kios: {name}", name=place.label)
    if not place.writable:
        return _("Flashdisk {name} (hanya bisa dibaca)", name=place.label)
    return _("Flashdisk {name}", name=place.label)


def size_words(size: int) -> str:
    if size < 1024:
        return _("{count} bita", count=size)
    if size < 1024 * 1024:
        return _("{count} KB", count=fmt.whole_number(max(1, size // 1024)))
    return _("{count} MB", count=fmt.whole_number(max(1, size // (1024 * 1024))))


def _choice_button(text: str, object_name: str, accessible: str, icon: QIcon | None) -> QPushButton:
    button = name_widget(QPushButton(text), object_name, accessible)
    button.setCheckable(True)
    button.setAutoDefault(False)
    button.setMinimumHeight(ROW_HEIGHT)
    button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    if icon is not None:
        button.setIcon(icon)
        button.setIconSize(QSize(40, 40))
    button.setStyleSheet(
        "QPushButton { font-size: 15pt; text-align: left; padding-left: 14px; }"
        f"QPushButton:checked {{ border: 3px solid {theme.MONEY_IN}; background: #e3f5ee; font-weight: bold; }}"
    )
    return button


class _Chooser(KioskDialog):
    """What both choosers share: a list of big rows to pick one from, *Cari flashdisk lagi*, an
    empty-list sentence, and *Batal* beside the button that does it."""

    def __init__(self, parent: QWidget | None, object_name: str, title: str, text: str, act: str) -> None:
        super().__init__(parent, object_name, title, text)
        self.group = QButtonGroup(self)
        self.rows: list[QPushButton] = []
        self._rows_box = QWidget()
        self._rows_layout = QVBoxLayout(self._rows_box)
        self._rows_layout.setContentsMargins(0, 0, 0, 0)
        self._rows_layout.setSpacing(8)
        self._rows_layout.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.list_area = vertical_scroll(self._rows_box, transparent=True)
        self.list_area.setObjectName(f"{object_name}List")
        self.empty = QLabel()
        self.empty.setObjectName("noPlaceMessage")
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet(f"font-size: 15pt; font-weight: bold; color: {theme.MONEY_OUT};")
        self.refresh_button = answer_button(_("Cari flashdisk lagi"), "placesRefresh",
                                            _("Cari lagi flashdisk yang baru dipasang"))  # fmt: skip
        self.refresh_button.clicked.connect(self._look_again)
        self.body.addWidget(self.list_area)
        self.body.addWidget(self.empty)
        self.buttons.insertWidget(0, self.refresh_button)  # left of the answers, not a row of its own
        self.cancel_button = self.add_button(answer_button(_("Batal"), "chooserCancel"))
        self.act_button = self.add_button(answer_button(act, "chooserAct", primary=True))
        self.cancel_button.clicked.connect(self.reject)
        self.act_button.clicked.connect(self._act)
        self.group.buttonClicked.connect(lambda _button: self._refresh())

    def _set_rows(self, rows: Iterable[tuple[str, str, QIcon | None, bool]], empty_text: str) -> None:
        """(text, accessible name, icon, enabled) per row; the first enabled one is chosen."""
        for row in self.rows:
            self.group.removeButton(row)
            row.hide()
            row.setParent(None)
            row.deleteLater()
        self.rows = []
        for index, (text, accessible, icon, enabled) in enumerate(rows):
            row = _choice_button(text, f"{self.objectName()}Row_{index}", accessible, icon)
            row.setEnabled(enabled)
            self.group.addButton(row, index)
            self._rows_layout.addWidget(row)
            self.rows.append(row)
        first = next((row for row in self.rows if row.isEnabled()), None)
        if first is not None:
            first.setChecked(True)
        self.empty.setText("" if self.rows else empty_text)
        self.empty.setVisible(not self.rows)
        self.list_area.setVisible(bool(self.rows))
        self._fit_list()
        self._refresh()

    def _fit_list(self) -> None:
        """The whole list when the screen has room for it, else as much as fits (it scrolls)."""
        wanted = len(self.rows) * (ROW_HEIGHT + 8) + 4
        self.list_area.setFixedHeight(wanted)
        self.column.activate()
        _max_width, max_height = self.available()
        over = self.column.totalSizeHint().height() - max_height
        if over > 0:
            self.list_area.setFixedHeight(max(ROW_HEIGHT + 8, wanted - over))

    def chosen(self) -> int | None:
        index = self.group.checkedId()
        return index if index >= 0 else None

    def reload(self) -> None:
        raise NotImplementedError

    def _look_again(self) -> None:
        """*Cari flashdisk lagi*: the places (and files) as they are now; the dialog fits them."""
        self.reload()
        self.fit(self.width())

    def _refresh(self) -> None:
        self.act_button.setEnabled(self.chosen() is not None)

    def _act(self) -> None:
        raise NotImplementedError


class SaveChooser(_Chooser):
    """``saveChooser``: where to save (export folder or a flashdisk) and under which name."""

    def __init__(self, parent: QWidget | None, places: PlacesService, proposed: str, suffix: str) -> None:
        super().__init__(
            parent,
            "saveChooser",
            _("Simpan file"),
            _("Pilih tempat menyimpan. File hanya bisa disimpan di folder ekspor kios atau di flashdisk."),
            _("Simpan"),
        )
        self._places = places
        self._suffix = suffix
        self._found: list[Place] = []
        self.target: Target | None = None
        self.name_label = QLabel(_("Nama file (tanpa folder)"))
        self.name_label.setStyleSheet("font-size: 14pt;")
        self.name = name_widget(QLineEdit(proposed), "fileNameInput", _("Nama file"))
        self.name.setMaxLength(120)
        self.name.setMinimumHeight(56)
        self.name.setStyleSheet("QLineEdit { font-size: 15pt; }")
        self.name_label.setBuddy(self.name)
        self.problem = QLabel()
        self.problem.setObjectName("fileNameProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(f"font-size: 14pt; font-weight: bold; color: {theme.MONEY_OUT};")
        self.problem.hide()
        self.body.addWidget(self.name_label)
        self.body.addWidget(self.name)
        self.body.addWidget(self.problem)
        self.act_button.setAccessibleName(_("Simpan file di tempat yang dipilih"))
        self.name.textEdited.connect(self._name_typed)
        self.name.returnPressed.connect(self._act)
        self.reload()
        self.fit(780)

    def reload(self) -> None:
        self._found = self._places.places()
        rows = [(place_words(p), place_words(p), place_icon(p.kind), p.writable) for p in self._found]
        self._set_rows(rows, _("Belum ada tempat menyimpan: pasang flashdisk, atau minta petugas kios mengatur "
                               "folder ekspor."))  # fmt: skip
        writable = any(place.writable for place in self._found)
        self.name_label.setVisible(writable)
        self.name.setVisible(writable)
        if not writable:
            self.problem.hide()

    def file_name(self) -> str:
        return with_suffix(self.name.text(), self._suffix)

    def _name_typed(self, _text: str) -> None:
        problem = name_problem(self.name.text().strip()) if self.name.text().strip() else None
        self._show_problem(problem)

    def _show_problem(self, problem: Problem | None) -> None:
        self.problem.setText(describe(problem) if problem else "")
        self.problem.setVisible(problem is not None)

    def _act(self) -> None:
        index = self.chosen()
        if index is None:
            return
        target = Target(self._found[index], self.file_name())
        problem = self._places.target_problem(target)
        if problem is not None:
            self._show_problem(problem)
            if problem.code == "place_gone":
                self.reload()
            return
        if self._places.exists(target):
            question = _('"{name}" sudah ada di {place}. Ganti file itu dengan yang baru?', name=target.name,
                         place=target.place.label)  # fmt: skip
            if not Ask.confirm(self, _("File sudah ada"), question, yes=_("Ya, ganti"), no=_("Tidak")):
                return
        self.target = target
        self.accept()


class OpenChooser(_Chooser):
    """``openChooser``: a file to open, from those found at the export folder and the flashdisks."""

    def __init__(self, parent: QWidget | None, places: PlacesService, suffixes: tuple[str, ...]) -> None:
        # CSV and PDF are said as letters; a word (".buku") is said as a word
        kinds = " ".join(s.lstrip(".").upper() if len(s) <= 4 else s.lstrip(".") for s in suffixes)
        super().__init__(
            parent,
            "openChooser",
            _("Buka file {kind}", kind=kinds),
            _("File {kind} di folder ekspor kios dan di flashdisk, yang terbaru di atas.", kind=kinds),
            _("Buka"),
        )
        self._places = places
        self._suffixes = suffixes
        self._kinds = kinds
        self._found: list[FoundFile] = []
        self.found: FoundFile | None = None
        self.act_button.setAccessibleName(_("Buka file yang dipilih"))
        self.reload()
        self.fit(820)

    def reload(self) -> None:
        self._found = self._places.files(self._suffixes)
        rows = []
        for file in self._found:
            when = fmt.date_time(dt.datetime.fromtimestamp(file.modified).astimezone())
            text = f"{file.shown}\n{file.place.label} · {when} · {size_words(file.size)}"
            rows.append((text, file.shown, None, True))
        if self._places.places():
            empty = _("Tidak ada file {kind} di folder ekspor kios atau di flashdisk. Pasang flashdisk yang berisi "
                      "file itu, atau tanya petugas kios.", kind=self._kinds)  # fmt: skip
        else:
            empty = _("Belum ada tempat membuka file: pasang flashdisk, atau minta petugas kios mengatur folder "
                      "ekspor.")  # fmt: skip
        self._set_rows(rows, empty)
        for row in self.rows:  # two lines: the name, then where and when
            row.setStyleSheet(row.styleSheet() + "QPushButton { font-size: 13pt; }")

    def _act(self) -> None:
        index = self.chosen()
        if index is None:
            return
        self.found = self._found[index]
        self.accept()


class Choose:
    """The chooser's questions; tests replace these methods (no modal loop in a test)."""

    @staticmethod
    def save_target(parent: QWidget, places: PlacesService, proposed: str, suffix: str) -> Target | None:
        """Where to save and under which name; None when she cancels (or there is nowhere)."""
        dialog = SaveChooser(parent, places, proposed, suffix)
        return dialog.target if dialog.exec() == QDialog.DialogCode.Accepted else None

    @staticmethod
    def file_to_open(parent: QWidget, places: PlacesService, suffixes: tuple[str, ...]) -> FoundFile | None:
        dialog = OpenChooser(parent, places, suffixes)
        return dialog.found if dialog.exec() == QDialog.DialogCode.Accepted else None


def save_file(
    parent: QWidget, places: PlacesService, proposed: str, suffix: str, produce: Callable[[Path], None]
) -> Target | Problem | None:
    """Ask where, then write (``produce`` writes at the temporary path it is given): the target
    written, the problem that stopped it (nothing carries the name then), or None if cancelled."""
    target = Choose.save_target(parent, places, proposed, suffix)
    if target is None:
        return None
    try:
        places.write(target, produce)
    except Refused as refused:
        return refused.problem
    return target


def saved_words(target: Target) -> str:
    """The confirmation line: which file, where."""
    return _("Tersimpan: {name} di {place}.", name=target.name, place=target.place.label)
