"""Where a province stands among all provinces: the statistics office's survey rates, ranked.

The statistics office's tables give one household-survey poor-household rate per province,
region and the nation for a year (``data/poverty_lines.csv`` says which poverty line each
year of each table uses). Within one table and year, every province with a rate is ranked:

- rank 1 is the **highest** poverty rate;
- ties share the best rank of the tie and the next rank is skipped (competition ranking,
  "1, 2, 2, 4"): two provinces printed at 24.2 are both 7th, the next is 9th; ``tied`` says
  which ranks are shared;
- ``n_ranked`` is the number of provinces with a rate that year (a ``..`` cell is no row and
  is not ranked: 64 provinces in 2006, Hà Tây included, 62 in 2016);
- ranks are only compared within one poverty line: ``line_break`` marks the first year of a
  table under a different line (or of a different table) than the year before.

Review counts (the ministry's annual rà soát) are another series and are not ranked here.
"""

from __future__ import annotations

import pandas as pd

from helpers.facts import Dataset

INDICATOR = "poor_household_rate"
METHOD = "household survey"
SOURCE_TYPE = "statistics office table"
TIE_METHOD = "min"  # pandas' name for competition ranking: ties share the best rank

RANK_COLUMNS = [
    "year",
    "source_id",
    "poverty_line",
    "line_basis",
    "line_break",
    "geography_id",
    "region_id",
    "value",
    "rank",
    "tied",
    "n_ranked",
    "region_value",
    "nation_value",
    "observation_id",
    "region_observation_id",
    "nation_observation_id",
]
BREAK_COLUMNS = [
    "year",
    "previous_year",
    "poverty_line",
    "previous_line",
    "line_basis",
    "source_id",
]


def _lines(dataset: Dataset) -> pd.DataFrame:
    lines = dataset.other_tables.get("poverty_lines")
    if lines is None:
        return pd.DataFrame(columns=["source_id", "period_start", "period_end", "poverty_line"])
    return lines


def survey_rates(dataset: Dataset) -> pd.DataFrame:
    """Every statistics-office survey rate (nation, regions, provinces) with its year's line.

    One row per observation: ``observation_id``, ``source_id``, ``year``, ``geography_id``,
    ``level``, ``region_id``, ``value``, ``poverty_line``, ``line_basis``.
    """
    obs = dataset.observations
    tables = set(
        dataset.sources.loc[dataset.sources["source_type"] == SOURCE_TYPE, "source_id"].astype(str)
    )
    rows = obs[
        (obs["indicator_id"].astype(str) == INDICATOR)
        & (obs["method"].astype(str) == METHOD)
        & obs["source_id"].astype(str).isin(tables)
        & obs["period_end"].notna()
    ]
    geos = dataset.geographies.set_index(dataset.geographies["geography_id"].astype(str))
    out = pd.DataFrame(
        {
            "observation_id": rows["observation_id"].astype(str).to_numpy(),
            "source_id": rows["source_id"].astype(str).to_numpy(),
            "year": rows["period_end"].astype(int).to_numpy(),
            "geography_id": rows["geography_id"].astype(str).to_numpy(),
            "value": rows["value"].astype(float).to_numpy(),
        }
    )
    out["level"] = out["geography_id"].map(geos["level"].astype(str))
    out["region_id"] = out["geography_id"].map(geos["region_id"]).astype("string")
    line, basis = _line_of_each(out, _lines(dataset))
    out["poverty_line"] = line
    out["line_basis"] = basis
    return out.sort_values(["year", "source_id", "observation_id"], kind="stable").reset_index(
        drop=True
    )


def _line_of_each(rates: pd.DataFrame, lines: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """The poverty line and its basis of each row of ``rates`` (``source_id``, ``year``): those
    of the first row of ``lines`` for the same source whose period holds the year, or missing.
    One merge, not a scan of ``lines`` per rate (that scan was most of a profile's ranks)."""
    keyed = rates[["source_id", "year"]].reset_index(names="_row")
    lines = lines.reset_index(drop=True).reset_index(names="_order")
    lines = lines.assign(source_id=lines["source_id"].astype(str))
    if "basis" not in lines:
        lines = lines.assign(basis=pd.NA)
    both = keyed.merge(lines, on="source_id", how="inner")
    both = both[(both["period_start"] <= both["year"]) & (both["period_end"] >= both["year"])]
    first = both.sort_values(["_row", "_order"]).drop_duplicates("_row").set_index("_row")
    first = first.reindex(range(len(rates)))
    found = first["_order"].notna()
    line = first["poverty_line"].astype(str).where(found, pd.NA)
    basis = first["basis"].astype(str).where(found, pd.NA)
    return (
        pd.array(line.tolist(), dtype="string"),
        pd.array(basis.tolist(), dtype="string"),
    )


def line_breaks(dataset: Dataset) -> pd.DataFrame:
    """The years where the survey series changes poverty line or table: one row per break.

    ``year`` is the first year under ``poverty_line`` (from ``source_id``), ``previous_year``
    the last year before it, under ``previous_line``; ``line_basis`` is that of the new line
    (``printed`` or ``inferred``).
    """
    rates = survey_rates(dataset)
    years = rates[["year", "source_id", "poverty_line", "line_basis"]].drop_duplicates()
    years = years.sort_values(["year", "source_id"]).reset_index(drop=True)
    rows = []
    for prev, cur in zip(years.iloc[:-1].itertuples(), years.iloc[1:].itertuples(), strict=True):
        if cur.year == prev.year:
            continue
        if cur.poverty_line != prev.poverty_line or cur.source_id != prev.source_id:
            rows.append(
                {
                    "year": int(cur.year),
                    "previous_year": int(prev.year),
                    "poverty_line": cur.poverty_line,
                    "previous_line": prev.poverty_line,
                    "line_basis": cur.line_basis,
                    "source_id": cur.source_id,
                }
            )
    return pd.DataFrame(rows, columns=BREAK_COLUMNS)


def survey_ranks(dataset: Dataset, year: int | None = None) -> pd.DataFrame:
    """Each province's survey rate and its rank among the provinces with a rate that year.

    One row per province, table and year (all years, or only ``year``), ordered by year and
    rank; see the module's docstring for the ranking and its ties. ``region_value`` and
    ``nation_value`` are the same table's rates for the province's region and the nation that
    year (missing when the table has none), with their observation ids.
    """
    rates = survey_rates(dataset)
    if year is not None:
        rates = rates[rates["year"] == int(year)]
    breaks = line_breaks(dataset)
    break_keys = set(zip(breaks["year"], breaks["source_id"], strict=True))
    frames = []
    for (yr, source), table in rates.groupby(["year", "source_id"], sort=True):
        provinces = table[table["level"] == "province"].copy()
        if provinces.empty:
            continue
        others = table[table["level"] != "province"].set_index("geography_id")
        provinces["rank"] = provinces["value"].rank(method=TIE_METHOD, ascending=False).astype(int)
        provinces["tied"] = provinces["rank"].duplicated(keep=False)
        provinces["n_ranked"] = len(provinces)
        provinces["region_value"] = provinces["region_id"].map(others["value"])
        provinces["region_observation_id"] = (
            provinces["region_id"].map(others["observation_id"]).astype("string")
        )
        nation = others.loc["vn"] if "vn" in others.index else None
        provinces["nation_value"] = float(nation["value"]) if nation is not None else float("nan")
        provinces["nation_observation_id"] = pd.array(
            [str(nation["observation_id"]) if nation is not None else pd.NA] * len(provinces),
            dtype="string",
        )
        provinces["line_break"] = (int(yr), str(source)) in break_keys
        frames.append(provinces)
    if not frames:
        return pd.DataFrame(columns=RANK_COLUMNS)
    out = pd.concat(frames, ignore_index=True)[RANK_COLUMNS]
    out = out.sort_values(["year", "source_id", "rank", "geography_id"], kind="stable")
    return out.reset_index(drop=True)


def province_ranks(dataset: Dataset, geography_id: str) -> pd.DataFrame:
    """One province's row of :func:`survey_ranks` for each year it has a rate, oldest first.

    Empty (with the same columns) for a geography the tables do not rank: a district, a
    region, the nation, or a province formed on 1 July 2025.
    """
    ranks = survey_ranks(dataset)
    mine = ranks[ranks["geography_id"] == str(geography_id)]
    return mine.sort_values(["year", "source_id"]).reset_index(drop=True)
