"""Numbers as a reader should see them: units, qualifiers, ranges, notation, "not reported".

Every figure in the notebooks goes through :func:`format_quantity`, so a value reads the same
in a table, a sentence and a test. Two notations are supported:

- ``"en"``: ``1,234.5`` (comma groups thousands, point marks decimals);
- ``"vi"``: ``1.234,5`` (the notation of the source reports).

Numbers and dates are written by Babel from the CLDR data of each locale (its group and decimal
symbols, its month names); this module chooses the decimals, the rounding and the patterns the
pages use. Units stay words of :mod:`helpers.vocabulary`: CLDR's percent pattern for both
languages is the number then ``%`` with no space, which is what ``"percent"`` appends (and a
range writes it once, ``3,5–4%``); "pp", "billion VND" and "tỷ đồng" are not CLDR units.

Without a ``notation``, numbers, units, dates and words follow the page's language
(:func:`helpers.i18n.language`). A missing value always reads :func:`not_reported` ("not
reported", "không có số liệu"), never ``0``.
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal

import pandas as pd
from babel.dates import format_date as babel_date
from babel.numbers import format_decimal

from helpers.i18n import N_, language, tr
from helpers.vocabulary import QUALIFIER_WORDS, STANDARD_LABELS, UNIT_SUFFIXES, label, text

NOT_REPORTED = N_("not reported")  # the English text of :func:`not_reported`


def not_reported() -> str:
    """What a missing value reads, in the page's language."""
    return tr(NOT_REPORTED)


_NOTATIONS = ("en", "vi")
# Babel (CLDR) date patterns of the pages: "17 April 2025" and "17/4/2025"; a month alone,
# "April 2023" and "tháng 4/2023" (CLDR's Vietnamese month name is "tháng 4").
DATE_PATTERNS = {"en": "d MMMM y", "vi": "d/M/y"}
MONTH_PATTERNS = {"en": "MMMM y", "vi": "MMMM/y"}


def is_missing(value: object) -> bool:
    """True for ``None``, ``NaN``, ``pd.NA`` and ``NaT``."""
    if value is None:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _check_notation(notation: str | None) -> int:
    if notation is None:
        notation = language()
    if notation not in _NOTATIONS:
        raise ValueError(f"notation must be one of {_NOTATIONS}, got {notation!r}")
    return _NOTATIONS.index(notation)


def format_number(
    value: float | None, decimals: int | None = None, notation: str | None = None
) -> str:
    """A number with thousands grouped, in English or Vietnamese notation.

    With ``decimals=None`` the number keeps the decimals it has (up to three), so a value
    transcribed as ``17.02`` prints as ``17.02`` and ``13867.0`` as ``13,867``.
    """
    index = _check_notation(notation)
    if is_missing(value):
        return not_reported()
    value = float(value)
    if math.isinf(value):
        raise ValueError(f"cannot format an infinite value: {value}")
    if decimals is None:
        exponent = Decimal(repr(round(value, 3))).normalize().as_tuple().exponent
        decimals = max(0, -int(exponent))
    # The decimal the data writes (repr: 21.95, not the binary 21.949999…) rounded half up, as a
    # reader rounds it by hand: 21.95 -> 22.0 (Python's f"{21.95:.1f}" gave 21.9, Babel's default
    # half-to-even 42.85 -> 42.8). A value that rounds to zero loses its sign ("0", never "-0").
    number = Decimal(repr(value)).quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_UP)
    if number == 0:
        number = abs(number)
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(number, pattern, locale=_NOTATIONS[index])


def unit_suffix(unit: str, notation: str | None = None) -> str:
    """The suffix that follows a number in ``unit`` (``"%"``, ``" billion VND"``, ...)."""
    index = _check_notation(notation)
    if unit not in UNIT_SUFFIXES:
        raise ValueError(f"unknown unit {unit!r}; known units are: {', '.join(UNIT_SUFFIXES)}")
    return text(UNIT_SUFFIXES[unit], _NOTATIONS[index])


def format_range(
    low: float, high: float, unit: str, decimals: int | None = None, notation: str | None = None
) -> str:
    """A closed range with the unit once: ``"2–2.5 pp"``; a missing end reads "not reported"."""
    if is_missing(low) or is_missing(high):
        return not_reported()
    numbers = f"{format_number(low, decimals, notation)}–{format_number(high, decimals, notation)}"
    return numbers + unit_suffix(unit, notation)


def format_quantity(
    value: float | None,
    unit: str,
    qualifier: str = "exact",
    high: float | None = None,
    decimals: int | None = None,
    notation: str | None = None,
) -> str:
    """A value with its unit and qualifier: ``"211.9 billion VND"``, ``"over 3%"``, ``"2–2.5 pp"``.

    ``qualifier`` is one of the qualifiers of observations.csv, or ``"range"`` with ``value``
    the low end and ``high`` the high end. A missing value reads "not reported".
    """
    if qualifier == "range":
        return format_range(value, high, unit, decimals, notation)
    if is_missing(value):
        return not_reported()
    index = _check_notation(notation)
    if qualifier not in QUALIFIER_WORDS:
        raise ValueError(
            f"unknown qualifier {qualifier!r}; known: range, {', '.join(QUALIFIER_WORDS)}"
        )
    words = text(QUALIFIER_WORDS[qualifier], _NOTATIONS[index])
    return words + format_number(value, decimals, notation) + unit_suffix(unit, notation)


def format_period(start: int | None, end: int | None) -> str:
    """``"2021"``, ``"2021–2024"``, ``"to 2024"`` (start not printed), or "period not stated"."""
    if is_missing(start) and is_missing(end):
        return tr("period not stated")
    if is_missing(start):
        return tr("to {year}", year=int(end))
    if is_missing(end):
        return tr("from {year}", year=int(start))
    if int(start) == int(end):
        return str(int(start))
    return f"{int(start)}–{int(end)}"


def format_date(date: object, inferred: object = None) -> str:
    """A publication date as each language writes it: ``"17 April 2025"``, ``"17/4/2025"``.

    An inferred one reads ``"April 2023 (inferred)"``, ``"tháng 4/2023 (suy ra)"``.
    ``inferred`` is a ``YYYY`` or ``YYYY-MM`` string used only when ``date`` is missing.
    """
    locale = language()
    if not is_missing(date):
        return babel_date(pd.Timestamp(date).date(), DATE_PATTERNS[locale], locale=locale)
    if is_missing(inferred) or not str(inferred).strip():
        return tr("date not printed")
    parts = str(inferred).strip().split("-")
    if len(parts) >= 2 and parts[1].isdigit() and 1 <= int(parts[1]) <= 12:
        month = pd.Timestamp(year=int(parts[0]), month=int(parts[1]), day=1).date()
        return tr(
            "{date} (inferred)", date=babel_date(month, MONTH_PATTERNS[locale], locale=locale)
        )
    return tr("{date} (inferred)", date=parts[0])


def format_standard(standard: object, inferred: object = None) -> str:
    """A poverty standard as a reader should see it, e.g. ``"2021–2025 standard"``.

    ``standard`` is a standard's code or a fact (a row with ``poverty_standard`` and, when the
    data has it, ``standard_inferred``). A standard inferred from the period rather than named
    by the source reads ``"2021–2025 standard (inferred)"`` (``"… (suy ra)"``): every page that
    prints a standard goes through here, so none shows an inferred one as printed.
    """
    if isinstance(standard, (dict, pd.Series)):
        if inferred is None:
            inferred = standard.get("standard_inferred")
        standard = standard.get("poverty_standard")
    if is_missing(standard) or not str(standard).strip():
        return label(STANDARD_LABELS, "not stated")
    key = str(standard)
    text = label(STANDARD_LABELS, key, tr("{years} standard", years=key.replace("-", "–")))
    if is_true(inferred) and key not in ("not stated", "not applicable"):
        return tr("{standard} (inferred)", standard=text)
    return text


def is_true(value: object) -> bool:
    """True for ``True`` and the text ``"true"`` (a flag as loaded or as read from a CSV)."""
    return not is_missing(value) and str(value).strip().lower() == "true"
