"""How the dataset and one report scale with many rows: the 100,000-row case of issue 17.

``data/`` is copied to a temporary folder (``data/`` itself is never touched) and ``--rows``
valid observations are added to the copy: clones of one printed observation of ``--province``,
each a made-up part of a split the schema knows (``breakdown_by`` "participant group",
``breakdown`` "benchmark part N"), so that no two record the same figure. Then, each in its
own process, with its wall time and peak memory (the sum of the resident memory of the process
tree, sampled every 0.1 s):

1. ``load_dataset()`` of the copy;
2. ``render-reports`` of the profile of ``--render`` (default: the province the rows were added
   to; one language), into a fresh folder, stopped after ``--timeout`` seconds;

and the size of the page and of its largest embedded image (a chart drawing every row ran to
248 megapixels before charts were capped; see ``helpers.chart_limits``). Figures to record, not
a test.

    .venv/bin/python benchmarks/bench_scale.py                    # 100,000 rows, bac-kan, en
    .venv/bin/python benchmarks/bench_scale.py --rows 10000 --province ha-giang
    .venv/bin/python benchmarks/bench_scale.py --render tuyen-quang   # rows on a page not drawn

Measured (issue 17, 2 shared cores): with the 100,000 rows on the page rendered, the profile
does not finish: its tables hold a row, with its evidence, per figure, and each evidence looks
its rows up in the whole observations table (display.evidence_html), so the page's time grows
with the square of the rows. Charts are capped (helpers.chart_limits); tables are not yet.
"""

from __future__ import annotations

import argparse
import base64
import csv
import re
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_render import BIN, timed  # noqa: E402

from helpers import config  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as folder:
        scratch = Path(folder)
        data = scratch / "data"
        shutil.copytree(args.data, data, ignore=shutil.ignore_patterns(".*", "__pycache__"))
        template = add_rows(data / "observations.csv", args.province, args.rows)
        print(f"{args.rows:,} rows added to a copy of {args.data}, cloned from {template}")
        env = {**__import__("os").environ, "GN_DATA_DIR": str(data)}
        load = timed(
            [sys.executable, "-c", "from helpers.load import load_dataset; load_dataset()"], env
        )
        out = scratch / "reports"
        rendered = args.render or args.province
        command = [
            "timeout", "-s", "INT", str(args.timeout),
            str(BIN / "render-reports"), "--out", str(out), "--report", "profile",
            "--province", rendered, "--language", args.language, "--jobs", "1",
            "--no-progress", "--force",
        ]  # fmt: skip
        render = timed(command, env)
        if render.returncode in (124, 130):
            print(f"render-reports did not finish within {args.timeout} s: stopped")
        suffix = "" if args.language == "en" else "." + args.language
        page = out / f"profile-{rendered}{suffix}.html"
        print(f"{'phase':28} {'seconds':>8} {'peak MB':>8} {'exit':>5}")
        for name, timing in (("load_dataset()", load), (f"render-reports ({rendered})", render)):
            print(
                f"{name:28} {timing.seconds:8.1f} {timing.peak_tree_mb:8.0f} {timing.returncode:5}"
            )
        if page.is_file():
            html = page.read_text(encoding="utf-8")
            print(f"page {page.name}: {len(html.encode()) / 2**20:.1f} MB")
            print(f"largest chart: {largest_image_megapixels(html):.1f} megapixels")
        else:
            print(f"page {page.name} was not written")
        return 0 if load.returncode == 0 and render.returncode == 0 else 1


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=100_000, help="rows to add (default 100,000)")
    parser.add_argument("--province", default="bac-kan", help="geography id (default bac-kan)")
    parser.add_argument(
        "--render", help="geography id of the profile rendered (default: the rows' province)"
    )
    parser.add_argument("--timeout", type=int, default=600, help="seconds the render may take")
    parser.add_argument("--language", default="en", choices=["en", "vi"])
    parser.add_argument("--data", type=Path, default=config.data_dir(), help="data to copy")
    return parser


def add_rows(observations: Path, province: str, count: int) -> str:
    """Append ``count`` valid clones of one printed, single-valued observation of ``province``;
    return the id of the row cloned."""
    with observations.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        fields, rows = reader.fieldnames, list(reader)
    template = next(
        r
        for r in rows
        if r["geography_id"] == province
        and not r["formula"]
        and not r["breakdown_by"]
        and r["qualifier"] == "exact"
        and r["kind"] == "actual"
    )
    with observations.open("a", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields, lineterminator="\n")
        for number in range(count):
            writer.writerow(
                {
                    **template,
                    "observation_id": f"bench-{number:06d}-001",
                    "breakdown_by": "participant group",
                    "breakdown": f"benchmark part {number:06d}",
                }
            )
    return template["observation_id"]


def largest_image_megapixels(html: str) -> float:
    """Width × height, in millions of pixels, of the largest PNG embedded in ``html``."""
    largest = 0
    for payload in re.findall(r"data:image/png;base64,([A-Za-z0-9+/=]+)", html):
        head = base64.b64decode(payload[:40])
        width, height = int.from_bytes(head[16:20], "big"), int.from_bytes(head[20:24], "big")
        largest = max(largest, width * height)
    return largest / 1e6


if __name__ == "__main__":
    sys.exit(main())
