import pytest

import framing


def test_all_names_are_exported_and_exist():
    exported = set(framing.__all__)
    public = {name for name in dir(framing) if not name.startswith("_")}
    # every name in __all__ exists
    assert all(hasattr(framing, name) for name in exported)
    # every public module-level object that is not a submodule is in __all__
    import types

    objects = {n for n in public if not isinstance(getattr(framing, n), types.ModuleType)}
    assert objects <= exported, sorted(objects - exported)


def test_version_is_a_string():
    assert isinstance(framing.__version__, str) and framing.__version__.count(".") == 2


def test_the_public_api_is_type_checked_strictly():
    """Every module a public name comes from is in the strict list of pyproject.toml
    (which may hold more: modules whose types the public ones hand out), and every
    module the list names exists."""
    import ast
    import importlib.util

    tomllib = pytest.importorskip("tomllib")
    from .conftest import REPO

    tree = ast.parse((REPO / "framing" / "__init__.py").read_text(encoding="utf-8"))
    sources = {
        f"framing.{node.module}"
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom)
        and node.level == 1
        and node.module
        and any(alias.name in framing.__all__ for alias in node.names)
    }
    assert "framing.pipeline" in sources and "framing.renderers.html" in sources
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mypy"]
    (strict,) = [o for o in config["overrides"] if o.get("disallow_untyped_defs")]
    assert sources | {"framing"} <= set(strict["module"])
    assert all(importlib.util.find_spec(name) is not None for name in strict["module"])


def test_no_public_function_shares_its_name_with_a_submodule():
    """A name of framing is one thing: a function is not also a module of the package
    (the renderers live in ``framing.renderers``, so ``framing.render`` is only the
    function, whichever modules were imported before)."""
    import importlib
    import importlib.util

    shared = {
        name
        for name in framing.__all__
        if callable(getattr(framing, name)) and importlib.util.find_spec(f"framing.{name}") is not None
    }
    assert shared == set(), sorted(shared)
    importlib.import_module("framing.renderers.html")  # importing a renderer leaves the name alone
    assert callable(framing.render) and not isinstance(framing.render, type(framing))


def _public_names():
    """Every name a user of the library or the command line types: the exported names,
    their parameters, fields and public attributes, and every command-line option."""
    import dataclasses
    import inspect

    from framing.cli import _parser

    for name in framing.__all__:
        yield name
        obj = getattr(framing, name)
        if callable(obj):
            try:
                yield from inspect.signature(obj).parameters
            except (TypeError, ValueError):
                pass
        if dataclasses.is_dataclass(obj):
            yield from (f.name for f in dataclasses.fields(obj))
        if inspect.isclass(obj):
            yield from (n for n in vars(obj) if not n.startswith("_"))
    parser = _parser()
    actions = list(parser._actions)
    while actions:
        action = actions.pop()
        yield from action.option_strings
        for sub in getattr(action, "choices", None) or {}:
            yield str(sub)
            if isinstance(action.choices, dict) and hasattr(action.choices[sub], "_actions"):
                actions.extend(action.choices[sub]._actions)


def test_names_spell_analyzer_one_way():
    """Names say ``analyzer``, never ``analyser`` (prose may: DEVELOPERS.md)."""
    names = set(_public_names())
    assert "analyze" in names and "--analyzers" in names
    assert sorted(n for n in names if "analyser" in n.lower()) == []
