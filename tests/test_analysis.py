"""Unit tests of helpers.facts, geo, sources, profile, compare, standards and display.

They run on a tiny in-test dataset of the same shape as helpers.load's, with expected
numbers worked out by hand in the comments.
"""

import html
from types import SimpleNamespace

import pandas as pd
import pytest

from helpers import compare, display, facts, geo, profile, profile_page, sources, standards
from helpers.geo import UnknownGeographyError

OBS_COLUMNS = [
    "observation_id", "geography_id", "indicator_id", "breakdown_by", "breakdown",
    "period_start", "period_end", "kind", "value", "qualifier", "unit", "number_as_printed",
    "poverty_standard", "source_id", "excerpt",
]  # fmt: skip


def obs(oid, geo, ind, value, unit, qualifier="exact", kind="actual", start=2021, end=2021,
        standard="not applicable", by=None, part=None, printed=None, src="s1",
        excerpt="x"):  # fmt: skip
    return [oid, geo, ind, by, part, start, end, kind, value, qualifier, unit, printed,
            standard, src, excerpt]  # fmt: skip


def make_dataset():
    rows = [
        obs(
            "o1",
            "alpha",
            "poor_household_rate",
            20.0,
            "percent",
            standard="2021-2025",
            printed="20,00",
        ),  # fmt: skip
        obs("o2", "alpha", "poor_households", 200.0, "households", standard="2021-2025"),
        obs(
            "o3",
            "alpha",
            "poor_rate_reduction_annual",
            2.0,
            "percentage points per year",
            "range low",
            "target",
            2022,
            2022,
        ),  # fmt: skip
        obs(
            "o4",
            "alpha",
            "poor_rate_reduction_annual",
            2.5,
            "percentage points per year",
            "range high",
            "target",
            2022,
            2022,
        ),  # fmt: skip
        obs("o5", "alpha", "funding_allocated", 100.0, "VND billion", start=2021, end=2024),
        obs(
            "o6",
            "alpha",
            "funding_allocated",
            90.0,
            "VND billion",
            start=2021,
            end=2024,
            by="budget source",
            part="central budget",
        ),  # fmt: skip
        obs(
            "o7",
            "beta",
            "funding_allocated",
            30.0,
            "VND billion",
            "over",
            "plan",
            2024,
            2024,
            src="s2",
            excerpt="<script>alert(1)</script>",
        ),  # fmt: skip
        obs(
            "o8",
            "beta-district",
            "poor_rate_reduction_annual",
            3.0,
            "percentage points per year",
            "at least",
            "target",
            src="s2",
        ),  # fmt: skip
    ]
    observations = pd.DataFrame(rows, columns=OBS_COLUMNS)
    for col in ("geography_id", "indicator_id", "kind", "qualifier", "poverty_standard"):
        observations[col] = observations[col].astype("category")
    for col in ("period_start", "period_end"):
        observations[col] = observations[col].astype("Int64")
    observations["date"] = pd.NaT
    indicators = pd.DataFrame(
        [
            ["poor_household_rate", "Poor-household rate", "percent", "headline"],
            ["poor_households", "Poor households", "households", "headline"],
            [
                "poor_rate_reduction_annual",
                "Average annual fall",
                "percentage points per year",
                "headline",
            ],  # fmt: skip
            ["funding_allocated", "Programme funding allocated", "VND billion", "funding"],
            ["p2_models", "Livelihood models", "count", "project-2"],
        ],
        columns=["indicator_id", "label_en", "unit", "component"],
    )
    indicators["subproject"] = pd.array([pd.NA] * len(indicators), dtype="Int64")
    indicators["standard_dependent"] = [True, True, True, False, False]
    geographies = pd.DataFrame(
        {
            "geography_id": ["alpha", "beta", "beta-district", "gamma"],
            "name": ["Thái Alpha", "Bắc Beta", "Phú District", "Gamma"],
            "level": ["province", "province", "district", "province"],
            "parent_id": ["vn", "vn", "beta", "vn"],
            "province_after_2025": ["alpha", "alpha", "alpha", "gamma"],
        }
    )
    sources = pd.DataFrame(
        {
            "source_id": ["s1", "s2"],
            "title": ["Report one", "Report <b>two</b>"],
            "publisher": ["LĐXH", pd.NA],
            "author": ["A", pd.NA],
            "date_published": pd.to_datetime(["2025-04-17", None]),
            "date_inferred": [pd.NA, "2024"],
            "url": [pd.NA, pd.NA],
        }
    )
    return SimpleNamespace(
        observations=observations, indicators=indicators, geographies=geographies,
        sources=sources,
    )  # fmt: skip


@pytest.fixture
def ds():
    return make_dataset()


def test_range_rows_fold_into_one_fact(ds):
    table = facts.facts_for(ds, "alpha")
    reduction = table[table["indicator_id"] == "poor_rate_reduction_annual"]
    assert len(reduction) == 1
    row = reduction.iloc[0]
    assert (row["qualifier"], row["low"], row["high"]) == ("range", 2.0, 2.5)
    assert facts.fact_text(row) == "2–2.5 pp/year"
    assert row["observation_ids"] == "o3;o4"


def test_open_bounds_keep_one_side(ds):
    fact = facts.facts_for(ds, "beta").iloc[0]
    assert fact["low"] == 30.0 and pd.isna(fact["high"])
    assert facts.fact_text(fact) == "over 30 billion VND"


def test_every_geography_resolves_by_name_id_or_common_spelling(ds):
    names = list(ds.geographies["name"])
    assert geo.valid_geography_names(ds) == names
    for _, row in ds.geographies.iterrows():
        for spelling in (row["name"], row["geography_id"], geo.fold_name(row["name"]).upper()):
            assert geo.resolve_geography(ds, spelling)["geography_id"] == row["geography_id"]
    with pytest.raises(UnknownGeographyError, match="valid names are: Bắc Beta"):
        geo.resolve_geography(ds, "Atlantis")


def test_common_english_spellings_of_the_real_geographies(dataset):
    for spelling, expected in [("Vietnam", "vn"), ("Viet Nam", "vn"), ("Hoa Binh", "hoa-binh"),
                               ("Vĩnh Phúc", "vinh-phuc"), ("HÀ GIANG", "ha-giang"),
                               ("Tuyên Quang", "tuyen-quang"),
                               ("tuyen-quang-2025", "tuyen-quang-2025")]:  # fmt: skip
        assert geo.resolve_geography(dataset, spelling)["geography_id"] == expected


def test_not_reported_lists_indicators_without_observations(ds):
    gaps = profile.not_reported(ds, "beta")
    # beta reports only funding_allocated: the other four indicators are gaps
    assert sorted(gaps["indicator"]) == sorted(
        ["Poor-household rate", "Poor households", "Average annual fall", "Livelihood models"]
    )
    text = html.unescape(profile_page.gaps(ds, "beta"))
    assert "4 of the dataset's 5 indicators" in text and "Livelihood models" in text


def test_component_summary_names_silent_projects(ds):
    summary = profile.component_summary(facts.facts_for(ds, "alpha"), ds.indicators)
    project2 = summary[summary["component"].str.startswith("Project 2")].iloc[0]
    assert project2["what the reports give"] == "silent"
    assert len(summary[summary["component"].str.startswith("Project")]) == 7


def test_funding_per_year_and_per_poor_household(ds):
    table = compare.funding_normalised(ds, ["alpha", "beta"])
    total = table[(table["geography"] == "Thái Alpha") & (table["part"] == "total")].iloc[0]
    # 100 bn over 2021–2024: the programme ran 2022–2024 (3 years) = 33.3 bn a year;
    # 100 bn / 200 households = 0.5 bn = 500 m
    assert total["programme years"] == "3 (2022–2024)"
    assert total["per year"] == "33.3 billion VND"
    assert total["per poor household"] == "500.00 million VND per poor household"
    beta = table[table["geography"] == "Bắc Beta"].iloc[0]
    assert beta["per year"] == "over 30 billion VND"
    assert beta["per poor household"] == "not reported"


def test_coverage_matrix_levels(ds):
    matrix = compare.coverage_matrix(ds, ["alpha", "beta"])
    assert matrix.loc["Average annual fall", "Thái Alpha"] == "target or plan only"
    assert matrix.loc["Poor households", "Thái Alpha"] == "result only"
    assert matrix.loc["Programme funding allocated", "Bắc Beta"] == "target or plan only"
    assert matrix.loc["Livelihood models", "Bắc Beta"] == "not reported"
    counts = compare.coverage_counts(matrix)
    assert counts["Bắc Beta"].sum() == len(ds.indicators)


def test_implied_households_from_count_and_rate(ds):
    table = standards.implied_households(ds)
    assert len(table) == 1
    # 200 households at 20% -> 1,000 households; rate printed as 20,00 -> 19.995..20.005
    assert table.iloc[0]["implied households in total"] == "1,000 households"
    assert table.iloc[0]["range allowed by rounding"] == "1,000–1,000 households"
    assert table.iloc[0]["implied_total"] == pytest.approx(1000.0)


def test_merger_pairs_group_from_geographies(ds):
    pairs = compare.merger_pairs(ds)
    assert set(pairs["first"]) | set(pairs["second"]) <= {"Thái Alpha", "Bắc Beta"}
    assert all(c == "yes" or c.startswith("not comparable because") for c in pairs["comparable"])


def test_citations_say_what_is_not_printed(ds):
    assert sources.short_source(ds, "s1") == "LĐXH, 17 April 2025"
    assert sources.short_source(ds, "s2") == "publisher not printed, 2024 (inferred)"
    caption = display.caption_html("t", ds, facts.facts_for(ds, ["alpha", "beta"]), "t")
    assert "Sources: LĐXH, 17 April 2025; publisher not printed, 2024 (inferred)." in caption


def test_text_from_the_data_is_escaped(ds):
    table = facts.facts_for(ds, "beta")
    html = display.frame_html(table[["excerpt"]])
    assert "<script>" not in html and "&lt;script&gt;" in html
    listing = display.frame_html(sources.sources_table(ds))
    assert "<b>two</b>" not in listing


def test_only_the_programme_allocation_is_set_against_poor_households(ds):
    # Other money (e.g. 2021 investment capital of the predecessor programmes) over the same
    # year as an exact 2021-2025 count of poor households still gets no per-household figure.
    ds.indicators = pd.concat(
        [ds.indicators, pd.DataFrame([{"indicator_id": "poverty_investment_capital",
                                       "label_en": "Investment capital", "unit": "VND billion",
                                       "component": "funding", "standard_dependent": False}])],
        ignore_index=True,
    )  # fmt: skip
    extra = pd.DataFrame(
        [obs("o9", "alpha", "poverty_investment_capital", 40.0, "VND billion")], columns=OBS_COLUMNS
    )
    ds.observations = pd.concat([ds.observations.astype(object), extra], ignore_index=True)
    for col in ("period_start", "period_end"):
        ds.observations[col] = ds.observations[col].astype("Int64")
    table = compare.funding_normalised(ds, ["alpha"])
    capital = table[table["indicator"] == "Investment capital"].iloc[0]
    # other money is "not applicable", never "not reported" (issue 7: the two are different)
    assert capital["per poor household"].startswith("not applicable")
    allocation = table[
        (table["indicator"] == "Programme funding allocated") & (table["part"] == "total")
    ]
    assert allocation.iloc[0]["per poor household"] != "not reported"
