"""``book export|import`` and ``district-summary``: the commands that take books off this kiosk.

Registered by ``cli.build_parser`` and run by ``cli._dispatch`` on an open kiosk; the services do
the work. A refusal is a ``Refused`` that ``cli.main`` turns into one Indonesian line and exit 1,
except a name clash, which gets its own line naming the option that answers it (``--as``).
Services are imported inside the functions, so that the app's start (which passes through
``cli.main``) loads none of them.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from .domain.model import Actor
from .domain.problems import Problem, Refused
from .i18n import _

if TYPE_CHECKING:
    from .services.kiosk import Kiosk

COMMANDS = frozenset({"book", "district-summary"})


def add_commands(commands: argparse._SubParsersAction) -> None:
    book = commands.add_parser("book", help=_("pindahkan buku satu orang ke kios lain (file buku)"))
    book_commands = book.add_subparsers(dest="book_command", required=True, parser_class=type(book))
    exporting = book_commands.add_parser("export", help=_("salin seluruh buku satu profil ke satu file buku"))
    exporting.add_argument("--profile", required=True)
    exporting.add_argument("--out", type=Path, required=True, help=_("file buku yang dibuat"))
    importing = book_commands.add_parser(
        "import", help=_("masukkan file buku ke kios ini (digabung menurut id; semua atau tidak sama sekali)")
    )
    importing.add_argument("file", type=Path, help=_("file buku"))
    importing.add_argument(
        "--as",
        dest="as_name",
        metavar="NAMA",
        help=_("nama untuk profil ini di kios ini, bila namanya sudah dipakai profil lain"),
    )
    summary = commands.add_parser(
        "district-summary", help=_("ringkasan tanpa nama untuk kabupaten: satu bulan, angka kecil disembunyikan")
    )
    summary.add_argument("--month", required=True, help="YYYY-MM")
    summary.add_argument("--out", type=Path, help=_("file CSV tujuan; bawaan: layar (stdout)"))


def creates_kiosk(args: argparse.Namespace) -> bool:
    """``book import`` may create a missing kiosk file, as ``profile add`` may: it brings a profile."""
    return bool(args.command == "book" and args.book_command == "import")


def run(kiosk: Kiosk, args: argparse.Namespace, out: TextIO) -> int:
    if args.command == "district-summary":
        return _district_summary(kiosk, args, out)
    if args.book_command == "export":
        return _export(kiosk, args, out)
    return _import(kiosk, args, out)


def _export(kiosk: Kiosk, args: argparse.Namespace, out: TextIO) -> int:
    from .services.transfer import TransferService

    profile = kiosk.profiles.find(args.profile)
    result = TransferService.of(kiosk).export_book(Actor.operator(), profile.id, args.out)
    sessions = result.counts.get("coaching_sessions", 0)
    print(
        _(
            'Buku "{name}" disalin ke {path}: {records} catatan, {sessions} sesi pendampingan.',
            name=profile.name,
            path=str(args.out),
            records=result.records,
            sessions=sessions,
        ),
        file=out,
    )
    return 0


def _import(kiosk: Kiosk, args: argparse.Namespace, out: TextIO) -> int:
    from .services.transfer import TransferService

    try:
        result = TransferService.of(kiosk).import_book(Actor.operator(), args.file, args.as_name)
    except Refused as refused:
        if refused.problem.code != "book_name_clash":
            raise
        name = str(refused.problem.params.get("name", ""))
        print(
            _(
                'Kios ini sudah punya profil lain bernama "{name}". Jika orangnya berbeda, atau ia sudah punya'
                ' buku baru di sini, impor dengan nama lain: --as "NAMA". Tidak ada yang ditulis.',
                name=name,
            ),
            file=sys.stderr,
        )
        return 1
    if result.unchanged:
        print(_('Buku "{name}" sudah sama dengan di kios ini; tidak ada yang berubah.', name=result.name), file=out)
        return 0
    words = {
        "records": result.records,
        "voided": result.voided,
        "sessions": result.added.get("coaching_sessions", 0),
        "name": result.name,
    }
    if result.new_profile:
        line = _(
            'Buku "{name}" dimasukkan sebagai profil baru: {records} catatan, {sessions} sesi pendampingan.', **words
        )
    else:
        line = _(
            'Buku "{name}" digabung: {records} catatan baru, {voided} catatan dibatalkan,'
            " {sessions} sesi pendampingan baru.",
            **words,
        )
    print(line, file=out)
    if result.backup is not None:
        print(_("Cadangan sebelum impor: {path}", path=str(result.backup)), file=out)
    return 0


def _district_summary(kiosk: Kiosk, args: argparse.Namespace, out: TextIO) -> int:
    from .domain.district import ACTIVE
    from .domain.standing import Period
    from .services.district import DistrictService

    period = Period.parse_month(args.month)
    if period is None:
        raise Refused(Problem.of("month_malformed", text=args.month))
    service = DistrictService(kiosk.conn, kiosk.clock)
    if args.out is None:
        out.write(service.as_csv(service.rows(Actor.operator(), period)))
        return 0
    rows = service.write_csv(Actor.operator(), period, args.out)
    active = next(row.count for row in rows if row.measure == ACTIVE)
    if active is None:
        line = _(
            "Ringkasan kabupaten {month} ditulis ke {path}. Kurang dari 5 buku aktif: semua angka disembunyikan.",
            month=period.label,
            path=str(args.out),
        )
    else:
        line = _(
            "Ringkasan kabupaten {month} ditulis ke {path}: {active} buku aktif.",
            month=period.label,
            path=str(args.out),
            active=active,
        )
    print(line, file=out)
    return 0
