"""Which words of a page are in the other language: the check behind ``tests/test_language.py``.

A page is written in one language. What it may carry of the other is what a careful editor would
leave: **quotations** (``<blockquote>``, ``<q>``: a source's sentence or the number as printed),
**titles** (``<cite>``), **code and identifiers** (``<code>``, ``<pre>``, the data tables that
the notebooks show as pandas tables, with their ids), anything marked ``translate="no"`` (the
names of the languages in the language switch), and **names**: the names of geographies, of
publishers and authors, the project's name and legal document numbers (``90/QĐ-TTg``).

Everything else is the page's own words, and must be in its language:

- on an English page, a word with a Vietnamese letter (``ơ``, ``đ``, a tone mark ...) is
  Vietnamese;
- on a Vietnamese page, a word is English when our English texts use it (the message catalogue's
  English, the vocabularies' English, the English prose of ``data/``), no Vietnamese text we
  did not write does (the source reports in ``../shared/seeds``, the excerpts and titles of
  ``data/``, the geographies' names), it cannot be a Vietnamese syllable written without its
  marks (:data:`VIETNAMESE_SHAPE`: so English words that could, "to", "an", "the", pass) and
  it is not one of a few loanwords Vietnamese technical writing uses (:data:`LOANWORDS`).

Elements marked ``lang`` as the other language are *not* exempt by that alone: a data note shown
in English on a Vietnamese page (``<span lang="en">``) is still English on that page.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
SEEDS = ROOT.parent / "shared" / "seeds"

WORD = re.compile(r"[^\W\d_]+")
VIETNAMESE_LETTER = re.compile(
    "[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]", re.IGNORECASE
)
# Legal documents are named by their number: 90/QĐ-TTg, 07/2021/NĐ-CP, 59/2015/QĐ-TTg.
DOCUMENT_NUMBER = re.compile(r"\b\d+(?:/\d{4})?/[A-ZĐ]+(?:-[A-ZĐ][A-Za-zĐ]*)*")
# A quotation inside our prose: 'theo chuẩn nghèo đa chiều', row 'Hai Duong' (pages show it as
# <q>; an apostrophe inside a word, as in "Bắc Kạn's", opens none).
QUOTED = re.compile(r"(?<!\w)'([^']+)'(?!\w)")
# The elements whose words are not the page's own (see the module's docstring).
EXEMPT_TAGS = ("script", "style", "code", "pre", "blockquote", "q", "cite")
# The shape of a Vietnamese syllable written without diacritics (onset, vowels, final): "hai",
# "dung", "nam" are Vietnamese words though no text we hold happens to contain them; "commit",
# "line", "from" cannot be one.
VIETNAMESE_SHAPE = re.compile(
    r"(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(ch|ng|nh|[cmnpt])?"
)
# Words Vietnamese technical writing keeps in English (file formats, tools, units of data).
LOANWORDS = frozenset({"csv", "utf", "zip", "png", "html", "excel", "jupyter", "jupyterlab",
                       "python", "pandas", "sha", "kb", "mb", "id"})  # fmt: skip
# Names a page prints in either language: the project's, and the tools it names.
PROJECT_NAMES = ("Giảm nghèo notebooks", "Giảm nghèo", "Frictionless", "UNDP")


def nfc(text: object) -> str:
    return unicodedata.normalize("NFC", str(text))


def words(text: object) -> set[str]:
    """The lower-cased words of ``text`` (letters only: numbers and ids split them)."""
    return {w.lower() for w in WORD.findall(nfc(text))}


def _rows(name: str) -> list[dict[str, str]]:
    with open(DATA / name, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


@cache
def names() -> tuple[str, ...]:
    """Names a page may print in either language: geographies, publishers, authors, the
    project's; longest first, so that a longer name is taken out before a shorter inside it."""
    found: set[str] = set(PROJECT_NAMES)
    for row in _rows("geographies.csv"):
        found.update(v for k, v in row.items() if k and k.startswith("name") and v)
    for row in _rows("sources.csv"):
        found.update(v for k in ("publisher", "author") if (v := row.get(k)))
    return tuple(sorted((nfc(n).strip() for n in found if n.strip()), key=len, reverse=True))


@cache
def vietnamese_words() -> frozenset[str]:
    """Words of Vietnamese we did not write: the seed reports, excerpts, titles, names."""
    found: set[str] = set()
    for path in sorted(SEEDS.glob("*.txt")):
        found |= words(path.read_text(encoding="utf-8"))
    for row in _rows("observations.csv"):
        found |= words(row.get("excerpt") or "")
    for row in _rows("sources.csv"):
        found |= words(row.get("title") or "")
    for name in names():
        found |= words(name)
    return frozenset(found)


def catalogue_vi() -> dict[str, str]:
    """English -> Vietnamese of every message of the gettext catalogue, the vocabularies' too
    (a ``tr_n`` message by its plural, whose Vietnamese it is)."""
    from babel.messages.pofile import read_po

    from reportbuild import messages

    with messages.po_path("vi").open("rb") as f:
        po = read_po(f, locale="vi")
    return {
        (m.id if isinstance(m.id, str) else m.id[1]): (
            m.string if isinstance(m.string, str) else m.string[0]
        )
        for m in po
        if m.id
    }


def _english_texts() -> Iterable[str]:
    yield from catalogue_vi()  # the English of every message, the vocabularies' included
    for row in _rows("observations.csv"):
        yield from (row.get("note") or "", row.get("location") or "")
    for row in _rows("sources.csv"):
        yield from (row.get("note") or "", row.get("date_note") or "")
    for row in _rows("poverty_lines.csv"):
        yield from (v for k, v in row.items() if k and not k.endswith("_vi") and v)


@cache
def english_words() -> frozenset[str]:
    """Words our English texts use that no Vietnamese text we did not write uses."""
    found: set[str] = set()
    for text in _english_texts():
        found |= words(QUOTED.sub(" ", re.sub(r"\{[^}]*\}", " ", text)))
    return frozenset(
        w
        for w in found - vietnamese_words() - LOANWORDS
        if len(w) > 1 and not VIETNAMESE_LETTER.search(w) and not VIETNAMESE_SHAPE.fullmatch(w)
    )


def visible_text(html: str) -> str:
    """The page's own words: its body's text without the exempt elements, names taken out."""
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup.find_all(EXEMPT_TAGS):
        tag.decompose()
    for tag in soup.find_all(attrs={"translate": "no"}):
        tag.decompose()
    for tag in soup.find_all("table", class_="dataframe"):  # pandas tables: ids and values
        tag.decompose()
    for tag in soup.find_all("a"):
        if tag.get_text().strip().startswith(("http://", "https://")):
            tag.decompose()
    body = soup.body or soup
    text = " ".join(nfc(body.get_text(" ")).split())
    text = DOCUMENT_NUMBER.sub(" ", text)
    for name in names():
        text = text.replace(name, " ")
    return text


@dataclass(frozen=True)
class Foreign:
    """A word in the other language, and the text around it."""

    word: str
    context: str

    def __str__(self) -> str:
        return f"{self.word!r} in “…{self.context}…”"


def is_foreign(word: str, language: str) -> bool:
    """True when ``word`` is in the other language than ``language``."""
    if language == "en":
        return bool(VIETNAMESE_LETTER.search(word))
    return word.lower() in english_words()


def foreign_words(html: str, language: str) -> list[Foreign]:
    """Every word of the page's own text that is in the other language, with its context."""
    text = visible_text(html)
    return [
        Foreign(m.group(0), text[max(0, m.start() - 60) : m.end() + 40])
        for m in WORD.finditer(text)
        if is_foreign(m.group(0), language)
    ]
