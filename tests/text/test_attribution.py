"""Attribution: every common news pattern, and what must not be an attribution."""

import re
import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from framing import Article


def attributions(pipeline, text):
    result = pipeline.analyze(Article(text))
    return result, [q for q in result.quotes if q.kind != "attitude"]


def content(text, q):
    return text[q.content_start : q.content_end]


SPEAKER_CASES = [
    # (text, quoted or reported words, speaker)
    ('"We will win," Ana Ruiz said.', "We will win,", "Ana Ruiz"),
    ('"We will win," said Ana Ruiz, the mayor of Elm City.', "We will win,", "Ana Ruiz"),
    ('Ana Ruiz said: "We will win."', "We will win.", "Ana Ruiz"),
    ('Ana Ruiz spoke at noon. She said:\n\n"We will win."', "We will win.", "Ana Ruiz"),
    ('"We will rebuild the bridge." \u2014 Commissioner Ana Ruiz', "We will rebuild the bridge.", "Ana Ruiz"),
    ('Ruiz: "We will win"', "We will win", "Ruiz"),
    ('Mayor Ana Ruiz called the plan "a disgrace to the city."', "a disgrace to the city.", "Ana Ruiz"),
    ('A City Hall statement said the fees were "unfair to families."', "unfair to families.", "City Hall"),
    (
        'Ana Ruiz posted on X that the vote was "a win for everyone."',
        "a win for everyone.",
        "Ana Ruiz",
    ),
    (
        '"The numbers are clear," Mr. Ortiz said.',
        "The numbers are clear,",
        "Ortiz",
    ),
    ('The White House said in a statement: "We follow the law."', "We follow the law.", "White House"),
]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a fixed phrase after the verb of the same clause is not the cue
        ('The White House said in a statement: "We follow the law."', [("direct", "White House", "say")]),
        # the quotation is the statement's only attribution: no reported speech over it
        (
            'In a statement provided to ABC News, the DHS said, "We follow the law."',
            [("direct", "DHS", "say")],
        ),
    ],
)
def test_one_attribution_with_its_verb(pipeline, text, expected):
    _, found = attributions(pipeline, text)
    assert [(q.kind, q.speaker, q.cue) for q in found] == expected


@pytest.mark.parametrize("text, words, speaker", SPEAKER_CASES)
def test_quotation_speakers(pipeline, text, words, speaker):
    _, found = attributions(pipeline, text)
    matching = [q for q in found if content(text, q) == words]
    assert matching, [(content(text, q), q.speaker) for q in found]
    assert matching[0].speaker == speaker


def test_split_quote_keeps_its_speaker(pipeline):
    text = '"We will win," Ana Ruiz said, "and we will not stop."'
    _, found = attributions(pipeline, text)
    assert [(content(text, q), q.speaker) for q in found] == [
        ("We will win,", "Ana Ruiz"),
        ("and we will not stop.", "Ana Ruiz"),
    ]


def test_statement_to_an_outlet_is_the_persons(pipeline):
    text = '"We are done," Ana Ruiz, the city\'s spokeswoman, said in a statement provided to the Gazette.'
    _, found = attributions(pipeline, text)
    assert [(q.speaker, q.kind) for q in found] == [("Ana Ruiz", "direct")]
    assert found[0].speaker_role == "the city's spokeswoman"
    assert found[0].source_type == "government"


REPORTED_CASES = [
    ("Ana Ruiz said that the bridge would reopen in May.", "the bridge would reopen in May", "Ana Ruiz"),
    ("Ana Ruiz said the bridge would reopen in May.", "the bridge would reopen in May", "Ana Ruiz"),
    ("According to Ana Ruiz, the bridge will reopen in May.", "the bridge will reopen in May", "Ana Ruiz"),
    ("The bridge will reopen in May, according to Ana Ruiz.", "The bridge will reopen in May", "Ana Ruiz"),
    ("Ana Ruiz told reporters the bridge would reopen in May.", "the bridge would reopen in May", "Ana Ruiz"),
    (
        "Ana Ruiz told reporters on Monday that the bridge would reopen.",
        "the bridge would reopen",
        "Ana Ruiz",
    ),
    ("Ana Ruiz warned that the bridge could fail.", "the bridge could fail", "Ana Ruiz"),
    ("Ana Ruiz, who leads the council, argued that the bridge was safe.", "the bridge was safe", "Ana Ruiz"),
    ("The bridge is safe, the council said Thursday.", "The bridge is safe", "council"),
    ("The bridge, Ana Ruiz said, is safe for cars and trucks.", "is safe for cars and trucks", "Ana Ruiz"),
    ("Ana Ruiz wrote that the bridge would reopen in May.", "the bridge would reopen in May", "Ana Ruiz"),
    # a colon and words not in quotation marks
    ("Ana Ruiz said: The bridge will reopen in May.", "The bridge will reopen in May", "Ana Ruiz"),
]


@pytest.mark.parametrize("text, words, speaker", REPORTED_CASES)
def test_reported_speech(pipeline, text, words, speaker):
    result, found = attributions(pipeline, text)
    reported = [q for q in found if q.kind in ("reported", "according-to")]
    assert len(reported) == 1, [(q.kind, content(text, q)) for q in found]
    q = reported[0]
    assert content(text, q).rstrip(".") == words
    assert speaker in q.speaker
    assert result.voice_at(q.content_start).voice == "reported"


def _cpu_seconds(work) -> float:
    """The least processor time of five runs of ``work`` (time this process spent, so
    other processes on the machine do not count)."""
    times = []
    for _ in range(5):
        began = time.process_time()
        work()
        times.append(time.process_time() - began)
    return min(times)


def test_a_long_word_after_an_attribution_costs_what_a_short_one_does(pipeline):
    # 'said in <word> ...': the pattern once tried every way of splitting the word into
    # eight pieces, so twice the letters took some 2**7 = 128 times as long (four
    # seconds for 34 letters); read once, a word twice as long costs about the same
    def cost(letters: int) -> float:
        text = "Prices rose, the ministry said in " + "x" * letters + " a b c d e f g h i j k l."
        return _cpu_seconds(lambda: pipeline.segment(text))

    short, long = cost(16), cost(32)
    assert long < 4 * short, (short, long)


RESOLUTION_CASES = [
    # later mention -> resolved name, how
    ('Governor Ana Ruiz spoke first. "We are ready," Ruiz said.', "Ana Ruiz", "surname"),
    ('Governor Ana Ruiz spoke first. "We are ready," the governor said.', "Ana Ruiz", "title"),
    ('Governor Ana Ruiz spoke first. "We are ready," she said.', "Ana Ruiz", "pronoun"),
    ('"We are ready," she said.', "(unresolved)", "unresolved"),
    # abbreviated titles: "Gov." is a governor, "Lt. Gov." a lieutenant governor
    ('Gov. Gavin Newsom spoke on Monday. "We will sue," the governor said.', "Gavin Newsom", "title"),
    ('Sen. Bo Tate spoke. "No," the senator said.', "Bo Tate", "title"),
    ('Lt. Gov. Ana Ruiz spoke. "Yes," the lieutenant governor said.', "Ana Ruiz", "title"),
    # a role in commas after the name
    (
        'Sean Parnell, the Pentagon\'s chief spokesman, spoke on Monday. "We are ready," the spokesman said.',
        "Sean Parnell",
        "title",
    ),
    # "Mr." decides where the first name does not
    # gender from the first name: one woman and one man named together
    ('Karen Bass met Tom Homan. "We disagree," she said.', "Karen Bass", "pronoun"),
    ('Karen Bass met Tom Homan. "We will see," he said.', "Tom Homan", "pronoun"),
    # no one who agrees: unresolved, never guessed
    ('Tom Homan met Jim Tate. "We disagree," she said.', "(unresolved)", "unresolved"),
    ('Mr. Tom Homan met Karen Bass. "We will see," he said.', "Tom Homan", "pronoun"),
    ('Karen Bass met Tom Homan. Later Bass spoke. "We disagree," she said.', "Karen Bass", "pronoun"),
]


@pytest.mark.parametrize("text, speaker, how", RESOLUTION_CASES)
def test_speaker_resolution(pipeline, text, speaker, how):
    _, found = attributions(pipeline, text)
    quote = [q for q in found if q.kind == "direct"][-1]
    assert (quote.speaker, quote.resolution) == (speaker, how)


NOT_ATTRIBUTIONS = [
    'She sang "Born in the Dark" at the rally.',
    'The film "Long Night Home" opens on Friday.',
    'His book "The Art of the Fall" sold well.',
    'The program, called "Safe Streets," started in May.',
    # chants and lyrics are performed, not said: read like titles
    'At the rally, the crowd chanted "We shall overcome" for an hour.',
    'Protesters sang "This land is your land" outside City Hall.',
    'The crowd chanted, "No justice, no peace."',
    # "write" introduces speech only with "that" or a quotation
    "Jane Doe wrote a book about the border.",
    'She wrote a book called "Walls and Bridges" in 2019.',
]


@pytest.mark.parametrize("text", NOT_ATTRIBUTIONS)
def test_titles_in_quotes_are_not_speech(pipeline, text):
    result, found = attributions(pipeline, text)
    assert found == []
    assert {v.voice for v in result.voices} == {"narration"}


@pytest.mark.parametrize(
    "text, words",
    [
        ('The so-called "reform" passed.', "reform"),
        ('The "temporary" measure lasted ten years.', "temporary"),
    ],
)
def test_scare_quotes_have_no_speaker(pipeline, text, words):
    _, found = attributions(pipeline, text)
    assert [(content(text, q), q.kind, q.speaker) for q in found] == [(words, "scare", None)]


@pytest.mark.parametrize(
    "text, source_type, party",
    [
        ('"Yes," said Governor Ana Ruiz.', "elected", None),
        ('"Yes," said Democratic Mayor Ana Ruiz.', "elected", "Democratic"),
        ('"Yes," said Sen. Bo Tate (R-Texas).', "elected", "Republican"),
        ('"Yes," said Police Chief Ana Ruiz.', "military_police", None),
        ('"Yes," said Ana Ruiz, a professor of history.', "experts", None),
        ('"Yes," said Ana Ruiz, a local resident.', "ordinary", None),
        ('"Yes," said Judge Ana Ruiz.', "courts", None),
        ('"Yes," officials said.', "anonymous", None),
        ('"Yes," a senior official said.', "anonymous", None),
        # a document is no anonymous source: the reader can look it up
        ("Judge Ana Ruiz signed an order. The order said the raids must stop.", "documents", None),
        ("A new poll found that most voters want the raids to stop.", "documents", None),
        ("The report said that the raids had stopped.", "documents", None),
        ('"The raids must stop," the authors of the report said.', "experts", None),
        ('"Yes," said Ana Ruiz, the author of the report.', "experts", None),
        # a statement is the document of whoever issued it, where the text says who
        ("A City Hall statement said the fees were unfair.", "government", None),
        ("A statement from the ACLU said the fees were unfair.", "advocates", None),
        ("The statement said the fees were unfair.", "documents", None),
        ("The fees are unfair, the statement said.", "documents", None),
    ],
)
def test_source_types(pipeline, text, source_type, party):
    _, found = attributions(pipeline, text)
    assert (found[0].source_type, found[0].party) == (source_type, party)


@pytest.mark.parametrize(
    "text, phrase",
    [
        ("The plan will fail, officials said.", "officials"),
        ("A senior official said the plan will fail.", "A senior official"),
        (
            "The plan will fail, according to people familiar with the matter.",
            "people familiar with the matter",
        ),
        ("The aide spoke on condition of anonymity.", "on condition of anonymity"),
        ("Critics say the plan will fail.", "Critics say"),
        ("Experts warn the plan will fail.", "Experts warn"),
        ("Some say the plan will fail.", "Some say"),
        ("It is believed the plan will fail.", "It is believed"),
        ("Many people are saying the plan will fail.", "Many people are saying"),
    ],
)
def test_vague_and_anonymous_sourcing(pipeline, text, phrase):
    result = pipeline.analyze(text)
    found = [f.text for f in result.findings_in(analyzer="sourcing")]
    assert any(phrase in f or f in phrase for f in found), found


@pytest.mark.parametrize(
    "text",
    [
        "Some of the water came from sources in the hills.",
        "Many residents left before the storm.",
        "It is a plan that some people liked.",
        "One official document was released on Monday.",
        "The water sources say a lot about the drought.",
        "Two officials, Karen Bass and Tom Homan, said the plan would fail.",
    ],
)
def test_function_words_do_not_fire(pipeline, text):
    assert pipeline.analyze(text).findings_in(analyzer="sourcing") == []


@pytest.mark.parametrize(
    "text, speaker, kind, named",
    [
        # a group noun opening a sentence is capitalised, not a name
        ("Officials said the plan would fail.", "officials", "group", False),
        ("Experts warn that the plan will fail.", "experts", "group", False),
        ("Critics say the plan will fail.", "critics", "group", False),
        # a party's members are capitalised wherever they stand
        ("Democrats say the plan will fail.", "Democrats", "group", False),
        (
            "Sources familiar with the plans said it would end soon.",
            "sources familiar with the plans",
            "group",
            False,
        ),
        # the people named in commas after a group noun are the speakers
        (
            "Two officials, Karen Bass and Tom Homan, said the plan would fail.",
            "Karen Bass and Tom Homan",
            "group",
            True,
        ),
        ("A city official, Ana Ruiz, said the plan would fail.", "Ana Ruiz", "person", True),
        # a coordinated subject is a group of named people, not one person
        (
            "Karen Bass and Gavin Newsom said the plan would fail.",
            "Karen Bass and Gavin Newsom",
            "group",
            True,
        ),
        ('"We will sue," Karen Bass and Gavin Newsom said.', "Karen Bass and Gavin Newsom", "group", True),
        (
            '"We will sue," Mayor Karen Bass and Gov. Gavin Newsom said.',
            "Karen Bass and Gavin Newsom",
            "group",
            True,
        ),
    ],
)
def test_who_is_named(pipeline, text, speaker, kind, named):
    _, found = attributions(pipeline, text)
    assert [(q.speaker, q.speaker_kind, q.named) for q in found] == [(speaker, kind, named)]


@pytest.mark.parametrize(
    "text, speakers",
    [
        # a source the text does not name is called as a reader would say it, and its
        # mentions at the start of a sentence and inside one are one voice
        (
            "The order says the city broke the law. The city must pay the fine, the order said.",
            [("the order", 2)],
        ),
        (
            "A spokesman said the city agreed. The spokesman added that the city would pay.",
            [("the spokesman", 2)],
        ),
        ("Sources say the bridge is safe. The deal is off, sources said.", [("sources", 2)]),
        ("Forty percent said the bridge was safe.", [("forty percent", 1)]),
        ("Some of his aides said the deal was off.", [("some of his aides", 1)]),
        # a name keeps its capitals
        ("The Elm City Council said the deal was off.", [("Elm City Council", 1)]),
    ],
)
def test_unnamed_sources_are_one_voice_each(pipeline, text, speakers):
    rows = pipeline.analyze(text).metrics.sourcing.speakers
    assert [(row.name, row.attributions) for row in rows] == speakers


def test_named_to_unnamed_ratio(pipeline):
    text = (
        '"We will win," Ana Ruiz said. "We will lose," officials said. '
        '"Maybe," Bo Tate said. The vote is close, sources said.'
    )
    m = pipeline.analyze(text).metrics.sourcing
    assert (m.named, m.unnamed) == (2, 2)
    assert m.named_to_unnamed == 1.0
    speakers = {s.name: s for s in m.speakers}
    assert speakers["Ana Ruiz"].cue_grades == {"neutral": 1}
    assert 0 <= speakers["Ana Ruiz"].first < speakers["Bo Tate"].first <= 1


def spans(text, q):
    """(kind, source mention, cue, content) of one attribution, as text."""
    source = text[q.speaker_start : q.speaker_end] if q.speaker_start is not None else None
    cue = text[q.cue_start : q.cue_end] if q.cue_start is not None else None
    return q.kind, source, cue, content(text, q).rstrip(".")


@pytest.mark.parametrize(
    "text, mention, speaker, resolution, words",
    [
        # the mention is the relative pronoun, as it is "she" in "she said"; the speaker
        # is the name or noun phrase it stands for
        (
            "Bo Tate met Ana Ruiz, who said she would run again.",
            "who",
            "Ana Ruiz",
            "relative",
            "she would run again",
        ),
        (
            "Bo Tate met voters who said the bridge should reopen.",
            "who",
            "voters",
            "relative",
            "the bridge should reopen",
        ),
        # an apostrophe inside a name ("O'Malley") does not cut it
        (
            "The plan was praised by Gov. Jo O'Malley, who noted that the wage had risen.",
            "who",
            "Jo O'Malley",
            "relative",
            "the wage had risen",
        ),
        # a surname stands for the full name given before; adverbs after the pronoun
        (
            "Ana Ruiz spoke first. Bo Tate thanked Ruiz, who later said the vote was fair.",
            "who",
            "Ana Ruiz",
            "relative",
            "the vote was fair",
        ),
        # "which" after a body
        (
            "The plan was praised by the Elm City Council, which said the wage had risen.",
            "which",
            "Elm City Council",
            "relative",
            "the wage had risen",
        ),
        (
            "Bo Tate backed the union, which said it would strike.",
            "which",
            "union",
            "relative",
            "it would strike",
        ),
        # the relative clause inside the subject's commas is not the source
        (
            "Bo Tate, who has run twice, has said the count was fair.",
            "Bo Tate",
            "Bo Tate",
            "named",
            "the count was fair",
        ),
    ],
)
def test_relative_pronoun_sources(pipeline, text, mention, speaker, resolution, words):
    found = [q for q in pipeline.analyze(text).quotes if q.kind == "reported"]
    assert [
        (text[q.speaker_start : q.speaker_end], q.speaker, q.resolution, content(text, q).rstrip("."))
        for q in found
    ] == [(mention, speaker, resolution, words)]


@pytest.mark.parametrize(
    "text, expected, speaker",
    [
        # the mention stops at the speaker: a place of speech after it is no part of it
        (
            "Ana Ruiz in a report Monday said that the bridge was safe.",
            ("reported", "Ana Ruiz", "said", "the bridge was safe"),
            "Ana Ruiz",
        ),
        (
            '"They have never worked," said Ana Ruiz in a statement.',
            ("direct", "Ana Ruiz", "said", "They have never worked,"),
            "Ana Ruiz",
        ),
        (
            "Ana Ruiz said in a report Monday that the bridge was safe.",
            ("reported", "Ana Ruiz", "said", "the bridge was safe"),
            "Ana Ruiz",
        ),
        # a document with what dates it is the source; its name is the document
        (
            "A lawsuit filed Monday says the city broke the law.",
            ("reported", "A lawsuit filed Monday", "says", "the city broke the law"),
            "the lawsuit",
        ),
        # a parenthetical attribution before "and" and a new clause: only what is before it
        (
            "The bridge is safe, Ana Ruiz said in a report Monday, and the city agreed.",
            ("reported", "Ana Ruiz", "said", "The bridge is safe"),
            "Ana Ruiz",
        ),
    ],
)
def test_the_mention_is_the_source_alone(pipeline, text, expected, speaker):
    found = pipeline.analyze(text).quotes
    assert [(spans(text, q), q.speaker) for q in found] == [(expected, speaker)]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a clause is no subject: no source rather than one that runs on
        (
            "A majority of Democrats said they want a new leader.",
            [("reported", "A majority of Democrats", "said", "they want a new leader")],
        ),
        ("The email goes on to say the plan is cruel.", []),
        ("Voters in the city are more likely to say the bridge is safe.", []),
        ("He was among 25 senators in 2008 to vote against the bailout.", []),
    ],
)
def test_a_clause_is_no_source(pipeline, text, expected):
    assert [spans(text, q) for q in pipeline.analyze(text).quotes] == expected


def test_a_relative_pronoun_credits_its_antecedent_everywhere(pipeline):
    text = "Bo Tate met Ana Ruiz, who said the bridge was a disgrace. He thanked the aides, who said the count was fair."
    result = pipeline.analyze(text)
    speakers = result.metrics.sourcing.speakers
    assert [(row.name, row.named, row.reported) for row in speakers] == [
        ("Ana Ruiz", True, 1),
        ("aides", False, 1),
    ]
    # the unnamed source is marked on the words that describe it, not on "who"
    assert [f.text for f in result.findings if f.category == "anonymous"] == ["aides"]
    disgrace = result.voice_at(text.index("disgrace"))
    assert (disgrace.voice, disgrace.speaker) == ("reported", "Ana Ruiz")


@pytest.mark.parametrize(
    "text, expected",
    [
        # an abbreviation inside an appositive ends no clause
        (
            "Nick Ortiz, a spokesman for Mrs. Ruiz, said that the focus was wages.",
            ("reported", "Nick Ortiz", "said", "the focus was wages"),
        ),
        # a party code in brackets between the name and the verb
        (
            "Sen. Bo Tate (R-Texas) said he would vote against the bill.",
            ("reported", "Sen. Bo Tate", "said", "he would vote against the bill"),
        ),
        # "and" inside an appositive is no boundary
        (
            "Ana Ruiz, whose district includes farms and factories, said the tariff would hurt workers.",
            ("reported", "Ana Ruiz", "said", "the tariff would hurt workers"),
        ),
        # noun phrases that no lexicon knows are still sources
        (
            "The Republican nominee said he would win the state.",
            ("reported", "The Republican nominee", "said", "he would win the state"),
        ),
        (
            "Bo Tate's campaign said the report was false.",
            ("reported", "Bo Tate's campaign", "said", "the report was false"),
        ),
        (
            "A new poll shows Ana Ruiz leading by five points.",
            ("reported", "A new poll", "shows", "Ana Ruiz leading by five points"),
        ),
        # a poll, a study or a record speaks for itself: the whole phrase is the source
        (
            "A new Elm City Herald poll shows Ana Ruiz leading by five points.",
            ("reported", "A new Elm City Herald poll", "shows", "Ana Ruiz leading by five points"),
        ),
        (
            "Exit polling showed that Ana Ruiz won every county.",
            ("reported", "Exit polling", "showed", "Ana Ruiz won every county"),
        ),
        (
            "Early results from the county showed that Bo Tate had won.",
            ("reported", "Early results from the county", "showed", "Bo Tate had won"),
        ),
        # a pronoun with a contracted auxiliary is a subject, not a possessive
        (
            "Ana Ruiz spoke first. She\u2019s said the bridge is safe.",
            ("reported", "She", "said", "the bridge is safe"),
        ),
        (
            "The aides left early. They've said the bridge is safe.",
            ("reported", "They", "said", "the bridge is safe"),
        ),
        (
            "Ana Ruiz spoke first. She's also praising Bo Tate for his work on the bridge.",
            ("attitude", "She", "praising", "Bo Tate for his work on the bridge"),
        ),
        (
            "Ana Ruiz is now saying the bridge is safe.",
            ("reported", "Ana Ruiz", "saying", "the bridge is safe"),
        ),
        # poll respondents take positions; a one-word object is the whole position
        (
            "About 6 in 10 young voters backed Ana Ruiz.",
            ("attitude", "About 6 in 10 young voters", "backed", "Ana Ruiz"),
        ),
        ("Forty percent support Bo Tate.", ("attitude", "Forty percent", "support", "Bo Tate")),
        ("The mayor endorsed Bo Tate.", ("attitude", "The mayor", "endorsed", "Bo Tate")),
        # a word before the name and its comma is no part of the subject
        (
            "Still, Bo Tate, a senior adviser to Ms. Ruiz, said on Tuesday that the count was fair.",
            ("reported", "Bo Tate", "said", "the count was fair"),
        ),
        # a verb after "but" has the clause's subject
        (
            "Bo Tate left early, but told reporters on Monday that the count was fair.",
            ("reported", "Bo Tate", "told", "the count was fair"),
        ),
        # a quotation signed with "said" right after its comma, however long the sentence
        (
            'The tolls are "plainly unfair," said Bo Tate, a senior director of policy at the '
            "Elm City Institute, and a former mayor.",
            ("partial", "Bo Tate", "said", "plainly unfair,"),
        ),
        # an auxiliary after a relative clause in commas
        (
            "Bo Tate, who has run twice, has said the count was fair.",
            ("reported", "Bo Tate", "said", "the count was fair"),
        ),
        (
            "An Elm City Herald article published Friday found no record of the vote.",
            ("reported", "An Elm City Herald article published Friday", "found", "no record of the vote"),
        ),
        # a part of a group, a relative clause after the speaker, a reflexive after it
        (
            '"It was awful," said one of two witnesses who saw the fight.',
            ("direct", "one of two witnesses", "said", "It was awful,"),
        ),
        (
            "Some of his aides said the deal was off.",
            ("reported", "Some of his aides", "said", "the deal was off"),
        ),
        ("The city itself said the deal was off.", ("reported", "The city", "said", "the deal was off")),
        # after "told" and its audience a clause is the content, even one with "to" in it
        (
            "Ana Ruiz told reporters she expects to win.",
            ("reported", "Ana Ruiz", "told", "she expects to win"),
        ),
        ("Ana Ruiz told voters to turn out.", ("reported", "Ana Ruiz", "told", "to turn out")),
        # a clause before the subject is not part of it
        (
            "Even though the park allows skating, the women say officers still watch them.",
            ("reported", "the women", "say", "officers still watch them"),
        ),
        # a phrase before the subject, an adverb after it
        (
            "In response, the company said it quickly removed the post.",
            ("reported", "the company", "said", "it quickly removed the post"),
        ),
        (
            "Bo Tate however said he would welcome the vote.",
            ("reported", "Bo Tate", "said", "he would welcome the vote"),
        ),
        (
            "About one in five say they would not vote at all.",
            ("reported", "About one in five", "say", "they would not vote at all"),
        ),
        (
            "Each side said the other would be to blame.",
            ("reported", "Each side", "said", "the other would be to blame"),
        ),
        # a head noun with a modifier after it: the whole phrase is the mention
        (
            "A person familiar with the planning for the meeting says the talks will focus on unity.",
            (
                "reported",
                "A person familiar with the planning for the meeting",
                "says",
                "the talks will focus on unity",
            ),
        ),
        # a description between dashes
        (
            "Jo Sims \u2014 a teacher from Elm City \u2014 says he made a late decision.",
            ("reported", "Jo Sims", "says", "he made a late decision"),
        ),
        ("On taxes, 42% say they are liberal.", ("reported", "42%", "say", "they are liberal")),
        # "that" after a place or time
        (
            "Sen. Jo Reed (D-R.I.), said after a lunch on Tuesday that he had not read the plan.",
            ("reported", "Sen. Jo Reed", "said", "he had not read the plan"),
        ),
        # a cue noun after a possessive
        (
            "Bo Tate's claim that the vote was rigged, which he repeated on Monday, was false.",
            ("reported", "Bo Tate", "claim", "the vote was rigged"),
        ),
        (
            "Ana Ruiz spoke first. Her statement on the budget cuts was brief.",
            ("reported", "Her", "statement", "the budget cuts"),
        ),
        (
            "In Ana Ruiz's view, the bridge is safe.",
            ("thought", "Ana Ruiz", "view", "the bridge is safe"),
        ),
        # whatever "according to" names is the source
        (
            "The budget grew by 5 percent, according to a newly released city report.",
            ("according-to", "a newly released city report", "according to", "The budget grew by 5 percent"),
        ),
        (
            "But according to the mayor's own tally, the budget grew by 5 percent.",
            ("according-to", "the mayor's own tally", "according to", "the budget grew by 5 percent"),
        ),
        # a title word before a comma does not make a signed quotation a title
        (
            'Ana Ruiz ran the grant program, "and towns needed the money," Bo Tate said.',
            ("direct", "Bo Tate", "said", "and towns needed the money,"),
        ),
        # a speaker after the verb with a long appositive
        (
            '"It is over," said Ana Ruiz, a former aide to the governor who now runs a small '
            "consulting firm that advises mayors in three states on their budgets.",
            ("direct", "Ana Ruiz", "said", "It is over,"),
        ),
        # an -ing form after a comma has the clause's subject
        (
            "Ana Ruiz criticized the plan, saying it would hurt workers.",
            ("reported", "Ana Ruiz", "saying", "it would hurt workers"),
        ),
        (
            "The senator left the room, adding that he would return.",
            ("reported", "The senator", "adding", "he would return"),
        ),
        # beliefs, wishes and plans are attributed, but as thought, not speech
        (
            "Ana Ruiz plans to run for governor next year.",
            ("thought", "Ana Ruiz", "plans", "to run for governor next year"),
        ),
        (
            "The campaign sought to play down the report.",
            ("thought", "The campaign", "sought", "to play down the report"),
        ),
        (
            "Ana Ruiz believes the bridge is safe.",
            ("thought", "Ana Ruiz", "believes", "the bridge is safe"),
        ),
        # talking about something is speech; comparing, portraying, favouring, challenging
        # and pushing for something are positions taken
        (
            "Bo Tate talked about the bridge for an hour.",
            ("reported", "Bo Tate", "talked about", "the bridge for an hour"),
        ),
        (
            "Ana Ruiz compared the toll to a tax on families.",
            ("attitude", "Ana Ruiz", "compared", "the toll to a tax on families"),
        ),
        (
            "Bo Tate portrayed the mayor as a fighter.",
            ("attitude", "Bo Tate", "portrayed", "the mayor as a fighter"),
        ),
        ("Most teachers favored Ana Ruiz.", ("attitude", "Most teachers", "favored", "Ana Ruiz")),
        (
            "Bo Tate challenged the mayor to a debate.",
            ("attitude", "Bo Tate", "challenged", "the mayor to a debate"),
        ),
        (
            "The union pushed for a new contract.",
            ("attitude", "The union", "pushed for", "a new contract"),
        ),
        # orders, rulings, reminders and plans laid out are speech; an offer or a concern
        # voiced is a position
        (
            "The judge ordered the state to count the ballots.",
            ("reported", "The judge", "ordered", "to count the ballots"),
        ),
        (
            "The court ruled that the map was unfair.",
            ("reported", "The court", "ruled", "the map was unfair"),
        ),
        (
            "Ana Ruiz reminded voters that the bridge was old.",
            ("reported", "Ana Ruiz", "reminded", "the bridge was old"),
        ),
        (
            "Bo Tate encouraged voters to turn out early.",
            ("reported", "Bo Tate", "encouraged", "to turn out early"),
        ),
        (
            "Bo Tate laid out a plan to rebuild the bridge.",
            ("reported", "Bo Tate", "laid out", "a plan to rebuild the bridge"),
        ),
        (
            "Ana Ruiz offered an apology to the voters.",
            ("attitude", "Ana Ruiz", "offered", "an apology to the voters"),
        ),
        (
            "Bo Tate voiced concern about the bridge.",
            ("attitude", "Bo Tate", "voiced", "concern about the bridge"),
        ),
        # words made public: a statement issued, a memo released, a list published
        (
            "The mayor issued a statement saying the bridge would reopen.",
            ("reported", "The mayor", "issued", "a statement saying the bridge would reopen"),
        ),
        (
            "The campaign released a memo arguing that the race was close.",
            ("reported", "The campaign", "released", "a memo arguing that the race was close"),
        ),
        (
            "Ana Ruiz identified the driver as a city worker.",
            ("reported", "Ana Ruiz", "identified", "the driver as a city worker"),
        ),
        # what someone weighs is a thought; a nomination is a position
        (
            "Ana Ruiz is considering a run for governor.",
            ("thought", "Ana Ruiz", "considering", "a run for governor"),
        ),
        (
            "The council nominated Bo Tate for the post.",
            ("attitude", "The council", "nominated", "Bo Tate for the post"),
        ),
        # votes and refusals are positions taken
        (
            "The council voted to approve the budget.",
            ("attitude", "The council", "voted to", "approve the budget"),
        ),
        (
            "The senator declined to comment on the report.",
            ("attitude", "The senator", "declined to", "comment on the report"),
        ),
    ],
)
def test_sources_cues_and_contents(pipeline, text, expected):
    found = [spans(text, q) for q in pipeline.analyze(text).quotes]
    assert found == [expected]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a name and a colon opening a line: the colon is the cue
        (
            'Bo Tate and Ana Ruiz spoke. Ruiz: "We will win the vote." Tate: "We will not."',
            [("direct", "Ruiz", ":"), ("direct", "Tate", ":")],
        ),
        (
            "Gingrich: Ruiz Must Decide On The Ticket.\n\nNewt Gingrich said on Monday that it was close.",
            [("reported", "Gingrich", ":"), ("reported", "Newt Gingrich", "said")],
        ),
        (
            "KATE BOLD: Why not debate?\n\nJOEL BENSON: This is a man who never ran a negative ad.",
            [("reported", "KATE BOLD", ":"), ("reported", "JOEL BENSON", ":")],
        ),
        # a known body or a poll before the colon of a headline
        (
            "AP: Ruiz aide routed city money to lobbyists\n\nThe aide denied it.",
            [("reported", "AP", ":")],
        ),
        ("Poll: Ruiz Takes First Lead In Elm City\n\nThe race is close.", [("reported", "Poll", ":")]),
    ],
)
def test_a_colon_after_a_name(pipeline, text, expected):
    found = [spans(text, q)[:3] for q in pipeline.analyze(text).quotes]
    assert found == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a headline in title case: a capitalised cue is a verb
        (
            "Former Ruiz Pollster Says Ruiz Is In Trouble In Elm City.\n\nThe race is close.",
            [("reported", "Former Ruiz Pollster", "Says")],
        ),
        ("Tate Endorses Ruiz For Mayor.\n\nThe race is close.", [("attitude", "Tate", "Endorses")]),
        # a capitalised cue word inside a name in a title-case headline is not a verb
        ("Secretary Of State Visits The Border Town Of Elm City.\n\nShe met the mayor.", []),
    ],
)
def test_title_case_headlines(pipeline, text, expected):
    found = [spans(text, q)[:3] for q in pipeline.analyze(text).quotes]
    assert found == expected


@pytest.mark.parametrize(
    "text, outer, inner",
    [
        # a speaker signing off after a clause that holds an attribution of its own
        (
            "Both surveys showed Ana Ruiz ahead by five points, the group said.",
            ("reported", "the group", "said", "Both surveys showed Ana Ruiz ahead by five points"),
            ("reported", "Both surveys", "showed", "Ana Ruiz ahead by five points"),
        ),
        (
            "Voters are tired of the long race and want a new mayor, Bo Tate said.",
            ("reported", "Bo Tate", "said", "Voters are tired of the long race and want a new mayor"),
            ("thought", "Voters", "want", "a new mayor"),
        ),
    ],
)
def test_a_sign_off_beside_an_attribution_inside_it(pipeline, text, outer, inner):
    found = sorted(spans(text, q) for q in pipeline.analyze(text).quotes)
    assert found == sorted([outer, inner])


def test_according_to_inside_another_attribution(pipeline):
    text = "The Herald reported that, according to an audit of the city, half of the funds were lost."
    found = [spans(text, q)[1:] for q in pipeline.analyze(text).quotes]
    assert ("an audit of the city", "according to", "half of the funds were lost") in found
    assert [cue for _, cue, _ in found] == ["reported", "according to"]


def test_according_to_a_pronoun(pipeline):
    text = "Jorge Ramos left Mexico in 1983. According to him, the network had censored his report."
    found = [(q.kind, q.speaker, q.resolution) for q in pipeline.analyze(text).quotes]
    assert found == [("according-to", "Jorge Ramos", "pronoun")]


def test_a_speaker_whose_words_hold_another_attribution(pipeline):
    # the outermost attribution is the analysts'; what they say Mr. Putin would do is
    # their words (the corpus and PolNeAR mark only the outermost one)
    text = "Military analysts say Mr. Putin would recognize the folly of a long war."
    found = [spans(text, q) for q in pipeline.analyze(text).quotes]
    assert found[0] == (
        "reported",
        "Military analysts",
        "say",
        "Mr. Putin would recognize the folly of a long war",
    )


@pytest.mark.parametrize(
    "text",
    [
        "The plan was rejected by the council on Monday.",
        "He was asked about the plan on Monday.",
        "Sales declined 3 percent last year.",
        "He walked home, carrying a bag of apples.",
        "The plans for the bridge were drawn up in May.",
        "The reason is that the bridge is old.",
        'Ana Ruiz criticized the order, calling it "cruel" on Monday.',
        "She served as secretary of state for four years.",
        # a position or a choice is not an attribution, nor a view of a place
        "His support for the group angered voters.",
        "Her decision to leave surprised everyone.",
        "The view from the hill is lovely.",
        # a cue word that is as often a noun, with no subject before it
        "The campaign won new support from mothers in three states.",
        "Nega had flown back to the United States for the meetings.",
        "The tax cut plans would add to the deficit over ten years.",
        # a place or a label before a colon is no speaker
        "Washington: The city was quiet all day on Monday.",
        "Note: The figures for May were revised on Monday.",
        # a cue word after a preposition is a noun
        "The mayor asked for support from the council.",
        "Thousands of people wrote in support of the plan.",
        # making public something that is not words
        "The band will release a new album in May.",
        "The police released the driver after an hour.",
        "The bridge is a big issue in the race.",
        # an order, a rule and an offer as nouns
        "The mayor signed an executive order on Monday.",
        "In order to win, she must carry the city.",
        "The rule took effect in May.",
        "The bridge offers a view of the river.",
        # a comparison of figures, a favour done, a challenge faced
        "Turnout rose by 5 percent, compared with 2 percent in May.",
        "The mayor did Bo Tate a favor on Monday.",
        "He faces a tough challenge in the fall.",
        # a possessive before a cue word still makes it a noun
        "Bo Tate's plans were drawn up in May.",
        # phrasal verbs that report no words and no position
        "Poll workers showed up early in the morning.",
        "Bo Tate backed away from the plan on Monday.",
        "The mayor called off the rally on Monday.",
        # a record or a share that is no subject of a cue
        "The survey of voters in May was short.",
        "Forty percent of the budget goes to schools.",
        # -ing words in a list are no participles of the subject; "One" is no name
        "One of the hard questions has been housing\u2014moving in, finding work, and more.",
        "Some of the hard questions have been housing, moving in, finding work, and more.",
        "One of the hard parts was moving in, finding work and saying goodbye to friends.",
    ],
)
def test_no_new_attribution(pipeline, text):
    found = [spans(text, q) for q in pipeline.analyze(text).quotes if q.kind != "partial"]
    assert found == []


def test_a_thought_is_not_speech(pipeline):
    """Who speaks counts what sources said, not what the outlet says they believe."""
    thought = pipeline.analyze("Ana Ruiz believes the bridge over the river is safe.").metrics.sourcing
    said = pipeline.analyze("Ana Ruiz said the bridge over the river is safe.").metrics.sourcing
    assert (thought.attributions, [s.name for s in thought.speakers]) == (0, [])
    assert (said.attributions, [s.name for s in said.speakers]) == (1, ["Ana Ruiz"])
    assert said.speakers[0].words == 7
    # the thought's words are still the holder's, for the rate of loaded words in them
    loaded = pipeline.analyze("Ana Ruiz believes the bridge over the river is safe.").metrics.loaded
    assert loaded.by_speaker["Ana Ruiz"].words == 7


def test_markup_is_no_cue(pipeline):
    text = 'Ana Ruiz wrote on Monday: <tweet id="1" author="@ruiz">We will win the vote.</tweet>'
    cues = [text[q.cue_start : q.cue_end] for q in pipeline.analyze(text).quotes if q.cue_start is not None]
    assert "tweet" not in cues


@given(st.text(alphabet=st.sampled_from(list('ab Z9,:;"\n\t\u00a0\u2003.')), max_size=30))
def test_ends_in_reads_the_last_character_before_trailing_space(text):
    from framing.text.attribution.patterns import _ends_in

    for chars, pattern in ((",:", r"[,:]\s*$"), ("abcdefghijklmnopqrstuvwxyz", r"[a-z]\s*$")):
        assert _ends_in(text, chars) == bool(re.search(pattern, text))


@pytest.mark.parametrize(
    "text",
    [
        # 'One of' read as a possible subject with nothing after "of" once raised IndexError
        "One of the hard questions has been housing—moving in, finding work, and all the costs "
        "that may involve. In a big city, no story is the same, but this is the one story that "
        "is missing from the news and missing from the debate.",
    ],
)
def test_a_part_of_phrase_without_its_group_is_read_without_error(pipeline, text):
    result, found = attributions(pipeline, text)
    assert result.voices[-1].end == len(text)
    for q in found:
        assert 0 <= q.content_start < q.content_end <= len(text)


@pytest.mark.parametrize(
    "text, speaker, words",
    [
        # a day or a time of day between the verb and its clause
        ("Ana Ruiz said Monday the bridge would reopen.", "Ana Ruiz", "the bridge would reopen"),
        ("Officials said Monday night they were confident.", "officials", "they were confident"),
    ],
)
def test_a_time_between_the_verb_and_its_clause(pipeline, text, speaker, words):
    _, found = attributions(pipeline, text)
    assert [(q.speaker, content(text, q)) for q in found] == [(speaker, words)]
