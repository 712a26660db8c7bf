"""The sources behind the figures: who published what, when, and how a date was inferred."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from helpers.facts import Dataset
from helpers.format import format_date, is_missing
from helpers.i18n import tr

_ROWS: dict[int, tuple[pd.DataFrame, int, dict[str, pd.Series]]] = {}


def source_row(dataset: Dataset, source_id: str) -> pd.Series:
    """The sources row of ``source_id``.

    A page looks sources up thousands of times (every evidence block), so the rows are indexed
    once per sources table: the index is rebuilt when the table is another object or its
    length changed.
    """
    sources = dataset.sources
    cached = _ROWS.get(id(sources))
    if cached is None or cached[0] is not sources or cached[1] != len(sources):
        # the first row wins for a repeated id, as the filter this replaces did
        rows = {}
        for sid, (_, row) in zip(sources["source_id"], sources.iterrows(), strict=True):
            rows.setdefault(str(sid), row)
        cached = (sources, len(sources), rows)
        _ROWS.clear()
        _ROWS[id(sources)] = cached
    try:
        return cached[2][str(source_id)]
    except KeyError:
        raise KeyError(f"source_id {source_id!r} is not in the sources table") from None


def short_source(dataset: Dataset, source_id: str) -> str:
    """``"publisher, date"`` of one source, saying so when either is not printed."""
    row = source_row(dataset, source_id)
    publisher = "" if is_missing(row["publisher"]) else str(row["publisher"]).strip()
    if not publisher:
        author = "" if is_missing(row.get("author")) else str(row.get("author")).strip()
        publisher = (
            tr("publisher not printed (author {author})", author=author)
            if author
            else tr("publisher not printed")
        )
    return f"{publisher}, {format_date(row['date_published'], row.get('date_inferred'))}"


def sources_used(dataset: Dataset, facts_table: pd.DataFrame) -> list[str]:
    """Source ids behind a facts table, in sources-table order."""
    used = set(facts_table["source_id"].astype(str))
    return [s for s in dataset.sources["source_id"].astype(str) if s in used]


def sources_table(dataset: Dataset, source_ids: Iterable[str] | None = None) -> pd.DataFrame:
    """Publisher, date, author, title and address of sources (all, or those given)."""
    sources = dataset.sources
    if source_ids is not None:
        wanted = set(map(str, source_ids))
        sources = sources[sources["source_id"].astype(str).isin(wanted)]

    def text(value: object, missing: str) -> str:
        return missing if is_missing(value) or not str(value).strip() else str(value)

    return pd.DataFrame(
        {
            "source": sources["source_id"].astype(str),
            "publisher": [text(v, tr("not printed")) for v in sources["publisher"]],
            "date": [
                format_date(d, i)
                for d, i in zip(sources["date_published"], sources["date_inferred"], strict=True)
            ],
            "author": [text(v, tr("not printed")) for v in sources["author"]],
            "title": [text(v, "") for v in sources["title"]],
            "url": [text(v, tr("not recorded")) for v in sources["url"]],
        }
    ).reset_index(drop=True)


def discrepancies(dataset: Dataset) -> pd.DataFrame:
    """``known_discrepancies.csv``: totals whose printed parts do not add up, as recorded."""
    table = getattr(dataset, "discrepancies", None)
    if isinstance(table, pd.DataFrame):
        return table
    from helpers.provenance import read_known_discrepancies

    return read_known_discrepancies(getattr(dataset, "data_dir", None))
