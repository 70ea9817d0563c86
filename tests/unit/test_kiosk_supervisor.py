"""The kiosk PC's commands (issue 11 §6): ``kiosk-mode``, the ``kiosk-run`` supervisor, the packaging files.

The supervisor is tested on real child processes (a small script that ends as it is told, and the
real app offscreen killed with SIGKILL); only the back-off pauses are shortened.
"""

from __future__ import annotations

import io
import logging
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from wirausaha_desktop import cli, supervisor
from wirausaha_desktop.domain.model import Actor
from wirausaha_desktop.services.instance import InstanceLock, lock_path
from wirausaha_desktop.services.kiosk import Kiosk
from wirausaha_desktop.services.kiosk_mode import KioskModeService
from wirausaha_desktop.supervisor import Supervisor, app_command

ROOT = Path(__file__).resolve().parents[2]
KIOSK = ROOT / "packaging" / "kiosk"
POSIX = pytest.mark.skipif(os.name != "posix", reason="signals and fork are POSIX here")

CHILD = """
import os, signal, sys, time
from pathlib import Path
counter, plan = Path(sys.argv[1]), sys.argv[2].split(",")
run = int(counter.read_text()) if counter.exists() else 0
counter.write_text(str(run + 1))
step = plan[run]
if step.startswith("sleep"):
    seconds, _, step = step[5:].partition(":")
    time.sleep(float(seconds))
if step == "kill":
    os.kill(os.getpid(), signal.SIGKILL)
sys.exit(int(step))
"""


@pytest.fixture
def child(tmp_path: Path) -> Callable[[str], list[str]]:
    """A command whose n-th run does the n-th step of ``plan``: an exit code, ``kill``, ``sleepS:step``."""
    script = tmp_path / "child.py"
    script.write_text(CHILD, encoding="utf-8")

    def command(plan: str) -> list[str]:
        return [sys.executable, str(script), str(tmp_path / "runs"), plan]

    return command


@pytest.fixture
def log() -> logging.Logger:
    return logging.getLogger("tests.kiosk-run")


FAST = (0.05, 0.1, 0.2)


# -- the policy ---------------------------------------------------------------------------------------
@POSIX
def test_a_crash_and_a_kill_are_started_again_and_a_close_ends_it(
    child: Callable[[str], list[str]], log: logging.Logger, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, "tests.kiosk-run")
    watched = Supervisor(child("kill,3,0"), log, backoff=FAST)
    assert watched.run() == 0
    assert watched.starts == 3
    assert watched.waits == [0.05, 0.1]  # the back-off grows with each crash in a row
    text = caplog.text
    assert "killed by SIGKILL" in text and "exit code 3" in text and "closed (exit code 0)" in text


@POSIX
def test_it_gives_up_after_fast_crashes_in_a_row(
    child: Callable[[str], list[str]], log: logging.Logger, caplog: pytest.LogCaptureFixture
) -> None:
    watched = Supervisor(child("1,1,1,1,1,0"), log, backoff=FAST, give_up_after=3)
    assert watched.run() == supervisor.GAVE_UP
    assert watched.starts == 3
    assert "gave up: the app ended abnormally 3 times in a row" in caplog.text


@POSIX
def test_a_steady_run_starts_the_count_and_the_back_off_again(
    child: Callable[[str], list[str]], log: logging.Logger
) -> None:
    watched = Supervisor(child("1,sleep0.6:1,1,0"), log, backoff=FAST, steady_seconds=0.5, give_up_after=2)
    assert watched.run() == supervisor.GAVE_UP
    assert watched.starts == 3  # without the steady run in the middle it would have given up after two
    assert watched.waits == [0.05, 0.05]


@POSIX
def test_the_back_off_stops_growing_at_its_last_step(child: Callable[[str], list[str]], log: logging.Logger) -> None:
    watched = Supervisor(child("1,1,1,1,0"), log, backoff=(0.01, 0.02), give_up_after=10)
    assert watched.run() == 0
    assert watched.waits == [0.01, 0.02, 0.02, 0.02]


def test_the_real_back_off_is_1_2_5_and_at_most_30_seconds() -> None:
    assert supervisor.BACKOFF[:3] == (1.0, 2.0, 5.0)
    assert max(supervisor.BACKOFF) == supervisor.BACKOFF[-1] == 30.0
    assert list(supervisor.BACKOFF) == sorted(supervisor.BACKOFF)
    assert supervisor.GIVE_UP_AFTER >= 3


@POSIX
def test_a_wrong_command_line_is_not_started_again(child: Callable[[str], list[str]], log: logging.Logger) -> None:
    watched = Supervisor(child("2,0"), log, backoff=FAST)
    assert watched.run() == supervisor.USAGE
    assert watched.starts == 1


@POSIX
def test_stopping_ends_the_app_and_the_supervisor(child: Callable[[str], list[str]], log: logging.Logger) -> None:
    watched = Supervisor(child("sleep30:0"), log, backoff=FAST)
    timer = threading.Timer(0.5, watched.stop)
    timer.start()
    started = time.monotonic()
    try:
        assert watched.run() == 0
    finally:
        timer.cancel()
    assert time.monotonic() - started < 10  # the 30-second child was ended, not waited for
    assert watched.starts == 1


def test_the_app_command_runs_the_installed_package_or_the_frozen_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "kiosk.sqlite"
    assert app_command(data) == [sys.executable, "-m", "wirausaha_desktop", "--data", str(data), "run"]
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert app_command(data) == [sys.executable, "--data", str(data), "run"]


# -- kiosk-run through the CLI ------------------------------------------------------------------------
def _pid_in(lock: Path) -> int | None:
    try:
        text = lock.read_text().strip()
    except OSError:
        return None
    return int(text) if text.isdigit() else None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def _wait_for(what: Callable[[], bool], seconds: float = 30) -> None:
    until = time.monotonic() + seconds
    while not what():
        assert time.monotonic() < until, "timed out"
        time.sleep(0.05)


def _entries(path: Path) -> int:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return int(conn.execute("select count(*) from entries").fetchone()[0])
    finally:
        conn.close()


@POSIX
def test_a_killed_app_is_started_again_by_kiosk_run_and_the_file_stays_whole(tmp_path: Path) -> None:
    from wirausaha_desktop.services.demo import build_demo_kiosk

    data = tmp_path / "kiosk.sqlite"
    build_demo_kiosk(data)
    kiosk = Kiosk.open(data)
    KioskModeService(kiosk.settings).switch(Actor.operator(), True)
    kiosk.close()
    entries = _entries(data)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    command = [sys.executable, "-m", "wirausaha_desktop", "--data", str(data), "kiosk-run"]
    watcher = subprocess.Popen(command, env=env, stderr=subprocess.PIPE, text=True)
    lock, app_log = lock_path(data), data.parent / "logs" / "wirausaha.log"

    def app_started(times: int) -> Callable[[], bool]:
        def started() -> bool:
            pid = _pid_in(lock)
            shown = app_log.exists() and app_log.read_text().count("kiosk mode: full screen") >= times
            return pid is not None and pid != watcher.pid and _alive(pid) and shown

        return started

    try:
        _wait_for(app_started(1))
        first = _pid_in(lock)
        assert first is not None
        os.kill(first, signal.SIGKILL)  # the crash: no goodbye, no closeEvent, no unlock
        _wait_for(app_started(2))
        second = _pid_in(lock)
        assert second is not None and second != first
        watcher.send_signal(signal.SIGTERM)  # systemd's stop, or a shutdown
        _, stderr = watcher.communicate(timeout=30)
    finally:
        if watcher.poll() is None:
            watcher.kill()
            watcher.communicate()
    assert watcher.returncode == 0, stderr
    assert not _alive(second)
    run_log = (data.parent / "logs" / supervisor.LOG_NAME).read_text()
    assert "killed by SIGKILL" in run_log and "starting it again in 1 s" in run_log
    assert "received SIGTERM" in run_log
    out = io.StringIO()
    assert cli.main(["--data", str(data), "check"], stdout=out) == 0
    assert out.getvalue().strip() == "File kios utuh."
    assert _entries(data) == entries


def test_kiosk_run_without_a_screen_says_so_and_starts_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("DISPLAY", "")
    data = tmp_path / "kiosk.sqlite"
    assert cli.main(["--data", str(data), "kiosk-run"]) == 1
    said = capsys.readouterr().err.strip()
    assert "layar" in said and "\n" not in said
    assert not data.exists() and not (tmp_path / "logs").exists()


def test_kiosk_run_on_a_file_another_app_holds_says_so_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "kiosk.sqlite"
    held = InstanceLock.acquire(data)
    try:
        assert cli.main(["--data", str(data), "kiosk-run"]) == 1
    finally:
        held.release()
    assert "sudah terbuka" in capsys.readouterr().err


# -- kiosk-mode ---------------------------------------------------------------------------------------
def _cli(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return cli.main(list(argv), stdout=out), out.getvalue().strip()


def test_kiosk_mode_is_shown_and_switched_by_the_operator(kiosk_path: Path) -> None:
    kiosk = Kiosk.open(kiosk_path)
    kiosk.profiles.create_operator("2468")
    kiosk.close()
    data = str(kiosk_path)
    assert _cli("--data", data, "kiosk-mode") == (0, "Mode kios: mati.")
    code, said = _cli("--data", data, "kiosk-mode", "on")
    assert code == 0 and said.startswith("Mode kios dinyalakan.") and "PIN petugas" in said
    assert _cli("--data", data, "kiosk-mode") == (0, "Mode kios: nyala.")
    kiosk = Kiosk.open(kiosk_path)
    assert KioskModeService(kiosk.settings).is_on()
    kiosk.close()
    assert _cli("--data", data, "kiosk-mode", "off") == (0, "Mode kios dimatikan. Berlaku saat aplikasi dibuka lagi.")
    assert _cli("--data", data, "--lang", "en", "kiosk-mode") == (0, "Kiosk mode: off.")


def test_switching_it_on_without_an_operator_pin_warns(kiosk_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    Kiosk.open(kiosk_path).close()
    assert cli.main(["--data", str(kiosk_path), "kiosk-mode", "on"]) == 0
    assert "belum punya PIN petugas" in capsys.readouterr().err


def test_kiosk_mode_refuses_a_missing_file_and_a_wrong_word(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "typo.sqlite"
    assert cli.main(["--data", str(missing), "kiosk-mode", "on"]) == 1
    assert not missing.exists()
    assert "belum ada" in capsys.readouterr().err
    assert cli.main(["--data", str(missing), "kiosk-mode", "nyala"]) == 2


def test_only_the_operator_switches_it(kiosk: Kiosk, sari_actor: Actor) -> None:
    from wirausaha_desktop.domain.problems import Refused

    with pytest.raises(Refused) as refused:
        KioskModeService(kiosk.settings).switch(sari_actor, True)
    assert refused.value.problem.code == "not_allowed"
    assert KioskModeService(kiosk.settings).is_on() is False


# -- the packaging files ------------------------------------------------------------------------------
def _desktop_entry() -> dict[str, str]:
    lines = (KIOSK / "wirausaha.desktop").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "[Desktop Entry]"
    return dict(line.split("=", 1) for line in lines[1:] if line and not line.startswith("#"))


def test_the_desktop_entry_names_the_app_in_both_languages_and_runs_the_supervisor() -> None:
    entry = _desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Name"] and entry["Name[id]"]
    assert entry["Comment[id]"] and entry["GenericName[id]"] == "Buku Usaha dan Buku Pribadi"
    assert entry["Exec"] == "wirausaha kiosk-run" and entry["TryExec"] == "wirausaha"
    assert entry["Icon"] == "wirausaha"
    assert entry["Categories"] == "Office;Finance;"
    assert entry["Terminal"] == "false"
    assert entry["StartupWMClass"] == "Wirausaha Desktop"  # the window's WM_CLASS (QApplication's name)


def test_the_icons_are_there_in_every_size() -> None:
    assert (KIOSK / "wirausaha.svg").read_bytes() == (
        ROOT / "wirausaha_desktop/resources/icons/wirausaha.svg"
    ).read_bytes()
    for size in (48, 128, 256):
        png = (KIOSK / f"wirausaha-{size}.png").read_bytes()
        assert png[:8] == b"\x89PNG\r\n\x1a\n"
        width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
        assert (width, height) == (size, size)


def test_the_systemd_unit_restarts_on_failure_only() -> None:
    text = (KIOSK / "wirausaha-kiosk.service").read_text(encoding="utf-8")
    keys = dict(line.split("=", 1) for line in text.splitlines() if "=" in line and not line.startswith("#"))
    assert keys["Restart"] == "on-failure"
    assert float(keys["RestartSec"]) >= 1
    assert keys["ExecStart"].endswith("wirausaha run")  # systemd supervises: not kiosk-run as well
    assert keys["RestartPreventExitStatus"] == "2"
    assert int(keys["StartLimitBurst"]) >= 3
    assert keys["WantedBy"] == "graphical-session.target"


@POSIX
def test_the_install_script_puts_the_entry_icon_and_unit_in_place(tmp_path: Path) -> None:
    home = tmp_path / "home with space"
    program = tmp_path / "build dir" / "wirausaha"
    program.parent.mkdir()
    program.write_text("#!/bin/sh\nexit 0\n")
    program.chmod(0o755)
    tools = tmp_path / "bin"  # only what the script needs: no xdg-utils, so the copies by hand are tested
    tools.mkdir()
    for tool in ("sed", "mktemp", "cp", "mkdir", "dirname", "basename", "rm", "sh"):
        found = shutil.which(tool)
        assert found is not None, tool
        (tools / tool).symlink_to(found)
    env = {"HOME": str(home), "PATH": str(tools)}
    done = subprocess.run(
        ["sh", str(KIOSK / "install.sh"), "--command", str(program), "--autostart", "--service"],
        env=env, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    entry = (home / ".local/share/applications/wirausaha.desktop").read_text()
    assert f'Exec="{program}" kiosk-run' in entry and f"TryExec={program}\n" in entry
    assert (home / ".config/autostart/wirausaha.desktop").read_text() == entry
    assert (home / ".local/share/icons/hicolor/256x256/apps/wirausaha.png").read_bytes() == (
        KIOSK / "wirausaha-256.png"
    ).read_bytes()
    assert (home / ".local/share/icons/hicolor/scalable/apps/wirausaha.svg").exists()
    unit = (home / ".config/systemd/user/wirausaha-kiosk.service").read_text()
    assert f'ExecStart="{program}" run' in unit
    missing = subprocess.run(
        ["sh", str(KIOSK / "install.sh")], env=env, capture_output=True, text=True, timeout=60, check=False
    )
    assert missing.returncode == 1 and "--command" in missing.stderr
