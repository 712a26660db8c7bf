"""What the data cover: which indicators each geography reports, and which observations the
reports show with their evidence.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from helpers.analysis.common import observations

# From least to most reported.
LEVELS = ("not_reported", "target_only", "result_only", "result_and_target")
TARGET_KINDS = ("target", "plan")


def coverage(dataset, geography_ids: Iterable[str]) -> pd.DataFrame:
    """One row per geography and indicator (every indicator of the indicators table).

    Columns: ``geography_id``, ``indicator_id``, ``component``, ``level`` (:data:`LEVELS`: a
    result is an ``actual`` or ``estimate`` figure, a target a ``target`` or ``plan``),
    ``n_observations``, ``n_results``, ``n_targets``.
    """
    ids = list(geography_ids)
    obs = observations(dataset, ids)
    obs["is_target"] = obs["kind"].isin(TARGET_KINDS)
    counts = obs.groupby(["geography_id", "indicator_id"]).agg(
        n_observations=("observation_id", "size"), n_targets=("is_target", "sum")
    )
    indicators = dataset.indicators[["indicator_id", "component"]].astype(str)
    rows = []
    for gid in ids:
        for ind in indicators.itertuples():
            n, targets = (
                counts.loc[(gid, ind.indicator_id)]
                if (gid, ind.indicator_id) in counts.index
                else (0, 0)
            )
            results = int(n) - int(targets)
            level = LEVELS[2 * (results > 0) + (int(targets) > 0)]
            rows.append(
                {
                    "geography_id": gid,
                    "indicator_id": ind.indicator_id,
                    "component": ind.component,
                    "level": level,
                    "n_observations": int(n),
                    "n_results": results,
                    "n_targets": int(targets),
                }
            )
    return pd.DataFrame(rows)


def coverage_counts(table: pd.DataFrame) -> pd.DataFrame:
    """Per geography and level: how many indicators (columns ``geography_id``, ``level``,
    ``n_indicators``; every level listed, 0 where none)."""
    grid = pd.MultiIndex.from_product(
        [list(dict.fromkeys(table["geography_id"])), LEVELS], names=["geography_id", "level"]
    )
    counts = table.groupby(["geography_id", "level"]).size().reindex(grid, fill_value=0)
    return counts.rename("n_indicators").reset_index()


def evidence_places(dataset, profiled: Iterable[str] | None = None) -> pd.DataFrame:
    """Where each observation is shown with its evidence, by the reports' rule.

    A profile shows every figure of its geography with its evidence; the default reports
    profile the focus provinces (``profiled``, default :data:`helpers.config.FOCUS_PROVINCES`).
    Columns: ``observation_id``, ``geography_id``, ``level`` (the geography's), ``shown``
    (bool), ``why_not`` (``""`` or a code: ``statistics_office_table`` (a rate of the
    statistics office's tables of every province and region, read among all provinces by
    :mod:`helpers.analysis.ranks`), ``nation``, ``region``, ``district``, ``merged_province``
    (a unit formed on 1 July 2025), ``other_province``).
    """
    if profiled is None:
        from helpers.config import FOCUS_PROVINCES

        profiled = FOCUS_PROVINCES
    profiled = set(profiled)
    from helpers.analysis.standards import office_table_sources

    office = office_table_sources(dataset)
    geos = dataset.geographies.set_index(dataset.geographies["geography_id"].astype(str))
    obs = observations(dataset)
    rows = []
    for r in obs.itertuples():
        geo = geos.loc[r.geography_id]
        level = str(geo["level"])
        shown = r.geography_id in profiled
        why = ""
        if not shown:
            since = geo.get("valid_from")
            merged = level == "province" and not pd.isna(since) and since.year == 2025
            levels = {"nation": "nation", "region": "region", "district": "district"}
            why = (
                "statistics_office_table"
                if r.source_id in office
                else "merged_province"
                if merged
                else levels.get(level, "other_province")
            )
        rows.append(
            {
                "observation_id": str(r.observation_id),
                "geography_id": r.geography_id,
                "level": level,
                "shown": shown,
                "why_not": why,
            }
        )
    return pd.DataFrame(rows)


def unshown(dataset, profiled: Iterable[str] | None = None) -> pd.DataFrame:
    """The rows of :func:`evidence_places` that no default report shows with their evidence."""
    places = evidence_places(dataset, profiled)
    return places[~places["shown"]].reset_index(drop=True)
