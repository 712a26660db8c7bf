"""Content hashes that decide whether a report must be rendered again, and the manifest.

A report's fingerprint covers everything its HTML depends on: the notebook (both files of a
jupytext pair), every file of the data folder, the stored source texts, the ``helpers`` package
and this renderer (code, templates, CSS), the list of reports (``reports.yml``), the parameters
and title, :data:`RENDERER_VERSION`, ``requirements.lock``, the Python version, the versions of the
packages that shape the output (:data:`OUTPUT_PACKAGES`) and nbconvert's own templates.

Every report reads the whole dataset (``load_dataset`` loads and cross-checks every table), so
the data part is the same for all reports; see the README ("Reports") for why a report is not
fingerprinted by the rows it shows.
The manifest (``<out>/.manifest.json``) records the fingerprint of each report last rendered
successfully; an unchanged fingerprint and an existing HTML file mean there is nothing to do.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
from collections.abc import Iterable
from importlib import metadata
from pathlib import Path

import helpers
from helpers import config
from reportbuild.catalog import Report
from reportbuild.files import html_path, write_atomic

# Bump when the HTML changes in a way no hashed file shows (e.g. a different exporter option
# passed from outside the package).
RENDERER_VERSION = "1"

# Packages whose version changes the executed outputs or the HTML.
OUTPUT_PACKAGES = (
    *("nbconvert", "mistune", "bleach", "jinja2", "beautifulsoup4", "papermill", "nbclient"),
    *("nbformat", "jupyter_client", "ipykernel", "ipython", "matplotlib", "matplotlib-inline"),
    *("pandas", "numpy", "seaborn", "pyyaml"),
)
LOCK_FILE = config.PROJECT_ROOT / "requirements.lock"

MANIFEST_NAME = ".manifest.json"
HELPERS_DIR = Path(helpers.__file__).resolve().parent
RENDERER_DIR = Path(__file__).resolve().parent


def files_digest(folder: Path, patterns: Iterable[str] = ("**/*",)) -> str:
    """sha256 over the relative paths and bytes of the files under ``folder`` matching ``patterns``.

    Hidden files and ``__pycache__`` are left out, so that editors and Python's byte-code cache
    do not count as changes. A missing folder hashes like an empty one.
    """
    digest = hashlib.sha256()
    if folder.is_dir():
        paths = {p for pattern in patterns for p in folder.glob(pattern) if p.is_file()}
        for path in sorted(paths):
            relative = path.relative_to(folder)
            if any(part.startswith(".") or part == "__pycache__" for part in relative.parts):
                continue
            digest.update(relative.as_posix().encode() + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def data_version(data_dir: Path | None = None) -> str:
    """Hash of every file of the data folder (``config.data_dir()`` by default)."""
    return files_digest(data_dir or config.data_dir())


def code_digest() -> str:
    """Hash of the code: the ``helpers`` package the notebooks import (with its message
    catalogue, the .po files), and this renderer (its modules, templates and CSS)."""
    return _sha256_json(
        [
            files_digest(HELPERS_DIR, ("**/*.py", "**/*.json", "**/*.po")),
            files_digest(RENDERER_DIR, ("**/*.py", "templates/**/*")),
        ]
    )


def environment_digest() -> str:
    """Hash of :data:`RENDERER_VERSION`, the Python version, ``requirements.lock``, the versions
    of :data:`OUTPUT_PACKAGES` and nbconvert's ``lab`` and ``base`` templates."""
    return _sha256_json(environment())


def environment() -> dict:
    """What :func:`environment_digest` hashes, readable (for tests and for debugging)."""
    return {
        "renderer": RENDERER_VERSION,
        "python": sys.version,
        "requirements.lock": _file_sha256(LOCK_FILE),
        "packages": versions(OUTPUT_PACKAGES),
        "nbconvert templates": _nbconvert_templates_digest(),
    }


def _nbconvert_templates_digest() -> str:
    for root in _jupyter_data_dirs():
        folder = root / "nbconvert" / "templates"
        if (folder / "lab").is_dir():
            return _sha256_json([files_digest(folder / name) for name in ("lab", "base")])
    return "absent"


def _jupyter_data_dirs() -> list[Path]:
    try:
        from jupyter_core.paths import jupyter_path

        return [Path(p) for p in jupyter_path()]
    except ImportError:
        return [Path(sys.prefix) / "share" / "jupyter"]


def _file_sha256(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return "absent"


def notebook_files(notebooks_dir: Path, stem: str) -> list[Path]:
    """The existing files of notebook ``stem``: its ``.ipynb`` and/or its jupytext ``.py``."""
    return [
        p for p in (notebooks_dir / f"{stem}.ipynb", notebooks_dir / f"{stem}.py") if p.is_file()
    ]


def report_fingerprint(report: Report, notebooks_dir: Path, shared: str) -> str:
    """Hash of one report's inputs; ``shared`` is :func:`shared_digest` (the same for all)."""
    notebook = {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in notebook_files(notebooks_dir, report.notebook)
    }
    return _sha256_json(
        {
            "shared": shared,
            "notebook": notebook,
            "parameters": report.parameters,
            "title": report.title,
        }
    )


def shared_digest(data_dir: Path | None = None, catalogue: Path | None = None) -> str:
    """Hash of the inputs every report shares: data, the stored source texts (the loader checks
    the excerpts against them, and a page labels a source "verified" only when it could), code,
    list of reports, environment."""
    return _sha256_json(
        [
            data_version(data_dir),
            files_digest(config.seeds_dir(), ("*.txt",)),
            code_digest(),
            _file_sha256(catalogue) if catalogue else "",
            environment_digest(),
        ]
    )


def load_manifest(out_dir: Path) -> dict[str, dict]:
    """The manifest of ``out_dir``: slug → what was rendered; empty when absent or unreadable."""
    try:
        manifest = json.loads((out_dir / MANIFEST_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return manifest if isinstance(manifest, dict) else {}


def save_manifest(out_dir: Path, manifest: dict[str, dict]) -> None:
    """Write the manifest atomically, keys sorted, so that it diffs cleanly."""
    text = json.dumps(manifest, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
    write_atomic(out_dir / MANIFEST_NAME, text)


def page_record(out_dir: Path, slug: str) -> dict:
    """What the manifest records of a rendered page, to know it later unchanged: size and sha256."""
    data = html_path(out_dir, slug).read_bytes()
    return {"html_bytes": len(data), "html_sha256": hashlib.sha256(data).hexdigest()}


def is_up_to_date(report: Report, fingerprint: str, manifest: dict, out_dir: Path) -> bool:
    """True when ``report`` was last rendered from the same inputs and its HTML is still there,
    byte for byte as written (size and sha256 as recorded: a page cut short or edited since is
    rendered again), with every download it links (one deleted since renders it again)."""
    entry = manifest.get(report.slug, {})
    if entry.get("fingerprint") != fingerprint:
        return False
    path = html_path(out_dir, report.slug)
    try:
        if path.stat().st_size != entry.get("html_bytes"):
            return False
        data = path.read_bytes()
        if hashlib.sha256(data).hexdigest() != entry.get("html_sha256"):
            return False
        from reportbuild.downloads import missing

        return not missing(out_dir, data.decode("utf-8", errors="replace"))
    except OSError:
        return False


def versions(packages: Iterable[str]) -> dict[str, str]:
    """The installed version of each package, ``"absent"`` when it is not installed: read from
    the names of the ``<name>-<version>.dist-info`` folders on ``sys.path``, the first one found
    as ``importlib.metadata`` takes it. Parsing 17 ``METADATA`` files with the e-mail parser
    took a tenth of a run with nothing to render; a package whose folder is not found that way
    (an egg, an odd name) is asked of ``importlib.metadata``."""
    wanted = {_normal_name(p): p for p in packages}
    found: dict[str, str] = {}
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        for name in names:
            if not name.endswith(".dist-info"):
                continue
            package = wanted.get(_normal_name(name[: -len(".dist-info")].partition("-")[0]))
            version = name[: -len(".dist-info")].partition("-")[2]
            if package is not None and version and package not in found:
                found[package] = version
    return {p: found.get(p) or _version(p) for p in wanted.values()}


def _normal_name(name: str) -> str:
    """A distribution's name as packaging compares them (PEP 503): lower case, runs of ``-``,
    ``_`` and ``.`` as one ``-``."""
    return re.sub(r"[-_.]+", "-", name).lower()


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "absent"


def _sha256_json(value: object) -> str:
    return hashlib.sha256(
        json.dumps(value, sort_keys=True, ensure_ascii=False).encode()
    ).hexdigest()
