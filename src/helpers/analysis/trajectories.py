"""Poverty rates over time: one line per geography, indicator, standard and method, and its pace.

A *series* is every result of one geography and indicator under one standard (as in force, see
:func:`helpers.analysis.common.standard_in_force`) and one method. A *pace* takes both its
endpoints from one series, and only year-end results: a figure reported "to date" or for a day
inside a year is kept in :func:`rates` with its date, never used as a year's end.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from helpers.analysis.common import (
    as_of,
    is_total,
    observations,
    publication_dates,
    standard_in_force,
)
from helpers.facts import poverty_lines_of

RATE = "poor_household_rate"
# Poverty lines before the 2016–2020 standard (data/poverty_lines.csv): the statistics office's
# 2006–2016 series, read among all provinces (helpers.analysis.ranks), not in the programme's
# series unless asked for.
EARLIER_LINES = ("2006-2010", "2011-2015")

RATE_COLUMNS = [
    "observation_id", "geography_id", "indicator_id", "poverty_standard", "standard_in_force",
    "standard_inferred", "method", "series_id", "year", "date", "as_of", "value", "qualifier",
    "kind", "source_id", "published", "period_inferred", "poverty_line",
]  # fmt: skip


def rates(
    dataset,
    geography_ids: Iterable[str] | None = None,
    indicator_id: str = RATE,
    earlier_lines: bool = False,
) -> pd.DataFrame:
    """One row per observation of a rate (a total, not a part), results and targets alike.

    Columns: ``observation_id``, ``geography_id``, ``indicator_id``, ``poverty_standard`` (as
    recorded), ``standard_in_force`` (the series' standard), ``standard_inferred`` (True where
    the two differ or the data mark the standard inferred), ``method``, ``series_id``
    (``geography|indicator|standard in force|method``, and for a standard not stated the
    stretch of years of one standard, :func:`unnamed_era`), ``year`` (Int64, the year the figure is
    for), ``date`` (the printed date, or for a ``to_date`` figure its source's publication
    date), ``as_of`` (``year_end``, ``to_date`` or ``mid_year``; targets ``year_end``),
    ``value``, ``qualifier``, ``kind``, ``source_id``, ``published`` (the source's date, or
    its year's first day), ``period_inferred``, ``poverty_line`` (the line
    ``data/poverty_lines.csv`` gives a statistics-office series in that year, or ``<NA>``: a
    series whose source names no standard takes it as its standard in force, so that it is
    never joined across a change of line). Rates under the lines before 2016
    (:data:`EARLIER_LINES`) are left out unless ``earlier_lines``. Sorted by series, year and
    observation id.
    """
    obs = observations(dataset, geography_ids)
    obs = obs[(obs["indicator_id"] == indicator_id) & is_total(obs)]
    obs = obs.assign(poverty_line=poverty_lines_of(dataset, obs["source_id"], obs["period_end"]))
    published = publication_dates(dataset)
    roughly = publication_dates(dataset, to_the_month=False)
    rows = []
    for r in obs.itertuples():
        in_force = standard_in_force(r.poverty_standard, r.period_end)
        if r.poverty_standard == "not stated" and not pd.isna(r.poverty_line):
            in_force = str(r.poverty_line)
        if in_force in EARLIER_LINES and not earlier_lines:
            continue
        method = "" if pd.isna(r.method) else str(r.method)
        code, date = "year_end", r.date
        if r.kind == "actual":
            code, date = as_of(r.period_end, r.date, published.get(r.source_id))
        inferred = in_force != r.poverty_standard or bool(getattr(r, "standard_inferred", False))
        rows.append(
            {
                "observation_id": str(r.observation_id),
                "geography_id": r.geography_id,
                "indicator_id": r.indicator_id,
                "poverty_standard": r.poverty_standard,
                "standard_in_force": in_force,
                "standard_inferred": inferred,
                "method": method,
                "series_id": f"{r.geography_id}|{r.indicator_id}|{in_force}|{method}"
                + unnamed_era(in_force, r.period_end),
                "year": r.period_end,
                "date": date,
                "as_of": code,
                "value": float(r.value),
                "qualifier": r.qualifier,
                "kind": r.kind,
                "source_id": r.source_id,
                "published": roughly.get(r.source_id, pd.NaT),
                "period_inferred": bool(r.period_inferred),
                "poverty_line": r.poverty_line,
            }
        )
    table = pd.DataFrame(rows, columns=RATE_COLUMNS)
    table["year"] = table["year"].astype("Int64")
    table["date"] = pd.to_datetime(table["date"])
    table["published"] = pd.to_datetime(table["published"])
    return table.sort_values(["series_id", "year", "observation_id"], ignore_index=True)


def unnamed_era(standard_in_force: str, year: object) -> str:
    """For a figure under no named standard, the stretch of years in which one standard was in
    force (``"|2016-2020"``), or 2021 alone, when both were reported (``"|2021"``); ``""``
    otherwise. A series of such figures never joins two stretches: a pace from 2016 to 2021
    would set a figure of one standard against one of either."""
    if standard_in_force != "not stated" or pd.isna(year):
        return ""
    year = int(year)
    if year <= 2015:
        return "|before-2016"
    return "|2016-2020" if year <= 2020 else f"|{year}"


def year_end_results(table: pd.DataFrame) -> pd.DataFrame:
    """The rows of :func:`rates` that can be a series' endpoint: exact year-end results."""
    keep = (table["kind"] == "actual") & (table["as_of"] == "year_end")
    keep &= (table["qualifier"] == "exact") & table["year"].notna()
    return table[keep]


def endpoints(series: pd.DataFrame, start: int, end: int) -> tuple[pd.Series, pd.Series] | None:
    """The two figures a pace from ``start`` to ``end`` takes, both from one series.

    Where a year has figures from several sources, a source that prints both years gives both
    ends; otherwise each end is a figure whose source names its standard before one whose
    standard is inferred from the period, then the figure first published for its year (the
    review as first reported), the observation id breaking ties. Nothing is averaged.
    """
    first = series[series["year"] == start]
    last = series[series["year"] == end]
    if first.empty or last.empty:
        return None
    both = sorted(set(first["source_id"]) & set(last["source_id"]))
    if both:
        first, last = first[first["source_id"] == both[0]], last[last["source_id"] == both[0]]

    def pick(rows: pd.DataFrame) -> pd.Series:
        order = rows.assign(_p=rows["published"].fillna(pd.Timestamp.max),
                            _i=rows["standard_inferred"].astype(bool))  # fmt: skip
        return order.sort_values(["_i", "_p", "observation_id"]).iloc[0]

    return pick(first), pick(last)


PACE_COLUMNS = [
    "series_id", "geography_id", "indicator_id", "poverty_standard", "standard_inferred", "method",
    "start_year", "end_year", "start_value", "end_value", "change_pp", "pace_pp_per_year",
    "observation_ids", "other_observation_ids", "formula",
]  # fmt: skip


def pace_row(series: pd.DataFrame, start: int, end: int) -> dict | None:
    """A pace between two years of one series (:func:`endpoints`), or ``None``."""
    ends = endpoints(series, start, end)
    if ends is None or end <= start:
        return None
    a, b = ends
    change = float(b["value"]) - float(a["value"])
    used = (str(a["observation_id"]), str(b["observation_id"]))
    same_years = series[series["year"].isin([start, end])]
    others = tuple(i for i in same_years["observation_id"] if i not in used)
    return {
        "series_id": a["series_id"],
        "geography_id": a["geography_id"],
        "indicator_id": a["indicator_id"],
        "poverty_standard": a["standard_in_force"],
        "standard_inferred": bool(a["standard_inferred"] or b["standard_inferred"]),
        "method": a["method"],
        "start_year": start,
        "end_year": end,
        "start_value": float(a["value"]),
        "end_value": float(b["value"]),
        "change_pp": round(change, 10),
        "pace_pp_per_year": round(change / (end - start), 10),
        "observation_ids": used,
        "other_observation_ids": others,
        "formula": f"({{{used[1]}}} - {{{used[0]}}}) / ({end} - {start})",
    }


def paces(
    dataset, geography_ids: Iterable[str] | None = None, indicator_id: str = RATE
) -> pd.DataFrame:
    """One row per series with year-end results in two or more years: its first to its last.

    Columns: ``series_id``, ``geography_id``, ``indicator_id``, ``poverty_standard`` (in
    force), ``standard_inferred``, ``method``, ``start_year``, ``end_year``, ``start_value``,
    ``end_value``, ``change_pp`` (end − start: negative for a fall), ``pace_pp_per_year``
    (change ÷ years), ``observation_ids`` (the two endpoints, one series), ``other_observation_ids``
    (other sources' figures for those years, not used) and ``formula``.
    """
    table = year_end_results(rates(dataset, geography_ids, indicator_id))
    rows = []
    for _, series in table.groupby("series_id", sort=True):
        years = sorted(int(y) for y in series["year"].unique())
        if len(years) >= 2:
            rows.append(pace_row(series, years[0], years[-1]))
    out = pd.DataFrame(rows, columns=PACE_COLUMNS)
    for column in ("start_year", "end_year"):
        out[column] = out[column].astype("Int64")
    return out


def pace_between(
    dataset, geography_id: str, start: int, end: int, standard: str, method: str
) -> dict | None:
    """The pace of one geography's rate series between two years, or ``None`` where the series
    (that standard in force and method) lacks a year-end result for either year."""
    table = year_end_results(rates(dataset, [geography_id]))
    series = table[(table["standard_in_force"] == standard) & (table["method"] == method)]
    return pace_row(series, start, end)
