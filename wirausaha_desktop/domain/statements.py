"""The SAK EMKM statements of the Buku Usaha for one month, and their reconciliation with the
month's summary (issue 10 §2; ``../shared/GLOSSARY.md``, DESIGN §2 and §6).

The business is an entity apart from its owner (SAK EMKM's first assumption, and the programme's
lesson). Figures come from the cash book, so the statements are on a *cash basis*: revenue and
expenses are recognised when the money moves; receivables, supplier debts and stock are not kept
in this book (SAK EMKM itself is accrual-based: the notes say so).

What each flow kind becomes:

- ``sales`` → *pendapatan*; ``operating`` → *beban*, by category (interest and fees included);
  ``other_in`` → *pendapatan lain-lain*, below the operating result.
- ``equipment`` → *peralatan* at cost (no depreciation is recorded).
- ``loan_in`` − ``loan_repayment`` → *utang pinjaman*.
- *Modal awal*, *Tambah modal* and ``grant`` (bantuan modal usaha) → *ekuitas* paid in;
  *Ambil untuk pribadi* → *prive*, a reduction of equity, never an expense.
- *kas usaha* = the Buku Usaha's balance.

So, from the first entry: kas + peralatan − utang = modal awal + tambah modal + bantuan − prive +
saldo laba, where saldo laba = pendapatan + pendapatan lain − beban. ``Position.balanced`` checks
exactly that, with the cash taken from the balances rather than from the flows.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .model import Direction, FlowKind, Ledger, MoveKind
from .standing import FlowKey, Period, Summary


def _total(flows: Mapping[FlowKey, tuple[int, int]], direction: Direction, kind: str) -> int:
    return flows.get((Ledger.BUSINESS, direction, kind), (0, 0))[0]


@dataclass(frozen=True)
class Position:
    """*Laporan posisi keuangan* at the end of one day (all flows up to it)."""

    cash: int  # kas usaha: the Buku Usaha's balance
    equipment: int  # peralatan, at cost
    loans_in: int  # pinjaman diterima, since the first entry
    loan_repayments: int  # cicilan pokok, since the first entry
    start_capital: int
    top_ups: int
    grants: int
    owner_pay: int  # prive, since the first entry
    retained: int  # saldo laba: pendapatan + pendapatan lain − beban, since the first entry

    @classmethod
    def of(cls, cash: int, flows: Mapping[FlowKey, tuple[int, int]]) -> Position:
        i, o = Direction.IN, Direction.OUT
        return cls(
            cash=cash,
            equipment=_total(flows, o, FlowKind.EQUIPMENT.value),
            loans_in=_total(flows, i, FlowKind.LOAN_IN.value),
            loan_repayments=_total(flows, o, FlowKind.LOAN_REPAYMENT.value),
            start_capital=_total(flows, i, MoveKind.START_CAPITAL.value),
            top_ups=_total(flows, i, MoveKind.TOP_UP.value),
            grants=_total(flows, i, FlowKind.GRANT.value),
            owner_pay=_total(flows, o, MoveKind.OWNER_PAY.value),
            retained=_total(flows, i, FlowKind.SALES.value)
            + _total(flows, i, FlowKind.OTHER_IN.value)
            - _total(flows, o, FlowKind.OPERATING.value),
        )

    @property
    def loans(self) -> int:
        """Utang pinjaman = loans received − principal repaid (negative when a loan from before the
        book was repaid in it: the notes then ask for that loan to be recorded)."""
        return self.loans_in - self.loan_repayments

    @property
    def assets(self) -> int:
        return self.cash + self.equipment

    @property
    def paid_in(self) -> int:
        return self.start_capital + self.top_ups + self.grants

    @property
    def equity(self) -> int:
        """Ekuitas from its parts: modal disetor − prive + saldo laba."""
        return self.paid_in - self.owner_pay + self.retained

    @property
    def liabilities_and_equity(self) -> int:
        return self.loans + self.equity

    @property
    def balanced(self) -> bool:
        """Aset = liabilitas + ekuitas, with the cash from the balance and everything else from the flows."""
        return self.assets == self.liabilities_and_equity


@dataclass(frozen=True)
class IncomeStatement:
    """*Laporan laba rugi* for one period."""

    revenue: tuple[tuple[str, int], ...]  # pendapatan by sales category, largest first
    expenses: tuple[tuple[str, int], ...]  # beban by operating category, largest first
    other_in: int  # pendapatan lain-lain

    @property
    def sales(self) -> int:
        return sum(amount for _name, amount in self.revenue)

    @property
    def operating(self) -> int:
        return sum(amount for _name, amount in self.expenses)

    @property
    def operating_profit(self) -> int:
        """Laba (rugi) usaha: the summary's ``profit`` (sales − operating costs)."""
        return self.sales - self.operating

    @property
    def net_profit(self) -> int:
        return self.operating_profit + self.other_in


@dataclass(frozen=True)
class Statements:
    period: Period
    income: IncomeStatement
    opening: Position  # at the end of the day before the period
    closing: Position  # at the period's end
    summary: Summary  # the month's summary, exactly as ``summary --json`` gives it


@dataclass(frozen=True)
class Check:
    """One line of the reconciliation: a statement's figure beside the summary JSON's field."""

    key: str  # what the statement shows (the report words it)
    statement: int
    field: str  # the summary JSON's field, e.g. ``business.sales``
    summary: int

    @property
    def ok(self) -> bool:
        return self.statement == self.summary


def reconcile(s: Statements) -> tuple[Check, ...]:
    """Every statement figure that the month's summary also gives, side by side."""
    b, o, c = s.summary.business, s.opening, s.closing
    return (
        Check("sales", s.income.sales, "business.sales", b.sales),
        Check("operating", s.income.operating, "business.operating", b.operating),
        Check("operating_profit", s.income.operating_profit, "business.profit", b.profit),
        Check("other_in", s.income.other_in, "business.other_in", b.other_in),
        Check("cash_opening", o.cash, "business.opening", b.opening),
        Check("cash_closing", c.cash, "business.closing", b.closing),
        Check("equipment_bought", c.equipment - o.equipment, "business.equipment", b.equipment),
        Check("loans_in", c.loans_in - o.loans_in, "business.loans_in", b.loans_in),
        Check("loan_repayments", c.loan_repayments - o.loan_repayments, "business.loan_repayments", b.loan_repayments),
        Check("owner_pay", c.owner_pay - o.owner_pay, "business.owner_pay", b.owner_pay),
        Check("top_ups", c.top_ups - o.top_ups, "business.top_ups", b.top_ups),
        Check("start_capital", c.start_capital - o.start_capital, "business.start_capital", b.start_capital),
        Check("grants", c.grants - o.grants, "business.grants", b.grants),
        Check("retained_change", c.retained - o.retained, "business.profit + business.other_in", b.profit + b.other_in),
    )


def income_statement(
    categories: Sequence[tuple[str, FlowKind, int]], flows: Mapping[FlowKey, tuple[int, int]]
) -> IncomeStatement:
    """From the period's business totals per category (name, kind, total) and its flow totals."""
    revenue = tuple((name, total) for name, kind, total in categories if kind is FlowKind.SALES and total)
    expenses = tuple((name, total) for name, kind, total in categories if kind is FlowKind.OPERATING and total)
    return IncomeStatement(
        revenue=tuple(sorted(revenue, key=lambda r: -r[1])),
        expenses=tuple(sorted(expenses, key=lambda r: -r[1])),
        other_in=_total(flows, Direction.IN, FlowKind.OTHER_IN.value),
    )
