"""``wirausaha --data FILE COMMAND``: exit 0 when done, 1 with one Indonesian line on bad input, 2 on wrong usage."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import count_rows
from wirausaha_desktop import cli
from wirausaha_desktop.domain.model import Actor
from wirausaha_desktop.domain.standing import INDICATOR_KEYS
from wirausaha_desktop.services.kiosk import Kiosk

MONTH_CSV = Path(__file__).resolve().parents[1] / "fixtures" / "sari-2024-07.csv"
ROOT = Path(__file__).resolve().parents[2]
MONTH_HINT = " tidak bisa dibaca. Tulis seperti 2024-07."


class Cli:
    """Runs ``main`` on one kiosk file, as the shell would; stderr is left to capsys."""

    def __init__(self, data: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.data = data
        self._capsys = capsys
        self.err = ""

    def __call__(self, *args: str, stdin: str = "") -> tuple[int, str]:
        out = io.StringIO()
        self._capsys.readouterr()
        code = cli.main(["--data", str(self.data), *args], stdin=io.StringIO(stdin), stdout=out)
        self.err = self._capsys.readouterr().err
        return code, out.getvalue()

    def add(self, name: str = "Sari", business: str = "Warung kopi", pin: str = "1234") -> None:
        assert self("profile", "add", name, "--business", business, stdin=pin + "\n")[0] == 0

    def entries(self) -> int:
        kiosk = Kiosk.open(self.data)
        try:
            return count_rows(kiosk, "entries")
        finally:
            kiosk.close()


@pytest.fixture
def run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Cli:
    return Cli(tmp_path / "kiosk.sqlite", capsys)


def one_line(err: str) -> str:
    lines = err.splitlines()
    assert len(lines) == 1, err
    return lines[0]


# -- profiles ---------------------------------------------------------------------------------------


def test_profile_add_reads_the_pin_from_stdin_and_list_shows_it(run: Cli) -> None:
    code, out = run("profile", "add", "Sari", "--business", "Warung kopi", stdin="2468\nignored\n")
    assert (code, out, run.err) == (0, 'Profil "Sari" dibuat.\n', "")
    run.add("Rina", "Jajanan pasar", "1357")
    code, out = run("profile", "list", "--json")
    assert code == 0
    listed = json.loads(out)
    assert [(p["name"], p["business"]) for p in listed] == [("Rina", "Jajanan pasar"), ("Sari", "Warung kopi")]
    assert run("profile", "list") == (0, "Rina\tJajanan pasar\nSari\tWarung kopi\n")
    kiosk = Kiosk.open(run.data)
    try:
        sari = kiosk.profiles.find("sari")
        assert kiosk.profiles.unlock(sari.id, "2468") == Actor.beneficiary(sari.id)
        assert sari.consent_at is None
    finally:
        kiosk.close()


def test_consent_on_paper_is_recorded(run: Cli) -> None:
    assert run("profile", "add", "Dewi", "--consent-on-paper", stdin="1234")[0] == 0
    kiosk = Kiosk.open(run.data)
    try:
        dewi = kiosk.profiles.find("Dewi")
        assert dewi.consent_method == "paper" and dewi.consent_at is not None and dewi.business == ""
    finally:
        kiosk.close()


@pytest.mark.parametrize(
    ("name", "pin", "message"),
    [
        ("Rina", "", "PIN harus 4 sampai 6 angka."),
        ("Rina", "12a4", "PIN harus 4 sampai 6 angka."),
        (" ", "1234", "Nama panggilan belum diisi."),
        ("SARI", "1234", 'Nama "SARI" sudah dipakai. Pilih nama lain.'),
    ],
)
def test_a_bad_profile_is_refused_in_one_line_and_nothing_is_written(
    run: Cli, name: str, pin: str, message: str
) -> None:
    run.add()
    assert run("profile", "add", name, stdin=pin) == (1, "")
    assert one_line(run.err) == message
    assert json.loads(run("profile", "list", "--json")[1])[0]["name"] == "Sari"
    assert len(json.loads(run("profile", "list", "--json")[1])) == 1


def test_listing_a_kiosk_that_does_not_exist_lists_nobody_and_creates_nothing(run: Cli) -> None:
    assert run("profile", "list", "--json") == (0, "[]\n")
    assert run("profile", "list") == (0, "")
    assert not run.data.exists()


# -- CSV ----------------------------------------------------------------------------------------------


def test_import_then_import_again_adds_nothing(run: Cli) -> None:
    run.add()
    assert run("import-csv", "--profile", "sari", str(MONTH_CSV)) == (0, "23 catatan diimpor, 0 sudah ada.\n")
    assert run.err == ""  # a small file shows no progress
    assert run("import-csv", "--profile", "Sari", str(MONTH_CSV)) == (0, "0 catatan diimpor, 23 sudah ada.\n")
    assert run.entries() == 23 + 3  # 3 of the 23 rows are moves: two entries each


@pytest.mark.parametrize(
    ("row", "where"),
    [
        ("2024-07-02;usaha;masuk;Penjualan;lima puluh;", "baris 3, kolom jumlah:"),
        ("2024-07-02;usaha;masuk;Gaji / upah keluarga;5000;", "baris 3, kolom kategori:"),
        ("2024-02-30;usaha;masuk;Penjualan;5000;", "baris 3, kolom tanggal:"),
        ("2024-07-02;toko;masuk;Penjualan;5000;", "baris 3, kolom buku:"),
    ],
)
def test_a_bad_row_exits_1_names_line_and_column_and_writes_nothing(
    run: Cli, tmp_path: Path, row: str, where: str
) -> None:
    run.add()
    file = tmp_path / "bad.csv"
    file.write_text(f"tanggal;buku;jenis;kategori;jumlah;catatan\n2024-07-01;usaha;masuk;Penjualan;5000;\n{row}\n")
    assert run("import-csv", "--profile", "Sari", str(file)) == (1, "")
    assert one_line(run.err).startswith(where)
    assert run.entries() == 0


def test_a_file_that_is_not_utf8_is_refused_clearly(run: Cli, tmp_path: Path) -> None:
    run.add()
    file = tmp_path / "excel.csv"
    file.write_bytes(
        "tanggal;buku;jenis;kategori;jumlah;catatan\n2024-07-01;usaha;masuk;Penjualan;5000;café\n".encode("cp1252")
    )
    assert run("import-csv", "--profile", "Sari", str(file)) == (1, "")
    assert one_line(run.err) == "File bukan teks UTF-8. Simpan ulang sebagai CSV UTF-8."
    file.write_bytes(
        "tanggal;buku;jenis;kategori;jumlah;catatan\n2024-07-01;usaha;masuk;Penjualan;5000;é\n".encode("utf-16")
    )
    assert run("import-csv", "--profile", "Sari", str(file))[0] == 1
    assert run.entries() == 0


def test_a_byte_order_mark_and_windows_line_ends_are_accepted(run: Cli, tmp_path: Path) -> None:
    run.add()
    file = tmp_path / "excel.csv"
    text = MONTH_CSV.read_text("utf-8").replace("\n", "\r\n")
    file.write_bytes("\ufeff".encode() + text.encode("utf-8"))
    assert run("import-csv", "--profile", "Sari", str(file)) == (0, "23 catatan diimpor, 0 sudah ada.\n")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["import-csv", "--profile", "Nobody", str(MONTH_CSV)], 'Tidak ada profil bernama "Nobody".'),
        (["import-csv", "--profile", "Sari", "/no/such/file.csv"], "File /no/such/file.csv tidak bisa dibuka."),
        (["export-csv", "--profile", "Nobody"], 'Tidak ada profil bernama "Nobody".'),
        (["summary", "--profile", "Nobody", "--month", "2024-07"], 'Tidak ada profil bernama "Nobody".'),
        (["summary", "--profile", "Sari", "--month", "2024-13"], 'Bulan "2024-13"' + MONTH_HINT),
        (["summary", "--profile", "Sari", "--month", "Juli"], 'Bulan "Juli"' + MONTH_HINT),
        (["export-csv", "--profile", "Sari", "--out", "/no/dir/sari.csv"], "File /no/dir/sari.csv tidak bisa ditulis."),
    ],
)  # fmt: skip
def test_bad_input_exits_1_with_one_indonesian_line(run: Cli, args: list[str], message: str) -> None:
    run.add()
    assert run(*args) == (1, "")
    assert one_line(run.err) == message


def test_export_to_stdout_or_a_file_and_into_another_kiosk(run: Cli, tmp_path: Path) -> None:
    run.add()
    run("import-csv", "--profile", "Sari", str(MONTH_CSV))
    code, text = run("export-csv", "--profile", "Sari")
    assert code == 0 and text.splitlines()[0] == "id,tanggal,buku,jenis,kategori,jumlah,catatan"
    assert len(text.splitlines()) == 1 + 23
    out = tmp_path / "sari.csv"
    assert run("export-csv", "--profile", "Sari", "--out", str(out)) == (0, "")
    assert out.read_bytes() == text.encode("utf-8")
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("sari")) == ["sari.csv"]
    assert run("import-csv", "--profile", "Sari", str(out)) == (0, "0 catatan diimpor, 23 sudah ada.\n")

    other = Cli(tmp_path / "other.sqlite", run._capsys)
    other.add()
    assert other("import-csv", "--profile", "Sari", str(out)) == (0, "23 catatan diimpor, 0 sudah ada.\n")
    for month in ("2024-06", "2024-07"):
        assert other("summary", "--profile", "Sari", "--month", month, "--json") == run(
            "summary", "--profile", "Sari", "--month", month, "--json"
        )
    assert other("export-csv", "--profile", "Sari") == (0, text)


def test_line_breaks_inside_a_quoted_note_survive_export_and_import_through_files(run: Cli, tmp_path: Path) -> None:
    run.add()
    source = tmp_path / "notes.csv"
    source.write_bytes(
        b'tanggal,buku,jenis,kategori,jumlah,catatan\r\n2024-07-01,usaha,masuk,Penjualan,5000,"pagi\r\nsore"\r\n'
    )
    assert run("import-csv", "--profile", "Sari", str(source))[0] == 0
    out = tmp_path / "sari.csv"
    run("export-csv", "--profile", "Sari", "--out", str(out))
    assert out.read_bytes().endswith(b',"pagi\r\nsore"\n')
    other = Cli(tmp_path / "other.sqlite", run._capsys)
    other.add()
    other("import-csv", "--profile", "Sari", str(out))
    assert other("export-csv", "--profile", "Sari") == run("export-csv", "--profile", "Sari")


def test_a_large_file_reports_progress_on_stderr(run: Cli, tmp_path: Path) -> None:
    run.add()
    file = tmp_path / "big.csv"
    rows = [f"2023-{1 + i % 12:02d}-{1 + i % 28:02d},usaha,masuk,Penjualan,{1000 + i}," for i in range(25_000)]
    file.write_text("tanggal,buku,jenis,kategori,jumlah,catatan\n" + "\n".join(rows) + "\n")
    assert run("import-csv", "--profile", "Sari", str(file)) == (0, "25000 catatan diimpor, 0 sudah ada.\n")
    lines = run.err.splitlines()
    reading = [int(line.removeprefix("Membaca… ").rstrip("%")) for line in lines if line.startswith("Membaca")]
    assert len(reading) >= 4 and reading == sorted(reading) and reading[-1] <= 100
    assert lines[-1] == "Menyimpan… 100%"


# -- the monthly summary ------------------------------------------------------------------------------


def test_summary_json_follows_the_contract(run: Cli) -> None:
    run.add()
    run("import-csv", "--profile", "Sari", str(MONTH_CSV))
    code, out = run("summary", "--profile", "Sari", "--month", "2024-07", "--json")
    assert code == 0 and run.err == ""
    summary = json.loads(out)
    assert set(summary) == {"profile", "month", "business", "personal", "days", "indicators"}
    assert (summary["profile"], summary["month"]) == ("Sari", "2024-07")
    assert set(summary["business"]) == {
        "opening", "sales", "grants", "loans_in", "other_in", "operating", "equipment", "loan_repayments",
        "owner_pay", "top_ups", "start_capital", "profit", "closing",
    }  # fmt: skip
    assert set(summary["personal"]) == {
        "opening", "income", "aid", "spending", "saving", "from_business", "to_business", "closing"
    }  # fmt: skip
    assert all(type(v) is int for part in ("business", "personal", "days") for v in summary[part].values())
    # the month is over (the CLI runs on today's date): every day of July counts, 13 of them recorded
    assert summary["days"] == {"recorded": 13, "open": 31, "closed": 0}
    assert summary["business"]["profit"] == 250_000 and summary["business"]["closing"] == 470_000
    assert summary["personal"]["to_business"] == 520_000 and summary["personal"]["closing"] == 400_000
    assert set(summary["indicators"]) == set(INDICATOR_KEYS)
    assert summary["indicators"]["no_top_ups"] == {"status": "yellow", "value": 20_000}
    assert summary["indicators"]["recording"] == {"status": "red", "value": round(13 / 31, 4)}


def test_summary_of_an_empty_month_has_nulls_only_where_a_formula_divides_by_zero(run: Cli) -> None:
    run.add()
    summary = json.loads(run("summary", "--profile", "Sari", "--month", "2024-07", "--json")[1])
    indicators = summary["indicators"]
    assert indicators["recording"] == {"status": "red", "value": 0.0}
    assert indicators["covers_costs"] == {"status": "grey", "value": None}
    assert indicators["no_top_ups"] == {"status": "grey", "value": 0}
    assert indicators["cash_runway"] == {"status": "grey", "value": None}


def test_summary_in_words(run: Cli) -> None:
    run.add()
    run("import-csv", "--profile", "Sari", str(MONTH_CSV))
    code, out = run("summary", "--profile", "Sari", "--month", "2024-07")
    lines = out.splitlines()
    assert code == 0 and lines[0] == "Sari, bulan 2024-07"
    assert "untung Rp250.000" in lines[1] and "akhir Rp470.000" in lines[1]
    assert len(lines) == 5 + len(INDICATOR_KEYS)


def test_messages_follow_the_language_option(run: Cli) -> None:
    run.add()
    assert run("--lang", "en", "summary", "--profile", "Nobody", "--month", "2024-07")[0] == 1
    assert "Nobody" in one_line(run.err) and "Tidak ada" not in run.err


# -- the kiosk file -----------------------------------------------------------------------------------


def test_check_says_whether_the_file_is_whole(run: Cli) -> None:
    run.add()
    assert run("check") == (0, "File kios utuh.\n")


@pytest.mark.parametrize(
    "args",
    [
        ["check"],
        ["import-csv", "--profile", "Sari", str(MONTH_CSV)],
        ["export-csv", "--profile", "Sari"],
        ["summary", "--profile", "Sari", "--month", "2024-07"],
    ],
)
def test_a_missing_kiosk_file_is_named_and_not_created(run: Cli, args: list[str]) -> None:
    assert run(*args) == (1, "")
    assert one_line(run.err) == f"File kios {run.data} belum ada."
    assert not run.data.exists()


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (b"this is a shopping list, not a kiosk\n" * 200, "bukan file kios"),
        (b"SQLite format 3\x00" + b"\x00" * 200, "rusak"),
        (b"", "kosong"),
    ],
)
def test_a_file_that_is_not_a_kiosk_is_refused_untouched(run: Cli, content: bytes, says: str) -> None:
    run.data.write_bytes(content)
    for args in (
        ["check"],
        ["profile", "add", "Sari"],
        ["profile", "list"],
        ["export-csv", "--profile", "Sari"],
        ["summary", "--profile", "Sari", "--month", "2024-07"],
        ["import-csv", "--profile", "Sari", str(MONTH_CSV)],
        ["backup"],
    ):
        assert run(*args, stdin="1234")[0] == 1, args
        assert str(run.data) in one_line(run.err) and says in run.err
        assert "Traceback" not in run.err
    assert run.data.read_bytes() == content
    assert sorted(p.name for p in run.data.parent.iterdir()) == ["kiosk.sqlite"]


def test_a_kiosk_that_is_a_directory_is_refused(run: Cli) -> None:
    run.data.mkdir()
    assert run("profile", "add", "Sari", stdin="1234")[0] == 1
    assert one_line(run.err) == f"{run.data} adalah folder, bukan file kios."


def test_a_garbage_page_in_a_real_kiosk_is_noticed_by_every_command(run: Cli) -> None:
    """It used to open, list the profiles, and crash later; check and export printed tracebacks."""
    run.add()
    assert run("import-csv", "--profile", "Sari", str(MONTH_CSV))[0] == 0
    data = bytearray(run.data.read_bytes())
    middle = (len(data) // 4096 // 2) * 4096
    data[middle : middle + 4096] = b"\x5a" * 4096
    run.data.write_bytes(bytes(data))
    for args in (
        ["check"],
        ["export-csv", "--profile", "Sari"],
        ["summary", "--profile", "Sari", "--month", "2024-07"],
    ):
        assert run(*args)[0] == 1
        assert one_line(run.err) == (
            f"File kios {run.data} rusak. Tidak ditulis apa pun; petugas bisa memulihkan dari cadangan."
        )
    assert run.data.read_bytes() == bytes(data)


def test_backup_and_restore_from_the_command_line(run: Cli, tmp_path: Path) -> None:
    run.add()
    assert run("import-csv", "--profile", "Sari", str(MONTH_CSV))[0] == 0
    usb = tmp_path / "usb" / "cadangan.sqlite"
    usb.parent.mkdir()  # the flashdisk is there (a folder that is not is refused: see below)
    code, out = run("backup", "--out", str(usb))
    assert (code, out) == (0, f"Cadangan dibuat dan diperiksa: {usb}\n")
    code, out = run("backup")
    assert code == 0 and "backups/daily/kiosk-" in out
    assert run("import-csv", "--profile", "Sari", str(MONTH_CSV))[0] == 0
    run.data.write_bytes(b"rusak")
    code, out = run("restore", str(usb))
    assert code == 0 and out.startswith(f"Dipulihkan dari {usb}: 23 catatan, 1 profil. File lama disimpan di ")
    assert run("check") == (0, "File kios utuh.\n")
    kept = out.rsplit(" ", 1)[1].rstrip(".\n")
    assert Path(kept).read_bytes() == b"rusak"
    listed = run("backups")[1].splitlines()
    assert all(("\tRUSAK\t" if "sebelum-pulih" in line else "\tutuh\t") in line for line in listed)


def test_restore_is_refused_while_the_app_has_the_file_open(run: Cli, tmp_path: Path) -> None:
    from wirausaha_desktop.services.instance import InstanceLock

    run.add()
    usb = tmp_path / "cadangan.sqlite"
    assert run("backup", "--out", str(usb))[0] == 0
    before = run.data.read_bytes()
    app = InstanceLock.acquire(run.data)
    try:
        assert run("restore", str(usb)) == (1, "")
        assert one_line(run.err).startswith("Aplikasi sudah terbuka untuk file kios ini.")
    finally:
        app.release()
    assert run.data.read_bytes() == before


def test_a_bad_backup_file_is_refused_in_one_line(run: Cli, tmp_path: Path) -> None:
    run.add()
    bad = tmp_path / "bad.sqlite"
    bad.write_text("bukan cadangan")
    assert run("restore", str(bad))[0] == 1
    assert "tidak bisa dipakai untuk memulihkan" in one_line(run.err)
    assert run("restore", str(tmp_path / "none.sqlite"))[0] == 1
    assert one_line(run.err) == f"File cadangan {tmp_path / 'none.sqlite'} tidak ada."


def test_a_summary_or_export_from_the_command_line_is_in_her_access_log(run: Cli) -> None:
    run.add()
    assert run("summary", "--profile", "Sari", "--month", "2024-07")[0] == 0
    assert run("export-csv", "--profile", "Sari")[0] == 0
    kiosk = Kiosk.open(run.data)
    try:
        sari = kiosk.profiles.find("Sari")
        log = kiosk.access_log(Actor.beneficiary(sari.id), sari.id)
    finally:
        kiosk.close()
    assert sorted((r.action.value, r.channel, r.who) for r in log) == [
        ("export_csv", "cli", "Petugas kios"),
        ("summary", "cli", "Petugas kios"),
    ]


def test_a_busy_file_is_waited_for_then_named(run: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    import sqlite3

    from wirausaha_desktop.services import kiosk as kiosk_module

    run.add()
    monkeypatch.setattr(kiosk_module, "CLI_BUSY_MS", 200)
    other = sqlite3.connect(run.data, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another instance in the middle of a long import
    try:
        assert run("import-csv", "--profile", "Sari", str(MONTH_CSV)) == (1, "")
        assert one_line(run.err).startswith("File kios sedang dipakai pekerjaan lain")
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert run.entries() == 0


# -- usage --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["bogus"],
        ["profile"],
        ["profile", "add"],
        ["import-csv", str(MONTH_CSV)],
        ["export-csv"],
        ["summary", "--profile", "Sari"],
        ["summary", "--profile", "Sari", "--month", "2024-07", "--pdf"],
        ["--lang", "fr", "check"],
    ],
)
def test_wrong_usage_exits_2_and_shows_the_usage(run: Cli, args: list[str]) -> None:
    assert run(*args) == (2, "")
    assert run.err.startswith("usage: wirausaha")
    assert not run.data.exists()


def test_help_exits_0(run: Cli, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--help"]) == 0
    assert "import-csv" in capsys.readouterr().out


# -- the demo -----------------------------------------------------------------------------------------


def test_demo_without_gui_builds_the_demo_kiosk_and_never_overwrites_a_real_one(run: Cli, tmp_path: Path) -> None:
    demo = tmp_path / "demo.sqlite"
    out = io.StringIO()
    assert cli.main(["--data", str(demo), "demo", "--no-gui"], stdout=out) == 0
    assert out.getvalue() == f"Kios contoh dibuat: {demo}\n"
    names = [p["name"] for p in json.loads(Cli(demo, run._capsys)("profile", "list", "--json")[1])]
    assert sorted(names) == ["Ani", "Dewi", "Rina", "Sari"]
    assert cli.main(["--data", str(demo), "demo", "--no-gui"], stdout=io.StringIO()) == 0  # a demo is rebuilt

    run.add()
    before = run.data.read_bytes()
    assert run("demo", "--no-gui") == (1, "")
    assert (
        one_line(run.err) == f"File {run.data} sudah ada dan bukan kios contoh: kios contoh tidak ditulis di atasnya."
    )
    assert run.data.read_bytes() == before


def test_demo_without_data_goes_to_its_own_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("WIRAUSAHA_HOME", str(tmp_path))
    assert cli.main(["demo", "--no-gui"], stdout=io.StringIO()) == 0
    assert (tmp_path / "demo-kiosk.sqlite").exists() and not (tmp_path / "kiosk.sqlite").exists()


# -- as a program -------------------------------------------------------------------------------------


def wirausaha(home: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "WIRAUSAHA_HOME": str(home), "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "wirausaha_desktop", *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=ROOT,
        timeout=120,
        check=False,
    )


def test_the_program_exits_0_1_and_2(tmp_path: Path) -> None:
    made = wirausaha(tmp_path, "profile", "add", "Sari", "--business", "Warung kopi", stdin="1234\n")
    assert (made.returncode, made.stdout, made.stderr) == (0, 'Profil "Sari" dibuat.\n', "")
    assert (tmp_path / "kiosk.sqlite").exists()  # WIRAUSAHA_HOME holds the default kiosk file
    listed = wirausaha(tmp_path, "profile", "list", "--json")
    assert listed.returncode == 0 and json.loads(listed.stdout)[0]["name"] == "Sari"
    imported = wirausaha(tmp_path, "import-csv", "--profile", "Sari", str(MONTH_CSV))
    assert (imported.returncode, imported.stdout) == (0, "23 catatan diimpor, 0 sudah ada.\n")
    summary = wirausaha(tmp_path, "summary", "--profile", "Sari", "--month", "2024-07", "--json")
    assert summary.returncode == 0 and json.loads(summary.stdout)["business"]["sales"] == 600_000

    bad = wirausaha(tmp_path, "summary", "--profile", "Nobody", "--month", "2024-07")
    assert (bad.returncode, bad.stdout, bad.stderr) == (1, "", 'Tidak ada profil bernama "Nobody".\n')
    wrong = wirausaha(tmp_path, "summary", "--month")
    assert wrong.returncode == 2 and wrong.stdout == "" and "usage: wirausaha" in wrong.stderr


def test_the_program_checks_a_kiosk_file(tmp_path: Path) -> None:
    data = tmp_path / "elsewhere" / "kiosk.sqlite"
    assert wirausaha(tmp_path, "--data", str(data), "check").returncode == 1
    assert wirausaha(tmp_path, "--data", str(data), "profile", "add", "Ani", stdin="4444").returncode == 0
    checked = wirausaha(tmp_path, "--data", str(data), "check")
    assert (checked.returncode, checked.stdout) == (0, "File kios utuh.\n")


def test_mentors_and_assignments_from_the_command_line(run: Cli) -> None:
    run.add()
    run.add("Rina", "Jajan pasar", "2222")
    assert run("mentor", "add", "Bu Wati", stdin="5555\n") == (0, 'Pendamping "Bu Wati" dibuat.\n')
    assert run("mentor", "add", "Bu Wati", stdin="5555\n")[0] == 1
    assert one_line(run.err) == 'Sudah ada pendamping bernama "Bu Wati". Pilih nama lain.'
    assert run("assign", "--mentor", "bu wati", "--profile", "Sari") == (0, "Bu Wati mendampingi Sari.\n")
    code, out = run("mentor", "list", "--json")
    assert code == 0 and json.loads(out) == [{"name": "Bu Wati", "profiles": ["Sari"]}]
    assert run("assign", "--mentor", "Bu Siti", "--profile", "Sari")[0] == 1
    assert one_line(run.err) == 'Tidak ada pendamping bernama "Bu Siti".'
    assert run("unassign", "--mentor", "Bu Wati", "--profile", "Rina")[0] == 1
    assert one_line(run.err) == "Pendamping ini tidak mendampingi profil itu."
    assert run("unassign", "--mentor", "Bu Wati", "--profile", "Sari") == (0, "Bu Wati tidak lagi mendampingi Sari.\n")


def test_caseload_json_in_the_default_order_with_only_assigned_books(run: Cli) -> None:
    run.add()
    run.add("Rina", "Jajan pasar", "2222")
    run.add("Ani", "Pulsa", "4444")
    assert run("import-csv", "--profile", "Sari", str(MONTH_CSV))[0] == 0
    assert run("mentor", "add", "Bu Wati", stdin="5555\n")[0] == 0
    for name in ("Sari", "Ani"):
        assert run("assign", "--mentor", "Bu Wati", "--profile", name)[0] == 0
    code, out = run("caseload", "--mentor", "Bu Wati", "--json")
    assert code == 0, run.err
    rows = json.loads(out)
    assert [r["name"] for r in rows] == ["Ani", "Sari"]  # never recorded anything: longest silence first
    assert rows[0]["days_silent"] is None and rows[0]["next_session"] is None and rows[0]["open_goals"] == 0
    assert set(rows[1]["indicators"]) == set(INDICATOR_KEYS)
    assert isinstance(rows[1]["days_silent"], int)
    assert run("caseload", "--mentor", "Bu Siti")[0] == 1


def test_umk_is_shown_set_and_a_bad_amount_refused(run: Cli) -> None:
    run.add()
    assert run("umk") == (0, "UMK belum diatur. Atur dengan: wirausaha umk JUMLAH\n")
    assert run("umk", "2.500.000") == (0, "UMK: Rp2.500.000 per bulan\n")
    assert run("umk") == (0, "UMK: Rp2.500.000 per bulan\n")
    code, out = run("umk", "dua juta")
    assert (code, out) == (1, "") and one_line(run.err)
    code, _out = run("umk", "-5")
    assert code == 1 and one_line(run.err)
    assert run("umk")[1] == "UMK: Rp2.500.000 per bulan\n"  # a refusal writes nothing


def test_backups_with_none_says_so_and_backup_out_never_makes_folders(tmp_path: Path) -> None:
    data = tmp_path / "kiosk.sqlite"
    Kiosk.open(data).close()
    out = io.StringIO()
    assert cli.main(["--data", str(data), "backups"], stdout=out) == 0
    assert out.getvalue().strip() == "Belum ada cadangan untuk file kios ini."
    missing = tmp_path / "tidak-ada" / "salinan.sqlite"
    assert cli.main(["--data", str(data), "backup", "--out", str(missing)], stdout=out) == 1
    assert not missing.parent.exists()
