"""The sections of a profile: targets against results, the component projects, the gaps."""

from __future__ import annotations

import pandas as pd

from helpers.facts import (
    Dataset,
    fact_text,
    is_total,
    observations_for,
    reduction_facts,
)
from helpers.format import NOT_REPORTED, format_period, format_standard
from helpers.geo import geography_name
from helpers.sources import short_source
from helpers.vocabulary import COMPONENT_LABELS, PROJECTS, TARGET_KINDS


def _fact_with_period(fact: pd.Series) -> str:
    """``"over 3 pp/year (2024, plan)"``: a fact's value, period and kind, for sentences."""
    standard = fact["poverty_standard"]
    suffix = f", {format_standard(standard)}" if standard in ("2016-2020", "2021-2025") else ""
    period = format_period(fact["period_start"], fact["period_end"])
    return f"{fact_text(fact)} ({period}, {fact['kind']}{suffix})"


def target_vs_result(facts_table: pd.DataFrame) -> pd.DataFrame:
    """For each reduction indicator reported: its targets or plans and its results side by side.

    A side the reports do not give reads "not reported".
    """
    reductions = reduction_facts(facts_table)
    rows = []
    for _, group in reductions.groupby("indicator_id", sort=False, observed=True):
        kinds = group["kind"].astype(str)

        def describe(part: pd.DataFrame) -> str:
            if part.empty:
                return NOT_REPORTED
            return "; ".join(_fact_with_period(row) for _, row in part.iterrows())

        rows.append(
            {
                "indicator": group["label_en"].iloc[0],
                "target or plan": describe(group[kinds.isin(TARGET_KINDS)]),
                "result": describe(group[~kinds.isin(TARGET_KINDS)]),
            }
        )
    return pd.DataFrame(rows, columns=["indicator", "target or plan", "result"])


def component_summary(facts_table: pd.DataFrame, indicators: pd.DataFrame) -> pd.DataFrame:
    """One row per programme component: how many of its indicators are reported, and which.

    Every component project is listed; one with no indicator reported reads "silent".
    """
    rows = []
    reported = set(facts_table["indicator_id"].astype(str))
    for component, label in COMPONENT_LABELS.items():
        own = indicators[indicators["component"].astype(str) == component]
        if own.empty and component not in PROJECTS:
            continue
        given = own[own["indicator_id"].astype(str).isin(reported)]
        if own.empty:
            said = "silent: the dataset has no indicator for this project"
        elif given.empty:
            said = "silent"
        else:
            said = "; ".join(given["label_en"])
        rows.append(
            {
                "component": label,
                "indicators reported": f"{len(given)} of {len(own)}",
                "what the reports give": said,
            }
        )
    return pd.DataFrame(rows, columns=["component", "indicators reported", "what the reports give"])


def silent_projects(facts_table: pd.DataFrame, indicators: pd.DataFrame) -> list[str]:
    """Labels of the component projects for which no indicator is reported."""
    reported = set(facts_table["component"].astype(str))
    return [label for pid, label in PROJECTS.items() if pid not in reported]


def not_reported(dataset: Dataset, geography_id: str) -> pd.DataFrame:
    """Indicators of the indicators table with no observation for the geography, by component."""
    given = set(observations_for(dataset, geography_id)["indicator_id"].astype(str))
    ind = dataset.indicators
    missing = ind[~ind["indicator_id"].astype(str).isin(given)]
    order = {c: i for i, c in enumerate(COMPONENT_LABELS)}
    table = pd.DataFrame(
        {
            "component": missing["component"]
            .astype(str)
            .map(COMPONENT_LABELS)
            .fillna(missing["component"].astype(str)),
            "indicator": missing["label_en"].astype(str),
            "unit": missing["unit"].astype(str),
            "_order": missing["component"].astype(str).map(order).fillna(len(order)),
        }
    )
    return table.sort_values("_order", kind="stable").drop(columns="_order").reset_index(drop=True)


def display_table(facts_table: pd.DataFrame, dataset: Dataset | None = None) -> pd.DataFrame:
    """Facts as a reader's table: what, part, period, kind, standard, value, source.

    With ``dataset`` the geography and the source are named; otherwise their ids are shown.
    """
    if facts_table.empty:
        return pd.DataFrame(
            columns=["indicator", "part", "period", "kind", "standard", "value", "source"]
        )
    part = facts_table["breakdown"].where(~is_total(facts_table), "total")
    table = pd.DataFrame(
        {
            "indicator": facts_table.get("label_en", facts_table["indicator_id"]),
            "part": [
                "total" if p == "total" else f"{b}: {p}"
                for b, p in zip(facts_table["breakdown_by"], part, strict=True)
            ],
            "period": [
                format_period(s, e)
                for s, e in zip(facts_table["period_start"], facts_table["period_end"], strict=True)
            ],
            "kind": facts_table["kind"].astype(str),
            "standard": facts_table["poverty_standard"].map(format_standard).astype(str),
            "value": [fact_text(row) for _, row in facts_table.iterrows()],
            "source": facts_table["source_id"].astype(str),
        }
    )
    if dataset is not None:
        if facts_table["geography_id"].astype(str).nunique() > 1:
            names = [geography_name(dataset, g) for g in facts_table["geography_id"]]
            table.insert(0, "geography", names)
        table["source"] = [short_source(dataset, s) for s in facts_table["source_id"]]
    return table


SECTIONS = ("rates", "targets", "money", "people", "other")


def sections(facts_table: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """The facts of a profile, each in exactly one section, so that each is shown once.

    ``rates``: poor and near-poor rates and counts; ``targets``: reductions of a rate and
    other poverty-reduction targets; ``money``: amounts in VND and funding shares;
    ``people``: people and households reached; ``other``: everything else (models, events,
    context).
    """
    from helpers.vocabulary import PEOPLE_UNITS, REDUCTION_UNITS

    unit = facts_table["unit"].astype(str)
    component = facts_table["component"].astype(str)
    indicator = facts_table["indicator_id"].astype(str)
    rates = (component == "headline") & unit.isin(["percent", "households"])
    rates &= indicator.isin(
        ["poor_household_rate", "poor_households", "near_poor_household_rate",
         "near_poor_households", "total_households"]
    )  # fmt: skip
    targets = ~rates & (unit.isin(REDUCTION_UNITS) | (component == "headline"))
    money = ~rates & ~targets & ((unit == "VND billion") | (component == "funding"))
    people = ~rates & ~targets & ~money & unit.isin(PEOPLE_UNITS)
    other = ~(rates | targets | money | people)
    masks = {"rates": rates, "targets": targets, "money": money, "people": people, "other": other}
    return {name: facts_table[mask].reset_index(drop=True) for name, mask in masks.items()}


def when(fact: pd.Series | dict) -> str:
    """When a figure applies: the printed date ("30 September 2023"), else its period.

    A period marked as inferred in the data says so.
    """
    from helpers.format import format_date, is_missing

    if not is_missing(fact.get("date")):
        return format_date(fact["date"])
    text = format_period(fact["period_start"], fact["period_end"])
    inferred = fact.get("period_inferred")
    if not is_missing(inferred) and str(inferred).lower() == "true":
        text += " (inferred)"
    return text
