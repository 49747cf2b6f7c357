"""Shared texts and fixtures. The texts here are written for the tests."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from framing import Article, Pipeline

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
SHARED_DATA = REPO.parent / "shared" / "data"

# -- texts written for the tests -------------------------------------------------------

QUOTE_AFTER = '"We will not back down," Mayor Jane Ortiz said on Tuesday.'
QUOTE_SAID_NAME = '"The plan is reckless," said Tom Reyes, the county\'s chief spokesman.'
QUOTE_COLON = 'Reyes said: "The budget is a disaster."'
QUOTE_PRONOUN = '"We are ready," Governor Ana Cruz said. "Nothing will stop us," she added.'
MULTI_PARAGRAPH_QUOTE = (
    "The senator spoke for an hour.\n\n"
    '"This is the first paragraph of my statement.\n\n'
    '"And this is the second, which ends here," Senator Lee said.\n\n'
    "Reporters left after that."
)
UNBALANCED = 'He said "this never closes.\n\nThe next paragraph is plain narration with no quotes.'
NESTED = "\"She told me 'go home' and I did,\" Kim said."
LOADED_NARRATION = "Rioters brutalized the town while officials squashed dissent."
SCRIPT_TEXT = 'A headline <script>alert("x")</script> and more <b>bold</b> text & stuff.'


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline()


@pytest.fixture(scope="session")
def seed_articles() -> list[Article]:
    from framing import read_articles

    return list(read_articles(SEEDS))


@pytest.fixture(scope="session")
def seed_results(pipeline: Pipeline, seed_articles: list[Article]):
    return {a.id: pipeline.analyze(a) for a in seed_articles}


@pytest.fixture
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.skip(f"the shared datasets are not here ({SHARED_DATA}); this test reads them")
    return SHARED_DATA


def count_calls(fn: Callable[..., Any], *args: Any) -> int:
    """How many Python and C functions ``fn(*args)`` calls: a count of its work that is
    the same on every machine and every run (caches warmed by an earlier call aside),
    for tests of how work grows with the input, where a time would be a guess."""
    calls = 0

    def count(frame: Any, event: str, arg: Any) -> None:
        nonlocal calls
        if event in ("call", "c_call"):
            calls += 1

    previous = sys.getprofile()
    sys.setprofile(count)
    try:
        fn(*args)
    finally:
        sys.setprofile(previous)
    return calls


def chromium_path() -> str | None:
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return None


def require_chromium() -> str:
    """The chromium path; skips without it, except in CI, where a missing browser fails."""
    import os

    path = chromium_path()
    if path is None:
        if os.environ.get("CI"):
            pytest.fail("CI must have Debian's chromium for the browser tests (.ci/run installs it)")
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    return path


#: Headless Debian chromium with nothing of its own going to the network.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def browser():
    """Debian's chromium driven by Playwright (no browser download), one per test module."""
    path = require_chromium()
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield b
        b.close()
