"""Money classified by what it is, per programme year and per poor household.

The rule (also in ``data/README.md``, *Programme money*): an amount is ``programme`` money when
its indicator belongs to the National Target Program for Sustainable Poverty Reduction
2021–2025: the ``funding`` component's programme indicators and every component project's money
(``project-1`` … ``project-7``: a component project's allocation is the programme's money).
Money of earlier or other programmes (:data:`OTHER_PROGRAMME_INDICATORS`) is
``other_programme``; money of support policies and policy credit is ``support_policy``;
anything else is ``other``.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from helpers.analysis.common import (
    is_total,
    observations,
    programme_years,
    standards_agree,
)
from helpers.vocabulary import PROJECTS

MONEY_CLASSES = ("programme", "other_programme", "support_policy", "other")
# Funding-component indicators whose money is not the 2021–2025 programme's: Bắc Kạn's 2021
# investment capital (it counts the predecessor programmes 30a and 135) and the funds assigned
# in 2021 with no budget line named, both before the programme's money arrived.
OTHER_PROGRAMME_INDICATORS = ("poverty_investment_capital", "funds_assigned_to_localities")
# Programme money spread over a whole province, so that it can be set against the province's
# poor households (a component project's money goes to some districts or groups only).
PROVINCE_WIDE = ("funding_allocated", "funding_disbursed", "funding_planned")

COLUMNS = [
    "observation_id", "geography_id", "indicator_id", "money_class", "component", "is_total",
    "breakdown_by", "breakdown", "period_start", "period_end", "date", "kind", "qualifier",
    "unit", "value", "value_vnd_billion", "programme_first_year", "programme_last_year",
    "programme_years", "per_programme_year", "poor_households", "poor_households_observation_id",
    "per_poor_household_vnd_million", "source_id",
]  # fmt: skip


def money_class(indicator_id: str, component: str) -> str:
    """What an amount is (:data:`MONEY_CLASSES`), by its indicator and that indicator's
    component."""
    if indicator_id in OTHER_PROGRAMME_INDICATORS:
        return "other_programme"
    if component == "funding" or component in PROJECTS:
        return "programme"
    if component == "support-policy":
        return "support_policy"
    return "other"


def per_programme_year(value: float, start: object, end: object) -> dict:
    """An amount over the programme years of its period: ``programme_first_year``,
    ``programme_last_year``, ``programme_years`` and ``per_programme_year`` (NA/NaN where the
    period is not printed or precedes the programme). The one place money is divided by years.
    """
    span = programme_years(start, end)
    return {
        "programme_first_year": span[0] if span else pd.NA,
        "programme_last_year": span[1] if span else pd.NA,
        "programme_years": span[2] if span else pd.NA,
        "per_programme_year": float(value) / span[2] if span else float("nan"),
    }


def poor_household_basis(counts: pd.DataFrame, geography_id: str, start, end) -> pd.Series | None:
    """The count of poor households to divide a period's money by, or ``None``: an exact total
    result of the geography under the 2021–2025 standard (as in force), for a year inside the
    period as printed; the earliest such year (the end-2021 review is the programme's
    baseline)."""
    if pd.isna(start) or pd.isna(end):
        return None
    own = counts[
        (counts["geography_id"] == geography_id)
        & counts["period_end"].between(int(start), int(end))
    ]
    keep = [
        s != "not applicable" and standards_agree(s, "2021-2025", y)
        for s, y in zip(own["poverty_standard"], own["period_end"], strict=True)
    ]
    own = own[keep] if len(own) else own
    if own.empty:
        return None
    return own.sort_values(["period_end", "observation_id"]).iloc[0]


def funding(dataset, geography_ids: Iterable[str] | None = None) -> pd.DataFrame:
    """One row per amount of money (VND) or share of the ``funding`` component.

    Columns: ``observation_id``, ``geography_id``, ``indicator_id``, ``money_class``
    (:func:`money_class`), ``component``, ``is_total``, ``breakdown_by``, ``breakdown``,
    ``period_start``, ``period_end``, ``date``, ``kind``, ``qualifier``, ``unit``, ``value``,
    ``value_vnd_billion`` (NaN for a share), ``programme_first_year``/``programme_last_year``/
    ``programme_years`` (the years of the period in which the programme ran: programme money
    only), ``per_programme_year`` (VND billion, the value over those years, keeping the
    qualifier: "over 323" gives "over 323 / n"), ``poor_households`` and
    ``poor_households_observation_id`` (:func:`poor_household_basis`, province-wide programme
    money only), ``per_poor_household_vnd_million``, ``source_id``.
    """
    obs = observations(dataset, geography_ids)
    components = dataset.indicators.set_index(dataset.indicators["indicator_id"].astype(str))[
        "component"
    ].astype(str)
    obs["component"] = obs["indicator_id"].map(components)
    money = obs[(obs["unit"] == "VND billion") | (obs["component"] == "funding")]
    everyone = observations(dataset)
    counts = everyone[
        (everyone["indicator_id"] == "poor_households")
        & (everyone["kind"] == "actual")
        & (everyone["qualifier"] == "exact")
        & is_total(everyone)
    ]
    rows = []
    for r in money.to_dict("records"):
        klass = money_class(r["indicator_id"], r["component"])
        vnd = r["unit"] == "VND billion"
        span = programme_years(r["period_start"], r["period_end"]) if klass == "programme" else None
        years = per_programme_year(
            r["value"], *((r["period_start"], r["period_end"]) if span and vnd else (None, None))
        )
        basis = None
        if klass == "programme" and vnd and r["indicator_id"] in PROVINCE_WIDE:
            basis = poor_household_basis(counts, r["geography_id"], r["period_start"],
                                         r["period_end"])  # fmt: skip
        households = float(basis["value"]) if basis is not None else float("nan")
        rows.append(
            {
                **{c: r.get(c) for c in COLUMNS if c in r},
                "observation_id": str(r["observation_id"]),
                "money_class": klass,
                "is_total": not (isinstance(r["breakdown_by"], str) and r["breakdown_by"]),
                "value_vnd_billion": r["value"] if vnd else float("nan"),
                **years,
                "poor_households": households,
                "poor_households_observation_id": None if basis is None
                else str(basis["observation_id"]),
                "per_poor_household_vnd_million": r["value"] * 1000 / households
                if basis is not None else float("nan"),
            }
        )  # fmt: skip
    out = pd.DataFrame(rows, columns=COLUMNS)
    for column in ("period_start", "period_end", "programme_first_year", "programme_last_year",
                   "programme_years"):  # fmt: skip
        out[column] = out[column].astype("Int64")
    for column in ("value", "value_vnd_billion", "per_programme_year", "poor_households",
                   "per_poor_household_vnd_million"):  # fmt: skip
        out[column] = out[column].astype(float)
    return out
