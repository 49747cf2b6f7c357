"""Notices about who speaks and how the outlet introduces them: a kind of source only
one article quotes, an article that quotes no one or almost no one, unnamed sources,
and verbs of saying that do more than report."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from ..article_views import ArticleView, SpeakerView
from ..lexicon.kinds import CUE_GRADES
from ..metrics import SourcingMetrics
from ..results import Quote
from .inputs import Inputs, Others, evidence, listed, names, plural, quoted, whole
from .templates import Candidate
from .view import Evidence

__all__ = ["JUDGING_GRADES", "source_candidates"]

#: Speech that counts as someone speaking (not a belief or a position the outlet reports).
SPEECH = ("direct", "partial", "reported", "according-to")
#: Grades of a verb of saying that tell the reader how to take the words.
JUDGING_GRADES = ("distancing", "emotive", "presupposing", "endorsing")
#: Source types the sentence about kinds of source leaves to others: unnamed sources
#: have their own sentence, and an unknown type says nothing.
_NOT_A_KIND = ("anonymous", "unknown")


def _speech(inputs: Inputs, index: int) -> list[Quote]:
    return [q for q in inputs.analyses[index].quotes if q.kind in SPEECH and q.speaker]


def _source_evidence(inputs: Inputs, index: int, q: Quote) -> Evidence:
    """The source's mention and its words where they are close together, else the words."""
    start, end = q.content_start, q.content_end
    if q.speaker_start is not None and q.speaker_end is not None:
        s, e = min(start, q.speaker_start), max(end, q.speaker_end)
        if e - s <= max(end - start, q.speaker_end - q.speaker_start) + 200:
            start, end = s, e
    return evidence(inputs, index, start, end, "source")


def _others_part(inputs: Inputs, index: int, counts: Others, verb: str, unit: str) -> str:
    """ "the others quote 19 to 122 words", or "Daily B quotes 40 words" for one other."""
    if len(inputs.views) == 2:
        return f"{inputs.views[1 - index].label} {verb}s {whole(counts.least(index))} {unit}"
    lo, hi = counts.least(index), counts.most(index)
    span = whole(lo) if lo == hi else f"{whole(lo)} to {whole(hi)}"
    return f"the others {verb} {span} {unit}"


def _type_label(inputs: Inputs, t: str) -> str:
    found = inputs.source_types.get(t)
    label = found.label if found is not None else t
    return label[:1].lower() + label[1:] if label[1:2].islower() else label


def steady_sources(speakers: Sequence[SpeakerView]) -> dict[str, list[str]]:
    """The kinds of source an article quotes or reports, each with its speakers' names,
    leaving out people named together ("Obama and Syria"): the kind of such a speaker is
    the first person's, and one wrong name there makes the kind wrong.

    >>> from framing.article_views import SpeakerView
    >>> def sp(name, kind):
    ...     return SpeakerView(name, kind, None, None, True, 1, 0, 9, 0.5, 0.0, 0.0, 0, {})
    >>> steady_sources([sp("Ann Lee", "elected"), sp("Obama and Syria", "elected"), sp("residents", "public")])
    {'elected': ['Ann Lee'], 'public': ['residents']}
    """
    by_kind: dict[str, list[str]] = {}
    for sp in speakers:
        if " and " not in sp.name and " & " not in sp.name:
            by_kind.setdefault(sp.type, []).append(sp.name)
    return by_kind


def _sourcing(v: ArticleView) -> SourcingMetrics:
    """An article's sourcing numbers (all 0 where the sourcing analyser did not run)."""
    return v.sourcing or SourcingMetrics()


def source_candidates(inputs: Inputs) -> list[Candidate]:
    out: list[Candidate] = []
    views = inputs.views
    if len(views) < 2:
        return out
    types_of = [{sp.type for sp in v.speakers} for v in views]
    quoting = Counter(t for types in types_of for t in types)  # how many articles quote each type
    sources = Others([len(v.speakers) for v in views])
    attributions = Others([_sourcing(v).attributions for v in views])
    quoted_words = Others([(v.loaded.quoted_words if v.loaded else 0) for v in views])
    naming = Counter(_sourcing(v).unnamed == 0 and _sourcing(v).attributions >= 2 for v in views)[True]
    for i, v in enumerate(views):
        steady = steady_sources(v.speakers)
        mine = sorted(t for t in steady if t not in _NOT_A_KIND and quoting[t] == 1)
        kinds, ev = [], []
        for t in mine[:3]:
            names = steady[t]
            kinds.append(f"{_type_label(inputs, t)} ({listed(names[:2])})")
            q = next((q for q in _speech(inputs, i) if q.speaker in names), None)
            if q is not None:
                ev.append(_source_evidence(inputs, i, q))
        out.append(
            Candidate(
                "only_source_type",
                {
                    "article": v.label,
                    "types": mine,
                    "others_least_sources": sources.least(i),
                },
                {"kinds": listed(kinds)},
                tuple(ev),
                size=min(1.0, len(mine) / 3),
            )
        )
        mine_words = quoted_words.values[i]
        out.append(
            Candidate(
                "quotes_no_one",
                {
                    "article": v.label,
                    "attributions": _sourcing(v).attributions,
                    "quoted_words": mine_words,
                    "others_least": attributions.least(i),
                },
                {
                    "others_part": _others_part(
                        inputs, i, attributions, "attribute", "statements to their sources"
                    )
                },
                size=1.0,
            )
        )
        spans = [
            q
            for q in inputs.analyses[i].quotes
            if q.kind in ("direct", "partial") and q.content_end > q.content_start
        ]
        out.append(
            Candidate(
                "few_quoted_words",
                {
                    "article": v.label,
                    "quoted_words": mine_words,
                    "others_least": quoted_words.least(i),
                    "others_most": quoted_words.most(i),
                },
                {
                    "word_s": plural(mine_words, "word", "words"),
                    "examples": listed(
                        quoted(inputs.analyses[i].text[q.content_start : q.content_end].strip(" ,.;:"), 60)
                        for q in spans[:3]
                    ),
                    "others_part": _others_part(inputs, i, quoted_words, "quote", "words"),
                },
                tuple(evidence(inputs, i, q.content_start, q.content_end, "quotation") for q in spans[:3]),
                size=1.0 - mine_words / max(1, quoted_words.least(i)),
            )
        )
        # every other article names all its sources (this one may or may not)
        mine_naming = _sourcing(v).unnamed == 0 and attributions.values[i] >= 2
        if naming - mine_naming == len(views) - 1:
            out += _unnamed(inputs, i)
    out += _verbs(inputs)
    return out


def _unnamed(inputs: Inputs, index: int) -> list[Candidate]:
    v = inputs.views[index]
    unnamed = [q for q in _speech(inputs, index) if q.named is False]
    if not unnamed:
        return []
    who = list(dict.fromkeys(q.speaker or "" for q in unnamed))
    labels = [inputs.views[j].label for j in inputs.others(index)]
    return [
        Candidate(
            "unnamed_sources",
            {
                "article": v.label,
                "unnamed": _sourcing(v).unnamed,
                "attributions": _sourcing(v).attributions,
                "names": who,
                "others": labels,
            },
            {
                "names": listed(quoted(n, 40) for n in who[:3]),
                "others_part": names(labels) + (" names" if len(labels) == 1 else " name"),
                "they_quote": "it quotes" if len(labels) == 1 else "they quote",
                "share": _share(_sourcing(v).unnamed, _sourcing(v).attributions),
            },
            tuple(_source_evidence(inputs, index, q) for q in unnamed[:3]),
            size=min(1.0, len(unnamed) / 4),
        )
    ]


def _share(part: int, whole_: int) -> str:
    """ "2 of its 5 statements", "all 3 of its statements", "its one statement"."""
    if part >= whole_:
        return "its one statement" if whole_ <= 1 else f"all {whole(whole_)} of its statements"
    return f"{whole(part)} of its {whole(whole_)} statements"


def _verbs(inputs: Inputs) -> list[Candidate]:
    """Each article's verbs of saying, once per verb in the text (a verb that introduces
    three quoted phrases is one verb)."""
    cues: list[dict[int, Quote]] = []
    for a in inputs.analyses:
        seen: dict[int, Quote] = {}
        for q in a.quotes:
            if (
                q.kind != "scare"
                and q.cue
                and q.cue_grade in CUE_GRADES
                and q.cue_start is not None
                and q.cue_end is not None
            ):
                seen.setdefault(q.cue_start, q)
        cues.append(seen)
    plain = [i for i, c in enumerate(cues) if c and all(q.cue_grade == "neutral" for q in c.values())]
    if not plain:
        return []
    p = max(plain, key=lambda i: (len(cues[i]), -i))
    p_text = inputs.analyses[p].text
    p_words = list(
        dict.fromkeys(p_text[q.cue_start : q.cue_end].lower() for q in cues[p].values() if q.cue_end)
    )
    out = []
    for i, c in enumerate(cues):
        if i == p:
            continue
        judging = [q for q in c.values() if q.cue_grade in JUDGING_GRADES]
        text = inputs.analyses[i].text
        words: dict[str, list[Quote]] = defaultdict(list)
        for q in judging:
            words[text[q.cue_start : q.cue_end].lower()].append(q)  # type: ignore[index]
        out.append(
            Candidate(
                "judging_verbs",
                {
                    "article": inputs.views[i].label,
                    "judging": len(judging),
                    "verbs": len(c),
                    "words": list(words),
                    "plain": inputs.views[p].label,
                    "plain_verbs": len(cues[p]),
                    "plain_words": p_words,
                },
                {
                    "examples": listed((quoted(w) for w in list(words)[:3]), "and"),
                    "plain_examples": listed(quoted(w) for w in p_words[:3]),
                    "judging": whole(len(judging)),
                    "verbs": whole(len(c)),
                    "plain_verbs": whole(len(cues[p])),
                },
                tuple(
                    evidence(inputs, i, q.cue_start, q.cue_end, "cue")  # type: ignore[arg-type]
                    for q in judging[:3]
                ),
                size=min(1.0, len(judging) / max(1, len(c)) * 2),
            )
        )
    return out
