"""Facts: the statements of the sources, selected and grouped the way the reports use them.

Everything here takes the loaded dataset (an object with ``.observations``, ``.indicators``,
``.geographies`` and ``.sources`` DataFrames, as returned by :func:`helpers.load.load_dataset`)
and returns plain DataFrames. Nothing is imputed: a figure the sources do not give is absent.

The unit of analysis is a *fact*: one statement of a source. Most facts are one observation;
a range ("2–2.5%") is two observations (``range low`` and ``range high``) folded into one fact
with ``low`` and ``high``. An open bound keeps its one side: "over 3" has ``low = 3`` and no
``high``; "below 3.4" has ``high = 3.4`` and no ``low``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

import pandas as pd

from helpers.format import format_quantity, is_missing, not_reported
from helpers.i18n import language, tr
from helpers.load import NATURAL_KEY
from helpers.vocabulary import BREAKDOWN_BY_LABELS, BREAKDOWN_LABELS, PEOPLE_UNITS, REDUCTION_UNITS
from helpers.vocabulary import label as vlabel


class Dataset(Protocol):
    observations: pd.DataFrame
    indicators: pd.DataFrame
    geographies: pd.DataFrame
    sources: pd.DataFrame


# What identifies one statement of a report: the loader's key of a figure less its qualifier,
# so that the two rows of a range ("range low", "range high") share it.
FACT_KEY = [column for column in NATURAL_KEY if column != "qualifier"]


# Observation columns a fact carries along when the data has them (the second tier's columns).
EXTRA_COLUMNS = ("method", "period_inferred", "formula", "location", "standard_inferred")


def _key_value(value: object) -> object:
    return None if is_missing(value) else value


def facts(observations: pd.DataFrame, indicators: pd.DataFrame | None = None) -> pd.DataFrame:
    """Observations folded into facts: a range's two rows become one row with ``low``/``high``.

    Columns: the :data:`FACT_KEY` columns, ``unit``, ``qualifier`` (``range`` for a folded
    pair), ``low``, ``high``, ``value`` (the printed number, the low end of a range),
    ``observation_ids`` and ``excerpt``; with ``indicators``, also ``label`` (in the page's
    language), ``label_en``, ``component`` and ``subproject``. Order follows the first
    observation of each fact.
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
        row |= {col: obs[col] for col in EXTRA_COLUMNS if col in obs}
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
    extra = [c for c in EXTRA_COLUMNS if c in observations.columns]
    table = pd.DataFrame(rows, columns=[*columns, "number_as_printed", "excerpt", *extra])
    for col in ("value", "low", "high"):
        table[col] = table[col].astype(float)
    if indicators is not None:
        columns = ["indicator_id", "label_en", "component", "subproject"]
        labels = indicators[columns].copy()
        labels["label"] = indicator_labels(indicators)
        labels["indicator_id"] = labels["indicator_id"].astype(str)
        table["indicator_id"] = table["indicator_id"].astype(str)
        table = table.merge(labels, on="indicator_id", how="left")
    return table


def indicator_labels(indicators: pd.DataFrame) -> pd.Series:
    """Each indicator's label in the page's language (``label_en`` or ``label_vi``)."""
    column = "label_vi" if language() == "vi" else "label_en"
    return indicators[column].astype(str)


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
    """The facts of one geography (or several), labelled with their indicator.

    ``poverty_line`` is the line ``data/poverty_lines.csv`` gives the fact's source and year
    (a statistics-office series; printed or inferred), missing otherwise: charts use it to keep
    a series apart where its line changes, while tables show ``poverty_standard`` as recorded.
    """
    table = facts(observations_for(dataset, geography_id), dataset.indicators)
    table["poverty_line"] = poverty_lines_of(dataset, table["source_id"], table["period_end"])
    return table


def poverty_lines_of(dataset: Dataset, sources: pd.Series, years: pd.Series) -> pd.Series:
    """The poverty line of each (source, year) in ``data/poverty_lines.csv``, or ``<NA>``."""
    lines = (getattr(dataset, "other_tables", None) or {}).get("poverty_lines")
    spans: dict[str, list[tuple[int, int, str]]] = {}
    if lines is not None:
        for row in lines.itertuples(index=False):
            spans.setdefault(str(row.source_id), []).append(
                (int(row.period_start), int(row.period_end), str(row.poverty_line))
            )
    found = []
    for source, year in zip(sources.astype(str), years, strict=True):
        match = [
            line for start, end, line in spans.get(source, ())
            if not is_missing(year) and start <= int(year) <= end
        ]  # fmt: skip
        found.append(match[0] if match else pd.NA)
    return pd.Series(pd.array(found, dtype="string"), index=sources.index)


def display_decimals(value: object, unit: str) -> int | None:
    """Decimals a value is shown with: money at most one (``117.325`` → ``117.3``), else as stored.

    One decimal of a billion keeps "117.3 billion VND" from reading as a thousands separator;
    the evidence beside every figure shows the number exactly as printed.
    """
    if unit != "VND billion" or is_missing(value):
        return None
    return 0 if float(value).is_integer() else 1


def open_above(fact: pd.Series | dict) -> bool:
    """True for a range the source prints as open above: "từ 3,5%–4% trở lên" (3.5–4% or more)."""
    if fact.get("qualifier") != "range":
        return False
    excerpt = fact.get("excerpt")
    printed = fact.get("number_as_printed")
    if is_missing(excerpt) or is_missing(printed):
        return False
    high = str(printed).split("–")[-1]
    at = str(excerpt).find(high)
    return at >= 0 and str(excerpt)[at + len(high) : at + len(high) + 16].find("trở lên") >= 0


def fact_text(fact: pd.Series | dict, notation: str | None = None) -> str:
    """One fact's value as a reader sees it: ``"over 323 billion VND"``, ``"2–2.5 pp/year"``.

    Qualifiers stay as printed: "nearly", "over", "at least", "below", and a range printed as
    open above reads "3.5–4 pp/year or more". In the page's language unless ``notation`` says.
    """
    unit = fact["unit"]
    if fact["qualifier"] == "range":
        decimals = max(
            (d for d in (display_decimals(fact["low"], unit), display_decimals(fact["high"], unit))
             if d is not None),
            default=None,
        )  # fmt: skip
        text = format_quantity(
            fact["low"], unit, "range", fact["high"], decimals=decimals, notation=notation
        )
        return tr("{range} or more", range=text) if open_above(fact) else text
    decimals = display_decimals(fact["value"], unit)
    return format_quantity(
        fact["value"], unit, fact["qualifier"], decimals=decimals, notation=notation
    )


def is_total(facts_table: pd.DataFrame) -> pd.Series:
    """True for facts that are not a part of a breakdown (the rule of
    :func:`helpers.analysis.common.is_total`)."""
    from helpers.analysis.common import is_total as rule

    return rule(facts_table)


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
        return fact_text(match.iloc[0]) if len(match) else not_reported()

    parts["total_text"] = [total_of(row) for _, row in parts.iterrows()]
    return parts.reset_index(drop=True)


def breakdown_text(fact: pd.Series | dict) -> str:
    """The part a fact is of its total, in the page's language: ``"spending type: recurrent"``
    (empty for a total)."""
    split = fact.get("breakdown_by")
    if is_missing(split) or not str(split).strip():
        return ""
    return (
        f"{vlabel(BREAKDOWN_BY_LABELS, split)}: {vlabel(BREAKDOWN_LABELS, fact.get('breakdown'))}"
    )
