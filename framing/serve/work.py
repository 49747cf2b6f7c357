"""What a worker process does for the page: read a request's articles, analyse them,
render the report (or the worksheet, or one download).

These functions run in the worker processes of :mod:`framing.serve.pool`, one request
at a time each, with that process's own pipeline (built once, in :func:`warm_up`).
They take and return plain data: a refusal the form should show is an :class:`Again`,
too much text a :class:`TooMuch`, a page a :class:`Page`, a download a :class:`File`.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from ..errors import FramingError
from ..sources import ReadOptions
from .limits import Limits
from .uploads import Pasted, TooMuchText, Upload, articles_from, unique_ids

__all__ = ["Again", "AnalyseJob", "DownloadJob", "File", "Page", "TooMuch", "analyse", "download", "warm_up"]


@dataclass(frozen=True)
class AnalyseJob:
    """One press of Analyse: the pasted articles, the saved uploads and the options."""

    pasted: tuple[Pasted, ...]
    uploads: tuple[Upload, ...]
    options: ReadOptions
    limits: Limits
    view: str
    home: str
    download_action: str


@dataclass(frozen=True)
class DownloadJob:
    payload: str
    fmt: str
    limits: Limits


@dataclass(frozen=True)
class Page:
    body: str


@dataclass(frozen=True)
class File:
    data: bytes
    filename: str
    mimetype: str


@dataclass(frozen=True)
class Again:
    """Show the form again with this message (and the notes on reading the input)."""

    message: str
    notes: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class TooMuch:
    chars: int


@functools.lru_cache(maxsize=1)
def _pipeline():  # type: ignore[no-untyped-def]
    from ..pipeline import Pipeline

    return Pipeline()


def warm_up() -> None:
    """Everything a first request would wait for: imports, the lexicons and models, and
    matplotlib's fonts (drawn once for a tiny comparison)."""
    from ..article import Article
    from ..comparison import compare
    from ..renderers.html import render_html

    render_html(
        compare(
            [Article('Rioters came, officials said. "We will win," Ana Ruiz said.', outlet="A")],
            pipeline=_pipeline(),
        )
    )


def _too_many(limits: Limits) -> str:
    return (
        f"This page compares up to {limits.articles} articles at a time, and you gave more. "
        "Choose fewer, or use the command line (framing compare, or framing batch for a collection)."
    )


def analyse(job: AnalyseJob) -> Page | Again | TooMuch:
    """The report (or the worksheet) of a request's articles, or why there is none."""
    from ..comparison import compare
    from ..renderers.html import render_html
    from ..renderers.worksheet import render_worksheet
    from .downloads import FORMATS, articles_payload, bar_css, with_bar
    from .pages import environment, for_the_page

    notes: list[str] = []
    try:
        articles = articles_from(job.pasted, job.uploads, job.options, job.limits, notes)
    except FramingError as exc:
        return Again(str(exc), tuple(notes))
    except TooMuchText as exc:
        return TooMuch(exc.chars)
    if len(articles) > job.limits.articles:
        return Again(_too_many(job.limits), tuple(notes))
    if not articles:
        if job.uploads:
            return Again("No articles could be read from " + ", ".join(u.name for u in job.uploads) + ".")
        return Again("There is nothing to analyse yet: paste the text of an article, or choose a file.")
    articles = unique_ids(articles)
    comparison = compare(articles, pipeline=_pipeline())
    if job.view == "worksheet":
        return Page(render_worksheet(comparison))
    bar = (
        environment()
        .get_template("bar.html.j2")
        .render(
            css=bar_css(),
            action=job.download_action,
            payload=articles_payload(articles),
            formats=FORMATS.values(),
            notes=[for_the_page(n) for n in notes],
            home=job.home,
        )
    )
    return Page(with_bar(render_html(comparison), bar))


def download(job: DownloadJob) -> File | Again:
    """One download of the bar, built from the articles it sent back."""
    from ..comparison import compare
    from .downloads import FORMATS, build, read_payload

    fmt = FORMATS.get(job.fmt)
    if fmt is None:
        return Again(f"there is no download {job.fmt!r}; choose one of {', '.join(FORMATS)}")
    try:
        articles = read_payload(job.payload, most=job.limits.articles)
    except FramingError as exc:
        return Again(str(exc))
    if sum(len(a.text) for a in articles) > job.limits.chars:
        return Again(
            f"these articles hold more than the {job.limits.chars:,} characters this page analyses at a time"
        )
    return File(build(fmt.name, compare(articles, pipeline=_pipeline())), fmt.filename, fmt.mimetype)
