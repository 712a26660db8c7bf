"""The pages' sections on where the provinces stand among all of Vietnam's provinces.

They word and draw :mod:`helpers.analysis.ranks` (the statistics office's household-survey
rates of every province, ranked within each year): the profile's section on one province, the
comparison's on the focus provinces, and the standards page's list of the lines those tables
use. Ranks compare provinces within one year; rates under different poverty lines are never
compared across years, and the annual review counts are another series (the rates section).
"""

from __future__ import annotations

import pandas as pd

from helpers import display, plotting_ranks
from helpers.analysis import ranks as ranks_analysis
from helpers.display import esc
from helpers.facts import Dataset
from helpers.format import format_quantity
from helpers.geo import geography_name
from helpers.i18n import N_, tr
from helpers.sources import short_source

TABLE_COLUMNS = (
    N_("year"),
    N_("rate"),
    N_("rank"),
    N_("region"),
    N_("nation"),
    N_("poverty line used"),
)


def _pct(value: object) -> str:
    return format_quantity(value, "percent", "exact", decimals=2)


def _line(row) -> str:
    """A table's poverty line as a reader sees it, marked when inferred."""
    text = tr("{period} line", period=str(row["poverty_line"]).replace("-", "–"))
    return tr("{line} (inferred)", line=text) if row["line_basis"] == "inferred" else text


def _names(dataset: Dataset, ids) -> dict[str, str]:
    return {str(g): geography_name(dataset, str(g)) for g in dict.fromkeys(ids) if pd.notna(g)}


def _rows_behind(table: pd.DataFrame) -> pd.DataFrame:
    """The observations a ranks table shows (province, region and nation of each year)."""
    ids = [*table["observation_id"], *table["region_observation_id"],
           *table["nation_observation_id"]]  # fmt: skip
    return pd.DataFrame({"observation_id": [i for i in dict.fromkeys(ids) if pd.notna(i)]})


def rank_table(table: pd.DataFrame) -> str:
    """One province's ranks (:func:`~helpers.analysis.ranks.province_ranks`) as an HTML table."""
    rows = [
        [
            esc(int(r["year"])),
            esc(_pct(r["value"])),
            esc(tr("{rank} of {n}", rank=int(r["rank"]), n=int(r["n_ranked"]))),
            esc(_pct(r["region_value"])) if pd.notna(r["region_value"]) else "",
            esc(_pct(r["nation_value"])) if pd.notna(r["nation_value"]) else "",
            esc(_line(r)),
        ]
        for _, r in table.iterrows()
    ]
    headers = [tr(c) for c in TABLE_COLUMNS]
    return display.table_html(rows, headers, [False, True, False, True, True, False])


def profile_sentence(dataset: Dataset, geography_id: str, table: pd.DataFrame) -> str:
    """The section's one sentence: the province's rank in the first and last year ranked."""
    name = geography_name(dataset, geography_id)
    first, last = table.iloc[0], table.iloc[-1]
    return tr(
        "In the statistics office's household-survey tables, {name}'s poor-household rate "
        "ranked {rank} of {n} provinces in {year}, 1 being the highest ({rate}; its region "
        "{region}, the nation {nation}); in {first_year} it ranked {first_rank} of {first_n} "
        "({first_rate}). The series takes a new poverty line from {breaks}: ranks compare "
        "provinces within a year, and rates under different lines are not compared across years.",
        name=name,
        rank=int(last["rank"]),
        n=int(last["n_ranked"]),
        year=int(last["year"]),
        rate=_pct(last["value"]),
        region=_pct(last["region_value"]),
        nation=_pct(last["nation_value"]),
        first_year=int(first["year"]),
        first_rank=int(first["rank"]),
        first_n=int(first["n_ranked"]),
        first_rate=_pct(first["value"]),
        breaks=tr(" and ").join(str(int(y)) for y in table.loc[table["line_break"], "year"]) or "—",
    )


def profile_section(
    dataset: Dataset, geography_id: str, table: pd.DataFrame | None = None
) -> display.Section:
    """Where one geography stands among all provinces, by year: sentence, chart and table.

    ``table``: :func:`helpers.analysis.ranks.province_ranks` (computed when not given).
    """
    name = geography_name(dataset, geography_id)
    if table is None:
        table = ranks_analysis.province_ranks(dataset, geography_id)
    out = display.section_html(
        tr("Where {name} stands among Vietnam's provinces", name=name),
        tr(
            "The statistics office's household-survey estimates rank every province by its "
            "poor-household rate (1 = the highest). They are a series apart from the annual "
            "review counts shown above."
        ),
    )
    if table.empty:
        return display.Section(
            out,
            display.paragraph(
                tr("The statistics office's tables give no rate for {name}.", name=name), "empty"
            ),
        )
    everyone = ranks_analysis.survey_ranks(dataset)
    names = _names(dataset, [geography_id, *table["region_id"], "vn"])
    chart = display.chart(
        plotting_ranks.plot_ranks(everyone, geography_id, names),
        plotting_ranks.ranks_alt(everyone, geography_id, names),
        tr(
            "Every province's household-survey poor-household rate by year; {name} highlighted "
            "with its rank.",
            name=name,
        ),  # fmt: skip
        dataset,
        _rows_behind(table),
    )
    return display.Section(
        out, display.paragraph(profile_sentence(dataset, geography_id, table)), chart,
        display.folded(tr("Show the rank of each year"), rank_table(table)),
    )  # fmt: skip


def compare_table(dataset: Dataset, ids: list[str]) -> pd.DataFrame:
    """The focus provinces' rows of :func:`~helpers.analysis.ranks.survey_ranks`."""
    everyone = ranks_analysis.survey_ranks(dataset)
    return everyone[everyone["geography_id"].isin(ids)].sort_values(
        ["year", "rank", "geography_id"], ignore_index=True
    )


def compare_section(
    dataset: Dataset, ids: list[str], table: pd.DataFrame | None = None
) -> display.Section:
    """The focus provinces' ranks among all provinces, by year, with their region's rate."""
    if table is None:
        table = compare_table(dataset, ids)
    out = display.section_html(
        tr("Among all of Vietnam's provinces: the focus provinces' ranks over time"),
        tr(
            "Ranks by the statistics office's household-survey poor-household rate (1 = the "
            "highest), within each year; the poverty line changed between some years, so ranks, "
            "not rates, are set side by side."
        ),
    )
    if table.empty:
        return display.Section(out, display.paragraph(tr("No rank is available."), "empty"))
    names = _names(dataset, [*ids, *table["region_id"]])
    chart = display.chart(
        plotting_ranks.plot_rank_lines(table, names),
        plotting_ranks.rank_lines_alt(table, names),
        tr("Rank of each focus province among all provinces by year (1 = highest rate)."),
        dataset,
        _rows_behind(table),
    )
    years = sorted(table["year"].unique())
    rows = []
    for gid in ids:
        mine = table[table["geography_id"] == gid].set_index("year")
        cells = [esc(geography_name(dataset, gid))]
        for year in years:
            if year in mine.index:
                r = mine.loc[year]
                cells.append(esc(tr("{rank} of {n}", rank=int(r["rank"]), n=int(r["n_ranked"]))))
            else:
                cells.append(esc(tr("not ranked")))
        rows.append(cells)
    headers = [tr("province"), *(str(int(y)) for y in years)]
    return display.Section(out, chart, display.table_html(rows, headers))


def lines_table(dataset: Dataset) -> pd.DataFrame:
    """The poverty lines of the statistics office's series (``data/poverty_lines.csv``)."""
    lines = dataset.other_tables.get("poverty_lines")
    if lines is None:
        return pd.DataFrame(columns=["source_id", "period_start", "period_end", "poverty_line",
                                     "basis", "note", "note_vi"])  # fmt: skip
    return lines.sort_values(["period_start", "source_id"], ignore_index=True)


def lines_section(dataset: Dataset) -> display.Section:
    """The standards page's list of the lines the statistics office's series use: the 2010
    change of line beside those of 2016 and 2021."""
    out = display.section_html(
        tr("The statistics office's series: which poverty line each year uses"),
        tr(
            "The household-survey rates of every province are read against the line of their "
            "period. A change of line breaks the series: in 2010 (the 2011–2015 line), in 2016 "
            "(the 2016–2020 standard) and in 2021 (the 2021–2025 standard)."
        ),
    )
    table = lines_table(dataset)
    rows = []
    for _, r in table.iterrows():
        basis = tr("inferred") if r["basis"] == "inferred" else tr("printed")
        note = (f' <details class="prov"><summary>{esc(tr("why"))}</summary>'
                f'{display.data_field(r, "note")}</details>')  # fmt: skip
        rows.append([
            esc(short_source(dataset, r["source_id"])),
            esc(f"{int(r['period_start'])}–{int(r['period_end'])}"),
            esc(tr("{period} line", period=str(r["poverty_line"]).replace("-", "–"))),
            esc(basis) + note,
        ])  # fmt: skip
    headers = [tr("table"), tr("years"), tr("poverty line used"), tr("how it is known")]
    return display.Section(out, display.table_html(rows, headers))
