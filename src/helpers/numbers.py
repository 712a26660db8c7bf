"""Numbers as Vietnamese reports print them, and the units they are printed in.

Vietnamese notation groups thousands with ``.`` and marks decimals with ``,``:
``117.325 triệu đồng`` is 117,325 million VND and ``211,9 tỷ đồng`` is 211.9 billion VND.
This module turns such text into floats, finds every number written in a report
(for the completeness check), and converts a printed unit to an indicator's canonical unit.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# A single number: digits with optional "." thousand groups, then an optional ",decimal" part.
# Digits run together without separators ("2732326") are one number too.
_NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
NUMBER_RE = re.compile(rf"(?<![\d.,])(?:{_NUMBER})(?![\d]|[.,]\d)")

_RANGE_RE = re.compile(rf"^(?:từ\s*)?({_NUMBER})\s*%?\s*[-–]\s*({_NUMBER})\s*%?$")
_FRACTION_RE = re.compile(r"^(\d+)\s*/\s*(\d+)$")


class NumberFormatError(ValueError):
    """Text that is not a number in Vietnamese notation."""


@dataclass(frozen=True)
class ParsedNumber:
    """A number as printed: a single value (``low == high``), a range, or a fraction."""

    low: float
    high: float
    kind: str  # "single", "range" or "fraction"

    @property
    def value(self) -> float:
        """The single value; ranges have none."""
        if self.kind == "range":
            raise NumberFormatError("a range has two values: use .low and .high")
        return self.low


def normalise_text(text: str) -> str:
    """NFC with non-breaking and other Unicode spaces folded to plain spaces.

    Source texts were captured from the web and carry U+00A0 in places; excerpts are
    compared in this form so that a curator need not reproduce invisible characters.
    """
    text = unicodedata.normalize("NFC", text)
    return _OTHER_SPACE.sub(" ", text)


# Every character ``str.isspace`` calls a space (``\s`` of a ``str`` pattern is the same set)
# but the newline and the plain space: one regular-expression pass, where a join over the
# characters took most of the loader's time.
_OTHER_SPACE = re.compile(r"[^\S\n ]")


def parse_vn_single(text: str) -> float:
    """Parse one number in Vietnamese notation: ``1.234`` → 1234, ``2,5`` → 2.5, ``02`` → 2."""
    text = text.strip()
    if not re.fullmatch(_NUMBER, text):
        raise NumberFormatError(
            f"{text!r} is not a number in Vietnamese notation "
            "(expected digits, '.' between thousand groups, ',' before decimals)"
        )
    return float(text.replace(".", "").replace(",", "."))


def parse_vn_number(text: str) -> ParsedNumber:
    """Parse a printed quantity: ``211,9``, ``2%-2,5%``, ``2 - 2,5``, ``3,5-4``, ``1/2``.

    Unit symbols such as ``%`` inside a range are tolerated; unit words are not
    (they belong in the unit column).
    """
    raw = normalise_text(text).strip()
    body = raw[:-1].rstrip() if raw.endswith("%") else raw
    if m := _FRACTION_RE.match(body):
        num, den = int(m.group(1)), int(m.group(2))
        if den == 0:
            raise NumberFormatError(f"{text!r} is a fraction with a zero denominator")
        return ParsedNumber(num / den, num / den, "fraction")
    if m := _RANGE_RE.match(raw):
        low, high = parse_vn_single(m.group(1)), parse_vn_single(m.group(2))
        if low > high:
            raise NumberFormatError(f"{text!r} is a range whose low end exceeds its high end")
        return ParsedNumber(low, high, "range")
    value = parse_vn_single(body)
    return ParsedNumber(value, value, "single")


def find_numbers(text: str) -> list[tuple[int, int, str]]:
    """Every number written in ``text``, as ``(start, end, printed)`` spans.

    Ranges and fractions come out as their separate numbers; callers decide what
    a span belongs to.
    """
    return [(m.start(), m.end(), m.group()) for m in NUMBER_RE.finditer(text)]


def locate_number(excerpt: str, printed: str) -> tuple[int, int] | None:
    """Span of ``printed`` inside ``excerpt`` where it stands as a whole number, or None.

    ``3`` is not found inside ``13`` or ``3,5``; the first whole occurrence wins.
    """
    pattern = rf"(?<![\d.,]){re.escape(printed)}(?![\d]|[.,]\d)"
    m = re.search(pattern, excerpt)
    return (m.start(), m.end()) if m else None


# Printed unit → {canonical unit: factor}. A printed unit may express several canonical
# units ("%" is a share or a change in percentage points); a pair missing here is a wrong unit.
_COUNT_WORDS = (
    "dự án",
    "mô hình",
    "dự án, mô hình",
    "lớp",
    "ngày hội",
    "phiên",
    "cẩm nang",
    "băng rôn",
    "banner",
    "tin, bài",
    "buổi",
    "huyện",
    "xã",
    "xóm",
    "chương trình",
)
UNIT_CONVERSIONS: dict[str, dict[str, float]] = {
    "tỷ đồng": {"VND billion": 1.0},
    "triệu đồng": {"VND billion": 1e-3},
    "%": {"percent": 1.0, "percentage points": 1.0, "percentage points per year": 1.0},
    "%/năm": {"percentage points per year": 1.0},
    "hộ": {"households": 1.0},
    "lượt hộ": {"household-times": 1.0},
    "người": {"persons": 1.0},
    "lượt người": {"person-times": 1.0},
    "lao động": {"persons": 1.0, "persons per year": 1.0},
    "đại biểu": {"persons": 1.0},
    "đối tượng": {"persons": 1.0},
    **{word: {"count": 1.0} for word in _COUNT_WORDS},
    # Nothing printed: the count takes the noun of its total ("1.095 thuộc hộ nghèo"),
    # and a bare fraction ("giảm 1/2 số hộ") is a share.
    "": {"persons": 1.0, "households": 1.0, "count": 1.0, "percent": 100.0},
}


class UnitError(ValueError):
    """A printed unit that cannot express the indicator's canonical unit."""


def conversion_factor(unit_as_printed: str, canonical_unit: str) -> float:
    """Factor that turns a number printed in ``unit_as_printed`` into ``canonical_unit``."""
    options = UNIT_CONVERSIONS.get(normalise_text(unit_as_printed).strip())
    if options is None:
        known = ", ".join(repr(u) for u in sorted(UNIT_CONVERSIONS))
        raise UnitError(f"unknown printed unit {unit_as_printed!r}; known units are: {known}")
    if canonical_unit not in options:
        allowed = ", ".join(sorted(options))
        raise UnitError(
            f"printed unit {unit_as_printed!r} cannot express {canonical_unit!r} "
            f"(it converts to: {allowed})"
        )
    return options[canonical_unit]
