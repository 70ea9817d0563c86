"""The real app on a real X server (Xvfb) with no window manager, driven with xdotool, captured whole.

    .venv/bin/python scripts/xvfb_screens.py [--out screenshots/xvfb-1024x600] [--size 1024x600]

Starts Xvfb on a free display (one screen of ``--size``, nothing else: no window manager, no
panel), runs ``wirausaha --data TMP/demo.sqlite demo`` there in a subprocess (the demo is built
for today's real date), and drives it as a person would: xdotool moves the pointer to a widget's
centre and clicks, and types on the keyboard. Each picture is the whole X screen
(``import -window root``), so whatever falls off the screen is missing from it, as it would be on
the kiosk. Writes ``<out>/NN-<step>.png`` and ``<out>/report.txt``: the window's size against
the screen's and every visible control that is (partly) off the screen, per picture.

How xdotool finds a widget: the app process also runs a small reporter (``--child``) that, when
asked through a file, writes every visible widget's objectName, accessibleName, class and screen
rectangle to JSON. It only reads geometry; clicks and keys go through the X server like a finger's.

Needs Xvfb, xdotool and ImageMagick's ``import``; as root it installs them with apt-get,
otherwise it says in one line what to install. Exit code 1 when a step could not be done.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
TOOLS = {"Xvfb": "xvfb", "xdotool": "xdotool", "import": "imagemagick"}
# Qt's xcb platform plugin needs these (scripts/setup-env.sh installs the same list with --gui)
XCB_LIBS = [
    "libxkbcommon-x11-0",
    "libxcb-cursor0",
    "libxcb-icccm4",
    "libxcb-image0",
    "libxcb-keysyms1",
    "libxcb-randr0",
    "libxcb-render-util0",
    "libxcb-shape0",
    "libxcb-xinerama0",
    "libxcb-xkb1",
    "libx11-xcb1",
]
WAIT_S = 20.0


class StepFailed(Exception):
    """A step of a walk could not be done (a widget never appeared, or is off the screen)."""


# -- tools ------------------------------------------------------------------------------------------


def apt_install(packages: list[str]) -> bool:
    if os.geteuid() != 0 or shutil.which("apt-get") is None:
        return False
    print(f"Installing system packages: {' '.join(packages)}", file=sys.stderr)
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    update = subprocess.run(["apt-get", "update", "-qq"], env=env, capture_output=True)
    install = subprocess.run(
        ["apt-get", "install", "-y", "-qq", "--no-install-recommends", *packages], env=env, capture_output=True
    )
    return update.returncode == 0 and install.returncode == 0


def ensure_tools() -> str | None:
    """None when Xvfb, xdotool and import are there (installed now if need be); else the one line to say."""
    missing = [package for tool, package in TOOLS.items() if shutil.which(tool) is None]
    if missing and not apt_install(missing):
        return (
            f"xvfb_screens: needs Xvfb, xdotool and ImageMagick; install them with: apt-get install {' '.join(missing)}"
        )
    still = [tool for tool in TOOLS if shutil.which(tool) is None]
    if still:
        return f"xvfb_screens: still missing after apt-get: {' '.join(still)}"
    return None


def qt_starts_on(display: str) -> bool:
    probe = "from PySide6.QtWidgets import QApplication; QApplication(['probe'])"
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
    return subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, timeout=60).returncode == 0


# -- the X server -----------------------------------------------------------------------------------


@contextmanager
def xvfb(width: int, height: int, extra: Sequence[str] = ()) -> Iterator[str]:
    """A fresh Xvfb on a display it picks itself (``-displayfd``); stopped (by its pid) afterwards.
    ``extra``: more of Xvfb's options (``scripts/homebank_side_by_side.py`` reads its framebuffer)."""
    read, write = os.pipe()
    screen = ["-screen", "0", f"{width}x{height}x24", *extra]
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), *screen, "-nolisten", "tcp", "-noreset"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    try:
        number = b""
        deadline = time.monotonic() + WAIT_S
        while not number.endswith(b"\n") and time.monotonic() < deadline:
            chunk = os.read(read, 16)
            if not chunk:
                break
            number += chunk
        if not number.strip():
            raise StepFailed("Xvfb did not start")
        yield f":{number.decode().strip()}"
    finally:
        os.close(read)
        server.terminate()
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()


# -- the app and its reporter -----------------------------------------------------------------------


def child(data: Path, channel: Path) -> int:
    """In the app's process: the real ``wirausaha --data DATA demo``, plus the geometry reporter."""
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QTimer

    from wirausaha_desktop import cli
    from wirausaha_desktop.gui import launch

    original = launch.application
    timers: list[QTimer] = []

    def application() -> Any:
        app = original()
        if not timers:
            timer = QTimer(app)
            timer.timeout.connect(lambda: _report(channel))
            timer.start(100)
            timers.append(timer)
        return app

    launch.application = application  # the reporter starts with the app
    return cli.main(["--data", str(data), "demo"])


def _report(channel: Path) -> None:
    """Answer a request file with every visible widget's names and rectangle on the screen."""
    request = channel.with_suffix(".request")
    if not request.exists():
        return
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QAbstractItemView, QApplication, QWidget

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    widgets: list[dict[str, Any]] = []
    windows = [w for w in app.topLevelWidgets() if w.isVisible()]
    for window in windows:
        for widget in [window, *window.findChildren(QWidget)]:
            if not widget.isVisible() or widget.window() is not window:  # a dialog is listed under itself
                continue
            corner = widget.mapToGlobal(QPoint(0, 0))
            shown = widget.visibleRegion().boundingRect()
            text = getattr(widget, "text", None)
            record: dict[str, Any] = {
                "top": window.objectName() or type(window).__name__,
                "class": type(widget).__name__,
                "name": widget.objectName(),
                "accessible": widget.accessibleName(),
                "text": text() if callable(text) and isinstance(text(), str) else "",
                "rect": [corner.x(), corner.y(), widget.width(), widget.height()],
                "shown": [corner.x() + shown.x(), corner.y() + shown.y(), shown.width(), shown.height()],
                "enabled": widget.isEnabled(),
                "window": widget is window,
                "modal": widget is app.activeModalWidget(),
                "interactive": bool(widget.focusPolicy().value & 0x1) or hasattr(widget, "click"),
            }
            if isinstance(widget, QAbstractItemView) and widget.model() is not None:
                model, rows = widget.model(), []
                for row in range(min(model.rowCount(), 40)):
                    cell = widget.visualRect(model.index(row, 0))
                    if cell.isValid():
                        at = widget.viewport().mapToGlobal(cell.topLeft())
                        rows.append(
                            {"text": str(model.index(row, 0).data() or ""), "rect": [at.x(), at.y(), 40, cell.height()]}
                        )
                record["rows"] = rows
            widgets.append(record)
    partial = channel.with_suffix(".partial")
    partial.write_text(json.dumps(widgets), "utf-8")
    partial.replace(channel)
    request.unlink(missing_ok=True)


def message_box_text(widgets: list[dict[str, Any]]) -> str:
    """The words of a message box on the screen (the crash dialog, a warning), or ""."""
    boxes = {w["name"] or w["class"] for w in widgets if w["window"] and w["class"] == "QMessageBox"}
    if not boxes:
        return ""
    texts = [w["text"] for w in widgets if w["class"] == "QLabel" and w["text"] and w.get("top") in boxes]
    return " ".join(" ".join(texts).split()) or "(no words)"


@dataclass
class Screen:
    """The app on the X display, seen through its reporter; clicks and keys through xdotool."""

    display: str
    size: tuple[int, int]
    out: Path
    channel: Path
    report: list[str] = field(default_factory=list)
    count: int = 0

    def _x(self, *args: str) -> None:
        subprocess.run(["xdotool", *args], env={**os.environ, "DISPLAY": self.display}, check=True, timeout=20)

    def widgets(self) -> list[dict[str, Any]]:
        self.channel.unlink(missing_ok=True)
        self.channel.with_suffix(".request").touch()
        deadline = time.monotonic() + WAIT_S
        while not self.channel.exists():
            if time.monotonic() > deadline:
                raise StepFailed("the app did not answer (not running, or its event loop is stuck)")
            time.sleep(0.05)
        return list(json.loads(self.channel.read_text("utf-8")))

    def wait_for(self, what: Callable[[dict[str, Any]], bool], label: str, timeout: float = WAIT_S) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while True:
            widgets = self.widgets()
            found = [w for w in widgets if what(w)]
            if found:
                return found[0]
            message = message_box_text(widgets)
            if message:
                raise StepFailed(f"waiting for {label}, a message box came up instead: {message}")
            if time.monotonic() > deadline:
                raise StepFailed(f"{label} never appeared on the screen")
            time.sleep(0.2)

    def named(self, name: str, timeout: float = WAIT_S) -> dict[str, Any]:
        return self.wait_for(lambda w: w["name"] == name, f"widget {name!r}", timeout)

    def on_screen(self, rect: list[int]) -> bool:
        x, y, w, h = rect
        return x >= 0 and y >= 0 and x + w <= self.size[0] and y + h <= self.size[1]

    def click_at(self, rect: list[int], label: str) -> None:
        x, y, w, h = rect
        cx, cy = x + w // 2, y + h // 2
        if not (0 <= cx < self.size[0] and 0 <= cy < self.size[1]):
            raise StepFailed(f"{label} is off the screen at {x},{y} {w}x{h} (screen {self.size[0]}x{self.size[1]})")
        # no --sync: xdotool waits for the pointer to move, forever when it is already there
        self._x("mousemove", str(cx), str(cy), "sleep", "0.1", "click", "1")
        time.sleep(0.35)

    def click(self, name: str) -> None:
        widget = self.named(name)
        if not widget["enabled"]:
            raise StepFailed(f"{name!r} is disabled")
        self.click_at(widget["shown"] if widget["shown"][2] else widget["rect"], repr(name))

    def dismiss(self, name: str) -> None:
        """Close a dialog with its button ``name``; Escape when that button is off the screen (reported)."""
        try:
            self.click(name)
        except StepFailed as off:
            self.report.append(f"  {off}: closed with Escape instead")
            self.key("Escape")

    def type(self, text: str) -> None:
        self._x("type", "--delay", "60", text)
        time.sleep(0.3)

    def key(self, key: str) -> None:
        self._x("key", key)
        time.sleep(0.3)

    def pin(self, digits: str) -> None:
        for digit in digits:
            self.click(f"pinDigit_{digit}")
        self.click("unlockButton")

    def shot(self, step: str) -> None:
        """The whole X screen to ``NN-step.png``; the report notes what of the window is off the screen."""
        time.sleep(0.6)
        self.count += 1
        path = self.out / f"{self.count:02d}-{step}.png"
        subprocess.run(
            ["import", "-window", "root", str(path)],
            env={**os.environ, "DISPLAY": self.display},
            check=True,
            timeout=60,
        )
        print(path)
        widgets = self.widgets()
        lines = [f"{path.name}:"]
        for window in (w for w in widgets if w["window"]):
            x, y, w, h = window["rect"]
            fits = "fits" if self.on_screen(window["rect"]) else "DOES NOT FIT"
            lines.append(f"  window {window['class']} {window['name']!r}: {w}x{h} at {x},{y}, {fits} the screen")
        for widget in widgets:
            seen = widget["shown"] if widget["shown"][2] else widget["rect"]
            if widget["interactive"] and not widget["window"] and not self.on_screen(seen):
                x, y, w, h = widget["rect"]
                what = f"{widget['class']} {widget['name']!r} {widget['text']!r}"
                lines.append(f"  OFF SCREEN: {what} at {x},{y} {w}x{h} in {widget['top']!r}")
        message = message_box_text(widgets)
        if message:
            lines.append(f"  MESSAGE BOX: {message}")
        self.report.extend(lines)


@contextmanager
def app_on(screen: Screen, data: Path) -> Iterator[subprocess.Popen[bytes]]:
    """``wirausaha demo`` on the display, in its own process group; stopped (by its pid) afterwards."""
    env = {**os.environ, "DISPLAY": screen.display, "QT_QPA_PLATFORM": "xcb"}
    env.pop("WAYLAND_DISPLAY", None)
    log = (screen.out / "app.log").open("ab")
    process = subprocess.Popen(
        [sys.executable, str(Path(__file__).resolve()), "--child", str(data), str(screen.channel)],
        env=env,
        stdout=log,
        stderr=log,
        start_new_session=True,
    )
    try:
        yield process
    finally:
        stop_group(process)
        log.close()


def stop_group(process: subprocess.Popen[Any]) -> None:
    """End a process started with ``start_new_session`` and whatever it started: TERM, then KILL."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


# -- the walks --------------------------------------------------------------------------------------


def card(screen: Screen, prefix: str, name: str) -> dict[str, Any]:
    return screen.wait_for(
        lambda w: w["name"].startswith(prefix) and w["accessible"].startswith(name), f"{name}'s card"
    )


def walk_beneficiary(screen: Screen) -> None:
    """Sari: picker, PIN pad, her book, the entry and move dialogs, the standing page and one light."""
    screen.named("profileCard_0")
    screen.shot("picker")
    screen.click_at(card(screen, "profileCard_", "Sari")["rect"], "Sari's card")
    screen.named("pinDigit_0")
    screen.shot("pin")
    screen.pin("1111")
    screen.named("bookPage")
    screen.shot("book")
    screen.click("businessMoneyIn")
    screen.named("amountInput")
    screen.click("amountInput")
    screen.type("150000")
    screen.shot("entry-dialog")
    screen.dismiss("cancelEntry")
    screen.click("moveMoney")
    screen.named("amountInput")
    screen.shot("move-dialog")
    screen.dismiss("cancelEntry")
    screen.click("openStanding")
    screen.wait_for(lambda w: w["name"].startswith("canvas_"), "a chart", timeout=60)
    screen.shot("standing")
    light = screen.wait_for(lambda w: w["name"].startswith("indicator_"), "a light")
    screen.click_at(light["rect"], repr(light["name"]))
    screen.shot("standing-light")
    screen.click("backToBook")
    screen.named("bookPage")
    screen.click("lockButton")
    screen.named("profileCard_0")


def walk_mentor(screen: Screen) -> None:
    """Bu Wati: her tab and card, her PIN, the caseload, Dewi's book read-only, a session."""
    screen.named("profileCard_0")
    screen.click("mentorTab")
    screen.click_at(card(screen, "mentorCard_", "Bu Wati")["rect"], "Bu Wati's card")
    screen.named("pinDigit_0")
    screen.pin("5555")
    table = screen.named("caseloadTable")
    screen.shot("caseload")
    rows = [row for row in table.get("rows", []) if row["text"] == "Dewi"]
    if not rows:
        raise StepFailed("Dewi is not in the caseload table")
    screen.click_at(rows[0]["rect"], "Dewi's row")
    screen.click("openBook")
    screen.named("startSession")
    screen.shot("mentor-book")
    screen.click("startSession")
    screen.wait_for(lambda w: w["class"] == "SessionPage" or w["name"] == "sessionPage", "the session page")
    screen.shot("session")


def walk_operator(screen: Screen) -> None:
    """The operator: *Petugas kios*, the operator's PIN, the menu."""
    screen.named("profileCard_0")
    screen.click("operatorMenu")
    screen.named("pinDigit_0")
    screen.shot("operator-pin")
    screen.pin("0000")
    screen.named("operatorPage")
    screen.shot("operator")


WALKS: tuple[tuple[str, Callable[[Screen], None]], ...] = (
    ("beneficiary", walk_beneficiary),
    ("mentor", walk_mentor),
    ("operator", walk_operator),
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots" / "xvfb-1024x600")
    parser.add_argument("--size", default="1024x600", help="the X screen, WIDTHxHEIGHT")
    parser.add_argument("--child", nargs=2, metavar=("DATA", "CHANNEL"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return child(Path(args.child[0]), Path(args.child[1]))
    problem = ensure_tools()
    if problem:
        print(problem, file=sys.stderr)
        return 1
    width, height = (int(n) for n in args.size.lower().split("x"))
    args.out.mkdir(parents=True, exist_ok=True)
    for old in args.out.glob("*.png"):
        old.unlink()
    (args.out / "app.log").unlink(missing_ok=True)
    failed = False
    with tempfile.TemporaryDirectory() as folder, xvfb(width, height) as display:
        if not qt_starts_on(display) and not (apt_install(XCB_LIBS) and qt_starts_on(display)):
            print(f"xvfb_screens: Qt cannot open the X display; install: apt-get install {' '.join(XCB_LIBS)}")
            return 1
        os.environ["WIRAUSAHA_HOME"] = folder
        os.environ["XDG_DATA_HOME"] = str(Path(folder) / "xdg")
        screen = Screen(display, (width, height), args.out, Path(folder) / "widgets.json")
        screen.report.append(f"X screen {width}x{height}, no window manager; demo built for today's date")
        for name, walk in WALKS:
            with app_on(screen, Path(folder) / "demo.sqlite") as process:
                try:
                    walk(screen)
                except (StepFailed, subprocess.SubprocessError) as error:
                    failed = True
                    screen.report.append(f"{name}: STOPPED: {error}")
                    print(f"xvfb_screens: {name}: {error}", file=sys.stderr)
                    with suppress(StepFailed, subprocess.SubprocessError):
                        screen.shot(f"{name}-stopped")
                if process.poll() not in (None, 0):
                    failed = True
                    screen.report.append(f"{name}: the app exited with {process.returncode} (see app.log)")
        (args.out / "report.txt").write_text("\n".join(screen.report) + "\n", "utf-8")
        print(args.out / "report.txt")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
