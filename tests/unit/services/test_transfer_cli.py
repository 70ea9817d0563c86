"""``book export|import`` and ``district-summary`` on the command line: exit codes and one-line refusals."""

from __future__ import annotations

import csv
import io
import sqlite3
from pathlib import Path

import pytest

from wirausaha_desktop import cli
from wirausaha_desktop.domain import district
from wirausaha_desktop.domain.model import Actor
from wirausaha_desktop.services.kiosk import Kiosk


class Cli:
    def __init__(self, capsys: pytest.CaptureFixture[str]) -> None:
        self._capsys = capsys
        self.err = ""

    def __call__(self, data: Path, *args: str, stdin: str = "") -> tuple[int, str]:
        out = io.StringIO()
        self._capsys.readouterr()
        code = cli.main(["--data", str(data), *args], stdin=io.StringIO(stdin), stdout=out)
        self.err = self._capsys.readouterr().err
        return code, out.getvalue()


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Cli:
    return Cli(capsys)


def one_line(err: str) -> str:
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


def _kiosk_with_sari(run: Cli, data: Path, name: str = "Sari") -> None:
    assert run(data, "profile", "add", name, "--business", "Warung kopi", "--consent-on-paper", stdin="1234\n")[0] == 0
    csv_file = data.parent / f"{name}.csv"
    csv_file.write_text(
        "tanggal,buku,jenis,kategori,jumlah\n"
        "2024-07-01,usaha,masuk,Penjualan,150000\n"
        "2024-07-01,usaha,keluar,Bahan baku,60000\n"
        "2024-07-02,usaha,pindah,Ambil untuk pribadi,25000\n",
        encoding="utf-8",
    )
    assert run(data, "import-csv", "--profile", name, str(csv_file))[0] == 0


def test_export_then_import_into_a_new_kiosk_and_again(run: Cli, tmp_path: Path) -> None:
    first, second = tmp_path / "satu" / "kiosk.sqlite", tmp_path / "dua" / "kiosk.sqlite"
    first.parent.mkdir()
    _kiosk_with_sari(run, first)
    book = tmp_path / "sari.wbuku"

    code, out = run(first, "book", "export", "--profile", " sari ", "--out", str(book))
    assert code == 0 and book.exists() and out.startswith('Buku "Sari" disalin ke ')
    assert "3 catatan" in out  # the move counts once

    code, out = run(second, "book", "import", str(book))  # a kiosk that does not exist yet is made
    assert code == 0, run.err
    assert out.splitlines()[0] == 'Buku "Sari" dimasukkan sebagai profil baru: 3 catatan, 0 sesi pendampingan.'
    assert out.splitlines()[1].startswith("Cadangan sebelum impor: ")

    code, out = run(second, "book", "import", str(book))
    assert (code, out) == (0, 'Buku "Sari" sudah sama dengan di kios ini; tidak ada yang berubah.\n')
    kiosk = Kiosk.open(second)
    try:
        sari = kiosk.profiles.find("Sari")
        assert kiosk.profiles.unlock(sari.id, "1234") == Actor.beneficiary(sari.id)
        assert kiosk.integrity_problems() == []
    finally:
        kiosk.close()


@pytest.mark.parametrize(
    ("make", "start"),
    [
        (lambda p, book: p.write_text("bukan file buku\n", encoding="utf-8"), "File "),
        (lambda p, book: _tamper(book, p), "File buku "),
    ],
    ids=["text file", "changed amount"],
)
def test_a_refused_import_is_one_line_exit_1_and_writes_nothing(run: Cli, tmp_path: Path, make, start: str) -> None:  # type: ignore[no-untyped-def]
    first, second = tmp_path / "kiosk.sqlite", tmp_path / "dua" / "kiosk.sqlite"
    _kiosk_with_sari(run, first)
    book = tmp_path / "sari.wbuku"
    assert run(first, "book", "export", "--profile", "Sari", "--out", str(book))[0] == 0
    second.parent.mkdir()
    assert run(second, "profile", "add", "Dewi", stdin="1111\n")[0] == 0
    before = second.read_bytes()
    target = tmp_path / "masuk.wbuku"
    make(target, book)

    code, out = run(second, "book", "import", str(target))

    assert (code, out) == (1, "")
    assert one_line(run.err).startswith(start) and "Tidak ada yang ditulis" in run.err
    assert second.read_bytes() == before
    assert not (second.parent / "backups").exists()


def _tamper(book: Path, target: Path) -> None:
    target.write_bytes(book.read_bytes())
    with sqlite3.connect(target) as conn:
        conn.execute("UPDATE entries SET amount = 1 WHERE id = (SELECT min(id) FROM entries)")


def test_the_kiosk_file_is_not_a_book_file(run: Cli, tmp_path: Path) -> None:
    data = tmp_path / "kiosk.sqlite"
    _kiosk_with_sari(run, data)
    code, _out = run(data, "book", "import", str(data))
    assert code == 1 and one_line(run.err).endswith(
        "adalah file kios, bukan file buku satu orang. Tidak ada yang ditulis."
    )


def test_a_name_clash_asks_for_another_name_and_as_answers_it(run: Cli, tmp_path: Path) -> None:
    first, second = tmp_path / "kiosk.sqlite", tmp_path / "dua" / "kiosk.sqlite"
    _kiosk_with_sari(run, first)
    book = tmp_path / "sari.wbuku"
    assert run(first, "book", "export", "--profile", "Sari", "--out", str(book))[0] == 0
    second.parent.mkdir()
    assert run(second, "profile", "add", "SARI", stdin="1111\n")[0] == 0

    code, _out = run(second, "book", "import", str(book))
    assert code == 1 and '--as "NAMA"' in one_line(run.err)

    code, out = run(second, "book", "import", str(book), "--as", "Sari Melati")
    assert code == 0 and out.startswith('Buku "Sari Melati" dimasukkan sebagai profil baru')
    code, out = run(second, "profile", "list")
    assert sorted(line.split("\t")[0] for line in out.splitlines()) == ["SARI", "Sari Melati"]


def test_export_refusals(run: Cli, tmp_path: Path) -> None:
    data = tmp_path / "kiosk.sqlite"
    _kiosk_with_sari(run, data)
    code, _ = run(data, "book", "export", "--profile", "Tidak Ada", "--out", str(tmp_path / "x.wbuku"))
    assert code == 1 and one_line(run.err) == 'Tidak ada profil bernama "Tidak Ada".'
    code, _ = run(data, "book", "export", "--profile", "Sari", "--out", str(tmp_path / "tidak" / "ada" / "x.wbuku"))
    assert code == 1 and one_line(run.err).endswith("tidak bisa ditulis.")
    code, _ = run(data, "book", "export", "--profile", "Sari")
    assert code == 2  # --out is required: wrong usage


def test_district_summary_writes_the_csv_and_says_how_many_books(run: Cli, tmp_path: Path) -> None:
    data = tmp_path / "kiosk.sqlite"
    for name in ("Sari", "Dewi", "Ani", "Rina", "Wati"):
        _kiosk_with_sari(run, data, name)
    out_file = tmp_path / "kabupaten-2024-07.csv"

    code, out = run(data, "district-summary", "--month", "2024-07", "--out", str(out_file))

    assert code == 0, run.err
    assert out == f"Ringkasan kabupaten 2024-07 ditulis ke {out_file}: 5 buku aktif.\n"
    rows = list(csv.DictReader(io.StringIO(out_file.read_text(encoding="utf-8"))))
    assert [r["ukuran"] for r in rows[:1]] == [district.ACTIVE] and len(rows) == 1 + 5 * 4 + 2
    text = out_file.read_text(encoding="utf-8")
    assert not any(name in text for name in ("Sari", "Dewi", "Ani", "Rina", "Wati"))


def test_district_summary_of_a_quiet_month_and_a_bad_month(run: Cli, tmp_path: Path) -> None:
    data = tmp_path / "kiosk.sqlite"
    _kiosk_with_sari(run, data)
    code, out = run(data, "district-summary", "--month", "2024-07")
    assert code == 0 and out.splitlines()[0] == ",".join(district.COLUMNS)
    assert all(line.endswith(district.SUPPRESSED_SMALL) for line in out.splitlines()[1:])
    code, _ = run(data, "district-summary", "--month", "Juli")
    assert code == 1 and one_line(run.err) == 'Bulan "Juli" tidak bisa dibaca. Tulis seperti 2024-07.'


def test_no_export_is_written_over_the_kiosk_file_or_its_copies(run: Cli, tmp_path: Path) -> None:
    data = tmp_path / "kiosk.sqlite"
    _kiosk_with_sari(run, data)
    assert run(data, "backup")[0] == 0
    copy = next((tmp_path / "backups" / "daily").glob("*.sqlite"))
    for target in (data, copy, tmp_path / "kiosk.sqlite-wal"):
        before = target.read_bytes() if target.exists() else None
        for args in (("book", "export", "--profile", "Sari"), ("district-summary", "--month", "2024-07")):
            code, _ = run(data, *args, "--out", str(target))
            assert code == 1 and one_line(run.err).endswith("tidak ditulis di atasnya. Pilih nama file lain.")
            assert (target.read_bytes() if target.exists() else None) == before
    kiosk = Kiosk.open(data)
    try:
        assert kiosk.integrity_problems() == [] and kiosk.profiles.find("Sari")
    finally:
        kiosk.close()
