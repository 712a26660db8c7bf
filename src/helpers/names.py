"""Names as people type them: matching a typed name to the names the data uses.

Text only (the standard library), so that tools which match names, such as ``render-reports``,
need not import pandas; :mod:`helpers.geo` re-exports these for the notebooks.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping


class UnknownGeographyError(ValueError):
    """A geography name that matches none of the valid names."""


def fold_name(name: str) -> str:
    """Lower-case, accent-free, single-spaced form of a Vietnamese name.

    ``đ`` has no Unicode decomposition, so it is folded to ``d`` by hand;
    hyphens and underscores count as spaces so that ids (``thai-nguyen``) match too.
    """
    text = unicodedata.normalize("NFD", str(name).strip().lower())
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Mn")
    text = text.replace("đ", "d").replace("-", " ").replace("_", " ")
    return " ".join(text.split())


def describe_units(rows: Iterable[Mapping[str, object]]) -> str:
    """The geographies in ``rows`` (``name``, ``geography_id`` and, when known, ``level``,
    ``valid_from``, ``valid_to``) as a list a user can choose from: one name can denote several
    units (Thái Nguyên the province until 30 June 2025, the merged province from 1 July 2025,
    and a city), so each comes with its id, its level and its dates, by name then date."""

    def text(value: object) -> str:
        return "" if value is None or value != value or str(value) in ("", "<NA>") else str(value)

    def described(row: Mapping[str, object]) -> tuple[str, str, str]:
        name, since, until = (
            text(row.get("name")),
            text(row.get("valid_from")),
            text(row.get("valid_to")),
        )
        since, until = since[:10], until[:10]
        parts = [f"id {text(row.get('geography_id'))}"]
        if text(row.get("level")):
            parts.append(text(row.get("level")))
        if since and until:
            parts.append(f"{since} to {until}")
        elif since:
            parts.append(f"from {since}")
        elif until:
            parts.append(f"until {until}")
        return fold_name(name), since, f"{name} ({', '.join(parts)})"

    return ", ".join(entry for _, _, entry in sorted(described(r) for r in rows))


def resolve_name(name: str, valid: Iterable[str], what: str = "province") -> str:
    """Return the valid name that ``name`` denotes, ignoring case, accents and spacing.

    Raises :class:`UnknownGeographyError` listing every valid name when none matches.
    """
    valid = list(valid)
    by_fold = {fold_name(v): v for v in valid}
    match = by_fold.get(fold_name(name))
    if match is None:
        listing = ", ".join(sorted(valid, key=fold_name))
        raise UnknownGeographyError(f"unknown {what} {name!r}; valid names are: {listing}")
    return match
