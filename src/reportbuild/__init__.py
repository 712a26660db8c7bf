"""``reportbuild``: the notebooks and the data, rendered into the HTML reports people read.

A tool beside the notebook helpers, not part of them: ``helpers`` is what the notebooks import
inside their kernels; ``reportbuild`` runs the notebooks and never runs inside them. One module
per concern:

- :mod:`~reportbuild.cli`: the ``render-reports`` command;
- :mod:`~reportbuild.catalog`: the list of reports, read from ``notebooks/reports.yml``;
- :mod:`~reportbuild.fingerprint`: content hashes and the manifest of what was rendered;
- :mod:`~reportbuild.outdir`: the output folder: checked before any kernel, one run at a time;
- :mod:`~reportbuild.notebooks`: reading a notebook from ``.ipynb`` or its jupytext ``.py``;
- :mod:`~reportbuild.sanitize`: what HTML from cell outputs may keep;
- :mod:`~reportbuild.html`: executed notebook to one self-contained page with its chrome;
- :mod:`~reportbuild.kernel`: one kernel for several reports, reset between them;
- :mod:`~reportbuild.worker`: executes and exports reports (runs in a worker process);
- :mod:`~reportbuild.scheduler`: runs the workers in parallel, with progress and clean stops;
- :mod:`~reportbuild.durations`: how long each report took last time, for the order to start them;
- :mod:`~reportbuild.index`: ``index.html`` linking every report present and the dataset;
- :mod:`~reportbuild.versions`: data version, code version, date of the data (the page stamp);
- :mod:`~reportbuild.files`: atomic writes;
- :mod:`~reportbuild.checks`: checks on rendered pages, shared with the tests;
- :mod:`~reportbuild.screenshot`: PNGs of a page at desktop and phone width.
"""
