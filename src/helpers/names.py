"""Names as people type them: matching a typed name to the names the data uses.

Text only (the standard library), so that tools which match names, such as ``render-reports``,
need not import pandas; :mod:`helpers.geo` re-exports these for the notebooks.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable


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
