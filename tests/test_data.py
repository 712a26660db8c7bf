"""The curated data in data/: valid package, traceable figures, every number accounted for."""

import math

import pandas as pd
import pytest
from frictionless import validate

from helpers import config
from helpers.numbers import conversion_factor, parse_vn_number
from helpers.provenance import (
    missing_excerpts,
    parts_versus_totals,
    read_ignores,
    read_known_discrepancies,
    source_texts,
    stale_ignores,
    uncovered_numbers,
)

DATA = config.PROJECT_ROOT / "data"


def test_frictionless_validates_the_package():
    report = validate(DATA / "datapackage.json")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_every_seed_report_has_a_source_row(dataset, seeds_dir):
    listed = set(dataset.sources["seed_file"].dropna())  # cited sources have no stored text
    on_disk = {p.name for p in seeds_dir.glob("*.txt")}
    assert on_disk - listed == set(), "add these reports to data/sources.csv"
    assert listed - on_disk == set(), "these source rows name no file in shared/seeds"


def test_every_excerpt_occurs_verbatim_in_its_source(dataset, seeds_dir):
    problems = missing_excerpts(dataset, source_texts(dataset, seeds_dir))
    assert not problems, "\n".join(map(str, problems))


def test_every_number_in_the_sources_is_an_observation_or_ignored_with_a_reason(dataset, seeds_dir):
    texts = source_texts(dataset, seeds_dir)
    uncovered = uncovered_numbers(dataset, texts, read_ignores(DATA))
    assert not uncovered, "numbers that need a decision:\n" + "\n".join(map(str, uncovered))


def test_ignore_entries_still_point_at_the_text(dataset, seeds_dir):
    stale = stale_ignores(read_ignores(DATA), source_texts(dataset, seeds_dir))
    assert not stale, "\n".join(stale)


def test_values_equal_the_printed_numbers_converted(dataset):
    for row in dataset.observations.itertuples():
        if not pd.isna(row.formula):
            continue  # a derived figure has no printed form; the loader checks its formula
        parsed = parse_vn_number(row.number_as_printed)
        printed = parsed.high if row.qualifier == "range high" else parsed.low
        expected = printed * conversion_factor(
            "" if pd.isna(row.unit_as_printed) else row.unit_as_printed, row.unit
        )
        assert math.isclose(row.value, expected, rel_tol=1e-9), row.observation_id


def test_parts_add_up_to_totals_or_the_discrepancy_is_listed(dataset):
    checks = parts_versus_totals(dataset)
    assert len(checks) > 0  # the data has totals with parts: the check is not vacuous
    unbalanced = checks[~checks["adds_up"]]
    known = read_known_discrepancies(DATA)
    verified = set(dataset.sources.loc[dataset.sources["verification"] == "verified", "source_id"])
    totals = dataset.observations.set_index("observation_id")["source_id"]
    known = known[known["total_observation_id"].map(totals).isin(verified)]  # cited: test_readings
    found = {
        (r.total_observation_id, r.breakdown_by): r.difference for r in unbalanced.itertuples()
    }
    listed = {(r.total_observation_id, r.breakdown_by): r.difference for r in known.itertuples()}
    assert found.keys() == listed.keys(), (
        f"not listed in known_discrepancies.csv: {sorted(found.keys() - listed.keys())}; "
        f"listed but adding up now: {sorted(listed.keys() - found.keys())}"
    )
    for key, difference in found.items():
        assert difference == pytest.approx(listed[key]), f"size of discrepancy {key}"
    for row in known.itertuples():
        assert row.total - row.parts_sum == pytest.approx(row.difference)


def test_reorganisation_of_1_july_2025(dataset):
    geo = dataset.geographies.set_index("geography_id")
    after = geo["province_after_2025"]
    expected = {
        "bac-kan": "thai-nguyen",
        "thai-nguyen": "thai-nguyen",
        "ha-giang": "tuyen-quang",
        "tuyen-quang": "tuyen-quang",
        "vinh-phuc": "phu-tho",
        "hoa-binh": "phu-tho",
        "phu-tho": "phu-tho",
    }
    assert {g: after[g] for g in expected} == expected
    districts = geo[geo["level"] == "district"]
    for gid, row in districts.iterrows():
        assert row["province_after_2025"] == after[row["parent_id"]], gid


def test_gso_codes_have_the_official_width(dataset):
    geo = dataset.geographies.dropna(subset=["gso_code"])
    widths = geo.groupby("level", observed=True)["gso_code"].agg(lambda s: set(s.str.len()))
    assert widths["province"] == {2} and widths["district"] == {3}


def test_focus_provinces_exist_and_have_observations(dataset):
    reported = set(dataset.observations["geography_id"])
    names = dict(zip(dataset.geographies["geography_id"], dataset.geographies["name"], strict=True))
    for gid, name in config.FOCUS_PROVINCES.items():
        assert names[gid] == name
        assert gid in reported, f"{name} has no observations"


def test_standard_dependent_rates_name_their_standard(dataset):
    obs = dataset.observations.merge(
        dataset.indicators[["indicator_id", "standard_dependent"]], on="indicator_id"
    )
    wrong = obs[obs["standard_dependent"] & (obs["poverty_standard"] == "not applicable")]
    assert wrong.empty, list(wrong["observation_id"])
    wrong = obs[
        ~obs["standard_dependent"] & obs["poverty_standard"].isin(["2016-2020", "2021-2025"])
    ]
    assert wrong.empty, list(wrong["observation_id"])


def test_data_dictionary_documents_every_column():
    import json

    readme = (DATA / "README.md").read_text(encoding="utf-8")
    descriptor = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
    for resource in descriptor["resources"]:
        assert f"### {resource['path']}" in readme or f"`{resource['path']}`" in readme
        for field in resource["schema"]["fields"]:
            assert f"`{field['name']}`" in readme, f"{resource['path']}: {field['name']}"


# --- readings of issue 8, as rules --------------------------------------------------------


def _with_indicators(dataset) -> pd.DataFrame:
    columns = ["indicator_id", "component", "standard_dependent"]
    return dataset.observations.merge(dataset.indicators[columns], on="indicator_id")


def test_the_five_seeds_are_verified_news_reports(dataset):
    sources = dataset.sources
    seeds = sources[sources["seed_file"].notna()]
    assert len(seeds) == 5
    assert set(seeds["verification"]) == {"verified"}
    assert set(seeds["source_type"]) == {"news report"}


def test_allocated_money_is_actual(dataset):
    """'đã phân bổ' and 'đã bố trí' (allocated) are read alike: the allocation was made."""
    obs = dataset.observations
    money = obs[(obs["unit"] == "VND billion") & obs["excerpt"].notna()]
    allocated = money[money["excerpt"].str.contains("phân bổ|bố trí vốn", regex=True)]
    assert len(allocated) >= 2  # Thái Nguyên's 'đã phân bổ', Tuyên Quang's 'đã bố trí'
    assert set(allocated["kind"]) == {"actual"}, list(allocated["observation_id"])


def test_parts_have_the_kind_of_their_total(dataset):
    obs = dataset.observations
    key = ["source_id", "geography_id", "indicator_id", "period_start", "period_end"]
    totals = obs[obs["breakdown_by"].isna()][key + ["kind"]]
    parts = obs[obs["breakdown_by"].notna()][key + ["kind", "observation_id"]]
    merged = parts.merge(totals, on=key, suffixes=("", "_total"))
    wrong = merged[merged["kind"].astype(str) != merged["kind_total"].astype(str)]
    assert wrong.empty, list(wrong["observation_id"])


def test_poverty_measures_are_headline_and_carry_a_method(dataset):
    """Standard-dependent = a poverty measure: a headline figure, counted by review or survey."""
    ind = dataset.indicators
    dependent = ind[ind["standard_dependent"]]
    assert set(dependent["component"].astype(str)) == {"headline"}
    obs = _with_indicators(dataset)
    assert obs.loc[obs["standard_dependent"], "method"].notna().all()
    stray = obs[~obs["standard_dependent"] & obs["method"].notna()]
    assert stray.empty, list(stray["observation_id"])


def test_beneficiaries_by_poverty_status_are_not_a_poverty_measure(dataset):
    """Participants, trainees, borrowers: one rule, whatever the group is called."""
    obs = _with_indicators(dataset)
    status_splits = ["participant group", "trainee group", "household status"]
    counts = obs[obs["breakdown_by"].isin(status_splits) & (obs["component"] != "headline")]
    assert {"p2_participants", "policy_credit_borrowers"} <= set(counts["indicator_id"])
    assert set(counts["poverty_standard"]) == {"not applicable"}


def test_no_project_tag_before_the_projects_existed(dataset):
    """The programme's projects date from Decision 90/QĐ-TTg of January 2022."""
    obs = _with_indicators(dataset)
    early = obs[(obs["period_end"] < 2022) & obs["component"].str.startswith("project-")]
    assert early.empty, list(early["observation_id"])


def test_inferred_periods_are_marked(dataset):
    obs = dataset.observations
    inferred = obs[obs["period_inferred"]]
    assert len(inferred) > 0
    assert inferred["note"].str.contains("inferred").all(), list(inferred["observation_id"])
    # A note that says the period is not printed goes with an empty or an inferred period.
    unprinted = obs[obs["note"].str.contains("not printed in this passage", na=False)]
    written = unprinted["period_start"].notna() | unprinted["period_end"].notna()
    wrong = unprinted[written & ~unprinted["period_inferred"]]
    assert wrong.empty, list(wrong["observation_id"])


def test_inference_is_applied_to_every_sibling(dataset):
    """In Thái Nguyên's 2025 report, figures without a printed period all carry 2021–2024."""
    obs = dataset.observations
    report = obs[obs["source_id"] == "ldxh-2025-thai-nguyen"]
    unprinted = report[report["note"].str.contains("not printed in this passage", na=False)]
    assert len(unprinted) >= 30
    assert (unprinted["period_end"] == 2024).all() and unprinted["period_inferred"].all()


@pytest.mark.parametrize(
    ("phrase", "reading"),
    [("đào tạo thường xuyên", "continuing"), ("vượt kế hoạch", "exceed")],
)
def test_phrases_are_read_as_they_mean(dataset, phrase, reading):
    obs = dataset.observations
    rows = obs[obs["excerpt"].str.contains(phrase, na=False)]
    assert len(rows) > 0
    for row in rows.itertuples():
        said = f"{row.breakdown} {row.note}"
        assert reading in said, row.observation_id


def test_definitions_do_not_over_claim(dataset):
    ind = dataset.indicators.set_index("indicator_id")["definition"]
    assert "names no beneficiary group" in ind["health_insurance_cards"]
    assert "net" in ind["poor_near_poor_households_reduction"]
    assert "leaving poverty" not in ind["poor_near_poor_households_reduction"].replace(
        "not a count of households leaving poverty", ""
    )


def test_merged_provinces_have_their_own_units(dataset):
    geo = dataset.geographies.set_index("geography_id")
    for new, old in (("thai-nguyen-2025", "bac-kan"), ("tuyen-quang-2025", "ha-giang")):
        assert geo.loc[new, "valid_from"] == pd.Timestamp("2025-07-01")
        assert geo.loc[old, "valid_to"] == pd.Timestamp("2025-06-30")
    districts = geo[geo["level"] == "district"]
    assert (districts["valid_to"] == pd.Timestamp("2025-06-30")).all()


def test_a_target_for_poor_districts_and_difficult_communes_names_both(dataset):
    """A figure printed for 'huyện nghèo, xã đặc biệt khó khăn' is not one for poor districts."""
    obs = _with_indicators(dataset)
    both = obs[obs["excerpt"].str.contains("huyện nghèo, xã đặc biệt khó khăn", na=False)]
    assert len(both) > 0
    for _, row in both.iterrows():
        label = dataset.indicators.set_index("indicator_id").loc[row["indicator_id"], "label_en"]
        assert "extremely difficult" in label and "communes" in label, row["observation_id"]


def test_the_provinces_before_and_after_1_july_2025(dataset):
    geo = dataset.geographies
    provinces = geo[geo["level"] == "province"]
    before = provinces[provinces["valid_to"] == pd.Timestamp("2025-06-30")]
    unchanged = provinces[provinces["valid_to"].isna() & provinces["valid_from"].isna()]
    new = provinces[provinces["valid_from"] == pd.Timestamp("2025-07-01")]
    assert (len(before), len(unchanged), len(new)) == (52, 11, 23)
    assert len(before) + len(unchanged) == 63 and len(unchanged) + len(new) == 34
    # every merged province's successor is one of the 23 new units, and each new unit has parts
    assert set(before["successor_id"]) == set(new["geography_id"])
    assert set(geo[geo["level"] == "region"]["geography_id"]) == set(
        provinces["region_id"].dropna()
    )
    assert len(geo[geo["level"] == "region"]) == 6
    assert provinces[provinces["valid_from"].isna()]["region_id"].notna().all()
    assert provinces.dropna(subset=["gso_code"])["gso_code"].is_unique


def test_every_area_of_the_statistics_office_tables_is_recorded(dataset):
    """The 2006–2016 table: 71 areas × 8 years, less its '..' cells; V14.49: 70 areas."""
    import csv as _csv

    obs = dataset.observations
    counts = obs.groupby("source_id", observed=True).size()
    assert counts["gso-2024-v1449-provinces"] == 70
    assert counts["gso-2018-poverty-by-province"] == 71 * 8 - 7 - 1
    with (DATA / "poverty_lines.csv").open(encoding="utf-8") as handle:
        spans = list(_csv.DictReader(handle))
    assert [(s["period_start"], s["poverty_line"]) for s in spans[:2]] == [
        ("2006", "2006-2010"),
        ("2010", "2011-2015"),
    ]
