"""The output folder: usable before any kernel starts, and written by one run at a time.

- :func:`check_output_folder` fails early, with one clear sentence, when ``--out`` is a file, lies
  under a file, cannot be written, or sits on a file system without room for the reports;
- :class:`OutputLock` lets one ``render-reports`` write into a folder at a time. The lock file
  (``<out>/.render.lock``) says who holds it (pid, host, start time, command); the lock itself is
  an ``flock`` on that file, which the kernel releases when its holder dies, even by SIGKILL, so a
  lock left behind by a dead run is taken over, saying so.
"""

from __future__ import annotations

import errno
import fcntl
import json
import os
import shutil
import socket
import sys
import time
from pathlib import Path

LOCK_NAME = ".render.lock"
# Room a render needs: the largest report is under 2 MB, its executed notebook about as much,
# plus the copy of the data; generous, so that a disk is never filled to the last byte.
BYTES_PER_REPORT = 8 * 2**20
BYTES_BASE = 16 * 2**20
WRITE_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EROFS, errno.EACCES, errno.EPERM}


class OutputFolderError(Exception):
    """The output folder cannot be used; the message says why and what to do."""


def check_output_folder(out_dir: Path, reports: int) -> None:
    """Create ``out_dir`` if needed and check that ``reports`` reports can be written there.

    Raises :class:`OutputFolderError` naming the folder, what is wrong and what would be right.
    """
    for parent in [out_dir, *out_dir.parents]:
        if parent.exists() and not parent.is_dir():
            what = "is a file" if parent == out_dir else f"lies under {parent}, which is a file"
            raise OutputFolderError(
                f"output folder {out_dir} {what}; pass --out a folder (it is created if missing)"
            )
        if parent.exists():
            break
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        _probe(out_dir)
    except OSError as error:
        raise OutputFolderError(
            f"cannot write into the output folder {out_dir}: {_reason(error)}; pass --out a "
            "folder you can write to"
        ) from None
    needed = BYTES_BASE + BYTES_PER_REPORT * reports
    free = shutil.disk_usage(out_dir).free
    if free < needed:
        raise OutputFolderError(
            f"only {free / 2**20:.0f} MB free on the file system of {out_dir}; rendering "
            f"{reports} report(s) needs about {needed / 2**20:.0f} MB: free some space or pass "
            "--out a folder on another disk"
        )


def check_not_an_input(out_dir: Path, inputs: dict[str, Path]) -> None:
    """Refuse an output folder that is, lies inside, or contains one of the ``inputs`` (what →
    folder): rendering there would write pages and a copy of the data among what is read, or
    replace it. Raises :class:`OutputFolderError`."""
    out = out_dir.resolve()
    for what, folder in inputs.items():
        folder = folder.resolve()
        if out == folder:
            relation = "is"
        elif folder in out.parents:
            relation = "lies inside"
        elif out in folder.parents:
            relation = "contains"
        else:
            continue
        raise OutputFolderError(
            f"output folder {out_dir} {relation} the {what} folder {folder}; rendering there "
            "would write among the files a run reads: pass --out a folder apart from them "
            "(the default is reports/)"
        )


def _probe(folder: Path) -> None:
    """Write, read back and delete a small file in ``folder`` (raises OSError if impossible)."""
    probe = folder / f".write-test-{os.getpid()}"
    try:
        probe.write_bytes(b"render-reports write test\n")
    finally:
        probe.unlink(missing_ok=True)


def _reason(error: OSError) -> str:
    return error.strerror or str(error) if isinstance(error, OSError) else str(error)


def is_write_failure(error: BaseException) -> bool:
    """True for the errors of a folder that cannot take more data (full, read-only, too big)."""
    return isinstance(error, OSError) and error.errno in WRITE_ERRNOS


class OutputLockedError(Exception):
    """Another run holds the output folder's lock; the message says which and what to do."""


class OutputLock:
    """One run per output folder (see the module doc). Use as a context manager."""

    def __init__(self, out_dir: Path):
        self.path = out_dir / LOCK_NAME
        self._handle = None
        self.took_over: dict | None = None  # the holder of a stale lock, when one was taken over

    def acquire(self) -> OutputLock:
        while True:
            handle = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115 (held until release)
            try:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                holder = _read_holder(handle)
                handle.close()
                raise OutputLockedError(_locked_message(self.path.parent, holder)) from None
            if _same_file(handle, self.path):
                break
            handle.close()  # the previous holder removed the file meanwhile: lock the new one
        previous = _read_holder(handle)
        self.took_over = previous or None
        handle.seek(0)
        handle.truncate()
        handle.write(json.dumps(_me(), ensure_ascii=False) + "\n")
        handle.flush()
        self._handle = handle
        return self

    def release(self) -> None:
        if self._handle is None:
            return
        try:
            self.path.unlink(missing_ok=True)
        finally:
            self._handle.close()  # closing releases the flock
            self._handle = None

    def stale_message(self) -> str:
        """What was taken over, for the user, or "" when the folder was free."""
        if not self.took_over:
            return ""
        holder = self.took_over
        return (
            f"taking over the lock of {self.path.parent}: it was left by render-reports pid "
            f"{holder.get('pid', '?')} on {holder.get('host', '?')} (started "
            f"{holder.get('started', '?')}), which is no longer running"
        )

    def __enter__(self) -> OutputLock:
        return self.acquire()

    def __exit__(self, *exc) -> None:
        self.release()


def _me() -> dict:
    return {
        "pid": os.getpid(),
        "host": socket.gethostname(),
        "started": time.strftime("%Y-%m-%d %H:%M:%S %z"),
        "command": " ".join(sys.argv),
    }


def _read_holder(handle) -> dict:
    try:
        handle.seek(0)
        holder = json.loads(handle.read() or "{}")
    except (OSError, ValueError):
        return {}
    return holder if isinstance(holder, dict) else {}


def _same_file(handle, path: Path) -> bool:
    try:
        return os.fstat(handle.fileno()).st_ino == path.stat().st_ino
    except FileNotFoundError:
        return False


def _locked_message(out_dir: Path, holder: dict) -> str:
    who = (
        f"render-reports pid {holder.get('pid', '?')} on {holder.get('host', '?')}, started "
        f"{holder.get('started', '?')}"
        if holder
        else "another render-reports"
    )
    return (
        f"{out_dir} is being written by {who}; wait for it to finish, or pass --out another "
        f"folder (the lock is {out_dir / LOCK_NAME}, released when that run ends)"
    )
