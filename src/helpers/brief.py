"""The first screen of a report: key figures, target statuses and findings, built from the data.

Every text here is written in the page's language (:mod:`helpers.i18n`; the Vietnamese is in
:mod:`helpers.catalogue.profile`), as whole sentences with their figures as fields. A target's
status stays a key (``"not met"``, also its CSS class); :func:`status_label` is what a reader
sees.

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
from helpers.format import (
    format_date,
    format_number,
    format_period,
    format_quantity,
    format_standard,
    is_missing,
    not_reported,
)
from helpers.geo import geography_name, reorganisation_note
from helpers.i18n import tr, tr_n
from helpers.profile import silent_projects
from helpers.sources import discrepancies
from helpers.vocabulary import (
    BREAKDOWN_LABELS,
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
# The two poverty standards a figure can be "under" (others: not stated, not applicable).
NAMED_STANDARDS = ("2016-2020", "2021-2025")
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
    2021–2025 standard was the only one in force; the reason then says so. A standard the data
    records as inferred from the period (``standard_inferred``, e.g. "2021-2025" for a 2023
    figure whose source names none) is that standard here: the same rule, applied in the data.
    """
    a, b = str(a), str(b)
    if a == b:
        return True, ""
    pair = {a, b}
    if pair == {"not stated", "2021-2025"} and start is not None and start >= 2022:
        return True, tr(
            "one side names no standard; the 2021–2025 standard was the only one in force"
        )
    if "not applicable" in pair:
        return True, ""
    return False, tr(
        "different poverty standards ({first} vs {second})",
        first=format_standard(a),
        second=format_standard(b),
    )


def comparable(a: pd.Series | dict, b: pd.Series | dict) -> tuple[bool, str]:
    """Whether two facts can be set side by side as like with like, and why not.

    Like with like: the same indicator (so the same unit and, for money, the same kind of
    money), the same kind (results with results, targets and plans with each other), the same
    period and the same poverty standard and method.
    """
    reasons = []
    if str(a["indicator_id"]) != str(b["indicator_id"]):
        reasons.append(tr("different measures"))
    result_a = str(a["kind"]) not in TARGET_KINDS
    result_b = str(b["kind"]) not in TARGET_KINDS
    if str(a["kind"]) != str(b["kind"]) and not (not result_a and not result_b):
        ka = vlabel(KIND_LABELS, a["kind"])
        kb = vlabel(KIND_LABELS, b["kind"])
        reasons.append(tr("it sets a {first} against a {second}", first=ka, second=kb))
    pa = format_period(a["period_start"], a["period_end"])
    pb = format_period(b["period_start"], b["period_end"])
    if pa != pb or (is_missing(a["period_start"]) and is_missing(a["period_end"])):
        reasons.append(tr("different periods ({first} vs {second})", first=pa, second=pb))
    start = (
        _year(a["period_start"]) if not is_missing(a["period_start"]) else _year(a["period_end"])
    )
    ok, why = standards_match(a["poverty_standard"], b["poverty_standard"], start, None)
    if not ok:
        reasons.append(why)
    ma, mb = a.get("method"), b.get("method")
    if not is_missing(ma) and not is_missing(mb) and str(ma) != str(mb):
        reasons.append(tr("different methods (review count vs survey estimate)"))
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


STATUSES = ("met", "not met", "undetermined", "not reported", "not comparable")


def status_label(status: str) -> str:
    """A target's status (one of :data:`STATUSES`, as the code and the CSS classes name it) in
    the page's language."""
    labels = {
        "met": tr("met"),
        "not met": tr("not met"),
        "undetermined": tr("undetermined"),
        "not reported": tr("not reported"),
        "not comparable": tr("not comparable"),
    }
    if status not in labels:
        raise ValueError(f"unknown target status {status!r}; known: {', '.join(STATUSES)}")
    return labels[status]


@dataclass
class TargetStatus:
    """One target and what the data says of it.

    ``status`` is one of :data:`STATUSES` (a key: ``status-not-met`` is its CSS class);
    :attr:`label` is what a reader sees. ``reason`` is written in the page's language.
    """

    target: pd.Series
    status: str  # met, not met, undetermined, not reported, not comparable
    result: pd.Series | None = None
    reason: str = ""
    others: list[pd.Series] = field(default_factory=list)  # results that could not be matched

    @property
    def label(self) -> str:
        """The status in the page's language (``"không đạt"`` for ``"not met"``)."""
        return status_label(self.status)

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
            out.append(TargetStatus(target, "not reported", reason=tr("no result is reported")))
            continue
        matched, reasons = None, []
        for _, result in _latest_order(results).iterrows():
            ok, why = _target_result_match(target, result)
            if ok:
                matched = (result, why)
                break
            period = format_period(result["period_start"], result["period_end"])
            reasons.append(
                tr("the result {result} ({period}): {why}", result=fact_text(result), period=period,
                   why=why)
            )  # fmt: skip
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
        reasons.append(tr("a period is not printed"))
    else:
        t_start = t_end if t_start is None else t_start
        rate_by = str(target["indicator_id"]) == RATE and r_end == t_end
        date = result.get("date")
        if not is_missing(date) and (pd.Timestamp(date).month, pd.Timestamp(date).day) != (12, 31):
            reasons.append(
                tr(
                    "the result is for {date}, the target for the end of {year}",
                    date=format_date(date),
                    year=t_end,
                )
            )
            rate_by = True  # the date is the reason; the year is not a second one
        if r_start is None and not rate_by:
            reasons.append(tr("the result's period is only 'to {year}'", year=r_end))
        elif (t_start, t_end) != (r_start, r_end) and not rate_by:
            reasons.append(
                tr(
                    "it covers {result_period}, the target {target_period}",
                    result_period=format_period(r_start, r_end),
                    target_period=format_period(t_start, t_end),
                )
            )
    yearly_t = str(target["unit"]) == "percentage points per year"
    yearly_r = str(result["unit"]) == "percentage points per year"
    if yearly_t != yearly_r and r_start is not None and r_end is not None and r_end > r_start:
        reasons.append(tr("a yearly average against a total fall"))
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

    parts = [when(fact), format_standard(fact)]
    method = fact.get("method")
    if not is_missing(method) and str(method) in METHOD_LABELS:
        parts.append(vlabel(METHOD_LABELS, method))
    return ", ".join(parts)


def former_area(dataset: Dataset, fact: pd.Series) -> str:
    """``"reported after 1 July 2025 for the former area"`` when the unit no longer existed as
    such when its source was published, else ``""``."""
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
    return tr("reported after {date} for the former area", date=format_date(since))


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
        return None, tr(
            "per year: not computed (the period is not printed or precedes the programme)"
        )
    first, last, n = years
    if n == 1 and start == end:
        return None, tr("one year ({year}): no per-year division needed", year=first)
    value = float(fact["value"]) / n
    span = format_period(first, last)
    if start is not None and start < PROGRAMME_FIRST_YEAR:
        span = tr(
            "{span}; the period printed starts in {start}, but the programme was approved in "
            "January 2022",
            span=span,
            start=start,
        )
    qualifier = "over" if str(fact["qualifier"]) in ("over", "at least") else "exact"
    amount = format_quantity(value, "VND billion", qualifier, decimals=1)
    text = tr_n(
        "{amount} per year over {count} programme year ({span})",
        "{amount} per year over {count} programme years ({span})",
        n,
        amount=amount,
        span=span,
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


def key_figures(dataset: Dataset, geography_id: str) -> list[Card]:
    """The key figures of a geography: latest rate, target vs result, money, people, gaps."""
    table = facts_for(dataset, geography_id)
    cards: list[Card] = []

    rates = latest_rates(table)
    label = tr("Poor-household rate, latest")
    if rates.empty:
        cards.append(Card(label, not_reported(), tr("no source gives a rate")))
    else:
        latest = rates.iloc[0]
        same_year = rates[rates["period_end"] == latest["period_end"]]
        clauses = [rate_detail(latest), former_area(dataset, latest)]
        if len(same_year) > 1:
            clauses.append(
                tr("{count} figures for that year, all shown under Poverty rates",
                   count=len(same_year))
            )  # fmt: skip
        detail = "; ".join(c for c in clauses if c)
        cards.append(Card(label, fact_text(latest), detail, evidence_ids=_ids(latest)))

    statuses = target_statuses(table)
    if not statuses:
        cards.append(Card(tr("Reduction target"), not_reported(), tr("no source gives a target")))
    else:
        main = _headline_status(statuses)
        target = main.target
        period = format_period(target["period_start"], target["period_end"])
        if main.result is None:
            value = tr("target {target} ({period})", target=fact_text(target), period=period)
        else:
            value = tr("target {target} ({period}); result {result}", target=fact_text(target),
                       period=period, result=fact_text(main.result))  # fmt: skip
        reason = main.reason or ""
        detail = f"{target['label']}. " + reason[:1].upper() + reason[1:]
        cards.append(Card(tr("Reduction target against result"), value, detail.strip(),
                          status=main.status, evidence_ids=main.evidence_ids()))  # fmt: skip

    funding = programme_funding(table)
    if funding.empty:
        other = select(table, units=["VND billion"], totals_only=True)
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
        cards.append(Card(tr("Programme money"), not_reported(), detail))
    else:
        top = funding.iloc[0]
        period = format_period(top["period_start"], top["period_end"])
        label = (
            tr("Programme money planned")
            if str(top["kind"]) in TARGET_KINDS
            else tr("Programme money allocated")
        )
        _, per_year = funding_per_programme_year(top)
        cards.append(Card(label, f"{fact_text(top)} ({period})", per_year,
                          evidence_ids=_ids(top)))  # fmt: skip

    people = people_reached(table)
    if people.empty:
        cards.append(Card(tr("People reached"), not_reported(), tr("no count of people reached")))
    else:
        top = people.iloc[0]
        period = format_period(top["period_start"], top["period_end"])
        more = len(people) - 1
        detail = f"{top['label']}, {period}"
        if more:
            detail += "; " + tr_n(
                "{count} other count below, not added up",
                "{count} other counts below, not added up",
                more,
            )
        cards.append(Card(tr("People reached (largest count)"), fact_text(top), detail,
                          evidence_ids=_ids(top)))  # fmt: skip

    silent = silent_projects(table, dataset.indicators)
    cards.append(
        Card(
            tr("What the sources do not say"),
            tr("{silent} of {total} component projects", silent=len(silent), total=len(PROJECTS)),
            tr("silent: {projects}", projects=", ".join(p.split(":")[0] for p in silent))
            if silent
            else tr("none silent"),
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
    2021–2025 standard (the only one in force); a figure of a statistics-office series takes
    the line ``data/poverty_lines.csv`` gives its year (``poverty_line``, so that a series is
    not joined across a change of line); an earlier one stays "not stated". Tables show
    the standard as recorded; this serves only to keep one line per standard in charts.
    """
    standard = str(fact["poverty_standard"])
    line = fact.get("poverty_line")
    if standard == "not stated" and not is_missing(line):
        return str(line)
    start = fact["period_start"] if not is_missing(fact["period_start"]) else fact["period_end"]
    if standard == "not stated" and not is_missing(start) and int(start) >= 2022:
        return "2021-2025"
    return standard


# Poverty lines before the 2016–2020 standard (data/poverty_lines.csv): the statistics office's
# 2006–2016 series, shown among all provinces (helpers.analysis.ranks), not in the programme's
# rate charts.
EARLIER_LINES = ("2006-2010", "2011-2015")


def rate_series(
    facts_table: pd.DataFrame, earlier_lines: bool = False
) -> dict[tuple[str, str, str], pd.DataFrame]:
    """Poor-household rates as results, one series per geography, standard and method.

    The standard is the one in force (:func:`standard_in_force`), kept in ``standard_used``.
    Where one year has several figures in a series (several sources), each is kept. Rates
    under the lines before 2016 (:data:`EARLIER_LINES`) are left out unless ``earlier_lines``.
    """
    rates = select(facts_table, indicators=[RATE], totals_only=True)
    rates = rates[rates["kind"].astype(str) == "actual"].copy()
    if rates.empty:
        return {}
    rates["standard_used"] = [standard_in_force(r) for _, r in rates.iterrows()]
    if not earlier_lines:
        rates = rates[~rates["standard_used"].isin(EARLIER_LINES)]
        if rates.empty:
            return {}
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
            return format_date(stamp)
    return str(int(fact["period_end"]))


def _under(standard: str) -> str:
    """The opening of a sentence on a rate: "Under the 2021–2025 standard"."""
    if standard in NAMED_STANDARDS:
        return tr("Under the {standard}", standard=format_standard(standard))
    return tr("With no poverty standard named")


def _by_method(method: str) -> str:
    """``" (administrative review counts)"``: how a series of rates was measured, or ``""``."""
    methods = {
        "administrative review": tr("administrative review counts"),
        "household survey": tr("household survey estimates"),
    }
    return f" ({methods[method]})" if method in methods else ""


def _trend(name: str, standard: str, method: str, first: pd.Series, last: pd.Series) -> str:
    """The sentence on a series of rates: from its first figure to its last."""
    fall = float(first["value"]) - float(last["value"])
    fields = {
        "under": _under(standard),
        "name": name,
        "first": fact_text(first),
        "first_when": _when(first),
        "last": fact_text(last),
        "last_when": _when(last),
        "points": format_number(abs(fall), 2),
        "how": _by_method(method),
    }
    if fall > 0:
        return tr(
            "{under}, {name}'s poor-household rate fell from {first} ({first_when}) to {last} "
            "({last_when}), {points} percentage points{how}.",
            **fields,
        )
    if fall < 0:
        return tr(
            "{under}, {name}'s poor-household rate rose from {first} ({first_when}) to {last} "
            "({last_when}), {points} percentage points{how}.",
            **fields,
        )
    return tr(
        "{under}, {name}'s poor-household rate was {last} both in {first_when} and in "
        "{last_when}{how}.",
        **{k: v for k, v in fields.items() if k not in ("first", "points")},
    )


def _lower_first(text: str) -> str:
    """``text`` with its first letter in lower case, for a label inside a sentence (the rest
    keeps its capitals: "Chương trình", "Dự án 2")."""
    return text[:1].lower() + text[1:]


def _target_sentence(status: TargetStatus) -> str:
    """A finding on one target: met, not met, undetermined, not comparable or no result."""
    t = status.target
    fields = {
        "target": fact_text(t),
        "indicator": _lower_first(str(t["label"])),
        "period": format_period(t["period_start"], t["period_end"]),
    }
    result = "" if status.result is None else fact_text(status.result)
    if status.status == "met":
        return tr(
            "Against the target of {target} for {indicator} ({period}), the reported result of "
            "{result}: met.",
            result=result,
            **fields,
        )
    if status.status == "not met":
        return tr(
            "Against the target of {target} for {indicator} ({period}), the reported result of "
            "{result}: not met.",
            result=result,
            **fields,
        )
    if status.status == "undetermined":
        return tr(
            "Against the target of {target} for {indicator} ({period}), the result of {result} "
            "is a bound that cannot tell whether the target was met.",
            result=result,
            **fields,
        )
    if status.status == "not comparable":
        return tr(
            "For the target of {target} for {indicator} ({period}), no comparable result is "
            "reported: {reason}.",
            reason=status.reason,
            **fields,
        )
    return tr(
        "For the target of {target} for {indicator} ({period}), no result is reported.", **fields
    )


def _rate_sentence(table: pd.DataFrame, name: str) -> str:
    """The first finding: how the poor-household rate changed, or what little is known of it."""
    series = {k: s for k, s in rate_series(table).items() if s["period_end"].nunique() >= 2}
    if series:
        (_, standard, method), s = max(series.items(), key=lambda kv: kv[1]["period_end"].max())
        return _trend(name, standard, method, s.iloc[0], s.iloc[-1])
    rates = latest_rates(table)
    by_year = rates.groupby("period_end") if not rates.empty else []
    two = [g for _, g in by_year if g["poverty_standard"].astype(str).nunique() >= 2]
    if two:
        g = two[-1]
        told = "; ".join(
            tr("{rate} under the {standard}", rate=fact_text(r),
               standard=format_standard(r["poverty_standard"]))
            if str(r["poverty_standard"]) in NAMED_STANDARDS
            else tr("{rate}, no poverty standard named", rate=fact_text(r))
            for _, r in g.iterrows()
        )  # fmt: skip
        return tr(
            "The {year} review gives two poor-household rates for {name}: {rates}. They are "
            "different measures, not a change over time.",
            year=int(g["period_end"].iloc[0]),
            name=name,
            rates=told,
        )
    if not rates.empty:
        r = rates.iloc[0]
        return tr(
            "The sources give one poor-household rate for {name}: {rate} ({detail}); no trend "
            "can be read from one figure.",
            name=name,
            rate=fact_text(r),
            detail=rate_detail(r),
        )
    return tr("No source in the dataset gives a poor-household rate for {name}.", name=name)


def _money_sentence(table: pd.DataFrame) -> str:
    """The programme money reported, and its largest part when the report splits it."""
    top = programme_funding(table).iloc[0]
    total = fact_text(top)
    period = format_period(top["period_start"], top["period_end"])
    parts = _parts_of(table, top)
    if parts.empty:
        return tr("The programme money reported is {total} for {period}.", total=total,
                  period=period)  # fmt: skip
    biggest = parts.sort_values("value", ascending=False).iloc[0]
    share = 100 * float(biggest["value"]) / float(top["value"])
    return tr(
        "The programme money reported is {total} for {period}, of which {part} ({share}% of the "
        "printed total) is {breakdown}.",
        total=total,
        period=period,
        part=fact_text(biggest),
        share=format_number(share, 0),
        breakdown=vlabel(BREAKDOWN_LABELS, biggest["breakdown"]),
    )


def findings(dataset: Dataset, geography_id: str) -> list[str]:
    """Three to six sentences on a geography, every number from the data, in the page's
    language."""
    table = facts_for(dataset, geography_id)
    name = geography_name(dataset, geography_id)
    out = [_rate_sentence(table, name)]
    out += [_target_sentence(status) for status in target_statuses(table)[:2]]
    if not programme_funding(table).empty:
        out.append(_money_sentence(table))

    silent = silent_projects(table, dataset.indicators)
    reported = len(PROJECTS) - len(silent)
    if silent:
        out.append(
            tr(
                "The sources give figures for {reported} of the {total} component projects; they "
                "are silent on {silent}.",
                reported=reported,
                total=len(PROJECTS),
                silent=", ".join(p.split(":")[0] for p in silent),
            )
        )
    else:
        out.append(
            tr(
                "The sources give figures for {reported} of the {total} component projects.",
                reported=reported,
                total=len(PROJECTS),
            )
        )

    gaps = _discrepancies_for(dataset, table)
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
    note, _ = reorganisation_note(dataset, geography_id)
    if note:
        out.append(note.split(". ")[0] + ".")
    n_sources = table["source_id"].astype(str).nunique()
    out.append(
        tr_n(
            "The dataset holds {figures} figures for {name} from {count} source; each is shown "
            "with its evidence.",
            "The dataset holds {figures} figures for {name} from {count} sources; each is shown "
            "with its evidence.",
            n_sources,
            figures=format_number(len(table)),
            name=name,
        )
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
