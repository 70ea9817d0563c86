"""``_()`` with named placeholders. Indonesian is the source language and the default.

Source strings are written in Indonesian in the code; ``wirausaha_desktop/resources/translations/en.json`` maps
each of them to English. A test checks that every ``_()`` string has a translation with the same
placeholders.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from . import paths

LANGUAGES = ("id", "en")
_state: dict[str, Any] = {"language": "id", "catalog": {}}
_listeners: list[Callable[[str], None]] = []


def on_language_change(listener: Callable[[str], None]) -> None:
    """Call ``listener(language)`` after every ``set_language`` (the GUI sets Qt's locale this way,
    so that this module stays free of Qt); registering the same listener twice keeps one."""
    if listener not in _listeners:
        _listeners.append(listener)


def set_language(language: str) -> None:
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}")
    catalog: dict[str, str] = {}
    if language != "id":
        catalog = json.loads(paths.resource("translations", f"{language}.json").read_text("utf-8"))
    _state["language"], _state["catalog"] = language, catalog
    for listener in list(_listeners):
        listener(language)


def language() -> str:
    return str(_state["language"])


def _(message: str, /, **params: Any) -> str:
    """``message`` in the current language, with ``{name}`` placeholders filled from ``params``."""
    template = str(_state["catalog"].get(message, message))
    return template.format(**params) if params else template


def catalog(language: str) -> dict[str, str]:
    return dict(json.loads(paths.resource("translations", f"{language}.json").read_text("utf-8")))
