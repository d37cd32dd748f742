"""Reading typed numbers by one fixed rule, whatever the computer's locale."""

import pytest

from smartcity_assess.core.numbers import NotANumber, NotFinite, parse_decimal


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("72,5", 72.5),
        ("72.5", 72.5),
        (" 20 ", 20.0),
        ("0,25", 0.25),
        ("-3", -3.0),
        ("1e3", 1000.0),
        ("92,125", 92.125),  # a lone comma is the decimal mark, never a thousands separator
        ("1.250", 1.25),
        ("1.234,5", 1234.5),
        ("1,234.5", 1234.5),
        ("1.234.567", 1234567.0),
        ("1,234,567", 1234567.0),
    ],
)
def test_one_rule_for_decimal_marks_and_grouping(text, expected):
    assert parse_decimal(text) == expected


@pytest.mark.parametrize("text", ["lots", "", "1_0", "2,5,5", "1,2.3.4", "12,34.5", "1.2,3,4", "72 ,5", "0x10"])
def test_words_and_malformed_numbers_are_not_numbers(text):
    with pytest.raises(NotANumber):
        parse_decimal(text)


@pytest.mark.parametrize("text", ["nan", "NaN", "-nan"])
def test_nan_is_not_a_number(text):
    with pytest.raises(NotANumber):
        parse_decimal(text)


@pytest.mark.parametrize("text", ["inf", "-inf", "Infinity", "1e999", "-1e999"])
def test_infinite_values_are_out_of_range(text):
    with pytest.raises(NotFinite):
        parse_decimal(text)
