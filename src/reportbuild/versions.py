"""What a page says about where it came from: data version, code version, date of the data."""

from __future__ import annotations

import csv
import subprocess
from dataclasses import dataclass
from pathlib import Path

from helpers import __version__, config

SHORT_HASH = 12


@dataclass(frozen=True)
class Stamp:
    """What the page's header and footer say about where it came from."""

    data_version: str = ""  # short hash of the data files the render read
    code_version: str = ""  # git describe of the project
    data_date: str = ""  # latest publication date among the sources, ISO
    project_version: str = ""


def code_version() -> str:
    """``git describe`` of the project (``-dirty`` when modified), else the package version."""
    try:
        described = subprocess.run(
            ["git", "describe", "--always", "--dirty", "--tags"],
            cwd=config.PROJECT_ROOT,
            capture_output=True,
            text=True,
            timeout=10,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        described = ""
    return described or f"v{__version__}"


def data_date(data_dir: Path | None = None) -> str:
    """The latest ``date_published`` in ``sources.csv`` (ISO), or "" when there is none."""
    path = (data_dir or config.data_dir()) / "sources.csv"
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            dates = [row.get("date_published") or "" for row in csv.DictReader(handle)]
    except OSError:
        return ""
    return max((d for d in dates if d[:4].isdigit()), default="")


def page_stamp(data_hash: str, data_dir: Path | None = None) -> Stamp:
    """The stamp of pages rendered from data whose digest is ``data_hash``."""
    return Stamp(
        data_version=data_hash[:SHORT_HASH],
        code_version=code_version(),
        data_date=data_date(data_dir),
        project_version=__version__,
    )
