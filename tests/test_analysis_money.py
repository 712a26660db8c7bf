"""helpers.analysis: money classified by what it is, coverage, the observations no default report
shows, and the profile's wording of dated figures (issue 14).

Expected values are computed here from data/*.csv read with the csv module.
"""

from __future__ import annotations

import csv

import pytest
import yaml

from helpers import brief, config, i18n
from helpers.analysis import coverage, mergers, money

DATA = config.PROJECT_ROOT / "data"


@pytest.fixture(scope="module")
def rows() -> dict[str, dict]:
    with open(DATA / "observations.csv", encoding="utf-8", newline="") as f:
        return {r["observation_id"]: r for r in csv.DictReader(f)}


def funding_row(dataset, observation_id):
    table = money.funding(dataset)
    return table[table["observation_id"] == observation_id].iloc[0]


@pytest.mark.parametrize(
    "observation_id",
    [
        "vnn-2025-thai-nguyen-funding-010",  # Bắc Kạn's Project 1 allocation
        "gnbv-2023-ha-giang-vocational-001",  # Hà Giang's Project 4.1 amount
    ],
)
def test_a_component_projects_money_is_programme_money(dataset, rows, observation_id):
    row = rows[observation_id]
    got = funding_row(dataset, observation_id)
    assert got["money_class"] == "programme"
    first, last = max(int(row["period_start"]), 2022), min(int(row["period_end"]), 2025)
    assert got["programme_years"] == last - first + 1
    assert got["per_programme_year"] == pytest.approx(float(row["value"]) / (last - first + 1))
    fact = brief.facts_for(dataset, row["geography_id"])
    fact = fact[fact["observation_ids"] == observation_id].iloc[0]
    assert "not the programme" not in brief.funding_per_programme_year(fact)[1]


def test_only_money_of_other_programmes_or_policies_is_not_the_programmes(dataset, rows):
    with open(DATA / "indicators.csv", encoding="utf-8", newline="") as f:
        component = {r["indicator_id"]: r["component"] for r in csv.DictReader(f)}
    table = money.funding(dataset)
    for _, got in table.iterrows():
        kind = component[rows[got["observation_id"]]["indicator_id"]]
        if kind == "support-policy":
            assert got["money_class"] == "support_policy", got["observation_id"]
        elif kind.startswith("project-"):
            assert got["money_class"] == "programme", got["observation_id"]
    # Bắc Kạn's 2021 investment capital counts the predecessor programmes 30a and 135
    assert funding_row(dataset, "ldxh-2022-bac-kan-006")["money_class"] == "other_programme"
    assert pd_isna(funding_row(dataset, "ldxh-2022-bac-kan-006")["per_programme_year"])


def pd_isna(value) -> bool:
    return value != value


def test_the_merged_provinces_allocation_and_disbursement_are_held(dataset, rows):
    merged = mergers.merged_units(dataset)
    unit = merged.loc[merged["successor_id"] == "thai-nguyen", "merged_id"].iloc[0]
    expected = {
        i: float(r["value"]) for i, r in rows.items()
        if r["geography_id"] == unit and r["indicator_id"] in ("funding_allocated",
                                                              "funding_disbursed")
    }  # fmt: skip
    assert expected, "the merged Thái Nguyên reports its money"
    table = money.funding(dataset, [unit])
    got = dict(zip(table["observation_id"], table["value"], strict=True))
    assert {i: got[i] for i in expected} == expected
    total = table[(table["indicator_id"] == "funding_allocated") & table["is_total"]].iloc[0]
    basis = rows[total["poor_households_observation_id"]]
    assert basis["geography_id"] == unit and basis["indicator_id"] == "poor_households"
    assert total["per_poor_household_vnd_million"] == pytest.approx(
        float(rows[total["observation_id"]]["value"]) * 1000 / float(basis["value"])
    )


def test_the_observations_no_default_report_shows_are_listed(dataset, rows):
    with open(config.NOTEBOOKS_DIR / "reports.yml", encoding="utf-8") as f:
        profiled = set(yaml.safe_load(f)["provinces"])
    expected = sorted(i for i, r in rows.items() if r["geography_id"] not in profiled)
    table = coverage.unshown(dataset)
    assert sorted(table["observation_id"]) == expected
    with open(DATA / "sources.csv", encoding="utf-8", newline="") as f:
        office = {s["source_id"] for s in csv.DictReader(f)
                  if s["source_type"] == "statistics office table"}  # fmt: skip
    in_tables = sorted(i for i in expected if rows[i]["source_id"] in office)
    got = table.set_index("observation_id")["why_not"]
    assert sorted(got[got == "statistics_office_table"].index) == in_tables
    assert set(got) <= {"statistics_office_table", "nation", "region", "district",
                        "merged_province", "other_province"}  # fmt: skip


def test_coverage_levels_count_results_and_targets(dataset, rows):
    table = coverage.coverage(dataset, ["bac-kan"])
    line = table[table["indicator_id"] == "poor_household_rate"].iloc[0]
    own = [r for r in rows.values() if r["geography_id"] == "bac-kan"
           and r["indicator_id"] == "poor_household_rate"]  # fmt: skip
    assert line["n_observations"] == len(own)
    assert line["n_targets"] == sum(r["kind"] in ("target", "plan") for r in own)
    assert line["level"] == "result_and_target"


def test_a_figure_to_date_is_worded_with_its_date(dataset):
    found = brief.findings(dataset, "bac-kan")
    later = [s for s in found if "17.46%" in s]
    assert later and all("to date on 23 September 2025" in s for s in later)
    assert not any("to 17.46% (2025)" in s for s in found)
    with i18n.using("vi"):
        found = brief.findings(dataset, "bac-kan")
    assert any("17,46% tính đến ngày 23/9/2025" in s for s in found)


def test_the_people_figure_is_the_largest_count_of_persons_it_says(dataset, rows):
    with open(DATA / "indicators.csv", encoding="utf-8", newline="") as f:
        component = {r["indicator_id"]: r["component"] for r in csv.DictReader(f)}
    counts = [
        float(r["value"]) for r in rows.values()
        if r["geography_id"] == "thai-nguyen" and r["unit"] == "persons" and r["kind"] == "actual"
        and not r["breakdown_by"]
        and (component[r["indicator_id"]].startswith("project-")
             or component[r["indicator_id"]] == "support-policy")
    ]  # fmt: skip
    card = next(c for c in brief.key_figures(dataset, "thai-nguyen") if "People" in c.label)
    assert card.label == "People reached: the largest single count"
    assert card.value == f"{max(counts):,.0f} persons"


def test_counts_of_the_data_move_to_what_the_data_cover(dataset, rows):
    from helpers import compare

    ids = ["thai-nguyen", "bac-kan", "tuyen-quang", "ha-giang"]
    found = compare.findings(dataset, ids)
    assert not any("pairs of figures" in f or "reduction targets reported" in f for f in found)
    covered = compare.data_coverage(dataset, ids)
    targets = [r for r in rows.values() if r["geography_id"] in ids
               and r["kind"] in ("target", "plan") and not r["breakdown_by"]
               and r["qualifier"] != "range high"
               and r["indicator_id"] in money_free_targets()]  # fmt: skip
    line = next(c for c in covered if "reduction targets reported" in c)
    assert line.startswith(f"Of {len(targets)} reduction targets reported")
    counted = [int(p.split()[0]) for p in line.split(": ", 1)[1].rstrip(".").split(", ")]
    assert sum(counted) == len(targets)


def money_free_targets():
    from helpers.analysis.targets import FAMILIES

    return set(FAMILIES)


@pytest.mark.parametrize("gid", ["bac-kan", "ha-giang"])
def test_the_profiles_money_section_does_not_call_project_money_someone_elses(dataset, gid):
    from helpers import profile_page

    html = str(profile_page.money(dataset, gid))
    assert "not the programme's own allocation" not in html
    assert "money of another programme or policy" in html or gid == "ha-giang"
