"""Unit tests of helpers.plotting: fixed colours, a font with Vietnamese glyphs, honest bounds."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib import font_manager  # noqa: E402
from matplotlib.ft2font import FT2Font  # noqa: E402

from helpers import plotting  # noqa: E402
from helpers.config import FOCUS_PROVINCES  # noqa: E402


def fact(geo, low, high, qualifier, kind="target", standard="2021-2025", end=2022):
    value = low if pd.notna(low) else high
    return {
        "geography_id": geo, "indicator_id": "poor_household_rate", "label_en": "Rate",
        "breakdown_by": pd.NA, "breakdown": pd.NA, "period_start": end, "period_end": end,
        "kind": kind, "poverty_standard": standard, "unit": "percent", "qualifier": qualifier,
        "value": value, "low": low, "high": high, "source_id": "s1",
    }  # fmt: skip


def test_focus_provinces_have_distinct_okabe_ito_colours():
    colours = [plotting.colour_for(g) for g in FOCUS_PROVINCES]
    assert len(set(colours)) == len(colours)
    assert set(colours) <= set(plotting.OKABE_ITO.values())
    assert plotting.colour_for("phu-luong", {"phu-luong": "thai-nguyen"}) == plotting.colour_for(
        "thai-nguyen"
    )


def test_theme_font_has_every_vietnamese_glyph_used():
    plotting.apply_theme()
    path = font_manager.findfont(font_manager.FontProperties(family=plt.rcParams["font.family"]))
    assert "DejaVuSans" in path
    charmap = FT2Font(path).get_charmap()
    text = "".join(FOCUS_PROVINCES.values()) + "Phú Lương Việt Nam ắ ạ ỹ ự ộ đ Đ –"
    missing = [ch for ch in set(text) if ch.strip() and ord(ch) not in charmap]
    assert missing == []


def test_ranges_are_bars_and_open_bounds_are_arrows():
    plotting.apply_theme()
    table = pd.DataFrame(
        [
            fact("bac-kan", 2.0, 2.5, "range"),
            fact("tuyen-quang", 3.0, float("nan"), "over"),
            fact("thai-nguyen", float("nan"), 3.4, "below"),
            fact("thai-nguyen", 1.14, 1.14, "exact", kind="actual"),
        ]
    )
    fig = plotting.plot_bounds(table, "pp", "t", names={"bac-kan": "Bắc Kạn"})
    ax = fig.axes[0]
    arrows = [a for a in ax.texts if getattr(a, "arrow_patch", None) is not None]
    assert len(arrows) == 2  # one per open bound, none for the range or the exact value
    over, below = (a for a in arrows)
    assert over.xy[0] > 3.0 and below.xy[0] < 3.4  # over points right, below points left
    thick = [line for line in ax.lines if line.get_linewidth() >= 7]
    assert len(thick) == 1 and list(thick[0].get_xdata()) == [2.0, 2.5]
    plt.close(fig)


def test_targets_are_hollow_results_filled():
    fig, ax = plt.subplots()
    plotting.draw_fact(ax, 0, fact("bac-kan", 2.0, 2.0, "exact", kind="target"), "#D55E00", 1)
    plotting.draw_fact(ax, 1, fact("bac-kan", 2.0, 2.0, "exact", kind="actual"), "#D55E00", 1)
    assert ax.lines[0].get_markerfacecolor() == "white"
    assert ax.lines[1].get_markerfacecolor() == "#D55E00"
    plt.close(fig)


# Charts from the analysis tables ---------------------------------------------------------------


def rate_row(geo, year, value, method="administrative review", as_of="year_end", date=None,
             standard="2021-2025", oid=None):  # fmt: skip
    return {
        "observation_id": oid or f"{geo}-{year}-{value}", "geography_id": geo,
        "indicator_id": "poor_household_rate", "poverty_standard": standard,
        "standard_in_force": standard, "method": method,
        "series_id": f"{geo}|poor_household_rate|{standard}|{method}", "year": year,
        "date": pd.Timestamp(date) if date else pd.NaT, "as_of": as_of, "value": value,
        "qualifier": "exact", "kind": "actual",
    }  # fmt: skip


def test_a_year_whose_sources_differ_breaks_the_line():
    rates = pd.DataFrame(
        [rate_row("bac-kan", 2021, 26.93), rate_row("bac-kan", 2021, 27.37),
         rate_row("bac-kan", 2023, 21.9), rate_row("bac-kan", 2024, 19.46)]
    )  # fmt: skip
    points = plotting.rate_points(rates, {"bac-kan": "Bắc Kạn"})
    assert list(points["on_line"]) == [False, False, True, True]
    joined = points[points["on_line"]]
    assert joined["segment"].nunique() == 1 and joined["x"].tolist() == [2023.0, 2024.0]


def test_a_figure_to_date_stands_at_its_date_and_says_so():
    rates = pd.DataFrame(
        [rate_row("bac-kan", 2024, 19.46),
         rate_row("bac-kan", 2025, 17.46, as_of="to_date", date="2025-09-30")]
    )  # fmt: skip
    points = plotting.rate_points(rates, {"bac-kan": "Bắc Kạn"})
    assert points["x"].iloc[0] == 2024.0
    assert 2024.7 < points["x"].iloc[1] < 2024.8  # 30 September, not the end of 2025
    alt = plotting.trajectory_alt(rates, {"bac-kan": "Bắc Kạn"})
    assert "2025: 17.46% at 30 September 2025" in alt and "2024: 19.46%" in alt
    fig = plotting.plot_trajectory(rates, {"bac-kan": "Bắc Kạn"})
    assert "17.46% at 9/2025" in [t.get_text() for t in fig.axes[0].texts]
    plt.close(fig)


def test_each_unit_gets_its_own_chart_and_axis():
    per_year, households = "percentage points per year", "households"
    table = pd.DataFrame(
        [fact("ha-giang", 4.0, float("nan"), "at least") | {"unit": per_year},
         fact("ha-giang", 5.64, 5.64, "exact", kind="actual") | {"unit": per_year},
         fact("ha-giang", 8493, 8493, "exact") | {"unit": households},
         fact("ha-giang", 7000, 7000, "exact", kind="actual") | {"unit": households},
         fact("ha-giang", 4.2, float("nan"), "over") | {"unit": "percentage points"}]
    )  # fmt: skip
    charts = plotting.plot_bounds_by_unit(table, "Reductions")
    assert [unit for unit, _ in charts] == ["percentage points per year", "households"]
    labels = [fig.axes[0].get_xlabel() for _, fig in charts]
    assert labels == ["percentage points per year", "households"]
    households = charts[1][1].axes[0]
    assert households.get_xlim()[1] > 8493  # the axis is the households', not the pp one
    for _, fig in charts:
        plt.close(fig)


@pytest.mark.slow  # draws every chart of the four profiles twice (~12 s)
@pytest.mark.parametrize("language", ["en", "vi"])
def test_every_chart_of_the_profiles_fits_a_phone(dataset, language):
    from helpers import display, i18n, profile_page

    plotting.apply_theme()
    with i18n.using(language):
        for geo in FOCUS_PROVINCES:
            for section in (profile_page.rates, profile_page.targets, profile_page.money,
                            profile_page.people):  # fmt: skip
                for chart in section(dataset, geo).charts:
                    width = int.from_bytes(chart.png[16:20], "big")
                    # at most 5.5 in at 144 dpi: 10 pt text stays over 9 px on a 390 px phone
                    assert width <= 5.5 * display.CHART_DPI, (geo, section.__name__, width)
                    assert chart.alt


def test_year_labels_never_run_together_on_a_long_trajectory(dataset):
    from helpers.analysis import trajectories

    rates = trajectories.rates(dataset, ["bac-kan", "vn"])
    drawn = rates[rates["kind"] == "actual"]
    years = sorted(int(y) for y in drawn["year"].dropna())
    fig = plotting.plot_trajectory(drawn, {"bac-kan": "Bắc Kạn", "vn": "Việt Nam"})
    ticks = [int(t) for t in fig.axes[0].get_xticks()]
    assert max(years) in ticks  # the latest year is always labelled
    if max(years) - min(years) >= plotting.YEAR_LABELS:
        assert len(ticks) <= plotting.YEAR_LABELS and all(
            b - a == 2 for a, b in zip(ticks, ticks[1:], strict=False)
        )
    plt.close(fig)
