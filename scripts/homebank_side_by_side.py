"""HomeBank (C/GTK) and Wirausaha side by side on one Xvfb, the same ~20,000 entries, timed off the screen.

    .venv/bin/python scripts/homebank_side_by_side.py [--repeats 5] [--out DIR] [--size 1366x768]

Issue 11 §7: "a mapped window with her book on screen should beat HomeBank with the same 20,000
entries". Both apps run on one fresh Xvfb (``--size``, no window manager), one at a time,
alternated round by round, after one warm-up run each that is not counted:

- **HomeBank** ``homebank FILE.xhb``, from the moment before ``Popen`` until its home page (the
  accounts *Usaha* and *Pribadi* with balances summed from every operation, the spending chart)
  is painted. The ``.xhb`` file is written from the very entries of our kiosk file (same dates,
  amounts, notes; moves as HomeBank transfers), so both apps add up the same numbers. HomeBank gets
  a temporary ``HOME`` whose ``~/.config/homebank/preferences`` turns off the splash screen, the
  welcome dialog and loading the last file, and sizes its main window like ours (the screen). Its
  GTK settings turn animations off: with GTK's default (on), its page is complete in its first
  frame, then three buttons fade to grey for ~190 ms more, which the watch below counts as
  painting. Each round also times HomeBank with animations on, and on the same file without
  operations (what its 20,000 operations cost it).
- **Wirausaha** ``wirausaha --data FILE run`` on a fresh copy of ``benchmarks/data.py``'s busy
  kiosk (one profile, "Sari", ~20,000 entries over three years), from before ``Popen`` until the
  picker is painted (*launch → picker*); then her card is clicked, her PIN typed (xdotool, not
  timed) and timed from the Return key (sent with XTest, no process start in between) until her
  book is painted (*unlock → book*). Before the card is clicked the app's automatic backup (5 s
  after start, on a worker thread) is waited for, so that it does not land inside the unlock.
  The PIN check (scrypt, on purpose ~50 ms) is timed apart in this process on another copy.
  Bytecode as an installed app has it (``benchmarks.common.child_env``); a temporary
  ``WIRAUSAHA_HOME`` and ``HOME``: no real data is touched.

"Painted" is read off the screen the same way for both: Xvfb keeps its framebuffer in a file
(``-fbdir``), this process maps it and compares it with the previous copy every ``--poll-ms``
(a read of the 4 MB takes ~0.3 ms and nothing goes through the X server; the median read and gap
are in the report). The time of a change is the
midpoint between the poll that saw it and the one before; "painted" is the last change after
which the screen stays the same for ``--quiet`` seconds. Every final screen is saved as PNG
(``import -window root``) with a hash of the framebuffer, so that each run can be checked against
the others and against the calibration run, where a small reporter in the app (the one of
``scripts/xvfb_screens.py``) confirms the picker, the PIN page and the book page by widget name
and gives the card's position.

Writes ``<out>/report.json`` (every raw time, the screens' change times, the poll's cost) and the
pictures; prints a table. Needs Xvfb, xdotool, ImageMagick, x11-utils and homebank (installed with
apt-get when run as root). Exit code 0 when measured, 1 and one line when a step failed.
"""

from __future__ import annotations

import argparse
import ctypes
import datetime as dt
import hashlib
import importlib
import json
import mmap
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, suppress
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any
from xml.sax.saxutils import quoteattr

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

# found through the two folders above (run as a script, only scripts/ is on the path)
import xvfb_screens  # noqa: E402
from xvfb_screens import XCB_LIBS, Screen, StepFailed, apt_install, qt_starts_on  # noqa: E402

from benchmarks.common import child_env, machine, median, session_dir  # noqa: E402

# the busy kiosk's builder; imported by name, so that mypy does not type-check benchmarks/data.py
data = importlib.import_module("benchmarks.data")

TOOLS = {"Xvfb": "xvfb", "xdotool": "xdotool", "import": "imagemagick", "xwininfo": "x11-utils", "homebank": "homebank"}
ENTRIES = 20_000
WAIT_S = 60.0
XK_RETURN = 0xFF0D
INCOME_KINDS = {"sales", "grant", "other_in", "loan_in", "income", "aid"}
LEDGER_ACCOUNTS = {"business": (1, "Usaha"), "personal": (2, "Pribadi")}


# -- tools ------------------------------------------------------------------------------------------


def ensure_tools() -> str | None:
    """None when every tool is there (installed now if need be); else the one line to say."""
    missing = [package for tool, package in TOOLS.items() if shutil.which(tool) is None]
    if missing and not apt_install(missing):
        return f"homebank_side_by_side: needs {', '.join(missing)}; install with: apt-get install {' '.join(missing)}"
    still = [tool for tool in TOOLS if shutil.which(tool) is None]
    if still:
        return f"homebank_side_by_side: still missing after apt-get: {' '.join(still)}"
    return None


def version(command: list[str]) -> str:
    with suppress(OSError, subprocess.SubprocessError):
        done = subprocess.run(command, capture_output=True, text=True, timeout=20)
        return (done.stdout or done.stderr).strip().splitlines()[0]
    return "?"


# -- the X server, its framebuffer and the keyboard ------------------------------------------------


def xvfb(width: int, height: int, fbdir: Path) -> AbstractContextManager[str]:
    """``xvfb_screens.xvfb`` with ``-fbdir`` (the screen is also the file ``fbdir/Xvfb_screen0``) and
    ``-nocursor`` (the pointer's sprite, drawn into that file, would change with each app's cursor)."""
    return xvfb_screens.xvfb(width, height, ["-fbdir", str(fbdir), "-nocursor"])


@dataclass
class Watch:
    """What the screen did after an action at ``start`` (monotonic seconds)."""

    start: float
    changes: list[float]  # monotonic midpoints of each change seen
    final: bytes

    @property
    def painted_ms(self) -> float:
        return (self.changes[-1] - self.start) * 1000

    def as_json(self) -> dict[str, Any]:
        return {
            "painted_ms": round(self.painted_ms, 2),
            "first_change_ms": round((self.changes[0] - self.start) * 1000, 2),
            "changes_ms": [round((t - self.start) * 1000, 1) for t in self.changes],
            "final_sha1": hashlib.sha1(self.final).hexdigest(),
        }


@dataclass
class Framebuffer:
    """Xvfb's screen, read straight from its ``-fbdir`` file (the XWD header and every pixel)."""

    path: Path
    poll_s: float
    quiet_s: float
    poll_costs: list[float] = field(default_factory=list)
    poll_gaps: list[float] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._file = self.path.open("rb")
        self._map = mmap.mmap(self._file.fileno(), 0, access=mmap.ACCESS_READ)

    def grab(self) -> bytes:
        return self._map[:]

    def close(self) -> None:
        self._map.close()
        self._file.close()

    def wait_still(self, start: float, before: bytes, alive: Callable[[], bool], what: str) -> Watch:
        """Poll until the screen, changed from ``before``, has not changed for ``quiet_s``."""
        previous, previous_at, changes = before, start, []
        next_poll = time.monotonic()
        while True:
            began = time.monotonic()
            frame = self.grab()
            seen = time.monotonic()
            self.poll_costs.append(seen - began)
            self.poll_gaps.append(seen - previous_at)
            if frame != previous:
                changes.append((previous_at + seen) / 2)
                previous = frame
            previous_at = seen
            if changes and seen - changes[-1] >= self.quiet_s:
                return Watch(start, changes, frame)
            if seen - start > WAIT_S:
                raise StepFailed(f"{what}: the screen {'never changed' if not changes else 'never settled'}")
            if not alive():
                raise StepFailed(f"{what}: the app exited")
            next_poll = max(next_poll + self.poll_s, time.monotonic())
            time.sleep(max(0.0, next_poll - time.monotonic()))

    def wait_for(self, frame: bytes, timeout: float = 20.0) -> None:
        deadline = time.monotonic() + timeout
        while self.grab() != frame:
            if time.monotonic() > deadline:
                raise StepFailed("the screen did not go back to empty after an app was stopped")
            time.sleep(0.05)


class Keyboard:
    """The timed key press: XTest straight to the X server, no xdotool process to start first."""

    def __init__(self, display: str) -> None:
        try:
            self._x11 = ctypes.CDLL("libX11.so.6")
            self._xtst = ctypes.CDLL("libXtst.so.6")
        except OSError as error:
            raise StepFailed(f"needs libX11 and libXtst (xdotool's): {error}") from error
        self._x11.XOpenDisplay.restype = ctypes.c_void_p
        self._x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
        self._x11.XKeysymToKeycode.restype = ctypes.c_ubyte
        self._x11.XKeysymToKeycode.argtypes = [ctypes.c_void_p, ctypes.c_ulong]
        self._x11.XFlush.argtypes = [ctypes.c_void_p]
        self._x11.XCloseDisplay.argtypes = [ctypes.c_void_p]
        self._xtst.XTestFakeKeyEvent.argtypes = [ctypes.c_void_p, ctypes.c_uint, ctypes.c_int, ctypes.c_ulong]
        self._display = self._x11.XOpenDisplay(display.encode())
        if not self._display:
            raise StepFailed(f"cannot open the X display {display}")

    def press(self, keysym: int) -> float:
        """Press and release ``keysym``; the monotonic time just before the press went out."""
        code = self._x11.XKeysymToKeycode(self._display, keysym)
        at = time.monotonic()
        self._xtst.XTestFakeKeyEvent(self._display, code, 1, 0)
        self._xtst.XTestFakeKeyEvent(self._display, code, 0, 0)
        self._x11.XFlush(self._display)
        return at

    def close(self) -> None:
        self._x11.XCloseDisplay(self._display)


# -- the data ---------------------------------------------------------------------------------------


def homebank_file(kiosk: Path, target: Path, title: str) -> dict[str, Any]:
    """Every live entry of the kiosk file as a HomeBank 5.6 operation (moves as transfers)."""
    with sqlite3.connect(f"file:{kiosk}?mode=ro", uri=True) as conn:
        categories = conn.execute(
            "SELECT id, name, ledger, kind FROM categories ORDER BY ledger, sort_order"
        ).fetchall()
        entries = conn.execute(
            "SELECT ledger, direction, amount, date, category_id, move_id, note FROM entries"
            " WHERE voided_at IS NULL ORDER BY date, rowid"
        ).fetchall()
        balances = dict(
            conn.execute(
                "SELECT ledger, sum(CASE direction WHEN 'in' THEN amount ELSE -amount END) FROM entries"
                " WHERE voided_at IS NULL GROUP BY ledger"
            ).fetchall()
        )
    used = {row[4] for row in entries}
    lines = [
        '<?xml version="1.0"?>',
        '<homebank v="1.4" d="050602">',
        f'<properties title={quoteattr(title)} curr="1" auto_smode="1" auto_weekday="1" auto_nbdays="0"/>',
        '<cur key="1" flags="0" iso="IDR" name="Indonesian Rupiah" symb="Rp" syprf="1" dchar="," gchar="."'
        ' frac="0" rate="0" mdate="0"/>',
    ]
    for key, name in LEDGER_ACCOUNTS.values():
        lines.append(f'<account key="{key}" pos="{key}" type="2" curr="1" name="{name}" initial="0"/>')
    keys: dict[str, int] = {}
    for parent, name in LEDGER_ACCOUNTS.values():
        lines.append(f'<cat key="{parent}" name="{name}"/>')
    for category_id, name, ledger, kind in categories:
        if category_id in used:
            keys[category_id] = len(keys) + 3
            flags = 1 | (2 if kind in INCOME_KINDS else 0)  # a sub-category; an income one
            parent = LEDGER_ACCOUNTS[ledger][0]
            lines.append(f'<cat key="{keys[category_id]}" parent="{parent}" flags="{flags}" name={quoteattr(name)}/>')
    transfers: dict[str, int] = {}
    for ledger, direction, amount, iso, category_id, move_id, note in entries:
        account = LEDGER_ACCOUNTS[ledger][0]
        julian = dt.date.fromisoformat(iso).toordinal()  # GLib's Julian day: day 1 is 0001-01-01
        signed = amount if direction == "in" else -amount
        attrs = f'date="{julian}" amount="{signed}" account="{account}"'
        if move_id is not None:
            other = 3 - account
            xfer = transfers.setdefault(move_id, len(transfers) + 1)
            flags = 10 if direction == "in" else 8  # as HomeBank's own example.xhb writes transfers
            attrs += f' dst_account="{other}" st="2" flags="{flags}" wording={quoteattr(note)} kxfer="{xfer}"'
        else:
            flags = 2 if direction == "in" else 0
            attrs += f' st="2" flags="{flags}" category="{keys[category_id]}" wording={quoteattr(note)}'
        lines.append(f"<ope {attrs}/>")
    lines.append("</homebank>")
    target.write_text("\n".join(lines) + "\n", "utf-8")
    dates = [row[3] for row in entries]
    return {
        "file": str(target),
        "bytes": target.stat().st_size,
        "operations": len(entries),
        "transfers": len(transfers),
        "categories": len(keys),
        "first_date": min(dates),
        "last_date": max(dates),
        "balance_usaha": balances.get("business", 0),
        "balance_pribadi": balances.get("personal", 0),
    }


def empty_homebank_file(full: Path, target: Path) -> None:
    """The same file without a single operation: HomeBank's own floor."""
    kept = [line for line in full.read_text("utf-8").splitlines() if not line.startswith("<ope ")]
    target.write_text("\n".join(kept) + "\n", "utf-8")


def homebank_prefs(home: Path, width: int, height: int, animations: bool) -> None:
    """No splash, no welcome dialog, no last file; the main window the size of the screen (like ours).

    Without ``animations`` GTK's own setting ``gtk-enable-animations`` is off: with it on (GTK's
    default), once the home page is complete, *Skip*, *Edit & Post* and *Post* fade to grey for
    another ~190 ms (a CSS transition), which the screen watch counts as painting."""
    gtk = home / ".config" / "gtk-3.0"
    gtk.mkdir(parents=True, exist_ok=True)
    (gtk / "settings.ini").write_text(f"[Settings]\ngtk-enable-animations={str(animations).lower()}\n", "utf-8")
    folder = home / ".config" / "homebank"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "preferences").write_text(
        "[General]\nVersion=562\nShowSplash=false\nShowWelcome=false\nLoadLast=false\n"
        f"WalletPath={home}\nBackupPath={home}\nImportPath={home}\nExportPath={home}\n"
        f"\n[Windows]\nWal=0;0;{width};{height};0;\n",
        "utf-8",
    )


def pin_check_ms(kiosk: Path, folder: Path) -> list[float]:
    """``ProfileService.unlock`` with her PIN (scrypt), 5 times after one, on a private copy."""
    from wirausaha_desktop.services.kiosk import Kiosk

    copy = folder / "pin-check.sqlite"
    shutil.copyfile(kiosk, copy)
    opened = Kiosk.open(copy, data.clock())
    try:
        profile = opened.profiles.find("Sari")
        times = []
        for attempt in range(6):
            start = time.perf_counter()
            opened.profiles.unlock(profile.id, data.PIN)
            if attempt:
                times.append((time.perf_counter() - start) * 1000)
    finally:
        opened.close()
    return times


# -- running the apps -------------------------------------------------------------------------------


def child(data_file: Path, channel: Path) -> int:
    """In the app's process (calibration only): the real ``wirausaha --data FILE run`` plus the reporter."""
    from PySide6.QtCore import QTimer

    from wirausaha_desktop import cli
    from wirausaha_desktop.gui import launch

    original = launch.application
    timers: list[QTimer] = []

    def application() -> Any:
        app = original()
        if not timers:
            timer = QTimer(app)
            timer.timeout.connect(lambda: xvfb_screens._report(channel))
            timer.start(100)
            timers.append(timer)
        return app

    launch.application = application
    return cli.main(["--data", str(data_file), "run"])


@dataclass(frozen=True)
class Started:
    """A started app: its process, the monotonic time just before ``Popen``, the screen before it."""

    process: subprocess.Popen[bytes]
    at: float
    screen: bytes

    def alive(self) -> bool:
        return self.process.poll() is None


@dataclass
class Bench:
    """One session: the display, its framebuffer, the files, and everything measured."""

    display: str
    size: tuple[int, int]
    fb: Framebuffer
    keyboard: Keyboard
    work: Path
    out: Path
    kiosk: Path
    xhb: Path
    xhb_empty: Path
    blank: bytes = b""
    card: tuple[int, int] = (0, 0)
    calibration: dict[str, Any] = field(default_factory=dict)
    runs: list[dict[str, Any]] = field(default_factory=list)

    @property
    def park(self) -> tuple[int, int]:
        """Where the pointer waits: the right edge, half-way down (empty in both apps)."""
        return self.size[0] - 1, self.size[1] // 2

    def xdotool(self, *args: str) -> str:
        done = subprocess.run(
            ["xdotool", *args], env={**os.environ, "DISPLAY": self.display}, capture_output=True, text=True, timeout=20
        )
        return done.stdout

    def shot(self, name: str) -> str:
        path = self.out / f"{name}.png"
        subprocess.run(
            ["import", "-window", "root", str(path)],
            env={**os.environ, "DISPLAY": self.display},
            check=True,
            timeout=60,
        )
        return str(path)

    def windows(self) -> list[dict[str, Any]]:
        """The mapped top-level windows: title and geometry (a dialog would show up here)."""
        found = []
        for wid in self.xdotool("search", "--onlyvisible", "--name", ".").split():
            shell = dict(
                line.split("=", 1)
                for line in self.xdotool("getwindowgeometry", "--shell", wid).splitlines()
                if "=" in line
            )
            if int(shell.get("WIDTH", "0")) > 10:
                title = self.xdotool("getwindowname", wid).strip()
                found.append(
                    {"title": title, "geometry": f"{shell['WIDTH']}x{shell['HEIGHT']}+{shell['X']}+{shell['Y']}"}
                )
        return found

    def base_env(self, home: Path) -> dict[str, str]:
        env = {**os.environ, "DISPLAY": self.display, "HOME": str(home)}
        for name in ("WAYLAND_DISPLAY", "DBUS_SESSION_BUS_ADDRESS"):
            env.pop(name, None)
        return env

    @contextmanager
    def process(self, command: list[str], env: dict[str, str], log: Path) -> Iterator[Started]:
        """A process in its own group on the empty screen, stopped by its pid afterwards."""
        self.xdotool("mousemove", str(self.park[0]), str(self.park[1]))
        self.fb.wait_for(self.blank)
        with log.open("ab") as sink:
            before = self.fb.grab()
            spawned = time.monotonic()
            process = subprocess.Popen(command, env=env, stdout=sink, stderr=sink, start_new_session=True)
            try:
                yield Started(process, spawned, before)
            finally:
                xvfb_screens.stop_group(process)
        self.fb.wait_for(self.blank)

    # -- HomeBank ---------------------------------------------------------------------------------

    def homebank(self, label: str, variant: str) -> dict[str, Any]:
        """One HomeBank run: ``full`` (20k operations), ``animated`` (the same, GTK's animations on,
        its default) or ``empty`` (the same file without operations)."""
        xhb = self.xhb_empty if variant == "empty" else self.xhb
        home = self.work / "homebank-home"
        homebank_prefs(home, *self.size, animations=variant == "animated")
        env = {**self.base_env(home), "GDK_BACKEND": "x11"}
        with self.process(["homebank", str(xhb)], env, self.out / "homebank.log") as started:
            watch = self.fb.wait_still(started.at, started.screen, started.alive, f"HomeBank {label} {variant}")
            result = {"label": label, "app": "homebank", "variant": variant, "file": xhb.name, **watch.as_json()}
            result["windows"] = self.windows()
            result["screenshot"] = self.shot(f"homebank-{label}-{variant}")
        return result

    # -- the floor: an empty PySide6 window (the launch benchmark's), the same way -------------

    def floor(self, label: str) -> dict[str, Any]:
        """``python`` with an empty QMainWindow and a QTableView over the whole screen, watched like
        the apps: what any PySide6 window pays before it shows anything of its own."""
        command = [sys.executable, "-c", FLOOR_WINDOW]
        with self.process(command, self.our_env(self.work), self.out / "floor.log") as started:
            watch = self.fb.wait_still(started.at, started.screen, started.alive, f"floor {label}")
        return {"label": label, "app": "floor", **watch.as_json()}

    # -- ours -------------------------------------------------------------------------------------

    def our_env(self, folder: Path) -> dict[str, str]:
        env = child_env({"QT_QPA_PLATFORM": "xcb", "WIRAUSAHA_HOME": str(folder)})
        env.update({"DISPLAY": self.display, "HOME": str(self.work / "wirausaha-home")})
        for name in ("WAYLAND_DISPLAY", "DBUS_SESSION_BUS_ADDRESS"):
            env.pop(name, None)
        return env

    def fresh_copy(self, label: str) -> Path:
        folder = self.work / f"wirausaha-{label}"
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        (self.work / "wirausaha-home").mkdir(exist_ok=True)
        target = folder / "kiosk.sqlite"
        shutil.copyfile(self.kiosk, target)
        return target

    def settle_backup(self, kiosk: Path, started: Started) -> float:
        """Wait for the app's automatic backup (5 s after start, on a worker thread) and a quiet CPU;
        the seconds from the start until the backup's last copy was there."""
        monthly = kiosk.parent / "backups" / "monthly"
        while not any(monthly.glob("*.sqlite")):
            if time.monotonic() - started.at > WAIT_S:
                raise StepFailed("the app's automatic backup never finished")
            if not started.alive():
                raise StepFailed("the app exited before its automatic backup")
            time.sleep(0.1)
        done = time.monotonic() - started.at
        cpu = cpu_seconds(started.process.pid)
        while True:
            time.sleep(0.5)
            now = cpu_seconds(started.process.pid)
            if now - cpu < 0.01:
                return done
            cpu = now

    def type_pin(self) -> None:
        """Her card, then her PIN on the keyboard (the PIN field has the focus); not timed."""
        x, y = self.card
        self.xdotool("mousemove", str(x), str(y), "sleep", "0.1", "click", "1")
        time.sleep(0.2)
        self.xdotool("mousemove", str(self.park[0]), str(self.park[1]))
        time.sleep(1.0)
        self.xdotool("type", "--delay", "80", data.PIN)
        time.sleep(0.6)

    def calibrate(self) -> None:
        """The warm-up run of ours, with the reporter: the card's place, and each page checked by name."""
        kiosk = self.fresh_copy("calibration")
        channel = self.work / "widgets.json"
        screen = Screen(self.display, self.size, self.out, channel)
        command = [sys.executable, str(Path(__file__).resolve()), "--child", str(kiosk), str(channel)]
        with self.process(command, self.our_env(kiosk.parent), self.out / "wirausaha.log") as started:
            card = screen.wait_for(
                lambda w: w["name"].startswith("profileCard_") and w["accessible"].startswith("Sari"), "Sari's card"
            )
            x, y, w, h = card["rect"]
            self.card = (x + w // 2, y + h // 2)
            self.settle_backup(kiosk, started)
            self.calibration["picker_windows"] = self.windows()
            self.calibration["picker_screenshot"] = self.shot("calibration-picker")
            self.type_pin()
            screen.named("pinInput")
            self.calibration["pin_screenshot"] = self.shot("calibration-pin")
            before = self.fb.grab()
            at = self.keyboard.press(XK_RETURN)
            watch = self.fb.wait_still(at, before, started.alive, "calibration unlock")
            book = screen.named("bookPage")
            tables = [w for w in screen.widgets() if w.get("rows")]
            self.calibration.update(
                card_centre=list(self.card),
                book_page=book["rect"],
                tables_with_rows=len(tables),
                first_rows=[row["text"] for t in tables[:2] for row in t["rows"][:3]],
                book_screenshot=self.shot("calibration-book"),
                unlock=watch.as_json(),
            )
            if not tables:
                raise StepFailed("calibration: her book page shows no rows")

    def ours(self, label: str) -> dict[str, Any]:
        kiosk = self.fresh_copy(label)
        command = [wirausaha_command(), "--data", str(kiosk), "run"]
        with self.process(command, self.our_env(kiosk.parent), self.out / "wirausaha.log") as started:
            picker = self.fb.wait_still(started.at, started.screen, started.alive, f"Wirausaha {label} launch")
            picker_shot = self.shot(f"wirausaha-{label}-picker")
            picker_windows = self.windows()
            backup_s = self.settle_backup(kiosk, started)
            self.type_pin()
            before = self.fb.grab()
            at = self.keyboard.press(XK_RETURN)
            book = self.fb.wait_still(at, before, started.alive, f"Wirausaha {label} unlock")
            book_shot = self.shot(f"wirausaha-{label}-book")
        return {
            "label": label,
            "app": "wirausaha",
            "picker": {**picker.as_json(), "screenshot": picker_shot, "windows": picker_windows},
            "book": {**book.as_json(), "screenshot": book_shot},
            "backup_done_s": round(backup_s, 2),
            "sum_ms": round(picker.painted_ms + book.painted_ms, 2),
        }


FLOOR_WINDOW = """
import sys
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView
app = QApplication(sys.argv[:1])
window = QMainWindow()
table = QTableView()
table.setModel(QStandardItemModel(20, 4, table))
window.setCentralWidget(table)
window.setGeometry(window.screen().availableGeometry())
window.show()
app.exec()
"""


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process (and its waited-for children), from /proc."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return sum(int(value) for value in fields[11:15]) / os.sysconf("SC_CLK_TCK")


def wirausaha_command() -> str:
    script = Path(sys.executable).parent / "wirausaha"
    if not script.exists():
        raise StepFailed(f"no wirausaha command beside {sys.executable} (run with .venv/bin/python)")
    return str(script)


# -- the report -------------------------------------------------------------------------------------


def stats(values: list[float], first: list[float] | None = None) -> dict[str, float]:
    row = {"median": round(median(values), 1), "min": round(min(values), 1), "max": round(max(values), 1)}
    if first:
        row["first_change"] = round(median(first), 1)
    return row


HOMEBANK_ROW = "HomeBank: launch → home page painted"
ANIMATED_ROW = "HomeBank: the same, GTK animations on (default)"
SUM_ROW = "Wirausaha: her book on screen (sum)"


def summary(bench: Bench, pin_ms: list[float]) -> dict[str, dict[str, float]]:
    """The table: medians, min and max over the measured runs (the warm-ups left out)."""
    measured = [run for run in bench.runs if not run["label"].startswith("warmup")]

    def homebank(variant: str) -> dict[str, dict[str, Any]]:
        return {r["label"]: r for r in measured if r.get("variant") == variant}

    def row(runs: list[dict[str, Any]]) -> dict[str, float]:
        return stats([r["painted_ms"] for r in runs], [r["first_change_ms"] for r in runs])

    full, animated = homebank("full"), homebank("animated")
    ours = {r["label"]: r for r in measured if r["app"] == "wirausaha"}
    rows = {
        HOMEBANK_ROW: row(list(full.values())),
        ANIMATED_ROW: row(list(animated.values())),
        "HomeBank: the same file without operations": row(list(homebank("empty").values())),
        "Wirausaha: launch → picker painted": row([r["picker"] for r in ours.values()]),
        "Wirausaha: unlock (Return) → book painted": row([r["book"] for r in ours.values()]),
        "  of which PIN check (scrypt, timed apart)": stats(pin_ms),
        SUM_ROW: stats([r["sum_ms"] for r in ours.values()]),
        "floor: an empty PySide6 window painted": row([r for r in measured if r["app"] == "floor"]),
    }
    for name, other in ((HOMEBANK_ROW, full), (ANIMATED_ROW, animated)):
        paired = [ours[label]["sum_ms"] / other[label]["painted_ms"] for label in ours if label in other]
        rows[f"ratio sum / {name.split(':')[0]}{' animated' if other is animated else ''} (by round)"] = {
            "median": round(rows[SUM_ROW]["median"] / rows[name]["median"], 3),
            "min": round(min(paired), 3),
            "max": round(max(paired), 3),
        }
    return rows


def print_table(rows: dict[str, dict[str, float]], repeats: int) -> None:
    print(f"\n{'ms, ' + str(repeats) + ' runs each':50} {'median':>8} {'min':>8} {'max':>8} {'1st change':>11}")
    for name, row in rows.items():
        if name.startswith("ratio"):
            print(f"{name:50} {row['median']:>7.3f}× {row['min']:>7.3f}× {row['max']:>7.3f}×")
            continue
        first = f"{row['first_change']:>11.1f}" if "first_change" in row else ""
        print(f"{name:50} {row['median']:>8.1f} {row['min']:>8.1f} {row['max']:>8.1f} {first}")


def identical(runs: list[dict[str, Any]], key: Callable[[dict[str, Any]], str]) -> bool:
    return len({key(run) for run in runs}) <= 1


def measure(args: argparse.Namespace, work: Path) -> dict[str, Any]:
    width, height = (int(n) for n in args.size.lower().split("x"))
    args.out.mkdir(parents=True, exist_ok=True)
    for old in args.out.glob("*.png"):
        old.unlink()
    print("building the busy kiosk and its HomeBank file …", file=sys.stderr)
    kiosk = data.busy_kiosk(data.clock(), entries=ENTRIES)
    xhb, xhb_empty = work / "sari.xhb", work / "sari-empty.xhb"
    book = homebank_file(kiosk, xhb, "Buku Sari")
    empty_homebank_file(xhb, xhb_empty)
    book["kiosk_entries"] = data.count_entries(kiosk)
    fbdir = work / "fb"
    fbdir.mkdir()
    with xvfb(width, height, fbdir) as display:
        if not qt_starts_on(display) and not (apt_install(XCB_LIBS) and qt_starts_on(display)):
            raise StepFailed(f"Qt cannot open the X display; install: apt-get install {' '.join(XCB_LIBS)}")
        fb = Framebuffer(fbdir / "Xvfb_screen0", args.poll_ms / 1000, args.quiet)
        keyboard = Keyboard(display)
        try:
            bench = Bench(display, (width, height), fb, keyboard, work, args.out, kiosk, xhb, xhb_empty)
            bench.xdotool("mousemove", str(bench.park[0]), str(bench.park[1]))
            time.sleep(0.3)
            bench.blank = fb.grab()  # the empty screen, every app is waited out until it is back
            print("warm-up: HomeBank, then Wirausaha with the reporter (calibration) …", file=sys.stderr)
            bench.runs.append(bench.homebank("warmup", "full"))
            bench.calibrate()
            for round_ in range(1, args.repeats + 1):
                steps: list[Callable[[], dict[str, Any]]] = [
                    partial(bench.homebank, f"{round_}", "full"),
                    partial(bench.ours, f"{round_}"),
                    partial(bench.homebank, f"{round_}", "empty"),
                    partial(bench.homebank, f"{round_}", "animated"),
                    partial(bench.floor, f"{round_}"),
                ]
                for step in steps if round_ % 2 else reversed(steps):
                    run = step()
                    bench.runs.append(run)
                    shown = run["sum_ms"] if run["app"] == "wirausaha" else run["painted_ms"]
                    print(f"  round {round_}: {run['app']} {run.get('variant', '')} {shown:.0f} ms", file=sys.stderr)
            pin_ms = pin_check_ms(kiosk, work)
            rows = summary(bench, pin_ms)
        finally:
            keyboard.close()
            fb.close()
    measured = [run for run in bench.runs if not run["label"].startswith("warmup")]
    ours = [r for r in measured if r["app"] == "wirausaha"]
    full = [r for r in measured if r.get("variant") in ("full", "animated")]
    return {
        "when": dt.datetime.now().isoformat(timespec="seconds"),
        "machine": machine(),
        "homebank": version(["homebank", "--version"]),
        "xvfb_screen": f"{width}x{height}x24, no window manager, no cursor",
        "method": {
            "painted": f"last framebuffer change followed by {args.quiet} s without change",
            "poll_interval_ms": args.poll_ms,
            "poll_gap_ms_median": round(median(fb.poll_gaps) * 1000, 2),
            "poll_cost_ms_median": round(median(fb.poll_costs) * 1000, 3),
            "poll_cost_ms_max": round(max(fb.poll_costs) * 1000, 3),
            "polls": len(fb.poll_costs),
        },
        "data": book,
        "summary": rows,
        "checks": {
            "homebank_final_screens_identical": identical(
                [r for r in full if r["variant"] == "full"], lambda r: r["final_sha1"]
            ),
            "homebank_animated_final_screens_identical": identical(
                [r for r in full if r["variant"] == "animated"], lambda r: r["final_sha1"]
            ),
            "picker_final_screens_identical": identical(ours, lambda r: r["picker"]["final_sha1"]),
            "book_final_screens_identical": identical(ours, lambda r: r["book"]["final_sha1"]),
            "book_same_as_calibration": all(
                r["book"]["final_sha1"] == bench.calibration["unlock"]["final_sha1"] for r in ours
            ),
            "homebank_only_its_main_window": all(
                len(r["windows"]) == 1 and r["windows"][0]["title"].startswith(r["file"]) for r in full
            ),
        },
        "calibration": bench.calibration,
        "runs": bench.runs,
        "repeats": args.repeats,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--repeats", type=int, default=5, help="measured runs of each app (after one warm-up)")
    parser.add_argument("--out", type=Path, default=None, help="report.json and the pictures (default: a temp folder)")
    parser.add_argument("--size", default="1366x768", help="the X screen, WIDTHxHEIGHT")
    parser.add_argument("--poll-ms", type=float, default=5.0, help="how often the screen is read")
    parser.add_argument("--quiet", type=float, default=1.5, help="seconds without a change that mean 'painted'")
    parser.add_argument("--child", nargs=2, metavar=("DATA", "CHANNEL"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return child(Path(args.child[0]), Path(args.child[1]))
    problem = ensure_tools()
    if problem:
        print(problem, file=sys.stderr)
        return 1
    if args.out is None:
        args.out = Path(tempfile.mkdtemp(prefix="homebank-side-by-side-"))
    session_dir()  # the benchmarks' temp folder (the busy kiosk, compiled bytecode), removed at exit
    with tempfile.TemporaryDirectory(prefix="homebank-side-by-side-work-") as folder:
        try:
            report = measure(args, Path(folder))
        except (StepFailed, subprocess.SubprocessError, OSError) as error:
            print(f"homebank_side_by_side: {error}", file=sys.stderr)
            return 1
    path = args.out / "report.json"
    path.write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n", "utf-8")
    print_table(report["summary"], args.repeats)
    method = report["method"]
    print(
        f"\nscreen read every {method['poll_gap_ms_median']} ms (median), {method['poll_cost_ms_median']} ms a read"
        f" (max {method['poll_cost_ms_max']} ms); a change is timed at the midpoint of its poll gap"
    )
    failed = [name for name, ok in report["checks"].items() if not ok]
    print(f"checks: {'all passed' if not failed else 'FAILED ' + ', '.join(failed)} ({', '.join(report['checks'])})")
    print(path)
    if failed:
        print(f"homebank_side_by_side: a check failed ({', '.join(failed)}): see {path}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
