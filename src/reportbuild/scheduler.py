"""Running report jobs in parallel worker processes, with progress, and stopping cleanly.

Each worker process executes one notebook at a time, in a kernel it keeps for a few reports
(see :mod:`reportbuild.worker`). The main process only waits, shows progress and records
outcomes. When a report could not be *written* (disk full, read-only folder), the remaining
jobs are cancelled and every worker and kernel stopped: the others would fail the same way.
On Ctrl-C (SIGINT) or SIGTERM it stops every process it started, kernels included, and
deletes this run's temporary files, so that no half-written report and no stray kernel remain.
Workers ignore SIGINT themselves: the terminal sends it to the whole process group, and a
worker dying first would orphan its kernel (kernels run in their own session, out of reach of
the terminal's signal). When the renderer itself is killed, its workers die with it (see
:func:`reportbuild.worker.die_with_parent`).
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from contextlib import contextmanager

import psutil
from tqdm import tqdm

from reportbuild.worker import Job, Outcome, init_worker, render

STOP_GRACE_S = 5.0


def run_jobs(
    jobs: Sequence[Job],
    workers: int,
    on_outcome: Callable[[Outcome], None],
    progress: bool | None = None,
) -> list[Outcome]:
    """Render ``jobs`` on ``workers`` processes; call ``on_outcome`` as each one finishes.

    Stops early (cancelling the jobs not yet finished, which get no outcome) after an outcome
    that failed to write, or when ``on_outcome`` returns False. ``progress`` None shows the bar
    only on a terminal. Raises KeyboardInterrupt after a clean
    stop when interrupted (see the module doc).
    """
    outcomes: list[Outcome] = []
    if not jobs:
        return outcomes
    context = multiprocessing.get_context("spawn")
    executor = ProcessPoolExecutor(
        max_workers=max(1, min(workers, len(jobs))),
        mp_context=context,
        initializer=init_worker,
        initargs=(os.getpid(),),
    )
    bar = tqdm(total=len(jobs), unit="report", disable=_bar_disabled(progress), file=sys.stderr)
    try:
        with _sigterm_as_interrupt():
            futures = {executor.submit(render, job): job for job in jobs}
            _show(bar, outcomes, len(jobs), workers)
            for future in as_completed(futures):
                outcome = _outcome_of(future, futures[future])
                outcomes.append(outcome)
                stop = on_outcome(outcome) is False or outcome.write_failed
                bar.update(1)
                _show(bar, outcomes, len(jobs), workers)
                bar.write(_one_line(outcome), file=sys.stderr)
                if stop:
                    bar.close()
                    for pending in futures:
                        pending.cancel()
                    stop_descendants()
                    executor.shutdown(wait=False, cancel_futures=True)
                    return outcomes
    except KeyboardInterrupt:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C must not cut the clean-up
        try:
            bar.close()
            stop_descendants()
            executor.shutdown(wait=False, cancel_futures=True)
        finally:
            signal.signal(signal.SIGINT, signal.default_int_handler)
        raise
    bar.close()
    executor.shutdown(wait=True)
    return outcomes


def stop_descendants(grace_s: float = STOP_GRACE_S) -> list[int]:
    """Terminate (then kill, after ``grace_s``) every process this one started; return their pids.

    The processes are listed before any is signalled, so a kernel whose worker dies first is
    still reached. multiprocessing's resource tracker is left to exit by itself: it removes the
    semaphores the workers used once the main process is gone.
    """
    processes = [
        p for p in psutil.Process().children(recursive=True) if not _is_resource_tracker(p)
    ]
    for process in processes:
        try:
            process.terminate()
        except psutil.NoSuchProcess:
            pass
    _, alive = psutil.wait_procs(processes, timeout=grace_s)
    for process in alive:
        try:
            process.kill()
        except psutil.NoSuchProcess:
            pass
    psutil.wait_procs(alive, timeout=grace_s)
    return [p.pid for p in processes]


def _outcome_of(future: Future, job: Job) -> Outcome:
    """The worker's outcome, or a failed one when the worker process itself died."""
    try:
        return future.result()
    except Exception as error:  # BrokenProcessPool, or a bug outside render()'s own handling
        return Outcome(job.report, ok=False, seconds=0.0, error=f"worker process failed: {error!r}")


def _one_line(outcome: Outcome) -> str:
    if outcome.ok:
        size_kb = outcome.html_bytes / 1024
        line = f"rendered {outcome.report.slug}.html ({size_kb:.0f} KB, {outcome.seconds:.1f} s)"
    else:
        first_line = outcome.error.splitlines()[0] if outcome.error else ""
        line = f"FAILED   {outcome.report.slug}: {first_line}"
    return "\n".join([line, *(f"  warning: {note}" for note in outcome.warnings)])


def _show(bar: tqdm, outcomes: list[Outcome], total: int, workers: int) -> None:
    failed = sum(not o.ok for o in outcomes)
    running = min(workers, total - len(outcomes))
    bar.set_postfix_str(f"done={len(outcomes) - failed} running={running} failed={failed}")


def _bar_disabled(progress: bool | None) -> bool | None:
    return None if progress is None else not progress


@contextmanager
def _sigterm_as_interrupt():
    """Within the block, SIGTERM stops the run the way Ctrl-C does."""

    def interrupt(signum, frame):
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _is_resource_tracker(process: psutil.Process) -> bool:
    try:
        return any("resource_tracker" in part for part in process.cmdline())
    except psutil.Error:
        return False
