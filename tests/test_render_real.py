"""The real reports: every notebook in notebooks/ rendered with the real data, then checked.

The render is the session's shared one (``rendered_reports`` in conftest.py); it skips, saying
why, until notebooks/01-province-profile exists. Checks that every focus province
has its profile, that each profile shows every figure the data holds for its province (in the
project's number format), that the index links resolve, that pages are self-contained and under
2 MB, and that a second rendering is byte-identical.
"""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import pandas.testing as pd_testing
import pytest

from helpers import config
from helpers.format import format_number
from reportbuild.checks import broken_links, external_references, page_links, page_text

pytestmark = pytest.mark.slow

MAX_REPORT_BYTES = 2_000_000


def run_cli(out: Path, *args: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "reportbuild", "--out", str(out), "--no-progress", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=1800, check=False)


@pytest.fixture
def reports(rendered_reports) -> Path:
    return rendered_reports


def observations_by_province() -> dict[str, list[dict[str, str]]]:
    with (config.data_dir() / "observations.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    return {
        province_id: [r for r in rows if r["geography_id"] == province_id]
        for province_id in config.FOCUS_PROVINCES
    }


def test_every_focus_province_has_its_profile_in_the_index(reports):
    links = page_links(reports / "index.html")
    index = (reports / "index.html").read_text(encoding="utf-8")
    for province_id, name in config.FOCUS_PROVINCES.items():
        assert f"profile-{province_id}.html" in links
        assert f">{name}</a>" in index
    assert {"compare-provinces.html", "poverty-standards.html"} <= set(links)
    assert broken_links(reports / "index.html") == []


@pytest.mark.parametrize("province_id", list(config.FOCUS_PROVINCES))
def test_profile_shows_every_figure_of_its_province(reports, province_id):
    page = (reports / f"profile-{province_id}.html").read_text(encoding="utf-8")
    text = page_text(page)
    assert config.FOCUS_PROVINCES[province_id] in text
    observations = [r for r in observations_by_province()[province_id] if r["value"]]
    missing = [
        (r["observation_id"], format_number(float(r["value"])))
        for r in observations
        if format_number(float(r["value"])) not in text
    ]
    assert missing == []


def test_reports_are_self_contained_and_small(reports):
    for page_path in reports.glob("*.html"):
        page = page_path.read_text(encoding="utf-8")
        assert external_references(page) == [], page_path.name
        assert page_path.stat().st_size < MAX_REPORT_BYTES, page_path.name
        language = "vi" if page_path.name.endswith(".vi.html") else "en"
        assert f'<html lang="{language}">' in page and "<title>" in page, page_path.name


def test_rendering_again_is_byte_identical(reports, tmp_path):
    process = run_cli(tmp_path, "--report", "profile", "--province", "ha giang")
    assert process.returncode == 0, process.stderr
    for name in ("profile-ha-giang.html", "profile-ha-giang.vi.html"):  # charts in both languages
        again = (tmp_path / name).read_bytes()
        assert b"<img" in again and again == (reports / name).read_bytes(), name


def test_reused_kernels_leak_nothing_between_real_reports(reports, tmp_path):
    """The shared render runs several reports per kernel; fresh kernels must give the same bytes."""
    log = (reports / ".render-log.txt").read_text(encoding="utf-8")
    assert "kernel reused" in log
    process = run_cli(tmp_path, "--reports-per-kernel", "1", "--jobs", "2")
    assert process.returncode == 0, process.stderr
    assert "kernel reused" not in process.stderr
    for page in sorted(reports.glob("*.html")):
        if page.name != "index.html":
            assert (tmp_path / page.name).read_bytes() == page.read_bytes(), page.name


def test_every_download_loads_with_the_projects_loader(reports, tmp_path):
    # Issue 17: downloads wrote period_inferred as True/False, which the loader refuses.
    # Issue 16: they start with a byte-order mark, for Excel; data/ files do not; they are
    # files beside the page, none embedded in it.
    import re

    from helpers.load import load_dataset, read_table
    from reportbuild.downloads import file_name

    stored = load_dataset().observations.set_index("observation_id")
    pattern = re.compile(r'href="(downloads/[0-9a-f]{16}\.csv)"')
    checked = 0
    for page in sorted(reports.glob("*.html")):
        text = page.read_text(encoding="utf-8")
        assert "data:text/csv" not in text, f"{page.name} still embeds a download"
        for number, href in enumerate(pattern.findall(text)):
            data = (reports / href).read_bytes()
            assert href.endswith(file_name(data)), f"{page.name}: {href} holds other bytes"
            if not data.startswith(b"\xef\xbb\xbfobservation_id,"):
                # a table of the page's own (the comparison's merger pairs): a CSV with a BOM
                assert data.startswith(b"\xef\xbb\xbf") and b"," in data.split(b"\n")[0]
                continue
            assert data.startswith(b"\xef\xbb\xbf"), f"{page.name}, download {number}: no BOM"
            path = tmp_path / f"{page.stem}-{number}.csv"
            path.write_bytes(data)
            rows = read_table(path, "observations", download=True)
            ids = rows["observation_id"].astype(str)
            expected = stored.loc[ids].reset_index()
            pd_testing.assert_frame_equal(
                rows.astype(str), expected[rows.columns].astype(str), check_dtype=False
            )
            checked += 1
    assert checked > 0, "no download found in the rendered pages"


def test_every_chart_of_every_page_fits_a_phone_column(reports):
    """Read from the PNG files the pages show, so that the charts a notebook draws itself (the
    data page's seaborn charts) are held to it too, not only those of helpers (see
    tests/test_chart_text.py): at most 366 CSS px wide, 96 CSS px an inch at the PNG's dpi."""
    import re
    import struct

    wide = []
    for page in sorted(reports.glob("*.html")):
        for name in re.findall(r'<img [^>]*src="(images/[0-9a-f]+\.png)"', page.read_text("utf-8")):
            png = (reports / name).read_bytes()
            width = int.from_bytes(png[16:20], "big")
            phys = png.find(b"pHYs")
            per_metre = struct.unpack(">I", png[phys + 4 : phys + 8])[0]
            css_px = width / (per_metre * 0.0254) * 96
            if css_px > 366:
                wide.append((page.name, name, round(css_px)))
    assert not wide, wide
