"""Mentions: where the article names each actor, merged into one actor per referent.

Actors are found from the ``actors`` lexicon (people, institutions and groups with
their aliases: "ICE", "Immigration and Customs Enforcement", "federal agents") and from
the names and titles the text uses ("Defense Secretary Pete Hegseth", later
"Hegseth"). Mentions of one actor are merged within the article: aliases, a full name
and its later surname, a surname alone where a title or a quotation makes it a person
("Commissioner Ruiz", "Ruiz said"), and, where the document's resolver of people
(:attr:`framing.text.document.Document.people`) finds the one person it means, a title
with "the" ("the governor") or a "he"/"she" that opens its clause. The same actor keeps the
same id across articles (a surname alone is joined to the full name another article
uses in :func:`framing.comparison.merge_actors`).

The rest of the analyser reads mentions only through :class:`MentionFinder`: one call,
``find(doc)``, gives every actor of a document with its mentions, so that another way of
resolving who is who can take this one's place without touching the reading of roles.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from ...lexicon import Lexicon
from ...text.document import Document
from ...text.names import RoleBook, speaker_key, word_core
from ...text.phrases import PhraseFinder
from ...text.tokens import Tokens

__all__ = [
    "LINKED",
    "Actor",
    "Described",
    "LexiconAndNames",
    "MentionFinder",
    "actor_id_for_name",
]

#: First words that make a name-like span a place or another thing, not a person ("Los
#: Angeles", "Northern Virginia", "Getty Images", "Second Half").
_PLACE_STARTS = frozenset(
    """los las san santa new fort lake mount north south east west united saint st port
    el la northern southern eastern western other getty second""".split()
)
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


def actor_id_for_name(name: str) -> str:
    """A stable id for an actor the lexicon does not know, from its name."""
    return "name:" + re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")


@dataclass
class Actor:
    """One actor of one article and where the article mentions it."""

    id: str
    name: str
    kind: str
    mentions: list[tuple[int, int, str, str]] = field(default_factory=list)  # start, end, text, voice
    aliases: Counter[str] = field(default_factory=Counter)
    lexicon: dict[tuple[int, int], tuple[str, str]] = field(default_factory=dict)  # mention -> (id, version)
    linked: dict[tuple[int, int], str] = field(default_factory=dict)  # mention -> how: title or pronoun


class MentionFinder(Protocol):
    """What the analyser needs to know of who is who in a document."""

    def find(self, doc: Document) -> dict[str, Actor]:
        """Every actor of ``doc`` by id, each with its mentions (normalised offsets)."""
        ...

    def speaker_keys(self) -> Mapping[str, frozenset[str]]:
        """For actors with fixed ids, the speaker names (see :func:`speaker_key`) that
        are the actor speaking ("White House" for the administration)."""
        ...


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
LINKED = {
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


def _link(doc: Document, actors: dict[str, Actor], speaker_keys: Mapping[str, frozenset[str]]) -> None:
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
            by_name.setdefault(speaker_key(key), a.id)
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
        linked = by_name.get(speaker_key(people.entity(m.entities[0]).name))
        if linked is None or actors[linked].kind != "person" or not taken.free(m.start, m.end):
            continue
        actor = actors[linked]
        taken.add(m.start, m.end)
        actor.mentions.append((m.start, m.end, text, doc.run_at(m.start).voice))
        actor.linked[(m.start, m.end)] = m.kind
        if m.kind == "title":
            actor.aliases[text.lower()] += 1


class LexiconAndNames:
    """Mentions from the actors lexicon's aliases, from capitalised names and titles,
    and, where one person fits, from "the governor" and "he" or "she"."""

    def __init__(self, actor_lexicons: Sequence[Lexicon], roles: RoleBook | None = None):
        self.lexicons = tuple(actor_lexicons)
        self._aliases = PhraseFinder(self.lexicons)
        self._roles = roles
        keys: dict[str, set[str]] = defaultdict(set)
        for lex in self.lexicons:
            for alias in lex.entries:
                keys[alias.actor] |= {speaker_key(alias.term), speaker_key(alias.name)}
        self._speaker_keys = {k: frozenset(v) for k, v in keys.items()}

    def speaker_keys(self) -> Mapping[str, frozenset[str]]:
        return self._speaker_keys

    def find(self, doc: Document) -> dict[str, Actor]:
        units = doc.units
        actors: dict[str, Actor] = {}
        taken: list[tuple[int, int]] = []
        for m in self._aliases.find(doc.keys):
            s, e = units[m.first].start, units[m.end - 1].end
            entry = m.entry
            actor = actors.setdefault(entry.actor, Actor(entry.actor, entry.name, entry.kind))
            actor.mentions.append((s, e, doc.text[s:e], doc.run_at(s).voice))
            actor.aliases[entry.term] += 1
            actor.lexicon[(s, e)] = (m.lexicon.id, m.lexicon.version)  # type: ignore[attr-defined]
            taken.append((s, e))
        if self._roles is None:
            return actors
        self._named(doc, actors, _Spans(taken), self._roles)
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

    @staticmethod
    def _known_people(doc: Document, found: Sequence[Any], roles: RoleBook) -> set[str]:
        """Names (lowercase, full and last word) that the article itself shows to be
        people: speakers, people with a title ("Sen. Ana Ruiz"), people given a role in
        an appositive."""
        names = {
            a.speaker.name
            for a in doc.attributions
            if a.speaker is not None and a.speaker.kind == "person" and a.resolution != "pronoun"
        }
        names |= {c.person for c in found if c.is_person and c.role and roles.is_title(c.role[-1])}
        known = {n.lower() for n in names}
        return known | {n.split()[-1] for n in known if " " in n}

    def _named(self, doc: Document, actors: dict[str, Actor], taken: _Spans, roles: RoleBook) -> None:
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
        known = self._known_people(doc, found_chunks, roles)
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
                    titled = bool(c.role) and roles.is_title(c.role[-1])
                    if (
                        not full
                        and (titled or lone.lower() in speakers)
                        and lone[1:].islower()
                        and not roles.is_role(lone)  # 'Sources said'
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
            actor = actors.setdefault(aid, Actor(aid, name, kind))
            actor.mentions.append((c.start, c.end, doc.text[c.start : c.end], doc.run_at(c.start).voice))
            actor.aliases[doc.text[c.start : c.end]] += 1


def _prose_words(doc: Document) -> set[str]:
    """Words the article writes in lowercase in running text (not in web or email
    addresses): a name that ends in one of them is often a thing, not a person."""
    text = doc.text
    tokens = doc.tokens
    columns: Iterable[tuple[int, int, str]]
    if isinstance(tokens, Tokens):  # read as its columns: no token object is made
        columns = zip(tokens.starts, tokens.ends, tokens.texts, strict=True)
    else:
        columns = ((t.start, t.end, t.text) for t in tokens)
    return {
        word
        for start, end, word in columns
        if word[0].islower()
        and (start == 0 or text[start - 1] not in "@./")
        and text[end : end + 1] not in ("@", "/")
    }


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


#: Words before a noun that make it a description of someone in the story ("the
#: gunman", "two attackers", "their victims"), not a word in passing.
_DESCRIBING = frozenset(
    """the a an this that these those his her its their two three four five six seven eight
    nine ten dozens hundreds thousands several many some both""".split()
)


class Described:
    """Actors the article names only by their part in the story: "the gunman", "the two
    attackers", "the victims" (the label nouns of the ``portrayal`` lexicon, after a
    determiner or a number). One actor per label ("the gunman" and "the gunmen" are one),
    with the id ``role:<label>``; a label before a name ("gunman Aaron Alexis") is the
    name's title, and a label inside another actor's mention is that actor's."""

    def __init__(self, portrayal_lexicons: Sequence[Lexicon]):
        labels = [
            _Entries(lex, [e for e in lex.entries if e.category.endswith("_label") and e.pos == "noun"])
            for lex in portrayal_lexicons
        ]
        self._finder = PhraseFinder(labels)

    def add(self, doc: Document, actors: dict[str, Actor]) -> None:
        """Add the described actors of ``doc`` to ``actors`` (where no mention is)."""
        units, text = doc.units, doc.text
        taken = _Spans([(s, e) for a in actors.values() for s, e, _, _ in a.mentions])
        for m in self._finder.find(doc.keys):
            if m.first == 0 or (
                units[m.first - 1].key not in _DESCRIBING and not units[m.first - 1].key.isdigit()
            ):
                continue
            s, e = units[m.first - 1].start, units[m.end - 1].end
            after = units[m.end].start if m.end < len(units) else len(text)
            if text[after : after + 1].isupper() or not text[units[m.first].start].islower():
                continue
            voice = doc.run_at(s).voice
            if voice == "furniture" or not taken.free(s, e):
                continue
            taken.add(s, e)
            term = m.entry.term
            plural = units[m.end - 1].key != term.split()[-1]
            aid = "role:" + re.sub(r"[^a-z0-9]+", "_", term)
            words = " ".join(text[units[m.first].start : e].lower().split())
            actor = actors.setdefault(aid, Actor(aid, f"the {words}", "group" if plural else "person"))
            actor.mentions.append((s, e, text[s:e], voice))
            actor.aliases[text[s:e].lower()] += 1
            actor.lexicon[(s, e)] = (m.lexicon.id, m.lexicon.version)  # type: ignore[attr-defined]


@dataclass(frozen=True)
class _Entries:
    """Some entries of a lexicon, with its id and version, for a phrase finder."""

    lexicon: Lexicon
    entries: Sequence[Any]

    @property
    def id(self) -> str:
        return self.lexicon.id

    @property
    def version(self) -> str:
        return self.lexicon.version
