"""Reading a typed measured value: a decimal comma or point in any locale, the locale's group
separators, and nothing that is not a finite number."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale

from smartcity_assess.ui.walk.measured_value import NotANumber, NotFinite, parse_measured_value

INDONESIAN = QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia)
ENGLISH = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)


@pytest.mark.parametrize("locale", [ENGLISH, INDONESIAN, QLocale.c()], ids=["en", "id", "C"])
@pytest.mark.parametrize(
    ("text", "expected"),
    [("72,5", 72.5), ("72.5", 72.5), (" 20 ", 20.0), ("0,25", 0.25), ("-3", -3.0), ("1e3", 1000.0)],
)
def test_decimal_comma_and_point_both_read(locale, text, expected):
    assert parse_measured_value(text, locale) == expected


def test_group_separators_follow_the_locale():
    assert parse_measured_value("1.234,5", INDONESIAN) == 1234.5
    assert parse_measured_value("1,234.5", ENGLISH) == 1234.5


@pytest.mark.parametrize("text", ["lots", "", "1_0", "2,5,5", "1,2.3.4"])
def test_words_are_not_numbers(text):
    with pytest.raises(NotANumber):
        parse_measured_value(text, ENGLISH)


@pytest.mark.parametrize("text", ["nan", "NaN", "-nan"])
def test_nan_is_not_a_number(text):
    with pytest.raises(NotANumber):
        parse_measured_value(text, INDONESIAN)


@pytest.mark.parametrize("text", ["inf", "-inf", "Infinity", "1e999", "-1e999", "1e999,5"])
def test_infinite_values_are_out_of_range(text):
    with pytest.raises((NotFinite, NotANumber)):
        parse_measured_value(text, ENGLISH)


@pytest.mark.parametrize("text", ["inf", "-inf", "1e999", "-1e999"])
def test_infinite_values_say_out_of_range(text):
    with pytest.raises(NotFinite):
        parse_measured_value(text, INDONESIAN)
