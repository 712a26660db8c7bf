"""The rendered pages in a real browser: Playwright driving the system's headless Chromium.

Every page (the fixture reports, the real ones from the shared render, and their index pages) is
opened at desktop (1280 px) and phone (390 px) width, and checked for: console errors, requests to
any other host (there must be none: the pages are self-contained), text wider than the phone
screen (tables may scroll inside their ``div.table-wrap``), undecoded images, the version stamp
and the link back to the index. Outline and images are checked too: one ``h1``, no heading level
skipped, a real ``alt`` text on every image, and chart images not shrunk below a readable scale.
Screenshots of every page at both widths are saved in the test's temporary folder.

Chromium is Debian's ``chromium`` package (``apt-get install -y chromium``), driven by
Playwright with ``executable_path`` (Playwright's own browser download is never used); the test
skips, saying so, when either is missing. ``CHROMIUM`` names another binary.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from reportbuild.checks import heading_problems, png_dpi
from reportbuild.screenshot import DESKTOP, PHONE, WIDTHS, browser, chromium_path, new_page

pytestmark = [pytest.mark.slow, pytest.mark.browser]

FIXTURES = Path(__file__).parent / "fixtures" / "render"
LOCAL_SCHEMES = ("file:", "data:", "about:")
# A chart drawn at 2× DPI (144 dpi) shown at less than this share of its pixel width has text
# too small to read: matplotlib's 10 pt labels fall under 9 CSS px. For another resolution the
# threshold scales with it (0.45 × 144 / dpi), so that the test is about the size of the text.
MIN_IMAGE_SCALE = 0.45
REFERENCE_DPI = 144
NO_DESCRIPTION = "No description has been provided"
NOTEBOOK_SIDE = (
    "for the notebooks (issue 7): one '# Title' per page, no heading level skipped, alt text on "
    "every chart (display(fig, metadata={'alt': ...})):\n"
)

if not Path(chromium_path()).is_file():
    pytest.skip(
        f"Chromium not found (looked for {chromium_path()}); install the Debian package: "
        "apt-get install -y chromium",
        allow_module_level=True,
    )
pytest.importorskip("playwright", reason="Playwright drives Chromium: pip install playwright")

# Text-bearing elements that must fit the screen unless they are inside a scrolling table.
OVERFLOW_JS = """(width) => {
  const wide = [];
  for (const el of document.querySelectorAll(
      'main *, header *, footer *')) {
    if (el.closest('.table-wrap') || !el.textContent.trim()) continue;
    const box = el.getBoundingClientRect();
    if (box.width > 0 && (box.right > width + 1 || box.left < -1)) {
      wide.push(`${el.tagName.toLowerCase()}.${el.className}: ${Math.round(box.right)}px ` +
                `"${el.textContent.trim().slice(0, 40)}"`);
    }
  }
  // issue 16: at phone width no chart scrolls sideways (its box as wide as what it shows)
  for (const el of document.querySelectorAll('.figure-scroll, figure, .jp-RenderedImage')) {
    if (el.scrollWidth > el.clientWidth + 1) {
      wide.push(`chart scrolls sideways: ${el.scrollWidth}px in ${el.clientWidth}px`);
    }
  }
  return {scroll: document.documentElement.scrollWidth, inner: width, wide: wide.slice(0, 5)};
}"""
IMAGES_JS = """() => Array.from(document.images).map(i => ({
  src: i.src.slice(0, 30), full: i.getAttribute('src') || '', alt: i.getAttribute('alt'),
  complete: i.complete, natural: i.naturalWidth, shown: i.getBoundingClientRect().width}))"""


def render(out: Path, *args: str, notebooks: Path | None = None, data: Path | None = None):
    env = dict(os.environ)
    if data:
        env["GN_DATA_DIR"] = str(data)
    command = [sys.executable, "-m", "reportbuild", "--out", str(out), "--no-progress", *args]
    if notebooks:
        command += ["--notebooks", str(notebooks)]
    process = subprocess.run(command, env=env, capture_output=True, text=True, timeout=900)
    assert process.returncode == 0, process.stderr
    return sorted(out.glob("*.html"))


@pytest.fixture(scope="module")
def fixture_pages(tmp_path_factory) -> list[Path]:
    return render(
        tmp_path_factory.mktemp("fixture-reports"),
        "--province",
        "bac kan",
        notebooks=FIXTURES / "notebooks",
        data=FIXTURES / "data",
    )


@pytest.fixture(scope="module")
def real_pages(rendered_reports) -> list[Path]:
    return sorted(rendered_reports.glob("*.html"))


@pytest.fixture(scope="module")
def chromium():
    with browser() as chromium:
        yield chromium


def visit(chromium, path: Path, width) -> dict:
    """Open ``path`` at ``width``; what the browser saw (errors, requests, layout, images)."""
    page = new_page(chromium, width)
    seen: dict = {"console": [], "requests": []}
    page.on(
        "console",
        lambda m: seen["console"].append(m.text) if m.type in ("error", "assert") else None,
    )
    page.on("pageerror", lambda error: seen["console"].append(str(error)))

    def route(request_route):
        url = request_route.request.url
        if url.startswith(LOCAL_SCHEMES):
            request_route.continue_()
        else:
            seen["requests"].append(url)
            request_route.abort()

    page.route("**/*", route)
    page.goto(path.as_uri(), wait_until="load")
    # The screen's width, not window.innerWidth: a phone browser widens its layout viewport to
    # fit content that overflows, which would hide the overflow.
    seen["layout"] = page.evaluate(OVERFLOW_JS, width.width)
    seen["images"] = page.evaluate(IMAGES_JS)
    seen["html"] = page.content()
    seen["stamp"] = page.locator("footer .version-stamp").all_inner_texts()
    seen["index_links"] = page.locator("a[href='index.html'], a[href='index.vi.html']").count()
    seen["page"] = page
    return seen


def layout_problems(path: Path, seen: dict, width) -> list[str]:
    """What the renderer is answerable for: errors, requests, overflow, stamp, index link."""
    label = f"{path.parent.name}/{path.name} at {width.width}px"
    problems = [f"{label}: console: {m}" for m in seen["console"]]
    problems += [f"{label}: request to another host: {u}" for u in seen["requests"]]
    layout = seen["layout"]
    if layout["scroll"] > layout["inner"]:
        problems.append(f"{label}: page {layout['scroll']}px wide on a {layout['inner']}px screen")
    problems += [f"{label}: wider than the screen: {w}" for w in layout["wide"]]
    problems += [
        f"{label}: image not decoded: {i['src']}"
        for i in seen["images"]
        if not (i["complete"] and i["natural"] > 0)
    ]
    if not path.name.startswith("index."):
        stamp = ("Data version", "Phiên bản dữ liệu")
        if not seen["stamp"] or not any(word in seen["stamp"][0] for word in stamp):
            problems.append(f"{label}: no version stamp in the footer")
        if seen["index_links"] == 0:
            problems.append(f"{label}: no link back to index.html")
    return problems


def content_problems(path: Path, seen: dict, width) -> list[str]:
    """What the notebooks are answerable for: the outline, alt texts, readable charts."""
    label = f"{path.parent.name}/{path.name} at {width.width}px"
    problems = [f"{label}: {p}" for p in heading_problems(seen["html"])]
    for image in seen["images"]:
        alt = (image["alt"] or "").strip()
        if not alt or alt.startswith(NO_DESCRIPTION):
            problems.append(f"{label}: image {image['src']}… has no description (alt)")
        scale = image["shown"] / image["natural"] if image["natural"] else 1
        dpi = png_dpi(image["full"]) or REFERENCE_DPI
        least = MIN_IMAGE_SCALE * REFERENCE_DPI / dpi
        if scale < least:
            problems.append(
                f"{label}: image ({image['natural']} px at {dpi:.0f} dpi) shown at {scale:.2f} "
                f"of its pixel width, under {least:.2f}: its 10 pt text is under 9 px"
            )
    return problems


def check(chromium, pages: list[Path], shots: Path) -> tuple[list[str], list[str]]:
    layout, content = [], []
    for width in WIDTHS:
        for path in pages:
            seen = visit(chromium, path, width)
            shot = shots / f"{path.parent.name}-{path.stem}-{width.name}.png"
            seen["page"].screenshot(path=str(shot))
            seen["page"].context.close()
            layout += layout_problems(path, seen, width)
            content += content_problems(path, seen, width)
    return layout, content


def test_fixture_pages_in_chromium(chromium, fixture_pages, tmp_path):
    layout, content = check(chromium, fixture_pages, tmp_path)
    assert layout + content == [], "\n".join(layout + content)
    assert len(list(tmp_path.glob("*.png"))) == 2 * len(fixture_pages)


def test_real_pages_in_chromium(chromium, real_pages, tmp_path):
    layout, content = check(chromium, real_pages, tmp_path)
    print(f"screenshots of {len(real_pages)} page(s) at 1280 and 390 px in {tmp_path}")
    assert layout == [], "\n".join(layout)
    assert content == [], NOTEBOOK_SIDE + "\n".join(content[:12])


def test_the_checks_catch_a_page_that_overflows_or_lacks_its_stamp(chromium, tmp_path):
    page = tmp_path / "bad.html"
    page.write_text(
        '<!DOCTYPE html><html lang="en"><head><meta name="viewport" '
        'content="width=device-width"></head><body><main><h1>a</h1><h3>b</h3>'
        f'<p style="width:900px">{"x " * 300}</p><img src="data:image/png;base64,AA">'
        '<img src="https://tracker.example/p.png" alt="x"><script>console.error("boom")</script>'
        "</main></body></html>",
        encoding="utf-8",
    )
    seen = visit(chromium, page, PHONE)
    seen["page"].context.close()
    layout = "\n".join(layout_problems(page, seen, PHONE))
    assert "console: boom" in layout and "tracker.example" in layout
    assert "wider than the screen" in layout and "no version stamp" in layout
    assert "no link back to index.html" in layout
    content = "\n".join(content_problems(page, seen, PHONE))
    assert "a level is skipped" in content and "has no description" in content


def test_fixture_profile_shows_its_chart_with_its_description(chromium, fixture_pages):
    profile = next(p for p in fixture_pages if p.name == "profile-bac-kan.html")
    seen = visit(chromium, profile, DESKTOP)
    seen["page"].context.close()
    images = seen["images"]
    assert len(images) == 1 and images[0]["full"].startswith("images/")  # a PNG beside the page
    assert images[0]["natural"] > 100
    assert images[0]["alt"] == "Bar chart of the observations of Bắc Kạn."


def test_screenshot_command_writes_both_widths(fixture_pages, tmp_path):
    command = [sys.executable, "-m", "reportbuild.screenshot", str(fixture_pages[0])]
    process = subprocess.run(
        [*command, str(tmp_path / "shots")], capture_output=True, text=True, timeout=300
    )
    assert process.returncode == 0, process.stderr
    names = sorted(p.name for p in (tmp_path / "shots").iterdir())
    assert names == [f"{fixture_pages[0].stem}-desktop.png", f"{fixture_pages[0].stem}-phone.png"]


# Tables wider than the phone screen: which scroll inside their wrapper.
TABLES_JS = """() => Array.from(document.querySelectorAll('main .table-wrap')).map(w => {
  const t = w.querySelector('table');
  return {stacked: !!(t && t.classList.contains('stack')), scroll: w.scrollWidth,
          width: w.clientWidth, text: (t ? t.innerText : '').trim().slice(0, 40)};
})"""
PRINT_JS = """() => ['nav.report-toc', 'details.prov', 'a.download', '.page-header']
  .map(s => [s, Array.from(document.querySelectorAll(s)).filter(
    e => getComputedStyle(e).display !== 'none').length])"""


def table_problems(chromium, pages: list[Path]) -> list[str]:
    """At 390 px, a table scrolls sideways only when it was left unstacked (more than four
    numeric columns, merged cells or no header row: reportbuild.html.stack_on_phones)."""
    problems = []
    for path in pages:
        page = new_page(chromium, PHONE)
        page.goto(path.as_uri(), wait_until="load")
        for table in page.evaluate(TABLES_JS):
            if table["stacked"] and table["scroll"] > table["width"] + 1:
                problems.append(
                    f"{path.name}: stacked table {table['scroll']}px in {table['width']}px: "
                    f"{table['text']!r}"
                )
        page.emulate_media(media="print")
        shown = {selector: n for selector, n in page.evaluate(PRINT_JS) if n}
        if shown:
            problems.append(f"{path.name}: shown in print: {shown}")
        page.context.close()
    return problems


def test_tables_fit_a_phone_as_cards_and_print_leaves_out_navigation(chromium, real_pages):
    assert table_problems(chromium, real_pages) == []


def test_the_table_check_catches_a_stacked_table_that_overflows(chromium, tmp_path):
    wide = "x" * 400
    page = tmp_path / "wide.html"
    css = (Path(__file__).parents[1] / "src/reportbuild/templates/report/brief.css").read_text()
    page.write_text(
        f"<html><head><style>{css}</style></head><body><main><div class=table-wrap>"
        f"<table class=stack><thead><tr><th>a</th></tr></thead><tbody><tr>"
        f"<td data-label=a><code style='white-space:nowrap;overflow-wrap:normal'>{wide}</code>"
        "</td></tr></tbody></table></div><details class=prov open><summary>s</summary>e</details>"
        "</main></body></html>",
        encoding="utf-8",
    )
    problems = table_problems(chromium, [page])
    assert any("stacked table" in p for p in problems), problems
    assert not any("shown in print" in p for p in problems), problems


@pytest.mark.slow
def test_every_real_page_keeps_its_weight_and_length_budget(chromium, real_pages):
    """Issue 16: every page at most 300 KB with its images; a profile at most 15 phone screens,
    the comparison at most 25 (reportbuild.budget, also benchmarks/page_budget.py)."""
    from reportbuild.budget import measure, table

    measures = measure(real_pages, chromium)
    print(table(measures))
    assert {m.kind for m in measures} >= {"profile", "compare"}
    problems = [p for m in measures for p in m.problems()]
    assert not problems, "\n".join(problems)


def test_the_budget_finds_a_page_over_it(tmp_path):
    from reportbuild.budget import Measure

    heavy = Measure(tmp_path / "profile-x.html", 290 * 1024, 20 * 1024, 16.0, 100)
    assert len(heavy.problems()) == 2
    light = Measure(tmp_path / "compare-provinces.html", 100, 0, 24.0, 100)
    assert light.problems() == []
