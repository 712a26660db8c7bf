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

import math
import multiprocessing
import os
import signal
import sys
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed, wait
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
    only on a terminal. Raises KeyboardInterrupt after a clean stop when interrupted (see the
    module doc).
    """
    outcomes: list[Outcome] = []
    if not jobs:
        return outcomes
    bar = tqdm(total=len(jobs), unit="report", disable=_bar_disabled(progress), file=sys.stderr)
    attempts = {id(job): 0 for job in jobs}
    pending = list(jobs)
    executor = None
    try:
        with _sigterm_as_interrupt():
            while pending:
                executor = _pool(pending, workers)
                futures = {executor.submit(render, job): job for job in pending}
                pending = []
                _show(bar, outcomes, len(jobs), workers)
                for future in as_completed(futures):
                    job = futures[future]
                    if _worker_died(future):
                        attempts[id(job)] += 1
                        if attempts[id(job)] < MAX_ATTEMPTS:
                            pending.append(job)  # run it again in a new worker
                            continue
                    outcome = _outcome_of(future, job)
                    outcomes.append(outcome)
                    stop = on_outcome(outcome) is False or outcome.write_failed
                    bar.update(1)
                    _show(bar, outcomes, len(jobs), workers)
                    bar.write(_one_line(outcome), file=sys.stderr)
                    if stop:
                        bar.close()
                        _stop_early(executor, futures, outcomes)
                        return outcomes
                executor.shutdown(wait=True)
                if pending:
                    bar.write(
                        f"a worker process died: starting new workers for the {len(pending)} "
                        "report(s) it cut short",
                        file=sys.stderr,
                    )
    except KeyboardInterrupt:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C must not cut the clean-up
        try:
            bar.close()
            stop_descendants()
            if executor is not None:
                executor.shutdown(wait=False, cancel_futures=True)
        finally:
            signal.signal(signal.SIGINT, signal.default_int_handler)
        raise
    bar.close()
    return outcomes


# A report is tried this many times when the worker process running it dies (a dead worker
# breaks the whole pool, so the reports of the other workers are cut short too).
MAX_ATTEMPTS = 3


def _pool(jobs: Sequence[Job], workers: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(
        max_workers=max(1, min(workers, len(jobs))),
        mp_context=multiprocessing.get_context("spawn"),
        initializer=init_worker,
        initargs=(os.getpid(), _one_folder(jobs)),
    )


def _worker_died(future: Future) -> bool:
    """True when ``future`` failed because its worker process died (the pool is broken)."""
    from concurrent.futures.process import BrokenProcessPool

    return not future.cancelled() and isinstance(future.exception(), BrokenProcessPool)


EXACT_PLAN_MAX_JOBS = 16  # two workers: every split of up to this many jobs is tried


def start_order(seconds: Sequence[float], workers: int) -> list[int]:
    """The order in which to hand out jobs expected to take ``seconds`` (indices into it) so that
    ``workers`` workers, each taking the next job as it becomes free, finish together.

    Longest first, which two workers can improve on: for up to :data:`EXACT_PLAN_MAX_JOBS` jobs
    the best split in two is found (every split tried), each half longest first, and the jobs
    ordered by their planned start, so that the worker free first takes the job planned for it.
    Unknown durations (infinite) go first, longest first applies; the plan only orders jobs,
    and a worker still takes whatever comes next when estimates are off."""
    longest = sorted(range(len(seconds)), key=lambda i: seconds[i], reverse=True)
    known = [seconds[i] for i in longest]
    if workers != 2 or not 2 < len(known) <= EXACT_PLAN_MAX_JOBS or math.inf in known:
        return longest
    total, best_span, best = sum(known), math.inf, 0
    for mask in range(1 << (len(known) - 1)):  # the longest job is in the first half
        first = known[0] + sum(t for bit, t in enumerate(known[1:]) if mask >> bit & 1)
        span = max(first, total - first)
        if span < best_span - 1e-9:
            best_span, best = span, mask
    halves: list[list[int]] = [[longest[0]], []]
    for bit, index in enumerate(longest[1:]):
        halves[0 if best >> bit & 1 else 1].append(index)
    planned = []  # (start, half, index)
    for number, half in enumerate(halves):
        start = 0.0
        for index in half:
            planned.append((start, number, index))
            start += seconds[index]
    return [index for _, _, index in sorted(planned)]


def _one_folder(jobs: Sequence[Job]):
    """The notebooks folder of all ``jobs``, for workers to start their kernel in at once."""
    folders = {job.notebooks_dir for job in jobs}
    return folders.pop() if len(folders) == 1 else None


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


def _stop_early(executor, futures: dict[Future, Job], outcomes: list[Outcome]) -> None:
    """Cancel the jobs not started, kill the kernels of those running (so that they fail at
    once), wait a little for them, then stop whatever is left; keep nothing of the jobs cut
    short (their failed executed notebooks included)."""
    executor.shutdown(wait=False, cancel_futures=True)
    _kill_kernels()
    finished = {o.report.slug for o in outcomes}
    running = [f for f in futures if not f.cancelled() and futures[f].report.slug not in finished]
    done, not_done = wait(running, timeout=2 * STOP_GRACE_S)
    for future in done:
        _discard(_outcome_of(future, futures[future]))
    if not_done:
        stop_descendants()
    for future in running:
        job = futures[future]
        executed = job.out_dir / "executed" / f"{job.report.slug}.failed.ipynb"
        if future in not_done and executed.is_file():
            executed.unlink(missing_ok=True)


def _discard(outcome: Outcome) -> None:
    """Remove what a job cut short by a stop kept (its failed executed notebook)."""
    if outcome.executed_path and outcome.executed_path.name.endswith(".failed.ipynb"):
        outcome.executed_path.unlink(missing_ok=True)


def _kill_kernels() -> None:
    """Kill the kernels (the workers' children), leaving the workers to the executor."""
    workers = psutil.Process().children()
    kernels = [k for w in workers for k in _children(w) if not _is_resource_tracker(k)]
    for kernel in kernels:
        try:
            kernel.kill()
        except psutil.NoSuchProcess:
            pass
    psutil.wait_procs(kernels, timeout=STOP_GRACE_S)


def _children(process: psutil.Process) -> list[psutil.Process]:
    try:
        return process.children(recursive=True)
    except psutil.Error:
        return []


def _outcome_of(future: Future, job: Job) -> Outcome:
    """The worker's outcome, or a failed one when the worker process itself died."""
    try:
        return future.result()
    except Exception as error:  # BrokenProcessPool, or a bug outside render()'s own handling
        return Outcome(job.report, ok=False, seconds=0.0, error=f"worker process failed: {error!r}")


def _one_line(outcome: Outcome) -> str:
    if outcome.ok:
        size_kb = outcome.html_bytes / 1024
        reused = ", kernel reused" if outcome.kernel_reused else ""
        line = (
            f"rendered {outcome.report.slug}.html "
            f"({size_kb:.0f} KB, {outcome.seconds:.1f} s{reused})"
        )
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
