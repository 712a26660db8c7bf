"""The reports' two languages: which one a page is written in, and its words.

Every report is written in English (``en``) and Vietnamese (``vi``). A notebook sets its
language once, from its ``language`` parameter, with :func:`set_language`; every helper that
writes text or numbers then reads it from here, so nothing else passes a language around:

- :func:`tr` gives a message in the page's language. Messages are written in English in the
  code (``tr("Key figures")``, ``tr("{n} figures", n=...)``); a message kept in a table and
  translated later is marked where it is written, ``N_("period")``. Their Vietnamese is in the
  gettext catalogue ``locale/vi/LC_MESSAGES/messages.po`` (English ``msgid``, Vietnamese
  ``msgstr``; Poedit and Weblate open it), compiled to ``messages.mo`` by ``make messages``;
  :mod:`reportbuild.messages` extracts the messages of the code into it (``make
  messages-extract``). A message with no Vietnamese raises :class:`MissingTranslation` on a
  Vietnamese page (and a test finds every such message before that: ``tests/test_i18n.py``).
- :func:`pick` chooses from an ``(English, Vietnamese)`` pair: the vocabularies of
  :mod:`helpers.vocabulary` (units, kinds, standards, component projects ...) are such pairs.
- Numbers follow the language's notation (:mod:`helpers.format` asks :func:`language`):
  ``1,234.5`` in English, ``1.234,5`` in Vietnamese.

The language is process state, like matplotlib's ``rcParams``: the renderer runs several
reports in one kernel, and each notebook sets its language in its first cell.
"""

from __future__ import annotations

import gettext
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from string import Formatter

LANGUAGES = ("en", "vi")
DEFAULT_LANGUAGE = "en"

# Each language's name in itself, for the link to a page's twin in the other language.
LANGUAGE_NAMES = {"en": "English", "vi": "Tiếng Việt"}

# The gettext catalogue: <language>/LC_MESSAGES/messages.po, compiled beside it to messages.mo.
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DOMAIN = "messages"

_state = {"language": DEFAULT_LANGUAGE}


class MissingTranslation(KeyError):
    """A message has no text in the page's language."""

    def __str__(self) -> str:  # KeyError would print the repr of the whole message
        return str(self.args[0])


class CatalogueNotCompiled(RuntimeError):
    """A language's messages.mo is missing or older than its messages.po."""


def check_language(language: object) -> str:
    """``language`` if it is one of :data:`LANGUAGES`; ValueError naming them otherwise."""
    if language not in LANGUAGES:
        raise ValueError(
            f"language must be one of {', '.join(LANGUAGES)} (en: English, vi: Vietnamese), "
            f"got {language!r}"
        )
    return str(language)


def set_language(language: str) -> str:
    """Write every following text and number in ``language``; returns it."""
    _state["language"] = check_language(language)
    return _state["language"]


def language() -> str:
    """The language pages are being written in now."""
    return _state["language"]


@contextmanager
def using(language_: str) -> Iterator[str]:
    """``with using("vi"): ...`` writes in ``language_`` inside the block only."""
    before = _state["language"]
    set_language(language_)
    try:
        yield language_
    finally:
        _state["language"] = before


def pick(pair: tuple[str, str] | list[str]) -> str:
    """The current language's entry of an ``(English, Vietnamese)`` pair."""
    return pair[LANGUAGES.index(_state["language"])]


def catalogue_files(language_: str, locale_dir: Path | None = None) -> tuple[Path, Path]:
    """The ``.po`` of ``language_`` and the ``.mo`` compiled from it."""
    po = (locale_dir or LOCALE_DIR) / language_ / "LC_MESSAGES" / f"{DOMAIN}.po"
    return po, po.with_suffix(".mo")


@cache
def compiled(language_: str, locale_dir: Path | None = None) -> gettext.GNUTranslations:
    """The compiled catalogue of ``language_``, read once per process.

    A missing ``.mo``, or one older than its ``.po``, is an error naming the command that
    compiles it: the build compiles the catalogue (every make target that renders or tests
    depends on ``make messages``), pages never do, so that parallel renders never write it.
    """
    po, mo = catalogue_files(language_, locale_dir)
    if not mo.exists() or (po.exists() and mo.stat().st_mtime < po.stat().st_mtime):
        state = "is missing" if not mo.exists() else f"is older than {po.name}"
        raise CatalogueNotCompiled(
            f"the compiled message catalogue {mo} {state}: run `make messages` (without make: "
            "`python -m reportbuild.messages compile`) to compile it"
        )
    with mo.open("rb") as f:
        return gettext.GNUTranslations(f)


def _text(key: str | tuple[str, int], language_: str, shown: str) -> str:
    # GNUTranslations keeps its messages in _catalog (msgid, or (msgid, form) for plurals); its
    # public gettext() would give back the English for a message it lacks, which must fail here.
    text = compiled(language_)._catalog.get(key)  # noqa: SLF001
    if text is None:
        po, _ = catalogue_files(language_)
        raise MissingTranslation(
            f"no {LANGUAGE_NAMES[language_]} text for the message {shown!r} in {po}: run "
            "`make messages-extract`, write its msgstr there, then `make messages`"
        )
    return text


def translation(message: str, language_: str | None = None) -> str:
    """The text of English ``message`` in ``language_`` (default: the current language)."""
    language_ = check_language(language_ or _state["language"])
    if language_ == "en":
        return message
    return _text(message, language_, message)


def tr(message: str, /, **fields: object) -> str:
    """``message`` (English, as written in the code) in the current language, fields filled in.

    Fields are filled with ``str.format``; give them already formatted (numbers through
    :mod:`helpers.format`, which follows the language).
    """
    text = translation(message)
    return text.format(**fields) if fields else text


def N_(message: str, /) -> str:
    """``message`` unchanged: marks an English message defined away from its :func:`tr` call.

    A message kept in a table or a constant (``COLUMNS = [N_("period"), ...]``) and translated
    later (``tr(column)``) is marked where it is written, so that ``pybabel extract`` (which
    reads literals in calls to ``tr``, ``tr_n`` and ``N_``) finds it for the catalogue.
    """
    return message


def tr_n(singular: str, plural: str, count: int, /, **fields: object) -> str:
    """``singular`` or ``plural`` by ``count`` in English; in another language the form its
    catalogue's plural rule picks (Vietnamese has one form).

    ``count`` is available to both texts as ``{count}`` (unformatted: use it for small counts).
    """
    language_ = _state["language"]
    if language_ == "en":
        text = singular if count == 1 else plural
    else:
        form = compiled(language_).plural(count)
        text = _text((singular, form), language_, singular)
    return text.format(count=count, **fields)


def page_stem(stem: str, language_: str | None = None) -> str:
    """The file stem of a page in ``language_``: ``profile-bac-kan``, ``profile-bac-kan.vi``.

    English pages keep the plain stem; every other language adds its code.
    """
    language_ = check_language(language_ or _state["language"])
    return stem if language_ == "en" else f"{stem}.{language_}"


def page_file(stem: str, language_: str | None = None) -> str:
    """The HTML file name of a page in ``language_`` (default: the current language)."""
    return f"{page_stem(stem, language_)}.html"


def fields_of(text: str) -> set[str]:
    """The names of the ``{fields}`` of a message (for the catalogue's tests)."""
    return {name for _, name, _, _ in Formatter().parse(text) if name}
