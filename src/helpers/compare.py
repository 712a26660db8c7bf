"""Comparisons across geographies: coverage, funding on a common basis, the 2025 reorganisation.

Like :mod:`helpers.facts`, nothing here fills a gap: a province that does not report a figure
gets "not reported" in the tables, never a number.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from helpers.facts import (
    Dataset,
    fact_text,
    facts_for,
    is_total,
    per_year_text,
    select,
)
from helpers.format import (
    NOT_REPORTED,
    format_number,
    format_period,
    format_quantity,
    format_standard,
    is_missing,
    period_years,
)
from helpers.geo import geographies_with_observations, geography_name
from helpers.vocabulary import COMPONENT_LABELS, TARGET_KINDS

# Cell values of the coverage matrix, from least to most reported.
COVERAGE_LEVELS = ("not reported", "target or plan only", "result only", "result and target")


def coverage_matrix(dataset: Dataset, geography_ids: Iterable[str]) -> pd.DataFrame:
    """Indicator × geography: whether the reports give a result, a target, both or nothing.

    Rows are every indicator of the indicators table (ordered by component), indexed by
    label; columns are geography names. A result is an ``actual`` or ``estimate`` figure.
    """
    ids = list(geography_ids)
    obs = dataset.observations
    ind = dataset.indicators.copy()
    order = {c: i for i, c in enumerate(COMPONENT_LABELS)}
    ind["_order"] = ind["component"].astype(str).map(order).fillna(len(order))
    ind = ind.sort_values("_order", kind="stable")
    columns = {}
    for gid in ids:
        own = obs[obs["geography_id"].astype(str) == gid]
        kinds = own.groupby(own["indicator_id"].astype(str))["kind"].agg(
            lambda k: set(k.astype(str))
        )
        cells = []
        for indicator_id in ind["indicator_id"].astype(str):
            seen = kinds.get(indicator_id, set())
            target = bool(seen & set(TARGET_KINDS))
            result = bool(seen - set(TARGET_KINDS))
            cells.append(COVERAGE_LEVELS[2 * result + target])
        columns[geography_name(dataset, gid)] = cells
    matrix = pd.DataFrame(columns, index=pd.Index(ind["label_en"].astype(str), name="indicator"))
    matrix.insert(0, "component", ind["component"].astype(str).map(COMPONENT_LABELS).to_numpy())
    return matrix


def coverage_counts(matrix: pd.DataFrame) -> pd.DataFrame:
    """Per geography: how many indicators fall in each coverage level."""
    cells = matrix.drop(columns="component")
    counts = {col: cells[col].value_counts() for col in cells}
    table = pd.DataFrame(counts).reindex(list(COVERAGE_LEVELS)).fillna(0).astype(int)
    table.index.name = "coverage"
    return table


PROGRAMME_FUNDING = "funding_allocated"


def _poor_household_basis(facts_table: pd.DataFrame, start: int, end: int) -> pd.Series | None:
    """The exact count of poor households to divide a period's funding by, or ``None``.

    The count must be a total, a result, exact, under the 2021–2025 standard (the programme's
    own), and for a year inside the period; the earliest such year is used.
    """
    counts = select(facts_table, indicators=["poor_households"], totals_only=True)
    counts = counts[
        (counts["kind"].astype(str) == "actual")
        & (counts["qualifier"] == "exact")
        & (counts["poverty_standard"].astype(str) == "2021-2025")
        & (counts["period_end"].astype("Int64").between(start, end))
    ]
    if counts.empty:
        return None
    return counts.sort_values("period_end").iloc[0]


def funding_normalised(dataset: Dataset, geography_ids: Iterable[str]) -> pd.DataFrame:
    """Programme funding of each geography per year of its period, and per poor household.

    One row per amount of the ``funding`` component (totals and their parts). Per poor household
    divides by the count of :func:`_poor_household_basis`; without one it reads "not reported".
    The last five columns (ids and numbers) are for charts; :data:`FUNDING_DISPLAY` are for readers.
    """
    rows = []
    for gid in geography_ids:
        table = facts_for(dataset, gid)
        funding = select(table, components=["funding"], units=["VND billion"])
        for _, fact in funding.iterrows():
            start, end = fact["period_start"], fact["period_end"]
            years = period_years(start, end)
            # Only the programme's own allocation is set against the programme's poor households;
            # other money (e.g. 2021 funds of the predecessor programmes) has no matching basis.
            own_funds = str(fact["indicator_id"]) == PROGRAMME_FUNDING
            basis = _poor_household_basis(table, start, end) if years and own_funds else None
            rows.append(
                {
                    "geography": geography_name(dataset, gid),
                    "indicator": fact["label_en"],
                    "part": "total" if is_total(funding.loc[[_]]).iloc[0] else fact["breakdown"],
                    "period": format_period(start, end),
                    "kind": str(fact["kind"]),
                    "amount": fact_text(fact),
                    "years": NOT_REPORTED if years is None else str(years),
                    "per year": per_year_text(fact),
                    "poor households used": NOT_REPORTED if basis is None else _basis_text(basis),
                    "per poor household": NOT_REPORTED
                    if basis is None
                    else per_household_text(fact, basis["value"]),
                    "source_id": str(fact["source_id"]),
                    "geography_id": gid,
                    "qualifier": fact["qualifier"],
                    "per_year_low": fact["low"] / years if years else float("nan"),
                    "per_year_high": fact["high"] / years if years else float("nan"),
                }
            )
    return pd.DataFrame(rows, columns=FUNDING_COLUMNS)


# Columns for readers; the further columns of funding_normalised are ids and numbers for charts.
FUNDING_DISPLAY = [
    "geography",
    "indicator",
    "part",
    "period",
    "kind",
    "amount",
    "years",
    "per year",
    "poor households used",
    "per poor household",
]
FUNDING_COLUMNS = [
    *FUNDING_DISPLAY,
    "source_id",
    "geography_id",
    "qualifier",
    "per_year_low",
    "per_year_high",
]


def _basis_text(basis: pd.Series) -> str:
    period = format_period(basis["period_start"], basis["period_end"])
    return f"{fact_text(basis)} ({period}, {format_standard(basis['poverty_standard'])})"


def per_household_text(fact: pd.Series, households: float) -> str:
    """A VND-billion amount per household, in million VND, keeping the fact's qualifier."""
    if is_missing(households) or households <= 0:
        return NOT_REPORTED
    low, high = fact["low"] * 1000 / households, fact["high"] * 1000 / households
    if fact["qualifier"] == "range":
        numbers = f"{format_number(low, 2)}–{format_number(high, 2)}"
        return f"{numbers} million VND per poor household"
    value = high if fact["qualifier"] == "below" else low
    text = format_quantity(value, "count", fact["qualifier"], decimals=2)
    return f"{text} million VND per poor household"


def rate_facts(dataset: Dataset, geography_ids: Iterable[str]) -> pd.DataFrame:
    """Poor and near-poor household rates (totals) of several geographies, for plotting."""
    table = facts_for(dataset, list(geography_ids))
    return select(
        table,
        indicators=["poor_household_rate", "near_poor_household_rate"],
        totals_only=True,
    )


def reorganisation(dataset: Dataset) -> pd.DataFrame:
    """Provinces after 1 July 2025 and the pre-2025 provinces that form each one.

    ``figures`` counts each member's observations; a member without any says so.
    """
    geos = dataset.geographies
    provinces = geos[geos["level"].astype(str) == "province"]
    counts = dataset.observations["geography_id"].astype(str).value_counts()
    rows = []
    for successor, members in provinces.groupby("province_after_2025", sort=False):
        if len(members) < 2:
            continue
        for _, member in members.iterrows():
            n = int(counts.get(str(member["geography_id"]), 0))
            rows.append(
                {
                    "province from 1 July 2025": geography_name(dataset, successor),
                    "province before": member["name"],
                    "figures in the dataset": str(n) if n else "none",
                }
            )
    return pd.DataFrame(
        rows, columns=["province from 1 July 2025", "province before", "figures in the dataset"]
    )


def merger_markdown(dataset: Dataset) -> str:
    """For each merged group: which indicators its members both report, and which only one does."""
    from helpers.captions import escape_md

    geos = dataset.geographies
    provinces = geos[geos["level"].astype(str) == "province"]
    used = set(geographies_with_observations(dataset)["geography_id"].astype(str))
    obs = dataset.observations
    ind = dataset.indicators
    labels = dict(zip(ind["indicator_id"].astype(str), ind["label_en"], strict=True))
    lines = []
    for successor, members in provinces.groupby("province_after_2025", sort=False):
        if len(members) < 2:
            continue
        names = [escape_md(n) for n in members["name"]]
        head = f"- **{escape_md(geography_name(dataset, successor))}** = {' + '.join(names)}"
        reported = {
            str(m): set(
                obs.loc[obs["geography_id"].astype(str) == str(m), "indicator_id"].astype(str)
            )
            for m in members["geography_id"]
        }
        silent = [escape_md(geography_name(dataset, m)) for m in reported if m not in used]
        common = set.intersection(*reported.values())
        parts = [head + "."]
        if common:
            listed = ", ".join(escape_md(labels[i]) for i in sorted(common))
            parts.append(f"Reported for every member, so comparable before the merger: {listed}.")
        else:
            parts.append("No indicator is reported for every member.")
        if silent:
            parts.append(f"No figures at all for: {', '.join(silent)}.")
        lines.append(" ".join(parts))
    return "\n".join(lines) if lines else "No merged provinces in the geographies table."


def reduction_comparison(dataset: Dataset, geography_ids: Iterable[str]) -> pd.DataFrame:
    """Average annual reductions (pp per year) of several geographies, for the comparison chart."""
    table = facts_for(dataset, list(geography_ids))
    return select(table, units=["percentage points per year"], totals_only=True)


def standard_label(standard: object) -> str:
    """Alias of :func:`helpers.format.format_standard`, for legends."""
    return format_standard(standard)
