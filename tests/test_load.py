"""The loader types the tables and refuses bad input with a message that says what and where."""

from datetime import date

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


# --- data that should be refused (issue 9) -------------------------------------------------


def test_period_end_before_period_start(small_data):
    line = small_data.set_cell("observations", "bkto-2023-thai-nguyen-001", "period_end", "2019")
    message = _error(small_data)
    assert _where(line, "period_end", "2019") in message
    assert "is before period_start 2021" in message


def test_source_published_after_today(small_data):
    small_data.set_cell("sources", "ldxh-2022-bac-kan", "date_published", "2099-01-01")
    message = _error(small_data)
    assert "sources.csv, line 3, column 'date_published': '2099-01-01': is after today" in message


def test_today_is_a_parameter(small_data):
    small_data.set_cell("sources", "ldxh-2022-bac-kan", "date_published", "2023-12-31")
    load_dataset(small_data.root, today=date(2023, 12, 31))
    with pytest.raises(DataValidationError, match="is after today \\(2023-12-30\\)"):
        load_dataset(small_data.root, today=date(2023, 12, 30))


def test_actual_figure_in_the_future(small_data):
    line = small_data.set_cell("observations", "ldxh-2022-bac-kan-021", "period_end", "2099")
    message = _error(small_data)
    assert _where(line, "period_end", "2099") in message
    assert "only a target, plan, estimate may lie in the future" in message


def test_actual_figure_dated_in_the_future(small_data):
    small_data.set_cell("observations", "ldxh-2022-bac-kan-021", "period_start", "")
    small_data.set_cell("observations", "ldxh-2022-bac-kan-021", "period_end", "")
    line = small_data.set_cell("observations", "ldxh-2022-bac-kan-021", "date", "2099-12-31")
    assert _where(line, "date", "2099-12-31") + ": is after today" in _error(small_data)


def test_a_target_may_lie_in_the_future(small_data):
    for oid in ("ldxh-2022-bac-kan-001", "ldxh-2022-bac-kan-002"):
        small_data.set_cell("observations", oid, "period_end", "2099")
    load_dataset(small_data.root)


def test_actual_figure_ending_after_its_source_was_published(small_data):
    # The Bắc Kạn report was published on 23 March 2022: it cannot report a 2023 result.
    line = small_data.set_cell("observations", "ldxh-2022-bac-kan-021", "period_end", "2023")
    message = _error(small_data)
    assert _where(line, "period_end", "2023") in message
    assert "is after its source was published (date_published 2022)" in message


def test_last_line_cut_inside_an_unquoted_last_field(small_data):
    path = small_data.root / "observations.csv"
    text = path.read_text(encoding="utf-8")
    cut = text.rstrip("\n")[:-12]  # the note of the last row loses its end, and the newline
    path.write_text(cut, encoding="utf-8")
    message = _error(small_data)
    assert f"observations.csv, line {cut.count(chr(10)) + 1}" in message
    assert "does not end with a newline" in message


def test_file_cut_inside_a_quoted_value(small_data):
    path = small_data.root / "sources.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.rindex('"')] + "\n", encoding="utf-8")
    message = _error(small_data)
    assert "sources.csv, line 3" in message and "is not valid CSV" in message


def test_non_number_in_known_discrepancies(small_data):
    path = small_data.root / "known_discrepancies.csv"
    path.write_text(
        path.read_text(encoding="utf-8")
        + "bkto-2023-thai-nguyen-001,budget source,117.325,n/a,0,Test row.\n",
        encoding="utf-8",
    )
    message = _error(small_data)
    assert "known_discrepancies.csv, line 2, column 'parts_sum': 'n/a': is not a number" in message


def test_number_ignores_goes_through_the_typed_loader(small_data):
    rows = small_data.rows("number_ignores")
    small_data.write("number_ignores", rows + [dict(rows[0], reason="because")])
    message = _error(small_data)
    assert "number_ignores.csv, line 3, column 'reason': 'because': is not allowed" in message
    assert "repeats the key (source_id, context, number) of line 2" in message


def test_every_table_under_data_has_a_schema(small_data):
    (small_data.root / "extra.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    assert "extra.csv: is not a resource of datapackage.json" in _error(small_data)


def test_missing_column_is_named(small_data):
    rows = small_data.rows("sources")
    for row in rows:
        del row["date_note"]
    small_data.write("sources", rows)
    message = _error(small_data)
    assert "sources.csv, line 1, column 'date_note': column is missing from the header" in message


def test_non_utf8_file_says_which_line_and_byte(small_data):
    path = small_data.root / "geographies.csv"
    data = path.read_bytes()
    at = data.index("Thái".encode())
    path.write_bytes(data.replace("Thái".encode(), "Thái".encode("cp1258"), 1))
    line = data.count(b"\n", 0, at) + 1
    column = at - data.rfind(b"\n", 0, at)
    message = _error(small_data)
    assert f"geographies.csv, line {line}" in message
    assert f"is not UTF-8: byte {column + 2} of the line" in message


def test_byte_order_mark_is_named(small_data):
    path = small_data.root / "indicators.csv"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    message = _error(small_data)
    assert "indicators.csv, line 1: starts with a byte-order mark (BOM" in message
    assert len(_problems(small_data)) == 1  # the rest of the file is still read


def _problems(small_data):
    with pytest.raises(DataValidationError) as info:
        load_dataset(small_data.root)
    return info.value.problems


def test_problems_carry_file_line_column_value_and_expectation(small_data):
    small_data.set_cell("observations", "bkto-2023-thai-nguyen-001", "period_end", "2019")
    (problem,) = _problems(small_data)
    assert problem.file.endswith("observations.csv")
    assert (problem.line, problem.column, problem.value) == (2, "period_end", "2019")
    assert "expected a year on or after it" in problem.message


# --- the two tiers of sources (issue 8) ----------------------------------------------------

CITED_SOURCE = {
    "source_id": "molisa-2024-review",
    "seed_file": "",
    "title": "Quyết định phê duyệt kết quả rà soát hộ nghèo, hộ cận nghèo năm 2023",
    "publisher": "Bộ Lao động - Thương binh và Xã hội",
    "author": "",
    "date_published": "2024-03-01",
    "date_inferred": "",
    "date_note": "printed on the decision",
    "geographies": "bac-kan",
    "url": "https://example.org/decision.pdf",
    "note": "Fixture: an invented source to show the shape of a cited row.",
    "verification": "cited",
    "source_type": "ministry decision",
    "method": "administrative review",
    "date_accessed": "2026-11-20",
}


def _cited_rows(small_data) -> list[dict[str, str]]:
    """A cited rate, a cited count and a rate derived from them and the verified 2021 rate."""
    base = small_data.rows("observations")[-1]  # ldxh-2022-bac-kan-022, 26.93 % in 2021
    cited = dict(
        base,
        observation_id="molisa-2024-review-001",
        period_start="2023",
        period_end="2023",
        value="14.5",
        number_as_printed="14,5",
        source_id="molisa-2024-review",
        excerpt="",
        location="appendix table, row Bắc Kạn, column 'tỷ lệ hộ nghèo'",
        note="Poor-household rate at the end of 2023 (fixture).",
    )
    derived = dict(
        cited,
        observation_id="molisa-2024-review-002",
        indicator_id="poor_rate_reduction_annual",
        unit="percentage points per year",
        period_start="2021",
        value="6.22",
        number_as_printed="",
        unit_as_printed="",
        location="",
        formula="({ldxh-2022-bac-kan-022} - {molisa-2024-review-001}) / 2",
        note="Average yearly fall 2021–2023 implied by the two rates (fixture).",
    )
    return [cited, derived]


def _with_cited(small_data, **changes) -> None:
    sources = small_data.rows("sources")
    small_data.write("sources", sources + [dict(CITED_SOURCE, **changes.pop("source", {}))])
    cited, derived = _cited_rows(small_data)
    cited.update(changes.pop("cited", {}))
    derived.update(changes.pop("derived", {}))
    small_data.write("observations", small_data.rows("observations") + [cited, derived])


def test_cited_and_derived_rows(small_data):
    _with_cited(small_data)
    ds = load_dataset(small_data.root)
    obs = ds.observations.set_index("observation_id")
    assert obs.loc["molisa-2024-review-002", "value"] == pytest.approx(6.22)
    assert ds.sources.set_index("source_id").loc["molisa-2024-review", "verification"] == "cited"


def test_cited_row_with_an_excerpt_is_refused(small_data):
    _with_cited(small_data, cited={"excerpt": "tỷ lệ hộ nghèo 14,5%"})
    message = _error(small_data)
    assert "column 'excerpt': 'tỷ lệ hộ nghèo 14,5%': is set, but source" in message
    assert "is cited" in message


def test_cited_source_without_url_is_refused(small_data):
    _with_cited(small_data, source={"url": ""})
    assert "column 'url': '': a cited source needs its address" in _error(small_data)


def test_cited_source_url_must_be_http(small_data):
    _with_cited(small_data, source={"url": "javascript:alert(1)"})
    message = _error(small_data)
    assert "'javascript:alert(1)'" in message and "http:// or https://" in message


def test_cited_source_with_a_seed_file_is_refused(small_data):
    _with_cited(small_data, source={"seed_file": "009_0123456789abcdef.txt"})
    assert "is set on a cited source" in _error(small_data)


def test_cited_row_needs_location_and_printed_number(small_data):
    _with_cited(small_data, cited={"location": "", "number_as_printed": ""})
    message = _error(small_data)
    assert "column 'location': '': is empty, but source" in message
    assert "column 'number_as_printed': '': is empty but required for a printed figure" in message


def test_verified_row_needs_an_excerpt(small_data):
    line = small_data.set_cell("observations", "ldxh-2022-bac-kan-021", "excerpt", "")
    assert _where(line, "excerpt", "") + ": is empty, but source" in _error(small_data)


def test_verified_source_needs_its_seed_file(small_data):
    small_data.set_cell("sources", "ldxh-2022-bac-kan", "seed_file", "")
    assert "column 'seed_file': '': is empty, but a verified source" in _error(small_data)


def test_seed_file_is_unique(small_data):
    small_data.set_cell("sources", "ldxh-2022-bac-kan", "seed_file", "002_05cce3bbeaf5d462.txt")
    assert "column 'seed_file'" in (message := _error(small_data))
    assert "is duplicated (first on line 2)" in message


def test_derived_value_must_equal_its_formula(small_data):
    _with_cited(small_data, derived={"value": "6.3"})
    message = _error(small_data)
    assert "column 'value': '6.3': does not equal its formula" in message
    assert "= 6.215; expected 6.2" in message


def test_derived_value_within_rounding_to_its_decimals(small_data):
    _with_cited(small_data, derived={"value": "6.2"})  # 6.215 to one decimal
    load_dataset(small_data.root)


def test_derived_formula_must_name_existing_rows(small_data):
    _with_cited(small_data, derived={"formula": "{ldxh-2022-bac-kan-999} / 2"})
    assert "refers to unknown observation(s) ldxh-2022-bac-kan-999" in _error(small_data)


def test_derived_formula_is_arithmetic_only(small_data):
    _with_cited(small_data, derived={"formula": "__import__('os') or {ldxh-2022-bac-kan-022}"})
    assert "only numbers, {observation ids}, + - * / and parentheses" in _error(small_data)


def test_derived_row_has_no_printed_form(small_data):
    _with_cited(small_data, derived={"number_as_printed": "6,22"})
    assert "column 'number_as_printed': '6,22': is set on a derived figure" in _error(small_data)


def test_poor_district_flag_only_on_districts(small_data):
    line = small_data.set_cell("geographies", "bac-kan", "poor_district_353", "true")
    message = _error(small_data)
    assert f"geographies.csv, line {line}, column 'poor_district_353'" in message
    assert "is set on a 'province'" in message


def test_inferred_period_needs_a_note(small_data):
    small_data.set_cell("observations", "ldxh-2022-bac-kan-021", "period_inferred", "true")
    line = small_data.set_cell("observations", "ldxh-2022-bac-kan-021", "note", "")
    assert _where(line, "note", "") + ": is empty; an inferred period" in _error(small_data)


def test_new_columns_are_typed(small_data):
    small_data.set_cell("geographies", "vn", "valid_from", "1976-07-02")
    ds = load_dataset(small_data.root)
    assert ds.observations["period_inferred"].dtype == bool
    assert str(ds.geographies["poor_district_353"].dtype) == "boolean"
    assert str(ds.geographies["valid_to"].dtype) == "datetime64[ns]"
    assert str(ds.sources["date_accessed"].dtype) == "datetime64[ns]"
    assert ds.discrepancies.columns[0] == "total_observation_id"
    assert str(ds.ignores["reason"].dtype) == "string"
    assert ds.lines["number_ignores"] == [2]


def test_provenance_checks_read_only_verified_printed_rows(small_data, seeds_dir):
    from helpers.provenance import missing_excerpts, parts_versus_totals, source_texts

    _with_cited(small_data)
    ds = load_dataset(small_data.root)
    texts = source_texts(ds, seeds_dir)
    assert set(texts) == {"bkto-2023-thai-nguyen", "ldxh-2022-bac-kan"}  # no cited text
    assert missing_excerpts(ds, texts) == []
    checked = parts_versus_totals(ds)["total_observation_id"]
    assert list(checked) == ["bkto-2023-thai-nguyen-001"]


def test_only_a_province_names_a_region(small_data):
    rows = small_data.rows("geographies")
    region = dict.fromkeys(rows[0], "")
    region |= {"geography_id": "region-x", "name": "Vùng", "level": "region", "parent_id": "vn"}
    small_data.write("geographies", [*rows, region])
    line = small_data.set_cell("geographies", "bac-kan", "region_id", "region-x")
    load_dataset(small_data.root)  # a province naming a region is valid
    line = small_data.set_cell("geographies", "vn", "region_id", "region-x")
    message = _error(small_data)
    assert f"geographies.csv, line {line}, column 'region_id': 'region-x'" in message
    assert "only a province names its region" in message
    small_data.set_cell("geographies", "vn", "region_id", "")
    line = small_data.set_cell("geographies", "bac-kan", "region_id", "thai-nguyen")
    assert "names a 'province'" in _error(small_data)


def test_successor_is_a_province_that_still_exists(small_data):
    line = small_data.set_cell("geographies", "bac-kan", "successor_id", "thai-nguyen")
    message = _error(small_data)
    assert f"geographies.csv, line {line}, column 'successor_id': 'thai-nguyen'" in message
    assert "no longer exists" in message
    small_data.set_cell("geographies", "bac-kan", "successor_id", "")
    assert "a province names the province that holds its area" in _error(small_data)


def test_successor_agrees_with_province_after_2025(small_data):
    small_data.set_cell("geographies", "thai-nguyen-2025", "name", "Thái Nguyên mới")
    message = _error(small_data)
    assert "both name the same province" in message


def _with_lines(small_data, *spans: tuple[int, int]) -> None:
    small_data.write(
        "poverty_lines",
        [
            {
                "source_id": "ldxh-2022-bac-kan",
                "period_start": str(a),
                "period_end": str(b),
                "poverty_line": "2021-2025",
                "basis": "printed",
                "note": "test",
                "note_vi": "thử",
            }
            for a, b in spans
        ],
    )


def test_poverty_lines_cover_their_source_and_do_not_overlap(small_data):
    _with_lines(small_data, (2021, 2025))
    ds = load_dataset(small_data.root)
    assert list(ds.other_tables["poverty_lines"]["poverty_line"]) == ["2021-2025"]
    _with_lines(small_data, (2022, 2025))  # the 2021 rate is in no span
    message = _error(small_data)
    assert "is in no row of poverty_lines.csv for source 'ldxh-2022-bac-kan'" in message
    _with_lines(small_data, (2019, 2021), (2021, 2025))
    assert "overlaps the years 2019-2021 of the same source" in _error(small_data)


def test_inferred_standard_is_a_named_one_with_a_note(small_data):
    small_data.set_cell("observations", "ldxh-2022-bac-kan-021", "standard_inferred", "true")
    line = small_data.set_cell(
        "observations", "ldxh-2022-bac-kan-021", "poverty_standard", "not stated"
    )
    message = _error(small_data)
    assert (
        _where(line, "standard_inferred", "true") + ": but poverty_standard is 'not stated'"
        in message
    )
    small_data.set_cell("observations", "ldxh-2022-bac-kan-021", "poverty_standard", "2021-2025")
    small_data.set_cell("observations", "ldxh-2022-bac-kan-021", "note", "")
    assert _where(line, "note", "") + ": is empty; an inferred standard" in _error(small_data)


def test_inferred_standard_is_typed_as_a_flag(small_data):
    ds = load_dataset(small_data.root)
    assert ds.observations["standard_inferred"].dtype == bool


# The label "verified against the stored text" is earned at load time (issue 17) -------------


def test_a_verified_excerpt_that_is_not_in_its_stored_text_is_refused(small_data, seeds_dir):
    line = small_data.set_cell(
        "observations",
        "bkto-2023-thai-nguyen-001",
        "excerpt",
        "tỉnh Thái Nguyên đã chi 117.325 triệu đồng",
    )
    message = _error(small_data)
    assert _where(line, "excerpt", "tỉnh Thái Nguyên đã chi 117.325 triệu đồng") in message
    assert "does not occur in the stored text of source 'bkto-2023-thai-nguyen'" in message


def test_a_verified_row_whose_number_was_changed_everywhere_is_refused(small_data, seeds_dir):
    # Value, printed number and excerpt changed together: they agree with each other, so only
    # the stored text can tell that the source never printed 117.326.
    rows = small_data.rows("observations")
    row = next(r for r in rows if r["observation_id"] == "bkto-2023-thai-nguyen-001")
    row.update(
        value="117.326",
        number_as_printed="117.326",
        excerpt=row["excerpt"].replace("117.325", "117.326"),
    )
    small_data.write("observations", rows)
    message = _error(small_data)
    assert "line 2, column 'excerpt'" in message
    assert "does not occur in the stored text" in message


def test_without_the_stored_texts_no_source_is_labelled_verified(small_data, tmp_path):
    from helpers import display
    from helpers.i18n import using

    dataset = load_dataset(small_data.root, seeds_dir=tmp_path / "no-seeds")
    verified = {r["source_id"] for r in small_data.rows("sources")} - {""}
    assert set(dataset.unchecked_sources) == verified
    with using("en"):
        page = display.sources_html(dataset, sorted(verified))
    assert "verified against the stored text" not in page
    assert page.count("not checked: the stored text was not available") == len(verified)


def test_with_the_stored_texts_verified_sources_are_labelled_verified(small_data, seeds_dir):
    from helpers import display
    from helpers.i18n import using

    dataset = load_dataset(small_data.root, seeds_dir=seeds_dir)
    assert dataset.unchecked_sources == {}
    with using("en"):
        page = display.sources_html(dataset, ["bkto-2023-thai-nguyen"])
    assert "verified against the stored text" in page


def test_a_seed_file_that_is_not_among_the_stored_texts_is_refused(small_data, seeds_dir):
    line = small_data.set_cell(
        "sources", "bkto-2023-thai-nguyen", "seed_file", "009_0123456789abcdef.txt"
    )
    message = _error(small_data)
    assert f"sources.csv, line {line}, column 'seed_file': '009_0123456789abcdef.txt'" in message
    assert "is not a file of the stored texts" in message


# Clear messages (issue 17) ------------------------------------------------------------------


@pytest.mark.parametrize("char", ["\u202e", "\u2066", "\u200f", "\u200b"])
def test_bidirectional_and_zero_width_characters_are_refused(small_data, char):
    note = f"Printed in {char}million VND."
    line = small_data.set_cell("observations", "bkto-2023-thai-nguyen-001", "note", note)
    message = _error(small_data)
    assert _where(line, "note", note) in message
    assert f"U+{ord(char):04X}" in message and "not allowed" in message


def test_one_extra_column_is_one_problem_not_hundreds(small_data):
    path = small_data.root / "indicators.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join(f"{line},x" for line in lines) + "\n", encoding="utf-8")
    with pytest.raises(DataValidationError) as info:
        load_dataset(small_data.root)
    problems = info.value.problems
    assert len(problems) == 1, str(info.value)
    assert "indicators.csv" in problems[0].file and "not in the schema" in problems[0].message


def test_a_huge_cell_is_refused_naming_the_size_limit(small_data):
    import csv as csv_module

    line = small_data.set_cell("observations", "bkto-2023-thai-nguyen-001", "note", "x" * 200_000)
    # frictionless's CSV parser raises the csv module's limit process-wide when imported: the
    # loader's own limit must hold whatever else ran before it.
    before = csv_module.field_size_limit(10**9)
    try:
        message = _error(small_data)
        assert csv_module.field_size_limit() == 10**9  # the loader put the process's limit back
    finally:
        csv_module.field_size_limit(before)
    assert f"observations.csv, line {line}" in message
    assert "longer than the limit of 131,072 characters" in message


def test_errors_name_the_users_file_not_the_private_copy(small_data, tmp_path, monkeypatch):
    import shutil

    copy = tmp_path / "render-data-x" / "data"
    small_data.set_cell("observations", "bkto-2023-thai-nguyen-001", "value", "n/a")
    shutil.copytree(small_data.root, copy)
    monkeypatch.setenv("GN_DATA_ORIGIN", str(small_data.root))
    with pytest.raises(DataValidationError) as info:
        load_dataset(copy)
    message = str(info.value)
    assert str(small_data.root / "observations.csv") in message
    assert str(copy) not in message


# Downloads are written as data/ writes its cells, with a BOM for Excel (issues 16 and 17) ------


@pytest.mark.parametrize("table", ["observations", "sources", "geographies", "indicators"])
def test_a_download_of_a_whole_table_is_the_data_file_byte_for_byte(dataset, table):
    from helpers import config
    from helpers.display import _csv_text

    frame = getattr(dataset, table)
    stored = (config.PROJECT_ROOT / "data" / f"{table}.csv").read_text(encoding="utf-8")
    assert _csv_text(frame) == stored  # booleans true/false, dates, numbers as data/ has them


def test_an_embedded_download_has_a_bom_and_loads_with_the_loader(dataset, tmp_path):
    import base64
    import re

    from helpers.display import csv_download
    from helpers.load import read_table

    rows = dataset.observations[dataset.observations["period_inferred"]].head(3)
    rows = pd.concat([rows, dataset.observations[~dataset.observations["period_inferred"]].head(3)])
    rows = rows.reset_index(drop=True)
    assert rows["period_inferred"].any() and not rows["period_inferred"].all()
    link = csv_download(rows, "rows")
    payload = re.search(r"base64,([A-Za-z0-9+/=]+)", link).group(1)
    data = base64.b64decode(payload)
    assert data.startswith(b"\xef\xbb\xbf")
    assert b",True" not in data and b",False" not in data
    path = tmp_path / "download.csv"
    path.write_bytes(data)
    back = read_table(path, "observations", download=True)
    pd.testing.assert_frame_equal(
        back.astype(str), rows.astype(str), check_dtype=False, check_categorical=False
    )
    with pytest.raises(DataValidationError, match="byte-order mark"):
        read_table(path, "observations")  # a data/ table must not have one


@pytest.mark.parametrize("start", ["=", "+", "-", "@"])
def test_a_text_cell_a_spreadsheet_would_run_as_a_formula_is_refused(small_data, start):
    note = f'{start}HYPERLINK("http://example.org","x")'
    line = small_data.set_cell("observations", "bkto-2023-thai-nguyen-001", "note", note)
    message = _error(small_data)
    assert _where(line, "note", note) in message and "as a formula" in message


def test_the_message_of_many_problems_is_bounded(small_data):
    rows = small_data.rows("observations")
    extra = [dict(rows[0], observation_id=f"many-{n:04d}-001", value="n/a") for n in range(120)]
    small_data.write("observations", rows + extra)
    with pytest.raises(DataValidationError) as info:
        load_dataset(small_data.root)
    assert len(info.value.problems) >= 120  # every problem is kept
    assert str(info.value).count("\n  - ") == 50
    assert f"… and {len(info.value.problems) - 50:,} more" in str(info.value)
