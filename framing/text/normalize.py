"""Normalise text for analysis without losing the way back to the original.

Analysers read a normalised copy of the article (curly quotes and apostrophes made
straight, typewriter quotes ('' and ``) made double, odd spaces made plain, dashes
unified, ellipses and ligatures spelled out, soft hyphens dropped, Unicode composed). Every span found in the copy is mapped back to
the original text with :meth:`Normalized.to_original`, so reports always point at the
characters the outlet published.

Most changes keep the length (one character for one character), and then offsets are
the same in both. The few that do not are recorded as replacements, and the mapping is
a binary search over them.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass

__all__ = ["CLOSING_QUOTES", "OPENING_QUOTES", "Normalized", "normalize"]

#: Double quotation marks that open a quotation in the original text.
OPENING_QUOTES = frozenset("\u201c\u201e\u00ab\u301d")
#: Double quotation marks that close a quotation in the original text.
CLOSING_QUOTES = frozenset("\u201d\u00bb\u301e\u301f")

_ONE_FOR_ONE = {
    # single quotes and apostrophes
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "\u2032": "'",
    "\u02bc": "'",
    "\uff07": "'",
    "`": "'",
    "\u00b4": "'",
    # double quotes (direction is read from the original when it matters)
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u201f": '"',
    "\u2033": '"',
    "\u00ab": '"',
    "\u00bb": '"',
    "\u301d": '"',
    "\u301e": '"',
    "\u301f": '"',
    "\uff02": '"',
    # hyphens join words; dashes separate them
    "\u2010": "-",
    "\u2011": "-",
    "\u2212": "-",
    "\u2012": "\u2014",
    "\u2013": "\u2014",
    "\u2015": "\u2014",
    "\ufe58": "\u2014",
    # spaces
    "\u00a0": " ",
    "\u1680": " ",
    "\u2000": " ",
    "\u2001": " ",
    "\u2002": " ",
    "\u2003": " ",
    "\u2004": " ",
    "\u2005": " ",
    "\u2006": " ",
    "\u2007": " ",
    "\u2008": " ",
    "\u2009": " ",
    "\u200a": " ",
    "\u200b": " ",
    "\u202f": " ",
    "\u205f": " ",
    "\u3000": " ",
    "\ufeff": " ",
    "\t": " ",
    "\x0b": " ",
    "\x0c": " ",
    # line breaks
    "\u2028": "\n",
    "\u2029": "\n",
    "\x85": "\n",
}
# other control characters become spaces
for _code in list(range(0, 9)) + list(range(14, 32)) + [127]:
    _ONE_FOR_ONE.setdefault(chr(_code), " ")
# Most articles hold only a few of these characters, a few times each: each one present
# is replaced throughout (no replacement is itself replaced), which is much faster than
# str.translate over every character of a text that is not all ASCII.
_ONE_FOR_ONE_RE = re.compile("[" + "".join(map(re.escape, sorted(_ONE_FOR_ONE))) + "]")

_EXPANSIONS = {
    "''": '"',  # typewriter-style double quotes: ''like this'' or ``like this''
    "``": '"',
    "\u2026": "...",
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\u00ad": "",  # soft hyphen
}
_LENGTH_CHANGING = re.compile("''|``|[\u2026\ufb00-\ufb04\u00ad]")
_CR = re.compile(r"\r(\n?)")
# a base character followed by combining marks, where composing may shorten the text
_COMBINING_RUN = re.compile(r".[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+", re.S)


@dataclass(frozen=True)
class Normalized:
    """A normalised copy of a text and the map back to the original.

    ``replacements`` holds ``(norm_start, norm_end, orig_start, orig_end)`` for every
    place where lengths differ, in order. Outside them the two texts align one for one,
    shifted by the length change so far.
    """

    text: str
    original: str
    replacements: tuple[tuple[int, int, int, int], ...] = ()

    def orig_start(self, pos: int) -> int:
        """Original offset of the character at normalised offset ``pos``."""
        if not self.replacements:
            return pos
        k = bisect_right(self._starts, pos) - 1
        if k < 0:
            return pos
        _n0, n1, o0, o1 = self.replacements[k]
        if pos < n1:
            return o0
        return o1 + (pos - n1)

    def orig_end(self, pos: int) -> int:
        """Original offset matching the exclusive normalised end offset ``pos``."""
        if not self.replacements:
            return pos
        if pos >= len(self.text):
            return len(self.original)
        k = bisect_right(self._starts, pos - 1) - 1
        if k < 0:
            return pos
        _n0, n1, _o0, o1 = self.replacements[k]
        if pos <= n1:
            return o1
        return o1 + (pos - n1)

    def from_original(self, pos: int) -> int:
        """Normalised offset of original offset ``pos`` (the start of its replacement
        when it falls inside one)."""
        if not self.replacements:
            return pos
        k = bisect_right([r[2] for r in self.replacements], pos) - 1
        if k < 0:
            return pos
        n0, n1, _o0, o1 = self.replacements[k]
        if pos < o1:
            return n0
        return n1 + (pos - o1)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalised span ``[start, end)`` to a span of the original text."""
        if start >= end:
            s = self.orig_start(start) if start < len(self.text) else self.orig_end(start)
            return s, s
        return self.orig_start(start), self.orig_end(end)

    @property
    def _starts(self) -> list[int]:
        cached = self.__dict__.get("_starts_cache")
        if cached is None:
            cached = [r[0] for r in self.replacements]
            object.__setattr__(self, "_starts_cache", cached)
        return cached


def normalize(text: str) -> Normalized:
    """Return the normalised copy of ``text`` with its offset map."""
    # carriage returns: "\r\n" keeps its length as " \n"; a lone "\r" is a line break
    out = _CR.sub(lambda m: " \n" if m.group(1) else "\n", text) if "\r" in text else text
    for char in set(_ONE_FOR_ONE_RE.findall(out)):
        out = out.replace(char, _ONE_FOR_ONE[char])
    if not _LENGTH_CHANGING.search(out) and unicodedata.is_normalized("NFC", out):
        return Normalized(out, text)

    pieces: list[str] = []
    replacements: list[tuple[int, int, int, int]] = []
    # positions are tracked in the original text (which aligns one for one with `out`)
    last = 0
    npos = 0
    pattern = re.compile(_LENGTH_CHANGING.pattern + "|" + _COMBINING_RUN.pattern, re.S)
    for m in pattern.finditer(out):
        s, e = m.span()
        chunk = m.group()
        new = _EXPANSIONS.get(chunk)
        if new is None:
            new = unicodedata.normalize("NFC", chunk)
        if len(new) == len(chunk):
            continue
        pieces.append(out[last:s])
        npos += s - last
        pieces.append(new)
        replacements.append((npos, npos + len(new), s, e))
        npos += len(new)
        last = e
    pieces.append(out[last:])
    return Normalized("".join(pieces), text, tuple(replacements))
