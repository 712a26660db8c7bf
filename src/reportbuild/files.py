"""Where outputs go, and atomic writes: a reader sees the old file or the new one, never half.

Layout of the output folder: ``<slug>.html`` per report, ``executed/<slug>.ipynb`` (or
``executed/<slug>.failed.ipynb``), ``index.html`` and the manifest ``.manifest.json``.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

TEMP_SUFFIX = ".tmp"
EXECUTED_DIR_NAME = "executed"


def html_path(out_dir: Path, slug: str) -> Path:
    """Where the HTML of report ``slug`` goes."""
    return out_dir / f"{slug}.html"


def executed_path(out_dir: Path, slug: str, failed: bool = False) -> Path:
    """Where report ``slug``'s executed notebook is kept (``.failed.ipynb`` after a failure)."""
    suffix = ".failed.ipynb" if failed else ".ipynb"
    return out_dir / EXECUTED_DIR_NAME / f"{slug}{suffix}"


def temp_path_for(path: Path, token: str) -> Path:
    """Hidden temporary name beside ``path`` (same folder, hence same file system).

    ``token`` identifies the run, so that an interrupted run can remove exactly its own leftovers.
    """
    return path.with_name(f".{path.name}.{token}{TEMP_SUFFIX}")


def write_atomic(path: Path, data: str | bytes, token: str = "") -> None:
    """Write ``data`` to ``path`` by writing a temporary file beside it, then renaming it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = temp_path_for(path, token or str(os.getpid()))
    try:
        temp.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        os.replace(temp, path)
    finally:
        temp.unlink(missing_ok=True)


def move_atomic(source: Path, target: Path) -> None:
    """Move ``source`` onto ``target``, atomically when both are on one file system."""
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.replace(source, target)
    except OSError:
        shutil.move(source, target)


# Hidden temporary names of any run: ``.<name>.<token>.tmp`` (see temp_path_for).
_ANY_TEMP = re.compile(r"^\..+\.tmp$")


def remove_dead_leftovers(folder: Path) -> list[Path]:
    """Delete every temporary file or folder a run left anywhere under ``folder``; return them.

    Only for the holder of the folder's lock (:class:`reportbuild.outdir.OutputLock`): no other
    run is writing there, so every temporary name is a dead run's (one killed by SIGKILL, say).
    """
    if not folder.is_dir():
        return []
    leftovers = sorted(p for p in folder.rglob(".*.tmp") if _ANY_TEMP.match(p.name))
    for path in leftovers:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
    return leftovers


def remove_leftovers(folder: Path, token: str) -> list[Path]:
    """Delete the temporary files run ``token`` left anywhere under ``folder``; return them."""
    if not folder.is_dir():
        return []
    leftovers = [p for p in folder.rglob(f"*.{token}{TEMP_SUFFIX}") if p.is_file()]
    for path in leftovers:
        path.unlink(missing_ok=True)
    return leftovers
