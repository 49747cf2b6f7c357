"""Lint, format and type checks run with the tests, where the tools are installed."""

import shutil
import subprocess
import sys

import pytest

from .conftest import REPO


def run(*args):
    return subprocess.run([sys.executable, "-m", *args], cwd=REPO, capture_output=True, text=True)


def test_ruff_lint():
    pytest.importorskip("ruff")
    proc = run("ruff", "check", "framing", "tests", "tools")
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_ruff_format():
    pytest.importorskip("ruff")
    proc = run("ruff", "format", "--check", "framing", "tests", "tools")
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_public_api_type_checks():
    pytest.importorskip("mypy")
    if shutil.which("git") is None:
        pytest.skip("git is needed to find the sources")
    proc = run("mypy", "framing")
    assert proc.returncode == 0, proc.stdout + proc.stderr
