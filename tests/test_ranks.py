"""A province among all provinces: ranks recomputed from the CSV rows with the csv module."""

from __future__ import annotations

import csv
from collections import defaultdict
from types import SimpleNamespace

import matplotlib
import pandas as pd
import pytest

from helpers import config
from helpers.analysis.ranks import line_breaks, province_ranks, survey_ranks, survey_rates
from helpers.i18n import using
from helpers.plotting_ranks import plot_ranks, ranks_alt

matplotlib.use("Agg")
DATA = config.PROJECT_ROOT / "data"


def _read(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def csv_rates():
    """{(year, source): {geography_id: (value, observation_id)}} of the survey tables' rates."""
    tables = {s["source_id"] for s in _read("sources.csv")
              if s["source_type"] == "statistics office table"}  # fmt: skip
    out: dict[tuple[int, str], dict[str, tuple[float, str]]] = defaultdict(dict)
    for row in _read("observations.csv"):
        if (row["source_id"] in tables and row["indicator_id"] == "poor_household_rate"
                and row["method"] == "household survey"):  # fmt: skip
            out[(int(row["period_end"]), row["source_id"])][row["geography_id"]] = (
                float(row["value"]),
                row["observation_id"],
            )
    return out


@pytest.fixture(scope="module")
def geo():
    return {g["geography_id"]: g for g in _read("geographies.csv")}


@pytest.fixture(scope="module")
def ranks(dataset):
    return survey_ranks(dataset)


def _competition_ranks(values: dict[str, float]) -> dict[str, int]:
    """1 + the number of provinces with a strictly higher rate (ties share the best rank)."""
    ordered = sorted(values.values(), reverse=True)
    return {gid: 1 + sum(1 for v in ordered if v > value) for gid, value in values.items()}


def test_ranks_are_those_of_the_csv_rows(ranks, csv_rates, geo):
    expected = {}
    for (year, source), table in csv_rates.items():
        provinces = {g: v for g, (v, _) in table.items() if geo[g]["level"] == "province"}
        for gid, rank in _competition_ranks(provinces).items():
            expected[(year, source, gid)] = (rank, len(provinces))
    got = {
        (int(r.year), r.source_id, r.geography_id): (int(r.rank), int(r.n_ranked))
        for r in ranks.itertuples()
    }
    assert got == expected
    assert len(got) == 63 * 9 + 1 - 1  # 63 provinces × 9 years, + Hà Tây 2006, − HCMC 2016


def test_every_province_is_ranked_among_those_with_a_rate(ranks, csv_rates, geo):
    counts = ranks.groupby("year")["n_ranked"].first().to_dict()
    assert counts[2006] == 64  # Hà Tây still had its own figure
    assert counts[2016] == 62  # Ho Chi Minh City's 2016 cell is '..'
    table_2016 = csv_rates[(2016, "gso-2018-poverty-by-province")]
    assert "ho-chi-minh-city" not in table_2016 and "ha-noi" in table_2016
    assert set(ranks.loc[ranks["year"] == 2006, "geography_id"]) >= {"ha-tay"}


def test_region_and_nation_rates_are_the_same_tables_rows(ranks, csv_rates, geo):
    for r in ranks.itertuples():
        table = csv_rates[(int(r.year), r.source_id)]
        region = geo[r.geography_id]["region_id"]
        assert r.region_id == region
        assert r.region_value == table[region][0]
        assert r.region_observation_id == table[region][1]
        assert r.nation_value == table["vn"][0]
        assert r.nation_observation_id == table["vn"][1]
        assert r.value == table[r.geography_id][0]
        assert r.observation_id == table[r.geography_id][1]


def test_ties_share_the_best_rank_and_the_next_rank_is_skipped(ranks, csv_rates, geo):
    table = csv_rates[(2006, "gso-2018-poverty-by-province")]
    by_value = defaultdict(list)
    for gid, (value, _) in table.items():
        if geo[gid]["level"] == "province":
            by_value[value].append(gid)
    tied = {v: g for v, g in by_value.items() if len(g) > 1}
    assert tied, "the 2006 table prints equal rates (e.g. 11.0): the tie case is not vacuous"
    year = ranks[ranks["year"] == 2006].set_index("geography_id")
    for value, gids in tied.items():
        shared = {int(year.loc[g, "rank"]) for g in gids}
        assert len(shared) == 1 and all(year.loc[g, "tied"] for g in gids)
        lower = [v for v in by_value if v < value]
        if lower:
            below = by_value[max(lower)][0]
            assert int(year.loc[below, "rank"]) == shared.pop() + len(gids)
    untied = [g for v, gs in by_value.items() if len(gs) == 1 for g in gs]
    assert not year.loc[untied, "tied"].any()


def test_breaks_are_where_the_poverty_line_or_the_table_changes(dataset, ranks):
    spans = sorted(
        (int(s["period_start"]), int(s["period_end"]), s["poverty_line"], s["source_id"])
        for s in _read("poverty_lines.csv")
    )
    expected = [b[0] for a, b in zip(spans, spans[1:], strict=False)
                if (a[2], a[3]) != (b[2], b[3])]  # fmt: skip
    assert expected == [2010, 2023]
    breaks = line_breaks(dataset)
    assert list(breaks["year"]) == expected
    assert list(breaks["previous_year"]) == [2008, 2016]
    assert list(breaks["poverty_line"]) == ["2011-2015", "2021-2025"]
    assert sorted(set(ranks.loc[ranks["line_break"], "year"])) == expected
    line_by_year = ranks.groupby("year")["poverty_line"].unique()
    assert all(len(v) == 1 for v in line_by_year)
    assert line_by_year[2008][0] == "2006-2010" and line_by_year[2010][0] == "2011-2015"


def test_one_provinces_rows_and_units_that_are_not_ranked(dataset, ranks):
    mine = province_ranks(dataset, "ha-giang")
    assert list(mine["year"]) == sorted(ranks["year"].unique())
    assert (mine["geography_id"] == "ha-giang").all()
    for gid in ("thai-nguyen-2025", "meo-vac", "vn", "region-mekong-delta"):
        empty = province_ranks(dataset, gid)
        assert empty.empty and list(empty.columns) == list(ranks.columns)
    one_year = survey_ranks(dataset, year=2023)
    assert set(one_year["year"]) == {2023} and len(one_year) == 63


def test_the_figure_draws_every_province_and_highlights_one(dataset, ranks, csv_rates):
    names = dict(zip(dataset.geographies["geography_id"].astype(str),
                     dataset.geographies["name"].astype(str), strict=True))  # fmt: skip
    fig = plot_ranks(ranks, "bac-kan", names)
    width, _ = fig.get_size_inches()
    assert width <= 5.5 and fig.dpi == 144
    ax = fig.axes[0]
    faint, mine = ax.collections[0], ax.collections[1]
    assert len(faint.get_offsets()) == len(ranks)
    expected = [csv_rates[k]["bac-kan"][0] for k in sorted(csv_rates)]
    assert [float(y) for _, y in mine.get_offsets()] == expected
    texts = [t.get_text() for t in ax.texts]
    own = province_ranks(dataset, "bac-kan").sort_values("year")
    # past six years the chart labels the ranks of the first and last year and of each year a
    # poverty line begins (the table gives every year's)
    labelled = own.iloc[[0, -1]]
    if len(own) > 6:
        for r in labelled.itertuples():
            assert f"{int(r.rank)}/{int(r.n_ranked)}" in texts
    else:
        for r in own.itertuples():
            assert f"{int(r.rank)}/{int(r.n_ranked)}" in texts
    dotted = [
        line
        for line in ax.get_lines()
        if line.get_linestyle() == ":" and list(line.get_ydata()) == [0, 1]  # axvline
    ]
    assert len(dotted) == 2  # the 2010 and 2023 breaks
    years = [str(y) for y, _ in sorted(csv_rates)]
    shown = [t.get_text() for t in ax.get_xticklabels()]
    assert len(shown) == len(years) and shown[-1] == years[-1]  # the latest always labelled
    assert all(s in ("", y) for s, y in zip(shown, years, strict=True))
    assert any("2011–2015" in t for t in texts)
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["each province", "Bắc Kạn", "Trung du và miền núi phía Bắc", "Việt Nam"]
    matplotlib.pyplot.close(fig)


def test_the_figure_and_its_alt_text_speak_vietnamese(dataset, ranks):
    with using("vi"):
        fig = plot_ranks(ranks, "ha-giang", {})
        legend = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
        texts = [t.get_text() for t in fig.axes[0].texts]
        alt = ranks_alt(ranks, "ha-giang")
    assert legend[0] == "từng tỉnh" and legend[-1] == "quốc gia"
    assert any(t.startswith("chuẩn nghèo 2011–2015") for t in texts)
    first = province_ranks(dataset, "ha-giang").iloc[0]
    assert f"2006: thứ {int(first['rank'])}/{int(first['n_ranked'])}" in alt
    matplotlib.pyplot.close(fig)


def test_the_survey_series_is_never_joined_across_a_change_of_line(dataset, csv_rates):
    from helpers.analysis import trajectories
    from helpers.facts import facts_for

    facts = facts_for(dataset, "ha-giang")
    lines = dict(zip(facts["observation_ids"], facts["poverty_line"], strict=True))
    assert lines["gso-2018-poverty-by-province-114"] == "2006-2010"  # Hà Giang, 2006
    rates = trajectories.rates(dataset, ["ha-giang"], earlier_lines=True)
    survey = rates[rates["method"] == "household survey"]
    years = {line: sorted(int(y) for y in group["year"])
             for line, group in survey.groupby("standard_in_force")}  # fmt: skip
    table = sorted(y for (y, s), t in csv_rates.items() if "ha-giang" in t and y < 2017)
    assert years["2006-2010"] == [y for y in table if y < 2010]
    assert years["2011-2015"] == [y for y in table if y >= 2010]
    # one series (line on a chart, pace) per line: never joined across 2010
    assert survey.groupby("series_id")["standard_in_force"].nunique().max() == 1
    # the programme's series keep to the standards from 2016 on
    programme = trajectories.rates(dataset, ["ha-giang"])
    assert not set(programme["standard_in_force"]) & {"2006-2010", "2011-2015"}


def test_merged_provinces_pair_a_statistics_office_rate_only_with_the_same_year(dataset, csv_rates):
    from helpers import compare

    pairs = compare.merger_pairs(dataset, ["thai-nguyen"])
    assert set(pairs["province from 1 July 2025"]) == {"Thái Nguyên"}
    office = pairs[pairs["observation_ids"].str.contains("gso-")]
    ids = {r["observation_id"]: r["period_end"] for r in _read("observations.csv")}
    for joined in office["observation_ids"]:
        first, second = joined.split(";")[:2]
        assert ids[first] == ids[second], joined
    both = [y for (y, s), t in csv_rates.items() if "thai-nguyen" in t and "bac-kan" in t]
    survey = office[office["observation_ids"].str.count("gso-") == 2]
    assert len(survey) == len(both) and survey["is_comparable"].all()


def test_the_standards_table_keeps_to_geographies_reported_outside_the_office_tables(dataset, geo):
    from helpers import standards

    office = {s["source_id"] for s in _read("sources.csv")
              if s["source_type"] == "statistics office table"}  # fmt: skip
    dependent = {i["indicator_id"] for i in _read("indicators.csv")
                 if i["standard_dependent"] == "true"}  # fmt: skip
    rows = _read("observations.csv")
    reported = {r["geography_id"] for r in rows if r["source_id"] not in office}
    expected = {geo[r["geography_id"]]["name"] for r in rows
                if r["geography_id"] in reported and r["indicator_id"] in dependent}  # fmt: skip
    table = standards.standards_in_use(dataset)
    assert set(table["geography"]) == expected
    assert "Lai Châu" not in expected and "Hà Giang" in expected


def test_each_rate_takes_the_line_of_the_first_csv_row_whose_period_holds_its_year(dataset):
    lines = _read("poverty_lines.csv")
    rates = survey_rates(dataset)
    for row in rates.itertuples():
        held = [s for s in lines if s["source_id"] == row.source_id
                and int(s["period_start"]) <= row.year <= int(s["period_end"])]  # fmt: skip
        assert held, (row.source_id, row.year)
        assert (row.poverty_line, row.line_basis) == (held[0]["poverty_line"], held[0]["basis"])


def test_a_rate_outside_every_line_has_no_line_and_the_first_matching_row_wins(dataset):
    """On a copy of the lines: 2006–2008 dropped (those years get none), and a second row for
    2023 after the real one (the real one still wins)."""
    lines = dataset.other_tables["poverty_lines"]
    early = lines["period_end"].astype(int) == 2008
    assert early.sum() == 1
    extra = lines[lines["period_start"].astype(int) == 2023].assign(poverty_line="later-row")
    edited = pd.concat([lines[~early], extra], ignore_index=True)
    copy = SimpleNamespace(**{**vars(dataset), "other_tables": {"poverty_lines": edited}})
    rates = survey_rates(copy)
    old = rates["year"] <= 2008
    assert old.any() and rates.loc[old, "poverty_line"].isna().all()
    assert rates.loc[old, "line_basis"].isna().all()
    assert set(rates.loc[rates["year"] == 2023, "poverty_line"]) == {"2021-2025"}
    assert rates.loc[~old, "poverty_line"].notna().all()
