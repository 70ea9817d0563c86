"""The one SQLite file: recognising it before anything is written, opening it, one transaction per action.

Only the standard library's ``sqlite3`` is imported here, so that opening the kiosk stays off
the start-up budget; ``sqlite_utils`` is loaded by the admin jobs that use it.

A file is looked at through a read-only connection first (``inspect_file``): empty, not SQLite,
another program's database, from a newer app or damaged, it is refused and never written to, not
even by a journal-mode switch. Only a file recognised as a kiosk is opened for writing.

The page check (SQLite's ``quick_check``, which reads the whole file: ~120 ms warm and seconds
cold for a year of 50 families) may wait until after the first paint (``inspect_file(pages=False)``
then ``defer_page_check``): it then runs once, on a worker thread or, if a write comes first,
inside that write's ``transaction``, and a damaged file refuses the write with the same words.
"""

from __future__ import annotations

import errno
import logging
import os
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

from ..domain.problems import Problem, Refused

APPLICATION_ID = 0x57495241  # "WIRA" in the file header (set by migration 4)
SQLITE_MAGIC = b"SQLite format 3\x00"
KIOSK_TABLES = frozenset({"profiles", "categories", "entries", "settings"})
BUSY_SECONDS = 5.0
"""How long a write waits for another connection's transaction (the GUI's take milliseconds)."""
log = logging.getLogger("wirausaha")


class DatabaseError(Exception):
    """The file cannot be used as a kiosk (not SQLite, damaged, or from a newer app)."""


class UnusableFile(DatabaseError, Refused):
    """A kiosk file refused at open, with the problem that says why in plain words."""

    def __init__(self, problem: Problem) -> None:
        Refused.__init__(self, problem)


class StorageFailed(Refused):
    """SQLite or the disk refused an action (busy, full, read-only, damaged...); nothing was written."""


@dataclass(frozen=True)
class FileReport:
    """What ``inspect_file`` found. ``problem`` is None for a usable kiosk file (or a missing one)."""

    exists: bool
    problem: Problem | None = None
    version: int = 0
    read_only: bool = False
    wal_mode: bool = False
    pages_checked: bool = True  # False: ``inspect_file(pages=False)`` left the page check for later


class PageCheck:
    """The page check of a file opened before it: run once, from any thread; a second caller waits.

    A check that could not run (the file busy) is not a verdict: the next caller tries again."""

    def __init__(self, path: Path, read_only: bool) -> None:
        self._path, self._read_only = path, read_only
        self._lock = threading.Lock()
        self._done = False
        self._problem: Problem | None = None

    @property
    def done(self) -> bool:
        return self._done

    def run(self) -> Problem | None:
        """``kiosk_damaged`` when SQLite finds damaged pages, else None; the first call checks."""
        with self._lock:
            if not self._done:
                self._problem, self._done = page_verdict(self._path, self._read_only)
            return self._problem


class KioskConnection(sqlite3.Connection):
    """A connection to a kiosk file; ``pages`` is its page check while that has not run yet."""

    pages: PageCheck | None = None


def defer_page_check(conn: sqlite3.Connection, path: Path, read_only: bool = False) -> PageCheck:
    """From now on every ``transaction`` on ``conn`` first needs the page check to have passed."""
    if not isinstance(conn, KioskConnection):
        raise TypeError("the page check can only wait on a connection made by connect()")
    conn.pages = PageCheck(path, read_only)
    return conn.pages


def page_verdict(path: Path, read_only: bool = False) -> tuple[Problem | None, bool]:
    """``quick_check`` on a read-only connection of its own (so, safe on a worker thread): the
    problem (``kiosk_damaged``) or None, and whether that is a verdict (False: the file was busy).

    A writable kiosk is read with plain ``mode=ro``, never ``immutable``: the app and the CLI may
    write and checkpoint it meanwhile, and an immutable reader would see pages change under it and
    call a whole file damaged. A read-only kiosk is read as it was opened (``_read_only_uri``)."""
    uri = _read_only_uri(path) if read_only else f"{path.resolve().as_uri()}?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True, timeout=BUSY_SECONDS)
        try:
            verdict = _check_rows(conn, "quick_check")
        finally:
            conn.close()
    except sqlite3.Error as error:
        if _is_busy(error):  # no verdict either way: the next write asks again
            log.warning("the page check of %s could not run: %s", path, error)
            return None, False
        verdict = [str(error)]
    if verdict:
        log.error("the page check of %s found damage: %s", path, "; ".join(verdict[:5]))
        return Problem.of("kiosk_damaged", path=str(path)), True
    return None, True


def _side(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def wal_of(path: Path) -> Path:
    return _side(path, "-wal")


def shm_of(path: Path) -> Path:
    return _side(path, "-shm")


def _has_wal(path: Path) -> bool:
    try:
        return wal_of(path).stat().st_size > 0
    except OSError:
        return False


def writable(path: Path) -> bool:
    """The file and its folder (SQLite writes ``-wal`` and ``-shm`` beside it) can be written."""
    folder = path.parent
    if not os.access(folder, os.W_OK | os.X_OK):
        return False
    if path.exists() and not os.access(path, os.W_OK):
        return False
    return not any(side.exists() and not os.access(side, os.W_OK) for side in (wal_of(path), shm_of(path)))


def _read_only_uri(path: Path) -> str:
    """``immutable`` when no ``-wal`` holds newer pages: then SQLite creates no side files at all."""
    uri = f"{path.resolve().as_uri()}?mode=ro"
    return uri if _has_wal(path) else uri + "&immutable=1"


def inspect_file(path: Path, thorough: bool = False, pages: bool = True) -> FileReport:
    """Recognise the file without writing anything; ``thorough`` runs integrity_check, else quick_check.

    ``pages=False`` leaves the page check out (the report says so): the caller runs it later."""
    if not path.exists():
        if path.is_symlink():
            return FileReport(True, Problem.of("kiosk_unreadable", path=str(path)))
        return FileReport(False, read_only=not os.access(_existing_parent(path), os.W_OK | os.X_OK))
    if path.is_dir():
        return FileReport(True, Problem.of("kiosk_is_folder", path=str(path)))
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            header = handle.read(100)
    except OSError:
        return FileReport(True, Problem.of("kiosk_unreadable", path=str(path)))
    read_only = not writable(path)
    if size == 0:
        return FileReport(True, Problem.of("kiosk_empty", path=str(path)), read_only=read_only)
    if not header.startswith(SQLITE_MAGIC):
        return FileReport(True, Problem.of("kiosk_not_sqlite", path=str(path)), read_only=read_only)
    wal_mode = header[18:20] == b"\x02\x02"
    damaged = FileReport(True, Problem.of("kiosk_damaged", path=str(path)), read_only=read_only)
    if len(header) < 100 or _truncated(header, size, path):
        return damaged
    try:
        conn = sqlite3.connect(_read_only_uri(path), uri=True, timeout=BUSY_SECONDS)
    except sqlite3.Error:
        return FileReport(True, Problem.of("kiosk_unreadable", path=str(path)), read_only=read_only)
    try:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        application = int(conn.execute("PRAGMA application_id").fetchone()[0])
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_schema WHERE type = 'table'")}
        verdict = _check_rows(conn, "integrity_check" if thorough else "quick_check") if pages or thorough else []
    except sqlite3.Error as error:
        code = "kiosk_busy" if _is_busy(error) else "kiosk_damaged"
        return FileReport(True, Problem.of(code, path=str(path)), read_only=read_only)
    finally:
        conn.close()
    found = FileReport(True, None, version, read_only, wal_mode, pages_checked=pages or thorough)
    if application not in (0, APPLICATION_ID):
        return _with(found, "kiosk_foreign", path)
    if version == 0 and not tables:
        return _with(found, "kiosk_empty", path)
    if application != APPLICATION_ID and (version == 0 or not tables >= KIOSK_TABLES):
        return _with(found, "kiosk_foreign", path)
    from .migrations import LATEST_VERSION

    if version > LATEST_VERSION:
        return _with(found, "kiosk_newer", path, version=version, known=LATEST_VERSION)
    if verdict:
        return _with(found, "kiosk_damaged", path)
    return found


def _with(report: FileReport, code: str, path: Path, **params: object) -> FileReport:
    return FileReport(True, Problem.of(code, path=str(path), **params), report.version, report.read_only)


def _existing_parent(path: Path) -> Path:
    folder = path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    return folder


def _truncated(header: bytes, size: int, path: Path) -> bool:
    """The header's page count is valid (bytes 92-95 equal the change counter) and needs more bytes
    than the file has. Pages still in a ``-wal`` are not counted, so only checked without one."""
    if _has_wal(path):
        return False
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    valid = header[92:96] == header[24:28]
    return valid and pages > 0 and size < pages * page_size


def _check_rows(conn: sqlite3.Connection, pragma: str) -> list[str]:
    rows = [str(row[0]) for row in conn.execute(f"PRAGMA {pragma}")]
    return [] if rows == ["ok"] else rows


def connect(path: Path | str) -> sqlite3.Connection:
    """Open (creating if needed) a kiosk file for writing: WAL, FULL sync, foreign keys on.

    Call it only on a file ``inspect_file`` recognised (or a new one): switching to WAL writes.
    """
    if str(path) != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(str(path), isolation_level=None, timeout=BUSY_SECONDS, factory=KioskConnection)
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        conn.execute("PRAGMA synchronous = FULL")
    except sqlite3.DatabaseError as error:
        conn.close()
        raise DatabaseError(str(error)) from error
    if str(path) != ":memory:" and mode.lower() != "wal":
        conn.close()
        raise DatabaseError(f"journal mode is {mode}, not WAL")
    return conn


def wait_when_busy(conn: sqlite3.Connection, milliseconds: int) -> None:
    """How long a write waits for another connection's transaction before it is refused as busy."""
    conn.execute(f"PRAGMA busy_timeout = {int(milliseconds)}")


def connect_read_only(path: Path) -> sqlite3.Connection:
    """A kiosk file that cannot be written here: it may be looked at, never changed."""
    conn = sqlite3.connect(
        _read_only_uri(path), uri=True, isolation_level=None, timeout=BUSY_SECONDS, factory=KioskConnection
    )
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def create_file(path: Path, build: Callable[[sqlite3.Connection], object]) -> None:
    """A new kiosk is built under a temporary name and renamed into place when whole, so that a
    crash never leaves a half-made file that would later look like an empty kiosk."""
    temporary = _side(path, ".new")
    for leftover in (temporary, wal_of(temporary), shm_of(temporary)):
        leftover.unlink(missing_ok=True)
    conn = connect(temporary)
    try:
        build(conn)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()  # the last connection checkpoints the WAL and removes it
    for side in (wal_of(temporary), shm_of(temporary)):
        side.unlink(missing_ok=True)
    fsync_file(temporary)
    os.replace(temporary, path)
    fsync_folder(path.parent)


def fsync_file(path: Path) -> None:
    """The file's bytes on the disk before it is renamed into place (a power cut keeps a whole file)."""
    with path.open("rb+") as handle:
        os.fsync(handle.fileno())


def fsync_folder(folder: Path) -> None:
    """A rename is durable only once the folder is synced (POSIX); Windows has no folder handles."""
    if os.name != "posix":
        return
    handle = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One action = one transaction: everything inside commits together or not at all.

    SQLite's own refusals (busy, disk full, read-only, a constraint) become ``StorageFailed`` with
    the real reason. SQLite may already have rolled back (a full disk does); then nothing is left
    to roll back, and trying would hide the real error behind "no transaction is active".

    A file whose page check is still due (``defer_page_check``) is checked first; damaged, nothing
    is written.
    """
    if isinstance(conn, KioskConnection) and conn.pages is not None:
        problem = conn.pages.run()
        if problem is not None:
            raise StorageFailed(problem)
        conn.pages = None  # passed: later writes need not ask
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.Error as error:
        raise StorageFailed(problem_of(error)) from error
    try:
        yield conn
        conn.execute("COMMIT")
    except BaseException as error:
        if conn.in_transaction:
            with suppress(sqlite3.Error):
                conn.execute("ROLLBACK")
        if isinstance(error, sqlite3.Error):
            raise StorageFailed(problem_of(error)) from error
        raise


def _is_busy(error: sqlite3.Error) -> bool:
    name = getattr(error, "sqlite_errorname", "") or ""
    return name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "locked" in str(error)


def problem_of(error: BaseException) -> Problem:
    """The plain problem behind an SQLite or disk error (codes described in ``messages.py``)."""
    if isinstance(error, sqlite3.Error):
        name = getattr(error, "sqlite_errorname", "") or ""
        text = str(error).lower()
        if _is_busy(error):
            return Problem.of("kiosk_busy")
        if name.startswith("SQLITE_FULL") or "full" in text:
            return Problem.of("disk_full")
        if name.startswith("SQLITE_READONLY") or "readonly" in text or "read-only" in text:
            return Problem.of("kiosk_read_only")
        if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")) or "malformed" in text:
            return Problem.of("kiosk_damaged_now")
        if isinstance(error, sqlite3.IntegrityError) or name.startswith("SQLITE_CONSTRAINT"):
            return Problem.of("data_refused")
        if name.startswith(("SQLITE_IOERR", "SQLITE_CANTOPEN")) or "disk i/o" in text:
            return Problem.of("disk_error")
        return Problem.of("storage_error", detail=str(error))
    if isinstance(error, OSError):
        if error.errno == errno.ENOSPC:
            return Problem.of("disk_full")
        if error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            return Problem.of("kiosk_read_only")
        return Problem.of("disk_error")
    return Problem.of("storage_error", detail=str(error))


def integrity_problems(conn: sqlite3.Connection) -> list[str]:
    """``PRAGMA integrity_check`` and ``foreign_key_check``; an empty list means healthy."""
    problems = _check_rows(conn, "integrity_check")
    problems += [f"foreign key: {row[0]} row {row[1]} → {row[2]}" for row in conn.execute("PRAGMA foreign_key_check")]
    kept = conn.execute("SELECT 1 FROM sqlite_schema WHERE name = 'ledger_balances'").fetchone()
    if kept and not problems:
        problems += [
            f"kept balance: {row[0]} {row[1]}"
            for row in conn.execute(
                """SELECT e.profile_id, e.ledger FROM (
                       SELECT profile_id, ledger, SUM(CASE direction WHEN 'in' THEN amount ELSE -amount END) AS total
                       FROM entries WHERE voided_at IS NULL GROUP BY profile_id, ledger) e
                   LEFT JOIN ledger_balances b ON b.profile_id = e.profile_id AND b.ledger = e.ledger
                   WHERE coalesce(b.balance, 0) <> e.total"""
            )
        ]
    per_day = conn.execute("SELECT 1 FROM sqlite_schema WHERE name = 'day_totals'").fetchone()
    if per_day and not problems:
        problems += [
            f"kept day total: {row[0]} {row[1]}"
            for row in conn.execute(
                """WITH live AS (
                       SELECT profile_id, date, ledger, direction, move_kind IS NOT NULL AS is_move,
                              coalesce(category_id, move_kind) AS what, SUM(amount) AS total, COUNT(*) AS entries
                       FROM entries WHERE voided_at IS NULL
                       GROUP BY profile_id, date, ledger, direction, 5, 6)
                   SELECT profile_id, date FROM (
                       SELECT * FROM live EXCEPT
                       SELECT profile_id, date, ledger, direction, is_move, what, total, entries FROM day_totals
                       UNION ALL
                       SELECT * FROM (SELECT profile_id, date, ledger, direction, is_move, what, total, entries
                                      FROM day_totals EXCEPT SELECT * FROM live))
                   GROUP BY profile_id, date"""
            )
        ]
    return problems


def backup_copy(conn: sqlite3.Connection, target: Path) -> None:
    """A consistent copy of the live file (SQLite backup API), checked, then renamed into place.

    The copy is written under ``.partial`` and removed whatever goes wrong, so that a failed
    backup never leaves a half file that looks like a copy.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = _side(target, ".partial")
    try:
        copy = sqlite3.connect(str(partial))
        try:
            conn.backup(copy)
            copy.execute("PRAGMA journal_mode = DELETE")
            verdict = _check_rows(copy, "integrity_check")
        finally:
            copy.close()
        if verdict:
            raise DatabaseError(f"backup copy failed its integrity check: {verdict[0]}")
        fsync_file(partial)
        os.replace(partial, target)
    except BaseException:
        for leftover in (partial, _side(partial, "-journal")):
            with suppress(OSError):
                leftover.unlink(missing_ok=True)
        raise
    with suppress(OSError):
        fsync_folder(target.parent)


def open_read_only(path: Path) -> sqlite3.Connection:
    """A separate connection that cannot write (for backups from another thread)."""
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_SECONDS)


def open_copy(path: Path) -> sqlite3.Connection:
    """A backup copy, read without creating anything beside it."""
    return sqlite3.connect(_read_only_uri(path), uri=True, timeout=BUSY_SECONDS)


def copy_summary(path: Path) -> tuple[int, int, list[str]]:
    """Entries as people count them (not cancelled; a move once), profiles and integrity problems of a
    copy, read-only."""
    conn = open_copy(path)
    try:
        entries = int(
            conn.execute(
                "SELECT count(*) FROM entries WHERE voided_at IS NULL AND (move_id IS NULL OR direction = 'out')"
            ).fetchone()[0]
        )
        profiles = int(conn.execute("SELECT count(*) FROM profiles").fetchone()[0])
        return entries, profiles, _check_rows(conn, "integrity_check")
    finally:
        conn.close()
