"""An executed notebook as one self-contained, safe, reproducible HTML page.

The page is nbconvert's ``lab`` output through the project template
(``reportbuild/templates/report``): code cells hidden, no script or style fetched from another
host, images embedded as ``data:`` URIs, a table of contents from the headings, ``lang`` and
``<title>`` set. Before export, :func:`report_ready` makes the notebook safe and stable:

- HTML and Markdown *outputs* (DataFrame tables, ``display(HTML(...))``, ``display(Markdown(...))``)
  go through nbconvert's bleach sanitizer with an allow-list of harmless tags: a ``<script>`` that
  came from the data shows as text, and JavaScript/SVG outputs are dropped;
- cells tagged ``remove-cell`` are left out, outputs of cells tagged ``remove-output`` too;
- pandas' ``<style scoped>`` block is removed from table outputs (the page styles tables);
- stderr streams (warnings) stay in the executed notebook but not in the report;
- results that are only an object's ``repr`` with a memory address (``<Axes at 0x7f…>``)
  are dropped, since they differ on every run and mean nothing to a reader.
"""

from __future__ import annotations

import functools
import re
from html.parser import HTMLParser
from pathlib import Path

import nbformat
from nbconvert import HTMLExporter
from nbconvert.preprocessors.sanitize import SanitizeHTML

from reportbuild.catalog import Report

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
TEMPLATE_NAME = "report"
TOC_MARKER = "<!-- report-toc -->"
TOC_LEVELS = ("h2", "h3")

# Tags a table, a list or a short formatted text from a DataFrame or Markdown output needs.
SAFE_TAGS = [
    *("a", "abbr", "b", "blockquote", "br", "caption", "code", "col", "colgroup", "dd", "del"),
    *("div", "dl", "dt", "em", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "li", "ol", "p"),
    *("pre", "small", "span", "strong", "sub", "sup", "table", "tbody", "td", "tfoot", "th"),
    *("thead", "tr", "u", "ul"),
]
SAFE_ATTRIBUTES = {
    "*": ["class", "id", "title"],
    "a": ["href", "title"],
    "abbr": ["title"],
    "td": ["colspan", "rowspan", "align"],
    "th": ["colspan", "rowspan", "align", "scope"],
}
SAFE_OUTPUT_KEYS = {
    "metadata",
    "text/plain",
    "text/latex",
    "application/json",
    "image/png",
    "image/jpeg",
}
ADDRESS_REPR = re.compile(r"<[^<>]* at 0x[0-9a-fA-F]+>")
CELL_START = re.compile(r'<div class="jp-Cell jp-')
PANDAS_STYLE = re.compile(r"<style scoped>.*?</style>", re.DOTALL)


def report_html(nb: nbformat.NotebookNode, report: Report) -> str:
    """The HTML page of executed notebook ``nb`` for ``report`` (the notebook is not modified)."""
    nb = report_ready(nb, report)
    body, _ = _exporter().from_notebook_node(nb, resources={"metadata": {"name": report.title}})
    return with_toc(body)


def report_ready(nb: nbformat.NotebookNode, report: Report) -> nbformat.NotebookNode:
    """A copy of ``nb`` ready for export: sanitized, stable, titled (see the module doc)."""
    nb = nbformat.from_dict(nb)
    kept = {key: nb.metadata[key] for key in ("kernelspec", "language_info") if key in nb.metadata}
    nb.metadata = {
        **kept,
        "title": report.title,
        "report": {"kind": report.kind, "province": report.province or ""},
    }
    nb.cells = [cell for cell in nb.cells if "remove-cell" not in cell.metadata.get("tags", [])]
    for position, cell in enumerate(nb.cells):
        cell["id"] = f"cell-{position}"
        tags, cell.metadata = cell.metadata.get("tags", []), {}
        if cell.cell_type == "code":
            cell.execution_count = None
            kept = [] if "remove-output" in tags else cell.outputs
            cell.outputs = _safe_outputs([output for output in kept if _is_for_readers(output)])
    return nb


def _safe_outputs(outputs: list[nbformat.NotebookNode]) -> list[nbformat.NotebookNode]:
    """``outputs`` sanitized (see the module doc), without execution counts."""
    for output in outputs:
        if "execution_count" in output:
            output.execution_count = None
        html = output.get("data", {}).get("text/html")
        if html is not None:
            html = html if isinstance(html, str) else "".join(html)
            output.data["text/html"] = PANDAS_STYLE.sub("", html)
    outputs = _sanitizer().sanitize_code_outputs(outputs)
    return [o for o in outputs if "data" not in o or o.data]  # JavaScript-only ones are now empty


def _is_for_readers(output: nbformat.NotebookNode) -> bool:
    """False for stderr streams and for results that are only an address-bearing ``repr``."""
    if output.output_type == "stream":
        return output.name != "stderr"
    if output.output_type == "execute_result":
        data = output.get("data", {})
        return not (set(data) == {"text/plain"} and ADDRESS_REPR.search(data["text/plain"]))
    return True


def with_toc(page: str) -> str:
    """``page`` with a table of contents of its h2/h3 headings in place of the TOC marker.

    The table goes after the first cell when that cell holds the page's ``<h1>`` (title and
    question first, then the contents), else at the top. Without h2 headings, no table.
    """
    headings = _Headings.of(page)
    page_without_marker = page.replace(TOC_MARKER, "", 1)
    if not headings:
        return page_without_marker
    items = "\n".join(
        f'<li class="toc-{level}"><a href="#{anchor}">{text}</a></li>'
        for level, anchor, text in headings
    )
    nav = (
        '<nav class="report-toc" aria-label="Contents">\n<h2 class="toc-title">Contents</h2>\n'
        f"<ol>\n{items}\n</ol>\n</nav>\n"
    )
    cell_starts = [m.start() for m in CELL_START.finditer(page_without_marker)]
    if len(cell_starts) >= 2 and "<h1" in page_without_marker[cell_starts[0] : cell_starts[1]]:
        at = cell_starts[1]
        return page_without_marker[:at] + nav + page_without_marker[at:]
    return page.replace(TOC_MARKER, nav, 1)


class _Headings(HTMLParser):
    """Collects ``(level, id, escaped text)`` of the h2/h3 elements that carry an id."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str, str]] = []
        self._open: tuple[str, str] | None = None
        self._text: list[str] = []
        self._in_anchor_link = False

    @classmethod
    def of(cls, page: str) -> list[tuple[str, str, str]]:
        parser = cls()
        parser.feed(page)
        return parser.found

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if (
            tag in TOC_LEVELS
            and attributes.get("id")
            and "toc-title" not in (attributes.get("class") or "")
        ):
            self._open, self._text = (tag, attributes["id"]), []
        elif tag == "a" and "anchor-link" in (attributes.get("class") or ""):
            self._in_anchor_link = True

    def handle_endtag(self, tag):
        if tag == "a":
            self._in_anchor_link = False
        elif self._open and tag == self._open[0]:
            text = " ".join("".join(self._text).split())
            level, anchor = self._open
            self.found.append((level, _escape_attribute(anchor), _escape_text(text)))
            self._open = None

    def handle_data(self, data):
        if self._open and not self._in_anchor_link:
            self._text.append(data)


def _escape_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _escape_attribute(text: str) -> str:
    return _escape_text(text).replace('"', "&quot;")


@functools.cache
def _exporter() -> HTMLExporter:
    """One configured exporter per process (building it loads and compiles the templates)."""
    return HTMLExporter(
        extra_template_basedirs=[str(TEMPLATES_DIR)],
        template_name=TEMPLATE_NAME,
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        language_code="en",
        embed_images=True,
    )


@functools.cache
def _sanitizer() -> SanitizeHTML:
    return SanitizeHTML(
        tags=SAFE_TAGS,
        attributes=SAFE_ATTRIBUTES,
        safe_output_keys=SAFE_OUTPUT_KEYS,
        strip=False,
    )
