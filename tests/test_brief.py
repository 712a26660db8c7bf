"""Unit tests of helpers.brief: target statuses, comparability, per-year money, key figures.

Expected values are worked out by hand in the comments, or read from data/ and recomputed here.
"""

import math

import pandas as pd
import pytest

from helpers import brief, facts


def fact(**kw):
    base = {
        "observation_ids": "x1", "geography_id": "g", "indicator_id": "poor_rate_reduction_annual",
        "breakdown_by": None, "breakdown": None, "period_start": 2024, "period_end": 2024,
        "date": None, "kind": "actual", "qualifier": "exact", "value": 3.5, "low": 3.5,
        "high": 3.5, "unit": "percentage points per year", "poverty_standard": "2021-2025",
        "source_id": "s", "label_en": "Average annual fall", "component": "headline",
        "excerpt": None, "number_as_printed": None,
    }  # fmt: skip
    base.update(kw)
    if "value" in kw and "low" not in kw:
        q = base["qualifier"]
        base["low"] = base["value"] if q in ("exact", "about", "over", "at least") else math.nan
        base["high"] = base["value"] if q in ("exact", "about", "below") else math.nan
    return pd.Series(base)


@pytest.mark.parametrize(
    ("target", "result", "expected"),
    [
        # "over 3": more than 3 is met, exactly 3 is not
        ({"qualifier": "over", "value": 3}, {"value": 3.2}, "met"),
        ({"qualifier": "over", "value": 3}, {"value": 3.0}, "not met"),
        # "at least 4": 4 is met
        ({"qualifier": "at least", "value": 4}, {"value": 4.0}, "met"),
        ({"qualifier": "at least", "value": 4}, {"value": 3.9}, "not met"),
        # a range target 2–2.5 asks for at least its lower end
        ({"qualifier": "range", "value": 2, "low": 2, "high": 2.5}, {"value": 2.1}, "met"),
        ({"qualifier": "range", "value": 2, "low": 2, "high": 2.5}, {"value": 1.9}, "not met"),
        # a result printed "over 2" cannot tell against a target of 3
        ({"qualifier": "at least", "value": 3}, {"qualifier": "over", "value": 2}, "undetermined"),
        ({"qualifier": "at least", "value": 3}, {"qualifier": "over", "value": 3}, "met"),
        # a rate target "below 3.4%": 3.39 is met, 3.4 is not
        ({"qualifier": "below", "value": 3.4, "indicator_id": "poor_household_rate"},
         {"value": 3.39}, "met"),
        ({"qualifier": "below", "value": 3.4, "indicator_id": "poor_household_rate"},
         {"value": 3.4}, "not met"),
        # a rate target printed as a level (Bắc Kạn's 19.65% for 2024): at or under it is met
        ({"value": 19.65, "indicator_id": "poor_household_rate"}, {"value": 19.46}, "met"),
        ({"value": 19.65, "indicator_id": "poor_household_rate"}, {"value": 19.7}, "not met"),
    ],
)  # fmt: skip
def test_judge(target, result, expected):
    assert brief.judge(fact(kind="target", **target), fact(**result)) == expected


def test_standard_not_stated_matches_only_when_one_standard_was_in_force():
    assert brief.standards_match("not stated", "2021-2025", 2024, 2024)[0]
    assert not brief.standards_match("not stated", "2021-2025", 2021, 2021)[0]
    assert not brief.standards_match("2016-2020", "2021-2025", 2022, 2022)[0]


def test_target_statuses_match_same_period_and_standard_only():
    target = fact(observation_ids="t", kind="target", qualifier="over", value=3)
    same = fact(observation_ids="r1", value=3.83)  # 2024, same standard: met
    table = pd.DataFrame([target, same])
    [status] = brief.target_statuses(table)
    assert (status.status, status.result["observation_ids"]) == ("met", "r1")

    other_year = fact(observation_ids="r2", value=5, period_start=2023, period_end=2023)
    [status] = brief.target_statuses(pd.DataFrame([target, other_year]))
    assert status.status == "not comparable" and "2023" in status.reason

    old_standard = fact(observation_ids="r3", value=5, poverty_standard="2016-2020")
    [status] = brief.target_statuses(pd.DataFrame([target, old_standard]))
    assert status.status == "not comparable" and "standard" in status.reason

    [status] = brief.target_statuses(pd.DataFrame([target]))
    assert status.status == "not reported"


def test_comparable_names_every_mismatch():
    a = fact(kind="actual", period_start=2021, period_end=2024, poverty_standard="not stated")
    b = fact(kind="target", period_start=2022, period_end=2022)
    ok, why = brief.comparable(a, b)
    assert not ok
    assert "result against a target" in why and "different periods" in why
    ok, why = brief.comparable(fact(), fact(observation_ids="x2"))
    assert ok and why == ""


def test_money_per_programme_year_counts_years_from_2022(dataset):
    table = facts.facts_for(dataset, "thai-nguyen")
    money = brief.programme_funding(table)
    top = money.iloc[0]
    value, text = brief.funding_per_programme_year(top)
    # the programme ran from 2022: a 2021–2024 amount is divided by 3, not 4
    first = max(int(top["period_start"]), 2022)
    assert value == pytest.approx(top["value"] / (int(top["period_end"]) - first + 1))
    assert "programme years" in text and "January 2022" in text


def test_open_above_range_keeps_or_more(dataset):
    table = facts.facts_for(dataset, "bac-kan")
    ranges = table[table["qualifier"] == "range"]
    texts = {
        facts.fact_text(r): "trở lên" in r["excerpt"]
        for _, r in ranges.iterrows()
        if isinstance(r["excerpt"], str)
    }
    assert texts, "the Bắc Kạn report prints ranges"
    for text, open_above in texts.items():
        assert text.endswith("or more") == open_above


def test_money_is_shown_with_at_most_one_decimal():
    assert facts.fact_text(fact(unit="VND billion", value=117.325)) == "117.3 billion VND"
    assert facts.fact_text(fact(unit="VND billion", value=1139, qualifier="over")) == (
        "over 1,139 billion VND"
    )


def test_key_figures_read_from_the_data(dataset):
    for gid in ("thai-nguyen", "bac-kan", "tuyen-quang", "ha-giang"):
        cards = brief.key_figures(dataset, gid)
        labels = [c.label for c in cards]
        assert labels[0].startswith("Poor-household rate")
        assert any("target" in label.lower() for label in labels)
        assert any("money" in label.lower() for label in labels)
        table = facts.facts_for(dataset, gid)
        texts = {facts.fact_text(r) for _, r in table.iterrows()}
        for card in cards:
            if card.evidence_ids:
                assert set(card.evidence_ids) <= set(
                    ";".join(table["observation_ids"]).split(";")
                ), card
            if card.evidence_ids and card.label.startswith("Poor-household rate"):
                assert card.value in texts


def test_findings_are_three_to_six_sentences(dataset):
    for gid in ("thai-nguyen", "bac-kan", "tuyen-quang", "ha-giang", "vn"):
        found = brief.findings(dataset, gid)
        assert 3 <= len(found) <= 6, (gid, found)
        assert all(f.endswith(".") for f in found)


def test_two_standards_in_one_year_are_not_called_a_change(dataset):
    for gid in ("thai-nguyen", "bac-kan", "tuyen-quang", "ha-giang", "vn"):
        for sentence in brief.findings(dataset, gid):
            if " fell " in sentence or " rose " in sentence:
                assert not ("2016–2020" in sentence and "2021–2025" in sentence), sentence


def test_one_year_under_two_standards_reads_as_two_measures():
    old = fact(
        indicator_id="poor_household_rate",
        unit="percent",
        value=17.02,
        poverty_standard="2016-2020",
        period_start=2021,
        period_end=2021,
        observation_ids="a",
    )
    new = fact(
        indicator_id="poor_household_rate",
        unit="percent",
        value=26.93,
        poverty_standard="2021-2025",
        period_start=2021,
        period_end=2021,
        observation_ids="b",
    )
    rates = brief.latest_rates(pd.DataFrame([old, new]))
    assert list(rates["observation_ids"]) == ["b", "a"]  # the programme's own standard first
    assert all(len(s) == 1 for s in brief.rate_series(pd.DataFrame([old, new])).values())


def test_a_printed_date_is_shown_not_period_not_stated(dataset):
    from helpers.profile import when

    dated = dataset.observations[dataset.observations["date"].notna()]
    assert len(dated) > 0
    for _, row in facts.facts(dated).iterrows():
        stamp = pd.Timestamp(row["date"])
        assert when(row) == f"{stamp.day} {stamp:%B} {stamp.year}"


def test_each_figure_is_in_one_section_so_counts_agree(dataset):
    from helpers.profile import sections

    for gid in ("thai-nguyen", "bac-kan", "tuyen-quang", "ha-giang", "vn"):
        table = facts.facts_for(dataset, gid)
        parts = sections(table)
        ids = [i for part in parts.values() for i in part["observation_ids"]]
        assert sorted(ids) == sorted(table["observation_ids"]), gid


def test_the_national_profile_lists_provinces_and_merged_units_link_their_partner(dataset):
    from helpers import profile_page

    rendered = {g: f"profile-{g}.html" for g in ("thai-nguyen", "bac-kan")}
    places = profile_page.places(dataset, "vn", rendered)
    provinces = dataset.geographies[dataset.geographies["level"] == "province"]
    with_figures = [n for g, n in zip(provinces["geography_id"], provinces["name"], strict=True)
                    if len(facts.facts_for(dataset, g))]  # fmt: skip
    assert with_figures and all(n in places for n in with_figures)
    assert "district" not in places
    header = profile_page.header(dataset, "bac-kan", rendered)
    assert "merged into Thái Nguyên" in header and 'href="profile-thai-nguyen.html"' in header
    header = profile_page.header(dataset, "thai-nguyen", rendered)
    assert "absorbed Bắc Kạn" in header and 'href="profile-bac-kan.html"' in header


def test_an_inferred_standard_is_compared_as_the_standard_it_is():
    """A 2023 rate whose 2021–2025 standard is inferred is like with like with a named one,
    and never with a 2016–2020 figure; its detail line says it is inferred."""
    named = fact(indicator_id="poor_household_rate", unit="percent", period_start=2023,
                 period_end=2023, standard_inferred=False)  # fmt: skip
    inferred = fact(indicator_id="poor_household_rate", unit="percent", period_start=2023,
                    period_end=2023, standard_inferred=True, observation_ids="x2")  # fmt: skip
    assert brief.comparable(named, inferred) == (True, "")
    old = fact(indicator_id="poor_household_rate", unit="percent", period_start=2023,
               period_end=2023, poverty_standard="2016-2020")  # fmt: skip
    assert not brief.comparable(old, inferred)[0]
    assert "2021–2025 standard (inferred)" in brief.rate_detail(inferred)
    assert "(inferred)" not in brief.rate_detail(named)
