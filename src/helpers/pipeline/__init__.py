"""The report pipeline behind ``render-reports``, one module per concern.

- :mod:`~helpers.pipeline.catalog`: which reports exist, province names, shards;
- :mod:`~helpers.pipeline.fingerprint`: content hashes and the manifest of what was rendered;
- :mod:`~helpers.pipeline.notebooks`: reading a notebook from ``.ipynb`` or its jupytext ``.py``;
- :mod:`~helpers.pipeline.html`: executed notebook to one self-contained, escaped HTML page;
- :mod:`~helpers.pipeline.worker`: executes and exports one report (runs in a worker process);
- :mod:`~helpers.pipeline.scheduler`: runs the workers in parallel, with progress and clean stops;
- :mod:`~helpers.pipeline.index`: ``index.html`` linking every report present;
- :mod:`~helpers.pipeline.files`: atomic writes.

The command line itself is :mod:`helpers.render`.
"""
