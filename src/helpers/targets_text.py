"""Target verdicts in the page's language: the statuses, their labels and the reasons.

The verdicts are :func:`helpers.analysis.targets.verdicts`; this module only selects from that
table and words it. A status is a key with spaces (``"not met"``, ``"on track"``; its CSS
class is ``status-not-met``), the analysis code with ``_`` read as a space.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import pandas as pd

from helpers.analysis import targets as analysis_targets
from helpers.facts import Dataset, fact_text, facts_for
from helpers.format import format_number, format_period, is_missing
from helpers.i18n import tr

STATUSES = tuple(s.replace("_", " ") for s in analysis_targets.STATUSES)
# Statuses that answer the target with a figure, or with the source's own claim.
ANSWERED = ("met", "not met", "on track", "behind", "achieved as stated")


def status_label(status: str) -> str:
    """A target's status (one of :data:`STATUSES`) in the page's language."""
    labels = {
        "met": tr("met"),
        "not met": tr("not met"),
        "on track": tr("on track"),
        "behind": tr("behind"),
        "achieved as stated": tr("achieved, as the source states"),
        "not reported": tr("not reported"),
        "not comparable": tr("not comparable"),
    }
    if status not in labels:
        raise ValueError(f"unknown target status {status!r}; known: {', '.join(STATUSES)}")
    return labels[status]


@dataclass
class TargetStatus:
    """One target and what the data says of it: a row of the verdicts, with its facts.

    ``status`` is one of :data:`STATUSES`; ``reason`` is written in the page's language;
    ``result`` is the printed result, or the pace (or rate) read from the rate series as a
    derived fact (its ``formula`` and both ``observation_ids``); ``verdict`` is the row.
    """

    target: pd.Series
    status: str
    result: pd.Series | None = None
    reason: str = ""
    verdict: pd.Series | None = None
    others: list[pd.Series] = field(default_factory=list)

    @property
    def target_text(self) -> str:
        """The target's value as a reader sees it (``"at least 4 pp/year"``)."""
        return fact_text(self.target)

    @property
    def label(self) -> str:
        """The status in the page's language."""
        return status_label(self.status)

    def evidence_ids(self) -> list[str]:
        ids = [i for i in str(self.target["observation_ids"]).split(";") if i]
        if self.result is not None:
            ids += [i for i in str(self.result["observation_ids"]).split(";") if i]
        return list(dict.fromkeys(ids))


def _pace_fact(v: pd.Series, target: pd.Series) -> pd.Series:
    """The pace (or end-of-period rate) of a verdict read from the rate series, as a fact."""
    level = v["reason"] == "rate_at_period_end"
    first = int(v["as_of_year"]) if level else int(v["pace_start_year"])
    return pd.Series(
        {
            "observation_ids": ";".join(v["result_observation_ids"]),
            "geography_id": v["geography_id"],
            "indicator_id": "poor_household_rate" if level else "poor_rate_reduction_annual",
            "unit": "percent" if level else "percentage points per year",
            "qualifier": "exact",
            "value": round(float(v["result_value"]), 2),
            "low": round(float(v["result_value"]), 2),
            "high": round(float(v["result_value"]), 2),
            "period_start": first,
            "period_end": int(v["as_of_year"]),
            "date": pd.NaT,
            "kind": "actual",
            "poverty_standard": target["poverty_standard"],
            "formula": v["pace_formula"],
            "label": tr("average fall per year, from two year-end rates"),
        }
    )


def _reason(v: pd.Series, result: pd.Series | None, others: list[pd.Series]) -> str:
    """The reason of a verdict in words."""
    code = v["reason"]
    if code in ("pace_so_far", "pace_from_rates"):
        start, end = int(v["pace_start_year"]), int(v["as_of_year"])
        text = tr(
            "average fall per year from the two year-end rates of one series, {start} to {end}: "
            "{achieved} pp a year, against {required} pp a year the target needs",
            start=start,
            end=end,
            achieved=format_number(v["achieved_pace"], 2),
            required=format_number(v["required_pace"], 2),
        )
        if code == "pace_so_far":
            text += tr("; the data reach {year}, the target's period runs to {end}",
                       year=int(v["as_of_year"]), end=int(v["period_end"]))  # fmt: skip
        return text
    if code == "printed_pace_so_far":
        return tr(
            "average fall per year as the source prints it, {start} to {end}: {achieved} pp a "
            "year, against {required} pp a year the target needs; the target's period runs to "
            "{last}",
            start=int(v["pace_start_year"]),
            end=int(v["as_of_year"]),
            achieved=format_number(v["achieved_pace"], 2),
            required=format_number(v["required_pace"], 2),
            last=int(v["period_end"]),
        )
    texts = {
        "printed_result": "" if result is None else tr("result {result}", result=fact_text(result)),
        "rate_at_period_end": ""
        if result is None
        else tr(
            "the rate at the end of the period, from the same series: {result}",
            result=fact_text(result),
        ),
        "no_figure_source_states_achieved": tr(
            "the source states that the target was met or exceeded but gives no figure: this is "
            "the source's claim"
        ),
        "bound_straddles_target": tr(
            "the result is a bound that cannot tell whether the target was met"
        ),
        "different_period": tr("the results reported are for other periods"),
        "period_not_printed": tr("a period is not printed"),
        "result_not_year_end": tr("the result is for a day inside the year, not its end"),
        "average_against_total_fall": tr("a yearly average against a total fall"),
        "different_standard": tr("the results use another poverty standard"),
        "different_method": tr("different methods (review count vs survey estimate)"),
        "no_baseline_in_series": tr(
            "the rate series under the target's standard and method has no year-end figure at "
            "the start of the target's period"
        ),
        "no_result": tr("no result is reported"),
    }
    if code == "no_result_for_period":
        text = tr("no result for the target's period is reported; the data reach {year}",
                  year=int(v["as_of_year"]))  # fmt: skip
    else:
        text = texts[code]
    if v["status"] == "not_comparable" and others:
        shown = "; ".join(
            f"{fact_text(o)} ({format_period(o['period_start'], o['period_end'])})"
            for o in others[:3]
        )
        text += tr(" (results reported: {results})", results=shown)
    return text


def target_statuses(dataset: Dataset, geography_ids: str | Iterable[str]) -> list[TargetStatus]:
    """Every reduction or rate target of the geographies, as :class:`TargetStatus`."""
    ids = [geography_ids] if isinstance(geography_ids, str) else list(geography_ids)
    table = facts_for(dataset, ids)
    first_id = table["observation_ids"].str.split(";").str[0]
    by_id = dict(zip(first_id, range(len(table)), strict=True))
    out = []
    for _, v in analysis_targets.verdicts(dataset, ids).iterrows():
        target = table.iloc[by_id[v["target_id"]]]
        result = None
        if v["reason"] in ("printed_result", "printed_pace_so_far"):
            result = table.iloc[by_id[v["result_observation_ids"][0]]]
        elif not is_missing(v["achieved_pace"]):
            result = _pace_fact(v, target)
        others = [table.iloc[by_id[i]] for i in v["other_result_ids"] if i in by_id]
        out.append(
            TargetStatus(
                target, v["status"].replace("_", " "), result, _reason(v, result, others), v,
                others,
            )
        )  # fmt: skip
    return out


def headline_status(statuses: list[TargetStatus]) -> TargetStatus:
    """The status to show first: an answered one, else the latest overall-rate target."""
    pool = [s for s in statuses if s.status in ANSWERED] or statuses
    overall_ids = ("poor_rate_reduction_annual", "poor_household_rate",
                   "poor_near_poor_reduction_share")  # fmt: skip
    pool = [s for s in pool if str(s.target["indicator_id"]) in overall_ids] or pool

    def end(s: TargetStatus) -> float:
        return -1.0 if is_missing(s.target["period_end"]) else float(s.target["period_end"])

    return max(pool, key=end)
