"""The README's "Working with the data" examples run as written and answer their questions.

Each ```python block of that section is run in order, in one namespace, from a scratch folder
(the last one saves a chart). The answers are checked against the data: the tables hold the
rows and columns the text promises, and their numbers are those of the CSV rows they name.
"""

from __future__ import annotations

import re
from pathlib import Path

import matplotlib
import pytest

matplotlib.use("Agg")

ROOT = Path(__file__).resolve().parents[1]
SECTION = "## Working with the data"


def readme_examples(text: str) -> list[str]:
    """The ```python blocks of the README's "Working with the data" section, in order."""
    start = text.index(SECTION)
    end = text.find("\n## ", start + len(SECTION))
    section = text[start : end if end >= 0 else None]
    return re.findall(r"```python\n(.*?)```", section, flags=re.DOTALL)


@pytest.fixture(scope="module")
def answers(tmp_path_factory) -> dict:
    import os

    blocks = readme_examples((ROOT / "README.md").read_text(encoding="utf-8"))
    assert len(blocks) >= 5, "the section lost its examples"
    namespace: dict = {}
    here = os.getcwd()
    os.chdir(tmp_path_factory.mktemp("readme"))
    try:
        for block in blocks:
            exec(compile(block, "README.md", "exec"), namespace)  # noqa: S102
        namespace["_folder"] = Path.cwd()
    finally:
        os.chdir(here)
    return namespace


def observations(answers) -> dict[str, dict]:
    rows = answers["dataset"].observations
    return {str(r["observation_id"]): r for r in rows.to_dict("records")}


def test_the_section_has_its_examples():
    blocks = readme_examples((ROOT / "README.md").read_text(encoding="utf-8"))
    assert any("trajectories.rates" in b for b in blocks)
    assert any("targets.verdicts" in b for b in blocks)
    assert any("money.funding" in b for b in blocks)
    assert any("merger_pairs" in b for b in blocks)


def test_rates_2021_2025_of_each_province_and_the_nation(answers):
    year_end = answers["year_end"]
    assert not year_end.empty
    assert {"geography_id", "series_id", "standard_in_force", "method", "year", "value",
            "observation_id"} <= set(year_end.columns)  # fmt: skip
    assert set(year_end["geography_id"]) >= {*answers["provinces"], "vn"}
    assert year_end["year"].between(2021, 2025).all()
    obs = observations(answers)
    for _, row in year_end.iterrows():  # each value is its CSV row's
        assert obs[row["observation_id"]]["value"] == pytest.approx(row["value"])
        assert obs[row["observation_id"]]["geography_id"] == row["geography_id"]
    assert not answers["by_year"].empty


def test_paces_take_both_ends_from_the_csv_rows_they_name(answers):
    paces = answers["paces"]
    assert not paces.empty
    obs = observations(answers)
    for _, p in paces.iterrows():
        first, last = (obs[i] for i in p["observation_ids"])
        years = int(p["end_year"]) - int(p["start_year"])
        expected = (float(last["value"]) - float(first["value"])) / years
        assert p["pace_pp_per_year"] == pytest.approx(expected)
        assert first["geography_id"] == last["geography_id"] == p["geography_id"]


def test_verdicts_say_which_targets_were_met_or_are_on_track(answers):
    verdicts = answers["verdicts"]
    from helpers.analysis.targets import STATUSES

    assert {"target_id", "geography_id", "status", "reason"} <= set(verdicts.columns)
    assert set(verdicts["status"]) <= set(STATUSES)
    judged = answers["judged"]
    assert not judged.empty and set(judged["status"]) <= {"met", "not_met", "on_track", "behind"}
    counts = answers["status_counts"]
    assert counts.to_numpy().sum() == len(verdicts)


def test_money_per_programme_year_is_the_amount_over_its_programme_years(answers):
    own = answers["own"]
    assert not own.empty
    assert set(own["money_class"]) == {"programme"}
    obs = observations(answers)
    for _, row in own.dropna(subset=["per_programme_year"]).iterrows():
        amount = float(obs[row["observation_id"]]["value"])
        assert row["per_programme_year"] == pytest.approx(amount / row["programme_years"])
        first = max(int(row["period_start"]), 2022)  # the programme began in 2022
        assert row["programme_years"] == int(row["period_end"]) - first + 1
    per_household = own.dropna(subset=["per_poor_household_vnd_million"])
    assert not per_household.empty
    for _, row in per_household.iterrows():
        households = float(obs[row["poor_households_observation_id"]]["value"])
        expected = row["value_vnd_billion"] * 1000 / households  # the amount, in million VND
        assert row["per_poor_household_vnd_million"] == pytest.approx(expected)


def test_merged_provinces_are_paired_with_their_successor(answers):
    pairs = answers["side_by_side"]
    assert not pairs.empty and pairs["comparable"].all()
    geographies = answers["dataset"].geographies.set_index("geography_id")
    for _, p in pairs.iterrows():
        assert p["former_id"] in ("bac-kan", "ha-giang")
        assert p["successor_id"] in ("thai-nguyen", "tuyen-quang")
    assert set(pairs["former_id"]) <= set(geographies.index)


def test_the_seaborn_example_draws_its_chart(answers):
    png = answers["_folder"] / "rates-2021-2025.png"
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert not answers["points"].empty
