"""Who says what: speakers of quotations and reported speech.

This is the first layer of attribution, built on patterns a reader would recognise:

* after a quotation: ``"...," Parnell said.``, ``"...," said Sean Parnell, the
  Pentagon's chief spokesman.``, ``"..." he added.``;
* before it: ``Parnell said: "..."``, ``He added, "..."``, and partial quotations inside
  narration (``Newsom criticized the decision, calling it "purposefully inflammatory"``),
  where the speaker is the subject of the nearest speech verb;
* a quotation that follows another with nothing but its attribution between them
  continues the same speaker;
* reported speech: ``X said (that) ...``, ``..., the Pentagon said Thursday.``,
  ``according to X, ...``.

Speakers are then resolved within the article: a surname, a first name or a title with
a surname ("Governor Newsom") is linked to the full name used elsewhere ("Gavin
Newsom"), and "he" or "she" to the last named speaker. What cannot be resolved is
marked unresolved, never guessed. All offsets are in the normalised text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from ..lexicon.kinds import CueVerb
from ..lexicon.matcher import PhraseMatcher, match_units
from .quotes import QuoteSpan
from .tokens import tokenize

__all__ = ["Attribution", "Speaker", "attribute", "cue_matcher"]

_PRONOUNS = {"he", "she", "they", "we", "i"}
_TITLE_WORDS = frozenset(
    """president vice gov governor lt lieutenant sen senator rep representative mayor
    secretary spokesman spokeswoman spokesperson director deputy judge justice chief
    commissioner general gen col colonel officer minister prime chancellor sheriff
    attorney dr mr mrs ms rev prof professor speaker leader chairman chair chairwoman
    ambassador councilmember councilman councilwoman assemblymember assemblyman
    assemblywoman czar adviser advisor press king queen prince pope sgt capt captain
    detective superintendent commander admiral democratic republican defense defence
    state homeland security border federal former acting interim us u.s. pentagon
    white house fbi cia nsa dhs ice lapd nypd doj gop chief-of-staff staff counsel
    solicitor treasurer comptroller coach manager ceo founder executive organizer
    activist""".split()
)
_INSTITUTION_WORDS = frozenset(
    """pentagon department house administration police agency office ministry court
    council committee guard corps army navy marines party union university coalition
    association commission board bureau service center centre institute foundation news
    times post press government congress senate parliament campaign company inc corp
    group network statement report enforcement customs immigration county city state
    republic kingdom nations organization organisation authority embassy command
    school hospital church club league""".split()
)
#: Nouns that can head a speaker phrase without a name ("officials said").
_SPEAKER_NOUNS = frozenset(
    """official officials spokesman spokeswoman spokesperson statement critics critic
    experts expert residents resident advocates advocate sources source analysts analyst
    lawmakers leaders leader authorities police administration government department
    agency report study protesters protester activists activist witnesses witness
    organizers organiser organisers aides aide officers officer prosecutors prosecutor
    lawyers lawyer attorney attorneys court judge democrats republicans people observers
    supporters opponents members member staff employees workers parents teachers
    students doctors scientists researchers economists diplomats troops soldiers
    spokespeople representatives senators politicians campaign white house pentagon
    governor mayor president secretary minister office ministry campaign company
    spokespeople union""".split()
)
_AUX = frozenset(
    """has have had was were is are will would also later then previously repeatedly
    publicly again once recently reportedly already further separately has
    subsequently quickly immediately earlier initially""".split()
)
_DETERMINERS = frozenset("the a an this that these those".split())
_FUNCTION_WORDS = frozenset(
    """the a an this that these those both all some many most several few each every
    other another such no not and or but if then than when while where after before
    because since although though however meanwhile still yet also even only just
    there here it its they their them he his him she her we our us you your i my me
    who whom whose which what why how local federal state national international
    critics officials experts sources residents protesters advocates police""".split()
)
#: Speech verbs whose reported content may follow without "that" ("He said the ...").
_BARE_CLAUSE = frozenset(
    """say add claim argue insist believe contend maintain allege admit acknowledge
    concede predict suggest think estimate write post tweet explain note stress
    reiterate assert""".split()
)
_TIME_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday today yesterday tonight
    on in at during last this earlier later when after before""".split()
)
_PREPOSITIONS = frozenset(
    """in on at to for with from by of about during after before through into over under
    as""".split()
)
_OBJECT_VERBS = frozenset("tell warn urge assure remind inform ask promise".split())
_BOUNDARY = re.compile(
    r'(?:[.;:!?"]|\b(?:while|but|as|because|although|when|where|which|whereas)\b|,\s+(?:and|but)\b)', re.I
)
_CAPWORD = r"(?:[A-Z]\.(?:[A-Z]\.)*|[A-Z][\w\-]*(?:'s|')?)"
_CHUNK = re.compile(
    _CAPWORD + r"(?:\s+(?:(?:of|for|and|the|de|van|von|da|del|la|le|bin|al)\s+)*" + _CAPWORD + r")*"
)


@dataclass(frozen=True, slots=True)
class Speaker:
    """A speaker as named in the text and as resolved within the article."""

    name: str
    kind: str  # person, institution, group, unresolved
    role: str | None = None


@dataclass(frozen=True, slots=True)
class Attribution:
    """Words attributed to a speaker, in normalised offsets.

    ``kind`` is ``direct`` (a full quotation), ``partial`` (a few quoted words inside
    narration), ``reported`` (indirect speech) or ``according-to``. ``resolution`` says
    how the speaker was found: ``named``, ``surname``, ``title``, ``pronoun``,
    ``continuation``, ``nearby-name`` or ``unresolved``.
    """

    kind: str
    content: tuple[int, int]
    speaker: Speaker | None
    speaker_span: tuple[int, int] | None
    cue: CueVerb | None
    cue_span: tuple[int, int] | None
    resolution: str
    quote: int | None = None


def cue_matcher(cues: Sequence[CueVerb]) -> PhraseMatcher[CueVerb | None]:
    from ..lexicon.inflect import verb_forms
    from ..lexicon.matcher import phrase_keys

    phrases: list[tuple[tuple[str, ...], CueVerb | None]] = []
    for cue in cues:
        words = cue.term.split()
        variants = {cue.term}
        if cue.pos == "verb":
            variants |= {" ".join([f, *words[1:]]) for f in verb_forms(words[0])}
        variants |= set(cue.forms)
        for v in sorted(variants):
            phrases.append((phrase_keys(v), cue))
    # phrases that contain a cue's form without being speech
    blockers: list[tuple[tuple[str, ...], CueVerb | None]] = [
        (phrase_keys(p), None) for p in ("so-called", "a call", "the call", "post office", "said to be")
    ]
    return PhraseMatcher(blockers + phrases)


# --------------------------------------------------------------------------- names


def _word_core(w: str) -> str:
    w = w.rstrip(".")
    if w.endswith("'s"):
        w = w[:-2]
    return w.rstrip("'").lower()


@dataclass(frozen=True, slots=True)
class _Chunk:
    start: int
    end: int
    words: tuple[str, ...]
    name: tuple[str, ...]  # the trailing person-name words, if any
    role: tuple[str, ...]  # title or descriptor words before the name

    @property
    def is_person(self) -> bool:
        return bool(self.name)


def _classify(words: list[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Split capitalised words into (role words, person-name words)."""
    name: list[str] = []
    for w in reversed(words):
        core = _word_core(w)
        if (
            core in _TITLE_WORDS
            or core in _INSTITUTION_WORDS
            or (w.isupper() and len(w) > 1)
            or core in _DETERMINERS
        ):
            break
        name.insert(0, w)
    if len(name) > 4 or not name:
        return tuple(words), ()
    if any(_word_core(w) in ("of", "for", "and", "the", "on") for w in name):
        return tuple(words), ()
    return tuple(words[: len(words) - len(name)]), tuple(name)


def _chunks(text: str, start: int, end: int) -> list[_Chunk]:
    out: list[_Chunk] = []
    for m in _CHUNK.finditer(text, start, end):
        raw = m.group()
        # a possessive ends a name: "Trump's newly-appointed border czar Tom Homan"
        pieces = re.split(r"(?<='s)\s+|(?<=s')\s+", raw)
        pos = m.start()
        for piece in pieces:
            ws = piece.split()
            # "Karen Bass and Governor Gavin Newsom" are two people
            groups: list[list[str]] = [[]]
            for w in ws:
                if w == "and" and len(groups[-1]) >= 2:
                    groups.append([])
                elif w == "of" and len(_classify(groups[-1])[1]) >= 2:
                    groups.append([])  # "Angelica Salas of the Coalition ..."
                else:
                    groups[-1].append(w)
            offset = text.find(piece, pos)
            cur = offset
            for g in groups:
                while g and _word_core(g[0]) in _DETERMINERS | {"and", "of", "for", "on"}:
                    g = g[1:]
                while g and _word_core(g[-1]) in {"and", "of", "for", "the", "on"}:
                    g = g[:-1]
                if not g:
                    continue
                s = text.find(g[0], cur)
                e = text.find(g[-1], s) + len(g[-1])
                cur = e
                if g[-1].endswith("'s"):
                    e -= 2
                role, name = _classify(g)
                out.append(_Chunk(s, e, tuple(g), name, role))
            pos = offset + len(piece)
    return out


class _People:
    """Names seen in the article, for linking surnames and titles to full names."""

    def __init__(self, common: frozenset[str] = frozenset()) -> None:
        self.common = common
        self.by_surname: dict[str, tuple[str, str | None]] = {}
        self.by_first: dict[str, tuple[str, str | None]] = {}
        self.roles: dict[str, str] = {}

    def add(self, chunk: _Chunk) -> None:
        if len(chunk.name) >= 2:
            full = " ".join(w.rstrip("'s") if w.endswith("'s") else w for w in chunk.name)
            role = " ".join(chunk.role) or None
            self.by_surname.setdefault(chunk.name[-1].lower(), (full, role))
            self.by_first.setdefault(chunk.name[0].lower(), (full, role))
            if role:
                self.roles.setdefault(full, role)

    def resolve(self, chunk: _Chunk) -> tuple[Speaker, str]:
        role = " ".join(chunk.role) or None
        if chunk.is_person:
            if len(chunk.name) >= 2:
                full = " ".join(chunk.name)
                return Speaker(full, "person", role or self.roles.get(full)), "named"
            key = chunk.name[0].lower()
            if key in self.by_surname:
                full, known_role = self.by_surname[key]
                return Speaker(full, "person", role or known_role), "title" if role else "surname"
            if key in self.by_first:
                full, known_role = self.by_first[key]
                return Speaker(full, "person", role or known_role), "surname"
            if role:
                return Speaker(chunk.name[0], "person", role), "named"
            if key in self.common:
                # a capitalised ordinary word ("Both", "Local"), not a name
                return Speaker(chunk.name[0], "unresolved", None), "unresolved"
            return Speaker(chunk.name[0], "person", None), "named"
        name = " ".join(w[:-2] if w.endswith("'s") else w for w in chunk.words)
        return Speaker(name, "institution", None), "named"


# --------------------------------------------------------------------------- phrases


def _speaker_phrase(
    text: str, start: int, end: int, people: _People
) -> tuple[Speaker, tuple[int, int], str] | None:
    """Read ``text[start:end]`` as the subject of a speech verb; None if it is not one.

    The phrase may carry an appositive (``Sean Parnell, the Pentagon's chief
    spokesman,``) or a relative clause (``Tom Homan, who is on the ground in LA,``).
    """
    phrase = text[start:end]
    stripped = phrase.rstrip()
    appositive: tuple[int, int] | None = None
    if stripped.endswith(","):
        inner_end = start + len(stripped) - 1
        prev = text.rfind(",", start, inner_end)
        if prev == -1:
            return None
        appositive = (prev + 1, inner_end)
        end = prev
        stripped = text[start:end].rstrip()
    # drop auxiliaries and adverbs between subject and verb ("has", "also", "on Wednesday")
    words = list(re.finditer(r"[\w'.\-]+", text[start : start + len(stripped)]))
    while words and words[-1].group().lower() in _AUX | _TIME_WORDS:
        words.pop()
    if not words:
        return None
    np_start = start + words[0].start()
    np_end = start + words[-1].end()
    last = words[-1].group()
    low = last.lower()
    if low in _PRONOUNS and len(words) == 1:
        return Speaker(last, "pronoun"), (np_start, np_end), "pronoun"
    chunks = [c for c in _chunks(text, np_start, np_end)]
    if appositive is not None:
        app_text = text[appositive[0] : appositive[1]].strip()
        if app_text.lower().startswith("including"):
            inner = [c for c in _chunks(text, *appositive) if c.is_person]
            if inner:
                spk, how = people.resolve(inner[0])
                return spk, (inner[0].start, inner[0].end), how
    last_chunk = chunks[-1] if chunks and chunks[-1].end >= np_end - 1 else None
    if last_chunk is not None and people.resolve(last_chunk)[0].kind != "unresolved":
        c = last_chunk
        spk, how = people.resolve(c)
        role = spk.role
        if appositive is not None and role is None and spk.kind == "person":
            app = text[appositive[0] : appositive[1]].strip()
            if not app.lower().startswith(("who ", "which ", "including")):
                role = app
        # "Democratic Mayor Karen Bass and Governor Gavin Newsom": all of them speak
        people_here = [x for x in chunks if x.is_person]
        if len(people_here) > 1 and "and" in text[people_here[0].end : c.start].split():
            names = [people.resolve(x)[0].name for x in people_here]
            return Speaker(" and ".join(names), "group", None), (people_here[0].start, c.end), how
        return Speaker(spk.name, spk.kind, role), (c.start, c.end), how
    # a phrase headed by a speaker noun: "city officials", "a White House statement"
    if len(words) <= 8 and (low in _SPEAKER_NOUNS or low.rstrip("s") in _SPEAKER_NOUNS):
        if low in ("statement", "report") and chunks:
            c = chunks[-1]
            name = " ".join(w[:-2] if w.endswith("'s") else w for w in c.words)
            return Speaker(name, "institution", None), (c.start, c.end), "named"
        head_words = [w.group() for w in words]
        while head_words and head_words[0].lower() in _DETERMINERS:
            head_words.pop(0)
        name = " ".join(head_words)
        if len(head_words) > 6:
            return None
        kind = "person" if low in ("spokesman", "spokeswoman", "spokesperson") else "group"
        if low in ("governor", "mayor", "president", "secretary", "minister", "judge"):
            found = [full for full, r in people.roles.items() if low in r.lower()]
            if found:
                return Speaker(found[-1], "person", people.roles[found[-1]]), (np_start, np_end), "title"
            kind = "person"
        return Speaker(name, kind, None), (np_start, np_end), "named"
    return None


def _subject_before(
    norm: str, sent_start: int, cue_start: int, people: _People, in_quote: Callable[[int], bool]
) -> tuple[Speaker, tuple[int, int], str] | None:
    """The subject of the speech verb at ``cue_start``: the phrase after the last clause
    boundary (outside quotation marks) before it, read by :func:`_speaker_phrase`."""
    cut = 0
    for m in _BOUNDARY.finditer(norm, sent_start, cue_start):
        if not in_quote(m.start()):
            cut = m.end() - sent_start
    return _speaker_phrase(norm, sent_start + cut, cue_start, people)


# --------------------------------------------------------------------------- main


def attribute(
    norm: str,
    sentences: Sequence[tuple[int, int]],
    paragraph_of: Mapping[int, int],
    quotes: Sequence[QuoteSpan],
    cues: PhraseMatcher[CueVerb | None],
    scopes: Sequence[tuple[int, int]],
) -> list[Attribution]:
    """Attribute every quotation and find reported speech.

    ``sentences`` are normalised sentence spans in order; ``paragraph_of`` maps a
    sentence's start to its paragraph number; ``scopes`` are the spans of text that are
    not furniture (names and cues are only read there).
    """
    lower_words = {w for s, e in scopes for w in re.findall(r"\b[a-z][a-z'\-]+\b", norm[s:e])}
    people = _People(frozenset(lower_words | _FUNCTION_WORDS))
    for s, e in scopes:
        for c in _chunks(norm, s, e):
            people.add(c)

    def sentence_of(pos: int) -> tuple[int, int]:
        lo, hi = 0, len(sentences) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            s, e = sentences[mid]
            if pos < s:
                hi = mid - 1
            elif pos >= e:
                lo = mid + 1
            else:
                return s, e
        return pos, pos

    def cues_in(s: int, e: int) -> list[tuple[int, int, CueVerb, str]]:
        toks = tokenize(norm, s, e)
        units = match_units(toks)
        found = []
        for i, j, cue in cues.find(units):
            if cue is None:
                continue
            form = norm[units[i].start : units[j - 1].end]
            found.append((units[i].start, units[j - 1].end, cue, form))
        return found

    def in_quote(pos: int) -> bool:
        """Whether ``pos`` is inside a quotation's marks (the marks themselves are not)."""
        return any(q.start < pos < q.end - 1 for q in quotes)

    results: list[Attribution] = []
    last_person: Speaker | None = None
    last_quote_attr: tuple[int, Attribution] | None = None  # (end of quote, attribution)

    for qi, q in enumerate(quotes):
        cs, ce = q.content
        content_text = norm[cs:ce]
        sent_s, sent_e = sentence_of(q.start)
        if sent_s == sent_e:
            sent_s, sent_e = q.start, q.end
        before = norm[sent_s : q.start]
        partial = (bool(re.search(r"[A-Za-z0-9]\s*$", before)) and not re.search(r"[,:]\s*$", before)) or (
            content_text[:1].islower() and not re.search(r"[,:]\s*$", before)
        )
        kind = "partial" if partial else "direct"

        found: tuple[Speaker, tuple[int, int], str] | None = None
        cue_hit: tuple[int, int, CueVerb, str] | None = None

        # 1. after the quotation: '," Parnell said.' / '," said Sean Parnell, ...'
        para_end = _paragraph_end(norm, q.end)
        tail_end = min(para_end, q.end + 200)
        tail_cues = [c for c in cues_in(q.end, tail_end) if not in_quote(c[0])]
        ends_sentence = content_text.rstrip().endswith(".") and not norm[
            q.end : q.end + 3
        ].lstrip().startswith(("he ", "she ", "said"))
        after_ok = not ends_sentence and (
            content_text.rstrip()[-1:] in (",", "!", "?", "-", "\u2014")
            or kind == "direct"
            or norm[q.end : q.end + 1] == ","
        )
        if tail_cues and after_ok:
            c0 = tail_cues[0]
            gap = norm[q.end : c0[0]]
            if (
                not re.search(r'[.!?;:"]', gap.strip(" ,"))
                and not _BOUNDARY.search(gap)
                and " and " not in gap
                and len(gap.split()) <= 10
            ):
                if gap.strip(" ,\n"):
                    sp = _speaker_phrase(norm, q.end + (len(gap) - len(gap.lstrip(" ,\n"))), c0[0], people)
                    if sp:
                        found, cue_hit = sp, c0
                else:
                    after = norm[c0[1] : tail_end]
                    m = re.match(r"\s*([^.;!?\"]{1,120}?)(?=[.;!?\"]|$)", after)
                    if m:
                        np_text = m.group(1)
                        np_start = c0[1] + m.start(1)
                        # 'said Sean Parnell, the Pentagon's chief spokesman'
                        comma = np_text.find(",")
                        main_end = np_start + (comma if comma != -1 else len(np_text))
                        sp = _speaker_phrase(norm, np_start, main_end, people)
                        if sp:
                            named = sp[0]
                            if comma != -1 and named.kind == "person" and named.role is None:
                                named = Speaker(named.name, named.kind, np_text[comma + 1 :].strip() or None)
                            found, cue_hit = (named, sp[1], sp[2]), c0
        # 2. before it, in the same sentence: 'Parnell said: "' / 'calling it "...'
        if found is None:
            head_cues = [c for c in cues_in(sent_s, q.start) if not in_quote(c[0])]
            if head_cues:
                cue_hit = head_cues[-1]  # the verb nearest the quotation introduces it
            for hc in reversed(head_cues):
                if hc[3].lower().endswith("ing"):
                    continue  # a participle's subject is the clause's subject
                sp = _subject_before(norm, sent_s, hc[0], people, in_quote)
                if sp:
                    found = sp
                    break
        resolution = found[2] if found else "unresolved"
        speaker: Speaker | None = found[0] if found else None
        span: tuple[int, int] | None = found[1] if found else None
        # 3. a quotation right after another, with only its attribution between them
        if speaker is None and last_quote_attr is not None:
            prev_end, prev = last_quote_attr
            between = norm[prev_end : q.start]
            if (
                prev.speaker is not None
                and len(between.split()) <= 12
                and "\n\n" not in between
                and not [
                    ch
                    for ch in _chunks(norm, prev_end, q.start)
                    if ch.is_person and prev.speaker_span and ch.start not in range(*prev.speaker_span)
                ]
            ) or (prev.speaker is not None and not between.strip()):
                speaker, span, resolution = prev.speaker, None, "continuation"
        # 4. a quotation introduced by a comma or colon after a sentence that names
        #    someone: 'a response from Defense Secretary Pete Hegseth, who ..., "..."'
        if speaker is None and re.search(r"[,:]\s*$", before):
            persons = [
                c
                for c in _chunks(norm, sent_s, q.start)
                if c.is_person and (len(c.name) >= 2 or c.name[0].lower() in people.by_surname)
            ]
            if persons:
                spk, _ = people.resolve(persons[-1])
                speaker, span, resolution = spk, (persons[-1].start, persons[-1].end), "nearby-name"
        if speaker is not None and speaker.kind == "pronoun":
            if last_person is not None:
                speaker, resolution = last_person, "pronoun"
            else:
                speaker, resolution = None, "unresolved"
        attr = Attribution(
            kind,
            q.content,
            speaker,
            span,
            cue_hit[2] if cue_hit else None,
            (cue_hit[0], cue_hit[1]) if cue_hit else None,
            resolution,
            qi,
        )
        results.append(attr)
        if speaker is not None:
            last_quote_attr = (q.end, attr)
            if speaker.kind == "person":
                last_person = speaker

    results.extend(_reported(norm, sentences, quotes, cues_in, people, in_quote))
    return results


def _paragraph_end(norm: str, pos: int) -> int:
    e = norm.find("\n", pos)
    return len(norm) if e == -1 else e


def _reported(norm, sentences, quotes, cues_in, people, in_quote) -> list[Attribution]:
    out: list[Attribution] = []
    last_person: Speaker | None = None
    for s, e in sentences:
        text = norm[s:e]
        # 'according to X, CONTENT' and 'CONTENT, according to X.'
        m = re.search(r"\b[Aa]ccording to\s+([^,.;]{2,80})", text)
        if m and not in_quote(s + m.start()):
            sp = _speaker_phrase(norm, s + m.start(1), s + m.end(1), people)
            if m.start() < 3:
                content = (s + m.end() + 1, e)
            else:
                content = (s, s + m.start())
            content = _trim(norm, *content)
            if sp and content[1] - content[0] > 10:
                spk = sp[0]
                if spk.kind == "pronoun":
                    spk = last_person or spk
                out.append(
                    Attribution(
                        "according-to", content, spk, sp[1], None, (s + m.start(), s + m.start() + 12), sp[2]
                    )
                )
                continue
        sentence_cues = [c for c in cues_in(s, e) if not in_quote(c[0])]
        done = False
        subject: tuple[Speaker, tuple[int, int], str] | None = None
        # 'X said (that) CONTENT'
        for c in sentence_cues:
            form = c[3].lower()
            if form.endswith("ing") or c[2].pos != "verb":
                continue
            sp = _subject_before(norm, s, c[0], people, in_quote)
            if sp is None and subject is not None and re.search(r"\band\s*$", norm[s : c[0]]):
                sp = subject  # 'City officials labeled ... and said that ...'
            if sp is not None:
                subject = sp
            rest = norm[c[1] : e]
            rm = re.match(r"\s+(that\s+)?", rest)
            if not rm or sp is None:
                continue
            after = rest[rm.end() :]
            first_word = re.match(r"[\w'\-]+", after)
            if not first_word:
                continue
            fw = first_word.group().lower()
            if rm.group(1) is None:
                if c[2].term.split()[0] not in _BARE_CLAUSE:
                    continue
                if fw in _PREPOSITIONS | _TIME_WORDS or fw in ("it", "so", "no", "yes", "thanks"):
                    continue
            content = _trim(norm, c[1] + rm.end(), e)
            if len(norm[content[0] : content[1]].split()) < 3:
                continue
            who: Speaker | None = sp[0]
            span, how = sp[1], sp[2]
            if who is not None and who.kind == "pronoun":
                who, how = (last_person, "pronoun") if last_person else (None, "unresolved")
            out.append(Attribution("reported", content, who, span, c[2], (c[0], c[1]), how))
            if who is not None and who.kind == "person":
                last_person = who
            done = True
            break
        if done:
            continue
        # 'CONTENT, the Pentagon said Thursday.'
        tm = re.search(
            r",\s+([^,;\"]{2,80}?)\s+(said|says|added|told \w+|announced|reported|noted)(?:\s+[\w,]+){0,3}\s*[.!]?$",
            text,
        )
        if tm and not in_quote(s + tm.start()) and tm.start() > 20:
            sp = _speaker_phrase(norm, s + tm.start(1), s + tm.end(1), people)
            if sp:
                teller: Speaker | None = sp[0]
                span, how = sp[1], sp[2]
                if teller is not None and teller.kind == "pronoun":
                    teller, how = (last_person, "pronoun") if last_person else (None, "unresolved")
                cue_hits = [c for c in sentence_cues if c[0] >= s + tm.start(2)]
                cue = cue_hits[0] if cue_hits else None
                content = _trim(norm, s, s + tm.start())
                out.append(
                    Attribution(
                        "reported",
                        content,
                        teller,
                        span,
                        cue[2] if cue else None,
                        (cue[0], cue[1]) if cue else None,
                        how,
                    )
                )
                if teller is not None and teller.kind == "person":
                    last_person = teller
    return out


def _trim(norm: str, s: int, e: int) -> tuple[int, int]:
    while s < e and norm[s] in " ,\n":
        s += 1
    while e > s and norm[e - 1] in " ,.\n":
        e -= 1
    return s, e
