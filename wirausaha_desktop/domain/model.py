"""The book's vocabulary as immutable values (``../shared/DESIGN.md`` §2)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum


class Ledger(StrEnum):
    BUSINESS = "business"  # Buku Usaha
    PERSONAL = "personal"  # Buku Pribadi

    @property
    def other(self) -> Ledger:
        return Ledger.PERSONAL if self is Ledger.BUSINESS else Ledger.BUSINESS


class Direction(StrEnum):
    IN = "in"  # Uang Masuk
    OUT = "out"  # Uang Keluar


class FlowKind(StrEnum):
    """Decides what a category counts as in every figure (DESIGN §2)."""

    SALES = "sales"
    GRANT = "grant"
    OTHER_IN = "other_in"
    LOAN_IN = "loan_in"
    OPERATING = "operating"
    EQUIPMENT = "equipment"
    LOAN_REPAYMENT = "loan_repayment"
    INCOME = "income"
    AID = "aid"
    SPENDING = "spending"
    SAVING = "saving"

    @property
    def ledger(self) -> Ledger:
        return Ledger.PERSONAL if self in _PERSONAL_KINDS else Ledger.BUSINESS

    @property
    def direction(self) -> Direction:
        return Direction.IN if self in _IN_KINDS else Direction.OUT


_PERSONAL_KINDS = frozenset({FlowKind.INCOME, FlowKind.AID, FlowKind.SPENDING, FlowKind.SAVING})
_IN_KINDS = frozenset(
    {FlowKind.SALES, FlowKind.GRANT, FlowKind.OTHER_IN, FlowKind.LOAN_IN, FlowKind.INCOME, FlowKind.AID}
)


class MoveKind(StrEnum):
    """Money moved on purpose between the two ledgers."""

    OWNER_PAY = "owner_pay"  # Ambil untuk pribadi (prive): business → personal
    TOP_UP = "top_up"  # Tambah modal dari pribadi: personal → business
    START_CAPITAL = "start_capital"  # Modal awal: personal → business, declared once

    @property
    def source(self) -> Ledger:
        return Ledger.BUSINESS if self is MoveKind.OWNER_PAY else Ledger.PERSONAL

    @property
    def target(self) -> Ledger:
        return self.source.other


MOVE_NAMES = {
    MoveKind.OWNER_PAY: "Ambil untuk pribadi",
    MoveKind.TOP_UP: "Tambah modal",
    MoveKind.START_CAPITAL: "Modal awal",
}
"""The names a move has in CSV files and reports (DESIGN §6)."""


class Role(StrEnum):
    BENEFICIARY = "beneficiary"
    MENTOR = "mentor"
    OPERATOR = "operator"


@dataclass(frozen=True)
class Actor:
    """Who is acting: services check every request against it."""

    role: Role
    id: str | None = None  # the profile id of a beneficiary, the mentor's id

    @classmethod
    def beneficiary(cls, profile_id: str) -> Actor:
        return cls(Role.BENEFICIARY, profile_id)

    @classmethod
    def operator(cls) -> Actor:
        return cls(Role.OPERATOR)


@dataclass(frozen=True)
class Category:
    id: str
    name: str
    ledger: Ledger
    kind: FlowKind
    sort_order: int = 0

    @property
    def direction(self) -> Direction:
        return self.kind.direction

    @property
    def short_name(self) -> str:
        """The words before `` / `` or `` (`` (GLOSSARY: a button may show this)."""
        for cut in (" / ", " ("):
            if cut in self.name:
                return self.name.split(cut, 1)[0]
        return self.name


@dataclass(frozen=True)
class Profile:
    id: str
    name: str
    business: str
    created_at: str
    consent_at: str | None = None
    consent_method: str | None = None


@dataclass(frozen=True)
class Entry:
    """Money in or out of one ledger. A move is two entries that share ``move_id``."""

    id: str
    profile_id: str
    ledger: Ledger
    direction: Direction
    amount: int
    date: dt.date
    note: str = ""
    category_id: str | None = None
    move_id: str | None = None
    move_kind: MoveKind | None = None
    created_at: str = ""
    voided_at: str | None = None
    void_reason: str | None = None

    @property
    def voided(self) -> bool:
        return self.voided_at is not None

    @property
    def signed_amount(self) -> int:
        return self.amount if self.direction is Direction.IN else -self.amount


@dataclass(frozen=True)
class Balances:
    business: int
    personal: int

    def of(self, ledger: Ledger) -> int:
        return self.business if ledger is Ledger.BUSINESS else self.personal


class AccessAction(StrEnum):
    """What someone other than the owner did with a book (the access log she can read)."""

    SUMMARY = "summary"  # read a month's figures
    EXPORT_CSV = "export_csv"  # copied the book out as CSV
    IMPORT_CSV = "import_csv"  # added entries from a CSV file
    VIEW_BOOK = "view_book"  # opened the book on screen (a mentor)
    EXPORT_BOOK = "export_book"  # copied her whole book into a book file (to take it to another kiosk)
    IMPORT_BOOK = "import_book"  # brought her book in from a book file (merged by id)
    CASELOAD = "caseload"  # saw her lights in the mentor's caseload (logged once a day)
    SESSION = "session"  # recorded a coaching session with her
    PIN_RESET = "pin_reset"  # the operator set a new PIN
    PIN_UNLOCK = "pin_unlock"  # the operator lifted a PIN lock-out
    REPORT = "report"  # made a PDF report of her book (Rapor Usaha, statements, the KUR letter)


@dataclass(frozen=True)
class AccessRecord:
    """One line of the access log: who, what, when; never anything of the book's content."""

    at: str  # UTC timestamp
    role: Role
    who: str  # a name people recognise: "Petugas kios", the mentor's name
    action: AccessAction
    channel: str  # "app" or "cli"
