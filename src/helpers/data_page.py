"""The words of the notebook "Working with the data" (``notebooks/04-working-with-the-data``):
its title, the question each section answers, and the charts' descriptions, in the page's
language. The notebook computes every table with the public API (:mod:`helpers.analysis`) in
cells a reader sees, folded, on the page; this module only writes about those tables."""

from __future__ import annotations

import pandas as pd

from helpers import display, targets_text
from helpers.format import format_period, format_quantity
from helpers.i18n import tr


def status_word(code: str) -> str:
    """A verdict's status code (``on_track``) in the page's language."""
    return targets_text.status_label(code.replace("_", " "))


def header() -> str:
    """Title and scope."""
    return display.title_html(
        tr("Working with the data"),
        tr(
            "Four questions a researcher brings, each answered with the public API: a table "
            "from `helpers.analysis`, then a chart drawn from it with `seaborn`. Open the code "
            "under each table to see how; every table names the observation ids behind its numbers."
        ),
    )


def question(title: str, intro: str) -> str:
    """A section's heading (the question) and its introduction."""
    return display.section_html(title, intro)


def rates_question() -> str:
    return question(
        tr("What is each province's poor-household rate, 2021–2025, against the nation's?"),
        tr(
            "`trajectories.rates` gives one row per rate, with its series (geography, standard in "
            "force and method). The chart keeps year-end results under the 2021–2025 standard: "
            "one line per province and method; a figure reported to date is left out of it."
        ),
    )


def targets_question() -> str:
    return question(
        tr("Which targets were met, are on track, or are behind?"),
        tr(
            "`targets.verdicts` gives one row per target with a status and a reason code; a pace "
            "read from two rates of one series carries its formula."
        ),
    )


def money_question() -> str:
    return question(
        tr("How much money per programme year and per poor household?"),
        tr(
            "`money.funding` classes every amount; the programme's own allocation is divided by "
            "its programme years (from 2022) and, where a matching count exists, by the poor "
            "households."
        ),
    )


def mergers_question() -> str:
    return question(
        tr("How do the provinces merged on 1 July 2025 compare?"),
        tr(
            "`mergers.merger_pairs` pairs the figures of the two members of each merged province "
            "and says whether they can be compared; `trajectories.paces` gives each series' "
            "average fall per year, both ends from one series."
        ),
    )


def verdicts_alt(counts: pd.DataFrame) -> str:
    """Alt text of a chart of verdict counts (rows: province names; columns: status codes)."""
    items = []
    for name, row in counts.iterrows():
        parts = [f"{int(n)} {status_word(s)}" for s, n in row.items() if n]
        items.append(f"{name}: {', '.join(parts)}")
    return tr("Bar chart of the targets' verdicts by province. {items}.", items="; ".join(items))


def paces_alt(paces: pd.DataFrame, names: dict[str, str]) -> str:
    """Alt text of a chart of paces (:func:`helpers.analysis.trajectories.paces`)."""
    items = [
        tr(
            "{name}, {period}: {pace}",
            name=names.get(r["geography_id"], r["geography_id"]),
            period=format_period(r["start_year"], r["end_year"]),
            pace=format_quantity(round(-r["pace_pp_per_year"], 2), "percentage points per year"),
        )
        for _, r in paces.iterrows()
    ]
    return tr(
        "Bar chart of the average fall per year in the poor-household rate. {items}.",
        items="; ".join(items),
    )
