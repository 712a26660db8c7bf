"""The sections of the comparison report as HTML: like with like, and the rest set apart.

Each function returns one section, its heading and introduction included
(:func:`helpers.display.section_html`), written in the page's language (:mod:`helpers.i18n`);
the notebook only shows them.
"""

from __future__ import annotations

import pandas as pd

from helpers import compare, display, plotting, profile_page
from helpers.analysis import money as money_analysis
from helpers.analysis import targets as target_verdicts
from helpers.analysis import trajectories
from helpers.compare import header as h
from helpers.display import esc, kind_label
from helpers.facts import Dataset, facts_for, select
from helpers.format import format_number, format_standard
from helpers.geo import geography_name
from helpers.i18n import N_, tr, tr_n
from helpers.sources import sources_used
from helpers.vocabulary import METHOD_LABELS, label

RATES = ["poor_household_rate", "poor_households", "near_poor_household_rate",
         "near_poor_households"]  # fmt: skip


def header(dataset: Dataset, ids: list[str]) -> str:
    """Title and scope."""
    names = ", ".join(geography_name(dataset, g) for g in ids)
    return display.title_html(
        tr("Four provinces compared: poverty reduction, 2021–2025"),
        tr(
            "{names}: poverty rates, reduction targets and results, money and coverage, set side "
            "by side only where kind, period, poverty standard and method match.",
            names=names,
        ),
    )


def findings(dataset: Dataset, ids: list[str]) -> str:
    """The comparison's findings."""
    return display.section_html(tr("Findings")) + display.findings_html(
        compare.findings(dataset, ids)
    )


def rates(dataset: Dataset, ids: list[str], table: pd.DataFrame | None = None) -> display.Section:
    """Trajectories on one axis (standards and methods never joined), and every rate figure.

    ``table``: :func:`helpers.analysis.trajectories.rates` of the provinces and the nation
    (computed when not given); the chart draws the results of its series of two or more years.
    """
    out = display.section_html(
        tr("Poverty rates over time: where do the provinces stand?"),
        tr(
            "One line per province, poverty standard and method; lines never cross the 2021 "
            "change of standard, and survey estimates are never joined to review counts."
        ),
    )
    if table is None:
        table = trajectories.rates(dataset, [*ids, "vn"])
    series = drawn_rates(table)
    names = {g: geography_name(dataset, g) for g in [*ids, "vn"]}
    chart = None
    if not series.empty:
        figure = plotting.plot_trajectory(series, names)
        chart = display.chart(
            figure,
            plotting.trajectory_alt(series, names),
            tr(
                "Poor-household rate by year and province; lines join only figures of one "
                "standard and one method."
            ),
            dataset,
            display.facts_of(dataset, series),
        )
    else:
        out += display.paragraph(
            tr(
                "No province has a rate for two or more years under one standard and method, so "
                "no trajectory is drawn."
            ),
            "note",
        )
    facts_table = select(facts_for(dataset, ids), indicators=RATES, totals_only=True)
    # issue 16: what compares like for like, each series' average fall per year between two
    # year-end results, is the table; every rate figure is in the download and, with its
    # evidence, on each province's profile
    paces = trajectories.paces(dataset, [*ids, "vn"])
    rows = []
    for _, p in paces.iterrows():
        standard = format_standard(
            {"poverty_standard": p["poverty_standard"], "standard_inferred": p["standard_inferred"]}
        )
        rows.append([
            esc(names.get(str(p["geography_id"]), p["geography_id"])),
            esc(f"{standard}; {label(METHOD_LABELS, p['method'])}"),
            esc(f"{int(p['start_year'])}: {format_number(p['start_value'])} %"),
            esc(f"{int(p['end_year'])}: {format_number(p['end_value'])} %"),
            esc(format_number(-float(p["pace_pp_per_year"]), 2)),
            display.evidence_html(dataset, list(p["observation_ids"])),
        ])  # fmt: skip
    parts = [out, chart]
    if rows:
        parts.append(
            display.table_html(
                rows,
                [
                    tr("province"),
                    tr("standard and method"),
                    tr("from"),
                    tr("to"),
                    tr("fall per year (pp)"),
                    tr("evidence"),
                ],
                [False, False, True, True, True, False],
            )  # fmt: skip
        )
        parts.append(
            display.caption_html(
                tr("Average fall per year of each series, from two year-end results"),
                dataset,
                display.facts_of(dataset, paces),
                "paces by province",
            )
        )
    if len(facts_table):
        download = display.csv_download(
            display.rows_behind(dataset, facts_table),
            "rates by province",
            tr("every rate and count of the four provinces"),
        )
        parts.append(f'<p class="caption">{download}</p>')
    return display.Section(*parts)


def drawn_rates(table: pd.DataFrame) -> pd.DataFrame:
    """The results of a rates table (:func:`helpers.analysis.trajectories.rates`) in series of
    two or more years: the lines the comparison draws."""
    results = table[table["kind"] == "actual"]
    return results[results.groupby("series_id")["year"].transform("nunique") >= 2]


def targets(dataset: Dataset, ids: list[str], table: pd.DataFrame | None = None) -> str:
    """Every reduction target of each province, with its verdict against a matching result.

    ``table``: :func:`helpers.analysis.targets.verdicts` of the provinces (computed when not
    given)."""
    out = display.section_html(
        tr("Reduction targets: did each province reach its own?"),
        tr("Each target is judged only against a result of the same measure, period and standard."),
    )
    if table is None:
        table = target_verdicts.verdicts(dataset, ids)
    if table.empty:
        return out + display.paragraph(tr("No province reports a reduction target."), "empty")
    rows, statuses = [], []
    for gid in ids:
        for s in profile_page.shown_statuses(dataset, [gid], table):
            rows.append([esc(geography_name(dataset, gid)), *profile_page.status_cells(dataset, s)])
            statuses.append(s)
    columns = [N_("province"), N_("target"), N_("when"), N_("target value"), N_("result"),
               N_("status"), N_("why"), N_("evidence")]  # fmt: skip
    html = display.table_html(
        rows, [h(c) for c in columns], [False, False, False, True, True, False, False, False]
    )
    html = display.folded(
        tr_n("Show the target, its verdict and why",
             "Show the {n} targets, their verdicts and why",
             len(rows), n=format_number(len(rows))),
        html,
    )  # fmt: skip
    return out + html + display.caption_html(
        tr("Reduction targets against results, by province"), dataset,
        profile_page.statuses_behind(statuses, dataset), "targets by province",
    )  # fmt: skip


NUMERIC_FUNDING = ("amount", "per year", "per poor household")


def money(dataset: Dataset, ids: list[str], table: pd.DataFrame | None = None) -> display.Section:
    """Funding per programme year and per poor household, with "not applicable" apart.

    ``table``: :func:`helpers.analysis.money.funding` of the provinces (computed when not
    given); the chart draws the programme's own allocations in it.
    """
    out = display.section_html(
        tr("Money: how much per programme year, and per poor household?"),
        tr(
            "The programme's own allocation is divided by the years it ran in the period (from "
            '2022) and by a matching count of poor households; other money is "not applicable".'
        ),
    )
    funding = compare.funding_normalised(dataset, ids)
    if funding.empty:
        return display.Section(out, display.paragraph(tr("No province reports funding."), "empty"))
    if table is None:
        table = money_analysis.funding(dataset, ids)
    chart = None
    drawn = plotting.programme_money(table)
    if not drawn.empty:
        names = {g: geography_name(dataset, g) for g in ids}
        behind = display.facts_of(
            dataset,
            pd.DataFrame(
                {
                    "observation_ids": [
                        (r["observation_id"], r["poor_households_observation_id"])
                        for _, r in drawn.iterrows()
                    ]
                }  # fmt: skip
            ).assign(
                observation_ids=lambda t: t["observation_ids"].map(
                    lambda pair: tuple(i for i in pair if isinstance(i, str))
                )
            ),
        )
        chart = display.chart(
            plotting.plot_funding(table, names),
            plotting.funding_alt(table, names),
            tr("The programme's own allocation per programme year and per poor household."),
            dataset,
            behind,
        )
    rows = []
    for _, r in funding.iterrows():
        cells = [esc(kind_label(r[c]) if c == "kind" else r[c]) for c in compare.FUNDING_DISPLAY]
        cells.append(display.evidence_html(dataset, str(r["observation_ids"]).split(";")))
        rows.append(cells)
    columns = [*compare.FUNDING_DISPLAY, N_("evidence")]
    numeric = [c in NUMERIC_FUNDING for c in columns]
    # exactly the observations the table's evidence cells name (amounts and the counts of poor
    # households they are divided by)
    behind = display.facts_of(
        dataset,
        pd.DataFrame(
            {"observation_ids": [tuple(str(j).split(";")) for j in funding["observation_ids"]]}
        ),
    )
    return display.Section(
        out,
        chart,
        display.folded(
            tr_n(
                "Show the amount, with its evidence",
                "Show the {n} amounts, with their evidence",
                len(rows),
                n=format_number(len(rows)),
            ),
            display.table_html(rows, [h(c) for c in columns], numeric),
        ),  # fmt: skip
        display.caption_html(
            tr("Funding per programme year and per poor household"), dataset, behind, "funding"
        ),
    )


def coverage_alt(counts: pd.DataFrame) -> str:
    """Alt text of the coverage chart: per province, how many indicators at each level."""
    per_province = "; ".join(
        f"{col}: "
        + ", ".join(
            f"{counts.loc[level, col]} {compare.coverage_label(level)}" for level in counts.index
        )
        for col in counts.columns
    )
    return tr("Bar chart of every indicator by province, by what is reported.") + " " + per_province


def coverage(dataset: Dataset, ids: list[str]) -> display.Section:
    """What each province reports: a heat-map of indicators by province."""
    out = display.section_html(tr("Coverage: what does each province report?"))
    out += display.bullets(compare.data_coverage(dataset, ids), "coverage")
    matrix = compare.coverage_matrix(dataset, ids)
    counts = compare.coverage_counts(matrix)
    figure = plotting.plot_coverage_counts(counts, tr("What each province reports"))
    table = counts.rename(index=compare.coverage_label).reset_index()
    table = table.rename(columns={"coverage": h(N_("coverage"))})
    all_facts = facts_for(dataset, ids)
    chart = display.chart(
        figure,
        coverage_alt(counts),
        tr("Coverage of every indicator of the dataset, by province."),
        dataset,
        all_facts,
    )
    return display.Section(out, chart, display.frame_html(table))


def merger(dataset: Dataset, ids: list[str], table: pd.DataFrame | None = None) -> str:
    """The merged provinces: pairs of figures of the same indicator, comparable or not, and why.

    ``table``: :func:`helpers.analysis.mergers.merger_pairs` (all pairs when not given)."""
    out = display.section_html(
        tr("The provinces merged on 1 July 2025: what can be set side by side?"),
        tr(
            "Bắc Kạn merged into Thái Nguyên and Hà Giang into Tuyên Quang. Each figure stays "
            "with the province as it was when reported; nothing is added up."
        ),
    )
    names = {geography_name(dataset, g) for g in ids}
    pairs = compare.merger_pairs(dataset, compare.successors_of(dataset, ids))
    pairs = pairs[pairs["province from 1 July 2025"].isin(names)]
    if table is not None:  # the pairs of the table (helpers.analysis.mergers.merger_pairs)
        chosen = {";".join(ids_) for ids_ in table["observation_ids"]}
        pairs = pairs[pairs["observation_ids"].isin(chosen)]
    if pairs.empty:
        return out + display.paragraph(
            tr("No indicator is reported for both members of a merged pair."), "empty"
        )
    # The comparable pairs, in full with their evidence; the rest counted by reason; every pair
    # in the download (issue 16: a 222-row table was 106 phone screens).
    comparable = pairs[pairs["is_comparable"].astype(bool)]
    others = pairs[~pairs["is_comparable"].astype(bool)]
    out += display.paragraph(
        tr(
            "{n} pairs of figures share an indicator; {k} of them are comparable (same kind, "
            "period, standard and method) and are listed below. The other {m} are not, for "
            "these reasons:",
            n=format_number(len(pairs)),
            k=format_number(len(comparable)),
            m=format_number(len(others)),
        )
    )
    if len(others):
        reasons = others["comparable"].value_counts()
        out += display.table_html(
            [[esc(r), esc(format_number(int(n)))] for r, n in reasons.items()],
            [tr("why not comparable"), tr("pairs")],
            [False, True],
        )
    everything = pairs[[*compare.MERGER_DISPLAY, "observation_ids"]].rename(
        columns={c: tr(c) for c in compare.MERGER_DISPLAY}
    )
    download = display.csv_download(everything, "merger pairs", tr("every pair, comparable or not"))
    out += f'<p class="caption">{download}</p>'
    if comparable.empty:
        return out
    rows = []
    for _, p in comparable.iterrows():
        cells = [esc(p[c]) for c in compare.MERGER_DISPLAY]
        cells.append(display.evidence_html(dataset, str(p["observation_ids"]).split(";")))
        rows.append(cells)
    table = display.table_html(rows, [h(c) for c in [*compare.MERGER_DISPLAY, N_("evidence")]])
    obs_ids = ";".join(comparable["observation_ids"]).split(";")
    behind = display.facts_of(dataset, pd.DataFrame({"observation_id": obs_ids}))
    return (
        out
        + display.folded(
            tr_n(
                "Show the comparable pair, with its evidence",
                "Show the {n} comparable pairs, with their evidence",
                len(comparable),
                n=format_number(len(comparable)),
            ),
            table,
        )
        + display.caption_html(
            tr("Comparable figures of the members of each merged province, paired"),
            dataset,
            behind,
            "comparable merger pairs",
        )
    )


def sources(dataset: Dataset, ids: list[str]) -> str:
    """Every source cited on the page."""
    series = drawn_rates(trajectories.rates(dataset, [*ids, "vn"]))
    national = series[~series["geography_id"].isin(ids)]
    shown = facts_for(dataset, ids)
    if not national.empty:  # the national line is drawn for reference: its sources are cited
        shown = pd.concat([shown, display.facts_of(dataset, national)])
    return display.section_html(tr("Sources")) + display.sources_html(
        dataset, sources_used(dataset, shown)
    )
