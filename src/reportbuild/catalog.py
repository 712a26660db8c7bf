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
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from helpers import config
from helpers.i18n import LANGUAGES, page_file, page_stem
from helpers.names import UnknownGeographyError, describe_units, fold_name, resolve_name

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
    # level of a geography (``district``, ``nation``) -> language -> title, for the units of
    # ``--extra-province`` that are not provinces (``level_titles`` in reports.yml)
    level_titles: dict[str, dict[str, str]] = field(default_factory=dict)

    def title_in(self, language: str, level: str | None = None) -> str:
        """The page title in ``language`` (English when the entry has none in it), for a unit
        of ``level`` when the entry has a title for that level."""
        by_level = self.level_titles.get(level or "", {})
        return by_level.get(language) or by_level.get("en") or self.titles.get(language, self.title)


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
    level: str | None = None  # the geography's level (data/geographies.csv), per-province only

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
    _check_against_schema(document, path)
    provinces = {str(k): str(v) for k, v in (document.get("provinces") or {}).items()}
    for province_id in provinces:
        _check_slug(province_id, f"{path}: province id", "as in data/geographies.csv")
    kinds: dict[str, ReportKind] = {}
    for number, entry in enumerate(document.get("reports") or [], start=1):
        name = entry.get("name") if isinstance(entry, dict) else None
        kind = _kind_of(entry, f"{path}: report {number}" + (f" ({name})" if name else ""))
        kinds[kind.name] = kind
    if not kinds:
        raise CatalogueError(f"{path}: 'reports' lists no report")
    _check_unique(document["reports"], path)
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
    known = {"name", "notebook", "title", "output", "per_province", "parameters", "level_titles"}
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
        level_titles={
            str(level): {str(k): str(v) for k, v in by_language.items()}
            for level, by_language in (entry.get("level_titles") or {}).items()
        },
    )
    _check_placeholders(entry, kind.per_province, where)
    _check_slug(kind.notebook.replace("_", "-").lower(), f"{where}: notebook", "a file stem")
    _check_slug(kind.output.replace("{province_id}", "x"), f"{where}: output", "e.g. profile")
    return kind


# The shape of reports.yml (JSON Schema). File-name slugs, placeholders and unique names are
# checked after it, each with its own sentence.
_TEXT = {"type": "string", "minLength": 1}
CATALOGUE_SCHEMA = {
    "type": "object",
    "required": ["provinces", "reports"],
    "additionalProperties": False,
    "properties": {
        "languages": {
            "type": "array",
            "minItems": 1,
            "uniqueItems": True,
            "items": {"enum": list(LANGUAGES)},
        },
        "provinces": {"type": "object", "additionalProperties": _TEXT},
        "reports": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "required": ["name", "notebook", "title", "output"],
                "properties": {
                    "name": _TEXT,
                    "notebook": _TEXT,
                    "title": _TEXT,
                    "output": _TEXT,
                    "per_province": {"type": "boolean"},
                    "level_titles": {
                        "type": "object",
                        "additionalProperties": {
                            "type": "object",
                            "required": ["en"],
                            "properties": {lang: _TEXT for lang in LANGUAGES},
                            "additionalProperties": False,
                        },
                    },
                    "parameters": {
                        "type": "object",
                        "additionalProperties": {"type": ["string", "number", "boolean"]},
                    },
                },
                "patternProperties": {"^title_[a-z]{2}$": _TEXT},
                "additionalProperties": False,
            },
        },
    },
}
_JSON_TYPES = {
    "object": "a mapping (key: value lines)",
    "array": "a list (lines starting with '- ')",
    "string": "a text",
    "boolean": "true or false",
    "number": "a number",
}


def _check_against_schema(document: dict, path: Path) -> None:
    """Raise CatalogueError with one sentence for the first way ``document`` breaks
    :data:`CATALOGUE_SCHEMA` (the most deeply nested error first, as it is the most precise).

    A document found valid is remembered by its hash, with the schema's, in
    :data:`VALID_CATALOGUES` (a cache): the same document against the same schema is not
    checked again, so that a run with nothing to render does not import jsonschema.
    """
    key = _valid_key(document)
    if key in _known_valid():
        return
    jsonschema = _jsonschema()
    validator = jsonschema.Draft202012Validator(CATALOGUE_SCHEMA)
    errors = sorted(
        validator.iter_errors(document),
        key=lambda e: (-len(e.absolute_path), list(map(str, e.absolute_path))),
    )
    if not errors:
        _remember_valid(key)
        return
    error = errors[0]
    where = _schema_where(document, list(error.absolute_path))
    raise CatalogueError(f"{path}: {where}{_schema_message(error)}")


# Hashes of catalogues found valid (see _check_against_schema): a cache beside the project,
# as .cache/reportbuild/durations.json; without it every catalogue is checked.
VALID_CATALOGUES = config.PROJECT_ROOT / ".cache" / "reportbuild" / "valid-catalogues.json"
KEEP_VALID = 16  # the last catalogues remembered


def _valid_key(document: dict) -> str:
    import hashlib
    import json

    text = json.dumps([document, CATALOGUE_SCHEMA], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _known_valid() -> list[str]:
    import json

    try:
        known = json.loads(VALID_CATALOGUES.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return [k for k in known if isinstance(k, str)] if isinstance(known, list) else []


def _remember_valid(key: str) -> None:
    import json

    from reportbuild.files import write_atomic

    known = [k for k in _known_valid() if k != key][-(KEEP_VALID - 1) :] + [key]
    try:
        write_atomic(VALID_CATALOGUES, json.dumps(known, indent=0) + "\n")
    except OSError:
        pass  # a cache: without it the catalogue is checked each time


def _jsonschema():
    """``jsonschema``, imported without the optional packages of its format checkers when it is
    not imported yet.

    ``jsonschema._format`` imports a package for each of several formats (``iri``, ``duration``,
    ``color``, ...) when it is installed, and ``rfc3987_syntax`` alone builds 38 grammars as it
    is imported: 1.0 s of every ``render-reports`` run, a run with nothing to render included
    (issue 16's no-op target is 0.2 s). The catalogue's schema uses no ``format``, so jsonschema
    goes without those checkers, as it does where the packages are not installed; the packages
    themselves stay importable afterwards.
    """
    if "jsonschema" not in sys.modules:
        blocked = [name for name in _FORMAT_PACKAGES if name not in sys.modules]
        sys.modules.update(dict.fromkeys(blocked))  # None: an import of it raises ImportError
        try:
            import jsonschema
        finally:
            for name in blocked:
                del sys.modules[name]
    import jsonschema

    return jsonschema


# What jsonschema._format imports inside ``try: ... except ImportError`` (jsonschema 4.x).
_FORMAT_PACKAGES = (
    "fqdn",
    "idna",
    "isoduration",
    "jsonpointer",
    "rfc3339_validator",
    "rfc3986_validator",
    "rfc3987",
    "rfc3987_syntax",
    "uri_template",
    "webcolors",
)


def _schema_where(document: dict, location: list) -> str:
    parts: list[str] = []
    for position, step in enumerate(location):
        if position == 1 and location[0] == "reports" and isinstance(step, int):
            entry = document["reports"][step]
            name = entry.get("name") if isinstance(entry, dict) else None
            parts[-1] = f"report {step + 1}" + (f" ({name})" if isinstance(name, str) else "")
        else:
            parts.append(str(step))
    return "".join(f"{part}: " for part in parts)


def _schema_message(error) -> str:
    kind = error.validator
    if kind == "required":
        missing = [key for key in error.validator_value if key not in error.instance]
        return f"missing {', '.join(missing)}"
    if kind == "additionalProperties":
        known = set(error.schema.get("properties", {}))
        unknown = sorted(
            str(k) for k in error.instance if k not in known and not str(k).startswith("title_")
        )
        unknown = unknown or sorted(str(k) for k in error.instance if k not in known)
        expected = ", ".join(error.schema.get("properties", {}))
        return f"unknown key(s) {', '.join(unknown)}; expected {expected}"
    if kind == "type":
        expected = error.validator_value
        expected = expected if isinstance(expected, list) else [expected]
        wanted = " or ".join(_JSON_TYPES.get(t, t) for t in expected)
        return f"{error.instance!r} is not {wanted}"
    if kind == "enum":
        return f"{error.instance!r} is not one of {', '.join(map(str, error.validator_value))}"
    if kind == "minItems":
        return "lists nothing; expected at least one entry"
    if kind == "minLength":
        return "is empty"
    if kind == "uniqueItems":
        return "lists an entry twice"
    return error.message


# The placeholders each field of a report may use, as filled in by _province_report.
PLACEHOLDERS = {"title": "province", "output": "province_id", "parameters": "province"}


def _check_placeholders(entry: dict, per_province: bool, where: str) -> None:
    """Every ``{name}`` in a title, output or parameter is one the renderer fills in."""
    import string

    fields = [
        (key, value)
        for key, value in entry.items()
        if key == "title" or str(key).startswith("title_")
    ]
    fields += [
        (f"level_titles: {level}: {lang}", title)
        for level, by_language in (entry.get("level_titles") or {}).items()
        for lang, title in by_language.items()
    ]
    fields += [("output", entry["output"])]
    fields += [(f"parameters: {k}", v) for k, v in (entry.get("parameters") or {}).items()]
    for key, value in fields:
        allowed = PLACEHOLDERS["output" if key == "output" else "title"]
        try:
            names = [
                name for _, name, _, _ in string.Formatter().parse(str(value)) if name is not None
            ]
        except ValueError as error:
            raise CatalogueError(f"{where}: {key}: {value!r} has a stray brace ({error})") from None
        for name in names:
            if not per_province:
                raise CatalogueError(
                    f"{where}: {key}: placeholder {{{name}}} in {value!r}, but the report is not "
                    "per_province: nothing fills it in"
                )
            if name != allowed:
                raise CatalogueError(
                    f"{where}: {key}: unknown placeholder {{{name}}} in {value!r}; expected "
                    f"{{{allowed}}}"
                )


def _check_unique(entries: list[dict], path: Path) -> None:
    """No two reports share a name or an output (one would silently replace the other)."""
    for key in ("name", "output"):
        first: dict[str, int] = {}
        for number, entry in enumerate(entries, start=1):
            value = str(entry[key])
            if value in first:
                raise CatalogueError(
                    f"{path}: report {number}: {key} {value!r} is that of report "
                    f"{first[value]} too; each report needs its own {key}"
                )
            first[value] = number


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
            records = list(csv.DictReader(handle))
        rows = [(r["geography_id"], r["name"]) for r in records]
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
            try:
                geography_id = id_of[resolve_name(typed, id_of, what="geography")]
            except UnknownGeographyError:
                raise UnknownGeographyError(
                    f"unknown geography {typed!r}; valid names are: {describe_units(records)}"
                ) from None
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
    title = kind.title_in(language, report.level)
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
        level=report.level,
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
    levels = geography_levels() if any(k.level_titles for k in catalogue.kinds.values()) else {}
    for kind in catalogue.kinds.values():
        if kind.name not in chosen:
            continue
        if kind.per_province:
            reports.extend(
                _province_report(kind, pid, name, levels.get(pid))
                for pid, name in provinces.items()
            )
        else:
            reports.append(
                Report(kind.output, kind.name, kind.notebook, kind.title, dict(kind.parameters))
            )
    return reports


def _province_report(
    kind: ReportKind, province_id: str, name: str, level: str | None = None
) -> Report:
    _check_slug(province_id, "province id", "e.g. thai-nguyen")
    return Report(
        slug=kind.output.format(province_id=province_id),
        kind=kind.name,
        notebook=kind.notebook,
        title=kind.title_in("en", level).format(province=name),
        parameters={key: value.format(province=name) for key, value in kind.parameters.items()},
        province=name,
        level=level,
    )


def geography_levels(data_dir: Path | None = None) -> dict[str, str]:
    """Geography id → level (``nation``, ``province``, ``district``) from ``geographies.csv``;
    empty when the file cannot be read (titles then fall back to the entry's own)."""
    path = (data_dir or config.data_dir()) / "geographies.csv"
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            return {r["geography_id"]: r["level"] for r in csv.DictReader(handle)}
    except (OSError, KeyError, csv.Error, UnicodeDecodeError):
        return {}


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
