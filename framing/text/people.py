"""People: one resolver of who each mention of a person, a body or a group is.

Computed once in segmentation (:attr:`framing.text.document.Document.people`) and read
by attribution (who said it), sourcing and actors (who is talked about), so that a
speaker and an actor are always resolved the same way.

Entities come from the names the article uses: a person named in full ("Gov. Gavin
Newsom"), a body ("the Justice Department", "the CDC"). Each mention is linked to one:

* a full name, a surname or a first name to the person named in full ("Newsom");
* an acronym in brackets to the body it stands for ("Centers for Disease Control and
  Prevention (CDC)", later "the CDC");
* a title or a role with "the" ("the governor", "the councilwoman", "Iran's foreign
  minister", "the agency") to the one entity that fits it, ranked as a pronoun is;
* "he", "she", "it", "they" (and "his", "her", "its", "their") to an entity that agrees
  in gender, number and kind, ranked by a small model (:mod:`framing.models.resolver`)
  on features a reader uses: how far back, whether it was the subject of a sentence
  (the subject of the previous sentence first), whether it spoke, how often it was
  mentioned; "he" or "she" agree with a title ("Mr.", "Ms."), a gendered role
  ("congresswoman") or a first name (US Social Security name counts, public domain:
  ``framing/data/first-names.tsv.gz``);
* "who" and "which" after a name to that name;
* several people joined by "and" ("Karen Bass and Gavin Newsom") to each of them, and
  "both leaders" or "the two men" to the last two people mentioned.

What fits nobody, or fits two equally well, stays unresolved: nothing is guessed.
A date ("On Thursday"), a headline fragment ("Lawyers Argue"), a photo credit
("(Dana Verkouteren via AP)") or a verb phrase is never a name. Offsets are into the
normalised text.

Over 500 lines on purpose: the resolver is one class, :class:`People`, whose steps all
read and write the entities and mentions it is building; cut into rooms, each room would
reach into that state.
"""

from __future__ import annotations

import bisect
import functools
import gzip
import itertools
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from ..models.resolver import FEATURES, default_resolver
from ..resources import data_file
from .names import INSTITUTION_WORDS, Chunk, RoleBook, expand_title, word_core

__all__ = ["FEATURES", "Entity", "Mention", "People", "first_name_pronoun"]

#: Pronouns that refer to an entity, with the pronoun they agree as.
_PRONOUNS = {
    "he": "he",
    "him": "he",
    "his": "he",
    "himself": "he",
    "she": "she",
    "her": "she",
    "hers": "she",
    "herself": "she",
    "it": "it",
    "its": "it",
    "they": "they",
    "them": "they",
    "their": "they",
}
_PRONOUN_RE = re.compile(r"\b(?:[Hh]e|[Hh]im|[Hh]is|[Ss]he|[Hh]er|[Ii]t|[Ii]ts|[Tt]hey|[Tt]hem|[Tt]heir)\b")
#: Honorifics and gendered role words that tell "he" from "she".
_GENDERED = {
    "mr": "he",
    "mrs": "she",
    "ms": "she",
    "miss": "she",
    "sir": "he",
    "lord": "he",
    "lady": "she",
    "dame": "she",
    "king": "he",
    "queen": "she",
    "prince": "he",
    "princess": "she",
}
_GENDERED_SUFFIX = (("woman", "she"), ("women", "she"), ("man", "he"), ("men", "he"))
_GENDERED_NOUNS = {
    "mother": "she",
    "father": "he",
    "wife": "she",
    "husband": "he",
    "daughter": "she",
    "son": "he",
    "sister": "she",
    "brother": "he",
    "actress": "she",
    "actor": "he",
    "girl": "she",
    "boy": "he",
    "widow": "she",
    "grandmother": "she",
    "grandfather": "he",
    "aunt": "she",
    "uncle": "he",
    "niece": "she",
    "nephew": "he",
}
#: Words a capitalised phrase may open with that are no part of a name: prepositions,
#: conjunctions and the like ("On Thursday", "Despite Leung", "But Obama").
_LEADS = frozenset(
    """on in at by for from to with after before since until during of into across despite
    but and or so if as when while than like unlike under over about against among between
    through without within via per amid""".split()
)
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_MONTHS = frozenset(
    "january february march april may june july august september october november december".split()
)
#: Words of a photo credit or caption ("Dana Verkouteren via AP", "Photo: Getty Images").
_CREDIT = re.compile(
    r"(?i)\b(?:via|photo|photograph|image|images|getty|caption|credit|toggle|enlarge|afp|reuters|ap)\b"
)
_CREDIT_BEFORE = re.compile(r"(?i)(?:\(|photo:|image:|credit:|caption|/)\s*$")
_CREDIT_AFTER = re.compile(r"(?i)\s*(?:via\b|/\s*[A-Z]|for\s+the\b|for\s+[A-Z]\w*\s*\))")
#: Head nouns of a body: "the agency", "the hospital", "the court".
_BODY_HEADS = frozenset(
    """agency department ministry office court committee council commission board bureau
    service administration government company firm group organization organisation
    hospital university college school campaign party union coalition association
    institute foundation center centre police army navy military network newspaper paper
    outlet magazine station church league panel embassy regime team club city state
    county watchdog authority""".split()
)
#: Plural heads for a group of people: "the protesters", "the officials".
_GROUP_HEADS = frozenset(
    """officials protesters demonstrators lawmakers senators legislators democrats republicans
    leaders activists advocates critics supporters residents voters workers police officers
    agents investigators prosecutors lawyers attorneys researchers scientists experts analysts
    doctors nurses parents students teachers authorities judges justices members families
    opponents organizers organisers aides staff""".split()
)
#: Words before a plural that make it two people: "both leaders", "the two men".
_PAIR = re.compile(
    r"\b(?:[Bb]oth(?:\s+of\s+the)?|[Tt]he\s+two|[Tt]he\s+pair\s+of)\s+((?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*s|men|women)\b"
)
_PAIR_ALONE = re.compile(r"\b(?:[Tt]he\s+pair|[Tt]he\s+two\s+of\s+them|[Tt]he\s+couple)\b")
#: A determiner or a possessive name, up to three modifiers and a head noun.
_DESCRIPTION = re.compile(
    r"\b(?:[Tt]he|[Tt]his|[Tt]hat|(?:[A-Z][\w.&-]*\s+){0,2}[A-Z][\w.&-]*['\u2019]s)(?=\s)"
)
_DESCRIPTION_WORD = re.compile(r"\s+([A-Za-z][\w.-]*)")
#: Title words more often an adjective or part of another noun ("the general election",
#: "the chief reason"): never a title alone.
_AMBIGUOUS_HEADS = frozenset(
    "general major chief first private head lead senior top state city county".split()
)
#: Words that end a description before its head ("the governor and", "the mayor said").
_DESCRIPTION_STOP = frozenset(
    """and or but of for from to in on at by with who which that is was are were has have had
    said says will would also""".split()
)
_RELATIVE = re.compile(r",?\s+(who|which)\b")
_ACRONYM_AFTER = re.compile(r"\s*\(([A-Z][A-Z&.]{1,9})\)")
_VERB_AFTER = re.compile(
    r"\s+(?:(?:also|then|later|now|still|has|have|had|was|were|is|are|will|would|could|did|does|"
    r"[a-z]+ly)\s+){0,2}[a-z]+(?:ed|s)\b"
)
#: How many sentences back a pronoun or a title looks for who it means.
_REACH = 6
#: How many distinct entities, most recent first, are candidates.
_CANDIDATES = 8
#: How many mentions back a pronoun looks at the most.
_LOOK_BACK = 60
#: The same for a title ("the hospital" may mean a body named at the top of the article).
_TITLE_REACH = 80
_TITLE_LOOK_BACK = 400
_TITLE_CANDIDATES = 40


_HEAD_IN_TITLES = FEATURES.index("head_in_titles")
_MODIFIERS_MATCH = FEATURES.index("modifiers_match")
_MENTIONS = FEATURES.index("mentions_log")
_HEAD_IN_NAME = FEATURES.index("head_in_name")
_SUBJECT_OF_PREVIOUS = FEATURES.index("subject_of_previous")


@functools.lru_cache(maxsize=1)
def _first_names() -> dict[str, str]:
    out: dict[str, str] = {}
    with data_file("first-names.tsv.gz").open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or line.startswith("name\t"):
                continue
            name, pronoun, _ = line.rstrip("\n").split("\t")
            if pronoun in ("he", "she"):
                out[name] = pronoun
    return out


@functools.lru_cache(maxsize=1)
def _all_first_names() -> frozenset[str]:
    with data_file("first-names.tsv.gz").open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as fh:
        return frozenset(line.split("\t", 1)[0] for line in fh if not line.startswith("#"))


def first_name_pronoun(name: str) -> str | None:
    """ "he" or "she" where the US name counts decide a first name, else None.

    >>> first_name_pronoun("Nancy"), first_name_pronoun("Jordan")
    ('she', None)
    """
    return _first_names().get(word_core(name))


@dataclass(frozen=True, slots=True)
class Entity:
    """A person, a body or a group the article mentions.

    ``name`` is the fullest name the article gives (the person's full name, the body's
    name in full rather than its acronym); ``pronoun`` is "he", "she" or None where
    the text does not tell; ``titles`` are the head words of its titles and roles
    ("governor", "spokesman")."""

    id: int
    name: str
    kind: str
    pronoun: str | None = None
    role: str | None = None
    titles: frozenset[str] = frozenset()
    aliases: tuple[str, ...] = ()
    role_words: frozenset[str] = frozenset()
    """Every word of its titles and roles ("french", "president")."""


@dataclass(frozen=True, slots=True)
class Mention:
    """A mention of one or more entities, in normalised offsets.

    ``kind``: ``name`` (a full name), ``surname``, ``first-name``, ``acronym``,
    ``title`` (a title or role with "the"), ``pronoun``, ``relative`` ("who"),
    ``joint`` ("Bass and Newsom") or ``pair`` ("both leaders"). ``entities`` is empty for
    a mention that stays unresolved; ``subject`` is True where it opens its clause."""

    start: int
    end: int
    kind: str
    entities: tuple[int, ...]
    subject: bool = False
    confidence: float = 1.0


@dataclass
class _Building:
    name: str
    kind: str
    pronoun: str | None = None
    role: str | None = None
    titles: set[str] = field(default_factory=set)
    role_words: set[str] = field(default_factory=set)
    aliases: list[str] = field(default_factory=list)


class People:
    """The entities of one document and every mention of them (see the module docstring).

    ``rank`` scores a candidate from its features (a :class:`framing.models.resolver.
    ResolverModel` or any callable with the same signature); a candidate is taken when
    its score is at least ``threshold`` and clearly above the next one's."""

    def __init__(
        self,
        norm: str,
        sentences: Sequence[tuple[int, int]],
        paragraphs: Sequence[tuple[int, int]],
        quotes: Sequence[tuple[int, int]],
        names: Sequence[Chunk],
        book: RoleBook,
        common: frozenset[str],
        speech: Sequence[int] = (),
        rank: _Ranker | None = None,
        cue_nouns: Sequence[int] = (),
        trace: list[tuple[int, str, str, list[tuple[tuple[int, ...], list[float]]]]] | None = None,
    ):
        self.norm = norm
        self.book = book
        self.common = common
        self._rank = rank if rank is not None else _default_rank()
        #: where given, every ranked mention with its candidates and their features (for training)
        self._trace = trace
        self._sentences = list(sentences)
        self._sentence_starts = [s for s, _ in sentences]
        self._paragraph_starts = [s for s, _ in paragraphs]
        self._quotes = sorted(quotes)
        self._quote_starts = [s for s, _ in self._quotes]
        self._speech = sorted(speech)
        self._cue_nouns = sorted(cue_nouns)
        self._building: list[_Building] = []
        self._by_name: dict[str, int] = {}
        self.by_surname: dict[str, int] = {}
        self.by_first: dict[str, int] = {}
        self._by_acronym: dict[str, int] = {}
        self._unresolved: list[tuple[int, str]] = []  # pronouns that meant nobody named
        self._context: dict[tuple[int, int], tuple[int, int, bool, bool]] = {}
        self._heads = _heads(book)
        self._headline_cache: dict[int, bool] = {}
        self._title_heads: dict[str, bool] = {}
        self._spelled: list[tuple[int, int, int]] = []  # a body's name spelled out before its acronym
        mentions: list[Mention] = []
        chunks = [c for c in names if self._may_name(c)]
        self._entities_from(chunks)
        self.entities: tuple[Entity, ...] = tuple(
            Entity(
                i,
                b.name,
                b.kind,
                b.pronoun,
                b.role,
                frozenset(b.titles),
                tuple(dict.fromkeys(b.aliases)),
                frozenset(b.role_words),
            )
            for i, b in enumerate(self._building)
        )
        for c in chunks:
            m = self._name_mention(c)
            if m is not None:
                mentions.append(m)
        mentions = self._joint(mentions)
        self._name_words = [frozenset(e.name.lower().split()) for e in self.entities]
        self.mentions: list[Mention] = self._resolve(mentions)
        self._mention_starts = [m.start for m in self.mentions]

    # ------------------------------------------------------------------ lookups

    def at(self, start: int, end: int) -> Mention | None:
        """The mention that starts at ``start`` and ends by ``end`` (the longest), or the
        one covering ``start``."""
        i = bisect.bisect_right(self._mention_starts, start) - 1
        best = None
        while i >= 0 and self.mentions[i].start <= start:
            m = self.mentions[i]
            if m.start == start and m.end <= max(end, m.start + 1):
                if best is None or m.end > best.end:
                    best = m
            elif best is None and m.start <= start < m.end:
                best = m
            if m.start < start and m.end <= start:
                break
            i -= 1
        return best

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        """The mentions that lie within ``[start, end)``, in text order."""
        i = bisect.bisect_left(self._mention_starts, start)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            if self.mentions[i].end <= end:
                out.append(self.mentions[i])
            i += 1
        return out

    def entity(self, index: int) -> Entity:
        return self.entities[index]

    def named(self, name: str) -> Entity | None:
        """The entity with this full name, surname or acronym."""
        key = " ".join(word_core(w) for w in name.split())
        i = self._by_name.get(key)
        if i is None and " " not in key:
            i = self.by_surname.get(key, self._by_acronym.get(key))
        return self.entities[i] if i is not None else None

    def known(self, word: str) -> bool:
        """Whether ``word`` is the surname or first name of a person named in full."""
        key = word_core(word)
        return key in self.by_surname or key in self.by_first

    def of_chunk(self, chunk: Chunk) -> tuple[Entity, str] | None:
        """The entity a capitalised phrase names and how (``named``, ``surname``,
        ``first-name``, ``acronym``), if the article names it in full."""
        if chunk.is_person and self._body(chunk):
            i = self._by_name.get(_key(chunk.text))
            return (self.entities[i], "named") if i is not None else None
        if chunk.is_person:
            if len(chunk.name) >= 2:
                i = self._by_name.get(_key(chunk.person))
                return (self.entities[i], "named") if i is not None else None
            key = word_core(chunk.name[0])
            for table, how in ((self.by_surname, "surname"), (self.by_first, "first-name")):
                if key in table:
                    return self.entities[table[key]], how
            return None
        key = _key(chunk.text)
        i = self._by_name.get(key)
        if i is None:
            i = self._inside_full_name(chunk)
        if i is None and len(chunk.words) == 1:
            i = self._by_acronym.get(word_core(chunk.words[0]).replace(".", ""))
            if i is not None:
                return self.entities[i], "acronym"
        return (self.entities[i], "named") if i is not None else None

    # ------------------------------------------------------------------ names

    def _may_name(self, c: Chunk) -> bool:
        """Whether a capitalised phrase may be a name: not a date, a photo credit or a
        fragment of a headline in title case."""
        words = [word_core(w) for w in c.words]
        if not words or words[0] in _LEADS or words[0] in _WEEKDAYS:
            return False
        if words[0] in _MONTHS and (len(words) == 1 or words[1].isdigit()):
            return False
        if any(w in _WEEKDAYS for w in words):
            return False
        text = self.norm
        before = text[max(0, c.start - 12) : c.start]
        after = text[c.end : c.end + 12]
        if _CREDIT_BEFORE.search(before) and _CREDIT_AFTER.match(after):
            return False  # '(Dana Verkouteren via AP)', 'Orlin Wagner/AP'
        if _CREDIT.search(text, c.start, c.end) and c.is_person and len(c.words) > len(c.name):
            return False
        if _CREDIT_AFTER.match(after) and re.search(r"(?i)\bvia\b|/", after[:6]):
            return False
        return not (c.is_person and self._headline_fragment(c))

    def _headline_fragment(self, c: Chunk) -> bool:
        """A run of capitalised words in a title-case line ("Lawyers Argue", "Obama On
        Climate Change"): a name there has two or three words, none of them a lowercase
        word elsewhere in the article."""
        i = bisect.bisect_right(self._sentence_starts, c.start) - 1
        if i < 0:
            return False
        title_case = self._headline_cache.get(i)
        if title_case is None:
            s, e = self._sentences[i]
            words = majors = 0
            title_case = True
            for w in _WORD.finditer(self.norm, s, e):  # read up to the first lowercase major word
                words += 1
                word = w.group()
                if word.lower() not in _SMALL_WORDS:
                    if not word[0].isupper():
                        title_case = False
                        break
                    majors += 1
            title_case = title_case and words >= 3 and majors >= 3
            self._headline_cache[i] = title_case
        return title_case and any(word_core(w) in self.common for w in c.name)

    def _add(self, name: str, kind: str) -> int:
        key = _key(name)
        i = self._by_name.get(key)
        if i is None:
            i = len(self._building)
            self._building.append(_Building(name, kind))
            self._by_name[key] = i
        return i

    def _entities_from(self, chunks: Sequence[Chunk]) -> None:
        text = self.norm
        starts = [c.start for c in chunks]
        for k, c in enumerate(chunks):  # 'Centers for Disease Control and Prevention (CDC)'
            acronym = _ACRONYM_AFTER.match(text, c.end)
            if acronym is None or (c.is_person and len(c.name) >= 2):
                continue
            letters = acronym.group(1).replace(".", "")
            for j in range(bisect.bisect_left(starts, c.end - 90), k + 1):
                full = text[chunks[j].start : c.end]
                initials = "".join(w[0] for w in full.split() if w[0].isupper())
                if len(letters) >= 2 and initials.startswith(letters) and "\n" not in full:
                    i = self._add(full, "institution")
                    self._building[i].aliases.append(full)
                    self._by_acronym.setdefault(letters.lower(), i)
                    self._spelled.append((chunks[j].start, c.end, i))
                    break
        for c in chunks:
            if self._body(c):
                i = self._add(c.text, "institution")
                self._building[i].aliases.append(c.text)
            elif c.is_person and len(c.name) >= 2:
                i = self._add(c.person, "person")
                b = self._building[i]
                b.aliases.append(c.person)
                self.by_surname.setdefault(word_core(c.name[-1]), i)
                self.by_first.setdefault(word_core(c.name[0]), i)
                self._describe(b, c.role, c)
                if b.pronoun is None:
                    b.pronoun = first_name_pronoun(c.name[0])
            elif not c.is_person and not self._group_word(c) and not self._title_only(c):
                if len(c.words) == 1 and word_core(c.words[0]) in self.common:
                    continue
                if len(c.words) == 1 and word_core(c.words[0]).replace(".", "") in self._by_acronym:
                    continue
                if self._inside_full_name(c) is not None:
                    continue
                i = self._add(c.text, "institution")
                self._building[i].aliases.append(c.text)
        # surnames known only alone, with a title ("Commissioner Ruiz"): a person too
        for c in chunks:
            if c.is_person and len(c.name) == 1 and c.role and self.book.is_title(c.role[-1]):
                key = word_core(c.name[0])
                if key not in self.by_surname and key not in self.common:
                    i = self._add(c.person, "person")
                    self.by_surname[key] = i
                    self._describe(self._building[i], c.role, c)
                elif key in self.by_surname:  # 'President Trump' gives Donald Trump the title
                    self._describe(self._building[self.by_surname[key]], c.role, c)

    def _inside_full_name(self, c: Chunk) -> int | None:
        """The body whose name, spelled out before its acronym, holds this phrase."""
        for s, e, i in self._spelled:
            if s <= c.start and c.end <= e:
                return i
        return None

    def _body(self, c: Chunk) -> bool:
        """A capitalised phrase read as a person's name that names a body: "California
        Court of Appeals" (a body's word before "of"), "National Nurses United" (no first
        name, and a word the article also writes in lowercase)."""
        if not c.is_person:
            return False
        if len(c.name) == 1:
            return "of" in c.words and any(word_core(w) in INSTITUTION_WORDS for w in c.role)
        if c.role or self._known_first(c.name[0]):
            return False
        return any(word_core(w) in self.common for w in c.name)

    @staticmethod
    def _known_first(word: str) -> bool:
        return word_core(word) in _all_first_names()

    def _title_only(self, c: Chunk) -> bool:
        """Capitalised title words with no name ("French President"): a title, no body."""
        return all(self.book.is_title_word(w) for w in c.words)

    def _group_word(self, c: Chunk) -> bool:
        """A capitalised plural that describes people ("Democrats", "Officials")."""
        if len(c.words) != 1:
            return False
        key = word_core(c.words[0])
        entry = self.book.find([key])
        return entry is not None and entry.usage == "role"

    def _describe(self, b: _Building, role_words: Sequence[str], c: Chunk) -> None:
        """What a name's title, an appositive after it or a role before it says."""
        text = self.norm
        roles = []
        if role_words:
            roles.append(" ".join(role_words))
        lead = re.search(r"((?:[a-z][\w-]*\s+){1,3})$", text[max(0, c.start - 40) : c.start])
        if lead:
            words = lead.group(1).split()
            for k in range(len(words)):
                if self.book.find(words[k:]) is not None and self.book.find(words[-1:]) is not None:
                    roles.append(" ".join(words[k:]))
                    break
        appositive = re.match(
            r",\s+((?:the|a|an|[A-Z][\w.-]*['\u2019]s)\s+[^,;:\"()\n]{2,80}?)\s*[,.]",
            text[c.end : c.end + 90],
        )
        if appositive and self.book.find(appositive.group(1).split()[-2:]) is not None:
            roles.append(appositive.group(1))
        for role in roles:
            words = expand_title(re.sub(r"'s\b|[^\w\s.-]", " ", role)).split()
            if not words:
                continue
            if b.role is None:
                b.role = role
            b.role_words.update(words)
            if self.book.find(words[-1:]) is not None or words[-1] in _BODY_HEADS:
                b.titles.add(words[-1])
            for w in words:
                g = _GENDERED.get(w.rstrip(".")) or _GENDERED_NOUNS.get(w)
                if g is None and w.endswith(_GENDERED_SUFFIX[0][0]) and len(w) > 5:
                    g = "she"
                elif g is None and w.endswith("man") and len(w) > 4 and self.book.find([w]) is not None:
                    g = "he"
                if g is not None and b.pronoun is None:
                    b.pronoun = g

    def _name_mention(self, c: Chunk) -> Mention | None:
        found = self.of_chunk(c)
        if found is None:
            return None
        entity, how = found
        return Mention(c.start, c.end, how, (entity.id,), self._is_subject(c.start, c.end))

    def _joint(self, mentions: list[Mention]) -> list[Mention]:
        """Two or three people named with "and" ("Karen Bass and Gavin Newsom"): one
        mention of each."""
        out: list[Mention] = []
        text = self.norm
        k = 0
        while k < len(mentions):
            group = [mentions[k]]
            while k + len(group) < len(mentions):
                nxt = mentions[k + len(group)]
                between = text[group[-1].end : nxt.start]
                if re.fullmatch(r",?\s+and\s+|,\s+", between) and (
                    len(group) >= 1 and self.entities_kind(nxt) == self.entities_kind(group[0]) == "person"
                ):
                    group.append(nxt)
                else:
                    break
            if len(group) >= 2 and re.fullmatch(r",?\s+and\s+", text[group[-2].end : group[-1].start]):
                ids = tuple(dict.fromkeys(i for m in group for i in m.entities))
                out.append(
                    Mention(
                        group[0].start,
                        group[-1].end,
                        "joint",
                        ids,
                        self._is_subject(group[0].start, group[-1].end),
                    )
                )
            out.extend(group[:1] if len(group) < 2 else group)
            k += len(group)
        return sorted(out, key=lambda m: (m.start, -m.end))

    def entities_kind(self, m: Mention) -> str:
        return self._building[m.entities[0]].kind if m.entities else ""

    # ------------------------------------------------------------------ context

    def _sentence(self, pos: int) -> int:
        return bisect.bisect_right(self._sentence_starts, pos) - 1

    def _where(self, m: Mention) -> tuple[int, int, bool, bool]:
        """A mention's sentence and paragraph, whether a speech verb is next to it and
        whether it is inside quotation marks (read once per mention)."""
        key = (m.start, m.end)
        found = self._context.get(key)
        if found is None:
            found = (
                self._sentence(m.start),
                self._paragraph(m.start),
                self._spoke(m.start, m.end),
                self.in_quote(m.start),
            )
            self._context[key] = found
        return found

    def _paragraph(self, pos: int) -> int:
        return bisect.bisect_right(self._paragraph_starts, pos) - 1

    def in_quote(self, pos: int) -> bool:
        i = bisect.bisect_right(self._quote_starts, pos) - 1
        return i >= 0 and self._quotes[i][0] < pos < self._quotes[i][1] - 1

    def _is_subject(self, start: int, end: int) -> bool:
        """Whether a mention opens its clause: a verb follows it, or it opens the
        sentence (after at most an introductory phrase)."""
        if _VERB_AFTER.match(self.norm, end) or self._spoke(start, end):
            return True
        i = self._sentence(start)
        if i < 0:
            return False
        lead = self.norm[self._sentences[i][0] : start]
        return not lead.strip() or bool(re.fullmatch(r"[^,]{0,40},\s*", lead))

    def _spoke(self, start: int, end: int) -> bool:
        """Whether a speech verb stands right after the mention ("Ruiz said") or right
        before it ("said Ruiz")."""
        j = bisect.bisect_left(self._speech, end)
        if (
            j < len(self._speech)
            and self._speech[j] - end <= 25
            and "." not in self.norm[end : self._speech[j]]
        ):
            return True
        j = bisect.bisect_left(self._speech, start) - 1
        return j >= 0 and start - self._speech[j] <= 12

    # ------------------------------------------------------------------ resolution

    def _resolve(self, names: list[Mention]) -> list[Mention]:
        """Every pronoun, title, relative pronoun and pair, in text order, linked to the
        entities mentioned before it."""
        text = self.norm
        items: list[tuple[int, int, str, str]] = []  # start, end, kind, word
        for r in _PRONOUN_RE.finditer(text):
            word = r.group().lower()
            if word in ("he", "she") or self._worth_resolving(r.start(), r.end(), word):
                items.append((r.start(), r.end(), "pronoun", word))
        for r in _DESCRIPTION.finditer(text):
            end, head = self._description_end(r.end(), r.group(0))
            if head:
                items.append((r.start(), end, "title", head))
        for r in _PAIR.finditer(text):
            items.append((r.start(), r.end(), "pair", r.group(1).split()[-1]))
        for r in _PAIR_ALONE.finditer(text):
            items.append((r.start(), r.end(), "pair", ""))
        items.sort()
        out = list(names)
        starts = [m.start for m in names]
        history = [m for m in names if m.entities]  # what a later mention may refer to, in text order
        history_starts = [m.start for m in history]
        for start, end, kind, word in items:
            i = bisect.bisect_left(starts, start)
            near = names[max(0, i - 1) : i + 2]
            if any(n.start < end and start < n.end for n in near) and (
                kind != "title" or any(n.start == start for n in near)
            ):
                continue  # a word of a name ('The Hill'), not a pronoun or a title
            k = bisect.bisect_left(history_starts, start)
            if kind == "pair":
                m = Mention(start, end, "pair", self._pair(history, k, start), self._is_subject(start, end))
            else:
                mods = tuple(w.lower().removesuffix("'s") for w in text[start:end].split()[1:-1])
                ent, conf = self._rank_candidates(history, k, start, kind, word, mods)
                m = Mention(start, end, kind, ent, self._is_subject(start, end), conf)
                if kind == "pronoun" and not ent:
                    self._unresolved.append((start, _PRONOUNS[word]))
            out.append(m)
            if m.entities:
                history.insert(k, m)
                history_starts.insert(k, m.start)
        out.extend(self._relatives(out))
        out.sort(key=lambda m: (m.start, -m.end))
        return out

    def _description_end(self, pos: int, opener: str) -> tuple[int, str]:
        """The end and head noun of a description after "the", "this" or a possessive
        ("the defense secretary", "Iran's foreign minister", "the agency"): the last title,
        role or body word of up to four words; ("", 0) where there is none."""
        end, head = pos, ""
        ahead = self.norm[pos : pos + 60].split()[:4]
        if self._heads.isdisjoint([w.lower().strip(".,;:") for w in ahead]):
            return end, ""  # no title, role or body word in reach: most "the"s
        for _ in range(4):
            w = _DESCRIPTION_WORD.match(self.norm, pos)
            if w is None:
                break
            word = w.group(1)
            low = word.lower()
            if low in _DESCRIPTION_STOP or word.endswith("."):
                break
            if (
                (low in _BODY_HEADS or self._title_head(low))
                and (word.islower() or self.book.is_title_word(word))
                and low not in _AMBIGUOUS_HEADS
            ):
                end, head = w.end(1), low
            pos = w.end(1)
        if head and re.match(r"\s+(?:of|from|for|at|in)\b|\s+[A-Z]|-", self.norm[end : end + 8]):
            return end, ""  # 'the president of the union', 'the governor Gavin Newsom'
        return end, head

    def _worth_resolving(self, start: int, end: int, word: str) -> bool:
        """Whether a pronoun other than "he" or "she" may be a source, so that it is
        resolved: next to a cue ("it said", "their claim", "according to them"), or, for
        "his" and "her", opening a sentence ("His friendship with ..."); the many others
        ("it is", "his car") are left alone, which keeps segmentation fast."""
        if self._spoke(start, end):
            return True
        j = bisect.bisect_left(self._cue_nouns, end)
        if j < len(self._cue_nouns) and self._cue_nouns[j] - end <= 20:
            return True
        before = self.norm[max(0, start - 14) : start]
        if word in ("them", "him", "her") and before.rstrip().lower().endswith("according to"):
            return True
        return word in ("his", "her") and (not before.strip() or before.rstrip()[-1:] in '.!?\n"')

    def _title_head(self, head: str) -> bool:
        found = self._title_heads.get(head)
        if found is None:  # the same few words come back many times: looked up once each
            entry = self.book.find([head])
            found = entry is not None and entry.usage in ("title", "role") and not head.endswith("s")
            self._title_heads[head] = found
        return found

    def _relatives(self, mentions: Iterable[Mention]) -> list[Mention]:
        out = []
        for m in mentions:
            if not m.entities or m.kind in ("pronoun",):
                continue
            r = _RELATIVE.match(self.norm, m.end)
            if r and (r.group(1) == "who") == (self.entities_kind(m) == "person"):
                out.append(Mention(r.start(1), r.end(1), "relative", m.entities, True))
        return out

    def _before(
        self, history: Sequence[Mention], k: int, start: int, reach: int = _REACH, look_back: int = _LOOK_BACK
    ) -> Iterable[Mention]:
        """The mentions before ``history[k]``, latest first, within ``reach`` sentences
        of ``start`` and at most ``look_back`` of them."""
        # ``history`` is in text order, so the mentions within reach are a run of it,
        # found by bisection rather than by reading each one's sentence
        lo = max(0, k - look_back)
        first = self._sentence(start) - reach
        if first >= 0:
            lo = bisect.bisect_left(history, self._sentence_starts[first], lo, k, key=_start)
        for n in range(k - 1, lo - 1, -1):
            yield history[n]

    def _pair(self, history: Sequence[Mention], k: int, start: int) -> tuple[int, ...]:
        """The last two people mentioned before ``start``, in the same or the two
        sentences before."""
        lo = self._sentence(start) - 2
        seen: list[int] = []
        for m in self._before(history, k, start):
            if self._sentence(m.start) < lo:
                break
            for i in reversed(m.entities):
                if self.entities[i].kind == "person" and i not in seen:
                    seen.append(i)
            if len(seen) >= 2:
                return tuple(reversed(seen[:2]))
        return ()

    def _unknown_before(self, start: int, word: str) -> bool:
        """Whether a "he" or "she" in this or the previous sentence, before ``start``,
        means nobody the article names: then a later one may mean that person too."""
        want = _PRONOUNS[word]
        if want not in ("he", "she"):
            return False
        lo = self._sentence_starts[max(0, self._sentence(start) - 1)] if self._sentence_starts else 0
        return any(lo <= s < start and g == want for s, g in self._unresolved)

    def _agrees(self, key: tuple[int, ...], kind: str, word: str) -> bool:
        """Whether the entities ``key`` (one, or several named together) agree with a
        pronoun or a title in gender, number and kind."""
        if len(key) > 1:
            return kind == "pronoun" and _PRONOUNS[word] == "they"
        entity = self.entities[key[0]]
        if kind == "pronoun":
            want = _PRONOUNS[word]
            if want in ("he", "she"):
                return (
                    entity.kind == "person"
                    and entity.pronoun in (None, want)
                    and (
                        entity.pronoun is not None
                        or entity.role is not None
                        or self._known_first(entity.name)
                    )
                )  # 'he' is a person the text shows to be one, not 'United States' or 'Hong Kong'
            if want == "it":
                return entity.kind == "institution"
            return entity.kind in ("institution", "group")
        if word in _BODY_HEADS:
            return entity.kind == "institution"
        return entity.kind == "person"

    def candidates(
        self, history: Sequence[Mention], k: int, start: int, kind: str, word: str, mods: Sequence[str]
    ) -> list[tuple[tuple[int, ...], list[float]]]:
        """Who a pronoun or a title at ``start`` may mean (one entity, or several named
        together for "they"), most recent first, each with its features
        (:data:`FEATURES`). ``history[:k]`` are the mentions before it."""
        here = self._sentence(start)
        para = self._paragraph(start)
        last: dict[tuple[int, ...], Mention] = {}
        count: dict[tuple[int, ...], int] = {}
        order: list[tuple[int, ...]] = []
        prev_subject: tuple[int, ...] | None = None
        # the subject of the previous sentence is looked for until the mentions, read
        # back in text order, reach a sentence before it
        seeking = True
        title = kind == "title"  # a title reaches back further than a pronoun
        reach = (_TITLE_REACH, _TITLE_LOOK_BACK) if title else (_REACH, _LOOK_BACK)
        for m in self._before(history, k, start, *reach):
            keys = [m.entities] if len(m.entities) > 1 else []
            keys += [(i,) for i in m.entities] if m.kind not in ("joint", "pair") else []
            for key in keys:
                count[key] = count.get(key, 0) + 1
                if key not in last:
                    last[key] = m
                    order.append(key)
            if seeking and m.subject:
                sentence, _, _, quoted_there = self._where(m)
                if sentence == here - 1 and not quoted_there:
                    prev_subject = m.entities
                    seeking = False
                elif sentence < here - 1:
                    seeking = False
        out: list[tuple[tuple[int, ...], list[float]]] = []
        # only the first few that agree are candidates
        agreeing = itertools.islice(
            (key for key in order if self._agrees(key, kind, word)),
            _TITLE_CANDIDATES if title else _CANDIDATES,
        )
        last_speaker = next((key for key in order if self._where(last[key])[2]), None)
        quoted = self.in_quote(start)
        for rank, key in enumerate(agreeing):
            es = [self.entities[i] for i in key]
            m = last[key]
            sentence, paragraph, spoke, in_quote = self._where(m)
            d = here - sentence
            words = {w for e in es for w in self._name_words[e.id]}
            titles = {t for e in es for t in e.titles}
            role_words = {w for e in es for w in e.role_words} | titles
            f = [
                1.0,
                float(d == 0),
                float(d == 1),
                float(d == 2),
                float(d > 2),
                float(paragraph == para),
                float(rank == 0),
                float(rank == 1),
                float(prev_subject == key or (len(key) == 1 and prev_subject == key)),
                float(m.subject),
                float(spoke),
                float(last_speaker == key),
                float(in_quote),
                float(quoted),
                math.log1p(count.get(key, 0)),
                float(all(len(e.name.split()) >= 2 for e in es)),
                float(all(e.pronoun is not None for e in es)),
                float(es[0].kind == "person" and len(es) == 1),
                float(es[0].kind == "institution"),
                float(len(es) > 1 or es[0].kind == "group"),
                float(kind == "title" and word in titles),
                float(kind == "title" and word in words),
                float(kind == "title" and bool(mods) and all(x in role_words or x in words for x in mods)),
                float(kind == "title" and word not in titles and word not in words),
                float(kind == "title"),
            ]
            out.append((key, f))
        return out

    def _rank_candidates(
        self, history: Sequence[Mention], k: int, start: int, kind: str, word: str, mods: Sequence[str]
    ) -> tuple[tuple[int, ...], float]:
        if (
            kind == "title"
            and self._trace is None
            and not any(word in e.titles or word in self._name_words[e.id] for e in self.entities)
        ):
            return (), 0.0  # nobody is named with this title: the description stands
        cands = self.candidates(history, k, start, kind, word, mods)
        if self._trace is not None:
            self._trace.append((start, kind, word, cands))
        if not cands:
            return (), 0.0
        if kind == "title":
            # the one candidate with this title (or a body with this word in its name),
            # narrowed by the title's other words: 'the governor', 'the hospital',
            # "France's interior minister"
            titled = [(key, f) for key, f in cands if f[_HEAD_IN_TITLES] or f[_HEAD_IN_NAME]]
            if mods and sum(f[_MODIFIERS_MATCH] for _, f in titled) >= 1:
                titled = [(key, f) for key, f in titled if f[_MODIFIERS_MATCH]]
            if len(titled) == 1:
                return titled[0][0], 1.0
            if not titled:
                return (), 0.0  # nobody named with this title: the description stands
            ranked = sorted(titled, key=lambda x: -x[1][_MENTIONS])
            if ranked[0][1][_MENTIONS] - ranked[1][1][_MENTIONS] < math.log(2):
                return (), 0.0  # two mayors named as often: 'the mayor' is either
            cands = titled  # one named at least twice as often: the model ranks them
        elif self._unknown_before(start, word):
            return (), 0.0  # 'His friendship with Tom Lee ... He': someone the text never names
        elif _PRONOUNS[word] in ("he", "she") and not self.in_quote(start):
            subjects = [key for key, f in cands if f[_SUBJECT_OF_PREVIOUS]]
            if len(subjects) == 1:
                return subjects[0], 1.0  # the subject of the sentence before, where it agrees
        scored = sorted(((self._rank(f), key) for key, f in cands), reverse=True)
        best, key = scored[0]
        second = scored[1][0] if len(scored) > 1 else 0.0
        if not self._rank.accepts(best, second):
            return (), best
        return key, best


@functools.lru_cache(maxsize=8)
def _heads(book: RoleBook) -> frozenset[str]:
    """Every word that may head a title, a role or a body's description."""
    return _BODY_HEADS | book.head_words()


def _default_rank() -> _Ranker:
    return default_resolver()


class _Ranker(Protocol):
    """What :class:`People` needs of a ranking model."""

    def __call__(self, values: Sequence[float]) -> float: ...

    def accepts(self, best: float, second: float) -> bool: ...


_WORD = re.compile(r"[A-Za-z][\w'-]*")
_SMALL_WORDS = frozenset("a an the of in on at to for by and or but nor with from as is are".split())


def _start(m: Mention) -> int:
    return m.start


def _key(name: str) -> str:
    return " ".join(word_core(w) for w in name.split())
