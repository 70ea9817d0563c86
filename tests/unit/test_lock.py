"""requirements/lock.txt pins, with hashes, a version inside every range pyproject.toml asks for.

`make run` and `make test` install from the lock only (scripts/setup-env.sh, pip --require-hashes);
a range changed without `make lock` would leave the lock behind, and this says so.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[2]
LOCK = ROOT / "requirements" / "lock.txt"


def _pins() -> dict[str, tuple[Version, int]]:
    """name → (pinned version, number of hashes) of each entry in the lock."""
    pins: dict[str, tuple[Version, int]] = {}
    for block in re.split(r"\n(?=[A-Za-z0-9])", LOCK.read_text(encoding="utf-8")):
        head = re.match(r"([A-Za-z0-9._-]+)==([^\s\\]+)", block)
        if head:
            pins[canonicalize_name(head[1])] = (Version(head[2]), block.count("--hash=sha256:"))
    return pins


def _asked() -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return [Requirement(text) for text in (*project["dependencies"], *project["optional-dependencies"]["dev"])]


def test_every_range_in_pyproject_is_pinned_inside_it() -> None:
    pins = _pins()
    for requirement in _asked():
        name = canonicalize_name(requirement.name)
        assert name in pins, f"{name} is in pyproject.toml but not in the lock: run `make lock`"
        version, _hashes = pins[name]
        assert requirement.specifier.contains(version, prereleases=True), f"{name}=={version} is outside {requirement}"


def test_every_pin_carries_its_hashes_and_pip_itself_is_pinned() -> None:
    pins = _pins()
    assert len(pins) >= len(_asked())
    assert {name for name, (_v, hashes) in pins.items() if hashes == 0} == set()
    assert {"pip", "setuptools"} <= set(pins)  # the install and the editable build need nothing unhashed
