"""The notebooks run from top to bottom, offline, as a reader would run them, and show
what a fresh run shows: their stored outputs are not stale."""

from __future__ import annotations

import copy
import importlib.util
import re
import sys

import pytest

from .conftest import REPO

nbformat = pytest.importorskip("nbformat", reason="running the notebooks needs nbformat (test extra)")
pytest.importorskip("nbclient", reason="running the notebooks needs nbclient (test extra)")
pytest.importorskip("ipykernel", reason="running the notebooks needs ipykernel (test extra)")

pytestmark = pytest.mark.notebooks


def _tool():
    spec = importlib.util.spec_from_file_location("run_notebooks", REPO / "tools" / "run_notebooks.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["run_notebooks"] = module
    spec.loader.exec_module(module)
    return module


tool = _tool()
NOTEBOOKS = tool.notebooks()

#: What must never be stored in an output: a temporary folder, a memory address, a time.
VOLATILE = re.compile(r"/tmp/|\bat 0x[0-9a-f]+|\b\d{4}-\d\d-\d\dT\d\d:\d\d")
#: Notebook 02 reads ../shared/data when it is there, and its outputs were made with it.
READS_SHARED = {"02-research-corpus.ipynb"}


def test_there_are_notebooks():
    assert [p.name for p in NOTEBOOKS] == [
        "01-classroom-walkthrough.ipynb",
        "02-research-corpus.ipynb",
        "03-making-it-yours.ipynb",
    ]


def _outputs_text(notebook) -> str:
    return "\n".join(
        str(output) for cell in notebook.cells if cell.cell_type == "code" for output in cell.outputs
    )


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_is_stored_small_with_steady_outputs(path):
    notebook = nbformat.read(path, as_version=4)
    nbformat.validate(notebook)
    code = [c for c in notebook.cells if c.cell_type == "code"]
    assert code, "a notebook without code"
    # stored with its outputs, so a reader sees them before running anything
    assert [c.execution_count for c in code] == list(range(1, len(code) + 1)), (
        f"{path.name} is stored without the outputs of every cell: run {tool.COMMAND}"
    )
    assert path.stat().st_size < tool.MOST_BYTES
    assert not VOLATILE.search(_outputs_text(notebook))
    # every code cell that ends in an expression shows something
    shown = [c for c in code if c.outputs]
    assert len(shown) >= len(code) // 2


@pytest.mark.parametrize(
    "path",
    [pytest.param(p, marks=pytest.mark.shared_data) if p.name in READS_SHARED else p for p in NOTEBOOKS],
    ids=lambda p: p.stem,
)
def test_notebook_runs_and_its_stored_outputs_are_fresh(path, request):
    if path.name in READS_SHARED:
        request.getfixturevalue("shared_data")  # skipped without it: its outputs are the data's
    fresh = tool.execute(path)  # raises CellExecutionError, naming the cell, on any error
    errors = [o for c in fresh.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert not errors
    stale = tool.differences(path, nbformat.read(path, as_version=4), fresh)
    assert not stale, "\n".join([*stale, f"refresh the stored outputs with: {tool.COMMAND}"])


def test_a_changed_output_is_named_by_its_cell():
    stored = nbformat.v4.new_notebook()
    stored.cells = [
        nbformat.v4.new_code_cell("1 + 1", id="first", execution_count=1),
        nbformat.v4.new_code_cell("print('a')\nprint('b')", id="second", execution_count=2),
    ]
    stored.cells[0].outputs = [
        nbformat.v4.new_output("execute_result", {"text/plain": "2"}, execution_count=1)
    ]
    stored.cells[1].outputs = [nbformat.v4.new_output("stream", name="stdout", text="a\nb\n")]
    fresh = nbformat.from_dict(copy.deepcopy(stored))
    # the kernel may send printed text in two pieces: the same output
    fresh.cells[1].outputs = [
        nbformat.v4.new_output("stream", name="stdout", text="a\n"),
        nbformat.v4.new_output("stream", name="stdout", text="b\n"),
    ]
    fresh = tool.normalise(fresh)
    path = REPO / "notebooks" / "example.ipynb"
    assert tool.differences(path, stored, fresh) == []
    fresh.cells[0].outputs[0]["data"]["text/plain"] = "3"
    assert tool.differences(path, stored, fresh) == [
        "example.ipynb: code cell 1 (id first, `1 + 1`): its stored outputs differ from a fresh run's"
        " (output 1, text/plain: stored '2', fresh '3')"
    ]
    fresh.cells[1].outputs = []
    assert tool.differences(path, stored, fresh)[1].startswith("example.ipynb: code cell 2 (id second")
