"""CSV downloads and chart images beside the page, not inside it (issue 16, weight).

The charts' PNGs are taken out the same way, to ``images/<sha256, 16 hex>.png``: as files they
are a third smaller than as base64 inside the HTML, and shared by the pages in both languages
when identical.


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
IMAGES_DIR = "images"
# (folder, attribute, embedded form, file suffix) of each kind of file taken out of a page:
# the CSV downloads, and the charts' PNGs (a third smaller as files than as base64).
KINDS = (
    (DOWNLOADS_DIR, "href", "data:text/csv;charset=utf-8;base64,", ".csv"),
    (IMAGES_DIR, "src", "data:image/png;base64,", ".png"),
)
_FILE_LINK = re.compile(r'(?:href|src)="((?:downloads|images)/[0-9a-f]{16}\.(?:csv|png))"')


def file_name(data: bytes, suffix: str = ".csv") -> str:
    """A file's name in its folder: its content's sha256, 16 hex digits, and its suffix."""
    return f"{hashlib.sha256(data).hexdigest()[:16]}{suffix}"


def split(page: str) -> tuple[str, dict[str, bytes]]:
    """``page`` with every embedded CSV download and PNG chart replaced by a link to its file,
    and the files (path under the pages' folder, ``downloads/….csv`` or ``images/….png``, →
    bytes)."""
    files: dict[str, bytes] = {}
    for folder, attribute, prefix, suffix in KINDS:
        pattern = re.compile(f'{attribute}="{re.escape(prefix)}([A-Za-z0-9+/=]*)"')

        def link(match: re.Match, folder=folder, attribute=attribute, suffix=suffix) -> str:
            data = base64.b64decode(match.group(1))
            path = f"{folder}/{file_name(data, suffix)}"
            files[path] = data
            return f'{attribute}="{path}"'

        page = pattern.sub(link, page)
    return page, files


def _holds(path: Path) -> bool:
    """True when the file at ``path`` holds the bytes its name says."""
    try:
        return file_name(path.read_bytes(), path.suffix) == path.name
    except OSError:
        return False


def write(out_dir: Path, files: dict[str, bytes], token: str = "") -> None:
    """Write the files under ``out_dir`` (each atomically; one already there with the right
    bytes is left alone)."""
    for relative, data in sorted(files.items()):
        path = out_dir / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.is_file() and path.stat().st_size == len(data) and _holds(path):
            continue
        write_atomic(path, data, token)


def linked(page: str) -> set[str]:
    """The files (``downloads/….csv``, ``images/….png``) a published page links."""
    return set(_FILE_LINK.findall(page))


def missing(out_dir: Path, page: str) -> list[str]:
    """The files ``page`` links that are absent from ``out_dir`` or hold other bytes."""
    return [relative for relative in sorted(linked(page)) if not _holds(out_dir / relative)]


def remove_unreferenced(out_dir: Path) -> list[Path]:
    """Delete the files no page of ``out_dir`` links any more; the removed paths."""
    wanted: set[str] = set()
    for page in out_dir.glob("*.html"):
        wanted |= linked(page.read_text(encoding="utf-8", errors="replace"))
    removed = []
    for folder, _, _, suffix in KINDS:
        for path in sorted((out_dir / folder).glob(f"*{suffix}")):
            if f"{folder}/{path.name}" not in wanted:
                path.unlink(missing_ok=True)
                removed.append(path)
    return removed
