"""The kill test's checker catches what it is there to catch: a lost entry, an undone void, a half
move, a listed copy that is not good; and it reads a torn last line and a cut restore rightly."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from wirausaha_desktop.domain.model import Actor, MoveKind
from wirausaha_desktop.services.kiosk import Kiosk

from . import harness
from .worker import side_file


class Setup:
    def __init__(self, folder: Path) -> None:
        self.kiosk_file = folder / "kiosk.sqlite"
        self.ack_file = folder / "acks.jsonl"
        self.profile_id = harness.make_kiosk(self.kiosk_file)
        self.report = harness.Report(seed=0)
        self.expected = harness.Expected(self.kiosk_file, self.ack_file, self.report)
        self.ack_file.touch()

    def write(self, *records: dict[str, Any], torn: str = "") -> None:
        with self.ack_file.open("a", encoding="utf-8") as handle:
            handle.writelines(json.dumps(r) + "\n" for r in records)
            handle.write(torn)

    def book(self) -> tuple[list[str], list[str]]:
        """One saved entry and one move; returns (entry ids, move half ids)."""
        kiosk = Kiosk.open(self.kiosk_file)
        try:
            actor, category = Actor.beneficiary(self.profile_id), kiosk.book.categories()[0]
            saved = kiosk.book.record_entry(actor, self.profile_id, category.id, 1000, dt.date.today())
            moved = kiosk.book.move_money(actor, self.profile_id, MoveKind.OWNER_PAY, 500, dt.date.today())
        finally:
            kiosk.close()
        return list(saved.added), list(moved.added)

    def check(self) -> str:
        landed = self.expected.read_new()
        harness.verify(self.kiosk_file, self.expected, self.report)
        return landed

    def sql(self, statement: str, *params: object) -> None:
        conn = sqlite3.connect(self.kiosk_file)
        try:
            with conn:
                conn.execute(statement, params)
        finally:
            conn.close()


@pytest.fixture
def setup(tmp_path: Path) -> Setup:
    return Setup(tmp_path)


def test_a_whole_file_passes_and_the_kill_is_placed(setup: Setup) -> None:
    saved, halves = setup.book()
    setup.write({"a": "start"}, {"a": "ready"}, {"a": "save", "ids": saved}, {"a": "move", "ids": halves})
    setup.write({"a": "begin", "what": "import"}, torn='{"a":"import","rows":50,"ids":["')
    assert setup.check() == "import"
    assert setup.report.torn_lines == 1
    assert setup.report.ids_checked == 3
    assert setup.report.moves_checked == 1


def test_a_lost_acknowledged_entry_is_found(setup: Setup) -> None:
    setup.write({"a": "start"}, {"a": "save", "ids": ["00000000-0000-4000-8000-000000000000"]})
    with pytest.raises(harness.KillTestFailed, match="acknowledged entries lost"):
        setup.check()


def test_an_undone_void_is_found(setup: Setup) -> None:
    saved, _ = setup.book()
    setup.write({"a": "start"}, {"a": "save", "ids": saved}, {"a": "void", "ids": saved})
    with pytest.raises(harness.KillTestFailed, match="voids undone"):
        setup.check()


def test_a_half_move_is_found(setup: Setup) -> None:
    _, halves = setup.book()
    setup.sql("DELETE FROM entries WHERE id = ?", halves[1])
    with pytest.raises(harness.KillTestFailed, match="half move"):
        setup.check()


def test_move_halves_that_disagree_are_found(setup: Setup) -> None:
    _, halves = setup.book()
    setup.sql("UPDATE entries SET amount = 501 WHERE id = ?", halves[1])
    with pytest.raises(harness.KillTestFailed, match="halves disagree"):
        setup.check()


def test_a_torn_line_before_the_end_is_refused(setup: Setup) -> None:
    setup.write({"a": "start"}, torn='{"a":"save"\n')
    setup.write({"a": "ready"})
    with pytest.raises(harness.KillTestFailed, match="torn ack line"):
        setup.check()


def test_a_listed_copy_that_is_not_good_is_found(setup: Setup) -> None:
    daily = setup.kiosk_file.parent / "backups" / "daily" / f"kiosk-{dt.date.today().isoformat()}.sqlite"
    daily.parent.mkdir(parents=True)
    daily.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    with pytest.raises(harness.KillTestFailed, match="not a good copy"):
        setup.check()


def _cut_restore(setup: Setup, held: list[str], ino: int) -> None:
    token = "cafe"
    side_file(setup.ack_file, token).write_text(json.dumps({"ids": held, "voided": []}), encoding="utf-8")
    dev = setup.kiosk_file.stat().st_dev
    setup.write(
        {"a": "start"}, {"a": "restore-begin", "token": token, "copy": "x", "kind": "daily", "ino": ino, "dev": dev}
    )


def test_a_restore_cut_after_its_rename_resets_what_is_expected(setup: Setup) -> None:
    saved, _ = setup.book()
    setup.write({"a": "start"}, {"a": "save", "ids": ["00000000-0000-4000-8000-000000000000"]})
    _cut_restore(setup, saved, ino=-1)  # the file is no longer that inode: the copy is in place
    setup.check()
    assert setup.report.restores_cut_done == 1
    assert setup.expected.present == set(saved)


def test_a_restore_cut_before_its_rename_changes_nothing_expected(setup: Setup) -> None:
    saved, _ = setup.book()
    setup.write({"a": "start"}, {"a": "save", "ids": saved})
    _cut_restore(setup, [], ino=setup.kiosk_file.stat().st_ino)
    setup.check()
    assert setup.report.restores_cut_undone == 1
    assert setup.expected.present == set(saved)
