"""Where each article stands on each claim: it carries it, says something different,
may carry it, could not have reported it yet, or leaves it out.

"Left out" is said only when the article has no sentence even loosely related to the
claim and its date does not rule the claim out. An article written before the claim's event
happened has it "not yet reported": the event's date comes from the sentences that
state the claim (:func:`framing.coverage.dates.sentence_range`), or, where they give
none (or give one that may be a background event's), from the date of the articles that
carry it, when those were all written a week or more later and the claim is news to the
earlier article: it names none of the claim's kinds of event anywhere, or the claim only
tells how things stand ("250 remain").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from .claims import Link
from .dates import DateRange
from .units import Unit
from .view import ClaimInArticle

__all__ = ["NEWS_GAP", "claim_date", "news_date", "statuses"]

#: How much later than an article the articles carrying a claim must be written for the
#: claim to count as news the article could not have had (when no sentence dates it, and
#: the article names none of its kinds of event).
NEWS_GAP = dt.timedelta(days=7)


def claim_date(
    members: Sequence[Unit],
    dates: Sequence[DateRange | None],
    events_in: Sequence[frozenset[str]],
    article: int,
    states: frozenset[str] = frozenset(),
) -> tuple[DateRange | None, str]:
    """When the claim's event happened, as far as ``article`` can be judged against it,
    and how that was found: ``sentence`` (the dates its sentences give) or ``articles``
    (the dates of the articles that carry it, when all were written a week or more after
    ``article`` and the claim is news to it: it names none of the claim's kinds of
    event, or the claim only tells how things stand, as in "250 remain")."""
    own = [u.date for u in members if u.date is not None]
    if own:
        return DateRange(min(d.first for d in own), max(d.last for d in own)), "sentence"
    return news_date(members, dates, events_in, article, states), "articles"


def news_date(
    members: Sequence[Unit],
    dates: Sequence[DateRange | None],
    events_in: Sequence[frozenset[str]],
    article: int,
    states: frozenset[str] = frozenset(),
) -> DateRange | None:
    """The dates of the articles carrying a claim that is news to ``article`` (see
    :func:`claim_date`), else ``None``."""
    # what the claim is about: the kinds of event every sentence stating it names (all
    # their kinds where they share none)
    kinds = frozenset.intersection(*(u.event_kinds for u in members)) if members else frozenset()
    if not kinds:
        kinds = frozenset(e for u in members for e in u.event_kinds)
    events = kinds - states
    news = bool(kinds) and (not events & events_in[article] if events else True)
    carried = [dates[u.article] for u in members]
    written = dates[article]
    if not news or written is None or any(d is None or d.first - written.last < NEWS_GAP for d in carried):
        return None
    return DateRange(min(d.first for d in carried if d), max(d.last for d in carried if d))  # type: ignore[union-attr]


def statuses(
    members: Sequence[int],
    units: Sequence[Unit],
    links_of: Mapping[int, Sequence[Link]],
    labels: Sequence[str],
    dates: Sequence[DateRange | None],
    events_in: Sequence[frozenset[str]],
    related: float,
    states: frozenset[str] = frozenset(),
) -> list[ClaimInArticle]:
    """One :class:`ClaimInArticle` per article, in article order.

    An article carrying the claim has its sentence; one written before the claim's event
    is ``not_yet`` (whatever it says that looks alike); one whose most similar sentence
    reaches the ``related`` probability has it as ``different`` (where they differ) or
    ``maybe``; one with only loosely related sentences (below ``related``, but linked at
    all) is ``unclear``; the others leave it out."""
    group = [units[m] for m in members]
    by_article = {u.article: (m, u) for m, u in zip(members, group, strict=True)}
    member_set = set(members)
    out = []
    for k, label in enumerate(labels):
        if k in by_article:
            m, u = by_article[k]
            inside = [
                lk.probability for lk in links_of.get(m, ()) if {lk.a, lk.b} <= member_set and not lk.differs
            ]
            out.append(
                ClaimInArticle(
                    label, "carries", u.text, u.start, u.end, u.voice, max(inside) if inside else None
                )
            )
            continue
        near = [
            (lk, lk.b if lk.a == m else lk.a)
            for m in members
            for lk in links_of.get(m, ())
            if units[lk.b if lk.a == m else lk.a].article == k
        ]
        written = dates[k]
        when, how = claim_date(group, dates, events_in, k, states)
        if how == "sentence" and not (written is not None and when is not None and written.before(when)):
            # a date in the sentence may be that of a background event: news still counts
            when, how = news_date(group, dates, events_in, k, states), "articles"
        if when is not None and written is not None and written.before(when):
            source = {
                "sentence": "the date its sentences give",
                "articles": "the date of the articles that report it",
            }[how]
            out.append(
                ClaimInArticle(
                    label, "not_yet", reason=f"written {written}, before the event ({when}, {source})"
                )
            )
            continue
        if not near:
            out.append(ClaimInArticle(label, "left_out"))
            continue
        lk, other = max(near, key=lambda t: (t[0].probability, -t[1]))
        v = units[other]
        if lk.probability < related:
            out.append(ClaimInArticle(label, "unclear", confidence=lk.probability))
        elif lk.differs:
            out.append(
                ClaimInArticle(
                    label, "different", v.text, v.start, v.end, v.voice, lk.probability, "; ".join(lk.differs)
                )
            )
        else:
            out.append(ClaimInArticle(label, "maybe", v.text, v.start, v.end, v.voice, lk.probability))
    return out
