from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wirausaha_desktop.domain.money import (
    MAX_ENTRY_AMOUNT,
    format_compact,
    format_rupiah,
    group_thousands,
    parse_amount,
)
from wirausaha_desktop.domain.problems import Problem


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("15000", 15_000),
        ("15.000", 15_000),
        ("15,000", 15_000),
        ("Rp 15.000", 15_000),
        ("Rp15.000", 15_000),
        ("rp. 15.000", 15_000),
        ("Rp15.000,-", 15_000),
        ("15rb", 15_000),
        ("15 rb", 15_000),
        ("15 ribu", 15_000),
        ("15RB", 15_000),
        ("15k", 15_000),
        ("1,5jt", 1_500_000),
        ("1,5 juta", 1_500_000),
        ("1.5jt", 1_500_000),
        ("2 juta", 2_000_000),
        ("2,25 jt", 2_250_000),
        ("1.500rb", 1_500_000),
        ("2,5rb", 2_500),
        ("1.250.000", 1_250_000),
        ("1,250,000", 1_250_000),
        ("  7500 ", 7_500),
        ("1", 1),
        ("10.000.000.000", MAX_ENTRY_AMOUNT),
        ("10.000 jt", MAX_ENTRY_AMOUNT),
    ],
)
def test_parses_how_people_write_money(text: str, expected: int) -> None:
    assert parse_amount(text) == expected


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "amount_empty"),
        ("   ", "amount_empty"),
        ("lima ribu", "amount_not_number"),
        ("Rp", "amount_not_number"),
        ("0", "amount_zero"),
        ("Rp0", "amount_zero"),
        ("0rb", "amount_zero"),
        ("-5000", "amount_negative"),
        ("Rp-5.000", "amount_negative"),
        ("-Rp5.000", "amount_negative"),
        ("15,5", "amount_fraction"),
        ("15.50", "amount_fraction"),
        ("1,2345rb", "amount_fraction"),
        ("1.50.000", "amount_malformed"),
        ("15.0000", "amount_malformed"),
        ("1.500,000", "amount_malformed"),
        ("15.000,00", "amount_malformed"),
        ("15 000", "amount_malformed"),
        ("15x", "amount_malformed"),
        ("1,5,0jt", "amount_malformed"),
        ("10.000.000.001", "amount_too_large"),
        ("11 juta juta", "amount_malformed"),
        ("20.000 jt", "amount_too_large"),
    ],
)
def test_rejects_with_a_reason(text: str, code: str) -> None:
    result = parse_amount(text)
    assert isinstance(result, Problem)
    assert result.code == code


amounts = st.integers(min_value=1, max_value=MAX_ENTRY_AMOUNT)


@given(amounts)
def test_format_then_parse_round_trips(amount: int) -> None:
    assert parse_amount(format_rupiah(amount)) == amount


@given(amounts)
def test_plain_and_comma_grouped_digits_round_trip(amount: int) -> None:
    assert parse_amount(str(amount)) == amount
    assert parse_amount(f"{amount:,}") == amount
    assert parse_amount(group_thousands(amount)) == amount


@given(st.integers(min_value=1, max_value=10_000))
def test_thousands_unit_round_trips(thousands: int) -> None:
    assert parse_amount(f"{thousands}rb") == thousands * 1_000
    assert parse_amount(f"{thousands} ribu") == thousands * 1_000


@given(st.integers(min_value=-MAX_ENTRY_AMOUNT, max_value=MAX_ENTRY_AMOUNT))
def test_format_is_dot_grouped_with_no_space(amount: int) -> None:
    text = format_rupiah(amount)
    assert " " not in text
    assert text.startswith("-Rp" if amount < 0 else "Rp")
    assert text.replace("-", "").replace("Rp", "").replace(".", "") == str(abs(amount))


def test_format_examples() -> None:
    assert format_rupiah(15_000) == "Rp15.000"
    assert format_rupiah(-250_000) == "-Rp250.000"
    assert format_rupiah(0) == "Rp0"
    assert format_rupiah(10_500) == "Rp10.500"


@pytest.mark.parametrize(
    ("amount", "text"),
    [
        (15_000, "15 rb"),
        (2_500_000, "2,5 jt"),
        (1_500, "1,5 rb"),
        (999, "999"),
        (-250_000, "-250 rb"),
        (1_200_000_000, "1,2 M"),
        (2_000_000, "2 jt"),
        (1_960_000, "2 jt"),
    ],
)
def test_compact_format(amount: int, text: str) -> None:
    assert format_compact(amount) == text


@pytest.mark.parametrize("bad", [15000.0, True, "15000"])
def test_formatting_refuses_anything_but_int(bad: object) -> None:
    with pytest.raises(TypeError):
        format_rupiah(bad)  # type: ignore[arg-type]


# -- bad input: only ASCII digits, and a length limit before any int() ---------------------------


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("9" * 5000, "amount_too_large"),  # int() alone would raise: Python reads at most 4,300 digits
        ("1" * 41, "amount_too_large"),
        ("Rp " + "9." * 30 + "000", "amount_too_large"),
        ("lima ribu rupiah untuk kopi dan gula di pasar", "amount_not_number"),
        ("15.000 untuk kopi, gula dan teh di pasar pagi", "amount_malformed"),
        ("٣", "amount_malformed"),  # Arabic-Indic three
        ("١٥٠٠٠", "amount_malformed"),
        ("²", "amount_malformed"),  # superscript two
        ("１５０００", "amount_malformed"),  # fullwidth
        ("1５000", "amount_malformed"),
        ("15٫000", "amount_malformed"),
        ("٥rb", "amount_malformed"),
        ("1,٥jt", "amount_malformed"),
    ],
)
def test_refuses_non_ascii_digits_and_overlong_text_without_raising(text: str, code: str) -> None:
    result = parse_amount(text)
    assert isinstance(result, Problem) and result.code == code
    assert len(str(result.params.get("text", ""))) <= 45  # a long input is quoted short


def test_the_longest_amounts_people_write_are_well_inside_the_limit() -> None:
    assert parse_amount("Rp10.000.000.000,-") == MAX_ENTRY_AMOUNT
    assert parse_amount("  " + "1.000.000.000" + " " * 60) == 1_000_000_000  # surrounding spaces do not count
    assert parse_amount("0" * 39 + "1") == 1  # 40 characters: still read


@given(st.text())
def test_any_text_gives_an_amount_in_range_or_a_problem(text: str) -> None:
    result = parse_amount(text)
    assert isinstance(result, Problem) or (type(result) is int and 1 <= result <= MAX_ENTRY_AMOUNT)


@given(st.text(alphabet="0123456789٣²１.,-rpRbkjtuaRibu \u00a0\t", max_size=80))
def test_money_like_text_gives_an_amount_in_range_or_a_problem(text: str) -> None:
    result = parse_amount(text)
    assert isinstance(result, Problem) or (type(result) is int and 1 <= result <= MAX_ENTRY_AMOUNT)
    if not isinstance(result, Problem):
        assert all(ch in "0123456789" for ch in text if ch.isdigit())  # only ASCII digits make a number


@pytest.mark.parametrize(
    ("amount", "indonesian", "english"),
    [(15_000, "15 rb", "15k"), (2_500_000, "2,5 jt", "2.5m"), (1_200_000_000, "1,2 M", "1.2bn"),
     (-500_000, "-500 rb", "-500k"), (1_234_000_000_000, "1.234 M", "1,234bn"), (999, "999", "999")],
)  # fmt: skip
def test_compact_labels_in_each_language(amount: int, indonesian: str, english: str) -> None:
    assert format_compact(amount) == indonesian
    assert format_compact(amount, english=True) == english
