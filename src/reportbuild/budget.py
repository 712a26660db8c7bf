"""What a page costs a reader on a phone: its weight, its length in screens, its size in nodes.

    python -m reportbuild.budget reports/            # every page of a rendered folder
    python -m reportbuild.budget reports/*.html --check

For each page, headless Chromium opens it at 390 px (the phone of :mod:`reportbuild.screenshot`)
and measures:

- **weight**: the HTML file's bytes plus the bytes of every image the page holds (the charts
  are files beside it: all of them count, shown or folded; a CSV download is fetched only
  when tapped, so it does not);
- **screens**: the page's height divided by the phone screen's (844 CSS px), with folded
  ``<details>`` left folded, as a reader first sees them;
- **nodes**: the number of elements.

The budgets (issue 16): every page at most :data:`MAX_BYTES`; a province profile at most
:data:`MAX_SCREENS` ``["profile"]`` screens and the comparison at most ``["compare"]``.
``--check`` exits 1 when a page is over its budget.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

MAX_BYTES = 300 * 1024
MAX_SCREENS = {"profile": 15, "compare": 25}

MEASURE_JS = """
() => ({
  height: document.documentElement.scrollHeight,
  screen: window.innerHeight,
  nodes: document.getElementsByTagName('*').length,
  // every image of the page, shown or folded (file:// loads leave no performance entries)
  resources: [...document.images].map(i => i.currentSrc || i.src),
})
"""


@dataclass(frozen=True)
class Measure:
    """One page as a phone sees it."""

    page: Path
    html_bytes: int
    resource_bytes: int
    screens: float
    nodes: int

    @property
    def kind(self) -> str | None:
        """``profile`` or ``compare`` for pages with a screen budget, else None."""
        name = self.page.name
        return next((k for k in MAX_SCREENS if name.startswith(f"{k}-")), None)

    @property
    def weight(self) -> int:
        return self.html_bytes + self.resource_bytes

    def problems(self) -> list[str]:
        """What is over budget, one sentence each."""
        out = []
        if self.weight > MAX_BYTES:
            out.append(
                f"{self.page.name}: {self.weight / 1024:.0f} KB, over {MAX_BYTES // 1024} KB"
            )
        limit = MAX_SCREENS.get(self.kind or "")
        if limit is not None and self.screens > limit:
            out.append(f"{self.page.name}: {self.screens:.1f} phone screens, over {limit}")
        return out


def _local_size(url: str) -> int:
    parsed = urlparse(url)
    if parsed.scheme != "file":
        return 0
    path = Path(unquote(parsed.path))
    return path.stat().st_size if path.is_file() else 0


def measure(pages: Sequence[Path], chromium=None) -> list[Measure]:
    """:class:`Measure` of each page, at the phone width of :mod:`reportbuild.screenshot`, in
    ``chromium`` (a Playwright browser already open) or in one opened here."""
    from contextlib import nullcontext

    from reportbuild.screenshot import PHONE, browser, new_page

    out = []
    with nullcontext(chromium) if chromium is not None else browser() as chromium:
        for path in pages:
            page = new_page(chromium, PHONE)
            page.goto(path.resolve().as_uri(), wait_until="load")
            seen = page.evaluate(MEASURE_JS)
            page.context.close()
            own = path.resolve().as_uri()
            loaded = {u for u in seen["resources"] if u != own}  # each file once
            out.append(
                Measure(
                    page=path,
                    html_bytes=path.stat().st_size,
                    resource_bytes=sum(_local_size(u) for u in loaded),
                    screens=seen["height"] / seen["screen"],
                    nodes=seen["nodes"],
                )
            )
    return out


def table(measures: Sequence[Measure]) -> str:
    """The measures as a fixed-width table with each page's budget."""
    lines = [
        f"{'page':36} {'KB':>6} {'≤KB':>5} {'screens':>8} {'≤':>4} {'nodes':>6}",
    ]
    for m in measures:
        limit = MAX_SCREENS.get(m.kind or "")
        lines.append(
            f"{m.page.name:36} {m.weight / 1024:6.0f} {MAX_BYTES // 1024:5d} {m.screens:8.1f} "
            f"{'' if limit is None else limit:>4} {m.nodes:6d}"
        )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m reportbuild.budget",
        description="Weight, phone screens and nodes of rendered pages, against their budgets.",
    )
    parser.add_argument("pages", nargs="+", type=Path, help="HTML files, or a rendered folder")
    parser.add_argument("--check", action="store_true", help="exit 1 when a page is over budget")
    args = parser.parse_args(argv)
    pages: list[Path] = []
    for given in args.pages:
        if given.is_dir():
            pages.extend(sorted(given.glob("*.html")))
        elif given.is_file():
            pages.append(given)
        else:
            parser.error(f"no such page or folder: {given}")
    if not pages:
        parser.error("no HTML pages found")
    measures = measure(pages)
    print(table(measures))
    problems = [p for m in measures for p in m.problems()]
    for problem in problems:
        print(f"over budget: {problem}")
    if not problems:
        print("every page within its budget")
    return 1 if (problems and args.check) else 0


if __name__ == "__main__":
    sys.exit(main())
