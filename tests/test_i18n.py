"""The two languages: every message has both, numbers follow each language's notation.

The message tests read the code (every literal passed to ``tr``/``tr_n``) and the catalogue, so
that a message written without its Vietnamese fails here, not on a reader's page.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pandas as pd
import pytest

from helpers import config, format, i18n, vocabulary
from helpers.catalogue import CATALOGUE
from helpers.facts import breakdown_text, fact_text
from reportbuild import catalog

ROOT = Path(__file__).resolve().parents[1]
CODE = sorted((ROOT / "src").rglob("*.py")) + sorted((ROOT / "notebooks").glob("*.py"))
PAIR_TABLES = {
    name: value
    for name, value in vars(vocabulary).items()
    if name.isupper()
    and isinstance(value, dict)
    and value
    and all(isinstance(v, tuple) and len(v) == 2 for v in value.values())
}


def _messages_in(path: Path) -> list[tuple[str, int]]:
    """``(message, line)`` of every string literal given to tr / tr_n / translation in a file."""
    found = []
    tree = ast.parse(path.read_text(encoding="utf-8"))
    constants = {  # module-level NAME = "text", for tr(NAME)
        target.id: node.value.value
        for node in tree.body
        if isinstance(node, ast.Assign)
        and isinstance(node.value, ast.Constant)
        and isinstance(node.value.value, str)
        for target in node.targets
        if isinstance(target, ast.Name)
    }
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
        if name not in ("tr", "tr_n", "translation"):
            continue
        # tr_n: Vietnamese has one form, the plural's translation
        literals = node.args[1:2] if name == "tr_n" else node.args[:1]
        for arg in literals:
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                found.append((arg.value, node.lineno))
            elif isinstance(arg, ast.Name) and arg.id in constants:
                found.append((constants[arg.id], node.lineno))
    return found


def _all_messages() -> list[tuple[str, str]]:
    """``(message, where)`` of every message of the code, the chrome and the index."""
    from reportbuild import html, index

    out = [
        (message, f"{path.relative_to(ROOT)}:{line}")
        for path in CODE
        for message, line in _messages_in(path)
    ]
    out += [(m, "reportbuild.html.CHROME") for m in html.CHROME.values()]
    out += [(html.CONTENTS, "reportbuild.html.CONTENTS")]
    out += [(m, "reportbuild.index.INDEX_TEXT") for m in index.INDEX_TEXT.values()]
    return out


def test_the_scan_finds_the_messages_of_the_code():
    # the scan itself can fail: it must see messages we know are there
    messages = {m for m, _ in _all_messages()}
    assert {"not reported", "Download {what} ({count} rows, CSV)", "← All reports"} <= messages


def test_every_message_has_its_vietnamese():
    missing = sorted(
        {f"{where}: {message!r}" for message, where in _all_messages()}
        - {
            f"{where}: {message!r}"
            for message, where in _all_messages()
            if message in CATALOGUE["vi"]
        }
    )
    assert not missing, "messages with no Vietnamese in src/helpers/catalogue/:\n" + "\n".join(
        missing
    )


def test_a_message_without_vietnamese_is_refused_on_a_vietnamese_page():
    with i18n.using("vi"), pytest.raises(i18n.MissingTranslation, match="catalogue"):
        i18n.tr("A message nobody translated")
    assert i18n.tr("A message nobody translated") == "A message nobody translated"  # English


@pytest.mark.parametrize("english", sorted(CATALOGUE["vi"]))
def test_each_translation_keeps_the_fields_and_is_written(english):
    vietnamese = CATALOGUE["vi"][english]
    assert vietnamese.strip(), f"empty Vietnamese for {english!r}"
    assert i18n.fields_of(vietnamese) == i18n.fields_of(english), english


def test_every_vocabulary_pair_has_both_languages():
    assert {"KIND_LABELS", "STANDARD_LABELS", "PROJECTS", "UNIT_SUFFIXES"} <= set(PAIR_TABLES)
    for name, table in PAIR_TABLES.items():
        for key, (english, vietnamese) in table.items():
            if name in ("UNIT_SUFFIXES", "QUALIFIER_WORDS") and not english:
                continue  # "count" and "exact" print nothing in either language
            assert english.strip() and vietnamese.strip(), f"{name}[{key!r}]"


def test_every_split_and_source_type_in_the_data_has_its_vietnamese(dataset):
    obs = dataset.observations
    for column, table in (
        ("breakdown", "BREAKDOWN_LABELS"),
        ("breakdown_by", "BREAKDOWN_BY_LABELS"),
    ):
        values = set(obs[column].dropna().astype(str)) - {""}
        missing = values - set(getattr(vocabulary, table))
        assert not missing, f"observations.{column} values with no pair in vocabulary.{table}"
    types = set(dataset.sources["source_type"].dropna().astype(str))
    assert not types - set(vocabulary.SOURCE_TYPE_LABELS)


def test_every_indicator_has_a_vietnamese_label(dataset):
    labels = dataset.indicators["label_vi"]
    assert labels.notna().all() and (labels.astype(str).str.strip() != "").all()


# --- numbers, dates and words by language ---------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "unit", "decimals", "english", "vietnamese"),
    [  # the Vietnamese as the issue (and the source reports) write it
        (117.325, "VND billion", 1, "117.3 billion VND", "117,3 tỷ đồng"),
        (26.93, "percent", None, "26.93%", "26,93%"),
        (21946, "households", None, "21,946 households", "21.946 hộ"),
        (1.14, "percentage points per year", None, "1.14 pp/year", "1,14 điểm %/năm"),
    ],
)
def test_numbers_follow_the_language(value, unit, decimals, english, vietnamese):
    assert format.format_quantity(value, unit, decimals=decimals) == english
    with i18n.using("vi"):
        assert format.format_quantity(value, unit, decimals=decimals) == vietnamese
    assert i18n.language() == "en"  # the block restores the language


def test_facts_read_in_the_page_language(dataset):
    from helpers.facts import facts_for

    table = facts_for(dataset, "bac-kan")
    fact = table[table["qualifier"] == "over"].iloc[0]
    printed = str(fact["number_as_printed"])  # Vietnamese notation, as printed
    with i18n.using("vi"):
        text = fact_text(fact)
    assert text.startswith("trên ") and printed in text
    assert fact_text(fact).startswith("over ")


def test_a_part_names_its_split_in_the_page_language():
    part = {"breakdown_by": "spending type", "breakdown": "recurrent"}
    assert breakdown_text(part) == "spending type: recurrent"
    with i18n.using("vi"):
        assert breakdown_text(part) == "loại vốn: vốn sự nghiệp"
    assert breakdown_text({"breakdown_by": None, "breakdown": None}) == ""


def test_dates_and_missing_values_by_language():
    assert format.format_date(pd.Timestamp("2025-04-17")) == "17 April 2025"
    assert format.format_number(None) == "not reported"
    with i18n.using("vi"):
        assert format.format_date(pd.Timestamp("2025-04-17")) == "17/4/2025"
        assert format.format_date(None, "2023-04") == "tháng 4/2023 (suy ra)"
        assert format.format_number(None) == "không có số liệu"
        assert format.format_standard("2021-2025") == "chuẩn nghèo đa chiều 2021–2025"


def test_an_unknown_language_is_refused():
    with pytest.raises(ValueError, match="en.*vi"):
        i18n.set_language("fr")
    assert i18n.language() == "en"


# --- the catalogue of reports -------------------------------------------------------------------


def test_every_report_is_rendered_in_both_languages_side_by_side():
    reports = catalog.reports_for([], catalog.resolve_provinces([]))
    by_stem: dict[str, set[str]] = {}
    for report in reports:
        by_stem.setdefault(report.stem, set()).add(report.language)
        assert report.parameters["language"] == report.language
        assert report.slug == (report.stem if report.language == "en" else report.stem + ".vi")
    assert by_stem and all(langs == {"en", "vi"} for langs in by_stem.values())
    # profiles, comparison, standards, working with the data
    assert len(by_stem) == len(config.FOCUS_PROVINCES) + 3


def test_one_language_only():
    reports = catalog.reports_for([], catalog.resolve_provinces([]), languages=["vi"])
    assert reports and {r.language for r in reports} == {"vi"}
    assert all(r.twins == (("en", f"{r.stem}.html"),) for r in reports)
    with pytest.raises(ValueError, match="unknown language"):
        catalog.reports_for([], catalog.resolve_provinces([]), languages=["fr"])


def test_a_report_without_its_vietnamese_title_is_refused(tmp_path):
    text = (config.NOTEBOOKS_DIR / "reports.yml").read_text(encoding="utf-8")
    broken = re.sub(r"\n\s*title_vi: Chuẩn nghèo\n", "\n", text)
    assert broken != text
    path = tmp_path / "reports.yml"
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(catalog.CatalogueError, match="standards.*missing title_vi"):
        catalog.load(path)
