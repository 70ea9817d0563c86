"""``wirausaha kiosk-mode [on|off]`` and ``wirausaha kiosk-run``: the kiosk PC's own commands (issue 11 §6).

``kiosk-mode`` shows or switches the kiosk setting (``services.kiosk_mode``); it takes effect when
the app next starts. ``kiosk-run`` runs the app under the supervisor (``supervisor.py``), which
starts it again after a crash, with a back-off, and ends when the operator closes it.

Nothing is lost by a kill: every action is its own committed transaction in the WAL-journalled
file, and the lock that keeps a second app off the file is released by the operating system with
the dead process. The supervisor writes ``logs/kiosk-run.log`` beside the kiosk file (and stderr,
which systemd's journal keeps).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from .domain.model import Actor
from .i18n import _

if TYPE_CHECKING:
    from .services.kiosk import Kiosk

MODE = "kiosk-mode"
RUN = "kiosk-run"


def add_parser(commands: argparse._SubParsersAction[Any]) -> None:
    mode = commands.add_parser(
        MODE, help=_("mode kios (layar penuh, tutup hanya dengan PIN petugas): tampilkan, atau nyalakan/matikan")
    )
    mode.add_argument("state", nargs="?", choices=("on", "off"), help=_("on: nyalakan, off: matikan"))
    commands.add_parser(RUN, help=_("jalankan aplikasi, dan buka lagi bila berhenti tiba-tiba (untuk PC kios)"))


# -- kiosk-mode --------------------------------------------------------------------------------------
def run_mode(kiosk: Kiosk, args: argparse.Namespace, out: TextIO) -> int:
    from .services.kiosk_mode import KioskModeService

    mode = KioskModeService(kiosk.settings)
    if args.state is None:
        print(_("Mode kios: nyala.") if mode.is_on() else _("Mode kios: mati."), file=out)
        return 0
    mode.switch(Actor.operator(), args.state == "on")
    if args.state == "on":
        print(_("Mode kios dinyalakan. Saat aplikasi dibuka lagi, layarnya penuh dan aplikasi hanya bisa "
                "ditutup dengan PIN petugas."), file=out)  # fmt: skip
        if not kiosk.profiles.has_operator():
            print(_("Peringatan: kios ini belum punya PIN petugas, jadi aplikasinya tidak bisa ditutup dari "
                    "layar. Buat PIN lewat tombol Petugas kios di aplikasi."), file=sys.stderr)  # fmt: skip
    else:
        print(_("Mode kios dimatikan. Berlaku saat aplikasi dibuka lagi."), file=out)
    return 0


# -- kiosk-run ---------------------------------------------------------------------------------------
def run_supervised(data: Path) -> int:
    """``kiosk-run``: refused in words when no app can be shown or the file is already open."""
    from .app import missing_screen
    from .domain.problems import Problem, Refused
    from .services.instance import InstanceLock
    from .supervisor import GAVE_UP, LOG_NAME, Supervisor, app_command, supervisor_log

    if (why := missing_screen()) is not None:
        raise Refused(Problem.of("no_screen", why=why))
    InstanceLock.acquire(data).release()  # another app on this file: say so once, not five times
    supervisor = Supervisor(app_command(data), supervisor_log(data))
    with supervisor.handling_signals():
        code = supervisor.run()
    if code == GAVE_UP:
        print(_("Aplikasi berhenti berkali-kali segera setelah dibuka, jadi tidak dibuka lagi. Lihat "
                "{log} dan beri tahu petugas.", log=str(data.parent / "logs" / LOG_NAME)),
              file=sys.stderr)  # fmt: skip
    return code
