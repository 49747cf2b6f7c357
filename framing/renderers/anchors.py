"""Where the evidence of "What to notice" is in the highlighted texts of the HTML
report: an empty, identified span where each piece of evidence begins, and the link
to it from the sentence. Layout only: the evidence itself is found in
:mod:`framing.notice`."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from markupsafe import escape

if TYPE_CHECKING:
    from ..comparison import Comparison, Piece

__all__ = ["anchor_spans", "notice_anchors", "with_anchors"]


def anchor_spans(idents: Sequence[str]) -> str:
    """Empty spans with these ids, for a link to land on.

    >>> anchor_spans(["n1-e1"])
    '<span id="n1-e1" class="ev"></span>'
    """
    return "".join(f'<span id="{escape(ident)}" class="ev"></span>' for ident in idents)


def with_anchors(piece: Piece, anchors: Mapping[int, Sequence[str]]) -> str:
    """A piece's escaped text with an empty, identified span where each anchor falls
    inside it (an anchor at its start is placed before its marks)."""
    at = sorted(offset for offset in anchors if piece.start < offset < piece.end)
    if not at:
        return str(escape(piece.text))
    out, pos = [], piece.start
    for offset in at:
        out.append(str(escape(piece.text[pos - piece.start : offset - piece.start])))
        out.append(anchor_spans(anchors[offset]))
        pos = offset
    out.append(str(escape(piece.text[pos - piece.start :])))
    return "".join(out)


def notice_anchors(
    comparison: Comparison,
) -> tuple[dict[str, dict[int, list[str]]], dict[tuple[int, int], str]]:
    """Where the evidence of each notice begins in the texts the page shows (by article
    label, offset: the ids to place there), and each evidence's link by (notice,
    evidence) number, both counted from 1. Evidence in an article the page does not
    show has no link."""
    shown = {v.label for v in comparison.articles}
    anchors: dict[str, dict[int, list[str]]] = {}
    links: dict[tuple[int, int], str] = {}
    for k, n in enumerate(comparison.notices, 1):
        for j, e in enumerate(n.evidence, 1):
            if e.label in shown:
                ident = f"n{k}-e{j}"
                anchors.setdefault(e.label, {}).setdefault(e.start, []).append(ident)
                links[(k, j)] = f"#{ident}"
    return anchors, links
