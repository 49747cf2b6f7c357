"""The built wheel carries its data and works outside the source tree."""

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from .conftest import REPO, SEEDS

pytestmark = pytest.mark.slow  # builds the wheel and installs it


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    # built from a clean copy: a build/ folder left in the checkout would lend the wheel
    # files its configuration leaves out
    source = tmp_path_factory.mktemp("source") / "framing"
    shutil.copytree(
        REPO,
        source,
        ignore=shutil.ignore_patterns(
            ".venv", ".git", "build", "*.egg-info", "__pycache__", ".*_cache", ".hypothesis", "notebooks"
        ),
    )
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--verbose",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(out),
            str(source),
        ],
        capture_output=True,
        text=True,
    )
    if proc.returncode != 0:
        pytest.fail(proc.stdout + proc.stderr)
    (out / "build.log").write_text(proc.stdout + proc.stderr, encoding="utf-8")
    (whl,) = out.glob("framing-*.whl")
    return whl


def test_the_build_prints_no_warning(wheel):
    """setuptools warns of folders of the package left out of its configuration (data
    folders too), of deprecated settings and the like, as ``SomethingWarning: ...``."""
    log = (wheel.parent / "build.log").read_text(encoding="utf-8")
    assert "running build_py" in log  # the backend's own output is in the log
    warnings = [line.strip() for line in log.splitlines() if "Warning: " in line]
    assert not warnings, "\n".join(warnings)


def test_wheel_holds_lexicons_templates_and_data(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for lex in (REPO / "lexicons").glob("*.tsv"):
        assert f"framing/lexicons/{lex.name}" in names
    assert "framing/renderers/templates/report.html.j2" in names
    assert "framing/serve/templates/form.html.j2" in names
    assert "framing/batch/templates/summary.html.j2" in names
    assert "framing/data/cmudict-syllables.tsv.gz" in names
    assert "framing/data/dale-chall-easy-words.txt" in names
    assert "framing/models/target-sentiment-1.1.0.json.gz" in names
    assert any(n.endswith("licenses/LICENSE") for n in names)
    assert any(n.endswith("licenses/framing/data/NLTK-LICENSE.txt") for n in names)
    assert any(n.endswith("licenses/framing/data/TEXTSTAT-LICENSE.txt") for n in names)


def test_installed_wheel_runs_from_another_folder(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "--no-index",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    code = (
        "import sys, framing; assert framing.__file__.startswith(sys.argv[1]), framing.__file__;"
        "from framing.cli import main; code = main(['compare', sys.argv[2], '-o', 'report.html']);"
        # an editable install of the checkout would hand over any module the wheel lacks
        "elsewhere = sorted(n for n, m in sys.modules.items() if n.startswith('framing')"
        " and getattr(m, '__file__', None) and not m.__file__.startswith(sys.argv[1]));"
        "assert not elsewhere, elsewhere; sys.exit(code)"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code, str(target), str(SEEDS)],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stderr
    assert (elsewhere / "report.html").stat().st_size > 10_000


def test_every_subpackage_is_declared():
    """Each folder of code under framing/ is named in pyproject.toml's packages: a build
    leaves out one that is not (``pip install .`` gives a framing that cannot import)."""
    import tomllib

    declared = set(
        tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"]
    )
    found = {
        ".".join(init.parent.relative_to(REPO).parts) for init in (REPO / "framing").rglob("__init__.py")
    }
    assert found - declared == set()
