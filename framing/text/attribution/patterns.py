"""The words and patterns attribution reads: cue contexts, subjects, speakers, boundaries."""

from __future__ import annotations

import re

from ...function_words import AUXILIARIES, VERB_GROUP_ADVERBS
from ..names import Chunk, word_core

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
#: Auxiliaries and the adverbs that stand between a subject and its cue verb ("Parnell
#: has also said", "officials previously told"). Not "be", "been", "being" or "am": before
#: a cue verb they make a passive ("may be spun off", "has been told"), whose subject
#: does not speak.
_AUX = (
    (AUXILIARIES - {"am", "be", "been", "being"})
    | VERB_GROUP_ADVERBS
    | frozenset(
        """previously publicly again once recently further separately subsequently
        immediately earlier initially often however too now instead meanwhile nonetheless
        though even only ever first long since""".split()
    )
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
    r"\s+(?i:(?:on|last|this|next|earlier|later|late|early)\s+)?(?i:monday|tuesday|wednesday|thursday|"
    r"friday|saturday|sunday|week|month|year|night|morning|afternoon|evening|today|yesterday|tonight|"
    r"earlier|later)(?:\s+(?i:night|morning|afternoon|evening))?(?=\s)"
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


#: Common words that open a sentence capitalised ("One of ...", "Some say"), not names.
_COMMON_OPENERS = _PART_OF | _NP_OPENERS | _FUNCTION_WORDS
#: First words of an unnamed source that are lowercased in its name ("some of the aides").
_UNNAMED_OPENERS = _PART_OF | _NP_OPENERS | _NUMBER_WORDS


def _common_word(chunk: Chunk) -> bool:
    """Whether a one-word capitalised phrase is a common word that opens a sentence
    ("One of ...", "Some say"), not a name."""
    return len(chunk.name) == 1 and word_core(chunk.name[0]) in _COMMON_OPENERS


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
