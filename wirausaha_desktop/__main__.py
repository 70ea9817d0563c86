"""``python -m wirausaha_desktop`` and the ``wirausaha`` command."""

from __future__ import annotations

import sys

from .cli import main


def console() -> None:
    sys.exit(main())


if __name__ == "__main__":
    console()
