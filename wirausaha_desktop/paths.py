"""Where the kiosk file, backups and resources live. ``WIRAUSAHA_HOME`` overrides (tests, demos)."""

from __future__ import annotations

import os
from importlib.resources import files
from pathlib import Path

APP_NAME = "wirausaha-desktop"
RESOURCES = Path(str(files("wirausaha_desktop"))) / "resources"
"""Inside the package (translations, pictures and their licences), so that an installed wheel or a
frozen build carries them; a plain directory in every way we ship (no zipped installs)."""


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


def resource(*parts: str) -> Path:
    return RESOURCES.joinpath(*parts)
