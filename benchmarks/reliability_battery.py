"""The reliability battery of issue 17, rebuilt: bad data, bad invocation and configuration,
faults during a run, determinism and integrity. Prints PASS or FAIL per trial and N/M per group.

Each trial states what a user should see, and checks it: a refusal in one sentence naming file,
line, column and value; no traceback; nothing published that the pages do not show; no process
and no temporary file left behind; the same bytes from the same inputs. ``data/`` and
``reports/`` are never touched: every trial works on copies in a temporary folder.

Most trials run in this process (the loader, and ``render-reports`` with its workers replaced by
a stand-in, so no kernel starts); those of the two last groups that need kernels run the real
command on the renderer's test notebooks (``tests/fixtures/render``), and a few on the real
notebooks. Figures to record, not a test: ``make test-all`` holds the tests.

    .venv/bin/python benchmarks/reliability_battery.py                  # every group
    .venv/bin/python benchmarks/reliability_battery.py --group data     # one group (data,
                                                                        # invocation, faults,
                                                                        # integrity)
"""

from __future__ import annotations

import argparse
import base64
import contextlib
import csv
import errno
import fcntl
import hashlib
import io
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from unittest import mock

import psutil

from helpers import config
from helpers.load import DataValidationError, load_dataset

ROOT = config.PROJECT_ROOT
FIXTURES = ROOT / "tests" / "fixtures"
RENDER_FIXTURES = FIXTURES / "render"
SEEDS = config.seeds_dir()
PY = sys.executable
WAIT_S = 180

GROUPS = {
    "data": "bad data",
    "invocation": "bad invocation and configuration",
    "faults": "faults during a run",
    "integrity": "determinism and integrity",
}
TRIALS: list[tuple[str, str, Callable[[Path], None]]] = []


def trial(group: str, name: str):
    def register(function: Callable[[Path], None]) -> Callable[[Path], None]:
        TRIALS.append((group, name, function))
        return function

    return register


# --- helpers ---------------------------------------------------------------------------------


class Small:
    """A writable copy of tests/fixtures/data_small with the project's real descriptor."""

    def __init__(self, folder: Path):
        self.root = folder / "data"
        shutil.copytree(FIXTURES / "data_small", self.root)
        shutil.copy(ROOT / "data" / "datapackage.json", self.root / "datapackage.json")

    def rows(self, table: str) -> list[dict[str, str]]:
        with (self.root / f"{table}.csv").open(encoding="utf-8", newline="") as handle:
            return list(csv.DictReader(handle))

    def write(self, table: str, rows: list[dict[str, str]]) -> None:
        with (self.root / f"{table}.csv").open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)

    def set(self, table: str, key: str, column: str, value: str) -> int:
        rows = self.rows(table)
        first = next(iter(rows[0]))
        index = next(i for i, row in enumerate(rows) if row[first] == key)
        rows[index][column] = value
        self.write(table, rows)
        return index + 2

    def path(self, table: str) -> Path:
        return self.root / f"{table}.csv"


def refused(root: Path, *expected: str, seeds: Path = SEEDS, limit_s: float = 3.0) -> str:
    """Load ``root``; assert it is refused within ``limit_s`` with every ``expected`` text."""
    started = time.perf_counter()
    try:
        load_dataset(root, seeds_dir=seeds)
    except DataValidationError as error:
        message = str(error)
    else:
        raise AssertionError("accepted")
    seconds = time.perf_counter() - started
    assert seconds < limit_s, f"took {seconds:.1f} s"
    assert "Traceback" not in message
    for text in expected:
        assert text in message, f"{text!r} not in {message[:400]!r}"
    return message


def where(line: int, column: str, table: str = "observations") -> str:
    return f"{table}.csv, line {line}, column {column!r}"


OBS1 = "bkto-2023-thai-nguyen-001"
OBS_RATE = "ldxh-2022-bac-kan-022"
CITED = {
    "source_id": "molisa-2024-review",
    "seed_file": "",
    "title": "Quyết định phê duyệt kết quả rà soát hộ nghèo",
    "publisher": "Bộ Lao động - Thương binh và Xã hội",
    "author": "",
    "date_published": "2024-03-01",
    "date_inferred": "",
    "date_note": "printed on the decision",
    "geographies": "bac-kan",
    "url": "https://example.org/decision.pdf",
    "note": "Battery: an invented cited source.",
    "verification": "cited",
    "source_type": "ministry decision",
    "method": "administrative review",
    "date_accessed": "2026-11-20",
}


def with_cited(small: Small, **changes: str) -> int:
    """Add a cited source and one cited row (changed by ``changes``); the row's line."""
    small.write("sources", [*small.rows("sources"), dict(CITED)])
    rows = small.rows("observations")
    base = next(r for r in rows if r["observation_id"] == OBS_RATE)
    row = dict(
        base,
        observation_id="molisa-2024-review-001",
        period_start="2023",
        period_end="2023",
        value="14.5",
        number_as_printed="14,5",
        source_id="molisa-2024-review",
        excerpt="",
        location="appendix table, row Bắc Kạn",
    )
    row.update(changes)
    small.write("observations", [*rows, row])
    return len(rows) + 2


@contextlib.contextmanager
def env(**values: str | None):
    before = {k: os.environ.get(k) for k in values}
    for k, v in values.items():
        if v is None:
            os.environ.pop(k, None)
        else:
            os.environ[k] = v
    tempfile.tempdir = None
    try:
        yield
    finally:
        for k, v in before.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
        tempfile.tempdir = None


def cli(*args: str, jobs: Callable | None = None) -> tuple[int, str]:
    """``render-reports`` in this process; (exit status, stderr). With ``jobs``, the workers are
    replaced by that stand-in (no kernel starts); without, starting one is an error."""
    from reportbuild import cli as render
    from reportbuild import scheduler

    def refuse(*a, **k):
        raise AssertionError("a kernel was about to start")

    err = io.StringIO()
    with (
        mock.patch.object(scheduler, "run_jobs", jobs or refuse),
        contextlib.redirect_stderr(err),
        contextlib.redirect_stdout(io.StringIO()),
    ):
        try:
            status = render.main(list(args))
        except SystemExit as stop:
            status = stop.code if isinstance(stop.code, int) else 1
    return status, err.getvalue()


def fake_jobs(ok: bool = True):
    from reportbuild.worker import Outcome

    def run_jobs(jobs, workers, on_outcome, progress=None):
        outcomes = []
        for job in jobs:
            if ok:
                page = job.out_dir / f"{job.report.slug}.html"
                page.write_text(f"<html><title>{job.report.title}</title></html>", "utf-8")
            outcome = Outcome(job.report, ok=ok, seconds=0.1, error="" if ok else "Boom: x")
            outcomes.append(outcome)
            on_outcome(outcome)
        return outcomes

    return run_jobs


def one_sentence(status: int, stderr: str, code: int, *expected: str) -> None:
    assert status == code, f"exit {status}, expected {code}: {stderr[-500:]}"
    assert "Traceback" not in stderr, stderr[-800:]
    for text in expected:
        assert text in stderr, f"{text!r} not in {stderr[-600:]!r}"


STANDARDS = ("--report", "standards", "--language", "en", "--no-progress")


def run(args: list[str], environment: dict | None = None, timeout: float = 600):
    command = [PY, "-m", "reportbuild", *args]
    return subprocess.run(
        command, env={**os.environ, **(environment or {})}, capture_output=True, text=True,
        timeout=timeout, check=False,
    )  # fmt: skip


def fixture_notebooks(folder: Path, **replace: str) -> Path:
    """A copy of the renderer's test notebooks, ``stem=fixture`` replacing some."""
    target = folder / "notebooks"
    shutil.copytree(RENDER_FIXTURES / "notebooks", target)
    for stem, fixture in replace.items():
        stem = stem.replace("_", "-")
        for old in target.glob(f"{stem}.*"):
            old.unlink()
        shutil.copy(RENDER_FIXTURES / fixture, target / f"{stem}.py")
    return target


def fixture_run(folder: Path, out: Path, *extra: str, notebooks: Path | None = None, **envs):
    args = ["--notebooks", str(notebooks or RENDER_FIXTURES / "notebooks"), "--out", str(out)]
    environment = {"GN_DATA_DIR": str(RENDER_FIXTURES / "data"), **envs}
    return run([*args, "--no-progress", *extra], environment)


def start_sleeping(folder: Path, **envs) -> tuple[subprocess.Popen, Path]:
    notebooks = fixture_notebooks(folder, **{"02-compare-provinces": "sleeping.py"})
    out, marker = folder / "out", folder / "sleeping"
    environment = {**os.environ, "GN_DATA_DIR": str(RENDER_FIXTURES / "data"), **envs}
    environment["GN_TEST_SLEEPING_MARKER"] = str(marker)
    command = [PY, "-m", "reportbuild", "--notebooks", str(notebooks), "--out", str(out)]
    command += ["--report", "compare", "--language", "en", "--no-progress"]
    process = subprocess.Popen(
        command, env=environment, stderr=subprocess.PIPE, text=True, preexec_fn=default_signals
    )
    deadline = time.monotonic() + WAIT_S
    while not marker.exists() and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.1)
    assert marker.exists(), "the sleeping report never started"
    return process, out


def default_signals() -> None:
    """In the child: SIGINT and SIGHUP as a terminal gives them, even when this battery was
    started in the background (where the shell, or nohup, makes its children ignore them)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.signal(signal.SIGHUP, signal.SIG_DFL)


def kernels_and_workers(process: subprocess.Popen) -> list[psutil.Process]:
    try:
        return psutil.Process(process.pid).children(recursive=True)
    except psutil.Error:
        return []


def alive(processes: list[psutil.Process]) -> list[psutil.Process]:
    found = []
    for p in processes:
        try:
            if p.is_running() and p.status() != psutil.STATUS_ZOMBIE:
                if "resource_tracker" not in " ".join(p.cmdline()):
                    found.append(p)
        except psutil.Error:
            pass
    return found


def temp_names(folder: Path) -> list[str]:
    return [p.name for p in folder.rglob("*") if p.name.endswith(".tmp")]


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def pages(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.glob("*.html"))}


# --- bad data --------------------------------------------------------------------------------

SIMPLE_CELLS = [
    ("non-numeric value", OBS1, "value", "n/a", "is not a number"),
    ("decimal comma in value", OBS1, "value", "117,325", "decimal comma"),
    ("unknown geography", OBS1, "geography_id", "thai-ngyuen", "unknown geography"),
    ("unknown indicator", OBS1, "indicator_id", "funding", "unknown indicator"),
    ("unknown source", OBS1, "source_id", "nobody-2020", "unknown source"),
    ("empty required source", OBS1, "source_id", "", "is empty but required"),
    ("kind outside its list", OBS1, "kind", "guess", "is not allowed"),
    ("qualifier outside its list", OBS1, "qualifier", "roughly", "is not allowed"),
    ("standard outside its list", OBS1, "poverty_standard", "2030", "is not allowed"),
    ("date not ISO", OBS1, "date", "01/02/2023", "is not a date"),
    ("year not a whole number", OBS1, "period_start", "2021.5", "is not a whole number"),
    ("period ends before it starts", OBS1, "period_end", "2019", "is before period_start"),
    ("unit differs from indicator's", OBS1, "unit", "percent", "differs from the unit"),
    ("value not the printed number", OBS1, "value", "117.3", "does not match the printed"),
    ("printed number not in excerpt", OBS1, "number_as_printed", "117.326", "does not occur"),
    ("verified row without excerpt", OBS1, "excerpt", "", "is empty, but source"),
    ("boolean written True", OBS1, "period_inferred", "True", "is not a boolean"),
    ("decomposed (non-NFC) text", OBS1, "note", "Printed in trie\u0302u VND.", "is not in NFC"),
    ("non-breaking space", OBS1, "note", "Printed in\u00a0million VND.", "non-breaking"),
    ("zero-width space", OBS1, "note", "Printed in \u200bmillion VND.", "U+200B"),
    ("right-to-left override (issue 17)", OBS1, "note", "Printed \u202ein million", "U+202E"),
    ("left-to-right isolate (issue 17)", OBS1, "note", "Printed \u2066in million", "U+2066"),
    ("formula injection in a note", OBS1, "note", '=HYPERLINK("http://x")', "formula"),
    ("formula injection with @", OBS1, "note", "@SUM(1+1)", "formula"),
]


def _simple(name, key, column, value, message):
    def check(folder: Path) -> None:
        small = Small(folder)
        line = small.set("observations", key, column, value)
        expected = [where(line, column)] + ([message] if message else [])
        refused(small.root, *expected)

    return check


for _name, _key, _column, _value, _message in SIMPLE_CELLS:
    trial("data", _name)(_simple(_name, _key, _column, _value, _message))


@trial("data", "formula on a printed row")
def _(folder):
    small = Small(folder)
    line = small.set("observations", OBS1, "formula", "{bkto-2023-thai-nguyen-002}")
    refused(small.root, where(line, "number_as_printed"), "is set on a derived figure")


@trial("data", "duplicate observation id")
def _(folder):
    small = Small(folder)
    rows = small.rows("observations")
    rows.append(dict(rows[0], period_start="2019", period_end="2019"))
    small.write("observations", rows)
    refused(small.root, "is duplicated", f"line {len(rows) + 1}")


@trial("data", "same figure recorded twice")
def _(folder):
    small = Small(folder)
    rows = small.rows("observations")
    rows.append(dict(rows[0], observation_id="bkto-2023-thai-nguyen-099"))
    small.write("observations", rows)
    refused(small.root, "records the same figure as line 2")


@trial("data", "range low without its high")
def _(folder):
    small = Small(folder)
    rows = [r for r in small.rows("observations") if r["qualifier"] != "range high"]
    small.write("observations", rows)
    refused(small.root, "a range needs both ends")


@trial("data", "derived row: unknown input")
def _(folder):
    small = Small(folder)
    line = small.set("observations", OBS1, "formula", "{nope-001}")
    rows = small.rows("observations")
    rows[line - 2].update(number_as_printed="", unit_as_printed="", excerpt="")
    small.write("observations", rows)
    refused(small.root, "refers to unknown observation")


@trial("data", "derived row: wrong value")
def _(folder):
    small = Small(folder)
    rows = small.rows("observations")
    rows.append(
        dict(
            rows[0], observation_id="bkto-2023-thai-nguyen-050", breakdown_by="budget source",
            breakdown="sum", value="1", number_as_printed="", unit_as_printed="", excerpt="",
            formula="{bkto-2023-thai-nguyen-002} + {bkto-2023-thai-nguyen-003}",
        )
    )  # fmt: skip
    small.write("observations", rows)
    refused(small.root, "does not equal its formula")


@trial("data", "cited row with an excerpt")
def _(folder):
    small = Small(folder)
    line = with_cited(small, excerpt="copied text 14,5")
    refused(small.root, where(line, "excerpt"), "is cited")


@trial("data", "cited row without location")
def _(folder):
    small = Small(folder)
    line = with_cited(small, location="")
    refused(small.root, where(line, "location"))


@trial("data", "cited source without address")
def _(folder):
    small = Small(folder)
    with_cited(small)
    small.set("sources", "molisa-2024-review", "url", "")
    refused(small.root, "column 'url'", "needs its address")


@trial("data", "verified source without stored text")
def _(folder):
    small = Small(folder)
    small.set("sources", "ldxh-2022-bac-kan", "seed_file", "")
    refused(small.root, "column 'seed_file'", "is empty, but a verified source")


@trial("data", "actual figure in the future")
def _(folder):
    small = Small(folder)
    line = small.set("observations", OBS1, "period_end", "2099")
    refused(small.root, where(line, "period_end"), "is after today")


@trial("data", "actual figure after its source")
def _(folder):
    small = Small(folder)
    line = small.set("observations", OBS1, "period_end", "2024")
    refused(small.root, where(line, "period_end"), "after its source was published")


@trial("data", "geography valid_to before valid_from")
def _(folder):
    small = Small(folder)
    small.set("geographies", "bac-kan", "valid_from", "2026-01-01")
    refused(small.root, "column 'valid_to'", "is before valid_from")


@trial("data", "poor district mark on a province")
def _(folder):
    small = Small(folder)
    small.set("geographies", "bac-kan", "poor_district_353", "true")
    refused(small.root, "column 'poor_district_353'")


@trial("data", "known discrepancy that does not add up")
def _(folder):
    small = Small(folder)
    path = small.path("known_discrepancies")
    path.write_text(
        path.read_text(encoding="utf-8")
        + "bkto-2023-thai-nguyen-001,budget source,117.325,117.325,5,battery\n",
        encoding="utf-8",
    )
    refused(small.root, "known_discrepancies.csv, line 2, column 'difference'")


@trial("data", "byte-order mark")
def _(folder):
    small = Small(folder)
    path = small.path("indicators")
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    refused(small.root, "indicators.csv, line 1", "byte-order mark")


@trial("data", "not UTF-8")
def _(folder):
    small = Small(folder)
    path = small.path("observations")
    path.write_bytes(path.read_bytes().replace(b"Printed in", b"Printed \xff in", 1))
    refused(small.root, "observations.csv, line 2", "is not UTF-8")


@trial("data", "last line cut (no final newline)")
def _(folder):
    small = Small(folder)
    path = small.path("observations")
    path.write_bytes(path.read_bytes().rstrip(b"\n"))
    refused(small.root, "does not end with a newline")


@trial("data", "empty file")
def _(folder):
    small = Small(folder)
    small.path("indicators").write_bytes(b"")
    refused(small.root, "indicators.csv", "is empty")


@trial("data", "missing column")
def _(folder):
    small = Small(folder)
    rows = [{k: v for k, v in r.items() if k != "note"} for r in small.rows("observations")]
    small.write("observations", rows)
    refused(small.root, "column 'note'", "missing from the header")


@trial("data", "one extra column is one problem (issue 17)")
def _(folder):
    small = Small(folder)
    path = small.path("indicators")
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join(f"{line},x" for line in lines) + "\n", encoding="utf-8")
    try:
        load_dataset(small.root, seeds_dir=SEEDS)
    except DataValidationError as error:
        assert len(error.problems) == 1, f"{len(error.problems)} problems: {error}"[:400]
        assert "not in the schema" in str(error)
    else:
        raise AssertionError("accepted")


@trial("data", "columns out of order")
def _(folder):
    small = Small(folder)
    rows = small.rows("indicators")
    names = list(rows[0])
    names[0], names[1] = names[1], names[0]
    small.write("indicators", [{n: r[n] for n in names} for r in rows])
    refused(small.root, "columns out of order")


@trial("data", "row with a cell missing")
def _(folder):
    small = Small(folder)
    path = small.path("observations")
    lines = path.read_text(encoding="utf-8").splitlines()
    columns = len(lines[0].split(","))  # the header's column count, whatever the schema holds
    lines[1] = lines[1].rsplit(",", 1)[0]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    refused(
        small.root, "observations.csv, line 2", f"row has {columns - 1} cells; expected {columns}"
    )


@trial("data", "quote left open")
def _(folder):
    small = Small(folder)
    path = small.path("observations")
    text = path.read_text(encoding="utf-8").replace("Printed in million VND.", '"Printed in', 1)
    path.write_text(text, encoding="utf-8")
    refused(small.root, "observations.csv", "quote")


@trial("data", "10 MB cell names the size limit (issue 17)")
def _(folder):
    small = Small(folder)
    small.set("observations", OBS1, "note", "x" * 10_000_000)
    refused(small.root, "longer than the limit of 131,072 characters", limit_s=10)


@trial("data", "excerpt not in its stored text (issue 17)")
def _(folder):
    assert SEEDS.is_dir(), f"stored texts not found at {SEEDS}"
    small = Small(folder)
    line = small.set("observations", OBS1, "excerpt", "tỉnh Thái Nguyên đã chi 117.325 triệu đồng")
    refused(small.root, where(line, "excerpt"), "does not occur in the stored text")


@trial("data", "excerpt and number changed together (issue 17)")
def _(folder):
    assert SEEDS.is_dir(), f"stored texts not found at {SEEDS}"
    small = Small(folder)
    rows = small.rows("observations")
    rows[0].update(
        value="17.2", number_as_printed="17.2",
        excerpt=rows[0]["excerpt"].replace("117.325", "17.2"),
    )  # fmt: skip
    small.write("observations", rows)
    refused(small.root, where(2, "excerpt"), "does not occur in the stored text")


@trial("data", "stored text file that does not exist")
def _(folder):
    small = Small(folder)
    small.set("sources", "ldxh-2022-bac-kan", "seed_file", "009_0123456789abcdef.txt")
    refused(small.root, "column 'seed_file'", "is not a file of the stored texts")


@trial("data", "descriptor not JSON")
def _(folder):
    small = Small(folder)
    (small.root / "datapackage.json").write_text("{oops", encoding="utf-8")
    refused(small.root, "datapackage.json", "not valid JSON")


@trial("data", "descriptor missing")
def _(folder):
    small = Small(folder)
    (small.root / "datapackage.json").unlink()
    refused(small.root, "datapackage.json", "missing")


@trial("data", "stray CSV not in the descriptor")
def _(folder):
    small = Small(folder)
    (small.root / "extra.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    refused(small.root, "extra.csv", "is not a resource of datapackage.json")


@trial("data", "HTML in a note comes out as text")
def _(folder):
    from helpers.display import data_text, esc

    hostile = '<script>alert(1)</script><a href="javascript:x">x</a>'
    assert "<script>" not in esc(hostile) and "<script>" not in data_text(hostile)
    assert "&lt;script&gt;" in esc(hostile)


@trial("data", "100,000 bad rows: a bounded message")
def _(folder):
    small = Small(folder)
    rows = small.rows("observations")
    extra = [
        dict(rows[0], observation_id=f"bench-{n:06d}-001", value="n/a") for n in range(100_000)
    ]
    small.write("observations", rows + extra)
    message = refused(small.root, "is not a number", limit_s=60)
    assert len(message) < 20_000, f"{len(message):,} characters"
    assert "more of the same kinds" in message


# --- bad invocation and configuration ----------------------------------------------------------


def _bad_option(args, code, *expected):
    def check(folder: Path) -> None:
        with env(GN_DATA_DIR=str(Small(folder).root)):
            status, err = cli("--out", str(folder / "out"), *args)
        one_sentence(status, err, code, *expected)
        assert not (folder / "out" / "index.html").exists()

    return check


BAD_OPTIONS = [
    ("unknown province", ["--province", "Hanoi"], 2, "unknown province 'Hanoi'", "Thái Nguyên"),
    ("province name that is a path", ["--province", "../../x"], 2, "unknown province"),
    ("unknown report kind", ["--report", "bogus"], 2, "unknown report kind"),
    ("unknown language", ["--language", "fr"], 2, "unknown language"),
    ("shard 0/3", ["--shard", "0/3"], 2, "i must be between 1 and n"),
    ("shard 4/3", ["--shard", "4/3"], 2, "i must be between 1 and n"),
    ("shard a/b", ["--shard", "a/b"], 2, "is not of the form i/n"),
    ("jobs 0", ["--jobs", "0"], 2, "must be at least 1"),
    ("jobs not a number", ["--jobs", "x"], 2, "invalid"),
    ("reports per kernel 0", ["--reports-per-kernel", "0"], 2, "must be at least 1"),
    ("unknown option", ["--bogus"], 2, "unrecognized arguments"),
]  # fmt: skip

for _name, _args, _code, *_expected in BAD_OPTIONS:
    trial("invocation", _name)(_bad_option(_args, _code, *_expected))


@trial("invocation", "unknown extra province: names listed with ids and dates (issue 17)")
def _(folder):
    with env(GN_DATA_DIR=str(ROOT / "data")):
        status, err = cli("--out", str(folder / "out"), "--extra-province", "Atlantis")
    one_sentence(
        status, err, 2,
        "Thái Nguyên (id thai-nguyen, province, until 2025-06-30)",
        "Thái Nguyên (id thai-nguyen-2025, province, from 2025-07-01)",
    )  # fmt: skip


@trial("invocation", "output folder is a file")
def _(folder):
    (folder / "out").write_text("x", encoding="utf-8")
    with env(GN_DATA_DIR=str(Small(folder).root)):
        status, err = cli("--out", str(folder / "out"), *STANDARDS)
    one_sentence(status, err, 2, "is a file")


@trial("invocation", "output folder under a file")
def _(folder):
    (folder / "file").write_text("x", encoding="utf-8")
    with env(GN_DATA_DIR=str(Small(folder).root)):
        status, err = cli("--out", str(folder / "file" / "out"), *STANDARDS)
    one_sentence(status, err, 2, "lies under")


def _out_is_input(which: str):
    def check(folder: Path) -> None:
        small = Small(folder)
        out = {
            "data": small.root,
            "inside data": small.root / "reports",
            "project (holds data)": folder,
            "notebooks": config.NOTEBOOKS_DIR,
            "symlink to data": folder / "link",
        }[which]
        if which == "symlink to data":
            out.symlink_to(small.root)
        before = {p.name: sha(p) for p in small.root.rglob("*") if p.is_file()}
        with env(GN_DATA_DIR=str(small.root)):
            status, err = cli("--out", str(out), *STANDARDS, jobs=fake_jobs())
        one_sentence(status, err, 2, "output folder", "pass --out a folder")
        assert {p.name: sha(p) for p in small.root.rglob("*") if p.is_file()} == before

    return check


for _which in ("data", "inside data", "project (holds data)", "notebooks", "symlink to data"):
    trial("invocation", f"--out {_which} refused (issue 17)")(_out_is_input(_which))


def _catalogue(change: Callable[[str], str], *expected: str):
    def check(folder: Path) -> None:
        notebooks = fixture_notebooks(folder)
        text = (config.NOTEBOOKS_DIR / "reports.yml").read_text(encoding="utf-8")
        (notebooks / "reports.yml").write_text(change(text), encoding="utf-8")
        with env(GN_DATA_DIR=str(Small(folder).root)):
            status, err = cli("--notebooks", str(notebooks), "--out", str(folder / "out"))
        one_sentence(status, err, 2, *expected)

    return check


CATALOGUES = [
    ("reports.yml: unknown placeholder {provinc} (issue 17)",
     lambda t: t.replace("{province}\"", "{provinc}\"", 1), "unknown placeholder {provinc}"),
    ("reports.yml: provinces as a list (issue 17)",
     lambda t: re.sub(r"provinces:\n(  .*\n)+", "provinces:\n  - Thái Nguyên\n", t),
     "provinces: ['Thái Nguyên'] is not a mapping"),
    ("reports.yml: duplicate report name (issue 17)",
     lambda t: t.replace("name: standards", "name: compare"), "name 'compare' is that of"),
    ("reports.yml: unknown key", lambda t: t.replace("per_province:", "per_provinse:"),
     "unknown key(s) per_provinse"),
    ("reports.yml: missing title", lambda t: t.replace("    title: Poverty standards\n", ""),
     "missing title"),
    ("reports.yml: not YAML", lambda t: t + "\n  - name: [unclosed\n", "is not valid YAML"),
    ("reports.yml: language fr", lambda t: t.replace("languages: [en, vi]", "languages: [en, fr]"),
     "'fr' is not one of"),
    ("reports.yml: output not a slug", lambda t: t.replace("output: compare-provinces",
     "output: ../x"), "is not a file-name slug"),
    ("reports.yml: no reports", lambda t: t.split("reports:\n")[0] + "reports: []\n",
     "lists nothing"),
    ("reports.yml: a list at the top", lambda t: "- a\n- b\n", "expected keys"),
    ("reports.yml: per_province not a boolean",
     lambda t: t.replace("per_province: true", "per_province: yes please"),
     "is not true or false"),
]  # fmt: skip

for _name, _change, *_expected in CATALOGUES:
    trial("invocation", _name)(_catalogue(_change, *_expected))


@trial("invocation", "missing notebook")
def _(folder):
    notebooks = fixture_notebooks(folder)
    for path in notebooks.glob("03-poverty-standards.*"):
        path.unlink()
    status, err = cli("--notebooks", str(notebooks), "--out", str(folder / "out"))
    one_sentence(status, err, 2, "notebooks missing", "03-poverty-standards.ipynb")


@trial("invocation", "GN_DATA_DIR pointing nowhere (issue 17)")
def _(folder):
    with env(GN_DATA_DIR=str(folder / "nowhere")):
        status, err = cli("--out", str(folder / "out"), *STANDARDS)
    one_sentence(status, err, 2, "GN_DATA_DIR points at", "which is not a folder")


@trial("invocation", "GN_DATA_DIR pointing at a file")
def _(folder):
    (folder / "file.csv").write_text("x\n", encoding="utf-8")
    with env(GN_DATA_DIR=str(folder / "file.csv")):
        status, err = cli("--out", str(folder / "out"), *STANDARDS)
    one_sentence(status, err, 2, "which is not a folder")


@trial("invocation", "full TMPDIR (issue 17)")
def _(folder):
    tiny = folder / "tiny"
    tiny.mkdir()
    mounted = (
        subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=16k", "tmpfs", str(tiny)], capture_output=True
        ).returncode
        == 0
    )
    try:
        small = Small(folder)
        if not mounted:  # no tmpfs to be had: a copy that fails as a full disk does
            full = shutil.Error([("a", "b", str(OSError(errno.ENOSPC, "No space left on device")))])
            patch = mock.patch("reportbuild.cli.shutil.copytree", side_effect=full)
        else:
            patch = contextlib.nullcontext()
        with env(GN_DATA_DIR=str(small.root), TMPDIR=str(tiny)), patch:
            status, err = cli("--out", str(folder / "out"), *STANDARDS, jobs=fake_jobs())
        one_sentence(status, err, 1, "cannot write the run's temporary files", "set TMPDIR")
    finally:
        if mounted:
            subprocess.run(["umount", str(tiny)], check=False)


@trial("invocation", "TMPDIR that does not exist")
def _(folder):
    with env(GN_DATA_DIR=str(Small(folder).root), TMPDIR=str(folder / "nowhere")):
        status, err = cli("--out", str(folder / "out"), *STANDARDS, jobs=fake_jobs())
    # Python falls back to another temporary folder; the run must still work or say why.
    assert status in (0, 1) and "Traceback" not in err, err[-500:]


@trial("invocation", "folder in use by another run: exit 75")
def _(folder):
    from reportbuild.outdir import OutputLock

    out = folder / "out"
    out.mkdir()
    with OutputLock(out), env(GN_DATA_DIR=str(Small(folder).root)):
        status, err = cli("--out", str(out), *STANDARDS, jobs=fake_jobs())
    one_sentence(status, err, 75, "is being written by")


@trial("invocation", "invalid data: refused before any kernel, nothing published (issue 17)")
def _(folder):
    small, out = Small(folder), folder / "out"
    with env(GN_DATA_DIR=str(small.root)):
        status, err = cli("--out", str(out), *STANDARDS, jobs=fake_jobs())
        assert status == 0, err
        before = {p.relative_to(out).as_posix(): sha(p) for p in out.rglob("*") if p.is_file()}
        line = small.set("observations", OBS1, "value", "n/a")
        status, err = cli("--out", str(out), *STANDARDS)
    one_sentence(status, err, 1, "the data are invalid", f"observations.csv, line {line}")
    assert str(small.root) in err and "render-reports-" not in err
    after = {p.relative_to(out).as_posix(): sha(p) for p in out.rglob("*") if p.is_file()}
    assert after == before


@trial("invocation", "stored texts absent: a warning, pages say 'not checked'")
def _(folder):
    small = Small(folder)
    with env(GN_DATA_DIR=str(small.root), GN_SEEDS_DIR=str(folder / "no-seeds")):
        status, err = cli("--out", str(folder / "out"), *STANDARDS, jobs=fake_jobs())
    one_sentence(status, err, 0, "could not be checked against their stored text")


# --- faults during a run -----------------------------------------------------------------------


def _signal_trial(signum: int, twice: bool = False):
    def check(folder: Path) -> None:
        base = folder / "tmp"
        base.mkdir()
        process, out = start_sleeping(folder, TMPDIR=str(base))
        family = kernels_and_workers(process)
        assert family, "no worker"
        os.kill(process.pid, signum)
        if twice:
            time.sleep(0.3)
            with contextlib.suppress(ProcessLookupError):
                os.kill(process.pid, signum)
        _, err = process.communicate(timeout=WAIT_S)
        psutil.wait_procs(family, timeout=20)
        assert alive(family) == [], [" ".join(p.cmdline()[:3]) for p in alive(family)]
        assert not (out / "compare-provinces.html").exists()
        if signum in (signal.SIGINT, signal.SIGTERM):
            assert process.returncode == 130, err[-500:]
            assert temp_names(out) == [] and list(base.iterdir()) == [], list(base.iterdir())

    return check


for _sig in (signal.SIGINT, signal.SIGTERM, signal.SIGKILL, signal.SIGHUP):
    trial("faults", f"{_sig.name}: no process left, no broken page")(_signal_trial(_sig))
trial("faults", "SIGINT twice: still a clean stop")(_signal_trial(signal.SIGINT, twice=True))


@trial("faults", "after SIGKILL the next run removes every leftover (issue 17)")
def _(folder):
    base = folder / "tmp"
    base.mkdir()
    process, out = start_sleeping(folder, TMPDIR=str(base))
    family = kernels_and_workers(process)
    process.kill()
    process.communicate(timeout=WAIT_S)
    psutil.wait_procs(family, timeout=20)
    assert all(p.name.startswith("render-reports-") for p in base.iterdir())
    (out / "executed").mkdir(parents=True, exist_ok=True)
    (out / "executed" / ".compare-provinces.ipynb.run1-abcdef.tmp").write_bytes(b"x" * 1000)
    result = fixture_run(folder, out, *STANDARDS, TMPDIR=str(base))
    assert result.returncode == 0, result.stderr[-500:]
    assert list(base.iterdir()) == [], list(base.iterdir())
    assert temp_names(out) == []


@trial("faults", "a second run on a busy folder waits its turn (exit 75), the first unharmed")
def _(folder):
    process, out = start_sleeping(folder)
    second = fixture_run(folder, out, *STANDARDS)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=WAIT_S)
    assert second.returncode == 75 and "is being written by" in second.stderr, second.stderr
    assert process.returncode == 130, err[-300:]


@trial("faults", "a killed kernel fails its report cleanly")
def _(folder):
    process, out = start_sleeping(folder)
    for child in kernels_and_workers(process):
        with contextlib.suppress(psutil.Error):
            if "ipykernel" in " ".join(child.cmdline()):
                child.kill()
    _, err = process.communicate(timeout=WAIT_S)
    assert process.returncode == 1 and "FAILED compare-provinces" in err, err[-500:]
    assert temp_names(out) == []


@trial("faults", "a dead worker is replaced (issue 17)")
def _(folder):
    notebooks = fixture_notebooks(folder, **{"03-poverty-standards": "kills_worker.py"})
    out = folder / "out"
    result = fixture_run(
        folder, out, "--report", "standards", "--report", "compare", "--language", "en",
        "--jobs", "2", notebooks=notebooks, GN_TEST_KILL_ONCE=str(folder / "killed"),
    )  # fmt: skip
    assert (folder / "killed").exists()
    assert result.returncode == 0, result.stderr[-800:]
    assert (out / "poverty-standards.html").is_file() and (out / "compare-provinces.html").is_file()


@trial("faults", "a failing report keeps its old page; index not republished (issue 17)")
def _(folder):
    notebooks = fixture_notebooks(folder, **{"03-poverty-standards": "failing.py"})
    out = folder / "out"
    ok = fixture_run(folder, out, *STANDARDS)
    assert ok.returncode == 0, ok.stderr[-500:]
    index_before = sha(out / "index.html")
    page_before = sha(out / "poverty-standards.html")
    failed = fixture_run(folder, out, *STANDARDS, "--force", notebooks=notebooks)
    assert failed.returncode == 1 and "FAILED poverty-standards" in failed.stderr
    assert sha(out / "poverty-standards.html") == page_before
    assert sha(out / "index.html") == index_before
    assert "index and dataset copy left as they were" in failed.stderr


@trial("faults", "a write failure stops the run and leaves no partial file")
def _(folder):
    import resource

    out = folder / "out"
    out.mkdir()
    (out / "profile-bac-kan.html").write_text("previous", encoding="utf-8")

    def small_files():
        resource.setrlimit(resource.RLIMIT_FSIZE, (16 * 1024, 16 * 1024))

    command = [PY, "-m", "reportbuild", "--notebooks", str(RENDER_FIXTURES / "notebooks")]
    command += ["--out", str(out), "--report", "profile", "--language", "en", "--jobs", "1"]
    command += ["--no-progress"]
    environment = {**os.environ, "GN_DATA_DIR": str(RENDER_FIXTURES / "data")}
    result = subprocess.run(
        command, env=environment, capture_output=True, text=True, timeout=600,
        preexec_fn=small_files, check=False,
    )  # fmt: skip
    assert result.returncode == 1 and "stopped" in result.stderr, result.stderr[-500:]
    assert (out / "profile-bac-kan.html").read_text(encoding="utf-8") == "previous"
    assert temp_names(out) == []


def _damaged_page(how: str):
    def check(folder: Path) -> None:
        out = folder / "out"
        assert fixture_run(folder, out, *STANDARDS).returncode == 0
        page = out / "poverty-standards.html"
        good = page.read_bytes()
        if how == "cut to 1,000 bytes (issue 17)":
            page.write_bytes(good[:1000])
        elif how == "edited, same size":
            page.write_bytes(good.replace(b"<", b"[", 1))
        elif how == "deleted":
            page.unlink()
        result = fixture_run(folder, out, *STANDARDS)
        assert "0 up to date, 1 to render" in result.stderr, result.stderr[-300:]
        assert page.read_bytes() == good

    return check


for _how in ("cut to 1,000 bytes (issue 17)", "edited, same size", "deleted"):
    trial("faults", f"a page {_how} is rendered again")(_damaged_page(_how))


@trial("faults", "a stray file in reports/data is removed (issue 17)")
def _(folder):
    small, out = Small(folder), folder / "out"
    with env(GN_DATA_DIR=str(small.root)):
        assert cli("--out", str(out), *STANDARDS, jobs=fake_jobs())[0] == 0
        (out / "data" / "extra.csv").write_text("x\n", encoding="utf-8")
        assert cli("--out", str(out), *STANDARDS, jobs=fake_jobs())[0] == 0
    assert not (out / "data" / "extra.csv").exists()


@trial("faults", "index deleted: the next up-to-date run writes it again")
def _(folder):
    small, out = Small(folder), folder / "out"
    with env(GN_DATA_DIR=str(small.root)):
        assert cli("--out", str(out), *STANDARDS, jobs=fake_jobs())[0] == 0
        (out / "index.html").unlink()
        status, err = cli("--out", str(out), *STANDARDS)
    assert status == 0 and (out / "index.html").is_file(), err


@trial("faults", "published data deleted: republished")
def _(folder):
    small, out = Small(folder), folder / "out"
    with env(GN_DATA_DIR=str(small.root)):
        assert cli("--out", str(out), *STANDARDS, jobs=fake_jobs())[0] == 0
        shutil.rmtree(out / "data")
        status, err = cli("--out", str(out), *STANDARDS)
    assert status == 0 and (out / "data" / "observations.csv").is_file(), err


@trial("faults", "corrupt manifest: everything rendered again, no crash")
def _(folder):
    small, out = Small(folder), folder / "out"
    with env(GN_DATA_DIR=str(small.root)):
        assert cli("--out", str(out), *STANDARDS, jobs=fake_jobs())[0] == 0
        (out / ".manifest.json").write_text("{not json", encoding="utf-8")
        status, err = cli("--out", str(out), *STANDARDS, jobs=fake_jobs())
    assert status == 0 and "0 up to date, 1 to render" in err, err


@trial("faults", "a lock left by a dead run is taken over")
def _(folder):
    small, out = Small(folder), folder / "out"
    out.mkdir()
    (out / ".render.lock").write_text(json.dumps({"pid": 999999, "host": "x"}), encoding="utf-8")
    with env(GN_DATA_DIR=str(small.root)):
        status, err = cli("--out", str(out), *STANDARDS, jobs=fake_jobs())
    assert status == 0 and "taking over the lock" in err, err


@trial("faults", "dead runs' temporary folders removed, live ones kept (issue 17)")
def _(folder):
    from reportbuild import scratch

    base = folder / "tmp"
    dead, live, legacy = (
        base / n for n in ("render-reports-1-a", "render-reports-2-b", "render-data-c")
    )
    for f in (dead, live, legacy):
        f.mkdir(parents=True)
    for f in (dead, live):
        (f / scratch.OWNER).write_text("1\n", encoding="utf-8")
    os.utime(legacy, (1, 1))
    holder = open(live / scratch.OWNER, encoding="utf-8")  # noqa: SIM115
    fcntl.flock(holder.fileno(), fcntl.LOCK_EX)
    try:
        with env(GN_DATA_DIR=str(Small(folder).root), TMPDIR=str(base)):
            status, err = cli("--out", str(folder / "out"), *STANDARDS, jobs=fake_jobs())
    finally:
        holder.close()
    assert status == 0, err
    assert sorted(p.name for p in base.iterdir()) == [live.name]


@trial("faults", "data changed mid-run: the version recorded is the data read")
def _(folder):
    notebooks = fixture_notebooks(folder, **{"03-poverty-standards": "reads_late.py"})
    data, handshake, out = folder / "data", folder / "handshake", folder / "out"
    shutil.copytree(RENDER_FIXTURES / "data", data)
    handshake.mkdir()
    rows = len((data / "observations.csv").read_text(encoding="utf-8").splitlines()) - 1
    environment = {**os.environ, "GN_DATA_DIR": str(data), "RB_TEST_HANDSHAKE": str(handshake)}
    command = [PY, "-m", "reportbuild", "--notebooks", str(notebooks), "--out", str(out)]
    command += list(STANDARDS)
    process = subprocess.Popen(command, env=environment, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + WAIT_S
    while not (handshake / "ready").exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    with (data / "observations.csv").open("a", encoding="utf-8") as handle:
        handle.write("Hà Giang,poor_households_pct,21.5,new row\n")
    (handshake / "go").touch()
    _, err = process.communicate(timeout=WAIT_S)
    assert process.returncode == 0, err[-500:]
    assert f"rows read: {rows}" in (out / "poverty-standards.html").read_text(encoding="utf-8")


# --- determinism and integrity -----------------------------------------------------------------

_BASELINE: dict[str, dict[str, bytes]] = {}


def _baseline(folder: Path) -> dict[str, bytes]:
    if "pages" not in _BASELINE:
        out = folder / "baseline"
        result = fixture_run(folder, out, "--language", "en", "--jobs", "2")
        assert result.returncode == 0, result.stderr[-500:]
        _BASELINE["pages"] = {k: v for k, v in pages(out).items() if not k.startswith("index")}
    return _BASELINE["pages"]


def _same_bytes(*extra: str, cwd: Path | None = None, **envs: str):
    def check(folder: Path) -> None:
        expected = _baseline(folder)
        out = folder / "elsewhere" / "deeper" / "out"
        args = ["--language", "en", *extra]
        command = [PY, "-m", "reportbuild", "--notebooks", str(RENDER_FIXTURES / "notebooks")]
        command += ["--out", str(out), "--no-progress", *args]
        environment = {**os.environ, "GN_DATA_DIR": str(RENDER_FIXTURES / "data"), **envs}
        result = subprocess.run(
            command, env=environment, capture_output=True, text=True, timeout=600,
            cwd=cwd or folder, check=False,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr[-500:]
        got = {k: v for k, v in pages(out).items() if not k.startswith("index")}
        assert got == expected, sorted(k for k in got if got.get(k) != expected.get(k))

    return check


SAME = [
    ("same bytes again", [], {}),
    ("same bytes with --jobs 1", ["--jobs", "1"], {}),
    ("same bytes with a fresh kernel per report", ["--reports-per-kernel", "1"], {}),
    ("same bytes in another time zone", [], {"TZ": "Asia/Ho_Chi_Minh"}),
    ("same bytes in another locale", [], {"LC_ALL": "C.UTF-8", "LANG": "vi_VN.UTF-8"}),
    ("same bytes in another output path", [], {}),
]
for _name, _extra, _envs in SAME:
    trial("integrity", _name)(_same_bytes(*_extra, **_envs))


@trial("integrity", "same bytes from another working folder")
def _(folder):
    _same_bytes(cwd=Path("/"))(folder)


@trial("integrity", "the dataset archive is the same bytes twice")
def _(folder):
    from reportbuild.index import ARCHIVE_NAME, publish_data

    small = Small(folder)
    digests = []
    for name in ("one", "two"):
        out = folder / name
        out.mkdir()
        publish_data(small.root, out)
        digests.append(sha(out / "data" / ARCHIVE_NAME))
    assert digests[0] == digests[1]


@trial("integrity", "published data are exactly the files read (issue 17)")
def _(folder):
    from reportbuild.index import data_sources

    small, out = Small(folder), folder / "out"
    with env(GN_DATA_DIR=str(small.root)):
        assert cli("--out", str(out), *STANDARDS, jobs=fake_jobs())[0] == 0
    published = {p.name: sha(p) for p in (out / "data").iterdir() if not p.name.endswith(".zip")}
    assert published == {p.name: sha(p) for p in data_sources(small.root)}


@trial("integrity", "index data version is that of the data read")
def _(folder):
    from reportbuild.fingerprint import data_version
    from reportbuild.versions import SHORT_HASH

    small, out = Small(folder), folder / "out"
    with env(GN_DATA_DIR=str(small.root)):
        assert cli("--out", str(out), *STANDARDS, jobs=fake_jobs())[0] == 0
    assert data_version(small.root)[:SHORT_HASH] in (out / "index.html").read_text("utf-8")


@trial("integrity", "whole-table downloads equal the data files (issue 17)")
def _(folder):
    from helpers.display import _csv_text

    dataset = load_dataset(ROOT / "data")
    for table in ("observations", "sources", "geographies", "indicators"):
        stored = (ROOT / "data" / f"{table}.csv").read_text(encoding="utf-8")
        assert _csv_text(getattr(dataset, table)) == stored, table


@trial("integrity", "an embedded download has a BOM and loads with the loader (issue 16, 17)")
def _(folder):
    from helpers.display import csv_download
    from helpers.load import read_table

    dataset = load_dataset(ROOT / "data")
    link = csv_download(dataset.observations, "all")
    data = base64.b64decode(re.search(r"base64,([A-Za-z0-9+/=]+)", link).group(1))
    assert data.startswith(b"\xef\xbb\xbf")
    (folder / "d.csv").write_bytes(data)
    assert len(read_table(folder / "d.csv", "observations", download=True)) == len(
        dataset.observations
    )


@trial("integrity", "no source labelled 'verified' without its stored text (issue 17)")
def _(folder):
    from helpers.display import sources_html
    from helpers.i18n import using

    dataset = load_dataset(ROOT / "data", seeds_dir=folder / "no-seeds")
    with using("en"):
        page = sources_html(dataset, list(dataset.sources["source_id"].astype(str)))
    assert "verified against the stored text" not in page
    assert "not checked: the stored text was not available" in page


@trial("integrity", "with the stored texts every verified excerpt is checked (issue 17)")
def _(folder):
    from helpers.display import sources_html
    from helpers.i18n import using

    assert SEEDS.is_dir(), f"stored texts not found at {SEEDS}"
    dataset = load_dataset(ROOT / "data", seeds_dir=SEEDS)
    assert dataset.unchecked_sources == {}
    verified = dataset.sources[dataset.sources["verification"] == "verified"]
    with using("en"):
        page = sources_html(dataset, list(verified["source_id"].astype(str)))
    assert page.count("verified against the stored text") == len(verified)


@trial("integrity", "an up-to-date run changes nothing")
def _(folder):
    out = folder / "out"
    assert fixture_run(folder, out, *STANDARDS).returncode == 0
    before = {p.name: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()}
    result = fixture_run(folder, out, *STANDARDS)
    assert "1 up to date, 0 to render" in result.stderr, result.stderr[-300:]
    after = {p.name: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()}
    assert after == before


@trial("integrity", "pages self-contained and index links resolve")
def _(folder):
    from reportbuild.checks import broken_links, external_references

    out = folder / "out"
    assert fixture_run(folder, out, "--language", "en", "--jobs", "2").returncode == 0
    for page in out.glob("*.html"):
        assert external_references(page.read_text(encoding="utf-8")) == [], page.name
    assert broken_links(out / "index.html") == []


@trial("integrity", "the manifest records each page's size and sha256 (issue 17)")
def _(folder):
    out = folder / "out"
    assert fixture_run(folder, out, *STANDARDS).returncode == 0
    entry = json.loads((out / ".manifest.json").read_text(encoding="utf-8"))["poverty-standards"]
    page = out / "poverty-standards.html"
    assert entry["html_sha256"] == sha(page) and entry["html_bytes"] == page.stat().st_size


def _real_pages(folder: Path, seeds: Path) -> dict[str, str]:
    """The real English profile of Bắc Kạn and poverty-standards page, rendered from the real
    notebooks and data with the stored texts at ``seeds``."""
    out = folder / "real"
    args = ["--out", str(out), "--report", "profile", "--report", "standards", "--province"]
    args += ["bac kan", "--language", "en", "--no-progress", "--jobs", "2"]
    result = run(args, {"GN_SEEDS_DIR": str(seeds)}, timeout=1200)
    assert result.returncode == 0, result.stderr[-800:]
    return {p.name: p.read_text(encoding="utf-8") for p in out.glob("*.html")}


@trial("integrity", "real pages: every embedded download loads with the loader (issue 17)")
def _(folder):
    from helpers.load import read_table

    found = 0
    for name, html in _real_pages(folder, SEEDS).items():
        for n, payload in enumerate(re.findall(r"text/csv;charset=utf-8;base64,([^\"]+)", html)):
            path = folder / f"{name}-{n}.csv"
            path.write_bytes(base64.b64decode(payload))
            read_table(path, "observations", download=True)
            found += 1
    assert found, "no download on the pages"


@trial("integrity", "real pages without the stored texts never say 'verified' (issue 17)")
def _(folder):
    pages_ = _real_pages(folder, folder / "no-seeds")
    for name, html in pages_.items():
        assert "verified against the stored text" not in html, name
    assert any("not checked: the stored text" in html for html in pages_.values())


# --- running ---------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--group", action="append", choices=list(GROUPS), default=[])
    parser.add_argument("-k", default="", help="only trials whose name holds this text")
    args = parser.parse_args(argv)
    chosen = args.group or list(GROUPS)
    results: dict[str, list[bool]] = {g: [] for g in chosen}
    with tempfile.TemporaryDirectory(prefix="battery-") as scratch:
        for number, (group, name, function) in enumerate(TRIALS):
            if group not in chosen or args.k not in name:
                continue
            folder = Path(scratch) / f"t{number:03d}"
            folder.mkdir()
            started = time.perf_counter()
            try:
                function(folder)
                ok, why = True, ""
            except Exception as error:  # noqa: BLE001 (a trial's failure is reported, not raised)
                ok = False
                why = "".join(traceback.format_exception_only(error)).strip()[:400]
            results[group].append(ok)
            seconds = time.perf_counter() - started
            status = "PASS" if ok else "FAIL"
            print(f"{status} [{GROUPS[group]}] {name} ({seconds:.1f} s){' ' + why if why else ''}")
            sys.stdout.flush()
    print()
    print(f"{'group':36} passed")
    for group, outcomes in results.items():
        print(f"{GROUPS[group]:36} {sum(outcomes)}/{len(outcomes)}")
    total = [ok for outcomes in results.values() for ok in outcomes]
    print(f"{'all':36} {sum(total)}/{len(total)}")
    return 0 if all(total) else 1


if __name__ == "__main__":
    sys.exit(main())
