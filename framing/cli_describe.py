"""The commands that describe what framing has: ``framing lexicon check`` and ``show``
(lexicon files, every problem in them) and ``framing list`` (analysers, lexicons, context
rules, report formats), each read from its registry when the command runs.
"""

from __future__ import annotations

import argparse
from typing import TextIO

from .errors import LexiconError
from .plural import count, plural

__all__ = ["FOLDER_FORMATS", "lexicon_command", "list_command"]

#: Formats written as a folder of files rather than one report file.
FOLDER_FORMATS = {"csv": "a folder of CSV tables (articles, findings, quotes, ...) for spreadsheets"}


def lexicon_command(
    args: argparse.Namespace, out: TextIO, err: TextIO, parser: argparse.ArgumentParser
) -> int:
    from .lexicon import MAX_PROBLEMS, checked, get_lexicon
    from .lexicon.file_format import read_lexicon_file

    if args.lexicon_command == "check":
        failed = 0
        for f in args.files:
            try:
                lex, problems = checked(read_lexicon_file(f))
            except LexiconError as exc:
                lex, problems = None, exc.problems
            if lex is None:
                for problem in problems:
                    print(f"framing: error: {problem}", file=err)
                more = " (it stops looking there)" if len(problems) >= MAX_PROBLEMS else ""
                print(f"{f}: {count(len(problems), 'problem')}{more}", file=out)
                failed += 1
                continue
            print(
                f"{f}: ok: {lex.kind} lexicon {lex.id!r} version {lex.version}, {count(len(lex), 'entry')}",
                file=out,
            )
        return 1 if failed else 0
    if args.lexicon_command == "show":
        lex = get_lexicon(args.name)
        print(f"{lex.id} {lex.version} ({lex.kind}, {lex.language}, license {lex.license})", file=out)
        print(f"  {lex.title}", file=out)
        if lex.description:
            print(f"  {lex.description}", file=out)
        print(f"  source {lex.source}, sha256 {lex.sha256}", file=out)
        print(f"  {count(len(lex), 'entry')}", file=out)
        if lex.kind == "loaded-language":
            from collections import Counter

            counts = Counter(e.category for e in lex.entries)
            for cid, cat in lex.categories.items():
                print(f"    {cid:20} {counts.get(cid, 0):4}  {cat.label}", file=out)
        return 0
    parser.parse_args(["lexicon", "--help"])
    return 2


def list_command(args: argparse.Namespace, out: TextIO) -> int:
    from .analyzers import ANALYZERS
    from .lexicon import builtin_lexicons
    from .renderers import RENDERERS

    if args.what in (None, "analyzers"):
        print("analyzers:", file=out)
        for spec in ANALYZERS.values():
            print(f"  {spec.name:12} {spec.description}", file=out)
    if args.what in (None, "lexicons"):
        print("built-in lexicons:", file=out)
        for lex in builtin_lexicons().values():
            print(
                f"  {lex.id:16} {lex.version:7} {lex.kind:16} {len(lex):5} {plural('entry', len(lex)):7}  {lex.title}",
                file=out,
            )
    if args.what in (None, "rules"):
        from .lexicon.context import CONTEXT_RULES

        print("context rules (a lexicon entry's not_when column): the entry does not apply when", file=out)
        for rule in CONTEXT_RULES.values():
            print(f"  {rule.name:12} {rule.description}", file=out)
    if args.what in (None, "formats"):
        print("report formats:", file=out)
        for r in RENDERERS.values():
            print(f"  {r.name:6} {', '.join(r.suffixes):14} {r.description}", file=out)
        for name, description in FOLDER_FORMATS.items():
            print(f"  {name:6} {'(folder)':14} {description}", file=out)
    return 0
