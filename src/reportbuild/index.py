"""``index.html``: one page linking every report present in the output folder.

The index is built from the HTML files themselves (their ``<title>`` and the ``report-kind`` /
``report-province`` meta tags the template writes), not from a record of the last run, so that
it can be assembled from reports rendered by different CI jobs (``render-reports --index-only``).
"""

from __future__ import annotations

import html
import subprocess
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from helpers import __version__, config
from helpers.geo import fold_name
from reportbuild import catalog
from reportbuild.files import executed_path, write_atomic
from reportbuild.fingerprint import data_version

INDEX_NAME = "index.html"
SHORT_HASH = 12


@dataclass(frozen=True)
class Entry:
    """One report found in the output folder."""

    file_name: str
    title: str
    kind: str
    province: str
    executed_name: str  # path of the executed notebook relative to the folder, or ""


def index_entries(out_dir: Path) -> list[Entry]:
    """The reports in ``out_dir``: profiles first (by province), then the other kinds in order."""
    entries = [
        _entry_of(path, out_dir)
        for path in sorted(out_dir.glob("*.html"))
        if path.name != INDEX_NAME
    ]
    kind_order = {name: position for position, name in enumerate(catalog.load().kinds)}
    return sorted(
        entries,
        key=lambda e: (kind_order.get(e.kind, len(kind_order)), fold_name(e.province), e.file_name),
    )


def code_version() -> str:
    """``git describe`` of the project (``-dirty`` when modified), else the package version."""
    try:
        described = subprocess.run(
            ["git", "describe", "--always", "--dirty", "--tags"],
            cwd=config.PROJECT_ROOT,
            capture_output=True,
            text=True,
            timeout=10,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        described = ""
    return described or f"v{__version__}"


def write_index(out_dir: Path, data_dir: Path | None = None) -> Path:
    """Write ``out_dir/index.html`` for the reports present there; return its path."""
    path = out_dir / INDEX_NAME
    page = index_page(index_entries(out_dir), data_version(data_dir)[:SHORT_HASH], code_version())
    write_atomic(path, page)
    return path


def index_page(entries: list[Entry], data_hash: str, code: str) -> str:
    """The index as a small self-contained HTML page."""
    profiles = [e for e in entries if e.kind == "profile"]
    others = [e for e in entries if e.kind != "profile"]
    sections = []
    if profiles:
        sections.append(_section("Province profiles", profiles, by_province=True))
    if others:
        sections.append(_section("Across provinces", others, by_province=False))
    if not entries:
        sections.append("<p>No report has been rendered yet: run <code>make reports</code>.</p>")
    body = "\n".join(sections)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Reports: Vietnam's sustainable poverty-reduction programme, 2021–2025</title>
<style>
body {{ font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; line-height: 1.5;
  max-width: 44rem; margin: 0 auto; padding: 1rem clamp(0.75rem, 4vw, 2rem); color: #1a1a1a; }}
h1 {{ font-size: 1.5rem; }} h2 {{ font-size: 1.15rem; margin-top: 1.5rem; }}
ul {{ padding-left: 1.2rem; }} li {{ margin: 0.35rem 0; }}
.aside {{ color: #555; font-size: 0.9em; }}
footer {{ margin-top: 2rem; border-top: 1px solid #ddd; padding-top: 0.5rem; color: #555;
  font-size: 0.9em; }}
code {{ overflow-wrap: anywhere; }}
</style>
</head>
<body>
<main>
<h1>Reports on Vietnam's sustainable poverty-reduction programme, 2021–2025</h1>
{body}
</main>
<footer>
<p>Data version <code>{html.escape(data_hash)}</code> (sha256 of the data files) ·
code version <code>{html.escape(code)}</code></p>
</footer>
</body>
</html>
"""


def _section(heading: str, entries: list[Entry], by_province: bool) -> str:
    items = []
    for entry in entries:
        label = entry.province if by_province and entry.province else entry.title
        link = f'<a href="{html.escape(entry.file_name)}">{html.escape(label)}</a>'
        if entry.executed_name:
            link += (
                f' <span class="aside">(<a href="{html.escape(entry.executed_name)}">'
                "executed notebook</a>)</span>"
            )
        items.append(f"<li>{link}</li>")
    return f"<h2>{html.escape(heading)}</h2>\n<ul>\n" + "\n".join(items) + "\n</ul>"


def _entry_of(path: Path, out_dir: Path) -> Entry:
    head = _Head.of(path.read_text(encoding="utf-8", errors="replace"))
    executed = executed_path(out_dir, path.stem)
    return Entry(
        file_name=path.name,
        title=head.title or path.stem,
        kind=head.meta.get("report-kind", ""),
        province=head.meta.get("report-province", ""),
        executed_name=executed.relative_to(out_dir).as_posix() if executed.is_file() else "",
    )


class _Head(HTMLParser):
    """The ``<title>`` and the named ``<meta>`` tags of a page's head, attributes in any order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.title = ""
        self.meta: dict[str, str] = {}
        self._in_title = False
        self._done = False

    @classmethod
    def of(cls, page: str) -> _Head:
        parser = cls()
        parser.feed(page[: page.find("</head>") + 7] if "</head>" in page else page)
        return parser

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "meta" and attributes.get("name"):
            self.meta[attributes["name"]] = (attributes.get("content") or "").strip()
        self._in_title = tag == "title"

    def handle_endtag(self, tag):
        self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data
