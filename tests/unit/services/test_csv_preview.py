"""The import's preview (issue 10 §5) says what the import then does, and writes nothing itself."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest

from tests.helpers import count_rows
from wirausaha_desktop.domain.model import Actor, Balances, Ledger, Profile
from wirausaha_desktop.domain.problems import Problem, Refused
from wirausaha_desktop.services.csv_preview import PROBLEMS_SHOWN, CsvPreview, CsvPreviewService
from wirausaha_desktop.services.kiosk import Kiosk

HEADER = "id,tanggal,buku,jenis,kategori,jumlah,catatan"
MONTH_CSV = Path(__file__).resolve().parents[2] / "fixtures" / "sari-2024-07.csv"


def csv_file(tmp_path: Path, *rows: str, header: str = HEADER, name: str = "impor.csv") -> Path:
    path = tmp_path / name
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


def preview_of(kiosk: Kiosk, profile: Profile, path: Path) -> CsvPreview:
    return CsvPreviewService.of(kiosk).preview_file(Actor.operator(), profile.id, path)


def import_outcome(kiosk: Kiosk, profile: Profile, path: Path) -> tuple[int, int] | Problem:
    try:
        result = kiosk.exchange.import_csv_file(Actor.operator(), profile.id, path)
    except Refused as refused:
        return refused.problem
    return result.added, result.skipped


def test_the_preview_of_her_month_has_its_rows_and_each_books_money_and_writes_nothing(
    kiosk: Kiosk, sari: Profile, operator: Actor
) -> None:
    before = (count_rows(kiosk, "entries"), count_rows(kiosk, "access_log"))
    preview = preview_of(kiosk, sari, MONTH_CSV)
    assert (preview.rows, preview.new, preview.already, preview.problems) == (23, 23, 0, [])
    assert preview.importable
    assert (count_rows(kiosk, "entries"), count_rows(kiosk, "access_log")) == before
    kiosk.exchange.import_csv_file(operator, sari.id, MONTH_CSV)
    balances = kiosk.book.balances(operator, sari.id)
    for ledger in Ledger:  # what the preview said each book gains is what it gained
        totals = preview.book(ledger)
        assert totals.money_in - totals.money_out == balances.of(ledger)
    assert preview.business.money_in > 0 and preview.personal.money_out > 0


def test_after_the_import_the_preview_says_every_row_is_already_there(
    kiosk: Kiosk, sari: Profile, operator: Actor
) -> None:
    kiosk.exchange.import_csv_file(operator, sari.id, MONTH_CSV)
    preview = preview_of(kiosk, sari, MONTH_CSV)
    assert (preview.rows, preview.new, preview.already) == (23, 0, 23)
    assert not preview.importable and preview.problem_count == 0
    assert preview.business.money_in == preview.personal.money_in == 0


def test_a_move_counts_out_of_one_book_and_into_the_other(kiosk: Kiosk, sari: Profile, tmp_path: Path) -> None:
    path = csv_file(
        tmp_path,
        ",2024-07-01,pribadi,pindah,Modal awal,500000,",
        ",2024-07-02,usaha,pindah,Ambil untuk pribadi,100000,gaji Ibu",
        ",2024-07-02,usaha,masuk,Penjualan,75000,",
        ",2024-07-03,pribadi,keluar,Makan / belanja dapur,20000,",
    )
    preview = preview_of(kiosk, sari, path)
    assert preview.problems == []
    assert (preview.business.money_in, preview.business.money_out) == (575_000, 100_000)
    assert (preview.personal.money_in, preview.personal.money_out) == (100_000, 520_000)
    assert (preview.business.rows, preview.personal.rows) == (3, 3)


def test_the_first_problems_are_listed_by_line_and_column_and_the_rest_counted(
    kiosk: Kiosk, sari: Profile, tmp_path: Path
) -> None:
    bad = [
        ",2024-07-01,usaha,masuk,Penjualan,50000,",
        ",2024-07-xx,usaha,masuk,Penjualan,50000,",  # line 3
        ",2024-07-01,toko,masuk,Penjualan,50000,",  # line 4
        ",2024-07-01,usaha,masuk,Penjualan,lima,",  # line 5
    ] + [",2024-07-01,usaha,masuk,Tidak Ada,1000,"] * 4  # lines 6-9
    preview = preview_of(kiosk, sari, csv_file(tmp_path, *bad))
    assert preview.problem_count == 7
    assert len(preview.problems) == PROBLEMS_SHOWN
    assert [(p.params["line"], p.params["column"]) for p in preview.problems] == [
        (3, "tanggal"),
        (4, "buku"),
        (5, "jumlah"),
        (6, "kategori"),
        (7, "kategori"),
    ]
    assert (preview.rows, preview.new) == (8, 1)
    assert not preview.importable


@pytest.mark.parametrize(
    "rows",
    [
        [",2024-07-01,usaha,masuk,Penjualan,50000,", ",2024-07-02,usaha,keluar,Kulakan,5000,"],
        [",2024-07-01,usaha,masuk,Penjualan,50000,", ",2024-07-02,usaha,masuk,Penjualan,oops,"],
        [",2024-07-01,pribadi,pindah,Modal awal,500000,", ",2024-07-05,pribadi,pindah,Modal awal,10000,x"],
        [
            f"{uuid.UUID(int=7)},2024-07-01,usaha,masuk,Penjualan,1,",
            f"{uuid.UUID(int=7)},2024-07-02,usaha,masuk,Penjualan,2,",
        ],
        [
            f"{uuid.UUID(int=8)},2024-07-01,usaha,pindah,Ambil untuk pribadi,1,",
            f"{uuid.UUID(int=8)},2024-07-01,usaha,masuk,Penjualan,1,",
        ],
        [],
    ],
)
def test_the_preview_agrees_with_the_import_on_every_kind_of_file(
    kiosk: Kiosk, sari: Profile, tmp_path: Path, rows: list[str]
) -> None:
    path = csv_file(tmp_path, *rows)
    preview = preview_of(kiosk, sari, path)
    outcome = import_outcome(kiosk, sari, path)
    if isinstance(outcome, Problem):
        assert preview.problems[0] == outcome  # the first problem shown is the one the import refuses with
    else:
        assert (preview.new, preview.already, preview.problem_count) == (*outcome, 0)
    assert import_outcome(kiosk, sari, path) == (outcome if isinstance(outcome, Problem) else (0, preview.new))


def test_ids_of_another_book_and_a_second_start_capital_are_found_before_the_import(
    kiosk: Kiosk, sari: Profile, operator: Actor, tmp_path: Path
) -> None:
    rina, _ = kiosk.profiles.create(operator, "Rina", "Jajanan", "5678")
    kiosk.exchange.import_csv_file(operator, sari.id, MONTH_CSV)
    hers = tmp_path / "sari.csv"
    hers.write_text(kiosk.exchange.export_csv(operator, sari.id), encoding="utf-8")
    preview = preview_of(kiosk, rina, hers)
    assert preview.problems[0] == import_outcome(kiosk, rina, hers)
    assert {p.code for p in preview.problems} == {"csv_id_elsewhere"}
    again = csv_file(tmp_path, ",2024-07-20,pribadi,pindah,Modal awal,1000,lagi")
    assert preview_of(kiosk, sari, again).problems == [Problem.of("start_capital_exists", line=2, column="kategori")]
    assert kiosk.book.balances(operator, rina.id) == Balances(0, 0)


def test_files_that_cannot_be_read_are_one_problem(kiosk: Kiosk, sari: Profile, tmp_path: Path) -> None:
    latin1 = tmp_path / "latin1.csv"
    latin1.write_bytes((HEADER + "\n,2024-07-01,usaha,masuk,Penjualan,5000,caf\xe9\n").encode("latin-1"))
    assert preview_of(kiosk, sari, latin1).problems == [Problem.of("file_not_utf8")]
    empty = tmp_path / "kosong.csv"
    empty.write_text("")
    assert [p.code for p in preview_of(kiosk, sari, empty).problems] == ["csv_empty"]
    header = csv_file(tmp_path, ",2024-07-01,usaha,masuk,Penjualan,5000,", header="tanggal,buku,jenis,kategori")
    missing = preview_of(kiosk, sari, header)
    assert (missing.rows, [p.code for p in missing.problems]) == (0, ["csv_missing_column"])
    with pytest.raises(Refused) as refused:
        preview_of(kiosk, sari, tmp_path / "tidak-ada.csv")
    assert refused.value.problem.code == "file_unreadable"


def test_only_who_may_import_may_preview(kiosk: Kiosk, sari: Profile, operator: Actor) -> None:
    rina, _ = kiosk.profiles.create(operator, "Rina", "Jajanan", "5678")
    with pytest.raises(Refused) as refused:
        CsvPreviewService.of(kiosk).preview_file(Actor.beneficiary(rina.id), sari.id, MONTH_CSV)
    assert refused.value.problem.code == "not_allowed"


def test_progress_reaches_the_end(kiosk: Kiosk, sari: Profile, tmp_path: Path) -> None:
    path = csv_file(tmp_path, *[f",2024-07-01,usaha,masuk,Penjualan,{n + 1}," for n in range(5000)])
    seen: list[tuple[int, int]] = []
    preview = CsvPreviewService.of(kiosk).preview_file(
        Actor.operator(), sari.id, path, lambda stage, done, total: seen.append((done, total))
    )
    assert preview.new == 5000
    assert len(seen) >= 3 and seen[-1][0] == seen[-1][1] == path.stat().st_size
    assert [done for done, _total in seen] == sorted(done for done, _total in seen)
