"""The two national poverty standards of the period, and the households implied by each count.

The curated dataset records which standard each figure uses but not the standards themselves,
so their definitions are kept here, transcribed from the legal texts named in ``legal_basis``
(Decision 59/2015/QĐ-TTg of 19 November 2015; Decree 07/2021/NĐ-CP of 27 January 2021).
Income lines are in VND per person per month.

The definitions are written in English here; each text is a message with its Vietnamese in
:mod:`helpers.catalogue.standards` (worded after the legal texts), so the tables come out in the
page's language. Tables keep English column names (the keys code and tests use); the page
(:mod:`helpers.standards_page`) translates them when it shows them.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from helpers.facts import Dataset, facts_for, select
from helpers.format import (
    format_number,
    format_period,
    format_quantity,
    format_standard,
    not_reported,
)
from helpers.geo import geography_name
from helpers.i18n import tr

STANDARDS: dict[str, dict[str, object]] = {
    "2016-2020": {
        "legal_basis": "Decision 59/2015/QĐ-TTg (multidimensional poverty standard 2016–2020)",
        "income_poverty_line": {"rural": 700_000, "urban": 900_000},
        "income_near_poor_line": {"rural": 1_000_000, "urban": 1_300_000},
        "dimensions": [
            "health",
            "education",
            "housing",
            "domestic water and sanitation",
            "access to information",
        ],
        "n_indicators": 10,
        "deprivation_threshold": 3,
        "poor_rule": (
            "income at or below the poverty line; or income above the poverty line but at or "
            "below the near-poor line and deprived in at least {threshold} of {n} indicators"
        ),
        "near_poor_rule": (
            "income above the poverty line but at or below the near-poor line and deprived in "
            "fewer than {threshold} of {n} indicators"
        ),
    },
    "2021-2025": {
        "legal_basis": "Decree 07/2021/NĐ-CP (multidimensional poverty standard 2021–2025)",
        "income_poverty_line": {"rural": 1_500_000, "urban": 2_000_000},
        "income_near_poor_line": {"rural": 1_500_000, "urban": 2_000_000},
        "dimensions": [
            "employment",
            "health",
            "education",
            "housing",
            "domestic water and sanitation",
            "information",
        ],
        "n_indicators": 12,
        "deprivation_threshold": 3,
        "poor_rule": (
            "income at or below the poverty line and deprived in at least {threshold} of {n} "
            "indicators of basic social services"
        ),
        "near_poor_rule": (
            "income at or below the poverty line and deprived in fewer than {threshold} of {n} "
            "indicators of basic social services"
        ),
    },
}


CRITERIA = (
    "legal basis",
    "poverty line",
    "near-poor line",
    "deprivation dimensions",
    "deprivation indicators",
    "poor household",
    "near-poor household",
)


def _income_lines(line: dict) -> str:
    return tr(
        "{rural} rural; {urban} urban (VND per person per month)",
        rural=format_number(line["rural"]),
        urban=format_number(line["urban"]),
    )


def standards_table() -> pd.DataFrame:
    """The two standards side by side: legal basis, income lines, dimensions and the rules.

    One row per criterion (:data:`CRITERIA`, in the ``criterion`` column), one column per
    standard; every cell and criterion in the page's language.
    """
    columns = {}
    for name, spec in STANDARDS.items():
        poverty, near = spec["income_poverty_line"], spec["income_near_poor_line"]
        n, threshold = spec["n_indicators"], spec["deprivation_threshold"]
        dimensions = ", ".join(tr(d) for d in spec["dimensions"])
        columns[format_standard(name)] = [
            tr(spec["legal_basis"]),
            _income_lines(poverty),
            _income_lines(near) if near != poverty else tr("the same as the poverty line"),
            f"{len(spec['dimensions'])}: {dimensions}",
            str(n),
            tr(spec["poor_rule"], threshold=threshold, n=n),
            tr(spec["near_poor_rule"], threshold=threshold, n=n),
        ]
    return pd.DataFrame({"criterion": [tr(c) for c in CRITERIA], **columns})


COUNT_RATE_PAIRS = {
    "poor_households": "poor_household_rate",
    "near_poor_households": "near_poor_household_rate",
}


def implied_households(dataset: Dataset, geography_ids: list[str] | None = None) -> pd.DataFrame:
    """All households implied by each (count, rate) pair: ``count ÷ (rate / 100)``.

    A pair is a count and a rate of the same geography, period, kind, standard and source, both
    exact totals. The rate is printed to a few decimals, so the implied total is given as the
    range the rounding allows (rate ± half a unit of its last printed decimal). ``indicator``
    names the count (poor or near-poor households); ``observation_ids`` are the pair's rows.
    """
    if geography_ids is None:
        geography_ids = list(dataset.observations["geography_id"].astype(str).unique())
    table = select(
        facts_for(dataset, geography_ids),
        indicators=[*COUNT_RATE_PAIRS, *COUNT_RATE_PAIRS.values()],
        totals_only=True,
    )
    table = table[table["qualifier"] == "exact"]
    key = ["geography_id", "period_start", "period_end", "kind", "poverty_standard", "source_id"]
    rows = []
    for count_id, rate_id in COUNT_RATE_PAIRS.items():
        counts = table[table["indicator_id"] == count_id]
        rates = table[table["indicator_id"] == rate_id]
        merged = counts.merge(rates, on=key, suffixes=("_count", "_rate"))
        for _, row in merged.iterrows():
            count, rate = row["value_count"], row["value_rate"]
            half_step = 0.5 * 10.0 ** -_printed_decimals(row["number_as_printed_rate"], rate)
            rows.append(
                {
                    "geography": geography_name(dataset, row["geography_id"]),
                    "indicator": row["label_count"],
                    "period": format_period(row["period_start"], row["period_end"]),
                    "standard": format_standard(
                        row["poverty_standard"], row.get("standard_inferred_rate")
                    ),
                    "households counted": format_quantity(count, "households"),
                    "rate": format_quantity(rate, "percent"),
                    "implied households in total": format_quantity(
                        count / (rate / 100), "households", decimals=0
                    )
                    if rate > 0
                    else not_reported(),
                    "range allowed by rounding": format_quantity(
                        count / ((rate + half_step) / 100),
                        "households",
                        "range",
                        count / ((rate - half_step) / 100),
                        decimals=0,
                    )
                    if rate > half_step
                    else not_reported(),
                    "implied_total": count / (rate / 100) if rate > 0 else float("nan"),
                    "source_id": row["source_id"],
                    "geography_id": str(row["geography_id"]),
                    "observation_ids": f"{row['observation_ids_count']};"
                    f"{row['observation_ids_rate']}",
                }
            )
    return pd.DataFrame(rows, columns=IMPLIED_COLUMNS)


# The columns of implied_households: those a reader sees, then the numbers and ids behind them.
IMPLIED_DISPLAY = [
    "geography",
    "indicator",
    "period",
    "standard",
    "households counted",
    "rate",
    "implied households in total",
    "range allowed by rounding",
]
IMPLIED_COLUMNS = [
    *IMPLIED_DISPLAY,
    "implied_total",
    "source_id",
    "geography_id",
    "observation_ids",
]


def _printed_decimals(printed: object, value: float) -> int:
    """Decimals of a number as printed (Vietnamese notation: ``17,02`` has two)."""
    text = "" if printed is None or pd.isna(printed) else str(printed).strip()
    if "," in text:
        return len(text.rsplit(",", 1)[1].rstrip("%").strip())
    if text:
        return 0
    return max(0, len(repr(float(value)).split(".")[1].rstrip("0")))


def standards_in_use(dataset: Dataset, geography_ids: Iterable[str] | None = None) -> pd.DataFrame:
    """Number of observations per geography and poverty standard (only standard-dependent ones);
    a standard inferred from the period is counted apart from the same standard named.

    ``geography_ids`` default: the geographies with a figure from a source other than the
    statistics office's tables (whose rates of every province and region are read among all
    provinces, :mod:`helpers.analysis.ranks`, not here).
    """
    if geography_ids is None:
        sources = dataset.sources
        kinds = sources.get("source_type", pd.Series("", index=sources.index)).astype(str)
        office = set(sources.loc[kinds == "statistics office table", "source_id"].astype(str))
        obs = dataset.observations
        geography_ids = set(obs.loc[~obs["source_id"].astype(str).isin(office), "geography_id"]
                            .astype(str))  # fmt: skip
    wanted = {str(g) for g in geography_ids}
    obs = dataset.observations
    obs = obs[obs["geography_id"].astype(str).isin(wanted)]
    obs = obs.merge(
        dataset.indicators[["indicator_id", "standard_dependent"]].astype({"indicator_id": str}),
        left_on=obs["indicator_id"].astype(str),
        right_on="indicator_id",
        how="left",
        suffixes=("", "_ind"),
    )
    obs = obs[obs["standard_dependent"].astype(bool)]
    table = pd.crosstab(
        obs["geography_id"].astype(str).map(lambda g: geography_name(dataset, g)),
        obs.apply(format_standard, axis=1).rename("standard"),  # "(inferred)" apart
    )
    table.index.name = "geography"
    table.columns.name = None
    return table.reset_index()


def count_rate_facts(dataset: Dataset, geography_id: str) -> pd.DataFrame:
    """Poor and near-poor rates of one geography with every standard, for the break chart."""
    return select(
        facts_for(dataset, geography_id),
        indicators=list(COUNT_RATE_PAIRS.values()),
        totals_only=True,
    )
