"""Numbered, append-only schema migrations; the version lives in ``PRAGMA user_version``.

Never edit a migration that has shipped: add the next one. Each runs in one transaction with the
version bump, so a crash leaves the file at the old version, whole. Before an existing file is
upgraded, the caller makes a verified safety copy (services/kiosk.py: into the backups folder).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from .database import APPLICATION_ID, DatabaseError, transaction

# Every literal a migration uses is written out here as it shipped, never computed from today's
# code: renaming a category or adding a flow kind must not change what "version 1" creates.
_V1_KINDS = (
    "'sales', 'grant', 'other_in', 'loan_in', 'operating', 'equipment', 'loan_repayment', 'income', 'aid',"
    " 'spending', 'saving'"
)
_V1_MOVES = "'owner_pay', 'top_up', 'start_capital'"
_ISO_DATE = "'[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'"

# Migration 1's seed rows, frozen as shipped: (id, name, name_key, ledger, kind, sort_order).
# Never edit: a renamed or new default category is a new migration.
_V1_CATEGORIES: tuple[tuple[str, str, str, str, str, int], ...] = (
    ("223bcd89-a790-5b8f-9f3a-6c79c63f9066", "Penjualan", "penjualan", "business", "sales", 0),
    (
        "2ea574e2-fb49-5900-afbc-99547259397b",
        "Penjualan online (GoFood, GrabFood, ShopeeFood, Shopee)",
        "penjualan online (gofood, grabfood, shopeefood, shopee)",
        "business",
        "sales",
        1,
    ),
    ("3a0e1d62-d060-537f-9aea-d3d87a7962c4", "Pesanan / katering", "pesanan / katering", "business", "sales", 2),
    ("8bd15201-3cfe-5413-a40e-f3e44fb7bdfc", "Bantuan modal usaha", "bantuan modal usaha", "business", "grant", 3),
    (
        "38f3b482-8321-5b78-9bac-57424b3d0eb5",
        "Pinjaman (KUR, Mekaar, koperasi)",
        "pinjaman (kur, mekaar, koperasi)",
        "business",
        "loan_in",
        4,
    ),
    (
        "6174b28d-f3af-572c-9172-771099fa8c7c",
        "Kulakan / belanja dagangan",
        "kulakan / belanja dagangan",
        "business",
        "operating",
        5,
    ),
    ("570c8b55-2196-5f0d-b04e-4820811daf2e", "Bahan baku", "bahan baku", "business", "operating", 6),
    ("ba13d8e3-d8af-5c53-a0f2-adb09539b9cb", "Kemasan / label", "kemasan / label", "business", "operating", 7),
    ("6faa2c86-3c97-56e6-a24e-031b879bc278", "Promosi / iklan", "promosi / iklan", "business", "operating", 8),
    ("a9d3dbc4-95f9-5506-a830-2201997614d6", "Ongkos kirim", "ongkos kirim", "business", "operating", 9),
    (
        "3c66be3c-9f55-5d22-bc0c-16981324d844",
        "Transport / bensin usaha",
        "transport / bensin usaha",
        "business",
        "operating",
        10,
    ),
    ("adbe935c-a0fd-511e-84fa-4b5f309f7d11", "Sewa tempat", "sewa tempat", "business", "operating", 11),
    (
        "58c5f442-7b49-5837-abf2-7685a718c72d",
        "Listrik / gas / air usaha",
        "listrik / gas / air usaha",
        "business",
        "operating",
        12,
    ),
    ("3cd0fd39-8512-59d2-852c-4cee2fd15b61", "Upah karyawan", "upah karyawan", "business", "operating", 13),
    (
        "8b3e42f7-99fc-56ab-81b8-a6bb3c925e46",
        "Pulsa / paket data usaha",
        "pulsa / paket data usaha",
        "business",
        "operating",
        14,
    ),
    ("c11cf1de-c4ab-57a4-b188-332402cb52e1", "Bunga / biaya admin", "bunga / biaya admin", "business", "operating", 15),
    ("381e6504-8597-54e8-9c44-d46384a32110", "Perbaikan alat", "perbaikan alat", "business", "operating", 16),
    (
        "ce969d3d-5ee4-556e-870c-d5e65af84b14",
        "Beli alat (gerobak, etalase, kompor)",
        "beli alat (gerobak, etalase, kompor)",
        "business",
        "equipment",
        17,
    ),
    (
        "e33e3dd4-2524-5dcd-bb56-83df458a51dc",
        "Cicilan pinjaman (pokok)",
        "cicilan pinjaman (pokok)",
        "business",
        "loan_repayment",
        18,
    ),
    (
        "2ee47cd3-d0b6-54e1-b200-63767bbea0c3",
        "Pemasukan lain usaha",
        "pemasukan lain usaha",
        "business",
        "other_in",
        19,
    ),
    (
        "55a77b67-ebe2-567f-8cfb-49cf7d240953",
        "Pengeluaran lain usaha",
        "pengeluaran lain usaha",
        "business",
        "operating",
        20,
    ),
    ("7c7082e4-d1c8-50c9-906d-28bad7ac85f5", "Gaji / upah keluarga", "gaji / upah keluarga", "personal", "income", 21),
    ("87d4de2b-04f2-5a98-a8ba-f059be1ee618", "Kiriman keluarga", "kiriman keluarga", "personal", "income", 22),
    ("f266ac69-7bc1-58d2-af82-a605ddd40535", "Bantuan PKH", "bantuan pkh", "personal", "aid", 23),
    ("298722e8-92d1-5d59-aede-81617ad5befc", "Bantuan sembako / BPNT", "bantuan sembako / bpnt", "personal", "aid", 24),
    (
        "c821e539-ccec-50cc-bf42-2b9bf5d16047",
        "Bantuan sekolah (PIP/KIP)",
        "bantuan sekolah (pip/kip)",
        "personal",
        "aid",
        25,
    ),
    ("3acffde3-b82b-5e19-8697-8302d90eede9", "Bantuan lain (BLT)", "bantuan lain (blt)", "personal", "aid", 26),
    (
        "d32af6b7-c3c1-5e4f-a310-ba65ee12d306",
        "Makan / belanja dapur",
        "makan / belanja dapur",
        "personal",
        "spending",
        27,
    ),
    ("89ac11cb-b906-5484-a640-adaaaaee7925", "Sekolah anak", "sekolah anak", "personal", "spending", 28),
    ("2b639b09-1212-5104-ad87-eff1afc6cca6", "Kesehatan / BPJS", "kesehatan / bpjs", "personal", "spending", 29),
    (
        "de271025-c397-5562-9f6e-2b48969cdaa4",
        "Listrik / air / gas rumah",
        "listrik / air / gas rumah",
        "personal",
        "spending",
        30,
    ),
    ("e81c7ed5-7cd9-52a6-ba13-e60a99e9894e", "Pulsa / kuota", "pulsa / kuota", "personal", "spending", 31),
    ("06772be3-bd04-5ffc-8b84-f80eddbdb49c", "Transport", "transport", "personal", "spending", 32),
    (
        "44f4dfc4-f87e-5e43-bf37-49dd846efde9",
        "Sewa rumah / kontrakan",
        "sewa rumah / kontrakan",
        "personal",
        "spending",
        33,
    ),
    ("2b308246-9173-5e57-a2de-2479388b293b", "Arisan", "arisan", "personal", "spending", 34),
    (
        "c59e362a-075d-57bb-844d-013cd1342ae1",
        "Sumbangan / kondangan / sedekah",
        "sumbangan / kondangan / sedekah",
        "personal",
        "spending",
        35,
    ),
    ("0e61695b-56ce-5825-9cfa-55223b0f4df2", "Rokok", "rokok", "personal", "spending", 36),
    ("0bbca987-0099-5294-ab57-d7392af15763", "Cicilan pribadi", "cicilan pribadi", "personal", "spending", 37),
    ("3fccc315-1ae8-5652-a2dd-6d22a5bbf891", "Tabungan", "tabungan", "personal", "saving", 38),
    ("483ded60-712c-52cd-ab27-b9d5d6b0ee5d", "Pemasukan lain", "pemasukan lain", "personal", "income", 39),
    ("b679214e-e715-51ac-b5d8-436e0808c352", "Pengeluaran lain", "pengeluaran lain", "personal", "spending", 40),
)


def _v1_the_book(conn: sqlite3.Connection) -> None:
    conn.execute(
        """CREATE TABLE profiles (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL CHECK (length(trim(name)) > 0),
            name_key TEXT NOT NULL UNIQUE,
            business TEXT NOT NULL DEFAULT '',
            pin_salt BLOB NOT NULL,
            pin_hash BLOB NOT NULL,
            created_at TEXT NOT NULL
        ) STRICT"""
    )
    conn.execute(
        f"""CREATE TABLE categories (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            name_key TEXT NOT NULL,
            ledger TEXT NOT NULL CHECK (ledger IN ('business', 'personal')),
            kind TEXT NOT NULL CHECK (kind IN ({_V1_KINDS})),
            sort_order INTEGER NOT NULL DEFAULT 0,
            builtin INTEGER NOT NULL DEFAULT 0,
            UNIQUE (ledger, name_key)
        ) STRICT"""
    )
    conn.execute(
        f"""CREATE TABLE entries (
            id TEXT PRIMARY KEY,
            profile_id TEXT NOT NULL REFERENCES profiles (id),
            ledger TEXT NOT NULL CHECK (ledger IN ('business', 'personal')),
            direction TEXT NOT NULL CHECK (direction IN ('in', 'out')),
            amount INTEGER NOT NULL CHECK (amount > 0 AND amount <= 10000000000),
            date TEXT NOT NULL CHECK (date GLOB {_ISO_DATE}),
            category_id TEXT REFERENCES categories (id),
            move_id TEXT,
            move_kind TEXT CHECK (move_kind IN ({_V1_MOVES})),
            note TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            created_by TEXT NOT NULL,
            voided_at TEXT,
            voided_by TEXT,
            void_reason TEXT,
            CHECK ((category_id IS NULL) <> (move_id IS NULL)),
            CHECK ((move_id IS NULL) = (move_kind IS NULL)),
            CHECK ((voided_at IS NULL) = (void_reason IS NULL))
        ) STRICT"""
    )
    # Covers every per-profile figure, so a profile's queries do not slow down as the kiosk grows.
    conn.execute(
        """CREATE INDEX entries_figures ON entries
           (profile_id, date, ledger, direction, category_id, move_kind, amount, voided_at)
           WHERE voided_at IS NULL"""
    )
    conn.execute("CREATE INDEX entries_recent ON entries (profile_id, ledger, date, created_at)")
    conn.execute("CREATE INDEX entries_moves ON entries (move_id) WHERE move_id IS NOT NULL")
    conn.execute(
        f"""CREATE TABLE closed_days (
            profile_id TEXT NOT NULL REFERENCES profiles (id),
            date TEXT NOT NULL CHECK (date GLOB {_ISO_DATE}),
            marked_at TEXT NOT NULL,
            PRIMARY KEY (profile_id, date)
        ) STRICT, WITHOUT ROWID"""
    )
    conn.execute("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT")
    conn.executemany(
        "INSERT INTO categories (id, name, name_key, ledger, kind, sort_order, builtin) VALUES (?, ?, ?, ?, ?, ?, 1)",
        _V1_CATEGORIES,
    )


def _v2_kiosk_access(conn: sqlite3.Connection) -> None:
    """Consent, PIN lock-out that survives a restart, and the kiosk's staff (operator, mentors)."""
    conn.execute("ALTER TABLE profiles ADD COLUMN consent_at TEXT")
    conn.execute("ALTER TABLE profiles ADD COLUMN consent_method TEXT CHECK (consent_method IN ('screen', 'paper'))")
    conn.execute("ALTER TABLE profiles ADD COLUMN failed_pins INTEGER NOT NULL DEFAULT 0")
    conn.execute("ALTER TABLE profiles ADD COLUMN locked_until TEXT")
    conn.execute(
        """CREATE TABLE staff (
            id TEXT PRIMARY KEY,
            role TEXT NOT NULL CHECK (role IN ('operator', 'mentor')),
            name TEXT NOT NULL CHECK (length(trim(name)) > 0),
            pin_salt BLOB NOT NULL,
            pin_hash BLOB NOT NULL,
            failed_pins INTEGER NOT NULL DEFAULT 0,
            locked_until TEXT,
            created_at TEXT NOT NULL
        ) STRICT"""
    )


def _v3_balance_index(conn: sqlite3.Connection) -> None:
    """Balances read only this index: a save stays fast however long the book and the kiosk grow."""
    conn.execute(
        """CREATE INDEX entries_balance ON entries (profile_id, ledger, direction, amount, voided_at)
           WHERE voided_at IS NULL"""
    )


def _v4_file_safety(conn: sqlite3.Connection) -> None:
    """The file says it is a kiosk; lock-outs escalate; every view of a book by someone else is logged."""
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("ALTER TABLE profiles ADD COLUMN lockouts INTEGER NOT NULL DEFAULT 0")
    conn.execute("ALTER TABLE staff ADD COLUMN lockouts INTEGER NOT NULL DEFAULT 0")
    conn.execute(
        """CREATE TABLE access_log (
            id TEXT PRIMARY KEY,
            profile_id TEXT NOT NULL REFERENCES profiles (id),
            at TEXT NOT NULL,
            actor_role TEXT NOT NULL CHECK (actor_role IN ('beneficiary', 'mentor', 'operator')),
            actor_id TEXT,
            actor_name TEXT NOT NULL,
            action TEXT NOT NULL CHECK (length(action) > 0),
            channel TEXT NOT NULL CHECK (channel IN ('app', 'cli'))
        ) STRICT"""
    )
    conn.execute("CREATE INDEX access_log_by_profile ON access_log (profile_id, at)")


def _v5_mentor_coaching(conn: sqlite3.Connection) -> None:
    """Which mentor follows which beneficiary, and the coaching sessions with their agreed goals."""
    conn.execute(
        """CREATE TABLE assignments (
            mentor_id TEXT NOT NULL REFERENCES staff (id),
            profile_id TEXT NOT NULL REFERENCES profiles (id),
            assigned_at TEXT NOT NULL,
            PRIMARY KEY (mentor_id, profile_id)
        ) STRICT, WITHOUT ROWID"""
    )
    conn.execute("CREATE INDEX assignments_by_profile ON assignments (profile_id)")
    conn.execute(
        f"""CREATE TABLE coaching_sessions (
            id TEXT PRIMARY KEY,
            profile_id TEXT NOT NULL REFERENCES profiles (id),
            mentor_id TEXT NOT NULL REFERENCES staff (id),
            held_on TEXT NOT NULL CHECK (held_on GLOB {_ISO_DATE}),
            started_at TEXT NOT NULL,
            notes TEXT NOT NULL DEFAULT '',
            message TEXT NOT NULL DEFAULT '',
            snapshot TEXT NOT NULL DEFAULT '{{}}',
            next_session TEXT CHECK (next_session IS NULL OR next_session GLOB {_ISO_DATE})
        ) STRICT"""
    )
    conn.execute("CREATE INDEX coaching_sessions_by_profile ON coaching_sessions (profile_id, held_on)")
    conn.execute(
        f"""CREATE TABLE goals (
            id TEXT PRIMARY KEY,
            profile_id TEXT NOT NULL REFERENCES profiles (id),
            session_id TEXT NOT NULL REFERENCES coaching_sessions (id),
            kind TEXT NOT NULL CHECK (kind IN ('record_days', 'no_top_ups', 'owner_pay', 'sales_at_least',
                'keep_cash', 'spend_on', 'free_text')),
            target INTEGER CHECK (target IS NULL OR target > 0),
            per TEXT CHECK (per IS NULL OR per IN ('week', 'month')),
            category TEXT,
            text TEXT NOT NULL DEFAULT '',
            set_on TEXT NOT NULL CHECK (set_on GLOB {_ISO_DATE}),
            due TEXT NOT NULL CHECK (due GLOB {_ISO_DATE}),
            closed_at TEXT,
            closed_note TEXT
        ) STRICT"""
    )
    conn.execute("CREATE INDEX goals_by_profile ON goals (profile_id, due)")
    conn.execute("CREATE INDEX access_log_by_actor ON access_log (actor_id, action, at)")  # caseload's daily line
    # Each ledger's balance, kept by triggers in the same transaction as every write, so that a
    # caseload of 250 books reads 500 rows instead of summing millions of entries.
    conn.execute(
        """CREATE TABLE ledger_balances (
            profile_id TEXT NOT NULL REFERENCES profiles (id),
            ledger TEXT NOT NULL CHECK (ledger IN ('business', 'personal')),
            balance INTEGER NOT NULL,
            PRIMARY KEY (profile_id, ledger)
        ) STRICT, WITHOUT ROWID"""
    )
    conn.execute(
        """INSERT INTO ledger_balances (profile_id, ledger, balance)
           SELECT profile_id, ledger, SUM(CASE direction WHEN 'in' THEN amount ELSE -amount END)
           FROM entries WHERE voided_at IS NULL GROUP BY profile_id, ledger"""
    )
    signed = "CASE {row}.direction WHEN 'in' THEN {row}.amount ELSE -{row}.amount END"
    add = """INSERT INTO ledger_balances (profile_id, ledger, balance) VALUES ({row}.profile_id, {row}.ledger, {amount})
             ON CONFLICT (profile_id, ledger) DO UPDATE SET balance = balance + excluded.balance;"""
    conn.execute(
        "CREATE TRIGGER ledger_balances_insert AFTER INSERT ON entries WHEN NEW.voided_at IS NULL BEGIN "
        + add.format(row="NEW", amount=signed.format(row="NEW"))
        + " END"
    )
    conn.execute(
        "CREATE TRIGGER ledger_balances_delete AFTER DELETE ON entries WHEN OLD.voided_at IS NULL BEGIN "
        + add.format(row="OLD", amount="-(" + signed.format(row="OLD") + ")")
        + " END"
    )
    conn.execute(
        "CREATE TRIGGER ledger_balances_void AFTER UPDATE OF voided_at, amount, direction, ledger ON entries BEGIN "
        + "UPDATE ledger_balances SET balance = balance - ("
        + signed.format(row="OLD")
        + ") WHERE OLD.voided_at IS NULL AND profile_id = OLD.profile_id AND ledger = OLD.ledger; "
        + add.format(row="NEW", amount=f"CASE WHEN NEW.voided_at IS NULL THEN {signed.format(row='NEW')} ELSE 0 END")
        + " END"
    )


def _v6_day_totals(conn: sqlite3.Connection) -> None:
    """Each profile's live money per day, ledger, direction and category (or move kind), kept by
    triggers in the same transaction as every write: the caseload reads ~60 days × a few rows per
    book instead of every entry of those days (issue 8's ≤ 300 ms for 250 books)."""
    conn.execute(
        """CREATE TABLE day_totals (
            profile_id TEXT NOT NULL REFERENCES profiles (id),
            date TEXT NOT NULL,
            ledger TEXT NOT NULL,
            direction TEXT NOT NULL,
            is_move INTEGER NOT NULL CHECK (is_move IN (0, 1)),
            what TEXT NOT NULL,
            total INTEGER NOT NULL,
            entries INTEGER NOT NULL,
            PRIMARY KEY (profile_id, date, ledger, direction, is_move, what)
        ) STRICT, WITHOUT ROWID"""
    )
    conn.execute(
        """INSERT INTO day_totals (profile_id, date, ledger, direction, is_move, what, total, entries)
           SELECT profile_id, date, ledger, direction, move_kind IS NOT NULL, coalesce(category_id, move_kind),
                  SUM(amount), COUNT(*)
           FROM entries WHERE voided_at IS NULL
           GROUP BY profile_id, date, ledger, direction, move_kind IS NOT NULL, coalesce(category_id, move_kind)"""
    )
    add = """INSERT INTO day_totals (profile_id, date, ledger, direction, is_move, what, total, entries)
             VALUES ({row}.profile_id, {row}.date, {row}.ledger, {row}.direction, {row}.move_kind IS NOT NULL,
                     coalesce({row}.category_id, {row}.move_kind), {row}.amount, 1)
             ON CONFLICT (profile_id, date, ledger, direction, is_move, what)
             DO UPDATE SET total = total + excluded.total, entries = entries + 1;"""
    take = """UPDATE day_totals SET total = total - {row}.amount, entries = entries - 1
              WHERE profile_id = {row}.profile_id AND date = {row}.date AND ledger = {row}.ledger
                AND direction = {row}.direction AND is_move = ({row}.move_kind IS NOT NULL)
                AND what = coalesce({row}.category_id, {row}.move_kind);
              DELETE FROM day_totals WHERE entries = 0 AND profile_id = {row}.profile_id AND date = {row}.date;"""
    conn.execute(
        "CREATE TRIGGER day_totals_insert AFTER INSERT ON entries WHEN NEW.voided_at IS NULL BEGIN "
        + add.format(row="NEW")
        + " END"
    )
    conn.execute(
        "CREATE TRIGGER day_totals_delete AFTER DELETE ON entries WHEN OLD.voided_at IS NULL BEGIN "
        + take.format(row="OLD")
        + " END"
    )
    columns = "voided_at, amount, direction, ledger, date, category_id, move_kind, profile_id"
    conn.execute(
        f"CREATE TRIGGER day_totals_take_old AFTER UPDATE OF {columns} ON entries WHEN OLD.voided_at IS NULL BEGIN "
        + take.format(row="OLD")
        + " END"
    )
    conn.execute(
        f"CREATE TRIGGER day_totals_add_new AFTER UPDATE OF {columns} ON entries WHEN NEW.voided_at IS NULL BEGIN "
        + add.format(row="NEW")
        + " END"
    )


def _v7_deletions(conn: sqlite3.Connection) -> None:
    """A book deleted on request leaves one line: when, by whom (the role), and how much went.

    No name, no profile id, no content (DESIGN §8): the operator can show *that* a book was deleted,
    never whose or what it held."""
    conn.execute(
        """CREATE TABLE deletions (
            id TEXT PRIMARY KEY,
            deleted_at TEXT NOT NULL,
            deleted_by TEXT NOT NULL CHECK (deleted_by IN ('operator')),
            channel TEXT NOT NULL CHECK (channel IN ('app', 'cli')),
            entries INTEGER NOT NULL CHECK (entries >= 0),
            sessions INTEGER NOT NULL CHECK (sessions >= 0)
        ) STRICT"""
    )


MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (
    _v1_the_book,
    _v2_kiosk_access,
    _v3_balance_index,
    _v4_file_safety,
    _v5_mentor_coaching,
    _v6_day_totals,
    _v7_deletions,
)
LATEST_VERSION = len(MIGRATIONS)


def schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(
    conn: sqlite3.Connection,
    path: Path | None = None,
    upto: int = LATEST_VERSION,
    before_upgrade: Callable[[int, int], None] | None = None,
) -> int:
    """Bring the file to ``upto`` (the latest by default); return the version it was at.

    ``before_upgrade(found, upto)`` runs before an existing file is changed (the caller's safety
    copy); an error there stops the upgrade with the file untouched.
    """
    try:
        found = schema_version(conn)
        tables = conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()[0]
    except sqlite3.DatabaseError as error:
        raise DatabaseError(str(error)) from error
    if found > LATEST_VERSION:
        raise DatabaseError(f"file has schema version {found}, this app knows up to {LATEST_VERSION}")
    if found == 0 and tables:
        raise DatabaseError("file is an SQLite database but not a Wirausaha kiosk")
    if 0 < found < upto and before_upgrade is not None:
        before_upgrade(found, upto)
    for version in range(found + 1, upto + 1):
        with transaction(conn):
            MIGRATIONS[version - 1](conn)
            conn.execute(f"PRAGMA user_version = {version}")
    return found
