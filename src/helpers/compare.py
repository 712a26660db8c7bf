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

from helpers.facts import (
    Dataset,
    fact_text,
    facts_for,
    indicator_labels,
    is_total,
    per_year_text,
    select,
)
from helpers.format import (
    format_number,
    format_period,
    format_quantity,
    format_standard,
    is_missing,
    not_reported,
)
from helpers.geo import geography_name
from helpers.i18n import language, tr, tr_n
from helpers.vocabulary import BREAKDOWN_LABELS, COMPONENT_LABELS, TARGET_KINDS, labels
from helpers.vocabulary import label as vlabel

# Cell values of the coverage matrix, from least to most reported. They are keys (the chart's
# colours are keyed by them); :func:`coverage_label` gives a level's words in the page's language.
COVERAGE_LEVELS = ("not reported", "target or plan only", "result only", "result and target")


def coverage_label(level: str) -> str:
    """A coverage level as a reader sees it, in the page's language."""
    if level not in COVERAGE_LEVELS:
        raise ValueError(f"unknown coverage level {level!r}; known: {', '.join(COVERAGE_LEVELS)}")
    return tr(level)


def value_text(fact: pd.Series | dict) -> str:
    """A fact's value as the tables show it, in the page's language's notation (``21.946 hộ``)."""
    return fact_text(fact, notation=language())


def coverage_matrix(dataset: Dataset, geography_ids: Iterable[str]) -> pd.DataFrame:
    """Indicator × geography: whether the reports give a result, a target, both or nothing.

    Rows are every indicator of the indicators table (ordered by component), indexed by
    label; columns are geography names; cells are :data:`COVERAGE_LEVELS` (keys, not words).
    A result is an ``actual`` or ``estimate`` figure.
    """
    ids = list(geography_ids)
    obs = dataset.observations
    ind = dataset.indicators.copy()
    order = {c: i for i, c in enumerate(COMPONENT_LABELS)}
    ind["_order"] = ind["component"].astype(str).map(order).fillna(len(order))
    ind = ind.sort_values("_order", kind="stable")
    columns = {}
    for gid in ids:
        own = obs[obs["geography_id"].astype(str) == gid]
        kinds = own.groupby(own["indicator_id"].astype(str))["kind"].agg(
            lambda k: set(k.astype(str))
        )
        cells = []
        for indicator_id in ind["indicator_id"].astype(str):
            seen = kinds.get(indicator_id, set())
            target = bool(seen & set(TARGET_KINDS))
            result = bool(seen - set(TARGET_KINDS))
            cells.append(COVERAGE_LEVELS[2 * result + target])
        columns[geography_name(dataset, gid)] = cells
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


PROGRAMME_FUNDING = "funding_allocated"


def _poor_household_basis(facts_table: pd.DataFrame, start: int, end: int) -> pd.Series | None:
    """The exact count of poor households to divide a period's funding by, or ``None``.

    The count must be a total, a result, exact, under the 2021–2025 standard (the programme's
    own; a count that names no standard counts only for a year from 2022, when that standard
    was the only one in force), and for a year inside the period; the earliest such year is used.
    """
    from helpers.brief import standards_match

    counts = select(facts_table, indicators=["poor_households"], totals_only=True)
    counts = counts[
        (counts["kind"].astype(str) == "actual")
        & (counts["qualifier"] == "exact")
        & (counts["period_end"].astype("Int64").between(start, end))
    ]
    keep = [
        standards_match("2021-2025", c["poverty_standard"], int(c["period_end"]), None)[0]
        and str(c["poverty_standard"]) != "not applicable"
        for _, c in counts.iterrows()
    ]
    counts = counts[keep] if len(counts) else counts
    if counts.empty:
        return None
    return counts.sort_values("period_end").iloc[0]


def funding_normalised(dataset: Dataset, geography_ids: Iterable[str]) -> pd.DataFrame:
    """Funding of each geography per programme year of its period, and per poor household.

    One row per amount of the ``funding`` component (totals and their parts). Per year divides
    the programme's own allocation by the years the programme ran in its period
    (:func:`helpers.brief.programme_years`); other money is "not applicable". Per poor household
    divides the programme's allocation by a matching count (:func:`_poor_household_basis`):
    "not applicable" for other money, "not reported" where no count matches.
    """
    from helpers.brief import programme_years

    rows = []
    for gid in geography_ids:
        table = facts_for(dataset, gid)
        funding = select(table, components=["funding"], units=["VND billion"])
        for i, fact in funding.iterrows():
            start, end = fact["period_start"], fact["period_end"]
            own_funds = str(fact["indicator_id"]) == PROGRAMME_FUNDING
            span = None
            if own_funds and not is_missing(start) and not is_missing(end):
                span = programme_years(int(start), int(end))
            years = span[2] if span else None
            basis = _poor_household_basis(table, start, end) if span else None
            if not own_funds:
                per_year = per_household = tr("not applicable: not the programme's allocation")
                used = tr("not applicable")
            else:
                per_year = (
                    not_reported()
                    if years is None
                    else per_year_text(
                        {**fact.to_dict(), "period_start": span[0], "period_end": span[1]}
                    )
                )
                used = (
                    tr("not reported: no exact count of poor households for a year of the period")
                    if basis is None
                    else _basis_text(basis)
                )
                per_household = (
                    not_reported() if basis is None else per_household_text(fact, basis["value"])
                )
            total = bool(is_total(funding.loc[[i]]).iloc[0])
            rows.append(
                {
                    "geography": geography_name(dataset, gid),
                    "indicator": fact["label"],
                    "part": tr("total") if total else vlabel(BREAKDOWN_LABELS, fact["breakdown"]),
                    "period": format_period(start, end),
                    "kind": str(fact["kind"]),
                    "amount": value_text(fact),
                    "programme years": _programme_years_text(own_funds, span),
                    "per year": per_year,
                    "poor households used": used,
                    "per poor household": per_household,
                    "source_id": str(fact["source_id"]),
                    "geography_id": gid,
                    "indicator_id": str(fact["indicator_id"]),
                    "is_total": total,
                    "qualifier": fact["qualifier"],
                    "per_year_low": fact["low"] / years if years else float("nan"),
                    "per_year_high": fact["high"] / years if years else float("nan"),
                    "observation_ids": fact["observation_ids"],
                }
            )  # fmt: skip
    return pd.DataFrame(rows, columns=FUNDING_COLUMNS)


# Columns for readers (``kind`` holds the key: show it with its label); the further columns of
# funding_normalised are ids, flags and numbers for findings and charts.
FUNDING_DISPLAY = [
    "geography",
    "indicator",
    "part",
    "period",
    "kind",
    "amount",
    "programme years",
    "per year",
    "poor households used",
    "per poor household",
]
FUNDING_COLUMNS = [
    *FUNDING_DISPLAY,
    "source_id",
    "geography_id",
    "indicator_id",
    "is_total",
    "qualifier",
    "per_year_low",
    "per_year_high",
    "observation_ids",
]


def _programme_years_text(own_funds: bool, span: tuple[int, int, int] | None) -> str:
    """``"3 (2022–2024)"``: how many programme years a period holds, and which."""
    if not own_funds:
        return tr("not applicable")
    if span is None:
        return not_reported()
    return tr("{years} ({span})", years=span[2], span=format_period(span[0], span[1]))


def _basis_text(basis: pd.Series) -> str:
    period = format_period(basis["period_start"], basis["period_end"])
    return f"{value_text(basis)} ({period}, {format_standard(basis)})"


def per_household_text(fact: pd.Series, households: float) -> str:
    """A VND-billion amount per household, in million VND, keeping the fact's qualifier."""
    if is_missing(households) or households <= 0:
        return not_reported()
    low, high = fact["low"] * 1000 / households, fact["high"] * 1000 / households
    if fact["qualifier"] == "range":
        amount = f"{format_number(low, 2)}–{format_number(high, 2)}"
    else:
        value = high if fact["qualifier"] == "below" else low
        amount = format_quantity(value, "count", fact["qualifier"], decimals=2)
    return tr("{amount} million VND per poor household", amount=amount)


def rate_facts(dataset: Dataset, geography_ids: Iterable[str]) -> pd.DataFrame:
    """Poor and near-poor household rates (totals) of several geographies, for plotting."""
    table = facts_for(dataset, list(geography_ids))
    return select(
        table,
        indicators=["poor_household_rate", "near_poor_household_rate"],
        totals_only=True,
    )


def reorganisation(dataset: Dataset) -> pd.DataFrame:
    """Provinces after 1 July 2025 and the pre-2025 provinces that form each one.

    ``figures`` counts each member's observations; a member without any says so.
    """
    geos = dataset.geographies
    provinces = geos[geos["level"].astype(str) == "province"]
    counts = dataset.observations["geography_id"].astype(str).value_counts()
    rows = []
    for successor, members in provinces.groupby("province_after_2025", sort=False):
        if len(members) < 2:
            continue
        for _, member in members.iterrows():
            n = int(counts.get(str(member["geography_id"]), 0))
            rows.append(
                {
                    "province from 1 July 2025": geography_name(dataset, successor),
                    "province before": member["name"],
                    "figures in the dataset": str(n) if n else tr("none"),
                }
            )
    return pd.DataFrame(
        rows, columns=["province from 1 July 2025", "province before", "figures in the dataset"]
    )


def successors_of(dataset: Dataset, ids: Iterable[str]) -> list[str]:
    """The ``province_after_2025`` of each geography of ``ids`` (the groups a page is about)."""
    geos = dataset.geographies
    after = geos.set_index(geos["geography_id"].astype(str))["province_after_2025"]
    return sorted({str(after[g]) for g in ids if g in after.index and pd.notna(after[g])})


def merger_pairs(dataset: Dataset, successors: Iterable[str] | None = None) -> pd.DataFrame:
    """For each province merged on 1 July 2025: every figure its members both report, paired.

    Each pair of facts of the same indicator, one per member, is either comparable (same
    kind, period, standard and method) or not, with the reason (``comparable``, in the page's
    language; ``is_comparable`` says which). Nothing is added up. ``successors`` (ids of
    ``province_after_2025``) limits the groups; default: every group. A rate of a
    statistics-office table (one row per province and year, a series) is paired only with
    figures of the same year: its other years are not figures to set side by side.
    """
    from helpers.brief import comparable

    geos = dataset.geographies
    provinces = geos[geos["level"].astype(str) == "province"]
    sources = dataset.sources
    kinds = sources.get("source_type", pd.Series("", index=sources.index)).astype(str)
    office_tables = set(sources.loc[kinds == "statistics office table", "source_id"].astype(str))
    wanted = None if successors is None else {str(s) for s in successors}
    rows = []
    for successor, members in provinces.groupby("province_after_2025", sort=False):
        ids = [str(m) for m in members["geography_id"] if str(m) != "nan"]
        if len(ids) < 2 or (wanted is not None and str(successor) not in wanted):
            continue
        tables = {m: select(facts_for(dataset, m), totals_only=True) for m in ids}
        first, *others = ids
        for other in others:
            a_table, b_table = tables[first], tables[other]
            shared = sorted(
                set(a_table["indicator_id"].astype(str)) & set(b_table["indicator_id"].astype(str))
            )
            for indicator in shared:
                for _, a in a_table[a_table["indicator_id"].astype(str) == indicator].iterrows():
                    for _, b in b_table[
                        b_table["indicator_id"].astype(str) == indicator
                    ].iterrows():
                        if a["period_end"] != b["period_end"] and (
                            {str(a["source_id"]), str(b["source_id"])} & office_tables
                        ):
                            continue
                        ok, why = comparable(a, b)
                        rows.append(
                            {
                                "province from 1 July 2025": geography_name(dataset, successor),
                                "indicator": a["label"],
                                "first": geography_name(dataset, first),
                                "first figure": _fact_brief(a),
                                "second": geography_name(dataset, other),
                                "second figure": _fact_brief(b),
                                "comparable": tr("yes")
                                if ok
                                else tr("not comparable because {why}", why=why),
                                "is_comparable": ok,
                                "observation_ids": f"{a['observation_ids']};{b['observation_ids']}",
                            }
                        )
    return pd.DataFrame(rows, columns=MERGER_COLUMNS)


# Columns for readers; merger_pairs adds a flag and the observation ids.
MERGER_DISPLAY = [
    "province from 1 July 2025",
    "indicator",
    "first",
    "first figure",
    "second",
    "second figure",
    "comparable",
]
MERGER_COLUMNS = [*MERGER_DISPLAY, "is_comparable", "observation_ids"]


def header(column: str) -> str:
    """A column name of this module's tables (and of the comparison page's own) as the page's
    reader sees it: the English name is the message (:mod:`helpers.catalogue.compare`)."""
    return tr(column)


def _fact_brief(fact: pd.Series) -> str:
    from helpers.vocabulary import KIND_LABELS
    from helpers.vocabulary import label as vlabel

    period = format_period(fact["period_start"], fact["period_end"])
    standard = str(fact["poverty_standard"])
    extra = "" if standard == "not applicable" else f", {format_standard(fact)}"
    return f"{value_text(fact)} ({period}, {vlabel(KIND_LABELS, fact['kind'])}{extra})"


def reduction_comparison(dataset: Dataset, geography_ids: Iterable[str]) -> pd.DataFrame:
    """Average annual reductions (pp per year) of several geographies, for the comparison chart."""
    table = facts_for(dataset, list(geography_ids))
    return select(table, units=["percentage points per year"], totals_only=True)


def standard_label(standard: object) -> str:
    """Alias of :func:`helpers.format.format_standard`, for legends."""
    return format_standard(standard)


def trajectories(dataset: Dataset, geography_ids: Iterable[str]) -> pd.DataFrame:
    """Poor-household rates (results) of the geographies that have a series of two or more years
    under one standard and method, with the nation's where it has one."""
    from helpers.brief import rate_series

    chosen = []
    for gid in [*geography_ids, "vn"]:
        for series in rate_series(facts_for(dataset, gid)).values():
            if series["period_end"].nunique() >= 2:
                chosen.append(series)
    return pd.concat(chosen) if chosen else pd.DataFrame()


def target_table(dataset: Dataset, geography_ids: Iterable[str]) -> list[tuple[str, object]]:
    """``(geography id, TargetStatus)`` for every reduction target of each geography."""
    from helpers.brief import target_statuses

    return [
        (gid, status)
        for gid in geography_ids
        for status in target_statuses(facts_for(dataset, gid))
    ]


def findings(dataset: Dataset, geography_ids: Iterable[str]) -> list[str]:
    """Sentences on the comparison, every number counted from the data."""
    ids = list(geography_ids)
    out = []
    series = trajectories(dataset, ids)
    with_series = [
        g for g in ids if not series.empty and g in set(series["geography_id"].astype(str))
    ]
    if with_series:
        out.append(
            tr(
                "{n} of the {total} provinces have a poor-household rate for two or more years "
                "under one standard and method ({names}).",
                n=len(with_series),
                total=len(ids),
                names=", ".join(geography_name(dataset, g) for g in with_series),
            )
        )
    else:
        out.append(
            tr(
                "{n} of the {total} provinces have a poor-household rate for two or more years "
                "under one standard and method.",
                n=0,
                total=len(ids),
            )
        )
    statuses = target_table(dataset, ids)
    counts: dict[str, int] = {}
    for _, s in statuses:
        counts[s.status] = counts.get(s.status, 0) + 1
    if statuses:
        parts = ", ".join(status_count_text(n, k) for k, n in sorted(counts.items()))
        out.append(
            tr(
                "Of {total} reduction targets reported, the data says: {parts}.",
                total=len(statuses),
                parts=parts,
            )
        )
    funding = funding_normalised(dataset, ids)
    own = funding[funding["is_total"] & (funding["indicator_id"] == PROGRAMME_FUNDING)]
    if not own.empty:
        with_basis = own[own["per poor household"] != not_reported()]
        out.append(
            tr_n(
                "{count} province reports the programme's own allocation; {k} of those {m} "
                "amounts can be set against a matching count of poor households.",
                "{count} provinces report the programme's own allocation; {k} of those {m} "
                "amounts can be set against a matching count of poor households.",
                own["geography"].nunique(),
                k=len(with_basis),
                m=len(own),
            )
        )
    pairs = merger_pairs(dataset, successors_of(dataset, ids))
    pairs = pairs[
        pairs["province from 1 July 2025"].isin([geography_name(dataset, g) for g in ids])
    ]
    if not pairs.empty:
        out.append(
            tr(
                "Across the provinces merged on 1 July 2025, {n} pairs of figures share an "
                "indicator; {ok} of them are comparable (same kind, period, standard and method).",
                n=len(pairs),
                ok=int(pairs["is_comparable"].sum()),
            )
        )
    return out


# A target's status (helpers.brief.TargetStatus.status) is a key; each has its words in the
# catalogue, and a sentence part for counts.
_STATUS_COUNTS = {
    "met": "{n} met",
    "not met": "{n} not met",
    "undetermined": "{n} undetermined",
    "not reported": "{n} not reported",
    "not comparable": "{n} not comparable",
}


def status_count_text(n: int, status: str) -> str:
    """``"9 not comparable"``: how many targets have a status, in the page's language."""
    if status not in _STATUS_COUNTS:
        raise ValueError(f"unknown target status {status!r}; known: {', '.join(_STATUS_COUNTS)}")
    return tr(_STATUS_COUNTS[status], n=n)
