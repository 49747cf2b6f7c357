"""Direct quotations: where each one opens and closes.

Marks are read from the normalised text (every double quotation mark is ``"`` there)
and their direction from the original character: curly marks say whether they open or
close; straight ones are judged from the characters around them.

News conventions handled:

* a quotation that runs over several sentences;
* a quotation over several paragraphs: a paragraph that opens a quote and does not close
  it continues in the next paragraph, which by convention opens with a quote mark again;
* single quotes nested inside double ones (single quotes never open a quotation, so
  apostrophes cannot break anything);
* unbalanced marks: an unclosed quotation ends with its paragraph (and is flagged), and
  a stray closing mark is ignored, so a broken quote never swallows the rest of the
  article.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .normalize import CLOSING_QUOTES, OPENING_QUOTES

__all__ = ["QuoteSpan", "find_quotes"]

_OPEN_BEFORE = set(" \n\t([{\u2014-/:;,")
_CLOSE_AFTER = set(" \n\t.,;:!?)]}\u2014-/'")


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """A quotation in normalised offsets: ``start``/``end`` include the marks."""

    start: int
    end: int
    closed: bool
    paragraphs: int = 1

    @property
    def content(self) -> tuple[int, int]:
        s = self.start + 1
        e = self.end - 1 if self.closed else self.end
        return s, max(s, e)


def _direction(norm: str, orig_char: str, i: int, seg_start: int, seg_end: int) -> str:
    """'open', 'close', 'either' or 'none' for the mark at ``i``."""
    if orig_char in OPENING_QUOTES:
        return "open"
    if orig_char in CLOSING_QUOTES:
        return "close"
    prev = norm[i - 1] if i > seg_start else " "
    nxt = norm[i + 1] if i + 1 < seg_end else " "
    if prev.isdigit() and not nxt.isalnum():
        return "none"  # inches: 5"
    opens = prev in _OPEN_BEFORE and not nxt.isspace()
    closes = nxt in _CLOSE_AFTER and not prev.isspace()
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return "either"


def find_quotes(
    norm: str,
    original_char: Callable[[int], str],
    paragraphs: Sequence[Sequence[tuple[int, int]]],
) -> list[QuoteSpan]:
    """Find quotations.

    ``paragraphs`` lists, for each paragraph in order, the segments of it that may hold
    quotations (furniture cut out). ``original_char(i)`` gives the original character
    behind normalised position ``i``.
    """
    marks: list[list[tuple[int, str]]] = []
    for segments in paragraphs:
        pm: list[tuple[int, str]] = []
        for s, e in segments:
            i = norm.find('"', s, e)
            while i != -1:
                d = _direction(norm, original_char(i), i, s, e)
                if d != "none":
                    pm.append((i, d))
                i = norm.find('"', i + 1, e)
        marks.append(pm)

    quotes: list[QuoteSpan] = []
    open_at: int | None = None
    open_paras = 1
    skip_first = False
    for p, pm in enumerate(marks):
        for k, (i, d) in enumerate(pm):
            if k == 0 and skip_first:
                continue
            if open_at is None:
                if d in ("open", "either"):
                    open_at, open_paras = i, 1
            elif d in ("close", "either"):
                quotes.append(QuoteSpan(open_at, i + 1, True, open_paras))
                open_at = None
            else:  # an opening mark inside an open quote: the earlier one never closed
                quotes.append(QuoteSpan(open_at, _trim_end(norm, open_at, i), False, open_paras))
                open_at, open_paras = i, 1
        skip_first = False
        if open_at is None:
            continue
        para_end = paragraphs[p][-1][1]
        nxt = marks[p + 1] if p + 1 < len(marks) else []
        if nxt and nxt[0][1] in ("open", "either") and nxt[0][0] == paragraphs[p + 1][0][0]:
            skip_first = True  # convention: the continuing paragraph opens with a mark
            open_paras += 1
        elif nxt and nxt[0][1] == "close":
            open_paras += 1  # the quote runs on to a closing mark in the next paragraph
        else:
            quotes.append(QuoteSpan(open_at, para_end, False, open_paras))
            open_at = None
    return quotes


def _trim_end(norm: str, start: int, end: int) -> int:
    while end > start + 1 and norm[end - 1].isspace():
        end -= 1
    return end
