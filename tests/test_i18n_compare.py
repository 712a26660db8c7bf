"""The comparison page, the poverty-standards page and the charts in both languages.

Each test writes a part of a page with ``using("vi")`` (or in English) from the real data and
checks that it is in the page's language: the catalogue's words, Vietnamese number notation,
no English words of ours left; and that the English stays as it was.
"""

from __future__ import annotations

import re

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import nbformat  # noqa: E402
import pytest  # noqa: E402

from helpers import brief, compare, compare_page, display, plotting, standards, standards_page  # noqa: E402
from helpers.config import NOTEBOOKS_DIR  # noqa: E402
from helpers.format import format_number  # noqa: E402
from helpers.geo import focus_province_ids  # noqa: E402
from helpers.i18n import using  # noqa: E402

# English words of our own sentences, headers and labels; none may be left on a Vietnamese part
# (text from the data, e.g. quoted source titles, is Vietnamese already).
ENGLISH = re.compile(
    r"\b(the|of|and|provinces?|households?|targets?|result|reported|comparable|applicable|"
    r"standard|billion|million|per|year|review|survey|line chart|heat-map|coverage|none|yes)\b",
    re.IGNORECASE,
)


@pytest.fixture(scope="module")
def ids(dataset):
    return focus_province_ids(dataset)


def english_words(text: str) -> list[str]:
    return ENGLISH.findall(text)


def test_findings_in_vietnamese(dataset, ids):
    with using("vi"):
        findings = compare.findings(dataset, ids)
    assert len(findings) == 4
    assert findings[0].startswith("Xếp theo tỷ lệ hộ nghèo cuối năm ")
    assert findings[1].startswith("Xếp theo mức giảm tỷ lệ hộ nghèo bình quân mỗi năm")
    assert "Đúng tiến độ: " in findings[2] and "triệu đồng" in findings[3]
    assert "1/7/2025" in findings[3]
    for sentence in findings:
        assert english_words(sentence) == [], sentence


def test_findings_in_english_rank_by_level_and_pace(dataset, ids):
    findings = compare.findings(dataset, ids)
    level = re.match(r"By poor-household rate at the end of (\d{4}) \(2021–2025 standard",
                     findings[0])  # fmt: skip
    assert level, findings[0]
    # the year: the latest one with a year-end 2021–2025 review rate of most focus provinces
    obs = dataset.observations
    rates = obs[(obs["indicator_id"] == "poor_household_rate") & obs["geography_id"].isin(ids)
                & (obs["poverty_standard"] == "2021-2025") & (obs["kind"] == "actual")
                & (obs["method"] == "administrative review") & obs["date"].isna()]  # fmt: skip
    per_year = rates.groupby("period_end")["geography_id"].nunique()
    assert per_year.get(int(level[1]), 0) >= 3
    assert findings[1].startswith("By average fall of the rate per year")
    assert findings[2].startswith("Targets, by the data: On track: ")
    assert findings[3].startswith("Programme money allocated per poor household")


def test_section_headings_follow_the_language(dataset, ids):
    with using("vi"):
        html = compare_page.rates(dataset, ids)
    assert html.startswith("<h2>Tỷ lệ hộ nghèo qua các năm: các tỉnh đang ở mức nào?</h2>")
    assert '<th scope="col">chuẩn nghèo và phương pháp</th>' in html
    html = compare_page.rates(dataset, ids)
    assert html.startswith("<h2>Poverty rates over time: where do the provinces stand?</h2>")
    assert '<th scope="col">standard and method</th>' in html


def test_funding_cells_in_vietnamese(dataset, ids):
    with using("vi"):
        table = compare.funding_normalised(dataset, ids)
        headers = [compare.header(c) for c in compare.FUNDING_DISPLAY]
    thai = table[(table["geography"] == "Thái Nguyên") & table["is_total"]].iloc[0]
    assert thai["part"] == "tổng số"
    assert thai["per year"] == "70,6 tỷ đồng"
    assert thai["per poor household"] == "10,29 triệu đồng/hộ nghèo"
    other = table[table["money_class"] != "programme"].iloc[0]
    assert other["per poor household"] == "không áp dụng: vốn của chương trình hoặc chính sách khác"
    assert other["programme years"] == "không áp dụng"
    assert "bình quân mỗi hộ nghèo" in headers
    for column in ("part", "programme years", "per year", "poor households used",
                   "per poor household"):  # fmt: skip
        for cell in table[column]:
            assert english_words(cell) == [], (column, cell)


def test_funding_kind_shows_its_label_not_its_key(dataset, ids):
    html = compare_page.money(dataset, ids)
    assert "<td>actual</td>" not in html and "<td>result</td>" in html
    with using("vi"):
        html = compare_page.money(dataset, ids)
    assert "<td>kết quả</td>" in html


def test_merger_pairs_say_comparable_in_the_page_language(dataset):
    with using("vi"):
        pairs = compare.merger_pairs(dataset)
    assert pairs["is_comparable"].any() and not pairs["is_comparable"].all()
    assert set(pairs.loc[pairs["is_comparable"], "comparable"]) == {"có"}
    assert all(c.startswith("không so sánh được vì ") for c in
               pairs.loc[~pairs["is_comparable"], "comparable"])  # fmt: skip


def test_target_statuses_and_coverage_levels_have_words_in_both_languages():
    with using("vi"):
        assert brief.status_label("not comparable") == "không so sánh được"
        assert compare.coverage_label("result only") == "chỉ có kết quả"
    assert brief.status_label("not met") == "not met"
    with pytest.raises(ValueError, match="unknown target status"):
        brief.status_label("passed")
    with pytest.raises(ValueError, match="unknown coverage level"):
        compare.coverage_label("partly")


def test_coverage_section_in_vietnamese(dataset, ids):
    plotting.apply_theme()
    with using("vi"):
        html = compare_page.coverage(dataset, ids)
    alt = re.search(r'alt="([^"]*)"', html).group(1)
    assert alt.startswith("Biểu đồ cột") and english_words(alt) == []
    assert "<td>chỉ có mục tiêu hoặc kế hoạch</td>" in html
    assert '<th scope="col">mức độ báo cáo</th>' in html


def test_coverage_chart_legend_in_vietnamese(dataset, ids):
    with using("vi"):
        figure = plotting.plot_coverage(compare.coverage_matrix(dataset, ids), "t")
    legend = [t.get_text() for t in figure.legends[0].get_texts()]  # under the whole chart
    plt.close(figure)
    assert legend == ["không có số liệu", "chỉ có mục tiêu hoặc kế hoạch", "chỉ có kết quả",
                      "có cả kết quả và mục tiêu"]  # fmt: skip


def test_trajectory_chart_in_vietnamese(dataset, ids):
    plotting.apply_theme()
    series = compare.trajectories(dataset, ids)
    names = {g: g for g in [*ids, "vn"]}
    with using("vi"):
        figure = plotting.plot_trajectory(series, names)
        alt = plotting.trajectory_alt(series, names)
    ax = figure.axes[0]
    texts = [t.get_text() for t in ax.texts]
    legend = [t.get_text() for t in figure.legends[0].get_texts()]  # under the whole chart
    assert ax.get_ylabel() == "tỷ lệ hộ nghèo (% tổng số hộ)"
    assert "đổi chuẩn nghèo\n(Nghị định 07/2021) " in texts  # at the foot of the line
    assert any(t.endswith(", rà soát") for t in legend)
    # values on the chart and in its alt text: the series' own values, in Vietnamese notation
    shown = {format_number(v, notation="vi") + "%" for v in series["value"].astype(float)}
    values = [t for t in texts if t.endswith("%")]
    assert values and set(values) <= shown, values
    assert any("," in t for t in values)
    plt.close(figure)
    assert alt.startswith("Biểu đồ đường về tỷ lệ hộ nghèo.")
    assert all(v in alt for v in shown), shown - {v for v in shown if v in alt}
    assert english_words(alt) == []


def test_bounds_legend_in_vietnamese():
    with using("vi"):
        labels = [h.get_label() for h in plotting.bounds_legend_handles()]
    assert labels == [
        "kết quả",
        "mục tiêu hoặc kế hoạch",
        "ước thực hiện",
        "khoảng giá trị (thấp–cao)",
        "ngưỡng mở: trên / ít nhất (→) hoặc dưới (←)",
    ]
    english = [h.get_label() for h in plotting.bounds_legend_handles()]
    assert english[:3] == ["result", "target or plan", "estimate"]


def test_a_vietnamese_chart_is_the_same_bytes_when_drawn_again(dataset, ids):
    plotting.apply_theme()
    series = compare.trajectories(dataset, ids)
    names = {g: g for g in [*ids, "vn"]}
    drawn = []
    with using("vi"):
        for _ in range(2):
            figure = plotting.plot_trajectory(series, names)
            drawn.append(display.figure_html(figure, "alt", "t", dataset, series))
    assert drawn[0] == drawn[1]


def test_standards_table_in_vietnamese():
    with using("vi"):
        table = standards.standards_table()
    assert list(table["criterion"])[:3] == ["căn cứ pháp lý", "chuẩn nghèo về thu nhập",
                                            "chuẩn cận nghèo về thu nhập"]  # fmt: skip
    column = table["chuẩn nghèo đa chiều 2021–2025"]
    assert column[1] == "nông thôn: 1.500.000; thành thị: 2.000.000 (đồng/người/tháng)"
    assert column[2] == "bằng chuẩn nghèo về thu nhập"
    assert "thiếu hụt từ 3 trong 12 chỉ số" in column[5]
    for cell in [*table["criterion"], *column]:
        assert english_words(cell) == [], cell


def test_implied_households_name_the_count_and_follow_the_language(dataset):
    table = standards.implied_households(dataset)
    assert list(table.columns[:2]) == ["geography", "indicator"]
    assert set(table["indicator"]) == {"Poor households", "Near-poor households"}
    with using("vi"):
        html = standards_page.implied(dataset)
    assert html.startswith("<h2>Tổng số hộ đứng sau mỗi cặp số hộ và tỷ lệ")
    assert '<th scope="col">tổng số hộ suy ra</th>' in html
    # Bắc Kạn's 2021 count ÷ rate under the 2021–2025 standard, from the same report
    obs = dataset.observations.set_index("observation_id")
    count, rate = (
        obs.loc["ldxh-2022-bac-kan-021", "value"],
        obs.loc["ldxh-2022-bac-kan-022", "value"],
    )
    assert f"{format_number(round(count * 100 / rate), notation='vi')} hộ" in html


def test_standards_page_sections_in_vietnamese(dataset):
    with using("vi"):
        parts = [standards_page.header(dataset, "bac-kan"), standards_page.definitions(),
                 standards_page.standards_used(dataset), standards_page.rules()]  # fmt: skip
    text = re.sub(r"<[^>]+>", " ", " ".join(parts))
    text = text.replace("helpers.standards", "")  # the module named as the transcription's home
    assert "Vì sao cùng một năm lại có hai tỷ lệ hộ nghèo" in text
    assert "“không nêu chuẩn nghèo”" in text
    assert english_words(text) == []


@pytest.mark.parametrize("stem", ["02-compare-provinces", "03-poverty-standards"])
def test_reader_facing_text_is_in_outputs_not_markdown(stem):
    notebook = nbformat.read(NOTEBOOKS_DIR / f"{stem}.ipynb", as_version=4)
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            assert "remove-cell" in cell.metadata.get("tags", []), cell.source[:60]
