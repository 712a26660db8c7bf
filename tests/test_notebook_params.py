"""`papermill --help-notebook` describes every parameter of every notebook.

Each notebook's cell tagged `parameters` gives each parameter a type hint and a trailing comment
(STYLE.md); papermill prints them as the notebook's help. Papermill reads the cell line by line
with a pattern of its own, and skips a line it cannot read with no more than a logged warning, so
this test reads the cell independently (Python's own parser) and checks the printed help against
it.
"""

from __future__ import annotations

import ast
import io
import subprocess
import sys
import tokenize
from dataclasses import dataclass
from pathlib import Path

import nbformat
import pytest

from helpers import config

NOTEBOOKS = sorted(config.NOTEBOOKS_DIR.glob("*.ipynb"))
# The papermill of the environment running the tests (.venv/bin/papermill under `make test`)
PAPERMILL = Path(sys.executable).with_name("papermill")


@dataclass(frozen=True)
class Parameter:
    name: str
    annotation: str  # the type hint as written, e.g. "str"
    default: str  # the value as written, e.g. '"Thái Nguyên"'
    comment: str  # the trailing comment, without "#"
    line: str  # the whole line as written


def _why_papermill_skips(parameter: Parameter) -> str:
    """Papermill skips a line holding more than one `=`, those in the comment included."""
    if parameter.line.count("=") > 1:
        return (
            f"\npapermill skips this line because it holds {parameter.line.count('=')} '=' "
            f"(it counts those in the comment too): {parameter.line!r}"
        )
    return ""


def _parameters_source(path: Path) -> str:
    notebook = nbformat.read(path, as_version=4)
    cells = [c for c in notebook.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(cells) == 1, f"{path.name}: {len(cells)} cells tagged 'parameters', expected one"
    return cells[0].source


def _declared_parameters(path: Path) -> list[Parameter]:
    """Every assignment in the parameters cell, with its type hint and trailing comment."""
    source = _parameters_source(path)
    comments = {
        token.start[0]: token.string.lstrip("#").strip()
        for token in tokenize.generate_tokens(io.StringIO(source).readline)
        if token.type == tokenize.COMMENT
    }
    parameters = []
    for node in ast.parse(source).body:
        where = f"{path.name}, parameters cell line {node.lineno}"
        assert isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name), (
            f"{where}: `{ast.get_source_segment(source, node)}` is not `name: type = value`"
        )
        assert node.value is not None, f"{where}: {node.target.id} has no default value"
        comment = comments.get(node.end_lineno, "")
        assert comment, f"{where}: {node.target.id} has no trailing comment saying what it is"
        parameters.append(
            Parameter(
                name=node.target.id,
                annotation=ast.get_source_segment(source, node.annotation),
                default=ast.get_source_segment(source, node.value),
                comment=comment,
                line=source.splitlines()[node.end_lineno - 1],
            )
        )
    assert parameters, f"{path.name}: the parameters cell declares no parameter"
    return parameters


@pytest.fixture(scope="module")
def papermill() -> Path:
    assert PAPERMILL.exists(), f"{PAPERMILL} not found: run the tests with `make test`"
    return PAPERMILL


def test_there_are_notebooks():
    assert NOTEBOOKS, f"no notebook in {config.NOTEBOOKS_DIR}"


@pytest.mark.slow  # starts papermill once per notebook (about 7 s each)
@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_help_notebook_describes_every_parameter(path, papermill):
    declared = _declared_parameters(path)
    result = subprocess.run(
        [str(papermill), "--help-notebook", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=config.PROJECT_ROOT,
    )
    shown = f"stdout:\n{result.stdout}\nstderr:\n{result.stderr}"
    assert result.returncode == 0, f"papermill --help-notebook exited {result.returncode}\n{shown}"
    lines = result.stdout.splitlines()
    for parameter in declared:
        definition = f"  {parameter.name}: {parameter.annotation} (default {parameter.default})"
        found = [i for i, line in enumerate(lines) if line.startswith(definition)]
        assert found, (
            f"{path.name}: `{parameter.name}` is declared in the parameters cell but papermill "
            f"does not describe it (expected the line {definition!r})"
            f"{_why_papermill_skips(parameter)}\n{shown}"
        )
        # papermill puts the comment on the same line, or on the next when the name is long
        after = lines[found[0] :][:2]
        assert any(line.rstrip().endswith(parameter.comment) for line in after), (
            f"{path.name}: papermill does not show the comment of `{parameter.name}` "
            f"({parameter.comment!r})\n{shown}"
        )
