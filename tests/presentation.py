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

from helpers.format import format_number
from helpers.vocabulary import KIND_LABELS, QUALIFIER_WORDS

NUMBER = re.compile(
    r"(?<![\w.,/-])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\w-])"  # 12,345.6
    r"|(?<![\w.,/-])\d+(?:\.\d+)?(?![\w-])"  # 17.02
)
OBS_ID = re.compile(r"^[a-z0-9-]+-\d{3}$")


def soup_of(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def _content(soup: BeautifulSoup) -> BeautifulSoup:
    """The report's own content: without evidence blocks, the chrome, the table of contents."""
    copy = soup_of(str(soup))
    # the sources' own words and titles, and the legal definitions of the two standards (law
    # transcribed in helpers.standards, not figures of the dataset)
    # the bibliography (dates, addresses, how a date was inferred) is not figures either
    quoted = "cite, blockquote, [lang=vi], .legal-definitions, ol.sources, a[href^=http]"
    for tag in copy.select(f"details, header, footer, nav, script, style, code, {quoted}"):
        tag.decompose()
    return copy


def observation_ids_on(soup: BeautifulSoup) -> set[str]:
    """Observation ids named in the page's evidence blocks."""
    return {c.get_text() for c in soup.select("details.prov p.obs-id code")}


def downloads(tag) -> list[list[dict[str, str]]]:
    """The CSV downloads inside a tag, decoded."""
    out = []
    for link in tag.select('a.download[href^="data:text/csv"]'):
        payload = link["href"].split("base64,", 1)[1]
        text = base64.b64decode(payload).decode("utf-8")
        out.append(list(csv.DictReader(io.StringIO(text))))
    return out


def _allowed_numbers(dataset) -> set[str]:
    """Every way a number from the data may be shown: each value at 0–3 decimals, and the values
    computed from them in the open (per programme year, shares of a total, falls between years,
    per household)."""
    values = [float(v) for v in dataset.observations["value"].dropna()]
    derived = []
    for v in values:
        derived += [v / n for n in range(1, 6)] + [v * 1000 / c for c in values if c > 100]
    rates = [v for v in values if 0 < v < 100]
    for count in (v for v in values if v >= 100):  # households implied by count ÷ rate,
        for rate in rates:  # with the range that the rate's printed rounding allows
            derived += [count * 100 / (rate + step) for step in (0, -0.005, 0.005, -0.05, 0.05)]
    for a, b in combinations(values, 2):
        derived += [abs(a - b)]
        if b:
            derived.append(100 * a / b)
        if a:
            derived.append(100 * b / a)
    shown = set()
    for v in values + derived:
        for d in (None, 0, 1, 2):
            shown.add(format_number(v, d))
    return shown


def untraceable_numbers(html: str, dataset, allowed: set[str] | None = None) -> list[str]:
    """Numbers in the page's text that no data value (or open computation on them) gives.

    Years (1990–2030) and small counts (below 100: figures, projects, sources) are exempt.
    """
    allowed = allowed if allowed is not None else _allowed_numbers(dataset)
    text = _content(soup_of(html)).get_text(" ")
    problems = []
    for match in NUMBER.finditer(text):
        token = match.group(0)
        number = float(token.replace(",", ""))
        if "." not in token and (number < 100 or 1990 <= number <= 2030):
            continue
        if token not in allowed:
            context = text[max(0, match.start() - 40) : match.end() + 20].replace("\n", " ")
            problems.append(f"{token!r} in …{context}…")
    return problems


def degenerate_charts(html: str) -> list[str]:
    """Charts drawn from fewer than two values (their download holds the rows behind them)."""
    problems = []
    for i, figure in enumerate(soup_of(html).select("figure")):
        rows = [r for d in downloads(figure) for r in d]
        values = {(r.get("observation_id"), r.get("value")) for r in rows}
        if len(values) < 2:
            problems.append(f"figure {i + 1} is drawn from {len(values)} value(s)")
        img = figure.find("img")
        alt = (img.get("alt") or "").strip() if img else ""
        if not alt or "No description" in alt:
            problems.append(f"figure {i + 1} has no alt text")
    return problems


def unlabelled_kinds(html: str, dataset) -> list[str]:
    """Table rows of targets, plans and estimates that do not say which they are."""
    problems = []
    for row in soup_of(html).select('tr[class^="kind-"]'):
        kind = row["class"][0].removeprefix("kind-")
        cells = [td.get_text(" ", strip=True) for td in row.find_all("td", recursive=False)]
        if kind != "actual" and KIND_LABELS.get(kind, kind) not in cells:
            problems.append(f"a {kind} row does not say so: {cells[:3]}")
    return problems


def _is_vietnamese(soup: BeautifulSoup) -> bool:
    html = soup.find("html")
    return html is not None and html.get("lang") == "vi"


def lost_qualifiers(html: str, dataset) -> list[str]:
    """Rows showing a figure printed "over", "at least", "below", "gần" without that word.

    A Vietnamese page may say it in either language ("trên" or "over"): the check is that the
    qualifier is kept, not which language it is in.
    """
    obs = dataset.observations.set_index("observation_id")
    soup = soup_of(html)
    languages = (0, 1) if _is_vietnamese(soup) else (0,)
    more = ("or more", "trở lên") if _is_vietnamese(soup) else ("or more",)
    problems = []
    for row in soup.select("tr"):
        ids = {c.get_text() for c in row.select("details.prov p.obs-id code")}
        if not ids:
            continue
        shown = _content(soup_of(str(row))).get_text(" ")
        for oid in ids & set(obs.index):
            qualifier = str(obs.loc[oid, "qualifier"])
            pair = QUALIFIER_WORDS.get(qualifier, ("", ""))
            words = [pair[i].strip() for i in languages]
            if qualifier in ("over", "at least", "below", "about") and not any(
                w in shown for w in words
            ):
                problems.append(f"{oid}: printed '{qualifier}', shown without '{words[0]}'")
            excerpt = str(obs.loc[oid, "excerpt"])
            if (
                qualifier.startswith("range")
                and "trở lên" in excerpt
                and not any(m in shown for m in more)
            ):
                problems.append(f"{oid}: printed 'trở lên', shown without 'or more'")
    return problems


def false_comparisons(html: str, dataset) -> list[str]:
    """Rows called comparable whose figures differ in kind, period, standard or measure."""
    obs = dataset.observations.set_index("observation_id")
    soup = soup_of(html)
    problems = []
    text = _content(soup).get_text(" ")
    if re.search(r"\bso comparable\b", text):
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
