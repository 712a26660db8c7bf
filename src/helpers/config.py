"""Paths and project-wide constants: the one place every other module takes them from.

Paths can be redirected with environment variables, so that tests and benchmarks
can point the code at a fixture copy of the data without touching ``data/``:

- ``GN_DATA_DIR``: folder holding the curated CSVs and ``datapackage.json``;
- ``GN_SEEDS_DIR``: folder holding the source report texts (default ``../shared/seeds``).
"""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS_DIR = PROJECT_ROOT / "notebooks"
REPORTS_DIR = PROJECT_ROOT / "reports"


def data_dir() -> Path:
    """Folder of the curated CSVs (``GN_DATA_DIR`` overrides ``data/``)."""
    return Path(os.environ.get("GN_DATA_DIR", PROJECT_ROOT / "data"))


def seeds_dir() -> Path:
    """Folder of the source report texts (``GN_SEEDS_DIR`` overrides ``../shared/seeds``)."""
    return Path(os.environ.get("GN_SEEDS_DIR", PROJECT_ROOT.parent / "shared" / "seeds"))


def data_origin() -> Path | None:
    """The folder the data were copied from when ``GN_DATA_DIR`` is a private copy of it (the
    renderer's snapshot, ``GN_DATA_ORIGIN``), so that errors name the user's files; else None."""
    origin = os.environ.get("GN_DATA_ORIGIN")
    return Path(origin) if origin else None


def _focus_provinces() -> dict[str, str]:
    """Geography id → name as reported, from the ``provinces`` of ``notebooks/reports.yml``."""
    import yaml

    try:
        catalogue = yaml.safe_load((NOTEBOOKS_DIR / "reports.yml").read_text(encoding="utf-8"))
        provinces = catalogue["provinces"]
        return {str(k): str(v) for k, v in provinces.items()}
    except (OSError, yaml.YAMLError, TypeError, KeyError, AttributeError):
        # A broken reports.yml must not break every import: reportbuild.catalog reads the same
        # file and says what is wrong with it, in one sentence.
        return {}


# The provinces the project profiles and compares, with their names as reported (before the
# 1 July 2025 reorganisation). Their ids are those of data/geographies.csv; the list lives in
# notebooks/reports.yml, beside the reports rendered for them.
FOCUS_PROVINCES: dict[str, str] = _focus_provinces()

# Date from which Bắc Kạn is part of Thái Nguyên, Hà Giang of Tuyên Quang, and districts are gone.
REORGANISATION_DATE = "2025-07-01"
