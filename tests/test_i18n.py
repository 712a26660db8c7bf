"""The two languages: every message has both, numbers follow each language's notation.

The message tests extract the messages of the code as ``pybabel extract`` does (babel.cfg:
literals given to ``tr``, ``tr_n`` and ``N_``) and read the gettext catalogue
(src/helpers/locale/), so that a message written without its Vietnamese fails here, not on a
reader's page.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pandas as pd
import pytest
from babel.messages.pofile import read_po

from helpers import config, format, i18n, vocabulary
from helpers.facts import breakdown_text, fact_text
from reportbuild import catalog, messages

ROOT = Path(__file__).resolve().parents[1]
# The vocabularies: each entry an English message marked with N_, keyed by the value as
# written in data/.
VOCABULARIES = {
    name: value
    for name, value in vars(vocabulary).items()
    if name.endswith("_LABELS")
    or name in ("UNIT_SUFFIXES", "QUALIFIER_WORDS", "PROJECTS")
    or name == "STANDARD_BASIS"
}


@pytest.fixture(scope="module")
def template():
    return messages.extract()


def _po(language: str = "vi", path: Path | None = None):
    with (path or messages.po_path(language)).open("rb") as f:
        return read_po(f, locale=language)


def _ids(catalogue) -> set[str]:
    return {m.id if isinstance(m.id, str) else m.id[0] for m in catalogue if m.id}


def test_the_extraction_finds_the_messages_of_the_code(template):
    # the extraction itself can fail: it must see messages we know are there, those given to
    # tr() in the helpers, the renderer and a notebook, a tr_n pair, and those marked with N_
    ids = _ids(template)
    assert {"not reported", "Key figures", "targets"} <= ids
    assert {"← All reports", "Contents", "criterion", "per poor household"} <= ids  # N_
    plurals = {m.id for m in template if m.id and not isinstance(m.id, str)}
    assert plurals and all(len(p) == 2 for p in plurals)
    assert len(ids) > 400


def test_the_committed_template_and_po_are_what_extraction_writes_now():
    stale = messages.stale()
    assert not stale, (
        f"{', '.join(str(p.relative_to(ROOT)) for p in stale)} differ from what the code gives: "
        "run `make messages-extract`, then write the Vietnamese of any new message"
    )


def test_every_message_has_its_vietnamese_with_the_same_fields(template):
    problems = messages.problems(_po(), template)
    assert not problems, "src/helpers/locale/vi/LC_MESSAGES/messages.po:\n" + "\n".join(problems)


def test_the_po_holds_exactly_the_messages_of_the_code(template):
    po = _po()
    assert _ids(po) == _ids(template)
    assert not po.obsolete
    assert "#~" not in messages.po_path("vi").read_text(encoding="utf-8")


def test_a_new_message_without_vietnamese_fails(tmp_path, template):
    # a copy of the code with one more tr("..."): extraction adds it to the template and the
    # .po with no text, the committed files are stale, and the check names the message
    root = tmp_path / "project"
    shutil.copytree(
        ROOT / "src", root / "src", ignore=shutil.ignore_patterns("*.mo", "__pycache__")
    )
    shutil.copytree(
        ROOT / "notebooks", root / "notebooks", ignore=shutil.ignore_patterns("*.ipynb")
    )
    shutil.copy(ROOT / messages.MAPPING, root / messages.MAPPING)
    new = root / "src" / "helpers" / "new_page.py"
    new.write_text(
        'from helpers.i18n import tr\n\n\ndef heading():\n    return tr("A brand-new heading")\n',
        encoding="utf-8",
    )
    locale = root / "src" / "helpers" / "locale"
    assert messages.stale(root, locale) == [
        messages.template_path(locale),
        messages.po_path("vi", locale),
    ]
    messages.write(messages.outputs(root, locale))
    assert messages.stale(root, locale) == []
    problems = messages.problems(_po(path=messages.po_path("vi", locale)), messages.extract(root))
    assert problems == ["vi: 'A brand-new heading': no text"]
    # and a message the code no longer has is dropped from the .po (not left obsolete)
    new.unlink()
    messages.write(messages.outputs(root, locale))
    assert "A brand-new heading" not in messages.po_path("vi", locale).read_text(encoding="utf-8")
    assert messages.problems(_po(path=messages.po_path("vi", locale)), template) == []


def test_a_changed_field_or_a_fuzzy_text_is_found(template):
    po = _po()
    po["{date} (inferred)"].string = "{ngay} (suy ra)"
    po["Key figures"].flags.add("fuzzy")
    problems = messages.problems(po, template)
    assert len(problems) == 2
    assert "vi: '{date} (inferred)': its fields ['ngay'] are not the English's" in problems
    assert any(p.startswith("vi: 'Key figures': fuzzy") for p in problems)


def test_a_message_without_vietnamese_is_refused_on_a_vietnamese_page():
    with i18n.using("vi"), pytest.raises(i18n.MissingTranslation, match="messages.po"):
        i18n.tr("A message nobody translated")
    assert i18n.tr("A message nobody translated") == "A message nobody translated"  # English


def test_pages_read_the_compiled_catalogue():
    po = _po()
    assert i18n.translation("Key figures", "vi") == po["Key figures"].string
    plural = next(m for m in po if m.id and not isinstance(m.id, str))
    singular, english_plural = plural.id
    fields = {name: "X" for name in i18n.fields_of(english_plural) - {"count"}}
    with i18n.using("vi"):
        text = i18n.tr_n(singular, english_plural, 2, **fields)
    assert text == plural.string[0].format(count=2, **fields)


def test_a_missing_or_stale_compiled_catalogue_names_the_command(tmp_path):
    folder = tmp_path / "vi" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    po, mo = i18n.catalogue_files("vi", tmp_path)
    shutil.copy(messages.po_path("vi"), po)
    with pytest.raises(
        i18n.CatalogueNotCompiled,
        match=r"messages.mo is missing: run `make messages` \(without make",
    ):
        i18n.compiled("vi", tmp_path)
    messages.compile_catalogue(po, mo)
    assert i18n.compiled("vi", tmp_path).gettext("Key figures") != "Key figures"
    i18n.compiled.cache_clear()
    os.utime(mo, (po.stat().st_mtime - 10,) * 2)  # the .po edited after the last compile
    with pytest.raises(
        i18n.CatalogueNotCompiled, match=r"older than messages.po: run `make messages`"
    ):
        i18n.compiled("vi", tmp_path)
    i18n.compiled.cache_clear()


def test_the_makefile_compiles_the_catalogue_for_every_target_that_needs_it():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for target in ("reports", "test", "test-all", "lab"):
        assert re.search(rf"^{target}: [^#]*\bmessages\b", makefile, re.M), target
    assert "*.mo" in (ROOT / ".gitignore").read_text(encoding="utf-8").split()
    # a .po newer than its .mo is compiled again (make's dry run, as if the .po were edited)
    po = messages.po_path("vi").relative_to(ROOT)
    dry = subprocess.run(
        ["make", "-n", "-W", str(po), "messages"], cwd=ROOT, capture_output=True, text=True
    )
    assert f"reportbuild.messages compile {po} {po.with_suffix('.mo')}" in dry.stdout, dry.stderr


def test_every_vocabulary_entry_has_both_languages():
    assert {"KIND_LABELS", "STANDARD_LABELS", "PROJECTS", "UNIT_SUFFIXES"} <= set(VOCABULARIES)
    for name, table in VOCABULARIES.items():
        for key, entry in table.items():
            english, vietnamese = vocabulary.text(entry, "en"), vocabulary.text(entry, "vi")
            if name in ("UNIT_SUFFIXES", "QUALIFIER_WORDS") and not english:
                assert not vietnamese  # "count" and "exact" print nothing in either language
                continue
            assert english.strip() and vietnamese.strip(), f"{name}[{key!r}]"


def test_every_split_and_source_type_in_the_data_has_its_vietnamese(dataset):
    obs = dataset.observations
    for column, table in (
        ("breakdown", "BREAKDOWN_LABELS"),
        ("breakdown_by", "BREAKDOWN_BY_LABELS"),
    ):
        values = set(obs[column].dropna().astype(str)) - {""}
        missing = values - set(getattr(vocabulary, table))
        assert not missing, f"observations.{column} values with no entry in vocabulary.{table}"
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
