"""Rendering one report: execute its notebook with papermill, export the HTML, save both.

This runs in a worker process (see :mod:`reportbuild.scheduler`) and returns an
:class:`Outcome` instead of raising, so that one failing report never stops the others.
Nothing the reader sees is ever half-written: the executed notebook is written to a temporary
file first, and the HTML replaces the previous one only once it is complete. A failed report
leaves the previous HTML untouched and keeps its executed notebook as
``executed/<slug>.failed.ipynb``, with papermill's banner pointing at the failing cell.
"""

from __future__ import annotations

import time
import traceback
import warnings
from dataclasses import dataclass
from pathlib import Path

from reportbuild.catalog import Report
from reportbuild.files import (
    executed_path,
    html_path,
    move_atomic,
    temp_path_for,
    write_atomic,
)
from reportbuild.versions import Stamp

KERNEL_NAME = "python3"
KERNEL_START_TIMEOUT_S = 120
# Arguments for every kernel: quiet logging (ipykernel otherwise warns on each start, and logs
# the interrupt that shutting down sends). A crashing kernel still prints to stderr.
KERNEL_ARGUMENTS = ["--IPKernelApp.log_level=CRITICAL"]


@dataclass(frozen=True)
class Job:
    """Everything a worker needs to render one report."""

    report: Report
    notebooks_dir: Path
    out_dir: Path
    run_token: str  # names this run's temporary files, so that an interrupted run can clean up
    stamp: Stamp = Stamp()  # versions shown in the page's header and footer


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


def render(job: Job) -> Outcome:
    """Execute and export ``job.report``; never raises for a problem of the report itself."""
    started = time.perf_counter()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", UserWarning)
        outcome = _render(job, started)
    notes = tuple(sorted({str(w.message) for w in caught if "out of sync" in str(w.message)}))
    return outcome if not notes else _with_warnings(outcome, notes)


def _render(job: Job, started: float) -> Outcome:
    import papermill

    from reportbuild.html import report_html
    from reportbuild.notebooks import read_notebook

    report, out_dir = job.report, job.out_dir
    executed = executed_path(out_dir, report.slug)
    temp = temp_path_for(executed, job.run_token)
    temp.parent.mkdir(parents=True, exist_ok=True)
    try:
        nb = read_notebook(job.notebooks_dir, report.notebook)
        nb = papermill.execute_notebook(
            nb,
            str(temp),
            parameters=report.parameters,
            kernel_name=KERNEL_NAME,
            language="python",
            extra_arguments=KERNEL_ARGUMENTS,
            progress_bar=False,
            request_save_on_cell_execute=False,
            start_timeout=KERNEL_START_TIMEOUT_S,
            cwd=str(job.notebooks_dir),
        )
        page = report_html(nb, report, job.stamp)
    except papermill.PapermillExecutionError as error:
        return _failed(job, started, f"{error.ename}: {error.evalue}", _cell_of(error), temp)
    except Exception as error:  # a dead kernel, a missing notebook, an export bug: all reported
        where = "".join(traceback.format_exception_only(error)).strip()
        return _failed(job, started, where, "", temp)
    target = html_path(out_dir, report.slug)
    write_atomic(target, page, job.run_token)
    move_atomic(temp, executed)
    executed_path(out_dir, report.slug, failed=True).unlink(missing_ok=True)
    return Outcome(
        report,
        ok=True,
        seconds=time.perf_counter() - started,
        html_bytes=target.stat().st_size,
        executed_path=executed,
    )


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
        move_atomic(temp, kept)
    return Outcome(
        job.report,
        ok=False,
        seconds=time.perf_counter() - started,
        error=error,
        cell=cell,
        executed_path=kept,
    )


def _with_warnings(outcome: Outcome, notes: tuple[str, ...]) -> Outcome:
    return Outcome(**{**outcome.__dict__, "warnings": notes})
