from fractions import Fraction

import pytest

from ledger import parse_value
from ledger.model import format_value
from ledger.notation import parse_digits


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("9,000", 9000), ("٩٬٠٠٠", 9000), ("۹۰۰۰", 9000), ("1.5", Fraction(3, 2)),
        ("٣٫٥", Fraction(7, 2)), ("١٨٠,٢٥", Fraction(721, 4)), ("1.000.000", 1000000),
        ("1,234.56", Fraction(123456, 100)), ("0.08", Fraction(2, 25)), ("٫٧٧", Fraction(77, 100)),
    ],
)  # fmt: skip
def test_digits_in_three_scripts(text, value):
    assert parse_value(text) == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("واحد", 1), ("اثنان", 2), ("اثنتين", 2), ("ثلاثة", 3), ("عشرة", 10),
        ("أحد عشر", 11), ("اثنا عشر", 12), ("إحدى عشرة", 11), ("خمسة عشر", 15),
        ("عشرون", 20), ("خمسة وعشرون", 25), ("خمسٌ وعشرين", 25), ("مائة", 100), ("مئتان", 200),
        ("ثلاثمائة وخمسين", 350), ("ثلاث مائة", 300), ("ألف", 1000), ("ألفان", 2000),
        ("ألفين", 2000), ("ثلاثة آلاف", 3000), ("عشرة آلاف", 10000), ("مائة ألف", 100000),
        ("مئتا ألف", 200000), ("مائة وخمسون ألفاً", 150000), ("مليون", 1000000),
        ("مليونين", 2000000), ("ثلاثة ملايين", 3000000), ("مليار", 10**9),
        ("ثلاثة آلاف وخمسمائة وخمسة وعشرون", 3525), ("مليون و200 ألف", 1200000),
        ("9 آلاف", 9000), ("12 ألفاً", 12000), ("1.5 مليون", 1500000), ("٣ مئة", 300),
        ("تسعمائة وتسعة وتسعون ألفا وتسعمائة وتسعة وتسعون", 999999),
    ],
)  # fmt: skip
def test_number_words(text, value):
    assert parse_value(text) == value


def test_unknown_digit_shapes_never_raise():
    assert parse_digits("12.34.56") == 12


@pytest.mark.parametrize(
    ("value", "text"),
    [(Fraction(9000), "9000"), (Fraction(5, 2), "2.5"), (Fraction(1, 3), "0.333333"),
     (Fraction(-6, 5), "-1.2"), (None, "")],
)  # fmt: skip
def test_format_value_is_exact(value, text):
    assert format_value(value) == text


def test_the_construct_of_two_counts_only_before_ten():
    """اثني / اثنتي are the construct of two, only ever in twelve: alone it is the verb
    أثنى (praised) in "وأثنى الكثير من السياح" (read in Tunisian news)."""
    from ledger.extract import extract_normalized

    assert not [m for m in extract_normalized("وأثنى الكثير من السياح على الجو")[0] if m.is_claim]
    (twelve,) = extract_normalized("قتل اثني عشر شخصا")[0]
    assert twelve.value == 12
