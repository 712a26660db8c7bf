"""The province profile in Vietnamese: its sentences, statuses, reasons and headings.

Each check reads what ``helpers.brief`` and ``helpers.profile_page`` write with
``i18n.using("vi")`` and looks for English words in our own text (the sources' words, the data's
English notes and the evidence blocks are left out); each also has a case that shows it can fail.
"""

from __future__ import annotations

import re

import pandas as pd
import pytest
from bs4 import BeautifulSoup

from helpers import brief, facts, i18n, profile, profile_page

PROVINCES = ("thai-nguyen", "bac-kan", "tuyen-quang", "ha-giang")

# Words of our English messages that Vietnamese text never holds (Vietnamese words written in
# ASCII, such as "in", "do", "to", "an" or "ai", are left out).
ENGLISH = set(
    "the and of for from with under against which what who how was were is are has have "
    "not no none met reported comparable undetermined silent rate rates poor households "
    "household target targets result results figure figures source sources programme "
    "year years per amount amounts count counts fell rose review survey estimate plan "
    "people reached money key findings other units inside level unit standard when why kind "
    "value status profile see".split()
)


def english_words(text: str) -> set[str]:
    """English words of :data:`ENGLISH` in ``text``."""
    return set(re.findall(r"[^\W\d_]+", text.lower())) & ENGLISH


def our_text(html: str) -> str:
    """The text of a section as we write it: without the evidence blocks (written by
    ``helpers.display``), quoted sources, English notes from ``data/`` (``lang="en"``), codes
    and addresses. Alt texts of charts are kept."""
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup.select("details, blockquote, cite, code, [lang], a[href^=http], a.download"):
        tag.decompose()
    alts = " ".join(img.get("alt", "") for img in soup.find_all("img"))
    return soup.get_text(" ") + " " + alts


def test_the_english_word_check_can_fail():
    assert english_words("Tỷ lệ hộ nghèo giảm; the target was met") == {"the", "target", "was",
                                                                        "met"}  # fmt: skip
    assert not english_words("Cẩm nang được in, do Sở Lao động ban hành")


@pytest.mark.parametrize("gid", PROVINCES)
def test_findings_read_in_vietnamese(dataset, gid):
    with i18n.using("vi"):
        found = brief.findings(dataset, gid)
    assert 3 <= len(found) <= 6
    for sentence in found:
        assert sentence.endswith("."), sentence
        assert not english_words(sentence), sentence
    # numbers in Vietnamese notation: a decimal comma, never a decimal point
    assert any(re.search(r"\d,\d", s) for s in found), found
    assert not any(re.search(r"\d\.\d{1,2}(?!\d)", s) for s in found), found


def test_the_rate_finding_in_vietnamese_word_order(dataset):
    with i18n.using("vi"):
        first = brief.findings(dataset, "bac-kan")[0]
    # the standard, then in brackets "suy ra" where an endpoint's standard is inferred, and the
    # method, before the subject: Vietnamese word order
    opening = re.match(r"Theo chuẩn nghèo đa chiều 2021–2025 \((suy ra; )?kết quả rà soát hộ "
                       r"nghèo\), tỷ lệ hộ nghèo của Bắc Kạn ", first)  # fmt: skip
    assert opening, first
    # the two rates are Bắc Kạn's 2021–2025-standard rates of the years named, in Vietnamese
    # notation (read back and looked up in data/, not copied from the output)
    found = re.search(r"giảm từ ([\d,]+)% \((\d{4})\) xuống ([\d,]+)% \((\d{4})\)", first)
    assert found, first
    obs = dataset.observations
    rates = obs[(obs["geography_id"] == "bac-kan") & (obs["indicator_id"] == "poor_household_rate")
                & (obs["poverty_standard"] == "2021-2025")]  # fmt: skip
    inferred = []  # per endpoint: is every matching row's standard inferred?
    for value, year in ((found[1], found[2]), (found[3], found[4])):
        in_year = rates[
            (rates["period_end"] == int(year))
            & (rates["kind"] == "actual")
            & (rates["value"].astype(float) == float(value.replace(",", ".")))
        ]
        assert len(in_year), (value, year)  # fmt: skip
        inferred.append(bool(in_year["standard_inferred"].astype(bool).all()))
    # "suy ra" exactly when an endpoint's standard is inferred in data/
    assert bool(opening[1]) == any(inferred), (first, inferred)
    assert int(found[2]) < int(found[4])
    assert "điểm phần trăm" in first
    english = brief.findings(dataset, "bac-kan")[0]
    said = "inferred; " if opening[1] else ""
    assert english.startswith(
        f"Under the 2021–2025 standard ({said}administrative review counts), Bắc Kạn's "
        "poor-household rate fell"
    )


@pytest.mark.parametrize("gid", PROVINCES)
def test_key_figures_read_in_vietnamese(dataset, gid):
    with i18n.using("vi"):
        cards = brief.key_figures(dataset, gid)
        labels = [c.label for c in cards]
        for card in cards:
            text = f"{card.label} {card.value} {card.detail} {card.status_label}"
            assert not english_words(text), card
    assert labels[0] == "Tỷ lệ hộ nghèo mới nhất"
    assert [c.label for c in brief.key_figures(dataset, gid)][0] == "Poor-household rate, latest"


def test_statuses_are_keys_shown_in_the_page_language(dataset):
    statuses = brief.target_statuses(dataset, "bac-kan")
    met = [s for s in statuses if s.status == "met"]
    assert met, "Bắc Kạn's 2024 rate target is met"
    assert met[0].label == "met"
    with i18n.using("vi"):
        assert met[0].label == "đạt"
        assert brief.status_label("not met") == "không đạt"
        assert brief.status_label("not comparable") == "không so sánh được"
        assert brief.Card("x", "y", status="on track").status_label == "đúng tiến độ"
        assert brief.status_label("achieved as stated") == "đạt, theo nguồn"
    for status in brief.STATUSES:  # the English words are the key, the source's claim marked
        expected = "achieved, as the source states" if status == "achieved as stated" else status
        assert brief.status_label(status) == expected


@pytest.mark.parametrize("gid", PROVINCES)
def test_reasons_are_written_in_the_page_language(dataset, gid):
    with i18n.using("vi"):
        statuses = brief.target_statuses(dataset, gid)
    assert statuses
    for s in statuses:
        assert not english_words(s.reason), s.reason


def test_merger_mismatch_reasons_in_vietnamese():
    from helpers import compare
    from helpers.analysis.mergers import REASONS

    with i18n.using("vi"):
        texts = [compare.mismatch_text(code) for code in REASONS]
    assert texts[1] == "khác thời kỳ" and "khác chuẩn nghèo" in texts
    assert all(not english_words(t) for t in texts), texts


def test_money_per_programme_year_in_vietnamese(dataset):
    table = facts.facts_for(dataset, "thai-nguyen")
    top = table[table["observation_ids"] == "ldxh-2025-thai-nguyen-006"].iloc[0]
    with i18n.using("vi"):
        _, text = brief.funding_per_programme_year(top)
    assert text.startswith("bình quân ") and " tỷ đồng mỗi năm trong 3 năm thực hiện " in text
    assert "tháng 1/2022" in text and not english_words(text)


# --- the page's sections --------------------------------------------------------------------------

SECTIONS = ("key_figures", "findings", "rates", "targets", "money", "people", "other",
            "components", "gaps", "sources")  # fmt: skip


@pytest.mark.parametrize("gid", ["bac-kan", "thai-nguyen"])
def test_every_section_of_the_profile_reads_in_vietnamese(dataset, gid):
    rendered = {g: i18n.page_file(f"profile-{g}", "vi") for g in PROVINCES}
    with i18n.using("vi"):
        parts = {name: getattr(profile_page, name)(dataset, gid) for name in SECTIONS}
        parts["header"] = profile_page.header(dataset, gid, rendered)
        parts["places"] = profile_page.places(dataset, gid, rendered)
    for name, html in parts.items():
        if name == "key_figures":  # the status word is written by helpers.display
            html = re.sub(r'<span class="status-[a-z-]+">[^<]*</span>', "", html)
        assert not english_words(our_text(html)), (name, english_words(our_text(html)))


def test_a_section_with_english_left_in_it_is_caught(dataset):
    with i18n.using("vi"):
        html = profile_page.gaps(dataset, "bac-kan")
    assert english_words(our_text(html.replace("</h2>", " of the dataset</h2>")))


def test_headings_come_from_the_catalogue(dataset):
    headings = {
        "key_figures": "Key figures",
        "findings": "Findings",
        "rates": "Poverty rates: how many households are poor, and how has that changed?",
        "targets": "Targets against results: was the reduction target met?",
        "money": "Money: how much, for which years, from which budget?",
        "people": "People reached: who benefited?",
        "other": "Other figures",
        "components": "The seven component projects: which does each source cover?",
        "gaps": "What the sources do not say",
        "sources": "Sources",
    }
    for name, english in headings.items():
        html = getattr(profile_page, name)(dataset, "bac-kan")
        assert html.startswith(f"<h2>{english}</h2>"), name
        with i18n.using("vi"):
            html = getattr(profile_page, name)(dataset, "bac-kan")
        assert html.startswith(f"<h2>{i18n.translation(english, 'vi')}</h2>"), name


def test_table_headers_follow_the_language(dataset):
    assert [c.header for c in profile_page.columns()] == ["what", "when", "kind", "standard",
                                                          "value"]  # fmt: skip
    with i18n.using("vi"):
        headers = [c.header for c in profile_page.columns()]
        places = profile_page.places(dataset, "vn", {})
        components = profile_page.components(dataset, "bac-kan")
    assert headers == ["chỉ tiêu", "thời gian", "loại số liệu", "chuẩn nghèo", "giá trị"]
    assert ">tỉnh<" in places and "province" not in places
    assert ">nội dung<" in components and "silent" not in components


def test_component_cells_and_inferred_periods_in_vietnamese(dataset):
    table = facts.facts_for(dataset, "bac-kan")
    with i18n.using("vi"):
        summary = profile.component_summary(table, dataset.indicators)
        inferred = table[table["period_inferred"].astype(str).str.lower() == "true"].iloc[0]
        when = profile.when(inferred)
    assert set(summary.columns) == {"component", "indicators reported", "what the reports give"}
    assert "chưa có số liệu" in set(summary["what the reports give"])
    assert summary["indicators reported"].str.fullmatch(r"\d+/\d+").all()
    assert when.endswith("(suy ra)")
    assert profile.when(inferred).endswith("(inferred)")


def test_the_notebook_holds_no_reader_facing_markdown():
    from helpers import config

    text = (config.NOTEBOOKS_DIR / "01-province-profile.py").read_text(encoding="utf-8")
    cells = re.split(r"^# %%", text, flags=re.M)[1:]
    markdown = [c for c in cells if c.startswith(" [markdown]") and "remove-cell" not in c[:60]]
    assert markdown == [], "headings and introductions belong in helpers.profile_page"


def test_english_profile_text_is_unchanged(dataset):
    # the English words the page had before it was translated
    found = brief.findings(dataset, "thai-nguyen")
    # no two year-end rates in one series: the 1.54% is a figure "to date" in September 2025
    assert found[0].startswith(
        "The sources give no two year-end rates of Thái Nguyên in one series (one standard and "
        "method), so no pace can be read: "
    )
    assert "1.54% (to date on 23 September 2025, 2021–2025 standard" in found[0]
    cards = brief.key_figures(dataset, "thai-nguyen")
    assert cards[2].detail == (
        "70.6 billion VND per year over 3 programme years (2022–2024; the period printed starts "
        "in 2021, but the programme was approved in January 2022)"
    )
    assert pd.notna(cards[0].value)
