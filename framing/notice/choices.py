"""Notices about what an outlet chooses to write: a quotation it cuts where another
gives it whole, a word it picks for something others name differently, and an actor it
casts as villain, victim or hero in its own words."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from ..coverage.units import stem
from ..coverage.view import QuotationUse, WordStep
from ..metrics import ActorRow
from ..metrics import Evidence as RoleEvidence
from .inputs import Inputs, evidence, listed, names, plural, quoted
from .templates import Candidate
from .view import Evidence

__all__ = ["label_candidates", "quotation_candidates", "role_candidates"]

#: A change of more words than this, on either side, is not read as the same quotation
#: with its words changed.
MOST_CHANGED_WORDS = 4
#: Quotation marks: where the words an outlet writes instead hold one, the change runs
#: across the edge of a quotation.
QUOTE_MARKS = frozenset('"\u201c\u201d\u2018\u2019\u00ab\u00bb')

#: Connotations of a label that are not a leaning (they get no sentence of their own).
_PLAIN = ("neutral", "technical")


def quotation_candidates(inputs: Inputs) -> list[Candidate]:
    """Each outlet's cut of a shared quotation against the longest version: the cut
    holding loaded words, else the longest cut."""
    labels = [v.label for v in inputs.views]
    out = []
    for qn, sq in enumerate(inputs.coverage.quotations):
        if sq.longest_in not in labels:
            continue
        ref_index = labels.index(sq.longest_in)
        ref = next((u for u in sq.uses if u.article == sq.longest_in), None)
        for use in sq.uses:
            if use.article == sq.longest_in or use.article not in labels or ref is None:
                continue
            if use.status == "altered":
                out += _changed(inputs, qn, use, labels.index(use.article))
            if use.status != "cut":
                continue
            last = len(use.steps) - 1
            cuts = [
                ("start" if n == 0 else "end" if n == last else "inside", step)
                for n, step in enumerate(use.steps)
                if step.op == "cut"
            ]
            if not cuts:
                continue
            where, step = max(cuts, key=lambda c: (bool(c[1].loaded), len(c[1].words.split())))
            index = labels.index(use.article)
            loaded = list(step.loaded)
            ev: list[Evidence] = [evidence(inputs, index, use.start, use.end, "cut", qn)]
            ref_findings = [
                f
                for f in inputs.views[ref_index].findings
                if f.analyzer == "loaded" and f.text in loaded and ref.start <= f.start and f.end <= ref.end
            ]
            if ref_findings:
                ev += [evidence(inputs, ref_index, f.start, f.end, "loaded", qn) for f in ref_findings[:2]]
            else:
                ev.append(evidence(inputs, ref_index, ref.start, ref.end, "quotation", qn))
            words = len(step.words.split())
            out.append(
                Candidate(
                    f"quotation_cut_{where}",
                    {
                        "article": use.article,
                        "speaker": sq.speaker,
                        "longest": sq.longest_in,
                        "dropped": step.words,
                        "dropped_words": words,
                        "loaded": loaded,
                        "quotation": qn,
                    },
                    {
                        "whose": possessive(sq.speaker),
                        "dropped": quoted(step.words, 120),
                        "loaded_part": (
                            f"; among them the loaded {plural(len(loaded), 'word', 'words')} "
                            + listed(quoted(w) for w in loaded)
                        )
                        if loaded
                        else "",
                    },
                    tuple(ev),
                    size=1.0 if loaded else min(0.5, words / 40),
                )
            )
    return out


def _changed(inputs: Inputs, qn: int, use: QuotationUse, index: int) -> list[Candidate]:
    """A quotation one outlet gives with other words than the longest version: the
    words changed, where they are other words and not another form of the same ones
    ("cooperate" for "cooperation"), as :func:`real_changes` reads them."""
    sq = inputs.coverage.quotations[qn]
    changes = real_changes(use.steps)
    if not changes:
        return []
    ref_words, theirs = max(changes, key=lambda c: (len(c[0]) + len(c[1]), c))
    return [
        Candidate(
            "quotation_changed",
            {
                "article": use.article,
                "speaker": sq.speaker,
                "longest": sq.longest_in,
                "changed": [list(c) for c in changes],
                "quotation": qn,
            },
            {
                "whose": possessive(sq.speaker),
                "theirs": quoted(theirs),
                "ref": quoted(ref_words),
            },
            (evidence(inputs, index, use.start, use.end, "quotation", qn),),
            size=min(1.0, len(changes) / 3),
        )
    ]


def real_changes(steps: Sequence[WordStep]) -> list[tuple[str, str]]:
    """The (longest version's words, this outlet's words) of each change in an alignment
    that reads as the speaker's words altered: other words, not another form of the same
    ones ("cooperate" for "cooperation"), few of them, between words both versions keep.

    A change at either end, a long one, or one whose words hold a quotation mark is most
    often two partial quotations stitched together, or the outlet's own words beside a
    quotation, and is left out.

    >>> keep, change = (lambda w: WordStep("keep", w, w)), (lambda a, b: WordStep("change", a, b))
    >>> real_changes([keep("We will never surrender to the"), change("mob", "crowd"), keep("that burned it")])
    [('mob', 'crowd')]
    >>> real_changes([change("This", "an"), keep("untimely assertion by the Justice Department")])
    []
    """
    last = len(steps) - 1
    return [
        (step.words, step.as_written)
        for n, step in enumerate(steps)
        if step.op == "change"
        and 0 < n < last
        and steps[n - 1].op == "keep"
        and steps[n + 1].op == "keep"
        and len(step.words.split()) <= MOST_CHANGED_WORDS
        and len(step.as_written.split()) <= MOST_CHANGED_WORDS
        and not QUOTE_MARKS.intersection(step.as_written)
        and _stems(step.words) != _stems(step.as_written)
    ]


def possessive(speaker: str | None) -> str:
    """Whose a quotation is, to stand before "quotation": a name ("Sean Parnell’s"),
    a description with its article ("the committee chairman’s"), a plural ("the city
    officials’"), or "the" when nobody is named.

    >>> possessive("Sean Parnell"), possessive("committee chairman"), possessive("city officials")
    ('Sean Parnell’s', 'the committee chairman’s', 'the city officials’')
    >>> possessive("the mayor"), possessive("the officials"), possessive("ICE"), possessive(None)
    ('the mayor’s', 'the officials’', 'ICE’s', 'the')
    """
    if not speaker:
        return "the"
    first = speaker.split(" ", 1)[0]
    named = first[:1].isupper() or first.lower() in ("the", "a", "an")
    whose = speaker if named else f"the {speaker}"
    many = whose.endswith("s") and not first[:1].isupper()
    return whose + ("’" if many else "’s")


def _stems(words: str) -> list[str]:
    return [stem(w.lower()) for w in re.findall(r"[^\W_]+", words)]


def lower_first(text: str) -> str:
    """A name or description as it stands inside a sentence: its first letter lowered
    unless its first word is an acronym ("ICE").

    >>> lower_first("A public gathering"), lower_first("The police"), lower_first("ICE raids")
    ('a public gathering', 'the police', 'ICE raids')
    """
    first = text.split(" ", 1)[0]
    if len(first) > 1 and first.isupper():
        return text
    return text[:1].lower() + text[1:]


def label_candidates(inputs: Inputs) -> list[Candidate]:
    """A word with a leaning that some outlets use in their own voice for a thing the
    others, who name it too, call by other words."""
    own: list[dict[str, dict[str, int]]] = []  # per article: concept -> term -> own uses
    concept_names: dict[str, str] = {}
    leaning: dict[tuple[str, str], str | None] = {}
    for v in inputs.views:
        mine: dict[str, dict[str, int]] = defaultdict(dict)
        for cid, c in (v.labels.concepts if v.labels else {}).items():
            concept_names.setdefault(cid, c.label)
            for term, d in c.variants.items():
                leaning[(cid, term)] = d.connotation
                if d.own:
                    mine[cid][term] = d.own
        own.append(mine)
    out = []
    for cid, term in sorted(leaning):
        if leaning[(cid, term)] in _PLAIN:
            continue
        users = [i for i, m in enumerate(own) if term in m.get(cid, {})]
        # those who name the same thing in their own voice, with no word of this leaning
        others = [
            i
            for i, m in enumerate(own)
            if m.get(cid) and all(leaning[(cid, t)] != leaning[(cid, term)] for t in m[cid])
        ]
        if not users:
            continue
        their = sorted({t for i in others for t in own[i][cid]})
        uses = sum(own[i][cid][term] for i in users)
        found = inputs.connotations.get(leaning[(cid, term)] or "")
        connotation = found.label if found is not None else leaning[(cid, term)] or ""
        ev = []
        for i in users:
            f = next(
                (
                    f
                    for f in inputs.views[i].findings
                    if f.analyzer == "labels" and f.category == cid and f.term == term and f.own_voice
                ),
                None,
            )
            if f is not None:
                ev.append(evidence(inputs, i, f.start, f.end, "label"))
        one = len(users) == 1
        other_labels = [inputs.views[i].label for i in others]
        out.append(
            Candidate(
                "label_choice",
                {
                    "concept": cid,
                    "term": term,
                    "connotation": leaning[(cid, term)],
                    "users": [inputs.views[i].label for i in users],
                    "others": other_labels,
                    "other_terms": their,
                    "uses": uses,
                },
                {
                    "concept": lower_first(concept_names[cid]),
                    "users": names([inputs.views[i].label for i in users]),
                    "write": "writes" if one else "write",
                    "term": quoted(term),
                    "connotation": lower_first(connotation),
                    "their": "its" if one else "their",
                    "others_part": f"{names(other_labels)} {'does' if len(others) == 1 else 'do'} not: "
                    f"{'it writes' if len(others) == 1 else 'they write'} {listed((quoted(t) for t in their), 'or')}",
                },
                tuple(ev[:3]),
                size=min(1.0, uses / 4) * min(1.0, len(others) / max(1, len(inputs.views) - 1)),
            )
        )
    return out


#: The weight of the strongest clue a role needs before a sentence names it (the
#: portrayal lexicon's weights: 3 is harm done or suffered outright, "brutalizing").
STRONG_CLUE = 3


def _own_cast(row: ActorRow) -> tuple[str, float, list[RoleEvidence]]:
    """An actor's role in the outlet's own voice, its confidence, and the clues for it
    that are strong enough to show, strongest first."""
    own = row.portrayal.own
    role = own.role
    found = [
        e for e in own.evidence if not e.negated and e.role == role and e.voice == "own" and e.weight >= 2
    ]
    found.sort(key=lambda e: (-e.weight, e.start))
    return role, float(own.confidence or 0.0), found


def role_candidates(inputs: Inputs) -> list[Candidate]:
    """An actor one outlet alone casts as villain, victim or hero in its own words,
    where the others mention it and cast it as neither."""
    rows: dict[str, dict[int, ActorRow]] = defaultdict(dict)
    for i, v in enumerate(inputs.views):
        for row in v.actors:
            rows[row.id][i] = row
    out = []
    for aid in sorted(rows):
        casts = {i: _own_cast(row) for i, row in rows[aid].items()}
        cast = [i for i, (role, _, found) in casts.items() if role != "neutral" and found]
        if len(cast) != 1 or any(r != "neutral" for j, (r, _, _) in casts.items() if j != cast[0]):
            continue
        i = cast[0]
        role, confidence, found = casts[i]
        others = [inputs.views[j].label for j in sorted(casts) if j != i]
        row = rows[aid][i]
        name = row.name if row.kind == "person" else lower_first(row.name)
        text = inputs.analyses[i].text
        ev = [
            evidence(inputs, i, e.start, e.end, "role") for e in found[:2] if text[e.start : e.end] == e.text
        ]
        out.append(
            Candidate(
                "role_own_voice",
                {
                    "article": inputs.views[i].label,
                    "actor": name,
                    "actor_id": aid,
                    "role": role,
                    "confidence": confidence,
                    "evidence": len(ev),
                    "strongest": max((e.weight for e in found), default=0),
                    "others": others,
                },
                {
                    "words": listed(quoted(e.words) for e in ev),
                    "others_part": f"{names(others)} also {'mentions' if len(others) == 1 else 'mention'} "
                    f"{name}, without that role in {'its' if len(others) == 1 else 'their'} own words",
                },
                tuple(ev),
                size=min(1.0, confidence),
            )
        )
    return out
