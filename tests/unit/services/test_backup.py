from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from tests.helpers import category_id
from wirausaha_desktop.domain.model import Actor, Balances, Profile
from wirausaha_desktop.services.backup import KEEP_DAILY
from wirausaha_desktop.services.clock import FixedClock
from wirausaha_desktop.services.kiosk import Kiosk


def test_daily_and_weekly_copies_are_whole_and_rotate(
    kiosk: Kiosk, kiosk_path: Path, sari: Profile, sari_actor: Actor, clock: FixedClock
) -> None:
    kiosk.book.record_entry(sari_actor, sari.id, category_id(kiosk, "Penjualan"), 15_000, clock.today())
    first = kiosk.backups.run_due()
    assert [p.parent.name for p in first.written] == ["daily", "weekly"]
    assert kiosk.backups.run_due().written == ()  # once a day is enough
    copy = Kiosk.open(first.written[0], clock)
    try:
        assert copy.book.balances(sari_actor, sari.id) == Balances(15_000, 0)
        assert copy.integrity_problems() == []
    finally:
        copy.close()
    for _ in range(20):
        clock.advance(dt.timedelta(days=1))
        kiosk.backups.run_due()
    daily = sorted((kiosk_path.parent / "backups" / "daily").glob("*.sqlite"))
    assert len(daily) == KEEP_DAILY
    assert daily[-1].name == f"kiosk-{clock.today().isoformat()}.sqlite"
    weekly = list((kiosk_path.parent / "backups" / "weekly").glob("*.sqlite"))
    assert 3 <= len(weekly) <= 4
    with sqlite3.connect(daily[0]) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
