"""One look for every chart: theme, a fixed colour per province, and honest drawing of bounds.

- The font is DejaVu Sans (shipped with matplotlib), which has every Vietnamese diacritic.
- Colours are Okabe–Ito (safe for the common colour-vision deficiencies); each geography keeps
  its colour in every notebook (:data:`GEOGRAPHY_COLOURS`).
- A range ("2–2.5") is drawn as a bar from low to high; an open bound ("over 3", "at least 4")
  as a marker with an arrow pointing to where the value may lie; "below 3.4" points left.
- Results are filled markers, targets and plans hollow ones.
- Figures under different poverty standards are never joined: one panel per standard.
- Every word drawn (labels, legends, titles) is in the page's language (:mod:`helpers.i18n`);
  the messages are in :mod:`helpers.catalogue.compare`.
"""

from __future__ import annotations

import matplotlib as mpl
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import ScalarFormatter

from helpers.chart_limits import bounded_rows
from helpers.facts import fact_text as _fact_text
from helpers.format import format_period, format_standard, unit_suffix
from helpers.i18n import language, tr
from helpers.vocabulary import (
    BREAKDOWN_BY_LABELS,
    BREAKDOWN_LABELS,
    GEOGRAPHY_COLOURS,
    KIND_LABELS,
    OKABE_ITO,
    OTHER_COLOUR,
    STANDARD_BASIS,
    STANDARD_MARKERS,
    TARGET_KINDS,
)
from helpers.vocabulary import label as vlabel

# Keyed by the coverage levels of helpers.compare (the legend shows their words).
COVERAGE_COLOURS = {
    "not reported": "#F2F2F2",
    "target or plan only": OKABE_ITO["sky blue"],
    "result only": OKABE_ITO["orange"],
    "result and target": OKABE_ITO["blue"],
}

FONT = "DejaVu Sans"


def apply_theme() -> None:
    """Set the project's matplotlib defaults (font with Vietnamese glyphs, quiet axes)."""
    mpl.rcParams.update(
        {
            "font.family": FONT,
            "font.size": 10,
            "axes.titlesize": 11,
            "axes.titleweight": "bold",
            "axes.labelsize": 10,
            "axes.spines.top": False,
            "axes.spines.right": False,
            "axes.grid": True,
            "axes.grid.axis": "x",
            "grid.color": "#DDDDDD",
            "grid.linewidth": 0.6,
            "legend.frameon": False,
            "figure.dpi": 100,
            "savefig.dpi": 150,
            "savefig.bbox": "tight",
            "axes.prop_cycle": mpl.cycler(color=list(OKABE_ITO.values())[1:]),
        }
    )


def colour_for(geography_id: str, parents: dict[str, str] | None = None) -> str:
    """The fixed colour of a geography (a district without its own takes its parent's)."""
    gid = str(geography_id)
    if gid not in GEOGRAPHY_COLOURS and parents and parents.get(gid) in GEOGRAPHY_COLOURS:
        return GEOGRAPHY_COLOURS[parents[gid]]
    return GEOGRAPHY_COLOURS.get(gid, OTHER_COLOUR)


class NotationFormatter(ScalarFormatter):
    """Matplotlib's tick labels in a language's notation: ``2.5`` in English, ``2,5`` in
    Vietnamese (the decimal comma of :mod:`helpers.format`). English labels are matplotlib's own."""

    def __init__(self, language_: str) -> None:
        super().__init__()
        self.language = language_

    def __call__(self, x: float, pos: int | None = None) -> str:
        text = super().__call__(x, pos)
        return text.translate(_VI_NOTATION) if self.language == "vi" else text


_VI_NOTATION = str.maketrans({".": ",", ",": "."})


def _value_axis(axis) -> None:
    """Write the tick labels of a value ``axis`` in the page's language's notation."""
    axis.set_major_formatter(NotationFormatter(language()))


def _value(fact: pd.Series | dict) -> str:
    """A fact's value as drawn on a chart, in the page's language's notation (``17,02%``)."""
    return _fact_text(fact, notation=language())


def _kind(kind: object) -> str:
    """The reader's word for a kind of figure ("result", not "actual")."""
    return vlabel(KIND_LABELS, kind)


def _is_target(kind: object) -> bool:
    return str(kind) in TARGET_KINDS


def draw_fact(ax: plt.Axes, y: float, fact: pd.Series | dict, colour: str, arrow: float) -> None:
    """Draw one fact on a horizontal value axis at height ``y``.

    Exact and "about": a marker. Range: a bar from low to high. Over / at least / range low:
    a marker at the bound and an arrow of length ``arrow`` to the right; below: to the left.
    """
    hollow = _is_target(fact["kind"])
    face = "white" if hollow else colour
    if str(fact["kind"]) == "estimate":
        face = mpl.colors.to_hex(mpl.colors.to_rgba(colour, 0.35), keep_alpha=True)
    marker = dict(marker="o", ms=7, mfc=face, mec=colour, mew=1.8, ls="none", zorder=3)
    qualifier = fact["qualifier"]
    if qualifier == "range":
        ax.plot([fact["low"], fact["high"]], [y, y], color=colour, lw=7, alpha=0.55,
                solid_capstyle="butt", zorder=2)  # fmt: skip
        ax.plot([fact["low"], fact["high"]], [y, y], **marker)
        return
    if qualifier in ("over", "at least", "range low"):
        start, direction = fact["low"], 1
    elif qualifier in ("below", "range high"):
        start, direction = fact["high"], -1
    else:
        ax.plot([fact["value"]], [y], **marker)
        return
    ax.annotate(
        "",
        xy=(start + direction * arrow, y),
        xytext=(start, y),
        arrowprops=dict(arrowstyle="-|>", color=colour, lw=1.8, mutation_scale=12),
        zorder=2,
    )
    ax.plot([start], [y], **marker)


def bounds_legend_handles(colour: str = "#444444") -> list:
    """Legend entries explaining fills, ranges and arrows."""
    return [
        Line2D([], [], marker="o", ls="none", mfc=colour, mec=colour, label=_kind("actual")),
        Line2D(
            [],
            [],
            marker="o",
            ls="none",
            mfc="white",
            mec=colour,
            mew=1.8,
            label=tr("target or plan"),
        ),  # fmt: skip
        Line2D(
            [],
            [],
            marker="o",
            ls="none",
            mfc=colour + "59",
            mec=colour,
            mew=1.8,
            label=_kind("estimate"),
        ),  # fmt: skip
        Line2D([], [], color=colour, lw=7, alpha=0.55, label=tr("range (low–high)")),
        Line2D(
            [],
            [],
            color=colour,
            marker=">",
            ms=6,
            lw=1.5,
            label=tr("open bound: over / at least (→) or below (←)"),
        ),  # fmt: skip
    ]


def fact_label(fact: pd.Series | dict, with_geography: str | None = None) -> str:
    """Axis label of a fact: indicator (or geography), period, kind and standard."""
    head = with_geography or str(fact.get("label", fact["indicator_id"]))
    standard = fact["poverty_standard"]
    extra = f", {format_standard(standard)}" if str(standard) in STANDARD_MARKERS else ""
    if str(standard) == "not applicable":
        extra = ""
    period = format_period(fact["period_start"], fact["period_end"])
    return f"{head}\n{period}, {_kind(fact['kind'])}{extra}"


@bounded_rows
def plot_bounds(
    facts_table: pd.DataFrame,
    xlabel: str,
    title: str,
    names: dict[str, str] | None = None,
    parents: dict[str, str] | None = None,
) -> plt.Figure:
    """One row per fact, each drawn by :func:`draw_fact` and labelled with its value.

    With ``names`` (geography id -> name) rows are labelled by geography and indicator.
    """
    n = len(facts_table)
    fig, ax = plt.subplots(figsize=(6.4, 0.75 * n + 1.6))
    values = pd.concat([facts_table["low"], facts_table["high"]]).dropna()
    top = float(values.max()) if len(values) else 1.0
    arrow = 0.18 * top
    labels = []
    for i, (_, fact) in enumerate(facts_table.iterrows()):
        y = n - 1 - i
        colour = colour_for(fact["geography_id"], parents)
        draw_fact(ax, y, fact, colour, arrow)
        edge = fact["high"] if pd.notna(fact["high"]) else fact["low"]
        if fact["qualifier"] in ("over", "at least", "range low"):
            edge = fact["low"] + arrow
        ax.annotate(_value(fact), (edge, y), xytext=(8, 0), textcoords="offset points",
                    va="center", fontsize=9)  # fmt: skip
        geo = names.get(str(fact["geography_id"])) if names else None
        prefix = f"{geo}: {fact.get('label', '')}" if geo else None
        labels.append(fact_label(fact, prefix))
    ax.set_yticks(range(n - 1, -1, -1), labels, fontsize=8.5)
    ax.set_xlim(0, top * 1.55)
    _value_axis(ax.xaxis)
    ax.set_ylim(-0.7, n - 0.3)
    ax.set_xlabel(xlabel)
    ax.set_title(title, loc="left")
    handles = bounds_legend_handles()
    if names:
        present = dict.fromkeys(facts_table["geography_id"].astype(str))
        handles += [Patch(color=colour_for(g, parents), label=names.get(g, g)) for g in present]
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.9 / (0.75 * n + 1.6)),
              ncol=2, fontsize=8.5)  # fmt: skip
    return fig


@bounded_rows
def plot_parts(parts: pd.DataFrame, colour: str, title: str) -> plt.Figure:
    """Breakdowns (parts of a total), one panel per indicator, period and breakdown.

    Bars show exact values; open bounds keep their arrow (:func:`draw_fact`).
    """
    keys = ["indicator_id", "breakdown_by", "period_start", "period_end", "kind", "source_id"]
    groups = [g for _, g in parts.groupby(keys, sort=False, dropna=False, observed=True)]
    heights = [0.42 * len(g) + 0.9 for g in groups]
    fig, axes = plt.subplots(len(groups), 1, figsize=(6.4, sum(heights) + 0.5), squeeze=False,
                             gridspec_kw={"height_ratios": heights})  # fmt: skip
    for ax, group in zip(axes[:, 0], groups, strict=True):
        labels = [vlabel(BREAKDOWN_LABELS, b) for b in group["breakdown"]][::-1]
        values = group["value"].to_numpy()[::-1]
        top = float(pd.concat([group["low"], group["high"]]).max())
        hollow = _is_target(group["kind"].iloc[0])
        ax.barh(labels, values, color="white" if hollow else colour, edgecolor=colour, lw=1.5)
        for y, (_, fact) in enumerate(group.iloc[::-1].iterrows()):
            if fact["qualifier"] not in ("exact", "about"):
                draw_fact(ax, y, fact, colour, 0.15 * top)
            ax.annotate(_value(fact), (fact["value"], y), xytext=(6, 0),
                        textcoords="offset points", va="center", fontsize=8.5)  # fmt: skip
        ax.set_xlim(0, top * 1.45)
        _value_axis(ax.xaxis)
        unit = unit_suffix(str(group["unit"].iloc[0])).strip() or tr("number")
        first = group.iloc[0]
        ax.set_title(
            tr(
                "{indicator}, by {breakdown} ({period}, {kind})",
                indicator=first["label"],
                breakdown=vlabel(BREAKDOWN_BY_LABELS, first["breakdown_by"]),
                period=format_period(first["period_start"], first["period_end"]),
                kind=_kind(first["kind"]),
            ),
            loc="left",
            fontsize=10,
        )
        ax.set_xlabel(unit)
    fig.suptitle(title, x=0.02, ha="left", fontweight="bold")
    fig.tight_layout()
    return fig


@bounded_rows
def plot_coverage(matrix: pd.DataFrame, title: str) -> plt.Figure:
    """The coverage matrix as a seaborn heat-map: indicators down, geographies across."""
    import seaborn as sns

    cells = matrix.drop(columns="component")
    codes = cells.apply(lambda col: col.map(list(COVERAGE_COLOURS).index))
    fig, ax = plt.subplots(figsize=(2.6 + 1.0 * cells.shape[1], 0.22 * len(cells) + 1.8))
    sns.heatmap(
        codes, ax=ax, cmap=list(COVERAGE_COLOURS.values()), vmin=-0.5,
        vmax=len(COVERAGE_COLOURS) - 0.5, cbar=False, linewidths=1.5, linecolor="white",
    )  # fmt: skip
    ax.xaxis.tick_top()
    ax.set_xlabel("")
    ax.set_ylabel("")
    ax.tick_params(axis="y", labelsize=7.5, length=0)
    ax.tick_params(axis="x", labelsize=9, length=0, rotation=0)
    handles = [
        Patch(facecolor=c, edgecolor="#999999", label=tr(level))
        for level, c in COVERAGE_COLOURS.items()
    ]
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.01), ncol=2, fontsize=8)
    ax.set_title(title, loc="left", pad=24)
    return fig


@bounded_rows
def plot_per_year(
    table: pd.DataFrame, title: str, parents: dict[str, str] | None = None
) -> plt.Figure:
    """Funding per year of its period, one row per amount (``per_year_low/high`` columns)."""
    rows = table.reset_index(drop=True)
    fig, ax = plt.subplots(figsize=(6.4, 0.6 * len(rows) + 1.6))
    top = float(pd.concat([rows["per_year_low"], rows["per_year_high"]]).max())
    for i, row in rows.iterrows():
        y = len(rows) - 1 - i
        fact = {
            "kind": row["kind"],
            "qualifier": row["qualifier"],
            "low": row["per_year_low"],
            "high": row["per_year_high"],
            "value": row["per_year_low"] if pd.notna(row["per_year_low"]) else row["per_year_high"],
        }
        draw_fact(ax, y, fact, colour_for(row["geography_id"], parents), 0.12 * top)
        ax.annotate(row["per year"], (fact["value"], y), xytext=(10, 7),
                    textcoords="offset points", fontsize=8.5)  # fmt: skip
    labels = [f"{r['geography']}: {r['indicator']}, {r['part']}\n{r['period']}, {_kind(r['kind'])}"
              for _, r in rows.iterrows()]  # fmt: skip
    ax.set_yticks(range(len(rows) - 1, -1, -1), labels, fontsize=8)
    ax.set_xlim(0, top * 1.4)
    _value_axis(ax.xaxis)
    ax.set_xlabel(tr("billion VND per year of the period"))
    ax.set_title(title, loc="left")
    ax.legend(handles=bounds_legend_handles(), loc="lower right", fontsize=8)
    return fig


def _year_position(fact: pd.Series) -> float:
    """Where a figure stands on a year axis: its year's end, or its printed date within the year
    (1 July 2025 at 2024.5), so that a mid-year figure is not drawn as a year-end one."""
    date = fact.get("date")
    if date is not None and not pd.isna(date):
        stamp = pd.Timestamp(date)
        return stamp.year - 1 + stamp.day_of_year / (366 if stamp.is_leap_year else 365)
    return float(fact["period_end"])


METHOD_STYLES = {"administrative review": "-", "household survey": "--", "": "-"}
STANDARD_BREAK = 2021.5  # between the 2021 review (both standards) and 2022


def plot_trajectory(
    rates: pd.DataFrame,
    names: dict[str, str],
    targets: pd.DataFrame | None = None,
) -> plt.Figure:
    """Poor-household rates by year: one line per geography, standard and method, never joined.

    Solid lines are administrative review counts, dashed ones household-survey estimates;
    squares mark the 2016–2020 standard, circles the 2021–2025 one; a vertical rule marks the
    change of standard. Targets are hollow markers (an arrow for "below").
    """
    fig, ax = plt.subplots(figsize=(6.2, 4.2))
    method = rates["method"] if "method" in rates else pd.Series("", index=rates.index)
    standard = rates["standard_used"] if "standard_used" in rates else rates["poverty_standard"]
    keys = [
        rates["geography_id"].astype(str),
        standard.astype(str),
        method.fillna("").astype(str),
    ]
    for (gid, standard, how), series in rates.groupby(keys, sort=False):
        series = series.assign(_x=[_year_position(r) for _, r in series.iterrows()])
        series = series.sort_values("_x")
        colour = colour_for(gid)
        marker = STANDARD_MARKERS.get(standard, "o")
        style = METHOD_STYLES.get(how, "-")
        label = f"{names.get(gid, gid)}, {format_standard(standard)}"
        if how:
            label += ", " + (tr("survey") if how == "household survey" else tr("review"))
        # A year with figures from several sources that differ is shown as separate markers
        # and breaks the line: no value is picked or averaged.
        by_year = series.groupby("_x")["value"]
        line = by_year.agg(lambda v: float(v.iloc[0]) if v.nunique() == 1 else float("nan"))
        ax.plot(line.index, line.to_numpy(), ls=style, color=colour, lw=1.8, label=label)
        ax.plot(
            series["_x"],
            series["value"].astype(float),
            ls="none",
            marker=marker,
            color=colour,
            ms=6,
        )
        last = series.iloc[-1]
        ax.annotate(
            _value(last),
            (float(last["_x"]), float(last["value"])),
            xytext=(5, 4),
            textcoords="offset points",
            fontsize=9,
            color=colour,
        )
    if targets is not None and not targets.empty:
        for _, t in targets.iterrows():
            colour = colour_for(str(t["geography_id"]))
            y = float(t["value"])
            ax.plot(
                [float(t["period_end"])],
                [y],
                marker="o",
                mfc="white",
                mec=colour,
                mew=1.8,
                ls="none",
                ms=7,
                label=tr(
                    "target: {value} by {year}", value=_value(t), year=int(t["period_end"])
                ),  # fmt: skip
            )
            if str(t["qualifier"]) == "below":
                ax.annotate(
                    "",
                    xy=(float(t["period_end"]), y * 0.6),
                    xytext=(float(t["period_end"]), y),
                    arrowprops=dict(arrowstyle="-|>", color=colour, lw=1.5),
                )
    years = pd.concat(
        [rates["period_end"], targets["period_end"] if targets is not None else rates["period_end"]]
    )
    lo, hi = int(years.min()), int(years.max())
    if lo <= STANDARD_BREAK <= hi:
        ax.axvline(STANDARD_BREAK, color="#999999", lw=1, ls=":")
        ax.text(
            STANDARD_BREAK,
            1.0,
            tr(" standard changes\n (Decree 07/2021)"),
            transform=ax.get_xaxis_transform(),
            fontsize=8.5,
            va="top",
            color="#555555",
        )
    ax.set_xticks(range(lo, hi + 1))
    ax.set_xlim(lo - 0.5, hi + 0.9)
    ax.set_ylim(bottom=0)
    _value_axis(ax.yaxis)
    ax.set_ylabel(tr("poor households (% of households)"))
    ax.grid(axis="y")
    ax.legend(fontsize=8.5, loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=1)
    return fig


def trajectory_alt(rates: pd.DataFrame, names: dict[str, str]) -> str:
    """Alt text of :func:`plot_trajectory`: each line's points in words, in the page's language."""
    parts = []
    method = rates["method"] if "method" in rates else pd.Series("", index=rates.index)
    standard = rates["standard_used"] if "standard_used" in rates else rates["poverty_standard"]
    keys = [rates["geography_id"].astype(str), standard.astype(str),
            method.fillna("").astype(str)]  # fmt: skip
    for (gid, standard, _how), s in rates.groupby(keys, sort=False):
        points = ", ".join(
            f"{int(r['period_end'])}: {_value(r)}"
            for _, r in s.sort_values("period_end").iterrows()
        )
        name = names.get(gid, gid)
        if standard in STANDARD_BASIS:
            line = tr("{name} under the {standard}: {points}", name=name,
                      standard=format_standard(standard), points=points)  # fmt: skip
        else:
            line = tr("{name}, no poverty standard named: {points}", name=name, points=points)
        parts.append(line)
    return tr("Line chart of the poor-household rate. {lines}.", lines="; ".join(parts))
