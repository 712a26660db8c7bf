"""Reading a report's notebook: the committed ``.ipynb``, or its jupytext ``.py`` when alone.

In this project ``notebooks/NN-name.py`` (jupytext py:percent) is the source of truth and the
paired ``.ipynb`` is committed without outputs. Both are accepted; when both exist and their
cells differ, the ``.py`` wins and a warning says to run ``jupytext --sync``.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import nbformat


class NotebookNotFoundError(FileNotFoundError):
    """Neither ``<stem>.ipynb`` nor ``<stem>.py`` exists in the notebooks folder."""


def read_notebook(notebooks_dir: Path, stem: str) -> nbformat.NotebookNode:
    """The notebook ``stem`` from ``notebooks_dir``, with stable cell ids (see module doc)."""
    ipynb, script = notebooks_dir / f"{stem}.ipynb", notebooks_dir / f"{stem}.py"
    if script.is_file():
        nb = _read_jupytext(script)
        if ipynb.is_file() and _sources(nb) != _sources(nbformat.read(ipynb, as_version=4)):
            warnings.warn(
                f"{ipynb} is out of sync with {script.name}; rendering from {script.name}. "
                f"Run `jupytext --sync {script}` and commit both.",
                stacklevel=2,
            )
    elif ipynb.is_file():
        nb = nbformat.read(ipynb, as_version=4)
    else:
        raise NotebookNotFoundError(
            f"no notebook {stem!r} in {notebooks_dir}: expected {ipynb.name} or {script.name}"
        )
    return with_stable_ids(nb)


def with_stable_ids(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Give every cell the id ``cell-<position>``.

    Ids otherwise come from random uuids (jupytext conversion, the cell papermill injects),
    and they appear in the HTML as anchors: stable ids keep re-renders byte-identical.
    """
    for position, cell in enumerate(nb.cells):
        cell["id"] = f"cell-{position}"
    return nb


def _read_jupytext(script: Path) -> nbformat.NotebookNode:
    import jupytext

    nb = jupytext.read(script, fmt="py:percent")
    nb.metadata.setdefault(
        "kernelspec", {"name": "python3", "display_name": "Python 3", "language": "python"}
    )
    return nb


def _sources(nb: nbformat.NotebookNode) -> list[tuple[str, str]]:
    return [(cell.cell_type, cell.source.strip()) for cell in nb.cells]
