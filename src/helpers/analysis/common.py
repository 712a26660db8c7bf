"""Rules every analysis module shares, each written once.

- :func:`is_total`: a figure that is not a part of a breakdown (the one "part of a total" rule);
- :func:`standard_in_force`: the standard a figure's series is drawn under;
- :func:`as_of`: what point of its year a figure stands at (year end, to date, mid-year);
- :func:`programme_years`: the years of a period in which the programme ran.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from helpers.vocabulary import PROGRAMME_FIRST_YEAR, PROGRAMME_LAST_YEAR

# The two poverty standards a figure can be "under" (others: not stated, not applicable).
NAMED_STANDARDS = ("2016-2020", "2021-2025")
# What point of its year a figure stands at: codes of the ``as_of`` column.
AS_OF = ("year_end", "to_date", "mid_year")


def is_total(table: pd.DataFrame) -> pd.Series:
    """True for rows (observations or facts) that are not a part of a breakdown."""
    split = table["breakdown_by"]
    return split.isna() | (split.astype(str).str.strip() == "")


def observations(dataset, geography_ids: Iterable[str] | None = None) -> pd.DataFrame:
    """The dataset's observations, optionally of some geographies, with plain-string ids."""
    obs = dataset.observations
    if geography_ids is not None:
        ids = {geography_ids} if isinstance(geography_ids, str) else set(geography_ids)
        obs = obs[obs["geography_id"].astype(str).isin(ids)]
    obs = obs.copy()
    for column in ("geography_id", "indicator_id", "kind", "qualifier", "unit", "source_id"):
        obs[column] = obs[column].astype(str)
    obs["poverty_standard"] = obs["poverty_standard"].astype(str)
    return obs.reset_index(drop=True)


def standard_in_force(standard: object, year: object) -> str:
    """The standard a figure counts under in a series: as recorded, or for "not stated" in a
    year from 2022 (when the 2021–2025 standard was the only one in force) that standard.

    The series then marks the figure's standard as inferred; the standard as recorded stays in
    ``poverty_standard``.
    """
    standard = str(standard)
    if standard == "not stated" and not pd.isna(year) and int(year) >= 2022:
        return "2021-2025"
    return standard


def standards_agree(a: object, b: object, year: object) -> bool:
    """Whether two figures' standards are one standard in ``year`` (see
    :func:`standard_in_force`); "not applicable" agrees with any."""
    a, b = standard_in_force(a, year), standard_in_force(b, year)
    return a == b or "not applicable" in (a, b)


def publication_dates(dataset, to_the_month: bool = True) -> dict[str, pd.Timestamp]:
    """Each source's publication date: printed, or inferred to the month (with
    ``to_the_month=False``, also a year alone, as its 1 January); else absent."""
    out = {}
    for row in dataset.sources.itertuples():
        inferred = row.date_inferred if isinstance(row.date_inferred, str) else ""
        if not pd.isna(row.date_published):
            out[str(row.source_id)] = pd.Timestamp(row.date_published)
        elif len(inferred) == 7 or (len(inferred) == 4 and not to_the_month):
            out[str(row.source_id)] = pd.Timestamp(inferred + ("-01" if len(inferred) == 7 else ""))
    return out


def as_of(year: object, date: object, published: pd.Timestamp | None) -> tuple[str, object]:
    """``(code, date)``: what point of its year a result stands at, and the date it is for.

    A printed date other than 31 December is ``mid_year``; a figure for the year its source was
    published in, before December and with no date of its own, is ``to_date`` (the year was not
    over) and takes the publication date; anything else is a ``year_end`` figure.
    """
    if not pd.isna(date):
        stamp = pd.Timestamp(date)
        return ("year_end" if (stamp.month, stamp.day) == (12, 31) else "mid_year"), stamp
    if published is not None and not pd.isna(year) and published.year == int(year):
        if published.month < 12:
            return "to_date", published
    return "year_end", pd.NaT


def programme_years(start: object, end: object) -> tuple[int, int, int] | None:
    """``(first, last, n)``: the years of a period in which the programme ran, or ``None``."""
    if pd.isna(start) or pd.isna(end):
        return None
    first, last = max(int(start), PROGRAMME_FIRST_YEAR), min(int(end), PROGRAMME_LAST_YEAR)
    return (first, last, last - first + 1) if last >= first else None


def ids(*values: object) -> tuple[str, ...]:
    """A tuple of observation ids from ids, tuples of ids or ``;``-joined strings."""
    out: list[str] = []
    for value in values:
        if isinstance(value, tuple | list):
            out += [str(v) for v in value]
        elif isinstance(value, str):
            out += [v for v in value.split(";") if v]
    return tuple(dict.fromkeys(out))
