"""``wirausaha profile delete NAME --yes``: without --yes it says what would go and deletes nothing."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from wirausaha_desktop import cli
from wirausaha_desktop.i18n import _

MONTH_CSV = Path(__file__).resolve().parents[1] / "fixtures" / "sari-2024-07.csv"


def _run(data: Path, *args: str, stdin: str = "") -> tuple[int, str]:
    out = io.StringIO()
    code = cli.main(["--data", str(data), *args], stdin=io.StringIO(stdin), stdout=out)
    return code, out.getvalue()


def test_without_yes_it_says_what_would_go_and_deletes_nothing_with_yes_it_goes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "kiosk.sqlite"
    assert _run(data, "profile", "add", "Sari", stdin="1234\n")[0] == 0
    assert _run(data, "profile", "add", "Rina", stdin="2222\n")[0] == 0
    assert _run(data, "import-csv", "--profile", "Rina", str(MONTH_CSV))[0] == 0
    assert _run(data, "backup")[0] == 0
    capsys.readouterr()

    assert _run(data, "profile", "delete", "rina") == (1, "")
    said = capsys.readouterr().err
    assert said.startswith('Buku "Rina" akan dihapus: 23 catatan, 0 sesi pendampingan')
    assert "1 salinan cadangan" in said and _("Ini tidak bisa dibatalkan.").rstrip(".") in said and "--yes" in said
    assert _run(data, "profile", "list")[1] == "Rina\t\nSari\t\n"

    code, out = _run(data, "profile", "delete", "Rina", "--yes")
    assert code == 0
    assert out == 'Buku "Rina" sudah dihapus: 23 catatan, 0 sesi pendampingan. 1 salinan cadangan dibersihkan.\n'
    assert _run(data, "profile", "list")[1] == "Sari\t\n"
    assert _run(data, "check") == (0, "File kios utuh.\n")
    assert not any(b"Rina" in f.read_bytes() for f in tmp_path.rglob("*") if f.is_file())

    capsys.readouterr()
    assert _run(data, "profile", "delete", "Rina", "--yes") == (1, "")
    assert capsys.readouterr().err == 'Tidak ada profil bernama "Rina".\n'


def test_a_missing_kiosk_file_is_not_made_to_delete_from(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "typo.sqlite"
    assert _run(data, "profile", "delete", "Sari", "--yes") == (1, "")
    assert not data.exists() and "belum ada" in capsys.readouterr().err
