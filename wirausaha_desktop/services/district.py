"""The district summary of one calendar month, for the district office (``district-summary``).

An *active book* is a profile with recorded consent and at least one live entry (not voided) in
the month. Its lights, sales and profit are the summary JSON's for that month (DESIGN §3), read for
every book at once from the kept day totals and balances the caseload uses (one query per figure,
not one per book). Only the anonymous figures of ``domain.district`` leave this module: no name,
no id. Nothing is written, so the summary is not a line in anyone's access log: no figure in it
belongs to one person.
"""

from __future__ import annotations

import contextlib
import csv
import io
import sqlite3
from pathlib import Path

from ..domain import district
from ..domain.district import BookMonth, DistrictRow
from ..domain.model import Actor, Balances, Direction, Ledger
from ..domain.problems import Problem, Refused
from ..domain.standing import FlowKey, Period, Thresholds, summarise
from ..storage import books, people
from ..storage.transfer import holds_a_kiosk
from . import access
from .clock import Clock

Flows = dict[FlowKey, tuple[int, int]]


class DistrictService:
    def __init__(self, conn: sqlite3.Connection, clock: Clock, thresholds: Thresholds | None = None) -> None:
        self._conn = conn
        self._clock = clock
        self._thresholds = thresholds or Thresholds()

    def rows(self, actor: Actor, period: Period) -> list[DistrictRow]:
        """The month's rows (``domain.district.district_rows``); the operator's job."""
        access.require_operator(actor)
        return district.district_rows(period.label, self.book_months(period))

    @staticmethod
    def as_csv(rows: list[DistrictRow]) -> str:
        """The rows as CSV text (``,`` delimited, a header row, ``\n`` line ends; UTF-8 when written)."""
        out = io.StringIO(newline="")
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(district.COLUMNS)
        writer.writerows(row.cells() for row in rows)
        return out.getvalue()

    def write_csv(self, actor: Actor, period: Period, target: Path) -> list[DistrictRow]:
        """The CSV into ``target``, whole or not at all; never over a kiosk file or its copies."""
        rows = self.rows(actor, period)
        if holds_a_kiosk(target):
            raise Refused(Problem.of("export_over_kiosk", path=str(target)))
        partial = target.with_name(target.name + ".partial")
        try:
            partial.write_text(self.as_csv(rows), encoding="utf-8", newline="")
            partial.replace(target)
        except OSError as error:
            with contextlib.suppress(OSError):
                partial.unlink(missing_ok=True)
            raise Refused(Problem.of("file_unwritable", path=str(target))) from error
        return rows

    def book_months(self, period: Period) -> list[BookMonth]:
        """Each active book's lights, sales and profit for ``period``, in no meaningful order."""
        today = self._clock.today()
        consented = [p.id for p in people.profiles(self._conn) if p.consent_at is not None]
        recorded = books.dates_many(self._conn, consented, period.start, period.end, closed=False)
        ids = [pid for pid in consented if recorded[pid]]
        if not ids:
            return []
        _before, flows = books.flow_totals_many(self._conn, ids, period.start, period.end)
        totals = books.ledger_balances_many(self._conn, ids)
        later = books.signed_after_many(self._conn, ids, period.end)
        elapsed_end = min(period.end, today)
        closed = books.dates_many(self._conn, ids, period.start, elapsed_end, closed=True)
        runway_start, runway_end = period.runway_window(today)
        operating = books.operating_totals_many(self._conn, ids, runway_start, runway_end)
        found = []
        for pid in ids:
            opening = _minus(_minus(totals[pid], later[pid]), _net(flows[pid]))
            summary = summarise(
                profile="",
                period=period,
                today=today,
                opening=opening,
                flows=flows[pid],
                recorded=frozenset(day for day in recorded[pid] if day <= elapsed_end),
                closed=closed[pid],
                operating_30_days=operating[pid],
                thresholds=self._thresholds,
            )
            lights = {indicator.key: indicator.status for indicator in summary.indicators}
            found.append(BookMonth(lights, summary.business.sales, summary.business.profit))
        return found


def _net(flows: Flows) -> Balances:
    net = {Ledger.BUSINESS: 0, Ledger.PERSONAL: 0}
    for (ledger, direction, _kind), (total, _count) in flows.items():
        net[ledger] += total if direction is Direction.IN else -total
    return Balances(net[Ledger.BUSINESS], net[Ledger.PERSONAL])


def _minus(a: Balances, b: Balances) -> Balances:
    return Balances(a.business - b.business, a.personal - b.personal)
