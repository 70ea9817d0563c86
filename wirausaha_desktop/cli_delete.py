"""``profile delete NAME --yes``: her book deleted on request (the operator's; ``services.deletion``).

Without ``--yes`` nothing is deleted: one sentence on stderr says what would go (her entries, her
coaching sessions, the backup copies that would be cleaned) and that it cannot be undone, and the
exit code is 1, like every refusal. Registered by ``cli.build_parser``, run by ``cli._profile``.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, TextIO

from .domain.model import Actor
from .i18n import _

if TYPE_CHECKING:
    from .services.deletion import DeletionPlan, DeletionResult
    from .services.kiosk import Kiosk


def add_parser(profile_commands: argparse._SubParsersAction) -> None:
    deleting = profile_commands.add_parser(
        "delete", help=_("hapus buku satu profil atas permintaannya (tidak bisa dibatalkan)")
    )
    deleting.add_argument("name")
    deleting.add_argument("--yes", action="store_true", help=_("ya, hapus: tanpa ini tidak ada yang dihapus"))


def plan_text(plan: DeletionPlan) -> str:
    return _(
        'Buku "{name}" akan dihapus: {entries} catatan, {sessions} sesi pendampingan, profilnya dan catatan siapa '
        "yang melihat bukunya; juga dari {copies} salinan cadangan di kios ini. Ini tidak bisa dibatalkan.",
        name=plan.profile.name,
        entries=plan.entries,
        sessions=plan.sessions,
        copies=plan.copies,
    )


def result_lines(result: DeletionResult) -> list[str]:
    lines = [
        _(
            'Buku "{name}" sudah dihapus: {entries} catatan, {sessions} sesi pendampingan. {copies} salinan cadangan '
            "dibersihkan.",
            name=result.name,
            entries=result.entries,
            sessions=result.sessions,
            copies=len(result.cleaned),
        )
    ]
    if result.left:
        lines.append(
            _(
                "Salinan ini tidak bisa dibersihkan dan masih memuat bukunya: {files}. Hapus file itu bila tidak "
                "diperlukan lagi.",
                files=", ".join(str(path) for path in result.left),
            )
        )
    if not result.file_folded:
        lines.append(
            _("Program lain masih membuka file kios; sisa bukunya di file -wal hilang setelah program itu ditutup.")
        )
    return lines


def run(kiosk: Kiosk, args: argparse.Namespace, out: TextIO) -> int:
    operator = Actor.operator()
    profile = kiosk.profiles.find(args.name)
    if not args.yes:
        plan = kiosk.deletion.plan(operator, profile.id)
        print(plan_text(plan) + " " + _("Tambahkan --yes untuk menghapus."), file=sys.stderr)
        return 1
    result = kiosk.deletion.delete(operator, profile.id)
    for line in result_lines(result):
        print(line, file=out)
    return 0
