"""What to notice, end to end on texts written for the tests: which sentences the
articles give, their evidence, and the section at the top of every output."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from framing import Article, compare, render_html, render_json, render_markdown
from framing.coverage.view import WordStep
from framing.notice.choices import real_changes
from framing.renderers.worksheet import render_worksheet

from .test_templates import ACCUSING

PLAIN = (
    "The council met on Tuesday to discuss the budget for the new library. "
    "Members reviewed the costs of the roof, the windows and the heating system. "
    "The meeting lasted two hours and ended with a vote on the first stage of the work. "
)
LOADED = (
    "Rioters brutalized the town and thugs spread chaos in the streets. "
    "The mob smashed windows while a reckless gang looted the shops. "
)
QUOTE_LOADED = '"The rioters brought chaos and the mob brutalized our town," Mayor Jane Ortiz said. '
LONG_QUOTE = (
    '"We will rebuild the bridge and we will end the rampant lawlessness in this city," '
    "Mayor Jane Ortiz said on Monday. "
)
SHORT_QUOTE = '"We will rebuild the bridge," Mayor Jane Ortiz said on Monday. '

CASES = {
    # one outlet's own words are loaded, the other's loaded words are all quoted
    "rates": [(LOADED + PLAIN * 4, "Daily A"), (QUOTE_LOADED + PLAIN * 4, "Daily B")],
    # the same quotation, one outlet ending it before the loaded words
    "cut": [(LONG_QUOTE + PLAIN * 3, "Daily A"), (SHORT_QUOTE + PLAIN * 3, "Daily B")],
    # the same quotation, one outlet with another word in it
    "changed": [
        (
            '"We will never surrender to the mob that burned our town hall," Mayor Jane Ortiz said. '
            + PLAIN * 3,
            "Daily A",
        ),
        (
            '"We will never surrender to the crowd that burned our town hall," Mayor Jane Ortiz said. '
            + PLAIN * 3,
            "Daily B",
        ),
    ],
    "verbs": [
        (
            "Mayor Jane Ortiz claimed the plan was ready. Tom Reyes slammed the budget. "
            "Ana Cruz decried the cuts. " + PLAIN * 3,
            "Daily A",
        ),
        (
            "Mayor Jane Ortiz said the plan was ready. Tom Reyes said the budget was fine. Ana Cruz told "
            "reporters the cuts were small. Officials added that work would start soon. " + PLAIN * 3,
            "Daily B",
        ),
    ],
    "residents": [
        (
            "Local residents said the water smelled of oil. Mayor Jane Ortiz said the water was safe. "
            "Local residents said their children had fallen ill. " + PLAIN * 3,
            "Daily A",
        ),
        (
            "Mayor Jane Ortiz said the water was safe. Governor Ana Cruz said tests were under way. "
            + PLAIN * 3,
            "Daily B",
        ),
    ],
    "labels": [
        ("The regime announced new taxes on Monday. " + PLAIN * 3, "Daily A"),
        ("The government announced new taxes on Monday. " + PLAIN * 3, "Daily B"),
    ],
    "alike": [(PLAIN * 3, "Daily A"), (PLAIN * 3, "Daily B")],
    "short": [("Rioters brutalized the town.", "Daily A"), (PLAIN * 3, "Daily B")],
    "single": [(LOADED + PLAIN * 2, "Daily A")],
}


@pytest.fixture(scope="module")
def compared():
    return {
        name: compare(
            [Article(text, id=f"{name}{n}", outlet=outlet) for n, (text, outlet) in enumerate(arts)]
        )
        for name, arts in CASES.items()
    }


def templates(comparison) -> list[str]:
    return [n.template for n in comparison.notices]


@pytest.mark.parametrize(
    "case, present, absent",
    [
        ("rates", {"own_rate_gap"}, {"alike", "few_own_words", "quotation_cut_end"}),
        ("cut", {"quotation_cut_end"}, {"own_rate_gap", "alike"}),
        ("changed", {"quotation_changed"}, {"quotation_cut_end", "alike"}),
        ("verbs", {"judging_verbs"}, {"alike", "quotation_cut_end"}),
        ("residents", {"only_source_type", "unnamed_sources"}, {"alike"}),
        ("labels", {"label_choice"}, {"alike", "judging_verbs"}),
        ("alike", {"alike"}, {"own_rate_gap", "label_choice", "judging_verbs", "few_own_words"}),
        ("short", {"few_own_words"}, {"own_rate_gap", "alike"}),
        ("single", {"single_article"}, {"own_rate_gap", "alike"}),
    ],
)
def test_the_sentences_the_articles_give(compared, case, present, absent):
    found = set(templates(compared[case]))
    assert present <= found and not (absent & found), templates(compared[case])


@pytest.mark.parametrize(
    "case, words",
    [
        (
            "rates",
            [
                "Daily A uses 36 loaded words per 1,000 in its own voice (7 in 194 words)",
                "Daily B uses none that framing finds in its 176 words: its 4 are all inside quotations.",
            ],
        ),
        (
            "cut",
            [
                "Daily B ends Jane Ortiz\u2019s quotation before \u201cand we will end the rampant lawlessness in "
                "this city\u201d, words Daily A quotes; among them the loaded word \u201crampant lawlessness\u201d."
            ],
        ),
        (
            "changed",
            [
                "Daily B gives Jane Ortiz\u2019s quotation with \u201ccrowd\u201d where Daily A has \u201cmob\u201d. "
                "Check both versions"
            ],
        ),
        ("verbs", ["\u201cclaimed\u201d, \u201cslammed\u201d and \u201cdecried\u201d", "for all 4."]),
        (
            "labels",
            ["Daily A writes \u201cregime\u201d, a negative word, in its own voice; Daily B does not"],
        ),
        ("short", ["Daily A has only 4 words of its own, too few to compare its loaded words"]),
    ],
)
def test_the_sentences_say_the_numbers(compared, case, words):
    text = " ".join(n.text for n in compared[case].notices)
    for w in words:
        assert w in text


def test_one_article_gives_one_sentence(compared):
    (only,) = compared["single"].notices
    assert only.template == "single_article" and "Daily A" in only.text and "nothing to compare" in only.text


def test_no_articles_give_no_sentence():
    assert compare([]).notices == ()


def test_a_few_and_ranked(compared):
    for c in compared.values():
        assert 1 <= len(c.notices) <= 8
        assert len({n.text for n in c.notices}) == len(c.notices)


def test_evidence_slices_back(compared):
    for c in compared.values():
        for n in c.notices:
            for e in n.evidence:
                assert c.articles[e.article].label == e.label
                assert c.analyses[e.article].text[e.start : e.end] == e.words
    cut = next(n for n in compared["cut"].notices if n.template == "quotation_cut_end")
    assert [(e.label, e.kind, e.words) for e in cut.evidence] == [
        ("Daily B", "cut", "We will rebuild the bridge"),
        ("Daily A", "loaded", "rampant lawlessness"),
    ]


def test_no_sentence_accuses(compared):
    for c in compared.values():
        for n in c.notices:
            assert not ACCUSING.search(n.text), n.text


def test_the_same_articles_give_the_same_sentences(compared):
    again = compare([Article(t, id=f"rates{n}", outlet=o) for n, (t, o) in enumerate(CASES["rates"])])
    assert again.notices == compared["rates"].notices


# -- in every output -------------------------------------------------------------------------


def test_html_section_comes_first_and_links_to_its_words(compared):
    page = render_html(compared["cut"])
    section = page.index(
        '<section id="notice" aria-labelledby="notice-h"><h2 id="notice-h">What to notice</h2>'
    )
    # the first section of the page, under its title and lede, before the switches
    assert page.index("<h2") == section + page[section:].index("<h2")
    assert page.index('<p class="lede">') < section < page.index('class="controls"')
    links = re.findall(r'<a href="#(n\d+-e\d+)"', page)
    assert links and all(page.count(f'id="{ident}"') == 1 for ident in links)
    # the link lands where the evidence begins in the text
    assert re.search(r'<span id="n\d+-e1" class="ev"></span>We will rebuild', page)


def test_markdown_section_comes_first_with_the_words_quoted(compared):
    md = render_markdown(compared["cut"])
    assert md.index("## What to notice") < md.index("| Article |")
    assert md.index("## What to notice") == min(m.start() for m in re.finditer(r"^## ", md, re.M))
    assert "The words: \u201cWe will rebuild the bridge\u201d (Daily B)" in md


def test_worksheet_asks_to_check_them_first(compared):
    page = render_worksheet(compared["cut"])
    assert page.index('id="notice"') < page.index("<h2>Article 1")
    assert "Check this: \u201cDaily B ends Jane Ortiz" in page
    key = page[page.index("Answer key") :]
    assert "\u201cWe will rebuild the bridge\u201d (Daily B)" in key


def test_json_round_trips(compared):
    c = compared["cut"]
    data = json.loads(render_json(c))
    assert data["notices"] == json.loads(json.dumps([n.to_dict() for n in c.notices]))
    first = data["notices"][0]
    assert set(first) == {"template", "text", "values", "evidence", "hedged", "section"}
    for e in (e for n in data["notices"] for e in n["evidence"]):
        assert data["articles"][e["article"]]["article"]["text"][e["start"] : e["end"]] == e["words"]


HOSTILE = '<script>alert("x")</script> *bold* _it_ [link](http://x) `code` # | $x$'


def test_hostile_names_and_text_are_escaped():
    long_name = "Outlet " + "very " * 80 + HOSTILE
    c = compare(
        [
            Article(LOADED + PLAIN * 4, id="h1", outlet=long_name),
            Article(QUOTE_LOADED + HOSTILE + " " + PLAIN * 4, id="h2", outlet="<b>B</b> *B*"),
        ]
    )
    assert any(long_name in n.text for n in c.notices)
    page = render_html(c)
    section = page[page.index('<section id="notice"') : page.index("</section>")]
    assert "<script>" not in section and "<b>B</b>" not in section
    assert "&lt;b&gt;B&lt;/b&gt;" in section
    md = render_markdown(c)
    notice = md[md.index("## What to notice") : md.index("| Article |")]
    assert "<script>" not in notice and "*B*" not in notice and "\\*B\\*" in notice
    assert "<script>" not in render_worksheet(c).split("<style>")[0]


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.lists(st.sampled_from([PLAIN, LOADED, QUOTE_LOADED, LONG_QUOTE, SHORT_QUOTE, "\n\n"]), max_size=6),
        min_size=1,
        max_size=3,
    )
)
def test_any_articles_give_a_few_sentences_whose_words_slice_back(parts):
    c = compare([Article("".join(p), id=f"p{n}", outlet=f"Outlet {n}") for n, p in enumerate(parts)])
    assert 1 <= len(c.notices) <= 8
    for n in c.notices:
        assert n.text and not ACCUSING.search(n.text)
        for e in n.evidence:
            assert c.analyses[e.article].text[e.start : e.end] == e.words


def test_all_quoted_is_said_where_the_gap_is_not():
    """Two loaded words of its own are too few for a gap, but the other article's loaded
    words all being quoted is still worth a sentence."""
    c = compare(
        [
            Article("Rioters brutalized the town. " + PLAIN * 4, id="g1", outlet="Daily A"),
            Article(QUOTE_LOADED + PLAIN * 4, id="g2", outlet="Daily B"),
        ]
    )
    assert "own_rate_gap" not in templates(c)
    quoted = next(n for n in c.notices if n.template == "all_loaded_quoted")
    assert quoted.text.startswith("framing finds no loaded words in Daily B's own voice")
    assert quoted.text.endswith("are all inside quotations.")


def _step(op: str, words: str, as_written: str | None = None) -> WordStep:
    return WordStep(op, words, words if as_written is None else as_written)


@pytest.mark.parametrize(
    ("steps", "changes"),
    [
        # one word swapped between kept words: the speaker's words altered
        (
            [_step("keep", "we will never"), _step("change", "mob", "crowd"), _step("keep", "that burned")],
            [("mob", "crowd")],
        ),
        # another form of the same word is not a change of words
        (
            [
                _step("keep", "we want"),
                _step("change", "cooperation", "cooperate"),
                _step("keep", "with them"),
            ],
            [],
        ),
        # at the start or the end: a partial quotation beside the outlet's own words
        ([_step("change", "This", "an"), _step("keep", "untimely assertion by the department")], []),
        ([_step("keep", "an untimely assertion"), _step("change", "today", "then")], []),
        # a long change: two different quotations stitched together
        (
            [
                _step("keep", "it will"),
                _step("change", "take an extraordinary and unprecedented step", "become political theater"),
                _step("keep", "and provoke a conflict"),
            ],
            [],
        ),
        # the outlet's words between two partial quotations (a quotation mark inside)
        (
            [
                _step("keep", "a stunt"),
                _step("change", "meant", '" meant to "'),
                _step("keep", "provoke a conflict"),
            ],
            [],
        ),
        # a cut next to the change: not between kept words
        ([_step("keep", "we will"), _step("change", "fight", "win"), _step("cut", "for our town")], []),
    ],
)
def test_only_small_changes_between_kept_words_read_as_altered_quotations(steps, changes):
    assert real_changes(steps) == changes
