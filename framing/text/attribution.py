"""Who says what: speakers of quotations and reported speech.

Patterns a careful reader recognises, in this order for each quotation:

1. after it: ``"...," Parnell said.``, ``"...," said Sean Parnell, the Pentagon's chief
   spokesman.``, ``"..." he added.``, and dash sign-offs ``"..." -- Commissioner Ruiz``;
2. a headline-style colon: ``Trump: "..."``;
3. before it, in the same sentence: ``Parnell said: "..."``, ``He added, "..."``, and
   partial quotations inside narration, whose speaker is the subject of the nearest
   speech verb (``Newsom criticized the order, calling it "purposefully
   inflammatory"``);
4. a quotation that follows another with nothing but its attribution between them
   continues the same speaker;
5. a quotation introduced by a comma or colon after a sentence that names one person
   (``a response from Pete Hegseth, who posted on X, "..."``) is that person's.

Quotation marks around a title ("the song "Born in the USA"") are not speech, nor are
words chanted, sung or recited ("the crowd chanted "We shall overcome""): a chant or a
lyric is a performance, not a source's statement, so it is read like a title; a few
quoted words with no speaker and no speech verb are scare quotes. Reported speech is
read from sentences: ``X said (that) ...``, ``X told reporters (that) ...``,
``..., the Pentagon said Thursday.``, ``..., said X.``, ``according to X, ...``.

Speakers are resolved within the article (:mod:`framing.text.names`): a surname, first
name or title with a surname is linked to the full name used elsewhere; "the governor"
to the last person with that title; "he" or "she" to the last matching speaker. What
cannot be resolved is marked ``unresolved``, never guessed: a "he" or "she" when two people
who may both be meant were named in the same sentence stays unresolved. Several people
joined by "and" ("Karen Bass and Gavin Newsom said") are one attribution whose speaker
is a ``group`` of named people (name "Karen Bass and Gavin Newsom"), not one person and
not one attribution each: the words were said once. People named in commas after a group
noun ("Two officials, Karen Bass and Tom Homan, said") are the speakers; a group noun
opening a sentence ("Officials said", "Critics say") is an unnamed source, not a name.
Offsets are normalised.
"""

from __future__ import annotations

import bisect
import re
import string
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..lexicon.inflect import noun_forms, verb_forms
from ..lexicon.kinds import CueVerb
from .matcher import PhraseMatcher, Unit, phrase_keys
from .names import PRONOUNS, Chunk, People, RoleBook, Speaker, chunks, sources_are_people, word_core
from .quotes import QuoteSpan

__all__ = ["UNRESOLVED", "Attribution", "Attributor", "Speaker", "cue_matcher"]

#: The name given to a speaker the text refers to ("he said") but never identifies.
UNRESOLVED = "(unresolved)"

_NOUN_MARKERS = frozenset("the a an his her their its our my your this these those every each no".split())
#: Words that open a modifier after the head of a noun phrase ("a person familiar with").
_POSTMODIFIERS = frozenset("familiar close involved knowledgeable briefed with from in at of for on".split())
#: Cue verbs whose base and -s forms are nouns as often ("support", "plans", "back"):
#: read as verbs only after a subject-like word, a modal, "to" or an adverb.
_ALSO_NOUNS = frozenset(
    """support back attack call plan claim report comment post tweet question praise blame promise pledge vow
    favor challenge offer voice order rule remark issue release list quote state""".split()
)
_VERB_LEADS = frozenset(
    """to will would could should might may can must not also still he she it they we i you
    who that which never often now just only did does do""".split()
)


#: How far before a speech verb its subject is looked for, in characters.
_SUBJECT_REACH = 400
#: How far back the patterns that read the words just before a cue look, in characters
#: (searched from there, so that a long sentence is not scanned again for every cue).
_TAIL = 100
_COMMA_BEFORE = re.compile(r",\s*(?:\w+ly\s+)?$")
_AND_BUT_BEFORE = re.compile(r"\b(?:and|but)\s*$")
_IN_BEFORE = re.compile(r"\b[Ii]n\s+$")


def _ends_in(text: str, chars: str) -> bool:
    """Whether the last character of ``text`` before any trailing whitespace is one of
    ``chars``: ``re.search(r"[...]\\s*$", text)`` without scanning the whole text, which
    matters for a long sentence with many quotations."""
    i = len(text) - 1
    while i >= 0 and text[i].isspace():
        i -= 1
    return i >= 0 and text[i] in chars


def _verb_lead(word: str) -> bool:
    """Whether ``word`` may stand just before a verb: a subject, a modal, "to", an adverb."""
    low = word.lower()
    return (
        low in _VERB_LEADS
        or low.endswith("ly")
        or word[:1].isupper()
        or low.endswith("n't")
        or low in ("percent", "%")  # '40 percent support Trump'
    )


#: A possessive just before a word: "Sanders's attacks", "the voters' support".
_POSSESSIVE_BEFORE = re.compile(r"\w(?:'s|s')\s+$")
#: A subject pronoun with a contracted auxiliary: "he's", "they've", "I'd".
_PRONOUN_CONTRACTION = re.compile(r"(?i)(he|she|it|they|we|i|you)'(?:s|re|ve|d|ll|m)")
#: A pronoun with a contracted auxiliary, which is no possessive: "he's said", "it's shown".
_CONTRACTED_BEFORE = re.compile(r"(?i)\b(?:he|she|it|that|there|who|what)'s\s+$")
#: Prepositions after which a cue word is a noun ("secretary of state", "in support").
_NOT_BEFORE_VERB = frozenset("of in for with from by on at into about without".split())
#: A form of "be" with up to two adverbs before a verb: "is also praising", "'s now saying".
_BE_BEFORE = re.compile(
    r"(?i)(?:\b(?:is|are|was|were|be|been|am)|'s|'re|'m)\s+(?:(?:\w+ly|also|still|now|not|just)\s+){0,2}$"
)
_BE_FORMS = frozenset("is are was were be been am 's 're".split())
_AUX = frozenset(
    """has have had was were is are will would also later then previously repeatedly
    publicly again once recently reportedly already further separately subsequently
    quickly immediately earlier initially still often has just however too now instead
    meanwhile nonetheless though even never not only ever first long since did does do
    can could may might must should""".split()
)
_TIME_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday today yesterday tonight
    on in at during last this earlier later when after before""".split()
)
_PREPOSITIONS = frozenset(
    "in on at to for with from by of about during after before through into over under as".split()
)
#: Auxiliaries and adverbs after the comma that closes an appositive, before the verb.
_TRAILING_AUX = re.compile(r"(?<=,)(?:\s+(?:has|have|had|also|later|then|once|never|would|will|[a-z]+ly))+$")
#: Words for a part of a group before "of": "one of two witnesses", "some of his aides".
_PART_OF = frozenset("one two three some many several most all each none both few".split())
#: Words that open a phrase before a sentence's subject: "Still, ...", "In response, ...".
_INTRODUCERS = _PREPOSITIONS | frozenset(
    "still however meanwhile yet but and so now instead also later earlier separately again then".split()
)
_DETERMINERS = frozenset("the a an this that these those".split())
_FUNCTION_WORDS = frozenset(
    """the a an this that these those both all some many most several few each every
    other another such no not and or but if then than when while where after before
    because since although though however meanwhile still yet also even only just
    there here it its they their them he his him she her we our us you your i my me
    who whom whose which what why how local federal state national international""".split()
)
#: Speech verbs whose reported content may follow without "that" ("He said the ...").
_BARE_CLAUSE = frozenset(
    """say add claim argue insist believe contend maintain allege admit acknowledge
    concede predict suggest think estimate write post tweet explain note stress
    reiterate assert warn fear hope expect feel know recall find show reveal conclude
    indicate agree point""".split()
)
#: Speech verbs that introduce reported content only with "that", a quotation or a
#: pronoun subject: "wrote a book about the border" is not speech; "wrote that the
#: border ..." and "wrote he would ..." are.
_NEEDS_THAT = frozenset(["write"])
_ADVERBIAL = (
    r"\s+(?:(?:on|last|this|earlier|later|in|at|during|late|early|previously|again|also|repeatedly|"
    r"publicly|privately|recently|today|yesterday|tonight|monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday|week|month|year|night|morning|afternoon|evening|a|an|the|news|conference|"
    r"interview|statement|speech|rally|meeting|briefing|with|to|his|her|their|its|"
    r"\w+day|[A-Z][\w.'-]*)\s+){1,8}?"
)
_TIME_ADVERBIAL = (
    r"\s+(?:(?:on|last|this|next|earlier|later|late|early)\s+)?(?:monday|tuesday|wednesday|thursday|"
    r"friday|saturday|sunday|week|month|year|night|morning|afternoon|evening|today|yesterday|tonight|"
    r"earlier|later)(?=\s)"
)
#: Words that begin a clause ("said the plan", "found PolitiFact rated ...").
_CLAUSE_START = re.compile(
    r"(?:the|a|an|his|her|their|its|our|he|she|they|we|i|it|there|this|that|[A-Z]\w*\s+(?!said)[a-z]+)\b"
)
#: "it" opening a clause, not the object of the verb ("said it would", not "said it again").
_IT_CLAUSE = re.compile(
    r"it\s+(?:[a-z]+ly\s+)?(?:would|will|could|can|may|might|must|should|shall|is|was|has|had|does|did|"
    r"remains|seems|appears|needs|wants|[a-z]+ed)\b"
)
#: "that" a few words after a speech verb, past a place or time ("said after a lunch on
#: Tuesday that").
_FAR_THAT = re.compile(r"\s+(?:[\w'.-]+,?\s+){1,10}?(that)\s+")
#: Verbs that make something public: speech only when what they publish is words.
_RELEASE_VERBS = frozenset("issue release publish".split())
_RELEASED_WORDS = re.compile(
    r"(?i)(?:[\w'-]+\s+){0,4}?(?:statements?|memos?|reports?|letters?|polls?|surveys?|study|studies|lists?|"
    r"analys[ie]s|emails?|transcripts?|warnings?|apolog(?:y|ies)|orders?|rulings?|guidance|rules|plans?|"
    r"proposals?|responses?|memoirs?|op-eds?|editorials?|documents?|records|results|findings|data|figures|"
    r"estimates|notices?|ads?|advertisements?|videos?|tweets?|posts?|remarks|comments|demands?|"
    r"ultimatums?|threats?|calls?|appeals?|endorsements?|platform|agenda|blueprint)\b"
)
#: Verbs whose content may be an infinitive ("vowed to fight").
_INTENT_VERBS = frozenset("promise pledge vow threaten plan intend refuse decline offer".split())
#: Attitude verbs whose object goes on with "as": "portrayed him as a fighter".
_AS_VERBS = frozenset("portray describe".split())
#: Verbs that take an object before their content ("told reporters that ...").
_OBJECT_VERBS = frozenset("tell warn urge assure remind inform ask promise brief encourage order".split())
_AUDIENCE = re.compile(
    r"(?:reporters|journalists|the press|the media|the crowd|supporters|lawmakers|members|"
    r"the audience|viewers|listeners|readers|the committee|congress|parliament|an audience|"
    r"a crowd|[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,3})",
)
_BOUNDARY = re.compile(
    r'(?:[.;:!?"\u2014]|\s--\s|\b(?:while|but|as|because|although|when|where|which|whereas|after|before|since|and)\b'
    r"|,\s+(?:and|but)\b)",
    re.I,
)
_RESPONDENTS = re.compile(
    r"(?i)(?:(?:about|nearly|almost|over|more than|fewer than|less than|just|only|roughly)\s+)?"
    r"(?:(?:\d+(?:\.\d+)?|[a-z]+(?:-[a-z]+)?)\s*(?:percent|per cent|%)|half|a third|two-thirds|"
    r"three-quarters|a quarter|a majority|most|many|few|(?:\w+) (?:in|of) (?:\d+|two|three|four|five|six|"
    r"seven|eight|nine|ten)(?:\s+[a-z][\w-]*){0,2})"
    r"(?:\s+of\s+[\w\s-]{2,40})?"
)
#: Head nouns of a poll, a study or a record that speaks for itself ("a new poll shows",
#: "exit polling found", "the emails reveal").
_RECORD_NOUNS = frozenset(
    """poll polls polling survey surveys study studies analysis data results figures numbers
    estimates projections audit email emails memo memos documents records filing filings
    tally article articles editorial""".split()
)
#: Words that may open what follows a record's head noun ("a poll released Sunday", "a
#: survey of likely voters").
_RECORD_AFTER = frozenset(
    """released conducted published taken obtained commissioned issued filed sent signed dated
    submitted of by from for among""".split()
)
_NUMBER_WORDS = frozenset(
    """three four five six seven eight nine ten eleven twelve twenty thirty forty fifty sixty
    seventy eighty ninety hundred half about nearly almost roughly only just more fewer""".split()
)
_TITLE_SMALL_WORDS = frozenset("a an the of in on at to for by and or but nor with from as".split())
_PARTY_AFTER = re.compile(r",?\s*\(?[DRI]-[A-Z][\w.]*(?:\s[A-Z][\w.]*)?\)?")
_NAME_BEFORE = re.compile(r"[A-Z][\w.'-]*\s*$")
#: A party code in brackets just before a speech verb: "Sen. Bernie Sanders (I-Vt.) said".
_PARTY_BEFORE = re.compile(r"\s*\([DRI]-[A-Z][\w.]*(?:\s[A-Z][\w.]*)?\)\s*,?\s*$")
#: "and" between two names: one coordinated subject ("Karen Bass and Gavin Newsom").
_NAMES_AND = re.compile(r"([A-Z][\w.'-]*),? and\s+(?=[A-Z])")
_TITLE_BEFORE = re.compile(
    r"(?i)\b(?:song|single|album|film|movie|book|novel|memoir|poem|play|show|series|episode|"
    r"documentary|article|essay|op-ed|column|headline|slogan|hashtag|program|programme|"
    r"operation|campaign|podcast|exhibition|painting|report|bill|act|phrase|term|word|motto|"
    r"nickname|chant|banner|sign|t-shirt)s?\s*(?:,|called|named|titled|entitled|dubbed|known as)?\s*$"
)
#: Words chanted, sung or recited are a performance, not a source's statement: read like
#: a title ('the crowd chanted "We shall overcome"', 'Protesters sang "This land is your
#: land"'), so they are no attribution and stay in narration.
_PERFORMED_BEFORE = re.compile(
    r"(?i)\b(?:chant(?:s|ed|ing)?|sang|sing(?:s|ing)?|sung|hum(?:s|med|ming)?|recit(?:e|es|ed|ing)|"
    r"belt(?:s|ed|ing)? out|strik(?:e|es|ing)? up|struck up)(?:\s+(?:along|together|loudly|again|out))?"
    r"\s*(?:,|:)?\s*$"
)
_NAMING_BEFORE = re.compile(
    r"(?i)\b(?:called|named|titled|entitled|dubbed|known as|so-called|the term|the word)\s*$"
)
#: A role in commas after a full name: "Sean Parnell, the Pentagon's chief spokesman,".
_APPOSITIVE_ROLE = re.compile(r",\s+((?:the|a|an)\s+[^,;:\"()\n]{2,80}?)\s*,")
_SPEECH_NOUNS = frozenset(
    "statement report letter memo email post tweet filing lawsuit complaint ruling order release".split()
)
#: Head nouns of a record read as the source: polls and studies, and documents that
#: speak ("a lawsuit filed Monday says", "the order accused").
_RECORD_HEADS = _RECORD_NOUNS | _SPEECH_NOUNS
_ABBREVIATION = re.compile(r"\b(?:[A-Z][a-z]{0,3}|[A-Z])\.")
_DASH_SIGNOFF = re.compile(r"\s*(?:\u2014|--?)\s*([^.!?\"\n]{2,80}?)\s*(?:[.\n]|$)")
_HEADLINE_COLON = re.compile(r"(?:^|\n|[.!?][\"']?\s)\s*((?:[A-Z][\w.'-]*\s*){1,4}):\s*$")
#: What may follow a parenthetical attribution: up to four words, then a comma or the end.
#: Where and how something was said, after the speaker's name ("Ana Ruiz in a report
#: Monday", "said Ana Ruiz in a statement"): no part of the speaker.
_PLACE_OF_SPEECH = re.compile(
    r"\s+(?:in|on|during|via|through)\s+(?:(?:a|an|the|his|her|their|its)\s+)?(?:[\w'-]+\s+){0,3}?"
    r"(?:statement|interview|report|release|email|post|tweet|letter|speech|call|conference|briefing|"
    r"appearance|op-ed|video|message|memo|filing)s?\b.*$",
    re.S,
)
_SHORT_TAIL = re.compile(r"(?:\s+[\w'.]+){0,4}?\s*(,|[.!?\"]*\s*$)")
#: The same after a place or time ("said in a statement on Friday,"): up to eight words.
#: Words are separated by spaces, so that the pattern cannot split one word in many ways
#: (a long word made it backtrack for milliseconds).
_PLACE_TAIL = re.compile(
    r"\s+(?:in|on|at|during|to|for|after)\s+[\w'.-]+(?:\s+[\w'.-]+){0,7}?\s*(,|[.!?\"]*\s*$)"
)
#: Words that end no subject: auxiliaries and times ("Parnell also said", "he said Friday").
_NOT_SUBJECT_END = _AUX | _TIME_WORDS | frozenset("itself himself herself themselves".split())
_SPEAKER_WORD = re.compile(r"[\w'.\-]+")
#: An adverb between a subject and its verb; nouns in -ly are not ("the family said").
_ADVERB = re.compile(r"(?!(?:family|assembly|anomaly|monopoly|homily|butterfly)$)[a-z]{4,}ly")
#: Words that open a noun phrase read as an unnamed source ("the women", "a new poll").
_NP_OPENERS = frozenset(
    "the a an his her their its our this these those some many most several both each every one another other".split()
)
#: Words that show a phrase is a clause, not a noun phrase ("the plan was", "the man who").
_NP_STOP = frozenset(
    """is are was were be been being am has have had do does did will would could can may
    might must should shall not never said says say told tells asked who whom whose which
    what that than as to of in on at by for with from into about over after before during
    one two time times year years day days week weeks way ways thing things""".split()
)
#: A description between dashes before a speech verb ("Jason Sims -- a teacher -- says").
_DASH_APPOSITIVE = re.compile(r"\s*(?:\u2014|--)[^\u2014\n]{2,100}?(?:\u2014|--)\s*$")
#: A possessive before a cue noun, with up to two words between ("Trump's recent claim",
#: "her own statement"): group 1 a name, group 2 a possessive pronoun.
_POSSESSOR = re.compile(
    r"(?:\b((?!(?:In|At|On|For|By|To|From|With)\s)(?:[A-Z][\w.'-]*\s+){0,3}[A-Z][\w.-]*)(?:'s|')|\b([Hh]is|[Hh]er|[Tt]heir|[Ii]ts))"
    r"\s+(?:[a-z][\w-]*\s+){0,2}$"
)
#: Where the object of a cue noun ends: a comma, or a verb of the sentence ("attacks on
#: Clinton have alarmed ...").
_OBJECT_END = re.compile(
    r"[,;:.]|\s(?=(?:is|are|was|were|has|have|had|will|would|could|can|may|might|should|must|did|does|do|"
    r"drew|made|came|went|got|gave|left|took|remains|seems|appears|[a-z]+ed)\b)"
)
#: What opens the content after a cue noun: "that", or a preposition.
_NOUN_CONTENT = re.compile(r"\s+(that|to|on|about|of|for|against|over)\s+")
#: A name and a colon opening a line ("Gingrich: Trump Must Decide").
_NAME_COLON = re.compile(r"\s*((?:[A-Z][\w.'-]*\s+){0,3}[A-Z][\w.'-]*):\s+")
#: A relative pronoun before a speech verb ("Ana Ruiz, who said", "the group, which
#: said"), and the antecedent's end before it. ("that" is left out: "a plan that
#: supports" is a thing far more often than a source.)
_WHO_BEFORE = re.compile(r"\s*,?\s+(who|which)\s+(?:(?:has|have|had|also|later|then|once|[a-z]+ly)\s+)*$")
#: Words that make a clause of a phrase ("of Democrats said they"): verbs of being,
#: auxiliaries and speech verbs.
_CLAUSE_WORDS = frozenset(
    """is are was were be been being am has have had do does did will would could can may
    might must should shall said says say told tells asked""".split()
)
_PASSIVE_BEFORE = re.compile(r"(?i)\b(?:is|are|was|were|be|been|being|get|gets|got)\s+(?:\w+ly\s+|not\s+)?$")
#: Nouns for people that no suffix shows ("the women said").
_PEOPLE_NOUNS = frozenset("people women men folks kids children parents residents voters".split())
#: An -ing word that is an item of a list, not a participle of the clause's subject:
#: right after a dash ("housing\u2014moving in"), or after a comma that closes another
#: such item ("housing, moving in, finding work").
_IN_LIST = re.compile(
    r"(?:\u2014|--)\s*$|(?:[,;:\u2014(]|--)\s*[a-z]+ing\b[^,;:\u2014\n]{0,60},\s*(?:and\s+)?$"
)
_PERSON_SUFFIXES = ("er", "or", "ist", "ee", "ant", "ent", "man", "woman", "ian", "ic", "ive", "al", "chief")


@dataclass(frozen=True, slots=True)
class Attribution:
    """Words attributed to a source, in normalised offsets.

    ``kind``: ``direct`` (a full quotation), ``partial`` (a few quoted words inside
    narration), ``scare`` (quoted words with no speaker: the outlet keeping its
    distance), ``reported`` (indirect speech), ``according-to``, ``thought`` (a
    belief, wish or plan reported in the outlet's words: "Trump believes ...", "the
    campaign plans to ..."; attributed, but not something the source said), or
    ``attitude`` (a position taken: "Sanders endorsed Clinton"; its object is not
    anyone's words, so it stays in the outlet's voice). ``resolution``:
    ``named``, ``surname``, ``first-name``, ``title``, ``pronoun``, ``relative``,
    ``continuation``, ``nearby-name`` or ``unresolved``. A ``relative`` speaker is
    the antecedent of a relative pronoun ("Ana Ruiz, who said ..."): ``speaker_span``
    is the pronoun ("who"), as it is "she" in "she said", and ``antecedent`` the
    phrase it stands for ("Ana Ruiz").
    """

    kind: str
    content: tuple[int, int]
    speaker: Speaker | None
    speaker_span: tuple[int, int] | None
    cue: CueVerb | None
    cue_span: tuple[int, int] | None
    resolution: str
    quote: int | None = None
    antecedent: tuple[int, int] | None = None


#: Phrasal verbs whose first word is a cue verb but which report no words or position
#: ("showed up early", "backed down", "called off the rally").
_NOT_CUE_PHRASALS = ("show up", "back down", "back away", "back off", "back out", "call off")


def cue_matcher(cues: Sequence[CueVerb]) -> PhraseMatcher[CueVerb | None]:
    """A matcher for every form of every cue verb, with phrases that are not speech."""
    phrases: list[tuple[tuple[str, ...], CueVerb | None]] = [
        (phrase_keys(p), None)
        for p in (
            "so-called",
            "a call",
            "the call",
            "post office",
            "said to be",
            "that said",
            "having said that",
            "compared with",
            "compared to",
        )
    ]
    for phrasal in _NOT_CUE_PHRASALS:
        verb, *rest = phrasal.split()
        for form in sorted(verb_forms(verb)):
            phrases.append((phrase_keys(" ".join([form, *rest])), None))
    for cue in cues:
        words = cue.term.split()
        variants = {cue.term}
        if cue.pos == "verb":
            variants |= {" ".join([f, *words[1:]]) for f in verb_forms(words[0])}
        elif cue.pos == "noun":
            variants |= {" ".join([*words[:-1], f]) for f in noun_forms(words[-1])}
        variants |= set(cue.forms)
        for v in sorted(variants):
            phrases.append((phrase_keys(v), cue))
    return PhraseMatcher(phrases)


@dataclass(frozen=True, slots=True)
class _Cue:
    start: int
    end: int
    cue: CueVerb
    form: str

    participle: bool = False
    """An -ing form not after "is", "was", ...: its subject is the clause's subject."""


class Attributor:
    """Attributes the quotations of one document and finds its reported speech."""

    def __init__(
        self,
        norm: str,
        sentences: Sequence[tuple[int, int]],
        quotes: Sequence[QuoteSpan],
        units: Sequence[Unit],
        cues: PhraseMatcher[CueVerb | None],
        book: RoleBook,
        scopes: Sequence[tuple[int, int]],
    ):
        self.norm = norm
        self.sentences = list(sentences)
        self._sentence_starts = [s for s, _ in self.sentences]
        self.quotes = list(quotes)
        self._quote_starts = [q.start for q in self.quotes]
        self.book = book
        self.scopes = scopes
        self._title_cache: dict[int, bool] = {}
        self._cues = []
        #: cue words used as nouns ("Trump's claim that", "her statement on")
        self._nouns: list[_Cue] = []
        for i, j, cue in cues.find(units):
            if cue is None:
                continue
            form = norm[units[i].start : units[j - 1].end]
            before = norm[max(0, units[i].start - 3) : units[i].start].rstrip()
            if (
                form[:1].isupper()
                and before
                and before[-1] not in '.!?":\n\u2014'
                and not self._title_case(units[i].start)
            ):
                continue  # 'the United States': a capitalised word mid-sentence is a name
            if norm[max(0, units[i].start - 2) : units[i].start].endswith(("<", "</")):
                continue  # '<tweet id="...">': markup, not a word of the text
            if cue.pos == "noun" or (
                len(form.split()) == 1
                and (
                    (i > 0 and units[i - 1].key in _NOUN_MARKERS | _NOT_BEFORE_VERB)
                    or (
                        _POSSESSIVE_BEFORE.search(norm, max(0, units[i].start - 4), units[i].start)
                        and not _CONTRACTED_BEFORE.search(norm, max(0, units[i].start - 8), units[i].start)
                    )
                )
            ):
                # 'the report', 'the plans', 'secretary of state': a noun, not a verb
                self._nouns.append(_Cue(units[i].start, units[j - 1].end, cue, form))
                continue
            word = form.lower()
            if (
                cue.term in _ALSO_NOUNS
                and word in (cue.term, cue.term + "s")
                and i > 0
                and not _verb_lead(norm[units[i - 1].start : units[i - 1].end])
                and not re.match(r"\s+(?:to|that)\s", norm[units[j - 1].end : units[j - 1].end + 6])
            ):
                continue  # 'grassroots support', 'flown back', 'the tax cut plans': not a verb
            participle = form.lower().split()[0].endswith("ing") and not (
                i > 0
                and (
                    units[i - 1].key in _BE_FORMS
                    or bool(_BE_BEFORE.search(norm, max(0, units[i].start - 40), units[i].start))
                )
            )  # a progressive ('is now saying') is no participle
            self._cues.append(_Cue(units[i].start, units[j - 1].end, cue, form, participle))
        self._cue_starts = [c.start for c in self._cues]
        lower = {word for u in units if (word := norm[u.start : u.end])[0].islower()}
        self.people = People(book, frozenset(lower | _FUNCTION_WORDS))
        #: every capitalised phrase of the document, found once
        self.names: list[Chunk] = [c for s, e in scopes for c in chunks(norm, s, e, book)]
        self._name_starts = [c.start for c in self.names]
        for c in self.names:
            self.people.add(c)
            if c.is_person and len(c.name) >= 2:
                self.people.seen(" ".join(c.name), c.start, c.end)
                role = _APPOSITIVE_ROLE.match(norm, c.end)
                if role and self.book.find(role.group(1).split()) is not None:
                    # 'Sean Parnell, the Pentagon's chief spokesman,': "the spokesman" later
                    self.people.add_role(" ".join(w.removesuffix("'s") for w in c.name), role.group(1))
            elif c.is_person and (full := self.people._by_surname.get(word_core(c.name[0]))):
                self.people.seen(full, c.start, c.end)  # 'Bass left.': the last one mentioned
        self._last_speaker: Speaker | None = None
        self._previous: tuple[int, Attribution] | None = None  # the last attributed quotation
        #: the antecedent's span of each relative pronoun read as a speaker ("who" -> "Ana Ruiz")
        self._antecedents: dict[tuple[int, int], tuple[int, int]] = {}

    # ------------------------------------------------------------------ helpers

    def _title_case(self, pos: int) -> bool:
        """Whether the sentence at ``pos`` is a headline in title case ("Trump Says He
        Will Win"), where a capitalised word may be a verb."""
        i = bisect.bisect_right(self._sentence_starts, pos) - 1
        if i < 0 or not self.sentences[i][0] <= pos < self.sentences[i][1]:
            return False
        if i not in self._title_cache:
            words = re.findall(r"[A-Za-z][\w'-]*", self.norm[slice(*self.sentences[i])])
            major = [w for w in words if w.lower() not in _TITLE_SMALL_WORDS]
            self._title_cache[i] = len(major) >= 4 and sum(w[0].isupper() for w in major) >= 0.9 * len(major)
        return self._title_cache[i]

    def chunks_in(self, start: int, end: int) -> list[Chunk]:
        """The capitalised phrases within ``[start, end)``, from those found once; where
        the range cuts through one, the range is read again on its own."""
        i = bisect.bisect_left(self._name_starts, start)
        if i > 0 and self.names[i - 1].end > start:
            return chunks(self.norm, start, end, self.book)
        out = []
        names = self.names
        while i < len(names) and names[i].start < end:
            if names[i].end > end:
                return chunks(self.norm, start, end, self.book)
            out.append(names[i])
            i += 1
        return out

    def _sentence_of(self, pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(self._sentence_starts, pos) - 1
        if i >= 0 and self.sentences[i][0] <= pos < self.sentences[i][1]:
            return self.sentences[i]
        return pos, pos

    def _cues_in(self, start: int, end: int) -> list[_Cue]:
        lo = bisect.bisect_left(self._cue_starts, start)
        hi = bisect.bisect_left(self._cue_starts, end)
        return [c for c in self._cues[lo:hi] if c.end <= end and not self.in_quote(c.start)]

    def in_quote(self, pos: int) -> bool:
        """Whether ``pos`` is inside a quotation's marks (the marks themselves are not)."""
        i = bisect.bisect_right(self._quote_starts, pos) - 1
        return i >= 0 and self.quotes[i].start < pos < self.quotes[i].end - 1

    def _opens_quote(self, pos: int) -> bool:
        """Whether a quotation opens at ``pos``."""
        i = bisect.bisect_left(self._quote_starts, pos)
        return i < len(self.quotes) and self.quotes[i].start == pos

    def _quote_in(self, start: int, end: int) -> bool:
        """Whether a quotation opens in ``[start, end)``."""
        i = bisect.bisect_left(self._quote_starts, start)
        return i < len(self.quotes) and self.quotes[i].start < end

    def _paragraph_end(self, pos: int) -> int:
        e = self.norm.find("\n", pos)
        return len(self.norm) if e == -1 else e

    # ------------------------------------------------------------------ speakers

    def speaker_phrase(self, start: int, end: int) -> tuple[Speaker, tuple[int, int], str] | None:
        """Read ``norm[start:end]`` as the subject of a speech verb (see ``_speaker_phrase``);
        where that fails, the words after its last comma ("In response, Twitter said")."""
        found = self._speaker_phrase(start, end)
        if found is None:
            comma = self.norm.rfind(",", start, end)
            if comma != -1 and self.norm[comma + 1 : end].strip() and not self.in_quote(comma):
                found = self._speaker_phrase(comma + 1, end)
        return found

    def _speaker_phrase(self, start: int, end: int) -> tuple[Speaker, tuple[int, int], str] | None:
        """Read ``norm[start:end]`` as the subject of a speech verb; None if it is not one.

        Handles appositives (``Sean Parnell, the Pentagon's chief spokesman,``),
        relative clauses (``Tom Homan, who is on the ground in LA,``), "including"
        (``advocates, including Angelica Salas of ...,``), several people joined by
        "and", pronouns, titles ("the governor") and unnamed groups ("city officials").
        """
        text = self.norm
        stripped = text[start:end].rstrip()
        place = _PLACE_OF_SPEECH.search(stripped)
        if place is not None and place.start() > 0:
            stripped = stripped[: place.start()]  # 'Ana Ruiz in a report Monday said': Ana Ruiz
        # auxiliaries after an appositive: 'Trump, who has relied on fervor, has said'
        if _TRAILING_AUX.search(stripped) and re.search(r",\s+(?:who|which)\s", stripped):
            stripped = _TRAILING_AUX.sub("", stripped)
        appositive: tuple[int, int] | None = None
        if stripped.endswith(","):
            inner_end = start + len(stripped) - 1
            prev = text.rfind(",", start, inner_end)
            if prev == -1:
                return None
            appositive = (prev + 1, inner_end)
            stripped = text[start:prev].rstrip()
            # more than one: 'Marley Anderson, 21, a junior from Las Vegas,'
            for _ in range(2):
                comma = stripped.rfind(",")
                if comma == -1 or len(stripped[comma + 1 :].split()) > 6:
                    break
                opening = stripped[:comma].split()
                if not opening or (
                    len(opening) <= 3
                    and (word_core(opening[0]) in _INTRODUCERS or opening[0].lower().endswith("ly"))
                ):
                    break  # 'Still, Tad Devine, a senior adviser,': the name is no appositive
                appositive = (start + comma + 1, appositive[1])
                stripped = stripped[:comma].rstrip()
        words = list(_SPEAKER_WORD.finditer(text[start : start + len(stripped)]))
        spoken_end = start + words[-1].end() if words else start
        while words and (
            words[-1].group().lower() in _NOT_SUBJECT_END or _ADVERB.fullmatch(words[-1].group())
        ):
            words.pop()  # 'Carter however said', 'Trump flatly denied'

        if not words:
            return None
        # 'A majority of Democrats said they', 'Voters are more likely to', 'The email goes
        # on to': a clause, whose only source may be a name that ends it ('analysts say
        # Mr. Putin would')
        clause = words[-1].group() == "to" or any(w.group().lower() in _CLAUSE_WORDS for w in words)
        np_start = start + words[0].start()
        np_end = start + words[-1].end()
        last = words[-1].group()
        low = word_core(last)
        contracted = _PRONOUN_CONTRACTION.fullmatch(last)
        if contracted and len(words) == 1:  # "he's said", "they've said"
            return (
                Speaker(contracted.group(1), "pronoun", named=False),
                (np_start, np_start + contracted.end(1)),
                "pronoun",
            )
        if low in PRONOUNS and len(words) == 1:
            return Speaker(last, "pronoun", named=False), (np_start, np_end), "pronoun"
        if text[np_end : np_end + 1] == "%":
            np_end += 1  # '42% say'
        if not clause and _RESPONDENTS.fullmatch(text[np_start:np_end]):
            # '47 percent said', 'three-quarters said': people answering a poll
            return (
                Speaker(text[np_start:np_end], "group", "poll respondents", named=False),
                (np_start, np_end),
                "named",
            )
        record = None if clause else self._record_phrase(words, start)
        if record is not None:
            dated = text[record[1][1] : spoken_end]
            if dated.strip() and all(w.lower() in _TIME_WORDS for w in dated.split()):
                record = (record[0], (record[1][0], spoken_end), record[2])  # 'filed Monday'
            return record
        found = self.chunks_in(np_start, np_end)
        # 'Rep. Lee Zeldin of New York': the person, from a place or body
        while (
            len(found) >= 2
            and found[-2].is_person
            and re.fullmatch(r"\s+of\s+(?:the\s+)?", text[found[-2].end : found[-1].start])
        ):
            found = [*found[:-2], found[-2]]
            np_end = found[-1].end
        if appositive is not None:
            app_text = text[appositive[0] : appositive[1]].strip()
            named = self._names_for_group(found, appositive, text[np_start:np_end])
            if named is not None:
                return named
            if app_text.lower().startswith("including"):
                inner = [c for c in self.chunks_in(*appositive) if c.is_person]
                resolved = self.people.resolve(inner[0]) if inner else None
                if resolved:
                    spk = resolved[0]
                    # 'Angelica Salas of the Coalition for Humane Immigrant Rights'
                    affiliation = text[inner[0].end : appositive[1]].strip(" ,")
                    if spk.role is None and affiliation.lower().startswith(("of ", "from ", "with ", "at ")):
                        spk = Speaker(spk.name, spk.kind, affiliation)
                    return spk, (inner[0].start, inner[0].end), resolved[1]
        tail = found[-1] if found and found[-1].end >= np_end - 1 else None
        if tail is not None and (self._group_noun(tail) or _common_word(tail)):
            tail = None  # 'Officials said', 'Critics say', 'One of': a capitalised word, not a name
        resolved = self.people.resolve(tail) if tail is not None else None
        if tail is not None and resolved is not None and not (low in _SPEECH_NOUNS and not tail.is_person):
            spk, how = resolved
            role = spk.role
            mention_start = tail.start
            if spk.kind == "person":
                # lowercase words before the name: "Pentagon spokesman Sean Parnell"
                lead = text[np_start : tail.start].strip(" ,")
                if (
                    lead
                    and "," not in text[np_start : tail.start]
                    and len(lead.split()) <= 6
                    and not re.search(r"\band\b|[,;:]", lead)
                    and not self._cues_in(np_start, tail.start)
                ):
                    role = " ".join(x for x in (lead, role) if x and x not in lead) or lead
                    mention_start = np_start
            if appositive is not None and spk.kind == "person":
                app = text[appositive[0] : appositive[1]].strip()
                if not app.lower().startswith(("who ", "which ", "including")) and app not in (role or ""):
                    role = app if role is None else f"{role}, {app}"
            persons = [x for x in found if x.is_person]
            if len(persons) > 1 and "and" in text[persons[0].end : tail.start].split():
                names = [r[0].name for x in persons if (r := self.people.resolve(x))]
                roles = " and ".join(" ".join(x.role) for x in persons if x.role) or None
                return Speaker(" and ".join(names), "group", roles), (persons[0].start, tail.end), how
            return Speaker(spk.name, spk.kind, role), (mention_start, tail.end), how
        if clause:
            return None
        post = next((k for k, w in enumerate(words) if k > 0 and w.group().lower() in _POSTMODIFIERS), None)
        if post is not None and len(words) - post <= 8:
            # 'a person familiar with the planning', 'one Republican involved in the talks':
            # the head before its modifier is the source; the mention is the whole phrase
            core = self._speaker_phrase(np_start, start + words[post - 1].end())
            if (
                core is None
                and words[post].group().lower() == "of"
                and post + 1 < len(words)
                and word_core(words[0].group()) in _PART_OF
            ):
                # 'one of two witnesses', 'some of his aides': the group after "of"
                core = self._speaker_phrase(start + words[post + 1].start(), np_end)
                if core is not None and core[0].kind != "pronoun":
                    spk = Speaker(text[np_start:np_end], core[0].kind, core[0].role, named=False)
                    return spk, (np_start, np_end), core[2]
            if core is not None and core[0].kind != "pronoun":
                spk = core[0]
                if not spk.named:  # an unnamed source is named by the whole description
                    phrase = re.sub(r"(?i)^(?:the|a|an)\s+", "", text[core[1][0] : np_end])
                    spk = Speaker(phrase, spk.kind, spk.role, spk.source_type, False, spk.party)
                return spk, (core[1][0], np_end), core[2]
        if len(words) > 8:
            return None
        comma = text.rfind(",", np_start, np_end)
        if comma != -1 and appositive is None:
            # 'Even though skateboarding is sanctioned, the women say': the subject follows
            words = [w for w in words if start + w.start() > comma]
            np_start = start + words[0].start()
        head = [w.group() for w in words]
        # a statement or report of a named body: "a White House statement said"
        if low in _SPEECH_NOUNS and found:
            c = found[-1]
            return Speaker(c.text, "institution", None), (c.start, c.end), "named"
        role_entry = self.book.find(head)
        if role_entry is None and low not in _SPEECH_NOUNS:
            return self._plain_noun_phrase(words, start)
        if low in ("source", "sources") and not sources_are_people(
            text[np_start : words[-1].start() + start]
        ):
            return None  # 'The water sources say a lot': things, not people
        while head and word_core(head[0]) in _DETERMINERS:
            head.pop(0)
        name = " ".join(head)
        if role_entry is not None and role_entry.usage == "title" and len(head) <= 3:
            person = self.people.by_title(low, np_start)
            if person is not None:
                return Speaker(person.name, "person", person.role), (np_start, np_end), "title"
            return Speaker(name, "person", None, named=False), (np_start, np_end), "unresolved"
        kind = (
            "person"
            if low in ("spokesman", "spokeswoman", "spokesperson", "official", "source", "aide")
            else "group"
        )
        return Speaker(name, kind, None, named=False), (np_start, np_end), "named"

    def _plain_noun_phrase(
        self, words: list[re.Match[str]], start: int
    ) -> tuple[Speaker, tuple[int, int], str] | None:
        """A short noun phrase that no lexicon knows, read as an unnamed source: "the
        women", "the Republican nominee", "Trump's campaign", "a new poll". It opens with
        a determiner or a possessive, or is a lowercase plural ("analysts"); no word in it
        may be a function word, an auxiliary or an adverb, so that a clause is not read
        as a subject."""
        texts = [w.group() for w in words]
        if not 1 <= len(texts) <= 5:
            return None
        first, rest = texts[0], texts[1:]
        opener = word_core(first) in _NP_OPENERS or first.lower().endswith(("'s", "s'"))
        if not opener:
            rest = texts
            if not (len(texts) <= 3 and texts[-1].endswith("s") and texts[-1].islower()):
                return None
        if not rest or not re.fullmatch(r"[a-z][a-z-]+", rest[-1]):
            return None
        for w in rest:
            key = w.lower()
            if (
                key in _FUNCTION_WORDS
                or key in _NP_STOP
                or key.endswith("ly")
                or not re.fullmatch(r"[\w'.-]+", w)
            ):
                return None
        np_start, np_end = start + words[0].start(), start + words[-1].end()
        name = " ".join(t for t in texts if word_core(t) not in _DETERMINERS)
        head = rest[-1].lower()
        if head.endswith("s") and not head.endswith(("ss", "us")):
            kind = "group"
        elif head.endswith(_PERSON_SUFFIXES):
            kind = "person"
        else:
            kind = "institution"
        return Speaker(name, kind, None, named=False), (np_start, np_end), "named"

    def _record_phrase(
        self, words: list[re.Match[str]], start: int
    ) -> tuple[Speaker, tuple[int, int], str] | None:
        """A poll, a study or a record as the source: "A new Washington Post-ABC News
        poll", "Exit polling", "New polls released Sunday", "Early results from the
        state's districts". Its head is one of ``_RECORD_NOUNS``; before it only names,
        a determiner or possessive and modifiers; after it at most a short modifier
        that opens with a participle or a preposition."""
        texts = [w.group() for w in words]
        k = next((i for i in range(len(texts) - 1, -1, -1) if texts[i] in _RECORD_HEADS), None)
        if k is None or k > 7 or len(texts) - k > 9:
            return None
        if texts[k] not in _RECORD_NOUNS and any(
            w[:1].isupper() and w.lower() not in _TIME_WORDS for w in texts[1:]
        ):
            return None  # 'a White House statement', 'a statement from the ACLU': the body's
        if k + 1 < len(texts) and texts[k + 1].lower() not in _RECORD_AFTER:
            return None
        for i, w in enumerate(texts[:k]):
            key = w.lower()
            if i == 0 and (key in _NP_OPENERS or key.endswith(("'s", "s'"))):
                continue
            if key in _FUNCTION_WORDS or key in _NP_STOP or key in _RECORD_AFTER:
                return None
        np_start, np_end = start + words[0].start(), start + words[-1].end()
        name = " ".join(t for t in texts[: k + 1] if word_core(t) not in _DETERMINERS)
        return Speaker(name, "institution", None, named=False), (np_start, np_end), "named"

    def _described_source(self, start: int, end: int) -> tuple[Speaker, tuple[int, int], str] | None:
        """Whatever "according to" names is its source, even one that no lexicon knows
        ("according to the foundation's tally", "according to a newly uncovered email"):
        the phrase up to a relative clause, as an unnamed source."""
        m = re.match(r"\s*(.+?)\s*(?:\b(?:who|which|that|when|because)\b|$)", self.norm[start:end])
        if m is None or not m.group(1) or m.group(1).lower() in PRONOUNS:
            return None
        span = (start + m.start(1), start + m.end(1))
        subject = {"him": "he", "her": "she", "them": "they", "me": "I", "us": "we"}.get(m.group(1).lower())
        if subject is not None:  # 'according to him': resolved like "he said"
            return Speaker(subject, "pronoun", named=False), span, "pronoun"
        words = m.group(1).split()
        if len(words) > 8:
            return None
        name = " ".join(words[1:] if word_core(words[0]) in _DETERMINERS else words)
        kind = "group" if words[-1].endswith("s") and words[-1].islower() else "institution"
        return Speaker(name, kind, None, named=False), span, "named"

    def _group_noun(self, chunk: Chunk) -> bool:
        """Whether a one-word capitalised phrase is a group or role noun opening a
        sentence ("Officials", "Critics", "Experts"), not a name the article uses."""
        if len(chunk.name) != 1 or chunk.role:
            return False
        key = word_core(chunk.name[0])
        if key in self.people._by_surname or key in self.people._by_first:
            return False
        entry = self.book.find([key])
        return entry is not None and entry.usage == "role"

    def _names_for_group(
        self, found: list[Chunk], appositive: tuple[int, int], head: str
    ) -> tuple[Speaker, tuple[int, int], str] | None:
        """'Two officials, Karen Bass and Tom Homan,': the people named in commas after a
        group noun are the speakers, with the group noun as their role."""
        entry = self.book.find(head.split())
        if entry is None or entry.usage != "role" or any(len(c.name) >= 2 for c in found):
            return None
        inner = [c for c in self.chunks_in(*appositive) if c.is_person and len(c.name) >= 2]
        if not inner:
            return None
        rest = self.norm[appositive[0] : appositive[1]]
        for c in reversed(inner):
            rest = rest[: c.start - appositive[0]] + rest[c.end - appositive[0] :]
        if not re.fullmatch(r"[\s,]*(?:and[\s,]*)?", rest):
            return None
        resolved = [r[0] for c in inner if (r := self.people.resolve(c))]
        if len(resolved) != len(inner):
            return None
        span = (inner[0].start, inner[-1].end)
        head = re.sub(r"(?i)^(?:(?:the|a|an|one|two|three|four|five|several|some|both)\s+)+", "", head)
        if len(resolved) == 1:
            return Speaker(resolved[0].name, "person", resolved[0].role or head), span, "named"
        return Speaker(" and ".join(r.name for r in resolved), "group", head), span, "named"

    def subject_before(self, sent_start: int, cue_start: int) -> tuple[Speaker, tuple[int, int], str] | None:
        """The subject of the speech verb at ``cue_start``: the phrase after the last
        clause boundary (outside quotation marks) before it.

        Only the last :data:`_SUBJECT_REACH` characters are read: no subject is longer,
        and a run-on "sentence" with thousands of cue words is then read in linear time."""
        norm = self.norm
        if cue_start - sent_start > _SUBJECT_REACH:
            space = norm.find(" ", cue_start - _SUBJECT_REACH, cue_start)
            sent_start = cue_start - _SUBJECT_REACH if space == -1 else space + 1
        cuts = [sent_start]
        for m in _BOUNDARY.finditer(norm, sent_start, cue_start):
            if self.in_quote(m.start()):
                continue
            if m.group().lower() == "and" and _NAME_BEFORE.search(norm, sent_start, m.start()):
                continue  # "Karen Bass and Gavin Newsom said": one subject
            if m.group() == "." and _ABBREVIATION.search(norm, max(sent_start, m.start() - 4), m.end()):
                continue  # 'a spokesman for Mrs. Clinton said': 'Mrs.' ends nothing
            cuts.append(m.end())
        party = _PARTY_BEFORE.search(norm, cuts[-1], cue_start)
        stop = party.start() if party else cue_start  # 'Sen. Bernie Sanders (I-Vt.) said'
        if _WHO_BEFORE.search(norm, max(sent_start, stop - 60), stop):
            return self._antecedent(sent_start, stop)
        found = self.speaker_phrase(cuts[-1], stop)
        dash = _DASH_APPOSITIVE.search(norm, sent_start, stop)
        if found is None and dash is not None:
            # 'Jason Sims — a teacher from Mount Pleasant — says'
            before = [c for c in cuts if c <= dash.start()]
            found = self.speaker_phrase(before[-1], dash.start())
        if found is None and len(cuts) > 1 and norm[cuts[-1] : stop].rstrip().endswith(","):
            # 'Sanders, whose coalition includes young people and independents, said': the
            # boundary is inside an appositive; read the subject from before it
            for cut in reversed(cuts[-3:-1]):
                if "," in norm[cut : cuts[-1]]:
                    found = self.speaker_phrase(cut, stop)
                    if found is not None:
                        break
        return found

    def _antecedent(self, sent_start: int, stop: int) -> tuple[Speaker, tuple[int, int], str] | None:
        """The source of a relative clause's verb: 'Ted Cruz, who said ...', '23 percent
        who said ...', 'voters who say ...', 'the group, which said ...'. The mention is
        the relative pronoun, as "he" is the mention in "he said"; the speaker is the
        name or noun phrase before it (resolution ``relative``), whose span is kept in
        ``_antecedents``."""
        norm = self.norm
        m = _WHO_BEFORE.search(norm, max(sent_start, stop - 60), stop)
        if m is None or self.in_quote(m.start()):
            return None
        found = self._antecedent_phrase(sent_start, m.start(), m.group(1).lower())
        if found is None:
            return None
        pronoun = (m.start(1), m.end(1))
        self._antecedents[pronoun] = found[1]
        return found[0], pronoun, "relative"

    def _antecedent_phrase(
        self, sent_start: int, end: int, pronoun: str
    ) -> tuple[Speaker, tuple[int, int], str] | None:
        """The name or noun phrase that ends at ``end``, before a relative pronoun."""
        norm = self.norm
        names = [c for c in self.chunks_in(max(sent_start, end - 60), end) if c.end == end]
        persons = [
            c
            for c in names
            if c.is_person and (len(c.name) >= 2 or word_core(c.name[0]) in self.people._by_surname)
        ]
        if persons:
            resolved = self.people.resolve(persons[-1])
            if resolved:
                return resolved[0], (persons[-1].start, persons[-1].end), resolved[1]
        elif names and pronoun == "which":  # 'the Elm City Council, which said': the whole name
            found = self._speaker_phrase(names[-1].start, end)
            if found is not None and found[0].kind != "pronoun":
                return found
        words = list(_SPEAKER_WORD.finditer(norm, max(sent_start, end - 60), end))
        if not words or (pronoun == "who" and not words[-1].group()[0].islower()):
            return None  # 'Texas, who said': a capitalised word that is not a known name
        for k in range(1, min(4, len(words)) + 1):  # the shortest phrase that is a source
            if _BOUNDARY.search(norm, words[-k].start(), end) or words[-k].group().lower() in _PREPOSITIONS:
                continue
            found = self._speaker_phrase(words[-k].start(), end)
            if found is not None and found[0].kind != "pronoun":
                return found
        return None

    def finish(
        self, found: tuple[Speaker, tuple[int, int], str] | None, pos: int
    ) -> tuple[Speaker | None, str]:
        """Resolve pronouns and describe the source; remember persons for later."""
        if found is None:
            return None, "unresolved"
        spk, span, how = found
        if spk.kind == "pronoun":
            if spk.name.lower() in ("he", "she"):
                person = self.people.by_pronoun(
                    spk.name, pos, self._last_speaker, lambda at: self._sentence_of(at)[0]
                )
            elif (
                self._last_speaker is not None
                and spk.name.lower() == "they"
                and self._last_speaker.kind != "person"
            ):
                person = None
                spk, how = self._last_speaker, "pronoun"
            else:
                person = None
            if person is not None:
                self.people.learn_pronoun(person.name, spk.name)
                spk, how = Speaker(person.name, "person", person.role), "pronoun"
            elif spk.kind == "pronoun":
                # marked, not guessed: the mention stays, the speaker is unknown
                return Speaker(UNRESOLVED, "unresolved", None, "unknown", named=False), "unresolved"
        described = self.book.describe(spk)
        if not described.named and described.kind not in ("pronoun", "unresolved"):
            name = self._common_name(described.name, span)
            described = Speaker(
                name, described.kind, described.role, described.source_type, False, described.party
            )
        code = _PARTY_AFTER.match(self.norm, span[1])
        if code and described.party is None:  # 'Sen. Bo Tate (R-Texas)'
            described = Speaker(
                described.name,
                described.kind,
                described.role,
                described.source_type,
                described.named,
                self.book.party(code.group()),
            )
        if described.kind == "person" and described.named:
            described = self.people.remember(described)
            self.people.seen(described.name, *span)
        if described.named or described.kind != "pronoun":
            self._last_speaker = described
        return described, how

    def _common_name(self, name: str, span: tuple[int, int]) -> str:
        """The name of a source the text does not name, as a reader would say it: "the
        order" for "The order accused ...", "sources" for "Sources say ...". A first word
        capitalised only because it opens the sentence is lowercased; a source the text
        introduces with "the", "a" or "an" is "the ..." wherever it is mentioned, so that
        "A spokesman said" and "the spokesman added" are one voice."""
        words = name.split()
        if not words:
            return name
        first = words[0]
        low = first.lower()
        if first[:1].isupper() and (
            low in self.people.common
            or low in _UNNAMED_OPENERS
            or (self.book.vague([low]) and self.book.party(low.removesuffix("s")) is None)  # not "Democrats"
        ):
            words[0] = low
        opener = self.norm[span[0] : span[1]].split()[:1]
        if opener and opener[0].lower() in ("the", "a", "an") and words[0].lower() not in _DETERMINERS:
            words.insert(0, "the")
        return " ".join(words)

    # ------------------------------------------------------------------ quotations

    def quote_kind(self, q: QuoteSpan, sent_start: int) -> str:
        before = self.norm[max(sent_start, q.start - 60) : q.start]
        content = self.norm[q.content[0] : q.content[1]].strip(" ,.")
        words = content.split()
        if re.search(r"(?i)\bso-called\s*$", before):
            return "scare"
        signed = self.norm[q.content[0] : q.content[1]].rstrip()[-1:] == "," and any(
            len(self.norm[q.end : c.start].split()) <= 4 for c in self._cues_in(q.end, q.end + 60)
        )  # '... program, "states needed it," DeSantis said': words said, not a title
        if _PERFORMED_BEFORE.search(before) or (
            not signed
            and (
                _TITLE_BEFORE.search(before)
                or (_NAMING_BEFORE.search(before) and len(words) <= 6 and "," not in content)
            )
        ):
            return "title"
        major = [w for w in words if w.lower() not in _TITLE_SMALL_WORDS]
        if (
            len(words) >= 2
            and major
            and sum(w[:1].isupper() for w in major) >= 0.75 * len(major)
            and _ends_in(before, string.ascii_lowercase)
            and not self._cues_in(sent_start, q.start)
        ):
            return "title"  # 'She sang "Born in the Dark"': a title-cased name of a work
        if _ends_in(before, string.ascii_letters + string.digits):
            return "partial"
        if content[:1].islower() and not _ends_in(before, ",:"):
            return "partial"
        return "direct"

    def attribute_quote(self, qi: int, q: QuoteSpan) -> Attribution | None:
        norm = self.norm
        cs, ce = q.content
        content = norm[cs:ce].rstrip()
        sent_s = self._sentence_of(q.start)[0]
        kind = self.quote_kind(q, sent_s)
        if kind == "title":
            return None
        if kind == "scare":
            return Attribution("scare", q.content, None, None, None, None, "scare", qi)
        before = norm[sent_s : q.start]
        found: tuple[Speaker, tuple[int, int], str] | None = None
        cue: _Cue | None = None

        # 1. after the quotation
        para_end = self._paragraph_end(q.end)
        ends_sentence = content.endswith(".") and not re.match(
            r"\s*(?:he|she|they|said)\b", norm[q.end : q.end + 8]
        )
        after_ok = not ends_sentence and (
            content[-1:] in (",", "!", "?", "-", "\u2014")
            or kind == "direct"
            or norm[q.end : q.end + 1] == ","
        )
        m = _DASH_SIGNOFF.match(norm, q.end, para_end)
        if m and kind == "direct":  # '"..." -- Commissioner Ana Ruiz'
            found = self.speaker_phrase(m.start(1), m.end(1))
            if found is None:
                chunk_list = self.chunks_in(m.start(1), m.end(1))
                resolved = self.people.resolve(chunk_list[0]) if chunk_list else None
                if resolved:
                    found = (resolved[0], (chunk_list[0].start, chunk_list[0].end), resolved[1])
        if after_ok:
            tail = self._cues_in(q.end, min(para_end, q.end + 200))
            if found is None and tail:
                c0 = tail[0]
                gap = norm[q.end : c0.start]
                plain_gap = _ABBREVIATION.sub(" ", gap)  # 'Mr. Ortiz' ends no sentence
                plain_gap = _NAMES_AND.sub(r"\1 ", plain_gap)  # 'Karen Bass and Gavin Newsom said
                sentence_rest = norm[c0.end : self._sentence_of(c0.start)[1]]
                if (
                    c0.cue.type != "attitude"
                    and (
                        kind == "direct"
                        or len(sentence_rest.split()) <= 6
                        # 'The plans are "irresponsible," said Steve Bell, senior director of ...'
                        or (content.endswith(",") and not gap.strip() and c0.cue.term == "say")
                    )
                    and not re.search(r'[.!?;:"]', plain_gap.strip(" ,"))
                    and not _BOUNDARY.search(plain_gap)
                    and " and " not in plain_gap
                    and len(gap.split()) <= 10
                ):
                    if gap.strip(" ,\n"):
                        lead = len(gap) - len(gap.lstrip(" ,\n"))
                        found = self.speaker_phrase(q.end + lead, c0.start)
                    else:
                        found = self._speaker_after_cue(c0, min(para_end, q.end + 200))
                    if found:
                        cue = c0
        # 2. a headline-style colon: 'Trump: "..."'
        colon: tuple[int, int] | None = None
        if found is None:
            m = _HEADLINE_COLON.search(norm, max(0, q.start - 60), q.start)
            if m:
                cl = self.chunks_in(m.start(1), m.end(1))
                resolved = self.people.resolve(cl[-1]) if cl else None
                if resolved:
                    found = (resolved[0], (cl[-1].start, cl[-1].end), resolved[1])
                    colon = (m.end(1), m.end(1) + 1)  # the colon stands for the verb
        # 3. before it, in the same sentence, or in the sentence that ends with a colon
        #    just before a quotation that opens a paragraph
        if found is None:
            lead_in = norm[: q.start].rstrip()
            if not before.strip() and lead_in.endswith(":"):
                sent_s = self._sentence_of(len(lead_in) - 1)[0]
                head = self._cues_in(sent_s, len(lead_in))
            else:
                head = self._cues_in(sent_s, q.start)
            head = _verb_before_phrase(self.norm, head)
            if head:
                cue = head[-1]  # the verb nearest the quotation introduces it
            for hc in reversed(head):
                if hc.participle:
                    continue  # a participle's subject is the clause's subject
                found = self.subject_before(sent_s, hc.start)
                if found:
                    break
        speaker, how = self.finish(found, q.start)
        span = found[1] if found and speaker is not None else None
        # 4. continuation of the previous quotation's speaker
        if speaker is None and self._previous is not None:
            prev_end, prev = self._previous
            between = norm[prev_end : q.start]
            others = [
                ch
                for ch in self.chunks_in(prev_end, q.start)
                if ch.is_person
                and not (prev.speaker_span and prev.speaker_span[0] <= ch.start < prev.speaker_span[1])
            ]
            if prev.speaker is not None and (
                not between.strip() or (len(between.split()) <= 12 and "\n\n" not in between and not others)
            ):
                speaker, span, how = prev.speaker, None, "continuation"
        # 5. a comma or colon after a sentence that names someone
        if speaker is None and _ends_in(before, ",:"):
            persons = [
                c
                for c in self.chunks_in(sent_s, q.start)
                if c.is_person and (len(c.name) >= 2 or word_core(c.name[0]) in self.people._by_surname)
            ]
            resolved = self.people.resolve(persons[-1]) if persons else None
            if resolved:
                speaker, how = self.finish(
                    (resolved[0], (persons[-1].start, persons[-1].end), "nearby-name"), q.start
                )
                span = (persons[-1].start, persons[-1].end)
        if speaker is None and kind == "partial" and len(content.split()) <= 4 and cue is None:
            kind = "scare"
        attr = Attribution(
            kind,
            q.content,
            speaker,
            span,
            cue.cue if cue else None,
            (cue.start, cue.end) if cue else colon,
            how if speaker is not None else ("scare" if kind == "scare" else "unresolved"),
            qi,
        )
        if speaker is not None:
            self._previous = (q.end, attr)
        return attr

    def _speaker_after_cue(self, c0: _Cue, stop: int) -> tuple[Speaker, tuple[int, int], str] | None:
        """'said Sean Parnell, the Pentagon's chief spokesman.'"""
        segment = _ABBREVIATION.sub(
            lambda a: a.group()[:-1] + " ", self.norm[c0.end : stop]
        )  # 'Sen.' ends nothing
        m = re.match(r"\s*([^.;!?\"]{1,120}?)(?=[.;!?\"]|$)", segment) or re.match(
            r"\s*([^.;!?\",]{1,80}?)(?=,)", segment
        )  # 'said Leonard Burman, a former official ... who directs ...': a long appositive
        if not m:
            return None
        np_text = m.group(1).split("(")[0]  # 'Sen. Bo Tate (R-Texas)': the party is read later
        np_text = re.split(r"\s+(?:who|whose|which)\s", np_text)[0]  # 'said one of the witnesses who ...'
        np_start = c0.end + m.start(1)
        comma = np_text.find(",")
        main_end = np_start + (comma if comma != -1 else len(np_text))
        found = self.speaker_phrase(np_start, main_end)
        if found is None:
            return None
        spk, span, how = found
        if comma != -1 and spk.kind == "person" and spk.role is None:
            spk = Speaker(spk.name, spk.kind, np_text[comma + 1 :].strip() or None)
        return spk, span, how

    # ------------------------------------------------------------------ reported speech

    def reported(self) -> list[Attribution]:
        out: list[Attribution] = []
        norm = self.norm
        for s, e in self.sentences:
            text = norm[s:e]
            m = re.search(r"\b[Aa]ccording to\s+([^,.;]{2,80})", text)
            if m and not self.in_quote(s + m.start()):
                found = self.speaker_phrase(s + m.start(1), s + m.end(1))
                if found is None:
                    cl = self.chunks_in(s + m.start(1), s + m.end(1))
                    resolved = self.people.resolve(cl[0]) if cl else None
                    if resolved:
                        found = (resolved[0], (cl[0].start, cl[0].end), resolved[1])
                if found is None:
                    found = self._described_source(s + m.start(1), s + m.end(1))
                lead = len(text[: m.start()].split()) <= 2  # 'But according to X, ...'
                # 'The AP reported that, according to an analysis, CONTENT': the words
                # before are another attribution, read below; the analysis has what follows
                inside = (
                    not lead
                    and len(norm[s + m.end() : e].split()) >= 3
                    and bool(self._cues_in(s, s + m.start()))
                )
                content = (s + m.end() + 1, e) if lead or inside else (s, s + m.start())
                content = _trim(norm, *content)
                if found and content[1] - content[0] > 10:
                    speaker, how = self.finish(found, s)
                    if speaker is not None:
                        out.append(
                            Attribution(
                                "according-to",
                                content,
                                speaker,
                                found[1],
                                None,
                                (s + m.start(), s + m.start() + 12),
                                how,
                            )
                        )
                        if not inside:
                            continue
            colon = self._colon_line(s, e)
            if colon is not None:
                out.append(colon)
                continue
            out.extend(self._reported_in(s, e))
            out.extend(self._noun_attributions(s, e))
        return out

    def _colon_line(self, s: int, e: int) -> Attribution | None:
        """A line that opens with a person's name and a colon, as headlines and
        transcripts do: "Gingrich: Trump Must Decide ...", "JOEL BENENSON: This is ..."."""
        norm = self.norm
        if s > 0 and norm[s - 1] != "\n":
            return None
        m = _NAME_COLON.match(norm, s, e)
        if m is None or self._opens_quote(m.end()) or self.in_quote(m.end()):
            return None
        name = m.group(1)
        cl = self.chunks_in(s + (len(name) - len(name.lstrip())), m.end(1))
        if name.isupper():  # 'JOEL BENENSON:' in a transcript
            cl = chunks(norm.title(), m.start(1), m.end(1), self.book)
        persons = [
            c
            for c in cl
            if c.is_person and (len(c.name) >= 2 or word_core(c.name[0]) in self.people._by_surname)
        ]
        resolved = self.people.resolve(persons[-1]) if persons else None
        content = _trim(norm, m.end(), e)
        if len(norm[content[0] : content[1]].split()) < 3:
            return None
        if resolved is not None:
            found = (resolved[0], (persons[-1].start, persons[-1].end), resolved[1])
        else:
            # a known body or a poll: "AP: Trump chair routed money", "Poll: Sanders leads"
            words = name.split()
            entry = self.book.find(words)
            whole = entry is not None and entry.usage == "actor" and len(entry.term.split()) == len(words)
            if not (whole or word_core(words[-1]) in _RECORD_NOUNS):
                return None
            span = (m.end(1) - len(name.lstrip()), m.end(1))
            found = (Speaker(name.strip(), "institution", None, named=whole), span, "named")
        speaker, how = self.finish(found, s)
        if speaker is None:
            return None
        colon = (m.end(1), m.end(1) + 1)
        return Attribution("reported", content, speaker, found[1], None, colon, how)

    def _noun_attributions(self, s: int, e: int) -> list[Attribution]:
        """A cue noun after a possessive, with its content: "Trump's claim that ...",
        "her statement on ...", "Sanders's attacks on Clinton", "their decision to ..."."""
        norm = self.norm
        out: list[Attribution] = []
        lo = bisect.bisect_left([n.start for n in self._nouns], s)
        for n in self._nouns[lo:]:
            if n.start >= e:
                break
            if self.in_quote(n.start):
                continue
            owner = _POSSESSOR.search(norm, max(s, n.start - 80), n.start)
            rest = _NOUN_CONTENT.match(norm, n.end, e)
            if (
                owner is not None
                and n.cue.type == "thought"
                and _IN_BEFORE.search(norm, max(s, owner.start() - _TAIL), owner.start())
            ):
                rest = re.compile(r"\s*(,)\s*").match(norm, n.end, e)  # 'In his view, CONTENT'
            elif n.cue.type != "speech":
                continue  # 'his support for', 'her decision to': a position, not an attribution
            if owner is None or rest is None:
                continue
            start = rest.start(1) if rest.group(1) == "to" else rest.end()
            if rest.group(1) == ",":
                end = e
            elif rest.group(1) == "that":
                stop = re.search(r"[,;:]", norm[start:e])
                end = start + stop.start() if stop else e
            else:  # the object: a few words, up to a verb of the sentence
                stop = _OBJECT_END.search(norm, start, e)
                end = stop.start() if stop else e
            content = _trim(norm, start, end)
            if len(norm[content[0] : content[1]].split()) < (1 if n.cue.type == "attitude" else 2):
                continue
            if norm[content[0] : content[0] + 1] == '"':
                continue  # 'her claim that "..."': the quotation's own attribution
            if owner.group(2):
                pronoun = {"his": "he", "her": "she", "their": "they"}.get(owner.group(2).lower())
                if pronoun is None:
                    continue
                found: tuple[Speaker, tuple[int, int], str] | None = (
                    Speaker(pronoun, "pronoun", named=False),
                    (owner.start(2), owner.end(2)),
                    "pronoun",
                )
            else:
                found = self.speaker_phrase(owner.start(1), owner.end(1))
            speaker, how = self.finish(found, n.start)
            if speaker is None or found is None:
                continue
            if speaker.name.endswith("'s"):
                speaker = Speaker(
                    speaker.name[:-2],
                    speaker.kind,
                    speaker.role,
                    speaker.source_type,
                    speaker.named,
                    speaker.party,
                )
            kind = {"attitude": "attitude", "thought": "thought"}.get(n.cue.type, "reported")
            out.append(Attribution(kind, content, speaker, found[1], n.cue, (n.start, n.end), how))
        return out

    def _reported_in(self, s: int, e: int) -> list[Attribution]:
        norm = self.norm
        sentence_cues = self._cues_in(s, e)
        # 'X said (that) CONTENT', 'X told reporters (that) CONTENT', and several in a row
        candidates: list[tuple[_Cue, tuple[Speaker, tuple[int, int], str]]] = []
        subject: tuple[Speaker, tuple[int, int], str] | None = None
        for c in sentence_cues:
            if c.cue.pos != "verb" or self._passive(c):
                continue
            if c.participle:
                # 'Clinton criticized the plan, saying it would hurt workers': the -ing
                # form after a comma has the clause's subject
                if not _COMMA_BEFORE.search(norm, max(s, c.start - _TAIL), c.start):
                    continue
                if self._quote_in(c.end, e):
                    continue  # 'calling it "cruel"': the quotation's own attribution covers it
                if _IN_LIST.search(norm, max(s, c.start - _TAIL), c.start):
                    continue  # 'housing, moving in, finding work': an item of a list
                found = subject or self._opening_subject(s, c.start)
                if found is not None and not self._may_speak(found[0]):
                    continue  # 'One of the hard questions has been ..., finding work'
                if found is not None:
                    subject = found
                    candidates.append((c, found))
                continue
            found = self.subject_before(s, c.start)
            if found is None and _AND_BUT_BEFORE.search(norm, max(s, c.start - _TAIL), c.start):
                # 'City officials labeled ... and said that ...': the clause's subject
                found = subject or self._sentence_subject(s, c.start)
            if found is not None:
                subject = found
                candidates.append((c, found))
        out: list[Attribution] = []
        for k, (c, found) in enumerate(candidates):
            start = self._content_start(c, e)
            if start is None:
                continue
            stop = e
            for _, later in candidates[k + 1 :]:
                if later[1][0] > start:
                    if len(norm[start : later[1][0]].split()) >= 3:
                        stop = later[1][0]  # the next speaker's clause starts here
                    # else: 'analysts say Mr. Putin would recognize ...': the next speaker's
                    # clause is this one's content
                    break
            content = _trim(norm, start, stop)
            content = (content[0], _trim_conjunction(norm, *content))
            attitude = c.cue.type == "attitude"
            if attitude:
                content = (content[0], _clause_end(norm, *content, c.cue.term in _AS_VERBS))
            if len(norm[content[0] : content[1]].split()) < 3 or self._mostly_quoted(*content):
                # a short object is the whole content of an attitude that is the sentence's
                # only cue ('Sanders backed Clinton'); beside another cue or a quotation
                # ('criticized the plan, saying ...', 'called it "cruel"') the other
                # carries the sentence
                alone = len(sentence_cues) == 1 and not self._quote_in(s, e)
                if not (attitude and alone and norm[content[0] : content[1]].strip()):
                    continue
            speaker, how = self.finish(found, c.start)
            if speaker is not None:
                kind = "attitude" if attitude else "thought" if c.cue.type == "thought" else "reported"
                out.append(Attribution(kind, content, speaker, found[1], c.cue, (c.start, c.end), how))
        # 'CONTENT, the Pentagon said Thursday.' / 'CONTENT, Mr. Clarke said, MORE.' /
        # 'CONTENT, said X.'; also beside an attribution inside it ('At one point, she said,
        # she was considering a run')
        used = {a.cue_span for a in out}
        for c in reversed(sentence_cues):
            if c.participle or c.cue.type == "attitude" or (c.start, c.end) in used:
                continue
            if out and c.cue.type != "speech":
                continue
            comma = norm.rfind(",", s, c.start)
            if comma == -1 or self.in_quote(comma):
                continue
            between = norm[comma + 1 : c.start]
            after = norm[c.end : e]
            if between.strip():
                if len(between.split()) > 8 or between.split()[0].lower() in _PREPOSITIONS:
                    continue
                found = self.speaker_phrase(comma + 1, c.start)
                tail = _SHORT_TAIL.match(after) or _PLACE_TAIL.match(after)
                if found is None or tail is None:
                    continue
                content = _trim(norm, s, comma)
                if tail.group(1) == ",":  # a parenthetical attribution: the clause goes on
                    rest = _trim(norm, c.end + tail.end(), e)
                    if self._opens_quote(rest[0]):
                        continue  # 'In a statement ..., the DHS said, "...": the quotation's own
                    if len(norm[rest[0] : rest[1]].split()) >= 3 and not re.match(
                        r"(?:and|but|while|as)\b", norm[rest[0] : rest[1]]
                    ):  # '..., she said, and the city agreed': a clause of its own
                        content = (
                            rest if len(norm[content[0] : content[1]].split()) < 3 else (content[0], rest[1])
                        )
                elif comma - s < 15:
                    continue
            else:
                m = re.match(r"\s+([^,;\"]{2,80}?)(?:,[^\"]*)?[.!]?\s*$", after)
                if m is None or m.group(1).split()[0].lower() in _PREPOSITIONS:
                    continue  # 'said in a statement provided to ABC News' names no speaker
                found = self.speaker_phrase(c.end + m.start(1), c.end + m.end(1))
                if found is None:
                    continue
                content = _trim(norm, s, comma)
            if self._mostly_quoted(*content) or len(norm[content[0] : content[1]].split()) < 3:
                continue
            speaker, how = self.finish(found, c.start)
            if speaker is None:
                continue
            kind = "thought" if c.cue.type == "thought" else "reported"
            return [*out, Attribution(kind, content, speaker, found[1], c.cue, (c.start, c.end), how)]
        return out

    def _may_speak(self, spk: Speaker) -> bool:
        """Whether a subject read from the opening words may be a source: a pronoun, a
        name, a role the lexicon knows or a noun for people ("the women", "a teacher"),
        not a thing ("One of the hard questions")."""
        if spk.kind == "pronoun" or spk.named or self.book.find(spk.name.split()) is not None:
            return True
        head = word_core(spk.name.split()[-1])
        return head in _PEOPLE_NOUNS or head.removesuffix("s").endswith(_PERSON_SUFFIXES)

    def _passive(self, c: _Cue) -> bool:
        """Whether the cue is a passive participle ("the plan was rejected", "he was
        asked"): its subject is not the source."""
        word = c.form.split()[0].lower()
        if not (word.endswith(("ed", "en", "wn")) or word in ("said", "told", "thought", "found", "sought")):
            return False
        return bool(_PASSIVE_BEFORE.search(self.norm, max(0, c.start - 30), c.start))

    def _opening_subject(self, s: int, stop: int) -> tuple[Speaker, tuple[int, int], str] | None:
        """The subject that opens the sentence: the shortest run of its first words (up
        to six, before ``stop``) read as a speaker ("He", "The Republican nominee",
        "Sen. Bo Tate")."""
        found = self._sentence_subject(s, stop)
        if found is not None:
            return found
        for k, w in enumerate(_SPEAKER_WORD.finditer(self.norm, s, stop)):
            if k >= 6 or _BOUNDARY.match(self.norm, w.start()) or self.norm[w.end() : w.end() + 1] == ",":
                break
            found = self.speaker_phrase(s, w.end())
            if found is not None:
                return found
        return None

    def _sentence_subject(self, s: int, stop: int) -> tuple[Speaker, tuple[int, int], str] | None:
        """A name opening the sentence, before its first verb-like word."""
        found = chunks(self.norm, s, min(stop, s + 80), self.book)
        if found and found[0].start - s <= 4 and not _common_word(found[0]):
            resolved = self.people.resolve(found[0])
            if resolved:
                return resolved[0], (found[0].start, found[0].end), resolved[1]
        return None

    def _mostly_quoted(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` is a quotation with fewer than three words of its own
        around it (the quotation's own attribution covers it)."""
        if end <= start or self.norm[start : start + 1] == '"':
            return True
        outside: list[str] = []
        pos = start
        i = max(0, bisect.bisect_right(self._quote_starts, start) - 1)
        while i < len(self.quotes) and self.quotes[i].start < end:
            q = self.quotes[i]
            if q.end > pos:
                outside.append(self.norm[pos : max(pos, q.start)])
                pos = max(pos, q.end)
            i += 1
        outside.append(self.norm[pos:end])
        return len(" ".join(outside).split()) < 3

    def _content_start(self, c: _Cue, stop: int) -> int | None:
        """Where the reported content begins after the cue, or None if there is none."""
        norm = self.norm
        rest = norm[c.end : stop]
        verb = c.cue.term.split()[0]
        if c.cue.type == "attitude":
            m = re.match(r"\s+", rest)
            return c.end + m.end() if m and rest[m.end() : m.end() + 1].isalnum() else None
        if verb in _OBJECT_VERBS:
            m = re.match(r"\s+((?:[\w'.&-]+\s+){0,6}?)(?:(?:on|in|at|during)\s+[\w,]+\s+)?that\s+", rest)
            if m:
                return c.end + m.end()
            m = re.match(r"\s+(?:[\w'.&-]+\s+){0,3}?(?=(?:how|why|what|whether|if|when|where|who)\s)", rest)
            if m:
                return c.end + m.end()  # 'asked how Clinton could ...'
            m = re.match(
                r"\s+(" + _AUDIENCE.pattern + r")\s+(?=(?:the|a|an|he|she|they|it|we|i|his|her|their|[A-Z]))",
                rest,
            )
            if verb == "tell" and m:
                return c.end + m.end()  # 'told reporters she expects to win'
            m = re.match(r"\s+(?:[\w'.&-]+\s+){1,3}?(?=to\s+\w)", rest)
            if m and verb in ("urge", "ask", "warn", "tell", "remind", "promise", "encourage", "order"):
                return c.end + m.end()  # 'urged voters to turn out
            return None
        # adverbials between the verb and its content: 'said on Friday (that) he ...',
        # 'said earlier during a news conference that ...'
        m = re.match(_ADVERBIAL + r"(that\s+)", rest) or re.match(_TIME_ADVERBIAL + r"(that\s+)?", rest)
        if not m or not m.group(0).strip():
            m = re.match(r"\s+(that\s+)?", rest)
        if not m and c.cue.type == "speech" and re.match(r":\s+[A-Z]", rest):
            return c.end + len(rest) - len(rest[1:].lstrip())  # 'he said: Let no one be mistaken
        if not m:
            return None
        after = rest[m.end() :]
        word = re.match(r"[\w'\-]+", after)
        if not word:
            return None
        if m.group(1) is None:
            w = word.group().lower()
            if w == "to" and (c.cue.type == "thought" or verb in _INTENT_VERBS):
                return c.end + m.end()  # 'wants to build', 'vowed to fight'
            if verb in _NEEDS_THAT and not re.match(r"(?:he|she|they|we|i)\s+[a-z]", after):
                return None  # 'wrote a book about the border' is not speech; 'wrote that ...' is
            if verb in _RELEASE_VERBS and not _RELEASED_WORDS.match(after):
                return None  # 'released a memo' is speech; 'released a new album' is not
            if verb not in _BARE_CLAUSE and c.cue.type != "thought" and not _CLAUSE_START.match(after):
                return None
            if w == "it" and _IT_CLAUSE.match(after):
                return c.end + m.end()  # 'said it would end soon'
            if w == "no" and verb == "find":
                return c.end + m.end()  # 'found no record of the class'
            if w in _PREPOSITIONS | _TIME_WORDS or w in ("it", "so", "no", "yes", "thanks", "goodbye"):
                far = _FAR_THAT.match(rest)
                if far and not self._cues_in(c.end, c.end + far.start(1)):
                    return c.end + far.end()  # 'said after a lunch on Tuesday that ...'
                return None
        return c.end + m.end()

    # ------------------------------------------------------------------ all

    def run(self) -> list[Attribution]:
        self._previous = None
        results: list[Attribution] = []
        for qi, q in enumerate(self.quotes):
            attr = self.attribute_quote(qi, q)
            if attr is not None:
                results.append(attr)
        self._last_speaker = None
        results.extend(self.reported())
        if self._antecedents:
            results = [
                replace(a, antecedent=self._antecedents.get(a.speaker_span))
                if a.resolution == "relative" and a.speaker_span is not None
                else a
                for a in results
            ]
        return results


#: Common words that open a sentence capitalised ("One of ...", "Some say"), not names.
_COMMON_OPENERS = _PART_OF | _NP_OPENERS | _FUNCTION_WORDS
#: First words of an unnamed source that are lowercased in its name ("some of the aides").
_UNNAMED_OPENERS = _PART_OF | _NP_OPENERS | _NUMBER_WORDS


def _common_word(chunk: Chunk) -> bool:
    """Whether a one-word capitalised phrase is a common word that opens a sentence
    ("One of ...", "Some say"), not a name."""
    return len(chunk.name) == 1 and word_core(chunk.name[0]) in _COMMON_OPENERS


def _verb_before_phrase(norm: str, head: list[_Cue]) -> list[_Cue]:
    """Cues before a quotation, without a fixed phrase that follows a verb cue of the
    same clause: in 'The White House said in a statement: "..."' the cue is "said"."""
    out: list[_Cue] = []
    for c in head:
        prev = out[-1] if out else None
        if (
            c.cue.pos != "verb"
            and prev is not None
            and prev.cue.pos == "verb"
            and not _BOUNDARY.search(norm, prev.end, c.start)
            and len(norm[prev.end : c.start].split()) <= 4
        ):
            continue
        out.append(c)
    return out


def _clause_end(norm: str, s: int, e: int, with_as: bool = False) -> int:
    """Where the object of an attitude verb ends: at the first clause boundary ("as"
    is none after a verb whose object goes on with it: "portrayed him as a fighter")."""
    words = "because|after|before|while|which|who|but|and said" + ("" if with_as else "|as")
    m = re.search(r"[,;:]|\s(?:" + words + r")\s", norm[s:e])
    return s + m.start() if m else e


def _trim_conjunction(norm: str, s: int, e: int) -> int:
    """End of a content span without a trailing 'and' or 'but'."""
    m = re.search(r"(?:,?\s+(?:and|but|while))+\s*$", norm[s:e])
    return s + m.start() if m else e


def _trim(norm: str, s: int, e: int) -> tuple[int, int]:
    while s < e and norm[s] in " ,\n":
        s += 1
    while e > s and norm[e - 1] in " ,.\n":
        e -= 1
    return s, e
