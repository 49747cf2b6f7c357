"""Names, titles and roles: who a capitalised phrase refers to, and what kind of source.

:func:`chunks` finds capitalised phrases ("Defense Secretary Pete Hegseth", "the
Coalition for Humane Immigrant Rights") and splits each into role words and a person's
name. :class:`People` remembers the people an article names, so that a later surname
("Parnell"), title ("the governor") or pronoun ("he") can be linked to the full name.
:class:`RoleBook` reads the ``source-roles`` lexicon to tell what kind of source a
speaker is (elected official, police, court, advocate, expert, ordinary person, media,
anonymous).

Offsets are into the normalised text.

Just over 500 lines: the name chunker, the People memory and the RoleBook share the word
lists at the top; splitting them would put those lists in a fourth module.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from ..function_words import DETERMINERS
from ..lexicon.kinds import SourceRole

__all__ = [
    "INSTITUTION_WORDS",
    "PRONOUNS",
    "Chunk",
    "People",
    "Person",
    "RoleBook",
    "Speaker",
    "chunks",
    "expand_title",
    "sources_are_people",
    "speaker_key",
    "word_core",
]

#: Words that qualify a title without being a name ("former", "Democratic").
_TITLE_MODIFIERS = frozenset(
    """former acting interim deputy chief senior junior assistant associate executive
    general federal state national local county city district regional international
    us u.s. uk u.k. un eu democratic democrat republican gop labour conservative liberal
    green independent top lead head new newly-appointed then outgoing incoming""".split()
)
#: Head nouns that make a capitalised phrase the name of a body, not of a person.
_INSTITUTION_WORDS = frozenset(
    """pentagon department house administration police agency office ministry court
    council committee guard corps army navy marines party union university coalition
    association commission board bureau service center centre institute foundation news
    times post press government congress senate parliament campaign company inc corp
    group network statement report enforcement customs immigration county city state
    republic kingdom nations organization organisation authority embassy command school
    hospital church club league patrol security""".split()
)
#: The same, for other modules.
INSTITUTION_WORDS = _INSTITUTION_WORDS
_CONNECTORS = frozenset("of for and the de van von da del la le bin al".split())
_NOT_NAME_START = DETERMINERS | _CONNECTORS
_PARTIES = {
    "democratic": "Democratic",
    "democrat": "Democratic",
    "republican": "Republican",
    "gop": "Republican",
    "labour": "Labour",
    "conservative": "Conservative",
    "tory": "Conservative",
    "liberal democrat": "Liberal Democrat",
    "green": "Green",
    "independent": "Independent",
}
#: Each party word as a whole word, compiled once: every speaker's role is read for it.
_PARTY_WORDS = tuple((re.compile(rf"\b{re.escape(word)}\b"), party) for word, party in _PARTIES.items())
_PARTY_CODE = re.compile(r"\b([DRI])-[A-Z][a-z.]+")
#: Abbreviated titles and the word a later mention uses ("Gov. Newsom" ... "the governor").
_TITLE_ABBREVIATIONS = {
    "gov": "governor",
    "sen": "senator",
    "rep": "representative",
    "sec": "secretary",
    "secy": "secretary",
    "lt": "lieutenant",
    "gen": "general",
    "atty": "attorney",
    "supt": "superintendent",
    "amb": "ambassador",
    "adm": "admiral",
    "col": "colonel",
    "capt": "captain",
    "sgt": "sergeant",
    "cmdr": "commander",
    "det": "detective",
    "insp": "inspector",
    "pres": "president",
}
#: An abbreviated title stays in the name that follows it: "Gov. Gavin Newsom".
_ABBREVIATED_TITLE = (
    r"(?:" + "|".join(t.title() for t in _TITLE_ABBREVIATIONS) + r"|Mr|Mrs|Ms|Dr)\.(?=\s+[A-Z])"
)
#: A capitalised word; an apostrophe before a capital is inside it ("O'Malley", "D'Souza").
_CAPWORD = r"(?:" + _ABBREVIATED_TITLE + r"|[A-Z]\.(?:[A-Z]\.)*|[A-Z][\w\-]*(?:'[A-Z][\w\-]*)?(?:'s|')?)"
#: Words of one name are separated by spaces, never by a line break: a heading and the
#: paragraph after it are not one name.
_CHUNK = re.compile(
    _CAPWORD + r"(?:[^\S\n]+(?:(?:of|for|and|the|de|van|von|da|del|la|le|bin|al)[^\S\n]+)*" + _CAPWORD + r")*"
)
_HONORIFIC_PRONOUN = {"mr": "he", "mrs": "she", "ms": "she", "miss": "she"}
_HONORIFICS = frozenset({*_HONORIFIC_PRONOUN, "dr"})
#: A possessive ends a name: "Trump's newly-appointed border czar Tom Homan".
_POSSESSIVE_BREAK = re.compile(r"(?<='s)\s+|(?<=s')\s+")


@functools.lru_cache(maxsize=65536)
def word_core(word: str) -> str:
    """Lowercase, without a possessive or final period: "Trump's" -> "trump".

    Cached: names are read word by word many times over (chunks, roles, titles)."""
    w = word.rstrip(".")
    if w.endswith("'s"):
        w = w[:-2]
    return w.rstrip("'").lower()


def _key(phrase: str) -> tuple[str, ...]:
    return tuple(word_core(w).replace(".", "") for w in phrase.split())


@dataclass(frozen=True, slots=True)
class Speaker:
    """A source as resolved within an article.

    ``kind`` is person, institution, group or pronoun; ``source_type`` comes from the
    ``source-roles`` lexicon (elected, government, military_police, courts, advocates,
    experts, ordinary, media, anonymous) or is ``unknown``; ``named`` is False when the
    text never names the source ("officials said").
    """

    name: str
    kind: str
    role: str | None = None
    source_type: str = "unknown"
    named: bool = True
    party: str | None = None


#: Words before "sources" that leave them people ("senior sources", "police sources");
#: other lowercase words make a thing of them ("water sources", "energy sources").
_SOURCE_MODIFIERS = frozenset(
    """the a an these those our his her their its my your some many several multiple
    other various both two three four five six seven eight nine ten numerous senior
    unnamed anonymous informed well-informed well-placed reliable trusted knowledgeable
    independent diplomatic military intelligence security police government
    administration industry party campaign family congressional official insider top
    high-level high-ranking unidentified confidential private internal local federal
    state western european own same different""".split()
)


def sources_are_people(before: str) -> bool:
    """Whether "sources" after the words ``before`` are people who speak: not when a
    lowercase word other than a determiner or a word for people's positions names what
    they are sources of ("The water sources say a lot")."""
    words = before.split()
    if not words:
        return True
    last = words[-1].strip("(\"'")
    return not last[:1].islower() or not last.isalpha() or last.lower() in _SOURCE_MODIFIERS


class RoleBook:
    """What the ``source-roles`` lexicons say about titles, roles and known actors."""

    def __init__(self, entries: Iterable[SourceRole] = ()):
        self._by_key: dict[tuple[str, ...], SourceRole] = {}
        for e in entries:
            self._by_key.setdefault(_key(e.term), e)
        self._title_words = (
            frozenset(w for k, e in self._by_key.items() if e.usage == "title" for w in k)
            | _TITLE_MODIFIERS
            | _TITLE_ABBREVIATIONS.keys()
            | _HONORIFIC_PRONOUN.keys()
        )
        self._longest = max((len(k) for k in self._by_key), default=1)
        # a document ("the report", "a Gallup poll") is the source only when it heads the phrase
        self._document_heads = frozenset(k[-1] for k, e in self._by_key.items() if e.type == "documents")

    def head_words(self) -> frozenset[str]:
        """The last word of every title and role ("governor", "spokesman", "officials")."""
        return frozenset(k[-1] for k, e in self._by_key.items() if e.usage in ("title", "role"))

    def is_title_word(self, word: str) -> bool:
        return word_core(word).replace(".", "") in self._title_words

    def is_role(self, word: str) -> bool:
        """Whether ``word`` alone is a role word of the lexicon ("sources", "officials",
        "diplomats"), which describes a source rather than naming one."""
        entry = self.find([word])
        return entry is not None and entry.usage == "role"

    def is_title(self, word: str) -> bool:
        """Whether ``word`` alone stands before a name as a title ("Commissioner",
        "Sen.", "Mr.", "Dr."), not only as part of one ("Defense" in "Defense
        Secretary")."""
        if word_core(word).replace(".", "") in _HONORIFICS:
            return True
        entry = self.find([word])
        return entry is not None and entry.usage == "title"

    def find(self, words: Sequence[str], *, skip_type: str | None = None) -> SourceRole | None:
        """The most telling entry found in ``words``: known actors first, then titles,
        then roles; longer phrases before shorter ones, later words before earlier.
        Entries of ``skip_type`` are passed over."""
        keys = [word_core(w).replace(".", "") for w in words]
        best: tuple[int, int, int, SourceRole] | None = None
        rank = {"actor": 3, "title": 2, "role": 1}
        for n in range(min(self._longest, len(keys)), 0, -1):
            for i in range(len(keys) - n, -1, -1):
                entry = self._by_key.get(tuple(keys[i : i + n]))
                if entry is not None and entry.type != skip_type:
                    score = (rank.get(entry.usage, 0), n, i)
                    if best is None or score > best[:3]:
                        best = (*score, entry)
        return best[3] if best else None

    def party(self, text: str) -> str | None:
        m = _PARTY_CODE.search(text)
        if m:
            return {"D": "Democratic", "R": "Republican", "I": "Independent"}[m.group(1)]
        low = text.lower()
        for pattern, party in _PARTY_WORDS:
            if pattern.search(low):
                return party
        return None

    def describe(self, speaker: Speaker) -> Speaker:
        """The speaker with ``source_type`` and ``party`` read from its name and role.

        An unnamed source whose only description is vague ("officials", "a source",
        "aides") is ``anonymous``: the reader cannot tell who it is. A document
        ("the report", "a Gallup poll") is the source only when it ends the speaker's
        name: "the authors of the study" are people.
        """
        words = " ".join(x for x in (speaker.role, speaker.name) if x).split()
        entry = self.find(words)
        if entry is not None and entry.type == "documents":
            cores = _key(speaker.name or "")
            head = cores[cores.index("of") - 1 : cores.index("of")] if "of" in cores[1:] else cores[-1:]
            if not head or head[0] not in self._document_heads:
                entry = self.find(words, skip_type="documents")
        source_type = entry.type if entry else "unknown"
        if (
            not speaker.named
            and (entry is None or entry.vague)
            and source_type in ("government", "anonymous", "unknown")
        ):
            source_type = "anonymous"
        elif speaker.named and source_type == "anonymous":
            source_type = "unknown"  # 'Two officials, Karen Bass and Tom Homan,': named after all
        party = speaker.party or (self.party(speaker.role) if speaker.role else None)
        return Speaker(speaker.name, speaker.kind, speaker.role, source_type, speaker.named, party)

    def vague(self, words: Sequence[str]) -> bool:
        entry = self.find(words)
        return bool(entry and entry.vague and entry.usage == "role")


@dataclass(frozen=True, slots=True)
class Chunk:
    """A capitalised phrase: its role words and, if it names a person, the name."""

    start: int
    end: int
    words: tuple[str, ...]
    name: tuple[str, ...]
    role: tuple[str, ...]

    @property
    def is_person(self) -> bool:
        return bool(self.name)

    @property
    def text(self) -> str:
        return _without_possessive(self.words)

    @property
    def person(self) -> str:
        """The person's name without a possessive ("Ana Ruiz's" -> "Ana Ruiz"), or ""."""
        return _without_possessive(self.name)


def _without_possessive(words: Sequence[str]) -> str:
    return " ".join(w[:-2] if w.endswith("'s") else w for w in words)


#: Capitalised at the start of a sentence, never the first word of a name.
_OPENERS = frozenset(
    """later then but and however meanwhile also earlier yesterday today when after before
    while since both still yet instead afterwards now so thus there here asked told said
    last next this that these those although though because if unless whether as once
    until i maybe perhaps another where what who how why which many some most every each
    via read make more my your our their its even thank""".split()
)
#: Personal pronouns, which are never part of a name (and, as a source, say who only by
#: reference: "he said").
PRONOUNS = frozenset("he she it they we i".split())
#: A first word that cannot begin a person's name: a lone capital letter ("(D) Ed
#: Muskie"), or an adjective of place ("Maryland-based Lockheed Martin").
_NOT_A_NAME_WORD = re.compile(r"[A-Z]|[A-Z][\w.-]*-based")


#: What may end a person's name after the surname ("James Knowles III", "Holder Jr.").
_NAME_SUFFIXES = frozenset("ii iii iv jr sr".split())
#: A middle initial ("Maame E. Frimpong"), which is part of a name, unlike "ICE" or "LAPD".
_INITIAL = re.compile(r"[A-Z]\.")


def _classify(words: Sequence[str], book: RoleBook) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Split capitalised words into (role words, person-name words)."""
    name: list[str] = []
    for w in reversed(words):
        core = word_core(w)
        if name == [] and core in _NAME_SUFFIXES and len(words) >= 3:
            name.insert(0, w)  # 'James Knowles III', 'Eric H. Holder Jr.'
            continue
        if (
            book.is_title_word(w)
            or core in _INSTITUTION_WORDS
            or (w.isupper() and len(w) > 1 and not _INITIAL.fullmatch(w))
            or core in DETERMINERS
        ):
            break
        name.insert(0, w)
    if len(name) > 4 or not name or any(word_core(w) in _CONNECTORS for w in name):
        return tuple(words), ()
    return tuple(words[: len(words) - len(name)]), tuple(name)


def chunks(text: str, start: int, end: int, book: RoleBook) -> list[Chunk]:
    """Capitalised phrases in ``text[start:end]``, split into people and bodies."""
    out: list[Chunk] = []
    for m in _CHUNK.finditer(text, start, end):
        raw = m.group()
        pos = m.start()
        for piece in _POSSESSIVE_BREAK.split(raw):
            offset = text.find(piece, pos)
            groups: list[list[str]] = [[]]
            for w in piece.split():
                if w == "and" and len(groups[-1]) >= 2:
                    groups.append([])  # "Karen Bass and Governor Gavin Newsom": two people
                elif w == "of" and len(_classify(groups[-1], book)[1]) >= 2:
                    groups.append([])  # "Angelica Salas of the Coalition ..."
                else:
                    groups[-1].append(w)
            cur = offset
            for g in groups:
                while g and (
                    word_core(g[0]) in _NOT_NAME_START
                    or (len(g) > 1 and (word_core(g[0]) in _OPENERS or _NOT_A_NAME_WORD.fullmatch(g[0])))
                ):
                    g = g[1:]  # 'Later Ruiz left': the name is Ruiz
                while g and (word_core(g[-1]) in _CONNECTORS or word_core(g[-1]) in PRONOUNS):
                    g = g[:-1]  # 'Read More He said': a pronoun ends no name
                if not g:
                    continue
                s = text.find(g[0], cur)
                e = text.find(g[-1], s) + len(g[-1])
                cur = e
                if g[-1].endswith("'s"):
                    e -= 2
                role, name = _classify(g, book)
                out.append(Chunk(s, e, tuple(g), name, role))
            pos = offset + len(piece)
    return out


@dataclass
class Person:
    name: str
    role: str | None = None
    source_type: str = "unknown"
    party: str | None = None
    pronoun: str | None = None  # "he" or "she", once the text shows it
    last_seen: int = -1
    mentions: list[tuple[int, int]] = field(default_factory=list)


def speaker_key(name: str) -> str:
    """A speaker's name or an alias as it is compared, in one article or across
    several: lowercased, spaces collapsed, without a leading "the" ("The Pentagon" and
    "Pentagon" are one source)."""
    key = " ".join(name.lower().split())
    return key[4:] if key.startswith("the ") else key


def expand_title(role: str) -> str:
    """A role in lowercase with abbreviated titles written out: "Lt. Gov." -> "lieutenant
    governor"."""
    return " ".join(
        _TITLE_ABBREVIATIONS.get(w.rstrip(".").lower(), w.lower()) if w.endswith(".") else w.lower()
        for w in role.split()
    )


class People:
    """The people an article names, for linking later mentions to them."""

    def __init__(self, book: RoleBook, common: frozenset[str] = frozenset()):
        self.book = book
        self.common = common
        self.people: dict[str, Person] = {}
        self._by_surname: dict[str, str] = {}
        self._by_first: dict[str, str] = {}

    def add(self, chunk: Chunk) -> None:
        """Remember a full name (two or more words) and its title."""
        if len(chunk.name) < 2:
            return
        full = chunk.person
        person = self.people.get(full)
        if person is None:
            person = self.people[full] = Person(full)
            self._by_surname.setdefault(word_core(chunk.name[-1]), full)
            self._by_first.setdefault(word_core(chunk.name[0]), full)
        role = " ".join(chunk.role) or None
        if role and person.role is None:
            person.role = role
        if chunk.role:
            pron = _HONORIFIC_PRONOUN.get(word_core(chunk.role[-1]))
            if pron:
                person.pronoun = pron

    def remember(self, speaker: Speaker) -> Speaker:
        """Keep what is known of a person across mentions: a later bare surname keeps
        the title, source type and party an earlier mention gave."""
        person = self.people.get(speaker.name)
        if person is None:
            person = self.people[speaker.name] = Person(speaker.name)
        if speaker.role and not person.role:
            person.role = speaker.role
        if speaker.source_type != "unknown" and person.source_type == "unknown":
            person.source_type = speaker.source_type
        if speaker.party and not person.party:
            person.party = speaker.party
        return Speaker(
            speaker.name,
            speaker.kind,
            speaker.role or person.role,
            speaker.source_type if speaker.source_type != "unknown" else person.source_type,
            speaker.named,
            speaker.party or person.party,
        )

    def seen(self, name: str, start: int, end: int) -> None:
        person = self.people.get(name)
        if person is not None:
            person.last_seen = max(person.last_seen, start)
            person.mentions.append((start, end))

    def resolve(self, chunk: Chunk) -> tuple[Speaker, str] | None:
        """The speaker a capitalised phrase names, and how it was resolved."""
        role = " ".join(chunk.role) or None
        if chunk.is_person:
            if len(chunk.name) >= 2:
                full = chunk.person
                known = self.people.get(full)
                return Speaker(full, "person", role or (known.role if known else None)), "named"
            key = word_core(chunk.name[0])
            for table, how in ((self._by_surname, "surname"), (self._by_first, "first-name")):
                if key in table:
                    person = self.people[table[key]]
                    return Speaker(person.name, "person", role or person.role), "title" if role else how
            if role:
                return Speaker(chunk.name[0], "person", role), "named"
            if key in self.common:
                return None  # a capitalised ordinary word ("Both", "Local"), not a name
            return Speaker(chunk.name[0], "person", None), "named"
        return Speaker(chunk.text, "institution", None), "named"

    def by_title(self, title: str, before: int) -> Person | None:
        """The person last mentioned before ``before`` whose role holds ``title``."""
        word = word_core(title)
        titled = [p for p in self.people.values() if p.role and word in expand_title(p.role)]
        found = [p for p in titled if 0 <= p.last_seen < before] or titled
        return max(found, key=lambda p: p.last_seen) if found else None

    def add_role(self, name: str, role: str) -> None:
        """Give a person named in full the role an appositive gives ("Sean Parnell, the
        Pentagon's chief spokesman,"), unless a title already gave one."""
        person = self.people.get(name)
        if person is not None and person.role is None:
            person.role = role

    def by_pronoun(
        self,
        pronoun: str,
        before: int,
        preferred: Speaker | None,
        sentence_start: Callable[[int], int] | None = None,
    ) -> Person | None:
        """The person a "he" or "she" at ``before`` most likely means.

        The last speaker, if the pronoun fits; otherwise the person last mentioned. When
        another person who may also be "he" or "she" was mentioned in the same sentence
        as that one ("Karen Bass met Tom Homan."), the pronoun is ambiguous: only a
        person known to be "he" or "she" (from "Mr.", "Ms." or an earlier pronoun)
        decides it, and if none does, no one is guessed."""
        want = pronoun.lower()
        if preferred is not None and preferred.kind == "person":
            person = self.people.get(preferred.name)
            if person is None or person.pronoun in (None, want):
                return person or Person(preferred.name, preferred.role)
        found = [p for p in self.people.values() if 0 <= p.last_seen < before and p.pronoun in (None, want)]
        if not found:
            return None
        top = max(found, key=lambda p: p.last_seen)
        if sentence_start is None:
            return top
        since = sentence_start(top.last_seen)
        close = [p for p in found if p.last_seen >= since]
        if len(close) == 1:
            return top
        known = [p for p in close if p.pronoun == want]
        return known[0] if len(known) == 1 else None

    def learn_pronoun(self, name: str, pronoun: str) -> None:
        person = self.people.get(name)
        if person is not None and person.pronoun is None and pronoun.lower() in ("he", "she"):
            person.pronoun = pronoun.lower()
