"""An executed notebook as one self-contained, safe, reproducible HTML page with its chrome.

The page is nbconvert's ``lab`` page structure through the project template
(``reportbuild/templates/report``), without JupyterLab's 264 KB of CSS: the template inlines
``brief.css``, the only styles the pages use. Code is hidden, nothing is fetched from another
host, images are embedded. Every page gets:

- ``<html lang>`` the report's language, and a link to each of its versions in the other
  languages (``profile-bac-kan.vi.html`` beside ``profile-bac-kan.html``), with the page chrome
  written in the report's language (messages in :data:`CHROME`);
- a header linking back to the index in its language, and a footer with the data version
  (hash of the data files the render read), the code version (git commit), and how to cite
  the page;
- a table of contents of its h2/h3 headings, those of Markdown and HTML *outputs* included,
  after the part holding the page's one ``<h1>`` (which the notebook's output provides);
- a stable ``id`` on every heading (a slug of its text) and every table in a ``div.table-wrap``
  that scrolls sideways on a phone instead of the page;
- every PNG chart a ``min-width`` below which its text would be unreadable (10 pt under 9 CSS
  px, from its pixel width and recorded dpi), in a ``div.figure-scroll`` that scrolls sideways
  when the screen is narrower than that.

Cell tags, as in Jupyter Book and nbconvert's TagRemovePreprocessor: ``remove-cell`` leaves the
cell out, ``remove-input`` keeps only its outputs (for Markdown cells: hides the cell),
``remove-output`` keeps no output. Code is hidden on every page anyway.

Before export, :func:`report_ready` makes the notebook safe and stable: Markdown and HTML go
through :mod:`reportbuild.sanitize`; stderr streams (warnings) and results that are only an
object's ``repr`` with a memory address (``<Axes at 0x7f…>``) are left out.
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import asdict
from pathlib import Path

import nbformat
from bs4 import BeautifulSoup
from nbconvert import HTMLExporter
from nbconvert.preprocessors import TagRemovePreprocessor
from traitlets.config import Config
from traitlets.log import get_logger

from helpers.i18n import LANGUAGE_NAMES, N_, page_file, translation
from helpers.names import fold_name
from reportbuild.catalog import Report
from reportbuild.checks import png_dpi, png_width
from reportbuild.sanitize import clean_html, markdown_html
from reportbuild.versions import Stamp

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
TEMPLATE_NAME = "report"
TOC_LEVELS = ("h2", "h3")
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
REMOVE_CELL, REMOVE_INPUT, REMOVE_OUTPUT = "remove-cell", "remove-input", "remove-output"

# Output types a report shows; anything else (JavaScript, widgets, LaTeX …) is dropped.
SHOWN_TYPES = ("text/html", "text/markdown", "image/svg+xml", "image/png", "image/jpeg")
ADDRESS_REPR = re.compile(r"<[^<>]* at 0x[0-9a-fA-F]+>")


def report_html(nb: nbformat.NotebookNode, report: Report, stamp: Stamp | None = None) -> str:
    """The HTML page of executed notebook ``nb`` for ``report`` (the notebook is not modified)."""
    nb = report_ready(nb, report, stamp or Stamp())
    body, _ = _exporter().from_notebook_node(nb, resources={"metadata": {"name": report.title}})
    return finish_page(body, report.language)


# The page chrome's messages (English; marked with N_ for pybabel extract), by the template's name.
CHROME = {
    "back": N_("← All reports"),
    "site": N_("Giảm nghèo: poverty reduction in Vietnam's northern mountain provinces"),
    "data_version": N_("Data version"),
    "data_version_note": N_("(sha256 of the data files read)"),
    "code_version": N_("code version"),
    "published_up_to": N_("sources published up to"),
    "how_to_cite": N_("How to cite this page:"),
    "project": N_("Giảm nghèo notebooks"),
    "version": N_("version"),
    "code": N_("code"),
    "data": N_("data"),
    "sources_up_to": N_("sources up to"),
    "all_reports": N_("All reports and the dataset"),
    "rendered_from": N_("rendered from"),
    "with": N_("with the parameters"),
    "other_language": N_("This page in"),
}
CONTENTS = N_("Contents")


def chrome(language: str) -> dict[str, str]:
    """The chrome's messages in ``language``."""
    return {key: translation(message, language) for key, message in CHROME.items()}


def report_ready(
    nb: nbformat.NotebookNode, report: Report, stamp: Stamp | None = None
) -> nbformat.NotebookNode:
    """A copy of ``nb`` ready for export: tags applied, sanitized, stable, titled."""
    nb = nbformat.from_dict(nb)
    nb, _ = _tag_remover().preprocess(nb, {})
    kept = {key: nb.metadata[key] for key in ("kernelspec", "language_info") if key in nb.metadata}
    nb.metadata = {
        **kept,
        "title": report.title,
        "report": {
            "language": report.language,
            "index": page_file("index", report.language),
            "twins": [
                {"language": lang, "href": href, "name": LANGUAGE_NAMES[lang]}
                for lang, href in report.twins
            ],
            "text": chrome(report.language),
            "kind": report.kind,
            "province": report.province or "",
            "slug": report.slug,
            "notebook": report.notebook,
            "parameters": dict(report.parameters),
            **_dated(asdict(stamp or Stamp()), report.language),
        },
    }
    for position, cell in enumerate(nb.cells):
        cell["id"] = f"cell-{position}"
        hidden = cell.metadata.get("transient", {}).get("remove_source", False)
        cell.metadata = {"transient": {"remove_source": True}} if hidden else {}
        if cell.cell_type == "code":
            cell.execution_count = None
            cell.outputs = [_safe(o) for o in cell.outputs if _is_for_readers(o)]
            cell.outputs = [o for o in cell.outputs if o.output_type == "stream" or o.get("data")]
    return nb


def _dated(stamp: dict, language: str) -> dict:
    """The stamp with its ``data_date`` (ISO) written as the page's language writes a date."""
    if stamp.get("data_date"):
        from helpers.format import format_date
        from helpers.i18n import using

        with using(language):
            stamp["data_date"] = format_date(stamp["data_date"])
    return stamp


def _safe(output: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """``output`` without execution count, its HTML sanitized, its unsafe types dropped."""
    if "execution_count" in output:
        output.execution_count = None
    if "data" not in output:
        return output
    data = {key: value for key, value in output.data.items() if key in SHOWN_TYPES}
    if not data and "text/plain" in output.data:
        data = {"text/plain": output.data["text/plain"]}
    for key in ("text/html", "text/markdown", "image/svg+xml"):
        if key in data and not isinstance(data[key], str):
            data[key] = "".join(data[key])
    if "text/html" in data:
        data["text/html"] = clean_html(data["text/html"])
    output.data = data
    output.metadata = _image_metadata(output) if set(data) & {*SHOWN_TYPES[2:]} else {}
    return output


def _image_metadata(output: nbformat.NotebookNode) -> dict:
    """The image's description and display size, from its display metadata."""
    metadata = output.get("metadata", {})
    kept: dict = {"alt": _alt_text(output)}
    for key, value in metadata.items():
        if isinstance(value, dict) and key.startswith("image/"):
            kept[key] = {k: v for k, v in value.items() if k in ("width", "height")}
        elif key in ("width", "height"):
            kept[key] = value
    return kept


def _alt_text(output: nbformat.NotebookNode) -> str:
    """The image's description: ``display(fig, metadata={"alt": ...})`` (or per image type)."""
    metadata = output.get("metadata", {})
    for key in ("image/svg+xml", "image/png", "image/jpeg"):
        if isinstance(metadata.get(key), dict) and metadata[key].get("alt"):
            return str(metadata[key]["alt"])
    return str(metadata.get("alt", ""))


def _is_for_readers(output: nbformat.NotebookNode) -> bool:
    """False for stderr streams, errors and results that are only an address-bearing ``repr``."""
    if output.output_type == "stream":
        return output.name != "stderr"
    if output.output_type == "error":
        return False
    data = output.get("data", {})
    return not (set(data) == {"text/plain"} and ADDRESS_REPR.search(str(data["text/plain"])))


def finish_page(page: str, language: str = "en") -> str:
    """``page`` in ``language`` with heading ids, the table of contents and table wrappers."""
    soup = BeautifulSoup(page, "html.parser")
    if soup.html is not None:
        soup.html["lang"] = language
    _exporter_soup_pass(soup)
    main = soup.find("main") or soup.body or soup
    for link in main.select("a.anchor-link"):
        link.decompose()
    _give_headings_ids(soup, main)
    for table in main.find_all("table"):
        if not table.find_parent(class_="table-wrap"):
            table.wrap(soup.new_tag("div", attrs={"class": "table-wrap"}))
        stack_on_phones(table)
    share_meta(soup, language)
    for image in main.find_all("img"):
        least = readable_width(image.get("src", ""))
        if least and not image.find_parent(class_="figure-scroll"):
            image["style"] = f"min-width: {least}px"
            image.wrap(soup.new_tag("div", attrs={"class": "figure-scroll"}))
    toc = _toc(soup, main, translation(CONTENTS, language))
    if toc is not None:
        first_h1 = main.find("h1")
        cell = first_h1.find_parent(class_="jp-Cell") if first_h1 else None
        if cell is not None:
            cell.insert_after(toc)
        else:
            main.insert(0, toc)
    return str(soup)


# Open Graph locales of the pages' languages (a link shared on Zalo or Facebook shows a preview).
OG_LOCALES = {"en": "en_US", "vi": "vi_VN"}
DESCRIPTION_LENGTH = 200


def share_meta(soup: BeautifulSoup, language: str) -> None:
    """A ``description`` and the Open Graph tags in the page's ``<head>``, from its title and
    its one-line scope (``p.scope``): what a link preview on Zalo or Facebook shows."""
    head = soup.head
    if head is None:
        return
    title = " ".join((soup.title.get_text() if soup.title else "").split())
    scope = soup.select_one("main p.scope") or soup.select_one("p.scope")
    description = _shorten(" ".join(scope.get_text(" ").split()) if scope else "") or title
    tags = [
        ("name", "description", description),
        ("property", "og:type", "article"),
        ("property", "og:title", title),
        ("property", "og:description", description),
        ("property", "og:locale", OG_LOCALES.get(language, language)),
        *(
            ("property", "og:locale:alternate", locale)
            for other, locale in OG_LOCALES.items()
            if other != language
        ),
        ("name", "twitter:card", "summary"),
    ]
    anchor = head.find("meta", attrs={"name": "generator"}) or head.find("title")
    for attribute, key, content in reversed(tags):
        if not content or head.find("meta", attrs={attribute: key}):
            continue
        meta = soup.new_tag("meta", attrs={attribute: key, "content": content})
        if anchor is not None:
            anchor.insert_after(meta)
        else:
            head.append(meta)


def _shorten(text: str, length: int = DESCRIPTION_LENGTH) -> str:
    """``text`` cut at a word boundary to at most ``length`` characters, with an ellipsis."""
    if len(text) <= length:
        return text
    cut = text[: length - 1].rsplit(" ", 1)[0].rstrip(" ,;:")
    return f"{cut}…"


# A table with more numeric columns than this stays a table on a phone (it scrolls sideways
# inside its wrapper); a narrower one becomes a stack of cards, one per row (brief.css).
MAX_NUMERIC_COLUMNS_TO_STACK = 4
NUMBER = re.compile(r"^[-−+]?[\d.,\s%]*\d[\d.,\s%]*$")


def stack_on_phones(table) -> bool:
    """Mark ``table`` (class ``stack``) to become stacked cards below 600 px, each cell
    labelled by its column's header (``data-label``): a table with a header row, no merged
    cells and at most four numeric columns. True when marked."""
    head = table.find("thead")
    rows = table.find("tbody").find_all("tr", recursive=False) if table.find("tbody") else []
    if head is None or not rows or table.find(attrs={"colspan": True}) is not None:
        return False
    if table.find(attrs={"rowspan": True}) is not None:
        return False
    head_cells = head.find_all("th")
    headers = [" ".join(th.get_text(" ").split()) for th in head_cells]
    cells = [row.find_all(["td", "th"], recursive=False) for row in rows]
    if any(len(row) != len(headers) for row in cells):
        return False
    if numeric_columns(head_cells, cells) > MAX_NUMERIC_COLUMNS_TO_STACK:
        return False
    for row in cells:
        for header, cell in zip(headers, row, strict=True):
            if header:
                cell["data-label"] = header
    table["class"] = [*table.get("class", []), "stack"]
    return True


def numeric_columns(head_cells: list, cells: list[list]) -> int:
    """How many columns hold numbers: a ``num`` class on the header or a body cell, or body
    cells that are all numbers (empty cells aside)."""
    count = 0
    for position, header in enumerate(head_cells):
        column = [header, *(row[position] for row in cells)]
        if any("num" in (cell.get("class") or []) for cell in column):
            count += 1
            continue
        texts = [" ".join(cell.get_text(" ").split()) for cell in column[1:]]
        filled = [text for text in texts if text]
        if filled and all(NUMBER.match(text) for text in filled):
            count += 1
    return count


# A chart at 144 dpi (2×) shown under 0.45 of its pixel width has 10 pt text under 9 CSS px.
READABLE_SCALE_AT_144_DPI = 0.45


def readable_width(source: str) -> int | None:
    """Least CSS width at which the PNG ``source`` keeps its text readable, or None."""
    width = png_width(source)
    if not width:
        return None
    dpi = round(png_dpi(source) or 144.0, 1)  # pHYs stores dots per metre: 100 dpi is 99.9998
    return math.ceil(width * READABLE_SCALE_AT_144_DPI * 144.0 / dpi - 1e-9)


def slug(text: str) -> str:
    """ASCII id for a heading: ``"Hà Giang: money"`` → ``"ha-giang-money"``."""
    return re.sub(r"[^a-z0-9]+", "-", fold_name(text)).strip("-") or "section"


def _give_headings_ids(soup: BeautifulSoup, main) -> None:
    taken = {tag["id"] for tag in soup.find_all(id=True)}
    for heading in main.find_all(HEADINGS):
        if heading.get("id"):
            continue
        base = slug(heading.get_text(" ", strip=True))
        anchor, number = base, 1
        while anchor in taken:
            number += 1
            anchor = f"{base}-{number}"
        heading["id"] = anchor
        taken.add(anchor)


def _toc(soup: BeautifulSoup, main, contents: str = CONTENTS):
    """``<nav class="report-toc">`` listing the h2/h3 headings of ``main``, or None."""
    headings = main.find_all(TOC_LEVELS)
    if not any(h.name == "h2" for h in headings):
        return None
    nav = soup.new_tag("nav", attrs={"class": "report-toc", "aria-label": contents})
    details = soup.new_tag("details")
    summary = soup.new_tag("summary", attrs={"class": "toc-title"})
    summary.string = contents
    items = soup.new_tag("ol")
    for heading in headings:
        item = soup.new_tag("li", attrs={"class": f"toc-{heading.name}"})
        link = soup.new_tag("a", href=f"#{heading['id']}")
        link.string = " ".join(heading.get_text(" ", strip=True).split())
        item.append(link)
        items.append(item)
    details.extend([summary, items])
    nav.append(details)
    return nav


@functools.cache
def _tag_remover() -> TagRemovePreprocessor:
    return TagRemovePreprocessor(
        enabled=True,
        remove_cell_tags={REMOVE_CELL},
        remove_input_tags={REMOVE_INPUT},
        remove_all_outputs_tags={REMOVE_OUTPUT},
    )


@functools.cache
def _exporter() -> HTMLExporter:
    """One configured exporter per process (building it loads and compiles the templates)."""
    exporter = _OnePassExporter(
        extra_template_basedirs=[str(TEMPLATES_DIR)],
        template_name=TEMPLATE_NAME,
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        language_code="en",
        # Images are data: URIs already, and Markdown goes through markdown_html (which keeps
        # only data: images); nbconvert's embedding pass would only parse the page once more.
        embed_images=False,
        # No Pygments CSS: code is never shown.
        config=Config({"CSSHTMLHeaderPreprocessor": {"enabled": False}}),
    )
    exporter.register_filter("markdown2html", markdown_html)
    return exporter


class _OnePassExporter(HTMLExporter):
    """nbconvert's HTML exporter without its BeautifulSoup pass over the whole page: that pass
    only adds missing ``alt`` texts and ``tabindex``, which :func:`finish_page` adds in its own
    parse (:func:`_exporter_soup_pass`), so that a page is parsed once, not twice (same bytes;
    half a second less on the largest page). The filters are registered as nbconvert does."""

    def from_notebook_node(self, nb, resources=None, **kw):
        from nbconvert.exporters.templateexporter import TemplateExporter
        from nbconvert.filters.highlight import Highlight2HTML
        from nbconvert.filters.widgetsdatatypefilter import WidgetsDataTypeFilter

        langinfo = nb.metadata.get("language_info", {})
        lexer = langinfo.get("pygments_lexer", langinfo.get("name", None))
        highlight = self.filters.get(
            "highlight_code", Highlight2HTML(pygments_lexer=lexer, parent=self)
        )
        resources = self._init_resources(resources)
        data_type = WidgetsDataTypeFilter(
            notebook_metadata=self._nb_metadata, parent=self, resources=resources
        )
        self.register_filter("highlight_code", highlight)
        self.register_filter("filter_data_type", data_type)
        return TemplateExporter.from_notebook_node(self, nb, resources, **kw)


def _exporter_soup_pass(soup: BeautifulSoup) -> None:
    """What nbconvert's HTMLExporter does to the page it exports (see :class:`_OnePassExporter`):
    a stock ``alt`` on images without one, ``tabindex`` on input and output areas."""
    missing_alt = soup.select("img:not([alt])")
    for element in missing_alt:
        element.attrs["alt"] = "No description has been provided for this image"
    if missing_alt:
        get_logger().warning("Alternative text is missing on %s image(s).", len(missing_alt))
    for element in soup.select(".jp-Notebook div.jp-Cell-inputWrapper"):
        element.attrs["tabindex"] = "0"
    for element in soup.select(".jp-Notebook div.jp-OutputArea-output"):
        element.attrs["tabindex"] = "0"
