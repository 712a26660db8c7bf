"""``index.html``: one page linking every report present in the output folder, and the dataset.

One index per language of the catalogue (``index.html`` in English, ``index.vi.html`` in
Vietnamese), each listing the reports in its language and linking to the other.

The index is built from the HTML files themselves (their ``<title>`` and the ``report-kind`` /
``report-province`` meta tags the template writes), not from a record of the last run, so that
it can be assembled from reports rendered by different CI jobs (``render-reports --index-only``).
The data files are copied into ``<out>/data/`` (and zipped, deterministically) and linked.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import shutil
import zipfile
from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from babel.numbers import format_decimal

from helpers import config
from helpers.i18n import LANGUAGE_NAMES, N_, page_file, translation
from helpers.names import fold_name
from reportbuild import catalog
from reportbuild.files import executed_path, write_atomic
from reportbuild.fingerprint import data_version
from reportbuild.versions import SHORT_HASH, code_version

INDEX_NAME = "index.html"
DATA_DIR_NAME = "data"
ARCHIVE_NAME = "giamngheo-data.zip"
TITLE = N_("Reports on Vietnam's sustainable poverty-reduction programme, 2021–2025")
TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
ZIP_DATE = (1980, 1, 1, 0, 0, 0)  # fixed, so that the same data gives the same archive


@dataclass(frozen=True)
class Entry:
    """One report found in the output folder."""

    file_name: str
    title: str
    kind: str
    province: str
    executed_name: str  # path of the executed notebook relative to the folder, or ""
    language: str = "en"


@dataclass(frozen=True)
class DataFile:
    """One file of the dataset, as linked from the index."""

    name: str
    href: str
    description: str
    size: int | str  # bytes; index_page writes it in its language's notation (1,107 KB / 1.107 KB)
    description_vi: str = ""  # the descriptor's ``description_vi``, for the Vietnamese index


def index_entries(out_dir: Path) -> list[Entry]:
    """The reports in ``out_dir``: profiles first (by province), then the other kinds in order."""
    entries = [
        _entry_of(path, out_dir)
        for path in sorted(out_dir.glob("*.html"))
        if not path.name.startswith("index.")
    ]
    kind_order = {name: position for position, name in enumerate(catalog.load().kinds)}
    return sorted(
        entries,
        key=lambda e: (kind_order.get(e.kind, len(kind_order)), fold_name(e.province), e.file_name),
    )


def write_index(out_dir: Path, data_dir: Path | None = None, token: str = "") -> Path:
    """Copy the dataset into ``out_dir/data/`` and write the index in every language of the
    catalogue (``index.html``, ``index.vi.html``); the English one's path.

    Call it only after a run in which every report rendered, with the data that run read
    (``render-reports`` does), so that what is published is what the pages show.
    """
    data_dir = data_dir or config.data_dir()
    data_files = publish_data(data_dir, out_dir, token)
    entries = index_entries(out_dir)
    languages = catalog.load().languages
    for language in languages:
        page = index_page(
            [e for e in entries if e.language == language],
            data_version(data_dir)[:SHORT_HASH],
            code_version(),
            data_files,
            data_dir,
            language,
            [lang for lang in languages if lang != language],
        )
        write_atomic(out_dir / page_file("index", language), page, token)
    return out_dir / INDEX_NAME


# The index's messages (English; marked with N_ for pybabel extract), by the template's name.
INDEX_TEXT = {
    "title": TITLE,
    "site": N_("Giảm nghèo: poverty reduction in Vietnam's northern mountain provinces"),
    "scope": N_(
        "Briefs on the National Target Program for Sustainable Poverty Reduction "
        "2021–2025, built from a curated dataset in which every figure is traced to the sentence "
        "it came from."
    ),
    "profiles": N_("Province profiles"),
    "others": N_("Across provinces"),
    "executed": N_("executed notebook"),
    "none": N_("No report has been rendered yet: run"),
    "dataset": N_("The dataset"),
    "every_table": N_("Every table the reports are built from"),
    "licence": N_("licence"),
    "as_csv": N_("as UTF-8 CSV"),
    "with_descriptor": N_("with its"),
    "descriptor": N_("Frictionless descriptor"),
    "and": N_("and"),
    "dictionary": N_("data dictionary"),
    "all_in_one": N_("All in one file:"),
    "file": N_("file"),
    "holds": N_("what it holds"),
    "size": N_("size"),
    "data_version": N_("Data version"),
    "data_version_note": N_("(sha256 of the data files)"),
    "code_version": N_("code version"),
    "other_language": N_("This page in"),
}


def data_sources(data_dir: Path) -> list[Path]:
    """The files of ``data_dir`` that are published: the CSVs, ``datapackage.json``, README."""
    return sorted(data_dir.glob("*.csv")) + [
        p for p in (data_dir / "datapackage.json", data_dir / "README.md") if p.is_file()
    ]


def published_files(out_dir: Path | None, data_dir: Path | None = None) -> dict[str, str]:
    """File name → sha256 of what ``out_dir/data/`` holds (its archive aside), or, with
    ``out_dir`` None, of what publishing ``data_dir`` would put there."""
    if out_dir is None:
        files = data_sources(data_dir or config.data_dir())
    else:
        folder = out_dir / DATA_DIR_NAME
        files = sorted(folder.iterdir()) if folder.is_dir() else []
        if files and not (folder / ARCHIVE_NAME).is_file():
            return {}
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in files
        if p.is_file() and p.name != ARCHIVE_NAME
    }


def publish_data(data_dir: Path, out_dir: Path, token: str = "") -> list[DataFile]:
    """Make ``out_dir/data/`` hold exactly the CSVs, ``datapackage.json`` and ``README.md`` of
    ``data_dir`` and their zip, and describe them (descriptions from the descriptor).

    The new folder is written beside the old one under a hidden temporary name, then put in its
    place, so that a reader (or a run that dies meanwhile) sees the old set or the new one,
    never a mixture, and no file of an earlier dataset stays behind.
    """
    sources = data_sources(data_dir)
    if not sources:
        return []
    target = out_dir / DATA_DIR_NAME
    token = token or str(os.getpid())
    build = out_dir / f".{DATA_DIR_NAME}.{token}.tmp"
    old = out_dir / f".{DATA_DIR_NAME}.{token}.old.tmp"
    shutil.rmtree(build, ignore_errors=True)
    moved_away = False
    try:
        build.mkdir(parents=True)
        for source in sources:
            shutil.copyfile(source, build / source.name)
        _write_archive(build / ARCHIVE_NAME, sources)
        if target.is_dir() and not target.is_symlink():
            os.replace(target, old)
            moved_away = True
        elif target.exists() or target.is_symlink():
            target.unlink()
        os.replace(build, target)
        moved_away = False
    finally:
        if moved_away and not target.exists():
            os.replace(old, target)  # the new copy could not take its place: keep the old one
        shutil.rmtree(build, ignore_errors=True)
        shutil.rmtree(old, ignore_errors=True)
    descriptions = _descriptions(data_dir)
    descriptions_vi = _descriptions(data_dir, "vi")
    return [
        DataFile(
            name=source.name,
            href=f"{DATA_DIR_NAME}/{source.name}",
            description=descriptions.get(source.name, ""),
            size=source.stat().st_size,
            description_vi=descriptions_vi.get(source.name, ""),
        )
        for source in sources
    ]


def index_page(
    entries: list[Entry],
    data_hash: str,
    code: str,
    data_files: list[DataFile] = (),
    data_dir: Path | None = None,
    language: str = "en",
    other_languages: list[str] = (),
) -> str:
    """The index in ``language`` as a small self-contained HTML page."""
    names = {f.name for f in data_files}
    text = {key: translation(message, language) for key, message in INDEX_TEXT.items()}
    return _template().render(
        title=text["title"],
        text=text,
        language=language,
        twins=[
            {"language": lang, "href": page_file("index", lang), "name": LANGUAGE_NAMES[lang]}
            for lang in other_languages
        ],
        profiles=[e for e in entries if e.kind == "profile"],
        others=[e for e in entries if e.kind != "profile"],
        data_files=[
            replace(f, size=_size(f.size, language)) for f in data_files if f.name.endswith(".csv")
        ],
        descriptor=f"{DATA_DIR_NAME}/datapackage.json" if "datapackage.json" in names else "",
        readme=f"{DATA_DIR_NAME}/README.md" if "README.md" in names else "",
        archive={"name": f"{DATA_DIR_NAME}/{ARCHIVE_NAME}", "label": ARCHIVE_NAME}
        if names
        else None,
        licence=_licence(data_dir) if data_dir else "",
        methods=_methods_box(data_dir, language, {e.file_name for e in entries})
        if data_dir and (data_dir / "datapackage.json").is_file()
        else "",
        data_hash=data_hash,
        code=code,
    )


@functools.cache
def _template():
    import jinja2

    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES_DIR),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    return environment.get_template("site/index.html.j2")


def _write_archive(path: Path, sources: list[Path]) -> None:
    temp = path.with_name(f".{path.name}.tmp")
    with zipfile.ZipFile(temp, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for source in sources:
            info = zipfile.ZipInfo(f"data/{source.name}", date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, source.read_bytes())
    temp.replace(path)


def _descriptor(data_dir: Path) -> dict:
    try:
        package = json.loads((data_dir / "datapackage.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return package if isinstance(package, dict) else {}


def _methods_box(data_dir: Path, language: str, pages: set[str]):
    """The methods box of the whole dataset (:mod:`helpers.methods_box`), in ``language``; only
    for a data package (with its descriptor), as the reports read it: the renderer's test
    fixtures are bare tables. It links the standards page when ``pages`` (the index's) has it."""
    from markupsafe import Markup

    from helpers.i18n import using
    from helpers.load import load_dataset
    from helpers.methods_box import methods_box

    dataset = load_dataset(data_dir)
    standards = page_file("poverty-standards", language)
    with using(language):
        return Markup(
            methods_box(dataset, standards_link=standards if standards in pages else None)
        )


def _licence(data_dir: Path) -> str:
    licences = _descriptor(data_dir).get("licenses") or [{}]
    name = licences[0].get("name", "") if isinstance(licences[0], dict) else ""
    return name


def _descriptions(data_dir: Path, language: str = "en") -> dict[str, str]:
    """Each file's description in the descriptor, in ``language`` (``description_vi`` ...) or
    ``""`` when it has none in that language."""
    package = _descriptor(data_dir)
    suffix = "" if language == "en" else f"_{language}"
    return {
        str(r.get("path")): str(r.get(f"title{suffix}") or r.get(f"description{suffix}") or "")
        for r in package.get("resources", [])
        if isinstance(r, dict)
    }


def _size(size: int, language: str) -> str:
    """A file's size as the index writes it, thousands grouped in ``language``'s notation by
    Babel, as :func:`helpers.format.format_number` writes numbers (not imported here: it needs
    pandas, which the index-only build of the reports workflow does not install)."""
    if size < 1024:
        return f"{size} B"
    kilobytes = (Decimal(size) / 1024).quantize(Decimal(1), ROUND_HALF_UP)
    return f"{format_decimal(kilobytes, '#,##0', locale=language)} KB"


def _entry_of(path: Path, out_dir: Path) -> Entry:
    from bs4 import BeautifulSoup

    page = path.read_text(encoding="utf-8", errors="replace")
    head = BeautifulSoup(
        page[: page.find("</head>") + 7] if "</head>" in page else page, "html.parser"
    )
    meta = {m.get("name"): (m.get("content") or "").strip() for m in head.find_all("meta")}
    executed = executed_path(out_dir, path.stem)
    return Entry(
        file_name=path.name,
        title=head.title.get_text() if head.title else path.stem,
        kind=meta.get("report-kind", ""),
        province=meta.get("report-province", ""),
        executed_name=executed.relative_to(out_dir).as_posix() if executed.is_file() else "",
        language=meta.get("report-language", "en") or "en",
    )
