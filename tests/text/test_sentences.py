import pytest

from framing import builtin_lexicons
from framing.text.sentences import SentenceSplitter


@pytest.fixture(scope="module")
def splitter():
    return SentenceSplitter(a.abbreviation for a in builtin_lexicons()["abbreviations"].entries)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Gov. Gavin Newsom spoke. He left.", ["Gov. Gavin Newsom spoke.", "He left."]),
        (
            "Sen. Ann Lee and Rep. Bo Diaz met on Jan. 5. Then they ate.",
            ["Sen. Ann Lee and Rep. Bo Diaz met on Jan. 5.", "Then they ate."],
        ),
        ("Mr. and Mrs. Smith met Dr. Jones. It rained.", ["Mr. and Mrs. Smith met Dr. Jones.", "It rained."]),
        ("The U.S. Army moved. Troops left.", ["The U.S. Army moved.", "Troops left."]),
        ('"Troops out of L.A." That was the reply.', ['"Troops out of L.A."', "That was the reply."]),
        ('"We won," she said. "Again."', ['"We won," she said.', '"Again."']),
        # a bracket closing an abbreviation, then a lowercase word: one sentence
        (
            "Sen. Jo Reed (D-R.I.) said it would pass. Then he left.",
            ["Sen. Jo Reed (D-R.I.) said it would pass.", "Then he left."],
        ),
        (
            "Sen. Jo Reed (D-R.I.), a Democrat, said it would pass. Then he left.",
            ["Sen. Jo Reed (D-R.I.), a Democrat, said it would pass.", "Then he left."],
        ),
        ("He voted no (in Ohio, Va.). Then he left.", ["He voted no (in Ohio, Va.).", "Then he left."]),
    ],
)
def test_sentences(splitter, text, expected):
    assert [text[s:e] for s, e in splitter.spans(text)] == expected
