"""``wirausaha report --profile NAME --month YYYY-MM --out FILE.pdf [--statements | --letter [--mentor NAME]]``.

The operator's command line makes the report as a logged look at her book (like ``summary``).
Refusals are one Indonesian line and exit 1 (``cli.main`` words them); nothing is written then.
Qt is loaded only here, and only when a report is asked for.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, TextIO

from .domain.model import Actor
from .domain.problems import Problem, Refused
from .i18n import _

if TYPE_CHECKING:
    from .services.kiosk import Kiosk
    from .services.report import ReportService


def add_parser(commands: argparse._SubParsersAction) -> None:
    report = commands.add_parser(
        "report", help=_("laporan PDF satu bulan: Rapor Usaha (bawaan), laporan keuangan, surat")
    )
    report.add_argument("--profile", required=True)
    report.add_argument("--month", required=True, help="YYYY-MM")
    report.add_argument("--out", required=True, help=_("file PDF tujuan"))
    kind = report.add_mutually_exclusive_group()
    kind.add_argument("--statements", action="store_true", help=_("laporan keuangan SAK EMKM (untuk pendamping)"))
    kind.add_argument("--letter", action="store_true", help=_("surat keterangan pendampingan untuk KUR"))
    report.add_argument("--mentor", help=_("pendamping yang menandatangani surat (bila lebih dari satu)"))


def service(kiosk: Kiosk) -> ReportService:
    from .services.report import ReportService

    return ReportService(kiosk.conn, kiosk.clock, kiosk.book, kiosk.coaching, kiosk.channel)


def run(kiosk: Kiosk, args: argparse.Namespace, out: TextIO) -> int:
    from pathlib import Path

    from .domain.standing import Period  # the figures load with the command, not on `run`'s path

    period = Period.parse_month(args.month)
    if period is None:
        raise Refused(Problem.of("month_malformed", text=args.month))
    profile = kiosk.profiles.find(args.profile)
    reports, actor, target = service(kiosk), Actor.operator(), Path(args.out)
    if args.mentor and not args.letter:
        raise Refused(Problem.of("report_mentor_only_letter"))
    if args.letter:
        from .report import letter

        mentor_id = kiosk.mentors.find(args.mentor).id if args.mentor else None
        letter.save(reports.letter(actor, profile.id, period, mentor_id), target)
        print(_("Surat keterangan pendampingan dibuat: {path}", path=str(target)), file=out)
    elif args.statements:
        from .report import statements

        statements.save(reports.statements(actor, profile.id, period), target)
        print(_("Laporan keuangan dibuat: {path}", path=str(target)), file=out)
    else:
        from .report import rapor

        rapor.save(reports.rapor(actor, profile.id, period), target)
        print(_("Rapor Usaha dibuat: {path}", path=str(target)), file=out)
    return 0
