"""The methods box on every page: standards, methods and evidence counted from the data."""

from __future__ import annotations

import csv

import pytest
from bs4 import BeautifulSoup

from helpers import config, methods_box
from helpers.analysis.methods import methods, page_observations
from helpers.i18n import using


def _csv(name: str) -> list[dict[str, str]]:
    with open(config.PROJECT_ROOT / "data" / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_counts_come_from_the_rows_of_the_geography_and_its_districts(dataset):
    # counted again here from the CSV files, without the loader or pandas
    geographies = _csv("geographies.csv")
    ids = {"bac-kan"} | {g["geography_id"] for g in geographies if g["parent_id"] == "bac-kan"}
    dependent = {i["indicator_id"] for i in _csv("indicators.csv")
                 if i["standard_dependent"] == "true"}  # fmt: skip
    rows = [r for r in _csv("observations.csv") if r["geography_id"] in ids]
    poverty = [r for r in rows if r["indicator_id"] in dependent]
    table = methods(dataset, page_observations(dataset, ["bac-kan"], nation=False))
    got = {(a, c): (n, k) for a, c, n, k in table.itertuples(index=False)}
    for code in ("2021-2025", "2016-2020", "not stated"):
        which = [r for r in poverty if r["poverty_standard"] == code]
        inferred = [r for r in which if r["standard_inferred"] == "true"]
        assert got.get(("standard", code), (0, 0)) == (len(which), len(inferred)), code
    for code in ("administrative review", "household survey"):
        n = sum(r["method"] == code for r in poverty)
        assert got.get(("method", code), (0, 0))[0] == n, code
    derived = sum(bool(r["formula"].strip()) for r in rows)
    assert got.get(("evidence", "derived"), (0, 0))[0] == derived
    evidence = sum(n for (a, _), (n, _) in got.items() if a == "evidence")
    assert evidence == len(rows)  # every figure has exactly one tier


def test_the_profile_box_counts_the_nations_rates_beside_the_province(dataset):
    alone = page_observations(dataset, ["bac-kan"], nation=False)
    beside = page_observations(dataset, ["bac-kan"])
    extra = set(beside["observation_id"]) - set(alone["observation_id"])
    assert extra and set(beside.loc[beside["observation_id"].isin(extra), "geography_id"]) == {"vn"}


def test_the_box_has_five_lines_in_each_language_and_links_the_standards_page(dataset):
    for language, link in (("en", "poverty-standards.html"), ("vi", "poverty-standards.vi.html")):
        with using(language):
            html = methods_box.methods_box(dataset, ["ha-giang"])
        soup = BeautifulSoup(html, "html.parser")
        assert len(soup.select("aside.methods li")) == 5
        assert soup.select_one(f'a[href="{link}"]') is not None
    with using("en"):
        text = BeautifulSoup(methods_box.methods_box(dataset, ["ha-giang"]), "html.parser")
    first = text.select("li")[0].get_text()
    # Hà Giang's own count of 2021-2025 figures, from the table the box words
    table = methods(dataset, page_observations(dataset, ["ha-giang"]))
    n = int(table.loc[(table["aspect"] == "standard") & (table["code"] == "2021-2025"),
                      "n_observations"].iloc[0])  # fmt: skip
    assert f"2021–2025 (Decree 07/2021/NĐ-CP): {n}" in first


@pytest.mark.slow
def test_every_report_page_has_one_methods_box(rendered_reports):
    pages = [p for p in sorted(rendered_reports.glob("*.html")) if not p.name.startswith("index")]
    assert pages
    missing = [
        p.name
        for p in pages
        if len(BeautifulSoup(p.read_text(encoding="utf-8"), "html.parser").select("aside.methods"))
        != 1
    ]
    assert not missing, f"pages without exactly one methods box: {missing}"
