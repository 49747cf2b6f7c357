"""What happened in a sentence: the events its verbs and nouns name, and whether it
says they did not happen.

The events come from the ``events`` lexicon (``lexicons/events.tsv``): each word names
one kind of event or more ("withdrew": withdraw; "release": withdraw or free), and the
header pairs the kinds that contradict each other (deploy/withdraw, praise/criticize).
A word the lexicon marks as turning ("wind down", "reduce") turns the event right after
it into its opposite: "winds down its deployment" is a withdrawal. An event is negated
when "not", "never", "refused to" or the like stands just before it in the same clause.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from ..lexicon import Lexicon
from ..lexicon.inflect import term_variants
from ..lexicon.kinds import EventTerm, event_opposites, event_states
from ..text.matcher import unit_key
from ..text.phrases import PhraseFinder
from ..text.tokens import Token

__all__ = ["EventMention", "EventReader", "clause_breaks", "single_words", "token_keys"]

#: Words that deny the event after them ("did not withdraw", "refused to sign").
NEGATORS = frozenset(
    "not no never n't cannot without neither nor refused refuses refuse failed fails fail declined "
    "declines decline denied".split()
)
#: How many tokens before an event a negator may stand.
REACH = 3
#: What may stand between a turning word and the event it turns ("winds down its deployment").
DETERMINERS = frozenset("the a an its their his her our this that these those some all".split())
#: Tokens that end a clause: a negator or a turning word does not reach across them.
CLAUSE_MARKS = frozenset(",;:()[]—–\u2026?!")
CLAUSE_WORDS = frozenset("but while although though whereas however because after before when since".split())


@dataclass(frozen=True, slots=True)
class EventMention:
    """An event named in a sentence: its kinds, the word (offsets into the article)
    and whether the sentence says it did not happen."""

    events: tuple[str, ...]
    start: int
    end: int
    word: str
    negated: bool = False
    token: int = 0  # index of its first token in the sentence


#: Function words that scraped text glues to the next or the previous word when a link
#: is removed ("thewithdrawalsof"); lowercase glue is undone only where what is left is
#: a word the comparison's lexicons know.
GLUE = ("the", "and", "of", "on", "in", "to", "a")


def _unglue(key: str, known: frozenset[str]) -> str:
    if len(key) < 8 or not key.isalpha():
        return key
    for head in ("", *GLUE):
        if not key.startswith(head):
            continue
        rest = key[len(head) :]
        for tail in ("", *GLUE):
            if tail and not rest.endswith(tail):
                continue
            word = rest[: len(rest) - len(tail)] if tail else rest
            if (head or tail) and word in known:
                return word
    return key


def token_keys(tokens: Sequence[Token], known: frozenset[str] = frozenset()) -> list[str]:
    """The match units of tokens: lowercase, straight apostrophes, possessives dropped;
    a known word glued to a function word ("thewithdrawalsof") is taken apart."""
    keys = [unit_key(t.text.replace("\u2019", "'")) for t in tokens]
    if known:
        keys = [k if k in known else _unglue(k, known) for k in keys]
    return keys


def clause_breaks(keys: Sequence[str]) -> list[int]:
    """For each token, the number of clause marks before it: two tokens are in one
    clause when their numbers are equal."""
    out, n = [], 0
    for k in keys:
        if k in CLAUSE_MARKS or k in CLAUSE_WORDS:
            n += 1
        out.append(n)
    return out


def single_words(lexicons: Iterable[Lexicon]) -> frozenset[str]:
    """Every one-word form the lexicons' entries match."""
    return frozenset(
        v for lex in lexicons for entry in lex.entries for v in term_variants(entry) if " " not in v
    )


def _negator(key: str) -> bool:
    return key in NEGATORS or key.endswith("n't")


class EventReader:
    """The events of the ``events`` lexicons, compiled once."""

    def __init__(self, lexicons: Iterable[Lexicon]):
        self.lexicons = tuple(lex for lex in lexicons if lex.kind == "events")
        self._finder = PhraseFinder(self.lexicons)
        self.words = single_words(self.lexicons)
        opposites: dict[str, set[str]] = {}
        labels: dict[str, str] = {}
        states: set[str] = set()
        for lex in self.lexicons:
            states |= event_states(lex.meta, lex.categories, lex.source)
            for event, others in event_opposites(lex.meta, lex.categories, lex.source).items():
                opposites.setdefault(event, set()).update(others)
            for cid, cat in lex.categories.items():
                labels.setdefault(cid, cat.label)
        self.opposites: Mapping[str, frozenset[str]] = {k: frozenset(v) for k, v in opposites.items()}
        self.labels: Mapping[str, str] = labels
        #: kinds that describe how things stand when the article is written ("remain")
        self.states: frozenset[str] = frozenset(states)

    def label(self, event: str) -> str:
        return self.labels.get(event, event)

    def opposed(self, a: Iterable[str], b: Iterable[str]) -> bool:
        """Whether some event of ``a`` contradicts some event of ``b``."""
        b = set(b)
        return any(self.opposites.get(x, frozenset()) & b for x in a)

    def read(self, tokens: Sequence[Token], keys: Sequence[str] | None = None) -> list[EventMention]:
        """The events named in one sentence's tokens, in order."""
        keys = token_keys(tokens) if keys is None else keys
        if not keys:
            return []
        clause = clause_breaks(keys)
        found = []
        for m in self._finder.find(keys):
            entry: EventTerm = m.entry
            found.append((m.first, m.end, entry))
        out: list[EventMention] = []
        turned: set[int] = set()
        for n, (first, end, entry) in enumerate(found):
            if n in turned:
                continue
            events = entry.events
            if entry.turns:
                nxt = found[n + 1] if n + 1 < len(found) else None
                if (
                    nxt is not None
                    and all(k in DETERMINERS for k in keys[end : nxt[0]])
                    and any(self.opposites.get(e) for e in nxt[2].events)
                ):
                    events = tuple(sorted({o for e in nxt[2].events for o in self.opposites.get(e, ())}))
                    turned.add(n + 1)
                    end = nxt[1]
            negated = any(
                _negator(keys[k]) and clause[k] == clause[first] for k in range(max(0, first - REACH), first)
            )
            out.append(
                EventMention(
                    events=events,
                    start=tokens[first].start,
                    end=tokens[end - 1].end,
                    word=" ".join(t.text for t in tokens[first:end]),
                    negated=negated,
                    token=first,
                )
            )
        return out
