"""No English words of ours on Vietnamese pages, no Vietnamese on English ones (issue 16).

Quotations, titles, code, names and the data tables of the notebooks are exempt; what counts as
a word of the other language is in ``tests/language.py``.
"""

from __future__ import annotations

import pytest
from language import catalogue_vi, english_words, foreign_words, visible_text

from helpers import display
from helpers.i18n import fields_of, using


def _words(found) -> list[str]:
    return [f.word for f in found]


def test_english_words_on_a_vietnamese_page_are_found():
    html = "<body><p>Tỷ lệ hộ nghèo theo the statistics office, năm 2023.</p></body>"
    assert _words(foreign_words(html, "vi")) == ["statistics", "office"]


def test_vietnamese_words_on_an_english_page_are_found():
    html = "<body><p>The rate of the review (rà soát) in Bắc Kạn fell.</p></body>"
    # Bắc Kạn is a geography's name; "rà soát" is ours, unquoted
    assert _words(foreign_words(html, "en")) == ["rà", "soát"]


def test_quotations_titles_code_and_names_are_exempt():
    html = (
        "<body><p>The page says <q lang='vi'>theo chuẩn nghèo đa chiều</q>;"
        "<cite lang='vi'>Báo cáo tổng kết</cite> <code>gso-2018</code>, Decision 90/QĐ-TTg, "
        "LĐXH, Thời báo Tài chính Việt Nam, Tuyên Quang. <a hreflang='vi' lang='vi' "
        "translate='no'>Tiếng Việt</a></p><blockquote lang='vi'>hộ nghèo giảm</blockquote>"
        "</body>"
    )
    assert foreign_words(html, "en") == []


def test_the_other_language_marked_as_such_is_still_the_other_language():
    # A data note shown in English on a Vietnamese page is English there, marked or not.
    html = '<body><p>Ghi chú: <span lang="en">Result of the household review.</span></p></body>'
    assert "household" in _words(foreign_words(html, "vi"))


def test_vietnamese_syllables_without_marks_are_not_english():
    # "hai", "dung", "ban" are Vietnamese syllables; "line", "commit" cannot be
    assert not {"hai", "dung", "ban", "to", "an"} & english_words()
    assert {"line", "commit", "review", "household"} <= english_words()


def test_prose_of_data_shows_quotations_and_code_as_such():
    text = "The page says only 'theo chuẩn nghèo đa chiều'; see `data/README.md`, Bắc Kạn's note."
    html = display.prose_html(text)
    assert '<q lang="vi">theo chuẩn nghèo đa chiều</q>' in html
    assert "<code>data/README.md</code>" in html
    assert "Bắc Kạn&#x27;s" in html or "Bắc Kạn's" in html  # an apostrophe opens no quotation
    assert foreign_words(f"<body><p>{html}</p></body>", "en") == []
    with using("vi"):
        marked = display.data_text("Result of the review.")
    assert marked.startswith('<span lang="en">')


def test_the_catalogue_vietnamese_has_no_english_words():
    """Every message, shown or not yet, in Vietnamese without English words of ours."""
    problems = []
    for english, vietnamese in catalogue_vi().items():
        text = vietnamese
        for field in fields_of(vietnamese):
            text = text.replace("{" + field + "}", " ")
        found = foreign_words(f"<body><p>{display.prose_html(text)}</p></body>", "vi")
        problems += [f"{english!r} → {vietnamese!r}: {f.word}" for f in found]
    assert not problems, "\n".join(problems)


def test_the_visible_text_leaves_out_pandas_tables():
    html = '<body><table class="dataframe"><tr><td>on_track</td></tr></table><p>Xong.</p></body>'
    assert visible_text(html) == "Xong."


@pytest.mark.slow
def test_every_rendered_page_is_in_its_own_language(rendered_reports):
    problems = []
    pages = sorted(rendered_reports.glob("*.html"))
    assert pages
    for page in pages:
        language = "vi" if page.name.endswith(".vi.html") else "en"
        found = foreign_words(page.read_text(encoding="utf-8"), language)
        problems += [f"{page.name}: {f}" for f in found[:20]]
    assert not problems, f"{len(problems)} word(s) in the other language:\n" + "\n".join(problems)
