"""Targets and their verdicts, as strong as the data allow and no stronger.

A target's status (:data:`STATUSES`):

- ``met`` / ``not_met``: the data reach the end of the target's period and hold a like-for-like
  result: a printed result of the same measure, period, standard and method, or the pace (or
  level) of the geography's own rate series at the period's end;
- ``on_track`` / ``behind``: the data do not reach the period's end. The average pace so far,
  as a source prints it from the period's start (``printed_pace_so_far``), or from one series
  (same geography, standard and method, both endpoints year-end results, the first at the
  period's start: ``pace_so_far``), is set against the pace the target needs;
- ``achieved_as_stated``: no figure answers the target, but its own sentence says it was met or
  exceeded (:data:`ACHIEVED_PHRASES`): the source's claim, not a figure;
- ``not_comparable``: results exist but none answers the target (``reason`` says why);
- ``not_reported``: no result.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import pandas as pd

from helpers.analysis.common import (
    ids,
    is_total,
    observations,
    standard_in_force,
    standards_agree,
)
from helpers.analysis.trajectories import RATE, pace_row, rates, year_end_results
from helpers.facts import facts

STATUSES = ("met", "not_met", "on_track", "behind", "achieved_as_stated", "not_comparable",
            "not_reported")  # fmt: skip
REASONS = (
    "printed_result", "rate_at_period_end", "pace_from_rates", "pace_so_far", "printed_pace_so_far",
    "no_figure_source_states_achieved", "bound_straddles_target", "different_period",
    "period_not_printed", "result_not_year_end", "average_against_total_fall",
    "different_standard", "different_method", "no_baseline_in_series", "no_result_for_period",
    "no_result",
)  # fmt: skip
# The words with which a target's own sentence says it was met or exceeded.
ACHIEVED_PHRASES = ("hoàn thành vượt", "vượt kế hoạch", "vượt chỉ tiêu", "đạt và vượt")
# Reduction indicators whose targets and results can meet: a target of one is matched with a
# result of the same indicator, or of the single-year form for a one-year target.
FAMILIES = {
    "poor_rate_reduction_annual": ("poor_rate_reduction_annual", "poor_rate_reduction"),
    "poor_rate_reduction_annual_ethnic_minority": ("poor_rate_reduction_annual_ethnic_minority",),
    "poor_rate_reduction_annual_poor_districts": ("poor_rate_reduction_annual_poor_districts",),
    "poor_rate_reduction_annual_poor_districts_difficult_communes": (
        "poor_rate_reduction_annual_poor_districts_difficult_communes",
    ),
    "poor_rate_reduction": ("poor_rate_reduction", "poor_rate_reduction_annual"),
    RATE: (RATE,),
    "poor_near_poor_reduction_share": ("poor_near_poor_reduction_share",),
    "poor_near_poor_households_reduction": ("poor_near_poor_households_reduction",),
}
# Targets whose answer can be read from the rate series: the pace it needs is a fall per year.
PACE_TARGETS = ("poor_rate_reduction_annual", "poor_rate_reduction", RATE)

COLUMNS = [
    "target_id", "observation_ids", "geography_id", "indicator_id", "period_start", "period_end",
    "target_value", "target_low", "target_high", "qualifier", "poverty_standard", "method",
    "status", "reason", "result_value", "result_observation_ids", "required_pace",
    "achieved_pace", "pace_formula", "pace_start_year", "as_of_year", "other_result_ids",
]  # fmt: skip


def bounds(fact: dict) -> tuple[float, float]:
    """The interval a fact's value is known to lie in."""
    q, v = str(fact["qualifier"]), float(fact["value"])
    if q == "range":
        return float(fact["low"]), float(fact["high"])
    if q in ("over", "at least", "range low"):
        return v, math.inf
    if q in ("below", "range high", "about"):  # "gần": nearly, at most the value
        return -math.inf, v
    return v, v


def judge(target: dict, low: float, high: float) -> str:
    """``met``, ``not_met`` or ``undetermined``: a result in ``[low, high]`` against a target.

    A reduction target asks for at least its lower end ("over 3": more than 3); a rate target
    printed "below 3.4%" asks for a rate under 3.4, one printed as a level for one at or under it.
    """
    q = str(target["qualifier"])
    ceiling = str(target["indicator_id"]) == RATE and q in ("exact", "about")
    if q in ("below", "range high") or ceiling:
        t = float(target["value"])
        if (high <= t) if ceiling else (high < t):
            return "met"
        return "not_met" if ((low > t) if ceiling else (low >= t)) else "undetermined"
    t = float(target["low"]) if q == "range" else float(target["value"])
    strict = q == "over"
    if (low > t) if strict else (low >= t):
        return "met"
    return "not_met" if ((high <= t) if strict else (high < t)) else "undetermined"


def _mismatch(target: dict, result: dict) -> str:
    """The reason code why a printed result does not answer a target, or ``""``."""
    t_start, t_end = target["period_start"], target["period_end"]
    r_start, r_end = result["period_start"], result["period_end"]
    if pd.isna(t_end) or pd.isna(r_end):
        return "period_not_printed"
    t_start = t_end if pd.isna(t_start) else t_start
    date = result.get("date")
    if not pd.isna(date) and (pd.Timestamp(date).month, pd.Timestamp(date).day) != (12, 31):
        return "result_not_year_end"
    level = str(target["indicator_id"]) == RATE
    if (level and r_end != t_end) or (not level and (r_start, r_end) != (t_start, t_end)):
        return "different_period"
    yearly_t = str(target["unit"]) == "percentage points per year"
    yearly_r = str(result["unit"]) == "percentage points per year"
    if yearly_t != yearly_r and not pd.isna(r_start) and r_end > r_start:
        return "average_against_total_fall"
    if not standards_agree(target["poverty_standard"], result["poverty_standard"], r_end):
        return "different_standard"
    t_method, r_method = target.get("method"), result.get("method")
    if not pd.isna(t_method) and not pd.isna(r_method) and t_method != r_method:
        return "different_method"
    return ""


def _pace_so_far(target: dict, result: dict) -> bool:
    """Whether ``result`` is a printed average fall per year from the start of the target's
    period to a year before its end: the pace so far, as the source gives it (then judged as on
    track or behind, like a pace read from the rate series)."""
    if str(target["unit"]) != "percentage points per year" or str(result["unit"]) != str(
        target["unit"]
    ):
        return False
    t_start, t_end = target["period_start"], target["period_end"]
    r_start, r_end = result["period_start"], result["period_end"]
    if any(pd.isna(v) for v in (t_start, t_end, r_start, r_end)):
        return False
    if not (r_start == t_start and r_start < r_end < t_end):
        return False
    if not standards_agree(target["poverty_standard"], result["poverty_standard"], r_end):
        return False
    t_method, r_method = target.get("method"), result.get("method")
    return pd.isna(t_method) or pd.isna(r_method) or t_method == r_method


def _series_for(table: pd.DataFrame, target: dict) -> pd.DataFrame:
    """Year-end results of the target's geography under its standard (in force in the year the
    target is due) and its method."""
    own = table[table["geography_id"] == target["geography_id"]]
    standard = standard_in_force(target["poverty_standard"], target["period_end"])
    own = own[own["standard_in_force"] == standard]
    method = target.get("method")
    if not pd.isna(method):
        own = own[own["method"] == method]
    return own


def _from_series(target: dict, series: pd.DataFrame) -> dict | None:
    """A verdict read from the rate series; ``{"status": None, "reason": ...}`` when the series
    cannot give one for a reason worth stating; ``None`` when it has nothing to say."""
    if str(target["indicator_id"]) not in PACE_TARGETS or series.empty:
        return None
    level = str(target["indicator_id"]) == RATE
    end = int(target["period_end"])
    start = end if pd.isna(target["period_start"]) else int(target["period_start"])
    single = str(target["indicator_id"]) == "poor_rate_reduction" and start == end
    years = sorted(int(y) for y in series["year"].unique())
    as_of = max(years)
    # The first endpoint: the year before a one-year fall; the period's start (or the year
    # before it) for an average; for a level, the series' first year-end result.
    baseline = years if level else [start - 1] if single else [start - 1, start]
    firsts = [y for y in years if y in baseline and y < end]
    if not firsts:
        return {"status": None, "reason": "no_baseline_in_series", "as_of_year": as_of}
    first = firsts[-1] if single else firsts[0]
    last = end if end in years else max(y for y in years if y <= end)
    if last <= first:
        return {
            "status": None,
            "reason": "no_result_for_period" if as_of < end else "",
            "as_of_year": as_of,
        }
    row = pace_row(series, first, last)
    achieved = -row["pace_pp_per_year"]
    done = last == end
    if level:  # the fall per year a level needs from the first endpoint
        need = (row["start_value"] - float(target["value"])) / (end - first)
        status = judge(target, row["end_value"], row["end_value"]) if done else (
            "met" if achieved >= need else "not_met")  # fmt: skip
    else:
        need = bounds(target)[0]
        status = judge(target, achieved, achieved)
    if not done:
        status = {"met": "on_track", "not_met": "behind"}.get(status, status)
    reason = ("rate_at_period_end" if level else "pace_from_rates") if done else "pace_so_far"
    return {
        "status": "not_comparable" if status == "undetermined" else status,
        "reason": "bound_straddles_target" if status == "undetermined" else reason,
        "result_value": row["end_value"] if reason == "rate_at_period_end" else achieved,
        "result_observation_ids": row["observation_ids"], "required_pace": need,
        "achieved_pace": achieved, "pace_formula": row["formula"], "pace_start_year": first,
        "as_of_year": last,
    }  # fmt: skip


def _states_achieved(target: dict) -> bool:
    excerpt = target.get("excerpt")
    text = "" if pd.isna(excerpt) else str(excerpt).lower()
    return any(phrase in text for phrase in ACHIEVED_PHRASES)


def verdict(target: dict, results: pd.DataFrame, series: pd.DataFrame) -> dict:
    """The verdict on one target (a fact) given the results of its family and its rate series.

    In order: a printed like-for-like result; the rate series; the source's own claim; else
    not reported (nothing for the target's period yet, or nothing at all) or not comparable.
    """
    others = ids(*results["observation_ids"])
    reasons = []
    for result in results.to_dict("records"):
        why = _mismatch(target, result)
        if why == "different_period" and _pace_so_far(target, result):
            achieved = float(result["value"])
            status = {"met": "on_track", "not_met": "behind"}.get(
                judge(target, *bounds(result)), "not_comparable"
            )
            return {
                "status": status,
                "reason": "printed_pace_so_far" if status != "not_comparable"
                else "bound_straddles_target",
                "result_value": achieved, "achieved_pace": achieved,
                "required_pace": bounds(target)[0],
                "result_observation_ids": ids(result["observation_ids"]),
                "pace_start_year": result["period_start"],
                "as_of_year": result["period_end"], "other_result_ids": others,
            }  # fmt: skip
        if why:
            reasons.append(why)
            continue
        status = judge(target, *bounds(result))
        return {
            "status": "not_comparable" if status == "undetermined" else status,
            "reason": "bound_straddles_target" if status == "undetermined" else "printed_result",
            "result_value": float(result["value"]),
            "result_observation_ids": ids(result["observation_ids"]),
            "as_of_year": result["period_end"], "other_result_ids": others,
        }  # fmt: skip
    read = _from_series(target, series) or {}
    if read.get("status"):
        return read | {"other_result_ids": others}
    if _states_achieved(target):
        return {"status": "achieved_as_stated", "reason": "no_figure_source_states_achieved",
                "other_result_ids": others}  # fmt: skip
    ends = [y for y in results["period_end"] if not pd.isna(y)]
    if read.get("reason") == "no_result_for_period":
        ends = [read["as_of_year"]]
    if read.get("reason") != "no_baseline_in_series" and (
        read.get("reason") == "no_result_for_period" or (ends and max(ends) < target["period_end"])
    ):
        return {"status": "not_reported", "reason": "no_result_for_period",
                "as_of_year": max(ends), "other_result_ids": others}  # fmt: skip
    if read.get("reason") or reasons:
        reason = read.get("reason") or reasons[0]
        as_of = read.get("as_of_year", pd.NA)
        return {"status": "not_comparable", "reason": reason, "as_of_year": as_of,
                "other_result_ids": others}  # fmt: skip
    return {"status": "not_reported", "reason": "no_result", "other_result_ids": others}


def verdicts(dataset, geography_ids: Iterable[str] | None = None) -> pd.DataFrame:
    """One row per reduction or rate target (a range's two ends are one target).

    Columns: ``target_id`` (the first observation id), ``observation_ids``, ``geography_id``,
    ``indicator_id``, ``period_start``, ``period_end``, ``target_value``, ``target_low``,
    ``target_high``, ``qualifier``, ``poverty_standard``, ``method``, ``status``
    (:data:`STATUSES`), ``reason`` (:data:`REASONS`), ``result_value`` (a printed result, the
    rate at the period's end, or the achieved fall per year), ``result_observation_ids``,
    ``required_pace`` and ``achieved_pace`` (pp fall per year, for verdicts read from a rate
    series), ``pace_formula``, ``pace_start_year``, ``as_of_year`` (the last year the answer
    reaches),
    ``other_result_ids`` (every result of the target's family, matched or not).
    """
    obs = observations(dataset, geography_ids)
    table = facts(obs[is_total(obs)])
    table["unit"] = table["unit"].astype(str)
    series_all = year_end_results(rates(dataset, geography_ids))
    kinds = table["kind"].astype(str)
    targets = table[kinds.isin(["target", "plan"]) & table["indicator_id"].isin(FAMILIES)]
    actual = table[kinds == "actual"]
    rows = []
    for target in targets.to_dict("records"):
        family = FAMILIES[target["indicator_id"]]
        results = actual[
            actual["indicator_id"].isin(family) & (actual["geography_id"] == target["geography_id"])
        ]
        results = results.sort_values(["period_end", "date"], ascending=False, na_position="last")
        found = verdict(target, results, _series_for(series_all, target))
        rows.append(
            {
                "target_id": ids(target["observation_ids"])[0],
                "observation_ids": ids(target["observation_ids"]),
                "geography_id": target["geography_id"],
                "indicator_id": target["indicator_id"],
                "period_start": target["period_start"],
                "period_end": target["period_end"],
                "target_value": float(target["value"]),
                "target_low": float(target["low"]),
                "target_high": float(target["high"]),
                "qualifier": target["qualifier"],
                "poverty_standard": target["poverty_standard"],
                "method": target.get("method"),
                **found,
            }
        )
    out = pd.DataFrame(rows, columns=COLUMNS)
    for column in ("period_start", "period_end", "pace_start_year", "as_of_year"):
        out[column] = out[column].astype("Int64")
    for column in ("result_value", "required_pace", "achieved_pace"):
        out[column] = out[column].astype(float)
    for column in ("result_observation_ids", "other_result_ids"):
        out[column] = [v if isinstance(v, tuple) else () for v in out[column]]
    return out
