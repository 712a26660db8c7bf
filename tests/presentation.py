"""Checks over a rendered report page, each returning the problems it finds (empty: none).

They read the HTML as a reader's browser would (BeautifulSoup), and the data from ``data/``;
``tests/test_presentation.py`` runs them on every rendered page and on deliberately broken
copies, to show that each can fail.
"""

from __future__ import annotations

import base64
import csv
import io
import re
from itertools import combinations

from bs4 import BeautifulSoup

from helpers import vocabulary
from helpers.format import format_number
from helpers.i18n import LANGUAGES
from helpers.vocabulary import KIND_LABELS, QUALIFIER_WORDS

# Numbers as each language writes them: English 12,345.6 and 17.02; Vietnamese 12.345,6, 17,02.
NUMBERS = {
    "en": re.compile(
        r"(?<![\w.,/-])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\w-])"  # 12,345.6
        r"|(?<![\w.,/-])\d+(?:\.\d+)?(?![\w-])"  # 17.02
    ),
    "vi": re.compile(
        r"(?<![\w.,/-])\d{1,3}(?:\.\d{3})+(?:,\d+)?(?![\w-])"  # 12.345,6
        r"|(?<![\w.,/-])\d+(?:,\d+)?(?![\w-])"  # 17,02
    ),
}
NUMBER = NUMBERS["en"]
SEPARATORS = {"en": (",", "."), "vi": (".", ",")}  # (thousands, decimal)


def page_language(html: str) -> str:
    """The ``lang`` of the page's ``<html>`` element (``en`` when it has none)."""
    match = re.search(r"<html[^>]*\blang=\"([a-z]+)\"", html[:2000])
    return match.group(1) if match and match.group(1) in LANGUAGES else "en"


def parse_number(token: str, language: str) -> float:
    """A number token as written in ``language`` (``"21.946"`` in Vietnamese is 21946)."""
    thousands, decimal = SEPARATORS[language]
    return float(token.replace(thousands, "").replace(decimal, "."))


OBS_ID = re.compile(r"^[a-z0-9-]+-\d{3}$")


def soup_of(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def _content(soup: BeautifulSoup) -> BeautifulSoup:
    """The report's own content: without evidence blocks, the chrome, the table of contents."""
    copy = soup_of(str(soup))
    # the sources' own words and titles, and the legal definitions of the two standards (law
    # transcribed in helpers.standards, not figures of the dataset)
    # the bibliography (dates, addresses, how a date was inferred) is not figures either
    # (any element with its own lang: quoted Vietnamese on English pages, prose from data/ in
    # English on Vietnamese pages, links to the other language's page)
    quoted = "cite, blockquote, body [lang], .legal-definitions, ol.sources, a[href^=http]"
    for tag in copy.select(f"details, header, footer, nav, script, style, code, {quoted}"):
        tag.decompose()
    # the page "Working with the data" shows the analysis tables as pandas prints them (code
    # output, in Python's notation, beside the code that made them): not the page's prose
    kind = copy.find("meta", attrs={"name": "report-kind"})
    if kind is not None and kind.get("content") == "data":
        for tag in copy.select("table.dataframe"):
            tag.decompose()
    return copy


def observation_ids_on(soup: BeautifulSoup) -> set[str]:
    """Observation ids named in the page's evidence blocks."""
    return {c.get_text() for c in soup.select("details.prov p.obs-id code")}


# The folder of the rendered pages, whose downloads are files beside them (``downloads/``):
# set by the tests that read rendered pages (a notebook's own output embeds them instead).
PAGES_DIR: list = []


def download_bytes(href: str) -> bytes:
    """A download's bytes: embedded (``data:text/csv;…;base64,``) or a file beside the pages."""
    if href.startswith("data:text/csv"):
        return base64.b64decode(href.split("base64,", 1)[1])
    if not PAGES_DIR:
        raise AssertionError(f"download {href} is a file, and no pages folder is set")
    return (PAGES_DIR[-1] / href).read_bytes()


def downloads(tag) -> list[list[dict[str, str]]]:
    """The CSV downloads inside a tag, decoded (they start with a BOM, for Excel)."""
    out = []
    for link in tag.select("a.download[href]"):
        href = link["href"]
        if not (href.startswith("data:text/csv") or href.endswith(".csv")):
            continue
        text = download_bytes(href).decode("utf-8-sig")
        out.append(list(csv.DictReader(io.StringIO(text))))
    return out


def _related_pairs(dataset):
    """Pairs of values a page may set against each other: of one geography, or of one source.

    A statistics-office table holds one rate per area and year for every province; within
    such a source only rates of one year pair with that year's national and regional rates
    (a province against the nation), not every province with every other, which would let
    almost any number pass.
    """
    obs = dataset.observations.dropna(subset=["value"])
    tables = set(
        dataset.sources.loc[
            dataset.sources["source_type"].astype(str) == "statistics office table", "source_id"
        ].astype(str)
    )
    levels = dict(
        zip(dataset.geographies["geography_id"].astype(str),
            dataset.geographies["level"].astype(str), strict=True)
    )  # fmt: skip
    rows = list(
        zip(obs["value"].astype(float), obs["geography_id"].astype(str),
            obs["source_id"].astype(str), obs["period_end"], strict=True)
    )  # fmt: skip
    pairs = set()
    by_geo, by_source = {}, {}
    for i, (_, geo, source, year) in enumerate(rows):
        by_geo.setdefault(geo, []).append(i)
        key = (source, year) if source in tables else (source, None)
        by_source.setdefault(key, []).append(i)
    for group in by_geo.values():
        pairs.update(combinations(group, 2))
    for (source, _), group in by_source.items():
        if source not in tables:
            pairs.update(combinations(group, 2))
            continue
        wide = [i for i in group if levels.get(rows[i][1]) in ("nation", "region")]
        pairs.update((a, b) for a in wide for b in group if a != b)
    return [(rows[a][0], rows[b][0], rows[a][1] == rows[b][1]) for a, b in pairs]


def _allowed_numbers(dataset, language: str = "en") -> set[str]:
    """Every way a number from the data may be shown: each value at 0–3 decimals, and the values
    computed from them in the open (per programme year, shares of a total, falls between years,
    per household), between values of one geography or one source (see _related_pairs)."""
    values = [float(v) for v in dataset.observations["value"].dropna()]
    derived = []
    for v in values:
        derived += [v / n for n in range(1, 6)]
    for a, b, same_geography in _related_pairs(dataset):
        derived += [abs(a - b)]
        if b:
            derived.append(100 * a / b)
        if a:
            derived.append(100 * b / a)
        for count, other in ((a, b), (b, a)):
            if count > 100 and other:
                derived.append(other * 1000 / count)
            if same_geography and count >= 100 and 0 < other < 100:
                # households implied by count ÷ rate, with the range the rate's rounding allows
                derived += [
                    count * 100 / (other + step) for step in (0, -0.005, 0.005, -0.05, 0.05)
                ]
    shown = set()
    for v in values + derived:
        for d in (None, 0, 1, 2):
            shown.add(format_number(v, d, notation=language))
    return shown


def untraceable_numbers(html: str, dataset, allowed: set[str] | None = None) -> list[str]:
    """Numbers in the page's text that no data value (or open computation on them) gives.

    Numbers are read in the page's language (its ``<html lang>``): a number written in the
    other language's notation does not match its value and is reported. Years (1990–2030) and
    small counts (below 100: figures, projects, sources) are exempt.
    """
    language = page_language(html)
    allowed = allowed if allowed is not None else _allowed_numbers(dataset, language)
    decimal = SEPARATORS[language][1]
    text = _content(soup_of(html)).get_text(" ")
    problems = []
    for match in NUMBERS[language].finditer(text):
        token = match.group(0)
        number = parse_number(token, language)
        if decimal not in token and (number < 100 or 1990 <= number <= 2030):
            continue
        if token not in allowed:
            context = text[max(0, match.start() - 40) : match.end() + 20].replace("\n", " ")
            problems.append(f"{token!r} in …{context}…")
    return problems


def charts(soup: BeautifulSoup) -> list[tuple]:
    """Each chart of a page as ``(img, caption)``: a ``<figure>`` (an HTML output) with its
    caption inside, or an image output followed by the output holding its caption."""
    found = [(figure.find("img"), figure) for figure in soup.select("figure")]
    for img in soup.select("div.jp-RenderedImage img"):
        output = img.find_parent(class_="jp-OutputArea-child")
        after = output.find_next_sibling(class_="jp-OutputArea-child") if output else None
        found.append((img, after))
    return found


def degenerate_charts(html: str) -> list[str]:
    """Charts drawn from fewer than two values (their download holds the rows behind them)."""
    problems = []
    for i, (img, caption) in enumerate(charts(soup_of(html))):
        rows = [r for d in downloads(caption) for r in d] if caption is not None else []
        values = {(r.get("observation_id"), r.get("value")) for r in rows}
        if len(values) < 2:
            problems.append(f"figure {i + 1} is drawn from {len(values)} value(s)")
        alt = (img.get("alt") or "").strip() if img else ""
        if not alt or "No description" in alt:
            problems.append(f"figure {i + 1} has no alt text")
    return problems


def unlabelled_kinds(html: str, dataset) -> list[str]:
    """Table rows of targets, plans and estimates that do not say which they are."""
    problems = []
    index = LANGUAGES.index(page_language(html))
    for row in soup_of(html).select('tr[class^="kind-"]'):
        kind = row["class"][0].removeprefix("kind-")
        cells = [td.get_text(" ", strip=True) for td in row.find_all("td", recursive=False)]
        shown = (
            vocabulary.text(KIND_LABELS[kind], LANGUAGES[index]) if kind in KIND_LABELS else kind
        )
        if kind != "actual" and shown not in cells:
            problems.append(f"a {kind} row does not say so: {cells[:3]}")
    return problems


def lost_qualifiers(html: str, dataset) -> list[str]:
    """Rows showing a figure printed "over", "at least", "below", "gần" without that word, in
    the page's language ("trên" on a Vietnamese page)."""
    obs = dataset.observations.set_index("observation_id")
    problems = []
    index = LANGUAGES.index(page_language(html))
    or_more = ("or more", "trở lên")[index]
    for row in soup_of(html).select("tr"):
        ids = {c.get_text() for c in row.select("details.prov p.obs-id code")}
        if not ids:
            continue
        shown = _content(soup_of(str(row))).get_text(" ")
        for oid in ids & set(obs.index):
            qualifier = str(obs.loc[oid, "qualifier"])
            entry = QUALIFIER_WORDS.get(qualifier, "")
            word = vocabulary.text(entry, LANGUAGES[index]).strip()
            if qualifier in ("over", "at least", "below", "about") and word not in shown:
                problems.append(f"{oid}: printed '{qualifier}', shown without '{word}'")
            excerpt = str(obs.loc[oid, "excerpt"])
            if qualifier.startswith("range") and "trở lên" in excerpt and or_more not in shown:
                problems.append(f"{oid}: printed 'trở lên', shown without '{or_more}'")
    return problems


def false_comparisons(html: str, dataset) -> list[str]:
    """Rows called comparable whose figures differ in kind, period, standard or measure."""
    obs = dataset.observations.set_index("observation_id")
    soup = soup_of(html)
    problems = []
    text = _content(soup).get_text(" ")
    if re.search(r"\bso comparable\b|nên so sánh được", text):
        problems.append("the page calls figures comparable without checking them")
    keys = ["indicator_id", "kind", "period_start", "period_end", "poverty_standard"]
    for row in soup.select("tr"):
        cells = [td.get_text(" ", strip=True) for td in row.find_all("td", recursive=False)]
        if not {"yes", "có"} & set(cells):  # the comparison's "comparable" column, en and vi
            continue
        ids = [c.get_text() for c in row.select("details.prov p.obs-id code")]
        described = {tuple(str(obs.loc[i, k]) for k in keys) for i in ids if i in obs.index}
        if len(described) > 1:
            problems.append(f"row called comparable across {sorted(described)}")
    return problems


def unlisted_sources(html: str, dataset) -> list[str]:
    """Sources behind the figures on the page that its Sources section does not list."""
    soup = soup_of(html)
    obs = dataset.observations.set_index("observation_id")
    behind = {str(obs.loc[i, "source_id"]) for i in observation_ids_on(soup) if i in obs.index}
    listed = {li["id"].removeprefix("source-") for li in soup.select("ol.sources li[id]")}
    return [f"source {s} is cited but not listed" for s in sorted(behind - listed)]


def heading_problems(html: str) -> list[str]:
    """One h1, headings in order (no level skipped), and no table shown twice."""
    soup = soup_of(html)
    problems = []
    h1 = soup.find_all("h1")
    if len(h1) != 1:
        problems.append(f"{len(h1)} h1 elements")
    last = 1
    for h in soup.find_all(re.compile(r"^h[1-6]$")):
        level = int(h.name[1])
        if level > last + 1:
            problems.append(f"heading {h.get_text(strip=True)!r} skips from h{last} to h{level}")
        last = level
    tables = [str(t) for t in soup.select("table")]
    if len(tables) != len(set(tables)):
        problems.append("a table is shown twice")
    return problems


# --- languages -----------------------------------------------------------------------------------

# Words that only an English heading has (Vietnamese headings share none of them).
ENGLISH_WORDS = set(
    "the and of in for what how which who whom by per to from with is are was were did does "
    "rate rates poverty poor households household sources source figures figure key findings "
    "money targets target results result reached other units inside standard standards "
    "programme province provinces comparison coverage merged where stand can be side reports "
    "profile profiles dataset say not do gaps people".split()
)
VIETNAMESE_LETTERS = re.compile(
    "[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]", re.IGNORECASE
)
LEGAL_REFERENCE = re.compile(r"\b\d+/\d{4}/[A-ZĐ-]+|\b(?:QĐ|NĐ|TTg|CP|MTQG)\b")


def _headings(html: str) -> list[str]:
    soup = soup_of(html)
    main = soup.find("main") or soup
    for tag in main.select("nav, details, [lang]"):
        tag.decompose()
    return [h.get_text(" ", strip=True) for h in main.find_all(re.compile(r"^h[1-6]$"))]


def headings_in_the_other_language(html: str, names: set[str]) -> list[str]:
    """Headings written in the other language than the page's (place names and legal
    references, the same in both, are left out first)."""
    language = page_language(html)
    problems = []
    for heading in _headings(html):
        text = heading
        for name in sorted(names, key=len, reverse=True):
            text = text.replace(name, " ")
        text = LEGAL_REFERENCE.sub(" ", text)
        words = set(re.findall(r"[^\W\d_]+", text.lower()))
        if language == "vi" and words & ENGLISH_WORDS:
            problems.append(f"English heading on a Vietnamese page: {heading!r}")
        if language == "en" and VIETNAMESE_LETTERS.search(text):
            problems.append(f"Vietnamese heading on an English page: {heading!r}")
    return problems


def numbers_in_the_other_notation(html: str) -> list[str]:
    """Decimal numbers written in the other language's notation (``17.02`` on a Vietnamese
    page, ``17,02`` on an English one), outside quoted text."""
    language = page_language(html)
    other = {"en": r"\d+,\d{1,2}", "vi": r"\d+\.\d{1,2}"}[language]
    pattern = re.compile(rf"(?<![\w.,/-]){other}(?![\w.,/-]*\d)")
    text = _content(soup_of(html)).get_text(" ")
    return [
        f"{m.group(0)!r} in …{text[max(0, m.start() - 40) : m.end() + 20]}…"
        for m in pattern.finditer(text)
    ]


def broken_twin_links(html: str, folder) -> list[str]:
    """Links to the page's versions in other languages that do not resolve in ``folder``."""
    soup = soup_of(html)
    problems = []
    links = soup.select('a.twin, link[rel="alternate"][hreflang]')
    if not links:
        problems.append("no link to the page in the other language")
    for link in links:
        href = link.get("href", "")
        target = folder / href
        if not href or not target.is_file():
            problems.append(f"twin link {href!r} does not resolve")
        elif page_language(target.read_text(encoding="utf-8")) != link.get("hreflang"):
            problems.append(f"twin link {href!r} is not a page in {link.get('hreflang')!r}")
    return problems


def table_download_mismatches(html: str) -> list[str]:
    """Tables of facts whose download does not hold exactly the rows the table shows (by the
    observation ids of its evidence cells; a table cut to its first rows may show fewer)."""
    problems = []
    soup = soup_of(html)
    for number, table in enumerate(soup.find_all("table"), 1):
        shown = {c.get_text() for c in table.select("details.prov p.obs-id code")}
        if not shown:
            continue
        caption = table.find_next(
            lambda t: (
                t.name == "p" and "caption" in (t.get("class") or []) and t.select("a.download")
            )
        )
        if caption is None or caption.find_previous("table") is not table:
            problems.append(f"table {number}: no download after it")
            continue
        cut = False  # a caption without a download between them: "only the first N rows"
        for paragraph in table.find_all_next("p"):
            if paragraph is caption:
                break
            cut = cut or "caption" in (paragraph.get("class") or [])
        rows = [r for d in downloads(caption) for r in d]
        held = {r.get("observation_id", "") for r in rows}
        if (not cut and held != shown) or (cut and not shown <= held):
            extra, lacking = sorted(held - shown)[:3], sorted(shown - held)[:3]
            problems.append(f"table {number}: download holds {extra} not shown, lacks {lacking}")
    return problems


def empty_sections(html: str) -> list[str]:
    """Headings followed straight by another heading of the same or a higher level: a section
    with nothing in it (the standards page had its series heading over the rates heading)."""
    soup = soup_of(html)
    main = soup.find("main") or soup
    headings = main.find_all(["h2", "h3"])
    problems = []
    for first, second in zip(headings, headings[1:], strict=False):
        between = []
        for element in first.next_elements:
            if element is second:
                break
            if isinstance(element, str):
                between.append(element)
        text = "".join(between).replace(first.get_text(), "", 1).strip()
        if not text and int(second.name[1]) <= int(first.name[1]):
            problems.append(f"{first.get_text(' ', strip=True)!r} has nothing under it")
    return problems
