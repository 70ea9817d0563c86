"""Where the kiosk file, backups and resources live. ``WIRAUSAHA_HOME`` overrides (tests, demos)."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

APP_NAME = "wirausaha-desktop"


def data_dir() -> Path:
    override = os.environ.get("WIRAUSAHA_HOME")
    if override:
        return Path(override)
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def default_data_file() -> Path:
    return data_dir() / "kiosk.sqlite"


def demo_data_file() -> Path:
    return data_dir() / "demo-kiosk.sqlite"


def backup_dir(data_file: Path) -> Path:
    return data_file.parent / "backups"


@cache
def resources_dir() -> Path:
    """Inside the package (translations, pictures and their licences), so that an installed wheel or
    a frozen build carries them; a plain directory in every way we ship (no zipped installs).

    Found on first use: ``importlib.resources`` costs ~2 ms, and the picker needs no file of it."""
    from importlib.resources import files

    return Path(str(files("wirausaha_desktop"))) / "resources"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
