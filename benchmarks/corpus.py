"""Every analyser against the framing news corpus, beside simple baselines from the same run.

The corpus (``corpus/``) is the project's own: real articles (article_bias, whose texts
are read from ``../shared/data/article_bias``), annotated blind by the team (see
``corpus/CARD.md``). This script scores the current code on the dev and test splits
(``--split`` to choose); the test split is for reporting only, never for choosing a
rule, a threshold or a feature. It asserts nothing and prints Markdown tables.

A. Attribution. framing's quotes (all kinds but ``scare``) against the gold
   attributions, with the conventions of ``attribution_polnear.py`` (content includes
   quotation marks; a quote inside another with the same cue is one attribution).
   Source, cue and content spans (overlap and exact P/R/F1); attributions matched one
   to one when their cues overlap; **speaker accuracy**: the share of gold attributions
   (whose speaker the annotator could name) found with the right speaker
   (``corpus_scoring.same_speaker``; a joint speaker must name every person); and the
   same among the found ones. Baseline: the keyword extractor of
   ``attribution_polnear.py``, its speaker being the words of its source span.

B. Loaded wording. framing's ``loaded`` findings (narration and headline are the
   outlet's own voice, quote is quote, reported is paraphrase, mention is mention; page
   furniture is left out) against the gold spans, for three methods side by side: the
   lexicon alone, the learned model alone (``framing/models/loaded_words.py``) and the
   two together, as framing ships them. Precision (lenient: a finding is right when it
   overlaps a gold span of that voice) and recall (one to one) in the outlet's own voice
   and in each voice; on found spans, whether framing gives the gold voice; the
   own-voice precision of the lexicon's and of the model's findings within lexicon +
   model; own-voice recall by strength and by category; and lexicon + model at other
   thresholds of the model's probability (the shipped one is chosen on the train split).
   Baselines: every word of VADER's lexicon with |valence| >= 1.5, and every word the
   annotators marked at least twice and in at least half of its uses in the train
   split (a word list learned from the same annotations as the model; not shown when
   scoring the train split itself); both in voice ``quote`` inside quotation marks and
   ``own`` elsewhere.

C. Actors. framing's actors matched to the gold actors by name or alias
   (``same_name``); recall of the gold actors. Role in the outlet's own voice and in
   quoted voices (gold: the role most quoted speakers give), over villain, victim,
   hero and neutral; an actor framing does not find is neutral for every method.
   framing's method (the rules where they see a role, else the portrayal model where
   it is sure enough and a clue points to the role), the model alone (its likeliest
   role above its threshold), the rules alone; baselines: the sign of the tone score
   around the actor (lexicon and classifier: below -0.1 a villain, above 0.1 a hero,
   else neutral; what framing reported as the stance before roles) and everyone
   neutral. Accuracy and macro-F1, the share of gold victims read as villains (and
   villains as victims), and each role's precision and recall for framing's method.

D. Event clusters (the split's clusters): the comparison (``framing.coverage``), beside
   the claim matcher framing had before report schema 2.0 (``claims_before.py``, TF-IDF
   mutual best matches) and a word-overlap baseline, in one run.

   * Same claim: a method links two sentences of different articles when it puts them
     in one claim. A link is right when some fact has status ``same`` in both articles
     with spans overlapping both sentences, in the cluster's annotation or, where the
     cluster was annotated twice, in the second one; or when both sentences hold one
     annotated shared quotation (the annotators list a quotation two articles carry,
     which is one claim, but do not always repeat it as a fact). *Strict* precision
     counts the first annotation's facts only, as this benchmark did before. A gold
     fact stated by two articles is found when some link joins a sentence of each that
     overlaps its spans (recall, over article pairs, against the first annotation).
     Links joining a fact that one of the two articles states ``different`` are counted
     apart.
   * Says something different: a related sentence the comparison shows as saying
     something different from the claim is right when the two sentences hold one fact
     that one article states ``same`` and the other ``different``.
   * Left out and not yet reported: for a claim a method says an article leaves out (or
     could not have reported yet), the gold facts whose spans overlap the claim's
     sentences decide: for "left out", ``absent`` is right, ``same`` or ``different``
     wrong, and ``not_yet`` is counted apart (it should read "not yet reported"); for
     "not yet reported", ``not_yet`` is right. A claim touching no gold fact is unjudged.
   * Quotations: a gold quotation carried by two or more articles is found when a method
     shows it as a shared quotation (one of its uses overlaps the gold span); a gold cut,
     extension or alteration is detected when it shows that outlet's words as different
     from the longest version (cuts are counted on their own as well).

   On the clusters annotated twice, a second table judges each method strictly against
   the first annotation beside the second annotator's own facts, the ceiling to read
   the first table against. Baseline: sentences linked when their content words overlap
   (Jaccard >= 0.5), the same rules applied.

    .venv/bin/python benchmarks/corpus.py                 # dev and test
    .venv/bin/python benchmarks/corpus.py --split dev --details
"""

from __future__ import annotations

import argparse
import itertools
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import attribution_polnear as ap  # noqa: E402
from corpus_scoring import (  # noqa: E402
    PRF,
    TOOL_VOICE,
    Agreement,
    loaded_variants,
    match_one_to_one,
    match_spans,
    role_from_stance,
    same_name,
    same_speaker,
    sentence_of,
)

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "article_bias"
ROLES4 = ["villain", "victim", "hero", "neutral"]


def table(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    def cell(x: object) -> str:
        return f"{x:.3f}" if isinstance(x, float) else str(x)

    lines = ["| " + " | ".join(header) + " |", "|---" + "|---:" * (len(header) - 1) + "|"]
    lines += ["| " + " | ".join(cell(x) for x in r) + " |" for r in rows]
    return "\n".join(lines)


# -- A. attribution ---------------------------------------------------------------------------


@dataclass
class AttributionScore:
    exact: dict[str, ap.SpanScore] = field(default_factory=lambda: {r: ap.SpanScore() for r in ap.ROLES})
    overlap: dict[str, ap.SpanScore] = field(default_factory=lambda: {r: ap.SpanScore() for r in ap.ROLES})
    attribution: ap.SpanScore = field(default_factory=ap.SpanScore)
    speakers: int = 0
    found: int = 0
    right: int = 0
    wrong: list[tuple[str, str, str]] = field(default_factory=list)


def _gold_attributions(ann: Any, text: str) -> list[ap.Attribution]:
    return [
        ap.normalize_attribution(
            ap.Attribution(
                tuple((s,) for s in a.source),
                tuple((s,) for s in a.cue),
                (tuple(a.content),),
            ),
            text,
        )
        for a in ann.attributions
    ]


def score_attribution(
    res: AttributionScore, text: str, ann: Any, pred: list[tuple[str | None, ap.Attribution]]
) -> None:
    gold = _gold_attributions(ann, text)
    attrs = [a for _, a in pred]
    for role in ap.ROLES:
        g, p = ap.role_spans(gold, role), ap.role_spans(attrs, role)
        res.exact[role].add(ap.score_spans(g, p, "exact"))
        res.overlap[role].add(ap.score_spans(g, p, "overlap"))
    matched = ap.score_attributions(gold, attrs)
    res.attribution.add(matched)
    by_gold = dict(matched.pairs)
    for i, g in enumerate(ann.attributions):
        if g.speaker.strip() == "?":
            continue
        res.speakers += 1
        if i in by_gold:
            res.found += 1
            name = pred[by_gold[i]][0]
            if same_speaker(name, g.speaker, g.speakers):
                res.right += 1
            else:
                cue = " ".join(text[s:e] for s, e in g.cue)
                res.wrong.append((g.speaker, str(name), cue))


_PRONOUN_SOURCES = frozenset("he she it they him her them his its their".split())


def score_resolution(res: dict[str, list[int]], text: str, ann: Any, doc: Any) -> None:
    """Resolution on its own: for each gold source that is a pronoun ("he") or a title
    or role ("the governor", "Iran's foreign minister"), whether the document's resolver
    of people links that mention to the gold speaker (right, of gold with a speaker); a
    description it leaves unresolved names itself ("the media")."""
    for g in ann.attributions:
        if len(g.source) != 1 or g.speaker.strip() == "?":
            continue
        s, e = g.source[0]
        words = text[s:e].split()
        if not words:
            continue
        if len(words) == 1 and words[0].lower() in _PRONOUN_SOURCES:
            kind = "pronoun"
        elif words[0].lower() in ("the", "this") or re.match(r"[A-Z][\w.-]*['’]s$", words[0]):
            if any(w[:1].isupper() for w in words[1:]):
                continue  # a name with a title, not a title alone
            kind = "role"
        else:
            continue
        m = doc.people.at(doc.norm.from_original(s), doc.norm.from_original(e)) if doc.people else None
        name = " and ".join(doc.people.entity(i).name for i in m.entities) if m and m.entities else None
        if name is None and kind == "role":
            name = text[s:e]  # left unresolved, a description names its source itself
        row = res.setdefault(kind, [0, 0, 0])
        row[0] += 1
        row[1] += int(name is not None)
        row[2] += int(same_speaker(name, g.speaker, g.speakers))


def framing_attributions(text: str, analysis: Any) -> list[tuple[str | None, ap.Attribution]]:
    quotes = [q for q in analysis.quotes if q.kind != "scare"]
    return [(q.speaker, a) for q, a in ap.quotes_as_attributions(text, quotes)]


def baseline_attributions(text: str) -> list[tuple[str | None, ap.Attribution]]:
    out = []
    for a in ap.baseline_attributions(text):
        name = " ".join(text[s:e] for span in a.sources for s, e in span) or None
        out.append((name, a))
    return out


def attribution_rows(results: Mapping[str, AttributionScore]) -> list[tuple[object, ...]]:
    rows: list[tuple[object, ...]] = []
    for name, r in results.items():
        acc = r.right / r.speakers if r.speakers else 0.0
        on_found = r.right / r.found if r.found else 0.0
        rows.append((name, "speaker accuracy", acc, f"{r.right} of {r.speakers}", f"{on_found:.3f} of found"))
        for role in ap.ROLES:
            ov, ex = r.overlap[role], r.exact[role]
            rows.append(
                (
                    name,
                    f"{role} P / R / F1 (overlap)",
                    ov.f1,
                    f"{ov.precision:.3f} / {ov.recall:.3f}",
                    f"exact F1 {ex.f1:.3f}",
                )
            )
        at = r.attribution
        rows.append(
            (
                name,
                "attributions P / R / F1",
                at.f1,
                f"{at.precision:.3f} / {at.recall:.3f}",
                f"{at.gold} gold",
            )
        )
    return rows


# -- B. loaded wording ------------------------------------------------------------------------


@dataclass
class LoadedScore:
    own: PRF = field(default_factory=PRF)
    all: PRF = field(default_factory=PRF)
    by_voice: dict[str, PRF] = field(default_factory=lambda: defaultdict(PRF))
    own_recall_by: dict[str, PRF] = field(default_factory=lambda: defaultdict(PRF))
    voice: Agreement = field(default_factory=Agreement)
    missed_own: Counter[str] = field(default_factory=Counter)
    own_by_origin: dict[str, PRF] = field(default_factory=lambda: defaultdict(PRF))
    """Own-voice findings of each origin (lexicon, model) and how many overlap an own gold span."""


#: A predicted loaded span: start, end, voice as the corpus names it, and what found it.
Loaded = tuple[int, int, str, str]


def score_loaded(res: LoadedScore, text: str, ann: Any, pred: Sequence[Loaded]) -> None:
    gold = [(g.start, g.end, g.voice) for g in ann.loaded]
    prf, pairs = match_spans([(s, e) for s, e, _ in gold], [(p[0], p[1]) for p in pred])
    res.all.add(prf)
    for i, j in pairs:
        res.voice.pairs.append((gold[i][2], pred[j][2]))
    for voice in ("own", "quote", "paraphrase", "mention"):
        g = [(s, e) for s, e, v in gold if v == voice]
        p = [(s, e) for s, e, v, _ in pred if v == voice]
        v_prf, v_pairs = match_spans(g, p)
        res.by_voice[voice].add(v_prf)
        if voice == "own":
            res.own.add(v_prf)
            for origin in sorted({o for *_, o in pred}):
                mine = [(s, e) for s, e, v, o in pred if v == "own" and o == origin]
                res.own_by_origin[origin].add(PRF(0, len(mine), 0, match_spans(g, mine)[0].pred_matched))
            hit = {i for i, _ in v_pairs}
            own_gold = [x for x in ann.loaded if x.voice == "own"]
            for k, x in enumerate(own_gold):
                for key in (f"strength: {x.strength}", f"category: {x.category}"):
                    res.own_recall_by[key].add(PRF(1, 0, int(k in hit)))
                if k not in hit:
                    res.missed_own[text[x.start : x.end].lower()] += 1


def framing_loaded(findings: Iterable[Any]) -> list[Loaded]:
    return [
        (f.start, f.end, TOOL_VOICE[f.voice], f.origin or "lexicon")
        for f in findings
        if f.analyzer == "loaded" and f.voice in TOOL_VOICE
    ]


#: The model's own probability thresholds shown beside the shipped one.
THRESHOLDS = (0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5)


def marked_words(corpus: Any, split: str = "train", min_marked: int = 2, min_share: float = 0.5) -> set[str]:
    """The words the annotators marked (in a loaded span of any voice) at least ``min_marked``
    times and in at least ``min_share`` of their uses in ``split``: a word list learned from
    the same annotations as the model."""
    uses: Counter[str] = Counter()
    marked: Counter[str] = Counter()
    for a in corpus.articles(split):
        spans = [(g.start, g.end) for g in corpus.annotations[a.id].loaded]
        for m in _WORD.finditer(a.text):
            w = m.group().lower()
            uses[w] += 1
            if any(s < m.end() and m.start() < e for s, e in spans):
                marked[w] += 1
    return {w for w, n in marked.items() if n >= min_marked and n / uses[w] >= min_share}


_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*")
_OPEN = '\u201c"'


def quoted_regions(text: str) -> list[tuple[int, int]]:
    """Stretches between quotation marks (curly pairs, or straight marks taken in pairs)."""
    out = []
    for m in re.finditer(r"\u201c[^\u201d\u201c]{0,3000}\u201d|\"[^\"]{0,3000}\"", text):
        out.append((m.start(), m.end()))
    return out


def baseline_loaded(text: str, words: Callable[[str], bool], origin: str) -> list[Loaded]:
    """Every word ``words`` accepts, in voice ``quote`` inside quotation marks and ``own``
    elsewhere."""
    regions = quoted_regions(text)
    out = []
    for m in _WORD.finditer(text):
        if words(m.group().lower()):
            inside = any(s <= m.start() < e for s, e in regions)
            out.append((m.start(), m.end(), "quote" if inside else "own", origin))
    return out


def loaded_rows(results: Mapping[str, LoadedScore]) -> list[tuple[object, ...]]:
    rows: list[tuple[object, ...]] = []
    for name, r in results.items():
        rows.append((name, "own voice", r.own.precision, r.own.recall, r.own.f1, r.own.gold, r.own.pred))
        rows.append((name, "all voices", r.all.precision, r.all.recall, r.all.f1, r.all.gold, r.all.pred))
        for voice in ("quote", "paraphrase", "mention"):
            v = r.by_voice[voice]
            rows.append((name, f"voice {voice}", v.precision, v.recall, v.f1, v.gold, v.pred))
        rows.append((name, "voice right, on found spans", r.voice.accuracy, "-", "-", r.voice.n, "-"))
    return rows


#: The columns of a summary row after the method's name (:func:`loaded_summary_rows`).
LOADED_SUMMARY_COLUMNS = (
    "precision",
    "recall",
    "F1",
    "voice right, on found spans",
    "gold",
    "found",
    "matched (voice)",
)


def loaded_summary_rows(results: Mapping[str, LoadedScore]) -> list[tuple[object, ...]]:
    """One row per method: own-voice P / R / F1 and the voice accuracy of found spans."""
    return [
        (name, r.own.precision, r.own.recall, r.own.f1, r.voice.accuracy, r.own.gold, r.own.pred, r.voice.n)
        for name, r in results.items()
    ]


# -- C. actors --------------------------------------------------------------------------------

#: The methods of section C, in the order their rows are printed.
ROLE_METHODS = (
    "framing (rules, then the model)",
    "model alone",
    "rules alone",
    "sign of the stance score (lexicon)",
    "sign of the stance score (classifier)",
    "everyone neutral",
)


@dataclass
class ActorScore:
    actors: PRF = field(default_factory=PRF)
    roles: dict[tuple[str, str], Agreement] = field(default_factory=lambda: defaultdict(Agreement))


def _gold_quoted_role(actor: Any) -> str:
    roles = [r for _, r in actor.role_quoted if r != "neutral"]
    return Counter(roles).most_common(1)[0][0] if roles else "neutral"


def _model_alone(decision: Mapping[str, Any] | None, threshold: float) -> str:
    """The portrayal model's reading by itself: its likeliest role other than neutral
    where it reaches the model's threshold, whatever the rules and the clues say."""
    proba = (decision or {}).get("model")
    if not proba:
        return "neutral"
    best = max(ROLES4[:3], key=lambda r: proba.get(r, 0.0))
    return best if proba.get(best, 0.0) >= threshold else "neutral"


def role_readings(row: Mapping[str, Any] | None, voice: str, threshold: float) -> dict[str, str]:
    """Each method's role for one framing actor (None: not found) in one voice group."""
    if row is None:
        return dict.fromkeys(ROLE_METHODS, "neutral")
    portrayal = row["portrayal"]
    decision = portrayal["own"] if voice == "own" else portrayal["quoted_role"]
    tone = row["tone"]
    group = "own" if voice == "own" else "quoted"

    def stance(method: str) -> str:
        value = tone[method].get(group)
        if value is None and group == "quoted":
            value = tone[method].get("reported")
        return role_from_stance(value)

    return {
        ROLE_METHODS[0]: decision["role"],
        ROLE_METHODS[1]: _model_alone(decision, threshold),
        ROLE_METHODS[2]: decision["rules"],
        ROLE_METHODS[3]: stance("lexicon"),
        ROLE_METHODS[4]: stance("classifier"),
        ROLE_METHODS[5]: "neutral",
    }


def _actor_rows(analysis: Any) -> list[dict[str, Any]]:
    """The actors table of an analysis, each row as its JSON shows it."""
    actors = analysis.metrics.actors
    return [row.to_dict() for row in actors.actors] if actors else []


def score_actors(
    res: ActorScore, ann: Any, table_rows: Sequence[Mapping[str, Any]], threshold: float
) -> list[tuple[Any, Mapping[str, Any] | None]]:
    """Score every gold actor (an actor framing does not find is neutral for every
    method); returns the gold actors with their matched rows."""
    cands = []
    for i, g in enumerate(ann.actors):
        gnames = (g.name, *g.aliases)
        for j, row in enumerate(table_rows):
            pnames = (row["name"], *row.get("aliases", {}))
            hits = sum(1 for a in gnames for b in pnames if same_name(a, b))
            if hits:
                cands.append((hits, i, j))
    pairs = dict(match_one_to_one(cands))
    res.actors.add(PRF(len(ann.actors), len(table_rows), len(pairs)))
    out = []
    for i, g in enumerate(ann.actors):
        row = table_rows[pairs[i]] if i in pairs else None
        out.append((g, row))
        for voice, gold in (("own", g.role_own), ("quoted", _gold_quoted_role(g))):
            for method, role in role_readings(row, voice, threshold).items():
                res.roles[(method, voice)].pairs.append((gold, role))
    return out


def _rate(ag: Agreement, gold: str, pred: str) -> str:
    n = sum(1 for a, _ in ag.pairs if a == gold)
    k = sum(1 for a, b in ag.pairs if a == gold and b == pred)
    return f"{k / n:.3f} ({k} of {n})" if n else "-"


def actor_rows(res: ActorScore) -> list[tuple[object, ...]]:
    rows: list[tuple[object, ...]] = []
    for voice in ("own", "quoted"):
        for method in ROLE_METHODS:
            ag = res.roles[(method, voice)]
            rows.append(
                (
                    method,
                    voice,
                    ag.accuracy,
                    ag.macro_f1(ROLES4),
                    _rate(ag, "victim", "villain"),
                    _rate(ag, "villain", "victim"),
                    ag.n,
                )
            )
    return rows


def per_role_rows(res: ActorScore) -> list[tuple[object, ...]]:
    """Precision, recall and F1 of each role, for framing's method, by voice."""
    rows: list[tuple[object, ...]] = []
    for voice in ("own", "quoted"):
        ag = res.roles[(ROLE_METHODS[0], voice)]
        for role in ROLES4:
            tp = sum(1 for a, b in ag.pairs if a == role and b == role)
            pred = sum(1 for _, b in ag.pairs if b == role)
            gold = sum(1 for a, _ in ag.pairs if a == role)
            p, r = (tp / pred if pred else 0.0), (tp / gold if gold else 0.0)
            rows.append((voice, role, p, r, 2 * p * r / (p + r) if p + r else 0.0, gold, pred))
    return rows


# -- D. clusters --------------------------------------------------------------------------------


@dataclass
class ClusterScore:
    links: int = 0
    links_right: int = 0  # strict: a fact of the first annotation in both sentences
    links_fair: int = 0  # a fact of either annotation, or one annotated shared quotation, in both
    links_different: int = 0
    facts: int = 0
    facts_found: int = 0
    differs: int = 0
    differs_right: int = 0
    differs_related: int = 0
    left_out: int = 0
    left_out_right: int = 0
    left_out_wrong: int = 0
    left_out_not_yet: int = 0
    not_yet: int = 0
    not_yet_right: int = 0
    quotes: int = 0
    quotes_found: int = 0
    changes: int = 0
    changes_found: int = 0
    cuts: int = 0
    cuts_found: int = 0
    shown_changes: int = 0
    shown_changes_right: int = 0


def _holders(fact: Any, aid: str, sentences: Sequence[tuple[int, int]]) -> set[int]:
    return {
        k
        for k, (s, e) in enumerate(sentences)
        if any(min(e, fe) > max(s, fs) for fs, fe in fact.spans.get(aid, ()))
    }


def _quote_holders(quote: Any, aid: str, sentences: Sequence[tuple[int, int]]) -> set[int]:
    if aid not in quote.spans or quote.status.get(aid) in (None, "absent"):
        return set()
    fs, fe = quote.spans[aid]
    return {k for k, (s, e) in enumerate(sentences) if min(e, fe) > max(s, fs)}


def score_cluster(
    res: ClusterScore,
    cluster: Any,
    sentences: Mapping[str, Sequence[tuple[int, int]]],
    claims: Sequence[Mapping[str, Any]],
    quotes: Sequence[Mapping[str, tuple[tuple[int, int], bool]]],
    second: Any = None,
) -> None:
    """``claims``: per claim, each carrying article's sentence span; under ``"__missing__"``
    the articles said to leave it out, under ``"__not_yet__"`` those said not to have
    reported it yet, and under ``"__different__"`` each article with a related sentence
    that says something different (its span). ``quotes``: per shared quotation, each
    article's (span, shown as different from the longest). ``second``: the cluster's
    second annotation, where there is one (links it supports count as right when judged
    fairly)."""
    arts = cluster.articles
    holders = {(f.id, a): _holders(f, a, sentences[a]) for f in cluster.facts for a in arts}
    supported: set[tuple[tuple[str, int], tuple[str, int]]] = set()
    for annotation in (cluster, second):
        for f in annotation.facts if annotation is not None else ():
            stating = {a: _holders(f, a, sentences[a]) for a in arts if f.status.get(a) == "same"}
            for a, b in itertools.combinations(sorted(stating), 2):
                supported |= {((a, i), (b, j)) for i in stating[a] for j in stating[b]}
    for q in cluster.quotes:
        carrying = {a: _quote_holders(q, a, sentences[a]) for a in arts}
        for a, b in itertools.combinations(sorted(carrying), 2):
            supported |= {((a, i), (b, j)) for i in carrying[a] for j in carrying[b]}
    links: set[tuple[tuple[str, int], tuple[str, int]]] = set()
    for claim in claims:
        carried = [
            (a, sentence_of(sentences[a], *span)) for a, span in claim.items() if not a.startswith("__")
        ]
        carried = [(a, k) for a, k in carried if k is not None]
        for x, (a, i) in enumerate(carried):
            for b, j in carried[x + 1 :]:
                links.add(((a, i), (b, j)) if a < b else ((b, j), (a, i)))
        touched = [
            f
            for f in cluster.facts
            for a, k in carried
            if k in holders[(f.id, a)] and f.status.get(a) == "same"
        ]
        for m in claim.get("__missing__", ()):
            if not touched:
                continue
            res.left_out += 1
            statuses = {f.status.get(m) for f in touched}
            if "absent" in statuses:
                res.left_out_right += 1
            elif statuses & {"same", "different"}:
                res.left_out_wrong += 1
            else:
                res.left_out_not_yet += 1
        for m in claim.get("__not_yet__", ()):
            if touched:
                res.not_yet += 1
                res.not_yet_right += "not_yet" in {f.status.get(m) for f in touched}
        for m, span in claim.get("__different__", {}).items():
            k = sentence_of(sentences[m], *span)
            if k is None:
                continue
            res.differs += 1
            pairs = [(f, a, i) for f in cluster.facts for a, i in carried if i in holders[(f.id, a)]]
            if any(
                k in holders[(f.id, m)] and {f.status.get(a), f.status.get(m)} == {"same", "different"}
                for f, a, _ in pairs
            ):
                res.differs_right += 1
            if any(k in holders[(f.id, m)] for f, _, _ in pairs):
                res.differs_related += 1
    for (a, i), (b, j) in links:
        res.links += 1
        same = any(
            f.status.get(a) == "same"
            and f.status.get(b) == "same"
            and i in holders[(f.id, a)]
            and j in holders[(f.id, b)]
            for f in cluster.facts
        )
        res.links_right += same
        res.links_fair += same or ((a, i), (b, j)) in supported
        if not same and any(
            {f.status.get(a), f.status.get(b)} == {"same", "different"}
            and i in holders[(f.id, a)]
            and j in holders[(f.id, b)]
            for f in cluster.facts
        ):
            res.links_different += 1
    for f in cluster.facts:
        stating = sorted(a for a in arts if f.status.get(a) == "same" and holders[(f.id, a)])
        for x, a in enumerate(stating):
            for b in stating[x + 1 :]:
                res.facts += 1
                if any(((a, i), (b, j)) in links for i in holders[(f.id, a)] for j in holders[(f.id, b)]):
                    res.facts_found += 1
    for q in cluster.quotes:
        carrying = [a for a in arts if a in q.spans and q.status.get(a) != "paraphrased"]
        if len(carrying) < 2:
            continue
        res.quotes += 1
        group = next(
            (
                g
                for g in quotes
                if sum(1 for a in carrying if a in g and ap.overlap(g[a][0], q.spans[a]) > 0) >= 2
            ),
            None,
        )
        if group is not None:
            res.quotes_found += 1
        for a in arts:
            changed = q.status.get(a) in ("cut", "extended", "altered")
            shown = (
                group is not None and a in group and a in q.spans and ap.overlap(group[a][0], q.spans[a]) > 0
            )
            if changed:
                res.changes += 1
                res.changes_found += shown and group[a][1]  # type: ignore[index]
            if q.status.get(a) == "cut":
                res.cuts += 1
                res.cuts_found += shown and group[a][1]  # type: ignore[index]
    for g in quotes:
        for a, (span, shown) in g.items():
            if not shown:
                continue
            res.shown_changes += 1
            if any(
                a in q.spans
                and ap.overlap(span, q.spans[a]) > 0
                and q.status.get(a) in ("cut", "extended", "altered")
                for q in cluster.quotes
            ):
                res.shown_changes_right += 1


def framing_cluster(
    analyses: Sequence[Any], ids: Sequence[str]
) -> tuple[list[dict[str, Any]], list[dict[str, tuple[tuple[int, int], bool]]]]:
    """The current comparison (:mod:`framing.coverage`) on one cluster."""
    from framing.coverage import build_coverage

    coverage = build_coverage(analyses, list(ids))
    claims = []
    for c in coverage.claims:
        claim: dict[str, Any] = {r.article: (r.start, r.end) for r in c.articles if r.status == "carries"}
        claim["__missing__"] = tuple(r.article for r in c.articles if r.status == "left_out")
        claim["__not_yet__"] = tuple(r.article for r in c.articles if r.status == "not_yet")
        claim["__different__"] = {r.article: (r.start, r.end) for r in c.articles if r.status == "different"}
        claims.append(claim)
    quotes = [
        {
            u.article: ((u.start, u.end), u.status not in ("full", "paraphrased"))
            for u in q.uses
            if u.status != "paraphrased"
        }
        for q in coverage.quotations
    ]
    return claims, quotes


def before_cluster(
    analyses: Sequence[Any], ids: Sequence[str]
) -> tuple[list[dict[str, Any]], list[dict[str, tuple[tuple[int, int], bool]]]]:
    """The claim matcher framing had before report schema 2.0 (``claims_before.py``)."""
    from claims_before import align

    result = align(analyses, list(ids), max_claims=10**9)
    claims = []
    for c in result["claims"]:
        claim: dict[str, Any] = {a: (s["start"], s["end"]) for a, s in c["sentences"].items()}
        claim["__missing__"] = tuple(c["missing_from"])
        claims.append(claim)
    texts = {i: a.text for i, a in zip(ids, analyses, strict=True)}
    quotes = []
    for q in result["shared_quotes"]:
        group: dict[str, tuple[tuple[int, int], bool]] = {}
        for use in q["uses"]:
            span = _find_words(texts[use["article"]], use["words"])
            if span is not None:
                group[use["article"]] = (span, use["words"] != q["quote"])
        quotes.append(group)
    return claims, quotes


def _find_words(text: str, words: str) -> tuple[int, int] | None:
    pattern = r"\s+".join(re.escape(w) for w in words.split())
    m = re.search(pattern, text)
    return (m.start(), m.end()) if m else None


def second_annotator_cluster(
    second: Any, ids: Sequence[str], sentences: Mapping[str, Sequence[tuple[int, int]]]
) -> list[dict[str, Any]]:
    """A second annotation's facts as claims (for the human ceiling): each fact one claim,
    its ``same`` sentences carrying it, its ``absent`` and ``not_yet`` articles as such."""
    claims = []
    for f in second.facts:
        claim: dict[str, Any] = {
            a: sentences[a][min(_holders(f, a, sentences[a]))]
            for a in ids
            if f.status.get(a) == "same" and _holders(f, a, sentences[a])
        }
        claim["__missing__"] = tuple(a for a in ids if f.status.get(a) == "absent")
        claim["__not_yet__"] = tuple(a for a in ids if f.status.get(a) == "not_yet")
        claims.append(claim)
    return claims


_STOP = frozenset(
    "the a an and or of to in on at for with by from as that this is was were be been are it its he she they "
    "his her their said says not but has have had will would".split()
)


def baseline_cluster(
    analyses: Sequence[Any], ids: Sequence[str]
) -> tuple[list[dict[str, Any]], list[dict[str, tuple[tuple[int, int], bool]]]]:
    sets = []
    for aid, a in zip(ids, analyses, strict=True):
        for s, e in a.sentences:
            words = {w.lower() for w in _WORD.findall(a.text[s:e])} - _STOP
            if len(words) >= 4:
                sets.append((aid, (s, e), words))
    claims = []
    for x, (a, sa, wa) in enumerate(sets):
        claim: dict[str, Any] = {a: sa}
        for b, sb, wb in sets[x + 1 :]:
            if b != a and b not in claim and len(wa & wb) / len(wa | wb) >= 0.5:
                claim[b] = sb
        claim["__missing__"] = tuple(i for i in ids if i not in claim)
        claims.append(claim)
    return claims, []


def _share(n: int, d: int) -> float:
    return n / d if d else 0.0


def cluster_rows(results: Mapping[str, ClusterScore]) -> list[tuple[object, ...]]:
    rows: list[tuple[object, ...]] = []
    for name, r in results.items():
        rows.append(
            (
                name,
                "same-claim links: precision",
                _share(r.links_fair, r.links),
                f"{r.links_fair} of {r.links}",
                f"strict {_share(r.links_right, r.links):.3f} ({r.links_right}); {r.links_different} join a pair the annotation calls different",
            )
        )
        rows.append(
            (
                name,
                "same-claim links: recall (fact, article pair)",
                _share(r.facts_found, r.facts),
                f"{r.facts_found} of {r.facts}",
                "-",
            )
        )
        if r.differs:
            rows.append(
                (
                    name,
                    "'says something different': the annotation agrees",
                    _share(r.differs_right, r.differs),
                    f"{r.differs_right} of {r.differs}",
                    f"{r.differs_related} hold one annotated fact at all",
                )
            )
        rows.append(
            (
                name,
                "left out: precision",
                _share(r.left_out_right, r.left_out),
                f"{r.left_out_right} of {r.left_out} judged",
                f"{r.left_out_not_yet} of them the annotation calls not yet reported",
            )
        )
        verdicts = r.left_out + r.not_yet
        rows.append(
            (
                name,
                "left out or not yet reported: precision",
                _share(r.left_out_right + r.not_yet_right, verdicts),
                f"{r.left_out_right + r.not_yet_right} of {verdicts}",
                f"not yet reported: {r.not_yet_right} of {r.not_yet} right",
            )
        )
        if r.quotes or name.startswith("framing"):
            rows.append(
                (
                    name,
                    "shared quotations found",
                    _share(r.quotes_found, r.quotes),
                    f"{r.quotes_found} of {r.quotes}",
                    "-",
                )
            )
            rows.append(
                (
                    name,
                    "cut/extended/altered quotations detected",
                    _share(r.changes_found, r.changes),
                    f"{r.changes_found} of {r.changes}",
                    f"cuts {r.cuts_found} of {r.cuts}; precision {_share(r.shown_changes_right, r.shown_changes):.3f} ({r.shown_changes_right} of {r.shown_changes})",
                )
            )
    return rows


CLUSTER_METHODS = (
    ("framing (claim-pair model)", framing_cluster),
    ("framing before 2.0 (TF-IDF)", before_cluster),
    ("word-overlap baseline", baseline_cluster),
)


def cluster_section(corpus: Any, split: str, analyses: Mapping[str, Any]) -> list[str]:
    clusters = corpus.clusters_in(split)
    if not clusters:
        return []
    cres = {name: ClusterScore() for name, _ in CLUSTER_METHODS}
    double: dict[str, ClusterScore] = {}
    for cl in clusters:
        ids = [a for a in cl.articles if a in analyses]
        if len(ids) != len(cl.articles):
            continue
        sents = {a: list(analyses[a].sentences) for a in ids}
        second = corpus.double_clusters.get(cl.cluster)
        for name, method in CLUSTER_METHODS:
            claims, quotes = method([analyses[a] for a in ids], ids)
            score_cluster(cres[name], cl, sents, claims, quotes, second)
            if second is not None:
                score_cluster(double.setdefault(name, ClusterScore()), cl, sents, claims, quotes)
        if second is not None:
            score_cluster(
                double.setdefault("second annotator", ClusterScore()),
                cl,
                sents,
                second_annotator_cluster(second, ids, sents),
                [],
            )
    n_facts = sum(len(c.facts) for c in clusters)
    n_quotes = sum(len(c.quotes) for c in clusters)
    out = [
        "",
        f"**Event clusters** ({len(clusters)} clusters, {n_facts} facts, {n_quotes} shared quotations)",
        "",
        "A same-claim link is right when a fact of either annotation, or one annotated shared quotation, "
        "is in both sentences; *strict* counts the first annotation's facts only, as before schema 2.0.",
        "",
        table(("method", "measure", "value", "count", "also"), cluster_rows(cres)),
    ]
    if double:
        names = sorted({c.cluster for c in clusters if c.cluster in corpus.double_clusters})
        out += [
            "",
            f"On the clusters annotated twice ({', '.join(names)}), judged strictly against the first "
            "annotation, beside the second annotator's own facts:",
            "",
            table(
                ("method", "links: precision", "links: recall", "left out: precision"),
                [
                    (
                        name,
                        _share(r.links_right, r.links),
                        _share(r.facts_found, r.facts),
                        _share(r.left_out_right, r.left_out),
                    )
                    for name, r in double.items()
                ],
            ),
        ]
    return out


# -- running ------------------------------------------------------------------------------------


def _role_threshold() -> float:
    from framing.models.portrayal import default_portrayal

    return float(default_portrayal().threshold)


def run_split(corpus: Any, split: str, pipeline: Any, details: bool) -> str:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    import framing

    vader = SentimentIntensityAnalyzer().lexicon
    listed = marked_words(corpus) if split != "train" else set()
    articles = corpus.articles(split)
    attr = {
        "framing": AttributionScore(),
        "framing, rules alone": AttributionScore(),
        "keyword baseline": AttributionScore(),
    }
    rules = framing.Pipeline(framing.Settings(analyzers=(), learned_attribution=False))
    resolution: dict[str, dict[str, list[int]]] = {"framing": {}, "framing, rules alone": {}}
    variants = loaded_variants(pipeline)
    full = variants["framing: lexicon + model (opt-in)"]
    curve = {t: full.model.with_threshold(t) for t in THRESHOLDS} if full.model is not None else {}
    loaded = {name: LoadedScore() for name in variants}
    loaded["VADER words baseline"] = LoadedScore()
    if listed:
        loaded["marked-words list baseline (train split)"] = LoadedScore()
    by_threshold = {t: LoadedScore() for t in curve}
    actors = ActorScore()
    wrong_roles: list[tuple[str, str, str, Any]] = []
    threshold = _role_threshold()
    analyses: dict[str, Any] = {}
    t0 = time.perf_counter()
    for a in articles:
        ann = corpus.annotations[a.id]
        article = framing.Article(a.text, id=a.id, outlet=a.outlet, title=a.title, date=a.date)
        analysis = pipeline.analyze(article)
        analyses[a.id] = analysis
        score_attribution(attr["framing"], a.text, ann, framing_attributions(a.text, analysis))
        by_rules = rules.analyze(article)
        score_attribution(attr["framing, rules alone"], a.text, ann, framing_attributions(a.text, by_rules))
        doc = pipeline.segment(article)
        score_resolution(resolution["framing"], a.text, ann, doc)
        score_resolution(resolution["framing, rules alone"], a.text, ann, rules.segment(article))
        score_attribution(attr["keyword baseline"], a.text, ann, baseline_attributions(a.text))
        for name, analyzer in variants.items():
            findings = analysis.findings if analyzer is full else analyzer.analyze(doc).findings
            score_loaded(loaded[name], a.text, ann, framing_loaded(findings))
        for t, model in curve.items():
            findings = type(full)(full.lexicons, model).analyze(doc).findings
            score_loaded(by_threshold[t], a.text, ann, framing_loaded(findings))
        score_loaded(
            loaded["VADER words baseline"],
            a.text,
            ann,
            baseline_loaded(a.text, lambda w: abs(vader.get(w, 0.0)) >= 1.5, "VADER"),
        )
        if listed:
            score_loaded(
                loaded["marked-words list baseline (train split)"],
                a.text,
                ann,
                baseline_loaded(a.text, listed.__contains__, "list"),
            )
        found = score_actors(actors, ann, _actor_rows(analysis), threshold)
        wrong_roles += [
            (g.name, g.role_own, row["portrayal"]["own"]["role"], row["portrayal"]["own"]["evidence"])
            for g, row in found
            if row is not None and row["portrayal"]["own"]["role"] != g.role_own
        ]
    seconds = time.perf_counter() - t0
    n_attr = sum(len(corpus.annotations[a.id].attributions) for a in articles)
    n_loaded = sum(len(corpus.annotations[a.id].loaded) for a in articles)
    n_own = sum(1 for a in articles for x in corpus.annotations[a.id].loaded if x.own)
    n_actors = sum(len(corpus.annotations[a.id].actors) for a in articles)
    out = [
        f"### Corpus {split} split: {len(articles)} articles, {n_attr} attributions, "
        f"{n_loaded} loaded spans ({n_own} in the outlet's own voice), {n_actors} actors",
        "",
        "**Attribution**",
        "",
        table(("method", "measure", "value", "P / R or count", "also"), attribution_rows(attr)),
        "",
        "Resolution on its own: gold sources that are a pronoun or a title or role, linked by the resolver of "
        "people to the gold speaker (right of all; linked = resolved to anyone; a description left "
        "unresolved names itself).",
        "",
        table(
            ("method", "mentions", "right", "linked", "gold"),
            [
                (name, kind, r[2] / r[0] if r[0] else 0.0, f"{r[1]} linked", r[0])
                for name, by_kind in resolution.items()
                for kind, r in sorted(by_kind.items())
            ],
        ),
        "",
        "**Loaded wording in the outlet's own voice, side by side**",
        "",
        table(
            ("method", *LOADED_SUMMARY_COLUMNS),
            loaded_summary_rows(loaded),
        ),
        "",
        "**Loaded wording by voice**",
        "",
        table(("method", "voice", "precision", "recall", "F1", "gold", "found"), loaded_rows(loaded)),
        "",
        "Own-voice precision of each kind of finding of lexicon + model (lenient: a finding is right "
        "when it overlaps an own-voice gold span): "
        + "; ".join(
            f"{origin} {v.precision:.3f} ({v.pred_matched} of {v.pred})"
            for origin, v in sorted(loaded["framing: lexicon + model (opt-in)"].own_by_origin.items())
        )
        + ".",
        "",
        "Own-voice recall of lexicon + model, by strength and category of the gold span:",
        "",
        table(
            ("gold spans", "recall", "found", "gold"),
            [
                (k, v.recall, v.matched, v.gold)
                for k, v in sorted(loaded["framing: lexicon + model (opt-in)"].own_recall_by.items())
            ],
        ),
        "",
        "**Actors**",
        "",
        f"Gold actors found by framing (by name or alias): {actors.actors.recall:.3f} "
        f"({actors.actors.matched} of {actors.actors.gold}; framing lists {actors.actors.pred} actors).",
        "",
        "Role of each gold actor (an actor framing does not find counts as neutral), in the outlet's own "
        "voice and in quoted voices (the role most quoted speakers give), over villain, victim, hero and neutral:",
        "",
        table(
            (
                "role from",
                "voice",
                "accuracy",
                "macro-F1",
                "victims read as villains",
                "villains read as victims",
                "actors",
            ),
            actor_rows(actors),
        ),
        "",
        "Each role, framing's method:",
        "",
        table(("voice", "role", "precision", "recall", "F1", "gold", "framing"), per_role_rows(actors)),
    ]
    if curve:
        shipped = full.model.threshold
        out += [
            "",
            f"Lexicon + model at other thresholds of the model's probability (the shipped model marks "
            f"a word from {shipped}, chosen by cross-validation on the train split):",
            "",
            table(
                ("threshold", *LOADED_SUMMARY_COLUMNS),
                loaded_summary_rows(by_threshold),
            ),
        ]
    out += cluster_section(corpus, split, analyses)
    if details:
        wrong = attr["framing"].wrong
        out += ["", f"Wrong speakers ({len(wrong)}), a sample (gold / framing / cue):"]
        out += [f"- {g} / {p} / {c}" for g, p, c in wrong[:40]]
        out += [
            "",
            f"Own-voice roles framing gets wrong ({len(wrong_roles)}), a sample (actor: gold / framing, evidence):",
        ]
        out += [
            f"- {name}: {gold} / {pred}" + "".join(f"; {e['reason']}" for e in ev[:2])
            for name, gold, pred, ev in wrong_roles[:40]
        ]
        missed = loaded["framing: lexicon + model (opt-in)"].missed_own
        out += [
            "",
            "Commonest own-voice spans framing misses: "
            + ", ".join(f"{w} {n}" for w, n in missed.most_common(60)),
        ]
    out += ["", f"Analysis and scoring took {seconds:.1f} s."]
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> int:
    ap_ = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap_.add_argument("--split", choices=("train", "dev", "test"), action="append")
    ap_.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap_.add_argument("--details", action="store_true", help="wrong speakers and missed loaded words")
    args = ap_.parse_args(argv)
    if not args.data.is_dir():
        print(f"article_bias not found at {args.data}; the corpus texts live there. Nothing to do.")
        return 0
    import framing
    from framing.corpus import load_corpus

    corpus = load_corpus(ROOT / "corpus", args.data)
    pipeline = framing.Pipeline()
    for split in args.split or ["dev", "test"]:
        if not corpus.articles(split):
            print(f"### Corpus {split} split: no annotated articles yet\n")
            continue
        print(run_split(corpus, split, pipeline, args.details))
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
