"""The kinds of lexicon framing reads, each with its columns and checks.

Every kind turns the rows of a :class:`~framing.lexicon.file_format.RawLexicon` into typed,
frozen entries, or raises a :class:`~framing.errors.LexiconError` naming the file, the
line and the problem.

Over 500 lines on purpose: the entry type of every kind, the row checks they share and
one builder a kind, with the registry (``KINDS``) at the end; a new kind is one more
builder.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from ..errors import LexiconError
from ..plural import plural
from .context import CONTEXT_RULES
from .file_format import RawLexicon, Row

__all__ = [
    "CUE_GRADES",
    "CUE_TYPES",
    "KINDS",
    "POS_VALUES",
    "Abbreviation",
    "ActorAlias",
    "Category",
    "ConceptTerm",
    "CountedThing",
    "CueVerb",
    "EventTerm",
    "SourceRole",
    "Term",
]

POS_VALUES = ("verb", "noun", "adj", "adv", "fixed")
MAX_TERM_WORDS = 8
_CATEGORY_ID = re.compile(r"[a-z0-9][a-z0-9_-]{0,40}")
_TERM = re.compile(r"[^\W_][\w'\-.&]*(?: [\w'&\-.]+)*")


@dataclass(frozen=True)
class Category:
    id: str
    label: str
    description: str


@dataclass(frozen=True)
class Term:
    """A word or phrase of a phrase lexicon (loaded language, sourcing, frames,
    epistemic markers): its category, weight, why it is listed and what to say instead."""

    term: str
    pos: str
    category: str
    weight: int
    alternatives: tuple[str, ...]
    explanation: str
    forms: tuple[str, ...]
    exclude: tuple[str, ...]
    line: int
    not_when: tuple[str, ...] = ()
    """Context rules (:data:`framing.lexicon.context.CONTEXT_RULES`) under which the entry
    does not apply ("invasion" about armies)."""


#: Grades of cue verbs with what each does to a quote, in the order reports show them:
#: from the plainest to the most loaded.
CUE_GRADES = {
    "neutral": "Reports the words without judging them.",
    "endorsing": "Lends the words weight or truth (the reader is nudged to believe them).",
    "presupposing": "Treats the words as true and as something the speaker gave up.",
    "tentative": "Presents the words as uncertain, soft or hesitant.",
    "insistent": "Presents the words as forceful, repeated or demanding.",
    "distancing": "Casts doubt on the words (the reader is nudged to distrust them).",
    "emotive": "Describes the speaker as angry, aggressive or combative.",
}


#: What follows a cue verb.
CUE_TYPES = {
    "speech": "someone's words (said, told, wrote)",
    "thought": "someone's belief, wish or fear (believes, hopes, wants)",
    "attitude": "a position for or against something, not words (endorsed, opposed)",
}


@dataclass(frozen=True)
class CueVerb:
    """A verb or phrase that introduces speech ("said", "according to", "slammed")."""

    term: str
    pos: str
    grade: str
    explanation: str
    forms: tuple[str, ...]
    line: int
    type: str = "speech"


#: How a source-roles entry is used.
ROLE_USAGES = {
    "title": "stands before a name (Governor, Sen., Defense Secretary)",
    "role": "describes a person or a group (resident, officials, experts)",
    "actor": "names a known body or person (the Pentagon, ICE, the ACLU)",
}


@dataclass(frozen=True)
class SourceRole:
    """A title, role or known actor, and the kind of source it marks."""

    term: str
    type: str
    usage: str
    vague: bool
    note: str
    line: int


@dataclass(frozen=True)
class ConceptTerm:
    """One word an outlet may choose for a concept ("undocumented" for people without
    legal status), with its connotation and what choosing it suggests."""

    concept: str
    label: str
    term: str
    pos: str
    connotation: str
    note: str
    line: int
    forms: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()


@dataclass(frozen=True)
class ActorAlias:
    """One name or description that refers to an actor ("federal agents" for ICE)."""

    actor: str
    name: str
    kind: str
    term: str
    note: str
    line: int
    pos: str = "fixed"
    forms: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()


@dataclass(frozen=True)
class EventTerm:
    """A verb or noun that says what happened ("withdrew", "deployment", "decried"),
    with the kind (or kinds) of event it names. ``turns`` marks words that, right before
    another event, turn it into its opposite ("wind down the deployment")."""

    term: str
    pos: str
    events: tuple[str, ...]
    explanation: str
    line: int
    forms: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    turns: bool = False


@dataclass(frozen=True)
class CountedThing:
    """A noun that says what a figure counts ("troops" in "1,350 troops")."""

    term: str
    pos: str
    thing: str
    explanation: str
    line: int
    forms: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()


@dataclass(frozen=True)
class Abbreviation:
    """An abbreviation whose final period does not end a sentence ("Gov.", "U.S.")."""

    abbreviation: str
    note: str
    line: int


def _split_list(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split(";") if v.strip())


def _need(raw: RawLexicon, row: Row, column: str) -> str:
    value = row.fields.get(column, "")
    if not value:
        raise LexiconError(f"the {column!r} column is empty", path=raw.source, line=row.line)
    return value


def _check_columns(raw: RawLexicon, required: tuple[str, ...], optional: tuple[str, ...]) -> None:
    missing = [c for c in required if c not in raw.columns]
    unknown = [c for c in raw.columns if c not in required + optional]
    if missing or unknown:
        problems = []
        if missing:
            problems.append(f"missing {plural('column', len(missing))} " + ", ".join(missing))
        if unknown:
            problems.append(f"unknown {plural('column', len(unknown))} " + ", ".join(unknown))
        raise LexiconError(
            "; ".join(problems)
            + f"; a {raw.meta['kind']} lexicon has columns: "
            + ", ".join(required + optional),
            path=raw.source,
        )


def _check_term(raw: RawLexicon, row: Row, term: str, what: str = "term") -> str:
    norm = " ".join(term.lower().replace("\u2019", "'").split())
    if not _TERM.fullmatch(norm):
        raise LexiconError(
            f"{what} {term!r} may only hold letters, digits, spaces, hyphens, periods and "
            "apostrophes (no patterns or wildcards)",
            path=raw.source,
            line=row.line,
        )
    if len(norm.split()) > MAX_TERM_WORDS:
        raise LexiconError(
            f"{what} {term!r} has more than {MAX_TERM_WORDS} words", path=raw.source, line=row.line
        )
    return norm


def _pos(raw: RawLexicon, row: Row, allowed: tuple[str, ...] = POS_VALUES) -> str:
    pos = _need(raw, row, "pos").lower()
    if pos not in allowed:
        raise LexiconError(f"pos {pos!r} is not one of {', '.join(allowed)}", path=raw.source, line=row.line)
    return pos


def _declared(raw: RawLexicon, row: Row, column: str, name: str, declared: Mapping[str, Any]) -> str:
    """A value that must be one of the categories declared in the header."""
    value = _need(raw, row, column)
    _check_declared(raw, row, name, value, declared)
    return value


def _check_declared(raw: RawLexicon, row: Row, name: str, value: str, declared: Mapping[str, Any]) -> None:
    if value not in declared:
        raise LexiconError(
            f"{name} {value!r} is not declared in the header; declared: " + ", ".join(sorted(declared)),
            path=raw.source,
            line=row.line,
        )


def _identifier(raw: RawLexicon, row: Row, column: str) -> str:
    value = _need(raw, row, column)
    if not _CATEGORY_ID.fullmatch(value):
        raise LexiconError(
            f"{column} id {value!r} may only hold lowercase letters, digits, '_' and '-'",
            path=raw.source,
            line=row.line,
        )
    return value


def parse_categories(raw: RawLexicon) -> dict[str, Category]:
    """Categories declared in the header as ``# category.<id>: Label | description``."""
    out: dict[str, Category] = {}
    for key, value in raw.meta.items():
        if key.startswith("category."):
            cid = key.split(".", 1)[1].strip()
            if not _CATEGORY_ID.fullmatch(cid):
                raise LexiconError(
                    f"category id {cid!r} may only hold lowercase letters, digits, '_' and '-'",
                    path=raw.source,
                )
            label, _, description = value.partition("|")
            out[cid] = Category(cid, label.strip(), description.strip())
    return out


def build_terms(raw: RawLexicon) -> tuple[dict[str, Category], tuple[Term, ...]]:
    """Every phrase lexicon: term, pos, category, weight, explanation (+ alternative,
    forms, exclude, not_when)."""
    _check_columns(
        raw,
        ("term", "pos", "category", "weight", "explanation"),
        ("alternative", "forms", "exclude", "not_when"),
    )
    categories = parse_categories(raw)
    if not categories:
        raise LexiconError(
            f"a {raw.meta['kind']} lexicon declares its categories in the header, e.g. "
            "'# category.violence: Violence imagery | Words that ...'",
            path=raw.source,
        )
    seen: dict[tuple[str, str], int] = {}
    entries = []
    for row in raw.rows:
        f = row.fields
        term = _check_term(raw, row, _need(raw, row, "term"))
        pos = _pos(raw, row)
        category = _declared(raw, row, "category", "category", categories)
        weight_text = _need(raw, row, "weight")
        if weight_text not in ("1", "2", "3"):
            raise LexiconError(f"weight {weight_text!r} must be 1, 2 or 3", path=raw.source, line=row.line)
        key = (term, pos)
        if key in seen:
            raise LexiconError(
                f"{term!r} ({pos}) is already listed on line {seen[key]}",
                path=raw.source,
                line=row.line,
            )
        seen[key] = row.line
        forms = tuple(_check_term(raw, row, x, "form") for x in _split_list(f.get("forms", "")))
        exclude = tuple(_check_term(raw, row, x, "exclude phrase") for x in _split_list(f.get("exclude", "")))
        not_when = _context_rules(raw, row, f.get("not_when", ""))
        entries.append(
            Term(
                term=term,
                pos=pos,
                category=category,
                weight=int(weight_text),
                alternatives=_split_list(f.get("alternative", "")),
                explanation=_need(raw, row, "explanation"),
                forms=forms,
                exclude=exclude,
                line=row.line,
                not_when=not_when,
            )
        )
    return categories, tuple(entries)


def _context_rules(raw: RawLexicon, row: Row, value: str) -> tuple[str, ...]:
    names = _split_list(value)
    unknown = [n for n in names if n not in CONTEXT_RULES]
    if unknown:
        raise LexiconError(
            f"not_when {', '.join(map(repr, unknown))} is not a context rule; known rules: "
            + ", ".join(sorted(CONTEXT_RULES)),
            path=raw.source,
            line=row.line,
        )
    return names


def build_cue_verbs(raw: RawLexicon) -> tuple[dict[str, Category], tuple[CueVerb, ...]]:
    _check_columns(raw, ("term", "pos", "grade", "explanation"), ("forms", "type"))
    seen: dict[str, int] = {}
    entries = []
    for row in raw.rows:
        term = _check_term(raw, row, _need(raw, row, "term"))
        pos = _pos(raw, row, ("verb", "noun", "fixed"))
        grade = _need(raw, row, "grade").lower()
        if grade not in CUE_GRADES:
            raise LexiconError(
                f"grade {grade!r} is not one of {', '.join(CUE_GRADES)}",
                path=raw.source,
                line=row.line,
            )
        if term in seen:
            raise LexiconError(
                f"{term!r} is already listed on line {seen[term]}", path=raw.source, line=row.line
            )
        seen[term] = row.line
        forms = tuple(_check_term(raw, row, x, "form") for x in _split_list(row.fields.get("forms", "")))
        cue_type = row.fields.get("type", "").lower() or "speech"
        if cue_type not in CUE_TYPES:
            raise LexiconError(
                f"type {cue_type!r} is not one of {', '.join(CUE_TYPES)}", path=raw.source, line=row.line
            )
        entries.append(CueVerb(term, pos, grade, _need(raw, row, "explanation"), forms, row.line, cue_type))
    categories = {g: Category(g, g, d) for g, d in CUE_GRADES.items()}
    return categories, tuple(entries)


def build_abbreviations(raw: RawLexicon) -> tuple[dict[str, Category], tuple[Abbreviation, ...]]:
    _check_columns(raw, ("abbreviation",), ("note",))
    entries = []
    for row in raw.rows:
        abbr = _need(raw, row, "abbreviation")
        if not abbr.endswith(".") or " " in abbr or len(abbr) > 20:
            raise LexiconError(
                f"abbreviation {abbr!r} must be one word ending in a period, like 'Gov.'",
                path=raw.source,
                line=row.line,
            )
        entries.append(Abbreviation(abbr, row.fields.get("note", ""), row.line))
    return {}, tuple(entries)


def build_source_roles(raw: RawLexicon) -> tuple[dict[str, Category], tuple[SourceRole, ...]]:
    _check_columns(raw, ("term", "type", "usage"), ("vague", "note"))
    categories = parse_categories(raw)
    if not categories:
        raise LexiconError(
            "a source-roles lexicon declares its source types in the header, e.g. "
            "'# category.experts: Experts | Researchers and academics.'",
            path=raw.source,
        )
    seen: dict[str, int] = {}
    entries = []
    for row in raw.rows:
        term = _check_term(raw, row, _need(raw, row, "term"))
        kind = _declared(raw, row, "type", "type", categories)
        usage = _need(raw, row, "usage").lower()
        if usage not in ROLE_USAGES:
            raise LexiconError(
                f"usage {usage!r} is not one of {', '.join(ROLE_USAGES)}", path=raw.source, line=row.line
            )
        vague = row.fields.get("vague", "").lower()
        if vague not in ("", "yes", "no"):
            raise LexiconError(f"vague {vague!r} must be yes or no", path=raw.source, line=row.line)
        if term in seen:
            raise LexiconError(
                f"{term!r} is already listed on line {seen[term]}", path=raw.source, line=row.line
            )
        seen[term] = row.line
        entries.append(SourceRole(term, kind, usage, vague == "yes", row.fields.get("note", ""), row.line))
    return categories, tuple(entries)


def build_concepts(raw: RawLexicon) -> tuple[dict[str, Category], tuple[ConceptTerm, ...]]:
    _check_columns(raw, ("concept", "label", "term", "pos", "category", "note"), ("exclude",))
    categories = parse_categories(raw)
    if not categories:
        raise LexiconError(
            "a concept-sets lexicon declares its connotations in the header, e.g. "
            "'# category.neutral: Neutral | A plain word.'",
            path=raw.source,
        )
    labels: dict[str, tuple[str, int]] = {}
    seen: dict[tuple[str, str], int] = {}
    entries = []
    for row in raw.rows:
        concept = _identifier(raw, row, "concept")
        label = _need(raw, row, "label")
        if concept in labels and labels[concept][0] != label:
            raise LexiconError(
                f"concept {concept!r} is labelled {labels[concept][0]!r} on line {labels[concept][1]}; "
                "give every line of a concept the same label",
                path=raw.source,
                line=row.line,
            )
        labels.setdefault(concept, (label, row.line))
        term = _check_term(raw, row, _need(raw, row, "term"))
        pos = _pos(raw, row)
        connotation = _declared(raw, row, "category", "category", categories)
        key = (concept, term)
        if key in seen:
            raise LexiconError(
                f"{term!r} is already listed for {concept!r} on line {seen[key]}",
                path=raw.source,
                line=row.line,
            )
        seen[key] = row.line
        exclude = tuple(
            _check_term(raw, row, x, "exclude phrase") for x in _split_list(row.fields.get("exclude", ""))
        )
        entries.append(
            ConceptTerm(
                concept, label, term, pos, connotation, _need(raw, row, "note"), row.line, exclude=exclude
            )
        )
    return categories, tuple(entries)


def build_actors(raw: RawLexicon) -> tuple[dict[str, Category], tuple[ActorAlias, ...]]:
    _check_columns(raw, ("actor", "name", "category", "alias"), ("note",))
    categories = parse_categories(raw)
    if not categories:
        raise LexiconError(
            "an actors lexicon declares its kinds of actor in the header, e.g. "
            "'# category.person: Person | One named person.'",
            path=raw.source,
        )
    names: dict[str, tuple[str, str, int]] = {}
    seen: dict[str, int] = {}
    entries = []
    for row in raw.rows:
        actor = _need(raw, row, "actor")
        if not _CATEGORY_ID.fullmatch(actor):
            raise LexiconError(
                f"actor id {actor!r} may only hold lowercase letters, digits, '_' and '-'",
                path=raw.source,
                line=row.line,
            )
        name = _need(raw, row, "name")
        kind = _need(raw, row, "category")
        if kind not in categories:
            raise LexiconError(
                f"category {kind!r} is not declared in the header; declared: "
                + ", ".join(sorted(categories)),
                path=raw.source,
                line=row.line,
            )
        if actor in names and names[actor][:2] != (name, kind):
            raise LexiconError(
                f"actor {actor!r} is named {names[actor][0]!r} ({names[actor][1]}) on line {names[actor][2]}; "
                "give every line of an actor the same name and category",
                path=raw.source,
                line=row.line,
            )
        names.setdefault(actor, (name, kind, row.line))
        alias = _check_term(raw, row, _need(raw, row, "alias"))
        if alias in seen:
            raise LexiconError(
                f"alias {alias!r} is already listed on line {seen[alias]}; an alias names one actor",
                path=raw.source,
                line=row.line,
            )
        seen[alias] = row.line
        entries.append(ActorAlias(actor, name, kind, alias, row.fields.get("note", ""), row.line))
    return categories, tuple(entries)


def event_opposites(
    raw_meta: Mapping[str, str], categories: Mapping[str, Category], source: str
) -> dict[str, frozenset[str]]:
    """The ``# opposites:`` header of an events lexicon (``a/b; c/d``), each event to
    the events it contradicts."""
    out: dict[str, set[str]] = {}
    for pair in _split_list(raw_meta.get("opposites", "")):
        a, sep, b = (x.strip() for x in pair.partition("/"))
        if not sep or a not in categories or b not in categories:
            raise LexiconError(
                f"opposites: {pair!r} must be two declared events joined by '/', as in 'deploy/withdraw'",
                path=source,
            )
        out.setdefault(a, set()).add(b)
        out.setdefault(b, set()).add(a)
    return {k: frozenset(v) for k, v in out.items()}


def event_states(
    raw_meta: Mapping[str, str], categories: Mapping[str, Category], source: str
) -> frozenset[str]:
    """The ``# states:`` header of an events lexicon: the kinds that describe how things
    stand ("remain") rather than something that happened."""
    out = frozenset(_split_list(raw_meta.get("states", "").replace(",", ";")))
    unknown = sorted(out - set(categories))
    if unknown:
        raise LexiconError(f"states: {', '.join(unknown)} not declared as events", path=source)
    return out


def _declared_list(raw: RawLexicon, row: Row, column: str, declared: Mapping[str, Any]) -> tuple[str, ...]:
    """Values ("; "-separated) that must each be a category declared in the header."""
    values = _split_list(_need(raw, row, column))
    for value in values:
        _check_declared(raw, row, column, value, declared)
    return values


def _forms_and_excludes(raw: RawLexicon, row: Row) -> tuple[tuple[str, ...], tuple[str, ...]]:
    forms = tuple(_check_term(raw, row, x, "form") for x in _split_list(row.fields.get("forms", "")))
    exclude = tuple(
        _check_term(raw, row, x, "exclude phrase") for x in _split_list(row.fields.get("exclude", ""))
    )
    return forms, exclude


def _unique(raw: RawLexicon, row: Row, seen: dict[tuple[str, str], int], term: str, pos: str) -> None:
    if (term, pos) in seen:
        raise LexiconError(
            f"{term!r} ({pos}) is already listed on line {seen[(term, pos)]}", path=raw.source, line=row.line
        )
    seen[(term, pos)] = row.line


def build_events(raw: RawLexicon) -> tuple[dict[str, Category], tuple[EventTerm, ...]]:
    """Events: term, pos, event (one or more declared events), explanation (+ forms,
    turns, exclude); the header declares the events and their opposites."""
    _check_columns(raw, ("term", "pos", "event", "explanation"), ("forms", "turns", "exclude"))
    categories = parse_categories(raw)
    if not categories:
        raise LexiconError(
            "an events lexicon declares its events in the header, e.g. "
            "'# category.withdraw: Withdrawal | Troops pulled out.'",
            path=raw.source,
        )
    event_opposites(raw.meta, categories, raw.source)
    event_states(raw.meta, categories, raw.source)
    seen: dict[tuple[str, str], int] = {}
    entries = []
    for row in raw.rows:
        term = _check_term(raw, row, _need(raw, row, "term"))
        pos = _pos(raw, row)
        _unique(raw, row, seen, term, pos)
        turns = row.fields.get("turns", "").lower()
        if turns not in ("", "opposite"):
            raise LexiconError(f"turns {turns!r} must be empty or 'opposite'", path=raw.source, line=row.line)
        forms, exclude = _forms_and_excludes(raw, row)
        entries.append(
            EventTerm(
                term,
                pos,
                _declared_list(raw, row, "event", categories),
                _need(raw, row, "explanation"),
                row.line,
                forms,
                exclude,
                turns == "opposite",
            )
        )
    return categories, tuple(entries)


def build_counted(raw: RawLexicon) -> tuple[dict[str, Category], tuple[CountedThing, ...]]:
    """Counted things: term, pos (noun or fixed), thing (a declared category),
    explanation (+ forms)."""
    _check_columns(raw, ("term", "pos", "thing", "explanation"), ("forms",))
    categories = parse_categories(raw)
    if not categories:
        raise LexiconError(
            "a counted lexicon declares what it counts in the header, e.g. '# category.troops: Troops | Soldiers.'",
            path=raw.source,
        )
    seen: dict[tuple[str, str], int] = {}
    entries = []
    for row in raw.rows:
        term = _check_term(raw, row, _need(raw, row, "term"))
        pos = _pos(raw, row, ("noun", "fixed"))
        _unique(raw, row, seen, term, pos)
        forms, _ = _forms_and_excludes(raw, row)
        thing = _declared(raw, row, "thing", "thing", categories)
        entries.append(CountedThing(term, pos, thing, _need(raw, row, "explanation"), row.line, forms))
    return categories, tuple(entries)


Builder = Callable[[RawLexicon], tuple[dict[str, Category], tuple]]

#: Every kind of lexicon, by the name its header gives in ``# kind:``.
KINDS: dict[str, Builder] = {
    "loaded-language": build_terms,
    "sourcing": build_terms,
    "frames": build_terms,
    "epistemic": build_terms,
    "cue-verbs": build_cue_verbs,
    "abbreviations": build_abbreviations,
    "source-roles": build_source_roles,
    "concept-sets": build_concepts,
    "actors": build_actors,
    "portrayal": build_terms,
    "events": build_events,
    "counted": build_counted,
}
