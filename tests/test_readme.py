"""The README's two commands are the ones CI and users run."""

import re
import shlex

import pytest

from .conftest import REPO


def commands():
    text = (REPO / "README.md").read_text(encoding="utf-8")
    found = dict(re.findall(r"<!-- command: (\w+) -->\n```sh\n(.+?)\n```", text))
    return found


def test_readme_opens_with_the_report_and_test_commands():
    found = commands()
    assert "framing compare seeds/" in found["report"]
    assert "pytest" in found["tests"]
    text = (REPO / "README.md").read_text(encoding="utf-8")
    assert text.index("command: report") < text.index("command: tests") < 1500


def test_ci_runs_the_readme_test_command():
    script = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "<!-- command: tests -->" in script


def test_readme_python_example_runs(tmp_path, monkeypatch):
    import contextlib
    import io

    text = (REPO / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.+?)\n```", text, flags=re.S)
    assert blocks, "the README shows how to use framing from Python"
    # run from a folder holding a copy of the seeds, as a reader in the repository would
    monkeypatch.chdir(tmp_path)
    (tmp_path / "seeds").symlink_to(REPO / "seeds")
    story = 'Rioters brutalized the town. "It was chaos," Mayor Ana Ruiz said.'
    for block in blocks:
        printed = io.StringIO()
        with contextlib.redirect_stdout(printed):
            exec(compile(block, "README.md", "exec"), {"text": story})
        if "write_report" in block:
            assert (tmp_path / "report.html").stat().st_size > 100_000
        if "print(" in block:
            assert "brutalized" in printed.getvalue()


def test_every_tier_is_left_out_of_the_default_run_named_in_the_readme_and_run_by_ci():
    tomllib = pytest.importorskip("tomllib")
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["pytest"]
    options = config["ini_options"]
    tiers = [m.split(":")[0] for m in options["markers"]]
    assert {"slow", "browser", "notebooks", "cluster", "shared_data"} <= set(tiers)
    args = shlex.split(options["addopts"])
    expression = args[args.index("-m") + 1]
    assert expression == f"not ({' or '.join(tiers)})"
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for tier in tiers:
        assert f"`python -m pytest -m {tier}`" in readme
    assert '`python -m pytest -m ""`' in readme
    script = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "export PYTEST_ADDOPTS=\"${PYTEST_ADDOPTS:+$PYTEST_ADDOPTS }-m ''\"" in script
