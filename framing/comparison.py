"""Comparison: many ArticleAnalysis in, one plain view model out.

A :class:`Comparison` holds everything a report shows, already computed: the table
rows, the chart series, the highlighted text of each article cut into pieces, and the
provenance. Renderers only lay it out; they never score.
"""

from __future__ import annotations

import bisect
import itertools
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from . import results
from .article import Article
from .coverage import Coverage, build_coverage
from .lexicon import Lexicon
from .lexicon.kinds import CUE_GRADES
from .pipeline import Pipeline, Settings, default_pipeline
from .results import ArticleAnalysis, Finding, Quote, VoiceSpan
from .text.document import VOICES
from .text.names import speaker_key

__all__ = ["SCHEMA_VERSION", "ArticleView", "Comparison", "Piece", "SpeakerView", "compare", "merge_actors"]

#: Version of the JSON report layout; bumped when a field changes meaning or goes away
#: (2.0: ``alignment`` became ``coverage``; quotes carry their speakers; actors' roles by voice
#: with evidence; the stance toward an actor is now called the tone around it, under
#: ``tone``, and its charts ``actor_tone_*``; see docs/report-schema.md).
SCHEMA_VERSION = "2.0"


@dataclass(frozen=True, slots=True)
class Piece:
    """A stretch of article text with one voice and the findings that cover it."""

    start: int
    end: int
    text: str
    voice: str
    speaker: str | None = None
    furniture_kind: str | None = None
    findings: tuple[int, ...] = ()  # indices into ArticleView.findings
    quote: int | None = None  # index into ArticleView.quotes


@dataclass(frozen=True)
class SpeakerView:
    """One source in one article: who, what type, how much and how introduced."""

    name: str
    type: str
    role: str | None
    party: str | None
    named: bool
    quotes: int
    reported: int
    words: int
    share: float  # of all words the article quotes or reports
    first: float  # position of the first attribution, 0 (top) to 1 (end)
    last: float
    loaded: int  # loaded words in this source's quoted words
    cues: Mapping[str, int]  # cue grade -> count


@dataclass(frozen=True)
class ArticleView:
    """One article as the report shows it."""

    id: str
    label: str
    outlet: str | None
    title: str | None
    date: str | None
    url: str | None
    source: str | None
    words: Mapping[str, int]
    scored_words: int
    loaded: Mapping[str, Any]
    top_categories: tuple[tuple[str, str, int], ...]  # (id, label, count)
    readability: Mapping[str, Any]
    tone: Mapping[str, Any]
    sourcing: Mapping[str, Any]
    frames: Mapping[str, Any]
    labels: Mapping[str, Any]
    epistemic: Mapping[str, Any]
    actors: tuple[Mapping[str, Any], ...]
    group: str
    speakers: tuple[SpeakerView, ...]
    findings: tuple[Finding, ...]
    quotes: tuple[Quote, ...]
    paragraphs: tuple[tuple[Piece, ...], ...]
    furniture: tuple[Mapping[str, Any], ...]
    sha256: str


@dataclass(frozen=True)
class Comparison:
    """The view model every renderer reads."""

    articles: tuple[ArticleView, ...]
    categories: Mapping[str, Mapping[str, str]]
    voices: Mapping[str, str]
    source_types: Mapping[str, Mapping[str, str]]
    layers: Mapping[str, Mapping[str, Any]]
    coverage: Coverage
    charts: Mapping[str, Any]
    provenance: Mapping[str, Any]
    analyses: tuple[ArticleAnalysis, ...] = field(default=(), repr=False)

    def __len__(self) -> int:
        return len(self.articles)

    def _repr_html_(self) -> str | None:
        view = results.html_view
        return view(self) if view is not None else None


def compare(
    items: Iterable[ArticleAnalysis | Article | str],
    *,
    settings: Settings | None = None,
    pipeline: Pipeline | None = None,
    generated_at: str | None = None,
    group_by: str = "outlet",
) -> Comparison:
    """Compare articles (analysing any that are not analysed yet).

    ``generated_at`` is recorded in the provenance when given; without it the same
    input always gives the same report, byte for byte. ``group_by`` names the article
    field (``outlet``, or any metadata column) that groups articles for distinctive
    terms; an article without it is a group of its own.

    The same loaded word, in the outlet's own voice and in reported speech:

    >>> from framing import Article
    >>> c = compare([
    ...     Article("Rioters stormed the hall on Monday night.", outlet="Daily A"),
    ...     Article("Police said rioters stormed the hall on Monday night.", outlet="Daily B"),
    ... ])
    >>> [(r["article"], round(r["own"]), round(r["reported"])) for r in c.charts["loaded_rate_by_voice"]["rows"]]
    [('Daily A', 143, 0), ('Daily B', 0, 143)]
    """
    pipe = pipeline or (default_pipeline() if settings is None else Pipeline(settings))
    analyses = merge_actors(
        tuple(item if isinstance(item, ArticleAnalysis) else pipe.analyze(item) for item in items)
    )
    categories = _categories(pipe.lexicons)
    source_types = _categories(pipe.lexicons, "source-roles")
    frame_labels = _categories(pipe.lexicons, "frames")
    labels = _labels([a.article for a in analyses])
    groups = [_group_of(a.article, group_by) or label for a, label in zip(analyses, labels, strict=True)]
    views = tuple(
        _article_view(a, label, group, categories)
        for a, label, group in zip(analyses, labels, groups, strict=True)
    )
    coverage = build_coverage(analyses, [v.label for v in views], lexicons=pipe.lexicons)
    provenance: dict[str, Any] = dict(pipe.provenance())
    provenance["schema_version"] = SCHEMA_VERSION
    provenance["inputs"] = [{"id": a.article.id, "sha256": a.article.sha256} for a in analyses]
    provenance["coverage"] = dict(coverage.provenance)
    if generated_at is not None:
        provenance["generated_at"] = generated_at
    return Comparison(
        articles=views,
        categories=categories,
        voices=dict(VOICES),
        source_types=source_types,
        layers=_layers(pipe, views),
        coverage=coverage,
        charts=_charts(
            views,
            categories,
            source_types,
            frame_labels,
            analyses,
            group_by,
            _categories(pipe.lexicons, "concept-sets"),
        ),
        provenance=provenance,
        analyses=analyses,
    )


def merge_actors(analyses: Sequence[ArticleAnalysis]) -> tuple[ArticleAnalysis, ...]:
    """Join the same person across articles: one article may know a person by surname
    only ("Commissioner Ruiz", "Ruiz said") where another names them in full ("Ana
    Ruiz"). Where exactly one person with that surname is named in full anywhere in
    the comparison, the surname-only actor takes that person's id and name (and keeps
    its own id as ``merged_from``), in the article's actor table and its findings.
    Where two or more people share the surname, nothing is joined.

    Within one article, mentions are already merged by the actors analyser; actors
    from the actors lexicon have the same id in every article.
    """
    full: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for a in analyses:
        for row in a.metrics.get("actors", {}).get("actors", []):
            words = str(row["name"]).split()
            if row["kind"] == "person" and len(words) >= 2:
                full[words[-1].lower()].add((row["id"], row["name"]))
    remap: dict[str, tuple[str, str]] = {}
    for a in analyses:
        for row in a.metrics.get("actors", {}).get("actors", []):
            found = full.get(str(row["name"]).lower(), set())
            if row["kind"] == "person" and " " not in str(row["name"]) and len(found) == 1:
                remap[row["id"]] = next(iter(found))
    if not remap:
        return tuple(analyses)
    out = []
    for a in analyses:
        rows = list(a.metrics.get("actors", {}).get("actors", []))
        ids = {row["id"] for row in rows}
        here = {old: new for old, new in remap.items() if old in ids and new[0] not in ids}
        if not here:
            out.append(a)
            continue
        rows = [
            {**row, "id": here[row["id"]][0], "name": here[row["id"]][1], "merged_from": row["id"]}
            if row["id"] in here
            else row
            for row in rows
        ]
        findings = tuple(
            replace(f, category=here[f.category][0], category_label=here[f.category][1])
            if f.analyzer == "actors" and f.category in here
            else f
            for f in a.findings
        )
        metrics = {**a.metrics, "actors": {**a.metrics["actors"], "actors": rows}}
        out.append(replace(a, findings=findings, metrics=metrics))
    return tuple(out)


def _categories(lexicons: Sequence[Lexicon], kind: str = "loaded-language") -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for lex in lexicons:
        if lex.kind != kind:
            continue
        for cid, cat in lex.categories.items():
            out.setdefault(cid, {"label": cat.label, "description": cat.description})
    return out


def _layers(pipe: Pipeline, views: Sequence[ArticleView]) -> dict[str, dict[str, Any]]:
    """The highlight layers a report can toggle: one per analyser that found spans,
    with the categories it used."""
    used: dict[str, dict[str, str]] = {}
    for v in views:
        for f in v.findings:
            used.setdefault(f.analyzer, {}).setdefault(f.category, f.category_label or f.category)
    kinds = {"loaded": "loaded-language", "sourcing": "sourcing"}
    out: dict[str, dict[str, Any]] = {}
    for analyzer in (a.name for a in pipe.analyzers):
        if analyzer not in used:
            continue
        cats = _categories(pipe.lexicons, kinds.get(analyzer, analyzer))
        # a category no lexicon declares (a concept, an actor) is named as its findings name it
        named = {c: cats.get(c, {"label": label, "description": ""}) for c, label in used[analyzer].items()}
        out[analyzer] = {
            "label": LAYER_LABELS.get(analyzer, analyzer),
            "categories": dict(sorted(named.items(), key=lambda kv: (kv[1]["label"].casefold(), kv[0]))),
        }
    return out


#: How each highlight layer is named in reports.
LAYER_LABELS = {
    "loaded": "Loaded words",
    "sourcing": "Vague and anonymous sourcing",
    "frames": "Frames",
    "epistemic": "Hedges, boosters and distancing",
    "labels": "Labels",
    "actors": "Actors",
}


def _group_of(article: Article, field: str) -> str | None:
    if field in ("outlet", "title", "date", "url", "id"):
        value = getattr(article, field)
    else:
        value = article.meta.get(field)
    return str(value) if value else None


def _labels(articles: Sequence[Article]) -> list[str]:
    """Short names for tables and charts, made unique with the id where they clash."""
    counts = Counter(a.label for a in articles)
    return [a.label if counts[a.label] == 1 else f"{a.label} ({a.id})" for a in articles]


def _article_view(
    a: ArticleAnalysis, label: str, group: str, categories: Mapping[str, Mapping[str, str]]
) -> ArticleView:
    loaded_findings = [f for f in a.findings if f.analyzer == "loaded"]
    cat_counts = Counter(f.category for f in loaded_findings)
    top = tuple(
        (cid, categories.get(cid, {}).get("label", cid), n)
        for cid, n in sorted(cat_counts.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
    )
    speakers = _speakers(a, loaded_findings)
    words = dict(a.words)
    scored = sum(n for v, n in words.items() if v != "furniture")
    readability = {k: v for k, v in a.metrics.get("readability", {}).items() if k != "counts"}
    tone = {k: v for k, v in a.metrics.get("tone", {}).items() if k != "pieces"}
    loaded = {k: v for k, v in a.metrics.get("loaded", {}).items()}
    return ArticleView(
        id=a.article.id,
        label=label,
        outlet=a.article.outlet,
        title=a.article.title,
        date=a.article.date,
        url=a.article.url,
        source=a.article.source,
        words=words,
        scored_words=scored,
        loaded=loaded,
        top_categories=top,
        readability=readability,
        tone=tone,
        sourcing={k: v for k, v in a.metrics.get("sourcing", {}).items() if k != "speakers"},
        frames=a.metrics.get("frames", {}),
        labels=a.metrics.get("labels", {}),
        epistemic=a.metrics.get("epistemic", {}),
        actors=tuple(a.metrics.get("actors", {}).get("actors", [])),
        group=group,
        speakers=speakers,
        findings=a.findings,
        quotes=a.quotes,
        paragraphs=_pieces(a, a.findings),
        furniture=tuple(f.to_dict() for f in a.furniture),
        sha256=a.article.sha256,
    )


def _speakers(a: ArticleAnalysis, findings: Sequence[Finding]) -> tuple[SpeakerView, ...]:
    rows = a.metrics.get("sourcing", {}).get("speakers", [])
    loaded = Counter(f.speaker for f in findings if f.speaker)
    views = [
        SpeakerView(
            name=r["name"],
            type=r["type"],
            role=r["role"],
            party=r["party"],
            named=r["named"],
            quotes=r["quotes"],
            reported=r["reported"],
            words=r["words"],
            share=r["share"],
            first=r["first"],
            last=r["last"],
            loaded=loaded[r["name"]],
            cues=dict(r["cue_grades"]),
        )
        for r in rows
    ]
    return tuple(sorted(views, key=lambda v: (-(v.quotes + v.reported), v.first)))


def _pieces(a: ArticleAnalysis, findings: Sequence[Finding]) -> tuple[tuple[Piece, ...], ...]:
    """Cut the text at voice and finding boundaries, then into paragraphs at line breaks."""
    text = a.text
    cuts = {0, len(text)}
    for v in a.voices:
        cuts.update((v.start, v.end))
    for f in findings:
        cuts.update((f.start, f.end))
    points = sorted(c for c in cuts if 0 <= c <= len(text))
    vstarts = [v.start for v in a.voices]
    order = sorted(range(len(findings)), key=lambda i: findings[i].start)
    active: list[int] = []
    k = 0
    pieces: list[Piece] = []
    for s, e in itertools.pairwise(points):
        while k < len(order) and findings[order[k]].start <= s:
            active.append(order[k])
            k += 1
        active = [i for i in active if findings[i].end > s]
        vi = bisect.bisect_right(vstarts, s) - 1
        span: VoiceSpan | None = a.voices[vi] if vi >= 0 else None
        pieces.append(
            Piece(
                s,
                e,
                text[s:e],
                span.voice if span else "narration",
                span.speaker if span else None,
                span.furniture_kind if span else None,
                tuple(sorted(active)),
                span.quote if span else None,
            )
        )
    # split into paragraphs at line breaks so the report can lay them out
    paragraphs: list[list[Piece]] = [[]]
    for p in pieces:
        pos = p.start
        for n, chunk in enumerate(p.text.split("\n")):
            if n > 0 and paragraphs[-1]:
                paragraphs.append([])
            if chunk:
                paragraphs[-1].append(
                    Piece(
                        pos,
                        pos + len(chunk),
                        chunk,
                        p.voice,
                        p.speaker,
                        p.furniture_kind,
                        p.findings,
                        p.quote,
                    )
                )
            pos += len(chunk) + 1
    return tuple(tuple(par) for par in paragraphs if any(x.text.strip() for x in par))


def _charts(
    views: Sequence[ArticleView],
    categories: Mapping[str, Mapping[str, str]],
    source_types: Mapping[str, Mapping[str, str]],
    frame_labels: Mapping[str, Mapping[str, str]],
    analyses: Sequence[ArticleAnalysis],
    group_by: str,
    connotations: Mapping[str, Mapping[str, str]],
) -> dict[str, Any]:
    """The numbers behind every chart, as plain data."""
    rate_by_voice = {
        "title": "Loaded terms per 1,000 words, by voice",
        "series": ["own", "quoted", "reported"],
        "series_labels": {
            "own": "Outlet's own words",
            "quoted": "Direct quotes",
            "reported": "Reported speech",
        },
        "rows": [
            {
                "article": v.label,
                "own": v.loaded.get("per_1000_own", 0.0),
                "quoted": v.loaded.get("per_1000_quoted", 0.0),
                "reported": v.loaded.get("per_1000_reported", 0.0),
            }
            for v in views
        ],
    }
    used = sorted({f.category for v in views for f in v.findings if f.analyzer == "loaded"})
    category_counts = {
        "title": "Loaded terms by category (outlet's own words)",
        "series": used,
        "series_labels": {c: categories.get(c, {}).get("label", c) for c in used},
        "rows": [
            {
                "article": v.label,
                **{c: v.loaded.get("by_category", {}).get(c, {}).get("own", 0) for c in used},
            }
            for v in views
        ],
    }
    types = sorted({sp.type for v in views for sp in v.speakers})
    speech_by_type = {
        "title": "Who speaks: share of quoted and reported words, by type of source",
        "series": types,
        "series_labels": {t: source_types.get(t, {}).get("label", t) for t in types},
        "rows": [
            {
                "article": v.label,
                **{t: sum(sp.share for sp in v.speakers if sp.type == t) for t in types},
            }
            for v in views
        ],
    }
    frames = sorted({k for v in views for k in v.frames.get("own", {}).get("distribution", {})})
    frames_own = {
        "title": "Frames in the outlet's own voice (share of frame cues)",
        "series": frames,
        "series_labels": {k: frame_labels.get(k, {}).get("label", k) for k in frames},
        "rows": [
            {
                "article": v.label,
                **{k: v.frames.get("own", {}).get("distribution", {}).get(k, 0.0) for k in frames},
            }
            for v in views
        ],
    }
    distinctive = _distinctive(views, analyses, group_by)
    return {
        "loaded_rate_by_voice": rate_by_voice,
        "categories_own": category_counts,
        "speech_by_source_type": speech_by_type,
        "speakers_by_article": _speaker_matrix(views),
        "speech_by_speaker": _speech_by_speaker(views),
        "cue_grades_by_article": _cue_grades(analyses, views),
        "frames_own": frames_own,
        "labels_by_article": _label_matrix(views),
        "label_connotations_own": _connotations(views, connotations, "own"),
        "label_connotations_quoted": _connotations(views, connotations, "quoted"),
        "label_variants": _label_variants(views),
        "epistemic_by_article": _epistemic_table(views),
        "distinctive_terms": distinctive,
        "distinctive_terms_chart": _distinctive_chart(distinctive),
        "actor_roles": _actor_roles(views),
        "roles_by_article": _roles_by_article(views),
        "actor_tone_own": _actor_tone(views, "own"),
        "actor_tone_quoted": _actor_tone(views, "quoted"),
    }


def _cue_grades(analyses: Sequence[ArticleAnalysis], views: Sequence[ArticleView]) -> dict[str, Any]:
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
        rows.append(
            {
                "article": v.label,
                **{g: c[g] / total if total else 0.0 for g in grades},
                **{f"{g}__count": c[g] for g in grades},
            }
        )
    return {
        "title": "How each outlet introduces what people say: share of attributions by verb grade",
        "series": grades,
        "series_labels": {g: g.capitalize() for g in grades},
        "rows": rows,
    }


def _main_actors(views: Sequence[ArticleView], top: int) -> tuple[list[str], dict[str, str]]:
    """The ``top`` actors most mentioned across the articles, and every actor's name."""
    totals: Counter[str] = Counter()
    names: dict[str, str] = {}
    for v in views:
        for row in v.actors:
            totals[row["id"]] += sum(row["mentions"].values())
            names.setdefault(row["id"], row["name"])
    return [aid for aid, _ in totals.most_common(top)], names


def _actor_tone(views: Sequence[ArticleView], group: str, top: int = 6) -> dict[str, Any]:
    """The tone of the sentences around the actors most mentioned across the articles,
    in one voice group: the lexicon-and-rules score and, where it ran, the classifier.
    Tone is not portrayal: a victim sits among sad words (see ``actor_roles``)."""
    chosen, names = _main_actors(views, top)
    rows = []
    for v in views:
        by_id = {row["id"]: row for row in v.actors}
        row_out: dict[str, Any] = {"article": v.label}
        for aid in chosen:
            actor = by_id.get(aid)
            row_out[aid] = actor["tone"]["lexicon"][group] if actor else None
            row_out[f"{aid}__classifier"] = actor["tone"]["classifier"][group] if actor else None
            row_out[f"{aid}__mentions"] = actor["mentions"][group] if actor else 0
        rows.append(row_out)
    voice = "the outlet's own voice" if group == "own" else "quotes"
    return {
        "title": f"Tone of the sentences around the main actors in {voice} (-1 negative to +1 positive)",
        "series": chosen,
        "series_labels": {aid: names[aid] for aid in chosen},
        "rows": rows,
    }


#: The roles an outlet can cast an actor in, for tables and charts.
ROLES = ("villain", "victim", "hero")


def _cast_cell(row: Mapping[str, Any]) -> dict[str, Any]:
    """One actor in one article, for the role table: its role in the outlet's voice and
    in each quoted voice, with the evidence behind each role that is not neutral."""
    portrayal = row.get("portrayal") or {}
    own = portrayal.get("own", {})
    quoted = [c for c in portrayal.get("quoted", []) if c["role"] != "neutral"]
    evidence = [
        {k: e[k] for k in ("start", "end", "text", "voice", "speaker", "role", "reason")}
        for cast in [own, *quoted]
        if cast.get("role", "neutral") != "neutral"
        for e in cast.get("evidence", [])
        if not e["negated"] and e["role"] == cast["role"]
    ]
    return {
        "own": own.get("role", "neutral"),
        "confidence": own.get("confidence"),
        "decided_by": own.get("decided_by"),
        "quoted": [
            {"speaker": c["speaker"], "role": c["role"], "confidence": c["confidence"]} for c in quoted
        ],
        "quoted_role": portrayal.get("quoted_role", {}).get("role", "neutral"),
        "mentions": sum(row["mentions"].values()),
        "evidence": evidence,
    }


def _actor_roles(views: Sequence[ArticleView], top: int = 15) -> dict[str, Any]:
    """Who is the villain, the victim and the hero in each outlet's telling: for the
    actors some article casts in a role (then the most mentioned), each article's role
    for it in its own voice and in the voices it quotes, with the evidence."""
    totals: Counter[str] = Counter()
    cast: Counter[str] = Counter()
    names: dict[str, str] = {}
    for v in views:
        for row in v.actors:
            totals[row["id"]] += sum(row["mentions"].values())
            names.setdefault(row["id"], row["name"])
            cell = _cast_cell(row)
            cast[row["id"]] += (cell["own"] != "neutral") + (cell["quoted_role"] != "neutral")
    chosen = sorted(totals, key=lambda aid: (-(cast[aid] > 0), -totals[aid], names[aid]))[:top]
    rows = []
    for aid in chosen:
        cells = {v.label: _cast_cell(row) for v in views for row in v.actors if row["id"] == aid}
        rows.append({"id": aid, "actor": names[aid], "articles": cells})
    return {
        "title": "Who is the villain, the victim and the hero in each outlet's telling",
        "articles": [v.label for v in views],
        "roles": list(ROLES),
        "rows": rows,
    }


def _roles_by_article(views: Sequence[ArticleView]) -> dict[str, Any]:
    """How many actors each article casts in each role, in its own voice (the bars) and
    in the voices it quotes (``<role>__quoted``)."""
    rows = []
    for v in views:
        cells = [_cast_cell(row) for row in v.actors]
        rows.append(
            {
                "article": v.label,
                **{r: sum(1 for c in cells if c["own"] == r) for r in ROLES},
                **{f"{r}__quoted": sum(1 for c in cells if c["quoted_role"] == r) for r in ROLES},
            }
        )
    return {
        "title": "How many actors each outlet casts as villain, victim or hero in its own voice",
        "series": list(ROLES),
        "series_labels": {r: r.capitalize() for r in ROLES},
        "rows": rows,
    }


def _label_matrix(views: Sequence[ArticleView]) -> dict[str, Any]:
    """For each concept, the variants each article uses, in its own voice and in quotes."""
    concepts: dict[str, dict[str, Any]] = {}
    for v in views:
        for cid, c in v.labels.get("concepts", {}).items():
            row = concepts.setdefault(cid, {"concept": cid, "label": c["label"], "articles": {}})
            row["articles"][v.label] = {
                term: {
                    "connotation": d["connotation"],
                    "own": d["own"],
                    "quoted": d["quoted"] + d["reported"],
                }
                for term, d in sorted(c["variants"].items())
            }
    rows = sorted(concepts.values(), key=lambda r: (-len(r["articles"]), r["concept"]))
    return {"title": "Which word each article uses", "articles": [v.label for v in views], "rows": rows}


def _connotations(
    views: Sequence[ArticleView], connotations: Mapping[str, Mapping[str, str]], group: str
) -> dict[str, Any]:
    """How many of the labels each article uses in one voice group (``own``, or
    ``quoted`` for quotes and reported speech) carry each connotation."""
    counts: list[Counter[str]] = []
    for v in views:
        c: Counter[str] = Counter()
        for concept in v.labels.get("concepts", {}).values():
            for d in concept["variants"].values():
                c[d["connotation"]] += d["own"] if group == "own" else d["quoted"] + d["reported"]
        counts.append(c)
    used = [k for k in connotations if any(c[k] for c in counts)]
    voice = "the outlet's own voice" if group == "own" else "quotes and reported speech"
    return {
        "title": f"Labels used in {voice}, by connotation",
        "series": used,
        "series_labels": {k: connotations[k]["label"] for k in used},
        "rows": [{"article": v.label, **{k: c[k] for k in used}} for v, c in zip(views, counts, strict=True)],
    }


def _label_variants(views: Sequence[ArticleView], limit: int = 8) -> dict[str, Any]:
    """The variants each article uses in its own voice for the concepts where the
    articles' choices differ most (most distinct variants, then most articles), up to
    ``limit`` bars per article (one colour each); quoted uses are in ``<key>__quoted``."""
    named: Counter[str] = Counter()
    variants: dict[str, set[str]] = defaultdict(set)
    labels: dict[str, str] = {}
    for v in views:
        for cid, c in v.labels.get("concepts", {}).items():
            named[cid] += 1
            labels[cid] = c["label"]
            variants[cid].update(t for t, d in c["variants"].items() if d["own"])
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
        row: dict[str, Any] = {"article": v.label}
        for key in series:
            cid, term = key.split(":", 1)
            d = v.labels.get("concepts", {}).get(cid, {}).get("variants", {}).get(term)
            row[key] = d["own"] if d else 0
            row[f"{key}__quoted"] = d["quoted"] + d["reported"] if d else 0
        rows.append(row)
    return {
        "title": "Which word each outlet uses in its own voice, where their choices differ",
        "series": series,
        "series_labels": series_labels,
        "rows": rows,
    }


def _distinctive_chart(distinctive: Mapping[str, Any], top: int = 5) -> dict[str, Any]:
    """The top distinctive words of each group as chart rows (``group: word`` and its z)."""
    rows = [
        {"article": f"{g}: {t['term']}", "group": g, "term": t["term"], "z": t["z"]}
        for g, terms in distinctive.get("groups", {}).items()
        for t in terms[:top]
    ]
    return {
        "title": "Words each group uses distinctively in its own voice (z-score)",
        "by": "group",
        "row_heading": "Group: word",
        "series": ["z"] if rows else [],
        "series_labels": {"z": "z-score (weighted log-odds)"},
        "rows": rows,
    }


def _epistemic_table(views: Sequence[ArticleView]) -> dict[str, Any]:
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
        own = v.epistemic.get("own", {})
        quoted = v.epistemic.get("quoted", {})
        rows.append(
            {
                "article": v.label,
                **{f"{k}_own": own.get("counts", {}).get(k, 0) for k in kinds},
                **{f"{k}_quoted": quoted.get("counts", {}).get(k, 0) for k in kinds},
                **{f"{k}_per_1000_own": own.get("per_1000", {}).get(k, 0.0) for k in kinds},
            }
        )
    return {"title": "Hedges, boosters and hidden actors", "kinds": list(kinds), "rows": rows}


def _distinctive(
    views: Sequence[ArticleView], analyses: Sequence[ArticleAnalysis], group_by: str
) -> dict[str, Any]:
    """Words each group uses distinctively in its own voice (weighted log-odds, z-scores)."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    from .distinctive import count_terms, distinctive_terms

    texts: dict[str, list[str]] = {}
    for v, a in zip(views, analyses, strict=True):
        own = [a.text[s.start : s.end] for s in a.voices if s.voice in ("narration", "headline")]
        texts.setdefault(v.group, []).extend(own)
    if len(texts) < 2:
        return {"group_by": group_by, "groups": {}}
    counts = {g: count_terms(t, frozenset(ENGLISH_STOP_WORDS)) for g, t in texts.items()}
    found = distinctive_terms(counts, top=12)
    return {
        "title": "Words each group uses distinctively in its own voice",
        "group_by": group_by,
        "method": "weighted log-odds ratio, informative Dirichlet prior (Monroe, Colaresi and Quinn 2008)",
        "groups": {
            g: [
                {"term": t.term, "z": t.z, "delta": t.delta, "count": t.count, "others": t.others}
                for t in terms
            ]
            for g, terms in found.items()
        },
    }


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


def _speech_by_speaker(views: Sequence[ArticleView], top: int = 8) -> dict[str, Any]:
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
    return {
        "title": "Who speaks: share of each article's quoted and reported words, by source",
        "series": chosen,
        "series_labels": {key: names[key] for key in chosen},
        "rows": [
            {"article": v.label, **{key: share.get(key, 0.0) for key in chosen}}
            for v, share in zip(views, shares, strict=True)
        ],
    }


def _speaker_matrix(views: Sequence[ArticleView]) -> dict[str, Any]:
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
    for r in ordered:
        r["only_in"] = next(iter(r["articles"])) if len(r["articles"]) == 1 and len(views) > 1 else None
    return {
        "title": "Who is quoted where (number of attributions)",
        "articles": [v.label for v in views],
        "rows": ordered,
    }
