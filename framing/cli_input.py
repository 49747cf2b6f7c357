"""What the command line reads: the read options its flags give, the standard input,
the problems met while reading (told once for each reason), and the articles analysed
with a progress bar.

Like :mod:`framing.cli`, it imports framing's heavier modules only when a command runs.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Callable, Iterator
from typing import Any, BinaryIO, TextIO

from .errors import InputError, InputWarning, UsageError

__all__ = ["PROGRESS_FROM", "analyses", "articles", "read", "read_options", "settings", "tallied"]


def settings(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    """The analysis settings the flags give."""
    from .analyzers import ANALYZERS
    from .pipeline import Settings

    names = (
        tuple(n.strip() for n in args.analyzers.split(",") if n.strip())
        if args.analyzers
        else tuple(ANALYZERS)
    )
    return Settings(
        analyzers=names,
        lexicons=tuple(args.lexicon),
        builtin_lexicons=not args.no_builtin_lexicons,
        learned_loaded=args.learned_loaded,
    )


def read_options(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    """How to read the inputs, from the flags."""
    from .sources import ReadOptions

    return ReadOptions(
        text_field=args.text_field,
        title_from_first_line=args.title_from_first_line,
        strict=args.strict,
        id_field=args.id_field,
        outlet_field=args.outlet_field,
        title_field=args.title_field,
        date_field=args.date_field,
    )


def reporter(err: TextIO) -> Callable[[InputError | InputWarning], None]:
    def report(problem: InputError | InputWarning) -> None:
        kind = "skipped" if isinstance(problem, InputError) else "warning"
        print(f"framing: {kind}: {problem}", file=err)

    return report


@contextlib.contextmanager
def tallied(err: TextIO) -> Iterator[Callable[[InputError | InputWarning], None]]:
    """A reporter for reading that tells the records skipped for the same reason in one
    line each, when reading ends (or stops: a file refused as a whole is told on its own)."""
    from .sources import ProblemTally

    report = reporter(err)
    tally = ProblemTally(report)
    try:
        yield tally
    except InputError as exc:
        tally.forget(exc.source)
        raise
    finally:
        for problem in tally.summaries():
            report(problem)


def read(args: argparse.Namespace, err: TextIO, stdin: BinaryIO | None, report: Callable[..., None]):  # type: ignore[no-untyped-def]
    from .sources import STDIN, read_articles

    if STDIN in args.paths:
        if args.paths.count(STDIN) > 1:
            raise UsageError("the standard input (-) can be read once: name it once")
        stream = stdin or sys.stdin.buffer
        if stream.isatty():
            print("framing: reading the article from the standard input; end it with Ctrl-D", file=err)
    else:
        stream = stdin
    return read_articles(args.paths, read_options(args), on_problem=report, stdin=stream)


def articles(args: argparse.Namespace, err: TextIO, stdin: BinaryIO | None) -> list:  # type: ignore[type-arg]
    with tallied(err) as report:
        articles = list(read(args, err, stdin, report))
    if not articles:
        raise InputError("no articles could be read from " + ", ".join(args.paths))
    return articles


#: ``framing compare`` shows a progress bar for more articles than this.
PROGRESS_FROM = 5


def analyses(pipeline: Any, articles: list, err: TextIO, quiet: bool) -> list:  # type: ignore[type-arg]
    """Each article analysed, with a progress bar on a terminal for more than a few."""
    from .batch.progress import Progress

    bar = Progress(
        err,
        total=len(articles),
        enabled=not quiet and len(articles) > PROGRESS_FROM and err.isatty(),
        label="framing compare",
        exact=True,
    )
    analyses = []
    try:
        for article in articles:
            analyses.append(pipeline.analyze(article))
            bar.advance(1)
    finally:
        bar.close()
    return analyses
