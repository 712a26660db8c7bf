"""The reports' two languages: which one a page is written in, and its words.

Every report is written in English (``en``) and Vietnamese (``vi``). A notebook sets its
language once, from its ``language`` parameter, with :func:`set_language`; every helper that
writes text or numbers then reads it from here, so nothing else passes a language around:

- :func:`tr` gives a message in the page's language. Messages are written in English in the
  code (``tr("Key figures")``, ``tr("{n} figures", n=...)``) and their Vietnamese is kept in
  the catalogue, :mod:`helpers.catalogue`, English and Vietnamese side by side. A message with
  no Vietnamese raises :class:`MissingTranslation` on a Vietnamese page (and a test finds every
  such message before that: ``tests/test_i18n.py``).
- :func:`pick` chooses from an ``(English, Vietnamese)`` pair: the vocabularies of
  :mod:`helpers.vocabulary` (units, kinds, standards, component projects ...) are such pairs.
- Numbers follow the language's notation (:mod:`helpers.format` asks :func:`language`):
  ``1,234.5`` in English, ``1.234,5`` in Vietnamese.

The language is process state, like matplotlib's ``rcParams``: the renderer runs several
reports in one kernel, and each notebook sets its language in its first cell.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from string import Formatter

LANGUAGES = ("en", "vi")
DEFAULT_LANGUAGE = "en"

# Each language's name in itself, for the link to a page's twin in the other language.
LANGUAGE_NAMES = {"en": "English", "vi": "Tiếng Việt"}

_state = {"language": DEFAULT_LANGUAGE}


class MissingTranslation(KeyError):
    """A message has no text in the page's language."""

    def __str__(self) -> str:  # KeyError would print the repr of the whole message
        return str(self.args[0])


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


def translation(message: str, language_: str | None = None) -> str:
    """The text of English ``message`` in ``language_`` (default: the current language)."""
    language_ = check_language(language_ or _state["language"])
    if language_ == "en":
        return message
    from helpers.catalogue import CATALOGUE

    try:
        return CATALOGUE[language_][message]
    except KeyError:
        raise MissingTranslation(
            f"no {LANGUAGE_NAMES[language_]} text for the message {message!r}: add it, with its "
            "translation, to a table in src/helpers/catalogue/"
        ) from None


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
    """``singular`` or ``plural`` by ``count`` in English; Vietnamese has one form (the plural's).

    ``count`` is available to both texts as ``{count}`` (unformatted: use it for small counts).
    """
    if _state["language"] == "en":
        text = singular if count == 1 else plural
    else:
        text = translation(plural)
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
