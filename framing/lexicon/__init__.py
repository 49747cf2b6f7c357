"""Lexicons: versioned data files of words, with the reason for every entry.

Built-in lexicons ship in the package (the ``lexicons/`` folder of the source tree).
Users add their own files in the same format; they go through the same parser and the
same checks, and a bad file is refused with its path, line and problem.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from ..errors import LexiconError, UsageError
from ..resources import lexicon_dir
from .file_format import RawLexicon, parse_lexicon_bytes, read_lexicon_file
from .kinds import KINDS, Abbreviation, Category, CueVerb, SourceRole, Term

__all__ = [
    "Abbreviation",
    "Category",
    "CueVerb",
    "Lexicon",
    "SourceRole",
    "Term",
    "builtin_lexicons",
    "get_lexicon",
    "load_lexicon",
]


@dataclass(frozen=True)
class Lexicon:
    """A parsed, validated lexicon. Immutable; share it freely."""

    id: str
    version: str
    kind: str
    language: str
    license: str
    title: str
    description: str
    source: str
    sha256: str
    categories: Mapping[str, Category] = field(default_factory=dict)
    entries: tuple[Any, ...] = ()
    meta: Mapping[str, str] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.entries)

    def provenance(self) -> dict[str, str | int]:
        return {
            "id": self.id,
            "version": self.version,
            "kind": self.kind,
            "sha256": self.sha256,
            "source": self.source,
            "entries": len(self.entries),
        }


#: ``framing lexicon check`` stops looking after this many problems in one file.
MAX_PROBLEMS = 100


def checked(raw: RawLexicon) -> tuple[Lexicon | None, tuple[LexiconError, ...]]:
    """The lexicon of a read file and every problem found in it.

    Each entry that its kind refuses is left out and the rest checked again, so that
    every bad line is named (up to :data:`MAX_PROBLEMS`); a problem of the whole file
    (not of one line) ends the search. With any problem, there is no lexicon."""
    problems = list(raw.problems)
    rows = list(raw.rows)
    while len(problems) < MAX_PROBLEMS:
        try:
            lex = _build(dataclasses.replace(raw, rows=tuple(rows)))
        except LexiconError as exc:
            if problems and not rows:
                break  # every entry was bad: "no entries" would say nothing new
            problems.append(exc)
            kept = [r for r in rows if r.line != exc.line]
            if exc.line is None or len(kept) == len(rows):
                break
            rows = kept
        else:
            return (None, tuple(problems)) if problems else (lex, ())
    return None, tuple(problems)


def _build(raw: RawLexicon) -> Lexicon:
    kind = raw.meta["kind"]
    builder = KINDS.get(kind)
    if builder is None:
        raise LexiconError(
            f"kind {kind!r} is unknown; known kinds: {', '.join(sorted(KINDS))}", path=raw.source
        )
    categories, entries = builder(raw)
    if not entries:
        raise LexiconError("has a header but no entries", path=raw.source)
    return Lexicon(
        id=raw.meta["id"],
        version=raw.meta["version"],
        kind=kind,
        language=raw.meta["language"],
        license=raw.meta["license"],
        title=raw.meta.get("title", raw.meta["id"]),
        description=raw.meta.get("description", ""),
        source=raw.source,
        sha256=raw.sha256,
        categories=MappingProxyType(dict(categories)),
        entries=entries,
        meta=MappingProxyType(dict(raw.meta)),
    )


def load_lexicon(path: str | Path) -> Lexicon:
    """Read, validate and return the lexicon in the file at ``path``.

    A malformed file is refused with an error naming the file, the line and the problem;
    its ``problems`` hold every problem found in the file.

    >>> from framing.resources import lexicon_dir
    >>> lex = load_lexicon(lexicon_dir() / "loaded-language.tsv")
    >>> lex.id, len(lex.entries) > 900
    ('loaded-language', True)
    """
    lex, problems = checked(read_lexicon_file(path))
    if lex is None:
        raise LexiconError.of(problems)
    return lex


@functools.lru_cache(maxsize=1)
def builtin_lexicons() -> Mapping[str, Lexicon]:
    """Every built-in lexicon by id, parsed once."""
    found: dict[str, Lexicon] = {}
    for item in sorted(lexicon_dir().iterdir(), key=lambda t: t.name):
        if not item.name.endswith(".tsv"):
            continue
        built, problems = checked(parse_lexicon_bytes(item.read_bytes(), source=f"builtin:{item.name}"))
        if built is None:
            raise LexiconError.of(problems)
        lex = built
        if lex.id in found:
            raise LexiconError(f"duplicate built-in lexicon id {lex.id!r}", path=lex.source)
        found[lex.id] = lex
    return MappingProxyType(found)


def get_lexicon(name: str) -> Lexicon:
    """A built-in lexicon by id, or a lexicon file by path."""
    lexicons = builtin_lexicons()
    if name in lexicons:
        return lexicons[name]
    if Path(name).suffix or "/" in name or "\\" in name:
        return load_lexicon(name)
    raise UsageError(
        f"no built-in lexicon called {name!r}; built-in lexicons: {', '.join(sorted(lexicons))}. "
        "To use your own, give the path to its file."
    )


def lexicons_of_kind(lexicons: Iterable[Lexicon], kind: str) -> tuple[Lexicon, ...]:
    return tuple(lex for lex in lexicons if lex.kind == kind)
