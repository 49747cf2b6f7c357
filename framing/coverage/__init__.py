"""What articles about the same event share, where they differ, and what each leaves out.

The rooms, in the order the work is done:

- :mod:`.units`: each sentence read once (words, names, actors, figures, events, date);
- :mod:`.events`, :mod:`.figures`, :mod:`.dates`: what happened, the numbers with what
  they count, and when;
- :mod:`.quotations`: the same quotation in several articles, word for word;
- :mod:`.pairs`: candidate sentence pairs and their features, scored by the claim-pair
  model (:mod:`framing.models.claim_pairs`);
- :mod:`.claims`: pairs that state the same claim joined, pairs that differ kept apart;
- :mod:`.omissions`: where each article stands on each claim (carries it, differs, may
  carry it, could not have reported it yet, leaves it out);
- :mod:`.headlines`: each headline against its own body;
- :mod:`.view`: the plain view model all of this fills in.

Everything reads finished analyses; nothing here renders.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from ..lexicon import Lexicon, builtin_lexicons
from ..models.claim_pairs import ClaimPairModel
from ..results import ArticleAnalysis
from .claims import best_links, group_claims, score_links
from .dates import article_range
from .events import EventReader
from .figures import FigureReader, group_figures
from .headlines import check_headlines
from .omissions import claim_date, statuses
from .pairs import candidate_pairs
from .quotations import shared_quotations
from .units import Readers, Unit, read_units
from .view import Claim, Coverage, SharedQuotation, round_robin

__all__ = ["MIN_CLAIM_WORDS", "Coverage", "build_coverage", "default_model", "readers_for"]

#: A claim one article alone makes is listed only when its sentence has this many words.
MIN_CLAIM_WORDS = 8
_KINDS = ("events", "counted")


@functools.lru_cache(maxsize=1)
def default_model() -> ClaimPairModel:
    """The shipped claim-pair model, read and checked once."""
    return ClaimPairModel.load()


def _lexicons(lexicons: Iterable[Lexicon] | None) -> tuple[Lexicon, ...]:
    """The events and counted lexicons given, else the built-in ones (for each kind)."""
    given = tuple(lex for lex in (lexicons or ()) if lex.kind in _KINDS)
    builtin = builtin_lexicons()
    out = list(given)
    for kind in _KINDS:
        if not any(lex.kind == kind for lex in given):
            out += [lex for lex in builtin.values() if lex.kind == kind]
    return tuple(out)


_READERS: dict[tuple[tuple[str, str, str], ...], Readers] = {}


def readers_for(lexicons: Iterable[Lexicon] | None = None) -> Readers:
    """The compiled events and counted lexicons (built-in ones where none are given),
    compiled once for each set of lexicon files."""
    chosen = _lexicons(lexicons)
    key = tuple((lex.id, lex.source, lex.sha256) for lex in chosen)
    if key not in _READERS:
        if len(_READERS) >= 8:
            _READERS.clear()
        _READERS[key] = Readers(EventReader(chosen), FigureReader(chosen))
    return _READERS[key]


def _quotation_at(
    units: Sequence[Unit], labels: Sequence[str], quotations: Sequence[SharedQuotation]
) -> dict[int, frozenset[int]]:
    """For each unit, the shared quotations (by position) it holds, quoted or paraphrased."""
    index = {label: n for n, label in enumerate(labels)}
    spans: dict[int, list[tuple[int, int, int]]] = defaultdict(list)
    for qn, sq in enumerate(quotations):
        for use in sq.uses:
            spans[index[use.article]].append((use.start, use.end, qn))
    out: dict[int, set[int]] = defaultdict(set)
    for k, u in enumerate(units):
        for s, e, qn in spans.get(u.article, ()):
            if s < u.end and u.start < e:
                out[k].add(qn)
    return {k: frozenset(v) for k, v in out.items()}


def build_coverage(
    analyses: Sequence[ArticleAnalysis],
    labels: Sequence[str],
    *,
    lexicons: Iterable[Lexicon] | None = None,
    model: ClaimPairModel | None = None,
    thresholds: Mapping[str, float] | None = None,
) -> Coverage:
    """Claims, figures, shared quotations and headline checks across the articles.

    ``lexicons`` may hold ``events`` and ``counted`` lexicons to use instead of the
    built-in ones; ``model`` a claim-pair model instead of the shipped one;
    ``thresholds`` any of ``same``, ``related``, ``left_out`` and ``worksheet`` to
    override the model's.
    """
    readers = readers_for(lexicons)
    model = model or default_model()
    limits = {**model.thresholds_, **dict(thresholds or {})}
    dates = [article_range(a.article.date, a.text) for a in analyses]
    units = [u for i, a in enumerate(analyses) for u in read_units(i, a, readers, dates[i])]
    quotations = shared_quotations(analyses, labels)
    claims: list[Claim] = []
    if len(analyses) >= 2 and units:
        pairs = candidate_pairs(units, _quotation_at(units, labels, quotations))
        probabilities = model.probabilities([p.features for p in pairs])
        links = score_links(units, pairs, probabilities, readers.events, readers.figures, limits["left_out"])
        claims = _claims(
            units, links, labels, dates, limits["same"], limits["related"], readers.events.states
        )
    used = [lex for lex in readers.events.lexicons + readers.figures.lexicons]
    return Coverage(
        articles=tuple(labels),
        dates={label: (str(d) if d else None) for label, d in zip(labels, dates, strict=True)},
        method=(
            f"claim-pair model {model.provenance()['version']} (a logistic regression on shared words, names, "
            "figures, events and quotations), matches at a probability of "
            f"{limits['same']:.2f} or more; sentences whose figures, events or negation differ are kept apart"
        ),
        thresholds=limits,
        claims=tuple(claims),
        figures=tuple(
            group_figures(
                [(u.article, u.text, f) for u in units for f in u.figures],
                labels,
                readers.figures,
                readers.events,
            )
        ),
        quotations=tuple(quotations),
        headlines=tuple(check_headlines(analyses, labels)),
        provenance={"model": model.provenance(), "lexicons": [lex.provenance() for lex in used]},
    )


def _claims(
    units: Sequence[Unit],
    links: Sequence[Any],
    labels: Sequence[str],
    dates: Sequence[Any],
    same: float,
    related: float,
    states: frozenset[str] = frozenset(),
) -> list[Claim]:
    groups = group_claims(units, links, same)
    links_of = best_links(links)
    events_in = [
        frozenset(e for u in units if u.article == k for e in u.event_kinds) for k in range(len(labels))
    ]
    shared: list[tuple[tuple[Any, ...], Claim]] = []
    unique: list[list[Claim]] = [[] for _ in labels]
    for members in groups:
        group = [units[m] for m in members]
        arts = {u.article for u in group}
        if len(arts) < 2 and group[0].words < MIN_CLAIM_WORDS:
            continue
        first = min(group, key=lambda u: (u.article, u.start))
        rows = statuses(members, units, links_of, labels, dates, events_in, related, states)
        carried = [r.confidence for r in rows if r.status == "carries" and r.confidence is not None]
        when, how = claim_date(group, dates, events_in, first.article, states)
        claim = Claim(
            id="",
            text=first.text,
            scope="all" if len(arts) == len(labels) else ("one" if len(arts) == 1 else "some"),
            articles=tuple(rows),
            confidence=min(carried) if carried else None,
            date=str(when) if when is not None and how == "sentence" else None,
            numbers=tuple(sorted({f.value for u in group for f in u.figures})),
            events=tuple(sorted({e for u in group for e in u.event_kinds})),
        )
        if len(arts) > 1:
            shared.append(((len(arts) != len(labels), -len(arts), first.article, first.start), claim))
        else:
            unique[first.article].append(claim)
    ordered = [c for _, c in sorted(shared, key=lambda t: t[0])] + round_robin(unique)
    return [_numbered(c, n) for n, c in enumerate(ordered, start=1)]


def _numbered(claim: Claim, n: int) -> Claim:
    from dataclasses import replace

    return replace(claim, id=f"C{n}")
