"""Actors: who the article talks about, and how each is portrayed.

Actors are found from the ``actors`` lexicon (people, institutions and groups with
their aliases: "ICE", "Immigration and Customs Enforcement", "federal agents") and from
the names and titles the text uses ("Defense Secretary Pete Hegseth", later
"Hegseth"). Mentions of one actor are merged within the article: aliases, a full name
and its later surname, a surname alone where a title or a quotation makes it a person
("Commissioner Ruiz", "Ruiz said"), and, only where one person fits (see
:class:`_Linker`), a title with "the" ("the governor") or a "he"/"she" (that introduces
speech, or opens a sentence after one that names one person). The same actor keeps the
same id across articles (a surname alone is joined to the full name another article
uses in :func:`framing.comparison.merge_actors`). For each actor, with evidence spans:

* what it does and what is done to it: the verb after a mention (it acts, also in the
  progressive: "troops are retreating"), the verb of a passive whose "by" names it
  ("immigrants were rounded up by ICE": ICE acts); the verb before a mention or a
  passive after it (it is acted on, with its particle: "were rounded up");
* evaluative words: loaded words used as its label ("rioters"), in front of it
  ("violent protesters"), or as the verb it does or suffers ("brutalizing");
* tone: VADER compound of the sentences that mention it, by voice, and by speaker in
  quotes;
* how much it speaks (from the attribution): the words of every speaker whose name,
  lowercased and without a leading "the", is the actor's name or one of its aliases
  ("White House" speaks for the actor with the alias "the white house");
* a stance score in [-1, 1] by two methods, side by side: the lexicon-and-rules method
  below, and the shipped target-sentiment classifier (:mod:`framing.models`), which
  reads each sentence piece once and at most :data:`MODEL_SENTENCES` per actor and voice
  (the first ones in the text), to keep long articles fast.

Lexicon-and-rules stance of one mention: half the tone of its sentence piece, minus
0.15 per weight point of a loaded label or adjective on it or a loaded verb it does,
plus 0.1 per weight point of a violent verb done to it (a victim is portrayed with
sympathy); the actor's score is the mean over its mentions, clipped to [-1, 1].
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..lexicon import Lexicon
from ..results import Finding
from ..text.document import Document
from ..text.names import word_core
from ..text.phrases import PhraseFinder
from ..vader import default_vader
from .base import AnalyzerOutput, voice_group

__all__ = ["ActorsAnalyzer", "actor_id_for_name"]

#: The classifier reads at most this many sentence pieces per actor and voice group.
MODEL_SENTENCES = 4

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
_COMMON_VERBS = frozenset(
    """says tells targets attacks arrests detains deports orders sends deploys leads
    blames accuses warns threatens demands urges wants plans faces fights supports opposes
    backs rejects defends protects helps hurts kills injures harms violates denies claims
    vows pledges promises admits insists calls argues asks takes gives makes keeps holds
    runs wins loses leaves""".split()
)
#: First words that make a name-like span a place or another thing, not a person ("Los
#: Angeles", "Northern Virginia", "Getty Images", "Second Half").
_PLACE_STARTS = frozenset(
    """los las san santa new fort lake mount north south east west united saint st port
    el la northern southern eastern western other getty second""".split()
)
_VIOLENT = ("violence", "derogatory_action", "dehumanizing")
#: Particles of phrasal verbs, kept with the verb ("rounded up", "carried out").
_PARTICLES = frozenset("up down out off away back over".split())
#: Capitalised words that make a name-like span a date, not an actor ("On Wednesday").
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_MONTHS = frozenset(
    "january february march april may june july august september october november december".split()
)
#: Words before a month that make it a date ("Early May", "Last March"), not a surname
#: ("Theresa May").
_DATE_LEADS = frozenset("last next early late mid this since".split())
#: First and last words that make a capitalised run a sentence, not a name ("Did
#: Dodd-Frank", "Get Email Updates", "Pacific Trade Deal Is", "We Respectables").
_SENTENCE_EDGES = frozenset(
    "did does do get make is are was were has have had we you they it like whatever".split()
)
#: Words that lead a span that is not a name ("On Wednesday", "After Hegseth").
_LEADING_PREPOSITIONS = frozenset(
    "on in at by for from to with after before since until during of into across".split()
)
#: Nouns after a name-like span that make it a place ("the Latino Paramount district").
_PLACE_NOUNS = frozenset(
    """district neighborhood neighbourhood county city area street avenue boulevard park
    valley region township suburb community""".split()
)


def _speaker_key(name: str) -> str:
    """A speaker's name or an alias, compared lowercased and without a leading "the"."""
    key = " ".join(name.lower().split())
    return key[4:] if key.startswith("the ") else key


def actor_id_for_name(name: str) -> str:
    """A stable id for an actor the lexicon does not know, from its name."""
    return "name:" + re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")


def _verb_like(word: str, known: frozenset[str] = frozenset()) -> bool:
    """A lowercase word that reads as a verb: a past or -ing form, an irregular past, or
    a form of a verb the lexicons know ("targets", "slams")."""
    if not word.replace("-", "").isalpha() or not word.islower() or word in _NOT_VERBS or word in _AUX:
        return False
    return word.endswith(("ed", "ing")) or word in _IRREGULAR or word in known


def _word(doc: Document, unit: Any) -> str:
    return doc.text[unit.start : unit.end]


@dataclass
class _Reading:
    """What one mention of an actor says about it."""

    signal: float
    tone: float
    span: tuple[int, int]
    reasons: list[str]
    evaluations: list[dict[str, Any]]
    does: list[dict[str, Any]]
    done_to: list[dict[str, Any]]


class _Reader:
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

    def mention(self, s: int, e: int) -> _Reading:
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
        return _Reading(max(-1.0, min(1.0, signal)), tone, span, reasons, evaluations, does, done_to)


@dataclass
class _Actor:
    id: str
    name: str
    kind: str
    mentions: list[tuple[int, int, str, str]] = field(default_factory=list)  # start, end, text, voice
    signals: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    model: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    tone: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    quoted_by: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    does: list[dict[str, Any]] = field(default_factory=list)
    done_to: list[dict[str, Any]] = field(default_factory=list)
    evaluations: list[dict[str, Any]] = field(default_factory=list)
    aliases: Counter[str] = field(default_factory=Counter)
    lexicon: dict[tuple[int, int], tuple[str, str]] = field(default_factory=dict)  # mention -> (id, version)
    linked: dict[tuple[int, int], str] = field(default_factory=dict)  # mention -> how: title or pronoun


class _Spans:
    """Mention spans already taken (none overlapping another), for telling whether a new
    span overlaps one."""

    def __init__(self, spans: Sequence[tuple[int, int]]):
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]

    def free(self, s: int, e: int) -> bool:
        # taken spans never overlap one another, so their ends are in order too
        i = bisect.bisect_left(self.starts, e) - 1
        return not (i >= 0 and self.spans[i][1] > s)

    def add(self, s: int, e: int) -> None:
        i = bisect.bisect_left(self.spans, (s, e))
        self.spans.insert(i, (s, e))
        self.starts.insert(i, s)


#: How a mention that does not name its actor was linked to it, for explanations.
_LINKED = {
    "title": "the person this title means here",
    "pronoun": "the person this 'he' or 'she' means here",
}
#: Verbs that a person, not a poll or a study, uses to speak ("Ruiz said", not
#: "Polling shows"): a surname alone is a person only with one of these.
_PERSON_SPEECH = frozenset(
    """say tell add ask write tweet post explain argue claim insist warn recall reply
    respond answer testify comment remark continue note state declare admit acknowledge
    concede deny complain boast vow promise urge""".split()
)


def _link(doc: Document, actors: dict[str, _Actor], speaker_keys: Mapping[str, frozenset[str]]) -> None:
    """Mentions that do not name an actor, linked by the document's resolver of people
    (:attr:`Document.people`): a title with "the" ("the governor") and a "he" or "she"
    that opens its clause, each where the resolver found the one person it means."""
    people = doc.people
    if people is None:
        return
    taken = _Spans([(s, e) for a in actors.values() for s, e, _, _ in a.mentions])
    by_name: dict[str, str] = {}
    for a in actors.values():
        for key in (a.name, *a.aliases):
            by_name.setdefault(_speaker_key(key), a.id)
    for aid, keys in speaker_keys.items():
        if aid in actors:
            for key in keys:
                by_name.setdefault(key, aid)
    for m in people.mentions:
        if m.kind not in ("pronoun", "title") or len(m.entities) != 1:
            continue
        text = doc.text[m.start : m.end]
        if m.kind == "pronoun" and (text.lower() not in ("he", "she") or not m.subject):
            continue
        linked = by_name.get(_speaker_key(people.entity(m.entities[0]).name))
        if linked is None or actors[linked].kind != "person" or not taken.free(m.start, m.end):
            continue
        actor = actors[linked]
        taken.add(m.start, m.end)
        actor.mentions.append((m.start, m.end, text, doc.run_at(m.start).voice))
        actor.linked[(m.start, m.end)] = m.kind
        if m.kind == "title":
            actor.aliases[text.lower()] += 1


class ActorsAnalyzer:
    name = "actors"
    description = "Actors (people, institutions, groups), how each is portrayed, and stance by voice."

    def __init__(
        self,
        actor_lexicons: Sequence[Lexicon],
        loaded_lexicons: Sequence[Lexicon],
        roles: Any = None,
        model: Callable[[list[tuple[str, int, int]]], list[float]] | None = None,
        model_id: str | None = None,
    ):
        self.lexicons = tuple(actor_lexicons)
        self._aliases = PhraseFinder(self.lexicons)
        self._loaded = PhraseFinder(tuple(loaded_lexicons))
        self._roles = roles
        self._model = model
        self._model_id = model_id
        from ..lexicon.inflect import verb_forms

        verbs = {
            form
            for lex in loaded_lexicons
            for e in lex.entries
            if e.pos == "verb"
            for form in verb_forms(e.term.split()[0])
        }
        self._verbs = frozenset(verbs | _COMMON_VERBS)
        keys: dict[str, set[str]] = defaultdict(set)
        for lex in self.lexicons:
            for alias in lex.entries:
                keys[alias.actor] |= {_speaker_key(alias.term), _speaker_key(alias.name)}
        self._speaker_keys = {k: frozenset(v) for k, v in keys.items()}

    def provenance(self) -> Mapping[str, Any]:
        return {"lexicons": [lex.provenance() for lex in self.lexicons], "model": self._model_id}

    # ------------------------------------------------------------------ mentions

    def _mentions(self, doc: Document) -> dict[str, _Actor]:
        units = doc.units
        actors: dict[str, _Actor] = {}
        taken: list[tuple[int, int]] = []
        for m in self._aliases.find(doc.keys):
            s, e = units[m.first].start, units[m.end - 1].end
            entry = m.entry
            actor = actors.setdefault(entry.actor, _Actor(entry.actor, entry.name, entry.kind))
            actor.mentions.append((s, e, doc.text[s:e], doc.run_at(s).voice))
            actor.aliases[entry.term] += 1
            actor.lexicon[(s, e)] = (m.lexicon.id, m.lexicon.version)  # type: ignore[attr-defined]
            taken.append((s, e))
        if self._roles is None:
            return actors
        self._named(doc, actors, _Spans(taken))
        _link(doc, actors, self._speaker_keys)
        return actors

    @staticmethod
    def _may_name(doc: Document, c: Any) -> bool:
        """Whether a capitalised phrase may name a person or a body: not a date ('On
        Wednesday'), a place ('in Los Angeles', 'the Latino Paramount district') or, for
        a person, a business, law or event ('Home Depot', 'Voting Rights Act')."""
        before = doc.text[max(0, c.start - 6) : c.start].lower().split()
        after = doc.text[c.end : c.end + 20].lower().split()
        words = [w.lower().rstrip(".,") for w in c.words]
        if words and (
            words[0] in _LEADING_PREPOSITIONS
            or any(w in _WEEKDAYS for w in words[:2])
            or (words[0] in _MONTHS and len(words) == 1)
            or (len(words) >= 2 and words[1] in _MONTHS and words[0] in _DATE_LEADS)
            or words[0] in _SENTENCE_EDGES
            or (len(words) >= 2 and words[-1] in _SENTENCE_EDGES)
            or (after and after[0].strip(".,;:") in _PLACE_NOUNS)
        ):
            return False
        last = word_core(c.words[-1])
        return not (
            c.is_person
            and (
                c.name[0].lower() in _PLACE_STARTS
                or (before and before[-1] in _PLACE_PREPOSITIONS)
                or last in _BUSINESSES
                or last.rpartition("-")[2] in _HYPHEN_SUFFIXES
            )
        )

    def _known_people(self, doc: Document, found: Sequence[Any]) -> set[str]:
        """Names (lowercase, full and last word) that the article itself shows to be
        people: speakers, people with a title ("Sen. Ana Ruiz"), people given a role in
        an appositive."""
        names = {
            a.speaker.name
            for a in doc.attributions
            if a.speaker is not None and a.speaker.kind == "person" and a.resolution != "pronoun"
        }
        names |= {c.person for c in found if c.is_person and c.role and self._roles.is_title(c.role[-1])}
        known = {n.lower() for n in names}
        return known | {n.split()[-1] for n in known if " " in n}

    def _named(self, doc: Document, actors: dict[str, _Actor], taken: _Spans) -> None:
        """People and bodies the lexicon does not know, from capitalised names.

        A person named in full ("Ana Ruiz") is one actor with its later surname ("Ruiz");
        a surname alone is an actor only when a title comes with it ("Commissioner
        Ruiz") or the text quotes it as a speaker ("Ruiz said"), since a lone capitalised
        word is as often a place or a thing."""
        found_chunks = [
            c for c in doc.names if doc.run_at(c.start).voice != "furniture" and self._may_name(doc, c)
        ]
        by_key: dict[str, str] = {}
        for c in found_chunks:
            if c.is_person and len(c.name) >= 2:
                by_key.setdefault(c.person.split()[-1].lower(), c.person)
        speakers = {
            a.speaker.name.lower()
            for a in doc.attributions
            if a.speaker is not None
            and a.speaker.kind == "person"
            and a.resolution in ("named", "relative")
            and (mention := a.antecedent or a.speaker_span) is not None
            and (a.cue is None or a.cue.term in _PERSON_SPEECH)
            and not doc.text[max(0, mention[0] - 4) : mention[0]].lower().endswith("the ")
        }  # 'Ruiz said', 'Ruiz, who said', not 'the Chinese believe' or 'Polling shows'
        speakers.discard("i")
        known = self._known_people(doc, found_chunks)
        prose: set[str] | None = None  # read only when a doubtful name needs it
        paragraph_starts = [p.start for p in doc.paragraphs]
        for c in found_chunks:
            if not taken.free(c.start, c.end):
                continue
            if c.is_person:
                parts = c.person.split()
                if len(parts) >= 3 and parts[-1] == parts[-2]:
                    parts.pop()  # 'Marco Rubio Rubio', a caption run into the text
                full = " ".join(parts)
                if len(c.name) == 1:
                    lone = c.person
                    full = by_key.get(lone.lower(), "")
                    titled = bool(c.role) and self._roles.is_title(c.role[-1])
                    if (
                        not full
                        and (titled or lone.lower() in speakers)
                        and lone[1:].islower()
                        and not self._roles.is_role(lone)  # 'Sources said'
                    ):
                        full = lone  # 'Commissioner Ruiz', 'Ruiz said': known by surname only
                if not full:
                    continue
                if len(c.name) >= 2 and full.lower() not in known and c.name[-1].lower() not in known:
                    # with nothing else to show it is a person, a name whose last word the
                    # article also uses as an ordinary word ('Voting Rights Act', 'Trade
                    # War'), or that is a whole paragraph (a subheading), is not one
                    i = bisect.bisect_right(paragraph_starts, c.start) - 1
                    block = doc.paragraphs[i] if i >= 0 else None
                    heading = (
                        block is not None
                        and doc.text[block.start : block.end].strip(" .:;!?\n") == doc.text[c.start : c.end]
                    )
                    if heading:
                        continue
                    if prose is None:
                        prose = _prose_words(doc)
                    if word_core(c.name[-1]) in prose:
                        continue
                aid, name, kind = actor_id_for_name(full), full, "person"
            elif len(c.words) >= 2 and c.words[-1].lower() in _BODIES:
                name = c.text
                aid, kind = actor_id_for_name(name), "institution"
            else:
                continue
            actor = actors.setdefault(aid, _Actor(aid, name, kind))
            actor.mentions.append((c.start, c.end, doc.text[c.start : c.end], doc.run_at(c.start).voice))
            actor.aliases[doc.text[c.start : c.end]] += 1

    # ------------------------------------------------------------------ portrayal

    def reader(self, doc: Document) -> _Reader:
        """What this analyser reads around mentions in ``doc`` (loaded words, tone, verbs)."""
        return _Reader(doc, self._loaded, self._verbs)

    def analyze(self, doc: Document) -> AnalyzerOutput:
        actors = {k: a for k, a in self._mentions(doc).items()}
        if not actors:
            return AnalyzerOutput((), {"actors": []})
        read = self.reader(doc)
        requests: list[tuple[_Actor, str, tuple[str, int, int]]] = []
        asked: set[tuple[str, str, tuple[int, int]]] = set()
        asked_per: Counter[tuple[str, str]] = Counter()
        mentions: list[tuple[_Actor, int, int, str, str, str | None, float, list[str]]] = []
        for actor in actors.values():
            actor.mentions.sort()
            for s, e, text, voice in actor.mentions:
                if voice == "furniture":
                    continue
                group = voice_group(voice)
                r = read.mention(s, e)
                signal, tone, span, reasons = r.signal, r.tone, r.span, r.reasons
                actor.evaluations += r.evaluations
                actor.does += r.does
                actor.done_to += r.done_to
                actor.signals[group].append(signal)
                actor.tone[group].append(tone)
                speaker = doc.speaker_of(doc.run_at(s)) if group != "own" else None
                if speaker is not None:
                    actor.quoted_by[speaker.name].append(signal)
                if (
                    self._model is not None
                    and (actor.id, group, span) not in asked
                    and asked_per[(actor.id, group)] < MODEL_SENTENCES
                ):
                    # the classifier reads each sentence piece once, and at most a few per actor and voice
                    asked.add((actor.id, group, span))
                    asked_per[(actor.id, group)] += 1
                    a, b = min(span[0], s), max(span[1], e)  # the piece, widened to hold the mention
                    requests.append((actor, group, (doc.text[a:b], s - a, e - a)))
                mentions.append(
                    (actor, s, e, text, voice, speaker.name if speaker else None, signal, reasons)
                )
        if self._model is not None and requests:
            scores = self._model([r[2] for r in requests])
            for (actor, group, _), score in zip(requests, scores, strict=True):
                actor.model[group].append(score)
        table = self._table(actors, doc.speaker_words, self._speaker_keys)
        summary = {row["id"]: _summary(row) for row in table}
        findings = []
        for actor, s, e, text, voice, speaker_name, signal, reasons in mentions:
            start, end = doc.to_original(s, e)
            source = actor.lexicon.get((s, e))
            here = "; ".join(reasons).capitalize() + ". " if reasons else ""
            how = actor.linked.get((s, e))
            if how is not None:
                here = f"'{text}' is read as {actor.name}: {_LINKED[how]}. {here}"
            findings.append(
                Finding(
                    start=start,
                    end=end,
                    text=doc.article.text[start:end],
                    analyzer=self.name,
                    category=actor.id,
                    category_label=actor.name,
                    voice=voice,
                    explanation=f"{here}{summary.get(actor.id, '')}",
                    speaker=speaker_name,
                    term=text,
                    detail=f"{signal:+.2f}",
                    lexicon_id=source[0] if source else None,
                    lexicon_version=source[1] if source else None,
                )
            )
        findings.sort(key=lambda f: (f.start, f.end))
        return AnalyzerOutput(tuple(findings), {"actors": table})

    @staticmethod
    def _table(
        actors: Mapping[str, _Actor],
        speaks: Mapping[str, int],
        known: Mapping[str, frozenset[str]] | None = None,
    ) -> list[dict[str, Any]]:
        def mean(values: Sequence[float]) -> float | None:
            return sum(values) / len(values) if values else None

        rows: list[dict[str, Any]] = []
        speaker_keys = [(_speaker_key(name), n) for name, n in speaks.items()]
        for a in actors.values():
            mentions = [m for m in a.mentions if m[3] != "furniture"]
            if not mentions:
                continue
            own_keys = {_speaker_key(x) for x in (a.name, *a.aliases)} | (known or {}).get(a.id, frozenset())
            counts = Counter(voice_group(m[3]) for m in mentions)
            all_signals = [x for v in a.signals.values() for x in v]
            all_model = [x for v in a.model.values() for x in v]
            rows.append(
                {
                    "id": a.id,
                    "name": a.name,
                    "kind": a.kind,
                    "mentions": {g: counts.get(g, 0) for g in ("own", "quoted", "reported")},
                    "aliases": dict(a.aliases.most_common()),
                    "linked": {how: sum(1 for h in a.linked.values() if h == how) for how in _LINKED},
                    "speaks_words": sum(n for key, n in speaker_keys if key in own_keys),
                    "stance": {
                        "lexicon": {g: mean(a.signals.get(g, [])) for g in ("own", "quoted", "reported")}
                        | {"all": mean(all_signals)},
                        "model": {g: mean(a.model.get(g, [])) for g in ("own", "quoted", "reported")}
                        | {"all": mean(all_model)},
                    },
                    "tone": {g: mean(a.tone.get(g, [])) for g in ("own", "quoted", "reported")},
                    "quoted_by": {k: mean(v) for k, v in sorted(a.quoted_by.items())},
                    "does": a.does,
                    "done_to": a.done_to,
                    "evaluations": a.evaluations,
                }
            )
        rows.sort(key=lambda r: (-sum(r["mentions"].values()), str(r["name"])))
        return rows


def _prose_words(doc: Document) -> set[str]:
    """Words the article writes in lowercase in running text (not in web or email
    addresses): a name that ends in one of them is often a thing, not a person."""
    text = doc.text
    return {
        tok.text
        for tok in doc.tokens
        if tok.text[0].islower()
        and (tok.start == 0 or text[tok.start - 1] not in "@./")
        and text[tok.end : tok.end + 1] not in ("@", "/")
    }


def _summary(row: Mapping[str, Any]) -> str:
    """One line on how an actor is portrayed in the article, for a tooltip."""

    def fmt(value: float | None) -> str:
        return "n/a" if value is None else f"{value:+.2f}"

    m = row["mentions"]
    lex = row["stance"]["lexicon"]
    parts = [
        f"{row['name']}: {sum(m.values())} mentions ({m['own']} in the outlet's words, {m['quoted']} in quotes)"
    ]
    parts.append(f"stance in the outlet's words {fmt(lex['own'])}, in quotes {fmt(lex['quoted'])}")
    does = sorted({d["text"] for d in row["does"]})[:4]
    done = sorted({d["text"] for d in row["done_to"]})[:4]
    if does:
        parts.append("does: " + ", ".join(does))
    if done:
        parts.append("done to it: " + ", ".join(done))
    return "; ".join(parts) + "."


#: Last words that make a name-like span a business, a building, a place, a law, an
#: event, a publication or a group, not a person ("Home Depot", "Voting Rights Act",
#: "Howard Stern Show", "Tiananmen Square", "Native Americans"). Words that are often
#: surnames too (Park, Bay, Lake, Rivers, Church) are left out.
_BUSINESSES = frozenset(
    """depot store stores mart market supermarket mall plaza shop restaurant cafe bank
    airlines airways hotel motel station stadium arena hall tower building inc corp llc
    ltd co act acts project show survey day data bible street management college rights
    choice program programme plan bill amendment treaty report study index fund war deal
    movement initiative system crisis summit conference awards prize festival games league
    cup series era century revolution strategy doctrine agreement accord convention
    protocol resolution forum lab laboratory society magazine journal tribune herald
    gazette daily weekly media books records studios entertainment sports energy resources
    capital partners ventures holdings solutions systems technologies motors
    pharmaceuticals labs services studies foundations roundtable headquarters academy
    colleges schools cathedral temple mosque synagogue proclamation declaration
    constitution manifesto goals returns recording pundit force forces square springs
    island islands expressway highway freeway avenue boulevard valley county canyon
    harbor airport hills strip heights asia africa europe arabia korea carolina carolinas
    dakota aviv kong lanka rica americans american democrats republicans muslims
    christians evangelicals catholics latinos hispanics immigrants diplomats sentinel
    beacon courier observer examiner chronicle inquirer economics band chorus motor
    alliance trust universe tour squad politics committees corporation corporations
    assembly circuit polling businessweek garden live archive sea river ocean gulf belt
    peninsula canal desert mountains jihad calif america angeles sciences wedding plc
    machine database panel enterprise specialties tvs shores dome residential beach
    nightclub poll polls institution baptist baptists rico ricans picture pictures""".split()
)
#: What follows a hyphen in a describing word, not a name ("Common Core-aligned",
#: "First-time"); names keep theirs ("Dix-Parsons", "Moon Jae-in").
_HYPHEN_SUFFIXES = frozenset(
    "aligned time based led owned backed funded run born style like related era year old winning".split()
)
_PLACE_PREPOSITIONS = frozenset("in to from at near into across outside inside".split())
_BODIES = frozenset(
    """department agency office ministry court council committee police guard corps army
    navy party union university coalition association commission board bureau service
    administration government house center centre institute foundation company""".split()
)
