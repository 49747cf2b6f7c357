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

Over 500 lines on purpose, for now: its clues are the portrayal model's features, so the
reading is split when the model is next retrained and the split can be checked against
it.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ...function_words import AUXILIARIES, DETERMINERS, POSSESSIVES, VERB_GROUP_ADVERBS
from ...metrics.actors import ActorAct, ActorEvaluation
from ...text.document import Document
from ...text.phrases import PhraseFinder
from ...vader import compound

__all__ = ["CAST", "COMMON_VERBS", "ROLES", "CastReader", "Clue", "Reader", "Reading"]

#: Auxiliaries, contracted ones and the adverbs inside a verb group ("has also attacked").
#: Not "being", "am" or "shall" yet: the portrayal model's features are read with this
#: set, so adding them (and with "being", no longer reading it as a verb done to an
#: actor) waits for the model's next retraining.
_AUX = (AUXILIARIES - {"being", "am", "shall"}) | VERB_GROUP_ADVERBS | frozenset({"'s", "'re"})
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
#: Words that open a noun phrase before its head ("the", "their", "some").
_DETERMINERS = DETERMINERS | POSSESSIVES | frozenset({"some", "many"})
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
    evaluations: list[ActorEvaluation]
    does: list[ActorAct]
    done_to: list[ActorAct]


class Reader:
    """Reads the words around actor mentions in one document (see the module docstring
    for how a mention's stance signal is made)."""

    def __init__(self, doc: Document, loaded: PhraseFinder, verbs: frozenset[str]):
        self.doc = doc
        self.units = doc.units
        self.unit_starts = [u.start for u in self.units]
        self.loaded = _lookup(loaded, doc.keys)
        self.verbs = verbs
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
            self.piece_tone[span] = compound(doc.text[span[0] : span[1]])
        return self.piece_tone[span], span

    def _verb(self, s: int, e: int, hit: tuple[int, Any] | None) -> ActorAct:
        start, end = self.doc.to_original(s, e)
        loaded = hit[1].category if hit else None
        return ActorAct(start, end, self.doc.article.text[start:end], self.doc.run_at(s).voice, loaded)

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
        evaluations: list[ActorEvaluation] = []
        does: list[ActorAct] = []
        done_to: list[ActorAct] = []
        # a loaded label ('rioters') or a loaded adjective in front of it
        for k in range(max(0, i - 1), j):
            hit = loaded.get(k)
            if hit is None or hit[0] > j or (k < i and hit[1].pos != "adj"):
                continue
            entry = hit[1]
            signal -= 0.15 * entry.weight
            reasons.append(f"labelled '{doc.text[units[k].start : units[hit[0] - 1].end]}'")
            act = self._verb(units[k].start, units[hit[0] - 1].end, hit)
            evaluations.append(
                ActorEvaluation(
                    act.start, act.end, act.text, act.voice, act.loaded, entry.category, entry.weight
                )
            )
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


# -- who does what to whom: clues to an actor's role ------------------------------------

#: The roles an actor can be cast in, besides neutral.
ROLES = ("villain", "victim", "hero")

#: What a portrayal category (or a loaded-language one) says of the actor, by where the
#: actor stands: the agent who does it, the patient it is done to, or the one it names.
#: ``None``: it casts no role there (helping someone does not make them a victim).
CAST: dict[str, dict[str, str | None]] = {
    "harm": {"agent": "villain", "patient": "victim"},
    "wrong": {"agent": "villain", "patient": "victim"},
    "guilt": {"agent": None, "patient": "villain"},
    "suffer": {"agent": "victim", "patient": "victim", "label": "victim"},
    "rescue": {"agent": "hero", "patient": "victim"},
    "help": {"agent": "hero", "patient": None, "label": "hero"},
    "resist": {"agent": "hero", "patient": "villain"},
    "blame": {"agent": None, "patient": "villain"},
    "praise": {"agent": None, "patient": "hero"},
    "villain_label": {"label": "villain"},
    "victim_label": {"label": "victim"},
    "hero_label": {"label": "hero"},
    # loaded language: a violent or derogatory verb is harm; a pejorative label, a villain's
    "violence": {"agent": "villain", "patient": "victim", "label": "villain"},
    "derogatory_action": {"agent": "villain", "patient": None},
    "criminalizing": {"label": "villain"},
    "dehumanizing": {"label": "villain"},
    "partisan_label": {"label": "villain"},
}
#: Categories whose role is cast in the voice of the one who blames or praises, not of
#: the sentence they are reported in ("Republicans accused Holder": Holder is a villain
#: in the Republicans' words).
_JUDGED = frozenset(("blame", "praise"))
_NEGATIONS = frozenset("not never n't no neither nor without refused declined".split())
#: Words that join a noun of harm or help to whom it is done ("the death of", "attacks on").
_NOUN_LINKS = frozenset("of on against to for toward towards upon at".split())
_RELATIVES = frozenset(("who", "that", "which"))
_SUBJECTS = frozenset("he she they it we i".split())
#: Nouns of harm whose owner is the one harmed ("Terry's murder", "the Brown shooting"),
#: where for others the owner does it ("ICE's raids").
_UNDERGONE = frozenset(
    """killing killings murder murders death deaths shooting assassination arrest arrests
    detention deportation kidnapping abduction execution beating lynching""".split()
)
#: Categories of what someone does to others that a noun can carry ("went on a rampage").
_DOING = frozenset(("harm", "wrong", "violence", "derogatory_action"))
#: How many units either side of a mention the loose reading looks at.
_NEAR = 10
_STOPS = frozenset(',.;:!?()[]"“”‘’—–'.replace("", " ").split()) | {"and", "or", "but"}


@dataclass(frozen=True)
class Clue:
    """One piece of evidence for an actor's role, in normalised offsets.

    ``how`` is where the actor stands: ``agent`` (it does the act), ``patient`` (the act is
    done to it), ``label`` (the words name or describe it), ``name`` (it is only part of a
    name, "the Immigrant Defense Project": no role). ``voice`` is ``own`` (the outlet's
    narration or headline) or ``quoted`` (a quote or reported speech; a blame or praise
    reported in narration is in the voice of the one who blames or praises), with
    ``speaker`` (``None`` where the text names nobody). ``negated``: the act is denied
    ("did not attack"), so it casts no role.
    """

    role: str
    how: str
    category: str
    weight: int
    start: int
    end: int
    voice: str
    speaker: str | None
    negated: bool = False
    lexicon: str = "portrayal"


def _lookup(finder: PhraseFinder | None, keys: list[str]) -> dict[int, tuple[int, Any]]:
    if finder is None:
        return {}
    return {m.first: (m.end, m.entry) for m in finder.find(keys)}


class CastReader:
    """Reads who does what to whom around each mention of an actor, for its role.

    It works on the units of the sentence, without a parser, in a few patterns:

    * the actor as agent: the verb after it (through "who", auxiliaries and an
      appositive), its possessive ("ICE's raids") or the noun it qualifies ("ICE raids"),
      the "by" of a passive ("beaten by police"), and "helped X in brutalizing";
    * the actor as patient: the verb before it ("police attacked the protesters"), a
      passive after it ("protesters were tear-gassed"), a noun before it with "of", "on"
      or "against" ("the death of Jaime Alanis", "attacks on immigrants");
    * labels: words that name or describe it, the mention itself ("rioters"), an
      adjective before it ("brave troops"), an appositive ("Aaron Alexis, the gunman")
      or a predicate ("they were innocent");
    * negation in the verb group ("did not attack") marks a clue ``negated``; a mention
      inside a longer capitalised name ("the Immigrant Defense Project", "A Day Without
      An Immigrant") is read for nothing.
    """

    def __init__(
        self,
        doc: Document,
        cast: PhraseFinder | None,
        loaded: PhraseFinder | None,
        verbs: frozenset[str],
        names: Sequence[tuple[int, int, str]] = (),
        titles: Callable[[str], bool] | None = None,
        loaded_found: Mapping[int, tuple[int, Any]] | None = None,
    ):
        self.doc = doc
        self.units = doc.units
        self.keys = doc.keys
        self.unit_starts = [u.start for u in self.units]
        self.cast = _lookup(cast, self.keys)
        # ``loaded_found``: what ``loaded`` finds in the document, where a Reader found it already
        self.loaded = loaded_found if loaded_found is not None else _lookup(loaded, self.keys)
        self.verbs = verbs
        self.names = sorted(names)
        self.name_starts = [s for s, _, _ in self.names]
        self.titles = titles
        # who speaks through each cue word ('accused' in 'Republicans accused Holder')
        self.cue_speaker: dict[int, str] = {}
        for a in doc.attributions:
            if a.cue_span is not None and a.speaker is not None:
                for k in range(bisect.bisect_left(self.unit_starts, a.cue_span[0]), len(self.units)):
                    if self.units[k].start >= a.cue_span[1]:
                        break
                    self.cue_speaker[k] = a.speaker.name
        self.chunks = sorted((c.start, c.end, c) for c in doc.names)
        self.chunk_starts = [s for s, _, _ in self.chunks]

    # -- small readings of the units ------------------------------------------------

    def _text(self, a: int, b: int) -> str:
        return self.doc.text[self.units[a].start : self.units[b - 1].end]

    def _voice(self, k: int) -> tuple[str, str | None]:
        run = self.doc.run_at(self.units[k].start)
        if run.voice in ("narration", "headline"):
            return "own", None
        speaker = self.doc.speaker_of(run)
        return "quoted", speaker.name if speaker else None

    def _verbish(self, k: int) -> bool:
        if k < 0 or k >= len(self.units):
            return False
        hit = self.cast.get(k)
        return _verb_like(_word(self.doc, self.units[k]), self.verbs) or (
            hit is not None and hit[1].pos == "verb" and _word(self.doc, self.units[k]).islower()
        )

    def _negated(self, a: int, b: int) -> bool:
        return any(
            self.keys[k] in _NEGATIONS or self.keys[k].endswith("n't") for k in range(max(a, 0), max(b, 0))
        )

    def _entry(self, k: int, position: str) -> tuple[int, Any, str] | None:
        """The lexicon entry starting at unit ``k`` that casts a role in ``position``,
        with its end unit and the lexicon it comes from."""
        hit = self.cast.get(k)
        if hit is not None and position in CAST.get(hit[1].category, {}):
            return hit[0], hit[1], "portrayal"
        hit = self.loaded.get(k)
        if hit is not None and position in CAST.get(hit[1].category, {}):
            return hit[0], hit[1], "loaded-language"
        return None

    def in_name(self, i: int, j: int) -> bool:
        """Whether units ``[i, j)`` are part of a longer capitalised name that is not a
        person's title ("Immigrant Defense Project", not "Defense Secretary Pete Hegseth")."""
        while i < j - 1 and self.keys[i] in _DETERMINERS:
            i += 1  # 'The Police Brutality Commission': the name starts after 'The'
        s, e = self.units[i].start, self.units[j - 1].end
        if self.doc.run_at(s).voice == "headline":
            return False  # headlines capitalise every word
        x = bisect.bisect_right(self.chunk_starts, s) - 1
        while x >= 0 and self.chunks[x][1] > s:
            cs, ce, chunk = self.chunks[x]
            if cs <= s and e <= ce and (cs < s or e < ce):
                extra = [w for w in chunk.words if w not in self.doc.text[s:e].split()]
                titled = bool(chunk.role) and self.titles is not None and self.titles(chunk.role[-1])
                if extra and not (titled and chunk.name):
                    return True
            x -= 1
        return False

    def _who_before(self, k: int) -> str | None:
        """Who does the verb at unit ``k``: the speaker of its attribution, else the
        last actor mentioned before it in the same sentence."""
        if k in self.cue_speaker:
            return self.cue_speaker[k]
        pos = self.units[k].start
        sent = self.doc.sentence_index(pos)
        lo = self.doc.sentences[sent][0] if sent >= 0 else 0
        x = bisect.bisect_left(self.name_starts, pos) - 1
        if x >= 0 and self.names[x][0] >= lo:
            return self.names[x][2]
        return None

    def _who_after_by(self, k: int) -> str | None:
        """The actor a "by" at unit ``k`` names, if any ("criticized by Democrats")."""
        if k >= len(self.units) or self.keys[k] != "by" or k + 1 >= len(self.units):
            return None
        x = bisect.bisect_left(self.name_starts, self.units[k + 1].start)
        if x < len(self.names) and self.names[x][0] <= self.units[min(k + 3, len(self.units) - 1)].start:
            return self.names[x][2]
        return None

    def _object_end(self, k: int) -> int:
        """The end unit of an act's words with its object ("brutalizing the community"):
        up to three more words, stopping at punctuation, a conjunction, a preposition or
        another verb."""
        end = k
        while end < len(self.units) and end < k + 3:
            key = self.keys[end]
            if (
                key in _STOPS
                or key in _NOUN_LINKS
                or key in _AUX
                or key in ("in", "by", "with", "from", "as", "after", "before", "while", "who", "that")
                or self._verbish(end)
            ):
                break
            end += 1
        return end

    def _clue(
        self,
        role: str | None,
        how: str,
        entry: Any,
        a: int,
        b: int,
        negated: bool,
        lexicon: str,
        voice: tuple[str, str | None] | None = None,
    ) -> Clue | None:
        if role is None:
            return None
        v, speaker = voice or self._voice(a)
        start, end = self.units[a].start, self.units[b - 1].end
        return Clue(role, how, entry.category, int(entry.weight), start, end, v, speaker, negated, lexicon)

    def _act(
        self, position: str, k: int, end: int, entry: Any, lexicon: str, negated: bool, passive: bool = False
    ) -> Clue | None:
        """A clue from an act at units ``[k, end)`` with the actor in ``position`` (the
        subject of a ``passive``: nobody before the verb did it)."""
        role = CAST.get(entry.category, {}).get(position)
        if entry.category in _JUDGED and position == "patient":
            # in the voice of whoever blames or praises: 'by Democrats', the cue's
            # speaker, the actor before the verb; none named: an unnamed voice
            if self._voice(k)[0] == "own":
                who = self._who_after_by(end) or (None if passive else self._who_before(k))
                return self._clue(role, position, entry, k, end, negated, lexicon, ("quoted", who))
        return self._clue(role, position, entry, k, end, negated, lexicon)

    # -- the readings ------------------------------------------------------------------

    def clues(self, s: int, e: int) -> list[Clue]:
        """What the words around the mention at normalised ``[s, e)`` say of its role."""
        units = self.units
        i = bisect.bisect_left(self.unit_starts, s)
        j = bisect.bisect_left(self.unit_starts, e)
        if i >= j or i >= len(units):
            return []
        if self.in_name(i, j):
            return []
        out: list[Clue | None] = []
        out += self._labels(i, j)
        out += self._as_agent(i, j)
        out += self._as_patient(i, j)
        found = [c for c in out if c is not None]
        return found + self._near(i, j, {c.start for c in found})

    def _near(self, i: int, j: int, taken: set[int]) -> list[Clue]:
        """Words of the portrayal lexicon in the same sentence and voice as the mention
        that no pattern tied to it: after it, read as if it did them; before it, as if
        they were done to it (``how`` is ``near_agent`` or ``near_patient``). Weaker than
        the patterns: the model weighs them, the rules leave them out."""
        doc, units = self.doc, self.units
        pos = units[i].start
        sent = doc.sentence_index(pos)
        run = doc.run_at(pos)
        lo = max(run.start, doc.sentences[sent][0] if sent >= 0 else 0)
        hi = min(run.end, doc.sentences[sent][1] if sent >= 0 else len(doc.text))
        out: list[Clue] = []
        for k in range(max(0, i - _NEAR), min(len(units), j + _NEAR)):
            if i <= k < j or not lo <= units[k].start < hi or units[k].start in taken:
                continue
            hit = self.cast.get(k)
            if hit is None or hit[1].category.endswith("_label"):
                continue
            position = "agent" if k >= j and self.keys[k - 1] not in _BE else "patient"
            role = CAST.get(hit[1].category, {}).get(position)
            if role is None:
                continue
            voice, speaker = self._voice(k)
            out.append(
                Clue(
                    role,
                    f"near_{position}",
                    hit[1].category,
                    int(hit[1].weight),
                    units[k].start,
                    units[hit[0] - 1].end,
                    voice,
                    speaker,
                    self._negated(k - 3, k),
                )
            )
        return out

    def _labels(self, i: int, j: int) -> list[Clue | None]:
        out: list[Clue | None] = []
        # the mention itself, or up to two describing words before it ('brave troops')
        k = i - 1
        while k >= max(0, i - 3) and self.keys[k] not in _STOPS and self.keys[k] not in _DETERMINERS:
            k -= 1
        for x in range(k + 1, j):
            found = self._entry(x, "label")
            if found is not None and found[0] <= j:
                end, entry, lexicon = found
                if entry.pos == "verb" or (x < i and entry.pos != "adj" and not (x == i - 1 and end == i)):
                    continue  # a noun before it is a label only right before it ('hostage Luke Somers')
                out.append(self._clue(CAST[entry.category]["label"], "label", entry, x, end, False, lexicon))
        # an appositive ('Aaron Alexis, the gunman,') or a predicate ('they were innocent')
        k = j
        stretch: range | None = None
        if k < len(self.units) and self.keys[k] == ",":
            stop = min(k + 8, len(self.units))
            close = next((x for x in range(k + 1, stop) if self.keys[x] in (",", ".", ";", ":")), stop)
            if k + 1 < len(self.units) and self.keys[k + 1] in ("a", "an", "the"):
                stretch = range(k + 1, close)
        else:
            while k < len(self.units) and self.keys[k] in _AUX and self.keys[k] not in _BE:
                k += 1
            if k + 1 < len(self.units) and self.keys[k] in ("is", "are", "was", "were", "be", "been"):
                if not self._verbish(k + 1) or self.keys[k + 1] in ("innocent",):
                    stretch = range(k + 1, min(k + 5, len(self.units)))
        if stretch is not None:
            negated = self._negated(j, stretch.start)
            for x in stretch:
                if self.keys[x] in _STOPS:
                    break
                found = self._entry(x, "label")
                if found is not None and found[1].pos != "verb":
                    end, entry, lexicon = found
                    out.append(
                        self._clue(CAST[entry.category]["label"], "label", entry, x, end, negated, lexicon)
                    )
        return out

    def _as_agent(self, i: int, j: int) -> list[Clue | None]:
        units, keys, doc = self.units, self.keys, self.doc
        out: list[Clue | None] = []
        k = j
        n = len(units)
        possessive = doc.text[units[j - 1].end - 2 : units[j - 1].end] in ("'s", "’s") or doc.text[
            units[j - 1].end - 1 : units[j - 1].end
        ] in ("'", "’")
        if possessive or (k < n and keys[k].isalpha() and keys[k].islower() and not self._verbish(k)):
            # 'ICE's raids', 'Alanis's death', 'ICE raids': the noun it owns or qualifies
            for x in range(k, min(k + 3, n)):
                if keys[x] in _STOPS:
                    break
                if not (possessive or x == k):
                    continue
                # 'Terry's murder', 'the Brown killing': the one it was done to
                position = "patient" if keys[x] in _UNDERGONE else "agent"
                found = self._entry(x, position)
                if found is not None:
                    end, entry, lexicon = found
                    last = self._object_end(end) if position == "agent" else end
                    out.append(self._act(position, x, last, entry, lexicon, False))
                    break
            if possessive:
                return out
        # an appositive between the actor and its verb: 'Sean Parnell, the spokesman, said'
        if k < n and keys[k] == ",":
            close = next((x for x in range(k + 1, min(k + 10, n)) if keys[x] == ","), None)
            if close is not None and not any(self._verbish(x) for x in range(k + 1, close)):
                k = close + 1
            elif k + 1 < n and (keys[k + 1] in _AUX or self._verbish(k + 1)):
                k += 1  # the actor is itself an appositive: 'an agent, Brian Terry, was killed'
        if k < n and keys[k] in _RELATIVES:
            k += 1
        first = k
        while k < n and keys[k] in _AUX and keys[k] not in _BE:
            k += 1
        negated = self._negated(first, k)
        if k >= n:
            return out
        if keys[k] in _BE:
            v = k + 1
            while v < n and (keys[v] in ("being", "been") or keys[v] in _AUX or keys[v].endswith("ly")):
                v += 1
            negated = negated or self._negated(k + 1, v)
            if v < n and keys[v].endswith("ing") and self._verbish(v):
                out += self._acts(v, negated)  # progressive: 'troops are brutalizing'
            elif self._verbish(v):
                found = self._entry(v, "patient")  # passive: 'protesters were tear-gassed'
                if found is not None:
                    end, entry, lexicon = found
                    out.append(self._act("patient", k, end, entry, lexicon, negated, passive=True))
            return out
        if self._verbish(k):
            out += self._acts(k, negated)
        return out

    def _acts(self, k: int, negated: bool) -> list[Clue | None]:
        """What an actor does from the verb at unit ``k`` on: the verb itself; a noun of
        harm in its object ("went on a shooting rampage", "fired tear gas"); the act
        after "in" or "by" ("assisted ICE in brutalizing"); and verbs joined to it
        ("stormed the offices, killing 12", "walked up and shot him")."""
        keys, n = self.keys, len(self.units)
        out: list[Clue | None] = []
        found = self._entry(k, "agent")
        hit = self.cast.get(k)
        verb_end = hit[0] if hit is not None else k + 1
        if found is not None:
            end, entry, lexicon = found
            verb_end = end
            out.append(self._act("agent", k, self._object_end(end), entry, lexicon, negated))
        if found is None and (hit is None or hit[1].category in _DOING) and k not in self.cue_speaker:
            for x in range(verb_end, min(verb_end + 5, n)):
                if keys[x] in _STOPS or (x > verb_end and self._verbish(x)):
                    break
                noun = self._entry(x, "agent")
                if noun is not None and noun[1].pos == "noun" and noun[1].category in _DOING:
                    end, entry, lexicon = noun
                    out.append(self._act("agent", k, end, entry, lexicon, negated))
                    break
        x = verb_end
        while x < min(verb_end + 15, n):
            key = keys[x]
            if key in (
                ".",
                ";",
                ":",
                "but",
                "while",
                "because",
                "who",
                "which",
                "that",
                "after",
                "before",
                "when",
            ):
                break
            if key in ("in", "by") and x + 1 < n and keys[x + 1].endswith("ing"):
                found = self._entry(x + 1, "agent")  # 'assisted ICE in brutalizing'
                if found is not None:
                    end, entry, lexicon = found
                    out.append(self._act("agent", x + 1, self._object_end(end), entry, lexicon, negated))
                x += 2
                continue
            if key in ("and", ",") and x + 1 < n:
                after = _word(self.doc, self.units[x + 1])
                if after[:1].isupper() or keys[x + 1] in _DETERMINERS or keys[x + 1] in _SUBJECTS:
                    break  # 'and the police killed': another subject
                if self._verbish(x + 1):
                    found = self._entry(x + 1, "agent")  # 'and killed him', ', killing 12'
                    if found is not None:
                        end, entry, lexicon = found
                        out.append(self._act("agent", x + 1, self._object_end(end), entry, lexicon, negated))
            if key in _SUBJECTS:
                break
            x += 1
        return out

    def _as_patient(self, i: int, j: int) -> list[Clue | None]:
        units, keys = self.units, self.keys
        out: list[Clue | None] = []
        k = i - 1
        while k >= 0 and (keys[k] in _DETERMINERS or keys[k].isdigit()):
            k -= 1
        if k < 0 or k < i - 4:
            return out
        if not self._verbish(k) and keys[k] not in _STOPS and keys[k] not in _NOUN_LINKS and keys[k] != "by":
            # 'kidnapped South African teacher Pierre Korkie': a participle before its titles
            for x in range(k - 1, max(k - 4, -1), -1):
                if keys[x] in _STOPS or keys[x] in _NOUN_LINKS:
                    break
                found = self._entry(x, "patient")
                if found is not None and found[0] == x + 1 and keys[x].endswith(("ed", "en")):
                    end, entry, lexicon = found
                    out.append(self._act("patient", x, end, entry, lexicon, self._negated(x - 2, x)))
                    break
            return out
        if keys[k] == "by":
            # 'rounded up by ICE': the 'by' of a passive names who acted
            last = k - 1
            verb = last - 1 if last >= 0 and keys[last] in _PARTICLES else last
            if verb >= 0 and not keys[verb].endswith("ing") and self._verbish(verb):
                found = self._entry(verb, "agent")
                if found is not None:
                    end, entry, lexicon = found
                    out.append(
                        self._act("agent", verb, max(end, k), entry, lexicon, self._negated(verb - 3, verb))
                    )
            return out
        if keys[k] in _NOUN_LINKS:
            # 'the death of Jaime Alanis', 'attacks on immigrants', 'the war on drugs'; but
            # 'the brutality of the police': what someone does, 'of' names who does it
            for x in (k - 1, k - 2, k):
                if x < 0:
                    continue
                hit = self.cast.get(x) or self.loaded.get(x)
                if hit is None or hit[0] not in (k, k + 1) or (x == k and hit[0] == k):
                    continue
                doing = (
                    keys[k] == "of"
                    and keys[x] not in _UNDERGONE
                    and not keys[x].endswith("ing")  # 'the hacking of Democrats'
                    and hit[1].category in _DOING
                )
                found = self._entry(x, "agent" if doing else "patient")
                if found is not None:
                    end, entry, lexicon = found
                    position = "agent" if doing else "patient"
                    out.append(self._act(position, x, k + 1, entry, lexicon, self._negated(x - 2, x)))
                break
            return out
        if keys[k] in ("says", "said") or not self._verbish(k):
            return out
        # the verb before it: 'police attacked the protesters'; a phrasal verb ends here
        start = k
        for x in (k, k - 1, k - 2):
            hit = self.cast.get(x) or self.loaded.get(x)
            if x >= 0 and hit is not None and hit[0] == k + 1:
                start = x
                break
        found = self._entry(start, "patient")
        negated = self._negated(start - 3, start)
        if found is not None:
            end, entry, lexicon = found
            out.append(self._act("patient", start, end, entry, lexicon, negated))
        hit = self.cast.get(start)
        if hit is not None and hit[1].category == "help":
            # 'assisted ICE (and the police) in brutalizing': the one helped does the act too
            for x in range(j, min(j + 8, len(units))):
                if keys[x] in _STOPS and keys[x] not in ("and", "or"):
                    break
                if keys[x] in ("in", "with") and x + 1 < len(units) and keys[x + 1].endswith("ing"):
                    found = self._entry(x + 1, "agent")
                    if found is not None:
                        end, entry, lexicon = found
                        out.append(self._act("agent", x + 1, self._object_end(end), entry, lexicon, negated))
                    break
        return out
