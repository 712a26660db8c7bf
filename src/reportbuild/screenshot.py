"""PNG screenshots of rendered pages at desktop and phone width, with headless Chromium.

    python -m reportbuild.screenshot reports/profile-thai-nguyen.html docs/
    python -m reportbuild.screenshot reports/*.html /tmp/shots --full-page

writes ``<folder>/<page>-desktop.png`` (1280 px wide) and ``<folder>/<page>-phone.png`` (390 px,
2× pixels, as a phone shows it): the first screen by default, the whole page with
``--full-page``. Playwright drives the system's Chromium (Debian's ``chromium`` package; the
environment variable ``CHROMIUM`` names another binary); Playwright's own browser download is
never used. The tests drive the browser through :func:`browser` too.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@dataclass(frozen=True)
class Width:
    """A viewport the pages are checked and shot at."""

    name: str
    width: int
    height: int
    scale: int  # device pixels per CSS pixel
    mobile: bool


DESKTOP = Width("desktop", 1280, 900, 1, False)
PHONE = Width("phone", 390, 844, 2, True)
WIDTHS = (DESKTOP, PHONE)


def chromium_path() -> str:
    """The Chromium binary: ``$CHROMIUM``, else ``chromium`` on the PATH, else /usr/bin/chromium."""
    return (
        os.environ.get("CHROMIUM")
        or shutil.which("chromium")
        or shutil.which("chromium-browser")
        or "/usr/bin/chromium"
    )


@contextmanager
def browser() -> Iterator[object]:
    """A headless system Chromium driven by Playwright (closed on exit)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=chromium_path(), args=CHROMIUM_ARGS, headless=True
        )
        try:
            yield chromium
        finally:
            chromium.close()


def new_page(chromium, width: Width):
    """A fresh page (own context) at ``width``; offline, so no other host can be reached."""
    context = chromium.new_context(
        viewport={"width": width.width, "height": width.height},
        device_scale_factor=width.scale,
        is_mobile=width.mobile,
        has_touch=width.mobile,
        offline=True,
    )
    return context.new_page()


def screenshots(
    pages: Sequence[Path], folder: Path, full_page: bool = False, widths=WIDTHS
) -> list[Path]:
    """Write a PNG per page and width into ``folder``; return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    with browser() as chromium:
        for width in widths:
            page = new_page(chromium, width)
            for path in pages:
                page.goto(path.resolve().as_uri(), wait_until="load")
                target = folder / f"{path.stem}-{width.name}.png"
                page.screenshot(path=str(target), full_page=full_page)
                written.append(target)
            page.context.close()
    return written


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m reportbuild.screenshot",
        description="Screenshots of rendered pages at desktop (1280 px) and phone (390 px) width.",
    )
    parser.add_argument("pages", nargs="+", type=Path, help="HTML files, then the output folder")
    parser.add_argument("--full-page", action="store_true", help="the whole page, not one screen")
    args = parser.parse_args(argv)
    if len(args.pages) < 2:
        parser.error("give at least one HTML file and the folder to write the PNGs into")
    *pages, folder = args.pages
    missing = [str(p) for p in pages if not p.is_file()]
    if missing:
        parser.error(f"no such page: {', '.join(missing)}")
    if not Path(chromium_path()).is_file():
        parser.error(
            f"Chromium not found at {chromium_path()}: apt-get install -y chromium, "
            "or set CHROMIUM to its path"
        )
    for path in screenshots(pages, folder, full_page=args.full_page):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
