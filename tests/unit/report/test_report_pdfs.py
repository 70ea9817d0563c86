"""Each report's PDF read back (pypdf): the right figures, the right words, the right number of pages.

The figures are the hand-computed ones of ``three_months``; the statements are also checked
against ``wirausaha summary --json`` of the same month, read from the command line's own output.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.unit.report.pdf_text import pages, title
from tests.unit.report.three_months import Book
from wirausaha_desktop import cli
from wirausaha_desktop.domain.goals import GoalKind
from wirausaha_desktop.domain.money import format_rupiah
from wirausaha_desktop.domain.standing import Period
from wirausaha_desktop.report import letter, rapor, statements
from wirausaha_desktop.services.coaching import GoalDraft
from wirausaha_desktop.services.report import ReportService

JULY = Period.month(2024, 7)


@pytest.fixture
def reports(three_months: Book, qtbot: QtBot) -> ReportService:
    """qtbot: the QApplication is pytest-qt's, so that reports and widget tests share one."""
    k = three_months.kiosk
    return ReportService(k.conn, k.clock, k.book, k.coaching, "app")


def test_the_rapor_holds_her_lights_her_mentor_and_both_books_on_two_pages(
    three_months: Book, reports: ReportService, tmp_path: Path
) -> None:
    target = tmp_path / "rapor.pdf"
    rapor.save(reports.rapor(three_months.wati, three_months.sari.id, JULY), target)
    first, second = pages(target)  # two A4 pages, no more
    assert "Rapor Usaha Sari · Warung kopi Juli 2024 (sampai 27 Juli)" in first
    assert "Rajin mencatat (merah) Ada catatan pada 12 dari 27 hari buka." in first
    assert "Usaha menutup biayanya (hijau) Dari setiap Rp10.000 yang keluar untuk usaha, kembali Rp22.900." in first
    assert "Tanpa tambah modal dari uang pribadi (hijau) Tidak ada tambah modal dari uang pribadi." in first
    assert "(hijau) Ambil untuk pribadi Rp300.000 dari untung Rp540.000." in first
    assert "Uang usaha Rp2.130.000 cukup untuk belanja sekitar 152 hari." in first  # 30 × 2.130.000 / 420.000
    assert "tidak pernah dipakai untuk memutuskan bantuan" in first
    assert "Pesan dari Bu Wati, 27 Juli 2024:" in first and "Hebat, Bu Sari! Terus catat ya." in first
    for words in ("Awal bulan Rp1.990.000", "Penjualan Rp960.000", "Biaya usaha Rp420.000", "Untung Rp540.000",
                  "Ambil untuk pribadi Rp300.000", "Tambah modal Rp0", "Cicilan pinjaman (pokok) Rp100.000",
                  "Akhir bulan Rp2.130.000"):  # fmt: skip
        assert words in first, words
    assert "Beli alat" not in first  # an empty optional line is left out
    for heading in (
        "Uang masuk vs uang keluar usaha",
        "Uang usaha dari hari ke hari",
        "Ambil untuk pribadi vs untung usaha",
    ):
        assert heading in second
    assert "Halaman 2 dari 2" in second and "Dibuat oleh pendamping Bu Wati, 27 Juli 2024" in second
    assert title(target) == "Rapor Usaha Sari Juli 2024"


def test_the_rapor_shows_the_goals_of_the_latest_session_with_what_her_data_shows(
    three_months: Book, reports: ReportService, tmp_path: Path
) -> None:
    k, sari, wati = three_months.kiosk, three_months.sari, three_months.wati
    due = k.clock.today()
    k.coaching.record_session(wati, sari.id, "", "", [GoalDraft(GoalKind.RECORD_DAYS, due, target=1)], None)
    target = tmp_path / "rapor.pdf"
    rapor.save(reports.rapor(wati, sari.id, JULY), target)
    first = pages(target)[0]
    assert "Target dari sesi 27 Juli 2024" in first
    assert "Catat 1 hari" in first
    assert "Pesan dari Bu Wati, 27 Juli 2024:" in first  # the latest session had none: the one before speaks


def test_the_statements_reconcile_with_the_summary_json_of_the_same_month(
    three_months: Book, reports: ReportService, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    k = three_months.kiosk
    assert k.path is not None
    target = tmp_path / "laporan.pdf"
    statements.save(reports.statements(three_months.owner, three_months.sari.id, JULY), target)
    income_and_position, notes = pages(target)
    assert "Laporan Laba Rugi Untuk bulan yang berakhir 31 Juli 2024" in income_and_position
    for words in ("Penjualan Rp960.000", "Jumlah pendapatan Rp960.000", "Kulakan / belanja dagangan Rp400.000",
                  "Bunga / biaya admin Rp20.000", "Jumlah beban Rp420.000", "Laba (rugi) usaha Rp540.000",
                  "Laba (rugi) bersih Rp540.000", "Kas usaha Rp1.990.000 Rp2.130.000",
                  "Peralatan (harga beli) Rp250.000 Rp250.000", "Jumlah aset Rp2.240.000 Rp2.380.000",
                  "Utang pinjaman Rp900.000 Rp800.000", "Modal awal Rp500.000 Rp500.000",
                  "Prive (Ambil untuk pribadi) -Rp600.000 -Rp900.000", "Saldo laba Rp1.440.000 Rp1.980.000",
                  "Jumlah ekuitas Rp1.340.000 Rp1.580.000",
                  "Jumlah liabilitas dan ekuitas Rp2.240.000 Rp2.380.000"):  # fmt: skip
        assert words in income_and_position, words
    assert "dasar kas" in notes and "SAK EMKM sendiri memakai dasar akrual" in notes
    assert "Bulan ini Rp300.000; sejak buku dimulai Rp900.000." in notes
    k.close()  # the command line opens the same file, as the operator would
    assert cli.main(["--data", str(k.path), "summary", "--profile", "Sari", "--month", "2024-07", "--json"]) == 0
    business = json.loads(capsys.readouterr().out)["business"]
    for field in ("sales", "operating", "profit", "other_in", "opening", "closing", "equipment", "loans_in",
                  "loan_repayments", "owner_pay", "top_ups", "start_capital", "grants"):  # fmt: skip
        assert f"business.{field} {format_rupiah(business[field])} ✓" in notes, field
    assert "✕" not in notes
    assert (
        "Semua angka di atas cocok dengan ringkasan bulan yang sama (wirausaha summary --month 2024-07 --json)."
        in notes
    )


def test_the_letter_states_the_coaching_three_months_the_checklist_and_the_safe_instalment_on_one_page(
    three_months: Book, reports: ReportService, tmp_path: Path
) -> None:
    target = tmp_path / "surat.pdf"
    letter.save(reports.letter(three_months.wati, three_months.sari.id, JULY), target)
    (page,) = pages(target)
    assert "SURAT KETERANGAN PENDAMPINGAN" in page
    assert "pendamping Bu Wati" in page and page.rstrip().count("Bu Wati") >= 2  # named, and under the signature
    assert "sejak 1 Juni 2024, dengan 2 sesi pendampingan (terakhir 27 Juli 2024)" in page
    assert "Mei 2024 Juni 2024 Juli 2024 Rata-rata" in page
    assert "Penjualan Rp1.200.000 Rp1.080.000 Rp960.000 Rp1.080.000" in page
    assert "Untung (rugi) Rp780.000 Rp660.000 Rp540.000 Rp660.000" in page
    assert "Ambil untuk pribadi Rp300.000 Rp300.000 Rp300.000 Rp300.000" in page
    assert "Sisa uang usaha Rp480.000 Rp260.000 Rp140.000 Rp293.333" in page
    assert "cicilan yang aman paling banyak Rp88.000 per bulan" in page
    assert "paling banyak 30 % dari rata-rata sisa tiga bulan, tidak lebih dari sisa bulan yang paling kecil" in page
    for document in ("e-KTP", "Kartu Keluarga (KK)", "NIB, atau Surat Keterangan Usaha", "Foto tempat usaha"):
        assert f"☐ {document}" in page
    assert "bukan janji pinjaman" in page


def test_a_month_with_too_few_records_says_the_instalment_cannot_be_worked_out(
    three_months: Book, reports: ReportService, tmp_path: Path
) -> None:
    target = tmp_path / "surat.pdf"
    letter.save(reports.letter(three_months.wati, three_months.sari.id, Period.month(2024, 6)), target)
    (page,) = pages(target)  # April has no entries at all
    assert "Kemampuan mencicil belum bisa dihitung: catatan bulan April 2024 kurang dari 10 hari." in page


def test_a_report_in_english_reads_english(three_months: Book, reports: ReportService, tmp_path: Path) -> None:
    from wirausaha_desktop import i18n

    i18n.set_language("en")
    target = tmp_path / "report.pdf"
    rapor.save(reports.rapor(three_months.owner, three_months.sari.id, JULY), target)
    first = pages(target)[0]
    assert "Business report card" in first and "July 2024" in first
    assert "Made by Sari, 27 July 2024" in pages(target)[1]
