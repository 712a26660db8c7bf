"""The list of reports: which notebook, which parameters, which title, in which order.

This is the one place that says what ``render-reports`` renders. The order is fixed
(province profiles in the order of :data:`helpers.config.FOCUS_PROVINCES`, then the
comparison, then the standards report) so that ``--shard i/n`` slices are deterministic.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from helpers import config
from helpers.geo import fold_name, resolve_name


@dataclass(frozen=True)
class ReportKind:
    """One notebook and how its reports are named."""

    name: str  # what the user types after --report
    notebook: str  # notebook file stem in the notebooks folder
    slug: str  # HTML file stem; per-province reports append the province's slug
    title: str  # page title; ``{province}`` is filled in for per-province reports
    per_province: bool


KINDS: dict[str, ReportKind] = {
    kind.name: kind
    for kind in (
        ReportKind(
            "profile", "01-province-profile", "profile", "Province profile: {province}", True
        ),
        ReportKind(
            "compare",
            "02-compare-provinces",
            "compare-provinces",
            "Comparing the focus provinces",
            False,
        ),
        ReportKind(
            "standards", "03-poverty-standards", "poverty-standards", "Poverty standards", False
        ),
    )
}


@dataclass(frozen=True)
class Report:
    """One HTML page to render: ``<slug>.html`` from ``notebook`` run with ``parameters``."""

    slug: str  # file stem of the HTML and of the executed notebook (ASCII)
    kind: str  # a key of KINDS
    notebook: str  # notebook file stem
    title: str
    parameters: dict[str, str] = field(default_factory=dict)
    province: str | None = None  # Vietnamese name, for per-province reports


def province_slug(name: str) -> str:
    """ASCII file-name part for a province: its id in ``FOCUS_PROVINCES``, else its folded name."""
    for province_id, focus_name in config.FOCUS_PROVINCES.items():
        if focus_name == name:
            return province_id
    return fold_name(name).replace(" ", "-")


def resolve_provinces(requested: Iterable[str], extra: Iterable[str] = ()) -> list[str]:
    """Valid province names that the user's ``requested`` names denote, in the order given.

    Names match without accents or case (``thai nguyen`` finds ``Thái Nguyên``). With nothing
    requested, every focus province plus the ``extra`` ones. Raises
    :class:`helpers.geo.UnknownGeographyError` listing the valid names on the first unknown name.
    """
    valid = list(dict.fromkeys([*config.FOCUS_PROVINCES.values(), *extra]))
    requested = list(requested)
    if not requested:
        return valid
    return list(dict.fromkeys(resolve_name(name, valid) for name in requested))


def reports_for(kinds: Iterable[str], provinces: Sequence[str]) -> list[Report]:
    """The reports of the chosen ``kinds`` (all when empty), in the catalogue's fixed order."""
    chosen = set(kinds) or set(KINDS)
    unknown = chosen - set(KINDS)
    if unknown:
        raise ValueError(
            f"unknown report kind(s) {sorted(unknown)}; valid kinds are: {', '.join(KINDS)}"
        )
    reports: list[Report] = []
    for kind in KINDS.values():
        if kind.name not in chosen:
            continue
        if kind.per_province:
            reports.extend(_province_report(kind, province) for province in provinces)
        else:
            reports.append(Report(kind.slug, kind.name, kind.notebook, kind.title))
    return reports


def _province_report(kind: ReportKind, province: str) -> Report:
    return Report(
        slug=f"{kind.slug}-{province_slug(province)}",
        kind=kind.name,
        notebook=kind.notebook,
        title=kind.title.format(province=province),
        parameters={"province": province},
        province=province,
    )


def parse_shard(text: str) -> tuple[int, int]:
    """``"2/3"`` → ``(2, 3)``; raises ValueError saying what a valid shard looks like."""
    try:
        index_text, count_text = text.split("/")
        index, count = int(index_text), int(count_text)
    except ValueError:
        raise ValueError(f"--shard {text!r} is not of the form i/n, e.g. 1/3") from None
    if not 1 <= index <= count:
        raise ValueError(f"--shard {text!r}: i must be between 1 and n (here 1..{count})")
    return index, count


def shard(reports: Sequence[Report], index: int, count: int) -> list[Report]:
    """The ``index``-th (1-based) of ``count`` disjoint slices covering ``reports``.

    Reports are dealt round-robin, so that each slice gets a mix of kinds and the slices'
    run times stay close.
    """
    return list(reports[index - 1 :: count])
