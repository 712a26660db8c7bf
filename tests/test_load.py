"""The loader types the tables and refuses bad input with a message that says what and where."""

import pandas as pd
import pytest

from helpers.load import DataValidationError, load_dataset


def test_small_fixture_is_valid_and_typed(small_data):
    ds = load_dataset(small_data.root)
    obs = ds.observations
    assert len(obs) == len(small_data.rows("observations"))
    for column in ("geography_id", "indicator_id", "kind"):
        assert isinstance(obs[column].dtype, pd.CategoricalDtype)
    assert obs["value"].dtype == "float64"
    assert str(obs["period_start"].dtype) == "Int64"
    # Categories are the ids of the referenced tables, so unused ones still show up as gaps.
    assert set(obs["geography_id"].cat.categories) == {
        r["geography_id"] for r in small_data.rows("geographies")
    }


def _error(small_data) -> str:
    with pytest.raises(DataValidationError) as info:
        load_dataset(small_data.root)
    return str(info.value)


def _where(line: int, column: str, value: str) -> str:
    return f"observations.csv, line {line}, column {column!r}: {value!r}"


def test_non_numeric_value(small_data):
    line = small_data.set_cell("observations", "bkto-2023-thai-nguyen-001", "value", "n/a")
    message = _error(small_data)
    assert _where(line, "value", "n/a") in message
    assert "is not a number" in message


def test_decimal_comma_left_in_value(small_data):
    line = small_data.set_cell("observations", "ldxh-2022-bac-kan-022", "value", "26,93")
    message = _error(small_data)
    assert _where(line, "value", "26,93") in message
    assert "decimal comma" in message and "'.' as the decimal mark" in message


def test_unknown_province(small_data):
    line = small_data.set_cell("observations", "ldxh-2022-bac-kan-021", "geography_id", "bac-can")
    message = _error(small_data)
    assert _where(line, "geography_id", "bac-can") in message
    assert "unknown geography" in message and "bac-kan" in message  # lists the valid ids


def test_missing_source_id(small_data):
    line = small_data.set_cell("observations", "ldxh-2022-bac-kan-021", "source_id", "")
    assert _where(line, "source_id", "") + ": is empty but required" in _error(small_data)


def test_source_id_not_in_sources(small_data):
    line = small_data.set_cell("observations", "ldxh-2022-bac-kan-021", "source_id", "ldxh-2099")
    message = _error(small_data)
    assert _where(line, "source_id", "ldxh-2099") in message and "unknown source" in message


def test_duplicated_id(small_data):
    rows = small_data.rows("observations")
    rows.append(dict(rows[0]))
    small_data.write("observations", rows)
    message = _error(small_data)
    assert f"line {len(rows) + 1}, column 'observation_id'" in message
    assert "is duplicated (first on line 2)" in message


def test_same_figure_recorded_twice(small_data):
    rows = small_data.rows("observations")
    copy = dict(rows[0], observation_id=rows[0]["observation_id"][:-3] + "999")
    small_data.write("observations", rows + [copy])
    assert f"line {len(rows) + 2}" in (message := _error(small_data))
    assert "records the same figure as line 2" in message


def test_wrong_printed_unit(small_data):
    line = small_data.set_cell(
        "observations", "ldxh-2022-bac-kan-021", "unit_as_printed", "tỷ đồng"
    )
    message = _error(small_data)
    assert _where(line, "unit_as_printed", "tỷ đồng") in message
    assert "cannot express 'households'" in message


def test_unit_differs_from_indicator(small_data):
    line = small_data.set_cell("observations", "bkto-2023-thai-nguyen-001", "unit", "households")
    message = _error(small_data)
    assert _where(line, "unit", "households") in message
    assert "expected 'VND billion'" in message


def test_value_that_is_not_the_printed_number(small_data):
    # 117.325 triệu đồng is 117.325 billion; 117325 would be the number left in millions.
    line = small_data.set_cell("observations", "bkto-2023-thai-nguyen-001", "value", "117325")
    message = _error(small_data)
    assert _where(line, "value", "117325") in message
    assert "which is 117.325 VND billion" in message


def test_malformed_row(small_data):
    path = small_data.root / "observations.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "broken-001,bac-kan,poor_households\n", encoding="utf-8")
    line = text.count("\n") + 1
    message = _error(small_data)
    assert f"observations.csv, line {line}" in message and "row has 3 cells" in message


def test_range_needs_both_ends(small_data):
    rows = [r for r in small_data.rows("observations") if r["qualifier"] != "range high"]
    small_data.write("observations", rows)
    assert "a range needs both ends; no matching 'range high' row" in _error(small_data)


def test_every_problem_is_reported_at_once(small_data):
    small_data.set_cell("observations", "bkto-2023-thai-nguyen-001", "value", "n/a")
    small_data.set_cell("observations", "ldxh-2022-bac-kan-021", "geography_id", "bac-can")
    with pytest.raises(DataValidationError) as info:
        load_dataset(small_data.root)
    assert len(info.value.problems) == 2
