"""Row ids: random UUIDs, as text.

``uuid`` loads with the first new id, not on the way to the picker (~2.5 ms of the start-up
budget, issue 11 §7; ``tests/gui/test_start_path.py``)."""

from __future__ import annotations


def new_id() -> str:
    import uuid

    return str(uuid.uuid4())
