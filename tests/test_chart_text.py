"""Every chart the pages draw is readable on a phone: at most a 366 px column wide as drawn, so
a phone never shrinks it, and no text under 11 CSS px there (issue 16)."""

from __future__ import annotations

import matplotlib
import pytest
from matplotlib.text import Text

from helpers import compare_page, display, profile_page, ranks_page, standards_page
from helpers.config import FOCUS_PROVINCES
from helpers.i18n import using

matplotlib.use("Agg")

COLUMN_PX = 366  # the text column of a 390 px phone
CSS_PX_PER_INCH = 96  # a chart is shown at its size in inches (helpers.display.CSS_DPI)
LEAST_CSS_PX = 11


def _shown_px(points: float, width_in: float) -> float:
    """CSS px of a text of ``points`` in a chart ``width_in`` wide, shown in the column: at its
    own size when it fits, else shrunk to the column (independent of helpers.display)."""
    scale = min(1.0, COLUMN_PX / (width_in * CSS_PX_PER_INCH))
    return points * CSS_PX_PER_INCH / 72 * scale


@pytest.fixture(scope="module")
def drawn(dataset):
    """(page, width in inches after layout, [(text, points)]) of every chart the pages draw."""
    charts = []
    original = display.figure_png

    def record(figure, *args, **kwargs):
        png = original(figure, *args, **kwargs)  # what the page shows
        dpi = kwargs.get("dpi", args[0] if args else display.CHART_DPI)
        width_in = int.from_bytes(png[16:20], "big") / dpi  # the PNG's own width
        texts = [
            (t.get_text(), t.get_fontsize())
            for t in figure.findobj(Text)
            if t.get_visible() and t.get_text().strip()
        ]
        charts.append((page, width_in, texts))
        return png

    mp = pytest.MonkeyPatch()
    mp.setattr(display, "figure_png", record)
    ids = list(FOCUS_PROVINCES)
    with using("vi"):  # the longer words
        for gid in ids:
            page = f"profile {gid}"
            sections = (
                profile_page.rates, profile_page.targets, profile_page.money,
                profile_page.people, profile_page.other, profile_page.components,
            )  # fmt: skip
            for section in sections:
                section(dataset, gid)
            ranks_page.profile_section(dataset, gid)
        page = "comparison"
        for section in (compare_page.rates, compare_page.targets, compare_page.money,
                        compare_page.coverage):  # fmt: skip
            section(dataset, ids)
        ranks_page.compare_section(dataset, ids)
        page = "standards"
        standards_page.series(dataset, "bac-kan")
        standards_page.implied(dataset)
    mp.undo()
    return charts


def test_the_pages_draw_charts(drawn):
    assert len(drawn) >= 10


def test_no_chart_is_wider_than_a_phone_column(drawn):
    wide = [(page, round(w * CSS_PX_PER_INCH)) for page, w, _ in drawn
            if w * CSS_PX_PER_INCH > COLUMN_PX]  # fmt: skip
    assert not wide, f"charts wider than {COLUMN_PX} CSS px: {wide}"


def test_every_chart_text_is_at_least_11_css_px_on_a_phone(drawn):
    small = [
        (page, text[:30], round(_shown_px(points, width), 1))
        for page, width, texts in drawn
        for text, points in texts
        if _shown_px(points, width) < LEAST_CSS_PX
    ]
    assert not small, f"{len(small)} texts under {LEAST_CSS_PX} CSS px: {small[:10]}"


def test_the_measure_catches_main_before_issue_16():
    # 8-point text on a 5.3 in chart, as the charts were drawn: 7.7 CSS px on a phone
    assert _shown_px(8, 5.3) < LEAST_CSS_PX <= _shown_px(8.5, 3.7)
