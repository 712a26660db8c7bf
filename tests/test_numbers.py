"""Unit tests for the Vietnamese number parser, number finder and unit conversion."""

import unicodedata

import pytest

from helpers.numbers import (
    NumberFormatError,
    UnitError,
    conversion_factor,
    find_numbers,
    locate_number,
    normalise_text,
    parse_vn_number,
    parse_vn_single,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("117.325", 117325.0),
        ("211,9", 211.9),
        ("1,14", 1.14),
        ("2.888", 2888.0),
        ("02", 2.0),
        ("2732326", 2732326.0),
        ("1.139", 1139.0),
        ("1.234.567,5", 1234567.5),
    ],
)
def test_single_numbers_read_in_vietnamese_notation(text, expected):
    assert parse_vn_single(text) == pytest.approx(expected)


@pytest.mark.parametrize("text", ["211.9", "1.14", "12.34.5", "abc", "", "1,2,3", "-3"])
def test_english_or_malformed_numbers_are_rejected(text):
    with pytest.raises(NumberFormatError):
        parse_vn_single(text)


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [("2 - 2,5%", 2.0, 2.5), ("2%-2,5%", 2.0, 2.5), ("3,5-4", 3.5, 4.0), ("3,5%-4%", 3.5, 4.0)],
)
def test_ranges_give_both_ends(text, low, high):
    parsed = parse_vn_number(text)
    assert (parsed.kind, parsed.low, parsed.high) == ("range", low, high)
    with pytest.raises(NumberFormatError):
        _ = parsed.value


def test_reversed_range_is_rejected():
    with pytest.raises(NumberFormatError):
        parse_vn_number("4-3,5")


def test_fraction_is_a_share():
    assert parse_vn_number("1/2").value == 0.5
    with pytest.raises(NumberFormatError):
        parse_vn_number("1/0")


def test_trailing_percent_is_tolerated():
    assert parse_vn_number("26,93%").value == pytest.approx(26.93)


def test_finder_sees_every_number_once_and_keeps_groups_together():
    text = "là 211,9 tỷ đồng, 10,2 tỷ; 2.888 người; 5.500/6.000 lao động; năm 2021-2024."
    assert [p for _, _, p in find_numbers(text)] == [
        "211,9",
        "10,2",
        "2.888",
        "5.500",
        "6.000",
        "2021",
        "2024",
    ]


def test_finder_spans_point_at_the_text():
    text = "giảm 1,14%, đạt 2.420 người"
    for start, end, printed in find_numbers(text):
        assert text[start:end] == printed


def test_locate_number_needs_a_whole_number():
    excerpt = "từ 13 hộ lên 3,5% rồi 3%"
    assert locate_number(excerpt, "3") == (excerpt.index("3%"), excerpt.index("3%") + 1)
    assert locate_number(excerpt, "5") is None


def test_normalise_text_folds_nbsp_and_composes():
    decomposed = "Tha\u0301i Nguye\u0302n\u00a0tỉnh"
    assert normalise_text(decomposed) == "Thái Nguyên tỉnh"


@pytest.mark.parametrize(
    ("printed", "canonical", "factor"),
    [
        ("tỷ đồng", "VND billion", 1.0),
        ("triệu đồng", "VND billion", 0.001),
        ("%/năm", "percentage points per year", 1.0),
        ("", "percent", 100.0),
    ],
)
def test_conversion_factors(printed, canonical, factor):
    assert conversion_factor(printed, canonical) == factor


def test_wrong_or_unknown_unit_is_named():
    with pytest.raises(UnitError, match="cannot express 'households'"):
        conversion_factor("tỷ đồng", "households")
    with pytest.raises(UnitError, match="unknown printed unit 'USD'"):
        conversion_factor("USD", "VND billion")


def test_normalise_text_folds_exactly_the_characters_python_calls_space_but_the_newline():
    """Checked against ``str.isspace`` over every code point (not against the pattern used)."""
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)
    folded = normalise_text(every)
    expected = unicodedata.normalize("NFC", every)
    expected = "".join(" " if ch != "\n" and ch.isspace() else ch for ch in expected)
    assert folded == expected
    assert normalise_text("a\u00a0b\tc\nd\u2029e\u3000f") == "a b c\nd e f"
