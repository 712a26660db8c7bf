"""Charts stay bounded as the data grow: a chart draws at most :data:`MAX_CHART_ROWS` rows, and
says so on the page when it leaves some out.

A chart's height grows with its rows; drawn for every row of a large table (100,000 rows of a
province), its PNG ran to 248 megapixels, which Pillow refuses as a decompression bomb. The
table beside the chart and the CSV download keep every row: only the drawing is cut.
"""

from __future__ import annotations

import functools
import textwrap
from collections.abc import Callable

from helpers.format import format_number
from helpers.i18n import tr

MAX_CHART_ROWS = 30  # a 30-row chart is at most about 24 in (under 5,000 px at 200 dpi) tall


def bounded_rows(plot: Callable) -> Callable:
    """Decorate a plotting function whose first argument is a table with one drawn row per row:
    a longer table is cut to its first :data:`MAX_CHART_ROWS` rows, and the figure carries a
    note naming how many of how many rows it draws."""

    @functools.wraps(plot)
    def bounded(table, *args, **kwargs):
        total = len(table)
        if total <= MAX_CHART_ROWS:
            return plot(table, *args, **kwargs)
        figure = plot(table.iloc[:MAX_CHART_ROWS], *args, **kwargs)
        note = tr(
            "Only the first {shown} of {total} rows are drawn; the table and the download "
            "hold them all.",
            shown=format_number(MAX_CHART_ROWS),
            total=format_number(total),
        )
        # wrapped to a phone-wide chart, in the charts' smallest size (helpers.plotting.MIN_FONT)
        note = textwrap.fill(note, 44)
        figure.text(0.01, 0.002, note, fontsize=8.5, style="italic", ha="left", va="bottom")
        return figure

    return bounded
