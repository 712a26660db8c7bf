"""Unit tests of helpers.display: escaping once, evidence, downloads, figures."""

import base64
import csv
import io
import re

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from helpers import display, facts  # noqa: E402
from helpers.format import format_number  # noqa: E402
from reportbuild import checks  # noqa: E402


def _decode_download(html: str) -> list[dict[str, str]]:
    payload = re.search(r'href="data:text/csv;charset=utf-8;base64,([^"]+)"', html).group(1)
    text = base64.b64decode(payload).decode("utf-8-sig")  # downloads start with a BOM, for Excel
    return list(csv.DictReader(io.StringIO(text)))


def test_text_from_data_is_escaped_once_and_never_linked():
    for payload in ("http://evil.example/phish", '<a href="http://evil.example">x</a>', "a & b"):
        html = display.paragraph(payload)
        assert "<a " not in html
        assert "&amp;amp;" not in html  # escaped once, not twice
    assert display.esc('<a href="x">') == "&lt;a href=&quot;x&quot;&gt;"


def test_download_holds_exactly_the_rows_behind_a_table(dataset):
    table = facts.facts_for(dataset, "bac-kan")
    rows = _decode_download(display.caption_html("t", dataset, table, "t"))
    expected = dataset.observations[dataset.observations["geography_id"] == "bac-kan"]
    assert sorted(r["observation_id"] for r in rows) == sorted(expected["observation_id"])
    by_id = {r["observation_id"]: r for r in rows}
    for _, obs in expected.iterrows():
        assert float(by_id[obs["observation_id"]]["value"]) == obs["value"]
        excerpt = "" if pd.isna(obs["excerpt"]) else obs["excerpt"]
        assert by_id[obs["observation_id"]]["excerpt"] == excerpt


def test_evidence_shows_the_sentence_the_number_and_the_source(dataset):
    obs = dataset.observations.iloc[0]
    html = display.evidence_html(dataset, [obs["observation_id"]])
    assert html.startswith('<details class="prov">')
    assert display.esc(obs["excerpt"]) in html
    assert display.esc(obs["number_as_printed"]) in html
    assert obs["observation_id"] in html


def test_evidence_shows_a_discrepancy_where_it_applies(dataset):
    from helpers.sources import discrepancies
    from helpers.vocabulary import QUALIFIER_WORDS, text

    table = discrepancies(dataset)
    for _, d in table.iterrows():
        html = display.evidence_html(dataset, [d["total_observation_id"]])
        total = dataset.observations.set_index("observation_id").loc[d["total_observation_id"]]
        decimals = 1 if total["unit"] == "VND billion" else None
        words = text(
            QUALIFIER_WORDS[str(total["qualifier"])], "en"
        )  # a bound total keeps its "over"
        assert f"add to {format_number(d['parts_sum'], decimals)}" in html
        assert f"prints {words}{format_number(d['total'], decimals)}" in html


def test_figure_is_a_high_dpi_image_with_alt_text(dataset):
    fig, ax = plt.subplots(figsize=(4, 3))
    ax.plot([1, 2], [3, 4])
    html = display.figure_html(
        fig, "A line from 3 to 4.", "t", dataset, facts.facts_for(dataset, "vn")
    )
    assert 'alt="A line from 3 to 4."' in html
    width = int(re.search(r'width="(\d+)"', html).group(1))
    payload = re.search(r'src="data:image/png;base64,([^"]+)"', html).group(1)
    png = base64.b64decode(payload)
    pixels = int.from_bytes(png[16:20], "big")
    dpi = display.CHART_DPI
    assert width == round(pixels * 96 / dpi)  # drawn at CHART_DPI, shown at 96 CSS px an inch
    assert 4 * dpi - 150 < pixels <= 4 * dpi  # the 4 in figure, its white margin cropped
    assert checks.png_dpi("data:image/png;base64," + payload) == pytest.approx(dpi, abs=0.1)


def test_sources_list_names_how_an_undated_source_was_dated(dataset):
    undated = dataset.sources[dataset.sources["date_published"].isna()]
    html = display.sources_html(dataset, undated["source_id"])
    for _, row in undated.iterrows():
        assert display.prose_html(row["date_note"]) in html


def test_tables_mark_kinds_for_styling():
    table = pd.DataFrame({"a": ["x"]})
    html = display.table_html([["1"]], ["a"], row_classes=["kind-target"])
    assert 'class="kind-target"' in html
    assert display.frame_html(table).count("<td") == 1


def test_markdown_escaping_neutralises_markup():
    assert display.escape_md("<b>x</b> *y*") == "&lt;b&gt;x&lt;/b&gt; \\*y\\*"


def test_a_section_shows_its_charts_as_image_outputs_with_alt_then_caption(monkeypatch):
    from IPython.display import HTML, Image

    shown = []
    monkeypatch.setattr(display, "display", lambda obj, **kw: shown.append((obj, kw)))
    fig, ax = plt.subplots(figsize=(4, 3))
    ax.plot([1, 2], [3, 4])
    chart = display.Chart(
        display.figure_png(fig), "A line from 3 to 4.", '<p class="caption">c</p>'
    )
    section = display.Section("<h2>x</h2>", chart, "<p>table</p>")
    assert section.startswith("<h2>x</h2><figure><img") and 'alt="A line from 3 to 4."' in section
    display.show(section)
    kinds = [type(obj) for obj, _ in shown]
    assert kinds == [HTML, Image, HTML, HTML]
    image, options = shown[1]
    assert options["metadata"] == {"alt": "A line from 3 to 4."}
    assert image._repr_png_()[1]["alt"] == "A line from 3 to 4."
    assert shown[2][0].data == '<p class="caption">c</p>'
    assert image.width == round(int.from_bytes(chart.png[16:20], "big") * 96 / display.CHART_DPI)


def test_a_long_table_shows_its_first_rows_says_so_and_downloads_them_all(dataset, monkeypatch):
    monkeypatch.setattr(display, "MAX_TABLE_ROWS", 5)
    table = facts.facts_for(dataset, "bac-kan").iloc[:12]
    columns = [display.Column("indicator", lambda f: display.esc(f["indicator_id"]))]
    page = display.facts_table_html(dataset, table, columns, "All figures", "none")
    body = page.split("</tbody>")[0]
    assert body.count("<tr") == 1 + 5  # the header row and five rows
    assert "Only the first 5 of 12 rows are shown; the download holds them all." in page
    payload = re.search(r"base64,([A-Za-z0-9+/=]+)", page)[1]
    text = base64.b64decode(payload).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    expected = {i for ids in table["observation_ids"] for i in ids.split(";")}
    assert {r["observation_id"] for r in rows} == expected


def test_a_table_within_the_cap_has_no_note(dataset):
    table = facts.facts_for(dataset, "bac-kan").iloc[:3]
    columns = [display.Column("indicator", lambda f: display.esc(f["indicator_id"]))]
    page = display.facts_table_html(dataset, table, columns, "All figures", "none")
    assert "Only the first" not in page and page.split("</tbody>")[0].count("<tr") == 4
