"""requirements/build-lock.txt (what `make package` installs, scripts/package.sh) pins PyInstaller
inside the `build` extra's range, hashes every pin, and gives every package it shares with
requirements/lock.txt exactly the version the tests ran with: the kiosk build ships what CI tested.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[2]


def _pins(name: str) -> dict[str, tuple[Version, int]]:
    """name → (pinned version, number of hashes) of each entry in requirements/NAME."""
    pins: dict[str, tuple[Version, int]] = {}
    for block in re.split(r"\n(?=[A-Za-z0-9])", (ROOT / "requirements" / name).read_text(encoding="utf-8")):
        head = re.match(r"([A-Za-z0-9._-]+)==([^\s\\]+)", block)
        if head:
            pins[canonicalize_name(head[1])] = (Version(head[2]), block.count("--hash=sha256:"))
    return pins


def test_the_build_lock_pins_the_build_extra_and_the_apps_dependencies_hashed() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    pins = _pins("build-lock.txt")
    for text in (*project["dependencies"], *project["optional-dependencies"]["build"]):
        requirement = Requirement(text)
        version, _hashes = pins[canonicalize_name(requirement.name)]
        assert requirement.specifier.contains(version, prereleases=True), f"{requirement.name}=={version}"
    assert {name for name, (_v, hashes) in pins.items() if hashes == 0} == set()
    assert {"pip", "setuptools", "pyinstaller"} <= set(pins)
    assert not {"pytest", "mypy", "ruff", "hypothesis"} & set(pins)  # no dev tools in the kiosk build


def test_what_both_locks_pin_they_pin_at_the_same_version() -> None:
    tested, built = _pins("lock.txt"), _pins("build-lock.txt")
    differ = {name: (tested[name][0], built[name][0]) for name in tested.keys() & built.keys()}
    assert {name: pair for name, pair in differ.items() if pair[0] != pair[1]} == {}
    assert {"pyside6-essentials", "matplotlib", "numpy"} <= differ.keys()
