"""The methods box on every page: the standards, methods and tiers of evidence the page rests on,
in five lines (issue 16).

    display.show(methods_box.methods_box(dataset, [geo_id]))

The counts come from :func:`helpers.analysis.methods.methods` over the page's observations
(:func:`helpers.analysis.methods.page_observations`); this module only words them. The five
lines: the poverty standards (with their legal basis and how many were inferred from the
period), the methods, the evidence, how paces and targets are read, and that a figure the
sources do not give stays empty.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from helpers.analysis.methods import methods, page_observations
from helpers.display import esc
from helpers.format import format_number
from helpers.i18n import N_, page_file, tr
from helpers.load import Dataset
from helpers.vocabulary import STANDARD_BASIS
from helpers.vocabulary import label as vlabel

STANDARDS_PAGE = "poverty-standards"


def _n(n: int) -> str:
    return format_number(n)


# Short names of the methods, for the box's one line.
METHOD_SHORT = {
    "administrative review": N_("review count"),
    "household survey": N_("survey estimate"),
}
EVIDENCE_TEXTS = {
    "verified": N_("{n} verified against the stored text"),
    "unchecked": N_("{n} not checked (stored text missing)"),
    "cited": N_("{n} cited to their address"),
    "derived": N_("{n} derived by a formula"),
}


def _standard_item(row: pd.Series) -> str:
    n, k = int(row["n_observations"]), int(row["n_inferred"])
    if row["code"] not in STANDARD_BASIS:
        return tr("{standard}: {n}", standard=tr("not stated"), n=_n(n))
    basis = vlabel(STANDARD_BASIS, row["code"]).split(" (")[0]  # the document's number
    years = str(row["code"]).replace("-", "–")
    if k:
        return tr(
            "{years} ({basis}): {n}, {k} inferred", years=years, basis=basis, n=_n(n), k=_n(k)
        )
    return tr("{years} ({basis}): {n}", years=years, basis=basis, n=_n(n))


def methods_lines(table: pd.DataFrame, standards_link: str | None) -> list[str]:
    """The box's lines as HTML (escaped), from a :func:`helpers.analysis.methods.methods`
    table; ``standards_link`` is the standards page's file, or None on that page itself."""
    lines = []
    standards = table[table["aspect"] == "standard"]
    if len(standards):
        items = "; ".join(_standard_item(r) for _, r in standards.iterrows())
        lines.append(esc(tr("Figures by poverty standard: {items}. Never joined as one series.",
                            items=items)))  # fmt: skip
    found = table[table["aspect"] == "method"]
    if len(found):
        items = "; ".join(
            tr("{method} {n}", method=tr(METHOD_SHORT[r["code"]]), n=_n(int(r["n_observations"])))
            for _, r in found.iterrows()
        )
        lines.append(esc(tr("Methods: {items}; never compared as one measure.", items=items)))
    evidence = table[table["aspect"] == "evidence"]
    if len(evidence):
        items = "; ".join(
            tr(EVIDENCE_TEXTS[r["code"]], n=_n(int(r["n_observations"])))
            for _, r in evidence.iterrows()
        )
        lines.append(esc(tr("Evidence: {items}; open “source” by a figure.", items=items)))
    lines.append(
        esc(
            tr(
                "A pace is the average fall per year between two year-end results of one series; "
                "a target is judged only against the same indicator, period and standard."
            )
        )
    )
    missing = esc(tr("What the sources do not give stays empty, never zero."))
    if standards_link:
        why = esc(tr("Why two standards give two rates"))  # pybabel reads no f-string
        missing += f' <a href="{esc(standards_link)}">{why}</a>.'
    lines.append(missing)
    return lines


def methods_box(
    dataset: Dataset,
    geography_ids: Iterable[str] | None = None,
    nation: bool = True,
    standards_link: str | None = None,
) -> str:
    """The methods box of a page about ``geography_ids`` (None: the whole dataset) as an
    ``<aside class="methods">`` of five lines at most. Its last line links the standards page
    (``standards_link``; by default on a page about some geographies, not on the standards page
    itself, which reads the whole dataset)."""
    if geography_ids is None:
        obs = dataset.observations
        link = standards_link
    else:
        obs = page_observations(dataset, geography_ids, nation=nation)
        link = standards_link or page_file(STANDARDS_PAGE)
    lines = methods_lines(methods(dataset, obs), link)
    title = esc(tr("How these figures were measured"))
    items = "".join(f"<li>{line}</li>" for line in lines)
    return f'<aside class="methods"><p class="methods-title">{title}</p><ul>{items}</ul></aside>'
