"""Charts stay bounded as the data grow (issue 17): at most MAX_CHART_ROWS rows drawn, said so."""

from __future__ import annotations

import matplotlib
import pandas as pd
import pytest

from helpers import facts, plotting
from helpers.chart_limits import MAX_CHART_ROWS
from helpers.i18n import using

matplotlib.use("Agg")


@pytest.fixture
def many_facts(dataset) -> pd.DataFrame:
    table = facts.facts_for(dataset, "bac-kan")
    table = table[table["low"].notna()]
    copies = -(-(MAX_CHART_ROWS * 4) // len(table))
    return pd.concat([table] * copies, ignore_index=True).iloc[: MAX_CHART_ROWS * 4]


def _texts(figure) -> list[str]:
    return [t.get_text() for t in figure.texts]


def test_a_chart_of_many_rows_draws_a_bounded_number_and_says_so(many_facts):
    import matplotlib.pyplot as plt

    with using("en"):
        bounded = plotting.plot_bounds(many_facts, "x", "title")
        few = plotting.plot_bounds(many_facts.iloc[:MAX_CHART_ROWS], "x", "title")
    try:
        assert bounded.get_size_inches()[1] == pytest.approx(few.get_size_inches()[1])
        total = len(many_facts)
        note = f"Only the first {MAX_CHART_ROWS} of {total} rows are drawn"
        assert any(note in text for text in _texts(bounded)), _texts(bounded)
        assert not any("Only the first" in text for text in _texts(few))
    finally:
        plt.close("all")


def test_the_note_is_in_the_page_language(many_facts):
    import matplotlib.pyplot as plt

    with using("vi"):
        figure = plotting.plot_bounds(many_facts, "x", "title")
    try:
        assert any("Biểu đồ chỉ vẽ" in text for text in _texts(figure))
    finally:
        plt.close("all")
