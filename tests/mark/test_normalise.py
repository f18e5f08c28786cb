"""Dates, figures and names normalised so that equal facts compare equal."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from clio.mark.normalise import find_dates, find_numbers, names_match, normalise


def test_month_abbreviations_match_full_names() -> None:
    assert find_dates("Dec 1949") == find_dates("December 1949") == {(1949, 12), (1949, 0)}
    assert normalise("Treaty of Friendship, Dec 1949") == normalise(
        "Treaty of Friendship, December 1949"
    )


def test_a_year_alone_still_matches_a_month_year() -> None:
    assert (1949, 0) in find_dates("signed in Sept. 1949")
    assert find_dates("the 1950s") == {(1950, 0)}


def test_money_and_scaled_figures() -> None:
    assert find_numbers("$300m loans") == find_numbers("300 million dollars") == {300e6}
    assert normalise("$300m") == normalise("300 million dollars")
    assert find_numbers("20,000 experts") == {20000.0}
    assert find_numbers("half a million men") == {500000.0}
    assert find_numbers("in 1950") == set()  # years are dates, not figures


def test_names_fuzzy() -> None:
    assert names_match("Khrushchev", "Khruschev")
    assert names_match("Lieberthal", "Leiberthal")
    assert not names_match("Lieberthal", "Kieberthal")  # the first letter must agree
    assert names_match("Mao", "Mao") and not names_match("Mao", "Man")
    assert not names_match("Stalin", "Stalingrad")


@given(st.integers(min_value=1, max_value=999), st.sampled_from(["m", "bn"]))
def test_short_and_long_money_forms_agree(amount: int, suffix: str) -> None:
    word = {"m": "million", "bn": "billion"}[suffix]
    assert find_numbers(f"${amount}{suffix}") == find_numbers(f"{amount} {word} dollars")


@given(
    st.sampled_from(
        [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ]
    ),
    st.integers(min_value=1000, max_value=2099),
)
def test_every_month_abbreviates_to_the_same_date(month: str, year: int) -> None:
    full = find_dates(f"{month} {year}")
    assert full == find_dates(f"{month[:3]} {year}") == find_dates(f"{month[:3]}. {year}")
    assert len(full) == 2
    assert normalise(f"{month[:3]} {year}") == normalise(f"{month} {year}")
