"""The catalogue of the reports' messages: each English message beside its Vietnamese.

One table per part of the reports, so that each message is written once and found where it
is used: ``common`` (words every page shares: formats, evidence, tables, sources, charts),
``profile`` (the province profile), ``compare`` (the comparison), ``standards`` (the poverty
standards page), ``site`` (the page chrome and index written by ``reportbuild``) and
``ranks`` (the chart of a province among all provinces). Each
module defines ``VI``, a dict from the English text, exactly as passed to
:func:`helpers.i18n.tr`, to its Vietnamese.

Writing the Vietnamese: use the programme's own terms (Chương trình MTQG giảm nghèo bền vững,
chuẩn nghèo đa chiều, hộ nghèo, hộ cận nghèo, the component projects' names of Decision
90/QĐ-TTg); keep every ``{field}`` of the English; do not gloss word by word.

The vocabularies (units, kinds of figure, standards, projects ...) are pairs in
:mod:`helpers.vocabulary`, not here.
"""

from __future__ import annotations

from importlib import import_module

PARTS = ("common", "profile", "compare", "standards", "site", "ranks", "charts")


def _merge() -> dict[str, dict[str, str]]:
    merged: dict[str, str] = {}
    origin: dict[str, str] = {}
    for part in PARTS:
        table = import_module(f"helpers.catalogue.{part}").VI
        for english, vietnamese in table.items():
            if english in merged and merged[english] != vietnamese:
                raise ValueError(
                    f"the message {english!r} has two Vietnamese texts, in "
                    f"helpers.catalogue.{origin[english]} and helpers.catalogue.{part}: keep one"
                )
            merged[english] = vietnamese
            origin.setdefault(english, part)
    return {"vi": merged}


CATALOGUE = _merge()
