"""Shared fixtures: the real dataset, the source texts, and a small copy of the data to break."""

from __future__ import annotations

import csv
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import config
from helpers.load import load_dataset

FIXTURES = Path(__file__).parent / "fixtures"


def pytest_addoption(parser):
    parser.addoption(
        "--quick",
        action="store_true",
        help="leave out the tests marked slow (notebooks executed, real reports rendered, the "
        "browser), unless test files or ids are named on the command line (make test)",
    )


def pytest_collection_modifyitems(config, items):
    """``--quick`` (``make test``): deselect the slow tests, unless the command names what to
    run (``make test ARGS=tests/test_render_cli.py`` runs that file whole)."""
    if not config.getoption("quick") or config.args_source != pytest.Config.ArgsSource.TESTPATHS:
        return
    slow = [item for item in items if item.get_closest_marker("slow")]
    if slow:
        config.hook.pytest_deselected(items=slow)
        items[:] = [item for item in items if not item.get_closest_marker("slow")]


@pytest.fixture(scope="session")
def dataset():
    """The curated dataset in data/, loaded and validated."""
    return load_dataset(config.PROJECT_ROOT / "data")


@pytest.fixture(scope="session")
def rendered_reports(tmp_path_factory) -> Path:
    """Every real report, rendered once per test session by ``render-reports`` into a temporary
    folder: ``<folder>/*.html`` (reports and ``index.html``) and ``<folder>/executed/*.ipynb``.

    For every test that only reads the rendered output; a test that renders differently (other
    data, other options) renders its own. Skips, saying why, when the notebooks are absent.
    """
    stem = "01-province-profile"
    if not any((config.NOTEBOOKS_DIR / f"{stem}{ext}").is_file() for ext in (".ipynb", ".py")):
        pytest.skip(f"notebooks/{stem} not written yet: the real reports cannot be rendered")
    out = tmp_path_factory.mktemp("rendered-reports")
    command = [sys.executable, "-m", "reportbuild", "--out", str(out), "--no-progress", "-j", "2"]
    process = subprocess.run(command, capture_output=True, text=True, timeout=1800, check=False)
    if process.returncode != 0:
        pytest.fail(f"render-reports failed (exit {process.returncode}):\n{process.stderr}")
    (out / ".render-log.txt").write_text(process.stderr, encoding="utf-8")
    return out


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The source report texts; tests that need them skip, saying why, when they are absent."""
    path = config.seeds_dir()
    if not path.is_dir():
        pytest.skip(
            f"source texts not found at {path} (expected ../shared/seeds beside the "
            "project, or set GN_SEEDS_DIR): provenance checks need them"
        )
    return path


class SmallData:
    """A writable copy of tests/fixtures/data_small with the project's real descriptor."""

    def __init__(self, root: Path):
        self.root = root
        shutil.copytree(FIXTURES / "data_small", root)
        shutil.copy(config.PROJECT_ROOT / "data" / "datapackage.json", root / "datapackage.json")

    def rows(self, table: str) -> list[dict[str, str]]:
        with (self.root / f"{table}.csv").open(encoding="utf-8", newline="") as handle:
            return list(csv.DictReader(handle))

    def write(self, table: str, rows: list[dict[str, str]]) -> None:
        with (self.root / f"{table}.csv").open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)

    def set_cell(self, table: str, key: str, column: str, value: str) -> int:
        """Change one cell of the row whose first column is ``key``; return its file line."""
        rows = self.rows(table)
        first = next(iter(rows[0]))
        index = next(i for i, row in enumerate(rows) if row[first] == key)
        rows[index][column] = value
        self.write(table, rows)
        return index + 2


@pytest.fixture
def small_data(tmp_path) -> SmallData:
    return SmallData(tmp_path / "data")
