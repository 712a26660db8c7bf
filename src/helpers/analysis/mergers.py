"""The provinces merged on 1 July 2025: which figures of their members can be set side by side."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from helpers.analysis.common import ids, is_total, observations, standards_agree
from helpers.analysis.standards import office_table_sources
from helpers.facts import facts

RESULT_KINDS = ("actual", "estimate")
REASONS = ("different_kind", "different_period", "period_not_printed", "different_standard",
           "different_method")  # fmt: skip


def mismatches(a: dict, b: dict) -> tuple[str, ...]:
    """Why two figures of one indicator are not like with like (:data:`REASONS`), or ``()``.

    Like with like: both results or both targets/plans, the same period (printed), the same
    poverty standard (as in force) and the same method.
    """
    out = []
    if (str(a["kind"]) in RESULT_KINDS) != (str(b["kind"]) in RESULT_KINDS) or (
        str(a["kind"]) != str(b["kind"]) and str(a["kind"]) in RESULT_KINDS
    ):
        out.append("different_kind")
    period_a = (a["period_start"], a["period_end"])
    period_b = (b["period_start"], b["period_end"])
    if all(pd.isna(v) for v in period_a) or all(pd.isna(v) for v in period_b):
        out.append("period_not_printed")
    elif tuple(map(str, period_a)) != tuple(map(str, period_b)):
        out.append("different_period")
    year = a["period_end"] if not pd.isna(a["period_end"]) else b["period_end"]
    if not standards_agree(a["poverty_standard"], b["poverty_standard"], year):
        out.append("different_standard")
    ma, mb = a.get("method"), b.get("method")
    if not pd.isna(ma) and not pd.isna(mb) and str(ma) != str(mb):
        out.append("different_method")
    return tuple(out)


def successors_of(dataset, geography_ids: Iterable[str]) -> list[str]:
    """The ``province_after_2025`` of each of ``geography_ids``: the merged groups they are in."""
    geos = dataset.geographies
    after = geos.set_index(geos["geography_id"].astype(str))["province_after_2025"]
    return sorted({str(after[g]) for g in geography_ids if g in after.index and pd.notna(after[g])})


def merger_pairs(dataset, successor_ids: Iterable[str] | None = None) -> pd.DataFrame:
    """Every pair of figures (totals) of one indicator, one per member of a merged province.

    ``successor_ids`` (ids of ``province_after_2025``, e.g. from :func:`successors_of`) limits
    the groups; default: every merged province. A rate of a statistics-office table (one row per
    province and year, a series) is paired only with figures of its own year: its other years
    are not figures to set side by side.

    Columns: ``successor_id`` (the province after 1 July 2025, by the id of the member whose
    name it kept), ``first_id``, ``former_id`` (the other member), ``indicator_id``,
    ``first_observation_ids``, ``second_observation_ids``, ``observation_ids`` (both),
    ``period`` (the first figure's ``start–end``), ``comparable`` (bool), ``reason`` (the first
    of ``reasons``, or ``""``), ``reasons``. Nothing is added up.
    """
    geos = dataset.geographies
    provinces = geos[geos["level"].astype(str) == "province"]
    # the provinces as they were before 1 July 2025 (the merged units report as themselves)
    missing = pd.Series(pd.NaT, index=provinces.index)
    before = (
        provinces.get("valid_to", missing).notna() | provinces.get("valid_from", missing).isna()
    )
    provinces = provinces[before]
    wanted = None if successor_ids is None else {str(s) for s in successor_ids}
    office = office_table_sources(dataset)
    obs = observations(dataset)
    table = facts(obs[is_total(obs)])
    rows = []
    for successor, members in provinces.groupby("province_after_2025", sort=True):
        member_ids = [str(m) for m in members["geography_id"]]
        if len(member_ids) < 2 or (wanted is not None and str(successor) not in wanted):
            continue
        # the member whose name the merged province kept comes first
        member_ids.sort(key=lambda m: (m != str(successor), m))
        first, *others = member_ids
        mine = table[table["geography_id"] == first]
        for other in others:
            theirs = table[table["geography_id"] == other]
            for indicator in sorted(set(mine["indicator_id"]) & set(theirs["indicator_id"])):
                for a in mine[mine["indicator_id"] == indicator].to_dict("records"):
                    for b in theirs[theirs["indicator_id"] == indicator].to_dict("records"):
                        if a["period_end"] != b["period_end"] and (
                            {str(a["source_id"]), str(b["source_id"])} & office
                        ):
                            continue
                        why = mismatches(a, b)
                        rows.append(
                            {
                                "successor_id": str(successor),
                                "first_id": first,
                                "former_id": other,
                                "indicator_id": indicator,
                                "first_observation_ids": ids(a["observation_ids"]),
                                "second_observation_ids": ids(b["observation_ids"]),
                                "observation_ids": ids(a["observation_ids"], b["observation_ids"]),
                                "period": f"{a['period_start']}–{a['period_end']}",
                                "comparable": not why,
                                "reason": why[0] if why else "",
                                "reasons": why,
                            }
                        )
    columns = ["successor_id", "first_id", "former_id", "indicator_id", "first_observation_ids",
               "second_observation_ids", "observation_ids", "period", "comparable", "reason",
               "reasons"]  # fmt: skip
    return pd.DataFrame(rows, columns=columns)


def merged_units(dataset) -> pd.DataFrame:
    """The provinces as formed on 1 July 2025 that have a unit of their own in the data.

    Columns: ``successor_id`` (the member whose name it kept), ``merged_id`` (the new unit, for
    figures it reports about itself), ``member_ids`` (tuple). Their money, rates and targets
    are read from the other modules with ``merged_id``.
    """
    geos = dataset.geographies.copy()
    geos["geography_id"] = geos["geography_id"].astype(str)
    provinces = geos[geos["level"].astype(str) == "province"]
    new = provinces[provinces["valid_from"].notna() & (provinces["valid_from"] >= "2025-07-01")]
    rows = []
    for unit in new.itertuples():
        kept = provinces[
            (provinces["name"] == unit.name) & (provinces["geography_id"] != unit.geography_id)
        ]
        if kept.empty:
            continue
        successor = str(kept.iloc[0]["geography_id"])
        members = provinces[provinces["province_after_2025"].astype(str) == successor]
        rows.append(
            {
                "successor_id": successor,
                "merged_id": unit.geography_id,
                "member_ids": tuple(members["geography_id"]),
            }
        )
    return pd.DataFrame(rows, columns=["successor_id", "merged_id", "member_ids"])
