"""PINs are kept only as salted scrypt hashes; checks take constant time."""

from __future__ import annotations

import hashlib
import hmac
import os

from ..domain.problems import Problem

PIN_LENGTHS = range(4, 7)


def pin_problem(pin: str) -> Problem | None:
    if not pin.isdigit() or not pin.isascii() or len(pin) not in PIN_LENGTHS:
        return Problem.of("pin_format", shortest=PIN_LENGTHS.start, longest=PIN_LENGTHS.stop - 1)
    return None


def hash_pin(pin: str, salt: bytes | None = None) -> tuple[bytes, bytes]:
    salt = salt or os.urandom(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=2**14, r=8, p=1, dklen=32)
    return salt, digest


def pin_matches(pin: str, salt: bytes, expected: bytes) -> bool:
    return hmac.compare_digest(hash_pin(pin, salt)[1], expected)
