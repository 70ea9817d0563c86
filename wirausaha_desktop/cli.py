"""``wirausaha --data FILE COMMAND``: the kiosk operator's admin jobs. Calls services only.

Exit codes: 0 done; 1 refused (one line in Indonesian on stderr, nothing written); 2 wrong usage.
No file and no input ever ends in a traceback: SQLite's and the disk's errors become problems too.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from . import i18n, paths
from .domain.model import Actor, Profile
from .domain.money import format_rupiah, parse_amount
from .domain.problems import Problem, Refused
from .i18n import _
from .messages import describe
from .services.clock import SystemClock
from .services.kiosk import Kiosk, check_file
from .storage.database import problem_of

if TYPE_CHECKING:  # the figures' modules load with the commands that need them, not on `run`'s path
    from .domain.caseload import CaseloadRow
    from .domain.standing import Summary


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: {message}\n")


def _language_asked(argv: Sequence[str] | None) -> str:
    early = argparse.ArgumentParser(add_help=False)
    early.add_argument("--lang", default="id")
    known, _rest = early.parse_known_args(list(sys.argv[1:] if argv is None else argv))
    return str(known.lang) if known.lang in i18n.LANGUAGES else "id"  # the full parser says what is wrong


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="wirausaha", description=_("Wirausaha Desktop: buku usaha dan buku pribadi."))
    parser.add_argument("--data", type=Path, help=_("file kios (SQLite); bawaan: folder data pengguna"))
    parser.add_argument("--lang", choices=i18n.LANGUAGES, default="id", help=_("bahasa pesan (id, en)"))
    parser.add_argument("--selftest", action="store_true", help=_("uji semua halaman pada salinan file kios"))
    parser.add_argument("--time", action="store_true", help=_("dengan --selftest: waktu tiap langkah (JSON)"))
    parser.add_argument("--shots", type=Path, metavar="FOLDER", help=_("dengan --selftest: simpan gambar tiap halaman"))
    commands = parser.add_subparsers(dest="command", parser_class=_Parser)

    commands.add_parser("run", help=_("buka aplikasi (bawaan)"))
    profile = commands.add_parser("profile", help=_("profil penerima manfaat"))
    profile_commands = profile.add_subparsers(dest="profile_command", required=True, parser_class=_Parser)
    add = profile_commands.add_parser("add", help=_("buat profil; PIN dibaca satu baris dari stdin"))
    add.add_argument("name")
    add.add_argument("--business", default="", help=_("jenis usaha, misalnya 'Warung kopi'"))
    add.add_argument("--consent-on-paper", action="store_true", help=_("persetujuan sudah ditandatangani di kertas"))
    listing = profile_commands.add_parser("list", help=_("daftar profil"))
    listing.add_argument("--json", action="store_true")
    from . import cli_delete

    cli_delete.add_parser(profile_commands)

    mentor = commands.add_parser("mentor", help=_("pendamping"))
    mentor_commands = mentor.add_subparsers(dest="mentor_command", required=True, parser_class=_Parser)
    mentor_add = mentor_commands.add_parser("add", help=_("buat pendamping; PIN dibaca satu baris dari stdin"))
    mentor_add.add_argument("name")
    mentor_list = mentor_commands.add_parser("list", help=_("daftar pendamping dan profil yang didampingi"))
    mentor_list.add_argument("--json", action="store_true")
    mentor_unlock = mentor_commands.add_parser("unlock", help=_("buka kunci PIN pendamping (salah PIN terlalu sering)"))
    mentor_unlock.add_argument("name")
    mentor_pin = mentor_commands.add_parser("reset-pin", help=_("PIN baru untuk pendamping, dari stdin"))
    mentor_pin.add_argument("name")
    operator = commands.add_parser("operator", help=_("petugas kios"))
    operator_commands = operator.add_subparsers(dest="operator_command", required=True, parser_class=_Parser)
    operator_commands.add_parser("unlock", help=_("buka kunci PIN petugas (salah PIN terlalu sering)"))
    operator_commands.add_parser("reset-pin", help=_("PIN petugas baru (yang lama terlupa), dari stdin"))
    for verb, text in (
        ("assign", _("tugaskan pendamping untuk satu profil")),
        ("unassign", _("lepaskan pendamping dari satu profil")),
    ):
        assigning = commands.add_parser(verb, help=text)
        assigning.add_argument("--mentor", required=True)
        assigning.add_argument("--profile", required=True)

    caseload = commands.add_parser("caseload", help=_("daftar dampingan seorang pendamping, yang paling perlu dulu"))
    caseload.add_argument("--mentor", required=True)
    caseload.add_argument("--json", action="store_true")

    umk = commands.add_parser("umk", help=_("UMK (upah minimum) per bulan: tampilkan, atau atur dengan JUMLAH"))
    umk.add_argument("amount", nargs="?", metavar="JUMLAH", help=_("misalnya 2.500.000"))

    importing = commands.add_parser("import-csv", help=_("impor catatan dari CSV (semua atau tidak sama sekali)"))
    importing.add_argument("--profile", required=True)
    importing.add_argument("file", type=Path)
    exporting = commands.add_parser("export-csv", help=_("ekspor buku ke CSV"))
    exporting.add_argument("--profile", required=True)
    exporting.add_argument("--out", type=Path, help=_("file tujuan; bawaan: layar (stdout)"))
    summary = commands.add_parser("summary", help=_("ringkasan satu bulan"))
    summary.add_argument("--profile", required=True)
    summary.add_argument("--month", required=True, help="YYYY-MM")
    summary.add_argument("--json", action="store_true")
    demo = commands.add_parser("demo", help=_("buat kios contoh dengan 4 cerita, lalu buka"))
    demo.add_argument("--no-gui", action="store_true", help=_("hanya buat file kios contoh"))
    from . import cli_books

    cli_books.add_commands(commands)
    commands.add_parser("check", help=_("periksa keutuhan file kios (hanya membaca)"))
    backup = commands.add_parser("backup", help=_("buat cadangan sekarang (diperiksa setelah ditulis)"))
    backup.add_argument("--out", type=Path, help=_("file cadangan; bawaan: folder cadangan di samping file kios"))
    restore = commands.add_parser("restore", help=_("pulihkan file kios dari sebuah cadangan"))
    restore.add_argument("file", type=Path, help=_("file cadangan"))
    commands.add_parser("backups", help=_("daftar cadangan file kios ini"))
    from .cli_reports import add_parser as add_report_parser

    add_report_parser(commands)
    from . import cli_places

    cli_places.add_parser(commands)
    from . import cli_kiosk

    cli_kiosk.add_parser(commands)
    return parser


class _Fail(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.code)
        self.problem = problem


def plain_run(argv: Sequence[str]) -> argparse.Namespace | None:
    """The arguments of the kiosk's own start, ``[--data FILE] [--lang id|en] [run]``, read without
    building the 30-command parser (~12 ms of the start-up budget, issue 11 §7); None for anything
    else, which goes to the full parser. Gives what ``build_parser().parse_args`` would."""
    values: dict[str, str] = {}
    words, command = list(argv), None
    while words:
        word = words.pop(0)
        name, equals, value = word.partition("=")
        if name in ("--data", "--lang") and name[2:] not in values:
            if not equals:
                if not words or words[0].startswith("-"):
                    return None
                value = words.pop(0)
            if not value or (name == "--lang" and value not in i18n.LANGUAGES):
                return None
            values[name[2:]] = value
        elif word == "run" and command is None and not words:
            command = word
        else:
            return None
    data = Path(values["data"]) if "data" in values else None
    return argparse.Namespace(data=data, lang=values.get("lang", "id"), selftest=False, time=False, shots=None,
                              command=command)  # fmt: skip


def main(argv: Sequence[str] | None = None, stdin: TextIO | None = None, stdout: TextIO | None = None) -> int:
    """Run one command; the exit code is returned (argparse's own exits included), never raised."""
    words = list(sys.argv[1:] if argv is None else argv)
    args = plain_run(words)
    if args is None:
        i18n.set_language(_language_asked(words))  # before the parser, so that --help is translated too
        try:
            args = build_parser().parse_args(words)
        except SystemExit as exit_:  # wrong usage (2) or --help (0); argparse has already written why
            return exit_.code if isinstance(exit_.code, int) else 2
    i18n.set_language(args.lang)
    out, inp = stdout or sys.stdout, stdin or sys.stdin
    try:
        return _dispatch(args, inp, out)
    except Refused as refused:
        problem = refused.problem
    except _Fail as fail:
        problem = fail.problem
    except (sqlite3.Error, OSError) as error:  # the file or the disk failed mid-way: words, not a traceback
        problem = problem_of(error)
    print(" ".join(describe(problem).split()), file=sys.stderr)  # one line, whatever the cell held
    return 1


def _open(path: Path, create: bool = False) -> Kiosk:
    """The kiosk file; only ``profile add`` may create it, so that a typo in ``--data`` writes nothing.

    A file that is not a usable kiosk raises ``UnusableFile`` (a ``Refused``) with the reason."""
    if not create and not path.exists():
        raise _Fail(Problem.of("kiosk_missing", path=str(path)))
    return Kiosk.open(path, channel="cli")


def _dispatch(args: argparse.Namespace, inp: TextIO, out: TextIO) -> int:
    if args.selftest:  # every page offscreen on a copy of the kiosk file (issue 11 §5)
        from .gui import selftest

        return selftest.run(args.data, args.shots, args.time, out)
    command = args.command or "run"
    if command == "run":
        from .app import run

        return run(args.data or paths.default_data_file())
    if command == "demo":
        return _demo(args, out)
    path = args.data or paths.default_data_file()
    if command == "profile" and args.profile_command == "list" and not path.exists():
        return _profile_list([], args.json, out)  # no kiosk yet: nobody to list, and nothing created
    if command == "check":
        return _check(path, out)
    if command == "kiosk-run":  # the supervisor: it never opens the file itself, its app does
        from . import cli_kiosk

        return cli_kiosk.run_supervised(path)
    if command == "restore":
        return _restore(path, args.file, out)
    from . import cli_books

    deletes = command == "profile" and args.profile_command == "delete"  # never makes a kiosk to delete from
    creates = (command == "profile" and not deletes) or (command == "mentor" and args.mentor_command == "add")
    kiosk = _open(path, create=creates or cli_books.creates_kiosk(args))
    try:
        if command == "profile":
            return _profile(kiosk, args, inp, out)
        if command == "import-csv":
            return _import(kiosk, args, out)
        if command == "export-csv":
            return _export(kiosk, args, out)
        if command == "summary":
            return _summary(kiosk, args, out)
        if command in cli_books.COMMANDS:
            return cli_books.run(kiosk, args, out)
        if command == "mentor":
            return _mentor(kiosk, args, inp, out)
        if command == "operator":
            return _operator(kiosk, args, inp, out)
        if command == "caseload":
            return _caseload(kiosk, args, out)
        if command in ("assign", "unassign"):
            return _assignment(kiosk, args, out)
        if command == "umk":
            return _umk(kiosk, args.amount, out)
        if command == "backup":
            return _backup(kiosk, args.out, out)
        if command == "backups":
            return _list_backups(kiosk, out)
        if command == "report":
            from . import cli_reports

            return cli_reports.run(kiosk, args, out)
        if command == "kiosk-mode":
            from . import cli_kiosk

            return cli_kiosk.run_mode(kiosk, args, out)
        if command == "export-folder":
            from . import cli_places

            return cli_places.run(kiosk, args, out)
    finally:
        kiosk.close()
    raise AssertionError(command)


def _profile(kiosk: Kiosk, args: argparse.Namespace, inp: TextIO, out: TextIO) -> int:
    if args.profile_command == "list":
        return _profile_list(kiosk.profiles.list(), args.json, out)
    if args.profile_command == "delete":
        from . import cli_delete

        return cli_delete.run(kiosk, args, out)
    pin = inp.readline().strip()
    method = "paper" if args.consent_on_paper else None
    profile, _changes = kiosk.profiles.create(Actor.operator(), args.name, args.business, pin, method)
    print(_('Profil "{name}" dibuat.', name=profile.name), file=out)
    return 0


def _operator(kiosk: Kiosk, args: argparse.Namespace, inp: TextIO, out: TextIO) -> int:
    """A forgotten or locked operator PIN, from the command line (the app's screens need that PIN)."""
    if args.operator_command == "unlock":
        kiosk.profiles.reset_operator(Actor.operator())
        print(_("Kunci PIN petugas dibuka."), file=out)
    else:
        kiosk.profiles.reset_operator(Actor.operator(), inp.readline().strip())
        print(_("PIN petugas yang baru disimpan."), file=out)
    return 0


def _mentor(kiosk: Kiosk, args: argparse.Namespace, inp: TextIO, out: TextIO) -> int:
    if args.mentor_command in ("unlock", "reset-pin"):
        named = kiosk.mentors.find(args.name)
        if args.mentor_command == "unlock":
            kiosk.mentors.lift_lock(Actor.operator(), named.id)
            print(_("Kunci PIN {name} dibuka.", name=named.name), file=out)
        else:
            kiosk.mentors.reset_pin(Actor.operator(), named.id, inp.readline().strip())
            print(_("PIN baru untuk {name} disimpan.", name=named.name), file=out)
        return 0
    if args.mentor_command == "add":
        mentor, _changes = kiosk.mentors.create(Actor.operator(), args.name, inp.readline().strip())
        print(_('Pendamping "{name}" dibuat.', name=mentor.name), file=out)
        return 0
    names = {p.id: p.name for p in kiosk.profiles.list()}
    found = kiosk.mentors.list()
    if args.json:
        rows = [{"name": m.name, "profiles": sorted(names[i] for i in m.profiles if i in names)} for m in found]
        print(json.dumps(rows, ensure_ascii=False), file=out)
    else:
        for m in found:
            print(f"{m.name}\t{', '.join(sorted(names[i] for i in m.profiles if i in names))}", file=out)
    return 0


def _assignment(kiosk: Kiosk, args: argparse.Namespace, out: TextIO) -> int:
    mentor = kiosk.mentors.find(args.mentor)
    profile = kiosk.profiles.find(args.profile)
    if args.command == "assign":
        kiosk.mentors.assign(Actor.operator(), mentor.id, profile.id)
        print(_("{mentor} mendampingi {name}.", mentor=mentor.name, name=profile.name), file=out)
    else:
        kiosk.mentors.unassign(Actor.operator(), mentor.id, profile.id)
        print(_("{mentor} tidak lagi mendampingi {name}.", mentor=mentor.name, name=profile.name), file=out)
    return 0


def _caseload(kiosk: Kiosk, args: argparse.Namespace, out: TextIO) -> int:
    """The caseload as the mentor's screen orders it; the looks are logged as the operator's."""
    mentor = kiosk.mentors.find(args.mentor)
    rows = kiosk.caseload.rows(Actor.operator(), mentor.id)
    if args.json:
        print(json.dumps([caseload_json(row) for row in rows], ensure_ascii=False, indent=2), file=out)
        return 0
    for row in rows:
        lights = " ".join(f"{i.key}={i.status.value}" for i in row.summary.indicators)
        silent = "-" if row.days_silent is None else str(row.days_silent)
        print(f"{row.name}\t{row.business}\t{silent}\t{lights}\t{row.open_goals}", file=out)
    return 0


def caseload_json(row: CaseloadRow) -> dict[str, object]:
    """One beneficiary of ``caseload --json`` (the contract in docs/contracts.md)."""
    return {
        "name": row.name,
        "business": row.business,
        "days_silent": row.days_silent,
        "recorded_days": row.recorded_days,
        "open_days": row.open_days,
        "indicators": {i.key: i.status.value for i in row.summary.indicators},
        "trend": row.trend.value if row.trend else None,
        "open_goals": row.open_goals,
        "goals_met": row.goals_met,
        "goals_missed": row.goals_overdue,
        "next_session": row.next_session.isoformat() if row.next_session else None,
    }


def _umk(kiosk: Kiosk, text: str | None, out: TextIO) -> int:
    """The kiosk's UMK per month (the mentor's figures compare her pay with it); set by the operator."""
    from .services.mentor_figures import UMK_SETTING

    if text is not None:
        amount = parse_amount(text)
        if isinstance(amount, Problem):
            raise _Fail(amount)
        kiosk.settings.set(Actor.operator(), UMK_SETTING, str(amount))
    umk = kiosk.mentor_figures.umk()
    if umk is None:
        print(_("UMK belum diatur. Atur dengan: wirausaha umk JUMLAH"), file=out)
    else:
        print(_("UMK: {amount} per bulan", amount=format_rupiah(umk)), file=out)
    return 0


def _profile_list(found: list[Profile], as_json: bool, out: TextIO) -> int:
    if as_json:
        rows = [{"name": p.name, "business": p.business, "created_at": p.created_at} for p in found]
        print(json.dumps(rows, ensure_ascii=False), file=out)
    else:
        for p in found:
            print(f"{p.name}\t{p.business}", file=out)
    return 0


def _import(kiosk: Kiosk, args: argparse.Namespace, out: TextIO) -> int:
    """The file is streamed by the service (a million rows fit in bounded memory); progress goes to
    stderr for a file big enough to take a while (~12,000 rows and more), once per percent."""
    profile = kiosk.profiles.find(args.profile)
    shown: set[tuple[str, int]] = set()

    def progress(stage: str, done: int, total: int) -> None:
        percent = min(100, done * 100 // max(total, 1))
        if total < 500_000 or (stage, percent) in shown:
            return
        shown.add((stage, percent))
        word = _("Membaca") if stage == "read" else _("Menyimpan")
        print(f"{word}… {percent}%", file=sys.stderr, flush=True)

    result = kiosk.exchange.import_csv_file(Actor.operator(), profile.id, args.file, progress)
    print(_("{added} catatan diimpor, {skipped} sudah ada.", added=result.added, skipped=result.skipped), file=out)
    if result.added:
        _back_up_after_import(kiosk)
    return 0


def _back_up_after_import(kiosk: Kiosk) -> None:
    """A verified copy with the new rows; the import itself is done whatever happens here."""
    from .services.backup import BackupFailed

    try:
        kiosk.backups.run_due()
    except BackupFailed as failed:
        print(_("Peringatan: {problem}", problem=describe(failed.problem)), file=sys.stderr)


def _export(kiosk: Kiosk, args: argparse.Namespace, out: TextIO) -> int:
    profile = kiosk.profiles.find(args.profile)
    text = kiosk.exchange.export_csv(Actor.operator(), profile.id)
    if args.out is None:
        out.write(text)
        return 0
    partial = args.out.with_name(args.out.name + ".partial")
    try:
        partial.write_text(text, encoding="utf-8", newline="")  # the csv module's line ends, as they are
        partial.replace(args.out)
    except OSError as error:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        raise _Fail(Problem.of("file_unwritable", path=str(args.out))) from error
    return 0


def _summary(kiosk: Kiosk, args: argparse.Namespace, out: TextIO) -> int:
    from .domain.standing import Period

    period = Period.parse_month(args.month)
    if period is None:
        raise _Fail(Problem.of("month_malformed", text=args.month))
    profile = kiosk.profiles.find(args.profile)
    summary = kiosk.book.summary(Actor.operator(), profile.id, period)
    if args.json:
        print(json.dumps(summary.to_json(), ensure_ascii=False, indent=2), file=out)
    else:
        print(summary_text(summary), file=out)
    return 0


def summary_text(summary: Summary) -> str:
    b, p, d = summary.business, summary.personal, summary.days
    lines = [
        _("{name}, bulan {month}", name=summary.profile, month=summary.period.label),
        _(
            "Buku Usaha: awal {opening}, penjualan {sales}, biaya {operating}, untung {profit}, akhir {closing}",
            opening=format_rupiah(b.opening),
            sales=format_rupiah(b.sales),
            operating=format_rupiah(b.operating),
            profit=format_rupiah(b.profit),
            closing=format_rupiah(b.closing),
        ),
        _(
            "Ambil untuk pribadi {pay}, tambah modal {top_ups}",
            pay=format_rupiah(b.owner_pay),
            top_ups=format_rupiah(b.top_ups),
        ),
        _(
            "Buku Pribadi: awal {opening}, akhir {closing}",
            opening=format_rupiah(p.opening),
            closing=format_rupiah(p.closing),
        ),
        _(
            "Hari mencatat {recorded} dari {open} hari buka ({closed} hari tutup)",
            recorded=d.recorded,
            open=d.open,
            closed=d.closed,
        ),
    ]
    from .wording import indicator_sentence

    lines += [indicator_sentence(i, summary) for i in summary.indicators]
    return "\n".join(lines)


def _check(path: Path, out: TextIO) -> int:
    """Only reads: never creates, migrates or repairs the file."""
    problem = check_file(path)
    if problem is not None:
        raise _Fail(problem)
    print(_("File kios utuh."), file=out)
    return 0


def _backup(kiosk: Kiosk, target: Path | None, out: TextIO) -> int:
    from .services.backup import BackupFailed

    if target is not None and not target.parent.is_dir():  # a typo must not make folders on the PC
        raise _Fail(Problem.of("backup_folder_missing", path=str(target.parent)))
    try:
        written = (kiosk.backups.backup_to(target),) if target else kiosk.backups.run_due().written
    except BackupFailed as failed:
        raise _Fail(failed.problem) from failed
    for file in written[:1]:
        print(_("Cadangan dibuat dan diperiksa: {path}", path=str(file)), file=out)
    return 0


def _list_backups(kiosk: Kiosk, out: TextIO) -> int:
    copies = kiosk.backups.copies()
    if not copies:
        print(_("Belum ada cadangan untuk file kios ini."), file=out)
    for copy in copies:
        when = copy.taken_at.astimezone().strftime("%Y-%m-%d %H:%M")
        state = _("utuh") if copy.verified else _("RUSAK")
        entries = "?" if copy.entries is None else str(copy.entries)
        print(f"{when}\t{state}\t{_('{count} catatan', count=entries)}\t{copy.path}", file=out)
    return 0


def _restore(path: Path, source: Path, out: TextIO) -> int:
    """Refused while the app has the file open; the current file is kept aside first."""
    from .services.instance import InstanceLock
    from .services.restore import restore_file

    lock = InstanceLock.acquire(path)
    try:
        result = restore_file(path, source, SystemClock())
        Kiosk.open(path, channel="cli").close()  # an older copy is migrated (after its safety copy) now
    finally:
        lock.release()
    if result.kept_aside:
        words = _(
            "Dipulihkan dari {source}: {entries} catatan, {profiles} profil. File lama disimpan di {kept}.",
            source=str(source), entries=result.entries, profiles=result.profiles, kept=str(result.kept_aside[0]),
        )  # fmt: skip
    else:  # there was no kiosk file here (a new PC): nothing to keep aside
        words = _(
            "Dipulihkan dari {source}: {entries} catatan, {profiles} profil.",
            source=str(source), entries=result.entries, profiles=result.profiles,
        )  # fmt: skip
    print(words, file=out)
    return 0


def _demo(args: argparse.Namespace, out: TextIO) -> int:
    from .services.demo import DemoRefused, build_demo_kiosk

    path = args.data or paths.demo_data_file()
    if not args.no_gui:
        from .app import missing_screen

        if (why := missing_screen()) is not None:  # say so before building a kiosk nobody can see
            raise _Fail(Problem.of("no_screen", why=why))
    try:
        build_demo_kiosk(path)
    except DemoRefused as refused:
        raise _Fail(Problem.of("demo_refused", path=str(path))) from refused
    print(_("Kios contoh dibuat: {path}", path=str(path)), file=out)
    if args.no_gui:
        return 0
    from .app import run

    return run(path)
