"""The sections of the province profile as HTML: each a question answered with the data.

Each section function returns the section's heading and the question it answers
(:func:`helpers.display.section_html`) followed by its body, all in the page's language
(:mod:`helpers.i18n`), so that the notebook's cells only show them. Every figure is in exactly
one section (:func:`helpers.profile.sections`), shown with its evidence, and every table and
chart carries the download of the rows behind it.
"""

from __future__ import annotations

from functools import reduce

import pandas as pd

from helpers import brief, display, plotting, targets_text
from helpers.analysis import targets as target_verdicts
from helpers.analysis import trajectories
from helpers.display import Column, esc, kind_label, value_cell
from helpers.facts import Dataset, breakdown_text, facts_for, is_total
from helpers.format import format_number, format_standard
from helpers.geo import child_geographies, geography_name, reorganisation_note
from helpers.i18n import tr, tr_n
from helpers.profile import component_summary, not_reported, sections, when
from helpers.sources import sources_used
from helpers.vocabulary import BREAKDOWN_BY_LABELS, BREAKDOWN_LABELS
from helpers.vocabulary import label as vlabel


def _what(fact: pd.Series) -> str:
    label = esc(fact.get("label", fact["indicator_id"]))
    if not is_total(pd.DataFrame([fact])).iloc[0]:
        label += f" — {esc(breakdown_text(fact))}"
    return label


def _standard(fact: pd.Series) -> str:
    return esc(format_standard(fact))


def columns() -> list[Column]:
    """The columns of a table of facts (what, when, kind, standard, value), headed in the page's
    language: call it when the page is written, not at import."""
    return [
        Column(tr("what"), _what),
        Column(tr("when"), lambda f: esc(when(f))),
        Column(tr("kind"), lambda f: esc(kind_label(f["kind"]))),
        Column(tr("standard"), _standard),
        Column(tr("value"), value_cell, numeric=True),
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
    scope = tr_n(
        "What the sources say about the National Target Program for Sustainable Poverty "
        "Reduction 2021–2025 in {name}: {figures} figures from {count} source, each with its "
        "evidence.",
        "What the sources say about the National Target Program for Sustainable Poverty "
        "Reduction 2021–2025 in {name}: {figures} figures from {count} sources, each with its "
        "evidence.",
        len(sources),
        name=name,
        figures=format_number(n),
    )
    out = display.title_html(tr("{name}: poverty reduction, 2021–2025", name=name), scope)
    note, partners = reorganisation_note(dataset, geography_id)
    if note:
        links = [
            f'<a href="{esc(rendered[p])}">'
            + esc(tr("{name} profile", name=geography_name(dataset, p)))
            + "</a>"
            for p in partners
            if p in rendered
        ]
        see = ""
        if links:  # the messages hold no markup: the links are the only HTML in them
            both = reduce(lambda a, b: tr("{first} and the {second}", first=a, second=b), links)
            see = " " + tr("See the {profiles}.", profiles=both)
        out += f'<p class="reorganisation">{esc(note)}{see}</p>'
    return out


def key_figures(dataset: Dataset, geography_id: str) -> str:
    """The key-figures section: latest rate, target against result, money, people, gaps."""
    cards = brief.key_figures(dataset, geography_id)
    return display.section_html(tr("Key figures")) + display.key_figures_html(dataset, cards)


def findings(dataset: Dataset, geography_id: str) -> str:
    """The findings section: sentences built from the data."""
    found = brief.findings(dataset, geography_id)
    return display.section_html(tr("Findings")) + display.findings_html(found)


def rates(
    dataset: Dataset,
    geography_id: str,
    reference: str | None = "vn",
    table: pd.DataFrame | None = None,
    heading: str | None = None,
) -> display.Section:
    """Poverty rates by year, standard and method, with the national line for reference.

    ``heading``: the section's h2 (default: the profile's question about rates).

    ``table``: :func:`helpers.analysis.trajectories.rates` of the geography and ``reference``
    (computed when not given); the chart draws its results, one line per series.
    """
    name = geography_name(dataset, geography_id)
    facts_table = profile_facts(dataset, geography_id)["rates"]
    if table is None:
        table = trajectories.rates(dataset, [g for g in (geography_id, reference) if g])
    # the chart right under the heading (and so under the key figures), the reading after it
    out = display.section_html(
        heading or tr("Poverty rates: how many households are poor, and how has that changed?")
    )
    after = display.paragraph(
        tr(
            "Rates under the 2016–2020 standard (Decision 59/2015/QĐ-TTg) and the 2021–2025 "
            "multidimensional standard (Decree 07/2021/NĐ-CP) are different measures: they are "
            "never joined into one line. Administrative review counts and household-survey "
            "estimates are separate lines too."
        ),
        "intro",
    )
    drawn = chart_rates(table, geography_id)
    chart = None
    if not drawn.empty:
        ids = {g: geography_name(dataset, g) for g in dict.fromkeys(drawn["geography_id"])}
        own = table[(table["geography_id"] == geography_id) & (table["kind"] == "target")]
        targets = display.facts_of(dataset, own)
        figure = plotting.plot_trajectory(drawn, ids, targets)
        chart = display.chart(
            figure,
            plotting.trajectory_alt(drawn, ids),
            tr(
                "Poor-household rate by year, {name}: one line per standard and method.", name=name
            ),  # fmt: skip
            dataset,
            pd.concat([display.facts_of(dataset, drawn), targets]),
        )
    elif not facts_table.empty:
        out += display.paragraph(
            tr(
                "No series of two or more years under one standard and method is reported, so "
                "no chart is drawn; the figures are listed below."
            ),
            "note",
        )
    return display.Section(
        out,
        chart,
        after,
        display.facts_table_html(
            dataset,
            facts_table,
            columns(),
            tr("Poor and near-poor households, {name}", name=name),
            tr("No poor or near-poor rate or count is reported for {name}.", name=name),
            _row_classes(facts_table),
        ),
    )


def chart_rates(table: pd.DataFrame, geography_id: str) -> pd.DataFrame:
    """The rows of a rates table (:func:`helpers.analysis.trajectories.rates`) a profile draws:
    the geography's results when one of its series has two or more years, and the other
    geographies' (the reference) series of two or more years; empty when the geography has no
    such series."""
    results = table[table["kind"] == "actual"]
    years = results.groupby("series_id")["year"].transform("nunique")
    own = results["geography_id"] == geography_id
    if not (own & (years >= 2)).any():
        return results.iloc[0:0]
    return results[own | (years >= 2)]


def targets(
    dataset: Dataset, geography_id: str, table: pd.DataFrame | None = None
) -> display.Section:
    """Targets against results: each target with its verdict and why, then the reduction
    figures, charted one unit at a time.

    ``table``: :func:`helpers.analysis.targets.verdicts` of the geography (computed when not
    given).
    """
    name = geography_name(dataset, geography_id)
    if table is None:
        table = target_verdicts.verdicts(dataset, [geography_id])
    statuses = shown_statuses(dataset, [geography_id], table)
    out = display.section_html(
        tr("Targets against results: was the reduction target met?"),
        tr(
            "A target is met or not met only against a result of the same measure, period and "
            "poverty standard; a target whose period is not over is on track or behind by the "
            "average fall per year so far, from one series; otherwise the table says why no "
            "answer can be given."
        ),
    )
    if statuses:
        rows = [status_cells(dataset, s) for s in statuses]
        headers = [tr("target"), tr("when"), tr("target value"), tr("result"), tr("status"),
                   tr("why"), tr("evidence")]  # fmt: skip
        out += display.folded(
            tr_n("Show the target, its verdict and why",
                 "Show the {n} targets, their verdicts and why",
                 len(rows), n=format_number(len(rows))),
            display.table_html(rows, headers, [False, False, True, True, False, False, False]),
        )  # fmt: skip
        out += display.caption_html(
            tr("Targets against results, {name}", name=name),
            dataset,
            statuses_behind(statuses, dataset),
            tr("targets {name}", name=name),
        )
    table = profile_facts(dataset, geography_id)["targets"]
    charts = []
    if len(table) >= 2:  # one chart per unit: never two units on one axis
        for unit, figure in plotting.plot_bounds_by_unit(
            table, tr("Reductions — {name}", name=name)
        ):
            group = table[table["unit"].astype(str) == unit]
            charts.append(
                display.chart(
                    figure,
                    alt_bounds(group),
                    tr(
                        "Reduction targets and results in {unit}, {name} (hollow: target or "
                        "plan; filled: result).",
                        unit=plotting.unit_axis_label(unit),
                        name=name,
                    ),
                    dataset,
                    group,
                )
            )
    return display.Section(
        out,
        *charts,
        display.facts_table_html(
            dataset, table, columns(), tr("Reduction figures, {name}", name=name),
            tr("No reduction target or result is reported for {name}.", name=name),
            _row_classes(table),
        ),
    )  # fmt: skip


def shown_statuses(
    dataset: Dataset, geography_ids: list[str], table: pd.DataFrame
) -> list[targets_text.TargetStatus]:
    """The targets of a verdicts table (:func:`helpers.analysis.targets.verdicts`), worded
    (:func:`helpers.targets_text.target_statuses`), in the table's order."""
    statuses = {
        s.verdict["target_id"]: s for s in targets_text.target_statuses(dataset, geography_ids)
    }
    return [statuses[t] for t in table["target_id"] if t in statuses]


def status_cells(dataset: Dataset, s: targets_text.TargetStatus) -> list[str]:
    """The cells of one target's row: what, when, target, result, status, why, evidence."""
    t = s.target
    result = "—" if s.result is None else value_cell(s.result) + f" ({esc(when(s.result))})"
    klass = "status-" + s.status.replace(" ", "-")
    return [
        _what(t),
        esc(when(t)),
        value_cell(t),
        result,
        f'<span class="{klass}">{esc(s.label)}</span>',
        esc(s.reason),
        display.evidence_html(dataset, s.evidence_ids()),
    ]


def statuses_behind(
    statuses: list[targets_text.TargetStatus], dataset: Dataset | None = None
) -> pd.DataFrame:
    """The facts behind a table of targets: exactly the observations its evidence cells name
    (each target, and the result it was judged against, or the two rates of a pace read from
    them). Without ``dataset``: the targets and printed results only, as facts."""
    if dataset is not None:
        ids = [i for s in statuses for i in s.evidence_ids()]
        return display.facts_of(dataset, pd.DataFrame({"observation_id": list(dict.fromkeys(ids))}))
    rows = [s.target for s in statuses]
    rows += [s.result for s in statuses if s.result is not None and not s.result.get("formula")]
    return pd.DataFrame(rows).drop_duplicates("observation_ids") if rows else pd.DataFrame()


def alt_bounds(table: pd.DataFrame) -> str:
    """Alt text of a chart of facts drawn as markers, ranges and bounds."""
    from helpers.facts import fact_text

    items = []
    for _, r in table.iterrows():
        what = str(r.get("label", r["indicator_id"]))
        if breakdown_text(r):
            what += f" — {breakdown_text(r)}"
        items.append(f"{what}, {when(r)}, {kind_label(r['kind'])}: {fact_text(r)}")
    return tr_n(
        "Chart of {count} figure. {items}.",
        "Chart of {count} figures. {items}.",
        len(items),
        items="; ".join(items),
    )


def money(dataset: Dataset, geography_id: str) -> str:
    """Amounts: the programme's allocation per programme year, its parts, other money apart."""
    name = geography_name(dataset, geography_id)
    table = profile_facts(dataset, geography_id)["money"]
    out = display.section_html(
        tr("Money: how much, for which years, from which budget?"),
        tr(
            "The programme's own allocation is divided by the years the programme ran in its "
            "period (it was approved in January 2022). Other money (support policies, loans, "
            "earlier programmes) is listed but not divided."
        ),
    )
    headers = [*columns(), Column(tr("per programme year"), lambda f: esc(_per_year(f)))]
    out += display.facts_table_html(
        dataset, table, headers, tr("Amounts, {name}", name=name),
        tr("No amount of money is reported for {name}.", name=name), _row_classes(table),
    )  # fmt: skip
    parts = table[~is_total(table)]
    chart = _parts_chart(dataset, parts, geography_id, tr("Amounts by part, {name}", name=name))
    return display.Section(out, chart)


def _per_year(fact: pd.Series) -> str:
    if not is_total(pd.DataFrame([fact])).iloc[0]:
        return tr("a part: see its total")
    return brief.funding_per_programme_year(fact)[1]


def _parts_chart(
    dataset: Dataset, parts: pd.DataFrame, geography_id: str, title: str
) -> display.Chart | None:
    if len(parts) < 2:
        return None
    from helpers.facts import breakdown_facts

    shown = breakdown_facts(parts)
    shown = shown.assign(  # the groups' names in the page's language, as the chart shows them
        breakdown=[vlabel(BREAKDOWN_LABELS, b) for b in shown["breakdown"]],
        breakdown_by=[vlabel(BREAKDOWN_BY_LABELS, b) for b in shown["breakdown_by"]],
    )
    figure = plotting.plot_parts(shown, plotting.colour_for(geography_id), title)
    return display.chart(figure, alt_bounds(parts), title, dataset, parts)


def people(dataset: Dataset, geography_id: str) -> str:
    """People and households reached, with their splits."""
    name = geography_name(dataset, geography_id)
    table = profile_facts(dataset, geography_id)["people"]
    out = display.section_html(
        tr("People reached: who benefited?"),
        tr(
            "Counts of different units (persons, households, person-times) and of overlapping "
            "groups are never added up."
        ),
    )
    out += display.facts_table_html(
        dataset, table, columns(), tr("People and households reached, {name}", name=name),
        tr("No count of people or households reached is reported for {name}.", name=name),
        _row_classes(table),
    )  # fmt: skip
    parts = table[~is_total(table)]
    chart = _parts_chart(dataset, parts, geography_id, tr("Reached, by group, {name}", name=name))
    return display.Section(out, chart)


def other(dataset: Dataset, geography_id: str) -> str:
    """Every other figure: models, events, communication, context."""
    name = geography_name(dataset, geography_id)
    table = profile_facts(dataset, geography_id)["other"]
    return display.section_html(tr("Other figures")) + display.facts_table_html(
        dataset, table, columns(), tr("Other figures, {name}", name=name),
        tr("No other figure is reported for {name}.", name=name), _row_classes(table),
    )  # fmt: skip


def components(dataset: Dataset, geography_id: str) -> str:
    """The seven component projects: which are reported and which are silent."""
    table = component_summary(facts_for(dataset, geography_id), dataset.indicators)
    headers = {
        "component": tr("component"),
        "indicators reported": tr("indicators reported"),
        "what the reports give": tr("what the reports give"),
    }
    heading = display.section_html(
        tr("The seven component projects: which does each source cover?")
    )
    return heading + display.folded(
        tr("Show what the sources say of each project"),
        display.frame_html(table.rename(columns=headers)),
    )


def places(dataset: Dataset, geography_id: str, rendered: dict[str, str]) -> str:
    """Figures for the units inside: provinces of the nation, districts of a province."""
    name = geography_name(dataset, geography_id)
    inside = child_geographies(dataset, geography_id)
    heading = display.section_html(tr("Units inside"))
    if inside.empty:
        return heading + display.paragraph(
            tr("No figures are reported for units inside {name}.", name=name), "empty"
        )
    levels = {"nation": tr("nation"), "province": tr("province"), "district": tr("district")}
    rows = []
    for _, g in inside.iterrows():
        gid = str(g["geography_id"])
        n = len(facts_for(dataset, gid))
        label = esc(g["name"])
        if gid in rendered:
            label = f'<a href="{esc(rendered[gid])}">{label}</a>'
        level = str(g["level"])
        rows.append([label, esc(levels.get(level, level)), esc(format_number(n))])
    headers = [tr("unit"), tr("level"), tr("figures")]
    return heading + display.table_html(rows, headers, [False, False, True])


def gaps(dataset: Dataset, geography_id: str) -> str:
    """Indicators of the dataset with no figure here, by component."""
    table = not_reported(dataset, geography_id)
    name = geography_name(dataset, geography_id)
    heading = display.section_html(tr("What the sources do not say"))
    if table.empty:
        return heading + display.paragraph(
            tr("Every indicator of the dataset is reported for {name}.", name=name)
        )
    lines = []
    for component, group in table.groupby("component", sort=False):
        lines.append(f"{component}: " + ", ".join(group["indicator"]))
    head = display.paragraph(
        tr_n(
            "{count} of the dataset's {total} indicators has no figure for {name}. Missing is "
            "missing: it is not zero, and it is not filled in.",
            "{count} of the dataset's {total} indicators have no figure for {name}. Missing is "
            "missing: none of these is zero, and none is filled in.",
            len(table),
            total=len(dataset.indicators),
            name=name,
        )
    )
    return (
        heading
        + head
        + display.folded(
            tr_n(
                "Show the indicator",
                "Show the {n} indicators",
                len(table),
                n=format_number(len(table)),
            ),
            display.bullets(lines, "gaps"),
        )
    )


def sources(dataset: Dataset, geography_id: str, reference: str | None = "vn") -> str:
    """Every source cited on the page, including those of the national reference line."""
    shown = facts_for(dataset, geography_id)
    table = trajectories.rates(dataset, [g for g in (geography_id, reference) if g])
    drawn = chart_rates(table, geography_id)
    national = drawn[drawn["geography_id"] != geography_id]
    if not national.empty:  # the national line is drawn for reference: its sources are cited
        shown = pd.concat([shown, display.facts_of(dataset, national)])
    heading = display.section_html(
        tr("Sources"),
        tr(
            "Verified figures were checked against the stored text of the source, sentence by "
            "sentence; cited figures are linked to the address of an official or provincial "
            "source."
        ),
    )
    return heading + display.sources_html(dataset, sources_used(dataset, shown))
