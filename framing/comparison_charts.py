"""The numbers behind every chart of a comparison, as typed data
(:mod:`framing.comparison_types`): rates by voice, who speaks and how, frames, labels,
roles, tone and distinctive words. Renderers draw them; they never compute them.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from .actor_charts import ROLES, actor_roles, actor_tone, roles_by_article
from .article_views import ArticleView, SpeakerView
from .comparison_types import (
    BarCell,
    BarChart,
    BarRow,
    Category,
    Cell,
    Charts,
    CountCell,
    DistinctiveTerm,
    DistinctiveTerms,
    EpistemicCell,
    EpistemicRow,
    EpistemicTable,
    LabelMatrix,
    LabelRow,
    LabelUse,
    QuotedCell,
    RateCell,
    SpeakerMatrix,
    SpeakerRow,
)
from .lexicon.kinds import CUE_GRADES
from .metrics.frames import Concept, EpistemicGroup
from .results import ArticleAnalysis
from .text.names import speaker_key

__all__ = ["FEW_WORDS", "ROLES", "chart_data", "rate_cell", "steady"]

#: A rate per 1,000 words of a voice rests on too few words to be steady when that voice
#: has fewer words than this: in 19 quoted words, one loaded word is a rate of 53.
FEW_WORDS = 100


def steady(words: int | None) -> bool:
    """Whether a rate per 1,000 words counted over ``words`` words is steady: a voice
    with no words has no rate to doubt, and an unknown count is taken as steady.

    >>> steady(19), steady(100), steady(0), steady(None)
    (False, True, True, True)
    """
    return words is None or words == 0 or words >= FEW_WORDS


def rate_cell(rate: float, words: int | None) -> RateCell:
    """One rate per 1,000 words in a chart row, with what the drawing needs to show how
    far it can be trusted: the words it was counted over, and whether it is steady (see
    :func:`steady`)."""
    return RateCell(rate, words, steady(words))


def chart_data(
    views: Sequence[ArticleView],
    categories: Mapping[str, Category],
    source_types: Mapping[str, Category],
    frame_labels: Mapping[str, Category],
    analyses: Sequence[ArticleAnalysis],
    group_by: str,
    connotations: Mapping[str, Category],
) -> Charts:
    """The numbers behind every chart."""
    rate_by_voice = BarChart(
        title="Loaded terms per 1,000 words, by voice",
        series=("own", "quoted", "reported"),
        series_labels={
            "own": "Outlet's own words",
            "quoted": "Direct quotes",
            "reported": "Reported speech",
        },
        unit="per 1,000 words",
        few_words=FEW_WORDS,
        rows=tuple(
            BarRow(
                v.label,
                {group: _loaded_rate(v, group) for group in ("own", "quoted", "reported")},
            )
            for v in views
        ),
    )
    category_counts = _by_article(
        "Loaded terms by category (outlet's own words)",
        views,
        sorted({f.category for v in views for f in v.findings if f.analyzer == "loaded"}),
        categories,
        lambda v, c: v.loaded.by_category[c].own if v.loaded and c in v.loaded.by_category else 0,
    )
    speech_by_type = _by_article(
        "Who speaks: share of quoted and reported words, by type of source",
        views,
        sorted({sp.type for v in views for sp in v.speakers}),
        source_types,
        lambda v, t: sum(sp.share for sp in v.speakers if sp.type == t),
    )
    frames_own = _by_article(
        "Frames in the outlet's own voice (share of frame cues)",
        views,
        sorted({k for v in views if v.frames for k in v.frames.own.distribution}),
        frame_labels,
        lambda v, k: v.frames.own.distribution.get(k, 0.0) if v.frames else 0.0,
    )
    distinctive = _distinctive(views, analyses, group_by)
    return Charts(
        loaded_rate_by_voice=rate_by_voice,
        categories_own=category_counts,
        speech_by_source_type=speech_by_type,
        speakers_by_article=_speaker_matrix(views),
        speech_by_speaker=_speech_by_speaker(views),
        cue_grades_by_article=_cue_grades(analyses, views),
        frames_own=frames_own,
        labels_by_article=_label_matrix(views),
        label_connotations_own=_connotations(views, connotations, "own"),
        label_connotations_quoted=_connotations(views, connotations, "quoted"),
        label_variants=_label_variants(views),
        epistemic_by_article=_epistemic_table(views),
        distinctive_terms=distinctive,
        distinctive_terms_chart=_distinctive_chart(distinctive),
        actor_roles=actor_roles(views),
        roles_by_article=roles_by_article(views),
        actor_tone_own=actor_tone(views, "own"),
        actor_tone_quoted=actor_tone(views, "quoted"),
    )


def _loaded_rate(v: ArticleView, group: str) -> RateCell:
    """An article's loaded words per 1,000 words of one voice group (0, on words not
    known, where the loaded-words analyser did not run)."""
    if v.loaded is None:
        return rate_cell(0.0, None)
    numbers = v.loaded.group(group)
    return rate_cell(numbers.per_1000, numbers.words)


def _by_article(
    title: str,
    views: Sequence[ArticleView],
    series: list[str],
    names: Mapping[str, Category],
    value: Callable[[ArticleView, str], Cell],
) -> BarChart[BarCell]:
    """A chart of one number per article for each series, each series named as a
    lexicon names it (``names``: its categories) or by its id."""
    return BarChart(
        title=title,
        series=tuple(series),
        series_labels={s: names[s].label if s in names else s for s in series},
        rows=tuple(BarRow(v.label, {s: BarCell(value(v, s)) for s in series}) for v in views),
    )


def _cue_grades(analyses: Sequence[ArticleAnalysis], views: Sequence[ArticleView]) -> BarChart[CountCell]:
    """How each outlet introduces the words it attributes: the share of its quotations
    and reported statements whose verb has each grade (those with a verb only)."""
    counts: list[Counter[str]] = [
        Counter(q.cue_grade for q in a.quotes if q.cue_grade and q.kind != "scare") for a in analyses
    ]
    found = {g for c in counts for g in c}
    grades = [g for g in CUE_GRADES if g in found] + sorted(found - set(CUE_GRADES))
    rows = []
    for v, c in zip(views, counts, strict=True):
        total = sum(c.values())
        shares = {g: CountCell(c[g] / total if total else 0.0, c[g]) for g in grades}
        rows.append(BarRow(v.label, shares, extras_last=True))
    return BarChart(
        title="How each outlet introduces what people say: share of attributions by verb grade",
        series=tuple(grades),
        series_labels={g: g.capitalize() for g in grades},
        rows=tuple(rows),
    )


def _label_matrix(views: Sequence[ArticleView]) -> LabelMatrix:
    """For each concept, the variants each article uses, in its own voice and in quotes."""
    names: dict[str, str] = {}
    uses: dict[str, dict[str, dict[str, LabelUse]]] = {}
    for v in views:
        for cid, c in _concepts(v).items():
            names.setdefault(cid, c.label)
            uses.setdefault(cid, {})[v.label] = {
                term: LabelUse(d.connotation, d.own, d.quoted + d.reported)
                for term, d in sorted(c.variants.items())
            }
    rows = sorted(
        (LabelRow(cid, names[cid], by_article) for cid, by_article in uses.items()),
        key=lambda r: (-len(r.articles), r.concept),
    )
    return LabelMatrix("Which word each article uses", tuple(v.label for v in views), tuple(rows))


def _concepts(v: ArticleView) -> Mapping[str, Concept]:
    """The concepts an article names (none where the labels analyser did not run)."""
    return v.labels.concepts if v.labels else {}


def _connotations(
    views: Sequence[ArticleView], connotations: Mapping[str, Category], group: str
) -> BarChart[BarCell]:
    """How many of the labels each article uses in one voice group (``own``, or
    ``quoted`` for quotes and reported speech) carry each connotation."""
    counts: list[Counter[str | None]] = []
    for v in views:
        c: Counter[str | None] = Counter()
        for concept in _concepts(v).values():
            for d in concept.variants.values():
                c[d.connotation] += d.own if group == "own" else d.quoted + d.reported
        counts.append(c)
    used = [k for k in connotations if any(c[k] for c in counts)]
    voice = "the outlet's own voice" if group == "own" else "quotes and reported speech"
    return BarChart(
        title=f"Labels used in {voice}, by connotation",
        series=tuple(used),
        series_labels={k: connotations[k].label for k in used},
        rows=tuple(
            BarRow(v.label, {k: BarCell(c[k]) for k in used}) for v, c in zip(views, counts, strict=True)
        ),
    )


def _label_variants(views: Sequence[ArticleView], limit: int = 8) -> BarChart[QuotedCell]:
    """The variants each article uses in its own voice for the concepts where the
    articles' choices differ most (most distinct variants, then most articles), up to
    ``limit`` bars per article (one colour each); quoted uses are in ``<key>__quoted``."""
    named: Counter[str] = Counter()
    variants: dict[str, set[str]] = defaultdict(set)
    labels: dict[str, str] = {}
    for v in views:
        for cid, c in _concepts(v).items():
            named[cid] += 1
            labels[cid] = c.label
            variants[cid].update(t for t, d in c.variants.items() if d.own)
    ranked = sorted(
        (cid for cid in named if len(variants[cid]) > 1),
        key=lambda cid: (-len(variants[cid]), -named[cid], cid),
    )
    series: list[str] = []
    series_labels: dict[str, str] = {}
    for cid in ranked:
        if len(series) + len(variants[cid]) > limit:
            continue
        for term in sorted(variants[cid]):
            key = f"{cid}:{term}"
            series.append(key)
            series_labels[key] = f"{term} ({labels[cid]})"
    rows = []
    for v in views:
        cells: dict[str, QuotedCell] = {}
        for key in series:
            cid, term = key.split(":", 1)
            concept = _concepts(v).get(cid)
            d = concept.variants.get(term) if concept else None
            cells[key] = QuotedCell(d.own, d.quoted + d.reported) if d else QuotedCell(0, 0)
        rows.append(BarRow(v.label, cells))
    return BarChart(
        title="Which word each outlet uses in its own voice, where their choices differ",
        series=tuple(series),
        series_labels=series_labels,
        rows=tuple(rows),
    )


def _distinctive_chart(distinctive: DistinctiveTerms, top: int = 5) -> BarChart[BarCell]:
    """The top distinctive words of each group as chart rows (``group: word`` and its z)."""
    rows = tuple(
        BarRow(f"{g}: {t.term}", {"group": BarCell(g), "term": BarCell(t.term), "z": BarCell(t.z)})
        for g, terms in distinctive.groups.items()
        for t in terms[:top]
    )
    return BarChart(
        title="Words each group uses distinctively in its own voice (z-score)",
        by="group",
        row_heading="Group: word",
        series=("z",) if rows else (),
        series_labels={"z": "z-score (weighted log-odds)"},
        rows=rows,
    )


def _epistemic_table(views: Sequence[ArticleView]) -> EpistemicTable:
    kinds = (
        "hedge",
        "booster",
        "factive",
        "assertive",
        "distancing",
        "scare_quote",
        "agentless_passive",
        "nominalisation",
    )
    rows = []
    for v in views:
        own = v.epistemic.own if v.epistemic else EpistemicGroup()
        quoted = v.epistemic.quoted if v.epistemic else EpistemicGroup()
        cells = {
            k: EpistemicCell(own.counts.get(k, 0), quoted.counts.get(k, 0), own.per_1000.get(k, 0.0))
            for k in kinds
        }
        rows.append(EpistemicRow(v.label, cells))
    return EpistemicTable("Hedges, boosters and hidden actors", kinds, tuple(rows))


def _distinctive(
    views: Sequence[ArticleView], analyses: Sequence[ArticleAnalysis], group_by: str
) -> DistinctiveTerms:
    """Words each group uses distinctively in its own voice (weighted log-odds, z-scores)."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    from .distinctive import count_terms, distinctive_terms

    texts: dict[str, list[str]] = {}
    for v, a in zip(views, analyses, strict=True):
        own = [a.text[s.start : s.end] for s in a.voices if s.voice in ("narration", "headline")]
        texts.setdefault(v.group, []).extend(own)
    if len(texts) < 2:
        return DistinctiveTerms(group_by=group_by)
    counts = {g: count_terms(t, frozenset(ENGLISH_STOP_WORDS)) for g, t in texts.items()}
    found = distinctive_terms(counts, top=12)
    return DistinctiveTerms(
        title="Words each group uses distinctively in its own voice",
        group_by=group_by,
        method="weighted log-odds ratio, informative Dirichlet prior (Monroe, Colaresi and Quinn 2008)",
        groups={
            g: tuple(DistinctiveTerm(t.term, t.z, t.delta, t.count, t.others) for t in terms)
            for g, terms in found.items()
        },
    )


def _speaker_names(views: Sequence[ArticleView]) -> Callable[[SpeakerView], str]:
    """The name a speaker goes by across the articles: a surname alone joins the full
    name another article gives."""
    full: dict[str, str] = {}
    for v in views:
        for sp in v.speakers:
            if sp.named and len(sp.name.split()) >= 2:
                full.setdefault(sp.name.split()[-1].lower(), sp.name)

    def name_of(sp: SpeakerView) -> str:
        if sp.named and len(sp.name.split()) == 1 and sp.name.lower() in full:
            return full[sp.name.lower()]
        return sp.name

    return name_of


def _speech_by_speaker(views: Sequence[ArticleView], top: int = 8) -> BarChart[BarCell]:
    """The share of each article's quoted and reported words that the most quoted
    sources (across all the articles, by words) get."""
    name_of = _speaker_names(views)
    words: Counter[str] = Counter()
    names: dict[str, str] = {}
    shares: list[dict[str, float]] = []
    for v in views:
        share: dict[str, float] = defaultdict(float)
        for sp in v.speakers:
            name = name_of(sp)
            key = speaker_key(name)
            names.setdefault(key, name)
            words[key] += sp.words
            share[key] += sp.share
        shares.append(share)
    chosen = [key for key, n in sorted(words.items(), key=lambda kv: (-kv[1], kv[0])) if n][:top]
    return BarChart(
        title="Who speaks: share of each article's quoted and reported words, by source",
        series=tuple(chosen),
        series_labels={key: names[key] for key in chosen},
        rows=tuple(
            BarRow(v.label, {key: BarCell(share.get(key, 0.0)) for key in chosen})
            for v, share in zip(views, shares, strict=True)
        ),
    )


def _speaker_matrix(views: Sequence[ArticleView]) -> SpeakerMatrix:
    """Who is quoted in which article: the same person is one row across articles
    (a surname alone joins the full name another article gives)."""
    name_of = _speaker_names(views)
    rows: dict[str, dict[str, Any]] = {}
    for v in views:
        for sp in v.speakers:
            name = name_of(sp)
            row = rows.setdefault(
                speaker_key(name), {"speaker": name, "type": sp.type, "named": sp.named, "articles": {}}
            )
            row["articles"][v.label] = row["articles"].get(v.label, 0) + sp.quotes + sp.reported
    ordered = sorted(
        rows.values(), key=lambda r: (-len(r["articles"]), -sum(r["articles"].values()), r["speaker"])
    )
    only = len(views) > 1
    return SpeakerMatrix(
        title="Who is quoted where (number of attributions)",
        articles=tuple(v.label for v in views),
        rows=tuple(
            SpeakerRow(**r, only_in=next(iter(r["articles"])) if only and len(r["articles"]) == 1 else None)
            for r in ordered
        ),
    )
