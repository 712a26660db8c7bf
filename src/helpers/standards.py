"""The two national poverty standards of the period, and the households implied by each count.

The curated dataset records which standard each figure uses but not the standards themselves,
so their definitions are kept here, transcribed from the legal texts named in ``legal_basis``
(Decision 59/2015/QĐ-TTg of 19 November 2015; Decree 07/2021/NĐ-CP of 27 January 2021).
Income lines are in VND per person per month.

The definitions are written in English here; each text is a message with its Vietnamese in
the gettext catalogue (src/helpers/locale/; worded after the legal texts), so the tables come
out in the page's language. Tables keep English column names (the keys code and tests use); the page
(:mod:`helpers.standards_page`) translates them when it shows them.
"""

from __future__ import annotations

import pandas as pd

from helpers.analysis import standards as analysis_standards
from helpers.facts import Dataset, indicator_labels
from helpers.format import (
    format_number,
    format_period,
    format_quantity,
    format_standard,
    not_reported,
)
from helpers.geo import geography_name
from helpers.i18n import N_, tr

STANDARDS: dict[str, dict[str, object]] = {
    "2016-2020": {
        "legal_basis": N_("Decision 59/2015/QĐ-TTg (multidimensional poverty standard 2016–2020)"),
        "income_poverty_line": {"rural": 700_000, "urban": 900_000},
        "income_near_poor_line": {"rural": 1_000_000, "urban": 1_300_000},
        "dimensions": [
            N_("health"),
            N_("education"),
            N_("housing"),
            N_("domestic water and sanitation"),
            N_("access to information"),
        ],
        "n_indicators": 10,
        "deprivation_threshold": 3,
        "poor_rule": N_(
            "income at or below the poverty line; or income above the poverty line but at or "
            "below the near-poor line and deprived in at least {threshold} of {n} indicators"
        ),
        "near_poor_rule": N_(
            "income above the poverty line but at or below the near-poor line and deprived in "
            "fewer than {threshold} of {n} indicators"
        ),
    },
    "2021-2025": {
        "legal_basis": N_("Decree 07/2021/NĐ-CP (multidimensional poverty standard 2021–2025)"),
        "income_poverty_line": {"rural": 1_500_000, "urban": 2_000_000},
        "income_near_poor_line": {"rural": 1_500_000, "urban": 2_000_000},
        "dimensions": [
            N_("employment"),
            N_("health"),
            N_("education"),
            N_("housing"),
            N_("domestic water and sanitation"),
            N_("information"),
        ],
        "n_indicators": 12,
        "deprivation_threshold": 3,
        "poor_rule": N_(
            "income at or below the poverty line and deprived in at least {threshold} of {n} "
            "indicators of basic social services"
        ),
        "near_poor_rule": N_(
            "income at or below the poverty line and deprived in fewer than {threshold} of {n} "
            "indicators of basic social services"
        ),
    },
}


CRITERIA = (
    N_("legal basis"),
    N_("poverty line"),
    N_("near-poor line"),
    N_("deprivation dimensions"),
    N_("deprivation indicators"),
    N_("poor household"),
    N_("near-poor household"),
)


def _income_lines(line: dict) -> str:
    return tr(
        "{rural} rural; {urban} urban (VND per person per month)",
        rural=format_number(line["rural"]),
        urban=format_number(line["urban"]),
    )


def standards_table() -> pd.DataFrame:
    """The two standards side by side: legal basis, income lines, dimensions and the rules.

    One row per criterion (:data:`CRITERIA`, in the ``criterion`` column), one column per
    standard; every cell and criterion in the page's language.
    """
    columns = {}
    for name, spec in STANDARDS.items():
        poverty, near = spec["income_poverty_line"], spec["income_near_poor_line"]
        n, threshold = spec["n_indicators"], spec["deprivation_threshold"]
        dimensions = ", ".join(tr(d) for d in spec["dimensions"])
        # the messages are marked with N_ in STANDARDS; a literal key inside tr(...) would be
        # taken for a message by pybabel extract
        legal, poor, near_poor = (spec[k] for k in ("legal_basis", "poor_rule", "near_poor_rule"))
        columns[format_standard(name)] = [
            tr(legal),
            _income_lines(poverty),
            _income_lines(near) if near != poverty else tr("the same as the poverty line"),
            f"{len(spec['dimensions'])}: {dimensions}",
            str(n),
            tr(poor, threshold=threshold, n=n),
            tr(near_poor, threshold=threshold, n=n),
        ]
    return pd.DataFrame({"criterion": [tr(c) for c in CRITERIA], **columns})


def implied_households(dataset: Dataset, geography_ids: list[str] | None = None) -> pd.DataFrame:
    """All households implied by each (count, rate) pair, in words: one row per row of
    :func:`helpers.analysis.standards.implied_households` (``count ÷ (rate / 100)``, and the
    range the rate's rounding allows). ``indicator`` names the count."""
    table = analysis_standards.implied_households(dataset, geography_ids)
    labels = dict(
        zip(dataset.indicators["indicator_id"].astype(str), indicator_labels(dataset.indicators),
            strict=True)
    )  # fmt: skip
    rows = []
    for r in table.to_dict("records"):
        rows.append(
            {
                "geography": geography_name(dataset, r["geography_id"]),
                "indicator": labels[r["count_indicator_id"]],
                "period": format_period(r["period_start"], r["period_end"]),
                "standard": format_standard(r["poverty_standard"]),
                "households counted": format_quantity(r["households"], "households"),
                "rate": format_quantity(r["rate_percent"], "percent"),
                "implied households in total": not_reported() if pd.isna(r["implied_total"])
                else format_quantity(r["implied_total"], "households", decimals=0),
                "range allowed by rounding": not_reported() if pd.isna(r["implied_high"])
                else format_quantity(r["implied_low"], "households", "range", r["implied_high"],
                                     decimals=0),
                "implied_total": r["implied_total"],
                "source_id": r["source_id"],
                "geography_id": r["geography_id"],
                "observation_ids": ";".join(r["observation_ids"]),
            }
        )  # fmt: skip
    return pd.DataFrame(rows, columns=IMPLIED_COLUMNS)


# The columns of implied_households: those a reader sees, then the numbers and ids behind them.
IMPLIED_DISPLAY = [
    N_("geography"),
    N_("indicator"),
    N_("period"),
    N_("standard"),
    N_("households counted"),
    N_("rate"),
    N_("implied households in total"),
    N_("range allowed by rounding"),
]
IMPLIED_COLUMNS = [
    *IMPLIED_DISPLAY,
    "implied_total",
    "source_id",
    "geography_id",
    "observation_ids",
]


def standards_in_use(dataset: Dataset, geography_ids=None) -> pd.DataFrame:
    """Observations of standard-dependent indicators per geography (rows, by name) and poverty
    standard (columns, in words; an inferred standard apart from a named one):
    :func:`helpers.analysis.standards.standards_in_use`."""
    long = analysis_standards.standards_in_use(dataset, geography_ids)
    table = (
        pd.crosstab(
            long["geography_id"].map(lambda g: geography_name(dataset, g)),
            [
                format_standard(s, i)
                for s, i in zip(long["poverty_standard"], long["standard_inferred"], strict=True)
            ],
            values=long["n_observations"],
            aggfunc="sum",
        )
        .fillna(0)
        .astype(int)
    )
    table.index.name = "geography"
    table.columns.name = None
    return table.reset_index()
