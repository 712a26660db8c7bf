"""The sections of a profile: targets against results, the component projects, the gaps."""

from __future__ import annotations

import pandas as pd

from helpers.facts import (
    Dataset,
    indicator_labels,
    observations_for,
)
from helpers.format import format_period
from helpers.i18n import tr
from helpers.vocabulary import COMPONENT_LABELS, PROJECTS, labels
from helpers.vocabulary import text as vocabulary_text


def component_summary(facts_table: pd.DataFrame, indicators: pd.DataFrame) -> pd.DataFrame:
    """One row per programme component: how many of its indicators are reported, and which.

    Every component project is listed; one with no indicator reported reads "silent". The
    columns are keys (``component``, ``indicators reported``, ``what the reports give``); the
    cells are in the page's language.
    """
    rows = []
    reported = set(facts_table["indicator_id"].astype(str))
    for component, pair in COMPONENT_LABELS.items():
        own = indicators[indicators["component"].astype(str) == component]
        if own.empty and component not in PROJECTS:
            continue
        given = own[own["indicator_id"].astype(str).isin(reported)]
        if own.empty:
            said = tr("silent: the dataset has no indicator for this project")
        elif given.empty:
            said = tr("silent")
        else:
            said = "; ".join(indicator_labels(given))
        rows.append(
            {
                "component": vocabulary_text(pair),
                "indicators reported": tr(
                    "{reported} of {total}", reported=len(given), total=len(own)
                ),
                "what the reports give": said,
            }
        )
    return pd.DataFrame(rows, columns=["component", "indicators reported", "what the reports give"])


def silent_projects(facts_table: pd.DataFrame, indicators: pd.DataFrame) -> list[str]:
    """Labels of the component projects for which no indicator is reported."""
    reported = set(facts_table["component"].astype(str))
    return [vocabulary_text(pair) for pid, pair in PROJECTS.items() if pid not in reported]


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
            .map(labels(COMPONENT_LABELS))
            .fillna(missing["component"].astype(str)),
            "indicator": indicator_labels(missing),
            "unit": missing["unit"].astype(str),
            "_order": missing["component"].astype(str).map(order).fillna(len(order)),
        }
    )
    return table.sort_values("_order", kind="stable").drop(columns="_order").reset_index(drop=True)


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

    A period marked as inferred in the data says so ("2021 (inferred)"). In the page's language.
    """
    from helpers.format import format_date, is_missing

    if not is_missing(fact.get("date")):
        return format_date(fact["date"])
    text = format_period(fact["period_start"], fact["period_end"])
    inferred = fact.get("period_inferred")
    if not is_missing(inferred) and str(inferred).lower() == "true":
        return tr("{date} (inferred)", date=text)
    return text
