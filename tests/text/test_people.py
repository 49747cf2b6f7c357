"""The resolver of people: every rule, and the failures it was written against."""

import pytest

from framing import Article


def mentions(pipeline, text):
    """(mention words, kind, resolved names) for every mention the resolver found."""
    doc = pipeline.segment(Article(text))
    people = doc.people
    return [
        (text[m.start : m.end], m.kind, tuple(people.entity(i).name for i in m.entities))
        for m in people.mentions
    ]


def resolved(pipeline, text, words):
    found = [names for w, _, names in mentions(pipeline, text) if w == words]
    assert found, mentions(pipeline, text)
    return found[0]


@pytest.mark.parametrize(
    "text, words, names",
    [
        # agreement: a first name, "Mr."/"Ms.", a gendered role decide "he" from "she"
        ("Karen Bass met Tom Homan. She left early.", "She", ("Karen Bass",)),
        ("Karen Bass met Tom Homan. He left early.", "He", ("Tom Homan",)),
        ("Ms. Jordan Lee met Mr. Casey Ruiz. She left early.", "She", ("Jordan Lee",)),
        ("Councilwoman Jordan Lee met Casey Ruiz. She left early.", "She", ("Jordan Lee",)),
        # nobody who agrees: unresolved, never guessed
        ("Tom Homan met Jim Tate. She left early.", "She", ()),
        # subject preference: two men, the subject of the sentence before
        ("Tom Homan met Jim Tate on Monday. He left early.", "He", ("Tom Homan",)),
        # a person is never "it"
        ("Tom Homan spoke on Monday. It said the plan failed.", "It", ()),
        # people named together are "they", each of them
        ("Karen Bass and Gavin Newsom met. They agreed.", "They", ("Karen Bass", "Gavin Newsom")),
        # "both leaders": the last two people named
        (
            "Gov. Gavin Newsom met Mayor Karen Bass. Both leaders spoke.",
            "Both leaders",
            ("Gavin Newsom", "Karen Bass"),
        ),
        # titles and roles: the one person given them
        ("Gov. Gavin Newsom spoke. Later the governor left.", "the governor", ("Gavin Newsom",)),
        ("Councilwoman Ana Ruiz spoke. Later the councilwoman left.", "the councilwoman", ("Ana Ruiz",)),
        (
            "Javad Zarif, Iran's foreign minister, spoke. Iran's foreign minister left.",
            "Iran's foreign minister",
            ("Javad Zarif",),
        ),
        # two mayors: "the mayor" is either, so neither
        ("Mayor Ana Ruiz met Mayor Tom Lee. The mayor spoke.", "The mayor", ()),
        # an acronym in brackets is the body spelled out before it
        (
            "The Centers for Disease Control and Prevention (CDC) spoke. The CDC left.",
            "CDC",
            ("Centers for Disease Control and Prevention",),
        ),
        # a relative pronoun is the name before it
        ("Ana Ruiz, who leads the council, spoke.", "who", ("Ana Ruiz",)),
    ],
)
def test_resolver_rules(pipeline, text, words, names):
    assert resolved(pipeline, text, words) == names


@pytest.mark.parametrize(
    "text, not_names",
    [
        # dates, headline fragments and photo credits are never names
        ("On Thursday the council met Ana Ruiz.", {"On Thursday", "Thursday"}),
        ("Lawyers Argue Over Border Plan\n\nThe court met Ana Ruiz.", {"Lawyers Argue"}),
        ("The council met. (Dana Verkouteren via AP)\n\nAna Ruiz spoke.", {"Dana Verkouteren"}),
    ],
)
def test_never_a_name(pipeline, text, not_names):
    doc = pipeline.segment(Article(text))
    names = {e.name for e in doc.people.entities}
    assert not names & not_names, names


@pytest.mark.parametrize(
    "text, speaker, speakers",
    [
        # "she said" with one woman in the story
        ('Tom Homan met Karen Bass on Monday. "We will see," she said.', "Karen Bass", ()),
        # "the councilwoman" joined to the person
        ('Councilwoman Ana Ruiz spoke. "No," the councilwoman said.', "Ana Ruiz", ()),
        # a joint speaker credits each person
        (
            "Karen Bass and Gavin Newsom said the plan would fail.",
            "Karen Bass and Gavin Newsom",
            ("Karen Bass", "Gavin Newsom"),
        ),
        # "both leaders" linked to the two leaders
        (
            "Gov. Gavin Newsom met Mayor Karen Bass. Both leaders said the plan would fail.",
            "Gavin Newsom and Karen Bass",
            ("Gavin Newsom", "Karen Bass"),
        ),
    ],
)
def test_speakers_from_the_resolver(pipeline, text, speaker, speakers):
    quotes = [q for q in pipeline.analyze(text).quotes if q.kind != "scare"]
    assert [(q.speaker, q.speakers) for q in quotes][:1] == [(speaker, speakers)]


def test_a_quotation_that_runs_on_keeps_its_speaker_and_cue(pipeline):
    text = '"We will win," Ana Ruiz said on Monday.\n\n"And we will not stop."'
    quotes = pipeline.analyze(text).quotes
    assert [(q.speaker, q.resolution, q.cue) for q in quotes] == [
        ("Ana Ruiz", "named", "say"),
        ("Ana Ruiz", "continuation", "say"),
    ]
    assert (quotes[0].cue_start, quotes[0].speaker_start) == (quotes[1].cue_start, quotes[1].speaker_start)


def test_a_joint_speaker_is_credited_each_in_sourcing(pipeline):
    result = pipeline.analyze("Karen Bass and Gavin Newsom said the plan would fail.")
    rows = result.metrics.sourcing.speakers
    assert [r.name for r in rows] == ["Karen Bass", "Gavin Newsom"]


@pytest.mark.parametrize(
    "text",
    [
        # a photographer in a photo credit is no speaker
        'The council met. (Dana Verkouteren via AP)\n\n"We will win," said the mayor.',
        # non-speech senses of cue words
        "Ana Ruiz faces charges of fraud after the vote.",
        "The Saudi-backed forces moved north on Monday.",
        "Ana Ruiz made an offer of $5 million for the building.",
        "They wanted to have their say on the plan.",
        "On Thursday higher premiums hit the families of the city.",
    ],
)
def test_must_not_be_an_attribution(pipeline, text):
    quotes = [q for q in pipeline.analyze(text).quotes if q.kind != "scare"]
    spoken = [(q.speaker, q.cue) for q in quotes]
    assert all(
        s not in ("Dana Verkouteren", "On Thursday", "higher premiums", "the order") for s, _ in spoken
    )
    assert all(c not in ("charge", "offer", "back") for _, c in spoken), spoken
