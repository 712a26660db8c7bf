"""Unit tests of helpers.format: notation, units, qualifiers, ranges and missing values."""

import math

import pandas as pd
import pytest

from helpers.format import (
    NOT_REPORTED,
    format_date,
    format_number,
    format_period,
    format_quantity,
    format_range,
    format_standard,
)


@pytest.mark.parametrize(
    ("value", "decimals", "en", "vi"),
    [
        (1234.5, None, "1,234.5", "1.234,5"),
        (13867.0, None, "13,867", "13.867"),
        (17.02, None, "17.02", "17,02"),
        (117.325, None, "117.325", "117,325"),
        (1234567.891, 2, "1,234,567.89", "1.234.567,89"),
        (52.975, 1, "53.0", "53,0"),
        (0.0, None, "0", "0"),
    ],
)
def test_format_number_in_both_notations(value, decimals, en, vi):
    assert format_number(value, decimals, "en") == en
    assert format_number(value, decimals, "vi") == vi


@pytest.mark.parametrize(
    ("value", "decimals", "en", "vi"),
    [  # rounded by hand, half up, from the decimal as the data writes it
        (441 / 4, 1, "110.3", "110,3"),  # Bắc Kạn's Project 1 per programme year; f-string: 110.2
        (21.95, 1, "22.0", "22,0"),  # f"{21.95:.1f}" gave "21.9" (the binary 21.9499…)
        (0.35, 1, "0.4", "0,4"),  # f-string: "0.3"
        (4.55, 1, "4.6", "4,6"),  # f-string: "4.5"
        (42.85, 1, "42.9", "42,9"),  # Babel's default half-to-even: "42.8"
        (117.325, 2, "117.33", "117,33"),  # half-to-even: "117.32"
        (-0.04, 1, "0.0", "0,0"),  # never "-0.0"
        (1234567, 0, "1,234,567", "1.234.567"),
    ],
)
def test_rounding_is_half_up_on_the_decimal_the_data_writes(value, decimals, en, vi):
    assert format_number(value, decimals, "en") == en
    assert format_number(value, decimals, "vi") == vi


@pytest.mark.parametrize("missing", [None, float("nan"), pd.NA])
def test_missing_reads_not_reported_never_zero(missing):
    assert format_number(missing) == NOT_REPORTED
    assert format_quantity(missing, "VND billion") == NOT_REPORTED
    assert format_range(2.0, missing, "percent") == NOT_REPORTED


def test_units_and_qualifiers():
    assert format_quantity(211.9, "VND billion") == "211.9 billion VND"
    assert format_quantity(211.9, "VND billion", notation="vi") == "211,9 tỷ đồng"
    assert format_quantity(3, "percentage points per year", "over") == "over 3 pp/year"
    assert format_quantity(4, "percentage points per year", "at least") == "at least 4 pp/year"
    assert format_quantity(3.4, "percent", "below") == "below 3.4%"
    # "about" is only ever the reports' "gần": nearly (just under), not "around"
    assert format_quantity(438, "VND billion", "about") == "nearly 438 billion VND"
    assert format_quantity(1.48, "percentage points") == "1.48 pp"
    assert format_quantity(12022, "persons") == "12,022 persons"


def test_range_keeps_unit_once():
    assert format_quantity(2, "percentage points per year", "range", 2.5) == "2–2.5 pp/year"
    assert format_range(3.5, 4, "percent", notation="vi") == "3,5–4%"


def test_unknown_unit_qualifier_or_notation_fail_clearly():
    with pytest.raises(ValueError, match="unknown unit 'dollars'"):
        format_quantity(1, "dollars")
    with pytest.raises(ValueError, match="unknown qualifier"):
        format_quantity(1, "percent", "roughly")
    with pytest.raises(ValueError, match="notation"):
        format_number(1, notation="fr")
    with pytest.raises(ValueError, match="infinite"):
        format_number(math.inf)


def test_periods_and_years():
    assert format_period(2021, 2024) == "2021–2024"
    assert format_period(2022, 2022) == "2022"
    assert format_period(pd.NA, 2024) == "to 2024"
    assert format_period(None, None) == "period not stated"


def test_dates_printed_inferred_or_missing():
    assert format_date(pd.Timestamp("2025-04-17")) == "17 April 2025"
    assert format_date(pd.NaT, "2023-04") == "April 2023 (inferred)"
    assert format_date(pd.NaT, "2024") == "2024 (inferred)"
    assert format_date(pd.NaT, "") == "date not printed"


def test_dates_in_each_language_from_babel():
    from helpers.i18n import using

    assert format_date(pd.Timestamp("2024-12-01")) == "1 December 2024"
    assert format_date(pd.NaT, "2023-11") == "November 2023 (inferred)"
    with using("vi"):
        assert format_date(pd.Timestamp("2024-12-01")) == "1/12/2024"
        assert format_date("2025-01-09") == "9/1/2025"
        assert format_date(pd.NaT, "2023-11") == "tháng 11/2023 (suy ra)"
        assert format_date(pd.NaT, "2023-13") == "2023 (suy ra)"  # no such month: the year


def test_the_index_writes_file_sizes_in_its_notation():
    from reportbuild.index import _size

    # observations.csv is over 1,000 KB: it read "1107 KB" in both languages, ungrouped
    assert _size(1107 * 1024, "en") == "1,107 KB"
    assert _size(1107 * 1024, "vi") == "1.107 KB"
    assert _size(25 * 1024 + 600, "vi") == "26 KB"
    assert _size(900, "en") == "900 B"


def test_standards():
    assert format_standard("2021-2025") == "2021–2025 standard"
    assert format_standard("not stated") == "standard not stated"


def test_an_inferred_standard_says_so_in_both_languages():
    from helpers.i18n import using

    inferred = {"poverty_standard": "2021-2025", "standard_inferred": True}
    assert format_standard(inferred) == "2021–2025 standard (inferred)"
    assert format_standard(pd.Series(inferred)) == "2021–2025 standard (inferred)"
    assert format_standard("2021-2025", inferred="true") == "2021–2025 standard (inferred)"
    named = {"poverty_standard": "2021-2025", "standard_inferred": False}
    assert format_standard(named) == "2021–2025 standard"
    assert format_standard({"poverty_standard": "not stated", "standard_inferred": True}) == (
        "standard not stated"
    )
    with using("vi"):
        assert format_standard(inferred) == "chuẩn nghèo đa chiều 2021–2025 (suy ra)"
