"""Checks on rendered pages, shared by the tests and usable on any ``reports/`` folder.

- :func:`external_references`: anything that would make a browser contact another host;
- :func:`broken_links`: links of a page (e.g. ``index.html``) to files that do not exist;
- :func:`page_text`: the visible text of a page, for checking figures against the data;
- :func:`heading_problems`: more or less than one ``<h1>``, or a heading level skipped;
- :func:`png_dpi`: the resolution a PNG (e.g. a chart in a ``data:`` URI) was drawn at.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

# Attributes through which a browser loads something by itself (links it only follows on a click).
LOADING_ATTRIBUTES = {
    "src",
    "srcset",
    "href",
    "data",
    "poster",
    "action",
    "formaction",
    "background",
}
CSS_URL = re.compile(r"""url\(\s*['"]?\s*([^'")\s]+)""", re.IGNORECASE)
CSS_IMPORT = re.compile(r"""@import\s+(?:url\()?\s*['"]?([^'");\s]+)""", re.IGNORECASE)
SCRIPT_URL = re.compile(r"""["'`]((?:https?:)?//[^"'`\s]+)["'`]""")


def external_references(page: str) -> list[str]:
    """Every reference in ``page`` that a browser would load from another host.

    Plain hyperlinks (``<a href>``) are allowed: following one is the reader's choice.
    ``data:`` URIs, fragments and relative paths are local.
    """
    parser = _References()
    parser.feed(page)
    return [ref for ref in parser.references if _is_remote(ref)]


def broken_links(page_path: Path) -> list[str]:
    """The relative links of ``page_path`` whose target file does not exist."""
    parser = _References()
    parser.feed(page_path.read_text(encoding="utf-8"))
    broken = []
    for link in parser.links:
        parts = urlsplit(link)
        if parts.scheme or parts.netloc or not parts.path:
            continue
        if not (page_path.parent / unquote(parts.path)).is_file():
            broken.append(link)
    return broken


def page_links(page_path: Path) -> list[str]:
    """The ``<a href>`` targets of ``page_path``, in order."""
    parser = _References()
    parser.feed(page_path.read_text(encoding="utf-8"))
    return parser.links


def page_text(page: str) -> str:
    """The text a reader sees in the page's ``<main>`` (or body), whitespace collapsed."""
    start = page.find("<main")
    body = page[start:] if start >= 0 else page
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", body, flags=re.DOTALL | re.IGNORECASE)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split())


def heading_problems(page: str) -> list[str]:
    """What is wrong with the page's outline: not exactly one h1, or a level skipped
    (an h4 after an h2), or a heading before the h1. Empty when the outline is sound."""
    from bs4 import BeautifulSoup

    headings = BeautifulSoup(page, "html.parser").find_all(["h1", "h2", "h3", "h4", "h5", "h6"])
    problems = []
    h1_count = sum(h.name == "h1" for h in headings)
    if h1_count != 1:
        problems.append(f"{h1_count} h1 elements; a page has exactly one (its title)")
    previous = 0
    for heading in headings:
        level = int(heading.name[1])
        if level > previous + 1:
            text = " ".join(heading.get_text(" ", strip=True).split())[:60]
            after = f"h{previous}" if previous else "the start of the page"
            problems.append(f"{heading.name} {text!r} follows {after}: a level is skipped")
        previous = level
    return problems


def png_width(source: str) -> int | None:
    """Pixel width of a PNG given as a ``data:image/png`` URI, or None."""
    import base64
    import binascii
    import struct

    prefix = "data:image/png;base64,"
    if not source.startswith(prefix):
        return None
    try:
        head = base64.b64decode(source[len(prefix) : len(prefix) + 32])
    except (binascii.Error, ValueError):
        return None
    return struct.unpack(">I", head[16:20])[0] if head[12:16] == b"IHDR" else None


def png_dpi(source: str) -> float | None:
    """Dots per inch recorded in a PNG's ``pHYs`` chunk (``source``: a ``data:image/png`` URI),
    or None when it records none (or is no PNG)."""
    import base64
    import binascii
    import struct

    prefix = "data:image/png;base64,"
    if not source.startswith(prefix):
        return None
    try:
        data = base64.b64decode(source[len(prefix) :])
    except (binascii.Error, ValueError):
        return None
    position = 8  # after the PNG signature
    while position + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[position : position + 8])
        if kind == b"pHYs" and length >= 9:
            per_metre, _, unit = struct.unpack(">IIB", data[position + 8 : position + 17])
            return per_metre * 0.0254 if unit == 1 else None
        if kind in (b"IDAT", b"IEND"):
            return None
        position += 12 + length
    return None


def _is_remote(reference: str) -> bool:
    reference = reference.strip()
    if reference.startswith(("data:", "#")):
        return False
    parts = urlsplit(reference)
    return bool(parts.netloc) or parts.scheme not in ("", "file")


class _References(HTMLParser):
    """Collects loading references (attributes, CSS, script URLs) and ``<a href>`` links."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.references: list[str] = []
        self.links: list[str] = []
        self._raw_tag: str | None = None

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value is None:
                continue
            if tag == "a" and name == "href":
                self.links.append(value)
            elif name == "srcset":
                self.references.extend(part.split()[0] for part in value.split(",") if part.split())
            elif name in LOADING_ATTRIBUTES:
                self.references.append(value)
            elif name == "style":
                self._css(value)
        if tag in ("style", "script"):
            self._raw_tag = tag

    def handle_endtag(self, tag):
        if tag == self._raw_tag:
            self._raw_tag = None

    def handle_data(self, data):
        if self._raw_tag == "style":
            self._css(data)
        elif self._raw_tag == "script":
            self.references.extend(SCRIPT_URL.findall(data))

    def _css(self, text: str) -> None:
        self.references.extend(CSS_URL.findall(text))
        self.references.extend(CSS_IMPORT.findall(text))
