"""Committed notebooks: paired with their py:percent text, without outputs, parameters tagged."""

import jupytext
import nbformat
import pytest

from helpers.config import NOTEBOOKS_DIR

PAIRS = sorted(NOTEBOOKS_DIR.glob("[0-9][0-9]-*.py"))


def test_there_are_notebooks():
    assert [p.stem for p in PAIRS] == [
        "01-province-profile",
        "02-compare-provinces",
        "03-poverty-standards",
        "04-working-with-the-data",
    ]


@pytest.mark.parametrize("script", PAIRS, ids=lambda p: p.stem)
def test_ipynb_is_committed_without_outputs(script):
    notebook = nbformat.read(script.with_suffix(".ipynb"), as_version=4)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, cell.source[:60]


@pytest.mark.parametrize("script", PAIRS, ids=lambda p: p.stem)
def test_ipynb_and_py_hold_the_same_cells(script):
    from_py = jupytext.read(script)
    from_ipynb = nbformat.read(script.with_suffix(".ipynb"), as_version=4)
    assert [(c.cell_type, c.source.strip()) for c in from_py.cells] == [
        (c.cell_type, c.source.strip()) for c in from_ipynb.cells
    ], "run `jupytext --sync notebooks/*.py` after editing either file"


@pytest.mark.parametrize("script", PAIRS, ids=lambda p: p.stem)
def test_first_code_cell_is_the_tagged_parameters_cell(script):
    code = [c for c in jupytext.read(script).cells if c.cell_type == "code"]
    assert "parameters" in code[0].metadata.get("tags", [])
    assert ":" in code[0].source and "#" in code[0].source  # type hint and comment
