"""One look for every chart: theme, a fixed colour per province, and honest drawing of bounds.

- The font is DejaVu Sans (shipped with matplotlib), which has every Vietnamese diacritic.
- Colours are Okabe–Ito (safe for the common colour-vision deficiencies); each geography keeps
  its colour in every notebook (:data:`GEOGRAPHY_COLOURS`).
- A range ("2–2.5") is drawn as a bar from low to high; an open bound ("over 3", "at least 4")
  as a marker with an arrow pointing to where the value may lie; "below 3.4" points left.
- Results are filled markers, targets and plans hollow ones.
- Figures under different poverty standards are never joined: one panel per standard.
- Every word drawn (labels, legends, titles) is in the page's language (:mod:`helpers.i18n`);
  their Vietnamese is in the gettext catalogue (src/helpers/locale/).
"""

from __future__ import annotations

import matplotlib as mpl
import matplotlib.pyplot as plt
import pandas as pd
from babel.numbers import get_decimal_symbol, get_group_symbol
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import ScalarFormatter

from helpers.chart_limits import bounded_rows
from helpers.display import MAX_CHART_WIDTH_IN
from helpers.facts import fact_text as _fact_text
from helpers.format import (
    format_date,
    format_number,
    format_period,
    format_quantity,
    format_standard,
    not_reported,
    unit_suffix,
)
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

# Keyed by the verdict codes of helpers.analysis.targets (the legend shows their words).
STATUS_COLOURS = {
    "met": OKABE_ITO["bluish green"],
    "on_track": "#8FD3BF",
    "achieved_as_stated": OKABE_ITO["sky blue"],
    "behind": OKABE_ITO["orange"],
    "not_met": OKABE_ITO["vermillion"],
    "not_comparable": "#999999",
    "not_reported": "#DDDDDD",
}

FONT = "DejaVu Sans"
# The widest a chart is saved, in inches (helpers.display, which narrows any chart that would
# save wider): shown at 96 CSS px an inch it is 346 px wide and fits a 390 px phone's 366 px
# column unshrunk, so its smallest text (MIN_FONT points) is 11.3 CSS px there (issue 16).
SAVED_WIDTH = MAX_CHART_WIDTH_IN
SAVE_PAD = 0.1  # inches of white savefig adds around a chart's tight box (savefig.pad_inches)
# The width charts are drawn at. A constrained-layout chart saves about 0.125 in wider than it is
# drawn (savefig's pads, less the layout's own 3/72 in at each side, and titles and legends that
# reach past the axes; measured over every chart of the pages): drawn at this width, most save
# once at just under SAVED_WIDTH, where a wider start was narrowed step by step, each step a
# layout and a save of the whole figure (issue 16, item 7).
CHART_WIDTH = 3.46
MIN_FONT = 8.5  # points: the smallest text a chart draws
SMALL = MIN_FONT


def apply_theme() -> None:
    """Set the project's matplotlib defaults (font with Vietnamese glyphs, quiet axes)."""
    mpl.rcParams.update(
        {
            "font.family": FONT,
            "font.size": 9.5,
            "axes.titlesize": 10.5,
            "figure.titlesize": 10.5,
            "axes.titleweight": "bold",
            "axes.labelsize": 9.5,
            "xtick.labelsize": SMALL,
            "ytick.labelsize": SMALL,
            "legend.fontsize": SMALL,
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
            "savefig.pad_inches": SAVE_PAD,
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
    Vietnamese (Babel's Vietnamese symbols, as :mod:`helpers.format` writes numbers). English
    labels are matplotlib's own."""

    def __init__(self, language_: str) -> None:
        super().__init__()
        self.language = language_

    def __call__(self, x: float, pos: int | None = None) -> str:
        text = super().__call__(x, pos)
        return text.translate(_VI_NOTATION) if self.language == "vi" else text


_VI_NOTATION = str.maketrans({".": get_decimal_symbol("vi"), ",": get_group_symbol("vi")})


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
    fig, ax = plt.subplots(figsize=(CHART_WIDTH, 0.8 * n + 2.1), layout="constrained")
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
        labels.append(_wrap(fact_label(fact, prefix), ROW_LABEL_WIDTH))
    _labels_above(ax, range(n - 1, -1, -1), labels)
    ax.set_xlim(0, top * 2.0)  # room for the value written after each marker or arrow
    _value_axis(ax.xaxis)
    ax.set_ylim(-0.5, n - 0.05)
    ax.set_xlabel(xlabel)
    fig.suptitle(_wrap(title, 36), x=0.01, ha="left", fontweight="bold", fontsize=10.5)
    handles = legend_handles_for(facts_table)
    if names:
        present = dict.fromkeys(facts_table["geography_id"].astype(str))
        handles += [Patch(color=colour_for(g, parents), label=names.get(g, g)) for g in present]
    fig.legend(handles=handles, loc="outside lower left", ncol=1, fontsize=SMALL)
    return fig


def legend_handles_for(facts_table: pd.DataFrame) -> list:
    """The entries of :func:`bounds_legend_handles` that a chart of ``facts_table`` draws."""
    kinds = set(facts_table["kind"].astype(str))
    qualifiers = set(facts_table["qualifier"].astype(str))
    used = [
        "actual" in kinds,
        bool(kinds & set(TARGET_KINDS)),
        "estimate" in kinds,
        "range" in qualifiers,
        bool(qualifiers & {"over", "at least", "range low", "below", "range high"}),
    ]
    return [h for h, u in zip(bounds_legend_handles(), used, strict=True) if u]


LABEL_WIDTH = 22  # characters per line of a row label: the labels take at most ~2 in
ROW_LABEL_WIDTH = 46  # characters per line of a label written above its row (the full width)


def _labels_above(ax, rows, labels, gap: float = 0.22) -> None:
    """Write each row's label above it, from the axes' left edge, instead of as a tick label
    beside it: on a phone-wide chart the labels then take the chart's width, not the bars'."""
    from matplotlib.transforms import blended_transform_factory

    ax.set_yticks([])
    place = blended_transform_factory(ax.transAxes, ax.transData)
    for y, label in zip(rows, labels, strict=True):
        ax.text(0.0, y + gap, label, transform=place, va="bottom", ha="left", fontsize=SMALL,
                linespacing=1.1)  # fmt: skip


def _wrap(label: str, width: int = LABEL_WIDTH) -> str:
    """A label wrapped to ``width`` characters a line (its own line breaks kept)."""
    import textwrap

    return "\n".join(textwrap.fill(line, width) for line in str(label).split("\n"))


def unit_axis_label(unit: str) -> str:
    """The words under a value axis in ``unit``, in the page's language."""
    labels = {
        "percent": tr("percent"),
        "percentage points": tr("percentage points"),
        "percentage points per year": tr("percentage points per year"),
        "households": tr("households"),
        "persons": tr("persons"),
        "VND billion": tr("billion VND"),
    }
    return labels.get(unit) or unit_suffix(unit).strip() or tr("number")


def plot_bounds_by_unit(
    facts_table: pd.DataFrame,
    title: str,
    names: dict[str, str] | None = None,
    least: int = 2,
) -> list[tuple[str, plt.Figure]]:
    """:func:`plot_bounds` once per unit of ``facts_table`` that has at least ``least`` figures:
    never two units on one axis. Returns ``(unit, figure)`` pairs in the table's order."""
    out = []
    for unit, group in facts_table.groupby("unit", sort=False, observed=True):
        if len(group) >= least:
            label = unit_axis_label(str(unit))
            out.append((str(unit), plot_bounds(group, label, f"{title} ({label})", names)))
    return out


@bounded_rows
def plot_parts(parts: pd.DataFrame, colour: str, title: str) -> plt.Figure:
    """Breakdowns (parts of a total), one panel per indicator, period and breakdown.

    Bars show exact values; open bounds keep their arrow (:func:`draw_fact`).
    """
    keys = ["indicator_id", "breakdown_by", "period_start", "period_end", "kind", "source_id"]
    groups = [g for _, g in parts.groupby(keys, sort=False, dropna=False, observed=True)]
    heights = [0.55 * len(g) + 0.9 for g in groups]
    fig, axes = plt.subplots(len(groups), 1, figsize=(CHART_WIDTH, sum(heights) + 0.5),
                             squeeze=False, gridspec_kw={"height_ratios": heights},
                             layout="constrained")  # fmt: skip
    for ax, group in zip(axes[:, 0], groups, strict=True):
        labels = [_wrap(vlabel(BREAKDOWN_LABELS, b), ROW_LABEL_WIDTH)
                  for b in group["breakdown"]][::-1]  # fmt: skip
        values = group["value"].to_numpy()[::-1]
        top = float(pd.concat([group["low"], group["high"]]).max())
        hollow = _is_target(group["kind"].iloc[0])
        rows = range(len(values))
        ax.barh(rows, values, height=0.45, color="white" if hollow else colour, edgecolor=colour,
                lw=1.5)  # fmt: skip
        _labels_above(ax, rows, labels, gap=0.27)
        ax.set_ylim(-0.4, len(values) - 0.1)
        for y, (_, fact) in enumerate(group.iloc[::-1].iterrows()):
            if fact["qualifier"] not in ("exact", "about"):
                draw_fact(ax, y, fact, colour, 0.15 * top)
            ax.annotate(_value(fact), (fact["value"], y), xytext=(6, 0),
                        textcoords="offset points", va="center", fontsize=8.5)  # fmt: skip
        ax.set_xlim(0, top * 1.8)  # room for the value written after each bar
        _value_axis(ax.xaxis)
        unit = unit_suffix(str(group["unit"].iloc[0])).strip() or tr("number")
        first = group.iloc[0]
        ax.set_title(
            _wrap(
                tr(
                    "{indicator}, by {breakdown} ({period}, {kind})",
                    indicator=first["label"],
                    breakdown=vlabel(BREAKDOWN_BY_LABELS, first["breakdown_by"]),
                    period=format_period(first["period_start"], first["period_end"]),
                    kind=_kind(first["kind"]),
                ),
                40,
            ),
            loc="left",
            fontsize=9.5,
        )
        ax.set_xlabel(unit)
    fig.suptitle(_wrap(title, 36), x=0.02, ha="left", fontweight="bold")
    return fig


@bounded_rows
def plot_coverage(matrix: pd.DataFrame, title: str) -> plt.Figure:
    """The coverage matrix as a seaborn heat-map: indicators down, geographies across."""
    import seaborn as sns

    cells = matrix.drop(columns="component")
    codes = cells.apply(lambda col: col.map(list(COVERAGE_COLOURS).index))
    codes.index = [_wrap(label, 30) for label in codes.index]
    codes.columns = [str(c).replace(" ", "\n") for c in codes.columns]
    lines = sum(label.count("\n") + 1 for label in codes.index)
    fig, ax = plt.subplots(figsize=(CHART_WIDTH, 0.14 * lines + 0.1 * len(codes) + 2.2),
                           layout="constrained")  # fmt: skip
    sns.heatmap(
        codes, ax=ax, cmap=list(COVERAGE_COLOURS.values()), vmin=-0.5,
        vmax=len(COVERAGE_COLOURS) - 0.5, cbar=False, linewidths=1.5, linecolor="white",
    )  # fmt: skip
    ax.xaxis.tick_top()
    ax.grid(False)
    ax.set_xlabel("")
    ax.set_ylabel("")
    ax.tick_params(axis="y", labelsize=SMALL, length=0)
    ax.tick_params(axis="x", labelsize=SMALL, length=0, rotation=0)
    handles = [
        Patch(facecolor=c, edgecolor="#999999", label=_wrap(tr(level), 40))
        for level, c in COVERAGE_COLOURS.items()
    ]
    # under the whole chart, from its left edge (under the axes it would run past a phone's width)
    fig.legend(handles=handles, loc="outside lower left", ncol=1, fontsize=SMALL)
    fig.suptitle(_wrap(title, 36), x=0.01, ha="left", fontweight="bold", fontsize=10.5)
    return fig


def plot_coverage_counts(counts: pd.DataFrame, title: str) -> plt.Figure:
    """How many of the dataset's indicators each province reports, and how (a stacked bar per
    province): the coverage of every indicator in a phone-wide chart, where a heat-map of 75
    indicators would be cut to its first rows. ``counts``: coverage level by province
    (:func:`helpers.compare.coverage_counts`)."""
    provinces = list(counts.columns)
    fig, ax = plt.subplots(figsize=(CHART_WIDTH, 0.5 * len(provinces) + 1.9), layout="constrained")
    left = [0] * len(provinces)
    rows = list(range(len(provinces) - 1, -1, -1))
    for level, colour in COVERAGE_COLOURS.items():
        values = [int(counts.loc[level, p]) if level in counts.index else 0 for p in provinces]
        ax.barh(rows, values, left=left, color=colour, edgecolor="#999999", lw=0.5,
                label=_wrap(tr(level), 40))  # fmt: skip
        for y, x, v in zip(rows, left, values, strict=True):
            if v >= 4:
                ax.text(x + v / 2, y, format_number(v), ha="center", va="center", fontsize=SMALL,
                        color="white" if colour == OKABE_ITO["blue"] else "black")  # fmt: skip
        left = [a + b for a, b in zip(left, values, strict=True)]
    ax.set_yticks(rows, provinces)
    ax.set_xlabel(tr("indicators"))
    ax.grid(False)
    fig.legend(loc="outside lower left", ncol=1, fontsize=SMALL)
    fig.suptitle(_wrap(title, 36), x=0.01, ha="left", fontweight="bold", fontsize=10.5)
    return fig


def _year_position(fact: pd.Series) -> float:
    """Where a figure stands on a year axis: its year's end, or its printed date within the year
    (1 July 2025 at 2024.5), so that a mid-year or "to date" figure is not drawn as a year-end
    one. Takes a row of a facts table or of :func:`helpers.analysis.trajectories.rates`."""
    as_of = fact.get("as_of")
    date = fact.get("date")
    dated = date is not None and not pd.isna(date)
    if dated and (as_of is None or pd.isna(as_of) or str(as_of) != "year_end"):
        stamp = pd.Timestamp(date)
        return stamp.year - 1 + stamp.day_of_year / (366 if stamp.is_leap_year else 365)
    year = fact.get("year")
    if year is None or pd.isna(year):
        year = fact["period_end"]
    return float(year)


METHOD_STYLES = {"administrative review": "-", "household survey": "--", "": "-"}
METHOD_DASHES = {"administrative review": "", "household survey": (4, 2), "": ""}
YEAR_LABELS = 8  # at most this many year labels side by side on a trajectory chart
STANDARD_BREAK = 2021.5  # between the 2021 review (both standards) and 2022


def _method_word(method: str) -> str:
    if not method:
        return ""
    return tr("survey") if method == "household survey" else tr("review")


# Where a rates table keeps the standard a line is drawn under: the analysis layer's standard in
# force, a facts table's standard used, or the standard as recorded.
STANDARD_COLUMNS = ("standard_in_force", "standard_used", "poverty_standard")


def rate_points(rates: pd.DataFrame, names: dict[str, str]) -> pd.DataFrame:
    """The points of a rate chart, one per figure: ``x`` (year, or date within the year),
    ``value``, the geography's ``name``, ``standard``, ``method``, ``series`` (geography,
    standard and method: one line) and ``segment`` (a series broken where a year's sources give
    different values: no value is picked or averaged; ``on_line`` is False for those points).

    Takes :func:`helpers.analysis.trajectories.rates` or a facts table of rates."""
    if rates.empty:
        return pd.DataFrame(columns=["x", "value", "geography_id", "name", "standard", "method",
                                     "series", "segment", "on_line"])  # fmt: skip
    rates = rates.reset_index(drop=True)
    method = rates["method"] if "method" in rates else pd.Series("", index=rates.index)
    standard = next(rates[c] for c in STANDARD_COLUMNS if c in rates)
    points = pd.DataFrame(
        {
            "x": [_year_position(r) for _, r in rates.iterrows()],
            "value": rates["value"].astype(float),
            "geography_id": rates["geography_id"].astype(str),
            "standard": standard.fillna("not stated").astype(str),
            "method": method.fillna("").astype(str),
            "qualifier": rates["qualifier"].astype(str) if "qualifier" in rates else "exact",
            "dated": [_dated(r) for _, r in rates.iterrows()],
        },
        index=rates.index,
    )
    points["name"] = [names.get(g, g) for g in points["geography_id"]]
    points["series"] = points["geography_id"] + "|" + points["standard"] + "|" + points["method"]
    if "series_id" in rates:  # a standard not stated: one line per stretch of one standard
        points["series"] = rates["series_id"].astype(str)
    points = points.sort_values(["series", "x"], kind="stable")
    spread = points.groupby(["series", "x"])["value"].transform("nunique")
    points["on_line"] = spread == 1
    breaks = (~points["on_line"]).astype(int).groupby(points["series"]).cumsum()
    points["segment"] = points["series"] + "|" + breaks.astype(str)
    order = list(
        dict.fromkeys(zip(rates["geography_id"].astype(str), standard.astype(str), strict=True))
    )
    rank = {key: i for i, key in enumerate(order)}
    points["_rank"] = [
        rank.get((g, s), 0) for g, s in zip(points["geography_id"], points["standard"], strict=True)
    ]
    return points.sort_values(["_rank", "series", "x"], kind="stable").drop(columns="_rank")


def _dated(fact: pd.Series) -> object:
    """The date of a figure that stands inside its year ("to date", mid-year), else None."""
    as_of = fact.get("as_of")
    date = fact.get("date")
    if date is None or pd.isna(date) or (as_of is not None and str(as_of) == "year_end"):
        return None
    return pd.Timestamp(date)


def _point_text(point: pd.Series, short: bool = False) -> str:
    """A point's value with its date when it stands inside a year: in words for the alt text,
    as month/year on the chart (``short``)."""
    text = _value(_point_fact(point))
    dated = point.get("dated")
    if dated is not None and not pd.isna(dated):
        date = f"{dated.month}/{dated.year}" if short else format_date(dated)
        text = tr("{value} at {date}", value=text, date=date)
    return text


def _point_fact(point: pd.Series) -> dict:
    """A chart point as a fact :func:`helpers.facts.fact_text` can write (a rate, in percent)."""
    qualifier = point["qualifier"] if point["qualifier"] in QUALIFIERS_OF_ONE_VALUE else "exact"
    return {"unit": "percent", "qualifier": qualifier, "value": point["value"]}


QUALIFIERS_OF_ONE_VALUE = ("exact", "about", "over", "at least", "below")


def plot_trajectory(
    rates: pd.DataFrame,
    names: dict[str, str],
    targets: pd.DataFrame | None = None,
) -> plt.Figure:
    """Poor-household rates by year: one line per geography, standard and method, never joined
    (seaborn: colour by geography, line style by method, marker by standard).

    Solid lines are administrative review counts, dashed ones household-survey estimates;
    squares mark the 2016–2020 standard, circles the 2021–2025 one; a vertical rule marks the
    change of standard. A figure dated within a year ("to date", mid-year) stands at its date.
    Targets are hollow markers (an arrow for "below"). Takes
    :func:`helpers.analysis.trajectories.rates` or a facts table of rates.
    """
    import seaborn as sns

    points = rate_points(rates, names)
    palette = {names.get(g, g): colour_for(g) for g in points["geography_id"].unique()}
    line = points[points["on_line"]].drop_duplicates(["segment", "x"])
    n_geo = points["geography_id"].nunique()
    n_styles = len(points[["standard", "method"]].drop_duplicates())
    n_targets = 0 if targets is None else len(targets)
    legend_rows = n_geo + n_styles + n_targets  # one column: a phone-wide chart
    fig, ax = plt.subplots(figsize=(CHART_WIDTH, 3.3 + 0.19 * legend_rows), layout="constrained")
    if not line.empty:
        sns.lineplot(
            data=line, x="x", y="value", hue="name", style="method", units="segment",
            estimator=None, palette=palette, dashes=METHOD_DASHES, lw=1.8, legend=False,
            sort=True, ax=ax,
        )  # fmt: skip
    if not points.empty:
        sns.scatterplot(
            data=points, x="x", y="value", hue="name", style="standard", palette=palette,
            markers=STANDARD_MARKERS, s=36, linewidth=0, legend=False, ax=ax,
        )  # fmt: skip
    for _, series in points.groupby("series", sort=False):
        last = series.iloc[-1]
        ax.annotate(
            _point_text(last, short=True).replace(", ", ",\n", 1),  # "17,46%,\nto 9/2025"
            (float(last["x"]), float(last["value"])),
            xytext=(4, 4), textcoords="offset points", fontsize=SMALL, linespacing=1.0,
            color=colour_for(last["geography_id"]),
        )  # fmt: skip
    handles = [Line2D([], [], color=palette[n], lw=2.5, label=n) for n in palette]
    for (standard, how), _ in points.groupby(["standard", "method"], sort=False):
        label = format_standard(standard)
        if how:
            label += ", " + _method_word(how)
        handles.append(Line2D([], [], color="#555555", ls=METHOD_STYLES.get(how, "-"), lw=1.5,
                              marker=STANDARD_MARKERS.get(standard, "o"), label=label))  # fmt: skip
    if targets is not None and not targets.empty:
        for _, t in targets.iterrows():
            colour = colour_for(str(t["geography_id"]))
            y = float(t["value"])
            label = tr("target: {value} by {year}", value=_value(t), year=int(t["period_end"]))
            ax.plot([float(t["period_end"])], [y], marker="o", mfc="white", mec=colour, mew=1.8,
                    ls="none", ms=7)  # fmt: skip
            handles.append(Line2D([], [], marker="o", mfc="white", mec=colour, mew=1.8,
                                  ls="none", ms=7, label=label))  # fmt: skip
            if str(t["qualifier"]) == "below":
                ax.annotate(
                    "",
                    xy=(float(t["period_end"]), y * 0.6),
                    xytext=(float(t["period_end"]), y),
                    arrowprops=dict(arrowstyle="-|>", color=colour, lw=1.5),
                )
    xs = list(points["x"])
    if targets is not None and not targets.empty:
        xs += list(targets["period_end"].astype(float))
    lo, hi = (int(min(xs)), int(max(xs) + 0.999)) if xs else (2021, 2025)
    if lo <= STANDARD_BREAK <= hi:
        ax.axvline(STANDARD_BREAK, color="#999999", lw=1, ls=":")
        ax.text(  # at the foot of the line, left of it: clear of the rates' last labels
            STANDARD_BREAK,
            0.015,
            tr(" standard changes\n (Decree 07/2021)").replace("\n ", "\n").strip() + " ",
            transform=ax.get_xaxis_transform(),
            fontsize=SMALL,
            va="bottom",
            ha="right",
            color="#555555",
        )
    # a label every year up to eight years; beyond, every other year (the latest labelled), so
    # that four-digit years never run together on a 5.3 in chart
    step = 1 if hi - lo < YEAR_LABELS else 2
    ax.set_xticks(sorted(range(hi, lo - 1, -step)))
    ax.set_xlim(lo - 0.5, hi + 1.6)  # room for the last value's label
    ax.set_ylim(bottom=0)
    _value_axis(ax.yaxis)
    ax.set_xlabel("")
    ax.set_ylabel(tr("poor households (% of households)"))
    ax.grid(axis="y")
    for handle in handles:  # one column, each entry within the chart's width
        handle.set_label(_wrap(handle.get_label(), 40))
    fig.legend(handles=handles, loc="outside lower left", ncol=1, fontsize=SMALL)
    return fig


def trajectory_alt(rates: pd.DataFrame, names: dict[str, str]) -> str:
    """Alt text of :func:`plot_trajectory`: each line's points in words, in the page's language."""
    parts = []
    rates = rates.reset_index(drop=True)
    points = rate_points(rates, names)
    points["year"] = [
        int(r["year"]) if "year" in rates and pd.notna(r["year"]) else int(r["period_end"])
        for _, r in rates.loc[points.index].iterrows()
    ]
    points = points.drop_duplicates(["series", "x", "value"])
    for (_, standard, how), s in points.groupby(["geography_id", "standard", "method"], sort=False):
        text = ", ".join(f"{r['year']}: {_point_text(r)}" for _, r in s.sort_values("x").iterrows())
        name = s["name"].iloc[0]
        if how:
            name = tr("{name} ({method})", name=name, method=_method_word(how))
        if standard in STANDARD_BASIS:
            line = tr("{name} under the {standard}: {points}", name=name,
                      standard=format_standard(standard), points=text)  # fmt: skip
        else:
            line = tr("{name}, no poverty standard named: {points}", name=name, points=text)
        parts.append(line)
    return tr("Line chart of the poor-household rate. {lines}.", lines="; ".join(parts))


def programme_money(funding: pd.DataFrame) -> pd.DataFrame:
    """The rows of :func:`helpers.analysis.money.funding` a money chart draws: the programme's
    own allocations (totals) that can be divided by programme years."""
    keep = (funding["money_class"] == "programme") & funding["is_total"].astype(bool)
    keep &= funding["indicator_id"] == "funding_allocated"
    return funding[keep & funding["per_programme_year"].notna()]


def plot_funding(funding: pd.DataFrame, names: dict[str, str]) -> plt.Figure:
    """The programme's own allocation per programme year and per poor household, one bar per
    amount, in two panels (billion VND; million VND): one unit per axis. Takes
    :func:`helpers.analysis.money.funding`; an open bound ("over 323") is marked with its arrow.
    """
    rows = programme_money(funding).reset_index(drop=True)
    labels = [
        f"{names.get(str(r['geography_id']), r['geography_id'])}\n"
        f"{format_period(r['period_start'], r['period_end'])}"
        for _, r in rows.iterrows()
    ]
    panels = [
        ("per_programme_year", tr("billion VND per programme year"), "VND billion"),
        ("per_poor_household_vnd_million", tr("million VND per poor household"), None),
    ]
    fig, axes = plt.subplots(
        1, 2, figsize=(CHART_WIDTH, 0.5 * len(rows) + 1.6), sharey=True, layout="constrained"
    )
    for ax, (column, label, unit) in zip(axes, panels, strict=True):
        values = rows[column].astype(float)
        top = float(values.max()) if values.notna().any() else 1.0
        for y, (_, r) in enumerate(rows.iterrows()):
            value = values.iloc[y]
            if pd.isna(value):
                ax.annotate(tr("not reported"), (0, y), xytext=(3, 0), textcoords="offset points",
                            va="center", fontsize=SMALL, color="#777777")  # fmt: skip
                continue
            fact = {"kind": r["kind"], "qualifier": str(r["qualifier"]), "value": value,
                    "low": value, "high": value}  # fmt: skip
            if fact["qualifier"] not in ("over", "at least", "below"):
                fact["qualifier"] = "exact"
            colour = colour_for(str(r["geography_id"]))
            ax.barh([y], [value], color=colour, alpha=0.85, height=0.6)
            edge = value
            if fact["qualifier"] != "exact":
                draw_fact(ax, y, fact, colour, 0.15 * top)
                edge = value + 0.15 * top if fact["qualifier"] != "below" else value
            decimals = 1 if unit else 2
            text = format_quantity(round(value, decimals), "count", fact["qualifier"])
            ax.annotate(text, (edge, y), xytext=(4, 0), textcoords="offset points",
                        va="center", fontsize=SMALL)  # fmt: skip
        ax.set_xlim(0, top * 1.6)
        ax.set_axisbelow(True)
        _value_axis(ax.xaxis)
        ax.set_xlabel(_wrap(label, 28), fontsize=9)
        ax.grid(axis="y", visible=False)
    axes[0].set_yticks(range(len(rows)), labels, fontsize=SMALL)
    axes[0].invert_yaxis()
    fig.suptitle(tr("The programme's own allocation"), x=0.01, ha="left", fontweight="bold",
                 fontsize=10.5)  # fmt: skip
    return fig


def funding_alt(funding: pd.DataFrame, names: dict[str, str]) -> str:
    """Alt text of :func:`plot_funding`: each amount per programme year and per poor household."""
    items = []
    for _, r in programme_money(funding).iterrows():
        qualifier = (
            str(r["qualifier"]) if str(r["qualifier"]) in QUALIFIERS_OF_ONE_VALUE else "exact"
        )
        per_year = format_quantity(round(r["per_programme_year"], 1), "VND billion", qualifier)
        household = r["per_poor_household_vnd_million"]
        per_household = (
            not_reported()
            if pd.isna(household)
            else tr("{value} million VND", value=format_number(round(household, 2)))
        )
        items.append(
            tr(
                "{name}, {period}: {per_year} per programme year, {per_household} per poor "
                "household",
                name=names.get(str(r["geography_id"]), r["geography_id"]),
                period=format_period(r["period_start"], r["period_end"]),
                per_year=per_year,
                per_household=per_household,
            )
        )
    return tr("Bar chart of the programme's own allocation. {items}.", items="; ".join(items))
