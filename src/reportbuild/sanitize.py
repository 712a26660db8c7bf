"""What HTML from a notebook may keep in a report: Markdown rendering and an allow-list.

Text from ``data/`` is text. Two things used to turn it into markup:

- nbconvert's Markdown renderer auto-links bare addresses (mistune's ``url`` plugin), so a
  publisher field ``http://evil.example/phish`` became a live link, and an escaped
  ``<a href=...>`` payload came out garbled (the address inside the escaped text was linked).
  :func:`markdown_html` renders Markdown without that plugin: a link exists only where the
  notebook wrote one (``[text](address)`` or an ``<a>`` element).
- HTML outputs are kept only as far as :data:`TAGS` and :func:`allowed_attribute` allow:
  ``<script>`` and ``<style>`` elements are dropped with their content, any other tag
  (``<iframe>``, ``<form>`` …) shows as text, and any other attribute (``onclick``, ``style`` …)
  or address (``javascript:``, ``data:text/html``, an image from another host …) is dropped.

Nothing is escaped twice: Markdown's own escaping and the sanitizer's serialisation both keep
entities as they are.
"""

from __future__ import annotations

import functools
import re

import bleach

# The elements the notebooks' displays use (see README, "Writing for the reports").
TAGS = frozenset(
    {
        *("a", "abbr", "aside", "b", "blockquote", "br", "caption", "cite", "code", "col"),
        *("colgroup", "dd"),
        *("del", "details", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3"),
        *("h4", "h5", "h6", "hr", "i", "img", "li", "ol", "p", "pre", "q", "section", "small"),
        *("span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th"),
        *("thead", "tr", "u", "ul"),
    }
)
# translate="no": a name or code a page shows in another language (a translating browser keeps it)
GLOBAL_ATTRIBUTES = frozenset({"class", "id", "title", "lang", "translate"})
ATTRIBUTES = {
    "a": {"href", "download"},
    "abbr": set(),
    "img": {"src", "alt", "width", "height"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "details": {"open"},
    "ol": {"start"},
}
# data: URIs allowed, by attribute: CSV downloads on links, raster and SVG images on <img>
# (an SVG shown through <img> runs no script).
DATA_URI = {
    "href": re.compile(r"^data:text/csv(;charset=utf-8)?(;base64)?,", re.IGNORECASE),
    "src": re.compile(r"^data:image/(png|jpeg|svg\+xml);base64,", re.IGNORECASE),
}
WEB_ADDRESS = re.compile(r"^https?://[^\s<>\"']+$", re.IGNORECASE)
NUMBER = re.compile(r"^\d{1,4}$")
SCRIPT_OR_STYLE = re.compile(r"<(script|style)\b.*?(</\1\s*>|\Z)", re.IGNORECASE | re.DOTALL)


def allowed_attribute(tag: str, name: str, value: str) -> bool:
    """True when attribute ``name="value"`` may stay on element ``tag``."""
    if name in GLOBAL_ATTRIBUTES:
        return True
    if name not in ATTRIBUTES.get(tag, ()):
        return False
    if name == "href":
        return value.startswith("#") or bool(
            WEB_ADDRESS.match(value) or DATA_URI[name].match(value)
        )
    if name == "src":
        return bool(DATA_URI[name].match(value))
    if name in ("width", "height", "colspan", "rowspan", "start"):
        return bool(NUMBER.match(value))
    return True


@functools.cache
def _cleaner() -> bleach.Cleaner:
    return bleach.Cleaner(
        tags=TAGS,
        attributes=allowed_attribute,
        protocols={"http", "https", "data"},  # data: narrowed by allowed_attribute
        strip=False,  # a disallowed tag shows as text, so that nothing is silently lost
        strip_comments=True,
    )


def clean_html(html: str) -> str:
    """``html`` reduced to the allow-list (see the module doc)."""
    return _cleaner().clean(SCRIPT_OR_STYLE.sub("", html))


@functools.cache
def _markdown():
    import mistune

    # No "url" plugin: bare addresses in text stay text.
    return mistune.create_markdown(
        escape=False, plugins=["strikethrough", "table", "def_list", "footnotes"]
    )


def markdown_html(text: str) -> str:
    """Markdown ``text`` as sanitized HTML, without auto-linking."""
    return clean_html(_markdown()(text))
