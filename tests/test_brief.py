"""Unit tests of helpers.brief: target statuses, comparability, per-year money, key figures.

Expected values are worked out by hand in the comments, or read from data/ and recomputed here.
"""

import math

import pandas as pd
import pytest

from helpers import brief, facts
from helpers.analysis import common, mergers
from helpers.analysis import targets as analysis_targets


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
    target, result = fact(kind="target", **target), fact(**result)
    verdict = analysis_targets.judge(target, *analysis_targets.bounds(result))
    assert verdict == expected.replace(" ", "_")


def test_standard_not_stated_agrees_only_when_one_standard_was_in_force():
    assert common.standards_agree("not stated", "2021-2025", 2024)
    assert not common.standards_agree("not stated", "2021-2025", 2021)
    assert not common.standards_agree("2016-2020", "2021-2025", 2022)


def test_a_printed_result_answers_a_target_of_its_period_and_standard_only():
    empty = pd.DataFrame(columns=["year", "standard_in_force", "method"])
    target = fact(observation_ids="t", kind="target", qualifier="over", value=3).to_dict()

    def verdict(*results):
        return analysis_targets.verdict(target, pd.DataFrame([r for r in results]), empty)

    same = fact(observation_ids="r1", value=3.83)  # 2024, same standard: met
    assert verdict(same)["status"] == "met"
    assert verdict(same)["result_observation_ids"] == ("r1",)
    below = fact(observation_ids="r1", value=2.9)
    assert verdict(below)["status"] == "not_met"
    other_year = fact(observation_ids="r2", value=5, period_start=2025, period_end=2025)
    found = verdict(other_year)
    assert (found["status"], found["reason"]) == ("not_comparable", "different_period")
    earlier = fact(observation_ids="r2", value=5, period_start=2023, period_end=2023)
    found = verdict(earlier)  # nothing for 2024 yet: not reported, not "not comparable"
    assert (found["status"], found["reason"]) == ("not_reported", "no_result_for_period")
    old_standard = fact(observation_ids="r3", value=5, poverty_standard="2016-2020")
    found = verdict(old_standard)
    assert (found["status"], found["reason"]) == ("not_comparable", "different_standard")
    bound = fact(observation_ids="r4", qualifier="over", value=2)
    assert verdict(bound)["reason"] == "bound_straddles_target"
    nothing = analysis_targets.verdict(
        target, pd.DataFrame(columns=["period_end", "observation_ids"]), empty
    )
    assert (nothing["status"], nothing["reason"]) == ("not_reported", "no_result")


def test_merger_mismatches_name_every_difference():
    a = fact(kind="actual", period_start=2021, period_end=2024, poverty_standard="2016-2020")
    b = fact(kind="target", period_start=2022, period_end=2022)
    assert mergers.mismatches(a, b) == ("different_kind", "different_period",
                                        "different_standard")  # fmt: skip
    assert mergers.mismatches(fact(), fact(observation_ids="x2")) == ()


def test_money_per_programme_year_counts_years_from_2022(dataset):
    table = facts.facts_for(dataset, "thai-nguyen")
    top = table[table["observation_ids"] == "ldxh-2025-thai-nguyen-006"].iloc[0]
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
    and never with a 2016–2020 figure; the words of its standard say it is inferred."""
    from helpers.analysis.mergers import mismatches
    from helpers.format import format_standard

    named = fact(indicator_id="poor_household_rate", unit="percent", period_start=2023,
                 period_end=2023, standard_inferred=False)  # fmt: skip
    inferred = fact(indicator_id="poor_household_rate", unit="percent", period_start=2023,
                    period_end=2023, standard_inferred=True, observation_ids="x2")  # fmt: skip
    assert mismatches(named, inferred) == ()
    old = fact(indicator_id="poor_household_rate", unit="percent", period_start=2023,
               period_end=2023, poverty_standard="2016-2020")  # fmt: skip
    assert "different_standard" in mismatches(old, inferred)
    assert format_standard(inferred) == "2021–2025 standard (inferred)"
    assert "(inferred)" not in format_standard(named)
