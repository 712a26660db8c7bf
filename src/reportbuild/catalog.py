"""The list of reports, read from ``notebooks/reports.yml``: notebook, parameters, title, output.

``reports.yml`` is the one place that says what ``render-reports`` renders (its comments describe
the keys). The order is fixed (per-province reports in the order of the file's ``provinces``,
then the other kinds in file order) so that ``--shard i/n`` slices are deterministic.

File names come only from geography ids, which must be ASCII slugs (``thai-nguyen``): a name
typed on the command line never reaches a path.

Every report is rendered in each of the catalogue's ``languages`` (``en``, ``vi``): the notebook
gets a ``language`` parameter, the page's title is the entry's ``title`` (English) or
``title_vi``, and the file is ``<output>.html`` in English and ``<output>.vi.html`` in
Vietnamese (:func:`helpers.i18n.page_file`), side by side in one folder so that links between
pages need no path.
"""

from __future__ import annotations

import csv
import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from helpers import config
from helpers.i18n import LANGUAGES, page_file, page_stem
from helpers.names import UnknownGeographyError, fold_name, resolve_name

CATALOGUE_NAME = "reports.yml"
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class CatalogueError(ValueError):
    """``reports.yml`` is missing a key, or holds a value that cannot be used."""


@dataclass(frozen=True)
class ReportKind:
    """One entry of ``reports.yml``: a notebook and how its reports are named."""

    name: str  # what the user types after --report
    notebook: str  # notebook file stem in the notebooks folder
    output: str  # HTML file stem; ``{province_id}`` is filled in for per-province reports
    title: str  # English page title; ``{province}`` is filled in for per-province reports
    per_province: bool = False
    parameters: dict[str, str] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)  # language -> title (``title_<lang>``)

    def title_in(self, language: str) -> str:
        """The page title in ``language`` (English when the entry has none in it)."""
        return self.titles.get(language, self.title)


@dataclass(frozen=True)
class Catalogue:
    """What ``reports.yml`` declares."""

    provinces: dict[str, str]  # geography id → name as reported, in file order
    kinds: dict[str, ReportKind]  # in file order
    path: Path | None = None
    languages: tuple[str, ...] = ("en",)  # every report is rendered in each, in this order


@dataclass(frozen=True)
class Report:
    """One HTML page to render: ``<slug>.html`` from ``notebook`` run with ``parameters``."""

    slug: str  # file stem of the HTML and of the executed notebook (ASCII)
    kind: str  # a key of the catalogue's kinds
    notebook: str  # notebook file stem
    title: str
    parameters: dict[str, str] = field(default_factory=dict)
    province: str | None = None  # Vietnamese name, for per-province reports
    language: str = "en"
    twins: tuple[tuple[str, str], ...] = ()  # (language, file name) of the other versions

    @property
    def stem(self) -> str:
        """The file stem without the language (the same for every language version)."""
        return self.slug.removesuffix(f".{self.language}")


def catalogue_path(notebooks_dir: Path | None = None) -> Path:
    """``<notebooks_dir>/reports.yml`` if it exists, else ``notebooks/reports.yml``."""
    if notebooks_dir is not None and (notebooks_dir / CATALOGUE_NAME).is_file():
        return notebooks_dir / CATALOGUE_NAME
    return config.NOTEBOOKS_DIR / CATALOGUE_NAME


def load(path: Path | None = None) -> Catalogue:
    """The catalogue in ``path`` (default :func:`catalogue_path`); CatalogueError when unusable."""
    path = (path or catalogue_path()).resolve()
    return _load(path, path.stat().st_mtime_ns if path.is_file() else 0)


@functools.cache
def _load(path: Path, _mtime_ns: int) -> Catalogue:
    import yaml

    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise CatalogueError(f"cannot read the list of reports {path}: {error.strerror}") from None
    except yaml.YAMLError as error:
        raise CatalogueError(f"{path} is not valid YAML: {error}") from None
    if not isinstance(document, dict):
        raise CatalogueError(f"{path}: expected keys 'provinces' and 'reports' at the top")
    provinces = {str(k): str(v) for k, v in (document.get("provinces") or {}).items()}
    for province_id in provinces:
        _check_slug(province_id, f"{path}: province id", "as in data/geographies.csv")
    kinds: dict[str, ReportKind] = {}
    for number, entry in enumerate(document.get("reports") or [], start=1):
        kind = _kind_of(entry, f"{path}: report {number}")
        kinds[kind.name] = kind
    if not kinds:
        raise CatalogueError(f"{path}: 'reports' lists no report")
    languages = tuple(str(lang) for lang in (document.get("languages") or ["en"]))
    for language in languages:
        if language not in LANGUAGES:
            raise CatalogueError(
                f"{path}: languages: {language!r} is not one the reports are written in "
                f"({', '.join(LANGUAGES)})"
            )
    for number, kind in enumerate(kinds.values(), start=1):
        lacking = [lang for lang in languages if lang != "en" and lang not in kind.titles]
        if lacking:
            keys = ", ".join(f"title_{lang}" for lang in lacking)
            raise CatalogueError(f"{path}: report {number} ({kind.name}): missing {keys}")
    return Catalogue(provinces, kinds, path, languages)


def _kind_of(entry: object, where: str) -> ReportKind:
    if not isinstance(entry, dict):
        raise CatalogueError(f"{where}: expected a mapping with name, notebook, title, output")
    missing = [key for key in ("name", "notebook", "title", "output") if not entry.get(key)]
    if missing:
        raise CatalogueError(f"{where}: missing {', '.join(missing)}")
    titles = {
        key.removeprefix("title_"): str(value)
        for key, value in entry.items()
        if str(key).startswith("title_") and value
    }
    known = {"name", "notebook", "title", "output", "per_province", "parameters"}
    unknown = set(entry) - known - {f"title_{lang}" for lang in titles if lang in LANGUAGES}
    if unknown:
        raise CatalogueError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
    kind = ReportKind(
        name=str(entry["name"]),
        notebook=str(entry["notebook"]),
        output=str(entry["output"]),
        title=str(entry["title"]),
        per_province=bool(entry.get("per_province", False)),
        parameters={str(k): str(v) for k, v in (entry.get("parameters") or {}).items()},
        titles={"en": str(entry["title"]), **titles},
    )
    _check_slug(kind.notebook.replace("_", "-").lower(), f"{where}: notebook", "a file stem")
    _check_slug(kind.output.replace("{province_id}", "x"), f"{where}: output", "e.g. profile")
    return kind


def _check_slug(text: str, what: str, example: str) -> None:
    if not SLUG.match(text):
        raise CatalogueError(
            f"{what} {text!r} is not a file-name slug: use lower-case ASCII letters, digits and "
            f"single hyphens ({example})"
        )


def focus_provinces() -> dict[str, str]:
    """Geography id → name of the provinces ``reports.yml`` lists."""
    return dict(load().provinces)


def resolve_provinces(
    requested: Iterable[str],
    extra: dict[str, str] | None = None,
    catalogue: Catalogue | None = None,
) -> dict[str, str]:
    """Geography id → name of the provinces the user's ``requested`` names denote, in order.

    Names match without accents or case (``thai nguyen`` finds ``Thái Nguyên``), ids too.
    With nothing requested, every province of the catalogue plus the ``extra`` ones (see
    :func:`extra_provinces`). Raises :class:`helpers.names.UnknownGeographyError` listing the
    valid names on the first unknown name.
    """
    provinces = {**(catalogue or load()).provinces, **(extra or {})}
    requested = list(requested)
    if not requested:
        return provinces
    by_name = {name: province_id for province_id, name in provinces.items()}
    by_id = {fold_name(province_id): name for province_id, name in provinces.items()}
    chosen: dict[str, str] = {}
    for typed in requested:
        name = by_id.get(fold_name(typed)) or resolve_name(typed, provinces.values())
        chosen[by_name[name]] = name
    return chosen


def extra_provinces(names: Iterable[str], data_dir: Path | None = None) -> dict[str, str]:
    """Geography id → name for each ``--extra-province`` name, looked up in ``geographies.csv``.

    The id (a slug) names the files, never the typed name. Raises UnknownGeographyError when a
    name matches no geography (listing them), or CatalogueError when its id is not a slug.
    """
    names = list(names)
    if not names:
        return {}
    path = (data_dir or config.data_dir()) / "geographies.csv"
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = [(r["geography_id"], r["name"]) for r in csv.DictReader(handle)]
    except (OSError, KeyError) as error:
        raise UnknownGeographyError(
            f"--extra-province needs {path} with columns geography_id and name to find the "
            f"province's id: {error}"
        ) from None
    name_of = dict(rows)
    id_of = {name: geography_id for geography_id, name in rows}
    found: dict[str, str] = {}
    for typed in names:
        folded = fold_name(typed)
        geography_id = next((g for g in name_of if fold_name(g) == folded), None)
        if geography_id is None:
            geography_id = id_of[resolve_name(typed, id_of, what="geography")]
        _check_slug(geography_id, f"{path}: geography id", "e.g. thai-nguyen")
        found[geography_id] = name_of[geography_id]
    return found


def reports_for(
    kinds: Iterable[str],
    provinces: dict[str, str],
    catalogue: Catalogue | None = None,
    languages: Iterable[str] = (),
) -> list[Report]:
    """The reports of the chosen ``kinds`` (all when empty), in the catalogue's fixed order.

    Each in the chosen ``languages`` (default: all the catalogue's), its versions side by side.
    """
    catalogue = catalogue or load()
    chosen_languages = list(languages) or list(catalogue.languages)
    unknown_languages = [lang for lang in chosen_languages if lang not in catalogue.languages]
    if unknown_languages:
        raise ValueError(
            f"unknown language(s) {unknown_languages}; the reports are written in: "
            f"{', '.join(catalogue.languages)}"
        )
    return [
        _in_language(report, language, catalogue)
        for report in _reports(kinds, provinces, catalogue)
        for language in catalogue.languages
        if language in chosen_languages
    ]


def _in_language(report: Report, language: str, catalogue: Catalogue) -> Report:
    kind = catalogue.kinds[report.kind]
    title = kind.title_in(language)
    if report.province is not None:
        title = title.format(province=report.province)
    return Report(
        slug=page_stem(report.slug, language),
        kind=report.kind,
        notebook=report.notebook,
        title=title,
        parameters={**report.parameters, "language": language},
        province=report.province,
        language=language,
        twins=tuple(
            (other, page_file(report.slug, other))
            for other in catalogue.languages
            if other != language
        ),
    )


def _reports(kinds: Iterable[str], provinces: dict[str, str], catalogue: Catalogue) -> list[Report]:
    chosen = set(kinds) or set(catalogue.kinds)
    unknown = chosen - set(catalogue.kinds)
    if unknown:
        raise ValueError(
            f"unknown report kind(s) {sorted(unknown)}; valid kinds are: "
            f"{', '.join(catalogue.kinds)}"
        )
    reports: list[Report] = []
    for kind in catalogue.kinds.values():
        if kind.name not in chosen:
            continue
        if kind.per_province:
            reports.extend(_province_report(kind, pid, name) for pid, name in provinces.items())
        else:
            reports.append(
                Report(kind.output, kind.name, kind.notebook, kind.title, dict(kind.parameters))
            )
    return reports


def _province_report(kind: ReportKind, province_id: str, name: str) -> Report:
    _check_slug(province_id, "province id", "e.g. thai-nguyen")
    return Report(
        slug=kind.output.format(province_id=province_id),
        kind=kind.name,
        notebook=kind.notebook,
        title=kind.title.format(province=name),
        parameters={key: value.format(province=name) for key, value in kind.parameters.items()},
        province=name,
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
