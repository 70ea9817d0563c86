"""Restoring a backup while the app runs (the operator's *Pulihkan dari cadangan*): the list of
copies, the question, the kiosk file closed while it is replaced, then every page built afresh.

The window owns one ``RestoreFlow``; ``busy`` is true while the file is being replaced (the
window neither closes nor locks then: the restore returns to the picker itself).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..domain.problems import Problem
from ..i18n import _
from .dialogs import Ask

if TYPE_CHECKING:
    from ..services.backup import BackupCopy
    from ..services.restore import RestoreResult
    from .recovery_page import RecoveryPage
    from .window import KioskWindow


class RestoreFlow:
    def __init__(self, window: KioskWindow) -> None:
        self._window = window
        self.busy = False
        self.page: RecoveryPage | None = None

    def show(self, problem: Problem | None = None) -> RecoveryPage:
        """The list of copies, made fresh each time (the copies change)."""
        from .recovery_page import RecoveryPage

        window = self._window
        if self.page is not None:
            window.stack.removeWidget(self.page)
            self.page.deleteLater()
        page = self.page = RecoveryPage(None, _("Kembali"))
        page.back_requested.connect(window.show_operator_page)
        page.restore_chosen.connect(self._chosen)
        page.restored.connect(self._restored)
        page.restore_failed.connect(self._failed)
        window.stack.addWidget(page)
        page.load(window.kiosk.backups.copies)
        if problem is not None:
            page.show_problem(problem)
        window.stack.setCurrentWidget(page)
        return page

    def forget_page(self) -> None:
        """The window rebuilt its pages (after a restore): the old list went with them."""
        self.page = None

    def _chosen(self, copy: BackupCopy) -> None:
        from . import fmt

        window, page = self._window, self.page
        if window.operator is None or page is None or window.kiosk.path is None:
            window.show_picker()
            return
        question = _("Pulihkan cadangan dari {when}?\nCatatan yang dibuat sesudah itu tidak ada di cadangan ini. "
                     "File kios yang sekarang disimpan dulu, tidak dihapus.",
                     when=fmt.date_time(copy.taken_at))  # fmt: skip
        if not Ask.confirm(window, _("Pulihkan cadangan"), question, yes=_("Ya, pulihkan"), no=_("Tidak")):
            return
        self.busy = True
        path, clock = window.kiosk.path, window.kiosk.clock
        window.let_go_of_the_file()  # nothing may hold the file while it is replaced
        page.restore(path, copy, clock)

    def _restored(self, result: RestoreResult) -> None:
        from .recovery_page import restored_text

        window = self._window
        if window.reopen():
            window.show_picker()
            Ask.inform(window, _("Dipulihkan"), restored_text(result))

    def _failed(self, problem: Problem) -> None:
        window = self._window
        operator = window.operator
        if window.reopen():  # the file is as it was: open it again and say why
            window.operator = operator
            self.show(problem)
