"""SAK EMKM figures from flow totals: the balance sheet balances, and a figure that disagrees with
the summary is caught by ``reconcile``."""

from __future__ import annotations

import dataclasses
import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from wirausaha_desktop.domain.model import Balances, Direction, FlowKind, Ledger, MoveKind
from wirausaha_desktop.domain.standing import FlowKey, Period, summarise
from wirausaha_desktop.domain.statements import Position, Statements, income_statement, reconcile

B, IN, OUT = Ledger.BUSINESS, Direction.IN, Direction.OUT
KINDS: tuple[tuple[Direction, str], ...] = (
    (IN, FlowKind.SALES.value), (IN, FlowKind.GRANT.value), (IN, FlowKind.OTHER_IN.value), (IN, FlowKind.LOAN_IN.value),
    (IN, MoveKind.TOP_UP.value), (IN, MoveKind.START_CAPITAL.value), (OUT, FlowKind.OPERATING.value),
    (OUT, FlowKind.EQUIPMENT.value), (OUT, FlowKind.LOAN_REPAYMENT.value), (OUT, MoveKind.OWNER_PAY.value),
)  # fmt: skip


def _flows(amounts: list[int]) -> dict[FlowKey, tuple[int, int]]:
    return {(B, d, k): (a, 1) for (d, k), a in zip(KINDS, amounts, strict=True) if a}


def _cash(flows: dict[FlowKey, tuple[int, int]]) -> int:
    return sum(a if d is IN else -a for (_l, d, _k), (a, _c) in flows.items())


@given(st.lists(st.integers(min_value=0, max_value=10**9), min_size=len(KINDS), max_size=len(KINDS)))
def test_assets_equal_liabilities_and_equity_whatever_the_flows(amounts: list[int]) -> None:
    flows = _flows(amounts)
    position = Position.of(_cash(flows), flows)
    assert position.balanced
    assert position.loans == amounts[3] - amounts[8]
    assert position.retained == amounts[0] + amounts[2] - amounts[6]


def test_a_figure_that_disagrees_with_the_summary_is_marked() -> None:
    period = Period.month(2024, 7)
    flows = _flows([600_000, 0, 0, 0, 20_000, 0, 350_000, 300_000, 0, 100_000])
    summary = summarise("Sari", period, dt.date(2024, 7, 31), Balances(0, 0), flows, frozenset(), frozenset(), 350_000)
    income = income_statement([("Penjualan", FlowKind.SALES, 600_000), ("Bahan baku", FlowKind.OPERATING, 350_000),
                               ("Beli alat", FlowKind.EQUIPMENT, 300_000)], flows)  # fmt: skip
    good = Statements(period, income, Position.of(0, {}), Position.of(_cash(flows), flows), summary)
    assert all(check.ok for check in reconcile(good))
    assert [name for name, _ in income.expenses] == ["Bahan baku"]  # equipment is an asset, not a beneficiary's cost
    wrong = dataclasses.replace(good, closing=dataclasses.replace(good.closing, cash=good.closing.cash - 1))
    assert [check.field for check in reconcile(wrong) if not check.ok] == ["business.closing"]
