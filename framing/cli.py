"""The command line: a thin shell over the library.

Each subcommand calls one library function. Results go to stdout or to files (written
whole or not at all); warnings and progress go to stderr; a FramingError becomes one
clear line and exit code 1 (2 for a usage error), and so does output that cannot be
written (a full disk, no permission), naming where it was going.

Only argparse and framing's own light modules are imported here: the analysers,
renderers and lexicons are imported by the subcommand that uses them, and the names
shown in the help (analysers, report formats) are read from their registries only when
the help is printed, so ``framing --help`` starts fast. What the commands read (flags to
settings, the standard input, problems told once, the progress bar) is in
:mod:`framing.cli_input`; ``framing lexicon`` and ``framing list`` are in
:mod:`framing.cli_describe`.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from . import cli_input as _input
from ._version import __version__
from .cli_describe import FOLDER_FORMATS, lexicon_command, list_command
from .errors import FramingError, InputError, OutputError, UsageError
from .plural import count as _count

__all__ = ["main"]


class _Names:
    """Names read from a registry when first needed (for help text and choices)."""

    def __init__(self, load: Callable[[], Sequence[str]]):
        self._load = load

    def __iter__(self) -> Iterator[str]:
        return iter(self._load())

    def __contains__(self, name: object) -> bool:
        return name in self._load()

    def __len__(self) -> int:
        return len(self._load())

    def __str__(self) -> str:
        return ", ".join(self._load())


def _analyzer_names() -> list[str]:
    from .analyzers import ANALYZERS

    return list(ANALYZERS)


def _format_names() -> list[str]:
    from .renderers import RENDERERS

    return sorted([*RENDERERS, *FOLDER_FORMATS])


class _Store(argparse.Action):
    """A plain store action whose help may name ``%(names)s``, filled in when shown."""

    def __init__(self, *args: Any, names: _Names, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.names = names

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: Any,
        option_string: str | None = None,
    ) -> None:
        setattr(namespace, self.dest, values)


def _positive(value: str) -> int:
    """A whole number of 1 or more, for options that count things."""
    try:
        n = int(value)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of 1 or more, not {value!r}")
    return n


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="framing",
        description="Show how news articles frame a story: loaded words and whose voice "
        "they are in, who gets quoted, readability and tone, side by side.",
    )
    p.add_argument("--version", action="version", version=f"framing {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    def inputs(sp: argparse.ArgumentParser, *, stdin: bool = True, nargs: str = "+") -> None:
        sp.add_argument(
            "paths",
            nargs=nargs,
            metavar="PATH",
            help="text files, folders, .jsonl, .csv or .parquet files"
            + ("; - reads one article's text from the standard input" if stdin else ""),
        )
        sp.add_argument(
            "--text-field",
            default="text",
            metavar="NAME",
            help="JSONL field / CSV or Parquet column holding the text (default: text)",
        )
        for name in ("id", "outlet", "title", "date"):
            sp.add_argument(
                f"--{name}-field",
                metavar="NAME",
                help=f"JSONL field / CSV or Parquet column holding the {name} (default: {name})",
            )
        sp.add_argument(
            "--title-from-first-line", action="store_true", help="read each text's first line as its title"
        )
        sp.add_argument(
            "--strict", action="store_true", help="stop at the first bad record instead of skipping it"
        )
        sp.add_argument(
            "--lexicon", action="append", default=[], metavar="FILE", help="add a lexicon file (repeatable)"
        )
        sp.add_argument(
            "--no-builtin-lexicons", action="store_true", help="use only the lexicons given with --lexicon"
        )
        sp.add_argument(
            "--learned-loaded",
            action="store_true",
            help="add the learned loaded-words model's guesses to the lexicon's findings "
            "(each marked as a learned guess; less often right than the lexicon)",
        )
        sp.add_argument(
            "--analyzers",
            metavar="NAMES",
            action=_Store,
            names=_Names(_analyzer_names),
            help="comma-separated analysers (default: all: %(names)s)",
        )

    c = sub.add_parser("compare", help="compare articles and write a report")
    inputs(c)
    c.add_argument(
        "-o", "--output", metavar="FILE", help="report file, or folder for --format csv (default: stdout)"
    )
    c.add_argument(
        "--format",
        choices=_Names(_format_names),
        help="report format (default: from the file extension, else html)",
    )
    c.add_argument(
        "--worksheet",
        metavar="FILE",
        help="also write a printable student worksheet (HTML) with questions about the articles",
    )
    c.add_argument(
        "--group-by",
        default="outlet",
        metavar="FIELD",
        help="article field or metadata column that groups articles for distinctive words (default: outlet)",
    )
    c.add_argument(
        "--sample",
        type=_positive,
        default=None,
        metavar="N",
        help="with more than N articles, the HTML report's charts, tables and texts show a sample "
        "of N taken across the groups; every article stays in its summary table and in the "
        "JSON, Markdown and CSV (default: 12)",
    )
    c.add_argument("--quiet", action="store_true", help="no progress bar")
    c.add_argument(
        "--timestamp",
        metavar="TEXT",
        help="record this generation time in the report (reports carry none by default)",
    )

    a = sub.add_parser("analyze", help="analyse articles and print the results as JSON lines")
    inputs(a)
    a.add_argument("--no-text", action="store_true", help="leave the article text out of the output")

    b = sub.add_parser(
        "batch",
        help="analyse a corpus into tables, group aggregates and a summary (resumable)",
        description="Analyse every article into one row per article and per finding (Parquet and "
        "CSV), per-group aggregates and a corpus summary (JSON and HTML) in the folder --out. "
        "Rerun the same command after a crash or Ctrl-C to resume. Without PATH, regroup the "
        "finished run in --out by --group-by without analysing again.",
    )
    inputs(b, stdin=False, nargs="*")
    b.add_argument("--out", required=True, metavar="DIR", help="output folder (created if needed)")
    b.add_argument("--jobs", type=int, default=1, metavar="N", help="worker processes (default: 1)")
    b.add_argument(
        "--chunk-size", type=int, default=500, metavar="N", help="articles per written chunk (default: 500)"
    )
    b.add_argument(
        "--group-by",
        default="outlet",
        metavar="COLUMN",
        help="metadata column to aggregate by (default: outlet); without PATH, regroup the "
        "finished run in --out by it",
    )
    b.add_argument(
        "--overwrite", action="store_true", help="replace a run in --out made with other inputs or settings"
    )
    b.add_argument("--quiet", action="store_true", help="no progress bar")
    b.add_argument(
        "--engine",
        choices=("local", "dask"),
        default="local",
        help="analyse here (default) or on a Dask cluster",
    )
    b.add_argument("--scheduler", metavar="ADDRESS", help="the Dask scheduler's address (with --engine dask)")

    sv = sub.add_parser(
        "serve",
        help="open a web page to paste or upload articles and read the report (for classrooms)",
        description="Run a small web page on this computer: paste texts or upload files (text, "
        "saved web pages, JSON Lines, CSV) and read the comparison report in the browser. It "
        "fetches nothing from the internet. Stop it with Ctrl+C.",
    )
    sv.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to listen on (default: 127.0.0.1, this computer only; "
        "0.0.0.0 shares it with the whole network)",
    )
    sv.add_argument("--port", type=int, default=0, help="port (default: 0, any free port)")
    sv.add_argument("--no-browser", action="store_true", help="do not open the browser")
    sv.add_argument(
        "--workers",
        type=_positive,
        default=None,
        metavar="N",
        help="requests analysed at a time, each in its own process (default: one per processor core, "
        "at most 4); 16 more may wait their turn",
    )

    lx = sub.add_parser("lexicon", help="check or describe lexicon files")
    lsub = lx.add_subparsers(dest="lexicon_command", metavar="ACTION")
    chk = lsub.add_parser(
        "check",
        help="validate lexicon files: every problem, with its file and line",
        description="Check lexicon files and list every problem in each (file, line, problem); "
        "the exit code is 1 if any file has one.",
    )
    chk.add_argument("files", nargs="+", metavar="FILE")
    show = lsub.add_parser("show", help="describe a built-in lexicon or a lexicon file")
    show.add_argument("name", metavar="ID_OR_FILE")

    ls = sub.add_parser("list", help="list analysers, lexicons, context rules and report formats")
    ls.add_argument(
        "what", nargs="?", choices=("analyzers", "lexicons", "rules", "formats"), help="one list only"
    )
    return p


def main(
    argv: Sequence[str] | None = None,
    *,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
    stdin: BinaryIO | None = None,
) -> int:
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    parser = _parser()
    try:
        # usage errors, --help and --version go to the streams given, as everything else does
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            args = parser.parse_args(argv)
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else 2
    if args.command is None:
        parser.print_help(out)
        return 2
    try:
        if args.command == "compare":
            return _flushed(out, _compare(args, out, err, stdin))
        if args.command == "analyze":
            return _flushed(out, _analyze(args, out, err, stdin))
        if args.command == "batch":
            return _batch(args, err)
        if args.command == "serve":
            return _serve(args, out)
        if args.command == "lexicon":
            return lexicon_command(args, out, err, parser)
        if args.command == "list":
            return list_command(args, out)
    except UsageError as exc:
        print(f"framing: error: {exc}", file=err)
        return 2
    except FramingError as exc:
        print(f"framing: error: {exc}", file=err)
        return 1
    except KeyboardInterrupt:
        print("framing: interrupted", file=err)
        return 130
    except BrokenPipeError:
        _stop_writing(out)  # the reader of the output went away ('| head'): nothing to say
        return 1
    parser.print_help(out)
    return 2


def _emit(out: TextIO, text: str) -> None:
    """Write results to ``out``; a stream that cannot take them is an OutputError."""
    try:
        out.write(text)
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise _stdout_error(out, exc) from None


def _flushed(out: TextIO, code: int) -> int:
    """``code``, once what was written to ``out`` has left its buffer (a full disk says
    so here, not as a traceback when the program ends)."""
    try:
        out.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise _stdout_error(out, exc) from None
    return code


def _stdout_error(out: TextIO, exc: OSError) -> OutputError:
    from .files import output_error

    _stop_writing(out)
    return output_error(
        "the standard output" if out is sys.stdout else getattr(out, "name", "the output"), exc
    )


def _stop_writing(out: TextIO) -> None:
    """Drop what is still buffered for a stream that cannot take it, so that Python
    does not try again, and fail again, as it exits."""
    import os

    try:
        fd = out.fileno()
    except (OSError, ValueError, AttributeError):
        return
    with contextlib.suppress(OSError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, fd)
        os.close(devnull)


def _compare(args: argparse.Namespace, out: TextIO, err: TextIO, stdin: BinaryIO | None) -> int:
    from .comparison import compare
    from .pipeline import Pipeline
    from .renderers import format_for_path, render
    from .renderers.csv import write_csv
    from .renderers.worksheet import write_worksheet

    fmt = args.format or (format_for_path(args.output) if args.output else None) or "html"
    if args.output and args.format is None and format_for_path(args.output) is None:
        raise UsageError(
            f"cannot tell the format from {args.output!r}; use --format "
            f"({', '.join(_format_names())}) or an extension like .html"
        )
    if fmt in FOLDER_FORMATS and not args.output:
        raise UsageError(f"--format {fmt} writes a folder of files: name it with -o FOLDER")
    for target in (args.output, args.worksheet):
        parent = Path(target).parent if target and fmt not in FOLDER_FORMATS else None
        if target and parent is not None and not parent.exists():
            raise InputError("the folder for the report does not exist", source=str(parent))
    pipeline = Pipeline(_input.settings(args))
    articles = _input.articles(args, err, stdin)
    analyses = _input.analyses(pipeline, articles, err, args.quiet)
    comparison = compare(analyses, pipeline=pipeline, generated_at=args.timestamp, group_by=args.group_by)
    if fmt == "csv":
        files = write_csv(comparison, args.output)
        print(
            f"framing: wrote {_count(len(files), 'CSV table')} of {_count(len(articles), 'article')} "
            f"to {args.output}",
            file=err,
        )
    else:
        if fmt == "html" and args.sample is not None:
            from .renderers.html import render_html

            report = render_html(comparison, max_articles=args.sample)
        else:
            report = render(comparison, fmt)
        if args.output:
            from .files import write_atomic

            path = write_atomic(args.output, report)
            print(f"framing: wrote {fmt} report of {_count(len(articles), 'article')} to {path}", file=err)
        else:
            _emit(out, report)
    if args.worksheet:
        sheet = write_worksheet(comparison, args.worksheet)
        print(f"framing: wrote the worksheet to {sheet}", file=err)
    return 0


def _analyze(args: argparse.Namespace, out: TextIO, err: TextIO, stdin: BinaryIO | None) -> int:
    from .pipeline import Pipeline

    pipeline = Pipeline(_input.settings(args))
    written = 0
    with _input.tallied(err) as report:
        for article in _input.read(args, err, stdin, report):
            result = pipeline.analyze(article)
            _emit(
                out,
                json.dumps(result.to_dict(include_text=not args.no_text), sort_keys=True, ensure_ascii=False)
                + "\n",
            )
            written += 1
    if not written:
        raise InputError("no articles could be read from " + ", ".join(args.paths))
    return 0


def _batch(args: argparse.Namespace, err: TextIO) -> int:
    from .batch import run_batch

    if args.scheduler and args.engine != "dask":
        raise UsageError("--scheduler is the address of a Dask scheduler: use it with --engine dask")
    if "-" in args.paths:
        raise UsageError("framing batch reads files and folders, not the standard input (-)")
    if not args.paths:
        from .batch import regroup

        done = regroup(args.out, args.group_by)
        print(
            f"framing: regrouped {_count(done.articles, 'article')} by {args.group_by} into "
            f"{_count(done.groups, 'group')}: groups.csv, groups.parquet and the summary in {done.out}",
            file=err,
        )
        return 0
    told = []

    def log(message: str) -> None:
        told.append(message)
        print(f"framing: {message}", file=err)

    try:
        result = run_batch(
            args.paths,
            args.out,
            jobs=args.jobs,
            settings=_input.settings(args),
            read_options=_input.read_options(args),
            group_by=args.group_by,
            chunk_size=args.chunk_size,
            overwrite=args.overwrite,
            engine=args.engine,
            scheduler=args.scheduler,
            progress=not args.quiet and err.isatty(),
            log=log,
        )
    except KeyboardInterrupt:
        if any(m.startswith("interrupted") for m in told):
            return 130  # the run has said what is kept and how to resume
        raise
    print(f"framing: {result}", file=err)
    return 0


def _serve(args: argparse.Namespace, out: TextIO) -> int:
    from .serve import serve

    serve(args.host, args.port, open_browser=not args.no_browser, workers=args.workers or 0, out=out)
    return 0
