"""Each notebook's executed output checked against the data.

The notebooks as the reports run them are read from the session's shared render
(``rendered_reports``); other parameters are run here with papermill. The expected figures
are read from the dataset here and formatted with helpers.format, so a notebook that drops,
rounds or mislabels a figure fails.
"""

import html
import json

import nbformat
import papermill as pm
import pytest

from helpers import compare, facts, geo, profile, sources, standards
from helpers.config import FOCUS_PROVINCES, NOTEBOOKS_DIR
from helpers.load import load_dataset

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def dataset():
    return load_dataset()


def run(tmp_path, stem, **parameters):
    out = tmp_path / f"{stem}.ipynb"
    pm.execute_notebook(
        str(NOTEBOOKS_DIR / f"{stem}.ipynb"),
        str(out),
        parameters=parameters,
        cwd=str(NOTEBOOKS_DIR),
        kernel_name="python3",
        progress_bar=False,
    )
    return out


def executed(rendered_reports, slug):
    """The executed notebook of report ``slug`` in the shared render."""
    return rendered_reports / "executed" / f"{slug}.ipynb"


def output_text(path):
    """Every text, Markdown and HTML output of an executed notebook, as one string."""
    nb = nbformat.read(path, as_version=4)
    parts = []
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                parts.append(json.dumps(output))
            parts.append(output.get("text", ""))
            for mime in ("text/markdown", "text/html", "text/plain"):
                parts.append(html.unescape(str(output.get("data", {}).get(mime, ""))))
    return "\n".join(parts)


@pytest.mark.parametrize("province_id", list(FOCUS_PROVINCES))
def test_profile_shows_every_figure_of_the_province(rendered_reports, dataset, province_id):
    province = FOCUS_PROVINCES[province_id]
    text = output_text(executed(rendered_reports, f"profile-{province_id}"))
    geo_id = str(geo.resolve_geography(dataset, province)["geography_id"])
    table = facts.facts_for(dataset, geo_id)
    assert len(table) > 0
    for _, fact in table.iterrows():
        assert facts.fact_text(fact) in text, (province, fact["indicator_id"])
    for source_id in sources.sources_used(dataset, table):
        assert sources.short_source(dataset, source_id) in text
    gaps = profile.not_reported(dataset, geo_id)
    for label in gaps["indicator"]:
        assert label in text
    assert "Traceback" not in text


def test_profile_of_a_wrong_province_fails_listing_valid_names(tmp_path, dataset):
    with pytest.raises(pm.PapermillExecutionError) as info:
        run(tmp_path, "01-province-profile", province="Atlantis")
    message = str(info.value)
    assert "UnknownGeographyError" in message and "valid names are" in message
    for name in geo.valid_geography_names(dataset):
        assert name in message


def test_compare_shows_each_province_funding_and_reductions(rendered_reports, dataset):
    text = output_text(executed(rendered_reports, "compare-provinces"))
    ids = geo.focus_province_ids(dataset)
    for _, row in compare.funding_normalised(dataset, ids).iterrows():
        assert row["per year"] in text and row["amount"] in text
    # issue 16: the comparison sets side by side what compares (each series' pace) and offers
    # every figure as a CSV; each province's printed reductions are listed on its profile
    reductions = facts.select(
        facts.facts_for(dataset, ids), units=["percentage points per year"], totals_only=True
    )
    for _, fact in reductions.iterrows():
        profile = output_text(executed(rendered_reports, f"profile-{fact['geography_id']}"))
        assert facts.fact_text(fact) in profile
    for name in FOCUS_PROVINCES.values():
        assert name in text


def test_standards_notebook_shows_rates_under_both_standards(rendered_reports, dataset):
    text = output_text(executed(rendered_reports, "poverty-standards"))

    implied = standards.implied_households(dataset)
    assert set(implied["standard"]) >= {"2016–2020 standard", "2021–2025 standard"}
    for value in implied["implied households in total"]:
        assert value in text
    for _, row in implied.iterrows():
        assert row["rate"] in text and row["households counted"] in text


@pytest.mark.parametrize("province", list(FOCUS_PROVINCES.values()))
def test_standards_notebook_runs_for_each_focus_province(tmp_path, dataset, province):
    text = output_text(run(tmp_path, "03-poverty-standards", province=province))
    assert "Traceback" not in text and province in text
    geo_id = next(gid for gid, name in FOCUS_PROVINCES.items() if name == province)
    rates = facts.select(
        facts.facts_for(dataset, geo_id),
        indicators=["poor_household_rate", "near_poor_household_rate"],
        totals_only=True,
    )
    if rates.empty:  # read from the data: a province without rates says so, never shows 0
        assert f"Rates for {province}: not reported." in text
    else:
        for value in standards.implied_households(dataset, [geo_id])["households counted"]:
            assert value in text


def image_outputs(path):
    """The image outputs (PNG) of an executed notebook, with their display metadata."""
    nb = nbformat.read(path, as_version=4)
    return [
        output
        for cell in nb.cells
        for output in cell.get("outputs", [])
        if "image/png" in output.get("data", {})
    ]


def dataframe_outputs(path):
    """The outputs of an executed notebook that are a pandas DataFrame (its HTML table)."""
    nb = nbformat.read(path, as_version=4)
    return [
        output
        for cell in nb.cells
        for output in cell.get("outputs", [])
        if 'class="dataframe"' in str(output.get("data", {}).get("text/html", ""))
    ]


REPORT_SLUGS = [
    *(f"profile-{p}{lang}" for p in FOCUS_PROVINCES for lang in ("", ".vi")),
    *(f"{r}{lang}" for r in ("compare-provinces", "poverty-standards", "working-with-the-data")
      for lang in ("", ".vi")),
]  # fmt: skip


@pytest.mark.parametrize("slug", [s for s in REPORT_SLUGS if s.startswith("profile-")])
def test_each_profile_shows_its_charts_as_figures_with_alt_text(rendered_reports, slug):
    images = image_outputs(executed(rendered_reports, slug))
    assert len(images) >= 3, slug
    for output in images:  # JupyterLab and the page both read the description
        alt = output["metadata"]["image/png"]["alt"]
        assert alt and alt == output["metadata"]["alt"]


@pytest.mark.parametrize("slug", REPORT_SLUGS)
def test_every_notebook_shows_a_dataframe(rendered_reports, slug):
    assert dataframe_outputs(executed(rendered_reports, slug)), slug


@pytest.mark.parametrize("slug", REPORT_SLUGS)
def test_each_chart_of_a_page_keeps_its_alt_text_caption_and_download(rendered_reports, slug):
    from bs4 import BeautifulSoup

    page = BeautifulSoup(
        (rendered_reports / f"{slug}.html").read_text(encoding="utf-8"), "html.parser"
    )
    images = [img for img in page.select("main img") if img["src"].startswith("images/")]
    assert images, slug
    for img in images:
        assert img.get("alt") and "No description" not in img["alt"]
        assert int(img["width"]) <= 530  # at most 5.5 in at 96 CSS px an inch
        output = img.find_parent(class_="jp-OutputArea-child") or img.find_parent("figure")
        after = output.find_next(class_="caption")
        assert after is not None and after.find("a", class_="download") is not None, slug
