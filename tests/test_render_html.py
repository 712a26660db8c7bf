"""The HTML page of an executed notebook, without a kernel: sanitizing, chrome, contents, tags.

The notebooks here are made by hand, as papermill would leave them, with the outputs a report
can contain.
"""

from __future__ import annotations

import base64
import re

import nbformat
import pytest
from bs4 import BeautifulSoup
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from helpers.display import escape_md
from reportbuild import catalog, html
from reportbuild.checks import external_references, heading_problems
from reportbuild.sanitize import clean_html, markdown_html
from reportbuild.versions import Stamp

HOSTILE = "<script>alert(1)</script>"
STAMP = Stamp("0123456789ab", "abc1234-dirty", "2025-04-17", "0.1.0")
PNG = base64.b64encode(b"\x89PNG\r\n\x1a\n" + b"\0" * 16).decode()
SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect/></svg>'
CSV_HREF = "data:text/csv;charset=utf-8;base64," + base64.b64encode(b"a,b\n1,2\n").decode()

# What the lead's briefs display through display(HTML(...)) (see the README's report section).
BRIEF_HTML = f"""
<p class="scope">Scope: the programme in one province.</p>
<section class="key-figures" id="key-figures">
<div class="kf"><span class="kf-label">Poor households</span><span class="kf-value">5.1%</span>
<span class="kf-detail">2024 <span class="status-met">met</span>
<span class="tier-verified">verified</span></span>
<details class="prov"><summary>source</summary><p>“Tỷ lệ hộ nghèo … 5,1%”
<a href="https://example.org/report">publisher page</a>
<abbr title="observation id">obs-1</abbr><sup>1</sup></p></details></div>
</section>
<ul class="findings"><li><strong>Met</strong> the <em>target</em>.</li></ul>
<ol class="gaps"><li>People reached: not reported</li></ol>
<div class="discrepancy">parts add to 2,240; the report prints 2,420</div>
<figure><img src="data:image/png;base64,{PNG}" alt="Bars of rates" width="600" height="400">
<figcaption>Rates <a class="download" download="rates.csv" title="the rows"
href="{CSV_HREF}">CSV</a></figcaption></figure>
<table class="not-comparable"><thead><tr><th colspan="2">Kind</th></tr></thead>
<tbody><tr><td>a</td><td>b</td></tr></tbody></table>
<span class="tier-cited">cited</span><a href="#key-figures">up</a>
<img src="data:image/svg+xml;base64,{base64.b64encode(SVG.encode()).decode()}" alt="svg chart">
"""


def _executed_notebook(extra_cells=()) -> nbformat.NotebookNode:
    """A notebook as papermill would leave it, with the outputs a report can contain."""
    style = "<style scoped>td {color: #123456}</style>"
    table = f'{style}<table class="dataframe"><tr><td>&lt;b&gt; {HOSTILE}</td></tr></table>'
    cells = [
        new_markdown_cell("Developer note: set `province`.", metadata={"tags": ["remove-input"]}),
        new_code_cell("x = 1", execution_count=1),
        new_code_cell(
            "title()",
            execution_count=2,
            outputs=[new_output("display_data", data={"text/markdown": "# The title"})],
        ),
        new_markdown_cell("## First section"),
        new_code_cell(
            "show()",
            execution_count=3,
            outputs=[
                new_output("stream", name="stdout", text="printed &lt;script&gt; <b>\n"),
                new_output("stream", name="stderr", text="FutureWarning: noise\n"),
                new_output("display_data", data={"text/html": table, "text/plain": "table"}),
                new_output("display_data", data={"text/markdown": f"md {escape_md(HOSTILE)}"}),
                new_output("display_data", data={"application/javascript": "alert(2)"}),
                new_output(
                    "execute_result",
                    data={"text/plain": "[<matplotlib.lines.Line2D at 0x7f3a2c1d9e50>]"},
                    execution_count=3,
                ),
                new_output("display_data", data={"text/html": "<h2>From an output</h2>"}),
                new_output(
                    "display_data",
                    data={"image/png": PNG, "text/plain": "<Figure size 640x480 with 1 Axes>"},
                    metadata={"alt": "A chart of rates", "image/png": {"width": 300}},
                ),
            ],
        ),
        new_markdown_cell("### A subsection <em>with</em> markup"),
        new_code_cell("secret()", execution_count=4, metadata={"tags": ["remove-cell"]}),
        new_code_cell(
            "noisy()",
            execution_count=5,
            metadata={"tags": ["remove-output"]},
            outputs=[new_output("stream", name="stdout", text="plumbing output\n")],
        ),
        *extra_cells,
    ]
    nb = new_notebook(cells=cells)
    nb.metadata["papermill"] = {"start_time": "2026-01-01T00:00:00", "duration": 1.5}
    return nb


REPORT = catalog.Report(
    "profile-bac-kan",
    "profile",
    "01-province-profile",
    "Province profile: Bắc Kạn",
    {"province": "Bắc Kạn"},
    "Bắc Kạn",
)


def _page(extra_cells=()) -> str:
    return html.report_html(_executed_notebook(extra_cells), REPORT, STAMP)


@pytest.fixture(scope="module")
def exported() -> str:
    return _page()


def _main(page: str):
    return BeautifulSoup(page, "html.parser").find("main")


# Page basics -----------------------------------------------------------------------------------


def test_html_has_language_title_viewport_and_report_metadata(exported):
    assert '<html lang="en">' in exported
    assert "<title>Province profile: Bắc Kạn</title>" in exported
    assert 'name="viewport"' in exported
    assert 'content="Bắc Kạn"' in exported and 'name="report-province"' in exported


def test_page_is_lean_only_the_brief_css(exported):
    assert len(exported.encode()) < 20_000
    assert "--jp-" not in exported and ".highlight" not in exported
    assert exported.count("<style") == 1
    assert ".key-figures" in exported


def test_html_requests_nothing_from_other_hosts(exported):
    assert external_references(exported) == []


def test_html_export_is_byte_identical_across_runs():
    second = _executed_notebook()
    second.metadata["papermill"]["duration"] = 99.0
    assert html.report_html(second, REPORT, STAMP) == _page()


# Cell tags -------------------------------------------------------------------------------------


def test_code_is_hidden_and_tagged_cells_removed(exported):
    assert "x = 1" not in exported and "show()" not in exported
    assert "secret()" not in exported  # remove-cell
    assert "plumbing output" not in exported  # remove-output
    assert "Developer note" not in exported  # remove-input on a Markdown cell


def test_remove_input_keeps_the_outputs_of_a_code_cell():
    cell = new_code_cell(
        "hidden()",
        execution_count=9,
        metadata={"tags": ["remove-input"]},
        outputs=[new_output("stream", name="stdout", text="kept for readers\n")],
    )
    page = _page([cell])
    assert "kept for readers" in page and "hidden()" not in page


# Chrome ----------------------------------------------------------------------------------------


def test_every_page_has_its_version_stamp_citation_and_link_to_the_index(exported):
    soup = BeautifulSoup(exported, "html.parser")
    stamp = soup.select_one("footer .version-stamp").get_text(" ", strip=True)
    # the stamp's date (2025-04-17) as an English page writes a date
    assert "0123456789ab" in stamp and "abc1234-dirty" in stamp and "17 April 2025" in stamp
    cite = soup.select_one("footer .cite").get_text(" ", strip=True)
    assert "Province profile: Bắc Kạn" in cite and "0.1.0" in cite and "17 April 2025" in cite
    assert soup.select_one("header a[href='index.html']") is not None
    assert soup.select_one("footer a[href='index.html']") is not None


def test_the_one_h1_is_the_notebooks_and_headings_are_in_order(exported):
    main = _main(exported)
    assert [h.get_text() for h in BeautifulSoup(exported, "html.parser").find_all("h1")] == [
        "The title"
    ]
    assert heading_problems(exported) == []
    assert main.find("h1").find_parent(class_="jp-OutputArea") is not None  # from an output


def test_heading_checks_catch_two_h1_and_skipped_levels():
    page = "<main><h1>a</h1><h1>b</h1><h2>c</h2><h4>d</h4></main>"
    problems = heading_problems(page)
    assert any("2 h1" in p for p in problems) and any("h4" in p for p in problems)


def test_every_heading_has_a_stable_id_and_the_contents_list_output_headings(exported):
    main = _main(exported)
    assert all(h.get("id") for h in main.find_all(["h1", "h2", "h3"]))
    toc = [(a["href"], a.get_text()) for a in main.select("nav.report-toc a")]
    assert toc == [
        ("#first-section", "First section"),
        ("#from-an-output", "From an output"),
        ("#a-subsection-with-markup", "A subsection with markup"),
    ]


def test_contents_come_after_the_title_and_before_the_first_section(exported):
    toc_at = exported.index('class="report-toc"')
    assert exported.index(">The title<") < toc_at < exported.index(">First section<")


def test_duplicate_headings_get_distinct_ids():
    page = _page([new_markdown_cell("## First section")])
    ids = [h["id"] for h in _main(page).find_all("h2")]
    assert len(ids) == len(set(ids)) and "first-section-2" in ids


def test_tables_scroll_inside_a_wrapper(exported):
    for table in _main(exported).find_all("table"):
        assert "table-wrap" in table.parent.get("class", [])


def test_images_carry_the_alt_text_given_with_display(exported):
    image = _main(exported).find("img")
    assert image["alt"] == "A chart of rates" and image["width"] == "300"


# Escaping and sanitizing -----------------------------------------------------------------------


def test_text_from_data_is_escaped_exactly_once(exported):
    assert "printed &amp;lt;script&amp;gt; &lt;b&gt;" in exported  # print() output, as printed
    assert "<td>&lt;b&gt; </td>" in exported  # an escaped cell stays escaped; the raw script goes
    assert "md &lt;script&gt;alert(1)&lt;/script&gt;" in exported  # escape_md'd Markdown
    assert "<script" not in exported.lower()
    assert "alert(2)" not in exported and "#123456" not in exported


def test_warnings_and_address_reprs_are_left_out(exported):
    assert "FutureWarning" not in exported
    assert "0x7f3a2c1d9e50" not in exported


@pytest.mark.parametrize(
    "publisher",
    ["http://evil.example/phish", "www.evil.example", '<a href="http://evil.example/x">y</a>'],
)
def test_an_address_in_data_stays_text_and_is_not_garbled(publisher):
    rendered = markdown_html(f"*Sources: {escape_md(publisher)}, 17 April 2025.*")
    soup = BeautifulSoup(rendered, "html.parser")
    assert soup.find("a") is None
    assert soup.get_text().strip() == f"Sources: {publisher}, 17 April 2025."


def test_the_brief_elements_are_kept_with_their_attributes():
    cleaned = clean_html(BRIEF_HTML)
    before = BeautifulSoup(BRIEF_HTML, "html.parser")
    after = BeautifulSoup(cleaned, "html.parser")
    assert [(t.name, t.attrs) for t in after.find_all(True)] == [
        (t.name, t.attrs) for t in before.find_all(True)
    ]


@pytest.mark.parametrize(
    ("dangerous", "left"),
    [
        ('<a href="javascript:alert(1)">x</a>', "<a>x</a>"),
        ('<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>', "<a>x</a>"),
        ('<img src="https://tracker.example/p.png" alt="x">', '<img alt="x">'),
        ('<img src="data:image/svg+xml,<svg onload=alert(1)>" alt="x">', '<img alt="x">'),
        ('<p onclick="alert(1)" style="color:red">x</p>', "<p>x</p>"),
        ("<style>body{display:none}</style><p>x</p>", "<p>x</p>"),
        ("<script>alert(1)</script><p>x</p>", "<p>x</p>"),
        ('<iframe src="https://x.example"></iframe>', '&lt;iframe src="https://x.example"&gt;'),
        ('<td colspan="2; x">a</td>', "a"),
    ],
)
def test_dangerous_markup_is_dropped_or_shown_as_text(dangerous, left):
    assert clean_html(dangerous).startswith(left)


def test_the_page_keeps_the_brief_elements_from_an_html_output():
    cell = new_code_cell(
        "brief()",
        execution_count=8,
        outputs=[new_output("display_data", data={"text/html": BRIEF_HTML})],
    )
    main = _main(_page([cell]))
    assert main.select_one("section.key-figures .kf .kf-value").get_text() == "5.1%"
    assert main.select_one("a.download")["href"] == CSV_HREF
    assert main.select_one("details.prov a")["href"] == "https://example.org/report"
    assert main.select_one("th")["colspan"] == "2"
    assert external_references(str(main)) == []


def test_external_reference_check_catches_the_stock_nbconvert_page():
    from nbconvert import HTMLExporter

    stock, _ = HTMLExporter().from_notebook_node(_executed_notebook())
    assert any("cdnjs.cloudflare.com" in ref for ref in external_references(stock))


def test_external_reference_check_allows_hyperlinks_and_data_uris():
    page = (
        '<a href="https://example.org">source</a><img src="data:image/png;base64,AA">'
        f'<a href="{CSV_HREF}" download="x.csv">csv</a>'
        '<div style="background: url(https://x.org/a.png)"></div>'
    )
    assert external_references(page) == ["https://x.org/a.png"]


def test_slugs_are_ascii():
    assert html.slug("Hà Giang: money, 2021–2025") == "ha-giang-money-2021-2025"
    assert re.fullmatch(r"[a-z0-9-]+", html.slug("Đắk Lắk ?!"))


def test_a_publisher_address_in_a_caption_is_not_a_live_link_on_the_page():
    caption = f"*Sources: {escape_md('http://evil.example/phish')}, 17 April 2025.*"
    payload = escape_md('<a href="http://evil.example/x">click</a>')
    cell = new_code_cell(
        "caption()",
        execution_count=8,
        outputs=[
            new_output("display_data", data={"text/markdown": caption}),
            new_output("display_data", data={"text/markdown": f"Publisher: {payload}"}),
        ],
    )
    main = _main(_page([cell]))
    assert not [a for a in main.find_all("a") if "evil" in a.get("href", "")]
    text = main.get_text(" ")
    assert "Sources: http://evil.example/phish, 17 April 2025." in text
    assert 'Publisher: <a href="http://evil.example/x">click</a>' in text  # shown as typed


def _png_header(width: int, dpi: float | None) -> str:
    """The start of a PNG (signature, IHDR, maybe pHYs) as a data URI: enough for the checks."""
    import struct
    import zlib

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = struct.pack(">I", zlib.crc32(kind + body))
        return struct.pack(">I", len(body)) + kind + body + crc

    data = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, 400, 8, 2, 0, 0, 0))
    if dpi:
        per_metre = round(dpi / 0.0254)
        data += chunk(b"pHYs", struct.pack(">IIB", per_metre, per_metre, 1))
    data += chunk(b"IEND", b"")
    return "data:image/png;base64," + base64.b64encode(data).decode()


@pytest.mark.parametrize(("width", "dpi", "least"), [(1122, 144, 505), (1000, 100, 648)])
def test_a_chart_never_shrinks_below_readable_text_it_scrolls(width, dpi, least):
    assert html.readable_width(_png_header(width, dpi)) == least
    cell = new_code_cell(
        "chart()",
        execution_count=8,
        outputs=[
            new_output(
                "display_data",
                data={"text/html": f'<img src="{_png_header(width, dpi)}" alt="a chart">'},
            )
        ],
    )
    image = _main(_page([cell])).find("img", alt="a chart")
    assert image["style"] == f"min-width: {least}px"
    assert "figure-scroll" in image.parent["class"]


def test_one_pass_export_gives_the_bytes_of_nbconverts_own_pass(monkeypatch):
    from nbconvert import HTMLExporter

    no_alt = f'<p>A chart</p><img src="data:image/png;base64,{PNG}">'
    cell = new_code_cell(
        "show()",
        execution_count=6,
        outputs=[new_output("display_data", data={"text/html": no_alt})],
    )
    one_pass = _page([cell])
    assert "No description has been provided for this image" in one_pass
    monkeypatch.setattr(
        html._OnePassExporter, "from_notebook_node", HTMLExporter.from_notebook_node
    )
    assert _page([cell]) == one_pass


# Sharing and phones (issue 16) ---------------------------------------------------------------


def test_every_page_has_a_description_and_open_graph_tags_from_its_title_and_scope():
    page = html.finish_page(
        "<html><head><title>Hồ sơ: Bắc Kạn</title><meta name=generator content=x></head><body>"
        '<main><h1>Bắc Kạn</h1><p class="scope">Những gì các nguồn nêu &amp; bằng chứng.</p>'
        "</main></body></html>",
        "vi",
    )
    head = BeautifulSoup(page, "html.parser").head
    content = {(m.get("name") or m.get("property")): m["content"] for m in head.find_all("meta")}
    assert content["description"] == "Những gì các nguồn nêu & bằng chứng."
    assert content["og:description"] == content["description"]
    assert content["og:title"] == "Hồ sơ: Bắc Kạn"
    assert content["og:locale"] == "vi_VN" and content["og:locale:alternate"] == "en_US"
    assert content["og:type"] == "article" and content["twitter:card"] == "summary"


def test_a_long_scope_is_cut_at_a_word_for_the_description():
    words = " ".join(f"word{i}" for i in range(80))
    page = html.finish_page(
        f'<html><head><title>T</title></head><body><main><p class="scope">{words}</p></main>'
        "</body></html>"
    )
    meta = BeautifulSoup(page, "html.parser").find("meta", attrs={"name": "description"})
    text = meta["content"]
    assert len(text) <= html.DESCRIPTION_LENGTH and text.endswith("…")
    assert text[:-1].split()[-1] in words.split()  # a whole word before the ellipsis


def test_a_page_without_scope_is_described_by_its_title(exported):
    meta = BeautifulSoup(exported, "html.parser").find("meta", attrs={"name": "description"})
    scope = BeautifulSoup(exported, "html.parser").select_one("p.scope")
    expected = " ".join(scope.get_text(" ").split()) if scope else "Province profile: Bắc Kạn"
    assert meta["content"].rstrip("…")[:50] == expected[:50]


def _table(headers, rows, num=()):
    head = "".join(f"<th{' class=num' if i in num else ''}>{h}</th>" for i, h in enumerate(headers))
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    soup = BeautifulSoup(
        f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>", "html.parser"
    )
    return soup.table


def test_a_table_with_few_numeric_columns_stacks_as_labelled_cards():
    table = _table(["Indicator", "Year", "Value"], [["Tỷ lệ", "2024", "19,46%"], ["Hộ", "", "x"]])
    assert html.stack_on_phones(table)
    assert "stack" in table["class"]
    labels = [[td.get("data-label") for td in tr.find_all("td")] for tr in table.tbody("tr")]
    assert labels == [["Indicator", "Year", "Value"]] * 2


def test_a_table_with_more_than_four_numeric_columns_keeps_scrolling():
    headers = ["Province", "2021", "2022", "2023", "2024", "2025"]
    table = _table(headers, [["Bắc Kạn", "26,93", "23,0", "21,5", "19,46", "17,46"]])
    assert html.numeric_columns(table.thead("th"), [table.tbody.tr.find_all("td")]) == 5
    assert not html.stack_on_phones(table)
    assert "stack" not in (table.get("class") or [])
    # the header class counts too, even where a cell holds words ("not reported")
    table = _table(headers, [["Hà Giang", "x", "y", "z", "w", "v"]], num={1, 2, 3, 4, 5})
    assert not html.stack_on_phones(table)


def test_merged_cells_or_a_missing_header_leave_a_table_as_it_is():
    soup = BeautifulSoup(
        "<table><thead><tr><th>a</th><th>b</th></tr></thead><tbody>"
        '<tr><td colspan="2">x</td></tr></tbody></table>',
        "html.parser",
    )
    assert not html.stack_on_phones(soup.table)
    soup = BeautifulSoup("<table><tbody><tr><td>x</td></tr></tbody></table>", "html.parser")
    assert not html.stack_on_phones(soup.table)


def test_the_stylesheet_stacks_marked_tables_on_phones_and_has_an_a4_print_style():
    css = (html.TEMPLATES_DIR / "report" / "brief.css").read_text(encoding="utf-8")
    phone = css[css.index("@media (max-width: 37.5rem)") :]
    assert "table.stack" in phone.split("}\n}")[0] and "attr(data-label)" in phone
    printed = css[css.index("@media print") :]
    assert "size: A4" in printed
    hidden = printed[printed.index("nav.report-toc") :].split("{")[0]
    assert "details.prov" in hidden and "a.download" in hidden


def test_numbers_under_a_word_header_count_as_a_numeric_column():
    table = _table(["Tỉnh", "Tỷ lệ"], [["Bắc Kạn", "19,46 %"], ["Hà Giang", "−1.5"]])
    assert html.numeric_columns(table.thead("th"), [tr("td") for tr in table.tbody("tr")]) == 1
