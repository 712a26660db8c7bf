"""Comparisons across geographies: coverage, funding on a common basis, the 2025 reorganisation.

Like :mod:`helpers.facts`, nothing here fills a gap: a province that does not report a figure
gets "not reported" in the tables, never a number.

Tables are returned with English column names (the keys the pages and tests use); the cells a
reader sees are written in the page's language (:mod:`helpers.i18n`), and the pages translate
the column names when they show them (:data:`HEADERS`).
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from helpers.analysis import coverage as analysis_coverage
from helpers.analysis import mergers, money
from helpers.analysis import trajectories as analysis_trajectories
from helpers.facts import Dataset, fact_text, facts_for, indicator_labels
from helpers.format import (
    format_period,
    format_quantity,
    format_standard,
    is_missing,
    not_reported,
)
from helpers.geo import geography_name
from helpers.i18n import N_, language, tr
from helpers.vocabulary import BREAKDOWN_LABELS, COMPONENT_LABELS, labels
from helpers.vocabulary import label as vlabel

# Cell values of the coverage matrix, from least to most reported. They are keys (the chart's
# colours are keyed by them); :func:`coverage_label` gives a level's words in the page's language.
COVERAGE_LEVELS = (
    N_("not reported"),
    N_("target or plan only"),
    N_("result only"),
    N_("result and target"),
)


def coverage_label(level: str) -> str:
    """A coverage level as a reader sees it, in the page's language."""
    if level not in COVERAGE_LEVELS:
        raise ValueError(f"unknown coverage level {level!r}; known: {', '.join(COVERAGE_LEVELS)}")
    return tr(level)


def value_text(fact: pd.Series | dict) -> str:
    """A fact's value as the tables show it, in the page's language's notation (``21.946 hộ``)."""
    return fact_text(fact, notation=language())


# Coverage codes of helpers.analysis.coverage, and the keys the matrix's cells use.
_LEVEL_KEYS = dict(zip(analysis_coverage.LEVELS, COVERAGE_LEVELS, strict=True))


def coverage_matrix(dataset: Dataset, geography_ids: Iterable[str]) -> pd.DataFrame:
    """Indicator × geography, selected from :func:`helpers.analysis.coverage.coverage`.

    Rows are every indicator (ordered by component), indexed by label; columns are geography
    names; cells are :data:`COVERAGE_LEVELS` (keys, not words).
    """
    ids = list(geography_ids)
    table = analysis_coverage.coverage(dataset, ids)
    ind = dataset.indicators.copy()
    order = {c: i for i, c in enumerate(COMPONENT_LABELS)}
    ind["_order"] = ind["component"].astype(str).map(order).fillna(len(order))
    ind = ind.sort_values("_order", kind="stable")
    levels = table.set_index(["geography_id", "indicator_id"])["level"]
    columns = {
        geography_name(dataset, gid): [
            _LEVEL_KEYS[levels[(gid, i)]] for i in ind["indicator_id"].astype(str)
        ]
        for gid in ids
    }
    matrix = pd.DataFrame(columns, index=pd.Index(indicator_labels(ind), name="indicator"))
    matrix.insert(
        0, "component", ind["component"].astype(str).map(labels(COMPONENT_LABELS)).to_numpy()
    )
    return matrix


def coverage_counts(matrix: pd.DataFrame) -> pd.DataFrame:
    """Per geography: how many indicators fall in each coverage level."""
    cells = matrix.drop(columns="component")
    counts = {col: cells[col].value_counts() for col in cells}
    table = pd.DataFrame(counts).reindex(list(COVERAGE_LEVELS)).fillna(0).astype(int)
    table.index.name = "coverage"
    return table


def funding_normalised(dataset: Dataset, geography_ids: Iterable[str]) -> pd.DataFrame:
    """Money of each geography per programme year and per poor household, in words: one row
    per row of :func:`helpers.analysis.money.funding` in VND (totals and their parts).

    Programme money (a component project's too) is divided by its programme years; money of
    other programmes or policies is "not applicable". Per poor household only for
    province-wide programme money with a matching count.
    """
    ids = list(geography_ids)
    table = facts_for(dataset, ids)
    by_id = {i.split(";")[0]: n for n, i in enumerate(table["observation_ids"])}
    rows = []
    for r in money.funding(dataset, ids).to_dict("records"):
        if r["unit"] != "VND billion":
            continue
        fact = table.iloc[by_id[r["observation_id"]]]
        own = r["money_class"] == "programme"
        years = r["programme_years"]
        span = None if is_missing(years) else (r["programme_first_year"], r["programme_last_year"])
        if not own:
            per_year = per_household = tr("not applicable: money of another programme or policy")
            used = tr("not applicable")
        else:
            per_year = (
                not_reported()
                if span is None
                else _amount(r, r["per_programme_year"], decimals=None if years == 1 else 1)
            )
            province_wide = r["indicator_id"] in money.PROVINCE_WIDE
            basis = r["poor_households_observation_id"]
            used = (
                tr("not applicable: the money of one project, not of the whole province")
                if not province_wide
                else tr("not reported: no exact count of poor households for a year of the period")
                if is_missing(basis)
                else _basis_text(table.iloc[by_id[basis]])
            )
            per_household = (
                used if not province_wide
                else not_reported() if is_missing(basis)
                else tr("{amount} million VND per poor household",
                        amount=_amount(r, r["per_poor_household_vnd_million"], "count", 2))
            )  # fmt: skip
        low = fact["low"] / years if span else float("nan")
        high = fact["high"] / years if span else float("nan")
        rows.append(
            {
                "geography": geography_name(dataset, r["geography_id"]),
                "indicator": fact["label"],
                "part": tr("total") if r["is_total"] else vlabel(BREAKDOWN_LABELS, r["breakdown"]),
                "period": format_period(r["period_start"], r["period_end"]),
                "kind": r["kind"],
                "amount": value_text(fact),
                "programme years": tr("not applicable") if not own else not_reported()
                if span is None else tr("{years} ({span})", years=years,
                                        span=format_period(*span)),
                "per year": per_year,
                "poor households used": used,
                "per poor household": per_household,
                "source_id": r["source_id"],
                "geography_id": r["geography_id"],
                "indicator_id": r["indicator_id"],
                "money_class": r["money_class"],
                "is_total": r["is_total"],
                "qualifier": r["qualifier"],
                "per_year_low": low,
                "per_year_high": high,
                "per_poor_household_vnd_million": r["per_poor_household_vnd_million"],
                "observation_ids": fact["observation_ids"],
            }
        )  # fmt: skip
    return pd.DataFrame(rows, columns=FUNDING_COLUMNS)


def _amount(row: dict, value: float, unit: str = "VND billion", decimals: int | None = 1) -> str:
    """An amount derived from a row, keeping its qualifier ("over 80.8 billion VND")."""
    qualifier = row["qualifier"] if row["qualifier"] in ("over", "at least", "about") else "exact"
    if row["qualifier"] == "below":
        qualifier = "below"
    return format_quantity(value, unit, qualifier, decimals=decimals)


# Columns for readers (``kind`` holds the key: show it with its label); the further columns of
# funding_normalised are ids, flags and numbers for findings and charts.
FUNDING_DISPLAY = [
    N_("geography"),
    N_("indicator"),
    N_("part"),
    N_("period"),
    N_("kind"),
    N_("amount"),
    N_("programme years"),
    N_("per year"),
    N_("poor households used"),
    N_("per poor household"),
]
FUNDING_COLUMNS = [
    *FUNDING_DISPLAY,
    "source_id",
    "geography_id",
    "indicator_id",
    "money_class",
    "is_total",
    "qualifier",
    "per_year_low",
    "per_year_high",
    "per_poor_household_vnd_million",
    "observation_ids",
]


def _basis_text(basis: pd.Series) -> str:
    period = format_period(basis["period_start"], basis["period_end"])
    return f"{value_text(basis)} ({period}, {format_standard(basis)})"


def mismatch_text(code: str) -> str:
    """Why two figures of a merged pair are not like with like (a code of
    :data:`helpers.analysis.mergers.REASONS`), in words."""
    return {
        "different_kind": tr("it sets a result against a target or plan"),
        "different_period": tr("different periods"),
        "period_not_printed": tr("a period is not printed"),
        "different_standard": tr("different poverty standards"),
        "different_method": tr("different methods (review count vs survey estimate)"),
    }[code]


def successors_of(dataset: Dataset, ids: Iterable[str]) -> list[str]:
    """The merged groups (``province_after_2025``) the geographies ``ids`` are in."""
    return mergers.successors_of(dataset, ids)


def merger_pairs(dataset: Dataset, successors: Iterable[str] | None = None) -> pd.DataFrame:
    """For each province merged on 1 July 2025 (of ``successors``, default all): every figure its
    members both report, paired (:func:`helpers.analysis.mergers.merger_pairs`), with the
    verdict in words."""
    pairs = mergers.merger_pairs(dataset, successors)
    if pairs.empty:
        return pd.DataFrame(columns=MERGER_COLUMNS)
    ids = sorted(set(pairs["first_id"]) | set(pairs["former_id"]))
    table = facts_for(dataset, ids)
    by_id = {i: n for n, i in enumerate(table["observation_ids"])}
    rows = []
    for p in pairs.to_dict("records"):
        a = table.iloc[by_id[";".join(p["first_observation_ids"])]]
        b = table.iloc[by_id[";".join(p["second_observation_ids"])]]
        why = "; ".join(mismatch_text(code) for code in p["reasons"])
        rows.append(
            {
                "province from 1 July 2025": geography_name(dataset, p["successor_id"]),
                "indicator": a["label"],
                "first": geography_name(dataset, p["first_id"]),
                "first figure": _fact_brief(a),
                "second": geography_name(dataset, p["former_id"]),
                "second figure": _fact_brief(b),
                "comparable": tr("yes") if p["comparable"]
                else tr("not comparable because {why}", why=why),
                "is_comparable": p["comparable"],
                "observation_ids": ";".join(p["observation_ids"]),
            }
        )  # fmt: skip
    return pd.DataFrame(rows, columns=MERGER_COLUMNS)


# Columns for readers; merger_pairs adds a flag and the observation ids.
MERGER_DISPLAY = [
    N_("province from 1 July 2025"),
    N_("indicator"),
    N_("first"),
    N_("first figure"),
    N_("second"),
    N_("second figure"),
    N_("comparable"),
]
MERGER_COLUMNS = [*MERGER_DISPLAY, "is_comparable", "observation_ids"]


def header(column: str) -> str:
    """A column name of this module's tables (and of the comparison page's own) as the page's
    reader sees it: the English name is the message (marked with ``N_`` where it is written)."""
    return tr(column)


def _fact_brief(fact: pd.Series) -> str:
    from helpers.vocabulary import KIND_LABELS
    from helpers.vocabulary import label as vlabel

    period = format_period(fact["period_start"], fact["period_end"])
    standard = str(fact["poverty_standard"])
    extra = "" if standard == "not applicable" else f", {format_standard(fact)}"
    return f"{value_text(fact)} ({period}, {vlabel(KIND_LABELS, fact['kind'])}{extra})"


def trajectories(dataset: Dataset, geography_ids: Iterable[str]) -> pd.DataFrame:
    """Poor-household rates (results, as facts) of the series of two or more year-end results
    (:func:`helpers.analysis.trajectories.paces`) of the geographies and the nation."""
    chosen_ids = [*geography_ids, "vn"]
    long = set(analysis_trajectories.paces(dataset, chosen_ids)["series_id"])
    rates = analysis_trajectories.rates(dataset, chosen_ids)
    rates = rates[rates["series_id"].isin(long) & (rates["kind"] == "actual")]
    if rates.empty:
        return pd.DataFrame()
    table = facts_for(dataset, chosen_ids)
    first = table["observation_ids"].str.split(";").str[0]
    picked = table[first.isin(set(rates["observation_id"]))].copy()
    standard = rates.set_index("observation_id")["standard_in_force"]
    picked["standard_used"] = first[picked.index].map(standard).to_numpy()
    return picked.sort_values(["geography_id", "period_end"], kind="stable")


def target_table(dataset: Dataset, geography_ids: Iterable[str]) -> list[tuple[str, object]]:
    """``(geography id, TargetStatus)`` for every reduction target of each geography."""
    from helpers.targets_text import target_statuses

    return [(gid, status) for gid in geography_ids
            for status in target_statuses(dataset, [gid])]  # fmt: skip


def data_coverage(dataset: Dataset, geography_ids: Iterable[str]) -> list[str]:
    """What the data cover across the provinces (:mod:`helpers.compare_findings`)."""
    from helpers.compare_findings import data_coverage as covered

    return covered(dataset, list(geography_ids))


def findings(dataset: Dataset, geography_ids: Iterable[str]) -> list[str]:
    """Sentences on the provinces' poverty, side by side (:mod:`helpers.compare_findings`)."""
    from helpers.compare_findings import findings as compare_findings

    return compare_findings(dataset, list(geography_ids))
