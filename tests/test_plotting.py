"""Unit tests of helpers.plotting: fixed colours, a font with Vietnamese glyphs, honest bounds."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
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
    arrows = [a for a in ax.texts if a.arrow_patch is not None]
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
