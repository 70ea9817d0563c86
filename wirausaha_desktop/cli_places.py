"""``wirausaha export-folder [PATH | --clear]``: the folder where the kiosk may save files.

Reports, CSV files and chart pictures are written only there or on a flashdisk (issue 10 §4);
the kiosk's chooser shows nothing else. Without PATH the command shows the setting and the
flashdisks plugged in now; with PATH (an existing folder the app can write in) it sets it.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from .domain.model import Actor
from .i18n import _

if TYPE_CHECKING:
    from .services.kiosk import Kiosk

COMMAND = "export-folder"


def add_parser(commands: argparse._SubParsersAction[Any]) -> None:
    folder = commands.add_parser(
        COMMAND, help=_("folder ekspor kios (laporan, CSV, gambar): tampilkan, atau atur dengan FOLDER")
    )
    either = folder.add_mutually_exclusive_group()
    either.add_argument("path", nargs="?", type=Path, metavar="FOLDER", help=_("folder yang sudah ada"))
    either.add_argument("--clear", action="store_true", help=_("hapus pengaturan folder ekspor"))


def run(kiosk: Kiosk, args: argparse.Namespace, out: TextIO) -> int:
    from .services.places import PlaceKind, PlacesService

    places = PlacesService(kiosk.settings)
    if args.clear:
        places.set_export_folder(Actor.operator(), None)
    elif args.path is not None:
        places.set_export_folder(Actor.operator(), args.path)
    folder = places.export_folder()
    if folder is None:
        print(_("Folder ekspor belum diatur. Atur dengan: wirausaha export-folder FOLDER"), file=out)
    elif not folder.is_dir():
        print(_("Folder ekspor: {path} (sekarang tidak ada!)", path=str(folder)), file=out)
    else:
        print(_("Folder ekspor: {path}", path=str(folder)), file=out)
    for place in places.places():
        if place.kind is PlaceKind.DRIVE:
            print(_("Flashdisk terpasang: {name} ({path})", name=place.label, path=str(place.root)), file=out)
    return 0
