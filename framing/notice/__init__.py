"""What to notice: five to eight plain sentences at the top of a report that say what
differs between the articles, each with the words behind it.

The rooms:

- :mod:`.view`: the plain data (:class:`Notice`, :class:`Evidence`);
- :mod:`.templates`: every sentence that can be said, with its condition and hedge;
- :mod:`.loaded`, :mod:`.sources`, :mod:`.choices`: the readers, which fill in each
  template's numbers from the finished comparison.

:func:`find_notices` runs the readers, keeps the sentences whose conditions hold, and
ranks them by the template's weight and the size of the difference (a fixed order,
so the same articles give the same sentences). With one article, or where nothing
stands out, it says so in one sentence.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

from ..article_views import ArticleView
from ..comparison_types import Category
from ..coverage.view import Coverage
from ..results import ArticleAnalysis
from .choices import label_candidates, quotation_candidates, role_candidates
from .inputs import Inputs
from .loaded import loaded_candidates
from .sources import source_candidates
from .templates import TEMPLATES, Candidate, Template, template
from .view import Evidence, Notice

__all__ = ["MAX_NOTICES", "TEMPLATES", "Evidence", "Notice", "Template", "find_notices", "notice_of"]

#: At most this many sentences.
MAX_NOTICES = 8
#: At most this many sentences of one family (two for any family not named).
FAMILY_LIMITS = {"roles": 1, "alone": 1}


def notice_of(candidate: Candidate) -> Notice:
    """The sentence a candidate makes (whether or not its template's condition holds)."""
    t = template(candidate.template)
    return Notice(
        template=t.id,
        text=t.text(candidate.values, candidate.slots),
        values=dict(candidate.values),
        evidence=candidate.evidence,
        hedged=t.hedged(candidate.values),
        section=t.section,
    )


def candidates(inputs: Inputs) -> list[Candidate]:
    """Every sentence the readers could say, fired or not."""
    return [
        *loaded_candidates(inputs),
        *quotation_candidates(inputs),
        *source_candidates(inputs),
        *label_candidates(inputs),
        *role_candidates(inputs),
    ]


def find_notices(
    views: Sequence[ArticleView],
    analyses: Sequence[ArticleAnalysis],
    coverage: Coverage,
    *,
    source_types: Mapping[str, Category] | None = None,
    connotations: Mapping[str, Category] | None = None,
    limit: int = MAX_NOTICES,
) -> tuple[Notice, ...]:
    """The sentences of "What to notice" for these articles, most telling first."""
    if not views:
        return ()
    if len(views) == 1:
        alone = Candidate("single_article", {"article": views[0].label, "articles": 1})
        return (notice_of(alone),)
    inputs = Inputs(views, analyses, coverage, source_types or {}, connotations or {})
    order = {t.id: n for n, t in enumerate(TEMPLATES)}
    fired = [c for c in candidates(inputs) if template(c.template).fires(c.values)]
    ranked = sorted(
        fired,
        key=lambda c: (
            -(template(c.template).weight + c.size),
            order[c.template],
            notice_of(c).text,
        ),
    )
    chosen: list[Notice] = []
    taken: Counter[str] = Counter()
    seen: set[str] = set()
    for c in ranked:
        t = template(c.template)
        n = notice_of(c)
        if taken[t.family] >= FAMILY_LIMITS.get(t.family, 2) or n.text in seen:
            continue
        taken[t.family] += 1
        seen.add(n.text)
        chosen.append(n)
        if len(chosen) >= limit:
            break
    if not chosen:
        chosen.append(notice_of(Candidate("alike", {"articles": len(views)})))
    return tuple(chosen)
