"""The first screen of a report: key figures and target statuses, in the page's language.

Everything here selects from the analysis tables (:mod:`helpers.analysis`) and words them: the
verdicts come from :func:`helpers.analysis.targets.verdicts`, the rates and paces from
:mod:`helpers.analysis.trajectories`, the money from :func:`helpers.analysis.money.funding`. A
target's status stays a key (``"not met"``, also its CSS class); :func:`status_label` is what a
reader sees. The findings are in :mod:`helpers.findings` (re-exported here).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from helpers.analysis import money, trajectories
from helpers.analysis.common import programme_years  # noqa: F401  (the rule's one home)
from helpers.facts import Dataset, fact_text, facts_for, select
from helpers.findings import data_coverage, findings, when_text  # noqa: F401
from helpers.format import (
    format_date,
    format_period,
    format_quantity,
    format_standard,
    is_missing,
    not_reported,
)
from helpers.i18n import tr, tr_n
from helpers.profile import silent_projects
from helpers.targets_text import (  # noqa: F401
    STATUSES,
    TargetStatus,
    headline_status,
    status_label,
    target_statuses,
)
from helpers.vocabulary import (
    COMPONENT_LABELS,
    METHOD_LABELS,
    PEOPLE_UNITS,
    PROJECTS,
    TARGET_KINDS,
)
from helpers.vocabulary import label as vlabel

RATE = trajectories.RATE


def rate_series(facts_table: pd.DataFrame) -> dict[tuple[str, str, str], pd.DataFrame]:
    """Poor-household rates as results, one series per geography, standard (in force) and
    method, for the charts; the standard in force is in ``standard_used``."""
    from helpers.analysis.common import standard_in_force

    rates = select(facts_table, indicators=[RATE], totals_only=True)
    rates = rates[rates["kind"].astype(str) == "actual"].copy()
    if rates.empty:
        return {}
    rates["standard_used"] = [
        standard_in_force(s, e)
        for s, e in zip(rates["poverty_standard"], rates["period_end"], strict=True)
    ]
    rates["_m"] = rates.get("method", pd.Series("", index=rates.index)).fillna("").astype(str)
    keys = [rates["geography_id"].astype(str), "standard_used", "_m"]
    return {
        key: group.drop(columns="_m").sort_values("period_end")
        for key, group in rates.groupby(keys, sort=False)
    }


def former_area(dataset: Dataset, fact: pd.Series) -> str:
    """``"reported after 1 July 2025 for the former area"`` when the unit no longer existed as
    such when its source was published, else ``""``."""
    geos = dataset.geographies
    geo = geos[geos["geography_id"].astype(str) == str(fact["geography_id"])]
    sources = dataset.sources[dataset.sources["source_id"].astype(str) == str(fact["source_id"])]
    if geo.empty or sources.empty or "valid_to" not in geos:
        return ""
    valid_to, published = geo.iloc[0]["valid_to"], sources.iloc[0]["date_published"]
    if is_missing(valid_to) or is_missing(published) or pd.Timestamp(published) <= valid_to:
        return ""
    since = pd.Timestamp(valid_to) + pd.Timedelta(days=1)
    return tr("reported after {date} for the former area", date=format_date(since))


def per_year_sentence(row: pd.Series | dict) -> str:
    """A row of :func:`helpers.analysis.money.funding` per programme year, in words."""
    if row["money_class"] != "programme":
        return tr("not applicable: money of another programme or policy")
    if is_missing(row["per_programme_year"]):
        return tr("per year: not computed (the period is not printed or precedes the programme)")
    first, last, n = (int(row[c]) for c in ("programme_first_year", "programme_last_year",
                                             "programme_years"))  # fmt: skip
    if n == 1 and row["period_start"] == row["period_end"]:
        return tr("one year ({year}): no per-year division needed", year=first)
    span = format_period(first, last)
    if int(row["period_start"]) < first:
        span = tr(
            "{span}; the period printed starts in {start}, but the programme was approved in "
            "January 2022",
            span=span,
            start=int(row["period_start"]),
        )
    qualifier = "over" if row["qualifier"] in ("over", "at least") else "exact"
    amount = format_quantity(row["per_programme_year"], "VND billion", qualifier, decimals=1)
    return tr_n(
        "{amount} per year over {count} programme year ({span})",
        "{amount} per year over {count} programme years ({span})",
        n,
        amount=amount,
        span=span,
    )


def funding_per_programme_year(fact: pd.Series) -> tuple[float | None, str]:
    """A money fact over the programme years of its period, and the sentence that says so
    (selected from :func:`helpers.analysis.money.funding`)."""
    row = money_row(fact)
    value = None if is_missing(row["per_programme_year"]) else float(row["per_programme_year"])
    return value, per_year_sentence(row)


def money_row(fact: pd.Series) -> dict:
    """A money fact as a row of :func:`helpers.analysis.money.funding` (class and per programme
    year; no per-household basis, which needs the dataset)."""
    return {
        **{k: fact[k] for k in ("period_start", "period_end", "qualifier")},
        "money_class": money.money_class(str(fact["indicator_id"]), str(fact["component"])),
        **money.per_programme_year(fact["value"], fact["period_start"], fact["period_end"]),
    }


@dataclass
class Card:
    """A key figure as data: the display module turns it into a card.

    ``label``, ``value`` and ``detail`` are in the page's language; ``status`` is a key of
    :data:`STATUSES` (or empty), shown as :attr:`status_label`.
    """

    label: str
    value: str
    detail: str = ""
    status: str = ""
    evidence_ids: list[str] = field(default_factory=list)

    @property
    def status_label(self) -> str:
        """The status in the page's language (empty without a status)."""
        return status_label(self.status) if self.status else ""


def _fact_of(table: pd.DataFrame, observation_id: str) -> pd.Series:
    hit = table[table["observation_ids"].str.split(";").apply(lambda ids: observation_id in ids)]
    return hit.iloc[0]


def _rate_card(dataset: Dataset, geography_id: str, table: pd.DataFrame) -> Card:
    label = tr("Poor-household rate, latest")
    rates = trajectories.rates(dataset, [geography_id])
    rates = rates[rates["kind"] == "actual"]
    if rates.empty:
        return Card(label, not_reported(), tr("no source gives a rate"))
    order = rates.assign(
        _new=rates["standard_in_force"] == "2021-2025",
        _when=rates["date"].fillna(pd.to_datetime(rates["year"].astype(str) + "-12-31")),
    ).sort_values(["_when", "_new", "observation_id"], ascending=[False, False, True])
    latest = order.iloc[0]
    fact = _fact_of(table, latest["observation_id"])
    clauses = [when_text(latest, fact), format_standard(fact)]
    if str(latest["method"]) in METHOD_LABELS:
        clauses.append(vlabel(METHOD_LABELS, latest["method"]))
    clauses.append(former_area(dataset, fact))
    same = rates[(rates["year"] == latest["year"]) & (rates["as_of"] == latest["as_of"])]
    if len(same) > 1:
        clauses.append(
            tr("{count} figures for that year, all shown under Poverty rates", count=len(same))
        )
    detail = "; ".join(c for c in clauses if c)
    return Card(label, fact_text(fact), detail, evidence_ids=[latest["observation_id"]])


def _target_card(dataset: Dataset, geography_id: str) -> Card:
    statuses = target_statuses(dataset, [geography_id])
    if not statuses:
        return Card(tr("Reduction target"), not_reported(), tr("no source gives a target"))
    main = headline_status(statuses)
    target = main.target
    period = format_period(target["period_start"], target["period_end"])
    if main.result is None:
        value = tr("target {target} ({period})", target=fact_text(target), period=period)
    elif not is_missing(main.verdict["achieved_pace"]):
        value = tr(
            "target {target} ({period}); average fall {pace}, {years}",
            target=fact_text(target),
            period=period,
            pace=fact_text(main.result),
            years=format_period(main.verdict["pace_start_year"], main.verdict["as_of_year"]),
        )
    else:
        value = tr("target {target} ({period}); result {result}", target=fact_text(target),
                   period=period, result=fact_text(main.result))  # fmt: skip
    reason = main.reason or ""
    detail = f"{target['label']}. " + reason[:1].upper() + reason[1:]
    return Card(tr("Reduction target against result"), value, detail.strip(),
                status=main.status, evidence_ids=main.evidence_ids())  # fmt: skip


def _money_card(dataset: Dataset, geography_id: str, table: pd.DataFrame) -> Card:
    rows = money.funding(dataset, [geography_id])
    vnd = rows[rows["unit"] == "VND billion"]
    own = vnd[(vnd["money_class"] == "programme") & vnd["is_total"]]
    own = own[~own["kind"].isin(TARGET_KINDS) | (len(own[own["kind"] == "actual"]) == 0)]
    if own.empty:
        other = vnd[vnd["is_total"] & (vnd["money_class"] != "programme")]
        detail = (
            tr_n(
                "{count} other amount is reported (support policies, loans or earlier "
                "programmes); it is not the programme's allocation",
                "{count} other amounts are reported (support policies, loans or earlier "
                "programmes); they are not the programme's allocation",
                len(other),
            )
            if len(other)
            else tr("no amount is reported")
        )
        return Card(tr("Programme money"), not_reported(), detail)
    allocated = own["indicator_id"].str.endswith("_allocated") | own["indicator_id"].eq(
        "funding_planned"
    )
    own = own.assign(
        _alloc=allocated,
        _main=own["indicator_id"] == "funding_allocated",
        _end=own["period_end"].astype(float),
        _span=(own["period_end"] - own["period_start"]).astype(float),
    ).sort_values(["_alloc", "_main", "_end", "_span"], ascending=False, kind="stable")
    top = own.iloc[0]
    fact = _fact_of(table, top["observation_id"])
    period = format_period(top["period_start"], top["period_end"])
    label = (
        tr("Programme money planned")
        if top["kind"] in TARGET_KINDS
        else tr("Programme money allocated")
    )
    detail = per_year_sentence(top)
    if top["component"] != "funding":
        detail = f"{fact['label']} ({vlabel(COMPONENT_LABELS, top['component'])}); {detail}"
    return Card(label, f"{fact_text(fact)} ({period})", detail,
                evidence_ids=[top["observation_id"]])  # fmt: skip


def _people_card(table: pd.DataFrame) -> Card:
    """The largest count of people reached by the programme's projects or by support policies
    (persons; households where no person is counted), labelled by what it counts; other counts
    are not added to it."""
    reached = table[
        table["component"].astype(str).isin([*PROJECTS, "support-policy"])
        & table["breakdown_by"].isna()
        & (table["kind"].astype(str) == "actual")
    ]
    labels = {"persons": tr("People reached: the largest single count"),
              "households": tr("Households reached: the largest single count")}  # fmt: skip
    for unit, label in labels.items():
        people = reached[reached["unit"].astype(str) == unit]
        if people.empty:
            continue
        people = people.sort_values("value", ascending=False, kind="stable")
        top = people.iloc[0]
        period = format_period(top["period_start"], top["period_end"])
        detail = f"{top['label']} ({vlabel(COMPONENT_LABELS, top['component'])}), {period}"
        others = len(reached[reached["unit"].astype(str).isin(PEOPLE_UNITS)]) - 1
        if others:
            detail += "; " + tr_n(
                "{count} other count below, not added up",
                "{count} other counts below, not added up",
                others,
            )
        return Card(label, fact_text(top), detail, evidence_ids=top["observation_ids"].split(";"))
    return Card(tr("People reached"), not_reported(), tr("no count of people reached"))


def key_figures(dataset: Dataset, geography_id: str) -> list[Card]:
    """The key figures of a geography: latest rate, target vs result, money, people, gaps."""
    table = facts_for(dataset, geography_id)
    silent = silent_projects(table, dataset.indicators)
    gaps = Card(
        tr("What the sources do not say"),
        tr("{silent} of {total} component projects", silent=len(silent), total=len(PROJECTS)),
        tr("silent: {projects}", projects=", ".join(p.split(":")[0] for p in silent))
        if silent
        else tr("none silent"),
    )
    return [
        _rate_card(dataset, geography_id, table),
        _target_card(dataset, geography_id),
        _money_card(dataset, geography_id, table),
        _people_card(table),
        gaps,
    ]
