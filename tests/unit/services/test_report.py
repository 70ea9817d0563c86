"""Who may make which report, what her access log says about it, and the command line's contract."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.unit.report.three_months import Book, make_book
from wirausaha_desktop import cli
from wirausaha_desktop.domain.model import AccessAction, Actor, Profile, Role
from wirausaha_desktop.domain.problems import Refused
from wirausaha_desktop.domain.repayment import Verdict
from wirausaha_desktop.domain.standing import Period
from wirausaha_desktop.services.clock import FixedClock
from wirausaha_desktop.services.kiosk import Kiosk
from wirausaha_desktop.services.report import ReportService

JULY = Period.month(2024, 7)


@pytest.fixture
def book(kiosk: Kiosk, sari: Profile, operator: Actor, clock: FixedClock) -> Book:
    return make_book(kiosk, sari, operator, clock)


@pytest.fixture
def reports(book: Book) -> ReportService:
    k = book.kiosk
    return ReportService(k.conn, k.clock, k.book, k.coaching, "cli")


def _report_lines(book: Book) -> list[tuple[Role, str, str]]:
    log = book.kiosk.access_log(book.owner, book.sari.id)
    return [(r.role, r.who, r.channel) for r in log if r.action is AccessAction.REPORT]


def test_a_report_by_someone_else_is_one_line_in_her_log_and_her_own_is_none(
    book: Book, reports: ReportService, operator: Actor
) -> None:
    reports.rapor(book.owner, book.sari.id, JULY)
    reports.statements(book.owner, book.sari.id, JULY)
    assert _report_lines(book) == []
    reports.rapor(operator, book.sari.id, JULY)
    reports.statements(book.wati, book.sari.id, JULY)
    reports.letter(book.wati, book.sari.id, JULY)
    assert sorted(_report_lines(book)) == sorted(
        [(Role.OPERATOR, "Petugas kios", "cli"), (Role.MENTOR, "Bu Wati", "cli"), (Role.MENTOR, "Bu Wati", "cli")]
    )


def test_a_mentor_not_assigned_to_her_gets_no_report(book: Book, reports: ReportService, operator: Actor) -> None:
    other, _ = book.kiosk.mentors.create(operator, "Bu Lina", "6666")
    lina = Actor(Role.MENTOR, other.id)
    for make in (reports.rapor, reports.statements, reports.letter):
        with pytest.raises(Refused) as refused:
            make(lina, book.sari.id, JULY)
        assert refused.value.problem.code == "not_allowed"
    assert _report_lines(book) == []


def test_the_letter_figure_follows_the_rule_from_the_months_own_summaries(
    book: Book, reports: ReportService, operator: Actor
) -> None:
    data = reports.letter(operator, book.sari.id, JULY)
    left = []
    for month in (5, 6, 7):
        b = book.kiosk.book.summary(operator, book.sari.id, Period.month(2024, month)).business
        left.append(b.profit - b.owner_pay - b.loan_repayments)
    assert left == [480_000, 260_000, 140_000]
    assert data.repayment.verdict is Verdict.SAFE
    assert data.repayment.amount == min(sum(left) * 3 // 10 // 3, min(left)) // 1000 * 1000 == 88_000
    assert data.mentor == "Bu Wati" and data.sessions == 2
    assert data.coached_since == dt.date(2024, 6, 1)


def test_the_letter_needs_a_mentor_who_is_hers_and_a_session(
    kiosk: Kiosk, sari: Profile, operator: Actor, clock: FixedClock
) -> None:
    reports = ReportService(kiosk.conn, kiosk.clock, kiosk.book, kiosk.coaching, "cli")

    def code(actor: Actor, mentor_id: str | None = None) -> str:
        with pytest.raises(Refused) as refused:
            reports.letter(actor, sari.id, JULY, mentor_id)
        return refused.value.problem.code

    assert code(operator) == "letter_no_mentor"
    assert code(Actor.beneficiary(sari.id)) == "letter_by_mentor"
    wati, _ = kiosk.mentors.create(operator, "Bu Wati", "5555")
    lina, _ = kiosk.mentors.create(operator, "Bu Lina", "6666")
    kiosk.mentors.assign(operator, wati.id, sari.id)
    assert code(operator, lina.id) == "letter_mentor_not_assigned"
    assert code(operator) == "letter_no_sessions"
    kiosk.mentors.assign(operator, lina.id, sari.id)
    assert code(operator) == "letter_choose_mentor"
    assert code(Actor(Role.MENTOR, wati.id), lina.id) == "not_allowed"  # she signs only her own letters


def test_a_month_that_has_not_begun_is_refused(book: Book, reports: ReportService, operator: Actor) -> None:
    with pytest.raises(Refused) as refused:
        reports.rapor(operator, book.sari.id, Period.month(2024, 8))
    assert refused.value.problem.code == "report_month_future"
    assert _report_lines(book) == []


def test_report_on_the_command_line_writes_the_pdf_and_refuses_in_one_line(
    book: Book, qtbot: QtBot, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    kiosk = book.kiosk
    assert kiosk.path is not None
    kiosk.close()
    data = str(kiosk.path)

    def run(*args: str) -> tuple[int, str, str]:
        code = cli.main(["--data", data, "report", "--profile", "Sari", *args])
        captured = capsys.readouterr()
        return code, captured.out.strip(), captured.err.strip()

    target = tmp_path / "rapor.pdf"
    assert run("--month", "2024-07", "--out", str(target)) == (0, f"Rapor Usaha dibuat: {target}", "")
    assert target.read_bytes().startswith(b"%PDF")
    letter = tmp_path / "surat.pdf"
    made = run("--month", "2024-07", "--out", str(letter), "--letter", "--mentor", "bu wati")  # names match loosely
    assert made == (0, f"Surat keterangan pendampingan dibuat: {letter}", "")
    assert letter.exists() and not Path(f"{letter}.partial").exists()
    refusals = {
        ("--month", "2024-13"): 'Bulan "2024-13" tidak bisa dibaca. Tulis seperti 2024-07.',
        ("--month", "2099-01"): "Bulan 2099-01 belum dimulai. Pilih bulan ini atau sebelumnya.",  # the real clock
        ("--month", "2024-07", "--mentor", "Bu Wati"): "--mentor hanya untuk surat keterangan pendampingan (--letter).",
        ("--month", "2024-07", "--letter", "--mentor", "Bu Lina"): 'Tidak ada pendamping bernama "Bu Lina".',
    }
    for args, sentence in refusals.items():
        missing = tmp_path / "tidak-ada.pdf"
        assert run(*args, "--out", str(missing)) == (1, "", sentence)
        assert not missing.exists()
    unwritable = tmp_path / "no-such-folder" / "rapor.pdf"
    assert run("--month", "2024-07", "--out", str(unwritable)) == (1, "", f"File {unwritable} tidak bisa ditulis.")
    assert cli.main(["--data", data, "report", "--profile", "Sari", "--month", "2024-07", "--out", "x.pdf",
                     "--statements", "--letter"]) == 2  # fmt: skip
