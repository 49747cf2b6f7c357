"""The page's own pages: the form, and a page for each way a request can be refused.

Templated with Jinja2 with autoescaping, so nothing from input is ever markup. Each
refusal says what the limit is and what to do instead.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import jinja2

from .._version import __version__
from ..plural import count
from ..renderers.html import csp_hash
from .limits import Limits, megabytes
from .security import policy
from .uploads import UPLOAD_SUFFIXES, Pasted

__all__ = [
    "busy_page",
    "environment",
    "for_the_page",
    "form_page",
    "limit_page",
    "own_policy",
    "problem_page",
    "static",
    "too_large_page",
    "too_much_text_page",
]

_TEMPLATES = Path(__file__).resolve().parent / "templates"


@functools.lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(_TEMPLATES)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    env.globals["count"] = count
    return env


@functools.cache
def static(name: str) -> str:
    return (_TEMPLATES / name).read_text(encoding="utf-8")


def own_policy() -> str:
    """The policy of the page's own pages: their style and script, by hash."""
    return policy([csp_hash(static("page.css"))], [csp_hash(static("page.js"))])


def _render(template: str, **values: Any) -> str:
    return (
        environment()
        .get_template(template)
        .render(version=__version__, css=static("page.css"), js=static("page.js"), **values)
    )


def form_page(
    limits: Limits,
    action: str,
    *,
    pasted: Sequence[Pasted] = (),
    error: str | None = None,
    notes: Sequence[str] = (),
    had_files: bool = False,
    text_field: str = "text",
    first_line: bool = False,
) -> str:
    articles = list(pasted)
    while len(articles) < 2:
        articles.append(Pasted(len(articles) + 1))
    return _render(
        "form.html.j2",
        page_title="Compare how news articles frame a story",
        articles=articles,
        action=action,
        error=error,
        notes=notes,
        had_files=had_files,
        text_field=text_field,
        first_line=first_line,
        accept=",".join(UPLOAD_SUFFIXES),
        max_articles=limits.articles,
        max_file_mb=megabytes(limits.file_mb),
        max_upload_mb=megabytes(limits.upload_mb),
        max_file_bytes=limits.file_bytes,
        max_upload_bytes=limits.upload_bytes,
    )


def problem_page(title: str, message: Sequence[str], home: str, tips: Sequence[str] = ()) -> str:
    return _render("problem.html.j2", page_title=title, message=message, tips=tips, home=home)


def _smaller_tips(limits: Limits) -> list[str]:
    return [
        "Split a large JSON Lines or CSV file into several smaller ones (a few hundred lines or rows "
        "each) and analyse them one after another.",
        "Choose fewer files at a time, or save long web pages as text (.txt) first.",
        f"This page compares up to {limits.articles} articles at once; for a whole collection use "
        "the command line: framing compare, or framing batch.",
    ]


def _too_much(limits: Limits, home: str, first: str, then: str) -> str:
    return problem_page("Too much at once", [first, then], home, _smaller_tips(limits))


_NOTHING = "Nothing was analysed, and nothing was kept."


def too_large_page(limits: Limits, home: str, name: str | None = None) -> str:
    if name:
        first = f"{name} is larger than {megabytes(limits.file_mb)}, the most this page takes for one file."
    else:
        first = (
            f"What you sent is larger than this page takes: at most {megabytes(limits.upload_mb)} in all, "
            f"and {megabytes(limits.file_mb)} for each file or pasted article."
        )
    return _too_much(limits, home, first, _NOTHING)


def too_much_text_page(limits: Limits, home: str, chars: int) -> str:
    first = (
        f"These articles hold {chars:,} characters of text; this page analyses at most "
        f"{limits.chars:,} at a time."
    )
    return _too_much(limits, home, first, _NOTHING)


def limit_page(limits: Limits, home: str, reason: str) -> str:
    """A request stopped at the time or memory limit of one request."""
    first = (
        f"framing stopped working on these articles: {reason}, the most this page gives one "
        f"request (at most {limits.seconds:g} seconds and {limits.memory_mb:,g} MB)."
    )
    return _too_much(limits, home, first, "Nothing was kept. Other people's requests were not held up.")


def busy_page(limits: Limits, home: str) -> str:
    return problem_page(
        "Busy: please try again in a minute",
        [
            f"This page is answering as many requests as it takes at once ({limits.workers} analysed "
            f"side by side and {limits.waiting} waiting their turn), or none could start in time.",
            "Nothing was analysed, and nothing was kept. Send the form again in a minute.",
        ],
        home,
    )


def for_the_page(message: str) -> str:
    """A reader's message, with the command-line flag named as the form's field."""
    message = re.sub(
        r"did you mean --text-field (.+)\?",
        r"did you mean \1? Give its name under More options, Text field",
        message,
    )
    return re.sub(
        r"name the text (?:field|column) with --text-field",
        "give its name under More options, Text field",
        message,
    )
