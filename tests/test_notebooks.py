"""The notebooks run from top to bottom, offline, as a reader would run them."""

from __future__ import annotations

import pytest

from .conftest import REPO

nbformat = pytest.importorskip("nbformat", reason="running the notebooks needs nbformat (test extra)")
nbclient = pytest.importorskip("nbclient", reason="running the notebooks needs nbclient (test extra)")
pytest.importorskip("ipykernel", reason="running the notebooks needs ipykernel (test extra)")

pytestmark = pytest.mark.notebooks

NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb"))


def test_there_are_notebooks():
    assert [p.name for p in NOTEBOOKS] == [
        "01-classroom-walkthrough.ipynb",
        "02-research-corpus.ipynb",
        "03-making-it-yours.ipynb",
    ]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_is_stored_clean_and_runs(path):
    notebook = nbformat.read(path, as_version=4)
    nbformat.validate(notebook)
    code = [c for c in notebook.cells if c.cell_type == "code"]
    assert code, "a notebook without code"
    # stored without outputs, so the repository holds no stale results
    assert all(not c.outputs and c.execution_count is None for c in code)
    client = nbclient.NotebookClient(
        notebook, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
    )
    client.execute()  # raises CellExecutionError, naming the cell, on any error
    errors = [o for c in code for o in c.outputs if o.output_type == "error"]
    assert not errors
    # every code cell that ends in an expression shows something
    shown = [c for c in code if c.outputs]
    assert len(shown) >= len(code) // 2
