"""Weight, phone screens and elements of every rendered page, against issue 16's budgets.

    .venv/bin/python benchmarks/page_budget.py            # reports/ (make reports first)
    .venv/bin/python benchmarks/page_budget.py some/folder --check

A thin front to :mod:`reportbuild.budget` (which ``tests/test_browser.py`` also uses): every page
at most 300 KB with what it loads at 390 px, a profile at most 15 phone screens, the comparison
at most 25.
"""

from __future__ import annotations

import sys
from pathlib import Path

from reportbuild.budget import main

if __name__ == "__main__":
    args = sys.argv[1:] or [str(Path(__file__).resolve().parent.parent / "reports")]
    sys.exit(main(args))
