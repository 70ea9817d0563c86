"""The "Benar Rp…?" rule: an amount far above her usual for the same thing, or above Rp10 juta."""

from __future__ import annotations

import pytest

from wirausaha_desktop.domain.unusual import SecondLook, Why, second_look, usual_amount


@pytest.mark.parametrize(
    ("amount", "history", "expected"),
    [
        (10_000_000, [], None),  # Rp10 juta itself is not "above"
        (10_000_001, [], SecondLook(Why.VERY_LARGE, None)),
        (10_000_001, [9_000_000] * 3, SecondLook(Why.VERY_LARGE, 9_000_000)),  # whatever her history
        (9_999_999, [], None),  # no history: only the fixed bar
        (9_999_999, [20_000, 20_000], None),  # two entries say too little
        (100_000, [20_000] * 3, None),  # five times 20rb is not more than five times
        (100_001, [20_000] * 3, SecondLook(Why.FAR_ABOVE_USUAL, 20_000)),
        (100_001, [20_000, 20_001, 20_001], None),  # the median, not the smallest
        (100_000, [2_000] * 10, None),  # small sums are never questioned
        (150_000, [20_000, 18_000, 25_000, 2_000_000], SecondLook(Why.FAR_ABOVE_USUAL, 22_500)),
        (1_000_000, [200_000] * 5, None),
        (1_000_001, [200_000] * 5, SecondLook(Why.FAR_ABOVE_USUAL, 200_000)),
    ],
)
def test_second_look(amount: int, history: list[int], expected: SecondLook | None) -> None:
    assert second_look(amount, history) == expected


def test_her_usual_is_the_median_so_one_big_day_does_not_move_it() -> None:
    assert usual_amount([20_000, 21_000, 5_000_000]) == 21_000
    assert usual_amount([20_000, 21_000]) is None
