"""How long each report's own work took when it was last rendered, in any output folder.

``render-reports`` starts the longest reports first, so that the workers finish together. The
output folder's manifest records each report's seconds, but a fresh folder has none: there the
order comes from this record, kept beside the project in ``.cache/reportbuild/durations.json``
per notebooks folder. A report's own work is its time less the worker's start-up (imports,
kernel start), which falls on whichever report a worker happens to take first.

A cache, not an input: it changes only the order in which reports start, never what is written;
when it is missing or cannot be written, reports start in catalogue order as before.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from helpers import config
from reportbuild.files import write_atomic

DURATIONS_PATH = config.PROJECT_ROOT / ".cache" / "reportbuild" / "durations.json"
START_UP_PHASES = ("import", "kernel start")


def load(notebooks_dir: Path, path: Path | None = None) -> dict[str, float]:
    """Slug → seconds of own work at the last render from ``notebooks_dir``; {} when unknown."""
    entries = _read(path or DURATIONS_PATH).get(str(notebooks_dir), {})
    return {s: float(v) for s, v in entries.items() if isinstance(v, int | float)}


def record(notebooks_dir: Path, outcomes: Iterable, path: Path | None = None) -> None:
    """Add the own work of the successful ``outcomes``, averaged with what was known (one run
    on a busy machine can be far off); forget notebooks folders that are gone."""
    path = path or DURATIONS_PATH
    everything = {k: v for k, v in _read(path).items() if Path(k).is_dir()}
    known = load(notebooks_dir, path)
    seconds = {}
    for outcome in outcomes:
        if outcome.ok:
            slug, measured = outcome.report.slug, own_seconds(outcome)
            seconds[slug] = round((known[slug] + measured) / 2 if slug in known else measured, 2)
    if not seconds:
        return
    everything[str(notebooks_dir)] = {**everything.get(str(notebooks_dir), {}), **seconds}
    try:
        write_atomic(path, json.dumps(everything, indent=1, sort_keys=True) + "\n")
    except OSError:
        pass  # a cache: without it, only the order of a fresh folder's first run is worse


def own_seconds(outcome) -> float:
    """The report's time less the worker's start-up (see the module doc)."""
    start_up = sum(s for name, s in outcome.phases if name in START_UP_PHASES)
    return max(0.0, outcome.seconds - start_up)


def _read(path: Path) -> dict[str, dict]:
    try:
        everything = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(everything, dict):
        return {}
    return {k: v for k, v in everything.items() if isinstance(v, dict)}
