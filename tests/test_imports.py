"""Imports go one way: no module of framing imports, directly or through others, a module
that imports it back, whether at the top of the file or inside a function."""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest

from .conftest import REPO

PACKAGE = REPO / "framing"


def module_files(package: Path = PACKAGE) -> dict[str, tuple[Path, bool]]:
    """Every module of the package by its dotted name, with its file and whether it is
    a package's ``__init__``."""
    out = {}
    for path in sorted(package.rglob("*.py")):
        parts = list(path.relative_to(package.parent).with_suffix("").parts)
        is_package = parts[-1] == "__init__"
        if is_package:
            parts.pop()
        out[".".join(parts)] = (path, is_package)
    return out


def _known(name: str, modules: Mapping[str, object]) -> str:
    """``name`` or the nearest package holding it that is a module of the package."""
    while name not in modules and "." in name:
        name = name.rsplit(".", 1)[0]
    return name


def imported(name: str, path: Path, is_package: bool, modules: Mapping[str, object]) -> set[str]:
    """The package's modules that module ``name`` imports anywhere in its file: at the
    top, inside functions and classes, and under ``if TYPE_CHECKING``."""
    here = name.split(".") if is_package else name.split(".")[:-1]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found |= {_known(a.name, modules) for a in node.names if a.name.split(".")[0] == "framing"}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = here[: len(here) - node.level + 1]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            if target.split(".")[0] != "framing":
                continue
            for alias in node.names:
                # "from . import results" names a module; "from .results import Quote" does not
                submodule = f"{target}.{alias.name}"
                found.add(submodule if submodule in modules else _known(target, modules))
    found.discard(name)
    return found


def import_graph(package: Path = PACKAGE) -> dict[str, set[str]]:
    modules = module_files(package)
    return {name: imported(name, path, is_package, modules) for name, (path, is_package) in modules.items()}


def cycles(graph: Mapping[str, set[str]]) -> list[list[str]]:
    """The groups of nodes that reach each other (Tarjan's strongly connected
    components of more than one node, or one that imports itself), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in sorted(graph.get(node, ())):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            group = []
            while True:
                other = stack.pop()
                on_stack.discard(other)
                group.append(other)
                if other == node:
                    break
            if len(group) > 1 or node in graph.get(node, ()):
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def by_package(
    graph: Mapping[str, set[str]], modules: Mapping[str, tuple[Path, bool]]
) -> dict[str, set[str]]:
    """The graph between the package's parts: each subpackage (``framing.text``) or
    top-level module (``framing.comparison``) is one node."""

    def part(name: str) -> str:
        first = ".".join(name.split(".")[:2])
        return first if first in modules else name

    out: dict[str, set[str]] = {}
    for name, targets in graph.items():
        out.setdefault(part(name), set()).update(part(t) for t in targets if part(t) != part(name))
    return out


def describe(group: list[str], graph: Mapping[str, set[str]]) -> Iterator[str]:
    for name in group:
        yield f"{name} -> {', '.join(sorted(graph[name] & set(group)))}"


def test_no_import_cycle():
    graph = import_graph()
    found = cycles(graph)
    assert not found, "\n".join(line for group in found for line in ["cycle:", *describe(group, graph)])


def test_no_import_cycle_between_subpackages():
    """One way between the parts too: segmentation (text) reads lexicons, analysers read
    text, renderers read the comparison, and none of them reads back."""
    graph = by_package(import_graph(), module_files())
    found = cycles(graph)
    assert not found, "\n".join(line for group in found for line in ["cycle:", *describe(group, graph)])


def test_the_graph_holds_every_kind_of_import(tmp_path):
    """The graph sees imports at the top, inside functions and under TYPE_CHECKING,
    absolute and relative, and finds the cycles they make."""
    package = tmp_path / "framing"
    (package / "sub").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "sub" / "__init__.py").write_text("from .low import X\n")
    (package / "sub" / "low.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from ..top import Y\nX = 1\n"
    )
    (package / "top.py").write_text("def f():\n    from framing.sub import X\n    return X\nY = 2\n")
    (package / "alone.py").write_text("import framing.sub.low\nfrom . import top\nimport os\n")
    graph = import_graph(package)
    assert graph == {
        "framing": set(),
        "framing.alone": {"framing.sub.low", "framing.top"},
        "framing.sub": {"framing.sub.low"},
        "framing.sub.low": {"framing.top"},
        "framing.top": {"framing.sub"},
    }
    assert cycles(graph) == [["framing.sub", "framing.sub.low", "framing.top"]]
    assert cycles(by_package(graph, module_files(package))) == [["framing.sub", "framing.top"]]


@pytest.mark.parametrize(
    "code",
    [
        "import framing",
        "import framing; framing.analyze('Rioters brutalized the town. \"No,\" the mayor said.')",
    ],
)
def test_analysing_does_not_import_what_it_does_not_need(code):
    """Sentences are split without nltk, readability needs no textstat, and one analysis
    loads neither scikit-learn, SciPy, pandas nor matplotlib (seconds of start-up)."""
    heavy = ("nltk", "textstat", "sklearn", "scipy", "pandas", "matplotlib")
    check = f"; import sys; print(sorted(m for m in {heavy!r} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code + check], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
