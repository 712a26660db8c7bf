"""The comparison's findings: the provinces ranked by level and by pace, who is on track, and
money per poor household side by side. Selected from the analysis tables, worded here.

Rates are ranked only within one year, one standard (2021–2025) and one method (administrative
review counts); paces only as each province's own series gives them, with their years.
"""

from __future__ import annotations

import pandas as pd

from helpers.analysis import mergers, money, trajectories
from helpers.analysis.targets import STATUSES, verdicts
from helpers.facts import Dataset, fact_text, facts_for
from helpers.findings import NATION, REVIEW
from helpers.format import format_number, format_period, format_quantity, format_standard
from helpers.geo import geography_name
from helpers.i18n import tr, tr_n

STANDARD = "2021-2025"


def _first_published(rows: pd.DataFrame) -> pd.DataFrame:
    """One figure per geography and year: the one first published (observation id on ties)."""
    order = rows.assign(_p=rows["published"].fillna(pd.Timestamp.max))
    order = order.sort_values(["_p", "observation_id"])
    return order.drop_duplicates(["geography_id", "year"]).drop(columns="_p")


def level_ranking(dataset: Dataset, ids: list[str]) -> str | None:
    """The provinces by poor-household rate in the year most of them report, highest first."""
    rates = trajectories.year_end_results(trajectories.rates(dataset, ids))
    rates = rates[(rates["standard_in_force"] == STANDARD) & (rates["method"] == REVIEW)]
    if rates.empty:
        return None
    rates = _first_published(rates)
    per_year = rates.groupby("year")["geography_id"].nunique()
    year = int(per_year[per_year == per_year.max()].index.max())
    if per_year.max() < 2:
        return None
    chosen = rates[rates["year"] == year].sort_values("value", ascending=False)
    ranked = ", ".join(
        f"{geography_name(dataset, r['geography_id'])} "
        f"{format_quantity(r['value'], 'percent', 'exact', decimals=2)}"
        for _, r in chosen.iterrows()
    )
    return tr(
        "By poor-household rate at the end of {year} ({standard}, administrative review counts; "
        "the latest year {n} of the {total} provinces report), from highest: {ranked}.",
        year=year, standard=format_standard(STANDARD), n=len(chosen), total=len(ids),
        ranked=ranked,
    )  # fmt: skip


def pace_ranking(dataset: Dataset, ids: list[str]) -> str | None:
    """The provinces by average fall per year over their own series, fastest first."""
    paces = trajectories.paces(dataset, [*ids, NATION])
    paces = paces[(paces["poverty_standard"] == STANDARD) & (paces["method"] == REVIEW)]
    own = paces[paces["geography_id"] != NATION].sort_values("pace_pp_per_year")
    if own.empty:
        return None
    ranked = ", ".join(
        tr("{name} {pace} ({period})", name=geography_name(dataset, r["geography_id"]),
           pace=format_number(-r["pace_pp_per_year"], 2),
           period=format_period(r["start_year"], r["end_year"]))
        for _, r in own.iterrows()
    )  # fmt: skip
    text = tr(
        "By average fall of the rate per year, in percentage points, each over its own series "
        "(first to last year-end figure): {ranked}.",
        ranked=ranked,
    )
    national = paces[paces["geography_id"] == NATION]
    if not national.empty:
        n = national.iloc[0]
        text += " " + tr(
            "The nation's: {pace} ({period}).",
            pace=format_number(-n["pace_pp_per_year"], 2),
            period=format_period(n["start_year"], n["end_year"]),
        )
    missing = [geography_name(dataset, g) for g in ids if g not in set(own["geography_id"])]
    if missing:
        text += " " + tr(
            "No two year-end rates in one series for {names}.", names=", ".join(missing)
        )
    return text


def on_track(dataset: Dataset, ids: list[str]) -> str | None:
    """Who is on track, behind, met or not met a target, by the data."""
    table = verdicts(dataset, ids)
    facts = facts_for(dataset, ids)
    by_id = {i.split(";")[0]: n for n, i in enumerate(facts["observation_ids"])}
    labels = {
        "on_track": tr("on track"), "behind": tr("behind"), "met": tr("met"),
        "not_met": tr("not met"), "achieved_as_stated": tr("achieved, as the source states"),
    }  # fmt: skip
    parts = []
    for status, label in labels.items():
        rows = table[table["status"] == status]
        if rows.empty:
            continue
        named = "; ".join(
            tr("{name} ({target}, {period})", name=geography_name(dataset, r["geography_id"]),
               target=fact_text(facts.iloc[by_id[r["target_id"]]]),
               period=format_period(r["period_start"], r["period_end"]))
            for _, r in rows.iterrows()
        )  # fmt: skip
        parts.append(f"{label[:1].upper()}{label[1:]}: {named}")
    if not parts:
        return None
    return tr("Targets, by the data: {parts}.", parts=". ".join(parts))


def money_side_by_side(dataset: Dataset, ids: list[str]) -> str | None:
    """Programme money per poor household of each province (and merged unit) that has it."""
    merged = mergers.merged_units(dataset)
    merged = merged[merged["successor_id"].isin(ids)]
    rows = money.funding(dataset, [*ids, *merged["merged_id"]])
    rows = rows[rows["is_total"] & rows["per_poor_household_vnd_million"].notna()]
    rows = rows[rows["indicator_id"] == "funding_allocated"]
    if rows.empty:
        return None
    since = tr(" (from 1 July 2025)")
    told = "; ".join(
        tr("{name}: {per} million VND ({amount}, {period})",
           name=geography_name(dataset, r["geography_id"])
           + (since if r["geography_id"] in set(merged["merged_id"]) else ""),
           per=format_number(r["per_poor_household_vnd_million"], 1),
           amount=format_quantity(r["value"], "VND billion", r["qualifier"],
                                  decimals=0 if float(r["value"]).is_integer() else 1),
           period=format_period(r["period_start"], r["period_end"]))
        for _, r in rows.sort_values(["geography_id", "period_end"]).iterrows()
    )  # fmt: skip
    return tr(
        "Programme money allocated per poor household (the count of a year in the period, "
        "2021–2025 standard): {told}. Periods differ: set side by side, not ranked.",
        told=told,
    )


def findings(dataset: Dataset, ids: list[str]) -> list[str]:
    """Sentences on the provinces' poverty, side by side; every number from the analysis tables."""
    found = [
        level_ranking(dataset, ids),
        pace_ranking(dataset, ids),
        on_track(dataset, ids),
        money_side_by_side(dataset, ids),
    ]
    return [f for f in found if f]


def _status_count(n: int, status: str) -> str:
    """``"4 on track"``: how many targets have a status (a code of the verdicts)."""
    return {
        "met": tr("{n} met", n=n),
        "not_met": tr("{n} not met", n=n),
        "on_track": tr("{n} on track", n=n),
        "behind": tr("{n} behind", n=n),
        "achieved_as_stated": tr("{n} achieved as the source states", n=n),
        "not_comparable": tr("{n} not comparable", n=n),
        "not_reported": tr("{n} not reported", n=n),
    }[status]


def data_coverage(dataset: Dataset, ids: list[str]) -> list[str]:
    """What the data cover across the provinces: series, targets judged, money with a count of
    poor households, merger pairs. Counts of the data, for a section of their own."""
    paces = trajectories.paces(dataset, ids)
    with_series = [g for g in ids if g in set(paces["geography_id"])]
    names = ", ".join(geography_name(dataset, g) for g in with_series)
    out = [
        tr(
            "All {total} provinces have a poor-household rate for two or more years under one "
            "standard and method ({names}).",
            total=len(ids),
            names=names,
        )
        if with_series and len(with_series) == len(ids)
        else tr(
            "{n} of the {total} provinces have a poor-household rate for two or more years under "
            "one standard and method ({names}).",
            n=len(with_series),
            total=len(ids),
            names=names,
        )
        if with_series
        else tr(
            "{n} of the {total} provinces have a poor-household rate for two or more years under "
            "one standard and method.",
            n=0,
            total=len(ids),
        )
    ]
    table = verdicts(dataset, ids)
    if len(table):
        counts = table["status"].value_counts()
        parts = ", ".join(_status_count(int(counts[s]), s) for s in STATUSES if s in counts)
        out.append(
            tr(
                "Of {total} reduction targets reported, the data says: {parts}.",
                total=len(table),
                parts=parts,
            )  # fmt: skip
        )
    rows = money.funding(dataset, ids)
    own = rows[(rows["indicator_id"] == "funding_allocated") & rows["is_total"]]
    if len(own):
        out.append(
            tr_n(
                "{count} province reports the programme's own allocation; {k} of those {m} "
                "amounts can be set against a matching count of poor households.",
                "{count} provinces report the programme's own allocation; {k} of those {m} "
                "amounts can be set against a matching count of poor households.",
                own["geography_id"].nunique(),
                k=int(own["per_poor_household_vnd_million"].notna().sum()),
                m=len(own),
            )
        )
    pairs = mergers.merger_pairs(dataset, mergers.successors_of(dataset, ids))
    if len(pairs):
        out.append(
            tr(
                "Across the provinces merged on 1 July 2025, {n} pairs of figures share an "
                "indicator; {ok} of them are comparable (same kind, period, standard and method).",
                n=len(pairs),
                ok=int(pairs["comparable"].sum()),
            )
        )
    return out
