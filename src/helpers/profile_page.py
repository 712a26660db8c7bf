"""The sections of the province profile as HTML: each a question answered with the data.

Each function returns the HTML of one section's body (the notebook holds the heading and the
question). Every figure is in exactly one section (:func:`helpers.profile.sections`), shown with
its evidence, and every table and chart carries the download of the rows behind it.
"""

from __future__ import annotations

import pandas as pd

from helpers import brief, display, plotting
from helpers.display import Column, esc, kind_label, value_cell
from helpers.facts import Dataset, facts_for, is_total, select
from helpers.format import format_standard
from helpers.geo import child_geographies, geography_name, reorganisation_note
from helpers.profile import component_summary, not_reported, sections, when
from helpers.sources import sources_used
from helpers.vocabulary import TARGET_KINDS


def _what(fact: pd.Series) -> str:
    label = esc(fact.get("label", fact["indicator_id"]))
    if not is_total(pd.DataFrame([fact])).iloc[0]:
        label += f" — {esc(fact['breakdown_by'])}: {esc(fact['breakdown'])}"
    return label


def _standard(fact: pd.Series) -> str:
    return esc(format_standard(fact["poverty_standard"]))


COLUMNS = [
    Column("what", _what),
    Column("when", lambda f: esc(when(f))),
    Column("kind", lambda f: esc(kind_label(f["kind"]))),
    Column("standard", _standard),
    Column("value", value_cell, numeric=True),
]


def _row_classes(table: pd.DataFrame) -> list[str]:
    return [f"kind-{str(k)}" for k in table["kind"]]


def profile_facts(dataset: Dataset, geography_id: str) -> dict[str, pd.DataFrame]:
    """The geography's facts by section."""
    return sections(facts_for(dataset, geography_id))


def header(dataset: Dataset, geography_id: str, rendered: dict[str, str]) -> str:
    """Title, one-line scope, and what happened to the unit on 1 July 2025 (with partner links).

    ``rendered`` maps geography ids to the file names of their profiles in the same folder.
    """
    name = geography_name(dataset, geography_id)
    n = len(facts_for(dataset, geography_id))
    sources = sources_used(dataset, facts_for(dataset, geography_id))
    scope = (
        f"What the sources say about the National Target Program for Sustainable Poverty "
        f"Reduction 2021–2025 in {name}: {n} figures from {len(sources)} "
        f"source{'s' if len(sources) != 1 else ''}, each with its evidence."
    )
    out = display.title_html(f"{name}: poverty reduction, 2021–2025", scope)
    note, partners = reorganisation_note(dataset, geography_id)
    if note:
        links = [
            f'<a href="{esc(rendered[p])}">{esc(geography_name(dataset, p))} profile</a>'
            for p in partners
            if p in rendered
        ]
        see = f" See the {' and the '.join(links)}." if links else ""
        out += f'<p class="reorganisation">{esc(note)}{see}</p>'
    return out


def key_figures(dataset: Dataset, geography_id: str) -> str:
    """The key-figures block and the findings."""
    cards = brief.key_figures(dataset, geography_id)
    return display.key_figures_html(dataset, cards)


def findings(dataset: Dataset, geography_id: str) -> str:
    """The findings, as a list of sentences built from the data."""
    return display.findings_html(brief.findings(dataset, geography_id))


def rates(dataset: Dataset, geography_id: str, reference: str | None = "vn") -> str:
    """Poverty rates by year, standard and method, with the national line for reference."""
    name = geography_name(dataset, geography_id)
    table = profile_facts(dataset, geography_id)["rates"]
    out = ""
    series = brief.rate_series(table)
    long_series = {k: s for k, s in series.items() if s["period_end"].nunique() >= 2}
    if long_series:
        chosen = pd.concat(series.values())
        ids = {geography_id: name}
        national = reference_series(dataset, geography_id, reference)
        if not national.empty:
            chosen = pd.concat([chosen, national])
            ids[reference] = geography_name(dataset, reference)
        targets = select(facts_for(dataset, geography_id), indicators=[brief.RATE])
        targets = targets[targets["kind"].astype(str).isin(TARGET_KINDS)]
        figure = plotting.plot_trajectory(chosen, ids, targets)
        out += display.figure_html(
            figure,
            alt_trajectory(chosen, ids),
            f"Poor-household rate by year, {name}: one line per standard and method.",
            dataset,
            pd.concat([chosen, targets]),
        )
    elif not table.empty:
        out += display.paragraph(
            "No series of two or more years under one standard and method is reported, so no "
            "chart is drawn; the figures are listed below.",
            "note",
        )
    out += display.facts_table_html(
        dataset,
        table,
        COLUMNS,
        f"Poor and near-poor households, {name}",
        f"No poor or near-poor rate or count is reported for {name}.",
        _row_classes(table),
    )
    return out


def reference_series(dataset: Dataset, geography_id: str, reference: str | None) -> pd.DataFrame:
    """The reference geography's rate series of two or more years (empty if none, or itself)."""
    if not reference or reference == geography_id:
        return pd.DataFrame()
    series = brief.rate_series(facts_for(dataset, reference)).values()
    long = [s for s in series if s["period_end"].nunique() >= 2]
    return pd.concat(long) if long else pd.DataFrame()


def alt_trajectory(rates: pd.DataFrame, names: dict[str, str]) -> str:
    """Alt text of the trajectory chart: each line's points in words."""
    from helpers.facts import fact_text

    parts = []
    method = rates["method"] if "method" in rates else pd.Series("", index=rates.index)
    standard = rates["standard_used"] if "standard_used" in rates else rates["poverty_standard"]
    keys = [rates["geography_id"].astype(str), standard.astype(str),
            method.fillna("").astype(str)]  # fmt: skip
    for (gid, standard, _how), s in rates.groupby(keys, sort=False):
        points = ", ".join(
            f"{int(r['period_end'])}: {fact_text(r)}"
            for _, r in s.sort_values("period_end").iterrows()
        )
        parts.append(f"{names.get(gid, gid)} under the {format_standard(standard)}: {points}")
    return "Line chart of the poor-household rate. " + "; ".join(parts) + "."


def targets(dataset: Dataset, geography_id: str) -> str:
    """Targets against results: each target with its status and why."""
    name = geography_name(dataset, geography_id)
    table = profile_facts(dataset, geography_id)["targets"]
    statuses = brief.target_statuses(facts_for(dataset, geography_id))
    out = ""
    if statuses:
        rows = []
        for s in statuses:
            t = s.target
            result = "—" if s.result is None else value_cell(s.result) + f" ({esc(when(s.result))})"
            klass = "status-" + s.status.replace(" ", "-")
            rows.append(
                [
                    _what(t),
                    esc(when(t)),
                    value_cell(t),
                    result,
                    f'<span class="{klass}">{esc(s.status)}</span>',
                    esc(s.reason),
                    display.evidence_html(dataset, s.evidence_ids()),
                ]
            )
        out += display.table_html(
            rows,
            ["target", "when", "target value", "result", "status", "why", "evidence"],
            [False, False, True, True, False, False, False],
        )
        out += display.caption_html(
            f"Targets against results, {name}", dataset, table, f"targets {name}"
        )
    if len(table) >= 2:
        figure = plotting.plot_bounds(table, "percentage points (per year where an average)",
                                      f"Reductions — {name}")  # fmt: skip
        out += display.figure_html(
            figure,
            alt_bounds(table),
            f"Reduction targets and results, {name} (hollow: target or plan; filled: result).",
            dataset,
            table,
        )
    out += display.facts_table_html(
        dataset, table, COLUMNS, f"Reduction figures, {name}",
        f"No reduction target or result is reported for {name}.", _row_classes(table),
    )  # fmt: skip
    return out


def alt_bounds(table: pd.DataFrame) -> str:
    """Alt text of a chart of facts drawn as markers, ranges and bounds."""
    from helpers.facts import fact_text

    items = [
        f"{r.get('label', r['indicator_id'])}, {when(r)}, {kind_label(r['kind'])}: {fact_text(r)}"
        for _, r in table.iterrows()
    ]
    return f"Chart of {len(items)} figures. " + "; ".join(items) + "."


def money(dataset: Dataset, geography_id: str) -> str:
    """Amounts: the programme's allocation per programme year, its parts, other money apart."""
    name = geography_name(dataset, geography_id)
    table = profile_facts(dataset, geography_id)["money"]
    columns = [
        *COLUMNS,
        Column("per programme year", lambda f: esc(_per_year(f))),
    ]
    out = display.facts_table_html(
        dataset, table, columns, f"Amounts, {name}",
        f"No amount of money is reported for {name}.", _row_classes(table),
    )  # fmt: skip
    parts = table[~is_total(table)]
    out += _parts_chart(dataset, parts, geography_id, f"Amounts by part, {name}")
    return out


def _per_year(fact: pd.Series) -> str:
    if str(fact["indicator_id"]) != "funding_allocated":
        return "not applicable: not the programme's own allocation"
    if not is_total(pd.DataFrame([fact])).iloc[0]:
        return "a part: see its total"
    return brief.funding_per_programme_year(fact)[1]


def _parts_chart(dataset: Dataset, parts: pd.DataFrame, geography_id: str, title: str) -> str:
    if len(parts) < 2:
        return ""
    from helpers.facts import breakdown_facts

    figure = plotting.plot_parts(breakdown_facts(parts), plotting.colour_for(geography_id), title)
    return display.figure_html(figure, alt_bounds(parts), title, dataset, parts)


def people(dataset: Dataset, geography_id: str) -> str:
    """People and households reached, with their splits."""
    name = geography_name(dataset, geography_id)
    table = profile_facts(dataset, geography_id)["people"]
    out = display.facts_table_html(
        dataset, table, COLUMNS, f"People and households reached, {name}",
        f"No count of people or households reached is reported for {name}.",
        _row_classes(table),
    )  # fmt: skip
    parts = table[~is_total(table)]
    out += _parts_chart(dataset, parts, geography_id, f"Reached, by group, {name}")
    return out


def other(dataset: Dataset, geography_id: str) -> str:
    """Every other figure: models, events, communication, context."""
    name = geography_name(dataset, geography_id)
    table = profile_facts(dataset, geography_id)["other"]
    return display.facts_table_html(
        dataset, table, COLUMNS, f"Other figures, {name}",
        f"No other figure is reported for {name}.", _row_classes(table),
    )  # fmt: skip


def components(dataset: Dataset, geography_id: str) -> str:
    """The seven component projects: which are reported and which are silent."""
    table = component_summary(facts_for(dataset, geography_id), dataset.indicators)
    return display.frame_html(table)


def places(dataset: Dataset, geography_id: str, rendered: dict[str, str]) -> str:
    """Figures for the units inside: provinces of the nation, districts of a province."""
    name = geography_name(dataset, geography_id)
    inside = child_geographies(dataset, geography_id)
    if inside.empty:
        return display.paragraph(f"No figures are reported for units inside {name}.", "empty")
    rows = []
    for _, g in inside.iterrows():
        gid = str(g["geography_id"])
        n = len(facts_for(dataset, gid))
        label = esc(g["name"])
        if gid in rendered:
            label = f'<a href="{esc(rendered[gid])}">{label}</a>'
        rows.append([label, esc(g["level"]), str(n)])
    return display.table_html(rows, ["unit", "level", "figures"], [False, False, True])


def gaps(dataset: Dataset, geography_id: str) -> str:
    """Indicators of the dataset with no figure here, by component."""
    table = not_reported(dataset, geography_id)
    name = geography_name(dataset, geography_id)
    if table.empty:
        return display.paragraph(f"Every indicator of the dataset is reported for {name}.")
    lines = []
    for component, group in table.groupby("component", sort=False):
        lines.append(f"{component}: " + ", ".join(group["indicator"]))
    head = display.paragraph(
        f"{len(table)} of the dataset's {len(dataset.indicators)} indicators have no figure for "
        f"{name}. Missing is missing: none of these is zero, and none is filled in.",
    )
    return head + display.bullets(lines, "gaps")


def sources(dataset: Dataset, geography_id: str, reference: str | None = "vn") -> str:
    """Every source cited on the page, including those of the national reference line."""
    shown = facts_for(dataset, geography_id)
    series = brief.rate_series(profile_facts(dataset, geography_id)["rates"])
    if any(s["period_end"].nunique() >= 2 for s in series.values()):
        national = reference_series(dataset, geography_id, reference)
        if not national.empty:
            shown = pd.concat([shown, national])
    return display.sources_html(dataset, sources_used(dataset, shown))
