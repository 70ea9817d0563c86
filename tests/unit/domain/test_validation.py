"""Names and notes refuse what would make them show something other than what they hold."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wirausaha_desktop.domain.problems import Problem
from wirausaha_desktop.domain.validation import NOTE_LIMIT, clean_name, note_problem
from wirausaha_desktop.messages import describe


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Sari", "Sari"),
        ("  Ibu   Sari  ", "Ibu Sari"),
        ("Ibu\tSari\n", "Ibu Sari"),  # pasted: tabs and line breaks count as spaces
        ("Warung\r\nkopi", "Warung kopi"),
        ("Ren\u0065\u0301", "Ren\u00e9"),  # e + combining acute: NFC makes one é, as typed on another keyboard
        ("Kopi ☕ & gorengan", "Kopi ☕ & gorengan"),
        ("Dewi\u00a0Jahit", "Dewi Jahit"),  # a no-break space is a space
        ("", ""),  # emptiness is the caller's check
    ],
)
def test_a_name_is_kept_nfc_with_single_spaces(text: str, kept: str) -> None:
    assert clean_name(text) == kept


@pytest.mark.parametrize(
    "char",
    [
        "\x00",
        "\x07",
        "\x1b",
        "\x7f",
        "\x85",
        "\u200b",  # zero-width space
        "\u200c",
        "\u200d",
        "\u200e",  # left-to-right mark
        "\u200f",
        "\u202a",
        "\u202b",
        "\u202c",
        "\u202d",
        "\u202e",  # right-to-left override: "Sari\u202eiraS" shows as "SariSari"
        "\u2060",  # word joiner
        "\u2066",
        "\u2067",
        "\u2068",
        "\u2069",
        "\ufeff",  # byte-order mark / zero-width no-break space
        "\u00ad",  # soft hyphen
    ],
)
def test_a_name_with_an_invisible_or_reordering_character_is_refused(char: str) -> None:
    problem = clean_name(f"Sa{char}ri")
    assert isinstance(problem, Problem) and problem.code == "name_bad_character"
    assert problem.params["character"] == f"U+{ord(char):04X}"
    assert describe(problem) == "Nama memuat huruf yang tidak bisa dipakai. Pakai huruf, angka dan spasi saja."


@given(st.text())
def test_a_clean_name_is_nfc_single_spaced_and_visible(text: str) -> None:
    cleaned = clean_name(text)
    if isinstance(cleaned, Problem):
        assert any(unicodedata.category(c) in ("Cc", "Cf") and c not in "\t\n\r" for c in text)
        return
    assert unicodedata.is_normalized("NFC", cleaned)
    assert cleaned == " ".join(cleaned.split())
    assert not any(unicodedata.category(c) in ("Cc", "Cf") for c in cleaned)
    assert clean_name(cleaned) == cleaned  # cleaning twice changes nothing


@pytest.mark.parametrize(
    "char", ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"]
)
def test_a_note_with_a_bidirectional_control_is_refused(char: str) -> None:
    problem = note_problem(f"bayar {char}001 ribu")
    assert problem is not None and problem.code == "note_bad_character"
    assert "Terjadi masalah" not in describe(problem)


@pytest.mark.parametrize("note", ["", "kopi, gula", "=1+1", "'halo", "pagi\nsore", "é ☕", "zero\u200bwidth", "a\tb"])
def test_any_other_printable_note_is_fine(note: str) -> None:
    assert note_problem(note) is None


def test_a_long_note_is_still_refused_for_its_length_first() -> None:
    problem = note_problem("x\u202e" * NOTE_LIMIT)
    assert problem is not None and problem.code == "note_too_long"
