"""The sections of the poverty-standards report as HTML, in the page's language.

Each function returns one section, its heading and introduction included
(:func:`helpers.display.section_html`), so that the notebook only shows them; the words are
messages of the gettext catalogue (src/helpers/locale/).
"""

from __future__ import annotations

import pandas as pd

from helpers import display, profile_page, standards
from helpers.facts import Dataset, facts_for
from helpers.format import format_standard
from helpers.geo import geography_name
from helpers.i18n import N_, tr
from helpers.sources import sources_used


def _headed(table: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """``table`` with the English column names in ``columns`` put in the page's language."""
    return table.rename(columns={c: tr(c) for c in columns})


def header(dataset: Dataset, geography_id: str) -> str:
    """Title and scope."""
    return display.title_html(
        tr("Why the same year gives two poverty rates"),
        tr(
            "In 2021 Vietnam moved from the 2016–2020 poverty standard (Decision 59/2015/QĐ-TTg) "
            "to the multidimensional 2021–2025 standard (Decree 07/2021/NĐ-CP). This page "
            "explains the two, checks the counts behind the rates, and shows {name}'s series "
            "across the break.",
            name=geography_name(dataset, geography_id),
        ),
    )


def definitions() -> str:
    """The two standards side by side, as the legal texts define them."""
    table = _headed(standards.standards_table(), [N_("criterion")])
    return (
        display.section_html(
            tr("The two standards: what makes a household poor or near-poor?"),
            tr(
                "Both standards combine an income line with deprivations in basic social "
                "services. The 2016–2020 standard classes a household as poor on low income "
                "alone, or on income a little above the line together with several deprivations. "
                "The 2021–2025 standard raises the income lines, adds employment and dependants, "
                "nutrition and other indicators, and classes a household as poor only when low "
                "income and several deprivations go together; low income with fewer deprivations "
                "makes it near-poor. Source: the legal texts named in the first row."
            ),
        )
        + f'<div class="legal-definitions">{display.frame_html(table)}</div>'
        + display.paragraph(
            tr(
                "Source: Decision 59/2015/QĐ-TTg and Decree 07/2021/NĐ-CP, as transcribed in "
                "`helpers.standards`; these thresholds are law, not figures of the dataset."
            ),
            "caption",
        )
    )


def series(
    dataset: Dataset, geography_id: str, table: pd.DataFrame | None = None
) -> display.Section:
    """The geography's rates and counts across the change of standard.

    ``table``: :func:`helpers.analysis.trajectories.rates` of the geography and the nation
    (computed when not given)."""
    # one heading: the profile's rates section under this page's question (two h2 in a row
    # before, the first with nothing under it)
    return profile_page.rates(
        dataset,
        geography_id,
        table=table,
        heading=tr("The series across the break: what do the sources give, under which standard?"),
    )


def implied(dataset: Dataset, table: pd.DataFrame | None = None) -> str:
    """Every count ÷ rate pair: the households each rate is a share of.

    ``table``: :func:`helpers.analysis.standards.implied_households` (all pairs when not
    given); the section shows its pairs."""
    out = display.section_html(
        tr("The households behind each count and rate: is it the same population?"),
        tr(
            "A count divided by its rate gives the number of households the rate is a share of. "
            "If the implied totals agree across standards, the gap between the rates comes from "
            "the standard, not from a different population. Rates are printed rounded, so each "
            "total is also given as the range that rounding allows."
        ),
    )
    chosen = table
    table = standards.implied_households(dataset)
    if chosen is not None:
        table = table[
            table["observation_ids"].isin({";".join(i) for i in chosen["observation_ids"]})
        ]
    if table.empty:
        return out + display.paragraph(
            tr("No source gives both a count and a rate for the same year."), "empty"
        )
    shown = _headed(table[standards.IMPLIED_DISPLAY], standards.IMPLIED_DISPLAY)
    behind = facts_for(dataset, list(dict.fromkeys(table["geography_id"])))
    ids = set(";".join(table["observation_ids"]).split(";"))
    behind = behind[behind["observation_ids"].apply(lambda j: bool(set(j.split(";")) & ids))]
    return (
        out
        + display.frame_html(shown)
        + display.caption_html(
            tr("Households implied by each count and its rate (count ÷ rate)"),
            dataset,
            behind,
            "count and rate pairs",
        )
    )


def standards_used(dataset: Dataset) -> str:
    """How many figures of each geography name each standard, or none."""
    return display.section_html(
        tr("Which standard do the sources use?"),
        tr(
            "Figures of standard-dependent indicators, by geography and standard. Many sources "
            'do not name the standard; those figures are labelled "{not_stated}", or, for a '
            'period within 2022–2025, when only one standard was in force, "{inferred}".',
            not_stated=format_standard("not stated"),
            inferred=format_standard("2021-2025", inferred=True),
        ),
    ) + display.frame_html(_headed(standards.standards_in_use(dataset), [N_("geography")]))


def rules() -> str:
    """The rules every report follows in showing figures of the two standards."""
    not_stated = format_standard("not stated")
    return display.section_html(tr("The rule the notebooks follow")) + display.bullets(
        [
            tr(
                "Every rate, count and reduction is labelled with its poverty standard, marked "
                '"inferred" when the period implies it rather than the source naming it, or '
                '"{not_stated}" when neither.',
                not_stated=not_stated,
            ),
            tr(
                "Figures under different standards are never joined by a line or subtracted: a "
                "change of standard is never read as a change in poverty. Review counts and "
                "survey estimates are separate series too."
            ),
            tr(
                "A figure whose standard is not stated is shown as reported; it is set beside a "
                "2021–2025 figure only for a period wholly in 2022–2025, when that was the only "
                "standard in force, and the page then says so."
            ),
            tr(
                "Per-household amounts divide only by counts under the 2021–2025 standard, the "
                "programme's own."
            ),
        ]
    )


def sources(dataset: Dataset, geography_id: str) -> str:
    """Every source cited on the page: the geography's and those of the count ÷ rate pairs."""
    implied_pairs = standards.implied_households(dataset)
    cited = sources_used(dataset, facts_for(dataset, geography_id)) + list(
        implied_pairs["source_id"].map(str)
    )
    return display.section_html(tr("Sources")) + display.sources_html(dataset, cited)
