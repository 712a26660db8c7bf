"""Presentation tests over the rendered reports: what a reader sees must be true to the data.

Each check (tests/presentation.py) runs on every rendered page and must find nothing; each is
also run on a deliberately broken copy of a real page, to show that it can fail.
"""

from __future__ import annotations

import re

import presentation as check  # tests/presentation.py
import pytest

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def pages(rendered_reports):
    check.PAGES_DIR.append(rendered_reports)  # their downloads are files beside them
    found = {
        p.name: p.read_text(encoding="utf-8")
        for p in sorted(rendered_reports.glob("*.html"))
        if not p.name.startswith("index.")
    }
    assert found, "no report rendered"
    return found


@pytest.fixture(scope="module")
def allowed(dataset):
    return {language: check._allowed_numbers(dataset, language) for language in ("en", "vi")}


def test_every_number_on_a_page_traces_to_the_data(pages, dataset, allowed):
    for name, html in pages.items():
        language = check.page_language(html)
        assert check.untraceable_numbers(html, dataset, allowed[language]) == [], name


def test_a_typed_number_is_caught(pages, dataset, allowed):
    # numbers no value of the data gives, nor any open computation on related values
    assert "43.71" not in allowed["en"] and "12,345" not in allowed["en"]
    html = pages["profile-bac-kan.html"].replace(
        "</h1>", "</h1><p>The rate fell by 43.71 points and 12,345 households escaped.</p>", 1
    )
    problems = check.untraceable_numbers(html, dataset, allowed["en"])
    assert any("43.71" in p for p in problems) and any("12,345" in p for p in problems)


def test_no_chart_is_drawn_from_fewer_than_two_values(pages):
    for name, html in pages.items():
        assert check.degenerate_charts(html) == [], name


def test_a_one_value_chart_is_caught(pages):
    html = pages["profile-thai-nguyen.html"]
    img, caption = check.charts(check.soup_of(html))[0]  # an image output, then its caption
    assert img.find_parent(class_="jp-RenderedImage") is not None
    output = img.find_parent(class_="jp-OutputArea-child")
    figure = f'<div class="jp-OutputArea">{output}{caption}</div>'
    assert check.degenerate_charts(figure) == []
    link = re.search(r'href="(data:text/csv;charset=utf-8;base64,|downloads/)[^"]+"', figure).group(
        0
    )
    import base64

    one_row = "observation_id,value\nx-001,1\n"
    broken = figure.replace(
        link, 'href="data:text/csv;charset=utf-8;base64,'
        + base64.b64encode(one_row.encode()).decode() + '"'
    )  # fmt: skip
    assert check.degenerate_charts(broken) == ["figure 1 is drawn from 1 value(s)"]
    assert "no alt text" in check.degenerate_charts(re.sub(r'alt="[^"]*"', 'alt=""', figure))[0]


def test_targets_plans_and_estimates_are_labelled(pages, dataset):
    for name, html in pages.items():
        assert check.unlabelled_kinds(html, dataset) == [], name
    html = pages["profile-bac-kan.html"]
    assert 'class="kind-target"' in html
    broken = re.sub(
        r'(<tr class="kind-target">.*?<td[^>]*>)target</td>', r"\1</td>", html, count=1,
        flags=re.S,
    )  # fmt: skip
    assert check.unlabelled_kinds(broken, dataset)


def test_printed_qualifiers_are_kept(pages, dataset):
    for name, html in pages.items():
        assert check.lost_qualifiers(html, dataset) == [], name
    html = pages["profile-bac-kan.html"]
    assert check.lost_qualifiers(html.replace("or more", ""), dataset)
    assert check.lost_qualifiers(html.replace("over ", ""), dataset)
    html = pages["compare-provinces.vi.html"]
    assert check.lost_qualifiers(html.replace("trên ", "").replace("over ", ""), dataset)


def test_nothing_mismatched_is_called_comparable(pages, dataset):
    for name, html in pages.items():
        assert check.false_comparisons(html, dataset) == [], name
    # the comparison lists only comparable pairs, each row saying so ("yes"); a row calling a
    # pair of different periods comparable is caught
    assert re.search(r"<td[^>]*>yes</td>", pages["compare-provinces.html"])
    assert re.search(r"<td[^>]*>có</td>", pages["compare-provinces.vi.html"])
    from helpers import compare, display
    from helpers.geo import focus_province_ids

    ids = focus_province_ids(dataset)
    pairs = compare.merger_pairs(dataset, compare.successors_of(dataset, ids))
    mismatched = pairs[~pairs["is_comparable"].astype(bool)].iloc[0]
    evidence = display.evidence_html(dataset, str(mismatched["observation_ids"]).split(";"))
    for word in ("yes", "có"):
        broken = f"<table><tr><td>{word}</td><td>{evidence}</td></tr></table>"
        assert check.false_comparisons(broken, dataset)
    assert check.false_comparisons("<p>Reported for every member, so comparable.</p>", dataset)


def test_every_source_cited_is_listed(pages, dataset):
    for name, html in pages.items():
        assert check.unlisted_sources(html, dataset) == [], name
    html = pages["profile-thai-nguyen.html"]
    broken = re.sub(r'<li id="source-phu-luong-2023">.*?</li>', "", html, flags=re.S)
    if broken == html:  # Phú Lương is listed on the Thái Nguyên page only if cited there
        broken = re.sub(r'<li id="source-[^"]+">.*?</li>', "", html, count=1, flags=re.S)
    assert check.unlisted_sources(broken, dataset)


def test_one_h1_headings_in_order_each_table_once(pages):
    for name, html in pages.items():
        assert check.heading_problems(html) == [], name
    html = pages["profile-bac-kan.html"]
    assert check.heading_problems(html.replace("<h2", "<h4", 1).replace("</h2>", "</h4>", 1))
    table = re.search(r"<table.*?</table>", html, re.S).group(0)
    assert "a table is shown twice" in check.heading_problems(html + table)


def test_every_downloaded_row_is_a_data_row(pages, dataset):
    obs = dataset.observations.set_index("observation_id")
    for name, html in pages.items():
        soup = check.soup_of(html)
        for rows in check.downloads(soup):
            if rows and "observation_id" not in rows[0]:
                continue  # a table of the page's own (the merger pairs), not data rows
            for row in rows:
                oid = row["observation_id"]
                assert oid in obs.index, (name, oid)
                assert float(row["value"]) == pytest.approx(float(obs.loc[oid, "value"]))


def test_every_table_download_holds_exactly_its_rows(pages):
    problems = [f"{name}: {p}" for name, html in pages.items()
                for p in check.table_download_mismatches(html)]  # fmt: skip
    assert not problems, "\n".join(problems)


def test_a_download_with_a_row_too_many_is_caught(pages, dataset):
    name, html = next((n, h) for n, h in pages.items() if n.startswith("profile-"))
    assert not check.table_download_mismatches(html)
    # the first table's download replaced by one holding one more observation
    import base64

    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    table = next(t for t in soup.find_all("table") if t.select("details.prov p.obs-id code"))
    caption = table.find_next(lambda t: t.name == "p" and "caption" in (t.get("class") or []))
    link = caption.select_one("a.download")
    rows = check.download_bytes(link["href"]).decode("utf-8-sig").splitlines()
    other = dataset.observations["observation_id"].astype(str)
    shown = {c.get_text() for c in table.select("details.prov p.obs-id code")}
    extra = next(i for i in other if i not in shown)
    rows.append(extra + rows[1][rows[1].index(",") :])
    link["href"] = (
        "data:text/csv;charset=utf-8;base64," + base64.b64encode("\n".join(rows).encode()).decode()
    )
    assert any(extra in p for p in check.table_download_mismatches(str(soup)))


def _dangling_anchors(html: str) -> set[str]:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    ids = {tag["id"] for tag in soup.find_all(id=True)}
    return {a["href"][1:] for a in soup.select('a[href^="#"]') if a["href"][1:] not in ids}


def test_every_evidence_link_reaches_its_source_on_the_page(pages):
    # issue 16: a figure's evidence names its source by a link to the Sources section, where
    # the source's title and address are given once
    assert any('href="#source-' in html for html in pages.values())
    dangling = {name: sorted(_dangling_anchors(html)) for name, html in pages.items()}
    assert not any(dangling.values()), {k: v for k, v in dangling.items() if v}
    name, html = next(iter(pages.items()))
    assert _dangling_anchors(html.replace('id="source-', 'id="gone-', 1))


def test_no_section_is_empty(pages):
    problems = [f"{n}: {p}" for n, h in pages.items() for p in check.empty_sections(h)]
    assert not problems, problems
    assert check.empty_sections("<main><h2>A</h2><h2>B</h2><p>x</p></main>") == [
        "'A' has nothing under it"
    ]


def test_developer_text_stays_in_the_notebook(pages):
    for name, html in pages.items():
        text = check._content(check.soup_of(html)).get_text(" ")
        for phrase in ("set `province`", "Set province", "run all cells", "## Load"):
            assert phrase not in text, (name, phrase)
        assert not re.search(r"<h2[^>]*>\s*Load\s*</h2>", html), name


# --- both languages ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def place_names(dataset):
    return set(dataset.geographies["name"].astype(str))


def test_every_report_is_rendered_in_both_languages(rendered_reports, pages):
    english = {n for n in pages if not n.endswith(".vi.html")}
    assert english and {n.removesuffix(".html") + ".vi.html" for n in english} <= set(pages)
    for name, html in pages.items():
        expected = "vi" if name.endswith(".vi.html") else "en"
        assert check.page_language(html) == expected, name
    for index, language in (("index.html", "en"), ("index.vi.html", "vi")):
        html = (rendered_reports / index).read_text(encoding="utf-8")
        assert check.page_language(html) == language
        linked = set(re.findall(r'href="([^"/]+\.html)"', html)) - {"index.html", "index.vi.html"}
        assert linked == {n for n in pages if n.endswith(".vi.html") == (language == "vi")}


def test_twin_links_resolve(rendered_reports, pages):
    for name, html in pages.items():
        assert check.broken_twin_links(html, rendered_reports) == [], name
    for index in ("index.html", "index.vi.html"):
        html = (rendered_reports / index).read_text(encoding="utf-8")
        assert check.broken_twin_links(html, rendered_reports) == [], index


def test_a_broken_twin_link_is_caught(rendered_reports, pages):
    html = pages["profile-bac-kan.html"].replace("profile-bac-kan.vi.html", "nowhere.vi.html")
    assert check.broken_twin_links(html, rendered_reports)


def test_headings_are_in_the_page_language(pages, place_names):
    for name, html in pages.items():
        assert check.headings_in_the_other_language(html, place_names) == [], name


def test_a_heading_in_the_other_language_is_caught(pages, place_names):
    vi = pages["profile-bac-kan.vi.html"].replace("</h1>", "</h1><h2>Key figures</h2>", 1)
    assert check.headings_in_the_other_language(vi, place_names)
    en = pages["profile-bac-kan.html"].replace("</h1>", "</h1><h2>Số liệu chính</h2>", 1)
    assert check.headings_in_the_other_language(en, place_names)
    # place names and legal references are the same in both languages
    ok = pages["profile-bac-kan.html"].replace(
        "</h1>", "</h1><h2>Bắc Kạn under Decree 07/2021/NĐ-CP</h2>", 1
    )
    assert not check.headings_in_the_other_language(ok, place_names)


def test_numbers_use_the_page_language_notation(pages):
    for name, html in pages.items():
        assert check.numbers_in_the_other_notation(html) == [], name


def test_a_number_in_the_other_notation_is_caught(pages, dataset, allowed):
    vi = pages["profile-bac-kan.vi.html"].replace("</h1>", "</h1><p>Giảm 117.3 tỷ đồng.</p>", 1)
    assert any("117.3" in p for p in check.numbers_in_the_other_notation(vi))
    # a count in English notation reads as a decimal in Vietnamese: 12,345 → 12.345
    vi = pages["profile-bac-kan.vi.html"].replace("</h1>", "</h1><p>Có 12,345 hộ.</p>", 1)
    assert any("12,345" in p for p in check.untraceable_numbers(vi, dataset, allowed["vi"]))
    en = pages["profile-bac-kan.html"].replace("</h1>", "</h1><p>Fell 26,93 points.</p>", 1)
    assert any("26,93" in p for p in check.numbers_in_the_other_notation(en))
