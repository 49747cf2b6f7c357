"""Reading: what the words around each mention say about its actor.

For each mention of an actor, with evidence spans:

* what it does and what is done to it: the verb after a mention (it acts, also in the
  progressive: "troops are retreating"), the verb of a passive whose "by" names it
  ("immigrants were rounded up by ICE": ICE acts); the verb before a mention or a
  passive after it (it is acted on, with its particle: "were rounded up");
* evaluative words: loaded words used as its label ("rioters"), in front of it
  ("violent protesters"), or as the verb it does or suffers ("brutalizing");
* tone: VADER compound of the sentence piece (one voice) that holds it.

Lexicon-and-rules tone of one mention: half the tone of its sentence piece, minus
0.15 per weight point of a loaded label or adjective on it or a loaded verb it does,
plus 0.1 per weight point of a violent verb done to it; the actor's score is the mean
over its mentions, clipped to [-1, 1].
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Any

from ...text.document import Document
from ...text.phrases import PhraseFinder
from ...vader import default_vader

__all__ = ["COMMON_VERBS", "Reader", "Reading"]

_AUX = frozenset(
    """has have had is are was were be been will would could should can may might must
    also then later just still already reportedly repeatedly allegedly quickly never not
    did does do 's 're""".split()
)
_BE = frozenset("is are was were be been being get got gets".split())
_IRREGULAR = frozenset(
    """said told made took gave sent brought held kept left led met paid put ran saw shot
    fought threw beat hit hurt struck stole tore won lost spoke wrote broke chose drove
    began fled caught bought sold sought built""".split()
)
_NOT_VERBS = frozenset(
    """this his its is was has as us thus news series species means press police always
    perhaps across versus less unless yes plus""".split()
)
_DETERMINERS = frozenset("the a an this that these those his her its their our some many".split())
#: Third-person forms of common news verbs (past and -ing forms are read from their endings).
COMMON_VERBS = frozenset(
    """says tells targets attacks arrests detains deports orders sends deploys leads
    blames accuses warns threatens demands urges wants plans faces fights supports opposes
    backs rejects defends protects helps hurts kills injures harms violates denies claims
    vows pledges promises admits insists calls argues asks takes gives makes keeps holds
    runs wins loses leaves""".split()
)
_VIOLENT = ("violence", "derogatory_action", "dehumanizing")
#: Particles of phrasal verbs, kept with the verb ("rounded up", "carried out").
_PARTICLES = frozenset("up down out off away back over".split())


def _verb_like(word: str, known: frozenset[str] = frozenset()) -> bool:
    """A lowercase word that reads as a verb: a past or -ing form, an irregular past, or
    a form of a verb the lexicons know ("targets", "slams")."""
    if not word.replace("-", "").isalpha() or not word.islower() or word in _NOT_VERBS or word in _AUX:
        return False
    return word.endswith(("ed", "ing")) or word in _IRREGULAR or word in known


def _word(doc: Document, unit: Any) -> str:
    return doc.text[unit.start : unit.end]


@dataclass
class Reading:
    """What one mention of an actor says about it."""

    signal: float
    tone: float
    span: tuple[int, int]
    reasons: list[str]
    evaluations: list[dict[str, Any]]
    does: list[dict[str, Any]]
    done_to: list[dict[str, Any]]


class Reader:
    """Reads the words around actor mentions in one document (see the module docstring
    for how a mention's stance signal is made)."""

    def __init__(self, doc: Document, loaded: PhraseFinder, verbs: frozenset[str]):
        self.doc = doc
        self.units = doc.units
        self.unit_starts = [u.start for u in self.units]
        self.loaded = {m.first: (m.end, m.entry) for m in loaded.find(doc.keys)}
        self.verbs = verbs
        self.vader = default_vader()
        self.sentence_starts = [s for s, _ in doc.sentences]
        self.piece_tone: dict[tuple[int, int], float] = {}

    def tone_of(self, pos: int) -> tuple[float, tuple[int, int]]:
        """VADER compound of the sentence piece (one voice) holding ``pos``."""
        doc = self.doc
        i = bisect.bisect_right(self.sentence_starts, pos) - 1
        if i < 0:
            return 0.0, (pos, pos)
        s, e = doc.sentences[i]
        run = doc.run_at(pos)
        span = (max(s, run.start), min(e, run.end))
        if span not in self.piece_tone:
            self.piece_tone[span] = self.vader.compound(doc.text[span[0] : span[1]])
        return self.piece_tone[span], span

    def _verb(self, s: int, e: int, hit: tuple[int, Any] | None) -> dict[str, Any]:
        start, end = self.doc.to_original(s, e)
        return {
            "start": start,
            "end": end,
            "text": self.doc.article.text[start:end],
            "voice": self.doc.run_at(s).voice,
            "loaded": hit[1].category if hit else None,
        }

    def _agent_verb(self, by: int) -> tuple[int, int] | None:
        """The units ``(verb, last)`` of the passive verb (and its particle) before the
        "by" at ``by`` ("were rounded up by", "detained by"), or None."""
        units = self.units
        last = by - 1
        verb = last - 1 if last >= 0 and units[last].key in _PARTICLES else last
        if verb < 0:
            return None
        word = _word(self.doc, units[verb])
        if word.endswith("ing") or not _verb_like(word, self.verbs):
            return None
        return verb, last

    def mention(self, s: int, e: int) -> Reading:
        """The stance signal of the mention at ``[s, e)`` and the evidence behind it."""
        doc, units, loaded = self.doc, self.units, self.loaded
        i = bisect.bisect_left(self.unit_starts, s)
        j = bisect.bisect_left(self.unit_starts, e)
        tone, span = self.tone_of(s)
        signal = 0.5 * tone
        reasons: list[str] = []
        evaluations: list[dict[str, Any]] = []
        does: list[dict[str, Any]] = []
        done_to: list[dict[str, Any]] = []
        # a loaded label ('rioters') or a loaded adjective in front of it
        for k in range(max(0, i - 1), j):
            hit = loaded.get(k)
            if hit is None or hit[0] > j or (k < i and hit[1].pos != "adj"):
                continue
            entry = hit[1]
            signal -= 0.15 * entry.weight
            reasons.append(f"labelled '{doc.text[units[k].start : units[hit[0] - 1].end]}'")
            item = self._verb(units[k].start, units[hit[0] - 1].end, hit)
            evaluations.append({**item, "category": entry.category, "weight": entry.weight})
        # what it does: the verb after the mention (through 'who' and auxiliaries)
        k = j
        if k < len(units) and units[k].key == "who":
            k += 1
        while k < len(units) and units[k].key in _AUX and units[k].key not in _BE:
            k += 1
        progressive = (
            k + 1 < len(units)
            and units[k].key in _BE
            and units[k + 1].key.endswith("ing")
            and units[k + 1].key != "being"
            and _verb_like(_word(doc, units[k + 1]), self.verbs)
        )
        # v: the verb of an active or progressive, or the unit before a passive participle
        v = k + 1 if progressive else k
        if not progressive and k + 2 < len(units) and units[k].key in _BE and units[k + 1].key == "being":
            v = k + 1  # 'are being detained': the passive after 'being'
        passive = (
            not progressive
            and v + 1 < len(units)
            and units[k].key in _BE
            and _verb_like(_word(doc, units[v + 1]), self.verbs)
        )
        if passive:
            end = v + 2 if v + 2 < len(units) and units[v + 2].key in _PARTICLES else v + 1
            done_to.append(self._verb(units[k].start, units[end].end, loaded.get(v + 1)))
            entry = loaded.get(v + 1, (0, None))[1]
            if entry is not None and entry.category in _VIOLENT:
                signal += 0.1 * entry.weight
                reasons.append(f"suffers '{doc.text[units[k].start : units[end].end]}'")
        elif v < len(units) and units[v].key != "being" and _verb_like(_word(doc, units[v]), self.verbs):
            # an active verb, or a progressive one ('are retreating'): the actor does it
            does.append(self._verb(units[k].start, units[v].end, loaded.get(v)))
            hit = loaded.get(v)
            # 'assisted ICE in brutalizing the community': the action after 'in'
            for kk in range(v + 1, min(v + 9, len(units))):
                if (
                    units[kk].key in ("in", "by")
                    and kk + 1 < len(units)
                    and units[kk + 1].key.endswith("ing")
                ):
                    does.append(self._verb(units[kk + 1].start, units[kk + 1].end, loaded.get(kk + 1)))
                    hit = hit or loaded.get(kk + 1)
                    break
            if hit is not None:
                signal -= 0.15 * hit[1].weight
                reasons.append(f"does '{doc.text[units[k].start : units[v].end]}'")
        # what is done to it: a verb just before the mention
        k = i - 1
        while k >= 0 and units[k].key in _DETERMINERS:
            k -= 1
        agent = self._agent_verb(k) if k >= 0 and k >= i - 3 and units[k].key == "by" else None
        if agent is not None:
            # 'rounded up by ICE': the 'by' of a passive names who acted
            a, b = agent
            hit = loaded.get(a)
            does.append(self._verb(units[a].start, units[b].end, hit))
            if hit is not None:
                signal -= 0.15 * hit[1].weight
                reasons.append(f"does '{doc.text[units[a].start : units[b].end]}'")
        elif (
            k >= 0
            and k >= i - 3
            and _verb_like(_word(doc, units[k]), self.verbs)
            and units[k].key not in ("says", "said")
        ):
            hit = loaded.get(k)
            done_to.append(self._verb(units[k].start, units[k].end, hit))
            if hit is not None and hit[1].category in _VIOLENT:
                signal += 0.1 * hit[1].weight
                reasons.append(f"suffers '{doc.text[units[k].start : units[k].end]}'")
        return Reading(max(-1.0, min(1.0, signal)), tone, span, reasons, evaluations, does, done_to)
