"""Run the notebooks and store their outputs in them, the same bytes on every run.

    python tools/run_notebooks.py              # run every notebook, write its outputs
    python tools/run_notebooks.py --check      # run them, write nothing; exit 1 naming
                                               # each cell whose stored outputs are stale
    python tools/run_notebooks.py notebooks/01-classroom-walkthrough.ipynb

Each notebook runs from top to bottom in a fresh kernel started in ``notebooks/`` (so
``../seeds`` and ``../../shared/data`` are where a reader finds them), as a reader would
run it. What is stored is made the same on every run: execution counts from 1, no
timings, the notebook's own metadata kept as it is (not the kernel's version), and the
pieces of one stream joined (the kernel may send printed text in one piece or several).
A notebook that shows something that changes from run to run (a temporary folder, a
memory address, a time) is a notebook to fix, not an output to scrub: ``--check``
names the cell.

Notebook 02 reads ``../shared/data`` when it is there (as in CI) and the seeds
otherwise, so run this where the data is, or its stored outputs will be the seeds'.
The tests (``tests/test_notebooks.py``, marker ``notebooks``) run the same check.
"""

from __future__ import annotations

import argparse
import copy
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
NOTEBOOKS = REPO / "notebooks"
COMMAND = "python tools/run_notebooks.py"
#: Kept under this size each, so the repository and a reader's browser stay light.
MOST_BYTES = 300_000


def notebooks() -> list[Path]:
    """The notebooks of the project, in order."""
    return sorted(NOTEBOOKS.glob("*.ipynb"))


def execute(path: Path, *, timeout: int = 900) -> Any:
    """The notebook at ``path`` run from top to bottom, with its outputs normalised."""
    import nbclient
    import nbformat

    stored = nbformat.read(path, as_version=4)
    notebook = copy.deepcopy(stored)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    client = nbclient.NotebookClient(
        notebook,
        timeout=timeout,
        kernel_name="python3",
        record_timing=False,
        resources={"metadata": {"path": str(path.parent)}},
    )
    client.execute()  # raises CellExecutionError, naming the cell, on any error
    notebook.metadata = copy.deepcopy(stored.metadata)  # not the kernel's versions
    return normalise(notebook)


def normalise(notebook: Any) -> Any:
    """``notebook`` with what may change from run to run taken out of its outputs."""
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        cell.metadata.pop("execution", None)
        outputs: list[Any] = []
        for output in cell.outputs:
            output.pop("transient", None)
            last = outputs[-1] if outputs else None
            if (
                output.output_type == "stream"
                and last is not None
                and last.output_type == "stream"
                and last.name == output.name
            ):
                last.text += output.text
                continue
            outputs.append(output)
        cell.outputs = outputs
    return notebook


def differences(path: Path, stored: Any, fresh: Any) -> list[str]:
    """Each code cell of ``stored`` whose outputs are not those of the fresh run, named
    by its number and its first line."""
    found = []
    stored_cells = [c for c in stored.cells if c.cell_type == "code"]
    fresh_cells = [c for c in fresh.cells if c.cell_type == "code"]
    if [c.source for c in stored_cells] != [c.source for c in fresh_cells]:
        return [f"{path.name}: its code changed while it ran"]
    for number, (old, new) in enumerate(zip(stored_cells, fresh_cells, strict=True), 1):
        if _shown(old) != _shown(new):
            first = new.source.strip().splitlines()[0] if new.source.strip() else ""
            found.append(
                f"{path.name}: code cell {number} (id {new.get('id', '?')}, `{first}`): "
                f"{_what_differs(old, new)}"
            )
    return found


def _shown(cell: Any) -> Any:
    return {"execution_count": cell.execution_count, "outputs": [dict(o) for o in cell.outputs]}


def _what_differs(old: Any, new: Any) -> str:
    if not old.outputs and new.outputs:
        return "stored without its outputs"
    if old.execution_count != new.execution_count:
        return f"stored with execution count {old.execution_count}, a fresh run gives {new.execution_count}"
    kinds_old = [sorted(o.get("data", {"stream": o.get("name")})) for o in old.outputs]
    kinds_new = [sorted(o.get("data", {"stream": o.get("name")})) for o in new.outputs]
    if kinds_old != kinds_new:
        return f"stored outputs {kinds_old}, a fresh run shows {kinds_new}"
    for n, (a, b) in enumerate(zip(old.outputs, new.outputs, strict=True), 1):
        pieces_a = a.get("data", {"text": a.get("text", "")})
        pieces_b = b.get("data", {"text": b.get("text", "")})
        for kind in pieces_a:
            if pieces_a[kind] != pieces_b[kind]:
                line_a, line_b = _first_difference(str(pieces_a[kind]), str(pieces_b[kind]))
                return (
                    f"its stored outputs differ from a fresh run's (output {n}, {kind}: "
                    f"stored {line_a!r}, fresh {line_b!r})"
                )
    return "its stored outputs differ from a fresh run's"


def _first_difference(a: str, b: str, width: int = 60) -> tuple[str, str]:
    """The first line where ``a`` and ``b`` differ, each cut to ``width`` characters
    around the first character that differs."""
    for line_a, line_b in zip([*a.splitlines(), ""], [*b.splitlines(), ""], strict=False):
        if line_a != line_b:
            at = next((i for i, (x, y) in enumerate(zip(line_a, line_b, strict=False)) if x != y), 0)
            start = max(0, at - width // 2)
            return line_a[start : start + width], line_b[start : start + width]
    return a[:width], b[:width]


def run(paths: Sequence[Path], *, check: bool) -> int:
    """Run ``paths``; write their outputs, or with ``check`` report the stale ones.
    Returns the exit status."""
    import nbformat

    stale: list[str] = []
    for path in paths:
        print(f"running {path.relative_to(REPO) if path.is_relative_to(REPO) else path}", file=sys.stderr)
        fresh = execute(path)
        if check:
            stale += differences(path, nbformat.read(path, as_version=4), fresh)
            continue
        nbformat.validate(fresh)
        nbformat.write(fresh, path)
        size = path.stat().st_size
        if size > MOST_BYTES:
            stale.append(f"{path.name}: {size:,} bytes with its outputs, more than {MOST_BYTES:,}")
    for line in stale:
        print(line, file=sys.stderr)
    if stale and check:
        print(f"the stored outputs are stale; refresh them with: {COMMAND}", file=sys.stderr)
    return 1 if stale else 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="*", type=Path, help="notebooks to run (default: all)")
    parser.add_argument(
        "--check",
        action="store_true",
        help="write nothing; exit 1 naming each cell whose stored outputs differ from a fresh run",
    )
    args = parser.parse_args(argv)
    paths = [p.resolve() for p in args.notebooks] or notebooks()
    return run(paths, check=args.check)


if __name__ == "__main__":
    sys.exit(main())
