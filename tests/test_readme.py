"""The README's two commands are the ones CI and users run."""

import re

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
