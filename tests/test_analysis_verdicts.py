"""helpers.analysis: trajectories and target verdicts, one test per rule (issue 14).

Expected values are computed here from the rows of data/observations.csv and data/sources.csv,
read with the csv module (not through helpers.load), never copied from the functions' output.
"""

from __future__ import annotations

import csv
import dataclasses

import pandas as pd
import pytest

from helpers import config, i18n
from helpers.analysis import targets, trajectories

DATA = config.PROJECT_ROOT / "data"


@pytest.fixture(scope="module")
def rows() -> dict[str, dict]:
    with open(DATA / "observations.csv", encoding="utf-8", newline="") as f:
        return {r["observation_id"]: r for r in csv.DictReader(f)}


@pytest.fixture(scope="module")
def published() -> dict[str, str]:
    """Each source's date (printed, else inferred), as text: sorts by time."""
    with open(DATA / "sources.csv", encoding="utf-8", newline="") as f:
        return {
            r["source_id"]: r["date_published"] or r["date_inferred"] for r in csv.DictReader(f)
        }


def review_rate(rows, published, geo, year, standard="2021-2025"):
    """The year-end review rate of a year: the figure first published (id on ties)."""
    found = [
        r for r in rows.values()
        if r["geography_id"] == geo and r["indicator_id"] == "poor_household_rate"
        and r["kind"] == "actual" and r["poverty_standard"] == standard and not r["breakdown_by"]
        and r["method"] == "administrative review" and r["period_end"] == str(year)
        and not r["date"] and published[r["source_id"]][:4] != str(year)
    ]  # fmt: skip
    return min(found, key=lambda r: (published[r["source_id"]], r["observation_id"]))


def verdict_of(dataset, target_id):
    table = targets.verdicts(dataset)
    return table[table["target_id"] == target_id].iloc[0]


def with_value(dataset, observation_id, value):
    """The dataset with one observation's value changed (for the statuses the data lack)."""
    obs = dataset.observations.copy()
    obs.loc[obs["observation_id"] == observation_id, "value"] = value
    return dataclasses.replace(dataset, observations=obs)


def test_ha_giang_at_least_4_pp_a_year_is_on_track_from_its_own_printed_pace_since_2021(
    dataset, rows, published
):
    """Issue 14 named this case as on track from Hà Giang's 2021 and 2024 review rates; issue 15
    then found that the page giving the 2021 rate names no standard (in 2021 both were in use),
    so the rate series has no 2021 baseline. The like-for-like answer is the average fall per
    year from 2021 that the province's source prints itself (same measure, start, method)."""
    target = rows["mo-hinh-2024-national-016"]
    assert (target["period_start"], target["period_end"], target["qualifier"]) == (
        "2021", "2025", "at least")  # fmt: skip
    baselines = [
        r for r in rows.values()
        if r["geography_id"] == "ha-giang" and r["indicator_id"] == "poor_household_rate"
        and r["kind"] == "actual" and r["period_end"] == "2021" and not r["breakdown_by"]
        and r["method"] == "administrative review"
    ]  # fmt: skip
    assert baselines and {r["poverty_standard"] for r in baselines} == {"not stated"}
    printed = [
        r for r in rows.values()
        if r["geography_id"] == "ha-giang" and r["indicator_id"] == "poor_rate_reduction_annual"
        and r["kind"] == "actual" and r["period_start"] == "2021"
        and int(r["period_end"]) < 2025 and r["method"] == target["method"]
    ]  # fmt: skip
    assert len(printed) == 1
    pace = float(printed[0]["value"])
    v = verdict_of(dataset, "mo-hinh-2024-national-016")
    assert v["status"] == ("on_track" if pace >= float(target["value"]) else "behind")
    assert v["reason"] == "printed_pace_so_far"
    assert v["achieved_pace"] == pytest.approx(pace)
    assert v["required_pace"] == pytest.approx(float(target["value"]))
    assert v["result_observation_ids"] == (printed[0]["observation_id"],)
    assert int(v["as_of_year"]) == int(printed[0]["period_end"])
    # the same printed pace under the target's floor is behind
    slower = with_value(dataset, printed[0]["observation_id"], float(target["value"]) - 0.5)
    v = verdict_of(slower, "mo-hinh-2024-national-016")
    assert (v["status"], v["reason"]) == ("behind", "printed_pace_so_far")


def test_bac_kan_2_to_2_5_pp_a_year_is_on_track_from_one_series(dataset, rows, published):
    low, high = rows["bbk-2021-bac-kan-targets-007"], rows["bbk-2021-bac-kan-targets-008"]
    assert (low["qualifier"], high["qualifier"]) == ("range low", "range high")
    first = review_rate(rows, published, "bac-kan", 2021)
    last = review_rate(rows, published, "bac-kan", 2024)
    pace = (float(first["value"]) - float(last["value"])) / 3
    v = verdict_of(dataset, "bbk-2021-bac-kan-targets-007")
    assert v["observation_ids"] == (low["observation_id"], high["observation_id"])
    assert v["status"] == ("on_track" if pace >= float(low["value"]) else "behind")
    assert v["achieved_pace"] == pytest.approx(pace)
    # both ends from one series: same standard, method, and year-end figures
    ends = [rows[i] for i in v["result_observation_ids"]]
    assert {(r["poverty_standard"], r["method"]) for r in ends} == {
        ("2021-2025", "administrative review")
    }
    assert all(not r["date"] for r in ends)


def test_thai_nguyen_halving_is_achieved_as_the_source_states(dataset, rows):
    target = rows["ldxh-2025-thai-nguyen-002"]
    assert "hoàn thành vượt kế hoạch" in target["excerpt"]
    v = verdict_of(dataset, "ldxh-2025-thai-nguyen-002")
    assert (v["status"], v["reason"]) == ("achieved_as_stated", "no_figure_source_states_achieved")
    assert v["result_observation_ids"] == () and pd.isna(v["result_value"])


def test_a_printed_like_for_like_result_is_met_or_not_met(dataset, rows):
    target, result = rows["nhandan-2024-bac-kan-002"], rows["baomoi-2025-bac-kan-002"]
    assert target["period_end"] == result["period_end"] == "2024"
    v = verdict_of(dataset, "nhandan-2024-bac-kan-002")
    expected = "met" if float(result["value"]) <= float(target["value"]) else "not_met"
    assert (v["status"], v["result_observation_ids"]) == (expected, ("baomoi-2025-bac-kan-002",))
    # a target just under the result is not met
    lower = float(result["value"]) - 0.5
    v = verdict_of(
        with_value(dataset, "nhandan-2024-bac-kan-002", lower), "nhandan-2024-bac-kan-002"
    )
    assert (v["status"], v["reason"]) == ("not_met", "printed_result")


def test_a_pace_below_the_one_needed_is_behind(dataset, rows, published):
    first = review_rate(rows, published, "bac-kan", 2021)
    last = review_rate(rows, published, "bac-kan", 2024)
    pace = (float(first["value"]) - float(last["value"])) / 3
    changed = with_value(dataset, "bbk-2021-bac-kan-targets-007", pace + 1)
    changed = with_value(changed, "bbk-2021-bac-kan-targets-008", pace + 1.5)
    v = verdict_of(changed, "bbk-2021-bac-kan-targets-007")
    assert (v["status"], v["reason"]) == ("behind", "pace_so_far")
    assert v["required_pace"] == pytest.approx(pace + 1)


def test_a_level_target_on_track_needs_the_pace_from_the_series_start(dataset, rows, published):
    target = rows["ntmtq-2023-tuyen-quang-004"]  # below 10% by the end of 2025
    first = review_rate(rows, published, "tuyen-quang", 2021)
    last = review_rate(rows, published, "tuyen-quang", 2023)
    need = (float(first["value"]) - float(target["value"])) / (2025 - 2021)
    pace = (float(first["value"]) - float(last["value"])) / (2023 - 2021)
    v = verdict_of(dataset, "ntmtq-2023-tuyen-quang-004")
    assert v["required_pace"] == pytest.approx(need) and v["achieved_pace"] == pytest.approx(pace)
    assert v["status"] == ("on_track" if pace >= need else "behind")
    # the 1 July 2025 rate is a figure during the year, never the year's end
    assert "tbtc-2025-tuyen-quang-002" not in v["result_observation_ids"]


def test_not_comparable_and_not_reported_carry_their_reason(dataset, rows):
    # a one-year 2022 target: Bắc Kạn reports falls for 2021, 2023 and 2024 but not 2022
    v = verdict_of(dataset, "ldxh-2022-bac-kan-001")
    assert (v["status"], v["reason"]) == ("not_comparable", "different_period")
    # no result at all for the poor districts' fall
    v = verdict_of(dataset, "ldxh-2022-bac-kan-003")
    assert (v["status"], v["reason"]) == ("not_reported", "no_result")
    # Tuyên Quang's 2024 target: its year-end rates stop at 2023
    v = verdict_of(dataset, "mo-hinh-2024-national-009")
    assert (v["status"], v["reason"]) == ("not_reported", "no_result_for_period")
    assert int(v["as_of_year"]) == max(
        int(r["period_end"]) for r in rows.values()
        if r["geography_id"] == "tuyen-quang" and r["indicator_id"] == "poor_household_rate"
        and r["kind"] == "actual" and not r["date"] and r["method"] == "administrative review"
        and r["source_id"] != "tbtc-2025-thai-nguyen"
    )  # fmt: skip


def test_every_status_and_reason_is_a_known_code(dataset):
    table = targets.verdicts(dataset)
    assert set(table["status"]) <= set(targets.STATUSES)
    assert set(table["reason"]) <= set(targets.REASONS)
    # one row per target: a range's two ends are one target
    with open(DATA / "observations.csv", encoding="utf-8", newline="") as f:
        wanted = [
            r for r in csv.DictReader(f)
            if r["kind"] in ("target", "plan") and r["indicator_id"] in targets.FAMILIES
            and not r["breakdown_by"] and r["qualifier"] != "range high"
        ]  # fmt: skip
    assert sorted(table["target_id"]) == sorted(r["observation_id"] for r in wanted)


def test_a_figure_to_date_is_dated_and_never_a_pace_endpoint(dataset, rows):
    row = rows["tbtc-2025-thai-nguyen-002"]  # Bắc Kạn's 17.46% "to date", September 2025
    with open(DATA / "sources.csv", encoding="utf-8", newline="") as f:
        source = next(s for s in csv.DictReader(f) if s["source_id"] == row["source_id"])
    rates = trajectories.rates(dataset, ["bac-kan"])
    rate = rates[rates["observation_id"] == "tbtc-2025-thai-nguyen-002"].iloc[0]
    assert rate["as_of"] == "to_date"
    assert rate["date"] == pd.Timestamp(source["date_published"])
    ends = {i for ids in trajectories.paces(dataset)["observation_ids"] for i in ids}
    assert "tbtc-2025-thai-nguyen-002" not in ends


def test_each_pace_takes_both_ends_from_one_series(dataset, rows):
    paces = trajectories.paces(dataset)
    assert len(paces) > 0
    for _, p in paces.iterrows():
        a, b = (rows[i] for i in p["observation_ids"])
        assert a["geography_id"] == b["geography_id"] == p["geography_id"]
        assert a["method"] == b["method"] == p["method"]
        assert float(b["value"]) - float(a["value"]) == pytest.approx(p["change_pp"])
        years = int(b["period_end"]) - int(a["period_end"])
        assert p["pace_pp_per_year"] == pytest.approx(p["change_pp"] / years)


def test_the_analysis_tables_are_language_free(dataset):
    english = targets.verdicts(dataset)
    with i18n.using("vi"):
        vietnamese = targets.verdicts(dataset)
    pd.testing.assert_frame_equal(english, vietnamese)
