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
