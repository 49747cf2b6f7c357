"""The numbers behind every chart of a comparison, as plain data: rates by voice, who
speaks and how, frames, labels, roles, tone and distinctive words. Renderers draw them;
they never compute them.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from .article_views import ArticleView, SpeakerView
from .lexicon.kinds import CUE_GRADES
from .results import ArticleAnalysis
from .text.names import speaker_key

__all__ = ["FEW_WORDS", "ROLES", "chart_data", "rate_cells", "steady"]

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


def rate_cells(key: str, rate: float, words: int | None) -> dict[str, Any]:
    """One rate per 1,000 words in a chart row, with what the drawing needs to show how
    far it can be trusted: ``<key>__words`` (the words it was counted over) and
    ``<key>__steady`` (see :func:`steady`)."""
    return {key: rate, f"{key}__words": words, f"{key}__steady": steady(words)}


def chart_data(
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
        "unit": "per 1,000 words",
        "few_words": FEW_WORDS,
        "rows": [
            {
                "article": v.label,
                **{
                    k: cell
                    for group in ("own", "quoted", "reported")
                    for k, cell in rate_cells(
                        group, v.loaded.get(f"per_1000_{group}", 0.0), v.loaded.get(f"{group}_words")
                    ).items()
                },
            }
            for v in views
        ],
    }
    category_counts = _by_article(
        "Loaded terms by category (outlet's own words)",
        views,
        sorted({f.category for v in views for f in v.findings if f.analyzer == "loaded"}),
        categories,
        lambda v, c: v.loaded.get("by_category", {}).get(c, {}).get("own", 0),
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
        sorted({k for v in views for k in v.frames.get("own", {}).get("distribution", {})}),
        frame_labels,
        lambda v, k: v.frames.get("own", {}).get("distribution", {}).get(k, 0.0),
    )
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


def _by_article(
    title: str,
    views: Sequence[ArticleView],
    series: list[str],
    names: Mapping[str, Mapping[str, str]],
    value: Callable[[ArticleView, str], Any],
) -> dict[str, Any]:
    """A chart of one number per article for each series, each series named as a
    lexicon names it (``names``: its categories) or by its id."""
    return {
        "title": title,
        "series": series,
        "series_labels": {s: names.get(s, {}).get("label", s) for s in series},
        "rows": [{"article": v.label, **{s: value(v, s) for s in series}} for v in views],
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
