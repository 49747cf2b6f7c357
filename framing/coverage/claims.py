"""Claims: sentences of different articles that say the same thing, joined.

Two sentences state the same claim when the claim-pair model gives them a probability of
at least the ``same`` threshold **and** nothing they say differs: the same figure with
another event ("2,000 withdrawn", "2,000 deployed"), another number for the same
counted event, contradicting events with none in common (withdraw and deploy, decried
and welcomed), or one saying that what the other reports did not happen. A pair that
is similar enough to be related (the ``related`` threshold) but differs is kept as
"related, says something different", with the reason.

Matches are taken strongest first, each sentence matching at most one sentence of each
other article, and a claim never takes two sentences of one article nor two sentences
that differ.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .events import EventReader
from .figures import FigureMention, FigureReader
from .pairs import Pair
from .units import Unit

__all__ = ["Link", "differences", "group_claims"]


@dataclass(frozen=True, slots=True)
class Link:
    """A scored pair of sentences, with what differs between them (empty when nothing
    does)."""

    a: int
    b: int
    probability: float
    differs: tuple[str, ...] = ()


def _figure_words(f: FigureMention, figures: FigureReader) -> str:
    thing = f.thing_words or (figures.labels.get(f.thing, f.thing) if f.thing else "")
    return " ".join(x for x in (f.text, thing) if x)


def differences(u: Unit, v: Unit, events: EventReader, figures: FigureReader) -> tuple[str, ...]:
    """What two sentences say differently, in words a student can check (empty when
    nothing differs)."""
    out: list[str] = []
    for f in u.figures:
        for g in v.figures:
            if f.value == g.value and f.thing and g.thing and f.thing != g.thing:
                out.append(f"{_figure_words(f, figures)} in one, {_figure_words(g, figures)} in the other")
                continue
            if f.thing is None or f.thing != g.thing or not f.event or not g.event:
                continue
            shared = set(f.event) & set(g.event)
            if f.value == g.value and not shared:
                out.append(
                    f"{_figure_words(f, figures)} {f.event_word} in one, {_figure_words(g, figures)} {g.event_word} in the other"
                )
            elif f.value != g.value and shared and f.negated == g.negated:
                label = events.label(sorted(shared)[0]).lower()
                out.append(
                    f"{label}: {_figure_words(f, figures)} in one, {_figure_words(g, figures)} in the other"
                )
    # an event only one sentence names, against its opposite only the other names
    only_u, only_v = u.event_kinds - v.event_kinds, v.event_kinds - u.event_kinds
    if events.opposed(only_u, only_v):
        wa = ", ".join(
            m.word for m in u.events if not m.negated and events.opposed(set(m.events) & only_u, only_v)
        )
        wb = ", ".join(
            m.word for m in v.events if not m.negated and events.opposed(set(m.events) & only_v, only_u)
        )
        out.append(f"opposite events: {wa} in one, {wb} in the other")
    for x, y in ((u, v), (v, u)):
        denied = (x.negated_kinds & y.event_kinds) - x.event_kinds
        if denied:
            word = next(m.word for m in x.events if m.negated and set(m.events) & denied)
            out.append(f"one says it did not happen ({word})")
            break
    return tuple(dict.fromkeys(out))


def score_links(
    units: Sequence[Unit],
    pairs: Sequence[Pair],
    probabilities: Sequence[float],
    events: EventReader,
    figures: FigureReader,
    related: float,
) -> list[Link]:
    """The pairs at or above the ``related`` threshold, strongest first, with what
    differs between them."""
    out = [
        Link(p.a, p.b, float(prob), differences(units[p.a], units[p.b], events, figures))
        for p, prob in zip(pairs, probabilities, strict=True)
        if prob >= related
    ]
    out.sort(key=lambda link: (-link.probability, link.a, link.b))
    return out


def group_claims(units: Sequence[Unit], links: Sequence[Link], same: float) -> list[list[int]]:
    """Groups of units that state one claim (each group one sentence per article),
    strongest matches first; units matched to nothing are groups of their own."""
    parent = list(range(len(units)))
    members: dict[int, set[int]] = {k: {k} for k in range(len(units))}
    taken: set[tuple[int, int]] = set()  # (unit, other article) already matched
    differs: dict[int, set[int]] = defaultdict(set)
    for link in links:
        if link.differs:
            differs[link.a].add(link.b)
            differs[link.b].add(link.a)

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for link in links:
        if link.probability < same or link.differs:
            continue
        x, y = link.a, link.b
        if (x, units[y].article) in taken or (y, units[x].article) in taken:
            continue
        rx, ry = find(x), find(y)
        if rx == ry:
            continue
        arts_x = {units[m].article for m in members[rx]}
        arts_y = {units[m].article for m in members[ry]}
        if arts_x & arts_y:
            continue
        if any(differs[m] & members[ry] for m in members[rx]):
            continue
        parent[rx] = ry
        members[ry] |= members.pop(rx)
        taken.add((x, units[y].article))
        taken.add((y, units[x].article))
    return [sorted(g) for root, g in sorted(members.items()) if find(root) == root]


def best_links(links: Sequence[Link]) -> Mapping[int, list[Link]]:
    """Each unit's links, strongest first."""
    out: dict[int, list[Link]] = defaultdict(list)
    for link in links:
        out[link.a].append(link)
        out[link.b].append(link)
    return out
