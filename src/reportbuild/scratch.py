"""One temporary folder per run, removed when the run ends, and what dead runs left removed.

A run keeps every temporary file of its own under one folder, ``<tmp>/render-reports-<pid>-*``:
the snapshot of the data the kernels read, and, because ``TMPDIR`` points there for the workers
and kernels it starts, the kernels' connection files (which hold an HMAC key) and anything a
notebook writes with :mod:`tempfile`. The folder holds ``.owner.lock``, ``flock``-ed while the run
lives; the kernel releases that lock when the run dies, even by SIGKILL, so the next run knows
the folder is a dead run's and removes it (:func:`remove_dead_folders`).
"""

from __future__ import annotations

import fcntl
import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

PREFIX = "render-reports-"
LEGACY_PREFIX = "render-data-"  # the data snapshots of earlier versions, which had no owner
OWNER = ".owner.lock"
YOUNG_S = 600  # a folder without its lock file this young may be another run's, being made


class ScratchError(OSError):
    """The temporary folder could not be made or filled; the message says what to do."""


@contextmanager
def run_folder(base: Path | None = None) -> Iterator[Path]:
    """This run's temporary folder, with ``TMPDIR`` pointing at it until the block ends."""
    base = Path(base or tempfile.gettempdir())
    remove_dead_folders(base)
    try:
        folder = Path(tempfile.mkdtemp(prefix=f"{PREFIX}{os.getpid()}-", dir=base))
        handle = open(folder / OWNER, "w", encoding="utf-8")  # noqa: SIM115 (held until the end)
    except OSError as error:
        raise ScratchError(error.errno, no_room(base, error)) from None
    fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    handle.write(f"{os.getpid()}\n")
    handle.flush()
    previous = os.environ.get("TMPDIR")
    os.environ["TMPDIR"] = str(folder)
    tempfile.tempdir = None  # read TMPDIR again
    try:
        yield folder
    finally:
        if previous is None:
            os.environ.pop("TMPDIR", None)
        else:
            os.environ["TMPDIR"] = previous
        tempfile.tempdir = None
        handle.close()
        shutil.rmtree(folder, ignore_errors=True)


def remove_dead_folders(base: Path) -> list[Path]:
    """Remove the temporary folders of runs that died (their lock is free); return them."""
    removed = []
    for folder in sorted(base.glob(f"{PREFIX}*")) + sorted(base.glob(f"{LEGACY_PREFIX}*")):
        if folder.is_dir() and _is_dead(folder):
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    return removed


def _is_dead(folder: Path) -> bool:
    try:
        handle = open(folder / OWNER, encoding="utf-8")  # noqa: SIM115
    except OSError:
        try:
            return time.time() - folder.stat().st_mtime > YOUNG_S
        except OSError:
            return False
    with handle:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True


def no_room(folder: Path, error: BaseException) -> str:
    """One sentence for a temporary folder that cannot take the run's files."""
    reason = getattr(error, "strerror", None) or _first_reason(error)
    return (
        f"cannot write the run's temporary files into {folder}: {reason}; free some space "
        "there, or set TMPDIR to a folder with room"
    )


def _first_reason(error: BaseException) -> str:
    if isinstance(error, shutil.Error) and error.args and isinstance(error.args[0], list):
        first = error.args[0][0] if error.args[0] else None
        if first and len(first) == 3:
            return str(first[2])
    return str(error)
