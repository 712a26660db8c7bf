"""What a notebook displays around its numbers: escaped text, tables and captions with citations.

The reports are HTML, and the text shown comes from the data (names, titles, excerpts), so
everything here escapes it: an excerpt containing ``<script>`` shows as text. Captions cite the
publisher and date of every source behind a chart or table.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

import pandas as pd
from IPython.display import HTML, Markdown, display

from helpers.facts import Dataset, fact_text, facts_for, headline_facts, select
from helpers.format import NOT_REPORTED, format_period, format_standard
from helpers.geo import geography_name
from helpers.profile import not_reported
from helpers.sources import short_source, sources_used

_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}#|~>])")


def escape_md(text: object) -> str:
    """Text safe inside Markdown rendered to HTML: HTML-escaped, Markdown markup neutralised."""
    return _MD_SPECIAL.sub(r"\\\1", html.escape(str(text), quote=False))


def citation(dataset: Dataset, source_ids: Iterable[str]) -> str:
    """``"Sources: LĐXH, 17 April 2025; BKTO, April 2023 (inferred)."``, unescaped."""
    ids = list(dict.fromkeys(map(str, source_ids)))
    if not ids:
        return "Sources: none."
    label = "Source" if len(ids) == 1 else "Sources"
    return f"{label}: " + "; ".join(short_source(dataset, s) for s in ids) + "."


def caption_markdown(title: str, dataset: Dataset, facts_table: pd.DataFrame) -> str:
    """A caption: the title in italics, then the citation of every source in ``facts_table``."""
    cited = citation(dataset, sources_used(dataset, facts_table))
    return f"*{escape_md(title)}* {escape_md(cited)}"


def caption(title: str, dataset: Dataset, facts_table: pd.DataFrame) -> Markdown:
    """The caption of :func:`caption_markdown`, ready to display under a chart or table."""
    return Markdown(caption_markdown(title, dataset, facts_table))


def table_html(table: pd.DataFrame) -> HTML:
    """A DataFrame as an escaped HTML table; missing cells read "not reported"."""
    return HTML(
        table.to_html(index=False, escape=True, na_rep="not reported", classes="gn-table", border=0)
    )


def show_table(
    table: pd.DataFrame,
    title: str,
    dataset: Dataset,
    facts_table: pd.DataFrame,
    empty: str,
) -> None:
    """Display a table and its caption, or the ``empty`` sentence when there is nothing to show."""
    if table.empty:
        display(Markdown(escape_md(empty)))
        return
    display(table_html(table))
    display(caption(title, dataset, facts_table))


def show_figure(figure, title: str, dataset: Dataset, facts_table: pd.DataFrame) -> None:
    """Display a matplotlib figure, then its caption (and close it so it is not shown twice)."""
    import matplotlib.pyplot as plt

    display(figure)
    plt.close(figure)
    display(caption(title, dataset, facts_table))


def markdown(text: str) -> Markdown:
    """A Markdown object for text already built from escaped pieces by a helper."""
    return Markdown(text)


def bullet_list(items: Iterable[object], empty: str = "none") -> Markdown:
    """An escaped Markdown bullet list (``empty`` when there are no items)."""
    items = [escape_md(i) for i in items]
    return Markdown("\n".join(f"- {i}" for i in items) if items else escape_md(empty))


def data_gaps_markdown(dataset: Dataset, geography_id: str) -> str:
    """The gaps of :func:`not_reported` as a Markdown list grouped by component (escaped)."""
    gaps = not_reported(dataset, geography_id)
    name = escape_md(geography_name(dataset, geography_id))
    if gaps.empty:
        return f"Every indicator of the dataset is reported for {name}."
    lines = [f"Not reported for {name} ({len(gaps)} of {len(dataset.indicators)} indicators):", ""]
    for component, group in gaps.groupby("component", sort=False):
        items = ", ".join(escape_md(i) for i in group["indicator"])
        lines.append(f"- **{escape_md(component)}**: {items}")
    return "\n".join(lines)


def overview_markdown(dataset: Dataset, geography_id: str) -> str:
    """One sentence: how many figures the reports give for a geography, and from where."""
    table = facts_for(dataset, geography_id)
    name = escape_md(geography_name(dataset, geography_id))
    sources = sources_used(dataset, table)
    cited = "; ".join(escape_md(short_source(dataset, s)) for s in sources)
    n_ind = table["indicator_id"].nunique()
    return (
        f"The dataset holds {len(table)} figures on {n_ind} of {len(dataset.indicators)} "
        f"indicators for {name}, from {len(sources)} report(s): {cited}."
    )


def headline_markdown(facts_table: pd.DataFrame, geography_name_: str) -> str:
    """Sentences stating each headline rate with its standard and period (escaped)."""
    rates = select(headline_facts(facts_table), units=["percent"], totals_only=True)
    name = escape_md(geography_name_)
    if rates.empty:
        return f"The reports give no poverty or near-poor rate for {name}: {NOT_REPORTED}."
    lines = []
    for _, row in rates.iterrows():
        period = format_period(row["period_start"], row["period_end"])
        lines.append(
            f"- {escape_md(row['label_en'])}, {period}"
            f" ({escape_md(format_standard(row['poverty_standard']))}, {row['kind']}): "
            f"**{escape_md(fact_text(row))}**"
        )
    return f"Rates the reports give for {name}:\n\n" + "\n".join(lines)
