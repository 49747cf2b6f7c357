"""The comparison's charts of the actors: the tone of the sentences around the main
actors, and the roles (villain, victim, hero) each article casts them in, in its own
voice and in the voices it quotes, with the evidence for each role."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from .article_views import ArticleView
from .comparison_types import (
    BarChart,
    BarRow,
    Cast,
    CastEvidence,
    QuotedCast,
    QuotedCell,
    RoleRow,
    RoleTable,
    ToneCell,
)
from .metrics import ActorRow

__all__ = ["ROLES", "actor_roles", "actor_tone", "roles_by_article"]


def _totals(views: Sequence[ArticleView]) -> tuple[Counter[str], dict[str, str]]:
    """Each actor's mentions across the articles, and its name (as first met)."""
    totals: Counter[str] = Counter()
    names: dict[str, str] = {}
    for v in views:
        for row in v.actors:
            totals[row.id] += row.mentions.total
            names.setdefault(row.id, row.name)
    return totals, names


def _main_actors(views: Sequence[ArticleView], top: int) -> tuple[list[str], dict[str, str]]:
    """The ``top`` actors most mentioned across the articles, and every actor's name."""
    totals, names = _totals(views)
    return [aid for aid, _ in totals.most_common(top)], names


def actor_tone(views: Sequence[ArticleView], group: str, top: int = 6) -> BarChart[ToneCell]:
    """The tone of the sentences around the actors most mentioned across the articles,
    in one voice group: the lexicon-and-rules score and, where it ran, the classifier.
    Tone is not portrayal: a victim sits among sad words (see ``actor_roles``)."""
    chosen, names = _main_actors(views, top)
    rows = []
    for v in views:
        by_id = {row.id: row for row in v.actors}
        cells: dict[str, ToneCell] = {}
        for aid in chosen:
            actor = by_id.get(aid)
            if actor is None:
                cells[aid] = ToneCell(None, None, 0)
            else:
                own, tone = group == "own", actor.tone
                cells[aid] = ToneCell(
                    tone.lexicon.own if own else tone.lexicon.quoted,
                    tone.classifier.own if own else tone.classifier.quoted,
                    actor.mentions.own if own else actor.mentions.quoted,
                )
        rows.append(BarRow(v.label, cells))
    voice = "the outlet's own voice" if group == "own" else "quotes"
    return BarChart(
        title=f"Tone of the sentences around the main actors in {voice} (-1 negative to +1 positive)",
        series=tuple(chosen),
        series_labels={aid: names[aid] for aid in chosen},
        rows=tuple(rows),
    )


#: The roles an outlet can cast an actor in, for tables and charts.
ROLES = ("villain", "victim", "hero")


def _cast_cell(row: ActorRow) -> Cast:
    """One actor in one article, for the role table: its role in the outlet's voice and
    in each quoted voice, with the evidence behind each role that is not neutral."""
    portrayal = row.portrayal
    own = portrayal.own
    quoted = [c for c in portrayal.quoted if c.role != "neutral"]
    evidence = tuple(
        CastEvidence.of(e)
        for cast in [own, *quoted]
        if cast.role != "neutral"
        for e in cast.evidence
        if not e.negated and e.role == cast.role
    )
    return Cast(
        own=own.role,
        confidence=own.confidence,
        decided_by=own.decided_by,
        quoted=tuple(QuotedCast(c.speaker, c.role, c.confidence) for c in quoted),
        quoted_role=portrayal.quoted_role.role,
        mentions=row.mentions.total,
        evidence=evidence,
    )


def actor_roles(views: Sequence[ArticleView], top: int = 15) -> RoleTable:
    """Who is the villain, the victim and the hero in each outlet's telling: for the
    actors some article casts in a role (then the most mentioned), each article's role
    for it in its own voice and in the voices it quotes, with the evidence."""
    totals, names = _totals(views)
    cast: Counter[str] = Counter()
    for v in views:
        for row in v.actors:
            cell = _cast_cell(row)
            cast[row.id] += (cell.own != "neutral") + (cell.quoted_role != "neutral")
    chosen = sorted(totals, key=lambda aid: (-(cast[aid] > 0), -totals[aid], names[aid]))[:top]
    rows = []
    for aid in chosen:
        cells = {v.label: _cast_cell(row) for v in views for row in v.actors if row.id == aid}
        rows.append(RoleRow(aid, names[aid], cells))
    return RoleTable(
        title="Who is the villain, the victim and the hero in each outlet's telling",
        articles=tuple(v.label for v in views),
        roles=ROLES,
        rows=tuple(rows),
    )


def roles_by_article(views: Sequence[ArticleView]) -> BarChart[QuotedCell]:
    """How many actors each article casts in each role, in its own voice (the bars) and
    in the voices it quotes (``<role>__quoted``)."""
    rows = []
    for v in views:
        cells = [_cast_cell(row) for row in v.actors]
        counts = {
            r: QuotedCell(sum(1 for c in cells if c.own == r), sum(1 for c in cells if c.quoted_role == r))
            for r in ROLES
        }
        rows.append(BarRow(v.label, counts, extras_last=True))
    return BarChart(
        title="How many actors each outlet casts as villain, victim or hero in its own voice",
        series=ROLES,
        series_labels={r: r.capitalize() for r in ROLES},
        rows=tuple(rows),
    )
