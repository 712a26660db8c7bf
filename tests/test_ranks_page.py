"""The pages' sections on the provinces among all provinces (helpers.ranks_page): the numbers
they print come from the CSV rows (recomputed here with the csv module), in either language."""

from __future__ import annotations

import csv
import re

import pytest
from bs4 import BeautifulSoup

from helpers import config, ranks_page
from helpers.i18n import using

DATA = config.PROJECT_ROOT / "data"
FOCUS = ["thai-nguyen", "bac-kan", "tuyen-quang", "ha-giang"]


def _read(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _survey(geography_id: str) -> dict[int, float]:
    """The statistics office's household-survey rates of one geography by year (CSV rows)."""
    tables = {s["source_id"] for s in _read("sources.csv")
              if s["source_type"] == "statistics office table"}  # fmt: skip
    return {
        int(r["period_end"]): float(r["value"]) for r in _read("observations.csv")
        if r["source_id"] in tables and r["geography_id"] == geography_id
        and r["indicator_id"] == "poor_household_rate"
    }  # fmt: skip


def _rank_in_year(geography_id: str, year: int) -> tuple[int, int]:
    geos = {g["geography_id"]: g for g in _read("geographies.csv")}
    tables = {s["source_id"] for s in _read("sources.csv")
              if s["source_type"] == "statistics office table"}  # fmt: skip
    values = {
        r["geography_id"]: float(r["value"]) for r in _read("observations.csv")
        if r["source_id"] in tables and int(r["period_end"]) == year
        and r["indicator_id"] == "poor_household_rate" and geos[r["geography_id"]]["level"]
        == "province"
    }  # fmt: skip
    mine = values[geography_id]
    return 1 + sum(1 for v in values.values() if v > mine), len(values)


@pytest.mark.parametrize("gid", FOCUS)
def test_the_profile_sentence_gives_the_first_and_last_ranks_of_the_csv_rows(dataset, gid):
    rates = _survey(gid)
    first, last = min(rates), max(rates)
    section = ranks_page.profile_section(dataset, gid)
    text = " ".join(BeautifulSoup(section, "html.parser").get_text(" ").split())
    rank, n = _rank_in_year(gid, last)
    assert f"ranked {rank} of {n} provinces in {last}" in text
    rank0, n0 = _rank_in_year(gid, first)
    assert f"in {first} it ranked {rank0} of {n0} ({rates[first]:.2f}%)" in text
    # one chart (an image with its alt text) and one table row per year ranked
    assert len(section.charts) == 1 and section.charts[0].alt
    rows = BeautifulSoup(section, "html.parser").select("table tbody tr")
    assert [int(r.td.get_text()) for r in rows] == sorted(rates)


def test_the_profile_section_in_vietnamese_has_no_english_words_of_ours(dataset):
    with using("vi"):
        section = ranks_page.profile_section(dataset, "ha-giang")
    text = BeautifulSoup(section, "html.parser").get_text(" ")
    assert "đứng thứ" in text and "so với các tỉnh" in text
    words = {"the", "of", "rank", "ranked", "provinces", "line", "year", "rate", "inferred"}
    caption = BeautifulSoup(section, "html.parser")
    for quoted in caption.select("[lang=en], code"):
        quoted.decompose()
    found = words & set(re.findall(r"[a-z]+", caption.get_text(" ")))
    assert not found, found


def test_a_geography_the_tables_do_not_rank_gets_one_line(dataset):
    section = ranks_page.profile_section(dataset, "phu-luong")
    assert "give no rate for Phú Lương" in section and not section.charts


def test_the_comparison_ranks_each_focus_province_each_year(dataset):
    section = ranks_page.compare_section(dataset, FOCUS)
    soup = BeautifulSoup(section, "html.parser")
    headers = [th.get_text() for th in soup.select("table thead th")][1:]
    for row in soup.select("table tbody tr"):
        cells = [td.get_text() for td in row.find_all("td")]
        gid = {g["name"]: g["geography_id"] for g in _read("geographies.csv")
               if g["geography_id"] in FOCUS}[cells[0]]  # fmt: skip
        for year, cell in zip(headers, cells[1:], strict=True):
            if int(year) in _survey(gid):
                rank, n = _rank_in_year(gid, int(year))
                assert cell == f"{rank} of {n}", (gid, year, cell)
            else:
                assert cell == "not ranked"
    assert len(section.charts) == 1


def test_the_standards_page_lists_every_line_of_poverty_lines_csv(dataset):
    section = ranks_page.lines_section(dataset)
    rows = BeautifulSoup(section, "html.parser").select("table tbody tr")
    expected = [
        (f"{r['period_start']}–{r['period_end']}", r["poverty_line"].replace("-", "–"))
        for r in sorted(_read("poverty_lines.csv"), key=lambda r: r["period_start"])
    ]
    got = [(tr.find_all("td")[1].get_text(), tr.find_all("td")[2].get_text()) for tr in rows]
    assert [(years, line.split()[0]) for years, line in got] == expected
    assert all("inferred" in tr.find_all("td")[3].get_text() for tr in rows)  # every basis now
