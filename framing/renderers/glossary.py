"""Plain words for the report's technical terms, in one place.

A reader of a report (a class of 15-year-olds, as often as a researcher) sees a plain
label with a one-line explanation on hover; the technical name is kept for researchers
(the HTML report lists every term in a "For researchers" block, and the JSON carries
the ids). The HTML, Markdown and worksheet renderers read their labels from here, so a
term is named the same way everywhere.

Each entry is ``Term(area, key, plain, explain, technical, reason)``: ``area`` and
``key`` are the ids the analysers and the JSON use (a layer, a category, a measure),
``plain`` the label shown, ``explain`` one line a 15-year-old reads easily, ``technical``
the name the research literature uses, and ``reason`` why the plain label was chosen
(kept with the data, as the lexicons keep a note with every entry).

Over 500 lines on purpose: almost all of it is the table of terms, one entry each, which
reads best in one place; the code is the few look-ups at the end.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType

__all__ = [
    "AREAS",
    "GLOSSARY",
    "LAYER_AREAS",
    "Term",
    "category_explain",
    "category_plain",
    "entries",
    "explain",
    "plain",
    "term",
]


@dataclass(frozen=True)
class Term:
    area: str
    key: str
    plain: str
    explain: str
    technical: str
    reason: str


#: The areas, in the order the "For researchers" block lists them, with a heading each.
AREAS = {
    "layer": "Highlight layers",
    "voice": "Voices",
    "loaded": "Kinds of loaded words",
    "epistemic": "How sure (epistemic markers)",
    "frame": "Story angles (frames)",
    "cue": "Verbs that introduce what someone said",
    "connotation": "Word choices (connotations)",
    "measure": "Measures",
}

_ENTRIES = (
    # The highlight layers (the analysers' names) and the quotations toggle.
    Term(
        "layer",
        "loaded",
        "Loaded words",
        "Words that carry a judgement or a feeling, not just the facts.",
        "Loaded language (lexicon of biased and emotive terms)",
        "Already plain; the explanation says what makes a word loaded.",
    ),
    Term(
        "layer",
        "sourcing",
        "Unnamed sources",
        "Claims credited to someone the article does not name, or to nobody in particular.",
        "Vague and anonymous sourcing",
        "'Sourcing' and 'attribution' are newsroom words; 'unnamed' says what to look for.",
    ),
    Term(
        "layer",
        "frames",
        "Story angles",
        "The angle a story takes on events: crime, money, safety, politics, and so on.",
        "Frames (Policy Frames Codebook, Boydstun et al. 2014)",
        "'Frame' is the research word; 'angle' is how a class talks about it.",
    ),
    Term(
        "layer",
        "labels",
        "Word choices",
        "Things that have several names: which name the article picks, and what that name suggests.",
        "Labels (concept sets with connotations)",
        "'Label' also means a sticker; 'word choice' says it is about the word picked.",
    ),
    Term(
        "layer",
        "epistemic",
        "How sure",
        "Words that make a claim sound less sure or more sure, or that leave out who did something.",
        "Epistemic and agency markers: hedges, boosters, factive and assertive verbs, distancing, "
        "scare quotes, agentless passives, nominalisations",
        "'Epistemic' is jargon; every marker in this layer changes how sure or how clear a claim is.",
    ),
    Term(
        "layer",
        "actors",
        "People and groups",
        "Who the article names or talks about, and how often.",
        "Actors (named entities and groups, with coreference)",
        "'Actor' reads as someone in a film.",
    ),
    Term(
        "layer",
        "attribution",
        "Quotations",
        "Shaded: someone's exact words. Dotted underline: the outlet's wording of what someone said.",
        "Attribution: direct quotations and reported speech",
        "Already plain; the explanation tells the two marks apart.",
    ),
    # Voices: whose words a highlighted word is.
    Term(
        "voice",
        "own",
        "Outlet's own words",
        "The article's own narration and headline: the outlet chose these words.",
        "Authorial voice (narration and headline)",
        "'Voice' alone is vague; 'own words' says who chose them.",
    ),
    Term(
        "voice",
        "quoted",
        "In a quote",
        "Inside quotation marks: the speaker's words, not the outlet's.",
        "Direct quotation",
        "Plain already.",
    ),
    Term(
        "voice",
        "reported",
        "Reported",
        'The outlet\'s wording of what someone said ("she said that ..."), without quotation marks.',
        "Reported (indirect) speech",
        "'Indirect speech' is grammar-class jargon.",
    ),
    Term(
        "voice",
        "furniture",
        "Page extras",
        "Captions, links, bylines and other bits around the story: shown dimmed, never counted.",
        "Page furniture (boilerplate)",
        "'Furniture' is a newsroom word that confuses readers.",
    ),
    # Kinds of loaded words (categories of the loaded-language lexicon).
    Term(
        "loaded",
        "violence",
        "Violence and chaos",
        "Paints events, places or people as violent or out of control.",
        "Violence and chaos imagery",
        "'Imagery' is not needed to follow the idea.",
    ),
    Term(
        "loaded",
        "fear_appeal",
        "Raises fear",
        "Raises alarm about danger, threat or collapse.",
        "Fear appeal",
        "'Appeal' in this sense is unusual for young readers.",
    ),
    Term(
        "loaded",
        "criminalizing",
        "Calls people criminals",
        "Casts people as criminals or a danger before any charge or conviction.",
        "Criminalising label",
        "Says what the word does rather than naming the category.",
    ),
    Term(
        "loaded",
        "dehumanizing",
        "Treats people as less than human",
        "Describes people as animals, pests, disease, objects or floods.",
        "Dehumanising language",
        "Spells out 'dehumanising'.",
    ),
    Term(
        "loaded",
        "partisan_label",
        "Name-calling",
        "Insulting names for political groups, people and institutions, from every side.",
        "Partisan or pejorative label",
        "'Partisan' and 'pejorative' are hard words; name-calling is what they describe.",
    ),
    Term(
        "loaded",
        "emotive",
        "Tells you how to feel",
        "Tells the reader how to feel instead of describing what happened.",
        "Emotive word",
        "Says what an emotive word does to the reader.",
    ),
    Term(
        "loaded",
        "intensifier",
        "Exaggeration",
        "Makes size, speed, certainty or newness sound bigger than the facts show.",
        "Intensifier or exaggeration",
        "'Intensifier' is grammar jargon.",
    ),
    Term(
        "loaded",
        "derogatory_action",
        "Puts down what someone did",
        "A verb that condemns, belittles or mocks what someone did.",
        "Derogatory verb of action",
        "'Derogatory' is a hard word.",
    ),
    Term(
        "loaded",
        "euphemism",
        "Softened word",
        "A mild word that softens or hides something harsh.",
        "Euphemism",
        "'Euphemism' is not known to every reader.",
    ),
    Term(
        "loaded",
        "scare_marker",
        "Doubt or mockery",
        'Words that signal doubt, mockery or distance about a label or claim ("so-called").',
        "Sarcasm or scare marker",
        "'Scare marker' is a research term.",
    ),
    Term(
        "loaded",
        "loaded_speech_verb",
        "Heated word for 'said'",
        "The outlet's verb for what someone said adds heat or doubt where a plain 'said' would not.",
        "Loaded verb of saying",
        "Names the plain alternative, 'said'.",
    ),
    Term(
        "loaded",
        "claim_judgement",
        "Outlet rules on a claim",
        "The outlet itself calls a claim true or false instead of showing the evidence.",
        "The outlet judging a claim",
        "Shorter, same meaning.",
    ),
    Term(
        "loaded",
        "other_evaluative",
        "Hidden judgement",
        "A judgement slipped into what reads like a plain description.",
        "Evaluative word",
        "'Evaluative' is a hard word.",
    ),
    # How sure: the epistemic layer's categories.
    Term(
        "epistemic",
        "hedge",
        "Softeners",
        "Words like 'may' or 'reportedly' that make a claim less sure.",
        "Hedges",
        "'Hedge' in this sense is research jargon.",
    ),
    Term(
        "epistemic",
        "booster",
        "Strengtheners",
        "Words like 'clearly' or 'undoubtedly' that leave no room for doubt.",
        "Boosters",
        "'Booster' in this sense is research jargon.",
    ),
    Term(
        "epistemic",
        "factive",
        "Stated as fact",
        "Verbs like 'revealed' or 'showed' that present what follows as true.",
        "Factive verbs",
        "'Factive' is a linguistics term.",
    ),
    Term(
        "epistemic",
        "assertive",
        "Strong claims",
        "Verbs like 'insisted' or 'claimed' that present what follows as someone's strong claim.",
        "Assertive verbs",
        "'Assertive' here means something narrower than in everyday speech.",
    ),
    Term(
        "epistemic",
        "distancing",
        "Keeping a distance",
        "Words like 'so-called' or 'alleged' that keep the writer apart from a label or claim.",
        "Distancing markers",
        "Says what the words do.",
    ),
    Term(
        "epistemic",
        "scare_quote",
        "Quotation marks at a distance",
        "A word or two in quotation marks with no speaker: the outlet keeps its distance from them.",
        "Scare quotes",
        "'Scare quotes' do not scare anyone; the label says what they are.",
    ),
    Term(
        "epistemic",
        "agentless_passive",
        "Doer left out",
        'Says what was done without saying who did it ("shots were fired").',
        "Agentless passives",
        "'Agentless passive' is grammar jargon.",
    ),
    Term(
        "epistemic",
        "nominalisation",
        "Action as a thing",
        'An action turned into a noun ("the deployment"), so nobody is named as doing it.',
        "Nominalisations (hidden actors)",
        "'Nominalisation' is grammar jargon; the label says what happens to the action.",
    ),
    # Story angles: the frames layer's categories.
    Term(
        "frame",
        "economic",
        "Money",
        "Costs, benefits and the money side of an issue.",
        "Economic",
        "One everyday word.",
    ),
    Term(
        "frame",
        "capacity_resources",
        "Enough resources?",
        "Whether there is enough money, staff, space, time or equipment.",
        "Capacity and resources",
        "Asks the question the frame asks.",
    ),
    Term(
        "frame",
        "morality",
        "Right and wrong",
        "Right and wrong, duty, religion and ethics.",
        "Morality",
        "Everyday words.",
    ),
    Term(
        "frame",
        "fairness_equality",
        "Fairness",
        "Equal or unequal treatment, rights and discrimination.",
        "Fairness and equality",
        "Shorter.",
    ),
    Term(
        "frame",
        "legality",
        "Law and courts",
        "Laws, courts, rulings and the limits of power.",
        "Legality, constitutionality and jurisprudence",
        "'Constitutionality' and 'jurisprudence' are hard words.",
    ),
    Term(
        "frame",
        "policy",
        "What should be done",
        "Plans and policies, and whether they work.",
        "Policy prescription and evaluation",
        "Says what the frame is about in everyday words.",
    ),
    Term(
        "frame",
        "crime_punishment",
        "Crime and punishment",
        "Breaking the law, policing, enforcement and punishment.",
        "Crime and punishment",
        "Plain already.",
    ),
    Term(
        "frame",
        "security_defense",
        "Security and defence",
        "Threats to the country or the public, and the military.",
        "Security and defense",
        "Plain already.",
    ),
    Term(
        "frame",
        "health_safety",
        "Health and safety",
        "Injury, illness, death and risks to safety.",
        "Health and safety",
        "Plain already.",
    ),
    Term(
        "frame",
        "quality_of_life",
        "Daily life",
        "Effects on people's daily lives, families and communities.",
        "Quality of life",
        "'Quality of life' is abstract.",
    ),
    Term(
        "frame",
        "cultural_identity",
        "Culture and identity",
        "Traditions, values and the identity of a group or nation.",
        "Cultural identity",
        "Plain already.",
    ),
    Term(
        "frame",
        "public_opinion",
        "What people think",
        "What the public thinks: polls, protests, popularity, backlash.",
        "Public opinion",
        "Everyday words.",
    ),
    Term(
        "frame",
        "political",
        "Politics",
        "Politicians, parties, elections and political strategy.",
        "Political",
        "A noun reads better as a heading.",
    ),
    Term(
        "frame",
        "external_regulation",
        "Standing in the world",
        "A country's relations with, and standing in, the rest of the world.",
        "External regulation and reputation",
        "'External regulation' is codebook jargon.",
    ),
    Term("frame", "other", "Other", "Any other angle.", "Other", "Plain already."),
    # Grades of the verbs that introduce speech (the cue-verbs lexicon).
    Term(
        "cue",
        "neutral",
        "plain",
        "A plain verb like 'said' or 'told': it adds nothing.",
        "neutral",
        "'Neutral' is fine for adults; 'plain' is clearer.",
    ),
    Term(
        "cue",
        "endorsing",
        "backs it",
        "A verb like 'confirmed' or 'noted' that treats the words as right.",
        "endorsing",
        "Says what the verb does.",
    ),
    Term(
        "cue",
        "distancing",
        "casts doubt",
        "A verb like 'claimed' or 'alleged' that casts doubt on the words.",
        "distancing",
        "Says what the verb does.",
    ),
    Term(
        "cue",
        "presupposing",
        "treats as true",
        "A verb like 'admitted' or 'conceded' that treats the words as true.",
        "presupposing",
        "'Presupposing' is a linguistics term.",
    ),
    Term(
        "cue",
        "emotive",
        "adds heat",
        "A verb like 'slammed' or 'blasted' that adds feeling.",
        "emotive",
        "Says what the verb does.",
    ),
    Term(
        "cue",
        "tentative",
        "unsure",
        "A verb like 'suggested' or 'speculated' that makes the words sound unsure.",
        "tentative",
        "Everyday word.",
    ),
    Term(
        "cue",
        "insistent",
        "insists",
        "A verb like 'vowed' or 'stressed' that makes the words sound forceful.",
        "insistent",
        "Everyday word.",
    ),
    # Connotations of the word choices (the concept-sets lexicon).
    Term("connotation", "neutral", "plain", "A plain, descriptive word.", "neutral", "Everyday word."),
    Term(
        "connotation",
        "sympathetic",
        "sympathetic",
        "Invites sympathy for the people or thing named.",
        "sympathetic",
        "Plain enough, with the explanation.",
    ),
    Term(
        "connotation",
        "negative",
        "negative",
        "Casts the people or thing named in a bad light.",
        "negative",
        "Plain already.",
    ),
    Term(
        "connotation",
        "dehumanizing",
        "less than human",
        "Treats people as less than human.",
        "dehumanising",
        "Spells out 'dehumanising'.",
    ),
    Term(
        "connotation",
        "euphemistic",
        "softened",
        "Softens or hides something harsh.",
        "euphemistic",
        "'Euphemistic' is a hard word.",
    ),
    Term(
        "connotation",
        "technical",
        "official",
        "An official, legal or expert term.",
        "technical",
        "Says whose word it is.",
    ),
    Term(
        "connotation",
        "militarized",
        "war word",
        "A word from war or the military.",
        "militarised",
        "Says where the word comes from.",
    ),
    Term(
        "connotation",
        "minimizing",
        "makes it smaller",
        "Makes something seem smaller than it is.",
        "minimising",
        "Says what the word does.",
    ),
    # Measures in the tables.
    Term(
        "measure",
        "words",
        "Words",
        "How many words the article has, without page extras.",
        "Scored words (furniture excluded)",
        "Plain already.",
    ),
    Term(
        "measure",
        "loaded_rate",
        "Loaded words per 1,000",
        "How many loaded words there are in every 1,000 words of that kind (own words, quotes, reported).",
        "Loaded terms per 1,000 words, by voice",
        "A rate, said in words.",
    ),
    Term(
        "measure",
        "reading_ease",
        "Reading ease",
        "How easy the article is to read, from 0 (very hard) to 100 (very easy).",
        "Flesch reading ease",
        "The formula's name means nothing to a reader.",
    ),
    Term(
        "measure",
        "grade",
        "School year",
        "Roughly the US school grade a reader needs to follow the article easily.",
        "Flesch-Kincaid grade level",
        "'Grade' alone is ambiguous outside the US.",
    ),
    Term(
        "measure",
        "tone",
        "Tone",
        "How positive or negative the outlet's own sentences sound, from -1 (negative) to +1 (positive).",
        "VADER compound score of the outlet's own sentences (mean weighted by words)",
        "'Sentiment' is jargon; 'tone' is how a class talks about it.",
    ),
    Term(
        "measure",
        "named_unnamed",
        "Named : unnamed",
        "How many times the article says who said something, against how many times it does not.",
        "Named and unnamed attributions (sourcing)",
        "Short, with the explanation on hover.",
    ),
    Term(
        "measure",
        "main_frame",
        "Main angle",
        "The angle the outlet's own words take most often.",
        "Primary frame in the authorial voice",
        "See 'Story angles'.",
    ),
    Term(
        "measure",
        "distinctive",
        "How much it stands out",
        "How far more often one group uses a word than the others: above 2 is unlikely to be chance.",
        "z-score of the weighted log-odds ratio with an informative Dirichlet prior "
        "(Monroe, Colaresi and Quinn 2008); words with z above 1.96",
        "The statistics are for researchers; a reader needs only 'bigger stands out more'.",
    ),
)

GLOSSARY: Mapping[tuple[str, str], Term] = MappingProxyType({(t.area, t.key): t for t in _ENTRIES})


def term(area: str, key: str) -> Term | None:
    """The entry for ``key`` in ``area``, or None when the term needs no plain label."""
    return GLOSSARY.get((area, key))


def plain(area: str, key: str, default: str | None = None) -> str:
    """The plain label of a term; ``default`` (or the key) where there is no entry."""
    entry = GLOSSARY.get((area, key))
    if entry is not None:
        return entry.plain
    return key if default is None else default


def explain(area: str, key: str, default: str = "") -> str:
    """The one-line explanation of a term; ``default`` where there is no entry."""
    entry = GLOSSARY.get((area, key))
    return entry.explain if entry is not None else default


def entries(area: str | None = None) -> Iterator[Term]:
    """Every entry (or those of one area), areas in the order of :data:`AREAS`."""
    for name in AREAS if area is None else (area,):
        yield from (t for t in _ENTRIES if t.area == name)


#: The glossary area of each highlight layer whose categories have plain labels here
#: (the other layers' categories are names of things and people, plain already).
LAYER_AREAS = {"loaded": "loaded", "epistemic": "epistemic", "frames": "frame"}


def category_plain(layer: str, category: str, default: str) -> str:
    """The plain label of a layer's category (an analyser's name, a category id); the
    lexicon's own label, ``default``, where the glossary has none."""
    area = LAYER_AREAS.get(layer)
    return plain(area, category, default) if area else default


def category_explain(layer: str, category: str, default: str = "") -> str:
    """The one-line explanation of a layer's category; ``default`` where there is none."""
    area = LAYER_AREAS.get(layer)
    return explain(area, category, default) if area else default
