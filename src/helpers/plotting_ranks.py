"""One province among all provinces, year by year: a ranked dot chart of the survey rates.

Takes the table of :func:`helpers.analysis.ranks.survey_ranks` and returns a Figure:

- each year a column of faint dots, one per province with a rate;
- the province drawn large in its colour, its rank written beside it ("3/64");
- its region (diamond) and the nation (horizontal bar) as markers of their own;
- a dotted rule where the poverty line or the table changes, labelled with the new line:
  rates on either side are not one series, and the points are not joined across it.

Years are evenly spaced (the tables skip years), labelled with their year. Drawn 5.5 in wide
at 144 dpi so that it fits a phone; every word goes through :func:`helpers.i18n.tr`.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.lines import Line2D

from helpers.i18n import tr
from helpers.plotting import SMALL, _value_axis, apply_theme, colour_for

# Drawn without a layout engine, this chart keeps margins of its own and saves about 0.08 in
# narrower than it is drawn: it starts where it saves at about helpers.plotting.SAVED_WIDTH
# (helpers.display narrows it further when they need it).
WIDTH_IN = 3.675
HEIGHT_IN = 3.9
DPI = 144
FAINT = "#B8B8B8"
REGION_COLOUR = "#555555"
NATION_COLOUR = "#000000"


def _line_label(line: object) -> str:
    text = str(line).replace("-", "–")
    return tr("{period}\npoverty line", period=text)


def _mark_breaks(ax, ranks: pd.DataFrame, position: dict, top: bool) -> None:
    """A dotted rule before each year whose poverty line (or table) differs from the year
    before, labelled with the new line at the top or bottom of the axes."""
    breaks = ranks[ranks["line_break"].astype(bool)][["year", "source_id", "poverty_line"]]
    for row in breaks.drop_duplicates().itertuples(index=False):
        x = position[(int(row.year), str(row.source_id))] - 0.5
        ax.axvline(x, color="#999999", lw=1, ls=":", zorder=0)
        # along the rule, on its left: on a phone-wide chart two labels side by side collide
        ax.text(x - 0.04, 0.99 if top else 0.02, _line_label(row.poverty_line).replace("\n", " "),
                transform=ax.get_xaxis_transform(), fontsize=SMALL, rotation=90, ha="right",
                va="top" if top else "bottom", color="#555555")  # fmt: skip


def plot_ranks(
    ranks: pd.DataFrame, geography_id: str, names: dict[str, str] | None = None
) -> plt.Figure:
    """Ranked dot chart of ``geography_id`` among all provinces, one column per year.

    ``ranks`` is :func:`~helpers.analysis.ranks.survey_ranks` (all provinces, all years);
    ``names`` maps geography ids to the names shown in the legend.
    """
    apply_theme()
    names = names or {}
    gid = str(geography_id)
    keys = ranks[["year", "source_id"]].drop_duplicates().sort_values(["year", "source_id"])
    position = {(int(y), str(s)): i for i, (y, s) in enumerate(keys.itertuples(index=False))}
    x_all = [position[(int(y), str(s))] for y, s in zip(ranks["year"], ranks["source_id"],
                                                          strict=True)]  # fmt: skip
    fig, ax = plt.subplots(figsize=(WIDTH_IN, HEIGHT_IN), dpi=DPI)
    ax.scatter(x_all, ranks["value"].astype(float), s=9, color=FAINT, alpha=0.7, lw=0, zorder=1)
    mine = ranks[ranks["geography_id"].astype(str) == gid].copy()
    mine["x"] = [position[(int(y), str(s))] for y, s in zip(mine["year"], mine["source_id"],
                                                            strict=True)]  # fmt: skip
    colour = colour_for(gid)
    segments = (mine["line_break"].astype(bool) | mine["x"].diff().ne(1)).cumsum()
    for _, part in mine.groupby(segments):
        ax.plot(part["x"], part["value"].astype(float), color=colour, lw=1.2, zorder=2)
        ax.plot(part["x"], part["region_value"].astype(float), color=REGION_COLOUR, lw=0.8,
                ls=":", zorder=2)  # fmt: skip
    ax.scatter(mine["x"], mine["value"].astype(float), s=42, color=colour, zorder=4)
    ax.scatter(mine["x"], mine["region_value"].astype(float), s=30, marker="D",
               facecolor="white", edgecolor=REGION_COLOUR, lw=1.2, zorder=3)  # fmt: skip
    ax.scatter(mine["x"], mine["nation_value"].astype(float), s=80, marker="_",
               color=NATION_COLOUR, lw=2, zorder=3)  # fmt: skip
    # the rank of each year; past six years, of the first, the last and each year a line begins
    starts = set(mine.loc[mine["line_break"].astype(bool), "x"])
    label_x = set(mine["x"]) if len(keys) <= 6 else {mine["x"].min(), mine["x"].max(), *starts}
    for row in mine.itertuples():
        if row.x not in label_x:
            continue
        ax.annotate(f"{int(row.rank)}/{int(row.n_ranked)}", (row.x, float(row.value)),
                    xytext=(5, 3), textcoords="offset points", fontsize=SMALL, color=colour,
                    zorder=5)  # fmt: skip
    _mark_breaks(ax, ranks, position, top=True)
    first = keys.iloc[0] if len(keys) else None
    if first is not None:
        line0 = ranks.loc[ranks["year"] == first["year"], "poverty_line"].iloc[0]
        ax.text(-0.55, 0.99, _line_label(line0).replace("\n", " "), rotation=90, ha="left",
                transform=ax.get_xaxis_transform(), fontsize=SMALL, va="top",
                color="#555555")  # fmt: skip
    ax.set_xticks(range(len(keys)))
    # past six years, every other year is labelled (the latest always): four-digit years at
    # phone width run together
    step = 1 if len(keys) <= 6 else 2
    years = [str(int(y)) if (len(keys) - 1 - i) % step == 0 else "" for i, y in
             enumerate(keys["year"])]  # fmt: skip
    ax.set_xticklabels(years, fontsize=SMALL)
    ax.set_xlim(-0.6, len(keys) + 0.2)  # room for the last year's "rank/n" label
    ax.set_ylim(bottom=0, top=float(ranks["value"].max()) * 1.2 if len(ranks) else 1)
    _value_axis(ax.yaxis)
    ax.set_ylabel(tr("poor households (% of households)"))
    ax.grid(axis="y")
    ax.grid(axis="x", visible=False)
    region = mine["region_id"].dropna()
    handles = [
        Line2D(
            [], [], ls="none", marker="o", ms=4, color=FAINT, label=tr("each province")
        ),  # fmt: skip
        Line2D([], [], ls="-", marker="o", ms=6, color=colour, label=names.get(gid, gid)),
        Line2D(
            [],
            [],
            ls="none",
            marker="D",
            ms=5,
            mfc="white",
            mec=REGION_COLOUR,
            label=names.get(str(region.iloc[0]), str(region.iloc[0]))
            if len(region)
            else tr("region"),
        ),  # fmt: skip
        Line2D(
            [],
            [],
            ls="none",
            marker="_",
            ms=9,
            mew=2,
            color=NATION_COLOUR,
            label=names.get("vn", tr("nation")),
        ),  # fmt: skip
    ]
    # one column under the axes, from their left edge: two columns ran past a phone's width
    ax.legend(handles=handles, fontsize=SMALL, loc="upper left", bbox_to_anchor=(0, -0.1), ncol=1)
    fig.tight_layout()
    return fig


def ranks_alt(ranks: pd.DataFrame, geography_id: str, names: dict[str, str] | None = None) -> str:
    """Alt text of :func:`plot_ranks`: the province's rank and rate each year, in words."""
    names = names or {}
    mine = ranks[ranks["geography_id"].astype(str) == str(geography_id)]
    points = "; ".join(
        tr("{year}: {rank} of {n}", year=int(r.year), rank=int(r.rank), n=int(r.n_ranked))
        for r in mine.itertuples()
    )
    return tr(
        "Dot chart of every province's poor-household rate by year, {name} highlighted with its "
        "rank (1 = highest rate): {points}.",
        name=names.get(str(geography_id), str(geography_id)),
        points=points,
    )


def plot_rank_lines(ranks: pd.DataFrame, names: dict[str, str] | None = None) -> plt.Figure:
    """Each province's rank among all provinces by year (1 = highest rate, at the top), one line
    per province, broken where the poverty line changes; ``ranks`` is the focus provinces' rows
    of :func:`~helpers.analysis.ranks.survey_ranks`."""
    apply_theme()
    names = names or {}
    keys = ranks[["year", "source_id"]].drop_duplicates().sort_values(["year", "source_id"])
    position = {(int(y), str(s)): i for i, (y, s) in enumerate(keys.itertuples(index=False))}
    fig, ax = plt.subplots(figsize=(WIDTH_IN, HEIGHT_IN * 0.85), dpi=DPI)
    for gid, mine in ranks.groupby("geography_id", sort=False):
        mine = mine.sort_values("year").copy()
        mine["x"] = [position[(int(y), str(s))] for y, s in zip(mine["year"], mine["source_id"],
                                                                strict=True)]  # fmt: skip
        colour = colour_for(str(gid))
        segments = (mine["line_break"].astype(bool) | mine["x"].diff().ne(1)).cumsum()
        for number, (_, part) in enumerate(mine.groupby(segments)):
            ax.plot(part["x"], part["rank"].astype(float), color=colour, lw=1.4, marker="o",
                    ms=5, label=names.get(str(gid), str(gid)) if number == 0 else None)  # fmt: skip
    _mark_breaks(ax, ranks, position, top=False)
    ax.set_xticks(range(len(keys)))
    ax.set_xticklabels([str(int(y)) for y in keys["year"]], fontsize=8.5)
    ax.set_xlim(-0.6, len(keys) - 0.4)
    top = float(ranks["rank"].max()) if len(ranks) else 1.0
    ax.set_ylim(top + 2, 0.5)  # rank 1 at the top
    ax.set_ylabel(tr("rank (1 = highest rate)"))
    ax.grid(axis="x", visible=False)
    ax.legend(fontsize=SMALL, loc="upper left", bbox_to_anchor=(0, -0.1), ncol=2)
    fig.tight_layout()
    return fig


def rank_lines_alt(ranks: pd.DataFrame, names: dict[str, str] | None = None) -> str:
    """Alt text of :func:`plot_rank_lines`: each province's ranks by year, in words."""
    names = names or {}
    parts = []
    for gid, mine in ranks.groupby("geography_id", sort=False):
        points = ", ".join(
            tr("{year}: {rank} of {n}", year=int(r.year), rank=int(r.rank), n=int(r.n_ranked))
            for r in mine.sort_values("year").itertuples()
        )
        parts.append(f"{names.get(str(gid), str(gid))}: {points}")
    return tr(
        "Line chart of each province's rank among all provinces by year (1 = highest rate): "
        "{points}.",
        points="; ".join(parts),
    )
