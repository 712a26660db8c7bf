"""Geographies: matching what a user types to the names the data uses, and looking units up."""

from __future__ import annotations

import pandas as pd

from helpers.config import FOCUS_PROVINCES
from helpers.facts import Dataset
from helpers.i18n import tr
from helpers.names import UnknownGeographyError, fold_name, resolve_name  # noqa: F401 (re-exported)

# --- the geographies table ---------------------------------------------------------------


def geographies_with_observations(dataset: Dataset) -> pd.DataFrame:
    """The geographies rows that have at least one observation, in table order."""
    used = set(dataset.observations["geography_id"].astype(str))
    geos = dataset.geographies
    return geos[geos["geography_id"].astype(str).isin(used)].reset_index(drop=True)


def valid_geography_names(dataset: Dataset) -> list[str]:
    """Names a notebook accepts as its ``province`` parameter: every geography of the table."""
    return [str(n) for n in dataset.geographies["name"]]


def resolve_geography(dataset: Dataset, name: str) -> pd.Series:
    """The geographies row ``name`` denotes: its name or id in any case, with or without accents,
    or a common other name ("Vietnam", "Viet Nam", "Hoa Binh").

    Raises :class:`UnknownGeographyError` listing the valid names otherwise.
    """
    from helpers.vocabulary import GEOGRAPHY_ALIASES

    geos = dataset.geographies
    ids = [str(g) for g in geos["geography_id"]]
    names = [str(n) for n in geos["name"]]
    wanted = fold_name(name)
    # A name shared by two units (Thái Nguyên before and after 1 July 2025) denotes the first,
    # the unit as most figures were reported; the later one is reached by its id.
    by_key = {}
    for n, i in zip(names, ids, strict=True):
        by_key.setdefault(fold_name(n), i)
    by_key |= {fold_name(i): i for i in ids}
    by_key |= {k: v for k, v in GEOGRAPHY_ALIASES.items() if v in ids}
    gid = by_key.get(wanted)
    if gid is None:
        from helpers.names import describe_units

        listing = describe_units(geos.to_dict("records"))
        raise UnknownGeographyError(
            f"unknown geography {name!r}: no name, id or common spelling in "
            f"data/geographies.csv matches it; valid names are: {listing}"
        )
    return geos[geos["geography_id"].astype(str) == gid].iloc[0]


def geography_name(dataset: Dataset, geography_id: str) -> str:
    """The Vietnamese name of a geography id (the id itself if it is not in the table)."""
    geos = dataset.geographies
    match = geos.loc[geos["geography_id"].astype(str) == str(geography_id), "name"]
    return str(match.iloc[0]) if len(match) else str(geography_id)


def child_geographies(dataset: Dataset, geography_id: str) -> pd.DataFrame:
    """Geographies whose parent is ``geography_id`` and that have observations."""
    geos = geographies_with_observations(dataset)
    return geos[geos["parent_id"].astype(str) == str(geography_id)].reset_index(drop=True)


def focus_province_ids(dataset: Dataset) -> list[str]:
    """Ids of the focus provinces (config) that have observations, in config order."""
    used = set(geographies_with_observations(dataset)["geography_id"].astype(str))
    return [gid for gid in FOCUS_PROVINCES if gid in used]


def reorganisation_note(dataset: Dataset, geography_id: str) -> tuple[str, list[str]]:
    """What happened to a unit on 1 July 2025, in one sentence, and the partner units' ids.

    A province that absorbed others names them; a merged one names its successor; a district
    says the district level was abolished. The nation and unaffected units get "".
    """
    geos = dataset.geographies
    row = geos[geos["geography_id"].astype(str) == str(geography_id)]
    if row.empty:
        return "", []
    row = row.iloc[0]
    level = str(row["level"])
    after = "" if pd.isna(row["province_after_2025"]) else str(row["province_after_2025"])
    name = str(row["name"])
    if level == "district":
        province = geography_name(dataset, after) if after else tr("its province")
        return (
            tr(
                "On 1 July 2025 the district level was abolished; {name}'s area now lies in "
                "{province}. Figures here are for the district as it was when reported.",
                name=name,
                province=province,
            ),
            [after] if after else [],
        )
    if level != "province" or not after:
        return "", []
    provinces = geos[geos["level"].astype(str) == "province"]
    members = provinces[provinces["province_after_2025"].astype(str) == after]
    others = [str(g) for g in members["geography_id"] if str(g) != str(geography_id)]
    if after != str(geography_id):
        return (
            tr(
                "On 1 July 2025 {name} merged into {successor}. Figures here are for {name} as "
                "it was when reported.",
                name=name,
                successor=geography_name(dataset, after),
            ),
            [after, *[o for o in others if o != after]],
        )
    if others:
        absorbed = tr(" and ").join(geography_name(dataset, o) for o in others)
        return (
            tr(
                "On 1 July 2025 {name} absorbed {absorbed} and kept its name. Figures here are "
                "for {name} as it was when reported, without {absorbed}, unless marked otherwise.",
                name=name,
                absorbed=absorbed,
            ),
            others,
        )
    return "", []
