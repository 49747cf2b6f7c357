"""Actors: who the article talks about, and how it casts each.

The analyser is built of rooms, one job each, in the order they run:

* :mod:`.mentions`: where the article names each actor, merged into one actor per
  referent (behind :class:`~.mentions.MentionFinder`), and the actors it names only by
  their part in the story ("the gunman", "the victims");
* :mod:`.reading`: what the words around each mention say about its actor: who does
  what to whom (the clues to its role), and what it does, what is done to it, the
  loaded words on it and the tone of its sentence;
* :mod:`.roles`: the clues read into a role (villain, victim, hero or neutral) in the
  outlet's own voice and for each speaker it quotes, by rules and, where they see none,
  the shipped portrayal model (:mod:`framing.models.portrayal`), each role with its
  evidence;
* :mod:`.table`: one row per actor, as reports show it.

For each actor the analyser also reports how much it speaks (from the attribution: the
words of every speaker whose name, lowercased and without a leading "the", is the
actor's name or one of its aliases) and, apart and secondary, the tone of the sentences
around it, by two methods: the lexicon-and-rules score of :mod:`.reading`, and the
shipped target-sentiment classifier (:mod:`framing.models.target_sentiment`), which
reads each sentence piece once and at most :data:`MODEL_SENTENCES` per actor and voice
(the first ones in the text), to keep long articles fast. Tone is not portrayal: a
person who suffers harm is mentioned among sad words, and is cast as a victim.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from ...lexicon import Lexicon
from ...lexicon.inflect import verb_forms
from ...metrics.actors import ActorsMetrics, Evidence, Portrayal
from ...results import Finding
from ...text.document import Document
from ...text.names import RoleBook
from ...text.phrases import PhraseFinder
from ..base import AnalyzerOutput, voice_group
from .mentions import LINKED, Actor, Described, LexiconAndNames, MentionFinder, actor_id_for_name
from .reading import COMMON_VERBS, CastReader, Clue, Reader
from .roles import RoleModel, Tellings, cast_actor, reason
from .table import Portrait, actor_rows, speaks_words, summary, words_by_speaker_key

__all__ = ["ActorsAnalyzer", "actor_id_for_name"]

#: The classifier reads at most this many sentence pieces per actor and voice group.
MODEL_SENTENCES = 4
#: One mention as findings report it: the actor's portrait, its span, words and voice,
#: the speaker where quoted, and the clues to the actor's role read around it.
_Mention = tuple[Portrait, int, int, str, str, str | None, list[Clue]]


class ActorsAnalyzer:
    name = "actors"
    description = "Actors (people, institutions, groups): villain, victim or hero by voice, with evidence."

    def __init__(
        self,
        actor_lexicons: Sequence[Lexicon],
        loaded_lexicons: Sequence[Lexicon],
        roles: RoleBook | None = None,
        model: Callable[[list[tuple[str, int, int]]], list[float]] | None = None,
        model_id: str | None = None,
        mentions: MentionFinder | None = None,
        portrayal_lexicons: Sequence[Lexicon] = (),
        role_model: RoleModel | None = None,
        role_model_id: str | None = None,
    ):
        self.lexicons = tuple(actor_lexicons)
        self.portrayal_lexicons = tuple(portrayal_lexicons)
        self._mentions: MentionFinder = mentions or LexiconAndNames(self.lexicons, roles)
        self._loaded = PhraseFinder(tuple(loaded_lexicons))
        self._cast = PhraseFinder(self.portrayal_lexicons) if self.portrayal_lexicons else None
        self._described = Described(self.portrayal_lexicons) if self.portrayal_lexicons else None
        self._roles = roles
        self._model = model
        self._model_id = model_id
        self._role_model = role_model
        self._role_model_id = role_model_id
        verbs = {
            form
            for lex in loaded_lexicons
            for e in lex.entries
            if e.pos == "verb"
            for form in verb_forms(e.term.split()[0])
        }
        self._verbs = frozenset(verbs | COMMON_VERBS)
        cast_verbs = {
            form
            for lex in self.portrayal_lexicons
            for e in lex.entries
            if e.pos == "verb"
            for form in verb_forms(e.term.split()[0]) | set(e.forms)
        }
        self._cast_verbs = frozenset(self._verbs | cast_verbs)
        #: Each kind of actor in words, as the first actors lexicon that declares it says.
        self._kind_labels: dict[str, str] = {}
        for lex in self.lexicons:
            for kind, category in lex.categories.items():
                self._kind_labels.setdefault(kind, category.label)

    def provenance(self) -> Mapping[str, Any]:
        lexicons = [lex.provenance() for lex in (*self.lexicons, *self.portrayal_lexicons)]
        return {"lexicons": lexicons, "model": self._model_id, "role_model": self._role_model_id}

    def reader(self, doc: Document) -> Reader:
        """What this analyser reads around mentions in ``doc`` (loaded words, tone, verbs)."""
        return Reader(doc, self._loaded, self._verbs)

    def analyze(self, doc: Document) -> AnalyzerOutput:
        portraits, mentions = self._read(doc)
        if not portraits:
            return AnalyzerOutput((), ActorsMetrics())

        def evidence(clue: Clue, actor: Actor) -> Evidence:
            start, end = doc.to_original(clue.start, clue.end)
            text = doc.article.text[start:end]
            return Evidence(
                start,
                end,
                text,
                clue.voice,
                clue.speaker,
                clue.role,
                clue.how,
                clue.category,
                clue.weight,
                clue.negated,
                reason(actor.name, clue, " ".join(text.split()), actor.kind),
            )

        portrayals = {
            p.actor.id: cast_actor(tellings, evidence, self._role_model)
            for p, tellings in zip(portraits.values(), self._tellings(doc, portraits), strict=True)
        }
        table = actor_rows(
            list(portraits.values()), portrayals, doc.speaker_words, self._mentions.speaker_keys()
        )
        lines = {row.id: summary(row) for row in table}
        findings = []
        for p, s, e, text, voice, speaker_name, clues in mentions:
            actor = p.actor
            start, end = doc.to_original(s, e)
            source = actor.lexicon.get((s, e))
            here = "".join(evidence(c, actor).reason + " " for c in clues if not c.how.startswith("near_"))
            how = actor.linked.get((s, e))
            if how is not None:
                here = f"'{text}' is read as {actor.name}: {LINKED[how]}. {here}"
            findings.append(
                Finding(
                    start=start,
                    end=end,
                    text=doc.article.text[start:end],
                    analyzer=self.name,
                    category=actor.kind,
                    category_label=self._kind_labels.get(actor.kind) or actor.kind.capitalize(),
                    actor=actor.id,
                    voice=voice,
                    explanation=f"{here}{lines.get(actor.id, '')}",
                    speaker=speaker_name,
                    term=text,
                    detail=_role_here(portrayals[actor.id], voice, speaker_name),
                    lexicon_id=source[0] if source else None,
                    lexicon_version=source[1] if source else None,
                    origin="lexicon" if source else None,
                )
            )
        findings.sort(key=lambda f: (f.start, f.end))
        return AnalyzerOutput(tuple(findings), ActorsMetrics(tuple(table)))

    def _read(self, doc: Document) -> tuple[dict[str, Portrait], list[_Mention]]:
        """Every actor of ``doc`` with what its mentions say, and its mentions."""
        actors = self._mentions.find(doc)
        if self._described is not None:
            self._described.add(doc, actors)
        if not actors:
            return {}, []
        read = self.reader(doc)
        portraits = {aid: Portrait(actor) for aid, actor in actors.items()}
        names = [(s, e, a.name) for a in actors.values() for s, e, _, v in a.mentions if v != "furniture"]
        cast = CastReader(
            doc,
            self._cast,
            self._loaded,
            self._cast_verbs,
            names,
            self._roles.is_title if self._roles is not None else None,
            loaded_found=read.loaded,
        )
        requests: list[tuple[Portrait, str, str | None, tuple[str, int, int]]] = []
        asked: set[tuple[str, str, tuple[int, int]]] = set()
        asked_per: Counter[tuple[str, str]] = Counter()
        mentions: list[_Mention] = []
        for p in portraits.values():
            actor = p.actor
            actor.mentions.sort()
            for s, e, text, voice in actor.mentions:
                if voice == "furniture":
                    continue
                group = voice_group(voice)
                clues = cast.clues(s, e)
                p.clues += clues
                r = read.mention(s, e)
                signal, tone, span = r.signal, r.tone, r.span
                p.evaluations += r.evaluations
                p.does += r.does
                p.done_to += r.done_to
                p.signals[group].append(signal)
                p.tone[group].append(tone)
                speaker = doc.speaker_of(doc.run_at(s)) if group != "own" else None
                who = speaker.name if speaker else None
                if who is not None:
                    p.quoted_by[who].append(signal)
                heard = p.heard("own" if group == "own" else "quoted", who)
                heard.mentions += 1
                heard.tone.append(tone)
                heard.signals.append(signal)
                heard.labels += len(r.evaluations)
                if (
                    self._model is not None
                    and (actor.id, group, span) not in asked
                    and asked_per[(actor.id, group)] < MODEL_SENTENCES
                ):
                    # the classifier reads each sentence piece once, and at most a few per actor and voice
                    asked.add((actor.id, group, span))
                    asked_per[(actor.id, group)] += 1
                    a, b = min(span[0], s), max(span[1], e)  # the piece, widened to hold the mention
                    requests.append((p, group, who, (doc.text[a:b], s - a, e - a)))
                mentions.append((p, s, e, text, voice, who, clues))
        if self._model is not None and requests:
            scores = self._model([r[3] for r in requests])
            for (p, group, who, _), score in zip(requests, scores, strict=True):
                p.model[group].append(score)
                p.heard("own" if group == "own" else "quoted", who).classifier.append(score)
        return portraits, mentions

    def tellings(self, doc: Document) -> list[Tellings]:
        """What the roles are read from, for every actor of ``doc``: its clues by voice
        and how each voice mentions it (``tools/train_portrayal.py`` learns from these)."""
        portraits, _ = self._read(doc)
        return self._tellings(doc, portraits)

    def _tellings(self, doc: Document, portraits: Mapping[str, Portrait]) -> list[Tellings]:
        keys, speaks = self._mentions.speaker_keys(), words_by_speaker_key(doc.speaker_words)
        return [
            Tellings.of(p.actor, p.clues, p.voices, speaks_words(p.actor, speaks, keys))
            for p in portraits.values()
        ]


def _role_here(portrayal: Portrayal, voice: str, speaker: str | None) -> str:
    """The actor's role in the voice of one mention: the outlet's, or its speaker's."""
    if voice_group(voice) == "own":
        return portrayal.own.role
    found = next((c for c in portrayal.quoted if c.speaker == speaker), None)
    return found.role if found else "neutral"
