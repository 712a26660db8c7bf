"""The first screen of a report: key figures, target statuses and findings, built from the data.

Every number here is read from ``data/`` or computed from it in the open (a per-year amount, a
share, a fall between two years), and every sentence is worded only as strongly as the data
allows: a target without a matching result is "not reported", a result of another period or
standard is "not comparable", and a bound that straddles the target is "undetermined".
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import pandas as pd

from helpers.facts import (
    Dataset,
    fact_text,
    facts_for,
    is_total,
    select,
)
from helpers.format import NOT_REPORTED, format_number, format_period, format_standard, is_missing
from helpers.geo import geography_name, reorganisation_note
from helpers.profile import silent_projects
from helpers.sources import discrepancies
from helpers.vocabulary import (
    KIND_LABELS,
    METHOD_LABELS,
    PEOPLE_UNITS,
    PROGRAMME_FIRST_YEAR,
    PROGRAMME_LAST_YEAR,
    PROJECTS,
    TARGET_KINDS,
)
from helpers.vocabulary import label as vlabel

RATE = "poor_household_rate"
# Reduction indicators whose targets and results can meet: a target of one is matched with a
# result of the same indicator, or of the single-year form for a one-year target.
REDUCTIONS = {
    "poor_rate_reduction_annual": ("poor_rate_reduction_annual", "poor_rate_reduction"),
    "poor_rate_reduction_annual_ethnic_minority": ("poor_rate_reduction_annual_ethnic_minority",),
    "poor_rate_reduction_annual_poor_districts": ("poor_rate_reduction_annual_poor_districts",),
    "poor_rate_reduction_annual_poor_districts_difficult_communes": (
        "poor_rate_reduction_annual_poor_districts_difficult_communes",
    ),
    "poor_rate_reduction": ("poor_rate_reduction", "poor_rate_reduction_annual"),
    "poor_household_rate": ("poor_household_rate",),
    "poor_near_poor_reduction_share": ("poor_near_poor_reduction_share",),
    "poor_near_poor_households_reduction": ("poor_near_poor_households_reduction",),
}


def _ids(fact: pd.Series) -> list[str]:
    return [i for i in str(fact["observation_ids"]).split(";") if i]


def _year(value: object) -> int | None:
    return None if is_missing(value) else int(value)


def _latest_order(table: pd.DataFrame) -> pd.DataFrame:
    """Latest first: by period end, then date."""
    order = table.assign(
        _end=table["period_end"].astype(float).fillna(-1),
        _date=pd.to_datetime(table["date"], errors="coerce"),
    )
    return order.sort_values(["_end", "_date"], ascending=False, kind="stable").drop(
        columns=["_end", "_date"]
    )


# --- comparability -------------------------------------------------------------------------------


def standards_match(a: object, b: object, start: int | None, end: int | None) -> tuple[bool, str]:
    """Whether two figures' poverty standards agree, and the reason when they do not.

    "not stated" agrees with "2021-2025" only for periods that lie wholly in 2022–2025, when the
    2021–2025 standard was the only one in force; the reason then says so.
    """
    a, b = str(a), str(b)
    if a == b:
        return True, ""
    pair = {a, b}
    if pair == {"not stated", "2021-2025"} and start is not None and start >= 2022:
        return True, "one side names no standard; the 2021–2025 standard was the only one in force"
    if "not applicable" in pair:
        return True, ""
    return False, f"different poverty standards ({format_standard(a)} vs {format_standard(b)})"


def comparable(a: pd.Series | dict, b: pd.Series | dict) -> tuple[bool, str]:
    """Whether two facts can be set side by side as like with like, and why not.

    Like with like: the same indicator (so the same unit and, for money, the same kind of
    money), the same kind (results with results, targets and plans with each other), the same
    period and the same poverty standard and method.
    """
    reasons = []
    if str(a["indicator_id"]) != str(b["indicator_id"]):
        reasons.append("different measures")
    result_a = str(a["kind"]) not in TARGET_KINDS
    result_b = str(b["kind"]) not in TARGET_KINDS
    if str(a["kind"]) != str(b["kind"]) and not (not result_a and not result_b):
        ka = vlabel(KIND_LABELS, a["kind"])
        kb = vlabel(KIND_LABELS, b["kind"])
        reasons.append(f"it sets a {ka} against a {kb}")
    pa = format_period(a["period_start"], a["period_end"])
    pb = format_period(b["period_start"], b["period_end"])
    if pa != pb or "not stated" in pa:
        reasons.append(f"different periods ({pa} vs {pb})")
    start = (
        _year(a["period_start"]) if not is_missing(a["period_start"]) else _year(a["period_end"])
    )
    ok, why = standards_match(a["poverty_standard"], b["poverty_standard"], start, None)
    if not ok:
        reasons.append(why)
    ma, mb = a.get("method"), b.get("method")
    if not is_missing(ma) and not is_missing(mb) and str(ma) != str(mb):
        reasons.append("different methods (review count vs survey estimate)")
    return (not reasons), "; ".join(reasons)


# --- targets against results ---------------------------------------------------------------------


def _bounds(fact: pd.Series | dict) -> tuple[float, float]:
    """The interval a fact's value is known to lie in."""
    q = str(fact["qualifier"])
    if q == "range":
        return float(fact["low"]), float(fact["high"])
    v = float(fact["value"])
    if q in ("over", "at least", "range low"):
        return v, math.inf
    if q in ("below", "range high"):
        return -math.inf, v
    if q == "about":  # "gần": nearly, at most the value
        return -math.inf, v
    return v, v


def judge(target: pd.Series | dict, result: pd.Series | dict) -> str:
    """``met``, ``not met`` or ``undetermined``: a result against a target of the same measure.

    A reduction target (percentage points) asks for at least its lower end ("over 3" for more
    than 3); a rate target printed "below 3.4%" asks for a rate under 3.4, and a rate target
    printed as a level ("19.65%") for a rate at or under it.
    """
    r_lo, r_hi = _bounds(result)
    q = str(target["qualifier"])
    ceiling = str(target["indicator_id"]) == RATE and q in ("exact", "about")
    if q in ("below", "range high") or ceiling:  # a rate to bring down to (or under) a level
        t = float(target["value"])
        if (r_hi <= t) if ceiling else (r_hi < t):
            return "met"
        return "not met" if ((r_lo > t) if ceiling else (r_lo >= t)) else "undetermined"
    t = float(target["low"]) if q == "range" else float(target["value"])
    strict = q == "over"
    if (r_lo > t) if strict else (r_lo >= t):
        return "met"
    if (r_hi <= t) if strict else (r_hi < t):
        return "not met"
    return "undetermined"


@dataclass
class TargetStatus:
    """One target and what the data says of it."""

    target: pd.Series
    status: str  # met, not met, undetermined, not reported, not comparable
    result: pd.Series | None = None
    reason: str = ""
    others: list[pd.Series] = field(default_factory=list)  # results that could not be matched

    def evidence_ids(self) -> list[str]:
        ids = _ids(self.target)
        if self.result is not None:
            ids += _ids(self.result)
        return ids


def target_statuses(facts_table: pd.DataFrame) -> list[TargetStatus]:
    """Every reduction or rate target of a facts table, matched with a result where one fits."""
    totals = facts_table[is_total(facts_table)]
    targets = totals[
        totals["kind"].astype(str).isin(TARGET_KINDS)
        & totals["indicator_id"].astype(str).isin(REDUCTIONS)
    ]
    out = []
    for _, target in targets.iterrows():
        family = REDUCTIONS[str(target["indicator_id"])]
        results = totals[
            totals["indicator_id"].astype(str).isin(family)
            & (totals["kind"].astype(str) == "actual")
            & (totals["geography_id"].astype(str) == str(target["geography_id"]))
        ]
        if results.empty:
            out.append(TargetStatus(target, "not reported", reason="no result is reported"))
            continue
        matched, reasons = None, []
        for _, result in _latest_order(results).iterrows():
            ok, why = _target_result_match(target, result)
            if ok:
                matched = (result, why)
                break
            period = format_period(result["period_start"], result["period_end"])
            reasons.append(f"the result {fact_text(result)} ({period}): {why}")
        if matched is None:
            out.append(
                TargetStatus(
                    target, "not comparable", reason="; ".join(dict.fromkeys(reasons[:2])),
                    others=[r for _, r in results.iterrows()],
                )
            )  # fmt: skip
            continue
        result, why = matched
        out.append(TargetStatus(target, judge(target, result), result, reason=why))
    return out


def _target_result_match(target: pd.Series, result: pd.Series) -> tuple[bool, str]:
    """Whether a result answers a target: same period, same kind of fall, same standard."""
    t_start, t_end = _year(target["period_start"]), _year(target["period_end"])
    r_start, r_end = _year(result["period_start"]), _year(result["period_end"])
    reasons = []
    if t_end is None or r_end is None:
        reasons.append("a period is not printed")
    else:
        t_start = t_end if t_start is None else t_start
        rate_by = str(target["indicator_id"]) == RATE and r_end == t_end
        date = result.get("date")
        if not is_missing(date) and (pd.Timestamp(date).month, pd.Timestamp(date).day) != (12, 31):
            stamp = pd.Timestamp(date)
            reasons.append(
                f"the result is for {stamp.day} {stamp:%B} {stamp.year}, the target for the end "
                f"of {t_end}"
            )
            rate_by = True  # the date is the reason; the year is not a second one
        if r_start is None and not rate_by:
            reasons.append(f"the result's period is only 'to {r_end}'")
        elif (t_start, t_end) != (r_start, r_end) and not rate_by:
            reasons.append(
                f"it covers {format_period(r_start, r_end)}, the target "
                f"{format_period(t_start, t_end)}"
            )
    yearly_t = str(target["unit"]) == "percentage points per year"
    yearly_r = str(result["unit"]) == "percentage points per year"
    if yearly_t != yearly_r and r_start is not None and r_end is not None and r_end > r_start:
        reasons.append("a yearly average against a total fall")
    ok, why = standards_match(
        target["poverty_standard"], result["poverty_standard"], r_start or r_end, r_end
    )
    if not ok:
        reasons.append(why)
    if reasons:
        return False, "; ".join(reasons)
    return True, why


# --- key figures ---------------------------------------------------------------------------------


def latest_rates(facts_table: pd.DataFrame) -> pd.DataFrame:
    """Poor-household rates reported as results, latest first, the 2021–2025 standard first."""
    rates = select(facts_table, indicators=[RATE], totals_only=True)
    rates = rates[rates["kind"].astype(str) == "actual"]
    if rates.empty:
        return rates
    rates = _latest_order(rates)
    new = rates["poverty_standard"].astype(str) == "2021-2025"
    return pd.concat([rates[new], rates[~new]])


def rate_detail(fact: pd.Series) -> str:
    """``"2024, 2021–2025 standard, administrative review count"`` (a printed date, or a period
    marked inferred, as such)."""
    from helpers.profile import when

    parts = [when(fact), format_standard(fact["poverty_standard"])]
    method = fact.get("method")
    if not is_missing(method) and str(method) in METHOD_LABELS:
        parts.append(vlabel(METHOD_LABELS, method))
    return ", ".join(parts)


def former_area(dataset: Dataset, fact: pd.Series) -> str:
    """``"; reported after 1 July 2025 for the former area"`` when the unit no longer existed
    as such when its source was published, else ``""``."""
    geos = dataset.geographies
    if "valid_to" not in geos:
        return ""
    geo = geos[geos["geography_id"].astype(str) == str(fact["geography_id"])]
    sources = dataset.sources[dataset.sources["source_id"].astype(str) == str(fact["source_id"])]
    if geo.empty or sources.empty:
        return ""
    valid_to, published = geo.iloc[0]["valid_to"], sources.iloc[0]["date_published"]
    if is_missing(valid_to) or is_missing(published) or pd.Timestamp(published) <= valid_to:
        return ""
    since = pd.Timestamp(valid_to) + pd.Timedelta(days=1)
    return f"; reported after {since:%-d %B %Y} for the former area"


def programme_years(start: int | None, end: int | None) -> tuple[int, int, int] | None:
    """``(first, last, n)``: the years of a period in which the programme ran, or ``None``."""
    if start is None or end is None:
        return None
    first, last = max(start, PROGRAMME_FIRST_YEAR), min(end, PROGRAMME_LAST_YEAR)
    return (first, last, last - first + 1) if last >= first else None


def funding_per_programme_year(fact: pd.Series) -> tuple[float | None, str]:
    """An allocation divided by the programme years of its period, and the sentence that says so."""
    start, end = _year(fact["period_start"]), _year(fact["period_end"])
    years = programme_years(start, end)
    if years is None:
        return None, "per year: not computed (the period is not printed or precedes the programme)"
    first, last, n = years
    if n == 1 and start == end:
        return None, f"one year ({first}): no per-year division needed"
    value = float(fact["value"]) / n
    span = str(first) if n == 1 else f"{first}–{last}"
    note = ""
    if start is not None and start < PROGRAMME_FIRST_YEAR:
        note = (
            f"; the period printed starts in {start}, but the programme was approved "
            "in January 2022"
        )
    qualifier = "over " if str(fact["qualifier"]) in ("over", "at least") else ""
    text = (
        f"{qualifier}{format_number(value, 1)} billion VND per year over {n} programme "
        f"year{'s' if n != 1 else ''} ({span}{note})"
    )
    return value, text


def programme_funding(facts_table: pd.DataFrame) -> pd.DataFrame:
    """The programme's own allocations (totals), latest and longest period first."""
    money = select(facts_table, indicators=["funding_allocated"], totals_only=True)
    if money.empty:
        return money
    span = money["period_end"].astype(float) - money["period_start"].astype(float)
    return (
        money.assign(_span=span.fillna(-1), _end=money["period_end"].astype(float).fillna(-1))
        .sort_values(["_end", "_span"], ascending=False, kind="stable")
        .drop(columns=["_span", "_end"])
    )


def people_reached(facts_table: pd.DataFrame) -> pd.DataFrame:
    """Totals of people or households reached by the component projects, largest first."""
    people = facts_table[
        facts_table["unit"].astype(str).isin(PEOPLE_UNITS)
        & facts_table["component"].astype(str).isin(PROJECTS)
        & is_total(facts_table)
        & (facts_table["kind"].astype(str) == "actual")
    ]
    return people.sort_values("value", ascending=False, kind="stable")


@dataclass
class Card:
    """A key figure as data: the display module turns it into a card."""

    label: str
    value: str
    detail: str = ""
    status: str = ""
    evidence_ids: list[str] = field(default_factory=list)


def key_figures(dataset: Dataset, geography_id: str) -> list[Card]:
    """The key figures of a geography: latest rate, target vs result, money, people, gaps."""
    table = facts_for(dataset, geography_id)
    cards: list[Card] = []

    rates = latest_rates(table)
    if rates.empty:
        cards.append(Card("Poor-household rate, latest", NOT_REPORTED, "no source gives a rate"))
    else:
        latest = rates.iloc[0]
        same_year = rates[rates["period_end"] == latest["period_end"]]
        detail = rate_detail(latest) + former_area(dataset, latest)
        if len(same_year) > 1:
            detail += f"; {len(same_year)} figures for that year, all shown under Poverty rates"
        cards.append(Card("Poor-household rate, latest", fact_text(latest), detail,
                          evidence_ids=_ids(latest)))  # fmt: skip

    statuses = target_statuses(table)
    if not statuses:
        cards.append(Card("Reduction target", NOT_REPORTED, "no source gives a target"))
    else:
        main = _headline_status(statuses)
        target = main.target
        period = format_period(target["period_start"], target["period_end"])
        value = f"target {fact_text(target)} ({period})"
        if main.result is not None:
            value += f"; result {fact_text(main.result)}"
        reason = main.reason or ""
        detail = f"{target['label']}. " + reason[:1].upper() + reason[1:]
        cards.append(Card("Reduction target against result", value, detail.strip(),
                          status=main.status, evidence_ids=main.evidence_ids()))  # fmt: skip

    funding = programme_funding(table)
    if funding.empty:
        other = select(table, units=["VND billion"], totals_only=True)
        detail = (
            f"{len(other)} other amounts are reported (support policies, loans or earlier "
            "programmes); they are not the programme's allocation"
            if len(other)
            else "no amount is reported"
        )
        cards.append(Card("Programme money", NOT_REPORTED, detail))
    else:
        top = funding.iloc[0]
        period = format_period(top["period_start"], top["period_end"])
        kind = "planned" if str(top["kind"]) in TARGET_KINDS else "allocated"
        _, per_year = funding_per_programme_year(top)
        cards.append(Card(f"Programme money {kind}", f"{fact_text(top)} ({period})", per_year,
                          evidence_ids=_ids(top)))  # fmt: skip

    people = people_reached(table)
    if people.empty:
        cards.append(Card("People reached", NOT_REPORTED, "no count of people reached"))
    else:
        top = people.iloc[0]
        period = format_period(top["period_start"], top["period_end"])
        more = len(people) - 1
        detail = f"{top['label']}, {period}"
        if more:
            detail += f"; {more} other count{'s' if more > 1 else ''} below, not added up"
        cards.append(Card("People reached (largest count)", fact_text(top), detail,
                          evidence_ids=_ids(top)))  # fmt: skip

    silent = silent_projects(table, dataset.indicators)
    cards.append(
        Card(
            "What the sources do not say",
            f"{len(silent)} of {len(PROJECTS)} component projects",
            "silent: " + ", ".join(p.split(":")[0] for p in silent) if silent else "none silent",
        )
    )
    return cards


def _headline_status(statuses: list[TargetStatus]) -> TargetStatus:
    """The status to show first: a judged one, else the latest overall-rate target."""
    judged = [s for s in statuses if s.status in ("met", "not met", "undetermined")]
    pool = judged or statuses
    overall_ids = ("poor_rate_reduction_annual", RATE, "poor_near_poor_reduction_share")
    overall = [s for s in pool if str(s.target["indicator_id"]) in overall_ids]
    pool = overall or pool

    def end(s: TargetStatus) -> float:
        return -1.0 if is_missing(s.target["period_end"]) else float(s.target["period_end"])

    return max(pool, key=end)


# --- findings ------------------------------------------------------------------------------------


def standard_in_force(fact: pd.Series | dict) -> str:
    """The fact's poverty standard, or for "not stated" the one standard in force in its period.

    A figure for a period wholly in 2022–2025 that names no standard can only be under the
    2021–2025 standard (the only one in force); an earlier one stays "not stated". Tables show
    the standard as recorded; this serves only to keep one line per standard in charts.
    """
    standard = str(fact["poverty_standard"])
    start = fact["period_start"] if not is_missing(fact["period_start"]) else fact["period_end"]
    if standard == "not stated" and not is_missing(start) and int(start) >= 2022:
        return "2021-2025"
    return standard


def rate_series(facts_table: pd.DataFrame) -> dict[tuple[str, str, str], pd.DataFrame]:
    """Poor-household rates as results, one series per geography, standard and method.

    The standard is the one in force (:func:`standard_in_force`), kept in ``standard_used``.
    Where one year has several figures in a series (several sources), each is kept.
    """
    rates = select(facts_table, indicators=[RATE], totals_only=True)
    rates = rates[rates["kind"].astype(str) == "actual"].copy()
    if rates.empty:
        return {}
    rates["standard_used"] = [standard_in_force(r) for _, r in rates.iterrows()]
    method = rates["method"] if "method" in rates else pd.Series("", index=rates.index)
    rates["_m"] = method.fillna("").astype(str)
    out = {}
    for key, group in rates.groupby(
        [rates["geography_id"].astype(str), "standard_used", "_m"], sort=False
    ):
        out[key] = group.drop(columns="_m").sort_values("period_end")
    return out


def _when(fact: pd.Series) -> str:
    """``"2023"``, or the printed date (``"1 July 2025"``) of a figure not at a year's end."""
    if not is_missing(fact.get("date")):
        stamp = pd.Timestamp(fact["date"])
        if (stamp.month, stamp.day) != (12, 31):
            return f"{stamp.day} {stamp:%B} {stamp.year}"
    return str(int(fact["period_end"]))


def findings(dataset: Dataset, geography_id: str) -> list[str]:
    """Three to six sentences on a geography, every number from the data."""
    table = facts_for(dataset, geography_id)
    name = geography_name(dataset, geography_id)
    out: list[str] = []

    series = {k: s for k, s in rate_series(table).items() if s["period_end"].nunique() >= 2}
    if series:
        (_, standard, method), s = max(series.items(), key=lambda kv: kv[1]["period_end"].max())
        first, last = s.iloc[0], s.iloc[-1]
        fall = float(first["value"]) - float(last["value"])
        how = f" ({vlabel(METHOD_LABELS, method)}s)" if method in METHOD_LABELS else ""
        verb = "fell" if fall > 0 else "rose" if fall < 0 else "stayed"
        out.append(
            f"Under the {format_standard(standard)}, {name}'s poor-household rate {verb} from "
            f"{fact_text(first)} ({_when(first)}) to {fact_text(last)} ({_when(last)}), "
            f"{format_number(abs(fall), 2)} percentage points{how}."
        )
    else:
        rates = latest_rates(table)
        by_year = rates.groupby("period_end") if not rates.empty else []
        two = [g for _, g in by_year if g["poverty_standard"].astype(str).nunique() >= 2]
        if two:
            g = two[-1]
            told = "; ".join(f"{fact_text(r)} under the {format_standard(r['poverty_standard'])}"
                             for _, r in g.iterrows())  # fmt: skip
            out.append(
                f"The {int(g['period_end'].iloc[0])} review gives two poor-household rates for "
                f"{name}: {told}. They are different measures, not a change over time."
            )
        elif not rates.empty:
            r = rates.iloc[0]
            out.append(
                f"The sources give one poor-household rate for {name}: {fact_text(r)} "
                f"({rate_detail(r)}); no trend can be read from one figure."
            )
        else:
            out.append(f"No source in the dataset gives a poor-household rate for {name}.")

    for status in target_statuses(table)[:2]:
        t = status.target
        period = format_period(t["period_start"], t["period_end"])
        what = f"the target of {fact_text(t)} for {str(t['label']).lower()} ({period})"
        result = "" if status.result is None else fact_text(status.result)
        if status.status in ("met", "not met"):
            out.append(f"Against {what}, the reported result of {result}: {status.status}.")
        elif status.status == "undetermined":
            out.append(
                f"Against {what}, the result of {result} is a bound that cannot tell whether "
                "the target was met."
            )
        elif status.status == "not comparable":
            out.append(f"For {what}, no comparable result is reported: {status.reason}.")
        else:
            out.append(f"For {what}, no result is reported.")

    funding = programme_funding(table)
    if not funding.empty:
        top = funding.iloc[0]
        parts = _parts_of(table, top)
        sentence = (
            f"The programme money reported is {fact_text(top)} for "
            f"{format_period(top['period_start'], top['period_end'])}"
        )
        if not parts.empty:
            biggest = parts.sort_values("value", ascending=False).iloc[0]
            share = 100 * float(biggest["value"]) / float(top["value"])
            sentence += (
                f", of which {fact_text(biggest)} ({format_number(share, 0)}% of the printed total)"
                f" is {biggest['breakdown']}"
            )
        out.append(sentence + ".")

    silent = silent_projects(table, dataset.indicators)
    reported = len(PROJECTS) - len(silent)
    out.append(
        f"The sources give figures for {reported} of the {len(PROJECTS)} component projects"
        + (f"; they are silent on {', '.join(p.split(':')[0] for p in silent)}." if silent else ".")
    )

    gaps = _discrepancies_for(dataset, table)
    if gaps:
        out.append(
            f"In {len(gaps)} case{'s' if len(gaps) > 1 else ''} the parts a report prints do not "
            "add up to the total it prints; both are kept and shown beside the figure."
        )
    note, _ = reorganisation_note(dataset, geography_id)
    if note:
        out.append(note.split(". ")[0] + ".")
    n_sources = table["source_id"].astype(str).nunique()
    out.append(
        f"The dataset holds {len(table)} figures for {name} from {n_sources} "
        f"source{'s' if n_sources != 1 else ''}; each is shown with its evidence."
    )
    return out[:6]


def _parts_of(table: pd.DataFrame, total: pd.Series) -> pd.DataFrame:
    keys = ["indicator_id", "period_start", "period_end", "kind", "source_id", "geography_id"]
    parts = table[~is_total(table)]
    for k in keys:
        parts = parts[parts[k].astype(str) == str(total[k])]
    return parts


def _discrepancies_for(dataset: Dataset, table: pd.DataFrame) -> list[str]:
    d = discrepancies(dataset)
    if d.empty:
        return []
    ids = set()
    for joined in table["observation_ids"]:
        ids.update(str(joined).split(";"))
    return [str(i) for i in d["total_observation_id"] if str(i) in ids]
