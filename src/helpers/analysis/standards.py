"""The two poverty standards: which figures use which, and the households implied by each
count and its rate."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from helpers.analysis.common import is_total, observations

COUNT_RATE_PAIRS = {
    "poor_households": "poor_household_rate",
    "near_poor_households": "near_poor_household_rate",
}
PAIR_KEY = ["geography_id", "period_start", "period_end", "kind", "poverty_standard", "source_id"]
COLUMNS = [
    "geography_id", "count_indicator_id", "rate_indicator_id", "period_start", "period_end",
    "kind", "poverty_standard", "source_id", "households", "rate_percent", "rate_decimals",
    "implied_total", "implied_low", "implied_high", "observation_ids",
]  # fmt: skip


def printed_decimals(printed: object, value: float) -> int:
    """Decimals of a number as printed in Vietnamese notation (``17,02`` has two); for a
    derived figure (nothing printed), those of its stored value."""
    text = "" if printed is None or pd.isna(printed) else str(printed).strip()
    if "," in text:
        return len(text.rsplit(",", 1)[1].rstrip("%").strip())
    if text:
        return 0
    return max(0, len(repr(float(value)).split(".")[1].rstrip("0")))


def implied_households(dataset, geography_ids: Iterable[str] | None = None) -> pd.DataFrame:
    """All households implied by each count and rate pair: ``count ÷ (rate / 100)``.

    A pair is a count and a rate of the same geography, period, kind, standard and source, both
    exact totals. The rate is printed rounded, so ``implied_low``/``implied_high`` are the
    totals at rate ± half a unit of its last printed decimal. Columns: :data:`COLUMNS`
    (``observation_ids``: the count's and the rate's).
    """
    obs = observations(dataset, geography_ids)
    obs = obs[is_total(obs) & (obs["qualifier"] == "exact")]
    rows = []
    for count_id, rate_id in COUNT_RATE_PAIRS.items():
        counts = obs[obs["indicator_id"] == count_id]
        rates = obs[obs["indicator_id"] == rate_id]
        for r in counts.merge(rates, on=PAIR_KEY, suffixes=("_c", "_r")).to_dict("records"):
            count, rate = float(r["value_c"]), float(r["value_r"])
            decimals = printed_decimals(r["number_as_printed_r"], rate)
            half = 0.5 * 10.0**-decimals
            rows.append(
                {
                    **{k: r[k] for k in PAIR_KEY},
                    "count_indicator_id": count_id,
                    "rate_indicator_id": rate_id,
                    "households": count,
                    "rate_percent": rate,
                    "rate_decimals": decimals,
                    "implied_total": count / (rate / 100) if rate > 0 else float("nan"),
                    "implied_low": count / ((rate + half) / 100),
                    "implied_high": count / ((rate - half) / 100) if rate > half
                    else float("nan"),
                    "observation_ids": (str(r["observation_id_c"]), str(r["observation_id_r"])),
                }
            )  # fmt: skip
    out = pd.DataFrame(rows, columns=COLUMNS)
    for column in ("period_start", "period_end"):
        out[column] = out[column].astype("Int64")
    return out


def office_table_sources(dataset) -> set[str]:
    """The ids of the statistics office's tables (a rate for every province and region)."""
    sources = dataset.sources
    kinds = sources.get("source_type", pd.Series("", index=sources.index)).astype(str)
    return set(sources.loc[kinds == "statistics office table", "source_id"].astype(str))


def standards_in_use(dataset, geography_ids=None) -> pd.DataFrame:
    """Observations of standard-dependent indicators per geography and poverty standard.

    Columns: ``geography_id``, ``poverty_standard``, ``standard_inferred`` (the standard
    inferred from the period, counted apart from one the source names), ``n_observations``
    (only combinations with one). ``geography_ids`` default: the geographies with a figure
    from a source other than the statistics office's tables, whose rates of every province
    and region are read among all provinces (:mod:`helpers.analysis.ranks`).
    """
    dependent = dataset.indicators.loc[
        dataset.indicators["standard_dependent"].astype(bool), "indicator_id"
    ].astype(str)
    obs = observations(dataset)
    if geography_ids is None:
        outside = ~obs["source_id"].isin(office_table_sources(dataset))
        geography_ids = set(obs.loc[outside, "geography_id"])
    obs = obs[obs["indicator_id"].isin(set(dependent))]
    obs = obs[obs["geography_id"].isin({str(g) for g in geography_ids})]
    inferred = obs.get("standard_inferred", pd.Series(False, index=obs.index))
    obs = obs.assign(standard_inferred=inferred.fillna(False).astype(bool))
    return (
        obs.groupby(["geography_id", "poverty_standard", "standard_inferred"], sort=True)
        .size()
        .rename("n_observations")
        .reset_index()
    )
