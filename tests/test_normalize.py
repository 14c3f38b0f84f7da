from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from ledger.extract import extract_mentions
from ledger.normalize import normalize, normalize_word


def test_normalised_text_drops_marks_and_unifies_letters():
    nt = normalize("أكثرُ مِن ٩ آلافٍ مُعتقلـــة")
    assert nt.text == "اكثر من 9 الاف معتقله"


def test_span_maps_back_with_trailing_tanween():
    original = "نحو 12 ألفاً من المسلحين"
    nt = normalize(original)
    i = nt.text.index("الفا")
    start, end = nt.span_to_original(i, i + 4)
    assert original[start:end] == "ألفاً"


def test_presentation_forms_take_the_general_path():
    original = "قتل ﻻ أقل من ٥ أشخاص"
    nt = normalize(original)
    assert "لا اقل من 5" in nt.text
    (m,) = [m for m in extract_mentions(original) if m.is_claim]
    assert original[m.start : m.end] == m.text
    assert m.value == 5 and m.qualifier == "at_least"


def test_normalize_word_matches_normalize():
    assert normalize_word("إحدى عشرة") == normalize("إحدى عشرة").text


DIACRITICS = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0640"


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(list(DIACRITICS)), min_size=1, max_size=12), st.randoms())
def test_offsets_survive_any_diacritics(marks, rnd):
    base = "وأكد أن أكثر من 9 آلاف معتقل و12 ألفاً من المسلحين في 20 سجناً"
    chars = list(base)
    for mark in marks:
        pos = rnd.randrange(1, len(chars))
        if chars[pos - 1].isalpha():
            chars.insert(pos, mark)
    text = "".join(chars)
    mentions = extract_mentions(text)
    for m in mentions:
        assert text[m.start : m.end] == m.text
    values = sorted(m.value for m in mentions if m.is_claim)
    assert values == [20, 9000, 12000]


def test_diacritics_are_camel_tools_own():
    """The diacritic set written out in normalize.py is camel-tools' AR_DIAC_CHARSET."""
    from camel_tools.utils.charsets import AR_DIAC_CHARSET

    from ledger.normalize import AR_DIACRITICS

    assert set(AR_DIACRITICS) == set(AR_DIAC_CHARSET)


def test_letters_follow_camel_tools():
    from camel_tools.utils.dediac import dediac_ar
    from camel_tools.utils.normalize import (
        normalize_alef_ar,
        normalize_alef_maksura_ar,
        normalize_teh_marbuta_ar,
    )

    text = "إلى أنّ مدرسةَ الآباء ٱلأولى رأت مئةً وإحدى عشرة"
    camel = normalize_teh_marbuta_ar(normalize_alef_maksura_ar(normalize_alef_ar(dediac_ar(text))))
    assert normalize_word(text) == camel


def test_bidi_marks_inside_numbers_are_ignored():
    (m,) = extract_mentions("ارتفع 7.\u200e5 في المائة")
    assert m.value == Fraction(15, 2) and m.text == "7.\u200e5 في المائة"
    (m,) = extract_mentions("ارتفع 7\u061c.5 في المائة")
    assert m.value == Fraction(15, 2)


def test_a_right_to_left_mark_after_the_point_reverses_the_parts():
    """One outlet types decimals as 95.\u200f56 for 56.95 (its Brent price; Greek debt
    at 168.8% is 8.\u200f168 there)."""
    (m,) = extract_mentions("تراجع إلى 8.\u200f168 في المائة من الناتج المحلي")
    assert m.value == Fraction("168.8")
    (m,) = extract_mentions("ارتفع 7.\u200f0 في المائة")
    assert m.value == Fraction("0.7")


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["ﻻ", "ﷺ", "ﻷ", "\u064b", "\u200f", "ـ", "ﺑ"]), max_size=8),
       st.randoms())  # fmt: skip
def test_general_path_maps_every_offset(inserts, rnd):
    base = "قتل 25 شخصا وأصيب نحو 300 آخرين في 3 مدن"
    chars = list(base)
    for ch in inserts:
        chars.insert(rnd.randrange(0, len(chars) + 1), ch)
    text = "".join(chars)
    nt = normalize(text)
    for i in range(len(nt.text)):
        o = nt.to_original(i)
        assert 0 <= o < len(text)
        assert nt.to_normalized(o) <= i
    for m in extract_mentions(text):
        assert text[m.start : m.end] == m.text
