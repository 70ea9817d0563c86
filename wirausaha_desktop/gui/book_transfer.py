"""*Pindahkan buku* on the operator's screen (issue 10 §6): her whole book to a book file through
the kiosk's chooser, and a book file from a flashdisk or the export folder into this kiosk.

The work is ``services.transfer``'s (checksummed file, merge by id, all or nothing, a safety copy
first); here the operator is asked what it will do before anything is written, and, when another
profile here already has her name, whether to bring the book in under another name (a book is
never merged into another profile).
"""

from __future__ import annotations

import errno
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QWidget

from ..domain.model import Actor, Profile
from ..domain.problems import Problem, Refused
from ..i18n import _
from ..services.changes import Changes
from ..services.kiosk import Kiosk
from ..services.places import PlacesService, proposed_name
from .dialogs import Ask
from .export_chooser import Choose, saved_words
from .operations import OperationBus

BOOK_SUFFIX = ".buku"
"""What a book file saved from the kiosk's screen is called (the command line takes any name)."""
Progress = Callable[[str, int, int], None]
Say = Callable[[str, bool], None]


def free_name(taken: set[str], name: str) -> str:
    """``name 2``, ``name 3``…: the first that no profile here has (compared ignoring case)."""
    number = 2
    while f"{name} {number}".casefold() in taken:
        number += 1
    return f"{name} {number}"


def export_book(
    parent: QWidget, kiosk: Kiosk, operations: OperationBus, places: PlacesService, operator: Actor,
    profile: Profile, progress: Progress, say: Say,
) -> None:  # fmt: skip
    from ..services.transfer import TransferService

    proposed = proposed_name(profile.name, "pindah", kiosk.clock.today().isoformat(), suffix=BOOK_SUFFIX)
    target = Choose.save_target(parent, places, proposed, BOOK_SUFFIX)
    if target is None:
        return
    service = TransferService.of(kiosk)

    def produce(path: Path) -> None:
        try:
            service.export_book(operator, profile.id, path, lambda done, total: progress("write", done, total))
        except Refused as refused:
            if refused.problem.code != "file_unwritable":
                raise
            raise OSError(errno.EIO, "book file not written") from refused  # worded for the place

    if operations.query(lambda: places.write(target, produce), lambda problem: say(_describe(problem), True)):
        say(_("Buku {name} siap dibawa ke kios lain. {saved}", name=profile.name, saved=saved_words(target)), False)


def import_book(
    parent: QWidget, kiosk: Kiosk, operations: OperationBus, places: PlacesService, operator: Actor,
    progress: Progress, say: Say,
) -> bool:  # fmt: skip
    """True when the kiosk changed (a new profile or new rows)."""
    from ..services.transfer import ImportResult, TransferService

    found = Choose.file_to_open(parent, places, (BOOK_SUFFIX,))
    if found is None:
        return False
    refused = lambda problem: say(_describe(problem), True)  # noqa: E731
    path = operations.query(lambda: places.readable(found), refused)
    if path is None:
        return False
    service = TransferService.of(kiosk)
    preview = operations.query(lambda: service.preview(operator, path), refused)
    if preview is None:
        return False
    records = preview.counts.get("entries", 0)
    rename: str | None = None
    if preview.state == "clash":
        rename = free_name({p.name.casefold() for p in kiosk.profiles.list()}, preview.name)
        question = _('Kios ini sudah punya profil lain bernama "{name}". Buku dari file ini tidak digabung ke profil '
                     'itu, orangnya sama atau tidak. Masukkan sebagai profil baru bernama "{new}"?',
                     name=preview.name, new=rename)  # fmt: skip
        yes = _("Ya, masukkan sebagai {new}", new=rename)
    elif preview.state == "known":
        question = _("Gabungkan file {file} ke buku {name} di kios ini? Catatan yang sudah ada tidak berubah.",
                     file=found.shown, name=preview.name)  # fmt: skip
        yes = _("Ya, gabungkan")
    else:
        question = _("Masukkan buku {name} ({business}) dari {file} ke kios ini? Isinya {count} catatan.",
                     name=preview.name, business=preview.business or "-", file=found.shown, count=records)  # fmt: skip
        yes = _("Ya, masukkan")
    if not Ask.confirm(parent, _("Masukkan file buku"), question, yes=yes, no=_("Tidak")):
        return False
    results: list[ImportResult] = []

    def run() -> Changes:
        result = service.import_book(operator, path, rename, lambda done, total: progress("write", done, total))
        results.append(result)
        return result.changes

    if operations.run(run, refused) is None:
        return False
    result = results[0]
    sessions = result.added.get("coaching_sessions", 0)
    if result.unchanged:
        say(_('Buku "{name}" sudah sama dengan di kios ini; tidak ada yang berubah.', name=result.name), False)
    elif result.new_profile:
        say(_('Buku "{name}" dimasukkan sebagai profil baru: {records} catatan, {sessions} sesi pendampingan.',
              name=result.name, records=result.records, sessions=sessions), False)  # fmt: skip
    else:
        say(_('Buku "{name}" digabung: {records} catatan baru, {voided} catatan dibatalkan,'
              " {sessions} sesi pendampingan baru.", name=result.name, records=result.records, voided=result.voided,
              sessions=sessions), False)  # fmt: skip
    return True


def _describe(problem: Problem) -> str:
    from ..messages import describe

    return describe(problem)
