"""``render-reports``: the notebooks and the data, rendered into the HTML reports people read.

One command (``make reports``) executes the notebooks listed in ``notebooks/reports.yml`` with
papermill, several at once (each worker keeps one kernel for a few reports), and writes into
``reports/``:

- one ``<output>.html`` per report (``profile-<province-id>.html`` per province,
  ``compare-provinces.html``, ``poverty-standards.html``);
- ``executed/<output>.ipynb``, the executed notebooks, for inspection;
- ``index.html`` linking every report and the dataset (copied into ``data/``), written only after
  a run in which every report rendered, from the data that run read.

The data are loaded and checked before any kernel starts (:func:`data_problems`); the run keeps
its temporary files in one folder (:mod:`reportbuild.scratch`).

Each report is one self-contained HTML file: code hidden, images embedded, no request to any
other host, a table of contents, a version stamp, readable from phone width up. A report whose
inputs are unchanged (see :mod:`reportbuild.fingerprint`) is not rendered again (``--force``
renders anyway). Before any kernel starts, the output folder is checked and locked
(:mod:`reportbuild.outdir`). See ``render-reports --help`` for the options, and
:mod:`reportbuild` for the parts.

Rule for notebook authors: text from the data is escaped, so never build HTML from it.
``print()`` and DataFrame tables are safe (pandas escapes cell text by default: do not pass
``escape=False`` to ``to_html``). ``display(HTML(...))`` and ``display(Markdown(...))`` outputs
are sanitized when rendered (:mod:`reportbuild.sanitize`: an allow-list of elements; scripts and
styles dropped; no auto-linking), which is a safety net, not a licence.
"""

from __future__ import annotations

import argparse
import math
import os
import shutil
import sys
import tempfile
import time
import uuid
from collections.abc import Sequence
from contextlib import contextmanager
from pathlib import Path

from helpers import config
from helpers.names import UnknownGeographyError
from reportbuild import catalog, durations, fingerprint
from reportbuild.downloads import remove_unreferenced
from reportbuild.files import remove_dead_leftovers, remove_leftovers
from reportbuild.index import INDEX_NAME, write_index
from reportbuild.outdir import (
    OutputFolderError,
    OutputLock,
    OutputLockedError,
    check_not_an_input,
    check_output_folder,
)
from reportbuild.scratch import ScratchError, no_room, run_folder
from reportbuild.worker import DEFAULT_REPORTS_PER_KERNEL

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_BUSY, EXIT_INTERRUPTED = 0, 1, 2, 75, 130
STARTED_AT = time.time()  # when the command started (its imports done), for --profile


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``render-reports``; returns the exit status (see :func:`parser`)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    out_dir, notebooks_dir = args.out.resolve(), args.notebooks.resolve()
    reports: list[catalog.Report] = []
    try:
        data_dir = checked_data_folder()
        if not args.index_only:
            reports = selected_reports(args, catalog.load(catalog.catalogue_path(notebooks_dir)))
            missing_notebooks(reports, notebooks_dir)
    except (ValueError, FileNotFoundError) as error:
        parser.error(str(error))
    if args.dry_run:
        return dry_run(reports, out_dir, notebooks_dir, args.force)
    try:
        check_not_an_input(out_dir, input_folders(notebooks_dir, data_dir))
        check_output_folder(out_dir, len(reports))
        with OutputLock(out_dir) as lock:
            if lock.stale_message():
                print(lock.stale_message(), file=sys.stderr)
            if leftovers := remove_dead_leftovers(out_dir):
                print(
                    f"removed {len(leftovers)} temporary file(s) that a run which did not "
                    f"finish had left in {out_dir}",
                    file=sys.stderr,
                )
            if args.index_only:
                print(f"wrote {write_index(out_dir)}")
                return EXIT_OK
            return render_all(reports, out_dir, notebooks_dir, args)
    except OutputFolderError as error:
        print(f"render-reports: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except OutputLockedError as error:
        print(f"render-reports: {error}", file=sys.stderr)
        return EXIT_BUSY


def checked_data_folder() -> Path:
    """The data folder (``GN_DATA_DIR`` or ``data/``); FileNotFoundError in one sentence when it
    is not a folder."""
    folder = config.data_dir()
    if not folder.is_dir():
        how = "GN_DATA_DIR points at" if "GN_DATA_DIR" in os.environ else "the data folder is"
        raise FileNotFoundError(
            f"{how} {folder}, which is not a folder; set GN_DATA_DIR to the folder holding "
            "datapackage.json and the tables (or unset it to use data/)"
        )
    return folder


def input_folders(notebooks_dir: Path, data_dir: Path) -> dict[str, Path]:
    """The folders a run reads, which its output folder must neither be nor contain."""
    from reportbuild.fingerprint import HELPERS_DIR, RENDERER_DIR

    return {
        "data": data_dir,
        "notebooks": notebooks_dir,
        "stored texts": config.seeds_dir(),
        "helpers code": HELPERS_DIR,
        "renderer code": RENDERER_DIR,
    }


def build_parser() -> argparse.ArgumentParser:
    """The command line; exit status 0 all rendered, 1 some failed, 2 usage, 130 interrupted."""
    parser = argparse.ArgumentParser(
        prog="render-reports",
        description="Render the notebooks into self-contained HTML reports, in parallel, "
        "skipping reports whose inputs have not changed.",
        epilog="Exit status: 0 all rendered or up to date, 1 some report failed or could not "
        "be written, 2 bad arguments or unusable output folder, 75 output folder in use by "
        "another run, 130 interrupted.",
    )
    parser.add_argument(
        "--report",
        action="append",
        default=[],
        metavar="KIND",
        help="render only this kind of report, as named in notebooks/reports.yml "
        "(repeatable; default: all)",
    )
    parser.add_argument(
        "--language",
        action="append",
        default=[],
        metavar="LANG",
        help="render only the reports in this language: en (English) or vi (Vietnamese) "
        "(repeatable; default: every language of notebooks/reports.yml)",
    )
    parser.add_argument(
        "--province",
        action="append",
        default=[],
        metavar="NAME",
        help="province profile to render, matched without accents or case, e.g. "
        "'thai nguyen' (repeatable; default: every focus province)",
    )
    parser.add_argument(
        "--extra-province",
        action="append",
        default=[],
        metavar="NAME",
        help="also accept and, by default, render this geography of data/geographies.csv, "
        "by name or id (repeatable; for data beyond the provinces of notebooks/reports.yml)",
    )
    parser.add_argument(
        "--jobs",
        "-j",
        type=_positive_int,
        default=os.cpu_count() or 1,
        help="notebooks executed at once, each in its own kernel (default: number of cores, "
        "%(default)s here)",
    )
    parser.add_argument(
        "--force", action="store_true", help="render even the reports that are up to date"
    )
    parser.add_argument(
        "--reports-per-kernel",
        type=_positive_int,
        default=DEFAULT_REPORTS_PER_KERNEL,
        metavar="N",
        help="reports a kernel executes (its namespace reset between them) before it is "
        "restarted; 1 gives every report a fresh kernel (default: %(default)s)",
    )
    parser.add_argument(
        "--shard",
        metavar="I/N",
        help="render only the I-th of N slices of the selected reports (for CI matrices)",
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=config.REPORTS_DIR,
        help="output folder (default: reports/)",
    )
    parser.add_argument(
        "--notebooks",
        type=Path,
        default=config.NOTEBOOKS_DIR,
        help="folder of the notebooks (default: notebooks/)",
    )
    parser.add_argument(
        "--index-only",
        action="store_true",
        help="only (re)build index.html from the reports present in the output folder",
    )
    parser.add_argument(
        "--dry-run",
        action="store_true",
        help="list the selected reports and whether each is up to date; render nothing",
    )
    parser.add_argument(
        "--no-progress", action="store_true", help="no progress bar (one line per report only)"
    )
    parser.add_argument(
        "--profile",
        action="store_true",
        help="also print where each report's time went (kernel, execution, HTML, writing)",
    )
    return parser


def selected_reports(
    args: argparse.Namespace, catalogue: catalog.Catalogue
) -> list[catalog.Report]:
    """The reports the arguments ask for, in catalogue order, sharded if asked.

    Raises ValueError (an unknown province lists the valid names) before any kernel starts.
    """
    try:
        extra = catalog.extra_provinces(args.extra_province)
        provinces = catalog.resolve_provinces(args.province, extra=extra, catalogue=catalogue)
    except UnknownGeographyError as error:
        raise ValueError(str(error)) from None
    reports = catalog.reports_for(args.report, provinces, catalogue, args.language)
    if args.shard:
        reports = catalog.shard(reports, *catalog.parse_shard(args.shard))
    return reports


def missing_notebooks(reports: Sequence[catalog.Report], notebooks_dir: Path) -> None:
    """Raise FileNotFoundError naming the notebooks that the selected reports need but lack."""
    stems = sorted({r.notebook for r in reports})
    missing = [s for s in stems if not fingerprint.notebook_files(notebooks_dir, s)]
    if missing:
        expected = ", ".join(f"{s}.ipynb (or {s}.py)" for s in missing)
        raise FileNotFoundError(f"notebooks missing in {notebooks_dir}: expected {expected}")


def dry_run(reports, out_dir: Path, notebooks_dir: Path, force: bool) -> int:
    """List the selected reports and whether each is up to date; render nothing."""
    prints = _fingerprints(reports, notebooks_dir, None)
    manifest = fingerprint.load_manifest(out_dir)
    for report in reports:
        fresh = fingerprint.is_up_to_date(report, prints[report.slug], manifest, out_dir)
        state = "up to date" if fresh and not force else "to render"
        print(f"{report.slug:32} {state:11} {report.title}")
    return EXIT_OK


def render_all(reports: Sequence[catalog.Report], out_dir: Path, notebooks_dir: Path, args) -> int:
    """Render the reports that are not up to date, update manifest and index; exit status.

    The kernels read a snapshot of the data folder taken before any of them starts, so that the
    data version recorded for a report is that of the data it read; the notebooks and code are
    hashed again as each report finishes, and a report whose inputs changed meanwhile is not
    marked up to date.
    """
    prints = _fingerprints(reports, notebooks_dir, None)
    manifest = fingerprint.load_manifest(out_dir)
    todo = [
        r
        for r in reports
        if args.force or not fingerprint.is_up_to_date(r, prints[r.slug], manifest, out_dir)
    ]
    kernels = f" with {min(args.jobs, len(todo))} kernel(s) at once" if todo else ""
    print(
        f"{len(reports)} report(s) selected: {len(reports) - len(todo)} up to date, "
        f"{len(todo)} to render{kernels}",
        file=sys.stderr,
    )
    if not todo:
        if not (out_dir / INDEX_NAME).is_file() or not published_data_matches(out_dir):
            write_index(out_dir)
        return EXIT_OK
    token = f"run{os.getpid()}-{uuid.uuid4().hex[:6]}"
    try:
        with run_folder() as scratch, data_snapshot(scratch) as data:
            if invalid := data_problems(data):
                print(
                    f"render-reports: the data are invalid; nothing was rendered and nothing "
                    f"published:\n{invalid}",
                    file=sys.stderr,
                )
                return EXIT_FAILED
            prints = _fingerprints(todo, notebooks_dir, data)
            result = _render(todo, out_dir, notebooks_dir, args, manifest, prints, data, token)
            if result is None:
                return EXIT_INTERRUPTED
            failures, stopped = result
            _profile_note(args, "workers done")
            if failures or stopped:
                print(
                    "index and dataset copy left as they were: they are published only after "
                    "a run in which every report rendered",
                    file=sys.stderr,
                )
            else:
                try:
                    index = write_index(out_dir, data_dir=data, token=token)
                    print(f"index: {index}", file=sys.stderr)
                    remove_unreferenced(out_dir)  # downloads no page links any more
                    _profile_note(args, "index written")
                except OSError as error:
                    remove_leftovers(out_dir, token)
                    stopped = f"could not write the index into {out_dir}: {error.strerror}"
    except ScratchError as error:
        print(f"render-reports: error: {error.strerror}", file=sys.stderr)
        return EXIT_FAILED
    for outcome in failures:
        if not outcome.write_failed:
            print(outcome.describe_failure(), file=sys.stderr)
    if stopped:
        print(f"render-reports: stopped: {stopped}", file=sys.stderr)
        return EXIT_FAILED
    if failures:
        print(f"{len(failures)} of {len(todo)} report(s) failed", file=sys.stderr)
    return EXIT_FAILED if failures else EXIT_OK


def longest_first(
    reports: Sequence[catalog.Report], manifest: dict, history: dict[str, float] | None = None
) -> list[catalog.Report]:
    """``reports`` in the order to start them: longest last render first (unknown ones first),
    so that the workers finish together instead of one waiting on a long report started last.
    The last render's seconds come from ``history`` (:mod:`reportbuild.durations`, any output
    folder) or else from the manifest. The order changes only when reports start, never what
    they contain."""
    return sorted(reports, key=lambda r: last_seconds(r, manifest, history), reverse=True)


def last_seconds(report: catalog.Report, manifest: dict, history: dict[str, float] | None) -> float:
    """Seconds of ``report``'s last render: from ``history``, else the manifest, else infinite."""
    seconds = (history or {}).get(report.slug, manifest.get(report.slug, {}).get("seconds"))
    return float(seconds) if isinstance(seconds, int | float) else math.inf


def start_order(
    reports: Sequence[catalog.Report], manifest: dict, history: dict[str, float], workers: int
) -> list[catalog.Report]:
    """``reports`` in the order to start them on ``workers`` workers: longest first, or for two
    workers a planned split (:func:`reportbuild.scheduler.start_order`), from the seconds that
    :func:`longest_first` reads."""
    from reportbuild.scheduler import start_order as planned

    ordered = longest_first(reports, manifest, history)
    seconds = [last_seconds(r, manifest, history) for r in ordered]
    return [ordered[i] for i in planned(seconds, min(workers, len(ordered)))]


def _fingerprints(reports, notebooks_dir: Path, data_dir: Path | None) -> dict[str, str]:
    shared = fingerprint.shared_digest(data_dir, catalog.catalogue_path(notebooks_dir))
    return {r.slug: fingerprint.report_fingerprint(r, notebooks_dir, shared) for r in reports}


@contextmanager
def data_snapshot(scratch: Path | None = None):
    """A private copy of the data folder in ``scratch`` (default: a new temporary folder), which
    ``GN_DATA_DIR`` points the kernels at; ``GN_DATA_ORIGIN`` names the folder it was copied
    from, so that the loader's errors name the user's files. Raises ScratchError when the copy
    cannot be written (a full temporary folder)."""
    source = config.data_dir()
    previous = {name: os.environ.get(name) for name in ("GN_DATA_DIR", "GN_DATA_ORIGIN")}
    with tempfile.TemporaryDirectory(prefix="render-data-", dir=scratch) as folder:
        copy = Path(folder) / "data"
        try:
            shutil.copytree(source, copy, ignore=shutil.ignore_patterns(".*", "__pycache__"))
        except (OSError, shutil.Error) as error:
            raise ScratchError(
                getattr(error, "errno", None), no_room(Path(folder), error)
            ) from None
        os.environ["GN_DATA_DIR"] = str(copy)
        os.environ["GN_DATA_ORIGIN"] = str(source.resolve())
        try:
            yield copy
        finally:
            for name, value in previous.items():
                if value is None:
                    os.environ.pop(name, None)
                else:
                    os.environ[name] = value


def data_problems(data: Path) -> str:
    """What is wrong with the data package in ``data`` (its files named as the user knows them),
    or "" when it loads; checked before any kernel starts, so that invalid data is refused once,
    in one message, and never published. A folder without ``datapackage.json`` is not a data
    package and is left to the notebooks. Warns when the stored texts are missing (the pages then
    say that their excerpts were not checked)."""
    if not (data / "datapackage.json").is_file():
        return ""
    from helpers.load import DataValidationError, load_dataset

    try:
        dataset = load_dataset(data)
    except DataValidationError as error:
        return str(error)
    if dataset.unchecked_sources:
        reason = next(iter(dataset.unchecked_sources.values()))
        print(
            f"warning: {len(dataset.unchecked_sources)} verified source(s) could not be checked "
            f"against their stored text ({reason}); their pages say so instead of 'verified'",
            file=sys.stderr,
        )
    return ""


def published_data_matches(out_dir: Path) -> bool:
    """True when ``<out>/data/`` holds exactly the files the index publishes, as they are now."""
    from reportbuild.index import published_files

    return published_files(out_dir) == published_files(None, config.data_dir())


def _render(todo, out_dir, notebooks_dir, args, manifest, prints, data, token):
    """Run the jobs, recording each success in the manifest as it comes.

    Returns (failed outcomes, why the run stopped early or ""), or None when interrupted
    (after removing this run's temporary files).
    """
    from reportbuild.scheduler import run_jobs
    from reportbuild.versions import page_stamp
    from reportbuild.worker import Job

    stamp = page_stamp(fingerprint.data_version(data), data)
    history = durations.load(notebooks_dir)
    jobs = [
        Job(report, notebooks_dir, out_dir, token, stamp, args.reports_per_kernel)
        for report in start_order(todo, manifest, history, args.jobs)
    ]
    stopped: list[str] = []

    def record(outcome) -> bool:
        slug = outcome.report.slug
        if args.profile and outcome.phases:
            print(outcome.describe_phases(STARTED_AT), file=sys.stderr)
        if outcome.write_failed:
            stopped.append(outcome.error)
            return False
        current = _fingerprints([outcome.report], notebooks_dir, data)[slug]
        if outcome.ok and current == prints[slug]:
            manifest[slug] = {
                "fingerprint": prints[slug],
                "title": outcome.report.title,
                "seconds": round(outcome.seconds, 1),
                **fingerprint.page_record(out_dir, slug),
            }
        else:
            manifest.pop(slug, None)
            if outcome.ok:
                print(
                    f"warning: the notebook or code of {slug} changed while it was rendered; "
                    "its HTML is written but not marked up to date: run again",
                    file=sys.stderr,
                )
        try:
            fingerprint.save_manifest(out_dir, manifest)
        except OSError as error:
            stopped.append(f"could not write the manifest into {out_dir}: {error.strerror}")
            return False
        return True

    _profile_note(args, "workers start")
    try:
        outcomes = run_jobs(jobs, args.jobs, record, progress=False if args.no_progress else None)
    except KeyboardInterrupt:
        removed = remove_leftovers(out_dir, token)
        print(
            f"interrupted: stopped all kernels, removed {len(removed)} temporary file(s); "
            "finished reports are kept, the others keep their previous HTML",
            file=sys.stderr,
        )
        return None
    finally:
        removed = remove_leftovers(out_dir, token)
    durations.record(notebooks_dir, outcomes)
    failures = [o for o in outcomes if not o.ok]
    if stopped:
        done = sum(o.ok for o in outcomes)
        reason = (
            f"{stopped[0]}. {done} of {len(todo)} report(s) were written; the other "
            f"{len(todo) - done} keep their previous HTML, and {len(removed)} partial file(s) "
            "of this run were removed. Free some space (or pass --out a folder you can write "
            "to) and run again"
        )
        return failures, reason
    return failures, ""


def _profile_note(args, event: str) -> None:
    """With ``--profile``: when ``event`` happened, in seconds after the command started."""
    if args.profile:
        print(f"profile: {event} at +{time.time() - STARTED_AT:.2f} s", file=sys.stderr)


def _positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value


if __name__ == "__main__":
    sys.exit(main())
