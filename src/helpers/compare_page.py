"""The sections of the comparison report as HTML: like with like, and the rest set apart."""

from __future__ import annotations

import pandas as pd

from helpers import compare, display, plotting
from helpers.display import esc, value_cell
from helpers.facts import Dataset, facts_for, select
from helpers.geo import geography_name
from helpers.profile import when
from helpers.profile_page import COLUMNS, alt_trajectory
from helpers.sources import sources_used

RATES = ["poor_household_rate", "poor_households", "near_poor_household_rate",
         "near_poor_households"]  # fmt: skip


def header(dataset: Dataset, ids: list[str]) -> str:
    """Title and scope."""
    names = ", ".join(geography_name(dataset, g) for g in ids)
    return display.title_html(
        "Four provinces compared: poverty reduction, 2021–2025",
        f"{names}: poverty rates, reduction targets and results, money and coverage, set side "
        "by side only where kind, period, poverty standard and method match.",
    )


def findings(dataset: Dataset, ids: list[str]) -> str:
    """The comparison's findings."""
    return display.findings_html(compare.findings(dataset, ids))


def rates(dataset: Dataset, ids: list[str]) -> str:
    """Trajectories on one axis (standards and methods never joined), and every rate figure."""
    series = compare.trajectories(dataset, ids)
    out = ""
    names = {g: geography_name(dataset, g) for g in [*ids, "vn"]}
    if not series.empty:
        figure = plotting.plot_trajectory(series, names)
        out += display.figure_html(
            figure,
            alt_trajectory(series, names),
            "Poor-household rate by year and province; lines join only figures of one standard "
            "and one method.",
            dataset,
            series,
        )
    else:
        out += display.paragraph(
            "No province has a rate for two or more years under one standard and method, so no "
            "trajectory is drawn.",
            "note",
        )
    table = select(facts_for(dataset, ids), indicators=RATES, totals_only=True)
    columns = [display.Column("province", lambda f: esc(names.get(str(f["geography_id"])))),
               *COLUMNS]  # fmt: skip
    out += display.facts_table_html(
        dataset, table, columns, "Poor and near-poor households by province",
        "No province reports a poor or near-poor rate or count.",
    )  # fmt: skip
    return out


def targets(dataset: Dataset, ids: list[str]) -> str:
    """Every reduction target of each province, with its status against a matching result."""
    rows, behind = [], []
    for gid, s in compare.target_table(dataset, ids):
        t = s.target
        result = "—" if s.result is None else f"{value_cell(s.result)} ({esc(when(s.result))})"
        klass = "status-" + s.status.replace(" ", "-")
        rows.append([
            esc(geography_name(dataset, gid)), esc(t["label"]), esc(when(t)), value_cell(t),
            result, f'<span class="{klass}">{esc(s.status)}</span>', esc(s.reason),
            display.evidence_html(dataset, s.evidence_ids()),
        ])  # fmt: skip
        behind.append(t)
        if s.result is not None:
            behind.append(s.result)
    if not rows:
        return display.paragraph("No province reports a reduction target.", "empty")
    table = display.table_html(
        rows,
        ["province", "target", "when", "target value", "result", "status", "why", "evidence"],
        [False, False, False, True, True, False, False, False],
    )
    return table + display.caption_html(
        "Reduction targets against results, by province", dataset, pd.DataFrame(behind),
        "targets by province",
    )  # fmt: skip


def money(dataset: Dataset, ids: list[str]) -> str:
    """Funding per programme year and per poor household, with "not applicable" apart."""
    funding = compare.funding_normalised(dataset, ids)
    if funding.empty:
        return display.paragraph("No province reports funding.", "empty")
    rows = []
    for _, r in funding.iterrows():
        cells = [esc(r[c]) for c in compare.FUNDING_DISPLAY]
        cells.append(display.evidence_html(dataset, str(r["observation_ids"]).split(";")))
        rows.append(cells)
    headers = [*compare.FUNDING_DISPLAY, "evidence"]
    numeric = [c in ("amount", "per year", "per poor household") for c in headers]
    behind = select(facts_for(dataset, ids), components=["funding"], units=["VND billion"])
    return display.table_html(rows, headers, numeric) + display.caption_html(
        "Funding per programme year and per poor household", dataset, behind, "funding"
    )


def coverage(dataset: Dataset, ids: list[str]) -> str:
    """What each province reports: a heat-map of indicators by province."""
    matrix = compare.coverage_matrix(dataset, ids)
    figure = plotting.plot_coverage(matrix, "What each province reports")
    counts = compare.coverage_counts(matrix)
    alt = "Heat-map of every indicator by province. " + "; ".join(
        f"{col}: " + ", ".join(f"{counts.loc[level, col]} {level}" for level in counts.index)
        for col in counts.columns
    )
    all_facts = facts_for(dataset, ids)
    return display.figure_html(
        figure, alt, "Coverage of every indicator of the dataset, by province.", dataset, all_facts
    ) + display.frame_html(counts.reset_index())


def merger(dataset: Dataset, ids: list[str]) -> str:
    """The merged provinces: pairs of figures of the same indicator, comparable or not, and why."""
    names = {geography_name(dataset, g) for g in ids}
    pairs = compare.merger_pairs(dataset)
    pairs = pairs[pairs["province from 1 July 2025"].isin(names)]
    if pairs.empty:
        return display.paragraph(
            "No indicator is reported for both members of a merged pair.", "empty"
        )
    rows = []
    for _, p in pairs.iterrows():
        klass = "" if p["comparable"] == "yes" else "not-comparable"
        cells = [esc(p[c]) for c in compare.MERGER_COLUMNS[:-1]]
        cells.append(display.evidence_html(dataset, str(p["observation_ids"]).split(";")))
        rows.append((cells, klass))
    table = display.table_html(
        [r for r, _ in rows], [*compare.MERGER_COLUMNS[:-1], "evidence"],
        row_classes=[k for _, k in rows],
    )  # fmt: skip
    obs_ids = ";".join(pairs["observation_ids"]).split(";")
    behind = facts_for(dataset, ids)
    behind = behind[
        behind["observation_ids"].apply(lambda j: bool(set(j.split(";")) & set(obs_ids)))
    ]
    return table + display.caption_html(
        "Figures of the members of each merged province, paired", dataset, behind, "merger pairs"
    )


def sources(dataset: Dataset, ids: list[str]) -> str:
    """Every source cited on the page."""
    series = compare.trajectories(dataset, ids)
    national = not series.empty and "vn" in set(series["geography_id"].astype(str))
    shown = facts_for(dataset, ids)
    if national:  # the national line is drawn for reference: its sources are cited too
        shown = pd.concat([shown, series[series["geography_id"].astype(str) == "vn"]])
    return display.sources_html(dataset, sources_used(dataset, shown))
