"""PINs are kept only as salted scrypt hashes; checks take constant time.

``hashlib`` and ``hmac`` load at the first PIN, not on the way to the picker (OpenSSL's ~3 ms of
the start-up budget, issue 11 §7; ``tests/gui/test_start_path.py``)."""

from __future__ import annotations

import os

from ..domain.problems import Problem, Refused

PIN_LENGTHS = range(4, 7)


def pin_problem(pin: str) -> Problem | None:
    if not pin.isdigit() or not pin.isascii() or len(pin) not in PIN_LENGTHS:
        return Problem.of("pin_format", shortest=PIN_LENGTHS.start, longest=PIN_LENGTHS.stop - 1)
    return None


def new_pin_hash(pin: str) -> tuple[bytes, bytes]:
    """A new PIN's salt and hash; ``Refused`` (``pin_format``) when it is not 4–6 digits."""
    problem = pin_problem(pin)
    if problem:
        raise Refused(problem)
    return hash_pin(pin)


def hash_pin(pin: str, salt: bytes | None = None) -> tuple[bytes, bytes]:
    import hashlib

    salt = salt or os.urandom(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=2**14, r=8, p=1, dklen=32)
    return salt, digest


def pin_matches(pin: str, salt: bytes, expected: bytes) -> bool:
    import hmac

    return hmac.compare_digest(hash_pin(pin, salt)[1], expected)
