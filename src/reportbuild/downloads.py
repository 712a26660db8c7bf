"""CSV downloads beside the page, not inside it (issue 16, weight).

In JupyterLab a table's download is a ``data:text/csv`` link holding its rows
(:func:`helpers.display.csv_download`): the notebook stands alone. On a published page that
would make the page carry every row of every table, base64-encoded (a third more), whether the
reader wants them or not: 724 KB of the comparison's 1.7 MB, and 80 MB for a profile of 100,000
rows. So the renderer takes each download out of the page:

- its bytes go to ``downloads/<sha256 of the bytes, 16 hex>.csv`` beside the page, written
  atomically before the page that links it; the name follows the content, so a file is never
  rewritten with other bytes, pages in both languages share one file, and an older page still
  being read keeps working while a newer one is published;
- the link points there and keeps its ``download`` file name, so the saved file is named as
  before and is the same bytes (UTF-8 with a byte-order mark, for Excel);
- after a whole successful run, :func:`remove_unreferenced` deletes the files no page links any
  more; :func:`missing` lists the downloads of a page that are not there (the manifest's check
  renders such a page again).
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

from reportbuild.files import write_atomic

DOWNLOADS_DIR = "downloads"
_DATA_HREF = re.compile(r'href="data:text/csv;charset=utf-8;base64,([A-Za-z0-9+/=]*)"')
_FILE_HREF = re.compile(r'href="downloads/([0-9a-f]{16})\.csv"')


def file_name(data: bytes) -> str:
    """The download's file name under ``downloads/``: its content's sha256, 16 hex digits."""
    return f"{hashlib.sha256(data).hexdigest()[:16]}.csv"


def split(page: str) -> tuple[str, dict[str, bytes]]:
    """``page`` with every embedded CSV download replaced by a link to its file, and the files
    (name under ``downloads/`` → bytes)."""
    files: dict[str, bytes] = {}

    def link(match: re.Match) -> str:
        data = base64.b64decode(match.group(1))
        name = file_name(data)
        files[name] = data
        return f'href="{DOWNLOADS_DIR}/{name}"'

    return _DATA_HREF.sub(link, page), files


def write(out_dir: Path, files: dict[str, bytes], token: str = "") -> None:
    """Write the files under ``out_dir/downloads/`` (each atomically; one already there with
    the right bytes is left alone)."""
    folder = out_dir / DOWNLOADS_DIR
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in sorted(files.items()):
        path = folder / name
        if (
            path.is_file()
            and path.stat().st_size == len(data)
            and file_name(path.read_bytes()) == name
        ):
            continue
        write_atomic(path, data, token)


def linked(page: str) -> set[str]:
    """The names of the download files a published page links."""
    return set(m + ".csv" for m in _FILE_HREF.findall(page))


def missing(out_dir: Path, page: str) -> list[str]:
    """The downloads ``page`` links that are absent from ``out_dir`` or hold other bytes."""
    out = []
    for name in sorted(linked(page)):
        path = out_dir / DOWNLOADS_DIR / name
        try:
            if file_name(path.read_bytes()) != name:
                out.append(name)
        except OSError:
            out.append(name)
    return out


def remove_unreferenced(out_dir: Path) -> list[Path]:
    """Delete the download files no page of ``out_dir`` links any more; the removed paths."""
    folder = out_dir / DOWNLOADS_DIR
    if not folder.is_dir():
        return []
    wanted: set[str] = set()
    for page in out_dir.glob("*.html"):
        wanted |= linked(page.read_text(encoding="utf-8", errors="replace"))
    removed = []
    for path in sorted(folder.glob("*.csv")):
        if path.name not in wanted:
            path.unlink(missing_ok=True)
            removed.append(path)
    return removed
