"""render-reports without kernels: names, selection, shards, fingerprints, HTML, index, CLI errors.

The tests that execute notebooks are in test_render_cli.py (fixtures) and test_render_real.py.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from helpers import config
from helpers.geo import UnknownGeographyError
from reportbuild import catalog, fingerprint, index, outdir, scheduler
from reportbuild import cli as render
from reportbuild.checks import broken_links, external_references, page_links
from reportbuild.files import remove_leftovers, temp_path_for, write_atomic

FIXTURES = Path(__file__).parent / "fixtures" / "render"


# Province names -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("thai nguyen", "Thái Nguyên"),
        ("THAI NGUYEN", "Thái Nguyên"),
        ("bac-kan", "Bắc Kạn"),
        ("  Hà   Giang ", "Hà Giang"),
        ("tuyen quang", "Tuyên Quang"),
    ],
)
def test_province_names_match_without_accents_or_case(typed, expected):
    assert list(catalog.resolve_provinces([typed]).values()) == [expected]


def test_province_ids_are_accepted_too():
    assert catalog.resolve_provinces(["ha-giang"]) == {"ha-giang": "Hà Giang"}


def test_no_province_requested_means_every_focus_province_then_the_extra_ones():
    assert catalog.resolve_provinces([], extra={"lao-cai": "Lào Cai"}) == {
        **config.FOCUS_PROVINCES,
        "lao-cai": "Lào Cai",
    }


def test_extra_province_names_are_accepted():
    assert catalog.resolve_provinces(["lao cai"], extra={"lao-cai": "Lào Cai"}) == {
        "lao-cai": "Lào Cai"
    }


def test_extra_provinces_are_found_in_the_geographies_by_name_or_id():
    assert catalog.extra_provinces(["vinh phuc", "Hoa Binh", "phu-tho"]) == {
        "vinh-phuc": "Vĩnh Phúc",
        "hoa-binh": "Hòa Bình",
        "phu-tho": "Phú Thọ",
    }


def test_focus_provinces_come_from_reports_yml():
    assert config.FOCUS_PROVINCES == catalog.load().provinces
    assert list(config.FOCUS_PROVINCES) == ["thai-nguyen", "bac-kan", "tuyen-quang", "ha-giang"]


def test_unknown_province_lists_the_valid_names():
    with pytest.raises(UnknownGeographyError) as caught:
        catalog.resolve_provinces(["Hanoi"])
    message = str(caught.value)
    assert "'Hanoi'" in message
    assert all(name in message for name in config.FOCUS_PROVINCES.values())


def test_unknown_province_fails_with_status_2_before_any_kernel_starts(
    monkeypatch, tmp_path, capsys
):
    def no_kernels(*args, **kwargs):
        raise AssertionError("a kernel was about to start")

    monkeypatch.setattr(scheduler, "run_jobs", no_kernels)
    with pytest.raises(SystemExit) as caught:
        render.main(["--province", "Hanoi", "--out", str(tmp_path / "out")])
    assert caught.value.code == render.EXIT_USAGE
    error = capsys.readouterr().err
    assert "unknown province 'Hanoi'" in error
    assert "Thái Nguyên" in error and "Bắc Kạn" in error
    assert not (tmp_path / "out").exists()


@pytest.fixture
def no_kernels(monkeypatch):
    """Make starting a kernel fail the test."""

    def refuse(*args, **kwargs):
        raise AssertionError("a kernel was about to start")

    monkeypatch.setattr(scheduler, "run_jobs", refuse)


@pytest.mark.parametrize("name", ["../../../../x/evil", "../evil", "a/b", "/tmp/evil", ".."])
def test_a_province_name_never_reaches_a_file_path(no_kernels, tmp_path, capsys, name):
    before = set(config.PROJECT_ROOT.parent.iterdir())
    with pytest.raises(SystemExit) as caught:
        render.main(["--extra-province", name, "--out", str(tmp_path / "out")])
    assert caught.value.code == render.EXIT_USAGE
    error = capsys.readouterr().err
    assert f"unknown geography {name!r}" in error and "Traceback" not in error
    assert "Thái Nguyên" in error  # the valid names are listed
    assert not (tmp_path / "out").exists()
    assert set(config.PROJECT_ROOT.parent.iterdir()) == before


def test_an_extra_province_is_named_by_its_geography_id(tmp_path, capsys):
    argv = ["--extra-province", "Vĩnh Phúc", "--report", "profile", "--dry-run"]
    assert render.main([*argv, "--out", str(tmp_path)]) == render.EXIT_OK
    assert "profile-vinh-phuc " in capsys.readouterr().out


def test_output_folder_that_is_a_file_is_refused_before_any_kernel(no_kernels, tmp_path, capsys):
    target = tmp_path / "reports"
    target.write_text("not a folder", encoding="utf-8")
    assert render.main(["--out", str(target), "--report", "standards"]) == render.EXIT_USAGE
    error = capsys.readouterr().err
    assert f"output folder {target} is a file" in error and "Traceback" not in error
    status = render.main(["--out", str(target / "sub"), "--report", "standards"])
    assert status == render.EXIT_USAGE
    assert f"lies under {target}, which is a file" in capsys.readouterr().err


def test_unwritable_output_folder_is_refused_before_any_kernel(
    no_kernels, tmp_path, capsys, monkeypatch
):
    def denied(folder):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(outdir, "_probe", denied)  # tests run as root: chmod would not stop us
    assert render.main(["--out", str(tmp_path), "--report", "standards"]) == render.EXIT_USAGE
    error = capsys.readouterr().err
    assert f"cannot write into the output folder {tmp_path}: Permission denied" in error


def test_full_disk_is_refused_before_any_kernel(no_kernels, tmp_path, capsys, monkeypatch):
    usage = shutil.disk_usage(tmp_path)._replace(free=3 * 2**20)
    monkeypatch.setattr(outdir.shutil, "disk_usage", lambda path: usage)
    assert render.main(["--out", str(tmp_path), "--report", "standards"]) == render.EXIT_USAGE
    assert "only 3 MB free on the file system of" in capsys.readouterr().err


def test_a_second_run_on_a_folder_in_use_is_refused_naming_the_holder(no_kernels, tmp_path, capsys):
    with outdir.OutputLock(tmp_path):
        assert render.main(["--out", str(tmp_path), "--report", "standards"]) == render.EXIT_BUSY
    error = capsys.readouterr().err
    assert f"{tmp_path} is being written by render-reports pid {os.getpid()}" in error
    assert "started 20" in error and not (tmp_path / outdir.LOCK_NAME).exists()


def test_a_stale_lock_of_a_dead_run_is_taken_over_saying_so(tmp_path, capsys):
    dead = {"pid": 2**22 + 7, "host": "old-host", "started": "2026-01-01 00:00:00 +0000"}
    (tmp_path / outdir.LOCK_NAME).write_text(json.dumps(dead), encoding="utf-8")
    assert render.main(["--out", str(tmp_path), "--index-only"]) == render.EXIT_OK
    error = capsys.readouterr().err
    assert f"left by render-reports pid {dead['pid']} on old-host" in error
    assert "no longer running" in error
    assert not (tmp_path / outdir.LOCK_NAME).exists()


def test_missing_notebook_is_named_before_any_kernel_starts(tmp_path, capsys):
    with pytest.raises(SystemExit) as caught:
        render.main(["--notebooks", str(tmp_path), "--out", str(tmp_path / "out")])
    assert caught.value.code == render.EXIT_USAGE
    assert "01-province-profile.ipynb (or 01-province-profile.py)" in capsys.readouterr().err


# Catalogue and shards -------------------------------------------------------------------------


def test_adding_a_province_or_a_report_is_one_entry_in_reports_yml(tmp_path):
    text = (config.NOTEBOOKS_DIR / "reports.yml").read_text(encoding="utf-8")
    text = text.replace("  ha-giang: Hà Giang\n", "  ha-giang: Hà Giang\n  lao-cai: Lào Cai\n")
    text += (
        "\n  - name: extra\n    notebook: 04-extra\n    title: Extra\n    title_vi: Thêm\n"
        "    output: extra\n"
    )
    (tmp_path / "reports.yml").write_text(text, encoding="utf-8")
    catalogue = catalog.load(tmp_path / "reports.yml")
    reports = catalog.reports_for([], catalogue.provinces, catalogue, ["en"])
    assert [r.slug for r in reports][3:] == [
        "profile-ha-giang",
        "profile-lao-cai",
        "compare-provinces",
        "poverty-standards",
        "working-with-the-data",
        "extra",
    ]
    assert reports[4].parameters == {"province": "Lào Cai", "language": "en"}
    vietnamese = catalog.reports_for(["extra"], {}, catalogue, ["vi"])
    assert [(r.slug, r.title) for r in vietnamese] == [("extra.vi", "Thêm")]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("  ha-giang: Hà Giang", "  ../evil: Evil"), "province id '../evil' is not a file-name"),
        (("output: poverty-standards", "output: ../x"), "output '../x' is not a file-name slug"),
        (("    title: Poverty standards\n", ""), "report 3 (standards): missing title"),
    ],
)
def test_a_bad_catalogue_says_where_and_what_is_expected(tmp_path, change, message):
    text = (config.NOTEBOOKS_DIR / "reports.yml").read_text(encoding="utf-8")
    (tmp_path / "reports.yml").write_text(text.replace(*change), encoding="utf-8")
    with pytest.raises(catalog.CatalogueError, match=re.escape(message)):
        catalog.load(tmp_path / "reports.yml")


def test_reports_come_in_a_fixed_order_with_ascii_slugs():
    reports = catalog.reports_for([], catalog.resolve_provinces([]))
    stems = [
        "profile-thai-nguyen",
        "profile-bac-kan",
        "profile-tuyen-quang",
        "profile-ha-giang",
        "compare-provinces",
        "poverty-standards",
        "working-with-the-data",
    ]
    assert [r.slug for r in reports] == [s for stem in stems for s in (stem, f"{stem}.vi")]
    assert all(r.slug.isascii() for r in reports)
    assert reports[2].parameters == {"province": "Bắc Kạn", "language": "en"}
    assert reports[2].title == "Province profile: Bắc Kạn"
    assert reports[3].parameters == {"province": "Bắc Kạn", "language": "vi"}
    assert reports[3].title == "Hồ sơ địa phương: Bắc Kạn"


def test_choosing_report_kinds():
    reports = catalog.reports_for(["standards", "compare"], {"bac-kan": "Bắc Kạn"})
    assert [r.kind for r in reports] == ["compare", "compare", "standards", "standards"]


@pytest.mark.parametrize("count", [1, 2, 3, 4, 7])
def test_shards_are_disjoint_and_cover_every_report(count):
    reports = catalog.reports_for([], catalog.resolve_provinces([]))
    slices = [catalog.shard(reports, i, count) for i in range(1, count + 1)]
    slugs = [r.slug for part in slices for r in part]
    assert sorted(slugs) == sorted(r.slug for r in reports)
    assert len(slugs) == len(set(slugs))
    assert slices == [catalog.shard(reports, i, count) for i in range(1, count + 1)]


@pytest.mark.parametrize("text", ["0/3", "4/3", "1-3", "a/b", "3"])
def test_bad_shards_say_what_is_expected(text):
    with pytest.raises(ValueError, match="i/n|between 1 and n"):
        catalog.parse_shard(text)


# Fingerprints and manifest --------------------------------------------------------------------


@pytest.fixture
def inputs(tmp_path, monkeypatch):
    """A writable copy of the fixture notebooks and data, with GN_DATA_DIR pointing at it."""
    shutil.copytree(FIXTURES / "notebooks", tmp_path / "notebooks")
    shutil.copytree(FIXTURES / "data", tmp_path / "data")
    monkeypatch.setenv("GN_DATA_DIR", str(tmp_path / "data"))
    return tmp_path


def _fingerprint(report, notebooks):
    return fingerprint.report_fingerprint(report, notebooks, fingerprint.shared_digest())


def test_fingerprint_changes_with_data_notebook_and_parameters(inputs):
    notebooks = inputs / "notebooks"
    thai, thai_vi, bac, _ = catalog.reports_for(
        ["profile"], catalog.resolve_provinces(["thai nguyen", "bac kan"])
    )
    before = _fingerprint(thai, notebooks)
    assert before == _fingerprint(thai, notebooks)
    assert before != _fingerprint(bac, notebooks)
    assert before != _fingerprint(thai_vi, notebooks)  # the language is a parameter

    (inputs / "data" / "new.csv").write_text("a\n1\n", encoding="utf-8")
    after_data = _fingerprint(thai, notebooks)
    assert after_data != before

    (notebooks / "01-province-profile.py").write_text("# %%\nprint(1)\n", encoding="utf-8")
    assert _fingerprint(thai, notebooks) != after_data


def test_fingerprint_ignores_hidden_files_and_byte_code(inputs):
    thai = catalog.reports_for(["profile"], {"thai-nguyen": "Thái Nguyên"})[0]
    before = _fingerprint(thai, inputs / "notebooks")
    (inputs / "data" / ".DS_Store").write_bytes(b"x")
    (inputs / "data" / "__pycache__").mkdir()
    (inputs / "data" / "__pycache__" / "x.pyc").write_bytes(b"x")
    assert _fingerprint(thai, inputs / "notebooks") == before


def test_manifest_round_trip_and_up_to_date(tmp_path):
    report = catalog.reports_for(["standards"], {})[0]
    page = tmp_path / f"{report.slug}.html"
    page.write_text("<html></html>", encoding="utf-8")
    entry = {"fingerprint": "abc", **fingerprint.page_record(tmp_path, report.slug)}
    fingerprint.save_manifest(tmp_path, {report.slug: entry})
    manifest = fingerprint.load_manifest(tmp_path)
    assert fingerprint.is_up_to_date(report, "abc", manifest, tmp_path)
    assert not fingerprint.is_up_to_date(report, "abd", manifest, tmp_path)
    page.unlink()
    assert not fingerprint.is_up_to_date(report, "abc", manifest, tmp_path)  # no HTML


@pytest.mark.parametrize("damage", ["cut", "edited", "unrecorded"])
def test_a_page_damaged_since_it_was_written_is_not_up_to_date(tmp_path, damage):
    # Issue 17: a page cut to 1,000 bytes was reported "up to date".
    report = catalog.reports_for(["standards"], {})[0]
    page = tmp_path / f"{report.slug}.html"
    page.write_text("<html>" + "x" * 3000 + "</html>", encoding="utf-8")
    entry = {"fingerprint": "abc", **fingerprint.page_record(tmp_path, report.slug)}
    if damage == "cut":
        page.write_bytes(page.read_bytes()[:1000])
    elif damage == "edited":
        page.write_bytes(page.read_bytes().replace(b"x", b"y", 1))  # same size
    else:
        entry = {"fingerprint": "abc"}  # a manifest that never recorded the page
    manifest = {report.slug: entry}
    assert not fingerprint.is_up_to_date(report, "abc", manifest, tmp_path)


def test_unreadable_manifest_counts_as_empty(tmp_path):
    (tmp_path / fingerprint.MANIFEST_NAME).write_text("{not json", encoding="utf-8")
    assert fingerprint.load_manifest(tmp_path) == {}


def test_dry_run_lists_reports_and_renders_nothing(inputs, capsys):
    status = render.main(
        ["--notebooks", str(inputs / "notebooks"), "--out", str(inputs / "out"), "--dry-run"]
    )
    assert status == render.EXIT_OK
    lines = capsys.readouterr().out.splitlines()
    expected = catalog.reports_for([], catalog.resolve_provinces([]))
    assert len(lines) == len(expected) and all("to render" in line for line in lines)
    assert not (inputs / "out").exists()


def test_dry_run_of_a_shard_lists_only_that_slice(inputs, capsys):
    argv = ["--notebooks", str(inputs / "notebooks"), "--out", str(inputs / "out"), "--dry-run"]
    render.main([*argv, "--shard", "2/3"])
    lines = capsys.readouterr().out.splitlines()
    everything = catalog.reports_for([], catalog.resolve_provinces([]))
    assert [line.split()[0] for line in lines] == [r.slug for r in everything[1::3]]


# Atomic writes --------------------------------------------------------------------------------


def test_atomic_write_replaces_whole_file_and_leaves_no_temporary(tmp_path):
    target = tmp_path / "report.html"
    target.write_text("old", encoding="utf-8")
    write_atomic(target, "new", token="t1")
    assert target.read_text(encoding="utf-8") == "new"
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]


def test_leftovers_of_one_run_are_removed_and_others_kept(tmp_path):
    mine = temp_path_for(tmp_path / "a.html", "run1")
    theirs = temp_path_for(tmp_path / "b.html", "run2")
    mine.write_text("x", encoding="utf-8")
    theirs.write_text("x", encoding="utf-8")
    assert remove_leftovers(tmp_path, "run1") == [mine]
    assert theirs.exists()


# Index ----------------------------------------------------------------------------------------


def _fake_report(out: Path, slug: str, title: str, kind: str, province: str = "") -> None:
    meta = f'<meta content="{kind}" name="report-kind"/>'
    if province:
        meta += f'<meta name="report-province" content="{province}">'
    page = f"<!DOCTYPE html><html><head><title>{title}</title>{meta}</head><body></body></html>"
    (out / f"{slug}.html").write_text(page, encoding="utf-8")


def test_index_links_every_report_present_with_province_names_and_versions(tmp_path):
    _fake_report(tmp_path, "poverty-standards", "Poverty standards", "standards")
    _fake_report(tmp_path, "profile-ha-giang", "Province profile: Hà Giang", "profile", "Hà Giang")
    _fake_report(tmp_path, "profile-bac-kan", "Province profile: Bắc Kạn", "profile", "Bắc Kạn")
    (tmp_path / "executed").mkdir()
    (tmp_path / "executed" / "profile-bac-kan.ipynb").write_text("{}", encoding="utf-8")
    page_path = index.write_index(tmp_path, data_dir=FIXTURES / "data")
    page = page_path.read_text(encoding="utf-8")

    assert [link for link in page_links(page_path) if not link.startswith("data/")] == [
        "index.vi.html",  # the index in Vietnamese (header and footer)
        "profile-bac-kan.html",
        "executed/profile-bac-kan.ipynb",
        "profile-ha-giang.html",
        "poverty-standards.html",
        "index.vi.html",
    ]
    assert broken_links(page_path) == []
    assert ">Bắc Kạn</a>" in page and ">Hà Giang</a>" in page
    assert fingerprint.data_version(FIXTURES / "data")[:12] in page
    assert index.code_version() in page
    assert external_references(page) == []


def test_index_only_builds_the_index_without_rendering(tmp_path, monkeypatch):
    monkeypatch.setattr(scheduler, "run_jobs", None)
    _fake_report(tmp_path, "compare-provinces", "Comparing", "compare")
    assert render.main(["--out", str(tmp_path), "--index-only"]) == render.EXIT_OK
    links = page_links(tmp_path / "index.html")
    assert [link for link in links if not link.startswith(("data/", "index."))] == [
        "compare-provinces.html"
    ]
    assert broken_links(tmp_path / "index.html") == []


def test_index_links_the_whole_dataset_copied_beside_it(tmp_path):
    import zipfile

    page_path = index.write_index(tmp_path)
    links = page_links(page_path)
    data = config.PROJECT_ROOT / "data"
    for source in [*data.glob("*.csv"), data / "datapackage.json"]:
        assert f"data/{source.name}" in links
        assert (tmp_path / "data" / source.name).read_bytes() == source.read_bytes()
    assert "data/giamngheo-data.zip" in links and broken_links(page_path) == []
    first = (tmp_path / "data" / "giamngheo-data.zip").read_bytes()
    index.write_index(tmp_path)
    assert (tmp_path / "data" / "giamngheo-data.zip").read_bytes() == first  # deterministic
    with zipfile.ZipFile(tmp_path / "data" / "giamngheo-data.zip") as archive:
        assert "data/observations.csv" in archive.namelist()


def test_manifest_is_plain_sorted_json(tmp_path):
    fingerprint.save_manifest(tmp_path, {"b": {"fingerprint": "2"}, "a": {"fingerprint": "1"}})
    text = (tmp_path / fingerprint.MANIFEST_NAME).read_text(encoding="utf-8")
    assert list(json.loads(text)) == ["a", "b"]


# Reading notebooks ----------------------------------------------------------------------------


def test_jupytext_script_alone_is_read_with_stable_cell_ids(tmp_path):
    from reportbuild.notebooks import read_notebook

    shutil.copy(FIXTURES / "failing.py", tmp_path / "nb.py")
    first, second = read_notebook(tmp_path, "nb"), read_notebook(tmp_path, "nb")
    assert [c.id for c in first.cells] == ["cell-0", "cell-1", "cell-2", "cell-3"]
    assert [c.id for c in second.cells] == [c.id for c in first.cells]


def test_script_out_of_sync_with_its_ipynb_wins_with_a_warning(tmp_path):
    from reportbuild.notebooks import read_notebook

    shutil.copy(FIXTURES / "notebooks" / "01-province-profile.ipynb", tmp_path / "nb.ipynb")
    shutil.copy(FIXTURES / "failing.py", tmp_path / "nb.py")
    with pytest.warns(UserWarning, match="out of sync"):
        nb = read_notebook(tmp_path, "nb")
    assert "fixture failure" in nb.cells[2].source


def test_environment_fingerprint_covers_lock_python_and_rendering_libraries(monkeypatch, tmp_path):
    environment = fingerprint.environment()
    assert {"requirements.lock", "python", "nbconvert templates"} <= set(environment)
    for package in ("nbconvert", "mistune", "bleach", "jinja2", "papermill", "matplotlib"):
        assert environment["packages"][package] != "absent", package
    before = fingerprint.shared_digest()
    lock = tmp_path / "requirements.lock"
    lock.write_text("pandas==0.0.1\n", encoding="utf-8")
    monkeypatch.setattr(fingerprint, "LOCK_FILE", lock)
    assert fingerprint.shared_digest() != before
    monkeypatch.setattr(fingerprint.sys, "version", "3.99.0 (test)")
    assert fingerprint.environment()["python"] == "3.99.0 (test)"


def test_fingerprint_changes_with_the_list_of_reports(tmp_path):
    catalogue = tmp_path / "reports.yml"
    catalogue.write_text("provinces: {}\n", encoding="utf-8")
    before = fingerprint.shared_digest(catalogue=catalogue)
    catalogue.write_text("provinces: {lao-cai: Lào Cai}\n", encoding="utf-8")
    assert fingerprint.shared_digest(catalogue=catalogue) != before


def test_reports_start_longest_first_by_their_last_render():
    reports = catalog.reports_for(["profile", "compare", "standards"], {"bac-kan": "Bắc Kạn"})
    manifest = {
        "profile-bac-kan": {"seconds": 2.0},
        "compare-provinces": {"seconds": 4.5},
    }  # poverty-standards: never rendered, so unknown: first
    reports = [r for r in reports if r.language == "en"]
    order = [r.slug for r in render.longest_first(reports, manifest)]
    assert order == ["poverty-standards", "compare-provinces", "profile-bac-kan"]


def test_profile_line_names_each_phase_and_when_the_report_started():
    from reportbuild.worker import Outcome

    report = catalog.reports_for(["standards"], {})[0]
    outcome = Outcome(
        report, ok=True, seconds=3.5, phases=(("kernel start", 1.25), ("execute", 2.0)),
        started_at=101.5,
    )  # fmt: skip
    line = outcome.describe_phases(origin=100.0)
    assert line == (
        "profile poverty-standards: at +1.50 s: kernel start 1.25 execute 2.00 (total 3.50)"
    )


def test_reports_start_longest_first_by_their_own_work_in_any_folder():
    reports = catalog.reports_for(
        ["profile", "compare", "standards"], {"bac-kan": "Bắc Kạn"}, languages=["en"]
    )
    manifest = {"profile-bac-kan": {"seconds": 9.0}}  # its first render paid a kernel start
    history = {"profile-bac-kan": 2.0, "compare-provinces": 4.5, "poverty-standards": 1.0}
    order = [r.slug for r in render.longest_first(reports, manifest, history)]
    assert order == ["compare-provinces", "profile-bac-kan", "poverty-standards"]


def test_durations_record_own_work_per_notebooks_folder(tmp_path):
    from reportbuild import durations
    from reportbuild.worker import Outcome

    path, notebooks, gone = tmp_path / "cache" / "durations.json", tmp_path / "nb", tmp_path / "x"
    notebooks.mkdir()
    compare, standards = catalog.reports_for(["compare", "standards"], {}, languages=["en"])
    first = (("import", 0.5), ("read", 0.1), ("kernel start", 1.4), ("execute", 3.0))
    outcomes = [
        Outcome(compare, ok=True, seconds=5.0, phases=first),
        Outcome(standards, ok=False, seconds=0.5, error="ValueError: no"),
    ]
    path.parent.mkdir()
    path.write_text(json.dumps({str(gone): {"compare-provinces": 1.0}}), encoding="utf-8")
    durations.record(notebooks, outcomes, path)
    assert durations.load(notebooks, path) == {"compare-provinces": 3.1}  # less the start-up
    durations.record(notebooks, [Outcome(compare, ok=True, seconds=4.1)], path)
    assert durations.load(notebooks, path) == {"compare-provinces": 3.6}  # averaged with 3.1
    assert str(gone) not in json.loads(path.read_text(encoding="utf-8"))  # folder gone: forgotten
    path.write_text("not json", encoding="utf-8")
    assert durations.load(notebooks, path) == {}


def _makespan(seconds: list[float], order: list[int], workers: int) -> float:
    """When the last of ``workers`` workers finishes, each taking the next job as it is free."""
    free = [0.0] * workers
    for job in order:
        first = free.index(min(free))
        free[first] += seconds[job]
    return max(free)


def test_two_workers_get_the_best_split_of_the_jobs_and_finish_together():
    import itertools
    import random

    seconds = [4.44, 2.77, 2.16, 1.93, 1.54, 0.78]  # the six reports, own work
    longest = sorted(range(6), key=lambda i: seconds[i], reverse=True)
    assert _makespan(seconds, longest, 2) == pytest.approx(7.15)  # longest first
    assert _makespan(seconds, scheduler.start_order(seconds, 2), 2) == pytest.approx(6.86)
    rng = random.Random(7)
    for _ in range(50):
        seconds = [round(rng.uniform(0.2, 6.0), 2) for _ in range(rng.randint(3, 9))]
        halves = itertools.product((0, 1), repeat=len(seconds))
        firsts = [sum(t for t, side in zip(seconds, h, strict=True) if side) for h in halves]
        best = min(max(first, sum(seconds) - first) for first in firsts)
        assert _makespan(seconds, scheduler.start_order(seconds, 2), 2) == pytest.approx(best)


def test_unknown_durations_or_more_workers_start_longest_first():
    assert scheduler.start_order([3.0, float("inf"), 1.0, 2.0], 2) == [1, 0, 3, 2]
    assert scheduler.start_order([1.0, 5.0, 3.0, 2.0], 3) == [1, 2, 3, 0]


def test_both_indexes_have_a_description_open_graph_tags_and_a_stacking_table(tmp_path):
    from bs4 import BeautifulSoup

    _fake_report(tmp_path, "profile-bac-kan", "Province profile: Bắc Kạn", "profile", "Bắc Kạn")
    index.write_index(tmp_path, data_dir=FIXTURES / "data")
    for name, locale in (("index.html", "en_US"), ("index.vi.html", "vi_VN")):
        soup = BeautifulSoup((tmp_path / name).read_text(encoding="utf-8"), "html.parser")
        meta = {(m.get("name") or m.get("property")): m.get("content") for m in soup("meta")}
        assert meta["description"] == soup.select_one("p.scope").get_text(), name
        assert meta["og:title"] == soup.title.get_text() and meta["og:locale"] == locale
        table = soup.select_one("main table")
        assert "stack" in table["class"]
        headers = [th.get_text() for th in table.thead("th")]
        assert all([td["data-label"] for td in tr("td")] == headers for tr in table.tbody("tr"))


# Issue 17: what is published matches the pages; bad configurations get one sentence ----------


def _fake_jobs(ok: bool, seen: dict | None = None):
    """A run_jobs that renders nothing: each job 'succeeds' (writing a small page) or fails."""
    import tempfile

    from reportbuild.worker import Outcome

    def run_jobs(jobs, workers, on_outcome, progress=None):
        if seen is not None:
            seen["tmp"] = tempfile.gettempdir()
            seen["env"] = os.environ.get("TMPDIR")
            seen["data"] = os.environ.get("GN_DATA_DIR")
        outcomes = []
        for job in jobs:
            if ok:
                path = job.out_dir / f"{job.report.slug}.html"
                path.write_text(f"<html><title>{job.report.title}</title></html>", "utf-8")
            outcome = Outcome(job.report, ok=ok, seconds=0.1, error="" if ok else "Boom: failed")
            outcomes.append(outcome)
            on_outcome(outcome)
        return outcomes

    return run_jobs


def _published(out: Path) -> dict[str, bytes]:
    folder = out / index.DATA_DIR_NAME
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())} if folder.is_dir() else {}


STANDARDS_EN = ["--report", "standards", "--language", "en", "--no-progress"]


def test_invalid_data_is_refused_before_any_kernel_and_nothing_is_published(
    small_data, tmp_path, monkeypatch, capsys
):
    out = tmp_path / "out"
    monkeypatch.setenv("GN_DATA_DIR", str(small_data.root))
    monkeypatch.setattr(scheduler, "run_jobs", _fake_jobs(ok=True))
    assert render.main(["--out", str(out), *STANDARDS_EN]) == render.EXIT_OK
    index_before, published_before = (out / "index.html").read_bytes(), _published(out)
    line = small_data.set_cell("observations", "bkto-2023-thai-nguyen-001", "value", "n/a")
    monkeypatch.setattr(scheduler, "run_jobs", None)  # no kernel may start
    assert render.main(["--out", str(out), *STANDARDS_EN]) == render.EXIT_FAILED
    error = capsys.readouterr().err
    assert "the data are invalid; nothing was rendered and nothing published" in error
    assert f"{small_data.root / 'observations.csv'}, line {line}, column 'value'" in error
    assert "render-data-" not in error and "render-reports-" not in error  # the user's file
    assert (out / "index.html").read_bytes() == index_before
    assert _published(out) == published_before


def test_a_failed_run_publishes_neither_index_nor_data(small_data, tmp_path, monkeypatch, capsys):
    out = tmp_path / "out"
    monkeypatch.setenv("GN_DATA_DIR", str(small_data.root))
    monkeypatch.setattr(scheduler, "run_jobs", _fake_jobs(ok=True))
    assert render.main(["--out", str(out), *STANDARDS_EN]) == render.EXIT_OK
    index_before, published_before = (out / "index.html").read_bytes(), _published(out)
    rows = small_data.rows("observations")
    small_data.write("observations", rows[:-1])  # valid, but other data
    monkeypatch.setattr(scheduler, "run_jobs", _fake_jobs(ok=False))
    assert render.main(["--out", str(out), *STANDARDS_EN, "--force"]) == render.EXIT_FAILED
    assert "index and dataset copy left as they were" in capsys.readouterr().err
    assert (out / "index.html").read_bytes() == index_before
    assert _published(out) == published_before


def test_a_successful_run_publishes_exactly_the_files_of_the_data_read(
    small_data, tmp_path, monkeypatch
):
    out = tmp_path / "out"
    (out / index.DATA_DIR_NAME).mkdir(parents=True)
    (out / index.DATA_DIR_NAME / "extra.csv").write_text("stray\n", encoding="utf-8")
    monkeypatch.setenv("GN_DATA_DIR", str(small_data.root))
    monkeypatch.setattr(scheduler, "run_jobs", _fake_jobs(ok=True))
    assert render.main(["--out", str(out), *STANDARDS_EN]) == render.EXIT_OK
    expected = {p.name: p.read_bytes() for p in index.data_sources(small_data.root)}
    published = _published(out)
    assert published.pop(index.ARCHIVE_NAME)
    assert published == expected  # extra.csv is gone
    assert [p.name for p in out.iterdir() if p.name.endswith(".tmp")] == []
    # A stray file added later is noticed by an up-to-date run, which publishes again.
    (out / index.DATA_DIR_NAME / "extra.csv").write_text("stray\n", encoding="utf-8")
    monkeypatch.setattr(scheduler, "run_jobs", None)
    assert render.main(["--out", str(out), *STANDARDS_EN]) == render.EXIT_OK
    assert not (out / index.DATA_DIR_NAME / "extra.csv").exists()


@pytest.mark.parametrize("where", ["data", "inside data", "project", "notebooks"])
def test_an_output_folder_that_is_or_contains_an_input_is_refused(
    no_kernels, where, small_data, tmp_path, monkeypatch, capsys
):
    monkeypatch.setenv("GN_DATA_DIR", str(small_data.root))
    out = {
        "data": small_data.root,
        "inside data": small_data.root / "reports",
        "project": tmp_path,  # holds the data folder
        "notebooks": config.NOTEBOOKS_DIR,
    }[where]
    before = sorted(p.name for p in small_data.root.rglob("*"))
    assert render.main(["--out", str(out), *STANDARDS_EN]) == render.EXIT_USAGE
    error = capsys.readouterr().err
    assert "render-reports: error: output folder" in error and "pass --out a folder" in error
    assert "Traceback" not in error
    assert sorted(p.name for p in small_data.root.rglob("*")) == before


def test_default_output_folder_is_not_an_input():
    inputs = render.input_folders(config.NOTEBOOKS_DIR, config.PROJECT_ROOT / "data")
    outdir.check_not_an_input(config.REPORTS_DIR, inputs)  # raises nothing


def _catalogue_error(tmp_path, text: str) -> str:
    (tmp_path / "reports.yml").write_text(text, encoding="utf-8")
    with pytest.raises(catalog.CatalogueError) as caught:
        catalog.load(tmp_path / "reports.yml")
    return str(caught.value)


def _real_catalogue() -> str:
    return (config.NOTEBOOKS_DIR / "reports.yml").read_text(encoding="utf-8")


def test_an_unknown_placeholder_in_reports_yml_is_named(tmp_path):
    text = _real_catalogue().replace('"Province profile: {province}"', '"Profile: {provinc}"')
    message = _catalogue_error(tmp_path, text)
    assert "report 1 (profile): title: unknown placeholder {provinc}" in message
    assert "expected {province}" in message


def test_provinces_given_as_a_list_is_refused_in_one_sentence(tmp_path):
    text = _real_catalogue().replace(
        "  thai-nguyen: Thái Nguyên\n  bac-kan: Bắc Kạn\n", "  - Thái Nguyên\n  - Bắc Kạn\n"
    )
    text = text.replace("  tuyen-quang: Tuyên Quang\n  ha-giang: Hà Giang\n", "")
    message = _catalogue_error(tmp_path, text)
    assert "provinces: ['Thái Nguyên', 'Bắc Kạn'] is not a mapping" in message


def test_a_duplicate_report_name_is_refused(tmp_path):
    text = _real_catalogue() + (
        "\n  - name: compare\n    notebook: 04-extra\n    title: Extra\n    title_vi: Thêm\n"
        "    output: extra\n"
    )
    message = _catalogue_error(tmp_path, text)
    reports = yaml.safe_load(_real_catalogue())["reports"]
    first = [r["name"] for r in reports].index("compare") + 1
    assert f"report {len(reports) + 1}: name 'compare' is that of report {first} too" in message


def test_an_unknown_key_in_reports_yml_is_named(tmp_path):
    text = _real_catalogue().replace("    per_province: true\n", "    per_provinse: true\n")
    message = _catalogue_error(tmp_path, text)
    assert "report 1 (profile): unknown key(s) per_provinse" in message


def test_a_bad_catalogue_is_one_sentence_on_the_command_line(tmp_path, capsys):
    notebooks = tmp_path / "notebooks"
    shutil.copytree(FIXTURES / "notebooks", notebooks)
    text = _real_catalogue().replace('"Province profile: {province}"', '"Profile: {provinc}"')
    (notebooks / "reports.yml").write_text(text, encoding="utf-8")
    with pytest.raises(SystemExit) as caught:
        render.main(["--notebooks", str(notebooks), "--out", str(tmp_path / "out")])
    assert caught.value.code == render.EXIT_USAGE
    error = capsys.readouterr().err
    assert "unknown placeholder {provinc}" in error and "Traceback" not in error


def test_a_data_folder_that_does_not_exist_is_one_sentence(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("GN_DATA_DIR", str(tmp_path / "nowhere"))
    with pytest.raises(SystemExit) as caught:
        render.main(["--out", str(tmp_path / "out"), *STANDARDS_EN])
    assert caught.value.code == render.EXIT_USAGE
    error = capsys.readouterr().err
    assert f"GN_DATA_DIR points at {tmp_path / 'nowhere'}, which is not a folder" in error


def test_a_full_temporary_folder_is_one_sentence(small_data, tmp_path, monkeypatch, capsys):
    import errno

    def full(*args, **kwargs):
        raise shutil.Error([("a", "b", str(OSError(errno.ENOSPC, "No space left on device")))])

    monkeypatch.setenv("GN_DATA_DIR", str(small_data.root))
    monkeypatch.setattr(scheduler, "run_jobs", None)
    monkeypatch.setattr(render.shutil, "copytree", full)
    assert render.main(["--out", str(tmp_path / "out"), *STANDARDS_EN]) == render.EXIT_FAILED
    error = capsys.readouterr().err
    assert "cannot write the run's temporary files into" in error
    assert "No space left on device" in error and "set TMPDIR" in error


# Issue 17: no leftovers ------------------------------------------------------------------------


def test_a_run_keeps_its_temporary_files_in_one_folder_it_removes(
    small_data, tmp_path, monkeypatch
):
    base = tmp_path / "tmp"
    base.mkdir()
    monkeypatch.setenv("TMPDIR", str(base))
    monkeypatch.setattr("tempfile.tempdir", None)
    monkeypatch.setenv("GN_DATA_DIR", str(small_data.root))
    seen: dict = {}
    monkeypatch.setattr(scheduler, "run_jobs", _fake_jobs(ok=True, seen=seen))
    assert render.main(["--out", str(tmp_path / "out"), *STANDARDS_EN]) == render.EXIT_OK
    run_folder = Path(seen["env"])
    assert run_folder.parent == base and run_folder.name.startswith(
        f"render-reports-{os.getpid()}-"
    )
    assert Path(seen["tmp"]) == run_folder  # kernels' connection files go there too
    assert Path(seen["data"]).is_relative_to(run_folder)
    assert list(base.iterdir()) == []


def test_a_run_removes_what_dead_runs_left(small_data, tmp_path, monkeypatch, capsys):
    import fcntl

    from reportbuild import scratch

    base = tmp_path / "tmp"
    dead, alive, legacy = base / "render-reports-1-dead", base / "render-reports-2-alive", None
    for folder in (dead, alive):
        (folder / "data").mkdir(parents=True)
        (folder / scratch.OWNER).write_text("1\n", encoding="utf-8")
        (folder / "kernel-abc.json").write_text("{}", encoding="utf-8")
    legacy = base / "render-data-old"
    legacy.mkdir()
    os.utime(legacy, (1, 1))  # an old snapshot of an earlier version
    holder = open(alive / scratch.OWNER, encoding="utf-8")  # noqa: SIM115 (a live run)
    fcntl.flock(holder.fileno(), fcntl.LOCK_EX)
    out = tmp_path / "out"
    hidden = out / "executed" / ".profile-bac-kan.ipynb.run999-abcdef.tmp"
    hidden.parent.mkdir(parents=True)
    hidden.write_bytes(b"x" * 1000)
    (out / ".data.run999-abcdef.tmp").mkdir()
    monkeypatch.setenv("TMPDIR", str(base))
    monkeypatch.setattr("tempfile.tempdir", None)
    monkeypatch.setenv("GN_DATA_DIR", str(small_data.root))
    monkeypatch.setattr(scheduler, "run_jobs", _fake_jobs(ok=True))
    try:
        assert render.main(["--out", str(out), *STANDARDS_EN]) == render.EXIT_OK
    finally:
        holder.close()
    assert sorted(p.name for p in base.iterdir()) == [alive.name]
    assert not hidden.exists() and not (out / ".data.run999-abcdef.tmp").exists()
    assert "removed 2 temporary file(s)" in capsys.readouterr().err


# Issue 17: smaller items -----------------------------------------------------------------------


def test_district_and_nation_pages_are_not_titled_province_profile():
    extra = catalog.extra_provinces(["na hang", "vn"])
    reports = catalog.reports_for(["profile"], extra)
    titles = {r.slug: r.title for r in reports}
    assert titles == {
        "profile-na-hang": "District profile: Na Hang",
        "profile-na-hang.vi": "Hồ sơ huyện: Na Hang",
        "profile-vn": "National profile: Việt Nam",
        "profile-vn.vi": "Hồ sơ toàn quốc: Việt Nam",
    }
    province = catalog.reports_for(["profile"], {"bac-kan": "Bắc Kạn"}, languages=["en"])
    assert province[0].title == "Province profile: Bắc Kạn"


def test_valid_names_tell_the_units_that_share_a_name_apart(capsys):
    import csv

    with pytest.raises(SystemExit):
        render.main(["--extra-province", "Atlantis", "--dry-run"])
    error = capsys.readouterr().err
    with (config.PROJECT_ROOT / "data" / "geographies.csv").open(encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle) if r["name"] == "Thái Nguyên"]
    assert len(rows) >= 2  # one name, several units: each is listed with its id and dates
    for row in rows:
        assert f"Thái Nguyên (id {row['geography_id']}, {row['level']}" in error
    assert "until 2025-06-30" in error and "from 2025-07-01" in error


def test_fingerprint_changes_with_the_stored_texts(tmp_path, monkeypatch):
    # Whether a page may say "verified" depends on the stored texts: a page rendered without
    # them must be rendered again once they are there.
    seeds = tmp_path / "seeds"
    monkeypatch.setenv("GN_SEEDS_DIR", str(seeds))
    absent = fingerprint.shared_digest(FIXTURES / "data")
    seeds.mkdir()
    (seeds / "000_0123456789abcdef.txt").write_text("text", encoding="utf-8")
    assert fingerprint.shared_digest(FIXTURES / "data") != absent


def test_the_catalogue_check_imports_no_format_checker_package_and_leaves_them_importable(
    tmp_path,
):
    """The schema check is in every run whose catalogue is new: jsonschema's optional format
    packages (``rfc3987_syntax`` builds its grammars for a second) stay out, and can still be
    imported after. A catalogue found valid is remembered: the same one again is not checked,
    and jsonschema is not imported at all (a run with nothing to render)."""
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from reportbuild import catalog\n"
        f"catalog.VALID_CATALOGUES = Path({str(tmp_path / 'valid.json')!r})\n"
        "catalog.load()\n"
        "print('jsonschema' in sys.modules)\n"
        "loaded = sorted(set(catalog._FORMAT_PACKAGES) & set(sys.modules))\n"
        "assert not loaded and 'lark' not in sys.modules, loaded\n"
        "import rfc3987_syntax\n"
        "assert rfc3987_syntax is not None\n"
    )

    def checked() -> str:
        command = [sys.executable, "-c", script]
        run = subprocess.run(command, check=True, cwd=config.PROJECT_ROOT, capture_output=True)
        return run.stdout.decode().strip()

    assert checked() == "True"  # a new catalogue: checked
    assert checked() == "False"  # the same: remembered, jsonschema never imported
    (tmp_path / "valid.json").write_text("[]")
    assert checked() == "True"


def test_a_bad_catalogue_is_refused_even_after_a_good_one_was_remembered(tmp_path, monkeypatch):
    monkeypatch.setattr(catalog, "VALID_CATALOGUES", tmp_path / "valid.json")
    text = (config.NOTEBOOKS_DIR / "reports.yml").read_text(encoding="utf-8")
    good, bad = tmp_path / "good" / "reports.yml", tmp_path / "bad" / "reports.yml"
    for path, content in ((good, text), (bad, text.replace("    title: Poverty standards\n", ""))):
        path.parent.mkdir()
        path.write_text(content, encoding="utf-8")
    catalog.load(good)
    assert len(catalog._known_valid()) == 1
    with pytest.raises(catalog.CatalogueError, match="missing title"):
        catalog.load(bad)
    assert len(catalog._known_valid()) == 1


def test_package_versions_are_those_importlib_metadata_gives():
    """Every installed distribution, not only the fingerprint's, against importlib.metadata;
    a package that is not installed is "absent"."""
    from importlib import metadata

    names = sorted({d.metadata["Name"] for d in metadata.distributions()})
    assert len(names) > 50
    assert fingerprint.versions(names) == {n: metadata.version(n) for n in names}
    assert fingerprint.versions(["no-such-package-here"]) == {"no-such-package-here": "absent"}
    assert set(fingerprint.versions(fingerprint.OUTPUT_PACKAGES)) == set(
        fingerprint.OUTPUT_PACKAGES
    )
