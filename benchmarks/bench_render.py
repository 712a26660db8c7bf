"""Benchmark of ``render-reports`` against the loop a user would otherwise script.

In one run, on the same machine and inputs:

1. **serial loop**: for each report, ``papermill`` (CLI) then ``jupyter nbconvert --to html``,
   one after the other;
2. **parallel loop**: the same commands, ``--jobs`` reports at a time (``xargs -P``), what a
   user with a shell would script next;
3. **render-reports**: the project's command, ``--jobs`` kernels, fresh folder;
4. **no-op rebuild**: ``render-reports`` again on the same folder (everything up to date);
5. **one-row rebuild**: one Bắc Kạn row of ``observations.csv`` changed, then ``render-reports``.

The data are a copy of ``--data`` (never the folder itself). It prints wall times, the ratios
of 3 to 1 and to 2, peak memory (the sum of the resident memory of all the processes of a
phase, sampled every 0.1 s; and the largest single process, from ``getrusage``), each report's
size, and the targets: full build ≤ 0.35 × parallel loop, no-op < 0.2 s, each report < 2 MB.
These are figures to record, not a test.

``--synthetic 4,8,16,34`` also times the province profiles of N synthetic provinces: ``data/``
is copied to a temporary folder (``data/`` itself is never touched), Thái Nguyên's observations
are cloned under N new province ids and names, and ``GN_DATA_DIR`` points the kernels at the copy.

    .venv/bin/python benchmarks/bench_render.py                      # real notebooks and data
    .venv/bin/python benchmarks/bench_render.py --repeat 3           # medians of three rounds
    .venv/bin/python benchmarks/bench_render.py --synthetic 4,8,16,34
    .venv/bin/python benchmarks/bench_render.py --notebooks tests/fixtures/render/notebooks \\
        --data tests/fixtures/render/data                            # the tiny test fixtures
"""

from __future__ import annotations

import argparse
import csv
import os
import resource
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import psutil

from helpers import config
from reportbuild import catalog

BIN = Path(sys.executable).parent
TARGET_RATIO = 0.35  # of the parallel loop
TARGET_NOOP_S = 0.2
TARGET_REPORT_BYTES = 2_000_000
SYNTHETIC_TEMPLATE = "thai-nguyen"  # the focus province whose observations are cloned
ONE_ROW_PROVINCE = "bac-kan"  # whose first observation the one-row rebuild changes


@dataclass
class Timing:
    """Wall time and peak memory of one phase."""

    seconds: float
    peak_tree_mb: float  # sum of the RSS of all processes of the phase, at its peak
    returncode: int = 0


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    notebooks, data = args.notebooks.resolve(), args.data.resolve()
    env = {**os.environ, "GN_DATA_DIR": str(data)}
    reports = catalog.reports_for([], catalog.resolve_provinces([]))
    jobs = args.jobs or os.cpu_count() or 1
    print(f"machine: {os.cpu_count()} cores; notebooks {notebooks}; data {data}")
    print(f"{len(reports)} reports; render-reports --jobs {jobs}\n")

    with tempfile.TemporaryDirectory(prefix="bench-render-") as scratch:
        scratch = Path(scratch)
        rounds = [one_round(reports, notebooks, data, scratch / f"round-{n}", env, jobs)
                  for n in range(1, args.repeat + 1)]  # fmt: skip
        if args.repeat > 1:
            print_rounds(rounds)
        phases = zip(*(timings for timings, _ in rounds), strict=True)
        loop, parallel, ours, noop, one_row = (median_timing(phase) for phase in phases)
        ours_dir = scratch / f"round-{args.repeat}" / "ours"
        changed = rounds[-1][1]
        sizes = {p.name: p.stat().st_size for p in sorted(ours_dir.glob("*.html"))}
        largest_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print_summary(loop, parallel, ours, noop, one_row, changed, sizes, largest_mb, jobs)
        if args.synthetic:
            synthetic_scaling(args.synthetic, notebooks, data, scratch, jobs)
    timings = [t for phases, _ in rounds for t in phases]
    return 0 if all(t.returncode == 0 for t in timings) else 1


def one_round(reports, notebooks: Path, data: Path, scratch: Path, env: dict, jobs: int):
    """The five phases once, on a fresh copy of the data: their timings (loop, parallel, ours,
    no-op, one row) and the id of the row changed."""
    scratch.mkdir(parents=True)
    shutil.copytree(data, scratch / "data")
    env = {**env, "GN_DATA_DIR": str(scratch / "data")}
    loop = scripted_loop(reports, notebooks, scratch / "loop", env)
    parallel = scripted_loop(reports, notebooks, scratch / "parallel", env, parallel=jobs)
    ours_dir = scratch / "ours"
    ours = timed(render_command(notebooks, ours_dir, jobs), env)
    noop = timed(render_command(notebooks, ours_dir, jobs), env)
    changed = change_one_row(scratch / "data" / "observations.csv", ONE_ROW_PROVINCE)
    one_row = timed(render_command(notebooks, ours_dir, jobs), env)
    return (loop, parallel, ours, noop, one_row), changed


def median_timing(timings: Sequence[Timing]) -> Timing:
    """The median wall time of a phase over the rounds (its largest peak memory, first failure)."""
    return Timing(
        statistics.median(t.seconds for t in timings),
        max(t.peak_tree_mb for t in timings),
        next((t.returncode for t in timings if t.returncode), 0),
    )


def print_rounds(rounds) -> None:
    """Each round's wall times, and the ratio of the full build to the parallel loop in it."""
    print(f"{'round':>5} {'serial':>8} {'parallel':>9} {'fresh':>7} {'no-op':>6} {'one row':>8} "
          f"{'fresh/parallel':>15}")  # fmt: skip
    for number, ((loop, parallel, ours, noop, one_row), _) in enumerate(rounds, start=1):
        print(
            f"{number:5d} {loop.seconds:8.2f} {parallel.seconds:9.2f} {ours.seconds:7.2f} "
            f"{noop.seconds:6.2f} {one_row.seconds:8.2f} {ours.seconds / parallel.seconds:15.2f}"
        )
    print("(the summary below shows the median of each phase over the rounds)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--notebooks", type=Path, default=config.NOTEBOOKS_DIR)
    parser.add_argument("--data", type=Path, default=config.data_dir())
    parser.add_argument(
        "--jobs",
        type=int,
        default=0,
        help="kernels at once, for both render-reports and the "
        "parallel loop (default: number of cores)",
    )
    parser.add_argument(
        "--repeat",
        type=int,
        default=1,
        metavar="N",
        help="run the five phases N times, one round after the other, and report each "
        "phase's median (on a shared machine, one run can be far off)",
    )
    parser.add_argument(
        "--synthetic",
        type=lambda text: [int(n) for n in text.split(",")],
        metavar="N[,N...]",
        help="also render the profiles of N synthetic provinces, for each N given",
    )
    return parser


def render_command(notebooks: Path, out: Path, jobs: int, *extra: str) -> list[str]:
    return [
        str(BIN / "render-reports"),
        "--notebooks",
        str(notebooks),
        "--out",
        str(out),
        "--jobs",
        str(jobs),
        "--no-progress",
        *extra,
    ]


def scripted_loop(reports, notebooks: Path, out: Path, env: dict, parallel: int = 0) -> Timing:
    """papermill then nbconvert, per report: one after the other, or ``parallel`` reports at a
    time through ``xargs -P`` (what a user would script)."""
    out.mkdir(parents=True)
    inputs = {r.notebook: ipynb_of(notebooks, r.notebook, out) for r in reports}
    commands = []
    for report in reports:
        executed = out / f"{report.slug}.ipynb"
        papermill = [str(BIN / "papermill"), str(inputs[report.notebook]), str(executed)]
        papermill += ["-k", "python3", "--language", "python", "--cwd", str(notebooks)]
        papermill += ["--no-progress-bar"]
        for name, value in report.parameters.items():
            papermill += ["-p", name, value]
        nbconvert = [str(BIN / "jupyter"), "nbconvert", "--to", "html", str(executed)]
        commands.append([papermill, nbconvert + ["--log-level", "WARN"]])
    if not parallel:
        return timed_sequence([command for pair in commands for command in pair], env)
    scripts = []
    for number, (papermill, nbconvert) in enumerate(commands):
        script = out / f"report-{number}.sh"
        script.write_text(f"{shlex.join(papermill)} && {shlex.join(nbconvert)}\n")
        scripts.append(str(script))
    listing = out / "scripts.txt"
    listing.write_text("\n".join(scripts) + "\n")
    xargs = ["xargs", "-a", str(listing), "-P", str(parallel), "-n", "1", "sh"]
    return timed(xargs, env)


def change_one_row(observations: Path, geography_id: str) -> str:
    """Change the ``note`` of the first observation of ``geography_id``; return its id."""
    rows = _read(observations)
    row = next(r for r in rows if r["geography_id"] == geography_id)
    row["note"] = (row.get("note") or "") + " (benchmark edit)"
    _write(observations, rows)
    return row["observation_id"]


def ipynb_of(notebooks: Path, stem: str, scratch: Path) -> Path:
    """The notebook's .ipynb, converted from its jupytext .py into ``scratch`` when alone."""
    ipynb = notebooks / f"{stem}.ipynb"
    if ipynb.is_file():
        return ipynb
    converted = scratch / f"{stem}.source.ipynb"
    subprocess.run(
        [
            str(BIN / "jupytext"),
            "--to",
            "ipynb",
            "-o",
            str(converted),
            str(notebooks / f"{stem}.py"),
        ],
        check=True,
        capture_output=True,
    )
    return converted


def timed(command: list[str], env: dict) -> Timing:
    return timed_sequence([command], env)


def timed_sequence(commands: list[list[str]], env: dict) -> Timing:
    """Run ``commands`` one after the other; wall time and peak memory of their process trees."""
    peak = [0.0]
    started = time.perf_counter()
    paused = 0.0
    returncode = 0
    for command in commands:
        process = subprocess.Popen(
            command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        sampler = threading.Thread(target=_sample_tree_rss, args=(process, peak), daemon=True)
        sampler.start()
        _, stderr = process.communicate()
        finished = time.perf_counter()
        sampler.join()
        paused += time.perf_counter() - finished  # the sampler's last sleep is not the command's
        if process.returncode:
            returncode = process.returncode
            tail = stderr.decode(errors="replace")[-2000:]
            print(f"  ! {' '.join(command[:3])}… exited {process.returncode}:\n{tail}")
    return Timing(time.perf_counter() - started - paused, peak[0] / 2**20, returncode)


def _sample_tree_rss(process: subprocess.Popen, peak: list[float]) -> None:
    try:
        root = psutil.Process(process.pid)
    except psutil.NoSuchProcess:
        return
    while process.poll() is None:
        total = 0
        try:
            for member in [root, *root.children(recursive=True)]:
                try:
                    total += member.memory_info().rss
                except psutil.Error:
                    pass
        except psutil.Error:
            break
        peak[0] = max(peak[0], total)
        time.sleep(0.1)


def print_summary(loop, parallel, ours, noop, one_row, changed, sizes, largest_mb, jobs):
    rows = [
        ("serial loop (papermill + nbconvert CLI)", loop),
        (f"parallel loop (the same, xargs -P{jobs})", parallel),
        ("render-reports, fresh", ours),
        ("render-reports, no-op rebuild", noop),
        ("render-reports, one row changed", one_row),
    ]
    print(f"{'phase':48} {'wall s':>8} {'peak MB (all processes)':>24}")
    for label, timing in rows:
        print(f"{label:48} {timing.seconds:8.2f} {timing.peak_tree_mb:24.0f}")
    print(f"one row changed: the note of observation {changed}")
    print(f"largest single process: {largest_mb:.0f} MB (getrusage, children)\n")
    print(f"{'report':36} {'KB':>8}")
    for name, size in sizes.items():
        print(f"{name:36} {size / 1024:8.0f}")
    largest = max(sizes.values(), default=0)
    print()
    print(f"{'full build / serial loop':30} {ours.seconds / loop.seconds:>10.2f}")
    ratio = ours.seconds / parallel.seconds
    print(
        _target(
            "full build / parallel loop",
            f"{ratio:.2f}",
            f"<= {TARGET_RATIO}",
            ratio <= TARGET_RATIO,
        )
    )
    print(
        _target(
            "no-op rebuild",
            f"{noop.seconds:.2f} s",
            f"< {TARGET_NOOP_S} s",
            noop.seconds < TARGET_NOOP_S,
        )
    )
    print(
        _target(
            "largest report",
            f"{largest / 1e6:.2f} MB",
            "< 2 MB",
            largest < TARGET_REPORT_BYTES,
        )
    )


def _target(label: str, value: str, target: str, met: bool) -> str:
    return f"{label:30} {value:>10}  target {target:8} {'met' if met else 'MISSED'}"


def synthetic_scaling(counts: list[int], notebooks: Path, data: Path, scratch: Path, jobs: int):
    """Render the profiles of N synthetic provinces for each N; print how time grows."""
    print(f"\nsynthetic provinces (clones of {SYNTHETIC_TEMPLATE}), render-reports --jobs {jobs}")
    print(f"{'N':>4} {'wall s':>8} {'s per report':>13} {'peak MB':>8}")
    for count in counts:
        synthetic = scratch / f"synthetic-{count}"
        names = synthetic_data(data, synthetic / "data", count)
        args = ["--report", "profile"]
        for name in names:
            args += ["--extra-province", name, "--province", name]
        env = {**os.environ, "GN_DATA_DIR": str(synthetic / "data")}
        timing = timed(render_command(notebooks, synthetic / "out", jobs, *args), env)
        rendered = len(list((synthetic / "out").glob("profile-*.html")))
        note = "" if rendered == count else f"  ({rendered} rendered)"
        print(
            f"{count:4d} {timing.seconds:8.2f} {timing.seconds / count:13.2f} "
            f"{timing.peak_tree_mb:8.0f}{note}"
        )


def synthetic_data(data: Path, target: Path, count: int) -> list[str]:
    """Copy ``data`` to ``target`` with ``count`` clones of the template province; their names."""
    shutil.copytree(data, target)
    ids = [f"synthetic-{i:02d}" for i in range(1, count + 1)]
    names = [f"Tỉnh Thử {i:02d}" for i in range(1, count + 1)]
    geographies = _read(target / "geographies.csv")
    template = next(r for r in geographies if r["geography_id"] == SYNTHETIC_TEMPLATE)
    for geography_id, name in zip(ids, names, strict=True):
        clone = {**template, "geography_id": geography_id, "name": name}
        clone.update({"province_after_2025": geography_id, "note": "Synthetic, for benchmarks."})
        geographies.append({**clone, "gso_code": ""})
    _write(target / "geographies.csv", geographies)

    observations = _read(target / "observations.csv")
    originals = [r for r in observations if r["geography_id"] == SYNTHETIC_TEMPLATE]
    for geography_id in ids:
        for number, row in enumerate(originals, start=1):
            clone_id = f"{geography_id}-{number:03d}"
            observations.append({**row, "geography_id": geography_id, "observation_id": clone_id})
    _write(target / "observations.csv", observations)

    sources = _read(target / "sources.csv")
    used = {r["source_id"] for r in originals}
    for source in sources:
        if source["source_id"] in used:
            source["geographies"] = ";".join(
                [*filter(None, source["geographies"].split(";")), *ids]
            )
    _write(target / "sources.csv", sources)
    return names


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _write(path: Path, rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


if __name__ == "__main__":
    sys.exit(main())
