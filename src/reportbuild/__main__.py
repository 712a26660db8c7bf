"""``python -m reportbuild`` is ``render-reports``."""

import sys

from reportbuild.cli import main

sys.exit(main())
