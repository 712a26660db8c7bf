"""Selections and aggregations the notebooks share: what a geography reports, and what it does not.

Everything here takes the loaded dataset (an object with ``.observations``, ``.indicators``,
``.geographies`` and ``.sources`` DataFrames, as returned by :func:`helpers.load.load_dataset`)
and returns plain DataFrames or strings. Nothing is imputed: a figure the reports do not give
is absent from the result, and the functions that list gaps say so.

The unit of analysis is a *fact*: one statement of a report. Most facts are one observation;
a range ("2–2.5%") is two observations (``range low`` and ``range high``) folded into one fact
with ``low`` and ``high``. An open bound keeps its one side: "over 3" has ``low = 3`` and no
``high``; "below 3.4" has ``high = 3.4`` and no ``low``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

import pandas as pd

from helpers.config import FOCUS_PROVINCES
from helpers.format import (
    NOT_REPORTED,
    format_number,
    format_period,
    format_quantity,
    format_standard,
    is_missing,
    period_years,
)
from helpers.geo import resolve_name
from helpers.load import NATURAL_KEY


class Dataset(Protocol):
    observations: pd.DataFrame
    indicators: pd.DataFrame
    geographies: pd.DataFrame
    sources: pd.DataFrame


# What identifies one statement of a report: the loader's key of a figure less its qualifier,
# so that the two rows of a range ("range low", "range high") share it.
FACT_KEY = [column for column in NATURAL_KEY if column != "qualifier"]

# The seven component projects of the programme (Decision 90/QĐ-TTg of 18 January 2022).
PROJECTS: dict[str, str] = {
    "project-1": "Project 1: socio-economic infrastructure in poor districts",
    "project-2": "Project 2: diversified livelihoods and poverty-reduction models",
    "project-3": "Project 3: production support and nutrition",
    "project-4": "Project 4: vocational education and sustainable employment",
    "project-5": "Project 5: housing for poor and near-poor households in poor districts",
    "project-6": "Project 6: communication and information poverty reduction",
    "project-7": "Project 7: capacity building, monitoring and evaluation",
}

COMPONENT_LABELS: dict[str, str] = {
    "headline": "Headline poverty figures",
    "funding": "Funding",
    **PROJECTS,
    "support-policy": "Poverty-reduction and social-security support policies",
    "related-programme": "Related national target programmes",
    "context": "Context",
}

TARGET_KINDS = ("target", "plan")
REDUCTION_UNITS = ("percentage points", "percentage points per year")
PEOPLE_UNITS = ("persons", "households", "person-times", "household-times", "persons per year")


# --- geographies -------------------------------------------------------------------------


def geographies_with_observations(dataset: Dataset) -> pd.DataFrame:
    """The geographies rows that have at least one observation, in table order."""
    used = set(dataset.observations["geography_id"].astype(str))
    geos = dataset.geographies
    return geos[geos["geography_id"].astype(str).isin(used)].reset_index(drop=True)


def valid_geography_names(dataset: Dataset) -> list[str]:
    """Names a notebook accepts as its ``province`` parameter: geographies with observations."""
    return list(geographies_with_observations(dataset)["name"])


def resolve_geography(dataset: Dataset, name: str) -> pd.Series:
    """The geographies row named ``name`` (case- and accent-insensitive; ids accepted too).

    Raises :class:`helpers.geo.UnknownGeographyError` listing the valid names otherwise.
    """
    geos = geographies_with_observations(dataset)
    by_id = dict(zip(geos["geography_id"].astype(str), geos["name"], strict=True))
    valid = list(geos["name"])
    resolved = by_id.get(str(name).strip()) or resolve_name(name, valid, what="province")
    return geos[geos["name"] == resolved].iloc[0]


def geography_name(dataset: Dataset, geography_id: str) -> str:
    """The Vietnamese name of a geography id (the id itself if it is not in the table)."""
    geos = dataset.geographies
    match = geos.loc[geos["geography_id"].astype(str) == str(geography_id), "name"]
    return str(match.iloc[0]) if len(match) else str(geography_id)


def child_geographies(dataset: Dataset, geography_id: str) -> pd.DataFrame:
    """Geographies whose parent is ``geography_id`` and that have observations."""
    geos = geographies_with_observations(dataset)
    return geos[geos["parent_id"].astype(str) == str(geography_id)].reset_index(drop=True)


def focus_province_ids(dataset: Dataset) -> list[str]:
    """Ids of the focus provinces (config) that have observations, in config order."""
    used = set(geographies_with_observations(dataset)["geography_id"].astype(str))
    return [gid for gid in FOCUS_PROVINCES if gid in used]


# --- facts ---------------------------------------------------------------------------------


def _key_value(value: object) -> object:
    return None if is_missing(value) else value


def facts(observations: pd.DataFrame, indicators: pd.DataFrame | None = None) -> pd.DataFrame:
    """Observations folded into facts: a range's two rows become one row with ``low``/``high``.

    Columns: the :data:`FACT_KEY` columns, ``unit``, ``qualifier`` (``range`` for a folded
    pair), ``low``, ``high``, ``value`` (the printed number, the low end of a range),
    ``observation_ids`` and ``excerpt``; with ``indicators``, also ``label_en``, ``component``
    and ``subproject``. Order follows the first observation of each fact.
    """
    rows: list[dict] = []
    pending: dict[tuple, dict] = {}
    for obs in observations.to_dict("records"):
        key = tuple(_key_value(obs[col]) for col in FACT_KEY)
        qualifier = str(obs["qualifier"])
        value = obs["value"]
        row = {col: obs[col] for col in FACT_KEY}
        row |= {
            "unit": obs["unit"],
            "qualifier": qualifier,
            "value": value,
            "low": value if qualifier in ("exact", "about", "over", "at least") else float("nan"),
            "high": value if qualifier in ("exact", "about", "below") else float("nan"),
            "observation_ids": str(obs["observation_id"]),
            "number_as_printed": obs.get("number_as_printed"),
            "excerpt": obs["excerpt"],
        }
        if qualifier in ("range low", "range high"):
            partner = pending.pop(key, None)
            if partner is not None and partner["qualifier"] != qualifier:
                low, high = (partner, row) if qualifier == "range high" else (row, partner)
                partner |= {
                    "qualifier": "range",
                    "low": low["value"],
                    "high": high["value"],
                    "value": low["value"],
                    "observation_ids": f"{low['observation_ids']};{high['observation_ids']}",
                    "number_as_printed": f"{low['number_as_printed']}–{high['number_as_printed']}",
                }
                if row["excerpt"] != partner["excerpt"]:
                    partner["excerpt"] = f"{partner['excerpt']} … {row['excerpt']}"
                continue
            side = "low" if qualifier == "range low" else "high"
            row[side] = value
            pending[key] = row
        rows.append(row)
    columns = [*FACT_KEY, "unit", "qualifier", "value", "low", "high", "observation_ids"]
    table = pd.DataFrame(rows, columns=[*columns, "number_as_printed", "excerpt"])
    for col in ("value", "low", "high"):
        table[col] = table[col].astype(float)
    if indicators is not None:
        labels = indicators[["indicator_id", "label_en", "component", "subproject"]].copy()
        labels["indicator_id"] = labels["indicator_id"].astype(str)
        table["indicator_id"] = table["indicator_id"].astype(str)
        table = table.merge(labels, on="indicator_id", how="left")
    return table


def observations_for(
    dataset: Dataset, geography_id: str | Iterable[str], include_children: bool = False
) -> pd.DataFrame:
    """Observations of one geography (or several), optionally with its districts."""
    ids = {geography_id} if isinstance(geography_id, str) else set(geography_id)
    if include_children:
        geos = dataset.geographies
        ids |= set(geos.loc[geos["parent_id"].astype(str).isin(ids), "geography_id"].astype(str))
    obs = dataset.observations
    return obs[obs["geography_id"].astype(str).isin(ids)].reset_index(drop=True)


def facts_for(dataset: Dataset, geography_id: str | Iterable[str]) -> pd.DataFrame:
    """The facts of one geography (or several), labelled with their indicator."""
    return facts(observations_for(dataset, geography_id), dataset.indicators)


def fact_text(fact: pd.Series | dict, notation: str = "en") -> str:
    """One fact's value as printed in tables: ``"over 323 billion VND"``, ``"2–2.5 pp/year"``."""
    if fact["qualifier"] == "range":
        return format_quantity(fact["low"], fact["unit"], "range", fact["high"], notation=notation)
    return format_quantity(fact["value"], fact["unit"], fact["qualifier"], notation=notation)


def is_total(facts_table: pd.DataFrame) -> pd.Series:
    """True for facts that are not a part of a breakdown."""
    return facts_table["breakdown_by"].isna() | (facts_table["breakdown_by"].astype(str) == "")


def select(
    facts_table: pd.DataFrame,
    indicators: Iterable[str] | None = None,
    components: Iterable[str] | None = None,
    units: Iterable[str] | None = None,
    totals_only: bool = False,
) -> pd.DataFrame:
    """Facts restricted to some indicators, components or units (each optional)."""
    keep = pd.Series(True, index=facts_table.index)
    if indicators is not None:
        keep &= facts_table["indicator_id"].astype(str).isin(list(indicators))
    if components is not None:
        keep &= facts_table["component"].astype(str).isin(list(components))
    if units is not None:
        keep &= facts_table["unit"].astype(str).isin(list(units))
    if totals_only:
        keep &= is_total(facts_table)
    return facts_table[keep].reset_index(drop=True)


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


# --- sources -------------------------------------------------------------------------------


def source_row(dataset: Dataset, source_id: str) -> pd.Series:
    """The sources row of ``source_id``."""
    sources = dataset.sources
    match = sources[sources["source_id"].astype(str) == str(source_id)]
    if match.empty:
        raise KeyError(f"source_id {source_id!r} is not in the sources table")
    return match.iloc[0]


def short_source(dataset: Dataset, source_id: str) -> str:
    """``"publisher, date"`` of one source, saying so when either is not printed."""
    from helpers.format import format_date

    row = source_row(dataset, source_id)
    publisher = "" if is_missing(row["publisher"]) else str(row["publisher"]).strip()
    if not publisher:
        author = "" if is_missing(row.get("author")) else str(row.get("author")).strip()
        publisher = "publisher not printed" + (f" (author {author})" if author else "")
    return f"{publisher}, {format_date(row['date_published'], row.get('date_inferred'))}"


def sources_used(dataset: Dataset, facts_table: pd.DataFrame) -> list[str]:
    """Source ids behind a facts table, in sources-table order."""
    used = set(facts_table["source_id"].astype(str))
    return [s for s in dataset.sources["source_id"].astype(str) if s in used]


def sources_table(dataset: Dataset, source_ids: Iterable[str] | None = None) -> pd.DataFrame:
    """Publisher, date, author, title and address of sources (all, or those given)."""
    from helpers.format import format_date

    sources = dataset.sources
    if source_ids is not None:
        wanted = set(map(str, source_ids))
        sources = sources[sources["source_id"].astype(str).isin(wanted)]

    def text(value: object, missing: str) -> str:
        return missing if is_missing(value) or not str(value).strip() else str(value)

    return pd.DataFrame(
        {
            "source": sources["source_id"].astype(str),
            "publisher": [text(v, "not printed") for v in sources["publisher"]],
            "date": [
                format_date(d, i)
                for d, i in zip(sources["date_published"], sources["date_inferred"], strict=True)
            ],
            "author": [text(v, "not printed") for v in sources["author"]],
            "title": [text(v, "") for v in sources["title"]],
            "url": [text(v, "not recorded") for v in sources["url"]],
        }
    ).reset_index(drop=True)


# --- sections of the profile ----------------------------------------------------------------


def headline_facts(facts_table: pd.DataFrame) -> pd.DataFrame:
    """Rates and counts of poor and near-poor households (the ``headline`` component)."""
    return select(facts_table, components=["headline"], units=["percent", "households"])


def reduction_facts(facts_table: pd.DataFrame) -> pd.DataFrame:
    """Reductions of poverty rates, in percentage points (per year or vs the previous year)."""
    return select(facts_table, units=REDUCTION_UNITS)


def money_facts(facts_table: pd.DataFrame) -> pd.DataFrame:
    """Amounts in VND billion and the funding component's shares."""
    money = facts_table["unit"].astype(str) == "VND billion"
    funding = facts_table["component"].astype(str) == "funding"
    return facts_table[money | funding].reset_index(drop=True)


def people_facts(facts_table: pd.DataFrame) -> pd.DataFrame:
    """Counts of people and households reached (not the headline poverty counts)."""
    reached = facts_table["unit"].astype(str).isin(PEOPLE_UNITS)
    return facts_table[reached & (facts_table["component"] != "headline")].reset_index(drop=True)


def breakdown_facts(facts_table: pd.DataFrame) -> pd.DataFrame:
    """Facts that are parts of a total, with the total's value alongside (``total_text``)."""
    parts = facts_table[~is_total(facts_table)].copy()
    if parts.empty:
        return parts.assign(total_text=pd.Series(dtype=str))
    totals = facts_table[is_total(facts_table)]
    key = ["geography_id", "indicator_id", "period_start", "period_end", "kind", "source_id"]

    def total_of(row: pd.Series) -> str:
        match = totals
        for col in key:
            match = match[match[col].astype(str) == str(row[col])]
        return fact_text(match.iloc[0]) if len(match) else NOT_REPORTED

    parts["total_text"] = [total_of(row) for _, row in parts.iterrows()]
    return parts.reset_index(drop=True)


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


def data_gaps_markdown(dataset: Dataset, geography_id: str) -> str:
    """The gaps of :func:`not_reported` as a Markdown list grouped by component (escaped)."""
    from helpers.captions import escape_md

    gaps = not_reported(dataset, geography_id)
    name = escape_md(geography_name(dataset, geography_id))
    if gaps.empty:
        return f"Every indicator of the dataset is reported for {name}."
    lines = [f"Not reported for {name} ({len(gaps)} of {len(dataset.indicators)} indicators):", ""]
    for component, group in gaps.groupby("component", sort=False):
        items = ", ".join(escape_md(i) for i in group["indicator"])
        lines.append(f"- **{escape_md(component)}**: {items}")
    return "\n".join(lines)


def overview_markdown(dataset: Dataset, geography_id: str) -> str:
    """One sentence: how many figures the reports give for a geography, and from where."""
    from helpers.captions import escape_md

    table = facts_for(dataset, geography_id)
    name = escape_md(geography_name(dataset, geography_id))
    sources = sources_used(dataset, table)
    cited = "; ".join(escape_md(short_source(dataset, s)) for s in sources)
    n_ind = table["indicator_id"].nunique()
    return (
        f"The dataset holds {len(table)} figures on {n_ind} of {len(dataset.indicators)} "
        f"indicators for {name}, from {len(sources)} report(s): {cited}."
    )


def headline_markdown(facts_table: pd.DataFrame, geography_name_: str) -> str:
    """Sentences stating each headline rate with its standard and period (escaped)."""
    from helpers.captions import escape_md

    rates = select(headline_facts(facts_table), units=["percent"], totals_only=True)
    name = escape_md(geography_name_)
    if rates.empty:
        return f"The reports give no poverty or near-poor rate for {name}: {NOT_REPORTED}."
    lines = []
    for _, row in rates.iterrows():
        period = format_period(row["period_start"], row["period_end"])
        lines.append(
            f"- {escape_md(row['label_en'])}, {period}"
            f" ({escape_md(format_standard(row['poverty_standard']))}, {row['kind']}): "
            f"**{escape_md(fact_text(row))}**"
        )
    return f"Rates the reports give for {name}:\n\n" + "\n".join(lines)


def per_year(fact: pd.Series | dict) -> tuple[float, float, int | None]:
    """``(low, high)`` of a fact divided by the years its period covers, and that number."""
    years = period_years(fact["period_start"], fact["period_end"])
    if not years:
        return float("nan"), float("nan"), None
    return fact["low"] / years, fact["high"] / years, years


def per_year_text(fact: pd.Series | dict, decimals: int = 1) -> str:
    """A fact's amount per year of its period, keeping its qualifier (over, range, ...)."""
    low, high, years = per_year(fact)
    if years is None:
        return NOT_REPORTED
    qualifier = fact["qualifier"]
    if years == 1:
        decimals = None
    if qualifier == "range":
        return format_quantity(low, fact["unit"], "range", high, decimals=decimals)
    value = high if qualifier == "below" else low
    return format_quantity(value, fact["unit"], qualifier, decimals=decimals)


def with_number(text: str, value: float, decimals: int = 0) -> str:
    """``text`` followed by a number in English notation (used for table headers)."""
    return f"{text} {format_number(value, decimals)}"
