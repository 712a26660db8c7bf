"""Findings about poverty, in the page's language, selected from the analysis tables.

A profile's findings lead with the geography's change and pace, then the nation's over the same
years, standard and method (only where both series hold those years). What the data cover
(counts of projects, figures and sources) is :func:`data_coverage`, a section of its own.
"""

from __future__ import annotations

import pandas as pd

from helpers.analysis import money, trajectories
from helpers.analysis.trajectories import pace_row, year_end_results
from helpers.facts import Dataset, facts_for
from helpers.format import (
    format_date,
    format_number,
    format_period,
    format_quantity,
    format_standard,
    is_missing,
    is_true,
)
from helpers.geo import geography_name, reorganisation_note
from helpers.i18n import tr, tr_n
from helpers.profile import silent_projects, when
from helpers.sources import discrepancies
from helpers.targets_text import ANSWERED, headline_status, target_statuses
from helpers.vocabulary import METHOD_LABELS, PROJECTS
from helpers.vocabulary import label as vlabel

NATION = "vn"
REVIEW = "administrative review"


def when_text(rate: pd.Series, fact: pd.Series | None = None) -> str:
    """When a rate (a row of :func:`helpers.analysis.trajectories.rates`) stands: its year, or
    for a figure during the year its date ("to date on 23 September 2025")."""
    if rate["as_of"] == "to_date":
        if is_missing(rate["date"]):
            return tr("to date in {year}", year=int(rate["year"]))
        return tr("to date on {date}", date=format_date(rate["date"]))
    if rate["as_of"] == "mid_year":
        return tr("on {date}", date=format_date(rate["date"]))
    return when(fact) if fact is not None else str(int(rate["year"]))


def _pct(value: float) -> str:
    return format_quantity(value, "percent", "exact", decimals=2)


NAMED = ("2016-2020", "2021-2025")


def _under(standard: str, method: str, inferred: object = False) -> str:
    """The opening of a sentence on a series: "Under the 2021–2025 standard (review counts)";
    a standard inferred from the period for one of its endpoints says so."""
    methods = {REVIEW: tr("administrative review counts"),
               "household survey": tr("household survey estimates")}  # fmt: skip
    said = [tr("inferred")] if is_true(inferred) and standard in NAMED else []
    said += [methods[method]] if method in methods else []
    how = f" ({'; '.join(said)})" if said else ""
    if standard in NAMED:
        return tr("Under the {standard}", standard=format_standard(standard)) + how
    return tr("With no poverty standard named") + how


def main_pace(dataset: Dataset, geography_id: str) -> pd.Series | None:
    """The geography's pace to lead with: the 2021–2025 standard and review counts first, then
    the latest end year."""
    paces = trajectories.paces(dataset, [geography_id])
    if paces.empty:
        return None
    order = paces.assign(
        _new=paces["poverty_standard"] == "2021-2025", _review=paces["method"] == REVIEW
    ).sort_values(["_new", "_review", "end_year"], ascending=False, kind="stable")
    return order.iloc[0]


def nation_alongside(dataset: Dataset, pace: pd.Series, nation: str = NATION):
    """The geography's and the nation's paces over the widest span of years both series hold
    (same standard in force and method), as two pace rows; ``None`` where they share < 2 years."""
    rates = year_end_results(trajectories.rates(dataset, [pace["geography_id"], nation]))
    same = rates[(rates["standard_in_force"] == pace["poverty_standard"])
                 & (rates["method"] == pace["method"])]  # fmt: skip
    own, national = (
        same[same["geography_id"] == pace["geography_id"]],
        same[same["geography_id"] == nation],
    )
    years = sorted(set(own["year"].astype(int)) & set(national["year"].astype(int)))
    if len(years) < 2 or pace["geography_id"] == nation:
        return None
    return pace_row(own, years[0], years[-1]), pace_row(national, years[0], years[-1])


def _pace_sentence(pace: pd.Series, name: str) -> str:
    """A series' change from its first to its last year-end figure, and its pace."""
    fields = {
        "under": _under(pace["poverty_standard"], pace["method"], pace.get("standard_inferred")),
        "name": name,
        "first": _pct(pace["start_value"]),
        "first_year": int(pace["start_year"]),
        "last": _pct(pace["end_value"]),
        "last_year": int(pace["end_year"]),
        "points": format_number(abs(pace["change_pp"]), 2),
        "pace": format_number(abs(pace["pace_pp_per_year"]), 2),
    }
    if pace["change_pp"] <= 0:
        return tr(
            "{under}, {name}'s poor-household rate fell from {first} ({first_year}) to "
            "{last} ({last_year}): {points} percentage points, {pace} a year.",
            **fields,
        )
    return tr(
        "{under}, {name}'s poor-household rate rose from {first} ({first_year}) to "
        "{last} ({last_year}): {points} percentage points, {pace} a year.",
        **fields,
    )


def _trajectory(dataset: Dataset, geography_id: str, name: str) -> list[str]:
    pace = main_pace(dataset, geography_id)
    if pace is None:
        return []
    out = [_pace_sentence(pace, name)]
    both = nation_alongside(dataset, pace)
    if both is not None:
        own, national = both
        fields = {
            "start": own["start_year"], "end": own["end_year"], "name": name,
            "a": _pct(own["start_value"]), "b": _pct(own["end_value"]),
            "c": _pct(national["start_value"]), "d": _pct(national["end_value"]),
        }  # fmt: skip
        if own["change_pp"] < 0 and national["change_pp"] < 0:
            out.append(
                tr(
                    "Over {start}–{end}, the years both series hold, {name}'s rate fell from {a} "
                    "to {b}, {p} percentage points a year, and the nation's from {c} to {d}, {q} "
                    "a year, under the same standard and method.",
                    p=format_number(-own["pace_pp_per_year"], 2),
                    q=format_number(-national["pace_pp_per_year"], 2),
                    **fields,
                )
            )
        else:
            out.append(
                tr(
                    "Over {start}–{end}, the years both series hold, {name}'s rate went from {a} "
                    "to {b} ({p} percentage points a year) and the nation's from {c} to {d} ({q} "
                    "a year), under the same standard and method.",
                    p=format_number(own["pace_pp_per_year"], 2),
                    q=format_number(national["pace_pp_per_year"], 2),
                    **fields,
                )
            )
    later = trajectories.rates(dataset, [geography_id])
    later = later[
        (later["series_id"] == pace["series_id"])
        & (later["kind"] == "actual")
        & (later["as_of"] != "year_end")
        & (later["year"] >= pace["end_year"])
    ]
    if not later.empty:
        last = later.sort_values(["year", "date"]).iloc[-1]
        out.append(
            tr(
                "A later figure, {value} {when}, is reported during the year: it is not a "
                "year-end review result.",
                value=_pct(last["value"]), when=when_text(last),
            )
        )  # fmt: skip
    return out


def _method_label(method: str) -> str:
    return vlabel(METHOD_LABELS, method) if method in METHOD_LABELS else ""


def _rates_without_pace(dataset: Dataset, geography_id: str, name: str) -> str:
    """What little is known of the rate where no series has two year-end results."""
    rates = trajectories.rates(dataset, [geography_id])
    rates = rates[rates["kind"] == "actual"]
    if rates.empty:
        return tr("No source in the dataset gives a poor-household rate for {name}.", name=name)
    told = "; ".join(
        dict.fromkeys(  # the same figure from several sources is said once
            tr("{rate} ({when}, {standard})", rate=_pct(r["value"]), when=when_text(r),
               standard=", ".join(filter(None, [format_standard(r),
                                                 _method_label(r["method"])])))
            for _, r in rates.sort_values(["year", "observation_id"]).iterrows()
        )
    )  # fmt: skip
    return tr(
        "The sources give no two year-end rates of {name} in one series (one standard and "
        "method), so no pace can be read: {rates}.",
        name=name,
        rates=told,
    )


def _target_sentence(status) -> str:
    t = status.target
    fields = {"target": status.target_text, "indicator": str(t["label"])[:1].lower()
              + str(t["label"])[1:], "period": format_period(t["period_start"], t["period_end"]),
              "status": status.label, "reason": status.reason}  # fmt: skip
    if status.reason:
        return tr("Target of {target} for {indicator} ({period}): {status} — {reason}.", **fields)
    return tr("Target of {target} for {indicator} ({period}): {status}.", **fields)


def _money_sentence(dataset: Dataset, geography_id: str) -> str | None:
    rows = money.funding(dataset, [geography_id])
    own = rows[(rows["money_class"] == "programme") & rows["is_total"]
               & (rows["unit"] == "VND billion") & (rows["kind"] == "actual")]  # fmt: skip
    own = own.sort_values(["period_end", "observation_id"], ascending=[False, True])
    with_basis = own[own["per_poor_household_vnd_million"].notna()]
    if with_basis.empty:
        return None
    r = with_basis.iloc[0]
    return tr(
        "The programme money allocated for {period}, {amount}, is {per} million VND per poor "
        "household ({households} poor households in {year}).",
        period=format_period(r["period_start"], r["period_end"]),
        amount=format_quantity(r["value"], "VND billion", r["qualifier"], decimals=1),
        per=format_number(r["per_poor_household_vnd_million"], 1),
        households=format_number(r["poor_households"]),
        year=_basis_year(dataset, r["poor_households_observation_id"]),
    )


def _basis_year(dataset: Dataset, observation_id: str) -> int:
    obs = dataset.observations
    return int(obs.loc[obs["observation_id"] == observation_id, "period_end"].iloc[0])


def findings(dataset: Dataset, geography_id: str) -> list[str]:
    """Three to six sentences on a geography's poverty, every number from the analysis tables."""
    name = geography_name(dataset, geography_id)
    out = _trajectory(dataset, geography_id, name)
    if not out:
        out = [_rates_without_pace(dataset, geography_id, name)]
    statuses = target_statuses(dataset, [geography_id])
    answered = [s for s in statuses if s.status in ANSWERED]
    if answered:
        first = headline_status(answered)
        out += [_target_sentence(s) for s in [first, *[a for a in answered if a is not first]][:2]]
    elif statuses:
        out.append(_target_sentence(headline_status(statuses)))
    sentence = _money_sentence(dataset, geography_id)
    if sentence:
        out.append(sentence)
    main = main_pace(dataset, geography_id)
    if main is not None:  # the other series (another standard or method), each on its own
        paces = trajectories.paces(dataset, [geography_id])
        out += [_pace_sentence(p, name) for _, p in paces.iterrows()
                if p["series_id"] != main["series_id"]]  # fmt: skip
    note, _ = reorganisation_note(dataset, geography_id)
    if note:
        out.append(note.split(". ")[0] + ".")
    return out[:6]


def data_coverage(dataset: Dataset, geography_id: str) -> list[str]:
    """What the data cover for a geography: projects reported, discrepancies, figures, sources."""
    table = facts_for(dataset, geography_id)
    name = geography_name(dataset, geography_id)
    silent = silent_projects(table, dataset.indicators)
    reported = len(PROJECTS) - len(silent)
    out = [
        tr("The sources give figures for {reported} of the {total} component projects; they "
           "are silent on {silent}.", reported=reported, total=len(PROJECTS),
           silent=", ".join(p.split(":")[0] for p in silent))
        if silent else
        tr("The sources give figures for {reported} of the {total} component projects.",
           reported=reported, total=len(PROJECTS))
    ]  # fmt: skip
    d = discrepancies(dataset)
    ids = set(";".join(table["observation_ids"]).split(";"))
    gaps = [i for i in d["total_observation_id"].astype(str) if i in ids] if len(d) else []
    if gaps:
        out.append(
            tr_n(
                "In {count} case the parts a report prints do not add up to the total it prints; "
                "both are kept and shown beside the figure.",
                "In {count} cases the parts a report prints do not add up to the total it "
                "prints; both are kept and shown beside the figure.",
                len(gaps),
            )
        )
    out.append(
        tr_n(
            "The dataset holds {figures} figures for {name} from {count} source; each is shown "
            "with its evidence.",
            "The dataset holds {figures} figures for {name} from {count} sources; each is shown "
            "with its evidence.",
            table["source_id"].astype(str).nunique(),
            figures=format_number(len(table)),
            name=name,
        )
    )
    return out
