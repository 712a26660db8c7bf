"""Rendering reports in a worker process: execute with papermill, export the HTML, save both.

Each worker process keeps one kernel (:class:`reportbuild.kernel.KernelSession`) for several
reports, resetting its namespace between them; it restarts the kernel after
``Job.reports_per_kernel`` reports and after any failure. :func:`render` returns an
:class:`Outcome` instead of raising, so that one failing report never stops the others.

Nothing the reader sees is ever half-written: the executed notebook is written to a temporary
file first, and the HTML replaces the previous one only once it is complete. A failed report
leaves the previous HTML untouched and keeps its executed notebook as
``executed/<slug>.failed.ipynb``, with papermill's banner pointing at the failing cell. A failure
to *write* (disk full, read-only folder) is marked as such: the run stops, and no partial file
is kept.

A worker dies with the renderer: on Linux the kernel sends it SIGTERM when its parent dies
(``prctl(PR_SET_PDEATHSIG)``), and a watchdog thread notices a changed parent pid on any system;
either way the worker stops its kernel and exits. The kernel itself also polls its parent (the
worker) and exits when it is gone.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import multiprocessing.util
import os
import signal
import sys
import threading
import time
import traceback
import warnings
from dataclasses import dataclass
from pathlib import Path

from reportbuild import downloads
from reportbuild.catalog import Report
from reportbuild.files import executed_path, html_path, move_atomic, temp_path_for, write_atomic
from reportbuild.outdir import is_write_failure
from reportbuild.versions import Stamp

PR_SET_PDEATHSIG = 1
WATCHDOG_INTERVAL_S = 0.5
DEFAULT_REPORTS_PER_KERNEL = 8


@dataclass(frozen=True)
class Job:
    """Everything a worker needs to render one report."""

    report: Report
    notebooks_dir: Path
    out_dir: Path
    run_token: str  # names this run's temporary files, so that an interrupted run can clean up
    stamp: Stamp = Stamp()  # versions shown in the page's header and footer
    reports_per_kernel: int = DEFAULT_REPORTS_PER_KERNEL  # 1: a fresh kernel for every report


@dataclass(frozen=True)
class Outcome:
    """What happened to one report."""

    report: Report
    ok: bool
    seconds: float
    html_bytes: int = 0
    error: str = ""  # one line: exception type and message
    cell: str = ""  # where it failed, e.g. "cell In [5], which starts: 'rows = ...'"
    executed_path: Path | None = None
    warnings: tuple[str, ...] = ()
    write_failed: bool = False  # the output folder could not take the files: stop the run
    kernel_reused: bool = False  # executed in a kernel that had run another report before
    phases: tuple[tuple[str, float], ...] = ()  # (phase, wall seconds), for --profile
    started_at: float = 0.0  # time.time() when the worker took the job

    def describe_phases(self, origin: float) -> str:
        """One line: when this report started after ``origin`` (a ``time.time()``) and where its
        time went, phase by phase (``--profile``)."""
        parts = " ".join(f"{name} {seconds:.2f}" for name, seconds in self.phases)
        start = self.started_at - origin
        return f"profile {self.report.slug}: at +{start:.2f} s: {parts} (total {self.seconds:.2f})"

    def describe_failure(self) -> str:
        """Several lines naming the report, the failing cell, the error and what was kept."""
        lines = [f"FAILED {self.report.slug} ({self.report.title})"]
        if self.cell:
            lines.append(f"  at {self.cell}")
        lines.append(f"  error: {self.error}")
        if self.executed_path:
            lines.append(f"  executed notebook kept at {self.executed_path}")
        lines.append("  the previous HTML, if any, was left in place")
        return "\n".join(lines)


# The kernel of this worker process, kept between jobs.
_session = None


def init_worker(parent_pid: int, notebooks_dir: Path | None = None) -> None:
    """Worker initializer: SIGINT left to the main process, die with it, no slow import, and
    the kernel for ``notebooks_dir`` started at once.

    SIGINT gets a no-op handler, not SIG_IGN, so that the kernels the worker starts get the
    default handler back. ``rfc3987_syntax`` (0.9 s to import, pulled in by nbformat through
    jsonschema for a URI format the notebook schema does not use) is made unimportable, so that
    jsonschema goes without that one format checker. The kernel starts and warms up while the
    worker imports papermill and nbconvert and reads its first notebook; the first report
    waits for it (:func:`_session_for`).
    """
    signal.signal(signal.SIGINT, lambda signum, frame: None)
    sys.modules.setdefault("rfc3987_syntax", None)
    die_with_parent(parent_pid)
    if notebooks_dir is not None:
        start_session(notebooks_dir)


def start_session(notebooks_dir: Path) -> None:
    """Launch this worker's kernel without waiting for it; on failure, leave it to the first
    report to start one (and report why it cannot)."""
    global _session
    from reportbuild.kernel import KernelSession

    try:
        _session = KernelSession(notebooks_dir, wait=False)
    except Exception:
        _session = None
        return
    multiprocessing.util.Finalize(_session, close_session, exitpriority=10)


def die_with_parent(parent_pid: int) -> None:
    """Exit (stopping this worker's kernel) as soon as ``parent_pid`` is no longer our parent."""
    signal.signal(signal.SIGTERM, lambda signum, frame: _exit_now())
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
    if os.getppid() != parent_pid:  # the parent died before prctl took effect
        _exit_now()

    def watch() -> None:
        while os.getppid() == parent_pid:
            time.sleep(WATCHDOG_INTERVAL_S)
        _exit_now()

    threading.Thread(target=watch, name="parent-watchdog", daemon=True).start()


def _exit_now() -> None:
    """Kill this worker's kernel and leave at once (no clean-up that could hang)."""
    pid = getattr(_session, "pid", None)
    if pid:
        try:
            os.killpg(pid, signal.SIGKILL)  # kernels run in their own process group
        except OSError:
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
    os._exit(1)


def render(job: Job) -> Outcome:
    """Execute and export ``job.report``; never raises for a problem of the report itself."""
    started, started_at = time.perf_counter(), time.time()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", UserWarning)
        outcome = _render(job, started)
    if not outcome.ok:
        close_session()  # a failed report may have left anything behind: next one, new kernel
    notes = tuple(sorted({str(w.message) for w in caught if "out of sync" in str(w.message)}))
    return _with(outcome, warnings=notes, started_at=started_at)


def _render(job: Job, started: float) -> Outcome:
    import papermill

    from reportbuild.html import report_html
    from reportbuild.notebooks import read_notebook

    _freeze_imports()
    report, out_dir = job.report, job.out_dir
    executed = executed_path(out_dir, report.slug)
    temp = temp_path_for(executed, job.run_token)
    reused = False
    clock = _PhaseClock(started)
    try:
        clock.lap("import")
        nb = read_notebook(job.notebooks_dir, report.notebook)
        clock.lap("read")
        session, reused = _session_for(job)
        clock.lap("kernel reset" if reused else "kernel start")
        temp.parent.mkdir(parents=True, exist_ok=True)
        nb = papermill.execute_notebook(
            nb,
            str(temp),
            parameters=report.parameters,
            engine_name=_engine(),
            session=session,
            kernel_name="python3",
            language="python",
            progress_bar=False,
            request_save_on_cell_execute=False,
            cwd=str(job.notebooks_dir),
        )
        session.reports += 1
        clock.lap("execute")
        page, files = downloads.split(report_html(nb, report, job.stamp))
        clock.lap("html")
        target = html_path(out_dir, report.slug)
        downloads.write(out_dir, files, job.run_token)  # before the page that links them
        write_atomic(target, page, job.run_token)
        move_atomic(temp, executed)
        executed_path(out_dir, report.slug, failed=True).unlink(missing_ok=True)
        clock.lap("write")
    except papermill.PapermillExecutionError as error:
        return _failed(job, started, f"{error.ename}: {error.evalue}", _cell_of(error), temp)
    except Exception as error:  # a dead kernel, a missing notebook, an export bug: all reported
        if is_write_failure(error):
            temp.unlink(missing_ok=True)
            where = f"could not write into {out_dir}: {error.strerror or error}"
            return Outcome(
                report, ok=False, seconds=time.perf_counter() - started, error=where,
                write_failed=True,
            )  # fmt: skip
        where = "".join(traceback.format_exception_only(error)).strip()
        return _failed(job, started, where, "", temp)
    return Outcome(
        report,
        ok=True,
        seconds=time.perf_counter() - started,
        html_bytes=target.stat().st_size,
        executed_path=executed,
        kernel_reused=reused,
        phases=clock.phases(),
    )


class _PhaseClock:
    """Wall time between laps, named after what happened in between (cheap; always on)."""

    def __init__(self, started: float):
        self._last = started
        self._laps: list[tuple[str, float]] = []

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self._laps.append((name, now - self._last))
        self._last = now

    def phases(self) -> tuple[tuple[str, float], ...]:
        return tuple(self._laps)


@functools.cache
def _freeze_imports() -> None:
    """Once, after the imports: leave what they created (it lives as long as the worker) out of
    the collector's full passes, which parsing a page (many objects) triggers: 15% less CPU
    for the HTML. Nothing of a report exists yet, so nothing of one is kept."""
    import gc

    gc.freeze()


def _session_for(job: Job):
    """This worker's kernel, reset, or a new one; and whether it ran a report before."""
    global _session
    from reportbuild.kernel import KernelError, KernelSession

    if _session is not None and (
        _session.reports >= job.reports_per_kernel
        or _session.cwd != job.notebooks_dir
        or not _session.alive()
    ):
        close_session()
    if _session is not None and _session.ready:
        try:
            _session.reset()
            return _session, True
        except (KernelError, RuntimeError, TimeoutError):
            close_session()
    if _session is None:
        _session = KernelSession(job.notebooks_dir, wait=False)
        multiprocessing.util.Finalize(_session, close_session, exitpriority=10)
    _session.wait_until_ready()  # a kernel that cannot start fails the report, as it is
    _session.reset()
    return _session, False


def close_session() -> None:
    """Shut this worker's kernel down, if it has one."""
    global _session
    session, _session = _session, None
    if session is not None:
        session.shutdown()


@functools.cache
def _engine() -> str:
    from reportbuild.kernel import register_engine

    return register_engine()


def _cell_of(error) -> str:
    """Human description of the cell a PapermillExecutionError points at."""
    return f"cell In [{error.exec_count}], which starts: {_first_line(error.source)!r}"


def _first_line(source: str) -> str:
    lines = [line for line in source.splitlines() if line.strip()]
    return lines[0][:80] if lines else ""


def _failed(job: Job, started: float, error: str, cell: str, temp: Path) -> Outcome:
    kept = None
    if temp.is_file():
        kept = executed_path(job.out_dir, job.report.slug, failed=True)
        try:
            move_atomic(temp, kept)
        except OSError:
            temp.unlink(missing_ok=True)
            kept = None
    return Outcome(
        job.report,
        ok=False,
        seconds=time.perf_counter() - started,
        error=error,
        cell=cell,
        executed_path=kept,
    )


def _with(outcome: Outcome, **changes) -> Outcome:
    return Outcome(**{**outcome.__dict__, **changes})
