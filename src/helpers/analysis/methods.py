"""What a page's figures rest on: the poverty standards, methods and tiers of evidence behind them.

:func:`methods` counts, over a set of observations, each poverty standard (with how many were
inferred from the period rather than named by the source), each method of measuring poverty and
each tier of evidence. :func:`page_observations` gives the observations a page is about: those
of its geographies and their districts, and the nation's rates it shows beside them. The methods
box on every page (:mod:`helpers.methods_box`) words this table.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from helpers.analysis.common import observations
from helpers.provenance import tier

COLUMNS = ["aspect", "code", "n_observations", "n_inferred"]
ASPECTS = ("standard", "method", "evidence")
# Poverty standards in the order a page lists them (the current one first).
STANDARD_ORDER = ("2021-2025", "2016-2020", "not stated")
METHOD_ORDER = ("administrative review", "household survey")
EVIDENCE_ORDER = ("verified", "unchecked", "cited", "derived")


def page_observations(dataset, geography_ids: Iterable[str], nation: bool = True) -> pd.DataFrame:
    """Observations of ``geography_ids`` and of their districts, and (``nation``) the nation's
    poor-household rates that the pages set beside them."""
    ids = {str(g) for g in geography_ids}
    geos = dataset.geographies
    ids |= set(geos.loc[geos["parent_id"].astype(str).isin(ids), "geography_id"].astype(str))
    obs = observations(dataset)
    mine = obs["geography_id"].isin(ids)
    if nation:
        from helpers.analysis import trajectories

        national = set(trajectories.rates(dataset, ["vn"])["observation_id"].astype(str))
        mine |= obs["observation_id"].isin(national)
    return obs[mine].reset_index(drop=True)


def methods(dataset, obs: pd.DataFrame) -> pd.DataFrame:
    """One row per (aspect, code) among ``obs``: ``aspect`` is ``standard`` (poverty standards of
    the standard-dependent figures), ``method`` (how a poverty figure was measured) or
    ``evidence`` (``verified``, ``unchecked``, ``cited`` or ``derived``); ``n_observations``
    counts the figures, ``n_inferred`` those whose standard was inferred (standards only, 0
    otherwise). Codes as in ``data/``; aspects and codes in a fixed order."""
    dependent = set(
        dataset.indicators.loc[
            dataset.indicators["standard_dependent"].astype(bool), "indicator_id"
        ].astype(str)
    )
    rows: list[dict] = []
    poverty = obs[obs["indicator_id"].astype(str).isin(dependent)]
    inferred = poverty.get("standard_inferred", pd.Series(False, index=poverty.index))
    inferred = inferred.fillna(False).astype(bool)
    for code in STANDARD_ORDER:
        which = poverty["poverty_standard"].astype(str) == code
        if which.any():
            rows.append(
                {"aspect": "standard", "code": code, "n_observations": int(which.sum()),
                 "n_inferred": int((which & inferred).sum())}
            )  # fmt: skip
    methods_ = poverty["method"].astype("string")
    for code in METHOD_ORDER:
        n = int((methods_ == code).sum())
        if n:
            rows.append({"aspect": "method", "code": code, "n_observations": n, "n_inferred": 0})
    formula = obs.get("formula", pd.Series(pd.NA, index=obs.index)).astype("string")
    derived = formula.notna() & (formula.str.strip() != "")
    sources = obs["source_id"].astype(str)
    of_source = {source: tier(dataset, source) for source in sources.unique()}
    tiers = pd.Series([of_source[s] for s in sources], index=obs.index, dtype=object)
    tiers[derived] = "derived"
    for code in EVIDENCE_ORDER:
        n = int((tiers == code).sum())
        if n:
            rows.append({"aspect": "evidence", "code": code, "n_observations": n, "n_inferred": 0})
    return pd.DataFrame(rows, columns=COLUMNS)
